"""A hand-judged audit of event groups (dateline.analyses.events): did a group merge
mentions of one happening, did it merge a different one in, and did it miss one?

Draws a reproducible random sample of the event groups of a store that merged at least
two mentions (``random.Random(seed).sample`` over those groups in the order
``event_groups`` gives: date, type, id) and, for each, its nearest groups that were
**not** merged with it: the groups of the same PLOVER type whose date lies within
``--window`` days (a month or a year as its span of days), ranked by how many of the
key fields actor country, target country, actor sector and place they share with it,
then by date distance, then id; the first ``--neighbours`` are kept. The mentions of
articles flagged as near-duplicates are left out, as every view does by default.

The TSV written has, per sampled group: its id and key, ``num_mentions``,
``num_articles``, ``num_sources``, the merge reason (``why``), its members as
``article#sentence`` pairs, the neighbours (``id date actor>target sector place
n=mentions``, separated by `` | ``) and empty ``verdict``, ``missed`` and ``note``
columns. No sentence text is written (audit files are committed); ``--show`` prints the
sentences of each sampled group and of its neighbours for the judge instead.

Verdicts (the judge fills them in):

* ``verdict``: ``merged-right`` when every mention reports the same happening (the
  same act of the same actors at the same time and place, whatever the type coded),
  ``merged-wrong`` when some mention reports a different happening (or none);
* ``missed``: the ids of the neighbours that report the same happening as the group
  (the group and they **should have merged**), separated by spaces; empty when none.

``--verdicts FILE`` reads judged files back and prints the counts: merged-right,
merged-wrong (and the share of the judged groups), should-have-merged (groups with a
missed neighbour, and how many neighbours).

    python benchmarks/event_groups_audit.py --db idlib.db --sample 30 --seed 320 \\
        --out benchmarks/audits/event-groups-idlib-s320.tsv [--show]
    python benchmarks/event_groups_audit.py --verdicts benchmarks/audits/event-groups-*.tsv
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.analyses.events import EventGroup, event_groups
from dateline.store import Store

#: Columns of the audit file, in order.
COLUMNS = ("n", "store", "group", "date", "type", "actor_country", "actor_sector",
           "target_country", "place", "actor_text", "target_text", "trigger", "mode",
           "num_mentions", "num_articles", "num_sources", "why", "mentions", "neighbours",
           "verdict", "missed", "note")
#: Values of the ``verdict`` column.
VERDICTS = ("merged-right", "merged-wrong")
#: Key fields a neighbour is ranked by (shared with the sampled group).
_SHARED = ("actor_country", "target_country", "actor_sector", "place")


def span(date: str) -> tuple[dt.date, dt.date]:
    """The first and last day of an event date: a day ``YYYY-MM-DD``, a month
    ``YYYY-MM`` or a year ``YYYY``."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def distance(a: str, b: str, a_last: str | None = None, b_last: str | None = None) -> int:
    """Days between two event dates' spans (0 when they meet); ``a_last`` and
    ``b_last``: the last dates of groups whose dates differ (a date window)."""
    (a0, a1), (b0, b1) = span(a), span(b)
    a1 = span(a_last)[1] if a_last else a1
    b1 = span(b_last)[1] if b_last else b1
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def _days(date: str) -> int:
    first, last = span(date)
    return (last - first).days + 1


def neighbours(group: EventGroup, groups: Sequence[EventGroup], window: int,
               most: int) -> list[EventGroup]:
    """The ``most`` groups nearest ``group`` that are not it: same type, date within
    ``window`` days, ranked by key fields shared (more first), date distance, id.
    A group dated only to a year is no neighbour of one dated to a day or a month
    (too vague to tell)."""
    vague = _days(group.date) > 31
    def gap(g: EventGroup) -> int:
        return distance(g.date, group.date, g.last_date, group.last_date)

    near = [(-sum(getattr(g, f) == getattr(group, f) for f in _SHARED), gap(g), g.id, g)
            for g in groups if g.id != group.id and g.type == group.type
            and gap(g) <= window
            and (vague or _days(g.date) <= 31)]
    near.sort(key=lambda t: t[:3])
    return [t[3] for t in near[:most]]


