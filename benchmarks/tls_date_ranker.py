"""A learned date ranker for timelines, trained and scored leave one topic out.

:func:`dateline.analyses.timeline.build_timeline` ranks a story's candidate days by
hand-set weights on counts of articles (``mention_weight`` per article mentioning the
day, ``pub_weight`` per article published on it, ``next_day_weight`` per article
published the day after). This script asks whether a model learned across the
development topics, as DATEWISE does (Gholipour Ghalandari & Ifrim 2020), ranks them
better on a topic it was not trained on. The answer on Timeline17 (December 2026,
docs/timelines.md): no, so the package does not ship one.

Each candidate day of a gold timeline's range (a day some selected article mentions or
was published on, exactly the days ``build_timeline`` ranks) is an example, labelled by
whether the gold timeline holds it; its features (:data:`FEATURES`) come from the store
alone. Logistic regression (numpy, Newton's method, L2 on standardised features), each
topic weighing the same however many days it has.

Leave one topic out: for each topic, the model is trained on the other topics (its L2
strength chosen among ``--c`` by an inner leave-one-topic-out date F1 on those topics
only), the held-out topic's timelines are built by ``build_timeline`` with the days
ranked by that model instead of the hand-set counts (its N best days that have
candidate sentences; everything else as ``dateline eval tls``) and scored with the same
metrics (align+ m:1 ROUGE-1/2 F, date F1). The hand-set scorer is scored in the same
run. Per topic and mean (precision and recall averaged over timelines, then F)::

    python benchmarks/tls_date_ranker.py --data ../shared/data/tls/t17 --workdir /tmp/dateline-tls
    python benchmarks/tls_date_ranker.py ... --features mentions,published,next_day

``--features`` fits only the features named (the others weigh 0). The hand-set
scorer is printed twice: with its current weights (set by looking at all nine topics),
and held out as ``benchmarks/tls_heldout.py`` does it: for each topic, the publication
and next-day weights of the ``--old-grid`` that are best (R1 F + R2 F) on the other
topics. Uses the stores that ``dateline eval tls`` caches under ``--workdir`` (build them
first).

The learned ranking enters ``build_timeline`` through its last step of date choice
(``_spread``, which receives the days ranked by the hand-set score and, with spreading
off, keeps the first N): the days are re-ranked there. Days are still summarised in
order of the hand-set score, which only decides which of two days takes a sentence
that both share (the near-duplicate check).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import itertools
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

import dateline.analyses.timeline as T
from dateline.evaluate import tls_metrics as M
from dateline.evaluate.tls import load_topics, mean_sentences_per_date
from dateline.settings import TimelineSettings
from dateline.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tls_heldout  # noqa: E402  (the hand-set scorer's held-out choice, shared)

Scores = dict[str, dict[str, float]]
Model = dict[str, float]

#: What the ranker knows of a candidate day, all from the store: counts of articles (as
#: log(1 + count)) that mention the day, that are published on it, on the day after,
#: that mention it and are published after it (later references, DATEWISE's strongest
#: signal), more than a week after it, or before it (announcements), that mention it in
#: their first LEAD sentences; the day's articles (mentioning or published) against the
#: mean of the BURST days either side (log ratio); the share of the selection's articles
#: that refer to it; and the articles published after it (log: how many could refer
#: back to it at all).
FEATURES = ("mentions", "published", "next_day", "later", "week_later", "before", "lead",
            "burst", "share", "after")
LEAD = 3
BURST = 7


def day_mentions(store: Store, arts: dict[int, tuple[str, dt.date]], start: dt.date,
                 end: dt.date) -> dict[tuple[int, int], set[dt.date]]:
    """``(article, sentence) -> days`` it mentions in ``start``..``end``: day-level
    values of type DATE, as ``build_timeline`` reads them."""
    mentions: dict[tuple[int, int], set[dt.date]] = defaultdict(set)
    for art, sent, value in store.db.execute(
            f"SELECT article, sentence, value FROM dates WHERE article IN "
            f"({T._in_list(list(arts))}) AND type = 'DATE'"):
        if isinstance(value, str) and T._DAY.match(value):
            try:
                d = dt.date.fromisoformat(value)
            except ValueError:
                continue
            if start <= d <= end:
                mentions[(art, sent)].add(d)
    return mentions


def day_features(mentions: dict[tuple[int, int], set[dt.date]],
                 pub: dict[int, dt.date]) -> dict[dt.date, list[float]]:
    """The :data:`FEATURES` of every day an article mentions (``mentions``) or was
    published on (``pub``: article -> day)."""
    first: dict[dt.date, dict[int, int]] = defaultdict(dict)   # day -> article -> sentence
    for (art, sent), days in mentions.items():
        for d in days:
            if sent < first[d].get(art, sent + 1):
                first[d][art] = sent
    pub_arts: dict[dt.date, set[int]] = defaultdict(set)
    for a, p in pub.items():
        pub_arts[p].add(a)
    days = set(first) | set(pub_arts)
    refer = {d: len(pub_arts.get(d, set()).union(first.get(d, ()))) for d in days}
    after: dict[dt.date, int] = {}
    total = 0
    for d in sorted(days, reverse=True):
        after[d] = total
        total += len(pub_arts.get(d, ()))
    n_arts = max(1, len(pub))
    one, week = dt.timedelta(days=1), dt.timedelta(days=7)
    out: dict[dt.date, list[float]] = {}
    for d in days:
        arts = first.get(d, {})
        later = sum(pub[a] > d for a in arts)
        week_later = sum(pub[a] > d + week for a in arts)
        before = sum(pub[a] < d for a in arts)
        lead = sum(s < LEAD for s in arts.values())
        around = [refer.get(d + dt.timedelta(days=i), 0) for i in range(-BURST, BURST + 1) if i]
        out[d] = [math.log1p(len(arts)), math.log1p(len(pub_arts.get(d, ()))),
                  math.log1p(len(pub_arts.get(d + one, ()))), math.log1p(later),
                  math.log1p(week_later), math.log1p(before), math.log1p(lead),
                  math.log1p(refer[d]) - math.log1p(sum(around) / len(around)),
                  refer[d] / n_arts, math.log1p(after[d])]
    return out


@dataclasses.dataclass
class Example:
    """One gold timeline's candidate days: their features and labels."""

    topic: str
    name: str
    gold: M.Timeline
    days: list[dt.date]
    x: np.ndarray
    y: np.ndarray


