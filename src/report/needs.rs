//! `besoins.xlsx`: the legal minimum staffing computed from the forecasts alone, and the terminal
//! summary of the `needs` command.
//!
//! The numbers are computed once by [`NeedsReport::compute`], a pure function of the problem
//! inputs; [`write_workbook`] and [`summary`] only present them.
//!
//! Counting conventions (also written in the workbook):
//! - **N** of a créneau is the legal minimum of animateurs (R227-15 to R227-19), minimum team
//!   included, under the mixed-age policy applied.
//! - An animateur covers a whole day: the animateurs an ACM needs on a date is the largest N of
//!   its créneaux that day, and the **journées-animateur** of a period add those daily peaks.
//! - The R227-12 quotas of a day are those of its peak créneau.
//! - A director is needed once per ACM per open day (plus the séjour adjoints, R227-18).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};

use super::sheets::{self, Column};
use crate::domain::{Accueil, DayKind, Prevision, normalize_key};
use crate::error::Error;
use crate::problem::Problem;
use crate::rules::parameters::PARAMETER_NAMES;
use crate::rules::{MixedAgePolicy, Parameters, SlotRequirement, labour, quotas};

/// How the run was asked for, beyond what the input files say (for the `Regles` sheet and the
/// summary).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// `--mixed-ages` was given on the command line.
    pub mixed_ages_from_command_line: bool,
    /// `--attendance`, in percent (0 when absent).
    pub attendance_percent: i32,
}

/// One forecast row with its requirement: a row of the `Accueils` sheet.
#[derive(Debug, Clone)]
pub struct SlotLine<'a> {
    pub accueil: &'a Accueil,
    pub prevision: &'a Prevision,
    pub requirement: &'a SlotRequirement,
    /// N under each policy of [`MixedAgePolicy::ALL`], minimum team included.
    pub required_by_policy: [u32; 3],
    /// Director and adjoints who do not count in N.
    pub directors_on_top: u32,
    /// N + extra dedicated adults + direction on top.
    pub total_adults: u32,
}

impl SlotLine<'_> {
    /// N, under the policy applied.
    pub fn required(&self) -> u32 {
        self.requirement.required
    }

    pub fn is_open(&self) -> bool {
        self.prevision.children() > 0
    }
}

/// Figures that add up over days: for one ACM-day they are that day's peak needs, for a week or
/// a territory their sums ("journées").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Staffing {
    /// Animateurs required (N of the peak créneau); summed: journées-animateur.
    pub animateurs: u32,
    /// R227-12: qualified (1° + 2°) within those N, at least.
    pub qualified_min: u32,
    /// R227-12: unqualified (4°), at most.
    pub unqualified_max: u32,
    /// Extra dedicated adults (`Accompagnement renforce`, local policy), on top of N.
    pub renforce: u32,
    /// Directors and adjoints needed (once per open day).
    pub directors: u32,
    /// Of which a professional diploma is required (R227-14 III).
    pub professional_directors: u32,
    /// Every adult: N + renforcé + direction that does not count in N.
    pub total_adults: u32,
    /// Animateurs required under each policy of [`MixedAgePolicy::ALL`].
    pub by_policy: [u32; 3],
}

impl std::ops::AddAssign for Staffing {
    fn add_assign(&mut self, other: Staffing) {
        self.animateurs += other.animateurs;
        self.qualified_min += other.qualified_min;
        self.unqualified_max += other.unqualified_max;
        self.renforce += other.renforce;
        self.directors += other.directors;
        self.professional_directors += other.professional_directors;
        self.total_adults += other.total_adults;
        for (sum, value) in self.by_policy.iter_mut().zip(other.by_policy) {
            *sum += value;
        }
    }
}

/// One ACM on one date.
#[derive(Debug, Clone)]
pub struct AcmDay<'a> {
    pub accueil: &'a Accueil,
    pub date: NaiveDate,
    /// Children of the busiest créneau.
    pub children_peak: u32,
    pub need: Staffing,
}

impl AcmDay<'_> {
    pub fn is_open(&self) -> bool {
        self.children_peak > 0
    }
}

/// The whole territory on one date: sums over the ACM of their day's needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerritoryDay {
    pub date: NaiveDate,
    pub open_accueils: u32,
    /// Sum over the ACM of their busiest créneau's children.
    pub children_peak: u32,
    pub need: Staffing,
}

/// One ACM (or the territory) over one ISO week.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WeekFigures {
    /// Days with at least one child expected.
    pub open_days: u32,
    /// The largest number of animateurs needed on one day (at the same time, for the territory:
    /// the largest daily sum over the ACM).
    pub peak_animateurs: u32,
    /// Sums over the days of the week ("journées").
    pub days: Staffing,
}

/// One ISO week: per ACM, then the territory.
#[derive(Debug, Clone)]
pub struct Week<'a> {
    pub monday: NaiveDate,
    pub accueils: Vec<(&'a Accueil, WeekFigures)>,
    pub territory: WeekFigures,
}

/// What another mixed-age policy would change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyDifference {
    pub policy: MixedAgePolicy,
    /// Créneaux where it would require more animateurs than the policy applied.
    pub slots_more: u32,
    /// Créneaux where it would require fewer.
    pub slots_fewer: u32,
    /// Difference in journées-animateur over the period (positive: more).
    pub extra_days: i64,
}

/// The computed needs: every créneau, every ACM-day, every date, every week, and the totals.
#[derive(Debug, Clone)]
pub struct NeedsReport<'a> {
    pub problem: &'a Problem,
    pub run: RunOptions,
    /// Sorted by ACM code, date, créneau start.
    pub slots: Vec<SlotLine<'a>>,
    /// Sorted by ACM code, date.
    pub acm_days: Vec<AcmDay<'a>>,
    /// Sorted by date.
    pub territory_days: Vec<TerritoryDay>,
    /// Sorted by week.
    pub weeks: Vec<Week<'a>>,
    /// Sums over the period.
    pub total: WeekFigures,
    /// The two other policies.
    pub other_policies: Vec<PolicyDifference>,
}

