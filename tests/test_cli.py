"""The command-line contract of DESIGN.md, run as real subprocesses."""

from __future__ import annotations

import json
import sqlite3

from dateline_testing import ARTICLE, many_articles, run_cli, write_jsonl

FIELDS = ["id", "published", "title", "url", "source", "text", "sentences", "dates", "entities",
          "places", "quotes", "amounts", "events", "tone"]


def test_extract_file_prints_one_record(article_file):
    r = run_cli("extract", str(article_file))
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert list(rec) == FIELDS
    assert rec["published"] == "2018-09-04" and rec["title"] == "Jets strike southern Idlib"
    assert [rec["text"][s["start"]:s["end"]] for s in rec["sentences"]] == [
        "Russian jets struck villages in southern Idlib on Tuesday, monitors said.",
        "Turkey warned on Monday that an offensive would send refugees to its border."]
    for kind in ("dates", "entities", "places", "quotes"):
        for item in rec[kind]:
            assert rec["text"][item["start"]:item["end"]] == item["text"]


def test_extract_stdin_with_published_and_id():
    r = run_cli("extract", "-", "--published", "2018-09-07", "--id", "s1",
                input=b"Envoys met in Geneva on Friday.")
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert (rec["id"], rec["published"]) == ("s1", "2018-09-07")
    r = run_cli("extract", input=ARTICLE.encode())
    assert json.loads(r.stdout)["published"] == "2018-09-04"


def test_extract_errors_name_the_input(tmp_path):
    r = run_cli("extract", str(tmp_path / "missing.txt"))
    assert r.returncode != 0 and r.stdout == b""
    assert r.stderr.decode().strip() == f"dateline: {tmp_path / 'missing.txt'}: no such file or folder"
    undated = tmp_path / "u.txt"
    undated.write_text("No date here.")
    r = run_cli("extract", str(undated))
    assert r.returncode != 0 and "no publication date" in r.stderr.decode()
    r = run_cli("extract", "x.txt", "--published", "2018-02-30")
    assert r.returncode == 2 and "impossible" in r.stderr.decode()


