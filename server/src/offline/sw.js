// Wegweiser's service worker (docs/offline.md). The server fills in the
// quoted placeholders when it starts (server/src/offline/mod.rs), so the
// precache list always names the files of the running build.
"use strict";

const VERSION = "{{VERSION}}";
const SHELL = "{{SHELL}}";
const REPLICA_JS = "{{REPLICA_JS}}";
const REPLICA_WASM = "{{REPLICA_WASM}}";
const PRECACHE = ["{{PRECACHE}}"];
const CACHE = "wegweiser-" + VERSION;
const PRECACHED = new Set(PRECACHE);
/// A navigation waits this long for the network before the shell answers.
const NAVIGATION_TIMEOUT_MS = 4000;
/// The staff pages seen while signed in, for working without a
/// connection (docs/staff.md); kept across versions, dropped at sign-out.
const STAFF_CACHE = "wegweiser-mitarbeit";
/// A record's staff page, where its edit form posts.
const EDIT_PAGE = /^\/mitarbeit\/(gruppe|thema|kontaktstelle)\/([0-9a-f-]{36}|neu)$/;

// The replica (app/offline), a wasm-bindgen module: defines `wasm_bindgen`.
importScripts(REPLICA_JS);

// Install: everything the app needs to start, in this version's cache,
// fetched past the HTTP cache (it must be this deployment's files). The
// new worker then waits until the page lets it take over.
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })))),
  );
});

// Activate: drop the caches of earlier versions, control open pages.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("wegweiser-") && k !== CACHE && k !== STAFF_CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const kind = event.data && event.data.type;
  if (kind === "deliver") event.waitUntil(deliver());
  else if (kind === "status") event.waitUntil(status(event.source));
  else if (kind === "take-over") self.skipWaiting();
  else if (kind && kind.startsWith("staff-") && event.ports[0]) {
    event.waitUntil(staffCall(kind, event.data, event.ports[0]));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/kontaktanfrage") {
    event.respondWith(contactRequest(request));
  } else if (request.method === "POST" && EDIT_PAGE.test(url.pathname)) {
    event.respondWith(staffEdit(request, url.pathname));
  } else if (request.method === "POST" && url.pathname === "/mitarbeit/abmelden") {
    event.respondWith(caches.delete(STAFF_CACHE).then(() => fetch(request)));
  } else if (request.method === "POST" && url.pathname.startsWith("/mitarbeit/")) {
    event.respondWith(staffAction(request, url.pathname));
  } else if (request.mode === "navigate" && url.pathname.startsWith("/mitarbeit")) {
    event.respondWith(staffPage(request, url));
  } else if (request.mode === "navigate") {
    event.respondWith(navigate(request));
  } else if (request.method === "POST" && url.pathname.startsWith("/fn/")) {
    event.respondWith(serverFunction(request, url.pathname.slice("/fn/".length)));
  } else if (request.method === "GET" && PRECACHED.has(url.pathname + url.search)) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(request).then((hit) => hit || fetch(request)),
      ),
    );
  }
});

// Pages come from the server while it answers; without a connection the
// shell answers every address, and the app renders it from the replica.
// The shell and the wasm it loads come from the same cache, so an old
// page never starts new code or the reverse.
async function navigate(request) {
  try {
    return await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
  } catch (error) {
    const shell = await caches.open(CACHE).then((cache) => cache.match(SHELL));
    if (shell) return shell;
    throw error;
  }
}

// The contact form (a plain form post). It gets its id here if the page
// was rendered in the browser; then it goes to the server. Without a
// connection, or when the answer is lost, it is kept in the replica's
// outbox and delivered with the same id later: exactly once.
async function contactRequest(request) {
  const form = new URLSearchParams(await request.clone().text());
  if (!form.get("id")) form.set("id", self.crypto.randomUUID());
  const back = encodeURIComponent(form.get("slug") || "");
  try {
    return await fetch("/kontaktanfrage", { method: "POST", body: form, redirect: "manual" });
  } catch (_) {
    const replica = await engine();
    const verdict = JSON.parse(await replica.queue_contact(JSON.stringify(Object.fromEntries(form))));
    if (verdict.verdict === "kept") {
      await broadcast({ type: "outbox", waiting: verdict.waiting });
      return Response.redirect(`/kontaktanfrage/gespeichert?gruppe=${back}`, 303);
    }
    return Response.redirect(`/kontaktanfrage/pruefen?gruppe=${back}&fehler=${verdict.fields.join(",")}`, 303);
  }
}

