"""Timeline summarisation harness: Timeline17 in the standard setting of news-tls.

``dateline eval tls --data /path/to/tls/t17`` builds (once, cached under
``--workdir``; again with ``--rebuild``) one store per topic from the topic's
``articles.jsonl`` with the project's ingest (:func:`dateline.ingest.ingest`,
``--workers`` processes), then for every gold timeline of the topic builds a
timeline with :func:`dateline.analyses.timeline.build_timeline` in the setting of
Gholipour Ghalandari & Ifrim (2020):

- N = the number of dates of the gold timeline, K = the rounded mean number of
  sentences per gold date (``round`` of the mean, as numpy rounds: half to even);
- the input is limited to articles published between the gold timeline's first and
  last date (inclusive), and so are the dates a timeline may use.

It scores with alignment-based ROUGE-1/ROUGE-2 (align+ m:1) and date F1 as tilse
defines them (see :mod:`dateline.evaluate.tls_metrics`), averaging precision and
recall over timelines before taking F. Seconds per timeline count timeline building
only, on the already-ingested store.

``--method baseline`` is the naive baseline: the N busiest publication dates, and
for each the first K sentences of one article published that day.

``--folds K`` deals the *topics* into K seeded folds (:mod:`dateline.evaluate.folds`)
and prints each fold's figures, their mean and spread; with ``--grid
timeline.FIELD=v1,v2`` each fold is scored with the timeline settings best (ROUGE-1 F
+ ROUGE-2 F) on the other folds, a nested estimate of what tuning the settings gives
on topics it did not see. ``benchmarks/tls_heldout.py`` (leave-one-topic-out) uses the
same functions (:func:`score_timelines`, :func:`topic_units`, :func:`tally_score`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dateline.evaluate import folds as F
from dateline.evaluate import tls_metrics as M

if TYPE_CHECKING:
    from dateline.analyses.timeline import Timeline
    from dateline.settings import TimelineSettings
    from dateline.store import Store

#: The scores of one timeline, as :func:`dateline.evaluate.tls_metrics.evaluate` gives them.
Scores = dict[str, dict[str, float]]

#: Gold timelines' date separator line (32 dashes).
SEPARATOR = "-" * 32


@dataclass
class Topic:
    """One Timeline17 topic: its folder, its articles and its gold timelines."""

    name: str
    folder: Path
    timelines: dict[str, M.Timeline]


def read_gold_timeline(path: Path) -> M.Timeline:
    """Read a timeline in tilse's format, as tilse's ``Timeline.from_file`` does.

    A ``YYYY-MM-DD`` line opens a date, the following lines are its sentences, a
    line of 32 dashes closes it. A date that occurs twice keeps only the sentences
    of its last block (tilse stores the blocks in a dict keyed by date).
    """
    out: dict[dt.date, list[str]] = {}
    date: dt.date | None = None
    lines: list[str] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if line == SEPARATOR:
            if date is not None:
                out[date] = [s for s in "\n".join(lines).strip().split("\n")]
            date, lines = None, []
            continue
        try:
            date = dt.datetime.strptime(line, "%Y-%m-%d").date()
        except ValueError:
            lines.append(line)
    return out


def load_topics(data: Path, only: tuple[str, ...] = ()) -> list[Topic]:
    """The topics under ``data`` (folders holding ``articles.jsonl`` and ``timelines/``)."""
    topics = []
    for folder in sorted(p for p in data.iterdir() if (p / "articles.jsonl").exists()):
        if only and folder.name not in only:
            continue
        tls = {f.stem: read_gold_timeline(f)
               for f in sorted((folder / "timelines").glob("*.txt"))}
        topics.append(Topic(folder.name, folder, tls))
    return topics


def _extractors_fingerprint() -> str:
    """The fingerprint of what extracts the stores (the registry's), to tell stale
    stores apart."""
    from dateline.pipeline import extract_fingerprint

    return extract_fingerprint()


def build_store(topic: Topic, workdir: Path, *, rebuild: bool = False,
                workers: int = 2, batch_size: int = 16) -> Path:
    """Path of the topic's store under ``workdir``, ingesting its ``articles.jsonl``
    with :func:`dateline.ingest.ingest` (``workers`` processes) when the store is
    missing or ``rebuild`` is set.

    An existing store is reused; a note goes to stderr when it was built with other
    versions of the date extraction.
    """
    from dateline.ingest import ingest
    from dateline.store import Store

    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / f"{topic.name}.db"
    info_path = workdir / f"{topic.name}.json"
    fingerprint = _extractors_fingerprint()
    if path.exists() and not rebuild:
        built = json.loads(info_path.read_text()) if info_path.exists() else {}
        if built.get("extractors") != fingerprint:
            print(f"note: {path} was built with other date extraction code; "
                  "pass --rebuild to re-ingest", file=sys.stderr)
        return path
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              info_path):
        if p.exists():
            p.unlink()
    t0 = time.perf_counter()
    with Store(path) as store:
        summary = ingest([str(topic.folder / "articles.jsonl")], store, workers=workers,
                         batch_size=batch_size)
    secs = time.perf_counter() - t0
    if summary.rejected:
        print(f"note: {topic.name}: {len(summary.rejected)} article(s) rejected, e.g. "
              f"{summary.rejected[0]}", file=sys.stderr)
    info_path.write_text(json.dumps({"extractors": fingerprint, "articles": summary.stored,
                                     "seconds": round(secs, 1)}))
    print(f"built {path}: {summary.stored} articles in {secs:.0f} s", file=sys.stderr)
    return path


def mean_sentences_per_date(tl: M.Timeline) -> int:
    """K of the standard setting: the mean number of sentences per date, rounded
    half to even (numpy's ``round``, which news-tls uses)."""
    lens = [len(s) for s in tl.values()]
    return round(sum(lens) / len(lens)) if lens else 0



def run_timeline(store: Store, gold: M.Timeline, *, method: str = "dateline",
                 settings: TimelineSettings | None = None) -> tuple[Timeline, Scores, float]:
    """The timeline built for ``gold`` in the standard setting (N dates, K sentences a
    date, articles and dates within the gold's first and last date), its scores against
    ``gold`` and the seconds building it took. ``method`` "baseline" builds the naive
    baseline (``settings`` then do not apply)."""
    from dateline.analyses.timeline import baseline_timeline, build_timeline

    dates = sorted(gold)
    n, k = len(dates), mean_sentences_per_date(gold)
    t0 = time.perf_counter()
    if method == "baseline":
        tl = baseline_timeline(store, max_dates=n, sentences_per_date=k,
                               start=dates[0], end=dates[-1])
    else:
        tl = build_timeline(store, max_dates=n, sentences_per_date=k,
                            start=dates[0], end=dates[-1], settings=settings)
    secs = time.perf_counter() - t0
    pred = {e.date: [s.text for s in e.sentences] for e in tl.entries}
    return tl, M.evaluate(pred, gold), secs


def score_timelines(topics: list[Topic], stores: Mapping[str, Store],
                    settings: TimelineSettings | None = None,
                    method: str = "dateline") -> dict[str, Scores]:
    """Scores of every gold timeline of ``topics`` (keyed ``topic/timeline``), each
    built from its topic's store in ``stores`` (keyed by topic name) with ``settings``."""
    return {f"{topic.name}/{name}": run_timeline(stores[topic.name], gold, method=method,
                                                 settings=settings)[1]
            for topic in topics for name, gold in topic.timelines.items()}


#: The figures ``--folds`` prints, with their column titles.
METRICS = [("rouge_1", "R1 F"), ("rouge_2", "R2 F"), ("date", "date F1")]


def topic_tally(results: list[Scores]) -> dict[str, float]:
    """One topic's timelines as additive counts: the number of timelines and the sums
    of their precisions and recalls (so pooled counts give ``M.average``'s means)."""
    t: dict[str, float] = {"timelines": len(results)}
    for metric, _ in METRICS:
        t[f"{metric}_p"] = sum(r[metric]["precision"] for r in results)
        t[f"{metric}_r"] = sum(r[metric]["recall"] for r in results)
    return t


def topic_units(scores: Mapping[str, Scores]) -> dict[str, dict[str, float]]:
    """:func:`topic_tally` of each topic, from scores keyed ``topic/timeline`` (the
    units that ``--folds`` deals: a topic's timelines stay in one fold)."""
    by_topic: dict[str, list[Scores]] = defaultdict(list)
    for key, result in scores.items():
        by_topic[key.split("/", 1)[0]].append(result)
    return {t: topic_tally(r) for t, r in by_topic.items()}


def tally_score(counts: Mapping[str, float]) -> dict[str, float]:
    """R1 F, R2 F and date F1 of pooled :func:`topic_tally` counts (precision and recall
    averaged over timelines, then F, as ``dateline eval tls``), and ``r1_r2``, their
    R1 F + R2 F, the figure a grid is chosen on."""
    n = counts.get("timelines", 0) or 1
    out = {m: M.f_score(counts.get(f"{m}_p", 0) / n, counts.get(f"{m}_r", 0) / n)
           for m, _ in METRICS}
    out["r1_r2"] = out["rouge_1"] + out["rouge_2"]
    return {k: float(v) for k, v in out.items()}


def timeline_value(name: str, text: str) -> Any:
    """``text`` parsed as the value of timeline setting ``name`` (``timeline.FIELD``,
    as ``dateline config`` lists it): the ``--grid`` parser of ``eval tls``. ValueError
    for another setting (extraction settings would need the stores re-ingested) or a
    bad value."""
    if not name.startswith("timeline."):
        raise ValueError(f"eval tls chooses timeline settings only (timeline.FIELD); "
                         f"{name!r} is not one")
    return F.settings_value(name, text)


def timeline_settings(combo: F.Combo) -> TimelineSettings:
    """The timeline settings in force with the ``timeline.FIELD`` values of ``combo``."""
    from dateline.settings import Settings

    return Settings().with_values(dict(combo)).timeline


@click.command("tls")
@click.option("--data", "data", required=True, type=click.Path(exists=True, file_okay=False),
              help="Timeline17 folder (one sub-folder per topic).")
@click.option("--workdir", default="/tmp/dateline-tls", show_default=True,
              type=click.Path(file_okay=False), help="Where the per-topic stores are cached.")
@click.option("--rebuild", is_flag=True, help="Re-ingest the topics' articles.")
@click.option("--topic", "topics", multiple=True, help="Only this topic (repeatable).")
@click.option("--method", type=click.Choice(["dateline", "baseline"]), default="dateline",
              show_default=True, help="dateline: build_timeline; baseline: busiest "
              "publication dates, first sentences of one article per date.")
@click.option("--workers", default=2, show_default=True,
              help="Processes for ingesting a topic whose store is missing.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Write the predicted timelines and scores as JSON here.")
@F.fold_options(grid_example="timeline.FIELD")
def command(data: str, workdir: str, rebuild: bool, topics: tuple[str, ...], method: str,
            workers: int, out: str | None, folds: int | None, seed: int,
            grid: tuple[str, ...]) -> None:
    """Score timelines on Timeline17 (align+ m:1 ROUGE-1/2 F and date F1, as tilse).

    With --folds K the topics are dealt into K folds; --grid takes timeline settings
    (timeline.FIELD=v1,v2), chosen on ROUGE-1 F + ROUGE-2 F of the other folds."""
    from dateline.analyses.timeline import format_tilse
    from dateline.store import Store, StoreError

    F.check_options(folds, grid, timeline_value)
    if grid and method == "baseline":
        raise click.UsageError("--grid takes timeline settings, which the baseline does not use")
    found = load_topics(Path(data), topics)
    if not found:
        raise click.ClickException(f"{data}: no topic folders with articles.jsonl")
    if folds and folds > len(found):
        raise click.BadParameter(f"{len(found)} topic(s) cannot make {folds} folds",
                                 param_hint="--folds")
    rows = []
    dump = []
    scores: dict[str, Scores] = {}
    with contextlib.ExitStack() as opened:
        stores: dict[str, Store] = {}
        for topic in found:
            path = build_store(topic, Path(workdir), rebuild=rebuild, workers=workers)
            try:
                stores[topic.name] = opened.enter_context(Store(path, readonly=True))
            except StoreError as exc:
                raise click.ClickException(
                    f"{exc} (or pass --rebuild to re-ingest the topic)") from exc
            for name, gold in topic.timelines.items():
                tl, result, secs = run_timeline(stores[topic.name], gold, method=method)
                n, k = len(gold), mean_sentences_per_date(gold)
                scores[f"{topic.name}/{name}"] = result
                rows.append((f"{topic.name}/{name}", n, k, result, secs))
                dump.append({"topic": topic.name, "timeline": name, "n": n, "k": k,
                             "seconds": secs, "scores": result, "predicted": format_tilse(tl)})
        avg = M.average(list(scores.values()))
        _print_table(rows, avg, method)
        if out:
            Path(out).write_text(json.dumps({"average": avg, "timelines": dump}, indent=1,
                                            default=str))
        if folds:
            F.run_folds(lambda combo: topic_units(score_timelines(
                            found, stores, timeline_settings(combo), method)),
                        tally_score, METRICS, "topic", folds, seed, grid, objective="r1_r2",
                        parse=timeline_value, first=topic_units(scores))


#: Published averages on all 19 Timeline17 timelines, align+ m:1 (R1 F, R2 F, date F1),
#: as issue 5 quotes them: to compare with, not computed here.
PUBLISHED = (
    ("CLUST (Gholipour Ghalandari & Ifrim 2020)", ".082", ".020", ".407"),
    ("DATEWISE (Gholipour Ghalandari & Ifrim 2020)", ".120", ".035", ".544"),
    ("LLM-based systems, 13B-72B models", ".118-.136", ".036-.044", ".522-.576"),
)


def _print_table(rows: list, avg: dict, method: str) -> None:
    head = f"{'timeline':45} {'N':>4} {'K':>2} {'R1-F':>6} {'R2-F':>6} {'dateF1':>6} {'s/tl':>6}"
    click.echo(f"method: {method}  (align+ m:1 ROUGE, tilse definitions)")
    click.echo(head)
    click.echo("-" * len(head))
    for name, n, k, s, secs in rows:
        click.echo(f"{name[:45]:45} {n:4d} {k:2d} {s['rouge_1']['f_score']:6.3f} "
                   f"{s['rouge_2']['f_score']:6.3f} {s['date']['f_score']:6.3f} {secs:6.2f}")
    click.echo("-" * len(head))
    mean_secs = sum(r[4] for r in rows) / len(rows)
    click.echo(f"{'average (P, R averaged, then F)':45} {'':4} {'':2} "
               f"{avg['rouge_1']['f_score']:6.3f} {avg['rouge_2']['f_score']:6.3f} "
               f"{avg['date']['f_score']:6.3f} {mean_secs:6.2f}")
    click.echo("published, all 19 Timeline17 timelines (R1-F / R2-F / date F1):")
    for name, r1, r2, d in PUBLISHED:
        click.echo(f"  {name:48} {r1} / {r2} / {d}")
