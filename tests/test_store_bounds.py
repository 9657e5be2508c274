"""The bounds that keep each API request's work independent of the store's size, on
a hand-made store of five short articles about a ferry strike (written for these
tests; records written directly, no NLP), with each bound set small:

- ``a1`` (2022-05-02): "ferry" three times in two short sentences; a PROTEST event.
- ``a2`` (2022-05-03): "ferry" three times in two short sentences; a CONSULT event.
- ``a3`` (2022-05-04): "ferry" three times in two short sentences.
- ``a4`` (2022-05-05): "ferry" once in two long sentences; a REQUEST event.
- ``a5`` (2022-05-06): "ferry" once in two long sentences.

Sentences are stored in that order, two per article, so sentence rowids 1-10 run
a1 s0, a1 s1, a2 s0, ... a5 s1; "ferry" is in all but a4 s0 (rowid 7) and a5 s0 (9).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.analyses.events import event_groups, first_event_groups
from dateline.analyses.timeline import build_timeline, format_json
from dateline.store import Store
from dateline_testing import joined

TEXTS = {
    "a1": ("2022-05-02", ["Ferry crews walked out at Porthaven.",
                          "The ferry strike stopped every ferry."]),
    "a2": ("2022-05-03", ["The ferry union met managers.",
                          "Talks on ferry pay and ferry rotas went on."]),
    "a3": ("2022-05-04", ["A ferry finally sailed.",
                          "Ferry passengers cheered the ferry crew."]),
    "a4": ("2022-05-05", ["Harbour officials counted the cargo waiting on the quay after a "
                          "week of delays and long queues of lorries.",
                          "Traders said the ferry backlog would take days to clear and asked "
                          "the council for storage space near the old customs house."]),
    "a5": ("2022-05-06", ["Shopkeepers on the island reported empty shelves and rising "
                          "prices for fresh food and fuel all week.",
                          "One grocer said the last boat brought only half the usual ferry "
                          "deliveries before the stoppage ended on Friday."]),
}
WORKERS = {"text": "Ferry crews", "country": "GBR", "sector": "LAB"}
EVENTS = {   # article: (sentence, trigger, type, date, target)
    "a1": (0, "walked out", "PROTEST", "2022-05-02", None),
    "a2": (0, "met", "CONSULT", "2022-05-03",
           {"text": "managers", "country": "GBR", "sector": "BUS"}),
    "a4": (1, "asked", "REQUEST", "2022-05-05",
           {"text": "the council", "country": "GBR", "sector": "GOV"}),
}


def _record(aid: str) -> dict:
    published, sentences = TEXTS[aid]
    text, spans = joined(sentences)
    events = []
    if aid in EVENTS:
        i, trigger, kind, date, target = EVENTS[aid]
        start = spans[i]["start"] + sentences[i].index(trigger)
        events.append({"type": kind, "mode": None, "sentence": i, "text": trigger,
                       "start": start, "end": start + len(trigger), "actor": WORKERS,
                       "target": target, "place": None, "date": date, "quad": None,
                       "intensity": 1.0})
    return {"id": aid, "published": published, "title": None, "url": None, "source": None,
            "text": text, "sentences": spans, "dates": [], "entities": [], "places": [],
            "quotes": [], "amounts": [], "events": events, "tone": None}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bounds") / "ferry.db"
    info = {"text_hash": "h", "origin": "test", "extractor_version": "test"}
    with Store(path) as s:
        for aid in TEXTS:   # one by one: the rowids follow the order above
            s.write([(_record(aid), {**info, "text_hash": aid})])
    return path


@pytest.fixture
def store(db: Path):
    with Store(db, readonly=True) as s:
        yield s


def _ids(tl) -> set[str]:
    return {s.article for e in tl.entries for s in e.sentences}


# -- timeline: at most max_articles articles read ---------------------------------------


def test_timeline_reads_the_best_ranked_articles_and_says_so(store: Store) -> None:
    tl = build_timeline(store, "ferry", max_articles=3)
    assert (tl.articles, tl.matching) == (3, 5)
    # three mentions in two short sentences rank above one in two long ones (bm25)
    assert _ids(tl) <= {"a1", "a2", "a3"}
    assert tl.notes[0] == ("5 articles match: only the 3 ranked best for the query "
                           "(FTS5 bm25), then those naming it were read")
    out = format_json(tl)
    assert (out["articles"], out["considered"], out["matching"]) == (3, 3, 5)


def test_timeline_without_a_query_reads_the_latest_published(store: Store) -> None:
    tl = build_timeline(store, max_articles=3)
    assert (tl.articles, tl.matching) == (3, 5)
    assert _ids(tl) <= {"a3", "a4", "a5"}
    assert tl.notes[0] == "5 articles match: only the 3 published last were read"


def test_timeline_under_its_bound_is_unchanged(store: Store) -> None:
    capped = build_timeline(store, "ferry", max_articles=5)
    free = build_timeline(store, "ferry", max_articles=None)
    assert (capped.articles, capped.matching) == (5, 5)
    assert capped == free
    assert not any("match:" in n for n in capped.notes)
    assert format_json(free)["matching"] == 5


# -- search: at most `window` matches ranked --------------------------------------------


def test_search_ranks_within_the_most_recently_stored_matches(store: Store) -> None:
    rows = store.search_sentences("ferry", 20, window=3)
    assert rows.window == 3
    # the 3 matching sentences stored last: a5 s1, a4 s1, a3 s1 (rowids 10, 8, 6)
    assert {(r["id"], r["sentence"]) for r in rows} == {("a5", 1), ("a4", 1), ("a3", 1)}
    assert [r["score"] for r in rows] == sorted(r["score"] for r in rows)


def test_search_under_its_window_ranks_every_match(store: Store) -> None:
    rows = store.search_sentences("ferry", 20, window=8)   # exactly the 8 matches
    assert rows.window is None
    assert len(rows) == 8
    assert rows == store.search_sentences("ferry", 20)
    assert store.search_sentences("ferry", 20, window=7).window == 7


# -- events: at most max_mentions mentions grouped ---------------------------------------


def test_event_page_counts_all_groups_under_its_bound(store: Store) -> None:
    groups, total = first_event_groups(store, 2, max_mentions=3)
    assert total == 3
    assert [(g.date, g.type) for g in groups] == [("2022-05-02", "PROTEST"),
                                                  ("2022-05-03", "CONSULT")]


def test_event_page_over_its_bound_keeps_the_first_groups(store: Store) -> None:
    every = [g.as_dict() for g in event_groups(store)]
    groups, total = first_event_groups(store, 2, max_mentions=2)
    assert total is None   # 3 mentions selected: not counted
    assert [g.as_dict() for g in groups] == every[:2]   # 1 + 1 mentions: both fit
    groups, total = first_event_groups(store, 2, max_mentions=1)
    assert total is None
    assert [g.as_dict() for g in groups] == every[:1]   # the second would pass 1 mention
    groups, total = first_event_groups(store, 5, type="REQUEST", max_mentions=1)
    assert (total, [g.article_ids for g in groups]) == (1, [["a4"]])


# -- over HTTP: each answer says when a bound cut it ----------------------------------


def test_http_answers_say_when_a_bound_cut_them(db: Path) -> None:
    from fastapi.testclient import TestClient

    from dateline.server import create_app

    app = create_app(db, allowed_hosts=("testserver",), timeline_articles=3, event_mentions=1)
    with TestClient(app) as c:
        tl = c.get("/api/timeline", params={"q": "ferry"}).json()
        assert (tl["considered"], tl["matching"]) == (3, 5)
        assert tl["notes"][0].startswith("5 articles match: only the 3 ranked best")
        found = c.get("/api/search", params={"q": "ferry"}).json()
        assert found["window"] is None and "note" not in found and len(found["results"]) == 8
        ev = c.get("/api/events").json()
        assert ev["total"] is None and [g["type"] for g in ev["groups"]] == ["PROTEST"]
        assert ev["note"].startswith("over 1 event mentions selected: the groups are not all")
        assert c.get("/api/events", params={"type": "REQUEST"}).json()["total"] == 1


def test_stats_never_wait_for_a_slow_count(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The count runs in the background; meanwhile the answer holds what the index gives
    at once and says "counting"; health answers from its own quick count."""
    import threading

    from fastapi.testclient import TestClient

    from dateline.api import Dateline
    from dateline.server import create_app

    release = threading.Event()
    real = Dateline.stats

    def slow_stats(self: Dateline, top: int = 10):   # noqa: ANN202 - as Dateline.stats
        release.wait(10)
        return real(self, top)

    monkeypatch.setattr(Dateline, "stats", slow_stats)
    with TestClient(create_app(db, allowed_hosts=("testserver",))) as c:
        first = c.get("/api/stats").json()
        assert first["status"] == "counting"
        assert (first["articles"], first["published"]) == (5, {"first": "2022-05-02",
                                                               "last": "2022-05-06"})
        assert first["sentences"] is None and first["events"] is None
        assert first["top_places"] == {}
        assert c.get("/api/health").json()["articles"] == 5
        release.set()
        for _ in range(100):
            done = c.get("/api/stats").json()
            if done["status"] == "counted":
                break
            threading.Event().wait(0.05)
        assert (done["status"], done["sentences"], done["events"]) == ("counted", 10, 3)


def test_the_window_note_is_one_text_for_the_cli_and_the_api() -> None:
    from dateline.api import SearchHits

    hits = SearchHits()
    assert hits.note() is None
    hits.window = 3
    assert hits.note() == ("the query matches more than 3 sentences: these are the best of "
                           "the 3 most recently stored; narrow it (more words, a date range) "
                           "to rank them all")
