"""The temporal engine on patterns of 1998-2000 wire news that TimeBank holds rarely or never
(issue 16): person ages, agency clock times, "at present", day ranges, US holidays, deferred
days, "the same period of last year", "weeklong", "minutes after".

Sentences are our own. Calendar facts used: 1998-08-12 is a Wednesday; 1998-02-12 a
Thursday; 1999-03-04 a Thursday; 1998-09-01 a Tuesday (Labor Day 1998, the first Monday of
September, was Sept. 7); Memorial Day 1999 (the last Monday of May) was May 31; Martin Luther
King Day 2000 (the third Monday of January) Jan. 17; Election Day 2000 (the Tuesday after the
first Monday of November) Nov. 7.
"""

from __future__ import annotations

import pytest
from test_temporal_rules import run


@pytest.mark.parametrize("sentence", [
    "The 45-year-old driver was treated at a hospital and released.",
    "A 6-year-old boy was pulled from the water on Sunday.",
    "A 29-year-old construction worker was among the dead.",
    "Police said the 62-year-old had no criminal record.",
    "The 71-year-old, who led the party for a decade, stepped down.",
    "A 34-year-old Palestinian was wounded in the clash.",
])
def test_a_persons_age_is_no_time_expression(nlp, sentence):
    r = run(nlp, sentence, "1998-08-12")
    assert not any(v[0] == "DURATION" and "old" in k for k, v in r.items()), r
    assert not any(k.endswith("-year") for k in r), r


def test_a_things_age_stays_a_duration_a_persons_does_not(nlp):
    r = run(nlp, "A 19-year-old gunman broke the 8-month-old truce in the north.", "1998-08-12")
    assert "19-year-old" not in r and "19-year" not in r
    assert r["8-month-old"] == ("DURATION", "P8M")
    r = run(nlp, "Voters repealed the 15-year-old law.", "1998-08-12")
    assert r["15-year-old"] == ("DURATION", "P15Y")


def test_four_digit_clock_with_zone(nlp):
    r = run(nlp, "The tremor hit at 4:42 a.m. (1942 GMT Tuesday), officials said.", "1999-03-04")
    assert r["1942 GMT Tuesday"] == ("TIME", "1999-03-02T19:42")
    assert "1942" not in r
    r = run(nlp, "The blast came at 8 a.m. local time (0500 GMT).", "1998-08-12")
    assert r["0500 GMT"] == ("TIME", "1998-08-12T05:00")
    # a year before a zone-less word stays a year
    assert run(nlp, "The dam was built in 1942 by the army.", "1998-08-12")["1942"] == ("DATE", "1942")


def test_at_present(nlp):
    r = run(nlp, "At present, about 200 foreign firms work in the zone.", "1998-08-12")
    assert r["At present"] == ("DATE", "PRESENT_REF")


def test_closing_day_of_a_range(nlp):
    r = run(nlp, "The premier will visit Moscow from August 20 to 25.", "1998-08-12")
    assert r["August 20"] == ("DATE", "1998-08-20")
    assert r["25"] == ("DATE", "1998-08-25")
    r = run(nlp, "The court will rule on Sept. 15 or 16, a clerk said.", "1998-08-12")
    assert r["16"] == ("DATE", "1998-09-16")
    # a number that counts something is no day
    r = run(nlp, "Prices rose from Aug. 3 to 25 percent above last year.", "1998-08-12")
    assert "25" not in r


def test_us_holidays_by_weekday_rule(nlp):
    r = run(nlp, "Labor Day falls in the first week of the month.", "1998-09-01")
    assert r["Labor Day"] == ("DATE", "1998-09-07")
    r = run(nlp, "Parades were held on Memorial Day 1999 and on Martin Luther King Day 2000.", "2000-06-07")
    assert r["Memorial Day 1999"] == ("DATE", "1999-05-31")
    assert r["Martin Luther King Day 2000"] == ("DATE", "2000-01-17")
    r = run(nlp, "Turnout on Election Day 2000 was higher than expected.", "2000-12-14")
    assert r["Election Day 2000"] == ("DATE", "2000-11-07")


def test_a_deferred_day_lies_ahead(nlp):
    r = run(nlp, "The downhill race, called off because of fog, was rescheduled for Friday.", "1998-02-12")
    assert r["Friday"] == ("DATE", "1998-02-13")
    r = run(nlp, "The judge postponed the hearing until Monday.", "1998-02-12")
    assert r["Monday"] == ("DATE", "1998-02-16")


def test_same_period_of_last_year(nlp):
    r = run(nlp, "Exports in the first seven months of this year fell 2 percent from the same period of last year.",
            "1998-08-12")
    assert r["the same period of last year"] == ("DATE", "1997")
    assert "last year" not in r


def test_one_word_spans_and_units_apart(nlp):
    r = run(nlp, "The minister ended a weeklong tour after a daylong meeting in Cairo.", "1998-08-12")
    assert r["weeklong"] == ("DURATION", "P1W")
    assert r["daylong"] == ("DURATION", "P1D")
    r = run(nlp, "Firefighters arrived minutes after the blast.", "1998-08-12")
    assert r["minutes"] == ("DURATION", "PTXM")
    # "the first days after" is not tagged (TimeBank)
    assert "days" not in run(nlp, "In the first days after the vote, few spoke.", "1998-08-12")


def test_units_later_than_is_a_comparison(nlp):
    r = run(nlp, "The dam will open in 2009, three years later than planned.", "1999-11-23")
    assert r["three years"] == ("DURATION", "P3Y")
    r = run(nlp, "Schools open a week later than usual this year.", "1998-09-01")
    assert r["a week"] == ("DURATION", "P1W")


def test_the_day_after_a_named_date(nlp):
    r = run(nlp, "Stores count on big sales the day after Thanksgiving.", "1999-11-23")
    assert r["the day after Thanksgiving"] == ("DATE", "1999-11-26")
    assert "Thanksgiving" not in r
    r = run(nlp, "Most offices will close early the day before Christmas Eve.", "2000-12-14")
    assert r["the day before Christmas Eve"] == ("DATE", "2000-12-23")


def test_coming_units_are_stretches_ahead(nlp):
    r = run(nlp, "Shares may stay volatile in the coming weeks, traders said.", "1999-03-04")
    assert r["the coming weeks"] == ("DURATION", "PXW")
    r = run(nlp, "More refugees are expected in the days ahead.", "1999-03-04")
    assert r["the days ahead"] == ("DURATION", "PXD")
    r = run(nlp, "Aid groups will stay in the region in the days and months to come.", "1999-03-04")
    assert r["the days and months"] == ("DURATION", "PXD")
