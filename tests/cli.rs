//! The command line itself: value parsers, usage errors and the output checks that come before
//! any work.

mod support;

use support::{TempDir, fixture, run_binary, stderr};

#[test]
fn every_command_writes_an_xlsx_only() {
    let dir = TempDir::new("cli", "xlsx-only");
    let csv = dir.join("besoins.csv");
    for command in ["needs", "plan"] {
        let output = run_binary([
            command.as_ref(),
            fixture("petit-accueil.xlsx").as_os_str(),
            "-o".as_ref(),
            csv.as_os_str(),
        ]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output)
                .contains("la sortie est un classeur Excel ; choisissez un nom en .xlsx"),
            "{}",
            stderr(&output)
        );
        assert!(!csv.exists());
    }
}

#[test]
fn a_missing_output_folder_is_reported_before_any_work() {
    let dir = TempDir::new("cli", "missing-folder");
    let target = dir.join("absent").join("planning.xlsx");
    let output = run_binary([
        "plan".as_ref(),
        fixture("saumur-ete.xlsx").as_os_str(),
        "-o".as_ref(),
        target.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "acm-planner : {} : le dossier « {} » n'existe pas ; créez-le ou choisissez un autre \
             chemin avec -o\n",
            target.display(),
            dir.join("absent").display()
        )
    );
    // Nothing was solved: no summary on stdout.
    assert!(output.stdout.is_empty());
}

#[test]
fn plan_from_after_the_last_forecast_is_an_error() {
    let dir = TempDir::new("cli", "from-after");
    let target = dir.join("planning.xlsx");
    let output = run_binary([
        "plan".as_ref(),
        fixture("petit-accueil.xlsx").as_os_str(),
        "-o".as_ref(),
        target.as_os_str(),
        "--from".as_ref(),
        "2030-01-01".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "aucune prévision à partir du 01/01/2030 (--from/--to) : les prévisions vont du"
        ),
        "{}",
        stderr(&output)
    );
    assert!(!target.exists());
}

#[test]
fn bad_flag_values_are_usage_errors() {
    let dir = TempDir::new("cli", "bad-values");
    let target = dir.join("planning.xlsx");
    let input = fixture("petit-accueil.xlsx");
    for (flag, value, expected) in [
        (
            "--attendance",
            "dix",
            "« dix » : attendu un pourcentage comme +10% ou -5%",
        ),
        (
            "--from",
            "7 juillet",
            "« 7 juillet » : date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA",
        ),
        (
            "--mixed-ages",
            "moyenne",
            "« moyenne » : valeurs acceptées par-tranche, global, strict",
        ),
        (
            "--time-limit",
            "0",
            "« 0 » : un nombre de secondes > 0 est attendu",
        ),
        (
            "--mip-gap",
            "2",
            "« 2 » : l'écart doit être entre 0 et 1 (0.01 pour 1 %)",
        ),
    ] {
        let output = run_binary([
            "plan".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            target.as_os_str(),
            flag.as_ref(),
            value.as_ref(),
        ]);
        assert_eq!(output.status.code(), Some(2), "{flag} {value}");
        assert!(stderr(&output).contains(expected), "{}", stderr(&output));
    }
    let output = run_binary([
        "plan".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        target.as_os_str(),
        "--from".as_ref(),
        "2026-07-10".as_ref(),
        "--to".as_ref(),
        "2026-07-01".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "acm-planner : --from 2026-07-10 est après --to 2026-07-01 : la période est vide\n"
    );
}
