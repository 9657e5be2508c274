"""The store-wide alias table: one name per person across articles."""

from __future__ import annotations

from collections import Counter

import pytest

from dateline.analyses.aliases import build_aliases, find_entity, resolve, skeleton, store_labels
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


def test_transliterations_of_one_name_join_whatever_their_mentions():
    got = resolve(Counter({"Mustafa Kadhimi": 30, "Mustapha Qadhimi": 25, "Kadhimi": 10,
                           "Qadhimi": 5, "Dan Hollis": 4, "Don Hollis": 3}), person=True)
    assert {got[n] for n in ("Mustapha Qadhimi", "Kadhimi", "Qadhimi")} == {"Mustafa Kadhimi"}
    # short first names are too close to tell apart: two people
    assert got["Dan Hollis"] == "Dan Hollis" and got["Don Hollis"] == "Don Hollis"
    orgs = resolve(Counter({"al-Shabaab": 9, "al-Shabab": 7, "Labour": 5, "Labor": 4}),
                   person=False)
    assert orgs["al-Shabab"] == "al-Shabaab"
    assert skeleton("Gadhafi") == skeleton("Qaddafi") == skeleton("Gaddafi") == "kdf"


def test_a_first_name_alone_joins_its_one_full_name():
    got = resolve(Counter({"Saladin": 12, "Saladin Yusuf": 5, "Hollis": 3, "Dan Hollis": 1,
                           "Nadia": 2, "Nadia Karam": 3, "Nadia Sabbagh": 3}), person=True)
    assert got["Saladin"] == "Saladin Yusuf"
    assert got["Nadia"] == "Nadia"              # two women of that first name: stays


def test_a_glued_word_does_not_keep_the_surname_from_its_person():
    got = resolve(Counter({"Harlan": 40, "Ruth Harlan": 100, "GMT Ruth Harlan": 5,
                           "Backing Harlan": 3, "Ed Harlan": 2}), person=True)
    assert got["Harlan"] == got["GMT Ruth Harlan"] == "Ruth Harlan"


def test_organs_and_word_order_of_one_organisation_join():
    got = resolve(Counter({"UN Security Council": 10, "Security Council": 6,
                           "Provisional Governing Council": 4,
                           "Governing Provisional Council": 2}), person=False)
    assert got["Security Council"] == "UN Security Council"
    assert got["Governing Provisional Council"] == "Provisional Governing Council"


def test_the_store_corrects_labels_from_a_name_s_other_mentions():
    counts = {"PERSON": Counter({"Ras Qalat": 5, "Hosni Kareem": 40, "Kareem": 3,
                                 "Nadia Haddad": 2}),
              "GPE": Counter({"Ras Qalat": 9, "Kareem": 6, "Nadia Haddad": 4}),
              "ORG": Counter({"Kareem": 12, "Haddad": 5})}
    fixes = store_labels(counts, titled={"Nadia Haddad"})
    assert fixes[("Ras Qalat", "PERSON")] == "GPE"      # more often a place, never titled
    assert ("Kareem", "PERSON") not in fixes           # a short name of Hosni Kareem
    assert ("Nadia Haddad", "PERSON") not in fixes     # seen with a title
    assert fixes[("Kareem", "ORG")] == "PERSON"        # "Kareem's troops": 43 person mentions
    assert ("Haddad", "ORG") not in fixes              # 2 person mentions are not 3 x 5


def test_a_surname_labelled_org_goes_to_its_person_unless_an_organisation_holds_it():
    counts = {"PERSON": Counter({"Tony Marsh": 110, "Henry Garland": 40}),
              "ORG": Counter({"Marsh": 90, "Garland": 35, "Garland Motor": 20, "AP Marsh": 1})}
    fixes = store_labels(counts, titled=set())
    assert fixes[("Marsh", "ORG")] == "PERSON"         # more person mentions, no "Marsh X" body
    assert ("Garland", "ORG") not in fixes             # "Garland Motor" is an organisation