fn policy_index(policy: MixedAgePolicy) -> usize {
    MixedAgePolicy::ALL
        .iter()
        .position(|p| *p == policy)
        .unwrap_or(0)
}

impl<'a> NeedsReport<'a> {
    /// Computes every figure of the report from the problem inputs (no I/O).
    pub fn compute(problem: &'a Problem, run: RunOptions) -> Self {
        let slots = slot_lines(problem);
        let acm_days = acm_days(&slots);
        let territory_days = territory_days(&acm_days);
        let weeks = weeks(&acm_days, &territory_days);
        let total = period_total(&territory_days);
        let applied = problem.parameters.mixed_ages;
        let other_policies = MixedAgePolicy::ALL
            .into_iter()
            .filter(|p| *p != applied)
            .map(|policy| policy_difference(policy, &slots, &total))
            .collect();
        NeedsReport {
            problem,
            run,
            slots,
            acm_days,
            territory_days,
            weeks,
            total,
            other_policies,
        }
    }

    /// The policy applied.
    pub fn policy(&self) -> MixedAgePolicy {
        self.problem.parameters.mixed_ages
    }

    /// The date with the most animateurs required over the territory (the first such date;
    /// `None` when nobody is expected at all).
    pub fn peak_day(&self) -> Option<&TerritoryDay> {
        self.territory_days
            .iter()
            .rev()
            .filter(|day| day.need.animateurs > 0)
            .max_by_key(|day| day.need.animateurs)
    }
}

fn slot_lines(problem: &Problem) -> Vec<SlotLine<'_>> {
    let mut slots: Vec<SlotLine<'_>> = problem
        .needs
        .iter()
        .map(|need| {
            let (prevision, requirement) = (&need.forecast, &need.requirement);
            let accueil = problem.accueil_of(need);
            let required_by_policy =
                MixedAgePolicy::ALL.map(|p| requirement.required_under(p, accueil.kind));
            let directors_on_top = if requirement.director_counts {
                requirement.directors.saturating_sub(1)
            } else {
                requirement.directors
            };
            SlotLine {
                accueil,
                prevision,
                requirement,
                required_by_policy,
                directors_on_top,
                total_adults: requirement.required + requirement.extra_renforce + directors_on_top,
            }
        })
        .collect();
    slots.sort_by(|a, b| {
        (a.accueil.code.as_str(), a.prevision.date)
            .cmp(&(b.accueil.code.as_str(), b.prevision.date))
            .then_with(|| {
                a.prevision
                    .creneau
                    .sort_key()
                    .cmp(&b.prevision.creneau.sort_key())
            })
    });
    slots
}

/// Each ACM-day takes the peak of its créneaux.
fn acm_days<'a>(slots: &[SlotLine<'a>]) -> Vec<AcmDay<'a>> {
    let mut days: Vec<AcmDay<'a>> = Vec::new();
    for slot in slots {
        let date = slot.prevision.date;
        let same_day = days
            .last()
            .is_some_and(|d| d.date == date && d.accueil.code == slot.accueil.code);
        if !same_day {
            days.push(AcmDay {
                accueil: slot.accueil,
                date,
                children_peak: 0,
                need: Staffing::default(),
            });
        }
        let Some(day) = days.last_mut() else {
            continue;
        };
        let requirement = slot.requirement;
        let need = &mut day.need;
        day.children_peak = day.children_peak.max(slot.prevision.children());
        need.animateurs = need.animateurs.max(requirement.required);
        // The quotas of the peak créneau (R227-12 on its N).
        need.qualified_min = quotas::min_qualified(need.animateurs);
        need.unqualified_max = quotas::max_unqualified(need.animateurs);
        need.renforce = need.renforce.max(requirement.extra_renforce);
        need.directors = need.directors.max(requirement.directors);
        if slot.is_open() && requirement.professional_director {
            need.professional_directors = need.directors;
        }
        need.total_adults = need.total_adults.max(slot.total_adults);
        for (peak, n) in need.by_policy.iter_mut().zip(slot.required_by_policy) {
            *peak = (*peak).max(n);
        }
    }
    days
}

fn territory_days(acm_days: &[AcmDay<'_>]) -> Vec<TerritoryDay> {
    let mut by_date: BTreeMap<NaiveDate, TerritoryDay> = BTreeMap::new();
    for day in acm_days {
        let entry = by_date.entry(day.date).or_insert_with(|| TerritoryDay {
            date: day.date,
            open_accueils: 0,
            children_peak: 0,
            need: Staffing::default(),
        });
        if day.is_open() {
            entry.open_accueils += 1;
        }
        entry.children_peak += day.children_peak;
        entry.need += day.need;
    }
    by_date.into_values().collect()
}

fn weeks<'a>(acm_days: &[AcmDay<'a>], territory_days: &[TerritoryDay]) -> Vec<Week<'a>> {
    let mut by_week: BTreeMap<NaiveDate, Week<'a>> = BTreeMap::new();
    let week = |monday: NaiveDate| Week {
        monday,
        accueils: Vec::new(),
        territory: WeekFigures::default(),
    };
    // ACM days are sorted by code then date: each ACM's days of a week are consecutive.
    for day in acm_days {
        let monday = sheets::week_monday(day.date);
        let entry = by_week.entry(monday).or_insert_with(|| week(monday));
        let same_accueil = entry
            .accueils
            .last()
            .is_some_and(|(a, _)| a.code == day.accueil.code);
        if !same_accueil {
            entry.accueils.push((day.accueil, WeekFigures::default()));
        }
        if let Some((_, figures)) = entry.accueils.last_mut() {
            add_day(figures, day.is_open(), &day.need);
        }
    }
    for day in territory_days {
        let monday = sheets::week_monday(day.date);
        let entry = by_week.entry(monday).or_insert_with(|| week(monday));
        add_day(&mut entry.territory, day.open_accueils > 0, &day.need);
    }
    by_week.into_values().collect()
}

