"""The temporal word lists (dateline/data/temporal_words.tsv), loaded once."""

from __future__ import annotations

import functools

from dateline.data import read_rows


@functools.lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """``{kind: {word: value}}`` for every row of the lexicon (values as strings)."""
    out: dict[str, dict[str, str]] = {}
    for kind, word, value in read_rows("temporal_words.tsv"):
        out.setdefault(kind, {})[word] = value
    return out


def alternation(kind: str, extra: tuple[str, ...] = ()) -> str:
    """A regex alternation of the words of ``kind`` (longest first), plus ``extra``."""
    ws = sorted(list(words()[kind]) + list(extra), key=len, reverse=True)
    return "(?:" + "|".join(w.replace(" ", r"\s") for w in ws) + ")"


def number(word: str) -> int | None:
    """The value of one number word ("seven" -> 7), or None."""
    v = words()["number"].get(word.lower())
    return int(v) if v is not None else None


def ordinal(word: str) -> int | None:
    """The value of an ordinal word or numeral ("third" -> 3, "21st" -> 21), or None."""
    w = word.lower()
    if w[:-2].isdigit() and w[-2:] in ("st", "nd", "rd", "th"):
        return int(w[:-2])
    if w.isdigit():
        return int(w)
    v = words()["ordinal"].get(w)
    if v is not None:
        return int(v)
    # "twenty-first", "thirty first"
    for sep in ("-", " "):
        if sep in w:
            a, b = w.split(sep, 1)
            na, nb = number(a), words()["ordinal"].get(b)
            if na is not None and nb is not None and na >= 20:
                return na + int(nb)
    return None
