"""The Python API (dateline.extract, dateline.Dateline) on hand-written articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import dateline
from dateline.store import StoreError

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
    assert [(h["published"], h["text"]) for h in hits] == [
        ("2021-03-08", "Volunteers cleared mud from the school in the valley on Saturday.")]
    record = dl.record(hits[0]["id"])
    assert [(d["text"], d["value"]) for d in record["dates"]] == [("Saturday", "2021-03-06")]


def test_search_words_and_filters(dl):
    hits = dl.search("engineers")
    assert [h["text"] for h in hits] == [
        "Engineers inspected the broken dam wall on Monday after the waters receded."]
    dated = dl.search(start="2021-03-09", end="2021-03-09")
    assert [h["sentence"] for h in dated] == [0, 1]   # the repair article, in order
    with pytest.raises(ValueError, match="needs a query or a filter"):
        dl.search()
    with pytest.raises(ValueError, match="bad search query"):
        dl.search("AND")
    with pytest.raises(ValueError, match="start"):
        dl.search(start="March")


def test_timeline_puts_the_burst_first(dl):
    # both original articles refer to 2021-03-04 (Thursday; "March 4")
    tl = dl.timeline(max_dates=1, sentences_per_date=1)
    assert [e.date for e in tl.entries] == [dt.date(2021, 3, 4)]
    sentence = tl.entries[0].sentences[0]
    record = dl.record(sentence.article)
    assert record["text"][sentence.start:sentence.end] == sentence.text
    with pytest.raises(ValueError, match="after end"):
        dl.timeline(start="2021-03-09", end="2021-03-01")


def test_record_of_an_unknown_id_is_none(dl):
    assert dl.record("no-such-article") is None


def test_stats_and_events_answer(dl):
    stats = dl.stats()
    assert stats["articles"] == 3
    assert all(hasattr(g, "as_dict") for g in dl.events())


def test_a_missing_store_opened_readonly_is_refused(tmp_path: Path):
    with pytest.raises(StoreError, match="no such database"):
        dateline.Dateline(tmp_path / "absent.db", readonly=True)