fn add_day(figures: &mut WeekFigures, open: bool, need: &Staffing) {
    if open {
        figures.open_days += 1;
    }
    figures.peak_animateurs = figures.peak_animateurs.max(need.animateurs);
    figures.days += *need;
}

fn period_total(territory_days: &[TerritoryDay]) -> WeekFigures {
    let mut total = WeekFigures::default();
    for day in territory_days {
        add_day(&mut total, day.open_accueils > 0, &day.need);
    }
    total
}

fn policy_difference(
    policy: MixedAgePolicy,
    slots: &[SlotLine<'_>],
    total: &WeekFigures,
) -> PolicyDifference {
    let index = policy_index(policy);
    let mut difference = PolicyDifference {
        policy,
        slots_more: 0,
        slots_fewer: 0,
        extra_days: i64::from(total.days.by_policy[index]) - i64::from(total.days.animateurs),
    };
    for slot in slots {
        let other = slot.required_by_policy[index];
        if other > slot.required() {
            difference.slots_more += 1;
        } else if other < slot.required() {
            difference.slots_fewer += 1;
        }
    }
    difference
}

// ---------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------

/// Sheet names of `besoins.xlsx`.
pub const SHEET_ACCUEILS: &str = "Accueils";
pub const SHEET_SEMAINES: &str = "Semaines";
pub const SHEET_PAR_JOUR: &str = "Par jour";
pub const SHEET_REGLES: &str = "Regles";

/// Headers of the `Accueils` sheet that tests and other tools look up by name.
pub const COL_REQUIRED: &str = "Animateurs requis";
pub const COL_MIN_QUALIFIED: &str = "Qualifiés minimum";
pub const COL_MAX_UNQUALIFIED: &str = "Sans qualification maximum";
pub const COL_DIRECTOR_COUNTED: &str = "Directeur compté dans l'effectif";

const OTHER_POLICY_NOTE: &str = "N selon une autre méthode de calcul des groupes d'âges mixtes, \
     indiqué seulement quand il diffère du N appliqué ; sur fond orange quand il serait plus \
     élevé (un service de l'État peut appliquer cette lecture).";

const OTHER_POLICY_DAYS_NOTE: &str = "Journées-animateur que demanderait une autre méthode de \
     calcul des groupes d'âges mixtes (un service de l'État peut appliquer cette lecture).";

/// The header of the column showing N under another policy, e.g. `Requis (strict)`.
pub fn other_policy_header(policy: MixedAgePolicy) -> &'static str {
    match policy {
        MixedAgePolicy::ParTranche => "Requis (par-tranche)",
        MixedAgePolicy::Global => "Requis (global)",
        MixedAgePolicy::Strict => "Requis (strict)",
    }
}

/// Headers of the `Semaines` and `Par jour` sheets that tests look up by name.
pub const COL_WEEK: &str = "Semaine";
pub const COL_ANIMATEUR_DAYS: &str = "Journées-animateur";
pub const COL_DAY_REQUIRED: &str = "Animateurs requis";
/// Label of the territory rows of `Semaines`.
pub const TERRITORY_LABEL: &str = "Total territoire";
/// Label of the last row of `Semaines` and `Par jour`.
pub const PERIOD_LABEL: &str = "Total période";

/// Writes `besoins.xlsx` (through [`super::save_workbook`]).
pub fn write_workbook(report: &NeedsReport<'_>, output: &Path) -> Result<(), Error> {
    let mut workbook = build_workbook(report)
        .map_err(|e| Error::io(output.display(), format!("écriture impossible : {e}")))?;
    super::save_workbook(&mut workbook, output)
}

/// Builds the workbook in memory.
pub fn build_workbook(report: &NeedsReport<'_>) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    write_accueils_sheet(workbook.add_worksheet(), report)?;
    write_weeks_sheet(workbook.add_worksheet(), report)?;
    write_days_sheet(workbook.add_worksheet(), report)?;
    write_rules_sheet(workbook.add_worksheet(), report)?;
    Ok(workbook)
}

/// Light yellow behind N, the figure a reader looks for first.
const REQUIRED_FILL: u32 = 0xFFF2CC;
/// Light orange where another mixed-age policy would require more than N.
const MORE_FILL: u32 = 0xFCE4D6;

/// Cell formats used by the `needs` sheets.
struct Formats {
    date: Format,
    time: Format,
    total: Format,
    title: Format,
    note: Format,
    bold: Format,
    centered: Format,
    /// N: bold, centred, light yellow.
    required: Format,
    /// Another policy requiring more than N: light orange.
    more: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            date: sheets::date_format(),
            time: sheets::time_format(),
            total: sheets::total_format(),
            title: sheets::title_format(),
            note: sheets::note_format(),
            bold: sheets::bold_format(),
            centered: Format::new().set_align(rust_xlsxwriter::FormatAlign::Center),
            required: Format::new()
                .set_bold()
                .set_align(rust_xlsxwriter::FormatAlign::Center)
                .set_background_color(rust_xlsxwriter::Color::RGB(REQUIRED_FILL)),
            more: Format::new()
                .set_align(rust_xlsxwriter::FormatAlign::Center)
                .set_background_color(rust_xlsxwriter::Color::RGB(MORE_FILL)),
            wrap: Format::new()
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
        }
    }
}

