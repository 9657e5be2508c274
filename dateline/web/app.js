// Dateline web page: calls the read-only JSON API of `dateline serve`.
// Every piece of data goes into the DOM as text (textContent / text nodes), never as HTML.
"use strict";

const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
  "ASSAULT"];
const VIEWS = ["search", "timeline", "events", "map", "chart", "network", "stats", "article"];
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
  const url = apiUrl(path, params);
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
    throw new Error(detail + " (HTTP " + response.status + ")");
  }
  return body;
}

/** The URL of API `path` with query parameters (blank ones left out). */
function apiUrl(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && String(value).trim() !== "") {
      query.set(key, String(value).trim());
    }
  }
  return path + (query.toString() ? "?" + query.toString() : "");
}

/** Links that download what a view shows: the URL it read (`path` with `params`, so the
 * same selection, limits and page) with `format=csv` (one link per table in `tables`, the
 * view's first table when empty) and `format=json`. Put into element `id`. */
function downloadLinks(id, path, params, tables) {
  const box = clear(document.getElementById(id));
  box.append("Download:");
  for (const table of (tables && tables.length ? tables : [null])) {
    box.append(el("a", { href: apiUrl(path, { ...params, format: "csv", table }), download: "",
      class: "download", "data-format": "csv", "data-table": table }, table ? table + " CSV" : "CSV"));
  }
  box.append(el("a", { href: apiUrl(path, { ...params, format: "json" }), download: "",
    class: "download", "data-format": "json" }, "JSON"));
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
    const field = form.elements[key];
    if (!field) continue;
    if (field.type === "checkbox") field.checked = value === "true" || value === "1";
    else field.value = value;
  }
}

// -- search ---------------------------------------------------------------------------

