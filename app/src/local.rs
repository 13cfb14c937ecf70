//! Search while typing, in the browser: timing each search for the
//! benchmark, the address bar following the search field; and the clock.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use time::PrimitiveDateTime;
use wegweiser_core::directory::Query;
use wegweiser_core::views::Found;

/// The groups matching `query`, for the list while the visitor types:
/// from the browser's replica when the service worker has one (asked
/// through `window.wegweiserAsk` in /sw-client.js, which is quicker than a
/// fetch through the worker), otherwise from the server.
pub async fn find(query: Query) -> Option<Found> {
    timed(async move {
        #[cfg(feature = "hydrate")]
        if let Some(found) = ask_replica("find", &query).await {
            return Ok(found);
        }
        crate::api::find_groups(query).await
    })
    .await
}

/// The same, answered at once when the page can wait for the replica
/// worker in this task (`window.wegweiserAskNow`): the results are then
/// drawn in the same frame as the typed letter. `None`: ask [`find`].
pub fn find_now(query: &Query) -> Option<Found> {
    #[cfg(feature = "hydrate")]
    {
        let clock = SearchClock::start();
        let answer = ask("wegweiserAskNow", "find", query)
            .and_then(|json| json.as_string())
            .and_then(|json| serde_json::from_str(&json).ok());
        if answer.is_some() {
            clock.stop();
        }
        answer
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = query;
        None
    }
}

/// Call `window[function](endpoint, body)` (in /sw-client.js) with the
/// server function's arguments, by name, as the server reads them.
#[cfg(feature = "hydrate")]
fn ask(function: &str, endpoint: &str, query: &Query) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let body = format!("{{\"query\":{}}}", serde_json::to_string(query).ok()?);
    js_sys::Reflect::get(&window(), &function.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call2(&wasm_bindgen::JsValue::NULL, &endpoint.into(), &body.into())
        .ok()
}

#[cfg(feature = "hydrate")]
async fn ask_replica(endpoint: &str, query: &Query) -> Option<Found> {
    use wasm_bindgen::JsCast;
    let promise = ask("wegweiserAsk", endpoint, query)?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let json = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&json).ok()
}

/// Await a search and note how long it took (see [`SearchClock`]).
/// `None` when it failed (the list keeps what it shows).
async fn timed<T, E>(search: impl std::future::Future<Output = Result<T, E>>) -> Option<T> {
    let clock = SearchClock::start();
    let result = search.await.ok();
    clock.stop();
    result
}

/// How long a search took, put on `<body data-search-us>` (microseconds,
/// at the resolution of `performance.now()`) for
/// end2end/bench/search-bench.mjs. Nothing on the server.
struct SearchClock(Option<f64>);

impl SearchClock {
    fn start() -> Self {
        #[cfg(feature = "hydrate")]
        return Self(window().performance().map(|c| c.now()));
        #[cfg(not(feature = "hydrate"))]
        Self(None)
    }

    fn stop(self) {
        #[cfg(feature = "hydrate")]
        if let (Some(t0), Some(clock), Some(body)) =
            (self.0, window().performance(), document().body())
        {
            let us = ((clock.now() - t0) * 1000.0) as u32;
            let _ = body.set_attribute("data-search-us", &us.to_string());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = self.0;
    }
}

/// Berlin wall-clock time now, to the minute (for "next meeting"; the
/// replica has its own, by the browser's clock).
#[cfg(feature = "ssr")]
pub fn now() -> PrimitiveDateTime {
    wegweiser_core::berlin::minute(time::OffsetDateTime::now_utc())
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
