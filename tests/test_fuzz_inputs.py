"""Hostile input, generated: every bad input is one rejection naming it, every good article
is stored, nothing crashes or hangs, and a rerun stores nothing new (issue 15).

A seeded generator writes at least 200 bad inputs of many kinds (whole files and lines
or rows inside JSONL and CSV files) into one folder beside good articles, and the test
knows, for each bad input, the origin (file, or file:line) its one rejection must name.
Sizes are kept small by a low ``max_chars``.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import socket
from collections import Counter
from pathlib import Path

from dateline.article import text_hash
from dateline.ingest import ingest
from dateline.read import ReadOptions
from dateline.store import Store
from dateline_testing import run_cli

MAX_CHARS = 2_000
SEED = 15


class Corpus:
    """What the generator wrote: good articles (id -> text) and bad inputs' origins."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.good: dict[str, str] = {}
        self.bad: list[str] = []          # one origin per bad input
        self.kinds: Counter[str] = Counter()

    def good_row(self, n: int) -> dict:
        article_id = f"good-{n}"
        text = (f"Story {n}. Officials in Ankara met envoys on Monday to discuss Idlib, "
                f"where {1000 + n} families fled this week.")
        self.good[article_id] = text
        return {"id": article_id, "published": f"2018-09-{1 + n % 28:02d}", "text": text}

    def expect(self, origin: Path | str, kind: str) -> None:
        self.bad.append(str(origin))
        self.kinds[kind] += 1


_BAD_DATES = ["0001-01-01", "9999-12-31", "2018-09-07 garbage", "2018-09-07T25:61",
              "\u0662\u0660\u0661\u0668-\u0660\u0669-\u0660\u0667", "2018-02-30", "2018-13-01",
              "07/09/2018", "yesterday", "1799-12-31", "2018-9", "2018-09-07T10:00:00 PM"]
_WRONG_TYPES = [("id", ["a"]), ("id", {"a": 1}), ("id", True), ("id", 1.5),
                ("text", 12), ("text", ["t"]), ("text", None), ("title", ["x"]),
                ("url", {"u": 1}), ("source", 7), ("published", 20180907),
                ("published", ["2018-09-07"])]


def _bad_line(rng: random.Random, n: int) -> tuple[str, bytes]:
    """One bad JSONL line (no newline inside) and its kind."""
    base = {"id": f"bad-{n}", "published": "2018-09-03", "text": f"Bad line {n}.",
            "title": "A title", "url": "https://example.org/x", "source": "Wire"}
    kind = rng.choice(["truncated", "type", "surrogate", "deep", "bignum", "date", "long",
                       "not-object", "empty-text", "no-text", "no-date", "junk"])
    if kind == "truncated":
        full = json.dumps(base)
        cut = rng.randrange(1, len(full) - 1)
        return kind, full[:cut].encode()
    if kind == "type":
        field, value = rng.choice(_WRONG_TYPES)
        return kind, json.dumps({**base, field: value}).encode()
    if kind == "surrogate":
        field = rng.choice(["text", "id", "title", "url", "source", "published"])
        line = json.dumps(base).replace(f'"{field}": "', f'"{field}": "\\ud8{rng.randrange(16):x}0')
        return kind, line.encode()
    if kind == "deep":
        depth = rng.randrange(1000, 3000)
        return kind, ('{"id": "d", "x": ' + "[" * depth + "]" * depth + "}").encode()
    if kind == "bignum":
        return kind, json.dumps(base)[:-1].encode() + b', "n": ' + b"9" * rng.randrange(4301, 9000) + b"}"
    if kind == "date":
        return kind, json.dumps({**base, "published": rng.choice(_BAD_DATES)}).encode()
    if kind == "long":
        return kind, json.dumps({**base, "text": "word " * rng.randrange(500, 3000)}).encode()
    if kind == "not-object":
        return kind, rng.choice([b"[1, 2]", b'"text"', b"42", b"null", b"true"])
    if kind == "empty-text":
        return kind, json.dumps({**base, "text": rng.choice(["", "   ", "\n\t"])}).encode()
    if kind == "no-text":
        return kind, json.dumps({k: v for k, v in base.items() if k != "text"}).encode()
    if kind == "no-date":
        return kind, json.dumps({k: v for k, v in base.items() if k != "published"}).encode()
    junk = bytes(rng.choice([b for b in range(256) if b != 10]) for _ in range(rng.randrange(5, 200)))
    return kind, b"\x00" + junk            # never blank, never valid JSON


