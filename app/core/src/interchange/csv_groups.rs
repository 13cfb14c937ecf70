//! Groups as a CSV file, one row per group, for spreadsheets. Topics and the
//! office are named by their slugs and resolved against records the caller
//! already has. The columns are documented in `docs/import-format.md`.

use super::csv_row::{Columns, Lookup, Row};
use super::schedule_text::format_schedules;
use super::{check_size, format_date, strip_bom, ImportError};
use crate::domain::{Group, GroupId, LongText, Name, OfficeId, ShortText, Slug, TopicId, Version};
use crate::records::Records;
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;
use uuid::Uuid;

/// All columns, in the order [`groups_to_csv`] writes them.
pub const COLUMNS: [&str; 33] = [
    "id",
    "slug",
    "name",
    "alternate_names",
    "topics",
    "description",
    "details",
    "audience",
    "age_focus",
    "format",
    "location_name",
    "street",
    "postal_code",
    "city",
    "district",
    "publish_address",
    "room_note",
    "schedules",
    "schedule_note",
    "step_free",
    "accessible_toilet",
    "hearing_loop",
    "accessibility_details",
    "languages",
    "contact_person",
    "contact_phone",
    "contact_email",
    "contact_website",
    "contact_publish",
    "accepting_new_members",
    "status",
    "office",
    "last_verified",
];

/// Columns the header must name; the others may be left out (blank).
pub const REQUIRED_COLUMNS: [&str; 9] = [
    "name",
    "topics",
    "description",
    "audience",
    "format",
    "languages",
    "accepting_new_members",
    "status",
    "office",
];

/// Separates the items of a list cell (`de|tr`).
pub(super) const LIST_SEPARATOR: char = '|';

/// A spreadsheet runs a cell that starts with one of these as a formula;
/// exported cells starting so get a leading `'`, which import removes.
pub(super) const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The groups of `records` as CSV for German spreadsheets: UTF-8 with BOM,
/// `;` between cells, CRLF line ends, a header row of [`COLUMNS`].
/// [`groups_from_csv`] reads it back to the same data and ids.
///
/// # Panics
/// Never in practice: the CSV is written to memory.
pub fn groups_to_csv(records: &Records) -> String {
    let topics: HashMap<TopicId, &str> = records
        .topics
        .iter()
        .map(|t| (t.id, t.data.slug.as_str()))
        .collect();
    let offices: HashMap<OfficeId, &str> = records
        .offices
        .iter()
        .map(|o| (o.id, o.data.slug.as_str()))
        .collect();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS).expect("writing to memory");
    for g in &records.groups {
        let row = COLUMNS.map(|col| protect(cell(g, col, &topics, &offices)));
        w.write_record(&row).expect("writing to memory");
    }
    let bytes = w.into_inner().expect("writing to memory");
    format!(
        "\u{feff}{}",
        String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out")
    )
}

fn cell(
    g: &Group,
    col: &str,
    topics: &HashMap<TopicId, &str>,
    offices: &HashMap<OfficeId, &str>,
) -> String {
    let d = &g.data;
    let location = d.location.as_ref();
    let address = location.map(|l| &l.address);
    let text = |s: Option<&str>| s.unwrap_or_default().to_owned();
    let list = |items: Vec<String>| items.join(&LIST_SEPARATOR.to_string());
    let c = &d.contact;
    let a = &d.accessibility;
    match col {
        "id" => g.id.to_string(),
        "slug" => d.slug.to_string(),
        "name" => d.name.to_string(),
        "alternate_names" => list(d.alternate_names.iter().map(Name::to_string).collect()),
        "topics" => list(
            d.topics
                .iter()
                .map(|t| {
                    topics
                        .get(t)
                        .map_or_else(|| t.to_string(), |s| (*s).to_owned())
                })
                .collect(),
        ),
        "description" => d.description.to_string(),
        "details" => text(d.details.as_ref().map(LongText::as_str)),
        "audience" => d.audience.key().to_owned(),
        "age_focus" => d
            .age_focus
            .map(|a| format!("{}-{}", a.min(), a.max()))
            .unwrap_or_default(),
        "format" => d.format.key().to_owned(),
        "location_name" => text(location.and_then(|l| l.name.as_ref()).map(Name::as_str)),
        "street" => text(address.map(|a| a.street.as_str())),
        "postal_code" => text(address.map(|a| a.postal_code.as_str())),
        "city" => text(address.map(|a| a.city.as_str())),
        "district" => text(address.map(|a| a.district.as_str())),
        "publish_address" => text(location.map(|l| yes_no(l.publish_address))),
        "room_note" => text(
            location
                .and_then(|l| l.room_note.as_ref())
                .map(ShortText::as_str),
        ),
        "schedules" => format_schedules(&d.schedules),
        "schedule_note" => text(d.schedule_note.as_ref().map(ShortText::as_str)),
        "step_free" => yes_no(a.step_free).to_owned(),
        "accessible_toilet" => yes_no(a.accessible_toilet).to_owned(),
        "hearing_loop" => yes_no(a.hearing_loop).to_owned(),
        "accessibility_details" => text(a.details.as_ref().map(ShortText::as_str)),
        "languages" => list(d.languages.iter().map(|l| l.code().to_owned()).collect()),
        "contact_person" => text(c.person.as_ref().map(Name::as_str)),
        "contact_phone" => text(c.phone.as_ref().map(|p| p.as_str())),
        "contact_email" => text(c.email.as_ref().map(|e| e.as_str())),
        "contact_website" => text(c.website.as_ref().map(|w| w.as_str())),
        "contact_publish" => yes_no(c.publish).to_owned(),
        "accepting_new_members" => d.accepting_new_members.key().to_owned(),
        "status" => d.status.key().to_owned(),
        "office" => offices
            .get(&d.office_id)
            .map_or_else(|| d.office_id.to_string(), |s| (*s).to_owned()),
        "last_verified" => d.last_verified.map(format_date).unwrap_or_default(),
        other => unreachable!("column {other} is not in COLUMNS"),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "ja"
    } else {
        "nein"
    }
}

