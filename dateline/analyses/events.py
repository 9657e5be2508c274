"""Event groups: the same event reported by many articles, counted once.

The extractor stores one row per *mention*: a sentence of an article reporting
an event. :func:`event_groups` gathers the mentions that describe the same
event into one :class:`EventGroup` with GDELT-style counts (NumMentions,
NumSources, NumArticles) and the list of its sources.

The grouping rule (a heuristic: it reads only the coded fields, never the
wording, so two different events that code alike are merged and one event
coded differently by two articles stays split):

1. Mentions are candidates for the same event when they share the event
   ``date`` (the day, month or year of the event's clause, else the first full date
   of the sentence, else the publication date; see ``dateline.extract.events``),
   the PLOVER ``type``, the actor country and the target country (a missing
   country only matches a missing country).
2. Among candidates, the actor sector must agree when both mentions know it:
   mentions with a known sector are split by sector, and those without one
   join the sector group with the most mentions (ties: alphabetical sector).
3. Within that, the place must agree when both name one: the same split by
   the place name, mentions naming no place joining the place group with the
   most mentions (ties: alphabetical name).

Each group's :attr:`EventGroup.id` is a hash of its key (date, type, actor
country, actor sector, target country, place as resolved above), so the same
store gives the same ids run after run.

Each group says why it holds its mentions (:attr:`EventGroup.why`, the ``why``
field of ``/api/events`` and ``dateline export events --format groups``), e.g.
"3 mentions share date 2010-01-13, type AID, actor country USA, target country
HTI; actor sector GOV (2 named it, 1 naming none joined); place Port-au-Prince
(all)": the key fields all the mentions agree on, and how many joined by naming
no actor sector or no place (step 2 and 3). ``num_mentions`` counts them.

``num_sources`` counts distinct ``articles.source`` values; an article without
a source counts as a source of its own (we cannot tell that two unsourced
articles came from the same outlet, so we do not assume it).

The heavy lifting is one SQL ``GROUP BY`` over the events table: cells of
mentions that agree on date, type, actor country and sector, target country
and place, with their counts, intensity sums, earliest mention and the
concatenated (article, sentence) pairs and actor/target/mode/trigger values.
Python then merges compatible cells (steps 2 and 3) and reads the metadata of
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
    because they named none (:func:`merge_reason`).
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

    def as_dict(self) -> dict[str, Any]:
        """The group as plain JSON-ready values."""
        d = dict(self.__dict__)
        d["mentions"] = [list(m) for m in self.mentions]
        return d


def merge_reason(n: int, date: str, type_: str, a_country: str | None,
                 t_country: str | None, sector: str | None, sector_named: int,
                 place: str | None, place_named: int) -> str:
    """Why ``n`` mentions are one group, in words: the fields they all share (date,
    type, actor and target country: "none" when missing), then the actor sector and
    the place with how many mentions named them (``sector_named``, ``place_named``)
    and how many, naming none, joined. One mention: "1 mention, nothing merged"."""
    if n == 1:
        return "1 mention, nothing merged"
    text = (f"{n} mentions share date {date}, type {type_}, actor country "
            f"{a_country or 'none'}, target country {t_country or 'none'}")
    for label, value, named in (("actor sector", sector, sector_named),
                                ("place", place, place_named)):
        if value is None:
            text += f"; no {label}"
        elif named == n:
            text += f"; {label} {value} (all)"
        else:
            text += f"; {label} {value} ({named} named it, {n - named} naming none joined)"
    return text


def group_id(date: str, type_: str, actor_country: str | None, actor_sector: str | None,
             target_country: str | None, place: str | None) -> str:
    """The stable id of the group with this key: 16 hex digits of its SHA-1."""
    key = "\x1f".join(v or "" for v in (date, type_, actor_country, actor_sector,
                                        target_country, place))
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


def _resolve(cells: list[_Cell], column: str) -> dict[str | None, list[_Cell]]:
    """Split ``cells`` by ``column``; cells without a value join the largest
    bucket with one (ties: alphabetical), or stay as the None bucket when none has."""
    buckets: dict[str | None, list[_Cell]] = defaultdict(list)
    unknown: list[_Cell] = []
    for c in cells:
        v = c.values[column]
        if v is None or v == "":
            unknown.append(c)
        else:
            buckets[v].append(c)
    if unknown:
        if buckets:
            best = min(buckets, key=lambda k: (-sum(c.n for c in buckets[k]), k))
            buckets[best].extend(unknown)
        else:
            buckets[None] = unknown
    return buckets


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


def event_groups(store: Store, *, start: str | dt.date | None = None,
                 end: str | dt.date | None = None, type: str | None = None,
                 country: str | None = None,
                 include_duplicates: bool = False) -> Iterator[EventGroup]:
    """The stored events grouped into distinct events (rule in the module docstring).

    Only mentions whose event ``date`` lies between ``start`` and ``end`` (ISO
    dates, inclusive), of PLOVER ``type``, and with ``country`` (ISO alpha-3)
    as actor or target country are read, when given; the mentions in articles
    flagged as duplicates are not read unless ``include_duplicates`` (a duplicate
    group's mentions count once). Groups come in date order, then type, then id.
    """
    where, args = _filters(iso(start), iso(end), type, country,
                           store.unflagged("e.article", include_duplicates))
    yield from _groups(store, where, args)


#: Most event mentions :func:`first_event_groups` groups in full (and so counts every
#: group); beyond it, only the first groups that hold at most this many are built.
MAX_MENTIONS = 1_000


def first_event_groups(store: Store, limit: int, *, start: str | dt.date | None = None,
                       end: str | dt.date | None = None, type: str | None = None,
                       country: str | None = None, max_mentions: int = MAX_MENTIONS,
                       include_duplicates: bool = False
                       ) -> tuple[list[EventGroup], int | None]:
    """``(groups, total)``: the first ``limit`` groups :func:`event_groups` gives for
    these filters, and how many it gives in all. When the filters select more than
    ``max_mentions`` mentions, ``total`` is None (not counted) and ``groups`` are the
    first groups, at most ``limit`` and only as many as hold ``max_mentions`` mentions
    together (at least one): only the cells' keys up to the (date, type) of mention
    ``max_mentions`` + 1 are read from the index (groups come in date and type order),
    then the mentions up to the last group kept are grouped.
    The work is bounded by ``limit`` and ``max_mentions``, not by the store's size.
    ``include_duplicates`` as for :func:`event_groups`."""
    unflagged = store.unflagged("e.article", include_duplicates)
    where, args = _filters(iso(start), iso(end), type, country, unflagged)
    db = store.db
    n = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM events e{where} LIMIT ?)",
                   [*args, max_mentions + 1]).fetchone()[0]
    count: list[int] = []
    if n <= max_mentions:
        groups = list(_groups(store, where, args, limit, count))
        return groups, count[0] if count else 0
    # The (date, type) of mention max_mentions + 1 in group order: the groups kept
    # (holding at most max_mentions mentions) all come up to it.
    date, type_ = db.execute(f"SELECT e.date, e.type FROM events e{where}"
                             " ORDER BY e.date, e.type LIMIT 1 OFFSET ?",
                             [*args, max_mentions]).fetchone()
    cols = ", ".join(f"e.{c}" for c in _CELL_COLUMNS)

    def upto(last: str, last_type: str) -> tuple[str, list[Any]]:
        # The filters with the group order's last (date, type) as their end: "e.date <= ?"
        # in SQL the index can read (the planner draws no bound out of the OR below
        # when the values are parameters), or, with a start date, the start's tight
        # ranges ended there; the mentions of that date of a later type are left out.
        w, a = _filters(iso(start), last, type, country, unflagged)
        return w + " AND (e.date < ? OR e.date = ? AND e.type <= ?)", [*a, last, last, last_type]

    # The cells' keys and counts alone (cheap) say which pair holds the limit-th group:
    # only the mentions up to that pair are then grouped in full.
    base: dict[tuple[Any, ...], list[_Cell]] = defaultdict(list)
    where2, args2 = upto(date, type_)
    for row in db.execute(f"SELECT {cols}, count(*) FROM events e{where2} GROUP BY {cols}",
                          args2):
        values = dict(zip(_CELL_COLUMNS, row))
        base[(values["date"], values["type"], values["actor_country"],
              values["target_country"])].append(_Cell(values, row[-1], "", 0, 0, "", None, ""))
    keys: list[tuple[Any, ...]] = []
    held = 0
    for key in _keys(base)[:limit]:   # as many groups as hold at most max_mentions
        held += sum(c.n for c in key[-1])
        if keys and held > max_mentions:
            break
        keys.append(key)
    where2, args2 = upto(*keys[-1][:2])
    return list(_groups(store, where2, args2, len(keys))), None


def _groups(store: Store, where: str, args: list[Any], limit: int | None = None,
            count: list[int] | None = None) -> Iterator[EventGroup]:
    """The groups of the mentions selected by ``where`` (a WHERE clause over events
    ``e``) with ``args``, in date order, then type, then id; only the first ``limit``
    are built (None: all). ``count``, when given, gets the number of groups appended."""
    db = store.db
    cols = ", ".join(f"e.{c}" for c in _CELL_COLUMNS)
    attrs = f" || '{_FS}' || ".join(
        f"coalesce({'lower(e.text)' if a == 'trigger' else 'e.' + a}, '')" for a in _ATTRS)
    # One row per cell: the mentions agreeing on every field of the key.
    sql = (f"SELECT {cols}, count(*) AS n,"
           " group_concat(e.article || ':' || coalesce(e.sentence, -1), ',') AS mentions,"
           " coalesce(sum(e.intensity), 0) AS isum, count(e.intensity) AS icount,"
           " min(a.published || printf('|%012d', e.rowid) || '|' || e.article || '|'"
           "     || coalesce(e.sentence, -1)) AS first,"
           f" max(e.quad) AS quad, group_concat({attrs}, '{_RS}') AS attrs"
           " FROM events e JOIN articles a ON a.rowid = e.article" + where
           + f" GROUP BY {cols}")
    base: dict[tuple[Any, ...], list[_Cell]] = defaultdict(list)
    for row in db.execute(sql, args):
        values = {c: row[c] for c in _CELL_COLUMNS}
        cell = _Cell(values, row["n"], row["mentions"], row["isum"], row["icount"],
                     row["first"], row["quad"], row["attrs"])
        base[(values["date"], values["type"], values["actor_country"],
              values["target_country"])].append(cell)
    if not base:
        return
    keys = _keys(base)
    if count is not None:
        count.append(len(keys))
    meta = _article_meta(db, where, args)
    for date, type_, _, a_country, sector, t_country, place, members in keys[:limit]:
        yield _build(db, meta, members, date, type_, a_country, sector, t_country, place)


def _keys(base: dict[tuple[Any, ...], list[_Cell]]) -> list[tuple[Any, ...]]:
    """``(date, type, id, actor country, actor sector, target country, place, cells)``
    of each group made of the cells ``base`` holds per (date, type, actor country,
    target country), in date order, then type, then id (the module docstring's rule)."""
    keys: list[tuple[Any, ...]] = []
    for (date, type_, a_country, t_country), cells in base.items():
        for sector, by_sector in _resolve(cells, "actor_sector").items():
            for place, members in _resolve(by_sector, "place").items():
                keys.append((date, type_, group_id(date, type_, a_country, sector, t_country,
                                                   place), a_country, sector, t_country,
                             place, members))
    keys.sort(key=lambda k: k[:3])
    return keys


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


def _build(db: sqlite3.Connection, meta: dict[int, _Meta], cells: list[_Cell],
           date: str, type_: str, a_country: str | None, a_sector: str | None,
           t_country: str | None, place: str | None) -> EventGroup:
    g = EventGroup(group_id(date, type_, a_country, a_sector, t_country, place),
                   date, type_, None, a_country, a_sector, t_country, place)
    isum, icount = 0.0, 0
    mentions: set[tuple[int, int]] = set()
    records: list[str] = []
    sector_named = place_named = 0
    for c in cells:
        g.num_mentions += c.n
        sector_named += c.n if c.values["actor_sector"] else 0
        place_named += c.n if c.values["place"] else 0
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
    g.why = merge_reason(g.num_mentions, date, type_, a_country, t_country, a_sector,
                         sector_named, place, place_named)

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
