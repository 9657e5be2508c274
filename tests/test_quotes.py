"""Quotes: direct, indirect and mixed attributions with resolved speakers; the PolNeAR scorer."""

import datetime as dt
from pathlib import Path

from dateline.evaluate.quotes import Attribution, parse_ann, score_article, system_attributions
from dateline.extract import Context
from dateline.extract.quotes import QuoteConfig, extract, find_quoted


def _ents(text: str, items: list[tuple[str, str, str]]) -> list[dict]:
    """Entity records for (mention, label, canonical), each at its first occurrence after the last."""
    out, pos = [], 0
    for mention, label, canonical in items:
        start = text.index(mention, pos)
        out.append({"text": mention, "start": start, "end": start + len(mention), "sentence": 0,
                    "label": label, "canonical": canonical})
        pos = start + 1
    return out


def _quotes(nlp, text: str, ents: list[dict] | None = None, cues: str = "speech") -> list[dict]:
    doc = nlp(text)
    ctx = Context(published=dt.date(2020, 1, 1), text=text,
                  sentence_starts=[s.start_char for s in doc.sents], config=QuoteConfig(cues=cues))
    if ents is not None:
        ctx.results["entities"] = ents
    out = extract(doc, ctx)
    for q in out:
        assert text[q["start"]:q["end"]] == q["text"]
    return out


def _one(quotes: list[dict], words: str) -> dict:
    found = [q for q in quotes if words in q["text"]]
    assert len(found) == 1, quotes
    return found[0]


def test_find_quoted_multi_paragraph():
    text = 'He said: "First part.\n\n"Second part," and left. “Curly one.”'
    spans = [text[s:e] for s, e in find_quoted(text)]
    assert spans == ['First part.\n\n"Second part,', "Curly one."]


def test_direct_quote_after_speaker_and_pronoun(nlp):
    text = ('The minister, Anna Berg, spoke in Oslo on Monday. "We will not accept these terms," Berg said. '
            "She told reporters that the talks would resume next week.")
    ents = _ents(text, [("Anna Berg", "PERSON", "Anna Berg"), ("Oslo", "GPE", "Oslo"),
                        ("Berg", "PERSON", "Anna Berg")])
    quotes = _quotes(nlp, text, ents)
    direct = _one(quotes, "We will not accept")
    assert direct["kind"] == "direct"
    assert direct["text"] == "We will not accept these terms"
    assert direct["speaker"] == "Anna Berg"
    assert text[direct["speaker_start"]:direct["speaker_end"]] == "Berg"
    assert direct["cue"] == "said"
    told = _one(quotes, "talks would resume")
    assert told["kind"] == "indirect"
    assert told["cue"] == "told"
    assert told["speaker"] == "Anna Berg"
    assert text[told["speaker_start"]:told["speaker_end"]] == "She"
    assert told["text"] == "that the talks would resume next week"


def test_said_before_quote_without_entities(nlp):
    text = 'The farmers said the new dam "will ruin the whole valley" within a decade.'
    q = _one(_quotes(nlp, text), "will ruin")
    assert q["kind"] == "mixed"
    assert q["speaker"] == "The farmers"
    assert q["text"].startswith("the new dam")


def test_according_to(nlp):
    text = "According to the health ministry, the clinic in the north closed last year."
    q = _one(_quotes(nlp, text), "clinic")
    assert q["cue"] == "according to"
    assert q["speaker"] == "the health ministry"
    assert q["text"] == "the clinic in the north closed last year"
    assert q["kind"] == "indirect"


def test_role_noun_resolves_to_titled_person(nlp):
    text = ("Spokeswoman Mara Lind met the press in the morning. Later the spokeswoman said "
            "the budget would be cut by a third.")
    ents = _ents(text, [("Mara Lind", "PERSON", "Mara Lind")])
    q = _one(_quotes(nlp, text, ents), "budget")
    assert q["speaker"] == "Mara Lind"
    assert text[q["speaker_start"]:q["speaker_end"]] == "the spokeswoman"


def test_quote_split_by_cue(nlp):
    text = '"We are ready," he said, "but we will wait for the vote."'
    q = _one(_quotes(nlp, text), "We are ready")
    assert q["kind"] == "direct"
    assert [text[s:e] for s, e in q["parts"]] == ["We are ready", "but we will wait for the vote"]
    assert text[q["speaker_start"]:q["speaker_end"]] == "he"


def test_speech_inside_quote_is_not_a_second_quote(nlp):
    text = '"I think the plan is a mistake and I know it will fail," the senator said.'
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1
    assert quotes[0]["speaker"] == "the senator"


def test_parse_ann_and_score(tmp_path: Path):
    text = "Ann said the bridge is closed. Bob thinks so."
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 29\tthe bridge is closed\n"
        "T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        "T5\tContent 35 44\tthinks so\nT6\tAttribution-no-source 35 41\tthinks\n"
        "E2\tAttribution-no-source:T6 Content:T5\n", encoding="utf-8")
    gold = parse_ann(ann)
    assert len(gold) == 2
    assert gold[0].content == frozenset(range(9, 29)) and gold[0].source == frozenset(range(0, 3))
    assert gold[1].source == frozenset()
    system = system_attributions([
        # Same letters as gold 1 (the full stop does not count): exact, overlap, source right.
        {"start": 9, "end": 30, "speaker_start": 0, "speaker_end": 3},
        # Overlaps gold 2 but ends early, with a source where gold has none.
        {"start": 35, "end": 41, "speaker_start": 31, "speaker_end": 34},
        # Overlaps nothing.
        {"start": 0, "end": 3, "speaker_start": None, "speaker_end": None},
    ])
    c = score_article(text, system, gold)
    assert (c.system, c.gold, c.overlap, c.exact, c.source) == (3, 2, 2, 1, 1)


