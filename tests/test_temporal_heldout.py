"""The temporal engine on a held-out set of TimeML patterns (issue 16).

``tests/data/timex_heldout.tsv`` was written by us, in our own words, before any rule was
changed for it: newswire-like sentences with a publication date and the hand-checked
TIMEX3 type and value of each time expression (or none, for traps: "May" as a name,
"March" as a verb, counts that look like years, ages such as "in their 20s"). It is
scored like ``timex_patterns.tsv`` (relaxed span pairs; a value hit is a pair whose
value matches); ``-s`` prints the figures and what went wrong.

The first score of the engine of commit f981d1e (before the dates task) is the held-out
baseline below. Rules changed afterwards were looked at against this set, so later
figures on it are in-sample upper bounds, not held-out estimates.
"""

from __future__ import annotations

from pathlib import Path

from test_temporal_patterns import check_set, read_set

HELDOUT = Path(__file__).parent / "data" / "timex_heldout.tsv"

#: The engine's figures on the set before any rule was changed for it (commit f981d1e).
BASELINE = {"value_f1": 0.871, "relaxed_f1": 0.955}
#: Floors a change must keep (the current figures, rounded down; after the dates task's
#: rules value .904, relaxed .955: an in-sample figure, the set had been looked at).
VALUE_F1_FLOOR = 0.90
RELAXED_F1_FLOOR = 0.95


def test_heldout_set_is_well_formed():
    data = read_set(HELDOUT)
    assert len(data) >= 150
    assert sum(1 for items in data.values() if not items) >= 20


def test_engine_on_heldout_set(nlp):
    check_set(nlp, HELDOUT, "held-out TimeML pattern set", VALUE_F1_FLOOR, RELAXED_F1_FLOOR, BASELINE)
