"""Amounts on the shapes real news takes (issue 12): units left out, list numbers,
codes, hyphenated modifiers, indefinite "one", "or" ranges, currencies written
apart from their numbers. Every sentence is our own."""

from dateline_testing import amounts_of, the_amount


def test_elided_unit_taken_from_the_earlier_count(nlp):
    out = amounts_of(nlp, "Medics said nine villagers were killed and 40 were wounded in the raid.")
    assert (the_amount(out, 40)["unit"], the_amount(out, 40)["kind"]) == ("villagers", "injured")


def test_elided_unit_of_the_dead_is_people(nlp):
    out = amounts_of(nlp, "Monitors say more than 4,000 have died since the spring.")
    a = the_amount(out, 4000)
    assert (a["unit"], a["qualifier"], a["kind"]) == ("people", "more than", "killed")


def test_partitive_count_takes_the_noun_after_of(nlp):
    out = amounts_of(nlp, "About 300 of the 2,000 workers went on strike.")
    assert (the_amount(out, 300)["unit"], the_amount(out, 300)["text"]) == ("workers", "About 300")


def test_death_toll_figure_counts_deaths(nlp):
    out = amounts_of(nlp, "The governor put the death toll at 1,200 on Tuesday.")
    assert (the_amount(out, 1200)["unit"], the_amount(out, 1200)["kind"]) == ("deaths", "killed")


def test_bare_number_without_a_stated_unit_is_not_stored(nlp):
    # what 250 counts is never said: no amount (issue 12: a number without its unit is no fact)
    assert amounts_of(nlp, "The ministry hopes to raise the figure to 250 by June.") == []


def test_list_item_numbers_are_notamounts_of(nlp):
    text = ("The plan asks the army to pull back from the towns 3. Free all prisoners 4. "
            "Here are two options: 1) Talk to the rebels.")
    out = amounts_of(nlp, text)
    assert [a["value"] for a in out] == [2]


def test_hyphenated_modifier_counts_nothing(nlp):
    assert amounts_of(nlp, "The envoy presented his six-point plan to the council.") == []


def test_fraction_with_hyphen_is_kept(nlp):
    out = amounts_of(nlp, "Nearly two-thirds of the fishing fleet stayed in port.")
    assert out and out[0]["qualifier"] == "nearly"


def test_indefinite_one_is_not_a_count(nlp):
    assert amounts_of(nlp, "One resident told reporters the streets were empty.") == []


def test_one_dead_is_a_count(nlp):
    out = amounts_of(nlp, "At least one guard was killed, and one soldier was dead by nightfall.")
    assert [a["kind"] for a in out] == ["killed", "killed"]


def test_phone_number_and_rank_are_notamounts_of(nlp):
    assert amounts_of(nlp, "Donors can call 0845 40 40 300 to give.") == []
    assert amounts_of(nlp, "A top 10 shareholder sold his stake.") == []


def test_or_between_close_numbers_is_a_range(nlp):
    out = amounts_of(nlp, "Families leave in groups of 20 or 30 people.")
    assert (out[0]["low"], out[0]["high"], out[0]["value"], out[0]["unit"]) == (20, 30, 20, "people")


def test_same_amount_in_two_units_is_not_a_range(nlp):
    out = amounts_of(nlp, "The tank held 500,000 gallons or 2 million litres of fuel.")
    assert all("low" not in a for a in out)
    assert the_amount(out, 2_000_000)["unit"] == "litres"


def test_falling_to_is_two_figures(nlp):
    out = amounts_of(nlp, "Voters backed the plan by a 61 % to 39 % margin.")
    assert [(a["value"], a["unit"], "low" in a) for a in out] == [(61, "percent", False), (39, "percent", False)]


def test_currency_sign_written_apart(nlp):
    out = amounts_of(nlp, "The shares closed at $ 41.25 on Monday.")
    assert the_amount(out, 41.25)["unit"] == "USD"


def test_hash_is_the_pound_sign(nlp):
    out = amounts_of(nlp, "The charity has raised # 45,000 for the appeal.")
    assert the_amount(out, 45_000)["unit"] == "GBP"


