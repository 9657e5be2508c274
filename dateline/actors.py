"""Actor coding: from the words news uses for an actor to a country and a sector.

Codes follow CAMEO/PLOVER practice: ``country`` is an ISO 3166-1 alpha-3 code,
or ``IGO``/``NGO``/``IMG`` for international organisations, NGOs and
transnational armed groups that have no country; ``sector`` is an agent code
(GOV, MIL, REB, OPP, IGO, NGO, CVL, COP, JUD, LEG, MED, ...), or ``None`` where
the words name only a country ("Turkey").

Three tables under ``dateline/data`` drive it:

* ``actors_countries.tsv`` -- country names, demonyms, capitals and seats of
  government ("Damascus", "the Kremlin" -> GOV);
* ``actors_orgs.tsv`` -- institutions, armed groups and companies;
* ``actors_people.tsv`` -- political figures, heads of international bodies and
  of companies, with the surname news names them by alone and when that surname
  is safe to read as them (:meth:`ActorTables.find_surnames`);
* ``actors_sectors.tsv`` -- role words (president, troops, militants, ...).

Aliases are tokenised like the text, so a whole document is scanned once,
token by token, at the positions where an alias may start
(:class:`ActorIndex`); a phrase is then coded from the matches that fall
inside it (:func:`code_matches`).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from dateline.data import read_rows

#: Folder of the curated tables.

#: Dependency labels whose subtrees are *not* part of an actor's phrase.
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "conj", "cc", "punct", "ccomp", "xcomp"})

#: Pronouns that refer back to an actor named elsewhere.
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our"})


@dataclass(frozen=True)
class Alias:
    """What one alias means: a country code (or None) and a sector (or None).

    ``kind`` is "org" (named actor), "country" or "sector" (a role word).
    """

    country: str | None
    sector: str | None
    kind: str
    #: The full name of the person (actors_people.tsv) an alias names; "" for others.
    person: str = ""

    @property
    def place_country(self) -> str | None:
        """The country a mention of this alias says a text is about: its country code, but
        none for an international organisation (IGO, NGO, IMG) or a company (BUS), whose home
        is not the story's ("BP" in a story about the Gulf coast). A person's country counts:
        leaving it out lost the country of most role words in stories about one country's
        leaders ("security forces" in a story naming Assad)."""
        if self.country in ("IGO", "NGO", "IMG") or self.sector == "BUS":
            return None
        return self.country


@dataclass(frozen=True)
class Match:
    """One alias found in a text: character offsets and what it means."""

    start: int
    end: int
    alias: Alias


@functools.lru_cache(maxsize=1)
def _feature_words() -> frozenset[str]:
    """Words opening the name of a natural feature before "of" ("Gulf of Mexico", "Sea of
    Japan"): the ``feature`` rows of places_words.tsv, which the places extractor reads too."""
    return frozenset(word.strip().lower() for role, word, *_ in read_rows("places_words.tsv")
                     if role == "feature")


def _in_feature_name(doc: Doc, m: Match) -> bool:
    """Whether country match ``m`` is the end of a natural feature's name ("Mexico" of "the
    Gulf of Mexico"): a sea, gulf or strait is no mention of that country, neither as an
    actor nor as what a story is about (a story of a leaking well off Louisiana in that
    gulf is about the United States)."""
    if m.alias.kind != "country":
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    i = span.start if span is not None else 0
    return (i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _feature_words()
            and doc[i - 2].text[:1].isupper())


def _case_sensitive(alias: str) -> bool:
    """Short all-capital aliases (US, UN, IS, EC) only match in capitals."""
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 4


#: Prefixes that keep a role word after their hyphen a role ("vice-president").
_ROLE_PREFIXES = frozenset({"ex", "vice", "co", "deputy", "acting", "former", "under"})


def _word_part(tokens: Sequence[Token] | Doc, i: int) -> bool:
    """Whether token ``i`` is the second part of a hyphened word ("secretary-general",
    "anti-government", "Ki-moon"): no role of its own."""
    if i < 2:
        return False
    hyphen, before = tokens[i - 1], tokens[i - 2]
    return (hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_
            and before.is_alpha and before.lower_ not in _ROLE_PREFIXES)


#: Role words whose plural names another kind of body ("aid agencies" are no news agency,
#: "all parties" to a conflict no political parties).
_NO_PLURAL = frozenset({"agency", "naval", "party"})


def _plural(word: str) -> str | None:
    """The regular English plural of a singular role word ("judge": "judges", "ministry":
    "ministries", "spokesman": "spokesmen"), or None for a word that is already plural,
    no noun of one ("naval", "displaced") or in :data:`_NO_PLURAL`."""
    if word in _NO_PLURAL or not word.isalpha() or word.endswith(("s", "ed", "ary")):
        return None
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("ch", "sh", "x")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


class ActorTables:
    """The three actor tables as lookups keyed by spaCy token sequences.

    Aliases are tokenised with the pipeline's tokenizer, so they are found in a
    parsed document by comparing tokens ("Taiwan's" is "Taiwan" + "'s",
    "Vietnamese-led" is "Vietnamese" + "-" + "led").
    """

    def __init__(self) -> None:
        from dateline.nlp import load_model

        tokenizer = load_model().tokenizer
        ci: dict[tuple[str, ...], Alias] = {}
        cs: dict[tuple[str, ...], Alias] = {}
        plurals: dict[tuple[str, ...], Alias] = {}
        # Later tables override earlier ones: role words < countries < named actors.
        for name, kind in (
            ("actors_sectors.tsv", "sector"),
            ("actors_countries.tsv", "country"),
            ("actors_orgs.tsv", "org"),
        ):
            for row in read_rows(name):
                row += [""] * (3 - len(row))
                if kind == "sector":
                    alias, country, sector = row[0], "", row[1]
                else:
                    alias, country, sector = row[0], row[1], row[2]
                alias = alias.strip()
                if not alias:
                    continue
                words = tuple(t.text for t in tokenizer(alias) if not t.is_space)
                if len(words) > 1 and words[0].lower() == "the":
                    words = words[1:]  # "The Gambia": "the" is matched as any word
                value = Alias(country.strip() or None, sector.strip() or None, kind)
                if _case_sensitive(alias):
                    cs[words] = value
                else:
                    key = tuple(w.lower() for w in words)
                    ci[key] = value
                    plural = _plural(key[-1]) if kind == "sector" else None
                    if plural is not None:
                        plurals.setdefault(key[:-1] + (plural,), value)
            if kind == "sector":
                # "the judges", "governors": a role word's plural is the same role,
                # unless the table gives the plural a row of its own
                for key, value in plurals.items():
                    ci.setdefault(key, value)
        self._load_people(tokenizer, ci, cs)
        self.tokenizer = tokenizer
        self.ci = ci
        self.cs = cs
        # First token of every alias -> longest alias length in tokens; lower
        # case for the case-insensitive aliases, as written for the others.
        self.first_ci: dict[str, int] = {}
        self.first_cs: dict[str, int] = {}
        for table, first in ((ci, self.first_ci), (cs, self.first_cs)):
            for key in table:
                first[key[0]] = max(first.get(key[0], 0), len(key))
        from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

        self.ci_hashes = np.array(sorted(hash_string(w) for w in self.first_ci), dtype=np.uint64)
        self.cs_hashes = np.array(sorted(hash_string(w) for w in self.first_cs), dtype=np.uint64)

    def _load_people(self, tokenizer, ci: dict[tuple[str, ...], Alias],
                     cs: dict[tuple[str, ...], Alias]) -> None:
        """Add ``actors_people.tsv``: every full name (and its unaccented spelling) as
        an alias of kind "org"; a surname whose rule is ``alone`` as an alias too,
        unless people of different countries share it or it is already another
        table's word; and every surname into :attr:`surnames` for
        :meth:`find_surnames`."""
        #: surname tokens -> [(person's alias, rule)]
        self.surnames: dict[tuple[str, ...], list[tuple[Alias, str]]] = {}
        alone: dict[tuple[str, ...], list[Alias]] = {}
        for row in read_rows("actors_people.tsv"):
            row += [""] * (5 - len(row))
            name, country, sector, surname, rule = (f.strip() for f in row[:5])
            if not name:
                continue
            value = Alias(country or None, sector or None, "org", name)
            for spelling in _spellings(name):
                words = tuple(t.text for t in tokenizer(spelling) if not t.is_space)
                ci.setdefault(tuple(w.lower() for w in words), value)
            for spelling in _spellings(surname) if surname else ():
                words = tuple(t.text for t in tokenizer(spelling) if not t.is_space)
                entries = self.surnames.setdefault(words, [])
                if all(a.person != name for a, _ in entries):
                    entries.append((value, rule or "title"))
                if rule == "alone":
                    alone.setdefault(words, []).append(value)
        for words, people in alone.items():
            key = tuple(w.lower() for w in words)
            sharers = {a.country for a, _ in self.surnames[words]}
            if len(sharers) == 1 and key not in ci and words not in cs:
                ci[key] = people[0]
        self.surname_first: dict[str, int] = {}
        for words in self.surnames:
            self.surname_first[words[0]] = max(self.surname_first.get(words[0], 0), len(words))
        from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

        self.surname_hashes = np.array(sorted(hash_string(w) for w in self.surname_first),
                                       dtype=np.uint64)

    def find_surnames(self, tokens: Sequence[Token] | Doc, matches: list[Match],
                      starts: Iterable[int]) -> list[Match]:
        """``matches`` with the surnames of table people added where they name one
        (trying positions ``starts``): a surname ("Cameron", "Mr Hayward") names the
        person of that surname whom the text names in full somewhere ("David
        Cameron"); where it names none, it names the table's one person of that surname
        when a title stands before it ("Mr", "President", "Prime Minister"; a
        particle "al-", "de" may come between) and the table's rule for it is not
        ``full``. Never inside another match, nor as a word of another name ("Liam
        Fox", "the Hague", "Cook Islands"), nor (without a title) where the parse
        reads a date or number ("May 5"). People of one surname who differ in
        country name nobody by it alone; of one country but different sectors, they
        give the country and no sector."""
        if not self.surnames:
            return matches
        named = {m.alias.person for m in matches if m.alias.person}
        spans = [(m.start, m.end) for m in matches]
        begins = [sp[0] for sp in spans]
        n = len(tokens)
        added: list[Match] = []
        for i in starts:
            tok = tokens[i]
            longest = self.surname_first.get(tok.text, 0)
            if not longest:
                continue
            k = bisect.bisect_right(begins, tok.idx) - 1
            if k >= 0 and spans[k][0] <= tok.idx < spans[k][1]:
                continue  # inside a name the tables know ("Thomas Cook", "Liam Fox")
            words: tuple[str, ...] = ()
            for size in range(min(longest, n - i), 0, -1):
                cand = tuple(tokens[j].text for j in range(i, i + size))
                if cand in self.surnames:
                    words = cand
                    break
            if not words:
                continue
            last = tokens[i + len(words) - 1]
            after = tokens[i + len(words)] if i + len(words) < n else None
            if after is not None and after.is_alpha and after.is_title:
                continue  # the first word of a longer name ("Cook Islands")
            j = i - 1
            while j >= 0 and (tokens[j].text == "-" or tokens[j].lower_ in _PARTICLES):
                j -= 1
            before = tokens[j] if j >= 0 else None
            titled = before is not None and before.lower_.rstrip(".") in _title_words()
            if not titled:
                if before is not None and (before.lower_ == "the" or (
                        before.is_alpha and before.is_title and before.pos_ in ("PROPN", ""))):
                    continue  # another's first name ("Liam Fox"), "the Hague"
                if tok.ent_type_ in _NOT_NAMES:
                    continue
            people = self.surnames[words]
            pick = [a for a, _ in people if a.person in named]
            if not pick and titled and all(rule != "full" for _, rule in people):
                pick = [a for a, _ in people]
            if not pick or len({a.country for a in pick}) != 1:
                continue
            alias = pick[0]
            if len({a.sector for a in pick}) > 1:
                alias = Alias(alias.country, None, "org", alias.person)
            added.append(Match(tok.idx, last.idx + len(last.text), alias))
        if not added:
            return matches
        return sorted(matches + added, key=lambda m: m.start)

    def find_tokens(self, tokens: Sequence[Token] | Doc, starts: Iterable[int]) -> list[Match]:
        """Alias matches in a token sequence, trying only positions ``starts``
        (sorted); the longest alias at a position wins and the scan resumes
        after it."""
        out: list[Match] = []
        first_ci, first_cs, ci, cs = self.first_ci, self.first_cs, self.ci, self.cs
        n = len(tokens)
        resume = 0
        for i in starts:
            if i < resume:
                continue
            tok = tokens[i]
            maxlen = max(first_ci.get(tok.lower_, 0), first_cs.get(tok.text, 0))
            if not maxlen:
                continue
            if maxlen == 1:
                alias = cs.get((tok.text,)) or ci.get((tok.lower_,))
                if alias is not None and not (alias.kind == "sector" and _word_part(tokens, i)):
                    out.append(Match(tok.idx, tok.idx + len(tok.text), alias))
                continue
            span = [tokens[j] for j in range(i, min(i + maxlen, n))]
            texts = [t.text for t in span]
            lowers = [t.lower_ for t in span]
            for k in range(len(span), 0, -1):
                alias = cs.get(tuple(texts[:k])) or ci.get(tuple(lowers[:k]))
                if alias is not None and not (alias.kind == "sector" and _word_part(tokens, i)):
                    last = span[k - 1]
                    out.append(Match(tok.idx, last.idx + len(last.text), alias))
                    resume = i + k
                    break
        return out

    def find_doc(self, doc: Doc) -> list[Match]:
        """All alias matches in a parsed document, left to right."""
        if len(doc) == 0:
            return []
        from spacy.attrs import LOWER, ORTH

        arr = doc.to_array([LOWER, ORTH])
        hit = np.isin(arr[:, 0], self.ci_hashes) | np.isin(arr[:, 1], self.cs_hashes)
        starts = np.nonzero(hit)[0].tolist()
        found = [m for m in self.find_tokens(doc, starts) if not _in_feature_name(doc, m)]
        names = np.nonzero(np.isin(arr[:, 1], self.surname_hashes))[0].tolist()
        return self.find_surnames(doc, found, names) if names else found

    def find(self, text: str) -> list[Match]:
        """All alias matches in a free text, left to right."""
        doc = self.tokenizer(text)
        return self.find_surnames(doc, self.find_tokens(doc, range(len(doc))), range(len(doc)))


#: Particles that may stand between a title and a surname ("Mr al-Maliki", "Mr de Villepin").
_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "de", "van", "von", "der", "zu",
                        "la", "le", "da", "dos", "di", "du", "del", "bin", "ibn"})
