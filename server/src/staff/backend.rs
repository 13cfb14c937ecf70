//! The staff pages' access to sessions and the store (`app::staff`).

use crate::AppState;
use app::staff::{Boxed, Choices, StaffBackend, StaffView, WithHistory};
use wegweiser_core::edit::{OpenConflict, StaffRecord};
use wegweiser_core::sync::{Cursor, RecordKind};

pub struct Backend(pub AppState);

impl StaffBackend for Backend {
    fn signed_in(&self, parts: axum::http::request::Parts) -> Boxed<Option<StaffView>> {
        let state = self.0.clone();
        Box::pin(async move {
            let session = parts.extensions.get::<tower_sessions::Session>()?.clone();
            let me = super::session::signed_in(&session, &state).await.ok()??;
            Some(StaffView {
                name: me.staff.name,
                login: me.staff.login.to_string(),
                role: me.staff.role,
                csrf: me.csrf,
            })
        })
    }

    fn records(&self) -> Boxed<Result<Vec<StaffRecord>, String>> {
        let store = self.0.store.clone();
        Box::pin(async move {
            let mut all = Vec::new();
            let mut since = Cursor(0);
            loop {
                let page = store
                    .staff_changes(since, 5000)
                    .await
                    .map_err(|e| e.to_string())?;
                all.extend(page.records);
                since = page.next;
                if !page.more {
                    return Ok(all);
                }
            }
        })
    }

    fn record(
        &self,
        kind: RecordKind,
        id: uuid::Uuid,
    ) -> Boxed<Result<Option<WithHistory>, String>> {
        let store = self.0.store.clone();
        Box::pin(async move {
            let Some(record) = store
                .staff_record(kind, id)
                .await
                .map_err(|e| e.to_string())?
            else {
                return Ok(None);
            };
            let history = store.history(kind, id).await.map_err(|e| e.to_string())?;
            Ok(Some((record, history)))
        })
    }

    /// From the public directory in memory (it holds exactly the topics
    /// and offices not archived, and is rebuilt after every edit).
    fn choices(&self) -> Choices {
        let directory = self.0.directory.snapshot();
        let by_name = |mut list: Vec<(String, String)>| {
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        };
        Choices {
            topics: by_name(
                directory
                    .taxonomy()
                    .all()
                    .iter()
                    .map(|t| (t.id.to_string(), t.data.name.as_str().to_owned()))
                    .collect(),
            ),
            offices: by_name(
                directory
                    .offices()
                    .iter()
                    .map(|o| (o.id.to_string(), o.data.name.as_str().to_owned()))
                    .collect(),
            ),
        }
    }

    fn conflicts(&self) -> Boxed<Result<Vec<OpenConflict>, String>> {
        let store = self.0.store.clone();
        Box::pin(async move { store.open_conflicts().await.map_err(|e| e.to_string()) })
    }
}
