//! `Technique`: how the plan was computed, for whoever checks the calculation: the solver's
//! status and what it proves, the model's size, how the territory was cut, each stage, the
//! method for mixed ages; and, right of it, the per-day figures the chart of `Synthese` is
//! drawn from.

use rust_xlsxwriter::{RowNum, Worksheet, XlsxError};

use crate::optimize::SolveStatus;
use crate::report::rule_catalogue::overridden_at;
use crate::report::wording::{self, day_label, grouped_decimal, integer, plural_unless_one};
use crate::report::xlsx::{
    Column, LineFit, row_index, wrapped_height, write_count, write_date, write_headers,
    write_headers_from, write_text, write_texts,
};

use super::context::SheetContext;
use super::planning_accueil::NARROW_MARGINS;
use super::proof::{plan_proof, stage_proof};
use super::reasons;

/// The sheet's name (the chart of `Synthese` reads its per-day table).
pub(super) const NAME: &str = "Technique";

/// Widths of the columns: label, value, detail.
const WIDTHS: [f64; 3] = [34.0, 20.0, 54.0];
/// Row of the per-day table's header (0-based).
pub(super) const DAY_HEADER_ROW: RowNum = 2;
/// First column of the per-day table: date, day, required, present, missing.
pub(super) const DAY_TABLE_COL: u16 = 4;
/// Row of the key-figure header, repeated when printed.
pub(super) const HEADER_ROW: RowNum = 2;

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let (left, right, top, bottom, header, footer) = NARROW_MARGINS;
    sheet.set_margins(left, right, top, bottom, header, footer);
    write_text(
        sheet,
        0,
        0,
        "Détails techniques du calcul",
        &formats.heading,
    )?;
    write_text(
        sheet,
        1,
        0,
        "Pour vérifier le calcul ; le directeur n'en a pas besoin pour appliquer le planning.",
        &formats.note,
    )?;
    write_headers(
        sheet,
        HEADER_ROW,
        &[
            Column::new("Élément", WIDTHS[0]),
            Column::new("Valeur", WIDTHS[1]),
            Column::new("Détail", WIDTHS[2]),
        ],
        &formats.header,
    )?;
    let wrap = formats.wrap.clone();
    let mut row = HEADER_ROW + 1;
    for (label, value, detail) in facts(context) {
        write_text(sheet, row, 0, label, &formats.text)?;
        write_text(sheet, row, 1, &value, &formats.value_text)?;
        write_text(sheet, row, 2, &detail, &wrap)?;
        sheet.set_row_height(
            row,
            wrapped_height(
                &[(&detail, WIDTHS[2]), (&value, WIDTHS[1])],
                LineFit::Narrow,
            ),
        )?;
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
    write_day_table(sheet, context)?;
    // The per-day table is the chart's data: it is not printed.
    sheet.set_print_area(0, 0, row + 1, 2)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    Ok(())
}

/// Label, value, detail.
fn facts(context: &SheetContext) -> Vec<(&'static str, String, String)> {
    let result = context.result();
    let figures = context.figures;
    let stats = &result.stats;
    let (variables, constraints) = stats.largest_model();
    let proof = plan_proof(stats);
    let shared = figures.status == SolveStatus::Shared;
    let proof_detail = if shared {
        "le plus grand des écarts : manque de l'année (budgets partagés), coût de chaque partie ; \
         coût non prouvé pour la répartition des budgets"
            .to_string()
    } else {
        proof.sentence()
    };
    vec![
        (
            "Statut du solveur",
            reasons::status(figures.status).to_string(),
            "HiGHS (programme linéaire en nombres entiers)".to_string(),
        ),
        ("Preuve d'optimalité", proof.short_words(), proof_detail),
        (
            "Créneaux d'accueil avec des enfants",
            integer(figures.open_slots),
            "accueil × date × créneau, détail dans la feuille Accueils".to_string(),
        ),
        (
            "Taille du modèle",
            if variables == 0 {
                "—".to_string()
            } else {
                format!("{} variables", integer(variables))
            },
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
            plural_unless_one(
                stats.components,
                "groupe indépendant",
                "groupes indépendants",
            ),
            reasons::decomposition(&stats.decomposition),
        ),
        (
            "Contrôle du planning publié",
            verification_value(result),
            verification_comment(result),
        ),
        (
            "Directeurs de la semaine",
            format!(
                "{} sur {}",
                integer(result.stability.published.accueil_weeks_changing),
                integer(result.stability.published.accueil_weeks)
            ),
            directors_comment(result),
        ),
        (
            "Temps de calcul",
            format!("{} s", wording::decimal(stats.total_seconds, 1)),
            time_comment(stats),
        ),
        (
            "Méthode âges mixtes",
            context.problem().parameters.mixed_ages.label().to_string(),
            mixed_age_comment(context),
        ),
    ]
}

/// The weeks with more directors than a day needs: the least the directors stage proved, and
/// the rules that forced a second director.
fn directors_comment(result: &crate::optimize::PlanResult) -> String {
    let stability = &result.stability;
    let mut parts = vec![
        "semaines d'accueil avec plus de directeurs qu'un jour n'en demande, les directeurs de \
         chaque semaine choisis par le calcul"
            .to_string(),
    ];
    if let Some(least) = stability.least_changing {
        parts.push(format!("le moins possible, prouvé : {}", integer(least)));
    }
    let forced = super::reasons::second_directors(&stability.second_directors);
    if !forced.is_empty() {
        parts.push(forced);
    }
    parts.join(" ; ")
}

