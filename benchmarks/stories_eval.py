"""Stories (dateline.analyses.stories) measured on the Timeline17 topics mixed in one store.

The articles of every topic folder under DATA (``<topic>/articles.jsonl``) are ingested
into one store (``--db``; ids are prefixed with the topic, ``haiti_bbc:572``, since the
topics reuse ids; an existing store is reused, and ingesting again stores nothing new),
then grouped into stories and compared with the gold grouping:

* **subject** (the main gold): the topic name before its source, so the three BP oil
  spill topics (BBC, Fox News, Reuters) are one subject, the two H1N1 topics another:
  six subjects. Three outlets covering the same spill in the same months are the same
  story; nothing but the outlet tells them apart;
* **topic**: the nine folders as they are (shown for reference; no grouping by content
  can split one spill by outlet).

Printed for each: B-cubed precision, recall and F1 (Bagga & Baldwin; each article
weighs once), purity and inverse purity, and the number of stories. Every article counts,
near-duplicate copies included (they go with their representative).

Views:

1. **full grouping** with the default settings (what ``dateline stories --rebuild``
   gives), and the same on the articles in three shuffled orders (must be identical);
2. **incremental**: the articles arrive in 4 ingests (chronological quarters, then 4
   random parts), each grouped against the stories of the ones before, as ingest does;
   scored, and compared with the full grouping (B-cubed F1 of one against the other);
   with ``--through-store``, the chronological quarters also go through
   ``update_stories`` on a copy of the store (the code ingest runs), which must give the
   same stories;
3. **held-out thresholds**: the subjects split in two folds (A: bpoil, haiti, IraqWar =
   5 topics; B: H1N1, LibyaWar, SyrianCrisis = 4 topics); a grid of thresholds and decay
   lengths is tried on one fold, the best is scored on the other, both ways. The grid's
   best on all nine topics is printed too, marked in-sample;
4. time of a full grouping of the store (reading the terms and assigning).

    python benchmarks/stories_eval.py /work/shared/data/tls/t17 --db /tmp/stories/t17.db
        [--through-store] [--no-grid] [--no-ingest]
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline.analyses.stories import (  # noqa: E402
    ArticleTerms,
    Idf,
    Story,
    StorySettings,
    assign,
    read_terms,
)
from dateline.store import Store  # noqa: E402

FOLD_A = ("bpoil", "haiti", "IraqWar")
THRESHOLDS = (0.04, 0.06, 0.08, 0.1, 0.15, 0.2)
DECAYS = (7.0, 30.0, 90.0)


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of the clustering ``pred`` against ``gold``
    (both ``{item: cluster}`` over the same items)."""
    pc: dict[str, set[str]] = defaultdict(set)
    gc: dict[str, set[str]] = defaultdict(set)
    for k, c in pred.items():
        pc[c].add(k)
    for k, c in gold.items():
        gc[c].add(k)
    p = r = 0.0
    for k in pred:
        both = len(pc[pred[k]] & gc[gold[k]])
        p += both / len(pc[pred[k]])
        r += both / len(gc[gold[k]])
    p, r = p / len(pred), r / len(pred)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def purity(pred: dict[str, str], gold: dict[str, str]) -> float:
    """Share of items in the gold cluster most common in their predicted cluster."""
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for k, c in pred.items():
        by[c][gold[k]] += 1
    return sum(c.most_common(1)[0][1] for c in by.values()) / len(pred)


def group_all(arts: Sequence[ArticleTerms], settings: StorySettings) -> dict[str, str]:
    """``{article: story}`` of a full grouping of ``arts`` (as ``update_stories`` with
    ``rebuild`` does, without a store)."""
    df: Counter[str] = Counter()
    originals = [a for a in arts if a.duplicate_of in (None, a.id)]
    for a in originals:
        df.update(a.counts.keys())
    stories: dict[str, Story] = {}
    return {x.article: x.story for x in assign(arts, stories, Idf(dict(df), len(originals)),
                                                settings)}


