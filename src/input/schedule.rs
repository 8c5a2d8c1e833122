//! Reading a schedule for `check`: the `Affectations` long table (as `plan` writes it, possibly
//! edited by hand), or else an `Animateurs` grid (person × date, ACM code per cell).
//!
//! References are not resolved here: unknown people or ACM codes are for the audit to report.
//! Codes are only re-spelled as in the inputs when they match ignoring case.

use std::collections::HashMap;

use calamine::Data;
use chrono::NaiveDate;

use super::catalogue::code_key;
use super::cells;
use super::creneaux::{explicit_times, standard_label};
use super::dates::grid_dates;
use super::schedule_sheets::{Disagreement, ScheduleSheet, differences};
use super::table::Sheet;
use super::workbook::Workbooks;
use crate::domain::{Affectation, Creneau, Inputs, Role, normalize_key};
use crate::error::InputError;
use crate::schema::affectations::{ACCUEIL, ANIMATEUR, CRENEAU, DATE, DEBUT, FIN, ROLE};
use crate::schema::{AFFECTATIONS, ANIMATEURS};

/// The forecast créneaux, to give a schedule row the exact créneau (times included) it refers to.
struct Slots<'a> {
    inputs: &'a Inputs,
    /// (ACM, date) → créneaux forecast that day, in forecast order.
    by_day: HashMap<(String, NaiveDate), Vec<&'a Creneau>>,
    /// Lower-cased code or Id → as written in the inputs.
    accueils: HashMap<String, &'a str>,
    animateurs: HashMap<String, &'a str>,
}

impl<'a> Slots<'a> {
    fn new(inputs: &'a Inputs) -> Self {
        let mut by_day: HashMap<(String, NaiveDate), Vec<&Creneau>> = HashMap::new();
        for prevision in &inputs.previsions {
            by_day
                .entry((code_key(&prevision.accueil), prevision.date))
                .or_default()
                .push(&prevision.creneau);
        }
        Slots {
            inputs,
            by_day,
            accueils: inputs
                .accueils
                .iter()
                .map(|a| (code_key(&a.code), a.code.as_str()))
                .collect(),
            animateurs: inputs
                .animateurs
                .iter()
                .map(|a| (code_key(&a.id), a.id.as_str()))
                .collect(),
        }
    }

    fn of_day(&self, accueil: &str, date: NaiveDate) -> &[&'a Creneau] {
        self.by_day
            .get(&(code_key(accueil), date))
            .map_or(&[], Vec::as_slice)
    }

    /// The créneau a label means at this ACM on this date: the forecast one with this label,
    /// else the standard one, else the same label forecast elsewhere.
    fn resolve(&self, accueil: &str, date: NaiveDate, label: &str) -> Option<Creneau> {
        // `afternoon` and `après-midi` both mean the forecast's `apres-midi`.
        let key = normalize_key(standard_label(label).unwrap_or(label));
        let same = |c: &&Creneau| normalize_key(&c.label) == key;
        if let Some(slot) = self.of_day(accueil, date).iter().copied().find(same) {
            return Some(slot.clone());
        }
        if let Some(slot) = standard_label(label).and_then(Creneau::standard) {
            return Some(slot);
        }
        self.inputs
            .previsions
            .iter()
            .map(|p| &p.creneau)
            .find(same)
            .cloned()
    }

    /// The ACM code as written in the inputs, or as given when unknown (for the audit).
    fn accueil(&self, code: String) -> String {
        self.accueils
            .get(&code_key(&code))
            .map_or(code, |known| (*known).to_string())
    }

    /// The animateur Id as written in the inputs, or as given when unknown (for the audit).
    fn animateur(&self, id: String) -> String {
        self.animateurs
            .get(&code_key(&id))
            .map_or(id, |known| (*known).to_string())
    }
}

