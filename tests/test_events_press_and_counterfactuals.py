"""Events on real-news patterns of the seed-401 and seed-405 judges (issue 12): refusing to
make a comment or take questions is press furniture, a modal's past ("would have stormed")
did not happen, a regime's opponents are whom its force is aimed at, someone pulled out of
the rubble is no withdrawal, a cancelled trip no concession, a talk show no talks (our own
sentences; expected values checked by hand)."""

from __future__ import annotations

import pytest

from dateline_testing import events_of as run


@pytest.mark.parametrize("text", [
    "The Kenyan ministry refused to make any immediate comment about the recording.",
    "But the Kenyan spokesman refused to take more questions about the matter.",
    "The Kenyan ministry declined to give any details about the talks with Uganda.",
])
def test_refusing_to_make_a_comment_or_take_questions_is_no_rejection(nlp, text: str) -> None:
    assert run(nlp, text) == []


def test_refusing_to_release_a_document_stays_a_rejection(nlp) -> None:
    assert [e["type"] for e in run(nlp, "The Kenyan government refused to release the memo.")] == [
        "REJECT"]


@pytest.mark.parametrize("text", [
    "Kenyan jets would still have bombed the rebel camps with or without a vote in parliament.",
    "Kenyan troops would have attacked the town if the rebels had stayed.",
    "The minister said Kenya would have agreed to the deal.",
])
def test_what_would_have_happened_is_no_event(nlp, text: str) -> None:
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # an act done by now stays; a future perfect is still a threat of force
    ("Kenyan troops have attacked the town.", "ASSAULT"),
    ("Kenyan troops will have attacked the town by then.", "THREATEN"),
])
def test_a_perfect_without_a_past_modal_is_still_coded(nlp, text: str, expected: str) -> None:
    assert [e["type"] for e in run(nlp, text)] == [expected]


def test_opponents_are_a_target(nlp) -> None:
    (ev,) = run(nlp, "The Kenyan regime has tortured its opponents.")
    assert (ev["type"], ev["target"]["text"], ev["target"]["sector"]) == (
        "ASSAULT", "its opponents", "OPP")


@pytest.mark.parametrize("text", [
    "After seven days in the rubble, she was finally pulled out by Kenyan teams.",
    "The Kenyan foreign minister canceled a trip to Uganda to deal with the crisis.",
    "The Kenyan president called off his visit to Uganda.",
    "Tom Hale, a Norbrite executive, went on both U.S. cable breakfast talks shows on Sunday.",
])
def test_rescues_cancelled_trips_and_talk_shows_are_no_events(nlp, text: str) -> None:
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Kenyan troops pulled out of the town on Monday.", "RETREAT"),
    ("Kenyan troops were pulled out of the border region.", "RETREAT"),
    ("The Kenyan government canceled the elections.", "CONCEDE"),
    ("Kenya held talks with Uganda on Monday.", "CONSULT"),
])
def test_a_withdrawal_a_cancelled_vote_and_talks_stay(nlp, text: str, expected: str) -> None:
    assert [e["type"] for e in run(nlp, text)] == [expected]
