"""The Python API: what the ``dateline`` command does, as one function and one class.

(``extract_record``, not ``extract``: ``dateline.extract`` is the package of extractors.)

>>> import dateline
>>> record = dateline.extract_record("Russia and Turkey agreed on Monday to set up a "
...                           "demilitarised zone around Idlib.", published="2018-09-18")
>>> [(d["text"], d["value"]) for d in record["dates"]]
[('Monday', '2018-09-17')]

>>> with dateline.Dateline("idlib.db") as dl:          # doctest: +SKIP
...     dl.ingest(["samples/idlib"])
...     hits = dl.search("Sochi", limit=5)
...     tl = dl.timeline("Sochi", max_dates=5)
...     groups = dl.events(type="MOBILIZE", country="RUS")

Each method mirrors a command (``extract``, ``ingest``, ``search``, ``timeline``,
``export events --format groups``, ``stats``) and returns plain Python values or the
dataclasses of the module that does the work. Bad input raises :class:`ValueError`
with the same one-line message the command prints; a database that cannot be opened
raises :class:`dateline.store.StoreError`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from typing import Any

from dateline.read.base import ReadOptions, Rejection, check_text, parse_date
from dateline.store import Store, StoreError

DateLike = str | dt.date


def _date(value: DateLike | None, what: str) -> dt.date | None:
    """``value`` as a date (ISO string or date), None when None; ValueError when bad."""
    if value is None or isinstance(value, dt.date):
        return value
    return parse_date(value, what)   # BadInput is a ValueError


def _range(start: DateLike | None, end: DateLike | None) -> tuple[dt.date | None, dt.date | None]:
    """``start`` and ``end`` as dates; ValueError when one is bad or start is after end."""
    first, last = _date(start, "start"), _date(end, "end")
    if first and last and first > last:
        raise ValueError(f"start {first} is after end {last}")
    return first, last


def extract_record(text: str, published: DateLike, *, id: str | None = None,
            title: str | None = None, url: str | None = None,
            source: str | None = None) -> dict[str, Any]:
    """The record of one article (DESIGN.md's format), as ``dateline extract`` prints it.

    ``published`` is the publication date (``"2018-08-31"`` or a date) that relative
    dates are resolved against. Raises ValueError for an empty or overlong text or a
    bad date. Loads the spaCy model on first use (a second or two).
    """
    from dateline.article import Article
    from dateline.pipeline import extract_article

    body = check_text(text, ReadOptions())
    return extract_article(Article(text=body, published=_date(published, "published"),
                                   id=id, title=title, url=url, source=source))


class Dateline:
    """A Dateline store (one SQLite file) and what can be done with it.

    Opening creates the file when it is missing (unless ``readonly``), migrates an
    older schema, and refuses a file that is not a Dateline database with
    :class:`~dateline.store.StoreError`. Use it as a context manager, or call
    :meth:`close`.
    """

    def __init__(self, path: str | os.PathLike[str] | Store, *, readonly: bool = False) -> None:
        # An open Store (from another interface) is used as it is and left open by close().
        self._owned = not isinstance(path, Store)
        self.store = Store(path, readonly=readonly) if self._owned else path

    def close(self) -> None:
        """Close the database (unless it was handed in as an open Store)."""
        if self._owned:
            self.store.close()

    def __enter__(self) -> Dateline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, paths: Iterable[str | os.PathLike[str]], *,
               published: DateLike | None = None, update: bool = False, workers: int = 1,
               batch_size: int = 16, dask: str | None = None,
               on_reject: Callable[[Rejection], None] | None = None) -> Any:
        """Read files, folders, globs or .gz files into the store, as ``dateline
        ingest``; returns its :class:`dateline.ingest.IngestSummary` (read, stored,
        updated, duplicates, rejected). ``published`` dates inputs that carry no date;
        rejected inputs are listed in the summary and passed to ``on_reject``."""
        from dateline.ingest import ingest

        options = ReadOptions(published=_date(published, "published"))
        return ingest([os.fspath(p) for p in paths], self.store, options=options,
                      workers=workers, batch_size=batch_size, update=update,
                      on_reject=on_reject, dask=dask)

    def search(self, query: str | None = None, *, start: DateLike | None = None,
               end: DateLike | None = None, entity: str | None = None,
               place: str | None = None, event: str | None = None,
               country: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Sentences matching ``query`` (SQLite FTS5 syntax) and every filter given, as
        ``dateline search --json`` prints them: id, published, title, sentence, start,
        end, text, score. Raises ValueError for a bad query or date, start after end,
        or no criterion."""
        first, last = _range(start, end)
        if not (query or first or last or entity or place or event or country):
            raise ValueError("search needs a query or a filter (start, end, entity, place, "
                             "event, country)")
        try:
            return self.store.search_sentences(
                query, limit, start=first.isoformat() if first else None,
                end=last.isoformat() if last else None, entity=entity, place=place,
                event=event, country=country)
        except StoreError as exc:
            raise ValueError(str(exc)) from None

    def timeline(self, query: str | None = None, *, max_dates: int | None = None,
                 sentences_per_date: int | None = None, start: DateLike | None = None,
                 end: DateLike | None = None) -> Any:
        """The timeline of the articles ``query`` selects (all when None), as
        ``dateline timeline``: a :class:`dateline.analyses.timeline.Timeline` whose
        entries hold dates and sentences with their article ids and offsets.
        ``format_json``, ``format_text`` and ``format_tilse`` of that module render it."""
        from dateline.analyses.timeline import build_timeline

        first, last = _range(start, end)
        try:
            return build_timeline(self.store, query, max_dates=max_dates,
                                  sentences_per_date=sentences_per_date, start=first, end=last)
        except StoreError as exc:
            raise ValueError(str(exc)) from None

    def record(self, article_id: str) -> dict[str, Any] | None:
        """The stored record of one article, or None when no article has that id."""
        return self.store.record(article_id)

    def events(self, *, start: DateLike | None = None, end: DateLike | None = None,
               type: str | None = None, country: str | None = None) -> list[Any]:
        """Event groups (each distinct event once, with its mentions), as
        ``dateline export events --format groups``: a list of
        :class:`dateline.analyses.events.EventGroup` (``.as_dict()`` for JSON)."""
        from dateline.analyses.events import event_groups

        first, last = _range(start, end)
        return list(event_groups(self.store, start=first, end=last, type=type, country=country))

    def stats(self, top: int = 10) -> dict[str, Any]:
        """What the store holds, as ``dateline stats --json``."""
        return self.store.stats(top)


__all__ = ["Dateline", "extract_record"]
