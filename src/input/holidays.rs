//! Public holidays inside a `Du`/`Au` range of `Previsions`: a range written "Monday to Friday"
//! over the week of 14 July does not mean the accueil opens on 14 July. They are left out of the
//! ranges of accueils without accommodation, with a remark; a `Date` row on a public holiday is
//! kept, and séjours and mini-camps, where the children stay, keep every day. A `Regles` row
//! (`Jours feries dans les periodes` = `inclus`) keeps them in the ranges.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::{AcmType, InputRemark, RemarkKind, SourceRef, normalize_key};
use crate::error::InputError;
use crate::rules::calendar::public_holiday_name;
use crate::schema::regles::{HOLIDAYS_IN_RANGES, HOLIDAYS_IN_RANGES_VALUES};

/// Whether public holidays stay in `Du`/`Au` ranges, and the `Regles` row that said so.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HolidaySetting {
    pub keep: bool,
    pub source: Option<SourceRef>,
}

impl HolidaySetting {
    /// Takes the `Jours feries dans les periodes` row out of the `Regles` rows (the other rows
    /// are `rules::Parameters`' business); a bad value is reported.
    pub fn take_from(
        rows: &mut Vec<(String, String, SourceRef)>,
        value_column: &str,
        errors: &mut Vec<InputError>,
    ) -> HolidaySetting {
        let key = normalize_key(HOLIDAYS_IN_RANGES);
        let mut setting = HolidaySetting::default();
        rows.retain(|(name, value, source)| {
            if normalize_key(name) != key {
                return true;
            }
            match normalize_key(value).as_str() {
                "exclus" | "exclu" | "exclure" | "non" | "retires" | "sans" => {
                    setting = HolidaySetting {
                        keep: false,
                        source: Some(source.clone()),
                    };
                }
                "inclus" | "inclu" | "inclure" | "oui" | "gardes" | "avec" => {
                    setting = HolidaySetting {
                        keep: true,
                        source: Some(source.clone()),
                    };
                }
                _ => errors.push(
                    InputError::new(
                        &source.file,
                        format!(
                            "valeur attendue pour « {HOLIDAYS_IN_RANGES} » : {} (par défaut) ou {}",
                            HOLIDAYS_IN_RANGES_VALUES[0], HOLIDAYS_IN_RANGES_VALUES[1]
                        ),
                    )
                    .sheet(&source.sheet)
                    .row(source.row)
                    .column(value_column)
                    .value(value.clone()),
                ),
            }
            false
        });
        setting
    }
}

/// Whether the children stay overnight: every day of a séjour's range is a day of the séjour.
fn has_accommodation(kind: AcmType) -> bool {
    matches!(kind, AcmType::Sejour | AcmType::MiniCamp)
}

/// The public holidays met in the ranges of one sheet, with the rows of each.
#[derive(Debug, Default)]
pub(crate) struct HolidaysInRanges {
    by_date: BTreeMap<NaiveDate, Vec<u32>>,
}

impl HolidaysInRanges {
    /// The days of a range row, without its public holidays unless they are kept or the ACM
    /// has accommodation (`kind` unknown: kept).
    pub fn filter(
        &mut self,
        setting: &HolidaySetting,
        kind: Option<AcmType>,
        row: u32,
        days: Vec<NaiveDate>,
    ) -> Vec<NaiveDate> {
        if kind.is_none_or(has_accommodation) {
            return days;
        }
        let mut kept = Vec::with_capacity(days.len());
        for day in days {
            if public_holiday_name(day).is_some() {
                self.by_date.entry(day).or_default().push(row);
                if !setting.keep {
                    continue;
                }
            }
            kept.push(day);
        }
        kept
    }

