"""Test helpers: small articles of our own, written for the tests, and a CLI runner.

Imported by name (``from dateline_testing import ...``): pytest puts this folder on
``sys.path``, and a package called ``tests`` may be installed by other projects.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ARTICLE = (
    "date 2018-09-04\n"
    "Jets strike southern Idlib\n\n"
    "Russian jets struck villages in southern Idlib on Tuesday, monitors said.\n\n"
    "Turkey warned on Monday that an offensive would send refugees to its border."
)


def joined(sentences: list[str]) -> tuple[str, list[dict]]:
    """``sentences`` joined by single spaces, and each sentence's ``start``/``end``
    span in that text (as a record's ``sentences`` member holds them)."""
    spans, pos = [], 0
    for s in sentences:
        spans.append({"start": pos, "end": pos + len(s)})
        pos += len(s) + 1
    return " ".join(sentences), spans


def amounts_of(nlp: Any, text: str) -> list[dict]:
    """The amounts extracted from ``text`` (published 2020-01-01), each checked to
    quote the text at its offsets and to hold no internal ``_`` member."""
    import datetime as dt

    from dateline.extract import run_extractors

    out = run_extractors(nlp(text), dt.date(2020, 1, 1), only=("amounts",), text=text)["amounts"]
    for a in out:
        assert text[a["start"]:a["end"]] == a["text"]
        assert not any(k.startswith("_") for k in a), a
    return out


def the_amount(amounts: list[dict], value: Any) -> dict:
    """The one amount of ``value`` among ``amounts`` (fails unless there is exactly one)."""
    found = [a for a in amounts if a["value"] == value]
    assert len(found) == 1, amounts
    return found[0]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    """Write ``rows`` as JSON Lines to ``path``."""
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def many_articles(n: int, prefix: str = "art") -> list[dict]:
    """``n`` distinct short dated articles."""
    return [{"id": f"{prefix}-{i}", "published": f"2018-09-{1 + i % 28:02d}",
             "text": f"Story number {i}. Officials in Ankara met envoys on Monday to discuss "
                     f"Idlib, where {1000 + i} families fled this week."} for i in range(n)]


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run ``dateline ARGS`` as a real subprocess; return the completed process."""
    full_env = {k: v for k, v in os.environ.items() if k != "DATELINE_DB"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], cwd=cwd,
                          env=full_env, input=input, capture_output=True, timeout=300)


#: The publication date the events tests resolve their sentences against (a Wednesday).
EVENTS_PUBLISHED = dt.date(2021, 3, 10)


def events_of(nlp: Any, text: str, **results: Any) -> list[dict]:
    """The events extractor's output on ``text`` parsed by ``nlp``, published on
    EVENTS_PUBLISHED, with the sentence starts set and earlier extractors' ``results``
    given, as the pipeline calls it."""
    from dateline.extract import Context
    from dateline.extract.events import extract

    doc = nlp(text)
    ctx = Context(published=EVENTS_PUBLISHED, text=text)
    ctx.sentence_starts = [s.start_char for s in doc.sents]
    ctx.results.update(results)
    return extract(doc, ctx)


def places_of(nlp: Any, text: str, published: dt.date) -> list[dict]:
    """The places of ``text`` published on ``published``, with the entities extractor
    run first, as a store runs them."""
    from dateline.extract import run_extractors

    return run_extractors(nlp(text), published, only=("entities", "places"), text=text)["places"]


def found_near(places: list[dict], mention: str, lat: float, lon: float, km: float) -> bool:
    """Whether the first of ``places`` with the text ``mention`` lies within ``km`` of
    (``lat``, ``lon``)."""
    from dateline.gazetteer import haversine_km

    found = [p for p in places if p["text"] == mention]
    return bool(found) and haversine_km(found[0]["lat"], found[0]["lon"], lat, lon) < km


def entity_records(text: str, items: list[tuple[str, str]]) -> list[dict]:
    """Entity records for (mention, label), each at its first occurrence after the last
    one's start, as the entities extractor would give them (canonical = the mention)."""
    out, pos = [], 0
    for mention, label in items:
        start = text.index(mention, pos)
        out.append({"text": mention, "start": start, "end": start + len(mention), "sentence": 0,
                    "label": label, "canonical": mention})
        pos = start + 1
    return out


def quotes_of(nlp: Any, text: str, ents: list[dict] | None = None,
              cues: str | None = None) -> list[dict]:
    """The quotes extractor alone on ``text`` (published 2020-01-01) with entity records
    ``ents`` (none when None) and, when given, the ``cues`` setting; every quote's offsets
    are checked against its text."""
    from dateline.extract import Context
    from dateline.extract.quotes import QuoteConfig, extract

    doc = nlp(text)
    ctx = Context(published=dt.date(2020, 1, 1), text=text,
                  sentence_starts=[s.start_char for s in doc.sents])
    ctx.results["entities"] = ents or []
    if cues is not None:
        ctx.config = QuoteConfig(cues=cues)
    out = extract(doc, ctx)
    for q in out:
        assert text[q["start"]:q["end"]] == q["text"]
    return out


def write_store(path: Path, records: list[dict]) -> Path:
    """A store at ``path`` holding ``records`` as written (no extraction), each stored
    with its id as text hash; returns ``path``."""
    from dateline.store import Store

    with Store(path) as store:
        store.write([(r, {"text_hash": r["id"], "origin": "test", "extractor_version": "t"})
                     for r in records])
    return path
