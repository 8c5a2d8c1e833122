//! Where the table is in a sheet as people keep it: the header row among the first rows (below
//! title rows, an "updated on" line, blank rows, merged titles), the data rows under it, the
//! `Total` rows and trailing notes skipped, the columns without a header and the stray cells far
//! from the table. Only the cells that exist are read: a sheet is a list of cells, never the
//! block from A1 to its last used cell.

use std::collections::BTreeMap;

use calamine::{Data, Dimensions, Range};

use super::cells;
use super::grid_headers::{day_month, is_date_header};
use super::sheet::{Headerless, Row, Sheet};
use crate::domain::{InputRemark, RemarkKind, echoed, normalize_key};
use crate::schema::SheetSpec;

/// The rows searched for the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// Beyond this many columns to the right of the header, a cell is a stray cell, not a column.
const STRAY_COLUMNS: u32 = 26;

/// A merged region larger than this is not filled into its cells (a merged title block).
const MAX_MERGE_FILL: u64 = 10_000;

/// The cells of a sheet that hold something, with their 0-based (row, column), and its merged
/// regions.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawSheet {
    pub cells: Vec<(u32, u32, Data)>,
    pub merges: Vec<Dimensions>,
}

impl RawSheet {
    /// The non-blank cells of a range (for readers without a cell stream, and for tests).
    pub fn from_range(range: &Range<Data>) -> RawSheet {
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let cells = range
            .used_cells()
            .filter(|(_, _, cell)| !cells::is_blank(cell))
            .map(|(row, column, cell)| {
                let row = first_row + u32::try_from(row).unwrap_or(u32::MAX - first_row);
                let column =
                    first_column + u32::try_from(column).unwrap_or(u32::MAX - first_column);
                (row, column, cell.clone())
            })
            .collect();
        RawSheet {
            cells,
            merges: Vec::new(),
        }
    }
}

/// How well a row looks like the header of `spec`: twice the columns it names, plus its date
/// cells when it has three or more (a grid's header is a row of dates; a data row has a date or
/// two, an "updated on" line one).
fn header_score(cells: &[(u32, Data)], spec: &SheetSpec) -> usize {
    let mut named: Vec<&str> = Vec::new();
    let mut dates = 0;
    for (_, cell) in cells {
        let text = cells::display(cell);
        let column = spec
            .columns
            .iter()
            .chain(spec.other_columns)
            .find(|column| column.matches(&text));
        match column {
            Some(column) if !named.contains(&column.name) => named.push(column.name),
            Some(_) => {}
            None if is_date_header(cell) || day_month(&text).is_some() => dates += 1,
            None => {}
        }
    }
    2 * named.len() + if dates >= 3 { dates } else { 0 }
}

/// Whether a row is a totals line (`Total`, `Totaux`, `Sous-total`, `Somme`): its first filled
/// cell says so.
fn is_total(cells: &[Data]) -> bool {
    let Some(first) = cells.iter().find(|c| !cells::is_blank(c)) else {
        return false;
    };
    let key = normalize_key(&cells::display(first));
    key.starts_with("total")
        || key.starts_with("soustotal")
        || matches!(key.as_str(), "somme" | "sommes" | "sum" | "totaux")
}

/// Whether a row is a note: one filled cell, text of three words or more, or starting like a
/// note (`*`, `NB`, `Note`, `Remarque`, `Source`, `Mis à jour`, `Légende`, `Attention`).
fn is_note(cells: &[Data]) -> bool {
    let mut filled = cells.iter().filter(|c| !cells::is_blank(c));
    let (Some(Data::String(text)), None) = (filled.next(), filled.next()) else {
        return false;
    };
    let text = text.trim();
    let key = normalize_key(text);
    text.starts_with('*')
        || text.split_whitespace().count() >= 3
        || [
            "nb",
            "note",
            "remarque",
            "source",
            "misajour",
            "legende",
            "attention",
        ]
        .iter()
        .any(|marker| key.starts_with(marker))
}

