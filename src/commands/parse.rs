//! Value parsers for the command line: each turns one flag's text into a typed value, or says in
//! French what was expected. The binary hands them to clap, which reports a refusal as a usage
//! error (exit code 2).

use chrono::NaiveDate;

use crate::input::{ScheduleSheet, impossible_date};
use crate::rules::MixedAgePolicy;

/// `--attendance`: `+10%`, `-5 %` or `10`, between -99 % and +1000 %.
pub fn percentage(text: &str) -> Result<i32, String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '%')
        .collect();
    let percent: i32 = cleaned
        .trim_start_matches('+')
        .parse()
        .map_err(|_| format!("« {text} » : attendu un pourcentage comme +10% ou -5%"))?;
    if percent <= -100 || percent > 1000 {
        return Err(format!(
            "« {text} » : le pourcentage doit être entre -99% et +1000%"
        ));
    }
    Ok(percent)
}

/// `--from`, `--to`: `2025-07-07` or `07/07/2025`.
pub fn date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).ok_or_else(|| match impossible_date(text) {
        Some(why) => format!("« {text} » : {why}"),
        None => format!("« {text} » : date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA"),
    })
}

/// `2025-07-07` or `07/07/2025`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

/// `--mixed-ages`: `par-tranche`, `global` or `strict`.
pub fn mixed_ages(text: &str) -> Result<MixedAgePolicy, String> {
    MixedAgePolicy::parse(text)
        .ok_or_else(|| format!("« {text} » : valeurs acceptées par-tranche, global, strict"))
}

/// `--feuille`: `affectations` or `grille`.
pub fn schedule_sheet(text: &str) -> Result<ScheduleSheet, String> {
    ScheduleSheet::parse(text)
        .ok_or_else(|| format!("« {text} » : valeurs acceptées affectations, grille"))
}

/// `--time-limit`: a number of seconds above 0.
pub fn seconds(text: &str) -> Result<f64, String> {
    match text.trim().replace(',', ".").parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds.is_finite() => Ok(seconds),
        _ => Err(format!(
            "« {text} » : un nombre de secondes > 0 est attendu"
        )),
    }
}

/// `--mip-gap`: a relative gap from 0 (included) to 1 (excluded).
pub fn gap(text: &str) -> Result<f64, String> {
    match text.trim().replace(',', ".").parse::<f64>() {
        Ok(gap) if (0.0..1.0).contains(&gap) => Ok(gap),
        _ => Err(format!(
            "« {text} » : l'écart doit être entre 0 et 1 (0.01 pour 1 %)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_as_people_type_them() {
        assert_eq!(percentage("+10%"), Ok(10));
        assert_eq!(percentage("-5 %"), Ok(-5));
        assert_eq!(percentage("10"), Ok(10));
        assert!(percentage("-100%").is_err());
        assert!(percentage("dix").is_err());
    }

    #[test]
    fn dates_in_both_spellings() {
        let expected = NaiveDate::from_ymd_opt(2025, 7, 7);
        assert_eq!(parse_date("2025-07-07"), expected);
        assert_eq!(parse_date(" 07/07/2025 "), expected);
        assert_eq!(
            date("7 juillet"),
            Err("« 7 juillet » : date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA".to_string())
        );
    }

    #[test]
    fn solver_numbers_are_bounded() {
        assert_eq!(seconds("30"), Ok(30.0));
        assert!(seconds("0").is_err());
        assert!(seconds("NaN").is_err());
        assert_eq!(gap("0,01"), Ok(0.01));
        assert!(gap("1").is_err());
        assert_eq!(mixed_ages("global"), Ok(MixedAgePolicy::Global));
        assert!(mixed_ages("moyenne").is_err());
    }
}
