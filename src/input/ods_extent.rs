//! How far the cells of an `.ods` file reach, measured before calamine reads it.
//!
//! calamine reads an `.ods` file whole when it opens it, each sheet as a dense block from its
//! first to its last used cell: one stray value in Z1048576 costs about 850 MB, one in XFD1048576
//! is refused only after a 3 GB reservation (ci-notes.md). This pre-scan streams `content.xml`,
//! finds each sheet's last used row and column (repeated rows and cells included) and names the
//! far cell of a sheet whose used area is absurd, so that the file is refused with a French
//! message instead.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::cells::cell_name;

/// Beyond this many cells (about 130 MB once read), a sheet's used area is not a table a person
/// keeps: a stray far cell stretches it.
pub(crate) const MAX_AREA: u64 = 4_000_000;

/// A sheet whose used area is absurd, and the cell that stretches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FarCell {
    pub sheet: String,
    /// 0-based row and column of the far cell.
    pub row: u64,
    pub column: u64,
    /// Rows × columns from A1 to the last used cell.
    pub area: u64,
}

impl FarCell {
    /// The French message, naming the cell (the error names the sheet).
    pub fn message(&self) -> String {
        format!(
            "cellule utilisée isolée en {} : la zone à lire irait de A1 à cette cellule ({} \
             cellules), le fichier n'est pas lu. Effacez cette cellule (une simple espace suffit \
             à la créer) puis réenregistrez le fichier",
            cell_name(self.row, self.column),
            group_thousands(self.area)
        )
    }
}

/// `17 179 869 184`.
fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(digit);
    }
    out
}

/// The used extent of one sheet while it is scanned.
#[derive(Debug, Default)]
struct Extent {
    name: String,
    /// Next row index (0-based) and the current row's repeat count.
    row: u64,
    row_repeats: u64,
    /// Next column index within the current row.
    column: u64,
    /// Last used row and column, and the used cell furthest down and furthest right.
    last_row: Option<u64>,
    last_column: u64,
    lowest: (u64, u64),
    rightmost: (u64, u64),
}

impl Extent {
    fn area(&self) -> u64 {
        self.last_row
            .map_or(0, |row| (row + 1).saturating_mul(self.last_column + 1))
    }

    /// A used cell repeated `repeats` times from the current column, in a row repeated
    /// `row_repeats` times.
    fn used(&mut self, repeats: u64) {
        let last_row = self.row.saturating_add(self.row_repeats.max(1) - 1);
        let last_column = self.column.saturating_add(repeats.max(1) - 1);
        if self.last_row.is_none_or(|row| last_row > row) {
            self.lowest = (last_row, self.column);
        }
        if self.last_row.is_none() || last_column > self.last_column {
            self.rightmost = (self.row, last_column);
        }
        self.last_row = Some(self.last_row.map_or(last_row, |row| row.max(last_row)));
        self.last_column = self.last_column.max(last_column);
    }

    fn far_cell(&self) -> Option<FarCell> {
        let area = self.area();
        if area <= MAX_AREA {
            return None;
        }
        // The cell that stretches the area most: far down, or far right.
        let (row, column) = if self.lowest.0 >= self.rightmost.1 {
            self.lowest
        } else {
            self.rightmost
        };
        Some(FarCell {
            sheet: self.name.clone(),
            row,
            column,
            area,
        })
    }
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.into_owned())
}

fn repeats(element: &BytesStart, name: &str) -> u64 {
    attribute(element, name)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
}

/// A cell calamine keeps: one with a value type or a formula.
fn is_used(element: &BytesStart) -> bool {
    attribute(element, "office:value-type").is_some()
        || attribute(element, "table:formula").is_some()
}

/// The first sheet of an `.ods` file whose used area is absurd; `None` when every sheet is
/// reasonable, or when the file cannot be scanned (calamine then reports why).
pub(crate) fn far_cell(path: &Path) -> Option<FarCell> {
    let file = File::open(path).ok()?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).ok()?;
    let content = archive.by_name("content.xml").ok()?;
    scan(BufReader::new(content))
}

enum Kind {
    Empty,
    Other,
}

fn scan(content: impl Read) -> Option<FarCell> {
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut buffer = Vec::new();
    let mut sheet: Option<Extent> = None;
    loop {
        let event = reader.read_event_into(&mut buffer).ok()?;
        let event_kind = if matches!(event, Event::Empty(_)) {
            Kind::Empty
        } else {
            Kind::Other
        };
        match event {
            Event::Start(element) | Event::Empty(element) => {
                let self_closing = matches!(event_kind, Kind::Empty);
                match element.name().as_ref() {
                    "table:table" => {
                        sheet = Some(Extent {
                            name: attribute(&element, "table:name").unwrap_or_default(),
                            ..Extent::default()
                        });
                    }
                    "table:table-row" => {
                        if let Some(extent) = sheet.as_mut() {
                            extent.row_repeats = repeats(&element, "table:number-rows-repeated");
                            extent.column = 0;
                            if self_closing {
                                extent.row = extent.row.saturating_add(extent.row_repeats.max(1));
                            }
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        if let Some(extent) = sheet.as_mut() {
                            let count = repeats(&element, "table:number-columns-repeated");
                            if is_used(&element) {
                                extent.used(count);
                            }
                            extent.column = extent.column.saturating_add(count);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(element) => match element.name().as_ref() {
                "table:table-row" => {
                    if let Some(extent) = sheet.as_mut() {
                        extent.row = extent.row.saturating_add(extent.row_repeats.max(1));
                    }
                }
                "table:table" => {
                    if let Some(far) = sheet.take().and_then(|extent| extent.far_cell()) {
                        return Some(far);
                    }
                }
                _ => {}
            },
            Event::Eof => return None,
            _ => {}
        }
        buffer.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(rows: &str) -> String {
        format!(
            "<office:document-content><office:body><office:spreadsheet>\
             <table:table table:name=\"Accueils\">{rows}</table:table>\
             </office:spreadsheet></office:body></office:document-content>"
        )
    }

    const CELL: &str =
        "<table:table-cell office:value-type=\"string\"><text:p>Code</text:p></table:table-cell>";

    #[test]
    fn a_small_sheet_is_fine() {
        let xml = content(&format!(
            "<table:table-row>{CELL}{CELL}</table:table-row>\
             <table:table-row table:number-rows-repeated=\"1048575\">\
             <table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
        ));
        assert_eq!(scan(xml.as_bytes()), None);
    }

    #[test]
    fn a_far_cell_is_named() {
        let xml = content(&format!(
            "<table:table-row>{CELL}<table:table-cell table:number-columns-repeated=\"16383\"/>\
             </table:table-row>\
             <table:table-row table:number-rows-repeated=\"1048574\">\
             <table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>\
             <table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/>\
             <table:table-cell office:value-type=\"string\"><text:p><text:s/></text:p>\
             </table:table-cell></table:table-row>"
        ));
        let far = scan(xml.as_bytes()).expect("far cell");
        assert_eq!((far.row, far.column), (1_048_575, 16_383));
        assert!(far.message().contains("en XFD1048576"), "{}", far.message());
        assert_eq!(far.sheet, "Accueils");
    }

    #[test]
    fn a_value_repeated_down_the_sheet_is_named_at_its_end() {
        let xml = content(&format!(
            "<table:table-row table:number-rows-repeated=\"1048576\">\
             {CELL}{CELL}{CELL}{CELL}{CELL}</table:table-row>"
        ));
        let far = scan(xml.as_bytes()).expect("far cell");
        assert_eq!((far.row, far.column), (1_048_575, 0));
    }
}
