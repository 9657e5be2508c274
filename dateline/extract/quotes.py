"""Quotes with their speakers: direct, indirect (reported speech) and mixed.

Two sources of evidence are combined:

- the dependency parse: a cue verb from ``data/quotes_cues.tsv`` (say, tell,
  warn, ...) whose clausal complement (``ccomp``), infinitive (``xcomp``),
  object or prepositional object is the content and whose subject is the
  speaker; "according to X, ..." ; a cue that interrupts its clause
  ("However, X said, ...": ``parataxis``);
- quotation marks, straight or curly, including quotes that run over several
  paragraphs (the opening mark repeated on each paragraph).

A reported clause that contains quoted words is ``mixed``; one that is wholly
quoted, or a quotation attributed through a nearby cue, is ``direct``; the rest
is ``indirect``. Speakers given by a role noun ("the spokeswoman") are resolved
to a PERSON entity from ``ctx.results["entities"]`` (keys used: text, start, end,
label, canonical, and optionally title), else the speaker is the mention's own
text. A personal pronoun is never the speaker: "he"/"she" becomes the nearest
person (entity or earlier speaker), "they" the nearest organisation or group,
"we" an earlier speaker that is a group, each named in the quote's sentence or
the one before and outside quotations and the quote itself; else the speaker is
None. The pronoun is kept in ``speaker_pronoun``. A speaker without a letter
(punctuation) is None.

Each record: text, start, end, sentence, speaker, speaker_start, speaker_end,
cue, kind, and ``speaker_pronoun`` when the speaker is given by a pronoun; a quote split by its cue ('"A," he said, "B."') also carries
``parts``, the ``[start, end]`` of each piece (``start``/``end`` span them all).
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import re
import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from dateline.actors import tables as actor_tables
from dateline.data import read_rows
from dateline.extract import Context, doc_text, extractor

#: Dependency labels of a speaker (the cue's subject).
_SUBJ = {"nsubj"}
#: Pronouns that name a person speaker: resolved to a person named before them.
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
#: Pronouns that name a group: resolved to an organisation or group named before them.
_GROUP_PRONOUNS = {"they", "we", "them", "us"}
#: Personal pronouns: never a speaker's name (kept in ``speaker_pronoun`` instead).
_PERSONAL = _PERSON_PRONOUNS | _GROUP_PRONOUNS | {"i", "me", "you", "it"}
#: A speaker's name holds a letter (never punctuation or a number alone).
_LETTER = re.compile(r"[^\W\d_]")
#: Nouns that name one person by role ("a spokesman", "the doctor", "an elderly man"):
#: such a speaker is the antecedent of a later "he" or "she" when no name is nearer.
_PERSON_NOUNS = frozenset("""
    man woman boy girl person doctor surgeon nurse witness eyewitness resident villager
    activist spokesman spokeswoman spokesperson official minister diplomat envoy
    ambassador commander officer soldier fighter rebel defector protester refugee
    survivor analyst expert professor lawyer engineer journalist reporter correspondent
    photographer editor businessman trader shopkeeper farmer driver worker student
    teacher father mother son daughter brother sister husband wife friend neighbour
    neighbor leader chief president chairman director head secretary negotiator
    monitor observer adviser advisor aide representative senator congressman mayor
    governor general colonel cleric imam priest sheikh source member resident
    detainee prisoner inmate captive hostage victim mourner worshipper pilot captain
    physician medic paramedic guard policeman policewoman militant gunman insurgent
    volunteer citizen villager youth elder dissident defendant cameraman blogger
    """.split())
#: Texts that speak for their author ("Clinton's statement said"): the possessor is
#: the speaker.
_DOCUMENT_NOUNS = frozenset({"statement", "letter", "speech", "message", "remark", "comment",
                             "communique", "tweet", "post", "blog", "article", "column",
                             "memo", "memoir", "book", "testimony", "posting"})
#: Pronouns never resolved (the speaker is the mention itself).
_OTHER_PRONOUNS = {"i", "we", "you", "they", "it", "this", "that", "one", "who", "which"}
#: A source's request not to be named ("asked not to be identified", "asking that
#: they not be named", "to remain anonymous"): how the writer protects the source,
#: not what the source said.
_ANONYMITY = re.compile(r"(?:that \w+ )?(?:not (?:to )?be (?:identified|named|quoted)|to remain anonymous|anonymity)\b",
                        re.I)
#: The end of a sentence (a full stop, question or exclamation mark before a space).
_SENTENCE_END = re.compile(r"[.!?][”\"]?\s")
#: A colon right after a speaker mention: the mention labels what follows.
_LABEL_COLON = re.compile(r"[ \t]*:")
#: Characters trimmed from the ends of a content span.
_TRIM = " \t\n,;:—–-"
_QUOTE_CHARS = "\"“”"
_QUOTE_MARK = re.compile("[\"“”]")
_QUOTE_TOKEN = re.compile(r"[\"“”\n]")
_WORD = re.compile(r"\w+")
_LOWER_START = re.compile(r"\s*[a-z]")
_SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
#: A quotation that opens after a word of the same line (not at a sentence's start or
#: after a colon): the quoted words are part of the writer's clause.
_WORD_BEFORE = re.compile(r"\w[ \t]*\Z")
_POSSESSIVE = re.compile(r"\s?['’]s?\b")
#: Pronouns of the writer and the reader: outside quotation marks they are the article's
#: own voice ("I can tell you that ...", "below we explain why ..."), not a source (an
#: attribution only under the setting cues=all, as PolNeAR annotates opinion pieces).
_WRITER_PRONOUNS = {"i", "me", "you", "we", "us"}
#: A wire-service dateline ("Tripoli, Libya (CNN) --"): what comes before it in its
#: paragraph is the page's headline, byline and story highlights, run together.
_WIRE_DATELINE = re.compile(r"\((?:CNN|Reuters|AP|AFP)\)\s*(?:--|—|–|-)\s")


@dataclass(frozen=True)
class QuoteConfig:
    """Settings of the quotes extractor."""

    cues: str = field(default="speech", metadata={"help": (
        "which verbs attribute: 'speech' only verbs of saying and reporting (and "
        "'according to'); 'all' also those of thought, wish, intention and evidence "
        "(believe, want, plan, show), as PolNeAR annotates them")})


@functools.lru_cache(maxsize=1)
def cue_frames() -> dict[str, frozenset[str]]:
    """Cue lemmas mapped to the frames their content may take (see the data file header)."""
    out: dict[str, set[str]] = {}
    for lemma, frames in read_rows("quotes_cues.tsv"):
        out.setdefault(lemma.strip(), set()).update(f.strip() for f in frames.split(",") if f.strip())
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _cue_hashes() -> numpy.ndarray:
    """String-store hashes of the cue lemmas, for fast filtering of tokens."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

    return numpy.array([hash_string(w) for w in cue_frames()], dtype=numpy.uint64)


# ---------------------------------------------------------------------------
# Quotation marks


