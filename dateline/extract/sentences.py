"""Sentence boundaries from spaCy's parser."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

from dateline.extract import Context, extractor


@extractor("sentences", storage="sentences", splits_sentences=True)
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Sentences as ``{"start", "end"}`` character spans, whitespace-only ones dropped.

    Spans are trimmed of surrounding whitespace, so ``text[start:end]`` is the sentence.
    """
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        seg = ctx.text[start:end]
        stripped = seg.strip()
        if not stripped:
            continue
        start += len(seg) - len(seg.lstrip())
        out.append({"start": start, "end": start + len(stripped)})
    return out
