"""Quotes on real news, eighth round (issue 12, the seed-402/405 judges' notes): "the company"
far from its name is the company the story is about, "the Dutch brewer" is a company noun
too, a name with an age is a person, and a broken stock ticker no longer splits a sentence
(texts of our own, in the shapes seen in the samples)."""

from __future__ import annotations

import datetime as dt

from dateline.article import Article
from dateline.pipeline import extract_article
from dateline_testing import entity_records, quotes_of


def _speakers(quotes: list[dict]) -> list[tuple[str | None, str | None]]:
    return [(q["speaker"], q.get("speaker_pronoun")) for q in quotes]


# A story about one company: Norbrite is named three times, far from "the company".
_NORBRITE = ("Norbrite shares fell on Monday. Norbrite runs four rigs in the bay. "
             "Norbrite hired divers last week. The storm season starts in June. "
             "Fishermen in the bay are worried. Prices are at a two-year low. ")


def test_the_company_far_from_its_name_is_the_company_of_the_story(nlp):
    text = _NORBRITE + "The company says it has set aside $2 billion for the clean-up."
    ents = entity_records(text, [("Norbrite", "ORG")] * 3)
    assert _speakers(quotes_of(nlp, text, ents)) == [("Norbrite", None)]


def test_the_company_stays_unresolved_when_two_companies_share_the_story(nlp):
    text = ("Norbrite shares fell on Monday. Calloway Drilling shares rose. Norbrite runs "
            "four rigs. Calloway Drilling runs three. The storm season starts in June. "
            "Prices are at a two-year low. Fishermen are worried. "
            "The company says it has set aside $2 billion for the clean-up.")
    ents = entity_records(text, [("Norbrite", "ORG"), ("Calloway Drilling", "ORG")] * 2)
    assert _speakers(quotes_of(nlp, text, ents)) == [("The company", None)]


def test_a_company_noun_with_a_nationality_is_still_the_company(nlp):
    text = _NORBRITE + "The Dutch oil giant says it hopes the new cap will hold."
    ents = entity_records(text, [("Norbrite", "ORG")] * 3 + [("Dutch", "NORP")])
    assert _speakers(quotes_of(nlp, text, ents)) == [("Norbrite", None)]


def test_a_name_given_an_age_is_a_person_and_her_pronoun_finds_her():
    # the model takes the vendor's name for an organisation; an age says it is a person
    text = ("The market was empty on the first day of the shutdown.\n\n"
            "For Paloma Urrutia, 31, a fruit seller on Ocampo street, it was the first "
            "day she had no customers at all. \"It has never been this quiet,\" she said.")
    record = extract_article(Article(text=text, published=dt.date(2009, 5, 1), id="a1"))
    assert {e["label"] for e in record["entities"] if e["text"] == "Paloma Urrutia"} == {"PERSON"}
    assert [(q["speaker"], q.get("speaker_pronoun")) for q in record["quotes"]] == [
        ("Paloma Urrutia", "she")]


def test_a_title_with_a_portfolio_and_a_body_before_a_name_makes_a_person():
    text = ("The EU health commissioner, Marta Lindqvist urged travellers to stay home. "
            "She told reporters \"only urgent trips should go ahead.\"")
    record = extract_article(Article(text=text, published=dt.date(2009, 4, 28), id="a2"))
    assert {e["label"] for e in record["entities"] if e["text"] == "Marta Lindqvist"} == {"PERSON"}
    # "urged travellers to ..." and "told reporters ...": both hers
    assert {q["speaker"] for q in record["quotes"]} == {"Marta Lindqvist"}


def test_a_stock_ticker_broken_over_two_lines_does_not_split_its_sentence():
    # a corpus of one sentence per line broke "(RHA.DE)" at its dot: the speaker is the
    # insurer, not the exchange code "DE"
    text = ("The insurer expects more claims .\nRhine Assurance -LRB- RHAGn . \nDE -RRB- , "
            "the largest insurer in the region , has said it could pay up to $ 50 million "
            "for the accident .\n")
    record = extract_article(Article(text=text, published=dt.date(2010, 5, 3), id="a3"))
    assert [q["speaker"] for q in record["quotes"]] == ["Rhine Assurance"]
    assert not [e for e in record["entities"] if e["text"] in ("DE", "DE -RRB-")]


def test_a_title_with_a_portfolio_before_a_longer_name_leaves_its_first_words_alone():
    # "Coast Guard" opens the officer's name: not a person titled "spill coordinator"
    text = ("The federal spill coordinator, Coast Guard Admiral Ann Weller, said the cap "
            "would be fitted on Thursday.")
    record = extract_article(Article(text=text, published=dt.date(2010, 7, 1), id="a4"))
    assert "Coast Guard" not in {e["text"] for e in record["entities"] if e["label"] == "PERSON"}
    assert [q["speaker"] for q in record["quotes"]] == ["Ann Weller"]


def test_the_company_is_a_business_the_actor_tables_know_named_just_before(nlp):
    # the tagger missed Halliburton here; the actor tables know it as a company, and it is
    # the one company named near "the company", not the story's main one
    text = _NORBRITE + ("Halliburton disputed the panel's findings. "
                        "The company said its own tests had shown the mix was stable.")
    ents = entity_records(text, [("Norbrite", "ORG")] * 3)
    assert _speakers(quotes_of(nlp, text, ents)) == [("Halliburton", None)]


def test_the_company_after_two_known_businesses_stays_unresolved(nlp):
    text = _NORBRITE + ("Halliburton and Transocean disputed the panel's findings. "
                        "The company said its own tests had shown the mix was stable.")
    ents = entity_records(text, [("Norbrite", "ORG")] * 3)
    assert _speakers(quotes_of(nlp, text, ents)) == [("The company", None)]


def test_the_role_is_the_person_brought_in_by_a_phrase_holding_it():
    # "the rebel" takes up the person a phrase holding the word brought in, as "the
    # spokesman" takes up "spokesman Ann Lee"
    text = ("Elsewhere , a senior rebel member , Omar Haddad , told reporters that rebels took "
            "the crossing on Friday .\n"
            "The army let the soldiers return at another crossing , the rebel said .\n")
    record = extract_article(Article(text=text, published=dt.date(2011, 4, 22), id="a5"))
    assert [q["speaker"] for q in record["quotes"]] == ["Omar Haddad", "Omar Haddad"]


def test_a_possessor_s_role_is_not_the_person_after_it(nlp):
    text = ("The minister's spokesman Karl Ibsen said the talks had ended. "
            "The crossing will reopen on Monday, the minister said.")
    ents = entity_records(text, [("Karl Ibsen", "PERSON")])
    assert _speakers(quotes_of(nlp, text, ents))[1] != ("Karl Ibsen", None)
