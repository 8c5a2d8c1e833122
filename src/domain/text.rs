//! Matching names as people write them.

/// Normalises a header, a sheet name or a keyword for matching: lower case, accents removed, and
/// everything but letters and digits dropped (`Moins de 6 ans` → `moinsde6ans`).
pub fn normalize_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(strip_accent)
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// Lower case without accents, everything else kept (`Après-midi` → `apres-midi`).
pub fn fold_accents(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(strip_accent)
        .collect()
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => 'o',
        'æ' => 'a',
        other => other,
    }
}

/// How many characters of a user's value a message echoes.
pub const ECHO_LIMIT: usize = 80;

/// A user's text made safe to print: control characters shown escaped (`\u{1b}`, `\n`), so a
/// value cannot move the cursor or change the terminal's title.
pub fn readable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_invisible_format(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Bidirectional overrides and similar format characters that reorder what a terminal shows.
fn is_invisible_format(c: char) -> bool {
    matches!(u32::from(c), 0x202A..=0x202E | 0x2066..=0x2069 | 0x200E | 0x200F)
}

/// A user's value for a message: made [`readable`] and cut to about [`ECHO_LIMIT`] characters,
/// with `…` and the full length when cut.
pub fn echoed(text: &str) -> String {
    let safe = readable(text);
    let count = safe.chars().count();
    if count <= ECHO_LIMIT {
        return safe;
    }
    let cut: String = safe.chars().take(ECHO_LIMIT).collect();
    format!("{cut}… ({count} caractères)")
}

/// Spreadsheet rows, compactly: `ligne 4`, `lignes 4 et 9`, `lignes 2 à 69`,
/// `lignes 2 à 5, 9, 12 à 14`. Rows are sorted and deduplicated first.
pub fn rows_label(rows: &[u32]) -> String {
    let mut sorted = rows.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    match sorted.as_slice() {
        [] => String::new(),
        [one] => format!("ligne {one}"),
        [first, second] => format!("lignes {first} et {second}"),
        _ => format!("lignes {}", ranges_label(&sorted)),
    }
}

/// Sorted numbers as runs: `2 à 5, 9, 12 à 14` (two consecutive numbers are written `4, 5`).
fn ranges_label(sorted: &[u32]) -> String {
    let mut parts = Vec::new();
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start;
        while end + 1 < sorted.len() && sorted[end + 1] == sorted[end] + 1 {
            end += 1;
        }
        match end - start {
            0 => parts.push(sorted[start].to_string()),
            1 => parts.push(format!("{}, {}", sorted[start], sorted[end])),
            _ => parts.push(format!("{} à {}", sorted[start], sorted[end])),
        }
        start = end + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_listed_compactly() {
        assert_eq!(rows_label(&[4]), "ligne 4");
        assert_eq!(rows_label(&[9, 4]), "lignes 4 et 9");
        assert_eq!(rows_label(&[4, 5]), "lignes 4 et 5");
        let many: Vec<u32> = (2..=69).collect();
        assert_eq!(rows_label(&many), "lignes 2 à 69");
        assert_eq!(
            rows_label(&[2, 3, 4, 5, 9, 12, 13, 14, 14]),
            "lignes 2 à 5, 9, 12 à 14"
        );
    }

    #[test]
    fn values_are_echoed_safely() {
        assert_eq!(readable("a\u{1b}]0;titre\u{7}b"), "a\\u{1b}]0;titre\\u{7}b");
        assert_eq!(readable("deux\nlignes"), "deux\\nlignes");
        let long = "x".repeat(200);
        let shown = echoed(&long);
        assert!(shown.starts_with(&"x".repeat(80)), "{shown}");
        assert!(shown.ends_with("… (200 caractères)"), "{shown}");
        assert_eq!(echoed("BAFA"), "BAFA");
    }
}
