//! acm-planner: parse the command line, call the library, print the summary and map errors to
//! exit codes (0 done, 1 bad input, 2 usage, 3 `check` found violations).
//!
//! The flags are parsed in two layers, as ripgrep does: clap turns them into the raw structs
//! below (each value through a parser of `acm_planner::commands::parse`), then
//! [`Settings`](acm_planner::commands::Settings) holds what the commands trust.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use acm_planner::commands::{self, Failure, Outcome, Settings, SolverSettings, parse};
use acm_planner::input::ScheduleSheet;
use acm_planner::rules::MixedAgePolicy;

/// The help page of the program, with French headings (clap's own say "Usage", "Commands").
const HELP_TEMPLATE: &str = "\
{about-with-newline}
Utilisation : {usage}

Commandes :
{subcommands}

Options :
{options}{after-help}";

/// The help page of a command that takes input files.
const COMMAND_HELP_TEMPLATE: &str = "\
{about-with-newline}
Utilisation : {usage}

Arguments :
{positionals}

Options :
{options}{after-help}";

/// The help page of a command without arguments (`template`).
const OPTIONS_HELP_TEMPLATE: &str = "\
{about-with-newline}
Utilisation : {usage}

Options :
{options}{after-help}";

#[derive(Parser)]
#[command(
    name = "acm-planner",
    version,
    about = "Effectifs légaux et recrutements pour les accueils collectifs de mineurs (ACM)",
    long_about = "Effectifs légaux et recrutements pour les accueils collectifs de mineurs (ACM).\n\n\
                  Lit les prévisions de fréquentation et les disponibilités des animateurs dans \
                  des classeurs .xlsx ou .ods, calcule l'encadrement exigé par la loi (CASF R227-12 \
                  à R227-20), construit le planning légal le moins coûteux (par optimisation \
                  mathématique) et écrit des classeurs Excel en français.",
    after_help = "Exemples (modele.xlsx vient de « acm-planner template », rempli avec vos \
                  accueils, prévisions et animateurs) :\n  \
                  acm-planner template -o modele.xlsx\n  \
                  acm-planner needs modele.xlsx -o besoins.xlsx\n  \
                  acm-planner plan modele.xlsx -o planning.xlsx\n  \
                  acm-planner check modele.xlsx --planning planning.xlsx\n\n\
                  Les commandes ont aussi un nom français : modele, besoins, planning, \
                  controle ; les options un nom anglais (--schedule pour --planning…).\n\
                  Aide d'une commande : acm-planner COMMANDE --help",
    override_usage = "acm-planner <COMMANDE> [OPTIONS]",
    help_template = HELP_TEMPLATE,
    subcommand_value_name = "COMMANDE",
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    help: HelpArgs,
    /// Affiche la version.
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
}

/// `-h`/`--help`, described in French (clap's own flag says "Print help").
#[derive(Args)]
struct HelpArgs {
    /// Affiche l'aide (--help : l'aide détaillée).
    #[arg(short = 'h', long = "help", action = ArgAction::Help)]
    help: Option<bool>,
}

/// The input workbooks, the mixed-age policy and the calendar file, shared by `needs`, `plan`
/// and `check`.
#[derive(Args)]
struct InputArgs {
    /// Classeurs d'entrée (.xlsx ou .ods) ; chaque feuille est cherchée par son nom dans le
    /// fichier qui la contient.
    #[arg(required = true, value_name = "CLASSEUR")]
    inputs: Vec<PathBuf>,
    /// Comment compter un groupe qui mêle moins de 6 ans et 6 ans et plus : par-tranche (chaque
    /// tranche d'âge à son taux), global ou strict. En anglais : --mixed-ages.
    #[arg(long = "ages-mixtes", alias = "mixed-ages", value_name = "REGLE", value_parser = parse::mixed_ages)]
    mixed_ages: Option<MixedAgePolicy>,
    /// Calendrier scolaire officiel, lu sans connexion : Zone-A.ics, Zone-B.ics, Zone-C.ics ou
    /// Zone-A-B-C-Corse.ics du ministère, l'export CSV de fr-en-calendrier-scolaire, ou le CSV
    /// jour par jour (date,vacances_zone_a,…). La zone vient d'une ligne Zone ou Academie de la
    /// feuille Regles.
    /// En anglais : --calendar.
    #[arg(long = "calendrier", alias = "calendar", value_name = "FICHIER")]
    calendrier: Option<PathBuf>,
}

