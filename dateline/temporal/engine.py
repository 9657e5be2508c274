"""Find temporal expressions in English news text and give them TIMEX3 values.

How it works:

1. Each rule is one precompiled regular expression over the whole text (see
   :data:`RULES`); all rules run, and overlapping candidates are settled by
   keeping the longest (then the earlier rule).
2. The survivors are normalised in document order by the rule's handler. Relative
   expressions are resolved against the publication date ("yesterday", "last
   week", "two days ago") or, for anaphoric ones ("the next day", "a year
   earlier"), against the last date the text mentioned. Where the direction is
   open ("on Thursday", "in March"), the tense of the governing verb, read off
   spaCy's tags, decides between the past and the coming one.

Spans follow TimeBank's conventions: determiners and modifiers ("the past three
years", "nearly two months", "early next year") are inside, prepositions
("on", "in", "for") outside.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateline.temporal import lexicon as lx
from dateline.temporal.points import (
    _RANK,
    SEASON_MONTH,
    Point,
    shift,
    valid_date,
    weekday_on_or_after,
    weekday_on_or_before,
)


@dataclass
class Timex:
    """One temporal expression: ``text[start:end]``, its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


# ---------------------------------------------------------------------------
# Regex building blocks
# ---------------------------------------------------------------------------

_W = lx.words()
MONTH = lx.alternation("month")
_MFULL = "(?:" + "|".join(sorted((w for w in _W["month"] if len(w) > 4 or w in ("may", "june", "july")), key=len, reverse=True)) + ")"
_MABBR = "(?:" + "|".join(sorted((w for w in _W["month"] if len(w) <= 4 and w not in ("may", "june", "july")), key=len, reverse=True)) + ")"
#: a month name, with the abbreviation's full stop when it has one ("Dec.", "December")
MONTHD = rf"(?:{_MFULL}|{_MABBR}\.?)"
WEEKDAY = lx.alternation("weekday")
NUMW = lx.alternation("number", ())
_NUMW_NO_A = "(?:" + "|".join(sorted((w for w in _W["number"] if w not in ("a", "an", "couple", "dozen")), key=len, reverse=True)) + ")"
ORDW = r"(?:(?:twenty|thirty)[- ])?" + lx.alternation("ordinal")
SEASON = lx.alternation("season")
POD = r"(?:morning|afternoon|evening|night)"
UNIT = (r"(?:second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade"
        r"|centur(?:y|ie)|millenni(?:um|a))")
UNITS = UNIT + r"s?"
NUMBER = (rf"(?:\d+(?:[.,]\d+)?(?:\s1/2)?|{_NUMW_NO_A}(?:[- ]{_NUMW_NO_A})*(?:\sand\sa\shalf)?)")
QTY1 = (rf"(?:{NUMBER}|an?(?:\s(?:couple\sof|few|dozen|half|hundred|thousand))?|a\scouple|several|some|many|few|a\snumber\sof"
        r"|dozens\sof|hundreds\sof|thousands\sof)")
QTY = rf"(?:{QTY1}(?:\s(?:to|or)\s{QTY1}|-{NUMBER})?)"
DMOD = (r"(?:more\sthan|less\sthan|fewer\sthan|no\smore\sthan|no\sless\sthan|at\sleast|at\smost|nearly|almost|about|around|roughly"
        r"|approximately|some|over(?!\sthe)|under|up\sto|another|an\sadditional|a\sfurther"
        r"|the\sbetter\spart\sof|the\sbest\spart\sof|well\sover|close\sto)")
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
WYEAR = (rf"(?:(?:nineteen|eighteen|twenty)[- ](?:hundred|{_TENS}(?:[- ]{_ONES})?|{_TEENS}|(?:oh|o)[- ]{_ONES})"
         rf"|two\sthousand(?:(?:\sand)?\s(?:{_TENS}(?:[- ]{_ONES})?|{_TEENS}|{_ONES}))?)")
YEAR = rf"(?:{YEAR4}|{WYEAR})"
DAYNUM = rf"(?:[0-3]?\d(?:st|nd|rd|th)?|{ORDW})"

I = re.IGNORECASE  # noqa: E741  (short: it flags most of the rules below)


def _wordnum(text: str) -> int | None:
    """Value of a written number ("twenty four", "two hundred", "1,000"); None if vague."""
    t = text.lower().replace(",", "").strip()
    if t.replace(".", "", 1).isdigit():
        return int(float(t))
    total, cur = 0, 0
    for w in re.split(r"[\s-]+", t):
        n = lx.number(w)
        if n is None:
            return None
        if n == 100:
            cur = max(cur, 1) * 100
        elif n == 1000:
            total += max(cur, 1) * 1000
            cur = 0
        else:
            cur += n
    return total + cur


def parse_qty(text: str) -> float | None:
    """Numeric value of a quantity phrase ("two", "2 1/2", "a couple of"); None if vague."""
    t = text.lower().strip()
    t = re.split(r"\s(?:to|or)\s|(?<=\d)-(?=\d)", t)[0].strip()
    if t in ("a", "an"):
        return 1
    if t in ("a couple", "a couple of"):
        return 2
    if t in ("a dozen",):
        return 12
    if t in ("a half",):
        return 0.5
    half = 0.0
    if t.endswith(" 1/2") or t.endswith(" and a half"):
        half = 0.5
        t = t.replace(" 1/2", "").replace(" and a half", "")
    n = _wordnum(t)
    if n is None:
        try:
            return float(t) + half
        except ValueError:
            return None
    return n + half


def parse_year(text: str) -> int | None:
    """Value of a year written in digits or words ("1996", "nineteen ninety-six")."""
    t = text.lower().strip()
    if t.isdigit():
        return int(t)
    m = re.match(r"(nineteen|eighteen|twenty)[- ](.+)$", t)
    if m and not t.startswith("two thousand"):
        hi = {"nineteen": 19, "eighteen": 18, "twenty": 20}[m.group(1)]
        rest = m.group(2)
        if rest == "hundred":
            return hi * 100
        rest = re.sub(r"^(?:oh|o)[- ]", "", rest)
        lo = _wordnum(rest)
        return hi * 100 + lo if lo is not None and lo < 100 else None
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace(" and ", " ").strip()
        return 2000 + (_wordnum(rest) or 0 if rest else 0)
    return None


_UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
              "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
              "decade": "E", "century": "C", "centurie": "C", "millennium": "L", "millennia": "L"}
#: The next smaller unit and how many of it make one unit ("T" marks clock units).
_SUB = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "TH": ("M", 60), "TM": ("S", 60)}


