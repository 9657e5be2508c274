"""Event groups: the same event reported by many articles, counted once.

The extractor stores one row per *mention*: a sentence of an article reporting
an event. :func:`event_groups` gathers the mentions that describe the same
event into one :class:`EventGroup` with GDELT-style counts (NumMentions,
NumSources, NumArticles) and the list of its sources.

The grouping rule (a heuristic: it reads only the coded fields, never the
wording, so two different events that code alike are merged and one event
coded differently by two articles stays split):

1. Mentions are candidates for the same event when they share the PLOVER
   ``type``, the actor country and the target country (a missing country only
   matches a missing country), whether their mode is unreal (an act that would or
   might happen never joins one that happened), and their dates lie in one date
   window. A mention with no actor country, or whose actor is private people (sector
   CVL), says too little to be another article's happening: it joins mentions of its
   own article (and of that article's near-duplicate copies) only (in the hand audit,
   7 of the 17 wrong merges were of such mentions, and none of the 14 right ones).
   The ``date`` is the day, month or year of the event's clause, else the first full
   date of the sentence not said aside, else the publication date; ``date_source`` says
   which ("text", "published", or "before": an act told in the perfect or in a passage
   that looks back, which the publication date only bounds; see
   ``dateline.extract.events``; "before" counts as "published" here). Windows: among the
   candidates' day dates, the earliest day not yet taken anchors a window, which
   takes every mention dated from it to ``window_days`` later (default
   :data:`WINDOW_DAYS`, 1), or to ``publication_days`` later (default
   :data:`PUBLICATION_WINDOW_DAYS`, 1) for a mention dated only by its article's
   publication day (weaker evidence of the happening's day: with 0 it joins only a
   window starting on its own day, never stretches one; in a store written before
   ``date_source``, any mention dated on its publication day counts as such); the
   next mention left anchors the next window. Only the dates decide: the same
   mentions in any order give the same groups. ``published`` (default
   :data:`PUBLISHED_RULE`, "window") can instead keep the publication-dated mentions
   to windows of text-dated ones ("anchored") or to their own article ("article").
   Dates of a month or a year group by their exact value.
2. Among candidates, the actor sector must agree when both mentions know it:
   mentions with a known sector are split by sector, and those without one
   join the sector group with the most mentions (ties: alphabetical sector).
3. Within that, the place must agree when both name one: the same split by
   the place name, mentions naming no place joining the place group with the
   most mentions (ties: alphabetical name). A place and the first-level
   administrative area the gazetteer puts it in ("Idlib" and "Idlib Governorate":
   the places table's ``admin1`` and ``kind``), when both are named, are one
   place, named by the name more mentions give.

Each group's :attr:`EventGroup.id` is a hash of its key (first date, type, actor
country, actor sector, target country, place as resolved above, and the unreal
mark when set), so the same store gives the same ids run after run; a group of
one date keeps the id it had when groups were made by the exact date.
:attr:`EventGroup.date` is the window's first date, :attr:`EventGroup.last_date`
its last. A date range (``start``, ``end``) cuts windows at its ends.

Each group says why it holds its mentions (:attr:`EventGroup.why`, the ``why``
field of ``/api/events`` and ``dateline export events --format groups``), e.g.
"3 mentions share date 2010-01-13, type AID, actor country USA, target country
HTI; actor sector GOV (2 named it, 1 naming none joined); place Port-au-Prince
(all)", or, when the dates differ, "... share type AID, actor country USA, target
country HTI; dates 2010-01-13 to 2010-01-15 (2 dated by publication day); ...":
the key fields all the mentions agree on, the date span, and how many joined by
naming no actor sector or no place (step 2 and 3) or by naming the place's area
(or a place in it). ``num_mentions`` counts them.

``num_sources`` counts distinct ``articles.source`` values; an article without
a source counts as a source of its own (we cannot tell that two unsourced
articles came from the same outlet, so we do not assume it).

The heavy lifting is one SQL ``GROUP BY`` over the events table: cells of
mentions that agree on date, type, actor country and sector, target country
and place, publication-day dating and unreal mode, with their counts, intensity sums, earliest mention and the
concatenated (article, sentence) pairs and actor/target/mode/trigger values.
Python then cuts the date windows and merges compatible cells (steps 1 to 3) and reads the metadata of
the articles involved once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from dateline.settings import PUBLISHED_RULES
from dateline.store import Store, iso, period_range

#: Columns that make a cell: the fields a group's key is built from.
_CELL_COLUMNS = ("date", "type", "actor_country", "actor_sector", "target_country", "place")
#: Fields reported as the most frequent value among a group's mentions.
_ATTRS = ("actor_text", "target_text", "target_sector", "mode", "trigger")
_FS, _RS = "\x1e", "\x1f"   # separators inside group_concat: field, record


@dataclass
class EventGroup:
    """One event as reported by one or more mentions (see the module docstring).

    ``actor_text``, ``target_text``, ``target_sector``, ``mode`` and ``trigger``
    are the most frequent values among the mentions (ties: alphabetical), None
    when no mention has one. ``intensity`` is the mean of the mentions'
    intensities, ``tone`` the mean tone of the distinct articles (None when none
    has a tone). ``article_ids`` are in publication order (then ingest order);
    ``mentions`` are ``(article id, sentence index)`` pairs in the same order.
    The example is the mention of the earliest published article. ``why`` says in
    words how many mentions the group merged and on what: the key fields all its
    mentions share, and how many of them took the actor sector and the place
    because they named none (:func:`merge_reason`). ``date`` is the first date of
    the group's date window, ``last_date`` the last (the same for one date).
    """

    id: str
    date: str
    type: str
    quad: str | None
    actor_country: str | None
    actor_sector: str | None
    target_country: str | None
    place: str | None
    actor_text: str | None = None
    target_text: str | None = None
    target_sector: str | None = None
    mode: str | None = None
    trigger: str | None = None
    num_mentions: int = 0
    num_articles: int = 0
    num_sources: int = 0
    article_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    mentions: list[tuple[str, int]] = field(default_factory=list)
    example: str | None = None
    example_article: str | None = None
    example_sentence: int | None = None
    intensity: float | None = None
    tone: float | None = None
    first_published: str | None = None
    first_added: str | None = None
    why: str = ""
    last_date: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The group as plain JSON-ready values."""
        d = dict(self.__dict__)
        d["mentions"] = [list(m) for m in self.mentions]
        return d


