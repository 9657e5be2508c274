"""Near-duplicate detection (dateline.analyses.duplicates) measured on Timeline17.

Builds a test set from the T17 development articles (``--data``: one folder per topic
holding ``articles.jsonl``) and the copies it makes of them, then groups it with the
code ingest runs (``DuplicateIndex.plan`` and ``Store.write`` in batches of 16, in a
shuffled order, into a temporary store; no NLP), and prints:

* the natural duplicates in the data: pairs of articles whose word shingles have an
  exact Jaccard similarity of at least NATURAL (counted with an inverted index, no
  MinHash), and how many pairs lie in the bands below it;
* for each threshold: precision and recall of the pairs (two articles in one group),
  the share of true groups found exactly, the recall of each kind of edit (a copy found
  in its original's group) and of the natural pairs;
* articles per second of the grouping stage (signatures, LSH, group look-ups) and of
  grouping plus writing, and the peak memory the grouping allocates (tracemalloc).

The copies: each original (in a seeded shuffled order, again and again until
``--articles`` are reached) gets a copy published 0-2 days later with 1 to 3 edits
drawn from EDITS: a new headline line, a byline, paragraphs reordered, the last
paragraphs trimmed (10-40 %), boilerplate lines added, a few words changed (2 %).

    python benchmarks/duplicates.py --data /work/shared/data/tls/t17 [--articles 10000]
        [--thresholds 0.3 0.4 0.5 0.6 0.7] [--seed 0]
    python benchmarks/duplicates.py --data /work/shared/data/tls/t17 --ingest 120
        # the grouping's share of a real ingest's time (one worker)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline.analyses.duplicates import THRESHOLD, DuplicateIndex, shingles  # noqa: E402
from dateline.store import Store  # noqa: E402

#: Exact Jaccard similarity from which two articles of the data count as duplicates.
NATURAL = 0.5

#: Lines of our own that sites put around a story.
BOILERPLATE = [
    "Follow our live coverage on social media for the latest updates.",
    "Copyright 2011 The Example Wire. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Additional reporting by our correspondents; editing by the news desk.",
    "This story has been updated to correct the spelling of a name in the fifth paragraph.",
    "Read more: the full coverage of this story on our website.",
    "Sign up for the morning briefing to get the top stories in your inbox.",
]
BYLINES = ["By Maria Lopez, staff writer", "By John Carter and Ana Silva", "From wire reports",
           "By our foreign correspondent", "By Sam Okafor, Associated Correspondent"]
HEADLINE_PREFIXES = ["UPDATE 2-", "UPDATE 1-", "WRAPUP-", "ANALYSIS-", "Breaking:", ""]
REPLACEMENTS = ["officials", "reported", "government", "said", "people", "week", "city",
                "on", "the", "a", "major", "new"]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def headline(text: str, rng: random.Random) -> str:
    """A new headline line: a prefix and 5-9 words of the first paragraph, in order."""
    paras = _paragraphs(text)
    if not paras:
        return text
    words = paras[0].split()
    start = rng.randrange(max(1, len(words) - 9))
    return f"{rng.choice(HEADLINE_PREFIXES)}{' '.join(words[start:start + rng.randint(5, 9)])}" \
        f"\n{text}"


def byline(text: str, rng: random.Random) -> str:
    """A byline line before the text."""
    return f"{rng.choice(BYLINES)}\n{text}"


def reorder(text: str, rng: random.Random) -> str:
    """Two or three paragraphs moved (the first one kept first half the time)."""
    paras = _paragraphs(text)
    for _ in range(rng.randint(1, 2)):
        if len(paras) < 3:
            break
        i, j = rng.sample(range(1 if rng.random() < 0.5 else 0, len(paras)), 2)
        paras[i], paras[j] = paras[j], paras[i]
    return "\n".join(paras)


def trim(text: str, rng: random.Random) -> str:
    """The last 10-40 % of the paragraphs cut (at least one kept)."""
    paras = _paragraphs(text)
    keep = max(1, round(len(paras) * (1 - rng.uniform(0.1, 0.4))))
    return "\n".join(paras[:keep])


def boilerplate(text: str, rng: random.Random) -> str:
    """One to three lines of boilerplate after (or one before) the text."""
    lines = rng.sample(BOILERPLATE, rng.randint(1, 3))
    if rng.random() < 0.3 and len(lines) > 1:
        return lines[0] + "\n" + text + "\n" + "\n".join(lines[1:])
    return text + "\n" + "\n".join(lines)


def words(text: str, rng: random.Random) -> str:
    """About 2 % of the words replaced, dropped or doubled."""
    out = []
    for w in text.split(" "):
        r = rng.random()
        if r < 0.01:
            out.append(rng.choice(REPLACEMENTS))
        elif r < 0.015:
            continue
        elif r < 0.02:
            out += [w, w]
        else:
            out.append(w)
    return " ".join(out)


EDITS: dict[str, Callable[[str, random.Random], str]] = {
    "headline": headline, "byline": byline, "reorder": reorder, "trim": trim,
    "boilerplate": boilerplate, "words": words}


def load(data: Path) -> list[dict]:
    """The articles of every topic with a text, ids prefixed by the topic."""
    rows = []
    for topic in sorted(p for p in data.iterdir() if p.is_dir()):
        with open(topic / "articles.jsonl", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if not r["text"].strip():   # ingest rejects an empty text
                    continue
                rows.append({"id": f"{topic.name}/{r['id']}", "published": r["time"][:10],
                             "text": r["text"]})
    return rows


def natural_pairs(rows: list[dict]) -> tuple[list[tuple[float, str, str]], Counter]:
    """Pairs of ``rows`` with exact shingle Jaccard >= NATURAL, and the count of pairs per
    band of 0.1 from 0.2 (all pairs sharing a shingle that at most 50 articles hold)."""
    sets = [shingles(r["text"]) for r in rows]
    holders: dict[bytes, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for x in s:
            holders[x].append(i)
    shared: Counter = Counter()
    for ids in holders.values():
        if len(ids) <= 50:
            shared.update(combinations(ids, 2))
    found, bands = [], Counter()
    for (a, b), n in shared.items():
        j = n / len(sets[a] | sets[b])
        if j >= 0.2:
            bands[min(int(j * 10), 9) / 10] += 1
        if j >= NATURAL:
            found.append((j, rows[a]["id"], rows[b]["id"]))
    return sorted(found, reverse=True), bands


def make_copies(rows: list[dict], n: int, rng: random.Random) -> list[dict]:
    """``n`` copies of ``rows`` with 1-3 edits each; each names its ``original`` and ``edits``."""
    out: list[dict] = []
    order = list(rows)
    k = 0
    while len(out) < n:
        rng.shuffle(order)
        k += 1
        for r in order:
            if len(out) >= n:
                break
            kinds = rng.sample(sorted(EDITS), rng.randint(1, 3))
            text = r["text"]
            for kind in kinds:
                text = EDITS[kind](text, rng)
            day = dt.date.fromisoformat(r["published"]) + dt.timedelta(days=rng.randint(0, 2))
            out.append({"id": f"{r['id']}~copy{k}", "published": day.isoformat(), "text": text,
                        "original": r["id"], "edits": kinds})
    return out


def _groups_of(pairs: list[tuple[str, str]], ids: list[str]) -> dict[str, str]:
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in ids}


def _pairs(group: dict[str, str]) -> set[tuple[str, str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for i, g in group.items():
        members[g].append(i)
    return {(a, b) for m in members.values() for a, b in combinations(sorted(m), 2)}


def run(articles: list[dict], threshold: float, seed: int, trace: bool = False
        ) -> tuple[dict[str, str], float, float, int]:
    """Group ``articles`` (shuffled with ``seed``) as ingest does, into a temporary store;
    ``({id: representative}, grouping seconds, total seconds, peak bytes or 0)``."""
    order = list(articles)
    random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "d.db") as store:
        index = DuplicateIndex(store, threshold)
        if trace:
            tracemalloc.start()
        plan_s = 0.0
        t0 = time.perf_counter()
        for i in range(0, len(order), 16):
            batch = order[i:i + 16]
            t = time.perf_counter()
            changes = index.plan((r["id"], r["published"], r["text"]) for r in batch)
            plan_s += time.perf_counter() - t
            store.write([({"id": r["id"], "published": r["published"], "text": r["text"],
                           "sentences": []}, {"text_hash": r["id"], "origin": "bench",
                                              "extractor_version": "bench"}) for r in batch],
                        changes)
        total = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] if trace else 0
        if trace:
            tracemalloc.stop()
        groups = dict(store.db.execute("SELECT id, representative FROM duplicates").fetchall())
    return {r["id"]: groups.get(r["id"], r["id"]) for r in articles}, plan_s, total, peak


def stage_in_ingest(data: Path, n: int) -> None:
    """Ingest the first ``n`` articles of bpoil_reuters (one worker, batches of 16) into a
    temporary store, timing the grouping stage inside it; print its share of the time."""
    from dateline.analyses import duplicates
    from dateline.ingest import ingest

    spent = [0.0]
    plan = duplicates.DuplicateIndex.plan

    def timed(self: DuplicateIndex, batch: Any) -> Any:
        t = time.perf_counter()
        out = plan(self, list(batch))
        spent[0] += time.perf_counter() - t
        return out

    duplicates.DuplicateIndex.plan = timed   # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with open(data / "bpoil_reuters" / "articles.jsonl", encoding="utf-8") as f:
            src.write_text("".join(line for _, line in zip(range(n), f)), encoding="utf-8")
        with Store(Path(tmp) / "d.db") as store:
            t0 = time.perf_counter()
            summary = ingest([str(src)], store, workers=1, batch_size=16)
            wall = time.perf_counter() - t0
    duplicates.DuplicateIndex.plan = plan   # type: ignore[method-assign]
    print(f"ingest of {summary.stored} bpoil_reuters articles, 1 worker: {wall:.1f} s "
          f"({summary.stored / wall:.2f} articles/s); grouping {spent[0]:.2f} s, "
          f"{1000 * spent[0] / max(1, summary.stored):.1f} ms an article, "
          f"{100 * spent[0] / wall:.1f}% of the ingest's time")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="Timeline17 folder")
    ap.add_argument("--articles", type=int, default=10_000, help="originals and copies")
    ap.add_argument("--thresholds", type=float, nargs="*", default=[0.3, 0.4, 0.5, 0.6, 0.7])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--ingest", type=int, metavar="N", help="only time the grouping inside "
                    "a real ingest (NLP and all) of N articles, and its share of the time")
    args = ap.parse_args()
    if args.ingest:
        stage_in_ingest(args.data, args.ingest)
        return

    rows = load(args.data)
    natural, bands = natural_pairs(rows)
    nat_groups = _groups_of([(a, b) for _, a, b in natural], [r["id"] for r in rows])
    print(f"{len(rows):,} T17 articles; natural duplicates (exact shingle Jaccard >= {NATURAL}):"
          f" {len(natural)} pairs in {len({g for i, g in nat_groups.items() if i != g})} groups")
    print("  pairs per band of exact Jaccard: " + ", ".join(
        f"{b:.1f}-{b + 0.1:.1f}: {n}" for b, n in sorted(bands.items())))
    rng = random.Random(args.seed)
    copies = make_copies(rows, max(0, args.articles - len(rows)), rng)
    articles = rows + copies
    links = [(c["id"], c["original"]) for c in copies] + [(a, b) for _, a, b in natural]
    truth = _groups_of(links, [a["id"] for a in articles])
    true_pairs = _pairs(truth)
    edits = Counter(k for c in copies for k in c["edits"])
    print(f"test set: {len(articles):,} articles ({len(copies):,} copies with 1-3 edits: "
          + ", ".join(f"{k} {n:,}" for k, n in sorted(edits.items())) + f"); "
          f"{len(set(truth.values())):,} true groups, {len(true_pairs):,} true pairs")
    print()
    print("threshold  pairs P    R     F1  | groups exact | recall by edit: "
          + " ".join(f"{k:>11}" for k in sorted(EDITS)) + " | natural | group art/s  all art/s")
    for threshold in args.thresholds:
        found, plan_s, total, _ = run(articles, threshold, args.seed)
        pairs = _pairs(found)
        hit = len(pairs & true_pairs)
        p = hit / len(pairs) if pairs else 1.0
        r = hit / len(true_pairs) if true_pairs else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        members: dict[str, set[str]] = defaultdict(set)
        for i, g in truth.items():
            members[g].add(i)
        got: dict[str, set[str]] = defaultdict(set)
        for i, g in found.items():
            got[g].add(i)
        exact = sum(1 for m in members.values() if m in got.values() and len(m) > 1)
        multi = sum(1 for m in members.values() if len(m) > 1)
        by_edit = []
        for kind in sorted(EDITS):
            mine = [c for c in copies if kind in c["edits"]]
            ok = sum(1 for c in mine if found[c["id"]] == found[c["original"]])
            by_edit.append(ok / len(mine) if mine else 1.0)
        nat_ok = sum(1 for _, a, b in natural if found[a] == found[b])
        print(f"{threshold:9.2f}  {p:.3f} {r:.3f} {f1:.3f} | {exact / multi:12.3f} | "
              f"{'':15} " + " ".join(f"{x:11.3f}" for x in by_edit)
              + f" | {nat_ok:3}/{len(natural):<3} | {len(articles) / plan_s:11,.0f} "
              f"{len(articles) / total:10,.0f}")
    _, plan_s, total, peak = run(articles, THRESHOLD, args.seed, trace=True)
    print()
    print(f"at the default threshold {THRESHOLD} on {len(articles):,} articles: grouping "
          f"{len(articles) / plan_s:,.0f} articles/s ({1000 * plan_s / len(articles):.2f} ms "
          f"each, under tracemalloc), peak memory allocated by grouping and writing "
          f"{peak / 2**20:,.1f} MiB (tracemalloc)")


if __name__ == "__main__":
    main()
