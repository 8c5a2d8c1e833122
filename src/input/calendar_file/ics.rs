//! The ministry's iCalendar files (RFC 5545): one `VEVENT` per period, its dates in `DTSTART`
//! and `DTEND` (a `DATE`, or a date-time taken to its Paris date; `DTEND` exclusive), its name
//! and zones in `SUMMARY` ("Vacances d'Hiver - Zone B", "Vacances de Noël - Zones A/B/C -
//! Corse"). Folded lines (§3.1) and text escapes (`\,` `\;` `\n` `\\`, §3.3.11) are read. An
//! event whose `SUMMARY` names no zone takes the zone of the file name (`Zone-B.ics`).

use chrono::NaiveDate;

use super::events::{for_teachers_only, zones};
use super::paris::parse_ics_date;
use super::text::{Lines, shown};
use crate::error::InputError;
use crate::rules::calendar::{
    CalendarFile, CalendarFormat, PublishedPeriod, SchoolZone, ZonedBreak,
};

/// One unfolded content line: where it starts, its name (upper case), parameters and value.
struct ContentLine {
    line: u32,
    name: String,
    value: String,
}

/// The properties of one `VEVENT` that matter.
#[derive(Default)]
struct Event {
    line: u32,
    start: Option<(u32, String)>,
    end: Option<(u32, String)>,
    summary: Option<(u32, String)>,
}

pub fn read(file: &str, lines: &Lines) -> Result<CalendarFile, Vec<InputError>> {
    let mut errors = Vec::new();
    let error = |line: u32, value: &str, message: String| {
        InputError::new(file, message).row(line).value(shown(value))
    };
    let mut breaks = Vec::new();
    let mut event: Option<Event> = None;
    let mut nested = 0_u32;
    for content in unfold(lines) {
        match (
            content.name.as_str(),
            content.value.to_ascii_uppercase().as_str(),
        ) {
            ("BEGIN", "VEVENT") if event.is_none() => {
                event = Some(Event {
                    line: content.line,
                    ..Event::default()
                });
            }
            ("BEGIN", _) if event.is_some() => nested += 1,
            ("END", "VEVENT") if nested == 0 => match event.take() {
                Some(done) => match to_break(file, done) {
                    Ok(Some(zoned)) => breaks.push(zoned),
                    Ok(None) => {}
                    Err(problem) => errors.push(*problem),
                },
                None => errors.push(error(
                    content.line,
                    "END:VEVENT",
                    "END:VEVENT sans BEGIN:VEVENT avant".to_string(),
                )),
            },
            ("END", _) if nested > 0 => nested -= 1,
            (name, _) if nested == 0 => {
                if let Some(current) = event.as_mut() {
                    let slot = match name {
                        "DTSTART" => &mut current.start,
                        "DTEND" => &mut current.end,
                        "SUMMARY" => &mut current.summary,
                        _ => continue,
                    };
                    *slot = Some((content.line, content.value));
                }
            }
            _ => {}
        }
    }
    if let Some(open) = event {
        errors.push(error(
            open.line,
            "BEGIN:VEVENT",
            "événement sans END:VEVENT : le fichier est coupé".to_string(),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if breaks.is_empty() {
        return Err(vec![InputError::new(
            file,
            "aucun événement VEVENT de vacances dans ce fichier iCalendar",
        )]);
    }
    Ok(CalendarFile {
        name: file.to_string(),
        format: CalendarFormat::Ics,
        breaks,
        listed_days: None,
        listed_zones: Vec::new(),
    })
}

/// RFC 5545 §3.1: a line that starts with a space or a tab continues the previous one.
fn unfold(lines: &Lines) -> Vec<ContentLine> {
    let mut logical: Vec<(u32, String)> = Vec::new();
    for (number, line) in lines.numbered() {
        match (line.strip_prefix([' ', '\t']), logical.last_mut()) {
            (Some(rest), Some((_, previous))) => previous.push_str(rest),
            _ if line.trim().is_empty() => {}
            _ => logical.push((number, line.to_string())),
        }
    }
    logical
        .into_iter()
        .map(|(line, text)| {
            let split = value_start(&text);
            let (head, value) = text.split_at(split);
            let name = head
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_uppercase();
            ContentLine {
                line,
                name,
                value: value.strip_prefix(':').unwrap_or(value).to_string(),
            }
        })
        .collect()
}

/// Where the value starts: the first `:` outside a quoted parameter value.
fn value_start(text: &str) -> usize {
    let mut quoted = false;
    for (index, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return index,
            _ => {}
        }
    }
    text.len()
}

/// RFC 5545 §3.3.11 text escapes.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push(' '),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The break an event stands for; `None` for the teachers' own dates.
fn to_break(file: &str, event: Event) -> Result<Option<ZonedBreak>, Box<InputError>> {
    let located = |line: u32, value: &str, message: &str| {
        Box::new(InputError::new(file, message).row(line).value(shown(value)))
    };
    let Some((summary_line, summary)) = event.summary.map(|(line, text)| (line, unescape(&text)))
    else {
        return Err(Box::new(
            InputError::new(
                file,
                "événement sans SUMMARY : impossible de savoir quelles vacances et quelle zone \
                 il donne",
            )
            .row(event.line),
        ));
    };
    if for_teachers_only(&summary) {
        return Ok(None);
    }
    let (label, zone_text) = summary.split_once(" - ").unwrap_or((summary.as_str(), ""));
    let zones = if zone_text.trim().is_empty() {
        zone_of_file_name(file).map(|zone| vec![zone])
    } else {
        zones(zone_text)
    };
    let Some(zones) = zones.filter(|z| !z.is_empty()) else {
        return Err(located(
            summary_line,
            &summary,
            "zone inconnue dans SUMMARY ; attendu « Vacances … - Zone A », « - Zone B », « - Zone \
             C », « - Zones A/B/C » ou « - Corse »",
        ));
    };
    let date = |property: Option<(u32, String)>,
                name: &str|
     -> Result<Option<NaiveDate>, Box<InputError>> {
        let Some((line, value)) = property else {
            return Ok(None);
        };
        parse_ics_date(&value).map(Some).ok_or_else(|| {
            located(
                line,
                &value,
                &format!(
                    "date illisible dans {name} ; attendu AAAAMMJJ (VALUE=DATE) ou une date-heure \
                     AAAAMMJJTHHMMSS"
                ),
            )
        })
    };
    let Some(start) = date(event.start, "DTSTART")? else {
        return Err(located(
            event.line,
            &summary,
            "événement sans DTSTART : sa date de début manque",
        ));
    };
    let end_value = event
        .end
        .as_ref()
        .map(|(line, value)| (*line, value.clone()));
    let end = date(event.end, "DTEND")?;
    if let (Some(end), Some((line, value))) = (end, end_value)
        && end < start
    {
        return Err(located(
            line,
            &value,
            &format!(
                "DTEND avant DTSTART ({}) : la fin de l'événement « {label} » précède son début",
                start.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(Some(ZonedBreak {
        zones,
        academie: None,
        period: PublishedPeriod {
            label: label.trim().to_string(),
            start,
            end,
        },
    }))
}

/// `Zone-B.ics` → zone B (the single-zone files of the ministry).
fn zone_of_file_name(file: &str) -> Option<SchoolZone> {
    let name = std::path::Path::new(file)
        .file_stem()?
        .to_string_lossy()
        .to_string();
    let zones = zones(&name.replace('-', " ")).unwrap_or_default();
    match zones.as_slice() {
        [zone] => Some(*zone),
        _ => None,
    }
}