/// The `Affectations` long table.
pub(crate) fn read_long(
    sheet: &Sheet,
    inputs: &Inputs,
    errors: &mut Vec<InputError>,
) -> Vec<Affectation> {
    let columns = [
        sheet.require(&ANIMATEUR, errors),
        sheet.require(&ACCUEIL, errors),
        sheet.require(&DATE, errors),
        sheet.require(&CRENEAU, errors),
    ];
    let [Some(animateur), Some(accueil), Some(date), Some(creneau)] = columns else {
        return Vec::new();
    };
    let role = sheet.find(&ROLE);
    let debut = sheet.find(&DEBUT);
    let fin = sheet.find(&FIN);
    let slots = Slots::new(inputs);
    let mut affectations = Vec::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let id = reader.required_text(Some(animateur), ANIMATEUR.name);
        let code = reader.required_text(Some(accueil), ACCUEIL.name);
        let day = reader.required(Some(date), DATE.name, cells::date);
        let label = reader.required_text(Some(creneau), CRENEAU.name);
        let role_value = reader.optional(role, parse_role).unwrap_or(Role::Animation);
        let times = explicit_times(&mut reader, debut, fin);
        let (Some(id), Some(code), Some(day), Some(label)) = (id, code, day, label) else {
            continue;
        };
        let slot = match times {
            Some((start, end)) => Some(Creneau {
                label: standard_label(&label).map_or(label.clone(), str::to_string),
                start,
                end,
            }),
            None => slots.resolve(&code, day, &label),
        };
        let Some(slot) = slot else {
            reader.error(
                Some(creneau),
                CRENEAU.name,
                "créneau inconnu : attendu journee, matin, midi, apres-midi, soir, un créneau des \
                 prévisions, ou des colonnes « Debut » et « Fin »",
            );
            continue;
        };
        if reader.failed() {
            continue;
        }
        affectations.push(Affectation {
            animateur: slots.animateur(id),
            accueil: slots.accueil(code),
            date: day,
            creneau: slot,
            role: role_value,
            source: Some(reader.source()),
        });
    }
    affectations
}

/// An `Animateurs` grid: one row per person, one column per date, the ACM code in each cell
/// (`ALSH-DOUE`, `ALSH-DOUE (D)` for the director). A cell stands for every créneau forecast at
/// that ACM that day, or a `journee` when there is none (the audit then reports it).
pub(crate) fn read_grid(
    sheet: &Sheet,
    inputs: &Inputs,
    errors: &mut Vec<InputError>,
) -> Vec<Affectation> {
    let dates = grid_dates(sheet, errors);
    if dates.is_empty() {
        errors.push(sheet.error(
            "aucune colonne de date dans la grille : attendu une première colonne « Id » puis une \
             colonne par date, ou une feuille « Affectations »",
        ));
        return Vec::new();
    }
    let id_column = sheet.find(&ANIMATEUR).unwrap_or(0);
    let slots = Slots::new(inputs);
    let mut affectations = Vec::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let cells_filled = dates
            .iter()
            .any(|(column, _)| !reader.is_blank(Some(*column)));
        if !cells_filled || reader.is_total(Some(id_column)) || reader.is_weekday_line() {
            continue;
        }
        let Some(id) = reader.required_text(Some(id_column), ANIMATEUR.name) else {
            continue;
        };
        let id = slots.animateur(id);
        for &(column, date) in &dates {
            let Some(entries) = reader.optional(Some(column), grid_entries) else {
                continue;
            };
            for (code, role) in entries {
                let code = slots.accueil(code);
                let day_slots = slots.of_day(&code, date);
                let day_slots: Vec<Creneau> = if day_slots.is_empty() {
                    Creneau::standard("journee").into_iter().collect()
                } else {
                    day_slots.iter().map(|c| (*c).clone()).collect()
                };
                affectations.extend(day_slots.into_iter().map(|creneau| Affectation {
                    animateur: id.clone(),
                    accueil: code.clone(),
                    date,
                    creneau,
                    role,
                    source: Some(reader.source()),
                }));
            }
        }
    }
    affectations
}

/// A grid cell: one or more ACM codes (separated by commas, semicolons or line breaks), each
/// optionally followed by ` (D)` or ` (direction)`.
fn grid_entries(cell: &Data) -> Result<Vec<(String, Role)>, String> {
    let text = cells::display(cell);
    let mut entries = Vec::new();
    for entry in text
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let (code, role) = match entry.strip_suffix(')').and_then(|e| e.rsplit_once('(')) {
            Some((code, marker)) => {
                let role = parse_role_text(marker).ok_or_else(|| {
                    format!(
                        "rôle « {} » inconnu : attendu le code de l'accueil, suivi de « (D) » ou \
                         « (direction) » pour la direction",
                        marker.trim()
                    )
                })?;
                (code.trim(), role)
            }
            None => (entry, Role::Animation),
        };
        if code.is_empty() {
            return Err("code d'accueil manquant avant la parenthèse".to_string());
        }
        entries.push((code.to_string(), role));
    }
    Ok(entries)
}

fn parse_role(cell: &Data) -> Result<Role, String> {
    parse_role_text(&cells::display(cell)).ok_or_else(|| {
        "rôle inconnu ; valeurs acceptées : animation (par défaut), direction (ou directeur, \
         directrice, adjoint)"
            .to_string()
    })
}

fn parse_role_text(text: &str) -> Option<Role> {
    match normalize_key(text).as_str() {
        "" | "animation" | "animateur" | "animatrice" | "a" | "anim" => Some(Role::Animation),
        "direction" | "directeur" | "directrice" | "adjoint" | "adjointe" | "directeuradjoint"
        | "directriceadjointe" | "adjointdedirection" | "d" | "dir" | "director" => {
            Some(Role::Direction)
        }
        _ => None,
    }
}