// A staff page is worth keeping when it shows a signed-in staff member's
// page: those carry the session's CSRF token.
async function keepStaffPage(cache, path, response) {
  const text = await response.clone().text();
  if (!response.ok || !text.includes('name="csrf"')) return false;
  await cache.put(path, new Response(text, { headers: response.headers }));
  return true;
}

// Keep the staff pages asked for ("Alle Einträge auf diesem Gerät
// speichern"), one after the other; stops when the connection does.
async function keepStaffPages(pages) {
  const cache = await caches.open(STAFF_CACHE);
  let kept = 0;
  for (const path of pages) {
    if (!path.startsWith("/mitarbeit/")) continue;
    try {
      if (await keepStaffPage(cache, path, await fetch(path))) kept++;
    } catch (_) {
      break;
    }
  }
  return { kept };
}

// A staff page: from the server while it answers, and kept for working
// without a connection. Without a connection the kept
// copy answers, marked as such for /staff-client.js; a page never kept
// gets the shell, which says it needs the server.
async function staffPage(request, url) {
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    if (!url.searchParams.get("q")) {
      await keepStaffPage(await caches.open(STAFF_CACHE), url.pathname, response);
    }
    return response;
  } catch (error) {
    const copy = await caches.open(STAFF_CACHE).then((cache) => cache.match(url.pathname));
    if (!copy) return navigate(request);
    const text = (await copy.text()).replace("<html", '<html data-kopie="offline"');
    return new Response(text, { headers: copy.headers });
  }
}

// A record's edit form (docs/staff.md, "Working without a connection").
// The edit is kept in the browser first (the replica's `staff` store),
// with the id the server would give it, then everything waiting is
// pushed. The page comes back with what became of this edit; without a
// connection, or with the session ended, it stays kept ("vorgemerkt").
async function staffEdit(request, page) {
  const form = new URLSearchParams(await request.clone().text());
  let verdict;
  try {
    const replica = await engine();
    verdict = JSON.parse(await replica.staff_queue(page, JSON.stringify([...form.entries()])));
  } catch (error) {
    // No storage here, or a form the outbox cannot read: the server
    // decides, as without this worker.
    console.warn("Wegweiser offline:", error);
    return fetch(request);
  }
  if (verdict.verdict === "refused") {
    // The page comes back with the messages; /staff-client.js fills in
    // what was typed again (asked once, then forgotten).
    refusedForms.set(page, [...form.entries()]);
    const fehler = JSON.stringify(verdict.fields.map((f) => [f.field, f.message]));
    return Response.redirect(`${page}?${new URLSearchParams({ fehler })}`, 303);
  }
  if (verdict.verdict === "unchanged") return Response.redirect(`${page}?ergebnis=unveraendert`, 303);
  const pushed = await staffPush(form.get("csrf") || "");
  const mine = (pushed.results || []).find((r) => r[0] === verdict.id);
  // A record's page once the server has it; a refused form where it was
  // filled in (the outbox fills it again); a new record still waiting is
  // listed with what waits.
  if (mine) {
    const at = mine[2] === "abgelehnt" ? page : verdict.record_page;
    return Response.redirect(`${at}?ergebnis=${mine[2]}`, 303);
  }
  const expired = pushed.outcome === "signed_out" ? "&anmeldung=abgelaufen" : "";
  const at = page.endsWith("/neu") ? verdict.list_page : page;
  return Response.redirect(`${at}?ergebnis=vorgemerkt${expired}`, 303);
}

// Archiving, restoring and deciding conflicts need the server: without
// a connection the page says so instead of failing.
async function staffAction(request, path) {
  try {
    return await fetch(request);
  } catch (error) {
    const conflict = path.startsWith("/mitarbeit/konflikt/");
    const page = conflict ? "/mitarbeit/konflikte" : path.replace(/\/[^/]*$/, "");
    return Response.redirect(`${page}?ergebnis=offline`, 303);
  }
}

