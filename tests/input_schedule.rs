//! Input readers: availability as a long table, and the schedules `check` reads.

use acm_planner::Error;
use acm_planner::domain::{AvailabilityFlags, Creneau, Inputs, Minutes, Role};
use acm_planner::input::{Required, read_schedule};
use chrono::NaiveDate;

mod input_book;

#[allow(unused_imports)]
use input_book::*;

// ---------------------------------------------------------------------------------------------
// Availability as a long table.

#[test]
fn availability_as_a_long_table() {
    let long = vec![
        row!["Animateur", "Date", "Créneau", "Commentaire"],
        row!["A1", d(2025, 7, 7), "journée"],
        row!["A1", "08/07/2025", "matin"],
        row!["A1", "08/07/2025", "soir"],
        row!["a2", "2025-07-08", "midi"],
        row!["A3", "09/07/2025", "après-midi"],
        row!["A4", "10/07/2025", "S"],
    ];
    let dir = temp_folder("long");
    let path = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", long.clone())
        .save(&dir, "long.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    let availability = &inputs.disponibilites;
    assert_eq!(
        availability.flags("A1", d(2025, 7, 7)),
        AvailabilityFlags::JOURNEE
    );
    assert_eq!(
        availability.flags("A1", d(2025, 7, 8)),
        flags(true, false, true)
    );
    assert_eq!(
        availability.flags("A2", d(2025, 7, 8)),
        flags(true, false, false)
    );
    assert_eq!(
        availability.flags("A3", d(2025, 7, 9)),
        flags(false, true, false)
    );
    assert_eq!(
        availability.flags("A4", d(2025, 7, 10)),
        flags(false, false, true)
    );

    let book = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", long)
        .set("Disponibilites", 3, "Créneau", "nuit")
        .set("Disponibilites", 4, "Animateur", "Z9");
    let (path, errors) = errors_of(book, "long-errors");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(
        &errors[0],
        &path,
        "Disponibilites",
        3,
        "Créneau",
        Some("nuit"),
    );
    assert_at(
        &errors[1],
        &path,
        "Disponibilites",
        4,
        "Animateur",
        Some("Z9"),
    );
}

#[test]
fn weekday_and_totals_lines_around_the_availability_grid_are_ignored() {
    let dir = temp_folder("totals");
    let mut grid = disponibilites();
    grid.insert(1, row!["", "", "lun.", "mar.", "mer."]);
    let path = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", grid)
        .push("Disponibilites", row!["Total", "", 2, 3, 1])
        .save(&dir, "totaux.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    assert!(!inputs.disponibilites.has_any("Total"));
    assert_eq!(
        inputs.disponibilites.flags("A1", d(2025, 7, 7)),
        AvailabilityFlags::JOURNEE
    );
}

#[test]
fn availability_as_a_long_table_of_ranges() {
    let ranges = vec![
        row!["Animateur", "Du", "Au", "Jours", "Disponibilité"],
        row!["A1", d(2025, 7, 7), d(2025, 7, 13), "", "J"],
        row!["A2", "07/07/2025", "13/07/2025", "sam", "matin"],
        row!["A3", "08/07/2025", "08/07/2025", "", "M+S"],
        row!["A4", "09/07/2025", "09/07/2025", "", "soir"],
    ];
    let dir = temp_folder("long-ranges");
    let path = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", ranges)
        .save(&dir, "plages.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    let a1: Vec<NaiveDate> = inputs
        .disponibilites
        .by_person_date
        .keys()
        .filter(|(id, _)| id == "A1")
        .map(|(_, date)| *date)
        .collect();
    assert_eq!(
        a1,
        vec![
            d(2025, 7, 7),
            d(2025, 7, 8),
            d(2025, 7, 9),
            d(2025, 7, 10),
            d(2025, 7, 11)
        ]
    );
    assert_eq!(
        inputs.disponibilites.flags("A2", d(2025, 7, 12)),
        flags(true, false, false)
    );
    assert!(inputs.disponibilites.flags("A2", d(2025, 7, 11)).is_empty());
    assert_eq!(
        inputs.disponibilites.flags("A3", d(2025, 7, 8)),
        flags(true, false, true)
    );
}

// ---------------------------------------------------------------------------------------------
// Schedules for `check`.

fn complete_inputs(test: &str) -> (TempFolder, Inputs) {
    let dir = temp_folder(test);
    let path = complete().save(&dir, "entree.xlsx");
    let inputs = read_ok(std::slice::from_ref(&path), Required::ForecastsAndStaff);
    (dir, inputs)
}

#[test]
fn a_schedule_is_read_from_the_affectations_sheet() {
    let (dir, inputs) = complete_inputs("schedule-long");
    let path = Book::new()
        .sheet(
            "Affectations",
            vec![
                row![
                    "Animateur",
                    "Nom",
                    "Accueil",
                    "Date",
                    "Créneau",
                    "Rôle",
                    "Note"
                ],
                row!["A1", "Léa Martin", "peri-gennes", "02/09/2025", "Matin", ""],
                row![
                    "A3",
                    "Zoé Petit",
                    "ALSH-DOUE",
                    d(2025, 7, 7),
                    "journée",
                    "directrice"
                ],
                row!["A9", "", "INCONNU", "2025-07-08", "afternoon", "animation"],
                row!["A1", "", "SEJ-MER", "01/08/2025", "veillée", "adjoint"],
            ],
        )
        .save(&dir, "planning.xlsx");
    let affectations = read_schedule(&path, &inputs).expect("schedule");
    assert_eq!(affectations.len(), 4);
    let first = &affectations[0];
    assert_eq!(
        (first.animateur.as_str(), first.accueil.as_str()),
        ("A1", "PERI-GENNES")
    );
    assert_eq!(first.date, d(2025, 9, 2));
    // The forecast's own times for that matin, not the standard ones.
    assert_eq!(
        (
            first.creneau.label.as_str(),
            first.creneau.start,
            first.creneau.end
        ),
        ("matin", Minutes::hm(7, 30), Minutes::hm(8, 45))
    );
    assert_eq!(first.role, Role::Animation);
    let source = first.source.as_ref().expect("source");
    assert_eq!((source.sheet.as_str(), source.row), ("Affectations", 2));
    assert_eq!(source.file, path.display().to_string());
    assert_eq!(affectations[1].role, Role::Direction);
    assert_eq!(
        affectations[1].creneau,
        Creneau::standard("journee").expect("journee")
    );
    // Unknown references are kept for the audit.
    assert_eq!(affectations[2].animateur, "A9");
    assert_eq!(affectations[2].accueil, "INCONNU");
    assert_eq!(affectations[2].creneau.label, "apres-midi");
    assert_eq!(affectations[3].creneau.start, Minutes::hm(20, 0));
    assert_eq!(affectations[3].role, Role::Direction);
}

#[test]
fn a_schedule_is_read_from_an_animateurs_grid() {
    let (dir, inputs) = complete_inputs("schedule-grid");
    let path = Book::new()
        .sheet(
            "Animateurs",
            vec![
                row![
                    "Id",
                    "Nom",
                    d(2025, 7, 7),
                    "mar. 02/09/2025",
                    d(2025, 7, 20),
                    "Jours"
                ],
                row!["A1", "Martin", "ALSH-DOUE", "PERI-GENNES (D)", "", 2],
                row!["A2", "Durand", "", "", "ALSH-DOUE (direction)", 1],
                row!["A3", "Petit", "", "", "", 0],
                row!["Total", "", 1, 1, 1, 3],
            ],
        )
        .save(&dir, "grille.xlsx");
    let affectations = read_schedule(&path, &inputs).expect("schedule");
    let summary: Vec<(&str, &str, NaiveDate, &str, Role)> = affectations
        .iter()
        .map(|a| {
            (
                a.animateur.as_str(),
                a.accueil.as_str(),
                a.date,
                a.creneau.label.as_str(),
                a.role,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("A1", "ALSH-DOUE", d(2025, 7, 7), "journee", Role::Animation),
            ("A1", "PERI-GENNES", d(2025, 9, 2), "soir", Role::Direction),
            ("A1", "PERI-GENNES", d(2025, 9, 2), "matin", Role::Direction),
            // No forecast that Sunday: one journee, for the audit to report.
            (
                "A2",
                "ALSH-DOUE",
                d(2025, 7, 20),
                "journee",
                Role::Direction
            ),
        ]
    );
    assert_eq!(affectations[2].creneau.start, Minutes::hm(7, 30));
    assert_eq!(affectations[0].source.as_ref().map(|s| s.row), Some(2));
}

#[test]
fn unreadable_schedule_cells_are_errors() {
    let (dir, inputs) = complete_inputs("schedule-errors");
    let path = Book::new()
        .sheet(
            "Schedule",
            vec![
                row!["Staff", "Site", "Date", "Slot", "Role"],
                row!["A1", "ALSH-DOUE", "07/13/2025", "matin", ""],
                row!["A1", "ALSH-DOUE", "07/07/2025", "goûter", ""],
                row!["A1", "ALSH-DOUE", "07/07/2025", "matin", "cuisinier"],
            ],
        )
        .save(&dir, "planning.xlsx");
    let errors = match read_schedule(&path, &inputs) {
        Err(Error::Input(errors)) => errors,
        other => panic!("expected input errors, got {other:?}"),
    };
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert_at(&errors[0], &path, "Schedule", 2, "Date", Some("07/13/2025"));
    assert_at(&errors[1], &path, "Schedule", 3, "Slot", Some("goûter"));
    assert_at(&errors[2], &path, "Schedule", 4, "Role", Some("cuisinier"));

    let grid = Book::new()
        .sheet(
            "Animateurs",
            vec![row!["Id", d(2025, 7, 7)], row!["A1", "ALSH-DOUE (chef)"]],
        )
        .save(&dir, "grille.xlsx");
    let errors = match read_schedule(&grid, &inputs) {
        Err(Error::Input(errors)) => errors,
        other => panic!("expected input errors, got {other:?}"),
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_at(
        &errors[0],
        &grid,
        "Animateurs",
        2,
        "07/07/2025",
        Some("ALSH-DOUE (chef)"),
    );

    let empty = Book::new()
        .sheet("Notes", vec![row!["x"]])
        .save(&dir, "vide.xlsx");
    let errors = match read_schedule(&empty, &inputs) {
        Err(Error::Input(errors)) => errors,
        other => panic!("expected input errors, got {other:?}"),
    };
    assert!(errors[0].message.contains("aucun planning"), "{errors:?}");
}
