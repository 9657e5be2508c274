// Dateline web page: calls the read-only JSON API of `dateline serve`.
// Every piece of data goes into the DOM as text (textContent / text nodes), never as HTML.
"use strict";

const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
  "ASSAULT"];
const VIEWS = ["search", "timeline", "events", "stats", "article"];
/** The hash of the last view shown before an article, with its query (for "back"). */
let previousHash = "#search";

/** Make an element; `attrs` are set as properties/attributes, children are nodes or text. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message || "";
  box.hidden = !message;
}

/** GET an API path with query parameters (blank ones left out); the JSON, or throws the
 * server's one-line detail. */
async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && String(value).trim() !== "") {
      query.set(key, String(value).trim());
    }
  }
  const url = path + (query.toString() ? "?" + query.toString() : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
    throw new Error(detail + " (HTTP " + response.status + ")");
  }
  return body;
}

function formParams(form) {
  const out = {};
  for (const [key, value] of new FormData(form).entries()) out[key] = value;
  return out;
}

function oneLine(text) { return String(text || "").split(/\s+/).filter(Boolean).join(" "); }

/** A link-like button opening an article, optionally at one sentence. */
function articleLink(id, sentence) {
  const label = sentence === undefined || sentence === null ? id : id + "#" + sentence;
  return el("button", {
    class: "link", type: "button", title: "Show the article record",
    onclick: () => openArticle(id, sentence),
  }, label);
}

function openArticle(id, sentence) {
  let hash = "#article/" + encodeURIComponent(id);
  if (sentence !== undefined && sentence !== null) hash += "/" + sentence;
  location.hash = hash;
}

function showView(name) {
  for (const view of VIEWS) document.getElementById("view-" + view).hidden = view !== name;
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    a.classList.toggle("active", a.dataset.view === name);
  }
}

/** The hash that names `view` run with `params` (empty values left out), e.g.
 * "#search?q=Sochi&limit=5": the selection lives in the URL, to bookmark and share. A bare
 * "#timeline" (the menu) shows a view; "#timeline?" runs it with its defaults. */
function viewHash(view, params) {
  const kept = Object.entries(params || {}).filter(([, v]) => v !== "" && v !== null && v !== undefined);
  return "#" + view + "?" + new URLSearchParams(kept).toString();
}

/** Show `view` with `params`: put them in the URL, which runs the view (see route). */
function go(view, params) {
  const hash = viewHash(view, params);
  if (location.hash === hash) route();   // the same selection again: run it anew
  else location.hash = hash;
}

/** Fill form `id` with `params` (the other fields emptied). */
function fillForm(id, params) {
  const form = document.getElementById(id);
  form.reset();
  for (const [key, value] of Object.entries(params)) {
    if (form.elements[key]) form.elements[key].value = value;
  }
}

// -- search ---------------------------------------------------------------------------

async function runSearch(params) {
  clear(document.getElementById("search-facets"));
  const list = clear(document.getElementById("search-results"));
  const pager = clear(document.getElementById("search-pager"));
  const summary = document.getElementById("search-summary");
  summary.textContent = "searching…";
  const offset = Number(params.offset) || 0;
  const limit = Number(params.limit) || 20;
  try {
    const data = await api("/api/search", params);
    showError("");
    const n = data.results.length;
    summary.textContent = n && offset ? "sentences " + (offset + 1) + "–" + (offset + n)
                                      : n + " sentence(s)";
    list.start = offset + 1;
    // pages: the API skips `offset` results; a full page may have a next one
    if (offset > 0) {
      pager.append(el("button", { type: "button", class: "link", id: "search-prev",
        onclick: () => go("search", { ...params, offset: Math.max(0, offset - limit) }) },
        "← previous " + limit));
    }
    if (n === limit) {
      pager.append(el("button", { type: "button", class: "link", id: "search-next",
        onclick: () => go("search", { ...params, offset: offset + limit }) }, "next " + limit + " →"));
    }
    showFacets(params);
    for (const hit of data.results) {
      list.append(el("li", {},
        el("span", { class: "meta" }, hit.published), articleLink(hit.id, hit.sentence),
        hit.title ? el("span", { class: "meta" }, " — " + hit.title) : null,
        el("div", {}, oneLine(hit.text))));
    }
  } catch (err) {
    summary.textContent = "";
    showError(err.message);
  }
}

/** Which search parameter a click on a facet's value sets (the source has none). */
const FACET_FILTERS = { date: ["start", "end"], person: ["entity"], place: ["place"],
  event: ["event"], country: ["country"], source: [] };
const FACET_TITLES = { date: "Published", source: "Source", person: "People", place: "Places",
  event: "Event types", country: "Countries" };

