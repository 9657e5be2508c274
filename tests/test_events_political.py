"""Which coded acts are political news, and which acts the publication day only bounds
(issue 12, real-news audits). Every sentence is our own; expected values were checked
by hand.
"""

from __future__ import annotations

import re

import pytest

from dateline_testing import events_of as run


def kinds(evs: list[dict]) -> list[tuple]:
    return [(e["type"], (e["actor"] or {}).get("sector"), (e["target"] or {}).get("sector"))
            for e in evs]


@pytest.mark.parametrize("text", [
    # a medical agency's offer, a company's view of a figure: no political actor on
    # either side (both were coded before the requirement: AGREE, REJECT)
    "The Health Protection Agency agreed to provide antiviral drugs to schools.",
    "Kestrel Drilling Corp rejected the estimate as too high.",
    # a company's own work and funding, whatever the verb's type: its other side is no
    # political actor (coded COOPERATE and AID before _private_business)
    "Norbrite said it was working with engineers on a new cap for the well.",
    "Three oil companies funded a new firm to clean up spills.",
])
def test_private_parties_deals_and_refusals_are_no_political_event(nlp, text: str) -> None:
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # a state, its ministers or a political body on either side keeps the act
    ("The Kenyan government agreed to a ceasefire with the rebels.", "AGREE"),
    ("Norbrite Oil agreed to pay the Kenyan government for the damage.", "AGREE"),
    # the public's demands and threats are political news
    ("Kenyan farmers demanded compensation for the floods.", "REQUEST"),
    ("The Nigerian labour union threatened a nationwide strike over fuel prices.", "THREATEN"),
    # words against anyone, a rival company included
    ("Kestrel Drilling Corp accused Norbrite of careless work on the rig.", "ACCUSE"),
    # force needs no political actor to be news
    ("Gunmen killed three villagers in the north of Kenya.", "ASSAULT"),
])
def test_acts_with_a_political_side_the_public_voice_or_force_stay(nlp, text: str,
                                                                   expected: str) -> None:
    assert [e["type"] for e in run(nlp, text)] == [expected]


@pytest.mark.parametrize("text, trigger", [
    # the perfect: done by now, on a day the text does not give
    ("The Kenyan government has frozen the assets of the ministers.", "frozen"),
    ("Kenyan troops had shelled the town before the talks.", "shelled"),
    # a conjunct shares the perfect of the verb it is joined to
    ("The Kenyan government has frozen the assets of the ministers and imposed an arms "
     "embargo on Uganda.", "embargo"),
    # a participle that describes a noun tells what was done before
    ("Fighting broke out along the border despite a truce brokered by the Kenyan government.",
     "brokered"),
])
def test_an_act_told_in_the_perfect_is_dated_on_or_before_publication(nlp, text: str,
                                                                        trigger: str) -> None:
    ev = next(e for e in run(nlp, text) if e["text"] == trigger)
    assert (ev["date_source"], ev["date"]) == ("before", "2021-03-10")


def test_a_simple_past_or_a_dated_perfect_keeps_its_date_source(nlp) -> None:
    ev = next(e for e in run(nlp, "Kenyan troops shelled the town.") if e["text"] == "shelled")
    assert (ev["date_source"], ev["date"]) == ("published", "2021-03-10")
    # a date of its own clause dates a perfect too
    text = "Kenyan troops had shelled the town on Monday."
    monday = {"text": "Monday", "start": text.index("Monday"), "end": text.index("Monday") + 6,
              "sentence": 0, "type": "DATE", "value": "2021-03-08"}
    ev = next(e for e in run(nlp, text, dates=[monday]) if e["text"] == "shelled")
    assert (ev["date_source"], ev["date"]) == ("text", "2021-03-08")


def _country(text: str, name: str, code: str) -> dict:
    """A country place item for the first whole-word ``name`` of ``text``."""
    start = re.search(rf"\b{name}\b", text).start()
    return {"text": name, "start": start, "end": start + len(name), "sentence": 0,
            "name": name, "kind": "country", "country": code}


@pytest.mark.parametrize("text, name, code, expected", [
    # a country named without a preposition in a verbal act: a party or the subject
    ("The Kenyan government rejected a plan to involve Uganda in the talks.", "Uganda", "UG",
     None),
    # ... unless it is the actor's own country: an act at home
    ("The Kenyan president pledged that the army would rebuild the flooded towns of Kenya.",
     "Kenya", "KE", "Kenya"),
    # what force strikes is where it happened
    ("Kenyan jets bombed Uganda.", "Uganda", "UG", "Uganda"),
    # a preposition of place says where, whatever the act
    ("The Kenyan government signed the agreement in Uganda.", "Uganda", "UG", "Uganda"),
])
def test_a_country_without_a_preposition_is_the_place_only_of_force_or_an_act_at_home(
        nlp, text: str, name: str, code: str, expected: str | None) -> None:
    evs = run(nlp, text, places=[_country(text, name, code)])
    assert [e["place"] for e in evs] == [expected]


def test_a_visited_country_is_the_place_of_the_visit(nlp) -> None:
    text = "The Kenyan president visited Uganda."
    assert [(e["type"], e["mode"], e["place"])
            for e in run(nlp, text, places=[_country(text, "Uganda", "UG")])] == [
        ("CONSULT", "visit", "Uganda")]


@pytest.mark.parametrize("text, actor", [
    # the Pope and the Vatican are the Holy See's, never the country the sentence names
    ("The Pope urged Ugandans to help the flood victims.", ("The Pope", "VAT", "REL")),
    ("The Vatican condemned the attack on the Ugandan church.", ("The Vatican", "VAT", "REL")),
])
def test_the_pope_and_the_vatican_are_the_holy_see(nlp, text: str, actor: tuple) -> None:
    (ev,) = run(nlp, text)
    assert (ev["actor"]["text"], ev["actor"]["country"], ev["actor"]["sector"]) == actor


def test_an_article_told_in_the_first_person_codes_no_events(nlp) -> None:
    # a column or a witness's account: the writer's own "I" outside quotation marks
    column = ("I have covered this war for a year, and my view has not changed. I think the "
              "army shelled the town of Brava on Monday because I saw the craters myself. The "
              "ministry denied it, but I do not believe the ministry.")
    assert run(nlp, column) == []   # REJECT "denied" was coded before _first_person
    # the same acts told by a reporter are coded
    report = "The army shelled the town of Brava on Monday, witnesses said. The ministry denied it."
    assert [e["type"] for e in run(nlp, report)] == ["ASSAULT", "REJECT"]
    # a speaker's "I" inside quotation marks is not the writer's voice
    quoted = ('The ministry denied it. "I was there, my men saw nothing, and I repeat that I '
              'deny it," the minister said.')
    assert "REJECT" in [e["type"] for e in run(nlp, quoted)]


@pytest.mark.parametrize("text", [
    "Railway workers in Portugal went on strike over their pay.",
    "Port workers in Chile staged a two-day stoppage.",
])
def test_workers_strikes_stay_political(nlp, text: str) -> None:
    # workers' strikes are the public's voice, not a company's business
    assert [e["type"] for e in run(nlp, text)] == ["PROTEST"]


def test_people_given_the_storys_country_are_no_state_for_a_companys_business(nlp) -> None:
    # "its shareholders" took the story's country (USA) with no sector: that made it look
    # like a state as such, so the dividend cut was coded SANCTION before _proper
    text = ("The US government said the claims process would start soon. The company "
            "suspended dividend payments to its shareholders.")
    assert run(nlp, text) == []
