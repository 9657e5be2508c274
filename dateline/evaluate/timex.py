"""TempEval-3 style evaluation of the temporal engine on TimeML (.tml) files.

``dateline eval timex --data DIR`` reads every ``*.tml`` file under DIR, takes the
text of ``<TEXT>`` (tags removed, entities unescaped), runs spaCy and then the
engine with the document creation time (DCT) as publication date, and prints
strict/relaxed span P/R/F1, type F1 and value F1 (definitions in the shared
ANCHORS.md), with spaCy and engine time per document reported separately.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import click

from dateline.evaluate import folds as F
from dateline.evaluate.scoring import PRF, prf

_TAG = re.compile(r"<[^>]+>")
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    """One gold or system timex: character span, type and value."""

    start: int
    end: int
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, dt.date, list[Gold]]:
    """The plain text of ``<TEXT>``, the DCT date and the TIMEX3s inside the text.

    Offsets are indices into the text with every tag removed and XML entities
    unescaped; the DCT's own TIMEX3 (outside ``<TEXT>``) is not among the gold.
    """
    raw = path.read_text("utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4})-?(\d{2})-?(\d{2})", raw, re.S)
    if dct_m is None:
        raise ValueError(f"{path}: no DCT")
    dct = dt.date(int(dct_m.group(1)), int(dct_m.group(2)), int(dct_m.group(3)))
    tm = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if tm is None:
        raise ValueError(f"{path}: no TEXT")
    body = tm.group(1)
    out: list[str] = []
    n = 0  # length of plain text so far
    gold: list[Gold] = []
    open_stack: list[tuple[int, dict[str, str]] | None] = []
    pos = 0
    for m in re.finditer(r"<(/?)(\w+)([^>]*)>", body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            a = dict(_ATTR.findall(attrs))
            if attrs.rstrip().endswith("/"):
                continue  # empty (non-consuming) timex
            open_stack.append((n, a))
        elif open_stack:
            item = open_stack.pop()
            if item is not None:
                s, a = item
                gold.append(Gold(s, n, a.get("type", ""), a.get("value", "")))
    out.append(html.unescape(body[pos:]))
    return "".join(out), dct, gold


def pair(gold: list[Gold], sys: list[Gold]) -> tuple[int, list[tuple[Gold, Gold]]]:
    """Strict match count and the one-to-one relaxed pairs (exact first, then largest overlap)."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(sys):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                exact = g.start == s.start and g.end == s.end
                cands.append((0 if exact else 1, -ov, gi, si))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    strict = 0
    for ex, _ov, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], sys[si]))
        strict += ex == 0
    return strict, pairs


