//! Stable teams: each person keeps one accueil per week (or holiday period), each accueil one
//! director, a séjour its team for the whole stay.
//!
//! The class model cannot say who is where over a week: a class groups the people
//! interchangeable on one date. Stability is made exact by giving every person, per period, a
//! *home* (the accueil where the cost-optimal plan has them most often) and every accueil, per
//! period, a *designated director* (the person who directs it most days there). Homes and
//! designations become part of the classes' key, so the people of a class share them, and the
//! stability objective counts, exactly, the days worked away from home and the days directed by
//! someone else than the designated director. The stage minimises that count with the shortage
//! kept at its optimum; the cost stage then keeps it at its optimum too (lexicographic:
//! shortage → stability → cost). Homes are chosen once, from the cost-optimal plan: the
//! stage is exact for those homes, not over every choice of homes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate};

use super::instance::Instance;
use super::model::Choice;
use super::previous::Prior;
use super::result::{ForcedBy, SecondDirectors};
use crate::domain::{AcmType, Affectation, Role};
use crate::problem::{AccueilId, Problem};
use crate::rules::eligibility::{Eligibility, Exclusion};
use crate::rules::labour;
use crate::rules::parameters::StabilityMode;

/// The home of each person and the designated director of each open day, for one instance.
#[derive(Debug, Clone, Default)]
pub struct Homes {
    /// Per (person, date): the home accueil of the person's period holding that date.
    home: BTreeMap<(usize, NaiveDate), AccueilId>,
    /// Re-planning: per (person, date), what the previous plan had them do.
    prior: BTreeMap<(usize, NaiveDate), Prior>,
    /// Re-planning: the stability stage counts changed person-days instead of moves.
    replanning: bool,
    /// Per (person, date): the accueils the stability stage may put them at (home, and where
    /// the plan has them that period); none listed when idle that period (anywhere).
    allowed: BTreeMap<(usize, NaiveDate), Vec<AccueilId>>,
}

impl Homes {
    /// Re-planning: no homes, the previous plan's days instead.
    pub fn previous(prior: BTreeMap<(usize, NaiveDate), Prior>) -> Homes {
        Homes {
            prior,
            replanning: true,
            ..Homes::default()
        }
    }

    /// Whether these are the previous plan's days (re-planning), not homes.
    pub fn replanning(&self) -> bool {
        self.replanning
    }

    /// What the previous plan had `person` do on `date`, when re-planning.
    pub fn prior(&self, person: usize, date: NaiveDate) -> Option<Prior> {
        self.prior.get(&(person, date)).copied()
    }

    /// The home accueil of `person` on `date`, if they work in that period of the plan.
    pub fn home(&self, person: usize, date: NaiveDate) -> Option<AccueilId> {
        self.home.get(&(person, date)).copied()
    }

    /// Whether the stability stage may put `person` at `accueil` on `date`: anywhere when
    /// the plan has them idle that period.
    pub fn allows(&self, person: usize, date: NaiveDate, accueil: AccueilId) -> bool {
        self.allowed
            .get(&(person, date))
            .is_none_or(|allowed| allowed.contains(&accueil))
    }

