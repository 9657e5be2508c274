"""Exports: event mentions as CSV/JSONL/Parquet, event groups as GDELT and ACLED rows,
other tables as CSV; and the `dateline export` command."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.analyses.events import event_groups
from dateline.export import ACLED_COLUMNS, GDELT_COLUMNS, ExportError, export
from dateline.store import Store
from dateline_testing import joined, run_cli

INFO = {"text_hash": "h", "origin": "test", "extractor_version": "0"}
JETS = {"text": "Russian jets", "country": "RUS", "sector": "MIL"}
IDLIB = {"name": "Idlib", "country": "SY", "admin1": "Idlib", "lat": 35.93, "lon": 36.63,
         "geonameid": 169389, "kind": "city", "confidence": 0.9}
ISTANBUL = {"name": "Istanbul", "country": "TR", "admin1": "Istanbul", "lat": 41.01,
            "lon": 28.95, "geonameid": 745044, "kind": "city", "confidence": 0.9}


def _record(aid: str, published: str, sentences: list[str], *, source: str, url: str,
            tone: float, **items: list[dict[str, Any]]) -> dict[str, Any]:
    text, spans = joined(sentences)
    rec = {"id": aid, "published": published, "title": None, "url": url, "source": source,
           "text": text, "sentences": spans, "dates": [], "entities": [], "places": [],
           "quotes": [], "amounts": [], "events": [], "tone": tone}
    rec.update(items)
    return rec


def _at(text: str, word: str, sentence: int, offset: int = 0) -> dict[str, Any]:
    start = text.index(word, offset)
    return {"text": word, "start": start, "end": start + len(word), "sentence": sentence}


def _strike(rec_text: str, trigger: str, sentence: int, offset: int) -> dict[str, Any]:
    span = _at(rec_text, trigger, sentence, offset)
    return {"type": "ASSAULT", "mode": "aerial", "sentence": sentence, "text": trigger,
            "start": span["start"], "end": span["end"], "actor": JETS, "target": None,
            "place": "Idlib", "date": "2018-09-04", "quad": "material conflict",
            "intensity": -9.5}


A_SENTS = ["Russian jets struck Idlib on Tuesday, killing 12 civilians.",
           "Turkey and Russia held talks in Ankara."]
B_SENTS = ["Monitors said Russian jets bombed Idlib on Tuesday and killed 15 people.",
           "Protesters rallied in Istanbul."]


def _records() -> list[dict[str, Any]]:
    a_text, b_text = " ".join(A_SENTS), " ".join(B_SENTS)
    b1 = len(B_SENTS[0]) + 1
    a = _record(
        "a", "2018-09-04", A_SENTS, source="Wire One", url="https://one.example/a", tone=-4.0,
        dates=[{**_at(a_text, "Tuesday", 0), "type": "DATE", "value": "2018-09-04"}],
        places=[{**_at(a_text, "Idlib", 0), **IDLIB}],
        amounts=[{**_at(a_text, "12 civilians", 0), "value": 12, "unit": "civilians",
                  "qualifier": None, "kind": "killed"}],
        events=[_strike(a_text, "struck", 0, 0),
                {"type": "CONSULT", "mode": None, "sentence": 1, "text": "talks",
                 **{k: v for k, v in _at(a_text, "talks", 1).items() if k in ("start", "end")},
                 "actor": {"text": "Turkey", "country": "TUR", "sector": None},
                 "target": {"text": "Russia", "country": "RUS", "sector": None},
                 "place": None, "date": "2018-09-04", "quad": "verbal cooperation",
                 "intensity": 1.0}])
    b = _record(
        "b", "2018-09-05", B_SENTS, source="Wire Two", url="https://two.example/b", tone=-2.0,
        dates=[{**_at(b_text, "Tuesday", 0), "type": "DATE", "value": "2018-09-04"}],
        places=[{**_at(b_text, "Idlib", 0), **IDLIB}, {**_at(b_text, "Istanbul", 1), **ISTANBUL}],
        amounts=[{**_at(b_text, "15 people", 0), "value": 15, "unit": "people",
                  "qualifier": None, "kind": "killed"}],
        events=[_strike(b_text, "bombed", 0, 0),
                {"type": "PROTEST", "mode": "demo", "sentence": 1, "text": "rallied",
                 "start": b_text.index("rallied"), "end": b_text.index("rallied") + 7,
                 "actor": {"text": "Protesters", "country": "TUR", "sector": "CVL"},
                 "target": None, "place": "Istanbul", "date": "2018-09-05",
                 "quad": "material conflict", "intensity": -6.5}])
    assert b["events"][1]["start"] > b1
    return [a, b]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    with Store(path) as s:
        s.write([(r, INFO) for r in _records()])
    return path


@pytest.fixture
def store(db: Path):
    with Store(db, readonly=True) as s:
        yield s


def _text(store: Store, kind: str, fmt: str, **kw: Any) -> str:
    buf = io.StringIO()
    export(store, kind, fmt, stream=buf, **kw)
    return buf.getvalue()


def test_events_csv_has_one_row_per_mention_with_every_field(store):
    rows = list(csv.DictReader(io.StringIO(_text(store, "events", "csv"))))
    assert list(rows[0]) == [
        "article_id", "published", "sentence", "sentence_text", "type", "mode", "text", "start",
        "end", "actor_text", "actor_country", "actor_sector", "target_text", "target_country",
        "target_sector", "place", "date", "date_source", "quad", "intensity", "extra"]
    assert [(r["article_id"], r["sentence"], r["type"]) for r in rows] == [
        ("a", "0", "ASSAULT"), ("a", "1", "CONSULT"), ("b", "0", "ASSAULT"), ("b", "1", "PROTEST")]
    assert rows[0] == {
        "article_id": "a", "published": "2018-09-04", "sentence": "0",
        "sentence_text": "Russian jets struck Idlib on Tuesday, killing 12 civilians.",
        "type": "ASSAULT", "mode": "aerial", "text": "struck", "start": "13", "end": "19",
        "actor_text": "Russian jets", "actor_country": "RUS", "actor_sector": "MIL",
        "target_text": "", "target_country": "", "target_sector": "", "place": "Idlib",
        "date": "2018-09-04", "date_source": "", "quad": "material conflict", "intensity": "-9.5",
        "extra": ""}


def test_events_are_selected_by_their_own_date(store):
    rows = list(csv.DictReader(io.StringIO(_text(store, "events", "csv", start="2018-09-05"))))
    # b#0 was published on the 5th but reports the strike of the 4th.
    assert [(r["article_id"], r["type"]) for r in rows] == [("b", "PROTEST")]


def test_events_jsonl_keeps_numbers_as_numbers(store):
    first = json.loads(_text(store, "events", "jsonl").splitlines()[0])
    assert (first["sentence"], first["start"], first["intensity"]) == (0, 13, -9.5)
    assert first["target_text"] is None


def test_parquet_round_trip_or_clear_error(store, tmp_path):
    out = tmp_path / "e.parquet"
    try:
        import pyarrow.parquet as pq
    except ImportError:
        with pytest.raises(ExportError, match=r"pip install 'dateline\[parquet\]'"):
            export(store, "events", "parquet", out)
        return
    assert export(store, "events", "parquet", out) == 4
    table = pq.read_table(out)
    expected = [json.loads(line) for line in _text(store, "events", "jsonl").splitlines()]
    assert table.to_pylist() == expected
    assert str(table.schema.field("start").type) == "int64"
    assert str(table.schema.field("intensity").type) == "double"


def test_parquet_without_pyarrow_names_the_extra(store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)   # makes `import pyarrow` fail
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ExportError, match=r"pip install 'dateline\[parquet\]'"):
        export(store, "events", "parquet", tmp_path / "e.parquet")
    assert not (tmp_path / "e.parquet").exists()


def test_gdelt_row_of_a_strike_reported_twice(store):
    lines = _text(store, "events", "gdelt").splitlines()
    header = lines[0].split("\t")
    assert header == list(GDELT_COLUMNS) and len(header) == 61
    assert header[:5] == ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    assert header[-2:] == ["DATEADDED", "SOURCEURL"]
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert all(len(line.split("\t")) == 61 for line in lines[1:])
    assert [r["EventCode"] for r in rows] == ["ASSAULT", "CONSULT", "PROTEST"]
    strike = rows[0]
    group = next(g for g in event_groups(store) if g.type == "ASSAULT")
    expected = {
        "GlobalEventID": str(int(group.id[:13], 16)),
        "Day": "20180904", "MonthYear": "201809", "Year": "2018",
        "FractionDate": "2018.6767",            # 4 September is day 247: 247 / 365
        "Actor1Code": "RUSMIL", "Actor1Name": "Russian jets", "Actor1CountryCode": "RUS",
        "Actor1Type1Code": "MIL", "Actor2Code": "", "Actor2CountryCode": "",
        "IsRootEvent": "1", "EventBaseCode": "ASSAULT", "EventRootCode": "ASSAULT",
        "QuadClass": "4", "GoldsteinScale": "-9.5",
        "NumMentions": "2", "NumSources": "2", "NumArticles": "2", "AvgTone": "-3.0",
        "ActionGeo_Type": "4", "ActionGeo_FullName": "Idlib, Idlib, Syria",
        "ActionGeo_CountryCode": "SY", "ActionGeo_Lat": "35.93", "ActionGeo_Long": "36.63",
        "ActionGeo_FeatureID": "169389", "Actor1Geo_Type": "",
        "SOURCEURL": "https://one.example/a",
    }
    assert {k: strike[k] for k in expected} == expected
    assert len(strike["DATEADDED"]) == 14 and strike["DATEADDED"].isdigit()
    protest = rows[2]
    # Turkey is TU in FIPS 10-4 (GDELT's country codes), TR in ISO 3166.
    assert (protest["ActionGeo_CountryCode"], protest["ActionGeo_FullName"]) == (
        "TU", "Istanbul, Istanbul, Turkey")
    assert (protest["IsRootEvent"], protest["QuadClass"], protest["Day"]) == ("0", "4", "20180905")
    consult = rows[1]
    assert (consult["QuadClass"], consult["Actor2Name"], consult["ActionGeo_Type"]) == (
        "1", "Russia", "")


def test_gdelt_without_header_is_data_only(store):
    lines = _text(store, "events", "gdelt", header=False).splitlines()
    assert len(lines) == 3 and lines[0].split("\t")[1] == "20180904"


def test_acled_rows_for_conflict_types_only(store):
    rows = list(csv.DictReader(io.StringIO(_text(store, "events", "acled"))))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert [r["event_type"] for r in rows] == ["Explosions/Remote violence", "Protests"]
    strike, protest = rows
    expected = {
        "event_date": "2018-09-04", "year": "2018", "time_precision": "1",
        "disorder_type": "Political violence", "sub_event_type": "Air/drone strike",
        "actor1": "Russian jets", "inter1": "1", "actor2": "", "inter2": "",
        "interaction": "10", "civilian_targeting": "", "iso": "760", "country": "Syria",
        "admin1": "Idlib", "location": "Idlib", "latitude": "35.93", "longitude": "36.63",
        "geo_precision": "1", "source": "Wire One; Wire Two",
        "notes": "Russian jets struck Idlib on Tuesday, killing 12 civilians.",
        "fatalities": "12",       # 12 and 15 reported: the lower figure
    }
    assert {k: strike[k] for k in expected} == expected
    assert strike["event_id_cnty"].startswith("SYR") and strike["event_id_cnty"][3:].isdigit()
    assert {k: protest[k] for k in ("disorder_type", "sub_event_type", "actor1", "inter1",
                                    "interaction", "country", "iso", "time_precision",
                                    "fatalities", "source")} == {
        "disorder_type": "Demonstrations", "sub_event_type": "Peaceful protest",
        "actor1": "Protesters", "inter1": "6", "interaction": "60", "country": "Turkey",
        "iso": "792", "time_precision": "2", "fatalities": "0", "source": "Wire Two"}
    assert protest["event_id_cnty"].startswith("TUR")


def test_acled_maps_civilian_targets_and_shelling(tmp_path):
    text = "Rebels shelled Aleppo. Gunmen attacked villagers."
    rec = _record("c", "2018-09-06", ["Rebels shelled Aleppo.", "Gunmen attacked villagers."],
                  source="Wire", url="https://w.example/c", tone=0.0, events=[
                      {"type": "ASSAULT", "mode": "heavy-weapons", "sentence": 0,
                       "text": "shelled", "start": 7, "end": 14,
                       "actor": {"text": "Rebels", "country": "SYR", "sector": "REB"},
                       "target": None, "place": None, "date": "2018-09-06",
                       "quad": "material conflict", "intensity": -9.5},
                      {"type": "ASSAULT", "mode": None, "sentence": 1, "text": "attacked",
                       "start": text.index("attacked"), "end": text.index("attacked") + 8,
                       "actor": {"text": "Gunmen", "country": None, "sector": None},
                       "target": {"text": "villagers", "country": "SYR", "sector": "CVL"},
                       "place": None, "date": "2018-09-06", "quad": "material conflict",
                       "intensity": -9.5}])
    with Store(tmp_path / "c.db") as s:
        s.write([(rec, INFO)])
        rows = list(csv.DictReader(io.StringIO(_text(s, "events", "acled"))))
    got = sorted((r["actor1"], r["event_type"], r["sub_event_type"], r["inter1"], r["inter2"],
                  r["interaction"], r["civilian_targeting"]) for r in rows)
    assert got == [
        ("Gunmen", "Violence against civilians", "Attack", "", "7", "70", "Civilian targeting"),
        ("Rebels", "Explosions/Remote violence", "Shelling/artillery/missile attack", "2", "",
         "20", ""),
    ]


def test_groups_jsonl(store):
    groups = [json.loads(line) for line in _text(store, "events", "groups").splitlines()]
    assert [(g["type"], g["num_mentions"], g["num_sources"]) for g in groups] == [
        ("ASSAULT", 2, 2), ("CONSULT", 1, 1), ("PROTEST", 1, 1)]
    assert groups[0]["mentions"] == [["a", 0], ["b", 0]]


def test_other_tables_as_csv(store):
    places = list(csv.DictReader(io.StringIO(_text(store, "places", "csv", start="2018-09-05"))))
    assert [(p["article_id"], p["name"], p["country"], p["sentence"]) for p in places] == [
        ("b", "Idlib", "SY", "0"), ("b", "Istanbul", "TR", "1")]
    arts = list(csv.DictReader(io.StringIO(_text(store, "articles", "csv"))))
    assert [(a["id"], a["source"], a["tone"]) for a in arts] == [
        ("a", "Wire One", "-4.0"), ("b", "Wire Two", "-2.0")]
    assert arts[1]["text"] == " ".join(B_SENTS)
    amounts = [json.loads(x) for x in _text(store, "amounts", "jsonl").splitlines()]
    assert [(x["value"], json.loads(x["extra"])["kind"]) for x in amounts] == [
        (12, "killed"), (15, "killed")]


def test_unknown_format_for_kind_is_refused(store):
    with pytest.raises(ExportError, match="articles cannot be exported as 'gdelt'"):
        export(store, "articles", "gdelt", stream=io.StringIO())
    with pytest.raises(ExportError, match="--out FILE"):
        export(store, "events", "parquet")


def test_cli_export_to_file_and_stdout(db, tmp_path):
    out = tmp_path / "events.tsv"
    p = run_cli("export", "events", "--format", "gdelt", "--db", str(db), "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert p.stdout == b""
    assert b"wrote 3 row(s)" in p.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("GlobalEventID\tDay\t") and len(lines) == 4
    p = run_cli("export", "events", "--format", "acled", "--no-header", "--start", "2018-09-05",
                "--db", str(db))
    assert p.returncode == 0, p.stderr
    [row] = list(csv.reader(io.StringIO(p.stdout.decode("utf-8"))))
    assert (row[1], row[5]) == ("2018-09-05", "Protests")


def test_cli_export_errors(db, tmp_path):
    p = run_cli("export", "articles", "--format", "acled", "--db", str(db))
    assert p.returncode == 2
    assert b"articles cannot be exported as 'acled'" in p.stderr
    p = run_cli("export", "events", "--format", "parquet", "--db", str(db))
    assert p.returncode == 2 and b"--out FILE" in p.stderr
    p = run_cli("export", "events", "--db", str(tmp_path / "missing.db"))
    assert p.returncode == 2 and b"no such database" in p.stderr
    p = run_cli("export", "events", "--start", "2018-09-05", "--end", "2018-09-01",
                "--db", str(db))
    assert p.returncode == 2 and b"is after --end" in p.stderr


def test_gdelt_and_acled_carry_only_events_that_happened(tmp_path):
    # "would amount to a massacre": an ASSAULT with mode hypothetical is a mention in
    # the events table, never a GDELT or ACLED row.
    sents = ["Monitors said an assault on Idlib would amount to a massacre.",
             "Russian jets struck Idlib on Tuesday."]
    text = " ".join(sents)
    hypo = dict(_strike(text, "assault", 0, 0), mode="hypothetical", date="2018-09-03")
    rec = _record("h", "2018-09-04", sents, source="Wire One", url="https://one.example/h",
                  tone=-3.0, places=[{**_at(text, "Idlib", 0), **IDLIB}],
                  events=[hypo, _strike(text, "struck", 1, len(sents[0]))])
    path = tmp_path / "h.db"
    with Store(path) as s:
        s.write([(rec, INFO)])
    with Store(path, readonly=True) as s:
        mentions = list(csv.DictReader(io.StringIO(_text(s, "events", "csv"))))
        gdelt = [line.split("\t") for line in _text(s, "events", "gdelt", header=False).splitlines()]
        acled = list(csv.DictReader(io.StringIO(_text(s, "events", "acled"))))
    assert sorted(m["mode"] for m in mentions) == ["aerial", "hypothetical"]
    assert [row[GDELT_COLUMNS.index("Day")] for row in gdelt] == ["20180904"]
    assert [r["event_date"] for r in acled] == ["2018-09-04"]


def test_events_dated_to_a_month_or_a_year_export_at_that_precision(tmp_path):
    # An event dated "in August" keeps the month, one dated "in 1986" the year:
    # GDELT leaves Day (and MonthYear) empty, ACLED puts a month on its 15th with
    # time precision 3 and leaves a year alone out; date filters use the period.
    sents = ["Russian jets struck Idlib on Tuesday.",
             "Russian jets had struck Idlib in August.",
             "Russian jets first struck Idlib in 1986."]
    text = " ".join(sents)
    offsets = [0, len(sents[0]) + 1, len(sents[0]) + len(sents[1]) + 2]
    events = [dict(_strike(text, "struck", k, offsets[k]), date=date)
              for k, date in enumerate(["2018-09-04", "2018-08", "1986"])]
    rec = _record("m", "2018-09-05", sents, source="Wire One", url="https://one.example/m",
                  tone=-3.0, places=[{**_at(text, "Idlib", k, offsets[k]), **IDLIB} for k in range(3)],
                  events=events)
    path = tmp_path / "m.db"
    with Store(path) as s:
        s.write([(rec, INFO)])
    with Store(path, readonly=True) as s:
        mentions = list(csv.DictReader(io.StringIO(_text(s, "events", "csv"))))
        gdelt = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
                 for line in _text(s, "events", "gdelt", header=False).splitlines()]
        acled = list(csv.DictReader(io.StringIO(_text(s, "events", "acled"))))
        from_aug_20 = list(csv.DictReader(io.StringIO(_text(s, "events", "csv", start="2018-08-20"))))
        upto_july = list(csv.DictReader(io.StringIO(_text(s, "events", "csv", end="2018-07-31"))))
        groups = [g.date for g in event_groups(s, start="1986-06-01", end="1986-06-30")]
    assert sorted(m["date"] for m in mentions) == ["1986", "2018-08", "2018-09-04"]
    got = sorted((r["Day"], r["MonthYear"], r["Year"], r["FractionDate"]) for r in gdelt)
    assert got == [("", "", "1986", ""), ("", "201808", "2018", ""),
                   ("20180904", "201809", "2018", "2018.6767")]
    assert sorted((r["event_date"], r["time_precision"]) for r in acled) == [
        ("2018-08-15", "3"), ("2018-09-04", "2")]
    # August overlaps a range from August 20; 1986 does not; a range inside 1986 finds it
    assert sorted(m["date"] for m in from_aug_20) == ["2018-08", "2018-09-04"]
    assert [m["date"] for m in upto_july] == ["1986"]
    assert groups == ["1986"]


def test_an_event_told_in_the_perfect_exports_at_the_lowest_precision(tmp_path):
    # date_source "before": the publication date only bounds the act, so ACLED gets time
    # precision 3, not the 2 of an act dated by its report's day (as "published" is)
    rows = {}
    for source in ("before", "published"):
        sents = ["Russian jets have struck Idlib."]
        ev = dict(_strike(sents[0], "struck", 0, 0), date="2018-09-05", date_source=source)
        rec = _record(source, "2018-09-05", sents, source="Wire One",
                      url=f"https://one.example/{source}", tone=-3.0,
                      places=[{**_at(sents[0], "Idlib", 0), **IDLIB}], events=[ev])
        path = tmp_path / f"{source}.db"
        with Store(path) as s:
            s.write([(rec, INFO)])
        with Store(path, readonly=True) as s:
            acled = list(csv.DictReader(io.StringIO(_text(s, "events", "acled"))))
        rows[source] = [(r["event_date"], r["time_precision"]) for r in acled]
    assert rows == {"before": [("2018-09-05", "3")], "published": [("2018-09-05", "2")]}
