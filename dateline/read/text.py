"""Plain-text articles, optionally opening with a ``date YYYY-MM-DD`` marker."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dateline.article import Article
from dateline.read.base import BadInput, ReadOptions, Rejection, check_text, parse_date

_MARKER = re.compile(r"\A\s*date\s+(\d\S*)[ \t]*\n?")
_TITLE = re.compile(r"\A[ \t]*([^\n]{1,200}?)[ \t]*\n[ \t]*\n")


def split_marker(text: str) -> tuple[str | None, str]:
    """``(date string, rest)`` when the first non-blank token is ``date``, else ``(None, text)``."""
    m = _MARKER.match(text)
    if not m:
        return None, text
    return m[1], text[m.end():].lstrip(" \t")


def split_title(text: str) -> tuple[str | None, str]:
    """A headline: a first line of at most 200 characters, not ending like a sentence,
    followed by a blank line. Returns ``(title or None, body)``."""
    m = _TITLE.match(text)
    if not m or m[1].endswith((".", "!", "?", '"', "”", ":")):
        return None, text
    return m[1], text[m.end():]


def read_text(text: str, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    """One article from a plain text; its date from the marker, else ``options.published``."""
    try:
        raw_date, body = split_marker(text)
        if raw_date is not None:
            published = parse_date(raw_date, "date marker", publication=True)
        elif options.published is not None:
            published = options.published
        else:
            raise BadInput("no publication date: the text does not start with "
                           "'date YYYY-MM-DD' and no --published was given")
        title, body = split_title(body)
        body = check_text(body.strip("\n"), options)
        yield Article(text=body, published=published, id=options.id, title=title, origin=origin)
    except BadInput as exc:
        yield Rejection(origin, str(exc))
