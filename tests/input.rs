//! Input readers, valid inputs: small workbooks written with rust_xlsxwriter in a temp folder
//! (`input_book`), read back with `read_inputs`, every value checked. The errors are in
//! `input_errors.rs`, availability tables and schedules in `input_schedule.rs`.

use std::path::PathBuf;

use acm_planner::domain::{
    AcmType, AnimationCategory, AvailabilityFlags, CalendarOverride, Cents, Contrat, Creneau,
    DayKind, DirectorLevel, Minutes,
};
use acm_planner::input::Required;
use chrono::NaiveDate;

mod input_book;

#[allow(unused_imports)]
use input_book::*;

// ---------------------------------------------------------------------------------------------
// Valid inputs.

#[test]
fn a_complete_workbook_is_read_with_its_values() {
    let dir = temp_folder("complete");
    let path = complete().save(&dir, "saumur.xlsx");
    let inputs = read_ok(std::slice::from_ref(&path), Required::ForecastsAndStaff);
    assert_eq!(inputs.files, vec![path.display().to_string()]);

    // Accueils.
    assert_eq!(inputs.accueils.len(), 3);
    let doue = inputs.accueil("ALSH-DOUE").expect("ALSH-DOUE");
    assert_eq!(doue.kind, AcmType::AccueilLoisirs);
    assert_eq!(doue.capacite, 60);
    assert_eq!(doue.jours_ouverture, Some(200));
    assert_eq!(doue.secteur.as_deref(), Some("Doué"));
    assert!(!doue.pedt);
    assert_eq!(doue.source.row, 2);
    let gennes = inputs.accueil("PERI-GENNES").expect("PERI-GENNES");
    assert_eq!(gennes.kind, AcmType::Periscolaire);
    assert!(gennes.pedt && gennes.derogation_direction);
    let sejour = inputs.accueil("SEJ-MER").expect("SEJ-MER");
    assert_eq!(sejour.kind, AcmType::Sejour);
    assert!(sejour.tous_14_ans_et_plus);
    assert_eq!(sejour.secteur, None);

    // Previsions: the range skips the weekend; Jours picks Mondays and Wednesdays.
    let doue_days: Vec<NaiveDate> = inputs
        .previsions
        .iter()
        .filter(|p| p.accueil == "ALSH-DOUE" && p.creneau.label == "journee")
        .map(|p| p.date)
        .collect();
    assert_eq!(
        doue_days,
        vec![d(2025, 7, 3), d(2025, 7, 4), d(2025, 7, 7), d(2025, 7, 8)]
    );
    let mornings: Vec<NaiveDate> = inputs
        .previsions
        .iter()
        .filter(|p| p.accueil == "ALSH-DOUE" && p.creneau.label == "matin")
        .map(|p| p.date)
        .collect();
    assert_eq!(mornings, vec![d(2025, 7, 9), d(2025, 7, 16)]);
    let holidays: Vec<&str> = inputs
        .remarks
        .iter()
        .filter(|r| r.kind == acm_planner::domain::RemarkKind::HolidaysLeftOut)
        .map(|r| r.message.as_str())
        .collect();
    assert_eq!(holidays.len(), 1, "{:?}", inputs.remarks);
    assert!(
        holidays[0].contains("14/07/2025 (Fête nationale)"),
        "{}",
        holidays[0]
    );
    assert_eq!(inputs.previsions.len(), 4 + 2 + 1 + 2);
    let first = &inputs.previsions[0];
    assert_eq!(
        (first.moins_de_6, first.six_et_plus, first.renforce),
        (12, 30, 1)
    );
    assert_eq!(
        first.creneau,
        Creneau::standard("journee").expect("journee")
    );
    assert_eq!(first.source.row, 2);
    let matin = inputs
        .previsions
        .iter()
        .find(|p| p.accueil == "PERI-GENNES" && p.creneau.label == "matin")
        .expect("PERI-GENNES matin");
    assert_eq!(matin.date, d(2025, 9, 2));
    assert_eq!(
        (matin.creneau.start, matin.creneau.end),
        (Minutes::hm(7, 30), Minutes::hm(8, 45))
    );
    let soir = inputs
        .previsions
        .iter()
        .find(|p| p.creneau.label == "soir")
        .expect("soir");
    assert_eq!(
        (soir.date, soir.creneau.start, soir.creneau.end),
        (d(2025, 9, 2), Minutes::hm(16, 30), Minutes::hm(18, 30))
    );
    let veillee = inputs
        .previsions
        .iter()
        .find(|p| p.accueil == "SEJ-MER")
        .expect("SEJ-MER");
    assert_eq!(veillee.date, d(2025, 8, 1));
    assert_eq!(veillee.creneau.label, "veillée");
    assert_eq!(
        (veillee.creneau.start, veillee.creneau.end),
        (Minutes::hm(20, 0), Minutes::hm(22, 0))
    );

    // Animateurs.
    assert_eq!(inputs.animateurs.len(), 4);
    let lea = inputs.animateur("A1").expect("A1");
    assert_eq!(lea.full_name(), "Léa Martin");
    assert_eq!(lea.qualification.label, "BAFA");
    assert_eq!(lea.qualification.category, AnimationCategory::Qualified);
    assert_eq!(lea.contrat, Contrat::Cee);
    assert_eq!(lea.jours_cee_anterieurs, 12);
    assert_eq!(lea.cout_journalier, Some(Cents(6550)));
    assert_eq!(lea.date_naissance, Some(d(2005, 3, 12)));
    assert_eq!(lea.accueils_possibles, vec!["PERI-GENNES", "Gennes"]);
    assert_eq!(lea.max_jours, Some(20));
    let tom = inputs.animateur("A2").expect("A2");
    assert_eq!(tom.qualification.category, AnimationCategory::Trainee);
    assert_eq!(tom.jours_cee_anterieurs, 0);
    assert_eq!(tom.cout_journalier, None);
    let zoe = inputs.animateur("A3").expect("A3");
    assert_eq!(zoe.qualification.label, "BPJEPS LTP");
    assert_eq!(zoe.qualification.director, DirectorLevel::Professional);
    assert_eq!(zoe.contrat, Contrat::Cdi);
    assert_eq!(zoe.date_naissance, Some(d(1990, 1, 31)));
    assert_eq!(zoe.accueils_possibles, vec!["tous"]);
    let max = inputs.animateur("A4").expect("A4");
    assert_eq!(max.qualification.category, AnimationCategory::Unqualified);
    assert_eq!(max.contrat, Contrat::Titulaire);

    // Disponibilites grid.
    let availability = &inputs.disponibilites;
    assert_eq!(
        availability.flags("A1", d(2025, 7, 7)),
        AvailabilityFlags::JOURNEE
    );
    assert_eq!(
        availability.flags("A1", d(2025, 7, 8)),
        flags(true, false, true)
    );
    assert!(availability.flags("A1", d(2025, 7, 9)).is_empty());
    assert_eq!(
        availability.flags("A2", d(2025, 7, 7)),
        flags(true, true, false)
    );
    assert_eq!(
        availability.flags("A2", d(2025, 7, 8)),
        AvailabilityFlags::JOURNEE
    );
    assert_eq!(
        availability.flags("A3", d(2025, 7, 8)),
        flags(false, false, true)
    );
    assert!(!availability.has_any("A4"));

    // Regles, Recrutement, Calendrier.
    assert_eq!(inputs.regles.len(), 1);
    assert_eq!(inputs.regles[0].0, "Coût journalier par défaut");
    assert_eq!(inputs.regles[0].1, "72");
    assert_eq!(inputs.regles[0].2.row, 2);
    assert_eq!(inputs.recrutement.len(), 2);
    let bafa = &inputs.recrutement[0];
    assert_eq!(bafa.qualification.label, "BAFA");
    assert_eq!(bafa.secteur.as_deref(), Some("Doué"));
    assert_eq!(
        (bafa.cout_journalier, bafa.cout_fixe),
        (Cents(8500), Cents(15000))
    );
    assert_eq!(bafa.nombre_maximum, 3);
    let trainee = &inputs.recrutement[1];
    assert_eq!(trainee.qualification.category, AnimationCategory::Trainee);
    assert_eq!(trainee.secteur, None);
    // Defaults of the Regles parameters.
    assert_eq!(
        (trainee.cout_fixe, trainee.nombre_maximum),
        (Cents(15000), 30)
    );
    assert_eq!(
        inputs.calendrier,
        vec![
            CalendarOverride {
                date: d(2026, 9, 1),
                kind: DayKind::School
            },
            CalendarOverride {
                date: d(2026, 10, 17),
                kind: DayKind::Holiday
            },
            CalendarOverride {
                date: d(2026, 10, 18),
                kind: DayKind::Holiday
            },
            CalendarOverride {
                date: d(2026, 10, 19),
                kind: DayKind::Holiday
            },
        ]
    );
}