/** The counts beside the results of the search `params`: clicking a value narrows it. */
async function showFacets(params) {
  const box = clear(document.getElementById("search-facets"));
  const { limit, offset, ...criteria } = params;
  let data;
  try {
    data = await api("/api/facets", criteria);
  } catch (err) {
    return;   // the search itself reports what is wrong
  }
  box.append(el("p", { class: "muted" }, "in the first " + Math.min(data.results, data.window)
    + " result(s)"));
  for (const [name, title] of Object.entries(FACET_TITLES)) {
    const values = data[name] || [];
    if (!values.length) continue;
    const list = el("ul", {});
    for (const [value, count] of values) {
      const keys = FACET_FILTERS[name];
      const label = value + " (" + count + ")";
      list.append(el("li", {}, keys.length
        ? el("button", { type: "button", class: "link", "data-facet": name,
            onclick: () => go("search", { ...criteria, limit: limit || 20,
              ...Object.fromEntries(keys.map((k) => [k, value])) }) }, label)
        : label));
    }
    box.append(el("section", {}, el("h4", {}, title), list));
  }
}

/** Fill the search form with `params` and run it (used by the store page's lists). */
function searchFor(params) {
  fillForm("search-form", params);
  go("search", formParams(document.getElementById("search-form")));
}

// -- timeline -------------------------------------------------------------------------

async function runTimeline(params) {
  const out = clear(document.getElementById("timeline-results"));
  const notes = document.getElementById("timeline-notes");
  notes.textContent = "building…";
  try {
    const tl = await api("/api/timeline", params);
    showError("");
    notes.textContent = tl.articles + " article(s); " + tl.entries.length + " date(s). "
      + tl.notes.join("; ");
    for (const entry of tl.entries) {
      const items = el("ul");
      for (const s of entry.sentences) {
        items.append(el("li", {}, oneLine(s.text), " ",
          el("span", { class: "meta" }, "[", articleLink(s.article, s.sentence),
            ", published " + s.published + "]")));
      }
      out.append(el("div", { class: "tl-date" },
        el("h3", {}, entry.date, " ", el("span", { class: "meta" },
          "(" + entry.articles + " article(s))")), items));
    }
  } catch (err) {
    notes.textContent = "";
    showError(err.message);
  }
}

// -- events ---------------------------------------------------------------------------

function party(text, country, sector) {
  const code = [country, sector].filter(Boolean).join(" ");
  return [text || "", code ? " (" + code + ")" : ""].join("");
}

async function runEvents(params) {
  const table = document.getElementById("events-table");
  const body = clear(table.querySelector("tbody"));
  const summary = document.getElementById("events-summary");
  summary.textContent = "loading…";
  try {
    const data = await api("/api/events", params);
    showError("");
    summary.textContent = data.total === null
      ? data.groups.length + " event group(s) shown; " + (data.note || "more match")
      : data.total + " event group(s)"
        + (data.groups.length < data.total ? ", first " + data.groups.length + " shown" : "");
    for (const g of data.groups) {
      const articles = el("td", {});
      g.article_ids.forEach((id, i) => {
        if (i) articles.append(", ");
        articles.append(articleLink(id));
      });
      body.append(el("tr", {},
        el("td", {}, g.date), el("td", {}, g.type + (g.mode ? " / " + g.mode : "")),
        el("td", {}, party(g.actor_text, g.actor_country, g.actor_sector)),
        el("td", {}, party(g.target_text, g.target_country, g.target_sector)),
        el("td", {}, g.place || ""), articles, el("td", {}, g.example || "")));
    }
    table.hidden = data.groups.length === 0;
  } catch (err) {
    summary.textContent = "";
    table.hidden = true;
    showError(err.message);
  }
}

// -- store statistics -----------------------------------------------------------------

function countTable(title, counts, onPick) {
  const rows = Object.entries(counts || {});
  if (!rows.length) return null;
  const body = el("tbody");
  for (const [name, n] of rows) {
    const cell = onPick ? el("button", { class: "link", type: "button",
      onclick: () => onPick(name) }, name) : name;
    body.append(el("tr", {}, el("td", {}, cell), el("td", {}, n)));
  }
  return el("div", {}, el("h3", {}, title), el("table", {}, body));
}

async function loadStats() {
  const out = document.getElementById("stats-body");
  try {
    const s = await api("/api/stats", { top: 10 });
    showError("");
    clear(out);
    out.append(el("p", {}, s.articles + " articles published " + (s.published.first || "–")
      + " to " + (s.published.last || "–") + " (schema " + s.schema_version + ")"));
    const counts = {};
    for (const k of ["sentences", "dates", "entities", "places", "quotes", "amounts", "events"]) {
      counts[k] = s[k];
    }
    out.append(el("div", { class: "cards" },
      countTable("Counts", counts),
      countTable("Most mentioned people", s.top_people, (name) => searchFor({ entity: name })),
      countTable("Most mentioned organisations", s.top_organisations,
        (name) => searchFor({ entity: name })),
      countTable("Most mentioned places", s.top_places, (name) => searchFor({ place: name })),
      countTable("Most mentioned dates", s.most_mentioned_dates),
      countTable("Busiest publication dates", s.busiest_publication_dates,
        (day) => searchFor({ start: day, end: day, limit: 500 })),
      countTable("Sources", s.sources)));
  } catch (err) {
    showError(err.message);
  }
}

