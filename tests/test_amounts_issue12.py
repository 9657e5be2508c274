"""Amounts (issue 12, second round): a count before a hyphened size, a counted word cut
at its hyphen, a hedge given again in brackets, fractions. Every sentence is our own."""

from dateline_testing import amounts_of, the_amount


def test_count_before_a_hyphened_size_counts_the_things(nlp):
    out = amounts_of(nlp, "Workers put up 30 nine-feet posts along the road.")
    assert [(a["value"], a["unit"]) for a in out] == [(30, "posts")]


def test_counted_word_cut_at_its_hyphen_is_whole_in_the_text(nlp):
    text = "Officials said 20 co-workers were detained at the depot."
    a = the_amount(amounts_of(nlp, text), 20)
    assert (a["text"], a["unit"]) == ("20 co-workers", "co-workers")
    assert text[a["start"]:a["end"]] == a["text"]


def test_hedge_carries_into_a_converted_measure_in_brackets(nlp):
    out = amounts_of(nlp, "The rebels were about 80 kilometers (50 miles) from the capital.")
    assert (the_amount(out, 50)["unit"], the_amount(out, 50)["qualifier"]) == ("miles", "about")
    assert the_amount(out, 80)["qualifier"] == "about"
    # A plain measure keeps no hedge from an earlier, unrelated one.
    out = amounts_of(nlp, "The convoy stopped about 30 kilometers south of the town, and 12 miles (19 km) further on.")
    assert the_amount(out, 19)["qualifier"] is None


def test_hedge_carries_into_a_converted_sum_in_brackets(nlp):
    out = amounts_of(nlp, "The deal is worth nearly $30m (£19m) a year.")
    assert (the_amount(out, 19_000_000)["unit"], the_amount(out, 19_000_000)["qualifier"]) == ("GBP", "nearly")


def test_fraction_of_a_common_noun_is_a_proportion_of_it(nlp):
    # a share of a whole is a proportion, as "one in five" is (issue 12, seed-91/94 judges)
    out = amounts_of(nlp, "Nearly one-fifth of the province is under water.")
    a = the_amount(out, 0.2)
    assert (a["unit"], a["qualifier"]) == ("proportion", "nearly")


def test_fraction_as_a_degree_is_no_amount(nlp):
    assert amounts_of(nlp, "The guard was half asleep when the shelling began.") == []