def unit_of(word: str) -> str:
    """Singular unit name of a unit word ("years" -> "year", "centuries" -> "century")."""
    w = word.lower()
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("s") and w not in ("s",):
        return w[:-1]
    return w


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value for ``n`` units ("P3D", "PT2H", "PXY" when ``n`` is None)."""
    u = unit_of(unit)
    if u == "millenni":
        u = "millennium"
    if u == "weekend":
        return "P1WE" if n == 1 else ("PXWE" if n is None else f"P{int(n)}WE")
    code = _UNIT_CODE.get(u, "X")
    if u == "fortnight":
        n = None if n is None else n * 2
    timey = u in ("second", "minute", "hour")
    p = "PT" if timey else "P"
    if n is None:
        return f"{p}X{code}"
    if n != int(n):
        # a fraction: whole units plus the rest in the next smaller unit
        # ("PT1M30S", "P1DT12H", "P2Y6M"); weeks, decades, centuries and quarters
        # are first rewritten in days, years, years and months
        scale = {"W": ("D", 7), "E": ("Y", 10), "C": ("Y", 100), "Q": ("M", 3)}.get(code)
        if scale is not None:
            code, n = scale[0], n * scale[1]
            if n == int(n):
                return f"P{int(n)}{code}"
        whole = int(n)
        sub = _SUB.get("T" + code if timey else code)
        if sub is None:
            return f"{p}{n:g}{code}"
        sub_code, k = sub
        frac = round((n - whole) * k)
        if timey:
            return f"PT{whole}{code}{frac}{sub_code}" if whole else f"PT{frac}{sub_code}"
        if code == "D":
            return f"P{whole}DT{frac}H" if whole else f"PT{frac}H"
        return f"P{whole}{code}{frac}{sub_code}" if whole else f"P{frac}{sub_code}"
    return f"{p}{int(n)}{code}"


# ---------------------------------------------------------------------------
# Tense
# ---------------------------------------------------------------------------

_FUTURE_MD = {"will", "'ll", "shall", "wo", "would", "'d", "could", "might", "may", "can", "should", "must"}
_HAVE = {"have", "has", "had", "'ve", "'s", "'d"}
#: Verbs of plans and expectations: "was expected to meet on Friday" may still lie ahead.
_PLAN_VERBS = frozenset({
    "expect", "schedule", "set", "plan", "due", "intend", "hope", "want", "aim", "agree", "decide",
    "promise", "pledge", "vow", "threaten", "prepare", "slate", "poise", "go", "be", "need",
    "announce", "say", "propose", "offer", "seek", "likely",
    "appear", "seem", "wish", "like", "mean", "arrange", "book"})


def _verb_tense(v) -> str | None:
    """'past', 'future', 'present' or None for the verb token ``v`` and its auxiliaries."""
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    has_md = [a for a in aux if a.tag_ == "MD"]
    if has_md:
        if any(a.lower_ in _HAVE for a in aux) and v.tag_ == "VBN":
            return "past"  # "would have met"
        return "future" if any(a.lower_ in _FUTURE_MD for a in has_md) else None
    if any(a.tag_ == "VBD" for a in aux) or v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in aux) and not any(
            a.lower_ in _HAVE for a in aux):
        return "present"  # a present passive: "the hearing is scheduled for Thursday"
    # an infinitive, active or passive: "to meet", "to be completed"
    infinitive = any(a.lower_ == "to" for a in aux) and (
        v.tag_ == "VB" or (v.tag_ == "VBN" and any(a.lower_ == "be" for a in aux)))
    if v.tag_ == "VBN" and not infinitive:
        return "past"  # perfect, or a reduced relative clause ("talks held on Friday")
    if infinitive:
        # "set to resume", "expected to meet": ahead, unless the plan itself lies in
        # the past ("had been scheduled to expire Friday")
        g = v.head
        for _ in range(3):
            if g.pos_ in ("VERB", "AUX") or g.head.i == g.i:
                break
            g = g.head
        if g.i != v.i and any(c.lower_ == "had" for c in g.children if c.dep_ in ("aux", "auxpass")):
            return "past"
        if g.i != v.i and g.lemma_.lower() not in _PLAN_VERBS and (
                g.tag_ == "VBD" or (g.tag_ == "VBN" and any(c.tag_ == "VBD" for c in g.children
                                                           if c.dep_ in ("aux", "auxpass")))):
            # an order, a purpose or an attempt told in the past ("parents were told to
            # collect it over the weekend", "tried to flee on Friday"): done in the past
            return "past"
        return "future"
    if v.tag_ == "VBG" and v.head.i != v.i and v.head.lower_ == "going":
        return "future"
    if v.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "present"
    return None


#: Verbs whose present tense announces a planned event ("the leaders meet on Friday").
_SCHEDULED = frozenset(_W.get("scheduled", {}))
#: Words of plans after "be": "the results are due on Monday".
_PLAN_ADJ = frozenset({"due", "set", "slated", "scheduled", "expected", "poised", "likely"})


class _Tense:
    """Tense of the clause around a character offset, from a spaCy Doc."""

    def __init__(self, doc) -> None:
        self.doc: Any = doc if doc is not None and len(doc) else None
        self.starts: Any = None  # token start offsets (numpy), read from the Doc on first use
        self.cache: dict[int, str | None] = {}

    def __call__(self, pos: int) -> str | None:
        if self.doc is None:
            return None
        i = self._index(pos)
        if i in self.cache:
            return self.cache[i]
        tok = self.doc[i]
        t, steps, res = tok, 0, None
        while steps < 10:
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
                res = _verb_tense(t)
                if res:
                    break
            h = t.head
            if h.i == t.i:
                break
            t, steps = h, steps + 1
        if res is None:
            for w in tok.sent:
                if w.tag_ == "MD" and w.lower_ in ("will", "'ll", "shall", "wo"):
                    res = "future"
                    break
                if w.tag_ == "VBD":
                    res = "past"
                    break
        self.cache[i] = res
        return res

    def _index(self, pos: int) -> int:
        """Index of the token covering character offset ``pos``."""
        if self.starts is None:
            from spacy.attrs import IDX

            self.starts = self.doc.to_array(IDX)  # one C call, not a Python loop over tokens
        return max(0, int(self.starts.searchsorted(pos, side="right")) - 1)

    def verb_lemma(self, pos: int) -> str | None:
        """Lemma of the nearest verb governing the token at ``pos``, if any."""
        if self.doc is None:
            return None
        t = self.doc[self._index(pos)]
        for _ in range(10):
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
                return t.lemma_
            if t.head.i == t.i:
                return None
            t = t.head
        return None


# ---------------------------------------------------------------------------
# Resolution state and handlers
# ---------------------------------------------------------------------------


@dataclass
class _State:
    """What a handler may use: the text, the publication date, tense, the last anchor."""

    text: str
    dct: dt.date
    tense: _Tense
    doc: Any  # the spaCy Doc, or None
    anchor: Point
    last_quarter: Point | None = None
    ents: list[tuple[int, int, str]] | None = None

    def scheduled(self, pos: int) -> bool:
        """Whether the clause around ``pos`` is governed by a verb that announces a
        planned event ("meet", "visit", "hold")."""
        return self.tense.verb_lemma(pos) in _SCHEDULED

    def present_ahead(self, pos: int) -> bool:
        """Whether a present tense around ``pos`` announces a planned event: a verb of
        the ``scheduled`` lexicon ("voting ends on Friday", "results are expected
        Tuesday") or "be" with a word of plans ("results are due on Monday"); other
        presents ("the decision follows a vote on Tuesday") keep the news reading."""
        if self.tense(pos) != "present":
            return False
        if self.scheduled(pos):
            return True
        if self.doc is None:
            return False
        t = self.doc[self.tense._index(pos)]
        for _ in range(3):  # the day's own clause, not a verb far up a run-on sentence
            t = t.head
            if t.lemma_ == "be" and t.dep_ not in ("aux", "auxpass"):
                return any(c.lower_ in _PLAN_ADJ for c in t.children if c.dep_ in ("acomp", "attr"))
        return False

    def dir_at(self, pos: int, default: str = "past") -> str:
        """'past' or 'future' reading for an expression at ``pos``."""
        t = self.tense(pos)
        if t == "past":
            return "past"
        if t in ("future", "present"):
            return "future"
        return default

    def modifies_noun(self, pos: int) -> bool:
        """Whether the word at ``pos`` is a noun modifying a noun after it ("night" in
        "the night sky"), by the parse; False without one."""
        if self.doc is None:
            return False
        t = self.doc[self.tense._index(pos)]
        return t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN")

    def ent_label(self, start: int, end: int) -> str | None:
        """Label of a spaCy entity overlapping [start, end), if any."""
        if self.ents is None:  # read from the Doc only when a handler asks
            doc = self.doc
            self.ents = sorted((e.start_char, e.end_char, e.label_) for e in doc.ents) if doc is not None else []
        i = bisect.bisect_right(self.ents, (start, 10**9, "")) - 1
        for j in (i, i + 1):
            if 0 <= j < len(self.ents):
                s, e, lab = self.ents[j]
                if s < end and start < e:
                    return lab
        return None


Result = tuple[str, str] | tuple[str, str, int, int] | None


def _month_num(word: str) -> int:
    return int(_W["month"][word.lower().rstrip(".")])


def _wd_num(word: str) -> int:
    w = word.lower()
    if w.endswith("s") and w not in _W["weekday"]:
        w = w[:-1]
    return int(_W["weekday"][w])


def _cap(s: str) -> bool:
    return bool(s) and s[0].isupper()


#: A verb that puts something off, then "until"/"to"/"for", just before a weekday: the
#: day lies ahead whatever the tense ("the race was rescheduled for Friday").
_DEFERRED_TO = re.compile(
    r"(?<![\w-])(?:postponed|delayed|deferred|put\soff|pushed\sback|moved\sback|rescheduled|adjourned|recessed|extended)"
    r"(?:\s[a-z]+){0,3}?\s(?:until|till|to|for)\s(?:next\s)?$", re.I)

#: "ahead of" just before a weekday: "ahead of Friday's summit" lies in the future.
_AHEAD_OF = re.compile(r"\bahead\s+of\s+(?:the\s+|this\s+)?$", re.I)


def _resolve_weekday(st: _State, wd: int, rel: str | None, pos: int, base: dt.date | None = None) -> dt.date:
    """The date of weekday ``wd`` (1=Monday) given a modifier ("last", "next") and tense."""
    base = base or st.dct
    rel = (rel or "").lower()
    if rel in ("last", "this past", "the previous", "the preceding", "previous"):
        return weekday_on_or_before(base, wd, strict=True)
    if rel in ("next", "this coming", "the following", "the next", "coming", "following"):
        return weekday_on_or_after(base, wd, strict=True)
    if rel == "that":
        return weekday_on_or_before(base, wd)
    if _DEFERRED_TO.search(st.text, max(0, pos - 60), pos):
        return weekday_on_or_after(base, wd, strict=True)  # "the vote was postponed until Tuesday"
    d = st.tense(pos)
    if rel == "this":
        # same ISO week as the publication date
        return base + dt.timedelta(days=wd - base.isoweekday())
    # in news a bare weekday is past, unless the verb looks ahead: a future, or the
    # present of a planned event ("the presidents meet in Tehran on Friday")
    if (d == "future" or st.present_ahead(pos)
            or _AHEAD_OF.search(st.text, max(0, pos - 24), pos)):
        return weekday_on_or_after(base, wd)
    return weekday_on_or_before(base, wd)


#: "in" just before a month: the time of the event itself.
_IN_BEFORE = re.compile(r"(?<![\w-])in\s$", re.I)


def _in_of_verb(st: _State, pos: int) -> bool:
    """Whether the expression at ``pos`` follows "in" that the parse attaches to a verb
    ("stopped in March"), not to a noun ("a cutback in its supply in September")."""
    if st.doc is None or not _IN_BEFORE.search(st.text, max(0, pos - 4), pos):
        return False
    prep = st.doc[st.tense._index(pos)].head
    return prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX")


#: "since" just before a month (with "early", "mid-", "late", "the end of" between).
_SINCE_BEFORE = re.compile(r"(?<![\w-])since\s(?:(?:early|late|mid|the\s(?:end|middle|beginning|start)\sof)[-\s])?$", re.I)


def _year_for_month(st: _State, month: int, day: int | None, pos: int) -> int:
    """Year of a month (and day) named without one.

    The occurrence closest to the publication date, unless the tense says the
    other way and that occurrence is more than two months on the wrong side
    ("will ... in March" in August is next March; "was ... in October" in
    August is last October; a present that looks ahead counts as a future: "the
    ban ends on Dec. 1" in February), or, for a past tense, lies after the
    publication date at all, as the time of the event ("in" a month not begun yet:
    "work stopped in mid-March" in February is last March; not "was extended to
    Nov. 16", a deadline set in the past).
    """
    dct = st.dct
    dd = min(day, 28) if day is not None else 15

    def dist(y: int) -> int:
        return ((valid_date(y, month, dd) or dct) - dct).days

    best = min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs(dist(y)))
    if _SINCE_BEFORE.search(st.text, max(0, pos - 24), pos):
        # "since January", "since mid-March", "since March 15": a start that lies behind
        # the publication date, whatever the tense of the clause ("his first speech
        # since January might open a way")
        return best if (valid_date(best, month, day or 1) or dct) <= dct else best - 1
    t = st.tense(pos)
    delta = dist(best)
    if (t == "future" or st.present_ahead(pos)) and delta < -62:
        best += 1
    elif t == "past" and (delta > 62 or (day is None and dt.date(best, month, 1) > dct
                                         and _in_of_verb(st, pos))):
        best -= 1
    return best


#: After a weekday: a word that makes it a title ("the Sunday Times"; ``weekday_name_head``).
_WEEKDAY_NAME_AFTER = re.compile(
    r"\s(?:" + "|".join(sorted((w.capitalize() for w in _W.get("weekday_name_head", {})), key=len, reverse=True))
    + r")\b")


def h_weekday(m: re.Match, st: _State) -> Result:
    wdw = m.group("wd")
    if not _cap(wdw):
        return None
    if _WEEKDAY_NAME_AFTER.match(st.text, m.end()):
        return None
    wd = _wd_num(wdw)
    plural = wdw.lower().endswith("s") and wdw.lower() not in _W["weekday"]
    pod = m.group("pod")
    if pod and m.group(0).lower().endswith(pod.lower() + "s"):
        plural = True
    if plural:
        v = f"XXXX-WXX-{wd}"
        return ("SET", v + (f"T{_W['partofday'][pod.lower()]}" if pod else ""))
    rel = (m.group("rel") or "").lower()
    # "the previous Friday", "the following Monday": counted from the date last talked about
    base = st.anchor.day if rel.startswith("the ") and st.anchor.gran == "day" else None
    d = _resolve_weekday(st, wd, rel, m.start(), base)
    # the day is the anchor of what follows, a part of it too ("on Thursday afternoon ...
    # in the evening", "Monday night ... the next day")
    st.anchor = Point("day", d)
    if pod:
        return ("TIME", f"{d.isoformat()}T{_W['partofday'][pod.lower()]}")
    return ("DATE", d.isoformat())


#: "Today" as a title: "the Today programme", "USA Today", "NBC's `` Today '' show".
_TODAY_NAME_BEFORE = re.compile(r"(?<![\w-])(?:the|USA)\s$")
_TODAY_NAME_AFTER = re.compile(r"\s?(?:''|\"|\u201d|')?\s?(?:programme|program|show)\b")


def _holiday_date(rule: str, year: int) -> dt.date | None:
    """The date of a holiday in ``year`` from its lexicon value (``12-25``, ``easter-2``, ``thanksgiving``)."""
    if rule.startswith("easter"):
        from dateutil.easter import easter

        return easter(year) + dt.timedelta(days=int(rule[len("easter"):]))
    if rule == "thanksgiving":  # the fourth Thursday of November
        return weekday_on_or_after(dt.date(year, 11, 1), 4) + dt.timedelta(weeks=3)
    if rule == "election":  # US Election Day: the Tuesday after the first Monday of November
        return weekday_on_or_after(dt.date(year, 11, 1), 1) + dt.timedelta(days=1)
    nth = re.fullmatch(r"(\d\d)-wd(\d)-(-?\d)", rule)
    if nth:  # "09-wd1-1": the first Monday of September; "05-wd1--1": the last Monday of May
        mo, wd, k = int(nth.group(1)), int(nth.group(2)), int(nth.group(3))
        if k > 0:
            return weekday_on_or_after(dt.date(year, mo, 1), wd) + dt.timedelta(weeks=k - 1)
        nxt = dt.date(year + mo // 12, mo % 12 + 1, 1)
        return weekday_on_or_before(nxt - dt.timedelta(days=1), wd)
    month, day = rule.split("-")
    return valid_date(year, int(month), int(day))


def h_holiday(m: re.Match, st: _State) -> Result:
    """A holiday: the one nearest the publication date, unless the tense points the
    other way ("will be home for Christmas" in February is next Christmas)."""
    rule = _W["holiday"][re.sub(r"\s+", " ", m.group("hol").lower()).replace("\u2019", "'")]
    yw = m.group("year")
    if yw:
        d = _holiday_date(rule, int(yw))
    else:
        dct = st.dct
        opts = [x for x in (_holiday_date(rule, y) for y in (dct.year - 1, dct.year, dct.year + 1)) if x]
        d = min(opts, key=lambda x: abs((x - dct).days))
        t = st.tense(m.start())
        if t == "future" and d < dct:
            d = _holiday_date(rule, d.year + 1)
        elif t == "past" and d > dct:
            d = _holiday_date(rule, d.year - 1)
    if d is None:
        return None
    st.anchor = Point("day", d)
    return ("DATE", d.isoformat())


def h_deictic_day(m: re.Match, st: _State) -> Result:
    w = m.group("d").lower()
    d0 = m.group("d")
    if d0 == "Today" and (_TODAY_NAME_BEFORE.search(st.text, max(0, m.start() - 5), m.start())
                          or _TODAY_NAME_AFTER.match(st.text, m.end())):
        return None
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    if m.group("dd"):
        dd = m.group("dd").lower()
        off = -2 if "before" in dd else 2
    d = st.dct + dt.timedelta(days=off)
    pod = m.group("pod")
    if w == "tonight":
        pod = "night"
    if pod:
        return ("TIME", f"{d.isoformat()}T{_W['partofday'][pod.lower()]}")
    return ("DATE", d.isoformat())


def _date_point(st: _State, m: re.Match, pos: int) -> tuple[str, Point] | None:
    """Resolve month/day/year groups of a calendar-date match to a Point."""
    mon = m.group("mon")
    if not _cap(mon):
        return None
    month = _month_num(mon)
    dayw = m.group("day") if "day" in m.re.groupindex else None
    day = lx.ordinal(dayw) if dayw else None
    if dayw and day is None:
        return None
    yw = m.group("year")
    year = parse_year(yw) if yw else None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is None:
        year = _year_for_month(st, month, day, pos)
    if day is not None:
        d = valid_date(year, month, day)
        if d is None:
            return None
        return "day", Point("day", d)
    return "month", Point("month", dt.date(year, month, 1))


#: "the quarter ended ", "three months ending " just before a date.
_QUARTER_ENDED = re.compile(r"(?:the|its|latest|three-month|three\smonths)\s(?:quarter|period)?\s?(?:ended|ending)\s$", re.I)


#: "the March on Washington", "a march to the sea": the noun, not the month.
_A_MARCH = re.compile(r"(?<![\w-])(?:the|a)\s$", re.I)
_MARCH_AFTER = re.compile(r"\s(?:on|to|from|through|against|for|of|across)\b")


def h_calendar(m: re.Match, st: _State) -> Result:
    r = _date_point(st, m, m.start())
    if r is None:
        return None
    gran, p = r
    mon = m.group("mon")
    if gran == "month" and not m.group("year"):
        if mon.isupper() and len(mon.rstrip(".")) <= 4 and mon.lower() not in ("may", "june", "july"):
            return None  # a bare "DEC", "MAR" in capitals is an acronym, not a month
        if mon.lower() == "march" and _A_MARCH.search(st.text, max(0, m.start() - 4), m.start()) \
                and _MARCH_AFTER.match(st.text, m.end()):
            return None  # "the March on Washington": a march, not the month
        # a bare "May"/"March" may be a verb or a name
        if mon.lower() in ("may", "march") and not m.group("pre"):
            lab = st.ent_label(m.start("mon"), m.end("mon"))
            if lab != "DATE":
                return None
        rel = (m.group("rel") or "").lower() if "rel" in m.re.groupindex else ""
        if rel:
            y = st.dct.year + (-1 if "last" in rel else 1 if "next" in rel else 0)
            p = Point("month", dt.date(y, p.day.month, 1))
    wd = m.group("wd") if "wd" in m.re.groupindex else None
    if wd and not _cap(wd):
        return None
    if gran == "day" and st.last_quarter is None and _QUARTER_ENDED.search(st.text, max(0, m.start() - 40), m.start()):
        # "the quarter ended Sept. 30", no quarter named before (a named one may be a
        # fiscal quarter, whose label wins): later phrases refer to that quarter
        st.last_quarter = Point("quarter", p.day)
    st.anchor = p
    return ("DATE", p.value)


def h_rel_month(m: re.Match, st: _State) -> Result:
    """"last May", "this September", "next March"."""
    mon = m.group("mon")
    if not _cap(mon):
        return None
    month = _month_num(mon)
    rel = m.group("rel").lower()
    dct = st.dct
    if rel in ("last", "this past", "the previous"):
        # "last February" said in March is February a year ago (the one just
        # ended would be "last month")
        y = dct.year if month < dct.month - (1 if rel == "last" else 0) else dct.year - 1
    elif rel in ("next", "this coming", "the following"):
        y = dct.year if month > dct.month else dct.year + 1
    else:
        y = dct.year
    p = Point("month", dt.date(y, month, 1))
    st.anchor = p
    return ("DATE", p.value)


def h_numeric(m: re.Match, st: _State) -> Result:
    g = m.groupdict()
    if g.get("iy"):
        y, mo = int(g["iy"]), int(g["im"])
        if g.get("id"):
            d = valid_date(y, mo, int(g["id"]))
            if d is None:
                return None
            st.anchor = Point("day", d)
            return ("DATE", d.isoformat())
        if not 1 <= mo <= 12:
            return None
        st.anchor = Point("month", dt.date(y, mo, 1))
        return ("DATE", f"{y:04d}-{mo:02d}")
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    if y < 100:
        y += 2000 if y <= (st.dct.year % 100) + 10 else 1900
    opts: list[dt.date | None] = []
    if a <= 12:
        opts.append(valid_date(y, a, b))  # month/day
    if b <= 12:
        opts.append(valid_date(y, b, a))  # day/month
    found = [o for o in opts if o]
    if not found:
        return None
    # ambiguous orders: the reading closer to the publication date wins
    d = min(found, key=lambda o: abs((o - st.dct).days))
    st.anchor = Point("day", d)
    return ("DATE", d.isoformat())


#: Just before a year-shaped number: a noun that the number identifies ("Resolution
#: 1973", "Flight 1549", "resolutions 1970 and 1973"; ``number_head`` rows of the lexicon).
_NUMBER_HEAD = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(_W.get("number_head", {}), key=len, reverse=True))
    + r")\.?\s(?:no\.?\s)?(?:\d+(?:,\s|\s(?:and|or)\s))*$", re.I)


def h_year(m: re.Match, st: _State) -> Result:
    ys = m.group("y")
    y = parse_year(ys)
    if y is None:
        return None
    pre = (m.group("pre") or "").lower()
    s, e = m.start("y"), m.end("y")
    text = st.text
    if ys.isdigit() and not pre:
        before = text[max(0, s - 2):s]
        after = text[e:e + 2]
        if re.search(r"[$£€#\d.,]$|[A-Za-z]-$", before) or re.match(r"[,.]\d|\d|%|-\d|\s?%", after):
            return None
        if _NUMBER_HEAD.search(text, max(0, s - 40), s):
            return None  # "Resolution 1973", "resolutions 1970 and 1973", "Flight 1549"
        if True:
            lab = st.ent_label(s, e)
            if lab in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "PRODUCT", "FAC", "ORG", "LAW"):
                return None
            # a bare number followed by a plural noun or unit is a count, not a year
            # (unless it closes a list of years: "the 2008 and 2012 elections")
            if re.match(r"\s+(?!(?:was|is|has|does|as|this|its|his|seems|remains|marks|means)\b)"
                        r"(?:[a-z]+s|people|men|women|feet|miles|tons|times)\b", text[e:e + 20]) and not re.search(
                    rf"(?<![\w$£€#.,-]){YEAR4}(?:,|\s(?:and|or|to))\s$", text[max(0, s - 12):s]):
                return None
            if lab is None and not (1800 <= y <= st.dct.year + 30):
                return None
    if "half" in pre:
        h = 1 if "first" in pre else 2
        p = Point("half", dt.date(y, 1 if h == 1 else 7, 1))
    else:
        p = Point("year", dt.date(y, 1, 1))
    st.anchor = p
    return ("DATE", p.value)


def h_decade(m: re.Match, st: _State) -> Result:
    g = m.groupdict()
    if g.get("dec4"):
        v = g["dec4"][:3]
    elif g.get("dec2"):
        d = int(g["dec2"])
        century = st.dct.year // 100 - (1 if d * 10 > st.dct.year % 100 else 0)
        v = f"{century}{d}"
    else:
        wd = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
              "eighties": 8, "nineties": 9}[g["decw"].lower()]
        century = st.dct.year // 100 - (1 if wd * 10 > st.dct.year % 100 else 0)
        v = f"{century}{wd}"
    return ("DATE", v)


def h_century(m: re.Match, st: _State) -> Result:
    n = lx.ordinal(m.group("n").replace(" ", "-"))
    if not n or n > 30:
        return None
    return ("DATE", f"{n - 1:02d}")


#: " of " and something other than a year ("the fall of Tripoli").
_OF_NOT_YEAR = re.compile(rf"\s+of\s+(?!(?:{YEAR}|(?:last|this|next)\syear)\b)", re.I)
#: Prepositions that put a bare "the summer" in time ("in the summer", "until the autumn").
_SEASON_PREP = re.compile(
    r"(?<![\w-])(?:in|during|over|through|throughout|until|till|by|since|before|after|into|for|from|come|this|of|and)\s$", re.I)


def h_season(m: re.Match, st: _State) -> Result:
    code = _W["season"][m.group("sea").lower()]
    rel = (m.group("rel") or "").lower()
    yw = m.group("year")
    if not yw and _OF_NOT_YEAR.match(st.text, m.end()):
        return None  # "the fall of the regime", "the spring of hope": not the season
    if rel == "the" and not _SEASON_PREP.search(st.text, max(0, m.start() - 12), m.start()):
        return None  # "the spring that feeds the well": a bare "the spring" only after "in", "during"...
    dct = st.dct
    start = SEASON_MONTH[code]
    if yw:
        y = parse_year(yw)
    elif rel in ("last", "this past", "past", "the last", "the past"):
        # the most recent such season that has already begun before this one
        y = dct.year if start + 3 <= dct.month else dct.year - 1
        if code == "WI":
            y = dct.year - 1
    elif rel in ("next", "this coming", "coming", "the next", "the coming"):
        y = dct.year if start > dct.month else dct.year + 1
    else:
        y = dct.year
        if code == "WI" and dct.month <= 2 and st.dir_at(m.start(), "past") == "past":
            y = dct.year - 1
        elif code != "WI" and rel in ("the", "") and start > dct.month + 1 and st.tense(m.start()) == "past":
            y = dct.year - 1  # "the embargo was lifted in the summer", said in April: last summer
        elif code != "WI" and rel in ("the", "") and start + 3 <= dct.month and st.tense(m.start()) in ("future", "present"):
            y = dct.year + 1  # "a decision is expected in the spring", said in October: next spring
    if y is None:
        return None
    p = Point("season", dt.date(y, start, 1), code)
    return ("DATE", p.value)


_REL_OFF = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "the past": -1,
            "the last": -1, "previous": -1, "the previous": -1, "this past": -1, "next": 1,
            "the next": 1, "coming": 1, "the coming": 1, "this coming": 1, "the following": 1,
            "following": 1, "the preceding": -1}


_SENT_END = re.compile(r"(?:^|[.!?:]['\"\u201d]?\s+|\n\s*)$")


def _is_title(text: str, start: int, unit: str) -> bool:
    """Whether a capitalised unit word ("This Week") mid-sentence is a name (a TV show, a column)."""
    return unit[:1].isupper() and not unit.isupper() and not _SENT_END.search(text, max(0, start - 4), start)


def h_rel_unit(m: re.Match, st: _State) -> Result:
    """"this/last/next week|month|quarter|year|weekend|decade" (with early/late/the end of)."""
    if _is_title(st.text, m.start(), m.group("u")):
        return None
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = unit_of(m.group("u"))
    off = _REL_OFF[rel]
    anchored = rel in ("the following", "following", "the preceding", "the previous") and unit != "weekend"
    base = st.anchor.day if anchored else st.dct
    if unit in ("spring", "summer", "fall", "autumn", "winter"):
        return None
    if unit == "weekend":
        if off == 0:
            d = weekday_on_or_after(base, 6) if base.isoweekday() < 6 else base
        elif off < 0:
            d = weekday_on_or_before(base, 6, strict=True)
        else:
            d = weekday_on_or_after(base, 6, strict=True)
        return ("DATE", Point("weekend", d).value)
    gran = unit if unit in ("week", "month", "quarter", "year", "decade", "century", "day") else None
    if gran is None:
        return None
    d = shift(base, off, gran)
    p = Point(gran, d)
    half = re.match(r"the\s(first|second)\shalf\sof\s", m.group(0), re.I)
    if half and gran == "year":  # "the second half of last year"
        return ("DATE", f"{d.year:04d}-H{1 if half.group(1).lower() == 'first' else 2}")
    if gran == "quarter":
        st.last_quarter = p
    if anchored or gran in ("month", "quarter", "year"):
        st.anchor = p
    return ("DATE", p.value)


def h_year_end(m: re.Match, st: _State) -> Result:
    return ("DATE", f"{st.dct.year:04d}")


#: "than" after "N units later/earlier": a comparison ("a week later than usual").
_THAN_AFTER = re.compile(r"\s+than\b", re.I)


def h_ago(m: re.Match, st: _State) -> Result:
    """"two days ago", "a year earlier", "three weeks later", "a month from now"."""
    n = parse_qty(m.group("q"))
    if m.group("half") and n is not None:
        n += 0.5  # "a year and a half ago"
    unit = unit_of(m.group("u"))
    if unit in ("second", "minute", "hour"):
        # "a minute and a half later": TimeBank marks the duration alone
        return ("DURATION", duration_value(n, unit), m.start(), m.end("half") if m.group("half") else m.end("u"))
    dirw = m.group("dir").lower()
    if dirw in ("earlier", "later") and _THAN_AFTER.match(st.text, m.end()):
        # a comparison, not a point: "finished three years later than planned" (the span alone)
        k, u2 = (n * 10, "year") if n is not None and unit == "decade" else (n, unit)
        return ("DURATION", duration_value(k, u2), m.start(), m.start("dir") - 1)
    sign = -1 if dirw in ("ago", "earlier", "before", "previously") else 1
    anchored = dirw in ("earlier", "later", "before", "after")
    base = st.anchor if anchored else Point("day", st.dct)
    gran = {"night": "day", "day": "day", "week": "day", "fortnight": "day", "month": "month",
            "quarter": "quarter", "year": "year", "decade": "year", "century": "year",
            "weekend": "week"}.get(unit, "day")
    if unit == "year" and n == 1 and sign < 0 and st.last_quarter is not None:
        # earnings reports: "profit rose to $5 million from $4 million a year ago"
        # compares with the same quarter of the year before
        base, gran = st.last_quarter, "quarter"
    elif anchored:
        gran = base.finer(gran) if base.gran not in ("weekend", "season") else gran
    elif unit in ("year", "quarter") and st.anchor.gran == "quarter":
        base, gran = st.anchor, "quarter"
    if n is None and dirw == "later":
        return ("DURATION", duration_value(None, unit), m.start(), m.start("dir") - 1)
    if n is None:
        if unit in ("year", "decade"):
            y = st.dct.year
            return ("DATE", f"{str(y)[:3]}X" if unit == "year" else f"{str(y)[:2]}X")
        return ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    mult = {"fortnight": 14, "week": 7, "night": 1}.get(unit, 1)
    su = {"fortnight": "day", "week": "day", "night": "day", "weekend": "week"}.get(unit, unit)
    if n != int(n):
        if su in ("year",):
            n, su = n * 12, "month"
            gran = "month" if gran == "year" else gran
        else:
            n = round(n)
    d = shift(base.day, sign * int(n) * mult, su)
    return ("DATE", Point(gran, d).value)


#: After "quarter(s)": " of" followed by something other than a year (a fraction).
_FRACTION_OF = re.compile(r"\s+of\s+(?!(?:fiscal\s)?(?:1[5-9]\d\d|20\d\d)|(?:the|this|last|next)\s(?:fiscal\s|calendar\s)?year)", re.I)


#: A counted noun just before "a day", "a week": the unit is a rate ("5,000 barrels
#: of oil a day", "four hours a day", "one tablet a day", "two gallons (of oil) a week").
_RATE_BEFORE = re.compile(
    rf"(?<![\w-])(?:\d[\d,.]*|{_NUMW_NO_A}|dozens|hundreds|thousands|millions)(?:\s(?:to|or|and)\s\S+)?"
    r"(?:\s(?!(?:a|an|the|was|were|is|are|be|been|had|has|have|will|would|could|can|may|might|should|must|to"
    r"|came|died|ago|later|earlier)\b)[a-z]+|\s?\([^()]{0,30}\)){1,4}\s$", I)
#: After the unit: words that make it a span of time, not a rate ("a day after", "a week or two").
_NOT_RATE_AFTER = re.compile(r"\s+(?:after|before|later|earlier|ago|or|into|in|of|to|from|since)\b", I)


#: Up to four words after an "N-year-old" compound (or the punctuation that ends it).
_AFTER_OLD = re.compile(r"(?P<punct>\s*[,;:.!?)\"'\u2019\u201d]|\s*$)|(?P<words>(?:\s+[A-Za-z][\w'\u2019-]*){1,4})")
#: Words after an age used as a noun ("the 62-year-old said", "the 45-year-old, who ...").
_AGE_NOUN_NEXT = frozenset(("who", "whose", "was", "is", "has", "had", "said", "says", "told", "and", "or", "of", "from",
                            "in", "at", "on", "with", "died", "will", "would", "could", "faces", "remains", "became"))


def _person_age(text: str, pos: int) -> bool:
    """Whether the "N-year-old" ending at ``pos`` is a person's age: used as a noun, or
    before a name, a nationality or a person noun (``age_person`` rows of the lexicon)
    within four words ("a 29-year-old construction worker", "a 52-year-old retired
    ambulance training manager"). A thing's age stays a
    duration ("the IRA's 8-month-old truce", TimeBank)."""
    am = _AFTER_OLD.match(text, pos)
    if am is None:
        return False
    if am.group("punct") is not None:
        return True
    ws = am.group("words").split()
    if ws[0][0].isupper() or ws[0].lower() in _AGE_NOUN_NEXT:
        return True
    persons = _W.get("age_person", {})
    for w in ws:
        if not w.islower():
            break
        w = w.rstrip("'\u2019")
        if w in persons or (w.endswith("s") and w[:-1] in persons) or (w.endswith("men") and w[:-3] + "man" in persons):
            return True
    return False


#: A modal just before "one day" ("will one day return"): some day ahead.
_MODAL_BEFORE = re.compile(r"(?<![\w-])(?:will|would|could|can|may|might|should|must|'ll)\s$", re.I)


def h_duration(m: re.Match, st: _State) -> Result:
    qs = m.group("q")
    unit = m.group("u")
    ql = qs.lower()
    ul = unit.lower()
    text = st.text
    e = m.end()
    if ul.startswith("second") and ql in ("a", "an", "one"):
        return None  # "a second time"
    if ul.startswith("quarter") and ql in ("a", "an", "one") and not m.group("mod"):
        return None  # "a quarter of the vote"
    if ul.startswith("quarter") and parse_qty(qs) is not None and _FRACTION_OF.match(text, e):
        return None  # "about three-quarters of its food", "more than a quarter of the market"
    if re.match(r"\s+old\b", text[e:e + 6]):
        return None  # ages ("52 years old")
    old_end = e if m.group(0).lower().endswith("-old") else e + 4 if text[e:e + 4].lower() == "-old" else None
    if old_end is not None and _person_age(text, old_end):
        return None  # a person's age ("a 45-year-old driver", "the 62-year-old said"), not a thing's
    if ql in ("some", "many", "few", "several") and ul in ("second", "minute"):
        return None
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", ql):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    n = parse_qty(qs)
    if m.group("half") and n is not None:
        n += 0.5  # "a minute and a half", "two years and a half"
    if ql == "one" and ul in ("day", "night", "morning", "evening") and not m.group("mod") and (
            _MODAL_BEFORE.search(text, max(0, m.start() - 12), m.start())
            or (re.match(r"\s?,", text[e:e + 2]) and _SENT_END.search(text, max(0, m.start() - 4), m.start()))):
        # "will one day return", "One night, after we had filmed": some day, not a day long
        return ("DATE", "FUTURE_REF" if st.dir_at(m.start()) == "future" else "PAST_REF")
    if ql in ("a", "an", "one", "per") and not m.group("mod") and not m.group("half"):
        before = text[max(0, m.start() - 30):m.start()]
        if re.search(r"(?:times|once|twice|thrice)\s*$", before, I):
            return ("SET", duration_value(1, unit))  # a frequency: "twice a week"
        if re.search(r"(?:\d|million|billion|percent|%|cents?|dollars?)\s*$", before, I) or (
                ql != "one" and _RATE_BEFORE.search(text, max(0, m.start() - 60), m.start())
                and not _NOT_RATE_AFTER.match(text, e)):
            # the unit of a rate after an amount or a counted noun ("$2 million a year",
            # "5,000 barrels of oil a day", "700 seats a week"): TimeBank leaves 7 of 9
            # such rates untagged, so no time expression
            return None
    # counted decades and quarters keep their unit ("three decades" P3E, "the past two
    # quarters" P2Q, as TimeBank's "about a decade" and "the past two quarters");
    # duration_value rewrites fractions ("a decade and a half") in years or months
    v = duration_value(n, unit)
    mod = (m.group("mod") or "").lower()
    if not ul.endswith("s") and mod in ("the ", "a ", "an ") and (n is None or n != 1):
        return ("DURATION", v, m.start("q"), m.end())  # adjectival "the 23-year (occupation)"
    return ("DURATION", v)


def h_long_adj(m: re.Match, st: _State) -> Result:
    """"weeklong", "daylong", "year-long": one unit of time."""
    return ("DURATION", duration_value(1, m.group("u").lower()))


def h_units_apart(m: re.Match, st: _State) -> Result:
    """A bare plural unit before after/later/before/earlier ("minutes after the blast"):
    an unspecified number of them, the unit alone."""
    if re.search(r"(?:\d|\b(?:the|of|few|several|many|some|all|those|these|more|first|last|final|early|initial|opening|closing|past|next|coming|\w+teen|\w+ty|one|two|three|four|five|six"
                 r"|seven|eight|nine|ten|eleven|twelve|dozen|couple))\s$", st.text[max(0, m.start() - 12):m.start()], re.I):
        return None  # counted or determined ("two days later", "the days before"): other rules
    return ("DURATION", duration_value(None, unit_of(m.group("u"))))


def h_recent_units(m: re.Match, st: _State) -> Result:
    u = unit_of(m.group("u"))
    return ("DURATION", duration_value(None, u))


def h_bare_units(m: re.Match, st: _State) -> Result:
    """Bare plural units after a preposition or a verb of spending time: "for years", "within
    weeks", "could take months", "spent years" (the word before left out)."""
    u = unit_of(m.group("u"))
    return ("DURATION", duration_value(None, u), m.start("u"), m.end("u"))


def h_set_every(m: re.Match, st: _State) -> Result:
    x = m.group("x")
    xl = x.lower()
    q = m.group("q")
    n = parse_qty(q) if q else 1
    if m.group("other"):
        n = 2
    if xl.rstrip("s") in _W["weekday"] or xl in _W["weekday"]:
        if not _cap(x):
            return None
        return ("SET", f"XXXX-WXX-{_wd_num(x)}")
    if xl.rstrip(".") in _W["month"]:
        return ("SET", f"XXXX-{_month_num(x):02d}")
    if xl in ("morning", "afternoon", "evening", "night"):
        return ("SET", f"XXXX-XX-XXT{_W['partofday'][xl]}")
    if xl in _W["season"]:
        return ("SET", f"XXXX-{_W['season'][xl]}")  # "every summer"
    return ("SET", duration_value(n, x))


def h_set_adverb(m: re.Match, st: _State) -> Result:
    return ("SET", _W["set"][m.group("a").lower()])


def h_times_per(m: re.Match, st: _State) -> Result:
    return ("SET", duration_value(1, m.group("u")))


def _clock_date(st: _State, m: re.Match, pos: int) -> dt.date:
    dp = m.group("dpart")
    if not dp:
        return st.anchor.day if st.anchor.gran == "day" else st.dct
    dl = dp.lower()
    if dl in ("today", "tonight"):
        return st.dct
    if dl == "yesterday":
        return st.dct - dt.timedelta(days=1)
    if dl == "tomorrow":
        return st.dct + dt.timedelta(days=1)
    if dl in _W["weekday"]:
        return _resolve_weekday(st, _wd_num(dl), None, pos)
    # "March 3", "3 March" (day first, as British copy writes it), either with its year
    mm = re.match(rf"(?:({MONTH})\.?\s(\d{{1,2}})|(\d{{1,2}})\s({MONTH})\.?)(?:,?\s(\d{{4}}))?$", dp, I)
    if mm:
        month = _month_num(mm.group(1) or mm.group(4))
        day = int(mm.group(2) or mm.group(3))
        y = int(mm.group(5)) if mm.group(5) else _year_for_month(st, month, day, pos)
        return valid_date(y, month, day) or st.dct
    return st.dct


def h_clock(m: re.Match, st: _State) -> Result:
    g = m.groupdict()
    if g.get("nm"):
        hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["nm"].lower()]
    else:
        h = int(g["h"])
        mi = int(g["mi"] or 0)
        ap = (g.get("ap") or "").lower()
        if ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
        if h > 24 or mi > 59:
            return None
        hm = f"{h:02d}:{mi:02d}"
    d = _clock_date(st, m, m.start())
    if g.get("d0"):
        d0 = g["d0"].lower()
        if d0 in _W["weekday"]:
            d = _resolve_weekday(st, _wd_num(d0), None, m.start())
        else:
            d = st.dct + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[d0])
    if g.get("dpart") or g.get("d0"):
        # a clock with its day names the day that the next bare clock falls on
        # ("3:14 p.m. Monday ET, 9:14 p.m. in Libya")
        st.anchor = Point("day", d)
    return ("TIME", f"{d.isoformat()}T{hm}")


def h_clock_zone(m: re.Match, st: _State) -> Result:
    """A four-digit clock with its zone ("1942 GMT"), read as hours and minutes, not a year."""
    return h_clock(m, st)


def _quarter_point(st: _State, q: int, year: int | None, mods: str, pos: int) -> Point:
    dct = st.dct
    if year is None:
        year = dct.year
        if re.search(r"year-ago|year-earlier|year-before|last year", mods):
            year -= 1
        elif "next year" in mods:
            year += 1
        else:
            dq = (dct.month - 1) // 3 + 1
            if q > dq + 1 and st.tense(pos) != "future":
                year -= 1
    return Point("quarter", dt.date(year, 3 * (q - 1) + 1, 1))


def h_quarter(m: re.Match, st: _State) -> Result:
    q = lx.ordinal(m.group("ord"))
    if not q or q > 4:
        return None
    mods = (m.group("mods") or "").lower()
    yw = m.group("y2")
    year = parse_year(yw) if yw else None
    ym = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", mods)
    if year is None and ym:
        year = int(ym.group(1))
    if year is None and m.group("yrel"):
        year = st.dct.year + {"this": 0, "last": -1, "next": 1}[m.group("yrel").lower().split()[0]]
    p = _quarter_point(st, q, year, mods, m.start())
    st.last_quarter = p
    st.anchor = p
    if m.group("plural") and year is None:
        return ("SET", f"XXXX-Q{q}")  # "in the second and fourth quarters" of every year
    # plural with its year: the last of coordinated quarters ("the second and third quarters of 2010")
    return ("DATE", p.value)


def h_qnum(m: re.Match, st: _State) -> Result:
    q = int(m.group("q") or m.group("q2"))
    if not 1 <= q <= 4:
        return None
    yw = m.group("y")
    year = int(yw) if yw else None
    if year is not None and year < 100:
        year += 2000
    p = _quarter_point(st, q, year, "", m.start())
    st.last_quarter = st.anchor = p
    return ("DATE", p.value)


def _qindex(d: dt.date) -> int:
    """A running number of the calendar quarter of ``d``."""
    return d.year * 4 + (d.month - 1) // 3


def h_the_quarter(m: re.Match, st: _State) -> Result:
    """"the quarter", "the latest quarter", "the year-ago quarter", "the latest period"."""
    mods = (m.group("mods") or "").lower()
    ym = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", mods)
    if ym:
        q = (st.last_quarter or Point("quarter", shift(st.dct, -1, "quarter"))).day.month
        if "period" in m.group(0).lower() and st.last_quarter is None:
            return ("DATE", ym.group(1))
        return ("DATE", Point("quarter", dt.date(int(ym.group(1)), q, 1)).value)
    base = st.last_quarter
    whole = m.group(0).lower()
    if base is None and "period" in whole and re.search(r"(?:a\syear\sago|a\syear\searlier|last\syear)$", whole):
        return ("DATE", f"{st.dct.year - 1:04d}")  # "the same period of last year", no quarter named: the year
    if base is None:
        prev = shift(st.dct, -1, "quarter") if "current" not in mods and "this" not in m.group(0).lower() else st.dct
        base = Point("quarter", prev)
    if "current" in mods or m.group(0).lower().startswith("this"):
        base = Point("quarter", st.dct)
    elif re.search(r"latest|recent|just", mods) and _qindex(base.day) >= _qindex(st.dct):
        # the latest quarter has ended: not one still ahead that the text mentioned
        base = Point("quarter", shift(st.dct, -1, "quarter"))
    if re.search(r"year-ago|year-earlier|year-before|a year ago|a year earlier|last year", mods + m.group(0).lower()):
        p = Point("quarter", shift(base.day, -1, "year"))
    else:
        p = base
        st.last_quarter = p
    return ("DATE", p.value)


def h_year_ago_adj(m: re.Match, st: _State) -> Result:
    """"year-ago", "year-earlier" used as adjectives; span excludes "the" unless a noun follows."""
    what = m.group("what")
    if st.anchor.gran == "quarter" or (what and "quarter" in what.lower()) or (what and "period" in what.lower() and st.last_quarter):
        base = st.anchor if st.anchor.gran == "quarter" else (st.last_quarter or Point("quarter", st.dct))
        v = Point("quarter", shift(base.day, -1, "year")).value
    else:
        v = f"{st.dct.year - 1:04d}"
    if not what:
        return ("DATE", v, m.start("adj"), m.end("adj"))
    return ("DATE", v)


def h_half(m: re.Match, st: _State) -> Result:
    h = 1 if m.group("h").lower() in ("first", "1st") else 2
    yw = m.group("y")
    y = parse_year(yw) if yw else st.dct.year + {"last": -1, "next": 1}.get((m.group("yrel") or "").lower(), 0)
    if y is None:
        return None
    return ("DATE", f"{y:04d}-H{h}")


def h_part_of_year(m: re.Match, st: _State) -> Result:
    """"the first two quarters of 1990" (1990-H1), "the last three months of the year" (Q4).

    Only spans that are a calendar half or quarter get a date; others fall back
    to the duration inside ("the first nine months").
    """
    months = int(lx.number(m.group("q")) or m.group("q")) * (3 if m.group("u").lower() == "quarters" else 1)
    first = m.group("edge").lower() == "first"
    yw = m.group("y")
    if yw:
        y = parse_year(yw)
    else:
        y = st.dct.year + {"this": 0, "the": 0, "last": -1, "next": 1}[m.group("yrel").lower().split()[0]]
    if y is None:
        return None
    s, e = m.start("core"), m.end("core")  # "at least" stays outside
    if months == 6:
        return ("DATE", f"{y:04d}-H{1 if first else 2}", s, e)
    if months == 3:
        return ("DATE", f"{y:04d}-Q{1 if first else 4}", s, e)
    return None


def h_the_year(m: re.Match, st: _State) -> Result:
    after = st.text[m.end():m.end() + 10].lower()
    if re.match(r"\s+(?:ended|ending|to)\b", after):
        return ("DURATION", "P1Y")
    return ("DATE", f"{st.dct.year:04d}")


def h_the_week(m: re.Match, st: _State) -> Result:
    """"the weekend" (the last one, or the next when the verb looks ahead), "this week"."""
    if _is_title(st.text, m.start(), m.group("u")):
        return None
    u = m.group("u").lower()
    if u == "week":
        return ("DATE", Point("week", st.dct).value)
    wd = st.dct.isoweekday()
    if wd >= 6:
        d = st.dct
    elif st.tense(m.start()) == "future" or m.group(0).lower().startswith("this"):
        d = weekday_on_or_after(st.dct, 6)
    else:
        d = weekday_on_or_before(st.dct, 6)
    return ("DATE", Point("weekend", d).value)


def h_within_year(m: re.Match, st: _State) -> Result:
    """"earlier in the year", "later in the month"."""
    u = m.group("u").lower()
    if u == "day":  # "later in the day": the day last talked about
        return ("DATE", (st.anchor.day if st.anchor.gran == "day" else st.dct).isoformat())
    p = Point(u, st.dct)
    return ("DATE", p.value)


def h_vague(kind: str) -> Callable[[re.Match, _State], Result]:
    def h_vague(m: re.Match, st: _State) -> Result:
        return ("DATE", kind)
    return h_vague


#: A capitalised word and a space: "Current" after it is part of a name ("the Loop Current").
_CAP_WORD_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w'.-]*\s$")


def h_current(m: re.Match, st: _State) -> Result:
    """"current" (PRESENT_REF), unless "Current" continues a name ("the Loop Current")."""
    if m.group(0) == "Current" and _CAP_WORD_BEFORE.search(st.text, max(0, m.start() - 30), m.start()):
        return None
    return ("DATE", "PRESENT_REF")


def h_coming_units(m: re.Match, st: _State) -> Result:
    """"the coming weeks", "the days ahead": a stretch of the unit's length ahead, as TimeBank's
    gold writes them ("coming weeks", "the weeks ahead": PXW); the first unit of "days and weeks"."""
    u = m.group("u0") or m.group("u") or m.group("u2")
    return ("DURATION", duration_value(None, unit_of(u)))


def h_at_the_time(m: re.Match, st: _State) -> Result:
    """"(at) the time": a past moment the text talks about."""
    return ("DATE", "PAST_REF")


def h_sent_initial_past(m: re.Match, st: _State) -> Result:
    return ("DATE", "PAST_REF")


# ---------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------

#: Prepositions that make "the morning rush hour" a time ("during the morning rush hour").
_POD_PREP = re.compile(r"(?<![\w-])(?:during|in|before|after|until|till|by|through|throughout|since)\s$", re.I)


def h_pod_wrap(m: re.Match, st: _State) -> Result:
    """Parts of day: "this morning", "last night", "the evening", "overnight"."""
    if m.group("pod2"):
        d = st.dct - dt.timedelta(days=1)
        return ("TIME", f"{d.isoformat()}TNI")
    rel = (m.group("rel") or "").lower()
    pod = m.group("pod").lower()
    code = _W["partofday"][pod]
    if m.group("dd"):  # "mid-afternoon yesterday"
        d = st.dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("dd").lower()])
    elif rel == "last":
        if pod not in ("night", "evening"):
            return None
        d = st.dct - dt.timedelta(days=1)
    elif rel == "this":
        d = st.dct
    else:
        if rel == "the" and st.modifies_noun(m.start("pod")) and not _POD_PREP.search(
                st.text, max(0, m.start() - 12), m.start()):
            return None  # "the morning fires", "the night sky": a kind of thing, not a time
        d = st.anchor.day if st.anchor.gran == "day" else st.dct
    return ("TIME", f"{d.isoformat()}T{code}")