fn protect(value: String) -> String {
    if value.starts_with(FORMULA_START) {
        format!("'{value}")
    } else {
        value
    }
}

/// Read groups from CSV. All or nothing: every problem of every row is
/// reported, and a file with any problem gives no groups.
///
/// * `context`: the topics and offices that slugs in the `topics` and
///   `office` columns name, and the groups that exist and stay next to the
///   imported ones (pass none when the import replaces all groups). A row
///   whose `id` is one of them updates it and keeps its slug when `slug` is
///   blank; an explicit slug must not belong to another of them.
/// * `now`: `updated_at` of every imported group; `version` is 1 (the caller
///   decides about versions of groups it already has).
/// * `new_id`: ids for rows with a blank `id`.
pub fn groups_from_csv(
    csv: &str,
    context: &Records,
    now: OffsetDateTime,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Result<Vec<Group>, ImportError> {
    check_size(csv)?;
    let text = strip_bom(csv);
    if text.trim().is_empty() {
        return Err(ImportError::Csv(
            "Die Datei ist leer; die erste Zeile muss die Spaltenüberschriften enthalten"
                .to_owned(),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = reader.records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(unreadable(e)),
        None => return Err(ImportError::Csv("Die Kopfzeile fehlt".to_owned())),
    };
    let columns = Columns::from_header(&header)?;
    let lookup = Lookup::new(context);

    let mut errors = Vec::new();
    let mut drafts = Vec::new();
    let mut ids: HashMap<GroupId, usize> = HashMap::new();
    let mut slugs: HashMap<Slug, usize> = HashMap::new();
    for rec in rows {
        let rec = rec.map_err(unreadable)?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = rec
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let mut row = Row::new(line, &rec, &columns);
        let draft = row.parse(&lookup);
        if let Some(id) = draft.id {
            if let Some(first) = ids.get(&id) {
                row.err(
                    "id",
                    format!("„{id}“ kommt doppelt vor (wie in Zeile {first})"),
                );
            } else {
                ids.insert(id, line);
            }
        }
        if let Some(slug) = &draft.slug {
            if let Some(first) = slugs.get(slug) {
                row.err(
                    "slug",
                    format!("„{slug}“ kommt doppelt vor (wie in Zeile {first})"),
                );
            } else if let Some(other) = lookup
                .slug_owner(slug)
                .filter(|owner| draft.id != Some(*owner))
            {
                row.err("slug", format!("„{slug}“ gehört schon der Gruppe {other}"));
            } else {
                slugs.insert(slug.clone(), line);
            }
        }
        errors.append(&mut row.errors);
        drafts.push(draft);
    }
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors));
    }

    // All rows are valid: name the rows without a slug, give ids.
    let mut taken: HashSet<Slug> = slugs.into_keys().collect();
    taken.extend(
        context
            .groups
            .iter()
            .filter(|g| !ids.contains_key(&g.id))
            .map(|g| g.data.slug.clone()),
    );
    let mut groups = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let Some(mut input) = draft.input else {
            continue;
        };
        input.slug = match draft.slug {
            Some(slug) => slug,
            None => {
                let kept = draft
                    .id
                    .and_then(|id| lookup.existing_slug(id))
                    .filter(|s| !taken.contains(*s));
                let slug = kept
                    .cloned()
                    .unwrap_or_else(|| free_slug(&input.name, &taken));
                taken.insert(slug.clone());
                slug
            }
        };
        let id = draft.id.unwrap_or_else(|| GroupId(new_id()));
        groups.push(Group {
            id,
            version: Version::FIRST,
            updated_at: now,
            data: input,
        });
    }
    Ok(groups)
}

fn free_slug(name: &Name, taken: &HashSet<Slug>) -> Slug {
    let base = Slug::from_name(name.as_str());
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| base.with_suffix(n))
        .find(|s| !taken.contains(s))
        .expect("some suffix is free")
}

fn unreadable(e: csv::Error) -> ImportError {
    ImportError::Csv(format!("Die CSV-Datei ist nicht lesbar: {e}"))
}

/// The delimiter used most in the header line outside quotes: `;` (German
/// Excel), `,` or tab; `,` when there is none.
fn detect_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                if b == *d {
                    *n += 1;
                }
            }
        }
    }
    let mut best = counts[0];
    for c in &counts[1..] {
        if c.1 > best.1 {
            best = *c;
        }
    }
    best.0
}
