"""Stories: the articles that follow one news story over days, grouped.

An article is described by four families of terms, each read from its stored record:

* **words** of its title and text (lower case, letters only, three letters or more, not
  an English stop word (spaCy's list) nor a word of attribution (REPORTING)), counted;
* **names**: the people and organisations it names (their store-wide canonical names,
  :mod:`dateline.analyses.aliases`), counted per mention;
* **places** it names (the gazetteer's names), counted per mention;
* **dates** it mentions (whole days only), counted per mention.

Each count ``c`` becomes ``1 + ln c``; each family is scaled to length 1 and weighted
(:attr:`StorySettings.weights`), and the whole vector to length 1 again: the
article's *profile*. A story keeps the sum of its articles' profiles (its *centroid*),
its first and last publication dates and its size.

Grouping is single-pass incremental clustering in a fixed order. The articles to group
are taken in publication order (then id order), and each is compared with the stories
whose dates are near its own:

``score = cosine(article, centroid, both weighted by idf) x exp(-gap / decay_days)``

where idf is ``ln((1 + N) / (1 + df)) + 1`` over the N grouped articles (df: how many of
them hold the term) and ``gap`` the days between the article's date and the story's
span (0 inside it). The article joins the story of the highest score when that is at
least :attr:`StorySettings.threshold` (ties: the smaller story id), else it opens a new
story whose id is a hash of its id. Its profile is then added to the story's centroid.
A story further than ``decay_days x ln(1 / threshold)`` days away cannot reach the
threshold and is not read.

Near-duplicates (:mod:`dateline.analyses.duplicates`) are not compared: a flagged copy
goes to the story of its group's representative, so a duplicate group weighs once in
the centroid, and story sizes count it once unless ``include_duplicates``.

What is and is not order-independent:

* a **full grouping** (:func:`regroup`, ``dateline stories --rebuild``) depends only
  on the set of stored articles and their records: the same articles ingested in any
  order, in any number of ingests, give the same stories with the same ids;
* an **incremental update** (:func:`update_stories`, run at the end of every ingest
  that stores something, and by ``dateline stories --update``) groups only the articles
  not grouped yet, against the stored stories, and never revisits earlier decisions. It
  gives what a full grouping gives when the new articles are published after the
  grouped ones, except that the idf of the earlier articles' decisions was read from
  fewer articles; an article published before stories it would have seeded or joined
  can end up elsewhere than a full grouping would put it. ``benchmarks/stories_eval.py``
  measures both.

A grouping is written in one transaction: a killed one leaves the stories as they were
before it, and the articles it did not write are grouped by the next update.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.settings import StorySettings
from dateline.store import Store, check_query

#: Families of terms, in profile order; a term is "<family letter>:<value>".
FAMILIES = ("w", "n", "p", "d")

#: A story's centroid keeps at most CENTROID_MAX terms: past that, the CENTROID_KEEP
#: heaviest (ties: alphabetical) are kept, so a long story's row stays small.
CENTROID_MAX = 2000
CENTROID_KEEP = 1000

_WORD = re.compile(r"[^\W\d_]{3,}")


_STOP: frozenset[str] | None = None


#: Words of attribution every news story is full of, left out with the stop words.
REPORTING = frozenset({"said", "says", "say", "told", "according"})


def _stop_words() -> frozenset[str]:
    global _STOP
    if _STOP is None:
        from spacy.lang.en.stop_words import STOP_WORDS

        _STOP = frozenset(w.lower() for w in STOP_WORDS) | REPORTING
    return _STOP


def words(text: str) -> Counter[str]:
    """The counted words of ``text`` as profiles use them: lower case, runs of three
    letters or more, English stop words left out."""
    stop = _stop_words()
    return Counter(w for w in _WORD.findall(text.lower()) if w not in stop)


@dataclass
class ArticleTerms:
    """What grouping needs of one article: its id, publication date, text hash, the
    representative of its duplicate group when it is a flagged copy (else None), and
    its term counts (``"w:quake"``, ``"n:Barack Obama"``, ``"p:Haiti"``, ``"d:2010-01-12"``)."""

    id: str
    published: dt.date
    text_hash: str
    duplicate_of: str | None
    counts: Counter[str] = field(default_factory=Counter)


def profile(counts: Counter[str], settings: StorySettings) -> dict[str, float]:
    """The article profile of ``counts`` (module docstring): sublinear counts, each
    family scaled to length 1 times its weight, the whole scaled to length 1."""
    fams: dict[str, dict[str, float]] = defaultdict(dict)
    for term, c in counts.items():
        if c > 0:
            fams[term[0]][term] = 1.0 + math.log(c)
    out: dict[str, float] = {}
    for fam, weight in zip(FAMILIES, settings.weights, strict=True):
        vec = fams.get(fam)
        if not vec or weight <= 0:
            continue
        norm = math.sqrt(sum(v * v for v in vec.values()))
        for t, v in vec.items():
            out[t] = weight * v / norm
    total = math.sqrt(sum(v * v for v in out.values()))
    return {t: v / total for t, v in out.items()} if total else {}


class Idf:
    """Inverse document frequencies over ``n`` articles with document counts ``df``."""

    def __init__(self, df: dict[str, int], n: int) -> None:
        self.df, self.n = df, n
        self._cache: dict[str, float] = {}

    def __call__(self, term: str) -> float:
        v = self._cache.get(term)
        if v is None:
            v = math.log((1 + self.n) / (1 + self.df.get(term, 0))) + 1.0
            self._cache[term] = v
        return v


@dataclass
class Story:
    """One story: its id, first and last publication dates, how many articles it holds
    (flagged copies not counted) and its centroid (the sum of their profiles)."""

    id: str
    first: dt.date
    last: dt.date
    size: int = 0
    centroid: dict[str, float] = field(default_factory=dict)
    _norm: float | None = field(default=None, repr=False)
    _weighted: dict[str, float] | None = field(default=None, repr=False)

    _idf: Idf | None = field(default=None, repr=False)
    _square: float = field(default=0.0, repr=False)

    def weighted(self, idf: Idf) -> dict[str, float]:
        """The centroid with each term weighted by ``idf`` (one grouping uses one idf;
        :meth:`add` keeps it up to date), its length in ``_norm``."""
        if self._weighted is None or self._idf is not idf:
            self._idf = idf
            self._weighted = {t: v * idf(t) for t, v in self.centroid.items()}
            self._square = sum(v * v for v in self._weighted.values())
            self._norm = math.sqrt(self._square)
        return self._weighted

    def gap(self, day: dt.date) -> int:
        """Days between ``day`` and this story's span (0 inside it)."""
        if day < self.first:
            return (self.first - day).days
        if day > self.last:
            return (day - self.last).days
        return 0

    def add(self, day: dt.date, prof: dict[str, float]) -> None:
        """Add an article published on ``day`` with profile ``prof``."""
        self.first, self.last = min(self.first, day), max(self.last, day)
        self.size += 1
        c, w, idf = self.centroid, self._weighted, self._idf
        for t, v in prof.items():
            c[t] = new = c.get(t, 0.0) + v
            if w is not None and idf is not None:
                old = w.get(t, 0.0)
                w[t] = new * idf(t)
                self._square += w[t] * w[t] - old * old
        if w is not None:
            self._norm = math.sqrt(max(self._square, 0.0))
        if len(c) > CENTROID_MAX:
            keep = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_KEEP]
            self.centroid = dict(keep)
            self._norm = self._weighted = None


