//! Import and export of a directory as files a contact office can keep and
//! edit: a JSON envelope with all records, and a CSV file of groups for
//! spreadsheets. The format is described in `docs/import-format.md`.
//!
//! Imports are all or nothing: a file with a broken record or row is
//! rejected as a whole, with one German message per problem
//! ([`ImportError::messages`]). Values are checked by the domain parsers, so
//! every rule lives in one place.

mod csv_groups;
mod csv_row;
mod json;
mod json_fields;
mod schedule_text;
#[cfg(test)]
mod tests;

pub use csv_groups::{groups_from_csv, groups_to_csv, COLUMNS, REQUIRED_COLUMNS};
pub use json::{data_problems, from_json, to_json, FORMAT, FORMAT_VERSION};
pub use schedule_text::{format_schedule, format_schedules, parse_schedule, parse_schedules};

use std::fmt;
use time::Date;

/// Files larger than this are rejected before they are parsed (50 MiB).
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// Why an import was rejected. Every variant carries all problems found, not
/// just the first; [`messages`](Self::messages) gives one line per problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("Die Datei ist zu groß ({} MB; höchstens {} MB)", mb(*.size), mb(*.max))]
    TooLarge { size: usize, max: usize },
    #[error("Die Datei ist kein gültiges JSON (Zeile {line}, Spalte {column}: {message})")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "Die Datei ist kein Wegweiser-Verzeichnis: „format“ muss „{}“ sein, gefunden: {found}",
        FORMAT
    )]
    WrongFormat { found: String },
    #[error(
        "Formatversion {found} wird nicht unterstützt (unterstützt: {})",
        FORMAT_VERSION
    )]
    UnsupportedVersion { found: String },
    /// The envelope around the records is malformed (not an object, a key
    /// missing or unknown, a list that is not a list).
    #[error("{}", .0.join("; "))]
    Envelope(Vec<String>),
    /// Records that could not be read; every broken record of the file.
    #[error("{}", join(.0))]
    Records(Vec<RecordError>),
    /// Records that are valid alone but not together (unknown topic or
    /// office, a duplicate id or slug, a broken topic tree).
    #[error("{}", join(.0))]
    References(Vec<RecordError>),
    /// The CSV file cannot be read at all (empty, no header).
    #[error("{0}")]
    Csv(String),
    /// The CSV header names unknown columns, lacks required ones, or names
    /// one twice.
    #[error("{}", column_lines(.unknown, .missing, .duplicate).join("; "))]
    Columns {
        unknown: Vec<String>,
        missing: Vec<String>,
        duplicate: Vec<String>,
    },
    /// Every problem of every CSV row.
    #[error("{}", join(.0))]
    Rows(Vec<RowError>),
}

impl ImportError {
    /// One line per problem, for an import report.
    pub fn messages(&self) -> Vec<String> {
        match self {
            Self::Envelope(lines) => lines.clone(),
            Self::Records(errs) | Self::References(errs) => {
                errs.iter().map(ToString::to_string).collect()
            }
            Self::Columns {
                unknown,
                missing,
                duplicate,
            } => column_lines(unknown, missing, duplicate),
            Self::Rows(errs) => errs.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

/// The kind of a JSON record, named in messages ("Gruppe 17").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Topic,
    Office,
    Group,
}

impl RecordKind {
    /// The German name used in messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Topic => "Thema",
            Self::Office => "Kontaktstelle",
            Self::Group => "Gruppe",
        }
    }

    /// The key of the list in the JSON envelope.
    pub fn key(self) -> &'static str {
        match self {
            Self::Topic => "topics",
            Self::Office => "offices",
            Self::Group => "groups",
        }
    }
}

/// A problem with one JSON record: `Gruppe 17, Feld data.contact.phone: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub kind: RecordKind,
    /// Position in its list, counted from 1.
    pub index: usize,
    /// Path inside the record (`data.contact.phone`, `data.schedules[0].opens_at`;
    /// positions inside a record count from 0), when known.
    pub field: Option<String>,
    /// German reason.
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.label(), self.index)?;
        if let Some(field) = &self.field {
            write!(f, ", Feld {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A problem with one cell of a CSV file: `Zeile 7, Spalte contact_phone: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file where the row starts; the header is line 1.
    pub row: usize,
    /// Column name as in [`COLUMNS`].
    pub field: String,
    /// German reason.
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Zeile {}, Spalte {}: {}",
            self.row, self.field, self.message
        )
    }
}

fn join<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn mb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

fn column_lines(unknown: &[String], missing: &[String], duplicate: &[String]) -> Vec<String> {
    let quoted = |c: &String| format!("„{c}“");
    let mut out = Vec::new();
    out.extend(
        unknown
            .iter()
            .map(|c| format!("Unbekannte Spalte {}", quoted(c))),
    );
    out.extend(
        missing
            .iter()
            .map(|c| format!("Pflichtspalte {} fehlt", quoted(c))),
    );
    out.extend(
        duplicate
            .iter()
            .map(|c| format!("Spalte {} kommt doppelt vor", quoted(c))),
    );
    out
}

/// Reject oversized input before parsing it.
fn check_size(input: &str) -> Result<(), ImportError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            size: input.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

fn strip_bom(input: &str) -> &str {
    input.strip_prefix('\u{feff}').unwrap_or(input)
}

/// `2026-10-15`, or `15.10.2026` as German spreadsheets write dates back.
pub(crate) fn parse_date(raw: &str) -> Result<Date, crate::domain::Problem> {
    use crate::domain::Problem;
    let raw = raw.trim();
    let (y, m, d) = if let Some((d, rest)) = raw.split_once('.') {
        let (m, y) = rest.split_once('.').ok_or(Problem::Date)?;
        (y, m, d)
    } else {
        let mut parts = raw.splitn(3, '-');
        let y = parts.next().ok_or(Problem::Date)?;
        let m = parts.next().ok_or(Problem::Date)?;
        let d = parts.next().ok_or(Problem::Date)?;
        if m.len() != 2 || d.len() != 2 {
            return Err(Problem::Date);
        }
        (y, m, d)
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)) {
        return Err(Problem::Date);
    }
    let month = time::Month::try_from(m.parse::<u8>().map_err(|_| Problem::Date)?)
        .map_err(|_| Problem::Date)?;
    let year = y.parse().map_err(|_| Problem::Date)?;
    let day = d.parse().map_err(|_| Problem::Date)?;
    Date::from_calendar_date(year, month, day).map_err(|_| Problem::Date)
}

/// `2026-10-15`.
pub(crate) fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}