def test_overlap_pairing_is_one_to_one():
    text = "x" * 40
    gold = [Attribution(frozenset(range(0, 20)), frozenset())]
    system = [Attribution(frozenset(range(0, 5)), frozenset()), Attribution(frozenset(range(0, 15)), frozenset())]
    c = score_article(text, system, gold)
    assert c.overlap == 1 and c.source == 1


def test_pieces_one_cue_reports_are_one_quote(nlp):
    # "blasted" reports both "the governor" (as its object) and the quoted "disgrace"
    text = 'The senator blasted the governor as a "disgrace" on Monday.'
    (q,) = _quotes(nlp, text)
    g, d = text.index("the governor"), text.index("disgrace")
    assert (q["cue"], q["kind"], q["parts"]) == ("blasted", "mixed", [[g, g + 12], [d, d + 8]])
    # the quotation found both inside and around the reported clause: one record
    text = 'Trump tweeted that, "At least you know I will be there, awake, to answer the call!"'
    (q,) = _quotes(nlp, text)
    assert (q["cue"], q["kind"]) == ("tweeted", "mixed")
    assert q["text"].startswith("that,") and q["text"].endswith("answer the call!")


def test_speech_reported_inside_a_quote_is_not_a_quote_of_its_own(nlp):
    # what the envoy says the ministers promised is his claim, not a quote of the ministers
    text = ("The envoy said the ministers had promised to reopen the border crossing "
            "within a week.")
    quotes = _quotes(nlp, text)
    assert [(q["cue"], q["text"]) for q in quotes] == [
        ("said", "the ministers had promised to reopen the border crossing within a week")]



def test_pronoun_speaker_resolved_in_reach_else_empty(nlp):
    # "He" five sentences after the only person: out of reach (the quote's sentence and
    # the one before; a person the subject of a clause up to four sentences before),
    # so no speaker; the pronoun is kept on its own.
    far = ("Maria Lund arrived in Bergen on Monday. The weather was cold all week. "
           "Officials had closed the port. Ferries stayed in the harbour. Shops shut early. "
           "He said the talks would go on.")
    q = _one(_quotes(nlp, far, _ents(far, [("Maria Lund", "PERSON", "Maria Lund")])), "talks")
    assert q["speaker"] is None and q["speaker_pronoun"] == "He"
    assert far[q["speaker_start"]:q["speaker_end"]] == "He"
    near = "Maria Lund arrived in Bergen on Monday. He said the talks would go on."
    q = _one(_quotes(nlp, near, _ents(near, [("Maria Lund", "PERSON", "Maria Lund")])), "talks")
    assert (q["speaker"], q["speaker_pronoun"]) == ("Maria Lund", "He")


def test_they_is_a_group_never_a_person(nlp):
    org = "The Nordic Fishing Union met in Bergen on Monday. They said the quotas were unfair."
    ents = _ents(org, [("Nordic Fishing Union", "ORG", "Nordic Fishing Union")])
    q = _one(_quotes(nlp, org, ents), "quotas")
    assert (q["speaker"], q["speaker_pronoun"]) == ("Nordic Fishing Union", "They")
    person = "Maria Lund met reporters in Bergen. They said the quotas were unfair."
    q = _one(_quotes(nlp, person, _ents(person, [("Maria Lund", "PERSON", "Maria Lund")])), "quotas")
    assert q["speaker"] is None and q["speaker_pronoun"] == "They"
    group = "Local fishermen said the quotas were unfair. They said the union had ignored them."
    q = _one(_quotes(nlp, group, []), "ignored")
    assert (q["speaker"], q["speaker_pronoun"]) == ("Local fishermen", "They")


def test_first_person_and_punctuation_are_never_speakers(nlp):
    from dateline.extract.quotes import _Entities, _resolve

    text = "Maria Lund spoke first. I said the plan would fail."
    ents = _ents(text, [("Maria Lund", "PERSON", "Maria Lund")])
    q = _one(_quotes(nlp, text, ents, cues="all"), "plan")
    assert q["speaker"] is None and q["speaker_pronoun"] == "I"
    # Outside quotation marks "I" is the writer: no source quoted, unless PolNeAR's scheme.
    assert _quotes(nlp, text, ents) == []
    # A speaker mention that is punctuation alone is no speaker (and no pronoun).
    assert _resolve(_Entities([], "# said so."), "# said so.", None, (0, 1), [], []) == (None, None)


def test_the_country_us_is_no_pronoun(nlp):
    text = "The US said the sanctions would stay in place."
    q = _one(_quotes(nlp, text, _ents(text, [("US", "GPE", "United States")])), "sanctions")
    assert q["speaker"] == "United States" and "speaker_pronoun" not in q


def test_antecedent_is_outside_the_quote_and_we_needs_a_group_speaker(nlp):
    text = ("Maria Lund reported from the port. "
            "Forty boats stayed in Bergen because Erik Dahl closed the channel, she said.")
    ents = _ents(text, [("Maria Lund", "PERSON", "Maria Lund"), ("Erik Dahl", "PERSON", "Erik Dahl")])
    q = _one(_quotes(nlp, text, ents), "Forty boats")
    assert (q["speaker"], q["speaker_pronoun"]) == ("Maria Lund", "she")
    # An organisation merely mentioned is not who "we" are: the writer may be.
    org = "The Nordic Fishing Union met in Bergen on Monday. We said the quotas were unfair."
    ents = _ents(org, [("Nordic Fishing Union", "ORG", "Nordic Fishing Union")])
    q = _one(_quotes(nlp, org, ents, cues="all"), "quotas")
    assert q["speaker"] is None and q["speaker_pronoun"] == "We"
