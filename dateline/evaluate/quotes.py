"""Quote attribution harness: PolNeAR (brat standoff) content and source scores.

Scoring, as defined in the shared data's quotes/ANCHORS.md (counts summed over
articles):

- Gold: each brat event whose anchor is an ``Attribution`` or
  ``Attribution-no-source`` span and that has a Content argument; its Content
  fragments form the content, its Source fragments the source. Where an article
  has several annotators' files, the one whose annotator id sorts first is used.
- Content overlap: one-to-one pairing of system quotes and gold attributions
  whose content character sets intersect, largest overlap first.
  P = pairs / system quotes, R = pairs / gold attributions.
- Content exact: contents cover the same letters and digits (surrounding
  spaces and punctuation, quotation marks included, ignored); also one-to-one.
- Source: among the overlap pairs, those whose source spans overlap (or where
  both have no source). P = such pairs / system quotes, R = / gold.

A system quote's content is its ``parts`` (list of ``[start, end]``) when the
extractor gives them (a quote split by "he said"), else ``[start, end]``; its
source is ``[speaker_start, speaker_end]`` or none.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from dateline.evaluate import folds as F
from dateline.evaluate.scoring import prf

Chars = frozenset[int]


@dataclass(frozen=True)
class Attribution:
    """One attribution as character sets: what was said and who said it."""

    content: Chars
    source: Chars


def _span_chars(fragments: list[tuple[int, int]]) -> Chars:
    """The set of character offsets covered by ``fragments`` (end exclusive)."""
    out: set[int] = set()
    for s, e in fragments:
        out.update(range(s, e))
    return frozenset(out)


def parse_ann(path: Path) -> list[Attribution]:
    """Gold attributions (with a content span) of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not parts or not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            label, _, rest = parts[1].partition(" ")
            frags = []
            for frag in rest.split(";"):
                a, b = frag.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = (label, frags)
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append([tuple(a.split(":", 1)) for a in parts[1].split()])  # type: ignore[misc]
    out = []
    for args in events:
        anchor_role, anchor_id = args[0]
        anchor = spans.get(anchor_id)
        if anchor is None or anchor[0] not in ("Attribution", "Attribution-no-source"):
            continue
        content: list[tuple[int, int]] = []
        source: list[tuple[int, int]] = []
        for role, tid in args[1:]:
            role = role.rstrip("0123456789")
            if tid not in spans:
                continue
            if role == "Content":
                content.extend(spans[tid][1])
            elif role == "Source":
                source.extend(spans[tid][1])
        if content:
            out.append(Attribution(_span_chars(content), _span_chars(source)))
    return out


def load_article(folder: Path) -> tuple[str, list[Attribution]] | None:
    """The text and gold attributions of one PolNeAR article folder (first annotator)."""
    txts = sorted(folder.glob("*.txt"))
    anns = sorted(folder.glob("*.ann"), key=lambda p: p.stem.rsplit("_", 1)[-1])
    if not txts or not anns:
        return None
    return txts[0].read_text(encoding="utf-8"), parse_ann(anns[0])


def system_attributions(quotes: list[dict]) -> list[Attribution]:
    """Convert extractor quote records to character-set attributions."""
    out = []
    for q in quotes:
        parts = q.get("parts") or [[q["start"], q["end"]]]
        content = _span_chars([(int(s), int(e)) for s, e in parts])
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            source = _span_chars([(q["speaker_start"], q["speaker_end"])])
        else:
            source = frozenset()
        if content:
            out.append(Attribution(content, source))
    return out


def _alnum(chars: Chars, text: str) -> Chars:
    """The offsets in ``chars`` that hold a letter or digit."""
    return frozenset(i for i in chars if i < len(text) and text[i].isalnum())


@dataclass
class Counts:
    """Summed counts behind the precision/recall figures."""

    system: int = 0
    gold: int = 0
    overlap: int = 0
    exact: int = 0
    source: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        self.system += other.system
        self.gold += other.gold
        self.overlap += other.overlap
        self.exact += other.exact
        self.source += other.source


def score_article(text: str, system: list[Attribution], gold: list[Attribution]) -> Counts:
    """Count overlap, exact and source matches of ``system`` against ``gold``."""
    c = Counts(system=len(system), gold=len(gold))
    # Content overlap: greedy one-to-one, largest intersection first.
    cand = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            n = len(s.content & g.content)
            if n:
                cand.append((-n, i, j))
    cand.sort()
    used_s: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in cand:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        c.overlap += 1
        s, g = system[i], gold[j]
        if (not s.source and not g.source) or (s.source & g.source):
            c.source += 1
    # Content exact: one-to-one on identical letter/digit offsets.
    gold_keys: dict[Chars, int] = {}
    for g in gold:
        k = _alnum(g.content, text)
        gold_keys[k] = gold_keys.get(k, 0) + 1
    for s in system:
        k = _alnum(s.content, text)
        if gold_keys.get(k, 0) > 0:
            gold_keys[k] -= 1
            c.exact += 1
    return c


