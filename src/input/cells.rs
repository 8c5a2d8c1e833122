//! One cell → one typed value. Each parser accepts what French users type in Excel or LibreOffice
//! and, when it cannot, returns what it expected, in French, for the error message.

use calamine::Data;
use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::{Cents, Certificate, Minutes, did_you_mean, echoed, normalize_key};
use crate::rules::qualifications::{
    CERTIFICATES_ACCEPTED, Diplomas, UnknownParts, closest_labels, parse_certificates,
    parse_diplomas,
};

pub(crate) const DATE_EXPECTED: &str =
    "date attendue (JJ/MM/AAAA, AAAA-MM-JJ, numéro de série Excel ou cellule au format date)";
pub(crate) const TIME_EXPECTED: &str =
    "heure attendue (08:30, 8h30, 8h ou cellule au format heure)";
pub(crate) const COUNT_EXPECTED: &str = "nombre entier positif ou nul attendu";
pub(crate) const BOOL_EXPECTED: &str = "oui ou non attendu (oui, non, x, vrai, faux, 1, 0)";
pub(crate) const EUROS_EXPECTED: &str = "montant en euros attendu (par exemple 70 ou 70,50)";

/// Whether a cell holds nothing (an empty cell or only spaces).
pub(crate) fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// The cell as the user sees it, for messages and for text columns.
pub(crate) fn display(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.trim().to_string(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => value.to_string(),
        Data::Bool(true) => "VRAI".to_string(),
        Data::Bool(false) => "FAUX".to_string(),
        Data::DateTime(datetime) => display_excel_datetime(datetime.as_f64(), cell),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
    }
}

fn display_excel_datetime(value: f64, cell: &Data) -> String {
    if (0.0..1.0).contains(&value) {
        return time(cell).map_or_else(|_| value.to_string(), |m| m.to_string());
    }
    match date(cell) {
        Ok(day) if value.fract() == 0.0 => day.format("%d/%m/%Y").to_string(),
        Ok(day) => match time(cell) {
            Ok(minutes) => format!("{} {minutes}", day.format("%d/%m/%Y")),
            Err(_) => day.format("%d/%m/%Y").to_string(),
        },
        Err(_) => value.to_string(),
    }
}

/// The cell as text, `None` when blank. Numbers keep their plain form (`12`, not `12.0`).
pub(crate) fn text(cell: &Data) -> Option<String> {
    if is_blank(cell) {
        None
    } else {
        Some(display(cell))
    }
}

/// A date: date cell, Excel serial number, `dd/mm/yyyy`, `d/m/yyyy`, `yyyy-mm-dd` (ODS cells are
/// ISO text).
pub(crate) fn date(cell: &Data) -> Result<NaiveDate, String> {
    let parsed = match cell {
        Data::DateTime(datetime) if datetime.is_datetime() && datetime.as_f64() >= 1.0 => {
            datetime.as_datetime().map(|d| d.date())
        }
        Data::DateTimeIso(text) => date_text(text),
        Data::Int(value) => serial_date(*value as f64),
        Data::Float(value) => serial_date(*value),
        Data::String(text) => date_text(text),
        _ => None,
    };
    parsed.ok_or_else(|| match cell {
        Data::String(text) | Data::DateTimeIso(text) => {
            impossible_date(text).unwrap_or_else(|| DATE_EXPECTED.to_string())
        }
        _ => DATE_EXPECTED.to_string(),
    })
}

/// Why a date written in full (`31/02/2027`) is not a day of the calendar: `février 2027 n'a
/// que 28 jours`, `il n'y a pas de mois 13`; `None` when the text is not such a date.
pub fn impossible_date(text: &str) -> Option<String> {
    let first = text.split_whitespace().next()?;
    let parts: Vec<u32> = first
        .split(['/', '-', '.'])
        .map(|part| part.parse().ok())
        .collect::<Option<_>>()?;
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let (year, month, day) = if *first > 31 {
        (*first, *second, *third)
    } else if *third >= 1000 {
        (*third, *second, *first)
    } else {
        return None;
    };
    let year = i32::try_from(year).ok()?;
    if NaiveDate::from_ymd_opt(year, month, day).is_some() || day == 0 {
        return None;
    }
    if !(1..=12).contains(&month) {
        return Some(format!(
            "date impossible : il n'y a pas de mois {month} ; {DATE_EXPECTED}"
        ));
    }
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let days = next.pred_opt()?.day();
    Some(format!(
        "ce jour n'existe pas : {} {year} n'a que {days} jours",
        MONTHS[usize::try_from(month - 1).ok()?]
    ))
}

