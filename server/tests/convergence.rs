//! The sync protocol's invariants, as a property-based model test
//! (docs/sync.md): several staff clients edit the same groups offline,
//! push and pull in random order, and requests and answers get lost and
//! are retried. Against the real store (SQLite, the same `Store::push`
//! the API calls), checked against a reference model of the merge rule
//! written here independently:
//!
//! - every replica converges to the server's state;
//! - no acknowledged edit is lost: each field's history is a chain, every
//!   write replaced the value its author had seen;
//! - no mutation is applied twice;
//! - every change of a field that someone else changed meanwhile to
//!   another value is surfaced as a conflict, and only those.
//!
//! Cases: `PROPTEST_CASES` (default 1,000; `.ci/run` runs 5,000).

use proptest::prelude::*;
use serde_json::{json, Value};
use server::db::{self, Store};
use server::staff::accounts::{Accounts, Password};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use time::OffsetDateTime;
use uuid::Uuid;
use wegweiser_core::domain::{Login, Name, Role, StaffId, Version};
use wegweiser_core::edit::{
    fields, FieldChange, FieldPath, Mutation, MutationId, Op, Outcome, StaffRecord,
};
use wegweiser_core::sync::RecordKind;

const CLIENTS: usize = 3;
const GROUPS: usize = 2;

/// Fields the clients edit, each with a few valid values.
const FIELDS: [(&str, [&str; 3]); 4] = [
    (
        "name",
        [
            "Gesprächskreis Nord",
            "Gesprächskreis Süd",
            "Treffpunkt Mitte",
        ],
    ),
    (
        "contact.phone",
        ["0221 111111", "0221 222222", "0221 333333"],
    ),
    (
        "schedule_note",
        [
            "Nach Absprache",
            "Auch in den Ferien",
            "Bitte vorher anrufen",
        ],
    ),
    (
        "description",
        [
            "Austausch unter Betroffenen.",
            "Wir treffen uns regelmäßig.",
            "Neue sind willkommen.",
        ],
    ),
];

#[derive(Debug, Clone)]
enum Action {
    Edit {
        client: usize,
        group: usize,
        field: usize,
        value: usize,
    },
    Push {
        client: usize,
        lose_request: bool,
        lose_answer: bool,
    },
    Pull {
        client: usize,
    },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => (0..CLIENTS, 0..GROUPS, 0..FIELDS.len(), 0..3usize)
            .prop_map(|(client, group, field, value)| Action::Edit { client, group, field, value }),
        2 => (0..CLIENTS, prop::bool::weighted(0.2), prop::bool::weighted(0.2))
            .prop_map(|(client, lose_request, lose_answer)| Action::Push { client, lose_request, lose_answer }),
        1 => (0..CLIENTS).prop_map(|client| Action::Pull { client }),
    ]
}

struct World {
    rt: tokio::runtime::Runtime,
    store: Store,
    staff: Vec<StaffId>,
    template: Value,
    _dir: tempfile::TempDir,
}

/// One database for all cases; each case works on groups of its own.
fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (store, staff, template) = rt.block_on(async {
            let pool = db::connect(&format!("sqlite://{}/model.db", dir.path().display()))
                .await
                .unwrap();
            let store = Store::new(pool.clone());
            store
                .import(
                    &wegweiser_core::demo::demo_records(),
                    false,
                    OffsetDateTime::now_utc(),
                )
                .await
                .unwrap();
            let accounts = Accounts::new(pool);
            let mut staff = Vec::new();
            for i in 0..CLIENTS {
                let s = accounts
                    .add(
                        &Login::parse(&format!("client{i}")).unwrap(),
                        &Name::parse(&format!("Client {i}")).unwrap(),
                        Role::Editor,
                        &Password::parse("ein langes Passwort").unwrap(),
                    )
                    .await
                    .unwrap();
                staff.push(s.id);
            }
            let page = store
                .staff_changes(wegweiser_core::sync::Cursor(0), 5000)
                .await
                .unwrap();
            let template = page
                .records
                .into_iter()
                .find(|r| {
                    r.kind == RecordKind::Group
                        && r.data["status"] == "active"
                        && r.data["contact"]["phone"].is_string()
                })
                .unwrap()
                .data;
            (store, staff, template)
        });
        World {
            rt,
            store,
            staff,
            template,
            _dir: dir,
        }
    })
}