def test_a_short_first_name_joins_its_full_form():
    got = resolve(Counter({"Kenneth Farber": 60, "Ken Farber": 25, "Farber": 30,
                           "Steve Orland": 4, "Stephen Orland": 3, "Steven Orland": 3,
                           "Bill Tarrant": 5}), person=True)
    assert got["Ken Farber"] == got["Farber"] == "Kenneth Farber"
    assert got["Steve Orland"] == "Steve Orland"   # Stephen or Steven: left apart
    assert got["Bill Tarrant"] == "Bill Tarrant"   # no William Tarrant in the store


def test_a_company_s_legal_form_is_optional():
    got = resolve(Counter({"Kestrel Oil": 40, "Kestrel Oil Plc": 9, "Marlow Drilling Ltd.": 6,
                           "Marlow Drilling": 2, "Plc": 1}), person=False)
    assert got["Kestrel Oil Plc"] == "Kestrel Oil"
    assert got["Marlow Drilling"] == got["Marlow Drilling Ltd."] == "Marlow Drilling Ltd."
    assert got["Plc"] == "Plc"   # a legal form alone stays as it is


def test_a_one_word_name_joins_the_company_whose_full_name_holds_it_at_an_end():
    got = resolve(Counter({"Kestrel": 70, "Kestrel Marlin": 25, "Kestrel Marlin Corp": 5,
                           "Tern": 30, "Royal Baltic Tern Plc": 4, "Royal Baltic Tern": 20,
                           "Harbour": 12, "Harbour Foundation": 9, "Marlin": 3,
                           "Oil": 3, "Tern Oil Co": 2}), person=False)
    assert got["Kestrel"] == got["Kestrel Marlin"] == got["Marlin"] == "Kestrel"
    assert got["Tern"] == got["Royal Baltic Tern Plc"] == "Tern"
    assert got["Harbour"] == "Harbour"   # a foundation, no company: left apart
    assert got["Oil"] == "Oil"           # a generic word names no one company


def test_an_acronym_joins_the_expansion_whose_spellings_together_dominate():
    # "Centres ..." alone has 1 mention against 1 of "Center ...", but it is one name with
    # the 9 of "US Centres ..." (country optional), so the acronym goes to that name
    got = resolve(Counter({"CDC": 13, "Centres for Disease Control": 1,
                           "US Centres for Disease Control": 9,
                           "Center for Disease Control": 1}), person=False)
    assert got["CDC"] == got["Centres for Disease Control"] == "CDC"
    assert got["US Centres for Disease Control"] == "CDC"
    assert got["Center for Disease Control"] == "Center for Disease Control"
    # an expansion with "and ..." after the acronym's words ("... Control and Prevention")
    got = resolve(Counter({"CDC": 30, "US Centers for Disease Control and Prevention": 12,
                           "Centers for Disease Control and Prevention": 3}), person=False)
    assert set(got.values()) == {"CDC"}


def test_the_store_makes_titled_names_people_and_named_medicines_products():
    counts = {"PERSON": Counter({"Fiona Castell": 4, "Oseltix": 3, "Dr Mercer": 2}),
              "ORG": Counter({"Fiona Castell": 7, "Oseltix": 20, "Castell Foundation": 2,
                              "Harbour Trust": 3})}
    fixes = store_labels(counts, titled={"Fiona Castell", "Castell Foundation", "Dr Mercer"},
                         medicines=Counter({"Oseltix": 3, "Harbour Trust": 1,
                                            "Dr Mercer": 2}))
    assert fixes[("Fiona Castell", "ORG")] == "PERSON"     # titled as a person elsewhere
    assert ("Castell Foundation", "ORG") not in fixes      # a foundation stays an organisation
    assert fixes[("Oseltix", "ORG")] == fixes[("Oseltix", "PERSON")] == "PRODUCT"
    assert ("Harbour Trust", "ORG") not in fixes           # a medicine in one article only
    assert ("Dr Mercer", "PERSON") not in fixes            # given a title


