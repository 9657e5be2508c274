"""HTML pages: main text, title and publication date found by trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

import trafilatura

from dateline.article import Article
from dateline.read.base import (
    BadInput,
    ReadOptions,
    Rejection,
    check_text,
    optional_str,
    parse_date,
)


def read_html(html: str, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    """One article from a web page; its date from the page, else ``options.published``."""
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False)
        if doc is None:
            raise BadInput("no article text found in the HTML page")
        meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        title = optional_str(meta.get("title"))
        text = meta.get("text") or ""
        if title and text.startswith(title):   # the page's headline repeated as body text
            text = text[len(title):].lstrip()
        text = check_text(text, options)
        if optional_str(meta.get("date")):
            published = parse_date(meta["date"], "page date", publication=True)
        elif options.published is not None:
            published = options.published
        else:
            raise BadInput("no publication date found in the page; pass --published")
        yield Article(text=text, published=published, id=options.id,
                      title=title, url=optional_str(meta.get("url")),
                      source=optional_str(meta.get("sitename")), origin=origin)
    except BadInput as exc:
        yield Rejection(origin, str(exc))
