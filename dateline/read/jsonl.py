"""JSON Lines: one article object per line (``id``, ``text``, ``published|time|date``, ...)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from dateline.article import Article
from dateline.read.base import BadInput, ReadOptions, Rejection, article_from_fields, decode

#: Key of the note that a rejects file adds to a record; ignored when read back.
REJECT_KEY = "_rejected"


def line_limit(options: ReadOptions) -> int:
    """The longest line, in bytes, that may hold an article (a character takes at most
    four bytes in UTF-8, and the other fields get some room)."""
    return options.max_chars * 4 + 10_000


def bounded_lines(lines: IO[bytes] | Iterable[bytes],
                  limit: int) -> Iterator[tuple[bytes, int]]:
    """``(line, length)`` for each line of ``lines``, never holding more than ``limit``
    bytes of one: a longer line comes back as its first ``limit`` bytes with its whole
    length, the rest read and dropped in pieces. A plain iterable is taken as it is."""
    readline = getattr(lines, "readline", None)
    if readline is None:
        for raw in lines:   # type: ignore[union-attr]
            yield raw, len(raw)
        return
    while True:
        raw = readline(limit)
        if not raw:
            return
        length = len(raw)
        if length >= limit and not raw.endswith(b"\n"):
            while True:
                rest = readline(1 << 20)
                length += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
        yield raw, length


def read_jsonl(lines: IO[bytes] | Iterable[bytes], origin: str,
               options: ReadOptions) -> Iterator[Article | Rejection]:
    """Articles from JSONL lines (a binary stream, read line by line and never more than
    :func:`line_limit` bytes of a line at once, or an iterable of lines); each bad line
    becomes a Rejection naming ``origin:line``."""
    seen_any = False
    limit = line_limit(options)
    for n, (raw, length) in enumerate(bounded_lines(lines, limit), 1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{origin}:{n}"
        obj = None
        try:
            if length > limit:
                raw = b""
                raise BadInput(f"line of {length:,} bytes is longer than an article may be "
                               f"({options.max_chars:,} characters; raise it with --max-chars)")
            line = decode(raw)
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadInput(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
            except RecursionError:
                raise BadInput("malformed JSON (nested too deeply)") from None
            except ValueError as exc:   # an integer of more than 4,300 digits
                raise BadInput(f"malformed JSON ({str(exc).split(';')[0]})") from None
            if not isinstance(obj, dict):
                raise BadInput(f"expected a JSON object, got {type(obj).__name__}")
            obj.pop(REJECT_KEY, None)
            yield article_from_fields(obj, where, options)
        except BadInput as exc:
            yield Rejection(where, str(exc), _storable(obj, raw) if obj is not None
                            else _text_or_none(raw))
    if not seen_any:
        yield Rejection(origin, "empty file")


def _storable(obj: Any, raw: bytes) -> Any:
    """``obj`` for the rejects file, or the line as read when ``obj`` cannot be written
    back as UTF-8 JSON (a lone surrogate, nesting too deep for the encoder)."""
    try:
        json.dumps(obj, ensure_ascii=False, default=str).encode("utf-8")
    except (UnicodeEncodeError, RecursionError, ValueError):
        return _text_or_none(raw)
    return obj


def _text_or_none(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8").rstrip("\n") or None
    except UnicodeDecodeError:
        return None
