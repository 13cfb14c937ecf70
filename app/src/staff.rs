//! What the staff pages read (docs/staff.md). The server owns accounts,
//! sessions and the store; it gives the app a way to ask
//! ([`StaffAccess`], provided as context), so this crate does not depend
//! on the server. Every function here answers `None` to the public and
//! to ended sessions.

use crate::codec::Json;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wegweiser_core::domain::Role;
use wegweiser_core::edit::{HistoryEntry, OpenConflict, StaffRecord};

pub use wegweiser_core::edit::form::record_page;

/// The signed-in staff member, as the staff pages show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffView {
    pub name: String,
    pub login: String,
    pub role: Role,
    /// The session's CSRF token, for the forms.
    pub csrf: String,
}

/// The server's side of the staff pages.
#[cfg(feature = "ssr")]
pub trait StaffBackend: Send + Sync {
    fn signed_in(&self, parts: http::request::Parts) -> Boxed<Option<StaffView>>;
    fn records(&self) -> Boxed<Result<Vec<StaffRecord>, String>>;
    fn record(
        &self,
        kind: wegweiser_core::sync::RecordKind,
        id: uuid::Uuid,
    ) -> Boxed<Result<Option<WithHistory>, String>>;
    fn conflicts(&self) -> Boxed<Result<Vec<OpenConflict>, String>>;
    /// The topics and offices a group's form offers.
    fn choices(&self) -> Choices;
}

/// A record and its history, newest first.
pub type WithHistory = (StaffRecord, Vec<HistoryEntry>);

#[cfg(feature = "ssr")]
pub type Boxed<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send>>;

#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct StaffAccess(pub std::sync::Arc<dyn StaffBackend>);

#[cfg(feature = "ssr")]
async fn signed_in() -> Result<Option<(StaffAccess, StaffView)>, ServerFnError> {
    let parts =
        use_context::<http::request::Parts>().ok_or_else(|| ServerFnError::new("keine Anfrage"))?;
    let access = use_context::<StaffAccess>().ok_or_else(|| ServerFnError::new("kein Zugang"))?;
    let me = access.0.signed_in(parts).await;
    Ok(me.map(|me| (access, me)))
}

/// Who is signed in.
#[server(prefix = "/fn", endpoint = "staff-session", input = Json, output = Json)]
pub async fn staff_session() -> Result<Option<StaffView>, ServerFnError> {
    Ok(signed_in().await?.map(|(_, me)| me))
}

/// A group in the staff's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupRow {
    pub id: String,
    pub name: String,
    pub status: String,
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupList {
    pub me: StaffView,
    pub groups: Vec<GroupRow>,
    pub open_conflicts: usize,
}

/// Every record of `kind` (archived ones too) whose name holds
/// `q`, by name.
#[server(prefix = "/fn", endpoint = "staff-list", input = Json, output = Json)]
pub async fn staff_list(kind: String, q: String) -> Result<Option<GroupList>, ServerFnError> {
    let Some((access, me)) = signed_in().await? else {
        return Ok(None);
    };
    let records = access.0.records().await.map_err(ServerFnError::new)?;
    let needle = wegweiser_core::search::normalize(&q);
    let mut groups: Vec<GroupRow> = records
        .into_iter()
        .filter(|r| r.kind.as_str() == kind)
        .map(|r| GroupRow {
            id: r.id.to_string(),
            name: r.data["name"].as_str().unwrap_or_default().to_owned(),
            status: r.data["status"].as_str().unwrap_or_default().to_owned(),
            archived: r.archived,
        })
        .filter(|g| {
            needle.is_empty() || wegweiser_core::search::normalize(&g.name).contains(&needle)
        })
        .collect();
    groups.sort_by(|a, b| a.name.cmp(&b.name));
    let open_conflicts = access
        .0
        .conflicts()
        .await
        .map_err(ServerFnError::new)?
        .len();
    Ok(Some(GroupList {
        me,
        groups,
        open_conflicts,
    }))
}

/// A record with its history and open conflicts, for its edit page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordEdit {
    pub me: StaffView,
    pub record: StaffRecord,
    pub history: Vec<HistoryEntry>,
    pub conflicts: Vec<OpenConflict>,
    pub choices: Choices,
}

/// What a group's form offers to choose from: every topic and office in
/// the public directory (not archived), as id and name, by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Choices {
    pub topics: Vec<(String, String)>,
    pub offices: Vec<(String, String)>,
}

/// The signed-in staff member and the choices, for a new record's form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewRecord {
    pub me: StaffView,
    pub choices: Choices,
}

/// What a new record's form needs.
#[server(prefix = "/fn", endpoint = "staff-new", input = Json, output = Json)]
pub async fn staff_new_record() -> Result<Option<NewRecord>, ServerFnError> {
    let Some((access, me)) = signed_in().await? else {
        return Ok(None);
    };
    Ok(Some(NewRecord {
        me,
        choices: access.0.choices(),
    }))
}

/// A record of `kind` ("group", "topic", "office") for its edit page.
#[server(prefix = "/fn", endpoint = "staff-record", input = Json, output = Json)]
pub async fn load_staff_record(
    kind: String,
    id: String,
) -> Result<Option<RecordEdit>, ServerFnError> {
    let Some((access, me)) = signed_in().await? else {
        return Ok(None);
    };
    let (Some(kind), Ok(id)) = (
        wegweiser_core::sync::RecordKind::parse(&kind),
        uuid::Uuid::parse_str(&id),
    ) else {
        return Ok(None);
    };
    let Some((record, history)) = access
        .0
        .record(kind, id)
        .await
        .map_err(ServerFnError::new)?
    else {
        return Ok(None);
    };
    let conflicts = access
        .0
        .conflicts()
        .await
        .map_err(ServerFnError::new)?
        .into_iter()
        .filter(|c| c.record == id)
        .collect();
    let choices = match kind {
        wegweiser_core::sync::RecordKind::Group => access.0.choices(),
        _ => Choices::default(),
    };
    Ok(Some(RecordEdit {
        me,
        record,
        history,
        conflicts,
        choices,
    }))
}

/// Every open conflict.
#[server(prefix = "/fn", endpoint = "staff-conflicts", input = Json, output = Json)]
pub async fn staff_conflicts() -> Result<Option<(StaffView, Vec<OpenConflict>)>, ServerFnError> {
    let Some((access, me)) = signed_in().await? else {
        return Ok(None);
    };
    Ok(Some((
        me,
        access.0.conflicts().await.map_err(ServerFnError::new)?,
    )))
}
