"""Timelines: the dates that matter for a story and the sentences that say what happened.

:func:`build_timeline` works on what the store knows (DATEWISE-style, after
Gholipour Ghalandari & Ifrim 2020, without a trained model):

1. Articles: the whole store, or those a query selects (FTS5 keywords over title
   and text, or an exact canonical entity or place name), published in the range.
2. Dates: each day is scored by how many *independent articles* refer to it: an
   article mentioning the day in some sentence (a day-level TIMEX3 value from the
   temporal engine) counts ``mention_weight``, an article published on the day
   ``pub_weight``, and, for a day with such evidence of its own, one published
   the day after ``next_day_weight`` (news often reports yesterday's events).
   The best N days are kept. Two devices are off by default (they did not hold up
   held out on the development topics; docs/timelines.md): ``publication_cap`` caps
   the articles a day's publications count, and ``spread_slack`` shares the N days
   among month-long periods by article volume (:func:`_spread`).
3. Sentences: a day's candidates are the sentences that mention it and the lead
   sentences of articles published on it (or the next day) that mention no day,
   cut free of time stamps, bylines, wire-service datelines and chronology labels.
   Each is scored by TF-IDF cosine similarity to the day's candidates' centroid plus
   ``topic_weight`` times its similarity to the centroid of all candidates of
   all chosen days (what the story is about, since no query keywords are given);
   sentences naming the day get a bonus (``mention_bonus``: one that names
   its day is about it, a lead sentence may be about something else); those
   announcing it beforehand and quote-only ones are ranked down; questions,
   sentences addressing the reader, page furniture, fragments of a sentence split
   inside brackets ("… BP Plc (BP." / "L) said …") and overlong or tiny sentences
   are held back while others exist.
   With a query, only sentences about it are candidates: those that match it as
   keywords, name it as a person, organisation or place (under any store-wide alias),
   or go on with a person named just before through he/she/his/her.
   The day's summary then takes, one at a time, the sentence that brings the
   summary closest to the day's centroid (centroid optimisation, as in news-tls's
   DATEWISE), skipping near-duplicates of any sentence already in the timeline.

When N or K are not given they are chosen from the data, and :attr:`Timeline.notes`
says how. The weights and thresholds named above are the fields of
:class:`dateline.settings.TimelineSettings`, passed as ``settings``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.settings import TimelineSettings
from dateline.store import QueryError, Store, date_range

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_QUOTED = re.compile(r"``.*?''|\".*?\"|“.*?”", re.S)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Sentences that address the reader, ask, or carry picture credits are no event reports.
#: "us" only in lower case: "US" is the United States.
_NOT_EVENT = re.compile(r"\?\s*$|\b(?:[Yy]ou|[Yy]our|[Ww]e|us|[Oo]ur)\b|Photograph\s*:|\bPicture\s*:")
#: Page furniture: time stamps, bylines, separators, links.
_FURNITURE = re.compile(
    r"\||\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|GMT|BST|EDT|EST|CET|UTC)\b|\bLast updated\b"
    r"|\bclick here\b|\bAll rights reserved\b|\bCopyright\b|https?://|www\.", re.I)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: A wire-service dateline opening a sentence: "HOUSTON , June 2 (Reuters) - ".
_WIRE_PREFIX = re.compile(
    r"^[^.]{0,120}?(?:(?:\(|-LRB-)\s*)?\b(?:Reuters|AP|AFP|CNN|UPI|PA|Bloomberg|dpa)"
    r"\s*(?:\)|-RRB-)\s*(?:-|--|—|–|:)\s*")
#: A time stamp opening a sentence: "Tuesday 6 December 2005 15.37 GMT ",
#: "05 February 12 01:10 GMT ".
_STAMP_PREFIX = re.compile(
    rf"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{{1,2}}\s+{_MONTH}\s+"
    r"(?:\d{4}|\d{2})\s*,?\s+\d{1,2}[.:]\d\d\s*(?:GMT|BST|UTC|CET|EST|EDT)?\s+")
#: A headline's update stamp: "Libya : An opportunity for al Qaeda ? updated : Fri Feb 25
#: 2011 12:50:00 ".
_UPDATED_PREFIX = re.compile(
    r"^.{0,200}?\bupdated\s*:\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\s+[A-Z][a-z]+\s+\d{1,2}"
    r"\s+\d{4}\s+\d\d:\d\d(?::\d\d)?\s*")
#: A byline or a transcript's speaker label opening a sentence: "By the CNN Wire Staff ",
#: "AZUZ : ".
_BYLINE_PREFIX = re.compile(
    r"^By (?:the )?CNN(?: Wire)? Staff\s+|^[A-Z]{3,}(?: [A-Z]{3,})? :\s+")
#: A fragment of a sentence split after an abbreviation inside brackets: it opens with
#: the bracket's tail ("L -RRB- said on Tuesday …") or ends inside it ("… BP Plc -LRB- BP .").
_FRAGMENT = re.compile(r"^[A-Z]{1,3} (?:-RRB-|\))|(?:-LRB-|\() ?[A-Za-z]+ ?\.$")
#: A chronology label opening a sentence: "May 7 - ", "June 1 , 2010 : ".
_LIST_PREFIX = re.compile(
    rf"\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:\s*,?\s*\d{{4}})?"
    r"\s*(?:-|--|—|–|:)\s+")


@dataclass
class TimelineSentence:
    """One sentence of a timeline, traceable to its article."""

    text: str
    article: str
    published: dt.date
    sentence: int
    start: int
    end: int
    score: float

    def as_dict(self) -> dict[str, Any]:
        """As in ``dateline timeline --format json`` (published as an ISO date)."""
        return {**asdict(self), "published": self.published.isoformat()}


@dataclass
class TimelineEntry:
    """One date of a timeline with its sentences and the evidence for the date."""

    date: dt.date
    score: float
    articles: int
    sentences: list[TimelineSentence] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """As in ``dateline timeline --format json``."""
        return {"date": self.date.isoformat(), "score": self.score, "articles": self.articles,
                "sentences": [s.as_dict() for s in self.sentences]}


@dataclass
class Timeline:
    """A timeline: its dated entries in date order, and how it was made."""

    entries: list[TimelineEntry]
    query: str | None
    start: dt.date | None
    end: dt.date | None
    max_dates: int
    sentences_per_date: int
    articles: int
    notes: list[str] = field(default_factory=list)
    #: Articles the query and range select; more than ``articles`` (those read) when
    #: the selection was cut to the most relevant (None: as many as ``articles``).
    matching: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The timeline as ``dateline timeline --format json`` prints it (:func:`format_json`)."""
        return format_json(self)


