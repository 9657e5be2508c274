"""Time and peak memory of one adversarial article, at growing sizes.

For each generator (texts written to stress one extractor: unclosed quotation
marks, a chain of hyphenated names, many short paragraphs naming places, many
distinct names, lines of reported speech, small counts, and ordinary news repeated) and each size (10k, 100k and, with
``--big``, 1M characters), one article goes through parse + extractors in a
fresh subprocess, which reports its time (parse and each extractor apart) and
its peak memory (``ru_maxrss`` of the child). The growth exponent is the
log-log slope of the time between consecutive sizes: 1 is linear, 2 quadratic.

    .venv/bin/python benchmarks/adversarial_sizes.py                 # 10k and 100k
    .venv/bin/python benchmarks/adversarial_sizes.py --big           # and 1M
    .venv/bin/python benchmarks/adversarial_sizes.py --only quotes --cap 60

A run that passes ``--cap`` seconds is stopped and printed as ``>CAP``; the
exponent then is a lower bound (printed with ``>``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PLACES = ["Aleppo", "Idlib", "Hama", "Homs", "Damascus", "Ankara", "Moscow", "Sochi",
           "Tehran", "Beirut", "Latakia", "Raqqa", "Geneva", "Paris", "London", "Berlin"]
_FIRST = ["John", "Mary", "Ahmed", "Olga", "Pierre", "Fatima", "Hans", "Li", "Sergei",
          "Aisha", "Carlos", "Ingrid", "Kofi", "Yuki", "Omar", "Elena"]
_LAST = ["Smith", "Petrov", "Haddad", "Dubois", "Schmidt", "Tanaka", "Mensah", "Rossi",
         "Novak", "Kaya", "Silva", "Larsen", "Okafor", "Ivanova", "Nasser", "Moreau"]


def _repeat(unit: Callable[[int], str], size: int) -> str:
    parts: list[str] = []
    n = 0
    for i in itertools.count():
        piece = unit(i)
        if n + len(piece) > size:
            break
        parts.append(piece)
        n += len(piece)
    return "".join(parts)


def gen_quotes(size: int) -> str:
    """``He said "yes`` over and over: every mark opens a quotation left unclosed."""
    return _repeat(lambda i: 'He said "yes ', size)


def gen_hyphens(size: int) -> str:
    """One sentence holding a single chain of capitalised names joined by hyphens."""
    chain = _repeat(lambda i: _PLACES[i % len(_PLACES)] + "-", size - 20)
    return "Troops moved " + chain.rstrip("-") + " today."


def gen_paragraphs(size: int) -> str:
    """Short paragraphs naming places (what a page of many small ``<p>`` becomes)."""
    return _repeat(lambda i: f"Fighting in {_PLACES[i % len(_PLACES)]}.\n\n", size)


def gen_names(size: int) -> str:
    """Sentences naming many distinct people (first name x last name x initial)."""
    names = [f"{f} {chr(65 + k)}. {last}" for k in range(26) for f in _FIRST for last in _LAST]

    def unit(i: int) -> str:
        a, b = names[i % len(names)], names[(i * 7 + 3) % len(names)]
        return f"{a} met {b} on Tuesday. {a.split()[-1]} spoke first.\n\n"
    return _repeat(unit, size)


def gen_says(size: int) -> str:
    """Line after line of reported speech ("..., says NAME."), as a page of teasers."""
    return _repeat(lambda i: f"Talks may resume within weeks, says {_FIRST[i % 16]} "
                             f"{_LAST[(i // 16) % 16]}.\n", size)


def gen_counts(size: int) -> str:
    """Small counts that read their neighbourhood ("the other two", "a day"), over and over."""
    return _repeat(lambda i: "The other two had met. They paid 3 dollars a day. ", size)


