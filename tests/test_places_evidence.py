"""Places: what counts as evidence for a place (issue 12, places round 3).

Texts written by us. A small town gets its country's bonus over a far bigger
namesake only on local evidence (a town near it or its state named, or its country
being the article's main one), not because the article names that country somewhere;
an adjectival word whose people live across several countries ("Kurdish") goes with
the article's main country when that is one of them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract import run_extractors
from dateline.extract.places import adjectival_spans_table
from dateline.gazetteer import gazetteer
from dateline.nlp import load_model


@pytest.fixture(scope="module")
def places_of():
    nlp = load_model()
    gazetteer()

    def run(text: str) -> list[dict]:
        return run_extractors(nlp(text), dt.date(2013, 6, 1), only=("places",), text=text)["places"]

    return run


def _first(places: list[dict], text: str) -> dict:
    found = [p for p in places if p["text"] == text]
    assert found, f"{text!r} not found"
    return found[0]


def test_world_city_over_us_namesake_when_us_is_only_named(places_of):
    # The United States is one country among others here: no US town or state is named.
    text = ("Syrian opposition leaders said they would attend the Geneva meeting next month. "
            "The United States and Russia sponsor the talks, and the regime in Damascus has not "
            "said whether it will send envoys.")
    p = _first(places_of(text), "Geneva")
    assert (p["country"], p["name"]) == ("CH", "Geneva")


def test_us_town_kept_with_its_state_named(places_of):
    # Local evidence: the town's state and a town near it.
    text = ("Geneva police closed the bridge over the Fox River on Friday. Drivers from Batavia "
            "were sent around, officials in Illinois said.")
    p = _first(places_of(text), "Geneva")
    assert (p["country"], p["admin1"]) == ("US", "Illinois")


def test_kurdish_goes_with_the_main_country_it_spans(places_of):
    text = ("The Syrian army shelled Homs on Monday. Kurdish parties in the north of Syria said "
            "they would stay out of the fighting.")
    p = _first(places_of(text), "Kurdish")
    assert (p["country"], p["kind"]) == ("SY", "country")


def test_kurdish_in_iraq_stays_kurdistan_region(places_of):
    text = ("Kurdish officials in Arbil said the oil deal with Baghdad would hold. Iraq's prime "
            "minister disagreed.")
    p = _first(places_of(text), "Kurdish")
    assert (p["country"], p["name"]) == ("IQ", "Kurdistan Region")


def test_kurdish_outside_its_countries_stays_kurdistan_region(places_of):
    # Germany is the main country and not one the Kurds live across: no move.
    text = ("German police in Berlin and Hamburg questioned Kurdish activists after a march "
            "through Germany's capital on Saturday.")
    p = _first(places_of(text), "Kurdish")
    assert (p["country"], p["name"]) == ("IQ", "Kurdistan Region")


def test_spans_table_lists_known_codes():
    spans = adjectival_spans_table()
    assert spans["Kurdish"] == frozenset({"IQ", "SY", "TR", "IR"})
    assert "Scottish" not in spans
