"""CSV (and TSV) files: a header row naming ``text``, a date column and optional fields."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from typing import TextIO

from dateline.article import Article
from dateline.read.base import BadInput, ReadOptions, Rejection, article_from_fields

csv.field_size_limit(sys.maxsize)


def read_csv(stream: TextIO, origin: str, options: ReadOptions,
             delimiter: str = ",") -> Iterator[Article | Rejection]:
    """Articles from CSV rows; a file without a ``text`` column is one Rejection."""
    reader = csv.DictReader(stream, delimiter=delimiter)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield Rejection(origin, f"malformed CSV header ({exc})")
        return
    if not header:
        yield Rejection(origin, "empty file")
        return
    names = [h.strip().lower() for h in header]
    if "text" not in names:
        yield Rejection(origin, f"no 'text' column (columns: {', '.join(header)})")
        return
    reader.fieldnames = names
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(f"{origin}:{line}", f"malformed CSV ({exc})")
            return
        where = f"{origin}:{line}"
        try:
            if None in row:
                raise BadInput(f"{len(row[None])} more field(s) than the header names")
            yield article_from_fields(row, where, options)
        except BadInput as exc:
            yield Rejection(where, str(exc), {k: v for k, v in row.items() if k is not None})
