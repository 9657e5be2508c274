"""The extractor registry: declarations, run order, and everything derived from them
(store tables, record order, fingerprints, --update staleness)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import dateline.extract as ex
from dateline.article import Article
from dateline.extract import Context, Extractor, extractor, registry, run_extractors, run_order
from dateline.store import Store


def _spec(name: str, *requires: str) -> Extractor:
    return Extractor(name=name, fn=lambda doc, ctx: None, module=__name__, requires=requires)


def test_importing_the_registry_loads_no_spacy() -> None:
    # The store, the CLI and the server read the declarations; parsing is the workers' job.
    code = ("import sys; from dateline.extract import registry; from dateline.store import Store;"
            " registry(); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_declared_kind_is_found_with_what_it_requires() -> None:
    specs = registry()
    assert set(specs) == {"sentences", "dates", "entities", "places", "quotes", "amounts",
                          "events", "tone"}
    order = list(specs)
    for spec in specs.values():   # each runs after what it reads
        assert all(order.index(r) < order.index(spec.name) for r in spec.requires)
    assert specs["events"].requires == ("sentences", "entities", "places", "dates")
    assert specs["tone"].storage == "article" and specs["sentences"].storage == "sentences"


def test_run_order_follows_requires_then_names() -> None:
    declared = {s.name: s for s in (_spec("c", "a"), _spec("b"), _spec("a"), _spec("d", "b", "c"))}
    assert [s.name for s in run_order(declared)] == ["a", "b", "c", "d"]
    # the order of declaration does not matter
    assert [s.name for s in run_order(dict(reversed(declared.items())))] == ["a", "b", "c", "d"]


def test_run_order_refuses_a_cycle_or_a_missing_requirement() -> None:
    with pytest.raises(ValueError, match="cycle"):
        run_order({"a": _spec("a", "b"), "b": _spec("b", "a")})
    with pytest.raises(ValueError, match="requires .*'z'"):
        run_order({"a": _spec("a", "z")})


def test_column_types_come_from_the_declaration() -> None:
    places = registry()["places"]
    assert places.column_type("lat") == "REAL"
    assert places.column_type("start") == "INTEGER"     # shared by every kind
    assert places.column_type("name") == "TEXT"          # the default
    assert registry()["events"].column_type("actor.country") == "TEXT"


def test_fingerprint_changes_with_the_configuration() -> None:
    @dataclasses.dataclass(frozen=True)
    class Cfg:
        threshold: float = 0.5

    spec = dataclasses.replace(registry()["amounts"], config=Cfg())
    assert spec.fingerprint() == spec.fingerprint(Cfg())
    assert spec.fingerprint(Cfg(0.6)) != spec.fingerprint()


@pytest.fixture
def shouts() -> Iterator[str]:
    """A kind declared at run time, as a new module would declare it: exclamations."""

    @dataclasses.dataclass(frozen=True)
    class ShoutConfig:
        mark: str = "!"

    @extractor("shouts", requires=("sentences",), columns=("text", "start", "end", "sentence"),
               config=ShoutConfig())
    def extract(doc: object, ctx: Context) -> list[dict]:
        out = []
        for s in ctx.results["sentences"]:
            if ctx.text[s["start"]:s["end"]].endswith(ctx.config.mark):
                out.append({"text": ctx.text[s["start"]:s["end"]], "start": s["start"],
                            "end": s["end"], "sentence": ctx.sentence_of(s["start"]),
                            "loud": True})
        return out

    yield "shouts"
    del ex._DECLARED["shouts"]
    ex._registry.cache_clear()


def test_a_new_kind_is_run_stored_and_read_back_without_other_changes(
        shouts: str, tmp_path: Path) -> None:
    from dateline.extract import build_record
    from dateline.nlp import load_model

    text = "The talks failed. Nobody expected that! Envoys left on Friday."
    article = Article(text=text, published=dt.date(2018, 9, 7), id="s1")
    record = build_record(load_model()(text), article)
    assert list(record)[-1] == "shouts"          # after the documented fields
    assert record["shouts"] == [{"text": "Nobody expected that!", "start": 18, "end": 39,
                                 "sentence": 1, "loud": True}]
    with Store(tmp_path / "s.db") as store:
        assert "shouts" in store.kinds             # its table was made from the declaration
        store.write([(record, {"text_hash": article.hash, "origin": "t",
                               "extractor_version": "x"})])
        assert store.record("s1") == record        # "loud" came back through the extra JSON
        assert store.stats()["shouts"] == 1
    only = run_extractors(load_model()(text), dt.date(2018, 9, 7), only=["shouts"])
    assert set(only) == {"sentences", "shouts"}


def test_an_older_store_gains_the_table_of_a_new_kind(shouts: str, tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    del ex._DECLARED["shouts"]
    ex._registry.cache_clear()
    with Store(db) as store:
        assert "shouts" not in store.kinds
    ex._DECLARED["shouts"] = Extractor(name="shouts", fn=lambda d, c: [], module=__name__,
                                       requires=("sentences",), columns=("text",))
    ex._registry.cache_clear()
    with Store(db, readonly=True) as store:        # reading does not change the file
        assert "shouts" not in store.kinds
    with Store(db) as store:
        assert "shouts" in store.kinds


def test_update_reextracts_what_another_fingerprint_extracted(tmp_path: Path) -> None:
    from dateline.ingest import ingest
    from dateline.pipeline import extract_fingerprint
    from dateline.read import ReadOptions

    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a1", "published": "2018-09-07", "text": "Envoys met in Geneva."}\n')
    with Store(tmp_path / "u.db") as store:
        assert ingest([str(src)], store, options=ReadOptions()).stored == 1
        assert store.lookup("a1")[1] == extract_fingerprint()
        assert ingest([str(src)], store, update=True).updated == 0    # same fingerprint
        store.db.execute("UPDATE articles SET extractor_version = 'older rules'")
        store.db.commit()
        assert ingest([str(src)], store, update=True).updated == 1
        assert store.lookup("a1")[1] == extract_fingerprint()