def test_scale_and_currency_after_the_number(nlp):
    out = amounts_of(nlp, "The commission will give 240m euros to the region.")
    assert (the_amount(out, 240_000_000)["unit"], the_amount(out, 240_000_000)["text"]) == ("EUR", "240m euros")
    out = amounts_of(nlp, "Aid to the region now stands at $ 64m.")
    assert the_amount(out, 64_000_000)["unit"] == "USD"


def test_unit_keeps_its_measure_adjective(nlp):
    out = amounts_of(nlp, "The field holds 30 trillion cubic feet of gas, 12 nautical miles off the coast.")
    assert the_amount(out, 30e12)["unit"] == "cubic feet"
    assert the_amount(out, 12)["unit"] == "nautical miles"


def test_earthquake_magnitude(nlp):
    out = amounts_of(nlp, "A magnitude 6.1 earthquake shook the island at dawn.")
    assert the_amount(out, 6.1)["unit"] == "magnitude"


def test_subject_of_active_kill_is_not_killed(nlp):
    out = amounts_of(nlp, "Three rockets killed 14 people in the market.")
    assert the_amount(out, 3)["kind"] is None
    assert the_amount(out, 14)["kind"] == "killed"


def test_hedges_as_high_as_and_below(nlp):
    out = amounts_of(nlp, "Estimates of the crowd went as high as 90,000 people.")
    assert the_amount(out, 90_000)["qualifier"] == "up to"
    out = amounts_of(nlp, "Petrol stayed below $ 3 a gallon.")
    assert the_amount(out, 3)["qualifier"] == "less than"


def test_several_thousand_and_a_few_miles(nlp):
    out = amounts_of(nlp, "Several thousand farmers marched on the capital.")
    assert (the_amount(out, 3000)["qualifier"], the_amount(out, 3000)["unit"]) == ("at least", "farmers")
    assert amounts_of(nlp, "The convoy stopped a few miles from the border.") == []


def test_clock_times_and_days_are_notamounts_of(nlp):
    text = "Posted 14 March 2011 09.45 GMT. The 30 marchers set off at noon."
    out = amounts_of(nlp, text)
    assert [(a["value"], a["unit"]) for a in out] == [(30, "marchers")]


def test_numbers_in_brackets_number_a_list(nlp):
    out = amounts_of(nlp, "The report found that (1) most of the 40 wells leaked and (2) nobody checked.")
    assert [a["value"] for a in out] == [40]


def test_noun_named_before_the_number(nlp):
    out = amounts_of(nlp, "The mission will increase its monitors in the region to 250.")
    assert the_amount(out, 250)["unit"] == "monitors"
    out = amounts_of(nlp, "The number of refugees rose to 9,000 by Friday.")
    assert the_amount(out, 9000)["unit"] == "refugees"


def test_population_of_counts_people(nlp):
    out = amounts_of(nlp, "The town has a population of 600,000.")
    assert the_amount(out, 600_000)["unit"] == "people"


def test_others_take_the_unit_of_the_sentence(nlp):
    out = amounts_of(nlp, "Two soldiers died and at least four others were wounded in the ambush.")
    a = the_amount(out, 4)
    assert (a["unit"], a["kind"], a["text"]) == ("soldiers", "injured", "at least four others")
    out = amounts_of(nlp, "Medics said 12 others were hurt when the roof fell in.")
    assert (the_amount(out, 12)["unit"], the_amount(out, 12)["kind"]) == ("people", "injured")


def test_coordinated_numbers_are_twoamounts_of(nlp):
    out = amounts_of(nlp, "Rescuers pulled 90 and 72 survivors from the wrecks.")
    assert [(a["value"], a["unit"]) for a in out] == [(90, "survivors"), (72, "survivors")]
    out = amounts_of(nlp, "The boats held 120 and 85 migrants.")
    assert [(a["value"], a["unit"]) for a in out] == [(120, "migrants"), (85, "migrants")]
    out = amounts_of(nlp, "Some two hundred and fifty families were moved.")
    assert [(a["value"], a["unit"]) for a in out] == [(250, "families")]


def test_in_their_thousands_is_an_idiom(nlp):
    assert amounts_of(nlp, "Supporters came out in their thousands to greet him.") == []


def test_cents_and_pence_are_scaled_money(nlp):
    out = amounts_of(nlp, "A stamp now costs 64 cents, up from 400 pence last year.")
    assert [(a["value"], a["unit"]) for a in out] == [(0.64, "USD"), (4, "GBP")]


