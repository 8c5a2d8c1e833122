//! `Synthese`: what to do first (whom to recruit, where people are missing), then the few key
//! figures a director reads, coverage per sector, and a chart of the animateurs required and
//! present per day. One table across the page, so it prints on A4 landscape at full size; the
//! solver's internals are in `Technique`.

use rust_xlsxwriter::{
    Chart, ChartFont, ChartFormat, ChartLegendPosition, ChartLine, ChartSolidFill, ChartType,
    Color, FormatAlign, RowNum, Worksheet, XlsxError,
};

use crate::domain::Cents;
use crate::optimize::{PlanResult, SolveStatus};
use crate::report::wording::{self, integer, percent, plural_unless_one, signed_percent};
use crate::report::xlsx::{
    Column, LineFit, wrapped_height, write_count, write_euros, write_headers, write_number,
    write_text,
};
use crate::rules::parameters::StabilityMode;

use super::advice::{advice, shortage_words, shortage_words_with_psc1};
use super::context::SheetContext;
use super::planning_accueil::{NARROW_MARGINS, PAGE_WIDTH_CHARS};
use super::proof::{Proof, plan_proof};
use super::shortfall::short_places;
use super::technique;

/// The sheet's name, first in the workbook.
pub(super) const NAME: &str = "Synthese";

/// A key figure's value, written with the matching cell format.
enum Value {
    Count(u32),
    Euro(Cents),
    Percent(f64),
    Text(String),
}

/// Widths of the three columns, in characters: label, value, comment. Every table of the
/// sheet uses them, so one table spans the page.
const WIDTHS: [f64; 3] = [34.0, 18.0, 56.0];
/// They add up to what fits across A4 landscape at 100 % (the sheet prints at full size, so
/// its text stays at 11 points).
const _: () = assert!(WIDTHS[0] + WIDTHS[1] + WIDTHS[2] <= PAGE_WIDTH_CHARS);
/// Width of the merged A:C range of the advice and of B:C for the guide.
const ADVICE_WIDTH: f64 = WIDTHS[0] + WIDTHS[1] + WIDTHS[2];
const GUIDE_WIDTH: f64 = WIDTHS[1] + WIDTHS[2];

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let problem = context.problem();
    let figures = context.figures;
    let (left, right, top, bottom, header, footer) = NARROW_MARGINS;
    sheet.set_margins(left, right, top, bottom, header, footer);
    for (col, width) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(col, width)?;
    }
    write_text(
        sheet,
        0,
        0,
        "Planning des accueils collectifs de mineurs",
        &formats.title,
    )?;
    sheet.set_row_height(0, 24)?;
    let period = match figures.period {
        Some((first, last)) => format!(
            "Période du {} au {}",
            wording::date(first),
            wording::date(last)
        ),
        None => "Aucune prévision d'accueil sur la période demandée".to_string(),
    };
    write_text(
        sheet,
        1,
        0,
        &format!(
            "{period} — {} et {} dans l'équipe.",
            plural_unless_one(problem.accueils.len(), "accueil", "accueils"),
            plural_unless_one(problem.animateurs.len(), "animateur", "animateurs"),
        ),
        &formats.subtitle,
    )?;
    let files = if problem.files.is_empty() {
        "—".to_string()
    } else {
        problem.files.join(", ")
    };
    write_text(
        sheet,
        2,
        0,
        &format!("Fichiers lus : {files}"),
        &formats.subtitle,
    )?;

    let mut row = 4;
    write_text(sheet, row, 0, "Que faire", &formats.section)?;
    row += 1;
    for line in advice(problem, context.result(), figures) {
        let text = format!("• {line}");
        sheet.merge_range(row, 0, row, 2, "", &formats.wrap)?;
        write_text(sheet, row, 0, &text, &formats.wrap)?;
        sheet.set_row_height(
            row,
            wrapped_height(&[(&text, ADVICE_WIDTH)], LineFit::Narrow),
        )?;
        row += 1;
    }
    row = write_short_places(sheet, row + 1, context)?;
    row = write_key_figures(sheet, row + 1, context)?;
    row = write_sectors(sheet, row + 1, context)?;

    // The chart starts a page, whole.
    row += 1;
    sheet.set_page_breaks(&[row])?;
    write_text(
        sheet,
        row,
        0,
        "Animateurs requis et présents par jour (tout le territoire)",
        &formats.section,
    )?;
    row += 1;
    if let Some((first, last)) = technique::day_rows(context) {
        sheet.insert_chart(row, 0, &coverage_chart(first, last))?;
        row += 22;
    } else {
        write_text(
            sheet,
            row,
            0,
            "Aucun jour d'accueil sur la période.",
            &formats.note,
        )?;
        row += 2;
    }

    write_text(sheet, row, 0, "Lecture du classeur", &formats.section)?;
    row += 1;
    let changes = [(
        "Changements",
        "avec --previous : chaque journée modifiée par rapport au planning précédent, avant, \
         après et pourquoi",
    )];
    let with_changes = context.result().changes.is_some();
    let guide = guide();
    let listed = changes.iter().filter(|_| with_changes).chain(guide.iter());
    for (name, text) in listed.copied() {
        write_text(sheet, row, 0, name, &formats.bold)?;
        sheet.merge_range(row, 1, row, 2, "", &formats.wrap)?;
        write_text(sheet, row, 1, text, &formats.wrap)?;
        sheet.set_row_height(row, wrapped_height(&[(text, GUIDE_WIDTH)], LineFit::Narrow))?;
        row += 1;
    }
    Ok(())
}