def _gzip_bytes(chunks: list[bytes]) -> bytes:
    import io
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=1) as f:
        for chunk in chunks:
            f.write(chunk)
    return buf.getvalue()


def generate(folder: Path, seed: int = SEED) -> Corpus:
    """Write the mixed folder; return what it holds."""
    rng = random.Random(seed)
    c = Corpus(folder)
    folder.mkdir(parents=True, exist_ok=True)
    good_n = 0

    # JSONL files: bad lines among good ones.
    for f in range(8):
        path = folder / f"wire-{f}.jsonl"
        lines: list[bytes] = []
        for _ in range(22):
            if rng.random() < 0.12:
                lines.append(json.dumps(c.good_row(good_n)).encode())
                good_n += 1
            else:
                kind, line = _bad_line(rng, len(lines))
                lines.append(line)
                c.expect(f"{path}:{len(lines)}", kind)
        # the same id again with other text (the second is rejected, adjacent or apart)
        lines.append(json.dumps({"id": f"good-{good_n - 1}", "published": "2018-09-01",
                                 "text": f"Other text under a used id, file {f}."}).encode())
        c.expect(f"{path}:{len(lines)}", "id-reused")
        path.write_bytes(b"\n".join(lines) + b"\n")

    # CSV files: bad rows among good ones.
    for f in range(3):
        path = folder / f"briefs-{f}.csv"
        rows = ["id,date,title,text"]
        for _ in range(10):
            line = len(rows) + 1
            roll = rng.random()
            if roll < 0.3:
                row = c.good_row(good_n)
                good_n += 1
                rows.append(f'{row["id"]},{row["published"]},A title,"{row["text"]}"')
            elif roll < 0.5:
                rows.append(f"bad-{line},{rng.choice(_BAD_DATES)},T,Some text.")
                c.expect(f"{path}:{line}", "csv-date")
            elif roll < 0.6:
                rows.append(f'bad-{line},2018-09-01,T,"{"word " * 600}"')
                c.expect(f"{path}:{line}", "csv-long")
            elif roll < 0.7:
                rows.append(f"bad-{line},2018-09-01,T,text,one field too many")
                c.expect(f"{path}:{line}", "csv-extra")
            elif roll < 0.8:
                rows.append(f'bad-{line},2018-09-01,T,"quoted"then text')
                c.expect(f"{path}:{line}", "csv-quote")
            else:
                rows.append(f"bad-{line},2018-09-01,T,   ")
                c.expect(f"{path}:{line}", "csv-empty")
        # an unclosed quote that would swallow the next (good) row
        rows.append(f'bad-open-{f},2018-09-01,T,"Opened and never closed')
        c.expect(f"{path}:{len(rows)}", "csv-unclosed")
        row = c.good_row(good_n)
        good_n += 1
        rows.append(f'{row["id"]},{row["published"]},A title,"{row["text"]}"')
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    # Whole files.
    for n in range(6):
        path = folder / f"story-{n}.txt"
        row = c.good_row(good_n)
        good_n += 1
        path.write_text(f"date {row['published']}\n{row['text']}\n", encoding="utf-8")
        c.good[text_hash(row["text"])] = c.good.pop(row["id"])   # no id: its text's hash
    for n in range(8):
        p = folder / f"junk-{n}.{rng.choice(['txt', 'bin', 'dat'])}"
        p.write_bytes(b"\x00\x01" + rng.randbytes(rng.randrange(50, 3000)))
        c.expect(p, "binary")
    for n, suffix in enumerate([".txt", ".jsonl", ".csv", ".html", ".tsv", ".txt.gz"]):
        p = folder / f"empty-{n}{suffix}"
        p.write_bytes(_gzip_bytes([]) if suffix.endswith(".gz") else b"")
        c.expect(p, "empty")
    for n in range(4):
        p = folder / f"undated-{n}.txt"
        p.write_text("Envoys met in Geneva without a date marker.\n", encoding="utf-8")
        c.expect(p, "undated")
    for n, bad_date in enumerate(_BAD_DATES[i] for i in (0, 1, 3, 4, 5)):
        p = folder / f"baddate-{n}.txt"
        p.write_text(f"date {bad_date}\nEnvoys met.\n", encoding="utf-8")
        c.expect(p, "text-date")
    p = folder / "huge.txt"
    p.write_text("date 2018-09-01\n" + "word " * 3000, encoding="utf-8")
    c.expect(p, "huge-file")
    p = folder / "bomb.txt.gz"                       # 8 MB out of a few kB
    p.write_bytes(_gzip_bytes([b"date 2018-09-01\n"] + [b"y" * (1 << 20)] * 8))
    c.expect(p, "gzip-bomb")
    p = folder / "bomb.jsonl.gz"
    p.write_bytes(_gzip_bytes([b"z" * (1 << 20)] * 8 + [b"\n"]))
    c.expect(f"{p}:1", "gzip-bomb-line")
    p = folder / "broken.txt.gz"
    p.write_bytes(_gzip_bytes([b"date 2018-09-01\nCut short." * 50])[:40])
    c.expect(p, "truncated-gzip")
    os.mkfifo(folder / "pipe.jsonl")
    c.expect(folder / "pipe.jsonl", "fifo")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    c.expect(folder / "loop-a.txt", "symlink-loop")
    c.expect(folder / "loop-b.txt", "symlink-loop")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    c.expect(folder / "gone.txt", "dangling-link")
    name = os.fsdecode(b"d\xe9p\xeache.txt")           # not UTF-8: shown as \xe9 and \xea
    (folder / name).write_text("No date in this one.", encoding="utf-8")
    c.expect(folder / "d\\xe9p\\xeache.txt", "undecodable-name")
    return c


