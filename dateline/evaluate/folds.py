"""K-fold and nested (grid-in-fold) estimates, shared by every harness.

A harness scores *units* (a TimeML document, a PolNeAR article, a GeoWebNews
article, a PLOVER record, a gold timeline) and describes each one by a *tally*: a
mapping of additive counts (``{"gold": 4, "system": 5, "value": 3}``). Its scorer
turns the counts summed over any set of units into figures (``{"value_f1": .67}``),
so the whole-set figure and a fold's figure are computed the same way.

- :func:`assign_folds` deals the unit keys into K folds: keys sorted, shuffled by
  ``random.Random(seed)``, dealt in turn; a key is in the same fold whatever the
  order the harness read the units in, and folds differ in size by at most one.
- :func:`cross_validate` scores each fold and the whole set.
- :func:`nested` takes one run per setting combination (a grid) and, for each
  fold, chooses the combination whose figure ``objective`` is best on the *other*
  K-1 folds and scores the held-out fold with it: an estimate of what tuning the
  settings gives on data it did not see (first combination wins ties).
- :func:`parse_grid` reads ``--grid NAME=v1,v2`` against a settings object;
  :func:`fold_options` and :func:`report` give the harnesses the same options and
  printout.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import random
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import click

Tally = Mapping[str, float]
Figures = dict[str, float]
Scorer = Callable[[Counter], Figures]
Combo = tuple[tuple[str, Any], ...]
F = TypeVar("F", bound=Callable[..., Any])


def assign_folds(keys: Iterable[str], k: int, seed: int = 0) -> dict[str, int]:
    """The fold (0 .. k-1) of every distinct key: the sorted keys shuffled with
    ``random.Random(seed)`` and dealt in turn, so the assignment depends only on the
    set of keys, ``k`` and ``seed``. Raises ValueError when ``k`` < 2 or there are
    fewer distinct keys than folds."""
    distinct = sorted(set(keys))
    if k < 2:
        raise ValueError(f"--folds must be at least 2 (got {k})")
    if len(distinct) < k:
        raise ValueError(f"{len(distinct)} units cannot make {k} folds")
    random.Random(seed).shuffle(distinct)
    return {key: i % k for i, key in enumerate(distinct)}


def pool(tallies: Iterable[Tally]) -> Counter:
    """The counts of ``tallies`` summed."""
    total: Counter = Counter()
    for t in tallies:
        total.update(t)
    return total


def spread(values: Sequence[float]) -> float:
    """Sample standard deviation of ``values`` (0.0 for fewer than two)."""
    return statistics.stdev(values) if len(values) > 1 else 0.0


@dataclass
class FoldReport:
    """Figures of the whole set and of each fold; ``mean``/``spread`` are the mean and
    sample standard deviation of the fold figures; ``sizes`` the units per fold."""

    whole: Figures
    folds: list[Figures]
    sizes: list[int]
    mean: Figures
    spread: Figures


def _summarise(whole: Figures, folds: list[Figures], sizes: list[int]) -> FoldReport:
    names = list(whole)
    return FoldReport(whole, folds, sizes,
                      {n: statistics.fmean(f[n] for f in folds) for n in names},
                      {n: spread([f[n] for f in folds]) for n in names})


def _split(units: Mapping[str, Tally], fold_of: Mapping[str, int], k: int
           ) -> list[list[str]]:
    groups: list[list[str]] = [[] for _ in range(k)]
    for key in units:
        groups[fold_of[key]].append(key)
    return groups


def cross_validate(units: Mapping[str, Tally], score: Scorer, k: int,
                   seed: int = 0) -> FoldReport:
    """Score every fold of ``units`` (keyed by unit) and the whole set with ``score``."""
    fold_of = assign_folds(units, k, seed)
    groups = _split(units, fold_of, k)
    folds = [score(pool(units[u] for u in g)) for g in groups]
    return _summarise(score(pool(units.values())), folds, [len(g) for g in groups])


@dataclass
class NestedReport(FoldReport):
    """A :class:`FoldReport` of held-out figures, each fold scored with ``chosen[i]``,
    the combination best on the other folds; ``whole`` pools the held-out counts of
    all folds. ``in_sample`` holds each combination's whole-set figures."""

    chosen: list[Combo] = dataclasses.field(default_factory=list)
    in_sample: dict[Combo, Figures] = dataclasses.field(default_factory=dict)