def test_one_new_case_is_a_count(nlp):
    out = amounts_of(nlp, "The clinic records one new case every day.")
    assert [(a["value"], a["unit"]) for a in out] == [(1, "case")]
    assert amounts_of(nlp, "One man told the BBC he saw nothing.") == []


def test_hyphened_size_of_a_group_or_a_measure_is_an_amount(nlp):
    out = amounts_of(nlp, "A four-man team arrived in the city with a 300-page report.")
    assert [(a["text"], a["value"], a["unit"]) for a in out] == [("four-man", 4, "people")]
    out = amounts_of(nlp, "The army sent a 4,000-strong force and set up a 12-mile exclusion zone.")
    assert [(a["value"], a["unit"]) for a in out] == [(4000, "people"), (12, "miles")]
    out = amounts_of(nlp, "The seven-member panel met on Monday.")
    assert [(a["value"], a["unit"]) for a in out] == [(7, "members")]


def test_toll_as_subject_of_the_verb_before_the_number(nlp):
    out = amounts_of(nlp, "The death toll from the fighting between police and gunmen in the old town stands at 90 over four days.")
    assert (the_amount(out, 90)["unit"], the_amount(out, 90)["kind"]) == ("deaths", "killed")


def test_place_of_a_killing_is_not_killed(nlp):
    out = amounts_of(nlp, "Two people were killed in one building, and the rest of the street emptied.")
    assert [(a["value"], a["kind"]) for a in out] == [(2, "killed")]
    out = amounts_of(nlp, "The death of 30 people shocked the town.")
    assert the_amount(out, 30)["kind"] == "killed"


def test_torn_in_half_is_no_amount(nlp):
    assert amounts_of(nlp, "The boy's body was torn in half by the blast.") == []


def test_count_noun_sized_by_a_verb_before_the_number(nlp):
    out = amounts_of(nlp, "The island's population, which numbers fewer than 9,000, was overwhelmed by the arrivals.")
    assert (the_amount(out, 9000)["unit"], the_amount(out, 9000)["qualifier"]) == ("people", "less than")
    out = amounts_of(nlp, "The town has a population that totals about 4,500.")
    assert the_amount(out, 4500)["unit"] == "people"
    out = amounts_of(nlp, "Arrivals now outnumber the small population of the port, which totals about 3,000.")
    assert the_amount(out, 3000)["unit"] == "people"


def test_whole_of_a_figure_out_of_takes_its_unit(nlp):
    out = amounts_of(nlp, "In the north the water supply is cut off 10 hours out of 24.")
    assert the_amount(out, 24)["unit"] == "hours"
    out = amounts_of(nlp, "Some 20 out of 50 villages had no power.")
    assert the_amount(out, 20)["unit"] == "villages"


def test_or_range_shares_the_scale_of_its_high_end(nlp):
    out = amounts_of(nlp, "Aid groups say seven or eight million Yemenis need food.")
    assert len(out) == 1
    assert (out[0]["low"], out[0]["high"], out[0]["unit"]) == (7000000, 8000000, "Yemenis")


def test_capacity_of_a_thing_is_no_count_of_people(nlp):
    assert amounts_of(nlp, "Families were sleeping in a 12-person tent near the border.") == []
    out = amounts_of(nlp, "A 20-person reconnaissance team arrived.")
    assert (the_amount(out, 20)["unit"], the_amount(out, 20)["text"]) == ("people", "20-person")


def test_alternatives_joined_by_or_are_not_added_up(nlp) -> None:
    # "10 billion or 100 billion" is a choice between two figures: never 110 billion
    out = amounts_of(nlp, "The bridge could cost 10 billion or 100 billion dollars.")
    assert [a["value"] for a in out] == [10_000_000_000]


def test_a_figure_then_a_hyphened_number_word_are_two_numbers(nlp) -> None:
    # "300 eight-person tents" is 300 tents, not 308
    out = amounts_of(nlp, "Volunteers put up 300 eight-person tents near the stadium.")
    assert 308 not in [a["value"] for a in out]
    assert out and out[0]["value"] == 300


def test_a_percentage_of_certainty_is_no_amount(nlp) -> None:
    # "100 % sure" is a degree of conviction; "40 percent of voters" is a quantity
    assert amounts_of(nlp, 'The minister said he was "100 % sure" that the convoy had crossed.') == []
    out = amounts_of(nlp, "The envoy was 100 percent certain of it, but 40 percent of voters disagreed.")
    assert [(a["value"], a["unit"]) for a in out] == [(40, "percent")]


