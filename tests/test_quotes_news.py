"""Quotes on real news: what an analyst would not count as a quote, and speakers
named the way news writes them (texts of our own, in the shapes seen in the audits)."""

import datetime as dt

import pytest

from dateline.extract import Context
from dateline.nlp import load_model
from dateline_testing import entity_records, quotes_of


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_thought_and_wish_are_no_speech_by_default(nlp):
    text = ("The mayor believes that the bridge will reopen in May. "
            "The council wants to sell the old depot. I do not think the plan is wise.")
    assert quotes_of(nlp, text) == []
    # PolNeAR's scheme counts them: the setting cues=all keeps them.
    found = {q["cue"] for q in quotes_of(nlp, text, cues="all")}
    assert {"believes", "wants"} <= found


def test_speech_verbs_still_attribute(nlp):
    text = "The mayor said that the bridge will reopen in May."
    (q,) = quotes_of(nlp, text, entity_records(text, []))
    assert q["text"] == "that the bridge will reopen in May" and q["speaker"] == "The mayor"


def test_noun_phrase_that_is_no_message(nlp):
    text = ("The minister denied it. The senator talked about the budget at length. "
            "The union accused its employer. "
            "The union accused the company of hiding the accident figures for years.")
    quotes = quotes_of(nlp, text)
    assert [q["text"] for q in quotes] == ["the company of hiding the accident figures for years"]


def test_deed_or_stance_with_only_an_object_is_no_quote(nlp):
    text = ("The ministry announced a further package of export restrictions on Tuesday. "
            "The mayor condemned the burning of the market stalls in the old town. "
            "The general denied any part in the seizure of the northern oil depots.")
    assert quotes_of(nlp, text) == []
    # Controls: a clause said, an object holding a "that" clause, or quoted words.
    text = ("The ministry announced that it would restrict exports from Tuesday. "
            "The general denied reports that his men had seized the northern oil depots. "
            'The mayor condemned the "shameful and cowardly" burning of the market stalls.')
    assert [q["cue"] for q in quotes_of(nlp, text)] == ["announced", "denied", "condemned"]


def test_topic_with_quoted_words_is_no_message(nlp):
    text = 'The premier urged every nation to respond to the "terrible" flood.'
    assert not [q for q in quotes_of(nlp, text) if q["cue"] == "respond"]


def test_writer_voice_is_no_quote(nlp):
    text = ("I can tell you that most of the reports were wrong. "
            "Below we explain why the talks failed.")
    assert quotes_of(nlp, text) == []


def test_appositive_names_the_speaker(nlp):
    text = "The foreign minister, Anna Berg, said the talks would resume next week."
    (q,) = quotes_of(nlp, text, entity_records(text, [("Anna Berg", "PERSON")]))
    assert q["speaker"] == "Anna Berg"


def test_possessor_is_not_the_speaker(nlp):
    text = "Anna Berg's spokesman said the talks had stalled."
    (q,) = quotes_of(nlp, text, entity_records(text, [("Anna Berg", "PERSON")]))
    assert q["speaker"] == "Anna Berg's spokesman"


def test_colon_labels_and_interviews(nlp):
    fact_box = ("Area: 185,000 square kilometres Profile compiled by the desk The country has "
                "long promised reforms of its land law\n\n"
                "Gallery: Floods in the valley A four-storey school was damaged by the water "
                "on Sunday and closed for a month, officials reported\n")
    assert not [q for q in quotes_of(nlp, fact_box) if q["cue"] == ":"]
    interview = ("Hale: Why did you sign the letter in the first place?\n\n"
                 "Ross: Because nobody else in the party was willing to do it.\n\n"
                 "Hale: And would you sign it again today, knowing what you know?\n\n"
                 "Ross: Yes, without a moment of doubt in my mind.\n")
    quotes = quotes_of(nlp, interview, entity_records(interview, [("Hale", "PERSON"), ("Ross", "PERSON")]))
    assert [q["speaker"] for q in quotes] == ["Hale", "Ross", "Hale", "Ross"]
    # A line wholly in quotation marks is a quote even when its name heads no other.
    single = 'Paul Adams: "We left a town that will not be there next year."\n'
    (q,) = quotes_of(nlp, single, entity_records(single, [("Paul Adams", "PERSON")]))
    assert q["speaker"] == "Paul Adams"