def test_extract_jsonl_batch(tmp_path):
    rows = many_articles(3)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{oops\n")
    out = tmp_path / "out.jsonl"
    r = run_cli("extract", "--jsonl", str(src), "--out", str(out), "--workers", "1")
    assert r.returncode == 1
    assert f"{src}:4: malformed JSON" in r.stderr.decode()
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [x["id"] for x in recs] == ["art-0", "art-1", "art-2"]
    assert all(list(x) == FIELDS for x in recs)


def test_ingest_stats_search_with_env_db(tmp_path, article_file):
    src = write_jsonl(tmp_path / "a.jsonl", many_articles(4))
    env = {"DATELINE_DB": str(tmp_path / "env.db")}
    r = run_cli("ingest", str(src), str(article_file), "--workers", "1", env=env)
    assert r.returncode == 0, r.stderr
    assert "read 5 article(s): stored 5" in r.stderr.decode()
    r = run_cli("stats", "--json", env=env)
    s = json.loads(r.stdout)
    assert s["articles"] == 5 and s["published"] == {"first": "2018-09-01", "last": "2018-09-04"}
    assert s["sentences"] >= 10
    r = run_cli("stats", env=env)
    assert "5 articles published 2018-09-01 to 2018-09-04" in r.stdout.decode()
    r = run_cli("search", "jets", "--json", env=env)
    hits = [json.loads(x) for x in r.stdout.splitlines()]
    assert [h["text"] for h in hits] == [
        "Russian jets struck villages in southern Idlib on Tuesday, monitors said."]
    r = run_cli("search", '"unclosed', env=env)
    assert r.returncode == 2 and "bad search query" in r.stderr.decode()
    # the API's checks, in the command's words
    r = run_cli("search", env=env)
    assert r.returncode == 2 and r.stderr.decode() == (
        "dateline: search needs a QUERY or a filter (--start, --end, --entity, --place, "
        "--event, --country)\n")
    for command in (["search", "jets"], ["timeline"], ["export", "events"]):
        r = run_cli(*command, "--start", "2018-09-04", "--end", "2018-09-01", env=env)
        assert r.returncode == 2 and r.stderr.decode() == (
            "dateline: --start 2018-09-04 is after --end 2018-09-01\n"), command
    r = run_cli("export", "places", "--format", "gdelt", env=env)
    assert r.returncode == 2 and r.stderr.decode() == (
        f"dateline: {tmp_path / 'env.db'}: places cannot be exported as 'gdelt' "
        "(one of csv, jsonl, parquet)\n")


def test_default_db_is_in_the_working_directory(tmp_path, article_file):
    r = run_cli("ingest", str(article_file), "--workers", "1", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "dateline.db").exists()


def test_foreign_database_gives_one_clear_line(tmp_path, article_file):
    other = tmp_path / "shop.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE orders (id INTEGER)")
    con.commit()
    con.close()
    r = run_cli("ingest", str(article_file), "--db", str(other))
    assert r.returncode == 2
    lines = r.stderr.decode().strip().splitlines()
    assert lines == [f"dateline: {other}: not a Dateline database (it holds other tables); "
                     "choose another --db"]
    r = run_cli("stats", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 2 and "no such database" in r.stderr.decode()


def test_progress_is_quiet_when_piped(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", many_articles(3))
    r = run_cli("ingest", str(src), "--db", str(tmp_path / "d.db"), "--workers", "1")
    err = r.stderr.decode()
    assert "articles/s" not in err and "\r" not in err
    r = run_cli("ingest", str(src), "--db", str(tmp_path / "e.db"), "--workers", "1", "--progress")
    frames = r.stderr.decode().split("\r")
    # count, elapsed<ETA and rate: "1.9 articles/s", or "1.2s/ articles" when slower than one a second
    assert any("3/3 [" in f and ("articles/s]" in f or "s/ articles]" in f) for f in frames)


def test_eval_mounts_every_harness_module():
    import importlib
    import pkgutil

    import dateline.evaluate as pkg
    r = run_cli("eval", "--help")
    assert r.returncode == 0
    listed = r.stdout.decode().split("Commands:")[1]
    harnesses = [m.name for m in pkgutil.iter_modules(pkg.__path__)
                 if hasattr(importlib.import_module(f"dateline.evaluate.{m.name}"), "command")]
    assert harnesses
    for name in harnesses:
        assert f"  {name} " in listed


def test_main_job_on_the_bundled_corpus(tmp_path):
    from pathlib import Path
    corpus = Path(__file__).parent.parent / "samples" / "idlib"
    db = tmp_path / "idlib.db"
    r = run_cli("ingest", str(corpus), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "read 40 article(s): stored 40, updated 0, skipped 0 already stored; rejected 0" \
        in r.stderr.decode()
    s = json.loads(run_cli("stats", "--db", str(db), "--json").stdout)
    assert (s["published"]["first"], s["published"]["last"]) == ("2018-08-20", "2018-09-30")
    assert set(s["sources"]) >= {"Dateline Wire", "Dateline Briefs"}   # JSONL and CSV rows
    assert s["busiest_publication_dates"]["2018-09-07"] == 4
    r = run_cli("ingest", str(corpus), "--db", str(db))
    assert "stored 0, updated 0, skipped 40 already stored" in r.stderr.decode()


def _timeline_db(tmp_path):
    rows = [
        {"id": "t1", "published": "2018-09-17", "text": "Putin and Erdogan agreed in Sochi on "
         "Monday to create a buffer zone around Idlib. The zone will be 15 to 20 km deep."},
        {"id": "t2", "published": "2018-09-18", "text": "Damascus welcomed the deal reached in "
         "Sochi on Monday. Rebels said they would study it."},
        {"id": "t3", "published": "2018-09-07", "text": "The leaders of Russia, Iran and Turkey "
         "met in Tehran on Friday without agreeing a ceasefire for Idlib."},
    ]
    db = tmp_path / "tl.db"
    r = run_cli("ingest", str(write_jsonl(tmp_path / "tl.jsonl", rows)), "--db", str(db),
                "--workers", "1")
    assert r.returncode == 0, r.stderr
    return db


def test_timeline_formats(tmp_path):
    db = _timeline_db(tmp_path)
    r = run_cli("timeline", "--db", str(db), "--max-dates", "2", "--sentences-per-date", "1",
                "--format", "tilse")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    # 2018-09-17 is referred to by two articles (t1 published that Monday, t2 mentions
    # "on Monday" the day after), 2018-09-07 by one: both fit in two dates.
    assert lines[0] == "2018-09-07" and lines[2] == "-" * 32
    assert lines[3] == "2018-09-17" and lines[5] == "-" * 32 and len(lines) == 6
    r = run_cli("timeline", "Sochi", "--db", str(db), "--format", "json")
    tl = json.loads(r.stdout)
    assert tl["query"] == "Sochi" and tl["notes"]          # N and K chosen, and said so
    dates = [e["date"] for e in tl["entries"]]   # t3 (Tehran) is not selected
    assert "2018-09-17" in dates and set(dates) <= {"2018-09-17", "2018-09-18"}
    assert {s["article"] for e in tl["entries"] for s in e["sentences"]} <= {"t1", "t2"}
    r = run_cli("timeline", "--db", str(db), "--start", "2018-09-10", "--end", "2018-09-01")
    assert r.returncode == 2 and "is after --end" in r.stderr.decode()
    r = run_cli("timeline", "nothingmatches", "--db", str(db))
    assert r.returncode == 1 and "no dated sentences match" in r.stderr.decode()


def test_search_that_finds_nothing_says_so(tmp_path):
    from dateline_testing import run_cli, write_jsonl

    src = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "a1", "published": "2018-09-07", "text": "Envoys met in Geneva on Friday."}])
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(src), "--db", db).returncode == 0
    found = run_cli("search", "Geneva", "--db", db)
    assert found.returncode == 0 and b"Envoys met in Geneva" in found.stdout
    none = run_cli("search", "Sochi", "--db", db)
    assert none.returncode == 1 and none.stdout == b""
    assert b"no sentence matches" in none.stderr
    # --offset skips results already read; a page past the end is as empty
    paged = run_cli("search", "Geneva", "--db", db, "--offset", "1")
    assert paged.returncode == 1 and paged.stdout == b""
    bad = run_cli("search", "Geneva", "--db", db, "--offset", "-1")
    assert bad.returncode == 2 and b"--offset" in bad.stderr


def test_search_facets_count_the_results(tmp_path):
    from dateline_testing import run_cli, write_jsonl

    src = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "a1", "published": "2018-09-07", "text": "Envoys met in Geneva on Friday."},
        {"id": "a2", "published": "2018-09-08", "text": "More envoys reached Geneva on Saturday."},
        {"id": "a3", "published": "2018-09-08", "text": "Talks in Vienna ended."}])
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(src), "--db", db).returncode == 0
    r = run_cli("search", "Geneva", "--facets", "--json", "--db", db)
    assert r.returncode == 0, r.stderr
    f = json.loads(r.stdout)
    # two sentences name Geneva, one published on each day (a3 is not found)
    assert f["results"] == 2
    assert f["date"] == [["2018-09-07", 1], ["2018-09-08", 1]]
    assert f["place"] == [["Geneva", 2]]
    text = run_cli("search", "Geneva", "--facets", "--db", db)
    assert b"place: Geneva (2)" in text.stdout
    none = run_cli("search", "Sochi", "--facets", "--db", db)
    assert none.returncode == 1 and b"no sentence matches" in none.stderr
