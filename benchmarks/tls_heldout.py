"""Leave-one-topic-out estimate of timeline quality when settings are tuned on Timeline17.

Tuning a setting of :class:`dateline.settings.TimelineSettings` on the development topics and
reporting the best average overstates what unseen topics will get. This script tries
every combination of the values given with ``--grid``, and for each topic picks the
combination that is best (ROUGE-1 F + ROUGE-2 F) on the *other* topics, then scores the
held-out topic with it. It prints each combination's in-sample average, the choice made
for each held-out topic, and the average over held-out topics (precision and recall
averaged before F, as ``dateline eval tls``).

``--leave-out 2`` (or more) holds out every pair (or larger group) of topics in turn and
chooses on the rest: a harsher test with less to tune on. Each topic's held-out
precision and recall are then averaged over the groups it was held out in.

``--folds K`` instead deals the topics into K seeded folds and prints the nested
estimate of :mod:`dateline.evaluate.folds`, the same as ``dateline eval tls --folds K
--grid timeline.NAME=...`` prints: each fold scored with the combination best on the
other folds, per-fold figures, their mean and spread. Timelines are built and scored
by the functions of :mod:`dateline.evaluate.tls` that ``dateline eval tls`` uses.

Uses the per-topic stores that ``dateline eval tls`` caches under ``--workdir`` (build
them first with ``dateline eval tls --data ...``)::

    python benchmarks/tls_heldout.py --data ../shared/data/tls/t17 \\
        --grid mention_bonus=0.02,0.05,0.08 --grid topic_weight=1.0,1.25,1.5 \\
        --grid duplicate_similarity=0.5,0.6

(``timeline.mention_bonus``, as ``dateline config`` lists it, and the upper-case names
of the former module constants, ``MENTION_BONUS`` ..., are accepted too.) Each
combination is passed to ``build_timeline`` as ``settings``.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from dateline.evaluate import folds as F
from dateline.evaluate import tls_metrics as M
from dateline.evaluate.tls import (
    METRICS,
    Scores,
    load_topics,
    score_timelines,
    tally_score,
    topic_units,
)
from dateline.settings import TimelineSettings
from dateline.store import Store


def parse_grid(items: list[str]) -> dict[str, list[float]]:
    """``["name=v1,v2", ...]`` as ``{name: [v1, v2]}``; each name must be a field of
    :class:`dateline.settings.TimelineSettings` (upper-case names are lowered)."""
    grid: dict[str, list[float]] = {}
    defaults = TimelineSettings()
    known = {f.name for f in dataclasses.fields(defaults)}
    for item in items:
        name, _, values = item.partition("=")
        name = name.strip().lower().removeprefix("timeline.")
        if name not in known or not values:
            raise SystemExit(f"--grid {item!r}: expected name=v1,v2 with name one of "
                             f"{', '.join(sorted(known))}")
        kind = type(getattr(defaults, name))
        if kind is bool:   # bool("0") is True
            grid[name] = [v.strip().lower() in ("1", "true", "yes") for v in values.split(",")]
        else:
            grid[name] = [kind(v) for v in values.split(",")]
    return grid


def score_all(topics: list, stores: dict[str, Store],
              settings: TimelineSettings | None = None) -> dict[str, Scores]:
    """Scores of every gold timeline (keyed topic/name) with ``settings``
    (:func:`dateline.evaluate.tls.score_timelines`, which ``dateline eval tls`` uses)."""
    return score_timelines(topics, stores, settings)


def f_scores(results: list[Scores]) -> tuple[float, float, float]:
    """Average ROUGE-1 F, ROUGE-2 F and date F1 of ``results``."""
    avg = M.average(results)
    return avg["rouge_1"]["f_score"], avg["rouge_2"]["f_score"], avg["date"]["f_score"]


def main() -> int:
    """Run the grid and print in-sample and held-out averages."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, type=Path, help="Timeline17 folder")
    ap.add_argument("--workdir", default="/tmp/dateline-tls", type=Path,
                    help="where `dateline eval tls` cached the stores")
    ap.add_argument("--grid", action="append", required=True, metavar="name=v1,v2",
                    help="a timeline setting (`dateline config` lists them as "
                    "timeline.NAME) and the values to try (repeatable)")
    ap.add_argument("--leave-out", type=int, default=1, metavar="K",
                    help="topics held out at a time (default 1)")
    ap.add_argument("--folds", type=int, default=None, metavar="K",
                    help="instead, deal the topics into K folds (seeded; the shared "
                    "dateline.evaluate.folds nested estimate)")
    ap.add_argument("--seed", type=int, default=0, help="seed of --folds (default 0)")
    args = ap.parse_args()
    grid = parse_grid(args.grid)
    topics = load_topics(args.data)
    if not 1 <= args.leave_out < len(topics):
        print(f"--leave-out must be between 1 and {len(topics) - 1} for {len(topics)} "
              "topics", file=sys.stderr)
        return 1
    missing = [t.name for t in topics if not (args.workdir / f"{t.name}.db").exists()]
    if missing:
        print(f"no store for {', '.join(missing)} under {args.workdir}: run "
              f"`dateline eval tls --data {args.data}` first", file=sys.stderr)
        return 1
    stores = {t.name: Store(args.workdir / f"{t.name}.db", readonly=True) for t in topics}
    runs: dict[tuple, dict[str, Scores]] = {}
    for combo in itertools.product(*grid.values()):
        values: dict[str, Any] = dict(zip(grid, combo))
        settings = TimelineSettings(**values)
        runs[combo] = score_all(topics, stores, settings)
    names = list(grid)
    if args.folds:
        return _folds(runs, names, args.folds, args.seed)
    print("in-sample averages (R1 F, R2 F, date F1):")
    for combo, res in runs.items():
        r1, r2, d = f_scores(list(res.values()))
        print(f"  {dict(zip(names, combo))}  {r1:.4f}  {r2:.4f}  {d:.3f}")
    held: dict[str, list[Scores]] = defaultdict(list)
    chosen: Counter = Counter()
    keys = list(next(iter(runs.values())))
    if args.leave_out == 1:
        print("held-out topic: settings chosen on the others, its R1 F, R2 F, date F1")
    for group in itertools.combinations(keys, args.leave_out):
        best = max(runs, key=lambda c: sum(f_scores(
            [s for k, s in runs[c].items() if k not in group])[:2]))
        chosen[best] += 1
        for key in group:
            held[key].append(runs[best][key])
        if args.leave_out == 1:
            r1, r2, d = f_scores([runs[best][group[0]]])
            print(f"  {group[0]:40s} {r1:.4f}  {r2:.4f}  {d:.3f}  {dict(zip(names, best))}")
    if args.leave_out > 1:
        print(f"settings chosen, holding out {args.leave_out} topics at a time:")
        for combo, times in chosen.most_common():
            print(f"  {times:3d} x {dict(zip(names, combo))}")
    r1, r2, d = f_scores([M.average(results) for results in held.values()])
    print(f"held-out average: R1 F {r1:.4f}  R2 F {r2:.4f}  date F1 {d:.3f}")
    return 0


def _folds(runs: dict[tuple, dict[str, Scores]], names: list[str], k: int, seed: int) -> int:
    """The ``--folds`` estimate: topics dealt into ``k`` folds, each fold scored with the
    combination best (R1 F + R2 F) on the other folds."""
    units = {tuple(zip(names, combo)): topic_units(res) for combo, res in runs.items()}
    try:
        result = F.nested(units, tally_score, "r1_r2", k, seed)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    F.report(result, METRICS, "topic", echo=print)
    return 0


if __name__ == "__main__":
    sys.exit(main())
