// The page's side of offline use (docs/offline.md): registers the service
// worker, starts the page's replica worker and asks it to bring the
// replica up to date (on every visit, when the connection returns and
// every 5 minutes), asks the service worker to deliver contact requests
// kept offline, and shows in #verbindung whether the page
// is online, the "Stand" of the offline copy, the first download's
// progress, storage errors, and "Neue Version verfügbar – neu laden".
// Plain script, not wasm: it must not grow the pages' bundle.
(() => {
  "use strict";
  const sw = navigator.serviceWorker;
  if (!sw) return;

  const root = document.documentElement;
  let state = null; // the replica's last report
  let progress = null; // changes received while the first download runs
  let failure = null; // a storage or server message worth showing
  let waiting = null; // a new version's worker, waiting to take over
  let outbox = 0; // contact requests kept on this device
  let refused = 0; // contact requests the server would not take
  let reloading = false;

  const stand = (ms) =>
    new Date(ms).toLocaleString("de-DE", { dateStyle: "medium", timeStyle: "short" });

  function message() {
    const parts = [line()];
    if (outbox > 0) {
      parts.push(
        outbox === 1
          ? "1 Kontaktanfrage wird gesendet, sobald eine Verbindung besteht."
          : `${outbox} Kontaktanfragen werden gesendet, sobald eine Verbindung besteht.`,
      );
    }
    if (refused > 0) {
      parts.push("Eine gespeicherte Kontaktanfrage wurde nicht angenommen (die Gruppe trifft sich nicht mehr); bitte wenden Sie sich an die Kontaktstelle.");
    }
    return parts.filter(Boolean).join(" ");
  }

  function line() {
    const online = navigator.onLine;
    const complete = state && state.complete;
    if (progress != null && !complete) {
      return `Das Verzeichnis wird für die Offline-Nutzung gespeichert … ${progress.toLocaleString("de-DE")} Einträge`;
    }
    if (failure && !(complete && !online)) return failure;
    if (complete && state.synced_at) {
      return `${online ? "Online, auch offline verfügbar" : "Offline"} · Stand: ${stand(state.synced_at)}`;
    }
    if (!online) return "Offline – das Verzeichnis ist auf diesem Gerät noch nicht gespeichert.";
    return "";
  }

  // The app may replace the page's content (an offline page is rendered,
  // not hydrated), so look the element up on every render.
  function render() {
    const el = document.getElementById("verbindung");
    root.dataset.online = navigator.onLine ? "true" : "false";
    if (state) root.dataset.replica = state.complete ? "complete" : "partial";
    if (!el) return;
    const text = message();
    const line = el.querySelector(".verbindung-text") || el.appendChild(span());
    if (line.textContent !== text) line.textContent = text;
    let button = el.querySelector("button");
    if (waiting && !button) {
      const note = span("Neue Version verfügbar – ");
      note.className = "verbindung-update";
      button = document.createElement("button");
      button.type = "button";
      button.textContent = "neu laden";
      button.addEventListener("click", () => {
        reloading = true;
        waiting.postMessage({ type: "take-over" });
      });
      note.appendChild(button);
      el.appendChild(note);
    }
    el.hidden = !text && !waiting;
  }

  function span(text) {
    const s = document.createElement("span");
    s.className = "verbindung-text";
    if (text) s.textContent = text;
    return s;
  }

  function offerUpdate(worker) {
    waiting = worker;
    render();
  }

  // Reports from the service worker and from the page's replica worker.
  function hear(m) {
    if (m.waiting !== undefined) {
      outbox = m.waiting;
      root.dataset.outbox = String(outbox);
    }
    switch (m.type) {
      case "progress":
        progress = m.received;
        break;
      case "outbox":
        refused += m.refused || 0;
        break;
      case "status":
        state = m;
        failure = null;
        break;
      case "synced":
        state = m;
        failure = null;
        progress = null;
        retries = 0;
        root.dataset.replicaReceived = String(m.received);
        root.dataset.replicaBytes = String(m.bytes);
        root.dataset.replicaRecords = String(m.records);
        if (m.complete) persist();
        // Requests still waiting although the server answered: try again soon.
        if (outbox > 0) {
          ask("deliver");
          retryLater();
        }
        break;
      case "sync-failed":
        if (m.cursor !== undefined) state = m;
        progress = null;
        // Without a connection a failed update is expected, not news.
        failure = navigator.onLine ? m.message : null;
        retryLater();
        break;
      case "index":
        // For the benchmarks: how long the index build took.
        root.dataset.indexMs = String(Math.round(m.index_ms));
        root.dataset.indexLoadMs = String(Math.round(m.load_ms));
        root.dataset.indexGroups = String(m.groups);
        finderReady = true;
        root.dataset.searchReady = "true";
        break;
    }
    if (m.version) startFinder(m.version);
    render();
  }
  sw.addEventListener("message", (event) => hear(event.data || {}));

  let persisted = false;
  function persist() {
    if (persisted || !navigator.storage || !navigator.storage.persist) return;
    persisted = true;
    navigator.storage.persist().then((granted) => {
      root.dataset.persisted = granted ? "true" : "false";
    });
  }

  sw.addEventListener("controllerchange", () => {
    if (reloading) window.location.reload();
  });

  // The page's replica worker (/replica-worker.js), started once the
  // service worker has said which version runs. It syncs the replica, and
  // the app's search while typing asks it through wegweiserAsk(Now),
  // which resolve to the answer's JSON, or null (no replica yet, no
  // answer in time): the app then asks the server.
  let finder = null;
  let finderReady = false;
  let syncWanted = false;
  const pending = new Map();
  let nextId = 0;
  function startFinder(version) {
    if (finder) return;
    finder = new Worker(`/replica-worker.js?v=${version}`);
    shareWith(finder);
    finder.onmessage = (event) => {
      const m = event.data || {};
      if (m.type === "answer") {
        const done = pending.get(m.id);
        pending.delete(m.id);
        if (done) done(m.json);
      } else {
        hear(m);
      }
    };
    if (syncWanted) sync();
  }

  // Contact requests kept offline go first (the service worker delivers
  // them), then the directory's changes.
  function sync() {
    ask("deliver");
    syncWanted = !finder;
    if (finder) finder.postMessage({ type: "sync" });
  }
  // Where the page can, it waits for the worker's answer in the very task
  // of the keystroke, so the results are drawn in the same frame as the
  // typed letter: the answer comes through memory shared with the worker
  // (SharedArrayBuffer; the server sends the cross-origin isolation
  // headers it needs). The wait is bounded; after it the answer counts as
  // lost and the app asks the usual way.
  const SHARED_BYTES = 512 * 1024;
  const WAIT_MS = 8;
  let shared = null;
  let asked = 0;
  function shareWith(worker) {
    if (!self.crossOriginIsolated || typeof SharedArrayBuffer !== "function") return;
    shared = new SharedArrayBuffer(8 + SHARED_BYTES);
    worker.postMessage({ type: "shared", buffer: shared });
  }
  const decoder = new TextDecoder();
  window.wegweiserAskNow = (endpoint, body) => {
    if (!finderReady || !shared) return null;
    const control = new Int32Array(shared, 0, 2);
    const seq = ++asked;
    finder.postMessage({ type: "ask-now", seq, endpoint, body });
    const end = performance.now() + WAIT_MS;
    while (Atomics.load(control, 0) !== seq) {
      if (performance.now() > end) return null;
    }
    const length = Atomics.load(control, 1);
    if (length < 0) return null;
    // A copy: TextDecoder does not read shared memory.
    return decoder.decode(new Uint8Array(shared, 8, length).slice());
  };

  window.wegweiserAsk = (endpoint, body) =>
    new Promise((resolve) => {
      if (!finderReady) return resolve(null);
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(null);
      }, 3000);
      pending.set(id, (json) => {
        clearTimeout(timer);
        resolve(json);
      });
      finder.postMessage({ type: "ask", id, endpoint, body });
    });

  function ask(type) {
    sw.ready.then((reg) => reg.active && reg.active.postMessage({ type }));
  }

  // A connection often comes back a moment after the "online" event, and
  // a server may be briefly away: try again, less often each time.
  let retries = 0;
  let retryTimer = null;
  function retryLater() {
    if (retryTimer || !navigator.onLine) return;
    const delay = Math.min(60_000, 1000 * 2 ** retries++);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      sync();
    }, delay);
  }
  // While the page stays open, look for changes now and then.
  setInterval(() => navigator.onLine && sync(), 5 * 60_000);

  addEventListener("online", () => {
    render();
    sync();
  });
  addEventListener("offline", render);
  new MutationObserver(render).observe(document.body, { childList: true });

  // A first worker that cannot install (its files do not fit, or storage
  // is off): the page keeps working online and says so.
  function installFailed() {
    failure =
      "Das Verzeichnis kann in diesem Browser nicht für die Offline-Nutzung gespeichert werden (zu wenig Speicherplatz oder Speichern nicht erlaubt); online ist es weiter verfügbar.";
    render();
  }

  function watchInstall(reg, worker) {
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      // A worker installed while another controls the page is an update.
      if (worker.state === "installed" && sw.controller) offerUpdate(worker);
      if (worker.state === "redundant" && !sw.controller && !reg.active) installFailed();
    });
  }

  sw.register("/sw.js").then(
    (reg) => {
      if (reg.waiting && sw.controller) offerUpdate(reg.waiting);
      watchInstall(reg, reg.installing);
      reg.addEventListener("updatefound", () => watchInstall(reg, reg.installing));
    },
    installFailed,
  );
  ask("status");
  sync();
  render();
})();