def test_headlines_before_a_wire_dateline(nlp):
    text = ("Rebels take river town By the Staff Writers The rebels say they hold the bridge "
            "Cairo, Egypt (CNN) -- Officials said the army had withdrawn overnight.")
    quotes = quotes_of(nlp, text)
    assert [q["text"] for q in quotes] == ["the army had withdrawn overnight"]


def test_scare_quotes_are_the_writers(nlp):
    text = ('The ministry blamed the attack on "terrorists" and said the roads were closed. '
            '"Just talk," he said.')
    quotes = quotes_of(nlp, text)
    assert "terrorists" not in [q["text"] for q in quotes]
    assert "Just talk" in [q["text"] for q in quotes]


def test_according_to_keeps_the_claim_only(nlp):
    text = "Prices rose by five percent last year, according to the bureau, but wages fell."
    (q,) = quotes_of(nlp, text, entity_records(text, [("bureau", "ORG")]))
    assert q["text"] == "Prices rose by five percent last year" and q["cue"] == "according to"


def test_pronoun_skips_a_name_in_reported_words(nlp):
    text = ('Tom Hale said the committee would question Paul Ross. '
            '"This will take weeks," he said.')
    quotes = quotes_of(nlp, text, entity_records(text, [("Tom Hale", "PERSON"), ("Paul Ross", "PERSON")]))
    assert _one(quotes, "take weeks")["speaker"] == "Tom Hale"


def test_it_is_an_organisation(nlp):
    text = ('The Water Board met on Monday. '
            '"The reservoir is safe," it said.')
    quotes = quotes_of(nlp, text, entity_records(text, [("The Water Board", "ORG")]))
    q = _one(quotes, "reservoir")
    assert q["speaker"] == "The Water Board" and q["speaker_pronoun"] == "it"


def test_he_a_few_sentences_after_the_last_speaker(nlp):
    text = ("Tom Hale said the plan was sound. The committee met for two hours. "
            'Reporters waited outside in the rain. "We will vote tomorrow," he said.')
    quotes = quotes_of(nlp, text, entity_records(text, [("Tom Hale", "PERSON")]))
    assert _one(quotes, "vote tomorrow")["speaker"] == "Tom Hale"


def _one(quotes: list[dict], words: str) -> dict:
    found = [q for q in quotes if words in q["text"]]
    assert len(found) == 1, quotes
    return found[0]


def test_coordinated_speakers_are_all_named(nlp):
    text = "Norway and Denmark said the treaty would be signed in June."
    (q,) = quotes_of(nlp, text, entity_records(text, [("Norway", "GPE"), ("Denmark", "GPE")]))
    assert q["speaker"] == "Norway and Denmark"
    assert text[q["speaker_start"]:q["speaker_end"]] == "Norway and Denmark"


def test_negated_cue_reports_nothing(nlp):
    text = ("The agency could not confirm the reports from the coast. "
            "The mayor did not say whether the school would reopen.")
    assert quotes_of(nlp, text) == []


def test_person_named_as_a_modifier_is_no_antecedent(nlp):
    text = ('Omar Haddad had joined protests against the Berg government. '
            '"The mood was tense," he says.')
    ents = entity_records(text, [("Omar Haddad", "PERSON"), ("Berg", "PERSON")])
    assert _one(quotes_of(nlp, text, ents), "mood was tense")["speaker"] == "Omar Haddad"


def test_plural_role_noun_names_no_one(nlp):
    text = ("Activist Sami Nour spoke to reporters on Monday. "
            "Activists said the road to the north was closed.")
    ents = entity_records(text, [("Sami Nour", "PERSON")])
    ents[0]["title"] = "activist"
    q = _one(quotes_of(nlp, text, ents), "road to the north")
    assert q["speaker"] == "Activists"


