"""Amounts on real news, third set (issue 12): the leftovers of the seed-94 audits ("19
JANUARY", "Roundup # 31", "a 100 bed hospital", fractions of a toll) and the patterns of our
own seed-150 study of haiti_bbc, bpoil_foxnews, bpoil_bbc and H1N1_guardian. Every sentence is
our own; controls of the same shape ride along."""

import pytest

from dateline_testing import amounts_of, the_amount


def _triples(text: str, nlp) -> list[tuple]:
    return [(a["value"], a["unit"], a["qualifier"]) for a in amounts_of(nlp, text)]


def test_a_day_with_its_month_in_capitals_is_a_date(nlp):
    assert amounts_of(nlp, "22 MARCH , 1400 GMT , NEAR THE BORDER We drove on through the night .") == []


@pytest.mark.parametrize("text", [
    "John Smith : Blog Roundup # 12 - the best of the blogs this week .",
    "Re # 40 : I agree with every word of that .",
    "# 17 : Please give a source for that claim .",
])
def test_a_hash_that_numbers_an_item_is_no_pound(nlp, text):
    assert amounts_of(nlp, text) == []


def test_a_hash_before_a_sum_stays_pounds(nlp):
    assert _triples("The children raised # 300 for the school .", nlp) == [(300, "GBP", None)]
    assert _triples("# 750 is a fair price for a second-hand car .", nlp) == [(750, "GBP", None)]


def test_a_number_before_a_size_noun_is_a_modifier(nlp):
    assert amounts_of(nlp, "The charity opened a 60 bed clinic in the town .") == []
    # control: a singular noun in a compound before a plural noun leaves the plural counted
    assert _triples("Engineers are drilling two relief wells near the rig .", nlp) == [(2, "wells", None)]


@pytest.mark.parametrize("text, value, qualifier", [
    ("A quarter of the dead were aid workers .", 0.25, None),
    ("Nearly half of voters backed the plan in the poll .", 0.5, "nearly"),
    ("The company has lost about a third of its value since May .", 1 / 3, "about"),
])
def test_a_fraction_of_a_whole_is_a_proportion(nlp, text, value, qualifier):
    out = amounts_of(nlp, text)
    assert len(out) == 1
    assert (out[0]["value"], out[0]["unit"], out[0]["qualifier"], out[0]["kind"]) == (
        pytest.approx(value, abs=1e-6), "proportion", qualifier, None)


def test_a_fraction_of_a_measure_keeps_the_measure(nlp):
    assert _triples("The ship was half a mile from the shore when it sank .", nlp) == [(0.5, "mile", None)]


def test_the_other_half_is_a_reference(nlp):
    out = amounts_of(nlp, "Half the crew went ashore while the other half stayed on board .")
    assert [(a["value"], a["unit"]) for a in out] == [(0.5, "proportion")]


def test_a_fraction_and_its_scale(nlp):
    from dateline.extract.amounts import parse_value
    assert parse_value(["a", "million", "and", "a", "half"]) == 1_500_000
    assert parse_value(["a", "million", "and", "half"]) == 1_500_000
    assert parse_value(["a", "thousand", "and", "one"]) == 1001   # control: "and one" still adds
    assert _triples("The tube has drawn off more than half a million gallons so far .", nlp) == [
        (500_000, "gallons", "more than")]
    out = amounts_of(nlp, "Around 70,000 villagers died , and a quarter of a million were hurt in the storm .")
    assert the_amount(out, 250_000)["kind"] == "injured"
    assert all(a["value"] != 1_000_000 for a in out)


def test_the_high_end_the_tagger_left_out_joins_the_range(nlp):
    out = amounts_of(nlp, "Satellite images show that 3 million to 4 million gallons had leaked by May .")
    assert [(a["low"], a["high"], a["unit"]) for a in out] == [(3_000_000, 4_000_000, "gallons")]


