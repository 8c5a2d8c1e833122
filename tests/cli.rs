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
            "aucune prévision à partir du 01/01/2030 (--du/--au) : les prévisions vont du"
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
        "acm-planner : --du 2026-07-10 est après --au 2026-07-01 : la période est vide\n"
    );
}

/// What the binary wrote to stdout.
fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_help_is_in_french_with_examples() {
    let output = run_binary(["--help"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let help = stdout(&output);
    for expected in [
        "Effectifs légaux et recrutements pour les accueils collectifs de mineurs (ACM)",
        "Utilisation : acm-planner <COMMANDE> [OPTIONS]",
        "Commandes :",
        "Options :",
        "  plan      Construit le planning légal le moins coûteux",
        "-h, --help",
        "Affiche l'aide",
        "-V, --version",
        "Affiche la version",
        "  acm-planner template -o modele.xlsx\n  acm-planner needs modele.xlsx",
        "acm-planner plan modele.xlsx -o planning.xlsx",
        "acm-planner check modele.xlsx --planning planning.xlsx",
        "(en français : besoins)",
    ] {
        assert!(help.contains(expected), "« {expected} » absent :\n{help}");
    }
    for english in [
        "Usage:",
        "Commands:",
        "Print help",
        "MILP",
        "  help ",
        "fixtures/",
    ] {
        assert!(!help.contains(english), "« {english} » :\n{help}");
    }

    let output = run_binary(["plan", "--help"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let help = stdout(&output);
    for expected in [
        "Construit le planning légal le moins coûteux, avec les manques et les recrutements (en \
         français : planning)\n",
        "Utilisation : acm-planner plan <CLASSEUR>... [-o FICHIER] [OPTIONS]",
        "Arguments :",
        "<CLASSEUR>...",
        "--ecart <ECART>",
        "Écart d'optimalité toléré",
        "En anglais : --mip-gap",
        "--temps-max <SECONDES>",
        "(par défaut : 120)",
        "Exemple :\n  acm-planner plan modele.xlsx -o planning.xlsx",
        "--precedent planning.xlsx",
    ] {
        assert!(help.contains(expected), "« {expected} » absent :\n{help}");
    }
    assert!(
        !help.contains("MIP gap") && !help.contains("fixtures/"),
        "{help}"
    );
    assert!(!help.contains("[default:"), "{help}");
    for command in ["template", "needs", "check"] {
        let output = run_binary([command, "--help"]);
        let help = stdout(&output);
        assert!(
            help.contains(&format!("Exemple :\n  acm-planner {command}"))
                || help.contains("Exemple :\n  acm-planner plan"),
            "{command}:\n{help}"
        );
        assert!(help.contains("Affiche l'aide"), "{command}:\n{help}");
    }
    let help = stdout(&run_binary(["check", "--help"]));
    assert!(
        help.contains("--feuille <FEUILLE>") && help.contains("en anglais --sheet"),
        "{help}"
    );
}

#[test]
fn clap_errors_are_in_french_with_exit_code_2() {
    let input = fixture("petit-accueil.xlsx");
    let output = run_binary(["plan".as_ref(), input.as_os_str(), "--vite".as_ref()]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.starts_with("acm-planner : option inconnue « --vite »\n"),
        "{text}"
    );
    assert!(
        text.contains("Utilisation : acm-planner plan <CLASSEUR>... [-o FICHIER] [OPTIONS]"),
        "{text}"
    );
    assert!(
        !text.contains("error:") && !text.contains("Usage"),
        "{text}"
    );

    let output = run_binary(["check".as_ref(), input.as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.starts_with("acm-planner : argument obligatoire manquant : --planning <FICHIER>\n"),
        "{text}"
    );

    let output = run_binary(["plan"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("acm-planner : argument obligatoire manquant : <CLASSEUR>..."),
        "{}",
        stderr(&output)
    );

    let output = run_binary(["plann"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with(
            "acm-planner : commande inconnue « plann » : les commandes sont template, needs, plan \
             et check (en français : modele, besoins, planning, controle) ; vouliez-vous dire « \
             plan » ou « planning » ?"
        ),
        "{}",
        stderr(&output)
    );

    let output = run_binary(["plan".as_ref(), input.as_os_str(), "--time-limit".as_ref()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("acm-planner : valeur manquante après --temps-max"),
        "{}",
        stderr(&output)
    );

    let output = run_binary(["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).starts_with("acm-planner "),
        "{}",
        stdout(&output)
    );
}

#[test]
fn french_command_names_and_english_options_are_accepted() {
    let dir = TempDir::new("cli", "aliases");
    let input = fixture("petit-accueil.xlsx");
    let modele = dir.join("vierge.xlsx");
    let besoins = dir.join("besoins.xlsx");
    let planning = dir.join("planning.xlsx");
    let conformite = dir.join("conformite.xlsx");
    let run = |args: &[&std::ffi::OsStr]| {
        let output = run_binary(args);
        assert!(
            matches!(output.status.code(), Some(0 | 3)),
            "{args:?}: {}",
            stderr(&output)
        );
    };
    run(&["modele".as_ref(), "--sortie".as_ref(), modele.as_os_str()]);
    assert!(modele.exists());
    run(&[
        "besoins".as_ref(),
        input.as_os_str(),
        "--output".as_ref(),
        besoins.as_os_str(),
        "--attendance".as_ref(),
        "+10%".as_ref(),
    ]);
    assert!(besoins.exists());
    // French names and English aliases side by side.
    run(&[
        "planning".as_ref(),
        input.as_os_str(),
        "--du".as_ref(),
        "06/07/2026".as_ref(),
        "--to".as_ref(),
        "07/07/2026".as_ref(),
        "--sans-recrutement".as_ref(),
        "--time-limit".as_ref(),
        "60".as_ref(),
        "-o".as_ref(),
        planning.as_os_str(),
    ]);
    assert!(planning.exists());
    for (command, option) in [("controle", "--planning"), ("check", "--schedule")] {
        run(&[
            command.as_ref(),
            input.as_os_str(),
            option.as_ref(),
            planning.as_os_str(),
            "--sheet".as_ref(),
            "affectations".as_ref(),
            "-o".as_ref(),
            conformite.as_os_str(),
            "--force".as_ref(),
        ]);
        assert!(conformite.exists(), "{command}");
    }
}
