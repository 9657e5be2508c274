"""The one precision/recall/F1 implementation of the evaluation harnesses."""

from __future__ import annotations

import pytest

from dateline.evaluate.scoring import PRF, accuracy, f1, macro_f1, prf, ratio


def test_prf_by_hand():
    # 3 of 4 system items match, 3 of 6 gold items are found: p .75, r .5,
    # f = 2 * .75 * .5 / 1.25 = .6
    assert prf(3, 4, 6) == PRF(0.75, 0.5, 0.6)
    p, r, f = prf(3, 4, 6)
    assert (p, r, f) == (0.75, 0.5, 0.6)


def test_prf_counts_hits_on_each_side():
    # 4 of 5 predictions overlap gold, but they find only 2 of 8 gold entries:
    # p .8, r .25, f = .4 / 1.05
    s = prf(4, 5, 8, hits_gold=2)
    assert (s.p, s.r) == (0.8, 0.25)
    assert s.f == pytest.approx(0.4 / 1.05)


def test_prf_zero_denominators_give_undefined():
    assert prf(0, 0, 0) == PRF(0.0, 0.0, 0.0)
    assert prf(0, 0, 5) == PRF(0.0, 0.0, 0.0)
    assert prf(0, 3, 0) == PRF(0.0, 0.0, 0.0)
    # one side defined: nothing found is p 0, r 0, f 0
    assert prf(0, 3, 5) == PRF(0.0, 0.0, 0.0)
    # tilse's convention: the int 0
    s = prf(0, 0, 0, undefined=0)
    assert s == (0, 0, 0) and all(type(x) is int for x in s)
    assert type(prf(0, 3, 5, undefined=0).f) is int
    assert type(prf(0, 3, 5, undefined=0).p) is float


def test_perfect_and_empty_system():
    assert prf(7, 7, 7) == PRF(1.0, 1.0, 1.0)
    assert prf(0, 0, 7) == PRF(0.0, 0.0, 0.0)


def test_f1_ratio_accuracy():
    assert f1(1.0, 0.0) == 0.0
    assert f1(0.5, 0.5) == 0.5
    assert f1(0.0, 0.0) == 0.0 and type(f1(0.0, 0.0, undefined=0)) is int
    assert ratio(1, 4) == 0.25 and ratio(1, 0) == 0.0
    assert accuracy(9, 12) == 0.75 and accuracy(0, 0) == 0.0


def test_macro_f1_is_the_unweighted_mean():
    # one class perfect, one with p .75 r .5 f .6: (1 + .6) / 2 = .8
    assert macro_f1([prf(5, 5, 5), prf(3, 4, 6)]) == pytest.approx(0.8)
    assert macro_f1([]) == 0.0
