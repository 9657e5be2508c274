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

import functools
import re
from collections import Counter, defaultdict

from dateline.extract.entities import title_table
from dateline.store import Store

#: Entity labels the alias table covers.
LABELS = ("PERSON", "ORG")
#: Share of the fitting longer names' mentions a name needs to take an ambiguous short form.
DOMINANCE = 2 / 3
_PARTICLES = {"al", "el", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin",
              "ibn", "ben", "la", "le", "du", "dos", "das", "abu"}
_SPLIT = re.compile(r"[\s\-‐.]+")
#: Small words left out of an acronym ("Organisation of the Islamic Conference" -> "oic").
_ACRONYM_STOP = {"of", "for", "the", "and", "on", "in", "de", "des", "du", "&"}


def _words(name: str) -> tuple[str, ...]:
    """Lower-cased words of ``name``; a run of single letters is one word ("U.N." -> "un")."""
    out: list[str] = []
    run = ""
    for w in _SPLIT.split(name.casefold().strip(" ,'’")):
        if len(w) == 1 and w.isalpha():
            run += w
            continue
        if run:
            out.append(run)
            run = ""
        if w and w not in ("'s", "’s"):
            out.append(w)
    if run:
        out.append(run)
    return tuple(out)


def _core(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for w in words if w not in _PARTICLES)


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w.strip(".") for t in title_table() for w in t.split())


def person_key(name: str) -> tuple[str, ...]:
    """The words of a person's name without leading titles ("President Vladimir Putin",
    "Mr. Putin", "Col Muammar Gaddafi" -> ("vladimir", "putin"), ("putin",), ...)."""
    words = _words(name)
    titles = _title_words()
    k = 0
    while k < len(words) - 1 and words[k] in titles:
        k += 1
    return words[k:]


@functools.lru_cache(maxsize=1)
def _country_prefixes() -> frozenset[tuple[str, ...]]:
    from dateline.extract.entities import _SHORT_COUNTRIES, demonym_table

    return frozenset(_words(w) for w in (*_SHORT_COUNTRIES, *demonym_table()))


def acronym_of(name: str) -> str | None:
    """The acronym an organisation's name spells: its own letters for "UN", "U.N.", "ICRC";
    the initials of the capitalised words for "United Nations" ("un"), where an acronym
    word gives all its letters ("UN Security Council" -> "unsc"); None otherwise."""
    raw = [w for w in re.split(r"[\s\-‐]+", name.strip()) if w]
    letters = name.replace(".", "").replace(" ", "")
    if len(raw) == 1 or all(len(w.strip(".")) == 1 for w in raw):
        return letters.casefold() if letters.isalpha() and letters.isupper() else None
    out = ""
    for w in raw:
        bare = w.replace(".", "")
        if w.casefold() in _ACRONYM_STOP:
            continue
        if not bare[:1].isupper() or not bare.isalpha():
            return None
        out += bare.casefold() if bare.isupper() and len(bare) <= 5 else bare[0].casefold()
    return out if len(out) >= 2 else None


def _fuzzy_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one letter changed, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _join(target: dict[tuple[str, ...], tuple[str, ...]], a: tuple[str, ...],
          b: tuple[str, ...]) -> None:
    """Union of the groups of ``a`` and ``b`` in the forest ``target``."""
    def root(x: tuple[str, ...]) -> tuple[str, ...]:
        while target[x] != x:
            x = target[x]
        return x
    ra, rb = root(a), root(b)
    if ra != rb:
        target[ra] = rb


