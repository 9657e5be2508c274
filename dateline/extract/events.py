"""Placeholder for the events extractor (being written); returns nothing yet."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract import Context, register


@register("events")
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """No events yet."""
    return []
