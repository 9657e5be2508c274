"""Replay hand-judged event groups under other grouping settings: which of the judged
merges does a rule keep, which wrong ones does it split, which missed neighbours does
it merge? (No new judging: the verdicts of earlier audit files are read back.)

The audit files of ``benchmarks/event_groups_audit.py`` name each judged group's
mentions (``article#sentence``), its verdict and the neighbours that should have merged
with it (by group id). For each rule given (``--rule NAME:KEY=VALUE,...``, settings of
``event_groups``), the store's groups are made with those settings and each judged group
is looked up by its mentions (of its type):

* a ``merged-right`` group is **kept** when one group holds all its mentions;
* a ``merged-wrong`` group is **split** when none does;
* a missed neighbour is **merged** when one group holds the mentions of both; a
  neighbour's mentions are found by its id among the groups of ``--neighbour-rule``
  (the rule the audit was drawn with; ids of groups kept to one article have changed
  since, so some neighbours are not found and are counted as such).

Groups whose mentions the store no longer holds (as type and sentence) are skipped
and counted. The store must be the one the audit was drawn from (or one with the same
articles and events); ``--fill`` first copies it to a temporary file and fills
``date_source`` for rows stored before it, from the stored dates, as the extractor
decides it ("text" when the sentence has a full DATE or TIME, or the event's date is
not its article's publication day; else "published")::

    python benchmarks/event_groups_replay.py --db /tmp/b0s/haiti_bbc.db --fill \\
        --audit benchmarks/audits/event-groups-haiti_bbc-s321-window1.tsv \\
        --rule window:published=window --rule anchored:published=anchored \\
        --rule article:published=article
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from dateline.analyses.events import EventGroup, event_groups
from dateline.settings import Settings
from dateline.store import Store

#: Fills date_source for events stored without it (the extractor's rule, in SQL).
FILL = """
UPDATE events SET date_source = CASE
  WHEN EXISTS (SELECT 1 FROM dates d WHERE d.article = events.article
               AND d.sentence = events.sentence AND d.type IN ('DATE', 'TIME')
               AND substr(d.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
    OR events.date != (SELECT substr(a.published, 1, 10) FROM articles a
                       WHERE a.rowid = events.article)
  THEN 'text' ELSE 'published' END
WHERE date_source IS NULL
"""


def fill(src: str, dst: str) -> None:
    """Copy the store ``src`` to ``dst`` and fill its events' date_source (:data:`FILL`)."""
    shutil.copyfile(src, dst)
    with Store(dst) as store:   # opened for writing: the column is added
        with store.db:
            store.db.execute(FILL)


def groups_of(store: Store, spec: str) -> tuple[str, list[EventGroup]]:
    """``(name, groups)`` for a rule written ``NAME:KEY=VALUE,KEY=VALUE`` (keys of the
    event_groups settings, without the prefix)."""
    name, _, body = spec.partition(":")
    sets = [f"event_groups.{kv}" for kv in body.split(",") if kv]
    settings = Settings().with_overrides(sets).event_groups
    return name, list(event_groups(store, **settings.kwargs()))


def _index(groups: list[EventGroup]) -> dict[tuple[str, int, str], set[str]]:
    out: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for g in groups:
        for a, s in g.mentions:
            out[(a, s, g.type)].add(g.id)
    return out


def _mentions(cell: str) -> list[tuple[str, int]]:
    out = []
    for m in cell.split():
        a, _, s = m.rpartition("#")
        out.append((a, int(s)))
    return out


def _together(index: dict[tuple[str, int, str], set[str]], type_: str,
              mentions: list[tuple[str, int]]) -> bool | None:
    """Whether one group holds all ``mentions`` of ``type_``; None when some mention is
    in no group (the store no longer holds it)."""
    sets = [index.get((a, s, type_)) for a, s in mentions]
    if any(not x for x in sets):
        return None
    return bool(set.intersection(*sets))   # type: ignore[arg-type]


def replay(store: Store, audits: Sequence[str], rules: Sequence[str],
           neighbour_rule: str) -> str:
    """The lines printed: per rule, kept / split / merged counts over the audits."""
    _, base = groups_of(store, neighbour_rule)
    by_id = {g.id: g for g in base}
    rows = []
    for path in audits:
        with open(path, newline="", encoding="utf-8") as f:
            rows += [r for r in csv.DictReader(f, delimiter="\t") if r.get("verdict")]
    lines = [f"{len(rows)} judged groups in {len(audits)} file(s)"]
    for spec in rules:
        name, groups = groups_of(store, spec)
        index = _index(groups)
        kept = right = split = wrong = merged = missed = lost = unfound = 0
        for r in rows:
            mentions = _mentions(r["mentions"])
            together = _together(index, r["type"], mentions)
            if together is None:
                lost += 1
                continue
            if r["verdict"] == "merged-right":
                right += 1
                kept += together
            else:
                wrong += 1
                split += not together
            for nid in (r.get("missed") or "").split():
                missed += 1
                n = by_id.get(nid)
                if n is None:
                    unfound += 1
                    continue
                merged += bool(_together(index, r["type"], mentions + list(n.mentions)))
        lines.append(f"{name}: {len(groups)} groups; merged-right kept {kept}/{right}, "
                     f"merged-wrong split {split}/{wrong}, missed neighbours merged "
                     f"{merged}/{missed} ({unfound} not found); {lost} judged groups "
                     "no longer in the store")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="the store the audits were drawn from")
    ap.add_argument("--audit", action="append", required=True, help="judged audit TSV")
    ap.add_argument("--rule", action="append", required=True,
                    help="NAME:KEY=VALUE,... (event_groups settings), repeatable")
    ap.add_argument("--neighbour-rule", default="drawn:publication_days=1",
                    help="the rule the audits were drawn with, to find neighbours by id "
                    "(default: the 1-day window of 69c6db5 to cc9d5dd)")
    ap.add_argument("--fill", action="store_true",
                    help="fill date_source on a temporary copy of the store first")
    args = ap.parse_args(argv)
    if not Path(args.db).is_file():
        print(f"error: {args.db}: no such store", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if args.fill:
            db = str(Path(tmp) / "filled.db")
            fill(args.db, db)
        with Store(db, readonly=not args.fill) as store:
            print(replay(store, args.audit, args.rule, args.neighbour_rule))
    return 0


if __name__ == "__main__":
    sys.exit(main())
