"""Placeholder for the dates extractor (being written); returns nothing yet."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract import Context, register


@register("dates")
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """No dates yet."""
    return []
