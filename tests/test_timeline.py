"""Timelines: date and sentence selection on a small hand-made store, the output
formats, and the Timeline17 scorer on tiny hand-computed examples."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from dateline.analyses.timeline import (
    baseline_timeline,
    build_timeline,
    format_json,
    format_text,
    format_tilse,
)
from dateline.evaluate import tls_metrics as M
from dateline.evaluate.tls import mean_sentences_per_date, read_gold_timeline
from dateline.store import Store
from dateline_testing import joined

D = dt.date


def _record(aid: str, published: str, sentences: list[str],
            dates: Sequence[tuple[int, str]] = ()) -> dict:
    """A record of ``sentences`` joined by spaces; ``dates`` = (sentence, value)."""
    text, spans = joined(sentences)
    ds = []
    for i, value in dates:
        sp = spans[i]
        ds.append({"text": text[sp["start"]:sp["start"] + 3], "start": sp["start"],
                   "end": sp["start"] + 3, "sentence": i, "type": "DATE", "value": value})
    return {"id": aid, "published": published, "title": None, "url": None, "source": None,
            "text": text, "sentences": spans, "dates": ds}


def _store(tmp_path, records: list[dict]) -> Store:
    store = Store(tmp_path / "t.db")
    store.write([(r, {"text_hash": r["id"], "origin": "test", "extractor_version": "t"})
                 for r in records])
    return store


FLOOD = [
    # three articles refer to 2021-03-04 (the dam burst), one of them published later
    _record("a1", "2021-03-05", [
        "The river dam burst on Thursday and flooded the valley villages overnight.",
        "Rescue teams evacuated four hundred residents from the flooded farms.",
        "``We have lost everything we owned in the water , '' said one farmer ."],
        [(0, "2021-03-04")]),
    _record("a2", "2021-03-05", [
        "Floodwater from the burst dam covered the valley villages on Thursday.",
        "``It is a disaster for the whole region and nobody warned us , '' a mayor said ."],
        [(0, "2021-03-04"), (1, "2021-03-04")]),
    _record("a3", "2021-03-09", [
        "Engineers inspected the broken dam wall on Monday after the waters receded.",
        "The dam had burst on March 4 after days of heavy rain in the hills.",
        "Officials promised new money for repairs to the damaged roads."],
        [(0, "2021-03-08"), (1, "2021-03-04")]),
    # one article, published alone, on a quiet day
    _record("a4", "2021-03-20", [
        "The regional parliament debated a new law on dam safety inspections today.",
        "Opposition members demanded an inquiry into the collapse."],
        [(0, "2021-03-20")]),
]


@pytest.fixture
def flood(tmp_path):
    store = _store(tmp_path, FLOOD)
    yield store
    store.close()


def test_the_day_most_articles_refer_to_comes_first(flood):
    tl = build_timeline(flood, max_dates=1, sentences_per_date=1)
    assert [e.date for e in tl.entries] == [D(2021, 3, 4)]
    # three independent articles refer to March 4
    assert tl.entries[0].articles == 3


def test_sentences_mention_their_date_and_are_traceable(flood):
    tl = build_timeline(flood, max_dates=1, sentences_per_date=2)
    entry = tl.entries[0]
    assert len(entry.sentences) == 2
    for s in entry.sentences:
        # every chosen sentence is one that mentions March 4
        assert (s.article, s.sentence) in {("a1", 0), ("a2", 0), ("a2", 1), ("a3", 1)}
        record_text = next(r["text"] for r in FLOOD if r["id"] == s.article)
        assert record_text[s.start:s.end] == s.text


def test_quote_only_sentence_loses_to_event_sentences(flood):
    tl = build_timeline(flood, max_dates=1, sentences_per_date=3)
    texts = [s.text for s in tl.entries[0].sentences]
    # a2's sentence 1 mentions the day but is only a quotation: it comes last if at all
    quote = FLOOD[1]["text"][FLOOD[1]["sentences"][1]["start"]:]
    assert texts[0] != quote and texts[1] != quote


def test_near_duplicates_are_skipped(tmp_path):
    same = "Police arrested the bank robbery suspect in the city centre on Friday evening."
    other = "The stolen money was found hidden in a garage near the railway station."
    store = _store(tmp_path, [
        _record("b1", "2022-06-04", [same], [(0, "2022-06-03")]),
        _record("b2", "2022-06-04", [same.replace("Friday evening", "Friday")],
                [(0, "2022-06-03")]),
        _record("b3", "2022-06-04", [other], [(0, "2022-06-03")]),
    ])
    tl = build_timeline(store, max_dates=1, sentences_per_date=2)
    texts = [s.text for s in tl.entries[0].sentences]
    assert len(texts) == 2
    assert other in texts
    store.close()


def test_wire_dateline_and_time_stamp_are_cut_off(tmp_path):
    wire = ("PARIS , May 3 -LRB- Reuters -RRB- - Striking rail workers blocked the main "
            "stations of the capital on Monday .")
    stamp = ("Monday 3 May 2021 10.15 GMT Commuters queued for buses outside the closed "
             "northern terminus on Monday .")
    records = [_record("w1", "2021-05-03", [wire], [(0, "2021-05-03")]),
               _record("w2", "2021-05-04", [stamp], [(0, "2021-05-03")])]
    store = _store(tmp_path, records)
    tl = build_timeline(store, max_dates=1, sentences_per_date=2)
    got = {s.article: s for s in tl.entries[0].sentences}
    assert got["w1"].text == ("Striking rail workers blocked the main stations of the "
                              "capital on Monday .")
    assert got["w2"].text == ("Commuters queued for buses outside the closed northern "
                              "terminus on Monday .")
    for r in records:   # offsets still point at the text in the article
        s = got[r["id"]]
        assert r["text"][s.start:s.end] == s.text
    store.close()


def test_chronology_label_is_cut_off_and_page_furniture_held_back(tmp_path):
    label = "June 9 - The oil company cut its dividend after the leak grew worse ."
    furniture = "NEW YORK | Wed Jun 9 , 2010 2:39 pm EDT Shares of the oil company fell sharply ."
    store = _store(tmp_path, [
        _record("l1", "2010-06-09", [furniture], [(0, "2010-06-09")]),
        _record("l2", "2010-06-20", [label], [(0, "2010-06-09")]),
    ])
    tl = build_timeline(store, max_dates=1, sentences_per_date=1)
    # the time-stamped line loses although its article was published that day
    assert [s.text for s in tl.entries[0].sentences] == [
        "The oil company cut its dividend after the leak grew worse ."]
    store.close()


def test_us_the_country_is_no_address_to_the_reader(tmp_path):
    # "US" is the United States; only "us", "we", "you" address the reader
    country = "The US Coast Guard set fire to patches of oil near the Louisiana coast ."
    question = "Did the Coast Guard set fire to the oil near the Louisiana coast ?"
    minor = "A spokesman spoke briefly to local reporters in the morning ."
    store = _store(tmp_path, [
        _record("u1", "2010-04-29", [question], [(0, "2010-04-29")]),
        _record("u2", "2010-04-30", [country], [(0, "2010-04-29")]),
        _record("u3", "2010-04-30", [minor], [(0, "2010-04-29")]),
    ])
    tl = build_timeline(store, max_dates=1, sentences_per_date=1)
    # the question is held back; of the two reports, the one sharing the day's words wins
    assert [s.text for s in tl.entries[0].sentences] == [country]
    store.close()


def test_a_sentence_naming_its_day_beats_a_lead_sentence_that_does_not(tmp_path):
    # Both articles are published on Wednesday 2 June; x2's undated lead also stands
    # for Tuesday (news of yesterday). The two sentences share five words, which the
    # two-sentence pool weighs zero, and have one of their own each: a tie but for x1
    # naming Tuesday.
    store = _store(tmp_path, [
        # stored first, x2 would win a true tie
        _record("x2", "2021-06-02", ["Workers reopened the old river bridge to traffic ."]),
        _record("x1", "2021-06-02", ["Workers reopened the old river bridge on Tuesday ."],
                [(0, "2021-06-01")]),
    ])
    tl = build_timeline(store, max_dates=1, sentences_per_date=1)
    assert [(e.date, [s.article for s in e.sentences]) for e in tl.entries] == [
        (D(2021, 6, 1), ["x1"])]
    store.close()


def test_headline_stamp_byline_and_speaker_label_are_cut_off(tmp_path):
    stamped = ("Rebels seize port updated : Fri Feb 25 2011 12:50:00 Rebel fighters took "
               "the oil port of Brega on Thursday .")
    byline = "By the CNN Wire Staff Warplanes bombed the road south of Brega on Thursday ."
    speaker = "AZUZ : The fighting around the oil port of Brega went on all Thursday ."
    records = [_record("h1", "2011-02-25", [stamped], [(0, "2011-02-24")]),
               _record("h2", "2011-02-25", [byline], [(0, "2011-02-24")]),
               _record("h3", "2011-02-25", [speaker], [(0, "2011-02-24")])]
    store = _store(tmp_path, records)
    tl = build_timeline(store, max_dates=1, sentences_per_date=3)
    got = {s.article: s for s in tl.entries[0].sentences}
    assert got["h1"].text == "Rebel fighters took the oil port of Brega on Thursday ."
    assert got["h2"].text == "Warplanes bombed the road south of Brega on Thursday ."
    assert got["h3"].text == "The fighting around the oil port of Brega went on all Thursday ."
    for r in records:   # offsets still point at the text in the article
        s = got[r["id"]]
        assert r["text"][s.start:s.end] == s.text
    store.close()


def test_fragments_of_a_sentence_split_inside_brackets_are_held_back(tmp_path):
    # a splitter broke "BP Plc (BP.L) said ..." after "BP.": both halves are fragments
    head = "Shareholders sued the board of the oil company BP Plc -LRB- BP ."
    tail = "L -RRB- said on Tuesday that the oil company would cut the dividend ."
    whole = "The oil company said on Tuesday it would cut the dividend ."
    store = _store(tmp_path, [
        _record("f1", "2010-06-02", [head, tail], [(1, "2010-06-01")]),
        _record("f2", "2010-06-02", [head], [(0, "2010-06-01")]),
        _record("f3", "2010-06-03", [whole], [(0, "2010-06-01")]),
    ])
    tl = build_timeline(store, max_dates=1, sentences_per_date=1)
    assert [s.text for s in tl.entries[0].sentences] == [whole]
    store.close()


def test_a_lead_sentence_naming_its_day_is_filed_under_that_day_only(tmp_path):
    # 2021-06-02 is a Wednesday. Leads of articles published that day may stand for the
    # day before (news of yesterday), unless they name their own day.
    wednesday = "The council voted on Wednesday to close the old bridge to lorries ."
    undated = "Engineers inspected the old bridge for cracks in the concrete ."
    store = _store(tmp_path, [
        _record("w1", "2021-06-02", [wednesday], [(0, "2021-06-02")]),
        _record("w2", "2021-06-02", [undated]),
        _record("w3", "2021-06-05", ["Lorries were banned from the old bridge on Tuesday ."],
                [(0, "2021-06-01")]),
    ])
    tl = build_timeline(store, max_dates=2, sentences_per_date=3)
    by_day = {e.date: {s.article for s in e.sentences} for e in tl.entries}
    assert set(by_day) == {D(2021, 6, 1), D(2021, 6, 2)}
    assert "w1" not in by_day[D(2021, 6, 1)] and "w1" in by_day[D(2021, 6, 2)]
    assert "w2" in by_day[D(2021, 6, 1)]
    store.close()


def test_summary_takes_the_sentence_that_adds_what_is_missing():
    from dateline.analyses.timeline import _summary_order, _unit

    centroid = _unit({"quake": 2.0, "aid": 1.0})          # (0.894, 0.447)
    vecs = {"x1": {"quake": 1.0},                          # cosine 0.894
            "x2": {"quake": 0.6, "rubble": 0.8},           # cosine 0.6 x 0.894 = 0.537
            "x3": {"aid": 1.0}}                            # cosine 0.447
    scored = [(0, -0.894, 0, 0, "x1", 0.894), (0, -0.537, 0, 1, "x2", 0.537),
              (0, -0.447, 0, 2, "x3", 0.447)]
    order = [key for key, _ in _summary_order(scored, vecs, centroid, 2)]
    # after x1, adding x3 gives (1, 1)/1.414 -> cosine 0.949; adding x2 gives
    # (1.6, 0.8 rubble) -> 1.6 x 0.894 / 1.789 = 0.800: x3 comes second
    assert order == ["x1", "x3", "x2"]


def test_range_limits_articles_and_dates(flood):
    tl = build_timeline(flood, max_dates=5, sentences_per_date=1,
                        start=D(2021, 3, 6), end=D(2021, 3, 31))
    # a1 and a2 (published March 5) are out; a3's mention of March 4 is out of range
    assert all(D(2021, 3, 6) <= e.date <= D(2021, 3, 31) for e in tl.entries)
    assert {s.article for e in tl.entries for s in e.sentences} <= {"a3", "a4"}
    assert tl.articles == 2


def test_query_selects_articles(flood):
    tl = build_timeline(flood, "parliament", max_dates=3, sentences_per_date=1)
    assert tl.articles == 1
    assert [e.date for e in tl.entries] == [D(2021, 3, 20)]


def test_publication_dates_alone_work(tmp_path):
    recs = [_record(f"c{i}", day, [f"Storm number {i} hit the northern coast towns hard.",
                                   "Power lines were cut across the coast for many hours."])
            for i, day in enumerate(["2020-01-10", "2020-01-10", "2020-01-10", "2020-01-15"])]
    store = _store(tmp_path, recs)
    tl = build_timeline(store, max_dates=1, sentences_per_date=1)
    # three articles were published on January 10: that day wins
    assert [e.date for e in tl.entries] == [D(2020, 1, 10)]
    assert any("publication dates only" in n for n in tl.notes)
    store.close()


def test_n_and_k_chosen_from_data_say_so(flood):
    tl = build_timeline(flood)
    assert tl.max_dates >= 1 and tl.sentences_per_date >= 1
    assert any("max_dates not given" in n for n in tl.notes)
    assert any("sentences_per_date not given" in n for n in tl.notes)
    assert len(tl.entries) <= tl.max_dates
    assert all(len(e.sentences) <= tl.sentences_per_date for e in tl.entries)


def test_baseline_takes_busiest_publication_day(flood):
    tl = baseline_timeline(flood, max_dates=1, sentences_per_date=2)
    # two articles were published on March 5: the first stored one, a1, gives its lead
    assert [e.date for e in tl.entries] == [D(2021, 3, 5)]
    assert [(s.article, s.sentence) for s in tl.entries[0].sentences] == [("a1", 0), ("a1", 1)]


def test_format_tilse_and_reading_it_back(flood, tmp_path):
    tl = build_timeline(flood, max_dates=2, sentences_per_date=1)
    out = format_tilse(tl)
    lines = out.splitlines()
    # March 4: 3 mentioning articles + 0.5 x 2 published the day after = 4;
    # March 8: 1 mention (a3) + 0.5 x a3 published March 9 = 1.5;
    # March 20: 1 mention (a4) + 0.25 x a4 published that day = 1.25
    assert lines[0] == "2021-03-04"
    assert lines[2] == "-" * 32
    assert lines[3] == "2021-03-08"
    assert lines[5] == "-" * 32 and len(lines) == 6
    path = tmp_path / "tl.txt"
    path.write_text(out)
    back = read_gold_timeline(path)
    assert sorted(back) == [D(2021, 3, 4), D(2021, 3, 8)]
    assert back[D(2021, 3, 4)] == [tl.entries[0].sentences[0].text]


def test_format_json_and_text(flood):
    tl = build_timeline(flood, max_dates=1, sentences_per_date=1)
    js = format_json(tl)
    assert js["entries"][0]["date"] == "2021-03-04"
    s = js["entries"][0]["sentences"][0]
    assert set(s) >= {"text", "article", "published", "sentence", "start", "end", "score"}
    assert s["published"] in ("2021-03-05", "2021-03-09")
    assert "2021-03-04" in format_text(tl)


def test_gold_reader_keeps_last_block_of_a_repeated_date(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text("2009-05-01\nFirst .\n" + "-" * 32 + "\n2009-05-01\nSecond .\nThird .\n"
                    + "-" * 32 + "\n2009-04-30\nEarlier .\n" + "-" * 32 + "\n")
    gold = read_gold_timeline(path)
    assert gold == {D(2009, 5, 1): ["Second .", "Third ."], D(2009, 4, 30): ["Earlier ."]}
    # K of the standard setting: mean of 2 and 1 sentences = 1.5, rounded half to even
    assert mean_sentences_per_date(gold) == 2


# -- the scorer -------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def small_rouge_tables(monkeypatch):
    """ROUGE's stop words and WordNet exceptions come with tilse (an evaluation extra
    the tests do without): these tests use a few entries of each, chosen by hand."""
    monkeypatch.setattr(M, "_stopwords", lambda: frozenset({"the", "of", "in", "a", "on"}))
    monkeypatch.setattr(M, "_exceptions", lambda: {"children": "child", "geese": "goose"})


@pytest.mark.parametrize("word,stem", [
    ("caresses", "caress"), ("ponies", "poni"), ("agreed", "agre"), ("hopping", "hop"),
    ("motoring", "motor"), ("happy", "happi"), ("relational", "relat"), ("filing", "file"),
])
def test_porter_stems_as_in_porters_paper(word, stem):
    assert M.porter_stem(word) == stem


def test_rouge_tokens_drop_stop_words_and_split_hyphens():
    # "the", "of", "in" are stop words; "-" is no token; "killing" stems to "kill";
    # "children" has a WordNet exception form
    assert M.rouge_tokens(["The killing of 25 children in Baghdad-area"]) == [
        "kill", "25", "child", "baghdad", "area"]


def test_rouge_counts_by_hand():
    # tokens: bomb explod market / bomb explod bus  -> 2 unigram hits, 1 bigram hit
    assert M.rouge_counts(["Bomb explodes market"], ["bomb exploded bus"], 1) == (2, 3, 3)
    assert M.rouge_counts(["Bomb explodes market"], ["bomb exploded bus"], 2) == (1, 2, 2)


def test_align_m1_same_date():
    pred = {D(2010, 1, 1): ["bomb explodes market"]}
    ref = {D(2010, 1, 1): ["bomb explodes market"], D(2010, 1, 3): ["troops withdraw city"]}
    s = M.evaluate(pred, ref)
    # precision: 3 of 3 unigrams; recall: the Jan 3 reference (3 unigrams) gets the
    # Jan 1 summary, 0 hits -> 3 / 6
    assert s["rouge_1"]["precision"] == 1.0
    assert s["rouge_1"]["recall"] == 0.5
    assert s["rouge_1"]["f_score"] == pytest.approx(2 / 3)
    # bigrams: 2 of 2; recall 2 of 4
    assert s["rouge_2"]["precision"] == 1.0 and s["rouge_2"]["recall"] == 0.5
    assert s["date"] == {"precision": 1.0, "recall": 0.5, "f_score": pytest.approx(2 / 3)}


def test_align_m1_one_day_off_is_weighted_half():
    pred = {D(2010, 1, 2): ["bomb explodes market"]}
    ref = {D(2010, 1, 1): ["bomb explodes market"]}
    s = M.evaluate(pred, ref)
    assert s["rouge_1"]["precision"] == 0.5 and s["rouge_1"]["recall"] == 0.5
    assert s["date"]["f_score"] == 0


def test_average_takes_f_of_mean_precision_and_recall():
    a = {m: {"precision": 1.0, "recall": 0.0, "f_score": 0.0} for m in ("rouge_1", "rouge_2", "date")}
    b = {m: {"precision": 0.0, "recall": 1.0, "f_score": 0.0} for m in ("rouge_1", "rouge_2", "date")}
    avg = M.average([a, b])
    # means 0.5 and 0.5 -> F 0.5, although each timeline's F is 0
    assert avg["rouge_1"] == {"precision": 0.5, "recall": 0.5, "f_score": 0.5}


def test_eval_table_prints_our_average_beside_the_published_figures(capsys):
    from dateline.evaluate.tls import _print_table

    s = {"rouge_1": {"f_score": 0.1434}, "rouge_2": {"f_score": 0.0478},
         "date": {"f_score": 0.631}}
    _print_table([("topic/tl", 10, 2, s, 0.25)], s, "dateline")
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("topic/tl") and "0.143  0.048  0.631   0.25" in line
               for line in out)
    assert any("DATEWISE" in line and ".120 / .035 / .544" in line for line in out)


def test_weights_come_from_the_settings_passed_in(flood):
    from dateline.settings import TimelineSettings

    default = build_timeline(flood, max_dates=3, sentences_per_date=2)
    assert format_json(default) == format_json(
        build_timeline(flood, max_dates=3, sentences_per_date=2, settings=TimelineSettings()))
    assert default.as_dict() == format_json(default)
    # without the weight of mentions, March 4 keeps only what publication dates give it
    top = build_timeline(flood, max_dates=1, sentences_per_date=1)
    pub_only = build_timeline(flood, max_dates=1, sentences_per_date=1,
                              settings=TimelineSettings(mention_weight=0.0))
    assert top.entries[0].score - pub_only.entries[0].score == 3.0   # three articles
    # sentences of 6+ words are all held back by max_tokens=3, but still chosen
    short = build_timeline(flood, max_dates=1, sentences_per_date=1,
                           settings=TimelineSettings(max_tokens=3))
    assert [e.date for e in short.entries] == [D(2021, 3, 4)]


def test_a_query_fts5_cannot_parse_raises_query_error(flood):
    from dateline.store import QueryError

    with pytest.raises(QueryError, match="bad timeline query"):
        build_timeline(flood, "\x00")   # not even as a phrase
    assert issubclass(QueryError, ValueError)


def test_a_query_timeline_keeps_to_sentences_about_the_query(tmp_path):
    # The article names the envoy, goes on about her with "She", then turns to floods.
    rec = _record("q1", "2018-09-05", [
        "Envoy Maria Lund arrived in the capital on Monday.",
        "She met rebel leaders in the north on Tuesday.",
        "Separately, floods cut the main road to the coast on Tuesday.",
        "Farmers lost their harvest to the floods on Monday."],
        dates=[(0, "2018-09-03"), (1, "2018-09-04"), (2, "2018-09-04"), (3, "2018-09-03")])
    rec["entities"] = [{"text": "Maria Lund", "start": 6, "end": 16, "sentence": 0,
                        "label": "PERSON", "canonical": "Maria Lund"}]
    with _store(tmp_path, [rec]) as store:
        tl = build_timeline(store, "Maria Lund", max_dates=5, sentences_per_date=2)
        picked = [s.text for e in tl.entries for s in e.sentences]
        assert picked == ["Envoy Maria Lund arrived in the capital on Monday.",
                          "She met rebel leaders in the north on Tuesday."]
        # without a query the floods are part of the story
        everything = build_timeline(store, None, max_dates=5, sentences_per_date=2)
        assert any("floods" in s.text for e in everything.entries for s in e.sentences)


def test_publication_cap_limits_what_a_busy_day_counts(tmp_path):
    from dateline.settings import TimelineSettings

    # five articles published on May 1 that name no day; one, two days later,
    # recalls May 10
    busy = [_record(f"b{i}", "2021-05-01", [f"Crowds number {i} filled the square in the "
                                            "capital all afternoon."]) for i in range(5)]
    recall = _record("r1", "2021-05-12", [
        "The ministers met on Monday and signed the border treaty at last."],
        [(0, "2021-05-10")])
    store = _store(tmp_path, [*busy, recall])
    try:
        # May 1: 5 x 0.25 = 1.25 beats May 10: one mention, 1.0
        plain = build_timeline(store, max_dates=1, sentences_per_date=1)
        assert [e.date for e in plain.entries] == [D(2021, 5, 1)]
        # capped at 2 articles, May 1 counts 0.5 and the recalled day wins
        capped = build_timeline(store, max_dates=1, sentences_per_date=1,
                                settings=TimelineSettings(publication_cap=2))
        assert [e.date for e in capped.entries] == [D(2021, 5, 10)]
    finally:
        store.close()


def test_spread_shares_dates_among_periods_by_volume():
    from dateline.analyses.timeline import _spread

    jan1, jan2, jan3, feb20 = D(2021, 1, 1), D(2021, 1, 2), D(2021, 1, 3), D(2021, 2, 20)
    # Jan 1 .. Feb 20 is 51 days: two periods, Jan 1-25 (9 articles) and Jan 26 on (1)
    volume = {jan1: 8, jan2: 1, feb20: 1}
    ranked = [jan1, jan2, jan3, feb20]
    assert _spread(ranked, 2, volume, 0.0, 0.5) == [jan1, jan2]            # off
    # power 0.5: shares 3/4 and 1/4; caps ceil(0.5*2*3/4) = 1 and ceil(0.5*2*1/4) = 1
    assert _spread(ranked, 2, volume, 0.5, 0.5) == [jan1, feb20]
    # n = 3: caps ceil(1.125) = 2 and ceil(0.375) = 1; result in ranked order
    assert _spread(ranked, 3, volume, 0.5, 0.5) == [jan1, jan2, feb20]
    # no ranked day in the quiet period: the busy one's passed-over days fill up
    assert _spread([jan1, jan2, jan3], 2, {jan1: 8, feb20: 1}, 0.5, 0.5) == [jan1, jan2]
    assert _spread([], 2, volume, 0.5, 0.5) == []


def _date_ranker_script():
    """benchmarks/tls_date_ranker.py as a module (the benchmarks are no package)."""
    import importlib.util
    import sys
    from pathlib import Path

    if "tls_date_ranker" not in sys.modules:
        path = Path(__file__).resolve().parent.parent / "benchmarks" / "tls_date_ranker.py"
        spec = importlib.util.spec_from_file_location("tls_date_ranker", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["tls_date_ranker"] = module   # its dataclass looks itself up there
        spec.loader.exec_module(module)
    return sys.modules["tls_date_ranker"]


def test_date_ranker_features_count_articles_by_when_they_refer_to_a_day(flood):
    # the features that benchmarks/tls_date_ranker.py trains on, counted by hand on FLOOD
    import math

    R = _date_ranker_script()
    arts = {r[0]: (r[1], D.fromisoformat(r[2])) for r in flood.db.execute(
        "SELECT rowid, id, published FROM articles")}
    rowid = {aid: k for k, (aid, _) in arts.items()}
    mentions = R.day_mentions(flood, arts, D(2021, 3, 1), D(2021, 3, 31))
    assert mentions[(rowid["a3"], 1)] == {D(2021, 3, 4)}
    pub = {k: p for k, (_, p) in arts.items()}
    feats = R.day_features(mentions, pub)
    assert sorted(feats) == [D(2021, 3, 4), D(2021, 3, 5), D(2021, 3, 8), D(2021, 3, 9),
                             D(2021, 3, 20)]
    got = dict(zip(R.FEATURES, feats[D(2021, 3, 4)]))
    # a1, a2 (published the day after) and a3 (five days after) mention March 4, each
    # in one of its first three sentences; nothing is published on it
    assert got["mentions"] == got["later"] == got["lead"] == pytest.approx(math.log1p(3))
    assert got["published"] == got["before"] == got["week_later"] == 0
    assert got["next_day"] == pytest.approx(math.log1p(2))
    # the week either side: March 5 (2 articles), 8 (1 mention), 9 (1 published)
    assert got["burst"] == pytest.approx(math.log1p(3) - math.log1p(4 / 14))
    assert got["share"] == pytest.approx(3 / 4)
    assert got["after"] == pytest.approx(math.log1p(4))
    quiet = dict(zip(R.FEATURES, feats[D(2021, 3, 20)]))
    # a4 mentions its own publication day, the last one: nothing can refer back to it
    assert quiet["mentions"] == quiet["published"] == pytest.approx(math.log1p(1))
    assert quiet["later"] == quiet["after"] == quiet["next_day"] == 0