def story_id(seed: str) -> str:
    """The id of the story an article opened: a short hash of the article's id, so that
    the same seed always names its story alike."""
    return "s" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:11]


@dataclass
class Assignment:
    """Where one article went: its story, ``how`` (seed: it opened the story; joined;
    duplicate: a flagged copy following its representative) and its score (None for a
    seed or a copy)."""

    article: str
    story: str
    how: str
    score: float | None
    text_hash: str


def assign(articles: Iterable[ArticleTerms], stories: dict[str, Story], idf: Idf,
           settings: StorySettings, known: dict[str, str] | None = None) -> list[Assignment]:
    """Group ``articles`` (any order: they are taken in publication, then id, order)
    into ``stories`` (changed in place; new stories are added), reading term weights
    from ``idf``. ``known`` maps articles grouped earlier to their stories (for copies
    whose representative was grouped before). Returns one assignment per article."""
    known = dict(known or {})
    todo = sorted(articles, key=lambda a: (a.published, a.id))
    originals = [a for a in todo if a.duplicate_of is None or a.duplicate_of == a.id]
    copies = [a for a in todo if not (a.duplicate_of is None or a.duplicate_of == a.id)]
    out: list[Assignment] = []
    reach = settings.reach
    # stories by last date, to find those near an article quickly
    for a in originals:
        prof = profile(a.counts, settings)
        weighted = {t: v * idf(t) for t, v in prof.items()}
        anorm = math.sqrt(sum(v * v for v in weighted.values()))
        best: tuple[float, str] | None = None
        if anorm > 0:
            for s in stories.values():
                gap = s.gap(a.published)
                if gap > reach:
                    continue
                c = s.weighted(idf)
                if not s._norm:
                    continue
                dot = sum(weighted[t] * c[t] for t in weighted.keys() & c.keys())
                score = dot / (anorm * s._norm) * math.exp(-gap / settings.decay_days)
                if score >= settings.threshold and (
                        best is None or score > best[0] or score == best[0] and s.id < best[1]):
                    best = (score, s.id)
        if best is None:
            sid = story_id(a.id)
            while sid in stories:   # a re-grouped article whose first story still exists
                sid = story_id(sid)
            stories[sid] = Story(sid, a.published, a.published)
            out.append(Assignment(a.id, sid, "seed", None, a.text_hash))
        else:
            sid = best[1]
            out.append(Assignment(a.id, sid, "joined", round(best[0], 4), a.text_hash))
        stories[sid].add(a.published, prof)
        known[a.id] = sid
    for a in copies:
        found = known.get(a.duplicate_of or "")
        if found is None:   # its representative is not grouped (cannot happen in a store)
            sid = story_id(a.id)
            stories.setdefault(sid, Story(sid, a.published, a.published))
            how = "seed"
        else:
            sid, how = found, "duplicate"
        s = stories[sid]
        s.first, s.last = min(s.first, a.published), max(s.last, a.published)
        out.append(Assignment(a.id, sid, how, None, a.text_hash))
        known[a.id] = sid
    return out


