"""Events on real news (issue 12, the seed-423 judges): an act dated "last week" is dated to
that week's month, not to the publication day, and a time phrase the parse hangs on the
subject is no part of the actor (sentences of our own)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.article import Article
from dateline.pipeline import extract_article


def _events(text: str, published: dt.date) -> list[dict]:
    return extract_article(Article(text=text, published=published, id="e"))["events"]


@pytest.mark.parametrize("text, published, date, source", [
    # last week lies in June: the month, from the text
    ("A federal court lifted the moratorium last week , handing the Obama administration a "
     "defeat .\n", dt.date(2010, 7, 4), "2010-06", "text"),
    # this week holds the publication day: that day stays
    ("A federal court lifted the moratorium this week , handing the Obama administration a "
     "defeat .\n", dt.date(2010, 7, 4), "2010-07-04", "published"),
    # "last week" dates the saying, not the lifting
    ("A federal court lifted the moratorium , a judge said last week .\n",
     dt.date(2010, 7, 4), "2010-07-04", "published"),
    # a week across two months gives no month
    ("A federal court lifted the moratorium last week , handing the Obama administration a "
     "defeat .\n", dt.date(2010, 7, 8), "2010-07-08", "published"),
])
def test_last_week_dates_an_act_to_its_month(text, published, date, source):
    [ev] = [e for e in _events(text, published) if e["text"] == "lifted"]
    assert (ev["date"], ev["date_source"]) == (date, source)


def test_a_time_phrase_before_the_subject_is_not_the_actor():
    text = ("Early Tuesday morning about 200 of Gadhafi 's troops began an attack on "
            "Yafran , residents said .\n")
    [ev] = [e for e in _events(text, dt.date(2011, 5, 20)) if e["type"] == "ASSAULT"]
    assert ev["actor"]["text"] == "about 200 of Gadhafi's troops"
    assert ev["date"] == "2011-05-17"


def test_a_sentence_in_capitals_gives_no_event():
    text = ("REBELS CAPTURED GADHAFI IN SIRTE TODAY , NATO SAID !\n"
            "Rebels captured the town of Brega on Monday , officials said .\n")
    assert [e["text"] for e in _events(text, dt.date(2011, 3, 20))] == ["captured"]
    assert [e["start"] for e in _events(text, dt.date(2011, 3, 20))] == [text.index("captured")]


def test_the_past_week_is_a_stretch_up_to_now_not_last_week():
    text = "More than 100 people have been killed in the city in the past week , activists said .\n"
    events = _events(text, dt.date(2011, 11, 16))
    assert events and all(e["date"] == "2011-11-16" for e in events)
