"""Tests of the temporal engine's rules for patterns of real news (issue 16).

Each test covers one pattern, in sentences of our own. Calendar facts used:
2010-06-01 is a Tuesday, 2010-06-15 a Tuesday (ISO week 24; the weekend before
is 12-13 June, week 23), 2011-03-21 a Monday, 2013-01-05 a Saturday,
2013-02-05 a Tuesday, 2013-04-17 a Wednesday, 2013-10-01 a Tuesday; Easter
2013 fell on 31 March and Thanksgiving 2010 (the fourth Thursday of November)
on 25 November.
"""

from __future__ import annotations

import datetime as dt

from dateline.temporal import tag


def run(nlp, text: str, published: str) -> dict[str, tuple[str, str]]:
    """``{timex text: (type, value)}`` for ``text`` parsed with spaCy."""
    out = {}
    for t in tag(text, dt.date.fromisoformat(published), nlp(text)):
        assert text[t.start:t.end] == t.text
        out[t.text] = (t.type, t.value)
    return out


# --- rates: "a day" after an amount or a counted noun is no time expression ----
# (TimeBank tags 2 of the 9 rates in its text: "$2 million a year", "700 seats a week",
# "$35 and $55 a night" are untagged; a frequency, "twice a week", stays a SET)

def test_rate_after_counted_noun_is_no_timex(nlp):
    r = run(nlp, "The well leaked 5,000 barrels of oil a day.", "2010-06-01")
    assert "a day" not in r
    r = run(nlp, "He pumps 300 barrels (of crude) a day and sleeps four hours a night.", "2010-06-01")
    assert "a day" not in r and "a night" not in r
    r = run(nlp, "The plan should save the company $500 million a year.", "2010-06-01")
    assert r == {}
    r = run(nlp, "The museum draws about 12 million visitors a year.", "2010-06-01")
    assert r == {}


def test_frequency_is_a_set(nlp):
    r = run(nlp, "The ferry sails twice a week and the bus runs three times a day.", "2010-06-01")
    assert r["twice a week"] == ("SET", "P1W")
    assert r["three times a day"] == ("SET", "P1D")


def test_span_after_counted_noun_is_not_a_rate(nlp):
    # "a day after", "a week or two": a span of time, not a rate
    r = run(nlp, "Three people were hurt a day after the blast.", "2010-06-01")
    assert r["a day"] == ("DURATION", "P1D")
    r = run(nlp, "The 2010 spill will one day teach us a lot.", "2010-06-01")
    assert r["one day"] == ("DATE", "FUTURE_REF")


def test_one_night_opening_a_sentence_is_some_night(nlp):
    r = run(nlp, "One night, after we had filmed the poster, the police came.", "2011-08-16")
    assert r["One night"] == ("DATE", "PAST_REF")
    assert run(nlp, "The strike lasted one day.", "2011-08-16")["one day"] == ("DURATION", "P1D")


# --- names that look like dates -------------------------------------------------

def test_capitalised_month_acronym_is_no_month(nlp):
    assert run(nlp, "Donations to the DEC appeal rose.", "2010-01-15") == {}
    assert run(nlp, "The deal was signed in Dec. 2009.", "2010-01-15")["Dec. 2009"] == ("DATE", "2009-12")


def test_number_after_a_numbering_noun_is_no_year(nlp):
    assert run(nlp, "The council passed Resolution 1973 by ten votes.", "2011-03-21") == {}
    assert run(nlp, "It acted under resolutions 1970 and 1973.", "2011-03-21") == {}
    assert run(nlp, "Flight 1549 landed on the river.", "2011-03-21") == {}
    assert run(nlp, "The number of deaths in 1973 was lower.", "2011-03-21")["1973"] == ("DATE", "1973")


def test_year_closing_a_list_of_years_before_a_plural_noun(nlp):
    r = run(nlp, "Turnout in the 2000 and 2002 elections was low.", "2005-10-18")
    assert r["2000"] == ("DATE", "2000")
    assert r["2002"] == ("DATE", "2002")
    assert run(nlp, "Police said 2000 workers marched.", "2005-10-18") == {}


def test_today_as_a_programme_name(nlp):
    assert run(nlp, "He told the Today programme it would work.", "2010-05-17") == {}
    assert run(nlp, "She said so on NBC's \"Today\" show.", "2010-05-17") == {}
    assert run(nlp, "He wrote an article in USA Today.", "2010-05-17") == {}
    assert run(nlp, "Today, the city is calm.", "2010-05-17")["Today"] == ("DATE", "2010-05-17")


def test_capitalised_current_after_a_name(nlp):
    assert run(nlp, "Oil may enter the Loop Current within days.", "2010-05-19") == {"days": ("DURATION", "PXD")}
    r = run(nlp, "Current treatments work, doctors said.", "2010-05-19")
    assert r["Current"] == ("DATE", "PRESENT_REF")