def _tagged(nlp, text: str, *tagged: str) -> list[dict]:
    """The amounts of ``text`` when the tagger marks only the given numbers (pairs of text and
    label) as entities, as it does in some real articles: the tagging is the input the rule is about."""
    import datetime as dt

    from spacy.tokens import Span

    from dateline.extract import run_extractors

    doc = nlp(text)
    ents = []
    for number, label in zip(tagged[::2], tagged[1::2]):
        start = text.index(number)
        span = doc.char_span(start, start + len(number))
        ents.append(Span(doc, span.start, span.end, label=label))
    doc.ents = ents
    return run_extractors(doc, dt.date(2020, 1, 1), only=("amounts",), text=text)["amounts"]


def test_a_range_tagged_as_a_quantity_with_no_measure_is_a_count(nlp):
    out = _tagged(nlp, "Officials said the death toll was likely to be between 20,000 and 30,000 .",
                  "between 20,000 and 30,000", "QUANTITY")
    assert [(a["low"], a["high"], a["unit"], a["kind"]) for a in out] == [(20000, 30000, "deaths", "killed")]
    out = _tagged(nlp, "He said the number of dead could be `` between 20,000 and 30,000 '' .",
                  "between 20,000 and 30,000 ''", "QUANTITY")
    assert [(a["text"], a["unit"], a["kind"]) for a in out] == [("between 20,000 and 30,000", "people", "killed")]
    # control: a quantity that names its measure keeps it
    out = _tagged(nlp, "The well leaked between 20,000 and 30,000 barrels .", "between 20,000 and 30,000 barrels",
                  "QUANTITY")
    assert [(a["low"], a["unit"]) for a in out] == [(20000, "barrels")]


def test_a_part_of_a_body_of_people(nlp):
    a = the_amount(amounts_of(nlp, "The agency said 12 of its staff were killed in the blast ."), 12)
    assert (a["unit"], a["kind"]) == ("staff", "killed")
    a = the_amount(amounts_of(nlp, "The mission says up to 40 of its staff are still missing ."), 40)
    assert (a["unit"], a["qualifier"]) == ("staff", "up to")


def test_troop_numbers_raised_by_n(nlp):
    out = amounts_of(nlp, "He will recommend that the council boost troop numbers in the region by 1,200 for six "
                          "months , and police numbers by 600 .")
    assert [(a["value"], a["unit"]) for a in out] == [(1200, "troops"), (600, "police")]


@pytest.mark.parametrize("text, values", [
    ("The tremor measured 6.4 and shook the whole capital .", [6.4]),
    ("It was followed by two aftershocks of 5.2 and 4.9 on the Richter scale .", [2, 5.2, 4.9]),
    ("The quake was felt across the island and reached 6.8 on the scale used for quakes .", [6.8]),
])
def test_the_size_of_a_quake_is_a_magnitude(nlp, text, values):
    out = amounts_of(nlp, text)
    assert [a["value"] for a in out] == values
    assert all(a["unit"] == "magnitude" for a in out if a["value"] != 2)


def test_a_bare_zero_counts_nothing(nlp):
    assert amounts_of(nlp, "The minister said rebuilding would start not from zero but from below zero .") == []


@pytest.mark.parametrize("text", [
    "She moved to Paris with her parents when she was seven .",
    "He turned three on the day the storm hit the island .",
])
def test_the_age_of_a_person_is_no_amount(nlp, text):
    assert amounts_of(nlp, text) == []


def test_a_town_of_n_counts_people(nlp):
    assert _triples("It is a fishing town of 2,000 on the northern coast .", nlp) == [(2000, "people", None)]
    # control: a noun after the number is still the unit
    assert _triples("The town has 1,500 houses along the river .", nlp) == [(1500, "houses", None)]


def test_the_old_size_before_to_takes_the_unit_of_the_new(nlp):
    out = _tagged(nlp, "Officials raised their estimate of the size of the leak , from 2,000 to 8,000 barrels a day .",
                  "2,000", "CARDINAL", "8,000 barrels", "QUANTITY")
    assert [(a["value"], a["unit"]) for a in out] == [(2000, "barrels"), (8000, "barrels")]