// Forms refused as invalid, by page, until the page has asked for them.
const refusedForms = new Map();

// One push at a time; every open page hears the outbox's counts after it.
let staffPushing = Promise.resolve();
function staffPush(csrf) {
  const run = staffPushing.then(async () => {
    try {
      const replica = await engine();
      const pushed = JSON.parse(await replica.staff_push(csrf));
      await broadcast({ type: "staff-outbox", ...pushed });
      return pushed;
    } catch (error) {
      console.warn("Wegweiser offline:", error);
      return { outcome: "failed", message: String(error) };
    }
  });
  staffPushing = run.catch(() => {});
  return run;
}

// /staff-client.js asks here: what waits, a page's waiting edits, a push,
// dropping a rejected edit, a refused form's values. The answer goes back
// on the message's port.
async function staffCall(kind, data, port) {
  try {
    const replica = await engine();
    let answer = null;
    switch (kind) {
      case "staff-push":
        answer = await staffPush(data.csrf || "");
        break;
      case "staff-outbox":
        answer = JSON.parse(await replica.staff_outbox());
        break;
      case "staff-overlay": {
        const json = await replica.staff_overlay(data.page, data.original);
        answer = json == null ? null : JSON.parse(json);
        break;
      }
      case "staff-discard":
        answer = JSON.parse(await replica.staff_discard(data.id));
        break;
      case "staff-keep":
        answer = await keepStaffPages(data.pages || []);
        break;
      case "staff-refused":
        answer = refusedForms.get(data.page) || null;
        refusedForms.delete(data.page);
        break;
    }
    port.postMessage({ ok: true, answer });
  } catch (error) {
    port.postMessage({ ok: false, message: String(error) });
  }
}

// The pages' data: from the server, and from the replica when the server
// cannot be reached. (Search while typing asks the page's own replica
// worker first, /replica-worker.js.)
async function serverFunction(request, endpoint) {
  const body = await request.clone().text();
  try {
    return await fetch(request);
  } catch (error) {
    const local = await fromReplica(endpoint, body);
    if (local) return local;
    throw error;
  }
}

async function fromReplica(endpoint, body) {
  try {
    const replica = await engine();
    const json = await replica.answer(endpoint, body);
    if (json == null) return null;
    return new Response(json, {
      headers: {
        "content-type": "application/json",
        "x-wegweiser-source": "replica",
      },
    });
  } catch (error) {
    console.warn("Wegweiser offline:", error);
    return null;
  }
}

let loading = null;
// The replica's wasm, from this version's cache (so it also starts
// offline), instantiated once per worker start.
function engine() {
  if (!loading) {
    loading = caches
      .open(CACHE)
      .then((cache) => cache.match(REPLICA_WASM))
      .then((hit) => hit || fetch(REPLICA_WASM))
      .then((response) => wasm_bindgen({ module_or_path: response }))
      .then(() => wasm_bindgen)
      .catch((error) => {
        loading = null;
        throw error;
      });
  }
  return loading;
}

// Contact requests kept offline, delivered when a page says the
// connection is back (the page's replica worker syncs the directory).
// Every open page hears how many were delivered or refused, and how many
// still wait.
let delivering = null;
function deliver() {
  if (!delivering) {
    delivering = (async () => {
      try {
        const replica = await engine();
        await broadcast({ type: "outbox", ...JSON.parse(await replica.deliver()) });
      } catch (error) {
        console.warn("Wegweiser offline:", error);
      }
    })().finally(() => {
      delivering = null;
    });
  }
  return delivering;
}

// A page's worker changed the replica: answer from the new records.
new BroadcastChannel("wegweiser-replica").onmessage = async (event) => {
  if ((event.data || {}).type === "changed" && loading) (await engine()).forget();
};

async function status(client) {
  try {
    const replica = await engine();
    client.postMessage({ type: "status", version: VERSION, ...JSON.parse(await replica.status()) });
  } catch (error) {
    client.postMessage({ type: "sync-failed", message: String(error) });
  }
}

async function broadcast(message) {
  const clients = await self.clients.matchAll({ includeUncontrolled: true });
  for (const client of clients) client.postMessage(message);
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