def merge_reason(n: int, date: str, type_: str, a_country: str | None,
                 t_country: str | None, sector: str | None, sector_named: int,
                 place: str | None, place_named: int, *, last_date: str | None = None,
                 pub_dated: int = 0, area_named: int = 0) -> str:
    """Why ``n`` mentions are one group, in words: the fields they all share (date,
    type, actor and target country: "none" when missing), or, when their dates differ,
    the span from ``date`` to ``last_date`` and how many were dated by their
    article's publication day (``pub_dated``); then the actor sector and the place
    with how many mentions named them (``sector_named``, ``place_named``; of these,
    ``area_named`` named the place's first-level administrative area or a place in
    it) and how many, naming none, joined. One mention: "1 mention, nothing merged"."""
    if n == 1:
        return "1 mention, nothing merged"
    if last_date and last_date != date:
        text = (f"{n} mentions share type {type_}, actor country {a_country or 'none'}, "
                f"target country {t_country or 'none'}; dates {date} to {last_date} "
                f"({pub_dated} dated by publication day)")
    else:
        text = (f"{n} mentions share date {date}, type {type_}, actor country "
                f"{a_country or 'none'}, target country {t_country or 'none'}")
    for label, value, named in (("actor sector", sector, sector_named),
                                ("place", place, place_named)):
        area = f", {area_named} its area or a place in it" if label == "place" and area_named \
            else ""
        if value is None:
            text += f"; no {label}"
        elif named == n and not area:
            text += f"; {label} {value} (all)"
        elif named == n:
            text += f"; {label} {value} (all named it{area})"
        else:
            text += (f"; {label} {value} ({named} named it{area}, "
                     f"{n - named} naming none joined)")
    return text


