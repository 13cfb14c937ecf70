//! The service worker and the replica it runs (docs/offline.md).
//!
//! `GET /sw.js` is `sw.js` beside this file with two values filled in at
//! start-up: the list of files to precache, made from the build's hashed
//! file names in the site directory, and a version that changes whenever
//! any of those files does, so a deployment always installs a new worker
//! whose cache matches what the server serves.
//!
//! `GET /offline/…` serves the replica's wasm module (`app/offline`, built
//! by `scripts/build-offline` into `WEGWEISER_OFFLINE_DIR`, default
//! `target/offline`).

use axum::http::{header, HeaderValue};
use axum::response::IntoResponse;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the offline module is, unless `WEGWEISER_OFFLINE_DIR` says.
pub const DEFAULT_DIR: &str = "target/offline";
/// The offline module's files, as `scripts/build-offline` names them.
pub const REPLICA_JS: &str = "wegweiser_offline.js";
pub const REPLICA_WASM: &str = "wegweiser_offline_bg.wasm";
/// The page every offline navigation is answered with (an app route).
pub const SHELL: &str = "/app-shell";

const TEMPLATE: &str = include_str!("sw.js");

/// The rendered worker script.
#[derive(Clone, Debug)]
pub struct ServiceWorker {
    script: Arc<str>,
    pub version: Arc<str>,
}

impl ServiceWorker {
    /// Look at the built site and the offline module and render the worker.
    /// Files that are missing (a server started before a build) are left
    /// out of the list; the worker still installs.
    pub fn new(site_root: &Path, pkg_dir: &str, offline_dir: &Path) -> Self {
        let mut files: Vec<(String, Option<PathBuf>)> = Vec::new();
        let mut hashed = list(&site_root.join(pkg_dir))
            .into_iter()
            .filter(|p| has_ext(p, &["js", "wasm", "css"]))
            .collect::<Vec<_>>();
        hashed.sort();
        for p in hashed {
            files.push((format!("/{pkg_dir}/{}", name(&p)), Some(p)));
        }
        for rel in [
            "favicon.svg",
            "manifest.webmanifest",
            "sw-client.js",
            "replica-worker.js",
            "staff-client.js",
        ] {
            files.push((format!("/{rel}"), Some(site_root.join(rel))));
        }
        let mut icons = list(&site_root.join("icons"));
        icons.sort();
        for p in icons {
            files.push((format!("/icons/{}", name(&p)), Some(p)));
        }
        // The shell is rendered, not a file; it changes with the pkg names
        // and the app, both already hashed in.
        files.push((SHELL.to_owned(), None));

        let mut hasher = Fnv::default();
        hasher.write(TEMPLATE.as_bytes());
        for (url, path) in &files {
            hasher.write(url.as_bytes());
            if let Some(bytes) = path.as_ref().and_then(|p| std::fs::read(p).ok()) {
                hasher.write(&bytes);
            }
        }
        for f in [REPLICA_JS, REPLICA_WASM] {
            if let Ok(bytes) = std::fs::read(offline_dir.join(f)) {
                hasher.write(&bytes);
            }
        }
        let version = format!("{:016x}", hasher.0);
        // The replica's files carry the version, so no HTTP cache can hand
        // an old module to a new worker.
        let replica_js = format!("/offline/{REPLICA_JS}?v={version}");
        let replica_wasm = format!("/offline/{REPLICA_WASM}?v={version}");
        let mut precache: Vec<String> = files
            .iter()
            .filter(|(url, path)| url == SHELL || path.as_ref().is_some_and(|p| p.is_file()))
            .map(|(url, _)| url.clone())
            .collect();
        // The page's replica worker loads the module by these names too.
        precache.push(replica_js.clone());
        precache.push(replica_wasm.clone());
        let script = TEMPLATE
            .replace("\"{{VERSION}}\"", &json(&version))
            .replace("\"{{SHELL}}\"", &json(SHELL))
            .replace("\"{{REPLICA_JS}}\"", &json(&replica_js))
            .replace("\"{{REPLICA_WASM}}\"", &json(&replica_wasm))
            .replace(
                "[\"{{PRECACHE}}\"]",
                &serde_json::to_string(&precache).expect("strings serialise"),
            );
        Self {
            script: script.into(),
            version: version.into(),
        }
    }

