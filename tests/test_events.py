"""PLOVER events from parsed sentences: types, actors, targets, modality, fields."""

from __future__ import annotations

import pytest

from dateline.api import extract_record
from dateline.extract.events import tables
from dateline_testing import EVENTS_PUBLISHED as PUBLISHED
from dateline_testing import events_of as run


def first(nlp, text: str) -> dict:
    events = run(nlp, text)
    assert events, f"no event in {text!r}"
    return events[0]


def summary(ev: dict) -> tuple:
    actor = (ev["actor"] or {}).get("country")
    target = (ev["target"] or {}).get("country")
    return ev["type"], actor, target


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Japan imposed sanctions on North Korea.", ("SANCTION", "JPN", "PRK")),
        ("Brazil's president praised Argentina's economic reforms.", ("SUPPORT", "BRA", "ARG")),
        ("Pakistan accused India of shelling villages in Kashmir.", ("ACCUSE", "PAK", "IND")),
        ("Mexico rejected a Guatemalan request for troops.", ("REJECT", "MEX", "GTM")),
        ("Israeli warplanes struck targets in Gaza overnight.", ("ASSAULT", "ISR", "PSE")),
        ("France expelled two Russian diplomats.", ("SANCTION", "FRA", "RUS")),
        ("The German foreign minister met his Polish counterpart in Berlin.",
         ("CONSULT", "DEU", "POL")),
        ("The Cuban government released 50 political prisoners.", ("RETREAT", "CUB", "CUB")),
        ("Venezuela threatened to bomb Colombian border posts on Monday.",
         ("THREATEN", "VEN", "COL")),
    ],
)
def test_types_actors_targets(nlp, text: str, expected: tuple) -> None:
    assert summary(first(nlp, text)) == expected


def test_threat_absorbs_the_threatened_attack(nlp) -> None:
    # One event: the threat; "bomb" only says what was threatened.
    events = run(nlp, "Venezuela threatened to bomb Colombian border posts on Monday.")
    assert [e["type"] for e in events] == ["THREATEN"]


def test_negated_attack_is_no_event(nlp) -> None:
    assert run(nlp, "Kenyan police did not attack the protesters.") == []


def test_negated_acceptance_is_a_rejection(nlp) -> None:
    assert summary(first(nlp, "Chile will not accept the Peruvian proposal.")) == (
        "REJECT", "CHL", "PER")


def test_going_all_the_way_is_a_threat_not_an_assault(nlp) -> None:
    ev = first(nlp, "The Syrian army will go all the way in Idlib, the defence minister said.")
    assert ev["type"] == "THREATEN"
    assert ev["actor"]["country"] == "SYR"
    assert ev["actor"]["sector"] == "MIL"


def test_planned_offensive_is_a_threat(nlp) -> None:
    ev = first(nlp, "Iraqi forces were preparing for an offensive on the city.")
    assert ev["type"] == "THREATEN"
    assert ev["actor"]["country"] == "IRQ"


def test_promised_aid_is_an_agreement(nlp) -> None:
    assert summary(first(nlp, "Norway will send food aid to Somalia.")) == (
        "AGREE", "NOR", "SOM")


def test_reported_obligation_is_a_request_by_the_speaker(nlp) -> None:
    ev = first(nlp, "Egyptian officials said Libya must release the detained fishermen.")
    assert summary(ev) == ("REQUEST", "EGY", "LBY")


def test_passive_agent_is_the_actor(nlp) -> None:
    ev = first(nlp, "A convoy was attacked by Taliban fighters near Kandahar.")
    assert ev["type"] == "ASSAULT"
    assert (ev["actor"]["country"], ev["actor"]["sector"]) == ("AFG", "REB")


def test_nominal_trigger_with_demonym(nlp) -> None:
    ev = first(nlp, "Russian naval drills began in the Baltic Sea.")
    assert ev["type"] == "MOBILIZE"
    assert ev["actor"]["country"] == "RUS"


def test_meeting_as_circumstance_is_its_own_event(nlp) -> None:
    events = run(nlp, "The Kenyan envoy raised the issue in a meeting with the Ugandan ambassador.")
    consult = [e for e in events if e["type"] == "CONSULT"]
    assert len(consult) == 1
    assert summary(consult[0]) == ("CONSULT", "KEN", "UGA")


def test_possessive_pronoun_resolves_to_speaker(nlp) -> None:
    ev = first(nlp, "Erdogan said his country was collaborating with Russia and Iran.")
    assert summary(ev) == ("COOPERATE", "TUR", "RUS")


