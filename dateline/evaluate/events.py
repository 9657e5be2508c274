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
from collections import Counter
from pathlib import Path

import click

from dateline.evaluate.scoring import PRF, accuracy, macro_f1, prf

#: Old gold labels -> current PLOVER types.
LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
             "INVESTIGATE": "ACCUSE"}


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


def evaluate(records: list[dict]) -> dict:
    """Run the extractors on every record and return the scores and counts."""
    from dateline.evaluate.timing import run_timed
    from dateline.extract import run_extractors
    from dateline.nlp import load_model

    nlp = load_model()
    n = 0
    correct = 0
    actor_n = actor_ok = target_n = target_ok = 0
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    parse_s = extract_s = events_s = 0.0
    failures: list[tuple[str, str, str]] = []
    for rec in records:
        text = str(rec.get("text") or "").strip()
        if not text:
            continue
        n += 1
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        results = run_extractors(doc, record_date(rec))
        t2 = time.perf_counter()
        parse_s += t1 - t0
        extract_s += t2 - t1
        events_s += run_timed(doc, record_date(rec), "events")[1]
        gold = gold_type(rec)
        src = gold_country(rec.get("source"))
        tgt = gold_country(rec.get("target"))
        ev = choose(results.get("events") or [], src)
        pred = ev["type"] if ev else None
        if pred == gold:
            correct += 1
            tp[gold] += 1
        else:
            fn[gold] += 1
            if pred:
                fp[pred] += 1
            failures.append((gold, pred or "-", text))
        if src:
            actor_n += 1
            if ev and (ev.get("actor") or {}).get("country") == src:
                actor_ok += 1
        if tgt:
            target_n += 1
            if ev and (ev.get("target") or {}).get("country") == tgt:
                target_ok += 1
    types = sorted(set(tp) | set(fn) | set(fp))
    per_type = {}
    with_gold: list[PRF] = []  # types with gold records: the macro F1 averages these
    for ty in types:
        s = prf(tp[ty], tp[ty] + fp[ty], tp[ty] + fn[ty])
        per_type[ty] = {"gold": tp[ty] + fn[ty], "pred": tp[ty] + fp[ty],
                        "precision": s.p, "recall": s.r, "f1": s.f}
        if tp[ty] + fn[ty]:
            with_gold.append(s)
    return {
        "records": n,
        "type_accuracy": accuracy(correct, n),
        "macro_f1": macro_f1(with_gold),
        "actor_n": actor_n,
        "actor_accuracy": accuracy(actor_ok, actor_n),
        "target_n": target_n,
        "target_accuracy": accuracy(target_ok, target_n),
        "per_type": per_type,
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
def command(data_path: Path, limit: int | None, show_failures: int) -> None:
    """Score the events extractor against PLOVER gold records."""
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
    click.echo(f"time per sentence       {s['ms_events']:.2f} ms events extractor, "
               f"{s['ms_extract']:.2f} ms all extractors, {s['ms_total']:.2f} ms with parse")
    click.echo("")
    click.echo(f"{'type':<10} {'gold':>5} {'pred':>5} {'prec':>6} {'rec':>6} {'f1':>6}")
    for ty, row in s["per_type"].items():
        click.echo(f"{ty:<10} {row['gold']:>5} {row['pred']:>5} {row['precision']:>6.2f} "
                   f"{row['recall']:>6.2f} {row['f1']:>6.2f}")
    for gold, pred, text in s["failures"][:show_failures]:
        click.echo(f"\n[{gold} -> {pred}] {text}")