def test_degrees_below_zero_are_negative(nlp):
    assert _triples("Overnight the temperature fell to 20 degrees below zero in the valley .", nlp) == [
        (-20, "degrees", None)]


def test_a_bare_low_end_before_to_takes_the_next_unit():
    from dateline.extract.amounts import _low_end_units
    text = "from 2,000 to 8,000 barrels a day ; 40 and 50 tonnes"
    amounts = [{"start": 5, "end": 10, "sentence": 0, "unit": None, "kind": None, "_bare": True},
               {"start": 14, "end": 27, "sentence": 0, "unit": "barrels", "kind": None},
               {"start": 36, "end": 38, "sentence": 0, "unit": None, "kind": None, "_bare": True},
               {"start": 43, "end": 52, "sentence": 0, "unit": "tonnes", "kind": None}]
    _low_end_units(amounts, text)
    assert [a["unit"] for a in amounts] == ["barrels", "barrels", None, "tonnes"]   # "and" joins no old and new size
    assert "_bare" not in amounts[0] and amounts[2]["_bare"]


def test_pounds_of_a_thing_are_a_weight(nlp):
    out = amounts_of(nlp, "Ten pounds of the powder can absorb about 40 pounds of crude , the engineer said .")
    assert [(a["value"], a["unit"]) for a in out] == [(10, "pounds"), (40, "pounds")]
    # control: pounds of money, and pounds off a value, stay sterling
    out = amounts_of(nlp, "The council wasted millions of pounds of taxpayers money on the scheme .")
    assert [(a["value"], a["unit"]) for a in out] == [(2_000_000, "GBP")]
    out = amounts_of(nlp, "That is tens of billions of pounds off the value of pension funds .")
    assert [(a["value"], a["unit"]) for a in out] == [(20_000_000_000, "GBP")]


def test_a_range_cut_after_to_takes_its_percent(nlp):
    out = _tagged(nlp, "What the boats collect is usually only 10 to 15 percent oil .", "only 10 to", "CARDINAL")
    assert [(a["low"], a["high"], a["unit"], a["qualifier"]) for a in out] == [(10, 15, "percent", "only")]


def test_per_cent_left_out_of_the_entity_is_percent(nlp):
    out = amounts_of(nlp, "Wages in the poorest region dropped by about 1 per cent over the year .")
    assert [(a["value"], a["unit"], a["qualifier"]) for a in out] == [(1, "percent", "about")]


def test_a_unit_abbreviation_before_a_noun_stays_a_measure(nlp):
    # control for the size nouns: "100m route" is 100 metres, not a modifier to drop
    assert _triples("He went astray on the short 100m path from the station .", nlp) == [(100, "m", None)]


def test_a_hash_after_a_seller_is_a_price(nlp):
    out = _tagged(nlp, "The Long Road , Faber & Faber # 20 , pp 310 , is out now .", "Faber & Faber", "ORG", "20", "MONEY")
    assert [(a["value"], a["unit"]) for a in out] == [(20, "GBP")]


def test_number_one_is_a_rank(nlp):
    assert amounts_of(nlp, "The mayor called the flooding his council 's `` number one priority '' .") == []
    # control: "a number of" is no rank, and the count after it stays
    assert _triples("A number of residents said 40 homes were flooded .", nlp) == [(40, "homes", None)]


def test_a_tokenised_m_before_a_plural_noun_is_millions(nlp):
    # "4.9m barrels" split by the tokenizer: millions of barrels, not metres
    assert _triples("An estimated 4.9 m barrels spilled from the damaged tanker .", nlp) == [
        (4_900_000, "barrels", "estimated")]
    # control: metres, which no plural noun follows
    assert _triples("The wall is 2.4 m high .", nlp) == [(2.4, "m", None)]