def nested(runs: Mapping[Combo, Mapping[str, Tally]], score: Scorer, objective: str,
           k: int, seed: int = 0) -> NestedReport:
    """Nested estimate over a grid: ``runs`` holds, per combination, the tallies of
    the same units. For each fold, the combination with the highest ``objective``
    figure on the other folds pooled is chosen (the first in ``runs`` order on ties)
    and scored on the held-out fold."""
    combos = list(runs)
    if not combos:
        raise ValueError("no grid combinations to choose from")
    keys = list(runs[combos[0]])
    fold_of = assign_folds(keys, k, seed)
    groups = _split(runs[combos[0]], fold_of, k)
    folds: list[Figures] = []
    chosen: list[Combo] = []
    held: Counter = Counter()
    for i, group in enumerate(groups):
        train = [u for j, g in enumerate(groups) if j != i for u in g]

        def train_figure(c: Combo, train: list[str] = train) -> float:
            return score(pool(runs[c][u] for u in train))[objective]

        best = max(combos, key=train_figure)   # max keeps the first of equal values
        chosen.append(best)
        counts = pool(runs[best][u] for u in group)
        held.update(counts)
        folds.append(score(counts))
    base = _summarise(score(held), folds, [len(g) for g in groups])
    return NestedReport(**dataclasses.asdict(base), chosen=chosen,
                        in_sample={c: score(pool(runs[c].values())) for c in combos})


# -- grids over settings -----------------------------------------------------------------


def parse_grid(items: Iterable[str], parse: Callable[[str, str], Any]) -> dict[str, list[Any]]:
    """``["name=v1,v2", ...]`` as ``{name: [v1, v2]}``, each value converted by
    ``parse(name, text)``, which raises ValueError for an unknown name or bad value;
    the error becomes a :class:`click.BadParameter`."""
    grid: dict[str, list[Any]] = {}
    for item in items:
        name, sep, values = item.partition("=")
        name = name.strip()
        if not sep or not name or not values.strip():
            raise click.BadParameter(f"{item!r}: expected NAME=v1,v2,...", param_hint="--grid")
        try:
            grid[name] = [parse(name, v.strip()) for v in values.split(",")]
        except ValueError as exc:
            raise click.BadParameter(f"{item!r}: {exc}", param_hint="--grid") from None
    return grid


def combinations(grid: Mapping[str, Sequence[Any]]) -> list[Combo]:
    """Every combination of the grid's values, as ``((name, value), ...)`` tuples, in
    the order the values were given (one empty combination for an empty grid)."""
    names = list(grid)
    return [tuple(zip(names, values)) for values in itertools.product(*grid.values())]


def settings_value(name: str, text: str) -> Any:
    """``text`` parsed as the value of dotted setting ``name`` of
    :class:`dateline.settings.Settings` (``extract.NAME.FIELD``, ``timeline.FIELD``);
    ValueError for an unknown setting or a bad value."""
    from dateline.settings import Settings

    settings = Settings().with_overrides([f"{name}={text}"])
    obj: Any = settings
    for part in name.split("."):
        obj = obj[part] if isinstance(obj, Mapping) else getattr(obj, part)
    return obj


def extractor_configs(combo: Combo) -> dict[str, Any]:
    """The extractor configurations in force with the ``extract.NAME.FIELD`` values
    of ``combo`` set (for :func:`dateline.extract.run_extractors`'s ``configs``)."""
    from dateline.settings import Settings

    return Settings().with_values(dict(combo)).extractor_configs()


def label(combo: Combo) -> str:
    """``name=value`` pairs of ``combo`` joined by spaces (``defaults`` when empty)."""
    return " ".join(f"{n}={v}" for n, v in combo) or "defaults"


# -- the harnesses' options and printout -------------------------------------------------


