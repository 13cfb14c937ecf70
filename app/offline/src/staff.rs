//! Staff edits kept in the browser (docs/sync.md, "The browser's
//! outbox"). A staff member's edit form is posted to the service worker
//! first: here it becomes a mutation, with the same rules and the same id
//! as on the server (`core::edit::form`), and is kept in the replica's
//! `staff` store before anything else happens. It is then pushed
//! (`POST /api/v1/staff/push`) and dropped only once the server has
//! answered it: applied, or kept as a conflict for a person to decide.
//! One the server rejects stays, with the server's messages, until it is
//! corrected or discarded. An ended session leaves every edit in place.
//!
//! While edits wait, the staff pages show them ([`overlay`]): the record's
//! form holds the values saved, and the next edit is based on them.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use wegweiser_core::domain::Version;
use wegweiser_core::edit::form::{self, shown};
use wegweiser_core::edit::{
    fields, FieldChange, FieldMessage, Mutation, MutationId, Op, Outcome, PushRequest, PushResponse,
};

/// An edit waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    /// The order in which edits were saved; pushed in this order.
    pub seq: u64,
    /// The record's staff page.
    pub page: String,
    /// The record's name after the edit, for the list of waiting edits.
    pub label: String,
    pub mutation: Mutation,
    /// Why the server did not take it; `None` while it waits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected: Option<Rejection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejection {
    pub message: String,
    #[serde(default)]
    pub fields: Vec<FieldMessage>,
}

impl Kept {
    fn changes(&self) -> &[FieldChange] {
        match &self.mutation.op {
            Op::Update { changes, .. } => changes.as_slice(),
            _ => &[],
        }
    }
}

/// What became of a posted form.
#[derive(Debug, Clone, PartialEq)]
pub enum Queued {
    Kept(Kept),
    /// The form changes nothing.
    Unchanged,
    /// Not valid: each field with its message; nothing was kept.
    Refused(Vec<FieldMessage>),
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("keine Seite, auf der Einträge bearbeitet werden: {0}")]
    NotAnEditPage(String),
    #[error("Das Formular ist unvollständig: {0}.")]
    Incomplete(&'static str),
}

fn get<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The edit a form posted to `page` makes, to be kept as number `seq`.
/// Its id is the one the server would give the same form.
pub fn queue(page: &str, pairs: &[(String, String)], seq: u64) -> Result<Queued, FormError> {
    if let Some(kind) = form::new_at(page) {
        let form_id = get(pairs, "mutation")
            .and_then(|m| uuid::Uuid::parse_str(m).ok())
            .ok_or(FormError::Incomplete("mutation"))?;
        return Ok(match form::creation(kind, form_id, pairs) {
            Err(problems) => Queued::Refused(problems),
            Ok(m) => {
                let label = match &m.op {
                    Op::Create { data } => shown(data, "name"),
                    _ => String::new(),
                };
                Queued::Kept(Kept {
                    seq,
                    page: page.to_owned(),
                    label,
                    mutation: m,
                    rejected: None,
                })
            }
        });
    }
    let (kind, record) =
        form::record_at(page).ok_or_else(|| FormError::NotAnEditPage(page.to_owned()))?;
    let base = get(pairs, "base")
        .and_then(|b| b.parse().ok())
        .map(Version)
        .ok_or(FormError::Incomplete("base"))?;
    let original: Value = get(pairs, "original")
        .and_then(|o| serde_json::from_str(o).ok())
        .ok_or(FormError::Incomplete("original"))?;
    let form_id = get(pairs, "mutation")
        .and_then(|m| uuid::Uuid::parse_str(m).ok())
        .ok_or(FormError::Incomplete("mutation"))?;
    let unset = MutationId(uuid::Uuid::nil());
    Ok(
        match form::mutation_of(kind, unset, record, base, &original, pairs) {
            Err(problems) => Queued::Refused(problems),
            Ok(None) => Queued::Unchanged,
            Ok(Some(m)) => {
                let m = form::identify(form_id, m);
                let after = match &m.op {
                    Op::Update { changes, .. } => fields::apply(&original, changes.as_slice()),
                    _ => original.clone(),
                };
                Queued::Kept(Kept {
                    seq,
                    page: page.to_owned(),
                    label: shown(&after, "name"),
                    mutation: m,
                    rejected: None,
                })
            }
        },
    )
}

/// Keep `new` in an outbox: an edit the server rejected, made on the
/// same page, is replaced by it (the new form was filled from it).
/// Answers the ids to delete.
pub fn superseded(outbox: &[Kept], new: &Kept) -> Vec<MutationId> {
    outbox
        .iter()
        .filter(|k| k.rejected.is_some() && k.page == new.page)
        .map(|k| k.mutation.id)
        .collect()
}

