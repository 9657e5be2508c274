"""Amounts: value, unit, qualifier and casualty kind from hand-written sentences."""

import pytest

from dateline.extract.amounts import parse_value
from dateline_testing import amounts_of


def _by_value(amounts: list[dict], value) -> dict:
    found = [a for a in amounts if a["value"] == value]
    assert found, amounts
    return found[0]


def test_parse_value():
    assert parse_value(["3", "million"]) == 3_000_000
    assert parse_value(["2.5", "billion"]) == 2_500_000_000
    assert parse_value(["a", "dozen"]) == 12
    assert parse_value(["twenty-five"]) == 25
    assert parse_value(["10,000"]) == 10_000
    assert parse_value(["people"]) is None


def test_more_than_millions_of_people(nlp):
    out = amounts_of(nlp, "More than 3 million Syrians live in the province.")
    a = _by_value(out, 3_000_000)
    assert a["unit"] == "Syrians"
    assert a["qualifier"] == "more than"
    assert a["text"] == "More than 3 million Syrians"


def test_estimated(nlp):
    out = amounts_of(nlp, "The army said an estimated 10,000 fighters remain in the city.")
    a = _by_value(out, 10_000)
    assert a["qualifier"] == "estimated"
    assert a["unit"] == "fighters"


def test_killed_passive(nlp):
    out = amounts_of(nlp, "At least 72 protesters were killed in the capital.")
    a = _by_value(out, 72)
    assert (a["unit"], a["qualifier"], a["kind"]) == ("protesters", "at least", "killed")


def test_killing_and_displaced(nlp):
    out = amounts_of(nlp, "The storm destroyed the port, killing 15 soldiers. Floods displaced more than 30,000 people.")
    assert _by_value(out, 15)["kind"] == "killed"
    d = _by_value(out, 30_000)
    assert (d["unit"], d["qualifier"], d["kind"]) == ("people", "more than", "displaced")


def test_arrested(nlp):
    out = amounts_of(nlp, "Police arrested 40 students outside the university.")
    assert _by_value(out, 40)["kind"] == "arrested"


def test_money_and_percent(nlp):
    out = amounts_of(nlp, "The company paid $2.5 billion, about 40 percent of its profit.")
    m = _by_value(out, 2_500_000_000)
    assert m["unit"] == "USD"
    p = _by_value(out, 40)
    assert p["unit"] == "percent"


def test_vague_amount(nlp):
    out = amounts_of(nlp, "Tens of thousands of people marched through the streets.")
    a = _by_value(out, 20_000)
    assert a["qualifier"] == "at least"
    assert a["unit"] == "people"


def test_notamounts_of(nlp):
    text = "In 1998 the 45-year-old mayor, aged 45, met at 10:30 with the first delegation under Article 5."
    values = [a["value"] for a in amounts_of(nlp, text)]
    assert values == []


@pytest.mark.parametrize("text, low, high, unit", [
    ("The rebels advanced 15 to 20 kilometres toward the coast.", 15, 20, "kilometres"),
    ("Police said 15,000 to 20,000 protesters filled the square.", 15_000, 20_000, "protesters"),
    ("Repairs will cost $20 billion to $70 billion, the ministry said.", 20e9, 70e9, "USD"),
    ("Repairs will cost 20 to 70 billion dollars, the ministry said.", 20e9, 70e9, "USD"),
    ("Between 300 and 400 families left the valley.", 300, 400, "families"),
    ("The army lost between 40 and 50 soldiers.", 40, 50, "soldiers"),
    ("Some 10-15 fighters were killed near the bridge.", 10, 15, "fighters"),
    ("Three to four thousand people marched on Sunday.", 3000, 4000, "people"),
])
def test_range_is_low_and_high_not_a_sum(nlp, text, low, high, unit):
    ranges = [a for a in amounts_of(nlp, text) if "low" in a]
    assert len(ranges) == 1, ranges
    a = ranges[0]
    assert (a["low"], a["high"], a["value"], a["unit"]) == (low, high, low, unit)


def test_from_to_range_and_single_amount_has_no_bounds(nlp):
    out = amounts_of(nlp, "Estimates of shelter places ranged from 2,000 to 5,000 beds ; 12 schools closed.")
    r = _by_value(out, 2000)
    assert (r["low"], r["high"]) == (2000, 5000)
    single = _by_value(out, 12)
    assert "low" not in single and "high" not in single


def test_from_to_after_a_verb_of_change_is_two_sizes_not_a_range(nlp):
    # the old size and the new one: two amounts, each with the noun the verb changes
    out = amounts_of(nlp, "Shelter places grew from 2,000 to 5,000 in a month .")
    assert [(a["value"], a["unit"], "low" in a) for a in out] == [(2000, "places", False), (5000, "places", False)]
    out = amounts_of(nlp, "Officials said they hoped to cut the number of inspectors from 500 to 40 .")
    assert [(a["value"], a["unit"]) for a in out] == [(500, "inspectors"), (40, "inspectors")]


def test_one_and_two_in_set_phrases_are_notamounts_of(nlp):
    # "one" and "two" in phrases that count nothing; real counts of one are kept.
    for sentence in ("At one point the convoy stopped near the border.",
                     "One thing is clear: the talks have failed.",
                     "The rebels were split in two by the offensive.",
                     "He spoke on more than one occasion about the siege."):
        assert [a["text"] for a in amounts_of(nlp, sentence)] == [], sentence
    kept = amounts_of(nlp, "One soldier was killed and two were wounded.")
    assert [a["value"] for a in kept][:1] == [1]


def test_an_article_before_a_number_adds_nothing(nlp):
    # "a" stands for one only before a scale word ("a dozen", "a million").
    assert parse_value(["a", "full", "60"]) == 60
    assert parse_value(["a", "million"]) == 1_000_000
    found = amounts_of(nlp, "A full 60 % of the residents have fled, officials said.")
    assert [(a["value"], a["unit"]) for a in found] == [(60, "percent")]