@dataclass
class _Sent:
    rowid: int
    article: int
    index: int
    start: int
    end: int
    text: str


# -- selecting from the store ----------------------------------------------------------


def _select_articles(store: Store, query: str | None, start: dt.date | None,
                     end: dt.date | None, include_duplicates: bool = False
                     ) -> dict[int, tuple[str, dt.date]]:
    """``{article rowid: (id, published)}`` of the articles the query and range select
    (flagged duplicates left out unless ``include_duplicates``)."""
    return _select(store, query, start, end, None, include_duplicates)[0]


#: Most articles one timeline reads: its work (sentences, dates, names read and
#: scored) grows with the articles selected, and a query naming a common word selects
#: most of a large store. When more match, the most relevant are kept (:func:`_select`)
#: and the timeline's notes say so.
MAX_ARTICLES = 1000
#: Length in days of the periods among which :func:`_spread` shares a timeline's dates.
SPREAD_PERIOD = 30
#: Full-text matches ranked (bm25) per article to be read, to choose among when more
#: match than can be read: the most recently stored ones (ranking costs time per match).
RANK_WINDOW = 20


#: The articles naming a query as a person, organisation or place (any case), each read
#: from a covering index.
_NAMING = ("SELECT DISTINCT article FROM entities WHERE canonical = ? COLLATE NOCASE",
           "SELECT DISTINCT article FROM places WHERE name = ? COLLATE NOCASE")