    /// Taken from the environment as the server runs it.
    pub fn from_env(site_root: &str, pkg_dir: &str) -> Self {
        Self::new(Path::new(site_root), pkg_dir, &offline_dir())
    }

    pub fn script(&self) -> &str {
        &self.script
    }
}

/// `WEGWEISER_OFFLINE_DIR`, or [`DEFAULT_DIR`].
pub fn offline_dir() -> PathBuf {
    std::env::var("WEGWEISER_OFFLINE_DIR")
        .unwrap_or_else(|_| DEFAULT_DIR.to_owned())
        .into()
}

/// `GET /sw.js`: never from an HTTP cache, so an update is seen at once.
pub async fn script(
    axum::extract::State(sw): axum::extract::State<ServiceWorker>,
) -> impl IntoResponse {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        sw.script.to_string(),
    )
}

fn list(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default()
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn has_ext(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.contains(&e))
}

fn json(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

/// FNV-1a, 64 bit: a stable fingerprint of the deployed files (not for
/// security; it only has to change when they do).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path, wasm: &[u8]) {
        std::fs::create_dir_all(dir.join("site/pkg")).unwrap();
        std::fs::create_dir_all(dir.join("site/icons")).unwrap();
        std::fs::create_dir_all(dir.join("offline")).unwrap();
        std::fs::write(dir.join("site/pkg/wegweiser.abc.wasm"), wasm).unwrap();
        std::fs::write(dir.join("site/pkg/wegweiser.def.js"), b"js").unwrap();
        std::fs::write(dir.join("site/pkg/wegweiser.d.x.ts"), b"ts").unwrap();
        std::fs::write(dir.join("site/icons/icon-192.png"), b"png").unwrap();
        std::fs::write(dir.join("site/favicon.svg"), b"svg").unwrap();
        std::fs::write(dir.join("offline").join(REPLICA_WASM), b"replica").unwrap();
    }

    fn worker(dir: &Path) -> ServiceWorker {
        ServiceWorker::new(&dir.join("site"), "pkg", &dir.join("offline"))
    }

    #[test]
    fn the_precache_list_is_the_built_files() {
        let dir = tempfile::tempdir().unwrap();
        site(dir.path(), b"wasm 1");
        let sw = worker(dir.path());
        let script = sw.script();
        for url in [
            "\"/pkg/wegweiser.abc.wasm\"",
            "\"/pkg/wegweiser.def.js\"",
            "\"/icons/icon-192.png\"",
            "\"/favicon.svg\"",
            "\"/app-shell\"",
        ] {
            assert!(script.contains(url), "{url} missing");
        }
        assert!(
            !script.contains(".ts\""),
            "type declarations are not precached"
        );
        assert!(
            !script.contains("manifest.webmanifest\""),
            "missing files are left out"
        );
        assert!(!script.contains("{{"), "every placeholder is filled");
        assert!(script.contains(&format!("{REPLICA_WASM}?v={}", sw.version)));
    }

    #[test]
    fn a_new_build_gets_a_new_version_and_the_same_build_the_same() {
        let dir = tempfile::tempdir().unwrap();
        site(dir.path(), b"wasm 1");
        let first = worker(dir.path());
        assert_eq!(first.version, worker(dir.path()).version);
        site(dir.path(), b"wasm 2");
        let second = worker(dir.path()).version;
        assert_ne!(first.version, second);
        std::fs::write(
            dir.path().join("offline").join(REPLICA_WASM),
            b"new replica",
        )
        .unwrap();
        assert_ne!(worker(dir.path()).version, second);
    }
}
