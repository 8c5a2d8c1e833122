//! French at the edge: every number, date and count the reports write as words goes through
//! here, so `06/07/2026`, `1 234`, `87,5 %` and `2 créneaux` are spelled one way everywhere.
//!
//! Numbers are grouped by thousands with a narrow no-break space (`2 305`) and take a decimal
//! comma (`0,7`). Spreadsheet cells that hold a real number or date are not written with these:
//! they carry an Excel format instead ([`crate::report::xlsx`]).
//!
//! ```
//! use acm_planner::report::wording;
//!
//! assert_eq!(wording::plural(2305, "journée", "journées"), "2\u{202f}305 journées");
//! assert_eq!(wording::percent(0.875), "87,5 %");
//! ```

use chrono::{Datelike, NaiveDate, Weekday};

use crate::domain::Cents;

use super::dates::week_monday;

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/// Thousands separator of French typography: a narrow no-break space.
const THOUSANDS: char = '\u{202f}';

/// An integer in French notation: `2 305`, `-1 234 567`.
pub fn integer(value: impl TryInto<i64>) -> String {
    let value: i64 = value.try_into().unwrap_or(i64::MAX);
    let grouped = group_thousands(&value.unsigned_abs().to_string());
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// `digits` (ASCII digits only) with a separator every three from the right.
fn group_thousands(digits: &str) -> String {
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(THOUSANDS);
        }
        grouped.push(digit);
    }
    grouped
}

/// A number as Rust writes it at its shortest, with a decimal comma: `120`, `0,5`.
pub fn number(value: f64) -> String {
    decimal_comma(&value.to_string())
}

/// A number with `places` decimals and a decimal comma, not grouped: `0,7`, `12,50`.
pub fn decimal(value: f64, places: usize) -> String {
    decimal_comma(&format!("{value:.places$}"))
}

/// A number with `places` decimals, grouped by thousands, with a decimal comma: `1 234,50`;
/// `—` when it is not finite (a solver bound that does not exist).
pub fn grouped_decimal(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let text = format!("{:.places$}", value.abs());
    let grouped = match text.split_once('.') {
        Some((whole, fraction)) => format!("{},{fraction}", group_thousands(whole)),
        None => group_thousands(&text),
    };
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}{grouped}")
}

fn decimal_comma(text: &str) -> String {
    text.replace('.', ",")
}

/// A ratio as a French percentage with one decimal: `87,5 %`.
pub fn percent(fraction: f64) -> String {
    format!("{} %", decimal(fraction * 100.0, 1))
}

/// A whole percentage with its sign: `+10 %`, `-5 %`.
pub fn signed_percent(percent: i32) -> String {
    format!("{percent:+} %")
}

/// An amount in euros: `1 234,50 €`.
pub fn euros(amount: Cents) -> String {
    amount.to_string()
}

/// `oui` or `non`.
pub fn yes_no(value: bool) -> &'static str {
    if value { "oui" } else { "non" }
}

// ---------------------------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------------------------

/// The noun for `count` things: singular below two (`0 journée`, `1 journée`), as French has
/// it; plural from two on.
pub fn noun<'a>(count: impl TryInto<i64>, singular: &'a str, plural: &'a str) -> &'a str {
    let count: i64 = count.try_into().unwrap_or(i64::MAX);
    if count.abs() <= 1 { singular } else { plural }
}

/// A count and its noun: `0 journée`, `1 créneau`, `2 305 journées`.
pub fn plural(count: impl TryInto<i64> + Copy, singular: &str, plural: &str) -> String {
    format!("{} {}", integer(count), noun(count, singular, plural))
}

/// A count and its noun, singular for exactly one: `1 poste`, `0 postes`, `12 postes`. The
/// planning workbook and its summary have always counted this way; kept so their text stays
/// the same.
pub fn plural_unless_one(count: usize, singular: &str, plural: &str) -> String {
    let word = if count == 1 { singular } else { plural };
    format!("{} {word}", integer(count))
}

/// `ajouté` / `ajoutés`, `disponible` / `disponibles`: a word agreeing with `count`, the way
/// [`noun`] counts (singular below two). Replaces the « (s) » plurals of user-facing text.
pub fn agree<'a>(count: impl TryInto<i64>, singular: &'a str, plural: &'a str) -> &'a str {
    noun(count, singular, plural)
}

