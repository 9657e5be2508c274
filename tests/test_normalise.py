"""The normalisation stage: Penn-Treebank tokens, transcript labels and page furniture,
on texts of our own written in those shapes, with offsets kept into the original."""

from __future__ import annotations

import datetime as dt

from dateline.article import Article
from dateline.normalise import is_tokenised, normalise
from dateline.pipeline import extract_article

PTB = ("BEIRUT -LRB- Wire -RRB- -- Envoy Maria Lund -LRB- Sweden -RRB- said `` talks will resume , ''"
       " on Tuesday .\nShe did n't name a venue ; the council 's members ca n't agree on April 6 , 2011 .\n")


def test_tokenised_text_is_recognised_and_ordinary_text_is_left_alone() -> None:
    assert is_tokenised(PTB)
    plain = ("Envoy Maria Lund said the talks, which stalled in May, would resume. "
             "She didn't name a venue; the council's members can't agree.")
    assert not is_tokenised(plain)
    norm = normalise(plain)
    assert norm.text == plain and not norm.changed and norm.turns == []


def test_tokens_are_rewritten_and_mapped_back() -> None:
    norm = normalise(PTB)
    # one sentence per line in such corpora: each line break becomes a paragraph break
    assert norm.text == ("BEIRUT (Wire) -- Envoy Maria Lund (Sweden) said “talks will resume,”"
                         " on Tuesday.\n\nShe didn't name a venue; the council's members can't"
                         " agree on April 6, 2011.\n\n")
    for normal, original in (("Maria Lund", "Maria Lund"), ("(Sweden)", "-LRB- Sweden -RRB-"),
                             ("April 6, 2011", "April 6 , 2011"), ("didn't", "did n't"),
                             ("“talks will resume,”", "`` talks will resume , ''")):
        i = norm.text.index(normal)
        assert PTB[norm.start(i):norm.end(i + len(normal))] == original


def test_brackets_are_rewritten_even_in_ordinary_text() -> None:
    norm = normalise("The minister -LRB- a former general -RRB- resigned.")
    assert norm.text == "The minister (a former general) resigned."


def test_a_record_of_tokenised_text_has_clean_names_and_offsets_into_the_original() -> None:
    record = extract_article(Article(text=PTB, published=dt.date(2011, 3, 20), id="p1"))
    assert record["text"] == PTB
    for kind in ("dates", "entities", "places", "quotes", "amounts"):
        for item in record[kind]:
            assert item["text"] == PTB[item["start"]:item["end"]]
    names = [e["text"] for e in record["entities"]]
    assert not any("-RRB-" in n or "-LRB-" in n for n in names)
    # the spaced comma no longer costs the year
    assert {"text": "April 6 , 2011", "value": "2011-04-06"} in [
        {"text": d["text"], "value": d["value"]} for d in record["dates"]]
    # `` and '' are quotation marks: the quoted words are a direct or mixed quote
    quoted = [q for q in record["quotes"] if "talks will resume" in q["text"]]
    assert quoted and quoted[0]["kind"] in ("direct", "mixed")


TRANSCRIPT = ("date 2011-03-21\n"
              "HOLLIS : Good evening . Tonight the port city is quiet .\n"
              "We begin with our reporter on the coast .\n"
              "DANA MEYER , CORRESPONDENT : Thanks . The shelling stopped at dawn .\n"
              "NEW : Officials said the ceasefire holds .\n")


def test_speaker_labels_are_turns_not_places() -> None:
    text = TRANSCRIPT.split("\n", 1)[1]
    norm = normalise(text)
    assert [t.speaker for t in norm.turns] == ["HOLLIS", "DANA MEYER"]
    first = norm.turns[0]
    assert norm.text[first.start:first.end] == (
        "Good evening. Tonight the port city is quiet.\n\nWe begin with our reporter on the coast.")
    record = extract_article(Article(text=text, published=dt.date(2011, 3, 21), id="t1"))
    labels = {"HOLLIS", "DANA MEYER", "CORRESPONDENT", "NEW"}
    assert not [p for p in record["places"] if p["text"] in labels]
    assert not [e for e in record["entities"] if e["text"] in labels]
    turns = [q for q in record["quotes"] if q.get("turn")]
    # the correspondent's turn is the reporter's narration, no quote (her label says so)
    assert [t.role for t in norm.turns] == ["", "CORRESPONDENT"]
    assert [(q["speaker"], text[q["speaker_start"]:q["speaker_end"]]) for q in turns] == [
        ("Hollis", "HOLLIS")]
    assert turns[0]["text"].startswith("Good evening .")
    assert all(q["kind"] == "direct" for q in turns)


def test_the_regions_heading_a_news_digest_are_not_speakers() -> None:
    # a digest of other papers' stories, each section headed by a wide region
    norm = normalise("Today 's reading .\nMIDDLE EAST : Ferry Line Reopens The ferry to the "
                     "islands sailed again on Monday .\nPACIFIC RIM : Rice Prices Climb Traders "
                     "blamed the floods .\nSOUTH AND CENTRAL ASIA : Dam Opens Engineers filled "
                     "the reservoir .\n")
    assert norm.turns == [] and "PACIFIC RIM" in norm.text