async function runSearch(params) {
  alsoLinks("search", criteriaOf(params));
  clear(document.getElementById("search-facets"));
  clear(document.getElementById("search-downloads"));
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
    downloadLinks("search-downloads", "/api/search", params);
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
    + " result(s)"), el("p", { class: "downloads", id: "facets-downloads" }));
  downloadLinks("facets-downloads", "/api/facets", criteria);
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
  clear(document.getElementById("timeline-downloads"));
  try {
    const tl = await api("/api/timeline", params);
    showError("");
    downloadLinks("timeline-downloads", "/api/timeline", params);
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
  clear(document.getElementById("events-downloads"));
  const pager = clear(document.getElementById("events-pager"));
  const offset = Number(params.offset) || 0;
  const limit = Number(params.limit) || 100;
  try {
    const data = await api("/api/events", params);
    showError("");
    const n = data.groups.length;
    const shown = offset || (data.total !== null && n < data.total)
      ? (n ? "groups " + (offset + 1) + "–" + (offset + n) + " shown" : "none shown past " + offset) : "";
    summary.textContent = data.total === null
      ? (shown || n + " event group(s) shown") + "; " + (data.note || "more match")
      : data.total + " event group(s)" + (shown ? ", " + shown : "");
    downloadLinks("events-downloads", "/api/events", params);
    if (offset > 0) {
      pager.append(el("button", { type: "button", class: "link", id: "events-prev",
        onclick: () => go("events", { ...params, offset: Math.max(0, offset - limit) }) },
        "← previous " + limit));
    }
    if (n === limit && (data.total === null || offset + n < data.total)) {
      pager.append(el("button", { type: "button", class: "link", id: "events-next",
        onclick: () => go("events", { ...params, offset: offset + limit }) }, "next " + limit + " →"));
    }
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

// -- map, chart and network: three views of one selection -----------------------------

/** The search criteria a selection is made of (the URL holds them). */
const CRITERIA = ["q", "start", "end", "entity", "place", "event", "country", "include_duplicates"];
/** PLOVER's quad classes and the colour each is drawn in. */
const QUAD_COLOURS = { "verbal cooperation": "#43a047", "material cooperation": "#1e88e5",
  "verbal conflict": "#fb8c00", "material conflict": "#e53935" };
const SVG_NS = "http://www.w3.org/2000/svg";

/** Make an SVG element with attributes; children are nodes or text. */
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The criteria of `params` (paging and view options left out), blank ones dropped. */
function criteriaOf(params) {
  const out = {};
  for (const key of CRITERIA) {
    const value = params[key];
    if (value !== undefined && value !== null && String(value).trim() !== "") out[key] = String(value).trim();
  }
  return out;
}

/** True when `criteria` select something besides a date range. */
function hasFilter(criteria) {
  return CRITERIA.some((key) => !["start", "end", "include_duplicates"].includes(key) && criteria[key]);
}

/** Links from `view`'s form to the other views of the same selection. */
function alsoLinks(view, criteria) {
  const box = clear(document.querySelector("#" + view + "-form .also"));
  box.append("The same selection as: ");
  const targets = [["search", "search results", { limit: 20 }], ["map", "map", {}],
    ["chart", "chart", {}], ["network", "network", {}]];
  for (const [name, label, extra] of targets) {
    if (name === view) continue;
    box.append(el("a", { href: viewHash(name, { ...criteria, ...extra }), "data-also": name }, label));
  }
}

/** One found sentence as a list item: date, article link, title, text. */
function hitItem(hit) {
  return el("li", {},
    el("span", { class: "meta" }, hit.published), articleLink(hit.id, hit.sentence),
    hit.title ? el("span", { class: "meta" }, " — " + hit.title) : null,
    el("div", {}, oneLine(hit.text)));
}

function legendItem(colour, label, shape) {
  return el("span", {}, el("span", { class: "swatch", style: null, "data-colour": colour,
    "data-shape": shape || "square" }), label);
}

/** Colour the legend swatches (no inline style attributes: the page's policy refuses them). */
function paintSwatches(box) {
  for (const swatch of box.querySelectorAll(".swatch")) {
    swatch.style.background = swatch.dataset.colour;
    if (swatch.dataset.shape === "round") swatch.style.borderRadius = "50%";
  }
}

// -- map --

const MAP_W = 960, MAP_H = 480;
/** Equirectangular projection onto the 960 x 480 map. */
function project(lon, lat) { return [(lon + 180) / 360 * MAP_W, (90 - lat) / 180 * MAP_H]; }

let outlinesLoad = null;
/** The country outlines of the world-atlas package, decoded with topojson-client, both
 * served by this server when npm installed them: `{features}`, or `{missing: command}`. */
function loadOutlines() {
  if (!outlinesLoad) {
    outlinesLoad = (async () => {
      const info = await api("/vendor/");
      if (!info.outlines) return { missing: info.install };
      if (!window.topojson) {
        await new Promise((resolve, reject) => {
          const script = el("script", { src: "/vendor/topojson-client.js" });
          script.addEventListener("load", resolve);
          script.addEventListener("error", () => reject(new Error("cannot load topojson-client")));
          document.head.append(script);
        });
      }
      const topo = await api("/vendor/countries-110m.json");
      return { features: window.topojson.feature(topo, topo.objects.countries).features };
    })().catch((err) => ({ missing: null, error: err.message }));
  }
  return outlinesLoad;
}

/** A ring's longitudes made continuous (no jump over 180°); a ring that goes round a pole
 * (Antarctica) is closed along that pole. */
function unwrapRing(ring) {
  const out = [];
  let shift = 0;
  ring.forEach(([lon, lat], i) => {
    if (i) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  });
  if (shift !== 0 && out.length) {
    const pole = out.reduce((a, p) => a + p[1], 0) / out.length < 0 ? -90 : 90;
    out.push([out[out.length - 1][0], pole], [out[0][0], pole]);
  }
  return out;
}

function ringPath(ring, offset) {
  return ring.map(([lon, lat], i) => {
    const [x, y] = project(lon + offset, lat);
    return (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
  }).join("") + "Z";
}

/** The SVG path of a (Multi)Polygon. A ring that crosses the antimeridian (Russia, Fiji) is
 * drawn whole past the map's edge and again 360° over, the map's edges cutting both. */
function geometryPath(geometry) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  const parts = [];
  for (const rings of polygons) {
    const unwrapped = rings.map(unwrapRing);
    const lons = unwrapped.flat().map((p) => p[0]);
    const offsets = [0];
    if (Math.max(...lons) > 180) offsets.push(-360);
    if (Math.min(...lons) < -180) offsets.push(360);
    for (const offset of offsets) parts.push(unwrapped.map((r) => ringPath(r, offset)).join(""));
  }
  return parts.join("");
}

/** Choropleth colour: pale to deep red by log(events). */
function heat(n, most) {
  if (!n) return null;
  const t = most > 1 ? Math.log(1 + n) / Math.log(1 + most) : 1;
  const from = [253, 219, 199], to = [178, 24, 43];
  const c = from.map((v, i) => Math.round(v + (to[i] - v) * t));
  return "rgb(" + c.join(",") + ")";
}

/** The map's zoom: the visible part of the 960 x 480 plane. */
const mapView = { x: 0, y: 0, w: MAP_W, h: MAP_H };

function setMapView(x, y, w) {
  w = Math.min(MAP_W, Math.max(12, w));
  const h = w / 2;
  mapView.w = w; mapView.h = h;
  mapView.x = Math.min(MAP_W - w, Math.max(0, x));
  mapView.y = Math.min(MAP_H - h, Math.max(0, y));
  const box = document.getElementById("map-svg");
  box.setAttribute("viewBox", [mapView.x, mapView.y, mapView.w, mapView.h].map((v) => v.toFixed(2)).join(" "));
  const scale = mapView.w / MAP_W;
  for (const marker of box.querySelectorAll(".marker")) marker.setAttribute("r", (Number(marker.dataset.r) * scale).toFixed(2));
  // labels of the most mentioned places first; one that would overlap a shown one is hidden
  const shown = [];
  for (const label of box.querySelectorAll(".marker-label")) {
    const x = Number(label.dataset.x) + Number(label.dataset.r) * scale + 2 * scale;
    const y = Number(label.dataset.y) + 4 * scale;
    label.style.fontSize = (11 * scale).toFixed(2) + "px";
    label.setAttribute("x", x.toFixed(2));
    label.setAttribute("y", y.toFixed(2));
    label.style.strokeWidth = (3 * scale) + "px";
    const rect = { x0: x, x1: x + label.textContent.length * 6.5 * scale, y0: y - 11 * scale, y1: y + 2 * scale };
    const free = !shown.some((o) => rect.x0 < o.x1 && o.x0 < rect.x1 && rect.y0 < o.y1 && o.y0 < rect.y1);
    label.setAttribute("visibility", free ? "visible" : "hidden");
    if (free) shown.push(rect);
  }
}

/** Zoom to the region of the markers: the most mentioned towns and regions that hold
 * three quarters of their mentions (countries' centres only when nothing smaller is named);
 * the whole world when there are none. */
function fitMarkers() {
  const all = [...document.querySelectorAll("#map-svg .marker")];
  const local = all.filter((m) => m.dataset.kind !== "country");
  const chosen = (local.length ? local : all)
    .sort((a, b) => Number(b.dataset.mentions) - Number(a.dataset.mentions));
  const total = chosen.reduce((n, m) => n + Number(m.dataset.mentions), 0);
  const points = [];
  let held = 0;
  for (const m of chosen) {
    if (points.length && held >= total * 0.75) break;
    points.push([Number(m.getAttribute("cx")), Number(m.getAttribute("cy"))]);
    held += Number(m.dataset.mentions);
  }
  if (!points.length) { setMapView(0, 0, MAP_W); return; }
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const w = Math.max(60, (x1 - x0) * 1.5, (y1 - y0) * 1.5 * 2);
  setMapView((x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - w / 4, w);
}

/** Wheel zooms around the pointer, a drag pans. */
function bindMapZoom() {
  const box = document.getElementById("map-svg");
  const toMap = (event) => {
    const ctm = box.getScreenCTM();
    return new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
  };
  box.addEventListener("wheel", (event) => {
    event.preventDefault();
    const p = toMap(event);
    const factor = event.deltaY < 0 ? 0.8 : 1.25;
    const w = Math.min(MAP_W, Math.max(12, mapView.w * factor));
    const k = w / mapView.w;
    setMapView(p.x - (p.x - mapView.x) * k, p.y - (p.y - mapView.y) * k, w);
  }, { passive: false });
  let drag = null;
  box.addEventListener("mousedown", (event) => { drag = { p: toMap(event), x: mapView.x, y: mapView.y }; });
  window.addEventListener("mouseup", () => { drag = null; });
  box.addEventListener("mousemove", (event) => {
    if (!drag) return;
    const p = toMap(event);
    drag.x -= p.x - drag.p.x; drag.y -= p.y - drag.p.y;
    setMapView(drag.x, drag.y, mapView.w);
  });
  document.getElementById("map-fit").addEventListener("click", fitMarkers);
  document.getElementById("map-world").addEventListener("click", () => setMapView(0, 0, MAP_W));
}

async function runMap(params) {
  const criteria = criteriaOf(params);
  alsoLinks("map", criteria);
  const box = clear(document.getElementById("map-svg"));
  const summary = document.getElementById("map-summary");
  const note = document.getElementById("map-note");
  clear(document.getElementById("map-pick"));
  clear(document.getElementById("map-pick-downloads"));
  clear(document.getElementById("map-downloads"));
  document.getElementById("map-pick-title").hidden = true;
  summary.textContent = "loading…";
  try {
    const [data, outlines] = await Promise.all([api("/api/map", criteria), loadOutlines()]);
    showError("");
    downloadLinks("map-downloads", "/api/map", criteria, ["places", "countries"]);
    summary.textContent = data.places.length + " place(s) with coordinates and "
      + data.countries.reduce((n, c) => n + c.events, 0) + " placed event(s) in the first "
      + Math.min(data.results, data.window) + " result(s). Click a marker for its sentences.";
    box.append(svg("rect", { class: "sea", x: 0, y: 0, width: MAP_W, height: MAP_H }));
    const events = new Map(data.countries.map((c) => [c.numeric, c]));
    const most = Math.max(0, ...data.countries.map((c) => c.events));
    if (outlines.features) {
      const layer = svg("g", { class: "countries" });
      for (const feature of outlines.features) {
        const counted = events.get(String(feature.id));
        const name = (feature.properties && feature.properties.name) || String(feature.id);
        const path = svg("path", { class: "country", d: geometryPath(feature.geometry),
          "data-country": counted ? counted.country : null, "data-events": counted ? counted.events : 0 },
        svg("title", {}, name + (counted ? ": " + counted.events + " event(s) placed here" : "")));
        const fill = heat(counted ? counted.events : 0, most);
        if (fill) path.style.fill = fill;
        layer.append(path);
      }
      box.append(layer);
      note.textContent = "Country outlines: Natural Earth 1:110m (world-atlas package).";
    } else {
      note.textContent = outlines.missing
        ? "Country outlines are not installed: run `" + outlines.missing + "` to draw them."
        : "Country outlines could not be loaded (" + outlines.error + ").";
    }
    const grid = svg("g", {});
    // a line every 10 degrees (every 30 drawn darker), labelled on the equator and meridian 0
    for (let lon = -180; lon <= 180; lon += 10) {
      const [x] = project(lon, 0);
      grid.append(svg("line", { class: lon % 30 ? "graticule minor" : "graticule", x1: x, y1: 0, x2: x, y2: MAP_H }));
    }
    for (let lat = -80; lat <= 80; lat += 10) {
      const [, y] = project(0, lat);
      grid.append(svg("line", { class: lat % 30 ? "graticule minor" : "graticule", x1: 0, y1: y, x2: MAP_W, y2: y }));
    }
    box.append(grid);
    const markers = svg("g", {});
    const labels = svg("g", {});
    // the largest first, so that small markers lie on top and stay clickable
    const places = [...data.places].sort((a, b) => b.mentions - a.mentions);
    places.forEach((place, i) => {
      const [x, y] = project(place.lon, place.lat);
      const r = 3 + 2.2 * Math.sqrt(place.mentions);
      const what = place.name + (place.country ? " (" + place.country + ")" : "") + ": "
        + place.mentions + " mention(s) in " + place.sentences + " result(s)"
        + (place.events ? ", " + place.events + " event(s) placed here" : "");
      const marker = svg("circle", { class: "marker", cx: x.toFixed(2), cy: y.toFixed(2), r,
        "data-r": r, "data-place": place.name, "data-mentions": place.mentions, "data-kind": place.kind,
        onclick: (event) => { event.stopPropagation(); showPlace(place, criteria, marker); } },
      svg("title", {}, what));
      markers.append(marker);
      if (i < 40) {
        labels.append(svg("text", { class: "marker-label", x: x + r + 2, y: y + 4, "data-x": x,
          "data-y": y, "data-r": r }, place.name));
      }
    });
    box.append(markers, labels);
    if (data.countries.length) {
      note.append(" Events by the country where they took place: " + data.countries.slice(0, 8)
        .map((c) => c.name + " " + c.events).join(", ") + (data.countries.length > 8 ? ", …" : "") + ".");
    }
    const legend = clear(document.getElementById("map-legend"));
    legend.append(legendItem("#0b57d0", "a place (size: mentions)", "round"));
    if (most && outlines.features) {
      legend.append(legendItem(heat(1, most), "1 event"),
        legendItem(heat(most, most), most + " events placed in a country"));
    }
    paintSwatches(legend);
    fitMarkers();
  } catch (err) {
    summary.textContent = "";
    showError(err.message);
  }
}

/** Mark `picked` (a map marker or a network edge) in the view's figure and list what it stands
 * for under the figure: `load(list)` fills the list and returns the count shown after
 * `heading`. */
async function showPicked(view, picked, heading, load) {
  for (const p of document.querySelectorAll("#" + view + "-svg .picked")) p.classList.remove("picked");
  picked.classList.add("picked");
  const title = document.getElementById(view + "-pick-title");
  const list = clear(document.getElementById(view + "-pick"));
  title.hidden = false;
  title.textContent = heading + "…";
  try {
    const count = await load(list);
    showError("");
    title.textContent = heading + " (" + count + ")";
  } catch (err) {
    title.textContent = "";
    showError(err.message);
  }
}

/** The sentences of the selection that name `place`, listed under the map. */
function showPlace(place, criteria, marker) {
  return showPicked("map", marker, "Sentences naming " + place.name, async (list) => {
    const asked = { ...criteria, place: place.name, limit: 100 };
    const data = await api("/api/search", asked);
    downloadLinks("map-pick-downloads", "/api/search", asked);
    for (const hit of data.results) list.append(hitItem(hit));
    return data.results.length + (data.results.length === 100 ? "+" : "");
  });
}

// -- timeline chart --

const CHART = { w: 960, h: 300, left: 44, right: 16, top: 28, bottom: 36 };
const DAY_MS = 86400000;
function dayNumber(iso) { return Math.round(Date.parse(iso.slice(0, 10) + "T00:00:00Z") / DAY_MS); }
function dayIso(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }

/** What the chart shows (the select's values); the first is the default, left out of the URL. */
const CHART_MEASURES = ["events", "mentions", "tone"];
/** The measure asked for by `params` (its `measure`), the default when none or unknown. */
function chartMeasure(params) {
  return CHART_MEASURES.includes(params.measure) ? params.measure : CHART_MEASURES[0];
}
/** The chart's URL parameters: `criteria` and the measure (when not the default). */
function chartParams(criteria, measure) {
  return measure === CHART_MEASURES[0] ? { ...criteria } : { ...criteria, measure };
}

async function runChart(params) {
  const criteria = criteriaOf(params);
  const measure = chartMeasure(params);
  document.getElementById("chart-measure").value = measure;
  alsoLinks("chart", criteria);
  // the chart shows the whole story; the chosen dates are its brush and filter the results
  const whole = { ...criteria };
  if (hasFilter(criteria)) { delete whole.start; delete whole.end; }
  const summary = document.getElementById("chart-summary");
  const box = clear(document.getElementById("chart-svg"));
  summary.textContent = "loading…";
  const resultsSummary = document.getElementById("chart-results-summary");
  const list = clear(document.getElementById("chart-results"));
  resultsSummary.textContent = "";
  clear(document.getElementById("chart-downloads"));
  clear(document.getElementById("chart-results-downloads"));
  try {
    const [data, timeline, found] = await Promise.all([
      api("/api/chart", whole),
      criteria.q ? api("/api/timeline", { q: criteria.q, max_dates: 8 }).catch(() => null) : null,
      api("/api/search", { ...criteria, limit: 500 }),
    ]);
    showError("");
    summary.textContent = data.days.length + " day(s) with results, in the first "
      + Math.min(data.results, data.window) + " result(s)"
      + (timeline && timeline.entries.length ? "; dashed lines: the timeline's dates" : "")
      + ". Drag across the chart to choose dates.";
    downloadLinks("chart-downloads", "/api/chart", whole);
    downloadLinks("chart-results-downloads", "/api/search", { ...criteria, limit: 500 });
    drawChart(box, data, timeline, criteria, measure);
    const n = found.results.length;
    const range = criteria.start || criteria.end
      ? " published " + (criteria.start || "…") + " to " + (criteria.end || "…") : "";
    resultsSummary.textContent = (n === 500 ? "500+" : n) + " sentence(s)" + range
      + (n > 20 ? "; the first 20:" : ":");
    resultsSummary.dataset.count = String(n);
    for (const hit of found.results.slice(0, 20)) list.append(hitItem(hit));
  } catch (err) {
    summary.textContent = "";
    showError(err.message);
  }
}

function drawChart(box, data, timeline, criteria, measure) {
  const days = data.days;
  const legend = clear(document.getElementById("chart-legend"));
  if (!days.length) return;
  const plotW = CHART.w - CHART.left - CHART.right, plotH = CHART.h - CHART.top - CHART.bottom;
  let first = dayNumber(days[0].date), last = dayNumber(days[days.length - 1].date);
  if (last - first < 6) { first -= Math.ceil((6 - (last - first)) / 2); last = first + 6; }
  const span = last - first + 1;
  const slot = plotW / span;
  const xOf = (n) => CHART.left + (n - first) * slot;
  const valueOf = (day) => measure === "mentions" ? day.mentions
    : Object.values(day.events).reduce((a, b) => a + b, 0);
  // tone: from -most to +most around a middle line at 0; counts: from 0 up
  const toned = days.filter((day) => day.tone !== null && day.tone !== undefined);
  const most = measure === "tone" ? Math.max(1, Math.ceil(Math.max(...toned.map((d) => Math.abs(d.tone)), 0)))
    : Math.max(1, ...days.map(valueOf));
  const yOf = measure === "tone" ? (v) => CHART.top + plotH / 2 - v / most * plotH / 2
    : (v) => CHART.top + plotH - v / most * plotH;
  // axes: counts (or tone) on the left, dates below
  box.append(svg("line", { class: "axis-line", x1: CHART.left, y1: CHART.top + plotH, x2: CHART.w - CHART.right, y2: CHART.top + plotH }));
  for (const v of measure === "tone" ? [-most, 0, most] : [0, Math.round(most / 2), most]) {
    box.append(svg("text", { class: "axis", x: CHART.left - 6, y: yOf(v) + 4, "text-anchor": "end" }, v));
    box.append(svg("line", { class: "axis-line", x1: CHART.left - 3, y1: yOf(v), x2: CHART.left, y2: yOf(v) }));
  }
  const ticks = Math.min(8, span);
  for (let i = 0; i < ticks; i++) {
    const n = first + Math.round(i * (span - 1) / Math.max(1, ticks - 1));
    const anchor = i === 0 && ticks > 1 ? "start" : i === ticks - 1 && ticks > 1 ? "end" : "middle";
    const x = anchor === "start" ? xOf(n) : anchor === "end" ? xOf(n) + slot : xOf(n) + slot / 2;
    box.append(svg("text", { class: "axis", x, y: CHART.top + plotH + 16, "text-anchor": anchor }, dayIso(n)));
  }
  const bars = svg("g", {});
  const barW = Math.max(1, slot * 0.8);
  if (measure === "tone") {
    bars.append(svg("line", { class: "zero-line", x1: CHART.left, y1: yOf(0), x2: CHART.w - CHART.right, y2: yOf(0) }));
    const points = toned.map((day) => [xOf(dayNumber(day.date)) + slot / 2, yOf(day.tone)]);
    if (points.length > 1) {
      bars.append(svg("path", { class: "tone-line",
        d: points.map(([x, y], i) => (i ? "L" : "M") + x.toFixed(2) + "," + y.toFixed(2)).join("") }));
    }
    toned.forEach((day, i) => {
      bars.append(svg("circle", { class: "tone-point", cx: points[i][0].toFixed(2), cy: points[i][1].toFixed(2),
        r: 3 + Math.min(4, Math.sqrt(day.articles || 1)), fill: day.tone < 0 ? "#e53935" : "#43a047",
        "data-date": day.date, "data-tone": day.tone },
      svg("title", {}, day.date + ": mean tone " + day.tone.toFixed(2) + " of " + day.articles + " article(s)")));
    });
  }
  for (const day of measure === "tone" ? [] : days) {
    const x = xOf(dayNumber(day.date)) + (slot - barW) / 2;
    const parts = measure === "mentions" ? [["mentions", day.mentions, "#7a8ca3"]]
      : data.quads.filter((q) => day.events[q]).map((q) => [q, day.events[q], QUAD_COLOURS[q]]);
    let base = 0;
    for (const [label, n, colour] of parts) {
      const bar = svg("rect", { class: "bar", x: x.toFixed(2), y: yOf(base + n).toFixed(2), width: barW.toFixed(2),
        height: (yOf(base) - yOf(base + n)).toFixed(2), fill: colour, "data-date": day.date, "data-series": label },
      svg("title", {}, day.date + ": " + n + " " + label));
      bars.append(bar);
      base += n;
    }
  }
  box.append(bars);
  // the timeline's dates (whole days within the chart)
  for (const entry of (timeline && timeline.entries) || []) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) continue;
    const n = dayNumber(entry.date);
    if (n < first || n > last) continue;
    const x = xOf(n) + slot / 2;
    box.append(svg("line", { class: "mark", x1: x, y1: CHART.top - 4, x2: x, y2: CHART.top + plotH, "data-date": entry.date },
      svg("title", {}, "timeline date " + entry.date)));
    box.append(svg("text", { class: "mark-label", x: x + 2, y: CHART.top - 8 }, entry.date.slice(5)));
  }
  // the chosen dates, and a drag that chooses others
  const brush = svg("rect", { class: "brush", x: 0, y: CHART.top, width: 0, height: plotH, visibility: "hidden" });
  if (criteria.start || criteria.end) {
    const a = criteria.start ? Math.max(first, dayNumber(criteria.start)) : first;
    const b = criteria.end ? Math.min(last, dayNumber(criteria.end)) : last;
    if (b >= a) {
      brush.setAttribute("x", xOf(a)); brush.setAttribute("width", (b - a + 1) * slot);
      brush.setAttribute("visibility", "visible");
    }
  }
  box.append(brush);
  const plot = svg("rect", { class: "plot", x: CHART.left, y: CHART.top, width: plotW, height: plotH, fill: "#fff", "fill-opacity": 0 });
  box.append(plot);
  const toX = (event) => new DOMPoint(event.clientX, event.clientY).matrixTransform(box.getScreenCTM().inverse()).x;
  const dayAt = (x) => Math.min(last, Math.max(first, first + Math.floor((x - CHART.left) / slot)));
  let from = null;
  plot.addEventListener("mousedown", (event) => {
    event.preventDefault();
    from = toX(event);
    brush.setAttribute("visibility", "visible");
    brush.setAttribute("x", from); brush.setAttribute("width", 0);
  });
  plot.addEventListener("mousemove", (event) => {
    const x = toX(event);
    const day = days.find((d) => dayNumber(d.date) === dayAt(x));
    plot.replaceChildren(svg("title", {}, dayIso(dayAt(x)) + (day ? ": " + day.mentions + " result(s), "
      + Object.entries(day.events).map(([q, n]) => n + " " + q).join(", ")
      + (day.tone === null || day.tone === undefined ? "" : "; mean tone " + day.tone.toFixed(2)) : ": nothing")));
    if (from === null) return;
    const a = dayAt(Math.min(from, x)), b = dayAt(Math.max(from, x));
    brush.setAttribute("x", xOf(a)); brush.setAttribute("width", (b - a + 1) * slot);
  });
  plot.addEventListener("mouseup", (event) => {
    if (from === null) return;
    const x = toX(event);
    const a = dayAt(Math.min(from, x)), b = dayAt(Math.max(from, x));
    from = null;
    go("chart", chartParams({ ...criteria, start: dayIso(a), end: dayIso(b) }, measure));
  });
  if (measure === "mentions") legend.append(legendItem("#7a8ca3", "results (sentences) per publication day"));
  else if (measure === "tone") {
    legend.append(legendItem("#e53935", "mean tone below 0 (negative)", "round"),
      legendItem("#43a047", "0 or above", "round"),
      el("span", { class: "muted" }, "the mean tone of the articles holding the day's results (dateline's tone scale)"));
  }
  else for (const q of data.quads) legend.append(legendItem(QUAD_COLOURS[q], q));
  if (timeline && timeline.entries.length) legend.append(legendItem("#7c3aed", "the timeline's dates (dashed)"));
  paintSwatches(legend);
}

// -- actor network --

const NET_W = 960, NET_H = 600;
const KIND_COLOURS = { country: "#0b57d0", person: "#7c3aed", organisation: "#00897b" };

/** A small force layout (Fruchterman-Reingold): nodes repel, edges pull, a weak pull to
 * the centre; deterministic (start on a circle), a few hundred steps. */
function forceLayout(nodes, edges) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({
    x: NET_W / 2 + Math.cos(2 * Math.PI * i / n) * NET_H * 0.35,
    y: NET_H / 2 + Math.sin(2 * Math.PI * i / n) * NET_H * 0.35 }));
  if (n < 2) return pos.map(() => ({ x: NET_W / 2, y: NET_H / 2 }));
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.events]);
  const k = Math.sqrt(NET_W * NET_H / n) * 0.55;
  let heat = NET_W / 8;
  for (let step = 0; step < 400; step++) {
    const move = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
        const f = k * k / d;
        move[i].x += dx / d * f; move[i].y += dy / d * f;
        move[j].x -= dx / d * f; move[j].y -= dy / d * f;
      }
    }
    for (const [i, j, w] of links) {
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = d * d / k * (1 + Math.log(w) * 0.3);
      move[i].x -= dx / d * f; move[i].y -= dy / d * f;
      move[j].x += dx / d * f; move[j].y += dy / d * f;
    }
    for (let i = 0; i < n; i++) {
      move[i].x += (NET_W / 2 - pos[i].x) * 0.05 * k / 50;
      move[i].y += (NET_H / 2 - pos[i].y) * 0.08 * k / 50;
      const d = Math.max(0.01, Math.hypot(move[i].x, move[i].y));
      const m = Math.min(d, heat);
      pos[i].x = Math.min(NET_W - 60, Math.max(60, pos[i].x + move[i].x / d * m));
      pos[i].y = Math.min(NET_H - 30, Math.max(30, pos[i].y + move[i].y / d * m));
    }
    heat = Math.max(1, heat * 0.985);
  }
  return pos;
}

