//! "Que faire" : a few sentences a director can act on, generated from the hires and the
//! shortages (Synthese sheet and terminal summary).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::AnimationCategory;
use crate::optimize::{Blocker, Broken, Fallback, Hire, PlanResult, SolveStatus, UnclosedNeed};
use crate::problem::Problem;
use crate::rules::eligibility::Exclusion;

use crate::report::wording::{
    self, compact_dates, date_span_words, integer, percent, plural_unless_one,
};

use super::figures::Figures;
use super::remarks::pay_below_minimum;

/// Hires of the same qualification and sector.
#[derive(Debug, Default)]
struct HireGroup<'a> {
    count: usize,
    accueils: Vec<&'a str>,
    days: usize,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

/// The sentences, most urgent first.
pub fn advice(problem: &Problem, result: &PlanResult, figures: &Figures) -> Vec<String> {
    // After a re-plan, whom to call comes first; before that, a plan that was replaced.
    let mut lines = Vec::new();
    lines.extend(verification_sentence(result));
    lines.extend(super::call_list::call_sentences(problem, result));
    let psc1_days = result.missing_psc1_days();
    let missing = shortage_words_with_psc1(figures.missing, psc1_days);
    let (animateurs, qualified, directors) = figures.missing;
    let short = animateurs + qualified + directors + psc1_days > 0;
    if !result.hires.is_empty() {
        lines.extend(hire_sentences(&result.hires));
        if short {
            lines.push(format!(
                "Même après ces recrutements, il reste un manque ({missing}) : {}.",
                unclosed_words(result)
            ));
        }
    } else if !short {
        lines.push(
            "L'équipe actuelle couvre toutes les obligations légales sur la période : aucun \
             recrutement n'est nécessaire."
                .to_string(),
        );
    } else if !result.recruitment_ran {
        lines.push(format!(
            "Il manque du personnel ({missing}) : le recrutement n'a pas été calculé \
             (--no-recruit) ; relancez sans cette option pour obtenir les postes à pourvoir au \
             moindre coût."
        ));
    } else if result.stats.skipped.recruitment > 0 || figures.status == SolveStatus::TimeLimit {
        lines.push(format!(
            "Il manque du personnel ({missing}) : le calcul s'est arrêté à la limite de temps \
             avant de trouver les recrutements ; relancez avec un --time-limit plus grand."
        ));
    } else {
        lines.push(format!(
            "Il manque du personnel ({missing}) et aucun recrutement ne le comble : {}.",
            unclosed_words(result)
        ));
    }
    lines.extend(blocker_sentences(problem, result));
    if short {
        lines.push(
            "Le détail des créneaux en manque, avec la raison, est dans la feuille Manques."
                .to_string(),
        );
    }
    let underpaid = problem
        .animateurs
        .iter()
        .filter(|p| pay_below_minimum(problem, figures, p))
        .count();
    if underpaid > 0 {
        lines.push(format!(
            "Vérifiez le coût journalier de {} en CEE : il est inférieur au minimum légal \
             (CASF D432-2 ; feuille Animateurs, colonne Remarques).",
            plural_unless_one(underpaid, "animateur", "animateurs")
        ));
    }
    let shared = result
        .stats
        .stages
        .iter()
        .find(|s| s.status == SolveStatus::Shared);
    if let Some(shared) = shared {
        lines.push(format!(
            "Les périodes sont reliées par les budgets de jours (CEE sur 12 mois glissants, \
             maximum de jours) mais trop grandes pour un seul calcul : les périodes en manque \
             ont été planifiées ensemble, les autres séparément, budgets répartis entre elles \
             (manque prouvé à {} près de l'optimum ; coût optimal dans chaque partie, pas \
             prouvé pour la répartition). Pour un calcul exact, planifiez une période plus \
             courte (--from, --to).",
            percent(shared.gap)
        ));
    }
    let proof = super::proof::plan_proof(&result.stats);
    if figures.status == SolveStatus::TimeLimit && proof != super::proof::Proof::Optimal {
        lines.push(format!(
            "Au moins une étape du calcul a été arrêtée par sa limite de temps ({}) : le \
             planning respecte la loi, mais un planning moins coûteux ou plus stable peut \
             exister ; relancez avec un --time-limit plus grand.",
            proof.short_words()
        ));
    }
    lines.extend(time_limit_sentences(&result.stats));
    lines.push(
        "Un planning modifié à la main se revérifie avec « acm-planner check », l'option \
         --schedule suivie de ce fichier (feuille Affectations)."
            .to_string(),
    );
    lines
}