def test_what_was_seen_or_told_of_is_no_message(nlp):
    text = ("Many of the families have reported heavy shelling by army units. "
            "The mayor described the damage. The agency warned of a wider famine. "
            "The envoy warned that talks could fail.")
    assert [q["text"] for q in quotes_of(nlp, text)] == ["that talks could fail"]
    # PolNeAR's scheme counts them: the setting cues=all keeps them.
    assert "heavy shelling by army units" in [q["text"] for q in quotes_of(nlp, text, cues="all")]


def test_glued_headline_or_caption_is_cut_off(nlp):
    text = "The boats left the port at dawn A fisherman said the sea was calm all morning."
    (q,) = quotes_of(nlp, text)
    assert q["text"] == "the sea was calm all morning" and q["speaker"] == "A fisherman"
    text = ("The mood changed after dinner One of the guards is a teenager who lost a hand, "
            "the nurse said on Monday.")
    (q,) = quotes_of(nlp, text)
    assert q["text"] == "One of the guards is a teenager who lost a hand"


def test_pronoun_after_an_unnamed_speaker_is_that_speaker(nlp):
    text = ('The farmer said the harvest had failed. Prices of bread doubled in a week. '
            '"We cannot feed the children," he said.')
    quotes = quotes_of(nlp, text, entity_records(text, []))
    assert [(q["speaker"], q.get("speaker_pronoun")) for q in quotes] == [
        ("The farmer", None), ("The farmer", "he")]


def test_pronoun_is_not_someone_named_in_the_last_speakers_words(nlp):
    text = ('Analyst Tom Reyes said the army was tired. Soldiers had not slept for days. '
            'Commanders said General Vale had ordered a retreat. '
            '"It is hard to hold ground you take," he said.')
    ents = entity_records(text, [("Tom Reyes", "PERSON"), ("General Vale", "PERSON")])
    quotes = quotes_of(nlp, text, ents)
    assert quotes[-1]["speaker"] == "Tom Reyes" and quotes[-1]["speaker_pronoun"] == "he"


def test_garbled_entity_names_give_the_written_name(nlp):
    text = "Watch Lena Ortiz said the port would reopen. Omar Salah said the road was shut."
    ents = entity_records(text, [("Watch Lena Ortiz", "PERSON"), ("Omar Salah", "PERSON")])
    ents[1]["canonical"] = "salah"
    assert [q["speaker"] for q in quotes_of(nlp, text, ents)] == ["Lena Ortiz", "Omar Salah"]


def test_the_author_of_a_statement_is_its_speaker(nlp):
    text = ('"The port must stay open," Omar Salah\'s statement said. '
            "Lena Ortiz's spokesman said the port was open.")
    ents = entity_records(text, [("Omar Salah", "PERSON"), ("Lena Ortiz", "PERSON")])
    # a spokesman is not the one he speaks for
    assert [q["speaker"] for q in quotes_of(nlp, text, ents)] == ["Omar Salah", "Lena Ortiz's spokesman"]



def test_quotation_over_several_lines_keeps_its_words_from_the_antecedent(nlp):
    # One sentence a line (Penn-Treebank text): the quotation opens on one line and
    # closes on the next; the name inside it is no antecedent of "he".
    text = ("Tariq Aziz, a spokesman for the farmers, said the prices were too low.\n\n"
            "“Salim Haddad's traders pay us nothing.\n\n"
            "The harvest is rotting in the fields,” he said.")
    ents = entity_records(text, [("Tariq Aziz", "PERSON"), ("Salim Haddad", "PERSON")])
    q = _one(quotes_of(nlp, text, ents), "rotting in the fields")
    assert q["kind"] == "direct" and q["speaker"] == "Tariq Aziz" and q["speaker_pronoun"] == "he"
    assert q["text"].startswith("Salim Haddad's traders")


def test_role_noun_after_a_body_is_a_person_for_he(nlp):
    text = ("Nadia Kamal spoke in Geneva on Monday. "
            "An EU official said the talks were stalled, though he said a deal was near.")
    ents = entity_records(text, [("Nadia Kamal", "PERSON"), ("Geneva", "GPE"), ("EU", "ORG")])
    q = _one(quotes_of(nlp, text, ents), "a deal was near")
    assert q["speaker"] == "An EU official" and q["speaker_pronoun"] == "he"