def test_vague_actor_takes_the_country_of_the_story(nlp) -> None:
    ev = first(nlp, "Thousands of students protested in Ankara on Friday.")
    assert ev["type"] == "PROTEST"
    assert ev["actor"]["country"] == "TUR"


def test_record_fields(nlp) -> None:
    text = "Peace returned. Japan imposed sanctions on North Korea."
    ev = first(nlp, text)
    assert ev["sentence"] == 1
    assert text[ev["start"]:ev["end"]] == ev["text"] == "imposed"
    assert ev["mode"] is None
    assert ev["quad"] == "material conflict"
    assert ev["intensity"] == tables().types["SANCTION"].intensity
    assert -10 <= ev["intensity"] < 0
    # No dates or places from the other extractors: the publication date, no place.
    assert ev["date"] == "2021-03-10"
    assert ev["place"] is None


def test_date_and_place_come_from_other_extractors(nlp) -> None:
    text = "Peace returned. On Monday Japan imposed sanctions on North Korea in Tokyo."
    dates = [
        {"text": "Peace", "start": 0, "end": 5, "sentence": 0, "type": "DATE", "value": "2021-01-01"},
        {"text": "Monday", "start": 19, "end": 25, "sentence": 1, "type": "DATE", "value": "2021-W10"},
        {"text": "Monday", "start": 19, "end": 25, "sentence": 1, "type": "DATE", "value": "2021-03-08"},
    ]
    places = [{"text": "Tokyo", "start": 68, "end": 73, "sentence": 1, "name": "Tokyo"}]
    ev = run(nlp, text, dates=dates, places=places)[0]
    # The first full date of the event's own sentence, not of another sentence.
    assert ev["date"] == "2021-03-08"
    assert ev["place"] == "Tokyo"


def _places(text: str, *named: tuple[str, str]) -> list[dict]:
    """Place items for each ``(name, kind)`` at its first occurrence in sentence 0."""
    out = []
    for name, kind in named:
        start = text.index(name)
        out.append({"text": name, "start": start, "end": start + len(name), "sentence": 0,
                    "name": name, "kind": kind})
    return out


def test_event_place_is_where_not_who(nlp) -> None:
    # the actor's own name is who acted; the city after "visit to" is where
    text = "Iran signed an agreement with Syria during a visit to Damascus."
    places = _places(text, ("Iran", "country"), ("Syria", "country"), ("Damascus", "city"))
    ev = run(nlp, text, places=places)[0]
    assert (ev["type"], ev["actor"]["text"], ev["place"]) == ("AGREE", "Iran", "Damascus")
    # nothing but the actor: no place rather than a wrong one
    text = "Ankara backs several rebel factions."
    ev = run(nlp, text, places=_places(text, ("Ankara", "city")))[0]
    assert ev["place"] is None


def test_a_country_naming_whose_troops_or_embassy_is_no_place(nlp) -> None:
    # "U.S. soldiers" are American, not in America, unless the story is about America; its
    # lawmakers and a town's residents are at home
    text = "Insurgents ambushed U.S. soldiers on Tuesday."
    ev = run(nlp, text, places=_places(text, ("U.S.", "country")))[0]
    assert (ev["type"], ev["place"]) == ("ASSAULT", None)
    text = "Protesters stormed the U.S. embassy in Tripoli."
    places = _places(text, ("U.S.", "country"), ("Tripoli", "city"))
    assert run(nlp, text, places=places)[0]["place"] == "Tripoli"
    text = "Protesters stormed the U.S. embassy."
    assert run(nlp, text, places=_places(text, ("U.S.", "country")))[0]["place"] is None
    text = "The American president pledged that U.S. troops would help the Gulf coast."
    places = [dict(p, country="US") for p in _places(text, ("U.S.", "country"))]
    assert [e["place"] for e in run(nlp, text, places=places)] == ["U.S."]   # a story about the US
    text = "Protesters attacked U.S. lawmakers on Monday."   # lawmakers act at home
    assert run(nlp, text, places=_places(text, ("U.S.", "country")))[0]["place"] == "U.S."
    text = "Tripoli residents said gunmen attacked a television station."
    places = _places(text, ("Tripoli", "city"))
    assert [e["place"] for e in run(nlp, text, places=places)] == ["Tripoli"]


def test_event_place_after_in_and_what_is_struck(nlp) -> None:
    # a meeting: the place after "in"; a strike: the city struck, not the summit's city
    text = "The leaders of Russia and Turkey met in Tehran on Friday."
    places = _places(text, ("Russia", "country"), ("Turkey", "country"), ("Tehran", "city"))
    ev = run(nlp, text, places=places)[0]
    assert (ev["type"], ev["place"]) == ("CONSULT", "Tehran")
    text = "Syrian jets bombed Idlib a day after a summit in Tehran."
    ev = run(nlp, text, places=_places(text, ("Idlib", "city"), ("Tehran", "city")))[0]
    assert (ev["type"], ev["place"]) == ("ASSAULT", "Idlib")


