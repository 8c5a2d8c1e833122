//! Drawing a territory from a [`TerritorySpec`]: sites, forecasts, staff and availability.
//!
//! Every part draws from its own random stream (see [`Random::stream`]), so the forecasts of a
//! seed do not change when only the number of animateurs does.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use super::places::{
    ACCUEIL_NAMES, AcmProfile, FIRST_NAMES, LAST_NAMES, PROFILES, Pattern, SECTORS, WeekFilter,
    sector_of,
};
use super::random::Random;
use super::{AccueilRow, AnimateurRow, HiringRow, PrevisionRow, Territory, TerritorySpec, When};
use crate::domain::{AcmType, Contrat, DayKind};
use crate::rules::Calendar;
use crate::rules::calendar::is_public_holiday;

/// Qualification mix of the staff (shares of the headcount).
const QUALIFICATION_MIX: [(&str, f64); 9] = [
    ("BAFA", 0.48),
    ("stagiaire BAFA", 0.20),
    ("sans qualification", 0.12),
    ("BAFD", 0.07),
    ("stagiaire BAFD", 0.04),
    ("BPJEPS LTP", 0.03),
    ("DEJEPS", 0.025),
    ("BPJEPS", 0.015),
    ("CAP AEPE", 0.02),
];

const PROFESSIONAL: [&str; 2] = ["BPJEPS LTP", "DEJEPS"];
const NON_PROFESSIONAL_DIRECTOR: [&str; 2] = ["BAFD", "stagiaire BAFD"];

/// An ACM being generated: its profile, owned, with its sector.
#[derive(Debug, Clone)]
struct Site {
    code: String,
    nom: String,
    commune: String,
    sector: &'static str,
    profile: AcmProfile,
}

impl Site {
    /// R227-14 III: open more than 80 days for more than 80 minors, without a derogation (the
    /// same test as `rules::director::professional_director_required`, on the profile, to place
    /// the professionals where they are needed).
    fn needs_professional_director(&self) -> bool {
        self.profile.kind == AcmType::AccueilLoisirs
            && self.profile.capacite > 80
            && self.profile.jours_ouverture > 80
            && !self.profile.derogation
    }
}

/// The territory of `spec` (see the module documentation of [`super`]); empty when the start
/// date is outside [`TerritorySpec::YEARS`] ([`TerritorySpec::validate`] says why).
pub fn territory(spec: &TerritorySpec) -> Territory {
    if !TerritorySpec::YEARS.contains(&spec.start.year()) {
        return Territory::default();
    }
    let sites = sites(spec);
    let days: Vec<NaiveDate> = spec
        .start
        .iter_days()
        .take(spec.weeks as usize * 7)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    let calendar = Calendar::new(&[]);
    let (previsions, calendrier) = forecasts(spec, &sites, &days, &calendar);
    let animateurs = staff(spec, &sites);
    let availability = availability(spec, &animateurs, &days, &calendar);
    Territory {
        accueils: sites.iter().map(accueil_row).collect(),
        previsions,
        animateurs,
        dates: days,
        availability,
        recrutement: hiring(spec, &sites),
        regles: if spec.regles {
            vec![
                ("Methode ages mixtes".into(), "par-tranche".into()),
                ("Cout journalier par defaut".into(), "70".into()),
            ]
        } else {
            Vec::new()
        },
        calendrier,
    }
}

fn accueil_row(site: &Site) -> AccueilRow {
    let profile = &site.profile;
    AccueilRow {
        code: site.code.clone(),
        nom: site.nom.clone(),
        commune: site.commune.clone(),
        kind: profile.kind,
        pedt: profile.pedt,
        capacite: profile.capacite,
        jours_ouverture: Some(profile.jours_ouverture),
        secteur: Some(site.sector.to_string()),
        tous_14_ans_et_plus: profile.tous_14,
        derogation_direction: profile.derogation,
    }
}

