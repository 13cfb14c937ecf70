//! The directory in the browser: the public records, loaded once, indexed
//! by the same core engine as on the server, and searched locally while the
//! visitor types. (The next step keeps them in IndexedDB for offline use.)

use leptos::prelude::*;
use std::sync::Arc;
use time::PrimitiveDateTime;
use wegweiser_core::directory::{Directory, Query, SearchResult};

/// `None` until the records are loaded and indexed (always on the server).
#[derive(Clone, Copy)]
pub struct LocalDirectory(pub RwSignal<Option<Arc<Directory>>>);

pub fn provide_local_directory() {
    provide_context(LocalDirectory(RwSignal::new(None)));
}

impl LocalDirectory {
    pub fn get(self) -> Option<Arc<Directory>> {
        self.0.get()
    }

    /// Start loading the records, once per page load; does nothing on the
    /// server. When done, `<body data-directory="ready">` tells tests
    /// (with `data-index-ms` and `data-index-groups` for the benchmark).
    pub fn ensure_loaded(self) {
        #[cfg(feature = "hydrate")]
        {
            use std::sync::atomic::{AtomicBool, Ordering};
            static STARTED: AtomicBool = AtomicBool::new(false);
            if STARTED.swap(true, Ordering::SeqCst) {
                return;
            }
            leptos::task::spawn_local(async move {
                // The index build time (whole ms, Date.now()) and the number of
                // groups go on <body> too, for end2end/bench/search-bench.mjs.
                let built = crate::api::load_directory().await.ok().and_then(|d| {
                    let n = d.groups.len();
                    let t0 = js_sys::Date::now();
                    Directory::from_public(d.topics, d.offices, d.groups)
                        .ok()
                        .map(|dir| (dir, n, js_sys::Date::now() - t0))
                });
                match built {
                    Some((dir, n, ms)) => {
                        self.0.set(Some(Arc::new(dir)));
                        if let Some(body) = document().body() {
                            let _ = body.set_attribute("data-index-ms", &(ms as u32).to_string());
                            let _ = body.set_attribute("data-index-groups", &n.to_string());
                            let _ = body.set_attribute("data-directory", "ready");
                        }
                    }
                    // Searching stays with the server; try again next page.
                    None => STARTED.store(false, Ordering::SeqCst),
                }
            });
        }
    }
}

/// Search the local copy. In the browser the time the search took goes on
/// `<body data-search-us>` (microseconds, at the resolution of
/// `performance.now()`), so that end2end/bench/search-bench.mjs can set
/// it beside MiniSearch's `search()` on the same typed prefixes.
pub fn search(dir: &Directory, query: &Query) -> SearchResult {
    #[cfg(feature = "hydrate")]
    let clock = window().performance();
    #[cfg(feature = "hydrate")]
    let t0 = clock.as_ref().map(|c| c.now());
    let result = dir.search(query);
    #[cfg(feature = "hydrate")]
    if let (Some(clock), Some(t0), Some(body)) = (clock, t0, document().body()) {
        let us = ((clock.now() - t0) * 1000.0) as u32;
        let _ = body.set_attribute("data-search-us", &us.to_string());
    }
    result
}

/// Berlin wall-clock time now, by the browser's clock (the server's on the
/// server).
#[cfg_attr(
    not(feature = "ssr"),
    expect(
        dead_code,
        reason = "pages rendered offline from IndexedDB will use it"
    )
)]
pub fn now() -> PrimitiveDateTime {
    #[cfg(feature = "hydrate")]
    let utc =
        time::OffsetDateTime::from_unix_timestamp_nanos(js_sys::Date::now() as i128 * 1_000_000)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    #[cfg(not(feature = "hydrate"))]
    let utc = time::OffsetDateTime::now_utc();
    let n = wegweiser_core::berlin::wall_clock(utc);
    n.replace_second(0)
        .and_then(|n| n.replace_nanosecond(0))
        .unwrap_or(n)
}

/// The address bar follows the search field, once typing pauses: each
/// `history.replaceState` costs the browser a same-document navigation
/// (and a fresh look at the favicon), too much for every keystroke.
#[derive(Clone, Copy)]
pub struct UrlFollower(StoredValue<Option<(TimeoutHandle, String)>>);

impl UrlFollower {
    const PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

    pub fn new() -> Self {
        let follower = Self(StoredValue::new(None));
        on_cleanup(move || follower.cancel());
        follower
    }

    /// Show `path` once typing pauses.
    pub fn show_later(self, path: String) {
        self.cancel();
        if let Ok(handle) = set_timeout_with_handle(move || self.flush(), Self::PAUSE) {
            self.0.set_value(Some((handle, path)));
        }
    }

    /// Show the pending path now (the field lost focus: a click on a
    /// result must leave the right search in the history).
    pub fn flush(self) {
        if let Some(path) = self.take() {
            replace_url(&path);
        }
    }

    fn cancel(self) {
        self.take();
    }

    /// The pending path, its timer stopped.
    fn take(self) -> Option<String> {
        let (handle, path) = self.0.try_update_value(Option::take).flatten()?;
        handle.clear();
        Some(path)
    }
}

/// Show `path` in the address bar without a navigation (typing in the
/// search field should neither reload nor fill the back-button history).
fn replace_url(path: &str) {
    #[cfg(feature = "hydrate")]
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}
