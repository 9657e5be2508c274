"""Count how the PERSON and ORG rows of stores changed between two builds of the same
articles, by kind of change (the counts docs/rules-entities.md gives per rule):

    python benchmarks/entities_diff.py BEFORE.db AFTER.db [BEFORE2.db AFTER2.db ...]

A row is an entity mention keyed by its article id and start offset. Printed per pair of
stores: rows dropped (strain codes and names with digits, common-noun abbreviations, one
lower-case word, waters, the rest with examples), spans cut (at a bracket, a rank after an
organisation, others), labels changed (to PRODUCT, PERSON, GPE, LOC ...) and alias-table
names given another canonical name. Both stores are opened read-only.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
from collections import Counter

from dateline.extract.entities import GEO_NOUNS, common_noun_table

Rows = dict[tuple[str, int], tuple[int, str, str]]


def _rows(db: str) -> tuple[Rows, dict[tuple[str, str], str]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = {(aid, start): (end, label, text) for aid, start, end, label, text in con.execute(
        'SELECT a.id, e.start, e."end", e.label, e.text FROM entities e'
        " JOIN articles a ON a.rowid = e.article")}
    aliases = {(a, lab): c for a, lab, c in con.execute(
        "SELECT alias, label, canonical FROM aliases")}
    return rows, aliases


def changes(before: str, after: str) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """(kind of change -> rows, kind -> the texts it touched) for PERSON/ORG rows."""
    (b, ab), (a, aa) = _rows(before), _rows(after)
    nouns = common_noun_table()
    count: Counter[str] = Counter()
    seen: dict[str, Counter[str]] = {}

    def note(kind: str, text: str) -> None:
        count[kind] += 1
        seen.setdefault(kind, Counter())[text] += 1

    for key, (end, label, text) in b.items():
        if label not in ("PERSON", "ORG"):
            continue
        if key not in a:
            if re.fullmatch(r"[A-Z]\d+[A-Z]\d+", text) or (
                    label == "PERSON" and any(c.isdigit() for c in text)):
                note("dropped: strain code or digits in a person", text)
            elif text in nouns:
                note("dropped: common-noun abbreviation", text)
            elif text.islower() and " " not in text:
                note("dropped: one lower-case word", text)
            elif text.split()[-1].lower() in GEO_NOUNS:
                note("dropped: a water or coast (now a place with another span)", text)
            else:
                note("dropped: other", text)
            continue
        end2, label2, text2 = a[key]
        if end2 != end:
            cut = text[len(text2):]
            kind = ("span cut at a bracket" if "(" in cut or "-LRB-" in cut
                    else "span cut: a rank after an organisation" if label == label2 == "ORG"
                    and end2 < end else "span changed: other")
            note(kind, f"{text} -> {text2}")
        if label2 != label:
            note(f"label {label} -> {label2}", text2)
    note_n = sum(1 for k, v in ab.items() if aa.get(k) and aa[k] != v)
    count["alias table: names given another canonical name"] = note_n
    return count, seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stores", nargs="+", help="BEFORE.db AFTER.db pairs")
    args = ap.parse_args()
    if len(args.stores) % 2:
        ap.error("give the stores in pairs: BEFORE.db AFTER.db")
    for before, after in zip(args.stores[::2], args.stores[1::2]):
        print(f"== {before} -> {after}")
        count, seen = changes(before, after)
        for kind, n in sorted(count.items(), key=lambda x: -x[1]):
            examples = "; ".join(f"{t} x{m}" for t, m in seen.get(kind, Counter()).most_common(5))
            print(f"{n:6d}  {kind}" + (f": {examples}" if examples else ""))


if __name__ == "__main__":
    main()