def group_id(date: str, type_: str, actor_country: str | None, actor_sector: str | None,
             target_country: str | None, place: str | None, unreal: bool = False,
             article: str = "") -> str:
    """The stable id of the group with this key (``date``: its first date; ``unreal``:
    its mentions' mode says the act would or might happen; ``article``: the one article
    whose mentions it holds, for mentions that never merge across articles): 16 hex
    digits of its SHA-1."""
    key = "\x1f".join(v or "" for v in (date, type_, actor_country, actor_sector,
                                        target_country, place))
    if unreal:
        key += "\x1funreal"
    if article:
        key += "\x1farticle\x1f" + article
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Cell:
    values: dict[str, Any]
    n: int
    mentions: str
    isum: float
    icount: int
    first: str
    quad: str | None
    attrs: str
    pub: bool = False   # the mentions' date is their article's publication day
    # under the "anchored" rule, for mentions whose date_source says "published": their
    # article (a ``pub`` cell of a store written before date_source has none)
    article: str = ""


def _resolve(cells: list[_Cell], column: str,
             areas: dict[str, tuple[str, str, str]] | None = None
             ) -> dict[str | None, list[_Cell]]:
    """Split ``cells`` by ``column``; cells without a value join the largest
    bucket with one (ties: alphabetical), or stay as the None bucket when none has.

    With ``areas`` (``{place name: (country, admin1, kind)}``, for ``column``
    "place"), a place and the first-level administrative area that contains it
    ("Idlib" and "Idlib Governorate", when both are named among ``cells``) are one
    bucket, keyed by the name more mentions give (ties: alphabetical)."""
    buckets: dict[str | None, list[_Cell]] = defaultdict(list)
    unknown: list[_Cell] = []
    for c in cells:
        v = c.values[column]
        if v is None or v == "":
            unknown.append(c)
        else:
            buckets[v].append(c)
    if areas and len(buckets) > 1:
        names = sorted(v for v in buckets if v is not None)
        named = {areas[v][:2]: v for v in reversed(names)
                 if v in areas and areas[v][2] == "admin1"}
        joined: dict[str | None, list[_Cell]] = defaultdict(list)
        for v in names:
            info = areas.get(v)
            joined[named.get(info[:2], v) if info else v].extend(buckets[v])
        buckets = defaultdict(list)
        for members in joined.values():
            counts: Counter[str] = Counter()
            for c in members:
                counts[c.values[column]] += c.n
            buckets[_most_common(counts)].extend(members)
    if unknown:
        if buckets:
            best = min(buckets, key=lambda k: (-sum(c.n for c in buckets[k]), k or ""))
            buckets[best].extend(unknown)
        else:
            buckets[None] = unknown
    return buckets


def _day(date: str) -> dt.date | None:
    """The day of an event date, None for a month or a year."""
    return dt.date.fromisoformat(date) if len(date) == 10 else None


def _chains(cells: list[_Cell], window_days: int, publication_days: int,
            published: str = "window") -> list[list[_Cell]]:
    """``cells`` (of one type, actor country and target country) cut into date
    windows: the earliest day not yet taken anchors a window, which takes every
    cell dated from that day to ``window_days`` later, or to ``publication_days``
    later for a cell dated by its article's publication day (``pub``: the report
    may come days after the happening). Cells dated to a month or a year are
    windows of their own date. Only the dates and ``pub`` decide: the same cells in
    any order give the same windows.

    ``published`` "anchored": the windows are cut from the other cells alone; a cell
    whose ``date_source`` says "published" (one with :attr:`_Cell.article`) then joins
    the window whose first day is the latest from ``publication_days`` before its day
    to its day, and those joining none make windows of their own article's cells.
    ("article": the caller keeps each article's such cells apart.)"""
    if published == "anchored":
        pub = [c for c in cells if c.article]
        if pub:
            chains = _chains([c for c in cells if not c.article], window_days,
                             publication_days)
            anchors = sorted(((d, i) for i, ch in enumerate(chains)
                              if (d := _day(ch[0].values["date"])) is not None),
                             reverse=True)
            alone: dict[str, list[_Cell]] = defaultdict(list)
            for c in pub:
                d = _day(c.values["date"])
                at = next((i for a, i in anchors
                           if d is not None and 0 <= (d - a).days <= publication_days), None)
                if at is None:
                    alone[c.article].append(c)
                else:
                    chains[at].append(c)
            return chains + [x for own in alone.values()
                             for x in _chains(own, window_days, publication_days)]
    out: list[list[_Cell]] = []
    exact: dict[str, list[_Cell]] = defaultdict(list)
    days: list[tuple[dt.date, _Cell]] = []
    for c in cells:
        d = _day(c.values["date"])
        if d is None:
            exact[c.values["date"]].append(c)
        else:
            days.append((d, c))
    days.sort(key=lambda t: (t[0], not t[1].pub))
    left = days
    while left:
        anchor = left[0][0]
        chain: list[tuple[dt.date, _Cell]] = []
        rest: list[tuple[dt.date, _Cell]] = []
        for d, c in left:
            reach = publication_days if c.pub else window_days
            (chain if (d - anchor).days <= reach else rest).append((d, c))
        out.append([c for _, c in chain])
        left = rest
    out.extend(exact.values())
    return out