/// The hand-written profiles first, then accueils de loisirs in the other communes.
fn sites(spec: &TerritorySpec) -> Vec<Site> {
    let mut random = Random::stream(spec.seed, 1);
    let mut sites: Vec<Site> = PROFILES
        .iter()
        .take(spec.acm)
        .map(|profile| Site {
            code: profile.code.to_string(),
            nom: profile.nom.to_string(),
            commune: profile.commune.to_string(),
            sector: sector_of(profile.commune),
            profile: *profile,
        })
        .collect();
    // Communes without a hand-written ACM, taken round-robin across sectors.
    let used: BTreeSet<&str> = PROFILES.iter().map(|p| p.commune).collect();
    let longest = SECTORS.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
    let mut communes = Vec::new();
    for index in 0..longest {
        for (_, sector_communes) in SECTORS {
            if let Some(commune) = sector_communes.get(index)
                && !used.contains(commune)
            {
                communes.push(*commune);
            }
        }
    }
    let mut round = 1;
    while sites.len() < spec.acm && !communes.is_empty() {
        for commune in &communes {
            if sites.len() >= spec.acm {
                break;
            }
            sites.push(generated_site(&mut random, commune, round, sites.len()));
        }
        round += 1;
    }
    sites
}

fn generated_site(random: &mut Random, commune: &'static str, round: u32, index: usize) -> Site {
    let slug = slug(commune);
    let code = if round == 1 {
        format!("ALSH-{slug}")
    } else {
        format!("ALSH-{slug}-{round}")
    };
    let name = ACCUEIL_NAMES[index % ACCUEIL_NAMES.len()];
    let capacite = random.between(15, 50) * 2;
    let jours_ouverture = random.between(40, 160);
    let closed_in_august = match random.below(4) {
        0 => Some((3, 14)),
        1 => Some((10, 21)),
        _ => None,
    };
    let pattern = if random.chance(0.15) {
        Pattern::HalfDays
    } else {
        Pattern::Journee
    };
    let profile = AcmProfile {
        code: "",
        nom: "",
        commune,
        kind: AcmType::AccueilLoisirs,
        capacite,
        jours_ouverture,
        pedt: random.chance(0.4),
        tous_14: false,
        derogation: capacite > 80 && jours_ouverture > 80 && random.chance(0.3),
        under_6_share: random.uniform(0.30, 0.42),
        pattern,
        closed_in_august,
        renforce: u32::from(random.chance(0.1)),
    };
    Site {
        code,
        nom: format!("Accueil de loisirs {name}"),
        commune: commune.to_string(),
        sector: sector_of(commune),
        profile,
    }
}

/// `Saint-Martin-de-la-Place` → `SAINT-MARTIN-DE-LA-PLACE`, `Fontevraud-l'Abbaye` →
/// `FONTEVRAUD-L-ABBAYE`.
fn slug(commune: &str) -> String {
    let mut slug = String::new();
    for c in commune.chars() {
        let plain = crate::rules::normalize_key(&c.to_string());
        if plain.is_empty() {
            if !slug.ends_with('-') {
                slug.push('-');
            }
        } else {
            slug.push_str(&plain.to_uppercase());
        }
    }
    slug.trim_matches('-').to_string()
}

/// The kind of day, from the built-in calendar or, outside it, from a simple zone-B-like rule
/// (then also returned as a `Calendrier` row so the tool knows it).
fn day_kind(calendar: &Calendar, date: NaiveDate) -> (DayKind, bool) {
    match calendar.classify(date) {
        Some(kind) => (kind, false),
        None => (fallback_kind(date), true),
    }
}

fn fallback_kind(date: NaiveDate) -> DayKind {
    let (month, day) = (date.month(), date.day());
    let holidays = match month {
        7 => day >= 4,
        8 => true,
        10 => day >= 17,
        11 => day == 1,
        12 => day >= 19,
        1 => day <= 3,
        2 => (14..=28).contains(&day),
        4 => (11..=26).contains(&day),
        _ => false,
    };
    match date.weekday() {
        Weekday::Sat | Weekday::Sun => DayKind::Holiday,
        _ if holidays => DayKind::Holiday,
        Weekday::Wed => DayKind::School,
        _ if is_public_holiday(date) => DayKind::NoSchool,
        _ => DayKind::School,
    }
}

fn day_type_label(kind: DayKind) -> &'static str {
    match kind {
        DayKind::School => "ecole",
        DayKind::Holiday => "vacances",
        DayKind::NoSchool => "sans ecole",
    }
}

