"""People, organisations and other named entities from spaCy's NER."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract import Context, register

#: spaCy labels kept as entities; dates, numbers and places go to their own extractors.
LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LOC"}


@register("entities")
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Named entities with their label; ``canonical`` is the mention itself for now."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        out.append({
            "text": ent.text, "start": ent.start_char, "end": ent.end_char,
            "sentence": ctx.sentence_of(ent.start_char), "label": ent.label_,
            "canonical": ent.text,
        })
    return out