/// Where people are missing: one row per accueil with the team's short dates and the posts
/// planned there. Returns the next free row.
fn write_short_places(
    sheet: &mut Worksheet,
    mut row: RowNum,
    context: &SheetContext,
) -> Result<RowNum, XlsxError> {
    let formats = context.formats;
    let places = short_places(context);
    if places.is_empty() {
        return Ok(row);
    }
    write_text(
        sheet,
        row,
        0,
        "Où le planning publié reste en manque (après les postes à recruter)",
        &formats.section,
    )?;
    row += 1;
    write_headers(
        sheet,
        row,
        &[
            Column::new("Accueil", WIDTHS[0]),
            Column::new("Jours en manque", WIDTHS[1]),
            Column::new("Dates, et postes à recruter prévus", WIDTHS[2]),
        ],
        &formats.header,
    )?;
    row += 1;
    let centered = formats.integer.clone().set_align(FormatAlign::Center);
    for place in places {
        let name = place.accueil_words();
        let detail = place.detail();
        write_text(sheet, row, 0, &name, &formats.wrap)?;
        write_count(sheet, row, 1, place.days(), &centered)?;
        write_text(sheet, row, 2, &detail, &formats.wrap)?;
        sheet.set_row_height(
            row,
            wrapped_height(&[(&name, WIDTHS[0]), (&detail, WIDTHS[2])], LineFit::Narrow),
        )?;
        row += 1;
    }
    Ok(row)
}

/// The key-figure table. Returns the next free row.
fn write_key_figures(
    sheet: &mut Worksheet,
    mut row: RowNum,
    context: &SheetContext,
) -> Result<RowNum, XlsxError> {
    let formats = context.formats;
    write_text(sheet, row, 0, "Chiffres clés", &formats.section)?;
    row += 1;
    write_headers(
        sheet,
        row,
        &[
            Column::new("Indicateur", WIDTHS[0]),
            Column::new("Valeur", WIDTHS[1]),
            Column::new("Commentaire", WIDTHS[2]),
        ],
        &formats.header,
    )?;
    row += 1;
    // Key figures are centred in their column, whatever their kind.
    let euro_value = formats.euro_bold.clone().set_align(FormatAlign::Center);
    let percent_value = formats.percent_bold.clone().set_align(FormatAlign::Center);
    let count_value = formats.integer_bold.clone().set_align(FormatAlign::Center);
    let text_value = formats
        .value_text
        .clone()
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let note_wrap = formats.note.clone().set_text_wrap();
    for (label, value, comment) in key_figures(context) {
        write_text(sheet, row, 0, label, &formats.wrap)?;
        let value_text = match &value {
            Value::Text(t) => t.clone(),
            _ => String::new(),
        };
        match value {
            Value::Count(n) => write_count(sheet, row, 1, n, &count_value)?,
            Value::Euro(c) => write_euros(sheet, row, 1, c, &euro_value)?,
            Value::Percent(p) => write_number(sheet, row, 1, p, &percent_value)?,
            Value::Text(t) => write_text(sheet, row, 1, &t, &text_value)?,
        }
        write_text(sheet, row, 2, &comment, &note_wrap)?;
        sheet.set_row_height(
            row,
            wrapped_height(
                &[
                    (&comment, WIDTHS[2]),
                    (label, WIDTHS[0]),
                    (&value_text, WIDTHS[1]),
                ],
                LineFit::Narrow,
            ),
        )?;
        row += 1;
    }
    Ok(row)
}

