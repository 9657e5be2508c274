"""Dump what Dateline stored and derives, so that two versions can be compared byte for byte.

For each store given, writes ``OUT/<store name>/``:

- ``<table>.jsonl``: every row of every table (``articles``, ``sentences``, each kind's
  table, ``aliases``), in rowid order, without the columns that say *when* or *by
  which version* a row was written (``ingested_at``, ``extractor_version``);
- ``timeline.json``, ``groups.jsonl``, ``gdelt.tsv``, ``acled.csv``, ``stats.json``:
  the analyses, as the ``dateline`` command of the Python running this script prints them.

It uses only sqlite3 and the command line, so the same script runs against any
Dateline version: run it once with each version's Python, then ``diff -r``::

    python benchmarks/records_snapshot.py /tmp/old/*.db --out /tmp/dump-old   # old venv
    python benchmarks/records_snapshot.py /tmp/new/*.db --out /tmp/dump-new   # new venv
    diff -r /tmp/dump-old /tmp/dump-new && echo identical

With ``--extract FILE...`` it also writes ``extract.jsonl``: ``dateline extract --compact``
of each file (records made without a store).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

#: Columns that record when or by which version a row was written, not what it says.
VOLATILE = {"ingested_at", "extractor_version"}
#: Tables that hold what was extracted (others are indexes or bookkeeping).
SKIP_TABLES = {"meta", "sqlite_sequence"}


def dateline(*args: str) -> bytes:
    """Stdout of ``dateline ARGS`` run by this Python (its installed Dateline)."""
    cmd = [sys.executable, "-c", "from dateline.cli import main; main()", *args]
    done = subprocess.run(cmd, capture_output=True, check=False)
    return done.stdout + f"\n# exit {done.returncode}\n".encode()


def dump_tables(db: Path, out: Path) -> None:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    virtual = {r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")}
    for table in tables:
        if table in SKIP_TABLES or table in virtual or any(
                table.startswith(v + "_") for v in virtual):
            continue
        cur = con.execute(f'SELECT rowid AS _rowid, * FROM "{table}" ORDER BY rowid')
        names = [d[0] for d in cur.description]
        with open(out / f"{table}.jsonl", "w", encoding="utf-8") as f:
            for row in cur:
                item = {k: v for k, v in zip(names, row) if k not in VOLATILE}
                f.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    con.close()


def dump_analyses(original: Path, out: Path) -> None:
    # On a copy whose write times are all one value: GDELT's DATEADDED and ACLED's
    # timestamp come from them.
    db = out / "_analysed.db"
    shutil.copyfile(original, db)
    con = sqlite3.connect(db)
    con.execute("UPDATE articles SET ingested_at = '2000-01-01T00:00:00+00:00',"
                " extractor_version = '-'")
    con.commit()
    con.close()
    try:
        _dump_analyses(db, out)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)


def _dump_analyses(db: Path, out: Path) -> None:
    (out / "timeline.json").write_bytes(dateline("timeline", "--db", str(db), "--format", "json"))
    stats = dateline("stats", "--db", str(db), "--json")
    try:   # the database's path differs between the runs compared
        body = json.loads(stats.split(b"\n# exit")[0])
        body.pop("database", None)
        stats = json.dumps(body, indent=2, ensure_ascii=False).encode()
    except ValueError:
        pass
    (out / "stats.json").write_bytes(stats)
    for fmt, name in (("groups", "groups.jsonl"), ("gdelt", "gdelt.tsv"), ("acled", "acled.csv")):
        (out / name).write_bytes(dateline("export", "events", "--format", fmt, "--db", str(db)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stores", nargs="*", type=Path, help="Dateline databases to dump")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the dumps to")
    ap.add_argument("--extract", nargs="*", type=Path, default=[],
                    help="text files to run `dateline extract` on")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for db in args.stores:
        folder = args.out / db.stem
        folder.mkdir(exist_ok=True)
        dump_tables(db, folder)
        dump_analyses(db, folder)
        print(f"{db}: dumped to {folder}", file=sys.stderr)
    if args.extract:
        with open(args.out / "extract.jsonl", "wb") as f:
            for path in sorted(args.extract):
                f.write(dateline("extract", str(path), "--compact"))
        print(f"{len(args.extract)} file(s) extracted to {args.out / 'extract.jsonl'}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