# -- reading the store ----------------------------------------------------------------


def _chunks(keys: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(keys), size):
        yield keys[i:i + size]


def read_terms(store: Store, rowids: Sequence[int] | None = None) -> list[ArticleTerms]:
    """The :class:`ArticleTerms` of the stored articles with these rowids (all when
    None), read from their records: text and title, names (alias-resolved), places and
    day-dates, and duplicate groups."""
    q = store.db.execute
    arts: dict[int, ArticleTerms] = {}
    flagged = {}
    try:
        flagged = {r[0]: r[1] for r in q("SELECT id, representative FROM duplicates"
                                         " WHERE id <> representative")}
    except sqlite3.OperationalError:   # a store whose schema predates the groups
        pass

    def selected(sql: str, column: str) -> Iterator[sqlite3.Row]:
        if rowids is None:
            yield from q(sql)
            return
        for chunk in _chunks(list(rowids)):
            where = f"{column} IN ({', '.join('?' * len(chunk))})"
            yield from q(sql.replace("WHERE 1", f"WHERE {where}"), list(chunk))

    for r in selected("SELECT rowid, id, published, title, text, text_hash FROM articles"
                      " WHERE 1", "rowid"):
        try:
            day = dt.date.fromisoformat(r["published"][:10])
        except ValueError:
            continue
        counts: Counter[str] = Counter()
        for w, c in words(f"{r['title'] or ''}\n{r['text']}").items():
            counts["w:" + w] = c
        arts[r["rowid"]] = ArticleTerms(r["id"], day, r["text_hash"], flagged.get(r["id"]),
                                        counts)
    has_aliases = "aliases" in {r[0] for r in q("SELECT name FROM sqlite_master")}
    alias = (" LEFT JOIN aliases al ON al.alias = e.canonical AND al.label = e.label"
             if has_aliases else "")
    name = "coalesce(al.canonical, e.canonical)" if has_aliases else "e.canonical"
    parts = [(f"SELECT e.article, {name} FROM entities e{alias} WHERE 1"
              " AND e.label IN ('PERSON', 'ORG')", "e.article", "n"),
             ("SELECT article, name FROM places WHERE 1", "article", "p"),
             ("SELECT article, value FROM dates WHERE 1 AND type = 'DATE'"
              " AND length(value) = 10", "article", "d")]
    for sql, column, fam in parts:
        if sql.split(" FROM ")[1].split()[0] not in store.kinds:
            continue
        for art, value in selected(sql, column):
            a = arts.get(art)
            if a is not None and value:
                a.counts[f"{fam}:{value}"] += 1
    return list(arts.values())


