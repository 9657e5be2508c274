"""The store: article records in SQLite (WAL mode) with full-text search.

One table per record field: ``articles``, ``sentences``, and one table per kind
of item the extractor registry declares (:func:`dateline.extract.table_kinds`:
``dates``, ``entities``, ``places``, ``quotes``, ``amounts``, ``events``), with the
columns and types it declares. Every extracted row points to its
article (``article`` = ``articles.rowid``) and sentence (``sentence`` = index in
the article) and carries its character offsets. Record members without a column
of their own are kept in the row's ``extra`` JSON, so :meth:`Store.record` gives
back exactly what was stored. ``articles_fts`` and ``sentences_fts`` are FTS5
indexes kept in step by triggers. A kind declared after a store was created gets
its table the next time the store is opened for writing.

The store owns its SQL: the other modules build their clauses with
:func:`iso` and :func:`date_range`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import fcntl
import itertools
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.extract import Extractor, record_order, table_kinds

if TYPE_CHECKING:
    from dateline.analyses.duplicates import GroupChanges

#: Written into the file header (PRAGMA application_id): "DTLN".
APPLICATION_ID = 0x44544C4E
SCHEMA_VERSION = 4
#: The oldest schema a read-only store may be at: the steps after it add indexes only,
#: so such a store (one that cannot be written, say) is read as it is, more slowly.
READABLE_SINCE = 3
#: Seconds a connection waits for another process's lock before SQLite reports the store
#: busy (also how long the switch to WAL mode is retried, see Store._use_wal).
BUSY_TIMEOUT = 30

def kind_specs() -> dict[str, Extractor]:
    """The declarations of the kinds kept in tables of their own, in record order
    (from the registry, so a kind declared at run time is included)."""
    kinds = table_kinds()
    return {name: kinds[name] for name in record_order(kinds)}


#: Columns of each extracted kind declared in the package, in record order. A
#: dotted name reads a nested member ("actor.country" -> column actor_country).
KIND_COLUMNS: dict[str, tuple[str, ...]] = {n: s.columns for n, s in kind_specs().items()}
KINDS = tuple(KIND_COLUMNS)


def _column(member: str) -> str:
    return member.replace(".", "_")


def iso(day: str | dt.date | None) -> str | None:
    """``day`` as an ISO date string (a date is formatted, a string kept, None kept)."""
    return day.isoformat() if isinstance(day, dt.date) else day


def date_range(column: str, start: str | dt.date | None,
               end: str | dt.date | None) -> tuple[list[str], list[Any]]:
    """SQL conditions and their arguments selecting ``column`` between ``start`` and
    ``end`` (ISO dates or dates, inclusive; either may be None)."""
    where: list[str] = []
    args: list[Any] = []
    if start:
        where.append(f"{column} >= ?")
        args.append(iso(start))
    if end:
        where.append(f"{column} <= ?")
        args.append(iso(end))
    return where, args


#: An ISO day, as period_range reads its bounds.
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Most years period_range lists one by one (a wider range reads one long range).
MAX_YEARS = 100


def period_range(column: str, start: str | dt.date | None,
                 end: str | dt.date | None) -> tuple[list[str], list[Any]]:
    """As :func:`date_range`, for a ``column`` of calendar values that may be a day,
    a month or a year (``2011-03-15``, ``2011-03``, ``1986``: event dates): a value is
    selected when its period overlaps ``start``..``end`` ("2011-03" lies in a range
    from 2011-03-20, "2011" in any range that meets the year)."""
    first, last = iso(start) or "", iso(end) or ""
    if _DAY.match(first) and _DAY.match(last) and int(last[:4]) - int(first[:4]) < MAX_YEARS:
        # Two tight ranges on the column's index: the days and months from the first
        # day's month to the last day (the days of that month before the first day
        # left out), and the years met. One range from the first day's year would
        # read every day of that year before the first day.
        years = [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
        where = [f"(({column} >= ? AND {column} <= ? AND ({column} >= ? OR length({column}) = 7))"
                 f" OR {column} IN ({', '.join('?' * len(years))}))"]
        return where, [first[:7], last, first, *years]
    where, args = date_range(column, None, end)
    if start:
        # the first condition keeps the range on the column's index
        where.append(f"{column} >= ? AND ({column} >= ? OR {column} = ? OR {column} = ?)")
        args += [first[:4], first, first[:7], first[:4]]
    return where, args


def _kind_table_sql(spec: Extractor, exists_ok: bool = False) -> str:
    """The table (and index) of one declared kind."""
    kind = spec.name
    cols = ",\n  ".join(f'"{_column(m)}" {spec.column_type(m)}'.rstrip() for m in spec.columns)
    maybe = "IF NOT EXISTS " if exists_ok else ""
    index = "article, sentence" if "sentence" in spec.columns else "article"
    return (f"CREATE TABLE {maybe}{kind} (\n  rowid INTEGER PRIMARY KEY,\n"
            f"  article INTEGER NOT NULL REFERENCES articles(rowid),\n  {cols},\n"
            f"  extra TEXT\n);\n"
            f"CREATE INDEX {maybe}{kind}_article ON {kind}({index});\n")


SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  published TEXT NOT NULL,
  title TEXT,
  url TEXT,
  source TEXT,
  text TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  tone REAL,
  origin TEXT,
  extractor_version TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE TABLE sentences (
  rowid INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(rowid),
  sentence INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (article, sentence)
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='rowid');
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='rowid');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
"""

