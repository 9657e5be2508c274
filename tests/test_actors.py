"""Actor coding: words for actors -> ISO alpha-3 country (or IGO/NGO) + sector."""

from __future__ import annotations

import pytest

from dateline.actors import ActorIndex, code_text, code_token, tables


def codes(text: str, context: str | None = None) -> tuple[str | None, str | None] | None:
    coded = code_text(text, context)
    return None if coded is None else (coded["country"], coded["sector"])


@pytest.mark.parametrize(
    "text, expected",
    [
        # demonym + title + name
        ("Russian Foreign Minister Sergei Lavrov", ("RUS", "GOV")),
        # seats of government stand for the government
        ("the Kremlin", ("RUS", "GOV")),
        ("Damascus", ("SYR", "GOV")),
        ("Ankara", ("TUR", "GOV")),
        # plain country names carry no sector
        ("Turkey", ("TUR", None)),
        ("the United States", ("USA", None)),
        # institutions
        ("the UN envoy", ("IGO", "IGO")),
        ("NATO", ("IGO", "IGO")),
        ("the State Department", ("USA", "GOV")),
        ("the US Department of State", ("USA", "GOV")),
        # armed groups
        ("Hayat Tahrir al-Sham fighters", ("SYR", "REB")),
        ("the Taliban", ("AFG", "REB")),
        ("Hezbollah", ("LBN", "REB")),
        # role words decide the sector, the head noun (last) winning
        ("Turkish troops", ("TUR", "MIL")),
        ("Syrian regime forces", ("SYR", "MIL")),
        ("Iraqi civilians", ("IRQ", "CVL")),
        # possessive and hyphenated forms
        ("Taiwan's foreign ministry", ("TWN", "GOV")),
        ("US-backed militias", ("USA", "REB")),
        # well-known people
        ("Erdogan", ("TUR", "GOV")),
    ],
)
def test_code_text(text: str, expected: tuple[str | None, str | None]) -> None:
    assert codes(text) == expected


def test_vague_group_takes_country_from_context() -> None:
    assert codes("militants") == (None, "REB")
    assert codes("militants", "SYR") == ("SYR", "REB")
    assert codes("the regime", "SYR") == ("SYR", "GOV")
    assert codes("protesters", "IRN") == ("IRN", "OPP")


def test_short_capitals_are_case_sensitive() -> None:
    # "us" the pronoun is not the United States, "is" is not Islamic State.
    assert codes("they told us it is over") is None
    assert codes("US officials")[0] == "USA"


def test_no_actor() -> None:
    assert codes("a quiet afternoon") is None


def test_matches_have_offsets(nlp) -> None:
    text = "Kremlin spokesman Dmitry Peskov spoke."
    index = ActorIndex(nlp(text))
    spans = [text[m.start:m.end] for m in index.matches]
    assert spans == ["Kremlin", "spokesman", "Dmitry Peskov"]


def test_code_token_keeps_prepositional_phrase(nlp) -> None:
    doc = nlp("Rebels in the Ivory Coast attacked the town.")
    coded = code_token(doc[0], ActorIndex(doc))
    assert (coded["country"], coded["sector"]) == ("CIV", "REB")
    assert coded["text"] == "Rebels in the Ivory Coast"


def test_code_token_drops_relative_clause(nlp) -> None:
    doc = nlp("Students who had travelled from Chile marched in the capital.")
    coded = code_token(doc[0], ActorIndex(doc))
    # "from Chile" is inside the relative clause, so it does not code the students.
    assert coded["country"] is None
    assert coded["sector"] == "EDU"


def test_ethnic_groups_are_coded_where_they_live(nlp) -> None:
    doc = nlp("Ethnic Albanians in Macedonia staged a rally.")
    coded = code_token(doc[1], ActorIndex(doc))
    # Albanian names the group, Macedonia where it lives: coded by residence.
    assert coded["country"] == "MKD"


def test_tables_load_once() -> None:
    assert tables() is tables()


def test_a_country_inside_a_seas_name_is_no_country(nlp) -> None:
    # "Mexico" of "the Gulf of Mexico" names a body of water: a story of a spill off
    # Louisiana is about the United States, and "the Gulf of Mexico slick" is no actor.
    text = ("A US rig leaked into the Gulf of Mexico for weeks. Crews fought the slick "
            "in the Gulf of Mexico, and state officials met the crews.")
    index = ActorIndex(nlp(text))
    assert "Mexico" not in [text[m.start:m.end] for m in index.matches]
    assert index.dominant_country(len(text)) == "USA"
    doc = nlp("The Gulf of Mexico slick spread.")
    assert code_token(doc[4], ActorIndex(doc)) is None
    # the country itself, and a lower-case "sea of" phrase, still count
    doc = nlp("Mexico sent ships across a sea of troubles to Japan.")
    spans = [doc.text[m.start:m.end] for m in ActorIndex(doc).matches]
    assert spans[0] == "Mexico" and "Japan" in spans