def h_anaphoric_wrap(m: re.Match, st: _State) -> Result:
    """Dates relative to the last date in the text: "the next day", "the week before"."""
    w = re.sub(r"\s+", " ", m.group(0).lower())
    u = (m.group("u") or m.group("u2")).lower()
    base = st.anchor.day
    if base is None:
        base = st.dct
    if any(k in w for k in ("next", "following", "after", "later")):
        off = 1
    elif any(k in w for k in ("previous", "before", "earlier", "preceding", "prior")):
        off = -1
    else:
        off = 0
    if u in ("morning", "night"):
        d = shift(base, off, "day")
        return ("TIME", f"{d.isoformat()}T{_W['partofday'][u]}")
    gran = u
    if off == 0 and _RANK[st.anchor.gran] > _RANK[gran]:
        return None  # "that week" after "in 1988": no week to point at
    d = shift(base, off, gran)
    p = Point(gran, d)
    if gran == "day":
        st.anchor = p
    return ("DATE", p.value)


_PRE_DAY = r"(?:(?P<pre>early|late|earlier|later)\s)"
_REL_WD = r"(?:(?P<rel>last|next|this\spast|this\scoming|this|the\sprevious|the\sfollowing|the\snext|the\spreceding|that)\s)"
_DPART = (rf"(?:{WEEKDAY}|today|yesterday|tomorrow|tonight"
          rf"|(?:{MONTH}\.?\s\d{{1,2}}|\d{{1,2}}\s{MONTHD})(?:,?\s(?:19|20)\d\d(?!\d))?)")
