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


#: A date, optionally followed by a time of day and a zone; ASCII digits only.
_ISO_DATE = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)?"
    r"[ ]?(?:Z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?)?")
_SLASH_DATE = re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})")

#: Earliest publication date accepted; the latest is a year after today.
EARLIEST_DATE = dt.date(1800, 1, 1)


def latest_date() -> dt.date:
    """The latest publication date accepted: today plus one year."""
    return dt.date.today() + dt.timedelta(days=366)


def parse_date(value: Any, what: str = "date", *, publication: bool = False) -> dt.date:
    """An ISO date (``2018-08-31``, ``2018-08-31T10:00:00Z``, ``2018-08-31 10:00+02:00``,
    ``2018/08/31``) as a date; with ``publication`` (an article's date, as readers ask)
    it must also lie between :data:`EARLIEST_DATE` and :func:`latest_date`.

    Raises BadInput naming the value when it is missing, malformed (trailing text, a time
    of day out of range, digits other than ASCII), impossible or out of range.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadInput(f"missing {what}")
    if not isinstance(value, str):
        raise BadInput(f"{what} must be a string like 2018-08-31, not {_kind(value)}")
    text = value.strip()
    m = _ISO_DATE.fullmatch(text) or _SLASH_DATE.fullmatch(text)
    if not m:
        raise BadInput(f"{what} {_shown(text)} is not an ISO date like 2018-08-31")
    try:
        date = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise BadInput(f"impossible {what} {_shown(text)} ({exc})") from None
    if m.re is _ISO_DATE and m[4] is not None:
        if int(m[4]) > 23 or int(m[5]) > 59 or (m[6] is not None and int(m[6]) > 60):
            raise BadInput(f"impossible {what} {_shown(text)} (time of day out of range)")
    if publication and not EARLIEST_DATE <= date <= latest_date():
        raise BadInput(f"{what} {_shown(text)} is out of range (accepted: "
                       f"{EARLIEST_DATE.isoformat()} to a year from today)")
    return date


def _shown(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message: escaped (never a lone surrogate), and cut short."""
    short = text if len(text) <= limit else text[:limit] + "..."
    return ascii(short) if _has_surrogate(short) else repr(short)


