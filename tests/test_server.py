"""`dateline serve`: the HTTP API and web page over a small hand-made store.

The store holds three short articles written for these tests (records written
directly, no NLP), so every expected value below is worked out from them by hand:

- ``flood-1`` (2021-03-05, Valley Post): the dam burst "on Thursday" (2021-03-04);
  Maria Lopez speaks; soldiers are sent to Eastbridge (MOBILIZE, CHL MIL).
- ``flood-2`` (2021-03-06, River News): floodwater covered Eastbridge on Thursday;
  Maria Lopez asks for aid (REQUEST, CHL GOV -> CHL GOV); troops reach Eastbridge
  (MOBILIZE, CHL MIL, dated 2021-03-05 like flood-1's: the same event).
- ``wire/2021/protest-1`` (2021-04-10, no source; an id with slashes): farmers
  protest in Westport on Saturday (PROTEST, CHL CVL -> CHL GOV).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import pytest
from fastapi.testclient import TestClient

from dateline.server import create_app
from dateline.store import Store, StoreError
from dateline_testing import joined, run_cli, write_store

FLOOD_1 = [
    "The river dam burst on Thursday and flooded the valley villages overnight.",
    "Governor Maria Lopez said rescue teams evacuated four hundred residents.",
    "Soldiers were sent to Eastbridge to help the rescue teams.",
]
FLOOD_2 = [
    "Floodwater from the burst dam covered Eastbridge on Thursday.",
    "Maria Lopez asked the national government for emergency aid.",
    "Troops reached Eastbridge on Friday to help evacuate residents.",
]
PROTEST_1 = [
    "Farmers protested outside the parliament in Westport on Saturday.",
    "Police said the march through the capital was peaceful.",
]
PROTEST_ID = "wire/2021/protest-1"


def _record(aid: str, published: str, source: str | None, title: str | None,
            sentences: list[str], *, dates: list[tuple[int, str, str]] = (),
            people: list[tuple[int, str]] = (), places: list[tuple[int, str]] = (),
            events: list[dict] = ()) -> dict:
    """A record of ``sentences`` joined by spaces. dates: (sentence, words, value);
    people and places: (sentence, words) naming them; events: dicts with sentence,
    words (the trigger) and the coded fields."""
    text, spans = joined(sentences)

    def where(i: int, words: str) -> tuple[int, int]:
        begin = spans[i]["start"] + sentences[i].index(words)
        return begin, begin + len(words)

    rec: dict = {"id": aid, "published": published, "title": title, "url": None,
                 "source": source, "text": text, "sentences": spans,
                 "dates": [], "entities": [], "places": [], "quotes": [], "amounts": [],
                 "events": [], "tone": None}
    for i, words, value in dates:
        a, b = where(i, words)
        rec["dates"].append({"text": words, "start": a, "end": b, "sentence": i,
                             "type": "DATE", "value": value})
    for i, name in people:
        a, b = where(i, name)
        rec["entities"].append({"text": name, "start": a, "end": b, "sentence": i,
                                "label": "PERSON", "canonical": name})
    for i, name in places:
        a, b = where(i, name)
        rec["places"].append({"text": name, "start": a, "end": b, "sentence": i, "name": name,
                              "country": "CL", "admin1": None, "lat": None, "lon": None,
                              "geonameid": None, "kind": "city", "confidence": 0.9})
    for ev in events:
        a, b = where(ev["sentence"], ev["words"])
        rec["events"].append({
            "type": ev["type"], "mode": None, "sentence": ev["sentence"], "text": ev["words"],
            "start": a, "end": b, "actor": ev["actor"], "target": ev.get("target"),
            "place": ev.get("place"), "date": ev["date"], "quad": ev["quad"],
            "intensity": ev["intensity"]})
    return rec


CHL_MIL = {"text": "Soldiers", "country": "CHL", "sector": "MIL"}
CHL_GOV = {"text": "the national government", "country": "CHL", "sector": "GOV"}

RECORDS = [
    _record("flood-1", "2021-03-05", "Valley Post", "Dam bursts in the valley", FLOOD_1,
            dates=[(0, "Thursday", "2021-03-04")],
            people=[(1, "Maria Lopez")], places=[(2, "Eastbridge")],
            events=[{"sentence": 2, "words": "sent", "type": "MOBILIZE", "actor": CHL_MIL,
                     "place": "Eastbridge", "date": "2021-03-05",
                     "quad": "material conflict", "intensity": -2.0}]),
    _record("flood-2", "2021-03-06", "River News", None, FLOOD_2,
            dates=[(0, "Thursday", "2021-03-04"), (2, "Friday", "2021-03-05")],
            people=[(1, "Maria Lopez")], places=[(0, "Eastbridge"), (2, "Eastbridge")],
            events=[{"sentence": 1, "words": "asked", "type": "REQUEST",
                     "actor": {"text": "Maria Lopez", "country": "CHL", "sector": "GOV"},
                     "target": CHL_GOV, "date": "2021-03-06",
                     "quad": "verbal cooperation", "intensity": 3.0},
                    {"sentence": 2, "words": "reached", "type": "MOBILIZE",
                     "actor": {**CHL_MIL, "text": "Troops"}, "place": "Eastbridge",
                     "date": "2021-03-05", "quad": "material conflict", "intensity": -4.0}]),
    _record(PROTEST_ID, "2021-04-10", None, "Farmers march in Westport", PROTEST_1,
            dates=[(0, "Saturday", "2021-04-10")], places=[(0, "Westport")],
            events=[{"sentence": 0, "words": "protested", "type": "PROTEST",
                     "actor": {"text": "Farmers", "country": "CHL", "sector": "CVL"},
                     "target": {"text": "the parliament", "country": "CHL", "sector": "GOV"},
                     "place": "Westport", "date": "2021-04-10",
                     "quad": "verbal conflict", "intensity": -3.0}]),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("serve") / "flood.db", RECORDS)


#: The Host header of FastAPI's TestClient ("testserver"), allowed beside loopback.
TEST_HOSTS = ("testserver", "127.0.0.1")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    with TestClient(create_app(str(db), allowed_hosts=TEST_HOSTS)) as c:
        yield c


def _hits(response: httpx2.Response) -> list[tuple[str, int]]:
    assert response.status_code == 200, response.text
    return [(h["id"], h["sentence"]) for h in response.json()["results"]]


def _bad(response: httpx2.Response) -> str:
    """The one-line detail of a 400 answer."""
    assert response.status_code == 400, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail
    return detail


# -- start-up -------------------------------------------------------------------------


def test_missing_database_is_refused_at_startup(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(str(tmp_path / "absent.db"))
    assert not (tmp_path / "absent.db").exists()


def test_foreign_and_broken_databases_are_refused_at_startup(tmp_path: Path) -> None:
    import sqlite3
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE notes (body TEXT)")
    con.close()
    with pytest.raises(StoreError, match="not a Dateline database"):
        create_app(str(foreign))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all " * 200)
    with pytest.raises(StoreError, match="not a usable database"):
        create_app(str(junk))


def test_store_gone_after_startup_gives_503(tmp_path: Path, db: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with TestClient(create_app(str(copy), allowed_hosts=TEST_HOSTS)) as c:
        assert c.get("/api/health").json()["articles"] == 3
        copy.unlink()
        r = c.get("/api/health")
    assert r.status_code == 503
    assert "no such database" in r.json()["detail"]


# -- health and stats -----------------------------------------------------------------


def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok", "articles": 3, "schema": 4,
                                                "integrity": "checked"}


def test_stats(client: TestClient, db: Path) -> None:
    s = client.get("/api/stats").json()
    assert s["articles"] == 3
    assert s["published"] == {"first": "2021-03-05", "last": "2021-04-10"}
    assert s["sentences"] == 8
    assert (s["dates"], s["entities"], s["places"], s["events"]) == (4, 2, 4, 4)
    assert s["sources"] == {"Valley Post": 1, "River News": 1, "(none)": 1}
    assert s["top_people"] == {"Maria Lopez": 2}
    assert s["top_places"] == {"Eastbridge": 3, "Westport": 1}
    # the day mentioned by most articles: Thursday 2021-03-04, in both flood stories
    assert next(iter(s["most_mentioned_dates"].items())) == ("2021-03-04", 2)
    assert client.get("/api/stats", params={"top": 1}).json()["top_places"] == {"Eastbridge": 3}


# -- search ---------------------------------------------------------------------------


def test_search_words(client: TestClient) -> None:
    hits = _hits(client.get("/api/search", params={"q": "dam"}))
    assert sorted(hits) == [("flood-1", 0), ("flood-2", 0)]
    first = client.get("/api/search", params={"q": "peaceful"}).json()["results"][0]
    assert first["id"] == PROTEST_ID and first["published"] == "2021-04-10"
    assert first["text"] == PROTEST_1[1]
    assert first["title"] == "Farmers march in Westport"


def test_search_filters(client: TestClient) -> None:
    get = lambda **p: _hits(client.get("/api/search", params=p))  # noqa: E731
    assert get(entity="Maria Lopez") == [("flood-1", 1), ("flood-2", 1)]
    assert get(place="Eastbridge") == [("flood-1", 2), ("flood-2", 0), ("flood-2", 2)]
    assert get(event="mobilize", country="chl") == [("flood-1", 2), ("flood-2", 2)]
    assert get(event="PROTEST") == [(PROTEST_ID, 0)]
    assert get(start="2021-04-01") == [(PROTEST_ID, 0), (PROTEST_ID, 1)]
    assert get(start="2021-03-06", end="2021-03-06") == [("flood-2", 0), ("flood-2", 1),
                                                         ("flood-2", 2)]
    assert get(q="Eastbridge", end="2021-03-05") == [("flood-1", 2)]
    assert get(q="rescue", place="Eastbridge") == [("flood-1", 2)]


def test_facets_count_what_the_search_finds(client: TestClient) -> None:
    # place=Eastbridge finds flood-1 sentence 2 and flood-2 sentences 0 and 2 (above);
    # Maria Lopez is named only in the sentences 1, so no person is counted
    r = client.get("/api/facets", params={"place": "Eastbridge"})
    assert r.status_code == 200, r.text
    f = r.json()
    assert (f["results"], f["window"]) == (3, 500)
    assert f["date"] == [["2021-03-06", 2], ["2021-03-05", 1]]
    assert f["source"] == [["River News", 2], ["Valley Post", 1]]
    assert f["person"] == []
    assert f["place"] == [["Eastbridge", 3]]
    assert f["event"] == [["MOBILIZE", 2]]
    assert f["country"] == [["CHL", 2]]   # the soldiers (actor) of both; no target country
    assert client.get("/api/facets", params={"place": "Eastbridge", "top": 1}
                      ).json()["date"] == [["2021-03-06", 2]]
    assert "needs" in _bad(client.get("/api/facets"))
    assert "event" in _bad(client.get("/api/facets", params={"event": "PICNIC"}))


def test_search_limit(client: TestClient) -> None:
    assert client.get("/api/search", params={"start": "2021-01-01", "limit": 1}
                      ).json()["results"][0]["id"] == "flood-1"
    assert len(_hits(client.get("/api/search", params={"start": "2021-01-01"}))) == 8
    # a limit above the cap is lowered, not refused
    assert len(_hits(client.get("/api/search", params={"start": "2021-01-01",
                                                       "limit": 100000}))) == 8


@pytest.mark.parametrize("params", [{"start": "2021-01-01"}, {"q": "dam OR rescue OR Eastbridge OR help"}])
def test_search_pages_with_offset(client: TestClient, params: dict) -> None:
    whole = _hits(client.get("/api/search", params={**params, "limit": 500}))
    assert len(whole) >= 3, whole
    pages = [_hits(client.get("/api/search", params={**params, "limit": 2, "offset": k}))
             for k in range(0, len(whole) + 2, 2)]
    # the pages, one after the other, are the whole list, each result once
    assert [h for page in pages for h in page] == whole
    assert pages[-1] == []   # past the end: an empty page, not an error


def test_search_bad_parameters(client: TestClient) -> None:
    get = lambda **p: client.get("/api/search", params=p)  # noqa: E731
    assert _bad(get()) == ("search needs q or a filter (start, end, entity, place, event, "
                           "country)")   # the API's check, in the URL's words
    assert "q or a filter" in _bad(get(q="  "))
    assert "start '2021-02-30'" in _bad(get(q="dam", start="2021-02-30"))
    assert "end 'March 5'" in _bad(get(q="dam", end="March 5"))
    assert _bad(get(start="2021-04-01", end="2021-03-01")) == \
        "start 2021-04-01 is after end 2021-03-01"
    assert "bad search query" in _bad(get(q='"dam'))
    assert "PLOVER" in _bad(get(event="FLOOD"))
    assert "alpha-3" in _bad(get(country="Chile"))
    assert "limit" in _bad(get(q="dam", limit="many"))
    assert "limit" in _bad(get(q="dam", limit=0))
    assert "offset" in _bad(get(q="dam", offset=-1))
    assert "offset" in _bad(get(q="dam", offset=10**6))


# -- timeline -------------------------------------------------------------------------


def test_timeline_uses_the_settings_given(db: Path) -> None:
    from dateline.settings import Settings, TimelineSettings

    flat = Settings(timeline=TimelineSettings(mention_weight=0.0, pub_weight=0.0,
                                              next_day_weight=0.0))
    with TestClient(create_app(str(db), settings=flat, allowed_hosts=TEST_HOSTS)) as c:
        entries = c.get("/api/timeline", params={"max_dates": 2}).json()["entries"]
    assert entries and {e["score"] for e in entries} == {0.0}


def test_timeline_top_date(client: TestClient) -> None:
    tl = client.get("/api/timeline", params={"max_dates": 1, "sentences_per_date": 1}).json()
    assert (tl["query"], tl["max_dates"], tl["sentences_per_date"], tl["articles"]) == \
        (None, 1, 1, 3)
    # 2021-03-04 is the only day two articles mention
    [entry] = tl["entries"]
    assert entry["date"] == "2021-03-04"
    [sent] = entry["sentences"]
    assert (sent["article"], sent["sentence"]) in {("flood-1", 0), ("flood-2", 0)}
    text = (FLOOD_1 if sent["article"] == "flood-1" else FLOOD_2)[0]
    assert sent["text"] == text
    assert sent["published"] == {"flood-1": "2021-03-05", "flood-2": "2021-03-06"}[sent["article"]]


def test_timeline_query_and_range(client: TestClient) -> None:
    tl = client.get("/api/timeline", params={"q": "Westport"}).json()
    assert tl["articles"] == 1
    assert [e["date"] for e in tl["entries"]] == ["2021-04-10"]
    assert {s["article"] for s in tl["entries"][0]["sentences"]} == {PROTEST_ID}
    tl = client.get("/api/timeline", params={"start": "2021-04-01", "end": "2021-04-30"}).json()
    assert (tl["start"], tl["end"], tl["articles"]) == ("2021-04-01", "2021-04-30", 1)
    assert [e["date"] for e in tl["entries"]] == ["2021-04-10"]
    tl = client.get("/api/timeline", params={"q": "volcano"}).json()
    assert tl["entries"] == [] and tl["articles"] == 0


def test_timeline_bad_parameters(client: TestClient) -> None:
    get = lambda **p: client.get("/api/timeline", params=p)  # noqa: E731
    assert "after end" in _bad(get(start="2021-05-01", end="2021-04-01"))
    assert "start" in _bad(get(start="yesterday"))
    assert "max_dates" in _bad(get(max_dates=0))
    assert "sentences_per_date" in _bad(get(sentences_per_date="two"))


# -- articles -------------------------------------------------------------------------


def test_article_record(client: TestClient) -> None:
    rec = client.get("/api/articles/flood-2").json()
    assert (rec["id"], rec["published"], rec["source"]) == ("flood-2", "2021-03-06", "River News")
    assert rec["text"] == " ".join(FLOOD_2)
    assert len(rec["sentences"]) == 3
    assert rec["text"][rec["sentences"][1]["start"]:rec["sentences"][1]["end"]] == FLOOD_2[1]
    assert [d["value"] for d in rec["dates"]] == ["2021-03-04", "2021-03-05"]
    assert [e["canonical"] for e in rec["entities"]] == ["Maria Lopez"]
    assert [p["name"] for p in rec["places"]] == ["Eastbridge", "Eastbridge"]
    assert [(e["type"], e["actor"]["country"]) for e in rec["events"]] == \
        [("REQUEST", "CHL"), ("MOBILIZE", "CHL")]
    d = rec["dates"][1]
    assert rec["text"][d["start"]:d["end"]] == "Friday"


def test_article_id_with_slashes(client: TestClient) -> None:
    rec = client.get(f"/api/articles/{PROTEST_ID}").json()
    assert rec["id"] == PROTEST_ID and rec["title"] == "Farmers march in Westport"


def test_unknown_article_is_404(client: TestClient) -> None:
    r = client.get("/api/articles/no-such-story")
    assert r.status_code == 404
    assert r.json() == {"detail": "no article 'no-such-story' in the store"}


# -- events ---------------------------------------------------------------------------


def test_event_groups(client: TestClient) -> None:
    data = client.get("/api/events").json()
    assert data["total"] == 3
    assert [(g["date"], g["type"]) for g in data["groups"]] == \
        [("2021-03-05", "MOBILIZE"), ("2021-03-06", "REQUEST"), ("2021-04-10", "PROTEST")]
    mob = data["groups"][0]
    # the two troop reports code alike (date, type, CHL MIL, Eastbridge): one event
    assert (mob["num_mentions"], mob["num_articles"], mob["num_sources"]) == (2, 2, 2)
    assert mob["article_ids"] == ["flood-1", "flood-2"]
    assert mob["mentions"] == [["flood-1", 2], ["flood-2", 2]]
    assert mob["sources"] == ["River News", "Valley Post"]
    assert mob["intensity"] == -3.0
    assert mob["example"] == FLOOD_1[2]


def test_event_filters(client: TestClient) -> None:
    get = lambda **p: client.get("/api/events", params=p).json()  # noqa: E731
    assert [g["type"] for g in get(type="protest")["groups"]] == ["PROTEST"]
    assert [g["type"] for g in get(start="2021-03-06")["groups"]] == ["REQUEST", "PROTEST"]
    assert [g["type"] for g in get(end="2021-03-05")["groups"]] == ["MOBILIZE"]
    assert get(country="chl")["total"] == 3
    assert get(country="PER") == {"total": 0, "groups": []}
    limited = get(limit=1)
    assert limited["total"] == 3 and [g["type"] for g in limited["groups"]] == ["MOBILIZE"]


def test_event_bad_parameters(client: TestClient) -> None:
    get = lambda **p: client.get("/api/events", params=p)  # noqa: E731
    assert "PLOVER" in _bad(get(type="FLOOD"))
    assert "alpha-3" in _bad(get(country="CL"))
    assert "after end" in _bad(get(start="2021-03-02", end="2021-03-01"))
    assert "limit" in _bad(get(limit=-5))


# -- read-only, page, OpenAPI ---------------------------------------------------------


def test_only_get_and_store_unchanged(client: TestClient, db: Path) -> None:
    before = db.read_bytes()
    assert client.post("/api/search", params={"q": "dam"}).status_code == 405
    assert client.delete("/api/articles/flood-1").status_code == 405
    for path in ("/api/stats", "/api/search?q=dam", "/api/timeline", "/api/events",
                 "/api/articles/flood-1", "/api/health"):
        assert client.get(path).status_code == 200
    assert db.read_bytes() == before
    with Store(db, readonly=True) as s:
        assert s.count() == 3


def test_web_page(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    page = r.text
    for needle in ('id="search-form"', 'id="timeline-form"', 'id="stats-body"',
                   'src="/static/app.js"', 'href="/static/style.css"'):
        assert needle in page
    for name in ("q", "start", "end", "entity", "place", "event", "country"):
        assert f'name="{name}"' in page
    assert "http://" not in page and "https://" not in page   # nothing fetched from elsewhere
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert "innerHTML" not in js.text and "insertAdjacentHTML" not in js.text
    assert "/api/search" in js.text and "/api/timeline" in js.text
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/missing.js").status_code == 404


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths == {"/api/health", "/api/stats", "/api/search", "/api/facets", "/api/timeline",
                     "/api/articles/{article_id}", "/api/events", "/api/map", "/api/chart",
                     "/api/network", "/api/network/edge", "/api/stories",
                     "/api/stories/{story_id}"}
    assert client.get("/docs").status_code == 200


# -- the command ----------------------------------------------------------------------


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    p = run_cli("serve", "--db", str(tmp_path / "absent.db"))
    assert p.returncode == 2
    lines = p.stderr.decode().strip().splitlines()
    assert lines == [f"dateline: {tmp_path / 'absent.db'}: no such database "
                     "(run `dateline ingest` first)"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_end_to_end(db: Path) -> None:
    """The real command in its own process, answering on a loopback port."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_DB"}
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        stats = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                stats = httpx2.get(f"{base}/api/stats", timeout=2)
                break
            except httpx2.TransportError:
                time.sleep(0.2)
        assert stats is not None, f"server did not answer (exit status {proc.poll()})"
        assert stats.status_code == 200
        assert stats.json()["articles"] == 3
        hits = httpx2.get(f"{base}/api/search", params={"entity": "Maria Lopez"}).json()
        assert [(h["id"], h["sentence"]) for h in hits["results"]] == [("flood-1", 1),
                                                                       ("flood-2", 1)]
        assert 'id="search-form"' in httpx2.get(f"{base}/").text
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert f"on http://127.0.0.1:{port}" in err.decode()


