"""Curated data tables of our own, one TSV file per table.

Every table follows one layout (``tests/test_data_tables.py`` checks it):

- a first line opening with ``#`` that says what the table holds;
- then a header row naming the columns (lower case, tab-separated);
- then the data rows, one field per column, tab-separated (an empty trailing field
  is written out: ``Afghanistan<TAB>AFG<TAB>``).

Blank lines and further ``#`` lines are ignored. Two readers, used by every module:
:func:`read_rows` gives the data rows as lists of fields (never the header row),
:func:`read_records` gives them as dicts keyed by the header's column names.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def _header_and_rows(name: str) -> tuple[list[str], list[list[str]]]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    if not rows:
        raise ValueError(f"dateline/data/{name} has no header row")
    return rows[0], rows[1:]


def read_rows(name: str) -> list[list[str]]:
    """The data rows of ``dateline/data/<name>`` as lists of fields: without the
    ``#`` lines, blank lines and the header row."""
    return _header_and_rows(name)[1]


def read_records(name: str) -> list[dict[str, str]]:
    """The data rows of ``dateline/data/<name>`` as dicts keyed by the header row's
    column names (missing trailing fields are empty strings)."""
    head, rows = _header_and_rows(name)
    return [dict(zip(head, row + [""] * (len(head) - len(row)))) for row in rows]
