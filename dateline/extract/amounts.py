"""Amounts: counts of people and things, money and percentages, with what they count.

Starts from spaCy's CARDINAL, MONEY, QUANTITY and PERCENT entities (plus vague
plurals such as "hundreds of" the tagger left out), reads the value from digits
and number words, the qualifier written before it ("more than", "an
estimated"), the unit from the noun the number modifies (or the currency, or
"percent"), and, for counts of people, whether they were killed, injured,
displaced or arrested from the verb that governs the counted noun.

Vague amounts take the smallest value they imply ("hundreds" 200, "tens of
thousands" 20000) with the qualifier "at least". Years, ages, times, ordinals,
identifiers written after a noun ("Article 5"), "one" used as a pronoun and "one" or
"two" in set phrases ("at one point", "one thing", "split in two": the ``idiom`` nouns
of the lexicon) are not amounts. Words come from ``data/amounts_lexicon.tsv``.

A range ("15 to 20 kilometres", "between 300 and 400 families", "10-15 fighters",
"$20 billion to $70 billion", "20 to 70 billion dollars", "from 2,000 to 5,000")
is one amount whose ``low`` and ``high`` are its ends and whose ``value`` is the
low end; the ends are never added up.

Record: text, start, end, sentence, value, unit, qualifier, kind; low and high for ranges.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from dateline.data import read_rows
from dateline.extract import Context, extractor

LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
_NUM = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_NUM_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(m|bn|b|k|tn)$", re.I)
_NOT_COUNT = re.compile(r"\d[:/]\d|\d-\d")
_PERCENT_WORDS = {"percent", "per cent", "%", "pct", "percentage"}


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    """The amounts lexicon as ``{kind: {word: value}}`` (see the data file header)."""
    out: dict[str, dict[str, str]] = {}
    for kind, word, value in read_rows("amounts_lexicon.tsv"):
        out.setdefault(kind, {})[word] = value
    return out


@functools.lru_cache(maxsize=1)
def _qualifier_re() -> re.Pattern[str]:
    """Qualifiers, longest first, anchored at the end of the text before an amount."""
    words = sorted(lexicon()["qualifier"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\s+$", re.I)


@functools.lru_cache(maxsize=1)
def _qualifier_start_re() -> re.Pattern[str]:
    """Qualifiers at the start of an entity's text ("More than 3 million")."""
    words = sorted(lexicon()["qualifier"], key=len, reverse=True)
    return re.compile(r"^(" + "|".join(re.escape(w) for w in words) + r")\s+", re.I)


