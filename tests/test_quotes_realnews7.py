"""Quotes on real news, seventh round (issue 12, the seed-390/393 judges): "they" a few
sentences on from the last group quoted is that group (texts of our own, in the shapes
seen in the samples)."""

from __future__ import annotations

from dateline_testing import entity_records, quotes_of


def _speakers(quotes: list[dict]) -> list[tuple[str | None, str | None]]:
    return [(q["speaker"], q.get("speaker_pronoun")) for q in quotes]


def test_they_two_sentences_on_is_the_group_last_quoted(nlp):
    text = ("The first supply flights reached the airport on Sunday, Red Cross officials said. "
            "The convoy is expected at the border by Monday night. "
            "The camps should be fully stocked by Friday, they said.")
    ents = entity_records(text, [("Red Cross", "ORG")])
    assert _speakers(quotes_of(nlp, text, ents)) == [
        ("Red Cross officials", None), ("Red Cross officials", "they")]


def test_they_after_another_group_named_since_stays_unresolved(nlp):
    # a group named after the last one quoted may be whom "they" means: no guess
    text = ("The first supply flights reached the airport on Sunday, Red Cross officials said. "
            "The Kenyan Army moved its trucks to the border on Monday. "
            "The convoy is expected there by Monday night. "
            "The camps should be fully stocked by Friday, they said.")
    ents = entity_records(text, [("Red Cross", "ORG"), ("Kenyan Army", "ORG")])
    assert _speakers(quotes_of(nlp, text, ents)) == [
        ("Red Cross officials", None), (None, "they")]


def test_they_after_people_named_by_a_plural_noun_stays_unresolved(nlp):
    # "the villagers" may be whom "they" means: no guess
    text = ("The first supply flights reached the airport on Sunday, Red Cross officials said. "
            "The villagers did not deny that the road was open. "
            "The convoy was held up by the rain, they said.")
    ents = entity_records(text, [("Red Cross", "ORG")])
    assert _speakers(quotes_of(nlp, text, ents)) == [
        ("Red Cross officials", None), (None, "they")]


def test_the_company_is_the_one_that_opens_what_it_said(nlp):
    # "Acme is doing X, the company said": a company's word about itself
    # (its other mention is three sentences back, out of reach of "the company")
    text = ("Norbrite was founded in 1990. Its rigs work off the coast. Oil prices fell. "
            "Storms are near. Norbrite will replace the damaged valves and resume drilling "
            "next month, the company said.")
    ents = entity_records(text, [("Norbrite", "ORG"), ("Norbrite", "ORG")])
    assert _speakers(quotes_of(nlp, text, ents)) == [("Norbrite", None)]
