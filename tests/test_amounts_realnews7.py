"""Amounts on real news, seventh set (issue 12, the seed-441 judges): a rate names the time
it is counted over (``per``); a money range glued at its dash keeps its scale; a glued "m"
before a plural noun is millions, not metres; a bare count before "who" counts people; a
number after a person's noun and "of" is an age. Sentences of our own; controls of the
same shape ride along."""

import pytest

from dateline_testing import amounts_of


def _one(text: str, nlp) -> dict:
    out = amounts_of(nlp, text)
    assert len(out) == 1, out
    return out[0]


@pytest.mark.parametrize("text, value, unit, per", [
    ("The damaged pipe spilled up to 6,000 barrels a day into the bay .", 6000, "barrels", "day"),
    ("The council paid $ 2.5 million per week for the shelters .", 2_500_000, "USD", "week"),
    ("Rents there rose 12 % a year for a decade .", 12, "percent", "year"),
    ("The charity spent $ 40,000 per year to run the clinic .", 40_000, "USD", "year"),
    ("The pipe lost about 900 barrels of crude a day into the bay .", 900, "barrels", "day"),
    # controls: a time before or after the amount is no rate
    ("Some 30 families moved away a year ago .", 30, "families", None),
    ("About 50 people came back a day later .", 50, "people", None),
    ("The river rose by 2 metres a day or two before the storm .", 2, "metres", None),
])
def test_a_rate_names_its_time(nlp, text, value, unit, per):
    a = _one(text, nlp)
    assert (a["value"], a["unit"], a.get("per")) == (value, unit, per)


@pytest.mark.parametrize("text, low, high, unit", [
    ("The insurers put the bill at $ 250-300m for the first year .", 250e6, 300e6, "USD"),
    ("The new bridge will cost £2bn-£3bn , the minister said .", 2e9, 3e9, "GBP"),
    ("Bankers think the losses could reach $ 15-23 billion this year .", 15e9, 23e9, "USD"),
    ("Tickets cost $40-50 each at the gate .", 40, 50, "USD"),
])
def test_a_money_range_glued_at_its_dash_keeps_both_ends_and_scale(nlp, text, low, high, unit):
    a = _one(text, nlp)
    assert (a["low"], a["high"], a["value"], a["unit"]) == (low, high, low, unit)


@pytest.mark.parametrize("text, value, unit", [
    ("The old plague killed more than 30m people across the continent .", 30_000_000, "people"),
    ("The factory can make 3m doses of the vaccine each month .", 3_000_000, "doses"),
    ("The party took nearly 5m votes in the spring ballot .", 5_000_000, "votes"),
    # control: "m" before an adjective or an adverb of size or place is metres
    ("The dust cloud rose up to 300m high over the valley .", 300, "m"),
])
def test_a_glued_m_before_a_plural_noun_is_millions(nlp, text, value, unit):
    a = _one(text, nlp)
    assert (a["value"], a["unit"]) == (value, unit)


def test_a_bare_count_before_who_counts_people(nlp):
    a = _one("Officials interviewed the 9,000 who applied for visas .", nlp)
    assert (a["value"], a["unit"]) == (9000, "people")


def test_a_count_before_who_takes_the_unit_of_an_earlier_count_first(nlp):
    out = amounts_of(nlp, "About 300 nurses came , including 40 who had retired .")
    assert [(a["value"], a["unit"]) for a in out] == [(300, "nurses"), (40, "nurses")]


@pytest.mark.parametrize("text, expected", [
    ("Doctors treated a boy of 12 who had fallen ill on the flight .", []),
    # controls: a noun or an adjective after the number makes it a count
    ("The class has pupils of 14 different nationalities .", [(14, "nationalities")]),
    ("She is a mother of four who runs a bakery .", [(4, "children")]),
])
def test_a_number_after_a_persons_noun_and_of_is_an_age(nlp, text, expected):
    assert [(a["value"], a["unit"]) for a in amounts_of(nlp, text)] == expected


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("Only people who stood within two metres of a patient were tested .", 2, "metres", "up to"),
    ("The rebels said they had 300 + rifles in the depot .", 300, "rifles", "at least"),
    ("By then only a few hundred cases had been confirmed abroad .", 200, "cases", "at least"),
    # control: "only" before an exact number stays
    ("By then only 40 cases had been confirmed abroad .", 40, "cases", "only"),
])
def test_hedges_of_the_seed_452_judge(nlp, text, value, unit, qualifier):
    a = _one(text, nlp)
    assert (a["value"], a["unit"], a["qualifier"]) == (value, unit, qualifier)