def test_build_aliases_applies_the_store_s_labels(tmp_path):
    s = _store_with(tmp_path, [
        [_ent("Hosni Kareem"), _ent("Hosni Kareem"), _ent("Hosni Kareem")],
        [_ent("Kareem", "ORG"), _ent("Ras Qalat")],
        [_ent("Ras Qalat", "GPE"), _ent("Ras Qalat", "GPE")]])
    with s:
        assert s.db.execute("SELECT label FROM entities WHERE text = 'Kareem'").fetchone()[0] \
            == "PERSON"
        assert {r[0] for r in s.db.execute("SELECT label FROM entities WHERE text = 'Ras Qalat'")
                } == {"GPE"}
        assert find_entity(s, "Kareem") == ["Hosni Kareem"]


def _store_with(tmp_path, names: list[list[dict]]) -> Store:
    info = {"text_hash": "h", "origin": "t", "extractor_version": "0"}
    recs = [{"id": f"a{i}", "published": "2018-09-01", "text": "x",
             "sentences": [{"start": 0, "end": 1, "text": "x"}], "entities": ents}
            for i, ents in enumerate(names)]
    s = Store(tmp_path / "d.db")
    s.write([(r, info) for r in recs])
    build_aliases(s)
    return s


def test_a_name_two_articles_write_as_a_medicine_is_one_everywhere(tmp_path):
    texts = ["Pupils got the antiviral drug Oseltix on Monday.",
             "Clinics stocked antivirals such as Oseltix and masks.",
             "Oseltix was handed out at the school.",
             "Clinics want antivirals like Kestrel's new pill; Kestrel rose.",
             "Doctors prefer drugs such as Kestrel's tablets; Kestrel fell."]

    def ent(text: str, name: str, label: str) -> dict:
        start = text.index(name)
        return {"text": name, "start": start, "end": start + len(name), "sentence": 0,
                "label": label, "canonical": name}

    labels = [("Oseltix", "PRODUCT"), ("Oseltix", "PRODUCT"), ("Oseltix", "ORG"),
              ("Kestrel", "PRODUCT"), ("Kestrel", "PRODUCT")]
    info = {"text_hash": "h", "origin": "t", "extractor_version": "0"}
    recs = [{"id": f"a{i}", "published": "2018-09-01", "text": t,
             "sentences": [{"start": 0, "end": len(t), "text": t}],
             "entities": [ent(t, *labels[i])] + ([ent(t, "Kestrel", "ORG")] if i >= 3 else [])}
            for i, t in enumerate(texts)]
    s = Store(tmp_path / "d.db")
    s.write([(r, info) for r in recs])
    build_aliases(s)
    with s:
        assert {r[0] for r in s.db.execute(
            "SELECT label FROM entities WHERE text = 'Oseltix'")} == {"PRODUCT"}
        # "like Kestrel's ...": the maker, no medicine, in both articles
        assert {r[0] for r in s.db.execute(
            "SELECT label FROM entities WHERE text = 'Kestrel'")} == {"PRODUCT", "ORG"}


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


def test_find_entity_by_a_mention_as_written_and_before_the_alias_table_is_filled(tmp_path):
    written = {"text": "the Colonel", "start": 0, "end": 11, "sentence": 0,
               "label": "PERSON", "canonical": "Omar Haddad"}
    s = _store_with(tmp_path, [[_ent("Omar Haddad"), written], [written, written],
                               [_ent("Nour Haddad")]])
    with s:
        # the text as written, in any case, names the person it was stored under
        assert find_entity(s, "THE COLONEL") == ["Omar Haddad"]
        # an ingest cut off before the alias table was filled: the canonical names stored
        # with the mentions still find them
        s.db.execute("DELETE FROM aliases")
        s.db.commit()
        assert find_entity(s, "nour haddad") == ["Nour Haddad"]
        assert find_entity(s, "the colonel") == ["Omar Haddad"]


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
