// The staff pages' side of working without a connection (docs/staff.md).
// Loaded by the staff pages only. The service worker keeps every edit
// form in the browser's outbox before it goes to the server
// (server/src/offline/sw.js); this script shows what waits
// ("3 Änderungen noch nicht übertragen"), fills a record's form with its
// waiting edits, and pushes the outbox when the connection returns and
// on the button. Plain script, not wasm; the outbox's logic is the
// replica module's (app/offline/src/staff.rs), asked through the worker.
(() => {
  "use strict";
  const sw = navigator.serviceWorker;
  if (!sw) return;
  const root = document.documentElement;
  const params = new URLSearchParams(location.search);
  const offlineCopy = root.dataset.kopie === "offline";
  let outbox = { waiting: 0, rejected: 0, edits: [] };
  let signedOut = params.get("anmeldung") === "abgelaufen";
  let summary = "";
  let dirty = false;

  // A question to the service worker, answered on a port of its own.
  async function call(type, data = {}) {
    const reg = await sw.ready;
    const worker = sw.controller || reg.active;
    if (!worker) return null;
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => {
        const m = event.data || {};
        if (!m.ok) console.warn("Wegweiser:", m.message);
        resolve(m.ok ? m.answer : null);
      };
      worker.postMessage({ type, ...data }, [channel.port2]);
    });
  }

  const csrf = () => {
    const field = document.querySelector('input[name="csrf"]');
    return field ? field.value : "";
  };

  const edits = (n) => (n === 1 ? "1 Änderung" : `${n} Änderungen`);

  function element(tag, text, attrs = {}) {
    const el = document.createElement(tag);
    if (text) el.textContent = text;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  }

  // The box at the top of the page: what waits, what was refused, and
  // the button. Hidden while nothing waits.
  function render() {
    root.dataset.staffWaiting = String(outbox.waiting);
    root.dataset.staffRejected = String(outbox.rejected);
    const main = document.getElementById("inhalt");
    if (!main) return;
    let box = document.getElementById("mitarbeit-ausstehend");
    if (!box) {
      box = element("section", "", {
        id: "mitarbeit-ausstehend",
        class: "staff-outbox",
        "aria-labelledby": "ausstehend-titel",
      });
      main.prepend(box);
    }
    box.replaceChildren();
    box.hidden = outbox.waiting === 0 && outbox.rejected === 0 && !summary;
    if (box.hidden) return;
    const title = element("h2", "Auf diesem Gerät gespeichert", { id: "ausstehend-titel" });
    const status = element("p", "", { role: "status", class: "staff-outbox-count" });
    const parts = [];
    if (outbox.waiting > 0) parts.push(`${edits(outbox.waiting)} noch nicht übertragen.`);
    if (outbox.rejected > 0) parts.push(`${edits(outbox.rejected)} nicht angenommen (siehe unten).`);
    if (summary) parts.push(summary);
    if (outbox.waiting > 0 && !navigator.onLine) {
      parts.push("Sie werden übertragen, sobald eine Verbindung besteht.");
    } else if (outbox.waiting > 0 && signedOut) {
      parts.push("Ihre Anmeldung ist abgelaufen; nach der nächsten Anmeldung werden sie übertragen.");
    }
    status.textContent = parts.join(" ");
    box.append(title, status);
    if (signedOut && outbox.waiting > 0 && !location.pathname.startsWith("/mitarbeit/anmelden")) {
      const p = element("p");
      p.append(element("a", "Neu anmelden", { href: "/mitarbeit/anmelden" }));
      box.append(p);
    }
    if (outbox.edits.length > 0) {
      const list = element("ul", "", { class: "staff-outbox-list" });
      for (const e of outbox.edits) {
        const li = element("li");
        li.append(element("a", e.label || "Eintrag", { href: e.page }));
        if (e.rejected) {
          const why = (e.rejected.fields || []).map((f) => f.message).join("; ");
          li.append(` – nicht angenommen: ${e.rejected.message}${why ? ` (${why})` : ""} `);
          const discard = element("button", "Verwerfen", { type: "button" });
          discard.addEventListener("click", async () => {
            const counts = await call("staff-discard", { id: e.id });
            if (counts) await refresh();
          });
          li.append(discard);
        } else {
          li.append(" – wartet");
        }
        list.append(li);
      }
      box.append(list);
    }
    if (outbox.waiting > 0 && csrf()) {
      const button = element("button", "Jetzt übertragen", { type: "button" });
      button.addEventListener("click", push);
      box.append(button);
    }
  }

  async function refresh() {
    const answer = await call("staff-outbox");
    if (answer) outbox = answer;
    render();
    markLists();
  }

  // The lists of records say which have edits waiting on this device.
  function markLists() {
    for (const note of document.querySelectorAll(".staff-waits")) note.remove();
    for (const e of outbox.edits) {
      for (const a of document.querySelectorAll(`.staff-groups a[href="${e.page}"]`)) {
        a.after(element("span", e.rejected ? " – nicht angenommen" : " – Änderung wartet", { class: "staff-waits" }));
      }
    }
  }

  // Fill a form's fields with values by name; a list to tick (a group's
  // topics) gets ticked the ids it holds. Answers the fields changed.
  function fill(form, pairs) {
    const byName = new Map();
    for (const [name, value] of pairs) byName.set(name, [...(byName.get(name) || []), value]);
    const changed = [];
    for (const [name, values] of byName) {
      const boxes = [...form.querySelectorAll('input[type="checkbox"]')].filter((b) => b.name === name);
      if (boxes.length > 0) {
        for (const b of boxes) {
          if (b.checked !== values.includes(b.value)) changed.push(b);
          b.checked = values.includes(b.value);
        }
        continue;
      }
      const value = values[values.length - 1];
      let field = form.elements.namedItem(name);
      if (!field && name.startsWith("schedules.")) field = addScheduleRow(form, name);
      if (!field || field.type === "hidden" || field.value === value) continue;
      field.value = value;
      changed.push(field);
    }
    return changed;
  }

  // A form the service worker refused as invalid comes back with the
  // messages (from the address); what was typed is filled in again.
  async function refilled() {
    const form = document.querySelector("form.staff-edit");
    if (!form || !params.get("fehler")) return;
    const pairs = await call("staff-refused", { page: location.pathname });
    if (pairs) fill(form, pairs);
  }

  // A record's form shows its waiting edits; the next save builds on
  // them. Fields changed there are marked; refused ones carry the
  // server's message.
  async function overlay() {
    const form = document.querySelector("form.staff-edit");
    const original = form && form.elements.namedItem("original");
    if (!original) return;
    const o = await call("staff-overlay", { page: location.pathname, original: original.value });
    if (!o) return;
    if (o.waiting > 0) original.value = JSON.stringify(o.original);
    for (const field of fill(form, o.values)) field.classList.add("staff-pending");
    for (const { field, message } of o.messages) {
      const el = form.elements.namedItem(field);
      if (!el || !el.id) continue;
      el.setAttribute("aria-invalid", "true");
      const note = element("span", message, { class: "field-error", id: `${el.id}-fehler` });
      el.setAttribute("aria-describedby", note.id);
      el.after(note);
    }
    root.dataset.staffOverlay = String(o.values.length);
  }

  // A waiting edit with more meetings than the page has rows: a copy of
  // the last row for each.
  function addScheduleRow(form, name) {
    const row = Number(name.split(".")[1]);
    const rows = form.querySelectorAll("fieldset.staff-schedule");
    const last = rows[rows.length - 1];
    if (!last) return null;
    const lastIndex = rows.length - 1;
    for (let i = lastIndex + 1; i <= row; i++) {
      const copy = last.cloneNode(true);
      for (const el of copy.querySelectorAll("[name],[id],[for]")) {
        for (const attr of ["name", "id", "for"]) {
          const v = el.getAttribute(attr);
          if (v) {
            el.setAttribute(
              attr,
              v.replace(`schedules.${lastIndex}.`, `schedules.${i}.`).replace(`termin-${lastIndex}-`, `termin-${i}-`),
            );
          }
        }
        if ("value" in el && el.tagName !== "OPTION") el.value = "";
      }
      copy.querySelector("legend").textContent = "Neues Treffen";
      form.querySelector("fieldset.staff-schedules").append(copy);
    }
    return form.elements.namedItem(name);
  }

  // Push what waits. A record's page then shows the server's view of it,
  // unless something is being typed there.
  let pushing = false;
  async function push() {
    if (pushing || !navigator.onLine || outbox.waiting === 0) return;
    const token = csrf();
    if (!token) {
      signedOut = true;
      render();
      return;
    }
    pushing = true;
    try {
      const r = await call("staff-push", { csrf: token });
      if (!r) return;
      signedOut = r.outcome === "signed_out";
      summary = r.outcome === "failed" ? `Übertragen ging nicht: ${r.message}` : "";
      // No answer: the connection is not quite back yet, try again soon.
      // A failing server is given more time.
      if (r.outcome === "offline") retryLater(1000);
      else if (r.outcome === "failed") retryLater(15_000);
      else retries = 0;
      await refresh();
      const answered = (r.results || []).length;
      if (answered > 0 && !dirty) {
        const here = r.results.filter((x) => x[1] === location.pathname).pop();
        location.replace(here ? `${location.pathname}?ergebnis=${here[2]}` : location.pathname);
      } else if (answered > 0) {
        summary = `${edits(answered)} übertragen.`;
        render();
      }
    } finally {
      pushing = false;
    }
  }

  // The connection often comes back a moment after the "online" event,
  // and a server may be briefly away: try again, less often each time.
  let retries = 0;
  let retryTimer = null;
  function retryLater(first) {
    if (retryTimer) return;
    const delay = Math.min(5 * 60_000, first * 2 ** retries++);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      push();
    }, delay);
  }

  // A kept copy of the page, shown without a connection: its result note
  // is from when it was kept; say what this visit's address says.
  function notes() {
    if (!offlineCopy) return;
    for (const el of document.querySelectorAll(".staff-result")) el.remove();
    const said = {
      vorgemerkt: "Auf diesem Gerät gespeichert. Die Änderung wird übertragen, sobald eine Verbindung besteht.",
      offline: "Ohne Verbindung geht das nicht: Archivieren, Wiederherstellen und Konflikte entscheiden brauchen den Server.",
    }[params.get("ergebnis")];
    const main = document.getElementById("inhalt");
    const h1 = main && main.querySelector("h1");
    if (said && h1) h1.after(element("p", said, { class: "staff-note staff-result", role: "status" }));
  }

  // "Alle Einträge auf diesem Gerät speichern" (on /mitarbeit): every
  // list, every record's page and every form for a new record is kept,
  // so that any of them can be edited without a connection.
  function offerKeeping() {
    const links = document.querySelector(".staff-links");
    if (!links || !csrf()) return;
    const button = element("button", "Alle Einträge auf diesem Gerät speichern (für die Arbeit ohne Verbindung)", { type: "button" });
    const said = element("p", "", { role: "status", class: "staff-note", id: "gespeichert-fuer-unterwegs" });
    button.addEventListener("click", async () => {
      button.disabled = true;
      const lists = ["/mitarbeit/gruppen", "/mitarbeit/themen", "/mitarbeit/kontaktstellen"];
      const pages = [...lists, "/mitarbeit/konflikte", "/mitarbeit/gruppe/neu", "/mitarbeit/thema/neu", "/mitarbeit/kontaktstelle/neu"];
      try {
        for (const list of lists) {
          const html = await (await fetch(list)).text();
          const doc = new DOMParser().parseFromString(html, "text/html");
          for (const a of doc.querySelectorAll(".staff-groups a")) pages.push(a.getAttribute("href"));
        }
      } catch (_) {
        said.textContent = "Ohne Verbindung geht das nicht.";
        button.disabled = false;
        return;
      }
      let kept = 0;
      for (let i = 0; i < pages.length; i += 50) {
        const answer = await call("staff-keep", { pages: pages.slice(i, i + 50) });
        kept += (answer && answer.kept) || 0;
        said.textContent = `${kept} von ${pages.length} Seiten gespeichert …`;
      }
      said.textContent = `${kept} von ${pages.length} Seiten auf diesem Gerät gespeichert.`;
      button.disabled = false;
    });
    links.after(button, said);
  }

  document.addEventListener("input", (event) => {
    if (event.target.closest && event.target.closest("form.staff-edit")) dirty = true;
  });
  sw.addEventListener("message", (event) => {
    const m = event.data || {};
    if (m.type === "staff-outbox") refresh();
  });
  addEventListener("online", push);
  addEventListener("offline", render);

  (async () => {
    offerKeeping();
    notes();
    await overlay();
    await refilled();
    await refresh();
    root.dataset.staffReady = "true";
    await push();
  })();
})();
