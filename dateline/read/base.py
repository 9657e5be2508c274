"""What every reader shares: options, rejections, decoding and date parsing."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from charset_normalizer import from_bytes

from dateline.article import MAX_CHARS

if TYPE_CHECKING:
    from dateline.article import Article


@dataclass(frozen=True)
class ReadOptions:
    """Choices that apply to every input of one run."""

    published: dt.date | None = None  # date for inputs that carry none
    id: str | None = None              # id for a single article without one
    max_chars: int = MAX_CHARS         # longest article accepted


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an article.

    ``raw`` is the record as read (a dict for JSONL/CSV rows) when there was one,
    so it can be written back for the user to fix and re-ingest.
    """

    origin: str
    reason: str
    raw: Any = None

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class BadInput(ValueError):
    """Raised inside readers for one bad record; turned into a Rejection."""


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")


def parse_date(value: Any, what: str = "date") -> dt.date:
    """An ISO date (``2018-08-31``, ``2018-08-31T10:00:00Z``, ``2018/08/31``) as a date.

    Raises BadInput naming the value when it is missing, malformed or impossible.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadInput(f"missing {what}")
    if not isinstance(value, str):
        raise BadInput(f"{what} must be a string like 2018-08-31, not {value!r}")
    text = value.strip()
    m = _ISO_DATE.match(text) or _SLASH_DATE.match(text)
    if not m:
        raise BadInput(f"{what} {text!r} is not an ISO date like 2018-08-31")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise BadInput(f"impossible {what} {text!r} ({exc})") from None


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text: NUL bytes (outside UTF-16) or many control bytes."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def decode(data: bytes) -> str:
    """Decode bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else a guess.

    Raises BadInput when the bytes are binary or no encoding fits.
    """
    if looks_binary(data):
        raise BadInput("binary data, not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadInput("broken UTF-16 text") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise BadInput("undecodable text (not UTF-8, and no other encoding fits)")
    return str(best)


def check_text(text: Any, options: ReadOptions) -> str:
    """The article text, or BadInput when it is missing, empty or too long."""
    if text is None:
        raise BadInput("missing text")
    if not isinstance(text, str):
        raise BadInput(f"text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise BadInput("empty text")
    if len(text) > options.max_chars:
        raise BadInput(f"article of {len(text):,} characters is longer than the limit of "
                       f"{options.max_chars:,} (raise it with --max-chars)")
    return text


def optional_str(value: Any) -> str | None:
    """``value`` as a stripped string, or None when absent or blank."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


#: Field names accepted for the publication date, in order of preference.
DATE_FIELDS = ("published", "time", "date")


def article_from_fields(row: dict[str, Any], origin: str, options: ReadOptions) -> Article:
    """An Article from a JSONL object or CSV row with ``text``, a date and optional
    ``id``, ``title``, ``url``, ``source``. Raises BadInput naming what is wrong."""
    from dateline.article import Article

    text = check_text(row.get("text"), options)
    raw_date = next((row[f] for f in DATE_FIELDS if optional_str(row.get(f))), None)
    if raw_date is None:
        if options.published is None:
            raise BadInput("missing date (give 'published', 'time' or 'date', or pass --published)")
        published = options.published
    else:
        published = parse_date(raw_date)
    return Article(text=text, published=published, id=optional_str(row.get("id")),
                   title=optional_str(row.get("title")), url=optional_str(row.get("url")),
                   source=optional_str(row.get("source")), origin=origin)