def test_weekday_in_a_newspaper_title(nlp):
    assert run(nlp, "A Sunday Times reporter was hurt.", "2012-02-22") == {}
    assert run(nlp, "The talks ended on Sunday.", "2012-02-22")["Sunday"] == ("DATE", "2012-02-19")


def test_fall_of_something_is_no_season(nlp):
    assert run(nlp, "Crowds called for the fall of the regime.", "2011-10-29") == {}
    assert run(nlp, "The fall in prices hurt farmers.", "2011-10-29") == {}
    assert run(nlp, "The dam was finished in the fall of 2010.", "2011-10-29")["the fall of 2010"] == ("DATE", "2010-FA")


def test_bare_the_season_needs_a_preposition(nlp):
    assert run(nlp, "The spring that feeds the well has dried up.", "2011-10-29") == {}
    assert run(nlp, "Fighting eased during the summer.", "2011-10-29")["the summer"] == ("DATE", "2011-SU")


def test_march_as_a_noun(nlp):
    assert run(nlp, "The March on Washington drew huge crowds.", "2013-04-17") == {}


def test_part_of_day_modifying_a_noun(nlp):
    assert run(nlp, "Tracer fire lit up the night sky over the harbour.", "2011-02-18") == {}
    r = run(nlp, "The bombs went off during the morning rush hour.", "2011-02-18")
    assert r["the morning"] == ("TIME", "2011-02-18TMO")


# --- tense ----------------------------------------------------------------------

def test_infinitive_under_a_past_order_is_past(nlp):
    r = run(nlp, "Parents were told to collect their children over the weekend.", "2010-06-15")
    assert r["the weekend"] == ("DATE", "2010-W23-WE")
    r = run(nlp, "BP managed to plug the well in July.", "2010-12-16")
    assert r["July"] == ("DATE", "2010-07")


def test_infinitive_under_a_plan_stays_ahead(nlp):
    r = run(nlp, "The ministers were expected to meet on Friday.", "2010-06-15")
    assert r["Friday"] == ("DATE", "2010-06-18")
    r = run(nlp, "The well is not expected to be completed before August.", "2010-06-01")
    assert r["August"] == ("DATE", "2010-08")


def test_present_passive_of_a_plan_looks_ahead(nlp):
    assert run(nlp, "The vote is set for Sunday.", "2013-04-17")["Sunday"] == ("DATE", "2013-04-21")
    r = run(nlp, "The hearing is scheduled for 10 a.m. Thursday.", "2010-06-15")
    assert r["10 a.m. Thursday"] == ("TIME", "2010-06-17T10:00")


def test_season_not_begun_told_in_the_past_is_last_years(nlp):
    assert run(nlp, "The embargo was lifted in the summer.", "2013-04-17")["the summer"] == ("DATE", "2012-SU")
    r = run(nlp, "The company expects a decision in the spring.", "2013-10-01")
    assert r["the spring"] == ("DATE", "2014-SP")


# --- other patterns ---------------------------------------------------------------

def test_holidays(nlp):
    assert run(nlp, "The shops were packed before Christmas.", "2013-01-05")["Christmas"] == ("DATE", "2012-12-25")
    assert run(nlp, "Fireworks lit the sky on New Year's Eve.", "2013-01-05")["New Year's Eve"] == ("DATE", "2012-12-31")
    assert run(nlp, "The strike will end after Easter.", "2013-01-05")["Easter"] == ("DATE", "2013-03-31")
    assert run(nlp, "He will be home for Christmas.", "2013-02-05")["Christmas"] == ("DATE", "2013-12-25")
    r = run(nlp, "They met on Thanksgiving Day 2010.", "2013-02-05")
    assert r["Thanksgiving Day 2010"] == ("DATE", "2010-11-25")
    assert run(nlp, "Father Christmas visited Christmas Island.", "2013-02-05") == {}


def test_half_of_last_year_and_every_season(nlp):
    r = run(nlp, "Growth slowed in the second half of last year.", "2012-03-05")
    assert r["the second half of last year"] == ("DATE", "2011-H2")
    assert run(nlp, "The fair is held every summer.", "2012-03-05")["every summer"] == ("SET", "XXXX-SU")


def test_at_the_time(nlp):
    r = run(nlp, "The bridge was already weak at the time.", "2013-04-17")
    assert r["the time"] == ("DATE", "PAST_REF")
    assert "the time" not in run(nlp, "He was at the time of the attack in Rome.", "2013-04-17")


def test_clock_times(nlp):
    r = run(nlp, "The airport reopens at 06:00 GMT on Thursday.", "2013-04-17")
    assert r["06:00 GMT on Thursday"] == ("TIME", "2013-04-18T06:00")
    # "in" is no time zone
    r = run(nlp, "It was 9:14 p.m. in Libya.", "2011-03-28")
    assert "9:14 p.m." in r