def gen_news(size: int) -> str:
    """The bundled sample articles, one after the other, repeated to the size."""
    texts = []
    for path in sorted((ROOT / "samples" / "idlib").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        texts.append("\n".join(lines[1:]).strip() + "\n\n")  # drop the 'date' line
    return _repeat(lambda i: texts[i % len(texts)], size)


GENERATORS: dict[str, Callable[[int], str]] = {
    "quotes": gen_quotes, "hyphens": gen_hyphens, "paragraphs": gen_paragraphs,
    "names": gen_names, "says": gen_says, "counts": gen_counts, "news": gen_news,
}


def child(name: str, size: int) -> None:
    """Run one article in this process; print a JSON line of timings and peak memory."""
    from dateline.extract import Context, registry
    from dateline.nlp import load_model

    nlp = load_model()
    specs = registry()

    def run(text: str) -> dict[str, float]:
        """Parse and extract ``text``; the seconds of each stage."""
        t0 = time.perf_counter()
        doc = nlp(text)
        times = {"parse": time.perf_counter() - t0}
        ctx = Context(published=dt.date(2018, 9, 7), text=text)
        for ext, spec in specs.items():
            t = time.perf_counter()
            ctx.config = spec.config
            ctx.results[ext] = spec.fn(doc, ctx)
            if spec.splits_sentences:
                ctx.sentence_starts = [s["start"] for s in ctx.results[ext]]
            times[ext] = time.perf_counter() - t
        return times

    # One-time costs (the place index, data tables) are not the article's.
    run('Envoys met in Geneva on Friday. "We will talk," Staffan de Mistura said.')
    text = GENERATORS[name](size)
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    times = run(text)
    total = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"chars": len(text), "seconds": total, "times": times,
                      "peak_mb": peak / 1024, "base_mb": base_rss / 1024}))


def run_one(name: str, size: int, cap: float) -> dict | None:
    """The child's report, or None when it ran past ``cap`` seconds or failed."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, str(size)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=cap, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["?"]
        return {"error": tail[0]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--child", nargs=2, metavar=("GENERATOR", "SIZE"), help=argparse.SUPPRESS)
    ap.add_argument("--only", action="append", choices=sorted(GENERATORS),
                    help="run only this generator (repeatable)")
    ap.add_argument("--big", action="store_true", help="also run 1,000,000 characters")
    ap.add_argument("--cap", type=float, default=120.0,
                    help="seconds one run may take before it is stopped (default 120)")
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    sizes = [10_000, 100_000] + ([1_000_000] if args.big else [])
    print(f"{'generator':<11} {'chars':>9} {'seconds':>9} {'peak MB':>8} {'+MB':>7} "
          f"{'exponent':>8}  slowest stage")
    for name in args.only or list(GENERATORS):
        prev: tuple[int, float] | None = None
        for size in sizes:
            r = run_one(name, size, args.cap)
            if r is None or "error" in r:
                why = f">{args.cap:.0f}" if r is None else "failed"
                exp = ""
                if r is None and prev is not None:
                    exp = f">{math.log(args.cap / prev[1]) / math.log(size / prev[0]):.2f}"
                note = "" if r is None else r["error"][:60]
                print(f"{name:<11} {size:>9,} {why:>9} {'':>8} {'':>7} {exp:>8}  {note}", flush=True)
                break   # a bigger size would only take longer
            secs = r["seconds"]
            exp = ""
            if prev is not None and prev[1] > 0:
                exp = f"{math.log(secs / prev[1]) / math.log(r['chars'] / prev[0]):.2f}"
            slow = max((k for k in r["times"]), key=lambda k: r["times"][k])
            print(f"{name:<11} {r['chars']:>9,} {secs:>9.2f} {r['peak_mb']:>8.0f} "
                  f"{r['peak_mb'] - r['base_mb']:>7.0f} {exp:>8}  {slow} "
                  f"{r['times'][slow]:.2f}s", flush=True)
            prev = (r["chars"], secs)


if __name__ == "__main__":
    main()