#: MIGRATIONS[n] upgrades a store at schema version n to n + 1. A new store is
#: created at version 1 and brought up to date by the same steps.
MIGRATIONS: dict[int, str] = {
    # 2: the store-wide alias table (dateline.analyses.aliases fills it).
    1: """
CREATE TABLE aliases (
  alias TEXT NOT NULL,
  label TEXT NOT NULL,
  canonical TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (alias, label)
);
""",
    # 3: indexes for the lookups of the analyses and the API (EXPLAIN QUERY PLAN showed
    # full scans): timeline by entity or place name, event groups by date, type, country.
    2: """
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS places_name ON places(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date);
CREATE INDEX IF NOT EXISTS events_actor_country ON events(actor_country);
CREATE INDEX IF NOT EXISTS events_target_country ON events(target_country);
""",
    # 4: covering indexes, so that bounded lookups read the index alone: the articles
    # naming an entity or place (timeline), the cells' keys of event groups by type or
    # date (event lists) and the sentences of events of a type (search); each replaces
    # the index of schema 3 it starts with. And the mentions as written, with their
    # labels and names, which a search's entity filter looks up (find_entity).
    3: """
CREATE INDEX IF NOT EXISTS entities_canonical_article
  ON entities(canonical COLLATE NOCASE, article, label);
CREATE INDEX IF NOT EXISTS places_name_article ON places(name COLLATE NOCASE, article);
CREATE INDEX IF NOT EXISTS entities_text ON entities(text COLLATE NOCASE, label, canonical);
CREATE INDEX IF NOT EXISTS events_type_date_keys
  ON events(type, date, actor_country, target_country, actor_sector, place, article, sentence);
CREATE INDEX IF NOT EXISTS events_date_keys
  ON events(date, type, actor_country, target_country, actor_sector, place);
DROP INDEX IF EXISTS entities_canonical;
DROP INDEX IF EXISTS places_name;
DROP INDEX IF EXISTS events_type_date;
DROP INDEX IF EXISTS events_date;
""",
}

#: The tables of near-duplicate articles (dateline.analyses.duplicates): each article's
#: MinHash signature, and the members of each duplicate group with its representative.
#: Like a newly declared kind's table, they are added to an older store the next time it
#: is opened for writing (the schema version is unchanged); its articles are signed and
#: grouped by the next ingest.
DUPLICATE_TABLES = """
CREATE TABLE IF NOT EXISTS minhashes (
  id TEXT PRIMARY KEY,
  signature BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS duplicates (
  id TEXT PRIMARY KEY,
  representative TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS duplicates_representative ON duplicates(representative);
"""

#: The tables of stories (dateline.analyses.stories): each story's span, size and
#: centroid, the story of each grouped article (how it joined, its score, the text hash
#: it was grouped with) and the document frequencies of the terms grouped so far. Added
#: to an older store the next time it is opened for writing, as the duplicate tables are
#: (the schema version is unchanged); its articles are grouped by the next ingest or
#: ``dateline stories --update``.
STORY_TABLES = """
CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY,
  first TEXT NOT NULL,
  last TEXT NOT NULL,
  articles INTEGER NOT NULL,
  centroid TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS stories_last ON stories(last, first);
CREATE TABLE IF NOT EXISTS story_articles (
  article TEXT PRIMARY KEY,
  story TEXT NOT NULL,
  how TEXT NOT NULL,
  score REAL,
  text_hash TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story, how);
CREATE TABLE IF NOT EXISTS story_terms (
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
) WITHOUT ROWID;
"""

#: The rowids of the articles flagged as duplicates (members of a duplicate group other
#: than its representative), as a subquery for ``column NOT IN (...)``.
FLAGGED_ROWIDS = ("SELECT fa.rowid FROM duplicates fd JOIN articles fa ON fa.id = fd.id"
                  " WHERE fd.id <> fd.representative")


class StoreError(Exception):
    """The database cannot be used as a Dateline store; the message says why."""


class QueryError(ValueError):
    """A search or timeline query that SQLite FTS5 cannot parse; the message says why."""


class UnknownEntity(QueryError):
    """A search's entity filter that names no person or organisation in the store (under
    any alias, surname, title or acronym); ``entity`` and ``path`` say which."""

    def __init__(self, entity: str, path: str | os.PathLike[str]) -> None:
        super().__init__(f"no person or organisation called {entity!r} in {os.fspath(path)}")
        self.entity, self.path = entity, os.fspath(path)


class QueryTimeout(Exception):
    """A query ran past its time budget (:meth:`Store.time_budget`) and was stopped."""


#: Most sentences matching a search query that are ranked (bm25) for one search: the
#: most recently stored ones, read from the full-text index in rowid order. Ranking
#: every match costs time in proportion to their number (a common word: millions).
SEARCH_WINDOW = 10_000
#: A search's entity, place or event filter reads the matching rows first when there are
#: at most this many, else checks the sentences in date order (soon meeting enough of
#: them). Mentions cluster in time, so reading them first is the safer side: 10,000
#: made a 20,000-mention name take 2 s at 100,000 articles, 100,000 takes 0.3 s.
RARE_MENTIONS = 100_000


class SearchRows(list[dict[str, Any]]):
    """The rows :meth:`Store.search_sentences` found. ``window`` is None when every
    match was ranked, else the number of matches ranked: the query matched more
    sentences than that, and the rows are the best of the most recently stored ones."""

    window: int | None = None


#: Longest search or timeline query accepted, in characters and in FTS5 terms: the
#: cost of an FTS5 query grows faster than its length (2,000 ORed terms: over 300 s).
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 64
_TERM = re.compile(r"\w+")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def check_query(query: str | None, what: str = "search") -> None:
    """Raise :class:`QueryError` when ``query`` is longer than MAX_QUERY_CHARS
    characters or holds more than MAX_QUERY_TERMS words (operators not counted)."""
    if not query:
        return
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"{what} query too long: {len(query):,} characters (at most "
                         f"{MAX_QUERY_CHARS:,}); shorten it")
    terms = sum(1 for t in _TERM.findall(query) if t not in _OPERATORS)
    if terms > MAX_QUERY_TERMS:
        raise QueryError(f"{what} query too long: {terms} terms (at most {MAX_QUERY_TERMS}); "
                         "shorten it")


#: The last integrity check of each store file: (its _file_state, the problem or None).
_CHECKED: dict[Path, tuple[tuple[int, ...], str | None]] = {}
#: Held while a health check runs PRAGMA quick_check (one at a time per process).
_CHECKING = threading.Lock()
#: A store at least this large (file and WAL) is checked in the background: quick_check
#: reads every page (18 s at 7 GB), and a health request must not wait for it.
BACKGROUND_CHECK_BYTES = 256 * 1024 * 1024