/// Reads the schedule sheet of one file: `Affectations` when present, else the `Animateurs` grid.
pub(crate) fn read(
    workbooks: &mut Workbooks,
    inputs: &Inputs,
    errors: &mut Vec<InputError>,
) -> Vec<Affectation> {
    if let Some(sheet) = workbooks.sheet(&AFFECTATIONS, false, errors) {
        return read_long(&sheet, inputs, errors);
    }
    if let Some(sheet) = workbooks.grid(&ANIMATEURS, errors) {
        return read_grid(&sheet, inputs, errors);
    }
    errors.push(no_schedule(workbooks));
    Vec::new()
}

/// What `check` gets from a planning workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum ScheduleReading {
    Read(Vec<Affectation>),
    /// Both `Affectations` and the `Animateurs` grid are there, and they differ.
    Disagree(Disagreement),
}

/// Reads the sheet chosen with `--feuille`; without a choice, reads both sheets when both are
/// present and reports their differences rather than trusting one (the list when they agree).
pub(crate) fn read_chosen(
    workbooks: &mut Workbooks,
    inputs: &Inputs,
    choice: Option<ScheduleSheet>,
    errors: &mut Vec<InputError>,
) -> ScheduleReading {
    let file = workbooks.files().join(", ");
    match choice {
        Some(ScheduleSheet::Affectations) => {
            let Some(sheet) = workbooks.sheet(&AFFECTATIONS, false, errors) else {
                errors.push(InputError::new(
                    file,
                    "pas de feuille « Affectations » dans ce planning (--feuille affectations) ; \
                     --feuille grille lit la grille « Animateurs »",
                ));
                return ScheduleReading::Read(Vec::new());
            };
            ScheduleReading::Read(read_long(&sheet, inputs, errors))
        }
        Some(ScheduleSheet::Grille) => {
            let Some(sheet) = workbooks.grid(&ANIMATEURS, errors) else {
                errors.push(InputError::new(
                    file,
                    "pas de grille « Animateurs » dans ce planning (--feuille grille) ; \
                     --feuille affectations lit la feuille « Affectations »",
                ));
                return ScheduleReading::Read(Vec::new());
            };
            ScheduleReading::Read(read_grid(&sheet, inputs, errors))
        }
        None => {
            let list = workbooks.sheet(&AFFECTATIONS, false, errors);
            let grid = workbooks.grid(&ANIMATEURS, errors);
            match (list, grid) {
                (Some(list), Some(grid)) => {
                    let list = read_long(&list, inputs, errors);
                    let grid = read_grid(&grid, inputs, errors);
                    match differences(&grid, &list, inputs, &file) {
                        Some(disagreement) if errors.is_empty() => {
                            ScheduleReading::Disagree(disagreement)
                        }
                        _ => ScheduleReading::Read(list),
                    }
                }
                (Some(list), None) => ScheduleReading::Read(read_long(&list, inputs, errors)),
                (None, Some(grid)) => ScheduleReading::Read(read_grid(&grid, inputs, errors)),
                (None, None) => {
                    errors.push(no_schedule(workbooks));
                    ScheduleReading::Read(Vec::new())
                }
            }
        }
    }
}

fn no_schedule(workbooks: &Workbooks) -> InputError {
    InputError::new(
        workbooks.files().join(", "),
        "aucun planning trouvé : attendu une feuille « Affectations » (colonnes Animateur, \
         Accueil, Date, Creneau, Role) ou une grille « Animateurs » (Id, puis une colonne par \
         date avec le code de l'accueil)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_cells_with_director_marks() {
        let parsed = grid_entries(&Data::String("ALSH-DOUE (D)".into()));
        assert_eq!(parsed, Ok(vec![("ALSH-DOUE".to_string(), Role::Direction)]));
        let parsed = grid_entries(&Data::String("A, B (direction)".into()));
        assert_eq!(
            parsed,
            Ok(vec![
                ("A".to_string(), Role::Animation),
                ("B".to_string(), Role::Direction)
            ])
        );
        assert!(grid_entries(&Data::String("A (chef)".into())).is_err());
    }

    #[test]
    fn roles_in_common_spellings() {
        for text in ["", "animation", "Animatrice"] {
            assert_eq!(parse_role_text(text), Some(Role::Animation), "{text}");
        }
        for text in ["direction", "Directeur", "directrice", "adjoint", "D"] {
            assert_eq!(parse_role_text(text), Some(Role::Direction), "{text}");
        }
        assert_eq!(parse_role_text("cuisinier"), None);
    }
}
