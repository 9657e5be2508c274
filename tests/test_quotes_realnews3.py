"""Quotes on real news, third round (issue 12, the seed-93 judges and seeds 140-141 of
the study samples): what counts as a quotation (no topic questions, no texts that only
show), whole speaker phrases, and who "he" or "she" is (texts of our own, in the shapes
seen in the samples)."""


import pytest

from dateline.nlp import load_model
from dateline_testing import entity_records, quotes_of


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_an_indirect_question_names_a_topic_not_a_message(nlp):
    text = ("It was good to see Tom Bright publish piles of papers last week to explain "
            "why he needed longer powers of detention. "
            "The memoir recalls what happened to the old party in the north.")
    assert quotes_of(nlp, text) == []


def test_questions_asked_and_clauses_opened_by_when_stay(nlp):
    text = ("Jo Hart asked why the contract cost three times the agreed price. "
            "The guard said when the driver refused, the soldiers fired at the car. "
            "Ann Lee explained how urgent the repairs to the clinics are.")
    got = [(q["speaker"], q["text"]) for q in quotes_of(nlp, text)]
    assert got == [("Jo Hart", "why the contract cost three times the agreed price"),
                   ("The guard", "when the driver refused, the soldiers fired at the car"),
                   ("Ann Lee", "how urgent the repairs to the clinics are")]


def test_texts_and_findings_that_only_show_make_no_quote(nlp):
    text = ("Animal studies suggest that the pill harms the liver. "
            "Further pages reveal that the minister was warned twice. "
            "All of which suggests that the plan was never tested.")
    assert quotes_of(nlp, text) == []


def test_a_text_still_speaks_in_quotation_marks_or_with_a_verb_of_saying(nlp):
    text = ('The audit said the ministry had failed to keep records. '
            'The audit concluded: "The ministry failed in its duty of care."')
    got = [(q["speaker"], q["cue"], q["text"]) for q in quotes_of(nlp, text)]
    assert got == [("The audit", "said", "the ministry had failed to keep records"),
                   ("The audit", "concluded", "The ministry failed in its duty of care")]


def test_a_hyphenated_title_is_the_whole_speaker(nlp):
    text = ("The vice-president said on Monday that the revolt was fading. "
            "The editor-in-chief said the paper would close in May.")
    assert [q["speaker"] for q in quotes_of(nlp, text)] == ["The vice-president",
                                                            "The editor-in-chief"]


def test_one_of_a_group_is_spoken_for_with_its_group(nlp):
    text = "One of the senior officials in the ministry said the talks had failed."
    (q,) = quotes_of(nlp, text)
    assert q["speaker"] == "One of the senior officials in the ministry"
    assert q["text"] == "the talks had failed"


def test_the_subject_before_an_interrupting_cue_is_content(nlp):
    text = "Dr Amal is hopeful. The talks, she said, have moved forward in the last few days."
    (q,) = quotes_of(nlp, text)
    assert [text[s:e] for s, e in q["parts"]] == [
        "The talks", "have moved forward in the last few days"]


def test_a_person_in_a_phrase_after_his_is_not_he(nlp):
    text = ("His cartoons of Omar Reyes hang in every cafe in the town. "
            '"People like them," he says.')
    ents = entity_records(text, [("Omar Reyes", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] is None and q["speaker_pronoun"] == "he"


def test_a_person_in_a_phrase_of_the_quotes_sentence_gives_way_to_the_subject(nlp):
    text = ("Tom Hale, a consultant, warned that the vote was rushed. "
            "Like Professor Ann Lee, he argued that the drafting should be open to all.")
    ents = entity_records(text, [("Tom Hale", "PERSON"), ("Ann Lee", "PERSON")])
    got = [(q["speaker"], q["text"]) for q in quotes_of(nlp, text, ents)]
    assert got == [("Tom Hale", "that the vote was rushed"),
                   ("Tom Hale", "that the drafting should be open to all")]


def test_an_unnamed_person_brought_in_as_a_subject_is_he(nlp):
    text = ("Omar Reyes was buried in May. His father stood by the grave in silence. "
            '"We want the truth, nothing more," he said.')
    ents = entity_records(text, [("Omar Reyes", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "His father" and q["speaker_pronoun"] == "he"


def test_an_unnamed_person_of_the_other_sex_is_not_he(nlp):
    text = ("Omar Reyes runs the clinic. His wife was at home when the shell hit. "
            '"We lost everything," he said.')
    ents = entity_records(text, [("Omar Reyes", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "Omar Reyes"


def test_a_title_is_no_unnamed_person(nlp):
    # "the president" names someone the story names elsewhere, not a newcomer.
    text = ("Sir Ian Blake served in Washington for five years. So what do the president "
            'and his allies do now? "They have no good choices left," he says.')
    ents = entity_records(text, [("Ian Blake", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "Ian Blake"
