"""Extractors and their registry: each record field is filled by one extractor,
declared once, in its own module, with :func:`extractor`.

A declaration says everything the rest of Dateline needs to know about a kind::

    @extractor("amounts", requires=("sentences",),
               columns=("text", "start", "end", "sentence", "value", "unit", "qualifier"),
               types={"value": ""}, data=("amounts_lexicon.tsv",))
    def extract(doc: Doc, ctx: Context) -> list[dict]: ...

- ``requires``: the fields it reads from ``ctx.results``; the run order is derived
  from these (:func:`registry`), never from import order.
- ``columns`` and ``types``: how the store keeps its items (one table per kind, one
  column per member; members without a column go to the row's ``extra`` JSON).
  ``storage`` says where a kind that is not a list of items goes ("article": a column
  of ``articles``; "sentences": the built-in sentence table).
- ``config``: a frozen dataclass instance with the extractor's defaults; the value in
  force reaches the function as ``ctx.config`` (settings may override it).
- ``code``, ``data`` and ``packages``: what its output depends on besides its own
  module (other modules or packages of Dateline, tables in ``dateline/data``,
  installed distributions); they are hashed into its :attr:`Extractor.fingerprint`,
  which ``ingest --update`` compares to decide what to re-extract.

Every module of this package is imported by :func:`registry`, so adding a kind is
adding a module. Modules here must stay cheap to import (no spaCy, numpy or data
at import time: the store, the CLI and the web server read the declarations
without parsing anything); ``tests/test_registry.py`` checks it.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import hashlib
import heapq
import importlib
import importlib.metadata
import importlib.util
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.article import Article
    from dateline.normalise import Normalised

#: Where the curated data tables live (``data=`` names files in it).
_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Column types shared by every kind (SQLite affinities); a kind's ``types`` add to them.
COMMON_TYPES: Mapping[str, str] = {"start": "INTEGER", "end": "INTEGER", "sentence": "INTEGER"}

STORAGES = ("table", "article", "sentences")


@dataclass(frozen=True)
class NoConfig:
    """The configuration of an extractor that has no settings."""


@dataclass
class Context:
    """What an extractor may know besides the parsed document.

    ``results`` holds the fields of the extractors that ran before (those named in
    ``requires`` are guaranteed to be there); ``config`` is the running extractor's
    configuration; ``sentence_starts`` the start offsets of the sentences once the
    sentence splitter has run; ``turns`` the transcript turns the normalisation stage
    found (:class:`dateline.normalise.Turn`). ``text`` and every offset are those of the
    normalised text (what spaCy parsed); the record maps them back to the article's.
    """

    published: dt.date
    text: str
    sentence_starts: list[int] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)
    config: Any = None
    turns: list[Any] = field(default_factory=list)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that contains character ``offset``."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)


ExtractFn = Callable[["Doc", Context], Any]


def doc_memo(doc: Doc, key: str, make: Callable[[Doc], Any]) -> Any:
    """``make(doc)``, computed once per document and kept in ``doc.user_data`` under
    ``key`` (a name of the caller's: "dateline.<module>.<what>"): what an extractor derives
    from the whole document and reads again per token or mention."""
    if key not in doc.user_data:
        doc.user_data[key] = make(doc)
    return doc.user_data[key]


def doc_text(doc: Doc) -> str:
    """The text of ``doc``, made once per document: spaCy's ``Doc.text`` joins every
    token each time it is read, so reading it once per token or per mention makes an
    extractor quadratic in the article's length."""
    text: str = doc_memo(doc, "dateline.text", lambda d: d.text)
    return text


def _source_files(module: str) -> list[Path]:
    """The Python files of ``module`` (all of them, recursively, for a package)."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise LookupError(f"no module named {module!r}")
    origin = Path(spec.origin)
    if origin.name == "__init__.py":
        return sorted(origin.parent.rglob("*.py"))
    return [origin]


def _digest(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class Extractor:
    """The declaration of one extractor: the record field it assigns and all the
    facts the pipeline, the store and the interfaces derive from it."""

    name: str
    fn: ExtractFn
    module: str
    requires: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    types: Mapping[str, str] = field(default_factory=dict)
    storage: str = "table"
    splits_sentences: bool = False
    config: Any = NoConfig()
    code: tuple[str, ...] = ()
    data: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()
    doc: str = ""

    @property
    def assigns(self) -> str:
        """The record field this extractor fills (its name)."""
        return self.name

    def column_type(self, member: str) -> str:
        """SQLite type of the column that keeps ``member`` ("" for none, TEXT by default)."""
        column = member.replace(".", "_")
        return self.types.get(column, COMMON_TYPES.get(column, "TEXT"))

    @functools.cached_property
    def code_fingerprint(self) -> str:
        """Hash of what the output depends on apart from the configuration: the
        declaration, its module's source, the ``code`` modules, the ``data`` tables
        and the versions of the ``packages``."""
        parts = [repr((self.name, self.requires, self.columns, sorted(self.types.items()),
                       self.storage)).encode()]
        for module in (self.module, *self.code):
            parts += [p.read_bytes() for p in _source_files(module)]
        parts += [(_DATA_DIR / name).read_bytes() for name in self.data]
        parts += [f"{p}=={importlib.metadata.version(p)}".encode() for p in self.packages]
        return _digest(parts)

    def fingerprint(self, config: Any = None) -> str:
        """Hash of :attr:`code_fingerprint` and the configuration in force
        (``config``, else the declared defaults): equal fingerprints give equal output."""
        return _digest([self.code_fingerprint.encode(),
                        repr(self.config if config is None else config).encode()])


_DECLARED: dict[str, Extractor] = {}


def extractor(name: str, *, requires: Iterable[str] = (), columns: Iterable[str] = (),
              types: Mapping[str, str] | None = None, storage: str = "table",
              splits_sentences: bool = False, config: Any = None,
              code: Iterable[str] = (), data: Iterable[str] = (),
              packages: Iterable[str] = ()) -> Callable[[ExtractFn], ExtractFn]:
    """Decorator: declare ``fn(doc, ctx)`` as the extractor of record field ``name``
    (see the module docstring for the parameters). Returns ``fn`` unchanged."""
    if storage not in STORAGES:
        raise ValueError(f"extractor {name!r}: storage must be one of {STORAGES}")
    if config is not None and not dataclasses.is_dataclass(config):
        raise TypeError(f"extractor {name!r}: config must be a dataclass instance")

    def deco(fn: ExtractFn) -> ExtractFn:
        if name in _DECLARED and _DECLARED[name].fn is not fn:
            raise ValueError(f"extractor {name!r} is declared twice "
                             f"({_DECLARED[name].module} and {fn.__module__})")
        _DECLARED[name] = Extractor(
            name=name, fn=fn, module=fn.__module__, requires=tuple(requires),
            columns=tuple(columns), types=dict(types or {}), storage=storage,
            splits_sentences=splits_sentences,
            config=config if config is not None else NoConfig(),
            code=tuple(code), data=tuple(data), packages=tuple(packages),
            doc=(fn.__doc__ or "").strip().split("\n")[0])
        _registry.cache_clear()
        return fn

    return deco


def run_order(declared: Mapping[str, Extractor]) -> list[Extractor]:
    """The extractors in an order where each runs after everything it requires;
    among those free to run, alphabetical, so the order never depends on imports.
    Raises ValueError for a requirement nobody assigns, or a cycle."""
    for spec in declared.values():
        missing = [r for r in spec.requires if r not in declared]
        if missing:
            raise ValueError(f"extractor {spec.name!r} requires {missing}, which no "
                             "extractor assigns")
    waiting = {name: set(spec.requires) for name, spec in declared.items()}
    ready = [name for name, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    order: list[Extractor] = []
    while ready:
        name = heapq.heappop(ready)
        order.append(declared[name])
        del waiting[name]
        for other, needs in waiting.items():
            if name in needs:
                needs.discard(name)
                if not needs:
                    heapq.heappush(ready, other)
    if waiting:
        raise ValueError(f"extractors require each other in a cycle: {sorted(waiting)}")
    return order


@functools.lru_cache(maxsize=1)
def _registry() -> tuple[Extractor, ...]:
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return tuple(run_order(_DECLARED))


def registry() -> dict[str, Extractor]:
    """Every declared extractor by name, in run order (imports this package's modules)."""
    return {spec.name: spec for spec in _registry()}


def table_kinds() -> dict[str, Extractor]:
    """The extractors whose items the store keeps in a table of their own, in run order."""
    return {n: s for n, s in registry().items() if s.storage == "table"}


def _closure(names: Iterable[str], specs: Mapping[str, Extractor]) -> set[str]:
    wanted: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in specs:
            raise KeyError(f"no extractor named {name!r} (known: {', '.join(specs)})")
        if name not in wanted:
            wanted.add(name)
            todo += specs[name].requires
    return wanted


def run_extractors(doc: Doc, published: dt.date, *, only: Iterable[str] | None = None,
                   configs: Mapping[str, Any] | None = None,
                   text: str | None = None, turns: list[Any] | None = None) -> dict[str, Any]:
    """Run the extractors on ``doc`` in run order and return the fields they fill.

    ``only`` names the fields wanted: those extractors run, with everything they
    require (transitively), and all of their results are returned; None runs all.
    ``configs`` maps extractor names to configurations that replace the declared
    defaults. ``text`` is the parsed text when the caller has it (else ``doc.text``);
    ``turns`` the transcript turns of the normalisation stage.
    """
    specs = registry()
    wanted = _closure(only, specs) if only is not None else set(specs)
    ctx = Context(published=published, text=doc_text(doc) if text is None else text,
                  turns=list(turns or []))
    for name, spec in specs.items():
        if name not in wanted:
            continue
        ctx.config = (configs or {}).get(name, spec.config)
        ctx.results[name] = spec.fn(doc, ctx)
        if spec.splits_sentences:
            ctx.sentence_starts = [s["start"] for s in ctx.results[name]]
    ctx.config = None
    return ctx.results


def fingerprint(configs: Mapping[str, Any] | None = None, model: str | None = None) -> str:
    """Hash of everything a record depends on: every extractor's fingerprint under
    ``configs``, this registry and the NLP stage (its code and the spaCy model
    ``model``, default the one :func:`dateline.nlp.model_name` picks, with versions).
    Two runs with the same fingerprint give the same records."""
    from dateline.nlp import model_name

    model = model or model_name()
    parts = [f"{n}={s.fingerprint((configs or {}).get(n))}".encode()
             for n, s in registry().items()]
    for module in (__name__ + ".__init__", "dateline.nlp", "dateline.article",
                   "dateline.normalise"):
        parts += [p.read_bytes() for p in _source_files(module)]
    parts.append((_DATA_DIR / "normalise_furniture.tsv").read_bytes())
    for dist in ("spacy", model.replace("_", "-")):
        try:
            parts.append(f"{dist}=={importlib.metadata.version(dist)}".encode())
        except importlib.metadata.PackageNotFoundError:
            parts.append(dist.encode())
    return _digest(parts)


#: Fields of the record that come from the article itself, before any extractor's.
ARTICLE_FIELDS = ("id", "published", "title", "url", "source", "text")


def record_order(names: Iterable[str]) -> list[str]:
    """Extracted field names in record order: the order of
    :class:`dateline.record.ArticleRecord` (DESIGN.md), then any other in run order."""
    from dateline.record import ArticleRecord

    documented = [k for k in ArticleRecord.__annotations__ if k not in ARTICLE_FIELDS]
    names = list(names)
    return [k for k in documented if k in names] + [k for k in names if k not in documented]


def build_record(doc: Doc, article: Article, configs: Mapping[str, Any] | None = None,
                 normalised: Normalised | None = None) -> dict[str, Any]:
    """The full article record of DESIGN.md for ``article`` parsed as ``doc``.

    ``doc`` is the parse of ``normalised.text`` when the article went through the
    normalisation stage (:func:`dateline.normalise.normalise`), whose map then turns
    every offset back into one into ``article.text``; else the parse of ``article.text``.
    """
    record: dict[str, Any] = {
        "id": article.key,
        "published": article.published.isoformat(),
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "text": article.text,
    }
    if normalised is None:
        results = run_extractors(doc, article.published, configs=configs, text=article.text)
    else:
        results = run_extractors(doc, article.published, configs=configs,
                                 text=normalised.text, turns=normalised.turns)
    for name in record_order(results):
        value = results[name]
        record[name] = normalised.to_original(value) if normalised is not None else value
    return record