def _most_common(counter: Counter[str]) -> str | None:
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _filters(start: str | None, end: str | None, type: str | None,
             country: str | None, unflagged: list[str] | None = None) -> tuple[str, list[Any]]:
    where: list[str]
    args: list[Any]
    where, args = period_range("e.date", start, end)
    if type:
        where.append("e.type = ?")
        args.append(type.upper())
    if country:
        where.append("(e.actor_country = ? OR e.target_country = ?)")
        args += [country.upper(), country.upper()]
    where.append("e.date IS NOT NULL AND e.type IS NOT NULL")
    where += unflagged or []   # the mentions in articles flagged as duplicates left out
    return " WHERE " + " AND ".join(where), args


#: Days after a window's first day that a mention dated by a clause of its own joins
#: the window (see the module docstring; measured in README "Event groups").
WINDOW_DAYS = 1
#: Days after a window's first day that a mention dated only by its article's
#: publication day (``date_source`` "published") joins it. 0: such a mention joins only
#: a window that starts on its own day, so it never stretches one over days. Replayed on
#: the 61 hand-judged groups of the earlier audits (benchmarks/event_groups_replay.py,
#: README "Event groups"), 0 kept 26 of the 32 right merges (1 day: 31) and split 18 of
#: the 29 wrong ones (1 day: 10); but a blind audit of fresh groups (seeds 350-351) found
#: the same share of right merges with 0 as with 1 (19 of 30 each) and more missed
#: merges with 0 (15 groups against 12), so the default stays 1.
PUBLICATION_WINDOW_DAYS = 1
#: How a mention dated only by its publication day groups (see :func:`event_groups`):
#: "window" (with :data:`PUBLICATION_WINDOW_DAYS`); "anchored" and "article" kept 20 and
#: 13 of the 32 right merges in the same replay, splitting 19 and 22 of the 29 wrong.
PUBLISHED_RULE = "window"


def event_groups(store: Store, *, start: str | dt.date | None = None,
                 end: str | dt.date | None = None, type: str | None = None,
                 country: str | None = None, include_duplicates: bool = False,
                 window_days: int = WINDOW_DAYS,
                 publication_days: int = PUBLICATION_WINDOW_DAYS, join_area: bool = True,
                 published: str = PUBLISHED_RULE) -> Iterator[EventGroup]:
    """The stored events grouped into distinct events (rule in the module docstring).

    Only mentions whose event ``date`` lies between ``start`` and ``end`` (ISO
    dates, inclusive), of PLOVER ``type``, and with ``country`` (ISO alpha-3)
    as actor or target country are read, when given (a window is cut at ``start``:
    it starts at the first date read); the mentions in articles
    flagged as duplicates are not read unless ``include_duplicates`` (a duplicate
    group's mentions count once). ``window_days`` and ``publication_days`` are the
    date windows' reach (0 and 0: the exact date alone). ``join_area``: a place and
    the province that holds it are one place (rule 3). ``published``: how a mention
    dated by its article's publication day groups (rule 1): "window" as the others,
    "anchored" only with mentions dated by a date expression or else with its own
    article's, "article" only with its own article's (rows stored before
    ``date_source`` group by "window", their date on the publication day read as
    publication-dated).
    :class:`dateline.settings.EventGroupSettings` holds these four as settings
    (``**settings.event_groups.kwargs()``); the defaults are this module's
    :data:`WINDOW_DAYS`, :data:`PUBLICATION_WINDOW_DAYS` and :data:`PUBLISHED_RULE`.
    Groups come in date order (their first date), then type, then id.
    """
    _check(window_days, publication_days, published)
    where, args = _filters(iso(start), iso(end), type, country,
                           store.unflagged("e.article", include_duplicates))
    yield from _groups(store, where, args, window_days=window_days,
                       publication_days=publication_days,
                       copies=include_duplicates and store.has_duplicates(),
                       join_area=join_area, published=published)