_REL_UNIT = (r"(?P<rel>this\spast|this\scoming|this|last|next|past|coming|previous|current|the\scurrent"
             r"|the\spast|the\slast|the\snext|the\scoming|the\sprevious|the\sfollowing|the\spreceding)")
_EDGE = (r"(?:(?:earlier|later|early|late|mid|so\sfar|the\send\sof|the\sbeginning\sof|the\sstart\sof"
         r"|the\smiddle\sof|the\srest\sof|the\sremainder\sof|the\sbalance\sof|the\sfirst\shalf\sof"
         r"|the\ssecond\shalf\sof|the\sfirst\spart\sof)[-\s](?:in\s)?)")

#: Holiday names of the lexicon, capitalised word by word ("New Year's Eve").
_HOLIDAY = "(?:" + "|".join(
    " ".join(w[:1].upper() + w[1:] for w in h.split()).replace("'", "['\u2019]").replace(" ", r"\s")
    for h in sorted(_W.get("holiday", {}), key=len, reverse=True)) + ")"

RULES: list[tuple[str, int, Callable[[re.Match, _State], Result]]] = [
    # calendar dates: "Dec. 19, 2011", "Friday, Oct. 13", "December 19th", "the 19th of December 2011"
    (rf"(?:(?:around|about|on\sor\sabout)\s)?(?:(?P<wd>{WEEKDAY}),?\s)?(?:(?P<pre>early|late|mid)[-\s])?(?P<mon>{MONTHD})\s(?P<day>{DAYNUM})(?![\d,]\d)(?:,?\s(?P<year>{YEAR}))?(?!\d)",
     I, h_calendar),
    (rf"(?:(?P<wd>{WEEKDAY}),?\s)?(?:the\s)?(?P<day>{DAYNUM})(?:\sof)?\s(?P<mon>{MONTHD})(?:,?\s(?P<year>{YEAR}))?(?!\d)",
     I, h_calendar),
    # months: "March 2011", "early September", "June last year", "mid-November"
    (rf"(?:(?P<pre>early|late|mid|the\send\sof|the\sbeginning\sof|the\sstart\sof|the\smiddle\sof|the\sfirst\shalf\sof|the\ssecond\shalf\sof)[-\s])?(?P<mon>{MONTHD})(?:,?\s(?:of\s)?(?P<year>{YEAR})|\s(?:of\s)?(?P<rel>last\syear|this\syear|next\syear))?(?![\w-])",
     I, h_calendar),
    (rf"(?P<rel>last|next|this\spast|this\scoming|this|the\sprevious|the\sfollowing)\s(?P<mon>{MONTH})(?![\w-])", I, h_rel_month),
    # holidays: "Christmas", "New Year's Eve", "Easter Monday 2012"
    (rf"(?<!Father\s)(?P<hol>{_HOLIDAY})(?:,?\s(?P<year>{YEAR4}))?(?![\w-])(?!\sIslands?\b)", 0, h_holiday),
    # numeric dates
    (r"(?<![\d/.-])(?P<iy>1[5-9]\d\d|20\d\d)-(?P<im>[01]\d)(?:-(?P<id>[0-3]\d))?(?![\d-])", 0, h_numeric),
    (r"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)\d\d|\d\d)(?![\d/])", 0, h_numeric),
    # weekdays, with modifiers and parts of day ("last Friday", "Saturday night", "on Mondays")
    (rf"{_PRE_DAY}?{_REL_WD}?(?P<wd>{WEEKDAY}s?)(?:\s(?P<pod>{POD})(?:s)?)?(?![\w-])", I, h_weekday),
    # today, yesterday, tomorrow, tonight, the day before yesterday
    (rf"(?:(?:early|late|earlier|later)\s)?(?:(?P<dd>the\sday\s(?:before|after))\s)?(?P<d>today|yesterday|tomorrow|tonight)(?:\s(?P<pod>{POD}))?(?![\w-])",
     I, h_deictic_day),
    (rf"(?:(?:early|late|earlier|later)\s)?(?:(?P<rel>this|last|the|that|early|late|mid)[-\s]+)(?P<pod>{POD})(?:\s(?P<dd>yesterday|today|tomorrow))?(?![\w-])|(?P<pod2>overnight)",
     I, h_pod_wrap),
    # years, decades, centuries, seasons
    (rf"(?:(?P<pre>early|late|mid|the\send\sof|the\sbeginning\sof|the\sstart\sof|the\smiddle\sof|the\sfirst\shalf\sof|the\ssecond\shalf\sof|the\slast\shalf\sof|(?:the\s)?(?:fiscal|calendar)(?:\syear)?|the\syear|a\sgood\spart\sof|the\srest\sof)[-\s])?(?P<y>{YEAR})(?![\w-]|\.\d)",
     I, h_year),
    (r"(?:the\s)?(?:(?:early|mid|late)[-\s])?(?:(?P<dec4>(?:1[5-9]|20)\d0)'?s|'(?P<dec2>\d)0s)(?![\w-])", I, h_decade),
    (r"the\s(?:(?:early|mid|late)[-\s])?(?:(?P<dec2>\d)0'?s|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w-])",
     I, h_decade),
    (rf"(?:the\s)?(?:(?:early|mid|late)[-\s])?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORDW})[-\s]century(?![\w-])", I, h_century),
    (rf"(?:(?P<rel>this\spast|this\scoming|this|last|next|the\spast|the\scoming|the|early|late)\s)(?:(?:early|late|mid)[-\s])?(?P<sea>{SEASON})(?:\s(?:of\s)?(?P<year>{YEAR}))?(?![\w-])",
     I, h_season),
    (rf"(?P<sea>{SEASON})\s(?P<year>{YEAR4})(?![\w-])(?P<rel>)", I, h_season),
    # relative units: "last week", "earlier this year", "the end of the month", "this weekend"
    (rf"{_EDGE}?{_REL_UNIT}\s(?P<u>week|weekend|month|quarter|year|decade|century)(?:\sor\sso)?(?![\w-])", I, h_rel_unit),
    (r"(?:the\s)?(?:year[-\s]end|year's\send|end\sof\sthe\syear|end-of-year)(?![\w-])", I, h_year_end),
    (r"(?:earlier|later|early|late)\s(?:in\s)?(?:the|this)\s(?P<u>year|month|week|day)(?![\w-])", I, h_within_year),
    # relative to now or to the last date: "two days ago", "a year earlier", "three weeks later"
    (rf"(?:{DMOD}\s)?(?P<q>{QTY})[-\s](?P<u>{UNITS})(?P<half>\sand\sa\shalf)?(?:\sor\sso)?\s(?P<dir>ago|earlier|later|from\snow|hence|previously)(?![\w-])",
     I, h_ago),
    (r"(?:the|that|the\ssame)\s(?P<u>day|week|month|year)\s(?:before|after|earlier|later|prior)(?![\w-])|(?:the\s(?:next|following|previous|preceding|prior)|that|the\ssame)\s(?P<u2>day|morning|night|week|month|year)(?![\w-])",
     I, h_anaphoric_wrap),
    # quarters and halves
    (rf"(?:the\s)?(?P<mods>(?:(?:fiscal|latest|current|comparable|same|year-ago|year-earlier|year-before|this\syear's|last\syear's|next\syear's|{YEAR4})[-\s])*)(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter(?P<plural>s)?(?:\s(?:of\s)?(?:(?:fiscal\s)?(?P<y2>{YEAR})|(?P<yrel>this\syear|last\syear|next\syear)))?(?![\w-])",
     I, h_quarter),
    (r"(?<![\w-])(?:Q(?P<q>[1-4])(?:\s(?P<y>(?:19|20)\d\d))?|(?P<q2>[1-4])Q)(?![\w-])", 0, h_qnum),
    (rf"(?:the|this|that)\s(?P<mods>(?:(?:{YEAR4}|latest|current|comparable|corresponding|same|year-ago|year-earlier|year-before|most\srecent|recent|just-ended|just\sended|fiscal)[-\s])*)(?:quarter|period)(?:\s(?:of\s)?(?:a\syear\sago|a\syear\searlier|last\syear))?(?![\w-])",
     I, h_the_quarter),
    (r"(?:the\s)?(?:comparable\s|same\s)?(?P<adj>year-ago|year-earlier|year-before)(?:\s(?P<what>(?:(?:first|second|third|fourth)[-\s])?quarter|period))?(?![\w-])",
     I, h_year_ago_adj),
    (rf"(?:{DMOD}\s)?(?P<core>(?:the\s)?(?P<edge>first|last|final)\s(?P<q>two|three|six|2|3|6)\s(?P<u>quarters|months)\s(?:of\s)?(?:(?:fiscal\s)?(?P<y>{YEAR})|(?P<yrel>this\syear|last\syear|next\syear|the\syear)))(?![\w-])",
     I, h_part_of_year),
    (rf"(?:the\s)?(?P<h>first|second|1st|2nd)[-\s]half(?:\s(?:of\s)?(?P<y>{YEAR})|\sof\s(?P<yrel>last|this|next)\syear)?(?![\w-])",
     I, h_half),
    (r"the\s(?:(?:full|fiscal|calendar|current|entire|whole|latest)\s)*year(?![\w-])", I, h_the_year),
    (r"(?:the|this)\s(?P<u>weekend|week)(?![\w-])", I, h_the_week),
    (rf"{_EDGE}(?:the|this)\s(?P<u>month|week|year)(?![\w-])", I, h_within_year),
    (r"(?<![\w-])(?:for|within|in|over|after|from|take|takes|took|taken|taking|spend|spends|spent|spending)"
     r"\s(?P<u>hours|days|weeks|months|years|decades|centuries)(?![\w-])", I, h_bare_units),
    # durations
    (rf"(?P<mod>(?:{DMOD}\s)?(?:(?:the|each\sof\sthe|all|all\sof\sthe)\s)?(?:(?:past|last|next|first|final|coming|previous|following|initial|remaining|latest|better\spart\sof\sthe)\s)?)(?P<q>{QTY})[-\s](?:(?:more|additional|extra|full|straight|consecutive|long|trading|business|calendar|working)[-\s])?(?P<u>{UNITS})(?P<half>\sand\sa\shalf)?(?:-old|-long)?(?:\sor\sso)?(?!\w)(?!-\d)",
     I, h_duration),
    (r"(?:the\s)?recent\s(?P<u>years|months|weeks|days|decades|quarters)(?![\w-])", I, h_recent_units),
    # one-word spans: "a weeklong visit", "the daylong meeting", "a year-long inquiry"
    (r"(?P<u>hour|day|week|month|year|decade)-?long(?![\w-])", I, h_long_adj),
    # a bare plural unit that says how long before or after: "minutes after the blast", "days later"
    (r"(?<![\w-])(?P<u>minutes|hours|days|weeks|months|years)(?=\s(?:after|later|before|earlier)\b)", I, h_units_apart),
    # sets
    (rf"(?:every|each)\s(?:(?P<other>other)\s)?(?:(?P<q>{QTY})\s)?(?P<x>{WEEKDAY}|{MONTH}|{UNITS}|{SEASON}|morning|afternoon|evening|night)(?![\w-])",
     I, h_set_every),
    (rf"(?:once|twice|thrice|(?:\d+|{_NUMW_NO_A})\stimes)\s(?:a|an|per|every)\s(?P<u>{UNIT})(?![\w-])", I, h_times_per),
    # clock times: "10 p.m. Wednesday", "around 7:15 p.m.", "noon Thursday", "15:00 GMT"
    (rf"(?:(?:around|about|approximately|shortly\safter|shortly\sbefore|just\safter|just\sbefore)\s)?(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))?\s?(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![\w])(?:\s(?P<tz>(?-i:[A-Z]{{2,4}})(?![\w-])|local\stime))?(?:,?\s(?:on\s)?(?P<dpart>{_DPART}))?(?![\w-])",
     I, h_clock),
    (rf"(?:(?P<d0>{WEEKDAY}|today|yesterday|tomorrow)\s)?(?P<nm>noon|midnight|midday)(?:,?\s(?:on\s)?(?P<dpart>{_DPART}))?(?![\w-])",
     I, h_clock),
    (rf"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s?(?:GMT|UTC|hours|hrs|local\stime|[A-Z]{{3}})(?:,?\s(?i:on\s)?(?P<dpart>(?i:{_DPART})))?(?![\w-])",
     0, h_clock),
    # four-digit clock times with a zone, as agencies write them: "1942 GMT Tuesday", "0700 GMT"
    (rf"(?<![\d,.$])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s?(?:GMT|UTC|(?i:local\stime))(?:,?\s(?i:on\s)?(?P<dpart>(?i:{_DPART})))?(?![\w-])",
     0, h_clock_zone),
    # vague references
    (r"(?<![\w-])now(?![\w-])", I, h_vague("PRESENT_REF")),
    (r"(?<![\w-])(?:currently|nowadays|these\sdays|the\spresent|at\spresent|at\sthe\smoment)(?![\w-])", I, h_vague("PRESENT_REF")),
    (r"(?<![\w-])current(?![\w-])(?!\saccounts?)", I, h_current),
    (r"(?<![\w-])(?:(?:more|most)\s)?(?:recently|lately)(?![\w-])", I, h_vague("PAST_REF")),
    (r"(?<![\w-])the\s(?:recent\s|distant\s)?past(?![\w-])", I, h_vague("PAST_REF")),
    (r"(?<![\w-])the\s(?:(?:near|distant|foreseeable|immediate|not-too-distant)\s)?future(?![\w-])", I, h_vague("FUTURE_REF")),
    (r"(?<![\w-])as\ssoon\sas\spossible(?![\w-])", I, h_vague("FUTURE_REF")),
    # "at the time" closing a clause: then, in the past ("the bridge was weak at the time")
    (r"(?<=(?<![\w-])at\s)the\stime(?=\s*[.,;:!?)'\"]|\s(?:and|but)\b)", I, h_at_the_time),
    # "will soon", not the conjunction "as soon as" nor "soon after (it happened)"
    (r"(?<![\w-])(?<!as\s)soon(?![\w-])(?!\s(?:after|afterwards?|before|as|thereafter)\b)", I, h_vague("FUTURE_REF")),
    (r"(?:the\s)?(?:coming|next\sfew|(?P<u0>days)\sand)\s(?P<u>hours|days|weeks|months|years)(?![\w-])|the\s(?P<u2>hours|days|weeks|months|years)\sahead",
     I, h_coming_units),
    (r"the\s(?:near|short|long|medium)\sterm(?![\w-])", I, h_vague("FUTURE_REF")),
]


