//! `Regles`: every rule and parameter the plan applied, with its legal article and where its
//! value came from (the law, a default, the user's `Regles` sheet, or the command line).

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::domain::Cents;
use crate::report::echo;
use crate::report::rule_catalogue::{LawRatios, long_session_hours, overridden_at};
use crate::report::wording::{self, euros};
use crate::report::xlsx::{Column, LineFit, wrapped_height, write_headers, write_text};
use crate::rules::director::{
    DIRECTOR_COUNTED_MAX_CAPACITY, MIN_TEAM_SEJOUR, PROFESSIONAL_DIRECTOR_DAYS,
    PROFESSIONAL_DIRECTOR_MINORS, SEJOUR_DIRECTOR_COUNTED_MAX_CAPACITY,
};
use crate::rules::health::PSC1_ARTICLE;
use crate::rules::labour::{CEE_MAX_DAYS_PER_365, MAX_DAYS_WORKED_PER_7};
use crate::rules::parameters::StabilityMode;
use crate::rules::{AppliedRatio, Parameters, Ratio};

use super::context::SheetContext;

const COLUMNS: [Column; 5] = [
    Column::new("Thème", 16.0),
    Column::new("Règle ou paramètre", 70.0),
    Column::new("Valeur appliquée", 36.0),
    Column::new("Article", 40.0),
    Column::new("Origine", 50.0),
];

