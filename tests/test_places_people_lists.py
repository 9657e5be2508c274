"""Places on real-news patterns of the seed-370 judges (issue 12): a comma after a
person's surname that opens a list of people, not a state; a leader's surname met
alone, with no title or full name in the article; the towns a compass word puts a
place beside (our own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.places import _Mention, _no_town_names
from dateline.gazetteer import gazetteer
from dateline_testing import places_of


def _places(nlp, text: str) -> list[dict]:
    return places_of(nlp, text, dt.date(2011, 6, 1))


def test_a_comma_before_a_title_is_a_list_of_people_not_a_state(nlp):
    # Obama, Japan (about 29,000 people) is a town; a comma and then "French President"
    # open a list of leaders.
    text = ("Obama, French President Nicolas Sarkozy and the Italian premier agreed that "
            "the Libyan leader had to go.")
    assert "Obama" not in [p["text"] for p in _places(nlp, text)]


def test_a_comma_before_a_country_still_makes_the_town(nlp):
    text = "Tourists in Obama, Japan, watched the festival from the harbour on Sunday."
    towns = [p for p in _places(nlp, text) if p["text"] == "Obama"]
    assert towns and towns[0]["country"] == "JP"


def _towns_kept(nlp, text: str, name: str) -> list:
    """The town candidates the surname rules leave to the mention ``name`` of ``text``
    (the entity stage may or may not tag a bare surname as a place: the rule is
    tested on the mention itself)."""
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == name)
    m = _Mention(doc, i, i + 1, "GPE", list(gazetteer().lookup(name)), None)
    return [p for mm in _no_town_names(doc, [m], frozenset()) for p in mm.cands if p.kind == "city"]


def test_a_leader_named_by_surname_alone_is_no_small_foreign_town(nlp):
    # "Blair" (Tony Blair, United Kingdom, in the actor table) with no title and no full
    # name: the Blairs of the United States have 8,000 people at most.
    text = "Voters will remember Blair as a servant of Bush's plans above Britain's."
    assert any(p.country == "US" for p in gazetteer().lookup("Blair"))
    assert [p for p in _towns_kept(nlp, text, "Blair") if p.country == "US"] == []


def test_a_leader_s_surname_keeps_the_towns_of_his_own_country(nlp):
    text = "Doctors reported new flu cases in hospitals in Glasgow and Paisley on Thursday."
    assert {p.country for p in _towns_kept(nlp, text, "Paisley")} == {"GB"}


def test_a_town_of_the_leader_s_own_country_stays_a_town(nlp):
    # "Paisley" is also a Northern Irish leader's surname; the Scottish town of about
    # 77,000 people is in his own country.
    text = ("Doctors reported new flu cases in hospitals in Glasgow and Paisley on "
            "Thursday.")
    towns = [p for p in _places(nlp, text) if p["text"] == "Paisley"]
    assert towns and towns[0]["country"] == "GB" and towns[0]["admin1"] == "Scotland"


def test_a_compass_word_and_of_put_a_place_beside_a_town(nlp):
    # "Jackson" is a surname of the actor table; "north of Jackson" writes the town.
    text = ("Milan aldermen approved a new fire station; the town lies north of Jackson "
            "and east of Humboldt.")
    towns = [p for p in _places(nlp, text) if p["text"] == "Jackson"]
    assert towns and towns[0]["country"] == "US"


@pytest.mark.parametrize("text, name", [
    ("The Justice Department opened an inquiry into the leak on Monday.", "Justice"),
    ("The president spoke to reporters in the Rose Garden after the meeting.", "Rose"),
])
def test_the_first_word_of_a_longer_name_is_no_small_town(nlp, text, name):
    assert name not in [p["text"] for p in _places(nlp, text)]


def test_a_small_town_before_a_common_noun_stays_a_town(nlp):
    places = _places(nlp, "The Lockerbie bombing killed 270 people in 1988.")
    assert [(p["text"], p["country"]) for p in places] == [("Lockerbie", "GB")]


def test_a_name_after_an_honorific_is_a_person_however_big_the_place(nlp):
    text = ("Mr Annan, Russia and China had all backed the plan. Dr Guadalupe, a reader in "
            "the capital, wrote that schools were shut.")
    names = [p["text"] for p in _places(nlp, text)]
    assert "Annan" not in names and "Guadalupe" not in names
    assert {"Russia", "China"} <= set(names)


@pytest.mark.parametrize("text", [
    "Not all the oil came from the Macondo well in the Gulf of Mexico.",
    "BP was drilling in the Macondo prospect off Louisiana.",
])
def test_an_oil_prospect_s_name_is_no_small_town(nlp, text):
    assert "Macondo" not in [p["text"] for p in _places(nlp, text)]


def test_a_big_city_before_field_stays_the_city(nlp):
    places = _places(nlp, "The Kirkuk field in Iraq produces a million barrels.")
    assert ("Kirkuk", "IQ") in [(p["text"], p["country"]) for p in places]