// -- article --------------------------------------------------------------------------

/** What the article view highlights: each kind's label in the legend. */
const MARK_KINDS = [["date", "dates"], ["person", "people"], ["org", "organisations"],
  ["place", "places"], ["quote", "quotes"], ["speaker", "speakers"], ["amount", "amounts"],
  ["event", "events"]];

function joined(...parts) { return parts.filter((x) => x !== null && x !== undefined && x !== "").join(" "); }

/** Every extraction of the record with its offsets, kind and hover text. */
function markSpans(rec) {
  const out = [];
  const add = (start, end, kind, label) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) out.push({ start, end, kind, label });
  };
  for (const d of rec.dates || []) add(d.start, d.end, "date", joined("date:", d.type, d.value));
  for (const e of rec.entities || []) {
    if (e.label === "PERSON") add(e.start, e.end, "person", joined("person:", e.canonical));
    else if (e.label === "ORG") add(e.start, e.end, "org", joined("organisation:", e.canonical));
  }
  for (const p of rec.places || []) {
    const where = p.lat === null || p.lat === undefined ? "" : "(" + p.lat + ", " + p.lon + ")";
    add(p.start, p.end, "place", joined("place:", p.name, p.country, where, p.adjectival ? "(adjective)" : ""));
  }
  for (const q of rec.quotes || []) {
    add(q.start, q.end, "quote", joined("quote (" + q.kind + "), speaker:", q.speaker || "unknown"));
    add(q.speaker_start, q.speaker_end, "speaker", joined("speaker of a quote:", q.speaker));
  }
  for (const a of rec.amounts || []) add(a.start, a.end, "amount", joined("amount:", a.qualifier, a.value, a.unit));
  for (const e of rec.events || []) {
    const who = (x) => (x ? x.text + (x.country ? " [" + x.country + "]" : "") : "–");
    add(e.start, e.end, "event", joined("event:", e.type + (e.mode ? "/" + e.mode : ""), who(e.actor),
      "→", who(e.target), e.date ? "on " + e.date : "", e.place ? "at " + e.place : ""));
  }
  return out;
}

/** The article text with every extraction highlighted inline (hover for the normalised
 * value) and sentence `sentence` marked; built from text nodes and spans, no HTML. */
function articleText(rec, sentence) {
  const box = el("div", { class: "article-text" });
  const text = rec.text || "";
  const spans = markSpans(rec);
  const chosen = sentence === null ? undefined : rec.sentences[sentence];
  if (chosen) spans.push({ start: chosen.start, end: chosen.end, kind: "sentence", label: "" });
  // a sweep over the span boundaries: each piece of text gets the kinds covering it
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { cuts.add(Math.max(0, Math.min(sp.start, text.length))); cuts.add(Math.max(0, Math.min(sp.end, text.length))); }
  const points = [...cuts].sort((x, y) => x - y);
  const starts = new Map();
  for (const sp of spans) { if (!starts.has(sp.start)) starts.set(sp.start, []); starts.get(sp.start).push(sp); }
  const active = new Set();
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    for (const sp of starts.get(from) || []) active.add(sp);
    for (const sp of [...active]) if (sp.end <= from) active.delete(sp);
    const piece = text.slice(from, to);
    if (!active.size) { box.append(piece); continue; }
    const kinds = [...new Set([...active].map((sp) => "x-" + sp.kind))];
    const labels = [...active].map((sp) => sp.label).filter(Boolean);
    box.append(el("span", { class: kinds.join(" "), title: labels.join("\n") }, piece));
  }
  return box;
}

/** Checkboxes that show or hide each kind of highlight in `box`. */
function markLegend(box) {
  const legend = el("p", { class: "legend" });
  for (const [kind, label] of MARK_KINDS) {
    const input = el("input", { type: "checkbox", "data-kind": kind });
    input.checked = true;
    input.addEventListener("change", () => box.classList.toggle("hide-" + kind, !input.checked));
    legend.append(el("label", {}, input, el("span", { class: "x-" + kind }, label)));
  }
  return legend;
}