/// Share of the capacity expected on a holiday day: July busier than August.
fn season(date: NaiveDate) -> f64 {
    match (date.month(), date.day()) {
        (7, d) if d < 13 => 0.66,
        (7, d) if d < 20 => 0.70,
        (7, _) => 0.72,
        (8, d) if d < 10 => 0.66,
        (8, d) if d < 17 => 0.52,
        (8, d) if d < 24 => 0.48,
        (8, _) => 0.58,
        (12 | 1, _) => 0.35,
        _ => 0.55,
    }
}

/// Attendance by weekday; the day before a Tuesday public holiday is a "pont".
fn weekday_factor(date: NaiveDate) -> f64 {
    if date.weekday() == Weekday::Mon && is_public_holiday(date + Duration::days(1)) {
        return 0.7;
    }
    match date.weekday() {
        Weekday::Mon => 0.95,
        Weekday::Wed => 0.97,
        Weekday::Fri => 0.88,
        _ => 1.0,
    }
}

fn time(hour: u32, minute: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(hour, minute, 0)
}

fn round(value: f64) -> u32 {
    value.round().max(0.0) as u32
}

/// Forecast rows and the `Calendrier` rows for dates outside the built-in calendar.
fn forecasts(
    spec: &TerritorySpec,
    sites: &[Site],
    days: &[NaiveDate],
    calendar: &Calendar,
) -> (Vec<PrevisionRow>, Vec<(NaiveDate, &'static str)>) {
    let mut random = Random::stream(spec.seed, 2);
    let mut rows = Vec::new();
    let mut unknown_days = BTreeSet::new();
    for site in sites {
        match site.profile.pattern {
            Pattern::Sejour(filter) | Pattern::MiniCamp(filter) => {
                stays(&mut random, site, filter, days, &mut rows);
                for row in rows.iter().filter(|r| r.accueil == site.code) {
                    for day in row.when.days() {
                        if day_kind(calendar, day).1 {
                            unknown_days.insert(day);
                        }
                    }
                }
            }
            _ => {
                for &date in days {
                    let (kind, unknown) = day_kind(calendar, date);
                    let before = rows.len();
                    day_rows(&mut random, site, date, kind, &mut rows);
                    if unknown && rows.len() > before {
                        unknown_days.insert(date);
                    }
                }
            }
        }
    }
    let calendrier = unknown_days
        .into_iter()
        .map(|date| (date, day_type_label(fallback_kind(date))))
        .collect();
    (rows, calendrier)
}

/// Séjours (Monday to Friday, one `Du`/`Au` row a week) and mini-camps (Tuesday to Thursday).
fn stays(
    random: &mut Random,
    site: &Site,
    filter: WeekFilter,
    days: &[NaiveDate],
    rows: &mut Vec<PrevisionRow>,
) {
    let mondays = days.iter().filter(|d| d.weekday() == Weekday::Mon);
    for (week, monday) in mondays.enumerate() {
        let runs = match filter {
            WeekFilter::JulyAndEarlyAugust => {
                monday.month() == 7 || (monday.month() == 8 && monday.day() <= 7)
            }
            WeekFilter::JulyEvenWeeks => {
                monday.month() == 7 && monday.iso_week().week().is_multiple_of(2)
            }
            WeekFilter::OddWeeks => {
                matches!(monday.month(), 7 | 8) && !monday.iso_week().week().is_multiple_of(2)
            }
        };
        if !runs {
            continue;
        }
        let capacity = site.profile.capacite;
        let children = random.between(capacity.saturating_sub(4), capacity);
        let (du, au, jours) = match site.profile.pattern {
            Pattern::MiniCamp(_) => (
                *monday + Duration::days(1),
                *monday + Duration::days(3),
                Some("mar,mer,jeu".to_string()),
            ),
            _ => (*monday, *monday + Duration::days(4), None),
        };
        let renforce = (site.profile.renforce > 0 && week == 1).then_some(site.profile.renforce);
        rows.push(PrevisionRow {
            accueil: site.code.clone(),
            when: When::Range { du, au, jours },
            creneau: "journee".into(),
            debut: None,
            fin: None,
            moins_de_6: 0,
            six_et_plus: children,
            renforce,
        });
    }
}

/// The rows of one day-care site on one date.
fn day_rows(
    random: &mut Random,
    site: &Site,
    date: NaiveDate,
    kind: DayKind,
    rows: &mut Vec<PrevisionRow>,
) {
    let profile = &site.profile;
    if is_public_holiday(date) {
        return;
    }
    if let Some((first, last)) = profile.closed_in_august
        && date.month() == 8
        && (first..=last).contains(&date.day())
    {
        return;
    }
    let capacity = f64::from(profile.capacite);
    let noise = random.uniform(0.9, 1.1);
    let periscolaire_day = kind == DayKind::School && date.weekday() != Weekday::Wed;
    let fill = match kind {
        DayKind::Holiday => season(date) * weekday_factor(date),
        DayKind::School => 0.45,
        DayKind::NoSchool => 0.3,
    };
    let total = round(capacity * fill * noise).min(profile.capacite);
    let share = (profile.under_6_share * random.uniform(0.85, 1.15)).min(1.0);
    let mut push = |creneau: &str,
                    debut: Option<NaiveTime>,
                    fin: Option<NaiveTime>,
                    children: u32,
                    renforce: u32| {
        if children == 0 {
            return;
        }
        let moins_de_6 = round(f64::from(children) * share).min(children);
        rows.push(PrevisionRow {
            accueil: site.code.clone(),
            when: When::Date(date),
            creneau: creneau.to_string(),
            debut,
            fin,
            moins_de_6,
            six_et_plus: children - moins_de_6,
            renforce: (renforce > 0).then_some(renforce),
        });
    };
    let renforce = if profile.renforce > 0 && date.weekday() != Weekday::Wed {
        profile.renforce
    } else {
        0
    };
    match profile.pattern {
        Pattern::Afternoons if !periscolaire_day => {
            push("apres-midi", None, None, total, 0);
        }
        Pattern::Afternoons => {}
        _ if periscolaire_day => {
            // Périscolaire: before school and after school.
            let morning = round(capacity * 0.25 * noise);
            let evening = round(capacity * 0.4 * noise);
            push("matin", time(7, 30), time(8, 30), morning, 0);
            push("soir", None, None, evening, renforce);
        }
        Pattern::HalfDays => {
            push("matin", None, None, total, renforce);
            push(
                "apres-midi",
                None,
                None,
                round(f64::from(total) * 0.8),
                renforce,
            );
        }
        Pattern::JourneeAndEvening => {
            push("journee", None, None, total, renforce);
            let late = round(f64::from(total) * 0.18);
            push("soir", time(17, 30), time(18, 30), late, 0);
        }
        _ => push("journee", None, None, total, renforce),
    }
}

/// Splits `total` in proportion to `weights` (largest-remainder method); all to the first
/// part when the weights are all zero.
fn largest_remainder(weights: &[f64], total: usize) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        let mut counts = vec![0; weights.len()];
        if let Some(first) = counts.first_mut() {
            *first = total;
        }
        return counts;
    }
    let exact: Vec<f64> = weights.iter().map(|w| w / sum * total as f64).collect();
    let mut counts: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut remainders: Vec<(usize, f64)> = exact
        .iter()
        .enumerate()
        .map(|(i, x)| (i, x - x.floor()))
        .collect();
    remainders.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let missing = total.saturating_sub(counts.iter().sum());
    for (index, _) in remainders.iter().take(missing) {
        counts[*index] += 1;
    }
    counts
}

