"""Temporal engine: find temporal expressions in text and normalise them to TIMEX3.

:func:`dateline.temporal.engine.tag` is the entry point; it needs the text, the
publication date (the anchor of relative expressions) and, optionally, the spaCy
``Doc`` of the text, whose tags give the tense that decides between past and
future readings ("on Thursday" said vs. will).
"""

from dateline.temporal.engine import Timex, tag

__all__ = ["Timex", "tag"]
