"""The article record: what ``dateline extract`` prints and the store holds.

These types document the record of DESIGN.md ("The article record") in the package.
A record is a plain ``dict`` at run time (JSON in, JSON out); the types are for
readers and type checkers. Offsets are Python string indices into ``text``;
``sentence`` is an index into ``sentences``. Members may be added (the store keeps
members without a column of their own in its ``extra`` JSON); existing members keep
their meaning. The order of :class:`ArticleRecord`'s fields is the order of the
record's keys.
"""

from __future__ import annotations

from typing import TypedDict


class SentenceItem(TypedDict):
    """A sentence: ``text[start:end]``, trimmed of surrounding whitespace."""

    start: int
    end: int


class _Span(TypedDict):
    text: str
    start: int
    end: int
    sentence: int


class DateItem(_Span):
    """A temporal expression; ``type`` is DATE, TIME, DURATION or SET and ``value`` a
    TIMEX3 value (``2018-08-30``, ``2018-W35``, ``P7Y``, ``PAST_REF``...)."""

    type: str
    value: str


class EntityItem(_Span, total=False):
    """A person or organisation; ``label`` is PERSON or ORG, ``canonical`` its name in
    the article (titles stripped, the fullest form the article uses)."""

    label: str
    canonical: str


class PlaceItem(_Span, total=False):
    """A place mention resolved offline: ``country`` ISO 3166-1 alpha-2, ``kind`` city,
    admin1, country, feature..., ``confidence`` in [0, 1]."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str
    confidence: float


class QuoteItem(_Span, total=False):
    """Reported speech: ``kind`` is direct, indirect or mixed; the speaker's offsets
    are None when the speaker is not named in the text. A speaker given by a personal
    pronoun keeps it in ``speaker_pronoun`` (as written: "he", "They", "I"; absent
    otherwise); ``speaker`` is then the person (he/she) or organisation or group
    (they/we) it refers to when one is named in the quote's sentence or the one
    before, else None. ``speaker`` is never a pronoun or punctuation."""

    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_pronoun: str
    cue: str | None
    kind: str


class AmountItem(_Span, total=False):
    """A number with what it counts (``unit``) and a qualifier ("more than").

    ``unit`` is always stated (a noun, a currency code, "percent", "proportion",
    "magnitude", ...): a number whose sentence never says what it counts is not an amount.

    A range ("15 to 20 kilometres") has ``low`` and ``high``, its ends, and
    ``value`` is its low end; the other amounts have neither member. A rate ("80,000
    barrels a day", "$3.5 million per day") names the time it is counted over in ``per``
    ("day", "week", "year", ...); other amounts have no ``per``."""

    value: float | int | None
    unit: str
    qualifier: str | None
    low: float | int
    high: float | int
    per: str


class Actor(TypedDict):
    """An event's actor or target: ``country`` ISO 3166-1 alpha-3 (or IGO/NGO/...),
    ``sector`` a PLOVER/CAMEO agent code (GOV, MIL, REB, ...)."""

    text: str
    country: str | None
    sector: str | None


class EventItem(TypedDict, total=False):
    """A political event coded to PLOVER: ``type`` one of its 16 types, ``quad`` its
    quad class, ``intensity`` on a Goldstein-like scale from -10 to +10.
    ``date_source`` says where ``date`` came from: "text" (a date expression of the
    event's clause or sentence), "published" (none: the publication date) or "before"
    (none, and the act is told in the perfect or as a participle of a noun: "has frozen
    the assets", "a ceasefire brokered by", or in a passage or an article that looks back
    to dates well before publication: it happened on or before the publication date,
    which ``date`` holds); None in records stored before it was recorded."""

    type: str
    mode: str | None
    sentence: int
    text: str
    start: int
    end: int
    actor: Actor | None
    target: Actor | None
    place: str | None
    date: str | None
    date_source: str | None
    quad: str
    intensity: float


class ArticleRecord(TypedDict):
    """One article's record, in DESIGN.md's key order."""

    id: str
    published: str
    title: str | None
    url: str | None
    source: str | None
    text: str
    sentences: list[SentenceItem]
    dates: list[DateItem]
    entities: list[EntityItem]
    places: list[PlaceItem]
    quotes: list[QuoteItem]
    amounts: list[AmountItem]
    events: list[EventItem]
    tone: float | None


__all__ = ["ArticleRecord", "SentenceItem", "DateItem", "EntityItem", "PlaceItem",
           "QuoteItem", "AmountItem", "Actor", "EventItem"]