/// Headcount per qualification by the largest-remainder method, at least one professional.
fn qualification_counts(total: usize) -> Vec<(&'static str, usize)> {
    let shares: Vec<f64> = QUALIFICATION_MIX.iter().map(|(_, share)| *share).collect();
    let counts = largest_remainder(&shares, total);
    let mut result: Vec<(&'static str, usize)> = QUALIFICATION_MIX
        .iter()
        .zip(counts)
        .map(|((label, _), count)| (*label, count))
        .collect();
    let professionals: usize = result
        .iter()
        .filter(|(label, _)| PROFESSIONAL.contains(label))
        .map(|(_, count)| count)
        .sum();
    if professionals == 0 && total >= 5 {
        for entry in &mut result {
            if entry.0 == "BAFA" && entry.1 > 0 {
                entry.1 -= 1;
            }
            if entry.0 == PROFESSIONAL[0] {
                entry.1 += 1;
            }
        }
    }
    result
}

/// The animateurs: qualification mix, sector, contract, cost, age, prior CEE days.
fn staff(spec: &TerritorySpec, sites: &[Site]) -> Vec<AnimateurRow> {
    let mut random = Random::stream(spec.seed, 3);
    let mut qualifications: Vec<&'static str> = qualification_counts(spec.animateurs)
        .into_iter()
        .flat_map(|(label, count)| std::iter::repeat_n(label, count))
        .collect();
    random.shuffle(&mut qualifications);

    // Directors go to the sites: two professionals for each ACM where the 80/80 rule requires
    // one (leave and weekly rest), then the other ACM.
    let needing: Vec<&Site> = sites
        .iter()
        .filter(|s| s.needs_professional_director())
        .collect();
    let mut professional_sites: Vec<&Site> = needing.iter().chain(&needing).copied().collect();
    professional_sites.extend(sites.iter().filter(|s| !s.needs_professional_director()));
    let director_sites: Vec<&Site> = sites
        .iter()
        .filter(|s| !s.needs_professional_director())
        .collect();
    let (mut next_professional, mut next_director) = (0, 0);
    // Everyone else is spread over the sectors in proportion to their staffing needs (about
    // one animateur per 10 places), exactly, then shuffled.
    let sector_weights: Vec<f64> = SECTORS
        .iter()
        .map(|(sector, _)| {
            sites
                .iter()
                .filter(|s| s.sector == *sector)
                .map(|s| f64::from(s.profile.capacite) / 10.0)
                .sum()
        })
        .collect();
    let others = qualifications
        .iter()
        .filter(|q| !PROFESSIONAL.contains(q) && !NON_PROFESSIONAL_DIRECTOR.contains(q))
        .count();
    let mut other_sectors: Vec<&'static str> = largest_remainder(&sector_weights, others)
        .into_iter()
        .zip(SECTORS)
        .flat_map(|(count, (sector, _))| std::iter::repeat_n(sector, count))
        .collect();
    random.shuffle(&mut other_sectors);
    let mut other_sectors = other_sectors.into_iter();

    // Over a school year the CEE's 80 days do not go far: périscolaire teams are mostly on
    // CDD or CDI.
    let long_run = spec.weeks > 16;
    let width = spec.animateurs.to_string().len().max(3);
    let mut people = Vec::with_capacity(spec.animateurs);
    for (index, qualification) in qualifications.into_iter().enumerate() {
        let professional = PROFESSIONAL.contains(&qualification);
        let director = NON_PROFESSIONAL_DIRECTOR.contains(&qualification);
        let site = if professional && !professional_sites.is_empty() {
            next_professional += 1;
            Some(professional_sites[(next_professional - 1) % professional_sites.len()])
        } else if director && !director_sites.is_empty() {
            next_director += 1;
            Some(director_sites[(next_director - 1) % director_sites.len()])
        } else {
            None
        };
        let sector = match site {
            Some(site) => site.sector,
            None => other_sectors.next().unwrap_or(SECTORS[0].0),
        };
        let contrat = contract(&mut random, qualification, long_run);
        let jours_cee = if contrat == Contrat::Cee {
            match random.below(100) {
                0..35 => 0,
                35..93 => random.between(1, 70),
                _ => random.between(72, 79),
            }
        } else {
            0
        };
        let age = age(&mut random, qualification, contrat);
        let birth = spec.start
            - Duration::days(i64::from(age) * 365 + i64::from(age / 4))
            - Duration::days(i64::from(random.between(1, 360)));
        let accueils_possibles = match random.below(100) {
            0..10 => Some(neighbour_sector(sector).to_string()),
            10..14 => Some("tous".to_string()),
            14..19 => {
                let elsewhere: Vec<&Site> = sites.iter().filter(|s| s.sector != sector).collect();
                random.pick(&elsewhere).map(|s| s.code.clone())
            }
            _ => None,
        };
        let max_jours =
            (contrat == Contrat::Cee && random.chance(0.15)).then(|| random.between(10, 25));
        people.push(AnimateurRow {
            id: format!("A{:0width$}", index + 1),
            nom: random
                .pick(&LAST_NAMES)
                .copied()
                .unwrap_or("Martin")
                .to_string(),
            prenom: random
                .pick(&FIRST_NAMES)
                .copied()
                .unwrap_or("Léa")
                .to_string(),
            qualification,
            contrat,
            jours_cee,
            cout_journalier: Some(daily_cost(&mut random, qualification, contrat)),
            date_naissance: Some(birth),
            secteur: Some(sector.to_string()),
            accueils_possibles,
            max_jours,
        });
    }
    people
}

fn neighbour_sector(sector: &str) -> &'static str {
    let index = SECTORS.iter().position(|(s, _)| *s == sector).unwrap_or(0);
    SECTORS[(index + 1) % SECTORS.len()].0
}

