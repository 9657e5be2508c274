"""Amounts on real news, second set (issue 12): the faults judges found in the seed-91
audits and in our own study samples (seeds 120-123). Every sentence is our own; each
test fails on the code before these rules (controls of the same shape ride along)."""

import pytest

from dateline_testing import amounts_of, the_amount


def _triples(text: str, nlp) -> list[tuple]:
    return [(a["value"], a["unit"], a["qualifier"]) for a in amounts_of(nlp, text)]


def test_one_word_vague_plurals_come_from_the_lexicon(nlp):
    assert _triples("Tens of students marched, and trillions of yen left the market.", nlp) == [
        (20, "students", "at least"), (2e12, "JPY", "at least")]
    # a chain counts the noun after it; a bare "tens" before a comma is elliptical, no amount
    assert _triples("Ankara will act only if the stream swells into many tens of thousands of refugees.",
                    nlp) == [(20000, "refugees", "at least")]
    assert _triples("Aid groups say tens , even hundreds of thousands of families are on the move.", nlp) == [
        (200000, "families", "at least")]


def test_the_n_of_a_pronoun_is_a_reference_not_a_count(nlp):
    assert amounts_of(nlp, "If there is any pact between the two of you, it exists only in his head.") == []
    assert amounts_of(nlp, "The three of us drove to the coast together.") == []
    out = amounts_of(nlp, "The two of them were arrested at the airport on Monday.")   # still a count
    assert [(a["value"], a["unit"], a["kind"]) for a in out] == [(2, "people", "arrested")]


def test_a_family_of_n_counts_people(nlp):
    out = amounts_of(nlp, "Witnesses saw a helicopter strike a family of six fleeing across the field.")
    assert (the_amount(out, 6)["unit"]) == "people"


@pytest.mark.parametrize("text, value", [
    ("Inflation went up to 9 % in the spring.", 9),
    ("The drought pushed the price of bread at the market up to $ 3 a loaf.", 3),
    ("Prices kept rising, with the official inflation rate up to 14 % in May.", 14),
    ("Joblessness is climbing fast , with the official rate up to 12 % in June 2011 .", 12),
    ("The balloon made it all the way up to 9,000 feet before it burst.", 9000),
])
def test_up_to_the_value_reached_is_no_hedge(nlp, text, value):
    a = the_amount(amounts_of(nlp, text), value)
    assert a["qualifier"] is None and not a["text"].lower().startswith("up")
    control = the_amount(amounts_of(nlp, "The ferry can carry up to 50 people across the strait."), 50)
    assert control["qualifier"] == "up to"   # a capacity: still a hedge


@pytest.mark.parametrize("text", [
    "Both pilots were of 7 Squadron .",
    "A medic attached to 212 Field Hospital treated him.",
    "Both men were members of 22 -LRB- EOD -RRB- Engineer Regiment , a bomb disposal unit .",
    "He served with 40 Commando before he joined the police.",
])
def test_the_number_of_a_military_unit_is_no_amount(nlp, text):
    assert amounts_of(nlp, text) == []


def test_a_plural_name_after_a_count_is_its_unit(nlp):
    a = the_amount(amounts_of(nlp, "Eight Royal Military Policemen died when a mob stormed the post."), 8)
    assert (a["unit"], a["kind"]) == ("Policemen", "killed")


def test_the_age_after_a_name_is_no_amount(nlp):
    assert amounts_of(nlp, "Lance Corporal Mark Dunne , 27 - killed in a road accident .") == []


def test_half_before_a_prepositional_phrase_is_a_degree(nlp):
    assert amounts_of(nlp, "She was only half in jest when she said it.") == []


@pytest.mark.parametrize("text, value, qualifier", [
    ("Officials say one in five migrants whose claims fail is deported.", 0.2, None),
    ("Nearly one in every four children in the camp is underweight.", 0.25, "nearly"),
    ("One out of every five homes in the valley was damaged.", 0.2, None),
])
def test_a_ratio_is_one_proportion_not_a_count(nlp, text, value, qualifier):
    assert _triples(text, nlp) == [(value, "proportion", qualifier)]
    # controls: a rate over a time, and a count in so many places, are no proportions
    for other in ("Such a storm comes one in 100 years.", "Rockets were landing four in 30 seconds at the height of the barrage.",
                  "About 30,000 in 150 church shelters are waiting for food."):
        assert all(a["unit"] != "proportion" for a in amounts_of(nlp, other))


def test_a_count_past_its_adjectives_takes_the_noun(nlp):
    out = amounts_of(nlp, "On the road we ran into several dozen armed and hooded men near a checkpoint.")
    assert (the_amount(out, 36)["unit"], the_amount(out, 36)["qualifier"]) == ("men", "at least")
    out = amounts_of(nlp, "Police said 30 died, injured people were taken away.")   # a verb is no adjective
    assert (the_amount(out, 30)["unit"], the_amount(out, 30)["kind"]) == ("people", "killed")