/// The figures of the key-figure table: label, value, comment.
fn key_figures(context: &SheetContext) -> Vec<(&'static str, Value, String)> {
    let result = context.result();
    let figures = context.figures;
    let (missing_animateurs, missing_qualified, missing_directors) = figures.missing;
    let mut rows = vec![
        (
            "Journées-animateurs requises",
            Value::Count(figures.required_days),
            "par jour et par accueil, le créneau le plus exigeant (taux légal et accompagnement \
             renforcé)"
                .to_string(),
        ),
        (
            "Journées-animateurs couvertes",
            Value::Count(figures.staffed_days),
            "présents comptés dans l'effectif (équipe et postes à recruter), au plus le nombre \
             requis"
                .to_string(),
        ),
        (
            "Taux de couverture",
            Value::Percent(figures.coverage()),
            "journées couvertes / journées requises".to_string(),
        ),
        (
            "Manque de l'équipe seule",
            Value::Text(
                if result.team_missing == (0, 0, 0) && result.team_missing_psc1 == 0 {
                    "aucun".to_string()
                } else {
                    "oui".to_string()
                },
            ),
            format!(
                "{} : sans recruter, ce que l'équipe actuelle laisse en manque",
                shortage_words_with_psc1(result.team_missing, result.team_missing_psc1)
            ),
        ),
        (
            "Manque du planning publié",
            Value::Text(
                if missing_animateurs + missing_qualified + missing_directors == 0
                    && result.missing_psc1_days() == 0
                {
                    "aucun".to_string()
                } else {
                    "oui".to_string()
                },
            ),
            format!(
                "{} (détail dans la feuille Manques)",
                shortage_words_with_psc1(figures.missing, result.missing_psc1_days())
            ),
        ),
        (
            "Journées sans titulaire du PSC1",
            Value::Count(result.missing_psc1_days()),
            "séjours et mini-camps : un titulaire du PSC1 dans l'équipe de chaque jour (suivi \
             sanitaire, arrêté du 20 février 2003)"
                .to_string(),
        ),
        (
            "Coût de l'équipe",
            Value::Euro(result.staff_cost),
            "jours travaillés × coût journalier (feuille Animateurs)".to_string(),
        ),
    ];
    if result.recruitment_ran {
        let (a, q, d) = result.residual_missing;
        let psc1 = result.missing_psc1_days();
        rows.extend([
            (
                "Postes à recruter",
                Value::Count(count(result.hires.len())),
                "détail dans la feuille Recrutement ; leurs jours sont dans les plannings sous \
                 « À recruter » (R1, R2…)"
                    .to_string(),
            ),
            (
                "Coût du recrutement",
                Value::Euro(result.hire_cost()),
                "coûts journaliers et coûts fixes d'embauche".to_string(),
            ),
            (
                "Manque restant après recrutement",
                Value::Text(if a + q + d + psc1 == 0 {
                    "aucun".to_string()
                } else {
                    "oui".to_string()
                }),
                shortage_words_with_psc1((a, q, d), psc1),
            ),
            (
                "Coût total (équipe + recrutement)",
                Value::Euro(result.staff_cost + result.hire_cost()),
                String::new(),
            ),
        ]);
    } else {
        rows.push((
            "Recrutement",
            Value::Text("non calculé".to_string()),
            "option --no-recruit".to_string(),
        ));
    }
    rows.extend(stability_rows(result));
    if let Some(changes) = &result.changes {
        rows.push((
            "Journées modifiées",
            Value::Count(count(changes.len())),
            "par rapport au planning précédent (--previous) : détail et raison dans la feuille \
             Changements"
                .to_string(),
        ));
    }
    rows.push((
        "Qualité du calcul",
        Value::Text(quality_words(figures.status, plan_proof(&result.stats))),
        quality_comment(figures.status, plan_proof(&result.stats)),
    ));
    if context.report.run.attendance_percent != 0 {
        rows.push((
            "Prévisions ajustées",
            Value::Text(signed_percent(context.report.run.attendance_percent)),
            "effectifs multipliés puis arrondis au-dessus (--attendance)".to_string(),
        ));
    }
    rows
}