#[derive(Default, Clone)]
struct Client {
    /// The server's records as last pulled.
    replica: BTreeMap<Uuid, (Version, Value)>,
    outbox: Vec<Mutation>,
}

impl Client {
    /// What this client shows: the replica with its own edits on top.
    fn view(&self, group: Uuid) -> Value {
        let mut data = self.replica[&group].1.clone();
        for m in self.outbox.iter().filter(|m| m.record == group) {
            if let Op::Update { changes, .. } = &m.op {
                data = wegweiser_core::edit::fields::apply(&data, changes.as_slice());
            }
        }
        data
    }
}

/// The merge rule, written out again for the check: per field, the
/// value must be what the edit started from, or already what it wants.
#[derive(Default)]
struct Model {
    data: BTreeMap<Uuid, Value>,
    processed: BTreeSet<MutationId>,
    /// (mutation, path) that must be conflicts, and those that must be written.
    expect_conflict: BTreeSet<(MutationId, FieldPath)>,
    expect_written: BTreeSet<(MutationId, FieldPath)>,
}

impl Model {
    fn process(&mut self, m: &Mutation) {
        if !self.processed.insert(m.id) {
            return;
        }
        let Op::Update { changes, .. } = &m.op else {
            return;
        };
        let data = self.data.get_mut(&m.record).unwrap();
        for c in changes.as_slice() {
            let now = fields::get(data, &c.path);
            if now == c.to {
                continue;
            }
            if now == c.from {
                fields::set(data, &c.path, c.to.clone());
                self.expect_written.insert((m.id, c.path.clone()));
            } else {
                self.expect_conflict.insert((m.id, c.path.clone()));
            }
        }
    }
}

async fn pull(store: &Store, client: &mut Client, groups: &[Uuid]) {
    for g in groups {
        let StaffRecord { version, data, .. } = store
            .staff_record(RecordKind::Group, *g)
            .await
            .unwrap()
            .unwrap();
        client.replica.insert(*g, (version, data));
    }
}