def _file_state(path: Path) -> tuple[int, ...]:
    """Size and modification time of the database file and of its WAL (0s when absent)."""
    state: list[int] = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            st = os.stat(p)
            state += [st.st_size, st.st_mtime_ns, st.st_ino]
        except OSError:
            state += [0, 0, 0]
    return tuple(state)


#: Per process, one read-only connection per store file (the latest WATCHED files), kept
#: open only to ask ``PRAGMA data_version``, with the file's identity and a serial number.
_WATCHERS: dict[Path, tuple[tuple[int, int], int, sqlite3.Connection]] = {}
_WATCHERS_LOCK = threading.Lock()
_WATCHER_SERIAL = itertools.count()
WATCHED = 8


def data_version(path: str | os.PathLike[str]) -> tuple[int, ...] | None:
    """A key for the committed state of the store at ``path``: it changes whenever any
    connection, in any process, commits to the file (SQLite's ``PRAGMA data_version``,
    asked on a connection this process keeps open) or the file is replaced. For caches
    of what does not change between writes; None when it cannot be told (do not cache).
    A caller reads the key before the data it keeps under it, so that a commit in
    between makes the next key differ."""
    path = Path(path).resolve()
    try:
        st = os.stat(path)
    except OSError:
        return None
    ident = (st.st_dev, st.st_ino)
    with _WATCHERS_LOCK:
        held = _WATCHERS.pop(path, None)
        if held is not None and held[0] != ident:
            held[2].close()
            held = None
        try:
            if held is None:
                con = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                      check_same_thread=False)
                held = (ident, next(_WATCHER_SERIAL), con)
            version = held[2].execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            if held is not None:
                held[2].close()
            return None
        _WATCHERS[path] = held   # the most recently asked last
        while len(_WATCHERS) > WATCHED:
            _WATCHERS.pop(next(iter(_WATCHERS)))[2].close()
    return (*ident, held[1], version)


class StoreBusy(StoreError):
    """Another ingest holds the store's writer lock; the message names its pid."""


