"""Tests of the temporal engine and the dates extractor.

Expected values are worked out from the calendar: 2018-08-31 is a Friday, so the
Thursday before is 2018-08-30 and the next Thursday 2018-09-06; ISO week 34 of
2018 runs Monday 2018-08-20 to Sunday 2018-08-26, week 35 from 2018-08-27 to
2018-09-02.
"""

from __future__ import annotations

import datetime as dt

from dateline.extract import run_extractors
from dateline.temporal import tag

PUB = dt.date(2018, 8, 31)  # a Friday


def run(nlp, text: str, published: dt.date = PUB) -> dict[str, tuple[str, str]]:
    """``{timex text: (type, value)}`` for ``text`` parsed with spaCy."""
    doc = nlp(text)
    out = {}
    for t in tag(text, published, doc):
        assert text[t.start:t.end] == t.text
        out[t.text] = (t.type, t.value)
    return out


# --- explicit dates -----------------------------------------------------------

def test_explicit_calendar_dates(nlp):
    r = run(nlp, "The deal was signed on Dec. 19, 2011, and ratified on 2012-01-05.")
    assert r["Dec. 19, 2011"] == ("DATE", "2011-12-19")
    assert r["2012-01-05"] == ("DATE", "2012-01-05")


def test_day_month_orders(nlp):
    r = run(nlp, "Elections were held on 19 December 2011 and results came on 20/12/2011.")
    assert r["19 December 2011"] == ("DATE", "2011-12-19")
    # 20 cannot be a month, so this is 20 December
    assert r["20/12/2011"] == ("DATE", "2011-12-20")


def test_ambiguous_numeric_date_takes_reading_nearest_publication(nlp):
    # 03/04/2018 is 4 March (US order) or 3 April (day first); published 5 March,
    # 4 March is one day away, 3 April four weeks away.
    r = run(nlp, "The report was released on 03/04/2018.", dt.date(2018, 3, 5))
    assert r["03/04/2018"] == ("DATE", "2018-03-04")


def test_ordinal_day_without_year(nlp):
    r = run(nlp, "The ceasefire collapsed on December 19th.", dt.date(2011, 12, 22))
    assert r["December 19th"] == ("DATE", "2011-12-19")


def test_month_year_takes_tense(nlp):
    past = run(nlp, "The talks began in March.")
    assert past["March"] == ("DATE", "2018-03")
    future = run(nlp, "The troops will leave in March.")
    assert future["March"] == ("DATE", "2019-03")


def test_years_decades_quarters_seasons(nlp):
    r = run(nlp, "Growth slowed in the 1990s and again in 2009, fell in the third quarter of 2017 "
                 "and rebounded this summer.")
    assert r["the 1990s"] == ("DATE", "199")
    assert r["2009"] == ("DATE", "2009")
    assert r["the third quarter of 2017"] == ("DATE", "2017-Q3")
    assert r["this summer"] == ("DATE", "2018-SU")


def test_number_is_not_a_year(nlp):
    r = run(nlp, "The army deployed 2000 soldiers and 1500 tanks.")
    assert "2000" not in r and "1500" not in r


# --- relative to the publication date -----------------------------------------

def test_weekday_past_and_future(nlp):
    past = run(nlp, "The minister said on Thursday that talks had failed.")
    assert past["Thursday"] == ("DATE", "2018-08-30")
    future = run(nlp, "The minister will travel to Moscow on Thursday.")
    assert future["Thursday"] == ("DATE", "2018-09-06")


def test_deictic_days(nlp):
    r = run(nlp, "Prices rose yesterday, are flat today and may fall tomorrow; a vote is due tonight.")
    assert r["yesterday"] == ("DATE", "2018-08-30")
    assert r["today"] == ("DATE", "2018-08-31")
    assert r["tomorrow"] == ("DATE", "2018-09-01")
    assert r["tonight"] == ("TIME", "2018-08-31TNI")