def _load_df(store: Store, terms: Iterable[str]) -> tuple[dict[str, int], int]:
    """The stored document frequencies of ``terms`` (those the grouping will weigh, not
    the whole vocabulary) and the number of articles they count."""
    df = {r[0]: r[1] for r in store._by_ids("SELECT term, df FROM story_terms"
                                             " WHERE term IN ({})", sorted(set(terms)))}
    row = store.db.execute("SELECT value FROM meta WHERE key = 'story_articles'").fetchone()
    return df, int(row[0]) if row else 0


def _load_stories(store: Store, near: tuple[dt.date, dt.date] | None) -> dict[str, Story]:
    sql = "SELECT id, first, last, articles, centroid FROM stories"
    args: list[str] = []
    if near is not None:
        sql += " WHERE last >= ? AND first <= ?"
        args = [near[0].isoformat(), near[1].isoformat()]
    return {r[0]: Story(r[0], dt.date.fromisoformat(r[1]), dt.date.fromisoformat(r[2]), r[3],
                        json.loads(r[4])) for r in store.db.execute(sql, args)}


def has_tables(store: Store) -> bool:
    """Whether the store has the story tables (a store made before them, opened
    read-only, has not)."""
    return store.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_articles'"
                            ).fetchone() is not None


@dataclass
class GroupingSummary:
    """What one grouping did: articles grouped, stories opened, stories changed."""

    grouped: int = 0
    opened: int = 0
    changed: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"grouped": self.grouped, "opened": self.opened, "changed": self.changed}