def test_a_name_that_is_no_region_stays_a_speaker() -> None:
    norm = normalise("CHAD MORROW : The storm turns north tonight .\nHOLLIS : Thank you .\n")
    assert [t.speaker for t in norm.turns] == ["CHAD MORROW", "HOLLIS"]


def test_a_country_in_capitals_before_a_colon_is_not_a_speaker() -> None:
    norm = normalise("Cases so far .\nCHILE : two deaths , 40 confirmed cases .\n")
    assert norm.turns == [] and "CHILE" in norm.text


def test_page_furniture_is_hidden_from_the_extractors() -> None:
    text = ("Rebels took the airport on Sunday.\n"
            "Reporters Ann Ko and Li Wei contributed to this report.\n"
            "Comments are not pre-screened before they post. Read our Terms of Service.")
    norm = normalise(text)
    assert len(norm.text) == len(text)
    assert norm.text.startswith("Rebels took the airport on Sunday.\n")
    assert norm.text[35:].strip() == ""
    record = extract_article(Article(text=text, published=dt.date(2011, 3, 21), id="f1"))
    assert len(record["sentences"]) == 1
    assert not [e for e in record["entities"] if e["text"] in ("Ann Ko", "Li Wei", "Terms of Service")]
    assert not record["events"] or all(e["sentence"] == 0 for e in record["events"])


def test_print_credits_and_media_notes_are_hidden_but_the_sentence_before_stays() -> None:
    text = ("The school reopened on Monday after the outbreak ended A version appeared on "
            "p12 of the Society section of the Observer on 00.05 BST on Friday 1 May 2009 .\n"
            "To see this content JavaScript must be turned on, with a recent Flash plugin "
            "installed .\n")
    norm = normalise(text)
    assert norm.text.startswith("The school reopened on Monday after the outbreak ended ")
    assert "Society" not in norm.text and "Observer" not in norm.text
    assert "Flash" not in norm.text and "JavaScript" not in norm.text
    assert len(norm.text) == len(text)


def test_readers_comments_are_hidden_from_the_extractors() -> None:
    text = ("The army shelled Misrata on Monday.\n"
            "Posted by a reader\n"
            "Tomas K March 8, 2011 at 6:19 pm | The rebels will take Tripoli tonight.\n"
            "ANNA : Nobody asked NATO to bomb anything.\n")
    norm = normalise(text)
    assert norm.text.startswith("The army shelled Misrata on Monday.\n")
    # from the line of the first comment stamp on, labels included
    assert norm.text[36:].strip() == "Posted by a reader"
    assert norm.turns == []
    unpunctuated = normalise("Credits\nAnn Ko contributed to this report\nMore news.")
    assert "contributed" not in unpunctuated.text and "More news." in unpunctuated.text


def test_comment_stamps_of_other_sites_start_the_comments_too() -> None:
    for stamp in ("At 04:23 23rd Aug 2010 , kestrel wrote : Nobody cares.",
                  "At 6:50 pm on 05 May 2009 , kestrel wrote : Nobody cares.",
                  "At 08:55 am on 30 Jun 2009 , kestrel wrote : Nobody cares.",
                  "6th June 2012 - 19:49 Nobody cares .",
                  "We welcome comments that advance the story through relevant opinion . "
                  "Nobody cares .",
                  "Views expressed in the comments do not represent those of the agency . "
                  "Nobody cares .",
                  "Were you there ? Send us your experiences using the form below . "
                  "Nobody cares ."):
        norm = normalise(f"The port reopened on Monday .\n{stamp}\nThe army will win .\n")
        assert norm.text.strip() == "The port reopened on Monday."


def test_stamps_and_credits_run_into_a_sentence_are_blanked_alone() -> None:
    text = ("Port reopens By the CNN Wire Staff The port reopened on Monday .\n"
            "-LRB- 9:15 a.m. Tuesday ET , 3:15 p.m. Tuesday in Malta -RRB- Ferries sailed again , "
            "officials said .\n"
            "4 May 2013 Last updated at 10:02 GMT Help Divers found the wreck .\n"
            "Crews did n't rest , the union 's chief said ; they 're tired , he added .\n")
    norm = normalise(text)
    assert "CNN Wire Staff" not in norm.text and "9:15" not in norm.text
    assert "Last updated" not in norm.text and "Help" not in norm.text
    # the sentences themselves stay, and offsets still map back
    for words in ("The port reopened on Monday.", "Ferries sailed again, officials said.",
                  "Divers found the wreck."):
        i = norm.text.index(words)
        assert text[norm.start(i):norm.end(i + len(words))].replace(" ", "") == words.replace(" ", "")
    # a clock time in a sentence is news, not a stamp
    plain = normalise("The blast came at 9:15 a.m. (local time), police said.")
    assert "9:15" in plain.text


