"""The temporal engine on a second held-out set of wire-news TimeML patterns (issue 16).

``tests/data/timex_heldout2.tsv`` holds 327 sentences in the style of 1998-2000 agency and
newspaper copy, written in our own words and annotated by hand before any rule was changed
for it (commits 79ddeed and 72c89c5), with 389 expected TIMEX3 and 23 sentences that must
yield none. It is scored like ``timex_patterns.tsv`` (relaxed span pairs; a value hit is a
pair whose value matches); ``-s`` prints the figures and what went wrong.

Baseline: the engine of commit 35e9d9a (before the rules of tests/test_temporal_wire.py)
scored value F1 .917, relaxed F1 .978 on the set as first committed, and .922 / .981 after
three gold rows were corrected to TimeBank's own practice (see the set's header). Later
figures on it are in-sample: the rules that followed were written after reading its errors.
"""

from __future__ import annotations

from pathlib import Path

from test_temporal_patterns import check_set, read_set

HELDOUT2 = Path(__file__).parent / "data" / "timex_heldout2.tsv"

#: The engine's figures before any rule was changed for the set (commit 35e9d9a, corrected gold).
BASELINE = {"value_f1": 0.922, "relaxed_f1": 0.981}
#: Floors a change must keep (the figures after the wire-news rules, .951 / .992, rounded down).
VALUE_F1_FLOOR = 0.94
RELAXED_F1_FLOOR = 0.98


def test_heldout2_set_is_well_formed():
    data = read_set(HELDOUT2)
    assert len(data) >= 300
    assert sum(len(v) for v in data.values()) >= 350
    assert sum(1 for items in data.values() if not items) >= 20


def test_engine_on_heldout2_set(nlp):
    check_set(nlp, HELDOUT2, "held-out wire-news set 2", VALUE_F1_FLOOR, RELAXED_F1_FLOOR, BASELINE)