def test_bare_clock_takes_the_day_of_the_clock_before(nlp):
    # 2011-03-28 is a Monday; the Libyan time is the same Monday evening
    r = run(nlp, "(3:14 p.m. Sunday ET, 9:14 p.m. in Libya) Rebels advanced.", "2011-03-28")
    assert r["3:14 p.m. Sunday"] == ("TIME", "2011-03-27T15:14")
    assert r["9:14 p.m."] == ("TIME", "2011-03-27T21:14")


def test_past_obligation_is_past(nlp):
    # 2010-05-09 is a Sunday: "had to be moved on Saturday" is the day before
    r = run(nlp, "The dome had to be moved on Saturday after crystals formed.", "2010-05-09")
    assert r["Saturday"] == ("DATE", "2010-05-08")


# --- bare plural units after a verb of spending time ----------------------------

def test_bare_units_after_take_and_spend(nlp):
    r = run(nlp, "Officials said the search for survivors could take months.", "2010-06-01")
    assert r["months"] == ("DURATION", "PXM")
    r = run(nlp, "The repairs took weeks, and the lawsuits may take years to settle.", "2010-06-01")
    assert r["weeks"] == ("DURATION", "PXW")
    assert r["years"] == ("DURATION", "PXY")
    r = run(nlp, "She spent decades in exile.", "2010-06-01")
    assert r["decades"] == ("DURATION", "PXE")
    # counted or determined units are other rules' ("took three months", "take the days off")
    r = run(nlp, "The inquiry took three months.", "2010-06-01")
    assert r["three months"] == ("DURATION", "P3M")


# --- "since" + a month without a year lies behind the publication date ------------

def test_since_month_is_behind(nlp):
    # 2012-06-03: January is five months back and seven ahead; a modal in the clause
    # ("might open") does not move a start that "since" places in the past
    r = run(nlp, "Few expected that his first speech since January might open a way out.", "2012-06-03")
    assert r["January"] == ("DATE", "2012-01")
    # 2012-01-10: "since March" is March of the year before, not two months ahead
    r = run(nlp, "Over 4,000 people have fled the valley since March, aid groups say.", "2012-01-10")
    assert r["March"] == ("DATE", "2011-03")
    r = run(nlp, "Prices have risen since mid-December.", "2021-02-18")
    assert r["mid-December"] == ("DATE", "2020-12")
    # a day later in the month than the publication date: the year before
    r = run(nlp, "He has been held since March 15.", "2013-03-10")
    assert r["March 15"] == ("DATE", "2012-03-15")
    # without "since" the clause's tense still decides ("will resume in January": ahead)
    r = run(nlp, "Talks will resume in January.", "2012-06-03")
    assert r["January"] == ("DATE", "2013-01")


# --- a weekday with a part of the day anchors what follows -----------------------

def test_weekday_part_of_day_anchors_the_evening(nlp):
    # 2005-07-08 is a Friday: "Thursday afternoon" is 7 July, and "the evening" that follows is its evening
    r = run(nlp, "He flew back on Thursday afternoon and returned to Scotland in the evening.", "2005-07-08")
    assert r["Thursday afternoon"] == ("TIME", "2005-07-07TAF")
    assert r["the evening"] == ("TIME", "2005-07-07TEV")
    r = run(nlp, "The quake struck on Sunday night. The next day, rescuers reached the town.", "2017-11-14")
    assert r["Sunday night"] == ("TIME", "2017-11-12TNI")
    assert r["The next day"] == ("DATE", "2017-11-13")


# --- a clock time with "on" + a day-first date (British copy) is one time --------

def test_clock_on_day_first_date(nlp):
    # the time takes the date that follows it, not the publication date's
    r = run(nlp, "The ceasefire was due to start at 06:00 local time on 12 April.", "2012-04-06")
    assert r["06:00 local time on 12 April"] == ("TIME", "2012-04-12T06:00")
    r = run(nlp, "At 10.30 pm on 4 August 1914, the king held a council.", "2005-08-23")
    assert r["10.30 pm on 4 August 1914"] == ("TIME", "1914-08-04T22:30")
    r = run(nlp, "The vote took place at 10 a.m. on 3 March.", "2013-03-20")
    assert r["10 a.m. on 3 March"] == ("TIME", "2013-03-03T10:00")
    # month first, with its year, as before
    r = run(nlp, "The blast happened at 9:15 a.m. on Jan. 5, 2012, police said.", "2013-03-20")
    assert r["9:15 a.m. on Jan. 5, 2012"] == ("TIME", "2012-01-05T09:15")


# --- a person's age: more person nouns, up to four words on ----------------------

def test_person_age_occupations_and_long_noun_phrases(nlp):
    for text in ("The 24-year-old corporal was wounded by a sniper.",
                 "The 31-year-old former bank clerk walked into the embassy.",
                 "In Dorset, a 57-year-old retired fire station manager ran for the council.",
                 "Protesters want to remove the 71-year-old general."):
        assert run(nlp, text, "2011-04-06") == {}, text
    # a thing's age stays a duration
    r = run(nlp, "BP will try again to plug the five-week-old leak.", "2010-05-24")
    assert r["five-week-old"] == ("DURATION", "P5W")