def _check(window_days: int, publication_days: int, published: str) -> None:
    """ValueError for a negative reach or a rule not in PUBLISHED_RULES."""
    if window_days < 0 or publication_days < 0:
        raise ValueError("window_days and publication_days must be 0 or more")
    if published not in PUBLISHED_RULES:
        raise ValueError(f"published must be one of {', '.join(PUBLISHED_RULES)}, "
                         f"not {published!r}")


def has_date_source(store: Store) -> bool:
    """Whether the store's events table has ``date_source`` (a store written before
    it has not, until it is opened for writing)."""
    spec = store.specs.get("events")
    return spec is not None and "date_source" in spec.columns


#: Most event mentions :func:`first_event_groups` groups in full (and so counts every
#: group); beyond it, only the first groups that hold at most this many are built.
MAX_MENTIONS = 1_000


def _later(date: str, days: int) -> str:
    """``date`` moved ``days`` later when it is a day (a month or year as it is)."""
    d = _day(date)
    return (d + dt.timedelta(days=days)).isoformat() if d else date


def first_event_groups(store: Store, limit: int, *, start: str | dt.date | None = None,
                       end: str | dt.date | None = None, type: str | None = None,
                       country: str | None = None, max_mentions: int = MAX_MENTIONS,
                       include_duplicates: bool = False, window_days: int = WINDOW_DAYS,
                       publication_days: int = PUBLICATION_WINDOW_DAYS,
                       join_area: bool = True, published: str = PUBLISHED_RULE
                       ) -> tuple[list[EventGroup], int | None]:
    """``(groups, total)``: the first ``limit`` groups :func:`event_groups` gives for
    these filters, and how many it gives in all. When the filters select more than
    ``max_mentions`` mentions, ``total`` is None (not counted) and ``groups`` are the
    first groups, at most ``limit`` and only as many as hold ``max_mentions`` mentions
    together (at least one): only the cells' keys up to the (date, type) of mention
    ``max_mentions`` + 1 and the windows' reach past it are read from the index
    (groups come in date and type order), then the mentions up to the last group
    kept and its reach are grouped.
    The work is bounded by ``limit`` and ``max_mentions``, not by the store's size.
    ``include_duplicates``, ``window_days``, ``publication_days``, ``join_area`` and
    ``published`` as for :func:`event_groups`."""
    _check(window_days, publication_days, published)
    unflagged = store.unflagged("e.article", include_duplicates)
    where, args = _filters(iso(start), iso(end), type, country, unflagged)
    copies = include_duplicates and store.has_duplicates()
    reach = max(window_days, publication_days)
    db = store.db
    n = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM events e{where} LIMIT ?)",
                   [*args, max_mentions + 1]).fetchone()[0]
    count: list[int] = []
    if n <= max_mentions:
        groups = list(_groups(store, where, args, limit, count, window_days=window_days,
                               publication_days=publication_days, copies=copies,
                               join_area=join_area, published=published))
        return groups, count[0] if count else 0
    # The (date, type) of mention max_mentions + 1 in group order: the groups kept
    # (holding at most max_mentions mentions) all start up to it.
    date, type_ = db.execute(f"SELECT e.date, e.type FROM events e{where}"
                             " ORDER BY e.date, e.type LIMIT 1 OFFSET ?",
                             [*args, max_mentions]).fetchone()

    def upto(last: str) -> tuple[str, list[Any]]:
        # The filters with ``last`` as their end: "e.date <= ?" in SQL the index can
        # read (the planner draws no bound out of an OR when the values are
        # parameters), or, with a start date, the start's tight ranges ended there.
        # Groups starting up to (last, type) may hold mentions up to the windows'
        # reach later; those are read too and the groups starting later left out.
        end_ = iso(end)
        bound = _later(last, reach)
        if end_ is not None and end_ < bound:
            bound = end_
        return _filters(iso(start), bound, type, country, unflagged)

    # The cells' keys and counts alone (cheap) say which pair holds the limit-th group:
    # only the mentions up to that pair are then grouped in full.
    where2, args2 = upto(date)
    base = _cells(db, where2, args2, full=False, copies=copies, sourced=has_date_source(store),
                  published=published)
    keys: list[tuple[Any, ...]] = []
    held = 0
    for key in _keys(base, _areas(db, base) if join_area else None, window_days,
                     publication_days, published):
        if (key[0], key[1]) > (date, type_) or len(keys) >= limit:
            break
        held += sum(c.n for c in key[-1])
        if keys and held > max_mentions:
            break
        keys.append(key)
    last = (keys[-1][0], keys[-1][1])
    where2, args2 = upto(last[0])
    return list(_groups(store, where2, args2, len(keys), upto=last, window_days=window_days,
                        publication_days=publication_days, copies=copies,
                        join_area=join_area, published=published)), None