/// Builds the table of a sheet from its cells: the header row is the row among the first ones
/// that names most columns of `spec` (ties: the first; none: the first filled row).
pub(crate) fn build(file: &str, name: &str, spec: &SheetSpec, raw: RawSheet) -> Sheet {
    let mut by_row: BTreeMap<u32, Vec<(u32, Data)>> = BTreeMap::new();
    for (row, column, cell) in raw.cells {
        by_row.entry(row).or_default().push((column, cell));
    }
    for cells in by_row.values_mut() {
        cells.sort_by_key(|(column, _)| *column);
    }
    let header_index = by_row
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .map(|(row, cells)| (*row, header_score(cells, spec)))
        .fold(
            None,
            |best: Option<(u32, usize)>, (row, score)| match best {
                Some((_, best_score)) if best_score >= score => best,
                _ => Some((row, score)),
            },
        )
        .map(|(row, score)| {
            if score == 0 {
                by_row.keys().next().copied().unwrap_or(row)
            } else {
                row
            }
        });
    let mut sheet = Sheet::empty(file, name);
    let Some(header_index) = header_index else {
        return sheet;
    };
    fill_merged_cells(&mut by_row, &raw.merges, header_index);

    let mut header: Vec<(u32, Data)> = by_row.get(&header_index).cloned().unwrap_or_default();
    // A header cell far to the right of the others is a stray cell, not a column: the table's
    // width (and every row's) stops before it.
    let far = header
        .windows(2)
        .position(|pair| pair[1].0 > pair[0].0.saturating_add(STRAY_COLUMNS))
        .map(|index| index + 1);
    if let Some(far) = far {
        for (column, cell) in header.split_off(far) {
            sheet
                .stray
                .push((header_index + 1, column, echoed(&cells::display(&cell))));
        }
    }
    let width = header.last().map_or(0, |(column, _)| *column + 1);
    let mut header_cells = vec![Data::Empty; width as usize];
    for (column, cell) in header {
        header_cells[column as usize] = cell;
    }
    sheet.header_row = header_index + 1;
    sheet.headers = header_cells.iter().map(cells::display).collect();
    sheet.header_cells = header_cells;

    let above: Vec<u32> = by_row
        .range(..header_index)
        .map(|(row, _)| row + 1)
        .collect();
    if let Some((_, first)) = by_row.range(..header_index).next() {
        let title = first
            .iter()
            .map(|(_, cell)| cells::display(cell))
            .find(|text| !text.is_empty())
            .unwrap_or_default();
        sheet.remarks.push(
            InputRemark::new(
                file,
                name,
                RemarkKind::RowsAboveHeader,
                format!(
                    "au-dessus de la ligne d'en-tête (ligne {}), lignes ignorées (titre, date de \
                     mise à jour…) : « {} »",
                    sheet.header_row,
                    echoed(&title)
                ),
            )
            .rows(above),
        );
    }

    let mut headerless: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    let mut rows = Vec::new();
    for (&index, row_cells) in by_row.range(header_index + 1..) {
        let number = index + 1;
        let mut cells_of_row = vec![Data::Empty; width as usize];
        let mut inside = false;
        for (column, cell) in row_cells {
            let headed = sheet
                .headers
                .get(*column as usize)
                .is_some_and(|h| !h.is_empty());
            if *column >= width.saturating_add(STRAY_COLUMNS) {
                sheet
                    .stray
                    .push((number, *column, echoed(&cells::display(cell))));
                continue;
            }
            if !headed {
                headerless.entry(*column).or_default().push(number);
            }
            if let Some(slot) = cells_of_row.get_mut(*column as usize) {
                *slot = cell.clone();
                inside |= headed;
            }
        }
        if inside {
            rows.push(Row {
                number,
                cells: cells_of_row,
            });
        }
    }
    sheet.headerless = headerless
        .into_iter()
        .map(|(column, rows)| Headerless {
            column: column as usize,
            rows,
            merged_with: merged_header(&raw.merges, header_index, column),
        })
        .collect();
    sheet.rows = skip_totals_and_notes(&mut sheet.remarks, file, name, rows);
    sheet
}