fn time_of(minutes: crate::domain::Minutes) -> NaiveTime {
    NaiveTime::from_hms_opt(u32::from(minutes.0 / 60) % 24, u32::from(minutes.0 % 60), 0)
        .unwrap_or(NaiveTime::MIN)
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

fn write_accueils_sheet(sheet: &mut Worksheet, report: &NeedsReport<'_>) -> Result<(), XlsxError> {
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
    let mut columns = vec![
        Column::new(
            "Accueil",
            sheets::fitted_width(accueils().map(|a| a.code.as_str()), 10.0, 30.0),
        ),
        Column::new(
            "Nom",
            sheets::fitted_width(accueils().map(|a| a.nom.as_str()), 12.0, 40.0),
        ),
        Column::new(
            "Commune",
            sheets::fitted_width(accueils().map(|a| a.commune.as_str()), 10.0, 30.0),
        ),
        Column::new(
            "Secteur",
            sheets::fitted_width(
                accueils().map(|a| a.secteur.as_deref().unwrap_or("")),
                9.0,
                30.0,
            ),
        ),
        Column::new("Type", 17.0),
        Column::new("Date", 11.0),
        Column::new("Jour", 10.0),
        Column::new("Créneau", 11.0),
        Column::new("Début", 7.0),
        Column::new("Fin", 7.0),
        Column::new(
            "Période",
            sheets::fitted_width(periods.iter().map(String::as_str), 14.0, 50.0),
        ),
        Column::new("Moins de 6 ans", 9.0),
        Column::new("6 ans et plus", 9.0),
        Column::new("Total enfants", 9.0),
        Column::new("Taux appliqué", 12.0),
        Column::new("Article", 15.0),
        Column::new(COL_REQUIRED, 11.0).with_note(
            "N : nombre minimum légal d'animateurs pendant ce créneau (CASF R227-15 à R227-19), \
             équipe minimale comprise, selon la méthode âges mixtes appliquée (feuille Regles). \
             Le directeur en fait partie quand il est compté dans l'effectif.",
        ),
    ];
    columns.extend(
        others
            .iter()
            .map(|p| Column::new(other_policy_header(*p), 10.0).with_note(OTHER_POLICY_NOTE)),
    );
    columns.extend([
        Column::new(COL_MIN_QUALIFIED, 11.0).with_note(
            "CASF R227-12 : au moins la moitié de N titulaires du BAFA ou d'un diplôme admis en \
             équivalence, ou fonctionnaires des corps listés.",
        ),
        Column::new(COL_MAX_UNQUALIFIED, 13.0).with_note(
            "CASF R227-12 : au plus 20 % de N sans qualification (une personne quand N vaut 3 \
             ou 4), même quand l'équipe présente dépasse N.",
        ),
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
    ]);
    let data_rows = sheets::row_number(report.slots.len())?;
    sheets::write_table_header(sheet, 0, &columns, data_rows)?;
    sheet.set_row_height(0, 45)?;
    sheets::print_setup(sheet, 0, 2)?;
    sheet.set_repeat_columns(0, 0)?;
    for (index, (slot, period)) in report.slots.iter().zip(&periods).enumerate() {
        let row = sheets::row_number(index + 1)?;
        let (accueil, prevision, requirement) = (slot.accueil, slot.prevision, slot.requirement);
        sheets::write_text(sheet, row, 0, &accueil.code)?;
        sheets::write_text(sheet, row, 1, &accueil.nom)?;
        sheets::write_text(sheet, row, 2, &accueil.commune)?;
        sheets::write_text(sheet, row, 3, accueil.secteur.as_deref().unwrap_or(""))?;
        sheets::write_text(sheet, row, 4, accueil.kind.label())?;
        sheets::write_date(sheet, row, 5, prevision.date, &formats.date)?;
        sheets::write_text(sheet, row, 6, sheets::weekday_long(prevision.date))?;
        sheets::write_text(sheet, row, 7, &prevision.creneau.label)?;
        sheets::write_time(
            sheet,
            row,
            8,
            time_of(prevision.creneau.start),
            &formats.time,
        )?;
        sheets::write_time(sheet, row, 9, time_of(prevision.creneau.end), &formats.time)?;
        sheets::write_text(sheet, row, 10, period)?;
        sheets::write_count(sheet, row, 11, prevision.moins_de_6, None)?;
        sheets::write_count(sheet, row, 12, prevision.six_et_plus, None)?;
        sheets::write_count(sheet, row, 13, prevision.children(), None)?;
        sheets::write_text_with_format(
            sheet,
            row,
            14,
            &requirement.applied.ratio.to_string(),
            &formats.centered,
        )?;
        sheets::write_text(sheet, row, 15, requirement.applied.article)?;
        sheets::write_count(sheet, row, 16, slot.required(), Some(&formats.required))?;
        let mut col = 17;
        for policy in &others {
            let other = slot.required_by_policy[policy_index(*policy)];
            if other > slot.required() {
                sheets::write_count(sheet, row, col, other, Some(&formats.more))?;
            } else if other < slot.required() {
                sheets::write_count(sheet, row, col, other, Some(&formats.centered))?;
            }
            col += 1;
        }
        let open = slot.is_open();
        sheets::write_count(sheet, row, col, requirement.min_qualified, None)?;
        sheets::write_count(sheet, row, col + 1, requirement.max_unqualified, None)?;
        sheets::write_text_with_format(
            sheet,
            row,
            col + 2,
            sheets::yes_no(requirement.director_counts),
            &formats.centered,
        )?;
        sheets::write_text_with_format(
            sheet,
            row,
            col + 3,
            sheets::yes_no(open && requirement.professional_director),
            &formats.centered,
        )?;
        sheets::write_count(sheet, row, col + 4, requirement.directors, None)?;
        sheets::write_count(sheet, row, col + 5, requirement.extra_renforce, None)?;
        sheets::write_count(sheet, row, col + 6, slot.total_adults, Some(&formats.bold))?;
    }
    Ok(())
}

fn weeks_columns(report: &NeedsReport<'_>) -> Vec<Column> {
    let accueils = || {
        report
            .weeks
            .iter()
            .flat_map(|w| w.accueils.iter().map(|(a, _)| *a))
    };
    let codes = accueils().map(|a| a.code.as_str()).chain([TERRITORY_LABEL]);
    let mut columns = vec![
        Column::new(COL_WEEK, 26.0),
        Column::new("Accueil", sheets::fitted_width(codes, 10.0, 30.0)),
        Column::new(
            "Nom",
            sheets::fitted_width(accueils().map(|a| a.nom.as_str()), 12.0, 40.0),
        ),
        Column::new("Jours d'ouverture", 10.0),
        Column::new("Pointe animateurs (même jour)", 12.0),
        Column::new(COL_ANIMATEUR_DAYS, 12.0),
        Column::new("dont qualifiés (minimum)", 12.0),
        Column::new("Sans qualification (maximum)", 13.0),
        Column::new("Journées de direction", 11.0),
        Column::new("dont directeur professionnel", 13.0),
        Column::new("Encadrement renforcé (journées)", 13.0),
        Column::new("Total journées-adultes", 12.0),
    ];
    columns.extend(report.other_policies.iter().map(|d| {
        Column::new(other_policy_days_header(d.policy), 12.0).with_note(OTHER_POLICY_DAYS_NOTE)
    }));
    columns
}

/// `Journées (strict)`: journées-animateur under another mixed-age policy.
pub fn other_policy_days_header(policy: MixedAgePolicy) -> &'static str {
    match policy {
        MixedAgePolicy::ParTranche => "Journées (par-tranche)",
        MixedAgePolicy::Global => "Journées (global)",
        MixedAgePolicy::Strict => "Journées (strict)",
    }
}