def test_request_not_to_be_named_is_no_quote(nlp):
    text = ("A police officer, who asked not to be identified, said the gate was locked. "
            "A guard asked that he not be named.")
    assert [q["text"] for q in quotes_of(nlp, text)] == ["the gate was locked"]


def test_article_glued_after_a_name_or_a_closing_quotation_mark_is_cut_off(nlp):
    # What a cue reports running on into a glued start, with no full stop of its own,
    # is a caption's or a headline's (see the caption test below): no quote.
    text = "Officials said the convoy had reached Tarn The river rose two metres overnight."
    assert quotes_of(nlp, text, entity_records(text, [("Tarn", "GPE")])) == []
    text = ("Farid Nasser: “The old bridge held all night” The river fell on Monday, "
            "the police said on Tuesday.")
    quotes = quotes_of(nlp, text, entity_records(text, [("Farid Nasser", "PERSON")]))
    assert [(q["speaker"], q["text"]) for q in quotes] == [("the police", "The river fell on Monday")]


def test_he_is_the_speaker_of_the_sentence_before_not_a_name_after_him(nlp):
    text = ("Omar Salah, the mayor who met Karim Nouri on Monday, said the road was shut. "
            "He said the bridge would reopen in May.")
    ents = entity_records(text, [("Omar Salah", "PERSON"), ("Karim Nouri", "PERSON")])
    q = _one(quotes_of(nlp, text, ents), "bridge would reopen")
    assert q["speaker"] == "Omar Salah" and q["speaker_pronoun"] == "He"


def test_writers_words_after_a_quotation_closed_before_the_cue_are_no_content(nlp):
    # A quotation that opens its sentence, closed with a comma before the cue: what
    # follows the cue is the writer's description, not more of what was said.
    text = "“We have to leave now, the river could flood the road,” they said, some of them clearly afraid."
    (q,) = quotes_of(nlp, text)
    assert q["text"] == "We have to leave now, the river could flood the road" and q["kind"] == "direct"
    text = "“Tell them the truth, please,” a young farmer standing in the queue told me as the clerk stamped my form."
    (q,) = quotes_of(nlp, text)
    assert q["text"] == "Tell them the truth, please" and q["speaker"] == "a young farmer"
    # Control: a quotation that is only a phrase of the writer's clause keeps the cue's content.
    text = "Calling the plan a “cruel joke,” the mayor accused the council of lying to the voters."
    assert any("of lying to the voters" in q["text"] for q in quotes_of(nlp, text))


def test_where_it_was_said_is_no_content(nlp):
    text = "Heavy rain on Sunday flooded forty homes, officials say, in a report that could not be checked."
    (q,) = quotes_of(nlp, text)
    assert q["text"] == "Heavy rain on Sunday flooded forty homes"


def test_quoted_title_of_a_programme_where_it_was_said_is_no_content(nlp):
    text = ("The storm damaged most of the roads and some bridges, Smith said in interviews "
            "on CNN's “State of the Nation” program and other networks.")
    (q,) = quotes_of(nlp, text, entity_records(text, [("Smith", "PERSON"), ("CNN", "ORG")]))
    assert q["text"] == "The storm damaged most of the roads and some bridges" and q["kind"] == "indirect"
    # Control: a quoted phrase that opens the reported words is content.
    text = "“On this basis,” the bank said, “growth will stay weak for two more years.”"
    (q,) = quotes_of(nlp, text)
    assert "On this basis" in q["text"] and len(q["parts"]) == 2


def test_he_is_not_the_person_his_own_reported_words_name(nlp):
    # "He reports that Mr Lund insisted ...": he is not Lund (a name cannot be the
    # pronoun that reports it), but the editor named before him.
    text = ("Editor Paul Garner was among the guests at a dinner with the premier Erik Lund. "
            "He reports that Mr Lund insisted his party had no ties to the firm.")
    ents = entity_records(text, [("Paul Garner", "PERSON"), ("Erik Lund", "PERSON")])
    at = text.rindex("Lund")
    ents.append({"text": "Lund", "start": at, "end": at + 4, "sentence": 1, "label": "PERSON",
                 "canonical": "Erik Lund"})
    q = _one(quotes_of(nlp, text, ents), "insisted")
    assert q["speaker"] == "Paul Garner" and q["speaker_pronoun"] == "He"