def update_stories(store: Store, settings: StorySettings | None = None, *,
                   rebuild: bool = False) -> GroupingSummary:
    """Group the stored articles that are not in a story yet (or whose text changed
    since), against the stored stories, and write the result in one transaction.
    With ``rebuild``, forget every story and group all articles afresh (the result
    then depends only on the stored articles). The caller holds the writer lock."""
    cfg = settings or StorySettings()
    q = store.db.execute
    if rebuild:
        pending = None
    else:
        pending = [r[0] for r in q(
            "SELECT a.rowid FROM articles a LEFT JOIN story_articles sa ON sa.article = a.id"
            " WHERE sa.article IS NULL OR sa.text_hash <> a.text_hash")]
        if not pending:
            return GroupingSummary()
    new = read_terms(store, pending)
    summary = GroupingSummary()
    if not new:
        return summary
    fresh = [a for a in new if a.duplicate_of is None or a.duplicate_of == a.id]
    if not rebuild:   # re-grouped articles (text changed): their old terms are unknown
        stale = {r[0] for r in store._by_ids(
            "SELECT article FROM story_articles WHERE article IN ({})", [a.id for a in fresh])}
        fresh_new = [a for a in fresh if a.id not in stale]
    else:
        fresh_new = fresh
    added: Counter[str] = Counter()
    for a in fresh_new:
        added.update(a.counts.keys())
    days = [a.published for a in new]
    reach = dt.timedelta(days=math.ceil(cfg.reach) + 1)
    stories = {} if rebuild else _load_stories(store, (min(days) - reach, max(days) + reach))
    if not rebuild:   # the stories that re-grouped articles opened, whatever their dates
        seeds = {story_id(a.id) for a in new} - stories.keys()
        stories.update(_load_all(store, sorted(seeds)))
    before = {k: (s.first, s.last, s.size) for k, s in stories.items()}
    known: dict[str, str] = {}
    reps = {a.duplicate_of for a in new if a.duplicate_of and a.duplicate_of != a.id}
    if reps and not rebuild:
        known = {r[0]: r[1] for r in store._by_ids(
            "SELECT article, story FROM story_articles WHERE article IN ({})", sorted(reps))}
        missing = {known[r] for r in reps if r in known} - stories.keys()
        if missing:
            stories.update({k: v for k, v in _load_all(store, missing).items()})
            before.update({k: (s.first, s.last, s.size) for k, s in stories.items()
                           if k in missing})
    if rebuild:
        df: dict[str, int] = {}
        n = 0
    else:   # the terms this grouping weighs: the new articles' and the near stories'
        df, n = _load_df(store, [*(t for a in new for t in a.counts),
                                 *(t for x in stories.values() for t in x.centroid)])
    for t, c in added.items():
        df[t] = df.get(t, 0) + c
    n += len(fresh_new)
    result = assign(new, stories, Idf(df, n), cfg, known)
    changed = {x.story for x in result}
    summary.grouped = len(result)
    summary.opened = sum(1 for k in changed if k not in before)
    summary.changed = len(changed)
    with store.db:
        if rebuild:
            q("DELETE FROM stories")
            q("DELETE FROM story_articles")
            q("DELETE FROM story_terms")
        q("INSERT OR REPLACE INTO meta VALUES ('story_articles', ?)", (str(n),))
        q("INSERT OR REPLACE INTO meta VALUES ('story_settings', ?)",
          (json.dumps({"threshold": cfg.threshold, "decay_days": cfg.decay_days,
                       "weights": list(cfg.weights)}),))
        store.db.executemany(
            "INSERT INTO story_terms VALUES (?, ?) ON CONFLICT(term) DO UPDATE"
            " SET df = df + excluded.df", sorted(added.items()) if not rebuild else
            sorted(df.items()))
        store.db.executemany("INSERT OR REPLACE INTO story_articles VALUES (?, ?, ?, ?, ?)",
                             [(x.article, x.story, x.how, x.score, x.text_hash)
                              for x in result])
        for k in sorted(changed):
            s = stories.get(k)
            if s is None:
                continue
            q("INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?)",
              (k, s.first.isoformat(), s.last.isoformat(), s.size,
               json.dumps(s.centroid, separators=(",", ":"), sort_keys=True)))
    return summary


def _load_all(store: Store, ids: Iterable[str]) -> dict[str, Story]:
    return {r[0]: Story(r[0], dt.date.fromisoformat(r[1]), dt.date.fromisoformat(r[2]), r[3],
                        json.loads(r[4])) for r in store._by_ids(
        "SELECT id, first, last, articles, centroid FROM stories WHERE id IN ({})", list(ids))}


def regroup(store: Store, settings: StorySettings | None = None) -> GroupingSummary:
    """Forget every story and group all stored articles afresh (``--rebuild``)."""
    return update_stories(store, settings, rebuild=True)


def pending_count(store: Store) -> int:
    """How many stored articles are not in a story (or changed since they were put in
    one); 0 when the store has no story tables."""
    if not has_tables(store):
        return store.count()
    return store.db.execute(
        "SELECT count(*) FROM articles a LEFT JOIN story_articles sa ON sa.article = a.id"
        " WHERE sa.article IS NULL OR sa.text_hash <> a.text_hash").fetchone()[0]


# -- reading stories ------------------------------------------------------------------