def _cells(db: sqlite3.Connection, where: str, args: list[Any], full: bool = True,
           copies: bool = False, *, sourced: bool = False, published: str = "window"
           ) -> dict[tuple[Any, ...], list[_Cell]]:
    """The cells of the mentions selected by ``where`` (a WHERE clause over events
    ``e``) with ``args`` per (type, actor country, target country, whether the mode
    is unreal, as "hypothetical"): one per value of
    the key's fields and of ``pub`` (the date is the article's publication day).
    ``full``: with the mentions, intensities, earliest mention and attributes (else
    the keys and counts alone). ``copies``: the selection reads near-duplicate copies
    (``include_duplicates`` on a store that flags some), so a mention that groups within
    its own article groups with its copies too (without them no copy is read).
    ``sourced``: the events table has ``date_source``, which says which mentions are
    dated by their publication day (``pub``; NULL, in rows stored before it: the date is
    the publication day, as in a store without it). ``published``: the rule for the
    mentions whose ``date_source`` says "published" (:func:`event_groups`; rows without
    one group as before it): under "article" they group within their own article, under
    "anchored" their cells carry it (:attr:`_Cell.article`)."""
    from dateline.extract.events import UNREAL_MODES

    cols = ", ".join(f"e.{c}" for c in _CELL_COLUMNS)
    pub = "(e.date = substr(a.published, 1, 10))"
    if sourced:
        pub = (f"(CASE WHEN e.date_source IS NULL THEN {pub}"
               " ELSE e.date_source IN ('published', 'before') END)")
    # An act that would or might happen is not the one that happened: never one group.
    unreal = "(coalesce(e.mode, '') IN (" + ",".join("?" * len(UNREAL_MODES)) + "))"
    # Mentions of no actor country, or of private people, say too little to be one
    # happening with another article's: they group within their own article only.
    # Near-duplicate copies of one article, when they are read (``copies``), count as it.
    own = ("coalesce((SELECT d.representative FROM duplicates d WHERE d.id = a.id), a.id)"
           if copies else "a.id")
    lone = ("(CASE WHEN e.actor_country IS NULL OR e.actor_country = ''"
            f" OR e.actor_sector = 'CVL' THEN {own} ELSE '' END)")
    weak = "(coalesce(e.date_source, '') IN ('published', 'before'))" if sourced else "0"
    mine = f"(CASE WHEN {weak} THEN {own} ELSE '' END)" if published == "anchored" else "''"
    if published == "article":   # a publication-dated mention: its own article's only
        lone = f"(CASE WHEN {weak} THEN {own} ELSE {lone} END)"
    if full:
        attrs = f" || '{_FS}' || ".join(
            f"coalesce({'lower(e.text)' if a == 'trigger' else 'e.' + a}, '')"
            for a in _ATTRS)
        extra = (" group_concat(e.article || ':' || coalesce(e.sentence, -1), ',') AS mentions,"
                 " coalesce(sum(e.intensity), 0) AS isum, count(e.intensity) AS icount,"
                 " min(a.published || printf('|%012d', e.rowid) || '|' || e.article || '|'"
                 "     || coalesce(e.sentence, -1)) AS first,"
                 f" max(e.quad) AS quad, group_concat({attrs}, '{_RS}') AS attrs,")
    else:
        extra = " '' AS mentions, 0 AS isum, 0 AS icount, '' AS first, NULL AS quad, '' AS attrs,"
    # One row per cell: the mentions agreeing on every field of the key.
    sql = (f"SELECT {cols}, count(*) AS n,{extra} {pub} AS pub, {unreal} AS unreal,"
           f" {lone} AS lone, {mine} AS mine FROM events e"
           " JOIN articles a ON a.rowid = e.article" + where
           + f" GROUP BY {cols}, pub, unreal, lone, mine")
    modes = sorted(UNREAL_MODES)
    base: dict[tuple[Any, ...], list[_Cell]] = defaultdict(list)
    for row in db.execute(sql, [*modes, *args]):
        values = {c: row[c] for c in _CELL_COLUMNS}
        cell = _Cell(values, row["n"], row["mentions"], row["isum"], row["icount"],
                     row["first"], row["quad"], row["attrs"], bool(row["pub"]), row["mine"])
        base[(values["type"], values["actor_country"], values["target_country"],
              bool(row["unreal"]), row["lone"])].append(cell)
    return base


