"""Quotes on real news, fourth round (issue 12, seeds 180-181 and the notes of the earlier
audit files): a name in apposition to a role noun names the speaker even when the tagger
calls it an organisation, a role noun keeps the phrase that says whose role it is, a relative
word and the cue after it are no part of what is said, and estimates and pictures only show.
Every text is our own, in the shapes seen in the samples."""

import pytest

from dateline.nlp import load_model
from dateline_testing import entity_records, quotes_of


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_an_organisation_in_apposition_names_the_speaker(nlp):
    text = "One supplier, Norvex Pharma Ltd, said it could begin making the tablets by August."
    ents = entity_records(text, [("Norvex Pharma Ltd", "ORG")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "Norvex Pharma Ltd"
    assert q["text"] == "it could begin making the tablets by August"


def test_a_person_tagged_as_an_organisation_in_apposition_names_the_speaker(nlp):
    text = "The Danish trade commissioner, Karen Holm, said shoppers should stay away from the coast."
    ents = entity_records(text, [("Karen Holm", "ORG")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "Karen Holm"


def test_a_role_noun_without_apposition_stays_itself(nlp):
    # control: no name next to the role noun, no entity to take
    text = "The trade commissioner said shoppers should stay away from the coast."
    (q,) = quotes_of(nlp, text, [])
    assert q["speaker"] == "The trade commissioner"


@pytest.mark.parametrize("text, speaker", [
    ("A spokeswoman for Lufthansa says: We are watching the weather closely.",
     "A spokeswoman for Lufthansa"),
    ("A spokesman for the ministry said the talks would resume on Friday.",
     "A spokesman for the ministry"),
    ("A loud group of critics is asking why nobody inspected the dam.",
     "A loud group of critics"),
    ("An official at the Interior Ministry said the border would reopen.",
     "An official at the Interior Ministry"),
])
def test_a_role_noun_keeps_the_phrase_that_says_whose_role(nlp, text, speaker):
    (q,) = quotes_of(nlp, text, [])
    assert q["speaker"] == speaker
    assert text[q["speaker_start"]:q["speaker_end"]] == speaker


def test_a_time_after_a_role_noun_is_no_part_of_it(nlp):
    # control: "on Monday" says when, not whose
    text = "The spokesman on Monday said the plan was on track."
    (q,) = quotes_of(nlp, text, [])
    assert q["speaker"] == "The spokesman"


def test_a_relative_word_and_its_cue_are_no_part_of_the_content(nlp):
    text = ("Radar pictures show a plume moving east into the Gulf Stream, which the agency "
            "says could carry the oil to Cuba within a week.")
    (q,) = quotes_of(nlp, text, [])
    assert (q["speaker"], q["text"]) == ("the agency", "could carry the oil to Cuba within a week")


def test_that_clause_after_its_cue_keeps_its_that(nlp):
    # control: an ordinary reported clause is unchanged
    (q,) = quotes_of(nlp, "The minister said that the dam was safe.", [])
    assert q["text"] == "that the dam was safe"


@pytest.mark.parametrize("text", [
    "New estimates suggest well over half of the harvest sits in silos.",
    "Satellite images show the lake has shrunk by a third since the drought began.",
])
def test_estimates_and_pictures_only_show(nlp, text):
    assert quotes_of(nlp, text, []) == []


def test_a_person_who_estimates_is_quoted(nlp):
    # control: a person as subject of "estimate" still speaks
    (q,) = quotes_of(nlp, "The spokesman estimated that 300 homes were lost.", [])
    assert q["speaker"] == "The spokesman"


def test_a_pronoun_subject_before_an_interrupting_cue_is_content(nlp):
    text = "It would, the official said, be modelled on the inquiry into the mine collapse."
    (q,) = quotes_of(nlp, text, [])
    assert q["speaker"] == "the official"
    assert [text[s:e] for s, e in q["parts"]] == [
        "It would", "be modelled on the inquiry into the mine collapse"]


def test_a_word_that_is_no_subject_before_an_interrupting_cue_is_dropped(nlp):
    # control: "However" is no subject
    (q,) = quotes_of(nlp, "However, the official said, the talks would go on until May.", [])
    assert q["text"] == "the talks would go on until May"


@pytest.mark.parametrize("text, speaker", [
    ("The son of Omar Reyes said the army would fight on.", "The son of Omar Reyes"),
    ("A spokesman for Omar Reyes said the army would fight on.", "A spokesman for Omar Reyes"),
])
def test_a_person_named_in_the_role_phrase_is_not_the_speaker(nlp, text, speaker):
    ents = entity_records(text, [("Omar Reyes", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == speaker


def test_what_someone_asked_names_a_topic_not_a_message(nlp):
    assert quotes_of(nlp, "We should leave no matter what the new government asked us to do.", []) == []


def test_a_relative_clause_after_its_cue_is_what_was_said(nlp):
    (q,) = quotes_of(nlp, "The cheque, which Ross said he received from a cousin, was never cashed.", [])
    assert (q["speaker"], q["text"]) == ("Ross", "he received from a cousin")



def test_she_after_a_quotation_of_several_sentences_is_who_was_quoted(nlp):
    text = ('"The situation is grave," says Ann Lee, the regional health chief. "I blame the owners '
            'of the mills. They ignore the rules. They pay no fines. They never answer our letters." '
            'She also says the courts are too slow.')
    ents = entity_records(text, [("Ann Lee", "PERSON")])
    got = [(q["speaker"], q.get("speaker_pronoun"), q["text"]) for q in quotes_of(nlp, text, ents)]
    assert got[-1] == ("Ann Lee", "She", "the courts are too slow")


def test_she_after_plain_narration_is_not_reached_back(nlp):
    # control: no quotation runs up to the pronoun, so no one named four sentences back
    text = ('Ann Lee, the regional health chief, toured the mills on Monday. The owners were absent '
            'from their desks. The rules are ignored by all. No fines are paid at all. Dust covers the '
            'yards. She also says the courts are too slow.')
    ents = entity_records(text, [("Ann Lee", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert (q["speaker"], q["speaker_pronoun"]) == (None, "She")