fn run_case(actions: Vec<Action>) -> Result<(), TestCaseError> {
    let w = world();
    w.rt.block_on(async {
        let now = OffsetDateTime::now_utc();
        // Fresh groups for this case, made by the first client.
        let groups: Vec<Uuid> = (0..GROUPS).map(|_| Uuid::new_v4()).collect();
        let creates: Vec<Mutation> = groups
            .iter()
            .map(|g| {
                let mut data = w.template.clone();
                data["slug"] = json!(format!("modell-{}", g.simple()));
                Mutation {
                    id: MutationId(Uuid::new_v4()),
                    kind: RecordKind::Group,
                    record: *g,
                    op: Op::Create { data },
                    resolves: vec![],
                }
            })
            .collect();
        let made = w.store.push(w.staff[0], &creates, now).await.unwrap();
        prop_assert!(
            made.iter()
                .all(|p| matches!(p.outcome, Outcome::Applied { .. })),
            "{made:?}"
        );

        let mut model = Model::default();
        for g in &groups {
            model.data.insert(
                *g,
                w.store
                    .staff_record(RecordKind::Group, *g)
                    .await
                    .unwrap()
                    .unwrap()
                    .data,
            );
        }
        let mut clients = vec![Client::default(); CLIENTS];
        for c in clients.iter_mut() {
            pull(&w.store, c, &groups).await;
        }
        let mut acknowledged: BTreeMap<MutationId, Outcome> = BTreeMap::new();
        let mut pushed: BTreeSet<MutationId> = BTreeSet::new();

        let push = async |client: &mut Client,
                          i: usize,
                          model: &mut Model,
                          acknowledged: &mut BTreeMap<MutationId, Outcome>,
                          pushed: &mut BTreeSet<MutationId>,
                          lose_answer: bool|
               -> Result<(), TestCaseError> {
            if client.outbox.is_empty() {
                return Ok(());
            }
            let results = w.store.push(w.staff[i], &client.outbox, now).await.unwrap();
            prop_assert_eq!(results.len(), client.outbox.len());
            for m in &client.outbox {
                model.process(m);
                pushed.insert(m.id);
            }
            if lose_answer {
                return Ok(());
            }
            for r in &results {
                prop_assert!(
                    r.outcome.is_final(),
                    "only valid edits here: {:?}",
                    r.outcome
                );
                if let Some(before) = acknowledged.insert(r.mutation, r.outcome.clone()) {
                    // A repeated push gets the same answer.
                    prop_assert_eq!(&before, &r.outcome);
                }
            }
            client.outbox.clear();
            Ok(())
        };

        for a in actions {
            match a {
                Action::Edit {
                    client,
                    group,
                    field,
                    value,
                } => {
                    let c = &mut clients[client];
                    let path = FieldPath::parse(FIELDS[field].0).unwrap();
                    let from = fields::get(&c.view(groups[group]), &path);
                    let to = json!(FIELDS[field].1[value]);
                    if from == to {
                        continue;
                    }
                    let base = c.replica[&groups[group]].0;
                    c.outbox.push(Mutation {
                        id: MutationId(Uuid::new_v4()),
                        kind: RecordKind::Group,
                        record: groups[group],
                        op: Op::Update {
                            base,
                            changes: wegweiser_core::edit::Changes::new(vec![FieldChange {
                                path,
                                from,
                                to,
                            }])
                            .unwrap(),
                        },
                        resolves: vec![],
                    });
                }
                Action::Push {
                    client,
                    lose_request,
                    lose_answer,
                } => {
                    if !lose_request {
                        push(
                            &mut clients[client],
                            client,
                            &mut model,
                            &mut acknowledged,
                            &mut pushed,
                            lose_answer,
                        )
                        .await?;
                    }
                }
                Action::Pull { client } => pull(&w.store, &mut clients[client], &groups).await,
            }
        }
        // Everyone reconnects for good: push until delivered, then pull.
        for (i, c) in clients.iter_mut().enumerate() {
            push(c, i, &mut model, &mut acknowledged, &mut pushed, false).await?;
            prop_assert!(c.outbox.is_empty());
        }
        for c in clients.iter_mut() {
            pull(&w.store, c, &groups).await;
        }

        // Convergence: every replica is the server's state, which is the model's.
        for g in &groups {
            let server = w
                .store
                .staff_record(RecordKind::Group, *g)
                .await
                .unwrap()
                .unwrap();
            for c in &clients {
                prop_assert_eq!(&c.replica[g], &(server.version, server.data.clone()));
            }
            prop_assert_eq!(&server.data, &model.data[g]);

            // History: versions 1..n once each, each mutation at most once,
            // and per field a chain (each write replaced what it started from).
            let mut history = w.store.history(RecordKind::Group, *g).await.unwrap();
            history.reverse();
            let versions: Vec<u64> = history.iter().map(|h| h.version.0).collect();
            prop_assert_eq!(versions, (1..=history.len() as u64).collect::<Vec<_>>());
            let mut value: BTreeMap<FieldPath, Value> = BTreeMap::new();
            for h in &history {
                for c in &h.changes {
                    let before = value.get(&c.path).cloned().unwrap_or(Value::Null);
                    prop_assert_eq!(
                        &before,
                        &c.from,
                        "a write replaced a value its author had not seen"
                    );
                    value.insert(c.path.clone(), c.to.clone());
                }
            }
            prop_assert_eq!(&value, &fields::fields(&server.data));
        }

        // Every pushed mutation was answered, and the answers say exactly
        // what the model expects: written fields, and conflicts.
        prop_assert_eq!(
            acknowledged.keys().collect::<BTreeSet<_>>(),
            pushed.iter().collect::<BTreeSet<_>>()
        );
        let mut conflicts = BTreeSet::new();
        for (id, outcome) in &acknowledged {
            if let Outcome::Conflict {
                conflicts: list, ..
            } = outcome
            {
                for c in list {
                    conflicts.insert((*id, c.path.clone()));
                }
            }
        }
        prop_assert_eq!(&conflicts, &model.expect_conflict);
        let mut written = BTreeSet::new();
        for g in &groups {
            for h in w.store.history(RecordKind::Group, *g).await.unwrap() {
                let Some(m) = h.mutation else { continue };
                for c in h.changes {
                    prop_assert!(written.insert((m, c.path)), "a mutation was applied twice");
                }
            }
        }
        let written: BTreeSet<_> = written
            .into_iter()
            .filter(|(m, _)| pushed.contains(m))
            .collect();
        prop_assert_eq!(&written, &model.expect_written);
        Ok(())
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn offline_clients_converge_and_lose_nothing(actions in prop::collection::vec(action(), 1..40)) {
        run_case(actions)?;
    }
}