def test_a_number_inside_a_name_is_no_amount(nlp) -> None:
    assert amounts_of(nlp, "Speakers at the rally praised the 13 Colonies for their courage.") == []
    assert amounts_of(nlp, "Leaders of the Group of 20 met in the capital on Friday.") == []
    # a people's name after the number is what is counted
    out = amounts_of(nlp, "Police held the 12 Libyans overnight.")
    assert (the_amount(out, 12)["unit"]) == "Libyans"


def test_a_tally_named_before_the_figure_gives_its_unit(nlp) -> None:
    out = amounts_of(nlp, "Analysts counted the number of casualties, put in the hundreds in the port city.")
    assert (the_amount(out, 200)["unit"], the_amount(out, 200)["qualifier"]) == ("casualties", "at least")
    out = amounts_of(nlp, "The number of displaced families rose by 2,000 in a single week.")
    assert the_amount(out, 2000)["unit"] == "families"


def test_vague_count_of_the_arrested_counts_people(nlp) -> None:
    out = amounts_of(nlp, "Monitors say tens of thousands arrested since the spring were never charged.")
    a = the_amount(out, 20000)
    assert (a["unit"], a["kind"], a["qualifier"]) == ("people", "arrested", "at least")


def test_the_other_two_is_a_reference_not_a_count(nlp) -> None:
    assert amounts_of(nlp, "She met the first man, and then the other two arrived by car.") == []


def test_or_range_after_a_qualifier_keeps_both_ends(nlp) -> None:
    out = amounts_of(nlp, "Witnesses saw at least four or five armoured trucks near the bridge.")
    assert [(a["value"], a["low"], a["high"], a["unit"], a["qualifier"]) for a in out] == [
        (4, 4, 5, "trucks", "at least")]


def test_headline_count_of_the_dead_counts_people(nlp) -> None:
    out = amounts_of(nlp, "At least nine dead , 30 wounded in bus station attack , police say")
    a = the_amount(out, 9)
    assert (a["unit"], a["kind"], a["qualifier"]) == ("people", "killed", "at least")


def test_hyphened_cents_are_money(nlp) -> None:
    out = amounts_of(nlp, "The price jumped by a 45-cent rise last week.")
    assert [(a["value"], a["unit"]) for a in out] == [(0.45, "USD")]


def test_a_part_of_those_killed_counts_people(nlp) -> None:
    out = amounts_of(nlp, "Forty-four of those killed came from two villages, monitors said.")
    a = the_amount(out, 44)
    assert (a["unit"], a["kind"]) == ("people", "killed")


def test_a_range_after_a_death_toll_counts_deaths(nlp) -> None:
    out = amounts_of(nlp, "Guesses at the toll run from more than 1,200 to as many as 2,500 .")
    assert [(a["low"], a["high"], a["unit"], a["qualifier"]) for a in out] == [(1200, 2500, "deaths", "more than")]


def test_fraction_words_divide_not_add():
    from dateline.extract.amounts import parse_value
    assert parse_value(["two-thirds"]) == 2 / 3
    assert parse_value(["one", "half"]) == 0.5
    assert parse_value(["three", "-", "quarters"]) == 0.75
    assert parse_value(["a", "quarter", "of", "a", "million"]) == 250_000
    assert parse_value(["two", "and", "a", "half", "million"]) == 2_500_000   # "and a half" still adds


def test_fraction_amount_value(nlp):
    out = amounts_of(nlp, "The floods covered nearly one-fifth of the province last year.")
    assert [(a["value"], a["qualifier"]) for a in out] == [(0.2, "nearly")]


def test_entity_that_takes_in_its_noun_keeps_the_noun_as_unit(nlp):
    # the tagger marks "about 700 mortars" as one entity: the unit is still the noun
    out = amounts_of(nlp, "Before the war , the army had about 700 mortars and 1,300 pieces of artillery .")
    assert (the_amount(out, 700)["unit"], the_amount(out, 700)["qualifier"]) == ("mortars", "about")


