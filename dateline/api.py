"""The Python API: the one front door to what Dateline does. The ``dateline``
command (:mod:`dateline.cli`) and the HTTP server (:mod:`dateline.server`) are thin
layers over it, so every check and every default lives here.

(``extract_record``, not ``extract``: ``dateline.extract`` is the package of extractors.)

>>> import dateline
>>> record = dateline.extract_record("Russia and Turkey agreed on Monday to set up a "
...                           "demilitarised zone around Idlib.", published="2018-09-18")
>>> [(d["text"], d["value"]) for d in record["dates"]]
[('Monday', '2018-09-17')]

>>> with dateline.Dateline("idlib.db") as dl:          # doctest: +SKIP
...     dl.ingest(["samples/idlib"])
...     hits = dl.search("Sochi", limit=5)             # SearchHit: hits[0].published
...     tl = dl.timeline("Sochi", max_dates=5)
...     groups = dl.events(type="MOBILIZE", country="RUS")
...     dl.export("events", "gdelt", "events.tsv")

Each method mirrors a command (``extract``, ``extract --jsonl`` as :func:`extract_many`,
``ingest``, ``search``, ``timeline``, ``export``, ``export events --format groups`` as
:meth:`Dateline.events`, ``stats``) and returns documented dataclasses, each with
``as_dict()`` giving what the command prints as JSON. Settings (model, workers,
timeline weights, extractor configurations) come from a
:class:`dateline.settings.Settings` passed as ``settings`` (the defaults when None;
:meth:`Settings.load <dateline.settings.Settings.load>` reads a config file).

Errors: bad input raises :class:`ValueError` with the same one-line message the
command prints: :class:`ParamError` for a bad combination of parameters (its
:meth:`~ParamError.message` names them as each interface spells them),
:class:`dateline.store.QueryError` for a query FTS5 cannot parse,
:class:`dateline.export.ExportError` for an impossible export. A database that
cannot be used raises :class:`dateline.store.StoreError` (not a ValueError).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from dateline.article import Article
from dateline.read.base import (
    DATE_FIELDS,
    ReadOptions,
    Rejection,
    article_from_fields,
    check_text,
    parse_date,
)
from dateline.settings import Settings
from dateline.store import Store

if TYPE_CHECKING:
    from dateline.analyses.audit import AuditItem
    from dateline.analyses.events import EventGroup
    from dateline.analyses.stories import GroupingSummary, StorySummary
    from dateline.analyses.timeline import Timeline
    from dateline.ingest import IngestSummary

DateLike = str | dt.date


class _Names(dict):
    """Parameter names for :meth:`ParamError.message`: a name not given is itself."""

    def __missing__(self, key: str) -> str:
        return key


class ParamError(ValueError):
    """Parameters that do not fit together (start after end, a search without any
    criterion). ``str()`` names the parameters as this API does; :meth:`message`
    names them as another interface spells them (``--start`` on the command line,
    ``q`` over HTTP)."""

    #: How this API names parameters in messages (others are named as they are).
    NAMES: Mapping[str, str] = {"query": "a query"}

    def __init__(self, template: str) -> None:
        self.template = template
        super().__init__(self.message())

    def message(self, names: Mapping[str, str] | None = None) -> str:
        """The message with each ``{parameter}`` of the template named by ``names``
        (default: :attr:`NAMES`)."""
        return self.template.format_map(_Names(self.NAMES if names is None else names))


@dataclass
class SearchHit:
    """One sentence found by :meth:`Dateline.search`."""

    #: Article id.
    id: str
    #: Publication date of the article (ISO, as stored).
    published: str
    #: Article title, or None.
    title: str | None
    #: Index of the sentence in its article.
    sentence: int
    #: Character offsets of the sentence in the article's text.
    start: int
    end: int
    #: The sentence.
    text: str
    #: FTS5 bm25 rank (lower is better) when a query was given, else None.
    score: float | None

    def as_dict(self) -> dict[str, Any]:
        """As ``dateline search --json`` prints it."""
        return asdict(self)


#: The facets :meth:`Dateline.facets` counts, in the order it gives them.
FACETS = ("date", "source", "person", "place", "event", "country")
#: How many of a search's results the facets count.
FACET_WINDOW = 500


#: How many of a search's results the map, chart and network read (the first, as
#: :meth:`Dateline.search` orders them): each view's work is bounded by it, not by the store.
VIEW_WINDOW = 1000
#: PLOVER's quad classes, as the events' ``quad`` column holds them (DESIGN.md).
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


class StoryList(list["StorySummary"]):
    """What :meth:`Dateline.stories` found; ``total`` counts every story that qualifies
    (the list holds the first ``limit``)."""

    total: int = 0


class SearchHits(list[SearchHit]):
    """What :meth:`Dateline.search` found. ``window`` is None when every match of the
    query was ranked; else the query matched more sentences than ``window`` and the
    hits are the best of the ``window`` most recently stored matches."""

    window: int | None = None

    def note(self) -> str | None:
        """What people are told when not every match was ranked; None when all were."""
        if self.window is None:
            return None
        return (f"the query matches more than {self.window:,} sentences: these are the best "
                f"of the {self.window:,} most recently stored; narrow it (more words, a date "
                "range) to rank them all")


_STATS_LISTS = ("sources", "busiest_publication_dates", "most_mentioned_dates",
                "top_people", "top_organisations", "top_places")


@dataclass
class StoreStats:
    """What a store holds (:meth:`Dateline.stats`)."""

    #: The database file.
    database: str
    #: Its schema version.
    schema_version: int
    #: Articles stored.
    articles: int
    #: ``{"first": ISO date, "last": ISO date}`` of publication (None when empty).
    published: dict[str, str | None]
    #: Sentences stored.
    sentences: int
    #: Items stored per extracted kind (dates, entities, places, quotes, amounts, events).
    counts: dict[str, int] = field(default_factory=dict)
    #: Articles flagged as near-duplicates of another, and the groups they are in.
    duplicates: int = 0
    duplicate_groups: int = 0
    #: Top-N lists, each ``{name: count}``, most first.
    sources: dict[str, int] = field(default_factory=dict)
    busiest_publication_dates: dict[str, int] = field(default_factory=dict)
    most_mentioned_dates: dict[str, int] = field(default_factory=dict)
    top_people: dict[str, int] = field(default_factory=dict)
    top_organisations: dict[str, int] = field(default_factory=dict)
    top_places: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> StoreStats:
        """From :meth:`dateline.store.Store.stats`'s dict."""
        fixed = ("database", "schema_version", "articles", "published", "sentences",
                 "duplicates", "duplicate_groups", *_STATS_LISTS)
        return cls(**{k: d[k] for k in fixed},
                   counts={k: v for k, v in d.items() if k not in fixed})

    def as_dict(self) -> dict[str, Any]:
        """As ``dateline stats --json`` prints it (counts per kind at the top level)."""
        return {"database": self.database, "schema_version": self.schema_version,
                "articles": self.articles, "published": dict(self.published),
                "sentences": self.sentences, **self.counts,
                "duplicates": self.duplicates, "duplicate_groups": self.duplicate_groups,
                **{k: dict(getattr(self, k)) for k in _STATS_LISTS}}


