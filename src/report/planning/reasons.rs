//! The optimizer's values in French: why a slot or a day stayed short, the solver's stages and
//! statuses, how the run was cut, and the progress lines of a long run.

use crate::domain::Cents;
use crate::optimize::{
    Decomposition, DirectorDiploma, DirectorReason, ForcedBy, Objective, Obstacle, ObstacleCount,
    PeriodLinks, PeriodSplit, Phase, Progress, Psc1Day, SecondDirectors, SharedBudgetsStep,
    ShortageReason, SolveStatus, StageName,
};
use crate::report::wording;

/// The status of a stage, or of the run.
pub fn status(status: SolveStatus) -> &'static str {
    match status {
        SolveStatus::Optimal => "optimal",
        SolveStatus::GapLimit => "écart toléré atteint",
        SolveStatus::Shared => "budgets partagés",
        SolveStatus::TimeLimit => "limite de temps atteinte",
    }
}

/// `06/07–12/07/2026 — équipe actuelle, manques`.
pub fn stage_name(name: &StageName) -> String {
    let dates = match name.dates {
        Some((first, last)) if first == last => wording::date(first),
        Some((first, last)) => format!("{}–{}", wording::day_month(first), wording::date(last)),
        None => String::new(),
    };
    let phase = match name.phase {
        Phase::Team => "équipe actuelle".to_string(),
        Phase::Recruitment => "recrutement".to_string(),
        Phase::SharedBudgets { periods } => format!("budgets partagés entre {periods} périodes"),
    };
    let objective = match name.objective {
        Objective::Shortage => "manques",
        Objective::Cost => "coût",
        Objective::Directors => "directeurs de la semaine",
        Objective::Teams => "équipes stables",
        Objective::Stability => "stabilité",
    };
    format!("{dates} — {phase}, {objective}")
}

/// Why a slot stayed short.
pub fn shortage_reason(reason: &ShortageReason) -> String {
    match reason {
        ShortageReason::NobodyAvailable { sector } => format!(
            "aucun autre animateur disponible dans {} ce jour-là pour ce créneau",
            in_sector(sector)
        ),
        ShortageReason::NoQualifiedAvailable { sector } => format!(
            "aucun titulaire du BAFA (ou diplôme équivalent) disponible dans {}",
            in_sector(sector)
        ),
        ShortageReason::Blocked {
            available,
            sector,
            blocked,
            free,
            no_qualified,
        } => {
            let mut text = format!(
                "{} dans {}",
                available_people(*available),
                in_sector(sector)
            );
            if !blocked.is_empty() {
                text.push_str(&format!(", non mobilisables : {}", obstacles(blocked)));
            }
            if *free > 0 {
                text.push_str(&format!(" ; {}", free_words(*free)));
            }
            if *no_qualified {
                text.push_str(" ; aucun titulaire du BAFA disponible");
            }
            text
        }
    }
}

/// Why accueil-weeks have a second director, counted by rule: `2 imposées par les 48 h par
/// semaine (Code du travail L3121-20), 1 par une indisponibilité ; 1 choix du calcul`.
pub fn second_directors(second: &SecondDirectors) -> String {
    let mut parts: Vec<String> = second
        .forced
        .iter()
        .map(|(cause, weeks)| {
            let why = match cause {
                ForcedBy::Availability => "une indisponibilité du directeur principal",
                ForcedBy::DayHours => {
                    "une journée plus longue que sa limite (10 h, Code du travail L3121-18 ; 8 h \
                     avant 18 ans)"
                }
                ForcedBy::WeekHours => {
                    "la durée hebdomadaire (48 h, Code du travail L3121-20 ; 35 h avant 18 ans)"
                }
                ForcedBy::WeeklyRest => "le repos hebdomadaire (un jour sur sept)",
                ForcedBy::DaysBudget => "ses jours CEE ou son maximum de jours épuisés",
            };
            format!("{weeks} par {why}")
        })
        .collect();
    if let Some(first) = parts.first_mut() {
        *first = format!("imposées : {first}");
    }
    if second.chosen > 0 {
        parts.push(format!(
            "{} sans règle qui l'impose",
            wording::plural_unless_one(second.chosen as usize, "semaine", "semaines")
        ));
    }
    parts.join(", ")
}