#: Entity labels of a word that is then no surname ("May 5": a date).
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                        "LANGUAGE", "LAW", "EVENT", "WORK_OF_ART", "NORP"})
#: Titles after which a surname is not the table's person: who speaks or writes for
#: another ("spokesman Brown"), or an American representative.
_NOT_TITLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "correspondent", "reporter",
                         "editor", "rep", "representative", "congressman", "congresswoman"})
#: Words that open a person's name like a title without being one in entities_titles.tsv.
_MORE_TITLES = frozenset({"premier", "baroness", "lady", "lord", "mullah", "counterpart",
                          "emperor", "sultan", "crown", "candidate", "nominee", "vice",
                          "deputy", "colonel", "field", "marshal", "dame"})


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Last words (lower case, no final dot) of the titles in entities_titles.tsv and
    :data:`_MORE_TITLES`, less :data:`_NOT_TITLES`: the word just before a surname
    that makes it a title plus surname ("Prime Minister Cameron", "Mr. Hague")."""
    words = {row[0].strip().lower().replace("-", " ").split()[-1].rstrip(".")
             for row in read_rows("entities_titles.tsv") if row and row[0].strip()}
    return frozenset((words | _MORE_TITLES) - _NOT_TITLES)


def _spellings(name: str) -> list[str]:
    """``name`` and, where it has accents, its spelling without them ("François
    Hollande", "Francois Hollande"); where it has the Arabic article as "Al ", its
    spellings "al-" and "Al-" ("Hamad bin Khalifa al-Thani")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    forms = [name] if plain == name else [name, plain]
    for form in list(forms):
        if " Al " in form:
            forms += [form.replace(" Al ", " al-"), form.replace(" Al ", " Al-")]
    return forms


@functools.lru_cache(maxsize=1)
def tables() -> ActorTables:
    """The actor tables, loaded once per process."""
    return ActorTables()


#: Sectors of a party, the opposition or armed rebels: as a modifier they decide
#: the sector over the role word after them ("opposition officials" are OPP).
PARTISAN_SECTORS = frozenset({"OPP", "REB", "PTY", "RAD"})
#: Words that make a role word people from elsewhere ("foreign media", "migrant
#: workers"): such a phrase never takes the country the text is about.
OUTSIDERS = frozenset({"foreign", "migrant", "expatriate", "overseas", "international"})
#: Sectors of armed state forces: a role word of these heading a ruler's or
#: government's name is coded by the role ("Gadhafi soldiers": MIL, not GOV).
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY"})


def code_matches(matches: Sequence[Match], head_end: int | None = None) -> tuple[str | None, str | None]:
    """Country and sector that the alias matches of one actor phrase add up to.

    The country is the first country-bearing match, a named actor (institution,
    group, person) taking precedence over a plain country word, except that a
    transnational armed group (IMG) named after a country is that country's branch
    ("Iraq's al-Qaeda"); the sector is
    that of a named actor if it has one, else that of the first role word naming
    a party, the opposition or rebels ("opposition officials", "members of the
    opposition" -> OPP), else of the last role word up to the head (which ends at
    character ``head_end``, when given: "Syrian regime forces" -> MIL, "protesters
    in Nairobi" -> the protesters'), else of the last role word or capital; a
    GOV name before an armed role word that heads the phrase gives way to it
    ("Gadhafi soldiers", "Assad's troops" -> MIL).
    """
    country = None
    org_sector = None
    for k, m in enumerate(matches):
        if m.alias.kind == "org" and m.alias.country:
            country = m.alias.country
            org_sector = m.alias.sector
            if country == "IMG":  # "Iraq's al-Qaeda": the branch of the country before it
                country = next((p.alias.country for p in matches[:k]
                                if p.alias.kind == "country" and p.alias.country), country)
            break
    if country is None:
        for m in matches:
            if m.alias.country:
                country = m.alias.country
                break
    sector = org_sector
    roles = [m for m in matches if m.alias.sector and m.alias.kind == "sector"]
    armed_head = next((m for m in roles if head_end is not None and m.end == head_end
                       and m.alias.sector in ARMED_SECTORS), None)
    if org_sector == "GOV" and armed_head is not None and all(
            m.end <= armed_head.start for m in matches if m.alias.kind == "org"):
        # a ruler's or government's armed men ("Gadhafi soldiers", "Assad's troops")
        sector = armed_head.alias.sector
    if sector is None:
        sector = next((m.alias.sector for m in roles if m.alias.sector in PARTISAN_SECTORS), None)
    upto = [m for m in roles if head_end is None or m.end <= head_end]
    if sector is None and upto:
        sector = upto[-1].alias.sector
    if sector is None:
        for m in reversed(matches):
            if m.alias.sector and m.alias.kind != "org":
                sector = m.alias.sector
                break
    return country, sector


def code_text(text: str, context_country: str | None = None) -> dict | None:
    """Code a free-text actor mention: ``{"text", "country", "sector"}``.

    Returns None when the text names no known actor at all. When it names a
    role ("the regime", "militants") but no country, ``context_country`` (the
    country the surrounding text is about) is used.
    """
    matches = tables().find(text)
    if not matches:
        return None
    country, sector = code_matches(matches)
    if country is None:
        country = context_country
    return {"text": text, "country": country, "sector": sector}


class ActorIndex:
    """Alias matches of one document, for coding the actor phrases in it."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """Index ``doc``; ``text`` may pass ``doc.text`` when the caller has it
        (spaCy rebuilds ``Doc.text`` on every access)."""
        self.doc = doc
        self.text = text if text is not None else doc.text
        self.matches = tables().find_doc(doc)
        self.starts = [m.start for m in self.matches]

    def within(self, start: int, end: int) -> list[Match]:
        """Matches lying wholly inside characters ``start``..``end``."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.matches) and self.matches[i].start < end:
            if self.matches[i].end <= end:
                out.append(self.matches[i])
            i += 1
        return out

    def dominant_country(self, end: int) -> str | None:
        """The country most often named before character ``end`` (ties: the first),
        when it holds at least half of the country mentions so far; else None (a
        text about several countries gives no safe guess for an unnamed "rebels")."""
        counts: dict[str, int] = {}
        for m in self.matches:
            if m.start >= end:
                break
            c = m.alias.place_country
            if c:
                counts[c] = counts.get(c, 0) + 1
        if not counts:
            return None
        best = max(counts, key=lambda c: counts[c])
        return best if 2 * counts[best] >= sum(counts.values()) else None


#: The legal form that ends a company's name ("BP Plc", "Anadarko Petroleum Corp").
_COMPANY_SUFFIX = re.compile(r"\b(?:Corp|Corporation|Inc|Plc|PLC|Ltd|LLC|AG|SA|NV|GmbH|Co)\.?$")
#: A live blog's time stamp opening a phrase ("01.21 BST", "14:05 GMT", "9.30am").
_TIME_STAMP = re.compile(
    r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:BST|GMT|CET|CEST|EST|EDT|ET|UTC|local time)?\s*[:-]?\s*",
    re.I)