def test_comments_with_a_doubled_time_stamp_are_blanked() -> None:
    text = ("The council met on Monday and voted to close the bridge.\n"
            "June 3, 2012 09:41 pm at 9:41 pm | Closing it is a mistake, I drive there daily.\n"
            "June 3, 2012 10:02 pm at 10:02 pm | Good decision.\n")
    norm = normalise(text)
    assert norm.text.startswith("The council met on Monday")
    assert "mistake" not in norm.text and "Good decision" not in norm.text
    assert [why for _, _, why in norm.blanked] == ["comments"]


def test_a_turn_ends_at_a_line_opened_by_a_capitalised_name_and_a_colon() -> None:
    text = ("HOST : Why did the talks fail ?\n"
            "Morales : Nobody trusted the mediator , and the deadline was too short .\n"
            "HOST : What comes next ?\n")
    norm = normalise(text)
    assert [(t.speaker, norm.text[t.start:t.end]) for t in norm.turns] == [
        ("HOST", "Why did the talks fail?"), ("HOST", "What comes next?")]


def test_live_blog_entry_stamps_are_blanked() -> None:
    text = ("Updates : NIGER , 6:15 p.m. ET , 11:15 p.m. local : Some 900 refugees reached the camp"
            " overnight , aid workers said .\n")
    norm = normalise(text)
    assert "6:15" not in norm.text and "NIGER" not in norm.text
    assert "Some 900 refugees reached the camp overnight" in norm.text


def test_a_list_of_other_sites_headlines_is_blanked() -> None:
    text = ("Kenya sent 200 police officers to the coast on Monday .\n"
            "Officials said more would follow .\n"
            "Daily Courier Kenya deploys police to coast - 2 hrs ago Radio Mombasa "
            "Coast towns brace for storm - 35 mins ago Nairobi Times\n")
    norm = normalise(text)
    start = text.index("Daily Courier")
    assert norm.text[:start] == text[:start]
    assert norm.text[start:].strip() == ""
    assert [(b, e, k) for b, e, k in norm.blanked if k == "links"] == [(start, len(text), "links")]


def test_a_time_span_in_the_news_is_no_headline_stamp() -> None:
    text = "The talks ended 2 hours ago, officials said.\nThe ministers left.\n"
    norm = normalise(text)
    assert norm.text == text and norm.blanked == []


def test_a_call_to_have_your_say_starts_the_comments() -> None:
    text = ("The Kenyan ferry sank near Lamu on Monday.\n"
            "Tell us what you think: have your say on the ferry service below.\n"
            "I sailed on it last year and it was always late.\n")
    norm = normalise(text)
    start = text.index("Tell us")
    assert norm.text[:start] == text[:start] and norm.text[start:].strip() == ""


def test_the_have_your_say_debates_named_in_a_text_start_nothing() -> None:
    text = ("Our Have Your Say debate drew many replies.\n"
            "Most readers said the ferry was safe.\n")
    assert normalise(text).blanked == []


def test_the_close_of_a_readers_debate_starts_the_comments() -> None:
    text = ("Should towns ban cars from their centres?\n"
            "Send us your photographs of empty streets.\n"
            "This debate is now closed.\n"
            "The mayor arrested my neighbour for driving, which is madness.\n")
    norm = normalise(text)
    start = text.index("This debate")
    assert norm.text[:start] == text[:start] and norm.text[start:].strip() == ""


def test_a_debate_page_that_opens_with_its_close_keeps_its_introduction() -> None:
    text = ("This debate is now closed.\n"
            "The president of Ghana offered land to the flood victims on Monday.\n")
    assert normalise(text).blanked == []


def test_page_stamps_and_hub_page_teasers_are_blanked() -> None:
    text = ("Ferry talks resume updated : Wed Jun 15 2011 18:05:00 Kenyan ministers met on Monday.\n"
            "MOMBASA , Kenya | Tue May 25 , 2010 6:12 pm EDT MOMBASA -LRB- Reuters -RRB- - The port"
            " reopened.\n"
            "2346 Rescuers in Lamu say they found two survivors.\n"
            "1998 World Cup tickets went on sale.\n")
    norm = normalise(text)
    for stamp in ("| Tue May 25 , 2010 6:12 pm EDT", "2346"):
        start = text.index(stamp)
        assert norm.original[start:start + len(stamp)] == stamp
        assert (start, start + len(stamp), "furniture") in norm.blanked
    # a hub page's teaser of another story is hidden whole, headline, stamp and lead
    assert "Ferry talks" not in norm.text and "Kenyan ministers met on Monday" not in norm.text
    assert "Rescuers in Lamu" in norm.text
    assert "1998 World Cup" in norm.text  # a year opening a line is no entry time


def test_a_blog_comment_stamp_with_an_ordinal_day_starts_the_comments() -> None:
    text = ("The ferry service to Lamu resumed on Monday.\n"
            "March 3rd , 2011 6:12 pm ET The minister should have resigned years ago .\n")
    norm = normalise(text)
    start = text.index("March 3rd")
    assert norm.text[:start] == text[:start] and norm.text[start:].strip() == ""
