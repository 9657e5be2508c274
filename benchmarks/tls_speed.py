"""Seconds per timeline of :func:`dateline.analyses.timeline.build_timeline` on Timeline17.

Uses the per-topic stores that ``dateline eval tls`` caches under ``--workdir``
(build them first with ``dateline eval tls --data ...``), and times timeline
building alone in the standard setting (N, K and the date range from each gold
timeline), ``--repeat`` times per timeline; prints the median and the worst run per
timeline. The goal is at most 2 s per timeline on a 2-core machine.

    python benchmarks/tls_speed.py --data ../shared/data/tls/t17 [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from dateline.analyses.timeline import build_timeline
from dateline.evaluate.tls import load_topics, mean_sentences_per_date
from dateline.store import Store


def main() -> int:
    """Time every gold timeline's build; return 1 when a store is missing."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, type=Path, help="Timeline17 folder")
    ap.add_argument("--workdir", default="/tmp/dateline-tls", type=Path,
                    help="where `dateline eval tls` cached the stores")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timeline")
    args = ap.parse_args()
    rows = []
    for topic in load_topics(args.data):
        path = args.workdir / f"{topic.name}.db"
        if not path.exists():
            print(f"{path}: missing; run `dateline eval tls --data {args.data}` first",
                  file=sys.stderr)
            return 1
        with Store(path, readonly=True) as store:
            for name, gold in topic.timelines.items():
                dates = sorted(gold)
                times = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    build_timeline(store, max_dates=len(dates),
                                   sentences_per_date=mean_sentences_per_date(gold),
                                   start=dates[0], end=dates[-1])
                    times.append(time.perf_counter() - t0)
                rows.append((f"{topic.name}/{name}", len(dates), statistics.median(times),
                             max(times)))
    print(f"{'timeline':45} {'N':>4} {'median s':>9} {'worst s':>8}")
    for name, n, med, worst in rows:
        print(f"{name[:45]:45} {n:4d} {med:9.3f} {worst:8.3f}")
    print(f"{'mean of medians':45} {'':4} {statistics.mean(r[2] for r in rows):9.3f} "
          f"{max(r[3] for r in rows):8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
