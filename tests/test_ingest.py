"""Ingest: idempotence, updates, rejects, kill -9 and resume, readers during a write."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dateline.ingest import ingest
from dateline.read import ReadOptions
from dateline.store import Store
from dateline_testing import many_articles, run_cli, write_jsonl


def test_same_input_twice_stores_nothing_new(tmp_path, article_file):
    src = write_jsonl(tmp_path / "a.jsonl", many_articles(5))
    with Store(tmp_path / "d.db") as s:
        first = ingest([str(src), str(article_file)], s)
        assert (first.read, first.stored, first.duplicates) == (6, 6, 0)
        second = ingest([str(src), str(article_file)], s)
        assert (second.read, second.stored, second.duplicates) == (6, 0, 6)
        assert s.count() == 6


def test_repeated_text_without_id_is_one_article(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("date 2018-09-04\nTalks   resumed in Sochi.\n")
    b.write_text("date 2018-09-04\nTalks resumed in Sochi.")   # same once normalised
    with Store(tmp_path / "d.db") as s:
        summary = ingest([str(a), str(b)], s)
        assert (summary.stored, summary.duplicates) == (1, 1)


def test_changed_text_needs_update(tmp_path):
    rows = many_articles(2)
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    with Store(tmp_path / "d.db") as s:
        ingest([str(src)], s)
        rows[1]["text"] = "A corrected story about talks in Ankara on Friday."
        write_jsonl(src, rows)
        plain = ingest([str(src)], s)
        assert plain.stored == 0 and len(plain.rejected) == 1
        assert "already stored with other text" in plain.rejected[0].reason
        updated = ingest([str(src)], s, update=True)
        assert (updated.updated, updated.duplicates) == (1, 1)
        assert s.record("art-1")["text"] == rows[1]["text"]
        assert s.count() == 2


def test_bad_records_do_not_touch_what_is_stored(tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", many_articles(3))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "b1", "published": "2018-09-01", "text": "Fine one."}\n{broken\n')
    with Store(tmp_path / "d.db") as s:
        ingest([str(good)], s)
        before = [s.record(i) for i in s.ids()]
        summary = ingest([str(bad)], s)
        assert summary.stored == 1 and len(summary.rejected) == 1
        assert [s.record(i) for i in list(s.ids())[:3]] == before


def test_rejects_file_can_be_fixed_and_ingested(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "n1", "text": "Envoys met in Geneva on Friday."}\n')
    db = tmp_path / "d.db"
    rejects = tmp_path / "rejects.jsonl"
    r = run_cli("ingest", str(src), "--db", str(db), "--rejects", str(rejects), "--workers", "1")
    assert r.returncode == 1
    assert f"{src}:1: missing date" in r.stderr.decode()
    row = json.loads(rejects.read_text())
    assert row["_rejected"]["input"] == f"{src}:1"
    row["published"] = "2018-09-07"
    rejects.write_text(json.dumps(row) + "\n")
    r = run_cli("ingest", str(rejects), "--db", str(db), "--workers", "1")
    assert r.returncode == 0, r.stderr
    with Store(db) as s:
        assert s.record("n1")["published"] == "2018-09-07"


def test_two_workers_store_the_same_as_one(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", many_articles(12))
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        ingest([str(src)], one, workers=1, batch_size=4)
        ingest([str(src)], two, workers=2, batch_size=4)
        assert list(one.ids()) == list(two.ids()) == [f"art-{i}" for i in range(12)]
        assert all(one.record(i) == two.record(i) for i in one.ids())


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def test_kill_minus_nine_then_resume_without_duplicates(tmp_path):
    n = 400
    src = write_jsonl(tmp_path / "many.jsonl", many_articles(n))
    db = tmp_path / "d.db"
    cmd = [sys.executable, "-m", "dateline.cli", "ingest", str(src), "--db", str(db),
           "--workers", "1", "--batch-size", "5"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    seen = []
    while time.time() < deadline:   # readers query while the ingest writes
        seen.append(_count(db))
        if seen[-1] >= 30:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_at_kill = _count(db)
    assert 30 <= stored_at_kill < n
    assert seen == sorted(seen)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    r = subprocess.run(cmd + ["--json"], capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["duplicates"] == stored_at_kill
    assert summary["stored"] == n - stored_at_kill
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (n, n)
    assert con.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
    assert con.execute("SELECT count(DISTINCT article) FROM sentences").fetchone()[0] == n


def test_readers_query_while_an_ingest_writes(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", many_articles(150))
    db = tmp_path / "d.db"
    with Store(db) as s:
        ingest([str(write_jsonl(tmp_path / "seed.jsonl", many_articles(1, "seed")))], s)
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "ingest", str(src), "--db",
                             str(db), "--workers", "1", "--batch-size", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    counts = []
    with Store(db, readonly=True) as reader:
        while proc.poll() is None:
            counts.append(reader.count())
            assert reader.search_sentences("Ankara", limit=1)
            time.sleep(0.02)
    assert proc.wait() == 0
    assert counts and counts == sorted(counts) and counts[0] >= 1
    assert len(set(counts)) > 1   # the reader saw the store grow while it was being written
    with Store(db, readonly=True) as reader:
        assert reader.count() == 151


def test_published_option_applies_to_undated_text(tmp_path):
    p = tmp_path / "undated.txt"
    p.write_text("Envoys met in Geneva.")
    with Store(tmp_path / "d.db") as s:
        summary = ingest([str(p)], s, options=ReadOptions(published=dt.date(2018, 9, 7)))
        assert summary.stored == 1
        (i,) = s.ids()
        assert s.record(i)["published"] == "2018-09-07"


def test_one_id_with_two_texts_is_rejected_alike_adjacent_or_apart(tmp_path):
    rows = many_articles(20)
    other = {"id": "art-0", "published": "2018-09-01", "text": "Another text under art-0."}
    adjacent = write_jsonl(tmp_path / "adjacent.jsonl", [rows[0], other] + rows[1:])
    apart = write_jsonl(tmp_path / "apart.jsonl", rows + [other])   # after a committed batch
    for src, line in ((adjacent, 2), (apart, 21)):
        with Store(tmp_path / f"{src.stem}.db") as s:
            summary = ingest([str(src)], s, batch_size=4)
            assert (summary.stored, summary.duplicates) == (20, 0)
            (r,) = summary.rejected
            assert r.origin == f"{src}:{line}"
            assert r.reason == f"id 'art-0' was read earlier in this run ({src}:1) with other text"
            assert s.record("art-0")["text"] == rows[0]["text"]


def test_rejects_file_takes_records_that_cannot_be_stored(tmp_path):
    from dateline.ingest import RejectsFile
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": "s", "published": "2018-09-01", "text": "a\\ud800b"}\n'
                   '{"id": "d", "x": ' + "[" * 900 + "]" * 900 + "}\n", encoding="utf-8")
    out = tmp_path / "rejects.jsonl"
    with Store(tmp_path / "d.db") as s, open(out, "w", encoding="utf-8") as f:
        summary = ingest([str(src)], s, on_reject=RejectsFile(f).write)
    assert len(summary.rejected) == 2
    notes = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [n["_rejected"]["input"] for n in notes] == [f"{src}:1", f"{src}:2"]
    assert notes[0]["raw"] == '{"id": "s", "published": "2018-09-01", "text": "a\\ud800b"}'
