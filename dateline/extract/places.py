"""Places: every place mention, geocoded offline against :mod:`dateline.gazetteer`.

Detection
    spaCy's GPE, LOC and FAC entities; ORG entities only when the whole mention
    names a country, first-level division, continent, sea or union (spaCy tags
    "EU" or "Crimea" as ORG at times); and, outside every entity, runs of proper
    nouns that name a country, division or curated feature, or a city of at least
    :data:`SCAN_MIN_POP` inhabitants (what spaCy missed, e.g. an all-caps
    dateline). Demonyms ("Syrian") are never place mentions.

Disambiguation
    Each candidate of a mention is scored by prominence (log population), kind
    (countries, then seas/continents, then divisions and regions, then cities),
    an exact match of its main name, capital status, and the article's context:
    the countries the article is about (named countries, demonyms and
    institutions found by the entities extractor, then the countries of places
    resolved in a first pass), the divisions other places lie in, an explicit
    container ("Paris, Texas", "Aleppo, Syria") and a kind word around the
    mention ("Idlib province", "province of Idlib", "Idlib city").

    A bare name shared by a city and the division around it ("Idlib", "Aleppo",
    "Hama") resolves to the city; "province", "governorate", "state", "region"
    or "oblast" beside it selects the division.

``confidence`` is the logistic of the score margin between the best and the
second-best candidate (0.9 when the name has one candidate).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span

from dateline.extract import Context, register
from dateline.gazetteer import Gazetteer, Place, gazetteer, haversine_km, name_key

#: spaCy labels whose mentions are looked up as places.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: Kinds of gazetteer entries an ORG mention may resolve to.
ORG_PLACE_KINDS = {"country", "admin1", "continent", "sea", "ocean", "union", "region"}
#: Smallest city found by the proper-noun scan outside spaCy's entities.
SCAN_MIN_POP = 100_000
#: Candidates kept per mention (by population) before scoring.
MAX_CANDIDATES = 60

ADMIN_WORDS = {"province", "provinces", "governorate", "state", "region", "oblast", "prefecture",
               "county", "district", "territory"}
CITY_WORDS = {"city", "town", "village"}
_TRAILING_WORD = re.compile(
    r"\s+(province|governorate|state|region|oblast|prefecture|city|town|county|district|"
    r"municipality|municipal district|township|parish|borough|lga)$", re.IGNORECASE)
_LEADING_WORDS = re.compile(
    r"^(?:(?:islamic |federal |democratic |people's )?republic of|kingdom of|state of|city of|"
    r"province of|commonwealth of|(?:north|south|east|west)(?:ern)?|central|upper|lower|"
    r"(?:north|south)[ -]?(?:east|west)(?:ern)?)\s+", re.IGNORECASE)
#: Words before a PERSON-tagged name that show it is a place ("in Tamil Nadu", "from Owerri").
LOCATIVE = {"in", "at", "from", "near", "across", "outside", "inside", "into", "throughout",
            "around", "toward", "towards", "via", "to"}
#: Labels of entities whose inside is scanned for embedded place names ("University of California").
EMBEDDING_LABELS = {"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}

KIND_PRIOR = {"country": 2.0, "continent": 1.5, "ocean": 1.5, "sea": 1.5, "union": 1.5,
              "admin1": 1.0, "region": 1.0, "river": 0.5, "city": 0.0}


def _mention_bounds(span: Span) -> tuple[int, int]:
    """Token bounds of ``span`` without a leading determiner or a trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a"):
        start += 1
    while end > start and span.doc[end - 1].lower_ in ("'s", "’s", "'"):
        end -= 1
    return start, end


class _Mention:
    __slots__ = ("start", "end", "tok_start", "tok_end", "text", "cands", "hint", "label",
                 "container", "best", "score", "second")

    def __init__(self, doc: Doc, tok_start: int, tok_end: int, label: str, cands: list[Place],
                 hint: str | None) -> None:
        self.tok_start, self.tok_end = tok_start, tok_end
        self.start = doc[tok_start].idx
        last = doc[tok_end - 1]
        self.end = last.idx + len(last.text)
        self.text = doc[tok_start:tok_end].text
        self.cands = cands
        self.hint = hint
        self.label = label
        self.container: _Mention | None = None
        self.best: Place | None = None
        self.score = 0.0
        self.second = -math.inf