def describe_error(path: str | os.PathLike[str], exc: BaseException) -> str:
    """One line for people naming the database ``path``, what went wrong in ``exc``
    (an sqlite3 error or an OSError met while using it) and what to do."""
    text = " ".join(str(exc).split())
    low = text.lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "disk is full" in low:
        return (f"{path}: the disk is full; free some space and run the same command again "
                "(every committed batch is kept)")
    if (isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
            or "readonly" in low or "read-only" in low):
        return (f"{path}: cannot write: the file or its folder is read-only or immutable; "
                "make it writable or use another --db")
    if "not a database" in low:
        return (f"{path}: not a usable database ({text}: not SQLite, or its header is "
                "damaged); choose another --db, or restore a backup")
    if "malformed" in low or "corrupt" in low or "quick_check" in low:
        return (f"{path}: the database is damaged ({text}); restore a backup, or ingest "
                "the inputs again into a new --db")
    if "unable to open" in low:
        folder = Path(path).parent
        if folder.is_dir() and not os.access(folder, os.W_OK):
            return (f"{path}: cannot write: its folder {folder} is read-only (a read-only "
                    "mount?) and SQLite writes files beside the database; copy it to a "
                    "writable folder or use another --db")
        return (f"{path}: cannot open the database: its folder is missing or cannot be "
                "written (SQLite needs to create files beside it); check the path")
    if "locked" in low or "busy" in low:
        return f"{path}: the database is busy (another program holds it locked); try again"
    return f"{path}: not a usable database ({text})"


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of ``script`` one by one (trigger bodies kept whole)."""
    buf = ""
    for piece in script.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                yield buf
            buf = ""


class WriterLock:
    """An exclusive lock on ``DB.lock`` beside the database, held by one writer
    (an ingest) at a time; readers never take it. The file holds the holder's pid
    and is removed when the lock is released."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = db_path.with_name(db_path.name + ".lock")
        self.fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`StoreBusy` (another process holds it) or
        :class:`StoreError` (the lock file cannot be made)."""
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StoreError(describe_error(self.db_path, exc)) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                # The holder writes its pid just after taking the lock: wait a little
                # for it rather than name nobody.
                holder = ""
                for _ in range(20):
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                    if holder:
                        break
                    time.sleep(0.025)
                os.close(fd)
                raise StoreBusy(f"{self.db_path} is being written by another ingest (pid "
                                f"{holder or 'unknown'}); wait for it or use another --db"
                                ) from None
            # The holder before us may have removed the file after we opened it:
            # the lock counts only on the file that is still at self.path.
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd

    def release(self) -> None:
        """Remove the lock file and let the next writer in."""
        if self.fd is None:
            return
        try:
            os.unlink(self.path)
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None


class Store:
    """A Dateline database. Open with ``Store(path)``; use as a context manager.

    The writer commits in transactions (see :meth:`write`); any number of
    readers may query meanwhile (WAL mode).
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run `dateline ingest` first)")
        try:
            if readonly:
                self.db = self._connect_readonly()
            else:
                self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
            self.db.row_factory = sqlite3.Row
            self._check_and_prepare(readonly)
        except (sqlite3.DatabaseError, StoreError) as exc:
            if hasattr(self, "db"):
                self.db.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(describe_error(self.path, exc)) from None

    # -- opening -----------------------------------------------------------------

    def _connect_readonly(self) -> sqlite3.Connection:
        """A read-only connection. A WAL store on a read-only mount cannot be read
        the usual way (SQLite must create ``-shm`` beside it); when its folder cannot
        be written and it has no WAL file, nothing can change it, so it is opened as
        immutable instead."""
        path = self.path.resolve()
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        try:
            db.execute("PRAGMA application_id").fetchone()
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            wal = path.with_name(path.name + "-wal")
            if ("unable to open" not in str(exc) or os.access(path.parent, os.W_OK)
                    or wal.exists()):
                raise
        return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, timeout=BUSY_TIMEOUT)

    def _check_and_prepare(self, readonly: bool) -> None:
        # One read transaction, so that both are read from the same state of the file
        # (another process may be creating the store at this very moment).
        self.db.execute("BEGIN")
        try:
            tables = {r[0] for r in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        finally:
            self.db.rollback()
        if app_id != APPLICATION_ID:
            if tables or app_id:
                raise StoreError(f"{self.path}: not a Dateline database "
                                 "(it holds other tables); choose another --db")
            if readonly:
                raise StoreError(f"{self.path}: empty database (run `dateline ingest` first)")
            self._create()
        version = self.schema_version()
        if version < SCHEMA_VERSION and not readonly:
            version = self._migrate(version)
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer Dateline (schema {version}, "
                             f"this one knows {SCHEMA_VERSION}); upgrade Dateline")
        if version < (READABLE_SINCE if readonly else SCHEMA_VERSION):
            raise StoreError(f"{self.path}: schema {version} needs upgrading; "
                             "open it once for writing (`dateline ingest` does)")
        self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT * 1000}")
        present = {r[0] for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        specs = kind_specs()
        if not readonly and any(k not in present for k in specs):
            with self.db:   # kinds declared since the store was created
                self.db.executescript("BEGIN;" + "".join(
                    _kind_table_sql(s, exists_ok=True) for s in specs.values()) + "COMMIT;")
            present.update(specs)
        if not readonly and not {"minhashes", "duplicates"} <= present:
            with self.db:   # the duplicate tables, for a store made before them
                self.db.executescript("BEGIN;" + DUPLICATE_TABLES + "COMMIT;")
        if not readonly and "story_articles" not in present:
            with self.db:   # the story tables, for a store made before them
                self.db.executescript("BEGIN;" + STORY_TABLES + "COMMIT;")
        #: Declarations of the kinds this store has tables for, in record order (every
        #: declared kind once the store has been opened for writing), each with the
        #: columns its table has (a member declared since an older store was written
        #: gets its column when the store is opened for writing: NULL in the rows
        #: already stored; read only, it is left out).
        self.specs = {k: self._with_columns(s, readonly) for k, s in specs.items()
                      if k in present}
        self.kinds = tuple(self.specs)
        if not readonly:
            self._use_wal()
            self.db.execute("PRAGMA synchronous = NORMAL")

    def _use_wal(self) -> None:
        """Put the store in WAL mode. The switch needs the file to itself and SQLite
        answers "locked" at once, without waiting, while another process holds it (as
        when several processes open one new store together): wait and retry for as
        long as the busy timeout, unless the store is in WAL mode already."""
        deadline = time.monotonic() + BUSY_TIMEOUT
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            if self.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            time.sleep(0.05)

    def _with_columns(self, spec: Extractor, readonly: bool) -> Extractor:
        """``spec`` with the columns its table has: a declared member missing from the
        table is added to it (writable store) or left out of the copy (read only)."""
        have = {r[1] for r in self.db.execute(f"PRAGMA table_info({spec.name})")}
        missing = [m for m in spec.columns if _column(m) not in have]
        if not missing:
            return spec
        if readonly:
            return dataclasses.replace(spec, columns=tuple(
                m for m in spec.columns if m not in missing))
        # members declared since the store was created, under the write lock (another
        # process opening the store may add them first)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            have = {r[1] for r in self.db.execute(f"PRAGMA table_info({spec.name})")}
            for m in missing:
                if _column(m) not in have:
                    self.db.execute(f'ALTER TABLE {spec.name} ADD COLUMN "{_column(m)}"'
                                    f" {spec.column_type(m)}".rstrip())
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise
        return spec

    def _create(self) -> None:
        """Create the schema at version 1, unless another process (opening the same
        new file at the same time) created it first: the check is repeated under the
        write lock of BEGIN IMMEDIATE."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if self.db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                script = (SCHEMA_V1 + "".join(_kind_table_sql(s) for s in kind_specs().values())
                          + f"PRAGMA application_id = {APPLICATION_ID};")
                for statement in _statements(script):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
                self.db.execute("INSERT INTO meta VALUES ('created', ?)",
                                (dt.datetime.now(dt.UTC).isoformat(),))
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise

    def _migrate(self, version: int) -> int:
        """Bring the schema from ``version`` up to SCHEMA_VERSION, one step per
        transaction, each step re-reading the version under the write lock (another
        process may have taken it first). Returns the version reached."""
        while version < SCHEMA_VERSION:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                version = self.schema_version()
                if version < SCHEMA_VERSION:
                    for statement in _statements(MIGRATIONS[version]):
                        self.db.execute(statement)
                    self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                                    (str(version + 1),))
                    version += 1
                self.db.commit()
            except BaseException:
                self.db.rollback()
                raise
        return version

    def schema_version(self) -> int:
        """The schema version the database is at; StoreError when meta holds none
        or one that is not a number."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        value = row[0] if row else None
        try:
            version = int(value)   # type: ignore[arg-type]
        except (TypeError, ValueError):
            version = -1
        if version < 1:
            found = "none" if value is None else repr(value)
            raise StoreError(f"{self.path}: damaged: its meta table holds no usable "
                             f"schema_version (found {found}); restore a backup, or ingest "
                             "the inputs again into a new --db")
        return version

    def integrity_problem(self, *, reuse: bool = False) -> str | None:
        """None when SQLite's ``PRAGMA quick_check`` finds the file sound (it reads
        every page: about 0.15 s for a 26 MB store), else one line naming the file,
        the first problem and what to do.

        With ``reuse`` (for a server's health endpoint, called often and by many
        threads): the verdict of this process's last check is given again while the
        file and its WAL keep their size and modification time; after a change one
        caller checks again, on a connection of its own (free of any time budget set
        on this one), while the others get the last verdict instead of checking too."""
        if not reuse:
            return self._quick_check(self.db)
        state = _file_state(self.path)
        last = _CHECKED.get(self.path)
        if last is not None and last[0] == state:
            return last[1]
        big = state[0] + state[3] >= BACKGROUND_CHECK_BYTES
        if not _CHECKING.acquire(blocking=last is None and not big):
            return last[1] if last is not None else None
        if big:   # reading every page takes seconds: check in the background meanwhile
            threading.Thread(target=self._check_and_release, args=(state,), daemon=True,
                             name="dateline-quick-check").start()
            return last[1] if last is not None else None
        self._check_and_release(state)
        return _CHECKED[self.path][1]

    def integrity_checked(self) -> bool:
        """Whether this process's last integrity verdict is for the file as it is now
        (false while a check of a changed or large file runs in the background)."""
        last = _CHECKED.get(self.path)
        return last is not None and last[0] == _file_state(self.path)

    def _check_and_release(self, state: tuple[int, ...]) -> None:
        """Run quick_check on a connection of its own, keep the verdict for ``state``
        and release :data:`_CHECKING` (held by the caller)."""
        try:
            db = self._connect_readonly()
            try:
                problem = self._quick_check(db)
            finally:
                db.close()
            _CHECKED[self.path] = (state, problem)
        except Exception as exc:   # a file that cannot even be opened is the verdict
            _CHECKED[self.path] = (state, describe_error(self.path, exc))
        finally:
            _CHECKING.release()

    def _quick_check(self, db: sqlite3.Connection) -> str | None:
        try:
            first = db.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            return describe_error(self.path, exc)
        if first == "ok":
            return None
        return describe_error(self.path, sqlite3.DatabaseError(
            f"PRAGMA quick_check: {first.replace('*** in database main ***', '')}"))

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the writer lock (:class:`WriterLock`) for the block, after checking
        the file's integrity; SQLite and OS failures inside (disk full, read-only
        file, damaged pages) come out as one :class:`StoreError` naming the file.
        Raises :class:`StoreBusy` at once when another writer holds the lock."""
        lock = WriterLock(self.path)
        lock.acquire()
        try:
            problem = self.integrity_problem()
            if problem:
                raise StoreError(problem)
            try:
                self.db.execute("BEGIN IMMEDIATE")   # can this connection write at all?
                self.db.rollback()
                yield
            except sqlite3.DatabaseError as exc:
                if self.db.in_transaction:
                    self.db.rollback()
                raise StoreError(describe_error(self.path, exc)) from None
            except OSError as exc:
                if exc.errno not in (errno.ENOSPC, errno.EROFS):
                    raise
                raise StoreError(describe_error(self.path, exc)) from None
        finally:
            lock.release()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------

    def lookup(self, article_id: str) -> tuple[str, str] | None:
        """``(text_hash, extractor_version)`` of the stored article ``article_id``, or None."""
        row = self.db.execute(
            "SELECT text_hash, extractor_version FROM articles WHERE id = ?",
            (article_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def write(self, records: Iterable[tuple[dict[str, Any], dict[str, str]]],
              groups: GroupChanges | None = None) -> int:
        """Store records in one transaction, replacing any article with the same id.

        Each item is ``(record, info)`` where info holds ``text_hash``, ``origin``
        and ``extractor_version``. ``groups`` (from
        :meth:`dateline.analyses.duplicates.DuplicateIndex.plan`; when None, those given
        to :meth:`stage_groups` since the last write) are the signatures and duplicate
        groups these records change, written in the same transaction.
        Returns the number written. Either all of them are committed or none is.
        """
        n = 0
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        if groups is None:
            groups, self._staged = self._staged, None
        with self.db:
            for record, info in records:
                self._delete(record["id"])
                self._insert(record, info, now)
                n += 1
            if groups is not None:
                self.db.executemany("INSERT OR REPLACE INTO minhashes VALUES (?, ?)",
                                    groups.signatures)
                self.db.executemany("DELETE FROM duplicates WHERE id = ?",
                                    [(k,) for k in groups.cleared])
                self.db.executemany("INSERT INTO duplicates VALUES (?, ?)", groups.groups)
        return n

    # -- duplicate groups (dateline.analyses.duplicates) ---------------------------

    _staged: GroupChanges | None = None

    def stage_groups(self, groups: GroupChanges) -> None:
        """Have the next :meth:`write` write ``groups`` in its transaction (how ingest
        passes a batch's signatures and groups along with its records)."""
        self._staged = groups

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """``(id, MinHash signature)`` of every signed article, in id order."""
        yield from self.db.execute("SELECT id, signature FROM minhashes")

    def unsigned_articles(self) -> Iterator[tuple[str, str, str]]:
        """``(id, published, text)`` of the stored articles without a signature (stored
        before the store kept them), in ingest order."""
        yield from self.db.execute(
            "SELECT id, published, text FROM articles WHERE id NOT IN (SELECT id FROM minhashes)"
            " ORDER BY rowid")

    def unsigned_count(self) -> int:
        """How many stored articles have no signature yet (stored before the store kept
        them): the articles and signatures counted from their indexes."""
        q = self.db.execute
        return q("SELECT count(*) FROM articles").fetchone()[0] - q(
            "SELECT count(*) FROM minhashes WHERE id IN (SELECT id FROM articles)").fetchone()[0]

    def _by_ids(self, sql: str, ids: Iterable[str]) -> Iterator[sqlite3.Row]:
        """The rows of ``sql`` (ending in ``IN ({})``) for ``ids``, asked 500 at a time."""
        keys = list(ids)
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            yield from self.db.execute(sql.format(", ".join("?" * len(chunk))), chunk)

    def groups_of(self, ids: Iterable[str]) -> dict[str, str]:
        """``{id: representative}`` for those of ``ids`` that are in a duplicate group."""
        return {r[0]: r[1] for r in self._by_ids(
            "SELECT id, representative FROM duplicates WHERE id IN ({})", ids)}

    def group_members(self, representatives: Iterable[str]) -> dict[str, list[str]]:
        """``{representative: [member ids, sorted]}`` of the given groups."""
        out: dict[str, list[str]] = {}
        for rep, key in self._by_ids("SELECT representative, id FROM duplicates"
                                     " WHERE representative IN ({}) ORDER BY id",
                                     representatives):
            out.setdefault(rep, []).append(key)
        return out

    def published_of(self, ids: Iterable[str]) -> dict[str, str]:
        """``{id: publication date}`` of the stored articles among ``ids``."""
        return {r[0]: r[1] for r in self._by_ids(
            "SELECT id, published FROM articles WHERE id IN ({})", ids)}

    def has_duplicates(self) -> bool:
        """Whether any stored article is flagged as a duplicate (a group member other than
        its representative); False for a store whose schema predates the groups."""
        try:
            return self.db.execute("SELECT 1 FROM duplicates WHERE id <> representative"
                                   " LIMIT 1").fetchone() is not None
        except sqlite3.OperationalError:
            return False

    def unflagged(self, column: str, include_duplicates: bool = False) -> list[str]:
        """SQL conditions keeping the rows whose ``column`` (an article rowid) is not a
        flagged duplicate: none when ``include_duplicates`` or when the store flags none
        (so a store without duplicates is queried exactly as before)."""
        if include_duplicates or not self.has_duplicates():
            return []
        return [f"{column} NOT IN ({FLAGGED_ROWIDS})"]

    def duplicate_group(self, article_id: str) -> dict[str, Any] | None:
        """``{"representative": id, "members": [ids]}`` of the duplicate group holding
        ``article_id``, or None when it is in none."""
        rep = self.groups_of([article_id]).get(article_id)
        if rep is None:
            return None
        return {"representative": rep, "members": self.group_members([rep])[rep]}

    def _delete(self, article_id: str) -> None:
        row = self.db.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return
        for table in (*self.kinds, "sentences"):
            self.db.execute(f"DELETE FROM {table} WHERE article = ?", (row[0],))
        self.db.execute("DELETE FROM articles WHERE rowid = ?", (row[0],))

    def _insert(self, record: dict[str, Any], info: dict[str, str], now: str) -> None:
        cur = self.db.execute(
            "INSERT INTO articles (id, published, title, url, source, text, text_hash, tone,"
            " origin, extractor_version, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (record["id"], record["published"], record.get("title"), record.get("url"),
             record.get("source"), record["text"], info["text_hash"], record.get("tone"),
             info.get("origin"), info["extractor_version"], now))
        rowid = cur.lastrowid
        text = record["text"]
        self.db.executemany(
            'INSERT INTO sentences (article, sentence, start, "end", text) VALUES (?,?,?,?,?)',
            [(rowid, i, s["start"], s["end"], text[s["start"]:s["end"]])
             for i, s in enumerate(record.get("sentences", []))])
        for kind in self.kinds:
            items = record.get(kind) or []
            if not items:
                continue
            members = self.specs[kind].columns
            cols = ", ".join(f'"{_column(m)}"' for m in members)
            marks = ", ".join("?" * (len(members) + 2))
            self.db.executemany(
                f"INSERT INTO {kind} (article, {cols}, extra) VALUES ({marks})",
                [(rowid, *_flatten(item, members)) for item in items])

    # -- reading -----------------------------------------------------------------

    @contextmanager
    def time_budget(self, seconds: float | None) -> Iterator[None]:
        """Within the block, stop any SQL statement still running ``seconds`` after
        the block began and raise :class:`QueryTimeout` (also when the code inside
        caught SQLite's "interrupted" and went on). None: no limit."""
        if seconds is None:
            yield
            return
        deadline = time.monotonic() + seconds
        expired = False

        def check() -> int:
            nonlocal expired
            expired = expired or time.monotonic() > deadline
            return int(expired)

        self.db.set_progress_handler(check, 20_000)   # VM steps between checks: ~1 ms
        try:
            yield
        except Exception:
            if not expired:
                raise
        finally:
            self.db.set_progress_handler(None, 0)
        if expired:
            raise QueryTimeout(f"query took too long (over {seconds:g} s); narrow it "
                               "(fewer words, a date range, a type or country)")

    def count(self) -> int:
        """Number of stored articles."""
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def ids(self) -> Iterator[str]:
        """Ids of all stored articles, in ingest order."""
        for (i,) in self.db.execute("SELECT id FROM articles ORDER BY rowid"):
            yield i

    def record(self, article_id: str) -> dict[str, Any] | None:
        """The stored record of ``article_id`` in DESIGN.md's format, or None."""
        a = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if a is None:
            return None
        rec: dict[str, Any] = {k: a[k] for k in ("id", "published", "title", "url", "source", "text")}
        rec["sentences"] = [{"start": s["start"], "end": s["end"]} for s in self.db.execute(
            'SELECT start, "end" FROM sentences WHERE article = ? ORDER BY sentence', (a["rowid"],))]
        for kind in kind_specs():
            if kind not in self.specs:
                rec[kind] = []
                continue
            rows = self.db.execute(f"SELECT * FROM {kind} WHERE article = ? ORDER BY rowid",
                                   (a["rowid"],))
            rec[kind] = [_unflatten(row, self.specs[kind].columns) for row in rows]
        rec["tone"] = a["tone"]
        return rec

    def stats(self, top: int = 10, include_duplicates: bool = False) -> dict[str, Any]:
        """What the store holds: counts, date range, sources, busiest dates, top names.
        Articles flagged as duplicates (and their sentences and items) are not counted
        unless ``include_duplicates``; ``duplicates`` says how many are flagged and
        ``duplicate_groups`` in how many groups."""
        q = self.db.execute
        cond = self.unflagged("rowid", include_duplicates)
        art = f" WHERE {cond[0]}" if cond else ""
        kept = self.unflagged("article", include_duplicates)
        per = f" AND {kept[0]}" if kept else ""
        first, last = q(f"SELECT min(published), max(published) FROM articles{art}").fetchone()
        out: dict[str, Any] = {
            "database": str(self.path),
            "schema_version": self.schema_version(),
            "articles": q(f"SELECT count(*) FROM articles{art}").fetchone()[0] if cond
            else self.count(),
            "published": {"first": first, "last": last},
            "sentences": q("SELECT count(*) FROM sentences"
                           + (f" WHERE {kept[0]}" if kept else "")).fetchone()[0],
        }
        out.update({k: q(f"SELECT count(*) FROM {k}" + (f" WHERE {kept[0]}" if kept else "")
                         ).fetchone()[0] if k in self.kinds else 0
                    for k in kind_specs()})
        try:
            out["duplicates"], out["duplicate_groups"] = q(
                "SELECT count(*) - count(DISTINCT representative), count(DISTINCT representative)"
                " FROM duplicates").fetchone()
        except sqlite3.OperationalError:   # a store whose schema predates the groups
            out["duplicates"] = out["duplicate_groups"] = 0
        out["sources"] = {r[0] or "(none)": r[1] for r in q(
            f"SELECT source, count(*) n FROM articles{art} GROUP BY source"
            " ORDER BY n DESC LIMIT ?", (top,))}
        out["busiest_publication_dates"] = {r[0]: r[1] for r in q(
            f"SELECT published, count(*) n FROM articles{art} GROUP BY published"
            " ORDER BY n DESC, published LIMIT ?", (top,))}
        out["most_mentioned_dates"] = {r[0]: r[1] for r in q(
            "SELECT value, count(DISTINCT article) n FROM dates WHERE type = 'DATE'"
            f" AND length(value) = 10{per} GROUP BY value ORDER BY n DESC, value LIMIT ?",
            (top,))}
        ent = self.unflagged("e.article", include_duplicates)
        for key, label in (("top_people", "PERSON"), ("top_organisations", "ORG")):
            out[key] = {r[0]: r[1] for r in q(
                "SELECT coalesce(a.canonical, e.canonical) name, count(*) n FROM entities e"
                " LEFT JOIN aliases a ON a.alias = e.canonical AND a.label = e.label"
                f" WHERE e.label = ?{f' AND {ent[0]}' if ent else ''}"
                " GROUP BY name ORDER BY n DESC, name LIMIT ?", (label, top))}
        out["top_places"] = {r[0]: r[1] for r in q(   # places named, not adjectives ("Russian")
            "SELECT name, count(*) n FROM places"
            f" WHERE coalesce(json_extract(extra, '$.adjectival'), 0) = 0{per}"
            " GROUP BY name ORDER BY n DESC, name LIMIT ?", (top,))}
        return out

    def _rare(self, source: str, args: list[str]) -> bool:
        """Whether ``SELECT ... FROM {source}`` has at most RARE_MENTIONS rows (counted
        no further than that)."""
        return self.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {source} LIMIT ?)",
                               [*args, RARE_MENTIONS + 1]).fetchone()[0] <= RARE_MENTIONS

    def search_sentences(self, query: str | None = None, limit: int = 20, *,
                         start: str | None = None, end: str | None = None,
                         entity: str | None = None, place: str | None = None,
                         event: str | None = None, country: str | None = None,
                         window: int = SEARCH_WINDOW, offset: int = 0,
                         include_duplicates: bool = False) -> SearchRows:
        """Sentences matching an FTS5 ``query`` (best first; all, in date order, when
        None) and every filter given. With a query, the matches are ranked within the
        ``window`` most recently stored ones that pass the filters (``SearchRows.window``
        says when there were more). Filters: published between ``start`` and ``end``
        (ISO dates, inclusive); naming ``entity`` (a canonical name or one of its
        aliases, a surname, a title and surname or an acronym, matched under its store-wide
        names; :class:`UnknownEntity` when it names no one in the store); naming ``place``; reporting an event of type ``event``, or with
        an actor or target from ``country`` (alpha-3). ``offset`` skips that many of the
        results in their order first (the next page: ``offset`` = the results already read).
        The sentences of articles flagged as duplicates are left out unless
        ``include_duplicates`` (a duplicate group is searched in its representative)."""
        check_query(query)
        where, args = [], []
        in_article: list[tuple[str, list[str]]] = []   # (condition on a, its arguments)
        if query:
            where.append("sentences_fts MATCH ?")
            args.append(query)
        dates, dargs = date_range("a.published", start, end)
        where += dates + self.unflagged("s.article", include_duplicates)
        args += dargs
        if entity:   # the entity's store-wide names, so "Putin" finds "Vladimir Putin" too
            from dateline.analyses.aliases import find_entity

            names = find_entity(self, entity)
            if not names:
                raise UnknownEntity(entity, self.path)
            marks = ", ".join("?" * len(names))
            # A mention of them has one of their names, or an alias of one, as its
            # canonical name: that prefilter (any case) lets the index find the mentions.
            known = sorted({*names, *(r[0] for r in self.db.execute(
                f"SELECT alias FROM aliases WHERE canonical IN ({marks})", names))})
            prefilter = f"e.canonical COLLATE NOCASE IN ({', '.join('?' * len(known))})"
            rare = self._rare(f"entities e WHERE {prefilter}", known)
            alias_join = " LEFT JOIN aliases al ON al.alias = e.canonical AND al.label = e.label"
            condition = f"{prefilter} AND coalesce(al.canonical, e.canonical) IN ({marks})"
            where.append(_mention_filter("entities", "e", condition, rare and bool(query),
                                         alias_join))
            args += [*known, *names]
            in_article.append((_article_filter("entities", "e", condition, rare, alias_join),
                               [*known, *names]))
        filters: list[tuple[str, str, list[str]]] = []
        if place:   # the place's stored name, any case: "Syria" finds "Syrian" too
            filters.append(("places p", "p.name = ? COLLATE NOCASE", [place]))
        if event or country:
            cond, cargs = [], []
            if event:
                cond.append("v.type = ?")
                cargs.append(event.upper())
            if country:
                cond.append("(v.actor_country = ? OR v.target_country = ?)")
                cargs += [country.upper(), country.upper()]
            filters.append(("events v", " AND ".join(cond), cargs))
        for table, condition, values in filters:
            rare = self._rare(f"{table} WHERE {condition}", values)
            name, alias = table.split()
            where.append(_mention_filter(name, alias, condition, rare and bool(query)))
            args += values
            in_article.append((_article_filter(name, alias, condition, rare), values))
        columns = 'a.id, a.published, a.title, s.sentence, s.start, s."end", s.text'
        found = SearchRows()
        if not query:
            # The articles are walked in date order (the index on published; CROSS JOIN
            # keeps that order, so LIMIT stops the walk), each first checked for every
            # filter's mentions (see _article_filter), and only the sentences of those
            # that hold them checked one by one: the work is bounded by the matches
            # read and the articles walked, whether a name is common, rare or met late.
            conds = [c for c, _ in in_article] + where
            sql = (f"SELECT {columns}, NULL AS score FROM articles a INDEXED BY articles_published"
                   " CROSS JOIN sentences s ON a.rowid = s.article"
                   + (f" WHERE {' AND '.join(conds)}" if conds else "")
                   + " ORDER BY a.published, a.rowid, s.sentence LIMIT ? OFFSET ?")
            pre = [v for _, values in in_article for v in values]
            found.extend(dict(r) for r in self.db.execute(sql, pre + args + [limit, offset]))
            return found
        # The matches in the index's rowid order, newest first, at most `window` of them,
        # are ranked; the best `limit` are then read in full.
        joins = (" JOIN sentences s ON s.rowid = sentences_fts.rowid JOIN articles a"
                 " ON a.rowid = s.article") if len(where) > 1 else ""   # only for filters
        sql = (f"SELECT sentences_fts.rowid, bm25(sentences_fts) FROM sentences_fts{joins}"
               f" WHERE {' AND '.join(where)} ORDER BY sentences_fts.rowid DESC LIMIT ?")
        try:
            matches = self.db.execute(sql, args + [window + 1]).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"bad search query {query!r}: {exc}") from None
        if len(matches) > window:
            found.window = window
            del matches[window:]
        ranked = sorted(matches, key=lambda m: m[1])
        cut = min(offset + limit, len(ranked))
        while 0 < cut < len(ranked) and ranked[cut][1] == ranked[cut - 1][1]:
            cut += 1   # equal scores are ordered by publication date below
        low = offset
        while 0 < low < cut and ranked[low][1] == ranked[low - 1][1]:
            low -= 1   # so are those of the page before that tie with this page's first
        score = {m[0]: m[1] for m in ranked[low:cut]}
        rows = [dict(r) for r in self.db.execute(
            f"SELECT s.rowid, {columns} FROM sentences s JOIN articles a ON a.rowid = s.article"
            f" WHERE s.rowid IN ({','.join(str(int(k)) for k in score)})")] if score else []
        rows.sort(key=lambda r: (score[r["rowid"]], r["published"], r["rowid"]))
        for row in rows[offset - low:offset - low + limit]:
            row["score"] = score[row.pop("rowid")]
            found.append(row)
        return found


