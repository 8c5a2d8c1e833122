//! The three shapes of the official calendar, on the samples of `tests/data/calendriers/`: each
//! reproduces the built-in 2025-26 zone-B calendar (acm-rules.md §8) day by day, and each knows
//! the 2026-27 winter of zones A and B.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use super::read_calendar_file;
use crate::domain::DayKind;
use crate::error::InputError;
use crate::rules::calendar::{Calendar, CalendarFile, CalendarFormat, SchoolZone};

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/calendriers")
        .join(name)
}

const SAMPLES: [(&str, CalendarFormat); 4] = [
    ("Zone-A-B-C-Corse.ics", CalendarFormat::Ics),
    ("Zone-B.ics", CalendarFormat::Ics),
    ("fr-en-calendrier-scolaire.csv", CalendarFormat::OpenData),
    ("vacances-scolaires.csv", CalendarFormat::Daily),
];

fn read(name: &str) -> CalendarFile {
    read_calendar_file(&sample(name)).unwrap_or_else(|errors| panic!("{name}: {errors:?}"))
}

/// A temporary file with `text`, removed when dropped.
struct Temporary(PathBuf);

impl Temporary {
    /// `name` in a folder of its own (tests run in parallel and reuse names).
    fn new(name: &str, text: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let folder = format!(
            "acm-calendar-file-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        let dir = std::env::temp_dir().join(folder);
        std::fs::create_dir_all(&dir).expect("folder");
        let path = dir.join(name);
        std::fs::write(&path, text).expect("written");
        Temporary(path)
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn errors_of(name: &str, text: &str) -> Vec<InputError> {
    let file = Temporary::new(name, text);
    read_calendar_file(&file.0).expect_err("a bad calendar")
}

#[test]
fn every_shape_reproduces_the_built_in_2025_26_zone_b_calendar() {
    let built_in = Calendar::new(&[]);
    for (name, format) in SAMPLES {
        let file = read(name);
        assert_eq!(file.format, format, "{name}");
        let calendar = Calendar::for_zone(SchoolZone::B, &[])
            .with_file(&file, None)
            .expect("zone B");
        for date in day(2025, 9, 1)
            .iter_days()
            .take_while(|d| *d <= day(2026, 8, 30))
        {
            assert_eq!(
                calendar.classify(date),
                built_in.classify(date),
                "{name}, {date}"
            );
            assert_eq!(
                calendar.holiday_period(date),
                built_in.holiday_period(date),
                "{name}, {date}"
            );
        }
    }
}

#[test]
fn every_shape_knows_the_2026_27_winter_of_zones_a_and_b() {
    for (name, _) in SAMPLES {
        let file = read(name);
        let zone_b = Calendar::for_zone(SchoolZone::B, &[])
            .with_file(&file, None)
            .expect("zone B");
        // Zone B: Saturday 20 February (after class) to Monday 8 March 2027.
        assert_eq!(
            zone_b.classify(day(2027, 2, 19)),
            Some(DayKind::School),
            "{name}"
        );
        assert_eq!(
            zone_b.classify(day(2027, 2, 22)),
            Some(DayKind::Holiday),
            "{name}"
        );
        assert_eq!(
            zone_b.classify(day(2027, 3, 1)),
            Some(DayKind::Holiday),
            "{name}"
        );
        assert_eq!(
            zone_b.classify(day(2027, 3, 5)),
            Some(DayKind::Holiday),
            "{name}"
        );
        assert_eq!(
            zone_b.classify(day(2027, 3, 8)),
            Some(DayKind::School),
            "{name}"
        );
        assert_eq!(
            zone_b.holiday_period(day(2027, 3, 1)),
            Some("Hiver"),
            "{name}"
        );
        // The pont of 2027: Friday 7 May.
        assert_eq!(
            zone_b.classify(day(2027, 5, 7)),
            Some(DayKind::NoSchool),
            "{name}"
        );
        if name == "Zone-B.ics" {
            continue;
        }
        let zone_a = Calendar::for_zone(SchoolZone::A, &[])
            .with_file(&file, Some("Lyon"))
            .expect("zone A");
        // Zone A: Saturday 13 February to Monday 1 March 2027.
        assert_eq!(
            zone_a.classify(day(2027, 2, 15)),
            Some(DayKind::Holiday),
            "{name}"
        );
        assert_eq!(
            zone_a.classify(day(2027, 2, 26)),
            Some(DayKind::Holiday),
            "{name}"
        );
        assert_eq!(
            zone_a.classify(day(2027, 3, 1)),
            Some(DayKind::School),
            "{name}"
        );
        assert_eq!(
            zone_a.classify(day(2027, 3, 3)),
            Some(DayKind::School),
            "{name}"
        );
    }
}

#[test]
fn an_unfinished_summer_is_read_until_31_august() {
    for name in ["Zone-A-B-C-Corse.ics", "fr-en-calendrier-scolaire.csv"] {
        let file = read(name);
        assert_eq!(
            file.open_summer(SchoolZone::B),
            Some(day(2027, 7, 3)),
            "{name}"
        );
        let calendar = Calendar::for_zone(SchoolZone::B, &[])
            .with_file(&file, None)
            .expect("zone B");
        assert_eq!(calendar.classify(day(2027, 8, 31)), Some(DayKind::Holiday));
        assert_eq!(calendar.classify(day(2027, 9, 1)), None);
        let source = calendar.source();
        assert_eq!(source.school_years(), Some((2024, 2026)), "{name}");
    }
}

#[test]
fn the_teachers_rows_and_overseas_rows_are_left_out() {
    let file = read("fr-en-calendrier-scolaire.csv");
    let zones = file.zones();
    assert!(!zones.contains(&SchoolZone::Corse));
    assert_eq!(zones.len(), 3);
    // The teachers' summer 2025 ends two days earlier: it must not shorten the pupils' one.
    let calendar = Calendar::for_zone(SchoolZone::A, &[])
        .with_file(&file, Some("Lyon"))
        .expect("zone A");
    assert_eq!(calendar.classify(day(2025, 8, 29)), Some(DayKind::Holiday));
}

#[test]
fn a_file_that_is_no_calendar_names_the_line_and_the_shapes_expected() {
    let errors = errors_of("Zone-B.ics", "\n\nBEGIN:VCARD\nFN:Léa\nEND:VCARD\n");
    assert_eq!(errors.len(), 1);
    let error = &errors[0];
    assert!(error.file.ends_with("Zone-B.ics"), "{error}");
    assert_eq!(error.row, Some(3));
    assert_eq!(error.value.as_deref(), Some("BEGIN:VCARD"));
    assert!(
        error.message.contains("format de calendrier non reconnu"),
        "{error}"
    );
    assert!(
        error.message.contains("fr-en-calendrier-scolaire"),
        "{error}"
    );
}

#[test]
fn ics_errors_name_the_line_and_the_value() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2027022\r\n\
                DTEND;VALUE=DATE:20270308\r\nSUMMARY:Vacances d'Hiver - Zone B\r\nEND:VEVENT\r\n\
                BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270220\r\nDTEND;VALUE=DATE:20270308\r\n\
                SUMMARY:Vacances d'Hiver - Zone D\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n\
                DTSTART;VALUE=DATE:20270308\r\nDTEND;VALUE=DATE:20270220\r\n\
                SUMMARY:Vacances d'Hiver - Zone B\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n\
                DTSTART:20270220\r\n";
    let errors = errors_of("hiver.ics", text);
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert_eq!(errors[0].row, Some(3));
    assert_eq!(errors[0].value.as_deref(), Some("2027022"));
    assert!(
        errors[0].message.contains("date illisible dans DTSTART"),
        "{}",
        errors[0]
    );
    assert_eq!(errors[1].row, Some(10));
    assert_eq!(
        errors[1].value.as_deref(),
        Some("Vacances d'Hiver - Zone D")
    );
    assert!(errors[1].message.contains("zone inconnue"), "{}", errors[1]);
    assert_eq!(errors[2].row, Some(14));
    assert!(
        errors[2].message.contains("DTEND avant DTSTART"),
        "{}",
        errors[2]
    );
    assert_eq!(errors[3].row, Some(17));
    assert!(
        errors[3].message.contains("sans END:VEVENT"),
        "{}",
        errors[3]
    );
}

#[test]
fn folded_lines_escapes_and_date_times_are_read() {
    // A UTC date-time (midnight in Paris), a folded SUMMARY, an escaped comma, a zone taken
    // from the file name.
    let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270219T230000Z\n\
                DTEND;TZID=Europe/Paris:20270308T000000\nSUMMARY:Vacances d'Hiver\\, élève\n \
                s\nBEGIN:VALARM\nDTSTART:20000101\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n";
    let file = Temporary::new("Zone-B.ics", text);
    let read = read_calendar_file(&file.0).expect("valid");
    assert_eq!(read.breaks.len(), 1);
    let period = &read.breaks[0].period;
    assert_eq!(period.label, "Vacances d'Hiver, élèves");
    assert_eq!(
        (period.start, period.end),
        (day(2027, 2, 20), Some(day(2027, 3, 8)))
    );
    assert_eq!(read.breaks[0].zones, vec![SchoolZone::B]);
}

#[test]
fn csv_errors_name_the_line_the_column_and_the_value() {
    let open_data = "Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire\n\
                     Vacances d'Hiver;-;2027-02-19T23:00:00+00:00;demain;Nantes;Zone B;2026-2027\n\
                     Vacances d'Hiver;Parents;2027-02-19T23:00:00+00:00;;Nantes;Zone B;2026-2027\n";
    let errors = errors_of("export.csv", open_data);
    assert_eq!(errors.len(), 2);
    assert_eq!(
        (errors[0].row, errors[0].column.as_deref()),
        (Some(2), Some("Date de fin"))
    );
    assert_eq!(errors[0].value.as_deref(), Some("demain"));
    assert_eq!(
        (errors[1].row, errors[1].column.as_deref()),
        (Some(3), Some("Population"))
    );
    let missing = errors_of("export.csv", "Description;Zones\nVacances;Zone B\n");
    assert!(
        missing[0].message.contains("Date de début, Date de fin"),
        "{}",
        missing[0]
    );
    let daily = "date,vacances_zone_a,vacances_zone_b,vacances_zone_c,nom_vacances\n\
                 2027-02-19,False,False,False,\n2027-02-20,True,peut-être,False,Vacances d'hiver\n\
                 2027-02-22,True,True,False,Vacances d'hiver\n";
    let errors = errors_of("jours.csv", daily);
    assert_eq!(errors.len(), 2);
    assert_eq!(
        (errors[0].row, errors[0].column.as_deref()),
        (Some(3), Some("vacances_zone_b"))
    );
    assert_eq!(errors[0].value.as_deref(), Some("peut-être"));
    assert_eq!(errors[1].row, Some(4));
    assert!(
        errors[1].message.contains("attendu le 2027-02-21"),
        "{}",
        errors[1]
    );
}