/// When the plan the stages produced was not published (`verify`), what broke and what was
/// published instead: first, so nobody misses it.
fn verification_sentence(result: &PlanResult) -> Option<String> {
    let verification = result.verification.as_ref()?;
    let fallback = verification.fallback?;
    let published = match fallback {
        Fallback::TeamWithPosts => "celui de l'équipe actuelle avec les mêmes postes à pourvoir",
        Fallback::TeamAlone => "celui de l'équipe actuelle seule, sans recrutement",
    };
    let broken: Vec<String> = verification.broken.iter().map(Broken::words).collect();
    Some(format!(
        "Le planning calculé a été écarté au contrôle final ({}) : le planning publié est {published}, \
         conforme au contrôle (les règles de « acm-planner check »). Merci de signaler ce cas \
         avec le fichier d'entrée.",
        broken.join(" ; ")
    ))
}

/// Why the shortage left is not closed by hiring: the profiles at their cap, what no profile
/// supplies; otherwise, no known limit explains it.
pub(super) fn unclosed_words(result: &PlanResult) -> String {
    let unclosed = &result.unclosed;
    let mut reasons = Vec::new();
    if !unclosed.capped.is_empty() {
        let profiles: Vec<String> = unclosed
            .capped
            .iter()
            .map(|(label, secteur, cap)| match secteur {
                Some(secteur) => format!("{label} dans le secteur {secteur} ({cap})"),
                None => format!("{label} ({cap})"),
            })
            .collect();
        reasons.push(format!(
            "le nombre maximum de personnes que le marché peut fournir est atteint pour {} \
             (colonne Nombre maximum de la feuille Recrutement, ou ligne « Nombre maximum par \
             profil » de Regles) ; élargissez-le si le marché le permet",
            profiles.join(", ")
        ));
    }
    if !unclosed.no_profile.is_empty() {
        let needs: Vec<String> = unclosed
            .no_profile
            .iter()
            .map(|(need, secteur)| {
                let what = match need {
                    UnclosedNeed::Animateur => "d'animateur",
                    UnclosedNeed::Qualified => "d'animateur qualifié",
                    UnclosedNeed::Director => "de directeur (BAFD ou équivalent)",
                    UnclosedNeed::ProfessionalDirector => {
                        "de directeur titulaire d'un diplôme professionnel (CASF R227-14)"
                    }
                    UnclosedNeed::Psc1 => "de titulaire du PSC1 pour le suivi sanitaire",
                };
                match secteur {
                    Some(secteur) => format!("{what} dans le secteur {secteur}"),
                    None => what.to_string(),
                }
            })
            .collect();
        reasons.push(format!(
            "aucun profil de la feuille Recrutement ne fournit de poste {} ; ajoutez-en un \
             (par exemple « BAFA + PSC1 » pour un séjour)",
            needs.join(", ")
        ));
    }
    if result.stats.skipped.recruitment > 0 {
        reasons.push(
            "la limite de temps a laissé de côté le recrutement sur une partie des dates"
                .to_string(),
        );
    }
    if reasons.is_empty() {
        "aucune limite du marché ni aucun profil manquant ne l'explique (voir la raison de \
         chaque créneau dans la feuille Manques)"
            .to_string()
    } else {
        reasons.join(" ; ")
    }
}

/// Blockers said in « Que faire », at most; the others are in `Manques` and `Non retenus`.
const MAX_BLOCKERS: usize = 3;

