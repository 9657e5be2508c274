"""People in the actor tables (actors_people.tsv): a named politician, official or
company head gets the country he or she serves, never the country of the sentence.

Sentences are our own; expected codes are public facts checked by hand.
"""

from __future__ import annotations

import re

import pytest

from dateline.actors import ActorIndex, code_text
from dateline.data import read_records
from dateline_testing import events_of as run


def codes(text: str) -> tuple[str | None, str | None] | None:
    coded = code_text(text)
    return None if coded is None else (coded["country"], coded["sector"])


def found(nlp, text: str) -> list[tuple[str, str | None]]:
    """(words, country) of every named actor (person, body, company) found in parsed ``text``."""
    index = ActorIndex(nlp(text))
    return [(text[m.start:m.end], m.alias.country) for m in index.matches if m.alias.kind == "org"]


@pytest.mark.parametrize("text, expected", [
    ("Prime Minister David Cameron", ("GBR", "GOV")),
    ("Nicola Sturgeon", ("GBR", "GOV")),
    ("Tony Hayward", ("GBR", "BUS")),
    ("Ban Ki-moon", ("IGO", "IGO")),
    ("Kim Jong-un", ("PRK", "GOV")),
    # an accented name also matches as news often writes it, without accents
    ("Francois Hollande", ("FRA", "GOV")),
    ("François Hollande", ("FRA", "GOV")),
    # companies named after people are the company ("Thomas Cook", not Robin Cook)
    ("Thomas Cook", ("GBR", "BUS")),
    ("Virgin Atlantic", ("GBR", "BUS")),
])
def test_full_names(text: str, expected: tuple[str, str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title and a surname that only one person in the table bears
    ("Mr Hayward", ("GBR", "BUS")),
    ("Mrs Clinton", ("USA", "GOV")),
    ("President Sarkozy", ("FRA", "GOV")),
    ("Foreign Secretary Hague", ("GBR", "GOV")),
    ("Mr al-Maliki", ("IRQ", "GOV")),
    # distinctive surnames stand alone
    ("Ahmadinejad", ("IRN", "GOV")),
    ("Putin", ("RUS", "GOV")),
])
def test_title_and_surname(text: str, expected: tuple[str, str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize("text", [
    "Mr Brown",          # a common surname: only with the full name in the text
    "Mr Kim",            # Korean leaders of two states share it
    "Mr Rasmussen",      # a Danish prime minister and a NATO secretary-general
    "Cameron",           # a bare surname that is not distinctive
    "Spokesman Hollande",  # who speaks for someone is not the minister
])
def test_surname_that_names_nobody(text: str) -> None:
    assert codes(text) is None or codes(text)[0] is None


def test_surname_after_the_full_name(nlp) -> None:
    text = "Gordon Brown flew to Kabul on Friday. Later Brown met the troops."
    assert found(nlp, text) == [("Gordon Brown", "GBR"), ("Brown", "GBR")]


def test_shared_surname_goes_to_the_one_named(nlp) -> None:
    text = "Anders Fogh Rasmussen spoke in Brussels. Mr Rasmussen said the alliance was united."
    assert ("Rasmussen", "IGO") in found(nlp, text)


def test_another_persons_first_name_or_a_place_is_no_surname(nlp) -> None:
    text = "William Hague arrived in The Hague, where Jack Hague, a lawyer, met him."
    assert found(nlp, text) == [("William Hague", "GBR")]


def test_a_date_is_no_surname(nlp) -> None:
    text = "Theresa May said the vote would be held on May 5."
    assert found(nlp, text) == [("Theresa May", "GBR")]


def test_leader_named_abroad_keeps_his_country(nlp) -> None:
    # the only country the sentence names is the United States: the person is British
    (ev,) = run(nlp, "Prime Minister David Cameron criticised the United States over the spill.")
    assert ev["actor"]["country"] == "GBR"
    assert ev["target"]["country"] == "USA"


def test_people_table_is_well_formed() -> None:
    rows = read_records("actors_people.tsv")
    assert len(rows) > 500
    sectors = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "BUS", "IGO", "REL", "SPY", "COP", "CVL"}
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}", row["country"]), row
        assert row["sector"] in sectors, row
        assert row["rule"] in ({"alone", "title", "full"} if row["surname"] else {""}), row
        assert row["name"] == row["name"].strip() and row["name"], row