/// The column whose header is merged over `column` in the header row, if any.
fn merged_header(merges: &[Dimensions], header_index: u32, column: u32) -> Option<usize> {
    merges
        .iter()
        .find(|m| {
            m.start.0 <= header_index
                && header_index <= m.end.0
                && m.start.1 < column
                && column <= m.end.1
        })
        .map(|m| m.start.1 as usize)
}

/// A merged region below the header shows its value in every cell it covers (an ACM code merged
/// down several forecast rows): its value is copied into each of them.
fn fill_merged_cells(
    by_row: &mut BTreeMap<u32, Vec<(u32, Data)>>,
    merges: &[Dimensions],
    header_index: u32,
) {
    for merge in merges.iter().filter(|m| m.start.0 > header_index) {
        let size =
            u64::from(merge.end.0 - merge.start.0 + 1) * u64::from(merge.end.1 - merge.start.1 + 1);
        if size <= 1 || size > MAX_MERGE_FILL {
            continue;
        }
        let value = by_row.get(&merge.start.0).and_then(|cells| {
            cells
                .iter()
                .find(|(column, _)| *column == merge.start.1)
                .map(|(_, cell)| cell.clone())
        });
        let Some(value) = value else { continue };
        for row in merge.start.0..=merge.end.0 {
            let cells = by_row.entry(row).or_default();
            for column in merge.start.1..=merge.end.1 {
                if !cells.iter().any(|(c, _)| *c == column) {
                    cells.push((column, value.clone()));
                }
            }
            cells.sort_by_key(|(column, _)| *column);
        }
    }
}