def _hint(doc: Doc, start: int, end: int) -> str | None:
    """"admin1" or "city" when a kind word stands right after or before (``... of``) the mention."""
    if end < len(doc):
        word = doc[end].lower_
        if word in ADMIN_WORDS:
            return "admin1"
        if word in CITY_WORDS:
            return "city"
    if start >= 2 and doc[start - 1].lower_ == "of":
        word = doc[start - 2].lower_
        if word in ADMIN_WORDS:
            return "admin1"
        if word in CITY_WORDS:
            return "city"
    return None


def _candidates(gaz: Gazetteer, text: str) -> tuple[list[Place], str | None]:
    """Candidates for ``text`` and a kind hint taken from the text itself.

    Tried in turn: the text; without a leading "Republic of", "State of" or a
    direction ("north west London", "Western US"); without a trailing kind word
    ("Idlib province" -> admin1, "Idlib city" -> city, "Orange County" -> the
    place it is named after).
    """
    cands = gaz.lookup(text)
    hint = None
    if not cands:
        m = _LEADING_WORDS.match(text)
        if m and m.end() < len(text):
            rest = name_key(text[m.end():])
            # Only what the remainder names outright ("north west London" -> London).
            cands = [p for p in gaz.lookup(rest) if p.key == rest and _strong([p])]
    if not cands:
        m = _TRAILING_WORD.search(text)
        if m and m.start() > 0:
            cands = gaz.lookup(text[: m.start()])
            word = m.group(1).lower()
            hint = "city" if word in ("city", "town") else "admin1" if word in ADMIN_WORDS else None
    if len(cands) > MAX_CANDIDATES:
        cands = sorted(cands, key=lambda p: -p.population)[:MAX_CANDIDATES]
    return cands, hint


def _strong(cands: list[Place], min_pop: int = SCAN_MIN_POP) -> bool:
    """True when some candidate is a country, division or feature, or a city of ``min_pop`` people."""
    return any(p.kind != "city" or p.population >= min_pop for p in cands)


def _prune(cands: list[Place], hint: str | None) -> list[Place]:
    """Apply a kind hint, and drop a division when a city of the same name lies inside it.

    A hint does not apply to country names ("U.S. city", "Russia region").
    """
    if hint and any(p.kind == "country" for p in cands):
        hint = None
    if hint == "city":
        cities = [p for p in cands if p.kind == "city"]
        return cities or cands
    if hint == "admin1":
        admins = [p for p in cands if p.kind in ("admin1", "region")]
        return admins or cands
    inner = {(p.country, p.admin1) for p in cands if p.kind == "city" and p.population >= 50_000}
    if not inner:
        return cands
    return [p for p in cands if not (p.kind == "admin1" and (p.country, p.admin1) in inner)]


def _scan(doc: Doc, gaz: Gazetteer, lo: int, hi: int, covered: bytearray, label: str,
          mentions: list["_Mention"], whole: bool = True, min_pop: int = SCAN_MIN_POP) -> None:
    """Add the strong gazetteer matches among runs of proper nouns in tokens ``lo:hi``.

    A run is a sequence of proper nouns or all-caps words (datelines such as
    "OKLAHOMA CITY"); the longest match starting at each token wins. With
    ``whole`` false, a match may not span all of ``lo:hi`` (that span failed).
    """
    i = lo
    while i < hi:
        tok = doc[i]
        if covered[i] or not _nameish(tok):
            i += 1
            continue
        j = i
        while j < hi and j - i < 4 and not covered[j] and _nameish(doc[j]):
            j += 1
        found = False
        for end in range(j, i, -1):
            if not whole and i == lo and end == hi:
                continue
            text = doc[i:end].text
            cands, hint = _candidates(gaz, text)
            if not cands:
                continue
            # The longest run with candidates decides; a weak match does not fall back to a
            # shorter one ("San Marcos" is not "San"). Short tokens must be country names.
            found = True
            short = end - i == 1 and len(text.replace(".", "")) <= 4
            if (_strong(cands, min_pop) and not (short and not any(p.kind in ("country", "union") for p in cands))):
                hint = hint or _hint(doc, i, end)
                mentions.append(_Mention(doc, i, end, label, _prune(cands, hint), hint))
            i = end
            break
        if not found:
            i += 1


