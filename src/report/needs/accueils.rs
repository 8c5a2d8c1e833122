//! The `Accueils` sheet of `besoins.xlsx`: one row per forecast slot with the law's
//! requirement, N under the other mixed-age policies where it differs, and the direction.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::domain::{DayKind, Minutes};
use crate::report::wording::{required_team, weekday_long, yes_no};
use crate::report::xlsx::{
    Column, Formats, PrintLayout, autofilter, col_index, fitted_width, print_setup, row_index,
    write_count, write_date, write_headers, write_plain_count, write_plain_text, write_text,
    write_time,
};
use crate::rules::{MixedAgePolicy, SlotRequirement};

use super::figures::{NeedsReport, policy_index};
use super::names::{
    COL_DIRECTOR_COUNTED, COL_MAX_UNQUALIFIED, COL_MIN_QUALIFIED, COL_REQUIRED, COL_TEAM,
    SHEET_ACCUEILS, other_policy_header,
};

const OTHER_POLICY_NOTE: &str = "N selon une autre méthode de calcul des groupes d'âges mixtes, \
     indiqué seulement quand il diffère du N appliqué ; sur fond orange quand il serait plus \
     élevé (un service de l'État peut appliquer cette lecture).";

/// A time of day as the sheet shows it (24:00 reads 00:00).
fn time_of_day(minutes: Minutes) -> Minutes {
    Minutes(minutes.0 % 1440)
}

/// The regime shown in `Période`, with the Q6 case spelled out.
fn period_label(requirement: &SlotRequirement) -> String {
    match requirement.day_kind {
        Some(DayKind::NoSchool) => format!(
            "{} (jour sans école hors vacances)",
            requirement.applied.regime
        ),
        _ => requirement.applied.regime.to_string(),
    }
}