def test_he_is_no_one_titled_mrs_or_ms(nlp):
    text = ("Mrs Dalia Haddad met the envoy on Monday. "
            "He said the talks would go on for another week.")
    ents = entity_records(text, [("Dalia Haddad", "PERSON")])
    q = _one(quotes_of(nlp, text, ents), "talks would go on")
    assert q["speaker"] is None and q["speaker_pronoun"] == "He"
    # Control: she is.
    text = text.replace("He said", "She said")
    q = _one(quotes_of(nlp, text, ents), "talks would go on")
    assert q["speaker"] == "Dalia Haddad"


def test_quoted_as_saying_names_its_passive_subject(nlp):
    text = ("The council met on Sunday. "
            "“When the new law is passed, the country will be calmer,” Mr Assad was quoted as saying.")
    (q,) = quotes_of(nlp, text, entity_records(text, [("Assad", "PERSON")]))
    assert q["speaker"] == "Assad" and q["text"].startswith("When the new law")


def test_caption_run_into_a_quotation_before_its_cue_is_cut_off(nlp):
    text = ("The town council has closed two markets after the floods “Nobody told us about "
            "the closures,” he replies.")
    (q,) = quotes_of(nlp, text)
    assert q["text"] == "Nobody told us about the closures"


def test_name_in_apposition_after_for_a_body_is_the_speaker(nlp):
    text = ("A spokesman for the city government, Musa Karim, told reporters that the claims were wrong. "
            "A spokesman for the envoy, Kofi Mensah, said the visit was off.")
    ents = entity_records(text, [("Musa Karim", "PERSON"), ("Kofi Mensah", "PERSON")])
    quotes = quotes_of(nlp, text, ents)
    assert _one(quotes, "claims were wrong")["speaker"] == "Musa Karim"
    # Control: after a person noun the name is that person's, not the speaker's.
    assert _one(quotes, "visit was off")["speaker"] != "Kofi Mensah"


def test_he_after_an_unnamed_detainee_is_that_detainee(nlp):
    text = ("“The guards took my shoes and my phone,” one former detainee said. "
            "“They kept me awake for days,” he added.")
    q = _one(quotes_of(nlp, text), "kept me awake")
    assert q["speaker"] == "one former detainee"


def test_the_official_after_an_unnamed_official_is_not_a_titled_person_elsewhere(nlp):
    text = ("Counterterrorism official Mark Dale spoke in March. "
            "Troops killed a rebel leader, a government official said Thursday. "
            "The official said the leader had planned a bomb attack.")
    ents = entity_records(text, [("Mark Dale", "PERSON")])
    q = _one(quotes_of(nlp, text, ents), "planned a bomb")
    assert q["speaker"] == "The official"
    # Control: without the unnamed official, the titled person is meant.
    text = ("Counterterrorism official Mark Dale spoke in March. "
            "The official said the leader had planned a bomb attack.")
    q = _one(quotes_of(nlp, text, ents), "planned a bomb")
    assert q["speaker"] == "Mark Dale"


def test_headlines_and_highlights_on_lines_of_their_own_before_a_wire_dateline(nlp):
    text = ("Rebels ask: Where is the aid?\n\nNEW: Officials say the road is open again\n\n"
            "Cairo, Egypt (CNN) -- Officials said the army had withdrawn overnight.")
    assert [q["text"] for q in quotes_of(nlp, text)] == ["the army had withdrawn overnight"]


def test_words_quoted_inside_the_reported_clause_keep_what_follows_the_cue(nlp):
    text = "To “some extent,” he said, the drones have been used for attacks on the port."
    (q,) = quotes_of(nlp, text)
    assert "drones have been used" in q["text"]


