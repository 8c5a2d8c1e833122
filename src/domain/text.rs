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

/// Edit distance between two strings, in characters (insertions, deletions, substitutions).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The `candidates` a user's `text` most likely meant to write, compared by [`normalize_key`]:
/// those at the fewest edits, when that is at most a third of the longer key (one typo in a
/// short word, a few in a long one); in their order, each once. Empty when none is that close,
/// or when `text` is one of them.
pub fn closest<'a>(text: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let key = normalize_key(text);
    if key.is_empty() {
        return Vec::new();
    }
    let mut best: Vec<&str> = Vec::new();
    let mut best_edits = usize::MAX;
    for candidate in candidates {
        let candidate_key = normalize_key(candidate);
        let edits = edit_distance(&key, &candidate_key);
        let longer = key.chars().count().max(candidate_key.chars().count());
        if edits == 0 {
            return Vec::new();
        }
        if edits > (longer / 3).max(1) || edits > best_edits {
            continue;
        }
        if edits < best_edits {
            best.clear();
            best_edits = edits;
        }
        if !best.contains(&candidate) {
            best.push(candidate);
        }
    }
    best
}

/// `vouliez-vous dire « BAFA » ?`, `vouliez-vous dire « BAFA » ou « BAFD » ?`; empty when
/// there is nothing to suggest.
pub fn did_you_mean(suggestions: &[&str]) -> String {
    let quoted: Vec<String> = suggestions
        .iter()
        .take(3)
        .map(|s| format!("« {} »", echoed(s)))
        .collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!("vouliez-vous dire {one} ?"),
        [init @ .., last] => format!("vouliez-vous dire {} ou {last} ?", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_candidates_are_suggested() {
        assert_eq!(edit_distance("datedenaisance", "datedenaissance"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        let sheets = ["Accueils", "Previsions", "Animateurs", "Disponibilites"];
        assert_eq!(closest("Prévisons", sheets), ["Previsions"]);
        assert_eq!(closest("Previsions", sheets), Vec::<&str>::new(), "itself");
        assert_eq!(
            closest("Budget", sheets),
            Vec::<&str>::new(),
            "nothing close"
        );
        assert_eq!(
            closest("BAFX", ["BAFA", "BAFD", "BPJEPS"]),
            ["BAFA", "BAFD"]
        );
        assert_eq!(
            closest("alsh-saumr", ["ALSH-SAUMUR", "ALSH-VARRAINS"]),
            ["ALSH-SAUMUR"]
        );
        assert_eq!(did_you_mean(&["BAFA"]), "vouliez-vous dire « BAFA » ?");
        assert_eq!(
            did_you_mean(&["BAFA", "BAFD"]),
            "vouliez-vous dire « BAFA » ou « BAFD » ?"
        );
        assert_eq!(did_you_mean(&[]), "");
    }

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