def _select(store: Store, query: str | None, start: dt.date | None, end: dt.date | None,
            cap: int | None, include_duplicates: bool = False, story: str | None = None
            ) -> tuple[dict[int, tuple[str, dt.date]], int, str | None]:
    """``(articles, matching, note)``: ``{article rowid: (id, published)}`` of the
    articles the query and range select and their number, or, when more than ``cap``
    match, of the ``cap`` most relevant: those FTS5 ranks best for the query (bm25 over
    title and text, among the RANK_WINDOW x ``cap`` most recently stored matches), then those
    naming it as an entity or place, earliest stored first; without a query, the latest
    published (then latest stored). ``note`` is None when every match was kept, else
    says which were (and that ``matching`` is only a lower bound when a lookup stopped
    after ``cap`` + 1 articles). The work is bounded by ``cap`` (and RANK_WINDOW), not by
    the size of the store (None: read every match). Articles flagged as duplicates are
    not selected unless ``include_duplicates``: a duplicate group votes once, through
    its representative. With ``story``, only that story's articles are selected
    (:mod:`dateline.analyses.stories`)."""
    where, args = date_range("published", start, end)
    where += store.unflagged("rowid", include_duplicates)
    if story is not None:
        where.append("id IN (SELECT article FROM story_articles WHERE story = ?)")
        args.append(story)
    cond = " AND ".join(["published IS NOT NULL", *where])
    q = store.db.execute
    exact, how = True, "published last"
    if cap is None:
        # rowid and published come from the published index, not the long article rows
        dated = {r[0]: r[1] for r in q(
            f"SELECT rowid, published FROM articles INDEXED BY articles_published WHERE {cond}",
            args)}
        keep = _query_rowids(store, query) if query else dated.keys()
        chosen = [k for k in dated if k in keep]
        matching = len(chosen)
    elif not query:
        matching = q(f"SELECT count(*) FROM articles WHERE {cond}", args).fetchone()[0]
        chosen = [r[0] for r in q(f"SELECT rowid FROM articles WHERE {cond}"
                                  " ORDER BY published DESC, rowid DESC LIMIT ?", [*args, cap])]
    else:
        in_range = f" IN (SELECT rowid FROM articles WHERE {cond})" if where else ""
        fts = ("SELECT %s FROM articles_fts WHERE articles_fts MATCH ?"
               + (f" AND rowid{in_range}" if where else ""))
        n_fts = _fts_rows(store, fts % "count(*)", query, args)[0][0]
        window = RANK_WINDOW * cap
        scored = _fts_rows(store, fts % "rowid, bm25(articles_fts)"
                           + f" ORDER BY rowid DESC LIMIT {window}", query, args)
        ranked = [r[0] for r in sorted(scored, key=lambda r: (r[1], -r[0]))]
        named: list[int] = []
        for sql in _NAMING:
            sql += (f" AND article{in_range}" if where else "") + f" LIMIT {cap + 1}"
            found = [r[0] for r in q(sql, (query, *args))]
            exact = exact and len(found) <= cap
            named += found
        chosen = list(dict.fromkeys(ranked + named))
        exact = exact and len(scored) == n_fts
        matching = max(n_fts, len(chosen))
        how = ("ranked best for the query (FTS5 bm25" + (
            f" among the {window:,} most recently stored matches" if n_fts > window
            else "") + "), then those naming it")
    note = None
    if cap is not None and matching > cap:
        chosen = chosen[:cap]
        note = (f"{'' if exact else 'at least '}{matching:,} articles match: only the "
                f"{cap:,} {how} were read")
    rows = q("SELECT rowid, id, published FROM articles WHERE rowid IN"
             f" ({_in_list(sorted(chosen))})").fetchall()
    return {r[0]: (r[1], dt.date.fromisoformat(r[2][:10])) for r in rows}, matching, note


def _fts_rows(store: Store, sql: str, query: str, args: Iterable[Any] = ()) -> list[sqlite3.Row]:
    """The rows of ``sql``, whose first parameter is an FTS5 MATCH expression (``args``
    the others), for ``query`` as FTS5 keywords, or as one phrase when FTS5 cannot parse
    it so; QueryError when it cannot parse either."""
    try:
        return store.db.execute(sql, (query, *args)).fetchall()
    except sqlite3.OperationalError:
        phrase = '"' + query.replace('"', '""') + '"'
        try:
            return store.db.execute(sql, (phrase, *args)).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"bad timeline query {query!r}: {exc}") from None