def test_relative_units(nlp):
    r = run(nlp, "Officials met last week and will meet again next month.")
    assert r["last week"] == ("DATE", "2018-W34")
    assert r["next month"] == ("DATE", "2018-09")


def test_ago_and_edges(nlp):
    r = run(nlp, "The convoy was attacked two days ago; the plan was drafted earlier this year.")
    assert r["two days ago"] == ("DATE", "2018-08-29")
    assert r["earlier this year"] == ("DATE", "2018")


def test_this_weekend_and_coming_hours(nlp):
    r = run(nlp, "Protests are planned this weekend and a decision is expected in the coming hours.")
    # Saturday 2018-09-01 is in ISO week 35
    assert r["this weekend"] == ("DATE", "2018-W35-WE")
    # a stretch ahead of unknown length, as TimeBank's gold writes "coming weeks" (PXW)
    assert r["the coming hours"] == ("DURATION", "PTXH")


# --- relative to another date in the text ---------------------------------------

def test_anaphoric_dates(nlp):
    text = ("The siege began on Dec. 19, 2011. The city fell the next day. "
            "Aid arrived two weeks later, and elections followed the following month.")
    r = run(nlp, text)
    assert r["the next day"] == ("DATE", "2011-12-20")
    # "later" counts from the last date mentioned, the fall on 2011-12-20: 20 + 14 days
    assert r["two weeks later"] == ("DATE", "2012-01-03")
    assert r["the following month"] == ("DATE", "2012-01")


# --- times, durations, sets, vague references -----------------------------------

def test_clock_time_with_weekday(nlp):
    r = run(nlp, "The blast happened at 3 p.m. Thursday, police said.")
    assert r["3 p.m. Thursday"] == ("TIME", "2018-08-30T15:00")


def test_durations(nlp):
    r = run(nlp, "After a seven-year war, the rebels held the town for three days and the talks "
                 "lasted two hours over the past three years.")
    assert r["seven-year"] == ("DURATION", "P7Y")
    assert r["three days"] == ("DURATION", "P3D")
    assert r["two hours"] == ("DURATION", "PT2H")
    assert r["the past three years"] == ("DURATION", "P3Y")


def test_sets(nlp):
    r = run(nlp, "Protesters gather every Friday and the council meets every week.")
    assert r["every Friday"] == ("SET", "XXXX-WXX-5")
    assert r["every week"] == ("SET", "P1W")


def test_vague_references(nlp):
    r = run(nlp, "Fighting recently intensified; the town is now calm, but nobody knows what "
                 "will happen in the future.")
    assert r["recently"] == ("DATE", "PAST_REF")
    assert r["now"] == ("DATE", "PRESENT_REF")
    assert r["the future"] == ("DATE", "FUTURE_REF")


# --- the extractor on sentences like the sample article's -------------------------

SAMPLE = (
    "Rebel groups in the north-west stepped up preparations on Wednesday and Thursday "
    "as the seven-year-war entered a new phase.\n\n"
    "The defence ministry on Thursday said an assault was not far off.\n\n"
    "As shelling spread on Thursday, the envoy proposed humanitarian corridors.\n\n"
    "A commander told reporters on Wednesday that the first stage would come soon."
)


def test_extractor_on_sample_like_article(nlp):
    results = run_extractors(nlp(SAMPLE), PUB, only=("dates",), text=SAMPLE)
    items = results["dates"]
    for it in items:
        assert SAMPLE[it["start"]:it["end"]] == it["text"]
        sentence = results["sentences"][it["sentence"]]
        assert sentence["start"] <= it["start"] < sentence["end"]
    weekdays = [(it["text"], it["value"]) for it in items if it["text"] in ("Wednesday", "Thursday")]
    assert weekdays == [("Wednesday", "2018-08-29"), ("Thursday", "2018-08-30"),
                        ("Thursday", "2018-08-30"), ("Thursday", "2018-08-30"),
                        ("Wednesday", "2018-08-29")]
    war = [it for it in items if it["text"] == "seven-year"]
    assert war and war[0]["type"] == "DURATION" and war[0]["value"] == "P7Y"