def _mentions(g: EventGroup) -> str:
    return " ".join(f"{a}#{s}" for a, s in g.mentions)


def _dates(g: EventGroup) -> str:
    return g.date if not g.last_date or g.last_date == g.date else f"{g.date}..{g.last_date}"


def _neighbour_cell(g: EventGroup) -> str:
    return (f"{g.id} {_dates(g)} {g.actor_country or '-'}>{g.target_country or '-'} "
            f"{g.actor_sector or '-'} {g.place or '-'} n={g.num_mentions}")


@dataclass
class Sampled:
    """A sampled group and its not-merged neighbours."""

    group: EventGroup
    neighbours: list[EventGroup]


def draw(store: Store, n: int, seed: int, *, window: int = 3, most: int = 4,
         least: int = 2) -> list[Sampled]:
    """``n`` groups of at least ``least`` mentions drawn at random with ``seed`` (all
    of them when fewer), in the order drawn, each with its neighbours."""
    groups = list(event_groups(store))
    merged = [g for g in groups if g.num_mentions >= least]
    picked = random.Random(seed).sample(merged, min(n, len(merged)))
    return [Sampled(g, neighbours(g, groups, window, most)) for g in picked]


def rows(sample: Iterable[Sampled], store_name: str) -> list[dict[str, str]]:
    """The audit file's rows for ``sample`` (verdict, missed and note empty)."""
    out = []
    for i, s in enumerate(sample, 1):
        g = s.group
        out.append({
            "n": str(i), "store": store_name, "group": g.id, "date": _dates(g), "type": g.type,
            "actor_country": g.actor_country or "", "actor_sector": g.actor_sector or "",
            "target_country": g.target_country or "", "place": g.place or "",
            "actor_text": g.actor_text or "", "target_text": g.target_text or "",
            "trigger": g.trigger or "", "mode": g.mode or "",
            "num_mentions": str(g.num_mentions), "num_articles": str(g.num_articles),
            "num_sources": str(g.num_sources), "why": g.why, "mentions": _mentions(g),
            "neighbours": " | ".join(_neighbour_cell(x) for x in s.neighbours),
            "verdict": "", "missed": "", "note": ""})
    return out


def write(path: str | Path, table: list[dict[str, str]]) -> None:
    """Write the audit rows as a tab-separated file with a header line."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(table)


def sentence(store: Store, article: str, index: int) -> str:
    """The text of sentence ``index`` of article ``article`` (one line), "" if none."""
    row = store.db.execute(
        "SELECT s.text FROM sentences s JOIN articles a ON a.rowid = s.article"
        " WHERE a.id = ? AND s.sentence = ?", (article, index)).fetchone()
    return " ".join(row[0].split()) if row else ""


def show(store: Store, sample: Iterable[Sampled]) -> str:
    """The sample for the judge: each group's key and member sentences, then each
    neighbour's (not for committing: it holds article text)."""
    lines = []
    for i, s in enumerate(sample, 1):
        for role, g in [("GROUP", s.group)] + [("  neighbour", x) for x in s.neighbours]:
            lines.append(f"{i} {role} {g.id} {_dates(g)} {g.type} {g.mode or ''} "
                         f"{g.actor_country or '-'}/{g.actor_sector or '-'} "
                         f"({g.actor_text or ''}) > {g.target_country or '-'} "
                         f"({g.target_text or ''}) at {g.place or '-'}")
            for a, snt in g.mentions:
                pub = store.db.execute("SELECT published FROM articles WHERE id = ?",
                                       (a,)).fetchone()[0]
                coded = "; ".join(
                    f"{r[0]}: {r[1] or '-'} > {r[2] or '-'}" for r in store.db.execute(
                        "SELECT e.text, e.actor_text, e.target_text FROM events e"
                        " JOIN articles a ON a.rowid = e.article WHERE a.id = ? AND"
                        " e.sentence = ? AND e.type = ? AND e.date BETWEEN ? AND ?",
                        (a, snt, g.type, g.date, g.last_date or g.date)))
                lines.append(f"      {a}#{snt} [{pub}] {{{coded}}} {sentence(store, a, snt)}")
        lines.append("")
    return "\n".join(lines)