@dataclass
class StorySummary:
    """One story as listed: id, first and last publication dates, ``size`` (articles,
    each near-duplicate group once unless asked otherwise), ``copies`` (flagged
    near-duplicates it also holds), the most named people, organisations, places and
    event types with their counts (mentions in its articles), its top words (heaviest in
    its centroid, weighted by idf), and, with a query, how many of its articles match it."""

    id: str
    first: str
    last: str
    size: int
    copies: int
    people: list[tuple[str, int]]
    organisations: list[tuple[str, int]]
    places: list[tuple[str, int]]
    event_types: list[tuple[str, int]]
    words: list[str]
    matching: int | None = None
    articles: list[dict[str, Any]] | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "first": self.first, "last": self.last, "size": self.size,
               "copies": self.copies,
               "people": [{"name": k, "mentions": v} for k, v in self.people],
               "organisations": [{"name": k, "mentions": v} for k, v in self.organisations],
               "places": [{"name": k, "mentions": v} for k, v in self.places],
               "event_types": [{"type": k, "mentions": v} for k, v in self.event_types],
               "words": self.words}
        if self.matching is not None:
            out["matching"] = self.matching
        if self.articles is not None:
            out["articles"] = self.articles
        return out


def _members(store: Store, story: str, include_duplicates: bool) -> list[sqlite3.Row]:
    flagged = ("" if include_duplicates else
               " AND sa.how <> 'duplicate'")
    return store.db.execute(
        "SELECT a.rowid, a.id, a.published, a.title, sa.how, sa.score FROM story_articles sa"
        " JOIN articles a ON a.id = sa.article"
        f" WHERE sa.story = ?{flagged} ORDER BY a.published, a.id", (story,)).fetchall()


def _top(store: Store, sql: str, rowids: list[int], top: int) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for chunk in _chunks(rowids):
        for name, n in store.db.execute(sql.format(", ".join("?" * len(chunk))), list(chunk)):
            if name:
                counts[name] += n
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def summarise(store: Store, story: str, *, top: int = 5, include_duplicates: bool = False,
              with_articles: bool = False) -> StorySummary | None:
    """The :class:`StorySummary` of ``story``, or None when there is no such story."""
    if not has_tables(store):
        return None
    row = store.db.execute("SELECT id, first, last, centroid FROM stories WHERE id = ?",
                           (story,)).fetchone()
    if row is None:
        return None
    members = _members(store, story, include_duplicates=True)
    copies = sum(1 for m in members if m["how"] == "duplicate")
    kept = [m for m in members if include_duplicates or m["how"] != "duplicate"]
    rowids = [m["rowid"] for m in kept]
    aliased = ("SELECT coalesce(al.canonical, e.canonical), count(*) FROM entities e"
               " LEFT JOIN aliases al ON al.alias = e.canonical AND al.label = e.label"
               " WHERE e.label = '{label}' AND e.article IN ({{}})"
               " GROUP BY 1")
    people = _top(store, aliased.format(label="PERSON"), rowids, top)
    orgs = _top(store, aliased.format(label="ORG"), rowids, top)
    places = _top(store, "SELECT name, count(*) FROM places WHERE article IN ({})"
                  " AND coalesce(json_extract(extra, '$.adjectival'), 0) = 0 GROUP BY name",
                  rowids, top) if "places" in store.kinds else []
    events = _top(store, "SELECT type, count(*) FROM events WHERE article IN ({})"
                  " GROUP BY type", rowids, top) if "events" in store.kinds else []
    centroid = {t: v for t, v in json.loads(row["centroid"]).items() if t.startswith("w:")}
    df = {r[0]: r[1] for r in store._by_ids("SELECT term, df FROM story_terms"
                                             " WHERE term IN ({})", list(centroid))}
    n = store.db.execute("SELECT value FROM meta WHERE key = 'story_articles'").fetchone()
    idf = Idf(df, int(n[0]) if n else 0)
    top_words = [t[2:] for t, _ in sorted(((t, v * idf(t)) for t, v in centroid.items()),
                                          key=lambda kv: (-kv[1], kv[0]))[:top * 2]]
    first = min((m["published"] for m in kept), default=row["first"])
    last = max((m["published"] for m in kept), default=row["last"])
    arts = ([{"id": m["id"], "published": m["published"], "title": m["title"],
              "how": m["how"], "score": m["score"]} for m in kept] if with_articles else None)
    return StorySummary(row["id"], first[:10], last[:10], len(kept) if include_duplicates
                        else len(kept), copies, people, orgs, places, events, top_words,
                        articles=arts)


