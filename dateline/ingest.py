"""Ingest: read inputs, skip what is stored, extract the rest, commit in batches.

Each batch is committed in one transaction, so a killed ingest loses at most
the batches in flight; rerunning it skips every committed article and finishes
the rest. Bad inputs are reported (and optionally written to a rejects file)
and never stop the run.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from dateline.analyses.aliases import build_aliases
from dateline.analyses.duplicates import DuplicateIndex
from dateline.analyses.stories import update_stories
from dateline.article import Article
from dateline.pipeline import extract_fingerprint, extract_records
from dateline.read import ReadOptions, Rejection, read_paths
from dateline.read.jsonl import REJECT_KEY
from dateline.settings import Settings
from dateline.store import Store


@dataclass
class IngestSummary:
    """What one ingest did."""

    read: int = 0          # articles read (rejected inputs not included)
    stored: int = 0        # new articles stored
    updated: int = 0       # articles re-extracted and replaced (--update)
    duplicates: int = 0    # articles already stored (or repeated in the input)
    rejected: list[Rejection] = field(default_factory=list)
    near_duplicates: int = 0   # articles written that joined a duplicate group, not first

    def lines(self) -> list[str]:
        """The summary as lines for people."""
        out = [f"read {self.read:,} article(s): stored {self.stored:,}, updated {self.updated:,},"
               f" skipped {self.duplicates:,} already stored; rejected {len(self.rejected):,}"]
        reasons = Counter(_reason_kind(r.reason) for r in self.rejected)
        out += [f"  {n:,} x {reason}" for reason, n in reasons.most_common()]
        if self.near_duplicates:
            out.append(f"  {self.near_duplicates:,} near-duplicate(s) of other articles flagged"
                       " (counted once; see docs/duplicates.md)")
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "stored": self.stored, "updated": self.updated,
                "duplicates": self.duplicates, "rejected": len(self.rejected)}


def _reason_kind(reason: str) -> str:
    """A rejection reason without its particulars, for counting alike ones."""
    return reason.split(" (")[0].split(": ")[0]


class RunLedger:
    """The ids read in one ingest run, each with its text hash and origin, kept in a
    private temporary SQLite file rather than in memory, so that a run of ten million
    articles holds only SQLite's page cache. Deleted when closed."""

    def __init__(self) -> None:
        # An empty file name opens a private on-disk database that SQLite deletes on close.
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, hash TEXT, origin TEXT)"
                         " WITHOUT ROWID")

    def get(self, key: str) -> tuple[str, str] | None:
        """``(text hash, origin)`` of ``key`` if it was read earlier in this run."""
        row = self._db.execute("SELECT hash, origin FROM seen WHERE id = ?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    def add(self, key: str, text_hash: str, origin: str) -> None:
        """Remember that ``key`` was read with ``text_hash`` at ``origin``."""
        self._db.execute("INSERT OR REPLACE INTO seen VALUES (?, ?, ?)", (key, text_hash, origin))

    def close(self) -> None:
        self._db.close()


class RejectsFile:
    """Writes rejected inputs as JSONL the user can fix and ingest again.

    A rejected row keeps its fields and gains ``_rejected`` (input and reason),
    which the JSONL reader ignores; other rejections are written as
    ``{"_rejected": ..., "raw": line-or-null}``.
    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, rejection: Rejection) -> None:
        note = {"input": rejection.origin, "reason": rejection.reason}
        if isinstance(rejection.raw, dict):
            obj = {**rejection.raw, REJECT_KEY: note}
        else:
            obj = {REJECT_KEY: note, "raw": rejection.raw}
        self.stream.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
        self.stream.flush()


def ingest(paths: Iterable[str], store: Store, *, options: ReadOptions = ReadOptions(),
           workers: int = 1, batch_size: int = 16, update: bool = False,
           on_reject: Callable[[Rejection], None] | None = None,
           on_batch: Callable[[IngestSummary], None] | None = None,
           dask: str | None = None, settings: Settings | None = None) -> IngestSummary:
    """Read ``paths`` into ``store``; return what was done.

    ``settings`` chooses the model and the extractors' configurations. Each article
    is stored with the fingerprint of what extracted it
    (:func:`dateline.pipeline.extract_fingerprint`); with ``update``, an article
    stored under another fingerprint is extracted again.

    ``dask`` (a scheduler address, or ``"local"``) runs the extraction on a Dask
    cluster; reading, deduplication and writing stay in this process.

    ``on_reject`` is called with each rejection as it happens, ``on_batch``
    with the running summary after each committed batch.

    Each batch's articles are signed and linked into duplicate groups
    (:mod:`dateline.analyses.duplicates`) in the batch's transaction. At the end, the
    articles not in a story yet are grouped into stories
    (:mod:`dateline.analyses.stories`) in one transaction.

    One ingest writes to a store at a time: raises
    :class:`dateline.store.StoreBusy` when another holds it, and
    :class:`dateline.store.StoreError` (one line) when the store is damaged,
    read-only or its disk is full; committed batches are kept.
    """
    with store.writing(), contextlib.closing(RunLedger()) as seen:
        summary = IngestSummary()
        settings = settings or Settings()
        current = extract_fingerprint(settings)
        index = DuplicateIndex(store)

        def reject(r: Rejection) -> None:
            summary.rejected.append(r)
            if on_reject:
                on_reject(r)

        def to_extract() -> Iterator[Article]:
            for item in read_paths(paths, options):
                if isinstance(item, Rejection):
                    reject(item)
                    continue
                summary.read += 1
                key = item.key
                earlier = seen.get(key)
                if earlier is not None:   # adjacent or apart, batch committed or not: alike
                    if earlier[0] == item.hash:
                        summary.duplicates += 1
                    else:
                        reject(Rejection(item.origin, f"id {key!r} was read earlier in this run "
                                                      f"({earlier[1]}) with other text"))
                    continue
                seen.add(key, item.hash, item.origin)
                stored = store.lookup(key)
                if stored is None:
                    yield item
                elif stored[0] != item.hash:
                    if update:
                        yield item
                    else:
                        reject(Rejection(item.origin, f"id {key!r} is already stored with other "
                                                      "text (use --update to replace it)"))
                elif update and stored[1] != current:
                    yield item
                else:
                    summary.duplicates += 1

        for results in extract_records(to_extract(), workers=workers, batch_size=batch_size,
                                       dask=dask, settings=settings):
            rows = []
            for article, record, error in results:
                if record is None:
                    reject(Rejection(article.origin, error or "extraction failed"))
                else:
                    rows.append((record, {"text_hash": article.hash, "origin": article.origin,
                                          "extractor_version": current}))
            replaced = sum(1 for record, _ in rows if store.lookup(record["id"]) is not None)
            groups = index.plan((record["id"], record["published"], record["text"])
                                for record, _ in rows) if rows else None
            if groups is not None:
                store.stage_groups(groups)   # written in the batch's transaction
            store.write(rows)
            if groups is not None:
                written = {record["id"] for record, _ in rows}
                summary.near_duplicates += sum(1 for k, rep in groups.groups
                                               if k in written and k != rep)
            summary.updated += replaced
            summary.stored += len(rows) - replaced
            if on_batch:
                on_batch(summary)
        if store.unsigned_count():   # stored before signatures were kept, and no batch
            store.stage_groups(index.plan([]))   # signed them: signed and grouped now
            store.write([])
        if summary.stored or summary.updated:
            build_aliases(store)
        # the articles not in a story yet, in one transaction
        update_stories(store, (settings or Settings()).stories)
        return summary
