"""The input article: what a reader hands to the pipeline."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")

#: Longest article text accepted (spaCy's own default limit).
MAX_CHARS = 1_000_000


def normalise_text(text: str) -> str:
    """Return ``text`` in NFC with runs of whitespace collapsed and ends stripped.

    Two inputs with the same normalised text are the same article.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def text_hash(text: str) -> str:
    """A stable hex digest of the normalised text (the id of an article without one)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Article:
    """One dated article, ready for extraction.

    ``origin`` names where it came from ("corpus.jsonl:12") for messages; it is
    not part of the record.
    """

    text: str
    published: dt.date
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = "<input>"
    hash: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.hash:
            object.__setattr__(self, "hash", text_hash(self.text))

    @property
    def key(self) -> str:
        """The article's stable id: the input's id if given, else the text hash."""
        return self.id if self.id else self.hash