/// Why a séjour or mini-camp day has no PSC1 holder in its team.
pub fn psc1_reason(day: &Psc1Day) -> String {
    let why = if day.holder_in_team {
        "les titulaires sont indisponibles ou déjà mobilisés"
    } else {
        "aucune personne qui peut travailler dans cet accueil ne le détient"
    };
    format!(
        "aucun titulaire du PSC1 dans l'équipe du jour, {why} (suivi sanitaire, {})",
        crate::rules::health::PSC1_ARTICLE
    )
}

/// Why a director is missing.
pub fn director_reason(reason: &DirectorReason) -> String {
    match reason {
        DirectorReason::NoHolder { diploma, sector } => format!(
            "aucun titulaire {} dans {}",
            director_diploma(*diploma),
            in_sector(sector)
        ),
        DirectorReason::NoneAvailableAllDay { diploma, sector } => format!(
            "aucun titulaire {} {} disponible toute la journée",
            director_diploma(*diploma),
            of_sector(sector)
        ),
        DirectorReason::NoneAvailable { diploma, sector } => format!(
            "aucun titulaire {} {} disponible sur un créneau de la journée",
            director_diploma(*diploma),
            of_sector(sector)
        ),
        DirectorReason::Blocked {
            sector,
            blocked,
            free,
        } => {
            let mut text = format!("directeurs possibles {}", of_sector(sector));
            if !blocked.is_empty() {
                text.push_str(&format!(" non mobilisables : {}", obstacles(blocked)));
            }
            if *free > 0 {
                text.push_str(&format!(" ; {}", free_words(*free)));
            }
            text
        }
    }
}

/// How the run was cut into components and periods.
pub fn decomposition(decomposition: &Decomposition) -> String {
    let mut notes = vec![components(&decomposition.components)];
    notes.extend(decomposition.periods.iter().map(period_split));
    notes.join(" ; ")
}

/// One line per event of a long run, for the terminal.
pub fn progress_line(event: &Progress<'_>) -> String {
    match event {
        Progress::Stage {
            elapsed_seconds,
            stage,
        } => {
            let objective = match stage.name.objective {
                Objective::Shortage => format!("manque pondéré {:.0}", stage.objective),
                Objective::Cost => format!("coût {}", Cents(stage.objective.round() as i64)),
                Objective::Directors => {
                    format!("{:.0} semaines à plusieurs directeurs", stage.objective)
                }
                Objective::Teams => format!("{:.0} journées hors de l'accueil", stage.objective),
                Objective::Stability => format!("{:.0} séquences", stage.objective),
            };
            format!(
                "[{elapsed_seconds:>6.1} s] groupe {} — {} : {}, {objective}, écart {} %, {} \
                 variables",
                stage.component + 1,
                stage_name(&stage.name),
                status(stage.status),
                wording::decimal(stage.gap * 100.0, 2),
                stage.variables
            )
        }
        Progress::Classes {
            classes,
            single,
            class_arcs,
            person_arcs,
        } => format!(
            "  {classes} classes (dont {single} d'une personne), {class_arcs} couples classe × \
             jour d'ouverture, pour {person_arcs} couples personne × jour d'ouverture"
        ),
        Progress::Rows { family, rows } => format!("  {family:<22} {rows:>7} lignes"),
        Progress::SharedBudgets {
            elapsed_seconds,
            step,
        } => {
            let step = match step {
                SharedBudgetsStep::PeriodsAlone => "périodes seules".to_string(),
                SharedBudgetsStep::ShortTogether { periods } => {
                    format!("{periods} périodes en manque ensemble")
                }
                SharedBudgetsStep::OtherPeriods => "autres périodes".to_string(),
                SharedBudgetsStep::ShortTogetherBound { periods } => {
                    format!("{periods} périodes en manque ensemble, borne")
                }
                SharedBudgetsStep::ShortPlan => "périodes en manque, plan".to_string(),
            };
            format!("[{elapsed_seconds:>6.1} s] budgets partagés : {step}")
        }
    }
}

