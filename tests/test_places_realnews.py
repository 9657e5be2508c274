"""Places on patterns seen in real news (issue 12): surnames after a title, compass
adjectives of a continent, and provinces named like a city's alternate name (our own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract import run_extractors
from dateline.gazetteer import gazetteer
from dateline.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    gazetteer()
    return load_model()


def _places(nlp, text: str) -> list[dict]:
    return run_extractors(nlp(text), dt.date(2012, 6, 1), only=("places",), text=text)["places"]


def _places_and_people(nlp, text: str) -> list[dict]:
    """Places with the entities extractor run first, as a store runs them."""
    return run_extractors(nlp(text), dt.date(2005, 6, 1), only=("entities", "places"),
                          text=text)["places"]


@pytest.mark.parametrize("text", [
    "Mr Bush met his advisers on Monday. Critics said it was thanks to Bush that the war began.",
    "President Bush flew home. The decision owed much to Bush and to his deputy.",
])
def test_surname_written_after_a_title_is_no_town_elsewhere(nlp, text):
    # Egypt has a town whose name folds to the same letters; the article only means the man.
    assert "Bush" not in [p["text"] for p in _places_and_people(nlp, text)]


def test_surname_before_administration_is_no_town(nlp):
    text = "It was thanks to Bush administration overtures that the sanctions ended."
    assert "Bush" not in [p["text"] for p in _places_and_people(nlp, text)]


@pytest.mark.parametrize("text, name, lat", [
    ("American drones flew over the North African nation on Tuesday.", "North Africa", 27.0),
    ("West African leaders gathered for a summit on the crisis.", "West Africa", 12.0),
])
def test_compass_adjective_of_a_continent_is_its_region(nlp, text, name, lat):
    places = [p for p in _places(nlp, text) if p["text"].endswith("African")]
    assert [(p["name"], p["kind"], p["lat"]) for p in places] == [(name, "region", lat)]


def test_province_named_like_an_alternate_name_of_its_capital(nlp):
    text = ("Thousands of refugees crossed into Hatay province overnight. "
            "Aid groups in Hatay said the camps were full, and more people reached Kilis.")
    places = _places(nlp, text)
    hatay = [p for p in places if p["text"] == "Hatay"]
    assert len(hatay) == 2
    assert all(p["kind"] == "admin1" and p["country"] == "TR" for p in hatay)
    # A city that bears the name itself stays the city when named bare.
    assert [(p["kind"], p["country"]) for p in places if p["text"] == "Kilis"] == [("city", "TR")]


@pytest.mark.parametrize("text", [
    "Officials in Washington, Paris and London welcomed the vote on Monday.",
    "Envoys from London and Washington disagreed about the plan.",
])
def test_a_capital_listed_beside_other_capitals_is_the_capital(nlp, text):
    # England has towns of this name; beside London or Paris it is the US government.
    wash = [p for p in _places(nlp, text) if p["text"] == "Washington"]
    assert [(p["country"], p["admin1"]) for p in wash] == [("US", "District of Columbia")]


def test_a_town_listed_beside_its_neighbours_is_still_the_town(nlp):
    text = "The relay ran from Sunderland to Washington and on to Durham on Friday."
    wash = [p for p in _places(nlp, text) if p["text"] == "Washington"]
    assert [(p["country"], p["admin1"]) for p in wash] == [("GB", "England")]


def test_a_people_s_name_inside_a_place_name_is_no_town(nlp):
    # spaCy reads "Arab Gulf" as one location that no gazetteer holds; its first word
    # is the adjective, not the Alabama town of that name.
    text = "Arab Gulf countries pledged aid to the refugees on Sunday."
    assert "Arab" not in [p["text"] for p in _places(nlp, text)]


def test_surname_owning_something_after_in_is_no_town(nlp):
    # "in <surname>'s mind" puts a thought in a person, not in a town of that name (Ross on
    # Wye); a credit line giving a second full name with the same surname used to leave
    # the surname to the locative rule
    text = ("Carne Ross resigned from the Foreign Office in 2004 . Photograph : Sarah Lee "
            "Carne Ross at his desk . But , in Ross 's mind , one word stands out .")
    assert "Ross" not in [p["text"] for p in _places_and_people(nlp, text)]


@pytest.mark.parametrize("text,paper", [
    ("Anna Webb told the London Evening Standard that her daughter would not go .", "London"),
    ("Anna Webb told the Des Moines Register that she would not attend.", "Des Moines"),
])
def test_town_in_a_newspaper_s_name_is_not_stored(nlp, text, paper):
    assert paper not in [p["text"] for p in _places(nlp, text)]


def test_the_gulf_of_a_story_about_the_gulf_of_mexico_is_that_gulf(nlp):
    # one word of a feature's name stands for the feature the article names in full
    text = ("Oil from the leaking well in the Gulf of Mexico reached the Louisiana marshes on "
            "Monday. Shrimpers across the Gulf kept their boats in port.")
    gulfs = [p for p in _places(nlp, text) if p["text"] == "Gulf"]
    assert gulfs and all(p["name"] == "Gulf of Mexico" for p in gulfs)


def test_the_gulf_alone_is_still_the_persian_gulf(nlp):
    text = "Iranian boats patrolled the Gulf on Monday near the Strait of Hormuz."
    assert [p["name"] for p in _places(nlp, text) if p["text"] == "Gulf"] == ["Persian Gulf"]


def test_the_earth_is_no_town(nlp):
    # "the Earth" is the planet; Earth, Texas only with its state after a comma
    assert "Earth" not in [p["text"] for p in _places(
        nlp, "The new strain spread across the Earth within a few weeks.")]
    assert "Earth" in [p["text"] for p in _places(
        nlp, "The sheriff of Earth, Texas, closed the road on Monday.")]