def _groups(store: Store, where: str, args: list[Any], limit: int | None = None,
            count: list[int] | None = None, *, window_days: int = 0,
            publication_days: int = 0, upto: tuple[str, str] | None = None,
            copies: bool = False, join_area: bool = True,
            published: str = "window") -> Iterator[EventGroup]:
    """The groups of the mentions selected by ``where`` (a WHERE clause over events
    ``e``) with ``args``, in date order, then type, then id; only the first ``limit``
    are built (None: all), and only those whose (first date, type) is at most ``upto``
    when given. ``count``, when given, gets the number of groups appended. The
    windows, ``join_area`` and ``published`` as :func:`event_groups`; ``copies`` as for
    :func:`_cells`."""
    db = store.db
    base = _cells(db, where, args, copies=copies, sourced=has_date_source(store), published=published)
    if not base:
        return
    keys = _keys(base, _areas(db, base) if join_area else None, window_days,
                 publication_days, published)
    if upto is not None:
        keys = [k for k in keys if (k[0], k[1]) <= upto]
    if count is not None:
        count.append(len(keys))
    meta = _article_meta(db, where, args)
    for date, type_, gid, a_country, sector, t_country, place, members in keys[:limit]:
        yield _build(db, meta, members, gid, date, type_, a_country, sector, t_country, place)


def _keys(base: dict[tuple[Any, ...], list[_Cell]],
          areas: dict[str, tuple[str, str, str]] | None = None,
          window_days: int = 0, publication_days: int = 0,
          published: str = "window") -> list[tuple[Any, ...]]:
    """``(date, type, id, actor country, actor sector, target country, place, cells)``
    of each group made of the cells ``base`` holds per (type, actor country, target
    country, unreal mode): date windows (:func:`_chains`), then the actor sector, then the place
    (:func:`_resolve`); ``date`` is the window's first date. In date order, then
    type, then id (the module docstring's rule)."""
    keys: list[tuple[Any, ...]] = []
    for (type_, a_country, t_country, unreal, lone), cells in base.items():
        for chain in _chains(cells, window_days, publication_days, published):
            date = min(c.values["date"] for c in chain)
            # publication-dated mentions kept to their article (rule "anchored")
            mine = {c.article for c in chain}
            own = lone or (chain[0].article if len(mine) == 1 else "")
            for sector, by_sector in _resolve(chain, "actor_sector").items():
                for place, members in _resolve(by_sector, "place", areas).items():
                    keys.append((date, type_, group_id(date, type_, a_country, sector,
                                                       t_country, place, unreal, own),
                                 a_country, sector, t_country, place, members))
    keys.sort(key=lambda k: k[:3])
    return keys