/// What in the input keeps available people from the work the team leaves short, and what to
/// change (split the day, widen a sector): a director excluded by the day's length or their
/// sector, people excluded by a créneau's length.
fn blocker_sentences(problem: &Problem, result: &PlanResult) -> Vec<String> {
    let mut sentences = Vec::new();
    // Animateurs kept from one créneau of one accueil: one sentence for all of them.
    let mut animating: BTreeMap<(&str, &str), Vec<&Blocker>> = BTreeMap::new();
    for blocker in &result.blockers {
        if blocker.directs {
            sentences.extend(director_blocker(problem, blocker));
        } else {
            animating
                .entry((blocker.accueil.as_str(), blocker.creneau.label.as_str()))
                .or_default()
                .push(blocker);
        }
    }
    for blockers in animating.values() {
        sentences.extend(animator_blocker(problem, blockers));
    }
    let more = sentences.len().saturating_sub(MAX_BLOCKERS);
    sentences.truncate(MAX_BLOCKERS);
    if more > 0 {
        sentences.push(format!(
            "… et {} du même ordre (feuilles Manques et Non retenus).",
            plural_unless_one(more, "autre empêchement", "autres empêchements")
        ));
    }
    sentences
}

/// « Claire Martin (BAFD, CDI) ne peut pas diriger ALSH-SAUMUR les 23/12, 24/12 : … ».
fn director_blocker(problem: &Problem, blocker: &Blocker) -> Option<String> {
    let person = problem.animateur(&blocker.person)?;
    let accueil = problem.accueil(&blocker.accueil)?;
    let who = format!(
        "{} ({}, {})",
        person.full_name(),
        person.qualification.label,
        person.contrat.label()
    );
    let dates = compact_dates(&blocker.dates);
    match blocker.exclusion {
        Exclusion::TooLong { minutes, limit } => {
            let creneaux = day_creneaux(problem, &accueil.code, blocker.dates.first().copied());
            let span = match (creneaux.first(), creneaux.last()) {
                (Some(first), Some(last)) => format!(" ({}–{})", first.start, last.end),
                _ => String::new(),
            };
            let split = if creneaux.len() > 1 {
                "deux directeurs pourront se relayer sur ses créneaux"
            } else {
                "et découpez la journée en créneaux (accueil du matin, activités, accueil du \
                 soir) pour que deux directeurs se relaient"
            };
            Some(format!(
                "{who} ne peut pas diriger {} les jours où la direction manque ({dates}) : la \
                 journée y dure {}{span}, plus que les {} par jour que permet {} ; passez \
                 « Presence de la direction » à « un creneau » dans la feuille Regles, {split}, \
                 ou confiez la direction à une personne en CEE (sans limite journalière).",
                accueil.code,
                hours_words(minutes),
                hours_words(limit),
                limit_article(person, blocker.dates.first().copied()),
            ))
        }
        Exclusion::OutsideSector => Some(format!(
            "{who} est libre les jours où la direction de {} manque ({dates}), mais cet accueil \
             ({}) n'est ni dans son secteur ni dans ses « Accueils possibles » : ajoutez-y {} \
             dans la feuille Animateurs si cette personne peut s'y rendre.",
            accueil.code,
            accueil
                .secteur
                .as_deref()
                .map_or_else(|| "sans secteur".to_string(), |s| format!("secteur {s}")),
            accueil.code,
        )),
        _ => None,
    }
}