def test_a_lone_label_is_a_headline_not_a_transcript_turn(nlp):
    from dateline.extract.quotes import _turn_quotes
    from dateline.normalise import Turn

    text = "No apology for the deaths. The talks went on for a week and ended on Friday."
    ctx = Context(published=dt.date(2020, 1, 1), text=text, sentence_starts=[0, 27])
    ctx.turns = [Turn("NATO", 0, 0, 0, len(text))]
    assert _turn_quotes(ctx) == []
    # Control: two speakers taking turns are a transcript.
    ctx.turns = [Turn("NATO", 0, 0, 0, 26), Turn("SMITH", 26, 26, 27, len(text))]
    assert [q["speaker"] for q in _turn_quotes(ctx)] == ["Nato", "Smith"]


def test_quoted_him_as_saying_names_the_one_quoted(nlp):
    text = ("Mr Demir spoke to reporters at the airport. "
            "“The pilots are safe and on their way home,” the Daily Courier quoted him as saying.")
    ents = entity_records(text, [("Demir", "PERSON"), ("Daily Courier", "ORG")])
    q = _one(quotes_of(nlp, text, ents), "pilots are safe")
    assert q["speaker"] == "Demir" and q["speaker_pronoun"] == "him"


def test_name_right_before_a_cue_after_a_caption_is_the_speaker(nlp):
    text = ("Hundreds of families crossed the river into Narvia Samir Halabi says "
            "that the militia stopped shelling at dawn.")
    ents = entity_records(text, [("Narvia", "GPE"), ("Samir Halabi", "PERSON")])
    (q,) = quotes_of(nlp, text, ents)
    assert q["speaker"] == "Samir Halabi"


def test_declining_or_yet_to_say_reports_nothing(nlp):
    text = ("The minister declined to say whether troops would be sent. "
            "The mayor has yet to say whether the bridge tolls will rise in spring. "
            "The minister said troops would be sent.")
    assert [q["text"] for q in quotes_of(nlp, text)] == ["troops would be sent"]


def test_our_correspondent_is_the_news_organisations_reporter_named_before(nlp):
    text = ("The BBC's Lena Marsh in Beirut says the army is pushing ahead. "
            "The talks may resume soon, our correspondent adds.")
    ents = entity_records(text, [("BBC", "ORG"), ("Lena Marsh", "PERSON"), ("Beirut", "GPE")])
    q = _one(quotes_of(nlp, text, ents), "talks may resume")
    assert q["speaker"] == "Lena Marsh"


def test_an_open_question_or_a_cited_source_is_no_message(nlp):
    text = ("It was hard for our team to confirm whether the blast came from a gas main. "
            "Citing two harbour workers, the radio reported that an adviser was in London.")
    assert [q["text"] for q in quotes_of(nlp, text)] == ["that an adviser was in London"]
    # Control: a condition opening the reported words is content.
    text = "If the army sent more troops, it would have to protect them, the source said."
    assert [q["text"] for q in quotes_of(nlp, text)] == ["If the army sent more troops, it would have to protect them"]
    text = "Whether the leader stays or goes, the country faces more unrest, two experts said."
    assert [q["text"] for q in quotes_of(nlp, text)] == ["Whether the leader stays or goes, the country faces more unrest"]


def test_a_person_named_as_modifier_of_a_role_noun_is_not_the_speaker(nlp):
    text = ("The port will reopen next week, a senior Harmon administration official said. "
            "A former Velasquez aide said the talks were over.")
    ents = entity_records(text, [("Harmon", "PERSON"), ("Velasquez", "PERSON")])
    out = quotes_of(nlp, text, ents)
    assert _one(out, "port will reopen")["speaker"] == "a senior Harmon administration official"
    assert _one(out, "talks were over")["speaker"] == "A former Velasquez aide"
    # Control: the person heading the mention speaks.
    text = "The port will reopen next week, the envoy Tom Harmon said."
    ents = entity_records(text, [("Tom Harmon", "PERSON")])
    assert _one(quotes_of(nlp, text, ents), "port will reopen")["speaker"] == "Tom Harmon"


def test_a_noun_of_the_quoted_words_parsed_as_a_second_subject_is_not_the_speaker(nlp):
    # The parser gives "said" two subjects: "belief" (in the quotation) and Carlsen.
    text = ("The mayor spoke on Monday. \n\n“The belief that the answer to all of these troubles "
            "is to send our navy, that hasn't been right before, and it won't be right now,” "
            "said Mr Carlsen. \n\n")
    ents = entity_records(text, [("Carlsen", "PERSON")])
    q = _one(quotes_of(nlp, text, ents), "answer to all")
    assert q["speaker"] == "Carlsen"


