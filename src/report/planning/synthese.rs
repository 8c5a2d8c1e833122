//! `Synthese`: what was read, the key figures, what to do, and a chart of the animateurs
//! required and present per day.

use rust_xlsxwriter::{
    Chart, ChartFont, ChartFormat, ChartLegendPosition, ChartLine, ChartSolidFill, ChartType,
    Color, ConditionalFormatCell, ConditionalFormatCellRule, FormatAlign, RowNum, Worksheet,
    XlsxError,
};

use crate::domain::Cents;
use crate::report::rule_catalogue::overridden_at;
use crate::report::wording::{
    self, day_label, grouped_decimal, integer, percent, plural_unless_one, signed_percent,
};
use crate::report::xlsx::{
    Column, Formats, LineFit, row_index, wrapped_height, write_count, write_date, write_euros,
    write_headers, write_headers_from, write_number, write_text, write_texts,
};

use super::advice::{advice, shortage_words};
use super::context::SheetContext;

/// The sheet's name, first in the workbook (the chart's data are read from it).
pub(super) const NAME: &str = "Synthese";

/// A key figure's value, written with the matching cell format.
enum Value {
    Count(u32),
    Euro(Cents),
    Percent(f64),
    Text(String),
}

/// Widths of the key-figure columns, in characters: label, value, comment.
const FIGURE_WIDTHS: [f64; 3] = [40.0, 24.0, 72.0];
/// Width of the merged A:C range of the advice, and of B:C for the guide.
const ADVICE_WIDTH: f64 = FIGURE_WIDTHS[0] + FIGURE_WIDTHS[1] + FIGURE_WIDTHS[2];
const GUIDE_WIDTH: f64 = FIGURE_WIDTHS[1] + FIGURE_WIDTHS[2];