/// Rows above the header of `Semaines` and `Par jour`: a title and notes.
const WEEKS_HEADER_ROW: u32 = 4;

fn write_weeks_sheet(sheet: &mut Worksheet, report: &NeedsReport<'_>) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_SEMAINES)?;
    let formats = Formats::new();
    let columns = weeks_columns(report);
    let last_col = sheets::column_number(columns.len() - 1)?;
    let others: Vec<MixedAgePolicy> = report.other_policies.iter().map(|d| d.policy).collect();
    let plain = Format::new();
    sheets::write_text_with_format(
        sheet,
        0,
        0,
        "Besoins d'encadrement par semaine",
        &formats.title,
    )?;
    sheet.merge_range(
        1,
        0,
        1,
        last_col,
        "Pointe animateurs : le plus grand nombre d'animateurs requis en même temps un jour de la \
         semaine (le plus grand N des créneaux du jour ; pour le territoire, la plus grande somme \
         sur les accueils d'un même jour).",
        &formats.note,
    )?;
    sheet.merge_range(
        2,
        0,
        2,
        last_col,
        "Journées-animateur : un animateur couvre une journée entière ; chaque jour compte le plus \
         grand N de ses créneaux, et les quotas (R227-12) sont ceux de ce créneau de pointe. \
         Direction : un directeur (plus les adjoints d'un séjour de plus de 100 mineurs) par jour \
         d'ouverture. Total journées-adultes : animateurs + encadrement renforcé + direction non \
         comptée dans l'effectif.",
        &formats.note,
    )?;
    sheet.set_row_height(1, 30)?;
    sheet.set_row_height(2, 45)?;
    sheets::write_header_row(sheet, WEEKS_HEADER_ROW, &columns)?;
    sheet.set_row_height(WEEKS_HEADER_ROW, 45)?;
    sheets::print_setup(sheet, WEEKS_HEADER_ROW, 1)?;
    let mut row = WEEKS_HEADER_ROW + 1;
    for week in &report.weeks {
        let label = sheets::week_label(week.monday);
        for (accueil, figures) in &week.accueils {
            sheets::write_text(sheet, row, 0, &label)?;
            sheets::write_text(sheet, row, 1, &accueil.code)?;
            sheets::write_text(sheet, row, 2, &accueil.nom)?;
            write_week_figures(sheet, row, figures, &others, &plain)?;
            row += 1;
        }
        sheets::write_text_with_format(sheet, row, 0, &label, &formats.total)?;
        sheets::write_text_with_format(sheet, row, 1, TERRITORY_LABEL, &formats.total)?;
        sheets::write_text_with_format(sheet, row, 2, "", &formats.total)?;
        write_week_figures(sheet, row, &week.territory, &others, &formats.total)?;
        row += 2;
    }
    if !report.weeks.is_empty() {
        sheets::write_text_with_format(sheet, row, 0, PERIOD_LABEL, &formats.total)?;
        sheets::write_text_with_format(sheet, row, 1, "", &formats.total)?;
        sheets::write_text_with_format(sheet, row, 2, "", &formats.total)?;
        write_week_figures(sheet, row, &report.total, &others, &formats.total)?;
    }
    Ok(())
}

/// The figures of one `Semaines` row from column D, then the journées under the `others`
/// policies, in grey italics.
fn write_week_figures(
    sheet: &mut Worksheet,
    row: u32,
    figures: &WeekFigures,
    others: &[MixedAgePolicy],
    format: &Format,
) -> Result<(), XlsxError> {
    let days = &figures.days;
    let values = [
        figures.open_days,
        figures.peak_animateurs,
        days.animateurs,
        days.qualified_min,
        days.unqualified_max,
        days.directors,
        days.professional_directors,
        days.renforce,
        days.total_adults,
    ];
    for (offset, value) in values.into_iter().enumerate() {
        let col = sheets::column_number(3 + offset)?;
        sheets::write_count(sheet, row, col, value, Some(format))?;
    }
    let other_format = format
        .clone()
        .set_italic()
        .set_font_color(rust_xlsxwriter::Color::RGB(0x606060));
    for (offset, policy) in others.iter().enumerate() {
        let col = sheets::column_number(3 + values.len() + offset)?;
        let value = days.by_policy[policy_index(*policy)];
        sheets::write_count(sheet, row, col, value, Some(&other_format))?;
    }
    Ok(())
}

