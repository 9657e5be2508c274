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
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from dateline.extract.entities import title_table
from dateline.store import WATCHED, Store, data_version

#: Entity labels the alias table covers.
LABELS = ("PERSON", "ORG")
#: Share of the fitting longer names' mentions a name needs to take an ambiguous short form.
DOMINANCE = 2 / 3
#: Share of a short name's mentions the longer name it joins must have at least.
MIN_SHARE = 1 / 5
_PARTICLES = {"al", "el", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin",
              "ibn", "ben", "la", "le", "du", "dos", "das", "abu"}
_SPLIT = re.compile(r"[\s\-‐.]+")
#: International bodies whose name may stand in front of one of their organs ("UN Security
#: Council", "EU Commission").
BODIES = ("UN", "EU", "NATO", "AU", "OPEC")
#: Legal-form words that end a company's name and may be left out ("BP Plc" = "BP",
#: "Transocean Ltd." = "Transocean").
LEGAL_SUFFIXES = {"plc", "ltd", "inc", "corp", "co", "llc", "sa", "ag", "nv", "limited",
                  "incorporated", "corporation"}
#: Generic words of companies' names, which alone name no one company ("Oil" of "Shell Oil
#: Co", "National" of "National Response Corp."); an organisation's head nouns are others.
GENERIC_COMPANY_WORDS = {"oil", "petroleum", "energy", "gas", "power", "national",
                         "international", "credit", "holdings", "general", "american",
                         "united", "first", "royal", "global", "capital", "resources",
                         "industries", "partners", "financial", "marine", "motor", "motors"}
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


@functools.lru_cache(maxsize=1)
def nickname_table() -> dict[str, frozenset[str]]:
    """Short first name -> the full forms it stands for ("ken" -> {"kenneth"})."""
    from dateline.data import read_rows

    out: defaultdict[str, set[str]] = defaultdict(set)
    for r in read_rows("entities_nicknames.tsv"):
        if len(r) >= 2:
            out[r[0].strip()].add(r[1].strip())
    return {k: frozenset(v) for k, v in out.items()}


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

    return frozenset(_words(w) for w in (*_SHORT_COUNTRIES, *demonym_table(), *BODIES))


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


def _and_at(name: str) -> int:
    """Index of the last word "and" in ``name``'s words (0 when there is none)."""
    words = name.split()
    return max((i for i, w in enumerate(words) if w.lower() == "and"), default=0)


def _fuzzy_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one letter changed, added or dropped, in a
    word of four letters or more ("Barrack Obama"; not "ABC News" for "BBC News")."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) and any(x != y and min(len(x), len(y)) < 4 for x, y in zip(wa, wb)):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


#: Letters that transliterations of one sound swap ("Gadhafi", "Qaddafi", "Kadhafi").
_SOUND = str.maketrans({"q": "k", "g": "k", "c": "k", "z": "s", "v": "f"})
_DIGRAPHS = (("ph", "f"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "k"), ("sh", "s"),
             ("ch", "k"))


def skeleton(word: str) -> str:
    """The consonant skeleton of a name word, the same for its usual transliterations:
    accents, vowels, h/w/y and doubled letters aside, similar sounds one letter
    ("Gadhafi", "Gaddafi", "Qaddafi" -> "kdf"; "Qaeda", "Qaida" -> "kd")."""
    w = unicodedata.normalize("NFKD", word.casefold())
    w = "".join(ch for ch in w if ch.isalpha() and ch.isascii())
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    w = "".join(ch for ch in w.translate(_SOUND) if ch not in "aeiouhwy")
    return re.sub(r"(.)\1+", r"\1", w)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance between ``a`` and ``b``."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


#: Fewest letters of a word that may be spelled another way and still be joined.
TRANSLIT_MIN = 5
#: Most letters a transliteration may change in one word.
TRANSLIT_EDITS = 2