function itemTable(title, items, columns) {
  if (!items || !items.length) return null;
  const head = el("tr", {}, ...columns.map(([label]) => el("th", {}, label)));
  const body = el("tbody");
  for (const item of items) {
    body.append(el("tr", {}, ...columns.map(([, get]) => {
      const value = get(item);
      return el("td", {}, value === null || value === undefined ? "" : value);
    })));
  }
  return el("section", {}, el("h3", {}, title + " (" + items.length + ")"),
    el("table", {}, el("thead", {}, head), body));
}

async function showArticle(id, sentence) {
  showView("article");
  const out = clear(document.getElementById("article-body"));
  out.append(el("p", { class: "muted" }, "loading…"));
  try {
    const rec = await api("/api/articles/" + encodeURIComponent(id));
    showError("");
    clear(out);
    out.append(el("h2", {}, rec.title || rec.id));
    const facts = ["id " + rec.id, "published " + rec.published];
    if (rec.source) facts.push("source " + rec.source);
    if (rec.tone !== null && rec.tone !== undefined) facts.push("tone " + rec.tone.toFixed(2));
    out.append(el("p", { class: "meta" }, facts.join(" · ")));
    if (rec.url) {
      const safe = /^https?:\/\//i.test(rec.url);
      out.append(el("p", { class: "meta" }, safe
        ? el("a", { href: rec.url, rel: "noopener noreferrer", target: "_blank" }, rec.url)
        : rec.url));
    }
    const text = articleText(rec, sentence);
    out.append(markLegend(text), text);
    const s = (item) => item.sentence;
    out.append(...[
      itemTable("Dates", rec.dates, [["text", (d) => d.text], ["value", (d) => d.value],
        ["type", (d) => d.type], ["sentence", s]]),
      itemTable("Entities", rec.entities, [["text", (e) => e.text], ["label", (e) => e.label],
        ["canonical", (e) => e.canonical], ["sentence", s]]),
      itemTable("Places", rec.places, [["text", (p) => p.text], ["name", (p) => p.name],
        ["country", (p) => p.country], ["lat, lon", (p) => p.lat === null || p.lat === undefined
          ? "" : p.lat + ", " + p.lon], ["sentence", s]]),
      itemTable("Quotes", rec.quotes, [["speaker", (q) => q.speaker], ["quote", (q) => q.text],
        ["cue", (q) => q.cue], ["kind", (q) => q.kind], ["sentence", s]]),
      itemTable("Amounts", rec.amounts, [["text", (a) => a.text], ["value", (a) => a.value],
        ["unit", (a) => a.unit], ["qualifier", (a) => a.qualifier]]),
      itemTable("Events", rec.events, [["type", (e) => e.type + (e.mode ? " / " + e.mode : "")],
        ["actor", (e) => e.actor ? party(e.actor.text, e.actor.country, e.actor.sector) : ""],
        ["target", (e) => e.target ? party(e.target.text, e.target.country, e.target.sector) : ""],
        ["place", (e) => e.place], ["date", (e) => e.date], ["sentence", s]]),
    ].filter(Boolean));
  } catch (err) {
    clear(out);
    showError(err.message);
  }
}

// -- routing and start-up -------------------------------------------------------------

function route() {
  const hash = location.hash.replace(/^#/, "");
  if (hash.startsWith("article/")) {
    const [encoded, sentence] = hash.slice("article/".length).split("/");
    let id;
    try { id = decodeURIComponent(encoded); } catch (e) { id = encoded; }
    showArticle(id, sentence === undefined || sentence === "" ? null : Number(sentence));
    return;
  }
  const [name, query] = hash.split("?");
  const view = VIEWS.includes(name) && name !== "article" ? name : "search";
  previousHash = "#" + hash;
  showView(view);
  if (view === "stats") loadStats();
  const run = RUNS[view];
  if (run && query !== undefined) {
    const params = Object.fromEntries(new URLSearchParams(query));
    fillForm(view + "-form", params);
    run(params);
  }
}

/** What runs each view with a selection from the URL. */
const RUNS = { search: runSearch, timeline: runTimeline, events: runEvents };

function bindForm(view) {
  document.getElementById(view + "-form").addEventListener("submit", (event) => {
    event.preventDefault();
    go(view, formParams(event.target));
  });
}

document.addEventListener("DOMContentLoaded", async () => {
  for (const select of document.querySelectorAll("select.event-types")) {
    for (const t of PLOVER_TYPES) select.append(el("option", { value: t }, t));
  }
  for (const view of Object.keys(RUNS)) bindForm(view);
  document.getElementById("article-back").addEventListener("click", (event) => {
    event.preventDefault();
    location.hash = previousHash;
  });
  window.addEventListener("hashchange", route);
  route();
  try {
    const h = await api("/api/health");
    document.getElementById("store-line").textContent = h.articles + " articles";
  } catch (err) {
    showError(err.message);
  }
});