@dataclass
class Figures:
    """Counts of a judged audit."""

    judged: int
    verdicts: Counter[str]
    missed_groups: int
    missed_neighbours: int
    mentions: int


def read_verdicts(paths: Iterable[str | Path]) -> Figures:
    """The counts of judged audit files; a row with a blank verdict is not judged.
    ValueError naming the file and row for a verdict not in VERDICTS or a missed id
    that is not one of the row's neighbours."""
    verdicts: Counter[str] = Counter()
    judged = missed_groups = missed_neighbours = mentions = 0
    for path in paths:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                v = (row.get("verdict") or "").strip()
                if not v:
                    continue
                if v not in VERDICTS:
                    raise ValueError(f"{path}: row {row.get('n')}: verdict {v!r} is not "
                                     f"one of {', '.join(VERDICTS)}")
                ids = {cell.split()[0] for cell in (row.get("neighbours") or "").split(" | ")
                       if cell.strip()}
                missed = (row.get("missed") or "").split()
                unknown = [m for m in missed if m not in ids]
                if unknown:
                    raise ValueError(f"{path}: row {row.get('n')}: missed {unknown[0]!r} "
                                     "is not one of the row's neighbours")
                judged += 1
                verdicts[v] += 1
                mentions += int(row.get("num_mentions") or 0)
                missed_groups += bool(missed)
                missed_neighbours += len(missed)
    return Figures(judged, verdicts, missed_groups, missed_neighbours, mentions)


def report(fig: Figures) -> str:
    """The figures as printed lines."""
    if not fig.judged:
        return "no judged rows"
    share = lambda k: f"{k} ({k / fig.judged:.3f})"   # noqa: E731
    return "\n".join([
        f"judged groups: {fig.judged} ({fig.mentions} mentions)",
        f"merged-right: {share(fig.verdicts['merged-right'])}",
        f"merged-wrong: {share(fig.verdicts['merged-wrong'])}",
        f"should-have-merged: {share(fig.missed_groups)} groups with a not-merged "
        f"neighbour reporting the same happening ({fig.missed_neighbours} neighbours)"])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="the store to sample (read only)")
    ap.add_argument("--sample", type=int, default=30, help="groups to draw (default 30)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    ap.add_argument("--out", help="write the audit TSV here")
    ap.add_argument("--name", help="the store's name in the file (default: the db's stem)")
    ap.add_argument("--window", type=int, default=3,
                    help="days either side for neighbours (default 3)")
    ap.add_argument("--neighbours", type=int, default=4,
                    help="not-merged neighbours per group (default 4)")
    ap.add_argument("--show", action="store_true",
                    help="print the member sentences for the judge (stdout)")
    ap.add_argument("--verdicts", nargs="+", metavar="FILE",
                    help="read judged audit files and print the counts")
    args = ap.parse_args(argv)
    if args.verdicts:
        try:
            print(report(read_verdicts(args.verdicts)))
        except (OSError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    if not args.db:
        ap.error("--db is needed (or --verdicts)")
    if not Path(args.db).is_file():
        print(f"error: {args.db}: no such store", file=sys.stderr)
        return 2
    with Store(args.db, readonly=True) as store:
        sample = draw(store, args.sample, args.seed, window=args.window,
                      most=args.neighbours)
        if args.out:
            write(args.out, rows(sample, args.name or Path(args.db).stem))
            print(f"{args.out}: {len(sample)} groups", file=sys.stderr)
        if args.show:
            print(show(store, sample))
    return 0


if __name__ == "__main__":
    sys.exit(main())