# -- hostile requests: foreign Host, long or slow queries; headers ---------------------


def test_a_foreign_host_header_is_refused(db: Path) -> None:
    """DNS rebinding: a page of evil.example whose name now points to 127.0.0.1 sends
    ``Host: evil.example:8000``; loopback names (any port) and the --host are served."""
    with TestClient(create_app(str(db))) as c:   # the default: loopback names only
        for host in ("evil.example:8000", "evil.example", "127.0.0.1.evil.example:8000",
                     "testserver", ""):
            r = c.get("/api/health", headers={"host": host})
            assert r.status_code == 400, host
            assert r.json()["detail"].startswith(f"Host {host!r} is not this server's address")
            assert r.headers["x-content-type-options"] == "nosniff"
        for host in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"):
            assert c.get("/api/health", headers={"host": host}).status_code == 200, host
    with TestClient(create_app(str(db), allowed_hosts=("news.lan",))) as c:
        assert c.get("/api/health", headers={"host": "news.lan:8000"}).status_code == 200
        assert c.get("/api/health", headers={"host": "127.0.0.1:8000"}).status_code == 400


def test_host_names() -> None:
    from dateline.server import LOOPBACK_HOSTS, host_name, serve_hosts
    assert host_name("[::1]:8000") == "::1"
    assert host_name("LocalHost:80") == "localhost"
    assert host_name("127.0.0.1") == "127.0.0.1"
    assert host_name("::1") == "::1"          # bare IPv6, as some clients send it
    assert serve_hosts("127.0.0.1") == LOOPBACK_HOSTS
    assert serve_hosts("News.LAN") == (*LOOPBACK_HOSTS, "news.lan")
    assert serve_hosts("[::1]") == LOOPBACK_HOSTS
    assert socket.gethostname().lower() in serve_hosts("0.0.0.0")