def resolve(counts: Counter[str], person: bool) -> dict[str, str]:
    """Map each name of ``counts`` (name -> mentions) to its canonical form.

    Names with the same words (case, hyphens, dots, and for people leading titles aside)
    are one; a rare spelling one letter away from a name with five times its mentions
    joins it; for people, a name whose words are all in exactly one longer name (or a
    dominant one) joins it; for organisations, an acronym joins its one expansion
    ("UN" = "U.N." = "United Nations") and a name joins its one form with a country in
    front ("State Department" = "U.S. State Department"). A group is written as the most
    mentioned spelling among its untitled forms (a one-off never beats a frequent one)."""
    key = person_key if person else _words
    spellings: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for name, n in counts.items():
        spellings[key(name)][name] += n
    spellings.pop((), None)
    mentions = {w: sum(c.values()) for w, c in spellings.items()}
    target = {w: w for w in spellings}
    # a rare spelling one letter off a much more frequent one ("Barrack Obama")
    by_len: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    for w in spellings:
        by_len[len(w)].append(w)
    for w in spellings:
        joined = " ".join(w)
        if len(joined) < 8:
            continue
        near = [o for n in (len(w),) for o in by_len[n]
                if mentions[o] >= 5 * mentions[w] and _fuzzy_one(joined, " ".join(o))]
        if near:
            _join(target, w, max(near, key=lambda o: mentions[o]))
    if person:
        by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for w in spellings:
            core = [x for x in w if x not in _PARTICLES]
            if core:
                by_surname[core[-1]].append(w)
        for group in by_surname.values():
            for w in group:
                if target[w] != w:   # already a misspelling of another name
                    continue
                fits = [o for o in group if len(_core(o)) > len(_core(w)) and _core(w) <= _core(o)]
                # the most complete of the fitting names: drop those inside another fitting one
                tops = [o for o in fits if not any(_core(o) < _core(p) for p in fits)]
                if len(tops) == 1:
                    _join(target, w, tops[0])
                elif tops:
                    best = max(tops, key=lambda o: mentions[o])
                    if mentions[best] >= DOMINANCE * sum(mentions[o] for o in tops):
                        _join(target, w, best)
    else:
        _join_organisations(spellings, mentions, target)
    groups: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for w in spellings:
        r = w
        while target[r] != r:
            r = target[r]
        groups[r].append(w)
    written: dict[tuple[str, ...], str] = {}
    for r, members in groups.items():
        if person:   # a person is written in full: the most mentioned spelling of two words or more
            full = [w for w in members if len(_core(w)) >= 2]
            members = full or members
        c: Counter[str] = Counter()
        for w in members:
            c.update(spellings[w])
        plain = Counter({n: m for n, m in c.items() if not person or key(n) == _words(n)})
        pick = plain or c
        written[r] = max(pick, key=lambda n: (pick[n], len(key(n)), len(n), n))
    out = {}
    for name in counts:
        w = key(name)
        if w:
            while target[w] != w:
                w = target[w]
            out[name] = written[w]
    return out


def _join_organisations(spellings: dict[tuple[str, ...], Counter[str]],
                        mentions: dict[tuple[str, ...], int],
                        target: dict[tuple[str, ...], tuple[str, ...]]) -> None:
    """Join acronyms to their one (or dominant) expansion and country-less names to their
    one (or dominant) form with a country in front."""
    expansions: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    acronyms: dict[str, tuple[str, ...]] = {}
    for w, c in spellings.items():
        written = c.most_common(1)[0][0]
        acr = acronym_of(written)
        if acr is None:
            continue
        if len(w) == 1 and w[0] == acr:
            acronyms[acr] = w
        elif len(w) >= 2:
            expansions[acr].append(w)
    prefixes = _country_prefixes()
    stripped: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for w in spellings:
        for n in (1, 2):
            if len(w) > n + 1 and w[:n] in prefixes and w[n:] in spellings:
                stripped[w[n:]].append(w)
    pairs = [(acronyms[a], e) for a, e in expansions.items() if a in acronyms]
    pairs += list(stripped.items())
    for w, fits in pairs:
        best = max(fits, key=lambda o: mentions[o])
        if mentions[best] >= DOMINANCE * sum(mentions[o] for o in fits):
            _join(target, w, best)


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


def find_entity(store: Store, name: str) -> list[str]:
    """The store-wide names of the people and organisations ``name`` denotes, most
    mentioned first; empty when none. ``name`` may be a canonical name, any alias, a
    mention as written, a surname or a title and surname ("Putin", "President Putin",
    "Mr. Lavrov": the person of that surname with at least two thirds of its
    mentions, else all of them), or an acronym or its expansion ("U.N.", "United Nations")."""
    rows = store.db.execute("SELECT alias, label, canonical, mentions FROM aliases").fetchall()
    total: Counter[str] = Counter()
    for _, _, canonical, n in rows:
        total[canonical] += n
    words, pkey = _words(name), person_key(name)
    if not words:
        return []
    found = {c for a, _, c, _ in rows if _words(a) in (words, pkey) or person_key(a) == pkey
             or _words(c) == words}
    found |= {r[0] for r in store.db.execute(
        "SELECT DISTINCT coalesce(al.canonical, e.canonical) FROM entities e LEFT JOIN aliases"
        " al ON al.alias = e.canonical AND al.label = e.label WHERE (e.text = ?1 COLLATE NOCASE"
        " OR e.canonical = ?1 COLLATE NOCASE) AND e.label IN ('PERSON', 'ORG')", (name,))}
    if not found:
        core = _core(pkey)
        fits = {c for a, label, c, _ in rows if label == "PERSON" and core
                and core <= _core(person_key(a))}
        acr = acronym_of(name)
        if acr:
            fits |= {c for a, label, c, _ in rows if label == "ORG" and acronym_of(a) == acr}
        if fits:
            best = max(fits, key=lambda c: total[c])
            found = {best} if total[best] >= DOMINANCE * sum(total[c] for c in fits) else fits
    return sorted(found, key=lambda c: (-total[c], c))
