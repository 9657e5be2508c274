"""Exports: what the store holds as files other tools read (docs/export.md).

``export(store, kind, fmt, out)`` writes one table:

* ``events`` as ``csv`` / ``jsonl`` / ``parquet`` (one row per event mention:
  its article, sentence and every stored event field), ``groups`` (JSON Lines,
  one :class:`~dateline.analyses.events.EventGroup` per line), ``gdelt`` (one
  row per event group, GDELT 2.0 Events columns, tab-separated) or ``acled``
  (one row per event group whose PLOVER type has an ACLED counterpart, ACLED
  columns, comma-separated);
* ``articles``, ``sentences``, ``dates``, ``entities``, ``places``, ``quotes``,
  ``amounts`` as ``csv`` / ``jsonl`` / ``parquet``, one row per stored item;
* ``stories`` as ``csv`` / ``jsonl`` / ``parquet`` (one row per article in a story) or
  ``groups`` (JSON Lines, one story per line with its summary and articles).

Events are selected by their event date, everything else by the article's
publication date. Parquet needs pyarrow (``pip install 'dateline[parquet]'``).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
import secrets
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dateline.analyses.events import EventGroup, event_groups, has_date_source
from dateline.countries import alpha2, alpha3, geonames_countries
from dateline.data import read_rows
from dateline.store import KINDS, Store, date_range, iso, period_range

#: Formats each kind can be exported as.
FORMATS: dict[str, tuple[str, ...]] = {
    "events": ("csv", "jsonl", "parquet", "groups", "gdelt", "acled"),
    "articles": ("csv", "jsonl", "parquet"),
    "sentences": ("csv", "jsonl", "parquet"),
    **{k: ("csv", "jsonl", "parquet") for k in KINDS if k != "events"},
    "stories": ("csv", "jsonl", "parquet", "groups"),
}

#: GDELT 2.0 Events table columns, in the codebook's order (61 columns).
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor{i}{c}" for i in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
        "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

#: ACLED export columns, in ACLED's order (31 columns).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)

#: GDELT QuadClass numbers of our quad classes.
QUAD_CLASS = {"verbal cooperation": 1, "material cooperation": 2,
              "verbal conflict": 3, "material conflict": 4}

_BATCH = 65536


class ExportError(ValueError):
    """The export cannot be made; the message says why."""


# -- tables --------------------------------------------------------------------------


@dataclass
class Table:
    """Column names, their types (``str``, ``int``, ``float``) and the rows."""

    columns: list[str]
    types: list[str]
    rows: Iterable[tuple[Any, ...]]


def _member_type(kind: str, member: str) -> str:
    """The export type (str, int, float) of ``member``'s column, from its declaration."""
    from dateline.extract import table_kinds

    sql_type = table_kinds()[kind].column_type(member)
    if sql_type == "":   # kept as given: numbers for amounts, TIMEX3 strings for dates
        return "float" if kind == "amounts" else "str"
    return {"INTEGER": "int", "REAL": "float"}.get(sql_type, "str")