def list_stories(store: Store, query: str | None = None, *, limit: int = 20,
                 min_size: int = 1, top: int = 5, include_duplicates: bool = False,
                 start: dt.date | None = None, end: dt.date | None = None
                 ) -> tuple[list[StorySummary], int]:
    """``(stories, total)``: the ``limit`` largest stories (ties: earliest, then id) of at
    least ``min_size`` articles whose span meets ``start``..``end``, with their
    summaries, and how many there are. With an FTS5 ``query``, only the stories holding
    an article that matches it, the most matching first. Raises QueryError for a query
    FTS5 cannot parse."""
    if not has_tables(store):
        return [], 0
    q = store.db.execute
    dup = "" if include_duplicates else " AND sa.how <> 'duplicate'"
    where, args = ["1"], []
    if start:
        where.append("s.last >= ?")
        args.append(start.isoformat())
    if end:
        where.append("s.first <= ?")
        args.append(end.isoformat())
    matching: dict[str, int] = {}
    if query:
        check_query(query)
        try:
            rows = q("SELECT sa.story, count(*) FROM articles_fts f"
                     " JOIN articles a ON a.rowid = f.rowid"
                     " JOIN story_articles sa ON sa.article = a.id"
                     f" WHERE articles_fts MATCH ?{dup} GROUP BY sa.story", (query,)).fetchall()
        except sqlite3.OperationalError as exc:
            from dateline.store import QueryError

            raise QueryError(f"bad stories query {query!r}: {exc}") from None
        matching = {r[0]: r[1] for r in rows}
    sizes = q("SELECT s.id, s.first, count(sa.article) FROM stories s"
              f" JOIN story_articles sa ON sa.story = s.id{dup}"
              f" WHERE {' AND '.join(where)} GROUP BY s.id", args).fetchall()
    chosen = [(r[0], r[1], r[2]) for r in sizes if r[2] >= min_size
              and (not query or r[0] in matching)]
    chosen.sort(key=lambda r: (-matching.get(r[0], 0), -r[2], r[1], r[0]))
    out = []
    for sid, _, _ in chosen[:limit]:
        s = summarise(store, sid, top=top, include_duplicates=include_duplicates)
        if s is not None:
            if query:
                s.matching = matching.get(sid, 0)
            out.append(s)
    return out, len(chosen)


def story_article_ids(store: Store, story: str, include_duplicates: bool = False) -> list[str]:
    """Ids of the articles of ``story`` in publication order (flagged copies left out
    unless ``include_duplicates``); empty when there is no such story."""
    if not has_tables(store):
        return []
    return [m["id"] for m in _members(store, story, include_duplicates)]


def memberships(store: Store, start: str | None = None, end: str | None = None
                ) -> Iterator[tuple[Any, ...]]:
    """``(story, story_first, story_last, article_id, published, how, score)`` of every
    grouped article whose publication date is within ``start``..``end``, by story's
    first date, story id, then publication date (for ``dateline export stories``)."""
    if not has_tables(store):
        return
    where, args = [], []
    if start:
        where.append("a.published >= ?")
        args.append(start)
    if end:
        where.append("a.published <= ?")
        args.append(end)
    yield from (tuple(r) for r in store.db.execute(
        "SELECT s.id, s.first, s.last, a.id, a.published, sa.how, sa.score"
        " FROM story_articles sa JOIN stories s ON s.id = sa.story"
        " JOIN articles a ON a.id = sa.article"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY s.first, s.id, a.published, a.id", args))