fn contract(random: &mut Random, qualification: &str, long_run: bool) -> Contrat {
    let draw = random.below(100);
    if long_run && NON_PROFESSIONAL_DIRECTOR.contains(&qualification) {
        return match draw {
            0..50 => Contrat::Cdi,
            50..70 => Contrat::Titulaire,
            70..90 => Contrat::Cdd,
            _ => Contrat::Cee,
        };
    }
    if long_run && !PROFESSIONAL.contains(&qualification) {
        return match draw {
            0..55 => Contrat::Cee,
            55..90 => Contrat::Cdd,
            90..97 => Contrat::Cdi,
            _ => Contrat::Titulaire,
        };
    }
    if PROFESSIONAL.contains(&qualification) {
        return if draw < 50 {
            Contrat::Cdi
        } else {
            Contrat::Titulaire
        };
    }
    match qualification {
        "BAFD" => match draw {
            0..35 => Contrat::Cdi,
            35..50 => Contrat::Titulaire,
            _ => Contrat::Cee,
        },
        "stagiaire BAFD" => {
            if draw < 20 {
                Contrat::Cdd
            } else {
                Contrat::Cee
            }
        }
        _ => match draw {
            0..92 => Contrat::Cee,
            92..98 => Contrat::Cdd,
            _ => Contrat::Cdi,
        },
    }
}