def _article_filter(table: str, alias: str, condition: str, rare: bool, joins: str = "") -> str:
    """A search condition on article ``a``: some row of ``table`` (aliased ``alias``,
    with ``joins``) meeting ``condition`` is in it. For ``rare`` rows (at most
    RARE_MENTIONS) their articles are listed once, so that the walk skips every other
    article at the cost of a look-up; for common ones each article is probed through
    the table's (article, sentence) index, as they are met soon in any order."""
    if rare:
        return f"a.rowid IN (SELECT {alias}.article FROM {table} {alias}{joins} WHERE {condition})"
    return (f"EXISTS (SELECT 1 FROM {table} {alias} INDEXED BY {table}_article{joins}"
            f" WHERE {condition} AND {alias}.article = a.rowid)")


def _mention_filter(table: str, alias: str, condition: str, rare: bool, joins: str = "") -> str:
    """A search condition on sentence ``s``: some row of ``table`` (aliased ``alias``,
    with ``joins`` after it) meeting ``condition`` is in it. Rare rows are read first
    (at most RARE_MENTIONS) and their sentences looked up; frequent ones are checked
    sentence by sentence through the table's (article, sentence) index, named so
    that the planner does not walk an index of the condition's columns instead."""
    if rare:
        return (f"(s.article, s.sentence) IN (SELECT {alias}.article, {alias}.sentence"
                f" FROM {table} {alias}{joins} WHERE {condition})")
    return (f"EXISTS (SELECT 1 FROM {table} {alias} INDEXED BY {table}_article{joins}"
            f" WHERE {condition} AND {alias}.article = s.article AND {alias}.sentence = s.sentence)")