def test_measure_is_not_borrowed_by_a_bare_count(nlp):
    out = amounts_of(nlp, "A village about 40 km -LRB- 25 miles -RRB- north of the capital said that "
                          "roughly 2,500 stayed in the square through the night .")
    # a distance is no count of people; the subject of "stayed" is people (a human_verb)
    assert the_amount(out, 2500)["unit"] == "people"


def test_bucks_are_dollars(nlp):
    out = amounts_of(nlp, "He said he 'd leave 20 bucks for the driver .")
    assert (the_amount(out, 20)["unit"]) == "USD"


def test_vague_plurals_joined_by_of_multiply(nlp):
    out = amounts_of(nlp, "The war has cost hundreds of billions of dollars so far .")
    assert [(a["value"], a["unit"], a["qualifier"]) for a in out] == [(200e9, "USD", "at least")]
    out = amounts_of(nlp, "Tens of billions of euros were lost .")
    assert [(a["value"], a["unit"]) for a in out] == [(20e9, "EUR")]


def test_a_country_pound_or_dinar_is_its_own_currency(nlp):
    assert [a["unit"] for a in amounts_of(nlp, "A loaf now costs 40 Syrian pounds in the city .")] == ["SYP"]
    assert [a["unit"] for a in amounts_of(nlp, "Each family will receive 300 Libyan dinars from the state .")] == ["LYD"]
    # a weight in pounds is no money
    assert [a["unit"] for a in amounts_of(nlp, "The drones drop bombs weighing up to 500 pounds .")] == ["pounds"]


def test_a_bare_number_before_dead_or_injured_counts_people(nlp):
    out = amounts_of(nlp, "The clashes left 25 dead and more than 150 injured on Sunday .")
    assert [(a["value"], a["unit"], a["kind"]) for a in out] == [(25, "people", "killed"), (150, "people", "injured")]


def test_others_without_an_earlier_count_are_people(nlp):
    out = amounts_of(nlp, "She was evacuated along with about 600 others on a ferry .")
    assert [(a["value"], a["unit"]) for a in out] == [(600, "people")]


def test_unit_abbreviation_written_onto_the_number(nlp):
    out = amounts_of(nlp, "Gunmen hit a 20cm-wide (8in) water pipe near the town .")
    assert (the_amount(out, 8)["unit"], the_amount(out, 8)["text"]) == ("inches", "8in")


def test_one_side_of_a_vote_tally_is_no_amount(nlp):
    assert amounts_of(nlp, "The bill was defeated 123-295 in the House .") == []


def test_a_range_cut_at_its_dash_is_joined(nlp):
    out = amounts_of(nlp, "Monitors said 60-70 army deserters were shot near the village .")
    assert [(a["low"], a["high"], a["unit"]) for a in out] == [(60, 70, "deserters")]


def test_a_range_with_the_zeros_left_off_its_low_end(nlp):
    out = amounts_of(nlp, "The camp takes in 3 to 4,000 refugees a day .")
    assert [(a["value"], a["low"], a["high"]) for a in out] == [(3000, 3000, 4000)]
    out = amounts_of(nlp, "They will move the first 5-600 refugees into the new camp .")
    assert [(a["low"], a["high"], a["unit"]) for a in out] == [(500, 600, "refugees")]


def test_near_before_a_number_is_a_hedge(nlp):
    out = amounts_of(nlp, "The camp now holds near 31,000 refugees .")
    assert [(a["value"], a["qualifier"]) for a in out] == [(31000, "nearly")]


def test_one_amount_in_two_units_across_a_slash_is_two_amounts(nlp):
    out = amounts_of(nlp, "The leak spilled 1,200 barrels (50,400 gallons\\/190,000 liters) a day .")
    assert [(a["value"], a["unit"]) for a in out] == [(1200, "barrels"), (50400, "gallons"), (190000, "liters")]


def test_a_decimal_point_set_apart_and_a_second_figure_are_not_summed():
    from dateline.extract.amounts import parse_value
    assert parse_value(["3", ".2", "million"]) == 3_200_000
    assert parse_value(["18,000", "foot", "depth", "below", "5000"]) == 18_000
    assert parse_value(["840,000", "and", "1.7", "million"]) == 840_000
    assert parse_value(["two", "hundred", "and", "fifty"]) == 250


def test_two_figures_with_their_unit_written_twice(nlp):
    out = amounts_of(nlp, "Water tested 42 miles and 162 miles off the coast showed no oil .")
    assert [(a["value"], a["unit"]) for a in out] == [(42, "miles"), (162, "miles")]