def examples(topics: list, stores: dict[str, Store]) -> list[Example]:
    """The candidate days of every gold timeline in its first..last gold date range
    (the articles ``build_timeline`` reads there), with features and labels."""
    out = []
    for topic in topics:
        store = stores[topic.name]
        for name, gold in topic.timelines.items():
            dates = sorted(gold)
            arts, _, _ = T._select(store, None, dates[0], dates[-1], T.MAX_ARTICLES)
            pub = {a: p for a, (_, p) in arts.items()}
            feats = day_features(day_mentions(store, arts, dates[0], dates[-1]), pub)
            days = sorted(feats)
            out.append(Example(topic.name, name, gold, days,
                               np.array([feats[d] for d in days], dtype=float),
                               np.array([d in gold for d in days], dtype=float)))
    return out


def train(exs: list[Example], c: float, use: list[str]) -> Model:
    """Logistic regression over the days of ``exs`` (Newton's method, L2 penalty 1/``c``
    on the standardised features ``use``, the intercept free), each topic weighing the
    same; the weights returned apply to the raw features, 0 for those not in ``use``."""
    names = list(FEATURES)
    cols = [names.index(f) for f in use]
    x = np.vstack([e.x[:, cols] for e in exs])
    y = np.concatenate([e.y for e in exs])
    per_topic: Counter = Counter()
    for e in exs:
        per_topic[e.topic] += len(e.days)
    w = np.concatenate([np.full(len(e.days), 1.0 / per_topic[e.topic]) for e in exs])
    w *= len(w) / w.sum()
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], 1.0 / c)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ beta)))
        grad = z.T @ (w * (p - y)) + penalty * beta
        hess = ((z * (w * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
                + 1e-9 * np.eye(len(beta)))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    raw = beta[1:] / sd
    model = {"intercept": float(beta[0] - (raw * mu).sum()), **dict.fromkeys(names, 0.0)}
    model.update({names[i]: float(v) for i, v in zip(cols, raw)})
    return model


def scores(e: Example, model: Model) -> dict[dt.date, float]:
    """Each candidate day's score (the logit) under ``model``."""
    w = np.array([model[f] for f in FEATURES])
    return dict(zip(e.days, (model["intercept"] + e.x @ w).tolist()))


def date_f1(exs: list[Example], model: Model) -> float:
    """Date F1 (averaged as ``dateline eval tls``) of the N best days of each timeline
    under ``model``: the date choice alone, no sentences (the inner criterion)."""
    results = []
    for e in exs:
        s = scores(e, model)
        top = sorted(e.days, key=lambda d: (-s[d], d))[:len(e.gold)]
        results.append(M.date_scores(dict.fromkeys(top, []), e.gold))
    return float(M.f_score(float(np.mean([r["precision"] for r in results])),
                           float(np.mean([r["recall"] for r in results]))))


def choose_c(exs: list[Example], grid: list[float], use: list[str]) -> float:
    """The L2 strength among ``grid`` best by leave-one-topic-out date F1 within ``exs``
    (the first on ties)."""
    topics = sorted({e.topic for e in exs})
    best, best_f = grid[0], -1.0
    for c in grid:
        f = float(np.mean([date_f1([e for e in exs if e.topic == t],
                                   train([e for e in exs if e.topic != t], c, use))
                           for t in topics]))
        if f > best_f + 1e-12:
            best, best_f = c, f
    return best


@contextlib.contextmanager
def ranked_by(day_score: dict[dt.date, float]) -> Iterator[None]:
    """Within the block, ``build_timeline`` keeps the N days best by ``day_score``
    among those it would rank (days it ranks that ``day_score`` lacks come last)."""
    original: Callable = T._spread

    def spread(ranked: list[dt.date], n: int, *rest: object) -> list[dt.date]:
        return sorted(ranked, key=lambda d: (-day_score.get(d, -math.inf), d))[:n]

    T._spread = spread   # type: ignore[assignment]
    try:
        yield
    finally:
        T._spread = original   # type: ignore[assignment]


def build_scores(e: Example, store: Store, day_score: dict[dt.date, float] | None) -> Scores:
    """The metrics of ``dateline eval tls`` for one gold timeline, its days ranked by
    the hand-set counts (``day_score`` None) or by ``day_score``."""
    dates = sorted(e.gold)
    with contextlib.ExitStack() as stack:
        if day_score is not None:
            stack.enter_context(ranked_by(day_score))
        tl = T.build_timeline(store, max_dates=len(dates),
                              sentences_per_date=mean_sentences_per_date(e.gold),
                              start=dates[0], end=dates[-1])
    pred = {en.date: [s.text for s in en.sentences] for en in tl.entries}
    return M.evaluate(pred, e.gold)


def _fmt(avg: Scores) -> str:
    return (f"{avg['rouge_1']['f_score']:6.4f} {avg['rouge_2']['f_score']:6.4f} "
            f"{avg['date']['f_score']:6.3f}")


def main() -> int:
    """Score both rankers leave one topic out and print the model trained on all."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, type=Path, help="Timeline17 folder")
    ap.add_argument("--workdir", default="/tmp/dateline-tls", type=Path,
                    help="where `dateline eval tls` cached the stores")
    ap.add_argument("--c", default="0.01,0.1,1,10",
                    help="L2 strengths (inverse penalty) to choose among (default %(default)s)")
    ap.add_argument("--features", default=",".join(FEATURES),
                    help="the features fitted, comma-separated (default: all)")
    ap.add_argument("--old-grid", action="append", metavar="name=v1,v2",
                    help="the hand-set weights chosen on the other topics (repeatable; "
                    "default pub_weight=0.1,0.25,0.5 and next_day_weight=0.25,0.5,1)")
    args = ap.parse_args()
    old_grid = tls_heldout.parse_grid(
        args.old_grid or ["pub_weight=0.1,0.25,0.5", "next_day_weight=0.25,0.5,1"])
    grid = [float(v) for v in args.c.split(",")]
    use = [f.strip() for f in args.features.split(",") if f.strip()]
    unknown = sorted(set(use) - set(FEATURES))
    if unknown or not use:
        print(f"--features: expected some of {', '.join(FEATURES)}", file=sys.stderr)
        return 2
    topics = load_topics(args.data)
    missing = [t.name for t in topics if not (args.workdir / f"{t.name}.db").exists()]
    if missing:
        print(f"no store for {', '.join(missing)} under {args.workdir}: run "
              f"`dateline eval tls --data {args.data} --workdir {args.workdir}` first",
              file=sys.stderr)
        return 1
    stores = {t.name: Store(args.workdir / f"{t.name}.db", readonly=True) for t in topics}
    exs = examples(topics, stores)
    runs = {}
    for combo in itertools.product(*old_grid.values()):
        values: dict[str, Any] = dict(zip(old_grid, combo))
        runs[combo] = tls_heldout.score_all(topics, stores, TimelineSettings(**values))
    held: dict[str, list[Scores]] = defaultdict(list)
    picked = {}
    for topic in topics:
        best = max(runs, key=lambda combo: sum(tls_heldout.f_scores(
            [v for k, v in runs[combo].items() if not k.startswith(topic.name + "/")])[:2]))
        picked[topic.name] = dict(zip(old_grid, best))
        held[topic.name] = [v for k, v in runs[best].items()
                            if k.startswith(topic.name + "/")]
    old: dict[str, list[Scores]] = defaultdict(list)
    new: dict[str, list[Scores]] = defaultdict(list)
    chosen = {}
    for topic in topics:
        rest = [e for e in exs if e.topic != topic.name]
        c = chosen[topic.name] = choose_c(rest, grid, use)
        model = train(rest, c, use)
        for e in (e for e in exs if e.topic == topic.name):
            old[topic.name].append(build_scores(e, stores[topic.name], None))
            new[topic.name].append(build_scores(e, stores[topic.name], scores(e, model)))
    print(f"features: {', '.join(use)}")
    print("R1 F, R2 F, date F1 of each held-out topic: hand-set weights as set | "
          "hand-set weights chosen on the other topics | learned on the other topics")
    print(f"{'held-out topic':20} {'days':>5} {'gold':>4} | {'as set':^21} | "
          f"{'chosen on the others':^21} | {'learned':^21} | C, weights chosen")
    for topic in topics:
        n_days = sum(len(e.days) for e in exs if e.topic == topic.name)
        n_gold = sum(len(e.gold) for e in exs if e.topic == topic.name)
        weights = " ".join(f"{k} {v:g}" for k, v in picked[topic.name].items())
        print(f"{topic.name[:20]:20} {n_days:5d} {n_gold:4d} | "
              f"{_fmt(M.average(old[topic.name]))} | {_fmt(M.average(held[topic.name]))} | "
              f"{_fmt(M.average(new[topic.name]))} | {chosen[topic.name]:g}, {weights}")
    print(f"{'mean (P, R averaged, then F)':31} | "
          + " | ".join(_fmt(M.average([s for v in d.values() for s in v]))
                       for d in (old, held, new)))
    c = choose_c(exs, grid, use)
    model = train(exs, c, use)
    print(f"trained on all {len(topics)} topics (C {c:g}), weights of the raw features:")
    for name in ("intercept", *use):
        print(f"  {name:12s} {model[name]:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
