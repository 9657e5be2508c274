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


def _labels(ents: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in ents:
        out.setdefault(e["text"], set()).add(e["label"])
    return out


def test_interjections_and_glued_words_are_cut_from_names(entities_of):
    # A reader's comment opens with an interjection; a lower-case verb sits before a surname.
    ents = entities_of("Hey Obama, stop the bombing now. Rebels vowed to force Gadhafi out of "
                       "the city.")
    texts = {e["text"] for e in ents}
    assert not any(t.startswith(("Hey", "force")) for t in texts)
    assert "Obama" in texts


def test_pro_and_anti_adjectives_are_not_names(entities_of):
    ents = entities_of("Pro-Gadhafi fighters shelled the port while anti-Assad groups met.")
    assert not any(e["text"].lower().startswith(("pro-", "anti-")) for e in ents)


def test_known_groups_and_web_services_are_organisations(entities_of):
    ents = entities_of("Hayat Tahrir al-Sham holds most of the province. The group said on "
                       "Twitter that its fighters had withdrawn.")
    labels = _labels(ents)
    assert labels["Hayat Tahrir al-Sham"] == {"ORG"}   # spaCy finds "Tahrir al-Sham" alone
    assert labels.get("Twitter", {"ORG"}) == {"ORG"}


def test_towns_the_model_calls_people_are_places(entities_of):
    ents = entities_of("Government jets struck Hama overnight. Families in Hama said the "
                       "shelling went on until dawn, and some fled to Reyhanli.")
    labels = _labels(ents)
    assert labels["Hama"] == {"GPE"}
    assert labels.get("Reyhanli", {"GPE"}) == {"GPE"}


def test_a_person_named_like_a_town_stays_a_person(entities_of):
    ents = entities_of("Senator Jackson said the vote would be close. Jackson added that "
                       "nothing was settled.")
    assert all(e["label"] == "PERSON" for e in ents if e["text"].endswith("Jackson"))


def test_name_with_a_particle_is_a_person(entities_of):
    ents = entities_of("Staffan de Mistura met the delegations in Geneva on Tuesday.")
    assert _labels(ents)["Staffan de Mistura"] == {"PERSON"}


def test_canonical_prefers_the_most_frequent_spelling(entities_of):
    ents = entities_of("Bashar al-Assad spoke on Monday. Bashar al Assad had not appeared "
                       "for weeks. Bashar al-Assad thanked the army.")
    assert {e["canonical"] for e in ents if e["label"] == "PERSON"} == {"Bashar al-Assad"}


def test_a_town_the_gazetteer_lacks_is_a_place_when_written_as_one(entities_of):
    ents = entities_of("Rebels said they had pushed west to the oil town of Ras Qalat. Fighting "
                       "went on in Ras Qalat until dusk, and Ras Qalat changed hands twice.")
    assert _labels(ents)["Ras Qalat"] == {"GPE"}
    ents = entities_of("Tanks shelled the district of Bab Sabaa for a third day. Residents of "
                       "Bab Sabaa said food had run out.")
    assert _labels(ents)["Bab Sabaa"] == {"GPE"}


def test_words_of_a_title_are_not_organisations(entities_of):
    ents = entities_of("Secretary of State Hillary Clinton met the envoy. Defense Secretary "
                       "Robert Gates said the State Department agreed. House Speaker John "
                       "Boehner objected.")
    texts = {e["text"] for e in ents}
    assert not texts & {"State", "Defense", "House"}
    assert {"Hillary Clinton", "Robert Gates", "John Boehner", "State Department"} <= texts


def test_an_organ_is_not_cut_into_a_title_and_a_person(entities_of):
    ents = entities_of("The UN General Assembly passed the motion on Friday.")
    assert _labels(ents) == {"UN General Assembly": {"ORG"}}


def test_a_head_noun_split_off_is_joined_back(entities_of):
    ents = entities_of("Twelve people were shot on Friday, according to the Local Co-ordination "
                       "Committees, an opposition group.")
    assert _labels(ents)["Local Co-ordination Committees"] == {"ORG"}


def test_a_defined_common_noun_abbreviation_is_no_organisation(entities_of):
    ents = entities_of("The cap was lowered onto the blowout preventer (BOP) on Monday. "
                       "Engineers said the BOP had failed.")
    assert "BOP" not in {e["text"] for e in ents}


def test_rigs_and_time_zones_are_no_people_or_organisations(entities_of):
    ents = entities_of("The Sea Falcon rig exploded in April. Workers on the Sea Falcon oil rig "
                       "were rescued. Shares fell at 1400 BST (1300 GMT) on Tuesday.")
    assert all(e["label"] not in ("PERSON", "ORG") for e in ents if "Falcon" in e["text"])
    assert not {"BST", "GMT"} & {e["text"] for e in ents}


def test_sects_are_groups_and_dashes_end_names(entities_of):
    ents = entities_of("Alawite officers dominate the army, and Shias fear reprisals.")
    assert _labels(ents).get("Shias", {"NORP"}) == {"NORP"}
    ents = entities_of("Saddam Hussein - not for the first time - defied the inspectors. "
                       "Saddam refused.")
    assert {e["canonical"] for e in ents if e["label"] == "PERSON"} == {"Saddam Hussein"}


def test_first_names_and_head_nouns_refer_back_within_the_article(entities_of):
    ents = entities_of("Sir Jeremy Greenstock spoke first. Later Sir Jeremy said the vote was lost.")
    assert _with_text(ents, "Jeremy")[0]["canonical"] == "Jeremy Greenstock"
    ents = entities_of("The Security Council met on Monday. The Council will meet again on Friday.")
    assert _with_text(ents, "Council")[0]["canonical"] == "Security Council"


def test_an_acronym_glued_to_a_person_is_cut(entities_of):
    ents = entities_of("Bob Dudley BP said the cap was holding.")
    assert _labels(ents).get("Bob Dudley") == {"PERSON"}
    assert "Bob Dudley BP" not in {e["text"] for e in ents}


def test_a_lower_case_word_ends_a_name_and_an_index_is_no_organisation(entities_of):
    ents = entities_of("I am fed up with Obama s Order on drilling.")
    assert "Obama s Order" not in {e["text"] for e in ents}
    ents = entities_of("The bank weighs heavily in the FTSE 100 index, and its stock dropped.")
    assert all(e["label"] != "ORG" for e in ents if e["text"] == "FTSE")


def test_medicines_after_a_drug_noun_are_products(entities_of):
    text = "Pharmacies ran short of two drugs, Tamiflu and Relenza, by Friday."
    ents = entities_of(text)
    assert {e["label"] for e in _with_text(ents, "Tamiflu")} == {"PRODUCT"}
    assert {e["label"] for e in _with_text(ents, "Relenza")} == {"PRODUCT"}
    ents = entities_of("Doctors gave the antiviral drug Tamiflu to the whole family.")
    assert {e["label"] for e in _with_text(ents, "Tamiflu")} == {"PRODUCT"}
    # "such as" between, and the article's other mentions follow the corrected label
    ents = entities_of("Resistance to the antiviral Tamiflu was found. Tamiflu is the main "
                       "weapon, and Tamiflu is stockpiled.")
    assert {e["label"] for e in _with_text(ents, "Tamiflu")} == {"PRODUCT"}
    ents = entities_of("Clinics kept stocks of antivirals such as Tamiflu this spring.")
    assert {e["label"] for e in _with_text(ents, "Tamiflu")} == {"PRODUCT"}
    # "and" follows a medicine found by its drug noun only, not a name the model calls a
    # product ("Anadarko")
    ents = entities_of("Engineers from Exxon, Shell, Anadarko and Chevron work in the centre, "
                       "which runs day and night.")
    assert {e["label"] for e in _with_text(ents, "Chevron")} == {"ORG"}


def test_strains_common_nouns_and_lower_case_words_are_no_names(entities_of):
    ents = entities_of("Cases of H1N1 rose in May, and H5N1 was found in ducks. "
                       "Pupils sat their GCSE exams in June. A GP saw the boy.")
    names = {e["text"] for e in ents if e["label"] in ("PERSON", "ORG")}
    assert not names & {"H1N1", "H5N1", "GCSE", "GP"}, names
    ents = entities_of("Sellers on eBay raised money for the appeal, and the song went to the "
                       "top of iTunes on Sunday.")
    assert {"eBay", "iTunes"} <= {e["text"] for e in ents}, ents


def test_a_bracket_ends_a_name_and_an_adverb_is_cut(entities_of):
    ents = entities_of("The report by the World Health Organization (WHO said more.")
    assert [e["text"] for e in ents if e["label"] == "ORG"] == ["World Health Organization"]
    # the model cut the name's first words off; the acronym after it spells them
    ents = entities_of("Funds came from the US Agency for International Development (USAID) "
                       "on Monday.")
    assert [e["text"] for e in ents if e["label"] == "ORG"] \
        == ["US Agency for International Development"]
    ents = entities_of("Luckily Edgar Ramos recovered within a week, his mother said.")
    assert [e["text"] for e in ents if e["label"] == "PERSON"] == ["Edgar Ramos"]


def test_a_title_in_apposition_makes_a_person(entities_of):
    ents = entities_of("Speaking to MSPs on Tuesday, the Scottish health secretary, Nicola "
                       "Sturgeon, said beds were ready.")   # the model says ORG
    (e,) = _with_text(ents, "Nicola Sturgeon")
    assert (e["label"], e["title"]) == ("PERSON", "health secretary")
    ents = entities_of("Fiona Castell, the Scottish health minister, visited the ward.")
    (e,) = _with_text(ents, "Fiona Castell")
    assert (e["label"], e["title"], e["country"]) == ("PERSON", "health minister", "GB")
    ents = entities_of("Outbreak spreads Health Minister Carla Ruiz said tests were negative.")
    assert "Health" not in {e["text"] for e in ents}
    assert _with_text(ents, "Carla Ruiz")[0]["title"] == "health minister"


def test_a_title_before_one_word_makes_a_person_and_a_water_keeps_its_title_word(entities_of):
    ents = entities_of("CEO Hayward said the company would pay.")
    (e,) = _with_text(ents, "Hayward")
    assert (e["label"], e["title"]) == ("PERSON", "CEO")
    ents = entities_of("The tanker ran aground in Prince William Sound in 1989.")
    assert [(e["text"], e["label"]) for e in ents if e["label"] != "DATE"] \
        == [("Prince William Sound", "GPE")]
    ents = entities_of("Scientists at the University of Rhode Island tested the water.")
    assert [(e["text"], e["label"]) for e in ents] == [("University of Rhode Island", "ORG")]
    ents = entities_of("An aide to Coast Guard Rear Adm. Mary Landry says the boom held.")
    assert [(e["text"], e["label"], e.get("title")) for e in ents] \
        == [("Coast Guard", "ORG", None), ("Mary Landry", "PERSON", "rear adm.")]


def test_a_dateline_in_capitals_is_a_place(entities_of):
    ents = entities_of("MIAMI ( Reuters ) - Storm warnings went up on Tuesday.")   # model: ORG
    assert {e["label"] for e in _with_text(ents, "MIAMI")} == {"GPE"}


def test_a_blank_run_of_hidden_furniture_ends_a_name(entities_of):
    # the normalisation stage blanks a page stamp between two datelines (wire text escapes
    # its slash); the model glues the two into one PERSON across the blank
    text = ("HOUSTON\\/WASHINGTON" + " " * 33 + "HOUSTON\\/WASHINGTON (Reuters) - The company "
            "said on Friday that the new cap held.")
    ents = entities_of(text)
    assert [(e["text"], e["label"]) for e in ents if e["start"] == 0] \
        == [("HOUSTON\\/WASHINGTON", "GPE")]


def test_a_famous_surname_alone_stays_the_famous_person(entities_of):
    # the only full name of the article is a relative; "Obama" alone is the president
    ents = entities_of("Michelle Obama visited a school in Chicago on Monday. "
                       "Obama signed the bill in Washington a day later.")
    assert _with_text(ents, "Michelle Obama")[0]["canonical"] == "Michelle Obama"
    assert _with_text(ents, "Obama")[0]["canonical"] == "Obama"


def test_another_spelling_of_the_famous_first_name_still_joins(entities_of):
    ents = entities_of("Moammar Gaddafi spoke on state television on Tuesday. "
                       "Gaddafi said his forces would not leave Tripoli.")
    assert _with_text(ents, "Gaddafi")[0]["canonical"] == "Moammar Gaddafi"


def test_military_ranks_are_titles_and_a_rank_alone_is_no_name(entities_of):
    # the model splits "Lance Corporal" off the first mention (as ORG) and tags the second,
    # with its age, ORG: one soldier under one name
    text = ("A photograph shows Lance Corporal Mark Keller driving a truck. The other soldier "
            "facing court martial is Lance Corporal Keller , 25 , from Leeds .\n"
            "Cpl Keller denied the charges , his lawyer said .\n")
    ents = entities_of(text)
    assert not [e for e in ents if e["text"] == "Lance Corporal"]
    assert {(e["label"], e["canonical"]) for e in ents if "Keller" in e["text"]} == {
        ("PERSON", "Mark Keller")}


def test_a_storm_s_given_name_is_no_person(entities_of):
    # the storm's name is not the analyst's first name, in either of its mentions
    text = ("Forecasters said tropical storm Alex would strengthen on Tuesday .\n"
            "Alex , the first named storm of the season , may slow the clean-up .\n"
            "The spill will not end soon , analyst Alex Moreno said .\n")
    ents = entities_of(text)
    assert [(e["text"], e["label"]) for e in ents if e["text"] == "Alex"] == [
        ("Alex", "EVENT"), ("Alex", "EVENT")]
    assert {e["canonical"] for e in ents if e["label"] == "PERSON"} == {"Alex Moreno"}


def test_a_place_after_the_word_storm_stays_a_place(entities_of):
    ents = entities_of("It was the worst storm Louisiana had seen in years . "
                       "Hurricane Ike hit Texas in 2008 . It recalled the hurricane Louisiana "
                       "is still recovering from .")
    assert [(e["text"], e["label"]) for e in ents] == [
        ("Louisiana", "GPE"), ("Hurricane Ike", "EVENT"), ("Texas", "GPE"), ("Louisiana", "GPE")]


def test_a_person_written_all_in_lower_case_is_no_name() -> None:
    # A garbled page in another language, or a word run: the model may tag a lower-case
    # phrase as a person; no person's name is written so. A capitalised one is kept.
    from spacy.tokens import Span

    from dateline.extract.entities import _clean

    doc = load_model()("then quan khi spoke, and Mai Linh spoke.")
    assert _clean(doc, Span(doc, 1, 3, label="PERSON")) is None
    kept = _clean(doc, Span(doc, 6, 8, label="PERSON"))
    assert kept is not None and doc.text[kept.start:kept.end] == "Mai Linh"