def test_security_headers_on_every_answer(client: TestClient) -> None:
    answers = {path: client.get(path) for path in (
        "/api/health", "/api/stats", "/api/search?q=dam", "/api/search", "/api/articles/none",
        "/api/events", "/static/app.js", "/", "/docs", "/openapi.json", "/nowhere")}
    assert [answers[p].status_code for p in ("/api/search", "/api/articles/none", "/nowhere")
            ] == [400, 404, 404]
    for path, r in answers.items():
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert r.headers["referrer-policy"] == "no-referrer", path
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp, path
        if path not in ("/", "/docs"):
            assert csp.startswith("default-src 'none'"), path
    assert "script-src 'self'" in answers["/"].headers["content-security-policy"]
    assert "https:" not in answers["/docs"].headers["content-security-policy"]


@pytest.mark.parametrize(("page", "assets"), [
    ("/docs", ("swagger-ui-bundle.js", "swagger-ui.css")), ("/redoc", ("redoc.standalone.js",))])
def test_api_documentation_works_offline(client: TestClient, page: str,
                                         assets: tuple[str, ...]) -> None:
    html = client.get(page)
    assert html.status_code == 200 and "/openapi.json" in html.text
    # every script and style the page loads comes from this server, none from a CDN
    loaded = re.findall(r'(?:src|href)="([^"]+)"', html.text)
    assert loaded and all(url.startswith("/") for url in loaded), loaded
    for name in assets:
        url = next(u for u in loaded if u.endswith(name))
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 10_000, url
    csp = html.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "https:" not in csp and "cdn" not in csp


