//! `Accueils`: one row per ACM × date × créneau, with the law's requirement, who is present and
//! a status coloured by conditional formatting.

use rust_xlsxwriter::{ConditionalFormatCell, ConditionalFormatCellRule, Worksheet, XlsxError};

use crate::rules::{MixedAgePolicy, SlotRequirement};

use crate::report::wording::{self, weekday_long};
use crate::report::xlsx::{Column, row_index, write_count, write_date, write_headers, write_text};

use super::context::SheetContext;
use super::figures::SlotView;

/// Statuses, as written in the `Statut` column.
pub const CONFORME: &str = "conforme";
pub const MANQUE: &str = "manque";
pub const MANQUE_QUALIFIES: &str = "manque qualifiés";
pub const SANS_DIRECTION: &str = "sans direction";
/// A séjour or mini-camp day without a PSC1 holder in its team (suivi sanitaire).
pub const SANS_PSC1: &str = "sans PSC1";
pub const SANS_ENFANT: &str = "aucun enfant";

const HEADERS: [Column; 25] = [
    Column::new("Accueil", 14.0),
    Column::new("Nom", 30.0),
    Column::new("Secteur", 12.0),
    Column::new("Date", 11.0),
    Column::new("Jour", 11.0),
    Column::new("Creneau", 12.0),
    Column::new("Moins de 6 ans", 8.0),
    Column::new("6 ans et plus", 8.0),
    Column::new("Taux appliqué", 13.0),
    Column::new("Animateurs requis", 10.0),
    Column::new("dont renforcé", 9.0),
    Column::new("Qualifiés min.", 9.0),
    Column::new("Sans qualif. max", 9.0),
    Column::new("Directeur requis/compté", 20.0),
    Column::new("Présents", 9.0),
    Column::new("dont qualifiés", 9.0),
    Column::new("dont stagiaires", 9.0),
    Column::new("dont sans qualif.", 9.0),
    Column::new("Manque", 8.0),
    Column::new("Qualifiés manquants", 10.0),
    Column::new("Statut", 16.0),
    Column::new("Régime", 28.0),
    Column::new("Article", 16.0),
    Column::new("Autres méthodes âges mixtes", 26.0),
    Column::new("Direction du jour", 26.0),
];
const STATUS_COL: u16 = 20;

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let problem = context.problem();
    write_headers(sheet, 0, &HEADERS, &formats.header)?;
    sheet.set_row_height(0, 45)?;
    let slots = &context.figures.slots;
    for (i, slot) in slots.iter().enumerate() {
        let row = 1 + row_index(i);
        let prevision = slot.prevision;
        let accueil = problem.accueil(&prevision.accueil);
        write_text(sheet, row, 0, &prevision.accueil, &formats.text)?;
        write_text(
            sheet,
            row,
            1,
            accueil.map_or("", |a| a.nom.as_str()),
            &formats.text,
        )?;
        let secteur = accueil.and_then(|a| a.secteur.as_deref()).unwrap_or("");
        write_text(sheet, row, 2, secteur, &formats.text)?;
        write_date(sheet, row, 3, prevision.date, &formats.date)?;
        write_text(sheet, row, 4, weekday_long(prevision.date), &formats.text)?;
        write_text(sheet, row, 5, &prevision.creneau.label, &formats.text)?;
        write_count(sheet, row, 6, prevision.moins_de_6, &formats.integer)?;
        write_count(sheet, row, 7, prevision.six_et_plus, &formats.integer)?;
        write_requirement(sheet, row, slot.requirement, context)?;
        let outcome = slot.outcome;
        write_count(
            sheet,
            row,
            14,
            outcome.map_or(0, |o| o.staffed),
            &formats.integer,
        )?;
        write_count(
            sheet,
            row,
            15,
            outcome.map_or(0, |o| o.qualified),
            &formats.integer,
        )?;
        write_count(
            sheet,
            row,
            16,
            outcome.map_or(0, |o| o.trainees),
            &formats.integer,
        )?;
        write_count(
            sheet,
            row,
            17,
            outcome.map_or(0, |o| o.unqualified),
            &formats.integer,
        )?;
        write_count(sheet, row, 18, slot.missing_animateurs(), &formats.integer)?;
        write_count(sheet, row, 19, slot.missing_qualified(), &formats.integer)?;
        write_text(sheet, row, STATUS_COL, status(slot, context), &formats.text)?;
        write_text(
            sheet,
            row,
            24,
            &direction_of_day(slot, context),
            &formats.text,
        )?;
    }
    let last = row_index(slots.len()).max(1);
    let rules = [
        (CONFORME, &formats.good),
        (MANQUE, &formats.bad),
        (SANS_DIRECTION, &formats.bad),
        (MANQUE_QUALIFIES, &formats.warning),
        (SANS_PSC1, &formats.warning),
    ];
    for (text, format) in rules {
        sheet.add_conditional_format(
            1,
            STATUS_COL,
            last,
            STATUS_COL,
            &ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo(text))
                .set_format(format),
        )?;
    }
    sheet.set_freeze_panes(1, 4)?;
    sheet.autofilter(0, 0, last, col_count() - 1)?;
    Ok(())
}