def _areas(db: sqlite3.Connection, base: dict[tuple[Any, ...], list[_Cell]]
           ) -> dict[str, tuple[str, str, str]]:
    """``{place name: (country, admin1, kind)}`` from the gazetteer's resolutions in
    the places table (the most frequent one per name) for the places named in the
    buckets of ``base`` that name more than one place (the only ones a place and its
    area could be merged in)."""
    names: set[str] = set()
    for cells in base.values():
        named = {c.values["place"] for c in cells if c.values["place"]}
        if len(named) > 1:
            names |= named
    if not names:
        return {}
    best: dict[str, tuple[int, tuple[str, str, str]]] = {}
    marks = ",".join("?" * len(names))
    for name, country, admin1, kind, n in db.execute(
            "SELECT name, country, admin1, kind, count(*) FROM places"
            f" WHERE name COLLATE NOCASE IN ({marks}) AND country IS NOT NULL AND admin1 IS NOT NULL"
            " GROUP BY name, country, admin1, kind", sorted(names)):
        if name in names and (name not in best or n > best[name][0]):
            best[name] = (n, (country, admin1, kind))
    return {k: v for k, (_, v) in best.items()}


def _article_meta(db: sqlite3.Connection, where: str, args: list[Any]) -> dict[int, _Meta]:
    """``{article rowid: (id, published, source, url, tone, ingested_at)}`` for the
    articles holding a selected event."""
    return {r[0]: _Meta(*r[1:]) for r in db.execute(
        "SELECT rowid, id, published, source, url, tone, ingested_at FROM articles"
        f" WHERE rowid IN (SELECT DISTINCT e.article FROM events e{where})", args)}


class _Meta(NamedTuple):
    id: str
    published: str
    source: str | None
    url: str | None
    tone: float | None
    ingested_at: str


def _build(db: sqlite3.Connection, meta: dict[int, _Meta], cells: list[_Cell], gid: str,
           date: str, type_: str, a_country: str | None, a_sector: str | None,
           t_country: str | None, place: str | None) -> EventGroup:
    g = EventGroup(gid,
                   date, type_, None, a_country, a_sector, t_country, place)
    isum, icount = 0.0, 0
    mentions: set[tuple[int, int]] = set()
    records: list[str] = []
    sector_named = place_named = area_named = pub_dated = 0
    for c in cells:
        g.num_mentions += c.n
        sector_named += c.n if c.values["actor_sector"] else 0
        place_named += c.n if c.values["place"] else 0
        area_named += c.n if c.values["place"] and c.values["place"] != place else 0
        pub_dated += c.n if c.pub else 0
        isum += c.isum
        icount += c.icount
        for m in c.mentions.split(","):
            a, _, snt = m.partition(":")
            mentions.add((int(a), int(snt)))
        records.extend(c.attrs.split(_RS))
        g.quad = g.quad or c.quad
    columns = list(zip(*(r.split(_FS) for r in records)))
    for name, values in zip(_ATTRS, columns):
        setattr(g, name, _most_common(Counter(v for v in values if v)))
    g.intensity = isum / icount if icount else None
    g.last_date = max(c.values["date"] for c in cells)
    g.why = merge_reason(g.num_mentions, date, type_, a_country, t_country, a_sector,
                         sector_named, place, place_named, last_date=g.last_date,
                         pub_dated=pub_dated, area_named=area_named)

    def order(rowid: int) -> tuple[str, int]:
        return (meta[rowid].published, rowid)

    articles = sorted({a for a, _ in mentions}, key=order)
    g.num_articles = len(articles)
    rows = [meta[a] for a in articles]
    g.article_ids = [r.id for r in rows]
    g.mentions = [(meta[a].id, snt) for a, snt in
                  sorted(mentions, key=lambda m: (order(m[0]), m[1]))]
    named = {r.source for r in rows if r.source}
    g.num_sources = len(named) + sum(1 for r in rows if not r.source)
    g.sources = sorted(named)
    g.urls = list(dict.fromkeys(r.url for r in rows if r.url))
    tones = [r.tone for r in rows if r.tone is not None]
    g.tone = sum(tones) / len(tones) if tones else None
    g.first_published = rows[0].published
    g.first_added = min(r.ingested_at for r in rows)
    first = min(c.first for c in cells)
    _, _, art, sent = first.split("|")
    g.example_article = meta[int(art)].id
    g.example_sentence = int(sent) if int(sent) >= 0 else None
    row = db.execute("SELECT text FROM sentences WHERE article = ? AND sentence = ?",
                     (int(art), int(sent))).fetchone()
    g.example = " ".join(row[0].split()) if row else None
    return g