/// "le secteur Doué" (after "dans").
fn in_sector(sector: &Option<String>) -> String {
    match sector {
        Some(sector) => format!("le secteur {sector}"),
        None => "le territoire".to_string(),
    }
}

/// "du secteur Doué" (after a noun).
fn of_sector(sector: &Option<String>) -> String {
    match sector {
        Some(sector) => format!("du secteur {sector}"),
        None => "du territoire".to_string(),
    }
}

fn director_diploma(diploma: DirectorDiploma) -> String {
    match diploma {
        DirectorDiploma::Professional { days, minors } => format!(
            "d'un diplôme professionnel de direction (DEJEPS, BPJEPS LTP…), exigé pour un \
             accueil ouvert plus de {days} jours à plus de {minors} mineurs (R227-14)"
        ),
        DirectorDiploma::Bafd => "du BAFD ou d'un diplôme de direction".to_string(),
    }
}

/// `3 animateurs disponibles`, `1 animateur disponible`.
fn available_people(available: usize) -> String {
    format!(
        "{} {}",
        wording::plural(available, "animateur", "animateurs"),
        wording::agree(available, "disponible", "disponibles")
    )
}

/// People free for a créneau the plan left short: not a reason, the calculation's failure.
fn free_words(free: usize) -> String {
    if free == 1 {
        "1 personne libre n'a pas été placée par le calcul (anomalie à signaler avec le fichier \
         d'entrée)"
            .to_string()
    } else {
        format!(
            "{free} personnes libres n'ont pas été placées par le calcul (anomalie à signaler \
             avec le fichier d'entrée)"
        )
    }
}

