"""The events extractor's acceptance step (issue 12): words that look like an event
but report no act of its type are turned away, each by a named pattern
(:data:`dateline.extract.events.REFUSALS`).

Every sentence is our own, written in the shape of the news text where the pattern
was seen; each refused shape has a control beside it that stays an event.
"""

from __future__ import annotations

import pytest

from dateline.extract.events import REFUSALS, refusal
from dateline_testing import events_of as run


def reason(nlp, text: str, trigger: str, etype: str) -> str | None:
    """The acceptance step's verdict on the first token ``trigger`` of ``text``."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return refusal(tok, etype)


@pytest.mark.parametrize("text, trigger, etype, expected", [
    # naming: "call" with a predicate ("what it called", "called X the Y")
    ("The charity said its ships brought what it called a lifeline for the besieged town.",
     "called", "REQUEST", "naming"),
    ("The monitoring group called the clashes the worst in the capital this year.",
     "called", "REQUEST", "naming"),
    # failure: "fail to" with no accord refused
    ("A march planned on social media failed to materialize.", "failed", "REJECT", "failure"),
    ("The observers failed to stop the crackdown.", "failed", "REJECT", "failure"),
    # aim: "seek" to do, or a participle adjunct
    ("The envoy seeks to set up a team of monitors.", "seeks", "REQUEST", "aim"),
    ("Hundreds of farmers crossed the border seeking work.", "seeking", "REQUEST", "aim"),
    # to-blame: responsibility, not an accusation
    ("Both the army and the militias are to blame for the violence.", "blame", "ACCUSE", "to-blame"),
    # interview: talks with the news media
    ("Rebel commanders talked with CNN's correspondent near the border.", "talked", "CONSULT",
     "interview"),
    ("The BBC's correspondent meets a family who fled the shelling.", "meets", "CONSULT",
     "interview"),
    # instruction: an imperative to the reader
    ("Ask the ministry's economists about the budget and they will smile.", "Ask", "REQUEST",
     "instruction"),
    # question: "asks X" after the question
    ("But how reliable are the figures, asks our defence correspondent.", "asks", "REQUEST",
     "question"),
    # opinion: offering one's take is no offer
    ("The columnist offers his take on what the alliance should do next.", "offers", "AGREE",
     "opinion"),
    # paying: "shell out" money
    ("The insurer has already shelled out more than $2 billion to farmers.", "shelled",
     "ASSAULT", "paying"),
    # showing: "demonstrate" with an object
    ("The rebels demonstrated their ability to hold the valley.", "demonstrated", "PROTEST",
     "showing"),
    ("Engineers demonstrate a new pump for the inspectors.", "demonstrate", "PROTEST", "showing"),
    # opinion-agreement: agreeing with a finding, or impersonally
    ("The professor agreed with the panel's findings on the dam.", "agreed", "AGREE",
     "opinion-agreement"),
    ("It is widely agreed that the reforms came too late.", "agreed", "AGREE",
     "opinion-agreement"),
    # signed-text: signing what is no accord
    ("Forty officers signed a letter to the newspaper about their pay.", "signed", "AGREE",
     "signed-text"),
    # private-gain: a job or a gift offered or accepted
    ("The veteran was offered a job by a local bakery.", "offered", "AGREE", "private-gain"),
    ("Two inspectors accepted gifts from the drilling firms.", "accepted", "AGREE",
     "private-gain"),
    # claim: "insist" that something is so
    ("The minister insisted on state television that the rebels were losing.", "insisted",
     "REQUEST", "claim"),
    # standing-by-words: keeping to one's findings
    ("The army said it stood by its findings on the crash.", "stood", "SUPPORT",
     "standing-by-words"),
    # seize-on: making use of something
    ("Opposition officials seized on the minister's resignation as a sign of weakness.",
     "seized", "COERCE", "seize-on"),
    # not-forces: gear deployed
    ("Crews deployed booms along the coast on Friday.", "deployed", "MOBILIZE", "not-forces"),
    # effort: fighting to save or contain something
    ("Volunteers battled to save the beaches from the oil.", "battled", "ASSAULT", "effort"),
    # met-by-force: a confrontation, not a meeting
    ("The marchers were met by riot police outside the ministry.", "met", "CONSULT",
     "met-by-force"),
    # met-thing: a demand satisfied or resistance encountered
    ("Kenya said it had met all the conditions set by the lenders.", "met", "CONSULT",
     "met-thing"),
    ("The convoy met stiff resistance outside the town.", "met", "CONSULT", "met-thing"),
    # talk-about: a topic with no one to talk to
    ("We are talking about a disaster on a huge scale.", "talking", "CONSULT", "talk-about"),
])
def test_refused_patterns(nlp, text: str, trigger: str, etype: str, expected: str) -> None:
    assert expected in REFUSALS
    assert reason(nlp, text, trigger, etype) == expected


@pytest.mark.parametrize("text, trigger, etype", [
    ("Government artillery shelled the old town overnight.", "shelled", "ASSAULT"),
    ("Kenyan troops shelled a market in Kismayo.", "shelled", "ASSAULT"),
    ("Kenya insisted that Uganda must withdraw its troops.", "insisted", "REQUEST"),
    ("Kenya stood by its ally during the crisis.", "stood", "SUPPORT"),
    ("Rebels seized the airport on Sunday.", "seized", "COERCE"),
    ("Rebel forces fought to regain the oil town.", "fought", "ASSAULT"),
    ("The envoy was met by the foreign minister at the airport.", "met", "CONSULT"),
    ("The Kenyan president met the Ugandan envoy in Nairobi.", "met", "CONSULT"),
    ("The two ministers talked about the border for an hour.", "talked", "CONSULT"),
    ("Kenya agreed with Somalia on a joint border patrol.", "agreed", "AGREE"),
    ("The two presidents signed a trade agreement in Nairobi.", "signed", "AGREE"),
    ("Uganda offered troops to the African Union force.", "offered", "AGREE"),
    ("Thousands demonstrated against the new tax in the capital.", "demonstrated", "PROTEST"),
    ("The opposition called for a ceasefire in the north.", "called", "REQUEST"),
    ("Kenya and Somalia failed to reach agreement on the border.", "failed", "REJECT"),
    ("The government sought help from its neighbours.", "sought", "REQUEST"),
    ("The minister blamed the rebels for the attack.", "blamed", "ACCUSE"),
    ("The Turkish foreign minister talked with his Iranian counterpart.", "talked", "CONSULT"),
    ("Japan offered aid to the flooded provinces.", "offered", "AGREE"),
])
def test_accepted_controls(nlp, text: str, trigger: str, etype: str) -> None:
    assert reason(nlp, text, trigger, etype) is None


@pytest.mark.parametrize("text", [
    "The charity said its ships brought what it called a lifeline for the besieged town.",
    "A rally planned by Kenyan students failed to materialize.",
    "Hundreds of Bangladeshi workers entered Libya seeking work.",
    "Rebel commanders talked with CNN's correspondent near the Tunisian border.",
    # highlights run together into one sentence (a news site's bullet points)
    "Heavy fighting near the capital NEW : Kenyan officials say troops attacked a camp "
    "NEW : Somalia's president calls for talks",
    # a list of facts run together ("... says the UN At least 200 killed ...")
    "Food is running short, says the UN At least 200 killed since Kenyan troops attacked the town",
])
def test_no_event_on_real_news_shapes(nlp, text: str) -> None:
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, trigger, etype, expected", [
    # asked: an interviewer's question, or asking whether
    ("Speaking on a radio show, Sheikh Khalid was asked if he backed the strikes.", "asked",
     "REQUEST", "asked"),
    ("When asked about the blockade, the Chinese minister said nothing.", "asked", "REQUEST", "asked"),
    ("The Kenyan envoy asked whether the monitors would stay.", "asked", "REQUEST", "asked"),
    # claim: "suggest" with a clause of fact
    ("The Kenyan minister has suggested that the rebels are ready to negotiate.", "suggested",
     "REQUEST", "claim"),
    # aim: "seek" in a relative clause names what was aimed at
    ("The aims the ministers sought were modest.", "sought", "REQUEST", "aim"),
    # consequence: ", allowing X to ..."
    ("The government dithered for weeks, allowing the militia to take the port.", "allowing",
     "CONCEDE", "consequence"),
    # writer: the reporter's own "I"
    ("I was permitted to stay only one night in Garissa by the Kenyan army.", "permitted",
     "CONCEDE", "writer"),
    # wish: a noun event wanted
    ("It seems the Red Crescent wants a truce so it can reach the wounded.", "truce", "AGREE",
     "wish"),
    # draft: a draft text's wording
    ("The draft EU resolution condemns the crackdown by Ethiopian forces.", "condemns", "ACCUSE",
     "draft"),
    # access-caveat: a standing restriction on the media, in the present
    ("Kenya restricts access to foreign journalists, and reports are hard to verify.",
     "restricts", "COERCE", "access-caveat"),
    ("These accounts are hard to check because foreign journalists are banned from Eritrea.",
     "banned", "COERCE", "access-caveat"),
])
def test_refused_patterns_real_news(nlp, text: str, trigger: str, etype: str, expected: str) -> None:
    assert expected in REFUSALS
    assert reason(nlp, text, trigger, etype) == expected


@pytest.mark.parametrize("text, trigger, etype", [
    ("The Kenyan president was asked by the UN to mediate between the two sides.", "asked", "REQUEST"),
    ("Uganda asked Kenya to hand over the suspects.", "asked", "REQUEST"),
    ("The Kenyan minister suggested that the talks should resume in Arusha.", "suggested", "REQUEST"),
    ("The government sought help from its neighbours.", "sought", "REQUEST"),
    ("The army allowed aid convoys into the town on Monday.", "allowed", "CONCEDE"),
    ("The Red Crescent agreed to a truce with the militia.", "agreed", "AGREE"),
    ("The EU resolution condemns the crackdown by Ethiopian forces.", "condemns", "ACCUSE"),
    # a draft supported by members is their act
    ("The draft resolution was supported by eleven of the fifteen council members.",
     "supported", "SUPPORT"),
    ("Kenyan police arrested two foreign journalists in Garissa on Monday.", "arrested", "COERCE"),
    ("Eritrea banned foreign journalists from the border region last week.", "banned", "COERCE"),
])
def test_accepted_controls_real_news(nlp, text: str, trigger: str, etype: str) -> None:
    assert reason(nlp, text, trigger, etype) is None


@pytest.mark.parametrize("text", [
    "President Ruto has signed decrees lifting the curfew in the coastal towns.",
    "Nairobi had abandoned hope that Museveni would listen to the Kenyan envoy.",
    "Kenyan diplomats voiced scepticism that Ethiopia is committed to a lasting ceasefire.",
    "The Kenyan government had no support from its neighbours.",
    "Kenyan police blocked the main roads into Nairobi on Monday.",
    "The couple flew to Ghana and Togo on Friday, where the Kenyan president will meet with "
    "both heads of state.",
])
def test_no_event_on_real_news_shapes_2(nlp, text: str) -> None:
    assert run(nlp, text) == []


def test_forces_arriving_are_moved_not_visiting(nlp) -> None:
    evs = run(nlp, "Ethiopian security forces arrived in the town last month with tanks.")
    assert [(e["type"], e["mode"], e["actor"]["country"], e["target"]) for e in evs] == [
        ("MOBILIZE", "troops", "ETH", None)]


def test_controls_stay_events(nlp) -> None:
    assert [e["type"] for e in run(nlp, "Opposition supporters blocked the main roads into "
                                        "Nairobi on Monday.")] == ["PROTEST"]
    assert [e["type"] for e in run(nlp, "Museveni said he will meet the Kenyan envoy next week.")] \
        == ["AGREE"]
    assert [e["type"] for e in run(nlp, "President Ruto has signed an agreement with Ethiopia "
                                        "on the border.")] == ["AGREE"]


@pytest.mark.parametrize("text, trigger, etype, expected", [
    ("Two years ago Moscow and Beijing stopped a Security Council resolution that condemned "
     "Ethiopia's leaders.", "condemned", "ACCUSE", "draft"),
    ("Kenya currently hosts roughly 30,000 Somalis, many of them former soldiers.", "hosts",
     "CONSULT", "hosting-people"),
    ("Opposition fighters were desperately defending their city against the Ethiopian army.",
     "defending", "SUPPORT", "armed-defence"),
    ("When The Guardian, a British newspaper, asked her what she made of the Somali refugees, "
     "she gave no answer.", "asked", "REQUEST", "interview"),
])
def test_refused_patterns_real_news_2(nlp, text: str, trigger: str, etype: str, expected: str) -> None:
    assert expected in REFUSALS
    assert reason(nlp, text, trigger, etype) == expected


@pytest.mark.parametrize("text, trigger, etype", [
    ("The UN Security Council condemned the government of Ethiopia.", "condemned", "ACCUSE"),
    ("Chile hosted a delegation of Peruvian lawmakers in Santiago.", "hosted", "CONSULT"),
    ("The Kenyan foreign minister defended the decision to close the border.", "defended",
     "SUPPORT"),
])
def test_accepted_controls_real_news_2(nlp, text: str, trigger: str, etype: str) -> None:
    assert reason(nlp, text, trigger, etype) is None


@pytest.mark.parametrize("text", [
    "Thousands of people are fleeing the fighting in Somalia.",
    "Kenya currently hosts roughly 30,000 Somalis, many of them former soldiers.",
    "Opposition fighters were desperately defending their city against the Ethiopian army.",
    "The Kenyan army also fought a public relations campaign on Sunday.",
    "Kenya is not a threat to Ethiopia, the minister said.",
    "When The Guardian, a British newspaper, asked her what she made of the Somali refugees, "
    "she gave no answer.",
    "Two years ago Moscow and Beijing stopped a Security Council resolution that condemned "
    "Ethiopia's leaders.",
])
def test_no_event_on_real_news_shapes_3(nlp, text: str) -> None:
    assert [e["type"] for e in run(nlp, text)] in ([], ["REJECT"])  # the stopping may be a REJECT
    assert not any(e["type"] in ("ASSAULT", "CONSULT", "SUPPORT", "THREATEN", "REQUEST", "ACCUSE")
                   for e in run(nlp, text))


def test_news_agency_never_the_attacker(nlp) -> None:
    text = ("That evening Xinhua reported that a minibus had been attacked outside a Kenyan town, "
            "according to the AP news agency, with six travellers from Nakuru province killed.")
    assert not any((e["actor"] or {}).get("sector") == "MED" for e in run(nlp, text))


def test_fighting_and_threats_still_coded(nlp) -> None:
    assert [e["type"] for e in run(nlp, "Kenyan troops fought Somali militants near the border.")] \
        == ["ASSAULT"]
    assert [e["type"] for e in run(nlp, "Ethiopia warned Kenya of a military response.")] \
        == ["THREATEN"]


@pytest.mark.parametrize("text, trigger, etype, expected", [
    ("It is alleged the cash comes from donors in the Gulf.", "alleged", "ACCUSE", "impersonal"),
    ("The minister sat down on a chair.", "sat", "CONSULT", "seated"),
    ("The US is telling the militia to stop fighting.", "fighting", "ASSAULT", "cessation"),
    # accident: a killing or injury caused by an accident or a disaster
    ("A refinery explosion on the coast killed nine workers last spring.", "killed", "ASSAULT",
     "accident"),
    ("Six miners were killed in the accident at the copper mine.", "killed", "ASSAULT", "accident"),
    ("The cyclone killed at least forty people along the delta.", "killed", "ASSAULT", "accident"),
    ("Dozens of workers were injured by a gas blast at the plant.", "injured", "ASSAULT",
     "accident"),
    # figurative: a verb of attack on a thing or a view
    ("Volunteers spent the week fighting the slick along the beaches.", "fighting", "ASSAULT",
     "figurative"),
    ("The ministry is fighting the perception that it acted too slowly.", "fighting", "ASSAULT",
     "figurative"),
    ("Senators from both parties moved to kill the bill.", "kill", "ASSAULT", "figurative"),
])
def test_refused_patterns_real_news_3(nlp, text: str, trigger: str, etype: str, expected: str) -> None:
    assert expected in REFUSALS
    assert reason(nlp, text, trigger, etype) == expected


@pytest.mark.parametrize("text, trigger, etype", [
    ("Kenya has alleged that Somali militants attacked the camp.", "alleged", "ACCUSE"),
    ("The Kenyan minister sat down with Somali elders in Garissa.", "sat", "CONSULT"),
    ("Kenyan and Somali officials sat down for talks in Nairobi.", "sat", "CONSULT"),
])
def test_accepted_controls_real_news_3(nlp, text: str, trigger: str, etype: str) -> None:
    assert reason(nlp, text, trigger, etype) is None


@pytest.mark.parametrize("text", [
    "It is alleged the cash comes from donors in the Gulf.",
    "Kenyan journalists visiting Somalia are distrusted by both camps.",
    "The minister sat down on a chair.",
])
def test_no_event_on_real_news_shapes_4(nlp, text: str) -> None:
    assert run(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The UN Security Council voted for tough restrictions against the Eritrean regime.",
    "Thousands of refugees have amassed at the Kenyan border in recent weeks.",
    "Two UN observers are now permanently stationed in Garissa.",
    "The company withdrew all its expatriate employees from Somalia earlier this month.",
    "People are afraid of being shot by Ethiopian forces, he said.",
    "A refinery explosion on the coast killed nine workers last spring.",
    "Six miners were killed in the accident at the copper mine.",
    "The cyclone killed at least forty people along the delta.",
    "Dozens of workers were injured by a gas blast at the plant.",
    # "the blast" of a story about a works explosion is that accident
    "A pipeline explosion shook the port town on Sunday. The blast killed seven workers and "
    "closed the harbour.",
])
def test_no_event_on_real_news_shapes_5(nlp, text: str) -> None:
    assert run(nlp, text) == []


def test_controls_stay_events_5(nlp) -> None:
    assert [e["type"] for e in run(nlp, "The UN Security Council voted against the Eritrean "
                                        "proposal.")] == ["REJECT"]
    assert [e["type"] for e in run(nlp, "Thousands of Ethiopian troops have amassed at the "
                                        "Kenyan border.")] == ["MOBILIZE"]
    assert [e["type"] for e in run(nlp, "Ethiopian forces shot three protesters in Moyale.")] \
        == ["ASSAULT"]
    # a bomb, or an explosion of unknown cause, stays an assault by someone unnamed; so does
    # "the blast" of a story about a bombing, and opening fire is no figure of speech
    for text in ("A car bomb explosion killed twelve people in the market on Monday.",
                 "An explosion near the barracks killed four soldiers.",
                 "Soldiers opened fire on the marchers in the square."):
        assert [e["type"] for e in run(nlp, text)] == ["ASSAULT"], text
    text = "A car bomb went off in the market on Sunday. The blast killed seven people."
    assert "ASSAULT" in [e["type"] for e in run(nlp, text)]


def test_every_refusal_reason_is_described_and_checked() -> None:
    # the acceptance step's checks and their reasons live in one registry
    # (dateline.extract.events._refuses): a reason without a check, or a check whose
    # reason has no description, would be a reason the docs and the code disagree on
    from dateline.extract.events import _REFUSAL_CHECKS
    checked = {name for name, _ in _REFUSAL_CHECKS}
    assert checked == set(REFUSALS)
    assert all(REFUSALS[name].strip() for name in checked)
