"""The store: schema, round trip of records, guarding against foreign databases."""

from __future__ import annotations

import sqlite3

import pytest

from dateline.store import SCHEMA_VERSION, QueryError, Store, StoreError

RECORD = {
    "id": "r1", "published": "2018-08-31", "title": "T", "url": None, "source": "wire",
    "text": "Lavrov spoke. Turkey warned Russia.",
    "sentences": [{"start": 0, "end": 13}, {"start": 14, "end": 35}],
    "dates": [{"text": "Thursday", "start": 0, "end": 6, "sentence": 0, "type": "DATE",
               "value": "2018-08-30"}],
    "entities": [{"text": "Lavrov", "start": 0, "end": 6, "sentence": 0, "label": "PERSON",
                  "canonical": "Sergei Lavrov", "title": "foreign minister"}],
    "places": [],
    "quotes": [],
    "amounts": [{"text": "3 million", "start": 0, "end": 1, "sentence": 0, "value": 3000000,
                 "unit": "Syrians", "qualifier": "more than", "kind": None}],
    "events": [{"type": "THREATEN", "mode": None, "sentence": 1, "text": "warned", "start": 21,
                "end": 27, "actor": {"text": "Turkey", "country": "TUR", "sector": "GOV"},
                "target": None, "place": None, "date": "2018-08-31",
                "date_source": "published", "quad": "verbal conflict", "intensity": -6.0}],
    "tone": -1.5,
}
INFO = {"text_hash": "h", "origin": "x.jsonl:1", "extractor_version": "0"}


def test_round_trip_keeps_every_member(tmp_path):
    with Store(tmp_path / "d.db") as s:
        s.write([(RECORD, INFO)])
        assert s.record("r1") == RECORD
        assert s.record("nope") is None
        assert s.schema_version() == SCHEMA_VERSION


def test_tables_are_named_after_what_they_hold(tmp_path):
    with Store(tmp_path / "d.db") as s:
        s.write([(RECORD, INFO)])
        names = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"articles", "sentences", "dates", "entities", "places", "quotes", "amounts",
                "events", "meta", "articles_fts", "sentences_fts"} <= names
        row = s.db.execute("SELECT canonical, sentence, start, \"end\" FROM entities").fetchone()
        assert tuple(row) == ("Sergei Lavrov", 0, 0, 6)
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rewriting_an_article_replaces_it_and_its_index(tmp_path):
    with Store(tmp_path / "d.db") as s:
        s.write([(RECORD, INFO)])
        changed = {**RECORD, "text": "Envoys met in Geneva.", "sentences": [{"start": 0, "end": 21}],
                   "dates": [], "entities": [], "amounts": [], "events": []}
        s.write([(changed, INFO)])
        assert s.count() == 1
        assert s.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
        assert [h["text"] for h in s.search_sentences("Geneva")] == ["Envoys met in Geneva."]
        assert s.search_sentences("Lavrov") == []


def test_search_reports_bad_query(tmp_path):
    with Store(tmp_path / "d.db") as s:
        with pytest.raises(QueryError, match="bad search query"):
            s.search_sentences('"unclosed')


def test_refuses_a_database_that_is_not_ours(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.execute("INSERT INTO customers VALUES ('kept')")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a Dateline database"):
        Store(other)
    con = sqlite3.connect(other)
    assert con.execute("SELECT name FROM customers").fetchall() == [("kept",)]
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable database"):
        Store(junk)
    assert junk.read_bytes() == b"this is not sqlite at all" * 100


def test_newer_schema_is_refused(tmp_path):
    p = tmp_path / "d.db"
    with Store(p) as s:
        s.db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        s.db.commit()
    with pytest.raises(StoreError, match="newer Dateline"):
        Store(p)


def test_migrations_run_in_order(tmp_path, monkeypatch):
    import dateline.store as store_mod
    p = tmp_path / "d.db"
    Store(p).close()
    now = store_mod.SCHEMA_VERSION
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", now + 1)
    monkeypatch.setattr(store_mod, "MIGRATIONS", {
        **store_mod.MIGRATIONS, now: "ALTER TABLE articles ADD COLUMN lang TEXT;"})
    with Store(p) as s:
        assert s.schema_version() == now + 1
        cols = [r[1] for r in s.db.execute("PRAGMA table_info(articles)")]
        assert "lang" in cols


def test_readonly_missing_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "absent.db", readonly=True)
    assert not (tmp_path / "absent.db").exists()


def test_a_version_1_store_gains_the_alias_table(tmp_path):
    p = tmp_path / "v1.db"
    with Store(p) as s:
        s.write([(RECORD, INFO)])
        s.db.executescript("DROP TABLE aliases; UPDATE meta SET value = '1'"
                           " WHERE key = 'schema_version';")
    with Store(p) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.db.execute("SELECT count(*) FROM aliases").fetchone()[0] == 0
        assert s.record("r1") == RECORD