/// Whether the published plan passed the final check, or replaced the stages' plan.
fn verification_value(result: &crate::optimize::PlanResult) -> String {
    match &result.verification {
        None => "non fait".to_string(),
        Some(v) if v.fallback.is_some() => "planning de repli".to_string(),
        Some(_) => "conforme".to_string(),
    }
}

/// What the final check verified, with the figures it compared.
fn verification_comment(result: &crate::optimize::PlanResult) -> String {
    let Some(verification) = &result.verification else {
        return String::new();
    };
    let checked = format!(
        "revérifié avant d'être écrit avec les règles de « acm-planner check » : manque pondéré \
         {} (équipe seule : {})",
        integer(verification.weighted_shortage),
        integer(verification.team_alone_shortage)
    );
    match verification.fallback {
        None => format!(
            "{checked} ; aucune infraction hors des manques déclarés, le manque annoncé par le \
             calcul, pas plus court que l'équipe seule ni que l'équipe avec les mêmes postes"
        ),
        Some(fallback) => {
            let broken: Vec<String> = verification
                .broken
                .iter()
                .map(crate::optimize::Broken::words)
                .collect();
            let published = match fallback {
                crate::optimize::Fallback::TeamWithPosts => {
                    "le planning de l'équipe seule avec les mêmes postes"
                }
                crate::optimize::Fallback::TeamAlone => "le planning de l'équipe seule",
            };
            format!(
                "{checked} ; le planning calculé a été écarté ({}) : {published} est publié à sa \
                 place, et les étapes ci-dessous ne le décrivent pas",
                broken.join(" ; ")
            )
        }
    }
}

/// The limit asked for, and what the run left out to hold it.
fn time_comment(stats: &crate::optimize::SolveStats) -> String {
    let limit = format!(
        "limite {} s (--time-limit)",
        integer(stats.time_limit_seconds.round() as u64)
    );
    let left_out = super::advice::left_out_words(stats.skipped);
    if left_out.is_empty() {
        format!("{limit} ; rien n'a été laissé de côté")
    } else {
        format!(
            "{limit} ; laissé de côté pour la tenir : {}",
            left_out.join(", ")
        )
    }
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

/// Most solver stages listed one by one; the rest are counted.
const MAX_STAGES_LISTED: usize = 40;

/// One row per solver stage: name, status, size, objective, bound and what it proves (no
/// times, so the file stays the same from one run to the next). Returns the next free row.
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
    write_texts(
        sheet,
        row,
        0,
        ["Étape", "Statut", "Modèle et résultat"],
        &formats.header,
    )?;
    row += 1;
    // A stage that sums up periods solved apart (shared budgets) comes first: it qualifies all
    // the others.
    let mut ordered: Vec<_> = stages.iter().collect();
    ordered.sort_by_key(|s| s.status != SolveStatus::Shared);
    for stage in ordered.into_iter().take(MAX_STAGES_LISTED) {
        let name = if context.result().stats.components > 1 {
            format!(
                "{} (groupe {})",
                reasons::stage_name(&stage.name),
                stage.component + 1
            )
        } else {
            reasons::stage_name(&stage.name)
        };
        write_text(sheet, row, 0, &name, &formats.wrap)?;
        write_text(
            sheet,
            row,
            1,
            reasons::status(stage.status),
            &formats.centered,
        )?;
        let bound = if stage.bound.is_finite() {
            grouped_decimal(stage.bound, 2)
        } else {
            "aucune".to_string()
        };
        let mut result = format!(
            "objectif {} ; borne {} ; {}",
            grouped_decimal(stage.objective, 2),
            bound,
            stage_proof(stage).short_words()
        );
        if stage.solved_again {
            result.push_str(
                " ; résolu une seconde fois sans prérésolution (la première réponse du solveur \
                 annonçait un objectif que sa solution n'avait pas)",
            );
        }
        let detail = if stage.variables == 0 {
            format!("manque pondéré : {result}")
        } else {
            format!(
                "{} variables × {} contraintes ; {result}",
                integer(stage.variables),
                integer(stage.constraints),
            )
        };
        write_text(sheet, row, 2, &detail, &formats.wrap)?;
        sheet.set_row_height(
            row,
            wrapped_height(&[(&detail, WIDTHS[2]), (&name, WIDTHS[0])], LineFit::Narrow),
        )?;
        row += 1;
    }
    if stages.len() > MAX_STAGES_LISTED {
        let more = format!("… et {} autres étapes", stages.len() - MAX_STAGES_LISTED);
        write_text(sheet, row, 0, &more, &formats.note)?;
        row += 1;
    }
    Ok(row)
}

/// The per-day table right of the facts, the data of the chart in `Synthese`: date, day,
/// required, present, missing. Returns the first and last data rows.
pub(super) fn day_rows(context: &SheetContext) -> Option<(RowNum, RowNum)> {
    let count = context.figures.days.len();
    let first = DAY_HEADER_ROW + 1;
    count
        .checked_sub(1)
        .map(|last| (first, first + row_index(last)))
}

fn write_day_table(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let col = DAY_TABLE_COL;
    write_text(
        sheet,
        DAY_HEADER_ROW - 1,
        col,
        "Par jour, tout le territoire (données du graphique de la Synthese)",
        &formats.bold,
    )?;
    let headers = [
        Column::new("Date", 12.0),
        Column::new("Jour", 11.0),
        Column::new("Requis", 9.0),
        Column::new("Présents", 9.0),
        Column::new("Manquants", 10.0),
    ];
    write_headers_from(sheet, DAY_HEADER_ROW, col, &headers, &formats.header)?;
    sheet.set_column_width(col - 1, 3)?;
    for (i, day) in context.figures.days.iter().enumerate() {
        let row = DAY_HEADER_ROW + 1 + row_index(i);
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
    Ok(())
}
