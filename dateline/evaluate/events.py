"""Evaluation of the events extractor on PLOVER gold standard records.

Each record's sentence is parsed and run through the extractors with the
record's date as publication date. Scores:

* event type accuracy: the event the system gives for the sentence (if
  several, the one whose actor country matches the first gold source code,
  else the first) has the gold type; no event counts as wrong;
* macro F1 over types (per type precision/recall of that chosen type);
* actor (source) and target country accuracy over records with gold codes:
  the first gold code's first three letters against the chosen event's
  actor/target country;
* mode accuracy over records with a gold mode: the chosen event has the gold
  type and mode;
* false-event rate: records labelled ``"event": "NONE"`` are sentences without an
  event (page furniture, questions, conditionals, plans); the share of them where the
  extractor finds any event. They do not count in the figures above;
* ``--folds K`` (and ``--grid``): per-fold figures by record, see
  :mod:`dateline.evaluate.folds`;
* time per sentence: the events extractor alone (timed on a second run, after
  the full one, so without loading its tables), all extractors, and all
  extractors with the spaCy parse (the first record pays for loading tables).

Gold labels of the older records are mapped to the current PLOVER types:
DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT, INVESTIGATE ->
ACCUSE (mode investigate).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from dateline.evaluate import folds as F
from dateline.evaluate.folds import pool
from dateline.evaluate.scoring import PRF, accuracy, macro_f1, prf

#: Old gold labels -> current PLOVER types.
LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
             "INVESTIGATE": "ACCUSE"}
#: The label of a record that holds no event (a negative example).
NEGATIVE = "NONE"


def gold_type(record: dict) -> str:
    """The record's event label as a current PLOVER type."""
    label = str(record.get("event", "")).strip().upper()
    return LABEL_MAP.get(label, label)


def gold_country(actors: object) -> str | None:
    """First three letters of the first gold actor code, or None if there is none."""
    if not isinstance(actors, list):
        return None
    for a in actors:
        if isinstance(a, dict) and a.get("code"):
            code = str(a["code"]).strip()
            if len(code) >= 3:
                return code[:3].upper()
    return None


def record_date(record: dict) -> dt.date:
    """The record's date, or 2000-01-01 when it has none that parses."""
    try:
        return dt.date.fromisoformat(str(record.get("date", ""))[:10])
    except ValueError:
        return dt.date(2000, 1, 1)


def choose(events: list[dict], gold_source: str | None) -> dict | None:
    """The event scored for a sentence: the first whose actor country is the
    gold source's, else the first event, else None."""
    if not events:
        return None
    if gold_source:
        for ev in events:
            if (ev.get("actor") or {}).get("country") == gold_source:
                return ev
    return events[0]


def is_negative(record: dict) -> bool:
    """True for a record that marks a sentence with no event (``"event": "NONE"``)."""
    return gold_type(record) == NEGATIVE


def record_tally(rec: dict, events: list[dict]) -> dict[str, int]:
    """The counts one record adds (see :func:`score`): for a negative record whether
    the system found any event; else whether the chosen event has the gold type, mode,
    actor country and target country, and the type's true/false positive and false
    negative counts (keys ``tp:TYPE``, ``fp:TYPE``, ``fn:TYPE``)."""
    if is_negative(rec):
        return {"negatives": 1, "negatives_fired": int(bool(events))}
    gold = gold_type(rec)
    src = gold_country(rec.get("source"))
    tgt = gold_country(rec.get("target"))
    ev = choose(events, src)
    pred = ev["type"] if ev else None
    t: dict[str, int] = {"records": 1, "correct": int(pred == gold)}
    if pred == gold:
        t[f"tp:{gold}"] = 1
    else:
        t[f"fn:{gold}"] = 1
        if pred:
            t[f"fp:{pred}"] = 1
    if src:
        t["actor_n"] = 1
        t["actor_ok"] = int(((ev or {}).get("actor") or {}).get("country") == src)
    if tgt:
        t["target_n"] = 1
        t["target_ok"] = int(((ev or {}).get("target") or {}).get("country") == tgt)
    mode = str(rec.get("mode") or "").strip().lower()
    if mode:
        t["mode_n"] = 1
        t["mode_ok"] = int(pred == gold and str((ev or {}).get("mode") or "").lower() == mode)
    return t


def per_type(counts: Mapping[str, float]) -> dict[str, dict[str, float]]:
    """Gold and predicted counts, precision, recall and F1 of every type in ``counts``."""
    types = sorted({k.split(":", 1)[1] for k in counts if k[:3] in ("tp:", "fp:", "fn:")})
    out = {}
    for ty in types:
        tp, fp, fn = (counts.get(f"{x}:{ty}", 0) for x in ("tp", "fp", "fn"))
        s = prf(tp, tp + fp, tp + fn)
        out[ty] = {"gold": tp + fn, "pred": tp + fp, "precision": s.p, "recall": s.r,
                   "f1": s.f}
    return out