def _query_rowids(store: Store, query: str) -> set[int]:
    """Articles matching ``query`` as FTS5 keywords, a canonical entity or a place name."""
    q = store.db.execute
    found = {r[0] for r in _fts_rows(
        store, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", query)}
    for sql in _NAMING:
        found.update(r[0] for r in q(sql, (query,)))
    return found


def _matching_sentences(store: Store, query: str, ids: str) -> set[tuple[int, int]]:
    """``(article, sentence)`` of the sentences of articles ``ids`` that match ``query``
    as FTS5 keywords (or as a phrase). The index is asked once per run of consecutive
    sentence rowids of those articles, so the work grows with the articles read, not
    with the matches in the whole store (a common word: hundreds of thousands)."""
    wanted = {int(i) for i in ids.split(",")} if ids else set()
    spans: list[list[int]] = []
    for lo, hi in store.db.execute(
            f"SELECT min(rowid), max(rowid) FROM sentences WHERE article IN ({ids})"
            " GROUP BY article ORDER BY 1"):
        if spans and lo == spans[-1][1] + 1:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    found: set[tuple[int, int]] = set()
    for lo, hi in spans:
        found.update((r[0], r[1]) for r in _fts_rows(
            store, "SELECT s.article, s.sentence FROM sentences_fts JOIN sentences s"
            " ON s.rowid = sentences_fts.rowid WHERE sentences_fts MATCH ?"
            " AND sentences_fts.rowid BETWEEN ? AND ?", query, (lo, hi)) if r[0] in wanted)
    return found


#: A sentence that opens with one of these continues the story of the person named just
#: before it ("Envoy Maria Lund arrived on Monday. She met rebels on Tuesday.").
_PERSON_PRONOUN = re.compile(r"^\W*(?:He|She|His|Her)\b")


def _about_query(store: Store, query: str, ids: str,
                 texts: dict[tuple[int, int], str]) -> set[tuple[int, int]]:
    """``(article, sentence)`` of the sentences of articles ``ids`` (whose texts are
    ``texts``) that are about ``query``: those that match it as FTS5 keywords (or as a
    phrase), that name it as a person, organisation or place (under any store-wide
    alias), and those that go on with a person named in the sentence before through
    he/she/his/her."""
    q = store.db.execute
    about = _matching_sentences(store, query, ids)
    people: set[tuple[int, int]] = set()
    for art, sent, label in q(
            "SELECT e.article, e.sentence, e.label FROM entities e LEFT JOIN aliases al"
            " ON al.alias = e.canonical AND al.label = e.label"
            f" WHERE e.article IN ({ids}) AND (e.canonical = ?1 COLLATE NOCASE"
            " OR e.text = ?1 COLLATE NOCASE OR coalesce(al.canonical, e.canonical) ="
            " (SELECT canonical FROM aliases WHERE alias = ?1 COLLATE NOCASE LIMIT 1))",
            (query,)):
        about.add((art, sent))
        if label == "PERSON":
            people.add((art, sent))
    about.update((r[0], r[1]) for r in q(
        "SELECT article, sentence FROM places WHERE (name = ?1 COLLATE NOCASE"
        f" OR text = ?1 COLLATE NOCASE) AND article IN ({ids})", (query,)))
    for art, sent in sorted(people):
        nxt = sent + 1
        while (art, nxt) in texts and _PERSON_PRONOUN.match(texts[(art, nxt)]):
            about.add((art, nxt))
            nxt += 1
    return about


def _in_list(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


# -- text helpers -------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    """Lower-cased content words of ``text`` (spaCy's English stop words left out)."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]


def _is_quote(text: str) -> bool:
    """Whether the sentence is mostly a quotation (over half its characters quoted)."""
    quoted = sum(len(m.group()) for m in _QUOTED.finditer(text))
    return quoted > 0.5 * len(text)


def _unit(weights: dict[str, float]) -> dict[str, float]:
    """``weights`` scaled to unit length (empty when all are zero)."""
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {w: v / norm for w, v in weights.items()} if norm else {}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors (the cosine when both are unit vectors)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _trim(text: str) -> tuple[int, int]:
    """``(start, end)`` within ``text`` of the sentence without a leading headline update
    stamp ("… updated : Fri Feb 25 2011 12:50:00 "), byline ("By the CNN Wire Staff "),
    speaker label ("AZUZ : "), time stamp ("Tuesday 6 December 2005 15.37 GMT "),
    wire-service dateline ("HOUSTON , June 2 (Reuters) - ") or chronology label
    ("May 7 - "), and without surrounding spaces."""
    start = 0
    for prefix in (_UPDATED_PREFIX, _BYLINE_PREFIX, _STAMP_PREFIX, _WIRE_PREFIX, _LIST_PREFIX):
        m = prefix.match(text, start)
        if m:
            start = m.end()
    end = len(text.rstrip())
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if start < end else (0, end)


def _is_reportable(text: str, min_tokens: int = TimelineSettings.min_tokens,
                   max_tokens: int = TimelineSettings.max_tokens) -> bool:
    """Whether a sentence reads as a report of events: of a fair length, starting
    like a sentence, no question, no address to the reader, no page furniture, no
    fragment of a sentence split inside brackets."""
    words = text.split()
    if not min_tokens <= len(words) <= max_tokens:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "`\"'“‘"):
        return False
    return not (_NOT_EVENT.search(text) or _FURNITURE.search(text) or _FRAGMENT.search(text))


# -- the timeline -----------------------------------------------------------------------


def _summary_order(scored: list[tuple], vecs: dict[Any, dict[str, float]],
                   centroid: dict[str, float], k: int,
                   pool: int = TimelineSettings.summary_pool) -> list[tuple[Any, float]]:
    """``(key, score)`` of a day's candidates in the order a summary takes them.

    ``scored`` holds ``(held back, -score, ..., key, score)`` tuples sorted best
    first, where score = similarity to the day's centroid plus the other terms.
    Among the best ``pool`` candidates not held back, each next sentence
    is the one that brings the summary's summed vector closest to the centroid,
    plus its own other terms (centroid optimisation: a sentence adding words the
    summary lacks beats one repeating them). The first ``k`` + 5 are ordered so,
    the rest follow in ``scored`` order, as spares for near-duplicates.
    """
    usable = [x for x in scored if x[0] == 0][:pool] or scored[:pool]
    other = {x[-2]: x[-1] - _dot(vecs[x[-2]], centroid) for x in usable}
    # cos(s + v, c) for the summary s and a candidate v, from running sums rather than
    # a merged copy of s per candidate: (s.c + v.c) / sqrt(s.s + 2 s.v + v.v).
    summary: dict[str, float] = defaultdict(float)
    s_c = s_s = 0.0
    v_c = {x[-2]: _dot(vecs[x[-2]], centroid) for x in usable}
    v_v = {x[-2]: _dot(vecs[x[-2]], vecs[x[-2]]) for x in usable}
    order: list[tuple[Any, float]] = []
    while usable and len(order) < k + 5:
        def gain(x: tuple, s_s: float = s_s, s_c: float = s_c) -> float:
            key = x[-2]
            norm2 = s_s + 2 * _dot(vecs[key], summary) + v_v[key]
            cos = (s_c + v_c[key]) / math.sqrt(norm2) if norm2 > 0 else 0.0
            return cos + other[key]
        best = max(usable, key=gain)
        usable.remove(best)
        order.append((best[-2], best[-1]))
        s_s += 2 * _dot(vecs[best[-2]], summary) + v_v[best[-2]]
        s_c += v_c[best[-2]]
        for w, val in vecs[best[-2]].items():
            summary[w] += val
    taken = {key for key, _ in order}
    return order + [(x[-2], x[-1]) for x in scored if x[-2] not in taken]


def _spread(ranked: list[dt.date], n: int, volume: dict[dt.date, int], slack: float,
            power: float, period: int = SPREAD_PERIOD) -> list[dt.date]:
    """The first ``n`` of ``ranked`` (best first), except that, when ``slack`` > 0, each
    period of about ``period`` days (the span of ``ranked`` and ``volume`` cut into equal
    periods) takes at most ``ceil(slack * n * V ** power / sum of V ** power)`` days,
    where V is the period's article volume (``volume``: articles published per day).
    With ``power`` < 1 a quiet period gets more than its share of the volume, so that a
    long story's quiet months keep dates rather than all going to its busy weeks. Days
    passed over fill the list, best first, when the periods' caps leave it short; the
    result is in ``ranked`` order and holds ``min(n, len(ranked))`` days."""
    if slack <= 0 or not ranked:
        return ranked[:n]
    days = [*ranked, *volume]
    lo, hi = min(days), max(days)
    span = (hi - lo).days + 1
    bins = max(1, round(span / period))

    def bin_of(d: dt.date) -> int:
        return min(bins - 1, (d - lo).days * bins // span)

    mass: dict[int, float] = defaultdict(float)
    for d, v in volume.items():
        mass[bin_of(d)] += v
    total = sum(v ** power for v in mass.values() if v > 0) or 1.0
    cap = {b: math.ceil(slack * n * (v ** power if v > 0 else 0.0) / total)
           for b, v in mass.items()}
    taken: Counter = Counter()
    chosen: list[dt.date] = []
    for d in ranked:
        if len(chosen) >= n:
            break
        if taken[bin_of(d)] < cap.get(bin_of(d), 0):
            chosen.append(d)
            taken[bin_of(d)] += 1
    if len(chosen) < n:
        picked = set(chosen)
        chosen += [d for d in ranked if d not in picked][: n - len(chosen)]
        order = {d: i for i, d in enumerate(ranked)}
        chosen.sort(key=order.__getitem__)
    return chosen


def build_timeline(store: Store, query: str | None = None, *, max_dates: int | None = None,
                   sentences_per_date: int | None = None, start: dt.date | None = None,
                   end: dt.date | None = None,
                   settings: TimelineSettings | None = None,
                   max_articles: int | None = MAX_ARTICLES,
                   include_duplicates: bool = False, story: str | None = None) -> Timeline:
    """Build a timeline of at most ``max_dates`` dates and ``sentences_per_date``
    sentences per date from the articles ``query`` selects (all when None) published
    between ``start`` and ``end`` (inclusive; open when None). Dates outside the range
    are never used. Entries come in date order; notes say how N and K were chosen.
    When more than ``max_articles`` articles match (None: no limit), only the most
    relevant ``max_articles`` are read (:func:`_select`); ``Timeline.matching`` counts
    all and a note says so. Articles flagged as duplicates are left out unless
    ``include_duplicates`` (each duplicate group's sentences vote once). ``story`` (a
    story id) restricts the articles to that story's.
    ``settings`` holds the weights and thresholds (the defaults when None). Raises
    :class:`~dateline.store.QueryError` for a query FTS5 cannot parse even as a phrase.
    """
    cfg = settings or TimelineSettings()
    notes: list[str] = []
    arts, matching, note = _select(store, query, start, end, max_articles, include_duplicates,
                                   story)
    if not arts:
        return Timeline([], query, start, end, max_dates or 0, sentences_per_date or 0, 0,
                        ["no article matches"])
    if note:
        notes.append(note)
    ids = _in_list(list(arts))
    pub = {a: p for a, (_, p) in arts.items()}

    def in_range(d: dt.date) -> bool:
        return (start is None or d >= start) and (end is None or d <= end)

    # day-level date mentions: (article, sentence) -> days mentioned
    mentions: dict[tuple[int, int], set[dt.date]] = defaultdict(set)
    for art, sent, value in store.db.execute(
            f"SELECT article, sentence, value FROM dates WHERE article IN ({ids})"
            " AND type = 'DATE'"):
        if isinstance(value, str) and _DAY.match(value):
            try:
                d = dt.date.fromisoformat(value)
            except ValueError:
                continue
            if in_range(d):
                mentions[(art, sent)].add(d)

    # date scores: independent articles referring to each day
    mention_arts: dict[dt.date, set[int]] = defaultdict(set)
    for (art, _), days in mentions.items():
        for d in days:
            mention_arts[d].add(art)
    pub_arts: dict[dt.date, set[int]] = defaultdict(set)
    for a, p in pub.items():
        pub_arts[p].add(a)
    day_score: dict[dt.date, float] = defaultdict(float)
    refer: dict[dt.date, set[int]] = defaultdict(set)
    for d, day_arts in mention_arts.items():
        day_score[d] += cfg.mention_weight * len(day_arts)
        refer[d] |= day_arts
    def published(day_arts: set[int]) -> int:
        # beyond publication_cap, a busy desk is no further evidence of an event
        cap = cfg.publication_cap
        return min(len(day_arts), cap) if cap > 0 else len(day_arts)

    for d, day_arts in pub_arts.items():
        day_score[d] += cfg.pub_weight * published(day_arts)
        refer[d] |= day_arts
    for d, day_arts in pub_arts.items():
        # reports of the next day strengthen a day that has evidence of its own
        prev = d - dt.timedelta(days=1)
        if prev in refer:
            day_score[prev] += cfg.next_day_weight * published(day_arts)
    if not mentions:
        notes.append("no resolved date mentions in the selection: dates come from "
                     "publication dates only")

    ranked = sorted(day_score, key=lambda d: (-day_score[d], d))
    if max_dates is None:
        strong = [d for d in ranked if len(refer[d]) >= 3]
        n = max(min(len(ranked), 5), min(len(strong), 30))
        notes.append(f"max_dates not given: {n} (days that at least 3 articles refer "
                     "to, at least 5, at most 30)")
    else:
        n = max_dates
    if sentences_per_date is None:
        k = 2 if n <= 15 else 1
        notes.append(f"sentences_per_date not given: {k} (2 for up to 15 dates, else 1)")
    else:
        k = sentences_per_date

    # sentences of the selected articles
    sents: dict[tuple[int, int], _Sent] = {}
    for row in store.db.execute(
            f'SELECT rowid, article, sentence, start, "end", text FROM sentences'
            f" WHERE article IN ({ids})"):
        sents[(row[1], row[2])] = _Sent(*row)

    # candidate sentences per day: True when the sentence mentions the day
    cands: dict[dt.date, dict[tuple[int, int], bool]] = defaultdict(dict)
    for key, days in mentions.items():
        if key in sents:
            for d in days:
                cands[d][key] = True
    for key, s in sents.items():
        if s.index >= cfg.lead_sentences or key in mentions:
            continue   # one that names its day is filed under that day only
        p = pub[s.article]
        for d in (p, p - dt.timedelta(days=1)):
            if in_range(d):
                cands[d][key] = False

    if query:   # the chosen sentences must be about what was asked for
        about = _about_query(store, query, ids, {k: v.text for k, v in sents.items()})
        for d in list(cands):
            cands[d] = {key: named for key, named in cands[d].items() if key in about}
    chosen_days = _spread([d for d in ranked if cands.get(d)], max(n, 0),
                          {d: len(a) for d, a in pub_arts.items()}, cfg.spread_slack,
                          cfg.spread_power)
    pool_keys = {key for d in chosen_days for key in cands[d]}
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    toks: dict[tuple[int, int], list[str]] = {}
    for key in pool_keys:
        text = sents[key].text
        spans[key] = _trim(text)
        toks[key] = _tokens(text[spans[key][0]:spans[key][1]])
    df: Counter = Counter()
    for t in toks.values():
        df.update(set(t))
    n_docs = len(toks) or 1
    vecs: dict[tuple[int, int], dict[str, float]] = {}
    for key, t in toks.items():
        tf = Counter(t)
        vecs[key] = _unit({w: c * math.log(n_docs / df[w]) for w, c in tf.items()})
    # what the selection as a whole is about: the centroid of every candidate
    topic_sum: dict[str, float] = defaultdict(float)
    for v in vecs.values():
        for w, x in v.items():
            topic_sum[w] += x
    topic = _unit(topic_sum)

    entries: list[TimelineEntry] = []
    picked_vecs: list[dict[str, float]] = []
    for d in sorted(chosen_days, key=lambda d: (-day_score[d], d)):
        keys = list(cands[d])
        centroid_sum: dict[str, float] = defaultdict(float)
        for key in keys:
            for w, x in vecs[key].items():
                centroid_sum[w] += x
        centroid = _unit(centroid_sum)
        scored = []
        for key in keys:
            s = sents[key]
            a, b = spans[key]
            text = s.text[a:b]
            v = vecs[key]
            score = _dot(v, centroid) + cfg.topic_weight * _dot(v, topic)
            if cands[d][key]:
                score += cfg.mention_bonus
                if pub[s.article] < d:
                    score *= cfg.future_factor
            if _is_quote(text):
                score *= cfg.quote_factor
            ok = _is_reportable(text, cfg.min_tokens, cfg.max_tokens) and len(toks[key]) >= 3
            scored.append((0 if ok else 1, -score, s.article, s.index, key, score))
        scored.sort()
        out: list[TimelineSentence] = []
        for key, score in _summary_order(scored, vecs, centroid, k, cfg.summary_pool):
            if len(out) >= k:
                break
            v = vecs[key]
            if any(_dot(v, u) > cfg.duplicate_similarity for u in picked_vecs):
                continue
            s = sents[key]
            a, b = spans[key]
            picked_vecs.append(v)
            out.append(TimelineSentence(s.text[a:b], arts[s.article][0], pub[s.article],
                                        s.index, s.start + a, s.start + b, round(score, 4)))
        if out:
            entries.append(TimelineEntry(d, round(day_score[d], 3), len(refer[d]), out))
    entries.sort(key=lambda e: e.date)
    return Timeline(entries, query, start, end, n, k, len(arts), notes, matching)


def baseline_timeline(store: Store, query: str | None = None, *, max_dates: int,
                      sentences_per_date: int, start: dt.date | None = None,
                      end: dt.date | None = None) -> Timeline:
    """The naive baseline: the ``max_dates`` busiest publication days (earlier first on
    ties), each with the first ``sentences_per_date`` sentences of the first article
    stored among those published that day."""
    arts = _select_articles(store, query, start, end)
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for a, (_, p) in sorted(arts.items()):
        by_day[p].append(a)
    days = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:max_dates]
    entries = []
    for d in sorted(days):
        a = by_day[d][0]
        rows = store.db.execute(
            'SELECT sentence, start, "end", text FROM sentences WHERE article = ?'
            " ORDER BY sentence LIMIT ?", (a, sentences_per_date)).fetchall()
        sents = [TimelineSentence(r[3], arts[a][0], d, r[0], r[1], r[2], 0.0) for r in rows]
        entries.append(TimelineEntry(d, float(len(by_day[d])), len(by_day[d]), sents))
    return Timeline(entries, query, start, end, max_dates, sentences_per_date, len(arts),
                    ["baseline: busiest publication days, lead sentences of one article"])


# -- formatting -------------------------------------------------------------------------


def format_text(tl: Timeline) -> str:
    """A readable timeline: each date with its sentences and their sources."""
    lines = []
    for note in tl.notes:
        lines.append(f"# {note}")
    for e in tl.entries:
        lines.append(f"{e.date.isoformat()}  ({e.articles} articles)")
        for s in e.sentences:
            lines.append(f"  - {' '.join(s.text.split())}")
            lines.append(f"    [{s.article}, published {s.published.isoformat()}, "
                         f"sentence {s.sentence}]")
    return "\n".join(lines) + "\n"


def format_json(tl: Timeline) -> dict[str, Any]:
    """The timeline as a JSON-able dict (dates as ISO strings)."""
    def iso(d: dt.date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "query": tl.query, "start": iso(tl.start), "end": iso(tl.end),
        "max_dates": tl.max_dates, "sentences_per_date": tl.sentences_per_date,
        "articles": tl.articles, "considered": tl.articles,
        "matching": tl.articles if tl.matching is None else tl.matching,
        "notes": list(tl.notes),
        "entries": [{
            "date": e.date.isoformat(), "score": e.score, "articles": e.articles,
            "sentences": [{**asdict(s), "published": s.published.isoformat()}
                          for s in e.sentences],
        } for e in tl.entries],
    }


def format_tilse(tl: Timeline) -> str:
    """The timeline in the benchmark's format: per date a ``YYYY-MM-DD`` line, its
    sentences one per line (inner whitespace collapsed), then 32 dashes."""
    lines = []
    for e in tl.entries:
        lines.append(e.date.isoformat())
        lines.extend(" ".join(s.text.split()) for s in e.sentences)
        lines.append("-" * 32)
    return "\n".join(lines) + ("\n" if lines else "")
