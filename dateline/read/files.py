"""Finding inputs (files, folders, globs, stdin) and handing each to its reader."""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from dateline.article import Article
from dateline.read.base import BadInput, ReadOptions, Rejection, decode
from dateline.read.csvfile import read_csv
from dateline.read.html import read_html
from dateline.read.jsonl import read_jsonl
from dateline.read.text import read_text

#: Suffixes by format; anything else is sniffed from its first bytes.
FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}
#: Suffixes skipped when walking a folder (not articles).
_SKIP_IN_FOLDERS = {".md", ".db", ".db-wal", ".db-shm", ".sqlite", ".py", ".pyc"}


def expand_paths(paths: Iterable[str]) -> Iterator[Path | Rejection]:
    """Files named by ``paths`` (files, folders walked recursively in sorted order,
    and glob patterns), each once. Names that match nothing become Rejections."""
    seen: set[Path] = set()

    def emit(p: Path) -> Iterator[Path]:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            yield p

    for raw in paths:
        if raw == "-":
            yield Path("-")
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    p = Path(root, name)
                    if not name.startswith(".") and _suffix(p) not in _SKIP_IN_FOLDERS:
                        yield from emit(p)
        elif path.exists() or path.is_symlink():
            yield from emit(path)
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Rejection(raw, "no file matches this pattern")
            for m in matches:
                yield from expand_paths([m])
        else:
            yield Rejection(raw, "no such file or folder")


def _suffix(path: Path) -> str:
    """The format suffix, looking through a trailing ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip()
    if head[:1] == b"{":
        return "jsonl"
    if head[:1] == b"<" and b"<html" in head.lower() or head.lower().startswith(b"<!doctype html"):
        return "html"
    return "text"


def _open_binary(path: Path) -> IO[bytes]:
    if str(path) == "-":
        return sys.stdin.buffer
    raw = open(path, "rb")
    if path.suffix.lower() == ".gz":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    """Every article in one file (``-`` is stdin); problems become Rejections."""
    origin = "<stdin>" if str(path) == "-" else str(path)
    try:
        stream = _open_binary(path)
    except OSError as exc:
        yield Rejection(origin, f"cannot read ({exc.strerror or exc})")
        return
    try:
        yield from _read_stream(stream, path, origin, options)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Rejection(origin, f"cannot read ({getattr(exc, 'strerror', None) or exc})")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _read_stream(stream: IO[bytes], path: Path, origin: str,
                 options: ReadOptions) -> Iterator[Article | Rejection]:
    fmt = FORMATS.get(_suffix(path))
    if fmt == "jsonl":
        yield from read_jsonl(stream, origin, options)
        return
    # Single-article formats and CSV are read whole, but never past what an
    # article may hold (a byte can be at most one character).
    limit = options.max_chars * 4 + 1 if fmt != "csv" and fmt != "tsv" else None
    data = stream.read(limit) if limit else stream.read()
    if limit and len(data) >= limit:
        yield Rejection(origin, f"file is larger than an article may be ({options.max_chars:,}"
                                " characters; raise it with --max-chars)")
        return
    if not data.strip():
        yield Rejection(origin, "empty file")
        return
    fmt = fmt or _sniff(data)
    if fmt == "jsonl":
        yield from read_jsonl(io.BytesIO(data), origin, options)
        return
    try:
        text = decode(data)
    except BadInput as exc:
        yield Rejection(origin, str(exc))
        return
    if fmt in ("csv", "tsv"):
        yield from read_csv(io.StringIO(text, newline=""), origin, options,
                            delimiter="\t" if fmt == "tsv" else ",")
    elif fmt == "html":
        yield from read_html(text, origin, options)
    else:
        yield from read_text(text, origin, options)


def read_paths(paths: Iterable[str], options: ReadOptions) -> Iterator[Article | Rejection]:
    """Every article in every input named by ``paths``, in order."""
    for item in expand_paths(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_file(item, options)


def count_articles(paths: Iterable[str]) -> int | None:
    """How many articles ``paths`` hold, counted cheaply for a progress bar's ETA:
    lines of JSONL, rows of CSV (one per line), one per other file. None for stdin."""
    total = 0
    for p in expand_paths(paths):
        if isinstance(p, Rejection):
            continue
        if str(p) == "-":
            return None
        fmt = FORMATS.get(_suffix(p))
        if fmt not in ("jsonl", "csv", "tsv"):
            total += 1
            continue
        try:
            with _open_binary(p) as f:
                total += sum(1 for line in f if line.strip()) - (fmt != "jsonl")
        except (OSError, EOFError, zlib.error):
            total += 1
    return total
