"""Print the top PERSON and ORG names of a store (by mentions, after store-wide aliasing) as
TSV rows ``name, label, mentions, verdict, note`` for a person to judge; with ``--score``,
read a judged file back and print the share of names judged clean.

    python benchmarks/audits/top_entities.py STORE.db [--top 40] [--articles IDS.txt]
    python benchmarks/audits/top_entities.py --score benchmarks/audits/entities-x-after.tsv
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys


def top(db: str, n: int, articles: str | None) -> list[tuple[str, str, int]]:
    """The ``n`` most mentioned (name, label, mentions) among PERSON and ORG entities."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    where, args = "", []
    if articles:
        ids = [line.strip() for line in open(articles, encoding="utf-8") if line.strip()]
        where = f" AND e.article IN (SELECT rowid FROM articles WHERE id IN ({','.join('?' * len(ids))}))"
        args = ids
    return con.execute(
        "SELECT coalesce(a.canonical, e.canonical) name, e.label, count(*) n FROM entities e"
        " LEFT JOIN aliases a ON a.alias = e.canonical AND a.label = e.label"
        f" WHERE e.label IN ('PERSON', 'ORG'){where} GROUP BY name, e.label"
        " ORDER BY n DESC, name LIMIT ?", args + [n]).fetchall()


def score(path: str) -> str:
    """"clean K/N (P%)" for a judged TSV (verdict column: clean or unclean)."""
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    clean = sum(r["verdict"] == "clean" for r in rows)
    return f"{path}: clean {clean}/{len(rows)} ({100 * clean / max(1, len(rows)):.1f}%)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", nargs="?")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--articles", help="a file of article ids: count only these articles")
    ap.add_argument("--score", nargs="*", default=[])
    args = ap.parse_args()
    for path in args.score:
        print(score(path))
    if args.db:
        w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "label", "mentions", "verdict", "note"])
        for name, label, n in top(args.db, args.top, args.articles):
            w.writerow([name, label, n, "", ""])


if __name__ == "__main__":
    main()
