"""Placeholder for the tone extractor (being written)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract import Context, register


@register("tone")
def extract(doc: Doc, ctx: Context) -> float | None:
    """No tone yet."""
    return None
