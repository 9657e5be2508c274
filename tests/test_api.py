"""The Python API (dateline.extract, dateline.Dateline) on hand-written articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import dateline
from dateline.api import ParamError
from dateline.settings import Settings, TimelineSettings
from dateline.store import QueryError, StoreError

# 2021-03-05 is a Friday: "Thursday" is 2021-03-04.
DAM = ("date 2021-03-05\n\n"
       "The river dam burst on Thursday and flooded the valley villages overnight.\n\n"
       "Rescue teams evacuated four hundred residents from the flooded farms.\n")
# 2021-03-09 is a Tuesday: "Monday" is 2021-03-08.
REPAIR = ("date 2021-03-09\n\n"
          "Engineers inspected the broken dam wall on Monday after the waters receded.\n\n"
          "The dam had burst on March 4 after days of heavy rain in the hills.\n")
UNDATED = "Volunteers cleared mud from the school in the valley on Saturday.\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("api")
    (d / "dam.txt").write_text(DAM, encoding="utf-8")
    (d / "repair.txt").write_text(REPAIR, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def dl(folder: Path, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("api-db") / "flood.db"
    with dateline.Dateline(db) as d:
        summary = d.ingest([folder])
        assert (summary.read, summary.stored, len(summary.rejected)) == (2, 2, 0)
        yield d


def test_extract_resolves_dates_against_the_publication_date():
    record = dateline.extract_record("The river dam burst on Thursday and flooded the villages.",
                              published="2021-03-05", id="dam-1")
    assert record["id"] == "dam-1"
    assert record["published"] == "2021-03-05"
    assert [(d["text"], d["value"]) for d in record["dates"]] == [("Thursday", "2021-03-04")]
    # a date object works as well as an ISO string
    again = dateline.extract_record("The river dam burst on Thursday and flooded the villages.",
                             published=dt.date(2021, 3, 5), id="dam-1")
    assert again == record


def test_extract_refuses_bad_input():
    with pytest.raises(ValueError, match="empty text"):
        dateline.extract_record("   ", published="2021-03-05")
    with pytest.raises(ValueError, match="2021-02-30"):
        dateline.extract_record("The dam burst.", published="2021-02-30")


def test_ingest_again_stores_nothing_new(dl, folder: Path):
    summary = dl.ingest([folder])
    assert (summary.read, summary.stored, summary.duplicates) == (2, 0, 2)


def test_ingest_dates_undated_text_with_published(dl, tmp_path: Path):
    f = tmp_path / "undated.txt"
    f.write_text(UNDATED, encoding="utf-8")
    refused = dl.ingest([f])
    assert refused.stored == 0 and len(refused.rejected) == 1
    assert "no publication date" in refused.rejected[0].reason
    # 2021-03-08 is a Monday: the Saturday before is 2021-03-06
    summary = dl.ingest([f], published="2021-03-08")
    assert summary.stored == 1
    hits = dl.search("Volunteers")
    assert [(h.published, h.text) for h in hits] == [
        ("2021-03-08", "Volunteers cleared mud from the school in the valley on Saturday.")]
    record = dl.record(hits[0].id)
    assert [(d["text"], d["value"]) for d in record["dates"]] == [("Saturday", "2021-03-06")]


def test_search_words_and_filters(dl):
    hits = dl.search("engineers")
    assert [h.text for h in hits] == [
        "Engineers inspected the broken dam wall on Monday after the waters receded."]
    assert list(hits[0].as_dict()) == ["id", "published", "title", "sentence", "start", "end",
                                       "text", "score"]
    dated = dl.search(start="2021-03-09", end="2021-03-09")
    assert [h.sentence for h in dated] == [0, 1]   # the repair article, in order
    assert [h.score for h in dated] == [None, None]
    with pytest.raises(ParamError, match="needs a query or a filter") as none:
        dl.search()
    assert none.value.message({"query": "q"}).startswith("search needs q or a filter")
    with pytest.raises(QueryError, match="bad search query"):
        dl.search("AND")
    assert [h.sentence for h in dl.search(start="2021-03-09", end="2021-03-09", offset=1)] == [1]
    with pytest.raises(ParamError, match="offset must be 0 or more"):
        dl.search("dam", offset=-1)
    with pytest.raises(ValueError, match="start"):
        dl.search(start="March")
    with pytest.raises(ParamError, match="start 2021-03-09 is after end 2021-03-01") as late:
        dl.search("dam", start="2021-03-09", end="2021-03-01")
    assert late.value.message({"start": "--start", "end": "--end"}) == (
        "--start 2021-03-09 is after --end 2021-03-01")


def test_timeline_puts_the_burst_first(dl):
    # both original articles refer to 2021-03-04 (Thursday; "March 4")
    tl = dl.timeline(max_dates=1, sentences_per_date=1)
    assert [e.date for e in tl.entries] == [dt.date(2021, 3, 4)]
    sentence = tl.entries[0].sentences[0]
    record = dl.record(sentence.article)
    assert record["text"][sentence.start:sentence.end] == sentence.text
    with pytest.raises(ValueError, match="after end"):
        dl.timeline(start="2021-03-09", end="2021-03-01")
    assert tl.as_dict()["entries"][0]["date"] == "2021-03-04"


def test_record_of_an_unknown_id_is_none(dl):
    assert dl.record("no-such-article") is None


def test_stats_and_events_answer(dl):
    stats = dl.stats()
    # the folder's two articles, and the undated one when that test ran before (-k)
    assert stats.articles in (2, 3) and stats.counts["dates"] > 0
    assert stats.as_dict() == dl.store.stats()        # the dict `dateline stats --json` prints
    assert list(stats.as_dict())[:5] == ["database", "schema_version", "articles", "published",
                                         "sentences"]
    assert all(hasattr(g, "as_dict") for g in dl.events())


def test_a_missing_store_opened_readonly_is_refused(tmp_path: Path):
    with pytest.raises(StoreError, match="no such database"):
        dateline.Dateline(tmp_path / "absent.db", readonly=True)


def test_export_writes_what_the_command_writes(dl, tmp_path: Path):
    out = tmp_path / "dates.csv"
    n = dl.export("dates", "csv", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) - 1 > 0 and lines[0].startswith("article")
    with pytest.raises(ValueError, match="cannot be exported as 'gdelt'"):
        dl.export("dates", "gdelt")
    with pytest.raises(ParamError, match="after end"):
        dl.export("dates", "csv", out, start="2021-03-09", end="2021-03-01")


def test_extract_many_keeps_input_order_and_accepts_texts_and_mappings():
    items = ["The river dam burst on Thursday and flooded the villages.",
             {"text": "Engineers inspected the dam wall on Monday.", "published": "2021-03-09",
              "id": "repair"}]
    results = list(dateline.extract_many(items, published="2021-03-05", workers=1))
    assert [r.error for r in results] == [None, None]
    assert results[1].record["id"] == "repair"
    assert [(d["text"], d["value"]) for r in results for d in r.record["dates"]] == [
        ("Thursday", "2021-03-04"), ("Monday", "2021-03-08")]
    with pytest.raises(ValueError, match="item 1: .*no publication date"):
        list(dateline.extract_many(["No date here."], workers=1))


def test_settings_reach_the_timeline(dl):
    default = dl.timeline(max_dates=2, sentences_per_date=1)
    with dateline.Dateline(dl.store, settings=Settings(timeline=TimelineSettings(
            pub_weight=0.0, mention_weight=0.0, next_day_weight=0.0))) as flat:
        assert flat.settings.timeline.pub_weight == 0.0
        tl = flat.timeline(max_dates=2, sentences_per_date=1)
    assert [e.score for e in tl.entries] == [0.0] * len(tl.entries)
    assert [e.score for e in default.entries] != [e.score for e in tl.entries]