def test_engine_without_parse_still_finds_dates():
    text = "The talks ended on Dec. 19, 2011."
    found = tag(text, PUB)
    assert [(t.text, t.value) for t in found] == [("Dec. 19, 2011", "2011-12-19")]


# --- second pass: more constructions ------------------------------------------

def test_european_dotted_date(nlp):
    # day.month.year: 19 cannot be a month
    r = run(nlp, "The court ruled on 19.12.2011 that the law stood.")
    assert r["19.12.2011"] == ("DATE", "2011-12-19")


def test_written_out_years(nlp):
    r = run(nlp, "The treaty was signed in nineteen ninety-six and revised in two thousand and four.")
    assert r["nineteen ninety-six"] == ("DATE", "1996")
    assert r["two thousand and four"] == ("DATE", "2004")


def test_centuries(nlp):
    # the 12th century is 1100-1199 (TIMEX3 "11"), the twentieth 1900-1999 ("19")
    r = run(nlp, "The church dates from the 12th century and was rebuilt in the twentieth century.")
    assert r["the 12th century"] == ("DATE", "11")
    assert r["the twentieth century"] == ("DATE", "19")


def test_fractional_durations(nlp):
    r = run(nlp, "The warning came a minute and a half before the crash; repairs took two and a half years.")
    assert r["a minute and a half"] == ("DURATION", "PT1M30S")
    assert r["two and a half years"] == ("DURATION", "P2Y6M")


def test_first_two_quarters_of_a_year_is_its_first_half(nlp):
    r = run(nlp, "Losses will continue through at least the first two quarters of 2019.")
    assert r == {"the first two quarters of 2019": ("DATE", "2019-H1")}


def test_year_ago_in_an_earnings_report_is_the_same_quarter(nlp):
    # published 26 Oct 1989: the third quarter is 1989-Q3, a year before it 1988-Q3
    r = run(nlp, "Profit rose 12% in the third quarter to $5 million from $4 million a year ago.",
            dt.date(1989, 10, 26))
    assert r["the third quarter"] == ("DATE", "1989-Q3")
    assert r["a year ago"] == ("DATE", "1988-Q3")


def test_latest_quarter_is_one_that_has_ended(nlp):
    # published 2 Nov 1989 (in Q4): the fourth quarter is still running, so the
    # latest (reported) quarter is the third
    r = run(nlp, "It expects a charge in the fourth quarter. Earnings fell 59% in the latest quarter.",
            dt.date(1989, 11, 2))
    assert r["the fourth quarter"] == ("DATE", "1989-Q4")
    assert r["the latest quarter"] == ("DATE", "1989-Q3")


def test_last_month_name_just_before_publication_is_a_year_back(nlp):
    # said on 1 March 1998, "last February" is February 1997 (Feb 1998 would be "last month")
    r = run(nlp, "Two helicopters crashed last February.", dt.date(1998, 3, 1))
    assert r["last February"] == ("DATE", "1997-02")


def test_previous_weekday_counts_from_the_date_in_focus(nlp):
    # 2018-08-31 is a Friday: Monday before is 08-27, the Friday before that Monday 08-24
    r = run(nlp, "Shares fell on Monday, down 4% from the previous Friday.")
    assert r["Monday"] == ("DATE", "2018-08-27")
    assert r["the previous Friday"] == ("DATE", "2018-08-24")


def test_part_of_day_with_deictic_day(nlp):
    r = run(nlp, "In London at mid-afternoon yesterday, shares were trading higher.")
    assert r["mid-afternoon yesterday"] == ("TIME", "2018-08-30TAF")


def test_later_in_the_day_and_that_year(nlp):
    r = run(nlp, "He met the mayor on Wednesday and left for Boston later in the day.")
    assert r["Wednesday"] == ("DATE", "2018-08-29")
    assert r["later in the day"] == ("DATE", "2018-08-29")
    r = run(nlp, "Imports reached a record in 1988. Exports fell that year.")
    assert r["that year"] == ("DATE", "1988")