def _is_demonym(text: str) -> bool:
    """True for a demonym or nationality adjective of ``entities_demonyms.tsv``."""
    from dateline.extract.entities import demonym_table

    table = demonym_table()
    return text in table or text.rstrip("s") in table or text.endswith(("ian", "ese", "ish", "ians"))


def _nameish(tok) -> bool:
    """A token that may be part of a place name: a capitalised proper noun, or an all-caps word."""
    text = tok.text
    if not text[:1].isupper():
        return False
    if text.isupper():
        return len(text) > 1
    if any(ch.isupper() for ch in text[1:].replace("-", "").replace("'", "")) and not text.startswith(("Mc", "Mac")):
        return False  # "MoD", "iPhone"-like tokens are not place names
    return tok.pos_ == "PROPN"


def _detect(doc: Doc, gaz: Gazetteer) -> list[_Mention]:
    """Place mentions of ``doc`` with their gazetteer candidates, in text order."""
    mentions: list[_Mention] = []
    covered = bytearray(len(doc))
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            covered[i] = 1
    none = bytearray(len(doc))
    for ent in doc.ents:
        label = ent.label_
        start, end = _mention_bounds(ent)
        if start >= end or label in ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                                     "CARDINAL", "LANGUAGE"):
            continue
        text = doc[start:end].text
        cands, hint = _candidates(gaz, text)
        ok = bool(cands)
        if label == "ORG":
            ok = ok and any(p.kind in ORG_PLACE_KINDS for p in cands)
        elif label == "PERSON":
            # spaCy often takes "Tamil Nadu" or "Owerri" for a person: accept a place name
            # of two or more words that names a division or country, or any strong place
            # name right after a locative preposition.
            prev = doc[start - 1].lower_ if start > 0 else ""
            ok = ok and ((end - start >= 2 and any(p.kind in ("country", "admin1") for p in cands))
                         or (prev in LOCATIVE and _strong(cands, 1000)))
        elif label == "NORP":
            # spaCy sometimes tags a city as NORP ("Aleppo"); demonyms never are places.
            ok = ok and doc[end - 1].pos_ == "PROPN" and not _is_demonym(text) and _strong(cands)
        elif label not in PLACE_LABELS:
            ok = False
        if ok:
            hint = hint or _hint(doc, start, end)
            mentions.append(_Mention(doc, start, end, label, _prune(cands, hint), hint))
        elif label in PLACE_LABELS or label in EMBEDDING_LABELS:
            # Split what failed as a whole: "Greece Italy", "University of California".
            sub_label = label if label in PLACE_LABELS else "EMBEDDED"
            _scan(doc, gaz, start, end, none, sub_label, mentions, whole=False)
    # Proper-noun runs outside spaCy's entities.
    _scan(doc, gaz, 0, len(doc), covered, "SCAN", mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _context_countries(ctx: Context, mentions: list[_Mention]) -> Counter:
    """Weights of the countries the article is about, before any place is disambiguated."""
    weights: Counter = Counter()
    for ent in ctx.results.get("entities") or []:
        cc = ent.get("country")
        if cc and ent.get("label") in ("NORP", "ORG"):
            weights[cc] += 1
    for m in mentions:
        kinds = {p.kind for p in m.cands}
        if kinds == {"country"} or (len(m.cands) >= 1 and m.cands[0].kind == "country"
                                     and sum(p.kind == "country" for p in m.cands) == 1
                                     and max(p.population for p in m.cands) == m.cands[0].population):
            weights[m.cands[0].country] += 1
    return weights


def _score(place: Place, key: str, m: _Mention, countries: Counter, top: float,
           admins: Counter, points: list[tuple[float, float]], own: tuple | None) -> float:
    """The disambiguation score of ``place`` for mention ``m`` (higher is better)."""
    s = math.log10(place.population + 10) + KIND_PRIOR.get(place.kind, 0.0)
    if place.key == key:
        s += 0.5
    if place.capital:
        s += 0.7
    if place.country and top > 0:
        w = countries.get(place.country, 0)
        if w:
            s += 0.75 + 1.25 * w / top
    if place.kind == "city" and place.admin1:
        area = (place.country, place.admin1)
        if admins.get(area, 0) - (1 if area == own else 0) > 0:
            s += 1.0
    if points and place.kind == "city":
        if any(haversine_km(place.lat, place.lon, la, lo) < 150 for la, lo in points):
            s += 1.0
    if m.hint == "admin1" and place.kind in ("admin1", "region"):
        s += 3.0
    if m.container is not None:
        for c in m.container.cands:
            if (c.kind == "country" and c.country == place.country) or (
                    c.kind == "admin1" and (c.country, c.admin1) == (place.country, place.admin1)):
                s += 4.0
                break
    return s


def _resolve(mentions: list[_Mention], countries: Counter, admins: Counter,
             points_of: dict[int, list[tuple[float, float]]]) -> None:
    top = max(countries.values(), default=0)
    for idx, m in enumerate(mentions):
        key = name_key(m.text)
        best, best_s, second = None, -math.inf, -math.inf
        points = points_of.get(idx, [])
        own = (m.best.country, m.best.admin1) if m.best is not None else None
        for p in m.cands:
            s = _score(p, key, m, countries, top, admins, points, own)
            if s > best_s:
                best, best_s, second = p, s, best_s
            elif s > second:
                second = s
        m.best, m.score, m.second = best, best_s, second


def _link_containers(doc: Doc, mentions: list[_Mention]) -> None:
    """Mark "X, Y" pairs where Y may contain X (a country or a first-level division)."""
    for a, b in zip(mentions, mentions[1:]):
        if b.tok_start == a.tok_end + 1 and doc[a.tok_end].text == "," and any(
                p.kind in ("country", "admin1") for p in b.cands):
            a.container = b


def _record(m: _Mention, gaz: Gazetteer, ctx: Context) -> dict[str, Any]:
    p = m.best
    assert p is not None
    if len(m.cands) == 1:
        conf = 0.9
    else:
        conf = 1.0 / (1.0 + math.exp(-2.0 * (m.score - m.second)))
    admin1 = gaz.admin1_name(p.country, p.admin1) or (p.name if p.kind == "admin1" else None)
    return {
        "text": m.text, "start": m.start, "end": m.end, "sentence": ctx.sentence_of(m.start),
        "name": p.name, "country": p.country, "admin1": admin1, "admin1_code": p.admin1,
        "lat": round(p.lat, 5), "lon": round(p.lon, 5), "geonameid": p.geonameid,
        "kind": p.kind, "confidence": round(conf, 2), "embedded": m.label == "EMBEDDED",
    }


def resolve_doc(doc: Doc, ctx: Context, gaz: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Detect and geocode the place mentions of ``doc`` (see the module docstring)."""
    gaz = gaz or gazetteer()
    mentions = _detect(doc, gaz)
    if not mentions:
        return []
    _link_containers(doc, mentions)
    countries = _context_countries(ctx, mentions)
    _resolve(mentions, countries, Counter(), {})
    # Second pass: the countries, divisions and cities found in the first pass become context.
    countries2 = Counter(countries)
    admins: Counter = Counter()
    for m in mentions:
        if m.best is not None and m.best.country:
            countries2[m.best.country] += 0.5
            if m.best.kind in ("admin1", "city") and m.best.admin1:
                admins[(m.best.country, m.best.admin1)] += 1
    cities = [(i, m.best) for i, m in enumerate(mentions) if m.best is not None and m.best.kind == "city"]
    points_of: dict[int, list[tuple[float, float]]] = {}
    if len(cities) > 1:
        for idx, m in enumerate(mentions):
            key = name_key(m.text)
            points_of[idx] = [(p.lat, p.lon) for j, p in cities if j != idx and name_key(mentions[j].text) != key]
    _resolve(mentions, countries2, admins, points_of)
    return [_record(m, gaz, ctx) for m in mentions if m.best is not None]


@register("places")
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Geocoded place mentions: text, offsets, sentence, name, country, admin1, lat, lon, kind, confidence."""
    return resolve_doc(doc, ctx)