/// Age at the start of the period; a few trainees and unqualified helpers are 16 or 17.
fn age(random: &mut Random, qualification: &str, contrat: Contrat) -> u32 {
    if PROFESSIONAL.contains(&qualification) {
        return random.between(25, 55);
    }
    if matches!(contrat, Contrat::Cdi | Contrat::Titulaire) {
        return random.between(24, 50);
    }
    match qualification {
        "BAFD" | "stagiaire BAFD" => random.between(20, 40),
        "stagiaire BAFA" | "sans qualification" | "BAFA" if random.chance(0.05) => {
            random.between(16, 17)
        }
        "stagiaire BAFA" | "sans qualification" => random.between(18, 22),
        _ => random.between(18, 30),
    }
}

/// Euros per day: CEE 55–75 € by qualification, CDD 80–95 €, CDI and titulaire 100–140 €.
fn daily_cost(random: &mut Random, qualification: &str, contrat: Contrat) -> u32 {
    match contrat {
        Contrat::Cdi | Contrat::Titulaire => random.between(100, 140),
        Contrat::Cdd => random.between(80, 95),
        Contrat::Cee => match qualification {
            "sans qualification" => random.between(55, 57),
            "stagiaire BAFA" => random.between(57, 62),
            "BAFD" | "stagiaire BAFD" => random.between(68, 75),
            _ => random.between(62, 70),
        },
    }
}

/// Weight of a week in the draw of people's time off: the 14-July week and early August are
/// when most people are away.
fn away_weight(monday: NaiveDate, permanent: bool) -> f64 {
    let friday = monday + Duration::days(4);
    let has_14_july = monday
        .iter_days()
        .take_while(|d| *d <= friday)
        .any(|d| d.month() == 7 && d.day() == 14);
    let early_august =
        (monday.month() == 7 && monday.day() >= 27) || (monday.month() == 8 && monday.day() <= 9);
    if permanent {
        return if monday.month() == 8 { 1.0 } else { 0.05 };
    }
    if has_14_july {
        4.0
    } else if early_august {
        3.5
    } else if monday.month() == 8 {
        1.5
    } else {
        0.5
    }
}