/// The months, in French.
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

/// Excel's day count from 1899-12-30 (exact from 1 March 1900 on, which is all that matters).
fn serial_date(value: f64) -> Option<NaiveDate> {
    if value.fract() != 0.0 || !(1.0..=2_958_465.0).contains(&value) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(value as i64))
}

/// `07/07/2025`, `7/7/2025`, `07/07/25`, `07.07.2025`, `2025-07-07`, `2025-07-07T00:00:00`,
/// `07/07/2025 00:00`, or a serial number typed as text.
pub(crate) fn date_text(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let first = text
        .split(|c: char| c == 'T' || c.is_whitespace())
        .next()
        .unwrap_or_default();
    // Grid headers are often written `lun. 07/07/2025`: the date may follow a weekday name.
    date_token(first).or_else(|| {
        let mut tokens = text.split_whitespace();
        let weekday = tokens.next()?;
        let date = tokens.next()?;
        let is_weekday_name = weekday
            .trim_end_matches(['.', ','])
            .chars()
            .all(char::is_alphabetic);
        if is_weekday_name && tokens.next().is_none() {
            date_token(date)
        } else {
            None
        }
    })
}

fn date_token(day_part: &str) -> Option<NaiveDate> {
    if !day_part.is_empty() && day_part.chars().all(|c| c.is_ascii_digit()) {
        return day_part.parse::<f64>().ok().and_then(serial_date);
    }
    let parts: Vec<&str> = day_part.split(['/', '-', '.']).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str| -> Option<u32> {
        if part.is_empty() || part.len() > 4 || !part.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, day) = if first.len() == 4 {
        (number(first)?, number(second)?, number(third)?)
    } else {
        let year = match third.len() {
            2 => 2000 + number(third)?,
            4 => number(third)?,
            _ => return None,
        };
        (year, number(second)?, number(first)?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A time of day: time cell, day fraction, ODS duration, `08:30`, `8h30`, `8h`, `08:30:00`.
pub(crate) fn time(cell: &Data) -> Result<Minutes, String> {
    let parsed = match cell {
        Data::DateTime(datetime) => day_fraction(datetime.as_f64().fract()),
        Data::Float(value) if (0.0..1.0).contains(value) => day_fraction(*value),
        Data::Float(value) if value.fract() == 0.0 => whole_hours(*value as i64),
        Data::Int(value) => whole_hours(*value),
        Data::DurationIso(text) => iso_duration(text),
        Data::DateTimeIso(text) => text
            .split_once('T')
            .map_or(Some(text.as_str()), |(_, clock)| Some(clock))
            .and_then(time_text),
        Data::String(text) => time_text(text),
        _ => None,
    };
    parsed.ok_or_else(|| TIME_EXPECTED.to_string())
}

fn day_fraction(fraction: f64) -> Option<Minutes> {
    let minutes = (fraction * 1440.0).round();
    if (0.0..=1440.0).contains(&minutes) {
        Some(Minutes(minutes as u16))
    } else {
        None
    }
}

fn whole_hours(hours: i64) -> Option<Minutes> {
    let hours = u16::try_from(hours).ok().filter(|h| *h <= 24)?;
    Some(Minutes::hm(hours, 0))
}

/// `PT08H30M00S` (LibreOffice time cells).
fn iso_duration(text: &str) -> Option<Minutes> {
    let rest = text.trim().strip_prefix("PT")?;
    let (hours, rest) = rest.split_once('H')?;
    let minutes = rest.split_once('M').map_or("0", |(m, _)| m);
    clock(hours, minutes)
}

/// `08:30`, `8:30:00`, `8h30`, `8 h`, `8H`.
pub(crate) fn time_text(text: &str) -> Option<Minutes> {
    let cleaned: String = text
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == 'h' { ':' } else { c })
        .collect();
    let mut parts = cleaned.split(':');
    let hours = parts.next()?;
    let minutes = parts.next().filter(|m| !m.is_empty()).unwrap_or("0");
    // Seconds are allowed (08:30:00) but must be a number.
    if let Some(seconds) = parts.next()
        && !seconds.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    if parts.next().is_some() {
        return None;
    }
    clock(hours, minutes)
}

fn clock(hours: &str, minutes: &str) -> Option<Minutes> {
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(hours) || !digits(minutes) {
        return None;
    }
    let hours: u16 = hours.parse().ok()?;
    let minutes: u16 = minutes.parse().ok()?;
    if minutes >= 60 || hours > 24 || (hours == 24 && minutes > 0) {
        return None;
    }
    Some(Minutes::hm(hours, minutes))
}

/// A non-negative whole number (a float cell like `12.0` is fine, `12.5` or `-3` is not).
pub(crate) fn count(cell: &Data) -> Result<u32, String> {
    let value = match cell {
        Data::Int(value) => Some(*value as f64),
        Data::Float(value) => Some(*value),
        Data::String(text) => text.trim().replace(',', ".").parse::<f64>().ok(),
        _ => None,
    };
    // A formula result like 12.000000000001 is the whole number the user sees.
    value
        .filter(|v| v.is_finite() && (v - v.round()).abs() < 1e-9)
        .map(f64::round)
        .filter(|v| *v >= 0.0 && *v <= f64::from(u32::MAX))
        .map(|v| v as u32)
        .ok_or_else(|| COUNT_EXPECTED.to_string())
}

/// oui/non, yes/no, x, vrai/faux, true/false, 1/0 (an empty cell is `non`, handled by the caller).
pub(crate) fn boolean(cell: &Data) -> Result<bool, String> {
    let parsed = match cell {
        Data::Bool(value) => Some(*value),
        Data::Int(1) => Some(true),
        Data::Int(0) => Some(false),
        Data::Float(value) if *value == 1.0 => Some(true),
        Data::Float(value) if *value == 0.0 => Some(false),
        Data::String(text) => match normalize_key(text).as_str() {
            "oui" | "o" | "yes" | "y" | "x" | "vrai" | "true" | "1" => Some(true),
            "non" | "n" | "no" | "faux" | "false" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    };
    parsed.ok_or_else(|| BOOL_EXPECTED.to_string())
}

/// An amount in euros: a number cell or text like `70`, `70,50`, `51.08 €`.
pub(crate) fn euros(cell: &Data) -> Result<Cents, String> {
    let parsed = match cell {
        Data::Int(_) | Data::Float(_) | Data::String(_) => Cents::parse_euros(&display(cell)),
        _ => None,
    };
    parsed.ok_or_else(|| EUROS_EXPECTED.to_string())
}

/// A `Qualification` cell of `Animateurs` as people write it: one diploma, or several
/// certificates (`BAFA + PSC1`, `BAFA, SB`, `BAFA (PSC1)`). An unknown part is named, with the
/// accepted values.
pub(crate) fn diplomas(cell: &Data) -> Result<Diplomas, String> {
    let text = display(cell);
    match parse_diplomas(&text) {
        Some(Ok(read)) => Ok(read),
        Some(Err(UnknownParts(parts))) => Err(unknown_diplomas(&text, &parts)),
        None => Err(format!("qualification manquante ; {}", common_diplomas())),
    }
}

/// An unknown qualification: the part not recognised, the closest accepted value, and the
/// common ones (the whole list is in the template's `Aide` sheet).
fn unknown_diplomas(text: &str, parts: &[String]) -> String {
    let mut message = if parts.len() == 1 && parts[0] == text {
        "qualification inconnue".to_string()
    } else {
        format!("qualification inconnue : {}", parts_named(parts))
    };
    let mut suggested = false;
    for part in parts {
        let suggestions = closest_labels(part);
        if suggestions.is_empty() {
            continue;
        }
        message.push_str(" ; ");
        if parts.len() > 1 {
            message.push_str(&format!("« {} » : ", echoed(part)));
        }
        message.push_str(&did_you_mean(&suggestions));
        suggested = true;
    }
    if suggested {
        format!("{message} ({})", common_diplomas())
    } else {
        format!("{message} ; {}", common_diplomas())
    }
}

/// An `Autres diplomes` cell: certificates only (PSC1, SB, BNSSA…).
pub(crate) fn certificates(cell: &Data) -> Result<Vec<Certificate>, String> {
    parse_certificates(&display(cell)).map_err(|UnknownParts(parts)| {
        let diplomas: Vec<&String> = parts
            .iter()
            .filter(|part| parse_diplomas(part).is_some_and(|read| read.is_ok()))
            .collect();
        let hint = if diplomas.is_empty() {
            String::new()
        } else {
            " (un diplôme d'animation ou de direction s'écrit dans la colonne « Qualification », \
             par exemple « BAFA + PSC1 »)"
                .to_string()
        };
        format!(
            "autre diplôme inconnu : {}{hint} ; valeurs acceptées : {CERTIFICATES_ACCEPTED}, \
             séparées par +, virgule ou /",
            parts_named(&parts)
        )
    })
}

/// `« PSC9 »`, `« PSC9 » et « XYZ »`.
fn parts_named(parts: &[String]) -> String {
    let quoted: Vec<String> = parts.iter().map(|p| format!("« {} »", echoed(p))).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!("{one} n'est pas reconnu"),
        [init @ .., last] => format!("{} et {last} ne sont pas reconnus", init.join(", ")),
    }
}

/// The qualifications people write most, and where the others are listed.
fn common_diplomas() -> String {
    format!(
        "valeurs courantes : {} (la liste complète est dans la feuille Aide du modèle, \
         « acm-planner template »), suivies si besoin d'autres diplômes : \
         {CERTIFICATES_ACCEPTED}, séparés par + ou une virgule (« BAFA + PSC1 »)",
        COMMON_QUALIFICATIONS.join(", ")
    )
}

/// The labels of [`CANONICAL`] people write most.
const COMMON_QUALIFICATIONS: [&str; 9] = [
    "BAFA",
    "stagiaire BAFA",
    "sans qualification",
    "BAFD",
    "stagiaire BAFD",
    "BPJEPS",
    "BPJEPS LTP",
    "DEJEPS",
    "CAP AEPE",
];

/// `A`, `Z`, `AA`, `XFD`: the letters of a 0-based column index.
pub(crate) fn column_letters(column: u64) -> String {
    let mut letters = Vec::new();
    let mut rest = column + 1;
    while rest > 0 {
        let digit = u8::try_from((rest - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + digit));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// `XFD1048576`: a cell's name from its 0-based row and column.
pub(crate) fn cell_name(row: u64, column: u64) -> String {
    format!("{}{}", column_letters(column), row + 1)
}

#[cfg(test)]
mod tests {
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn a_day_that_does_not_exist_is_named() {
        let error = date(&Data::String("31/02/2027".into())).expect_err("no 31 February");
        assert_eq!(
            error,
            "ce jour n'existe pas : février 2027 n'a que 28 jours"
        );
        assert_eq!(
            impossible_date("2028-02-30").as_deref(),
            Some("ce jour n'existe pas : février 2028 n'a que 29 jours")
        );
        assert_eq!(
            impossible_date("31/04/2026").as_deref(),
            Some("ce jour n'existe pas : avril 2026 n'a que 30 jours")
        );
        assert!(
            impossible_date("12/13/2026").is_some_and(|m| m.contains("pas de mois 13")),
            "month 13"
        );
        assert_eq!(impossible_date("28/02/2027"), None, "a real day");
        assert_eq!(impossible_date("demain"), None);
        assert_eq!(
            date(&Data::String("demain".into())).expect_err("not a date"),
            DATE_EXPECTED
        );
    }

    #[test]
    fn dates_in_every_form() {
        let expected = ymd(2025, 7, 7);
        let excel = Data::DateTime(ExcelDateTime::new(
            45845.0,
            ExcelDateTimeType::DateTime,
            false,
        ));
        let cases = [
            excel,
            Data::Float(45845.0),
            Data::Int(45845),
            Data::String("07/07/2025".into()),
            Data::String("7/7/2025".into()),
            Data::String(" 2025-07-07 ".into()),
            Data::String("07/07/25".into()),
            Data::String("lun. 07/07/2025".into()),
            Data::String("lundi 7/7/2025".into()),
            Data::DateTimeIso("2025-07-07".into()),
            Data::DateTimeIso("2025-07-07T00:00:00".into()),
        ];
        for cell in cases {
            assert_eq!(date(&cell), Ok(expected), "{cell:?}");
        }
        for bad in [
            "31/02/2025",
            "lundi",
            "2025/13/01",
            "7/7",
            "",
            "lundi 7/7 matin",
        ] {
            assert!(date(&Data::String(bad.into())).is_err(), "{bad}");
        }
        assert!(date(&Data::Float(45845.5)).is_err());
        assert!(date(&Data::Float(-3.0)).is_err());
    }

    #[test]
    fn times_in_every_form() {
        let expected = Minutes::hm(8, 30);
        let excel = Data::DateTime(ExcelDateTime::new(
            510.0 / 1440.0,
            ExcelDateTimeType::DateTime,
            false,
        ));
        let cases = [
            excel,
            Data::Float(510.0 / 1440.0),
            Data::String("08:30".into()),
            Data::String("8:30".into()),
            Data::String("8h30".into()),
            Data::String("8 H 30".into()),
            Data::String("08:30:00".into()),
            Data::DurationIso("PT08H30M00S".into()),
            Data::DateTimeIso("1899-12-30T08:30:00".into()),
        ];
        for cell in cases {
            assert_eq!(time(&cell), Ok(expected), "{cell:?}");
        }
        assert_eq!(time(&Data::String("8h".into())), Ok(Minutes::hm(8, 0)));
        assert_eq!(time(&Data::Int(17)), Ok(Minutes::hm(17, 0)));
        for bad in ["25:00", "8h75", "midi", "8:30:xx", ""] {
            assert!(time(&Data::String(bad.into())).is_err(), "{bad}");
        }
    }

    #[test]
    fn counts_must_be_whole_and_non_negative() {
        assert_eq!(count(&Data::Float(12.0)), Ok(12));
        assert_eq!(count(&Data::Int(0)), Ok(0));
        assert_eq!(count(&Data::String(" 7 ".into())), Ok(7));
        assert_eq!(count(&Data::Float(12.000_000_000_001)), Ok(12));
        assert_eq!(count(&Data::Float(-0.0)), Ok(0));
        assert!(count(&Data::Float(12.5)).is_err());
        assert!(count(&Data::Int(-3)).is_err());
        assert!(count(&Data::String("douze".into())).is_err());
    }

    #[test]
    fn booleans_as_typed() {
        for yes in ["oui", "OUI", "Yes", "x", "X", "vrai", "1"] {
            assert_eq!(boolean(&Data::String(yes.into())), Ok(true), "{yes}");
        }
        for no in ["non", "No", "faux", "0"] {
            assert_eq!(boolean(&Data::String(no.into())), Ok(false), "{no}");
        }
        assert_eq!(boolean(&Data::Bool(true)), Ok(true));
        assert_eq!(boolean(&Data::Int(0)), Ok(false));
        assert!(boolean(&Data::String("peut-être".into())).is_err());
    }

    #[test]
    fn euros_from_numbers_and_text() {
        assert_eq!(euros(&Data::Float(70.5)), Ok(Cents(7050)));
        assert_eq!(euros(&Data::Int(70)), Ok(Cents(7000)));
        assert_eq!(euros(&Data::String("51,08 €".into())), Ok(Cents(5108)));
        assert!(euros(&Data::String("beaucoup".into())).is_err());
    }

    #[test]
    fn cells_are_named_as_in_a_spreadsheet() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn combined_qualifications_name_the_unknown_part() {
        let read = diplomas(&Data::String("BAFA + PSC1".into())).expect("known");
        assert_eq!(read.qualification.label, "BAFA");
        assert_eq!(read.certificats, vec![Certificate::Psc1]);
        let error = diplomas(&Data::String("BAFA + PCS1".into())).expect_err("unknown part");
        assert!(error.contains("« PCS1 » n'est pas reconnu"), "{error}");
        assert!(error.contains("PSC1 (ou AFPS)"), "{error}");
        let error = certificates(&Data::String("PSC1, BAFA".into())).expect_err("a diploma");
        assert!(error.contains("colonne « Qualification »"), "{error}");
    }

    #[test]
    fn display_keeps_what_the_user_typed() {
        assert_eq!(display(&Data::Float(12.0)), "12");
        assert_eq!(display(&Data::Float(12.5)), "12.5");
        let excel = Data::DateTime(ExcelDateTime::new(
            45845.0,
            ExcelDateTimeType::DateTime,
            false,
        ));
        assert_eq!(display(&excel), "07/07/2025");
    }
}