def find_quoted(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the text inside quotation marks, marks excluded.

    Straight and curly double quotes are paired in order within a paragraph; a
    quote left open at a paragraph's end continues when the next paragraph
    opens with a quotation mark (the news convention for long quotes), or when
    it was opened with a curly mark and the next mark, within
    ``_SPANNED_PARAGRAPHS`` paragraphs, closes it (one sentence a line, as in
    Penn-Treebank text: '“A.⏎B,” he said'); else it is dropped.
    """
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    skip_at = -1
    held_to = -1   # a curly quotation spanning lines: line breaks before this are inside it
    for m in _QUOTE_TOKEN.finditer(text):
        ch, pos = m.group(), m.start()
        if pos == skip_at or pos < held_to:
            continue
        if ch == "\n":
            if open_at is None:
                continue
            if text[open_at] == "“":
                close = _spanned_close(text, pos)
                if close is not None:
                    held_to = close
                    continue
            rest = text[pos:pos + 40]
            stripped = rest.lstrip()
            if stripped[:1] in ("\"", "“") and "\n" not in stripped[:1]:
                skip_at = pos + (len(rest) - len(stripped))
            else:
                open_at = None
            continue
        if open_at is None:
            if ch != "”":
                open_at = pos
        elif ch == "“":
            open_at = pos
        else:
            if pos > open_at + 1:
                out.append((open_at + 1, pos))
            open_at = None
    return out


#: How many paragraph breaks a curly quotation may run over without a mark
#: opening the next paragraph (see :func:`find_quoted`).
_SPANNED_PARAGRAPHS = 4
_NEXT_MARK = re.compile(r"[\"“”]")
_BREAKS = re.compile(r"\n+")


def _spanned_close(text: str, pos: int) -> int | None:
    """The position of the closing ”, when the first quotation mark after the line
    break at ``pos`` is one, no other paragraph opens with a mark on the way, and
    at most ``_SPANNED_PARAGRAPHS`` paragraph breaks lie between; else None."""
    m = _NEXT_MARK.search(text, pos)
    if m is None or m.group() != "”":
        return None
    if len(_BREAKS.findall(text, pos, m.start())) > _SPANNED_PARAGRAPHS:
        return None
    return m.start()


# ---------------------------------------------------------------------------
# Attributions from the parse


@dataclass
class _Attr:
    """A found attribution before it becomes a record."""

    parts: list[tuple[int, int]]
    cue: Token | None
    cue_text: str
    speaker: tuple[int, int] | None
    speaker_tok: Token | None
    kind: str = "indirect"
    quoted: list[tuple[int, int]] = field(default_factory=list)
    #: Why the content may be no message: "topic", "short", "target" (see
    #: :func:`_weak_content`), "scare" (a word or two quoted inside the writer's clause),
    #: "call" (a telephone call, a summons or a naming: :func:`_no_message_call`).
    weak: str = ""

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


#: The last text's positions of quotation marks and line breaks (see :func:`_marks`).
_MARKS: list = [None, {}]


def _marks(text: str, ch: str) -> list[int]:
    """The positions of ``ch`` (a double quotation mark or a line break) in ``text``,
    found once per text, so that spans nested in spans cost O(log n) each, not their
    length."""
    if _MARKS[0] is not text:
        _MARKS[:] = [text, {c: [m.start() for m in re.finditer(c, text)] for c in "\"“”\n"}]
    return _MARKS[1][ch]


def _count(text: str, ch: str, start: int, end: int) -> int:
    """``text.count(ch, start, end)`` for a quotation mark or line break, in O(log n)."""
    pos = _marks(text, ch)
    return max(0, bisect.bisect_left(pos, end) - bisect.bisect_left(pos, start))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past separators, a final full stop and a quotation
    mark left unpaired at either end."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".":
        end -= 1
    unbalanced = (_count(text, "\"", start, end) % 2 == 1) or (
        _count(text, "“", start, end) != _count(text, "”", start, end))
    if unbalanced:
        if text[end - 1:end] in ("“", "\"") or (text[end - 1:end] == "”" and not _count(text, "“", start, end)):
            end -= 1
        elif text[start:start + 1] in ("\"", "”") or (text[start:start + 1] == "“" and not _count(text, "”", start, end)):
            start += 1
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM + ".":
            end -= 1
    return start, end


#: The last document's children lists (see :func:`_children`): one document at a time.
_CHILDREN: list = [None, []]


def _children(tok: Token) -> list[Token]:
    """``tok.children``, from lists built once per document: spaCy walks the token's
    whole subtree for each call, which is quadratic in clauses nested in clauses."""
    doc = tok.doc
    if _CHILDREN[0] is not doc:
        from spacy.attrs import HEAD

        kids: list[list[int]] = [[] for _ in range(len(doc))]
        for j, off in enumerate(doc.to_array([HEAD]).astype("int64").tolist()):
            if off:
                kids[j + off].append(j)
        _CHILDREN[:] = [doc, kids]
    return [doc[j] for j in _CHILDREN[1][tok.i]]


def _subtree_span(tok: Token) -> tuple[int, int]:
    """Character span of ``tok``'s subtree."""
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


def _np_span(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok``: its left dependents and itself,
    and the words joined to it by hyphens without a space ("the vice-president", "the
    editor-in-chief", whose parse may head the phrase on its first word)."""
    left = tok.left_edge
    while left.i < tok.i and (left.is_space or left.is_punct):
        left = left.doc[left.i + 1]
    doc, last = tok.doc, tok
    while (last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and not last.whitespace_
           and not doc[last.i + 1].whitespace_ and doc[last.i + 2].is_alpha):
        last = doc[last.i + 2]
    return left.idx, last.idx + len(last.text)


def _conjuncts(tok: Token) -> list[Token]:
    """The nouns coordinated with ``tok`` by "and" ("Russia and China", "the US and
    EU"), in text order, ``tok`` not included."""
    out: list[Token] = []
    cur = tok
    while True:
        nxt = next((c for c in _children(cur) if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")), None)
        if nxt is None or not any(c.dep_ == "cc" and c.lower_ == "and" for c in _children(cur)):
            return out
        out.append(nxt)
        cur = nxt


def _appositions(tok: Token) -> list[Token]:
    """Appositions of the noun ``tok`` ("the foreign minister, Anna Berg,"), and those
    the parser hung on the object of its "to", "of", "at" or "in" ("Syria's envoy to
    the UN, Bashar Jaafari,"); not after "for" ("a spokesman for the envoy, Kofi
    Annan," is not Kofi Annan)."""
    out = []
    for child in _children(tok):
        if child.dep_ == "appos":
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("to", "of", "at", "in", "for"):
            for obj in _children(child):
                # "a spokesman for the government, Musa Ibrahim": not after a person
                # ("a spokesman for the envoy, Kofi Annan" is not Kofi Annan).
                if obj.dep_ == "pobj" and not (child.lower_ == "for" and (
                        obj.ent_type_ == "PERSON" or obj.lemma_.lower() in _PERSON_NOUNS)):
                    out += [c for c in _children(obj) if c.dep_ == "appos"]
        elif child.dep_ in ("relcl", "acl") and tok.pos_ == "NOUN":
            # "An activist who has been keeping his own count, Ann Lee, says": the name set
            # off by commas at the end of the phrase, which the parser hung on a noun of
            # the relative clause, is the role noun's.
            last = child.right_edge
            while last.is_punct and last.i > child.i:
                last = last.nbor(-1)
            name = next((t for t in child.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"
                         and t.right_edge.i == last.i), None)
            if name is not None and name.left_edge.i > 0 and name.left_edge.nbor(-1).text == "," \
                    and last.i + 1 < len(tok.doc) and last.nbor(1).text == ",":
                out.append(name)
    return out


#: Words that head a speaker's phrase only with the "of" phrase after them ("One of the
#: officials", "some of the residents", "two of the doctors").
_PARTITIVES = frozenset({"one", "some", "many", "several", "most", "none", "each", "few",
                         "all", "both", "either", "neither", "any", "another"})


#: Common nouns of a group that speaks through its members ("a chorus of critics", "a
#: group of residents"): like a role noun, the phrase after them says whose.
_GROUP_HEADS = frozenset({"group", "chorus", "coalition", "panel", "team", "delegation",
                          "committee", "association", "union", "body", "council", "agency",
                          "office", "ministry", "department", "organisation", "organization",
                          "spokesperson", "number", "handful", "majority", "minority"})
#: Prepositions whose phrase after a role noun says whose role it is ("a spokeswoman for
#: the airline", "an official at the ministry", "Syria's envoy to the UN").
_ROLE_PREPS = frozenset({"for", "of", "at", "from", "with", "in", "to"})


def _role_phrase_end(tok: Token) -> int | None:
    """End (character) of the prepositional phrase right after a role or group noun
    ``tok`` that says whose role it is ("A spokeswoman for the airline", "an official at
    the ministry", "a chorus of critics"), when it is short (up to 8 words after the noun)
    and names no time; None otherwise."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _PERSON_NOUNS | _GROUP_HEADS:
        return None
    prep = next((c for c in _children(tok) if c.dep_ == "prep" and c.i == tok.i + 1
                 and c.lower_ in _ROLE_PREPS), None)
    obj = next((c for c in _children(prep) if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in ("DATE", "TIME") \
            or obj.tag_ in ("WP", "WDT"):
        return None
    last = obj.right_edge
    if last.i - tok.i > 8 or any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":", "(", "-LRB-")
                                 for t in tok.doc[tok.i + 1:last.i + 1]):
        last = obj   # a long or clausal phrase: up to its noun only ("a spokesman for BP, which ...")
        while last.i + 1 < len(tok.doc) and tok.doc[last.i + 1].dep_ == "compound":
            last = tok.doc[last.i + 1]
    return last.idx + len(last.text)


def _speaker_span(tok: Token) -> tuple[int, int]:
    """Character span of the speaker headed by ``tok``: its noun phrase, the "of"
    phrase of a word of :data:`_PARTITIVES` or a number ("One of the largest firms in
    Iraq", not "One"), the phrase that says whose role a role noun is ("a spokeswoman
    for the airline", :func:`_role_phrase_end`), and the nouns coordinated with it
    ("Russia and China said")."""
    start, end = _np_span(tok)
    role_end = _role_phrase_end(tok)
    if role_end is not None:
        end = max(end, role_end)
    if tok.lower_ in _PARTITIVES or tok.tag_ == "CD":
        of = next((c for c in _children(tok) if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
        obj = next((c for c in _children(of) if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.tag_ not in ("WP", "WDT"):   # not "many of whom"
            last = obj.right_edge if obj.right_edge.i - tok.i <= 11 else obj
            end = max(end, last.idx + len(last.text))
    for c in _conjuncts(tok):
        end = max(end, c.idx + len(c.text))
    return start, end


def _clip_paragraph(text: str, span: tuple[int, int], anchor: int) -> tuple[int, int]:
    """Cut ``span`` at blank lines, keeping the paragraph nearest ``anchor`` (the cue)."""
    s, e = span
    if not _count(text, "\n", s, e):
        return span
    breaks = _marks(text, "\n")
    if anchor >= e:
        cut = breaks[bisect.bisect_left(breaks, e) - 1]
        return cut + 1, e
    if anchor < s:
        cut = breaks[bisect.bisect_left(breaks, s)]
        return s, cut
    return span


#: Prepositions of what a cue in the passive is about or for ("criticised by X for ...",
#: "described by X as ..."), not of what was said.
_TARGET_PREPS = frozenset({"as", "for", "of", "about", "over"})


def _said_between_commas(cue: Token, subj: Token) -> tuple[Token, list[tuple[int, int]]] | None:
    """The speaker and the content of a cue set between commas inside the reported
    clause with its speaker after it ("The danger, said Kelly Lane, a marketing
    adviser, is that ...", "Voters, said the Morning Herald, deserved ..."), which the
    parser reads as the clause's subject saying the rest: the noun phrase after the cue
    speaks; the content is the clause's subject up to the comma and what follows the
    speaker's phrase. None for any other cue."""
    doc = cue.doc
    if not (subj.i < cue.i - 1 and doc[cue.i - 1].text == "," and cue.i + 1 < len(doc)):
        return None
    nxt = doc[cue.i + 1]
    if nxt.pos_ not in ("PROPN", "DET") or subj.pos_ == "PRON":
        return None
    if subj.ent_type_ == "PERSON" or subj.lemma_.lower() in _PERSON_NOUNS or any(
            c.dep_ == "appos" for c in _children(subj)) or subj.right_edge.i - subj.left_edge.i > 5:
        return None   # "Tom Hale, a council member, said the mayor, Ann Lee, was ...": Hale speaks
        # (and a long subject is the speaker's own phrase: "The MP, elected in May ..., said")
    kids = _children(cue)
    after = [c for c in kids if c.dep_ == "nsubj" and c.i > cue.i]
    speaker: Token | None
    clause: Token | None
    if after:                              # "The risk, said Omar Reyes, may lie ...": two subjects
        speaker, clause = after[0], cue.head if cue.dep_ == "parataxis" else None
    else:                                  # "..., said Kelly Lane, a ..., is that ...": Lane the clause's
        comp = next((c for c in kids if c.dep_ == "ccomp"), None)
        speaker = next((c for c in _children(comp) if c.dep_ == "nsubj" and c.left_edge.i == cue.i + 1),
                       None) if comp is not None else None
        clause = comp
    if speaker is None or clause is None or speaker.pos_ not in ("PROPN", "NOUN") or clause.i <= speaker.i:
        return None
    # the speaker's phrase with its apposition ends at the last comma before the clause's verb
    comma = next((t for t in reversed(doc[speaker.i + 1:clause.i]) if t.text == ","), None)
    if comma is None or comma.i + 1 >= len(doc) or any(t.text in (".", ";") for t in doc[cue.i:comma.i]):
        return None
    first = (subj.left_edge.idx, doc[cue.i - 1].idx)
    rest_start = doc[comma.i + 1].idx
    last = clause.right_edge
    rest = _trim(doc_text(doc), rest_start, last.idx + len(last.text))
    return speaker, [p for p in (_trim(doc_text(doc), *first), rest) if p[1] > p[0]]


def _counterfactual(cue: Token) -> bool:
    """Whether ``cue`` is in the modal perfect ("could have told her it was nonsense",
    "would have said"): what was not said (under speech cues; PolNeAR's scheme
    annotates it)."""
    aux = [c.lower_ for c in _children(cue) if c.dep_ == "aux"]
    return "have" in aux and any(a in ("could", "would", "might", "should", "must") for a in aux)


def _inverted_question(cue: Token) -> bool:
    """Whether ``cue`` heads a question asked with its auxiliary before its subject ("Did
    the mayor ask her to stand?", "Has he said why?"): the writer's or an interviewer's
    question, nothing anyone said."""
    kids = _children(cue)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or not any(c.dep_ == "aux" and c.i < subj.i for c in kids):
        return False
    last = cue.sent[-1]
    while last.i > cue.sent.start and (last.is_space or last.is_quote):
        last = cue.doc[last.i - 1]
    return last.text == "?"


def _passive(cue: Token) -> tuple[bool, Token | None]:
    """Whether ``cue`` is in the passive ("it was reported that", "what is being called"),
    and the one named by its "by" who speaks what follows ("he was told by a source
    that ...", 'was told by the Queen: "..."'); no one for what the cue's object or a
    phrase of its frames names ("was criticised by X for ...", "was described by X as
    ...") nor for a title in quotation marks that is the passive's subject ('"A Song"
    was written by X')."""
    kids = _children(cue)
    if cue.lemma_ == "quote" or not any(
            c.dep_ == "nsubjpass" or c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s")
            for c in kids):   # ("who's called for": "has")
        return False, None
    frames = cue_frames().get(cue.lemma_.lower(), frozenset())
    if any(c.dep_ in ("dobj", "oprd", "xcomp") or c.dep_ == "prep" and (
            c.lower_ in frames or c.lower_ in _TARGET_PREPS) for c in kids):
        return True, None
    if any(c.dep_ == "nsubjpass" and (_QUOTE_MARK.search(c.doc[c.left_edge.i - 1].text)
                                      or c.doc[c.left_edge.i - 1].text == "``")
           for c in kids if c.left_edge.i > 0):
        return True, None
    return True, next((o for c in kids if c.dep_ == "agent" for o in _children(c) if o.dep_ == "pobj"),
                      None)


def _subject(cue: Token) -> Token | None:
    """The speaker token of ``cue``: its subject, the antecedent of a relative
    pronoun, or the subject of the verb a participle ("..., saying") hangs on. For a
    cue in the passive (see :func:`_passive`), the one its "by" names or None: the
    subject of the clause it hangs on is not the speaker ("His call came as it was
    reported that ...": not "His call")."""
    passive, agent = _passive(cue)
    if passive:
        return agent
    if _inverted_question(cue) and "thought" not in cue_frames().get(cue.lemma_.lower(), ()):
        return None   # (PolNeAR counts "Do you know when ...?" as an attribution of thought)
    tok: Token | None = cue
    for _ in range(4):
        if tok is None:
            return None
        if tok != cue and tok.lemma_ == "quote":
            # "the website quoted him as saying": the one quoted speaks.
            obj = next((c for c in _children(tok) if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if tok == cue and tok.i > 0 and not any(c.dep_ in _SUBJ for c in _children(tok)):
            # "... fled to Turkey Mohammed Fazo says that ...": a caption run into the
            # sentence; the name written right before the cue is its subject.
            prev = tok.doc[tok.i - 1]
            if (prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON" and prev.idx + len(prev) < tok.idx
                    and tok.dep_ == "conj"):
                return prev
        # "X was quoted as saying": the passive subject of "quoted" speaks. Of two
        # subjects with a quotation mark between the first and the verb, the one
        # nearest the verb ('"The notion that ... ," said Mr Obama': a noun of the
        # quoted words taken for a second subject is not); so too when the nearest
        # is written right before the verb ("... the old most at risk WHO chief
        # Ann Berg said": a caption run into the sentence).
        subjects = [c for c in _children(tok)
                    if c.dep_ in _SUBJ or c.dep_ == "nsubjpass" and tok.lemma_ == "quote"]
        if subjects:
            at, child = tok.i, subjects[0]
            near = min(subjects, key=lambda c: abs(c.i - at))
            doc = tok.doc
            if near != child and (_run_in_name(near, at, child) or any(_QUOTE_MARK.search(t.text) or t.text in ("``", "''")
                                                          for t in doc[min(child.i, at):max(child.i, at)])):
                child = near   # a quotation mark between the first subject and the verb
            if child.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                return tok.head
            if tok == cue and child.i > cue.i and (named := _named_after(cue, child)) is not None:
                return named
            if _mute_noun(child):
                # "Violence in Syria SNP MSP NAME tells ...": a heading run into the
                # sentence; the name written right before the cue speaks (else the
                # noun, left out under speech cues: see :func:`_mute_noun`).
                before = doc[at - 1] if at > 0 else None
                if (before is not None and before.ent_type_ in ("PERSON", "ORG") and before.pos_ == "PROPN"
                        and child.left_edge.i < before.i <= child.right_edge.i):
                    return before
            return child
        if tok == cue and (named := _named_after(cue, None)) is not None:
            return named   # '"...," lamented NAME': the name the parse made the object
        if tok.dep_ == "xcomp" and tok.head != tok and any(c.dep_ == "aux" and c.lower_ == "to"
                                                           for c in _children(tok)):
            # "prompting NAME to announce ...", "urged them to say ...": the one prompted
            # says it, not the subject of the verb that prompts (object control).
            obj = next((c for c in _children(tok.head) if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and tok.head.lemma_.lower() in _CONTROL_VERBS and _can_speak(obj):
                return obj
        if tok.dep_ == "advcl" and tok.head != tok and _finite(tok):
            # "... is brewing after the minister, NAME, suggested that ...": a finite
            # clause has a subject of its own, which the parse made the object of the
            # word before it ("after") taken for a preposition.
            own = _object_before(tok)
            if own is not None:
                return own
        if tok.dep_ in ("advcl", "pcomp", "conj", "xcomp", "prep") and tok.head != tok:
            tok = tok.head
        else:
            return None
    return None


def _named_after(cue: Token, subj: Token | None) -> Token | None:
    """The person named right after ``cue`` that closes a quotation ('"...," lamented
    NAME, gesturing to ...') when the parse made the name the cue's object and took a
    later noun ``subj`` for its subject ("a basilica deserted save for ...") or none:
    the name; None otherwise. Not after "tell" or "ask", whose object is the listener."""
    doc = cue.doc
    if cue.lemma_.lower() in ("tell", "ask") or cue.i < 1 or not (
            _QUOTE_MARK.search(doc[cue.i - 1].text) or doc[cue.i - 1].text == "''"):
        return None   # (", accusing NAME of ...": the name is whom the act is aimed at)
    obj = next((c for c in _children(cue) if c.dep_ == "dobj" and (subj is None or c.i < subj.i)), None)
    if obj is None or obj.ent_type_ != "PERSON" or obj.left_edge.i != cue.i + 1:
        return None
    return obj


#: Verbs whose object did what their infinitive says ("prompted NAME to announce", "forced
#: him to admit", "led investigators to conclude"); not "use", "call", "take" ("used its
#: media to criticise", "called the BBC to complain": the subject does it), nor a request
#: ("urged them to say", "encouraging supporters to ask": nothing said yet, the request
#: is the subject's).
_CONTROL_VERBS = frozenset({
    "prompt", "force", "compel", "lead", "persuade", "convince", "cause", "inspire", "spur",
    "provoke", "drive"})
#: Words that open a clause of time or reason ("after", "before", "as") and that the
#: parse may take for a preposition whose object is the clause's subject.
_CLAUSE_OPENERS = frozenset({"after", "before", "until", "till", "since", "as", "once", "while",
                             "when", "because", "though", "although", "whereas", "if", "unless"})


def _object_before(cue: Token) -> Token | None:
    """The subject of the finite clause of ``cue`` that the parse made the object of a
    word opening the clause, taken for a preposition ("after the German minister, NAME,
    suggested", "after a memo to staff claimed"): the noun phrase that ends right
    before the cue (a comma between at most) and is the object of one of
    :data:`_CLAUSE_OPENERS` hung on a verb; None when there is none."""
    doc = cue.doc
    j = cue.i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0:
        return None
    t = doc[j]
    for _ in range(10):
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX"):
            break
        if t.head == t or t.head.i >= cue.i:
            return None
        t = t.head
    else:
        return None
    if t.head.lower_ not in _CLAUSE_OPENERS or t.head.head != cue.head or not _can_speak(t):
        return None   # (a phrase of the cue's own clause, "after the fall of X, promised", is not)
    return t


def _run_in_name(near: Token, at: int, child: Token) -> bool:
    """Whether ``near``, the second subject the parse gives the cue at token ``at``, is
    a person's name run in from a caption or a heading ("... the old most at risk WHO
    chief Ann Berg said"): written right before the cue, a PERSON
    where the first subject ``child`` is none and is a clause of its own (a verb in
    its phrase: not "the state news agency Sana said"), and its phrase not the object of a word
    before it ("Backers of President Bashar al-Assad say", "aboard the survey ship
    John Adams said"), and no punctuation between the two subjects."""
    if near.i != at - 1 or near.ent_type_ != "PERSON" or child.ent_type_ == "PERSON":
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in child.subtree):
        return False   # "the state news agency Sana said": one name of one speaker
    doc = near.doc
    i = next((e.start for e in doc.ents if e.start <= near.i < e.end), near.i) - 1
    # Up to four words of title before the name ("Syrian President", "the NOAA ship"):
    # a preposition or a possessive before them makes the name its object.
    for _ in range(4):
        if i < 0:
            break
        t = doc[i]
        if t.pos_ == "ADP" or t.tag_ == "POS":
            return False
        if t.pos_ not in ("PROPN", "NOUN", "ADJ", "DET", "NUM"):
            break
        i -= 1
    # Punctuation between the first subject's phrase and the name is a sentence that
    # goes on ('A spokesman said the plane ... , the news agency Sana said': the
    # spokesman's words, relayed), not a caption run in.
    return not any(t.is_punct for t in doc[child.right_edge.i + 1:i + 1])


def _cue_text(cue: Token) -> str:
    """The cue as written: the verb with its particle ("point out") or "according to"."""
    prt = [c for c in _children(cue) if c.dep_ == "prt"]
    if prt and prt[0].i == cue.i + 1:
        return cue.text + " " + prt[0].text
    return cue.text


#: Verbs of saying proper, whose "according to Y" after them names only the channel of
#: what their subject said ("X said, according to AFP").
_SAYING = frozenset({"say", "tell", "write", "add", "state", "declare", "explain", "insist",
                     "note", "claim", "warn", "announce", "remark", "comment"})


def _medium(tok: Token) -> bool:
    """Whether ``tok``, what "according to" names, is a medium that passes words on rather
    than someone who reports them: an organisation's name (a news agency, a state
    broadcaster, a paper: "AFP", "RIA Novosti", "Valor") or a channel or document noun ("a
    CNN translation", "state TV", "the report"). People ("attorneys for the family") are
    sources of their own account of what was said, as PolNeAR annotates them."""
    return tok.ent_type_ == "ORG" or tok.lemma_.lower() in _CHANNEL_NOUNS | _RELAYING_NOUNS


#: Documents that relay someone's words ("according to a CNN translation").
_RELAYING_NOUNS = frozenset({"translation", "transcript", "report", "statement", "release"})


def _is_cue(tok: Token, frames: dict[str, frozenset[str]], speech: bool = False) -> bool:
    """Whether ``tok`` is a verb that may introduce speech or thought; with ``speech``,
    speech only (not a cue marked ``thought`` in the table)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    fr = frames.get(tok.lemma_.lower())
    return fr is not None and not (speech and "thought" in fr)


#: Things that show or suggest but say nothing: as the subject of a cue ("the move suggests
#: that ...", "the timing reveals ..."), the writer's inference, no one's words.
_MUTE_THINGS = frozenset({
    "sign", "silence", "move", "fact", "absence", "timing", "history", "picture", "image",
    "photo", "photograph", "footage", "scene", "sight", "mood", "atmosphere", "pattern",
    "trend", "decision", "outcome", "behaviour", "behavior", "death", "loss", "shift",
    "reluctance", "willingness", "presence", "episode", "affair", "collapse", "rise", "fall"})
#: Subjects that make no speaker of a cue: a demonstrative standing for a thing or a
#: fact ("this threatens to ...", "that suggests ...", "That said, ...") and nobody at
#: all ("nobody can claim that ..."); not "those" ("Those rescued say ...": people).
_NO_SPEAKERS = frozenset({"this", "that", "nobody", "none", "nothing"})
#: Happenings that "threaten to" do something or "reveal" a speed, saying nothing ("the
#: spill threatened to wreck the season"); as common nouns only ("Derek Flood says").
_MUTE_HAPPENINGS = frozenset({
    "spill", "slick", "leak", "crisis", "violence", "conflict", "fighting", "unrest", "war",
    "fire", "storm", "hurricane", "flood", "earthquake", "quake", "outbreak", "epidemic",
    "pandemic", "disease", "virus", "flu", "situation", "problem", "dispute", "scandal"})


#: Abstract, event and state nouns that say nothing: as the subject the parse gives a cue
#: ("A diplomatic row is brewing after ... suggested", "The spat ... prompting NAME to
#: announce"), a phrase of the writer's taken for the speaker. With
#: :data:`_MUTE_HAPPENINGS`, :data:`_MUTE_THINGS` and the nouns :func:`_mute_noun` finds
#: by their ending.
_ABSTRACT_NOUNS = frozenset({
    "row", "spat", "feud", "rift", "tension", "friction", "clash", "standoff", "stand-off",
    "arrangement", "effort", "progress", "pressure", "criticism", "confidence", "sanction",
    "truce", "ceasefire", "cease-fire", "uprising", "revolt", "rebellion", "protest", "rally",
    "smoke", "importance", "destruction", "attack", "bombing", "blast", "explosion",
    "shooting", "killing", "massacre", "offensive", "raid", "strike", "assault", "battle",
    "clampdown", "crackdown", "talk", "step", "push", "bid", "attempt", "idea", "question",
    "issue", "matter", "case", "news", "word", "rumour", "rumor", "hope", "fear", "concern",
    "worry", "anger", "outrage", "alarm", "panic", "save", "level", "rate", "number", "total",
    "figure", "toll", "cost", "price", "goal", "aim", "task", "policy", "position", "stance",
    "view", "line", "approach", "strategy", "move", "response", "reaction", "action",
    "measure", "vote", "veto", "ban", "threat", "warning", "call", "demand", "appeal",
    "pledge", "promise", "offer", "scandal", "affair", "saga", "drama", "story", "event",
    "incident", "episode"})
#: Endings of abstract nouns of an act or a state ("arrangements", "destruction",
#: "confidence", "importance", "intensity").
_ABSTRACT_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ism)s?$")
#: Nouns with those endings that name a body or a text that speaks ("the
#: administration", "the commission", "the international community", "the resolution"):
#: never mute.
_SPEAKING_ABSTRACT = frozenset({
    "community", "university", "charity", "intelligence", "alliance", "movement",
    "establishment", "leadership", "station", "nation", "mission", "commission", "federation",
    "foundation", "institution", "confederation", "corporation", "congregation", "population",
    "publication", "conference", "celebrity", "personality", "authority", "majority",
    "minority", "presidency", "government", "parliament", "department", "management",
    "administration", "organisation", "organization", "opposition", "coalition", "delegation",
    "association", "legation", "convention", "resolution", "declaration", "proclamation",
    "amendment", "announcement", "statement", "agreement", "petition", "motion",
    "constitution", "legislation", "recommendation", "investigation", "guidance", "judgment",
    "judgement", "indictment", "testimony", "document", "assessment", "evaluation",
    "presentation", "submission", "complaint", "application", "insurance", "police", "entity",
    "faction", "union", "assembly", "embassy", "agency", "authorities", "resistance",
    "audience", "constituency", "city", "county", "municipality", "party", "electorate",
    "citizenry", "humanity", "laity", "fraternity", "sorority", "society", "security",
    "defence", "defense", "prosecution", "generation", "citation", "edition", "inscription",
    "caption", "description", "communication", "notification"})


def _mute_noun(tok: Token) -> bool:
    """Whether ``tok``, the head of a cue's subject, is a common noun of an act, an
    event or a state that cannot speak (:data:`_ABSTRACT_NOUNS`, :data:`_MUTE_HAPPENINGS`,
    or an abstract ending: "Arrangements", "the destruction"), not a name, a pronoun, a
    role, a body or a text (:func:`_can_speak`), nor one with a name in apposition or a
    named possessor.
    (:data:`_MUTE_THINGS` are not: "the sign says" before a quotation is a placard's
    text; the parse's attributions leave them out where they show, not say.)"""
    if tok.pos_ != "NOUN" or tok.ent_type_ or _can_speak(tok) or any(
            c.dep_ in ("appos", "poss") and c.ent_type_ in _SPEAKER_LABELS for c in _children(tok)):
        return False   # (a name in apposition or a possessor names the speaker: "actions, NAME,
        # the minister, told", "NATO's operation denied ..., saying")
    low = tok.lemma_.lower()
    return (low in _ABSTRACT_NOUNS or low in _MUTE_HAPPENINGS or tok.lower_ in _ABSTRACT_NOUNS
            or _ABSTRACT_ENDING.search(low) is not None)


@functools.lru_cache(maxsize=1)
def _speaking_nouns() -> frozenset[str]:
    """Common nouns of someone or something that says things: people by role, groups,
    bodies, companies, media and texts (the sets of this module), the actor tables'
    role words (``actors_sectors.tsv``) and the titles (``entities_titles.tsv``), last
    word of each."""
    words = set(_PERSON_NOUNS | _ROLE_ANTECEDENTS | _ANAPHORIC_ROLES | _TITLE_NOUNS | _GROUP_HEADS
                | _COMPANY_NOUNS | _BODY_NOUNS | _CHANNEL_NOUNS | _RELAYING_NOUNS | _DOCUMENT_NOUNS
                | _MUTE_TEXTS | _MALE_NOUNS | _FEMALE_NOUNS | _SPEAKING_ABSTRACT)
    for name in ("actors_sectors.tsv", "entities_titles.tsv"):
        for row in read_rows(name):
            if row and row[0].strip():
                last = row[0].split()[-1].lower().rstrip(".")
                words.update({last, last[:-1] if last.endswith("s") else last})
    return frozenset(words)


#: Endings of nouns of someone who does something ("researcher", "commentator",
#: "pharmacist", "historian", "participant", "employee", "resident").
_AGENT_ENDING = re.compile(r"(?:er|or|ist|ian|ant|ee|ent|ive)s?$")


def _can_speak(tok: Token) -> bool:
    """Whether ``tok`` heads a phrase naming someone or something that can say things: a
    person, an organisation, a people or a place's government (entity label or proper
    noun), a pronoun, or a common noun of a role, a group, a body, a medium or a text
    (:func:`_speaking_nouns`) or of someone who does something (an agent ending:
    "researchers", "commentators")."""
    if tok.ent_type_ in _SPEAKER_LABELS or tok.pos_ in ("PROPN", "PRON"):
        return True
    low = tok.lemma_.lower()
    words = _speaking_nouns()
    return (low in words or tok.lower_ in words
            or (low not in _ABSTRACT_NOUNS and _AGENT_ENDING.search(low) is not None))


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(tok: Token) -> bool:
    """Whether ``tok`` heads a finite clause: a tensed verb, or any verb with a tensed
    or modal auxiliary ("could be", "has left")."""
    return tok.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in _children(tok))


def _subject_read_as_object(cue: Token, comps: list[Token]) -> list[Token]:
    """The noun phrase the parse made the cue's object when it is the subject of the
    reported clause right after it ("officials warned the coming storm season could be
    the worst": not "could be the worst"): a clause complement with a finite verb, no
    subject and no "that", opening with its auxiliary or its lower-case verb (not a
    name the tagger took for a verb: "told CNN affiliate WVUE that ...") right after a
    noun object of the cue. Returns that object (to be joined to the content), or
    nothing."""
    out: list[Token] = []
    if cue.lemma_ == "tell":
        return out   # its object is the listener first (see :func:`_told_subject`)
    for c in comps:
        first = c.left_edge
        if first.text == "," and first.i < c.i:
            first = first.doc[first.i + 1]   # a comma closing the subject's apposition
        if not (first.dep_ == "aux" and first.head == c or first == c and c.is_lower):
            continue
        if c.dep_ != "ccomp" or not _finite(c) or any(k.dep_ in _SUBJECT_DEPS or k.dep_ == "mark"
                                                      for k in _children(c)):
            continue
        for d in _children(cue):
            if (d.dep_ == "dobj" and d not in comps and d.pos_ in ("NOUN", "PROPN")
                    and d.right_edge.i == c.left_edge.i - 1):
                out.append(d)
    return out


#: Request cues whose reported request goes on over an infinitive or a time clause the
#: parse hung on the cue ("calling for the president, NAME, to step down", "called for
#: tents before the rains begin").
_REQUEST_CUES = frozenset({"call", "urge", "appeal", "demand", "plead", "press"})


def _run_on(cue: Token, text: str, spans: list[tuple[int, int]], comps: list[Token],
            frames: dict[str, frozenset[str]]) -> list[tuple[int, int]]:
    """The content ``spans`` with the one after the cue run on over a clause the parse
    hung on the cue (or on a verb the cue depends on) though it belongs to what is
    reported, when that clause follows the content right away (a comma between at most):

    - a reason: "argued that the draft was one-sided, because it asked nothing of
      ...", "said he opposed the move, especially given that ..." (not one whose verb
      is a cue, a saying of its own: "blasted the panel because they said ...");
    - after a reported clause, the predicate of its long subject, or a second
      predicate of it, with no subject and no conjunction of its own ("said that A, B
      and C, were key mistakes"; "told us her father was upstairs, made the decision
      to stay"): a finite verb that is no cue (not after an object: "as NAME called
      it, tried to ..." is the writer's sentence going on);
    - a second that-clause of the cue, after "but", "and" or "or" ("said the leak was
      not fixed, but that the device was shut down");
    - after a request cue's "for", the infinitive or the time clause of the request
      ("calling for the president, NAME, to step down"; "called for more tents before
      the rainy season begins"), not after a naming ("calling him NAME, to protect
      ...").
    """
    if not spans or spans[-1][0] < cue.idx:
        return spans
    doc = cue.doc
    end = spans[-1][1]
    clause = max(comps, key=lambda c: c.right_edge.i).dep_ == "ccomp"
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None:
        return spans
    k = last.end   # the token after the content
    comma = k < len(doc) and doc[k].text == ","
    if comma:
        k += 1
    if k >= len(doc) or doc[k].sent.start != cue.sent.start:
        return spans
    ancestors = {cue.i} | {a.i for a in cue.ancestors}

    def run_on_to(h: Token) -> list[tuple[int, int]]:
        right = h.right_edge
        s, e = _trim(text, spans[-1][0], right.idx + len(right.text))
        return spans[:-1] + [(s, max(e, end))]

    h = doc[k]
    if h.dep_ == "cc" and k + 1 < len(doc) and doc[k + 1].lower_ == "that" and doc[k + 1].dep_ == "mark":
        # "said X, but that Y": a second that-clause of the same cue (not "but that is
        # ...", the writer's demonstrative)
        h = doc[k + 1].head
        if not clause or h.i <= k + 1 or not _finite(h) or h.head.i not in ancestors:
            return spans
        return run_on_to(h)
    while h.head != h and h.head.left_edge.i >= k:
        h = h.head
    if h.head == h or h.left_edge.i != k:
        return spans
    # It hangs outside the content: on the cue or on a verb the cue depends on, not
    # past the closing comma of a relative clause set off by commas that holds the cue
    # ("one woman, who told me that ..., became so angry that she left": the woman's
    # deed, the main clause going on; not "a woman who told us her father was
    # upstairs, made the decision to stay").
    if h.head.i not in ancestors:
        return spans
    step = cue
    while step != h.head:
        if step.dep_ in ("relcl", "acl") and step.left_edge.i > 0 and doc[step.left_edge.i - 1].text == ",":
            return spans
        step = step.head
    kids = _children(h)
    marks = {c.lower_ for c in kids if c.dep_ == "mark"}
    infinitive = h.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
    request = cue.lemma_.lower() in _REQUEST_CUES and text.startswith("for", spans[-1][0])
    reason = (h.dep_ == "advcl" and "because" in marks and h.lemma_.lower() not in frames
              or h.lower_ == "given" and h.dep_ in ("advcl", "prep") and not any(
                  c.dep_ in _SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in kids))
    predicate = (comma and clause and _finite(h) and h.dep_ in ("conj", "ccomp", "advcl", "parataxis")
                 and not marks and not any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "cc" for c in kids)
                 and h.lemma_.lower() not in frames)
    asked = request and h.dep_ in ("advcl", "xcomp") and (
        infinitive or marks & {"before", "until"} and any(c.dep_ in _SUBJECT_DEPS for c in kids))
    if not (reason or predicate or asked):
        return spans
    return run_on_to(h)


def _parse_attributions(doc: Doc, text: str, speech: bool = False) -> list[_Attr]:
    """Attributions found through cue verbs and "according to" in the parse; with
    ``speech``, through verbs of saying only (see :func:`_is_cue`)."""
    frames = cue_frames()
    out: list[_Attr] = []
    if len(doc) == 0:
        return out
    # Only tokens whose lemma is a cue (or the word "according") are looked at.
    from spacy.attrs import LEMMA, LOWER
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

    arr = doc.to_array([LEMMA, LOWER])
    wanted = numpy.isin(arr[:, 0], _cue_hashes()) | (arr[:, 1] == hash_string("according"))
    for i in numpy.flatnonzero(wanted).tolist():
        tok = doc[i]
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in _children(to) if c.dep_ == "pobj"), None)
            head = tok.head
            if pobj is None or head == tok or head.i in range(tok.left_edge.i, tok.right_edge.i + 1):
                continue
            if tok.i > head.i and head.lemma_.lower() in _SAYING and _medium(pobj) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in _children(head)):
                continue   # "X said, according to AFP": X is the speaker, the agency only the channel
            hs, he = _subtree_span(head)
            as_, ae = _subtree_span(tok)
            parts = [p for p in ((hs, as_), (ae, he)) if len(_WORD.findall(text[p[0]:p[1]])) >= 3]
            parts = [_trim(text, *p) for p in parts]
            parts = [p for p in parts if p[1] > p[0]]
            if not parts:
                continue
            # "X, according to Y, but Z": what Y is the source of is X; Z is the writer's.
            out.append(_Attr(parts[:1], tok, "according to", _np_span(pobj), pobj))
            continue
        if not _is_cue(tok, frames, speech):
            continue
        if speech and (any(c.dep_ == "neg" for c in _children(tok)) or _counterfactual(tok)):
            continue   # "could not confirm the reports", "would have said": nothing reported
        if speech and tok.dep_ == "xcomp" and (tok.head.lemma_.lower() in _NOT_TO_SAY or any(
                c.lower_ == "yet" for c in _children(tok.head))):
            continue   # "declined to say", "have yet to say whether": nothing reported
        fr = frames[tok.lemma_.lower()]
        comps: list[Token] = []
        for child in _children(tok):
            dep = child.dep_
            if dep == "ccomp" and "ccomp" in fr:
                comps.append(child)
            elif dep == "xcomp" and "xcomp" in fr and any(c.dep_ == "aux" and c.lower_ == "to" for c in _children(child)):
                comps.append(child)
            elif dep in ("dobj", "oprd") and dep in fr:
                comps.append(child)
            elif dep == "prep" and child.lower_ in fr and any(c.dep_ in ("pobj", "pcomp") for c in _children(child)):
                comps.append(child)
        spans: list[tuple[int, int]] = []
        if comps:
            comps += _subject_read_as_object(tok, comps)
            comps.sort(key=lambda t: t.left_edge.i)
            # Contiguous complements on the same side of the cue form one part.
            for c in comps:
                s, e = _subtree_span(c)
                if c.left_edge.tag_ in ("WDT", "WP", "WRB") and s < tok.idx < e:
                    # "a current which the agency says could carry the oil", "the man
                    # whom the rebels claim ...": the relative word and the speaker
                    # and cue after it are no part of what is said; "what the government
                    # asked us to do" names a topic, and a gap left short is no message.
                    s = tok.idx + len(tok.text)
                    if c.left_edge.lower_ in ("what", "whatever") or len(_WORD.findall(text[s:e])) < 3:
                        continue
                if spans and (s <= spans[-1][1] + 2 or (spans[-1][1] < tok.idx) == (s < tok.idx)
                              and not text[spans[-1][1]:s].strip(" ,\"“”")):
                    spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
                else:
                    spans.append((s, e))
            spans = _run_on(tok, text, spans, comps, frames)
        elif tok.dep_ == "parataxis" and "ccomp" in fr and tok.head.pos_ in ("VERB", "AUX"):
            # "However, X said, it would be ..." : the clause around the cue.
            hs, he = _subtree_span(tok.head)
            cs, ce = _subtree_span(tok)
            # The clause's subject before the cue is its content even when short ("The
            # talks, she said, have stalled"); a short word alone ("However") is not.
            # A pronoun subject too when it opens the clause (not a conjunct's: "..., but
            # she survived," he says), and one the parse hung on the auxiliary ("It
            # would, the official said, be similar to ...").
            heads = [tok.head] + [c for c in _children(tok.head) if c.dep_ in ("aux", "auxpass") and c.i < tok.i]
            lead = any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and (
                c.pos_ in ("NOUN", "PROPN") or c.pos_ == "PRON" and c.idx == hs and tok.head.dep_ != "conj")
                for h in heads for c in _children(h))
            spans = [p for p in ((hs, cs), (ce, he)) if len(_WORD.findall(text[p[0]:p[1]])) >= 3
                     or lead and p[1] <= cs and len(_WORD.findall(text[ce:he])) >= 3]
        spans = _drop_writers(text, spans, tok.idx)
        if not spans:
            continue
        parts = [_trim(text, *_clip_paragraph(text, sp, tok.idx)) for sp in spans]
        parts = [p for p in parts if p[1] > p[0] and _WORD.search(text[p[0]:p[1]])]
        if not parts:
            continue
        subj = _subject(tok)
        if subj is None and not speech and _passive(tok) == (True, None):
            # "it was reported that ...": content without a source (PolNeAR's scheme
            # annotates it so; under speech cues no quote without a speaker).
            out.append(_Attr(parts, tok, _cue_text(tok), None, None,
                             weak=_weak_content(text, comps, fr, parts)))
            continue
        if subj is None:
            continue
        if (inverted := _said_between_commas(tok, subj)) is not None:
            subj, parts = inverted
        if subj.lower_ in ("it", "there") or subj.tag_ in ("WP", "WDT"):
            continue
        if speech and _mute_noun(subj):
            continue   # "A diplomatic row is brewing ...", "Arrangements are ...": no one speaks
        if speech and (subj.lower_ in _NO_SPEAKERS or subj.lower_ == "one" and any(
                c.lower_ == "no" for c in _children(subj))) and not (
                subj.i + 2 < len(subj.doc) and subj.doc[subj.i + 1].lower_ == "other"
                and subj.doc[subj.i + 2].lower_ == "than"):
            continue   # "this threatens to ...", "No one can claim that ...": no one speaks
            # ("None other than Dr Doom himself ... saying": that very person)
        if subj.lemma_.lower() in _MUTE_THINGS or (
                subj.pos_ != "PROPN" and subj.lemma_.lower() in _MUTE_HAPPENINGS) or (tok.lemma_.lower() == "speak" and any(
                c.dep_ == "dobj" and c.lower_ == "volumes" for c in _children(tok))):
            continue   # "the move suggests ...", "the silence spoke volumes": no one speaks
        if speech and _WHETHER.match(text, parts[0][0]):
            continue   # "impossible for CNN to confirm whether ...": a question left open, no message
        if speech and _topic_question(tok, comps, text, parts):
            continue   # "explained why he wanted ...", "reveal what it entailed": the topic, no message
        if speech and _mute_source(tok, subj, text, parts):
            continue   # "studies suggest ...", "the documents reveal ...": the writer's reading of a text
        # "called the French president", "called a meeting", "calling it Operation X": no
        # quote, but its speaker is someone a later "they" or "he" may take up.
        weak = "call" if speech and _no_message_call(tok, text, parts) else _weak_content(text, comps, fr, parts)
        out.append(_Attr(parts, tok, _cue_text(tok), _speaker_span(subj), subj, weak=weak))
    return out


#: Words opening a content that is an indirect question ("explained why he wanted ...",
#: "reveal what the plan involved", "recall what happened"): it names what the
#: saying was about, not what was said.
_TOPIC_WH = frozenset({"why", "what", "where", "when"})
#: Cues after which "how" opens the topic, not an account ("explains how the deal came
#: about"; "told how she was woken by the blast" is her account).
_HOW_TOPIC_CUES = frozenset({"explain", "reveal", "show", "illustrate", "demonstrate", "detail"})
#: Cues whose indirect question is the message itself ("asked why the bridge cost more")
#: or whose "what" is the thing named ("what she calls a 'paper army'").
_QUESTION_CUES = frozenset({"ask", "wonder", "question", "inquire", "enquire", "query",
                            "call", "describe", "dub", "term", "label", "brand", "nickname",
                            # ... or that asserts what it stresses ("emphasised why the past matters")
                            "emphasize", "emphasise", "stress", "underline", "underscore",
                            "highlight", "note"})


def _topic_question(cue: Token, comps: list[Token], text: str, parts: list[tuple[int, int]]) -> bool:
    """Whether the content of ``cue`` is an indirect question that names a topic, not
    a message: its first word is why/what/where/when (or "how" after a cue of
    :data:`_HOW_TOPIC_CUES`) belonging to the complement clause itself (not to a clause
    inside it: "said when the driver refused, the soldiers fired" is a message), no
    quotation mark in it, not "how" before an adjective or adverb ("explained how
    urgent the repairs are": a message), and the cue is no verb of asking, naming or stressing
    (:data:`_QUESTION_CUES`) nor inside the content ("what X calls ...")."""
    lemma = cue.lemma_.lower()
    if not comps or lemma in _QUESTION_CUES:
        return False
    start, end = parts[0]
    if start <= cue.idx < end or any(_QUOTE_MARK.search(text, s, e) or "`" in text[s:e] for s, e in parts):
        return False
    span = cue.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    low = first.lower_
    if not (low in _TOPIC_WH or low == "how" and lemma in _HOW_TOPIC_CUES):
        return False
    if (low == "how" and first.head.i == first.i + 1 and first.head.pos_ in ("ADJ", "ADV")
            and first.head.dep_ != "amod"):
        return False   # "explained how urgent the repairs are": a message of degree
    # the first verb above the wh-word is the complement clause's own head
    head = first.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX") and head not in comps:
        head = head.head
    return head in comps


#: A single quotation mark opening quoted words ("called the cost ' a waste '").
_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(]))['‘]\s?\w")
#: Verbs that give something a name ("calling it ...", "dubbed it ...").
_NAMING_VERBS = frozenset({"call", "name", "dub", "term", "label", "brand", "nickname"})


def _no_message_call(cue: Token, text: str, parts: list[tuple[int, int]]) -> bool:
    """Whether ``cue``, a form of "call" with no quotation mark in its content or its
    own phrase, says nothing: a call with an object and no predicate of it is a
    telephone call or a summons ("called the French president on Sunday", "residents
    should call their doctor", "called a meeting of experts", "activists called a day
    of mourning"); a call whose predicate is a proper name, or a participle hung on a
    noun with a predicate, gives a name ("calling it Operation Desert Thunder", "a
    part called a flange joint"). A call for something ("called for an inquiry", "the
    plan called for talks, a proposal ..."), "called the report self-serving",
    "called him a liar" and 'called it "a disaster"' are messages."""
    if cue.lemma_.lower() != "call":
        return False
    own = _subtree_span(cue)
    if any(_QUOTE_MARK.search(text, s, e) or "`" in text[s:e] or "''" in text[s:e]
           or _SINGLE_OPENING.search(text, s, e) for s, e in parts + [own]):
        return False
    kids = _children(cue)
    if any(c.dep_ == "prep" and c.i == cue.i + 1 and c.lower_ in ("for", "on") for c in kids):
        return False   # "called for ...", "called on ... to ...": a request
    deps = collections.Counter(c.dep_ for c in kids)
    if cue.dep_ == "acl" and cue.tag_ == "VBN":
        return deps["oprd"] == 1   # "a part called ...": what it is named
    if deps["dobj"] and not deps["oprd"] + deps["ccomp"] + deps["xcomp"] and not any(
            c.dep_ == "dobj" and any(g.dep_ == "nsubj" or g.i > c.i and (
                g.dep_ == "appos" or g.dep_ in ("acl", "amod") and g.tag_ == "JJ") for g in _children(c))
            for c in kids):
        # (not a predicate the parse hung on the object: "calls [that a lie]", "called
        # NAME [a martyr]appos", "called terrorism [centrally directed]acl")
        return True
    if deps["oprd"] == 1 and not deps["dobj"] + deps["nsubjpass"] + deps["auxpass"] + deps["ccomp"] + deps["xcomp"]:
        return True   # "called the German chancellor", the object parsed as a predicate
    oprd = next((c for c in kids if c.dep_ == "oprd"), None)
    return oprd is not None and oprd.tag_ in ("NNP", "NNPS") and oprd.ent_type_ != "NORP"


#: Texts and findings that show or suggest but speak for no one in particular ("studies
#: suggest", "the leaked files reveal", "the search concluded"): with a cue of
#: :data:`_EVIDENCE_CUES` and no quotation mark in the content, the writer's reading
#: of them, not anyone's words.
_MUTE_TEXTS = frozenset({
    "document", "paper", "file", "record", "memo", "memorandum", "email", "e-mail", "cable",
    "note", "minute", "transcript", "diary", "log", "report", "study", "research", "survey",
    "poll", "analysis", "investigation", "examination", "search", "evidence", "data", "figure",
    "statistic", "result", "finding", "chapter", "paragraph", "passage", "section", "page",
    "entry", "essay", "article", "book", "code", "advice", "answer", "premise", "example",
    "element", "extract", "excerpt", "leak", "footage", "video", "film", "documentary", "map",
    "chart", "table", "graph", "test", "experiment", "trial", "scan", "autopsy", "review",
    "audit", "assessment", "model", "projection", "forecast", "census", "archive", "dream",
    "intervention", "shelling", "war", "unrest", "situation", "deal", "story", "account",
    "estimate", "calculation", "measurement", "image", "picture", "photograph", "photo"})
#: Cues that are no verb of saying when a text or a finding is their subject: what it
#: shows, not what it says ("the report said" and "the memo claimed" stay).
_EVIDENCE_CUES = frozenset({
    "reveal", "suggest", "confirm", "conclude", "explain", "stress", "emphasise", "emphasize",
    "recommend", "estimate", "predict", "threaten", "continue", "indicate", "show", "find",
    "demonstrate", "highlight", "underline", "underscore", "illustrate", "prove", "acknowledge",
    "admit", "blame", "detail", "disclose", "expose", "document", "record", "propose"})


def _mute_source(cue: Token, subj: Token, text: str, parts: list[tuple[int, int]]) -> bool:
    """Whether ``subj`` is a text or a finding (:data:`_MUTE_TEXTS`: "the documents",
    "animal studies", "the later chapters"; or "all of which", "none of this"), not a
    person or a body, the subject of a
    cue of :data:`_EVIDENCE_CUES`, with no quotation mark in the content: narration of
    what it shows, not someone's words (quoted words of a document stay its quote)."""
    if cue.lemma_.lower() not in _EVIDENCE_CUES:
        return False
    if subj.lower_ in _PARTITIVES and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(
                o.dep_ == "pobj" and o.lower_ in ("this", "that", "which", "it", "these")
                for o in _children(c)) for c in _children(subj)):
        pass   # "All of which suggests ...", "None of this suggests ...": the writer's inference
    elif subj.pos_ != "NOUN" or subj.ent_type_ or (
            subj.lemma_.lower() not in _MUTE_TEXTS and subj.lower_ not in _MUTE_TEXTS):
        return False
    return not any(_QUOTE_MARK.search(text, s, e) or "`" in text[s:e] for s, e in parts)


#: A phrase naming where or how something was said ("in a report", "on state
#: television", "in an interview with the BBC"): the writer's words about the saying.
_MEDIUM = re.compile(r"[\W_]*(?:in|on|at|during|via|through)\s+(?:[\w'’.-]+\s+){0,4}?"
                     r"(?:statements?|reports?|interviews?|speech|speeches|messages?|letters?|"
                     r"broadcasts?|briefings?|conferences?|television|TV|radio|Twitter|Facebook|"
                     r"blogs?|websites?|posts?|tweets?|remarks|comments)\b")


#: A quotation closed with a comma ('...,” they said'; '...”, they said'): at the start
#: of what follows it, or at the end of the quotation's span.
#: The end of the text before a quotation that goes on after its cue: a comma, colon,
#: semicolon, dash, "and" or "but" ('..., X said, but "B"'), then the opening mark.
_AFTER_PAUSE = re.compile(r"(?:[,:;—–-]|\b(?:and|but)\b)\s*(?:[\"“]|``)\s*\Z")
_CLOSED_COMMA = re.compile(r"\s*(?:,\s*[”\"]|[”\"]\s*,)")
_OPENS_SENTENCE = re.compile(r"(?:\A|[.!?:]\s+|\n\s*)[“\"]\s*\Z")
_COMMA_CLOSED = re.compile(r"(?:,\s*[”\"]|[”\"]\s*,)\s*\Z")
#: Characters before a point that a pattern anchored there reads back (its blanks included).
_TAIL = 200


def _drop_writers(text: str, spans: list[tuple[int, int]], cue_at: int) -> list[tuple[int, int]]:
    """``spans`` (a cue's content, sorted) without what follows the cue (at ``cue_at``)
    that is the writer's, not the speaker's: everything after a quotation closed right
    before the cue ('"We have to go," they said, some of them visibly nervous'; '"Tell
    the truth," a man told me as the officer stamped my passport'), unless it quotes
    words again ('..., he said, but "when ..."'); a phrase naming where it was said ("..., activists say, in a report
    that could not be verified")."""
    before = [p for p in spans if p[1] <= cue_at]
    # The quotation before the cue opens its sentence ('"...," they said'; not 'Bemoaning
    # the "phony system," Trump accused Holt of ...', nor 'To "some extent," he said, the
    # aircraft ...').
    at = before[-1][0] + (text[before[-1][0]:before[-1][0] + 1] in ("“", "\"")) if before else 0
    # (only the end of the text before it is read: a search from the start of the text
    # for a pattern anchored at its end is quadratic over an article of quotations)
    opens = bool(before) and _OPENS_SENTENCE.search(text, max(0, at - _TAIL), at) is not None
    closed = opens and (_CLOSED_COMMA.match(text, before[-1][1], cue_at) is not None
                               or _COMMA_CLOSED.search(text, before[-1][0], before[-1][1]) is not None)
    out = []
    for p in spans:
        after = text[p[0]:p[1]].lstrip(" \t,")
        if p[0] >= cue_at and before and (closed and not _QUOTE_MARK.search(after) or _MEDIUM.match(after)):
            continue
        out.append(p)
    return out


#: Content that is an open question ("whether the fire was incoming").
#: Not "if" (mostly a condition opening the content), nor "whether ... or ...," (a
#: concession: "Whether he stays or goes, the country faces ...").
_WHETHER = re.compile(r"whether\b(?![^,.;]*\bor\b[^,.;]*,)", re.I)
#: Verbs whose infinitive of saying reports nothing ("declined to say", "refused to comment").
_NOT_TO_SAY = frozenset({"decline", "refuse", "fail", "hesitate"})

#: Prepositions whose phrase names what was talked about, not what was said
#: ("talk about", "refer to", "comment on").
_TOPIC_PREPS = {"about", "to", "on"}


def _holds_message(obj: Token) -> bool:
    """Whether the object ``obj`` carries a clause that is a message ("denied reports
    that troops fired", "rejected the claim that ..."): a clause opened by "that" or
    "whether" hanging on the object's noun."""
    return any(c.dep_ in ("acl", "ccomp", "appos") and any(
        m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in _children(c))
        for c in _children(obj))


def _weak_content(text: str, comps: list[Token], frames: frozenset[str],
                  parts: list[tuple[int, int]]) -> str:
    """Why a cue's content is a noun phrase that does not carry a message: "topic"
    ("talked about the issues", "referred to the spill"), "seen" (a cue of the
    data file's frame ``seen`` with only an object or an of/about phrase: "reported
    heavy shelling", "described the scene"), "act" (a cue of the frame ``act`` with
    only an object that holds no clause: "announced new sanctions", "condemned the
    attack"), "short" ("denied it",
    "called for reform", "condemned Moscow and Beijing"), "target" (only the target
    of a cue that gives its reason in a phrase that is missing: "accused his former
    masters" without "of ..."); "" when it may carry one."""
    if not comps or any(c.dep_ not in ("dobj", "oprd", "prep") for c in comps):
        return ""
    preps = [c for c in comps if c.dep_ == "prep"]
    if preps and len(preps) == len(comps) and all(c.lower_ in _TOPIC_PREPS for c in preps):
        return "topic"
    if "seen" in frames and all(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("of", "about")
                                for c in comps):
        return "seen"   # "reported heavy shelling", "warning of a massacre"
    if "act" in frames and all(c.dep_ == "dobj" and not _holds_message(c) for c in comps):
        return "act"    # "announced new sanctions", "condemned the attack"
    if sum(len(_WORD.findall(text[s:e])) for s, e in parts) < 4:
        return "short"
    if not preps and frames & {"for", "of"} and "oprd" not in frames:
        return "target"
    return ""


# ---------------------------------------------------------------------------
# Direct quotes not reached by the parse


class _CueIndex:
    """What :func:`_cue_for_quote` looks up, computed once per document so that each
    quotation costs O(log n): sentence bounds, the cue tokens that have a subject,
    and the line breaks of the text."""

    def __init__(self, doc: Doc, text: str, speech: bool = False) -> None:
        frames = cue_frames()
        self.sents = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        self.sent_starts = [s[0] for s in self.sents]
        self.cues = [t for t in doc if _is_cue(t, frames, speech) and (subj := _subject(t)) is not None
                     and not (speech and (_counterfactual(t) or _mute_noun(subj)))]
        self.cue_idx = [t.idx for t in self.cues]
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def sent_of(self, i: int) -> tuple[int, int, int, int]:
        """``(start, end, start_char, end_char)`` of the sentence holding token ``i``."""
        return self.sents[bisect.bisect_right(self.sent_starts, i) - 1]

    def has_newline(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a line break."""
        k = bisect.bisect_left(self.newlines, start)
        return k < len(self.newlines) and self.newlines[k] < end


def _cue_for_quote(doc: Doc, text: str, qs: int, qe: int,
                   index: _CueIndex | None = None) -> Token | None:
    """The cue verb that attributes the quotation ``[qs, qe)``, if one is nearby.

    Looks in the sentences the quote touches and, when the quote ends a sentence
    and the next one starts in lower case ('"...," he said.'), that one too; a
    cue must lie outside the quote, on the same line, and have a subject; the
    nearest wins (before the quote on a tie). ``index`` is the document's
    :class:`_CueIndex` (built when None).
    """
    index = index or _CueIndex(doc, text)
    first = doc.char_span(qs, qe, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    s0 = index.sent_of(first[0].i)
    s1 = index.sent_of(first[-1].i)
    start_i, end_i = s0[0], s1[1]
    if end_i < len(doc):
        nxt = index.sent_of(end_i)
        gap = text[s1[3]:nxt[2]]
        if "\n" not in gap and _LOWER_START.match(text, qe + 1) is not None:
            end_i = nxt[1]
        elif "\n" not in gap and text[qe + 1: qe + 2] == "," :
            end_i = nxt[1]
    # The nearest cue on each side; a farther one has the same line break between.
    best: Token | None = None
    k = bisect.bisect_left(index.cue_idx, qs) - 1
    if k >= 0 and index.cues[k].i >= start_i and not index.has_newline(index.cue_idx[k], qs):
        best = index.cues[k]
    k = bisect.bisect_left(index.cue_idx, qe)
    if k < len(index.cues) and index.cues[k].i < end_i and not index.has_newline(qe, index.cue_idx[k]):
        if best is None or index.cue_idx[k] - qe < qs - best.idx:
            best = index.cues[k]
    if best is None and k < len(index.cues):
        # A question or exclamation whose "said X" the sentence splitter put on a line of
        # its own ('"What cease-fire?"⏎asked a doctor in Misrata'): that cue, the first
        # word of the next line.
        m = _NEXT_LINE_CUE.match(text, qe)
        if m is not None and index.cue_idx[k] == m.end() - len(m.group(1)):
            best = index.cues[k]
    return best


#: What follows a quotation closed at a line's end when its cue opens the next line in
#: lower case: the closing mark, the line break, the cue word.
_NEXT_LINE_CUE = re.compile(r"[ \t]*(?:''|[”\"])?\s*\n\s*([a-z]+)\b")


def _names_another(doc: Doc, ents: _Entities, text: str, quoted: _Covers, prev: _Attr,
                   upto: int) -> bool:
    """Whether the narration between the line of the attribution ``prev`` and ``upto``
    (the paragraph of a quotation with no cue of its own) names someone else: a
    person named outside quotation marks, not as a modifier nor a possessor ("Bush's
    plan"), whose name shares no word with a person named around ``prev`` (its line
    and the two before, outside quotation marks: the speaker, or the one its pronoun
    stands for), in a sentence that is neither a question (an interviewer's, answered
    by the quote) nor one whose subject is "he" or "she" (the one quoted, still)."""
    lo = _line_end(text, max(prev.end, prev.speaker[1] if prev.speaker else 0))
    if not text[lo:upto].strip():
        return False
    first = min(prev.start, prev.speaker[0]) if prev.speaker else prev.start
    around = _lines_back(text, first, 2)
    k = bisect.bisect_left(ents.people_starts, around)
    known: set[str] = set()
    for e in ents.people[k:]:
        if e["start"] >= upto:
            break
        if e["start"] in ents.modifiers or e["start"] in quoted:
            continue
        name = _ent_name(e) or ""
        if e["start"] < lo:
            known.update(w for w in name.split() if len(w) > 2)
            continue
        if _POSSESSIVE.match(text, e["end"]) or known & set(name.split()):
            continue
        before = text[text.rfind("\n", 0, prev.start) + 1:e["start"]]
        if (before.count("“") + before.count("``") > before.count("”") + before.count("''")
                or before.count("\"") % 2):
            continue   # inside quoted words run on over paragraphs (no closing mark yet)
        span = doc.char_span(e["start"], e["end"], alignment_mode="expand")
        sent = span.sent if span is not None and len(span) else None
        if sent is not None and (sent.text.rstrip(" \t\n\"“”'`").endswith("?") or any(
                t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she")
                for t in _children(sent.root))):
            continue
        return True
    return False


def _introduced(doc: Doc, ents: _Entities, upto: int) -> Token | None:
    """The person the sentence ending right before ``upto`` (a paragraph of quoted words
    with no cue) makes the subject of its main verb, named there (not a possessor nor a
    pronoun: "Omar Reyes knelt by the new grave."); None else."""
    end = upto
    while end > 0 and doc_text(doc)[end - 1].isspace():
        end -= 1
    span = doc.char_span(max(0, end - 1), end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span[0].sent.root
    subj = next((c for c in _children(root) if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ != "NNP":   # not "Ordinary Baghdadis"
        return None
    people = [e for e in ents.overlapping_all(subj.idx, subj.idx + len(subj)) if e.get("label") == "PERSON"]
    return subj if people else None


def _lines_back(text: str, pos: int, n: int) -> int:
    """The start of the ``n``-th line holding more than blanks before the line of ``pos``
    (0 when there are fewer)."""
    start = text.rfind("\n", 0, pos) + 1
    while n > 0 and start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        if text[prev:start].strip():
            n -= 1
        start = prev
    return start


def _line_end(text: str, pos: int) -> int:
    """The position of the first line break at or after ``pos`` (the text's end if none)."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _governs(cue: Token, doc: Doc, qs: int, qe: int) -> bool:
    """Whether the quotation ``[qs, qe)`` lies in ``cue``'s subtree and is more
    than a quoted name or title (a run of capitalised words)."""
    span = doc.char_span(qs, qe, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    words = [t for t in span if t.is_alpha]
    if words and all(t.text[:1].isupper() for t in words):
        return False
    return cue.left_edge.i <= span[0].i and span[-1].i <= cue.right_edge.i


def _in_adjunct(cue: Token, doc: Doc, qs: int, qe: int) -> bool:
    """Whether the quotation ``[qs, qe)`` lies in a prepositional phrase of ``cue``
    that is none of its content frames: a title or name in where or how it was said
    ('said in interviews on "State of the Union"'), not what was said ("spoke of a
    "great threat"")."""
    span = doc.char_span(qs, qe, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if not all(t.is_title or t.lower_ in _TITLE_SMALL for t in span if t.is_alpha):
        return False   # a title or name, not words of someone's ("on a regular basis that "...")
    tok = span.root
    for _ in range(len(doc)):
        if tok.head == cue or tok.head == tok:
            break
        tok = tok.head
    # The preposition outside the quotation ('said in "State of the Union"', not '"On
    # this basis," X said, "..."').
    return (tok.head == cue and tok != cue and tok.dep_ == "prep" and tok.lower_ in _SETTING_PREPS
            and not span.start <= tok.i < span.end
            and tok.lower_ not in cue_frames().get(cue.lemma_.lower(), frozenset()))


#: Small words of a title ("State of the Union").
_TITLE_SMALL = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with"})
#: Prepositions of where, when and through what something was said.
_SETTING_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "via", "through",
                            "from", "since", "outside", "inside", "near"})


_COLON_SPEAKER = re.compile(r"^[ \t]*((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*)[ \t]*:[ \t]+(\S.*)$", re.M)


#: Labels of an interview's lines that name no speaker.
_INTERVIEW_LABELS = frozenset({"question", "q", "answer", "a", "interviewer"})
#: First words of the labels of page furniture: a photograph's credit and caption, a
#: cast list, an e-mail's subject line, a correction ("Photograph: NAME/AP The 30th
#: anniversary of ..."); nobody speaks there.
_FURNITURE_LABELS = frozenset({
    "photograph", "photographs", "photo", "photos", "picture", "pictures", "image", "images",
    "credit", "credits", "caption", "illustration", "graphic", "graphics", "video", "map",
    "source", "sources", "cast", "subject", "correction", "corrections", "update", "gallery",
    "related", "watch", "listen", "audio", "timeline", "factbox", "profile", "tags"})
#: A date (and maybe a clock time) right after a line's label: the posting stamp of a
#: reader's comment ("Added: Monday, 11 January, 2010, 09:05 GMT ..."), nobody's speech.
_POSTING_STAMP = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s*)?\d{1,2}\s+(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\s*,?\s*\d{4}\b")
#: Entity types of a label that names no speaker: a day or date, a language or
#: nationality ("French: meurt means dies"). (Not a place: the small model tags
#: unfamiliar first names so, "Nastaran: ...".)
_NO_SPEAKER_ENTS = frozenset({"DATE", "TIME", "NORP", "LANGUAGE"})


def _colon_attributions(doc: Doc, text: str, ents: _Entities) -> list[_Attr]:
    """Transcript lines "NAME: what they said" (speaker of one to four capitalised words).

    An interview gives each speaker several lines; a name that heads one line only
    is mostly a label of a fact box, a gallery or headlines run together ("Syria:
    ...", "Area: ...", "Clinton: Libya will be held accountable Clinton warned ..."),
    kept only when the line is wholly one quotation in marks ('Paul Conroy: "We left
    ..."') or a headline of its own (:func:`_headline`) after a name that is no place.
    """
    found = []
    for m in _COLON_SPEAKER.finditer(text):
        s, e = _trim(text, m.start(2), m.end(2))
        if e - s >= 10:
            found.append((m, s, e))
    lines = collections.Counter(m.group(1) for m, _, _ in found)
    out = []
    for m, s, e in found:
        if m.group(1).lower().rstrip(".") in _INTERVIEW_LABELS:
            continue   # "Question: ...": the interviewer's question, nobody named
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if m.group(1).split()[0].lower().rstrip(".") in _FURNITURE_LABELS or name is not None and any(
                t.ent_type_ in _NO_SPEAKER_ENTS for t in name):
            continue   # "Photograph: NAME/AP <caption>", "Saturday: ...", "French: <word> means ..."
        if _POSTING_STAMP.match(text, s):
            continue   # "Added: Monday, 11 January, 2010, 09:05 GMT ...": a reader's comment
        if lines[m.group(1)] < 2 and not _wholly_quoted(text, s, e) and not (
                _headline(text[s:e]) and _names_someone(name, ents)):
            continue
        tok = name.root if name is not None and len(name) else None
        out.append(_Attr([(s, e)], None, ":", (m.start(1), m.end(1)), tok, "direct"))
    return out


def _headline(line: str) -> bool:
    """Whether ``line`` reads as one headline: at most 14 words, or at most 30 in title
    case (most words of four letters or more capitalised), as headlines set apart are;
    not a headline run on into the next one or into the story."""
    words = _WORD.findall(line)
    if len(words) <= 14:
        return True
    long = [w for w in words if len(w) >= 4 and w.isalpha()]
    return len(words) <= 30 and bool(long) and sum(w[0].isupper() for w in long) > 0.7 * len(long)


def _names_someone(name: Span | None, ents: _Entities) -> bool:
    """Whether ``name`` (a line's label) may name a speaker: it is no place entity
    ("Sanders", not "Syria")."""
    if name is None or not len(name):
        return False
    return not any(x.get("label") in ("GPE", "LOC")
                   for x in ents.overlapping_all(name.start_char, name.end_char))


def _wholly_quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one quotation: it opens with a quotation mark
    and its first closing mark ends it (a final full stop aside)."""
    if text[start:start + 1] not in ("\"", "“"):
        return False
    close = min((i for i in (text.find("\"", start + 1, end), text.find("”", start + 1, end))
                 if i >= 0), default=-1)
    return close >= 0 and not text[close + 1:end].strip(" .,")


# ---------------------------------------------------------------------------
# Speaker resolution


class _Entities:
    """Entities of the article, sorted by start, for speaker look-ups."""

    def __init__(self, items: list[dict], text: str) -> None:
        self.items = [e for e in items if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]
        self.items.sort(key=lambda e: e["start"])
        self.starts = [e["start"] for e in self.items]
        self.people = [e for e in self.items if e.get("label") == "PERSON"]
        self.people_starts = [e["start"] for e in self.people]
        #: Starts of people named as a modifier, or no people (see :meth:`mark_modifiers`).
        self.modifiers: set[int] = set()
        #: Starts of people named as the subject of a clause.
        self.subjects: set[int] = set()
        #: Starts of people named only inside a prepositional phrase ("went to dinner
        #: with Ann Lee"), not one of "by" or "according to" (see :meth:`mark_modifiers`).
        self.oblique: set[int] = set()
        #: For those people: the sexes ("m", "f") of the personal pronouns written before
        #: them in their sentence ("His cartoons of Omar Reyes hang in every cafe": "m").
        self.oblique_pronouns: dict[int, set[str]] = {}
        #: Starts of people whose sex a noun in apposition tells (see :func:`_sexes`).
        self.role_sex: dict[int, str] = {}
        #: For people named outside the subject of their sentence's main clause: that
        #: subject, when it comes before them (its offset, the pronoun "he"/"she", or
        #: "role" for a role noun: "the former diplomat").
        self.main_subject: dict[int, int | str] = {}
        #: People brought in by a role noun as the subject of a clause, with no name
        #: ("the boy's father stood by the grave", "One widow recalls"): ``(offset, the
        #: phrase, sex or "")``, in text order (see :meth:`mark_modifiers`).
        self.roles: list[tuple[int, str, str]] = []
        #: Spans of names given to something by a verb of naming ("calling it Operation
        #: Desert Thunder"): no group that speaks (see :meth:`mark_modifiers`).
        self.given_names: list[tuple[int, int]] = []
        #: Each word of a person's name mapped to the names holding it (built on first use).
        self._words: dict[str, set[str]] | None = None
        #: How many times the article names each organisation, and patterns of the
        #: names of the companies among them (see :meth:`last_company_before`).
        self._orgs: tuple[collections.Counter[str | None], list[tuple[re.Pattern[str], str]]] | None = None
        # Lower-cased text written just before each person, for titles ("spokeswoman X").
        self.before = [text[max(0, e["start"] - 40):e["start"]].lower().rstrip(" ,:") for e in self.people]
        self.text = text

    def overlapping_all(self, start: int, end: int) -> list[dict]:
        """Speaker-like entities sharing a character with ``[start, end)``, in order."""
        i = bisect.bisect_left(self.starts, end)
        out = []
        for e in reversed(self.items[max(0, i - 12):i]):
            if e["end"] > start and e.get("label") in _SPEAKER_LABELS:
                out.append(e)
        out.reverse()
        return out

    def label(self, start: int, end: int) -> str | None:
        """The label of the best speaker entity in ``[start, end)``, if any."""
        e = self.overlapping(start, end)
        return e.get("label") if e is not None else None

    def overlapping(self, start: int, end: int) -> dict | None:
        """The best speaker entity inside ``[start, end)``: a PERSON if any, the last one else."""
        found = self.overlapping_all(start, end)
        if not found:
            return None
        people = [e for e in found if e.get("label") == "PERSON"]
        return (people or found)[-1]

    def last_person_before(self, pos: int, quoted: list[tuple[int, int]],
                           since: int = 0, exclude: frozenset[str] = frozenset()) -> dict | None:
        """The last PERSON mention starting in ``[since, pos)``, outside quotations,
        not a modifier of another noun (see :meth:`mark_modifiers`) and whose name
        (:func:`_ent_name`) is not in ``exclude``."""
        i = bisect.bisect_left(self.people_starts, pos)
        for e in reversed(self.people[:i]):
            if e["start"] < since:
                return None
            if e["start"] in self.modifiers or any(qs <= e["start"] < qe for qs, qe in quoted):
                continue
            if exclude and _ent_name(e) in exclude:
                continue
            return e
        return None

    def person_named(self, word: str) -> str | None:
        """The one person of the article whose name holds the capitalised ``word`` ("Ban"
        for Ban Ki-moon, a surname the parser took for a common word); None when no
        person's name or several people's names hold it."""
        if not word[:1].isupper() or " " in word:
            return None
        if self._words is None:
            self._words = {}
            for e in self.people:
                name = e.get("canonical") or e.get("text") or ""
                for w in set(re.split(r"[\s-]+", e.get("text") or "")):
                    self._words.setdefault(w, set()).add(name)
        names = self._words.get(word, set())
        return next(iter(names)) if len(names) == 1 else None

    def mark_modifiers(self, doc: Doc) -> None:
        """Note the people named only as a modifier of another noun ("the Assad
        government", "the Obama administration") and the mentions the entity stage
        took for people that are buildings or places (a name ending in such a word,
        "Mitiga Airport"): no antecedent of
        "he" or "she"; and the people named as the subject of a clause (see
        :meth:`last_subject_before`)."""
        for tok in doc:
            if tok.dep_ == "oprd" and tok.head.lemma_.lower() in _NAMING_VERBS:
                self.given_names.append(_subtree_span(tok))
            if (tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NN" and not tok.ent_type_
                    and tok.lemma_.lower() in _ROLE_ANTECEDENTS - _TITLE_NOUNS
                    and tok.left_edge.lower_ not in ("my", "our", "your")
                    and any(c.dep_ in ("det", "poss", "nummod") for c in _children(tok))
                    and not any(t.ent_type_ == "PERSON" for t in tok.subtree)
                    and not any(c.dep_ in ("appos", "relcl", "acl") for c in _children(tok))
                    and (tok.head == tok.sent.root
                         or tok.head.dep_ in ("conj", "advcl") and tok.head.head == tok.sent.root)):
                low = tok.lemma_.lower()
                start, end = _np_span(tok)
                self.roles.append((start, self.text[start:end],
                                   "m" if low in _MALE_NOUNS else "f" if low in _FEMALE_NOUNS else ""))
        for e in self.people:
            span = doc.char_span(e["start"], e["end"], alignment_mode="expand")
            if span is not None and len(span):
                root = span.root
                noun = (root.head if root.dep_ == "appos" else next(
                    (c for c in _children(root) if c.dep_ == "appos"), root)).lemma_.lower()
                if noun in _MALE_NOUNS or noun in _FEMALE_NOUNS:
                    self.role_sex[e["start"]] = "m" if noun in _MALE_NOUNS else "f"
                if (root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end
                        or root.lower_ in _PLACE_WORDS
                        or len(span) == 1 and (root.tag_ == "VBG" or root.lower_ in _PARTICIPLE_OPENERS)
                        and root.lower_.endswith("ing") and root.i + 1 < len(doc)
                        and doc[root.i + 1].dep_ in ("prep", "dobj", "punct", "advmod")):
                    # (the last: a participle opening a sentence taken for a name,
                    # "Writing on his blog, ...", "Speaking to reporters, ...")
                    self.modifiers.add(e["start"])
                elif _oblique(root):
                    self.oblique.add(e["start"])
                    self.oblique_pronouns[e["start"]] = {
                        _PRONOUN_SEX[t.lower_] for t in root.sent
                        if t.lower_ in _PRONOUN_SEX and t.pos_ == "PRON" and t.i < span.start}
                elif root.dep_ in ("nsubj", "nsubjpass"):
                    self.subjects.add(e["start"])
                if e["start"] not in self.subjects:
                    # Who the main clause of the sentence is about, when it names this
                    # person elsewhere ("Ali Marsh still thinks the rebels can outlast Omar
                    # Reyes.", "He will have sharp words for Omar Reyes").
                    main = root.sent.root
                    subj = next((c for c in _children(main) if c.dep_ in ("nsubj", "nsubjpass")), None)
                    role = subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in _PERSON_NOUNS
                    if subj is not None and (root.dep_ == "appos" and root.head.i == subj.i or role and (
                            subj.left_edge.i <= span.start and span.end <= subj.right_edge.i + 1)
                            and (root.dep_ == "appos" or root.head.lemma_ in ("call", "name"))):
                        # The one the subject's role noun names ("The deputy minister, Ana
                        # Ruiz, ...", "A man called Sami came over").
                        self.subjects.add(e["start"])
                    elif subj is not None and subj.i < span.start:
                        self.main_subject[e["start"]] = (
                            subj.lower_ if subj.lower_ in _PERSON_PRONOUNS
                            else "role" if role
                            else subj.idx)

    def last_salient_before(self, pos: int, quoted: list[tuple[int, int]], since: int,
                            exclude: frozenset[str] = frozenset()) -> dict | None:
        """The last person in ``[since, pos)`` outside quotations, not a modifier, not
        named only inside a prepositional phrase (:attr:`oblique`) and whose name is not
        in ``exclude``."""
        i = bisect.bisect_left(self.people_starts, pos)
        for e in reversed(self.people[:i]):
            if e["start"] < since:
                return None
            if (e["start"] in self.modifiers or e["start"] in self.oblique
                    or any(qs <= e["start"] < qe for qs, qe in quoted)):
                continue
            if exclude and _ent_name(e) in exclude:
                continue
            return e
        return None

    def last_subject_before(self, pos: int, quoted: list[tuple[int, int]], since: int,
                            exclude: frozenset[str] = frozenset()) -> dict | None:
        """The last person named as the subject of a clause ("Gardner has not ...")
        in ``[since, pos)``, outside quotations, whose name is not in ``exclude``: the
        one a story goes on calling "he" or "she" a few sentences later."""
        i = bisect.bisect_left(self.people_starts, pos)
        for e in reversed(self.people[:i]):
            if e["start"] < since:
                return None
            if e["start"] not in self.subjects or any(qs <= e["start"] < qe for qs, qe in quoted):
                continue
            if exclude and _ent_name(e) in exclude:
                continue
            return e
        return None

    def last_group_before(self, pos: int, quoted: list[tuple[int, int]],
                          since: int, plural: bool = True) -> dict | None:
        """The last organisation, or (with ``plural``) group of people written in the
        plural ("Kurds", not the adjective "Kurdish"), starting in ``[since, pos)``
        outside quotations."""
        i = bisect.bisect_left(self.starts, pos)
        for e in reversed(self.items[:i]):
            if e["start"] < since:
                return None
            label, name = e.get("label"), e.get("text") or ""
            if not (label == "ORG" or plural and label == "NORP" and name.endswith("s")):
                continue
            if plural and any(gs <= e["start"] < ge for gs, ge in self.given_names):
                continue   # "calling it Operation Desert Thunder": a name given to a thing, no "they"
            if not any(qs <= e["start"] < qe for qs, qe in quoted):
                return e
        return None

    def last_company_before(self, pos: int, quoted: list[tuple[int, int]], since: int) -> str | None:
        """The company "the company" at ``pos`` is: of the organisations whose name may
        be a company's (see :func:`_company_like`) and that the article names twice at
        least as an organisation (a name given once is mostly a slip of the entity
        stage: a place or a person taken for an organisation), those written in
        ``[since, pos)`` outside quotations (tagged there or not: "BP engineers"), the
        one the article names most often, the nearest on a tie; None when none is."""
        counts, patterns = self._company_orgs()
        best: tuple[int, int, str] | None = None
        for pattern, name in patterns:
            for m in pattern.finditer(self.text, since, pos):
                if any(qs <= m.start() < qe for qs, qe in quoted):
                    continue
                if best is None or (counts[name], m.start()) > best[:2]:
                    best = (counts[name], m.start(), name)
        return best[2] if best is not None else None

    def _company_orgs(self) -> tuple[collections.Counter[str | None], list[tuple[re.Pattern[str], str]]]:
        """How often the article names each organisation, and a pattern for each written
        form of those that may be a company's (:func:`_company_like`) and are named twice at
        least (a name given once is mostly a slip of the entity stage), with its name."""
        if self._orgs is None:
            counts = collections.Counter(_ent_name(e) for e in self.items if e.get("label") == "ORG")
            forms: dict[str, str] = {}
            for e in self.items:
                name = _ent_name(e) or ""
                if e.get("label") == "ORG" and counts[name] >= 2 and _company_like(name):
                    forms.setdefault(e.get("text") or name, name)
            self._orgs = (counts, [(re.compile(rf"(?<!\w){re.escape(f)}(?!\w)"), n)
                                   for f, n in forms.items() if _LETTER.search(f)])
        return self._orgs

    def main_company_before(self, pos: int, quoted: list[tuple[int, int]], since: int,
                            known: set[str]) -> str | None:
        """The company the article is about, for "the company" at ``pos`` when none is named
        in ``[since, pos)``: of the organisations :meth:`last_company_before` considers, the
        one named most often, when it is named at least three times and at least twice as
        often as any other, the actor tables know it as a business or not at all (not "UN"),
        it is named outside quotations before ``pos``, and no other organisation that may be
        a company (an ORG entity, or one of ``known``, the names :meth:`known_companies`
        finds in ``[since, pos)``) is named there ("Halliburton disputed ... . The company
        said": Halliburton, whatever the tagger made of it); else None."""
        counts, patterns = self._company_orgs()
        ranked = sorted({n: counts[n] for _, n in patterns}.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        name = ranked[0][0]
        if any(f.alias.sector != "BUS" for f in actor_tables().find(name)):
            return None
        outside = [e for e in self.items if not any(qs <= e["start"] < qe for qs, qe in quoted)]
        if any(since <= e["start"] < pos and e.get("label") == "ORG"
               and (other := _ent_name(e) or "") != name and _company_like(other) for e in outside):
            return None
        if known - {name}:
            return None   # a business the actor tables know, whatever the tagger said
        named_before = any(m.start() < pos and not any(qs <= m.start() < qe for qs, qe in quoted)
                           for pattern, n in patterns if n == name
                           for m in pattern.finditer(self.text, 0, pos))
        return name if named_before else None

    def known_companies(self, since: int, pos: int, quoted: list[tuple[int, int]]) -> set[str]:
        """The businesses of the actor tables (not their people) named in ``[since, pos)``
        outside quotations, as written ("Halliburton", "Transocean"), whatever label the
        entity stage gave them."""
        out: set[str] = set()
        for m in _CAPITALISED.finditer(self.text, since, pos):
            if any(qs <= m.start() < qe for qs, qe in quoted):
                continue
            out.update(m.group()[f.start:f.end] for f in actor_tables().find(m.group())
                       if f.alias.kind == "org" and f.alias.sector == "BUS" and not f.alias.person)
        return out

    def last_body_before(self, noun: str, pos: int, quoted: list[tuple[int, int]],
                         since: int) -> str | None:
        """The body "the ``noun``" at ``pos`` is ("the ministry", "the council"): of the
        organisations named in ``[since, pos)`` outside quotations whose name holds that
        noun ("Foreign Ministry", "Transitional National Council"; for "alliance" also
        NATO), the one the article names most often, the nearest on a tie; None when
        there is none."""
        words = {noun} | set(_BODY_ALIASES.get(noun, ()))
        media = _MEDIA_NAMES.get(noun)
        counts = collections.Counter(_ent_name(e) for e in self.items if e.get("label") == "ORG")
        i = bisect.bisect_left(self.starts, pos)
        best: tuple[int, int, str] | None = None
        for e in reversed(self.items[:i]):
            if e["start"] < since:
                break
            name = _ent_name(e) or ""
            if media is not None:
                # a newspaper or a broadcaster by its name or the word after it
                # ("The New York Times", "Egypt's Al-Ahram newspaper", "Al-Jazeera"), the
                # nearest; not the wire's own "(CNN) --"
                kind = ((media.search(name) is not None or _MEDIA_AFTER.match(self.text, e["end"]) is not None)
                        and " The " not in name   # (a headline run into the name)
                        and not self.text[:e["start"]].rstrip().endswith("("))
                if kind and not any(qs <= e["start"] < qe for qs, qe in quoted):
                    return name
            else:
                kind = bool(words & {w.lower() for w in _WORD.findall(name)})
            if (e.get("label") == "ORG" and kind
                    and not any(qs <= e["start"] < qe for qs, qe in quoted)
                    and (best is None or counts[name] > best[0])):
                best = (counts[name], e["start"], name)
        return best[2] if best is not None else None

    def with_title(self, title: str, pos: int, modifiers: tuple[str, ...] = (),
                   own_apposition: bool = True) -> dict | None:
        """The PERSON carrying ``title`` ("spokeswoman"): by the entity's title, or
        written right before it ("spokeswoman Heather Nauert"); the nearest before
        ``pos`` first, else the first after it. Each of ``modifiers`` ("UN" in
        "the UN envoy") must also be written before the person or in the title. None
        when an indefinite mention of the title ("a government official") comes between
        that person and ``pos`` (or within 600 characters before ``pos``); with
        ``own_apposition``, not the person's own ("Ann Lee, a spokeswoman for ..."). None
        also when another person of that title is named again between them and ``pos``,
        and for a person named right after a preposition of place ("in New York")."""
        title = title.lower()
        cands = []
        for e, before in zip(self.people, self.before):
            t = (e.get("title") or "").lower()
            written = before.endswith(title) and (len(before) == len(title) or not before[-len(title) - 1].isalnum())
            # "our correspondent" after "the BBC's Jim Muir": the news organisation's own.
            written = written or title in ("correspondent", "reporter") and _NEWS_OWN.search(before) is not None
            # "a senior rebel member, Omar Said": a word of the phrase set off before the name
            written = written or bool(title in _ROLE_ANTECEDENTS | _TITLE_NOUNS
                                      and (m := _APPOSED.search(self.text, max(0, e["start"] - 60), e["start"]))
                                      and title in m.group(1).lower().split())
            # "Omar Said, a senior rebel member, told ...": the phrase set off after the name
            written = written or (title in _ROLE_ANTECEDENTS | _TITLE_NOUNS
                                  and title in _apposed_after(self.text, e["end"]))
            # ... also opened by a possessor or headed by a noun of an agent ("Ann Lee,
            # Northfield's coroner, said"), for a person named before only (a later one
            # is too often another of that title: "the official" of an unnamed "a
            # senior official", then "NAME, the opposition's top military official"), and
            # not far before (a blog's other post, 17,000 characters before)
            if not written and pos - 2000 < e["start"] < pos:
                after = _apposed_after(self.text, e["end"], any_det=True)
                before_m = _APPOSED_ANY.search(self.text, max(0, e["start"] - 60), e["start"])
                phrase = after or (before_m.group(1).lower().split() if before_m else [])
                written = bool(phrase) and (title in _ROLE_ANTECEDENTS | _TITLE_NOUNS and title in phrase
                                            or phrase[-1] == title and _AGENT_ENDING.search(title) is not None)
            # (not after a preposition of place: "in New York, a spokesperson for ...", a
            # place the entity stage took for a person)
            if (t == title or t.endswith(" " + title) or written) and not _AFTER_PREPOSITION.search(
                    self.text, max(0, e["start"] - 12), e["start"]):
                if all(m in before or m in t for m in modifiers):
                    cands.append(e)
        earlier = [e for e in cands if e["start"] < pos]
        later = [e for e in cands if e["start"] > pos]
        found, since = (earlier[-1], earlier[-1]["end"]) if earlier else (
            later[0] if later else None, max(0, pos - 600))
        # "A government official said ... . The official said": the one just brought in
        # unnamed, not someone of that title named elsewhere.
        if found is not None and _unnamed_mention(self.text, title, since, pos, own_apposition):
            return None
        # Two people of that title, the other named again since ("X, a spokesman, said ...
        # . Y ... . The spokesman said"): no telling which.
        names = {_ent_name(c) for c in cands} - {_ent_name(found) if found else None}
        if found is not None and names and any(
                found["end"] <= e["start"] < pos and _ent_name(e) in names for e in self.people):
            return None
        return found


def _apposed_after(text: str, end: int, any_det: bool = False) -> list[str]:
    """The lower-case words of the phrase set off by commas right after a name ending at
    ``end`` and opening with an article ("Omar Said, a senior rebel member, told",
    "Ann Lee, the chief medical officer of ..."), or with ``any_det`` also a possessor
    ("Ann Lee, the city's coroner,"): up to four words, cut at "of", "for",
    "in", "at", "with", "from" or "who"; [] when no such phrase follows."""
    m = (_APPOSED_AFTER_ANY if any_det else _APPOSED_AFTER).match(text, end)
    return m.group(1).lower().split() if m else []


def _unnamed_mention(text: str, title: str, since: int, pos: int, own_apposition: bool = True) -> bool:
    """Whether an indefinite mention of ``title`` ("a government official", "another
    spokesman") is written in ``[since, pos)``: someone brought in unnamed, whom "the
    ``title``" at ``pos`` takes up. Not (with ``own_apposition``) the named person's own
    apposition, right at ``since`` ("Ann Lee, a spokeswoman for the ministry, said"), and not a phrase with an
    article or a preposition between the indefinite word and the title ("a letter to the
    colonel": the colonel is no one new)."""
    pattern = re.compile(rf"\b(?:a|an|one|another)\s+((?:[\w'’.-]+\s+){{0,3}}?){re.escape(title)}\b", re.I)
    for m in pattern.finditer(text, since, pos):
        if own_apposition and text[since:m.start()].strip() == ",":
            continue   # the apposition of the person found
        if any(w.lower() in _JOINING_WORDS for w in m.group(1).split()):
            continue
        return True
    return False


def _oblique(root: Token) -> bool:
    """Whether the name headed by ``root`` is named only inside a prepositional phrase
    ("dinner with her and Ann Lee", "the release of Omar Reyes", "Ann Lee's daughter" in
    one), through coordination, apposition and possession: a weaker antecedent of "he"
    or "she" than a person named as a subject. Not after "by" (the one who acted) nor in
    "according to" (a source)."""
    tok = root
    for _ in range(6):
        if tok.dep_ in ("conj", "appos", "poss", "compound") and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ == "pobj":
            prep = tok.head
            return not (prep.lower_ == "by" or prep.lower_ == "to" and prep.i > 0
                        and prep.doc[prep.i - 1].lower_ == "according")
        else:
            return False
    return False


#: Last words of names of buildings and places, which the entity stage may take for
#: people ("Mitiga Airport", "Tahrir Square").
_PLACE_WORDS = frozenset({"airport", "base", "square", "street", "road", "hospital", "university",
                          "hotel", "bridge", "prison", "mosque", "palace"})
#: A phrase of up to four lower-case words after an article, set off by commas right
#: before a name ("a senior rebel member" of "Elsewhere, a senior rebel member, Omar
#: Said"); no possessive or "of" in it (not "the spokesman's boss"), no verb after a
#: subject ("An eyewitness in Misrata said Gadhafi ...": no commas around it).
#: The determiner opening such a phrase: an article, or a possessor ("the city's",
#: "Northfield and Westbury's", "his"), as in "Ann Lee, Northfield's coroner, said".
_APPOSED_DET = r"(?:[Aa]|[Aa]n|[Tt]he|(?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+(?:and\s+)?){0,3}[\w.-]+\s?['’]s|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
_APPOSED = re.compile(r"[,.;:]\s*(?:[Aa]|[Aa]n|[Tt]he)\s+((?:(?!of\b)[a-z-]+\s+){0,3}[a-z-]+)\s*,\s*$")
#: ... opened by any determiner of :data:`_APPOSED_DET`.
_APPOSED_ANY = re.compile(r"[,.;:]\s*" + _APPOSED_DET + r"\s+((?:(?!of\b)[a-z-]+\s+){0,3}[a-z-]+)\s*,\s*$")
#: A phrase of up to four words after an article, set off by a comma right after a name
#: ("Omar Said, a senior rebel member, told", "Ann Lee, the chief spokeswoman for the
#: ministry, said"), ended by a comma, a full stop, or a word that opens its complement.
_APPOSED_AFTER_TAIL = (r"\s+((?:(?!of\b|for\b|in\b|at\b|with\b|from\b|who\b)"
                       r"[a-z-]+\s+){0,3}[a-z-]+)\s*(?:[,.;:]|\s(?:of|for|in|at|with|from|who)\b)")
_APPOSED_AFTER = re.compile(r"\s*,\s*(?:[Aa]|[Aa]n|[Tt]he)" + _APPOSED_AFTER_TAIL)
#: ... opened by any determiner of :data:`_APPOSED_DET`.
_APPOSED_AFTER_ANY = re.compile(r"\s*,\s*" + _APPOSED_DET + _APPOSED_AFTER_TAIL)
#: A preposition right before a name: a place the entity stage took for a person ("in New York").
_AFTER_PREPOSITION = re.compile(r"\b(?:in|at|near|outside|inside)\s+\Z", re.I)
#: An indefinite phrase: someone not named ("a spokeswoman", "another official").
_INDEFINITE = re.compile(r"(?:an?|one|another)\s", re.I)
#: A news organisation's possessive right before a person ("the BBC's Jim Muir").
_NEWS_OWN = re.compile(r"\b(?:bbc|cnn|reuters|afp|ap)\s?['’]s\Z")
#: Nouns by which a story goes on calling a company it has named ("BP said ... . The
#: company said", "the oil giant", "the firm").
_COMPANY_NOUNS = frozenset({"company", "firm", "corporation", "giant", "conglomerate"})
#: A run of capitalised words ("Halliburton Co", "Royal Dutch Shell").
_CAPITALISED = re.compile(r"\b[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*)*")
#: Words of an organisation's name that say it is no company: a public body, a news
#: organisation, a school, a party ("Coast Guard", "Interior Department", "Associated
#: Press", "Duke University").
_NOT_COMPANY = re.compile(
    r"\b(?:department|dept|administration|agency|guard|council|committee|commission|congress|"
    r"house|senate|parliament|assembly|government|ministry|office|bureau|service|court|"
    r"police|army|navy|force|forces|military|party|university|college|institute|school|"
    r"cent(?:er|re)|academy|association|foundation|board|panel|union|nations|organi[sz]ation|"
    r"press|news|times|post|journal|photo|network|television|tv|radio|reuters|"
    r"crews?|coalition|federation)\b", re.I)
#: Acronyms of news organisations, which a story cites but never calls "the company".
_NEWS_NAMES = frozenset({"ap", "afp", "abc", "bbc", "cbs", "cnn", "nbc", "msnbc", "upi", "itv", "pa"})


#: Nouns by which a story goes on calling a public body or a news organisation it has
#: named, found in the body's own name ("the Foreign Ministry said ... . The ministry
#: added"), or (for "alliance") an acronym, or (for a newspaper or a broadcaster) a
#: word of :data:`_MEDIA_NAMES`.
_BODY_NOUNS = frozenset({"agency", "organization", "organisation", "ministry", "council",
                         "committee", "commission", "court", "tribunal", "alliance", "newspaper",
                         "paper", "daily", "tabloid", "network", "channel", "broadcaster", "station"})
_BODY_ALIASES = {"alliance": ("nato",)}
#: What names a newspaper ("the newspaper", "the paper") or a broadcaster ("the network",
#: "the channel", "the station") in an organisation's name or the word after it.
_PAPER = re.compile(r"(?i)\b(?:times|post|journal|guardian|telegraph|mail|mirror|sun|herald|observer|"
                    r"gazette|tribune|independent|express|chronicle|standard|daily|newspaper)\b")
_STATION = re.compile(r"(?i)(?:\b(?:tv|television|radio|channel|network|broadcast\w*|bbc|cnn|nbc|cbs|abc|"
                      r"fox|sky|itv)\b|jazeera|arabiya)")
#: The word right after a name that makes it a news organisation's ("Al-Ahram newspaper").
_MEDIA_AFTER = re.compile(r"\s*(?:newspaper|daily|TV|television|radio|channel|network)\b", re.I)
_MEDIA_NAMES = {"newspaper": _PAPER, "paper": _PAPER, "daily": _PAPER, "tabloid": _PAPER,
                "network": _STATION, "channel": _STATION, "broadcaster": _STATION, "station": _STATION}


def _only(names: set[str]) -> str | None:
    """The one name of ``names``, or None when there are none or several."""
    return next(iter(names)) if len(names) == 1 else None


def _company_opening(ents: _Entities, text: str, parts: list[tuple[int, int]],
                     quoted: list[tuple[int, int]]) -> str | None:
    """The company (see :meth:`_Entities.last_company_before`) whose name opens the first
    of ``parts``, the words a quote reports, or None."""
    if not parts:
        return None
    s, e = parts[0]
    start = e - len(text[s:e].lstrip())   # the first word of the part
    name = ents.last_company_before(min(e, start + 80), sorted(quoted), start)
    return name if name is not None and text.startswith(name.split()[0], start) else None


def _company_mention(tok: Token | None, nouns: frozenset[str] = _COMPANY_NOUNS) -> bool:
    """Whether the speaker headed by ``tok`` is "the company" (or "the oil giant", "the
    firm": a singular noun of ``nouns`` after "the", no name of its own)."""
    return (tok is not None and tok.tag_ == "NN" and tok.lemma_.lower() in nouns
            and any(c.dep_ == "det" and c.lower_ == "the" for c in _children(tok))
            and not any(c.ent_type_ not in ("", "NORP") or c.pos_ == "PROPN"
                        for c in tok.subtree if c.i != tok.i))


def _company_like(name: str) -> bool:
    """Whether an organisation named ``name`` may be a company (see :data:`_NOT_COMPANY`)."""
    return bool(name) and name.lower() not in _NEWS_NAMES and _NOT_COMPANY.search(name) is None


#: Words of page furniture the entity stage may glue to a name ("Watch Kholood ...").
_FURNITURE_WORDS = frozenset({"watch", "read", "video", "photos", "click", "related"})


def _ent_name(e: dict, fallback: str | None = None) -> str | None:
    """The name an entity record gives its speaker: its canonical name, unless that is
    garbled (all lower case where the mention is capitalised: "gadhafi"), then the
    mention as written; a furniture word glued before a name ("Watch Kholood Ali") is
    left out. ``fallback`` when the record gives neither."""
    canonical, written = e.get("canonical") or "", e.get("text") or ""
    name = canonical
    if not name or (name == name.lower() and written != written.lower()):
        name = written
    words = name.split()
    if len(words) > 1 and words[0].lower() in _FURNITURE_WORDS and words[1][:1].isupper():
        name = " ".join(words[1:])
    return name or fallback


#: The sex each personal pronoun of a person tells.
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m",
                "she": "f", "her": "f", "hers": "f", "herself": "f"}
#: Role nouns by which a story brings in a person it does not name, who may then be
#: called "he" or "she" ("The boy's father stood by the grave ... . 'We want ...,' he said").
_ROLE_ANTECEDENTS = _PERSON_NOUNS | {
    "father", "mother", "son", "daughter", "brother", "sister", "husband", "wife", "widow",
    "widower", "grandmother", "grandfather", "uncle", "aunt", "nephew", "niece", "man",
    "woman", "boy", "girl", "spokesman", "spokeswoman", "businessman", "businesswoman",
    "policeman", "policewoman", "chairwoman", "congresswoman"}
#: Role nouns that are the title of someone the story names ("the president", "the
#: prime minister"): no unnamed person.
_TITLE_NOUNS = frozenset({
    "president", "minister", "secretary", "chairman", "leader", "chief", "head", "director",
    "governor", "mayor", "general", "senator", "ambassador", "envoy", "commander", "colonel",
    "captain", "congressman", "congresswoman", "chairwoman", "king", "queen", "prince",
    "princess", "editor", "negotiator", "representative"})
#: Titles that tell a person's sex ("Mr Assad", "Baroness Amos").
_MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord"})
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "baroness", "dame"})


def _sexes(ents: _Entities) -> dict[str, str]:
    """The people of the article whose sex a title written right before a mention of
    theirs tells ("Mr Assad", "Mrs Clinton"), or a noun of kin naming them in apposition
    ("her husband, David"): name (:func:`_ent_name`) -> "m" or "f"; a name given both
    is left out."""
    out: dict[str, str] = {}
    for e, before in zip(ents.people, ents.before):
        words = before.split()
        title = words[-1] if words else ""
        sex = "m" if title in _MALE_TITLES else "f" if title in _FEMALE_TITLES else ""
        sex = sex or ents.role_sex.get(e["start"], "")
        name = _ent_name(e)
        if sex and name:
            out[name] = sex if out.get(name, sex) == sex else "?"
    return {n: g for n, g in out.items() if g != "?"}


#: Nouns of kin and of people that tell a person's sex when they name them in apposition
#: ("Deedy's husband, David, ...", "his widow, Ann Lee").
_MALE_NOUNS = frozenset({"husband", "father", "son", "brother", "man", "boy", "grandfather",
                         "uncle", "nephew", "widower", "king", "prince", "businessman",
                         "spokesman", "chairman", "congressman", "policeman"})
_FEMALE_NOUNS = frozenset({"wife", "mother", "daughter", "sister", "woman", "girl", "grandmother",
                           "aunt", "niece", "widow", "queen", "princess", "businesswoman",
                           "spokeswoman", "chairwoman", "congresswoman", "policewoman"})


def _resolve_pronoun(ents: _Entities, low: str, span: tuple[int, int],
                     quoted: list[tuple[int, int]], named: list[tuple[int, str, str]],
                     since: int, exclude: frozenset[str] = frozenset()) -> str | None:
    """The antecedent of the speaker pronoun ``low`` at ``span``, named in ``[since,
    span[0])`` and outside ``quoted`` (quotations, and the quote's own words): for
    he/she the nearest PERSON entity or earlier speaker named as a person; for they
    the nearest organisation or plural group entity or earlier speaker named as a
    group; for it the nearest organisation entity; for we only an earlier speaker
    named as a group (outside quotation marks "we" is mostly the writer's own); None
    for other pronouns or when there is none.
    ``named`` lists ``(offset, name, "person" | "group")`` of earlier speakers; a
    name in ``exclude`` (named in the quote itself, or of the other sex) is no
    antecedent of he/she."""
    e: dict | None
    if low in _PERSON_PRONOUNS:
        e, number = ents.last_person_before(span[0], quoted, since, exclude), "person"
        if e is not None and e["start"] in ents.oblique:
            # Named only in a prepositional phrase, in the pronoun's own sentence ("Like
            # Ann Lee, he argued") or after a pronoun of the same sex, which is someone
            # else ("His cartoons of Omar Reyes hang in every cafe. 'People like them,' he
            # says"): a person named before as a subject or a possessor, when there is
            # one, is the antecedent; else none after such a pronoun.
            marked = _PRONOUN_SEX[low] in ents.oblique_pronouns.get(e["start"], set())
            if marked or not _SENTENCE_END.search(ents.text, e["end"], span[0]):
                alt = ents.last_salient_before(e["start"], quoted, since, exclude)
                if alt is not None or marked:
                    e = alt
        main = ents.main_subject.get(e["start"]) if e is not None else None
        if isinstance(main, int):
            # Named outside the main clause of a sentence whose subject is a person: that
            # person, the one the story is about ("Ali Marsh still thinks the rebels can
            # outlast Omar Reyes. The rebels, he said, ...": Marsh).
            subj = ents.overlapping(main, main + 1)
            if subj is not None and subj.get("label") == "PERSON" and subj["start"] in ents.subjects \
                    and _ent_name(subj) not in exclude:
                e = subj
        elif main == "role":
            # ... of a sentence about someone unnamed ("The former diplomat, who knew Mr
            # Bush's aides, gives an account. He says"): not this one.
            e = None
        elif main is not None and (main in ("he", "him")) == (low in ("he", "him")):
            # ... of a sentence whose subject is "he" (or "she") already: someone named
            # before, not this one ("He will have sharp words for Omar Reyes. He said ...").
            e = None
    elif low in ("they", "them"):
        e, number = ents.last_group_before(span[0], quoted, since), "group"
    elif low == "it":   # "it said": an organisation (the ministry, the agency)
        e, number = ents.last_group_before(span[0], quoted, since, plural=False), "org"
    elif low in _GROUP_PRONOUNS:
        e, number = None, "group"
    else:
        return None
    best = (e["start"], _ent_name(e)) if e else None
    if number == "person":
        # Someone brought in by a role noun as a subject after the last person named
        # ("The boy's father stood by the grave. 'We want ...,' he said"): that one, by
        # the phrase, unless of the other sex.
        other = "f" if low in ("he", "him") else "m"
        k = bisect.bisect_left(ents.roles, (span[0],))
        role = next((r for r in reversed(ents.roles[:k]) if r[0] >= since and r[2] != other
                     and not any(qs <= r[0] < qe for qs, qe in quoted)), None)
        if role is not None and (best is None or role[0] > best[0]):
            best = role[:2]
    earlier = max((n for n in named if since <= n[0] < span[0] and n[2] == number
                   and not (number == "person" and n[1] in exclude)), default=None)
    # The speaker of a sentence before someone else named later in that sentence
    # ("X, who met Y, said ... . He said"): the speaker, the sentence's subject.
    if earlier and (best is None or earlier[0] > best[0]
                    or not _SENTENCE_END.search(ents.text, earlier[0], best[0])):
        best = earlier[:2]
    return best[1] if best else None


def _plural_named(doc: Doc, since: int, pos: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether a plural noun heads a phrase of its own after the phrase at ``since`` and
    before ``pos``, outside ``quoted`` ("the demonstrators", "Libyan soldiers"): people
    whom a later "they" may mean."""
    first = next((t for t in doc if t.idx >= since), None)
    if first is None:
        return False
    own = first
    while own.dep_ in ("compound", "amod", "det", "nmod", "poss") and own.head.i > own.i:
        own = own.head   # "Red Cross officials": the phrase's head, officials
    for tok in doc[own.i + 1:]:
        if tok.idx >= pos:
            break
        if (tok.tag_ in ("NNS", "NNPS") and tok.dep_ not in ("compound", "amod", "nmod")
                and not any(qs <= tok.idx < qe for qs, qe in quoted)):
            return True
    return False


def _resolve(ents: _Entities, text: str, tok: Token | None, span: tuple[int, int] | None,
             quoted: list[tuple[int, int]], named: list[tuple[int, str, str]],
             since: int = 0, exclude: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """``(speaker, pronoun)`` of the speaker mention ``span`` headed by ``tok``: the
    canonical name of who it is, and the personal pronoun it is given by, if any.

    A pronoun is never the speaker: it is resolved by :func:`_resolve_pronoun` to a
    name written from ``since`` (the start of the sentence before the quote) on, else
    the speaker is None; "I" and "you" are never resolved. A speaker without a letter
    (punctuation) is None.
    """
    if span is None:
        return None, None
    word = tok.text if tok is not None else text[span[0]:span[1]].strip()
    low = word.lower()
    if low in _PERSONAL and word in (low, low.capitalize()):   # "us", "Us"; not "US"
        return _resolve_pronoun(ents, low, span, quoted, named, since, exclude), text[span[0]:span[1]]
    name = _resolve_name(ents, text, tok, span)
    if name and tok is not None and (conj := _conjuncts(tok)):
        # "Russia and China said": each conjunct by its own name.
        own = _resolve_name(ents, text, tok, _np_span(tok))
        names = [own] + [_resolve_name(ents, text, c, _np_span(c)) for c in conj]
        name = " and ".join(dict.fromkeys(n for n in names if n))
    return (name if name and _LETTER.search(name) else None), None


def _number(ents: _Entities, tok: Token, span: tuple[int, int]) -> str | None:
    """What a speaker named at ``span`` (head ``tok``) can be the antecedent of: "person"
    (a PERSON entity, or a singular proper noun that is no entity, for he/she), "group" (an organisation, or a plural noun such as
    "rebels" or "U.S. officials", for they/we), else None (a place, a role noun)."""
    if _conjuncts(tok):
        return "group"
    if tok.tag_ == "NN" and tok.lemma_.lower() in _PERSON_NOUNS and ents.label(tok.idx, tok.idx + len(tok)) is None:
        return "person"   # "an EU official": the role noun, not the body named before it
    label = ents.label(*span)
    if label == "PERSON" or label is None and (tok.tag_ == "NNP" or ents.person_named(tok.text)):
        return "person"
    if label is None and tok.tag_ == "NN" and tok.lemma_.lower() in _PERSON_NOUNS:
        return "person"   # "the doctor said ... he said": the doctor
    if label in ("ORG", "NORP") or tok.tag_ in ("NNS", "NNPS"):
        return "group"
    return None


def _resolve_name(ents: _Entities, text: str, tok: Token | None,
                  span: tuple[int, int]) -> str | None:
    """The canonical name of the speaker mention ``span`` headed by ``tok``, when it
    is not a personal pronoun: an entity it overlaps, the person a role noun names
    ("the spokeswoman"), else the mention as written."""
    mention = text[span[0]:span[1]]
    # Who is named in the phrase that says whose role it is ("a spokesman for Omar
    # Reyes", "the son of the leader") is not the speaker: names are looked for in the
    # phrase without it, which is given whole only when no name is found.
    core = span
    if tok is not None and (role_end := _role_phrase_end(tok)) is not None and span[1] >= role_end:
        core = (span[0], min(span[1], max(_np_span(tok)[1], tok.idx + len(tok.text))))
    if tok is not None:
        head = ents.overlapping_all(tok.idx, tok.idx + len(tok.text))
        if head:
            return _ent_name(head[-1], mention)
        for child in _appositions(tok):
            named = [e for e in ents.overlapping_all(*_subtree_span(child)) if e.get("label") == "PERSON"]
            if named:
                # the person the apposition's head names, else its last: a title comes before
                # the name ("Euro MP Louis Michel", where the model also took "Euro" for one)
                return _ent_name(next((e for e in named if e["start"] <= child.idx < e["end"]),
                                      named[-1]), mention)
            # "One manufacturer, Acme Ltd, said", "the EU health commissioner, Ann Berg
            # (tagged ORG), said": a proper name in apposition to a common noun names it.
            if tok.pos_ == "NOUN" and child.pos_ == "PROPN" and child.head.i == tok.i:
                named = [e for e in ents.overlapping_all(child.idx, child.idx + len(child.text))
                         if e.get("label") == "ORG"]
                if named:
                    return _ent_name(named[0], mention)
    ent = ents.overlapping(*core)
    # A person named as a modifier of a role noun ("a senior Obama administration
    # official", "a former Gadhafi aide", "Younis' supporters") is not the speaker:
    # the unnamed one is.
    if (ent is not None and ent.get("label") == "PERSON" and tok is not None
            and tok.pos_ == "NOUN" and ent["end"] <= tok.idx
            and tok.lemma_.lower() in _PERSON_NOUNS | {"supporter", "loyalist"}):
        return mention
    # A possessor ("Gadhafi's spokesman") is not the speaker, except the author of a
    # text that speaks ("Clinton's statement said").
    if ent is not None and ent.get("label") == "PERSON" and (
            not _POSSESSIVE.match(text, ent["end"])
            or tok is not None and tok.lemma_.lower() in _DOCUMENT_NOUNS and ent["end"] <= tok.idx):
        return _ent_name(ent, mention)
    if tok is None:
        return mention
    low = tok.lower_
    # A role noun names the one person with that title; a plural ("activists said")
    # names no one in particular.
    if tok.pos_ == "NOUN" and tok.tag_ != "NNS" and low not in _OTHER_PRONOUNS:
        mods = tuple(t.lower_ for t in tok.doc.char_span(*core, alignment_mode="expand") or ()
                     if t.is_alpha and t.i != tok.i and t.pos_ not in ("DET", "PRON"))
        # "a spokeswoman said" after "Ann Lee, a spokeswoman for ...": that apposition
        # still counts as someone unnamed brought in (see :meth:`_Entities.with_title`).
        e = ents.with_title(tok.lemma_, span[0], mods, own_apposition=not _INDEFINITE.match(mention))
        if e is not None:
            return _ent_name(e)
    if tok.tag_ in ("NNS", "NNPS"):
        return mention
    return ents.person_named(text[core[0]:core[1]]) or mention


# ---------------------------------------------------------------------------


def _inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether span ``a`` lies within span ``b``."""
    return b[0] <= a[0] and a[1] <= b[1]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether spans ``a`` and ``b`` share a character."""
    return a[0] < b[1] and b[0] < a[1]


def _alnum_equal(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether the spans hold the same words (punctuation and spacing ignored)."""
    return _WORD.findall(text[a[0]:a[1]]) == _WORD.findall(text[b[0]:b[1]])


class _Words:
    """:func:`_alnum_equal` for many spans of one text: spans with different word
    counts (found in O(log n)) differ at once; others are compared word by word up
    to the first difference."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [m.start() for m in _WORD.finditer(text)]

    def count(self, start: int, end: int) -> int:
        """The number of words in ``text[start:end]`` (a word cut by ``start`` counts)."""
        if start >= end:
            return 0
        inner = bisect.bisect_left(self.starts, end) - bisect.bisect_left(self.starts, start + 1)
        return inner + (1 if _WORD.match(self.text, start, start + 1) else 0)

    def equal(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Whether the spans hold the same words (as :func:`_alnum_equal`)."""
        if self.count(*a) != self.count(*b):
            return False
        return all(x.group() == y.group() for x, y in zip(_WORD.finditer(self.text, *a),
                                                           _WORD.finditer(self.text, *b)))


class _Quotations:
    """The article's quotations (disjoint, in text order) and which of them an
    attribution holds."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self.quoted = quoted
        self.starts = [q[0] for q in quoted]
        self.ends = [q[1] for q in quoted]
        self.words = _Words(text)
        #: Quotation indices by word count, for :meth:`first_holding`.
        self.by_count: dict[int, list[int]] = {}
        for qi, q in enumerate(quoted):
            self.by_count.setdefault(self.words.count(*q), []).append(qi)

    def _enclosing(self, p: tuple[int, int]) -> list[int]:
        """The quotations ``p`` lies in, give or take their marks (at most two)."""
        k = bisect.bisect_right(self.starts, p[0] + 1) - 1
        return [i for i in (k - 1, k) if i >= 0 and _inside(p, (self.quoted[i][0] - 1,
                                                                self.quoted[i][1] + 1))]

    def held_by(self, a: _Attr) -> list[tuple[int, int]]:
        """Runs ``[i, j)`` of the quotations ``a`` holds, sorted and disjoint: those
        inside one of its parts, and those one of its parts is cut from."""
        lo = bisect.bisect_left(self.ends, a.start)
        hi = bisect.bisect_right(self.starts, a.end)
        runs = []
        for p in a.parts:
            i1 = max(lo, bisect.bisect_left(self.starts, p[0]))
            i2 = min(hi, bisect.bisect_right(self.ends, p[1]))
            if i1 < i2:
                runs.append((i1, i2))
            runs += [(i, i + 1) for i in self._enclosing(p)
                     if lo <= i < hi and _overlaps(self.quoted[i], p)]
        merged: list[tuple[int, int]] = []
        for i1, i2 in sorted(runs):
            if merged and i1 <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(i2, merged[-1][1]))
            else:
                merged.append((i1, i2))
        return merged

    def first_holding(self, p: tuple[int, int], runs: list[tuple[int, int]]) -> int | None:
        """The first quotation of ``runs`` that part ``p`` lies in (give or take the
        marks) or that holds the same words as ``p``; None when there is none."""
        best = None
        for i in self._enclosing(p):
            r = bisect.bisect_right(runs, (i, len(self.quoted) + 1)) - 1
            if r >= 0 and runs[r][0] <= i < runs[r][1]:
                best = i
                break
        same = self.by_count.get(self.words.count(*p), [])
        for i1, i2 in runs:
            for k in range(bisect.bisect_left(same, i1), len(same)):
                i = same[k]
                if i >= i2 or (best is not None and i >= best):
                    break
                if self.words.equal(p, self.quoted[i]):
                    return i
            if best is not None and i2 > best:
                break
        return best


class _Covers:
    """Whether a position lies inside any of a fixed set of spans, in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []   # the farthest end among the spans so far
        for _, e in spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos


#: Channels that carry what others say (a news agency, state TV, a video).
_CHANNEL_NOUNS = frozenset({"agency", "tv", "television", "radio", "website", "newspaper", "paper",
                            "video", "footage", "channel", "broadcaster", "station", "outlet",
                            "media", "network", "recording"})


def _has_words(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``text[start:end]`` holds at least ``n`` words, read no further than the
    n-th (a long span is not read to its end: that made one check per quote quadratic)."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(text, start, end), n)) >= n


def _channel(a: _Attr) -> bool:
    """Whether the speaker of ``a`` is a channel (see :data:`_CHANNEL_NOUNS`)."""
    return a.speaker_tok is not None and a.speaker_tok.lemma_.lower() in _CHANNEL_NOUNS


#: A connective of the writer's opening a sentence, tying it to the story told before
#: ("Meanwhile, ...", "Elsewhere, ..."), not to what the source said.
_CONNECTIVE = re.compile(r"(?:Meanwhile|Elsewhere|Separately|In other (?:developments|news))\s*,\s*")
#: The end of narration that brings in a quotation: a colon or a dash before its mark.
_CAPITAL_START = re.compile(r"\s*[A-Z]")
_LEADS_IN = re.compile(r"(?:[:\u2013\u2014]|\s-{1,2})\s*\Z")


def _fronted_content(text: str, part: tuple[int, int], quoted: list[tuple[int, int]]) -> tuple[int, int]:
    """A content written before its cue without the writer's words that open it:

    - a connective of the story ("Meanwhile, the ministry closed the port, a spokesman
      said"): the clause after it;
    - narration that brings in, after a colon or a dash, the quotation that closes the
      content and opens with a capital (not a quoted predicate after a subject set off
      by dashes: 'Total costs -- fines included -- "will run into billions"') ('Others took up his cause: "It is class war," one writer said'; 'May 28
      - The president tours the coast - "The buck stops with me," he said'): that
      quotation alone.
    """
    start, end = part
    if (m := _CONNECTIVE.match(text, start, end)) is not None and m.end() < end:
        start = m.end()
    i = bisect.bisect_right(quoted, (end + 1, end + 1)) - 1
    if i >= 0:
        qs, qe = quoted[i]
        if (start < qs - 1 and qe + 1 >= end and _LEADS_IN.search(text, start, qs - 1)
                and _CAPITAL_START.match(text, qs)
                and not _QUOTE_MARK.search(text, start, qs - 1)):
            inner = _trim(text, qs, min(qe, end))
            if inner[1] > inner[0]:
                return inner
    return start, end


def _drop_reported_within(attrs: list[_Attr]) -> list[_Attr]:
    """Speech reported inside what someone else said ("Lavrov said that Assad had
    promised to ...") belongs to that attribution: it is the outer speaker's claim, not
    a quote of the inner one. Drops each attribution whose cue word lies inside a part
    of another, judged longest first so that two cannot drop each other. Text order."""
    # A channel reporting someone's words ("AFP news agency reported that the council
    # said ...", "state TV said General X told ..."): the one it quotes speaks.
    # The words it quotes say something (four words or more, not a topic), and the
    # one quoted is neither the channel itself ("it reported") nor a counted crowd
    # ("more than 110 people died and urged ...", "20,000 people marched calling for").
    inner = [(a.cue.idx, a.speaker) for a in attrs if a.cue is not None and a.speaker is not None
             and a.speaker_tok is not None and a.speaker_tok.lower_ != "it" and not _channel(a)
             and not any(c.dep_ == "nummod" for c in _children(a.speaker_tok))
             and not a.weak and _has_words(doc_text(a.cue.doc), *a.parts[0], 4)]
    attrs = [a for a in attrs if not (_channel(a) and any(
        s <= c < e and s <= sp[0] and sp[1] <= e for s, e in a.parts[:1] for c, sp in inner))]
    kept: list[_Attr] = []
    # The union of the kept attributions' parts, as disjoint sorted spans.
    starts: list[int] = []
    ends: list[int] = []
    for a in sorted(attrs, key=lambda a: a.start - a.end):
        if a.cue is not None:
            i = bisect.bisect_right(starts, a.cue.idx) - 1
            if i >= 0 and a.cue.idx < ends[i]:
                continue
        kept.append(a)
        for s, e in a.parts:
            if s >= e:
                continue
            lo, hi = bisect.bisect_left(ends, s), bisect.bisect_right(starts, e)
            if lo < hi:
                s, e = min(s, starts[lo]), max(e, ends[hi - 1])
            starts[lo:hi], ends[lo:hi] = [s], [e]
    return sorted(kept, key=lambda a: (a.start, a.end))


def _merge_same_cue(attrs: list[_Attr], text: str = "") -> list[_Attr]:
    """One attribution per cue word: the pieces one cue reports ('blasted Clinton as a
    "disgrace"', 'said "how the system is rigged" and "our own struggling citizens"',
    a quotation found both inside and around its reported clause) become the parts of
    one record, overlapping parts joined. Kind: direct when every piece is,
    indirect when none is quoted, else mixed; but a reported clause after the cue that
    is the writer's (see :func:`_drop_writers`: '"Tell the truth," a man told me as the
    officer stamped my passport') is no piece of a quotation closed before it. Input and
    output are in text order."""
    by_cue: dict[int, _Attr] = {}
    out: list[_Attr] = []
    for a in attrs:
        first = by_cue.get(a.cue.i) if a.cue is not None else None
        if first is None:
            if a.cue is not None:
                by_cue[a.cue.i] = a
            out.append(a)
            continue
        assert a.cue is not None
        quote, other = (first, a) if first.kind == "direct" else (a, first)
        if (text and quote.kind == "direct" and other.kind == "indirect" and quote.end <= a.cue.idx
                and not set(other.parts) & set(_drop_writers(text, sorted(quote.parts + other.parts),
                                                             a.cue.idx))):
            first.parts, first.quoted, first.kind = quote.parts, quote.quoted, "direct"
            first.weak = quote.weak
            continue
        parts: list[tuple[int, int]] = []
        for p in sorted(set(first.parts + a.parts)):
            if parts and _overlaps(parts[-1], p):
                parts[-1] = (parts[-1][0], max(parts[-1][1], p[1]))
            else:
                parts.append(p)
        first.parts = parts
        first.quoted = sorted(set(first.quoted + a.quoted))
        kinds = {first.kind, a.kind}
        first.kind = kinds.pop() if len(kinds) == 1 else "mixed"
        if first.speaker is None:
            first.speaker, first.speaker_tok = a.speaker, a.speaker_tok
    return out


@extractor(
    "quotes", requires=("sentences", "entities"),
    columns=("text", "start", "end", "sentence", "speaker", "speaker_start", "speaker_end",
             "cue", "kind"),
    types={"speaker_start": "INTEGER", "speaker_end": "INTEGER"},
    code=("dateline.actors",),  # the actor tables tell a business from a body
    data=("quotes_cues.tsv", "actors_sectors.tsv", "entities_titles.tsv", "places_words.tsv"),
    config=QuoteConfig())
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Quotes of the article, in text order, as records of DESIGN.md (see module doc)."""
    text = ctx.text
    config = ctx.config if isinstance(ctx.config, QuoteConfig) else QuoteConfig()
    speech = config.cues != "all"
    ents = _Entities(list(ctx.results.get("entities") or []), text)
    ents.mark_modifiers(doc)
    quoted = find_quoted(text)
    colon = _colon_attributions(doc, text, ents)
    # Speech reported inside a quotation ("I think ...") or a transcript line
    # belongs to that quotation or line.
    outer = _Covers(quoted + [a.parts[0] for a in colon])
    attrs = [a for a in _parse_attributions(doc, text, speech) if a.cue is None or a.cue.idx not in outer]

    # Classify each parse attribution by the quotations it holds (runs of quotation
    # indices, so that a clause holding thousands costs O(log n), not thousands).
    quotes = _Quotations(text, quoted)
    marks = [0] * (len(quoted) + 1)   # +1/-1 where a run of claimed quotations starts/ends
    for a in attrs:
        runs = quotes.held_by(a)
        if not runs:
            continue
        for i1, i2 in runs:
            marks[i1] += 1
            marks[i2] -= 1
        a.quoted = [(quoted[i1][0], quoted[i2 - 1][1]) for i1, i2 in runs]
        firsts = [quotes.first_holding(p, runs) for p in a.parts]
        if all(qi is not None for qi in firsts):
            a.kind = "direct"
            # A reported clause cut short inside a longer quotation: take the whole quote.
            a.parts = sorted({_trim(text, *quoted[qi]) for qi in firsts if qi is not None})
        else:
            a.kind = "mixed"

    for a in colon:
        s, e = a.parts[0]   # the quotations it overlaps
        marks[bisect.bisect_right(quotes.ends, s)] += 1
        marks[max(bisect.bisect_left(quotes.starts, e), bisect.bisect_right(quotes.ends, s))] -= 1
    claimed = list(itertools.accumulate(marks))
    attrs.extend(colon)

    # Quotations not inside any reported clause: attribute through a nearby cue.
    quoted_covers = _Covers(quoted)
    prev: _Attr | None = None
    cue_index = _CueIndex(doc, text, speech)
    # Attributions with a speaker by end (then list order), and the last one added below.
    spoken = sorted((a.end, i) for i, a in enumerate(attrs) if a.speaker is not None)
    spoken_ends = [e for e, _ in spoken]
    latest: _Attr | None = None
    for qi, (qs, qe) in enumerate(quoted):
        if claimed[qi]:
            continue
        span = _trim(text, qs, qe)
        if span[1] <= span[0]:
            continue
        nwords = len(_WORD.findall(text[span[0]:span[1]]))
        cue = _cue_for_quote(doc, text, qs, qe, cue_index)
        if cue is not None and (nwords < 4 and not _governs(cue, doc, qs, qe)
                                or _in_adjunct(cue, doc, qs, qe)):
            cue = None
        # A word or two quoted inside the writer's clause ('what it called "terrorists"')
        # is no quote of its own, only a piece of what the cue reports otherwise.
        scare = speech and nwords < 4 and _WORD_BEFORE.search(text, max(0, qs - 40), qs - 1) is not None
        if cue is not None:
            subj = _subject(cue)
            assert subj is not None
            latest = _Attr([span], cue, _cue_text(cue), _speaker_span(subj), subj, "direct", [(qs, qe)],
                           weak="scare" if scare else "")
            attrs.append(latest)
            continue
        # A long quotation opening a paragraph continues the previous speaker.
        para_start = text.rfind("\n", 0, qs) + 1
        if nwords >= 6 and not text[para_start:qs - 1].strip() and not scare:
            # The attribution with a speaker that ends last before the quotation (the
            # first of equals): of those before this loop, or the last one it added.
            k = bisect.bisect_right(spoken_ends, qs)
            prev = attrs[spoken[bisect.bisect_left(spoken_ends, spoken_ends[k - 1])][1]] if k else None
            if latest is not None and (prev is None or latest.end > prev.end):
                prev = latest
            # Not when narration between that paragraph and this one names someone else
            # ('"...," X said.⏎But Y struck a harsher note.⏎"We ..."' is not X's; '"...,"
            # she said.⏎She is unimpressed by the plan.⏎"He ..."' is hers).
            if prev is not None and qs - prev.end < 600:
                if not _names_another(doc, ents, text, quoted_covers, prev, para_start):
                    latest = _Attr([span], None, "", prev.speaker, prev.speaker_tok, "direct", [(qs, qe)])
                    attrs.append(latest)
                elif (intro := _introduced(doc, ents, para_start)) is not None:
                    # '... .⏎Sgt Smith opened a packet of sweets.⏎"A duck goes into ..."':
                    # the one the sentence before makes its subject.
                    latest = _Attr([span], None, "", _speaker_span(intro), intro, "direct", [(qs, qe)])
                    attrs.append(latest)

    attrs.sort(key=lambda a: (a.start, a.end))
    # A quotation split by its cue ('"A," he said, "B."'): one attribution in two parts,
    # when the second opens after the cue's comma or colon; one quoted inside what the
    # writer goes on to say ('..., said X, the author of "B"', '..., he told the
    # program "B"') is a title or a term, no words of the speaker (under speech cues).
    merged: list[_Attr] = []
    for a in attrs:
        last = merged[-1] if merged else None
        if (last is not None and a.kind == last.kind == "direct" and a.cue is not None
                and last.cue is not None and a.cue.i == last.cue.i and last.end <= a.cue.idx < a.start
                and not re.search(r"[.!?]\s", text[last.end:a.start].replace(".\"", "").replace(".”", ""))):
            if _AFTER_PAUSE.search(text, max(0, a.start - 12), a.start):
                last.parts = last.parts + a.parts
                last.quoted = last.quoted + a.quoted
                continue
            if speech:
                continue
        merged.append(a)
    attrs = _drop_reported_within(_merge_same_cue(merged, text))
    if speech:
        # A topic is no message even with quoted words in it ('respond to the "crisis"').
        attrs = [a for a in attrs if not (a.weak == "topic" or a.weak == "scare" and a.kind == "direct"
                                          or a.weak and a.weak != "call" and a.kind == "indirect")]
    lead = _WIRE_DATELINE.search(text, 0, 3000)
    if lead is not None:
        # Everything before it is headline, byline, highlights and captions, one line
        # each or run together (paragraph breaks tell nothing: pre-tokenised text has
        # one sentence a line).
        attrs = [a for a in attrs if a.start >= lead.end()]
    # (not a call's name given: "a film called NAME. It claimed ...": the film)
    contents = sorted(quoted + [p for a in attrs if a.weak != "call" for p in a.parts])
    no_entities = _Entities([], text)
    records: list[dict] = []
    named: list[tuple[int, str, str]] = []
    sexes = _sexes(ents)   # names of people known to be male ("m") or female ("f")
    seen: set[tuple] = set()
    continued: tuple[int, str] | None = None   # end and speaker of the last continued quote
    for a in attrs:
        key = (a.start, a.end, a.speaker)   # the same words from the same speaker once
        if key in seen:
            continue
        seen.add(key)
        if a.kind != "direct" or a.cue_text == ":":   # a quotation is cut by its marks
            a.parts, cut_after = _unglue(doc, text, a.parts, a.cue.idx if a.cue is not None else a.start)
            if not a.parts or speech and cut_after:
                continue   # (cut_after: a caption or headline run on into the next line)
        if _ANONYMITY.match(text, a.start) or _teaser(text, a) or _headline_subject(a.speaker_tok):
            continue
        if (m := _DATELINE_START.match(text, a.parts[0][0])) is not None and m.end() < a.parts[0][1]:
            # "AP WASHINGTON -- Tests performed before ... should have raised doubts,
            # investigators said": the wire's dateline is not said by anyone.
            a.parts = [(m.end(), a.parts[0][1])] + a.parts[1:]
        if a.kind != "direct" and a.cue is not None and a.parts[0][1] <= a.cue.idx:
            a.parts = [_fronted_content(text, a.parts[0], quoted)] + a.parts[1:]
            if all(quotes._enclosing(p) for p in a.parts):
                a.kind = "direct"   # the quotation alone is left
        if any(_CREDIT.search(text, *p) for p in a.parts):
            # '... suggests the trail for X Photograph: NAME/Getty Images "We will ..."':
            # the words after the photograph's credit are the caption's or the quote's.
            a.parts = [q for q in (_trim(text, *_after_credit(text, p)) for p in a.parts) if q[1] > q[0]]
            if not a.parts:
                continue
        if a.cue is not None and a.speaker is not None and a.speaker[1] <= a.cue.idx and (
                _LABEL_COLON.match(text, a.speaker[1])):
            continue   # the subject is a headline's label ("Syria crisis: ... activists said")
        if a.kind != "direct" and len(a.parts) > 1 and _caption_before(text, a):
            # "People fled their homes Reuters reporter Jo Bloggs said when ...": a caption
            # or headline run into the sentence, not the first half of what was said.
            a.parts = a.parts[1:]
        if a.kind != "direct" and (told := _told_subject(doc, a)) is not None:
            a.parts = [(told, a.parts[0][1])] + a.parts[1:]
        if a.kind != "direct" and (m := _OTHER_SPEAKER.search(text, a.parts[-1][0], a.parts[-1][1])) is not None:
            # '... said the dam was safe, but the BBC's Ann Lee said doubts remained':
            # what the second speaker said is theirs.
            cut = _trim(text, a.parts[-1][0], m.start())
            if cut[1] > cut[0]:
                a.parts = a.parts[:-1] + [cut]
        if a.kind != "direct" and (a.cue is None or a.cue.lower_ != "according") and (
                (m := _SOURCE_TAIL.search(text, a.parts[-1][0], a.parts[-1][1])) is not None):
            # '... had leaked, AFP news agency reports', '..., according to witnesses': the
            # writer's source for the sentence, not words of the speaker.
            cut = _trim(text, a.parts[-1][0], m.start())
            if cut[1] > cut[0]:
                a.parts = a.parts[:-1] + [cut]
        start, end = a.start, a.end
        since = 0
        if a.speaker is not None and ctx.sentence_starts:
            since = ctx.sentence_starts[max(0, ctx.sentence_of(min(start, a.speaker[0])) - 1)]
        # A pronoun's antecedent is named neither in a quotation nor in the quote; a
        # name in what another attribution reports is taken only when no other is
        # near ('X said Assad had agreed. "...," he said': X).
        # He or she is neither someone the quote itself names ("He reports that Mr
        # Putin insisted ...": not Putin) nor someone known to be of the other sex.
        exclude: frozenset[str] = frozenset()
        if a.speaker is not None and a.speaker_tok is not None and a.speaker_tok.lower_ in _PERSON_PRONOUNS:
            sex = "f" if a.speaker_tok.lower_ in ("she", "her") else "m"
            exclude = frozenset({n for n, g in sexes.items() if g != sex} | {
                _ent_name(e) or "" for p in a.parts for e in ents.overlapping_all(*p)
                if e.get("label") == "PERSON"})
        speaker, pronoun = _resolve(ents, text, a.speaker_tok, a.speaker, contents, named, since, exclude)
        if a.speaker is not None and a.cue is not None and a.speaker[1] <= a.cue.idx and (
                signed := _SIGNED_OFF.match(text, text.rfind("\n", 0, a.cue.idx) + 1, a.cue.idx)) is not None \
                and a.speaker[0] < signed.start(2):
            # "- Ann Lee, Leeds, UK Prof Omar Said says: ...": a reader's signature under
            # the reader's question, run into the line of the expert who answers; the
            # answer is the one named right before the cue.
            a.speaker = (signed.start(2), signed.end(2))
            speaker, pronoun = ents.person_named(signed.group(2).split()[-1]) or signed.group(2), None
        if speaker and _CREDIT.search(speaker):
            continue   # "Photograph: Lena Moss/Getty Call me ...": a credit run into a caption
        if a.cue_text == ":" and a.speaker is not None and pronoun is None:
            # A line's label names its speaker as written: no apposition, title or role
            # to resolve ("Paxman: Blair, you said ..." is Paxman's, not Blair's).
            label = ents.overlapping(*a.speaker)
            mention = text[a.speaker[0]:a.speaker[1]]
            speaker = (_ent_name(label, mention) if label is not None and label.get("label") == "PERSON"
                       else ents.person_named(mention) or mention)
        if speaker is None and pronoun and pronoun.lower() in _PERSON_PRONOUNS and a.speaker:
            # "he"/"she" a few sentences on from the last person quoted: that person,
            # rather than someone named only in what that person said.
            far = ctx.sentence_starts[max(0, ctx.sentence_of(min(start, a.speaker[0])) - 3)]
            speaker, _ = _resolve(no_entities, text, a.speaker_tok, a.speaker, contents, named, far,
                                  exclude)
            if speaker is None:
                # Else the last person the story made the subject of a clause a few
                # sentences before ("Gardner has not ... . All his troubles ... . 'It is
                # hard,' he says").
                far = ctx.sentence_starts[max(0, ctx.sentence_of(min(start, a.speaker[0])) - 4)]
                subj_ent = ents.last_subject_before(a.speaker[0], sorted(quoted + a.parts), far, exclude)
                speaker = _ent_name(subj_ent) if subj_ent is not None else None
            if speaker is None and continued is not None and continued[1] not in exclude and (
                    continued[0] >= ctx.sentence_starts[max(0, ctx.sentence_of(a.speaker[0]) - 1)]
                    and ents.last_person_before(a.speaker[0], [], continued[0]) is None):
                # Right after paragraphs that continue someone's quote, nobody named since
                # ('"...," Mr Lee said.⏎"..."⏎"..."⏎He added that ...'): that one.
                speaker = continued[1]
            if speaker is None and (back := _after_quotation(ctx, quoted, min(start, a.speaker[0]))) is not None:
                # Right after a quotation of several sentences ('"...," says Ann Lee.
                # "I blame ... . They ... ." She also says ...'): whoever was quoted
                # when it began, named in or before its first sentence.
                speaker, _ = _resolve(no_entities, text, a.speaker_tok, a.speaker, contents, named, back,
                                      exclude)
        if speaker is None and pronoun:
            speaker, _ = _resolve(ents, text, a.speaker_tok, a.speaker, sorted(quoted + a.parts),
                                  named, since, exclude)
        if speaker is None and pronoun and pronoun.lower() in ("they", "them") and a.speaker:
            # "they" a few sentences on from the last group quoted ("..., NATO officials
            # said. The alliance is expected ... . The mission ..., they said"): that
            # group, when no other organisation or group is named since, not even by a
            # plural noun ("The demonstrators did not deny ... . ..., they claimed").
            far = ctx.sentence_starts[max(0, ctx.sentence_of(min(start, a.speaker[0])) - 3)]
            group, _ = _resolve(no_entities, text, a.speaker_tok, a.speaker, contents, named, far)
            quoted_at = max((n[0] for n in named if n[1] == group and far <= n[0] < a.speaker[0]),
                            default=None)
            outside = sorted(quoted + a.parts)
            if group is not None and quoted_at is not None and ents.last_group_before(
                    a.speaker[0], outside, quoted_at + 1) is None \
                    and not _plural_named(doc, quoted_at, a.speaker[0], outside):
                speaker = group
        # The sentence of the speaker and the two before, after the wire's dateline when
        # the speaker is (not the headline and highlights before it).
        near = ctx.sentence_starts[max(0, ctx.sentence_of(min(start, a.speaker[0])) - 2)] \
            if ctx.sentence_starts and a.speaker is not None else 0
        if lead is not None and a.speaker is not None and a.speaker[0] >= lead.end():
            near = max(near, lead.end())
        if pronoun is None and a.speaker is not None and _company_mention(a.speaker_tok):
            # "The company said": the company named in this sentence or the two before;
            # else one that opens what it said ("Acme Inc is building a rig, the company
            # said": a company's word about itself).
            outside = sorted(quoted + a.parts)
            company = (ents.last_company_before(a.speaker[0], outside, near)
                       or _company_opening(ents, text, a.parts, quoted))
            if not company:
                known = ents.known_companies(near, a.speaker[0], outside)
                company = _only(known) or ents.main_company_before(a.speaker[0], outside, near, known)
            speaker = company or speaker
        elif pronoun is None and a.speaker is not None and a.speaker_tok is not None and _company_mention(
                a.speaker_tok, _BODY_NOUNS) and speaker == text[a.speaker[0]:a.speaker[1]]:
            # "The ministry said": the ministry named in this sentence or the two before.
            speaker = ents.last_body_before(a.speaker_tok.lemma_.lower(), a.speaker[0],
                                            sorted(quoted + a.parts), near) or speaker
        if speech and speaker is None and pronoun and pronoun.lower() in _WRITER_PRONOUNS:
            continue
        spk_span = a.speaker
        if (pronoun is None and a.speaker is not None and a.speaker_tok is not None and ctx.sentence_starts
                and speaker == text[a.speaker[0]:a.speaker[1]] and _definite_role(a.speaker_tok)):
            # "Ann Lee said ... . The nurse said ...": the person the sentence before makes
            # the subject of its main clause, when nobody else is named since and no other
            # title is known for that person ("President Bush ... . The
            # former ambassador said": someone else).
            back = ctx.sentence_starts[max(0, ctx.sentence_of(a.speaker[0]) - 1)]
            noun = a.speaker_tok.lower_
            other = frozenset(n for n, g in sexes.items() if g == ("f" if noun in _MALE_NOUNS else "m")) \
                if noun in _MALE_NOUNS or noun in _FEMALE_NOUNS else frozenset()
            subj_ent = ents.last_subject_before(a.speaker[0], sorted(quoted + a.parts), back, other)
            title = set(((subj_ent or {}).get("title") or "").lower().replace(".", "").split()) - _HONORIFICS
            own = ctx.sentence_starts[ctx.sentence_of(a.speaker[0])]
            if subj_ent is not None and subj_ent["start"] < own and (not title or noun in title) and (
                    _main_subject(doc, subj_ent)) and ents.last_person_before(
                    a.speaker[0], sorted(quoted + a.parts), subj_ent["end"]) is None:
                speaker = _ent_name(subj_ent) or speaker
        if speaker and spk_span is not None and pronoun is None:
            speaker, spk_span = _tidy_speaker(text, ents, speaker, spk_span, a.speaker_tok)
        if speaker and pronoun and pronoun.lower() in _PERSON_PRONOUNS:
            # One the article calls "she" is no antecedent of a later "he" (the
            # interviewer Christiane Amanpour, "she reported", then "he said" of the
            # man she interviewed), and the other way round.
            sexes.setdefault(speaker, "f" if pronoun.lower() in ("she", "her") else "m")
        tok = a.speaker_tok
        if a.speaker is not None and tok is not None and speaker:
            number = (("person" if pronoun.lower() in _PERSON_PRONOUNS else "group") if pronoun
                      else _number(ents, tok, a.speaker))
            if number:   # a resolved pronoun carries its antecedent on ("..., she said")
                named.append((a.speaker[0], speaker, number))
        if a.weak == "call":
            continue   # no quote (see _no_message_call), though its speaker was noted
        continued = (end, speaker) if (a.cue is None and not a.cue_text and speaker and tok is not None
                                       and pronoun is None and _number(ents, tok, a.speaker or (0, 0)) == "person"
                                       ) else None
        rec = {
            "text": text[start:end], "start": start, "end": end,
            "sentence": ctx.sentence_of(start),
            "speaker": speaker,
            "speaker_start": spk_span[0] if spk_span else None,
            "speaker_end": spk_span[1] if spk_span else None,
            "cue": a.cue_text or None,
            "kind": a.kind,
        }
        if pronoun:
            rec["speaker_pronoun"] = pronoun
        if len(a.parts) > 1:
            rec["parts"] = [list(p) for p in a.parts]
        records.append(rec)
    if ctx.turns:
        records = sorted(records + _turn_quotes(ctx), key=lambda r: (r["start"], r["end"]))
    return records


#: A line signed by a reader ("- NAME, PLACE[, PLACE]") run into the line after it, up
#: to that line's speaker: a title and a name, or one or two capitalised words, right
#: before the cue.
_SIGNED_OFF = re.compile(
    r"[ \t]*[-\u2013\u2014][ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*,[^\n\"“”`]*?[ \t]"
    r"((?:(?:Prof|Dr|Mr|Mrs|Ms|Professor|Doctor)\.?[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)?)[ \t]*$")


#: A line that ends a sentence (a full stop, question or exclamation mark, maybe a
#: closing quotation mark after it): body text, not the short labels of links under it.
_ENDS_SENTENCE = re.compile(r"[.!?](?:\s*(?:[\"”’]|''))?\s*$")
_ANY_QUOTE_MARK = re.compile("[\"“”]|``|''")
#: A line holding more than blanks.
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "lord", "lady", "dame", "president",
                     "gen", "col", "maj", "capt", "sen", "rep", "gov", "sheikh", "king", "queen"})


#: A photograph's credit: a name and an agency after a slash ("Lena Moss/AP", "Ivo
#: Kranz/AFP/Getty Images"; the slash escaped in pre-tokenised text), after "Photograph:".
_CREDIT = re.compile(r"(?:\b(?:Photograph|Photo|Picture)\s*:\s*)?(?:\b[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
                     r"(?:\\?/(?:AP|AFP|Getty|Reuters|PA|EPA|Corbis|Rex|Xinhua)\b(?:\s+Images)?)+")


#: A wire story's dateline opening a paragraph: an agency, a place in capitals (with its
#: state or country), a dash ("AP WASHINGTON --", "ORANGE BEACH, Ala. --").
_DATELINE_START = re.compile(r"(?:(?:AP|AFP|UPI)\s+)?[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+)*"
                             r"(?:\s*,\s*[A-Z][\w.]*\.?)?\s*(?:--|—)\s*")


def _after_quotation(ctx: Context, quoted: list[tuple[int, int]], pos: int) -> int | None:
    """When the sentence before the one at ``pos`` ends inside a quotation that began
    two sentences or more before it, the start of the sentence before that quotation's
    first (where its speaker is named); else None."""
    if not ctx.sentence_starts:
        return None
    k = ctx.sentence_of(pos)
    if k < 2:
        return None
    prev, cur = ctx.sentence_starts[k - 1], ctx.sentence_starts[k]
    q = next((q for q in quoted if q[0] < prev < q[1] <= cur), None)
    if q is None or ctx.sentence_of(q[0]) > k - 2:
        return None
    return ctx.sentence_starts[max(0, ctx.sentence_of(q[0]) - 1)]


def _after_credit(text: str, part: tuple[int, int]) -> tuple[int, int]:
    """``part`` without what comes before the end of the last photograph credit in it."""
    end = part[0]
    for m in _CREDIT.finditer(text, *part):
        end = m.end()
    return end, part[1]


#: The writer's source for a whole sentence, after the reported clause: a news agency,
#: paper or correspondent that "reports" it, a memo that "said" it, "according to" someone.
_SOURCE_TAIL = re.compile(
    r",\s*(?:according\s+to\s+[^,;:\"“”]{2,60}"
    r"|(?:the\s+|our\s+)?(?:[\w.'’-]+\s+){0,5}?(?:news\s+agency|agency|newspaper|paper|daily|AP|AFP|Reuters|"
    r"Press|correspondents?|TV|television|radio|website)\s+(?:reports|reported|notes|noted|says|said|adds|added)"
    r"|the\s+(?:memo|report|letter|document|statement)\b[^,;:\"“”]{0,60}?\s+(?:says|said|notes|noted))"
    r"\s*\.?\s*\Z")
#: A contrast that brings in a second speaker after a reported clause (", while the UN said
#: ...", ", but the BBC's NAME said ..."): not the same speaker going on (", but insisted",
#: ", but did not say when", ", but given ..., he said", ", but that NAME had told him ...").
_OTHER_SPEAKER = re.compile(
    r",\s*(?:while|whereas|but)\s+(?!(?:he|she|they|it|we|I|you|did|does|do|was|were|is|are|has|have|had"
    r"|would|could|will|also|then|given|not|still|that)\b)(?:[\w'’.%-]+\s+){1,8}?"
    r"(?:said|says|say|argued|argues|argue|insisted|insists|warned|warns|claimed|claims|told|tells)\b")
#: A title cut off from its name by the sentence splitter ("..., said Navy spokesman
#: Cmdr.⏎Jo Bloggs"): the name comes after its full stop.
_CUT_TITLE = re.compile(r"\.\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_ABBREVIATED_TITLES = frozenset({"sgt", "capt", "cmdr", "cdr", "lt", "col", "gen", "adm", "maj",
                                 "cpl", "pvt", "dr", "rep", "sen", "gov", "prof", "rev", "insp",
                                 "supt", "det", "lt col", "lt gen", "maj gen", "brig gen"})
#: Participles that open a sentence before the name of who does it ("Writing on Twitter,
#: NAME described ..."); the tagger takes them for names after a caption run in.
_PARTICIPLE_OPENERS = frozenset({
    "writing", "speaking", "talking", "responding", "commenting", "reporting", "describing",
    "explaining", "addressing", "referring", "tweeting", "blogging", "posting", "broadcasting"})
#: Role nouns that may take up someone just named ("Ann Lee ... . The nurse said"); not
#: those mostly given to sources left unnamed (spokesman, official, witness, analyst).
_ANAPHORIC_ROLES = (_PERSON_NOUNS | {
    "star", "singer", "actor", "actress", "artist", "musician", "player", "coach", "footballer",
    "premier", "chancellor", "monarch", "bishop", "archbishop", "pastor", "preacher", "televangelist",
    "campaigner", "entrepreneur", "tycoon", "billionaire", "banker", "scientist", "researcher",
    "author", "writer", "novelist", "poet", "filmmaker", "director", "economist", "academic",
    "architect", "decorator", "carpenter", "firefighter", "veteran", "pensioner", "mum", "dad",
    "grandmother", "grandfather", "widow", "widower", "businesswoman", "chairwoman", "congresswoman",
    "attorney", "judge", "prosecutor", "officer"}) - {
    "spokesman", "spokeswoman", "spokesperson", "official", "source", "witness", "eyewitness",
    "resident", "villager", "activist", "analyst", "expert", "member", "representative", "aide",
    "adviser", "advisor", "observer", "monitor", "worker", "diplomat", "correspondent", "reporter",
    "journalist", "protester", "fighter", "rebel", "soldier", "militant", "gunman", "insurgent",
    "citizen", "youth", "victim", "survivor", "refugee", "student", "friend", "neighbour", "neighbor",
    "person", "man", "woman", "boy", "girl", "volunteer", "detainee", "prisoner", "inmate", "captive",
    "hostage", "mourner", "worshipper", "medic", "doctor"}


#: Titles that say nothing of a person's role ("Sir Liam Donaldson ... . The chief
#: medical officer said").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof",
                         "baroness", "baron", "rev", "the"})


def _main_subject(doc: Doc, e: dict) -> bool:
    """Whether the entity ``e`` is the subject of its sentence's main verb ("Ann Lee, from
    Leeds, says ..."), not of a clause inside it ("... recounts how Mr Bush told ...")."""
    span = doc.char_span(e["start"], e["end"], alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"


def _definite_role(tok: Token) -> bool:
    """Whether ``tok`` heads a definite singular role phrase that may take up a person
    just named ("the nurse", "the former Cuban leader"): "the" first, no proper name
    or relative clause in it."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lower_ not in _ANAPHORIC_ROLES:
        return False
    left = [t for t in tok.lefts if not t.is_punct]
    return (bool(left) and left[0].lower_ == "the" and left[0].i == tok.left_edge.i
            and not any(t.pos_ == "PROPN" or t.dep_ in ("relcl", "acl", "prep", "appos") for t in tok.subtree
                        if t.i != tok.i))


#: A focus word or conjunction the parse kept at the head of a speaker's phrase ("Even BP
#: acknowledges ...", "But Curtis Barnard, writing ..."): no part of who speaks.
_FOCUS_WORD = re.compile(r"(?:Even|But|And)\s+(?=\S)")
#: A clock time heading an entry of a live page ("1404 Jan Egeland tells ...").
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d\s+(?=\S)")
#: The day heading an entry of a dated list ("April 30 - An Obama aide says ...",
#: "Jan. 12: The ministry said ...", "JUNE 28 - Obama says" with the month left outside the
#: speaker's phrase, "20 April Barack Obama"), or a live page's stamp ("15.16 BST").
_MONTH = r"(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-zA-Z]*"
_ENTRY_DAY = re.compile(
    rf"(?:{_MONTH}\.?\s+)?\d{{1,2}}\s*(?:-+|–|—|:)\s+(?=\S)|\d{{1,2}}\s+{_MONTH}\s+(?=[A-Z])"
    r"|\d{1,2}[.:]\d{2}\s+(?:BST|GMT|CET|CEST|EST|EDT|ET|UTC)\s+(?=\S)")


_JOINING_WORDS = frozenset({"and", "but", "or", "nor", "than", "of", "to", "in", "on", "at", "for",
                            "with", "by", "as", "that", "which", "who", "what", "the", "a", "an"})


def _headline_subject(tok: Token | None) -> bool:
    """Whether ``tok`` is a bare singular person noun, capitalised, with no determiner
    or modifier: a headline's subject ("Woman alleges forces raped her", a related-story
    link run into the text), which running text never writes so."""
    return (tok is not None and tok.tag_ == "NN" and tok.text[:1].isupper()
            and tok.lower_ in _ROLE_ANTECEDENTS
            and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod", "prep", "appos",
                                   "relcl", "acl", "conj") for c in tok.children))


def _caption_before(text: str, a: _Attr) -> bool:
    """Whether the first part of ``a``, before its speaker, is a caption or headline run
    into the sentence: three words or more that end in no joining word, with nothing
    between them and a capitalised speaker (an interrupted clause sets its cue off by a
    comma: "The road, he said, is closed")."""
    if a.speaker is None or not (a.parts[0][1] <= a.speaker[0] and a.parts[1][0] >= a.speaker[1]):
        return False
    words = _WORD.findall(text[a.parts[0][0]:a.parts[0][1]])
    return (len(words) >= 3 and words[-1].lower() not in _JOINING_WORDS
            and re.fullmatch(r"[\s\"“”'’`]*", text[a.parts[0][1]:a.speaker[0]]) is not None
            and text[a.speaker[0]:a.speaker[0] + 1].isupper())


def _told_subject(doc: Doc, a: _Attr) -> int | None:
    """Where the reported clause of "tell" really starts when the parse took its subject
    for the verb's object ("told the BBC trapped people could wait": "trapped people
    could wait"; "told AFP the bodies were found"): the start of that object, after
    the listener's name run into it; None when the clause has its own subject."""
    cue = a.cue
    if cue is None or cue.lemma_ != "tell":
        return None
    span = doc.char_span(a.parts[0][0], a.parts[0][1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.left_edge.i == span[0].i), None)
    if clause is None or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children):
        return None
    obj = next((c for c in reversed(list(cue.children)) if c.dep_ == "dobj" and c.i < span[0].i), None)
    if obj is None or obj.pos_ != "NOUN" or obj.right_edge.i != span[0].i - 1:
        return None
    first = obj.left_edge
    run = [t for t in obj.subtree if t.i < obj.i][:3]
    lead = 0
    while lead < len(run) and run[lead].pos_ in ("DET", "PROPN") and run[lead].i == first.i + lead:
        lead += 1
    if any(t.pos_ == "PROPN" for t in run[:lead]):
        first = doc[first.i + lead]   # "the BBC" is whom it was told
    return first.idx


def _tidy_speaker(text: str, ents: _Entities, speaker: str, span: tuple[int, int],
                  tok: Token | None) -> tuple[str, tuple[int, int]]:
    """``(speaker, span)`` of a named (not pronoun) speaker with page furniture taken
    off: a live page's clock time or a dated list's day before it ("1404 Jan Egeland",
    "April 30 - An Obama aide") or a focus word the parse
    kept ("Even BP"), a pull quote's
    "Quote" label and the quoted person's name and role run into the real subject
    (the last name of the phrase headed by ``tok``), and a title the sentence splitter cut from its
    name ("Cmdr." then the name): the name after the title."""
    if (m := _CLOCK.match(speaker) or _ENTRY_DAY.match(speaker) or _FOCUS_WORD.match(speaker)) is not None \
            and text.startswith(speaker, span[0]):
        speaker, span = speaker[m.end():], (span[0] + m.end(), span[1])
    if speaker.startswith("Quote ") and text.startswith("Quote ", span[0]) or (
            text[max(0, span[0] - 6):span[0]] == "Quote " and text[span[0] - 7:span[0] - 6] in ("", " ", "\n")):
        phrase = tok.doc.char_span(span[0], span[1], alignment_mode="expand") if tok is not None else None
        if phrase is not None and len(phrase) > 2 and phrase[-1].pos_ == "PROPN":
            # The last name of the phrase, the subject after the pull quote's name and
            # role: its last word, or the whole name when a person's.
            last = phrase[-1]
            e = ents.overlapping(last.idx, last.idx + len(last))
            if e is not None and e.get("label") == "PERSON" and e["start"] > phrase[1].idx:
                return _ent_name(e) or last.text, (e["start"], e["end"])
            return last.text, (last.idx, last.idx + len(last))
    if (speaker.split()[-1].lower().rstrip(".") in _ABBREVIATED_TITLES
            and text.startswith(speaker.split()[-1], span[1] - len(speaker.split()[-1]))
            and (m := _CUT_TITLE.match(text, span[1])) is not None):
        e = ents.overlapping(m.start(1), m.end(1))
        if e is not None and e.get("label") == "PERSON" and e["start"] >= m.start(1):
            return _ent_name(e) or m.group(1), (span[0], e["end"])
        return f"{speaker}. {m.group(1)}", (span[0], m.end(1))
    return speaker, span


def _teaser(text: str, a: _Attr) -> bool:
    """Whether ``a`` is a teaser of another page under the article ("<clause>, says
    <Name>."): reported speech without quotation marks, its cue in the present tense
    after the clause and its speaker a bare name given in full without a role or
    title, on a line of its own after which no line ends a sentence (only the labels
    of further links)."""
    if a.kind != "indirect" or a.cue is None or a.speaker is None or a.speaker[0] < a.end:
        return False
    if a.cue.tag_ != "VBZ" or a.speaker_tok is None or a.speaker_tok.pos_ != "PROPN":
        return False
    line_start = text.rfind("\n", 0, a.start) + 1
    line_end = text.find("\n", a.speaker[1])
    line_end = len(text) if line_end < 0 else line_end
    if _ANY_QUOTE_MARK.search(text, line_start, line_end):
        return False
    # the lines after it, read only up to the first that ends a sentence
    if any(_ENDS_SENTENCE.search(m.group()) for m in _LINE.finditer(text, line_end)):
        return False
    words = text[a.speaker[0]:a.speaker[1]].split()
    # A bare full name, without role or title: the body names someone again by the
    # surname or a title ("says Mr Muir"), or first with a role ("said Pentagon
    # spokeswoman ...").
    return (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
            and words[0].lower().rstrip(".") not in _TITLES)


#: Parts of speech of a capitalised word that opens a sentence glued on without its
#: full stop ("... to EU countries The envoy said", "... for freedom One of the injured").
_GLUE_POS = frozenset({"DET", "NUM", "PRON", "SCONJ", "CCONJ", "ADV"})
_ARTICLES = frozenset({"the", "a", "an"})


def _glued(tok: Token, before_cue: bool = False) -> bool:
    """Whether ``tok`` starts a headline, caption or sentence run on after a noun with
    no punctuation between: a capitalised determiner, number, pronoun or conjunction
    right after a lower-case noun or adjective ("countries The", "freedom One"); a
    capitalised article right after a proper noun ("says Panetta The Free Syrian
    Army"); any capitalised word after the closing mark of a quoted sentence with no
    punctuation inside the mark ('“... made it difficult” The head of the mission');
    with ``before_cue`` (content before its cue), also a quotation opened with a
    capitalised word right after a lower-case noun ('... for the blasts “It's
    certain,” he replies': a caption before the quote)."""
    if tok.i == 0 or not tok.is_title or tok.text == "I":
        return False
    prev = tok.doc[tok.i - 1]
    if before_cue and prev.text in ("“", "\"") and tok.i >= 2 and prev.idx + len(prev) == tok.idx:
        word = tok.doc[tok.i - 2]
        if (word.idx + len(word) < prev.idx and word.is_alpha and word.is_lower
                and (word.pos_ in ("NOUN", "ADJ") or word.pos_ == "VERB"
                     and word.lemma_.lower() not in cue_frames())):
            return True
    if prev.idx + len(prev) >= tok.idx or tok.pos_ not in _GLUE_POS and prev.text not in ("”", "\""):
        return False
    if prev.is_alpha and prev.is_lower and prev.pos_ in ("NOUN", "ADJ"):
        return True
    text = doc_text(tok.doc)
    if prev.text in ("”", "\"") and prev.idx > 0 and text[prev.idx - 1].isalnum():
        # A closing mark with no full stop inside it, after a quoted sentence (not a
        # word or two: 'the "Friends of Syria" Group').
        opened = max(text.rfind(mark, 0, prev.idx) for mark in "“”\"")
        return opened >= 0 and _has_words(text, opened, prev.idx, 4)
    if tok.lower_ not in _ARTICLES:
        return False
    return prev.is_alpha and prev.is_title and prev.pos_ == "PROPN"


def _unglue(doc: Doc, text: str, parts: list[tuple[int, int]], cue: int
            ) -> tuple[list[tuple[int, int]], bool]:
    """The content ``parts`` without what a glued sentence start (see :func:`_glued`)
    between a part and the cue ``cue`` cuts off: a part before the cue starts after
    the last such start, a part after it ends before the first; parts left without a
    word are dropped. Also whether a part after the cue was cut so: the words after
    the cue ran on into the next sentence with no full stop, as a caption or a
    headline does ("Rebels abandon truce The army says its attacks aim to defend
    civilians The rebel army is no longer ...")."""
    out = []
    cut_after = False
    for start, end in parts:
        lo, hi = (start, cue) if start < cue else (cue, end)
        span = doc.char_span(lo, hi, alignment_mode="expand")
        joins = [t.idx for t in span[1:] if _glued(t, start < cue)] if span is not None else []
        if joins and start < cue:
            start = max(start, joins[-1])
        elif joins:
            cut_after = True
            end = min(end, joins[0])
        elif start >= cue and span is not None and span.end < len(doc) and _glued(doc[span.end]):
            cut_after = True   # the parse ended the part where the next line is glued on
        if start < end:
            start, end = _trim(text, start, end)
        # What a glued start leaves of a part is a word or two of a headline, no message.
        if start < end and len(_WORD.findall(text, start, end)) >= (3 if joins else 1):
            out.append((start, end))
    return out, cut_after


#: Words of a transcript label that name the show's own staff, or the show itself
#: ("CARL AZUZ, CNN STUDENT NEWS:"), not a guest.
_STAFF_ROLE = re.compile(r"\b(?:ANCHOR|CORRESPONDENT|REPORTER|HOST|PRESENTER|EDITOR|PRODUCER"
                         r"|NEWS)\b")


#: A transcript label naming a network's staff: a capitalised name, a comma, the network
#: and role ("NIC ROBERTSON, CNN SENIOR CORRESPONDENT", "MARTIN GEISSLER, ITV NEWS").
_STAFF_LABEL = re.compile(r"\b([A-Z][A-Z'’-]{2,})[ \t]*,[ \t]*(?:[A-Z][A-Z'’.-]*[ \t]+){0,3}"
                          r"(?:NEWS|CORRESPONDENT|REPORTER|ANCHOR|PRESENTER|HOST)\b")


def _turn_quotes(ctx: Context) -> list[dict]:
    """A transcript turn ("BLITZER: ...", see :mod:`dateline.normalise`) is its
    speaker's words: one direct quote, spoken by the label's name. A transcript has
    turns of two speakers at least: a label alone in its article is a headline's
    ("NATO: No apology for ..."), not a speaker's."""
    out: list[dict] = []
    if len({t.speaker.lower() for t in ctx.turns}) < 2:
        return out
    # The show's host, who introduces themself in a turn of their own ("AZUZ: ... I'm
    # Carl Azuz.", "STOUT: I'm Kristie Lu Stout ..."): their turns are the show's
    # narration, questions and quizzes, nobody's quote.
    # Known by the surname of the label ("CARL AZUZ" introduces, "AZUZ" goes on).
    hosts = {(t.speaker.lower().split() or [""])[-1] for t in ctx.turns if re.search(
        r"\bI\s?['’]m\s+(?:\S+\s+){0,3}?" + re.escape(t.speaker) + r"\b",
        ctx.text[t.start:t.end], re.I)}
    # So are the turns of the network's own staff, whose label says so once ("NIC
    # ROBERTSON, CNN SENIOR CORRESPONDENT:", then "ROBERTSON:"): the reporter's narration.
    hosts |= {(t.speaker.lower().split() or [""])[-1] for t in ctx.turns
              if _STAFF_ROLE.search(f"{t.speaker} {t.role}")}
    # ... also when that first label is not read as a turn ("MARTIN GEISSLER, ITV NEWS
    # (voice-over): ...", then "GEISSLER (on camera): ...").
    hosts |= {m.group(1).lower() for m in _STAFF_LABEL.finditer(ctx.text)}
    for turn in ctx.turns:
        if (turn.speaker.lower().split() or [""])[-1] in hosts:
            continue
        out.append({
            "text": ctx.text[turn.start:turn.end], "start": turn.start, "end": turn.end,
            "sentence": ctx.sentence_of(turn.start),
            "speaker": string.capwords(turn.speaker),
            "speaker_start": turn.label_start,
            "speaker_end": turn.label_start + len(turn.speaker),
            "cue": None, "kind": "direct", "turn": True,
        })
    return out
