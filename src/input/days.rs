//! Days of the week as users write them: `lun`, `lundi`, `mon`, lists and ranges (`lun-ven`).

use calamine::Data;
use chrono::Weekday;

use super::cells;
use crate::domain::normalize_key;

const WEEKDAYS_EXPECTED: &str = "jours attendus : lun, mar, mer, jeu, ven, sam, dim, séparés par \
                                 des virgules (ou une plage comme lun-ven)";

/// `lun,mar,mer,jeu,ven`, `lundi; mercredi`, `lun-ven`, `mon,tue`.
pub(crate) fn parse_weekdays(cell: &Data) -> Result<Vec<Weekday>, String> {
    let text = cells::display(cell).to_lowercase();
    let mut days = Vec::new();
    for token in text
        .split([',', ';', '/', '+', ' ', '\n'])
        .filter(|t| !t.trim().is_empty())
    {
        let day_range = match token.split_once(['-', '–']) {
            Some((first, last)) => weekday(first).zip(weekday(last)),
            None => weekday(token).map(|day| (day, day)),
        };
        let Some((first, last)) = day_range else {
            return Err(WEEKDAYS_EXPECTED.to_string());
        };
        let mut day = first;
        loop {
            if !days.contains(&day) {
                days.push(day);
            }
            if day == last {
                break;
            }
            day = day.succ();
        }
    }
    if days.is_empty() {
        return Err(WEEKDAYS_EXPECTED.to_string());
    }
    Ok(days)
}

/// One day name, French or English, full or short.
pub(crate) fn weekday(text: &str) -> Option<Weekday> {
    let day = match normalize_key(text).as_str() {
        "lun" | "lundi" | "lu" | "mon" | "monday" => Weekday::Mon,
        "mar" | "mardi" | "ma" | "tue" | "tues" | "tuesday" => Weekday::Tue,
        "mer" | "mercredi" | "me" | "wed" | "wednesday" => Weekday::Wed,
        "jeu" | "jeudi" | "je" | "thu" | "thursday" => Weekday::Thu,
        "ven" | "vendredi" | "ve" | "fri" | "friday" => Weekday::Fri,
        "sam" | "samedi" | "sa" | "sat" | "saturday" => Weekday::Sat,
        "dim" | "dimanche" | "di" | "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::dates::MONDAY_TO_FRIDAY;

    #[test]
    fn weekdays_in_lists_and_ranges() {
        let list = parse_weekdays(&Data::String("lun,mar, mer;jeu ven".into()));
        assert_eq!(list, Ok(MONDAY_TO_FRIDAY.to_vec()));
        let range = parse_weekdays(&Data::String("lun-ven".into()));
        assert_eq!(range, Ok(MONDAY_TO_FRIDAY.to_vec()));
        let english = parse_weekdays(&Data::String("Sat, Sunday".into()));
        assert_eq!(english, Ok(vec![Weekday::Sat, Weekday::Sun]));
        assert!(parse_weekdays(&Data::String("lun,fête".into())).is_err());
    }
}
