"""Places: place words inside other names, titles, languages and actors' names (our own sentences)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dateline.extract import run_extractors
from dateline.extract.places import PlacesConfig
from dateline.gazetteer import gazetteer
from dateline.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    gazetteer()
    return load_model()


def _places(nlp, text: str, in_names: bool = False) -> list[dict]:
    configs = {"places": dataclasses.replace(PlacesConfig(), in_names=in_names)}
    out = run_extractors(nlp(text), dt.date(2012, 6, 1), only=("places",), text=text,
                         configs=configs)["places"]
    for p in out:
        assert text[p["start"]:p["end"]] == p["text"]
    return out


def test_demonym_inside_an_organisations_name_is_not_stored(nlp):
    text = ("Fighters of the Free Syrian Army held the town on Tuesday, "
            "and Syrian troops shelled Homs.")
    stored = _places(nlp, text)
    assert [p["start"] for p in stored if p["text"] == "Syrian"] == [text.index("Syrian troops")]
    assert any(p["text"] == "Homs" for p in stored)
    # The geo harness asks for them too, marked.
    every = _places(nlp, text, in_names=True)
    marked = [p for p in every if p["in_name"]]
    assert [(p["text"], p["start"]) for p in marked] == [("Syrian", text.index("Syrian Army"))]


def test_city_inside_a_treatys_name_is_marked(nlp):
    text = "The country never signed the Ottawa Treaty, diplomats in Geneva said."
    assert [p["text"] for p in _places(nlp, text)] == ["Geneva"]
    every = _places(nlp, text, in_names=True)
    ottawa = [p for p in every if p["text"] == "Ottawa"]
    assert ottawa and ottawa[0]["in_name"] and ottawa[0]["country"] == "CA"


def test_town_opening_a_local_institution_stays_a_place(nlp):
    text = "A spokesman for the Beverly Hills Police Department said two men were arrested."
    places = _places(nlp, text)
    assert [(p["text"], p["country"]) for p in places] == [("Beverly Hills", "US")]


def test_title_opening_a_name_is_no_town(nlp):
    text = "Thousands of families waited at King Talal Park, near the border with Jordan."
    places = _places(nlp, text, in_names=True)
    assert not [p for p in places if p["text"] == "King"]
    assert any(p["text"] == "Jordan" for p in places)


def test_language_without_hyphen_is_no_place(nlp):
    text = "She studied English literature and now teaches the English language in Amman."
    places = _places(nlp, text)
    assert not [p for p in places if p["text"] == "English"]
    assert any(p["text"] == "Amman" for p in places)


def test_actor_named_alone_in_comments_is_no_town(nlp):
    # Obama is also a town of about 30,000 in Japan; the comment names only the surname.
    text = ("Posted by reader 12: I think Obama waited far too long. "
            "Posted by reader 13: Obama should send help to Benghazi now.")
    places = _places(nlp, text)
    assert not [p for p in places if p["text"] == "Obama"]
    assert any(p["text"] == "Benghazi" for p in places)


def test_place_opening_an_events_name_is_where_it_happened(nlp):
    text = "Critics compared the campaign with the Iraq War of 2003."
    places = _places(nlp, text)
    assert [(p["text"], p["country"]) for p in places if p["text"] == "Iraq"] == [("Iraq", "IQ")]


def test_name_run_across_a_line_break_is_no_name(nlp):
    # spaCy at times runs a headline's last word and the next line into one organisation
    # ("Misrata\nGadhafi"); the tagger's spans are set by hand here.
    text = "Unrest is centered in Benghazi\nGadhafi has been criticised abroad for years."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index("Benghazi"), text.index(" has"), label="ORG")]
    out = run_extractors(doc, dt.date(2011, 3, 1), only=("places",), text=text)["places"]
    assert [(p["text"], p["country"]) for p in out] == [("Benghazi", "LY")]


def test_name_opened_by_a_place_after_in_is_a_run_on(nlp):
    # A caption run into the text: spaCy may take "Aleppo Activists" for one organisation.
    text = "Clashes went on in Aleppo Activists said that shells fell all night."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index("Aleppo"), text.index(" said"), label="ORG")]
    out = run_extractors(doc, dt.date(2012, 7, 1), only=("places",), text=text)["places"]
    assert [(p["text"], p["country"]) for p in out] == [("Aleppo", "SY")]


def test_a_people_word_is_no_town_unless_a_state_says_so(nlp) -> None:
    # "Arab" is a people (entities_groups.tsv), not Arab, Alabama; with its state it is the town
    def names(text: str) -> list[tuple[str, str | None]]:
        out = run_extractors(nlp(text), dt.date(2020, 1, 1), only=("places",), text=text)["places"]
        return [(p["name"], p["admin1"]) for p in out]

    assert names("The festival honours Arab poetry and its scholars.") == []
    assert ("Arab", "Alabama") in names("Police in Arab, Alabama, arrested two men on Friday.")


def test_place_inside_the_name_of_a_body_or_paper_is_not_stored(nlp) -> None:
    # research bodies, publications, agreements: their place says nothing of where
    for text in ("A fellow at the Washington Institute said the talks had stalled.",
                 "David Marsh of the Institute for Near East Policy said the rebels lacked arms.",
                 "Salman Haidar of the Brookings Doha Center said the plan was dead.",
                 "She is a lecturer in Middle Eastern Studies at a college.",
                 "The New York Times reported on Friday that rebels had left.",
                 "The treatment of prisoners breached the Geneva Conventions, lawyers said."):
        assert _places(nlp, text) == [], text
    # the geo harness still sees them, marked
    every = _places(nlp, "The New York Times reported on Friday that rebels had left.", in_names=True)
    assert [(p["text"], p["in_name"]) for p in every] == [("New York", True)]
    # a town's own airport lies there
    assert [p["text"] for p in _places(nlp, "Damascus International Airport was shut on Monday.")] == ["Damascus"]


def test_the_west_is_a_bloc_not_a_town(nlp) -> None:
    text = "In 2004 , the colonel tried to repair his ties with the West , accepting demands ."
    assert [(p["name"], p["kind"], p["country"]) for p in _places(nlp, text)] == [("Western world", "region", None)]
    assert _places(nlp, "Mr West said the plan would fail.") == []
    assert ("West", "US") in [(p["name"], p["country"]) for p in _places(nlp, "The blast in West, Texas, hurt many.")]
    assert [p["name"] for p in _places(nlp, "The West Bank town of Hebron was quiet.")] == ["West Bank", "Hebron"]


def test_a_region_named_with_the_is_never_a_town_of_that_name(nlp):
    # an article about US politics: Maryland and its towns are named, yet "the Middle
    # East" is the region, not Middle East, Maryland
    text = ("Senators from Maryland met in Baltimore and Annapolis on Monday. They said the "
            "unrest that swept North Africa and the Middle East had reached Libya.")
    found = {p["text"]: (p["kind"], p["country"]) for p in _places(nlp, text)}
    assert found["Middle East"] == ("region", None)
    assert found["Baltimore"] == ("city", "US")


@pytest.mark.parametrize("text", [
    "The senator said the president had gone to war in Libya without approval from Congress.",
    "A vote in Congress on the Libya mission is expected, officials in Washington said.",
])
def test_a_state_body_standing_alone_is_no_town(nlp, text):
    # "Congress" is the legislature here, not Congress, Arizona
    assert [p for p in _places(nlp, text) if p["text"] == "Congress"] == []


def test_the_town_of_a_state_bodys_name_with_its_state(nlp):
    text = "Firefighters were sent to Congress, Arizona, on Tuesday."
    found = {p["text"]: (p["kind"], p["admin1"]) for p in _places(nlp, text)}
    assert found["Congress"] == ("city", "Arizona")


@pytest.mark.parametrize("text, kind, lat, lon", [
    # a spelling the gazetteer knows only for the governorate named after the city
    ("Army tanks entered the eastern city of Deir al-Zour at dawn.", "city", 35.34, 40.14),
    ("Army tanks entered Deir al-Zour at dawn.", "city", 35.34, 40.14),
    ("Fighting spread across Deir al-Zour province.", "admin1", 35.0, 40.5),
])
def test_a_city_takes_the_spellings_of_the_division_named_after_it(nlp, text, kind, lat, lon):
    found = [p for p in _places(nlp, text) if p["text"] == "Deir al-Zour"]
    assert [p["kind"] for p in found] == [kind]
    assert abs(found[0]["lat"] - lat) < 0.05 and abs(found[0]["lon"] - lon) < 0.05
