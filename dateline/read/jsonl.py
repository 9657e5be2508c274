"""JSON Lines: one article object per line (``id``, ``text``, ``published|time|date``, ...)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from dateline.article import Article
from dateline.read.base import BadInput, ReadOptions, Rejection, article_from_fields, decode

#: Key of the note that a rejects file adds to a record; ignored when read back.
REJECT_KEY = "_rejected"


def read_jsonl(lines: Iterable[bytes], origin: str,
               options: ReadOptions) -> Iterator[Article | Rejection]:
    """Articles from JSONL lines; each bad line becomes a Rejection naming ``origin:line``."""
    seen_any = False
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{origin}:{n}"
        obj = None
        try:
            if len(raw) > options.max_chars * 4 + 10_000:
                raise BadInput(f"line of {len(raw):,} bytes is longer than an article may be "
                               f"({options.max_chars:,} characters; raise it with --max-chars)")
            line = decode(raw)
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadInput(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(obj, dict):
                raise BadInput(f"expected a JSON object, got {type(obj).__name__}")
            obj.pop(REJECT_KEY, None)
            yield article_from_fields(obj, where, options)
        except BadInput as exc:
            yield Rejection(where, str(exc), obj if obj is not None else _text_or_none(raw))
    if not seen_any:
        yield Rejection(origin, "empty file")


def _text_or_none(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8").rstrip("\n")
    except UnicodeDecodeError:
        return None
