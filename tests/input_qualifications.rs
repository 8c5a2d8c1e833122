//! Qualifications as people write them (issue 11, point 2): several certificates in one cell,
//! separated by `+`, `,`, `/`, `;`, `et`, or in parentheses; the best diploma is the legal
//! category, the others are kept as extra certificates (also from `Autres diplomes`); an
//! unrecognised part is an error naming it and listing the accepted values.

mod workbooks;

use acm_planner::domain::{AnimationCategory, Certificate, DirectorLevel};
use workbooks::{C, Folder, error_with, minimal, read_errors, read_ok};

fn with_people(people: &[(&str, &str, &str)]) -> workbooks::Book {
    minimal()
        .with("Animateurs", |mut sheet| {
            sheet.rows.truncate(1);
            sheet.rows[0].push(C::from("Autres diplômes"));
            for (id, qualification, others) in people {
                sheet.rows.push(cells![
                    *id,
                    format!("Nom {id}"),
                    "Prénom",
                    *qualification,
                    "CEE",
                    *others
                ]);
            }
            sheet
        })
        .with("Disponibilites", |mut sheet| {
            sheet.rows.truncate(1);
            for (id, _, _) in people {
                sheet.rows.push(cells![*id, "J"]);
            }
            sheet
        })
}

#[test]
fn several_certificates_in_one_cell() {
    let dir = Folder::new("qualifications", "combined");
    let people = [
        ("P1", "BAFA + PSC1", ""),
        ("P2", "BAFA, SB", "permis B"),
        ("P3", "BAFA (PSC1)", ""),
        ("P4", "BAFD + PSC1", "BNSSA / MNS"),
        ("P5", "stagiaire BAFA et PSC1", ""),
        ("P6", "PSC1", ""),
        ("P7", "BAFA; BAFD", "PSC1"),
        ("P8", "BPJEPS LTP", ""),
    ];
    let inputs = read_ok(&with_people(&people).save(&dir.join("diplomes.xlsx")));
    let read: Vec<(
        &str,
        &str,
        AnimationCategory,
        DirectorLevel,
        Vec<Certificate>,
    )> = inputs
        .animateurs
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.qualification.label.as_str(),
                a.qualification.category,
                a.qualification.director,
                a.certificats.clone(),
            )
        })
        .collect();
    use AnimationCategory::{Qualified, Trainee, Unqualified};
    use Certificate::{Bnssa, Mns, PermisB, Psc1, SurveillantBaignade as Sb};
    use DirectorLevel::{NonProfessional, Professional};
    assert_eq!(
        read,
        vec![
            ("P1", "BAFA", Qualified, DirectorLevel::None, vec![Psc1]),
            (
                "P2",
                "BAFA",
                Qualified,
                DirectorLevel::None,
                vec![Sb, PermisB]
            ),
            ("P3", "BAFA", Qualified, DirectorLevel::None, vec![Psc1]),
            (
                "P4",
                "BAFD",
                Qualified,
                NonProfessional,
                vec![Psc1, Bnssa, Mns]
            ),
            (
                "P5",
                "stagiaire BAFA",
                Trainee,
                DirectorLevel::None,
                vec![Psc1]
            ),
            (
                "P6",
                "sans qualification",
                Unqualified,
                DirectorLevel::None,
                vec![Psc1]
            ),
            ("P7", "BAFD", Qualified, NonProfessional, vec![Psc1]),
            ("P8", "BPJEPS LTP", Qualified, Professional, vec![]),
        ]
    );
}

#[test]
fn an_unrecognised_part_is_named_with_the_accepted_values() {
    let dir = Folder::new("qualifications", "unknown");
    let people = [
        ("P1", "BAFA + PCS1", ""),
        ("P2", "BAFA", "PSC1, brevet de pilote"),
        ("P3", "BAFA", "BAFD"),
    ];
    let errors = read_errors(&with_people(&people).save(&dir.join("inconnu.xlsx")));
    assert_eq!(errors.len(), 3, "{errors:#?}");
    let part = error_with(&errors, "« PCS1 » n'est pas reconnu");
    assert_eq!(
        (part.row, part.column.as_deref(), part.value.as_deref()),
        (Some(2), Some("Qualification"), Some("BAFA + PCS1"))
    );
    for accepted in [
        "BAFA",
        "stagiaire BAFA",
        "DEJEPS",
        "PSC1 (ou AFPS)",
        "BNSSA",
        "permis B",
    ] {
        assert!(part.message.contains(accepted), "{accepted}: {part}");
    }
    let other = error_with(&errors, "« brevet de pilote » n'est pas reconnu");
    assert_eq!(other.column.as_deref(), Some("Autres diplômes"));
    let diploma = error_with(&errors, "s'écrit dans la colonne « Qualification »");
    assert_eq!(diploma.row, Some(4));
}

/// CASF R227-14 II: `Autorisation de diriger` = oui lets a BAFA holder direct where a BAFD holder
/// may (not where R227-14 III reserves the direction to a professional diploma).
#[test]
fn an_authorisation_to_direct_lets_a_bafa_holder_direct() {
    let dir = Folder::new("qualifications", "authorisation");
    let book = minimal()
        .with("Animateurs", |mut sheet| {
            sheet.rows.truncate(1);
            sheet.rows[0].push(C::from("Autorisation de diriger"));
            sheet
                .rows
                .push(cells!["P1", "Moreau", "Inès", "BAFA", "CEE", "oui"]);
            sheet
                .rows
                .push(cells!["P2", "Girard", "Noah", "BAFA", "CEE", "non"]);
            sheet
        })
        .with("Disponibilites", |mut sheet| {
            sheet.rows.truncate(1);
            sheet.rows.push(cells!["P1", "J"]);
            sheet.rows.push(cells!["P2", "J"]);
            sheet
        });
    let inputs = read_ok(&book.save(&dir.join("autorisation.xlsx")));
    let read: Vec<(&str, &str, DirectorLevel)> = inputs
        .animateurs
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.qualification.label.as_str(),
                a.qualification.director,
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "P1",
                "BAFA (autorisation de diriger)",
                DirectorLevel::NonProfessional
            ),
            ("P2", "BAFA", DirectorLevel::None),
        ]
    );
}
