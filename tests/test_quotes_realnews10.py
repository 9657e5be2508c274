"""Quotes on real news, tenth round (the seed-421/431 judges' speaker notes): a definite
role noun ("the spokesman", "the colonel") takes up the person named earlier with that
role in an apposition after the name or in a title, even when the apposition itself is
indefinite or an unrelated phrase ("a letter to the colonel") comes between, and a
person's postings that speak are that person's words (texts of our own, in the shapes
seen in the samples)."""

from __future__ import annotations

from dateline_testing import entity_records, quotes_of


def _speakers(nlp, text: str, people: list[str]) -> list[str | None]:
    ents = entity_records(text, [(p, "PERSON") for p in people])
    return [q.get("speaker") for q in quotes_of(nlp, text, ents)]


def test_the_role_takes_up_a_person_whose_own_apposition_is_indefinite(nlp):
    text = ("Aziz Karam, a spokesman for the farmers' union, said the harvest had failed in "
            "three valleys. The spokesman said the union would ask for emergency seed.")
    assert _speakers(nlp, text, ["Aziz Karam"]) == ["Aziz Karam", "Aziz Karam"]


def test_the_role_takes_up_a_person_with_that_role_after_the_name(nlp):
    text = ("Lena Voss, the chief engineer at the plant, warned that the dam walls were "
            "cracking. The river had risen two metres overnight. The engineer said the "
            "town should be emptied before dawn.")
    assert _speakers(nlp, text, ["Lena Voss"]) == ["Lena Voss", "Lena Voss"]


def test_a_phrase_ending_in_the_title_is_no_one_new(nlp):
    text = ("Colonel Piet Maas led the convoy into the valley in March. The march later "
            "brought a letter to the colonel from the regional governor. Looking back, "
            "the colonel says the march was the hardest week of his career.")
    assert _speakers(nlp, text, ["Piet Maas"])[-1] == "Piet Maas"


def test_a_persons_postings_that_speak_are_that_persons_words(nlp):
    text = ("Mr Dorn's first postings, on two forums, said: \"The storm is bad, but the "
            "cold here will kill just as many.\"")
    assert _speakers(nlp, text, ["Dorn"]) == ["Dorn"]


# Controls: the rules leave these as they were.

def test_an_unnamed_spokesman_brought_in_since_is_not_the_named_one(nlp):
    text = ("Aziz Karam, a spokesman for the farmers' union, said the harvest had failed. "
            "Later, a ministry spokesman denied any shortage. The spokesman said stocks "
            "were full.")
    assert _speakers(nlp, text, ["Aziz Karam"])[-1] != "Aziz Karam"


def test_a_role_no_one_holds_stays_as_written(nlp):
    text = ("Lena Voss, the chief engineer at the plant, warned that the walls were "
            "cracking. The river had risen two metres overnight. The mayor said the town "
            "would be emptied before dawn.")
    assert _speakers(nlp, text, ["Lena Voss"])[-1] == "The mayor"


def test_an_apposition_with_another_role_names_no_one_for_this_role(nlp):
    text = ("Lena Voss, a nurse at the clinic, said the wards were full. The doctor said "
            "no more patients could be taken in.")
    assert _speakers(nlp, text, ["Lena Voss"])[-1] == "The doctor"


def test_an_indefinite_role_speaker_stays_unnamed(nlp):
    text = ("\"We will not lend more,\" said Mira Holt, a spokeswoman for the central bank. "
            "The port authority asked the lenders to wait, a spokeswoman said.")
    assert _speakers(nlp, text, ["Mira Holt"])[-1] == "a spokeswoman"


def test_two_people_of_the_role_named_leaves_the_role(nlp):
    text = ("Omar Nadir, a spokesman for the council, said the road was open. Sami Farouk, "
            "a spokesman for the army, said the bridge was mined. Later Nadir said the army "
            "had lied. The convoys were still waiting. The spokesman said the talks would "
            "go on.")
    ents = entity_records(text, [("Omar Nadir", "PERSON"), ("Sami Farouk", "PERSON"), ("Nadir", "PERSON")])
    ents[-1]["canonical"] = "Omar Nadir"
    assert quotes_of(nlp, text, ents)[-1]["speaker"] == "The spokesman"


def test_a_place_after_in_is_no_holder_of_the_role(nlp):
    text = ("Meanwhile, in Port Elin, a spokesperson for the mayor said the shelters were "
            "full. The streets were flooded. The spokesperson said more beds would come.")
    assert "Port Elin" not in _speakers(nlp, text, ["Port Elin"])


def test_said_according_to_an_agency_is_the_sayers(nlp):
    text = '"This was a kidnapping, not a rescue," Mr Dorval said, according to Agence France Presse.'
    qs = quotes_of(nlp, text, entity_records(text, [("Dorval", "PERSON"), ("Agence France Presse", "ORG")]))
    assert [(q.get("speaker"), q["cue"]) for q in qs] == [("Dorval", "said")]


def test_according_to_first_stays_the_sources(nlp):
    text = "According to Reuters, the death toll has risen to 40 in the port city."
    qs = quotes_of(nlp, text, entity_records(text, [("Reuters", "ORG")]))
    assert [(q.get("speaker"), q["cue"]) for q in qs] == [("Reuters", "according to")]