def test_a_dollar_range_with_the_sign_on_both_ends(nlp):
    out = amounts_of(nlp, "Costs could reach $ 3 - $ 6 billion this year .")
    assert [(a["low"], a["high"], a["unit"]) for a in out] == [(3e9, 6e9, "USD")]


def test_a_measure_before_the_noun_is_the_unit(nlp):
    out = amounts_of(nlp, "A 1.5 litre bottle of water now costs a lot .")
    assert [(a["value"], a["unit"]) for a in out] == [(1.5, "litres")]
    # "member" is no measure: the states are counted
    out = amounts_of(nlp, "The league has 22 member states across the region .")
    assert [(a["value"], a["unit"]) for a in out] == [(22, "states")]


def test_numbered_items_and_set_phrases_are_no_amounts(nlp):
    assert amounts_of(nlp, "Its top goals : # 1 Oil spill cleanup ; # 2 Wildlife .") == []
    assert amounts_of(nlp, "The appeal reached victims half a world away .") == []
    assert amounts_of(nlp, "Critics said the reforms were half measures .") == []


def test_n_more_noun_counts_the_noun(nlp):
    out = amounts_of(nlp, "At least 28 more people were killed in the shelling on Sunday .")
    assert [(a["value"], a["unit"], a["kind"]) for a in out] == [(28, "people", "killed")]


def test_a_number_inside_a_proper_name_is_no_amount(nlp):
    assert amounts_of(nlp, "An Iraqi Mig 21 fighter jet crashed near the border .") == []
    assert amounts_of(nlp, "Snipers in the al-Mezze 86 district opened fire on a funeral .") == []
    # a count after a name's abbreviation is still a count
    out = amounts_of(nlp, "The EU 27 member-states backed the plan .")
    assert [a["value"] for a in out] == [27]


def test_text_speak_and_live_page_times_are_no_amounts(nlp):
    assert amounts_of(nlp, "Went 2 vote w family .") == []
    assert amounts_of(nlp, "2144 Veteran news anchor Jim Brown tells the paper he is leaving .") == []
    assert amounts_of(nlp, "The rescue ended at 1600 local time on Friday .") == []
    assert [a["value"] for a in amounts_of(nlp, "Rebels killed 2 soldiers near the port .")] == [2]


def test_a_number_before_a_singular_noun_counts_nothing(nlp):
    # a count names a plural ("86 districts"); before a singular noun the number is a name or a modifier
    assert amounts_of(nlp, "Last week , shopkeepers in 86 district closed their doors .") == []
    assert amounts_of(nlp, "Rebels welcomed a two star general in the camp .") == []
    # but a singular group noun or measure is counted
    assert [(a["value"], a["unit"]) for a in amounts_of(nlp, "We have 2,000 police in the capital .")] == [(2000, "police")]
    out = amounts_of(nlp, "The island 's nine million population is poor .")
    assert [(a["value"], a["unit"]) for a in out] == [(9_000_000, "people")]
    out = amounts_of(nlp, "A 7.0 earthquake struck the island .")
    assert [(a["value"], a["unit"]) for a in out] == [(7, "magnitude")]


def test_a_tally_put_at_a_number_gives_its_unit(nlp):
    out = amounts_of(nlp, "A rights group puts the number of civilian dead in the province at 9,183 .")
    assert [(a["value"], a["unit"], a["kind"]) for a in out] == [(9183, "people", "killed")]
    out = amounts_of(nlp, "Officials put the number of civilians killed last month at 2,493 .")
    assert [(a["value"], a["unit"], a["kind"]) for a in out] == [(2493, "civilians", "killed")]


def test_about_as_a_preposition_is_no_hedge(nlp):
    out = amounts_of(nlp, "Reporters questioned villagers about two other suspected bombings .")
    assert [(a["value"], a["unit"], a["qualifier"]) for a in out] == [(2, "bombings", None)]
    out = amounts_of(nlp, "They were supported by about 40 vehicles .")
    assert [(a["value"], a["qualifier"]) for a in out] == [(40, "about")]


def test_half_a_noun_counts_the_noun(nlp):
    out = amounts_of(nlp, "He lost half a leg in the blast .")
    assert [(a["value"], a["unit"]) for a in out] == [(0.5, "leg")]