/// `--attendance`, shared by `needs` and `plan`.
#[derive(Args)]
struct AttendanceArgs {
    /// Fait varier toutes les prévisions d'effectif d'enfants, par exemple +10% ou -5%. En
    /// anglais : --attendance.
    #[arg(long = "frequentation", alias = "attendance", value_name = "POURCENTAGE", allow_hyphen_values = true, value_parser = parse::percentage)]
    attendance: Option<i32>,
}

/// `--force`, shared by every command that writes.
#[derive(Args)]
struct ForceArgs {
    /// Remplace le fichier de sortie s'il existe déjà (jamais un fichier d'entrée).
    #[arg(long)]
    force: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Écrit un classeur d'entrée vierge : toutes les feuilles, leurs en-têtes, des listes
    /// déroulantes et une feuille d'aide (en français : modele).
    #[command(
        alias = "modele",
        disable_help_flag = true,
        override_usage = "acm-planner template [-o FICHIER] [OPTIONS]",
        after_help = "Exemple :\n  acm-planner template -o modele.xlsx\n\n\
                      Remplissez ensuite modele.xlsx (une ligne par accueil, prévision et \
                      animateur), puis : acm-planner plan modele.xlsx"
    )]
    Template {
        /// Classeur à écrire (par défaut : modele.xlsx).
        #[arg(
            short,
            long = "sortie",
            alias = "output",
            value_name = "FICHIER",
            default_value = "modele.xlsx",
            hide_default_value = true
        )]
        output: PathBuf,
        #[command(flatten)]
        force: ForceArgs,
        #[command(flatten)]
        help: HelpArgs,
    },
    /// Calcule l'encadrement minimum exigé par la loi, à partir des seules prévisions (en
    /// français : besoins).
    #[command(
        alias = "besoins",
        disable_help_flag = true,
        override_usage = "acm-planner needs <CLASSEUR>... [-o FICHIER] [OPTIONS]",
        after_help = "Exemple :\n  acm-planner needs modele.xlsx -o besoins.xlsx\n  \
                      acm-planner needs modele.xlsx --frequentation +10% -o besoins-plus.xlsx"
    )]
    Needs {
        #[command(flatten)]
        input: InputArgs,
        /// Classeur à écrire (par défaut : besoins.xlsx).
        #[arg(
            short,
            long = "sortie",
            alias = "output",
            value_name = "FICHIER",
            default_value = "besoins.xlsx",
            hide_default_value = true
        )]
        output: PathBuf,
        #[command(flatten)]
        attendance: AttendanceArgs,
        #[command(flatten)]
        force: ForceArgs,
        #[command(flatten)]
        help: HelpArgs,
    },
    /// Construit le planning légal le moins coûteux, avec les manques et les recrutements
    /// (en français : planning).
    #[command(
        alias = "planning",
        disable_help_flag = true,
        override_usage = "acm-planner plan <CLASSEUR>... [-o FICHIER] [OPTIONS]",
        after_help = "Exemple :\n  acm-planner plan modele.xlsx -o planning.xlsx\n  \
                      acm-planner plan modele.xlsx --du 06/07/2026 --au 10/07/2026 -o semaine.xlsx\n\n\
                      Après un désistement : corrigez les disponibilités dans modele.xlsx, puis\n  \
                      acm-planner plan modele.xlsx --precedent planning.xlsx -o planning-2.xlsx"
    )]
    Plan {
        #[command(flatten)]
        input: InputArgs,
        /// Classeur à écrire (par défaut : planning.xlsx).
        #[arg(
            short,
            long = "sortie",
            alias = "output",
            value_name = "FICHIER",
            default_value = "planning.xlsx",
            hide_default_value = true
        )]
        output: PathBuf,
        /// Première date à planifier (JJ/MM/AAAA ou AAAA-MM-JJ) ; par défaut la première date
        /// des prévisions. En anglais : --from.
        #[arg(long = "du", alias = "from", value_name = "DATE", value_parser = parse::date)]
        from: Option<NaiveDate>,
        /// Dernière date à planifier ; par défaut la dernière date des prévisions. En anglais :
        /// --to.
        #[arg(long = "au", alias = "to", value_name = "DATE", value_parser = parse::date)]
        to: Option<NaiveDate>,
        /// Temps de calcul maximum, en secondes, pour tout le planning (par défaut : 120). En
        /// anglais : --time-limit.
        #[arg(long = "temps-max", alias = "time-limit", value_name = "SECONDES", default_value = "120", hide_default_value = true, value_parser = parse::seconds)]
        time_limit: f64,
        /// Écart d'optimalité toléré : le calcul peut s'arrêter dès que le planning trouvé coûte
        /// au plus cette fraction de plus que le meilleur possible (0.01 pour 1 %). En anglais :
        /// --mip-gap.
        #[arg(long = "ecart", alias = "mip-gap", value_name = "ECART", value_parser = parse::gap)]
        mip_gap: Option<f64>,
        #[command(flatten)]
        attendance: AttendanceArgs,
        /// Ne propose pas de recrutement là où il manque du personnel. En anglais :
        /// --no-recruit.
        #[arg(long = "sans-recrutement", alias = "no-recruit")]
        no_recruit: bool,
        /// Planning publié avant (sa feuille Affectations) : le nouveau planning en change le
        /// moins possible de journées, garde les lignes « Verrouille » à oui, et dit qui appeler.
        /// En anglais : --previous.
        #[arg(long = "precedent", alias = "previous", value_name = "PLANNING")]
        previous: Option<PathBuf>,
        #[command(flatten)]
        force: ForceArgs,
        #[command(flatten)]
        help: HelpArgs,
    },
    /// Vérifie un planning au regard de la loi et liste chaque infraction avec son article
    /// (en français : controle).
    #[command(
        alias = "controle",
        alias = "contrôle",
        disable_help_flag = true,
        override_usage = "acm-planner check <CLASSEUR>... --planning FICHIER [--feuille affectations|grille] [-o FICHIER] [OPTIONS]",
        after_help = "Exemple :\n  acm-planner plan modele.xlsx -o planning.xlsx\n  \
                      acm-planner check modele.xlsx --planning planning.xlsx -o conformite.xlsx"
    )]
    Check {
        #[command(flatten)]
        input: InputArgs,
        /// Le planning à vérifier : un classeur avec une feuille « Affectations » ou une grille
        /// « Animateurs » (une ligne par personne, une colonne par date). En anglais :
        /// --schedule.
        #[arg(long = "planning", alias = "schedule", value_name = "FICHIER")]
        schedule: PathBuf,
        /// La feuille du planning à lire quand il a les deux et qu'elles diffèrent :
        /// affectations (la liste) ou grille (la grille « Animateurs ») ; en anglais --sheet.
        #[arg(long = "feuille", alias = "sheet", value_name = "FEUILLE", value_parser = parse::schedule_sheet)]
        feuille: Option<ScheduleSheet>,
        /// Classeur à écrire (par défaut : conformite.xlsx).
        #[arg(
            short,
            long = "sortie",
            alias = "output",
            value_name = "FICHIER",
            default_value = "conformite.xlsx",
            hide_default_value = true
        )]
        output: PathBuf,
        #[command(flatten)]
        force: ForceArgs,
        #[command(flatten)]
        help: HelpArgs,
    },
}

