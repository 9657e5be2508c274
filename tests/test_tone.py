"""Tone: GDELT-style (positive - negative) / words * 100 with VADER's word list."""

import datetime as dt

from dateline.extract import run_extractors
from dateline.extract.tone import lexicon, tone_of_words


def _tone(nlp, text: str):
    return run_extractors(nlp(text), dt.date(2020, 1, 1), only=("tone",), text=text)["tone"]


def test_lexicon_signs():
    pos, neg = lexicon()
    # Valences in vader_lexicon.txt: war -2.9, killed -3.5, disaster -3.1, peace 2.5, good 1.9.
    assert {"war", "killed", "disaster"} <= neg
    assert {"peace", "good"} <= pos
    assert "the" not in pos and "the" not in neg


def test_negative_sentence_by_hand(nlp):
    # Words: The war killed many people and the attack was a disaster = 11;
    # negative: war, killed, attack, disaster = 4; positive: none.
    # (0 - 4) / 11 * 100 = -36.3636... -> -36.36
    assert _tone(nlp, "The war killed many people and the attack was a disaster.") == -36.36


def test_mixed_sentence_by_hand(nlp):
    # Words: Leaders agreed on peace but the war goes on = 9;
    # positive: agreed, peace = 2; negative: war = 1. (2 - 1) / 9 * 100 = 11.11
    assert _tone(nlp, "Leaders agreed on peace, but the war goes on.") == 11.11


def test_punctuation_is_not_a_word(nlp):
    # Words: War, ended = 2 (the comma and full stop are not words); war is
    # negative (matched lower-cased): -1 / 2 * 100 = -50.0
    assert _tone(nlp, "War, ended.") == -50.0
    assert tone_of_words(["peace", "talks"]) == 50.0


def test_no_words(nlp):
    assert _tone(nlp, "... !!") is None