/// Where a value comes from.
enum Origin {
    /// Fixed by the law: not a parameter.
    Law,
    /// A parameter of the `Regles` sheet, by its user-facing name.
    Parameter(&'static str),
    /// A local choice of acm-planner (design.md), not a parameter.
    Design,
    /// Given by the user elsewhere: an input sheet or a command-line option.
    Given(String),
}

/// One row of the sheet.
struct RuleRow {
    theme: &'static str,
    rule: String,
    value: String,
    article: &'static str,
    origin: Origin,
}

fn row(
    theme: &'static str,
    rule: impl Into<String>,
    value: impl Into<String>,
    article: &'static str,
    origin: Origin,
) -> RuleRow {
    RuleRow {
        theme,
        rule: rule.into(),
        value: value.into(),
        article,
        origin,
    }
}

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    write_headers(sheet, 0, &COLUMNS, &formats.header)?;
    let mut line = 1;
    for rule in rules(context) {
        write_text(sheet, line, 1, &rule.rule, &formats.wrap)?;
        write_text(sheet, line, 2, &rule.value, &formats.wrap)?;
        write_text(sheet, line, 3, rule.article, &formats.wrap)?;
        let (origin, changed) = origin_words(&rule.origin, context);
        let origin_format = if changed {
            &formats.bold
        } else {
            &formats.text
        };
        write_text(sheet, line, 0, rule.theme, origin_format)?;
        write_text(sheet, line, 4, &origin, origin_format)?;
        let height = wrapped_height(
            &[
                (&rule.rule, COLUMNS[1].width),
                (&rule.value, COLUMNS[2].width),
                (rule.article, COLUMNS[3].width),
            ],
            LineFit::Medium,
        );
        sheet.set_row_height(line, height)?;
        line += 1;
    }
    write_text(
        sheet,
        line + 1,
        0,
        "En gras : valeur modifiée par la feuille Regles du fichier d'entrée ou par la ligne de \
         commande. Les autres paramètres se modifient dans une feuille Regles (colonnes \
         Parametre, Valeur).",
        &formats.note,
    )?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The origin in words, and whether the user changed it.
fn origin_words(origin: &Origin, context: &SheetContext) -> (String, bool) {
    match origin {
        Origin::Law => ("loi".to_string(), false),
        Origin::Design => ("choix d'acm-planner".to_string(), false),
        Origin::Given(text) => (text.clone(), true),
        Origin::Parameter(name) => {
            if *name == MIXED_AGES && context.report.run.mixed_ages_from_command_line {
                return ("ligne de commande (--ages-mixtes)".to_string(), true);
            }
            match overridden_at(&context.problem().parameters, name) {
                Some(source) => (
                    format!(
                        "feuille {} de {}, ligne {} (« {name} »)",
                        source.sheet, source.file, source.row
                    ),
                    true,
                ),
                None => (format!("par défaut (paramètre « {name} »)"), false),
            }
        }
    }
}

const MIXED_AGES: &str = "Methode ages mixtes";

fn ratio_words(ratio: Ratio) -> String {
    format!(
        "1 animateur pour {} moins de 6 ans, 1 pour {} de 6 ans et plus",
        ratio.under_6, ratio.six_and_over
    )
}

fn rules(context: &SheetContext) -> Vec<RuleRow> {
    let p = &context.problem().parameters;
    let mut rows = ratio_rules(p);
    rows.extend(quota_and_director_rules());
    rows.push(director_presence_rule(p));
    rows.push(stability_rule(p));
    rows.push(row(
        "Direction",
        "Suivi sanitaire des séjours et mini-camps : chaque jour, un titulaire du PSC1 dans \
         l'équipe (directeur compris), sinon une journée sans PSC1 dans Manques ; seul le \
         certificat PSC1 compte",
        "1 titulaire par jour",
        PSC1_ARTICLE,
        Origin::Law,
    ));
    rows.extend(labour_rules(p));
    rows.extend(cost_rules(p));
    rows.extend(input_rules(context));
    rows
}

fn ratio_rules(p: &Parameters) -> Vec<RuleRow> {
    use Origin::{Design, Law, Parameter};
    const T: &str = "Taux";
    let law = LawRatios::new();
    let hours = long_session_hours();
    let law_row = |rule: String, applied: AppliedRatio| {
        row(T, rule, ratio_words(applied.ratio), applied.article, Law)
    };
    let session = |pedt: &str, applied: AppliedRatio, long: bool| {
        let length = if long {
            format!("plus de {hours} heures")
        } else {
            format!("{hours} heures au plus")
        };
        law_row(
            format!("Périscolaire {pedt} PEDT, séance de {length}"),
            applied,
        )
    };
    vec![
        law_row(
            "Accueil de loisirs extrascolaire (vacances, samedis sans école, dimanches)"
                .to_string(),
            law.extrascolaire,
        ),
        session("sans", law.periscolaire_long, true),
        session("sans", law.periscolaire_short, false),
        session("avec", law.pedt_long, true),
        session("avec", law.pedt_short, false),
        row(
            T,
            format!(
                "Durée d'une séance périscolaire : la plage continue de l'accueil (ses créneaux \
                 avec enfants qui se touchent ou se chevauchent) ; un trou la coupe ; exactement \
                 {hours} heures n'est pas plus de {hours} heures"
            ),
            "par plage continue",
            "CASF R227-16 (choix Q3)",
            Design,
        ),
        row(
            T,
            "Type de jour : suit la date pour tout accueil de loisirs, quel que soit le type \
             déclaré (accueil de loisirs, périscolaire, extrascolaire)",
            "selon le calendrier",
            "CASF R227-1 II (décret 2018-647)",
            Design,
        ),
        row(
            T,
            "Accueil de jeunes : un référent qualifié (le quota de qualifiés, au moins un), pas \
             de directeur",
            "pas de directeur",
            "CASF R227-19 III",
            Design,
        ),
        law_row("Séjour de vacances".to_string(), law.sejour),
        law_row(
            "Mini-camp rattaché à un accueil (mineurs de moins de 14 ans)".to_string(),
            law.mini_camp,
        ),
        row(
            T,
            "Accueil de jeunes : taux fixé par la convention avec le préfet",
            format!("1 animateur pour {} mineurs", p.accueil_jeunes_ratio),
            "CASF R227-19 III",
            Parameter("Taux accueil de jeunes"),
        ),
        row(
            T,
            "Groupes mêlant moins de 6 ans et 6 ans et plus (par-tranche : chaque tranche \
             arrondie ; global : somme des fractions arrondie ; strict : taux des moins de 6 ans \
             pour tout le groupe)",
            p.mixed_ages.label(),
            "CASF R227-15, R227-16 (choix Q1)",
            Parameter(MIXED_AGES),
        ),
        row(
            T,
            "Jour de semaine sans école hors vacances (pont de l'Ascension, jour férié)",
            if p.unclear_weekday_periscolaire {
                "taux périscolaires"
            } else {
                "taux extrascolaires"
            },
            "CASF R227-1 II (choix Q6)",
            Parameter("Jour sans ecole hors vacances"),
        ),
        row(
            T,
            "Accompagnement renforcé : un adulte de plus par enfant concerné, en plus de N, \
             toute catégorie",
            "en plus de N",
            "politique locale (hors loi)",
            Design,
        ),
    ]
}

/// How stable the published plan is (`Stabilite`): a choice of the service, not the law.
fn stability_rule(p: &Parameters) -> RuleRow {
    let value = match p.stability {
        StabilityMode::Week => {
            "semaine : une même équipe et un même directeur par accueil et par semaine"
        }
        StabilityMode::StayOrPeriod => {
            "séjour ou période : une même équipe et un même directeur par période de vacances"
        }
        StabilityMode::Day => "jour : le planning le moins cher, sans stabilité",
    };
    row(
        "Planning",
        "Stabilité des équipes : après le moindre manque, le planning garde chaque personne à un \
         accueil et chaque accueil avec un directeur sur la durée choisie (un séjour garde son \
         équipe) ; le coût vient ensuite",
        value,
        "choix du service (pas d'article)",
        Origin::Parameter("Stabilite"),
    )
}

/// When the day's director must be there (`Presence de la direction`).
fn director_presence_rule(p: &Parameters) -> RuleRow {
    row(
        "Direction",
        "Présence de la direction : toute la journée (le directeur du jour travaille tous les \
         créneaux avec enfants) ou un créneau (au moins un créneau avec enfants ; compté dans N \
         sur les seuls créneaux dirigés, là où la loi le permet ; peut animer les autres \
         créneaux du jour au même accueil)",
        p.director_presence.words(),
        "CASF R227-14 (présence non précisée par le texte)",
        Origin::Parameter("Presence de la direction"),
    )
}

fn quota_and_director_rules() -> Vec<RuleRow> {
    use Origin::Law;
    const Q: &str = "Qualifications";
    const D: &str = "Direction";
    vec![
        row(
            Q,
            "Qualifiés (BAFA, diplôme de l'arrêté du 9 février 2007, fonctionnaires) : au moins \
             la moitié de l'effectif requis N",
            "ceil(N / 2)",
            "CASF R227-12 1° et 2°",
            Law,
        ),
        row(
            Q,
            "Sans qualification : au plus 20 % de N, ou 1 personne quand N vaut 3 ou 4",
            "floor(N / 5), 1 si N = 3 ou 4",
            "CASF R227-12 4°",
            Law,
        ),
        row(
            Q,
            "Stagiaires BAFA : le reste de N (au plus N − qualifiés minimum) ; au-delà de N, \
             qualifiés ou stagiaires",
            "N − ceil(N / 2)",
            "CASF R227-12 3°",
            Law,
        ),
        row(
            D,
            "Un directeur (BAFD, stagiaire BAFD ou diplôme professionnel) par accueil et par \
             jour d'ouverture",
            "1 par accueil et par jour",
            "CASF R227-14 I",
            Law,
        ),
        row(
            D,
            format!(
                "Le directeur compte dans N (et comme qualifié) dans un accueil de loisirs de \
                 {DIRECTOR_COUNTED_MAX_CAPACITY} mineurs au plus (le plus grand de la capacité \
                 déclarée et des enfants prévus ce jour-là)"
            ),
            format!("capacité ≤ {DIRECTOR_COUNTED_MAX_CAPACITY}"),
            "CASF R227-17 a ; arrêté du 13/02/2007 art. 1 d",
            Law,
        ),
        row(
            D,
            format!(
                "Séjour : le directeur compte dans N seulement pour {} mineurs au plus, tous âgés \
                 de 14 ans ou plus",
                SEJOUR_DIRECTOR_COUNTED_MAX_CAPACITY
            ),
            format!("capacité ≤ {SEJOUR_DIRECTOR_COUNTED_MAX_CAPACITY}, tous ≥ 14 ans"),
            "arrêté du 13/02/2007 art. 1 e",
            Law,
        ),
        row(
            D,
            format!(
                "Accueil de loisirs ouvert plus de {PROFESSIONAL_DIRECTOR_DAYS} jours par an pour \
                 plus de {PROFESSIONAL_DIRECTOR_MINORS} mineurs : directeur titulaire d'un diplôme \
                 professionnel (le BAFD ne suffit pas), sauf dérogation du préfet déclarée sur \
                 l'accueil"
            ),
            "règle 80/80",
            "CASF R227-14 III ; arrêté du 13/02/2007 art. 1 c ; arrêté du 28/02/2017",
            Law,
        ),
        row(
            D,
            format!(
                "Séjour : au moins {MIN_TEAM_SEJOUR} personnes en plus d'un directeur non compté ; \
                 mini-camp : au moins {MIN_TEAM_SEJOUR} personnes ; au-delà de 100 mineurs, un \
                 adjoint par tranche de 50"
            ),
            "adjoints = ceil((capacité − 100) / 50)",
            "CASF R227-18 ; R227-17 al. 2",
            Law,
        ),
    ]
}

fn labour_rules(p: &Parameters) -> Vec<RuleRow> {
    use Origin::{Law, Parameter};
    const W: &str = "Temps de travail";
    vec![
        row(
            W,
            "Contrat d'engagement éducatif : jours des 12 mois précédents + jours planifiés, sur \
             toute fenêtre de 365 jours",
            format!("au plus {CEE_MAX_DAYS_PER_365} jours"),
            "CASF L432-4",
            Law,
        ),
        row(
            W,
            "Repos hebdomadaire : un jour entier de repos sur 7 jours consécutifs (CEE : 24 h ; \
             Code du travail : 35 h)",
            format!("au plus {MAX_DAYS_WORKED_PER_7} jours travaillés sur 7"),
            "CASF L432-6 ; Code du travail L3132-2",
            Law,
        ),
        row(
            W,
            "CDD, CDI, titulaires : durée du travail",
            "10 h par jour, 48 h par semaine",
            "Code du travail L3121-18, L3121-20",
            Law,
        ),
        row(
            W,
            "Moins de 18 ans : durée du travail",
            "8 h par jour, 35 h par semaine",
            "Code du travail L3162-1",
            Law,
        ),
        row(
            W,
            "Moins de 18 ans : deux jours de repos consécutifs par semaine",
            "2 jours consécutifs",
            "Code du travail L3164-2",
            Law,
        ),
        row(
            W,
            "Moins de 18 ans : pas de travail les jours fériés",
            "aucun jour férié",
            "Code du travail L3164-6",
            Law,
        ),
        row(
            W,
            "Rémunération minimale d'une journée en CEE : 4,30 × SMIC horaire depuis le \
             1er mai 2025 (2,20 × avant) ; un coût inférieur est signalé",
            format!("SMIC horaire {}", wording::smic_steps(&p.smic)),
            "CASF D432-2 ; décret 2024-1151",
            Parameter("SMIC horaire"),
        ),
    ]
}

fn cost_rules(p: &Parameters) -> Vec<RuleRow> {
    use Origin::Parameter;
    const C: &str = "Coûts";
    const O: &str = "Optimisation";
    const R: &str = "Recrutement";
    let hire = |label: &str, amount: Cents, name: &'static str| {
        row(
            R,
            format!("Coût journalier d'un poste {label} (sans feuille Recrutement)"),
            euros(amount),
            "—",
            Parameter(name),
        )
    };
    vec![
        row(
            C,
            "Coût d'une journée travaillée quand l'animateur n'en a pas",
            euros(p.default_daily_cost),
            "—",
            Parameter("Cout journalier par defaut"),
        ),
        row(
            O,
            "Poids d'une journée sans directeur dans l'objectif de manque",
            p.weight_missing_director.to_string(),
            "—",
            Parameter("Poids manque direction"),
        ),
        row(
            O,
            "Poids d'un qualifié manquant sur un créneau",
            p.weight_missing_qualified.to_string(),
            "—",
            Parameter("Poids manque qualifie"),
        ),
        row(
            O,
            "Poids d'un animateur manquant sur un créneau",
            p.weight_missing_animateur.to_string(),
            "—",
            Parameter("Poids manque animateur"),
        ),
        row(
            O,
            "Poids d'une journée de séjour ou de mini-camp sans titulaire du PSC1",
            p.weight_missing_psc1.to_string(),
            "—",
            Parameter("Poids manque PSC1"),
        ),
        hire(
            "BAFA",
            p.hire_daily_cost_bafa,
            "Recrutement BAFA cout journalier",
        ),
        hire(
            "stagiaire BAFA",
            p.hire_daily_cost_stagiaire,
            "Recrutement stagiaire BAFA cout journalier",
        ),
        hire(
            "sans qualification",
            p.hire_daily_cost_sans_qualification,
            "Recrutement sans qualification cout journalier",
        ),
        hire(
            "BAFD",
            p.hire_daily_cost_bafd,
            "Recrutement BAFD cout journalier",
        ),
        row(
            R,
            "Coût fixe d'une embauche (sans feuille Recrutement)",
            euros(p.hire_fixed_cost),
            "—",
            Parameter("Recrutement cout fixe"),
        ),
        row(
            R,
            "Nombre maximum de personnes par profil et par secteur (sans feuille Recrutement)",
            p.hire_max_per_profile.to_string(),
            "—",
            Parameter("Recrutement nombre maximum"),
        ),
    ]
}

