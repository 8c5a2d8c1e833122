//! The `Regles` sheet of `besoins.xlsx`: every parameter and rule applied, with its legal
//! reference and where its value came from. The law's figures are quoted from
//! [`rule_catalogue`](crate::report::rule_catalogue) and `rules`, never restated.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::domain::normalize_key;
use crate::report::rule_catalogue::{LawRatios, long_session_hours, overridden_at};
use crate::report::wording::{plural, signed_percent};
use crate::report::xlsx::{
    Column, Formats, LineFit, PrintLayout, col_index, print_setup, row_index, wrapped_height,
    write_headers, write_text,
};
use crate::report::{echo, wording};
use crate::rules::director::{
    DIRECTOR_COUNTED_MAX_CAPACITY, DirectorPresence, MIN_TEAM_SEJOUR, PROFESSIONAL_DIRECTOR_DAYS,
    PROFESSIONAL_DIRECTOR_MINORS, SEJOUR_DIRECTOR_COUNTED_MAX_CAPACITY,
};
use crate::rules::health::PSC1_ARTICLE;
use crate::rules::parameters::PARAMETER_NAMES;
use crate::rules::{MixedAgePolicy, Parameters};

use super::figures::{NeedsReport, RunOptions};
use super::names::SHEET_REGLES;

/// One row of the `Regles` sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRow {
    pub name: String,
    pub value: String,
    /// Legal article, or the acm-planner reading (Part A question) where the texts are silent.
    pub reference: String,
    /// `valeur par défaut`, `feuille Regles (…)`, `ligne de commande (…)`, `règle fixe`.
    pub origin: String,
    /// The name to write in a `Regles` sheet to change it, when it can be changed.
    pub regles_name: Option<&'static str>,
}

/// Origin of the rules the user cannot change.
pub const FIXED_RULE: &str = "règle fixe";

/// Where a parameter's value came from.
fn origin(parameters: &Parameters, name: &str) -> String {
    overridden_at(parameters, name)
        .map(|source| {
            format!(
                "feuille {} ({}, ligne {})",
                source.sheet, source.file, source.row
            )
        })
        .unwrap_or_else(|| "valeur par défaut".to_string())
}

/// Every parameter and rule applied, with its legal reference and where its value came from;
/// `calendar` says which calendar applied and `calendar_origin` where its days come from
/// ([`crate::report::echo::calendar_line`]).
pub fn rule_rows(
    parameters: &Parameters,
    run: &RunOptions,
    calendar: String,
    calendar_origin: String,
) -> Vec<RuleRow> {
    let parameter = |name: &'static str, value: String, reference: &str, from: String| RuleRow {
        name: name.to_string(),
        value,
        reference: reference.to_string(),
        origin: from,
        regles_name: PARAMETER_NAMES
            .iter()
            .map(|(n, _)| *n)
            .find(|n| normalize_key(n) == normalize_key(name)),
    };
    let mixed_origin = if run.mixed_ages_from_command_line {
        "ligne de commande (--ages-mixtes)".to_string()
    } else {
        origin(parameters, "Methode ages mixtes")
    };
    let mut rows = vec![
        parameter(
            "Méthode âges mixtes",
            format!(
                "{} : {}",
                parameters.mixed_ages.label(),
                policy_formula(parameters.mixed_ages)
            ),
            "CASF R227-15, R227-16 : un taux par tranche d'âge ; aucun texte ne dit comment \
             arrondir un groupe mixte (lecture acm-planner Q1 : par-tranche par défaut ; les deux \
             autres méthodes sont montrées là où elles diffèrent)",
            mixed_origin,
        ),
        parameter(
            "Jour sans école hors vacances",
            if parameters.unclear_weekday_periscolaire {
                "taux périscolaires".to_string()
            } else {
                format!(
                    "taux extrascolaires ({})",
                    LawRatios::new().extrascolaire.ratio
                )
            },
            "CASF R227-1 II : périscolaire les jours d'école et le mercredi, extrascolaire les \
             samedis sans école, dimanches et vacances ; le pont de l'Ascension ou un jour férié \
             en semaine n'est pas prévu (lecture acm-planner Q6)",
            origin(parameters, "Jour sans ecole hors vacances"),
        ),
        parameter(
            "Taux accueil de jeunes",
            format!(
                "1 animateur pour {} jeunes",
                parameters.accueil_jeunes_ratio
            ),
            "CASF R227-19 III : taux fixé par la convention passée avec le préfet",
            origin(parameters, "Taux accueil de jeunes"),
        ),
        parameter(
            "Présence de la direction",
            match parameters.director_presence {
                DirectorPresence::AllDay => {
                    "toute la journée : le directeur du jour travaille tous les créneaux avec \
                     enfants"
                }
                DirectorPresence::OneSlot => {
                    "un créneau : un directeur au moins un créneau avec enfants ce jour-là, \
                     compté dans N sur les seuls créneaux dirigés"
                }
            }
            .to_string(),
            "CASF R227-14 : un directeur par accueil ; le texte ne dit pas pour quelle part de \
             la journée (paramètre)",
            origin(parameters, "Presence de la direction"),
        ),
        parameter(
            "Coût journalier par défaut",
            parameters.default_daily_cost.to_string(),
            "paramètre local : coût d'une journée quand ni la personne ni le profil n'en donnent \
             (utilisé par plan)",
            origin(parameters, "Cout journalier par defaut"),
        ),
        parameter(
            "SMIC horaire",
            wording::smic_steps(&parameters.smic),
            &format!(
                "CASF D432-2 : rémunération minimale d'un CEE, 4,30 × SMIC horaire par jour depuis \
                 le 1er mai 2025, soit {}",
                wording::cee_minimum_steps(&parameters.smic)
            ),
            origin(parameters, "SMIC horaire"),
        ),
        RuleRow {
            name: "Fréquentation".to_string(),
            value: if run.attendance_percent == 0 {
                "prévisions telles quelles".to_string()
            } else {
                format!(
                    "{} sur chaque prévision, arrondi à l'enfant supérieur",
                    signed_percent(run.attendance_percent)
                )
            },
            reference: "simulation (option --frequentation)".to_string(),
            origin: if run.attendance_percent == 0 {
                "valeur par défaut".to_string()
            } else {
                "ligne de commande (--frequentation)".to_string()
            },
            regles_name: None,
        },
    ];
    rows.extend(fixed_rules());
    rows.push(RuleRow {
        name: "Calendrier".to_string(),
        value: calendar,
        reference: "CASF R227-1 II ; Code du travail L3133-1 (jours fériés)".to_string(),
        origin: calendar_origin,
        regles_name: None,
    });
    rows
}

