"""Amounts on real news, fourth set (issue 12, seed 182 and the seed-99 judge): a step of a
graded scale (an alert level, a phase, a category) is no amount, and a number cut at "to"
before a duration is the low end of that duration, no amount (as "2 to 3 weeks" is a time
expression). Every sentence is our own; controls of the same shape ride along."""

import pytest

from dateline_testing import amounts_of


def _triples(text: str, nlp) -> list[tuple]:
    return [(a["value"], a["unit"], a["qualifier"]) for a in amounts_of(nlp, text)]


@pytest.mark.parametrize("text", [
    "Health officials will not lift the alert level to six for now .",
    "The threat level was lowered to three after the arrests .",
    "Officials expect the storm to reach category 4 by the weekend .",
])
def test_a_step_of_a_scale_is_no_amount(nlp, text):
    assert amounts_of(nlp, text) == []


def test_a_phase_and_the_top_of_its_scale_are_no_amounts(nlp):
    text = "Last night the committee lifted its flu threat level to phase five out of a possible six , officials said ."
    assert amounts_of(nlp, text) == []


@pytest.mark.parametrize("text, triple", [
    ("The army raised the number of troops to 300 on Monday .", (300, "troops", None)),
    ("The company raised its output to 300 barrels a day .", (300, "barrels", None)),
    ("The rebels plan to stage 20 protests this month .", (20, "protests", None)),
])
def test_new_sizes_and_counts_after_scale_words_stay(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


def test_a_number_cut_before_a_duration_is_no_amount(nlp):
    assert amounts_of(nlp, "A vaccine would take an estimated four to six months to produce , experts said .") == []


def test_a_range_of_things_cut_at_to_stays_joined(nlp):
    out = amounts_of(nlp, "The army sent 3 to 4,000 troops to the border .")
    assert [(a["low"], a["high"], a["unit"]) for a in out] == [(3000, 4000, "troops")]


def test_a_factor_after_a_plural_level_stays(nlp):
    # control: "levels" that rise by a factor are no step of a scale
    out = amounts_of(nlp, "Nitrate levels in the lake rose 2 to 3 fold over the summer .")
    assert [(a["low"], a["high"]) for a in out] == [(2, 3)]


def test_a_range_cut_at_its_dash_before_a_glued_unit_is_joined(nlp):
    out = amounts_of(nlp, "The new pipe sits within 4-5ft of the old cable .")
    assert [(a["low"], a["high"], a["unit"]) for a in out] == [(4, 5, "feet")]


@pytest.mark.parametrize("text, triple", [
    ("The total number of cases in the region rose above 200 on Friday .", (200, "cases", "more than")),
    ("Eight or more children were hurt in the crash .", (8, "children", "at least")),
    ("2,000 or more protesters marched on the ministry .", (2000, "protesters", "at least")),
])
def test_above_and_an_open_upper_end_are_qualifiers(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


def test_and_more_importantly_is_no_open_end(nlp):
    # control: "and more" that opens an adverb
    assert _triples("Some 50 people and more importantly their leaders left .", nlp) == [(50, "people", "about")]
