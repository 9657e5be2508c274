"""Quotes on real news, sixth round (issue 12, the seed-366/367 judges): the day heading
an entry of a dated list is no part of the speaker, a name written right before the
cue speaks for a caption run into the sentence, page notes on a linked document are
furniture, a confirmation of a thing is no message, and happenings do not speak
(texts of our own, in the shapes seen in the samples)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

import dateline
from dateline.extract.quotes import _subject
from dateline_testing import quotes_of


def test_the_day_of_a_dated_list_entry_is_no_part_of_the_speaker(nlp):
    text = ("What happened, day by day.\n"
            "June 3 - The coast guard closes the bay to fishing boats .\n"
            "June 4 - A BP spokesman says the cap is holding and more oil is being "
            "collected .\n")
    (q,) = quotes_of(nlp, text)
    assert q["speaker"] == "A BP spokesman"
    assert text[q["speaker_start"]:q["speaker_end"]] == "A BP spokesman"


def test_a_name_right_before_the_cue_beats_a_far_subject(nlp):
    # The parse of a caption run into a sentence, as the small model gives it: two
    # subjects of "said", the far one the caption's noun.
    words = ["An", "outbreak", "that", "spread", "WHO", "chief", "Margaret", "Chan", "said",
             "it", "grew", "."]
    heads = [1, 8, 3, 1, 7, 7, 7, 8, 8, 10, 8, 8]
    deps = ["det", "nsubj", "nsubj", "relcl", "compound", "compound", "compound", "nsubj",
            "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["DET", "NOUN", "PRON", "VERB", "PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PRON",
           "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 6, 8, label="PERSON")]
    assert _subject(doc[8]).text == "Chan"


def test_two_subjects_without_a_name_before_the_cue_keep_the_first(nlp):
    words = ["The", "vice", "-", "president", "said", "it", "spread", "."]
    heads = [1, 4, 3, 4, 4, 6, 4, 4]
    deps = ["det", "nsubj", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert _subject(doc[4]).text == "vice"


def test_a_note_on_a_linked_document_is_furniture():
    text = ("The health secretary said one more probable case had been found in the north. "
            "Most computers will open this document automatically; some may need "
            "Adobe Reader She said nine of the twelve close contacts had been traced.")
    quotes = dateline.extract_record(text, published="2009-05-02")["quotes"]
    assert [q["speaker"] for q in quotes] == ["The health secretary", "The health secretary"]


def test_confirming_a_thing_is_no_message_but_confirming_a_clause_is(nlp):
    text = ("Our transport minister has now confirmed a fresh case in a town near the coast. "
            "The minister confirmed that two soldiers had died.")
    assert [(q["speaker"], q["text"]) for q in quotes_of(nlp, text)] == [
        ("The minister", "that two soldiers had died")]


@pytest.mark.parametrize("text", [
    "The resulting spill threatened to wreck the fishing season along the whole coast.",
    "The crisis threatens to spread to the banks of the north.",
])
def test_a_happening_that_threatens_says_nothing(nlp, text):
    assert quotes_of(nlp, text) == []


def test_a_name_in_the_subject_s_own_phrase_does_not_speak(nlp):
    # The small model gives "Assad" a subject of "say" too; he is whose backers they are.
    text = "Backers of Syrian President Bashar al-Assad say the address went well ."
    (q,) = quotes_of(nlp, text)
    assert q["speaker"] == "Backers"


def test_a_relaying_agency_named_with_its_kind_does_not_take_the_words(nlp):
    # "the state news agency Sana" comes as two subjects of "said": one speaker's name.
    text = "A spokesman said the jet was dealt with under the rules , the state news agency Sana said ."
    assert [(q["speaker"], q["text"]) for q in quotes_of(nlp, text)] == [
        ("A spokesman", "the jet was dealt with under the rules")]


def test_a_surname_that_is_a_common_word_still_speaks(nlp):
    text = "Derek Flood says the regime still holds the desert crossings ."
    assert [q["speaker"] for q in quotes_of(nlp, text)] == ["Derek Flood"]


@pytest.mark.parametrize("text", [
    "No one could claim that the delay came as a surprise .",
    "Nobody said the plan would work .",
    "This threatens to drag the region into a wider war .",
])
def test_nobody_and_a_demonstrative_make_no_speaker(nlp, text):
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize("text, words", [
    ("Those rescued from the boat say the crew had fled .", "the crew had fled"),
    ("None other than the finance minister said the plan would fail .", "the plan would fail"),
])
def test_people_named_by_those_or_none_other_than_still_speak(nlp, text, words):
    assert [q["text"] for q in quotes_of(nlp, text)] == [words]
