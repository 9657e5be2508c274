"""Places: the country or state named beside a town, and towns the gazetteer lacks (issue 16).

Texts of our own. Each checks one side of the nearby-evidence and gazetteer-gap rules of
``dateline/extract/places.py`` (``_mark_nearby``, ``_gazetteer_gaps``): where they decide,
and the names they must leave alone (a country's people or bodies abroad, a team, a county
name many states share, a mention that itself names a country or division).
"""

from __future__ import annotations

import pytest

from dateline_testing import found_near


def _first(places: list[dict], mention: str) -> dict:
    return next(p for p in places if p["text"] == mention)


def test_a_state_named_in_the_sentence_before_beats_a_far_bigger_namesake(namesake_places):
    text = ("Marines at Camp Lejeune in North Carolina will get new barracks. The base borders "
            "Jacksonville, whose mayor welcomed the money.")
    place = _first(namesake_places(text), "Jacksonville")
    assert (place["country"], place["admin1"]) == ("US", "North Carolina")


def test_a_county_of_one_state_named_beside_the_town(namesake_places):
    text = ("Bartholomew County will widen the highway. Drivers in Columbus should expect delays "
            "until the fall, the engineer said.")
    place = _first(namesake_places(text), "Columbus")
    assert place["admin1"] == "Indiana"


def test_the_nearest_country_decides_between_two_named(namesake_places):
    # Canada is named too, and Nova Scotia has a Sydney; Australia is named nearer.
    text = ("Swimmers from Halifax and Moncton will race for Canada at the world championships in "
            "Australia. The meet opens in Sydney on March 3.")
    assert _first(namesake_places(text), "Sydney")["country"] == "AU"


def test_a_country_named_nearer_than_another_countrys_division(namesake_places):
    text = ("Scotland's cricketers flew out on Sunday for their tour of Australia. The first match "
            "is in Perth next week.")
    assert _first(namesake_places(text), "Perth")["country"] == "AU"


def test_a_state_universitys_team_is_no_evidence(namesake_places):
    text = ("Mississippi State's guard hit the tying shot with seven seconds left. The Bulldogs "
            "then beat Louisville in overtime.")
    assert _first(namesake_places(text), "Louisville")["admin1"] == "Kentucky"


def test_a_county_name_many_states_share_lifts_no_town(namesake_places):
    # Eight states have an Orange County; New York's holds no Greece, but its state has one.
    text = ("Students in Orange County marched on Saturday. Teachers from Greece and Italy joined "
            "them, the organisers said.")
    assert _first(namesake_places(text), "Greece")["kind"] == "country"


def test_a_division_named_exactly_is_not_turned_into_a_town(namesake_places):
    text = "Flooding closed roads across England on Friday, and rail lines in Wales were shut."
    place = _first(namesake_places(text), "Wales")
    assert place["kind"] == "admin1"


@pytest.mark.parametrize("text", [
    "Oil reached the marshes near Venice, La., on Friday. Boat captains in Venice said they had no work.",
])
def test_a_town_the_gazetteer_lacks_stays_in_its_state(namesake_places, text):
    """Venice, Louisiana is not in the gazetteer: both mentions are put in Louisiana (a
    local place), not at Venice, Italy or California."""
    venices = [p for p in namesake_places(text) if p["text"] == "Venice"]
    assert len(venices) == 2
    assert all((p["country"], p["admin1"], p["kind"]) == ("US", "Louisiana", "local") for p in venices)


def test_a_district_the_gazetteer_lacks_is_put_at_its_city(namesake_places):
    text = ("Five schools in England remain closed after pupils fell ill. Three are in London: one "
            "in Dulwich, one in Battersea and one in Hampstead.")
    places = namesake_places(text)
    assert found_near(places, "Dulwich", 51.509, -0.126, 40.0)
    assert _first(places, "Dulwich")["kind"] == "local"


def test_a_small_foreign_town_in_a_list_of_places_is_kept(namesake_places):
    text = ("The team has flown to Saipan, Guam, Alaska and Hawaii this year, and it trains at home "
            "in Washington.")
    place = _first(namesake_places(text), "Saipan")
    assert place["kind"] == "city" and place["country"] == "MP"


def test_a_bare_gulf_is_the_gulf_near_the_articles_places(namesake_places):
    # The article never writes "Gulf of Mexico": its places say which gulf "the Gulf" is.
    text = ("Tar balls washed up in Pensacola, Florida, and crews in Louisiana laid more boom on "
            "Tuesday. Fishermen in Mobile, Alabama, said the Gulf had not been this quiet in years.")
    gulf = _first(namesake_places(text), "Gulf")
    assert gulf["name"] == "Gulf of Mexico"


def test_a_bare_gulf_near_kuwait_stays_the_persian_gulf(namesake_places):
    text = ("Tankers left Kuwait and Bahrain under escort on Monday. Shipping through the Gulf "
            "has slowed since the attacks, officials in Baghdad and Riyadh said.")
    gulf = _first(namesake_places(text), "Gulf")
    assert gulf["name"] == "Persian Gulf"


def test_a_place_opening_a_papers_or_channels_name_today_is_not_stored(namesake_places):
    # "USA Today" and "Russia Today" are a newspaper and a channel, not places.
    text = ("A spokeswoman told USA Today that the group has no research budget. Russia Today "
            "reported the same story from Moscow.")
    texts = [p["text"] for p in namesake_places(text)]
    assert "USA" not in texts and "Russia" not in texts and "Moscow" in texts
