//! What in the input blocks a plan is said in « Que faire »: a director on a CDI cannot direct
//! an 11-hour opening (10 h a day, L3121-18), a BAFD outside the accueil's sector.

mod support;
mod workbooks;

use support::{run_binary, stderr};
use workbooks::{Book, Folder, Sheet, d};

/// One accueil open 07:30–18:30 on Monday 6 July 2026, 20 children; its director, Claire, a
/// BAFD on a CDI; two BAFA on a CEE; Paul, a BAFD of another sector.
fn long_day(creneaux: &[(&str, &str, &str)]) -> Book {
    let mut previsions = vec![cells![
        "Accueil",
        "Date",
        "Creneau",
        "Debut",
        "Fin",
        "Moins de 6 ans",
        "6 ans et plus"
    ]];
    for (label, start, end) in creneaux {
        previsions.push(cells!["ALSH-A", d(2026, 7, 6), *label, *start, *end, 4, 16]);
    }
    Book::new(vec![
        Sheet::new(
            "Accueils",
            vec![
                cells!["Code", "Nom", "Commune", "Type", "Capacite", "Secteur"],
                cells![
                    "ALSH-A",
                    "Les Lutins",
                    "Varrains",
                    "accueil de loisirs",
                    40,
                    "Nord"
                ],
            ],
        ),
        Sheet::new("Previsions", previsions),
        Sheet::new(
            "Animateurs",
            vec![
                cells!["Id", "Nom", "Prenom", "Qualification", "Contrat", "Secteur"],
                cells!["A1", "Martin", "Claire", "BAFD", "CDI", "Nord"],
                cells!["A2", "Bernard", "Hugo", "BAFA", "CEE", "Nord"],
                cells!["A3", "Petit", "Chloé", "BAFA", "CEE", "Nord"],
                cells!["A4", "Roux", "Paul", "BAFD", "CEE", "Sud"],
            ],
        ),
        Sheet::new(
            "Disponibilites",
            vec![
                cells!["Id", d(2026, 7, 6)],
                cells!["A1", "J"],
                cells!["A2", "J"],
                cells!["A3", "J"],
                cells!["A4", "J"],
            ],
        ),
    ])
}

fn que_faire(book: &Book, name: &str) -> String {
    let folder = Folder::new("blockers", name);
    let input = book.save(&folder.join("entree.xlsx"));
    let output = folder.join("planning.xlsx");
    let run = run_binary([
        "planning".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let summary = String::from_utf8_lossy(&run.stdout).into_owned();
    summary
        .split("Que faire :")
        .nth(1)
        .expect("Que faire")
        .to_string()
}

#[test]
fn an_eleven_hour_opening_names_the_director_it_excludes_and_suggests_creneaux() {
    let advice = que_faire(&long_day(&[("journee", "07:30", "18:30")]), "one");
    assert!(
        advice.contains(
            "Claire Martin (BAFD, CDI) ne peut pas diriger ALSH-A les jours où la direction \
             manque (06/07) : la journée y dure 11 h (07:30–18:30), plus que les 10 h par jour \
             que permet son contrat (Code du travail L3121-18) ; passez « Presence de la \
             direction » à « un creneau » dans la feuille Regles, et découpez la journée en \
             créneaux"
        ),
        "{advice}"
    );
    // Paul may direct, is free, but works in another sector.
    assert!(
        advice.contains(
            "Paul Roux (BAFD, CEE) est libre les jours où la direction de ALSH-A manque (06/07), \
             mais cet accueil (secteur Nord) n'est ni dans son secteur ni dans ses « Accueils \
             possibles »"
        ),
        "{advice}"
    );
    // The post that closes it is still proposed.
    assert!(advice.contains("Recruter 1 directeur BAFD"), "{advice}");
}

#[test]
fn a_day_already_in_creneaux_suggests_two_directors_relaying() {
    let advice = que_faire(
        &long_day(&[
            ("accueil matin", "07:30", "09:00"),
            ("activites", "09:00", "17:00"),
            ("accueil soir", "17:00", "18:30"),
        ]),
        "three",
    );
    assert!(
        advice.contains(
            "la journée y dure 11 h (07:30–18:30), plus que les 10 h par jour que permet son \
             contrat (Code du travail L3121-18) ; passez « Presence de la direction » à « un \
             creneau » dans la feuille Regles, deux directeurs pourront se relayer sur ses \
             créneaux"
        ),
        "{advice}"
    );
}