def _opens_clause(tok: Token) -> bool:
    """Whether ``tok`` is a preposition whose complement is a verb ("of staging")."""
    return tok.dep_ == "prep" and any(
        g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX") for g in tok.children)


def _time_phrase(tok: Token) -> bool:
    """Whether ``tok`` heads a time phrase hung on a noun as an adverb ("Early Thursday
    morning" of "... morning about 150 soldiers attacked"), not a word of a hyphened
    modifier ("the 68-year-old leader")."""
    if tok.dep_ != "npadvmod" or tok.ent_type_ not in ("DATE", "TIME"):
        return False
    doc, last = tok.doc, tok.right_edge.i
    return not any(t.text == "-" for t in tok.subtree) and not (last + 1 < len(doc) and doc[last + 1].text == "-") \
        and not (tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == "-")


def phrase_runs(head: Token) -> list[tuple[int, int]]:
    """Character runs of the noun phrase headed by ``head``.

    The phrase is the head's subtree without relative clauses, clausal
    modifiers and conjoined heads (``_CUT_DEPS``), a time phrase the parse hung on it
    ("Early Thursday morning about 150 soldiers"), nor a preposition of the head
    that opens a clause ("accused rebels of staging attacks": rebels); it keeps compounds,
    adjectives, possessives, appositions and prepositional phrases ("Rebels in the
    Ivory Coast"). Returned as contiguous (start, end) character runs.
    """
    keep: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        for child in tok.children:
            if child.dep_ in _CUT_DEPS or (tok is head and _opens_clause(child)):
                continue
            if _time_phrase(child):
                continue   # "Early Thursday morning about 150 soldiers": when, not who
            stack.append(child)
    keep.sort(key=lambda t: t.i)
    runs: list[tuple[int, int]] = []
    prev = -2
    doc = head.doc
    for tok in keep:
        joined = tok.i == prev + 2 and doc[prev + 1].text == "-" and not doc[prev].whitespace_ \
            and not doc[prev + 1].whitespace_  # "Ki-moon", "secretary-general": one word
        if (tok.i == prev + 1 or joined) and runs:
            runs[-1] = (runs[-1][0], tok.idx + len(tok.text))
        else:
            runs.append((tok.idx, tok.idx + len(tok.text)))
        prev = tok.i
    return runs


#: Role words of one who serves elsewhere: their "to" phrase names the post.
ENVOYS = frozenset({"ambassador", "envoy", "representative", "delegate", "emissary",
                    "mission", "delegation", "attache", "consul"})


def _posting_spans(head: Token) -> list[tuple[int, int]]:
    """Character spans of the "to" or "at" phrases of envoy words (:data:`ENVOYS`) in
    the phrase of ``head`` ("ambassador to the UN", "the US envoy at the UN"): where
    they are posted."""
    out = []
    for t in head.subtree:
        if t.lemma_.lower() in ENVOYS and t.pos_ in ("NOUN", "PROPN"):
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("to", "at"):
                    last = p.right_edge
                    out.append((p.idx, last.idx + len(last.text)))
    return out


def code_token(
    head: Token, index: ActorIndex, context_country: str | None = None,
    name_country: str | None = None,
) -> dict | None:
    """Code the actor phrase headed by token ``head``.

    Returns ``{"text", "start", "end", "country", "sector", "countries"}``
    (countries: every country code named in the phrase) where text is the
    phrase (without cut clauses) as it stands in the document, or None when
    the phrase names no known actor. A person's or organisation's name unknown
    to the tables ("Lapan", "President Bouteflika") is returned with country None
    and the sector of its title, if any (and ``"unknown_name": True``): it never
    takes the context's country, only ``name_country`` (the one country its own
    sentence names, which the caller may give). A role with no country and no name ("the
    regime", "militants") takes ``context_country``.
    """
    runs = phrase_runs(head)
    matches: list[Match] = []
    for start, end in runs:
        matches.extend(index.within(start, end))
    start, end = runs[0][0], runs[-1][1]
    # The text of the phrase: the longest run holding the head.
    for s, e in runs:
        if s <= head.idx < e:
            start, end = s, e
            break
    if head.ent_type_ in ("PERSON", "ORG"):
        # the whole name the head stands in ("Ban Ki-moon", whose last token the
        # parse may take for the head of a phrase of its own)
        first, last = head.i, head.i
        doc = head.doc
        while first > 0 and doc[first].ent_iob_ == "I" and doc[first - 1].ent_type_ == head.ent_type_:
            first -= 1
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        start = min(start, doc[first].idx)
        end = max(end, doc[last].idx + len(doc[last].text))
    stamp = _TIME_STAMP.match(index.text, start, end)
    if stamp is not None and stamp.end() < end:
        start = stamp.end()  # "01.21 BST Kenyan troops": a live blog's time stamp
    text = index.text[start:end]
    if not matches and head.pos_ != "PROPN":
        return None
    posted = _posting_spans(head)
    if posted:
        # "Russia's ambassador to the UN", "the UN envoy to Syria": the post is where an
        # envoy serves, not whom he speaks for, when the phrase names another actor
        kept = [m for m in matches if not any(s <= m.start < e for s, e in posted)]
        if any(m.alias.country for m in kept):
            matches = kept
    country, sector = code_matches(matches, head.idx + len(head.text))
    countries = [m.alias.country for m in matches if m.alias.country]
    if len(set(countries)) > 1 and any(t.lower_ == "ethnic" for t in head.subtree):
        # Ethnic groups are coded by where they live: "ethnic Albanians in Serbia".
        country = countries[-1]
    if country is None and sector in ("IGO", "NGO"):
        country = sector
    name = head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG")
    if country is None and sector is None and _COMPANY_SUFFIX.search(text):
        sector = "BUS"  # "Anadarko Petroleum Corp", "Transocean Ltd": a company by its legal form
    if country is None and name:
        # a name the tables do not know ("Lapan", "Sheikh Hamad"): who it is, with
        # its title's sector, and only the country its own sentence gives
        return {"text": text, "start": start, "end": end, "country": name_country,
                "sector": sector, "countries": [], "unknown_name": True}
    if country is None and matches and not any(
            t.lower_ in OUTSIDERS for t in head.subtree if start <= t.idx < end):
        country = context_country  # a role word ("the regime", "militants")
    if country is None and sector is None:
        return None
    return {"text": text, "start": start, "end": end, "country": country,
            "sector": sector, "countries": countries}
