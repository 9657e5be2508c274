"""Event groups: mentions of the same event across articles become one event."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dateline.analyses.events import event_groups, group_id
from dateline.store import Store
from dateline_testing import joined

INFO = {"text_hash": "h", "origin": "test", "extractor_version": "0"}


def event(sentence: int, trigger: str, start: int, *, type: str = "ASSAULT",
          date: str = "2018-09-04", actor: dict | None = None, target: dict | None = None,
          place: str | None = "Idlib", mode: str | None = "aerial",
          quad: str = "material conflict", intensity: float = -9.5) -> dict[str, Any]:
    """One event item as the extractor writes it."""
    return {"type": type, "mode": mode, "sentence": sentence, "text": trigger, "start": start,
            "end": start + len(trigger), "actor": actor, "target": target, "place": place,
            "date": date, "quad": quad, "intensity": intensity}


RUS_JETS = {"text": "Russian jets", "country": "RUS", "sector": "MIL"}


def article(aid: str, published: str, sentences: list[str], events: list[dict], *,
            source: str | None = None, url: str | None = None,
            tone: float | None = None) -> dict[str, Any]:
    """A record whose text is ``sentences`` joined by single spaces."""
    text, spans = joined(sentences)
    return {"id": aid, "published": published, "title": None, "url": url, "source": source,
            "text": text, "sentences": spans, "dates": [], "entities": [], "places": [],
            "quotes": [], "amounts": [], "events": events, "tone": tone}


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "g.db") as s:
        yield s


def test_two_articles_reporting_one_strike_make_one_group(store):
    a = article("a", "2018-09-04", ["Russian jets struck Idlib on Tuesday."],
                [event(0, "struck", 13, actor=RUS_JETS)], source="Wire One",
                url="https://one.example/a", tone=-4.0)
    b = article("b", "2018-09-05", ["Monitors said Russian jets bombed Idlib on Tuesday."],
                [event(0, "bombed", 27, actor=RUS_JETS, intensity=-8.5)], source="Wire Two",
                url="https://two.example/b", tone=-2.0)
    store.write([(b, INFO), (a, INFO)])   # ingest order differs from publication order
    [g] = list(event_groups(store))
    assert (g.num_mentions, g.num_articles, g.num_sources) == (2, 2, 2)
    assert g.article_ids == ["a", "b"]             # publication order
    assert g.sources == ["Wire One", "Wire Two"]
    assert g.urls == ["https://one.example/a", "https://two.example/b"]
    assert g.mentions == [("a", 0), ("b", 0)]
    assert g.example == "Russian jets struck Idlib on Tuesday."   # the earliest article's
    assert (g.example_article, g.example_sentence) == ("a", 0)
    assert g.intensity == pytest.approx(-9.0)      # (-9.5 + -8.5) / 2
    assert g.tone == pytest.approx(-3.0)           # (-4 + -2) / 2
    assert (g.date, g.type, g.quad, g.actor_country, g.actor_sector, g.place) == (
        "2018-09-04", "ASSAULT", "material conflict", "RUS", "MIL", "Idlib")
    assert g.actor_text == "Russian jets" and g.mode == "aerial"
    assert g.first_published == "2018-09-04"
    assert g.id == group_id("2018-09-04", "ASSAULT", "RUS", "MIL", None, "Idlib")


def test_different_dates_or_types_are_different_events(store):
    a = article("a", "2018-09-04", ["Russian jets struck Idlib.", "Russia warned Turkey."], [
        event(0, "struck", 13, actor=RUS_JETS),
        event(1, "warned", 7, type="THREATEN", mode=None, quad="verbal conflict",
              intensity=-6.0, actor=RUS_JETS)])
    # b's own clause dates its strike two days after a's: beyond the one-day window
    b = article("b", "2018-09-07", ["Russian jets struck Idlib again on Thursday."],
                [event(0, "struck", 13, actor=RUS_JETS, date="2018-09-06")])
    store.write([(a, INFO), (b, INFO)])
    groups = list(event_groups(store))
    assert [(g.date, g.type, g.num_mentions) for g in groups] == [
        ("2018-09-04", "ASSAULT", 1), ("2018-09-04", "THREATEN", 1), ("2018-09-06", "ASSAULT", 1)]


def test_other_target_country_or_place_splits_the_event(store):
    a = article("a", "2018-09-04", ["Russian jets struck Idlib.", "Russian jets struck Hama."], [
        event(0, "struck", 13, actor=RUS_JETS, target={"text": "rebels", "country": "SYR",
                                                        "sector": "REB"}),
        event(1, "struck", 13, actor=RUS_JETS, place="Hama")])
    b = article("b", "2018-09-04", ["Russian jets struck Idlib."],
                [event(0, "struck", 13, actor=RUS_JETS)])
    store.write([(a, INFO), (b, INFO)])
    keys = sorted((g.target_country or "", g.place, g.article_ids[0], g.num_mentions)
                  for g in event_groups(store))
    # a#0 has a target country, b#0 has none: different events; a#1 is in Hama.
    assert keys == [("", "Hama", "a", 1), ("", "Idlib", "b", 1), ("SYR", "Idlib", "a", 1)]


def test_unknown_sector_or_place_joins_the_known_one(store):
    rus = {"text": "Russia", "country": "RUS", "sector": None}
    a = article("a", "2018-09-04", ["Russian jets struck Idlib."], [event(0, "struck", 13,
                                                                           actor=RUS_JETS)])
    b = article("b", "2018-09-04", ["Russia struck in Syria."],
                [event(0, "struck", 7, actor=rus, place=None)])
    store.write([(a, INFO), (b, INFO)])
    [g] = list(event_groups(store))
    assert (g.actor_sector, g.place, g.num_articles) == ("MIL", "Idlib", 2)


def test_two_known_sectors_stay_apart_and_unknown_joins_the_larger(store):
    gov = {"text": "the Kremlin", "country": "RUS", "sector": "GOV"}
    rus = {"text": "Moscow", "country": "RUS", "sector": None}
    arts = [article("a", "2018-09-04", ["Russian jets struck Idlib."],
                    [event(0, "struck", 13, actor=RUS_JETS)]),
            article("b", "2018-09-04", ["Russian jets struck Idlib."],
                    [event(0, "struck", 13, actor=RUS_JETS)]),
            article("c", "2018-09-04", ["The Kremlin struck Idlib."],
                    [event(0, "struck", 12, actor=gov)]),
            article("d", "2018-09-04", ["Moscow struck Idlib."],
                    [event(0, "struck", 7, actor=rus)])]
    store.write([(r, INFO) for r in arts])
    got = {g.actor_sector: g.article_ids for g in event_groups(store)}
    assert got == {"MIL": ["a", "b", "d"], "GOV": ["c"]}   # MIL has 2 mentions, GOV 1


def test_articles_without_source_count_as_their_own_sources(store):
    arts = [article(i, "2018-09-04", ["Russian jets struck Idlib."],
                    [event(0, "struck", 13, actor=RUS_JETS)], source=src)
            for i, src in (("a", "Wire"), ("b", "Wire"), ("c", None), ("d", None))]
    store.write([(r, INFO) for r in arts])
    [g] = list(event_groups(store))
    assert (g.num_articles, g.num_sources, g.sources) == (4, 3, ["Wire"])


def test_two_events_in_one_sentence_are_two_mentions_one_sentence(store):
    a = article("a", "2018-09-04", ["Russian jets struck and bombed Idlib."], [
        event(0, "struck", 13, actor=RUS_JETS), event(0, "bombed", 24, actor=RUS_JETS)])
    store.write([(a, INFO)])
    [g] = list(event_groups(store))
    assert (g.num_mentions, g.num_articles, g.mentions) == (2, 1, [("a", 0)])


def test_filters_by_event_date_type_and_country(store):
    a = article("a", "2018-09-10", ["Russian jets struck Idlib.", "Turkey warned Russia."], [
        event(0, "struck", 13, actor=RUS_JETS, date="2018-09-04"),
        event(1, "warned", 7, type="THREATEN", mode=None, quad="verbal conflict",
              intensity=-6.0, actor={"text": "Turkey", "country": "TUR", "sector": None},
              target={"text": "Russia", "country": "RUS", "sector": None}, date="2018-09-10")])
    store.write([(a, INFO)])
    assert [g.type for g in event_groups(store, start="2018-09-05")] == ["THREATEN"]
    assert [g.type for g in event_groups(store, end="2018-09-09")] == ["ASSAULT"]
    assert [g.type for g in event_groups(store, type="threaten")] == ["THREATEN"]
    assert [g.type for g in event_groups(store, country="tur")] == ["THREATEN"]
    assert [g.type for g in event_groups(store, country="RUS")] == ["ASSAULT", "THREATEN"]
    assert list(event_groups(store, start="2018-10-01")) == []


def test_ids_are_stable_across_stores(tmp_path):
    recs = [article("a", "2018-09-04", ["Russian jets struck Idlib."],
                    [event(0, "struck", 13, actor=RUS_JETS)]),
            article("b", "2018-09-05", ["Turkey warned Russia."],
                    [event(0, "warned", 7, type="THREATEN", mode=None, quad="verbal conflict",
                           intensity=-6.0, date="2018-09-05",
                           actor={"text": "Turkey", "country": "TUR", "sector": "GOV"})])]
    with Store(tmp_path / "one.db") as s1, Store(tmp_path / "two.db") as s2:
        s1.write([(r, INFO) for r in recs])
        s2.write([(r, INFO) for r in reversed(recs)])
        assert [g.id for g in event_groups(s1)] == [g.id for g in event_groups(s2)]
        assert len({g.id for g in event_groups(s1)}) == 2


def _retold(aid: str, published: str, date: str, place: str | None = "Idlib",
            mode: str | None = "aerial") -> dict[str, Any]:
    return article(aid, published, ["Russian jets struck Idlib."],
                   [event(0, "struck", 13, actor=RUS_JETS, date=date, place=place,
                          mode=mode)], source=f"Wire {aid}")


def test_a_story_retold_on_later_days_is_one_group_within_the_window(tmp_path):
    # (with a publication reach of 3 days) a dates the strike on 4 Sept by its clause; b
    # and c retell it dated only by their publication days (7 Sept: 3 days on, within the
    # publication window; 8 Sept: 4
    # days, beyond it); d's own clause says 5 Sept (1 day: within the clause window);
    # e's clause says 6 Sept (2 days: beyond it).
    arts = [_retold("a", "2018-09-05", "2018-09-04"), _retold("b", "2018-09-07", "2018-09-07"),
            _retold("c", "2018-09-08", "2018-09-08"), _retold("d", "2018-09-06", "2018-09-05"),
            _retold("e", "2018-09-09", "2018-09-06")]
    seen = []
    for name, order in (("one", arts), ("two", arts[::-1])):
        with Store(tmp_path / f"{name}.db") as s:
            s.write([(r, INFO) for r in order])
            seen.append([(g.id, g.date, g.last_date, g.article_ids, g.why)
                         for g in event_groups(s, publication_days=3)])
    assert seen[0] == seen[1]   # the same groups whatever the order written
    first, *rest = seen[0]
    assert first[1:4] == ("2018-09-04", "2018-09-07", ["a", "d", "b"])
    assert first[0] == group_id("2018-09-04", "ASSAULT", "RUS", "MIL", None, "Idlib")
    assert first[4] == ("3 mentions share type ASSAULT, actor country RUS, target country "
                        "none; dates 2018-09-04 to 2018-09-07 (1 dated by publication day); "
                        "actor sector MIL (all); place Idlib (all)")
    # e (6 Sept) anchors the next window, and c (8 Sept, publication day) joins it;
    # articles in publication order: c (8 Sept) before e (9 Sept)
    assert [r[1:4] for r in rest] == [("2018-09-06", "2018-09-08", ["c", "e"])]


def test_window_settings_of_zero_group_by_the_exact_date(store):
    store.write([(_retold("a", "2018-09-05", "2018-09-04"), INFO),
                 (_retold("b", "2018-09-07", "2018-09-07"), INFO)])
    assert len(list(event_groups(store, window_days=0, publication_days=0))) == 2
    assert len(list(event_groups(store, publication_days=3))) == 1
    # the default publication reach is 0 days: a retelling 3 days on is a group of its own
    assert len(list(event_groups(store))) == 2
    with pytest.raises(ValueError):
        list(event_groups(store, window_days=-1))


def test_what_would_happen_never_joins_what_happened(store):
    store.write([(_retold("a", "2018-09-04", "2018-09-04"), INFO),
                 (_retold("b", "2018-09-05", "2018-09-05", mode="hypothetical"), INFO)])
    groups = list(event_groups(store))
    assert sorted(g.mode for g in groups) == ["aerial", "hypothetical"]
    assert len({g.id for g in groups}) == 2


def test_a_place_and_its_province_are_one_place(store):
    # the gazetteer puts the city Idlib in the province Idlib Governorate (admin1 Idlib)
    city = {"name": "Idlib", "country": "SY", "admin1": "Idlib", "kind": "city"}
    province = {"name": "Idlib Governorate", "country": "SY", "admin1": "Idlib",
                "kind": "admin1"}
    other = {"name": "Hama", "country": "SY", "admin1": "Hama", "kind": "city"}
    recs = []
    for aid, place in (("a", city), ("b", city), ("c", province), ("d", other)):
        r = _retold(aid, "2018-09-04", "2018-09-04", place=place["name"])
        r["places"] = [{"text": place["name"], "start": 0, "end": 1, "sentence": 0,
                        "lat": None, "lon": None, "geonameid": None, "confidence": 0.9,
                        **place}]
        recs.append((r, INFO))
    store.write(recs)
    groups = {g.place: g for g in event_groups(store)}
    assert sorted(groups) == ["Hama", "Idlib"]   # Hama is another place
    assert groups["Idlib"].article_ids == ["a", "b", "c"]
    assert groups["Idlib"].why.endswith("place Idlib (all named it, 1 its area or a place in it)")


def test_mentions_of_no_actor_country_or_private_people_group_within_their_article(store):
    people = {"text": "Residents", "country": "SYR", "sector": "CVL"}
    arts = [article(aid, "2018-09-04", ["Two people were killed in Idlib.",
                                        "Residents fled the town.", "Russian jets struck Idlib."],
                    [event(0, "killed", 11, actor=None),
                     event(1, "fled", 10, type="RETREAT", actor=people, mode=None),
                     event(2, "struck", 13, actor=RUS_JETS)], source=f"Wire {aid}")
            for aid in ("a", "b")]
    store.write([(r, INFO) for r in arts])
    groups = {(g.type, g.actor_country): g.article_ids for g in event_groups(store)}
    # the jets' strike, told by both wires, is one happening
    assert sorted(groups[("ASSAULT", "RUS")]) == ["a", "b"]
    by_type = Counter((g.type, g.actor_country) for g in event_groups(store))
    # an unattributed killing and residents fleeing stay one group per article
    assert by_type[("ASSAULT", None)] == 2 and by_type[("RETREAT", "SYR")] == 2
