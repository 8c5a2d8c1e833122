//! Text files as published: decoded (UTF-8, with or without BOM; Windows-1252/Latin-1 when a
//! spreadsheet saved it so), split into numbered lines, and CSV records.

/// The lines of a text file, numbered from 1.
pub struct Lines {
    lines: Vec<String>,
}

impl Lines {
    pub fn decode(bytes: &[u8]) -> Lines {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            // Not UTF-8: a CSV saved by a spreadsheet in Latin-1; every byte is a character.
            Err(_) => bytes.iter().map(|b| char::from(*b)).collect(),
        };
        Lines {
            lines: text
                .split('\n')
                .map(|line| line.strip_suffix('\r').unwrap_or(line).to_string())
                .collect(),
        }
    }

    /// Each line with its number.
    pub fn numbered(&self) -> impl Iterator<Item = (u32, &str)> {
        self.lines
            .iter()
            .enumerate()
            .map(|(index, line)| (u32::try_from(index + 1).unwrap_or(u32::MAX), line.as_str()))
    }

    /// The first line that is not blank.
    pub fn first_content(&self) -> Option<(u32, &str)> {
        self.numbered().find(|(_, line)| !line.trim().is_empty())
    }
}

/// A value as an error message echoes it: control characters escaped, cut to 80 characters.
pub fn shown(text: &str) -> String {
    let escaped: String = text.trim().chars().flat_map(char::escape_debug).collect();
    let escaped = escaped.replace("\\'", "'").replace("\\\"", "\"");
    if escaped.chars().count() > 80 {
        let cut: String = escaped.chars().take(79).collect();
        format!("{cut}…")
    } else {
        escaped
    }
}

/// One CSV record: the line it starts on and its fields, trimmed.
pub struct Record {
    pub line: u32,
    pub fields: Vec<String>,
}

impl Record {
    pub fn field(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", String::as_str)
    }

    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.is_empty())
    }
}

/// The CSV records of `lines` (RFC 4180 quotes, a quoted field may span lines). The separator
/// is the header's: `;` when the first line has one, `,` otherwise.
pub fn records(lines: &Lines) -> Vec<Record> {
    let Some((_, header)) = lines.first_content() else {
        return Vec::new();
    };
    let separator = if header.contains(';') { ';' } else { ',' };
    let mut records = Vec::new();
    let mut current: Option<(u32, Vec<String>, String, bool)> = None;
    for (number, line) in lines.numbered() {
        let (start, mut fields, mut field, mut quoted) =
            current
                .take()
                .unwrap_or((number, Vec::new(), String::new(), false));
        if quoted {
            field.push('\n');
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                c if c == separator && !quoted => {
                    fields.push(field.trim().to_string());
                    field.clear();
                }
                c => field.push(c),
            }
        }
        if quoted {
            current = Some((start, fields, field, quoted));
        } else {
            fields.push(field.trim().to_string());
            records.push(Record {
                line: start,
                fields,
            });
        }
    }
    if let Some((start, mut fields, field, _)) = current {
        fields.push(field.trim().to_string());
        records.push(Record {
            line: start,
            fields,
        });
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_records_keep_quoted_separators_and_their_line() {
        let lines = Lines::decode(
            "\u{feff}a;b;c\r\n\"Vacances d'Hiver; zone\";\"dit \"\"oui\"\"\";3\r\n\r\nx;y\n"
                .as_bytes(),
        );
        let records = records(&lines);
        assert_eq!(records[0].fields, ["a", "b", "c"]);
        assert_eq!(records[1].line, 2);
        assert_eq!(
            records[1].fields,
            ["Vacances d'Hiver; zone", "dit \"oui\"", "3"]
        );
        assert!(records[2].is_blank());
        assert_eq!(records[3].field(1), "y");
        assert_eq!(records[3].field(5), "");
    }

    #[test]
    fn latin1_files_and_control_characters_are_readable() {
        let lines = Lines::decode(b"Vacances d'\xc9t\xe9");
        assert_eq!(lines.first_content(), Some((1, "Vacances d'Été")));
        assert_eq!(shown("a\u{1b}]0;titre\u{7}"), "a\\u{1b}]0;titre\\u{7}");
        assert_eq!(shown(&"x".repeat(100)).chars().count(), 80);
    }
}