class Extracted(NamedTuple):
    """One result of :func:`extract_many`: the article, and its record or why it failed."""

    article: Article
    record: dict[str, Any] | None
    error: str | None


def _date(value: DateLike | None, what: str) -> dt.date | None:
    """``value`` as a date (ISO string or date), None when None; ValueError when bad."""
    if value is None or isinstance(value, dt.date):
        return value
    return parse_date(value, what)   # BadInput is a ValueError


def _day(value: DateLike, what: str) -> dt.date:
    """``value`` (not None) as a date; ValueError when bad."""
    day = _date(value, what)
    assert day is not None
    return day


def _range(start: DateLike | None, end: DateLike | None) -> tuple[dt.date | None, dt.date | None]:
    """``start`` and ``end`` as dates; ValueError when one is bad, ParamError when
    start is after end."""
    first, last = _date(start, "start"), _date(end, "end")
    if first and last and first > last:
        raise ParamError(f"{{start}} {first} is after {{end}} {last}")
    return first, last


def _article(item: Article | str | Mapping[str, Any], published: DateLike | None,
             where: str) -> Article:
    """``item`` as an Article: an Article as it is; a text dated ``published``; a
    mapping with ``text``, ``published`` (or ``time`` or ``date``; else ``published``)
    and optional ``id``, ``title``, ``url``, ``source``, checked as the readers check a
    JSONL row (:func:`dateline.read.base.article_from_fields`). ValueError (naming
    ``where``) when it is not one."""
    if isinstance(item, Article):
        return item
    try:
        if isinstance(item, str):
            row: dict[str, Any] = {"text": item}
        elif isinstance(item, Mapping):
            row = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in item.items()}
        else:
            raise ValueError(f"expected a text, a mapping or an Article, not "
                             f"{type(item).__name__}")
        default = _date(published, "published")
        if default is None and not any(row.get(f) for f in DATE_FIELDS):
            raise ValueError("no publication date (give published)")
        return article_from_fields(row, where, ReadOptions(published=default))
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def extract_record(text: str | Article, published: DateLike | None = None, *,
                   id: str | None = None, title: str | None = None, url: str | None = None,
                   source: str | None = None, settings: Settings | None = None
                   ) -> dict[str, Any]:
    """The record of one article (DESIGN.md's format), as ``dateline extract`` prints it.

    ``published`` is the publication date (``"2018-08-31"`` or a date) that relative
    dates are resolved against. ``text`` may also be an :class:`dateline.article.Article`
    (as the readers make them), which carries its own date and id. ``settings``
    chooses the model and the extractors' configurations. Raises ValueError for an
    empty or overlong text or a bad or missing date. Loads the spaCy model on first
    use (a second or two).
    """
    from dateline.pipeline import extract_article

    if isinstance(text, Article):
        return extract_article(text, settings)
    if published is None:
        raise ValueError("published: no publication date given")
    body = check_text(text, ReadOptions())
    return extract_article(Article(text=body, published=_day(published, "published"),
                                   id=id, title=title, url=url, source=source), settings)