/// How stable the published plan is, against the cheapest plan of the same shortage.
fn stability_rows(result: &PlanResult) -> Vec<(&'static str, Value, String)> {
    let stability = &result.stability;
    let (published, cheapest) = (&stability.published, &stability.cheapest);
    let mode = match stability.mode {
        StabilityMode::Week => "Stabilite = semaine",
        StabilityMode::StayOrPeriod => "Stabilite = sejour-ou-periode",
        StabilityMode::Day => "Stabilite = jour : le moins cher, sans stabilité",
    };
    vec![
        (
            "Semaines de travail sur plusieurs accueils",
            Value::Percent(published.moving_share()),
            format!(
                "{} sur {} semaines de travail ({} journées hors de l'accueil principal de la \
                 semaine) ; le planning le moins cher : {} ({mode})",
                published.person_weeks_moving,
                published.person_weeks,
                published.moves,
                percent(cheapest.moving_share()),
            ),
        ),
        (
            "Semaines d'accueil à plusieurs directeurs",
            Value::Percent(published.changing_share()),
            format!(
                "plus de directeurs qu'un jour n'en demande : {} sur {} ({} journées de direction \
                 par un autre){}{} ; le planning le moins cher : {}",
                published.accueil_weeks_changing,
                published.accueil_weeks,
                published.director_changes,
                least_changing_words(stability),
                forced_words(stability),
                percent(cheapest.changing_share()),
            ),
        ),
        (
            "Coût de la stabilité",
            Value::Euro(stability.cost_of_stability()),
            format!(
                "coût du planning publié moins celui du planning le moins cher ({})",
                stability.cheapest_cost
            ),
        ),
    ]
}

/// `; le moins possible, prouvé par le calcul : 7 (7,6 %)`.
fn least_changing_words(stability: &crate::optimize::StabilityOutcome) -> String {
    match stability.least_changing {
        Some(least) if stability.published.accueil_weeks > 0 => format!(
            " ; le moins possible avec ces manques, ces recrutements et ces équipes, prouvé par \
             le calcul : {least} ({})",
            percent(f64::from(least) / f64::from(stability.published.accueil_weeks))
        ),
        _ => String::new(),
    }
}

/// `; imposées : 5 par la durée hebdomadaire (48 h…)`.
fn forced_words(stability: &crate::optimize::StabilityOutcome) -> String {
    let words = super::reasons::second_directors(&stability.second_directors);
    if words.is_empty() {
        String::new()
    } else {
        format!(" ; {words}")
    }
}

/// The calculation's status in plain words.
fn quality_words(status: SolveStatus, proof: Proof) -> String {
    match (status, proof) {
        (SolveStatus::Shared, _) => "planning légal, coût presque optimal".to_string(),
        (_, Proof::Optimal) => "meilleur planning possible".to_string(),
        (_, Proof::Gap(gap)) => format!("à {} près du meilleur", percent(gap)),
        (_, Proof::NoBound) => "calcul interrompu".to_string(),
    }
}

fn quality_comment(status: SolveStatus, proof: Proof) -> String {
    match (status, proof) {
        (SolveStatus::Shared, _) => "les périodes ont été calculées séparément (voir Que faire \
                                     et la feuille Technique)"
            .to_string(),
        (_, Proof::Optimal) => "le moins de manques possible, puis le moindre coût : aucun \
                                planning moins coûteux n'existe"
            .to_string(),
        _ => format!(
            "{} ; le planning respecte la loi (détail dans la feuille Technique)",
            proof.sentence()
        ),
    }
}