    /// Homes and designations read from a plan (`choices`, indexed like `instance.arcs`).
    pub fn from_plan(
        problem: &Problem,
        instance: &Instance,
        choices: &[Choice],
        mode: StabilityMode,
    ) -> Homes {
        let periods = Periods::new(problem, instance, mode);
        // Days worked per (person, period) and accueil; days directed per (accueil, period)
        // and person.
        let mut worked: BTreeMap<(usize, NaiveDate), BTreeMap<AccueilId, u32>> = BTreeMap::new();
        let mut directed: BTreeMap<(AccueilId, NaiveDate), BTreeMap<usize, u32>> = BTreeMap::new();
        for (arc, choice) in instance.arcs.iter().zip(choices) {
            let directs = choice.directed.iter().any(|d| *d);
            if !directs && !choice.animates.iter().any(|a| *a) {
                continue;
            }
            let day = &instance.days[arc.day];
            *worked
                .entry((arc.person, periods.person_period(day.date)))
                .or_default()
                .entry(day.accueil)
                .or_default() += 1;
            if directs {
                *directed
                    .entry((day.accueil, periods.day_period[arc.day]))
                    .or_default()
                    .entry(arc.person)
                    .or_default() += 1;
            }
        }
        // Who directs somewhere in each period of the plan, and who could direct each
        // accueil's days of a period (available all day, may direct there).
        let mut directs_in_period: BTreeMap<(usize, NaiveDate), u32> = BTreeMap::new();
        for ((_, period), people) in &directed {
            for (person, days) in people {
                *directs_in_period
                    .entry((*person, periods.person_period(*period)))
                    .or_default() += days;
            }
        }
        let mut could: BTreeMap<(AccueilId, NaiveDate, usize), u32> = BTreeMap::new();
        for arc in instance.arcs.iter().filter(|a| a.can_direct) {
            let day = &instance.days[arc.day];
            let period = periods.day_period[arc.day];
            if directs_in_period.contains_key(&(arc.person, periods.person_period(period))) {
                *could.entry((day.accueil, period, arc.person)).or_default() += 1;
            }
        }
        // Designations first, best first: the person who can direct the most of the
        // accueil's days of the period, then who directs it most in the plan. A person
        // directs one accueil per period, and that accueil is their home.
        let mut candidates: Vec<((u32, u32), AccueilId, NaiveDate, usize)> = could
            .iter()
            .map(|((accueil, period, person), days)| {
                let in_plan = directed
                    .get(&(*accueil, *period))
                    .and_then(|people| people.get(person))
                    .copied()
                    .unwrap_or(0);
                ((*days, in_plan), *accueil, *period, *person)
            })
            .collect();
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2, a.3).cmp(&(b.1, b.2, b.3))));
        let mut director_of: BTreeMap<(AccueilId, NaiveDate), usize> = BTreeMap::new();
        let mut directing: BTreeMap<(usize, NaiveDate), AccueilId> = BTreeMap::new();
        for (_, accueil, period, person) in candidates {
            // The person's period: for a stay, the period of its first day.
            let person_period = periods.person_period(period);
            if director_of.contains_key(&(accueil, period))
                || directing.contains_key(&(person, person_period))
            {
                continue;
            }
            director_of.insert((accueil, period), person);
            directing.insert((person, person_period), accueil);
        }
        // Where each person worked in each period: the stage's neighbourhood.
        let places: BTreeMap<(usize, NaiveDate), Vec<AccueilId>> = worked
            .iter()
            .map(|(key, counts)| (*key, counts.keys().copied().collect()))
            .collect();
        let home_of: BTreeMap<(usize, NaiveDate), AccueilId> = worked
            .into_iter()
            .filter_map(|(key, counts)| {
                directing
                    .get(&key)
                    .copied()
                    .or_else(|| most(&counts))
                    .map(|accueil| (key, accueil))
            })
            .collect();
        let mut homes = Homes::default();
        // Whoever may direct may also go where they could direct that period: the directors
        // stage chooses each week's director among them.
        let mut may_direct: BTreeMap<(usize, NaiveDate), Vec<AccueilId>> = BTreeMap::new();
        for arc in instance.arcs.iter().filter(|a| a.can_direct) {
            let day = &instance.days[arc.day];
            let places = may_direct
                .entry((arc.person, periods.person_period(day.date)))
                .or_default();
            if !places.contains(&day.accueil) {
                places.push(day.accueil);
            }
        }
        for arc in &instance.arcs {
            let date = instance.days[arc.day].date;
            let key = (arc.person, periods.person_period(date));
            if let Some(home) = home_of.get(&key) {
                homes.home.insert((arc.person, date), *home);
            }
            if let Some(worked_at) = places.get(&key) {
                let mut allowed = worked_at.clone();
                allowed.extend(home_of.get(&key));
                allowed.extend(may_direct.get(&key).into_iter().flatten());
                homes.allowed.insert((arc.person, date), allowed);
            }
        }
        homes
    }
}

/// The key with the largest count (the smallest key among equals).
fn most<K: Copy + Ord>(counts: &BTreeMap<K, u32>) -> Option<K> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(key, _)| *key)
}

/// The spans over which people and directors stay put, each named by its first date.
struct Periods<'a> {
    problem: &'a Problem,
    mode: StabilityMode,
    /// Per open day: the span its director keeps (the stay for a séjour or mini-camp).
    day_period: Vec<NaiveDate>,
}