/// `1 personne affectée dans un autre accueil, plafond CEE de 80 jours atteint pour 2
/// personnes`.
fn obstacles(blocked: &[ObstacleCount]) -> String {
    blocked
        .iter()
        .map(|ObstacleCount { obstacle, people }| {
            let count = people;
            let people = persons(*people);
            match obstacle {
                Obstacle::Elsewhere => format!(
                    "{people} {} dans un autre accueil",
                    wording::agree(*count, "affectée", "affectées")
                ),
                Obstacle::CeeCap { limit_days } => {
                    format!("plafond CEE de {limit_days} jours atteint pour {people}")
                }
                Obstacle::WeeklyRest => format!("repos hebdomadaire obligatoire pour {people}"),
                Obstacle::PersonalCap => {
                    format!("maximum de jours personnel atteint pour {people}")
                }
                Obstacle::Hours { limit_hours } => format!(
                    "créneau plus long que les {limit_hours} h par jour permises (Code du \
                     travail L3121-18, L3162-1) pour {people}"
                ),
                Obstacle::PublicHoliday => {
                    format!("jour férié interdit aux moins de 18 ans (L3164-6) pour {people}")
                }
                Obstacle::DayHours => format!(
                    "avec les créneaux déjà faits ce jour-là, journée plus longue que permis pour \
                     {people}"
                ),
                Obstacle::WeekHours => format!(
                    "durée hebdomadaire maximale atteinte (48 h, 35 h avant 18 ans) pour {people}"
                ),
                Obstacle::MinorRest => format!(
                    "deux jours de repos consécutifs dans la semaine (moins de 18 ans, L3164-2) \
                     pour {people}"
                ),
                // The cap's wording is R227-12's own ("20 % de l'effectif", 1 for 3 or 4).
                Obstacle::UnqualifiedCap => format!(
                    "{people} sans qualification non {} : plafond de 20 % atteint (R227-12)",
                    wording::agree(*count, "utilisable", "utilisables")
                ),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `1 personne`, `3 personnes` (not grouped by thousands, as these reasons always were).
fn persons(count: usize) -> String {
    if count == 1 {
        "1 personne".to_string()
    } else {
        format!("{count} personnes")
    }
}

/// The independent components: `un seul modèle`, or how many and which.
fn components(components: &[Vec<String>]) -> String {
    if components.len() <= 1 {
        return "un seul modèle (toutes les équipes peuvent se croiser)".to_string();
    }
    let sizes: Vec<String> = components
        .iter()
        .map(|codes| {
            if codes.len() <= 3 {
                codes.join(", ")
            } else {
                format!("{} accueils", codes.len())
            }
        })
        .collect();
    format!(
        "{} groupes indépendants résolus séparément (aucun animateur commun, découpage exact) : {}",
        components.len(),
        sizes.join(" ; ")
    )
}

/// How one component's dates were split into periods.
fn period_split(split: &PeriodSplit) -> String {
    let group = group_label(&split.accueils);
    match split.links {
        PeriodLinks::Checked { merged_into } => format!(
            "{group} : {} périodes sans contrainte commune, {merged_into} après vérification des \
             contraintes qui les relient (CEE sur 12 mois glissants, maximum de jours)",
            split.periods
        ),
        PeriodLinks::SharedBudgets {
            people,
            short_together,
            parts,
            gap,
        } => {
            let merged = match short_together {
                0 => String::new(),
                1 => "la période en manque est résolue d'abord, ".to_string(),
                n => format!("les {n} périodes en manque sont résolues ensemble, "),
            };
            format!(
                "{group} : {} périodes sans contrainte commune hormis les budgets de jours (CEE \
                 sur 12 mois glissants, maximum de jours) de {} ; trop grandes pour un seul \
                 modèle : {merged}les autres séparément, budgets répartis entre {parts} parties \
                 ; manque prouvé à {} près de l'optimum ; coût optimal dans chaque partie pour \
                 sa part des budgets",
                split.periods,
                persons(people),
                wording::percent(gap)
            )
        }
    }
}

/// `groupe (ALSH-A, ALSH-B, ALSH-C, …)`, `accueil (ALSH-A)`.
fn group_label(codes: &[String]) -> String {
    let shown: Vec<&str> = codes.iter().take(3).map(String::as_str).collect();
    let more = if codes.len() > 3 { ", …" } else { "" };
    let kind = if codes.len() == 1 {
        "accueil"
    } else {
        "groupe"
    };
    format!("{kind} ({}{more})", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::optimize::StageStats;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).expect("valid date")
    }

    fn doue() -> Option<String> {
        Some("Doué".to_string())
    }

    #[test]
    fn shortage_reasons_read_as_before() {
        assert_eq!(
            shortage_reason(&ShortageReason::NobodyAvailable { sector: doue() }),
            "aucun autre animateur disponible dans le secteur Doué ce jour-là pour ce créneau"
        );
        assert_eq!(
            shortage_reason(&ShortageReason::NoQualifiedAvailable { sector: None }),
            "aucun titulaire du BAFA (ou diplôme équivalent) disponible dans le territoire"
        );
        assert_eq!(
            shortage_reason(&ShortageReason::Blocked {
                available: 3,
                sector: doue(),
                blocked: Vec::new(),
                free: 3,
                no_qualified: false,
            }),
            "3 animateurs disponibles dans le secteur Doué ; 3 personnes libres n'ont pas été \
             placées par le calcul (anomalie à signaler avec le fichier d'entrée)"
        );
        let blocked = vec![
            ObstacleCount {
                obstacle: Obstacle::Elsewhere,
                people: 1,
            },
            ObstacleCount {
                obstacle: Obstacle::CeeCap { limit_days: 80 },
                people: 2,
            },
            ObstacleCount {
                obstacle: Obstacle::UnqualifiedCap,
                people: 1,
            },
        ];
        assert_eq!(
            shortage_reason(&ShortageReason::Blocked {
                available: 4,
                sector: doue(),
                blocked,
                free: 0,
                no_qualified: true,
            }),
            "4 animateurs disponibles dans le secteur Doué, non mobilisables : 1 personne \
             affectée dans un autre accueil, plafond CEE de 80 jours atteint pour 2 personnes, \
             1 personne sans qualification non utilisable : plafond de 20 % atteint \
             (R227-12) ; aucun titulaire du BAFA disponible"
        );
    }

    #[test]
    fn director_reasons_read_as_before() {
        let professional = DirectorDiploma::Professional {
            days: 80,
            minors: 80,
        };
        assert_eq!(
            director_reason(&DirectorReason::NoHolder {
                diploma: professional,
                sector: doue()
            }),
            "aucun titulaire d'un diplôme professionnel de direction (DEJEPS, BPJEPS LTP…), \
             exigé pour un accueil ouvert plus de 80 jours à plus de 80 mineurs (R227-14) dans \
             le secteur Doué"
        );
        assert_eq!(
            director_reason(&DirectorReason::NoneAvailableAllDay {
                diploma: DirectorDiploma::Bafd,
                sector: None
            }),
            "aucun titulaire du BAFD ou d'un diplôme de direction du territoire disponible toute \
             la journée"
        );
        assert_eq!(
            director_reason(&DirectorReason::Blocked {
                sector: doue(),
                blocked: vec![ObstacleCount {
                    obstacle: Obstacle::Hours { limit_hours: 10 },
                    people: 1
                }],
                free: 0,
            }),
            "directeurs possibles du secteur Doué non mobilisables : créneau plus long que les \
             10 h par jour permises (Code du travail L3121-18, L3162-1) pour 1 personne"
        );
        assert_eq!(
            director_reason(&DirectorReason::Blocked {
                sector: doue(),
                blocked: vec![ObstacleCount {
                    obstacle: Obstacle::WeeklyRest,
                    people: 2
                }],
                free: 0,
            }),
            "directeurs possibles du secteur Doué non mobilisables : repos hebdomadaire \
             obligatoire pour 2 personnes"
        );
    }

    #[test]
    fn stages_and_cuts_read_as_before() {
        let week = StageName {
            dates: Some((day(7, 6), day(7, 12))),
            phase: Phase::Team,
            objective: Objective::Cost,
        };
        assert_eq!(
            stage_name(&week),
            "06/07–12/07/2026 — équipe actuelle, coût"
        );
        let shared = StageName {
            dates: Some((day(7, 6), day(7, 6))),
            phase: Phase::SharedBudgets { periods: 3 },
            objective: Objective::Shortage,
        };
        assert_eq!(
            stage_name(&shared),
            "06/07/2026 — budgets partagés entre 3 périodes, manques"
        );
        let codes = |list: &[&str]| list.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let cut = Decomposition {
            components: vec![codes(&["A", "B", "C", "D"]), codes(&["E"])],
            periods: vec![
                PeriodSplit {
                    accueils: codes(&["A", "B", "C", "D"]),
                    periods: 4,
                    links: PeriodLinks::SharedBudgets {
                        people: 1,
                        short_together: 2,
                        parts: 3,
                        gap: 0.0123,
                    },
                },
                PeriodSplit {
                    accueils: codes(&["E"]),
                    periods: 2,
                    links: PeriodLinks::Checked { merged_into: 1 },
                },
            ],
        };
        assert_eq!(
            decomposition(&cut),
            "2 groupes indépendants résolus séparément (aucun animateur commun, découpage \
             exact) : 4 accueils ; E ; groupe (A, B, C, …) : 4 périodes sans contrainte commune \
             hormis les budgets de jours (CEE sur 12 mois glissants, maximum de jours) de 1 \
             personne ; trop grandes pour un seul modèle : les 2 périodes en manque sont \
             résolues ensemble, les autres séparément, budgets répartis entre 3 parties ; \
             manque prouvé à 1,2 % près de l'optimum ; coût optimal dans chaque partie pour sa \
             part des budgets ; accueil (E) : 2 périodes sans contrainte commune, 1 après \
             vérification des contraintes qui les relient (CEE sur 12 mois glissants, maximum \
             de jours)"
        );
        let stage = StageStats {
            name: week,
            component: 0,
            variables: 1234,
            constraints: 567,
            seconds: 0.5,
            objective: 12345.0,
            bound: 12345.0,
            gap: 0.0012,
            status: SolveStatus::GapLimit,
            refinement: false,
            solved_again: false,
        };
        let line = progress_line(&Progress::Stage {
            elapsed_seconds: 3.5,
            stage: &stage,
        });
        assert_eq!(
            line,
            format!(
                "[   3.5 s] groupe 1 — 06/07–12/07/2026 — équipe actuelle, coût : écart toléré \
                 atteint, coût {}, écart 0,12 %, 1234 variables",
                Cents(12345)
            )
        );
    }
}
