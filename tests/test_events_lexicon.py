"""The events trigger lexicon's newswire synonyms, verb+object patterns and
nominalisations (issue 16), on sentences of our own writing that are in neither
benchmarks/data/plover_own.json nor plover_own_heldout.json."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract import run_extractors

PUBLISHED = dt.date(2025, 2, 11)


def events(nlp, text: str) -> list[dict]:
    """The events all extractors find in ``text`` (as the PLOVER harness runs them)."""
    return run_extractors(nlp(text), PUBLISHED).get("events") or []


def summary(ev: dict) -> tuple:
    return ev["type"], ev.get("mode"), (ev.get("actor") or {}).get("country")


@pytest.mark.parametrize("text, expected", [
    # verb + object: the object decides the type of a verb that has another meaning alone
    ("Nepal's government clinched a deal with Bhutan on hydropower exports.",
     ("AGREE", None, "NPL")),
    ("The Thai prime minister paid tribute to Cambodian rescue workers.",
     ("SUPPORT", None, "THA")),
    ("Japan sent condolences to Turkey after the mine collapse.",
     ("SUPPORT", None, "JPN")),
    ("Uganda's government scrapped the ban on opposition rallies.",
     ("CONCEDE", None, "UGA")),
    ("Panama's president held Colombia responsible for the surge in migration.",
     ("ACCUSE", None, "PAN")),
    ("Lebanon's army chief vowed revenge against the kidnappers.",
     ("THREATEN", None, "LBN")),
    ("Armenia called up reserve officers after the border clashes.",
     ("MOBILIZE", "troops", "ARM")),
    ("Chad lifted its blockade of the rebel-held town.",
     ("RETREAT", None, "TCD")),
    # nominalisations and new verbs
    ("Bulgarian nurses staged a walkout over unpaid wages.",
     ("PROTEST", "strike", "BGR")),
    ("Haitian police impounded three trucks carrying stolen fuel.",
     ("COERCE", "seize", "HTI")),
])
def test_lexicon_pattern(nlp, text: str, expected: tuple) -> None:
    found = [summary(ev) for ev in events(nlp, text)]
    assert expected in found, found


def test_weapons_given_up_are_a_retreat_not_aid(nlp) -> None:
    # "give" alone is AID when what is given is aid; "give up" + weapons is a retreat
    found = [summary(ev) for ev in events(nlp, "Colombian guerrillas gave up their weapons at a camp in Cauca.")]
    assert found and found[0][0] == "RETREAT", found


@pytest.mark.parametrize("text", [
    "Oil shipments from Angola rose by a tenth in May.",
    "The museum's new wing will house a collection of Roman coins.",
])
def test_no_event(nlp, text: str) -> None:
    assert events(nlp, text) == []
