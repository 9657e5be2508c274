"""Audits of a store on real news: a sample for a person to judge, and the precision
of a judged sample.

:func:`sample` (or one function per kind: :func:`audit_quotes`, :func:`audit_places`,
:func:`audit_amounts`, :func:`audit_events`, :func:`audit_entities`) draws the items;
:func:`write_template` writes them as a TSV file with an empty ``verdict`` column
(and ``note``) for the judge; :func:`read_verdicts` reads the judged file back into
a :class:`Verdicts`, whose precision is what ``dateline audit --verdicts`` prints.

Sampling: quotes, places, amounts and events are a uniform random sample of the
kind's stored rows, without replacement, drawn by :class:`random.Random` seeded with
``seed`` from the rows in ``rowid`` order, so the same store and seed give the same
sample. Entities are not sampled: they are the top ``n`` people and organisations by
mentions, under their store-wide names (the alias table), as ``dateline stats`` counts
them; each comes with its commonest surface forms and the sentence of its first
mention.

Verdicts: ``right`` / ``partly`` / ``wrong`` (entities: ``clean`` / ``unclean``; clean
counts as right, unclean as wrong). A blank verdict is not judged.
``precision`` = right / judged; ``lenient`` = (right + partly / 2) / judged.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.store import Store

#: Kinds that can be audited.
KINDS = ("events", "quotes", "places", "entities", "amounts", "dates")
#: Verdict values, and what each counts as.
VERDICTS = {"right": "right", "partly": "partly", "wrong": "wrong",
            "clean": "right", "unclean": "wrong"}
#: Sentences longer than this are shown as a window around the item.
MAX_SENTENCE = 600

#: Columns (and record members kept in ``extra``) shown for each sampled kind.
_FIELDS: dict[str, tuple[str, ...]] = {
    # "words": the quoted parts of a quotation its cue splits ('"A," she said, "B"'),
    # joined by " … ", which ``text`` (their whole span) shows with the cue between
    "quotes": ("speaker", "speaker_pronoun", "cue", "kind", "text", "words"),
    "places": ("text", "name", "country", "admin1", "kind", "lat", "lon", "adjectival"),
    "amounts": ("text", "value", "unit", "qualifier", "low", "high", "per"),
    "events": ("type", "mode", "text", "actor_text", "actor_country", "actor_sector",
               "target_text", "target_country", "target_sector", "place", "date",
               # "published": no date in the text, the publication day; "before": an act
               # told in the perfect, on or before that day
               "date_source"),
    # a date is judged against the article's publication date
    "dates": ("text", "type", "value", "published"),
}
#: The template's first columns; ``audit`` names the audited kind (items have a ``kind`` of their own).
_TEMPLATE_HEAD = ("n", "audit", "row", "article", "sentence")


@dataclass
class AuditItem:
    """One item to judge: the kind's own ``fields`` (column name to value), the
    sentence it came from (a window of it when long) and where it is stored (``row``
    is the rowid in the kind's table; for entities, the rank)."""

    kind: str
    row: int
    article: str
    sentence: int | None
    fields: dict[str, Any]
    sentence_text: str

    def as_dict(self) -> dict[str, Any]:
        """The item as a JSON-ready dict."""
        return asdict(self)

    def format(self, n: int) -> str:
        """The item as a block of text for a person, numbered ``n``."""
        where = f"article {self.article}" + (f", sentence {self.sentence}"
                                             if self.sentence is not None else "")
        lines = [f"[{n}] {self.kind} #{self.row} ({where})"]
        lines += [f"    {k}: {v}" for k, v in self.fields.items() if v not in (None, "")]
        lines.append(f"    sentence: {self.sentence_text}")
        return "\n".join(lines)


@dataclass
class Verdicts:
    """The verdicts of a judged file: counts per verdict (entities' clean/unclean
    counted as right/wrong) and the items left blank."""

    kind: str
    right: int = 0
    partly: int = 0
    wrong: int = 0
    unjudged: int = 0
    notes: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def judged(self) -> int:
        """Items with a verdict."""
        return self.right + self.partly + self.wrong

    @property
    def precision(self) -> float | None:
        """right / judged (None when nothing was judged)."""
        return self.right / self.judged if self.judged else None

    @property
    def lenient(self) -> float | None:
        """(right + partly / 2) / judged (None when nothing was judged)."""
        return (self.right + self.partly / 2) / self.judged if self.judged else None

    def as_dict(self) -> dict[str, Any]:
        """Counts and both precisions, as JSON-ready values."""
        return {"kind": self.kind, "right": self.right, "partly": self.partly,
                "wrong": self.wrong, "judged": self.judged, "unjudged": self.unjudged,
                "precision": self.precision, "lenient": self.lenient}

    def format(self) -> str:
        """One line for a person: counts and precision."""
        if not self.judged:
            return f"{self.kind}: nothing judged ({self.unjudged} items without a verdict)"
        good = "clean" if self.kind == "entities" else "right"
        line = (f"{self.kind}: {self.judged} judged: {self.right} {good}, "
                + (f"{self.partly} partly, " if self.kind != "entities" else "")
                + f"{self.wrong} {'unclean' if self.kind == 'entities' else 'wrong'}; "
                f"precision {self.precision:.3f}")
        if self.kind != "entities":
            line += f", lenient (partly as half) {self.lenient:.3f}"
        if self.unjudged:
            line += f"; {self.unjudged} without a verdict"
        return line


# ---------------------------------------------------------------------------
# Drawing samples


def _window(sentence: str, s_start: int, start: int | None, end: int | None) -> str:
    """``sentence`` on one line; when longer than :data:`MAX_SENTENCE`, the window of
    that length centred on the item ``[start, end)`` (article offsets), marked with …."""
    text = " ".join(sentence.split())
    if len(sentence) <= MAX_SENTENCE:
        return text
    mid = ((start if start is not None else s_start) + (end if end is not None else s_start)) // 2 - s_start
    lo = max(0, min(mid - MAX_SENTENCE // 2, len(sentence) - MAX_SENTENCE))
    piece = " ".join(sentence[lo:lo + MAX_SENTENCE].split())
    return ("… " if lo > 0 else "") + piece + (" …" if lo + MAX_SENTENCE < len(sentence) else "")


def _quoted_words(store: Store, article: int, parts: list | None) -> str | None:
    """The parts of a split quotation, joined by " … " (None when it has no parts)."""
    if not parts:
        return None
    text = store.db.execute("SELECT text FROM articles WHERE rowid = ?", (article,)).fetchone()[0]
    return " … ".join(text[s:e] for s, e in parts)


def _sampled(store: Store, kind: str, n: int, seed: int) -> list[AuditItem]:
    """``n`` random rows of ``kind`` (all when fewer), in the order drawn."""
    if kind not in store.kinds:
        return []
    rowids = [r[0] for r in store.db.execute(f"SELECT rowid FROM {kind} ORDER BY rowid")]
    chosen = random.Random(seed).sample(rowids, min(n, len(rowids)))
    names = _FIELDS[kind]
    out = []
    for rowid in chosen:
        row = store.db.execute(
            f"SELECT k.*, a.id AS article_id, a.published AS published, s.text AS s_text,"
            f" s.start AS s_start FROM {kind} k"
            " JOIN articles a ON a.rowid = k.article LEFT JOIN sentences s"
            " ON s.article = k.article AND s.sentence = k.sentence WHERE k.rowid = ?",
            (rowid,)).fetchone()
        keys = row.keys()
        extra = json.loads(row["extra"]) if row["extra"] else {}
        fields = {f: row[f] if f in keys else extra.get(f) for f in names}
        if "words" in fields:
            fields["words"] = _quoted_words(store, row["article"], extra.get("parts"))
        start = row["start"] if "start" in keys else None
        end = row["end"] if "end" in keys else None
        text = _window(row["s_text"] or "", row["s_start"] or 0, start, end)
        out.append(AuditItem(kind, rowid, row["article_id"], row["sentence"], fields, text))
    return out


def audit_quotes(store: Store, n: int = 50, seed: int = 0) -> list[AuditItem]:
    """A random sample of ``n`` stored quotes (speaker, speaker_pronoun, cue, kind,
    text), reproducible from ``seed``."""
    return _sampled(store, "quotes", n, seed)


def audit_places(store: Store, n: int = 50, seed: int = 0) -> list[AuditItem]:
    """A random sample of ``n`` stored place mentions (text, resolved name, country,
    admin1, kind, coordinates, adjectival), reproducible from ``seed``."""
    return _sampled(store, "places", n, seed)


def audit_amounts(store: Store, n: int = 50, seed: int = 0) -> list[AuditItem]:
    """A random sample of ``n`` stored amounts (text, value, unit, qualifier, and a
    range's low and high when stored), reproducible from ``seed``."""
    return _sampled(store, "amounts", n, seed)


def audit_events(store: Store, n: int = 50, seed: int = 0) -> list[AuditItem]:
    """A random sample of ``n`` stored event mentions (type, mode, trigger, actor,
    target, place, date and where it came from), reproducible from ``seed``."""
    return _sampled(store, "events", n, seed)


def audit_dates(store: Store, n: int = 50, seed: int = 0) -> list[AuditItem]:
    """A random sample of ``n`` stored time expressions (text, TimeML type, value) with
    their article's publication date, reproducible from ``seed``."""
    return _sampled(store, "dates", n, seed)


def audit_entities(store: Store, n: int = 50) -> list[AuditItem]:
    """The top ``n`` people and organisations by mentions under their store-wide
    names (ties by name), each with its label, mentions, articles, up to three
    commonest surface forms and the sentence of its first mention. ``row`` is the rank."""
    if "entities" not in store.kinds:
        return []
    name = "coalesce(al.canonical, e.canonical, e.text)"
    join = " LEFT JOIN aliases al ON al.alias = e.canonical AND al.label = e.label"
    tops = store.db.execute(
        f"SELECT {name} AS name, e.label, count(*) AS n, count(DISTINCT e.article) AS arts,"
        f" min(e.rowid) AS first FROM entities e{join} WHERE e.label IN ('PERSON', 'ORG')"
        " GROUP BY name, e.label ORDER BY n DESC, name, e.label LIMIT ?", (n,)).fetchall()
    out = []
    for rank, t in enumerate(tops, 1):
        forms = [r[0] for r in store.db.execute(
            f"SELECT e.text, count(*) AS c FROM entities e{join} WHERE {name} = ? AND e.label = ?"
            " GROUP BY e.text ORDER BY c DESC, e.text LIMIT 3", (t["name"], t["label"]))]
        first = store.db.execute(
            "SELECT a.id, e.sentence, e.start, e.\"end\", s.text, s.start AS s_start FROM entities e"
            " JOIN articles a ON a.rowid = e.article LEFT JOIN sentences s"
            " ON s.article = e.article AND s.sentence = e.sentence WHERE e.rowid = ?",
            (t["first"],)).fetchone()
        fields = {"name": t["name"], "label": t["label"], "mentions": t["n"],
                  "articles": t["arts"], "forms": " | ".join(forms)}
        text = _window(first["text"] or "", first["s_start"] or 0, first["start"], first["end"])
        out.append(AuditItem("entities", rank, first["id"], first["sentence"], fields, text))
    return out


def sample(store: Store, kind: str, n: int = 50, seed: int = 0) -> list[AuditItem]:
    """The items of ``kind`` to judge (see the module doc); ValueError for an unknown kind."""
    if n < 1:
        raise ValueError(f"the sample must hold at least one item, not {n}")
    if kind == "entities":
        return audit_entities(store, n)
    funcs = {"quotes": audit_quotes, "places": audit_places, "amounts": audit_amounts,
             "events": audit_events, "dates": audit_dates}
    if kind not in funcs:
        raise ValueError(f"cannot audit {kind!r}: choose one of {', '.join(KINDS)}")
    return funcs[kind](store, n, seed)


# ---------------------------------------------------------------------------
# The verdict file


def _cell(value: Any) -> str:
    """A value as one TSV cell: no tabs or line breaks; None as empty."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def write_template(items: list[AuditItem], path: str | Path) -> int:
    """Write ``items`` to ``path`` as a TSV verdict template (header: n, audit (the kind), row,
    article, sentence, the kind's fields, sentence_text, verdict, note; verdict and
    note empty). Returns the rows written."""
    fields: list[str] = []
    for it in items:
        fields += [f for f in it.fields if f not in fields]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow([*_TEMPLATE_HEAD, *fields, "sentence_text", "verdict", "note"])
        for i, it in enumerate(items, 1):
            w.writerow([i, it.kind, it.row, it.article, _cell(it.sentence),
                        *(_cell(it.fields.get(f)) for f in fields), _cell(it.sentence_text), "", ""])
    return len(items)


def read_verdicts(path: str | Path, kind: str | None = None) -> Verdicts:
    """The verdicts of a judged template. ``kind`` (when given) must be the file's;
    ValueError for a file without a ``verdict`` column, rows of several kinds, or a
    verdict that is not right / partly / wrong (entities: clean / unclean), naming
    the line. Verdicts are read case-insensitively; notes are kept with their row."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    if not rows:
        raise ValueError(f"{path}: no rows")
    if "verdict" not in rows[0] or "audit" not in rows[0]:
        raise ValueError(f"{path}: not a verdict file (it needs 'audit' and 'verdict' columns)")
    kinds = {r["audit"] for r in rows}
    if len(kinds) > 1:
        raise ValueError(f"{path}: rows of several kinds ({', '.join(sorted(kinds))})")
    file_kind = kinds.pop()
    if kind is not None and kind != file_kind:
        raise ValueError(f"{path}: holds {file_kind}, not {kind}")
    allowed = ("clean", "unclean") if file_kind == "entities" else ("right", "partly", "wrong")
    out = Verdicts(file_kind)
    for line, r in enumerate(rows, 2):
        v = (r.get("verdict") or "").strip().lower()
        if not v:
            out.unjudged += 1
            continue
        if v not in allowed:
            raise ValueError(f"{path}:{line}: verdict {v!r} is not one of {' / '.join(allowed)}")
        counted = VERDICTS[v]
        setattr(out, counted, getattr(out, counted) + 1)
        if (r.get("note") or "").strip():
            out.notes.append((int(r.get("n") or line - 1), v, r["note"].strip()))
    return out


__all__ = ["KINDS", "AuditItem", "Verdicts", "audit_amounts", "audit_dates", "audit_entities",
           "audit_events", "audit_places", "audit_quotes", "read_verdicts", "sample",
           "write_template"]
