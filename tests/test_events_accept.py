"""The events extractor's acceptance step (issue 12): words that look like an event
but report no act of its type are turned away, each by a named pattern
(:data:`dateline.extract.events.REFUSALS`).

Every sentence is our own, written in the shape of the news text where the pattern
was seen; each refused shape has a control beside it that stays an event.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract import Context
from dateline.extract.events import REFUSALS, extract, refusal
from dateline.nlp import load_model

PUBLISHED = dt.date(2021, 3, 10)


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def run(nlp, text: str) -> list[dict]:
    doc = nlp(text)
    ctx = Context(published=PUBLISHED, text=text)
    ctx.sentence_starts = [s.start_char for s in doc.sents]
    return extract(doc, ctx)


def reason(nlp, text: str, trigger: str, etype: str) -> str | None:
    """The acceptance step's verdict on the first token ``trigger`` of ``text``."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return refusal(tok, etype)


@pytest.mark.parametrize("text, trigger, etype, expected", [
    # naming: "call" with a predicate ("what it called", "called X the Y")
    ("The charity said its ships brought what it called a lifeline for the besieged town.",
     "called", "REQUEST", "naming"),
    ("The monitoring group called the clashes the worst in the capital this year.",
     "called", "REQUEST", "naming"),
    # failure: "fail to" with no accord refused
    ("A march planned on social media failed to materialize.", "failed", "REJECT", "failure"),
    ("The observers failed to stop the crackdown.", "failed", "REJECT", "failure"),
    # aim: "seek" to do, or a participle adjunct
    ("The envoy seeks to set up a team of monitors.", "seeks", "REQUEST", "aim"),
    ("Hundreds of farmers crossed the border seeking work.", "seeking", "REQUEST", "aim"),
    # to-blame: responsibility, not an accusation
    ("Both the army and the militias are to blame for the violence.", "blame", "ACCUSE", "to-blame"),
    # interview: talks with the news media
    ("Rebel commanders talked with CNN's correspondent near the border.", "talked", "CONSULT",
     "interview"),
    ("The BBC's correspondent meets a family who fled the shelling.", "meets", "CONSULT",
     "interview"),
    # instruction: an imperative to the reader
    ("Ask the ministry's economists about the budget and they will smile.", "Ask", "REQUEST",
     "instruction"),
    # question: "asks X" after the question
    ("But how reliable are the figures, asks our defence correspondent.", "asks", "REQUEST",
     "question"),
    # opinion: offering one's take is no offer
    ("The columnist offers his take on what the alliance should do next.", "offers", "AGREE",
     "opinion"),
])
def test_refused_patterns(nlp, text: str, trigger: str, etype: str, expected: str) -> None:
    assert expected in REFUSALS
    assert reason(nlp, text, trigger, etype) == expected


@pytest.mark.parametrize("text, trigger, etype", [
    ("The opposition called for a ceasefire in the north.", "called", "REQUEST"),
    ("Kenya and Somalia failed to reach agreement on the border.", "failed", "REJECT"),
    ("The government sought help from its neighbours.", "sought", "REQUEST"),
    ("The minister blamed the rebels for the attack.", "blamed", "ACCUSE"),
    ("The Turkish foreign minister talked with his Iranian counterpart.", "talked", "CONSULT"),
    ("Japan offered aid to the flooded provinces.", "offered", "AGREE"),
])
def test_accepted_controls(nlp, text: str, trigger: str, etype: str) -> None:
    assert reason(nlp, text, trigger, etype) is None


@pytest.mark.parametrize("text", [
    "The charity said its ships brought what it called a lifeline for the besieged town.",
    "A rally planned by Kenyan students failed to materialize.",
    "Hundreds of Bangladeshi workers entered Libya seeking work.",
    "Rebel commanders talked with CNN's correspondent near the Tunisian border.",
    # highlights run together into one sentence (a news site's bullet points)
    "Heavy fighting near the capital NEW : Kenyan officials say troops attacked a camp "
    "NEW : Somalia's president calls for talks",
    # a list of facts run together ("... says the UN More than 300 killed ...")
    "Thousands have fled, says the UN More than 300 killed since the Kenyan army attacked the town",
])
def test_no_event_on_real_news_shapes(nlp, text: str) -> None:
    assert run(nlp, text) == []