def test_every_type_has_a_quad_and_an_intensity() -> None:
    types = tables().types
    assert set(types) == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
    assert types["ASSAULT"].intensity < types["THREATEN"].intensity < 0 < types["AID"].intensity
    assert types["AGREE"].quad == "verbal cooperation"
    assert types["AID"].quad == "material cooperation"
    assert types["ACCUSE"].quad == "verbal conflict"


def test_no_trigger_no_event(nlp) -> None:
    assert run(nlp, "The weather in Lisbon was mild.") == []


def test_what_someone_is_accused_of_is_not_part_of_the_target(nlp):
    # the parser hangs "of staging" on "rebels", not on "accused"
    ev = first(nlp, "Moscow accused the rebels of staging chemical attacks.")
    assert ev["type"] == "ACCUSE"
    assert ev["actor"]["text"] == "Moscow"
    assert ev["target"]["text"] == "the rebels"


def test_a_joined_clause_keeps_its_own_actor_and_lends_none_to_the_first(nlp):
    # the parser gives "accused" two subjects, "ally" and "Russia"; "denies" has no
    # target of its own and must not take Russia from the clause joined to it
    events = run(nlp, "Damascus denies ever having used chemical weapons, and its ally "
                      "Russia has accused rebels of staging such attacks.")
    by_type = {ev["type"]: ev for ev in events}
    assert by_type["ACCUSE"]["actor"]["text"] == "Russia"
    assert by_type["ACCUSE"]["target"]["text"] == "rebels"
    assert by_type["REJECT"]["actor"]["text"] == "Damascus"
    assert by_type["REJECT"]["target"] is None


# -- real-news rules (issue 12): what did not happen, sport, crime, questions, comments --


@pytest.mark.parametrize("text", [
    "Washington said it would act if Syrian forces attacked civilians with chemical weapons.",
    "If Russian jets bombed the city again, France would respond.",
    "It is unclear whether Syrian troops shelled the camp.",
])
def test_event_in_a_condition_is_not_reported(nlp, text):
    assert [e for e in run(nlp, text) if e["type"] == "ASSAULT"] == []


def test_material_event_under_a_modal_is_hypothetical(nlp):
    ev = next(e for e in run(nlp, "Turkish officials said a Russian assault on Idlib "
                                  "would lead to a disaster.") if e["type"] == "ASSAULT")
    assert ev["mode"] == "hypothetical"
    ev = first(nlp, "Iranian protesters will march in Tehran on Friday.")
    assert (ev["type"], ev["mode"]) == ("PROTEST", "hypothetical")


def test_event_that_happened_keeps_its_mode(nlp):
    ev = first(nlp, "Russian troops attacked the town of Saraqib on Monday.")
    assert (ev["type"], ev["mode"]) == ("ASSAULT", None)


def test_no_longer_and_nobody_negate(nlp):
    ev = first(nlp, "The Kenyan opposition party said it would no longer support the president.")
    assert ev["type"] == "REJECT"
    assert run(nlp, "Nobody is standing by the rebels now.") == []


def test_question_reports_no_event(nlp):
    assert run(nlp, "What has the army ever given our village?") == []


def test_commit_with_an_object_is_no_pledge(nlp):
    assert run(nlp, "Commanders committed crimes against civilians, the report said.") == []
    assert first(nlp, "The government committed to a ceasefire on Monday.")["type"] == "AGREE"


def test_strike_among_words_of_war_is_an_attack(nlp):
    ev = first(nlp, "NATO strikes hit an ammunition depot on Saturday.")
    assert (ev["type"], ev["mode"], ev["actor"]["country"]) == ("ASSAULT", "aerial", "IGO")
    ev = first(nlp, "Dock workers went on strike in Marseille over pay.")
    assert (ev["type"], ev["mode"]) == ("PROTEST", "strike")


@pytest.mark.parametrize("text", [
    "Arsenal beat Chelsea 2-1 in the Premier League on Saturday.",
    "The striker attacked the defender during the match.",
])
def test_sport_is_no_political_event(nlp, text):
    assert [e for e in run(nlp, text) if e["quad"] == "material conflict"] == []


def test_political_actor_in_a_sport_sentence_stays(nlp):
    ev = first(nlp, "Egyptian police detained 30 fans of a banned club after the match.")
    assert (ev["type"], ev["actor"]["country"]) == ("COERCE", "EGY")


