"""Quotes on real news, twelfth round (the seed-473/475 judges' notes): a call that says
nothing (a telephone call, a summons, a name given) is no quote; a role noun takes the name
the article ties to it (an apposition opened by a possessor, "NAME, the town's coroner,";
a name set off at the end of a relative clause, "An activist who ..., NAME, says") (texts
of our own, in the shapes seen in the samples)."""

from __future__ import annotations

from dateline_testing import entity_records, quotes_of


def _quotes(nlp, text: str, people: list[str], orgs: tuple[str, ...] = ()) -> list[tuple[str | None, str | None]]:
    ents = entity_records(text, [(p, "PERSON") for p in people])
    ents += entity_records(text, [(o, "ORG") for o in orgs])
    ents.sort(key=lambda e: e["start"])
    return [(q.get("speaker"), q.get("cue")) for q in quotes_of(nlp, text, ents)]


def test_a_telephone_call_is_no_quote(nlp):
    text = "The prime minister called the German chancellor and the Irish premier on Sunday."
    assert _quotes(nlp, text, []) == []


def test_calling_a_meeting_or_a_helpline_is_no_quote(nlp):
    text = ("The health agency called a meeting of experts for Friday.\n"
            "Residents with a fever should call their doctor for advice.")
    assert _quotes(nlp, text, []) == []


def test_a_name_given_is_no_quote_but_its_giver_is_they(nlp):
    text = ("The rebels had announced a final push on the port, calling it Operation Northern Gale.\n"
            "They said the army had lost control of the harbour.")
    assert _quotes(nlp, text, [], ("Operation Northern Gale",)) == [("The rebels", "said")]


def test_a_thing_called_by_its_name_is_no_quote(nlp):
    text = "Engineers removed a long piece called a flange joint from the top of the well."
    assert _quotes(nlp, text, []) == []


def test_a_call_with_a_judgement_stays_a_quote(nlp):
    text = ("The minister called the report self-serving.\n"
            'Critics called it "a disaster".')
    assert _quotes(nlp, text, []) == [("The minister", "called"), ("Critics", "called")]


def test_the_role_takes_the_name_of_an_apposition_opened_by_a_possessor(nlp):
    text = ("Ann Kowalski, Northfield and Westbury's coroner, opened the inquest on Monday.\n"
            "The hearing was adjourned until June.\n"
            '"We may never know the full story, but we must try," the coroner said.')
    assert _quotes(nlp, text, ["Ann Kowalski"]) == [("Ann Kowalski", "said")]


def test_the_role_takes_the_name_of_an_apposition_of_the_citys(nlp):
    text = ("Ann Kowalski, the city's coroner, opened the inquest on Monday.\n"
            "The hearing was adjourned until June.\n"
            '"We may never know the full story, but we must try," the coroner said.')
    assert _quotes(nlp, text, ["Ann Kowalski"]) == [("Ann Kowalski", "said")]


def test_the_name_closing_a_relative_clause_is_the_role_nouns(nlp):
    # (the parser hangs the name on the last noun of the relative clause)
    text = ("A Leeds-based nurse who has been keeping her own records of hospital admissions, "
            "Ruth Okafor, says the true number is higher.\n"
            '"Nobody counts the ones sent home," she adds.')
    assert _quotes(nlp, text, ["Ruth Okafor"]) == [("Ruth Okafor", "says"), ("Ruth Okafor", "adds")]


def test_the_expert_under_a_readers_signature_is_the_speaker(nlp):
    # readers' ideas, each signed on the line below, which runs into the expert's answer
    text = ('"Sink a barge full of gravel over the leak."\n'
            '- Ann Vole, Leeds, UK Prof Kessler says: "The current would carry the gravel away."\n'
            '"Freeze the oil with liquid nitrogen."\n'
            '- Rob Tate, Perth, Australia Prof Kessler says: "Far too much nitrogen would be needed."')
    speakers = [s for s, c in _quotes(nlp, text, ["Ann Vole", "Rob Tate"]) if c == "says"]
    assert speakers == ["Prof Kessler", "Prof Kessler"]


def test_a_call_for_something_stays_a_quote(nlp):
    text = ("Farmers began quietly by calling for fair prices and cheaper fuel in what is one "
            "of the poorest regions in the country.")
    assert _quotes(nlp, text, []) == [("Farmers", "calling")]


def test_a_call_with_quoted_words_in_a_relative_clause_stays_a_quote(nlp):
    text = 'Omar Said does not look like a man who has just walked out of a party he calls "a gang of liars".'
    assert [c for _, c in _quotes(nlp, text, ["Omar Said"])] == ["calls"]


def test_a_call_with_a_possessive_predicate_stays_a_quote(nlp):
    text = "The president called the oil spill the region's worst disaster."
    assert _quotes(nlp, text, []) == [("The president", "called")]


def test_a_call_of_a_small_clause_stays_a_quote(nlp):
    text = ("Over the weekend, officials said they had stopped the raids, but a rebel spokesman "
            "calls that a flat-out lie.")
    assert ("a rebel spokesman", "calls") in _quotes(nlp, text, [])


def test_a_possessor_apposition_named_later_is_not_the_role_of_someone_unnamed_before(nlp):
    text = ("The minister wrote to the mayor, a senior council official said.\n"
            '"We were hurt by your words," the minister wrote, according to the official.\n'
            + "Later in the day the talks resumed in the capital and went on into the night.\n" * 8
            + "Meanwhile, Ann Kowalski, the opposition's top legal official, said the letter changed nothing.")
    speakers = [s for s, c in _quotes(nlp, text, ["Ann Kowalski"]) if c == "according to"]
    assert speakers and "Ann Kowalski" not in speakers


def test_a_call_with_a_predicate_hung_on_the_object_stays_a_quote(nlp):
    text = ("The town council called Mr Okafor a hero of the whole valley whose courage should unite "
            "the two parishes.\n"
            "Back in 2003 the government called the threat centrally directed and global.\n"
            "The editor has called the cost obscene and ' a shameful waste ' .")
    assert [c for _, c in _quotes(nlp, text, ["Okafor"])] == ["called", "called", "called"]


def test_it_after_a_film_called_by_its_name_is_the_film(nlp):
    text = ("The claim was first made in a documentary shown on a Dutch channel, called Harbour "
            "of Shadows.\nIt claimed that the dockers \"had been paid to stay silent\".")
    assert _quotes(nlp, text, [], ("Harbour of Shadows",)) == [("Harbour of Shadows", "claimed")]


def test_a_title_before_the_name_in_apposition_is_not_the_speaker(nlp):
    # the model also takes the title's first word for a person ("Euro" of "Euro MP"): the
    # apposition's own name, at its end, speaks (it was "Euro" in a store comparison)
    text = ("The woman who ran the bank's relief fund after the 2005 floods, Euro MP Anna "
            "Kessler, earlier said she was \"very doubtful\" about a new fund.")
    assert _quotes(nlp, text, ["Euro", "Anna Kessler"]) == [("Anna Kessler", "said")]


def test_a_dated_lists_day_or_a_live_pages_stamp_is_not_the_speakers(nlp):
    # a dated list's entries and a live page's stamps run into the subject that speaks
    text = ("The spill, day by day.\nJUNE 29 - BP says the cap is holding.\n"
            "15.16 BST Anti-war demonstrators say they will march on Saturday.")
    assert _quotes(nlp, text, [], ("BP",)) == [("BP", "says"), ("Anti-war demonstrators", "say")]
