"""The dates extractor: temporal expressions resolved against the publication date.

A thin wrapper over :mod:`dateline.temporal` (the temporal engine), which finds
dates, times, durations, sets and vague references and gives them TIMEX3 values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.extract import Context, extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc


@extractor(
    "dates", requires=("sentences",),
    columns=("text", "start", "end", "sentence", "type", "value"), types={"value": ""},
    code=("dateline.temporal",), data=("temporal_words.tsv",))
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Temporal expressions of the article, in text order.

    Each item is ``{"text", "start", "end", "sentence", "type", "value"}``:
    ``text == ctx.text[start:end]``, ``type`` is DATE, TIME, DURATION or SET and
    ``value`` a TIMEX3 value (``2018-08-30``, ``2018-W34``, ``P7Y``, ``PAST_REF``...).
    Relative expressions are resolved against ``ctx.published``; the spaCy parse
    supplies the tense that decides between past and coming readings.
    """
    from dateline.temporal import tag

    # the Doc is the parse of ctx.text; a cheap length check (doc.text would
    # rebuild the whole string) guards against a Doc of some other text
    same = len(doc) > 0 and doc[-1].idx + len(doc[-1].text_with_ws) == len(ctx.text)
    items = tag(ctx.text, ctx.published, doc if same else None)
    return [
        {"text": t.text, "start": t.start, "end": t.end, "sentence": ctx.sentence_of(t.start),
         "type": t.type, "value": t.value}
        for t in items
    ]
