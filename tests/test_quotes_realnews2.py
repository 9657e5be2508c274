"""Quotes on real news, second round (issue 12, seeds 110-119 of the study samples):
speakers the way news goes on naming them, and cues that name no speaker (texts of
our own, in the shapes seen in the samples)."""


import pytest

from dateline.nlp import load_model
from dateline_testing import entity_records, quotes_of


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_the_company_is_the_company_named_before(nlp):
    text = ("Norvale Mining shut its northern pit in March. Inspectors from the Labour "
            "Department visited the site twice. The company said the closure would cost "
            "about 400 jobs. Norvale Mining has not given a date for reopening.")
    ents = entity_records(text, [("Norvale Mining", "ORG"), ("Labour Department", "ORG"),
                        ("Norvale Mining", "ORG")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "Norvale Mining"


def test_the_company_stays_when_no_company_is_named_near(nlp):
    # A public body is no company, and a name the article gives once may be a slip
    # of the entity stage (a place or a person taken for an organisation).
    text = ("Inspectors from the Labour Department visited the pit twice in March. "
            "Crews from Hollow Ridge worked through the night. "
            "The company said the closure would cost about 400 jobs.")
    ents = entity_records(text, [("Labour Department", "ORG"), ("Hollow Ridge", "ORG")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "The company"


def test_a_cue_in_the_passive_names_no_speaker(nlp):
    text = ("The vote came as it was reported that the minister had quietly resigned. "
            "The old ferry was described as a floating ruin.")
    assert [q["speaker"] for q in quotes_of(nlp, text)] == []


def test_the_one_named_by_by_speaks(nlp):
    text = 'On her last shift the nurse was told by a porter: "The ward will close within a week."'
    (q,) = quotes_of(nlp, text)
    assert q["speaker"] == "a porter" and q["text"] == "The ward will close within a week"


def test_passive_content_has_no_source_under_all_cues(nlp):
    # PolNeAR annotates what "it was reported" as content without a source; Dateline's
    # default (speech cues) stores no quote without a speaker.
    text = "It was reported on Friday that the harbour master had resigned."
    (q,) = quotes_of(nlp, text, cues="all")
    assert q["speaker"] is None and q["text"] == "that the harbour master had resigned"
    assert quotes_of(nlp, text) == []


def test_a_question_whose_cue_the_splitter_put_on_the_next_line(nlp):
    # Pre-tokenised news puts one sentence a line: '"...?"' ends one, 'said X' opens the next.
    text = ("The harbour stayed closed on Sunday.\n\n"
            "\u201cWho is going to pay for the new pier now?\u201d\n\n"
            "said Mara Tell, a ferry pilot who has worked there for years.\n")
    quotes = quotes_of(nlp, text, entity_records(text, [("Mara Tell", "PERSON")]))
    assert [(q["text"], q["speaker"]) for q in quotes] == [
        ("Who is going to pay for the new pier now?", "Mara Tell")]


def _para(*lines: str) -> str:
    """Pre-tokenised news: one sentence a paragraph."""
    return "\n\n".join(lines) + "\n"


def test_quoted_words_after_narration_that_names_someone_else(nlp):
    text = _para("\u201cThe bridge will not reopen this winter,\u201d said Ruth Calder, the county engineer.",
                 "Her deputy, Owen Pryce, has kept a tally of the cracks since the flood.",
                 "\u201cWe counted more than forty new ones in the last month alone.\u201d")
    ents = entity_records(text, [("Ruth Calder", "PERSON"), ("Owen Pryce", "PERSON")])
    got = {q["text"]: q["speaker"] for q in quotes_of(nlp, text, ents)}
    assert got["The bridge will not reopen this winter"] == "Ruth Calder"
    # Not the engineer's: her deputy's, whom the sentence before made its subject.
    assert got.get("We counted more than forty new ones in the last month alone") != "Ruth Calder"


def test_the_one_the_sentence_before_makes_its_subject_speaks(nlp):
    text = _para("\u201cThe bridge will not reopen this winter,\u201d said Ruth Calder, the county engineer.",
                 "Owen Pryce shook his head and pointed at the river.",
                 "\u201cWe counted more than forty new cracks in the last month alone.\u201d")
    ents = entity_records(text, [("Ruth Calder", "PERSON"), ("Owen Pryce", "PERSON")])
    got = {q["text"]: q["speaker"] for q in quotes_of(nlp, text, ents)}
    assert got["We counted more than forty new cracks in the last month alone"] == "Owen Pryce"


def test_quoted_words_still_run_on_through_a_question_or_her_own_narration(nlp):
    # An interviewer's question, or a sentence about the same speaker ("she ..."),
    # does not end her run of quoted paragraphs, even when it names someone else.
    text = _para("\u201cI stood for the council because nobody else would,\u201d said Ruth Calder.",
                 "Did Owen Pryce ask her to stand?",
                 "\u201cHe asked me twice, and the second time I said yes to him.\u201d",
                 "She says Owen Pryce never thanked her for it.",
                 "\u201cThat is just the way he is, and I have stopped minding it.\u201d")
    ents = entity_records(text, [("Ruth Calder", "PERSON"), ("Owen Pryce", "PERSON"), ("Owen Pryce", "PERSON")])
    got = {q["text"]: q["speaker"] for q in quotes_of(nlp, text, ents)}
    assert got["He asked me twice, and the second time I said yes to him"] == "Ruth Calder"
    assert got["That is just the way he is, and I have stopped minding it"] == "Ruth Calder"


def test_he_is_whom_the_sentence_before_is_about(nlp):
    # The nearest name is the object of a sentence about someone else: not "he".
    text = ("Ali Marsh, for one, still believes the rebels can outlast Omar Reyes. "
            "The rebels, he said, have gained ground in the hills since May.")
    ents = entity_records(text, [("Ali Marsh", "PERSON"), ("Omar Reyes", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "Ali Marsh" and q["speaker_pronoun"] == "he"
    text = ("Tom Hale flew to Rome on Monday. "
            "He may have sharp words for Omar Reyes, whom he accused last week of stalling. "
            "He said the talks must end by June.")
    ents = entity_records(text, [("Tom Hale", "PERSON"), ("Omar Reyes", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "Tom Hale"


def test_photograph_credits_and_correction_labels_are_no_speakers(nlp):
    text = _para("Photograph: Lena Moss/AP The old covered market reopened on Tuesday after the floods.",
                 "Photograph: Ivo Kranz/Getty Images Fishing boats wait at the quay for the storm to pass.",
                 "French: nuit means night, not light as we printed on Monday.",
                 "French: the bridge is the Pont Neuf, not the Pont Vieux.")
    assert [q for q in quotes_of(nlp, text) if q["cue"] == ":"] == []


def test_a_label_taken_for_a_role_noun_is_the_name_written(nlp):
    # An interviewer's surname the tagger reads as a common noun names the interviewer,
    # not the person named right after the label ("Hale: Ross, ...").
    text = _para("Hale: Ross, you promised the voters lower taxes last spring.",
                 "Ross: I did, and we kept that promise to the letter.",
                 "Hale: Ross, the treasury figures say something rather different.",
                 "Ross: Those figures are a year old and out of date.")
    ents = entity_records(text, [("Ross", "PERSON"), ("Ross", "PERSON"), ("Ross", "PERSON"), ("Ross", "PERSON")])
    quotes = quotes_of(nlp, text, ents)
    assert [q["speaker"] for q in quotes] == ["Hale", "Ross", "Hale", "Ross"]


def test_the_ministry_is_the_ministry_named_before(nlp):
    text = ("The Harbour Ministry closed the northern channel on Friday. Two ferries were turned "
            "back at dawn. The ministry said the channel would reopen once divers had checked it.")
    ents = entity_records(text, [("Harbour Ministry", "ORG")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "Harbour Ministry"
    # "the alliance": NATO, by its acronym.
    text = ("NATO jets flew over the port on Sunday. The alliance said its aircraft had "
            "struck two radar sites near the coast.")
    (q,) = quotes_of(nlp, text, entity_records(text, [("NATO", "ORG")]))
    assert q["speaker"] == "NATO"


def test_he_after_a_sentence_about_someone_unnamed_is_not_a_name_in_it(nlp):
    text = ("The former envoy, who knew Tom Hale's staff well, has written a long memoir. "
            "He says the talks failed because nobody trusted the mediators.")
    ents = entity_records(text, [("Tom Hale", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] != "Tom Hale" and q["speaker_pronoun"] == "He"
    # The role noun's own name is the one: "The deputy minister, Ana Ruiz, ... . She says".
    text = ("The deputy minister, Ana Ruiz, returned from exile to take up the post in March. "
            "She says the prisons are still far too crowded.")
    (q,) = quotes_of(nlp, text, entity_records(text, [("Ana Ruiz", "PERSON")]))
    assert q["speaker"] == "Ana Ruiz"


def test_the_newspaper_and_the_network_are_the_ones_named_before(nlp):
    text = ("The claim first appeared in the Morning Herald on Friday. Quoting two unnamed "
            "officials, the newspaper said the minister had known of the leak for weeks.")
    (q,) = quotes_of(nlp, text, entity_records(text, [("Morning Herald", "ORG")]))
    assert q["speaker"] == "Morning Herald"
    text = ("Crews from Delta Vision TV filmed the convoy at dawn. Two of its drivers were hurt. "
            "The network said its crew had been fired on from the ridge.")
    (q,) = quotes_of(nlp, text, entity_records(text, [("Delta Vision", "ORG")]))
    assert q["speaker"] == "Delta Vision"


def test_what_was_not_said_and_the_wires_dateline(nlp):
    # The modal perfect reports nothing said.
    text = "A short call to the harbour office could have told her the ferry was cancelled."
    assert quotes_of(nlp, text) == []
    # A wire story's dateline is nobody's words.
    text = ("AP HARBOUR CITY -- Divers found a second crack in the old pier on Monday, "
            "port engineers said.")
    (q,) = quotes_of(nlp, text)
    assert q["text"] == "Divers found a second crack in the old pier on Monday"


def test_a_noun_of_kin_in_apposition_tells_the_sex(nlp):
    text = ("Dana Whitlow runs the shop alone now. Her husband, Paul Whitlow, left for the coast in May. "
            "She said the winter had been the hardest in years.")
    ents = entity_records(text, [("Dana Whitlow", "PERSON"), ("Paul Whitlow", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] != "Paul Whitlow"


def test_a_cue_between_commas_inside_the_reported_clause(nlp):
    # The speaker follows the cue; the words before the first comma and after the
    # speaker's phrase are what was said.
    text = "The danger, said Kelly Lane, a marketing adviser, is that the new name gets tarnished."
    (q,) = quotes_of(nlp, text, entity_records(text, [("Kelly Lane", "PERSON")]))
    assert q["speaker"] == "Kelly Lane"
    assert [text[s:e] for s, e in q["parts"]] == ["The danger", "is that the new name gets tarnished"]
    # Control: a person before the cue speaks ("Tom Hale, a council member, said ...").
    text = "Tom Hale, a council member, said the mayor, Ann Lee, was in favour of the plan."
    (q,) = quotes_of(nlp, text, entity_records(text, [("Tom Hale", "PERSON"), ("Ann Lee", "PERSON")]))
    assert q["speaker"] == "Tom Hale"


@pytest.mark.parametrize("text", [
    "The sold-out sign at the box office spoke volumes about the mood of the city.",
    "The timing of the raid suggests that the army had been warned in advance.",
    "The move suggests that the two sides are ready to talk again.",
])
def test_a_thing_that_shows_says_nothing(nlp, text):
    # a sign, a move, the timing: the writer's inference, no one's words
    assert quotes_of(nlp, text) == []


def test_a_person_who_suggests_still_speaks(nlp):
    text = "The minister suggested that the two sides are ready to talk again."
    assert [q["speaker"] for q in quotes_of(nlp, text)] == ["The minister"]
