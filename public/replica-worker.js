// A worker of the page's own (docs/offline.md). It keeps the replica in
// IndexedDB up to date from the server (asked by /sw-client.js on every
// visit, when the connection returns and now and then), and answers the
// search while the visitor types from it, with the same wasm module the
// service worker uses to answer offline. A message between a page and its
// own worker takes a fraction of a millisecond; one to the service worker
// several. Started by /sw-client.js as /replica-worker.js?v=<version>; its
// files come from the service worker's cache, so it starts offline too.
//
// Messages to the page: {type: "progress", received} while a sync runs,
// then {type: "synced", ...report} or {type: "sync-failed", message,
// ...the last known state}; {type: "index", ...} once it can search;
// {type: "answer", id, json} for a question.
"use strict";
const version = new URL(self.location.href).searchParams.get("v");
importScripts(`/offline/wegweiser_offline.js?v=${version}`);

const ready = wasm_bindgen({ module_or_path: `/offline/wegweiser_offline_bg.wasm?v=${version}` });

// Other pages' workers and the service worker hear here that the replica
// changed, and build their directory again.
const replicaChannel = new BroadcastChannel("wegweiser-replica");
replicaChannel.onmessage = async (event) => {
  if ((event.data || {}).type !== "changed") return;
  await ready;
  wasm_bindgen.forget();
  warm();
};

// Build the index before the first question, and say how long it took.
async function warm() {
  await ready;
  try {
    postMessage({ type: "index", ...JSON.parse(await wasm_bindgen.warm()) });
  } catch (error) {
    postMessage({ type: "not-ready", message: String(error) });
  }
}
warm();

// One sync at a time in this browser: the lock spans every tab's worker.
// The sync ends with this worker's directory built from the records it
// received, so the page can search at once.
let syncing = null;
function sync() {
  if (syncing) return syncing;
  syncing = (async () => {
    await ready;
    const run = () =>
      wasm_bindgen.sync((received) => postMessage({ type: "progress", received }));
    try {
      const report = JSON.parse(
        navigator.locks ? await navigator.locks.request("wegweiser-sync", run) : await run(),
      );
      if (report.received > 0) replicaChannel.postMessage({ type: "changed" });
      postMessage({ type: "synced", ...report });
      if (report.complete) await warm();
    } catch (error) {
      let known = {};
      try {
        known = JSON.parse(await wasm_bindgen.status());
      } catch (_) {
        // The storage itself failed; the message says so.
      }
      postMessage({ type: "sync-failed", message: String(error), ...known });
    }
  })().finally(() => {
    syncing = null;
  });
  return syncing;
}

self.onmessage = async (event) => {
  const m = event.data || {};
  if (m.type === "sync") {
    sync();
    return;
  }
  if (m.type === "shared") {
    shared = m.buffer;
    return;
  }
  if (m.type !== "ask" && m.type !== "ask-now") return;
  let json = null;
  try {
    await ready;
    json = await wasm_bindgen.answer(m.endpoint, m.body);
  } catch (error) {
    console.warn("Wegweiser offline:", error);
  }
  if (m.type === "ask-now") answerShared(m.seq, json);
  else postMessage({ type: "answer", id: m.id, json: json ?? null });
};

// The page may wait for an answer in the same task as the keystroke (see
// wegweiserAskNow in /sw-client.js): the answer goes into memory shared
// with the page. Int32 0: the number of the question answered; Int32 1:
// the answer's length in bytes (-1: none); from byte 8: UTF-8.
let shared = null;
const encoder = new TextEncoder();
function answerShared(seq, json) {
  if (!shared) return;
  const control = new Int32Array(shared, 0, 2);
  const bytes = new Uint8Array(shared, 8);
  let length = -1;
  if (json != null) {
    const encoded = encoder.encode(json);
    if (encoded.length <= bytes.length) {
      bytes.set(encoded);
      length = encoded.length;
    }
  }
  Atomics.store(control, 1, length);
  Atomics.store(control, 0, seq);
}
