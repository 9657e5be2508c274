"""Downloads of the views (``format=csv|json``, ``table``), paging of events and of an
edge's events (``offset``), the chart's tone per day and ``include_duplicates`` on the map,
chart and network (issue 13).

The stores are written here by hand (records written directly, no NLP), so each expected
row is counted from them:

- ``dock-1`` (2023-06-01, Quay Gazette, tone -2.0):
  0 "Dockers in Larnport walked out over pay."  place Larnport (GR); PROTEST dockers (GRC)
    -> the port authority (GRC), verbal conflict, at Larnport.
  1 "The port authority offered talks in Larnport."  place Larnport; CONSULT the port
    authority (GRC) -> dockers (GRC): an actor with itself, no edge.
- ``dock-2`` (2023-06-01, Harbour Daily, tone 1.0):
  0 "Albanian ferries were held outside Larnport."  place Larnport; COERCE the Greek
    coastguard (GRC) -> Albanian ferries (ALB), material conflict, at Larnport.
- ``dock-3`` (2023-06-03, Quay Gazette, no tone):
  0 "Larnport reopened after the strike ended."  place Larnport; no event.

And a copy of ``dock-2`` stored as its near-duplicate (``dock-2-copy``) in the second
store, for ``include_duplicates``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.api import Dateline
from dateline.server import create_app
from dateline.store import Store
from dateline_testing import joined, run_cli, write_store

GRC = {"country": "GRC", "sector": None}


def record(aid: str, published: str, source: str, tone: float | None, sentences: list[str],
           events: list[dict]) -> dict:
    """A record of ``sentences``, each naming Larnport once; ``events``: dicts with the
    sentence, trigger words, type, quad, actor and target."""
    text, spans = joined(sentences)
    rec: dict = {"id": aid, "published": published, "title": aid, "url": None,
                 "source": source, "text": text, "sentences": spans, "dates": [],
                 "entities": [], "places": [], "quotes": [], "amounts": [], "events": [],
                 "tone": tone}
    for i, s in enumerate(sentences):
        begin = spans[i]["start"] + s.index("Larnport")
        rec["places"].append({"text": "Larnport", "start": begin, "end": begin + 8,
                              "sentence": i, "name": "Larnport", "country": "GR",
                              "admin1": None, "lat": 38.0, "lon": 23.6, "geonameid": None,
                              "kind": "city", "confidence": 0.9})
    for ev in events:
        i = ev["sentence"]
        begin = spans[i]["start"] + sentences[i].index(ev["words"])
        rec["events"].append({
            "type": ev["type"], "mode": None, "sentence": i, "text": ev["words"],
            "start": begin, "end": begin + len(ev["words"]), "actor": ev["actor"],
            "target": ev["target"], "place": "Larnport", "date": published,
            "quad": ev["quad"], "intensity": -1.0})
    return rec


RECORDS = [
    record("dock-1", "2023-06-01", "Quay Gazette", -2.0, [
        "Dockers in Larnport walked out over pay.",
        "The port authority offered talks in Larnport."], [
        {"sentence": 0, "words": "walked out", "type": "PROTEST", "quad": "verbal conflict",
         "actor": {"text": "Dockers", **GRC}, "target": {"text": "the port authority", **GRC}},
        {"sentence": 1, "words": "offered", "type": "CONSULT", "quad": "verbal cooperation",
         "actor": {"text": "The port authority", **GRC}, "target": {"text": "dockers", **GRC}}]),
    record("dock-2", "2023-06-01", "Harbour Daily", 1.0, [
        "Albanian ferries were held outside Larnport."], [
        {"sentence": 0, "words": "held", "type": "COERCE", "quad": "material conflict",
         "actor": {"text": "the Greek coastguard", **GRC},
         "target": {"text": "Albanian ferries", "country": "ALB", "sector": None}}]),
    record("dock-3", "2023-06-03", "Quay Gazette", None, [
        "Larnport reopened after the strike ended."], []),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = write_store(tmp_path_factory.mktemp("downloads") / "dock.db", RECORDS)
    with TestClient(create_app(str(db), allowed_hosts=("testserver",))) as c:
        yield c


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(response.text)))


def test_search_csv_is_the_page_asked_for(client: TestClient) -> None:
    # without words the results are in date order: dock-1 #0, #1, dock-2 #0, dock-3 #0
    rows = _csv(client.get("/api/search", params={"place": "Larnport", "limit": 2,
                                                  "offset": 1, "format": "csv"}))
    assert rows[0] == ["id", "published", "title", "sentence", "start", "end", "score", "text"]
    assert [(r[0], r[3], r[7]) for r in rows[1:]] == [
        ("dock-1", "1", "The port authority offered talks in Larnport."),
        ("dock-2", "0", "Albanian ferries were held outside Larnport.")]
    assert rows[1][6] == ""   # no score without words: an empty cell, not "None"


def test_json_download_is_the_same_answer_as_a_file(client: TestClient) -> None:
    plain = client.get("/api/chart", params={"place": "Larnport"})
    saved = client.get("/api/chart", params={"place": "Larnport", "format": "json"})
    assert "content-disposition" not in plain.headers
    assert saved.headers["content-disposition"] == \
        'attachment; filename="dateline-chart.json"'
    assert json.loads(saved.text) == plain.json()
    r = client.get("/api/search", params={"q": "Larnport strike", "format": "csv"})
    assert r.headers["content-disposition"] == \
        'attachment; filename="dateline-search-Larnport-strike.csv"'


def test_chart_tone_per_day_and_its_csv(client: TestClient) -> None:
    days = client.get("/api/chart", params={"place": "Larnport"}).json()["days"]
    # 06-01: dock-1 (-2.0) and dock-2 (1.0), mean -0.5; 06-03: dock-3 has no tone
    assert [(d["date"], d["mentions"], d["articles"], d["tone"]) for d in days] == [
        ("2023-06-01", 3, 2, -0.5), ("2023-06-03", 1, 1, None)]
    rows = _csv(client.get("/api/chart", params={"place": "Larnport", "format": "csv"}))
    assert rows == [
        ["date", "mentions", "articles", "tone", "events", "verbal_cooperation",
         "material_cooperation", "verbal_conflict", "material_conflict"],
        ["2023-06-01", "3", "2", "-0.5", "3", "1", "0", "1", "1"],
        ["2023-06-03", "1", "1", "", "0", "0", "0", "0", "0"]]


def test_map_and_network_tables(client: TestClient) -> None:
    places = _csv(client.get("/api/map", params={"place": "Larnport", "format": "csv"}))
    assert places == [["name", "country", "kind", "lat", "lon", "mentions", "sentences",
                       "events"],
                      ["Larnport", "GR", "city", "38.0", "23.6", "4", "4", "3"]]
    countries = _csv(client.get("/api/map", params={"place": "Larnport", "format": "csv",
                                                    "table": "countries"}))
    assert countries[1:] == [["GRC", "300", "Greece", "3"]]
    # the CONSULT of the port authority with dockers is GRC with itself: no edge
    edges = _csv(client.get("/api/network", params={"place": "Larnport", "format": "csv"}))
    assert edges[1:] == [["ALB", "GRC", "1", "0", "0", "0", "1"]]
    nodes = _csv(client.get("/api/network", params={"place": "Larnport", "format": "csv",
                                                    "table": "nodes"}))
    # one event each (the two GRC-with-GRC events are left out): ties in name order
    assert nodes[1:] == [["ALB", "country", "ALB", "1"], ["GRC", "country", "GRC", "1"]]


def test_facets_timeline_and_events_csv(client: TestClient) -> None:
    facets = _csv(client.get("/api/facets", params={"place": "Larnport", "format": "csv"}))
    assert facets[0] == ["facet", "value", "count"]
    assert ["source", "Quay Gazette", "3"] in facets and ["event", "COERCE", "1"] in facets
    groups = _csv(client.get("/api/events", params={"format": "csv"}))
    # one day: in type order (COERCE < CONSULT < PROTEST); columns type and article_ids
    assert [(r[2], r[19]) for r in groups[1:]] == [
        ("COERCE", "dock-2"), ("CONSULT", "dock-1"), ("PROTEST", "dock-1")]
    assert groups[0][2] == "type" and groups[0][19] == "article_ids"
    timeline = _csv(client.get("/api/timeline", params={"q": "Larnport", "format": "csv"}))
    assert timeline[0][:4] == ["date", "date_score", "date_articles", "article"]
    answer = client.get("/api/timeline", params={"q": "Larnport"}).json()
    assert len(timeline) - 1 == sum(len(e["sentences"]) for e in answer["entries"])


def test_events_and_edge_events_page_with_offset(client: TestClient) -> None:
    every = client.get("/api/events").json()
    assert [g["type"] for g in every["groups"]] == ["COERCE", "CONSULT", "PROTEST"]
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert (page["total"], [g["type"] for g in page["groups"]]) == (3, ["CONSULT"])
    assert client.get("/api/events", params={"offset": 3}).json()["groups"] == []
    edge = client.get("/api/network/edge", params={"place": "Larnport", "a": "GRC",
                                                   "b": "ALB", "offset": 1}).json()
    assert (edge["total"], edge["events"]) == (1, [])


def test_bad_download_parameters(client: TestClient) -> None:
    for params, words in [({"format": "xlsx"}, "format 'xlsx' is not one of csv, json"),
                          ({"format": "csv", "table": "nodes"}, "table 'nodes'"),
                          ({"table": "days"}, "only for format=csv")]:
        r = client.get("/api/chart", params={"place": "Larnport", **params})
        assert r.status_code == 400 and words in r.json()["detail"], r.text
    assert client.get("/api/events", params={"offset": -1}).status_code == 400


def test_views_read_near_duplicates_only_when_asked(tmp_path: Path) -> None:
    copy = {**RECORDS[1], "id": "dock-2-copy"}
    db = write_store(tmp_path / "dups.db", [*RECORDS, copy])
    with Store(db) as store:   # dock-2-copy is flagged a near-duplicate of dock-2
        store.db.execute("INSERT INTO duplicates (id, representative) VALUES "
                         "('dock-2', 'dock-2'), ('dock-2-copy', 'dock-2')")
        store.db.commit()
    with Dateline(db, readonly=True) as dl:
        assert dl.map(place="Larnport")["places"][0]["mentions"] == 4
        assert dl.map(place="Larnport", include_duplicates=True)["places"][0]["mentions"] == 5
    with TestClient(create_app(str(db), allowed_hosts=("testserver",))) as c:
        def get(path: str, **params) -> dict:
            r = c.get(path, params={"place": "Larnport", **params})
            assert r.status_code == 200, r.text
            return r.json()

        assert get("/api/chart")["days"][0]["articles"] == 2
        assert get("/api/chart", include_duplicates="true")["days"][0]["articles"] == 3
        assert get("/api/network")["edges"][0]["events"] == 1
        assert get("/api/network", include_duplicates="true")["edges"][0]["events"] == 2
        assert get("/api/network/edge", a="ALB", b="GRC")["total"] == 1
        assert get("/api/network/edge", a="ALB", b="GRC", include_duplicates=1)["total"] == 2
        assert get("/api/map", include_duplicates=1)["countries"][0]["events"] == 4
    # and the command's --view, as the endpoints
    for flag, articles in [(), 2], [("--include-duplicates",), 3]:
        p = run_cli("search", "--place", "Larnport", "--view", "chart", *flag, "--db", str(db))
        assert p.returncode == 0, p.stderr
        assert json.loads(p.stdout)["days"][0]["articles"] == articles