/// The `Disponibilites` grid: `J` mostly, some `M`/`AM`, `S` on school evenings, and 1 to 3
/// weeks away per person per 8 weeks.
fn availability(
    spec: &TerritorySpec,
    people: &[AnimateurRow],
    days: &[NaiveDate],
    calendar: &Calendar,
) -> Vec<Vec<&'static str>> {
    let mut random = Random::stream(spec.seed, 4);
    let mondays: Vec<NaiveDate> = spec
        .start
        .iter_days()
        .step_by(7)
        .take(spec.weeks as usize)
        .collect();
    let kinds: Vec<DayKind> = days.iter().map(|d| day_kind(calendar, *d).0).collect();
    let blocks = (spec.weeks as usize).div_ceil(8).max(1);
    // Weeks already taken off by a director of the sector: a youth service staggers its
    // directors' leave.
    let mut directors_away: BTreeSet<(String, usize)> = BTreeSet::new();
    people
        .iter()
        .map(|person| {
            let permanent = matches!(person.contrat, Contrat::Cdi | Contrat::Titulaire);
            let director = PROFESSIONAL.contains(&person.qualification)
                || NON_PROFESSIONAL_DIRECTOR.contains(&person.qualification);
            let sector = person.secteur.clone().unwrap_or_default();
            let mut weights: Vec<f64> = mondays
                .iter()
                .enumerate()
                .map(|(week, monday)| {
                    let staggered = director && directors_away.contains(&(sector.clone(), week));
                    away_weight(*monday, permanent) * if staggered { 0.02 } else { 1.0 }
                })
                .collect();
            // 1 to 3 weeks (2 at most for permanent staff), 1.8 on average.
            let per_block = match (permanent, random.below(10)) {
                (_, 0..4) => 1,
                (true, _) | (false, 4..8) => 2,
                _ => 3,
            };
            let away_count = (per_block * blocks).min(mondays.len().saturating_sub(1));
            let mut away = BTreeSet::new();
            for _ in 0..away_count {
                let week = random.weighted(&weights);
                weights[week] = 0.0;
                away.insert(mondays[week]);
                if director {
                    directors_away.insert((sector.clone(), week));
                }
            }
            // Directors are there for whole days; others may come mornings or afternoons only.
            let habit = if director {
                Habit::WholeDays
            } else {
                match random.below(100) {
                    0..7 => Habit::MorningsOnly,
                    7..10 => Habit::AfternoonsOnly,
                    _ => Habit::Usual,
                }
            };
            days.iter()
                .zip(&kinds)
                .map(|(date, kind)| {
                    let monday =
                        *date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
                    if away.contains(&monday) {
                        return "";
                    }
                    day_code(&mut random, *date, *kind, habit)
                })
                .collect()
        })
        .collect()
}

/// How a person usually makes themselves available.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Habit {
    /// Directors: whole days, school days included (they are employed all year).
    WholeDays,
    /// A student with an afternoon job.
    MorningsOnly,
    AfternoonsOnly,
    /// Mostly whole days; on school days, often only the evening or the morning.
    Usual,
}

fn day_code(random: &mut Random, date: NaiveDate, kind: DayKind, habit: Habit) -> &'static str {
    let draw = random.below(100);
    if kind == DayKind::School && date.weekday() != Weekday::Wed {
        return match (habit, draw) {
            (Habit::WholeDays, 0..5) => "",
            (Habit::WholeDays, _) => "J",
            (_, 0..35) => "J",
            (_, 35..55) => "S",
            (_, 55..65) => "M",
            _ => "",
        };
    }
    // Most people keep public holidays and the "pont" before them for themselves.
    if is_public_holiday(date) && draw < 70 {
        return "";
    }
    let bridge = date.weekday() == Weekday::Mon && is_public_holiday(date + Duration::days(1));
    if bridge && draw < 40 {
        return "";
    }
    match (habit, draw) {
        (Habit::MorningsOnly | Habit::AfternoonsOnly | Habit::WholeDays, 0..4) => "",
        (Habit::MorningsOnly, _) => "M",
        (Habit::AfternoonsOnly, _) => "AM",
        (Habit::WholeDays, _) => "J",
        (Habit::Usual, 0..4) => "",
        (Habit::Usual, 4..7) => "M",
        (Habit::Usual, 7..9) => "AM",
        (Habit::Usual, _) => "J",
    }
}

