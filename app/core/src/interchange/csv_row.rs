//! Reading one CSV row of a group: every cell parsed by its domain type,
//! every problem noted with its column.

use super::csv_groups::{COLUMNS, FORMULA_START, LIST_SEPARATOR, REQUIRED_COLUMNS};
use super::schedule_text::parse_schedules;
use super::{parse_date, ImportError, RowError};
use crate::domain::{
    Accepting, Accessibility, Address, AgeFocus, Audience, Contact, District, Format, GroupId,
    GroupInput, Language, Location, LongText, Name, OfficeId, PostalCode, Problem, Schedule,
    ShortText, Slug, Status, TopicId,
};
use crate::records::Records;
use csv::StringRecord;
use std::collections::HashMap;
use std::fmt::Display;
use uuid::Uuid;

/// Where each known column is in the file.
pub(super) struct Columns {
    index: HashMap<&'static str, usize>,
    /// Positions of cells that must stay blank: no or a blank header.
    unnamed: Vec<usize>,
    width: usize,
}

impl Columns {
    pub(super) fn from_header(header: &StringRecord) -> Result<Self, ImportError> {
        let mut index = HashMap::new();
        let mut unnamed = Vec::new();
        let (mut unknown, mut duplicate) = (Vec::new(), Vec::new());
        for (i, raw) in header.iter().enumerate() {
            let name = raw.trim().to_lowercase().replace([' ', '-'], "_");
            if name.is_empty() {
                unnamed.push(i);
                continue;
            }
            match COLUMNS.iter().find(|c| **c == name) {
                Some(col) => {
                    if index.insert(*col, i).is_some() {
                        duplicate.push((*col).to_owned());
                    }
                }
                None => unknown.push(raw.trim().to_owned()),
            }
        }
        let missing: Vec<String> = REQUIRED_COLUMNS
            .iter()
            .filter(|c| !index.contains_key(**c))
            .map(|c| (*c).to_owned())
            .collect();
        if unknown.is_empty() && missing.is_empty() && duplicate.is_empty() {
            Ok(Self {
                index,
                unnamed,
                width: header.len(),
            })
        } else {
            Err(ImportError::Columns {
                unknown,
                missing,
                duplicate,
            })
        }
    }
}

/// Names resolved against the caller's records.
pub(super) struct Lookup<'a> {
    topics: HashMap<&'a str, TopicId>,
    offices: HashMap<&'a str, OfficeId>,
    group_slugs: HashMap<&'a Slug, GroupId>,
    group_by_id: HashMap<GroupId, &'a Slug>,
}

impl<'a> Lookup<'a> {
    pub(super) fn new(r: &'a Records) -> Self {
        Self {
            topics: r
                .topics
                .iter()
                .map(|t| (t.data.slug.as_str(), t.id))
                .collect(),
            offices: r
                .offices
                .iter()
                .map(|o| (o.data.slug.as_str(), o.id))
                .collect(),
            group_slugs: r.groups.iter().map(|g| (&g.data.slug, g.id)).collect(),
            group_by_id: r.groups.iter().map(|g| (g.id, &g.data.slug)).collect(),
        }
    }

    fn topic(&self, slug: &str) -> Result<TopicId, Problem> {
        self.topics
            .get(slug.to_lowercase().as_str())
            .copied()
            .ok_or(Problem::UnknownTopic)
    }

    fn office(&self, slug: &str) -> Result<OfficeId, String> {
        self.offices
            .get(slug.to_lowercase().as_str())
            .copied()
            .ok_or_else(|| format!("„{slug}“ {}", Problem::UnknownOffice))
    }

    pub(super) fn slug_owner(&self, slug: &Slug) -> Option<GroupId> {
        self.group_slugs.get(slug).copied()
    }

    pub(super) fn existing_slug(&self, id: GroupId) -> Option<&'a Slug> {
        self.group_by_id.get(&id).copied()
    }
}

/// What one row gave: its id and slug when written, and the group data when
/// the row has no problem.
pub(super) struct Draft {
    pub(super) id: Option<GroupId>,
    pub(super) slug: Option<Slug>,
    pub(super) input: Option<GroupInput>,
}

pub(super) struct Row<'a> {
    line: usize,
    rec: &'a StringRecord,
    columns: &'a Columns,
    pub(super) errors: Vec<RowError>,
}

impl<'a> Row<'a> {
    pub(super) fn new(line: usize, rec: &'a StringRecord, columns: &'a Columns) -> Self {
        Self {
            line,
            rec,
            columns,
            errors: Vec::new(),
        }
    }