def group_in_parts(parts: Iterable[Sequence[ArticleTerms]], settings: StorySettings
                   ) -> dict[str, str]:
    """``{article: story}`` when ``parts`` arrive one after the other, each grouped
    against the stories of the parts before (as successive ingests do)."""
    df: Counter[str] = Counter()
    n = 0
    stories: dict[str, Story] = {}
    known: dict[str, str] = {}
    for part in parts:
        originals = [a for a in part if a.duplicate_of in (None, a.id)]
        for a in originals:
            df.update(a.counts.keys())
        n += len(originals)
        for x in assign(part, stories, Idf(dict(df), n), settings, known):
            known[x.article] = x.story
    return known


def line(name: str, pred: dict[str, str], gold: dict[str, str]) -> str:
    gold = {k: gold[k] for k in pred}
    p, r, f = bcubed(pred, gold)
    return (f"  {name:<34} B3 P {p:.3f} R {r:.3f} F1 {f:.3f}   purity {purity(pred, gold):.3f}"
            f" inverse {purity(gold, pred):.3f}   stories {len(set(pred.values()))}")


def ensure_store(data: Path, db: Path) -> None:
    """Ingest every topic of ``data`` into ``db`` with topic-prefixed ids (nothing new is
    stored when they are there already)."""
    from dateline.api import Dateline

    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted(p for p in data.iterdir() if (p / "articles.jsonl").exists()):
            with open(folder / "articles.jsonl", encoding="utf-8") as src, \
                    open(Path(tmp) / f"{folder.name}.jsonl", "w", encoding="utf-8") as dst:
                for raw in src:
                    row = json.loads(raw)
                    row["id"] = f"{folder.name}:{row['id']}"
                    dst.write(json.dumps(row) + "\n")
        with Dateline(db) as dl:
            if dl.count() == 0:
                print(f"ingesting {data} into {db} (slow: the full NLP pipeline) ...",
                      file=sys.stderr)
            summary = dl.ingest([tmp])
            if summary.stored:
                print("\n".join(summary.lines()), file=sys.stderr)


def through_store(db: Path, by_date: Sequence[ArticleTerms], size: int) -> dict[str, str]:
    """``{article: story}`` when a copy of ``db`` is grouped by ``update_stories`` (what
    ingest runs at its end) in parts of ``size`` articles in date order, as if each part
    were a later ingest."""
    import sqlite3

    from dateline.analyses import stories

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        src, dst = sqlite3.connect(db), sqlite3.connect(copy)
        src.backup(dst)   # the committed state, WAL included
        src.close()
        dst.close()
        read = stories.read_terms
        try:
            with Store(copy) as store:
                store.db.executescript("DELETE FROM stories; DELETE FROM story_articles;"
                                       " DELETE FROM story_terms;"
                                       " DELETE FROM meta WHERE key LIKE 'story_%';")
                for i in range(0, len(by_date), size):
                    last = by_date[min(i + size, len(by_date)) - 1]
                    key = (last.published, last.id)

                    def upto(st: Store, rowids: Sequence[int] | None = None,
                             key: tuple = key) -> list[ArticleTerms]:
                        return [a for a in read(st, rowids) if (a.published, a.id) <= key]

                    stories.read_terms = upto   # type: ignore[assignment]
                    stories.update_stories(store)
                return dict(store.db.execute("SELECT article, story FROM story_articles"))
        finally:
            stories.read_terms = read   # type: ignore[assignment]