def _kind(value: Any) -> str:
    """What a JSON value is, for a message (never its whole repr)."""
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list",
             dict: "an object"}
    return names.get(type(value), type(value).__name__)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def safe_name(path: Any) -> str:
    """A file name fit for messages and the store: bytes that are not UTF-8 (kept by the
    OS as lone surrogates) are shown as ``\\xff`` escapes."""
    text = str(path)
    if not _has_surrogate(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` has the NUL pattern of UTF-16
    without a byte-order mark (mostly Latin text: a NUL in nearly every other byte, on
    one side only), else None."""
    head = data[:8192]
    head = head[:len(head) // 2 * 2]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    even = head[0::2].count(0) / pairs
    odd = head[1::2].count(0) / pairs
    if odd >= 0.3 and even <= 0.02:
        return "utf-16-le"
    if even >= 0.3 and odd <= 0.02:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text: NUL bytes (outside UTF-16, with or without a
    byte-order mark) or many control bytes."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        codec = _utf16_without_bom(head)
        if codec is None:
            return True
        try:
            head = head[:len(head) // 2 * 2].decode(codec).encode("utf-8")
        except UnicodeDecodeError:
            return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


#: Code pages read as Windows-1252 when nothing speaks strongly for another.
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "ascii"}


def legacy_encoding(data: bytes) -> str:
    """The 8-bit code page of bytes that are not UTF-8: Windows-1252 unless the evidence
    for another one is strong.

    Strong evidence is: Windows-1252 cannot decode the bytes; or its reading does not
    look like a Western language (:func:`_unlike_western`); or there are at least 64
    non-ASCII bytes and charset_normalizer's best guess has less chaos, or clearly more
    coherence, than its Windows-1252 reading. Short texts carry little evidence:
    "élèves" in latin-1 fits Windows-1250 as well ("élčves"), and then Windows-1252 wins.
    Raises BadInput when nothing fits.
    """
    try:
        western_text: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western_text = None
    if western_text is not None and not _unlike_western(western_text) and \
            sum(1 for b in data if b >= 0x80) < 64:
        return "cp1252"
    results = list(from_bytes(data))
    best = results[0] if results else None
    if western_text is None or _unlike_western(western_text):
        if best is None:
            raise BadInput("undecodable text (not UTF-8, and no other encoding fits)")
        return str(best.encoding)
    western = next((r for r in results if r.encoding in _WESTERN), None)
    if best is None or western is None or best.encoding in _WESTERN:
        return "cp1252"
    if best.chaos < western.chaos - 0.01 or best.coherence > western.coherence + 0.1:
        return str(best.encoding)
    return "cp1252"


#: Non-ASCII characters that Western text has between two letters, though not letters.
_INWORD_MARKS = set("’‘·–—­")


def _unlike_western(text: str) -> bool:
    """Whether a Windows-1252 reading looks like another code page's text: most letters
    outside ASCII (a non-Latin script), or a non-ASCII symbol between two letters
    (Central European letters read as Windows-1252 give "Pøíli¹ ¾lu»ouèký")."""
    letters = [c for c in text if c.isalpha()]
    foreign = sum(1 for c in letters if ord(c) > 127)
    if letters and foreign > 0.4 * len(letters):
        return True
    return any(ord(c) > 127 and not c.isalpha() and c not in _INWORD_MARKS
               and text[i - 1].isalpha() and text[i + 1].isalpha()
               for i, c in enumerate(text[1:-1], 1))


def choose_encoding(head: bytes) -> str:
    """The codec for a file that starts with ``head``: UTF-8 (with or without BOM), UTF-16
    (BOM or NUL pattern), else :func:`legacy_encoding`. ``head`` may end mid-character."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:8192]:
        codec = _utf16_without_bom(head)
        if codec is not None:
            return codec
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return legacy_encoding(head)


def decode(data: bytes) -> str:
    """Decode bytes as text: UTF-8 (with or without BOM), UTF-16 (with BOM, or without
    one when its NUL pattern shows), else Windows-1252 unless another code page is
    clearly better (:func:`legacy_encoding`).

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
    elif b"\x00" in data[:8192] and (codec := _utf16_without_bom(data)):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            raise BadInput("broken UTF-16 text") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(legacy_encoding(data))
    except (UnicodeDecodeError, LookupError):
        raise BadInput("undecodable text (not UTF-8, and no other encoding fits)") from None


def check_text(text: Any, options: ReadOptions) -> str:
    """The article text, or BadInput when it is missing, empty, too long or holds a lone
    surrogate (a ``\ud800`` escape in JSON: not a character, it cannot be stored)."""
    if text is None:
        raise BadInput("missing text")
    if not isinstance(text, str):
        raise BadInput(f"text must be a string, not {_kind(text)}")
    if not text.strip():
        raise BadInput("empty text")
    if len(text) > options.max_chars:
        raise BadInput(f"article of {len(text):,} characters is longer than the limit of "
                       f"{options.max_chars:,} (raise it with --max-chars)")
    check_surrogates(text, "text")
    return text


def check_surrogates(text: str, what: str) -> None:
    """BadInput when ``text`` holds a lone surrogate (not a character: it cannot be stored)."""
    m = _SURROGATE.search(text)
    if m:
        raise BadInput(f"{what} holds a lone surrogate ({ascii(m[0])} at character "
                       f"{m.start() + 1:,}), which is not a character")


def optional_str(value: Any, what: str = "value") -> str | None:
    """``value`` as a stripped string, or None when absent or blank.

    Raises BadInput for anything but a string (lists, objects, numbers, booleans) and for
    a string holding a lone surrogate.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadInput(f"{what} must be a string, not {_kind(value)}")
    check_surrogates(value, what)
    return value.strip() or None


def optional_id(value: Any) -> str | None:
    """An article id: a string, or a whole number taken as its decimal text (``12`` is
    ``"12"``); None when absent or blank. Raises BadInput for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return optional_str(value, "id")


#: Field names accepted for the publication date, in order of preference.
DATE_FIELDS = ("published", "time", "date")


def article_from_fields(row: dict[str, Any], origin: str, options: ReadOptions) -> Article:
    """An Article from a JSONL object or CSV row with ``text``, a date and optional
    ``id``, ``title``, ``url``, ``source``. Raises BadInput naming what is wrong."""
    from dateline.article import Article

    text = check_text(row.get("text"), options)
    raw_date = next((row[f] for f in DATE_FIELDS
                     if row.get(f) is not None and row[f] != "" and
                     (not isinstance(row[f], str) or row[f].strip())), None)
    if raw_date is None:
        if options.published is None:
            raise BadInput("missing date (give 'published', 'time' or 'date', or pass --published)")
        published = options.published
    else:
        if isinstance(raw_date, str):
            check_surrogates(raw_date, "date")
        published = parse_date(raw_date, publication=True)
    return Article(text=text, published=published, id=optional_id(row.get("id")),
                   title=optional_str(row.get("title"), "title"),
                   url=optional_str(row.get("url"), "url"),
                   source=optional_str(row.get("source"), "source"), origin=origin)
