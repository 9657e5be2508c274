"""Local places on real news (issue 12, the seed-403 judges): a hospital a city owns is in
that city, and a town the gazetteer lacks that the text calls a town is not put at the
story's main city (texts of our own, in the shapes seen in the samples)."""

from __future__ import annotations

import datetime as dt

from dateline.article import Article
from dateline.pipeline import extract_article


def _places(text: str) -> list[dict]:
    return extract_article(Article(text=text, published=dt.date(2011, 6, 1), id="p"))["places"]


def test_a_hospital_a_city_owns_is_in_that_city_not_the_main_one():
    text = ("Rebels held the coast road near Tripoli on Sunday. Tripoli was quiet.\n\n"
            "In Zintan, three fighters were wounded, according to doctors at Misrata's "
            "Al-Noor Hospital.\n")
    hospital = [p for p in _places(text) if p["text"] == "Al-Noor Hospital"]
    assert [(p["kind"], p["near"]) for p in hospital] == [("local", "Misratah")]
    assert abs(hospital[0]["lat"] - 32.38) < 0.1 and abs(hospital[0]["lon"] - 15.09) < 0.1


def test_a_town_the_gazetteer_lacks_called_a_town_is_not_put_at_the_main_city():
    text = ("Families reached Tripoli on Friday.\n\n"
            "A farmer said he fled with his sons from Tamzawa, another front-line town, "
            "two weeks ago.\n")
    assert [p["text"] for p in _places(text)] == ["Tripoli"]


def test_a_town_the_gazetteer_lacks_is_still_put_at_the_main_city_named_near_it():
    # without an apposition calling it a town, the main city named near it stays its place
    text = ("Families reached Tripoli on Friday.\n\n"
            "A farmer said he fled with his sons from Tamzawa, near the coast, two weeks ago.\n")
    local = [p for p in _places(text) if p["text"] == "Tamzawa"]
    assert [(p["kind"], p["near"]) for p in local] == [("local", "Tripoli")]