fn days_columns() -> [Column; 11] {
    [
        Column::new("Date", 11.0),
        Column::new("Jour", 10.0),
        Column::new("Accueils ouverts", 10.0),
        Column::new("Enfants (pointe)", 10.0),
        Column::new(COL_DAY_REQUIRED, 11.0),
        Column::new("dont qualifiés (minimum)", 12.0),
        Column::new("Sans qualification (maximum)", 13.0),
        Column::new("Directeurs", 10.0),
        Column::new("dont diplôme professionnel", 13.0),
        Column::new("Encadrement renforcé", 13.0),
        Column::new("Total adultes", 9.0),
    ]
}

fn write_days_sheet(sheet: &mut Worksheet, report: &NeedsReport<'_>) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_PAR_JOUR)?;
    let formats = Formats::new();
    let columns = days_columns();
    sheets::write_text_with_format(
        sheet,
        0,
        0,
        "Besoins du territoire par jour",
        &formats.title,
    )?;
    sheet.merge_range(
        1,
        0,
        2,
        sheets::column_number(columns.len() - 1)?,
        "Chaque jour additionne, sur tous les accueils ouverts, le plus grand nombre d'animateurs \
         requis parmi leurs créneaux (un animateur couvre la journée). La dernière ligne donne les \
         journées sur la période.",
        &formats.note,
    )?;
    sheets::write_header_row(sheet, WEEKS_HEADER_ROW, &columns)?;
    sheet.set_row_height(WEEKS_HEADER_ROW, 45)?;
    sheets::print_setup(sheet, WEEKS_HEADER_ROW, 1)?;
    let first = WEEKS_HEADER_ROW + 1;
    for (index, day) in report.territory_days.iter().enumerate() {
        let row = first + sheets::row_number(index)?;
        sheets::write_date(sheet, row, 0, day.date, &formats.date)?;
        sheets::write_text(sheet, row, 1, &sheets::day_label(day.date))?;
        sheets::write_count(sheet, row, 2, day.open_accueils, None)?;
        sheets::write_count(sheet, row, 3, day.children_peak, None)?;
        write_day_figures(sheet, row, &day.need, None)?;
    }
    let days = sheets::row_number(report.territory_days.len())?;
    if days == 0 {
        return Ok(());
    }
    let total_row = first + days;
    // The total row adds journées; open ACM and children do not add up over days.
    sheets::write_text_with_format(sheet, total_row, 0, PERIOD_LABEL, &formats.total)?;
    for col in 1..4 {
        sheet.write_blank(total_row, col, &formats.total)?;
    }
    write_day_figures(sheet, total_row, &report.total.days, Some(&formats.total))?;
    let chart = days_chart(first, total_row - 1);
    sheet.insert_chart_with_offset(WEEKS_HEADER_ROW, 12, &chart, 10, 0)?;
    Ok(())
}

fn write_day_figures(
    sheet: &mut Worksheet,
    row: u32,
    need: &Staffing,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    let values = [
        need.animateurs,
        need.qualified_min,
        need.unqualified_max,
        need.directors,
        need.professional_directors,
        need.renforce,
        need.total_adults,
    ];
    for (offset, value) in values.into_iter().enumerate() {
        let col = sheets::column_number(4 + offset)?;
        sheets::write_count(sheet, row, col, value, format)?;
    }
    Ok(())
}

/// Required animateurs per day (and the qualified minimum) over the territory.
fn days_chart(first_row: u32, last_row: u32) -> Chart {
    let mut chart = Chart::new(ChartType::Line);
    chart
        .title()
        .set_name("Animateurs requis par jour (territoire)");
    chart
        .add_series()
        .set_name("Animateurs requis")
        .set_categories((SHEET_PAR_JOUR, first_row, 1, last_row, 1))
        .set_values((SHEET_PAR_JOUR, first_row, 4, last_row, 4));
    chart
        .add_series()
        .set_name("dont qualifiés (minimum)")
        .set_categories((SHEET_PAR_JOUR, first_row, 1, last_row, 1))
        .set_values((SHEET_PAR_JOUR, first_row, 5, last_row, 5));
    chart.y_axis().set_name("Animateurs").set_min(0);
    chart.x_axis().set_name("Jour");
    chart
        .legend()
        .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
    chart.set_width(720).set_height(360);
    chart
}

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
    let key = normalize_key(name);
    parameters
        .overridden
        .iter()
        .rev()
        .find(|(given, _)| normalize_key(given) == key)
        .map(|(_, source)| {
            format!(
                "feuille {} ({}, ligne {})",
                source.sheet, source.file, source.row
            )
        })
        .unwrap_or_else(|| "valeur par défaut".to_string())
}

