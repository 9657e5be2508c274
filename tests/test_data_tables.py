"""The convention every curated table in dateline/data follows (see dateline.data),
and the country codes in them (see dateline.countries)."""

from __future__ import annotations

import inspect
import re

import pytest

from dateline.countries import alpha2, alpha3
from dateline.data import DATA_DIR, read_records, read_rows

TABLES = sorted(p.name for p in DATA_DIR.glob("*.tsv"))
COLUMN_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")

#: Actor codes that are not countries (actors_orgs.tsv).
NON_COUNTRY_ACTORS = {"IGO", "NGO", "IMG"}


def _lines(name: str) -> list[str]:
    return (DATA_DIR / name).read_text(encoding="utf-8").splitlines()


def test_there_are_tables():
    assert len(TABLES) >= 18


@pytest.mark.parametrize("name", TABLES)
def test_table_has_description_and_header(name):
    lines = _lines(name)
    assert lines and lines[0].startswith("# ") and lines[0][2:].strip(), \
        f"{name}: the first line must be a '# ' line saying what the table holds"
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    assert body, f"{name}: no header row"
    header = body[0].split("\t")
    assert all(COLUMN_NAME.match(c) for c in header), \
        f"{name}: the first row after the '#' line must name the columns, got {header}"
    assert len(set(header)) == len(header), f"{name}: repeated column name in {header}"
    # Every row has exactly one field per column; an empty trailing field is
    # written out ("Afghanistan<TAB>AFG<TAB>"), since most readers unpack rows by position.
    for i, line in enumerate(body[1:], 2):
        fields = line.split("\t")
        assert len(fields) == len(header), \
            f"{name}: data row {i - 1} has {len(fields)} fields, header has {len(header)}: {line!r}"
        assert fields != header, f"{name}: header row repeated at data row {i - 1}"


@pytest.mark.parametrize("name", TABLES)
def test_readers_drop_the_header(name):
    body = [line.split("\t") for line in _lines(name) if line.strip() and not line.startswith("#")]
    rows = read_rows(name)
    assert rows == body[1:]
    records = read_records(name)
    assert len(records) == len(rows)
    assert all(list(r) == body[0] for r in records)


def test_read_rows_has_one_convention():
    assert list(inspect.signature(read_rows).parameters) == ["name"]


def test_country_code_conversion():
    assert alpha3("SY") == "SYR" and alpha2("SYR") == "SY"
    assert alpha3("GB") == "GBR" and alpha2("GBR") == "GB"
    assert alpha2("IGO") is None and alpha3("XX") is None
    assert alpha2(None) is None and alpha3("") is None


@pytest.mark.parametrize("name,column", [
    ("entities_demonyms.tsv", "country"), ("entities_institutions.tsv", "country"),
    ("places_countries.tsv", "iso"), ("places_features.tsv", "country"),
    ("places_counties.tsv", "country"), ("places_adjectives.tsv", "country"),
])
def test_alpha2_tables_use_known_codes(name, column):
    bad = {r[column] for r in read_records(name) if r[column] and alpha3(r[column]) is None}
    assert not bad, f"{name}: {column} not an ISO alpha-2 code GeoNames knows: {sorted(bad)}"


@pytest.mark.parametrize("name", ["actors_countries.tsv", "actors_orgs.tsv"])
def test_alpha3_tables_use_known_codes(name):
    bad = {r["country"] for r in read_records(name)
           if r["country"] not in NON_COUNTRY_ACTORS and alpha2(r["country"]) is None}
    assert not bad, f"{name}: country not an ISO alpha-3 code GeoNames knows: {sorted(bad)}"
