"""The temporal engine on a third held-out set of wire-news TimeML patterns (issue 16).

``tests/data/timex_heldout3.tsv`` holds 391 sentences and short passages in the style of wire
news of 1989-2023 (politics, business and earnings, courts, sport results, disasters, elections,
science), with creation dates on every weekday and in eighteen different years, written in our
own words and annotated by hand against TimeBank's practice before any rule was changed for it:
469 expected TIMEX3 and 36 sentences that must yield none. A first batch of 296 sentences (332
TIMEX3) was scored alone; a second batch of 95 (137 TIMEX3: passages anchored on the date named
before, BBC day-month dates, vague and counted decades and quarters) was written after that score
and committed before any rule change. It is scored like ``timex_patterns.tsv``
(relaxed span pairs; a value hit is a pair whose value matches); ``-s`` prints the figures and
what went wrong.

Baseline, the engine of commit f007242 before any rule was written after reading the set's
errors: first batch value F1 .959, relaxed F1 .986 (332 gold, 333 system); second batch .920 /
.993 (137, 139); whole set .948 / .988 (469, 472). After six gold rows were corrected to
TimeBank's own practice ("N weeks ago" is the day, "hours" PTXH; see the set's header) the same
engine scores .971 / .986, .935 / .993 and .961 / .988. Those are the set's only out-of-sample
scores; later figures are in-sample.
"""

from __future__ import annotations

from pathlib import Path

from test_temporal_patterns import check_set, read_set

HELDOUT3 = Path(__file__).parent / "data" / "timex_heldout3.tsv"

#: The engine's figures on the set before any rule was changed for it (f007242, corrected gold).
BASELINE = {"value_f1": 0.961, "relaxed_f1": 0.988}
#: Floors a change must keep: the figures after the set-3 rules of docs/rules-dates.md
#: (value .981, relaxed .996, in-sample), rounded down.
VALUE_F1_FLOOR = 0.97
RELAXED_F1_FLOOR = 0.99


def test_heldout3_set_is_well_formed():
    data = read_set(HELDOUT3)
    assert len(data) >= 380
    assert sum(len(v) for v in data.values()) >= 450
    assert sum(1 for items in data.values() if not items) >= 30
    assert len({pub for pub, _ in data}) >= 18


def test_engine_on_heldout3_set(nlp):
    check_set(nlp, HELDOUT3, "held-out wire-news set 3", VALUE_F1_FLOOR, RELAXED_F1_FLOOR, BASELINE)