#: Trigger word classes: every match of a rule contains a word of one of its classes.
_CLASSES: dict[str, str] = {
    "MON": _MFULL + "|" + _MABBR,
    "WD": WEEKDAY + "s?",
    "UNIT": (r"(?:second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade"
             r"|centur(?:y|ies)|millenni(?:um|a))s?"),
    "DEIC": r"today|yesterday|tomorrow|tonight",
    "POD": r"morning|afternoon|evening|overnight",
    "NUM4": r"\d\d\d\d|nineteen|eighteen|twenty|two\sthousand",
    "DEC": r"(?:\d\d)?\d0'?s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",
    "CLOCK": r"\d\d?\s?[ap]\.?m|noon|midnight|midday|\d\d?:\d\d",
    "AGO": r"ago|earlier|later|hence|previously|from\snow",
    "SEA": SEASON,
    "HALF": r"half",
    "HOL": r"christmas|easter|halloween|thanksgiving|valentine|boxing",
    "EVERY": r"every|each|once|twice|thrice|times",
    "RECENT": r"recent",
    "LONG": r"(?:hour|day|week|month|year|decade)-?long",
    "PERIOD": r"period",
    "VAGUE": (r"time|now|current|currently|nowadays|days|present|moment|recently|lately|past|future|possible|soon"
              r"|term|coming|ahead|hours|weeks|months|years"),
    "DIG": r"\d+|q[1-4]|[1-4]q",
}
_TRIGGER_SRC = r"(?<!\w)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _CLASSES.items()) + r")(?!\w)"
_TRIGGER_RX = re.compile(_TRIGGER_SRC, re.I)

