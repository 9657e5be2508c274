"""Precision, recall and F1: the one implementation every harness scores with.

Definitions (``hits`` are matches, counted on the side they are divided by):

- precision ``p = hits_sys / n_sys``: the share of system items that match gold;
- recall ``r = hits_gold / n_gold``: the share of gold items that some system item
  matches. Harnesses that pair one to one have ``hits_sys == hits_gold``; those
  that do not (a gold toponym several predictions overlap, ROUGE hits weighted
  differently from each side) count them apart;
- F1 ``f = 2 * p * r / (p + r)``, the harmonic mean, computed from the rounded
  ``p`` and ``r`` in exactly that order (so figures are identical to the
  harnesses' earlier, separate implementations).

Division by zero: a ratio whose denominator is zero (no system items, no gold
items, ``p + r == 0``) is ``undefined``, by default ``0.0``. The timeline metrics
pass the int ``0`` because tilse and news-tls return that (it shows in the JSON
that ``dateline eval tls --out`` writes).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class PRF(NamedTuple):
    """Precision, recall and F1; a tuple, so ``p, r, f = prf(...)`` works."""

    p: float
    r: float
    f: float


def ratio(num: float, den: float, undefined: float = 0.0) -> float:
    """``num / den``, or ``undefined`` when ``den`` is zero."""
    return num / den if den else undefined


def f1(p: float, r: float, undefined: float = 0.0) -> float:
    """Harmonic mean ``2 * p * r / (p + r)`` of precision and recall; ``undefined`` when
    both are zero."""
    return 2 * p * r / (p + r) if p + r else undefined


def prf(hits: float, n_sys: float, n_gold: float, *, hits_gold: float | None = None,
        undefined: float = 0.0) -> PRF:
    """Precision ``hits / n_sys``, recall ``hits_gold / n_gold`` (``hits_gold`` defaults
    to ``hits``) and their F1, each ``undefined`` where its denominator is zero.

    >>> prf(3, 4, 6)
    PRF(p=0.75, r=0.5, f=0.6)
    """
    p = ratio(hits, n_sys, undefined)
    r = ratio(hits if hits_gold is None else hits_gold, n_gold, undefined)
    return PRF(p, r, f1(p, r, undefined))


def accuracy(correct: float, total: float) -> float:
    """Share of ``total`` items that are correct; 0.0 when there are none."""
    return ratio(correct, total)


def macro_f1(scores: Iterable[PRF]) -> float:
    """Unweighted mean of the F1 of ``scores`` (one per class; the caller leaves out
    classes that should not count, e.g. those without gold items); 0.0 for none."""
    fs = [s.f for s in scores]
    return sum(fs) / len(fs) if fs else 0.0