/// A rule no `Regles` row changes.
fn fixed(name: impl Into<String>, value: impl Into<String>, reference: &str) -> RuleRow {
    RuleRow {
        name: name.into(),
        value: value.into(),
        reference: reference.to_string(),
        origin: FIXED_RULE.to_string(),
        regles_name: None,
    }
}

/// The rules no `Regles` row changes: the law, or a reading of it fixed by acm-planner.
fn fixed_rules() -> Vec<RuleRow> {
    let law = LawRatios::new();
    let hours = long_session_hours();
    let extrascolaire = law.extrascolaire.ratio;
    vec![
        fixed(
            "Taux extrascolaire, séjour de vacances",
            format!(
                "1 animateur pour {} enfants de moins de 6 ans, pour {} de 6 ans et plus",
                extrascolaire.under_6, extrascolaire.six_and_over
            ),
            law.extrascolaire.article,
        ),
        fixed(
            "Taux périscolaire sans PEDT",
            format!(
                "{} au-delà de {hours} heures consécutives ; {} sinon",
                law.periscolaire_long.ratio, law.periscolaire_short.ratio
            ),
            law.periscolaire_long.article,
        ),
        fixed(
            "Taux périscolaire avec PEDT",
            format!(
                "{} au-delà de {hours} heures consécutives ; {} sinon",
                law.pedt_long.ratio, law.pedt_short.ratio
            ),
            law.pedt_long.article,
        ),
        fixed(
            format!("Règle des {hours} heures"),
            format!(
                "sur la plage continue de l'accueil : ses créneaux avec enfants qui se touchent ou \
                 se chevauchent forment une seule plage, un trou la coupe ; exactement {hours} \
                 heures n'est pas plus de {hours} heures"
            ),
            "CASF R227-16 (lecture acm-planner Q3)",
        ),
        fixed(
            "Mini-camp, séjour : équipe minimale",
            plural(MIN_TEAM_SEJOUR, "personne", "personnes"),
            "CASF R227-17 al. 2, R227-18",
        ),
        fixed(
            "Mini-camp, séjour : suivi sanitaire",
            "chaque jour, un titulaire du PSC1 dans l'équipe (directeur compris) ; seul le PSC1 \
             compte (utilisé par plan et check)",
            PSC1_ARTICLE,
        ),
        fixed(
            "Qualifiés (BAFA ou équivalent, fonctionnaires)",
            "au moins la moitié de N, arrondie au-dessus",
            "CASF R227-12 1° et 2°",
        ),
        fixed(
            "Sans qualification",
            "au plus 20 % de N, arrondi au-dessous, ou 1 personne si N vaut 3 ou 4",
            "CASF R227-12 4°",
        ),
        fixed(
            "Directeur compté dans l'effectif",
            format!(
                "accueil de loisirs de {DIRECTOR_COUNTED_MAX_CAPACITY} mineurs au plus ; séjour \
                 de {SEJOUR_DIRECTOR_COUNTED_MAX_CAPACITY} mineurs au plus, tous âgés de 14 ans \
                 ou plus ; sinon le directeur s'ajoute à N"
            ),
            "CASF R227-17 a ; arrêté du 13 février 2007 art. 1 d et e",
        ),
        fixed(
            "Directeur professionnel",
            format!(
                "accueil de loisirs ouvert plus de {PROFESSIONAL_DIRECTOR_DAYS} jours par an et \
                 pour plus de {PROFESSIONAL_DIRECTOR_MINORS} mineurs, sauf dérogation du préfet \
                 pour un titulaire du BAFD"
            ),
            "CASF R227-14 III ; arrêtés du 13 février 2007 art. 1 c et du 28 février 2017",
        ),
        fixed(
            "Type de jour",
            "suit la date pour tout accueil de loisirs, quel que soit le type déclaré \
             (accueil de loisirs, périscolaire, extrascolaire) : périscolaire les jours d'école \
             et le mercredi, extrascolaire les samedis sans école, dimanches et vacances",
            "CASF R227-1 II (décret 2018-647)",
        ),
        fixed(
            "Accueil de jeunes",
            "un référent qualifié (le quota de qualifiés de son équipe, au moins un) ; pas de \
             directeur",
            "CASF R227-19 III",
        ),
        fixed(
            "Adjoints de séjour",
            "un par tranche de 50 mineurs au-delà de 100",
            "CASF R227-18 (lecture acm-planner Q8)",
        ),
        fixed(
            "Seuils de direction",
            "appliqués au plus grand de la capacité déclarée et des enfants prévus (le jour même \
             pour le directeur compté et les adjoints, sur la période pour la règle des 80 jours \
             et 80 mineurs)",
            "arrêté du 13 février 2007 (lecture acm-planner Q7)",
        ),
        fixed(
            "Effectifs d'enfants",
            "pointe du créneau, par tranche d'âge telle que saisie",
            "lecture acm-planner Q4",
        ),
        fixed(
            "Encadrement renforcé",
            "un adulte dédié par enfant indiqué, en plus de N, toute qualification",
            "politique locale, pas une obligation légale",
        ),
    ]
}

