use std::fmt;

/// An amount of money in euro cents: exact arithmetic, no floats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Cents(pub i64);

impl Cents {
    pub const fn euros(euros: i64) -> Self {
        Cents(euros * 100)
    }

    /// The amount as a float number of euros, for writing to a spreadsheet cell only.
    pub fn as_euros_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl std::ops::Add for Cents {
    type Output = Cents;
    fn add(self, other: Cents) -> Cents {
        Cents(self.0 + other.0)
    }
}

impl std::ops::Mul<i64> for Cents {
    type Output = Cents;
    fn mul(self, factor: i64) -> Cents {
        Cents(self.0 * factor)
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        Cents(iter.map(|c| c.0).sum())
    }
}

/// French notation: `1 234,50 €`.
impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let euros = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, ch) in euros.chars().enumerate() {
            if i > 0 && (euros.len() - i).is_multiple_of(3) {
                grouped.push('\u{202f}');
            }
            grouped.push(ch);
        }
        write!(f, "{sign}{grouped},{:02} €", abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_in_french_notation() {
        assert_eq!(Cents(123_450).to_string(), "1\u{202f}234,50 €");
        assert_eq!(Cents(7_000).to_string(), "70,00 €");
        assert_eq!(Cents(-5).to_string(), "-0,05 €");
    }
}

impl Cents {
    /// Parses an amount in euros as users type it: `70`, `70,5`, `51.08 €`, `1 234,50`.
    /// At most two decimals; negative amounts are refused.
    pub fn parse_euros(text: &str) -> Option<Cents> {
        let cleaned: String = text
            .trim()
            .trim_end_matches('€')
            .trim_end_matches("EUR")
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        if cleaned.is_empty() || cleaned.starts_with('-') {
            return None;
        }
        let (whole, fraction) = match cleaned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (cleaned.as_str(), ""),
        };
        if !whole.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
            || (whole.is_empty() && fraction.is_empty())
        {
            return None;
        }
        let euros: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        // Round a longer fraction (a float cell like 51.084000001) to the nearest cent.
        let mut digits: Vec<i64> = fraction.bytes().map(|b| i64::from(b - b'0')).collect();
        digits.resize(3.max(digits.len()), 0);
        let cents = digits[0] * 10 + digits[1] + i64::from(digits[2] >= 5);
        Some(Cents(euros.checked_mul(100)?.checked_add(cents)?))
    }
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn parses_euros_as_typed() {
        assert_eq!(Cents::parse_euros("70"), Some(Cents(7000)));
        assert_eq!(Cents::parse_euros("70,5"), Some(Cents(7050)));
        assert_eq!(Cents::parse_euros("51.08 €"), Some(Cents(5108)));
        assert_eq!(Cents::parse_euros("51.0840000001"), Some(Cents(5108)));
        assert_eq!(Cents::parse_euros("1 234,50"), Some(Cents(123_450)));
        assert_eq!(Cents::parse_euros("-3"), None);
        assert_eq!(Cents::parse_euros("abc"), None);
    }
}