def test_one_the_article_calls_she_is_no_antecedent_of_he(nlp):
    text = ("Reporter Dana Whitfield met the general in his tent on Sunday. "
            "He denied that his men had fired on the market, she reported. "
            "He looked tired and spoke for an hour. "
            "He said he had been betrayed by his old allies in the capital. "
            "She said the camp was quiet at night.")
    ents = entity_records(text, [("Dana Whitfield", "PERSON")])
    out = quotes_of(nlp, text, ents)
    assert _one(out, "fired on the market")["speaker"] == "Dana Whitfield"
    assert _one(out, "betrayed by his old allies")["speaker"] is None
    # Control: "she" still finds her.
    assert _one(out, "camp was quiet")["speaker"] == "Dana Whitfield"


def test_a_channel_reporting_someones_words_is_not_the_speaker(nlp):
    text = ("The state news agency reported that General Halim Nasser said the border crossings "
            "would stay closed until March. The opposition council said more than forty people "
            "had died in the shelling, the Varda news agency reported.")
    out = quotes_of(nlp, text)
    assert [(q["speaker"], q["text"]) for q in out] == [
        ("General Halim Nasser", "the border crossings would stay closed until March"),
        ("The opposition council", "more than forty people had died in the shelling")]
    # Control: what the channel reports of its own is its message.
    text = "State television said the army had retaken the northern districts of the city."
    assert [q["speaker"] for q in quotes_of(nlp, text)] == ["State television"]


def test_the_host_who_introduces_themself_speaks_no_quotes(nlp):
    from dateline.extract.quotes import _turn_quotes
    from dateline.normalise import Turn

    host = "Welcome to the morning show. I'm Dana Pruitt. Let's begin with the river floods."
    guest = "The water rose two metres overnight and the bridge is shut."
    text = host + " " + guest
    ctx = Context(published=dt.date(2020, 1, 1), text=text, sentence_starts=[0, len(host) + 1])
    ctx.turns = [Turn("PRUITT", 0, 0, 0, len(host)), Turn("OKAFOR", 0, 0, len(host) + 1, len(text))]
    assert [q["speaker"] for q in _turn_quotes(ctx)] == ["Okafor"]
    # Control: a host who does not introduce themself keeps their turns.
    ctx.text = text.replace("I'm Dana Pruitt.", "Good to see you.")
    assert [q["speaker"] for q in _turn_quotes(ctx)] == ["Pruitt", "Okafor"]


def test_the_network_s_own_correspondent_speaks_no_quotes():
    from dateline.extract.quotes import _turn_quotes
    from dateline.normalise import normalise

    text = ("LENA ORTIZ, NEWSDESK CORRESPONDENT: The river crested at dawn and crews worked "
            "through the night.\n"
            "HARLAN VOSS, MAYOR OF EASTON: We have never seen water this high in the square.\n"
            "ORTIZ: The mayor says the shelters will stay open all week.\n")
    norm = normalise(text)
    assert [t.role for t in norm.turns] == ["NEWSDESK CORRESPONDENT", "MAYOR OF EASTON", ""]
    ctx = Context(published=dt.date(2020, 1, 1), text=norm.text, sentence_starts=[0])
    ctx.turns = norm.turns
    # the reporter's narration, in both of her turns, is nobody's quote; the mayor's is
    assert [q["speaker"] for q in _turn_quotes(ctx)] == ["Harlan Voss"]


def test_teaser_of_another_page_under_the_body_is_no_quote(nlp):
    body = ("The council met on Monday to discuss the harbour.\n"
            "Officials said the new pier would open in the spring.\n")
    teaser = "Talks on the river dispute may resume within weeks, says Tomas Verhoeven.\n"
    out = quotes_of(nlp, body + teaser + "Regional news 3 hrs ago\n")
    assert [q["speaker"] for q in out] == ["Officials"]
    # Controls: the body's own last line with a role or title, or followed by more
    # body, or quoting words, stays a quote.
    for last in ("Talks on the river dispute may resume within weeks, says Mr Verhoeven.\n",
                 "Talks on the river dispute may resume within weeks, says the mayor, Tomas Verhoeven.\n",
                 teaser + "The pier cost four million euros.\n",
                 "Talks on the river dispute are \"likely\" to resume, says Tomas Verhoeven.\n"):
        out = quotes_of(nlp, body + last)
        assert len(out) == 2, last


