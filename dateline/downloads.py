"""Downloads of what the web page shows: the answer of a view's endpoint as CSV or JSON.

Every view endpoint of ``dateline serve`` takes ``format=csv|json`` (docs/http.md): its
answer is then sent as a file to save (``Content-Disposition: attachment``) instead of
being read by the page, so that a download link is the view's own URL with that
parameter: the same selection, limits and page, hence the same rows as on screen.

JSON is the endpoint's answer unchanged. CSV is one table of it, with a header row:
:data:`TABLES` names, for each view, the tables it has (the first is the default; the
``table`` parameter picks another), and :func:`table` makes the columns and rows.
A cell that holds a list (an event group's article ids) is its items joined by spaces.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

#: The formats a view may be downloaded in.
FORMATS = ("csv", "json")
#: The PLOVER quad classes, one column each where a view counts events by quad class.
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")

Row = Mapping[str, Any]
#: (column name, the cell of a row) of one table.
Columns = list[tuple[str, Callable[[Row], Any]]]


def _key(name: str) -> Callable[[Row], Any]:
    return lambda row: row.get(name)


def _plain(*names: str) -> Columns:
    return [(name, _key(name)) for name in names]


def _quad(field: str, quad: str) -> Callable[[Row], Any]:
    return lambda row: (row.get(field) or {}).get(quad, 0)


def _quads(field: str) -> Columns:
    return [(quad.replace(" ", "_"), _quad(field, quad)) for quad in QUADS]


def _search(answer: Row) -> Iterable[Row]:
    return answer.get("results", [])


def _facets(answer: Row) -> Iterable[Row]:
    from dateline.api import FACETS

    for facet in FACETS:
        for value, count in answer.get(facet, []):
            yield {"facet": facet, "value": value, "count": count}


def _timeline(answer: Row) -> Iterable[Row]:
    for entry in answer.get("entries", []):
        for s in entry.get("sentences", []):
            yield {"date": entry["date"], "date_score": entry["score"],
                   "date_articles": entry["articles"], **s}


def _mentions(row: Row) -> str:
    return " ".join(f"{aid}#{sentence}" for aid, sentence in row.get("mentions") or [])


#: view -> table -> (the rows of an answer, the columns). The first table is the default.
TABLES: dict[str, dict[str, tuple[Callable[[Row], Iterable[Row]], Columns]]] = {
    "search": {"results": (_search, _plain("id", "published", "title", "sentence", "start",
                                           "end", "score", "text"))},
    "facets": {"counts": (_facets, _plain("facet", "value", "count"))},
    "map": {
        "places": (lambda a: a.get("places", []),
                   _plain("name", "country", "kind", "lat", "lon", "mentions", "sentences",
                          "events")),
        "countries": (lambda a: a.get("countries", []),
                      _plain("country", "numeric", "name", "events")),
    },
    "chart": {"days": (lambda a: a.get("days", []),
                       [*_plain("date", "mentions", "articles", "tone"),
                        ("events", lambda row: sum((row.get("events") or {}).values())),
                        *_quads("events")])},
    "network": {
        "edges": (lambda a: a.get("edges", []),
                  [*_plain("source", "target", "events"), *_quads("quads")]),
        "nodes": (lambda a: a.get("nodes", []), _plain("id", "kind", "country", "events")),
    },
    "network-edge": {"events": (lambda a: a.get("events", []),
                                _plain("id", "published", "title", "sentence", "type", "quad",
                                       "actor_text", "actor_country", "target_text",
                                       "target_country", "text"))},
    "timeline": {"sentences": (_timeline,
                               _plain("date", "date_score", "date_articles", "article",
                                      "published", "sentence", "start", "end", "score",
                                      "text"))},
    "events": {"groups": (lambda a: a.get("groups", []),
                          [*_plain("id", "date", "type", "mode", "quad", "actor_text",
                                   "actor_country", "actor_sector", "target_text",
                                   "target_country", "target_sector", "place", "trigger",
                                   "num_mentions", "num_articles", "num_sources", "intensity",
                                   "tone", "first_published", "article_ids", "sources",
                                   "urls"),
                           ("mentions", _mentions),
                           *_plain("example", "example_article", "example_sentence",
                                   "why")])},   # new columns go last: CSV layouts stay
}


def check(view: str, fmt: str | None, table_name: str | None) -> str | None:
    """The table of ``view`` a download in ``fmt`` gives (None for JSON or no download);
    ValueError naming the parameter when ``fmt`` is not a format or ``table_name`` not a
    table of ``view``, or a table is named without ``format=csv``."""
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    tables = TABLES[view]
    if table_name is not None:
        if table_name not in tables:
            raise ValueError(f"table {table_name!r} is not a table of this view (one of "
                             f"{', '.join(tables)})")
        if fmt != "csv":
            raise ValueError("table is only for format=csv")
    if fmt != "csv":
        return None
    return table_name or next(iter(tables))


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return value


def table(view: str, answer: Row, table_name: str) -> tuple[list[str], list[list[Any]]]:
    """The header and rows of table ``table_name`` of ``view``'s ``answer`` (the
    endpoint's JSON), in the answer's order: None as an empty cell, a list as its items
    joined by spaces."""
    rows_of, columns = TABLES[view][table_name]
    return ([name for name, _ in columns],
            [[_cell(get(row)) for _, get in columns] for row in rows_of(answer)])


def csv_text(header: list[str], rows: Iterable[list[Any]]) -> str:
    """The table as CSV (the csv module's default dialect, CRLF line ends), header first."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def filename(view: str, table_name: str | None, fmt: str, words: str | None = None) -> str:
    """``dateline-<view>[-<table>][-<words>].<fmt>``: the name a download is saved under,
    the words of the selection reduced to letters, digits and hyphens (at most 40)."""
    parts = ["dateline", view]
    if table_name and len(TABLES[view]) > 1:
        parts.append(table_name)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", words or "").strip("-")[:40].strip("-")
    if slug:
        parts.append(slug)
    return "-".join(parts) + "." + fmt