def item_table(store: Store, kind: str, *, start: str | None = None,
               end: str | None = None) -> Table:
    """One row per stored item of ``kind`` (a table of the store): its article id
    and publication date, sentence index and text, the item's columns, and its
    ``extra`` JSON. Events are selected by their own date, other kinds by the
    article's publication date; rows come in publication order."""
    members = [m for m in store.specs[kind].columns if m != "sentence"]
    cols = [m.replace(".", "_") for m in members]
    where, args = (period_range("x.date", start, end) if kind == "events"
                   else date_range("a.published", start, end))
    sql = ("SELECT a.id, a.published, x.sentence, s.text, "
           + ", ".join(f'x."{c}"' for c in cols) + ", x.extra"
           f" FROM {kind} x JOIN articles a ON a.rowid = x.article"
           " LEFT JOIN sentences s ON s.article = x.article AND s.sentence = x.sentence"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY a.published, a.rowid, x.rowid")
    return Table(["article_id", "published", "sentence", "sentence_text", *cols, "extra"],
                 ["str", "str", "int", "str", *(_member_type(kind, m) for m in members), "str"],
                 (tuple(r) for r in store.db.execute(sql, args)))


def article_table(store: Store, *, start: str | None = None, end: str | None = None) -> Table:
    """One row per article (text included), selected and ordered by publication date."""
    cols = ["id", "published", "title", "url", "source", "tone", "origin",
            "extractor_version", "ingested_at", "text"]
    where, args = date_range("published", start, end)
    sql = (f"SELECT {', '.join(cols)} FROM articles"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY published, rowid")
    return Table(cols, ["float" if c == "tone" else "str" for c in cols],
                 (tuple(r) for r in store.db.execute(sql, args)))


def story_table(store: Store, *, start: str | None = None, end: str | None = None) -> Table:
    """One row per article in a story (dateline.analyses.stories): the story's id, first
    and last dates, the article's id and publication date, how it joined (seed, joined,
    duplicate) and its score; selected by publication date, ordered by story then date."""
    from dateline.analyses.stories import memberships

    return Table(["story", "story_first", "story_last", "article_id", "published", "how",
                  "score"], ["str", "str", "str", "str", "str", "str", "float"],
                 memberships(store, start, end))


def sentence_table(store: Store, *, start: str | None = None, end: str | None = None) -> Table:
    """One row per sentence: article id, publication date, index, offsets, text."""
    where, args = date_range("a.published", start, end)
    sql = ('SELECT a.id, a.published, s.sentence, s.start, s."end", s.text FROM sentences s'
           " JOIN articles a ON a.rowid = s.article"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY a.published, a.rowid, s.sentence")
    return Table(["article_id", "published", "sentence", "start", "end", "text"],
                 ["str", "str", "int", "int", "int", "str"],
                 (tuple(r) for r in store.db.execute(sql, args)))


# -- reference tables ---------------------------------------------------------------


@dataclass(frozen=True)
class _AcledRule:
    type: str
    mode: str
    triggers: tuple[str, ...]
    target: str
    disorder: str
    event_type: str
    sub_event_type: str

    def matches(self, g: EventGroup) -> bool:
        return (self.type == g.type
                and (self.mode == "*" or self.mode == g.mode)
                and (self.triggers == ("*",) or (g.trigger or "").startswith(self.triggers))
                and (self.target == "*" or self.target == g.target_sector))


@functools.lru_cache(maxsize=1)
def _acled_tables() -> tuple[list[_AcledRule], dict[str, int]]:
    rules = [_AcledRule(t, m, tuple(trig.split(",")), tgt, d, e, "" if s == "-" else s)
             for t, m, trig, tgt, d, e, s in read_rows("export_acled_types.tsv")]
    inter = {sector: int(code) for sector, code in read_rows("export_acled_inter.tsv")}
    return rules, inter


def acled_type(g: EventGroup) -> tuple[str, str, str] | None:
    """``(disorder_type, event_type, sub_event_type)`` of a group, or None when its
    PLOVER type has no ACLED counterpart (see ``data/export_acled_types.tsv``)."""
    rules, _ = _acled_tables()
    for r in rules:
        if r.matches(g):
            return r.disorder, r.event_type, r.sub_event_type
    return None


# -- event groups as GDELT / ACLED rows ------------------------------------------------


def _rowids(store: Store, g: EventGroup) -> dict[str, int]:
    """``{article id: rowid}`` of the group's articles."""
    return {a: r for a, r in store.db.execute(
        "SELECT id, rowid FROM articles WHERE id IN (" + ",".join("?" * len(g.article_ids)) + ")",
        g.article_ids)}


def _place_row(store: Store, g: EventGroup, ids: dict[str, int]) -> dict[str, Any] | None:
    """The places row naming the group's place in one of its mention sentences
    (the first such sentence in publication order)."""
    if not g.place:
        return None
    for art, sent in g.mentions:
        row = store.db.execute(
            "SELECT name, country, admin1, lat, lon, geonameid, kind FROM places"
            " WHERE article = ? AND sentence = ? AND name = ? ORDER BY rowid LIMIT 1",
            (ids[art], sent, g.place)).fetchone()
        if row is not None:
            return dict(row)
    return None


def _clean(value: Any) -> str:
    """A value as one tab- and newline-free field ("" for None)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _num(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style actor code: country code then sector code ("SYRGOV")."""
    if not country and not sector:
        return None
    if country == sector:
        return country
    return (country or "") + (sector or "")


def _full_name(place: dict[str, Any]) -> str:
    by2 = geonames_countries()
    country = by2.get(place["country"] or "", {}).get("name")
    parts = [place["name"]]
    if place["kind"] != "country":
        if place["admin1"] and place["kind"] != "admin1":
            parts.append(place["admin1"])
        if country:
            parts.append(country)
    return ", ".join(p for p in parts if p)


def _geo_type(place: dict[str, Any]) -> int | None:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = place["country"] == "US"
    if place["kind"] == "country":
        return 1
    if place["kind"] == "admin1":
        return 2 if us else 5
    if place["kind"] in ("city", "local"):
        return 3 if us else 4
    return None


def date_parts(value: str) -> tuple[int, int | None, int | None]:
    """Year, month and day of an event date, a TIMEX3 calendar value of a day
    (``2011-03-15``), a month (``2011-03``: day None) or a year (``1986``: month and
    day None). Raises ValueError for anything else."""
    parts = value.split("-")
    if len(parts) > 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"not a calendar date: {value!r}")
    if len(parts) == 3:
        day = dt.date.fromisoformat(value)
        return day.year, day.month, day.day
    year = int(parts[0])
    month = int(parts[1]) if len(parts) == 2 else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"not a calendar date: {value!r}")
    return year, month, None


def gdelt_row(store: Store, g: EventGroup) -> tuple[Any, ...]:
    """The GDELT 2.0 Events row of a group (columns :data:`GDELT_COLUMNS`).

    The date fields say what the event date knows: ``Day`` and ``FractionDate``
    only for a day, ``MonthYear`` for a day or a month, ``Year`` always (an
    event dated "in March" has an empty Day, one dated "in 1986" only a Year)."""
    year, month, day_of_month = date_parts(g.date)
    day = dt.date(year, month, day_of_month) if month and day_of_month else None
    place = _place_row(store, g, _rowids(store, g))
    by2 = geonames_countries()
    action: list[Any] = [None] * 8
    if place:
        action = [_geo_type(place), _full_name(place),
                  by2.get(place["country"] or "", {}).get("fips") or None, None, None,
                  _num(place["lat"], 4), _num(place["lon"], 4), place["geonameid"]]
    added = dt.datetime.fromisoformat(g.first_added) if g.first_added else None
    if added and added.tzinfo:
        added = added.astimezone(dt.UTC)
    root = int(any(s == 0 for _, s in g.mentions))
    actor1 = [_actor_code(g.actor_country, g.actor_sector), g.actor_text, g.actor_country,
              None, None, None, None, g.actor_sector, None, None]
    actor2 = [_actor_code(g.target_country, g.target_sector), g.target_text, g.target_country,
              None, None, None, None, g.target_sector, None, None]
    return (
        int(g.id[:13], 16), int(day.strftime("%Y%m%d")) if day else None,
        year * 100 + month if month else None, year,
        round(year + day.timetuple().tm_yday / 365, 4) if day else None,
        *actor1, *actor2,
        root, g.type, g.type, g.type, QUAD_CLASS.get(g.quad or ""), _num(g.intensity, 1),
        g.num_mentions, g.num_sources, g.num_articles, _num(g.tone, 4),
        *([None] * 8), *([None] * 8), *action,
        added.strftime("%Y%m%d%H%M%S") if added else None,
        g.urls[0] if g.urls else g.article_ids[0],
    )


def _fatalities(store: Store, g: EventGroup, ids: dict[str, int]) -> int:
    """Killed counts in the group's sentences: per sentence the sum of its
    ``kind == "killed"`` amounts; the smallest sentence figure across the
    sentences that give one (the conservative reading, as ACLED does); 0 if none."""
    per_sentence = []
    for art, sent in g.mentions:
        row = store.db.execute(
            "SELECT sum(value), count(*) FROM amounts WHERE article = ? AND sentence = ?"
            " AND json_extract(extra, '$.kind') = 'killed'", (ids[art], sent)).fetchone()
        if row[1]:
            per_sentence.append(int(row[0] or 0))
    return min(per_sentence) if per_sentence else 0


def _time_precision(store: Store, g: EventGroup, ids: dict[str, int]) -> int:
    """1 when a mention's sentence names the event's day itself, 3 when the event
    date is a month (ACLED's code for a month known without its day) or only bounds it
    (every mention's ``date_source`` is "before": an act told in the perfect, on or
    before the publication date), else 2 (the date is the publication date of the
    report, the event may be a few days older)."""
    if len(g.date) == 7:
        return 3
    sources = {row[0] for art, sent in g.mentions for row in store.db.execute(
        "SELECT date_source FROM events WHERE article = ? AND sentence = ? AND type = ?",
        (ids[art], sent, g.type))} if has_date_source(store) else set()
    if sources == {"before"}:
        return 3
    for art, sent in g.mentions:
        if store.db.execute("SELECT 1 FROM dates WHERE article = ? AND sentence = ? AND value = ?"
                            " LIMIT 1", (ids[art], sent, g.date)).fetchone():
            return 1
    return 2


def acled_row(store: Store, g: EventGroup) -> tuple[Any, ...] | None:
    """The ACLED row of a group (columns :data:`ACLED_COLUMNS`), or None when its
    type has no ACLED counterpart or its date is a year alone (ACLED's coarsest
    time precision is a month). An event dated to a month takes the month's
    middle day, the 15th, with time precision 3, as ACLED codes such events."""
    kind = acled_type(g)
    year, month, day = date_parts(g.date)
    if kind is None or month is None:
        return None
    event_date = g.date if day else f"{g.date}-15"
    disorder, event_type, sub_type = kind
    _, inter_of = _acled_tables()
    by2 = geonames_countries()
    ids = _rowids(store, g)
    place = _place_row(store, g, ids)
    if g.type == "PROTEST":
        inter1: int | None = 5 if event_type == "Riots" else 6
    else:
        inter1 = inter_of.get(g.actor_sector or "")
    inter2 = inter_of.get(g.target_sector or "")
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    interaction = ("".join(map(str, codes)) if len(codes) == 2
                   else str(codes[0] * 10) if codes else None)
    iso2 = place["country"] if place and place["country"] else alpha2(g.actor_country)
    country = by2.get(iso2 or "", {})
    precision = None
    if place:
        precision = 1 if place["kind"] in ("city", "local") else 3
    sources = list(dict.fromkeys(_article_source(store, a) for a in g.article_ids))
    added = dt.datetime.fromisoformat(g.first_added) if g.first_added else None
    return (
        f"{alpha3(iso2) or 'XXX'}{int(g.id[:13], 16)}", event_date, year,
        _time_precision(store, g, ids), disorder, event_type, sub_type,
        g.actor_text, None, inter1, g.target_text, None, inter2, interaction,
        "Civilian targeting" if g.target_sector == "CVL" else None,
        country.get("isonumeric"), None, country.get("name"),
        place["admin1"] if place else None, None, None,
        place["name"] if place else None,
        _num(place["lat"], 4) if place else None, _num(place["lon"], 4) if place else None,
        precision, "; ".join(sources), None, g.example, _fatalities(store, g, ids), None,
        int(added.timestamp()) if added else None,
    )


def _article_source(store: Store, article_id: str) -> str:
    row = store.db.execute("SELECT source FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row and row[0] else article_id


def happened(g: EventGroup) -> bool:
    """Whether event group ``g`` reports events that happened: its mode is not one
    of :data:`dateline.extract.events.UNREAL_MODES` ("hypothetical": "would amount
    to a massacre", a planned march). GDELT and ACLED rows carry only these."""
    from dateline.extract.events import UNREAL_MODES

    return g.mode not in UNREAL_MODES


def gdelt_table(store: Store, *, start: str | None = None, end: str | None = None,
                groups: Mapping[str, Any] | None = None) -> Table:
    """One GDELT 2.0 Events row per event group dated between ``start`` and ``end``
    that happened (:func:`happened`); ``groups``: keyword arguments of
    :func:`~dateline.analyses.events.event_groups` (the event_groups settings)."""
    types = ["int", "int", "int", "int", "float", *(["str"] * 20), "int", "str", "str", "str",
             "int", "float", "int", "int", "int", "float",
             *(["int", "str", "str", "str", "str", "float", "float", "str"] * 3), "str", "str"]
    return Table(list(GDELT_COLUMNS), types,
                 (gdelt_row(store, g) for g in event_groups(store, start=start, end=end,
                                                            **(groups or {}))
                  if happened(g)))


def acled_table(store: Store, *, start: str | None = None, end: str | None = None,
                groups: Mapping[str, Any] | None = None) -> Table:
    """One ACLED row per event group that happened (:func:`happened`) with an ACLED
    event type; ``groups`` as for :func:`gdelt_table`."""
    types = ["str", "str", "int", "int", "str", "str", "str", "str", "str", "int", "str", "str",
             "int", "str", "str", "int", "str", "str", "str", "str", "str", "str", "float",
             "float", "int", "str", "str", "str", "int", "str", "int"]
    rows = (acled_row(store, g) for g in event_groups(store, start=start, end=end,
                                                      **(groups or {})) if happened(g))
    return Table(list(ACLED_COLUMNS), types, (r for r in rows if r is not None))


# -- writers -------------------------------------------------------------------------


def _write_delimited(table: Table, stream: IO[str], delimiter: str, header: bool) -> int:
    n = 0
    if delimiter == "\t":   # GDELT style: no quoting, fields kept free of tabs and newlines
        if header:
            stream.write("\t".join(table.columns) + "\n")
        for row in table.rows:
            stream.write("\t".join(_clean(v) for v in row) + "\n")
            n += 1
        return n
    writer = csv.writer(stream, lineterminator="\n")
    if header:
        writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["" if v is None else v for v in row])
        n += 1
    return n


def _write_jsonl(table: Table, stream: IO[str]) -> int:
    n = 0
    for row in table.rows:
        stream.write(json.dumps(dict(zip(table.columns, row)), ensure_ascii=False) + "\n")
        n += 1
    return n


def _batches(rows: Iterable[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _part_path(out: str | Path) -> str:
    """Where to write before ``out`` is complete: a new hidden file beside it
    (``.NAME.XXXX.part``, created here, with ``out``'s permissions when it exists),
    or ``out`` itself when it is not a regular file (``/dev/stdout``, a pipe)."""
    target = Path(out)
    try:
        mode = os.stat(target).st_mode
        if not stat.S_ISREG(mode):
            return str(target)
    except FileNotFoundError:
        mode = 0o666
    while True:
        part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        if mode != 0o666:
            os.chmod(part, stat.S_IMODE(mode))
        return str(part)


def _finish(part: str, out: str | Path, complete: bool) -> None:
    """Move the written ``part`` over ``out`` when ``complete`` (flushed to disk
    first, so a crash never leaves a short file under the final name); else remove it."""
    if part == str(out):
        return
    try:
        if complete:
            fd = os.open(part, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(part, out)
    finally:
        if os.path.lexists(part):
            os.unlink(part)


def _write_parquet(table: Table, path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("parquet needs pyarrow: pip install 'dateline[parquet]'") from None
    arrow = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(c, arrow[t]) for c, t in zip(table.columns, table.types)])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(table.rows, _BATCH):
            cols = list(zip(*batch))
            writer.write_table(pa.table(
                [pa.array(list(col), type=schema.field(i).type) for i, col in enumerate(cols)],
                schema=schema))
            n += len(batch)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _write_story_groups(store: Store, stream: IO[str], start: str | None,
                        end: str | None) -> int:
    """Every story whose span meets ``start``..``end`` as one JSON line (its summary, as
    /api/stories/{id} gives it, with its articles), largest first."""
    from dateline.analyses.stories import list_stories, summarise

    first = dt.date.fromisoformat(start) if start else None
    last = dt.date.fromisoformat(end) if end else None
    _, total = list_stories(store, limit=1, top=0, start=first, end=last)
    listed, _ = list_stories(store, limit=max(total, 1), top=0, start=first, end=last)
    n = 0
    for s in listed:
        full = summarise(store, s.id, top=10, with_articles=True)
        if full is not None:
            stream.write(json.dumps(full.as_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def export(store: Store, kind: str, fmt: str, out: str | Path | None = None, *,
           start: str | dt.date | None = None, end: str | dt.date | None = None,
           header: bool = True, stream: IO[str] | None = None,
           groups: Mapping[str, Any] | None = None) -> int:
    """Write ``kind`` as ``fmt`` to the file ``out`` (or ``stream``, default stdout
    for text formats; parquet needs ``out``). Returns the number of rows written.
    ``header`` writes the column names first (csv, gdelt, acled). ``groups``: keyword
    arguments of :func:`~dateline.analyses.events.event_groups` for the event groups
    (formats groups, gdelt and acled; the event_groups settings' ``kwargs()``).
    Raises :class:`ExportError` for an unknown kind or format, or parquet without
    pyarrow or without ``out``."""
    if kind not in FORMATS:
        raise ExportError(f"unknown kind {kind!r} (one of {', '.join(FORMATS)})")
    if fmt not in FORMATS[kind]:
        raise ExportError(f"{kind} cannot be exported as {fmt!r} "
                          f"(one of {', '.join(FORMATS[kind])})")
    start_s, end_s = iso(start), iso(end)
    if fmt == "parquet" and out is None:
        raise ExportError("parquet is binary: give the output file with --out FILE")
    if fmt == "groups":
        table = None
    elif kind == "stories":
        table = story_table(store, start=start_s, end=end_s)
    elif fmt == "gdelt":
        table = gdelt_table(store, start=start_s, end=end_s, groups=groups)
    elif fmt == "acled":
        table = acled_table(store, start=start_s, end=end_s, groups=groups)
    elif kind == "articles":
        table = article_table(store, start=start_s, end=end_s)
    elif kind == "sentences":
        table = sentence_table(store, start=start_s, end=end_s)
    else:
        table = item_table(store, kind, start=start_s, end=end_s)
    # A file is written under a temporary name and renamed when complete, so a kill
    # or a full disk never leaves a partial file that looks like a finished export.
    if fmt == "parquet":
        assert table is not None and out is not None
        part = _part_path(out)
        complete = False
        try:
            n = _write_parquet(table, part)
            complete = True
        finally:
            _finish(part, out, complete)
        return n
    part = _part_path(out) if out is not None else ""
    sink = open(part, "w", encoding="utf-8", newline="") if out is not None else (stream or sys.stdout)
    failed = False
    try:
        if table is None and kind == "stories":
            return _write_story_groups(store, sink, start_s, end_s)
        if table is None:
            n = 0
            for g in event_groups(store, start=start_s, end=end_s, **(groups or {})):
                sink.write(json.dumps(g.as_dict(), ensure_ascii=False) + "\n")
                n += 1
            return n
        if fmt == "jsonl":
            return _write_jsonl(table, sink)
        return _write_delimited(table, sink, "\t" if fmt == "gdelt" else ",", header)
    except BaseException:
        failed = True
        raise
    finally:
        if out is not None:
            try:
                sink.close()   # the last write may meet a full disk here
            except BaseException:
                failed = True
                raise
            finally:
                _finish(part, out, not failed)
