"""Near-duplicate articles: found at ingest, grouped, and counted once.

Each article's text is cut into word shingles (SHINGLE words in a row, lower case,
punctuation dropped) and summarised by a MinHash signature of NUM_PERM values
(``datasketch``, seeded, so the same text always gives the same signature). A
MinHash LSH index (``datasketch.MinHashLSH``, bands chosen for THRESHOLD) proposes
candidates; a pair is linked when the signatures' estimated Jaccard similarity is at
least THRESHOLD. A duplicate group is a connected component of those links, and its
representative is the member published first (ties: the smallest id). Links are
found whichever member arrives second, so the groups do not depend on the order of
the input or on how it was split between ingests.

The signatures are kept in the store (``minhashes``), so an ingest loads them once
into an index it then extends article by article; the groups are kept in
``duplicates`` (one row per member of each group of two or more, naming its
representative). Both are written in the transaction of the batch that changed
them (:meth:`dateline.store.Store.write`), so an interrupted ingest leaves either
the batch and its groups or neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from dateline.store import Store

#: Words per shingle.
SHINGLE = 5
#: Values in a signature (MinHash permutations).
NUM_PERM = 128
#: Seed of the permutations: fixed, as stored signatures must stay comparable.
SEED = 1
#: The MinHash scheme of datasketch 2 (32-bit affine permutations).
SCHEME = "affine32"
#: Least estimated Jaccard similarity of two articles' shingles that links them
#: (docs/duplicates.md says why this value).
THRESHOLD = 0.5

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The word shingles of ``text``: every run of SHINGLE words (lower case, words
    being runs of letters and digits), UTF-8 encoded; a text of fewer words gives
    one shingle of all of them, an empty text none."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


_TEMPLATE: Any = None


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text``'s shingles: NUM_PERM unsigned 32-bit values
    (the same text gives the same values in any process)."""
    from datasketch import MinHash

    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations,
                scheme=SCHEME)
    m.update_batch(list(shingles(text)))   # the minimum does not depend on the order
    return m.hashvalues.astype("<u4")


def to_blob(sig: np.ndarray) -> bytes:
    """``sig`` as the bytes the store keeps (little-endian 32-bit values)."""
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    """The signature stored as ``blob`` (inverse of :func:`to_blob`)."""
    import numpy as np

    return np.frombuffer(blob, dtype="<u4")


def is_empty(sig: np.ndarray) -> bool:
    """Whether ``sig`` is the signature of no shingles at all (a text without words):
    every value is the largest, and such texts are linked to nothing."""
    return bool((sig == 0xFFFFFFFF).all())


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingles behind signatures ``a`` and ``b``:
    the share of positions where they agree."""
    return float((a == b).mean())


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        self.add(x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def components(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())


@dataclass
class GroupChanges:
    """What one batch changes in the store's duplicate tables: the signatures to
    store ``(id, blob)``, the ids whose ``duplicates`` rows are rewritten
    (``cleared``) and their new rows ``(id, representative)``."""

    signatures: list[tuple[str, bytes]] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)
    groups: list[tuple[str, str]] = field(default_factory=list)


class DuplicateIndex:
    """The LSH index of one ingest: the store's signatures, loaded once (articles
    stored before signatures existed are signed and grouped on the first
    :meth:`plan`), then extended by each batch."""

    def __init__(self, store: Store, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.store = store
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, np.ndarray] = {}
        self._loaded = False

    def _lean(self, sig: np.ndarray) -> Any:
        from datasketch import LeanMinHash

        return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)

    def _insert(self, key: str, sig: np.ndarray, lean: Any = None) -> None:
        if key in self.sigs:
            self.lsh.remove(key)
            del self.sigs[key]
        if not is_empty(sig):   # a text without words is nobody's duplicate
            self.sigs[key] = sig
            self.lsh.insert(key, lean if lean is not None else self._lean(sig))

    def load(self) -> list[tuple[str, str, np.ndarray]]:
        """Read the stored signatures into the index (once); returns ``(id, published,
        signature)`` of the stored articles that have none yet (signed here), which the
        first batch groups."""
        if self._loaded:
            return []
        self._loaded = True
        for key, blob in self.store.signatures():
            self._insert(key, from_blob(blob))
        return [(key, published, signature(text))
                for key, published, text in self.store.unsigned_articles()]

    def plan(self, batch: Iterable[tuple[str, str, str]]) -> GroupChanges:
        """The changes that storing ``batch`` (``(id, published, text)`` of each
        article about to be written, new or replacing a stored one) makes to the
        duplicate tables; the index is extended as if they were committed."""
        items = [(k, p, signature(t)) for k, p, t in batch]
        fresh = {k for k, _, _ in items}
        items = [u for u in self.load() if u[0] not in fresh] + items
        changes = GroupChanges(signatures=[(k, to_blob(s)) for k, _, s in items])
        if not items:
            return changes
        published = {k: p for k, p, _ in items}
        uf = _UnionFind()
        batch_keys = set(published)
        # A replaced article leaves its group: the rest is split again by its own links.
        current = self.store.groups_of(batch_keys)
        dissolved = set(current.values())
        members = self.store.group_members(dissolved) if dissolved else {}
        for ids in members.values():
            rest = [i for i in ids if i not in batch_keys and i in self.sigs]
            for i in rest:
                uf.add(i)
            for n, a in enumerate(rest):
                for b in rest[n + 1:]:
                    if similarity(self.sigs[a], self.sigs[b]) >= self.threshold:
                        uf.union(a, b)
        for key, _, _ in items:
            if key in self.sigs:
                self.lsh.remove(key)
                del self.sigs[key]
        for key, _, sig in items:
            uf.add(key)
            if is_empty(sig):
                continue
            lean = self._lean(sig)
            for other in self.lsh.query(lean):
                if similarity(sig, self.sigs[other]) >= self.threshold:
                    uf.union(key, other)
            self._insert(key, sig, lean)
        # The stored groups met are whole components already: they join as they are.
        neighbours = [x for x in list(uf.parent) if x not in batch_keys]
        met = {rep for x, rep in self.store.groups_of(neighbours).items()
               if rep not in dissolved}
        for rep, ids in self.store.group_members(met).items():
            for i in ids:
                uf.union(rep, i)
        outside = [x for x in uf.parent if x not in published]
        published.update(self.store.published_of(outside))
        changes.cleared = sorted(uf.parent)
        for comp in uf.components():
            if len(comp) < 2:
                continue
            rep = min(comp, key=lambda k: (published.get(k, ""), k))
            changes.groups += [(k, rep) for k in sorted(comp)]
        return changes
