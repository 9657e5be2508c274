"""Settings: every knob of a Dateline run in one object that is passed in, never a
module global.

``Settings()`` holds the defaults. The pipeline reads ``model`` (the spaCy package),
``workers``, ``batch_size`` and the per-extractor configurations (each extractor
declares its own frozen dataclass of defaults, see :mod:`dateline.extract`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def default_workers() -> int:
    """Extraction processes when none is asked for: up to 2, never more than the CPUs."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class Settings:
    """The settings of one Dateline run (immutable; derive changed copies with
    :func:`dataclasses.replace`)."""

    #: spaCy model package to parse with; None: the first installed of
    #: :data:`dateline.nlp.MODEL_PACKAGES`.
    model: str | None = None
    #: Extraction processes (ingest, extract --jsonl).
    workers: int = field(default_factory=default_workers)
    #: Articles per committed transaction.
    batch_size: int = 16
    #: Extractor configurations that replace the declared defaults, by extractor name.
    extract: Mapping[str, Any] = field(default_factory=dict)

    def extractor_configs(self) -> dict[str, Any]:
        """The configuration in force for every extractor, by name: the declared
        default unless :attr:`extract` replaces it."""
        from dateline.extract import registry

        return {name: self.extract.get(name, spec.config) for name, spec in registry().items()}
