"""K-fold splitting and nested selection (dateline.evaluate.folds) on tiny fake scorers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import click
import pytest
from click.testing import CliRunner

from dateline.evaluate import folds as F


def acc(counts: Mapping[str, float]) -> dict[str, float]:
    """A fake scorer: share of correct units."""
    n = counts.get("n", 0)
    return {"acc": counts.get("ok", 0) / n if n else 0.0}


def test_assign_folds_is_deterministic_balanced_and_order_free() -> None:
    keys = [f"doc{i}" for i in range(10)]
    a = F.assign_folds(keys, 3, seed=1)
    assert a == F.assign_folds(list(reversed(keys)), 3, seed=1)  # input order does not matter
    assert sorted(Counter(a.values()).values()) == [3, 3, 4]     # sizes differ by one at most
    assert set(a.values()) == {0, 1, 2}
    assert a != F.assign_folds(keys, 3, seed=2)                   # the seed moves units
    # Repeated keys are one unit: one fold.
    assert F.assign_folds(["a", "b", "a", "b"], 2) == F.assign_folds(["a", "b"], 2)


def test_assign_folds_rejects_too_few_units_or_folds() -> None:
    with pytest.raises(ValueError):
        F.assign_folds(["a", "b"], 3)
    with pytest.raises(ValueError):
        F.assign_folds(["a", "b"], 1)


def test_cross_validate_scores_each_fold_and_the_whole_set() -> None:
    # Six units, 4 right; with 2 folds of 3 the fold accuracies depend on the split,
    # which the test reads from assign_folds rather than assuming it.
    units = {f"u{i}": {"n": 1, "ok": int(i < 4)} for i in range(6)}
    fold_of = F.assign_folds(units, 2, seed=0)
    r = F.cross_validate(units, acc, 2, seed=0)
    assert r.whole == {"acc": pytest.approx(4 / 6)}
    assert r.sizes == [3, 3]
    expected = [sum(units[u]["ok"] for u in units if fold_of[u] == i) / 3 for i in (0, 1)]
    assert [f["acc"] for f in r.folds] == pytest.approx(expected)
    assert r.mean["acc"] == pytest.approx(sum(expected) / 2)
    # sample sd of two values a, b is |a - b| / sqrt(2)
    assert r.spread["acc"] == pytest.approx(abs(expected[0] - expected[1]) / 2 ** 0.5)


def test_fold_figures_pool_counts_not_average_units() -> None:
    # One fold: unit a is 1 of 1, unit b 0 of 3 -> pooled 1/4, not the mean 1/2.
    units = {"a": {"n": 1, "ok": 1}, "b": {"n": 3, "ok": 0}, "c": {"n": 1, "ok": 1},
             "d": {"n": 1, "ok": 1}}
    fold_of = F.assign_folds(units, 2, seed=5)
    r = F.cross_validate(units, acc, 2, seed=5)
    for i, figs in enumerate(r.folds):
        members = [u for u in units if fold_of[u] == i]
        ok = sum(units[u]["ok"] for u in members)
        n = sum(units[u]["n"] for u in members)
        assert figs["acc"] == pytest.approx(ok / n)


def test_nested_chooses_on_the_other_folds() -> None:
    # Setting x=1 is right on every unit but u0; x=2 only on u0 and u1. With 3 folds,
    # x=1 is better on any two folds, so it is chosen every time; the held-out pool
    # is then x=1's whole-set figure (5 of 6).
    keys = [f"u{i}" for i in range(6)]
    runs = {(("x", 1),): {k: {"n": 1, "ok": int(k != "u0")} for k in keys},
            (("x", 2),): {k: {"n": 1, "ok": int(k in ("u0", "u1"))} for k in keys}}
    r = F.nested(runs, acc, "acc", 3, seed=0)
    assert r.chosen == [(("x", 1),)] * 3
    assert r.whole["acc"] == pytest.approx(5 / 6)
    assert r.in_sample == {(("x", 1),): {"acc": pytest.approx(5 / 6)},
                           (("x", 2),): {"acc": pytest.approx(2 / 6)}}


def test_nested_held_out_figure_is_below_the_in_sample_best_when_the_choice_overfits() -> None:
    # Two units, two folds: setting a is right only on u0, b only on u1. Training on u1
    # chooses b, scored on u0 (wrong); training on u0 chooses a, scored on u1 (wrong):
    # the nested estimate is 0 where the best in-sample setting reads 0.5.
    runs = {(("s", "a"),): {"u0": {"n": 1, "ok": 1}, "u1": {"n": 1, "ok": 0}},
            (("s", "b"),): {"u0": {"n": 1, "ok": 0}, "u1": {"n": 1, "ok": 1}}}
    r = F.nested(runs, acc, "acc", 2, seed=0)
    assert r.whole["acc"] == 0.0
    assert max(f["acc"] for f in r.in_sample.values()) == 0.5
    fold_of = F.assign_folds(["u0", "u1"], 2, seed=0)
    for i, combo in enumerate(r.chosen):
        held = next(u for u, f in fold_of.items() if f == i)
        assert combo == ((("s", "b"),) if held == "u0" else (("s", "a"),))


def test_nested_first_combination_wins_ties() -> None:
    keys = ["a", "b", "c", "d"]
    same = {k: {"n": 1, "ok": 1} for k in keys}
    r = F.nested({(("x", 9),): same, (("x", 1),): dict(same)}, acc, "acc", 2)
    assert r.chosen == [(("x", 9),), (("x", 9),)]


def test_parse_grid_and_combinations() -> None:
    grid = F.parse_grid(["a=1,2", "b=x"], lambda name, text: text.upper())
    assert grid == {"a": ["1", "2"], "b": ["X"]}
    assert F.combinations(grid) == [(("a", "1"), ("b", "X")), (("a", "2"), ("b", "X"))]
    assert F.combinations({}) == [()]
    with pytest.raises(click.BadParameter):
        F.parse_grid(["a"], lambda n, t: t)


def test_settings_value_parses_dotted_settings_and_rejects_unknown() -> None:
    assert F.settings_value("timeline.mention_bonus", "0.08") == 0.08
    assert F.settings_value("timeline.min_tokens", "4") == 4
    with pytest.raises(ValueError):
        F.settings_value("timeline.no_such_knob", "1")
    with pytest.raises(ValueError):
        F.settings_value("timeline.min_tokens", "many")


def test_run_folds_prints_folds_and_grid_choice() -> None:
    keys = [f"u{i}" for i in range(4)]

    def units(combo: F.Combo) -> dict[str, dict[str, int]]:
        x = dict(combo).get("x", "1")
        return {k: {"n": 1, "ok": int(x == "2" or k == "u0")} for k in keys}

    @click.command()
    @F.fold_options
    def cmd(folds: int | None, seed: int, grid: tuple[str, ...]) -> None:
        F.check_options(folds, grid, parse=lambda n, t: t)
        if folds:
            F.run_folds(units, acc, [("acc", "accuracy")], "unit", folds, seed, grid,
                        parse=lambda n, t: t)

    out = CliRunner().invoke(cmd, ["--folds", "2"])
    assert out.exit_code == 0, out.output
    assert "2-fold estimate, by unit" in out.output
    assert "whole set" in out.output and "0.250" in out.output
    out = CliRunner().invoke(cmd, ["--folds", "2", "--grid", "x=1,2"])
    assert out.exit_code == 0, out.output
    assert "nested" in out.output and out.output.count("   x=2") == 3  # 2 folds + in-sample row
    assert "held-out pool" in out.output
    out = CliRunner().invoke(cmd, ["--grid", "x=1,2"])
    assert out.exit_code != 0 and "--folds" in out.output
    out = CliRunner().invoke(cmd, ["--folds", "1"])
    assert out.exit_code != 0 and "at least 2" in out.output


def test_check_options_rejects_unknown_settings_before_scoring() -> None:
    with pytest.raises(click.BadParameter, match="no_such"):
        F.check_options(2, ["timeline.no_such=1"])
    F.check_options(2, ["timeline.mention_bonus=0.02,0.05"])
