"""Placeholder for the amounts extractor (being written); returns nothing yet."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract import Context, register


@register("amounts")
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """No amounts yet."""
    return []