def test_long_queries_are_refused(client: TestClient) -> None:
    """At most 64 terms (operators not counted) and 1,000 characters: the cost of an
    FTS5 query grows faster than its length."""
    ok = " OR ".join(["dam"] * 64)
    assert sorted(_hits(client.get("/api/search", params={"q": ok}))) == [("flood-1", 0),
                                                                           ("flood-2", 0)]
    many = " OR ".join(["dam"] * 65)
    for endpoint, what in (("/api/search", "search"), ("/api/timeline", "timeline")):
        assert _bad(client.get(endpoint, params={"q": many})) == (
            f"{what} query too long: 65 terms (at most 64); shorten it")
        assert _bad(client.get(endpoint, params={"q": "x" * 1001})) == (
            f"{what} query too long: 1,001 characters (at most 1,000); shorten it")


#: A statement that runs for minutes: counts to a billion.
_SLOW_SQL = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000000)"
             " SELECT count(*) FROM c")


def test_a_query_over_its_time_budget_is_stopped(db: Path) -> None:
    from dateline.store import QueryTimeout
    with Store(db, readonly=True) as s:
        began = time.monotonic()
        with pytest.raises(QueryTimeout, match=r"query took too long \(over 0.2 s\); narrow it"):
            with s.time_budget(0.2):
                s.db.execute(_SLOW_SQL).fetchone()
        assert time.monotonic() - began < 2
        with pytest.raises(QueryTimeout):   # caught inside and the work went on: still stopped
            with s.time_budget(0.2):
                try:
                    s.db.execute(_SLOW_SQL).fetchone()
                except Exception:
                    pass
        with s.time_budget(0.2):   # the handler is gone afterwards; quick work is untouched
            assert s.count() == 3
        assert s.db.execute("SELECT 1").fetchone()[0] == 1