def best_on(arts: Sequence[ArticleTerms], gold: dict[str, str]
            ) -> tuple[StorySettings, float, list[tuple[float, float, float]]]:
    """The grid's settings with the best B-cubed F1 on ``arts`` (ties: the higher
    threshold, then the shorter decay), that F1 and the whole grid."""
    grid = []
    for th in THRESHOLDS:
        for decay in DECAYS:
            pred = group_all(arts, StorySettings(threshold=th, decay_days=decay))
            grid.append((bcubed(pred, {k: gold[k] for k in pred})[2], th, decay))
    f, th, decay = max(grid, key=lambda g: (round(g[0], 6), g[1], -g[2]))
    return StorySettings(threshold=th, decay_days=decay), f, grid


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="Timeline17 folder (one folder per topic)")
    ap.add_argument("--db", type=Path, default=Path("t17-stories.db"),
                    help="store to build or reuse (default: ./t17-stories.db)")
    ap.add_argument("--no-ingest", action="store_true",
                    help="use the store as it is (do not ingest missing articles)")
    ap.add_argument("--no-grid", action="store_true", help="skip the held-out view")
    ap.add_argument("--through-store", action="store_true",
                    help="also run the date-ordered incremental view through "
                    "update_stories on a copy of the store (the code ingest runs)")
    args = ap.parse_args(argv)
    if not args.no_ingest:
        ensure_store(args.data, args.db)
    t0 = time.perf_counter()
    with Store(args.db, readonly=True) as store:
        arts = [a for a in read_terms(store) if ":" in a.id]
    t_read = time.perf_counter() - t0
    topic = {a.id: a.id.split(":")[0] for a in arts}
    subject = {k: v.split("_")[0] for k, v in topic.items()}
    settings = StorySettings()
    print(f"{len(arts)} articles of {len(set(topic.values()))} topics "
          f"({len(set(subject.values()))} subjects) in {args.db}; "
          f"{sum(1 for a in arts if a.duplicate_of not in (None, a.id))} flagged copies")
    print(f"settings: threshold {settings.threshold}, decay {settings.decay_days} days, "
          f"weights {settings.weights}")

    t1 = time.perf_counter()
    full = group_all(arts, settings)
    t_assign = time.perf_counter() - t1
    print("1. full grouping")
    print(line("gold = subject (6)", full, subject))
    print(line("gold = topic folder (9)", full, topic))
    rng = random.Random(0)
    same = 0
    for _ in range(3):
        shuffled = copy.deepcopy(arts)
        rng.shuffle(shuffled)
        same += group_all(shuffled, settings) == full
    print(f"  shuffled input orders giving the same stories: {same} of 3")

    print("2. incremental (4 ingests, each grouped against the stories before)")
    by_date = sorted(arts, key=lambda a: (a.published, a.id))
    q = len(by_date) // 4 + 1
    chrono = group_in_parts([by_date[i:i + q] for i in range(0, len(by_date), q)], settings)
    print(line("chronological quarters", chrono, subject))
    print(f"  {'  agreement with full (B3 F1)':<34} {bcubed(chrono, full)[2]:.3f}")
    if args.through_store:
        stored = through_store(args.db, by_date, q)
        print(line("same, through the store", stored, subject))
        print(f"  {'  identical to the line above':<34} {stored == chrono}")
    shuffled = list(arts)
    random.Random(1).shuffle(shuffled)
    rand = group_in_parts([shuffled[i:i + q] for i in range(0, len(shuffled), q)], settings)
    print(line("4 random parts", rand, subject))
    print(f"  {'  agreement with full (B3 F1)':<34} {bcubed(rand, full)[2]:.3f}")

    if not args.no_grid:
        print(f"3. held-out settings: grid threshold {THRESHOLDS} x decay days {DECAYS}")
        folds = {"A": [a for a in arts if subject[a.id] in FOLD_A],
                 "B": [a for a in arts if subject[a.id] not in FOLD_A]}
        for tune, test in (("A", "B"), ("B", "A")):
            picked, f_in, _ = best_on(folds[tune], subject)
            held = group_all(folds[test], picked)
            print(f"  tuned on {tune} ({sorted({subject[a.id] for a in folds[tune]})}): "
                  f"threshold {picked.threshold}, decay {picked.decay_days:g} "
                  f"(F1 {f_in:.3f} on {tune})")
            print(line(f"  held-out fold {test}", held, subject))
            default = group_all(folds[test], settings)
            print(line(f"  default settings on fold {test}", default, subject))
        picked, f_all, _ = best_on(arts, subject)
        print(f"  in-sample best on all topics: threshold {picked.threshold}, decay "
              f"{picked.decay_days:g}, B3 F1 {f_all:.3f}")
    print(f"4. time: reading terms {t_read:.1f} s, assigning {t_assign:.1f} s "
          f"({len(arts) / (t_read + t_assign):.0f} articles/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