impl<'a> Periods<'a> {
    fn new(problem: &'a Problem, instance: &Instance, mode: StabilityMode) -> Periods<'a> {
        let mut periods = Periods {
            problem,
            mode,
            day_period: Vec::new(),
        };
        // A stay: consecutive open dates of one séjour or mini-camp.
        let mut stay_start: BTreeMap<AccueilId, (NaiveDate, NaiveDate)> = BTreeMap::new();
        let mut order: Vec<usize> = (0..instance.days.len()).collect();
        order.sort_by_key(|d| (instance.days[*d].accueil, instance.days[*d].date));
        let mut day_period = vec![NaiveDate::MIN; instance.days.len()];
        for index in order {
            let day = &instance.days[index];
            let kind = problem.accueils[day.accueil.index()].kind;
            day_period[index] = if matches!(kind, AcmType::Sejour | AcmType::MiniCamp) {
                let entry = stay_start
                    .entry(day.accueil)
                    .or_insert((day.date, day.date));
                if day.date - entry.1 > Duration::days(1) {
                    entry.0 = day.date;
                }
                entry.1 = day.date;
                entry.0
            } else {
                periods.person_period(day.date)
            };
        }
        periods.day_period = day_period;
        periods
    }

    /// The first date of the span holding `date`: its Monday, or with `sejour-ou-periode` the
    /// first day of its holiday period.
    fn person_period(&self, date: NaiveDate) -> NaiveDate {
        let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
        if self.mode != StabilityMode::StayOrPeriod {
            return monday;
        }
        let calendar = &self.problem.calendar;
        let Some(name) = calendar.holiday_period(date) else {
            return monday;
        };
        let mut first = date;
        // Holiday periods last at most about two months.
        for _ in 0..70 {
            let before = first - Duration::days(1);
            if calendar.holiday_period(before) != Some(name) {
                break;
            }
            first = before;
        }
        first
    }
}

/// How stable a published plan is, measured on its assignments (ISO weeks; a séjour's stay
/// counts as its weeks).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StabilityFigures {
    /// Person-weeks worked, and those at more than one accueil.
    pub person_weeks: u32,
    pub person_weeks_moving: u32,
    /// Accueil-weeks with a director, and those with more directors than a day needs.
    pub accueil_weeks: u32,
    pub accueil_weeks_changing: u32,
    /// Days worked away from the person's most frequent accueil of the week.
    pub moves: u32,
    /// Days directed by someone other than the accueil's most frequent director of the week.
    pub director_changes: u32,
}

impl StabilityFigures {
    /// Measures `assignments` (staff and recruits alike).
    pub fn measure(assignments: &[Affectation]) -> StabilityFigures {
        type Week = (i32, u32);
        let week = |date: NaiveDate| {
            let w = date.iso_week();
            (w.year(), w.week())
        };
        // Per (person or accueil, week): the dates at each accueil or with each director.
        type Dates<'a> = BTreeMap<(&'a str, Week), BTreeMap<&'a str, BTreeSet<NaiveDate>>>;
        let mut places: Dates = BTreeMap::new();
        let mut directors: Dates = BTreeMap::new();
        let mut needed: BTreeMap<(&str, Week), BTreeMap<NaiveDate, u32>> = BTreeMap::new();
        for a in assignments {
            places
                .entry((a.animateur.as_str(), week(a.date)))
                .or_default()
                .entry(a.accueil.as_str())
                .or_default()
                .insert(a.date);
            if a.role == Role::Direction {
                directors
                    .entry((a.accueil.as_str(), week(a.date)))
                    .or_default()
                    .entry(a.animateur.as_str())
                    .or_default()
                    .insert(a.date);
            }
        }
        for ((accueil, w), people) in &directors {
            let mut per_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
            for dates in people.values() {
                for date in dates {
                    *per_day.entry(*date).or_default() += 1;
                }
            }
            needed.insert((accueil, *w), per_day);
        }
        let mut figures = StabilityFigures::default();
        for by_accueil in places.values() {
            figures.person_weeks += 1;
            if by_accueil.len() > 1 {
                figures.person_weeks_moving += 1;
            }
            let total: usize = by_accueil.values().map(BTreeSet::len).sum();
            let most = by_accueil.values().map(BTreeSet::len).max().unwrap_or(0);
            figures.moves += u32::try_from(total - most).unwrap_or(u32::MAX);
        }
        for (key, people) in &directors {
            figures.accueil_weeks += 1;
            let most_per_day = needed[key].values().copied().max().unwrap_or(0) as usize;
            if people.len() > most_per_day {
                figures.accueil_weeks_changing += 1;
            }
            let total: usize = people.values().map(BTreeSet::len).sum();
            let mut lengths: Vec<usize> = people.values().map(BTreeSet::len).collect();
            lengths.sort_unstable_by(|a, b| b.cmp(a));
            let kept: usize = lengths.iter().take(most_per_day).sum();
            figures.director_changes += u32::try_from(total - kept).unwrap_or(u32::MAX);
        }
        figures
    }

    /// The share of person-weeks worked at more than one accueil (0 when nobody works).
    pub fn moving_share(&self) -> f64 {
        share(self.person_weeks_moving, self.person_weeks)
    }

    /// The share of accueil-weeks with more directors than a day needs.
    pub fn changing_share(&self) -> f64 {
        share(self.accueil_weeks_changing, self.accueil_weeks)
    }

    /// Adds the figures of another part of the territory.
    pub fn add(&mut self, other: StabilityFigures) {
        self.person_weeks += other.person_weeks;
        self.person_weeks_moving += other.person_weeks_moving;
        self.accueil_weeks += other.accueil_weeks;
        self.accueil_weeks_changing += other.accueil_weeks_changing;
        self.moves += other.moves;
        self.director_changes += other.director_changes;
    }
}

