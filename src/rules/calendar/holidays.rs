//! The French public holidays (Code du travail L3133-1): fixed dates, and the movable feasts
//! computed from Easter.

use chrono::{Datelike, Duration, NaiveDate};

fn ymd((year, month, day): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// Easter Sunday of `year` (Gregorian calendar, anonymous algorithm of Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd((year, month as u32, day as u32))
}

/// The 11 public holidays of Code du travail L3133-1 for `year`, in date order, with names.
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let easter = easter_sunday(year);
    let mut days = vec![
        (ymd((year, 1, 1)), "Jour de l'an"),
        (easter + Duration::days(1), "Lundi de Pâques"),
        (ymd((year, 5, 1)), "Fête du Travail"),
        (ymd((year, 5, 8)), "Victoire 1945"),
        (easter + Duration::days(39), "Ascension"),
        (easter + Duration::days(50), "Lundi de Pentecôte"),
        (ymd((year, 7, 14)), "Fête nationale"),
        (ymd((year, 8, 15)), "Assomption"),
        (ymd((year, 11, 1)), "Toussaint"),
        (ymd((year, 11, 11)), "Armistice 1918"),
        (ymd((year, 12, 25)), "Noël"),
    ];
    days.sort();
    days
}

/// Whether `date` is one of the 11 public holidays (L3133-1).
pub fn is_public_holiday(date: NaiveDate) -> bool {
    public_holidays(date.year())
        .iter()
        .any(|(day, _)| *day == date)
}

/// The public holiday's name, if `date` is one.
pub fn public_holiday_name(date: NaiveDate) -> Option<&'static str> {
    public_holidays(date.year())
        .into_iter()
        .find(|(day, _)| *day == date)
        .map(|(_, n)| n)
}