def test_ordinary_crime_is_no_political_event(nlp):
    assert run(nlp, "Police arrested a suspect in the murder of a shopkeeper.") == []
    ev = first(nlp, "Egyptian police arrested 40 Islamist activists in Cairo on Monday.")
    assert (ev["type"], ev["actor"]["country"]) == ("COERCE", "EGY")


def test_reader_comments_report_no_event(nlp):
    # The normalisation stage, which every article goes through, hides the comments.
    from dateline.normalise import normalise

    text = normalise("Russian troops attacked the town of Saraqib on Monday.\n"
                     "March 8, 2011 at 6:19 pm | Reagan bombed Libya in 1986 and we should "
                     "again.").text
    assert [e["text"] for e in run(nlp, text)] == ["attacked"]


def test_organisation_read_as_a_town_is_no_event_place(nlp):
    text = "NATO aircraft bombed an ammunition depot on Monday."
    nato = {"text": "NATO", "start": 0, "end": 4, "sentence": 0, "name": "Nato",
            "country": "PH", "kind": "city"}
    ev = run(nlp, text, places=[nato])[0]
    assert (ev["type"], ev["place"]) == ("ASSAULT", None)


def test_question_followed_by_more_words_reports_no_event(nlp):
    text = "“What has the army ever given our village?” a farmer near the dam said."
    assert [e for e in run(nlp, text) if e["type"] == "AID"] == []


def test_give_is_aid_only_when_aid_is_given(nlp):
    ev = first(nlp, "Turkey gave food and shelter to 5,000 refugees on Monday.")
    assert (ev["type"], ev["actor"]["country"]) == ("AID", "TUR")
    assert run(nlp, "The reports were given little credence by coalition forces.") == []
    assert run(nlp, "Crimes committed by their soldiers went unpunished.") == []


def test_how_many_asks_and_reports_no_event(nlp):
    text = "The alliance did not say how many people were killed in the raid."
    assert [e for e in run(nlp, text) if e["type"] == "ASSAULT"] == []


def test_event_with_neither_actor_nor_target_is_dropped(nlp):
    assert run(nlp, "Everyone has been given blankets and hot meals at the stadium.") == []


def test_gerund_after_a_preposition_is_absorbed_by_its_noun_trigger(nlp):
    text = "The senator repeated his proposals for the president's stepping down."
    assert "RETREAT" not in [e["type"] for e in run(nlp, text)]


def test_noun_trigger_of_another_noun_takes_no_actor_from_its_verb(nlp):
    # the raid was the other side's: Iran only threatened
    text = ("Iran threatened to shell Iraqi villages on Monday in retaliation for an air "
            "raid on the port of Basra.")
    assert [e["type"] for e in run(nlp, text)] == ["THREATEN"]


def test_relatives_are_civilians(nlp):
    ev = first(nlp, "The parents of the student condemned the government.")
    assert (ev["type"], ev["actor"]["sector"]) == ("ACCUSE", "CVL")


def test_those_who_is_not_the_speaker(nlp):
    # "those who gave the positions" are not the spokesman who curses them
    text = "“God punish those who gave the positions for the attack,” a Libyan spokesman cried."
    assert [e for e in run(nlp, text) if e["type"] == "ASSAULT"] == []


@pytest.mark.parametrize(("text", "dates", "expected"), [
    # a year or a month that modifies the event's own clause dates it at that precision
    ("In 1990 the army shelled the northern villages.",
     [("1990", "DATE", "1990")], "1990"),
    ("Rebel fighters attacked the garrison last month.",
     [("last month", "DATE", "2021-02")], "2021-02"),
    ("The militia began shelling the port on Monday.",
     [("Monday", "DATE", "2021-03-08")], "2021-03-08"),
    # the reporting clause's day is no date of the attack itself: its month is
    ("Officials said on Tuesday that rebel fighters attacked the garrison in January.",
     [("Tuesday", "DATE", "2021-03-09"), ("January", "DATE", "2021-01")], "2021-01"),
    # no date of its own: the first full date of the sentence, as before
    ("Officials said on Tuesday that rebel fighters attacked the garrison.",
     [("Tuesday", "DATE", "2021-03-09")], "2021-03-09"),
    # a week is no calendar date: a past week inside one month gives that month (rules-events
    # EE; it was the publication date, which the judges found days late)
    ("Rebel fighters attacked the garrison last week.",
     [("last week", "DATE", "2021-W09")], "2021-03"),
])
def test_event_date_takes_the_precision_of_its_own_clause(nlp, text, dates, expected) -> None:
    items = []
    for words, kind, value in dates:
        start = text.index(words)
        items.append({"text": words, "start": start, "end": start + len(words), "sentence": 0,
                      "type": kind, "value": value})
    events = [ev for ev in run(nlp, text, dates=items) if ev["type"] == "ASSAULT"]
    assert [ev["date"] for ev in events] == [expected]


