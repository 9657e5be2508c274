"""The normalisation stage: what spaCy and the extractors read, made from the article's text.

Real collections hold text that is not written the way the NLP model learnt English.
Before parsing, :func:`normalise` rewrites three kinds of it and keeps a map back, so
every offset an extractor finds is turned into an offset into the article's own text
(:meth:`Normalised.to_original`); the stored text is never changed.

- **Penn-Treebank tokens** (Timeline17, many research corpora): brackets written
  ``-LRB-``/``-RRB-`` (also square and curly), quotation marks written ``` `` ``` and
  ``''``, and every token separated by a space ("Obama 's", "do n't", "April 6 , 1886").
  The brackets are always rewritten (they never occur in ordinary text); the rest only
  when the text is tokenised that way throughout (:func:`is_tokenised`), so ordinary
  text is left alone. Such corpora hold one sentence per line, so in tokenised text a
  line break is made a paragraph break, which the parser never crosses; a stock ticker
  their sentence splitter broke at its dot ("BP Plc -LRB- BP . \nL -RRB- said": 122 in
  the Timeline17 Reuters topic) is joined again ("(BP.L)"), so the company keeps its verb.
- **Transcript speaker labels** ("BLITZER :", "WOLF BLITZER, CNN ANCHOR:" at the start
  of a line): blanked, and kept as :class:`Turn` s whose speech runs to the next label;
  the quotes extractor reports each turn as the speaker's words. Heading words of news
  bulletins ("NEW :", "UPDATE:") are blanked without a turn.
- **Page furniture** (reporter credits, comment rules, copyright lines: the patterns of
  ``dateline/data/normalise_furniture.tsv``): the sentence is blanked, so nothing is
  extracted from it; stamps and credits run into a sentence (a live blog's "(7:03 p.m.
  Monday ET, ...)", the BBC's "Last updated at 05:55 GMT", "By the CNN Wire Staff")
  are blanked alone.
- **Readers' comments** under an article (from the line of the first comment time
  stamp, "March 8 , 2011 at 6:19 pm |" and three BBC forms, or of Reuters' comment policy
  or the BBC's call for comments, to the end: 341 of the 2,421 Timeline17 development
  articles): blanked; what readers write is not news.

- **Other sites' headlines** listed under an article, each with its age ("Port strike ends
  after three weeks - 50 mins ago Daily Courier ...", the BBC's news feeds: 42 of the 2,421
  Timeline17 development articles): blanked from the line of the first age stamp to the
  end (or to the readers' comments); they are other articles' headlines, not this
  article's news.

Blanking replaces characters by spaces (newlines are kept), so it needs no map; the
token rewrites change lengths, and the map covers them.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.data import read_records

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_OPENING = re.compile(r"(-L[RSC]B-|``)( +)")
_CLOSING = re.compile(r"( +)(-R[RSC]B-|''|n't\b|'(?:s|re|ve|ll|d|m)\b|\.\.\.|[,.;:?!%])")
_LONE_BRACKET = re.compile(r"-[LR][RSC]B-")
#: A stock ticker in brackets that a sentence splitter broke at its dot, one sentence per
#: line ("BP Plc -LRB- BP . \nL -RRB- said", Reuters' instrument codes: a symbol of up to
#: six letters or digits, a dot, an exchange code of up to three letters).
_BROKEN_TICKER = re.compile(r"-LRB- ([A-Za-z0-9]{1,6}) \. \n([A-Za-z]{1,3}) -RRB-")
#: Signs of Penn-Treebank tokenisation: a space before sentence punctuation or a clitic.
_TOKENISED = re.compile(r"\w (?:[,.;:?!]|n't\b|'s\b)(?= |$)|``|''", re.M)
_UNTOKENISED = re.compile(r"\w[,.;:?!](?= )|\w(?:n't|'s)\b")

#: A transcript speaker label at the start of a line: one to four upper-case words
#: (names, and roles after a comma: "WOLF BLITZER, CNN ANCHOR"), then a colon.
_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?P<name>[A-Z][A-Z'.\-]*(?: [A-Z][A-Z'.\-]*){0,3})"
    r"(?: ?, ?[A-Z][A-Z'.\-]*(?: [A-Z][A-Z'.\-]*){0,4})? ?:)(?= )", re.M)
#: A line opened by one capitalised word and a colon ("Zakaria : ..."): a label of a
#: speaker, a caption or a heading; it ends the turn before it.
_NAME_LABEL = re.compile(r"^[ \t]*[A-Z][\w'’.-]* ?:(?= )", re.M)
#: Upper-case words that head a bulletin line rather than name a speaker.
_HEADINGS = frozenset({"NEW", "UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "BREAKING",
                       "BREAKING NEWS", "CORRECTION", "WATCH", "READ", "VIDEO", "PHOTOS",
                       "LIVE", "ANALYSIS", "OPINION", "SOURCE", "SOURCES", "Q", "A"})
#: The age stamp of a headline in a list of other sites' news ("- 1 hr ago", "- 34 mins ago").
_LINK_STAMP = re.compile(r" - \d{1,2} (?:mins?|hrs?|hours?|days?) ago\b")
#: Where readers' comments start, as the sites print it: a time stamp "March 8, 2011 at 6:19 pm |"
#: or "March 8, 2011 06:19 pm at 6:19 pm |" (CNN: 49 and 5 Timeline17 development articles), "At 04:23 23rd Aug 2010, dylen wrote:"
#: (BBC: 11) or "At 6:50 pm on 05 May 2009, dylen wrote:" (BBC blogs of 2009: 20 more), a line
#: opening "6th June 2012 - 19:49" (BBC: 17), and Reuters' comment policy above its readers'
#: comments, "We welcome comments that advance the story ..." / "Views expressed in the
#: comments do not represent those of Reuters" (201 of the 298 bpoil_reuters articles), and the
#: BBC's call for readers' comments ("Send us your comments ... using the form below", "We
#: will aim to publish ..."; 38 BBC articles; a call to readers
#: to "have your say" about a programme or a story: 4 more), after which come the call's own
#: small print or the readers' views; and the close of a readers' debate, "This debate is now
#: closed" (BBC debate pages, whose readers' views follow it: 5 articles; not where it opens the
#: text, where the page's own introduction follows it: 1); and CNN blogs' comment stamps
#: "February 25th, 2011 4:07 am ET" (an ordinal day, a year, a clock time and ET: 1 article).
_COMMENT_STAMP = re.compile(
    r"\b\d{1,2} ?, ?\d{4}(?: \d{1,2}:\d{2} ?[ap]\.?m\.?)? at \d{1,2}:\d{2} ?[ap]\.?m\.? ?\|"
    r"|\bAt \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?(?: on)? \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8} \d{4} ?, ?\S+"
    r" wrote ?:"
    r"|\bWe welcome comments that advance the story\b"
    r"|\bViews expressed in the comments do not represent\b"
    r"|\bSend us your (?:comments|views|experiences|stories)\b"
    r"|\busing the form (?:on the right|below)\b"
    r"|\bWe will aim to publish as many of your\b"
    r"|(?-i:\b[Hh]ave your say\b)"   # not the BBC's "Have Your Say" debates named in a text
    r"|(?<=[\s\S])\bThis (?:debate|discussion|topic) (?:is|has) now closed\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{1,2}(?:st|nd|rd|th) ?, ?\d{4},? \d{1,2}:\d{2} ?[ap]\.?m\.? ET\b"
    r"|^\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December) \d{4} - \d{1,2}:\d{2}\b", re.I | re.M)
#: A sentence inside a line: up to and including its final punctuation (and closing marks).
_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+['\"”’)]*|$)", re.M)


@dataclass(frozen=True)
class Turn:
    """A transcript turn: ``speaker`` (the label's name, as written) spoke the text
    ``[start, end)``; the label itself is ``[label_start, label_end)``; ``role`` is what
    the label says after the name ("CNN SENIOR CORRESPONDENT" in "NIC ROBERTSON, CNN
    SENIOR CORRESPONDENT:"), empty when it says nothing more. Offsets are into the
    normalised text, like everything an extractor sees."""

    speaker: str
    label_start: int
    label_end: int
    start: int
    end: int
    role: str = ""


@dataclass
class Normalised:
    """The text the NLP stage parses, and how to get back to the article's own text."""

    original: str
    text: str
    tokenised: bool = False
    turns: list[Turn] = field(default_factory=list)
    #: ``(start, end, why)`` of each blanked span, in original offsets.
    blanked: list[tuple[int, int, str]] = field(default_factory=list)
    _starts: array | None = None   # original start of each normalised character
    _ends: array | None = None     # original end of each normalised character

    @property
    def changed(self) -> bool:
        """Whether offsets need mapping (the text's length or layout changed)."""
        return self._starts is not None

    def start(self, offset: int) -> int:
        """The original offset of normalised start offset ``offset``."""
        if self._starts is None:
            return offset
        return self._starts[offset] if offset < len(self._starts) else len(self.original)

    def end(self, offset: int) -> int:
        """The original offset of normalised end offset ``offset``."""
        if self._ends is None:
            return offset
        return self._ends[offset - 1] if offset > 0 else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised span ``[start, end)`` (never reversed)."""
        first = self.start(start)
        return first, max(first, self.end(end))

    def to_original(self, value: Any) -> Any:
        """``value`` (an extractor's output: lists and dicts) with every offset member
        (``start``, ``end``, ``speaker_start``, ``speaker_end``, ``parts``) mapped to the
        original text, and each ``text`` member that was the normalised slice of its
        span replaced by the original slice. Returns ``value`` itself when nothing changed."""
        if not self.changed:
            return value
        return _map(value, self)


def _map(value: Any, norm: Normalised) -> Any:
    if isinstance(value, list):
        return [_map(v, norm) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _map(v, norm) if isinstance(v, (list, dict)) else v for k, v in value.items()}
    for s_key, e_key in (("start", "end"), ("speaker_start", "speaker_end")):
        s, e = value.get(s_key), value.get(e_key)
        if isinstance(s, int) and isinstance(e, int):
            out[s_key], out[e_key] = norm.span(s, e)
    start, end = value.get("start"), value.get("end")
    if isinstance(start, int) and isinstance(end, int) and value.get("text") == norm.text[start:end]:
        out["text"] = norm.original[out["start"]:out["end"]]
    parts = value.get("parts")
    if isinstance(parts, list) and all(isinstance(p, (list, tuple)) and len(p) == 2
                                       for p in parts):
        out["parts"] = [list(norm.span(s, e)) for s, e in parts]
    return out


@functools.lru_cache(maxsize=1)
def furniture_patterns() -> tuple[re.Pattern[str], ...]:
    """The furniture patterns of ``normalise_furniture.tsv`` that hide their whole
    sentence, compiled."""
    return tuple(re.compile(row["pattern"], re.I) for row in read_records("normalise_furniture.tsv")
                 if row["hide"] != "span")


@functools.lru_cache(maxsize=1)
def furniture_span_patterns() -> tuple[re.Pattern[str], ...]:
    """The furniture patterns of ``normalise_furniture.tsv`` that hide only the text
    they match (stamps and credits run into a sentence), compiled."""
    return tuple(re.compile(row["pattern"], re.I | re.M)
                 for row in read_records("normalise_furniture.tsv") if row["hide"] == "span")


def is_tokenised(text: str) -> bool:
    """Whether ``text`` is Penn-Treebank tokenised throughout: punctuation and clitics
    stand apart from the words before them far more often than they are attached."""
    spaced = len(_TOKENISED.findall(text))
    attached = len(_UNTOKENISED.findall(text))
    return spaced >= 3 and spaced > 4 * attached


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


#: Kinds of places wider than a country, whose names head the sections of a news digest.
_WIDE_PLACES = frozenset({"continent", "region", "ocean", "sea"})


def _is_place(name: str) -> bool:
    """Whether an upper-case label is the name of a country or first-level division, or
    a section heading of a digest named by a wider place: the label, or its first or
    last word, names a continent, region, ocean or sea ("MIDDLE EAST", "PACIFIC RIM",
    "SOUTH AND CENTRAL ASIA"; such words name almost nobody)."""
    from dateline.gazetteer import gazetteer

    if any(p.kind in ("country", "admin1", "continent", "region") for p in gazetteer().lookup(name)):
        return True
    words = name.split()
    return len(words) > 1 and any(p.kind in _WIDE_PLACES for w in {words[0], words[-1]}
                                  for p in gazetteer().lookup(w))


def _blank_tail(text: str, chars: list[str], blanked: list[tuple[int, int, str]],
                stamp: re.Pattern[str], kind: str, stop: int) -> int:
    """Blank, as ``kind``, from the line of the first match of ``stamp`` before ``stop``
    to ``stop``: what follows an article (readers' comments, other sites' headlines;
    see the module docstring). Return where it starts (``stop`` when there is none)."""
    found = stamp.search(text, 0, stop)
    if found is None:
        return stop
    start = text.rfind("\n", 0, found.start()) + 1
    _blank(chars, start, stop)
    blanked.append((start, stop, kind))
    return start


def _blank_labels(text: str, chars: list[str], blanked: list[tuple[int, int, str]],
                  stop: int) -> list[tuple[str | None, int, int]]:
    """Blank the speaker labels and bulletin headings; return ``(speaker, start, end)``
    of each, in text order (``speaker`` None for a heading)."""
    labels: list[tuple[str | None, int, int]] = []
    for m in _LABEL.finditer(text, 0, stop):
        name = " ".join(m["name"].split())
        if not re.search(r"[A-Z]{2}", name):
            continue   # "I :" or "A:" in a list, not a label
        if _is_place(name):
            continue   # "US : one death, 109 cases" lists places, nobody speaks
        start, end = m.start("label"), m.end("label")
        _blank(chars, start, end)
        if name in _HEADINGS:
            blanked.append((start, end, "heading"))
            labels.append((None, start, end))
        else:
            blanked.append((start, end, "speaker label"))
            labels.append((name, start, end))
    return labels


def _blank_furniture(text: str, chars: list[str], blanked: list[tuple[int, int, str]],
                     stop: int) -> None:
    for pattern in furniture_span_patterns():
        for m in pattern.finditer(text, 0, stop):
            _blank(chars, m.start(), m.end())
            blanked.append((m.start(), m.end(), "furniture"))
    patterns = furniture_patterns()
    for m in _SENTENCE.finditer(text, 0, stop):
        sentence = m.group()
        if sentence.strip() and any(p.search(sentence) for p in patterns):
            _blank(chars, m.start(), m.end())
            blanked.append((m.start(), m.end(), "furniture"))


def _token_edits(text: str, tokenised: bool) -> list[tuple[int, int, str]]:
    """``(start, end, replacement)`` of the Penn-Treebank rewrites, sorted, disjoint."""
    # "-LRB- BP . \nL -RRB-" -> "(BP.L)": one name, not two lines
    tickers = [(m.start(), m.end(), f"({m[1]}.{m[2]})")
               for m in (_BROKEN_TICKER.finditer(text) if tokenised else ())]
    edits: list[tuple[int, int, str]] = []
    for m in _OPENING.finditer(text):       # "-LRB- x" -> "(x", "`` x" -> "“x"
        mark = m[1]
        if tokenised or mark in _BRACKETS:
            edits.append((m.start(), m.end(), _BRACKETS.get(mark, "“")))
    for m in _CLOSING.finditer(text):       # "x -RRB-" -> "x)", "x ''" -> "x”", "x ," -> "x,"
        mark = m[2]
        if tokenised or mark in _BRACKETS:
            edits.append((m.start(), m.end(), _BRACKETS.get(mark, "”" if mark == "''" else mark)))
    edits.sort()
    kept: list[tuple[int, int, str]] = []
    end = -1
    for e in edits:   # where an opening and a closing rewrite meet, the first wins
        if e[0] >= end:
            kept.append(e)
            end = e[1]
    taken = [(a, b) for a, b, _ in kept]
    for m in _LONE_BRACKET.finditer(text):      # brackets are rewritten in any text
        if not any(a <= m.start() < b for a, b in taken):
            kept.append((m.start(), m.end(), _BRACKETS[m.group()]))
    for m in re.finditer(r"``|''", text) if tokenised else ():
        if not any(a <= m.start() < b for a, b in taken):
            kept.append((m.start(), m.end(), "“" if m.group() == "``" else "”"))
    if tokenised:   # such corpora hold one sentence per line: the parser must break there
        kept += [(m.start(), m.end(), "\n\n") for m in re.finditer(r"(?<!\n)\n(?!\n)", text)]
    if tickers:
        kept = [e for e in kept if not any(a <= e[0] < b for a, b, _ in tickers)] + tickers
    return sorted(kept)


def _apply(text: str, edits: Iterable[tuple[int, int, str]]
           ) -> tuple[str, array, array] | None:
    """The text with ``edits`` applied and the original start and end of each character
    of it; None when there are no edits."""
    pieces: list[str] = []
    starts, ends = array("q"), array("q")
    pos = 0
    any_edit = False
    for a, b, new in edits:
        any_edit = True
        pieces.append(text[pos:a])
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        pieces.append(new)
        starts.extend([a] * len(new))
        ends.extend([b] * len(new))
        pos = b
    if not any_edit:
        return None
    pieces.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), starts, ends


def normalise(text: str) -> Normalised:
    """The normalised form of ``text`` (see the module docstring). Linear in the text."""
    tokenised = is_tokenised(text)
    chars = list(text)
    blanked: list[tuple[int, int, str]] = []
    comments = _blank_tail(text, chars, blanked, _COMMENT_STAMP, "comments", len(text))
    comments = _blank_tail(text, chars, blanked, _LINK_STAMP, "links", comments)
    labels = _blank_labels(text, chars, blanked, comments)
    _blank_furniture(text, chars, blanked, comments)
    blank = "".join(chars) if blanked else text
    applied = _apply(blank, _token_edits(blank, tokenised))
    if applied is None:
        norm = Normalised(original=text, text=blank, tokenised=tokenised, blanked=blanked)
    else:
        norm = Normalised(original=text, text=applied[0], tokenised=tokenised, blanked=blanked,
                          _starts=applied[1], _ends=applied[2])
    norm.turns = _turns(norm, labels, [m.start() for m in _NAME_LABEL.finditer(text, 0, comments)])
    return norm


def _to_normalised(norm: Normalised, offset: int) -> int:
    """The normalised offset of original offset ``offset`` (the first character that
    starts at or after it)."""
    if norm._starts is None:
        return offset
    return bisect.bisect_left(norm._starts, offset)


def _turns(norm: Normalised, labels: list[tuple[str | None, int, int]],
           name_labels: Sequence[int] = ()) -> list[Turn]:
    """Each speaker label's turn: from the end of its label to the start of the next
    label or heading, or of the next line opened by a capitalised word and a colon
    (``name_labels``: "Zakaria : ..." in an interview whose other side is labelled
    "CNN :"), or the end of the text; without surrounding blanks; in normalised
    offsets."""
    turns = []
    for i, (name, start, end) in enumerate(labels):
        if name is None:
            continue
        stop = labels[i + 1][1] if i + 1 < len(labels) else len(norm.original)
        k = bisect.bisect_right(name_labels, end)
        if k < len(name_labels):
            stop = min(stop, name_labels[k])
        s, e = _to_normalised(norm, end), _to_normalised(norm, stop)
        body = norm.text[s:e]
        s += len(body) - len(body.lstrip())
        e -= len(body) - len(body.rstrip())
        if e > s:
            _, comma, role = norm.original[start:end].partition(",")
            turns.append(Turn(name, _to_normalised(norm, start), _to_normalised(norm, end), s, e,
                              " ".join(role.rstrip(" :").split()) if comma else ""))
    return turns