fn share(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

/// Why each accueil-week of `assignments` with more directors than a day needs has them: the
/// first rule that kept the week's main director (who directs it most days) from a day they did
/// not direct, or none (the plan's choice). Posts to fill (not in the team) have no limit but
/// weekly rest.
pub fn second_directors(problem: &Problem, assignments: &[Affectation]) -> SecondDirectors {
    type Week = (i32, u32);
    let week_of = |date: NaiveDate| {
        let w = date.iso_week();
        (w.year(), w.week())
    };
    // Per (accueil, week): per director, the dates directed; per date, the directors.
    let mut weeks: BTreeMap<(&str, Week), BTreeMap<&str, BTreeSet<NaiveDate>>> = BTreeMap::new();
    let mut worked: BTreeMap<&str, BTreeSet<NaiveDate>> = BTreeMap::new();
    for a in assignments {
        worked
            .entry(a.animateur.as_str())
            .or_default()
            .insert(a.date);
        if a.role == Role::Direction {
            weeks
                .entry((a.accueil.as_str(), week_of(a.date)))
                .or_default()
                .entry(a.animateur.as_str())
                .or_default()
                .insert(a.date);
        }
    }
    let mut result = SecondDirectors::default();
    for ((code, _), people) in &weeks {
        let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for dates in people.values() {
            for date in dates {
                *per_day.entry(*date).or_default() += 1;
            }
        }
        let most_per_day = per_day.values().copied().max().unwrap_or(0);
        if people.len() <= most_per_day {
            continue;
        }
        let Some((main, directed)) = people
            .iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
        else {
            continue;
        };
        let missed: Vec<NaiveDate> = per_day
            .keys()
            .filter(|d| !directed.contains(d))
            .copied()
            .collect();
        let days: Vec<NaiveDate> = per_day.keys().copied().collect();
        let cause = problem.accueil(code).and_then(|accueil| {
            let person = problem.animateur(main)?;
            forced_by(problem, accueil, person, &days, &missed, worked.get(main))
        });
        match cause {
            Some(cause) => *result.forced.entry(cause).or_default() += 1,
            None => result.chosen += 1,
        }
    }
    result
}

/// The first rule that keeps `person` from directing `accueil` on one of `missed`, given the
/// week's directed `days` and the dates they work.
fn forced_by(
    problem: &Problem,
    accueil: &crate::domain::Accueil,
    person: &crate::domain::Animateur,
    days: &[NaiveDate],
    missed: &[NaiveDate],
    worked: Option<&BTreeSet<NaiveDate>>,
) -> Option<ForcedBy> {
    let day_creneaux = |date: NaiveDate| -> Vec<&crate::domain::Creneau> {
        problem
            .needs
            .iter()
            .filter(|n| {
                n.requirement.required > 0
                    && n.forecast.accueil == accueil.code
                    && n.forecast.date == date
            })
            .map(|n| &n.forecast.creneau)
            .collect()
    };
    let eligibility = Eligibility::new(person, accueil, problem.professional_director(accueil));
    let mut causes = BTreeSet::new();
    for date in missed {
        let flags = problem.availability.flags(&person.id, *date);
        match eligibility.work(*date, flags, &day_creneaux(*date), true) {
            Err(Exclusion::Unavailable | Exclusion::MinorOnPublicHoliday) => {
                causes.insert(ForcedBy::Availability);
            }
            Err(Exclusion::TooLong { .. }) => {
                causes.insert(ForcedBy::DayHours);
            }
            Err(Exclusion::CeeDaysUsed { .. } | Exclusion::NoDaysAllowed) => {
                causes.insert(ForcedBy::DaysBudget);
            }
            _ => {}
        }
    }
    let first = days.first().copied()?;
    let limits = labour::labour_limits(person, first);
    let minutes: u32 = days
        .iter()
        .map(|d| labour::minutes_worked(day_creneaux(*d)))
        .sum();
    if limits.max_minutes_per_week.is_some_and(|max| minutes > max) {
        causes.insert(ForcedBy::WeekHours);
    }
    let mut all: BTreeSet<NaiveDate> = worked.cloned().unwrap_or_default();
    all.extend(days.iter().copied());
    let seven_in_a_row = all
        .iter()
        .any(|d| (1..7).all(|k| all.contains(&(*d + Duration::days(k)))));
    if seven_in_a_row {
        causes.insert(ForcedBy::WeeklyRest);
    }
    if person
        .max_jours
        .is_some_and(|max| worked.map_or(0, BTreeSet::len) >= max as usize)
    {
        causes.insert(ForcedBy::DaysBudget);
    }
    causes.into_iter().next()
}