def test_generated_bad_inputs_are_each_rejected_once_and_good_ones_stored(tmp_path):
    corpus = generate(tmp_path / "in")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "in" / "sock.txt"))
    corpus.expect(tmp_path / "in" / "sock.txt", "socket")
    assert len(corpus.bad) >= 200, len(corpus.bad)
    assert len(corpus.kinds) >= 25, corpus.kinds
    try:
        with Store(tmp_path / "d.db") as store:
            first = ingest([str(tmp_path / "in")], store, workers=1, batch_size=8,
                           options=ReadOptions(max_chars=MAX_CHARS))
            origins = Counter(r.origin for r in first.rejected)
            for r in first.rejected:                  # one line each, printable
                assert "\n" not in str(r) and "Traceback" not in r.reason
                str(r).encode("utf-8")
            assert origins == Counter(corpus.bad), (
                sorted((origins - Counter(corpus.bad)).items())[:5],
                sorted((Counter(corpus.bad) - origins).items())[:5])
            assert sorted(store.ids()) == sorted(corpus.good)
            for article_id, text in corpus.good.items():
                record = store.record(article_id)
                assert record is not None and record["text"] == text
            assert (first.stored, first.read - first.stored) == (len(corpus.good), 8)
            second = ingest([str(tmp_path / "in")], store, workers=1,
                            options=ReadOptions(max_chars=MAX_CHARS))
            assert (second.stored, second.updated) == (0, 0)
            assert Counter(r.origin for r in second.rejected) == Counter(corpus.bad)
            assert store.count() == len(corpus.good)
    finally:
        sock.close()


def test_cli_exit_status_is_1_when_some_input_is_rejected(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("date 2018-09-04\nEnvoys met in Geneva on Tuesday.\n",
                                     encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"id": "x", "published": "2018-09-07 garbage", '
                                      '"text": "T."}\n', encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")                   # counted and read without a hang
    r = run_cli("ingest", str(folder), "--db", str(tmp_path / "d.db"))
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert f"rejected {folder / 'bad.jsonl'}:1: date '2018-09-07 garbage' is not an ISO date" in err
    assert f"rejected {folder / 'pipe.txt'}: not a regular file (a named pipe)" in err
    assert "Traceback" not in err