def score(counts: Mapping[str, float]) -> dict[str, float]:
    """Figures of summed record tallies: type accuracy, macro F1 over the types with
    gold records, actor, target and mode accuracy (over records with that gold), and
    the false-event rate (share of negative records where the system found an event)."""
    with_gold = [PRF(r["precision"], r["recall"], r["f1"])
                 for r in per_type(counts).values() if r["gold"]]
    return {
        "type_accuracy": accuracy(counts.get("correct", 0), counts.get("records", 0)),
        "macro_f1": macro_f1(with_gold),
        "actor_accuracy": accuracy(counts.get("actor_ok", 0), counts.get("actor_n", 0)),
        "target_accuracy": accuracy(counts.get("target_ok", 0), counts.get("target_n", 0)),
        "mode_accuracy": accuracy(counts.get("mode_ok", 0), counts.get("mode_n", 0)),
        "false_event_rate": accuracy(counts.get("negatives_fired", 0),
                                     counts.get("negatives", 0)),
    }


#: The figures ``--folds`` prints, with their column titles.
METRICS = (("type_accuracy", "type acc"), ("macro_f1", "macro F1"),
           ("actor_accuracy", "actor"), ("target_accuracy", "target"),
           ("false_event_rate", "false ev"))


def evaluate(records: list[dict], configs: Mapping[str, Any] | None = None) -> dict:
    """Run the extractors (with ``configs`` replacing declared configurations) on every
    record; return the figures of :func:`score`, the counts behind them, ``per_type``,
    ``units`` (each record's tally, keyed by its id), timings and the failures."""
    from dateline.evaluate.timing import run_timed
    from dateline.extract import run_extractors
    from dateline.nlp import load_model

    nlp = load_model()
    units: dict[str, dict[str, int]] = {}
    parse_s = extract_s = events_s = 0.0
    failures: list[tuple[str, str, str]] = []
    for i, rec in enumerate(records):
        text = str(rec.get("text") or "").strip()
        if not text:
            continue
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        results = run_extractors(doc, record_date(rec), configs=configs)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        extract_s += t2 - t1
        events_s += run_timed(doc, record_date(rec), "events", configs=configs)[1]
        events = results.get("events") or []
        tally = record_tally(rec, events)
        key = str(rec.get("id") or f"#{i}")
        while key in units:
            key += "'"
        units[key] = tally
        if is_negative(rec):
            if events:
                failures.append((NEGATIVE, events[0]["type"], text))
        elif not tally["correct"]:
            ev = choose(events, gold_country(rec.get("source")))
            failures.append((gold_type(rec), ev["type"] if ev else "-", text))
    counts = pool(units.values())
    n = len(units)
    return {
        **score(counts),
        "records": counts.get("records", 0),
        "negatives": counts.get("negatives", 0),
        "actor_n": counts.get("actor_n", 0),
        "target_n": counts.get("target_n", 0),
        "mode_n": counts.get("mode_n", 0),
        "per_type": per_type(counts),
        "units": units,
        "ms_extract": 1000 * extract_s / n if n else 0.0,
        "ms_events": 1000 * events_s / n if n else 0.0,
        "ms_total": 1000 * (parse_s + extract_s) / n if n else 0.0,
        "failures": failures,
    }


@click.command("events")
@click.option("--data", "data_path", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="PLOVER gold standard records (a JSON list).")
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
@click.option("--show-failures", type=int, default=0,
              help="Print up to N misclassified sentences (gold, predicted, text).")
@F.fold_options
def command(data_path: Path, limit: int | None, show_failures: int, folds: int | None,
            seed: int, grid: tuple[str, ...]) -> None:
    """Score the events extractor against PLOVER gold records (``"event": "NONE"``
    marks a sentence without an event)."""
    F.check_options(folds, grid)
    records = json.loads(data_path.read_text(encoding="utf-8"))
    records = [r for r in records if isinstance(r, dict) and r.get("event")]
    if limit:
        records = records[:limit]
    s = evaluate(records)
    click.echo(f"records                 {s['records']}")
    click.echo(f"event type accuracy     {s['type_accuracy']:.3f}")
    click.echo(f"macro F1 over types     {s['macro_f1']:.3f}")
    click.echo(f"actor country accuracy  {s['actor_accuracy']:.3f}  (n={s['actor_n']})")
    click.echo(f"target country accuracy {s['target_accuracy']:.3f}  (n={s['target_n']})")
    if s["mode_n"]:
        click.echo(f"mode accuracy           {s['mode_accuracy']:.3f}  (n={s['mode_n']}; "
                   "type and mode right)")
    if s["negatives"]:
        click.echo(f"false-event rate        {s['false_event_rate']:.3f}  "
                   f"(n={s['negatives']} sentences without an event)")
    click.echo(f"time per sentence       {s['ms_events']:.2f} ms events extractor, "
               f"{s['ms_extract']:.2f} ms all extractors, {s['ms_total']:.2f} ms with parse")
    click.echo("")
    click.echo(f"{'type':<10} {'gold':>5} {'pred':>5} {'prec':>6} {'rec':>6} {'f1':>6}")
    for ty, row in s["per_type"].items():
        click.echo(f"{ty:<10} {row['gold']:>5} {row['pred']:>5} {row['precision']:>6.2f} "
                   f"{row['recall']:>6.2f} {row['f1']:>6.2f}")
    for gold, pred, text in s["failures"][:show_failures]:
        click.echo(f"\n[{gold} -> {pred}] {text}")
    if folds:
        F.run_folds(lambda combo: evaluate(records, F.extractor_configs(combo))["units"],
                    score, [m for m in METRICS if s["negatives"] or m[0] != "false_event_rate"],
                    "record", folds, seed, grid, first=s["units"])