def test_plan_in_the_past_perfect_points_back(nlp):
    # published Monday 2018-09-03; "had been scheduled to expire Friday" is the Friday just gone
    r = run(nlp, "The offer had been scheduled to expire Friday.", dt.date(2018, 9, 3))
    assert r["Friday"] == ("DATE", "2018-08-31")


def test_present_of_a_planned_event_looks_ahead(nlp):
    # published Thursday 2018-09-06: a meeting "on Friday" in the present tense is the
    # next day; other present-tense verbs keep the news reading, the day gone by
    pub = dt.date(2018, 9, 6)
    r = run(nlp, "The presidents of Russia, Iran and Turkey meet in Tehran on Friday.", pub)
    assert r["Friday"] == ("DATE", "2018-09-07")
    r = run(nlp, "The minister visits Ankara on Monday.", pub)
    assert r["Monday"] == ("DATE", "2018-09-10")
    r = run(nlp, "The decision follows a vote in parliament on Tuesday.", pub)
    assert r["Tuesday"] == ("DATE", "2018-09-04")
    r = run(nlp, "Moscow was in close contact with Ankara ahead of Friday's summit.", pub)
    assert r["Friday"] == ("DATE", "2018-09-07")


def test_soon_but_not_as_soon_as(nlp):
    r = run(nlp, "The company will soon begin selling the drug.")
    assert r["soon"] == ("DATE", "FUTURE_REF")
    r = run(nlp, "Trading resumed as soon as the market opened.")
    assert "soon" not in r


def test_fractions_and_show_titles_are_not_dates(nlp):
    assert run(nlp, "Iraq imports about three-quarters of its food.") == {}
    assert run(nlp, 'Baker said on ABC\'s "This Week" that the talks would go on.') == {}


def test_upper_case_text(nlp):
    # 2018-08-31 + 1 day
    r = run(nlp, "THE NEXT DAY THE TALKS RESUMED.")
    assert r["THE NEXT DAY"] == ("DATE", "2018-09-01")


def test_every_unit_word_counts_back_without_error():
    from dateline.data import read_rows
    units = sorted({word for kind, word, _ in read_rows("temporal_words.tsv") if kind == "unit"})
    assert "millennium" in units
    for unit in units:
        for text in (f"two {unit}s ago", f"a {unit} ago", f"{unit}s later"):
            for item in tag(f"It happened {text}.", dt.date(2005, 9, 1)):
                assert item.type in {"DATE", "TIME", "DURATION", "SET"}
    # a count back across year 1 stays a date inside the calendar
    (item,) = tag("Rome of two millenniums ago.", dt.date(2005, 9, 1))
    assert item.text == "two millenniums ago" and item.type == "DATE"


def test_a_date_that_opens_a_name_is_not_a_date():
    # Names of bridges, squares and movements that begin with a calendar date.
    from dateline.temporal import tag

    day = dt.date(2011, 3, 1)
    assert [t.text for t in tag("Crowds crossed the 6th of October Bridge on Friday.", day)] == [
        "Friday"]
    assert tag("Shops on 25 January Street reopened.", day) == []
    assert [t.value for t in tag("The 14 March Alliance met on March 14.", day)] == ["2011-03-14"]
    # an ordinary date before a capitalised word is still a date
    assert [t.value for t in tag("He arrived on October 6 in Cairo.", day)] == ["2010-10-06"]


def test_coordinated_quarters_with_their_year_are_a_date(nlp):
    pub = dt.date(2010, 6, 16)
    r = run(nlp, "Bonuses are frozen in the second and third quarters of 2010, the board said.", pub)
    assert r["third quarters of 2010"] == ("DATE", "2010-Q3")
    r = run(nlp, "Sales usually peak in the second and fourth quarters.", pub)
    assert r["fourth quarters"] == ("SET", "XXXX-Q4")