def score(counts: Mapping[str, float]) -> dict[str, float]:
    """F1 of content overlap, source and content exact from summed :class:`Counts`."""
    sys_, gold = counts.get("system", 0), counts.get("gold", 0)
    return {f"{k}_f1": prf(counts.get(k, 0), sys_, gold).f
            for k in ("overlap", "source", "exact")}


#: The figures ``--folds`` prints, with their column titles.
METRICS = (("overlap_f1", "overlap F1"), ("source_f1", "source F1"), ("exact_f1", "exact F1"))


def evaluate_units(data: Path, limit: int | None = None,
                   configs: Mapping[str, Any] | None = None
                   ) -> tuple[dict[str, Counts], float]:
    """Run the quotes extractor (with ``configs`` replacing declared configurations)
    on the PolNeAR articles under ``data``: each article's counts keyed by its folder
    name, and the seconds per article spent in spaCy plus the extractors.

    ``data`` may be the split folder (e.g. ``polnear/dev``) or the PolNeAR
    folder (then ``dev`` is used).
    """
    import datetime as dt

    from dateline.extract import run_extractors
    from dateline.nlp import load_model

    if (data / "dev").is_dir():
        data = data / "dev"
    folders = sorted(p for p in data.iterdir() if p.is_dir())
    if limit:
        folders = folders[:limit]
    nlp = load_model()
    units: dict[str, Counts] = {}
    elapsed = 0.0
    for folder in folders:
        loaded = load_article(folder)
        if loaded is None:
            continue
        text, gold = loaded
        t0 = time.perf_counter()
        doc = nlp(text)
        quotes = run_extractors(doc, dt.date(2016, 1, 1), only=("quotes",), text=text,
                                configs=configs)["quotes"]
        elapsed += time.perf_counter() - t0
        units[folder.name] = score_article(text, system_attributions(quotes), gold)
    return units, (elapsed / len(units) if units else 0.0)


def evaluate(data: Path, limit: int | None = None) -> tuple[Counts, int, float]:
    """The counts of :func:`evaluate_units` summed over articles, the number of
    articles and the seconds per article."""
    units, secs = evaluate_units(data, limit)
    total = Counts()
    for c in units.values():
        total.add(c)
    return total, len(units), secs


#: BBC Citron's figures on PolNeAR dev as measured with this scoring (ANCHORS.md).
CITRON = {"content exact": (0.479, 0.227, 0.308), "content overlap": (0.939, 0.445, 0.604),
          "source": (0.796, 0.377, 0.512)}


@click.command("quotes")
@click.option("--data", "data", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="PolNeAR folder or one split of it (e.g. .../quotes/polnear/dev).")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--cues", type=click.Choice(["all", "speech"]), default="all", show_default=True,
              help="The quotes setting `cues` scored: PolNeAR annotates attributions of thought, "
                   "wish and intention as well as speech (all); Dateline's default keeps speech only.")
@F.fold_options
def command(data: Path, limit: int | None, cues: str, folds: int | None, seed: int,
            grid: tuple[str, ...]) -> None:
    """Score the quotes extractor on PolNeAR: content exact/overlap and source P/R/F1."""
    from dateline.extract.quotes import QuoteConfig

    F.check_options(folds, grid)
    units, secs = evaluate_units(data, limit, {"quotes": QuoteConfig(cues=cues)})
    c, n = Counts(), len(units)
    for one in units.values():
        c.add(one)
    click.echo(f"articles {n}  gold attributions {c.gold}  system quotes {c.system}  "
               f"time/article {secs:.3f} s (spaCy + sentences + entities + quotes; cues={cues})")
    click.echo(f"{'metric':<17}{'P':>7}{'R':>7}{'F1':>7}   {'Citron P/R/F1':>18}")
    for name, hit in (("content exact", c.exact), ("content overlap", c.overlap), ("source", c.source)):
        p, r, f = prf(hit, c.system, c.gold)
        cp, cr, cf = CITRON[name]
        click.echo(f"{name:<17}{p:7.3f}{r:7.3f}{f:7.3f}   {cp:.3f}/{cr:.3f}/{cf:.3f}")
    if folds:
        def run(combo: F.Combo) -> dict[str, dict[str, int]]:
            configs = dict(F.extractor_configs(combo))
            if "extract.quotes.cues" not in dict(combo):
                configs["quotes"] = dataclasses.replace(configs.get("quotes", QuoteConfig()), cues=cues)
            return {k: dataclasses.asdict(v) for k, v in
                    evaluate_units(data, limit, configs)[0].items()}

        F.run_folds(run, score, METRICS, "article", folds, seed, grid,
                    first={k: dataclasses.asdict(v) for k, v in units.items()})