@dataclass
class Tally:
    """Counts of the TempEval-3 scores, summed over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, gold: list[Gold], system: list[Gold]) -> list[tuple[Gold, Gold]]:
        """Count one document; return its relaxed (gold, system) pairs."""
        strict, pairs = pair(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.strict += strict
        self.relaxed += len(pairs)
        self.value += sum(g.value == s.value for g, s in pairs)
        self.type += sum(g.type == s.type for g, s in pairs)
        return pairs

    def scores(self) -> dict[str, PRF]:
        """P/R/F1 of strict and relaxed spans, type and value (0.0 where undefined)."""
        return {k: prf(getattr(self, k), self.system, self.gold)
                for k in ("strict", "relaxed", "type", "value")}


def score(counts: Mapping[str, float]) -> dict[str, float]:
    """F1 of strict and relaxed spans, type and value from summed :class:`Tally` counts."""
    t = Tally(**{k: int(counts.get(k, 0)) for k in Tally.__dataclass_fields__})
    return {f"{k}_f1": v.f for k, v in t.scores().items()}


#: The figures ``--folds`` prints, with their column titles.
METRICS = (("value_f1", "value F1"), ("relaxed_f1", "relaxed F1"), ("strict_f1", "strict F1"),
           ("type_f1", "type F1"))


def evaluate(data: Path, limit: int | None = None, verbose: bool = False) -> dict:
    """Run spaCy + the engine over the .tml files of ``data``; return counts, metrics,
    timings and ``units``: each file's :class:`Tally` counts, keyed by its path under
    ``data``."""
    from dateline.nlp import load_model
    from dateline.temporal import tag

    nlp = load_model()
    files = sorted(data.rglob("*.tml"))
    if limit:
        files = files[:limit]
    tally = Tally()
    units: dict[str, dict[str, int]] = {}
    t_nlp = t_eng = 0.0
    errors: list[str] = []
    for f in files:
        text, dct, gold = read_tml(f)
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        found = tag(text, dct, doc)
        t2 = time.perf_counter()
        t_nlp += t1 - t0
        t_eng += t2 - t1
        sys = [Gold(x.start, x.end, x.type, x.value) for x in found]
        one = Tally()
        pairs = one.add(gold, sys)
        tally.add(gold, sys)
        units[f.relative_to(data).as_posix()] = dataclasses.asdict(one)
        if verbose:
            paired_g = {id(g) for g, _ in pairs}
            paired_s = {id(s) for _, s in pairs}
            for g, s in pairs:
                if g.value != s.value or (g.start, g.end) != (s.start, s.end):
                    errors.append(f"{f.name}\t{dct}\tPAIR\t{text[g.start:g.end]!r}\t{g.type}:{g.value}"
                                  f"\t{text[s.start:s.end]!r}\t{s.type}:{s.value}")
            for g in gold:
                if id(g) not in paired_g:
                    errors.append(f"{f.name}\t{dct}\tMISS\t{text[g.start:g.end]!r}\t{g.type}:{g.value}"
                                  f"\t{text[max(0, g.start - 40):g.end + 20]!r}")
            for s in sys:
                if id(s) not in paired_s:
                    errors.append(f"{f.name}\t{dct}\tFALSE\t{text[s.start:s.end]!r}\t{s.type}:{s.value}"
                                  f"\t{text[max(0, s.start - 40):s.end + 20]!r}")
    n = max(1, len(files))
    return {
        "documents": len(files), "gold": tally.gold, "system": tally.system, **tally.scores(),
        "spacy_s_per_doc": t_nlp / n, "engine_s_per_doc": t_eng / n, "errors": errors,
        "units": units,
    }


HEIDELTIME = {"strict": (None, None, .853), "relaxed": (.931, .908, .919), "type": (None, None, .897),
              "value": (None, None, .795)}


@click.command("timex")
@click.option("--data", "data", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of TimeML .tml files (e.g. TimeBank).")
@click.option("--limit", type=int, default=None, help="Only the first N files (sorted by name).")
@click.option("--errors", "show_errors", is_flag=True, help="Also list mismatches, misses and false alarms.")
@F.fold_options
def command(data: Path, limit: int | None, show_errors: bool, folds: int | None, seed: int,
            grid: tuple[str, ...]) -> None:
    """Score the temporal engine on TimeML files (TempEval-3 metrics)."""
    F.check_options(folds, grid)
    if grid:
        # The harness runs the engine itself (dateline.temporal.tag), which has no settings.
        raise click.UsageError("the temporal engine has no settings to grid over")
    r = evaluate(data, limit, verbose=show_errors)
    if show_errors:
        for line in r["errors"]:
            click.echo(line)
        click.echo("")
    click.echo(f"documents {r['documents']}   gold timexes {r['gold']}   system timexes {r['system']}")
    click.echo(f"{'metric':<14}{'P':>7}{'R':>7}{'F1':>7}   HeidelTime F1")
    for key, label in (("strict", "strict span"), ("relaxed", "relaxed span"), ("type", "type"),
                       ("value", "value")):
        p, rr, f = r[key]
        hf = HEIDELTIME[key][2]
        click.echo(f"{label:<14}{p:7.3f}{rr:7.3f}{f:7.3f}   {hf:.3f}")
    click.echo(f"time per document: spaCy {r['spacy_s_per_doc'] * 1000:.1f} ms, "
               f"engine {r['engine_s_per_doc'] * 1000:.2f} ms (HeidelTime 0.47 s)")
    if folds:
        F.report(F.cross_validate(r["units"], score, folds, seed), METRICS, "document")


if __name__ == "__main__":  # pragma: no cover
    command()
