"""The store-wide alias table: one name for each person or organisation.

Within an article the entities extractor already joins short mentions to the
longest form ("Lavrov" -> "Sergei Lavrov"). Across articles the same person may
still appear as "Assad" (an article that never gave the full name), "Bashar al
Assad" and "Bashar al-Assad". :func:`build_aliases` maps every such canonical
name to the most complete form seen anywhere in the store:

- spellings that differ only in case, hyphens or spaces are one name, written as
  its most mentioned spelling;
- a person's name whose words (particles such as "al" or "de" aside) are all in
  exactly one longer name with the same surname maps to that name; when several
  longer names fit ("Trump": "Donald Trump", "Ivanka Trump"), it maps to the one
  with at least two thirds of their mentions, else stays as it is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from dateline.store import Store

#: Entity labels the alias table covers.
LABELS = ("PERSON", "ORG")
#: Share of the fitting longer names' mentions a name needs to take an ambiguous short form.
DOMINANCE = 2 / 3
_PARTICLES = {"al", "el", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin",
              "ibn", "ben", "la", "le", "du", "dos", "das", "abu"}
_SPLIT = re.compile(r"[\s\-‐.]+")


def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in _SPLIT.split(name.casefold()) if w)


def _core(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for w in words if w not in _PARTICLES)


def resolve(counts: Counter[str], person: bool) -> dict[str, str]:
    """Map each name of ``counts`` (name -> mentions) to its canonical form."""
    spellings: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for name, n in counts.items():
        spellings[_words(name)][name] += n
    # one spelling per word sequence: the most mentioned, then the first in order
    written = {w: c.most_common(1)[0][0] for w, c in spellings.items() if w}
    mentions = {w: sum(c.values()) for w, c in spellings.items() if w}
    target = {w: w for w in written}
    if person:
        by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for w in written:
            core = [x for x in w if x not in _PARTICLES]
            if core:
                by_surname[core[-1]].append(w)
        for group in by_surname.values():
            for w in group:
                fits = [o for o in group if len(_core(o)) > len(_core(w)) and _core(w) <= _core(o)]
                # the most complete of the fitting names: drop those inside another fitting one
                tops = [o for o in fits if not any(_core(o) < _core(p) for p in fits)]
                if len(tops) == 1:
                    target[w] = tops[0]
                elif tops:
                    best = max(tops, key=lambda o: mentions[o])
                    if mentions[best] >= DOMINANCE * sum(mentions[o] for o in tops):
                        target[w] = best
    out = {}
    for name in counts:
        w = _words(name)
        if w:
            out[name] = written[target[w]]
    return out


def build_aliases(store: Store) -> int:
    """Rebuild the ``aliases`` table from the store's entities; return its row count."""
    rows = []
    for label in LABELS:
        counts = Counter({name: n for name, n in store.db.execute(
            "SELECT canonical, count(*) FROM entities WHERE label = ? AND canonical IS NOT NULL"
            " GROUP BY canonical", (label,))})
        for alias, canonical in resolve(counts, person=label == "PERSON").items():
            rows.append((alias, label, canonical, counts[alias]))
    with store.db:
        store.db.execute("DELETE FROM aliases")
        store.db.executemany("INSERT INTO aliases (alias, label, canonical, mentions)"
                             " VALUES (?, ?, ?, ?)", rows)
    return len(rows)
