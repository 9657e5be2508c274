"""Amounts on real news, eighth set (issue 12: blind judges found bare counts without a unit
nearly always partly right or wrong): a bare count the language says is people gets "people"
(the subject of a verb whose doer is people, the subject of a passive or the object of a verb
whose patient is people, a count done "to death"); a measure whose abbreviation the parser left
loose keeps it; a passing verb's or "stand at"'s subject gives its unit; and a number whose
sentence never says what it counts is not stored. Sentences of our own; controls of the same
shape ride along."""

import pytest

from dateline_testing import amounts_of


def _triples(text: str, nlp) -> list[tuple]:
    return [(a["value"], a["unit"], a["qualifier"]) for a in amounts_of(nlp, text)]


@pytest.mark.parametrize("text, triple", [
    ("More than 4,000 crossed the river into the next province on Sunday .", (4000, "people", "more than")),
    ("Hundreds spent the night in a sports hall after the flood .", (200, "people", "at least")),
    ("Nearly 5,000 turned out for the vigil .", (5000, "people", "nearly")),
    ("Thousands took to the streets of the port city .", (2000, "people", "at least")),
    ("Nearly 3 million watched the final on television .", (3_000_000, "people", "nearly")),
    ("About 70 fell ill after the wedding meal .", (70, "people", "about")),
    ("At least 45 are missing after the ferry sank .", (45, "people", "at least")),
    ("About 50 stepped forward to help .", (50, "people", "about")),
])
def test_the_subject_of_a_verb_whose_doer_is_people_counts_people(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


@pytest.mark.parametrize("text, triple", [
    ("Some 120 were infected on the cruise ship .", (120, "people", "about")),
    ("Two were taken hostage by the gunmen .", (2, "people", None)),
    ("The firm employs 2,000 at its main plant .", (2000, "people", None)),
    ("The border guards deported more than a dozen on Friday .", (12, "people", "more than")),
])
def test_the_patient_of_a_verb_done_to_people_counts_people(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


def test_a_count_done_to_death_is_of_the_killed(nlp):
    out = amounts_of(nlp, "Dozens were crushed to death at the gate .")
    assert [(a["value"], a["unit"], a["kind"]) for a in out] == [(24, "people", "killed")]
    # control: a sentence to death kills no one yet, and "two" says nothing of what it counts
    assert amounts_of(nlp, "Two were sentenced to death by the court .") == []


def test_a_participle_left_homeless_is_of_the_displaced(nlp):
    out = amounts_of(nlp, "The flood hit the valley , with hundreds left homeless .")
    assert [(a["value"], a["unit"], a["kind"]) for a in out] == [(200, "people", "displaced")]


def test_a_group_of_n_counts_people(nlp):
    assert _triples("Police faced a mob of 400 outside the station .", nlp) == [(400, "people", None)]


@pytest.mark.parametrize("text, expected", [
    # an earlier count of the sentence still gives its unit first
    ("Of the 40 rigs in the gulf , 12 returned to port .", [(40, "rigs", None), (12, "rigs", None)]),
    # a verb whose doer need not be people names no unit, and the number is not stored
    ("Twelve arrived on Monday morning .", []),
    ("Of the new cases , 124 appeared in the north .", []),
    # money spent is no people: only the doer of "spend" is
    ("Millions were spent on the new hospital wing .", []),
])
def test_controls_of_the_human_verbs(nlp, text, expected):
    assert _triples(text, nlp) == expected


@pytest.mark.parametrize("text, triple", [
    ("The dust cloud rose up to 300m high over the valley .", (300, "m", None)),
    ("They parked about 100m away from the gate .", (100, "m", "about")),
    ("The wages of the poorest fell by about 2 per cent last year .", (2, "percent", "about")),
])
def test_a_measure_whose_abbreviation_the_parser_left_loose_keeps_it(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


def test_a_measure_and_its_bracketed_conversion_keep_their_abbreviations(nlp):
    out = _triples("The wreck lies 1,500 ft (457m) below the surface .", nlp)
    assert out == [(1500, "feet", None), (457, "m", None)]
    # a bracketed "m" after kilometres is miles
    out = _triples("The tremor hit about 15km (10m) south-west of the town .", nlp)
    assert out == [(15, "km", "about"), (10, "miles", "about")]


def test_a_death_toll_whose_cause_names_a_number_still_gives_deaths(nlp):
    out = amounts_of(nlp, "The death toll from the 6.8-magnitude quake has risen to 4,200 .")
    assert [(a["value"], a["unit"]) for a in out][-1] == (4200, "deaths")


@pytest.mark.parametrize("text, triple", [
    ("As confirmed cases in Norway pass 300 , ministers met again .", (300, "cases", "more than")),
    ("Confirmed infections now stand at 4,100 across the region .", (4100, "infections", None)),
])
def test_the_subject_of_a_passing_verb_or_stand_at_gives_the_unit(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


@pytest.mark.parametrize("text", [
    "He told File on 4 that the warning came a year early .",
    "She left school at 16 and joined the army .",
    "The other 10 are rotated every two years .",
    "The total is 67 across the country .",
])
def test_a_number_whose_sentence_never_says_what_it_counts_is_not_stored(nlp, text):
    assert amounts_of(nlp, text) == []


def test_n_more_staff_counts_the_staff(nlp):
    # "staff" is singular in form but names people, as "28 more people" does
    assert _triples("The charity plans to send dozens more staff to the region .", nlp) == [(24, "staff", "at least")]