def test_he_a_few_sentences_on_is_the_person_the_story_is_about(nlp):
    text = ("Marta Kowalczyk has run the bakery on the square for thirty years. "
            "The shop was damaged twice during the winter. "
            "Its windows are still boarded up. "
            "\"We will open again in April,\" she says.")
    out = quotes_of(nlp, text, entity_records(text, [("Marta Kowalczyk", "PERSON")]))
    assert [(q["speaker"], q["speaker_pronoun"]) for q in out] == [("Marta Kowalczyk", "she")]
    # Control: a person named only inside a phrase, never the subject, is not taken.
    text = ("The shop of Marta Kowalczyk has stood on the square for thirty years. "
            "It was damaged twice during the winter. "
            "Its windows are still boarded up. "
            "\"We will open again in April,\" she says.")
    out = quotes_of(nlp, text, entity_records(text, [("Marta Kowalczyk", "PERSON")]))
    assert [q["speaker"] for q in out] == [None]


def test_a_building_the_entity_stage_took_for_a_person_is_no_antecedent(nlp):
    text = ("A nurse said she woke to a loud blast. "
            "She saw smoke rising near Kerrow Airport. "
            "She also said that the night had been calm before.")
    out = quotes_of(nlp, text, entity_records(text, [("Kerrow Airport", "PERSON")]))
    assert "Kerrow Airport" not in {q["speaker"] for q in out}


def test_a_quotation_goes_on_after_its_cue_only_after_a_pause(nlp):
    text = ('"The harbour will be rebuilt by the summer," said Ilse Brandt, a historian and '
            'the author of "A Short History of the Northern Harbour and its Ships."')
    out = quotes_of(nlp, text, entity_records(text, [("Ilse Brandt", "PERSON")]))
    assert [q["text"] for q in out if q["speaker"] == "Ilse Brandt"] == [
        "The harbour will be rebuilt by the summer"]
    # Control: the same quotation split by its cue is one quote in two parts.
    text = ('"The harbour will be rebuilt by the summer," said Ilse Brandt, '
            '"and the ships will come back soon after that."')
    (q,) = quotes_of(nlp, text, entity_records(text, [("Ilse Brandt", "PERSON")]))
    assert len(q["parts"]) == 2 and q["text"].endswith("soon after that")
    text = ('"The harbour will be rebuilt by the summer," said Ilse Brandt, but '
            '"the ships will not come back before the autumn."')
    (q,) = quotes_of(nlp, text, entity_records(text, [("Ilse Brandt", "PERSON")]))
    assert len(q["parts"]) == 2 and q["text"].endswith("before the autumn")


def test_interview_labels_name_no_speaker(nlp):
    text = ("Question: What will the new harbour cost the town over the next years?\n\n"
            "Ilse Brandt: About four million euros, most of it from the regional fund.\n\n"
            "Question: And when will the ships come back to the northern quay?\n\n"
            "Ilse Brandt: Not before the end of the summer, I am afraid.\n")
    out = quotes_of(nlp, text, entity_records(text, [("Ilse Brandt", "PERSON"), ("Ilse Brandt", "PERSON")]))
    assert [q["speaker"] for q in out] == ["Ilse Brandt", "Ilse Brandt"]


def test_words_after_the_cue_running_into_the_next_line_are_a_caption(nlp):
    text = ("Talks on the harbour resume The mayor says the council will sell the old depot "
            "to pay for repairs The talks were held on Monday.")
    assert quotes_of(nlp, text) == []
    # Control: the same words ending in a full stop are a quote.
    text = ("The mayor says the council will sell the old depot to pay for repairs. "
            "The talks were held on Monday.")
    assert [q["speaker"] for q in quotes_of(nlp, text)] == ["The mayor"]