/// Where the browser goes after saving `k`: the record's page once it
/// exists, the list while a new record waits.
pub fn record_page_of(k: &Kept) -> String {
    format!(
        "{}/{}",
        form::record_page(k.mutation.kind),
        k.mutation.record
    )
}

/// A record's edit page with the edits still waiting for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overlay {
    /// The data the next edit is based on: the page's, with the waiting
    /// edits applied.
    pub original: Value,
    /// The form fields to fill in, by name: those the waiting and the
    /// rejected edits changed.
    pub values: Vec<(String, String)>,
    pub waiting: usize,
    /// The server's messages about rejected edits, by field.
    pub messages: Vec<FieldMessage>,
}

/// Show the outbox's edits of a record on its page, whose form was
/// rendered from `original`.
pub fn overlay(page: &str, original: &Value, outbox: &[Kept]) -> Option<Overlay> {
    let kind = form::record_at(page)
        .map(|(kind, _)| kind)
        .or_else(|| form::new_at(page))?;
    let mine: Vec<&Kept> = ordered(outbox)
        .into_iter()
        .filter(|k| k.page == page)
        .collect();
    let mut based = original.clone();
    let mut seen = original.clone();
    let mut changed: Vec<&str> = Vec::new();
    let mut every_field = false;
    let mut messages = Vec::new();
    for k in &mine {
        if let Some(r) = &k.rejected {
            messages.extend(r.fields.iter().cloned());
        } else {
            based = fields::apply(&based, k.changes());
        }
        seen = fields::apply(&seen, k.changes());
        changed.extend(k.changes().iter().map(|c| c.path.as_str()));
        // A new record the server refused: its form again, as filled in.
        if let (Op::Create { data }, Some(_)) = (&k.mutation.op, &k.rejected) {
            seen = data.clone();
            every_field = true;
        }
    }
    let touched = |name: &str| {
        every_field
            || changed.iter().any(|p| {
                name == *p
                    || name
                        .strip_prefix(p)
                        .is_some_and(|rest| rest.starts_with('.'))
            })
    };
    let values = form::values(kind, &seen)
        .into_iter()
        .filter(|(name, _)| touched(name))
        .collect();
    Some(Overlay {
        original: based,
        values,
        waiting: mine
            .iter()
            .filter(|k| k.rejected.is_none() && !matches!(k.mutation.op, Op::Create { .. }))
            .count(),
        messages,
    })
}

/// The outbox in the order it was saved.
pub fn ordered(outbox: &[Kept]) -> Vec<&Kept> {
    let mut list: Vec<&Kept> = outbox.iter().collect();
    list.sort_by_key(|k| k.seq);
    list
}

/// The next push: the waiting edits, oldest first (rejected ones wait for
/// a person). `None` when nothing waits.
pub fn push_request(outbox: &[Kept]) -> Option<PushRequest> {
    let mutations: Vec<Mutation> = ordered(outbox)
        .into_iter()
        .filter(|k| k.rejected.is_none())
        .take(wegweiser_core::edit::push::MAX_MUTATIONS)
        .map(|k| k.mutation.clone())
        .collect();
    (!mutations.is_empty()).then_some(PushRequest { mutations })
}

/// What the server's answer to a push means for the outbox.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Settled {
    /// Answered for good: drop these.
    pub drop: Vec<MutationId>,
    /// Rejected: keep these, with the message.
    pub reject: Vec<(MutationId, Rejection)>,
    pub applied: usize,
    pub conflicts: usize,
    pub rejected: usize,
    /// Each answered edit's mutation id, page, and what became of it
    /// (`gespeichert`, `konflikt`, `abgelehnt`).
    pub results: Vec<(String, String, &'static str)>,
}

