"""The events harness's scoring (record tallies, negatives) and our own PLOVER set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.events import NEGATIVE, gold_type, per_type, record_tally, score
from dateline.evaluate.folds import pool

OWN = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "plover_own.json"
TYPES = Path(__file__).resolve().parent.parent / "dateline" / "data" / "events_types.tsv"


def event(ty: str, actor: str | None = None, target: str | None = None,
          mode: str | None = None) -> dict:
    return {"type": ty, "mode": mode, "actor": {"country": actor} if actor else None,
            "target": {"country": target} if target else None}


def test_record_tally_counts_type_countries_and_mode() -> None:
    rec = {"event": "ASSAULT", "mode": "aerial", "source": [{"code": "ISRMIL"}],
           "target": [{"code": "LBN"}]}
    t = record_tally(rec, [event("ACCUSE", "IRL"), event("ASSAULT", "ISR", "LBN", "aerial")])
    # The event whose actor country is the gold source's is the one scored.
    assert t == {"records": 1, "correct": 1, "tp:ASSAULT": 1, "actor_n": 1, "actor_ok": 1,
                 "target_n": 1, "target_ok": 1, "mode_n": 1, "mode_ok": 1}
    t = record_tally(rec, [])
    assert t["correct"] == 0 and t["fn:ASSAULT"] == 1 and t["actor_ok"] == 0
    assert "fp:ASSAULT" not in t


def test_negative_records_count_false_events_only() -> None:
    rec = {"event": NEGATIVE, "text": "Share this article."}
    assert record_tally(rec, []) == {"negatives": 1, "negatives_fired": 0}
    assert record_tally(rec, [event("AGREE")]) == {"negatives": 1, "negatives_fired": 1}


def test_score_of_pooled_tallies() -> None:
    recs = [
        ({"event": "AGREE", "source": [{"code": "KEN"}]}, [event("AGREE", "KEN")]),
        ({"event": "AGREE", "source": [{"code": "POL"}]}, [event("SUPPORT", "POL")]),
        ({"event": "SUPPORT", "source": [{"code": "DEU"}]}, [event("SUPPORT", "FRA")]),
        ({"event": NEGATIVE}, []),
        ({"event": NEGATIVE}, [event("REQUEST")]),
        ({"event": NEGATIVE}, []),
        ({"event": NEGATIVE}, []),
    ]
    counts = pool(record_tally(r, e) for r, e in recs)
    s = score(counts)
    assert s["type_accuracy"] == pytest.approx(2 / 3)
    assert s["actor_accuracy"] == pytest.approx(2 / 3)
    assert s["false_event_rate"] == pytest.approx(1 / 4)
    # AGREE: P 1/1, R 1/2, F 2/3; SUPPORT: P 1/2, R 1/1, F 2/3.
    assert per_type(counts)["AGREE"] == {"gold": 2, "pred": 1, "precision": 1.0,
                                         "recall": 0.5, "f1": pytest.approx(2 / 3)}
    assert s["macro_f1"] == pytest.approx(2 / 3)
    assert s["target_accuracy"] == 0.0 and s["mode_accuracy"] == 0.0  # none with gold


def test_own_plover_set_is_complete_and_well_formed() -> None:
    records = json.loads(OWN.read_text(encoding="utf-8"))
    types = {line.split("\t")[0] for line in TYPES.read_text().splitlines()[2:] if line}
    by_type: dict[str, int] = {}
    for rec in records:
        by_type[gold_type(rec)] = by_type.get(gold_type(rec), 0) + 1
        assert rec["text"].strip() and rec["id"].startswith("OWN-")
        for side in ("source", "target"):
            for a in rec[side] or []:
                assert a["actorText"] and len(a.get("code", "XXX")) == 3
    assert len({r["id"] for r in records}) == len(records)
    assert by_type.pop(NEGATIVE) >= 30
    assert set(by_type) == types and min(by_type.values()) >= 10
