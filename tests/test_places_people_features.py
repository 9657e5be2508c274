"""Places on real-news patterns of the seed-99 judges (issue 12): a person's surname
standing alone, and a country named inside a natural feature's name (our own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline_testing import places_of


def _places(nlp, text: str) -> list[dict]:
    return places_of(nlp, text, dt.date(2010, 6, 1))


@pytest.mark.parametrize("text, surname", [
    # Hayward, California has about 158,000 people: over the old size bar for metonymy.
    ("Tony Hayward, the oil company's chief, flew to Louisiana on Monday. Critics said "
     "Hayward had been slow to act, and shareholders asked Hayward to resign.", "Hayward"),
    # Only "Mr" gives the man; Dudley in the English Midlands has about 199,000 people.
    ("The company put Mr Dudley in charge of the clean-up. Dudley, who was raised in "
     "Mississippi, will report to the board in London.", "Dudley"),
    ("Senator Jim Lincoln toured farms outside Omaha on Friday. Lincoln said the drought "
     "would cost growers dearly.", "Lincoln"),
])
def test_a_surname_standing_alone_is_the_person(nlp, text, surname):
    assert surname not in [p["text"] for p in _places(nlp, text)]


def test_a_surname_the_article_writes_as_a_place_stays_the_town(nlp):
    text = ("Mayor Ann Hayward opened the fair. Residents of Hayward, California, queued for "
            "hours, and shops in Hayward stayed open late.")
    towns = [p for p in _places(nlp, text) if p["text"] == "Hayward"]
    assert towns and all(p["country"] == "US" and p["admin1"] == "California" for p in towns)


def test_a_capital_bearing_a_surname_is_still_the_capital(nlp):
    text = ("The actor Denzel Washington was in Toronto for the festival. Washington and "
            "Ottawa signed the border accord on Monday.")
    caps = [p for p in _places(nlp, text) if p["text"] == "Washington"]
    assert caps and caps[0]["admin1"] in ("District of Columbia", "Washington, D.C.")


@pytest.mark.parametrize("text", [
    "Engineers spent the night at a damaged Gulf of Mexico platform, a spokesman said.",
    "Shares fell as the Gulf of Mexico spill entered its third month.",
])
def test_a_country_inside_a_sea_s_name_is_the_sea(nlp, text):
    places = _places(nlp, text)
    assert "Mexico" not in [p["text"] for p in places]
    assert [p["name"] for p in places] == ["Gulf of Mexico"]


def test_a_country_inside_a_feature_the_gazetteer_lacks_is_not_stored(nlp):
    text = "In 1979 a well blew out in the Bay of Campeche and oil washed up in Texas."
    assert "Mexico" not in [p["country"] for p in _places(nlp, text)]
    text = "In 1979 a well blew out in the Bay of Campeche, off Mexico's coast."
    assert [p["text"] for p in _places(nlp, text)] == ["Mexico"]


_FILLER = ("The agency said the risk to the public stayed low. Doctors urged calm. Parents were "
           "told to watch for a fever. Exams will go ahead as planned. Hand washing remains the "
           "best defence. More tests are due next week. ")


def test_a_local_building_far_from_the_main_city_s_mention_is_not_put_there(nlp):
    text = ("Officials in London confirmed two new cases on Monday. " + _FILLER
            + "Pupils at Downend School were sent home after a teacher fell ill.")
    assert "Downend School" not in [p["text"] for p in _places(nlp, text)]


def test_a_local_building_beside_the_main_city_s_mention_is_put_there(nlp):
    text = (_FILLER + "Officials in London confirmed two new cases on Monday. "
            "Pupils at Downend School were sent home after a teacher fell ill.")
    school = [p for p in _places(nlp, text) if p["text"] == "Downend School"]
    assert school and school[0]["kind"] == "local" and school[0]["near"] == "London"


def test_a_leader_named_by_surname_alone_is_no_town(nlp):
    # the people table's "alone" surnames name the person even when the article never
    # gives the full name ("Obama" is also a Japanese port)
    assert not [p for p in _places(nlp, "Obama visited Venice on Friday to see the spill.")
                if p["text"] == "Obama"]