/// Read the server's answer to a push of `outbox`'s edits.
pub fn settle(outbox: &[Kept], answer: &PushResponse) -> Settled {
    let mut s = Settled::default();
    for pushed in &answer.results {
        let Some(kept) = outbox.iter().find(|k| k.mutation.id == pushed.mutation) else {
            continue;
        };
        let id = pushed.mutation.0.to_string();
        let word = match &pushed.outcome {
            Outcome::Applied { .. } => {
                s.applied += 1;
                s.drop.push(pushed.mutation);
                "gespeichert"
            }
            Outcome::Conflict { .. } => {
                s.conflicts += 1;
                s.drop.push(pushed.mutation);
                "konflikt"
            }
            Outcome::Rejected { message, fields } => {
                s.rejected += 1;
                s.reject.push((
                    pushed.mutation,
                    Rejection {
                        message: message.clone(),
                        fields: fields.clone(),
                    },
                ));
                "abgelehnt"
            }
        };
        s.results.push((id, kept.page.clone(), word));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wegweiser_core::edit::Pushed;
    use wegweiser_core::sync::RecordKind;

    const PAGE: &str = "/mitarbeit/gruppe/00000000-0000-0000-0000-000000000007";
    const FORM: &str = "00000000-0000-0000-0000-0000000000f0";

    fn original() -> Value {
        json!({"name": "Trauercafé", "contact": {"phone": "0221 123456"}, "description": "Austausch.", "location": {"room_note": "Raum 1"},
               "schedules": [{"freq": "weekly", "weekday": "mo", "opens_at": "18:00", "closes_at": "19:30"}],
               "accepting_new_members": "yes", "status": "active"})
    }

    fn posted(original: &Value, changes: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut pairs = vec![
            ("csrf".to_owned(), "t".to_owned()),
            ("mutation".to_owned(), FORM.to_owned()),
            ("base".to_owned(), "4".to_owned()),
            ("original".to_owned(), original.to_string()),
        ];
        for (name, value) in form::values(RecordKind::Group, original) {
            let value = changes
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(value, |(_, v)| (*v).to_owned());
            pairs.push((name, value));
        }
        pairs
    }

    fn kept(q: Queued) -> Kept {
        match q {
            Queued::Kept(k) => k,
            other => panic!("not kept: {other:?}"),
        }
    }

    #[test]
    fn a_form_becomes_the_mutation_the_server_would_make() {
        let k = kept(
            queue(
                PAGE,
                &posted(&original(), &[("contact.phone", "0221 654321")]),
                1,
            )
            .unwrap(),
        );
        assert_eq!(k.mutation.record, uuid::Uuid::from_u128(7));
        let Op::Update { base, changes } = &k.mutation.op else {
            panic!("not an update")
        };
        assert_eq!(*base, Version(4));
        assert_eq!(changes.as_slice().len(), 1);
        assert_eq!(changes.as_slice()[0].to, json!("0221 654321"));
        assert_ne!(k.mutation.id.0, uuid::Uuid::nil());
        // The same form again (a retry) is the same mutation.
        let again = kept(
            queue(
                PAGE,
                &posted(&original(), &[("contact.phone", "0221 654321")]),
                2,
            )
            .unwrap(),
        );
        assert_eq!(again.mutation.id, k.mutation.id);
    }

    #[test]
    fn invalid_unchanged_and_foreign_forms_keep_nothing() {
        let Queued::Refused(problems) = queue(
            PAGE,
            &posted(&original(), &[("contact.phone", "anrufen!")]),
            1,
        )
        .unwrap() else {
            panic!("kept an invalid phone number")
        };
        assert_eq!(problems[0].field, "contact.phone");
        assert_eq!(
            queue(PAGE, &posted(&original(), &[]), 1).unwrap(),
            Queued::Unchanged
        );
        assert!(matches!(
            queue("/mitarbeit/gruppen", &posted(&original(), &[]), 1),
            Err(FormError::NotAnEditPage(_))
        ));
        let mut no_base = posted(&original(), &[("name", "Neu")]);
        no_base.retain(|(k, _)| k != "base");
        assert_eq!(queue(PAGE, &no_base, 1), Err(FormError::Incomplete("base")));
    }

    #[test]
    fn the_page_shows_waiting_edits_and_the_next_edit_builds_on_them() {
        let first = kept(
            queue(
                PAGE,
                &posted(&original(), &[("contact.phone", "0221 654321")]),
                1,
            )
            .unwrap(),
        );
        let shown = overlay(PAGE, &original(), std::slice::from_ref(&first)).unwrap();
        assert_eq!(shown.waiting, 1);
        assert_eq!(
            shown.values,
            vec![("contact.phone".to_owned(), "0221 654321".to_owned())]
        );
        assert_eq!(shown.original["contact"]["phone"], json!("0221 654321"));
        // A second edit on the page so shown changes only the room, and
        // changing the phone back is a change again.
        let second = kept(
            queue(
                PAGE,
                &posted(
                    &shown.original,
                    &[
                        ("location.room_note", "Raum 2"),
                        ("contact.phone", "0221 123456"),
                    ],
                ),
                2,
            )
            .unwrap(),
        );
        let Op::Update { changes, .. } = &second.mutation.op else {
            panic!()
        };
        let paths: Vec<&str> = changes.as_slice().iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, vec!["contact.phone", "location.room_note"]);
        // Other records are not touched.
        let other = "/mitarbeit/gruppe/00000000-0000-0000-0000-000000000008";
        assert_eq!(
            overlay(other, &original(), &[first, second])
                .unwrap()
                .waiting,
            0
        );
    }

    #[test]
    fn a_changed_schedule_fills_its_rows_again() {
        let k = kept(
            queue(
                PAGE,
                &posted(&original(), &[("schedules.0.opens_at", "19:00")]),
                1,
            )
            .unwrap(),
        );
        let shown = overlay(PAGE, &original(), &[k]).unwrap();
        assert!(shown
            .values
            .contains(&("schedules.0.opens_at".to_owned(), "19:00".to_owned())));
        assert!(shown
            .values
            .contains(&("schedules.0.weekday".to_owned(), "mo".to_owned())));
        assert!(!shown.values.iter().any(|(n, _)| n == "name"));
    }

    #[test]
    fn a_new_record_is_kept_and_a_refused_one_fills_its_form_again() {
        let page = "/mitarbeit/thema/neu";
        let pairs = vec![
            ("mutation".to_owned(), FORM.to_owned()),
            ("name".to_owned(), "Einsamkeit".to_owned()),
            ("synonyms".to_owned(), "allein\nisoliert".to_owned()),
        ];
        let mut k = kept(queue(page, &pairs, 1).unwrap());
        assert!(matches!(k.mutation.op, Op::Create { .. }));
        assert_eq!(k.label, "Einsamkeit");
        assert_eq!(
            record_page_of(&k),
            format!("/mitarbeit/thema/{}", k.mutation.record)
        );
        // Waiting, it does not fill the form for the next new topic.
        let blank = form::blank(RecordKind::Topic);
        assert!(overlay(page, &blank, std::slice::from_ref(&k))
            .unwrap()
            .values
            .is_empty());
        k.rejected = Some(Rejection {
            message: "ungültig".into(),
            fields: vec![FieldMessage {
                field: "slug".into(),
                message: "ist schon vergeben".into(),
            }],
        });
        let shown = overlay(page, &blank, std::slice::from_ref(&k)).unwrap();
        assert!(shown
            .values
            .contains(&("name".to_owned(), "Einsamkeit".to_owned())));
        assert!(shown
            .values
            .contains(&("synonyms".to_owned(), "allein\nisoliert".to_owned())));
        assert_eq!(shown.messages[0].field, "slug");
    }

    #[test]
    fn answers_drop_what_the_server_took_and_keep_what_it_rejected() {
        let a = kept(queue(PAGE, &posted(&original(), &[("name", "Trauercafé Süd")]), 1).unwrap());
        let b = kept(
            queue(
                PAGE,
                &posted(&original(), &[("location.room_note", "Raum 2")]),
                2,
            )
            .unwrap(),
        );
        let outbox = vec![b.clone(), a.clone()];
        let request = push_request(&outbox).unwrap();
        assert_eq!(
            request.mutations,
            vec![a.mutation.clone(), b.mutation.clone()]
        );
        let answer = PushResponse {
            results: vec![
                Pushed {
                    mutation: a.mutation.id,
                    outcome: Outcome::Applied {
                        version: Version(5),
                    },
                },
                Pushed {
                    mutation: b.mutation.id,
                    outcome: Outcome::Rejected {
                        message: "ungültig".into(),
                        fields: vec![FieldMessage {
                            field: "location.room_note".into(),
                            message: "zu lang".into(),
                        }],
                    },
                },
            ],
        };
        let s = settle(&outbox, &answer);
        assert_eq!(s.drop, vec![a.mutation.id]);
        assert_eq!(s.reject.len(), 1);
        assert_eq!((s.applied, s.conflicts, s.rejected), (1, 0, 1));
        // A rejected edit is not pushed again, and shows its message.
        let mut b_rejected = b.clone();
        b_rejected.rejected = Some(s.reject[0].1.clone());
        assert_eq!(push_request(std::slice::from_ref(&b_rejected)), None);
        let shown = overlay(PAGE, &original(), std::slice::from_ref(&b_rejected)).unwrap();
        assert_eq!(shown.waiting, 0);
        assert_eq!(shown.messages[0].field, "location.room_note");
        assert_eq!(
            shown.values,
            vec![("location.room_note".to_owned(), "Raum 2".to_owned())]
        );
        assert_eq!(
            shown.original,
            original(),
            "the next edit is not based on a rejected one"
        );
        // Correcting it replaces it.
        let c = kept(
            queue(
                PAGE,
                &posted(&original(), &[("location.room_note", "R2")]),
                3,
            )
            .unwrap(),
        );
        assert_eq!(superseded(&[b_rejected, a], &c), vec![b.mutation.id]);
    }
}
