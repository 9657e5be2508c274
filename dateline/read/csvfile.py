"""CSV (and TSV) files: a header row naming ``text``, a date column and optional fields.

Rows are read one physical line at a time (never more than an article's size of one
line), and a field may hold at most ``--max-chars`` characters, so memory stays bounded.

A quote left open would make the rest of the file one field. Such a row is rejected,
and the lines it swallowed are read again as rows of their own, when either
- the quoting breaks RFC 4180 (after a closing quote comes something other than a
  delimiter, a quote or the end of the line, or the file ends inside quotes), or
- a line inside a quoted field that spans lines looks like a row of this file: parsed
  alone it has as many fields as the header, with a valid date in the date column.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from typing import Any, TextIO

from dateline.article import Article
from dateline.read.base import (
    DATE_FIELDS,
    BadInput,
    ReadOptions,
    Rejection,
    article_from_fields,
    decode,
    parse_date,
)


class _LineTooLong(Exception):
    """A physical line longer than any row may be (raised through the csv reader)."""

    def __init__(self, length: int) -> None:
        super().__init__(length)
        self.length = length


class _Lines:
    """The physical lines of a text stream for ``csv.reader``, read with a bounded
    ``readline``. It remembers the lines of the row being read (up to ``keep``
    characters), so that the lines a broken row swallowed can be read again."""

    def __init__(self, stream: TextIO, limit: int, keep: int) -> None:
        self.stream = stream
        self.limit = limit
        self.keep = keep
        self.number = 0                          # physical lines handed out
        self.again: deque[tuple[int, str]] = deque()
        self.row: list[tuple[int, str]] = []     # lines of the row being read
        self.row_chars = 0
        self.row_start = 1
        self.quotes = 0                          # quote characters in the row so far

    def start_row(self) -> None:
        self.row, self.row_chars, self.quotes = [], 0, 0
        self.row_start = self.again[0][0] if self.again else self.number + 1

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.again:
            number, line = self.again.popleft()
        else:
            line = self.stream.readline(self.limit)
            if not line:
                raise StopIteration
            self.number += 1
            number = self.number
            if len(line) >= self.limit and not line.endswith(("\n", "\r")):
                length = len(line)
                while rest := self.stream.readline(1 << 20):
                    length += len(rest)
                    self.quotes += rest.count('"')
                    if rest.endswith(("\n", "\r")):
                        break
                self.quotes += line.count('"')
                raise _LineTooLong(length)
            line = _clean(line)
        self.quotes += line.count('"')
        self.row_chars += len(line)
        if self.row_chars <= self.keep:
            self.row.append((number, line))
        return line

    def skip_quoted_rest(self) -> None:
        """Drop lines until the quotes of the current row are balanced again."""
        while self.quotes % 2:
            try:
                next(self)
            except StopIteration:
                return
            except _LineTooLong:
                continue

    def read_again(self) -> None:
        """Hand out again every line of the current row but its first."""
        self.again.extendleft(reversed(self.row[1:]))


def _clean(line: str) -> str:
    """A line decoded with ``surrogateescape`` whose bytes were not UTF-8, decoded again
    on its own (Windows-1252 unless another code page is clearly better)."""
    if not any("\udc80" <= c <= "\udcff" for c in line):
        return line
    try:
        return decode(line.encode("utf-8", "surrogateescape"))
    except (BadInput, UnicodeError):
        return line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _looks_like_row(line: str, width: int, date_col: int | None, delimiter: str) -> bool:
    """Whether ``line``, parsed alone, has ``width`` fields and a date in ``date_col``."""
    if date_col is None:
        return False
    try:
        fields = next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return False
    if len(fields) != width:
        return False
    try:
        parse_date(fields[date_col])
    except BadInput:
        return False
    return True


def read_csv(stream: TextIO, origin: str, options: ReadOptions,
             delimiter: str = ",") -> Iterator[Article | Rejection]:
    """Articles from CSV rows; a file without a ``text`` column is one Rejection.

    A row longer than ``options.max_chars`` characters, a malformed row and a row with
    an unclosed quote are each rejected with their line; the rest of the file goes on.
    """
    limit = options.max_chars * 4 + 10_000
    lines = _Lines(stream, limit, keep=limit)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        csv.field_size_limit(options.max_chars + 1)
        header = next(reader)
    except StopIteration:
        yield Rejection(origin, "empty file")
        return
    except (csv.Error, _LineTooLong) as exc:
        yield Rejection(origin, f"malformed CSV header ({exc})")
        return
    names = [h.strip().lower() for h in header]
    if "text" not in names:
        yield Rejection(origin, f"no 'text' column (columns: {', '.join(header)})")
        return
    date_col = next((names.index(f) for f in DATE_FIELDS if f in names), None)
    while True:
        lines.start_row()
        try:
            csv.field_size_limit(options.max_chars + 1)   # a global setting of the csv module
            fields = next(reader)
        except StopIteration:
            return
        except UnicodeError as exc:
            yield Rejection(f"{origin}:{lines.number + 1}",
                            f"undecodable text ({exc}); the rest of the file is not read")
            return
        except _LineTooLong as exc:
            lines.skip_quoted_rest()
            yield Rejection(f"{origin}:{lines.row_start}",
                            f"line of {exc.length:,} characters is longer than an article may "
                            f"be ({options.max_chars:,} characters; raise it with --max-chars)")
            continue
        except csv.Error as exc:
            where = f"{origin}:{lines.row_start}"
            if "field larger than field limit" in str(exc):
                lines.skip_quoted_rest()
                yield Rejection(where, f"field longer than an article may be "
                                       f"({options.max_chars:,} characters; raise it with "
                                       "--max-chars)")
            elif len(lines.row) > 1:
                lines.read_again()
                yield Rejection(where, f"unclosed quote in this row (malformed CSV: {exc}); "
                                       "the lines after it are read as rows of their own")
            else:
                yield Rejection(where, f"malformed CSV ({exc})")
            continue
        if not fields:
            continue
        where = f"{origin}:{lines.row_start}"
        swallowed = next((n for n, line in lines.row[1:]
                          if _looks_like_row(line, len(names), date_col, delimiter)), None)
        if swallowed is not None:
            lines.read_again()
            yield Rejection(where, f"unclosed quote in this row: line {swallowed} inside its "
                                   "quotes looks like a row of its own, so the lines after it "
                                   "are read as rows of their own")
            continue
        row: dict[str, Any] = dict(zip(names, fields))
        try:
            if len(fields) > len(names):
                raise BadInput(f"{len(fields) - len(names)} more field(s) than the header names")
            yield article_from_fields(row, where, options)
        except BadInput as exc:
            yield Rejection(where, str(exc), row)
