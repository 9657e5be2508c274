"""The map, timeline chart and actor network of a selection (issue 13): the Python API
(:meth:`Dateline.map`, ``chart``, ``network``, ``network_events``) and their endpoints.

The store holds three short articles written for these tests (records written directly,
no NLP), so every expected value is counted by hand from them:

- ``summit-1`` (2022-05-02, Harbour Times):
  0 "Russia and Turkey agreed on Monday to open a trade corridor through Kars."
    place Kars (TR); AGREE Russia (RUS) -> Turkey (TUR), verbal cooperation, at Kars.
  1 "President Anna Volkova met Turkish envoys in Sochi."
    person Anna Volkova; place Sochi (RU); CONSULT President Anna Volkova (RUS) ->
    Turkish envoys (TUR), verbal cooperation, at Sochi.
  2 "The weather in the port was calm."  (nothing)
- ``summit-2`` (2022-05-04, Harbour Times):
  0 "Turkish artillery shelled positions near Kars on Wednesday."
    place Kars; ASSAULT Turkish artillery (TUR), no target, material conflict, at Kars.
  1 "Moscow accused Ankara of breaking the corridor deal."
    places Moscow (RU), Ankara (TR); ACCUSE Moscow (RUS) -> Ankara (TUR), verbal
    conflict, no place.
- ``summit-3`` (2022-05-04, Plain Wire):
  0 "Aid workers from the Red Lantern Society reached Kars."
    organisation Red Lantern Society; place Kars; AID Aid workers from the Red Lantern
    Society (no country) -> Kars residents (TUR), material cooperation, at Kars.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import dateline.server as server
from dateline.api import Dateline, ParamError
from dateline.server import create_app
from dateline_testing import joined, run_cli, write_store

#: name -> (country alpha-2, lat, lon, kind)
PLACES = {"Kars": ("TR", 40.6, 43.1, "city"), "Sochi": ("RU", 43.6, 39.7, "city"),
          "Moscow": ("RU", 55.75, 37.62, "city"), "Ankara": ("TR", 39.92, 32.85, "city")}


def party(text: str, country: str | None, sector: str | None = None) -> dict:
    return {"text": text, "country": country, "sector": sector}


def record(aid: str, published: str, source: str, sentences: list[str], *,
           entities: list[tuple[int, str, str]] = (), places: list[tuple[int, str]] = (),
           events: list[dict] = ()) -> dict:
    """A record of ``sentences``: entities (sentence, words, label), places (sentence,
    name, as PLACES locates it) and events (sentence, words of the trigger, type, quad,
    actor, target, place)."""
    text, spans = joined(sentences)

    def where(i: int, words: str) -> tuple[int, int]:
        begin = spans[i]["start"] + sentences[i].index(words)
        return begin, begin + len(words)

    rec: dict = {"id": aid, "published": published, "title": aid, "url": None,
                 "source": source, "text": text, "sentences": spans, "dates": [],
                 "entities": [], "places": [], "quotes": [], "amounts": [], "events": [],
                 "tone": None}
    for i, words, label in entities:
        a, b = where(i, words)
        rec["entities"].append({"text": words, "start": a, "end": b, "sentence": i,
                                "label": label, "canonical": words})
    for i, name in places:
        a, b = where(i, name)
        country, lat, lon, kind = PLACES[name]
        rec["places"].append({"text": name, "start": a, "end": b, "sentence": i, "name": name,
                              "country": country, "admin1": None, "lat": lat, "lon": lon,
                              "geonameid": None, "kind": kind, "confidence": 0.9})
    for ev in events:
        a, b = where(ev["sentence"], ev["words"])
        rec["events"].append({
            "type": ev["type"], "mode": None, "sentence": ev["sentence"], "text": ev["words"],
            "start": a, "end": b, "actor": ev["actor"], "target": ev.get("target"),
            "place": ev.get("place"), "date": published, "quad": ev["quad"],
            "intensity": 1.0})
    return rec


RECORDS = [
    record("summit-1", "2022-05-02", "Harbour Times", [
        "Russia and Turkey agreed on Monday to open a trade corridor through Kars.",
        "President Anna Volkova met Turkish envoys in Sochi.",
        "The weather in the port was calm."],
        entities=[(1, "Anna Volkova", "PERSON")], places=[(0, "Kars"), (1, "Sochi")],
        events=[{"sentence": 0, "words": "agreed", "type": "AGREE",
                 "quad": "verbal cooperation", "actor": party("Russia", "RUS"),
                 "target": party("Turkey", "TUR"), "place": "Kars"},
                {"sentence": 1, "words": "met", "type": "CONSULT", "quad": "verbal cooperation",
                 "actor": party("President Anna Volkova", "RUS", "GOV"),
                 "target": party("Turkish envoys", "TUR", "GOV"), "place": "Sochi"}]),
    record("summit-2", "2022-05-04", "Harbour Times", [
        "Turkish artillery shelled positions near Kars on Wednesday.",
        "Moscow accused Ankara of breaking the corridor deal."],
        places=[(0, "Kars"), (1, "Moscow"), (1, "Ankara")],
        events=[{"sentence": 0, "words": "shelled", "type": "ASSAULT",
                 "quad": "material conflict", "actor": party("Turkish artillery", "TUR", "MIL"),
                 "place": "Kars"},
                {"sentence": 1, "words": "accused", "type": "ACCUSE", "quad": "verbal conflict",
                 "actor": party("Moscow", "RUS", "GOV"),
                 "target": party("Ankara", "TUR", "GOV")}]),
    record("summit-3", "2022-05-04", "Plain Wire", [
        "Aid workers from the Red Lantern Society reached Kars."],
        entities=[(0, "Red Lantern Society", "ORG")], places=[(0, "Kars")],
        events=[{"sentence": 0, "words": "reached", "type": "AID",
                 "quad": "material cooperation",
                 "actor": party("Aid workers from the Red Lantern Society", None, "NGO"),
                 "target": party("Kars residents", "TUR", "CVL"), "place": "Kars"}]),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("views") / "summit.db"
    return write_store(path, RECORDS)


@pytest.fixture(scope="module")
def dl(db: Path) -> Dateline:
    with Dateline(db, readonly=True) as d:
        yield d


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    with TestClient(create_app(str(db), allowed_hosts=("testserver",))) as c:
        yield c


def _ok(response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


# -- map -------------------------------------------------------------------------------


def test_map_places_and_countries(dl: Dateline) -> None:
    # "Kars" finds summit-1/0, summit-2/0, summit-3/0: Kars named in each, with the
    # AGREE, ASSAULT and AID placed there; Turkey is where all three took place
    m = dl.map("Kars")
    assert (m["results"], m["window"]) == (3, 1000)
    assert m["places"] == [{"name": "Kars", "country": "TR", "kind": "city", "lat": 40.6,
                            "lon": 43.1, "mentions": 3, "sentences": 3, "events": 3}]
    assert m["countries"] == [{"country": "TUR", "numeric": "792", "name": "Turkey",
                               "events": 3}]


def test_map_of_a_word_found_in_two_articles(dl: Dateline) -> None:
    # "corridor": summit-1/0 (Kars, AGREE at Kars) and summit-2/1 (Moscow, Ankara; the
    # ACCUSE has no place); ties in mentions come in name order
    m = dl.map("corridor")
    assert [(p["name"], p["mentions"], p["events"]) for p in m["places"]] == [
        ("Ankara", 1, 0), ("Kars", 1, 1), ("Moscow", 1, 0)]
    assert [(c["country"], c["events"]) for c in m["countries"]] == [("TUR", 1)]
    assert [p["name"] for p in dl.map("corridor", top=1)["places"]] == ["Ankara"]


def test_map_filters_and_empty_selection(dl: Dateline) -> None:
    # the person filter keeps summit-1/1 only: Sochi, where the CONSULT took place (Russia)
    m = dl.map(entity="Anna Volkova")
    assert [(p["name"], p["country"], p["events"]) for p in m["places"]] == [("Sochi", "RU", 1)]
    assert m["countries"] == [{"country": "RUS", "numeric": "643", "name": "Russia",
                               "events": 1}]
    assert dl.map("volcano") == {"results": 0, "window": 1000, "places": [], "countries": []}
    with pytest.raises(ParamError):
        dl.map()


# -- chart -----------------------------------------------------------------------------


def test_chart_days_stacked_by_quad(dl: Dateline) -> None:
    c = dl.chart("Kars")
    assert c["quads"] == ["verbal cooperation", "material cooperation", "verbal conflict",
                          "material conflict"]
    # summit-1 on 05-02; summit-2 and summit-3 on 05-04; no article has a tone
    assert c["days"] == [
        {"date": "2022-05-02", "mentions": 1, "articles": 1, "tone": None,
         "events": {"verbal cooperation": 1}},
        {"date": "2022-05-04", "mentions": 2, "articles": 2, "tone": None,
         "events": {"material cooperation": 1, "material conflict": 1}}]


def test_chart_counts_results_without_events_and_honours_dates(dl: Dateline) -> None:
    # "port" is only in summit-1/2, which reports no event
    assert dl.chart("port")["days"] == [{"date": "2022-05-02", "mentions": 1, "articles": 1,
                                         "tone": None, "events": {}}]
    # the brushed range narrows the selection like a search's
    c = dl.chart("Kars", start="2022-05-03", end="2022-05-04")
    assert c["results"] == 2
    assert [d["date"] for d in c["days"]] == ["2022-05-04"]


# -- network ---------------------------------------------------------------------------


def test_network_nodes_and_edges(dl: Dateline) -> None:
    # "Kars": AGREE Russia -> Turkey (RUS-TUR), ASSAULT without a target (no edge), AID by
    # the Red Lantern Society (named in the actor's words; no country) -> Kars residents (TUR)
    n = dl.network("Kars")
    assert n["nodes"] == [
        {"id": "TUR", "kind": "country", "country": "TUR", "events": 2},
        {"id": "RUS", "kind": "country", "country": "RUS", "events": 1},
        {"id": "Red Lantern Society", "kind": "organisation", "country": None, "events": 1}]
    assert n["edges"] == [
        {"source": "RUS", "target": "TUR", "events": 1, "quads": {"verbal cooperation": 1}},
        {"source": "Red Lantern Society", "target": "TUR", "events": 1,
         "quads": {"material cooperation": 1}}]


def test_network_person_and_counts_by_quad(dl: Dateline) -> None:
    # the person named in "President Anna Volkova" is the node, not her country
    n = dl.network(entity="Anna Volkova")
    assert [(x["id"], x["kind"], x["country"]) for x in n["nodes"]] == [
        ("Anna Volkova", "person", "RUS"), ("TUR", "country", "TUR")]
    assert n["edges"] == [{"source": "Anna Volkova", "target": "TUR", "events": 1,
                           "quads": {"verbal cooperation": 1}}]
    # "corridor": AGREE and ACCUSE between Russia and Turkey (Moscow, Ankara): one edge
    n = dl.network("corridor")
    assert n["edges"] == [{"source": "RUS", "target": "TUR", "events": 2,
                           "quads": {"verbal cooperation": 1, "verbal conflict": 1}}]
    assert [x["id"] for x in dl.network("corridor", top=1)["nodes"]] == ["RUS"]
    assert dl.network("corridor", top=1)["edges"] == []


def test_network_events_of_an_edge(dl: Dateline) -> None:
    e = dl.network_events("TUR", "RUS", "corridor")
    assert (e["a"], e["b"], e["total"]) == ("TUR", "RUS", 2)
    assert [(x["id"], x["sentence"], x["type"], x["quad"]) for x in e["events"]] == [
        ("summit-1", 0, "AGREE", "verbal cooperation"),
        ("summit-2", 1, "ACCUSE", "verbal conflict")]
    assert e["events"][1]["text"] == "Moscow accused Ankara of breaking the corridor deal."
    assert (e["events"][1]["actor_text"], e["events"][1]["target_country"]) == ("Moscow", "TUR")
    assert dl.network_events("RUS", "TUR", "corridor", limit=1)["total"] == 2
    assert len(dl.network_events("RUS", "TUR", "corridor", limit=1)["events"]) == 1
    assert dl.network_events("RUS", "Red Lantern Society", "Kars")["total"] == 0
    with pytest.raises(ParamError):
        dl.network_events(" ", "TUR", "Kars")


# -- HTTP ------------------------------------------------------------------------------


def test_view_endpoints_answer_as_the_api(client: TestClient, dl: Dateline) -> None:
    assert _ok(client.get("/api/map", params={"q": "Kars"})) == dl.map("Kars")
    assert _ok(client.get("/api/map", params={"q": "corridor", "top": 1}))["places"][0][
        "name"] == "Ankara"
    assert _ok(client.get("/api/chart", params={"q": "Kars", "start": "2022-05-03"})) == \
        dl.chart("Kars", start="2022-05-03")
    assert _ok(client.get("/api/network", params={"entity": "Anna Volkova"})) == \
        dl.network(entity="Anna Volkova")
    edge = _ok(client.get("/api/network/edge", params={"q": "corridor", "a": "RUS",
                                                       "b": "TUR"}))
    assert edge == dl.network_events("RUS", "TUR", "corridor")
    # a place's sentences, clicked on the map: the search with the same criteria and place
    hits = _ok(client.get("/api/search", params={"q": "corridor", "place": "Kars"}))
    assert [(h["id"], h["sentence"]) for h in hits["results"]] == [("summit-1", 0)]


@pytest.mark.parametrize("path", ["/api/map", "/api/chart", "/api/network"])
def test_view_endpoints_refuse_bad_selections(client: TestClient, path: str) -> None:
    for params, words in [({}, "needs"), ({"q": "Kars", "event": "PICNIC"}, "PLOVER"),
                          ({"q": "Kars", "country": "Turkey"}, "alpha-3"),
                          ({"q": "Kars", "start": "2022-05-09", "end": "2022-05-01"}, "after")]:
        r = client.get(path, params=params)
        assert r.status_code == 400, r.text
        assert words in r.json()["detail"]
    assert client.get("/api/network/edge", params={"q": "Kars", "a": "RUS"}).status_code == 400
    assert client.get("/api/map", params={"q": "Kars", "top": 0}).status_code == 400


def test_vendor_files_served_when_installed(client: TestClient, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    missing = {name: tmp_path / "none" / name for name in server.VENDOR_FILES}
    monkeypatch.setattr(server, "VENDOR_FILES", missing)
    assert _ok(client.get("/vendor/")) == {"outlines": False,
                                           "install": "npm ci --prefix dateline/web"}
    r = client.get("/vendor/countries-110m.json")
    assert r.status_code == 404 and "npm ci --prefix dateline/web" in r.json()["detail"]
    present = {name: tmp_path / name for name in server.VENDOR_FILES}
    for name, path in present.items():
        path.write_text('{"type": "Topology"}' if name.endswith(".json") else "var x = 1;")
    monkeypatch.setattr(server, "VENDOR_FILES", present)
    assert _ok(client.get("/vendor/"))["outlines"] is True
    assert client.get("/vendor/countries-110m.json").json() == {"type": "Topology"}
    script = client.get("/vendor/topojson-client.js")
    assert script.text == "var x = 1;"
    assert script.headers["content-type"].startswith("text/javascript")
    assert client.get("/vendor/package.json").status_code == 404   # only the files named


# -- the command -----------------------------------------------------------------------


def test_search_view_prints_the_same_object(db: Path, dl: Dateline) -> None:
    import json

    p = run_cli("search", "corridor", "--view", "network", "--db", str(db))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == dl.network("corridor")
    p = run_cli("search", "Kars", "--start", "2022-05-03", "--view", "chart", "--db", str(db))
    assert json.loads(p.stdout)["days"] == [
        {"date": "2022-05-04", "mentions": 2, "articles": 2, "tone": None,
         "events": {"material cooperation": 1, "material conflict": 1}}]
    p = run_cli("search", "volcano", "--view", "map", "--db", str(db))
    assert p.returncode == 1
    assert "no sentence matches" in p.stderr.decode()
