"""Places: detection and offline geocoding on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract import run_extractors
from dateline.gazetteer import gazetteer, haversine_km, name_key
from dateline.nlp import load_model


@pytest.fixture(scope="module")
def places_of():
    nlp = load_model()
    gazetteer()

    def run(text: str) -> list[dict]:
        out = run_extractors(nlp(text), dt.date(2018, 8, 31), only=("places",), text=text)["places"]
        for p in out:
            assert text[p["start"]:p["end"]] == p["text"]
        # Records come in text order and never overlap.
        for a, b in zip(out, out[1:]):
            assert a["end"] <= b["start"]
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


def test_demonyms_are_adjectival_places(places_of):
    text = "Syrian officials met their Turkish counterparts on Tuesday."
    places = places_of(text)
    assert [(p["text"], p["start"], p["end"]) for p in places] == [("Syrian", 0, 6), ("Turkish", 27, 34)]
    assert [(p["name"], p["country"], p["kind"]) for p in places] == [
        ("Syria", "SY", "country"), ("Turkey", "TR", "country")]
    assert all(p["adjectival"] for p in places)


def test_demonym_tagged_as_a_place_is_still_an_adjective(places_of):
    # spaCy tags "Kazakh" here as a GPE; a town of that name must not win over the adjective
    text = "Talks were held in the Kazakh capital Astana last year."
    kazakh, astana = places_of(text)
    assert (kazakh["text"], kazakh["name"], kazakh["kind"], kazakh["adjectival"]) == (
        "Kazakh", "Kazakhstan", "country", True)
    assert (astana["name"], astana["country"], astana["adjectival"]) == ("Astana", "KZ", False)


def test_adjectival_reference_is_less_sure_than_a_literal_mention(places_of):
    places = places_of("Russian jets struck rebel positions near Idlib on Friday.")
    russian, idlib = _one(places, "Russian"), _one(places, "Idlib")
    assert russian["adjectival"] is True and idlib["adjectival"] is False
    assert russian["country"] == "RU" and russian["kind"] == "country"
    # A point inside Russia: between 41N and 82N, east of 19E.
    assert 41 < russian["lat"] < 82 and russian["lon"] > 19
    assert russian["confidence"] < idlib["confidence"]
    # Idlib city lies at about 35.93N 36.63E.
    assert haversine_km(idlib["lat"], idlib["lon"], 35.93, 36.63) < 30


def test_adjectival_regions_and_two_word_demonyms(places_of):
    places = places_of("European leaders, Scottish fishermen and Kurdish fighters met South Korean diplomats.")
    assert [p["text"] for p in places] == ["European", "Scottish", "Kurdish", "South Korean"]
    assert all(p["adjectival"] for p in places)
    europe, scotland, kurdistan, korea = places
    assert europe["kind"] == "continent" and europe["name"] == "Europe"
    # Scotland's middle is at about 56.8N 4.2W, in the United Kingdom.
    assert scotland["country"] == "GB" and haversine_km(scotland["lat"], scotland["lon"], 56.8, -4.2) < 100
    # The Kurdistan Region of Iraq: around Erbil, 36.19N 44.01E.
    assert kurdistan["country"] == "IQ" and haversine_km(kurdistan["lat"], kurdistan["lon"], 36.19, 44.01) < 150
    assert korea["country"] == "KR" and korea["kind"] == "country"


def test_demonyms_that_are_no_place_references(places_of):
    # People ("Syrians"), a language ("in Russian") and an ethnic description
    # ("African American") refer to no place.
    assert places_of("Syrians fled as she answered in Russian, and African American voters cheered.") == []


def test_names_opening_hyphenated_compounds(places_of):
    text = ("Officials feared an Aleppo-like disaster as Moscow-backed forces and a "
            "New York-based charity joined an Iran-led alliance.")
    places = places_of(text)
    # The name part only ("Aleppo" opens "Aleppo-like" at offset 20), marked adjectival.
    assert [(p["text"], p["start"]) for p in places] == [
        ("Aleppo", 20), ("Moscow", 44), ("New York", 71), ("Iran", text.index("Iran-led"))]
    assert all(p["adjectival"] for p in places)
    truth = {"Aleppo": (36.20, 37.16, "SY"), "Moscow": (55.76, 37.62, "RU"), "New York": (40.71, -74.01, "US")}
    for name, (lat, lon, cc) in truth.items():
        p = _one(places, name)
        assert p["country"] == cc
        assert haversine_km(p["lat"], p["lon"], lat, lon) < 60
    assert _one(places, "Iran")["kind"] == "country"


def test_hyphenated_place_names_are_found_whole(places_of):
    # "ez-Zor" and "upon-Tyne" belong to the names: literal mentions, not compounds.
    places = places_of("The convoy reached Deir ez-Zor in eastern Syria on Monday.")
    p = _one(places, "Deir ez-Zor")
    assert p["adjectival"] is False and p["country"] == "SY"
    # Deir ez-Zor lies at about 35.34N 40.14E.
    assert haversine_km(p["lat"], p["lon"], 35.34, 40.14) < 30
    places = places_of("Voters in Newcastle-upon-Tyne went to the polls on Thursday.")
    p = _one(places, "Newcastle-upon-Tyne")
    assert p["adjectival"] is False and p["country"] == "GB"
    # Newcastle upon Tyne lies at about 54.97N 1.61W.
    assert haversine_km(p["lat"], p["lon"], 54.97, -1.61) < 30


def test_country_name_before_a_word_that_is_no_part_of_it(places_of):
    text = "At the US State Department, a spokeswoman spoke about the talks."
    places = places_of(text)
    assert [(p["text"], p["start"], p["end"]) for p in places] == [("US", 7, 9)]
    assert places[0]["country"] == "US" and places[0]["kind"] == "country"
    assert places[0]["adjectival"] is False


def test_event_place_is_never_an_adjectival_reference(places_of):
    nlp = load_model()

    def events(text: str) -> list[dict]:
        return run_extractors(nlp(text), dt.date(2018, 8, 31), only=("events",), text=text)["events"]

    # "Russian" comes first in the sentence, but the strike happened in Idlib.
    (ev,) = events("Russian jets struck rebel positions near Idlib on Friday.")
    assert ev["place"] == "Idlib"
    # Only adjectival references: no place.
    (ev,) = events("Russian jets struck rebel positions on Friday.")
    assert ev["place"] is None


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


def _tiny_gazetteer():
    from dateline.gazetteer import Gazetteer, Place

    places = [
        Place("Ḩamāh", "city", "SY", "21", 35.13, 36.75, 460_000, 170063, False, name_key("Ḩamāh")),
        Place("Hama Governorate", "admin1", "SY", "21", 35.2, 37.2, 1_000_000, None, False,
              name_key("Hama Governorate")),
        Place("Springfield", "city", "US", "IL", 39.80, -89.64, 116_000, 4250542, False, "springfield"),
        Place("Springfield", "city", "US", "MO", 37.22, -93.29, 167_000, 4409896, False, "springfield"),
    ]
    index = {"hamah": (0,), "hama": (0, 1), "hama governorate": (1,), "springfield": (2, 3)}
    return Gazetteer(places, index, {("SY", "21"): "Hama"})


def test_packed_gazetteer_lookup():
    gaz = _tiny_gazetteer()
    assert len(gaz) == 4
    # "Hama" may be the city or the governorate; "Hamāh" folds to the city's key.
    assert {p.kind for p in gaz.lookup("Hama")} == {"city", "admin1"}
    assert [p.name for p in gaz.lookup("HAMĀH")] == ["Ḩamāh"]
    assert {p.admin1 for p in gaz.lookup("Springfield")} == {"IL", "MO"}
    assert gaz.lookup("Shelbyville") == []
    assert "springfield" in gaz and "Shelbyville" not in gaz
    p = gaz.lookup("Hamah")[0]
    assert (p.lat, p.lon, p.population, p.geonameid) == (35.13, 36.75, 460_000, 170063)
    assert gaz.lookup("Hama Governorate")[0].geonameid is None
    assert gaz.admin1_name("SY", "21") == "Hama"


def test_gazetteer_cache_round_trip_and_damaged_files(tmp_path):
    from dateline.gazetteer import _load, _save

    path = tmp_path / "gazetteer-0123456789abcdef.bin"
    _save(_tiny_gazetteer(), path)
    loaded = _load(path)
    assert loaded is not None
    assert {p.admin1 for p in loaded.lookup("Springfield")} == {"IL", "MO"}
    # A cache written for other inputs (another name) is not used.
    other = tmp_path / "gazetteer-fedcba9876543210.bin"
    other.write_bytes(path.read_bytes())
    assert _load(other) is None
    # A truncated or garbage file is not an error: it reads as "no cache".
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert _load(path) is None
    path.write_bytes(b"not a pickle at all")
    assert _load(path) is None
    assert _load(tmp_path / "missing.bin") is None


def test_saving_removes_caches_of_older_inputs(tmp_path):
    from dateline.gazetteer import _save

    old = tmp_path / "gazetteer-aaaaaaaaaaaaaaaa.bin"
    old.write_bytes(b"old")
    new = tmp_path / "gazetteer-bbbbbbbbbbbbbbbb.bin"
    _save(_tiny_gazetteer(), new)
    assert new.exists() and not old.exists()
    assert not list(tmp_path.glob("*.tmp"))


def test_street_is_placed_at_its_city(places_of):
    places = places_of("Police closed Royal Street in New Orleans after the parade on Sunday.")
    p = _one(places, "Royal Street")
    assert p["kind"] == "local" and p["country"] == "US"
    assert p["near"] == "New Orleans"
    # New Orleans lies at about 29.95N 90.07W.
    assert haversine_km(p["lat"], p["lon"], 29.95, -90.07) < 30
    # "Royal" is not looked up as a town of its own.
    assert [q["text"] for q in places] == ["Royal Street", "New Orleans"]


def test_bare_capital_name_is_the_capital(places_of):
    places = places_of("Talks between the two delegations resumed in Washington on Monday.")
    p = _one(places, "Washington")
    # Washington, D.C. lies at about 38.90N 77.04W.
    assert p["country"] == "US"
    assert haversine_km(p["lat"], p["lon"], 38.90, -77.04) < 30


def test_irish_county(places_of):
    places = places_of("Heavy rain flooded roads across Cork and Kerry overnight, gardaí said.")
    for name, (lat, lon) in {"Cork": (51.90, -8.47), "Kerry": (52.15, -9.57)}.items():
        p = _one(places, name)
        assert p["country"] == "IE"
        assert haversine_km(p["lat"], p["lon"], lat, lon) < 80


def test_us_county_is_local_in_its_state(places_of):
    places = places_of("Deputies searched a farm in Collier County, Florida, on Tuesday.")
    p = _one(places, "Collier County")
    assert p["kind"] == "local" and p["geonameid"] is None
    assert p["country"] == "US" and p["admin1"] == "Florida"
    assert _one(places, "Florida")["kind"] == "admin1"


def test_odd_alternate_name_is_not_a_place(places_of):
    # GeoNames lists "Salah" as an alternate name of a Turkish village; a footballer's
    # name must not become that village.
    places = places_of("Salah scored twice as the visitors won 3-0 on Tuesday night.")
    assert places == []


def test_mislabelled_town_in_a_list_of_places(places_of):
    places = places_of("Games were moved to the capital Seoul and the nearby cities of Suwon and Incheon.")
    for name, (lat, lon) in {"Seoul": (37.57, 126.98), "Suwon": (37.29, 127.01),
                             "Incheon": (37.46, 126.71)}.items():
        p = _one(places, name)
        assert p["country"] == "KR"
        assert haversine_km(p["lat"], p["lon"], lat, lon) < 30


def test_hospital_is_placed_at_the_city_named_after_it(places_of):
    places = places_of("Patients were moved to the Northwest Cancer Centre in Belfast on Monday.")
    p = _one(places, "Northwest Cancer Centre")
    assert p["kind"] == "local" and p["near"] == "Belfast" and p["country"] == "GB"
    # Belfast lies at about 54.60N 5.93W.
    assert haversine_km(p["lat"], p["lon"], 54.60, -5.93) < 20


def test_acronyms_name_organisations_not_towns(places_of):
    # "NATO" and "UN" are also the main names of small towns (in the Philippines, India).
    places = places_of("Officials at NATO headquarters met envoys from the UN and Jordan on Monday.")
    assert [p["text"] for p in places] == ["Jordan"]
    # An acronym that names a country stays one.
    assert _one(places_of("Talks between the US and Iran resumed."), "US")["country"] == "US"
    # The alliance as the BBC writes it, and an acronym opening a line of one-sentence lines.
    text = "Russia and Nato traded accusations.\nNATO , which has 28 members , met in Brussels."
    assert {p["text"] for p in places_of(text)} == {"Russia", "Brussels"}
    # An all-caps dateline is still a place.
    assert _one(places_of("TRIPOLI , Libya -- Rebels advanced on Sunday."), "TRIPOLI")["country"] == "LY"


def test_a_persons_name_is_no_small_town(places_of):
    # Obama is also a town of 30,000 in Japan; here it is only the president's name.
    places = places_of("President Barack Obama spoke on Monday. Critics said the response by "
                       "Obama came late, and Republicans in Congress agreed.")
    assert not [p for p in places if p["text"] == "Obama"]


def test_part_of_a_hyphenated_surname_is_no_place(places_of):
    places = places_of("The prosecutor Luis Moreno-Ocampo said the court would act soon.")
    assert not [p for p in places if p["text"] in ("Moreno", "Ocampo")]
    # Both sides of a pair of places are places.
    pair = places_of("Flights on the Moscow-Beijing route resumed.")
    assert {p["text"] for p in pair} >= {"Moscow", "Beijing"}


def test_language_compound_is_no_place(places_of):
    places = places_of("The channel's English-language website and its Arabic-speaking presenters "
                       "covered the talks.")
    assert not [p for p in places if p["text"] in ("English", "Arabic")]
