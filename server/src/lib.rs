//! Wegweiser's server: the SQLite store, the JSON API and the Leptos pages.

pub mod api;
pub mod cli;
pub mod contact_form;
pub mod db;
pub mod offline;
pub mod staff;

use app::state::DirectoryHandle;
use app::{shell, App};
use axum::extract::FromRef;
use axum::http::{header, HeaderValue};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use wegweiser_core::directory::Directory;
use wegweiser_core::records::Records;

/// Shared by page rendering, server functions and API handlers.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub directory: DirectoryHandle,
    pub store: db::Store,
    pub service_worker: offline::ServiceWorker,
    pub snapshots: api::SnapshotCache,
    pub accounts: staff::accounts::Accounts,
    pub limiter: staff::limiter::LoginLimiter,
    /// Session cookies only over TLS: the site's public address
    /// (`WEGWEISER_PUBLIC_URL`) starts with `https://`.
    pub secure_cookies: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] db::StoreError),
    #[error("the stored directory is inconsistent: {0}")]
    Directory(#[from] wegweiser_core::domain::TaxonomyError),
}

impl AppState {
    /// Open the store, load the demo directory into an empty database, and
    /// build the in-memory public directory.
    pub async fn open(
        leptos_options: LeptosOptions,
        database_url: &str,
    ) -> Result<Self, StartError> {
        let pool = db::connect(database_url).await?;
        tower_sessions_sqlx_store::SqliteStore::new(pool.clone())
            .migrate()
            .await
            .map_err(db::StoreError::from)?;
        let store = db::Store::new(pool.clone());
        if store.is_empty().await? {
            let demo = wegweiser_core::demo::demo_records();
            let summary = store
                .import(&demo, false, time::OffsetDateTime::now_utc())
                .await?;
            tracing::info!(
                groups = demo.groups.len(),
                created = summary.created,
                "empty database: loaded the demo directory"
            );
        }
        let records = store.load().await?;
        let directory = DirectoryHandle::new(build_directory(&records)?);
        let service_worker = offline::ServiceWorker::from_env(
            &leptos_options.site_root,
            &leptos_options.site_pkg_dir,
        );
        Ok(Self {
            accounts: staff::accounts::Accounts::new(pool),
            limiter: staff::limiter::LoginLimiter::default(),
            secure_cookies: std::env::var("WEGWEISER_PUBLIC_URL")
                .is_ok_and(|url| url.starts_with("https://")),
            snapshots: api::SnapshotCache::default(),
            service_worker,
            leptos_options,
            directory,
            store,
        })
    }

    /// Rebuild the public directory after a write.
    pub async fn reload(&self) -> Result<(), StartError> {
        let records = self.store.load().await?;
        self.directory.replace(build_directory(&records)?);
        Ok(())
    }
}

/// Keep the public directory in step with the store when something else
/// writes to it (`server import` while the server runs): every `every`,
/// compare the store's change sequence with the one last built from, and
/// rebuild on a difference. Pages, the API and the change feed then agree.
pub fn watch_store(state: AppState, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut built_at = state.store.sequence().await.ok();
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            let now = match state.store.sequence().await {
                Ok(now) => now,
                Err(e) => {
                    tracing::warn!(error = %e, "could not read the change sequence");
                    continue;
                }
            };
            if built_at == Some(now) {
                continue;
            }
            match state.reload().await {
                Ok(()) => {
                    tracing::info!(sequence = now, "the store changed: directory rebuilt");
                    built_at = Some(now);
                }
                Err(e) => tracing::warn!(error = %e, "the store changed but could not be loaded"),
            }
        }
    })
}

fn build_directory(records: &Records) -> Result<Directory, StartError> {
    Ok(Directory::build(records)?)
}

/// The whole application: pages, server functions, API, static files.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let directory = state.directory.clone();
        let staff =
            app::staff::StaffAccess(std::sync::Arc::new(staff::backend::Backend(state.clone())));
        move || {
            provide_context(directory.clone());
            provide_context(staff.clone());
        }
    };
    Router::new()
        .nest("/api/v1", api::routes())
        .route("/sw.js", axum::routing::get(offline::script))
        .route("/kontaktanfrage", axum::routing::post(contact_form::post))
        .merge(staff::forms())
        .nest_service(
            "/offline",
            tower_http::services::ServeDir::new(offline::offline_dir()),
        )
        .leptos_routes_with_context(&state, routes, context, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(staff::session::layer(
            tower_sessions_sqlx_store::SqliteStore::new(state.store.pool().clone()),
            state.secure_cookies,
        ))
        .layer(axum::middleware::from_fn(staff::session::same_origin_only))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // Cross-origin isolation: everything the site loads is its own, and
        // isolation lets the page share memory with its search worker (the
        // results of a keystroke in the same frame; docs/offline.md).
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("cross-origin-embedder-policy"),
            HeaderValue::from_static("require-corp"),
        ))
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
        .with_state(state)
}