impl InputArgs {
    /// The settings every command that reads inputs starts from.
    fn settings(self, output: PathBuf, force: ForceArgs) -> Settings {
        Settings::new(self.inputs, output, force.force)
            .with_mixed_ages(self.mixed_ages)
            .with_calendar_file(self.calendrier)
    }
}

fn print_progress(event: &acm_planner::optimize::Progress<'_>) {
    eprintln!(
        "{}",
        acm_planner::report::planning::reasons::progress_line(event)
    );
}

fn run(command: Command) -> Result<Outcome, Failure> {
    match command {
        Command::Template { output, force, .. } => commands::template(&output, force.force),
        Command::Needs {
            input,
            output,
            attendance,
            force,
            ..
        } => commands::needs(
            &input
                .settings(output, force)
                .with_attendance(attendance.attendance),
        ),
        Command::Plan {
            input,
            output,
            from,
            to,
            time_limit,
            mip_gap,
            attendance,
            no_recruit,
            previous,
            force,
            ..
        } => {
            let mut settings = input
                .settings(output, force)
                .with_attendance(attendance.attendance)
                .with_period(from, to)?
                .with_solver(SolverSettings {
                    time_limit_seconds: time_limit,
                    mip_gap,
                    recruit: !no_recruit,
                    previous,
                });
            // Long runs show their progress, only to a person watching a terminal.
            if std::io::stderr().is_terminal() {
                settings.progress = Some(print_progress);
            }
            commands::plan(&settings)
        }
        Command::Check {
            input,
            schedule,
            feuille,
            output,
            force,
            ..
        } => commands::check(&input.settings(output, force), &schedule, feuille),
    }
}

