"""Two writers at once: real `dateline ingest` processes into one database.

One ingest writes to a store at a time (the writer lock, ``DB.lock``); a second one
started meanwhile stops at once with one line and exit 2, and readers go on. Every
article ends up stored once, and rerunning the refused ingest finishes its work.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dateline.store import SCHEMA_VERSION, Store
from dateline_testing import many_articles, run_cli, write_jsonl

BUSY = re.compile(r"^dateline: \S+d\.db is being written by another ingest \(pid \d+\); "
                  r"wait for it or use another --db$")


def _ingest(src: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dateline.cli", "ingest", str(src), "--db",
                             str(db), "--workers", "1", "--batch-size", "4", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _finish(proc: subprocess.Popen) -> tuple[int, dict | None, list[str]]:
    """Exit status, the --json summary (None when it stopped early), stderr lines."""
    out, err = proc.communicate(timeout=300)
    lines = err.decode("utf-8").splitlines()
    assert not any("Traceback" in line for line in lines), err.decode()
    return proc.returncode, (json.loads(out) if out.strip() else None), lines


def _wait_for(path: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert proc.poll() is None and time.monotonic() < deadline, "the lock never appeared"
        time.sleep(0.01)


def _stored(db: Path) -> tuple[int, int, int]:
    """(articles, distinct ids, sentences stored twice) in the store."""
    con = sqlite3.connect(db)
    try:
        articles, ids = con.execute("SELECT count(*), count(DISTINCT id) FROM articles"
                                    ).fetchone()
        twice = con.execute("SELECT count(*) FROM (SELECT 1 FROM sentences GROUP BY article,"
                            " start HAVING count(*) > 1)").fetchone()[0]
        return articles, ids, twice
    finally:
        con.close()


def test_a_second_ingest_of_the_same_input_is_refused_while_the_first_writes(tmp_path):
    n = 120
    src = write_jsonl(tmp_path / "a.jsonl", many_articles(n))
    db = tmp_path / "d.db"
    first = _ingest(src, db)
    _wait_for(Path(f"{db}.lock"), first)
    second = _ingest(src, db)
    code2, summary2, lines2 = _finish(second)
    assert first.poll() is None, "the first ingest ended before the second was refused"
    reader = run_cli("stats", "--db", str(db), "--json")   # readers are not blocked
    assert reader.returncode == 0, reader.stderr
    code1, summary1, _ = _finish(first)
    assert (code2, summary2, len(lines2)) == (2, None, 1)
    assert BUSY.match(lines2[0]), lines2
    assert f"(pid {first.pid})" in lines2[0]
    assert code1 == 0
    assert summary1 == {"database": str(db), "read": n, "stored": n, "updated": 0,
                        "duplicates": 0, "rejected": 0}
    assert _stored(db) == (n, n, 0)
    assert not Path(f"{db}.lock").exists()
    again = _finish(_ingest(src, db))   # the refused one, run again: nothing left to do
    assert again[:2] == (0, {"database": str(db), "read": n, "stored": 0, "updated": 0,
                             "duplicates": n, "rejected": 0})
    assert _stored(db) == (n, n, 0)


def test_two_ingests_of_the_same_input_started_together(tmp_path):
    n = 60
    src = write_jsonl(tmp_path / "a.jsonl", many_articles(n))
    db = tmp_path / "d.db"
    procs = [_ingest(src, db), _ingest(src, db)]   # both also create the store
    results = [_finish(p) for p in procs]
    codes = sorted(code for code, _, _ in results)
    assert codes in ([0, 0], [0, 2])
    for code, summary, lines in results:
        if code == 2:    # refused at once: one line, nothing done
            assert summary is None and len(lines) == 1 and BUSY.match(lines[0]), lines
        else:            # each article either stored by this one or found stored
            assert summary is not None
            assert (summary["read"], summary["updated"], summary["rejected"]) == (n, 0, 0)
            assert summary["stored"] + summary["duplicates"] == n
    assert sum(s["stored"] for _, s, _ in results if s) == n
    assert _stored(db) == (n, n, 0)


def test_two_ingests_of_different_inputs_into_one_store(tmp_path):
    n = 120
    a = write_jsonl(tmp_path / "a.jsonl", many_articles(n, "a"))
    b = write_jsonl(tmp_path / "b.jsonl", many_articles(40, "b"))
    db = tmp_path / "d.db"
    first = _ingest(a, db)
    _wait_for(Path(f"{db}.lock"), first)
    code2, summary2, lines2 = _finish(_ingest(b, db))
    assert first.poll() is None, "the first ingest ended before the second was refused"
    code1, summary1, _ = _finish(first)
    assert (code2, summary2, len(lines2)) == (2, None, 1) and BUSY.match(lines2[0])
    assert (code1, summary1["stored"]) == (0, n)
    assert _stored(db) == (n, n, 0)     # nothing of b.jsonl was written by the refused run
    code3, summary3, _ = _finish(_ingest(b, db))
    assert (code3, summary3["stored"], summary3["duplicates"]) == (0, 40, 0)
    assert _stored(db) == (n + 40, n + 40, 0)


def test_processes_creating_one_new_store_at_once(tmp_path):
    # Before the check under BEGIN IMMEDIATE, the later ones failed with "table meta
    # already exists", shown as "not a usable database".
    db = tmp_path / "new.db"
    code = ("import sys; from dateline.store import Store; "
            f"Store({str(db)!r}).close(); print('ok')")
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(6)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert (p.returncode, out.strip(), err) == (0, b"ok", b"")
    with Store(db, readonly=True) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.db.execute("SELECT count(*) FROM meta WHERE key = 'schema_version'"
                            ).fetchone()[0] == 1
    assert os.path.getsize(db) > 0
