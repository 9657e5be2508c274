"""Amounts on real news, sixth set (issue 12, the seed-424 judge): "by N to M" after a verb
of change is the change and the new size, two amounts, not a range; a range the tagger
takes for a date at a sentence's start still counts its noun. Sentences of our own;
controls of the same shape ride along."""

import pytest

from dateline_testing import amounts_of


def _spans(text: str, nlp) -> list[tuple]:
    return [(a["value"], a.get("low"), a.get("high"), a["unit"]) for a in amounts_of(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    ("The number of licences for sale was reduced by only five to 87 , the ministry said .",
     [(5, None, None, "licences"), (87, None, None, "licences")]),
    ("The toll rose by 10 to 30 people overnight .",
     [(10, None, None, "people"), (30, None, None, "people")]),
    ("The bill was raised by $ 6.2 billion to $ 31 billion in the autumn .",
     [(6.2e9, None, None, "USD"), (3.1e10, None, None, "USD")]),
    # controls: ends close together after "by" are a range of the change; a range after
    # "by" with no verb of change; "ranged from"
    ("The leak could cut the value of its offshore fields by $ 16 billion to 24 billion , "
     "analysts estimated .", [(1.6e10, 1.6e10, 2.4e10, "USD")]),
    ("The road was blocked by 15 to 20 protesters on Monday .",
     [(15, 15, 20, "protesters")]),
    ("Estimates ranged from 1,000 to 2,000 barrels a day .",
     [(1000, 1000, 2000, "barrels")]),
])
def test_a_change_by_n_to_m_is_two_amounts(nlp, text, expected):
    assert _spans(text, nlp) == expected


@pytest.mark.parametrize("text, expected", [
    ("Between 15 and 20 protesters were hurt on Monday .", [(15, 15, 20, "protesters")]),
    # controls: a stretch of time, and years
    ("Between 15 and 20 years ago the town was quiet .", []),
    ("Between 1998 and 2003 the mill closed .", []),
])
def test_a_range_tagged_as_a_date_still_counts_its_noun(nlp, text, expected):
    assert _spans(text, nlp) == expected


@pytest.mark.parametrize("text, qualifier", [
    # the seed-434 judge: "something like" a sum is a hedge
    ("The rebuilding could cost something like $ 20 billion over ten years .", "about"),
    ("Upward of 3,000 people marched through the capital on Sunday .", "more than"),
])
def test_spoken_hedges_qualify_the_number(nlp, text, qualifier):
    assert [a["qualifier"] for a in amounts_of(nlp, text)] == [qualifier]


@pytest.mark.parametrize("text, expected", [
    # the seed-434 judge: "nine out of 10 of the parents" is a share, not ten parents
    ("Nine out of 10 of the voters said they would stay home .", [(0.9, "proportion")]),
    ("Experts think 19 out of 20 infections go unrecorded .", [(0.95, "proportion")]),
    # a whole that is no round number: two counts, as before
    ("Some 20 out of 50 villages had no power .", [(20, "villages"), (50, "villages")]),
])
def test_n_out_of_a_round_whole_is_a_proportion(nlp, text, expected):
    assert [(a["value"], a["unit"]) for a in amounts_of(nlp, text)] == expected


def test_a_number_before_a_place_phrase_does_not_count_its_noun(nlp):
    # the seed-434 judge: the infected were counted as countries
    out = amounts_of(nlp, "The agency said the number of infected people had reached 9,830 "
                          "across 40 countries .")
    assert [(a["value"], a["unit"]) for a in out] == [(9830, "people"), (40, "countries")]


@pytest.mark.parametrize("text, unit", [
    # the seed-434 judge: the people in each group were left without a unit
    ("Frightened families now travel in bands of 20 or 30 to find water .", "people"),
    ("A team of 12 arrived from Norway on Monday .", "people"),
    ("The peacekeeping force of 7,000 has stayed since 2004 .", "people"),
])
def test_a_group_of_n_counts_people(nlp, text, unit):
    assert [a["unit"] for a in amounts_of(nlp, text)] == [unit]


@pytest.mark.parametrize("text, qualifier", [
    # the seed-441 judge: "over" after a concern names its topic, no hedge
    ("Inspectors voiced concerns over four parts of the pipeline .", None),
    ("Talks over two disputed islands resumed on Monday .", None),
    # controls: "over" as a hedge stays
    ("A crowd of over 300 gathered outside .", "more than"),
])
def test_over_after_a_concern_is_no_hedge(nlp, text, qualifier):
    assert [a["qualifier"] for a in amounts_of(nlp, text)] == [qualifier]
