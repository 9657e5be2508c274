"""Places: detection and offline geocoding on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract import EXTRACTORS, Context
from dateline.gazetteer import gazetteer, haversine_km, name_key
from dateline.nlp import load_model


@pytest.fixture(scope="module")
def places_of():
    nlp = load_model()
    gazetteer()

    def run(text: str) -> list[dict]:
        doc = nlp(text)
        ctx = Context(published=dt.date(2018, 8, 31), text=text)
        ctx.results["sentences"] = EXTRACTORS["sentences"](doc, ctx)
        ctx.sentence_starts = [s["start"] for s in ctx.results["sentences"]]
        ctx.results["entities"] = EXTRACTORS["entities"](doc, ctx)
        out = EXTRACTORS["places"](doc, ctx)
        for p in out:
            assert text[p["start"]:p["end"]] == p["text"]
        return out

    return run


def _one(places: list[dict], text: str) -> dict:
    found = [p for p in places if p["text"] == text]
    assert found, f"{text!r} not found among {[p['text'] for p in places]}"
    return found[0]


def test_name_key_folds_case_dots_diacritics_and_article():
    assert name_key("U.S.") == "us"
    assert name_key("Ḩamāh") == "hamah"
    assert name_key("the Mediterranean") == "mediterranean"
    assert name_key("Deir ez-Zor") == "deir ez zor"


def test_haversine_paris_london():
    # Paris (48.857N 2.352E) to London (51.507N 0.128W) is about 344 km.
    assert 330 < haversine_km(48.857, 2.352, 51.507, -0.128) < 360


def test_gazetteer_knows_countries_by_alias():
    kinds = {(p.kind, p.country) for p in gazetteer().lookup("U.S.")}
    assert ("country", "US") in kinds


def test_syrian_cities_within_60_km(places_of):
    text = "Government forces shelled Idlib, Aleppo and Damascus on Friday, Syrian activists said."
    places = places_of(text)
    truth = {"Idlib": (35.93, 36.63), "Aleppo": (36.20, 37.16), "Damascus": (33.51, 36.29)}
    for name, (lat, lon) in truth.items():
        p = _one(places, name)
        assert p["country"] == "SY"
        assert haversine_km(p["lat"], p["lon"], lat, lon) < 60


def test_demonym_is_not_a_place(places_of):
    places = places_of("Syrian officials met their Turkish counterparts on Tuesday.")
    assert places == []


def test_paris_texas(places_of):
    places = places_of("The storm hit Paris, Texas, on Monday night and cut power to thousands.")
    p = _one(places, "Paris")
    assert p["country"] == "US"
    # Paris, Texas lies at about 33.66N 95.56W.
    assert haversine_km(p["lat"], p["lon"], 33.66, -95.56) < 60
    assert _one(places, "Texas")["kind"] == "admin1"


def test_paris_in_a_french_context(places_of):
    places = places_of("The French president flew back to Paris after a rally in Lyon.")
    p = _one(places, "Paris")
    assert p["country"] == "FR"
    assert haversine_km(p["lat"], p["lon"], 48.86, 2.35) < 60


def test_mediterranean_is_a_sea(places_of):
    places = places_of("Russian warships gathered in the Mediterranean for naval drills.")
    p = _one(places, "Mediterranean")
    assert p["kind"] == "sea"
    assert p["geonameid"] is None


def test_province_and_city_of_the_same_name(places_of):
    text = ("Rebels hold most of Idlib province. The army has not yet reached Idlib city, "
            "and shelling in the province of Idlib went on.")
    places = [p for p in places_of(text) if p["text"] == "Idlib"]
    assert [p["kind"] for p in places] == ["admin1", "city", "admin1"]
    assert all(p["country"] == "SY" and p["admin1"] == "Idlib" for p in places)


def test_us_state_abbreviation_and_container(places_of):
    places = places_of("The factory in Manassas, Va., will close next year.")
    p = _one(places, "Manassas")
    assert p["country"] == "US" and p["admin1"] == "Virginia"
    assert _one(places, "Va.")["kind"] == "admin1"
