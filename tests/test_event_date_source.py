"""Where an event's date came from (date_source), and how event groups weigh it.

An event dated by a date expression of its own sentence is "text"; one that fell back on
its article's publication day is "published", weaker evidence of the happening's day:
by default such a mention joins only a window starting on its own day. The group
settings (window, publication reach, province join, rule for publication-dated
mentions) are reachable from the settings, the CLI and the API. Sentences written for
these tests.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from dateline.analyses.events import event_groups
from dateline.api import Dateline
from dateline.settings import Settings
from dateline.store import Store
from dateline_testing import events_of, joined, run_cli

INFO = {"text_hash": "h", "origin": "test", "extractor_version": "0"}
NAVY = {"text": "the navy", "country": "GRC", "sector": "MIL"}


# -- the extractor ---------------------------------------------------------------------

def test_a_date_of_the_sentence_is_text_and_none_is_published(nlp) -> None:
    text = ("The navy seized a cargo ship near Crete. "
            "On Monday the Greek navy seized a tanker off Rhodes.")
    monday = text.index("Monday")
    dates = [{"text": "Monday", "start": monday, "end": monday + 6, "sentence": 1,
              "type": "DATE", "value": "2021-03-08"}]
    evs = events_of(nlp, text, dates=dates)
    by_sentence = {ev["sentence"]: ev for ev in evs}
    # sentence 0 names no date: the publication day (EVENTS_PUBLISHED), fallen back on
    assert by_sentence[0]["date"] == "2021-03-10"
    assert by_sentence[0]["date_source"] == "published"
    assert by_sentence[1]["date"] == "2021-03-08"
    assert by_sentence[1]["date_source"] == "text"


def test_a_date_expression_naming_the_publication_day_is_text(nlp) -> None:
    # "today" resolves to the publication day itself: the same value as the fallback,
    # but a date expression said it
    text = "The navy seized a cargo ship near Crete today."
    today = text.index("today")
    dates = [{"text": "today", "start": today, "end": today + 5, "sentence": 0,
              "type": "DATE", "value": "2021-03-10"}]
    [ev] = events_of(nlp, text, dates=dates)
    assert (ev["date"], ev["date_source"]) == ("2021-03-10", "text")


# -- the store ---------------------------------------------------------------------------

def _article(aid: str, published: str, date: str, source: str | None,
             place: str | None = "Crete") -> dict[str, Any]:
    text, spans = joined(["The navy seized a cargo ship."])
    ev = {"type": "COERCE", "mode": "seize", "sentence": 0, "text": "seized", "start": 9,
          "end": 15, "actor": NAVY, "target": None, "place": place, "date": date,
          "quad": "material conflict", "intensity": -5.0}
    if source is not None:
        ev["date_source"] = source
    return {"id": aid, "published": published, "title": None, "url": None,
            "source": f"Wire {aid}", "text": text, "sentences": spans, "dates": [],
            "entities": [], "places": [], "quotes": [], "amounts": [], "events": [ev],
            "tone": None}


def test_an_older_store_gets_the_column_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as s:
        s.write([(_article("a", "2021-03-10", "2021-03-10", "text"), INFO)])
    con = sqlite3.connect(path)   # as a store written before date_source was declared
    con.execute("ALTER TABLE events DROP COLUMN date_source")
    con.commit()
    con.close()
    with Store(path, readonly=True) as s:   # read only: read as it is, without it
        assert "date_source" not in s.record("a")["events"][0]
        assert len(list(event_groups(s))) == 1
    with Store(path) as s:   # for writing: the column is added, NULL for the old row
        assert s.record("a")["events"][0]["date_source"] is None
        s.write([(_article("b", "2021-03-11", "2021-03-10", "text"), INFO)])
        assert s.record("b")["events"][0]["date_source"] == "text"
        [g] = event_groups(s)
        assert g.article_ids == ["a", "b"]


# -- event groups ----------------------------------------------------------------------

def _store(path: Path, records: list[dict[str, Any]]) -> Store:
    s = Store(path)
    s.write([(r, INFO) for r in records])
    return s


def test_a_publication_dated_mention_does_not_stretch_a_window_over_days(tmp_path: Path):
    # a's clause dates the seizure to the 8th; b (published the 9th) dates it only by
    # its publication day; c's own clause says the 9th
    recs = [_article("a", "2021-03-08", "2021-03-08", "text"),
            _article("b", "2021-03-09", "2021-03-09", "published"),
            _article("c", "2021-03-10", "2021-03-09", "text")]
    with _store(tmp_path / "g.db", recs) as s:
        # a publication reach of 0: c (1 day on, dated by its text) joins a's window; b
        # does not
        groups = sorted((g.date, g.article_ids) for g in event_groups(s, publication_days=0))
        assert groups == [("2021-03-08", ["a", "c"]), ("2021-03-09", ["b"])]
        # with the default publication reach of 1 day, b joins too
        [g] = event_groups(s)
        assert g.article_ids == ["a", "b", "c"]
        assert "(1 dated by publication day)" in g.why


def test_text_naming_the_publication_day_has_the_clause_reach(tmp_path: Path) -> None:
    # b's text names its own publication day (the 9th): with date_source it reads as
    # text and joins a's window of the 8th; stored without date_source (an older
    # store) the same row reads as publication-dated and stays apart
    for source, expected in (("text", 1), (None, 2)):
        recs = [_article("a", "2021-03-08", "2021-03-08", "text"),
                _article("b", "2021-03-09", "2021-03-09", source)]
        with _store(tmp_path / f"{source}.db", recs) as s:
            assert len(list(event_groups(s, publication_days=0))) == expected


def test_publication_dated_rules_anchored_and_article(tmp_path: Path) -> None:
    recs = [_article("a", "2021-03-08", "2021-03-08", "text"),
            _article("b", "2021-03-08", "2021-03-08", "published"),
            _article("c", "2021-03-09", "2021-03-09", "published"),
            _article("d", "2021-03-12", "2021-03-12", "published"),
            _article("e", "2021-03-12", "2021-03-12", "published")]
    with _store(tmp_path / "g.db", recs) as s:
        window = sorted(g.article_ids for g in event_groups(s, publication_days=0))
        assert window == [["a", "b"], ["c"], ["d", "e"]]
        # anchored: b and c join the window of a's text date (c: 1 day on, within the
        # publication reach of 1); d and e have no text-dated window: each its own
        anchored = sorted(g.article_ids for g in event_groups(s, published="anchored",
                                                              publication_days=1))
        assert anchored == [["a", "b", "c"], ["d"], ["e"]]
        # article: no publication-dated mention joins another article's
        article = sorted(g.article_ids for g in event_groups(s, published="article"))
        assert article == [["a"], ["b"], ["c"], ["d"], ["e"]]
        ids = [g.id for g in event_groups(s, published="article")]
        assert len(set(ids)) == 5
        with pytest.raises(ValueError, match="published must be one of"):
            list(event_groups(s, published="never"))


def test_province_join_can_be_turned_off(tmp_path: Path) -> None:
    city = {"name": "Chania", "country": "GR", "admin1": "Crete", "kind": "city"}
    area = {"name": "Crete", "country": "GR", "admin1": "Crete", "kind": "admin1"}
    recs = []
    for aid, place in (("a", city), ("b", area)):
        r = _article(aid, "2021-03-08", "2021-03-08", "text", place=place["name"])
        r["places"] = [{"text": place["name"], "start": 0, "end": 1, "sentence": 0,
                        "lat": None, "lon": None, "geonameid": None, "confidence": 0.9,
                        **place}]
        recs.append(r)
    with _store(tmp_path / "g.db", recs) as s:
        assert len(list(event_groups(s))) == 1
        assert len(list(event_groups(s, join_area=False))) == 2


# -- settings, API, CLI -------------------------------------------------------------------

def test_settings_hold_the_group_rules_and_check_them() -> None:
    s = Settings().with_overrides(["event_groups.window_days=0",
                                   "event_groups.join_area=false",
                                   "event_groups.published=article"])
    assert s.event_groups.kwargs() == {"window_days": 0, "publication_days": 1,
                                       "join_area": False, "published": "article"}
    keys = {k for k, _, _ in Settings().items()}
    assert {"event_groups.window_days", "event_groups.publication_days",
            "event_groups.join_area", "event_groups.published"} <= keys
    for bad, says in (("event_groups.window_days=-1", "negative"),
                      ("event_groups.published=often", "not one of"),
                      ("event_groups.join_area=maybe", "not a bool")):
        with pytest.raises(ValueError, match=says):
            Settings().with_overrides([bad])


def _two_day_store(path: Path) -> Path:
    recs = [_article("a", "2021-03-08", "2021-03-08", "text"),
            _article("b", "2021-03-10", "2021-03-09", "text")]
    _store(path, recs).close()
    return path


def test_the_api_groups_with_its_settings(tmp_path: Path) -> None:
    db = _two_day_store(tmp_path / "g.db")
    with Dateline(db, readonly=True) as dl:
        assert len(dl.events()) == 1   # 1-day window: the 8th and the 9th together
    exact = Settings().with_overrides(["event_groups.window_days=0"])
    with Dateline(db, readonly=True, settings=exact) as dl:
        assert len(dl.events()) == 2
        groups, total = dl.event_page(10)
        assert (len(groups), total) == (2, 2)


def test_the_cli_takes_the_group_settings(tmp_path: Path) -> None:
    db = str(_two_day_store(tmp_path / "g.db"))

    def groups(*extra: str) -> list[dict]:
        done = run_cli(*extra, "export", "events", "--format", "groups", "--db", db)
        assert done.returncode == 0, done.stderr
        return [json.loads(line) for line in done.stdout.decode().splitlines()]

    assert len(groups()) == 1
    assert len(groups("--set", "event_groups.window_days=0")) == 2
    toml = tmp_path / "exact.toml"
    toml.write_text("[event_groups]\nwindow_days = 0\n")
    assert len(groups("--config", str(toml))) == 2
    bad = run_cli("export", "events", "--format", "groups", "--db", db,
                  "--set", "event_groups.published=often")
    assert bad.returncode != 0
    assert b"event_groups.published" in bad.stderr


def test_the_http_api_groups_with_the_served_settings(tmp_path: Path, monkeypatch) -> None:
    from fastapi.testclient import TestClient

    from dateline.server import app_from_env, serve_spec

    db = _two_day_store(tmp_path / "g.db")
    exact = Settings().with_overrides(["event_groups.window_days=0"])
    # the worker processes of `dateline serve` rebuild the settings from the spec
    monkeypatch.setenv("DATELINE_SERVE", serve_spec(db, exact, ("testserver",)))
    with TestClient(app_from_env()) as client:
        got = client.get("/api/events")
        assert got.status_code == 200, got.text
        assert got.json()["total"] == 2
    monkeypatch.setenv("DATELINE_SERVE", serve_spec(db, Settings(), ("testserver",)))
    with TestClient(app_from_env()) as client:
        assert client.get("/api/events").json()["total"] == 1