def test_a_plural_subject_totalling_a_number_is_its_unit(nlp):
    out = amounts_of(nlp, "Losses among the army over that quarter totalled 412.")
    assert the_amount(out, 412)["unit"] == "Losses"


@pytest.mark.parametrize("text, value", [
    ("A mother of six, the deputy told reporters she had quit over the shelling.", 6),
    ("He was a father of two from the north of the county.", 2),
])
def test_a_parent_of_n_counts_children(nlp, text, value):
    assert the_amount(amounts_of(nlp, text), value)["unit"] == "children"


def test_an_age_with_a_hedge_is_no_amount(nlp):
    assert amounts_of(nlp, "No child aged over three answers the soldiers' waves.") == []


def test_about_before_a_vague_plural_is_a_preposition(nlp):
    out = amounts_of(nlp, "Viewers hear about scores of Kurds being shot at checkpoints .")
    assert [(a["text"], a["unit"], a["qualifier"]) for a in out] == [("scores of Kurds", "Kurds", "at least")]


def test_an_audience_of_n_counts_people(nlp):
    out = amounts_of(nlp, "The station now rivals the BBC, with a global audience of 40 million .")
    assert the_amount(out, 40_000_000)["unit"] == "people"


def test_the_stranded_are_displaced_people(nlp):
    a = the_amount(amounts_of(nlp, "A further 3,000 are stranded at checkpoints in the desert, an official said."), 3000)
    assert (a["unit"], a["kind"]) == ("people", "displaced")


def test_as_young_as_n_is_an_age(nlp):
    assert amounts_of(nlp, "A few of the children in the lorry were as young as seven , police said.") == []


def test_n_times_a_comparative_is_a_factor(nlp):
    out = amounts_of(nlp, "The cost of repairs after storms is typically 10 times higher on islands.")
    assert [(a["value"], a["unit"]) for a in out] == [(10, "times")]
    out = amounts_of(nlp, "Tests show as much as one million times the usual amount of gas in the bay .")
    assert [(a["value"], a["unit"], a["qualifier"]) for a in out] == [(1_000_000, "times", "up to")]
    # control: a plural repeated keeps the noun after its "of" (tagged as money, no currency)
    out = amounts_of(nlp, "They poured millions and millions of gallons into our rivers , and killed countless fish .")
    assert [(a["value"], a["unit"]) for a in out] == [(2_000_000, "gallons")]


def test_a_count_tagged_as_money_without_a_currency_is_a_count(nlp):
    out = amounts_of(nlp, "The charity estimated the death toll at between 40,000 and 50,000 , with thousands hurt.")
    a = the_amount(out, 40000)
    assert (a["unit"], a["low"], a["high"]) == ("deaths", 40000, 50000)


@pytest.mark.parametrize("text, unit", [
    ("In 2009 , the group paid C$ 1.2 billion for rights to two blocks.", "CAD"),
    ("More than A$ 300,000 was raised at the cricket match.", "AUD"),
])
def test_dollars_of_other_countries(nlp, text, unit):
    assert amounts_of(nlp, text)[0]["unit"] == unit


@pytest.mark.parametrize("text", [
    "At 19 , fresh from school , Maria joined the army.",
    "The king reigned from 604 to 562 BC and built a famous garden.",
    "The Fish Shop , 14 Mill Road , Penzance sells fresh crab daily.",
    "The council recalled that resolution 687 imposed duties on the regime.",
])
def test_ages_eras_addresses_and_identifiers_are_no_amounts(nlp, text):
    assert amounts_of(nlp, text) == []
    # controls: a count after an ordinary noun stays a count
    assert the_amount(amounts_of(nlp, "He fired his rifle 12 times at a van that ran the roadblock."), 12)["unit"] \
        == "times"
    assert the_amount(amounts_of(nlp, "This time 25 police and two guards were hurt in the attacks."), 25)["unit"] \
        == "police"


def test_the_injured_after_a_death_toll_are_people(nlp):
    out = amounts_of(nlp, "The agency put the death toll at between 30,000 and 40,000 , with millions more injured "
                          "or made homeless.")
    assert (the_amount(out, 2_000_000)["unit"], the_amount(out, 2_000_000)["kind"]) == ("people", "injured")
    out = amounts_of(nlp, "Another group put the death toll at 30 , including 17 in Hama and six in Deraa .")
    assert the_amount(out, 17)["unit"] == "deaths"   # control: a part of the toll still counts deaths