    fn get(&self, col: &str) -> &'a str {
        self.columns
            .index
            .get(col)
            .and_then(|&i| self.rec.get(i))
            .map_or("", unprotect)
    }

    pub(super) fn err(&mut self, col: &str, message: impl Display) {
        self.errors.push(RowError {
            row: self.line,
            field: col.to_owned(),
            message: message.to_string(),
        });
    }

    fn check<T, E: Display>(&mut self, col: &str, r: Result<T, E>) -> Option<T> {
        r.map_err(|e| self.err(col, e)).ok()
    }

    fn required<T, E: Display>(
        &mut self,
        col: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        match self.get(col) {
            "" => {
                self.err(col, Problem::Empty);
                None
            }
            raw => self.check(col, parse(raw)),
        }
    }

    /// Blank is `Some(None)`; a bad value is `None`.
    fn optional<T, E: Display>(
        &mut self,
        col: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<Option<T>> {
        match self.get(col) {
            "" => Some(None),
            raw => self.check(col, parse(raw)).map(Some),
        }
    }

    /// `a|b|c`; each bad item is reported with its value.
    fn list<T, E: Display>(
        &mut self,
        col: &str,
        parse: impl Fn(&str) -> Result<T, E>,
    ) -> Option<Vec<T>> {
        let raw = self.get(col);
        let mut out = Vec::new();
        let mut ok = true;
        for item in raw
            .split(LIST_SEPARATOR)
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match parse(item) {
                Ok(v) => out.push(v),
                Err(e) => {
                    self.err(col, format!("„{item}“ {e}"));
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    /// ja/nein, true/false, 1/0 (and a few more); blank is no.
    fn flag(&mut self, col: &str) -> Option<bool> {
        match self.get(col).to_lowercase().as_str() {
            "" | "nein" | "n" | "false" | "falsch" | "no" | "0" => Some(false),
            "ja" | "j" | "true" | "wahr" | "yes" | "1" | "x" => Some(true),
            _ => {
                self.err(col, Problem::OneOf("ja, nein (auch true/false, 1/0)"));
                None
            }
        }
    }

    /// Cells beyond the header or under a blank header must be empty.
    fn check_unnamed(&mut self) {
        let extra = self
            .columns
            .unnamed
            .iter()
            .copied()
            .chain(self.columns.width..self.rec.len());
        let bad: Vec<usize> = extra
            .filter(|&i| self.rec.get(i).is_some_and(|c| !c.trim().is_empty()))
            .collect();
        for i in bad {
            self.err(
                &format!("Spalte {}", i + 1),
                "Wert in einer Spalte ohne Überschrift",
            );
        }
    }

    pub(super) fn parse(&mut self, lookup: &Lookup) -> Draft {
        self.check_unnamed();
        let id = self.optional("id", GroupId::parse).flatten();
        let slug = self.optional("slug", Slug::parse).flatten();
        let name = self.required("name", Name::parse);
        let alternate_names = self.list("alternate_names", Name::parse);
        let topics = self.list("topics", |s| lookup.topic(s));
        let description = self.required("description", ShortText::parse);
        let details = self.optional("details", LongText::parse);
        let audience = self.required("audience", |s| {
            keyed(s, Audience::ALL, Audience::label, Audience::parse)
        });
        let age_focus = self.optional("age_focus", AgeFocus::parse);
        let format = self.required("format", |s| {
            keyed(s, Format::ALL, Format::label, Format::parse)
        });
        let location = self.location();
        let schedules = self.schedules();
        let schedule_note = self.optional("schedule_note", ShortText::parse);
        let accessibility = self.accessibility();
        let languages = self.list("languages", Language::parse);
        let contact = self.contact();
        let accepting = self.required("accepting_new_members", |s| {
            keyed(s, Accepting::ALL, Accepting::label, Accepting::parse)
        });
        let status = self.required("status", |s| {
            keyed(s, Status::ALL, Status::label, Status::parse)
        });
        let office_id = self.required("office", |s| lookup.office(s));
        let last_verified = self.optional("last_verified", parse_date);

        // The rules between fields run even when other cells of the row are
        // broken, as long as the cells they read are fine; the values of the
        // broken cells are stand-ins then, and the row is rejected anyway.
        let ready = topics.is_some()
            && languages.is_some()
            && format.is_some()
            && location.is_some()
            && schedules.is_some()
            && schedule_note.is_some();
        let input = GroupInput {
            slug: Slug::parse("platzhalter").expect("valid stand-in"),
            name: name.unwrap_or_else(|| Name::parse("Platzhalter").expect("valid stand-in")),
            alternate_names: alternate_names.unwrap_or_default(),
            topics: topics.unwrap_or_default(),
            description: description
                .unwrap_or_else(|| ShortText::parse("-").expect("valid stand-in")),
            details: details.flatten(),
            audience: audience.unwrap_or(Audience::Both),
            age_focus: age_focus.flatten(),
            format: format.unwrap_or(Format::Online),
            location: location.flatten(),
            schedules: schedules.unwrap_or_default(),
            schedule_note: schedule_note.flatten(),
            accessibility: accessibility.unwrap_or_default(),
            languages: languages.unwrap_or_default(),
            contact: contact.unwrap_or_default(),
            accepting_new_members: accepting.unwrap_or(Accepting::Yes),
            status: status.unwrap_or(Status::Active),
            office_id: office_id.unwrap_or(OfficeId(Uuid::nil())),
            last_verified: last_verified.flatten(),
        };
        if ready {
            if let Err(e) = input.check() {
                for fe in e.0 {
                    // `location` has no column of its own; its first one is `street`.
                    let col = if fe.field == "location" {
                        "street"
                    } else {
                        fe.field.as_str()
                    };
                    self.err(col, fe.problem);
                }
            }
        }
        Draft {
            id,
            slug,
            input: self.errors.is_empty().then_some(input),
        }
    }

    /// No place when all place cells are blank; otherwise a full address.
    fn location(&mut self) -> Option<Option<Location>> {
        let cells = [
            "location_name",
            "street",
            "postal_code",
            "city",
            "district",
            "room_note",
        ];
        let any = cells.iter().any(|c| !self.get(c).is_empty());
        let publish = self.flag("publish_address");
        if !any {
            if publish == Some(true) {
                self.err(
                    "publish_address",
                    "gilt nur zusammen mit einer Adresse (street, postal_code, city, district)",
                );
                return None;
            }
            return publish.map(|_| None);
        }
        let name = self.optional("location_name", Name::parse);
        let street = self.required("street", Name::parse);
        let postal_code = self.required("postal_code", |s| {
            // Spreadsheets drop the leading zero of 01067 and the like.
            if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
                PostalCode::parse(&format!("0{s}"))
            } else {
                PostalCode::parse(s)
            }
        });
        let city = self.required("city", Name::parse);
        let district = self.required("district", District::parse);
        let room_note = self.optional("room_note", ShortText::parse);
        Some(Some(Location {
            name: name?,
            address: Address {
                street: street?,
                postal_code: postal_code?,
                city: city?,
                district: district?,
            },
            publish_address: publish?,
            room_note: room_note?,
        }))
    }

    fn schedules(&mut self) -> Option<Vec<Schedule>> {
        match parse_schedules(self.get("schedules")) {
            Ok(s) => Some(s),
            Err(errs) => {
                for e in errs {
                    self.err("schedules", e);
                }
                None
            }
        }
    }

    fn accessibility(&mut self) -> Option<Accessibility> {
        let step_free = self.flag("step_free");
        let accessible_toilet = self.flag("accessible_toilet");
        let hearing_loop = self.flag("hearing_loop");
        let details = self.optional("accessibility_details", ShortText::parse);
        Some(Accessibility {
            step_free: step_free?,
            accessible_toilet: accessible_toilet?,
            hearing_loop: hearing_loop?,
            details: details?,
        })
    }

    fn contact(&mut self) -> Option<Contact> {
        let publish = self.flag("contact_publish");
        let parsed = Contact::parse(
            Some(self.get("contact_person")),
            Some(self.get("contact_phone")),
            Some(self.get("contact_email")),
            Some(self.get("contact_website")),
            publish.unwrap_or(false),
        );
        match parsed {
            Ok(c) => publish.map(|_| c),
            Err(e) => {
                for fe in e.0 {
                    self.err(&format!("contact_{}", fe.field), fe.problem);
                }
                None
            }
        }
    }
}

/// A key (`in_person`) or the German label (`vor Ort`) of a closed set.
fn keyed<T: Copy>(
    raw: &str,
    all: &[T],
    label: fn(T) -> &'static str,
    parse: fn(&str) -> Result<T, Problem>,
) -> Result<T, Problem> {
    parse(raw).or_else(|e| {
        all.iter()
            .copied()
            .find(|v| label(*v).to_lowercase() == raw.to_lowercase())
            .ok_or(e)
    })
}

fn unprotect(raw: &str) -> &str {
    let s = raw.trim();
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => s,
    }
}