@functools.lru_cache(maxsize=1)
def _vague_re() -> re.Pattern[str]:
    """Vague amounts ("tens of thousands", "hundreds") as whole words."""
    words = sorted(lexicon()["vague"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def parse_value(words: list[str]) -> float | None:
    """The number written by ``words`` ("3", "million" -> 3e6; "a", "dozen" -> 12;
    "twenty-five" -> 25; "2.5bn" -> 2.5e9); ``None`` if they write no number."""
    lex = lexicon()
    numbers, scales = lex["number"], lex["scale"]
    total = 0.0
    current: float | None = None
    seen = False
    for raw in words:
        w = raw.lower().strip(",")
        if not w or w in ("and", "of"):
            continue
        m = _NUM_SUFFIX.match(w)
        if _NUM.match(w):
            current = (current or 0) + float(w.replace(",", ""))
            seen = True
        elif m:
            current = (current or 0) + float(m.group(1)) * float(scales.get(m.group(2).lower(), "1000"))
            seen = True
        elif "-" in w and all(p in numbers for p in w.split("-")):
            current = (current or 0) + sum(float(numbers[p]) for p in w.split("-"))
            seen = True
        elif w == "dozen":
            current = (current if current is not None else 1) * 12
            seen = True
        elif w in numbers and w not in ("a", "an"):
            current = (current or 0) + float(numbers[w])
            seen = True
        elif w in ("a", "an"):
            pass   # "a dozen", "a million": the scale word counts one; "a full 60" is 60
        elif w in scales and len(w) > 2:
            scale = float(scales[w])
            current = (current if current is not None else 1) * scale
            if scale >= 1000:
                total += current
                current = None
            seen = True
    if not seen:
        return None
    return total + (current or 0)


#: What joins the two ends of a range: "to", a dash between digits, "and" after "between".
_RANGE_TO = re.compile(r"\s+to\s+|(?<=\d)\s*[-\u2013\u2014]\s*(?=[$\u20ac\u00a3]?\d)", re.I)
_RANGE_AND = re.compile(r"\s+and\s+", re.I)
_RANGE_OPEN = re.compile(r"^(between|from)\s+", re.I)
_RANGE_BEFORE = re.compile(r"\b(between|from)\s+$", re.I)
#: Text between two number entities that makes them one range ("15 to 20 kilometres").
_RANGE_GAP = re.compile(r"^\s*(?:to|[-\u2013\u2014])\s*$", re.I)


def _side_words(side: str) -> list[str]:
    """The words of one end of a range, currency signs and punctuation dropped."""
    return [w.strip(",.") for w in re.findall(r"[\w.,-]+", side) if w.strip(",.")]


def _scale_of(words: list[str]) -> float | None:
    """The largest scale word in ``words`` ("billion", "2.5bn"), if any."""
    scales = lexicon()["scale"]
    found = [float(scales[w.lower()]) for w in words if len(w) > 2 and w.lower() in scales]
    for w in words:
        m = _NUM_SUFFIX.match(w)
        if m:
            found.append(float(scales.get(m.group(2).lower(), "1000")))
    return max(found) if found else None


def _range(body: str, before: str) -> tuple[float, float] | None:
    """The low and high ends of a range written as ``body`` ("15 to 20 kilometres",
    "$20 billion to $70 billion", "20 to 70 billion dollars", "10-15", "between 300
    and 400", with ``before`` the text just before it, where "between" or "from" may
    stand); ``None`` when ``body`` is not a range.

    A scale written only on the high end applies to the low end when the low end
    then stays at most the high end ("20 to 70 billion": 2e10 and 7e10; "500 to
    2 million": 500 and 2e6). "from 5,000 to 2,000" (a fall) gives (2000, 5000).
    """
    b = body.strip()
    m = _RANGE_OPEN.match(b)
    opener = m.group(1).lower() if m else None
    if m:
        b = b[m.end():]
    else:
        mb = _RANGE_BEFORE.search(before)
        opener = mb.group(1).lower() if mb else None
    joins = list(_RANGE_TO.finditer(b))
    if opener == "between":
        joins += list(_RANGE_AND.finditer(b))
    for j in joins:
        low_w, high_w = _side_words(b[:j.start()]), _side_words(b[j.end():])
        low, high = parse_value(low_w), parse_value(high_w)
        if low is None or high is None:
            continue
        scale = _scale_of(high_w)
        if scale is not None and _scale_of(low_w) is None and low * scale <= high:
            low *= scale
        return (min(low, high), max(low, high))
    return None


def _number_root(ent: Span) -> Token:
    """The rightmost token of ``ent`` whose head lies outside it (the number's
    syntactic head; "an estimated 10,000" -> "10,000")."""
    outside = [t for t in ent if not (ent.start <= t.head.i < ent.end) or t.head is t]
    return outside[-1] if outside else ent.root


def _unit_noun(root: Token) -> Token | None:
    """The noun a number counts: its head when it modifies a noun, or the object
    of "of" after a vague head ("thousands of clients")."""
    if root.lower_ in lexicon()["vague"] or root.lower_ in ("dozen", "dozens", "hundreds", "thousands", "millions"):
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.i > root.i \
            and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    return None


def _casualty(noun: Token) -> str | None:
    """Whether the counted ``noun`` (or the number itself) was killed, injured,
    displaced or arrested, read from the verb governing it or a participle on it."""
    cas = lexicon()["casualty"]
    for c in noun.children:
        if c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in cas:
            return cas[c.lemma_.lower()]
    head = noun.head
    if noun.dep_ in ("nsubjpass", "dobj", "nsubj", "attr", "conj") and head.lemma_.lower() in cas:
        if noun.dep_ == "conj":
            return _casualty(head) if head is not noun else None
        return cas[head.lemma_.lower()]
    if noun.dep_ == "pobj" and head.head.lemma_.lower() in cas:
        return cas[head.head.lemma_.lower()]
    return None


def _counted_range(t: str, root: Token) -> bool:
    """Whether ``t`` with a dash between digits is a range of something counted
    ("10-15 fighters": low below high and a counted noun), not a score or a time."""
    if re.search(r"\d[:/]\d", t) or _unit_noun(root) is None:
        return False
    bounds = _range(t, "")
    return bounds is not None and bounds[0] < bounds[1] and re.search(r"\d\s*-\s*\d", t) is not None


def _skip(ent: Span, root: Token, text: str) -> bool:
    """Whether a CARDINAL is not a count: year, age, time, score, identifier, pronoun "one"."""
    t = ent.text.strip()
    if _NOT_COUNT.search(t) and not _counted_range(t, root):
        return True
    if _YEAR.match(t) and ent.label_ == "CARDINAL":
        return True
    after = text[ent.end_char:ent.end_char + 14].lower()
    before = text[max(0, ent.start_char - 8):ent.start_char].lower()
    if re.match(r"[\s-]*years?[\s-]*old|-year-old|\s*,?\s*years of age", after) or re.search(r"\bage[ds]?\s*$", before):
        return True
    if root.dep_ in ("nummod", "appos", "npadvmod", "compound") and root.head.i < root.i \
            and root.head.pos_ in ("NOUN", "PROPN"):
        return True
    if t.lower() == "one" and root.dep_ != "nummod":
        return True
    if t.lower().split()[-1:] in (["one"], ["two"]) and root.dep_ == "nummod" \
            and root.head.lemma_.lower() in lexicon().get("idiom", {}):
        return True   # "at one point", "one thing is clear", "on more than one occasion"
    if t.lower() == "two" and root.dep_ == "pobj" and root.head.lower_ == "in":
        return True   # "split in two"
    if ent.label_ == "CARDINAL" and any(ch in t for ch in "#№"):
        return True
    return False


def _record(doc: Doc, ctx: Context, start: int, end: int, label: str) -> dict | None:
    """One amount record for the number phrase at ``[start, end)`` (an entity span)."""
    text = ctx.text
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = _number_root(span)
    if label == "CARDINAL" and _skip(span, root, text):
        return None
    lex = lexicon()
    qualifier = None
    # "a dozen", "a million" : the article is part of the number.
    if span[0].lower_ in ("dozen", "hundred", "thousand", "million", "billion") and span[0].i > 0 \
            and doc[span[0].i - 1].lower_ in ("a", "an"):
        start = doc[span[0].i - 1].idx
    q_start = start
    m = _qualifier_start_re().match(text[start:end])
    body_start = start
    if m:
        qualifier = lex["qualifier"][m.group(1).lower()]
        body_start = start + m.end()
    else:
        m2 = _qualifier_re().search(text[max(0, start - 20):start])
        if m2:
            qualifier = lex["qualifier"][m2.group(1).lower()]
            q_start = max(0, start - 20) + m2.start()
    body = text[body_start:end]
    words = [t.text for t in doc.char_span(body_start, end, alignment_mode="expand") or []]
    vague = _vague_re().search(body)
    value: float | None
    bounds = _range(body, text[max(0, body_start - 9):body_start])
    if bounds is not None:
        value = bounds[0]
    elif vague and parse_value([w for w in words if w.lower() not in lex["vague"]]) is None:
        value = float(lex["vague"][vague.group(1).lower()])
        qualifier = qualifier or "at least"
    else:
        value = parse_value(words)
    if value is None:
        return None
    low = body.lower()
    unit: str | None = None
    unit_tok: Token | None = None
    if label == "PERCENT" or any(p in low for p in _PERCENT_WORDS):
        unit = "percent"
    elif label == "MONEY":
        cur = lex["currency"]
        for w in [w.lower() for w in words] + [text[start - 1:start].lower()]:
            key = w if w in cur else w.rstrip("s")
            if key in cur:
                unit = cur[key]
                break
        if unit is None:
            unit = "money"
    else:
        unit_tok = _unit_noun(root)
        if unit_tok is not None:
            unit = unit_tok.text
        elif label == "QUANTITY":
            unit = span[-1].text
    kind = None
    if unit not in ("percent",) and label != "MONEY":
        kind = _casualty(unit_tok if unit_tok is not None else root)
    out_start, out_end = min(q_start, start), end
    if unit_tok is not None and unit_tok.idx >= end:
        gap = text[end:unit_tok.idx]
        if len(gap) < 30 and not re.search(r"[\"“”,;:()]", gap):
            out_end = unit_tok.idx + len(unit_tok.text)
    rec: dict = {
        "text": text[out_start:out_end], "start": out_start, "end": out_end,
        "sentence": ctx.sentence_of(out_start), "value": _tidy(value), "unit": unit,
        "qualifier": qualifier, "kind": kind,
    }
    if bounds is not None:
        rec["low"], rec["high"] = _tidy(bounds[0]), _tidy(bounds[1])
    return rec


def _tidy(value: float) -> float | int:
    """``value`` as an int when it is a whole number."""
    return int(value) if value == int(value) else value


def _number_spans(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the number entities, two entities joined into one
    when they are the ends of a range ("15" "to" "20 kilometres"; "between 40"
    "and" "50"); the joined span takes the label of its high end, which carries
    the unit."""
    spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]
    out: list[tuple[int, int, str]] = []
    for s, e, label in spans:
        if out:
            ps, pe, plabel = out[-1]
            gap = text[pe:s]
            between = (re.match(r"^\s+and\s+$", gap, re.I) is not None
                       and (_RANGE_OPEN.match(text[ps:pe]) is not None
                            or _RANGE_BEFORE.search(text[max(0, ps - 9):ps]) is not None))
            if _RANGE_GAP.match(gap) or between:
                out[-1] = (ps, e, label if label != "CARDINAL" else plabel)
                continue
        out.append((s, e, label))
    return out


@extractor(
    "amounts", requires=("sentences",),
    columns=("text", "start", "end", "sentence", "value", "unit", "qualifier"),
    types={"value": ""}, data=("amounts_lexicon.tsv",))
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Amounts of the article in text order (see the module doc)."""
    out: list[dict] = []
    covered: list[tuple[int, int]] = []
    for start, end, label in _number_spans(doc, ctx.text):
        covered.append((start, end))
        rec = _record(doc, ctx, start, end, label)
        if rec is not None:
            out.append(rec)
    # Vague plurals the tagger did not mark ("hundreds of protesters").
    for m in _vague_re().finditer(ctx.text):
        s, e = m.span()
        if any(a < e and s < b for a, b in covered):
            continue
        nxt = ctx.text[e:e + 4].lower()
        if not nxt.startswith(" of"):
            continue
        rec = _record(doc, ctx, s, e, "CARDINAL")
        if rec is not None:
            out.append(rec)
    out.sort(key=lambda r: r["start"])
    return out