/// Every parameter and rule applied, with its legal reference and where its value came from;
/// `overrides` is the number of dates of the `Calendrier` sheet.
pub fn rule_rows(parameters: &Parameters, run: &RunOptions, overrides: usize) -> Vec<RuleRow> {
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
        "ligne de commande (--mixed-ages)".to_string()
    } else {
        origin(parameters, "Methode ages mixtes")
    };
    let smic = parameters.smic_horaire;
    let reform = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap_or(NaiveDate::MIN);
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
                "taux extrascolaires (1:8 / 1:12)".to_string()
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
            "Coût journalier par défaut",
            parameters.default_daily_cost.to_string(),
            "paramètre local : coût d'une journée quand ni la personne ni le profil n'en donnent \
             (utilisé par plan)",
            origin(parameters, "Cout journalier par defaut"),
        ),
        parameter(
            "SMIC horaire",
            smic.to_string(),
            &format!(
                "CASF D432-2 : rémunération minimale d'un CEE, 4,30 × SMIC horaire par jour depuis \
                 le 1er mai 2025, soit {}",
                labour::cee_minimum_pay(reform, smic)
            ),
            origin(parameters, "SMIC horaire"),
        ),
        RuleRow {
            name: "Fréquentation".to_string(),
            value: if run.attendance_percent == 0 {
                "prévisions telles quelles".to_string()
            } else {
                format!(
                    "{:+} % sur chaque prévision, arrondi à l'enfant supérieur",
                    run.attendance_percent
                )
            },
            reference: "simulation (option --attendance)".to_string(),
            origin: if run.attendance_percent == 0 {
                "valeur par défaut".to_string()
            } else {
                "ligne de commande (--attendance)".to_string()
            },
            regles_name: None,
        },
    ];
    rows.extend(fixed_rules());
    rows.push(RuleRow {
        name: "Calendrier".to_string(),
        value: format!(
            "zone B (académie de Nantes), vacances et jours fériés de 2024-2025 et 2025-2026 \
             intégrés ; {} redéfinie(s) par la feuille Calendrier",
            plural(
                i64::try_from(overrides).unwrap_or(i64::MAX),
                "date",
                "dates"
            )
        ),
        reference: "CASF R227-1 II ; Code du travail L3133-1 (jours fériés)".to_string(),
        origin: if overrides > 0 {
            "intégré + feuille Calendrier".to_string()
        } else {
            "intégré".to_string()
        },
        regles_name: None,
    });
    rows
}

