"""The store-wide alias table: one name per person across articles."""

from __future__ import annotations

from collections import Counter

from dateline.analyses.aliases import build_aliases, resolve
from dateline.store import Store


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
