"""The store-wide alias table: one name per person across articles."""

from __future__ import annotations

from collections import Counter

import pytest

from dateline.analyses.aliases import build_aliases, find_entity, resolve
from dateline.store import Store, UnknownEntity


def test_short_and_variant_spellings_join_the_full_name():
    counts = Counter({"Assad": 5, "Bashar al Assad": 2, "Bashar al-Assad": 3,
                      "Lavrov": 1, "Sergei Lavrov": 4, "Peskov": 2})
    got = resolve(counts, person=True)
    # "Bashar al Assad" and "Bashar al-Assad" are one name; the hyphenated one has more mentions
    assert got["Assad"] == got["Bashar al Assad"] == got["Bashar al-Assad"] == "Bashar al-Assad"
    assert got["Lavrov"] == "Sergei Lavrov"
    assert got["Peskov"] == "Peskov"                # no fuller form seen: stays


def test_ambiguous_surname_goes_to_a_dominant_name_only():
    shared = resolve(Counter({"Trump": 9, "Donald Trump": 5, "Ivanka Trump": 4}), person=True)
    assert shared["Trump"] == "Trump"               # 5 of 9 is not two thirds
    dominant = resolve(Counter({"Trump": 9, "Donald Trump": 8, "Ivanka Trump": 2}), person=True)
    assert dominant["Trump"] == "Donald Trump"      # 8 of 10
    assert dominant["Ivanka Trump"] == "Ivanka Trump"


def test_middle_names_chain_to_the_most_complete_form():
    got = resolve(Counter({"Erdogan": 3, "Tayyip Erdogan": 1, "Recep Tayyip Erdogan": 2}),
                  person=True)
    assert got["Erdogan"] == got["Tayyip Erdogan"] == "Recep Tayyip Erdogan"


def test_organisations_only_join_spellings():
    got = resolve(Counter({"United Nations": 3, "united nations": 1, "Nations": 2}), person=False)
    assert got == {"United Nations": "United Nations", "united nations": "United Nations",
                   "Nations": "Nations"}


def _ent(name: str, label: str = "PERSON") -> dict:
    return {"text": name, "start": 0, "end": len(name), "sentence": 0, "label": label,
            "canonical": name}


def test_build_aliases_fills_the_table_and_stats_use_it(tmp_path):
    info = {"text_hash": "h", "origin": "t", "extractor_version": "0"}
    recs = [{"id": f"a{i}", "published": "2018-09-01", "text": "x", "sentences": [],
             "entities": ents} for i, ents in enumerate([
                 [_ent("Assad"), _ent("Assad")], [_ent("Bashar al-Assad")]])]
    with Store(tmp_path / "d.db") as s:
        s.write([(r, info) for r in recs])
        assert build_aliases(s) == 2
        assert s.db.execute("SELECT canonical, mentions FROM aliases WHERE alias = 'Assad'"
                            ).fetchone()[:] == ("Bashar al-Assad", 2)
        assert s.stats()["top_people"] == {"Bashar al-Assad": 3}


def test_acronyms_join_their_expansion_and_the_most_mentioned_spelling_wins():
    got = resolve(Counter({"UN": 8, "U.N.": 3, "United Nations": 4, "FSA": 2,
                           "Free Syrian Army": 5, "Nations": 1}), person=False)
    assert got["U.N."] == got["United Nations"] == got["UN"] == "UN"
    assert got["FSA"] == "Free Syrian Army"
    assert got["Nations"] == "Nations"


def test_a_country_in_front_of_an_organisation_is_optional():
    got = resolve(Counter({"State Department": 6, "U.S. State Department": 2,
                           "US State Department": 1}), person=False)
    assert set(got.values()) == {"State Department"}


def test_titles_and_one_off_misspellings_do_not_make_a_new_person():
    got = resolve(Counter({"Lyse Doucet": 40, "Lyse Doucett": 1, "President Obama": 3,
                           "Barack Obama": 20, "Barrack Obama": 2, "Pres Obama": 2}),
                  person=True)
    assert got["Lyse Doucett"] == "Lyse Doucet"
    assert {got[n] for n in ("President Obama", "Barrack Obama", "Pres Obama")} == {"Barack Obama"}


def _store_with(tmp_path, names: list[list[dict]]) -> Store:
    info = {"text_hash": "h", "origin": "t", "extractor_version": "0"}
    recs = [{"id": f"a{i}", "published": "2018-09-01", "text": "x",
             "sentences": [{"start": 0, "end": 1, "text": "x"}], "entities": ents}
            for i, ents in enumerate(names)]
    s = Store(tmp_path / "d.db")
    s.write([(r, info) for r in recs])
    build_aliases(s)
    return s


def test_find_entity_by_surname_title_acronym(tmp_path):
    s = _store_with(tmp_path, [
        [_ent("Vladimir Putin"), _ent("Sergei Lavrov")],
        [_ent("Vladimir Putin"), _ent("United Nations", "ORG")],
        [_ent("UN", "ORG"), _ent("Ivanka Trump"), _ent("Donald Trump")]])
    with s:
        assert find_entity(s, "Putin") == ["Vladimir Putin"]
        assert find_entity(s, "President Putin") == ["Vladimir Putin"]
        assert find_entity(s, "Mr. Lavrov") == ["Sergei Lavrov"]
        # one mention each: the tie goes to the fuller spelling
        assert find_entity(s, "U.N.") == find_entity(s, "UN") == ["United Nations"]
        assert find_entity(s, "Trump") == ["Donald Trump", "Ivanka Trump"]   # neither dominates
        assert find_entity(s, "Nobody Atall") == []


def test_search_by_surname_and_unknown_entity(tmp_path):
    s = _store_with(tmp_path, [[_ent("Sergei Lavrov")], [_ent("Lavrov")]])
    with s:
        assert len(s.search_sentences(entity="Lavrov")) == 2
        assert len(s.search_sentences(entity="Foreign Minister Lavrov")) == 2
        with pytest.raises(UnknownEntity, match="no person or organisation called 'Putin'"):
            s.search_sentences(entity="Putin")


def test_cli_says_when_an_entity_names_nobody(tmp_path):
    from click.testing import CliRunner

    from dateline.cli import cli

    _store_with(tmp_path, [[_ent("Sergei Lavrov")]]).close()
    db = str(tmp_path / "d.db")
    found = CliRunner().invoke(cli, ["search", "--entity", "Mr. Lavrov", "--db", db])
    assert found.exit_code == 0 and found.output.count("a0#0") == 1
    missing = CliRunner().invoke(cli, ["search", "--entity", "Putin", "--db", db])
    assert missing.exit_code == 1
    assert missing.output.strip() == f"dateline: no person or organisation called 'Putin' in {db}"