/// First column of the per-day table that feeds the chart.
const DAY_TABLE_COL: u16 = 4;
/// Rows of the key-figure table start here (0-based: row 6 in Excel).
const FIGURES_HEADER_ROW: RowNum = 5;

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let problem = context.problem();
    let figures = context.figures;
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

    write_text(
        sheet,
        FIGURES_HEADER_ROW - 1,
        0,
        "Chiffres clés",
        &formats.section,
    )?;
    write_headers(
        sheet,
        FIGURES_HEADER_ROW,
        &[
            Column::new("Indicateur", FIGURE_WIDTHS[0]),
            Column::new("Valeur", FIGURE_WIDTHS[1]),
            Column::new("Commentaire", FIGURE_WIDTHS[2]),
        ],
        &formats.header,
    )?;
    // Key figures are centred in their column, whatever their kind.
    let euro_value = formats.euro_bold.clone().set_align(FormatAlign::Center);
    let percent_value = formats.percent_bold.clone().set_align(FormatAlign::Center);
    let note_wrap = formats.note.clone().set_text_wrap();
    let mut row = FIGURES_HEADER_ROW + 1;
    for (label, value, comment) in key_figures(context) {
        write_text(sheet, row, 0, label, &formats.text)?;
        match value {
            Value::Count(n) => write_count(sheet, row, 1, n, &formats.integer_bold)?,
            Value::Euro(c) => {
                write_euros(sheet, row, 1, c, &euro_value)?;
            }
            Value::Percent(p) => {
                write_number(sheet, row, 1, p, &percent_value)?;
            }
            Value::Text(t) => write_text(sheet, row, 1, &t, &formats.value_text)?,
        }
        write_text(sheet, row, 2, &comment, &note_wrap)?;
        sheet.set_row_height(
            row,
            wrapped_height(&[(&comment, FIGURE_WIDTHS[2])], LineFit::Medium),
        )?;
        row += 1;
    }

    row += 1;
    write_text(sheet, row, 0, "Que faire", &formats.section)?;
    row += 1;
    for line in advice(problem, context.result(), figures) {
        sheet.merge_range(row, 0, row, 2, "", &formats.wrap)?;
        write_text(sheet, row, 0, &format!("• {line}"), &formats.wrap)?;
        sheet.set_row_height(
            row,
            wrapped_height(&[(&line, ADVICE_WIDTH)], LineFit::Medium),
        )?;
        row += 1;
    }

    row += 1;
    write_text(
        sheet,
        row,
        0,
        "Animateurs requis et présents par jour (tout le territoire)",
        &formats.section,
    )?;
    row += 1;
    let chart_rows = write_day_table(sheet, context)?;
    write_sector_table(sheet, context)?;
    if let Some((first, last)) = chart_rows {
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
    for (name, text) in guide() {
        write_text(sheet, row, 0, name, &formats.bold)?;
        sheet.merge_range(row, 1, row, 2, "", &formats.wrap)?;
        write_text(sheet, row, 1, text, &formats.wrap)?;
        sheet.set_row_height(row, wrapped_height(&[(text, GUIDE_WIDTH)], LineFit::Medium))?;
        row += 1;
    }
    row = write_stages(sheet, row + 1, context)?;
    write_text(
        sheet,
        row + 1,
        0,
        "Les temps de calcul ne figurent pas dans ce classeur, pour qu'un même calcul donne \
         toujours le même fichier : ils sont affichés dans le terminal.",
        &formats.note,
    )?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Most solver stages listed one by one; the rest are counted.
const MAX_STAGES_LISTED: usize = 40;

/// One row per solver stage: name, status, size, objective, bound and gap (no times, so the
/// file stays the same from one run to the next). Returns the next free row.
fn write_stages(
    sheet: &mut Worksheet,
    mut row: RowNum,
    context: &SheetContext,
) -> Result<RowNum, XlsxError> {
    let formats = context.formats;
    let stages = &context.result().stats.stages;
    if stages.is_empty() {
        return Ok(row);
    }
    write_text(sheet, row, 0, "Détail du calcul", &formats.section)?;
    row += 1;
    let headers = ["Étape", "Statut", "Modèle et résultat"];
    write_texts(sheet, row, 0, headers, &formats.header)?;
    row += 1;
    // A stage that sums up periods solved apart (shared budgets) comes first: it qualifies all
    // the others.
    let mut ordered: Vec<_> = stages.iter().collect();
    ordered.sort_by_key(|s| s.status != crate::optimize::SolveStatus::Shared);
    for stage in ordered.into_iter().take(MAX_STAGES_LISTED) {
        let name = if context.result().stats.components > 1 {
            format!(
                "{} (groupe {})",
                super::reasons::stage_name(&stage.name),
                stage.component + 1
            )
        } else {
            super::reasons::stage_name(&stage.name)
        };
        write_text(sheet, row, 0, &name, &formats.text)?;
        write_text(
            sheet,
            row,
            1,
            super::reasons::status(stage.status),
            &formats.centered,
        )?;
        let detail = if stage.variables == 0 {
            format!(
                "manque pondéré {} ; borne {} ; écart {}",
                grouped_decimal(stage.objective, 2),
                grouped_decimal(stage.bound, 2),
                percent(stage.gap)
            )
        } else {
            format!(
                "{} variables × {} contraintes ; objectif {} ; borne {} ; écart {}",
                integer(stage.variables),
                integer(stage.constraints),
                grouped_decimal(stage.objective, 2),
                grouped_decimal(stage.bound, 2),
                percent(stage.gap)
            )
        };
        write_text(sheet, row, 2, &detail, &formats.text)?;
        row += 1;
    }
    if stages.len() > MAX_STAGES_LISTED {
        let more = format!("… et {} autres étapes", stages.len() - MAX_STAGES_LISTED);
        write_text(sheet, row, 0, &more, &formats.note)?;
        row += 1;
    }
    Ok(row)
}

/// The figures of the key-figure table: label, value, comment.
fn key_figures(context: &SheetContext) -> Vec<(&'static str, Value, String)> {
    let problem = context.problem();
    let result = context.result();
    let figures = context.figures;
    let (missing_animateurs, missing_qualified, missing_directors) = figures.missing;
    let stats = &result.stats;
    let (variables, constraints) = stats.largest_model();
    let mut rows = vec![
        (
            "Accueils (ACM)",
            Value::Count(count(problem.accueils.len())),
            String::new(),
        ),
        (
            "Animateurs de l'équipe",
            Value::Count(count(problem.animateurs.len())),
            String::new(),
        ),
        (
            "Créneaux d'accueil avec des enfants",
            Value::Count(count(figures.open_slots)),
            "accueil × date × créneau, détail dans la feuille Accueils".to_string(),
        ),
        (
            "Journées-animateurs requises",
            Value::Count(figures.required_days),
            "par jour et par accueil, le créneau le plus exigeant (N + accompagnement renforcé)"
                .to_string(),
        ),
        (
            "Journées-animateurs couvertes",
            Value::Count(figures.staffed_days),
            "présents comptés dans N, au plus le nombre requis".to_string(),
        ),
        (
            "Taux de couverture",
            Value::Percent(figures.coverage()),
            "journées couvertes / journées requises".to_string(),
        ),
        (
            "Animateurs manquants",
            Value::Count(missing_animateurs),
            "cumul sur les créneaux (feuille Manques)".to_string(),
        ),
        (
            "Qualifiés manquants",
            Value::Count(missing_qualified),
            "cumul sur les créneaux : moins de la moitié de N qualifiée (CASF R227-12)".to_string(),
        ),
        (
            "Journées de direction manquantes",
            Value::Count(missing_directors),
            "un directeur par accueil et par jour d'ouverture (CASF R227-14)".to_string(),
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
        rows.extend([
            (
                "Recrutement : postes à pourvoir",
                Value::Count(count(result.hires.len())),
                "détail dans la feuille Recrutement".to_string(),
            ),
            (
                "Recrutement : coût",
                Value::Euro(result.hire_cost()),
                "coûts journaliers et coûts fixes d'embauche".to_string(),
            ),
            (
                "Manque restant après recrutement",
                Value::Text(if a + q + d == 0 {
                    "aucun".to_string()
                } else {
                    "oui".to_string()
                }),
                shortage_words((a, q, d)),
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
    rows.extend([
        (
            "Statut du solveur",
            Value::Text(super::reasons::status(figures.status).to_string()),
            "HiGHS (programme linéaire en nombres entiers)".to_string(),
        ),
        (
            "Écart d'optimalité prouvé",
            Value::Percent(figures.gap),
            if figures.status == crate::optimize::SolveStatus::Shared {
                "le plus grand des écarts : manque de l'année (budgets partagés), coût de chaque \
                 partie ; coût non prouvé pour la répartition des budgets"
                    .to_string()
            } else {
                "0 % : aucun planning moins coûteux n'existe".to_string()
            },
        ),
        (
            "Taille du modèle",
            Value::Text(if variables == 0 {
                "—".to_string()
            } else {
                format!("{} variables", integer(variables))
            }),
            if constraints == 0 {
                String::new()
            } else {
                format!(
                    "{} contraintes (plus grand modèle résolu)",
                    integer(constraints)
                )
            },
        ),
        (
            "Découpage",
            Value::Text(plural_unless_one(
                stats.components,
                "groupe indépendant",
                "groupes indépendants",
            )),
            super::reasons::decomposition(&stats.decomposition),
        ),
        (
            "Méthode âges mixtes",
            Value::Text(problem.parameters.mixed_ages.label().to_string()),
            mixed_age_comment(context),
        ),
    ]);
    if context.report.run.attendance_percent != 0 {
        rows.push((
            "Prévisions ajustées",
            Value::Text(signed_percent(context.report.run.attendance_percent)),
            "effectifs multipliés puis arrondis au-dessus (--attendance)".to_string(),
        ));
    }
    rows
}

fn mixed_age_comment(context: &SheetContext) -> String {
    let source = if context.report.run.mixed_ages_from_command_line {
        "choisie en ligne de commande (--mixed-ages)"
    } else if overridden_at(&context.problem().parameters, "Methode ages mixtes").is_some() {
        "choisie dans la feuille Regles"
    } else {
        "par défaut"
    };
    format!("{source} ; voir la feuille Regles")
}

fn count(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The per-day table beside the key figures; returns the first and last data rows for the chart.
fn write_day_table(
    sheet: &mut Worksheet,
    context: &SheetContext,
) -> Result<Option<(RowNum, RowNum)>, XlsxError> {
    let formats = context.formats;
    let col = DAY_TABLE_COL;
    write_text(
        sheet,
        FIGURES_HEADER_ROW - 1,
        col,
        "Par jour",
        &formats.section,
    )?;
    let headers = [
        Column::new("Date", 12.0),
        Column::new("Jour", 11.0),
        Column::new("Requis", 9.0),
        Column::new("Présents", 9.0),
        Column::new("Manquants", 10.0),
    ];
    write_figure_headers(sheet, col, &headers, formats)?;
    let days = &context.figures.days;
    for (i, day) in days.iter().enumerate() {
        let row = FIGURES_HEADER_ROW + 1 + row_index(i);
        write_date(sheet, row, col, day.date, &formats.date)?;
        write_text(sheet, row, col + 1, &day_label(day.date), &formats.text)?;
        write_count(sheet, row, col + 2, day.required, &formats.integer)?;
        write_count(sheet, row, col + 3, day.staffed, &formats.integer)?;
        write_count(
            sheet,
            row,
            col + 4,
            day.required.saturating_sub(day.staffed),
            &formats.integer,
        )?;
    }
    if days.is_empty() {
        return Ok(None);
    }
    let first = FIGURES_HEADER_ROW + 1;
    let last = first + row_index(days.len() - 1);
    highlight(sheet, (first, last), col + 4, context, Highlight::Positive)?;
    Ok(Some((first, last)))
}

/// What a conditional format marks.
enum Highlight {
    /// A shortage count above zero, in red.
    Positive,
    /// A coverage below 100 %, in orange.
    BelowFull,
}

/// Colours the cells of one column, rows `first..=last`, where they show a problem.
fn highlight(
    sheet: &mut Worksheet,
    (first, last): (RowNum, RowNum),
    col: u16,
    context: &SheetContext,
    kind: Highlight,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    let rule = match kind {
        Highlight::Positive => ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::GreaterThan(0))
            .set_format(&formats.bad),
        Highlight::BelowFull => ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::LessThan(1))
            .set_format(&formats.warning),
    };
    sheet.add_conditional_format(first, col, last, col, &rule)?;
    Ok(())
}

/// First column of the per-sector table, right of the per-day table.
const SECTOR_TABLE_COL: u16 = DAY_TABLE_COL + 6;

/// Coverage, shortage and hires per sector: where to recruit first.
fn write_sector_table(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let col = SECTOR_TABLE_COL;
    write_text(
        sheet,
        FIGURES_HEADER_ROW - 1,
        col,
        "Par secteur",
        &formats.section,
    )?;
    let headers = [
        Column::new("Secteur", 14.0),
        Column::new("Accueils", 9.0),
        Column::new("Journées requises", 10.0),
        Column::new("Journées couvertes", 10.0),
        Column::new("Couverture", 10.0),
        Column::new("Animateurs manquants", 11.0),
        Column::new("Qualifiés manquants", 10.0),
        Column::new("Journées sans direction", 11.0),
        Column::new("Postes à recruter", 10.0),
    ];
    write_figure_headers(sheet, col, &headers, formats)?;
    sheet.set_row_height(FIGURES_HEADER_ROW, 45)?;
    for (i, sector) in context.figures.sectors.iter().enumerate() {
        let row = FIGURES_HEADER_ROW + 1 + row_index(i);
        write_text(sheet, row, col, &sector.name, &formats.text)?;
        let counts = [sector.accueils, sector.required_days, sector.staffed_days];
        for (offset, value) in (1u16..).zip(counts) {
            write_count(sheet, row, col + offset, value, &formats.integer)?;
        }
        write_number(sheet, row, col + 4, sector.coverage(), &formats.percent)?;
        let counts = [
            sector.missing_animateurs,
            sector.missing_qualified,
            sector.missing_directors,
            sector.hires,
        ];
        for (offset, value) in (5u16..).zip(counts) {
            write_count(sheet, row, col + offset, value, &formats.integer)?;
        }
    }
    if let Some(count) = context.figures.sectors.len().checked_sub(1) {
        let rows = (
            FIGURES_HEADER_ROW + 1,
            FIGURES_HEADER_ROW + 1 + row_index(count),
        );
        highlight(sheet, rows, col + 4, context, Highlight::BelowFull)?;
        for offset in 5..=7 {
            highlight(sheet, rows, col + offset, context, Highlight::Positive)?;
        }
    }
    Ok(())
}

/// Required (line) and present (columns) animateurs per day.
fn coverage_chart(first: RowNum, last: RowNum) -> Chart {
    let sheet = NAME;
    let col = DAY_TABLE_COL;
    let mut present_fill = ChartSolidFill::new();
    present_fill.set_color(Color::RGB(0x70AD47));
    let mut present_format = ChartFormat::new();
    present_format.set_solid_fill(&present_fill);
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_name("Présents (comptés dans N)")
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
        .set_name("Requis (N + renforcé)")
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
    chart.set_width(940).set_height(400);
    chart
}

/// One line per sheet, for a first-time reader.
fn guide() -> [(&'static str, &'static str); 7] {
    [
        (
            "Accueils",
            "chaque accueil × date × créneau : enfants, taux appliqué, effectif requis, présents, \
             statut (vert conforme ; rouge « sans direction », qui prime, ou « manque » ; orange \
             « manque qualifiés »)",
        ),
        (
            "Animateurs",
            "grille personne × date : code de l'accueil (« (D) » = direction), gris = week-end ou \
             indisponible ; jours, jours CEE, coût",
        ),
        (
            "Affectations",
            "une ligne par personne, date et créneau : la feuille que relit « acm-planner check »",
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
            "Regles",
            "chaque règle et paramètre appliqués, avec l'article de loi et leur origine",
        ),
    ]
}

/// The headers of a figures table starting at `col`, with their widths, and a narrow spacer
/// column before it.
fn write_figure_headers(
    sheet: &mut Worksheet,
    col: u16,
    headers: &[Column],
    formats: &Formats,
) -> Result<(), XlsxError> {
    write_headers_from(sheet, FIGURES_HEADER_ROW, col, headers, &formats.header)?;
    sheet.set_column_width(col - 1, 3)?;
    Ok(())
}
