//! The optional `Calendrier` sheet: overrides of the built-in zone-B calendar, one date or one
//! range (`Du`, `Au`, every day) per row (`schema::calendrier`).

use calamine::Data;

use super::cells;
use super::dates::DateColumns;
use super::table::Sheet;
use crate::domain::{CalendarOverride, DayKind, normalize_key};
use crate::error::InputError;
use crate::schema::calendrier::{DATES, TYPE};

pub(crate) fn read(sheet: &Sheet, errors: &mut Vec<InputError>) -> Vec<CalendarOverride> {
    let kind = sheet.require(&TYPE, errors);
    let dates = DateColumns::find(sheet, &DATES, errors);
    let (Some(kind), Some(dates)) = (kind, dates) else {
        return Vec::new();
    };
    let mut overrides = Vec::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let days = dates.read(&mut reader);
        let kind_value = reader.required(Some(kind), TYPE.name, parse_day_kind);
        if let (Some(days), Some(kind_value)) = (days, kind_value) {
            overrides.extend(days.into_iter().map(|date| CalendarOverride {
                date,
                kind: kind_value,
            }));
        }
    }
    overrides
}

/// `ecole`/`periscolaire` → school day, `vacances`/`extrascolaire` → holiday, `sans ecole` →
/// weekday without school outside the holidays.
fn parse_day_kind(cell: &Data) -> Result<DayKind, String> {
    match normalize_key(&cells::display(cell)).as_str() {
        "ecole" | "periscolaire" | "jourdecole" | "school" | "schoolday" | "scolaire" => {
            Ok(DayKind::School)
        }
        "vacances" | "extrascolaire" | "holiday" | "holidays" | "vacancesscolaires" => {
            Ok(DayKind::Holiday)
        }
        "sansecole" | "noschool" | "joursansecole" | "pont" | "ferie" | "jourferie" => {
            Ok(DayKind::NoSchool)
        }
        _ => Err(
            "type de jour inconnu ; valeurs acceptées : ecole (ou periscolaire), vacances (ou \
             extrascolaire), sans ecole"
                .to_string(),
        ),
    }
}