#[test]
fn sheets_are_found_in_whichever_file_has_them_under_english_names() {
    let dir = temp_folder("english");
    let sites = Book::new()
        .sheet(
            "SITES",
            vec![
                row![
                    "code",
                    "Name",
                    "Town",
                    "Type",
                    "Capacity",
                    "Sector",
                    "Attached to"
                ],
                row!["ALSH-A", "Alpha", "Angers", "ALSH", 30, "Nord", ""],
                row!["MC-B", "Camp", "Baugé", "mini camp", 12, "Nord", "alsh-a"],
            ],
        )
        .sheet(
            "Forecast",
            vec![
                row![
                    "Site",
                    "From",
                    "To",
                    "Days",
                    "Slot",
                    "Start",
                    "End",
                    "Under 6",
                    "6 and over"
                ],
                row![
                    "ALSH-A",
                    "07/07/2025",
                    "13/07/2025",
                    "sat, sun",
                    "après-midi",
                    "",
                    "",
                    4,
                    8
                ],
                row![
                    "MC-B",
                    "08/07/2025",
                    "08/07/2025",
                    "",
                    "Evening",
                    "",
                    "",
                    0,
                    12
                ],
            ],
        )
        .save(&dir, "sites.xlsx");
    let staff = Book::new()
        .sheet(
            "Staff",
            vec![
                row![
                    "Id",
                    "Name",
                    "First name",
                    "Qualification",
                    "Contract",
                    "Daily cost",
                    "Birth date",
                    "Max days"
                ],
                row![
                    "S1",
                    "Doe",
                    "Jo",
                    "BAFD stagiaire",
                    "CDD",
                    "80",
                    "2001-05-04",
                    10
                ],
            ],
        )
        .sheet(
            "Availability",
            vec![
                row!["Staff", "Date", "Slot"],
                row!["S1", "12/07/2025", "afternoon"],
            ],
        )
        .save(&dir, "staff.xlsx");
    let inputs = read_ok(&[sites.clone(), staff.clone()], Required::ForecastsAndStaff);
    assert_eq!(
        inputs.files,
        vec![sites.display().to_string(), staff.display().to_string()]
    );
    assert_eq!(inputs.accueils.len(), 2);
    assert_eq!(inputs.accueils[1].kind, AcmType::MiniCamp);
    let weekend: Vec<NaiveDate> = inputs
        .previsions
        .iter()
        .filter(|p| p.accueil == "ALSH-A")
        .map(|p| p.date)
        .collect();
    assert_eq!(weekend, vec![d(2025, 7, 12), d(2025, 7, 13)]);
    assert_eq!(inputs.previsions[0].creneau.label, "apres-midi");
    assert_eq!(inputs.previsions[2].creneau.label, "soir");
    let jo = inputs.animateur("S1").expect("S1");
    assert_eq!(jo.qualification.label, "stagiaire BAFD");
    assert_eq!(jo.qualification.director, DirectorLevel::NonProfessional);
    assert_eq!(jo.contrat, Contrat::Cdd);
    assert_eq!(jo.cout_journalier, Some(Cents(8000)));
    assert_eq!(jo.max_jours, Some(10));
    assert_eq!(
        inputs.disponibilites.flags("S1", d(2025, 7, 12)),
        flags(false, true, false)
    );
}