def extract_many(items: Iterable[Article | str | Mapping[str, Any]], *,
                 published: DateLike | None = None, workers: int | None = None,
                 batch_size: int | None = None, dask: str | None = None,
                 settings: Settings | None = None) -> Iterator[Extracted]:
    """The records of many articles, as ``dateline extract --jsonl``: yields one
    :class:`Extracted` ``(article, record, error)`` per item, in input order; a
    failed extraction gives ``record`` None and ``error`` saying why, and never stops
    the stream. No database is involved.

    Items are :class:`dateline.article.Article` objects, texts (dated ``published``)
    or mappings with ``text``, ``published`` (default ``published``) and optional
    ``id``, ``title``, ``url``, ``source``; an item that is none of these raises
    ValueError naming its position when the stream reaches it. The input is read
    lazily. ``workers`` (processes; default ``settings.workers``), ``batch_size``
    (default ``settings.batch_size``) and ``dask`` (a scheduler address or
    ``"local"``) are as for :meth:`Dateline.ingest`.
    """
    from dateline.pipeline import extract_records

    settings = settings or Settings()
    articles = (_article(item, published, f"item {n}") for n, item in enumerate(items, 1))
    for results in extract_records(articles, workers=workers or settings.workers,
                                   batch_size=batch_size or settings.batch_size, dask=dask,
                                   settings=settings):
        for article, record, error in results:
            yield Extracted(article, record, error)


