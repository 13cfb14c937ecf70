// A worker of the page's own (docs/offline.md): it answers the search
// while the visitor types from the replica that the service worker keeps
// in IndexedDB, with the same wasm module. A message between a page and
// its own worker takes a fraction of a millisecond; one to the service
// worker several. Started by /sw-client.js as
// /replica-worker.js?v=<version>; its files come from the service
// worker's cache, so it starts offline too.
"use strict";
const version = new URL(self.location.href).searchParams.get("v");
importScripts(`/offline/wegweiser_offline.js?v=${version}`);

const ready = wasm_bindgen({ module_or_path: `/offline/wegweiser_offline_bg.wasm?v=${version}` });

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

self.onmessage = async (event) => {
  const m = event.data || {};
  if (m.type === "changed") {
    // The service worker stored changes: build again from them.
    await ready;
    wasm_bindgen.forget();
    warm();
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