#: Trigger words -> their class, for the fast scan of lower-cased text (one
#: dictionary look-up per word; digit runs are classified in :func:`_scan_triggers`).
#: As in the regex scan, a word belongs to the first class that has it (rules
#: list every class they need). Multi-word triggers are keyed by one of their
#: words ("two thousand" by "thousand"; "from now" is looked for at each "now").
_WORD_CLASSES: dict[str, tuple[str, ...]] = {}


def _add_words(cls: str, words) -> None:
    for w in words:
        if w not in _WORD_CLASSES:
            _WORD_CLASSES[w] = (cls,)


_add_words("MON", _W["month"])
_add_words("WD", [w for wd in _W["weekday"] for w in (wd, wd + "s")])
_add_words("UNIT", [w for u in ("second", "minute", "hour", "day", "night", "weekend", "week", "fortnight",
                                "month", "quarter", "year", "decade", "century", "millennium")
                    for w in (u, u + "s")] + ["centuries", "millennia"])
_add_words("DEIC", ("today", "yesterday", "tomorrow", "tonight"))
_add_words("POD", ("morning", "afternoon", "evening", "overnight"))
_add_words("NUM4", ("nineteen", "eighteen", "twenty", "thousand"))
_add_words("DEC", ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"))
_add_words("CLOCK", ("noon", "midnight", "midday"))
_add_words("AGO", ("ago", "earlier", "later", "hence", "previously"))
_add_words("SEA", _W["season"])
_add_words("HALF", ("half",))
_add_words("HOL", ("christmas", "easter", "halloween", "thanksgiving", "valentine", "boxing"))
_add_words("EVERY", ("every", "each", "once", "twice", "thrice", "times"))
_add_words("RECENT", ("recent",))
_add_words("LONG", ("hourlong", "daylong", "weeklong", "monthlong", "yearlong", "decadelong", "long"))
_add_words("PERIOD", ("period",))
_add_words("VAGUE", ("time", "now", "current", "currently", "nowadays", "days", "present", "moment", "recently", "lately",
                     "past", "future", "possible", "soon", "term", "coming", "ahead", "hours", "weeks", "months",
                     "years"))
_add_words("DIG", ("q",))  # "Q3"

#: Words and digit runs of lower-cased text.
_WORD_RX = re.compile(r"[a-z]+|\d+")
#: After a digit run: a clock ("5 p.m.", "5pm", "10:30") or a decade ("1990s", "90's").
_CLOCK_AFTER = re.compile(r"\s?[ap]\.?m(?![a-z])|:\d\d")
_DEC_AFTER = re.compile(r"'?s(?!\w)")


def _scan_triggers(low: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of trigger words in lower-cased text, by class (see :data:`_CLASSES`)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    get = _WORD_CLASSES.get
    for wm in _WORD_RX.finditer(low):
        w = wm.group()
        if w[0].isdigit():
            s, e = wm.span()
            if (s and low[s - 1].isalnum()) or (low[e:e + 1].isalpha() and not _DEC_AFTER.match(low, e)
                                                 and not _CLOCK_AFTER.match(low, e)):
                continue  # "1st", "5m", "$5bn", "a4": not a whole number ("1990s", "2pm" are)
            if w[-1] == "0" and len(w) in (2, 4) and _DEC_AFTER.match(low, e):
                c = "DEC"
            elif len(w) == 4:
                c = "NUM4"
            elif len(w) <= 2 and _CLOCK_AFTER.match(low, e):
                c = "CLOCK"
            else:
                c = "DIG"
            hits.setdefault(c, []).append((s, e))
            continue
        cs = get(w)
        if cs is not None:
            span = wm.span()
            for c in cs:
                hits.setdefault(c, []).append(span)
            if w == "now" and low.endswith("from ", 0, span[0]):
                hits.setdefault("AGO", []).append((span[0] - 5, span[1]))
    return hits

#: Per handler: the trigger classes of its rules and how far a match may reach
#: before and after the trigger word. Rules run only inside those windows.
_TRIGGERS: dict[str, tuple[tuple[str, ...], int, int]] = {
    "h_calendar": (("MON",), 40, 40),
    "h_rel_month": (("MON",), 20, 12),
    "h_weekday": (("WD",), 30, 25),
    "h_deictic_day": (("DEIC",), 35, 20),
    "h_pod_wrap": (("POD", "UNIT"), 30, 12),
    "h_year": (("NUM4",), 45, 60),
    "h_decade": (("DEC",), 20, 5),
    "h_century": (("UNIT",), 35, 10),
    "h_season": (("SEA",), 30, 30),
    "h_rel_unit": (("UNIT",), 70, 15),
    "h_year_end": (("UNIT",), 20, 12),
    "h_within_year": (("UNIT",), 50, 8),
    "h_the_week": (("UNIT",), 10, 10),
    "h_the_year": (("UNIT",), 50, 8),
    "h_ago": (("AGO",), 80, 12),
    "h_quarter": (("UNIT",), 70, 40),
    "h_the_quarter": (("UNIT", "PERIOD"), 70, 35),
    "h_year_ago_adj": (("UNIT",), 30, 40),
    "h_half": (("HALF",), 20, 40),
    "h_part_of_year": (("UNIT",), 30, 30),
    "h_duration": (("UNIT",), 80, 25),
    "h_recent_units": (("RECENT",), 5, 20),
    "h_bare_units": (("UNIT",), 10, 15),
    "h_long_adj": (("LONG",), 8, 0),
    "h_units_apart": (("UNIT",), 0, 8),
    "h_set_every": (("EVERY",), 5, 50),
    "h_times_per": (("EVERY",), 20, 25),
    "h_anaphoric_wrap": (("UNIT", "POD"), 30, 15),
    "h_clock": (("CLOCK",), 40, 60),
    "h_clock_zone": (("NUM4",), 2, 40),
    "h_vague": (("VAGUE", "RECENT", "UNIT"), 30, 30),
    "h_current": (("VAGUE",), 1, 12),
    "h_at_the_time": (("VAGUE",), 10, 12),
    "h_coming_units": (("VAGUE", "UNIT"), 30, 30),
    "h_numeric": (("DIG", "NUM4"), 2, 12),
    "h_holiday": (("HOL", "UNIT", "WD"), 20, 20),
    "h_qnum": (("DIG", "NUM4"), 5, 10),
}


def _windows(hits: list[tuple[int, int]], before: int, after: int, n: int) -> list[tuple[int, int]]:
    """Merged character windows around trigger hits (sorted spans)."""
    out: list[tuple[int, int]] = []
    for hs, he in hits:
        s, e = max(0, hs - before), min(n, he + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


#: Rules compiled; every match must start at a word start.
_COMPILED = [(re.compile(r"(?<!\w)(?:" + p + ")", f), h) for p, f, h in RULES]


def _trigger_of(h: Callable) -> tuple[tuple[str, ...], int, int] | None:
    """The trigger classes and reach of handler ``h``; None: scan the whole text."""
    return _TRIGGERS.get(getattr(h, "__name__", ""))


#: Per rule: (trigger classes, before, after), or None to scan the whole text.
_RULE_TRIGGERS = [_trigger_of(h) for _rx, h in _COMPILED]


_Cand = tuple[int, int, int, re.Match]


def _select(cands: list[_Cand]) -> tuple[list[_Cand], list[_Cand]]:
    """Non-overlapping candidates, longest first (then the earlier rule), in text order; and the rest."""
    cands = sorted(cands, key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[_Cand] = []
    rest: list[_Cand] = []
    for c in cands:
        s, e = c[0], c[1]
        j = bisect.bisect_left(taken, (s, e))
        if (j > 0 and taken[j - 1][1] > s) or (j < len(taken) and taken[j][0] < e):
            rest.append(c)
            continue
        taken.insert(j, (s, e))
        chosen.append(c)
    chosen.sort()
    return chosen, rest


def _resolve(cands: list[_Cand], st: _State, out: list[Timex]) -> None:
    """Normalise the chosen candidates in text order, appending to ``out``.

    When a handler turns its match down (a bare "May" that is a verb, "a second
    time"), the shorter candidates inside that match get their chance.
    """
    chosen, rest = _select(cands)
    text = st.text
    for s, e, ri, m in chosen:
        res = _COMPILED[ri][1](m, st)
        if res is None:
            inner = [c for c in rest if s <= c[0] and c[1] <= e]
            if inner:
                _resolve(inner, st, out)
            continue
        if len(res) == 4:
            typ, val, s, e = res  # type: ignore[misc]
        else:
            typ, val = res  # type: ignore[misc]
        out.append(Timex(s, e, text[s:e], typ, val))


def tag(text: str, published: dt.date, doc=None) -> list[Timex]:
    """All temporal expressions of ``text``, normalised against ``published``.

    ``doc``, the spaCy parse of ``text``, is optional: it supplies tense (for "on
    Thursday", "in March") and its entities veto bare numbers that are not years.
    Returned spans never overlap and satisfy ``text[start:end] == timex.text``.
    """
    cands: list[tuple[int, int, int, re.Match]] = []
    seen: set[tuple[int, int, int]] = set()
    low = text.lower()
    if len(low) == len(text):
        hits = _scan_triggers(low)
    else:  # lower-casing moved offsets (rare characters): the slower case-blind scan
        hits = {}
        for tm in _TRIGGER_RX.finditer(text):
            hits.setdefault(tm.lastgroup or "", []).append((tm.start(), tm.end()))
    n = len(text)
    win_cache: dict[tuple, list[tuple[int, int]]] = {}
    for ri, (rx, _h) in enumerate(_COMPILED):
        trig = _RULE_TRIGGERS[ri]
        if trig is None:
            wins = [(0, n)]
        else:
            cached = win_cache.get(trig)
            if cached is not None:
                wins = cached
            else:
                hs = sorted(h for c in trig[0] for h in hits.get(c, ()))
                wins = win_cache[trig] = _windows(hs, trig[1], trig[2], n)
        for ws, we in wins:
            for m in rx.finditer(text, ws, we):
                key = (m.start(), m.end(), ri)
                if m.end() > m.start() and key not in seen:
                    seen.add(key)
                    cands.append((m.start(), m.end(), ri, m))
    st = _State(text=text, dct=published, tense=_Tense(doc), doc=doc, anchor=Point("day", published))
    out: list[Timex] = []
    _resolve(cands, st, out)
    _join_day_next_to_date(text, out)
    _add_range_ends(text, out)
    return [t for t in out if not _names_a_place(text, t)]


def _join_day_next_to_date(text: str, out: list[Timex]) -> None:
    """"the day after Thanksgiving", "the day before Christmas Eve", "the day after Nov. 3": one
    date, a day from the date named (not a day from the last date and the date besides)."""
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        dm = re.fullmatch(r"the\s+day\s+(before|after)", a.text, re.I)
        if dm and text[a.end:b.start] == " " and b.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", b.value):
            d = dt.date.fromisoformat(b.value) + dt.timedelta(days=1 if dm.group(1).lower() == "after" else -1)
            out[i:i + 2] = [Timex(a.start, b.end, text[a.start:b.end], "DATE", d.isoformat())]
        i += 1


#: A bare day number closing a range after a calendar date ("from August 20 to 25",
#: "between Oct. 5 and 9"): the same month's day, when the clause goes on or ends there.
_RANGE_END = re.compile(r"\s(?:to|through|until|till|and|or)\s(?P<d>[0-3]?\d)(?![\w%$-]|[.,]\d|\s(?:percent|per|p\.m|a\.m))"
                        r"(?=\s*(?:[,.;:)]|$)|\s(?:in|at|on|and|for|when|after|before|while|with|to|of)\b)")


def _add_range_ends(text: str, out: list[Timex]) -> None:
    """Add the closing day of a day range to ``out`` (kept in text order)."""
    added = []
    for i, t in enumerate(out):
        if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value) or not re.search(MONTH, t.text, re.I):
            continue
        rm = _RANGE_END.match(text, t.end)
        if rm is None or (i + 1 < len(out) and out[i + 1].start < rm.end()):
            continue
        first = dt.date.fromisoformat(t.value)
        day = int(rm.group("d"))
        d = valid_date(first.year, first.month, day) if day > first.day else None
        if d is not None:
            added.append(Timex(rm.start("d"), rm.end("d"), rm.group("d"), "DATE", d.isoformat()))
    if added:
        out.extend(added)
        out.sort(key=lambda t: t.start)


#: A calendar date that names something ("the 6th of October Bridge", "Tahrir's 25
#: January Revolution", "14 March Alliance"): up to two capitalised words, then a
#: name's head word (``name_head`` rows of the lexicon), capitalised.
_NAME_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){0,2}(?:" + "|".join(
        sorted((w.capitalize() for w in _W.get("name_head", {})), key=len, reverse=True))
    + r")\b")


def _names_a_place(text: str, t: Timex) -> bool:
    """Whether ``t`` is part of a name rather than a date: a day or month named by
    its calendar name and followed by a name's head word."""
    if t.type != "DATE" or not re.search(r"[A-Za-z]", t.text) or not re.search(r"\d|" + MONTH, t.text, re.I):
        return False
    return _NAME_AFTER.match(text, t.end) is not None