    /// The remark on the holidays left out (or kept by the `Regles` row).
    pub fn remark(&self, file: &str, sheet: &str, setting: &HolidaySetting) -> Option<InputRemark> {
        if self.by_date.is_empty() {
            return None;
        }
        let days: Vec<String> = self
            .by_date
            .keys()
            .map(|day| {
                format!(
                    "{} ({})",
                    day.format("%d/%m/%Y"),
                    public_holiday_name(*day).unwrap_or_default()
                )
            })
            .collect();
        let rows = self.by_date.values().flatten().copied();
        let (kind, message) = if setting.keep {
            let place = setting
                .source
                .as_ref()
                .map(|s| format!(" (feuille « {} », ligne {})", s.sheet, s.row))
                .unwrap_or_default();
            (
                RemarkKind::HolidaysKept,
                format!(
                    "jours fériés gardés dans les périodes Du/Au, comme le demande la ligne « \
                     {HOLIDAYS_IN_RANGES} » = inclus{place} : {}",
                    days.join(", ")
                ),
            )
        } else {
            (
                RemarkKind::HolidaysLeftOut,
                format!(
                    "jours fériés retirés des périodes Du/Au (accueil fermé ces jours-là) : {} ; \
                     pour les garder, ajouter dans Regles la ligne « {HOLIDAYS_IN_RANGES} » = \
                     inclus, ou une ligne Date pour ce jour",
                    days.join(", ")
                ),
            )
        };
        Some(InputRemark::new(file, sheet, kind, message).rows(rows))
    }
}

/// The `Date` rows on a public holiday, at accueils without accommodation: kept (the accueil
/// may open that day), with a remark, since a row copied down a column of dates lands on
/// 25 December as easily as on any other day.
#[derive(Debug, Default)]
pub(crate) struct HolidaysOnDates {
    by_date: BTreeMap<NaiveDate, Vec<u32>>,
}

impl HolidaysOnDates {
    /// Notes the row of a `Date` forecast (`kind` unknown: not noted).
    pub fn note(&mut self, kind: Option<AcmType>, row: u32, date: NaiveDate) {
        if kind.is_some_and(|k| !has_accommodation(k)) && public_holiday_name(date).is_some() {
            self.by_date.entry(date).or_default().push(row);
        }
    }

    /// The remark on the forecasts kept on public holidays.
    pub fn remark(&self, file: &str, sheet: &str) -> Option<InputRemark> {
        if self.by_date.is_empty() {
            return None;
        }
        let days: Vec<String> = self
            .by_date
            .keys()
            .map(|day| {
                format!(
                    "{} ({})",
                    day.format("%d/%m/%Y"),
                    public_holiday_name(*day).unwrap_or_default()
                )
            })
            .collect();
        let rows = self.by_date.values().flatten().copied();
        let message = format!(
            "prévisions un jour férié, gardées (l'accueil ouvre ce jour-là) : {} ; si \
             l'accueil est fermé, supprimez ces lignes",
            days.join(", ")
        );
        Some(InputRemark::new(file, sheet, RemarkKind::ForecastOnHoliday, message).rows(rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 7, d).expect("date")
    }

    #[test]
    fn holidays_leave_day_ranges_but_not_stays() {
        let setting = HolidaySetting::default();
        let mut found = HolidaysInRanges::default();
        let week: Vec<NaiveDate> = (13..=17).map(day).collect();
        let kept = found.filter(&setting, Some(AcmType::AccueilLoisirs), 4, week.clone());
        assert_eq!(kept, vec![day(13), day(15), day(16), day(17)]);
        let stay = found.filter(&setting, Some(AcmType::Sejour), 5, week.clone());
        assert_eq!(stay, week);
        let remark = found
            .remark("e.xlsx", "Previsions", &setting)
            .expect("remark");
        assert_eq!(remark.kind, RemarkKind::HolidaysLeftOut);
        assert_eq!(remark.rows, vec![4]);
        assert!(
            remark.message.contains("14/07/2026 (Fête nationale)"),
            "{}",
            remark.message
        );
    }

    #[test]
    fn the_regles_row_keeps_them() {
        let source = SourceRef {
            file: "e.xlsx".into(),
            sheet: "Regles".into(),
            row: 3,
        };
        let mut rows = vec![
            (
                "Methode ages mixtes".into(),
                "global".into(),
                source.clone(),
            ),
            (
                "Jours fériés dans les périodes".into(),
                "Inclus".into(),
                source.clone(),
            ),
        ];
        let mut errors = Vec::new();
        let setting = HolidaySetting::take_from(&mut rows, "Valeur", &mut errors);
        assert!(setting.keep);
        assert_eq!(rows.len(), 1);
        assert!(errors.is_empty());
        let mut bad = vec![(
            "Jours feries dans les periodes".into(),
            "peut-être".into(),
            source,
        )];
        HolidaySetting::take_from(&mut bad, "Valeur", &mut errors);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("exclus (par défaut) ou inclus"));
    }
}
