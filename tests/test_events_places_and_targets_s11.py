"""Events on real news (issue 12, the seed-4xx judges): where a statement, pledge or
measure was made, and whom it is aimed at. Sentences of our own, run through the whole
pipeline; expected values checked by hand."""

from __future__ import annotations

import pytest

from dateline.api import extract_record


def _events(text: str) -> list[dict]:
    return extract_record(text, "2011-05-20")["events"]


def _one(text: str, trigger: str) -> dict:
    (ev,) = [e for e in _events(text) if e["text"] == trigger]
    return ev


@pytest.mark.parametrize("text, trigger, place", [
    # the place is what the words are about: no place
    ("The senator criticised the slow clean-up of the Alaska coast.", "criticised", None),
    ("The minister accused Khartoum of massacres in Darfur.", "accused", None),
    ("The United Nations appealed for blankets for families in Kabul.", "appealed", None),
    ("The governor pledged to rebuild every school in Louisiana.", "pledged", None),
    # the place is where the words were said
    ("The envoy urged Iran to free the sailors, speaking at a news conference in Ankara.",
     "urged", "Ankara"),
    ("The minister told reporters in Paris that France would back the embargo.", "back",
     "Paris"),
    ("During a visit to Nairobi, the French foreign minister pledged to fund the clinics.",
     "pledged", "Nairobi"),
    ("At a summit in Lisbon, the NATO allies agreed to send more trainers.", "agreed", "Lisbon"),
    # a participle of speaking or meeting sets the scene
    ("EU foreign ministers, meeting on Monday in Brussels, imposed new sanctions on Syria.",
     "imposed", "Brussels"),
    ("The Pope, speaking to pilgrims in Rome, urged Mexicans to keep praying.", "urged", "Rome"),
    ("The Turkish foreign minister made the pledge at a meeting with rebel leaders in Misrata.",
     "pledge", "Misratah"),
    ("The executives appeared at hearings in Washington, where senators criticized their "
     "safety records.", "criticized", "Washington"),
    ("The envoy pledged during a visit to the Gulf Coast state of Mississippi on Friday to "
     "pay the claims quickly.", "pledged", "Mississippi"),
    ("Attorney General Eric Holder announced in New Orleans that the government had "
     "launched a criminal investigation into the spill.", "investigation", "New Orleans"),
    # the occasion of another clause, or of the report of an earlier act, is not the act's
    ("The senator urged Moscow to join the talks, hours after the French minister gave a "
     "news conference in Paris.", "urged", None),
    ("At a news conference in Geneva, the UN envoy said she had asked the Syrian government "
     "for access to the camps.", "asked", None),
])
def test_a_statement_is_placed_only_where_it_was_made(text: str, trigger: str,
                                                       place: str | None) -> None:
    assert _one(text, trigger)["place"] == place