def fold_options(fn: F | None = None, *, grid_example: str = "extract.NAME.FIELD") -> Any:
    """Add ``--folds``, ``--seed`` and ``--grid`` to a harness command (its function
    receives ``folds``, ``seed`` and ``grid``). Used bare (``@fold_options``) or with the
    kind of setting the harness can grid, for its help (``@fold_options(grid_example=
    "timeline.FIELD")``)."""
    if fn is None:
        return functools.partial(fold_options, grid_example=grid_example)
    fn = click.option("--grid", "grid", multiple=True, metavar="NAME=v1,v2,...",
                      help="With --folds: a setting (`dateline config` lists them, e.g. "
                      f"{grid_example}) and values to try; each fold is scored with the "
                      "combination best on the other folds (repeatable).")(fn)
    fn = click.option("--seed", type=int, default=0, show_default=True,
                      help="Seed of the fold assignment.")(fn)
    fn = click.option("--folds", type=int, default=None, metavar="K",
                      help="Also split the units into K folds (seeded, by unit) and print "
                      "each fold's figures, their mean and spread.")(fn)
    return fn


def report(result: FoldReport, metrics: Sequence[tuple[str, str]], unit: str,
           echo: Callable[[str], Any] = click.echo) -> None:
    """Print one row per fold, the mean, the spread and the whole-set figures of
    ``metrics`` (``(key, column title)`` pairs); for a :class:`NestedReport` also the
    combination chosen per fold and each combination's in-sample figures."""
    k = len(result.folds)
    nested_ = isinstance(result, NestedReport)
    echo("")
    echo(f"{k}-fold {'nested (settings chosen on the other folds) ' if nested_ else ''}"
         f"estimate, by {unit}:")
    width = max(10, *(len(t) for _, t in metrics))
    echo(f"{'':14}{'n':>6}" + "".join(f"{t:>{width + 2}}" for _, t in metrics)
         + ("   chosen" if nested_ else ""))

    def row(name: str, n: str, figs: Figures, extra: str = "") -> None:
        echo(f"{name:14}{n:>6}" + "".join(f"{figs[m]:>{width + 2}.3f}" for m, _ in metrics)
             + extra)

    for i, figs in enumerate(result.folds):
        extra = f"   {label(result.chosen[i])}" if isinstance(result, NestedReport) else ""
        row(f"fold {i + 1}", str(result.sizes[i]), figs, extra)
    row("mean", "", result.mean)
    row("spread (sd)", "", result.spread)
    row("held-out pool" if nested_ else "whole set", str(sum(result.sizes)), result.whole)
    if isinstance(result, NestedReport):
        echo("in-sample, whole set, per combination:")
        for combo, figs in result.in_sample.items():
            row("", "", figs, f"   {label(combo)}")


def check_options(folds: int | None, grid: Sequence[str],
                  parse: Callable[[str, str], Any] = settings_value) -> None:
    """Before any scoring: raise a :class:`click.UsageError` for ``--grid`` without
    ``--folds`` and a :class:`click.BadParameter` for a grid that does not parse."""
    if grid and not folds:
        raise click.UsageError("--grid chooses settings inside folds: give --folds K too")
    if folds is not None and folds < 2:
        raise click.BadParameter(f"must be at least 2 (got {folds})", param_hint="--folds")
    parse_grid(grid, parse)


def run_folds(evaluate_units: Callable[[Combo], Mapping[str, Tally]], score: Scorer,
              metrics: Sequence[tuple[str, str]], unit: str, folds: int, seed: int,
              grid: Sequence[str], objective: str | None = None,
              parse: Callable[[str, str], Any] = settings_value,
              first: Mapping[str, Tally] | None = None) -> None:
    """What a harness does with ``--folds K`` (and ``--grid``): run
    ``evaluate_units(combo)`` once per grid combination (``first`` is the run with no
    settings changed, when the harness already has it), then print the plain K-fold
    report, or the nested one when there is a grid, choosing on ``objective``
    (default the first metric)."""
    parsed = parse_grid(grid, parse)
    if not parsed:
        units = first if first is not None else evaluate_units(())
        report(cross_validate(units, score, folds, seed), metrics, unit)
        return
    runs = {combo: evaluate_units(combo) for combo in combinations(parsed)}
    report(nested(runs, score, objective or metrics[0][0], folds, seed), metrics, unit)
