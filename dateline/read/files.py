"""Finding inputs (files, folders, globs, stdin) and handing each to its reader."""

from __future__ import annotations

import glob
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from dateline.article import Article
from dateline.read.base import (
    BadInput,
    ReadOptions,
    Rejection,
    choose_encoding,
    decode,
    looks_binary,
    safe_name,
)
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
    and glob patterns), each once. Names that match nothing, symbolic-link loops and
    folders that cannot be listed become Rejections."""
    seen: set[Path] = set()

    def emit(p: Path) -> Iterator[Path | Rejection]:
        try:
            key = p.resolve()
        except (OSError, RuntimeError):   # RuntimeError: a symlink loop, before Python 3.13
            yield Rejection(safe_name(p), "cannot read (symbolic link loop)")
            return
        if key not in seen:
            seen.add(key)
            yield p

    for raw in paths:
        if raw == "-":
            yield Path("-")
            continue
        path = Path(raw)
        if path.is_dir():
            unlisted: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unlisted.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    p = Path(root, name)
                    if not name.startswith(".") and _suffix(p) not in _SKIP_IN_FOLDERS:
                        yield from emit(p)
            for exc in unlisted:
                yield Rejection(safe_name(exc.filename or path),
                                f"cannot list folder ({exc.strerror or exc})")
        elif path.exists() or path.is_symlink():
            yield from emit(path)
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Rejection(safe_name(raw), "no file matches this pattern")
            for m in matches:
                yield from expand_paths([m])
        else:
            yield Rejection(safe_name(raw), "no such file or folder")


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


#: Bytes read from the start of a file to sniff its format and choose its encoding.
_HEAD = 64 * 1024

_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISDIR, "a folder"))


def _not_regular(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file (opening a named pipe would wait
    forever for a writer), else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None   # open() names the problem
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def _open_binary(path: Path) -> IO[bytes]:
    if str(path) == "-":
        return sys.stdin.buffer
    raw = open(path, "rb")
    if path.suffix.lower() == ".gz":
        # GzipFile decompresses only what is asked for, so a gzip bomb costs what a
        # reader asks for, never the whole expansion.
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


class _Prefixed(io.RawIOBase):
    """A stream that returns ``head`` (already read from ``rest``) and then ``rest``."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    """Every article in one file (``-`` is stdin); problems become Rejections.

    Only regular files are opened (a named pipe, socket or device in a folder is
    rejected, not waited on). Memory stays bounded by ``options.max_chars`` whatever the
    input: JSONL and CSV are read line by line, other formats up to one article's size,
    and gzip is decompressed only as far as that.
    """
    origin = "<stdin>" if str(path) == "-" else safe_name(path)
    kind = None if str(path) == "-" else _not_regular(path)
    if kind is not None:
        yield Rejection(origin, f"not a regular file ({kind})")
        return
    try:
        stream = _open_binary(path)
    except OSError as exc:
        yield Rejection(origin, f"cannot read ({exc.strerror or exc})")
        return
    try:
        yield from _read_stream(stream, path, origin, options)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Rejection(origin, f"cannot read ({getattr(exc, 'strerror', None) or exc})")
    except Exception as exc:   # a reader's bug must not stop the run: name it, go on
        yield Rejection(origin, f"cannot read (unexpected {type(exc).__name__}: "
                                f"{ascii(str(exc))[1:-1][:200]}); the rest of this file is "
                                "not read")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _read_stream(stream: IO[bytes], path: Path, origin: str,
                 options: ReadOptions) -> Iterator[Article | Rejection]:
    fmt = FORMATS.get(_suffix(path))
    if fmt == "jsonl":
        yield from read_jsonl(stream, origin, options)
        return
    head = stream.read(_HEAD)
    if not head.strip():
        more = stream.read(_HEAD)
        if not more:
            yield Rejection(origin, "empty file")
            return
        head += more
    fmt = fmt or _sniff(head)
    whole = io.BufferedReader(_Prefixed(head, stream), buffer_size=_HEAD)
    if fmt == "jsonl":
        yield from read_jsonl(whole, origin, options)
        return
    if fmt in ("csv", "tsv"):
        if looks_binary(head):
            yield Rejection(origin, "binary data, not text")
            return
        try:
            encoding = choose_encoding(head)
        except BadInput as exc:
            yield Rejection(origin, str(exc))
            return
        # Lines that are not UTF-8 in a UTF-8 file are decoded again one by one.
        text_stream = io.TextIOWrapper(whole, encoding=encoding, newline="",
                                       errors="surrogateescape" if encoding.startswith("utf-8")
                                       else "replace")
        yield from read_csv(text_stream, origin, options,
                            delimiter="\t" if fmt == "tsv" else ",")
        return
    # Single-article formats are read whole, but never past what an article may hold
    # (a character takes at most four bytes).
    limit = options.max_chars * 4 + 1
    data = whole.read(limit)
    if len(data) >= limit:
        yield Rejection(origin, f"file is larger than an article may be ({options.max_chars:,}"
                                " characters; raise it with --max-chars)")
        return
    if not data.strip():
        yield Rejection(origin, "empty file")
        return
    try:
        text = decode(data)
    except BadInput as exc:
        yield Rejection(origin, str(exc))
        return
    if fmt == "html":
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
    lines of JSONL, rows of CSV (one per line), one per other file. None for stdin.
    Reads in pieces of 1 MiB (memory stays small whatever the lines), and never opens
    what is not a regular file."""
    total = 0
    for p in expand_paths(paths):
        if isinstance(p, Rejection):
            continue
        if str(p) == "-":
            return None
        fmt = FORMATS.get(_suffix(p))
        if fmt not in ("jsonl", "csv", "tsv") or _not_regular(p) is not None:
            total += 1
            continue
        try:
            with _open_binary(p) as f:
                lines = 0
                last = b"\n"
                while chunk := f.read(1 << 20):
                    lines += chunk.count(b"\n")
                    last = chunk[-1:]
                total += max(lines + (last != b"\n") - (fmt != "jsonl"), 0)
        except (OSError, EOFError, zlib.error):
            total += 1
    return total