fn col_count() -> u16 {
    u16::try_from(HEADERS.len()).unwrap_or(1)
}

fn write_requirement(
    sheet: &mut Worksheet,
    row: u32,
    requirement: &SlotRequirement,
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    write_text(
        sheet,
        row,
        8,
        &requirement.applied.ratio.to_string(),
        &formats.text,
    )?;
    write_count(
        sheet,
        row,
        9,
        requirement.total_animation(),
        &formats.integer,
    )?;
    write_count(sheet, row, 10, requirement.extra_renforce, &formats.integer)?;
    write_count(sheet, row, 11, requirement.min_qualified, &formats.integer)?;
    write_count(
        sheet,
        row,
        12,
        requirement.max_unqualified,
        &formats.integer,
    )?;
    write_text(
        sheet,
        row,
        13,
        &director_words(requirement),
        &formats.centered,
    )?;
    write_text(sheet, row, 21, requirement.applied.regime, &formats.text)?;
    write_text(sheet, row, 22, requirement.applied.article, &formats.text)?;
    write_text(sheet, row, 23, &other_policies(requirement), &formats.text)?;
    Ok(())
}

/// `compté` (the director counts in N), `en plus`, with adjoints and the 80/80 rule.
fn director_words(requirement: &SlotRequirement) -> String {
    if requirement.directors == 0 {
        return "—".to_string();
    }
    let mut words = if requirement.director_counts {
        "compté".to_string()
    } else {
        "en plus".to_string()
    };
    let adjoints = requirement.directors - 1;
    if adjoints > 0 {
        words.push_str(&format!(
            " + {}",
            wording::plural(adjoints, "adjoint", "adjoints")
        ));
    }
    if requirement.professional_director {
        words.push_str(", diplôme pro");
    }
    words
}

/// What the other two mixed-age methods would require, where they differ (Part A, Q1).
fn other_policies(requirement: &SlotRequirement) -> String {
    let applied = requirement.policy;
    let applied_n = policy_n(requirement, applied);
    MixedAgePolicy::ALL
        .iter()
        .filter(|p| **p != applied)
        .filter_map(|p| {
            let n = policy_n(requirement, *p);
            (n != applied_n).then(|| format!("{} : {n}", p.label()))
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// N under a policy, before the minimum team: the applied N is compared on the same footing.
fn policy_n(requirement: &SlotRequirement, policy: MixedAgePolicy) -> u32 {
    let index = MixedAgePolicy::ALL
        .iter()
        .position(|p| *p == policy)
        .unwrap_or(0);
    requirement.by_policy.get(index).copied().unwrap_or(0)
}

/// Who directs the ACM that day, or that direction is missing.
fn direction_of_day(slot: &SlotView, context: &SheetContext) -> String {
    let key = (slot.prevision.accueil.as_str(), slot.prevision.date);
    let Some(day) = context.figures.director_days.get(&key) else {
        return String::new();
    };
    let names: Vec<String> = day
        .directors
        .iter()
        .map(|id| match context.problem().animateur(id) {
            Some(person) => format!("{} ({id})", person.full_name()),
            None => id.clone(),
        })
        .collect();
    match (day.missing, names.is_empty()) {
        (0, _) => names.join(", "),
        (missing, true) => format!("manquante ({missing})"),
        (missing, false) => format!("{} ; manquante ({missing})", names.join(", ")),
    }
}

/// The slot's status: direction first (the heaviest shortage), then animateurs, then quotas.
pub(super) fn status(slot: &SlotView, context: &SheetContext) -> &'static str {
    if slot.total_required() == 0 {
        return SANS_ENFANT;
    }
    let key = (slot.prevision.accueil.as_str(), slot.prevision.date);
    let director_missing = context
        .figures
        .director_days
        .get(&key)
        .is_some_and(|d| d.missing > 0);
    if director_missing {
        SANS_DIRECTION
    } else if slot.missing_animateurs() > 0 {
        MANQUE
    } else if slot.missing_qualified() > 0 {
        MANQUE_QUALIFIES
    } else if context
        .result()
        .psc1_days
        .iter()
        .any(|d| d.missing() && (d.accueil.as_str(), d.date) == key)
    {
        SANS_PSC1
    } else {
        CONFORME
    }
}
