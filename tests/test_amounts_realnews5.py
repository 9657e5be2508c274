"""Amounts on real news, fifth set (issue 12, the seed-317/318 blind judge and the seed-330s
round): hedges written around a number, an old and a new figure that are no range, list
bullets rendered "cents", scale steps and school year groups, live-page time stamps, and a
scale counted twice. Every sentence is our own; controls of the same shape ride along."""

import pytest

from dateline_testing import amounts_of


def _triples(text: str, nlp) -> list[tuple]:
    return [(a["value"], a["unit"], a["qualifier"]) for a in amounts_of(nlp, text)]


@pytest.mark.parametrize("text, triple", [
    ("Volunteers counted a little over 2,000 dead seabirds on the beaches .", (2000, "seabirds", "more than")),
    ("The fund pays out on claims larger than $ 2,000 each .", (2000, "USD", "more than")),
    ("Officials put the toll in the region of 150,000 .", (150000, "deaths", "about")),
    ("Perhaps 9,000 visitors came to the fair on Sunday .", (9000, "visitors", "about")),
    ("The lab can test a maximum of 800 samples a day .", (800, "samples", "up to")),
    ("The tally stood just shy of 68 million gallons by July .", (68000000, "gallons", "nearly")),
    ("Please keep your reply to 140 characters or less .", (140, "characters", "up to")),
    # the seed-392 judge: "or so" the tagger took into the number, "or more" after "a dozen"
    ("She spoke at a meeting for 40 or so farmers who had come to the hall .", (40, "farmers", "about")),
    ("The navy sent a dozen or more boats from other ports .", (12, "boats", "at least")),
])
def test_hedges_written_around_the_number_are_kept(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


@pytest.mark.parametrize("text, triple", [
    ("The repair bill could exceed $ 500m , one analyst said .", (500000000, "USD", "more than")),
    ("The number of infections in the county has already topped 1,000 .", (1000, "infections", "more than")),
    ("As confirmed cases in Norway pass 300 , ministers met again .", (300, "cases", "more than")),
    # a verb of motion and "past" or "beyond" (the seed-361 judge: "past 90 percent")
    ("Turnout in the north rose past 90 percent on Sunday .", (90, "percent", "more than")),
    ("The toll climbed beyond 5,000 by Friday .", (5000, "deaths", "more than")),
])
def test_a_number_a_verb_goes_beyond_is_a_lower_bound(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


def test_the_past_years_are_no_hedge(nlp):
    assert [a["qualifier"] for a in amounts_of(nlp, "In the past 10 years , 300 people died .")
            if a["value"] == 300] == [None]


def test_passing_a_count_of_things_is_no_hedge(nlp):
    assert _triples("Parliament passed two laws on Monday .", nlp) == [(2, "laws", None)]


def test_a_perhaps_before_a_vague_plural_keeps_its_smallest_value(nlp):
    assert _triples("Perhaps hundreds of houses were flooded overnight .", nlp) == [(200, "houses", "at least")]


def test_more_than_a_figure_named_with_the_is_a_comparison(nlp):
    text = "That is slightly more than the 40 percent who backed the plan last spring ."
    assert _triples(text, nlp) == [(40, "percent", None)]


def test_a_falling_figure_from_one_value_to_another_is_two_values(nlp):
    text = "The ministry revised its death toll from the outbreak from 176 to 101 ."
    amounts = amounts_of(nlp, text)
    assert [(a["value"], a["unit"]) for a in amounts] == [(176, "deaths"), (101, "deaths")]
    assert all("low" not in a for a in amounts)


def test_a_change_verb_splits_an_estimate_and_the_old_size_takes_the_unit(nlp):
    text = "The ministry updated its count of the spill from 2,000 to 6,000 barrels daily ."
    assert _triples(text, nlp) == [(2000, "barrels", None), (6000, "barrels", None)]


@pytest.mark.parametrize("text, low, high, unit", [
    ("Rainfall ranged from 10 to 30 millimetres in the hills .", 10, 30, "millimetres"),
    ("Analysts value the two refineries at between $ 2bn and $ 4bn .", 2_000_000_000, 4_000_000_000, "USD"),
])
def test_ranges_stay_one_amount(nlp, text, low, high, unit):
    rng = [a for a in amounts_of(nlp, text) if "low" in a]
    assert [(a["low"], a["high"], a["unit"]) for a in rng] == [(low, high, unit)]


def test_years_of_an_era_from_high_to_low_are_no_amounts(nlp):
    assert amounts_of(nlp, "The king reigned from 604 to 562 BC and built a famous garden .") == []


def test_cents_as_a_list_bullet_is_no_money(nlp):
    amounts = amounts_of(nlp, "Flu latest cents Ferry cases pass 200 cents Schools told to stay open")
    assert amounts == []   # no money; and 200 names no unit of its own, so it is not stored


def test_cents_before_a_lowercase_word_stay_money(nlp):
    assert _triples("Petrol now costs 82 cents a litre in the region .", nlp) == [(0.82, "USD", None)]


@pytest.mark.parametrize("text", [
    "The WHO said it was lifting its pandemic alert to phase five from four , a senior official said .",
    "Officials did not plan to raise the alert to the highest level , six , if cases kept falling .",
    "The school said all year 9 pupils would be offered the drug .",
    "Before we begin another day of live coverage , a word or two on why we do it .",
    "2043 :",
])
def test_scale_steps_year_groups_set_phrases_and_time_stamps_are_no_amounts(nlp, text):
    assert amounts_of(nlp, text) == []


def test_four_figures_is_an_idiom_of_size(nlp):
    text = "With the number of cases hitting four figures in three countries , the move was expected ."
    assert _triples(text, nlp) == [(3, "countries", None)]


def test_a_scale_written_onto_the_number_counts_once(nlp):
    assert _triples("The tanker spilled 23m barrels of crude over the winter .", nlp) == [(23_000_000, "barrels", None)]


def test_sq_before_a_measure_is_square(nlp):
    assert _triples("The slick now covers about 2,000 sq miles of sea .", nlp) == [(2000, "square miles", "about")]


@pytest.mark.parametrize("text, triple", [
    ("The mayor is in talks about handing over 100,000 doses of the vaccine to the clinics .", (100000, "doses", None)),
    ("The town has over 300 shelters .", (300, "shelters", "more than")),
])
def test_over_as_the_particle_of_a_verb_is_no_hedge(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


@pytest.mark.parametrize("text, triple", [
    # the tagger takes "as high as" for the whole number and leaves the figure after it out
    ("Flow could be as high as 95,000 barrels a day .", (95000, "barrels", "up to")),
    ("Waves as high as 14 feet could halt the work .", (14, "feet", "up to")),
    ("The bill could come to as little as $ 2 billion .", (2000000000, "USD", "at least")),
    ("The plan put costs as low as $ 2 billion on Monday .", (2000000000, "USD", "at least")),
])
def test_a_hedge_tagged_alone_takes_the_number_after_it(nlp, text, triple):
    assert _triples(text, nlp) == [triple]


def test_a_bracketed_conversion_whose_unit_was_left_out_takes_no_unit_of_another(nlp):
    # the tagger leaves out the "m" of "(2.1 m)": that is no count of feet
    out = amounts_of(nlp, "Visitors were told to keep at least seven feet (2.1 m) from other people.")
    assert [(a["value"], a["unit"]) for a in out] == [(7, "feet"), (2.1, "m")]
    # a word after the bracketed number is no unit: the count still counts deaths
    out = amounts_of(nlp, "Chile : 88 estimated deaths ( 20 confirmed ) , 400 confirmed cases .")
    assert [(a["value"], a["unit"]) for a in out][:2] == [(88, "deaths"), (20, "deaths")]