def test_search_filters(tmp_path):
    other = {**RECORD, "id": "r2", "published": "2018-09-20",
             "text": "Lavrov met envoys. Troops massed near Idlib.",
             "sentences": [{"start": 0, "end": 18}, {"start": 19, "end": 44}],
             "entities": [{"text": "Lavrov", "start": 0, "end": 6, "sentence": 0,
                           "label": "PERSON", "canonical": "Lavrov"}],
             "places": [{"text": "Idlib", "start": 38, "end": 43, "sentence": 1, "name": "Idlib",
                         "country": "SY", "admin1": None, "lat": 35.9, "lon": 36.6,
                         "geonameid": None, "kind": "city", "confidence": 0.9}],
             "events": [{**RECORD["events"][0], "type": "MOBILIZE", "sentence": 1,
                         "actor": {"text": "Troops", "country": "SYR", "sector": "MIL"}}]}
    with Store(tmp_path / "d.db") as s:
        s.write([(RECORD, INFO), (other, INFO)])
        s.db.execute("INSERT INTO aliases VALUES ('Lavrov', 'PERSON', 'Sergei Lavrov', 1)")

        def texts(**kw):
            return [h["text"] for h in s.search_sentences(**kw)]

        assert texts(query="Lavrov") == ["Lavrov spoke.", "Lavrov met envoys."]
        assert texts(query="Lavrov", start="2018-09-01") == ["Lavrov met envoys."]
        assert texts(query="Lavrov", end="2018-08-31") == ["Lavrov spoke."]
        # "Lavrov" (r2) and "Sergei Lavrov" (r1) are one person through the alias table
        assert texts(entity="Lavrov") == texts(entity="Sergei Lavrov") == [
            "Lavrov spoke.", "Lavrov met envoys."]
        assert texts(place="Idlib") == texts(place="IDLIB") == ["Troops massed near Idlib."]
        assert texts(event="mobilize") == ["Troops massed near Idlib."]
        assert texts(event="THREATEN", country="tur") == ["Turkey warned Russia."]
        assert texts(country="USA") == []
        # rows read first (rare) or sentences walked in date order (frequent): alike
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr("dateline.store.RARE_MENTIONS", 0)
            assert texts(place="idlib") == ["Troops massed near Idlib."]
            assert texts(event="THREATEN", country="TUR") == ["Turkey warned Russia."]
            assert texts(entity="Lavrov") == ["Lavrov spoke.", "Lavrov met envoys."]


def test_top_places_count_names_not_adjectives(tmp_path):
    place = {"text": "Russia", "start": 0, "end": 6, "sentence": 0, "name": "Russia",
             "country": "RU", "admin1": None, "lat": 60.0, "lon": 100.0, "geonameid": None,
             "kind": "country", "confidence": 0.9}
    rec = {**RECORD, "places": [place, {**place, "text": "Idlib", "name": "Idlib"},
                                {**place, "text": "Russian", "adjectival": True, "confidence": 0.4}]}
    with Store(tmp_path / "d.db") as s:
        s.write([(rec, INFO)])
        assert s.stats()["top_places"] == {"Idlib": 1, "Russia": 1}


def test_period_range_selects_every_day_month_and_year_that_overlaps() -> None:
    """Event dates may be a day, a month or a year: a range selects those whose period
    overlaps it, checked against the overlap computed by hand-written dates."""
    import datetime as dt
    import sqlite3

    from dateline.store import period_range

    values = ["1986", "2010", "2010-12", "2010-12-31", "2011", "2011-02", "2011-02-28",
              "2011-03", "2011-03-01", "2011-03-19", "2011-03-20", "2011-03-31", "2011-04",
              "2011-04-01", "2012", "2012-01-05", "2013"]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE e (date TEXT)")
    db.execute("CREATE INDEX e_date ON e(date)")
    db.executemany("INSERT INTO e VALUES (?)", [(v,) for v in values])

    def period(v: str) -> tuple[dt.date, dt.date]:
        if len(v) == 4:
            return dt.date(int(v), 1, 1), dt.date(int(v), 12, 31)
        if len(v) == 7:
            y, m = int(v[:4]), int(v[5:])
            nxt = dt.date(y + m // 12, m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        d = dt.date.fromisoformat(v)
        return d, d

    ranges = [("2011-03-20", "2011-03-20"), ("2011-03-02", "2011-03-31"),
              ("2010-12-31", "2011-02-28"), ("2011-04-02", "2012-01-04"), ("1900-01-01", "2013-12-31")]
    for first, last in ranges:
        where, args = period_range("date", first, last)
        got = {r[0] for r in db.execute(f"SELECT date FROM e WHERE {' AND '.join(where)}", args)}
        lo, hi = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        want = {v for v in values if period(v)[0] <= hi and period(v)[1] >= lo}
        assert got == want, (first, last)
    # "2011-03" overlaps a range from the 20th; the 19th does not
    where, args = period_range("date", "2011-03-20", "2011-03-20")
    got = {r[0] for r in db.execute(f"SELECT date FROM e WHERE {' AND '.join(where)}", args)}
    assert got == {"2011", "2011-03", "2011-03-20"}