/// Five hiring profiles: BAFA in the two main sectors, a professional director, trainees and
/// BAFD anywhere (one profile fewer with a single sector). Unqualified helpers are not hired:
/// the 20 % cap leaves little room for them.
fn hiring(spec: &TerritorySpec, sites: &[Site]) -> Vec<HiringRow> {
    let mut sectors: Vec<&'static str> = Vec::new();
    for site in sites {
        if !sectors.contains(&site.sector) {
            sectors.push(site.sector);
        }
    }
    let scale = |per: usize, minimum: usize| (spec.animateurs / per).max(minimum) as u32;
    let mut rows = vec![HiringRow {
        qualification: "BAFA",
        secteur: sectors.first().map(|s| s.to_string()),
        cout_journalier: 85,
        cout_fixe: 150,
        nombre_maximum: scale(25, 2),
    }];
    if let Some(second) = sectors.get(1) {
        rows.push(HiringRow {
            qualification: "BAFA",
            secteur: Some(second.to_string()),
            cout_journalier: 85,
            cout_fixe: 150,
            nombre_maximum: scale(50, 1),
        });
    }
    // A professional director, for the accueils open more than 80 days to more than 80 minors.
    rows.push(HiringRow {
        qualification: "BPJEPS LTP",
        secteur: None,
        cout_journalier: 135,
        cout_fixe: 400,
        nombre_maximum: 1,
    });
    rows.push(HiringRow {
        qualification: "stagiaire BAFA",
        secteur: None,
        cout_journalier: 70,
        cout_fixe: 120,
        nombre_maximum: scale(20, 2),
    });
    rows.push(HiringRow {
        qualification: "BAFD",
        secteur: None,
        cout_journalier: 110,
        cout_fixe: 300,
        nombre_maximum: (spec.acm / 5).max(1) as u32,
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualification_counts_add_up_with_a_professional() {
        for total in [1, 5, 12, 150, 600] {
            let counts = qualification_counts(total);
            assert_eq!(counts.iter().map(|(_, c)| c).sum::<usize>(), total);
            if total >= 5 {
                assert!(
                    counts
                        .iter()
                        .any(|(label, count)| PROFESSIONAL.contains(label) && *count > 0)
                );
            }
        }
    }

    #[test]
    fn odd_specs_give_a_territory_without_panicking() {
        let base = TerritorySpec::saumur_ete();
        let odd = [
            TerritorySpec {
                weeks: 0,
                ..base.clone()
            },
            TerritorySpec {
                acm: 0,
                animateurs: 0,
                ..base.clone()
            },
            TerritorySpec {
                acm: 1,
                animateurs: 1,
                weeks: 1,
                ..base.clone()
            },
            TerritorySpec {
                acm: 200,
                animateurs: 3,
                weeks: 2,
                ..base.clone()
            },
            TerritorySpec {
                start: NaiveDate::from_ymd_opt(2026, 7, 8).expect("date"),
                ..base.clone()
            },
            TerritorySpec {
                start: NaiveDate::MAX,
                ..base.clone()
            },
            TerritorySpec {
                start: NaiveDate::MIN,
                ..base
            },
        ];
        assert!(territory(&odd[0]).dates.is_empty());
        for spec in odd {
            let territory = territory(&spec);
            assert_eq!(territory.availability.len(), territory.animateurs.len());
        }
    }

    #[test]
    fn fallback_calendar_knows_the_summer_and_wednesdays() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
        assert_eq!(fallback_kind(date(2027, 7, 12)), DayKind::Holiday);
        assert_eq!(fallback_kind(date(2026, 9, 9)), DayKind::School);
        assert_eq!(fallback_kind(date(2027, 11, 11)), DayKind::NoSchool);
        assert_eq!(fallback_kind(date(2026, 12, 23)), DayKind::Holiday);
    }
}