class Dateline:
    """A Dateline store (one SQLite file) and what can be done with it.

    Opening creates the file when it is missing (unless ``readonly``), migrates an
    older schema, and refuses a file that is not a Dateline database with
    :class:`~dateline.store.StoreError`. ``settings`` (a
    :class:`dateline.settings.Settings`; the defaults when None) chooses the model,
    processes and batch size of :meth:`ingest` and the weights of :meth:`timeline`.
    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, path: str | os.PathLike[str] | Store, *, readonly: bool = False,
                 settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        # An open Store (from another interface) is used as it is and left open by close().
        self.store: Store
        if isinstance(path, Store):
            self._owned, self.store = False, path
        else:
            self._owned, self.store = True, Store(path, readonly=readonly)

    @property
    def path(self) -> Path:
        """The database file."""
        return self.store.path

    def close(self) -> None:
        """Close the database (unless it was handed in as an open Store)."""
        if self._owned:
            self.store.close()

    def __enter__(self) -> Dateline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, paths: Iterable[str | os.PathLike[str]], *,
               published: DateLike | None = None, update: bool = False,
               workers: int | None = None, batch_size: int | None = None,
               dask: str | None = None, max_chars: int | None = None,
               on_reject: Callable[[Rejection], None] | None = None,
               on_batch: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Read files, folders, globs or .gz files into the store, as ``dateline
        ingest``; returns its :class:`dateline.ingest.IngestSummary` (read, stored,
        updated, duplicates, rejected). ``published`` dates inputs that carry no date;
        ``max_chars`` is the longest article accepted; ``workers`` and ``batch_size``
        default to the settings'. Rejected inputs are listed in the summary and
        passed to ``on_reject``; ``on_batch`` gets the running summary after each
        committed batch. Raises :class:`dateline.distributed.DaskError` when ``dask``
        cannot be used, :class:`~dateline.store.StoreBusy` at once when another ingest
        is writing the store, and :class:`~dateline.store.StoreError` (one line) when
        the store is damaged, read-only or its disk fills (committed batches stay)."""
        from dateline.ingest import ingest

        options = ReadOptions(published=_date(published, "published"))
        if max_chars is not None:
            options = ReadOptions(published=options.published, max_chars=max_chars)
        return ingest([os.fspath(p) for p in paths], self.store, options=options,
                      workers=workers or self.settings.workers,
                      batch_size=batch_size or self.settings.batch_size, update=update,
                      on_reject=on_reject, on_batch=on_batch, dask=dask,
                      settings=self.settings)

    def search(self, query: str | None = None, *, start: DateLike | None = None,
               end: DateLike | None = None, entity: str | None = None,
               place: str | None = None, event: str | None = None,
               country: str | None = None, limit: int = 20, offset: int = 0,
               include_duplicates: bool = False) -> SearchHits:
        """Sentences matching ``query`` (SQLite FTS5 syntax) and every filter given,
        best first (in date order without a query), as :class:`SearchHit` (``as_dict()``
        is what ``dateline search --json`` prints) in :class:`SearchHits`, whose
        ``window`` says when the query matched more sentences than a search ranks
        (:data:`dateline.store.SEARCH_WINDOW`, the most recently stored); the first
        ``offset`` results are skipped (the next page starts where the last ended). Raises
        ValueError for a bad date,
        :class:`ParamError` for start after end or no criterion at all,
        :class:`~dateline.store.QueryError` for a query FTS5 cannot parse, and its
        subclass :class:`~dateline.store.UnknownEntity` when ``entity`` names no person or
        organisation in the store (a surname, "President Putin", an alias or an acronym
        find the person or organisation; a name that finds nobody is never an empty list).
        The sentences of articles flagged as near-duplicates of another are left out
        (a duplicate group is found once, in its representative) unless
        ``include_duplicates`` (docs/duplicates.md)."""
        first, last = _range(start, end)
        if not (query or first or last or entity or place or event or country):
            raise ParamError("search needs {query} or a filter ({start}, {end}, {entity}, "
                             "{place}, {event}, {country})")
        if offset < 0:
            raise ParamError("{offset} must be 0 or more")
        rows = self.store.search_sentences(
            query, limit, start=first.isoformat() if first else None,
            end=last.isoformat() if last else None, entity=entity, place=place,
            event=event, country=country, offset=offset, include_duplicates=include_duplicates)
        hits = SearchHits(SearchHit(**row) for row in rows)
        hits.window = rows.window
        return hits

    def facets(self, query: str | None = None, *, start: DateLike | None = None,
               end: DateLike | None = None, entity: str | None = None,
               place: str | None = None, event: str | None = None,
               country: str | None = None, window: int = FACET_WINDOW,
               top: int = 10, include_duplicates: bool = False) -> dict[str, Any]:
        """Counts beside a search: of the first ``window`` results :meth:`search` gives for
        the same criteria (the same errors), how many fall on each publication ``date``,
        come from each ``source``, and name each ``person`` (canonical), ``place``,
        ``event`` type and event ``country`` (actor or target, ISO alpha-3): ``{"results":
        N, "window": window, "date": [[value, count], ...], ...}``, each list the ``top``
        commonest, most first (ties in value order). A sentence counts once per value.
        ``include_duplicates`` as for :meth:`search`."""
        hits = self.search(query, start=start, end=end, entity=entity, place=place,
                           event=event, country=country, limit=window,
                           include_duplicates=include_duplicates)
        out: dict[str, Any] = {"results": len(hits), "window": window}
        if not hits:
            return out | {k: [] for k in FACETS}
        db = self.store.db
        ids = sorted({h.id for h in hits})
        rowid = dict(db.execute(f"SELECT id, rowid FROM articles WHERE id IN "
                                f"({','.join('?' * len(ids))})", ids).fetchall())
        keys = {(rowid[h.id], h.sentence) for h in hits if h.id in rowid}
        arts = sorted({a for a, _ in keys})
        marks = ",".join("?" * len(arts))
        # the hit sentences themselves, through the (article, sentence) indexes: an article's
        # other sentences are never read
        pairs = sorted(keys)
        values = ",".join(["(?,?)"] * len(pairs))
        flat = [x for pair in pairs for x in pair]
        counts: dict[str, Counter] = {k: Counter() for k in FACETS}
        for h in hits:
            counts["date"][h.published[:10]] += 1
        source = dict(db.execute(f"SELECT rowid, source FROM articles WHERE rowid IN ({marks})",
                                 arts).fetchall())
        for a, _ in keys:
            if source.get(a):
                counts["source"][source[a]] += 1
        # (a join from the hits: SQLite reads "(article, sentence) IN (VALUES ...)" by a scan)
        hits_cte = f"WITH hits(a, s) AS (VALUES {values}) "
        join = "FROM hits JOIN {t} x ON x.article = hits.a AND x.sentence = hits.s"
        queries = {
            # (the label tested in the SELECT: in a WHERE, SQLite would index every person of
            # the store first)
            "person": hits_cte + "SELECT x.article, x.sentence, CASE WHEN x.label = 'PERSON' "
                      "THEN x.canonical END " + join.format(t="entities"),
            "place": hits_cte + "SELECT x.article, x.sentence, x.name " + join.format(t="places"),
            "event": hits_cte + "SELECT x.article, x.sentence, x.type " + join.format(t="events"),
            "country": hits_cte + "SELECT x.article, x.sentence, x.actor_country "
                       + join.format(t="events") + " UNION ALL SELECT x.article, x.sentence,"
                       " x.target_country " + join.format(t="events"),
        }
        for name, sql in queries.items():
            seen: set[tuple] = set()
            for a, sent, value in db.execute(sql, flat):
                if value and (a, sent) in keys and (a, sent, value) not in seen:
                    seen.add((a, sent, value))
                    counts[name][value] += 1
        for name in FACETS:
            out[name] = [[v, n] for v, n in sorted(counts[name].items(),
                                                   key=lambda x: (-x[1], x[0]))[:top]]
        return out

    def _view_hits(self, criteria: Mapping[str, Any], window: int
                   ) -> tuple[SearchHits, list[tuple[int, int, str]]]:
        """The first ``window`` results of :meth:`search` for ``criteria`` (its errors) and
        their sentences as ``(article rowid, sentence, publication day)``, sorted."""
        hits = self.search(**criteria, limit=window)
        if not hits:
            return hits, []
        ids = sorted({h.id for h in hits})
        rowid = dict(self.store.db.execute(
            f"SELECT id, rowid FROM articles WHERE id IN ({','.join('?' * len(ids))})",
            ids).fetchall())
        keys = sorted({(rowid[h.id], h.sentence, h.published[:10]) for h in hits
                       if h.id in rowid})
        return hits, keys

    def _rows_of_hits(self, keys: list[tuple[int, int, str]], table: str, columns: str,
                      tail: str = "", args: Iterable[Any] = ()) -> list[Any]:
        """Rows of ``table`` (aliased ``x``) in the hit sentences ``keys``: ``SELECT
        columns`` (``hits.d`` is the publication day) followed by ``tail`` (a WHERE, GROUP
        BY ...). The hits are walked first and each looked up through the table's
        (article, sentence) index: the work is bounded by the hits, never by the store."""
        values = ",".join(["(?,?,?)"] * len(keys))
        flat = [x for key in keys for x in key]
        sql = (f"WITH hits(a, s, d) AS (VALUES {values}) SELECT {columns} FROM hits "
               f"CROSS JOIN {table} x INDEXED BY {table}_article "
               f"ON x.article = hits.a AND x.sentence = hits.s {tail}")
        return self.store.db.execute(sql, [*flat, *args]).fetchall()

    def map(self, query: str | None = None, *, start: DateLike | None = None,
            end: DateLike | None = None, entity: str | None = None, place: str | None = None,
            event: str | None = None, country: str | None = None,
            window: int = VIEW_WINDOW, top: int = 200,
            include_duplicates: bool = False) -> dict[str, Any]:
        """The map of a selection: of the first ``window`` results :meth:`search` gives for
        the same criteria (the same errors), the places with coordinates that those
        sentences name and the events they report, as ``{"results": N, "window": window,
        "places": [...], "countries": [...]}``.

        ``places``: the ``top`` most mentioned, each ``{"name", "country"`` (alpha-2),
        ``"kind", "lat", "lon", "mentions"`` (place mentions), ``"sentences"`` (results
        naming it), ``"events"`` (events of those results placed there)``}``, most
        mentioned first (ties by name). ``countries``: events by the country where they
        took place (the country of the event's place), each ``{"country"`` (alpha-3),
        ``"numeric"`` (ISO 3166-1 numeric, three digits, as Natural Earth's outlines are
        keyed), ``"name", "events"}``, most first. Click-through: :meth:`search` with the
        same criteria and ``place`` gives a place's sentences."""
        from dateline.countries import geonames_countries

        hits, keys = self._view_hits(dict(query=query, start=start, end=end, entity=entity,
                                          place=place, event=event, country=country,
                                          include_duplicates=include_duplicates), window)
        out: dict[str, Any] = {"results": len(hits), "window": window, "places": [],
                               "countries": []}
        if not keys:
            return out
        rows = self._rows_of_hits(
            keys, "places", "x.name, x.country, x.kind, x.lat, x.lon, count(*), "
            "count(DISTINCT x.article || '/' || x.sentence)",
            "WHERE x.lat IS NOT NULL AND x.lon IS NOT NULL AND x.name IS NOT NULL "
            "GROUP BY x.name, x.country, x.lat, x.lon ORDER BY count(*) DESC, x.name LIMIT ?",
            [top])
        placed = self._rows_of_hits(
            keys, "events", "x.place, p.country, count(*)",
            "JOIN places p INDEXED BY places_article ON p.article = x.article AND "
            "p.sentence = x.sentence AND p.name = x.place AND p.rowid = (SELECT min(q.rowid) "
            "FROM places q INDEXED BY places_article WHERE q.article = x.article AND "
            "q.sentence = x.sentence AND q.name = x.place) "
            "WHERE x.place IS NOT NULL GROUP BY x.place, p.country")
        at = {(name, code): n for name, code, n in placed}
        out["places"] = [{"name": name, "country": code, "kind": kind, "lat": lat, "lon": lon,
                          "mentions": n, "sentences": sentences,
                          "events": at.get((name, code), 0)}
                         for name, code, kind, lat, lon, n, sentences in rows]
        per_country: Counter[str] = Counter()
        for (_, code), n in at.items():
            if code:
                per_country[code] += n
        known = geonames_countries()
        for code, n in sorted(per_country.items(), key=lambda x: (-x[1], x[0])):
            entry = known.get(code) or {}
            number = entry.get("isonumeric")
            out["countries"].append({
                "country": entry.get("iso3") or code,
                "numeric": f"{int(number):03d}" if number not in (None, "") else None,
                "name": entry.get("name") or code, "events": n})
        return out

    def chart(self, query: str | None = None, *, start: DateLike | None = None,
              end: DateLike | None = None, entity: str | None = None,
              place: str | None = None, event: str | None = None,
              country: str | None = None, window: int = VIEW_WINDOW,
              include_duplicates: bool = False) -> dict[str, Any]:
        """The timeline chart of a selection: of the first ``window`` results
        :meth:`search` gives for the same criteria (the same errors), per publication
        day the results (``mentions``), the articles they are in (``articles``), those
        articles' mean tone (``tone``, rounded to 2 places; None when none has a tone) and
        the events the results report by PLOVER quad class: ``{"results": N, "window":
        window, "quads": [...], "days": [{"date", "mentions", "articles", "tone", "events":
        {quad: count}}, ...]}``, days in date order, only days with results."""
        hits, keys = self._view_hits(dict(query=query, start=start, end=end, entity=entity,
                                          place=place, event=event, country=country,
                                          include_duplicates=include_duplicates), window)
        out: dict[str, Any] = {"results": len(hits), "window": window, "quads": list(QUADS),
                               "days": []}
        if not keys:
            return out
        mentions = Counter(day for _, _, day in keys)
        events: dict[str, Counter[str]] = {day: Counter() for day in mentions}
        for day, quad, n in self._rows_of_hits(keys, "events", "hits.d, x.quad, count(*)",
                                               "WHERE x.quad IS NOT NULL "
                                               "GROUP BY hits.d, x.quad"):
            events[day][quad] += n
        articles: dict[str, set[int]] = {day: set() for day in mentions}
        for art, _, day in keys:
            articles[day].add(art)
        arts = sorted({art for art, _, _ in keys})
        tone = dict(self.store.db.execute(
            f"SELECT rowid, tone FROM articles WHERE rowid IN ({','.join('?' * len(arts))})",
            arts).fetchall())

        def mean_tone(day: str) -> float | None:
            tones = [tone[a] for a in articles[day] if tone.get(a) is not None]
            return round(sum(tones) / len(tones), 2) if tones else None

        out["days"] = [{"date": day, "mentions": mentions[day],
                        "articles": len(articles[day]), "tone": mean_tone(day),
                        "events": {q: events[day][q] for q in QUADS if events[day][q]}}
                       for day in sorted(mentions)]
        return out

    def _actor_events(self, keys: list[tuple[int, int, str]]) -> list[tuple[Any, ...]]:
        """The events of the hit sentences ``keys`` as ``(rowid, article, sentence, day,
        type, quad, actor node, target node)``; a node is ``(id, kind, country)`` or None
        (see :meth:`network`)."""
        from dateline.countries import alpha2

        # the person or organisation named inside the actor's (target's) words, in the same
        # sentence, under its store-wide canonical name
        def named(side: str) -> str:
            return (f"(SELECT coalesce(al.canonical, n.canonical) || char(31) || n.label "
                    f"FROM entities n INDEXED BY entities_article LEFT JOIN aliases al "
                    f"ON al.alias = n.canonical AND al.label = n.label "
                    f"WHERE n.article = x.article AND n.sentence = x.sentence "
                    f"AND n.label IN ('PERSON', 'ORG') AND x.{side}_text IS NOT NULL "
                    f"AND instr(x.{side}_text, n.text) > 0 ORDER BY length(n.text) DESC, "
                    f"n.rowid LIMIT 1)")

        rows = self._rows_of_hits(
            keys, "events", f"x.rowid, x.article, x.sentence, hits.d, x.type, x.quad, "
            f"{named('actor')}, x.actor_country, {named('target')}, x.target_country")
        kinds = {"PERSON": "person", "ORG": "organisation"}

        def node(entity: str | None, code: str | None) -> tuple[str, str, str | None] | None:
            if entity:
                name, _, label = entity.partition("\x1f")
                return name, kinds.get(label, "organisation"), code
            if code and alpha2(code):
                return code, "country", code
            return None

        return [(rid, art, sent, day, etype, quad, node(a, ac), node(t, tc))
                for rid, art, sent, day, etype, quad, a, ac, t, tc in rows]

    def network(self, query: str | None = None, *, start: DateLike | None = None,
                end: DateLike | None = None, entity: str | None = None,
                place: str | None = None, event: str | None = None,
                country: str | None = None, window: int = VIEW_WINDOW,
                top: int = 40, include_duplicates: bool = False) -> dict[str, Any]:
        """The actor network of a selection: of the first ``window`` results
        :meth:`search` gives for the same criteria (the same errors), the events
        between two actors. An actor is the person or organisation named in the event's
        actor (target) words (its canonical name), else the actor's country when it is
        one (alpha-3: ``RUS``); other actors (``IGO``, none) are left out.

        ``{"results": N, "window": window, "quads": [...], "nodes": [{"id", "kind"``
        (person, organisation, country), ``"country", "events"}], "edges": [{"source",
        "target", "events", "quads": {quad: count}}]}``: the ``top`` actors in most events,
        and the edges between them, undirected (``source`` < ``target``), most events
        first. An event of an actor with itself is no edge. :meth:`network_events` gives
        an edge's event mentions."""
        hits, keys = self._view_hits(dict(query=query, start=start, end=end, entity=entity,
                                          place=place, event=event, country=country,
                                          include_duplicates=include_duplicates), window)
        out: dict[str, Any] = {"results": len(hits), "window": window, "quads": list(QUADS),
                               "nodes": [], "edges": []}
        if not keys:
            return out
        seen: dict[str, tuple[str, str, str | None]] = {}
        degree: Counter[str] = Counter()
        pairs: dict[tuple[str, str], Counter[str]] = {}
        for *_, quad, actor, target in self._actor_events(keys):
            if actor is None or target is None or actor[0] == target[0]:
                continue
            a, b = sorted((actor[0], target[0]))
            seen.setdefault(actor[0], actor)
            seen.setdefault(target[0], target)
            degree[actor[0]] += 1
            degree[target[0]] += 1
            pairs.setdefault((a, b), Counter())[quad or "unknown"] += 1
        kept = {n for n, _ in sorted(degree.items(), key=lambda x: (-x[1], x[0]))[:top]}
        out["nodes"] = [{"id": n, "kind": seen[n][1], "country": seen[n][2],
                         "events": degree[n]}
                        for n in sorted(kept, key=lambda n: (-degree[n], n))]
        edges = [{"source": a, "target": b, "events": sum(c.values()), "quads": dict(c)}
                 for (a, b), c in pairs.items() if a in kept and b in kept]
        out["edges"] = sorted(edges, key=lambda e: (-e["events"], e["source"], e["target"]))
        return out

    def network_events(self, a: str, b: str, query: str | None = None, *,
                       start: DateLike | None = None, end: DateLike | None = None,
                       entity: str | None = None, place: str | None = None,
                       event: str | None = None, country: str | None = None,
                       window: int = VIEW_WINDOW, limit: int = 100, offset: int = 0,
                       include_duplicates: bool = False) -> dict[str, Any]:
        """An edge of :meth:`network` opened: the event mentions between actors ``a``
        and ``b`` (either way round) in the same selection, each with its sentence:
        ``{"a", "b", "total": N, "events": [{"id", "published", "title", "sentence",
        "text", "type", "quad", "actor_text", "actor_country", "target_text",
        "target_country"}]}``, ``limit`` of them in date order after the first ``offset``.
        ParamError when ``a`` or ``b`` is blank or ``offset`` negative.
        ``include_duplicates`` (here and in :meth:`map`, :meth:`chart`, :meth:`network`)
        as for :meth:`search`: by default a near-duplicate group is read once."""
        if not (a or "").strip() or not (b or "").strip():
            raise ParamError("an edge needs two actors ({a} and {b})")
        if offset < 0:
            raise ParamError("{offset} must be 0 or more")
        _, keys = self._view_hits(dict(query=query, start=start, end=end, entity=entity,
                                       place=place, event=event, country=country,
                                       include_duplicates=include_duplicates), window)
        wanted = {a.strip(), b.strip()}
        rowids = [row[0] for row in self._actor_events(keys)
                  if row[6] and row[7] and {row[6][0], row[7][0]} == wanted
                  and row[6][0] != row[7][0]] if keys else []
        out: dict[str, Any] = {"a": a.strip(), "b": b.strip(), "total": len(rowids),
                               "events": []}
        if not rowids:
            return out
        marks = ",".join("?" * len(rowids))
        rows = self.store.db.execute(
            f"SELECT ar.id, ar.published, ar.title, x.sentence, s.text, x.type, x.quad, "
            f"x.actor_text, x.actor_country, x.target_text, x.target_country "
            f"FROM events x JOIN articles ar ON ar.rowid = x.article "
            f"JOIN sentences s ON s.article = x.article AND s.sentence = x.sentence "
            f"WHERE x.rowid IN ({marks}) ORDER BY ar.published, ar.id, x.sentence, x.rowid "
            f"LIMIT ? OFFSET ?", [*rowids, limit, offset]).fetchall()
        names = ("id", "published", "title", "sentence", "text", "type", "quad",
                 "actor_text", "actor_country", "target_text", "target_country")
        out["events"] = [dict(zip(names, row, strict=True)) for row in rows]
        return out

    def timeline(self, query: str | None = None, *, max_dates: int | None = None,
                 sentences_per_date: int | None = None, start: DateLike | None = None,
                 end: DateLike | None = None, max_articles: int | None = None,
                 include_duplicates: bool = False, story: str | None = None) -> Timeline:
        """The timeline of the articles ``query`` selects (all when None), as
        ``dateline timeline``, with the weights of ``settings.timeline``: a
        :class:`dateline.analyses.timeline.Timeline` whose entries hold dates and
        sentences with their article ids and offsets (``as_dict()`` is ``--format
        json``; ``format_text`` and ``format_tilse`` of that module render it).
        At most ``max_articles`` articles are read (None: that module's MAX_ARTICLES),
        the most relevant when more match; ``Timeline.matching`` and a note say so.
        Articles flagged as near-duplicates are left out (a duplicate group votes once)
        unless ``include_duplicates``. ``story`` (an id :meth:`stories` gives) draws
        that story alone: only its articles are read.
        Raises ValueError for a bad date, ParamError for start after end, QueryError
        for a query FTS5 cannot parse, ValueError for a story that does not exist."""
        from dateline.analyses.timeline import MAX_ARTICLES, build_timeline

        first, last = _range(start, end)
        if story is not None:
            self._check_story(story)
        return build_timeline(self.store, query, max_dates=max_dates,
                              sentences_per_date=sentences_per_date, start=first, end=last,
                              settings=self.settings.timeline,
                              max_articles=max_articles or MAX_ARTICLES,
                              include_duplicates=include_duplicates, story=story)

    def _check_story(self, story: str) -> None:
        """Raise ValueError naming ``story`` when the store holds no such story."""
        from dateline.analyses.stories import has_tables

        if not has_tables(self.store) or self.store.db.execute(
                "SELECT 1 FROM stories WHERE id = ?", (story,)).fetchone() is None:
            raise ValueError(f"no story {story!r} in the store (`dateline stories` "
                             "lists them)")

    def stories(self, query: str | None = None, *, limit: int = 20, min_size: int = 1,
                start: DateLike | None = None, end: DateLike | None = None, top: int = 5,
                include_duplicates: bool = False) -> StoryList:
        """The stories (docs/stories.md), as ``dateline stories``: the ``limit`` largest
        of at least ``min_size`` articles whose span of dates meets ``start``..``end``,
        each a :class:`dateline.analyses.stories.StorySummary` (span, size, ``top`` people,
        organisations, places, event types and words; ``as_dict()`` for JSON); with an
        FTS5 ``query``, only the stories holding a matching article, those with the most
        matches first. ``StoryList.total`` counts all that qualify. Near-duplicate
        copies count once in a size unless ``include_duplicates``. Raises ParamError
        for start after end or a limit under 1, QueryError for a bad query."""
        from dateline.analyses.stories import list_stories

        if limit < 1 or min_size < 1 or top < 0:
            raise ParamError("{limit} and {min_size} must be at least 1, {top} at least 0")
        first, last = _range(start, end)
        found, total = list_stories(self.store, query, limit=limit, min_size=min_size, top=top,
                                    include_duplicates=include_duplicates, start=first,
                                    end=last)
        out = StoryList(found)
        out.total = total
        return out

    def story(self, story: str, *, top: int = 10, include_duplicates: bool = False
              ) -> StorySummary | None:
        """One story with its articles (``articles``: id, published, title, how it
        joined and its score, in publication order), or None when there is no such
        story; sizes and articles count near-duplicate copies once unless
        ``include_duplicates``."""
        from dateline.analyses.stories import summarise

        return summarise(self.store, story, top=top, include_duplicates=include_duplicates,
                         with_articles=True)

    def update_stories(self, rebuild: bool = False) -> GroupingSummary:
        """Group the articles not in a story yet (ingest does this at its end), or with
        ``rebuild`` all of them afresh, in one transaction, holding the writer lock as an
        ingest does (:class:`~dateline.store.StoreBusy` while another writes). Returns a
        :class:`dateline.analyses.stories.GroupingSummary`."""
        from dateline.analyses.stories import update_stories

        with self.store.writing():
            return update_stories(self.store, self.settings.stories, rebuild=rebuild)

    def record(self, article_id: str) -> dict[str, Any] | None:
        """The stored record of one article (DESIGN.md's format), or None when no
        article has that id."""
        return self.store.record(article_id)

    def events(self, *, start: DateLike | None = None, end: DateLike | None = None,
               type: str | None = None, country: str | None = None,
               include_duplicates: bool = False) -> list[EventGroup]:
        """Event groups (each distinct event once, with its mentions), as
        ``dateline export events --format groups``: a list of
        :class:`dateline.analyses.events.EventGroup` (``.as_dict()`` for JSON). The
        mentions in articles flagged as near-duplicates are left out (a duplicate group
        counts once) unless ``include_duplicates``. The window, place and
        publication-day rules are the ``event_groups`` settings
        (:class:`dateline.settings.EventGroupSettings`)."""
        from dateline.analyses.events import event_groups

        first, last = _range(start, end)
        return list(event_groups(self.store, start=first, end=last, type=type, country=country,
                                 include_duplicates=include_duplicates,
                                 **self.settings.event_groups.kwargs()))

    def event_page(self, limit: int, *, start: DateLike | None = None,
                   end: DateLike | None = None, type: str | None = None,
                   country: str | None = None, max_mentions: int | None = None,
                   include_duplicates: bool = False
                   ) -> tuple[list[EventGroup], int | None]:
        """``(groups, total)``: the first ``limit`` event groups :meth:`events` gives
        and their number, with work bounded by ``limit`` and ``max_mentions`` (None:
        :data:`dateline.analyses.events.MAX_MENTIONS`): when the filters select more
        mentions than that, ``total`` is None (not counted) and ``groups`` are only the
        first groups that hold that many mentions (see
        :func:`dateline.analyses.events.first_event_groups`); ``include_duplicates`` as
        for :meth:`events`."""
        from dateline.analyses.events import MAX_MENTIONS, first_event_groups

        first, last = _range(start, end)
        return first_event_groups(self.store, limit, start=first, end=last, type=type,
                                  country=country, max_mentions=max_mentions or MAX_MENTIONS,
                                  include_duplicates=include_duplicates,
                                  **self.settings.event_groups.kwargs())

    def export(self, kind: str, fmt: str = "csv", out: str | os.PathLike[str] | None = None,
               *, start: DateLike | None = None, end: DateLike | None = None,
               header: bool = True, stream: IO[str] | None = None) -> int:
        """Write ``kind`` (events, articles, sentences, dates, entities, places, quotes,
        amounts, stories) as ``fmt`` (csv, jsonl, parquet; for events also groups, gdelt,
        acled; for stories also groups) to the file ``out`` (or ``stream``, default stdout; parquet needs
        ``out``), as ``dateline export`` (docs/export.md). Returns the rows written.
        Raises :class:`dateline.export.ExportError` (a ValueError) for an unknown
        kind or format or parquet without pyarrow or ``out``, ValueError or
        ParamError for bad dates, OSError when ``out`` cannot be written."""
        from dateline.export import export

        first, last = _range(start, end)
        return export(self.store, kind, fmt, None if out is None else os.fspath(out),
                      start=first, end=last, header=header, stream=stream,
                      groups=self.settings.event_groups.kwargs())

    def audit(self, kind: str, sample: int = 50, seed: int = 0) -> list[AuditItem]:
        """Items of ``kind`` (events, quotes, places, amounts, entities) for a person to
        judge, as ``dateline audit``: a random sample of ``sample`` stored rows drawn
        with ``seed`` (the same store and seed give the same sample); for entities the
        top ``sample`` people and organisations by mentions. Each is an
        :class:`dateline.analyses.audit.AuditItem`; ``write_template`` and
        ``read_verdicts`` of that module write the verdict file and score it.
        Raises ValueError for an unknown kind or a sample under 1."""
        from dateline.analyses.audit import sample as draw

        return draw(self.store, kind, sample, seed)

    def stats(self, top: int = 10, include_duplicates: bool = False) -> StoreStats:
        """What the store holds, as :class:`StoreStats` (``as_dict()`` is what
        ``dateline stats --json`` prints); ``top`` items per top-N list. Articles flagged
        as near-duplicates (and what was extracted from them) are not counted unless
        ``include_duplicates``; ``duplicates`` and ``duplicate_groups`` say how many
        there are."""
        return StoreStats.from_dict(self.store.stats(top, include_duplicates))

    def duplicate_group(self, article_id: str) -> dict[str, Any] | None:
        """``{"representative": id, "members": [ids]}`` of the near-duplicate group
        holding ``article_id`` (docs/duplicates.md), or None when it is in none."""
        return self.store.duplicate_group(article_id)

    def count(self) -> int:
        """Articles stored."""
        return self.store.count()


__all__ = ["Dateline", "Extracted", "ParamError", "SearchHit", "SearchHits", "StoreStats",
           "StoryList", "extract_many", "extract_record"]