/// The team a créneau or a day requires, in plain words, telling whether the director counts
/// within the animateurs: `5 animateurs requis, dont le directeur`, `12 animateurs requis,
/// plus 2 directeurs`, `20 animateurs requis, dont 1 directeur, et 2 autres directeurs en plus`.
pub fn required_team(animateurs: u32, directors_counted: u32, directors: u32) -> String {
    let required = format!("{} requis", plural(animateurs, "animateur", "animateurs"));
    let counted = directors_counted.min(directors);
    let on_top = directors - counted;
    match (counted, on_top) {
        (0, 0) => required,
        (1, 0) if directors == 1 => format!("{required}, dont le directeur"),
        (counted, 0) => format!("{required}, dont les {} directeurs", integer(counted)),
        (0, 1) => format!("{required}, plus le directeur"),
        (0, on_top) => format!("{required}, plus {} directeurs", integer(on_top)),
        (counted, on_top) => format!(
            "{required}, dont {}, et {} {} en plus",
            plural(counted, "directeur", "directeurs"),
            integer(on_top),
            agree(on_top, "autre directeur", "autres directeurs")
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// The SMIC horaire by date: `11,88 € à partir du 01/11/2024, 12,02 € à partir du 01/01/2026`
/// (a value given without a date reads `12,02 €`).
pub fn smic_steps(smic: &crate::rules::smic::SmicSchedule) -> String {
    smic.steps()
        .iter()
        .map(|(from, value)| {
            if *from == NaiveDate::MIN {
                value.to_string()
            } else {
                format!("{value} à partir du {}", date(*from))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The minimum CEE day pay (D432-2) under each SMIC value from 1 May 2025 on:
/// `51,08 € (SMIC 11,88 €), 51,69 € à partir du 01/01/2026 (SMIC 12,02 €)`.
pub fn cee_minimum_steps(smic: &crate::rules::smic::SmicSchedule) -> String {
    let reform = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap_or(NaiveDate::MIN);
    let mut parts = Vec::new();
    for (from, value) in smic.steps() {
        let on = (*from).max(reform);
        if smic
            .steps()
            .iter()
            .any(|(other, _)| *other > *from && *other <= reform)
        {
            continue;
        }
        let minimum = crate::rules::labour::cee_minimum_pay(on, *value);
        if on == reform || *from == NaiveDate::MIN {
            parts.push(format!("{minimum} (SMIC {value})"));
        } else {
            parts.push(format!("{minimum} à partir du {} (SMIC {value})", date(on)));
        }
    }
    parts.join(", ")
}

/// `06/07/2026`, the French date notation.
pub fn date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// `06/07`: day and month.
pub fn day_month(date: NaiveDate) -> String {
    date.format("%d/%m").to_string()
}

/// French weekday, abbreviated as in French calendars: `lun.`, `mar.`, `mer.`, `jeu.`, `ven.`,
/// `sam.`, `dim.`.
pub fn weekday_short(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "lun.",
        Weekday::Tue => "mar.",
        Weekday::Wed => "mer.",
        Weekday::Thu => "jeu.",
        Weekday::Fri => "ven.",
        Weekday::Sat => "sam.",
        Weekday::Sun => "dim.",
    }
}

/// French weekday in full: `lundi` … `dimanche`.
pub fn weekday_long(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// French month name, `janvier` … `décembre` (`month` from 1 to 12; empty otherwise).
pub fn month_name(month: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// A short day label for grids and charts: `lun. 06/07`.
pub fn day_label(date: NaiveDate) -> String {
    format!("{} {}", weekday_short(date), day_month(date))
}

/// A day with its year: `lun. 06/07/2026`.
pub fn day_label_with_year(date: NaiveDate) -> String {
    format!("{} {}", weekday_short(date), self::date(date))
}

/// A date in words: `lundi 6 juillet 2026`.
pub fn date_in_words(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_long(date),
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

/// `Semaine du lun. 06/07/2026`, for the ISO week holding `date`.
pub fn week_label(date: NaiveDate) -> String {
    format!("Semaine du {}", day_label_with_year(week_monday(date)))
}

/// A span of dates in words: `le 14 juillet`, `du 13 au 24 juillet`, `du 30 juin au 4 juillet`,
/// with the year only when the span crosses one.
pub fn date_span_words(first: NaiveDate, last: NaiveDate) -> String {
    let day = |d: NaiveDate| {
        if d.day() == 1 {
            "1er".to_string()
        } else {
            d.day().to_string()
        }
    };
    if first == last {
        return format!("le {} {}", day(first), month_name(first.month()));
    }
    if first.year() != last.year() {
        return format!(
            "du {} {} {} au {} {} {}",
            day(first),
            month_name(first.month()),
            first.year(),
            day(last),
            month_name(last.month()),
            last.year()
        );
    }
    if first.month() == last.month() {
        format!(
            "du {} au {} {}",
            day(first),
            day(last),
            month_name(last.month())
        )
    } else {
        format!(
            "du {} {} au {} {}",
            day(first),
            month_name(first.month()),
            day(last),
            month_name(last.month())
        )
    }
}

/// Dates as runs of consecutive days, in order: `06/07–10/07, 13/07–17/07, 20/07`.
pub fn compact_dates(dates: &[NaiveDate]) -> String {
    let mut sorted = dates.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for date in sorted {
        match runs.last_mut() {
            Some((_, last)) if last.succ_opt() == Some(date) => *last = date,
            _ => runs.push((date, date)),
        }
    }
    runs.iter()
        .map(|(first, last)| {
            if first == last {
                day_month(*first)
            } else {
                format!("{}–{}", day_month(*first), day_month(*last))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::required_team;

    #[test]
    fn required_teams_say_whether_the_director_counts() {
        assert_eq!(
            required_team(5, 1, 1),
            "5 animateurs requis, dont le directeur"
        );
        assert_eq!(
            required_team(12, 2, 2),
            "12 animateurs requis, dont les 2 directeurs"
        );
        assert_eq!(
            required_team(9, 0, 1),
            "9 animateurs requis, plus le directeur"
        );
        assert_eq!(
            required_team(9, 0, 3),
            "9 animateurs requis, plus 3 directeurs"
        );
        assert_eq!(
            required_team(20, 1, 3),
            "20 animateurs requis, dont 1 directeur, et 2 autres directeurs en plus"
        );
        assert_eq!(
            required_team(20, 1, 2),
            "20 animateurs requis, dont 1 directeur, et 1 autre directeur en plus"
        );
        assert_eq!(required_team(1, 0, 0), "1 animateur requis");
    }

    use super::*;

    fn d(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).expect("valid date")
    }

    #[test]
    fn integers_in_french_notation() {
        assert_eq!(integer(0), "0");
        assert_eq!(integer(999u32), "999");
        assert_eq!(integer(2305usize), "2\u{202f}305");
        assert_eq!(integer(-1_234_567i64), "-1\u{202f}234\u{202f}567");
    }

    #[test]
    fn decimals_take_a_comma() {
        assert_eq!(number(120.0), "120");
        assert_eq!(number(0.5), "0,5");
        assert_eq!(decimal(0.74, 1), "0,7");
        assert_eq!(grouped_decimal(1234.5, 2), "1\u{202f}234,50");
        assert_eq!(grouped_decimal(-0.25, 2), "-0,25");
        assert_eq!(grouped_decimal(f64::INFINITY, 2), "—");
        assert_eq!(percent(0.875), "87,5 %");
        assert_eq!(signed_percent(10), "+10 %");
        assert_eq!(signed_percent(-5), "-5 %");
        assert_eq!(yes_no(true), "oui");
        assert_eq!(yes_no(false), "non");
    }

    #[test]
    fn counts_take_the_right_noun() {
        assert_eq!(plural(0, "journée", "journées"), "0 journée");
        assert_eq!(plural(1u32, "créneau", "créneaux"), "1 créneau");
        assert_eq!(plural(-2i64, "jour", "jours"), "-2 jours");
        assert_eq!(plural(2305usize, "jour", "jours"), "2\u{202f}305 jours");
        assert_eq!(noun(1201usize, "ligne", "lignes"), "lignes");
        assert_eq!(plural_unless_one(1, "poste", "postes"), "1 poste");
        assert_eq!(plural_unless_one(0, "poste", "postes"), "0 postes");
        assert_eq!(plural_unless_one(4, "poste", "postes"), "4 postes");
    }

    #[test]
    fn french_day_and_week_labels() {
        let thursday = d(7, 9);
        assert_eq!(date(thursday), "09/07/2026");
        assert_eq!(weekday_short(thursday), "jeu.");
        assert_eq!(weekday_long(thursday), "jeudi");
        assert_eq!(day_label(thursday), "jeu. 09/07");
        assert_eq!(day_label_with_year(thursday), "jeu. 09/07/2026");
        assert_eq!(week_label(thursday), "Semaine du lun. 06/07/2026");
        assert_eq!(week_label(d(7, 12)), "Semaine du lun. 06/07/2026");
        assert_eq!(date_in_words(d(8, 15)), "samedi 15 août 2026");
    }

    #[test]
    fn french_month_names() {
        assert_eq!(month_name(1), "janvier");
        assert_eq!(month_name(2), "février");
        assert_eq!(month_name(12), "décembre");
        assert_eq!(month_name(0), "");
        assert_eq!(month_name(13), "");
    }

    #[test]
    fn compacts_runs_of_consecutive_days() {
        let dates = [
            d(7, 6),
            d(7, 7),
            d(7, 8),
            d(7, 9),
            d(7, 10),
            d(7, 13),
            d(7, 14),
            d(7, 20),
        ];
        assert_eq!(compact_dates(&dates), "06/07–10/07, 13/07–14/07, 20/07");
        assert_eq!(compact_dates(&[]), "");
    }

    #[test]
    fn spans_read_as_french_prose() {
        assert_eq!(date_span_words(d(7, 13), d(7, 24)), "du 13 au 24 juillet");
        assert_eq!(
            date_span_words(d(6, 30), d(7, 4)),
            "du 30 juin au 4 juillet"
        );
        assert_eq!(date_span_words(d(7, 14), d(7, 14)), "le 14 juillet");
        assert_eq!(date_span_words(d(8, 1), d(8, 1)), "le 1er août");
    }
}