def _get(item: dict[str, Any], member: str) -> Any:
    value: Any = item
    for part in member.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _flatten(item: dict[str, Any], members: tuple[str, ...]) -> list[Any]:
    """Column values of ``item`` for ``members``, then the JSON of what is left."""
    values = [_get(item, m) for m in members]
    extra: dict[str, Any] = {}
    tops = {m.split(".")[0] for m in members}
    for key, val in item.items():
        if key not in tops:
            extra[key] = val
        elif isinstance(val, dict):
            sub = {k: v for k, v in val.items() if f"{key}.{k}" not in members}
            if sub:
                extra[key] = sub
    values.append(json.dumps(extra, ensure_ascii=False) if extra else None)
    return values


def _unflatten(row: sqlite3.Row, members: tuple[str, ...]) -> dict[str, Any]:
    """The record item stored in ``row`` (inverse of :func:`_flatten`)."""
    item: dict[str, Any] = {}
    extra = json.loads(row["extra"]) if row["extra"] else {}
    for m in members:
        value = row[_column(m)]
        if "." in m:
            top, sub = m.split(".", 1)
            if item.get(top, ...) is None:
                continue
            if value is None and top not in item:
                item[top] = None
                continue
            if not isinstance(item.get(top), dict):
                item[top] = {}
            item[top][sub] = value
        else:
            item[m] = value
    for key, val in extra.items():
        if isinstance(val, dict) and isinstance(item.get(key), dict):
            item[key].update(val)
        else:
            item[key] = val
    return item