/// « 3 personnes (Léo Petit, …) ne peuvent pas faire le créneau « journee » … ».
fn animator_blocker(problem: &Problem, blockers: &[&Blocker]) -> Option<String> {
    let first = blockers.first()?;
    let Exclusion::TooLong { minutes, .. } = first.exclusion else {
        return None;
    };
    let names: Vec<String> = blockers
        .iter()
        .filter_map(|b| problem.animateur(&b.person).map(|p| p.full_name()))
        .collect();
    let mut dates: Vec<NaiveDate> = blockers.iter().flat_map(|b| b.dates.clone()).collect();
    dates.sort_unstable();
    dates.dedup();
    let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
    let more = if names.len() > 3 { ", …" } else { "" };
    let count = names.len();
    Some(format!(
        "{} ({}{more}) {} les jours en manque à {} ({}) {} pas faire le créneau « {} » de {} : \
         plus que {} par jour (10 h en CDD, CDI ou titulaire, Code du travail L3121-18 ; 8 h \
         avant 18 ans, L3162-1) ; découpez-le en créneaux plus courts (matin, après-midi).",
        plural_unless_one(count, "personne", "personnes"),
        shown.join(", "),
        wording::agree(count, "disponible", "disponibles"),
        first.accueil,
        compact_dates(&dates),
        wording::agree(count, "ne peut", "ne peuvent"),
        first.creneau.label,
        hours_words(minutes),
        wording::agree(count, "sa limite", "leur limite"),
    ))
}

/// The créneaux with children of an accueil on a date, in order of start.
fn day_creneaux<'a>(
    problem: &'a Problem,
    accueil: &str,
    date: Option<NaiveDate>,
) -> Vec<&'a crate::domain::Creneau> {
    let mut creneaux: Vec<&crate::domain::Creneau> = problem
        .needs
        .iter()
        .filter(|n| {
            n.requirement.required > 0
                && n.forecast.accueil == accueil
                && Some(n.forecast.date) == date
        })
        .map(|n| &n.forecast.creneau)
        .collect();
    creneaux.sort_by_key(|c| c.sort_key());
    creneaux
}

/// `11 h`, `9 h 30`.
fn hours_words(minutes: u32) -> String {
    match minutes % 60 {
        0 => format!("{} h", minutes / 60),
        rest => format!("{} h {rest:02}", minutes / 60),
    }
}

/// Whose daily limit applies, with its article.
fn limit_article(person: &crate::domain::Animateur, date: Option<NaiveDate>) -> &'static str {
    if date.is_some_and(|d| person.is_minor_on(d)) {
        "le droit du travail avant 18 ans (L3162-1)"
    } else {
        "son contrat (Code du travail L3121-18)"
    }
}

/// `53 animateurs et 21 qualifiés manquants, créneau par créneau, 6 journées de direction`.
pub fn shortage_words((animateurs, qualified, directors): (u32, u32, u32)) -> String {
    let mut slots = Vec::new();
    if animateurs > 0 {
        slots.push(plural_unless_one(
            count(animateurs),
            "animateur",
            "animateurs",
        ));
    }
    if qualified > 0 {
        slots.push(plural_unless_one(count(qualified), "qualifié", "qualifiés"));
    }
    let mut parts = Vec::new();
    if !slots.is_empty() {
        // Each créneau short counts: 2 missing in the morning and 2 in the afternoon are 4.
        parts.push(format!(
            "{} {}, créneau par créneau",
            slots.join(" et "),
            wording::agree(animateurs.max(qualified), "manquant", "manquants")
        ));
    }
    if directors > 0 {
        parts.push(plural_unless_one(
            count(directors),
            "journée de direction",
            "journées de direction",
        ));
    }
    if parts.is_empty() {
        "aucun manque".to_string()
    } else {
        parts.join(", ")
    }
}

/// [`shortage_words`], and the séjour and mini-camp days without a PSC1 holder.
pub fn shortage_words_with_psc1(missing: (u32, u32, u32), psc1_days: u32) -> String {
    let words = shortage_words(missing);
    if psc1_days == 0 {
        return words;
    }
    let psc1 = plural_unless_one(
        count(psc1_days),
        "journée sans titulaire du PSC1",
        "journées sans titulaire du PSC1",
    );
    if missing == (0, 0, 0) {
        psc1
    } else {
        format!("{words}, {psc1}")
    }
}

fn count(value: u32) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