fn count(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Coverage per sector, one row each: where to recruit first. Returns the next free row.
fn write_sectors(
    sheet: &mut Worksheet,
    mut row: RowNum,
    context: &SheetContext,
) -> Result<RowNum, XlsxError> {
    let formats = context.formats;
    let sectors = &context.figures.sectors;
    if sectors.len() < 2 {
        return Ok(row);
    }
    write_text(sheet, row, 0, "Par secteur", &formats.section)?;
    row += 1;
    write_headers(
        sheet,
        row,
        &[
            Column::new("Secteur", WIDTHS[0]),
            Column::new("Couverture", WIDTHS[1]),
            Column::new("Détail", WIDTHS[2]),
        ],
        &formats.header,
    )?;
    row += 1;
    let percent_value = formats.percent.clone().set_align(FormatAlign::Center);
    let short_value = formats
        .warning
        .clone()
        .set_num_format("0.0%")
        .set_align(FormatAlign::Center);
    for sector in sectors {
        let mut detail = format!(
            "{} ; {} journées-animateurs requises, {} couvertes",
            plural_unless_one(
                usize::try_from(sector.accueils).unwrap_or(0),
                "accueil",
                "accueils"
            ),
            integer(sector.required_days),
            integer(sector.staffed_days),
        );
        let missing = (
            sector.missing_animateurs,
            sector.missing_qualified,
            sector.missing_directors,
        );
        if missing != (0, 0, 0) {
            detail.push_str(&format!(" ; manque : {}", shortage_words(missing)));
        }
        if sector.hires > 0 {
            detail.push_str(&format!(
                " ; {}",
                plural_unless_one(
                    usize::try_from(sector.hires).unwrap_or(0),
                    "poste à recruter",
                    "postes à recruter"
                )
            ));
        }
        write_text(sheet, row, 0, &sector.name, &formats.text)?;
        let format = if sector.coverage() < 1.0 {
            &short_value
        } else {
            &percent_value
        };
        write_number(sheet, row, 1, sector.coverage(), format)?;
        write_text(sheet, row, 2, &detail, &formats.wrap)?;
        sheet.set_row_height(
            row,
            wrapped_height(&[(&detail, WIDTHS[2])], LineFit::Narrow),
        )?;
        row += 1;
    }
    Ok(row)
}

/// Required (line) and present (columns) animateurs per day, from the table of `Technique`.
fn coverage_chart(first: RowNum, last: RowNum) -> Chart {
    let sheet = technique::NAME;
    let col = technique::DAY_TABLE_COL;
    let mut present_fill = ChartSolidFill::new();
    present_fill.set_color(Color::RGB(0x70AD47));
    let mut present_format = ChartFormat::new();
    present_format.set_solid_fill(&present_fill);
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_name("Présents (comptés dans l'effectif)")
        .set_categories((sheet, first, col + 1, last, col + 1))
        .set_values((sheet, first, col + 3, last, col + 3))
        .set_format(&mut present_format)
        .set_gap(40);

    let mut required_line = ChartLine::new();
    required_line
        .set_color(Color::RGB(0xC00000))
        .set_width(2.25);
    let mut required_format = ChartFormat::new();
    required_format.set_line(&required_line);
    let mut required = Chart::new(ChartType::Line);
    required
        .add_series()
        .set_name("Requis")
        .set_categories((sheet, first, col + 1, last, col + 1))
        .set_values((sheet, first, col + 2, last, col + 2))
        .set_format(&mut required_format);
    chart.combine(&required);

    chart
        .title()
        .set_name("Animateurs requis et présents par jour");
    chart.y_axis().set_name("Animateurs");
    let mut labels = ChartFont::new();
    labels.set_rotation(-45);
    chart.x_axis().set_font(&labels);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    // Within columns A:C (about 7 pixels a character of width), so it prints on the page.
    chart.set_width(760).set_height(380);
    chart
}

/// One line per sheet, for a first-time reader.
fn guide() -> [(&'static str, &'static str); 11] {
    [
        (
            "Planning par accueil",
            "une page par accueil et par semaine, à afficher : enfants attendus, effectif requis, \
             la direction puis chaque membre de l'équipe avec ses horaires",
        ),
        (
            "Par animateur",
            "une page par personne qui travaille, à lui envoyer : ses dates, l'accueil, les \
             horaires, son rôle et le directeur du jour",
        ),
        (
            "Non retenus",
            "les personnes disponibles qui ne travaillent aucun jour, avec la raison",
        ),
        (
            "Accueils",
            "chaque accueil × date × créneau : enfants, taux appliqué, effectif requis, présents, \
             statut (vert conforme ; rouge « sans direction », qui prime, ou « manque » ; orange \
             « manque qualifiés » ou « sans PSC1 », un séjour sans titulaire du PSC1 ce jour-là)",
        ),
        (
            "Animateurs",
            "grille personne × date : code de l'accueil (« (D) » = direction), gris = week-end ou \
             indisponible ; jours, jours CEE, coût ; les postes à recruter en dernier (R1, R2…)",
        ),
        (
            "Affectations",
            "une ligne par personne, date et créneau, postes à recruter compris : la feuille que \
             relit « acm-planner check »",
        ),
        (
            "Manques",
            "chaque créneau où il manque quelqu'un, avec la raison",
        ),
        (
            "Recrutement",
            "les postes à pourvoir au moindre coût : qualification, secteur, accueils, dates, coût",
        ),
        (
            "Annee",
            "seulement quand le planning couvre plusieurs périodes : besoins, manques et \
             recrutement par période (vacances, mercredis, périscolaire) et manques par semaine",
        ),
        (
            "Technique",
            "le détail du calcul : statut du solveur, taille du modèle, découpage, étapes",
        ),
        (
            "Regles",
            "chaque règle et paramètre appliqués, avec l'article de loi et leur origine",
        ),
    ]
}