@pytest.mark.parametrize("words", ["since January", "over the past year", "until January"])
def test_a_bound_or_stretch_of_time_does_not_date_the_event(nlp, words) -> None:
    # "killed since January" spans January to now: the publication date stays
    text = f"Rebel fighters have attacked the garrison {words}."
    start = text.index(words.split()[-1]) if words != "over the past year" else text.index("the past")
    end = text.index(".")
    dates = [{"text": text[start:end], "start": start, "end": end, "sentence": 0,
              "type": "DATE", "value": "2021-01" if "January" in words else "2020"}]
    events = [ev for ev in run(nlp, text, dates=dates) if ev["type"] == "ASSAULT"]
    assert [ev["date"] for ev in events] == ["2021-03-10"]


def _party(ev: dict, role: str) -> tuple | None:
    p = ev[role]
    return None if p is None else (p["text"], p["country"], p["sector"])


@pytest.mark.parametrize(("text", "target"), [
    # the victims, not the country they were killed in; the country completes them
    ("About 300 villagers have been killed in Myanmar this year.",
     ("About 300 villagers", "MMR", "CVL")),
    # a possessor names the target: the phrase it owns is the target's text
    ("Two missiles struck Mugabe's farmhouse near Harare.", ("Mugabe's farmhouse", "ZWE", "GOV")),
    # an act or plan of the owner: the owner, without the possessive
    ("Norway welcomed the Kenyan government's plan.", ("the Kenyan government", "KEN", "GOV")),
])
def test_target_phrase_and_country(nlp, text, target) -> None:
    ev = first(nlp, text)
    assert _party(ev, "target") == target


def test_role_adjective_of_an_act_is_no_target(nlp) -> None:
    # "a military response": an act of a kind, not the military as its target
    ev = first(nlp, "Ankara threatened a swift military response.")
    assert (ev["type"], _party(ev, "actor")[1], ev["target"]) == ("THREATEN", "TUR", None)


def test_armed_men_of_a_ruler_are_military(nlp) -> None:
    ev = first(nlp, "Mugabe's soldiers beat the protesters.")
    assert _party(ev, "actor") == ("Mugabe's soldiers", "ZWE", "MIL")


def test_a_person_keeps_the_country_the_article_gave_him(nlp) -> None:
    # the second mention names no country; the first one did
    text = ("Kenyan Foreign Minister Otieno Wambua landed in Addis Ababa. "
            "Minister Wambua met Ethiopian officials on Tuesday.")
    events = [ev for ev in run(nlp, text) if ev["type"] == "CONSULT" and ev["text"] == "met"]
    assert [_party(ev, "actor") for ev in events] == [("Minister Wambua", "KEN", "GOV")]


def test_foreign_people_do_not_take_the_country_the_text_is_about(nlp) -> None:
    # the text is about Sudan; "foreign aid workers" are not Sudanese
    text = "Sudan is in crisis. Foreign aid workers were expelled by the Sudanese authorities."
    events = [ev for ev in run(nlp, text) if ev["text"] == "expelled"]
    assert [(_party(ev, "actor")[1], _party(ev, "target")[1]) for ev in events] == [("SDN", None)]


def test_nothing_inside_the_actors_phrase_is_its_target(nlp) -> None:
    # the tanks back the troops: they are no target of the attack
    ev = first(nlp, "Mugabe's troops, backed by armoured vehicles, attacked the rebels.")
    assert _party(ev, "target")[0] == "the rebels"


def test_a_dated_headline_without_a_verb_is_coded_in_bounded_time(nlp) -> None:
    # The walk up to a verb stops at the root: spaCy makes a new Token object on each
    # access, so comparing tokens by identity never saw the root (an endless loop that
    # cost a real article its 60 s budget). An alarm turns a hang into a failure.
    import signal

    def hang(signum, frame):
        raise TimeoutError("events extractor did not return within 20 s")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(20)
    try:
        record = extract_record("Talks between Russia and Turkey in Sochi on Tuesday.",
                                published=PUBLISHED)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    # the talks are dated by their own "on Tuesday": the day before a Wednesday
    assert [(ev["type"], ev["date"]) for ev in record["events"]] == [("CONSULT", "2021-03-09")]