def same_transliteration(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when names ``a`` and ``b`` (word tuples, particles aside) are two spellings of
    one name: word by word the same skeleton, and every word spelled differently has at
    least five letters and is at most two letters off ("Moammar Gadhafi" = "Muammar
    Qaddafi", "al-Qaeda" = "al-Qaida"; not "Dan Allen" = "Don Allen")."""
    ca, cb = [w for w in a if w not in _PARTICLES], [w for w in b if w not in _PARTICLES]
    if a == b or not ca or len(ca) != len(cb):
        return False
    for x, y in zip(ca, cb):
        if x == y:
            continue
        if (min(len(x), len(y)) < TRANSLIT_MIN or skeleton(x) != skeleton(y)
                or _edits(x, y) > TRANSLIT_EDITS):
            return False
    return True


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
    misspelt: set[tuple[str, ...]] = set()
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
            misspelt.add(w)
    # transliterations of one name, whatever their mentions ("Gadhafi", "Qaddafi")
    by_sound: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for w in spellings:
        by_sound[tuple(skeleton(x) for x in w if x not in _PARTICLES)].append(w)
    alike = dict(mentions)   # a name's mentions with those of its other spellings
    for group in by_sound.values():
        for i, w in enumerate(group):
            for o in group[i + 1:]:
                if same_transliteration(w, o):
                    _join(target, w, o)
                    alike[w] += mentions[o]
                    alike[o] += mentions[w]
    if person:
        # a short first name with the same other words as one full-form name ("Ken
        # Feinberg" = "Kenneth Feinberg"; not when "Steve" could be Stephen or Steven)
        nicknames = nickname_table()
        for w in spellings:
            if len(w) >= 2 and w[0] in nicknames:
                full = [(f, *w[1:]) for f in nicknames[w[0]] if (f, *w[1:]) in spellings]
                if len(full) == 1:
                    _join(target, w, full[0])
        by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for w in spellings:
            core = [x for x in w if x not in _PARTICLES]
            if core:
                by_surname[core[-1]].append(w)
        for group in by_surname.values():
            for w in group:
                if w in misspelt:   # already a misspelling of another name
                    continue
                fits = [o for o in group if len(_core(o)) > len(_core(w)) and _core(w) <= _core(o)]
                _join_dominant(target, w, fits, mentions, alike[w])
        # a first name alone that is nobody's surname ("Saddam" -> "Saddam Hussein")
        for w in spellings:
            core = [x for x in w if x not in _PARTICLES]
            if len(core) != 1 or w in misspelt or by_surname.get(core[0], [w]) != [w]:
                continue
            fits = [o for o in spellings if len(_core(o)) >= 2
                    and [x for x in o if x not in _PARTICLES][0] == core[0]]
            _join_dominant(target, w, fits, mentions, alike[w])
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


def _join_dominant(target: dict[tuple[str, ...], tuple[str, ...]], w: tuple[str, ...],
                   fits: list[tuple[str, ...]], mentions: dict[tuple[str, ...], int],
                   short: int) -> None:
    """Join the short name ``w`` to the most complete of the longer names ``fits`` that
    hold its words, when there is one, or one that has at least two thirds of their
    mentions (counting with each the fitting names inside it: "BST Tony Blair" speaks
    for the "Tony Blair" it holds); a one-word name only joins one with at least a
    fifth of ``short``, its mentions under all its spellings (one "Harvey Goldsmith"
    does not take seventy "Goldsmith")."""
    tops = [o for o in fits if not any(_core(o) < _core(p) for p in fits)]
    if not tops:
        return
    mass = {o: sum(mentions[p] for p in fits if _core(p) <= _core(o)) for o in tops}
    best = max(tops, key=lambda o: mass[o])
    if mass[best] >= DOMINANCE * sum(mentions[o] for o in fits) \
            and (len(_core(w)) > 1 or mass[best] >= MIN_SHARE * short):
        _join(target, w, best)


def _join_organisations(spellings: dict[tuple[str, ...], Counter[str]],
                        mentions: dict[tuple[str, ...], int],
                        target: dict[tuple[str, ...], tuple[str, ...]]) -> None:
    """Join acronyms to their one (or dominant) expansion, names without a country or
    international body in front to their one (or dominant) form with one ("Security
    Council" = "UN Security Council") or "Party" after it ("Labour" = "Labour Party"),
    a company's name with a legal form after it to the name without it ("BP Plc" = "BP"),
    a one-word name to the company whose full name opens or ends with it ("Shell" = "Royal
    Dutch Shell Plc"),
    and names of three words or more that differ only
    in word order ("Transitional National Council" = "National Transitional Council").
    An expansion or form dominates with the mentions of the spellings already joined to it."""
    by_words: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for w in spellings:
        if len(w) >= 3:
            by_words[tuple(sorted(w))].append(w)
    for group in by_words.values():
        for w in group[1:]:
            _join(target, w, group[0])
    expansions: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    tails: dict[str, list[tuple[str, ...]]] = defaultdict(list)
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
            if "and" in w[1:-1]:   # "Centers for Disease Control and Prevention" is also CDC
                head = acronym_of(" ".join(written.split()[:_and_at(written)]))
                if head and head != acr:
                    tails[head].append(w)
    prefixes = _country_prefixes()
    stripped: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for w in spellings:
        for n in (1, 2):
            if len(w) > n + 1 and w[:n] in prefixes and w[n:] in spellings:
                stripped[w[n:]].append(w)
    for w in spellings:   # "Labor" = "Labor Party"
        if len(w) >= 2 and w[-1] == "party" and w[:-1] in spellings:
            stripped[w[:-1]].append(w)
    for w in spellings:   # "BP" = "BP Plc", "Anadarko Petroleum" = "Anadarko Petroleum Corp."
        if len(w) >= 2 and w[-1] in LEGAL_SUFFIXES and w[:-1] in spellings:
            stripped[w].append(w[:-1])
    def root(x: tuple[str, ...]) -> tuple[str, ...]:
        while target[x] != x:
            x = target[x]
        return x
    # Optional countries, parties and legal forms first, then acronyms and their exact
    # expansions, then expansions with more words after "and"; a fitting name weighs with
    # its other spellings already joined ("Centres for Disease Control" with "US Centres
    # for Disease Control", against one "Center for Disease Control").
    acronym_pairs = [(acronyms[a], e) for a, e in expansions.items() if a in acronyms]
    tail_pairs = [(acronyms[a], e) for a, e in tails.items() if a in acronyms]
    for pairs in (list(stripped.items()), acronym_pairs, tail_pairs):
        mass: Counter[tuple[str, ...]] = Counter()
        for w in spellings:
            mass[root(w)] += mentions[w]
        for w, fits in pairs:
            roots = {root(o) for o in fits} - {root(w)}
            if not roots:
                continue
            best = max(roots, key=lambda r: (mass[r], r))
            if mass[best] >= DOMINANCE * sum(mass[r] for r in roots):
                _join(target, w, best)
    _join_short_company_names(spellings, mentions, target, root)


def _join_short_company_names(spellings: dict[tuple[str, ...], Counter[str]],
                              mentions: dict[tuple[str, ...], int],
                              target: dict[tuple[str, ...], tuple[str, ...]],
                              root: Callable[[tuple[str, ...]], tuple[str, ...]]) -> None:
    """Join a one-word organisation name to the one company (or the dominant one) whose
    full name opens or ends with that word, a company being a name the store also writes
    with its legal form ("Exxon" = "Exxon Mobil", written "Exxon Mobil Corp"; "Shell" =
    "Royal Dutch Shell", written "Royal Dutch Shell Plc"; not "Ford" = "Ford Foundation").
    Acronyms, title words, generic words ("Oil", "National") and countries or big cities
    are left alone."""
    from dateline.extract.entities import ORG_HEADS, _is_big_place

    groups: defaultdict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for w in spellings:
        groups[root(w)].append(w)
    ends: defaultdict[str, set[tuple[str, ...]]] = defaultdict(set)
    for r, members in groups.items():
        if not any(len(m) >= 2 and m[-1] in LEGAL_SUFFIXES for m in members):
            continue
        for m in members:
            core = m[:-1] if m[-1] in LEGAL_SUFFIXES else m
            if len(core) >= 2:
                ends[core[0]].add(r)
                ends[core[-1]].add(r)
    mass: Counter[tuple[str, ...]] = Counter()
    for w in spellings:
        mass[root(w)] += mentions[w]
    titles = _title_words()
    for w, c in spellings.items():
        written = c.most_common(1)[0][0]
        if len(w) != 1 or w[0] not in ends or acronym_of(written) or w[0] in titles \
                or w[0] in LEGAL_SUFFIXES | GENERIC_COMPANY_WORDS | ORG_HEADS \
                or _is_big_place(written):
            continue
        roots = ends[w[0]] - {root(w)}
        if roots:
            best = max(roots, key=lambda r: (mass[r], r))
            if mass[best] >= DOMINANCE * sum(mass[r] for r in roots):
                _join(target, w, best)


#: Labels of places in the entities table.
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: How many times more person mentions a one-word organisation needs to become a person.
PERSON_OVER_ORG = 3


def store_labels(counts: dict[str, Counter[str]], titled: set[str],
                 medicines: Counter[str] | None = None) -> dict[tuple[str, str], str]:
    """Labels the store as a whole corrects, as (name, old label) -> new label, from
    ``counts`` (label -> name -> mentions), the names of people seen with a title and
    ``medicines`` (name -> articles writing it as a medicine, :func:`_medicines`):

    - a name labelled PERSON that is as often or more often labelled a place, never had
      a title and is no short name of a fuller person's, is a place ("Brega" where some
      articles wrote "the town of Brega"; not "Mubarak" of "Hosni Mubarak");
    - a one-word name labelled ORG that the people of the store take as a short name of
      one of theirs with three times its mentions is that person ("Gadhafi's troops"), or
      with more mentions when the word is in no longer organisation's name mentioned twice
      or more ("Hayward said" beside "Tony Hayward"; not "Ford" beside "Ford Motor");
    - a name of two words or more labelled ORG that the store gives a title as a person
      is that person ("Nicola Sturgeon" where an article wrote "health secretary Nicola
      Sturgeon");
    - a name labelled PERSON or ORG that two articles of the store or more write as a
      medicine (``medicines``: "the antiviral drug Tamiflu"), never with a title and no
      known organisation, is a medicine wherever it stands alone ("Tamiflu works")."""
    from dateline.extract.entities import institution_table, is_known_organisation

    people, orgs = counts.get("PERSON", Counter()), counts.get("ORG", Counter())
    out: dict[tuple[str, str], str] = {}
    as_people = resolve(people, person=True)
    for name, n in people.items():
        placed = Counter({lab: counts.get(lab, Counter())[name] for lab in PLACE_LABELS})
        fuller = len(_core(_words(as_people[name]))) > len(_core(_words(name)))
        if name not in titled and not fuller and sum(placed.values()) >= max(n, 2):
            out[name, "PERSON"] = placed.most_common(1)[0][0]
    single = {name: n for name, n in orgs.items() if len(_words(name)) == 1
              and acronym_of(name) is None and not name.islower()
              and not is_known_organisation(name) and name.lower() not in institution_table()}
    if single:
        merged = resolve(people + Counter(single), person=True)
        size: Counter[str] = Counter()
        for name, n in people.items():
            size[merged[name]] += n
        in_longer = {w for name, m in orgs.items() if len(_words(name)) >= 2 and m >= 2
                     for w in _words(name)}   # not a one-off glued form ("AP Hayward")
        for name, n in single.items():
            person = merged[name]
            if len(_core(_words(person))) >= 2 and (
                    size[person] >= PERSON_OVER_ORG * n
                    or (size[person] > n and _words(name)[0] not in in_longer)):
                out[name, "ORG"] = "PERSON"
    for name in orgs:
        if name in titled and len(_words(name)) >= 2 and not is_known_organisation(name) \
                and name.lower() not in institution_table():
            out[name, "ORG"] = "PERSON"
    for name, n in (medicines or Counter()).items():
        if n >= 2 and name not in titled \
                and not is_known_organisation(name):
            for label in ("PERSON", "ORG"):
                if name in counts.get(label, Counter()):
                    out[name, label] = "PRODUCT"
    return out


#: A drug noun written right before a name, perhaps with a comma, "like", "such as" or
#: "including" between ("the antiviral drug ", "antivirals such as "), as the entities
#: extractor reads it.
_DRUG_BEFORE = re.compile(r"\b(?:drugs?|anti-?virals?|vaccines?|medicines?|medications?)"
                          r"\s*(?:,|like|including|such as)?\s*$", re.I)


def _medicines(store: Store) -> Counter[str]:
    """Name -> articles writing it as a medicine: labelled PRODUCT with a drug noun right
    before it and no possessive after it. spaCy's own PRODUCT labels ("Anadarko") are no
    evidence."""
    found: defaultdict[str, set[int]] = defaultdict(set)
    for name, article, before, after in store.db.execute(
            "SELECT e.canonical, e.article, substr(a.text, max(1, e.start - 39),"
            " min(e.start, 40)), substr(a.text, e.\"end\" + 1, 3) FROM entities e"
            " JOIN articles a ON a.rowid = e.article WHERE e.label = 'PRODUCT'"
            " AND e.canonical IS NOT NULL"):
        if _DRUG_BEFORE.search(before) and not after.lstrip().startswith(("'s", "’s")):
            found[name].add(article)
    return Counter({name: len(articles) for name, articles in found.items()})


def build_aliases(store: Store) -> int:
    """Correct the labels the store as a whole corrects (:func:`store_labels`), then
    rebuild the ``aliases`` table from the store's entities; return its row count."""
    by_label: dict[str, Counter[str]] = defaultdict(Counter)
    for label, name, n in store.db.execute(
            "SELECT label, canonical, count(*) FROM entities WHERE canonical IS NOT NULL"
            " AND label IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC') GROUP BY label, canonical"):
        by_label[label][name] = n
    titled = {r[0] for r in store.db.execute(
        "SELECT DISTINCT canonical FROM entities WHERE label = 'PERSON'"
        " AND extra LIKE '%\"title\"%'")}
    fixes = store_labels(by_label, titled, _medicines(store))
    with store.db:
        store.db.executemany("UPDATE entities SET label = ? WHERE canonical = ? AND label = ?",
                             [(new, name, old) for (name, old), new in fixes.items()])
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


class _AliasIndex:
    """What :func:`find_entity` looks names up in, made once from a store's alias rows:
    the canonical names by the words of each alias, of each alias as a person's name,
    and of each canonical name; mentions per canonical name; the store-wide name of each
    (alias, label); the name core of each person alias; the acronym of each organisation
    alias."""

    def __init__(self, rows: Iterable[tuple[str, str, str, int]]) -> None:
        self.total: Counter[str] = Counter()
        by_words: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
        by_key: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
        by_canonical: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
        acronyms: defaultdict[str, set[str]] = defaultdict(set)
        self.store_name: dict[tuple[str, str], str] = {}
        self.person_cores: list[tuple[frozenset[str], str]] = []
        for alias, label, canonical, n in rows:
            self.total[canonical] += n
            by_words[_words(alias)].add(canonical)
            key = person_key(alias)
            by_key[key].add(canonical)
            by_canonical[_words(canonical)].add(canonical)
            self.store_name[(alias, label)] = canonical
            if label == "PERSON":
                self.person_cores.append((_core(key), canonical))
            elif label == "ORG" and (acr := acronym_of(alias)):
                acronyms[acr].add(canonical)
        self.by_words, self.by_key = dict(by_words), dict(by_key)
        self.by_canonical_words, self.org_acronyms = dict(by_canonical), dict(acronyms)


#: Per process, the alias index of the latest stores read: {file: (data version, index)}.
_INDEXES: dict[Path, tuple[tuple[int, ...], _AliasIndex]] = {}
_INDEXES_LOCK = threading.Lock()


def _alias_index(store: Store) -> _AliasIndex:
    """The alias index of ``store``, made again only after a commit to the file (its
    :func:`~dateline.store.data_version` changed): reading and keying the whole alias
    table takes ~0.1 s on a large store, a dictionary look-up takes microseconds."""
    version = data_version(store.path)
    path = store.path.resolve()
    with _INDEXES_LOCK:   # one thread makes it; the others wait for it, not redo it
        held = _INDEXES.get(path)
        if version is not None and held is not None and held[0] == version:
            return held[1]
        index = _AliasIndex(store.db.execute(
            "SELECT alias, label, canonical, mentions FROM aliases").fetchall())
        if version is not None:
            _INDEXES.pop(path, None)
            _INDEXES[path] = (version, index)
            while len(_INDEXES) > WATCHED:
                _INDEXES.pop(next(iter(_INDEXES)))
        return index


def _written(store: Store, text: str) -> set[tuple[str, str]]:
    """The distinct ``(canonical, label)`` of the PERSON and ORG mentions written as
    ``text`` (any case). The (text, label, canonical) index is read one distinct value
    at a time, jumping past the rest of its rows: the work grows with the distinct
    names, not with the mentions (a surname can have hundreds of thousands)."""
    found: set[tuple[str, str]] = set()
    for label in LABELS:
        last = ""
        while row := store.db.execute(
                "SELECT canonical FROM entities INDEXED BY entities_text WHERE text = ?"
                " COLLATE NOCASE AND label = ? AND canonical > ? ORDER BY canonical LIMIT 1",
                (text, label, last)).fetchone():
            last = row[0]
            found.add((last, label))
    return found


def find_entity(store: Store, name: str) -> list[str]:
    """The store-wide names of the people and organisations ``name`` denotes, most
    mentioned first; empty when none. ``name`` may be a canonical name, any alias, a
    mention as written, a surname or a title and surname ("Putin", "President Putin",
    "Mr. Lavrov": the person of that surname with at least two thirds of its
    mentions, else all of them), or an acronym or its expansion ("U.N.", "United Nations")."""
    index = _alias_index(store)
    total = index.total
    words, pkey = _words(name), person_key(name)
    if not words:
        return []
    found = set().union(*(table.get(key, ()) for table, key in (
        (index.by_words, words), (index.by_words, pkey), (index.by_key, pkey),
        (index.by_canonical_words, words))))
    # The mentions written so, and (only when the alias table, filled at the end of an
    # ingest, knows no such name) those whose canonical name it is; their names are
    # mapped to their store-wide names here, not joined row by row (a name can have
    # hundreds of thousands of mentions).
    store_name = index.store_name
    found |= {store_name.get(pair, pair[0]) for pair in _written(store, name)}
    if not found:
        found |= {store_name.get((r[0], r[1]), r[0]) for r in store.db.execute(
            "SELECT DISTINCT canonical, label FROM entities WHERE canonical = ? COLLATE NOCASE"
            " AND label IN ('PERSON', 'ORG')", (name,))}
    if not found:
        core = _core(pkey)
        fits = {c for person, c in index.person_cores if core and core <= person}
        acr = acronym_of(name)
        if acr:
            fits |= index.org_acronyms.get(acr, set())
        if fits:
            best = max(fits, key=lambda c: total[c])
            found = {best} if total[best] >= DOMINANCE * sum(total[c] for c in fits) else fits
    return sorted(found, key=lambda c: (-total[c], c))
