"""Entities: canonical names, titles and countries on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract import run_extractors
from dateline.extract.entities import demonym_table, institution_table, surname_key
from dateline.nlp import load_model


@pytest.fixture(scope="module")
def entities_of():
    nlp = load_model()

    def run(text: str) -> list[dict]:
        out = run_extractors(nlp(text), dt.date(2018, 8, 31), only=("entities",), text=text)["entities"]
        for e in out:
            assert text[e["start"]:e["end"]] == e["text"]
        return out

    return run


def _with_text(ents: list[dict], text: str) -> list[dict]:
    found = [e for e in ents if e["text"] == text]
    assert found, f"{text!r} not among {[e['text'] for e in ents]}"
    return found


def test_surname_key_skips_particles():
    assert surname_key("Bashar al-Assad") == "assad"
    assert surname_key("Staffan de Mistura") == "mistura"
    assert surname_key("Lavrov") == "lavrov"


def test_tables():
    assert demonym_table()["Syrian"] == "SY"
    assert institution_table()["kremlin"] == "RU"
    assert institution_table()["state department"] == "US"


def test_short_mention_joins_full_name_and_title_is_kept(entities_of):
    ents = entities_of("Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. "
                       "Lavrov said the talks had been useful.")
    full = _with_text(ents, "Sergei Lavrov")[0]
    assert full["label"] == "PERSON"
    assert full["canonical"] == "Sergei Lavrov"
    assert full["title"] == "foreign minister"
    assert full["country"] == "RU"
    assert _with_text(ents, "Lavrov")[0]["canonical"] == "Sergei Lavrov"


def test_title_before_name_is_stripped(entities_of):
    ents = entities_of("Kremlin spokesman Dmitry Peskov spoke to reporters. Peskov declined to comment.")
    person = _with_text(ents, "Dmitry Peskov")[0]
    assert person["title"] == "spokesman"
    assert person["country"] == "RU"
    assert _with_text(ents, "Peskov")[0]["canonical"] == "Dmitry Peskov"
    kremlin = [e for e in ents if e["text"] == "Kremlin"]
    assert all(e["label"] != "PERSON" for e in kremlin)


def test_envoy_possessive_and_mislabelled_surname(entities_of):
    ents = entities_of("UN envoy Staffan de Mistura's comments drew criticism. "
                       "\"We need more talks,\" Mistura said.")
    person = _with_text(ents, "Staffan de Mistura")[0]
    assert person["label"] == "PERSON"
    assert person["title"] == "UN envoy"
    short = _with_text(ents, "Mistura")[0]
    assert short["label"] == "PERSON"
    assert short["canonical"] == "Staffan de Mistura"


def test_assad_variants_share_one_canonical(entities_of):
    ents = entities_of("Syrian President Bashar al-Assad visited the front on Sunday. "
                       "Opponents of Assad called the visit a stunt.")
    persons = [e for e in ents if e["label"] == "PERSON"]
    assert {e["canonical"] for e in persons} == {"Bashar al-Assad"}
    assert _with_text(ents, "Bashar al-Assad")[0]["title"] == "president"


def test_demonyms_and_institutions_carry_country(entities_of):
    ents = entities_of("Syrian troops advanced while the State Department urged restraint.")
    assert _with_text(ents, "Syrian")[0]["country"] == "SY"
    dept = [e for e in ents if e["text"].endswith("State Department")][0]
    assert dept["country"] == "US"