/// The rules no `Regles` row changes: the law, or a reading of it fixed by acm-planner.
fn fixed_rules() -> Vec<RuleRow> {
    let fixed = |name: &str, value: &str, reference: &str| RuleRow {
        name: name.to_string(),
        value: value.to_string(),
        reference: reference.to_string(),
        origin: FIXED_RULE.to_string(),
        regles_name: None,
    };
    vec![
        fixed(
            "Taux extrascolaire, séjour de vacances",
            "1 animateur pour 8 enfants de moins de 6 ans, pour 12 de 6 ans et plus",
            "CASF R227-15",
        ),
        fixed(
            "Taux périscolaire sans PEDT",
            "1:8 / 1:12 au-delà de 5 heures consécutives ; 1:10 / 1:14 sinon",
            "CASF R227-16 I",
        ),
        fixed(
            "Taux périscolaire avec PEDT",
            "1:10 / 1:14 au-delà de 5 heures consécutives ; 1:14 / 1:18 sinon",
            "CASF R227-16 II",
        ),
        fixed(
            "Règle des 5 heures",
            "par créneau continu (Début → Fin) ; une journée du mercredi dépasse 5 heures",
            "CASF R227-16 (lecture acm-planner Q3)",
        ),
        fixed(
            "Mini-camp, séjour : équipe minimale",
            "2 personnes",
            "CASF R227-17 al. 2, R227-18",
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
            "accueil de loisirs de 50 mineurs au plus ; séjour de 20 mineurs au plus, tous âgés \
             de 14 ans ou plus ; sinon le directeur s'ajoute à N",
            "CASF R227-17 a ; arrêté du 13 février 2007 art. 1 d et e",
        ),
        fixed(
            "Directeur professionnel",
            "accueil de loisirs ouvert plus de 80 jours par an et pour plus de 80 mineurs, sauf \
             dérogation du préfet pour un titulaire du BAFD",
            "CASF R227-14 III ; arrêtés du 13 février 2007 art. 1 c et du 28 février 2017",
        ),
        fixed(
            "Adjoints de séjour",
            "un par tranche de 50 mineurs au-delà de 100",
            "CASF R227-18 (lecture acm-planner Q8)",
        ),
        fixed(
            "Seuils de direction",
            "appliqués à la capacité déclarée de l'accueil",
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

fn write_rules_sheet(sheet: &mut Worksheet, report: &NeedsReport<'_>) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_REGLES)?;
    let formats = Formats::new();
    let columns = [
        Column::new("Règle ou paramètre", 30.0),
        Column::new("Valeur appliquée", 55.0),
        Column::new("Référence", 55.0),
        Column::new("Origine", 24.0),
        Column::new("Nom du paramètre (feuille Regles)", 28.0),
    ];
    sheets::write_header_row(sheet, 0, &columns)?;
    sheet.set_row_height(0, 30)?;
    sheets::print_setup(sheet, 0, 1)?;
    let rows = rule_rows(
        &report.problem.parameters,
        &report.run,
        report.problem.calendar_rows.len(),
    );
    let bold_wrap = formats.wrap.clone().set_bold();
    for (index, rule) in rows.iter().enumerate() {
        let row = sheets::row_number(index + 1)?;
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
            sheets::write_text_with_format(sheet, row, sheets::column_number(col)?, text, format)?;
        }
        let widths: Vec<(&str, f64)> = cells
            .iter()
            .zip(&columns)
            .map(|(text, column)| (*text, column.width))
            .collect();
        sheet.set_row_height(row, sheets::wrapped_row_height(&widths))?;
    }
    let files_row = sheets::row_number(rows.len() + 2)?;
    let files = report.problem.files.join(", ");
    sheets::write_text_with_format(sheet, files_row, 0, "Fichiers lus", &formats.bold)?;
    sheets::write_text_with_format(sheet, files_row, 1, &files, &formats.wrap)?;
    sheet.set_row_height(
        files_row,
        sheets::wrapped_row_height(&[(files.as_str(), columns[1].width)]),
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Terminal summary
// ---------------------------------------------------------------------------------------------

/// `1 créneau`, `2 créneaux`, `2 305 journées`.
fn plural(count: impl Into<i64>, singular: &str, plural: &str) -> String {
    let count = count.into();
    let word = if count.abs() <= 1 { singular } else { plural };
    format!("{} {word}", sheets::french_integer(count))
}

fn number(count: u32) -> String {
    sheets::french_integer(i64::from(count))
}

/// The few lines the `needs` command prints, in French.
pub fn summary(report: &NeedsReport<'_>, output: &Path) -> String {
    let problem = report.problem;
    let mut lines = Vec::new();
    lines.push("Besoins légaux d'encadrement (acm-planner needs)".to_string());
    if !problem.files.is_empty() {
        lines.push(format!("  Fichiers lus : {}", problem.files.join(", ")));
    }
    let open_accueils = {
        let mut codes: Vec<&str> = report
            .acm_days
            .iter()
            .filter(|d| d.is_open())
            .map(|d| d.accueil.code.as_str())
            .collect();
        codes.dedup();
        codes.len()
    };
    lines.push(format!(
        "  Accueils : {} ({} avec des enfants attendus) ; lignes de prévision : {}",
        problem.accueils.len(),
        open_accueils,
        sheets::french_integer(i64::try_from(report.slots.len()).unwrap_or(i64::MAX))
    ));
    if let Some((first, last)) = problem.date_span() {
        lines.push(format!(
            "  Période : du {} au {} ({})",
            sheets::day_label_with_year(first),
            sheets::day_label_with_year(last),
            plural(
                report.total.open_days,
                "jour d'ouverture",
                "jours d'ouverture"
            )
        ));
    }
    let mut method = format!("  Méthode âges mixtes : {}", report.policy().label());
    if report.run.attendance_percent != 0 {
        method.push_str(&format!(
            " ; fréquentation {:+} %",
            report.run.attendance_percent
        ));
    }
    lines.push(method);
    if let Some(peak) = report.peak_day() {
        lines.push(format!(
            "  Jour de pointe : {} — {} requis sur le territoire, {}",
            sheets::date_in_words(peak.date),
            plural(peak.need.animateurs, "animateur", "animateurs"),
            plural(peak.need.directors, "directeur", "directeurs"),
        ));
    }
    let days = &report.total.days;
    lines.push(format!(
        "  Journées-animateur : {} (au moins {} qualifiées, au plus {} sans qualification)",
        number(days.animateurs),
        number(days.qualified_min),
        number(days.unqualified_max)
    ));
    lines.push(format!(
        "  Journées de direction : {} (dont {} avec diplôme professionnel)",
        number(days.directors),
        number(days.professional_directors)
    ));
    lines.push(format!(
        "  Encadrement renforcé : {} ; total journées-adultes : {}",
        plural(days.renforce, "journée", "journées"),
        number(days.total_adults)
    ));
    for difference in &report.other_policies {
        lines.push(policy_line(difference));
    }
    lines.push(format!("  Classeur écrit : {}", output.display()));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn policy_line(difference: &PolicyDifference) -> String {
    let label = difference.policy.label();
    if difference.slots_more == 0 && difference.slots_fewer == 0 {
        return format!("  Méthode {label} : mêmes besoins");
    }
    let mut parts = Vec::new();
    if difference.slots_more > 0 {
        parts.push(format!(
            "plus d'animateurs sur {}",
            plural(difference.slots_more, "créneau", "créneaux")
        ));
    }
    if difference.slots_fewer > 0 {
        parts.push(format!(
            "moins sur {}",
            plural(difference.slots_fewer, "créneau", "créneaux")
        ));
    }
    let sign = match difference.extra_days {
        d if d > 0 => "+",
        d if d < 0 => "-",
        _ => "",
    };
    format!(
        "  Méthode {label} : {} ({sign}{})",
        parts.join(", "),
        plural(
            difference.extra_days.abs(),
            "journée-animateur",
            "journées-animateur"
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn difference(more: u32, fewer: u32, extra_days: i64) -> PolicyDifference {
        PolicyDifference {
            policy: MixedAgePolicy::Strict,
            slots_more: more,
            slots_fewer: fewer,
            extra_days,
        }
    }

    #[test]
    fn policy_lines_in_french() {
        assert_eq!(
            policy_line(&difference(0, 0, 0)),
            "  Méthode strict : mêmes besoins"
        );
        assert_eq!(
            policy_line(&difference(1, 0, 1)),
            "  Méthode strict : plus d'animateurs sur 1 créneau (+1 journée-animateur)"
        );
        assert_eq!(
            policy_line(&difference(3, 2, 0)),
            "  Méthode strict : plus d'animateurs sur 3 créneaux, moins sur 2 créneaux \
             (0 journée-animateur)"
        );
        assert_eq!(
            policy_line(&difference(0, 4, -2)),
            "  Méthode strict : moins sur 4 créneaux (-2 journées-animateur)"
        );
    }

    #[test]
    fn staffing_adds_every_field() {
        let day = Staffing {
            animateurs: 4,
            qualified_min: 2,
            unqualified_max: 1,
            renforce: 1,
            directors: 1,
            professional_directors: 1,
            total_adults: 6,
            by_policy: [4, 3, 5],
        };
        let mut sum = Staffing::default();
        sum += day;
        sum += day;
        assert_eq!(sum.animateurs, 8);
        assert_eq!(sum.qualified_min, 4);
        assert_eq!(sum.unqualified_max, 2);
        assert_eq!(sum.renforce, 2);
        assert_eq!(sum.directors, 2);
        assert_eq!(sum.professional_directors, 2);
        assert_eq!(sum.total_adults, 12);
        assert_eq!(sum.by_policy, [8, 6, 10]);
    }

    #[test]
    fn rules_rows_name_their_regles_parameter() {
        let rows = rule_rows(&Parameters::default(), &RunOptions::default(), 2);
        let named: Vec<&str> = rows.iter().filter_map(|r| r.regles_name).collect();
        assert_eq!(
            named,
            [
                "Methode ages mixtes",
                "Jour sans ecole hors vacances",
                "Taux accueil de jeunes",
                "Cout journalier par defaut",
                "SMIC horaire"
            ]
        );
        let calendar = rows.last().expect("calendar row");
        assert!(
            calendar.value.contains("2 dates redéfinie(s)"),
            "{}",
            calendar.value
        );
        assert_eq!(calendar.origin, "intégré + feuille Calendrier");
    }
}