#[test]
fn a_note_in_parentheses_after_a_header_is_ignored() {
    let dir = temp_folder("header-notes");
    let path = complete()
        .set("Accueils", 1, "Capacité", "Capacité (places)")
        .set("Animateurs", 1, "Coût journalier", "Coût journalier (€)")
        .save(&dir, "notes.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    assert_eq!(inputs.accueil("ALSH-DOUE").map(|a| a.capacite), Some(60));
    assert_eq!(
        inputs.animateur("A1").and_then(|a| a.cout_journalier),
        Some(Cents(6550))
    );
}

#[test]
fn forecasts_alone_do_not_need_staff_sheets() {
    let dir = temp_folder("needs");
    let path = complete()
        .without("Animateurs")
        .without("Disponibilites")
        .save(&dir, "besoins.xlsx");
    let inputs = read_ok(&[path], Required::Forecasts);
    assert_eq!(inputs.accueils.len(), 3);
    assert!(inputs.animateurs.is_empty());
}

#[test]
fn dates_in_all_four_forms() {
    let dir = temp_folder("dates");
    let path = Book::new()
        .sheet("Accueils", accueils())
        .sheet(
            "Previsions",
            vec![
                row![
                    "Accueil",
                    "Date",
                    "Creneau",
                    "Moins de 6 ans",
                    "6 ans et plus"
                ],
                row!["ALSH-DOUE", d(2025, 7, 7), "matin", 1, 1],
                row!["ALSH-DOUE", 45846, "matin", 1, 1],
                row!["ALSH-DOUE", "09/07/2025", "matin", 1, 1],
                row!["ALSH-DOUE", "2025-07-10", "matin", 1, 1],
                row!["ALSH-DOUE", "1/8/2025", "matin", 1, 1],
            ],
        )
        .save(&dir, "dates.xlsx");
    let inputs = read_ok(&[path], Required::Forecasts);
    let dates: Vec<NaiveDate> = inputs.previsions.iter().map(|p| p.date).collect();
    assert_eq!(
        dates,
        vec![
            d(2025, 7, 7),
            d(2025, 7, 8),
            d(2025, 7, 9),
            d(2025, 7, 10),
            d(2025, 8, 1)
        ]
    );
}

#[test]
fn the_header_row_is_the_first_non_empty_row_and_empty_rows_are_skipped() {
    let dir = temp_folder("header");
    let mut accueils = accueils();
    accueils.insert(0, row![]);
    accueils.insert(0, row![]);
    accueils.insert(4, row!["", ""]);
    let path = complete()
        .without("Accueils")
        .sheet("Accueils", accueils)
        .save(&dir, "decale.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    assert_eq!(inputs.accueils.len(), 3);
    let rows: Vec<u32> = inputs.accueils.iter().map(|a| a.source.row).collect();
    assert_eq!(rows, vec![4, 6, 7]);
}

#[test]
fn the_ods_fixture_is_read() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/minimal.ods");
    let inputs = read_ok(std::slice::from_ref(&path), Required::ForecastsAndStaff);
    assert_eq!(inputs.accueils.len(), 3);
    assert_eq!(
        inputs
            .accueil("PERI-GENNES")
            .map(|a| (a.kind, a.pedt, a.capacite)),
        Some((AcmType::Periscolaire, true, 40))
    );
    // Date cells, text dates and serial numbers all come through LibreOffice.
    let doue_days: Vec<NaiveDate> = inputs
        .previsions
        .iter()
        .filter(|p| p.accueil == "ALSH-DOUE" && p.creneau.label == "journee")
        .map(|p| p.date)
        .collect();
    assert_eq!(
        doue_days,
        vec![d(2025, 7, 3), d(2025, 7, 4), d(2025, 7, 7), d(2025, 7, 8)]
    );
    let matin = inputs
        .previsions
        .iter()
        .find(|p| p.accueil == "PERI-GENNES" && p.creneau.label == "matin")
        .expect("PERI-GENNES matin");
    assert_eq!(
        (matin.date, matin.creneau.start, matin.creneau.end),
        (d(2025, 9, 2), Minutes::hm(7, 30), Minutes::hm(8, 45))
    );
    assert_eq!(
        inputs
            .previsions
            .iter()
            .find(|p| p.accueil == "SEJ-MER")
            .map(|p| p.date),
        Some(d(2025, 8, 1))
    );
    let zoe = inputs.animateur("A3").expect("A3");
    assert_eq!(zoe.date_naissance, Some(d(1990, 1, 31)));
    assert_eq!(zoe.cout_journalier, Some(Cents(9500)));
    assert_eq!(
        inputs.disponibilites.flags("A1", d(2025, 7, 7)),
        AvailabilityFlags::JOURNEE
    );
    assert_eq!(
        inputs.disponibilites.flags("A1", d(2025, 7, 8)),
        flags(true, false, true)
    );
    assert_eq!(inputs.calendrier.len(), 4);
}

/// Writes the xlsx `tests/data/minimal.ods` was made from; run with `--ignored`, then
/// `libreoffice --headless --convert-to ods --outdir tests/data tests/data/minimal.xlsx`.
#[test]
#[ignore]
fn write_the_source_of_the_ods_fixture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    complete().save(&dir, "minimal.xlsx");
}