/// The command line as clap sees it, every subcommand with the French help page.
fn command() -> clap::Command {
    Cli::command().mut_subcommands(|sub| {
        let template = if sub.get_positionals().next().is_some() {
            COMMAND_HELP_TEMPLATE
        } else {
            OPTIONS_HELP_TEMPLATE
        };
        sub.help_template(template)
    })
}

/// Parses the command line; `--help` and `--version` print and stop here (exit 0), any other
/// refusal is told in French (exit 2).
fn parse_command_line() -> Result<Cli, ExitCode> {
    let parsed = command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.map_err(|error| match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{}", french_error(&error));
            ExitCode::from(2)
        }
    })
}

/// One context value of a clap error, as plain text.
fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => Some(texts.join(", ")),
        ContextValue::StyledStr(text) => Some(text.to_string()),
        ContextValue::StyledStrs(texts) => Some(
            texts
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What clap suggests for a mistyped option or command, the closest first (« plan » before
/// « planning » for `plann`).
fn suggestions(error: &clap::Error) -> Vec<String> {
    let typed = context(error, ContextKind::InvalidSubcommand)
        .or_else(|| context(error, ContextKind::InvalidArg))
        .unwrap_or_default();
    let value = error
        .get(ContextKind::SuggestedArg)
        .or_else(|| error.get(ContextKind::SuggestedSubcommand));
    let mut list = match value {
        Some(ContextValue::String(one)) => vec![one.clone()],
        Some(ContextValue::Strings(many)) => many.clone(),
        Some(ContextValue::StyledStr(one)) => vec![one.to_string()],
        Some(ContextValue::StyledStrs(many)) => many.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    list.sort_by_key(|s| acm_planner::domain::edit_distance(&typed, s));
    list
}

/// A clap error in French: what is wrong, a suggestion when clap has one, the usage line and
/// where to find the help.
fn french_error(error: &clap::Error) -> String {
    let argument = context(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(error, ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::UnknownArgument => format!("option inconnue « {argument} »"),
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue « {} » : les commandes sont template, needs, plan et check (en \
             français : modele, besoins, planning, controle)",
            context(error, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = match error.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(list)) => list.clone(),
                _ => vec![argument.clone()],
            };
            if missing.len() > 1 {
                format!("arguments obligatoires manquants : {}", missing.join(", "))
            } else {
                format!("argument obligatoire manquant : {}", missing.join(", "))
            }
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "commande manquante : template, needs, plan ou check".to_string()
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("valeur manquante après {argument}")
        }
        ErrorKind::InvalidValue => {
            let accepted = context(error, ContextKind::ValidValue)
                .map(|values| format!(" ; valeurs acceptées : {values}"))
                .unwrap_or_default();
            format!("valeur « {value} » refusée pour {argument}{accepted}")
        }
        ErrorKind::ValueValidation => {
            // The value parsers of `commands::parse` already explain in French.
            match std::error::Error::source(error) {
                Some(reason) => format!("{argument} : {reason}"),
                None => format!("valeur « {value} » refusée pour {argument}"),
            }
        }
        ErrorKind::ArgumentConflict => format!(
            "{argument} ne peut pas être utilisé avec {}",
            context(error, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("nombre de valeurs incorrect pour {argument}")
        }
        ErrorKind::NoEquals => format!("{argument} attend sa valeur après « = »"),
        _ => {
            // Any other refusal: clap's own text, without its English heading.
            let text = error.to_string();
            let first = text.lines().next().unwrap_or_default();
            first.trim_start_matches("error: ").to_string()
        }
    };
    let suggestions = suggestions(error);
    if !suggestions.is_empty() {
        let quoted: Vec<String> = suggestions.iter().map(|s| format!("« {s} »")).collect();
        message.push_str(&format!(" ; vouliez-vous dire {} ?", quoted.join(" ou ")));
    }
    let mut text = format!("acm-planner : {message}\n");
    if let Some(usage) = context(error, ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        text.push_str(&format!("\nUtilisation : {usage}\n"));
    }
    text.push_str("\nPour l'aide : acm-planner --help, ou acm-planner COMMANDE --help\n");
    text
}

fn main() -> ExitCode {
    let cli = match parse_command_line() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match run(cli.command) {
        Ok(outcome) => {
            print!("{}", outcome.summary);
            ExitCode::from(outcome.exit_code)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("acm-planner : {message}");
            ExitCode::from(2)
        }
        Err(Failure::Run(error)) => {
            eprint!("acm-planner : {error}");
            if !error.to_string().ends_with('\n') {
                eprintln!();
            }
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(1))
        }
    }
}