fn policy_formula(policy: MixedAgePolicy) -> &'static str {
    match policy {
        MixedAgePolicy::ParTranche => {
            "chaque tranche d'âge arrondie séparément : ⌈moins de 6 / taux⌉ + ⌈6 et plus / taux⌉"
        }
        MixedAgePolicy::Global => "somme exacte arrondie une fois : ⌈m6/taux + 6p/taux⌉",
        MixedAgePolicy::Strict => {
            "groupe mixte au taux des moins de 6 ans : ⌈(m6 + 6p) / taux moins de 6 ans⌉"
        }
    }
}

pub(super) fn write(sheet: &mut Worksheet, report: &NeedsReport<'_>) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_REGLES)?;
    let formats = Formats::new();
    let columns = [
        Column::new("Règle ou paramètre", 30.0),
        Column::new("Valeur appliquée", 55.0),
        Column::new("Référence", 55.0),
        Column::new("Origine", 24.0),
        Column::new("Nom du paramètre (feuille Regles)", 28.0),
    ];
    write_headers(sheet, 0, &columns, &formats.boxed_header)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_row_height(0, 30)?;
    print_setup(sheet, PrintLayout::a4(1).repeating_rows(0, 0).with_footer())?;
    let rows = rule_rows(
        &report.problem.parameters,
        &report.run,
        echo::calendar_line(report.problem),
        echo::calendar_origin(report.problem),
    );
    let bold_wrap = formats.wrap.clone().set_bold();
    for (index, rule) in rows.iter().enumerate() {
        let row = row_index(index + 1);
        let name_format = if rule.origin == FIXED_RULE {
            &formats.wrap
        } else {
            &bold_wrap
        };
        let cells = [
            rule.name.as_str(),
            rule.value.as_str(),
            rule.reference.as_str(),
            rule.origin.as_str(),
            rule.regles_name.unwrap_or(""),
        ];
        for (col, text) in cells.iter().enumerate() {
            let format = if col == 0 { name_format } else { &formats.wrap };
            write_text(sheet, row, col_index(col), text, format)?;
        }
        let widths: Vec<(&str, f64)> = cells
            .iter()
            .zip(&columns)
            .map(|(text, column)| (*text, column.width))
            .collect();
        sheet.set_row_height(row, wrapped_height(&widths, LineFit::Narrow))?;
    }
    let files_row = row_index(rows.len() + 2);
    let files = report.problem.files.join(", ");
    write_text(sheet, files_row, 0, "Fichiers lus", &formats.strong)?;
    write_text(sheet, files_row, 1, &files, &formats.wrap)?;
    sheet.set_row_height(
        files_row,
        wrapped_height(&[(files.as_str(), columns[1].width)], LineFit::Narrow),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_rows_name_their_regles_parameter() {
        let rows = rule_rows(
            &Parameters::default(),
            &RunOptions::default(),
            "zone B".to_string(),
            "intégré + feuille Calendrier".to_string(),
        );
        let named: Vec<&str> = rows.iter().filter_map(|r| r.regles_name).collect();
        assert_eq!(
            named,
            [
                "Methode ages mixtes",
                "Jour sans ecole hors vacances",
                "Taux accueil de jeunes",
                "Presence de la direction",
                "Cout journalier par defaut",
                "SMIC horaire"
            ]
        );
        let calendar = rows.last().expect("calendar row");
        assert_eq!(calendar.value, "zone B");
        assert_eq!(calendar.origin, "intégré + feuille Calendrier");
    }
}