/// One sentence per profile and sector: `Recruter 4 animateurs BAFA pour le secteur Doué du 13
/// au 24 juillet (ALSH-DOUE, ALSH-X ; 40 jours en tout).` The dates span all its posts; each
/// post's own dates are in the `Recrutement` sheet.
fn hire_sentences(hires: &[Hire]) -> Vec<String> {
    type Key<'a> = (String, Option<&'a str>);
    let mut groups: BTreeMap<Key, (HireGroup, &Hire)> = BTreeMap::new();
    for hire in hires {
        let (Some(first), Some(last)) = (hire.dates.first(), hire.dates.last()) else {
            continue;
        };
        let key = (hire.label(), hire.secteur.as_deref());
        let (group, _) = groups
            .entry(key)
            .or_insert_with(|| (HireGroup::default(), hire));
        group.count += 1;
        group.days += hire.dates.len();
        group.first = Some(group.first.map_or(*first, |d| d.min(*first)));
        group.last = Some(group.last.map_or(*last, |d| d.max(*last)));
        for accueil in &hire.accueils {
            if !group.accueils.contains(&accueil.as_str()) {
                group.accueils.push(accueil);
            }
        }
    }
    groups
        .into_iter()
        .filter_map(|((_, secteur), (mut group, hire))| {
            let (first, last) = (group.first?, group.last?);
            group.accueils.sort_unstable();
            let who = post_words(hire, group.count);
            let place = match secteur {
                Some(secteur) => format!(" pour le secteur {secteur}"),
                None => String::new(),
            };
            let shown: Vec<&str> = group.accueils.iter().take(4).copied().collect();
            let more = if group.accueils.len() > 4 {
                ", …"
            } else {
                ""
            };
            Some(format!(
                "Recruter {who}{place} {} ({}{more} ; {} en tout).",
                date_span_words(first, last),
                shown.join(", "),
                plural_unless_one(group.days, "jour", "jours"),
            ))
        })
        .collect()
}

/// `4 animateurs BAFA`, `2 stagiaires BAFA`, `1 directeur BAFD`.
fn post_words(hire: &Hire, count: usize) -> String {
    let label = hire.label();
    if hire.qualification.may_direct() {
        return format!(
            "{} {label}",
            plural_unless_one(count, "directeur", "directeurs")
        );
    }
    match hire.qualification.category {
        AnimationCategory::Trainee => {
            let diploma = label.trim_start_matches("stagiaire").trim();
            format!(
                "{} {diploma}",
                plural_unless_one(count, "stagiaire", "stagiaires")
            )
            .trim_end()
            .to_string()
        }
        _ => format!(
            "{} {label}",
            plural_unless_one(count, "animateur", "animateurs")
        ),
    }
}

/// The work a run left out to hold `--time-limit`, in words (« la stabilité des équipes sur
/// 12 périodes »…); empty when nothing was.
pub(super) fn left_out_words(skipped: crate::optimize::Skipped) -> Vec<String> {
    let periods = |n: usize| plural_unless_one(n, "période", "périodes");
    let mut left_out = Vec::new();
    if skipped.recruitment > 0 {
        left_out.push(format!(
            "le recrutement sur {} à court de personnel",
            periods(skipped.recruitment)
        ));
    }
    if skipped.stability > 0 {
        left_out.push(format!(
            "la stabilité des équipes sur {}",
            periods(skipped.stability)
        ));
    }
    if skipped.cost > 0 {
        left_out.push(format!("l'étape du coût sur {}", periods(skipped.cost)));
    }
    if skipped.bounds > 0 {
        left_out.push(format!(
            "la borne qui prouve l'écart sur {}",
            periods(skipped.bounds)
        ));
    }
    left_out
}

