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
    ("The Pope, speaking to worshippers in Rome, urged Catholics to help the flood victims.",
     "urged", "Rome"),
    ("The Turkish foreign minister made the pledge at a meeting with rebel leaders in Misrata.",
     "pledge", "Misratah"),
    ("Oil executives testified at a hearing in Washington, where senators criticized the "
     "firms' emergency plans.", "criticized", "Washington"),
    ("The US interior secretary pledged on a visit to the state of Alabama to speed up the "
     "payments.", "pledged", "Alabama"),
    ("The French justice minister announced in Lyon that the government had launched an "
     "investigation into the attack.", "investigation", "Lyon"),
    # the occasion of another clause, or of the report of an earlier act, is not the act's
    ("The senator urged Moscow to join the talks, hours after the French minister gave a "
     "news conference in Paris.", "urged", None),
    ("At a news conference in Geneva, the UN envoy said she had asked the Syrian government "
     "for access to the camps.", "asked", None),
])
def test_a_statement_is_placed_only_where_it_was_made(text: str, trigger: str,
                                                       place: str | None) -> None:
    assert _one(text, trigger)["place"] == place


@pytest.mark.parametrize("text, trigger", [
    ("The Pope called for a swift relief effort after the floods in Pakistan.", "called"),
    ("Chinese officials expressed concern over the crisis in Syria.", "expressed"),
    ("The UN envoy rejected claims that the relief work in Pakistan was too slow.",
     "rejected"),
])
def test_where_the_matter_is_is_not_whom_words_are_aimed_at(text: str, trigger: str) -> None:
    assert _one(text, trigger)["target"] is None


@pytest.mark.parametrize("text, trigger, target", [
    # a body named with its place is still a party
    ("The French minister urged Damascus to stop the shelling.", "urged", "Damascus"),
    ("The US condemned the Syrian army's assault in Homs.", "condemned", "the Syrian army"),
    # a state's force against its people there is the state's, as PLOVER codes it
    ("The United States condemned the violence in Yemen on Monday.", "condemned", "Yemen"),
    # those urged are people of the place
    ("The UN aid chief urged the sides to the fighting in Yemen to open the roads.", "urged",
     "Yemen"),
    ("Canada's foreign minister urged the families in Haiti to stay calm.", "urged",
     "the families in Haiti"),
])
def test_a_party_named_in_a_demand_stays_its_target(text: str, trigger: str,
                                                    target: str) -> None:
    assert (_one(text, trigger)["target"] or {}).get("text") == target


def test_whoever_draws_criticism_is_its_target() -> None:
    ev = _one("The BP chief sparked criticism from Congress for his remarks.", "criticism")
    assert (ev["actor"]["text"], ev["target"]["text"]) == ("Congress", "The BP chief")


@pytest.mark.parametrize("text, trigger, actor, target", [
    ("BP accused of lying by US House Speaker Nancy Pelosi.", "accused",
     "US House Speaker Nancy Pelosi", "BP"),
    ("The Syrian government condemned over crackdown on protesters.", "condemned", None,
     "The Syrian government"),
    # the active keeps its roles
    ("The US blamed Iran for the attack.", "blamed", "The US", "Iran"),
])
def test_a_headline_passive_without_its_auxiliary(text: str, trigger: str, actor: str | None,
                                                  target: str) -> None:
    ev = _one(text, trigger)
    assert ((ev["actor"] or {}).get("text"), ev["target"]["text"]) == (actor, target)