pub(super) fn write(sheet: &mut Worksheet, report: &NeedsReport<'_>) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_ACCUEILS)?;
    let formats = Formats::new();
    let others: Vec<MixedAgePolicy> = MixedAgePolicy::ALL
        .into_iter()
        .filter(|p| *p != report.policy())
        .collect();
    let accueils = || report.slots.iter().map(|s| s.accueil);
    let periods: Vec<String> = report
        .slots
        .iter()
        .map(|s| period_label(s.requirement))
        .collect();
    // What a director reads first, and prints (one page wide): the créneau, its children and
    // its team. The accueil's details and the legal references follow, on screen only.
    let teams: Vec<String> = report
        .slots
        .iter()
        .map(|slot| {
            if slot.is_open() {
                let counted = u32::from(slot.requirement.director_counts);
                required_team(slot.required(), counted, slot.requirement.directors)
            } else {
                String::new()
            }
        })
        .collect();
    let team_width = fitted_width(teams.iter().map(String::as_str), 20.0, 50.0);
    let mut columns = vec![
        Column::new(
            "Accueil",
            fitted_width(accueils().map(|a| a.code.as_str()), 10.0, 30.0),
        ),
        Column::new("Date", 11.0),
        Column::new("Jour", 10.0),
        Column::new("Créneau", 11.0),
        Column::new("Début", 7.0),
        Column::new("Fin", 7.0),
        Column::new("Moins de 6 ans", 9.0),
        Column::new("6 ans et plus", 9.0),
        Column::new("Total enfants", 9.0),
        Column::new(COL_REQUIRED, 11.0).with_note(
            "N : nombre minimum légal d'animateurs pendant ce créneau (CASF R227-15 à R227-19), \
             équipe minimale comprise, selon la méthode âges mixtes appliquée (feuille Regles). \
             Le directeur en fait partie quand il est compté dans l'effectif.",
        ),
        Column::new(COL_TEAM, team_width).with_note(
            "N en clair : « dont le directeur » quand il compte dans N, « plus le directeur » \
             quand il s'y ajoute.",
        ),
        Column::new(COL_MIN_QUALIFIED, 11.0).with_note(
            "CASF R227-12 : au moins la moitié de N titulaires du BAFA ou d'un diplôme admis en \
             équivalence, ou fonctionnaires des corps listés.",
        ),
        Column::new(COL_MAX_UNQUALIFIED, 13.0).with_note(
            "CASF R227-12 : au plus 20 % de N sans qualification (une personne quand N vaut 3 \
             ou 4), même quand l'équipe présente dépasse N.",
        ),
        Column::new("Direction (directeur + adjoints)", 12.0).with_note(
            "Un directeur par jour d'ouverture, plus les adjoints d'un séjour de plus de 100 \
             mineurs (un par tranche de 50 au-delà de 100, R227-18).",
        ),
        Column::new("Encadrement renforcé", 12.0).with_note(
            "Adultes dédiés aux enfants en accompagnement renforcé (colonne des prévisions), en \
             plus de N, de toute qualification : politique locale, pas une obligation légale.",
        ),
        Column::new("Total adultes", 9.0)
            .with_note("N + encadrement renforcé + direction qui ne compte pas dans N."),
    ];
    // The last printed column.
    let printed = columns.len();
    columns.extend([
        Column::new(
            "Nom",
            fitted_width(accueils().map(|a| a.nom.as_str()), 12.0, 40.0),
        ),
        Column::new(
            "Commune",
            fitted_width(accueils().map(|a| a.commune.as_str()), 10.0, 30.0),
        ),
        Column::new(
            "Secteur",
            fitted_width(
                accueils().map(|a| a.secteur.as_deref().unwrap_or("")),
                9.0,
                30.0,
            ),
        ),
        Column::new("Type", 17.0),
        Column::new(
            "Période",
            fitted_width(periods.iter().map(String::as_str), 14.0, 50.0),
        ),
        Column::new("Taux appliqué", 12.0),
        Column::new("Article", 15.0),
    ]);
    columns.extend(
        others
            .iter()
            .map(|p| Column::new(other_policy_header(*p), 10.0).with_note(OTHER_POLICY_NOTE)),
    );
    columns.extend([
        Column::new(COL_DIRECTOR_COUNTED, 12.0).with_note(
            "Le directeur compte dans N (et comme qualifié) dans un accueil de loisirs de 50 \
             mineurs au plus, ou un séjour de 20 mineurs au plus tous âgés de 14 ans ou plus \
             (arrêté du 13 février 2007, art. 1). Sinon il s'ajoute à N.",
        ),
        Column::new("Directeur professionnel requis", 13.0).with_note(
            "CASF R227-14 III : accueil de loisirs ouvert plus de 80 jours par an et pour plus de \
             80 mineurs, à diriger par un titulaire d'un diplôme professionnel (DEJEPS, BPJEPS…), \
             sauf dérogation du préfet.",
        ),
    ]);
    write_headers(sheet, 0, &columns, &formats.boxed_header)?;
    sheet.set_freeze_panes(1, 1)?;
    autofilter(sheet, 0, columns.len(), row_index(report.slots.len()))?;
    sheet.set_row_height(0, 45)?;
    print_setup(sheet, PrintLayout::a4(1).repeating_rows(0, 0).with_footer())?;
    let last_row = row_index(report.slots.len());
    sheet.set_print_area(0, 0, last_row, col_index(printed - 1))?;
    for (index, ((slot, period), team)) in report.slots.iter().zip(&periods).zip(&teams).enumerate()
    {
        let row = row_index(index + 1);
        let (accueil, prevision, requirement) = (slot.accueil, slot.prevision, slot.requirement);
        let open = slot.is_open();
        write_plain_text(sheet, row, 0, &accueil.code)?;
        write_date(sheet, row, 1, prevision.date, &formats.date_left)?;
        write_plain_text(sheet, row, 2, weekday_long(prevision.date))?;
        write_plain_text(sheet, row, 3, &prevision.creneau.label)?;
        let (start, end) = (prevision.creneau.start, prevision.creneau.end);
        write_time(sheet, row, 4, time_of_day(start), &formats.time_left)?;
        write_time(sheet, row, 5, time_of_day(end), &formats.time_left)?;
        write_plain_count(sheet, row, 6, prevision.moins_de_6)?;
        write_plain_count(sheet, row, 7, prevision.six_et_plus)?;
        write_plain_count(sheet, row, 8, prevision.children())?;
        write_count(sheet, row, 9, slot.required(), &formats.highlighted)?;
        if !team.is_empty() {
            write_plain_text(sheet, row, 10, team)?;
        }
        write_plain_count(sheet, row, 11, requirement.min_qualified)?;
        write_plain_count(sheet, row, 12, requirement.max_unqualified)?;
        write_plain_count(sheet, row, 13, requirement.directors)?;
        write_plain_count(sheet, row, 14, requirement.extra_renforce)?;
        write_count(sheet, row, 15, slot.total_adults, &formats.strong)?;
        let col = col_index(printed);
        write_plain_text(sheet, row, col, &accueil.nom)?;
        write_plain_text(sheet, row, col + 1, &accueil.commune)?;
        write_plain_text(
            sheet,
            row,
            col + 2,
            accueil.secteur.as_deref().unwrap_or(""),
        )?;
        write_plain_text(sheet, row, col + 3, accueil.kind.label())?;
        write_plain_text(sheet, row, col + 4, period)?;
        write_text(
            sheet,
            row,
            col + 5,
            &requirement.applied.ratio.to_string(),
            &formats.middle,
        )?;
        write_plain_text(sheet, row, col + 6, requirement.applied.article)?;
        let mut col = col + 7;
        for policy in &others {
            let other = slot.required_by_policy[policy_index(*policy)];
            if other > slot.required() {
                write_count(sheet, row, col, other, &formats.raised)?;
            } else if other < slot.required() {
                write_count(sheet, row, col, other, &formats.middle)?;
            }
            col += 1;
        }
        write_text(
            sheet,
            row,
            col,
            yes_no(requirement.director_counts),
            &formats.middle,
        )?;
        write_text(
            sheet,
            row,
            col + 1,
            yes_no(open && requirement.professional_director),
            &formats.middle,
        )?;
    }
    Ok(())
}