def test_a_slow_request_gets_503(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.api import Dateline

    def slow_search(self: Dateline, *args: object, **kwargs: object) -> list:
        self.store.db.execute(_SLOW_SQL).fetchone()
        return []

    monkeypatch.setattr(Dateline, "search", slow_search)
    with TestClient(create_app(str(db), allowed_hosts=TEST_HOSTS, query_budget=0.3)) as c:
        began = time.monotonic()
        r = c.get("/api/search", params={"q": "dam"})
        assert time.monotonic() - began < 3
        assert r.status_code == 503
        assert "query took too long (over 0.3 s); narrow it" in r.json()["detail"]
        assert c.get("/api/health").status_code == 200


def test_stats_are_kept_until_the_store_changes(tmp_path: Path, db: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with TestClient(create_app(str(copy), allowed_hosts=TEST_HOSTS)) as c:
        assert c.get("/api/stats").json()["articles"] == 3
        with Store(copy) as s:
            s.write([(_record("flood-3", "2021-03-07", None, None, ["A levee held."]),
                      {"text_hash": "flood-3", "origin": "test", "extractor_version": "t"})])
        assert c.get("/api/stats").json()["articles"] == 4


def test_an_old_store_gains_the_indexes(tmp_path: Path, db: Path) -> None:
    """Schema 2 -> 3 -> 4 adds the indexes the timeline's, the search's and the event
    groups' lookups use; schema 4's covering ones replace those of schema 3 they extend."""
    from dateline.store import SCHEMA_VERSION
    old = tmp_path / "v2.db"
    shutil.copy(db, old)
    new_indexes = ("entities_canonical_article", "places_name_article", "entities_text",
                   "events_date_keys", "events_type_date_keys", "events_actor_country",
                   "events_target_country")
    with Store(old) as s:
        for name in new_indexes:
            s.db.execute(f"DROP INDEX {name}")
        s.db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        s.db.commit()
    with pytest.raises(StoreError, match="schema 2 needs upgrading"):
        Store(old, readonly=True)
    with Store(old) as s:
        assert s.schema_version() == SCHEMA_VERSION == 4
        names = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert set(new_indexes) <= names
        assert not names & {"entities_canonical", "places_name", "events_date",
                            "events_type_date"}

        def plan(sql: str, *args: str) -> str:
            return " ".join(r[3] for r in s.db.execute("EXPLAIN QUERY PLAN " + sql, args))

        assert "COVERING INDEX entities_canonical_article" in plan(
            "SELECT DISTINCT article FROM entities WHERE canonical = ? COLLATE NOCASE", "x")
        assert "COVERING INDEX places_name_article" in plan(
            "SELECT DISTINCT article FROM places WHERE name = ? COLLATE NOCASE", "x")
        assert "entities_text" in plan(
            "SELECT label FROM entities WHERE text = ?1 COLLATE NOCASE"
            " OR canonical = ?1 COLLATE NOCASE", "x")
        assert "COVERING INDEX events_date_keys" in plan(
            "SELECT DISTINCT date, type FROM events WHERE date >= ? ORDER BY date, type", "x")
        assert "COVERING INDEX events_type_date_keys" in plan(
            "SELECT date, actor_country, target_country, actor_sector, place FROM events"
            " WHERE type = ? AND date >= ?", "x", "y")
        assert s.record("flood-1") is not None