def test_group_of_n_before_its_noun_is_a_name(nlp):
    assert amounts_of(nlp, "The envoy flew to Paris for talks with the Group of 8 foreign ministers .") == []
    out = amounts_of(nlp, "The army of 5,000 soldiers left the town .")
    assert [(a["value"], a["unit"]) for a in out] == [(5000, "soldiers")]


def test_or_so_is_a_hedge_and_multi_million_is_vague(nlp):
    out = amounts_of(nlp, "Most of the town 's 500,000 or so inhabitants fled last year .")
    assert [(a["value"], a["unit"], a["qualifier"]) for a in out] == [(500000, "inhabitants", "about")]
    out = amounts_of(nlp, "The new multi-million-dollar fund was not announced .")
    assert [(a["value"], a["unit"], a["qualifier"]) for a in out] == [(2_000_000, "USD", "at least")]


def test_a_name_between_the_number_and_its_noun_is_not_the_unit(nlp):
    out = amounts_of(nlp, "Four New York Times journalists were released on Monday .")
    assert [(a["value"], a["unit"]) for a in out] == [(4, "journalists")]
    out = amounts_of(nlp, "Seventeen United Nations staff were killed when their office collapsed .")
    assert [(a["value"], a["unit"], a["kind"]) for a in out] == [(17, "staff", "killed")]


def test_one_number_over_coordinated_nouns_counts_them_all(nlp):
    out = amounts_of(nlp, "Soldiers have entered at least nine towns and cities since May .")
    assert [(a["value"], a["unit"]) for a in out] == [(9, "towns and cities")]
    out = amounts_of(nlp, "State television showed dozens of men , women and children walking home .")
    assert [(a["value"], a["unit"]) for a in out] == [(24, "men, women and children")]
    # a noun with its own number is its own amount
    out = amounts_of(nlp, "Jets destroyed five combat planes and two helicopters .")
    assert [(a["value"], a["unit"]) for a in out] == [(5, "planes"), (2, "helicopters")]


def test_the_hedge_next_to_the_number_wins_over_only(nlp):
    out = amounts_of(nlp, "The smallest one they caught was only about two feet long .")
    assert [(a["value"], a["qualifier"]) for a in out] == [(2, "about")]
    out = amounts_of(nlp, "Just over 1,000 people came to the rally .")
    assert [(a["value"], a["qualifier"]) for a in out] == [(1000, "more than")]


def test_n_of_whom_takes_the_unit_of_the_count_it_refers_to(nlp):
    out = amounts_of(nlp, "The plane carried 200 passengers , 30 of whom were children .")
    assert [(a["value"], a["unit"]) for a in out] == [(200, "passengers"), (30, "passengers")]


def test_hyphened_counted_noun_and_spaced_multi_million(nlp):
    out = amounts_of(nlp, "The airport handled 600 take-offs and landings on Friday alone .")
    assert [(a["value"], a["unit"]) for a in out] == [(600, "take-offs and landings")]
    out = amounts_of(nlp, "Not one of those multi million dollar a year bankers saw it coming .")
    assert [(a["value"], a["qualifier"]) for a in out] == [(2_000_000, "at least")]


def test_scientific_notation_and_two_peas_count_nothing(nlp):
    assert amounts_of(nlp, "The sun gave 1.96 * 10 ** 22 Joules in 2004 .") == []
    assert amounts_of(nlp, "She and her sister are like two peas in a pod .") == []


def test_half_the_time_is_a_set_phrase(nlp):
    assert amounts_of(nlp, "Half the time the phone rings , it is a wrong number .") == []
    out = amounts_of(nlp, "Half the survey respondents said they were unhappy .")   # a share of the respondents
    assert [(a["text"], a["unit"]) for a in out] == [("Half the survey respondents", "proportion")]



def test_a_counted_noun_cut_at_its_hyphen_is_the_whole_word(nlp):
    # the tokenizer cuts "non-Syrians" at its hyphen: the unit is the word, not "non"
    for text, unit in [("Tens of thousands of non-Syrians crossed into Turkey.", "non-Syrians"),
                       ("Hundreds of ex-soldiers joined the march.", "ex-soldiers"),
                       ("Dozens of pro-government fighters held the bridge.", "fighters")]:
        assert [a["unit"] for a in amounts_of(nlp, text)] == [unit], text
