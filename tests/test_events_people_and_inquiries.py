"""Events on real news (issue 12, the seed-451/455 judges): a man, a woman, a child or a
relative named as the one acted on is the target (a private person, CVL), not left out;
a firm's inquiry that names no one is its own business, no accusation. Sentences of our
own, run through the whole pipeline; expected values checked by hand."""

from __future__ import annotations

import pytest

from dateline.api import extract_record


def _events(text: str) -> list[dict]:
    return extract_record(text, "2010-07-20")["events"]


@pytest.mark.parametrize("text, target", [
    ("The police officer shot the man in the leg.", "the man"),
    ("Troops shot two boys at the gate.", "two boys"),
    ("Militiamen beat her brother outside the mosque.", "her brother"),
])
def test_a_private_person_acted_on_is_the_target(text: str, target: str) -> None:
    (ev,) = _events(text)
    assert ev["type"] == "ASSAULT"
    assert ((ev["target"] or {}).get("text"), (ev["target"] or {}).get("sector")) == (target, "CVL")


@pytest.mark.parametrize("text", [
    "BP is carrying out its own investigation into the blast.",
    "The BP probe said the cement had failed.",
])
def test_a_firms_own_inquiry_is_no_accusation(text: str) -> None:
    assert _events(text) == []


def test_a_firm_blaming_another_is_still_an_accusation() -> None:
    (ev,) = _events("BP blamed Transocean for the blast.")
    assert (ev["type"], ev["actor"]["text"], ev["target"]["text"]) == ("ACCUSE", "BP", "Transocean")