/// Rules that depend on the input files: hiring profiles, calendar, attendance.
fn input_rules(context: &SheetContext) -> Vec<RuleRow> {
    use Origin::{Design, Given};
    let problem = context.problem();
    let mut rows = Vec::new();
    for profile in &problem.hiring {
        rows.push(row(
            "Recrutement",
            format!(
                "Profil de recrutement {}, secteur {}",
                profile.qualification.label,
                profile.secteur.as_deref().unwrap_or("tous"),
            ),
            format!(
                "{} par jour, {} de coût fixe, au plus {}",
                euros(profile.cout_journalier),
                euros(profile.cout_fixe),
                profile.nombre_maximum
            ),
            "—",
            Given(format!(
                "feuille {} de {}, ligne {}",
                profile.source.sheet, profile.source.file, profile.source.row
            )),
        ));
    }
    rows.push(row(
        "Calendrier",
        "Jours périscolaires et extrascolaires : calendrier scolaire et jours fériés",
        echo::calendar_line(problem),
        "CASF R227-1 II ; Code du travail L3133-1",
        if problem.calendar_rows.is_empty() && problem.calendar.source().file.is_none() {
            Design
        } else {
            Given(echo::calendar_origin(problem))
        },
    ));
    let percent = context.report.run.attendance_percent;
    if percent != 0 {
        rows.push(row(
            "Prévisions",
            "Effectifs prévus multipliés puis arrondis à l'entier supérieur",
            format!("{percent:+} %"),
            "—",
            Given("ligne de commande (--frequentation)".to_string()),
        ));
    }
    rows.extend(solver_rules(context));
    rows
}

/// The solver's settings: part of what decides the plan, so echoed with the rules.
fn solver_rules(context: &SheetContext) -> Vec<RuleRow> {
    use Origin::{Design, Given};
    let run = context.report.run;
    let mut rows = Vec::new();
    if run.time_limit_seconds > 0.0 {
        rows.push(row(
            "Solveur",
            "Durée maximale de calcul, toutes étapes comprises",
            format!("{} s", wording::number(run.time_limit_seconds)),
            "—",
            Given("ligne de commande (--temps-max, 120 s par défaut)".to_string()),
        ));
    }
    rows.push(match run.mip_gap {
        Some(gap) => row(
            "Solveur",
            "Écart d'optimalité toléré : le calcul s'arrête dès que le planning trouvé est à \
             moins de cet écart du meilleur possible",
            wording::percent(gap),
            "—",
            Given("ligne de commande (--ecart)".to_string()),
        ),
        None => row(
            "Solveur",
            "Écart d'optimalité toléré : le calcul s'arrête dès que le planning trouvé est à \
             moins de cet écart du meilleur possible",
            "0,01 % (HiGHS)",
            "—",
            Design,
        ),
    });
    rows
}