/// Drops the `Total` rows (anywhere) and the notes under the data, each with a remark.
fn skip_totals_and_notes(
    remarks: &mut Vec<InputRemark>,
    file: &str,
    name: &str,
    rows: Vec<Row>,
) -> Vec<Row> {
    let totals: Vec<u32> = rows
        .iter()
        .filter(|row| is_total(&row.cells))
        .map(|row| row.number)
        .collect();
    let mut kept: Vec<Row> = rows
        .into_iter()
        .filter(|row| !totals.contains(&row.number))
        .collect();
    let mut notes = Vec::new();
    while let Some(last) = kept.last() {
        if !is_note(&last.cells) {
            break;
        }
        notes.push(last.number);
        kept.pop();
    }
    if !totals.is_empty() {
        remarks.push(
            InputRemark::new(
                file,
                name,
                RemarkKind::TotalRow,
                "ligne de total ignorée (les totaux sont recalculés)",
            )
            .rows(totals),
        );
    }
    if !notes.is_empty() {
        remarks.push(
            InputRemark::new(
                file,
                name,
                RemarkKind::Notes,
                "notes sous le tableau ignorées",
            )
            .rows(notes),
        );
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{ACCUEILS, DISPONIBILITES};

    fn text(value: &str) -> Data {
        Data::String(value.to_string())
    }

    fn raw(rows: &[(u32, &[(u32, Data)])]) -> RawSheet {
        let mut cells = Vec::new();
        for (row, row_cells) in rows {
            for (column, cell) in row_cells.iter() {
                cells.push((*row, *column, cell.clone()));
            }
        }
        RawSheet {
            cells,
            merges: Vec::new(),
        }
    }

    #[test]
    fn the_header_row_is_found_below_titles() {
        let sheet = build(
            "f.xlsx",
            "Accueils",
            &ACCUEILS,
            raw(&[
                (0, &[(0, text("Accueils du territoire — été 2026"))]),
                (1, &[(0, text("mis à jour le")), (1, Data::Float(46_000.0))]),
                (
                    3,
                    &[
                        (1, text("Code")),
                        (2, text("Nom")),
                        (3, text("Capacité")),
                        (5, text("Téléphone")),
                    ],
                ),
                (
                    4,
                    &[(1, text("A")), (2, text("Les Lutins")), (3, Data::Int(40))],
                ),
                (5, &[(1, text("Total")), (3, Data::Int(40))]),
                (7, &[(1, text("* capacité déclarée au SDJES"))]),
            ]),
        );
        assert_eq!(sheet.header_row, 4);
        assert_eq!(
            sheet.headers,
            vec!["", "Code", "Nom", "Capacité", "", "Téléphone"]
        );
        let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![5]);
        let kinds: Vec<(RemarkKind, Vec<u32>)> = sheet
            .remarks
            .iter()
            .map(|r| (r.kind, r.rows.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (RemarkKind::RowsAboveHeader, vec![1, 2]),
                (RemarkKind::TotalRow, vec![6]),
                (RemarkKind::Notes, vec![8]),
            ]
        );
    }

    #[test]
    fn a_grid_header_is_a_row_of_dates_and_far_cells_are_stray() {
        let date = |day: u32| text(&format!("{day:02}/07/2026"));
        let sheet = build(
            "f.xlsx",
            "Disponibilites",
            &DISPONIBILITES,
            raw(&[
                (0, &[(0, text("Disponibilités de l'équipe"))]),
                (2, &[(0, text("Id")), (1, date(6)), (2, date(7))]),
                (3, &[(0, text("A1")), (1, text("J")), (3, text("J"))]),
                (1_048_575, &[(16_383, text("x"))]),
            ]),
        );
        assert_eq!(sheet.header_row, 3);
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.headerless.len(), 1);
        assert_eq!(sheet.headerless[0].column, 3);
        assert_eq!(sheet.headerless[0].rows, vec![4]);
        assert_eq!(sheet.stray, vec![(1_048_576, 16_383, "x".to_string())]);
    }

    #[test]
    fn a_far_cell_in_the_header_row_does_not_widen_the_table() {
        let sheet = build(
            "f.xlsx",
            "Accueils",
            &ACCUEILS,
            raw(&[
                (
                    0,
                    &[(0, text("Code")), (1, text("Nom")), (16_383, text("x"))],
                ),
                (1, &[(0, text("A")), (1, text("Un"))]),
            ]),
        );
        assert_eq!(sheet.headers, vec!["Code", "Nom"]);
        assert_eq!(sheet.rows[0].cells.len(), 2);
        assert_eq!(sheet.stray, vec![(1, 16_383, "x".to_string())]);
    }

    #[test]
    fn a_grid_header_in_words_wins_over_an_updated_on_line() {
        let sheet = build(
            "f.xlsx",
            "Disponibilites",
            &DISPONIBILITES,
            raw(&[
                (0, &[(0, text("Mis à jour le")), (1, Data::Float(46_000.0))]),
                (
                    1,
                    &[
                        (0, text("Prénom")),
                        (1, text("lundi 6 juillet")),
                        (2, text("mardi 7 juillet")),
                        (3, text("mercredi 8 juillet")),
                    ],
                ),
                (2, &[(0, text("A1")), (1, text("J"))]),
            ]),
        );
        assert_eq!(sheet.header_row, 2);
    }

    #[test]
    fn merged_cells_below_the_header_are_filled() {
        let mut sheet_raw = raw(&[
            (0, &[(0, text("Code")), (1, text("Nom"))]),
            (1, &[(0, text("A")), (1, text("Un"))]),
            (2, &[(1, text("Deux"))]),
        ]);
        sheet_raw.merges.push(Dimensions {
            start: (1, 0),
            end: (2, 0),
        });
        let sheet = build("f.xlsx", "Accueils", &ACCUEILS, sheet_raw);
        assert_eq!(sheet.rows[1].cells[0], text("A"));
    }
}