/// What `--time-limit` cost the plan: the work left out to hold it, and a limit too short for
/// even the first plan of every period.
fn time_limit_sentences(stats: &crate::optimize::SolveStats) -> Vec<String> {
    let mut lines = Vec::new();
    let left_out = left_out_words(stats.skipped);
    let limit = stats.time_limit_seconds;
    if limit > 0.0 && stats.total_seconds > limit * 1.1 {
        // Even the first plan of every period took longer than the limit: twice as much gives
        // the later stages room.
        let wanted = ((stats.total_seconds * 2.0) / 60.0).ceil() * 60.0;
        let dropped = if left_out.is_empty() {
            String::new()
        } else {
            format!(" (sans {})", left_out.join(", "))
        };
        lines.push(format!(
            "La limite de temps ({} s) est trop courte pour cette période : même réduit au \
             premier planning de chaque tranche de dates{dropped}, le calcul a pris {} s ; le \
             planning respecte la loi. Comptez au moins --time-limit {}.",
            integer(limit.round() as u64),
            integer(stats.total_seconds.round() as u64),
            integer(wanted as u64),
        ));
    } else if !left_out.is_empty() {
        lines.push(format!(
            "Pour tenir la limite de temps, le calcul a laissé de côté {} ; le planning respecte \
             la loi, relancez avec un --time-limit plus grand pour les obtenir.",
            left_out.join(", ")
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Cents;
    use crate::rules::qualifications::canonical;

    fn hire(number: usize, label: &str, secteur: Option<&str>, days: &[u32]) -> Hire {
        Hire {
            number,
            certificats: Vec::new(),
            qualification: canonical(label).expect("known qualification"),
            secteur: secteur.map(str::to_string),
            accueils: vec![format!("ALSH-{number}")],
            dates: days
                .iter()
                .map(|d| NaiveDate::from_ymd_opt(2026, 7, *d).expect("valid date"))
                .collect(),
            daily_cost: Cents::euros(85),
            fixed_cost: Cents::euros(150),
            id: format!("RECRUTEMENT-{number}"),
        }
    }

    #[test]
    fn posts_of_one_profile_and_span_make_one_sentence() {
        let hires = [
            hire(1, "BAFA", Some("Doué"), &[13, 14, 24]),
            hire(2, "BAFA", Some("Doué"), &[15, 20, 27]),
            hire(3, "stagiaire BAFA", None, &[14]),
            hire(4, "BAFD", Some("Saumur"), &[6, 7]),
        ];
        assert_eq!(
            hire_sentences(&hires),
            [
                "Recruter 2 animateurs BAFA pour le secteur Doué du 13 au 27 juillet \
                 (ALSH-1, ALSH-2 ; 6 jours en tout).",
                "Recruter 1 directeur BAFD pour le secteur Saumur du 6 au 7 juillet \
                 (ALSH-4 ; 2 jours en tout).",
                "Recruter 1 stagiaire BAFA le 14 juillet (ALSH-3 ; 1 jour en tout).",
            ]
        );
    }

    #[test]
    fn the_time_limit_says_what_it_left_out_and_what_it_needs() {
        let mut stats = crate::optimize::SolveStats {
            total_seconds: 50.0,
            time_limit_seconds: 60.0,
            ..Default::default()
        };
        assert!(time_limit_sentences(&stats).is_empty());
        stats.skipped.stability = 12;
        stats.skipped.recruitment = 1;
        stats.total_seconds = 131.0;
        assert_eq!(
            time_limit_sentences(&stats),
            [
                "La limite de temps (60 s) est trop courte pour cette période : même réduit au \
                 premier planning de chaque tranche de dates (sans le recrutement sur 1 période \
                 à court de personnel, la stabilité des équipes sur 12 périodes), le calcul a \
                 pris 131 s ; le planning respecte la loi. Comptez au moins --time-limit 300."
            ]
        );
        stats.total_seconds = 59.0;
        assert_eq!(
            time_limit_sentences(&stats),
            [
                "Pour tenir la limite de temps, le calcul a laissé de côté le recrutement sur \
                 1 période à court de personnel, la stabilité des équipes sur 12 périodes ; le \
                 planning respecte la loi, relancez avec un --time-limit plus grand pour les \
                 obtenir."
            ]
        );
    }

    #[test]
    fn shortages_read_as_words() {
        assert_eq!(shortage_words((0, 0, 0)), "aucun manque");
        assert_eq!(
            shortage_words((1, 0, 2)),
            "1 animateur manquant, créneau par créneau, 2 journées de direction"
        );
        assert_eq!(
            shortage_words((0, 3, 0)),
            "3 qualifiés manquants, créneau par créneau"
        );
    }
}
