"""Document tone on GDELT's scale, from the VADER sentiment lexicon.

tone = (positive words - negative words) / all words * 100, rounded to two
decimals, where a *word* is a run of letters, optionally joined by inner
apostrophes or hyphens ("war", "don't", "well-known"; digits and punctuation
are not words), and a
word is positive (negative) when its lower-cased form has a mean valence above
(below) zero in VADER's ``vader_lexicon.txt``. The lexicon is read at run time
from the installed ``vaderSentiment`` package (MIT licence, C.J. Hutto); only
its word list is used, not VADER's rules.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

from dateline.extract import Context, extractor

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class LexiconMissing(RuntimeError):
    """The vaderSentiment package (which ships the lexicon) is not installed."""


@functools.lru_cache(maxsize=1)
def lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """The positive and negative words of VADER's lexicon (valence > 0, < 0)."""
    try:
        raw = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover - install problem
        raise LexiconMissing("tone needs the vaderSentiment package: pip install vaderSentiment") from exc
    pos: set[str] = set()
    neg: set[str] = set()
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        try:
            valence = float(parts[1])
        except ValueError:
            continue
        if valence > 0:
            pos.add(parts[0])
        elif valence < 0:
            neg.add(parts[0])
    return frozenset(pos), frozenset(neg)


def tone_of_words(words: list[str]) -> float | None:
    """GDELT-style tone of ``words`` (already split); ``None`` for no words."""
    if not words:
        return None
    pos, neg = lexicon()
    p = n = 0
    for w in words:
        low = w.lower()
        if low in pos:
            p += 1
        elif low in neg:
            n += 1
    return round((p - n) / len(words) * 100, 2)


@extractor("tone", storage="article", packages=("vaderSentiment",))
def extract(doc: Doc, ctx: Context) -> float | None:
    """The document's tone (see module doc); ``None`` for a text without words."""
    return tone_of_words(_WORD.findall(ctx.text))
