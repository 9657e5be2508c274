"""The temporal engine on our own set of TimeML patterns that TimeBank holds rarely.

``tests/data/timex_patterns.tsv`` holds sentences written by us, each with a
publication date and the hand-checked TIMEX3 type and value of every time
expression in it (or none, for sentences that must yield nothing: "May" as a
name, "spring" as water, numbers that are not years). The test scores the
engine TempEval-style over the whole set (relaxed span pairs; a value hit is a
pair whose value matches) and asserts floors the engine meets, so that a change
that makes the set worse fails; ``-s`` prints the figures and the misses.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from dateline.temporal import tag

DATA = Path(__file__).parent / "data" / "timex_patterns.tsv"

#: Floors on the set (the engine's figures when they were set, rounded down).
VALUE_F1_FLOOR = 0.95
RELAXED_F1_FLOOR = 0.97
#: Sentences that must yield nothing and may still yield something.
FALSE_POSITIVE_CEILING = 0


def read_set(path: Path = DATA) -> dict[tuple[dt.date, str], list[tuple[str, str, str]]]:
    """``{(published, sentence): [(expression, type, value), ...]}`` of the set at ``path``
    (empty list: no expression)."""
    out: dict[tuple[dt.date, str], list[tuple[str, str, str]]] = {}
    with path.open(encoding="utf-8") as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        next(rows)  # header
        for pub, sentence, expr, typ, value in rows:
            items = out.setdefault((dt.date.fromisoformat(pub), sentence), [])
            if expr != "-":
                assert expr in sentence, expr
                items.append((expr, typ, value))
    return out


def _f1(hits: int, system: int, gold: int) -> float:
    return 2 * hits / (system + gold) if system + gold else 1.0


def score(nlp, path: Path = DATA) -> dict:
    """Relaxed-span and value F1 of the engine over the set at ``path``, and the lines that went wrong."""
    gold_n = sys_n = relaxed = value = 0
    false_sentences = 0
    wrong: list[str] = []
    for (pub, sentence), items in read_set(path).items():
        found = tag(sentence, pub, nlp(sentence))
        sys_n += len(found)
        gold_n += len(items)
        if not items and found:
            false_sentences += 1
        used: set[int] = set()
        for expr, typ, val in items:
            s = sentence.index(expr)
            e = s + len(expr)
            match = next((i for i, t in enumerate(found) if i not in used and t.start < e and s < t.end), None)
            if match is None:
                wrong.append(f"MISS  {pub} {expr!r} {typ} {val}")
                continue
            used.add(match)
            relaxed += 1
            t = found[match]
            if t.value == val:
                value += 1
            else:
                wrong.append(f"VALUE {pub} {expr!r} {val} got {t.text!r} {t.type} {t.value}")
        for i, t in enumerate(found):
            if i not in used:
                wrong.append(f"FALSE {pub} {t.text!r} {t.type} {t.value} in {sentence!r}")
    return {"gold": gold_n, "system": sys_n, "relaxed_f1": _f1(relaxed, sys_n, gold_n),
            "value_f1": _f1(value, sys_n, gold_n), "false_sentences": false_sentences, "wrong": wrong}


def check_set(nlp, path: Path, label: str, value_floor: float, relaxed_floor: float,
              baseline: dict | None = None) -> dict:
    """Score the set at ``path``, print its figures (and ``baseline``'s) and what went
    wrong (shown with ``pytest -s``), assert the two floors, and return the score."""
    r = score(nlp, path)
    since = (f" (baseline value {baseline['value_f1']:.3f}, relaxed {baseline['relaxed_f1']:.3f})"
             if baseline else "")
    print(f"\n{label}: gold {r['gold']} system {r['system']} "
          f"relaxed F1 {r['relaxed_f1']:.3f} value F1 {r['value_f1']:.3f} "
          f"sentences with false alarms {r['false_sentences']}{since}")
    for line in r["wrong"]:
        print("  " + line)
    assert r["value_f1"] >= value_floor
    assert r["relaxed_f1"] >= relaxed_floor
    return r


def test_set_is_well_formed():
    data = read_set()
    assert len(data) >= 60
    assert sum(len(v) for v in data.values()) >= 60


def test_engine_on_own_pattern_set(nlp):
    r = check_set(nlp, DATA, "own TimeML pattern set", VALUE_F1_FLOOR, RELAXED_F1_FLOOR)
    assert r["false_sentences"] <= FALSE_POSITIVE_CEILING
