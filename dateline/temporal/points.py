"""Calendar points at a granularity, their TIMEX3 values, and calendar arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

#: Granularities from finest to coarsest.
GRANS = ("day", "week", "weekend", "month", "season", "quarter", "half", "year", "decade", "century")
_RANK = {g: i for i, g in enumerate(GRANS)}

#: First month of each season code (winter starts in December).
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Point:
    """A calendar unit: ``day`` is any date inside it, ``gran`` its size.

    For seasons ``season`` holds the TIMEX3 code (SP, SU, FA, WI) and ``day.year``
    is the year named by the value.
    """

    gran: str
    day: dt.date
    season: str = ""

    @property
    def value(self) -> str:
        """The TIMEX3 value of this point, e.g. ``2018-08``, ``2018-W35``, ``201``."""
        d = self.day
        g = self.gran
        if g == "day":
            return d.isoformat()
        if g in ("week", "weekend"):
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if g == "weekend" else "")
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "season":
            return f"{d.year:04d}-{self.season}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        return f"{d.year // 100:02d}"

    def finer(self, other: str) -> str:
        """The finer of this point's granularity and ``other``."""
        return self.gran if _RANK[self.gran] <= _RANK[other] else other


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar months, the day clamped to the month's length."""
    m0 = d.year * 12 + (d.month - 1) + n
    y, m = divmod(m0, 12)
    y = max(1, min(9999, y))
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: dt.date, n: int | float, unit: str) -> dt.date:
    """``d`` moved by ``n`` units (day, week, month, quarter, half, year, decade, century,
    millennium); ``d`` itself for a unit it cannot count in."""
    n = int(n)
    try:
        if unit == "day":
            return d + dt.timedelta(days=n)
        if unit in ("week", "weekend"):
            return d + dt.timedelta(weeks=n)
        months = {"month": 1, "season": 12, "quarter": 3, "half": 6, "year": 12,
                  "decade": 120, "century": 1200, "millennium": 12000}[unit]
        return add_months(d, n * months)
    except (OverflowError, ValueError, KeyError):
        return d


def valid_date(y: int, m: int, d: int) -> dt.date | None:
    """The date y-m-d, or None when it does not exist."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def weekday_on_or_before(d: dt.date, wd: int, strict: bool = False) -> dt.date:
    """The latest date with ISO weekday ``wd`` (1=Monday) on or before ``d`` (before, if strict)."""
    back = (d.isoweekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return d - dt.timedelta(days=back)


def weekday_on_or_after(d: dt.date, wd: int, strict: bool = False) -> dt.date:
    """The earliest date with ISO weekday ``wd`` on or after ``d`` (after, if strict)."""
    ahead = (wd - d.isoweekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return d + dt.timedelta(days=ahead)