/** The quad class with most events on an edge. */
function mainQuad(quads) {
  return Object.entries(quads).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

async function runNetwork(params) {
  const criteria = criteriaOf(params);
  alsoLinks("network", criteria);
  const box = clear(document.getElementById("network-svg"));
  const summary = document.getElementById("network-summary");
  clear(document.getElementById("network-pick"));
  clear(document.getElementById("network-pick-downloads"));
  clear(document.getElementById("network-downloads"));
  document.getElementById("network-pick-title").hidden = true;
  summary.textContent = "loading…";
  try {
    const data = await api("/api/network", criteria);
    showError("");
    downloadLinks("network-downloads", "/api/network", criteria, ["edges", "nodes"]);
    summary.textContent = data.nodes.length + " actor(s) and " + data.edges.length
      + " edge(s) from the events of the first " + Math.min(data.results, data.window)
      + " result(s). Click an edge for its events.";
    const pos = forceLayout(data.nodes, data.edges);
    const at = new Map(data.nodes.map((node, i) => [node.id, pos[i]]));
    const edges = svg("g", {});
    const most = Math.max(1, ...data.edges.map((e) => e.events));
    for (const edge of data.edges) {
      const a = at.get(edge.source), b = at.get(edge.target);
      const quad = mainQuad(edge.quads);
      const counts = Object.entries(edge.quads).map(([q, n]) => n + " " + q).join(", ");
      const line = svg("line", { class: "edge", x1: a.x, y1: a.y, x2: b.x, y2: b.y,
        stroke: QUAD_COLOURS[quad] || "#888", "stroke-width": (1.5 + 5 * Math.sqrt(edge.events / most)).toFixed(2) });
      const hit = svg("line", { class: "edge-hit", x1: a.x, y1: a.y, x2: b.x, y2: b.y,
        "data-a": edge.source, "data-b": edge.target, "data-events": edge.events,
        onclick: () => showEdge(edge, criteria, line) },
      svg("title", {}, edge.source + " – " + edge.target + ": " + edge.events + " event(s) (" + counts + ")"));
      edges.append(hit, line);
      if (edge.events > 1) {
        edges.append(svg("text", { class: "edge-count", x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 + 4,
          "text-anchor": "middle" }, edge.events));
      }
    }
    const nodes = svg("g", {});
    const top = Math.max(1, ...data.nodes.map((node) => node.events));
    for (const node of data.nodes) {
      const p = at.get(node.id);
      const r = 5 + 12 * Math.sqrt(node.events / top);
      nodes.append(svg("circle", { class: "node", cx: p.x, cy: p.y, r, fill: KIND_COLOURS[node.kind] || "#888",
        "data-node": node.id, "data-kind": node.kind },
      svg("title", {}, node.id + " (" + node.kind + (node.country && node.country !== node.id ? ", " + node.country : "")
        + "): " + node.events + " event(s)")));
      const left = p.x > NET_W * 0.8;   // a label near the right edge goes on the left
      nodes.append(svg("text", { class: "node-label", x: left ? p.x - r - 3 : p.x + r + 3, y: p.y + 4,
        "text-anchor": left ? "end" : "start" }, node.id));
    }
    box.append(edges, nodes);
    const legend = clear(document.getElementById("network-legend"));
    for (const [kind, colour] of Object.entries(KIND_COLOURS)) legend.append(legendItem(colour, kind, "round"));
    for (const q of data.quads) legend.append(legendItem(QUAD_COLOURS[q], q));
    legend.append(el("span", { class: "muted" }, "edge colour: the commonest quad class; width and number: events"));
    paintSwatches(legend);
  } catch (err) {
    summary.textContent = "";
    showError(err.message);
  }
}

/** The event mentions of one edge, with their sentences, listed under the network. */
function showEdge(edge, criteria, line) {
  return showPicked("network", line, "Events between " + edge.source + " and " + edge.target,
    async (list) => {
      const asked = { ...criteria, a: edge.source, b: edge.target, limit: 100 };
      const data = await api("/api/network/edge", asked);
      downloadLinks("network-pick-downloads", "/api/network/edge", asked);
      for (const e of data.events) {
        list.append(el("li", { "data-quad": e.quad },
          el("span", { class: "meta" }, e.published), articleLink(e.id, e.sentence),
          el("span", { class: "meta" }, " " + e.type + " (" + e.quad + "): "
            + party(e.actor_text, e.actor_country, null) + " → " + party(e.target_text, e.target_country, null)),
          el("div", {}, oneLine(e.text))));
      }
      return data.total;
    });
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
const RUNS = { search: runSearch, timeline: runTimeline, events: runEvents, map: runMap,
  chart: runChart, network: runNetwork };

function bindForm(view) {
  document.getElementById(view + "-form").addEventListener("submit", (event) => {
    event.preventDefault();
    go(view, formParams(event.target));
  });
}

/** Put a copy of the shared selection fields (template#selection-fields) in place of each
 * form's span.selection-fields, with that form's own placeholder for the words if it has one. */
function fillSelectionFields() {
  const template = document.getElementById("selection-fields");
  for (const slot of document.querySelectorAll("span.selection-fields")) {
    const fields = template.content.cloneNode(true);
    if (slot.dataset.words) fields.querySelector('input[name="q"]').placeholder = slot.dataset.words;
    slot.replaceWith(fields);
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  fillSelectionFields();
  for (const select of document.querySelectorAll("select.event-types")) {
    for (const t of PLOVER_TYPES) select.append(el("option", { value: t }, t));
  }
  for (const view of Object.keys(RUNS)) bindForm(view);
  document.getElementById("article-back").addEventListener("click", (event) => {
    event.preventDefault();
    location.hash = previousHash;
  });
  bindMapZoom();
  // the measure and the dates chosen go into the URL with the selection shown
  const shownChart = () => Object.fromEntries(new URLSearchParams(location.hash.split("?")[1] || ""));
  document.getElementById("chart-measure").addEventListener("change", (event) => {
    go("chart", chartParams(criteriaOf(shownChart()), event.target.value));
  });
  document.getElementById("chart-clear").addEventListener("click", () => {
    const { start, end, ...rest } = criteriaOf(shownChart());
    go("chart", chartParams(rest, document.getElementById("chart-measure").value));
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
