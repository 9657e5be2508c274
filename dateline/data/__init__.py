"""Curated data tables of our own, one TSV file per table.

Each file opens with a ``#`` line saying what it holds; :func:`read_rows` is the
one reader every module uses.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def read_rows(name: str, *, header: bool = False) -> list[list[str]]:
    """Tab-separated rows of ``dateline/data/<name>``, without ``#`` lines and blank
    lines; with ``header``, the first remaining row (column names) is dropped too."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    return rows[1:] if header else rows


def read_records(name: str) -> list[dict[str, str]]:
    """Rows of a table whose first row names its columns, as dicts (missing trailing
    fields are empty strings)."""
    head, *rows = read_rows(name)
    return [dict(zip(head, row + [""] * (len(head) - len(row)))) for row in rows]
