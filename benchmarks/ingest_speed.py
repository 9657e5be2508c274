"""Ingest throughput and memory against a bare spaCy pass, measured in one run.

Reads the Timeline17 articles (``--data`` is the folder holding one folder per
topic, e.g. ../shared/data/tls/t17), writes them to one temporary JSONL file
(ids prefixed by topic; cycled with new ids when ``--articles`` asks for more
than there are), then times, as subprocesses with the same number of processes:

1. bare spaCy: the same model over the same texts (``nlp.pipe(n_process=W)``);
2. Dateline: ``dateline ingest`` of the same file into a fresh database.

It samples the memory of each process tree (PSS: shared pages counted once) and prints articles/s,
the ratio ingest/bare (the goal is >= 0.8) and peak memory (goal: < 1.5 GB).

    python benchmarks/ingest_speed.py --data ../shared/data/tls/t17 [--articles 10000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path


def iter_rows(data: Path) -> Iterator[dict]:
    for topic in sorted(p for p in data.iterdir() if p.is_dir()):
        with open(topic / "articles.jsonl", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                row["id"] = f"{topic.name}/{row['id']}"
                yield row


def write_input(data: Path, n: int | None, out: Path) -> tuple[int, int]:
    """Write ``n`` articles (all once when None) to ``out``; return (articles, characters)."""
    count = chars = 0
    with open(out, "w", encoding="utf-8") as f:
        cycle = 0
        while True:
            for row in iter_rows(data):
                if n is not None and count >= n:
                    return count, chars
                if cycle:
                    row["id"] = f"{row['id']}#{cycle}"
                    row["text"] = f"(copy {cycle}) " + row["text"]
                f.write(json.dumps(row) + "\n")
                count += 1
                chars += len(row["text"])
            cycle += 1
            if n is None:
                return count, chars


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of ``pid`` and all its descendants, in kB (Linux /proc).

    PSS counts pages shared between the processes (libraries, the interpreter)
    once in all; RSS counts them in every process, so it overstates a process tree.
    """
    pss = rss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text().split()
                stack.extend(int(k) for k in kids)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return pss, rss


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Run ``cmd``; return (seconds, peak PSS and peak RSS of its process tree in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_pss = peak_rss = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_pss, peak_rss
        while not stop.is_set():
            pss, rss = _tree_memory_kb(proc.pid)
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            time.sleep(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    t.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed:\n{err.decode()[-2000:]}")
    return elapsed, peak_pss / 1024, peak_rss / 1024


def bare_spacy(path: str, workers: int, batch_size: int) -> None:
    """The reference: the same model over the same texts, nothing else."""
    import spacy

    from dateline.nlp import model_name
    nlp = spacy.load(model_name())
    nlp.max_length = 10_000_000

    def texts() -> Iterator[str]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)["text"]

    for _ in nlp.pipe(texts(), n_process=workers, batch_size=batch_size):
        pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, help="Timeline17 folder (one folder per topic)")
    ap.add_argument("--articles", type=int, default=None, help="how many (default: all, once)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--ingest-only", action="store_true",
                    help="skip the bare spaCy pass (for a long memory run); no ratio then")
    ap.add_argument("--bare", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.bare:
        bare_spacy(args.bare, args.workers, args.batch_size)
        return
    if not args.data or not args.data.is_dir():
        ap.error("--data must be the Timeline17 folder")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "articles.jsonl")
        n, chars = write_input(args.data, args.articles, src)
        print(f"{n:,} articles, {chars:,} characters, {args.workers} process(es)")
        if not args.ingest_only:
            bare_s, bare_mb, bare_rss = timed([sys.executable, __file__, "--bare", str(src),
                                               "--workers", str(args.workers),
                                               "--batch-size", str(args.batch_size)])
        ing_s, ing_mb, ing_rss = timed([sys.executable, "-m", "dateline.cli", "ingest", str(src),
                               "--db", str(Path(tmp, "bench.db")), "--workers", str(args.workers),
                               "--batch-size", str(args.batch_size), "--no-progress"])
        db_mb = Path(tmp, "bench.db").stat().st_size / 2**20
    print(f"{'':18}{'seconds':>9}{'articles/s':>12}{'peak PSS MB':>13}{'peak RSS MB':>13}")
    if not args.ingest_only:
        print(f"{'bare spaCy':18}{bare_s:9.1f}{n / bare_s:12.1f}{bare_mb:13.0f}{bare_rss:13.0f}")
    print(f"{'dateline ingest':18}{ing_s:9.1f}{n / ing_s:12.1f}{ing_mb:13.0f}{ing_rss:13.0f}")
    if not args.ingest_only:
        print(f"throughput ratio ingest/bare: {bare_s / ing_s:.2f} (goal >= 0.80)")
    print(f"ingest peak memory (PSS) {ing_mb:.0f} MB (goal < 1536); database {db_mb:.0f} MB")


if __name__ == "__main__":
    main()
