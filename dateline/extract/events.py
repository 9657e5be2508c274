"""Political events coded to PLOVER from the dependency parse.

For each sentence, verbs and some nouns ("talks", "drills", "offensive") are
matched against the trigger table ``data/events_patterns.tsv`` (lemma based; a
pattern may require more words among the trigger's dependents, as in "open
fire" or "impose curfew"). Then:

* a trigger inside the complement of another trigger is absorbed by it: in
  "Iran threatened to shell Iraqi towns" the event is THREATEN, and "shell"
  only supplies the target;
* negated triggers are dropped, except that a negated acceptance ("will not
  accept", "did not allow") is a REJECT;
* hypothetical material events (under will/would/may, or plan/prepare/willing,
  or a "planned"/"imminent" noun) are not events that happened: conflict ones
  (ASSAULT, COERCE, SANCTION) become THREATEN, cooperative ones become AGREE
  with mode ``intent``;
* other material events under a modal in their own clause ("an assault would
  amount to a massacre", "protesters will march") keep their type with mode
  ``hypothetical`` (left out of the GDELT and ACLED exports); events inside a
  condition or open question ("if forces used chemical weapons", "whether
  troops fired") are dropped, and so are "no longer" / "nobody" negations;
* questions, sport
  (a score line or sport words, unless a state actor or the police acted) and
  ordinary crime between non-political actors report no event (readers' comments
  never reach the extractors: :mod:`dateline.normalise` hides them); a "strike"
  among words of war is an air strike, not a labour strike; "commit" with an
  object ("committed crimes") is no pledge; a place that is an organisation's
  name in the actor tables ("NATO" as a town) is not where an event happened;
* an event with neither an actor nor a target is dropped (nothing to code);
  a gerund after a preposition is absorbed by a noun trigger above it
  ("proposals for his stepping down" is the proposal);
* "X said Y must do Z" is a REQUEST from X to Y;
* the actor is the subject (the agent of a passive; the subject of the
  governing verb for a noun trigger that is its object, or the noun's own
  country modifier: "Russian naval drills"), the target the object or the
  object of a preposition; both are coded with :mod:`dateline.actors`;
* a pronoun actor is the speaker of the enclosing clause ("Erdogan said his
  country ..."), else the last person ("he", "she") or group ("they", "it")
  named as an actor earlier in the document; a role without a country ("the
  regime", "militants") takes the country the document has named most so far;
* with no coded object, the target is the first country named in the
  trigger's clause outside the actor phrase.

Events are listed per sentence with main-clause events first.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from dateline.actors import ARMED_SECTORS, OUTSIDERS, PRONOUNS, ActorIndex, code_token
from dateline.countries import alpha3
from dateline.data import read_rows
from dateline.extract import Context, doc_memo, extractor

#: Auxiliaries that make an event hypothetical (future, possible, conditional).
MODALS = frozenset({"will", "would", "shall", "may", "might", "could", "can", "'ll", "wo"})
#: Auxiliaries of obligation: "Y must do Z" reported by X is X's request to Y.
OBLIGATION = frozenset({"must", "should", "ought"})
#: Heads that make their complement an intention, not a fact.
INTENT = frozenset({
    "plan", "intend", "prepare", "ready", "willing", "prepared", "poised", "set",
    "decide", "want", "seek", "hope", "aim", "expect", "consider", "determined",
    "likely", "go", "propose", "threaten", "vow", "pledge", "promise", "offer",
    "agree", "commit", "committed", "able", "draft",
})
#: Pronouns that refer to a person; the others refer to a group or a state.
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "i"})
#: Role words of one person: "he" and "she" may refer back to them.
PERSON_ROLES = frozenset({
    "president", "minister", "leader", "spokesman", "spokeswoman", "official", "king",
    "queen", "prince", "general", "commander", "chief", "secretary", "ambassador",
    "envoy", "governor", "senator", "premier", "chancellor", "mayor", "diplomat",
})
#: Passive participles whose subject is the actor ("X is committed to ...").
STATIVE_PASSIVE = frozenset({"commit", "determine", "prepare", "resolve", "dedicate", "oblige"})
#: Verbs that move armed forces: with no agent, the forces moved in a passive are the actor
#: ("Turkish troops were deployed", "reservists were called up"), as they moved themselves.
FORCE_MOVES = frozenset({
    "deploy", "redeploy", "station", "fly", "airlift", "send", "dispatch", "move", "pull",
    "withdraw", "mobilise", "mobilize", "call", "mass", "position",
})
#: Armed forces, as the passive subject of :data:`FORCE_MOVES`.
FORCE_WORDS = frozenset({
    "troop", "soldier", "force", "unit", "reservist", "reserve", "warship", "army", "navy",
    "marine", "battalion", "brigade", "division", "paratrooper", "peacekeeper", "fighter",
})
#: Verbs that carry out the event their object names ("launched an offensive").
REALISE = frozenset({
    "mount", "launch", "begin", "start", "conduct", "stage", "carry", "unleash", "wage",
    "continue", "resume", "hold", "step", "escalate",
})
#: Adjectives that mark a noun trigger as not (yet) having happened.
HYPO_ADJ = frozenset({
    "planned", "possible", "potential", "imminent", "proposed", "threatened",
    "looming", "expected", "future", "likely", "unlikely", "prospective", "impending",
})
#: Verbs whose negation is a rejection.
ACCEPTANCE = frozenset({
    "accept", "allow", "agree", "permit", "support", "back", "approve", "recognize",
    "recognise", "cooperate", "tolerate", "endorse", "sign", "meet", "negotiate",
})
#: Prepositions that introduce a target, in order of preference.
TARGET_PREPS = ("with", "against", "on", "to", "at", "into", "toward", "towards",
                "from", "for", "over", "upon", "between", "of")
#: Prepositions introducing a noun trigger that is a circumstance of its verb
#: ("raised concerns in a meeting with ..."), not its content.
CIRCUMSTANCE_PREPS = frozenset({"in", "at", "during", "after", "before", "amid", "ahead"})
#: Event types that become THREATEN / AGREE when they have not happened.
CONFLICT_MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION"})
COOPERATION = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
#: The mode of a material event its sentence does not say happened: under a modal of
#: possibility in its own clause ("would amount to a massacre", "could lead to
#: clashes") or planned without being recoded as a threat or an agreement (a
#: "planned" protest). Its type is kept; the GDELT and ACLED exports leave it out.
HYPOTHETICAL = "hypothetical"
#: The mode of an AGREE that is a stated intention to cooperate, under a modal or a
#: plan ("will accept the offers", "plans to evacuate its citizens"): PLOVER codes it
#: AGREE; the mode says no accord or act has happened yet. Exported (an expressed intent is
#: itself the event, as CAMEO's "express intent to cooperate").
INTENT_MODE = "intent"
#: Modes of events that did not happen (see :data:`HYPOTHETICAL`).
UNREAL_MODES = frozenset({HYPOTHETICAL})
#: Subordinators of a condition or an open question: an event inside such a clause
#: ("if forces used chemical weapons", "whether troops fired") is not reported.
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
#: Pronouns that introduce someone new ("those who gave the coordinates", "anyone
#: who"): never the speaker or the last actor named, so they code to no actor.
UNRESOLVED_PRONOUNS = frozenset({
    "those", "these", "who", "whom", "whoever", "anyone", "anybody", "someone",
    "somebody", "everyone", "everybody",
})
#: Subjects of an attack that are no actor but the weapon or the act itself ("a
#: roadside bomb killed two soldiers"): the event keeps an empty actor.
WEAPON_SUBJECTS = frozenset({
    "bomb", "bombing", "explosion", "blast", "missile", "rocket", "shell", "shelling", "mine", "grenade",
    "airstrike", "strike", "raid", "attack", "ambush", "gunfire", "fighting", "clash",
    "violence",
})
#: Heads of intention under which a meeting or visit is only planned ("Tehran is
#: planning a meeting"): no event; "agreed to meet", "ready to talk" are agreements.
PLANNING = frozenset({
    "plan", "prepare", "expect", "set", "schedule", "go", "likely", "consider", "hope",
    "want", "seek", "aim", "intend", "due",
})
#: Nouns by which a story names again a company it has named ("the company", "the oil
#: giant"): such a phrase with no name or country of its own is that company.
COMPANY_NOUNS = frozenset({
    "company", "firm", "corporation", "giant", "airline", "carrier", "insurer", "retailer",
    "manufacturer", "drugmaker", "contractor", "conglomerate", "multinational",
})
#: Heads that stand for the people or units after their "of" ("a group of
#: leaders", "members of the council", "thousands of protesters").
COLLECTIVES = frozenset({
    "group", "number", "member", "thousand", "hundred", "dozen", "some", "many", "most",
    "all", "one", "convoy", "delegation", "team", "unit", "contingent", "coalition",
    "alliance", "head", "leader", "chief", "spokesman", "spokeswoman", "representative",
    "battalion", "brigade", "crowd", "band", "wing", "faction", "branch", "part", "million",
})
#: Unnamed attackers ("gunmen killed two guards"): the event keeps an empty actor.
UNNAMED_ATTACKERS = frozenset({
    "gunman", "gunmen", "assailant", "assailants", "attacker", "attackers", "sniper",
    "snipers", "bomber", "bombers",
})
#: Modals of mere possibility: an event under them in its own clause ("Washington
#: could cut a deal") is speculation, not news of an event.
SPECULATIVE = frozenset({"could", "might", "may"})
#: Modals of the future or the conditional: words said under them in their own clause
#: ("France would propose that ...", "the court will be investigating") are not yet said.
FUTURE_OR_CONDITIONAL = frozenset({"will", "would", "shall", "'ll", "wo"})
#: Verbs whose complement clause is a claim or a belief, not a report of what
#: happened ("Russia argues that France violated ...", "denied that it used heavy
#: weapons in its attack").
CLAIM_VERBS = frozenset({
    "argue", "claim", "deny", "allege", "believe", "think", "fear", "suspect", "suggest",
    "insist", "assert", "contend", "speculate", "doubt", "imagine", "hope", "wish",
    "worry", "blame", "accuse", "predict", "estimate",
})
#: Adjectives of fear: what they fear has not happened ("afraid of being shot").
_FEARFUL = frozenset({"afraid", "scared", "fearful", "terrified", "frightened", "worried"})
#: Nouns of doubt or belief whose that-clause is held, not reported as fact
#: ("scepticism that the regime is sincere", "fears that troops will attack").
DOUBT_NOUNS = frozenset({
    "scepticism", "skepticism", "doubt", "fear", "hope", "belief", "suspicion",
    "speculation", "rumour", "rumor", "assumption", "illusion", "worry",
})
#: Verbs of speech whose subject is a speaker, not the doer of what they report: a
#: pronoun or a controlled participle under them ("X said, firing rockets") is not X.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "announce", "report", "claim", "explain", "note",
    "write", "insist", "confirm", "quote", "describe", "recount", "recall", "testify",
    "reveal", "stress", "argue", "allege", "maintain", "deny", "acknowledge", "declare",
    "reiterate", "repeat", "warn", "urge", "emphasise", "emphasize", "underline",
    "assert", "indicate", "suggest", "predict", "tweet", "post", "publish",
})
#: Heads of a noun trigger that refer back to an event already known or met by
#: their subject, not report one ("keep his promise", "survived sanctions",
#: "violated the ceasefire", "repelled the attack").
REFER_BACK = frozenset({
    "keep", "break", "fulfil", "fulfill", "honour", "honor", "survive", "remember",
    "recall", "mark", "violate", "breach", "commemorate", "renege", "betray",
    # someone else's act, met or stopped by the subject ("were trying to repel the
    # attack", "did nothing to stop a crackdown")
    "repel", "repulse", "resist", "withstand", "foil", "thwart", "avert", "prevent", "stop",
    # what people run from ("people fleeing the fighting", "escaped the shelling")
    "flee", "escape",
})
#: Words of a news outlet in an actor's text ("Syrian state television", "Syrian TV"),
#: coded by the tables as the state's: they report armed acts, they do not do them.
_BROADCASTERS = frozenset({"television", "tv", "radio", "newspaper", "channel",
                           "broadcaster", "news", "reuters", "afp"})
#: What people "were met with" when no one talked to them ("met with brute force").
FORCE_MET = frozenset({"force", "violence", "fire", "gunfire", "bullet", "gas", "crackdown",
                       "repression", "tear", "teargas", "batons", "baton"})
#: Verbs whose subject undergoes the act their object names ("faces sanctions").
UNDERGO = frozenset({"face", "enjoy", "receive", "win", "gain", "garner", "attract", "lose",
                     "fend", "spark", "draw", "provoke", "prompt", "trigger", "weather", "deflect",
                     "endure", "suffer", "incur", "invite"})
#: Heads a noun trigger may modify and still be the event ("a mediation effort", "an
#: air strike campaign"); elsewhere a trigger modifying a noun names a kind of thing
#: ("attack helicopters", "arrest warrants", "aid workers", "protest movement").
EVENT_HEADS = frozenset({
    "effort", "campaign", "operation", "mission", "talks", "meeting", "deal", "process",
    "initiative", "offensive", "action", "drive", "bid", "strike", "attack", "raid",
    "plan", "programme", "program", "exercise", "drill", "session", "round", "summit",
})
#: Acts, holds and stances of an actor: as the subject of a verbal or cooperative
#: trigger they do no such act themselves ("Gadhafi's grip appeared to loosen", "Bush's
#: attempts to gather support", "NATO's bombing campaign raised concerns"), unlike a
#: statement, which speaks for its owner ("a UN statement expressed support").
OWNED_THINGS = frozenset({
    "grip", "hold", "attempt", "effort", "campaign", "operation", "bid", "policy",
    "decision", "move", "action", "offensive", "war", "bombing", "presence", "rule",
    "power", "role", "control", "influence", "stance", "involvement", "intervention",
    "crackdown", "response", "strategy", "approach", "tactic", "threat", "pressure",
    "handling", "failure", "success", "visit", "assault", "attack", "strike", "airstrike",
    "invasion", "occupation", "blockade", "embargo", "sanction", "violence", "fighting",
    "conflict", "crisis", "uprising", "revolt", "revolution", "protest", "unrest",
    # aims and abilities ("the militia's readiness to keep holding the bridge")
    "readiness", "willingness", "determination", "ability", "capacity", "desire", "aim",
    "goal", "hope", "intention", "resolve", "commitment",
})
#: Objects that make a trigger verb no event of its type ("signed a letter", "offered
#: a different view", "mobilised a demonstration" of supporters, which is a rally).
NOT_THE_EVENT = {
    "offer": frozenset({"view", "opinion", "explanation", "account", "insight", "detail",
                        "glimpse", "assessment", "analysis", "comment", "condolence",
                        "prayer", "thought", "apology", "perspective", "picture",
                        # an argument or a lesson offered is words about something
                        "lesson", "defense", "defence", "justification", "report", "reason",
                        "ground", "excuse", "argument", "evidence", "rationale"}),
    "strike": frozenset({"note", "tone", "chord", "balance", "pose", "figure", "bargain",
                         "deal", "compromise", "agreement", "blow"}),
    # a decree, an order or a law signed is an act of government, no agreement with anyone
    "sign": frozenset({"letter", "petition", "statement", "book", "copy", "autograph", "card",
                       "decree", "order", "law", "bill", "legislation", "finding", "directive"}),
    # a campaign of words, a case or a fire fought is no armed fight
    "fight": frozenset({"campaign", "case", "lawsuit", "election", "fire", "blaze", "flame",
                        "wildfire", "disease", "cancer", "corruption", "addiction", "ruling"}),
    # a view or a finding supported, backed or conceded is an opinion on a fact, no support
    # for any actor ("backed up the admiral's assessment", "their claim was backed up by the
    # Observatory", "even al Qaeda figures concede this"); an idea backed may be a policy
    # ("backed the idea of observers")
    "support": frozenset({"view", "argument", "assessment", "claim", "theory", "conclusion",
                          "contention", "thesis", "finding", "analysis"}),
    "back": frozenset({"view", "argument", "assessment", "claim", "theory", "conclusion",
                       "contention", "thesis", "finding", "analysis", "account"}),
    "concede": frozenset({"this", "that", "point", "argument", "it"}),
    # a hope or an idea given up is no retreat from anything
    "abandon": frozenset({"hope", "idea", "notion", "pretence", "pretense", "illusion", "belief",
                          "expectation", "optimism"}),
}
#: What a rally gathers: mobilising them is a demonstration, not forces mobilised.
RALLY_WORDS = frozenset({
    "demonstration", "rally", "supporter", "protester", "protestor", "demonstrator",
    "crowd", "people", "voter", "march", "follower", "student", "youth", "citizen",
})
#: Verbs that say their infinitive complement took place ("managed to free",
#: "began to withdraw"); other heads leave it a purpose or a wish ("a website set up
#: for families to share their experiences", "action was needed to dismantle militias").
IMPLICATIVE = frozenset({
    "manage", "begin", "start", "continue", "proceed", "go", "move", "try", "attempt",
    "help", "decide", "choose", "agree", "refuse", "fail", "be",
})
#: Verbs that give the request for comment or a name ("declined to be identified",
#: "refused to say whether"): reporting furniture, no political event.
_SPEECH_WITHHELD = frozenset({
    "identify", "name", "comment", "say", "speak", "elaborate", "discuss", "disclose",
    "reveal", "confirm", "specify", "indicate", "detail", "give", "provide", "answer",
    "predict", "speculate", "estimate", "guess", "explain", "describe", "divulge",
})
#: Subjects that negate their verb ("nobody is standing by me").
NEGATIVE_SUBJECTS = frozenset({"nobody", "nothing", "none", "neither", "noone"})
#: Heads under which an act is kept from happening ("avoid seeking help").
AVOIDANCE = frozenset({"avoid", "refrain", "shun", "evade"})
#: What carries out a raid from the air or with heavy arms ("a raid by NATO warplanes").
ARMED_CARRIERS = frozenset({
    "warplane", "jet", "aircraft", "plane", "helicopter", "drone", "gunship", "bomber", "tank", "artillery",
})
#: Trigger verbs that are a pledge only with "to": "committed (itself) to a
#: ceasefire" is one, "committed crimes" and "crimes committed by" are not.
PLEDGE_TO = frozenset({"commit"})
#: Trigger verbs of giving that are AID only when what is given is aid (:data:`GIFTS`).
GIVING = frozenset({"give", "deliver", "provide", "supply", "hand"})
#: What may be given as aid: "gave shelter and food", "will give Tanzania a grant".
GIFTS = frozenset({
    "aid", "help", "assistance", "money", "cash", "grant", "grants", "loan", "loans",
    "food", "shelter", "medicine", "medicines", "weapon", "arm", "arms", "equipment",
    "support", "asylum", "refuge", "sanctuary", "fund", "funds", "funding", "credit",
    "supply", "supplies", "ammunition", "training", "protection", "fuel", "water",
    "blanket", "blankets", "tent", "tents", "relief", "dollar", "dollars", "euro",
    "euros", "million", "billion", "vaccine", "vaccines", "ration", "rations", "care",
    "goods", "worth", "troops", "soldiers", "flights", "helicopters", "aircraft", "ships",
    "drone", "drones", "tank", "tanks", "vehicle", "vehicles", "defence", "defense",
})
#: Words of a labour strike; a "strike" without them, among words of war, is an attack.
LABOUR_WORDS = frozenset({
    "worker", "workers", "union", "unions", "general", "hunger", "labour", "labor",
    "pay", "wage", "wages", "walkout", "teachers", "doctors", "nurses", "miners",
    "employees", "staff", "pensions", "pension", "drivers", "dockers",
})
#: Words of war that make a "strike" a military strike.
MILITARY_WORDS = frozenset({
    "air", "airstrike", "airstrikes", "missile", "missiles", "drone", "drones", "bomb",
    "bombs", "bombing", "bombed", "jet", "jets", "warplane", "warplanes", "aircraft",
    "military", "nato", "coalition", "artillery", "rocket", "rockets", "raid", "raids",
    "troops", "forces", "army", "navy", "pentagon", "sortie", "sorties", "targets",
})
#: Words that only sport uses (one is enough), and words that sport shares with
#: other news (two different ones are needed), for a sentence about a match.
SPORT_WORDS = frozenset({
    "league", "goalkeeper", "striker", "midfielder", "tournament", "championship",
    "championships", "stadium", "referee", "playoff", "playoffs", "semi-final",
    "semifinal", "quarter-final", "quarterfinal", "olympic", "olympics", "medal",
    "touchdown", "wicket", "innings", "fixture", "derby", "kick-off", "premiership",
})
SPORT_SHARED = frozenset({
    "match", "matches", "goal", "goals", "club", "coach", "cup", "scored", "fans",
    "players", "player", "season", "title", "team", "squad", "victory", "win",
})
#: A score line ("beat Chelsea 2-1", "a 3 - 0 win").
_SCORE = re.compile(r"(?<![\d.,:/-])\d{1,2} ?[-\u2013] ?\d{1,2}(?![\d.,:/-])")
#: Words of ordinary crime: with them, an attack or arrest between people who are
#: not political actors is a crime report, not a political event.
CRIME_WORDS = frozenset({
    "murder", "murdered", "murderer", "murdering", "stabbed", "stabbing", "robbery",
    "robbed", "robber", "burglary", "burglar", "theft", "thief", "shoplifting",
    "carjacking", "manslaughter", "homicide", "girlfriend", "boyfriend", "wife",
    "husband", "neighbour", "neighbor", "jealous", "drunk", "drunken", "mugging",
    "mugged", "fraud", "kidnapper", "suspect", "jury", "convicted", "burglars",
})
#: Actor sectors of political life (anything but civilians, criminals and police
#: acting on an ordinary crime).
_UNPOLITICAL_SECTORS = frozenset({None, "CVL", "CRM", "COP", "MED", "EDU", "BUS", "JRN"})
#: Sectors of political life: the state and its forces, parties, armed groups,
#: international bodies (an actor with a country and no sector is a state as such).
_POLITICAL_SECTORS = frozenset({"GOV", "MIL", "IGO", "OPP", "REB", "LEG", "JUD", "PTY", "COP",
                                "SPY", "RAD", "INS", "ELI"})
#: Sectors of the public, whose demands are political news ("farmers demanded").
_PUBLIC_SECTORS = frozenset({"CVL", "LAB", "REF", "NGO", "REL", "EDU"})
#: Types by which the public takes part in politics: demands and threats (of a strike).
_PUBLIC_VOICE = frozenset({"REQUEST", "THREATEN"})
#: Quad classes of acts of force or material help, which are events whoever suffers or
#: receives them ("three children were killed", "aid reached Haiti").
_MATERIAL_QUADS = frozenset({"material conflict", "material cooperation"})
#: Dependency labels a trigger does not absorb across.
_NO_ABSORB = frozenset({"conj", "parataxis"})
#: Dependencies by which a name modifies the noun that carries it ("Libyan forces",
#: "Syria's ambassador", "the Azerbaijani republic"): climbed to find the noun's role.
_NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "conj"})
#: Prepositions whose object is the subject matter of an act, never whom it is aimed at.
_TOPIC_PREPS = frozenset({"about", "over", "regarding", "concerning"})
#: Types for which "on" names the subject matter ("a resolution on Syria", "agreed on
#: Iran"), not whom the act is aimed at.
_TOPIC_ON = frozenset({"CONSULT", "AGREE", "REJECT", "SUPPORT", "ACCUSE", "COOPERATE"})
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: A TIMEX3 calendar value an event date may take: a day, a month or a year.
_CALENDAR_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
#: Dependencies by which a trigger hangs on the verb that carries its time
#: ("began shelling ... on Tuesday", "launched an attack last month").
_TIME_CARRIER_DEPS = frozenset({"xcomp", "dobj", "nsubj", "nsubjpass"})
#: Prepositions that place an event at a date ("in 1986", "on Tuesday"); others bound
#: or stretch it ("since March", "by June", "over the past year").
_POINT_PREPS = frozenset({"in", "on", "at", "during"})


def _governor(tok: Token) -> Token:
    """The verb (or the root) that the phrase holding ``tok`` modifies."""
    h = tok.head
    while h.head != h and h.pos_ not in ("VERB", "AUX"):
        h = h.head
    return h


def _event_date(trigger: Token, sent_dates: list[dict], fallback: str) -> str:
    """The date of the event ``trigger`` names: the first calendar date of the
    sentence (a TIMEX3 day, month or year: ``2011-03-15``, ``2011-03``, ``1986``)
    that modifies the trigger itself ("the 1986 bombing") or its clause
    ("bombed ... in 1986", "began shelling ... last month"); else one that dates a
    clause that the trigger's clause shares its time with (:func:`_time_sharers`: "kidnapped ... and
    rescued in 2009", "in 2009, when the government granted ...", "it was not until 1981
    that Congress imposed ..."); else ``fallback``. A date of another clause ("said on
    Tuesday that ...") is not the event's own."""
    carriers = _carriers(trigger)
    found = _clause_date(trigger, carriers, sent_dates)
    if found is None:
        sharers = _time_sharers(trigger.doc, carriers) - carriers
        if sharers:
            found = _clause_date(trigger, sharers, sent_dates, own=carriers)
    return found if found is not None else fallback


def _carriers(trigger: Token) -> set[int]:
    """The trigger and the words up its chain of objects, subjects and complements
    (:data:`_TIME_CARRIER_DEPS`), whose time phrases date the trigger's act ("began
    shelling ... last month": began)."""
    carriers = {trigger.i}
    tok = trigger
    while tok.dep_ in _TIME_CARRIER_DEPS and tok.head != tok:
        tok = tok.head
        carriers.add(tok.i)
    return carriers


#: A week as TIMEX3 writes it ("2010-W25").
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
#: A week written as the stretch up to now ("the past week", "the last week"), no point.
_WEEK_STRETCH = re.compile(r"(?i)(?:the\b|.*\bpast\b)")


def _past_week_date(trigger: Token, sent_dates: list[dict], published: str) -> str | None:
    """The month of a week before the publication's week that dates the clause of
    ``trigger`` ("lifted the ban last week": 2010-W25 -> "2010-06"), when the week lies
    within one month; else None. The publication day would date such an act days late,
    and a week is no calendar date of its own. "the past week" and "the last week" are
    the stretch up to now ("killed in the past week"), no such point."""
    pub = dt.date.fromisoformat(published[:10])
    points = [d for d in sent_dates if not _WEEK_STRETCH.match(str(d.get("text", "")))]
    for value in _clause_dates(trigger, _carriers(trigger), points, _WEEK):
        m = _WEEK.match(value)
        assert m is not None
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        sunday = monday + dt.timedelta(days=6)
        if sunday < pub and monday.month == sunday.month:
            return monday.isoformat()[:7]
    return None


def _time_sharers(doc: Doc, carriers: set[int]) -> set[int]:
    """Verbs whose time the clause of ``carriers`` shares: verbs joined to them with
    "and" (their conjuncts, either way), the clause a "when" clause of theirs hangs on,
    and the "it was ... that" of a cleft sentence around them."""
    out: set[int] = set()
    for i in carriers:
        v = doc[i]
        if v.pos_ not in ("VERB", "AUX"):
            continue
        # a verb joined with "and" in the same tense ("suspended Syria in November and
        # imposed sanctions"); not across tenses ("were destroyed last year and marines make
        # only fleeting visits", "abandoned him last month and has not recognized ...")
        out.update(c.i for c in v.conjuncts if c.pos_ in ("VERB", "AUX")
                   and _tense(c) == _tense(v) and _tense(v) == "past")
        if v.dep_ == "advcl" and any(ch.dep_ == "advmod" and ch.lower_ == "when" for ch in v.children):
            out.add(v.head.i)
        head = v.head
        if (v.dep_ in ("ccomp", "relcl", "advcl") and head.lemma_ == "be"
                and any(ch.dep_ in ("nsubj", "expl") and ch.lower_ == "it" for ch in head.children)
                and any(ch.lower_ == "that" for ch in v.children if ch.dep_ in ("mark", "dobj", "nsubj"))):
            out.add(head.i)
    return out


def _tense(v: Token) -> str:
    """"past" for a verb in the simple past or a past passive ("imposed", "was
    suspended"), else "other" (present, perfect, future, infinitive ...)."""
    auxes = [ch for ch in v.children if ch.dep_ in ("aux", "auxpass")]
    if v.tag_ == "VBN" and not auxes and v.dep_ == "conj" and v.head.tag_ == "VBN":
        return _tense(v.head)  # "was kidnapped ... and rescued": the auxiliary is shared
    if v.tag_ == "VBD" and not auxes:
        return "past"
    if v.tag_ == "VBN" and auxes and all(a.tag_ == "VBD" and a.lemma_ == "be" for a in auxes):
        return "past"
    return "other"


def _clause_date(trigger: Token, carriers: set[int], sent_dates: list[dict],
                 own: set[int] | None = None) -> str | None:
    """The first calendar date of ``sent_dates`` that modifies one of ``carriers`` (or
    the phrase it governs), skipping the words of ``own`` (the trigger's own clause) and
    bounds of time ("since March")."""
    return next(_clause_dates(trigger, carriers, sent_dates, _CALENDAR_DATE, own), None)


def _clause_dates(trigger: Token, carriers: set[int], sent_dates: list[dict],
                  shape: re.Pattern[str], own: set[int] | None = None) -> Iterator[str]:
    """The values of ``sent_dates`` of the form ``shape`` that modify one of ``carriers``
    (see :func:`_clause_date`), in order."""
    doc = trigger.doc
    skip = carriers | (own or set())
    for d in sent_dates:
        value = str(d.get("value", ""))
        if d.get("type") == "TIME":
            value = value[:10]
        if d.get("type") not in ("DATE", "TIME") or not shape.match(value):
            continue
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.i in skip:
            continue  # the date is the trigger's own word ("last month's" rarely)
        if root.dep_ == "pobj" and root.head.lower_ not in _POINT_PREPS and not _not_until(root):
            continue  # a bound or a stretch of time ("since March", "over the past year")
        if root.head.i in carriers or _governor(root).i in carriers:
            yield value


#: A year or a month of a year, as TIMEX3 writes them ("1968", "2003-11").
_YEAR_OR_MONTH = re.compile(r"^\d{4}(?:-\d{2})?$")
#: A year written out in a date expression ("in 1968", "June 1971", "the 1980s").
_WRITTEN_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d")


def _past_year_date(trigger: Token, sent_dates: list[dict], published: str) -> str | None:
    """A year (or a month of one) before the publication's year that the sentence of
    ``trigger`` names, nearest the trigger, when no date of its own clause dated it: the
    sentence tells of the past ("a drinks firm quit the country in 1968 when a boycott was
    declared"), and the publication day would date a background event years late. Only a
    year written out counts ("last year" is near and often a stretch up to now), never for
    an event told in the present or with a modal ("patrol", "will attack"), nor a year
    that names a thing ("the 1984 convention") or bounds a stretch ("since 1981")."""
    doc = trigger.doc
    verbs = [trigger] + ([trigger.head] if trigger.dep_ == "xcomp" else [])
    if any(v.tag_ in ("VBZ", "VBP", "MD") or any(
            ch.dep_ == "aux" and ch.tag_ in ("MD", "VBZ", "VBP") for ch in v.children)
           for v in verbs):
        return None   # "troops patrol the town", "will attack", "continues to occupy": now or later
    best: tuple[int, str] | None = None
    for d in sent_dates:
        value = str(d.get("value", ""))
        if (d.get("type") != "DATE" or not _YEAR_OR_MONTH.match(value)
                or value[:4] >= published[:4] or not _WRITTEN_YEAR.search(str(d.get("text", "")))):
            continue   # "last year", "the past year": near, and often a stretch up to now
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.dep_ in ("compound", "nummod", "amod", "nmod") and root.head.i > span.end - 1:
            continue   # "the 1984 UN Convention", "1996 plot": a name or a label
        if (root.ent_type_ and root.ent_type_ != "DATE") or (
                root.dep_ in ("nummod", "compound", "appos") and root.head.pos_ == "PROPN"
                and root.head.ent_type_ != "DATE"):
            continue   # "MOEX Offshore 2007": a year inside a name
        if root.dep_ == "pobj" and root.head.lower_ in ("since", "from"):
            continue   # "has banned drilling since 1981": a bound of a stretch that may reach now
        if any(a.lower_ == "since" or any(ch.dep_ == "mark" and ch.lower_ == "since" for ch in a.children)
               for a in root.ancestors if a.i != trigger.i and not a.is_ancestor(trigger)):
            continue   # "the first visit since Kuwait was invaded in 1990": a bound again
        distance = abs(root.i - trigger.i)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


def _not_until(date_root: Token) -> bool:
    """Whether the date is the point of "it was not until 1998 that ..." (a cleft)."""
    prep = date_root.head
    be = prep.head
    return (prep.lower_ == "until" and be.lemma_ == "be"
            and any(ch.dep_ == "neg" for ch in be.children))


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: required extra lemmas, the PLOVER type and mode."""

    extras: tuple[str, ...]
    type: str
    mode: str | None


@dataclass(frozen=True)
class TypeInfo:
    """Quad class and intensity of a PLOVER type."""

    quad: str
    intensity: float


@dataclass
class Tables:
    """Trigger patterns by trigger word, for verbs and nouns, and the type table."""

    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    types: dict[str, TypeInfo] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def tables() -> Tables:
    """Load the trigger and type tables once per process."""
    t = Tables()
    for pattern, pos, etype, mode in read_rows("events_patterns.tsv"):
        words = pattern.split()
        if pos == "V":
            trigger, extras = words[0], tuple(words[1:])
            target = t.verbs
        else:
            trigger, extras = words[-1], tuple(words[:-1])
            target = t.nouns
        target.setdefault(trigger, []).append(
            Pattern(extras, etype, None if mode == "-" else mode)
        )
    for plist in list(t.verbs.values()) + list(t.nouns.values()):
        plist.sort(key=lambda p: -len(p.extras))
    for etype, quad, intensity in read_rows("events_types.tsv"):
        t.types[etype] = TypeInfo(quad, float(intensity))
    return t


def _near_lemmas(tok: Token, depth: int = 3) -> set[str]:
    """Lemmas (lower case) of ``tok``'s dependents down to ``depth`` levels, not
    entering clauses, plus the surface forms of its particles and prepositions; a
    preposition inside the subject's phrase is not the verb's (the "of" of "Secretary of
    State" is no "warn of")."""
    out: set[str] = set()
    frontier = [(tok, False)]
    for _ in range(depth):
        nxt = []
        for t, in_subject in frontier:
            for ch in t.children:
                if ch.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "conj", "csubj"):
                    continue
                sub = in_subject or ch.dep_ in ("nsubj", "nsubjpass")
                if not (sub and ch.pos_ == "ADP"):
                    out.add(ch.lemma_.lower())
                    out.add(ch.lower_)
                nxt.append((ch, sub))
        frontier = nxt
    return out


#: The pattern of a reported obligation ("X said Y must ..."), found without a trigger.
OBLIGATION_PATTERN = Pattern((), "REQUEST", None)


def _match(tok: Token, t: Tables) -> Pattern | None:
    """The longest trigger pattern that ``tok`` satisfies, if any.

    Participles used as adjectives ("alleged bombers", "planned drills") are
    not triggers; a noun trigger the tagger took for an adjective ("a regime
    offensive seemed imminent") still is, unless it modifies a noun.
    """
    pos = tok.pos_
    if pos in ("VERB", "AUX") and tok.dep_ in ("amod", "compound"):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.lower_ == "protest":
        return None  # "recalled its ambassador in protest": a manner, not a protest
    if pos == "VERB":
        plist = t.verbs.get(tok.lemma_.lower())
    elif pos == "NOUN" or (pos == "ADJ" and tok.dep_ not in ("amod", "acomp", "advmod", "oprd")):
        plist = t.nouns.get(tok.lower_) or t.nouns.get(tok.lemma_.lower())
    else:
        plist = None
    if not plist:
        if pos in ("VERB", "AUX") and tok.dep_ == "ccomp" and _obligation(tok):
            return OBLIGATION_PATTERN
        return None
    if pos == "VERB" and tok.lemma_.lower() in PLEDGE_TO and not any(
            ch.lower_ == "to" or ch.dep_ == "xcomp" for ch in tok.children):
        return None  # "committed crimes", "crimes committed by their people"
    near: set[str] | None = None
    for p in plist:
        if not p.extras:
            # A verb of giving alone is AID only for aid given ("gave the coordinates",
            # "given little credence"); with a pattern's own words it is that pattern
            # ("gave in to", "handed back the land"). "Libya must hand over the
            # suspects" is still the reported obligation below.
            if pos == "VERB" and tok.lemma_.lower() in GIVING and not _gift(tok):
                break
            return p
        if near is None:
            near = _near_lemmas(tok)
        if all(w in near for w in p.extras):
            return p
    if pos in ("VERB", "AUX") and tok.dep_ == "ccomp" and _obligation(tok):
        return OBLIGATION_PATTERN
    return None


@dataclass
class Candidate:
    """A matched trigger in a sentence, before it becomes an event."""

    tok: Token
    pattern: Pattern
    absorbed: list[Candidate] = field(default_factory=list)
    absorber: Candidate | None = None
    via_complement: bool = False


def _depth(tok: Token) -> int:
    """Number of head steps from ``tok`` to its sentence root."""
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _is_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" or tok.lower_ in PRONOUNS


def _subject(v: Token) -> tuple[Token | None, Token | None]:
    """(actor token, passive subject) of verb ``v``.

    Climbs through xcomp/acomp/conj/advcl heads for controlled subjects ("Iran
    threatened to shell": Iran); a reduced or full relative clause takes the
    noun it modifies. In a passive the actor is the agent ("by ...") and the
    passive subject is returned second (it is the target).
    """
    steps = 0
    while v is not None and steps < 6:
        passive = None
        agent = None
        # of several subjects (a misparsed "its ally Russia has accused" gives both
        # "ally" and "Russia") the first that is a name, else the first
        subjects = [ch for ch in v.children if ch.dep_ in ("nsubj", "csubj")]
        if not subjects and not any(ch.dep_ == "nsubjpass" for ch in v.children):
            # a name the parser left as a modifier before its verb ("Azerbaijan massed
            # troops" parsed as npadvmod) is the subject; a date there ("Monday") is not
            subjects = [ch for ch in v.children if ch.dep_ == "npadvmod" and ch.i < v.i
                        and ch.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]
        if subjects:
            ch = next((s for s in subjects if s.pos_ == "PROPN"), subjects[0])
            if ch.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                return v.head, None
            return ch, None
        for ch in v.children:
            if ch.dep_ == "nsubjpass":
                passive = ch
            if ch.dep_ == "agent":
                agent = next((g for g in ch.children if g.dep_ == "pobj"), None)
        if passive is not None and agent is None and v.lemma_.lower() in STATIVE_PASSIVE:
            return passive, None  # "Vietnam is committed to ...": its own stance
        if (passive is not None and agent is None and v.lemma_.lower() in FORCE_MOVES
                and passive.lemma_.lower() in FORCE_WORDS):
            return passive, None
        if passive is None and agent is not None and v.dep_ == "acl" and v.tag_ == "VBN":
            passive = v.head  # "leaders visited by the minister": the leaders were visited
        if passive is not None or agent is not None:
            if passive is not None and passive.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                passive = v.head
            return agent, passive
        if v.dep_ == "advcl" and v.tag_ == "VBN" and not any(
                ch.dep_ in ("aux", "auxpass") for ch in v.children):
            return None, None  # "Asked about the report, he said": the asker is unnamed
        if v.dep_ in ("xcomp", "acomp", "conj", "advcl", "pcomp") and v.head.i != v.i:
            if v.dep_ != "xcomp" and v.head.lemma_.lower() in SPEECH_VERBS:
                return None, None  # "..., a spokesman said, firing rockets": not the speaker
            v = v.head
        elif (v.dep_ == "acl" and v.tag_ == "VBN" and v.head.i != v.i
              and not any(ch.dep_ == "dobj" for w in (v, *v.conjuncts) for ch in w.children)):
            return None, v.head  # "a soldier killed in Iraq": the noun is the one it was done to
        elif v.dep_ in ("acl", "relcl", "amod") and v.head.i != v.i:
            return v.head, None
        else:
            return None, None
        steps += 1
    return None, None


#: Verbs of blame whose bare participle with "of", "for" or "over" and no object can only
#: be a passive ("BP accused of lying", "Griffin criticised for remarks").
_BLAMING = frozenset({"accuse", "criticise", "criticize", "blame", "condemn", "slam", "rebuke",
                      "censure", "fault", "chastise", "lambast", "lambaste", "castigate",
                      "denounce", "attack", "blast"})


def _headline_passive(v: Token) -> bool:
    """Whether verb ``v`` of blame is a passive told without its auxiliary, as headlines
    do ("BP accused of lying by Pelosi", "Griffin criticised for Haiti remarks"): a
    subject, no auxiliary, no object or clause of its own, and a complement after "of",
    "for" or "over", which in the active would follow an object."""
    if v.lemma_.lower() not in _BLAMING or v.tag_ not in ("VBN", "VBD"):
        return False
    kids = list(v.children)
    if any(ch.dep_ in ("dobj", "dative", "ccomp", "xcomp", "aux", "auxpass", "nsubjpass", "attr",
                       "neg") for ch in kids):
        return False
    return (any(ch.dep_ == "nsubj" for ch in kids)
            and any(ch.dep_ == "prep" and ch.lower_ in ("of", "for", "over") for ch in kids))


def _counterfactual(tok: Token) -> bool:
    """Whether verb trigger ``tok`` is in the past of a modal, "would / could / might have
    done": an act that did not take place."""
    auxes = [ch.lower_ for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
    return tok.tag_ == "VBN" and "have" in auxes and any(a in MODALS - _FUTURE for a in auxes)


def _hypothetical(tok: Token) -> bool:
    """Whether the event of trigger ``tok`` is future, possible or intended."""
    # A noun carried out by a verb ("mounted its long-threatened invasion")
    # happened, whatever its adjectives say, unless the verb is itself hypothetical.
    carried = (tok.pos_ != "VERB" and tok.dep_ == "dobj"
               and tok.head.lemma_.lower() in REALISE)
    for ch in tok.children:
        if ch.dep_ in ("aux", "auxpass") and ch.lower_ in MODALS:
            return True
        if ch.dep_ == "amod" and ch.lower_ in HYPO_ADJ and not carried:
            return True
    verb = tok.head if tok.pos_ != "VERB" and tok.dep_ == "dobj" else tok
    be = verb.head
    if (verb.dep_ == "xcomp" and be.lemma_ == "be" and be.tag_ in ("VBZ", "VBP")
            and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children)
            and not any(ch.dep_ in ("prep", "attr", "acomp", "advmod") for ch in be.children)
            and not any(ch.dep_ == "nsubj" and ch.lemma_.lower() in _AIM_NOUNS
                        for ch in be.children)):
        return True  # "Britain is to triple its aid", "the minister is to visit": to come
    if tok.dep_ in ("nsubj", "advcl") and any(
        c.dep_ in ("acomp", "oprd") and c.lower_ in HYPO_ADJ for c in tok.head.children
    ):
        return True
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ in ("xcomp", "acomp", "pobj", "prep", "dobj", "nsubj", "ccomp"):
            if head.lemma_.lower() in INTENT or head.lower_ in INTENT:
                return True
            if cur.dep_ == "nsubj":
                break
            if cur.dep_ in ("xcomp", "acomp") or (cur.dep_ == "dobj" and cur.i == tok.i):
                # "will try to attack", "would tighten the blockade"
                if any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children):
                    return True
            if cur.dep_ == "ccomp":
                break
            cur = head
        else:
            break
    return False


#: (The full stop of a short abbreviation, "vs." or "Mr.", ends no clause.)
_CLAUSE_END = re.compile(r"(?<!\bvs)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bGen)[.!?\n]")

#: Opening, closing and two-way quotation marks as the normalisation stage leaves them.
_QUOTE_OPEN, _QUOTE_CLOSE, _QUOTE_BOTH = "\u201c", "\u201d", '"'


def _quoted(tok: Token, text: str) -> bool:
    """Whether trigger ``tok`` stands inside a direct quotation of its paragraph of
    ``text`` (the document's): someone's words, a claim or a wish rather than the
    reporter's account of what happened ("“we will strike his forces”")."""
    marks, inside = doc_memo(tok.doc, "dateline.events.quote_marks",
                             lambda _: _quote_marks(text))
    k = bisect.bisect_left(marks, tok.idx)
    return k > 0 and inside[k - 1]


#: The writer's own voice: "I", "me", "my", "myself" in a sentence that quotes no one.
_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
#: Quotation marks and verbs of saying: a sentence with one reports someone's words.
_QUOTE_CHARS = frozenset({_QUOTE_OPEN, _QUOTE_CLOSE, _QUOTE_BOTH, "``", "''"})
_SAYING = frozenset({"say", "tell", "add", "write", "ask", "insist", "explain"})
#: How many of those per word outside quotation marks make an article one told in the first
#: person, and the fewest that count (a short piece with one "I" is no column).
FIRST_PERSON_RATE = 5 / 1000
FIRST_PERSON_MIN = 3


def _first_person(doc: Doc, text: str) -> bool:
    """Whether the article is told in its writer's own voice: an opinion column, a reader's
    letter or comment page, a live blog, a Q&A, a transcript of people talking, a witness's
    account. Its first-person pronouns (:data:`_FIRST_PERSON`) in sentences that quote no
    one (no quotation mark, no verb of saying: "I would not suggest it, she said" is the
    senator's, even where the page lost its quotation marks) are at least
    :data:`FIRST_PERSON_MIN` and :data:`FIRST_PERSON_RATE` of its words. Acts in such a text
    are mostly views, recollections and hypotheticals: of the events judged in rounds 300
    and later, those of such articles were right far less often than the others (figures in
    docs/rules-events.md, KK), so none are coded."""
    words = mine = 0
    for sent in doc.sents:
        alpha = [tok for tok in sent if tok.is_alpha]
        words += len(alpha)
        if any(tok.text in _QUOTE_CHARS or tok.lemma_ in _SAYING for tok in sent):
            continue
        mine += sum(1 for tok in alpha if tok.lower_ in _FIRST_PERSON
                    and tok.tag_ in ("PRP", "PRP$") and (tok.lower_ != "i" or tok.text == "I"))
    return mine >= FIRST_PERSON_MIN and mine >= FIRST_PERSON_RATE * words


def _quote_marks(text: str) -> tuple[list[int], list[bool]]:
    """The offsets of the quotation marks and line breaks of ``text``, and after each
    whether a quotation is open: a paragraph opens none, an opening mark opens one, a
    closing mark closes it, a two-way mark turns it over. Made once per document (see
    :func:`_quoted`), so that a trigger reads it by bisection instead of walking its paragraph (quadratic in a
    paragraph of many triggers)."""
    marks: list[int] = []
    inside: list[bool] = []
    state = False
    for m in _QUOTE_EVENTS.finditer(text):
        ch = m.group()
        state = (True if ch == _QUOTE_OPEN else False if ch in (_QUOTE_CLOSE, "\n")
                 else not state)
        marks.append(m.start())
        inside.append(state)
    return marks, inside


_QUOTE_EVENTS = re.compile(f"[{_QUOTE_OPEN}{_QUOTE_CLOSE}{_QUOTE_BOTH}\n]")


#: Words that start a sentence, never a name: capitalised inside a sentence after a
#: word, they show two headlines or captions run together ("... internal strife The
#: move comes ...").
_SENTENCE_OPENERS = frozenset({
    "The", "A", "An", "He", "She", "It", "They", "We", "His", "Her", "Their", "Its",
    "This", "These", "Those", "In", "On", "At", "But", "And", "After", "As", "When",
    "Some", "Many", "Most", "More", "There", "Read", "Watch", "See", "Click",
})
#: The mark of a story's highlights in capitals ("... Tripoli NEW : A Libyan official
#: says ..."): bullet points run together into one sentence.
_HIGHLIGHT_MARK = re.compile(r"(?<![A-Za-z])NEW ?: ")
#: A web page's label of a gallery, video or link opening the sentence ("Gallery : ...
#: Remembering X Reporter Y killed in Misrata Two cameramen killed"): captions
#: and link titles run together.
_PAGE_LABEL = re.compile(r"^\W*(?:Gallery|Photos|Video|Videos|Watch|Interactive|In pictures|"
                         r"Read more|Related|Map|Timeline|Profile|Q&A|Audio|Slideshow) ?: ")


#: A wire dateline that opens the story proper ("Tripoli, Libya (CNN) --"): what
#: stands before it in the same sentence is the page's headlines and highlights run
#: together, told in headline grammar.
_DATELINE_MARK = re.compile(r"\((?:CNN|AP|AFP|Reuters|BBC)\)\s*(?:--|\u2014|\u2013|-)")


def _before_dateline(tok: Token, sent: Span, text: str) -> bool:
    """Whether trigger ``tok`` stands before a wire dateline (:data:`_DATELINE_MARK`)
    of its sentence: in the headlines run on to the story."""
    m = _DATELINE_MARK.search(text, tok.idx, sent.end_char)
    return m is not None


def _shouted(sent: Span) -> bool:
    """Whether ``sent`` is written in capitals (at least four words of letters, nearly all
    upper case): a headline or a reader's shout ("ONLY GADHAFI CAPTURED WILL END IT"),
    never a news story's sentence."""
    words = [t.text for t in sent if t.is_alpha and len(t.text) > 1]
    upper = sum(w.isupper() for w in words)
    return upper >= 4 and upper >= 0.8 * len(words)


def _run_on(sent: Span) -> bool:
    """Whether ``sent`` is headlines, captions or link lists run together: a word
    that only opens sentences, capitalised after a word with no punctuation between
    and followed by a lower-case word, an adjective or a number ("strife The move
    comes", "Kenya The Kenyan army", "province Some 4,000 people"), or any
    capitalised adverb, determiner, pronoun or conjunction so placed ("Turkey Quite
    deliberately"); or a story's highlights marked "NEW :" (:data:`_HIGHLIGHT_MARK`);
    or a page label opening it ("Gallery : ...", :data:`_PAGE_LABEL`)."""
    if "End Quote" in sent.text or _HIGHLIGHT_MARK.search(sent.text) or _PAGE_LABEL.match(sent.text):
        return True  # a pull quote's closing mark, highlights or a page label run into the story
    toks = list(sent)
    for k in range(1, len(toks) - 1):
        t = toks[k]
        nxt = toks[k + 1]
        if t.text in _SENTENCE_OPENERS and toks[k - 1].is_alpha and (
                nxt.is_lower or nxt.pos_ == "ADJ" or nxt.like_num):
            return True
        # any capitalised function word after a word ("... a threat to Turkey Quite
        # deliberately choosing ...", "... in Aleppo province Some 4,000 people ...")
        if (t.is_title and t.pos_ in ("ADV", "DET", "PRON", "SCONJ", "CCONJ") and t.lower_ != "i"
                and toks[k - 1].is_alpha and (nxt.is_lower or nxt.like_num)):
            return True
    return False


#: Words of a journalist's request for comment ("did not respond to a request for
#: comment", "asked for comment"): reporting furniture, no political event.
_COMMENT_WORDS = frozenset({"comment", "comments", "interview", "interviews"})


def _reporting(tok: Token) -> bool:
    """Whether trigger ``tok`` is the reporter asking for comment or an interview, or
    someone declining to comment, to be named or to say more ("declined to be
    identified", "refused to indicate whether")."""
    if _near_lemmas(tok) & _COMMENT_WORDS:
        return True
    if tok.lemma_.lower() not in ("decline", "refuse"):
        return False
    # "declined to comment", "declined the opportunity to give details"
    verbs = [ch for ch in tok.children if ch.dep_ == "xcomp"]
    verbs += [v for ch in tok.children if ch.dep_ == "dobj" and ch.lemma_.lower() in _CHANCES
              for v in ch.children if v.dep_ in ("acl", "relcl", "xcomp")]
    return any(_withheld(v) for v in verbs)


#: What one declines when one declines to speak ("declined the opportunity to give details").
_CHANCES = frozenset({"opportunity", "chance", "invitation"})


#: What one gives, makes or takes when one speaks to the press ("refused to make any
#: comment", "declined to take questions", "refused to give details").
_PRESS_WORDS = frozenset({"comment", "question", "statement", "remark", "detail", "interview"})


def _withheld(v: Token) -> bool:
    """Whether verb ``v`` is speaking or giving details (:data:`_SPEECH_WITHHELD`, "go
    into detail", or any verb with an object of :data:`_PRESS_WORDS`: "make any
    comment", "take more questions")."""
    return v.lemma_.lower() in _SPEECH_WITHHELD or (v.lemma_.lower() == "go" and any(
        ch.dep_ == "prep" and ch.lower_ == "into" and any(g.lemma_.lower() == "detail" for g in ch.children)
        for ch in v.children)) or any(ch.dep_ == "dobj" and ch.lemma_.lower() in _PRESS_WORDS
                                      for ch in v.children)


#: Verbs that tell of an event without carrying it out ("activists reported protests").
_TELLING = frozenset({"report", "describe", "deny", "claim", "say", "avoid", "fear", "expect",
                      "confirm", "cite", "mention", "document", "record",
                      "credit", "blame", "condemn", "criticize", "criticise", "discuss",
                      "dispute", "reject", "dismiss", "refute", "rebut", "counter"})
#: Who is released or freed: a release of anything else ("released a statement",
#: "freed up funds") is no concession.
FREED = frozenset({
    "prisoner", "detainee", "hostage", "captive", "activist", "journalist", "reporter",
    "dissident", "soldier", "man", "woman", "child", "people", "person", "worker",
    "sailor", "pilot", "national", "citizen", "member", "leader", "opponent", "suspect",
})
#: Where a noun trigger is an event of its own: the object or subject of a verb, a
#: headline's or a list's head; elsewhere ("after the protests", "under
#: investigation", "the Yemen attack on the USS Cole") it is mentioned in passing.
_NOUN_EVENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "ROOT", "conj", "attr", "appos"})
#: Verbs of refusal that are a rejection only with what is refused ("declined to
#: meet", "refused the offer"); "the number of people has declined" is none.
_NEEDS_COMPLEMENT = frozenset({"decline", "refuse", "fail"})


def _in_passing(tok: Token, etype: str) -> bool:
    """Whether trigger ``tok`` mentions an event without reporting it: a noun
    trigger outside :data:`_NOUN_EVENT_DEPS` or told by a verb of telling; a refusal
    verb with nothing refused; "insist" on a statement of fact ("insisted his troops
    are fighting gangs") rather than on something to be done."""
    if tok.pos_ not in ("VERB", "AUX"):
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
            if tok.head.lemma_.lower() not in EVENT_HEADS:
                return True  # "attack helicopters", "arrest warrants": a kind of thing
            tok = tok.head  # "launched a mediation effort"
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in REFER_BACK:
            return True  # "keep his promise", "survived sanctions": known, not news
        if tok.dep_ not in _NOUN_EVENT_DEPS:
            if etype == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "during"):
                return False  # "raised the issue in a meeting with ..."
            carrier = _carrier(tok)  # "launched 10 days of war games" carries them out
            return carrier is None or carrier.lemma_.lower() not in REALISE | INTENT
        return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _TELLING
    lemma = tok.lemma_.lower()
    if lemma in NOT_THE_EVENT and any(
            ch.dep_ in ("dobj", "nsubjpass") and ch.lemma_.lower() in NOT_THE_EVENT[lemma]
            for ch in tok.children):
        return True  # "signed a letter", "offered a different view"
    if lemma in _NEEDS_COMPLEMENT:
        return not any(ch.dep_ in ("xcomp", "dobj", "ccomp") for ch in tok.children)
    if lemma in ("talk", "discuss") and not any(
            ch.dep_ == "dobj" or (ch.dep_ == "prep" and ch.lower_ in ("with", "to")) for ch in tok.children):
        return True  # "Congress is starting to talk about ...", "discusses how ..."
    if lemma in ("release", "free") and etype == "RETREAT" and not _obligation(tok):
        freed = [ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ == "acl":
            freed.append(tok.head)
        return not any(w.ent_type_ in ("PERSON", "NORP") or w.lemma_.lower() in FREED
                       for f in freed for w in (f, *f.children))  # "released a statement"
    if lemma in ("recognize", "recognise", "acknowledge") and any(ch.dep_ == "ccomp" for ch in tok.children):
        return True  # "people now recognize that it is better ...": an opinion
    if lemma == "agree" and not any(ch.dep_ in ("xcomp", "dobj", "prep", "ccomp") for ch in tok.children):
        return True  # "Mike, 49, agrees.": an opinion
    if lemma == "agree" and not any(ch.dep_ in ("xcomp", "dobj", "prep") for ch in tok.children) and any(
            ch.dep_ == "ccomp" and not any(
                g.dep_ in ("aux", "auxpass") and (g.lower_ in MODALS or g.lower_ in OBLIGATION
                                                  or g.lower_ == "to")
                for w in (ch, *(x for x in ch.children if x.dep_ == "conj")) for g in w.children)
            for ch in tok.children):
        # "the leaders agree that the regime has lost its legitimacy": a shared view of a
        # fact; "agreed that their countries should cooperate" is an agreement
        return True
    if lemma == "insist" and etype == "REQUEST":
        return not any(ch.dep_ == "prep" and ch.lower_ == "on" for ch in tok.children) and not any(
            ch.dep_ == "ccomp" and _obligation(ch) for ch in tok.children)
    return False


#: Heads whose complement is a decision taken ("decided to suspend", "voted to impose").
DECISION_HEADS = frozenset({"decide", "agree", "vote", "approve"})


def _decided(tok: Token) -> bool:
    """Whether trigger ``tok`` is what a decision already taken says to do ("the League
    decided to suspend Syria", "voted to impose sanctions"; not "will decide to")."""
    head = tok.head
    return (tok.dep_ == "xcomp" and head.lemma_.lower() in DECISION_HEADS
            and head.tag_ in ("VBD", "VBN", "VBZ", "VBP")
            and not any(ch.dep_ == "aux" and ch.lower_ in MODALS for ch in head.children)
            and not _hypothetical(head))


#: Subjects of "is to" that name an aim, not a schedule ("NATO's goal is to end attacks").
_AIM_NOUNS = frozenset({"goal", "aim", "plan", "priority", "task", "job", "mission", "idea",
                        "purpose", "objective", "intention", "hope", "challenge", "point"})


def _speculative(tok: Token) -> bool:
    """Whether trigger ``tok`` stands under could/might/may in its own clause, also
    through the verb that governs a noun trigger ("could cut a deal")."""
    cur = tok
    for _ in range(4):
        if any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in SPECULATIVE for ch in cur.children):
            return True
        if cur.head.i == cur.i or (cur.dep_ in ("ccomp", "relcl", "advcl", "conj", "parataxis", "acl")
                                   and not _shares_modal(cur)):
            return False
        cur = cur.head
    return False


def _shares_modal(v: Token) -> bool:
    """Whether verb ``v`` is joined to the verb before it with neither an auxiliary nor
    a subject of its own, so that a modal of that verb governs it too ("may not only
    prevent flights but also target ...", "could cut a deal and impose a ceasefire")."""
    return (v.dep_ == "conj" and v.pos_ in ("VERB", "AUX") and v.head.pos_ in ("VERB", "AUX")
            and not any(ch.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for ch in v.children))


def _aim(tok: Token) -> bool:
    """Whether verb ``tok`` is an infinitive of purpose or wish whose head does not
    say it took place ("set up for families to share", "needed to dismantle")."""
    return (tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp", "conj")
            and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)
            and (tok.head.lemma_.lower() not in IMPLICATIVE | INTENT
                 # "there was a rally ... to support the decision": "be" says an
                 # infinitive took place only as its complement ("is to meet")
                 or (tok.head.lemma_ == "be" and tok.dep_ in ("advcl", "acl"))))


#: Words of an inquiry, which a firm may hold into its own affairs.
_INQUIRY_WORDS = frozenset({"investigation", "investigations", "inquiry", "inquiries", "probe",
                            "review", "audit", "investigate", "investigates", "investigated",
                            "investigating"})


def _own_inquiry(ev: dict) -> bool:
    """Whether an ACCUSE event is a business's inquiry with no one named as its target
    ("BP's internal investigation said ...", "Transocean is carrying out its own
    investigation"): a company's own business, not an accusation."""
    return (ev.get("actor") or {}).get("sector") == "BUS" and ev.get("target") is None \
        and str(ev.get("text", "")).lower() in _INQUIRY_WORDS


#: Sectors of actors whose acts are their own business unless the other side is political:
#: companies, workers and unions, the media and journalists.
_PRIVATE_ACTORS = frozenset({"BUS", "LAB", "MED", "JRN"})


def _proper(coded: dict) -> bool:
    """Whether coded actor ``coded`` is written as a name ("Iran", "the U.S."), not as a
    common noun that took the story's country ("fishing boat owners", "investors")."""
    words = str(coded.get("text") or "").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _private_business(ev: dict) -> bool:
    """Whether ``ev`` is a company's, a workforce's or a newspaper's own business ("BP is
    working to cap the well", "oil majors funded a response firm", "the company suspended
    its dividend"): its actor is one of :data:`_PRIVATE_ACTORS` and its target is neither one
    of :data:`_POLITICAL_SECTORS` nor a state as such (a country without a sector, written
    as a name: "lobbied Libya"; "offered fishing boat owners" names no state). Force and
    seizure stay news whoever uses them (a security firm's guards firing on a crowd), so do
    words against anyone (an accusation), and so do workers', doctors' or journalists'
    strikes, demands and threats, the public's voice (:data:`_PUBLIC_VOICE`, PROTEST)."""
    actor, target = ev.get("actor") or {}, ev.get("target") or {}
    if actor.get("sector") not in _PRIVATE_ACTORS or target.get("sector") in _POLITICAL_SECTORS \
            or (target.get("country") and not target.get("sector") and _proper(target)):
        return False
    if actor.get("sector") in ("LAB", "JRN", "MED") and ev["type"] in _PUBLIC_VOICE | {"PROTEST"}:
        return False   # workers', doctors' or reporters' strikes, demands and threats
    return ev["type"] not in ("ASSAULT", "COERCE", "ACCUSE")


def _political(ev: dict, t: Tables) -> bool:
    """Whether coded event ``ev`` is political news: force or material help
    (:data:`_MATERIAL_QUADS`: "three children were killed" is news whoever did it),
    an accusation (words against anyone, a company's against its rival included), or
    an act one side of which is a political actor: a state as such (a country without
    a sector) or one of :data:`_POLITICAL_SECTORS`, or for a demand or a threat also the
    public (:data:`_PUBLIC_SECTORS`: "farmers demanded compensation", "the union
    threatened a strike"). A company's deal, a medical agency's offer, a firm's view
    of an estimate or a firm's inquiry that names no one (:func:`_own_inquiry`) is not
    ("BP agreed to buy the field", "the agency offered medication", "Exxon rejected the
    estimate", "BP's internal investigation said"), nor, even as material help, is a
    company's own business (:func:`_private_business`)."""
    if ev["type"] == "ACCUSE" and _own_inquiry(ev):
        return False
    if _private_business(ev):
        return False
    if t.types[ev["type"]].quad in _MATERIAL_QUADS or ev["type"] == "ACCUSE":
        return True
    sectors = _POLITICAL_SECTORS | (_PUBLIC_SECTORS if ev["type"] in _PUBLIC_VOICE else frozenset())
    return any(s.get("sector") in sectors or (s.get("country") and not s.get("sector"))
               for s in (ev.get("actor"), ev.get("target")) if s)


def _background(tok: Token) -> bool:
    """Whether trigger ``tok`` tells of an act before the story's time, whose day the
    publication date is only a bound of: its clause is in the perfect ("The EU has
    frozen the assets ... and placed an arms embargo", "had shot down", "has been
    endorsed"), or it is a participle describing a noun ("a ceasefire brokered by the
    envoy")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return True
    verb: Token | None = tok if tok.pos_ in ("VERB", "AUX") else _carrier(tok)
    for _ in range(4):
        if verb is None:
            return False
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i != tok.i:
            return True
        auxes = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
        if any(a.lemma_ == "have" for a in auxes):
            return True
        if auxes or any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children) \
                or verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head   # "has frozen ... and placed": the conjunct shares the aux
    return False


#: How long before publication a day or month lies when the text that names it looks back
#: (45 days), and a year (400 days: a year named alone may be the current one).
_LOOKING_BACK_DAYS = 45
#: How many days before publication the day an undated act's passage is told in may lie
#: for the act to be dated by the publication day (news of yesterday; see _after_old_date).
_RECENT_DAYS = 2
_LOOKING_BACK_YEAR_DAYS = 400


def _days_back(value: object, published: dt.date) -> int | None:
    """Days from a DATE value ("2003-03-20", "2003-03", "2003") to ``published`` (a month
    counts from its middle, a year from its middle), or None for other values."""
    m = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?$", str(value or ""))
    if not m:
        return None
    try:
        day = dt.date(int(m[1]), int(m[2] or 6), int(m[3] or 15))
    except ValueError:
        return None
    return (published - day).days


def _old(d: dict, published: dt.date) -> bool:
    """Whether date record ``d`` (a DATE) lies far from ``published``: well before it, or
    well after it (a bare month of a year's review that the resolver put in the next year,
    "in October" read on 28 December; an undated act beside a date far ahead is no more
    known to be of the publication day)."""
    back = _days_back(d.get("value"), published) if d.get("type") == "DATE" else None
    if back is None:
        return False
    year_only = len(str(d.get("value"))) == 4
    return abs(back) > (_LOOKING_BACK_YEAR_DAYS if year_only else _LOOKING_BACK_DAYS)


def _looks_back(dates: dict[int, list[dict]], published: dt.date) -> bool:
    """Whether the article as a whole tells of another time than its day (a year's
    review, a profile, an anniversary piece): of its dates of a day or a month, at least
    two, and at least half of them, lie far from publication (:func:`_old`). An undated
    act in such an article cannot be dated to its publication day."""
    dated = [d for ds in dates.values() for d in ds
             if d.get("type") == "DATE" and re.match(r"\d{4}-\d\d", str(d.get("value") or ""))]
    old = sum(_old(d, published) for d in dated)
    return len(dated) >= 2 and 2 * old >= len(dated)


def _after_old_date(dates: dict[int, list[dict]], s_index: int, published: dt.date) -> bool:
    """Whether the last date expression of sentence ``s_index`` or, when it has none, of
    the nearest of the three sentences before it lies far from publication (:func:`_old`;
    "In March 2003 ... The troops entered the city."), or, in a sentence before, is a day
    more than :data:`_RECENT_DAYS` before it (a dated list's entry "June 17:" over the
    lines of that day, "On Monday ..." a week back): the undated act is told in that time,
    not on the publication day."""
    for k in range(s_index, max(-1, s_index - 4), -1):
        found = [d for d in dates.get(k, [])
                 if d.get("type") == "DATE" and _days_back(d.get("value"), published) is not None]
        if found:
            last = max(found, key=lambda d: d.get("start") or 0)
            back = _days_back(last.get("value"), published)
            # (a day in the act's own sentence is its date or said aside: "who toured
            # the city on Sunday, urged")
            return _old(last, published) or (k < s_index and len(str(last.get("value"))) == 10
                                              and back is not None and back > _RECENT_DAYS)
    return False


def _claimed(tok: Token) -> bool:
    """Whether trigger ``tok`` lies in the complement of a verb of claim or belief
    ("argues that France violated", "denied that it used weapons in its attack"),
    or is only a purpose or wish: an infinitive whose head does not say it took
    place ("set up for families to share", "needed to dismantle militias"), or a
    gerund after a preposition ("switch from blocking", "by sending weapons")."""
    if _aim(tok):
        return True
    # the same for a verb joined to such an infinitive without its own "to" or subject
    # ("appealed to the council to refer Syria to the court and impose an arms
    # embargo"), and for a noun such a verb would carry out (the embargo)
    verb: Token | None = tok if tok.pos_ in ("VERB", "AUX") else _carrier(tok)
    for _ in range(4):
        if verb is None or verb.dep_ != "conj" or verb.head.i == verb.i or any(
                ch.dep_ in ("aux", "nsubj", "nsubjpass") for ch in verb.children):
            break
        verb = verb.head
        if _aim(verb):
            return True
    if verb is not None and verb.i != tok.i and tok.pos_ not in ("VERB", "AUX") and _aim(verb):
        return True
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp":
        return True
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("acl", "ccomp") and cur.head.pos_ == "NOUN" \
                and cur.head.lemma_.lower() in DOUBT_NOUNS and cur.head.i < tok.i:
            return True  # "doubts that the regime is serious about the truce"
        if cur.dep_ in ("ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj", "advcl") \
                and cur.head.lemma_.lower() in CLAIM_VERBS | _FEARFUL and cur.head.i < tok.i:
            return True
        cur = cur.head
    return False


def _gift(tok: Token) -> bool:
    """Whether what verb ``tok`` gives (its object, or its passive subject) is aid
    (:data:`GIFTS`, or an amount of money)."""
    given = [ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")]
    for g in given:
        words = _phrase_words(g)  # "25,000 tons of emergency food aid"
        if any(w.lemma_.lower() in GIFTS or w.lower_ in GIFTS or w.ent_type_ == "MONEY" for w in words):
            return True
    return False


def _phrase_words(head: Token) -> list[Token]:
    """The words of noun phrase ``head`` without the clauses hung on it: "permission to leave
    the country and receive medical care" is permission, not care."""
    words = [head]
    for ch in head.children:
        if ch.dep_ not in ("acl", "relcl", "advcl", "xcomp", "ccomp"):
            words.extend(_phrase_words(ch))
    return words


def _asked(tok: Token, sent: Span, text: str) -> bool:
    """Whether trigger ``tok`` is in a question ("What has the army ever given
    our village?"): in ``text`` (the document's), the first full stop, mark or line break
    after it is a question mark; or its subject or object asks a number ("how
    many people died")."""
    m = _CLAUSE_END.search(text, tok.idx + len(tok.text), sent.end_char)
    if m is not None and m.group() == "?":
        return True
    # an indirect question of number: "did not say how many people, if any, died"
    for v in (tok, tok.head) if tok.dep_ == "conj" else (tok,):
        for ch in v.children:
            if ch.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                    g.lower_ in ("many", "much") and any(h.lower_ == "how" for h in g.children)
                    for g in ch.children):
                return True
    return False


def _conditional(tok: Token) -> bool:
    """Whether trigger ``tok`` lies in a clause of condition or open question ("if
    forces used chemical weapons", "unless troops withdraw", "whether the army
    fired") or in a present-tense clause of time under a future ("will stop when Gadhafi
    steps down"), climbing its heads up to a reported clause; or before the first comma of a
    sentence opened by "If"/"Unless" ("If the air raid were a NATO strike, ...",
    which the parser may misattach)."""
    sent = tok.sent
    if sent[0].lower_ in ("if", "unless") and not any(
            w.text == "," for w in sent if w.i < tok.i):
        return True
    cur = tok
    for _ in range(8):
        if any(ch.dep_ == "mark" and ch.lower_ in CONDITIONAL_MARKS for ch in cur.children):
            return True
        if (cur.dep_ == "advcl" and cur.tag_ in ("VBZ", "VBP")
                and any(ch.dep_ in ("mark", "advmod") and ch.lower_ in _FUTURE_TIME_MARKS
                        for ch in cur.children)
                and any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in FUTURE_OR_CONDITIONAL
                        for ch in cur.head.children)):
            return True  # "the strikes will stop when Gadhafi steps down": not yet, maybe never
        if cur.head.i == cur.i or cur.dep_ == "ccomp":
            return False
        cur = cur.head
    return False


#: Subordinators of a clause of time whose present tense, under a future, tells of what
#: has not happened yet ("will stop when Gadhafi steps down", "once the rebels disarm").
_FUTURE_TIME_MARKS = frozenset({"when", "once", "until", "till", "before", "after", "whenever"})


def _unreal(tok: Token) -> bool:
    """Whether trigger ``tok`` stands under a modal in its own clause, also through
    the words that govern a noun ("would amount to a massacre", "could lead to an
    attack"); the clause ends at a clause of its own (complement, relative,
    adverbial, conjoined)."""
    cur = tok
    for _ in range(6):
        if any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in MODALS for ch in cur.children):
            return True
        if cur.head.i == cur.i or (cur.dep_ in ("ccomp", "relcl", "advcl", "conj", "parataxis", "acl")
                                   and not _shares_modal(cur)):
            return False
        cur = cur.head
    return False


#: Verbs whose object with "no" is what is promised or asked for, not an act undone.
_COMMITTING = frozenset({"promise", "pledge", "vow", "guarantee", "assure", "demand", "want",
                         "seek", "urge", "ask", "call", "insist", "require", "order"})


def _negated(tok: Token) -> bool:
    """Whether trigger ``tok`` is negated ("did not attack", "no talks")."""
    for ch in tok.children:
        if ch.dep_ == "neg":
            return True
        if ch.dep_ == "det" and ch.lower_ == "no":
            return True
        # "offered no compensation", "fired no shots": what was not done or given (a promise
        # or demand of nothing, "promised no ground troops", is still made)
        if ch.dep_ == "dobj" and tok.lemma_.lower() not in _COMMITTING and any(
                g.dep_ == "det" and g.lower_ == "no" for g in ch.children):
            return True
        # "would no longer support", "nobody is standing by", "no one attacked"
        if ch.dep_ == "advmod" and ch.lower_ == "longer" and any(g.lower_ == "no" for g in ch.children):
            return True
        if ch.dep_ in ("nsubj", "nsubjpass") and (
                ch.lower_ in NEGATIVE_SUBJECTS
                or (ch.lower_ == "one" and any(g.lower_ == "no" for g in ch.children))):
            return True
    # "X is not a threat": a noun predicated under a negated copula
    if tok.dep_ == "attr" and tok.head.lemma_ == "be" and any(
            ch.dep_ == "neg" for ch in tok.head.children):
        return True
    # "X is not willing to ...": negation on the intent head; "avoid seeking help"
    if tok.dep_ in ("xcomp", "acomp") and tok.head.i != tok.i:
        return tok.head.lemma_.lower() in AVOIDANCE or any(ch.dep_ == "neg" for ch in tok.head.children)
    return False


def _obligation(tok: Token) -> bool:
    """Whether trigger ``tok`` is under must/should ("Libya must hand over")."""
    if any(ch.dep_ == "aux" and ch.lower_ in OBLIGATION for ch in tok.children):
        return True
    # "the best way is for Russia to compel ...": advice, like an obligation.
    children = list(tok.children)
    if (any(ch.dep_ == "mark" and ch.lower_ == "for" for ch in children)
            and any(ch.dep_ == "nsubj" for ch in children)
            and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in children)):
        return True
    # "have to" / "need to": tok is xcomp of have/need.
    return tok.dep_ == "xcomp" and tok.head.lemma_ in ("have", "need")


def _reporters(tok: Token, speech_only: bool = True) -> list[Token]:
    """Subjects of the verbs of speech above ``tok``'s clause, nearest first: the
    candidates for its speaker ("X said Y must ...", "..., X said, it would
    be better to ..."); with ``speech_only``, the subject of any other verb above
    ("Neruda guides him as he fights") is not who "he" is."""
    out: list[Token] = []
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and (not speech_only or cur.lemma_.lower() in SPEECH_VERBS):
            for ch in cur.children:
                if ch.dep_ in ("nsubj", "nsubjpass") and not _is_pronoun(ch):
                    out.append(ch)
                elif ch.dep_ == "parataxis":
                    out.extend(g for g in ch.children
                               if g.dep_ == "nsubj" and not _is_pronoun(g))
    return [t for t in out if t.i != tok.i]


def _surname(tok: Token) -> str:
    """The last word of the name ``tok`` is part of (``tok`` itself outside a name)."""
    doc = tok.doc
    last = tok.i
    while tok.ent_type_ and last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return doc[last].text


class _Coder:
    """Codes actor phrases of one document, remembering the last actor named."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.index = ActorIndex(doc, text)
        #: Last actor named, by the pronouns that may refer to it, with its token index.
        self.last: dict[str, tuple[dict, int]] = {}
        self._context: dict[int, str | None] = {}
        self._military: int | None = None
        self._people: dict[str, tuple[str, str | None]] | None = None
        self._companies: list[tuple[int, dict]] | None = None
        #: Places the places extractor found, as (start, end, alpha-3 country).
        self.places: list[tuple[int, int, str]] = []

    def military_words(self) -> int:
        """How many words of war (:data:`MILITARY_WORDS`) the document has."""
        if self._military is None:
            self._military = sum(1 for t in self.index.doc if t.lower_ in MILITARY_WORDS)
        return self._military

    def context(self, sent: Span) -> str | None:
        """The country the text up to the end of ``sent`` is mostly about."""
        end = sent.end_char
        if end not in self._context:
            self._context[end] = self.index.dominant_country(end)
        return self._context[end]

    def code(self, tok: Token | None, sent: Span, trigger: Token) -> dict | None:
        """Code the actor phrase headed by ``tok``; pronouns resolve to the
        speaker of the enclosing clause, else to the last actor named in this
        sentence or the one before (further back, the guess is more often wrong
        than right, and the actor is left empty)."""
        if tok is None or tok.lower_ in UNRESOLVED_PRONOUNS:
            return None
        pron = _is_pronoun(tok) or (
            tok.lemma_.lower() in ("country", "government", "side")
            and any(c.dep_ == "poss" and _is_pronoun(c) for c in tok.children)
        )
        if pron:
            actor = self.speaker(trigger, sent)
            if actor is not None:
                return actor
            # "it" refers back unless it is the dummy subject of "it would be better to".
            if _is_pronoun(tok) and (tok.lower_ != "it" or tok.head.lemma_ != "be"):
                kind = "person" if tok.lower_ in PERSON_PRONOUNS else "group"
                before = sent.doc[sent.start - 1].sent.start if sent.start > 0 else 0
                if kind in self.last and self.last[kind][1] >= before:
                    return dict(self.last[kind][0])
            return None
        coded = code_token(tok, self.index, self.context(sent), self.only_country(sent))
        if coded is not None and _company_noun(tok):
            firm = self.last_company(tok)
            if firm is not None:  # "BP ... the company agreed": BP's country, not the story's
                return dict(coded, country=firm["country"], sector="BUS")
        if (coded is not None and tok.lemma_.lower() in FORCE_WORDS | ARMED_CARRIERS
                and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children)
                and not any(w.ent_type_ in ("GPE", "NORP", "ORG") for w in tok.subtree)):
            # "NATO said its warplanes struck ...": whose forces "its" names is the
            # speaker's, or the group named last, never the country the sentence is about
            owner = self.speaker(trigger, sent)
            if owner is None and "group" in self.last:
                before = sent.doc[sent.start - 1].sent.start if sent.start > 0 else 0
                if self.last["group"][1] >= before:
                    owner = self.last["group"][0]
            country = (owner or {}).get("country")
            sector = "IGO" if country == "IGO" else coded.get("sector")
            return dict(coded, country=country, sector=sector)
        if coded is not None and coded.get("unknown_name"):
            known = self.named_people().get(_surname(tok))
            if known is not None:  # "Foreign Minister Nasser Judeh" after "Jordan's ... Judeh"
                coded = dict(coded, country=known[0], sector=coded["sector"] or known[1],
                             unknown_name=False)
        if coded is not None and coded.get("unknown_name") and not coded.get("country"):
            coded = self._unknown_name_country(coded, tok, sent)
        return coded

    def _unknown_name_country(self, coded: dict, tok: Token, sent: Span) -> dict:
        """``coded`` (a name the tables do not know) with a country where its words give
        one: a place it names ("the Louisiana Department of Health", "California Governor
        Arnold Schwarzenegger"), else, for a body whose head is a role word of the state
        ("the Justice Department", "the Interior Ministry"), the context's; a person's
        name with only a title keeps none (a visitor is named so as often as a national)."""
        start, end = coded.get("start"), coded.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            return coded
        # a place that is the name's own head ("Misrata" did it) is a place, not a body in it
        where = next((c for s, e, c in self.places
                      if start <= s and e <= end and not s <= tok.idx < e), None)
        if where is None and coded.get("sector") in _STATE_SECTORS and any(
                m.alias.kind == "sector" and m.start <= tok.idx < m.end
                for m in self.index.within(start, end)):
            where = self.context(sent)
        return dict(coded, country=where) if where else coded

    def last_company(self, tok: Token) -> dict | None:
        """The business of the actor tables (sector BUS, with a country) the document names
        last before ``tok`` ("BP" in "BP's chief said the company ..."), as
        ``{"country", "sector"}``, or None."""
        if self._companies is None:
            self._companies = [
                (m.end, {"country": m.alias.country, "sector": "BUS"}) for m in self.index.matches
                if m.alias.kind == "org" and m.alias.country
                and "BUS" in (m.alias.sector or "").split(",")]
        at = bisect.bisect_right([end for end, _ in self._companies], tok.idx)
        if not at:
            return None
        end, firm = self._companies[at - 1]
        sent = tok.sent
        if any(ent.label_ == "ORG" and max(end, sent.start_char) <= ent.start_char
               and ent.end <= tok.i and not self.index.within(ent.start_char, ent.end_char)
               and ent.root.lower_ not in _MEDIA_WORDS for ent in sent.ents):
            return None  # "Taylor Energy's president said the company": a firm the tables lack
        return firm

    def named_people(self) -> dict[str, tuple[str, str | None]]:
        """Country (and sector) of each person the document names with one somewhere ("Jordanian
        Foreign Minister Nasser Judeh"), by surname: a later bare "Judeh" or
        "President Saleh" is the same person. A surname given two countries is left
        out."""
        if self._people is None:
            found: dict[str, set[str]] = {}
            sectors: dict[str, str | None] = {}
            for ent in self.index.doc.ents:
                if ent.label_ != "PERSON":
                    continue
                coded = code_token(ent.root, self.index)
                if coded and coded["country"] and not coded.get("unknown_name"):
                    found.setdefault(ent[-1].text, set()).add(coded["country"])
                    sectors[ent[-1].text] = sectors.get(ent[-1].text) or coded["sector"]
            self._people = {k: (next(iter(v)), sectors[k]) for k, v in found.items() if len(v) == 1}
        return self._people

    def only_country(self, sent: Span) -> str | None:
        """The one country ``sent`` names, if exactly one: the country of a name
        the tables do not know ("President Levy Mwanawasa ... the Zambian people")."""
        found = set()
        for m in self.index.within(sent.start_char, sent.end_char):
            c = m.alias.place_country
            if not c:
                continue
            span = self.index.doc.char_span(m.start, m.end, alignment_mode="expand")
            root = span.root if span is not None else None
            if root is not None and root.dep_ == "pobj" and root.head.lower_ == "of" \
                    and root.head.head.pos_ == "PROPN":
                continue  # "the University of Georgia" names a body, not a country
            found.add(c)
        return found.pop() if len(found) == 1 else None

    def remember(self, actor: dict | None, head: Token | None) -> None:
        """Note ``actor`` (headed by ``head``) as the last person or group named."""
        if actor is None or not actor.get("country") or head is None or _is_pronoun(head):
            return
        person = head.ent_type_ == "PERSON" or head.lemma_.lower() in PERSON_ROLES
        kind = "person" if person else "group"
        self.last[kind] = ({"text": actor["text"], "country": actor["country"],
                            "sector": actor.get("sector")}, head.i)

    def speaker(self, trigger: Token, sent: Span, speech_only: bool = True) -> dict | None:
        """The coded subject of the nearest clause above ``trigger`` (of a verb of
        speech only, with ``speech_only``) that names a known actor with a country."""
        reps = _reporters(trigger, speech_only)
        for rep in reps:
            actor = code_token(rep, self.index)
            if actor and actor["country"]:
                return actor
        # A speaker named by role only ("a group of leaders"): country from context.
        for rep in reps:
            actor = code_token(rep, self.index, self.context(sent), self.only_country(sent))
            if actor and actor["country"]:
                return actor
        return None


def _company_noun(tok: Token) -> bool:
    """Whether ``tok`` heads a definite singular "the company" phrase (:data:`COMPANY_NOUNS`)
    that names no company, country or person of its own ("the British company" names one)."""
    return (tok.lemma_.lower() in COMPANY_NOUNS and tok.tag_ == "NN"
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
            and not any(w.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for w in tok.subtree))


def _objects(tok: Token) -> list[Token]:
    """Candidate target heads of a trigger, best first: passive subject,
    direct object, dative, then objects of target prepositions."""
    out: list[Token] = []
    kids = list(tok.children)
    for ch in kids:
        if ch.dep_ == "nsubjpass":
            out.append(ch)
    for ch in kids:
        if ch.dep_ in ("dobj", "dative", "attr", "oprd"):
            out.append(ch)
    preps = [c for c in kids if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
    preps.sort(key=lambda c: TARGET_PREPS.index(c.lower_))
    for p in preps:
        for g in p.children:
            if g.dep_ == "pobj":
                out.append(g)
                out.extend(c for c in g.children if c.dep_ == "conj")
    # "in" names where, not whom, unless it names a whole country ("lifted a curfew
    # in Montenegro"); the caller keeps only those (see _pick_target)
    for p in kids:
        if p.dep_ == "prep" and p.lower_ == "in":
            out.extend(g for g in p.children if g.dep_ == "pobj")
    for ch in kids:
        if ch.dep_ == "prt":
            for p in ch.children:
                if p.dep_ == "pobj":
                    out.append(p)
    return out


def _noun_own_actor(tok: Token) -> list[Token]:
    """Modifiers of a noun trigger that may name its actor ("Russian drills",
    "Israel's invasion", "attacks by militants", "talks between Russia and ...")."""
    out = []
    for ch in tok.children:
        if ch.dep_ in ("poss", "compound", "amod", "nmod", "nsubj"):
            out.append(ch)
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ in ("by", "between", "from"):
            out.extend(g for g in ch.children if g.dep_ == "pobj")
    return out


def _carrier(tok: Token) -> Token | None:
    """The verb a noun trigger is the object of ("held talks": held;
    "raised concerns in a meeting": raised)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("dobj", "nsubjpass", "attr", "compound", "pobj", "prep", "appos"):
            head = cur.head
            if cur.dep_ == "prep" and cur.lower_ != "of" and head.pos_ in ("NOUN", "PROPN"):
                # "threatened Iraq in retaliation for an air raid": the trigger belongs
                # to another noun, and the verb above did not carry it out ("launched
                # 10 days of war games" did)
                return None
            if head.pos_ in ("VERB", "AUX") or (head.pos_ == "ADJ" and cur.dep_ == "prep"):
                return head if cur.dep_ != "compound" else None
            cur = head
        else:
            return None
    return None


@functools.lru_cache(maxsize=1)
def _trigger_hashes() -> np.ndarray:
    """String-store hashes of every trigger word and of the obligation modals."""
    t = tables()
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

    words = set(t.verbs) | set(t.nouns) | OBLIGATION
    return np.array(sorted(hash_string(w) for w in words), dtype=np.uint64)


def _trigger_positions(doc: Doc, t: Tables) -> list[int]:
    """Indices of tokens that may be triggers (lemma or lower-case form in the
    tables), and of the verbs that carry a must/should; found with arrays so
    that most tokens are never touched from Python."""
    if len(doc) == 0:
        return []
    from spacy.attrs import HEAD, LEMMA, LOWER
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

    arr = doc.to_array([LEMMA, LOWER, HEAD])
    hashes = _trigger_hashes()
    hit = np.isin(arr[:, 0], hashes) | np.isin(arr[:, 1], hashes)
    idx = np.nonzero(hit)[0]
    out = set(idx.tolist())
    modal_hashes = np.array([hash_string(w) for w in OBLIGATION], dtype=np.uint64)
    for i in np.nonzero(np.isin(arr[:, 1], modal_hashes))[0].tolist():
        out.discard(i)
        head = i + int(arr[i, 2].astype(np.int64))
        out.add(head)
    return sorted(out)


def _by_sentence(ctx: Context, field_name: str) -> dict[int, list[dict]]:
    """Items of an earlier extractor's output, grouped by sentence index."""
    out: dict[int, list[dict]] = {}
    items = ctx.results.get(field_name) or []
    if not isinstance(items, list):
        return out
    for item in items:
        if not isinstance(item, dict):
            continue
        s = item.get("sentence")
        if s is None and "start" in item and ctx.sentence_starts:
            s = ctx.sentence_of(item["start"])
        if s is not None:
            out.setdefault(s, []).append(item)
    return out


def _private_person(t: Token, trigger: Token, sent: Span, coder: _Coder) -> dict | None:
    """A private person (CVL, the sentence's country from context) when ``t`` is such a
    noun (:data:`_PRIVATE_PERSONS`) and the trigger's direct target: the noun phrase up to
    the noun ("the man", "a 13-year-old boy"), or None."""
    if t.lemma_.lower() not in _PRIVATE_PERSONS or not _direct_target(t, trigger):
        return None
    first = t.left_edge
    return {"text": t.doc[first.i:t.i + 1].text, "start": first.idx, "end": t.idx + len(t.text),
            "country": coder.context(sent), "sector": "CVL"}


def _pick_target(tokens: list[Token], coder: _Coder, sent: Span, trigger: Token,
                 actor_tok: Token | None, material: bool = False) -> dict | None:
    """The first of ``tokens`` that codes to a country; else the first that
    codes to a sector (its country from context), which a country named after
    "in" completes rather than replaces ("civilians were killed in Syria": the
    civilians, of Syria). A target named by a modifier of a phrase ("Gadhafi's
    compound", "the Syrian people") keeps that phrase as its text. For an act of
    ``material`` conflict, a private person it is directly done to is the target when
    nothing else codes (:func:`_private_person`)."""
    fallback = None
    unknown: dict | None = None  # a name the tables do not know, when nothing else codes
    person: dict | None = None  # a man, a woman, a child the act is done to
    co_actors = _co_actors(actor_tok)
    if actor_tok is not None and trigger not in actor_tok.subtree:
        # nor anything inside the actor's own phrase ("troops backed by 26 tanks attacked")
        co_actors.update(w.i for w in actor_tok.subtree)
    for t in tokens:
        if t is None or (actor_tok is not None and t.i == actor_tok.i) or _is_pronoun(t):
            continue
        if t.i in co_actors:
            continue
        cand: Token | None = t
        if t.dep_ == "pobj" and t.head.lower_ == "in":
            cand = next((w for w in (t, *t.children) if (w is t or w.dep_ == "compound")
                         and _country_name(w, coder.index)), None)
            if cand is None:
                continue
            if fallback is not None:  # where the victims are, not whom
                place = code_token(cand, coder.index)
                return dict(fallback, country=fallback["country"] or (place or {}).get("country"))
        if material and person is None and cand is t:
            person = _private_person(t, trigger, sent, coder)
        head = _actor_head(cand, coder.index) if cand is not None else None
        if head is None:
            if (unknown is None and cand is t and t.pos_ == "PROPN"
                    and t.ent_type_ in ("PERSON", "ORG") and _direct_target(t, trigger)):
                coded = code_token(t, coder.index)
                ent = next((e for e in sent.ents if e.start <= t.i < e.end), None)
                if coded and coded.get("unknown_name") and ent is not None:
                    # the name itself, not "Mr Blair of weakness" (the phrase with its "of")
                    unknown = dict(coded, text=ent.text, start=ent.start_char, end=ent.end_char)
            continue
        coded = code_token(head, coder.index)
        if cand is t:  # "in Syria" is the place itself, whatever it modifies
            coded = _owner_phrase(coded, head, coder.index.text)
        if coded and coded["country"]:
            return coded
        if fallback is None and coded and coded["sector"]:
            outsiders = any(w.lower() in OUTSIDERS for w in coded["text"].split())
            fallback = dict(coded, country=None if outsiders else coder.context(sent))
    return fallback or unknown or person


#: Demands, accusations, refusals and threats: a place in their target's words is whom
#: or what they are about, not where they were made ("condemned the violence in Libya").
_SAID_TO_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
#: Sectors of the state's own bodies: an unknown "X Department" is the story's country's.
_STATE_SECTORS = frozenset({"GOV", "JUD", "LEG", "MIL", "COP", "SPY"})
#: Heads of a phrase naming people by what they do, which the actor tables leave out
#: ("met experts and fishermen", "urged lawyers to settle").
_PEOPLE_NOUNS = frozenset({
    "expert", "fisherman", "lawyer", "attorney", "executive", "employee", "villager", "farmer",
    "doctor", "nurse", "teacher", "engineer", "scientist", "investor", "shareholder", "voter",
    "critic", "prisoner", "detainee", "hostage", "victim", "pilgrim", "crew", "sailor", "miner",
    "driver", "member", "politician", "candidate", "delegate", "negotiator", "inspector",
    "investigator", "analyst", "guard", "neighbour", "neighbor", "owner", "relative",
    "veteran", "leader", "representative", "staff", "workforce", "colleague", "counterpart",
    "gang",
})
#: Objects of an act of force that are its means, its kind or its effect, never whom or
#: what it hits ("opened fire", "fired rockets", "claimed lives", "took control").
_NOT_HIT = frozenset({
    "fire", "shot", "round", "rocket", "missile", "bomb", "shell", "grenade", "bullet", "gas",
    "weapon", "arm", "mortar", "artillery", "attack", "strike", "raid", "assault", "offensive",
    "operation", "campaign", "war", "battle", "fight", "fighting", "violence", "crackdown",
    "damage", "havoc", "toll", "life", "control", "power", "hold", "way", "role", "part",
    "time", "step", "action", "measure", "effort", "force", "pressure", "blow", "charge",
    "responsibility", "credit", "aim", "order", "threat", "risk", "fear", "anger", "hope",
    "access", "state", "law", "emergency", "curfew", "relation", "tie", "entry", "ban",
    "death", "front", "frontline", "duel", "debate", "talk", "dialogue", "edge", "outskirt",
    "side", "fringe", "minute", "hour", "day", "night", "week", "month", "year", "kilometer",
    "kilometre", "mile", "metre", "meter", "yard", "right",
})
#: Sectors that bear arms, rebels with the state's forces: what they attack, fight or
#: destroy is a thing hit.
_ARMED_SECTORS = ARMED_SECTORS | {"REB"}
#: Verbs of force English seldom uses figuratively ("shelled the town", "stormed a hotel"):
#: their object is a thing hit whoever the actor is; "attacked the tone", "occupied a
#: position", "destroyed jobs" are figures of speech unless armed men did them.
_PHYSICAL_HITS = frozenset({
    "bomb", "shell", "bombard", "pound", "raid", "storm", "strike", "seize", "capture",
    "recapture", "loot", "torch", "burn", "demolish", "bulldoze", "confiscate", "hijack",
    "overrun", "invade", "blow", "ambush", "open", "fire", "besiege", "kidnap", "abduct"})
#: Acts done with the actor's own people ("pulled out all remaining staff"), who are no
#: target.
_OWN_PEOPLE_TYPES = frozenset({"RETREAT", "MOBILIZE"})
#: Acts whose object may be a thing hit or seized, not only people ("stormed a hotel").
_HIT_TYPES = frozenset({"ASSAULT", "COERCE"})


def _plain_target(tokens: list[Token], trigger: Token, sent: Span, coder: _Coder, etype: str,
                  clause: dict | None, actor: dict | None = None) -> dict | None:
    """Whom or what the act is done to when no actor codes, named by a common noun the
    trigger governs directly (:func:`_direct_target`): people by their trade or role
    (:data:`_PEOPLE_NOUNS`: "met experts", "urged the lawyers"), and for an assault or an
    act of coercion also the thing hit or seized ("struck a school", "opened fire on the
    car", "seized a tanker"), unless it is the act's means or kind (:data:`_NOT_HIT`), when
    the verb is one of plain force (:data:`_PHYSICAL_HITS`) or the ``actor`` is armed or
    unnamed (:data:`_ARMED_SECTORS`: "attacked the tone" is a figure of speech). People
    a retreat or a mobilisation moves are the actor's own, no target.

    The phrase runs up to the noun, or to a name its "of" gives ("the city of Hama"). Its
    country is the one its own words name ("a Greek-owned tanker", "a hotel in
    Mogadishu"); else, for a thing, the clause's (``clause``, from :func:`_clause_country`);
    else the context's. Its key "people" says whether it names people. None when there is
    no such noun."""
    physical = (actor is None or actor.get("sector") in _ARMED_SECTORS
                or trigger.lemma_.lower() in _PHYSICAL_HITS)
    for t in tokens:
        if t is None or t.pos_ != "NOUN" or not _direct_target(t, trigger):
            continue
        lemma = t.lemma_.lower()
        person = lemma in _PEOPLE_NOUNS and etype not in _OWN_PEOPLE_TYPES
        if not person and (etype not in _HIT_TYPES or not physical or lemma in _NOT_HIT
                           or lemma in _NOT_FORCES
                           or lemma in FORCE_WORDS or lemma in COLLECTIVES
                           or not _hit_object(t, trigger, etype)):
            continue
        first = t.left_edge
        if first.dep_ in ("prep", "cc", "punct"):
            first = t.doc[first.i + 1]
        last = t.right_edge
        end = t
        named = next((g for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        if named is not None:  # "the southern city of Deraa", "districts of Homs"
            end = named
        own = next((m.alias.country for m in coder.index.within(first.idx, last.idx + len(last.text))
                    if m.alias.country and m.alias.sector != "BUS"), None)
        country = own or (None if person else (clause or {}).get("country")) or coder.context(sent)
        return {"text": t.doc[first.i:end.i + 1].text, "start": first.idx,
                "end": end.idx + len(end.text), "country": country, "sector": None, "people": person}
    return None


def _named(coded: dict | None, sent: Span) -> bool:
    """Whether ``coded`` is a person's or an organisation's name in ``sent`` (the
    parser's PERSON or ORG), not a country, a place or a role."""
    if coded is None or not isinstance(coded.get("start"), int):
        return False
    return any(e.label_ in ("PERSON", "ORG") and e.start_char <= coded["start"] < e.end_char
               for e in sent.ents)


def _hit_object(tok: Token, trigger: Token, etype: str) -> bool:
    """Whether ``tok`` stands where a verb of force names what it hits: its object or
    passive subject, or for an assault the object of its "on", "at" or "against" ("stormed
    a hotel", "opened fire on the car"), and the verb has no particle but one that
    completes the hit ("blew up", "shot down", "took out"; "clash over the causes" hits
    nothing)."""
    if any(ch.dep_ == "prt" and ch.lower_ not in ("up", "down", "out", "off")
           for ch in trigger.children):
        return False
    if tok.head.i == trigger.i:
        return tok.dep_ in ("dobj", "nsubjpass")
    # an assault is made on or at a thing; one detains "against a wall" no wall
    return (etype == "ASSAULT" and tok.dep_ == "pobj"
            and tok.head.lower_ in ("on", "at", "against"))


def _direct_target(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` is the trigger's own object or passive subject ("accused BP", "BP
    was fined"), the subject of its that-clause ("demanded that BP pay"), or the object of its
    "with", "against", "on" or "to" ("talks with BP"): the places where a name the tables do
    not know is still whom the act is done to, not a bystander."""
    if tok.head.i == trigger.i and tok.dep_ in ("dobj", "nsubjpass", "dative"):
        return True
    if tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" and tok.head.head.i == trigger.i:
        return True  # "demanded that BP pay"
    return (tok.dep_ == "pobj" and tok.head.head.i == trigger.i
            and tok.head.lower_ in ("with", "against", "on", "to"))


def _owner_phrase(coded: dict | None, head: Token, text: str) -> dict | None:
    """``coded`` (the coding of ``head``) with the text of the noun phrase that
    ``head`` modifies, when ``head`` is a possessor, compound or adjective of a
    noun and its own text stops before that noun ("Gadhafi's" -> "Gadhafi's Bab
    al-Aziziya compound", "Syrian" -> "the Syrian people"): the owner's country
    and sector with the words the article uses. The phrase ends at its noun (its
    prepositional phrases are left out); a noun that is itself a compound of a
    name takes the name ("French photographer Remi Ochlik")."""
    if coded is None or head.dep_ not in _MODIFIER_DEPS or coded.get("start") is None:
        return coded
    noun = head.head
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i:
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i < head.i or coded["end"] > noun.idx:
        return coded
    if noun.lemma_.lower() in OWNED_THINGS | EVENT_HEADS:
        # an act or plan of the owner ("Mr Annan's plan"): the owner, as PLOVER codes it
        owner = re.sub(r"\s*['\u2019]s?$", "", coded["text"])
        return dict(coded, text=owner, end=coded["start"] + len(owner))
    start = min(coded["start"], min(w.idx for w in noun.subtree if w.i <= noun.i
                                    and w.dep_ not in ("punct", "cc")))
    end = noun.idx + len(noun.text)
    return dict(coded, text=text[start:end], start=start, end=end)


def _role_adjective_of_act(tok: Token, index: ActorIndex) -> bool:
    """Whether ``tok`` is a role adjective (an alias of a sector, no country) that
    qualifies an act ("a military response", "foreign military intervention"):
    the act is of a kind, not owned by that sector's actors."""
    if tok.dep_ != "amod" or tok.pos_ != "ADJ" or tok.head.lemma_.lower() not in OWNED_THINGS | EVENT_HEADS:
        return False
    found = [m.alias for m in index.within(max(0, tok.idx - 40), tok.idx + len(tok.text) + 40)
             if m.start <= tok.idx < m.end]
    return bool(found) and all(a.kind == "sector" and not a.country for a in found)


def _covered(tok: Token, index: ActorIndex) -> bool:
    """Whether an alias match of ``index`` covers token ``tok``."""
    return any(m.start <= tok.idx < m.end
               for m in index.within(max(0, tok.idx - 80), tok.idx + len(tok.text) + 80))


#: Dependency labels of a word that modifies a noun ("Syrian oil", "Iraq's towns").
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def _country_name(tok: Token, index: ActorIndex) -> bool:
    """Whether ``tok`` is part of a country's own name ("Montenegro", "Cambodia"), not
    a capital, a demonym of people or a role."""
    return any(m.start <= tok.idx < m.end and m.alias.kind == "country"
               and m.alias.sector is None and tok.pos_ == "PROPN"
               for m in index.within(max(0, tok.idx - 80), tok.idx + len(tok.text) + 80))


def _actor_head(tok: Token, index: ActorIndex, depth: int = 2, places: bool = True) -> Token | None:
    """The head of the actor that the phrase headed by ``tok`` names, or None when
    it names only a thing, an act or a place ("any attacks on protesters", "control
    of Ajdabiya", "the Gulf of Mexico"): ``tok`` itself when an alias (a country, an
    organisation, a role word) covers it, unless it is part of a longer proper name
    ("Gulf of Mexico"); else the owner of a thing ("Argentina's reforms", "the
    Peruvian proposal", "the offices of the Palestinian administrators", "a ban by
    General Aoun", "a camp for Congolese refugees": the target is the owner, author or
    beneficiary, as PLOVER codes it), or the country a thing is in ("a village in
    Western Cambodia", only with ``places``: for an actor it is only where it is);
    for a preposition, its object."""
    if tok.pos_ == "ADP":
        obj = next((g for g in tok.children if g.dep_ == "pobj"), None)
        return _actor_head(obj, index, depth, places) if obj is not None and depth > 0 else None
    if _covered(tok, index):
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "PROPN":
            return None
        return tok
    for ch in tok.children:
        if ch.dep_ in _MODIFIER_DEPS and _covered(ch, index) and not _role_adjective_of_act(ch, index):
            return ch
        if ch.dep_ == "compound":  # "Baghdad University Medical School"
            inner = next((g for g in ch.subtree if g.dep_ == "compound" and _covered(g, index)), None)
            if inner is not None:
                return inner
    if depth <= 0:
        return None
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "by", "for", "in"):
            for g in p.children:
                if g.dep_ != "pobj":
                    continue
                if p.lower_ == "in":
                    if places and _country_name(g, index):
                        return g
                    continue
                if not places and p.lower_ == "of" and tok.lemma_.lower() not in COLLECTIVES \
                        and tok.pos_ not in ("NUM", "PRON"):
                    continue  # "this occupation of Iraq" is no actor; "thousands of people" is
                found = _actor_head(g, index, depth - 1, places)
                if found is not None:
                    return found
    return None


def _co_actors(actor_tok: Token | None) -> set[int]:
    """Token indices of the actor's phrase (appositions included) and of the phrases
    conjoined to it ("the United States and Britain fired"): co-actors, never
    targets."""
    if actor_tok is None:
        return set()
    out: set[int] = {actor_tok.i}
    stack = [actor_tok]
    while stack:  # the actor's phrase with its appositions, without its clauses
        for ch in stack.pop().children:
            if ch.dep_ not in ("acl", "relcl", "advcl", "ccomp", "xcomp", "conj", "cc"):
                out.add(ch.i)
                stack.append(ch)
    for c in actor_tok.conjuncts:
        out.update(t.i for t in c.subtree)
    return out


def _several(head: Token | None) -> bool:
    """Whether the actor phrase headed by ``head`` names several actors
    ("French and Egyptian warships", "Russia and China")."""
    if head is None:
        return False
    if any(ch.dep_ == "conj" for ch in head.children):
        return True
    return any(
        ch.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in ch.children)
        for ch in head.children
    )


def _subject_matter(root: Token, etype: str | None) -> bool:
    """Whether the name headed by ``root`` (its modifiers climbed: "Syria" in "the
    report on Syria's oil") gives the act's subject matter, never whom it is aimed at:
    after "about", "over", "regarding", "concerning", or, for a type whose "on" names
    its topic (:data:`_TOPIC_ON`: "vetoed a resolution on Syria", "talks on Iran"),
    after "on". PLOVER codes as target the country the clause acts on wherever the
    grammar puts it ("demanded that the Sudanese government end ..."), so nothing
    else is ruled out."""
    t = root
    for _ in range(4):
        if t.dep_ not in _NAME_MODIFIER_DEPS or t.head.i == t.i:
            break
        t = t.head
    if t.dep_ != "pobj":
        return False
    prep = t.head.lower_
    return prep in _TOPIC_PREPS or (prep == "on" and etype in _TOPIC_ON)


#: Prepositions that put a thing or a happening in a country ("the crisis in Haiti",
#: "rallies across Syria").
_MATTER_PREPS = frozenset({"in", "across", "throughout", "inside"})


#: Nouns of the sides of a conflict, who are people of a place ("the parties to the
#: conflict in Iraq").
_SIDES = frozenset({"party", "side", "faction", "combatant", "belligerent", "community",
                    "population", "authority", "people"})
#: Acts of a state's force against its own people, which a country they are in names the
#: doer of, as PLOVER codes it ("condemned the violence in Yemen", "a halt to the
#: bloodshed in Syria": that state is whom it is aimed at).
_PERPETRATED = frozenset({"violence", "bloodshed", "crackdown", "killing", "repression", "abuse",
                          "violation", "massacre", "atrocity", "shelling", "bombing", "torture",
                          "brutality", "persecution", "oppression", "suppression", "slaughter",
                          "clampdown"})
#: Demands, accusations and refusals, whose words a place of their matter does not aim at
#: (a threat's place is what would be struck: "an operation in Syria").
_MATTER_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST"})


def _matter_place(target: dict, coder: _Coder) -> bool:
    """Whether coded ``target`` (with offsets into the coder's text) is only a place
    name after "in", "across", "throughout" or "inside" on a noun that names no actor
    of its own: where a thing or a happening is ("the violence in Libya", "the
    humanitarian crisis in Haiti", "the relief effort in Haiti"), not a party. People
    or a body in a place, or a thing of theirs, are of it ("the leaders in Damascus",
    "aid workers in Haiti", "the sides to the fighting in Yemen"), as are those urged or
    told ("urged the families in Haiti"); a state's force against its people there
    is the state's (:data:`_PERPETRATED`), and a meeting's host is a party to it ("declined
    to attend the summit in Uganda")."""
    s, e = target.get("start"), target.get("end")
    if not isinstance(s, int) or not isinstance(e, int):
        return False
    span = coder.index.doc.char_span(s, e, alignment_mode="expand")
    if span is None or not _place_name(target, span.sent):
        return False
    root = _phrase_head(span.root)
    if root.dep_ != "pobj" or root.head.lower_ not in _MATTER_PREPS:
        return False
    noun = root.head.head
    if noun.pos_ != "NOUN":
        return False
    for _ in range(4):   # "the sides to the fighting in Yemen" are people there
        if (noun.lemma_.lower() in _PEOPLE_NOUNS | COLLECTIVES | _SIDES | _PERPETRATED | _OCCASIONS
                or _actor_head(noun, coder.index, places=False) is not None
                or (noun.dep_ in ("dobj", "dative")
                    and noun.head.lemma_.lower() in _TELLING_TO | {"ask", "call", "press"})):
            return False
        if noun.dep_ != "pobj" or noun.head.head.pos_ != "NOUN":
            break
        noun = noun.head.head
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    # "urged the sides to the fighting in Yemen to ...": the sides urged are of the place
    return not (verb.pos_ in ("VERB", "AUX") and any(
        ch.dep_ in ("dobj", "dative") and ch.lemma_.lower() in _PEOPLE_NOUNS | _SIDES | COLLECTIVES
        for ch in verb.children))


def _phrase_head(tok: Token) -> Token:
    """The noun ``tok`` modifies as a compound or an adjective, up to the head of its
    phrase ("Damascus" of "a Damascus suburb": suburb), or ``tok`` itself."""
    while tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _clause_country(head: Token, coder: _Coder, actor: dict | None,
                    actor_tok: Token | None = None, venue: str | None = None) -> dict | None:
    """Fallback target: the first country named in the clause of ``head``
    outside the actor's phrase and not its subject matter (see :func:`_subject_matter`:
    "threatened to cut off electricity to the Azerbaijani republic", not "vetoed a
    resolution on Syria"). For ``venue`` "CONSULT" (a meeting), a place after "in"
    or "at" is where it met, never whom ("told the summit in the Iraqi capital");
    for "PROTEST", a town or region there is where it gathered ("a rally in
    Nairobi"), while a country is whom it is against, as PLOVER codes it."""
    start = head.left_edge.idx
    end = head.right_edge.idx + len(head.right_edge.text)
    for ch in head.children:
        # a clause of its own joined on ("…, and its ally Russia has accused …") is not
        # this clause
        if (ch.dep_ == "conj" and ch.i > head.i and ch.pos_ in ("VERB", "AUX")
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in ch.children)):
            end = min(end, ch.left_edge.idx)
    if actor is not None:
        # with the actor found, what was done to whom follows the verb; words before
        # it set the scene ("At the start of the Arab League meeting, the minister urged")
        start = max(start, head.idx + len(head.text))
    a0, a1 = (actor.get("start", -1), actor.get("end", -1)) if actor else (-1, -1)
    co_actors = _co_actors(actor_tok)
    # the doer of a passive ("beaten by men loyal to X", "beaten and robbed by ...") is
    # never whom it was done to
    co_actors.update(w.i for v in (head, *head.conjuncts) for ch in v.children
                     if ch.dep_ == "agent" for w in ch.subtree)
    doc = coder.index.doc
    for m in coder.index.within(start, end):
        if a0 <= m.start < a1 or not m.alias.country or m.alias.sector == "BUS":
            continue  # a company is a target only by the grammar ("the BP oil spill" is none)
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.i in co_actors or _actor_head(span.root, coder.index) is None:
            continue
        root = span.root
        if venue == "CONSULT" and root.dep_ in ("compound", "nmod") and root.ent_type_ == "GPE" \
                and m.alias.sector == "GOV":
            continue  # "the Baghdad summit": the capital is where they met
        root = _phrase_head(root)  # "in a Damascus suburb"
        if (venue in ("CONSULT", "PROTEST") and root.dep_ == "pobj" and root.head.lower_ in ("in", "at")
                and (venue == "CONSULT" or not _country_name(root, coder.index))):
            continue
        if venue == "PROTEST" and _streets_of(root):
            continue  # "took to the streets of Damascus", "marched across Ramallah": where
        if (root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near")
                and root.head.head.pos_ in ("VERB", "AUX") and not _country_name(root, coder.index)):
            continue  # where it happened ("rallied in Nairobi"), not to whom; a thing's
            # place is its owner's ("suspended aid deliveries in Baghdad")
        if _subject_matter(root, venue):
            continue  # "vetoed a resolution on Syria": what the act is about, not at
        return {"text": coder.index.text[m.start:m.end], "start": m.start, "end": m.end,
                "country": m.alias.country, "sector": m.alias.sector}
    return None


def _event_for(c: Candidate, coder: _Coder, sent: Span, t: Tables) -> dict | None:
    """Turn a surviving candidate into an event dict (without sentence fields)."""
    tok = c.tok
    etype, mode = c.pattern.type, c.pattern.mode
    if _conditional(tok):
        return None
    if _negated(tok):
        if tok.pos_ not in ("VERB", "AUX"):
            return None  # "a regime that had no public support": an absence, no one refused
        if tok.lemma_.lower() in ACCEPTANCE:
            if any(ch.dep_ == "auxpass" for ch in tok.children) and not any(
                    ch.dep_ == "agent" for ch in tok.children):
                return None  # "journalists were not permitted to ...": no one named refused
            etype, mode = "REJECT", None
        else:
            return None
    actor_tok: Token | None
    target_toks: list[Token] = []
    if tok.pos_ in ("VERB", "AUX"):
        actor_tok, passive = _subject(tok)
        if passive is None and actor_tok is not None and actor_tok.head == tok and _headline_passive(tok):
            # "BP accused of lying by Pelosi", "Griffin criticised for remarks": a headline's
            # passive without its "was": the subject is whom it is aimed at
            passive = actor_tok
            actor_tok = next((g for w in tok.subtree if w.dep_ == "prep" and w.lower_ == "by"
                              and w not in passive.subtree
                              for g in w.children if g.dep_ == "pobj"), None)
        if passive is not None:
            target_toks.append(passive)
        target_toks.extend(_objects(tok))
        for inner in c.absorbed:
            if inner.tok.pos_ == "VERB":
                sub, pas = _subject(inner.tok)
                if sub is not None and (actor_tok is None or sub.i != actor_tok.i) and not _is_pronoun(sub):
                    target_toks.append(sub)
                if pas is not None:
                    target_toks.append(pas)
            target_toks.extend(_objects(inner.tok))
    else:
        actor_tok = None
        carrier = _carrier(tok)
        own = _noun_own_actor(tok)
        coded_own = None
        for o in own:
            coded_own = code_token(o, coder.index)
            if (coded_own and etype == "CONSULT" and o.dep_ in ("compound", "nmod")
                    and o.ent_type_ == "GPE" and coded_own.get("sector") == "GOV"):
                coded_own = None  # "the Baghdad summit": the capital is the venue
            if (coded_own and etype == "PROTEST" and o.dep_ in ("compound", "nmod")
                    and coded_own.get("sector") == "BUS"):
                target_toks.append(o)  # "the BP protests": protests against the company
                coded_own = None
                continue
            if coded_own and coded_own["country"]:
                actor_tok = o
                break
            coded_own = None
        if (carrier is not None and carrier.lemma_.lower() in UNDERGO
                and not any(ch.dep_ == "prt" and ch.lower_ in ("up", "out") for ch in carrier.children)):
            # "Syria faces sanctions", "they have faced attacks by a regime", "sparked
            # criticism from Congress": whoever faces the act is whom it is done to; its
            # actor is only the noun's own ("drew up sanctions" prepares them)
            sub, _ = _subject(carrier)
            if sub is not None:
                target_toks.append(sub)
        elif actor_tok is None and carrier is not None:
            actor_tok, passive = _subject(carrier)
            target_toks.extend(w for w in _objects(carrier) if w.i != tok.i)  # not the trigger's own phrase
        target_toks = _objects(tok) + target_toks
    if _in_passing(tok, etype):
        return None
    if (tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "ccomp", "dobj")
            and tok.head.lemma_.lower() in _TELLING and not any(
                ch.dep_ in ("nsubj", "nsubjpass", "dobj") for ch in tok.children)):
        # "activists reported shelling in Homs": a gerund told by a verb of telling is
        # the teller's report, and the teller did not do it
        return None
    if _speculative(tok) and etype not in CONFLICT_MATERIAL:
        return None  # "could cut a deal"; a possible attack is a threat (below)
    if _descriptive(tok) or (etype in CONFLICT_MATERIAL and _ability(tok)):
        # "American and allied credibility", "the besieged city": a description, no act;
        # "is still able to fight": a capability, neither an act nor a threat
        return None
    weapon = actor_tok is not None and actor_tok.lemma_.lower() in WEAPON_SUBJECTS
    actor: dict | None
    if weapon:  # "a roadside bomb killed": no actor, unless named ("US Predator attacks")
        modifiers = [w for w in actor_tok.subtree if w.i < actor_tok.i and w.dep_ in _MODIFIER_DEPS
                     and _covered(w, coder.index)] if actor_tok is not None else []
        named = code_token(modifiers[0], coder.index) if modifiers else None
        actor = named if named and named["country"] else None
    else:
        actor = coder.code(actor_tok, sent, tok)
    if (actor is not None and (actor.get("sector") in ("MED", "JRN") or _BROADCASTERS & set(
            str(actor.get("text") or "").lower().split()))
            and etype in CONFLICT_MATERIAL | {"MOBILIZE", "RETREAT"}):
        # "a minibus had been attacked, according to the AP news agency, with six killed": the
        # news agency tells of an armed or coercive act, it never did it
        actor = None
        actor_tok = None
    coder.remember(actor, actor_tok)
    if tok.pos_ not in ("VERB", "AUX") and (
            actor is None or not (actor.get("country") or actor.get("unknown_name"))):
        return None
    if (actor is not None and actor_tok is not None and not weapon and not _is_pronoun(actor_tok)
            and actor.get("start") is not None and actor["start"] <= actor_tok.idx < actor["end"]
            and actor_tok.pos_ != "PROPN" and _actor_head(actor_tok, coder.index, places=False) is None):
        actor = None  # a thing, not an actor ("the main airport in the Dominican Republic")
    if (actor is not None and actor_tok is not None and not weapon and etype not in CONFLICT_MATERIAL
            and actor_tok.pos_ == "NOUN" and not _covered(actor_tok, coder.index)
            and actor_tok.lemma_.lower() in OWNED_THINGS):
        return None  # a thing of the actor's does no such act ("Gadhafi's grip loosened")
    if (actor is None and actor_tok is not None and not _obligation(tok) and not weapon
            and actor_tok.lower_ not in UNNAMED_ATTACKERS):
        return None  # someone we cannot code did it: better no event than a guessed one
    if (actor is None and not _obligation(tok) and not t.types[etype].quad.startswith("material")
            and tok.tag_ in ("VBN", "VBG") and not any(
                ch.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for ch in tok.children)):
        return None  # a participle with no one who spoke ("Asked about the groups, ...")
    # Modality: obligation reported by someone is their request.
    # what the complements say was (to be) done, less the figures of speech ("promised to
    # fight the oil spill" is no threat)
    inner_types = {i.pattern.type for i in c.absorbed
                   if i.via_complement and refusal(i.tok, i.pattern.type) is None
                   and not _conditional(i.tok)}
    if _obligation(tok):
        speaker = coder.speaker(tok, sent, speech_only=False)
        if speaker is None:
            return None
        target = coder.code(actor_tok, sent, tok) if actor_tok is not None else None
        if target is None:
            return None  # "the well should be sealed": an obligation of no one
        actor = speaker
        etype, mode = "REQUEST", None
        return _finish(etype, mode, tok, actor, target, t)
    if (tok.lemma_.lower() == "protest" and tok.pos_ == "VERB"
            and (tok.dep_ in ("parataxis", "ccomp")
                 or any(ch.dep_ in ("ccomp", "dobj") for ch in tok.children))):
        etype, mode = "ACCUSE", None  # a protest made in words
    if etype == "CONSULT" and (_scheduled(tok) or _planned(tok)):
        return None  # a meeting the news announces or plans for later has not happened
    if tok.lemma_.lower() in _WARNING_WORDS and len(c.pattern.extras) <= 1 \
            and etype in ("THREATEN", "ACCUSE"):
        warned = _warning_type(tok, etype, coder.index)
        if warned is None:
            return None
        etype = warned
    if (etype == "AGREE" and tok.lemma_.lower() in ("vow", "pledge", "promise", "swear")
            and any(i.via_complement and i.pattern.type == "RETREAT" and _negated(i.tok)
                    for i in c.absorbed)):
        # "vowed not to surrender", "vowed that we will not surrender": a refusal to
        # yield, not an agreement
        etype, mode = "REJECT", None
    if (etype == c.pattern.type and t.types[etype].quad == "verbal conflict" and tok.pos_ in ("VERB", "AUX")
            and any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in FUTURE_OR_CONDITIONAL for ch in tok.children)):
        # a demand, accusation, refusal or warning still to come ("France would propose
        # that ...", "the court will be investigating"): not yet made, so no event; a
        # negated acceptance ("will not support") is a refusal made now and stays
        return None
    if (_hypothetical(tok) and t.types[etype].quad == "verbal conflict"
            and etype == c.pattern.type and tok.lemma_.lower() not in INTENT
            and not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in IMPLICATIVE)):
        # a demand, accusation, refusal or threat planned, expected or likely but not yet
        # made ("is expected to be criticised", "is expected to urge", "will likely face
        # a Russian veto"): nothing was said yet (a cooperative intent is AGREE, below)
        return None
    if _counterfactual(tok):
        # "jets would still have bombed the camps", "troops could have attacked": what
        # did not happen, and nobody threatened it
        return None
    decided = etype == "SANCTION" and _decided(tok)
    if _hypothetical(tok) and not decided:
        if etype in CONFLICT_MATERIAL:
            mode = etype.lower() if etype != "ASSAULT" else "violence"
            etype = "THREATEN"
        elif etype in COOPERATION or etype == "AGREE":
            # "X plans to send aid", "the U.S. will accept the offers": PLOVER's AGREE, said
            # to be an intention, not an accord reached
            etype, mode = "AGREE", INTENT_MODE
    elif (etype == "AGREE" and "SANCTION" in inner_types and tok.lemma_.lower() in DECISION_HEADS
          and not _hypothetical(tok)):
        # "the EU agreed to ban Syrian oil imports": a sanction decided is imposed
        etype, mode = "SANCTION", None
    elif etype in ("AGREE",) and inner_types & CONFLICT_MATERIAL:
        # "vowed to crush", "pledged to retaliate": a threat, not an agreement; "vowed to
        # impose sanctions" threatens a sanction
        etype, mode = "THREATEN", ("violence" if "ASSAULT" in inner_types
                                   else "sanction" if "SANCTION" in inner_types else "coerce")
    elif etype == "MOBILIZE" and tok.pos_ == "NOUN" and (
        any(ch.lower_ == "joint" for ch in tok.children) or _several(actor_tok)
    ):
        etype, mode = "COOPERATE", None  # joint exercises
    if etype == "MOBILIZE" and tok.pos_ == "VERB" and _rally(tok):
        etype, mode = "PROTEST", "demo"  # "mobilised thousands of supporters": a rally
    if (etype == "ASSAULT" and tok.lemma_.lower() == "occupy" and actor_tok is not None
            and actor_tok.lemma_.lower() in RALLY_WORDS):
        etype, mode = "PROTEST", "demo"  # "the square, occupied by demonstrators": a sit-in
    if (etype == "CONSULT" and tok.lemma_.lower() == "meet" and any(
            ch.dep_ == "prep" and ch.lower_ == "with" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in FORCE_MET for g in ch.children)
            for ch in tok.children)):
        etype, mode = "ASSAULT", None  # "protesters were met with brute force": no talks
    if etype == "PROTEST" and mode == "strike" and tok.pos_ == "NOUN" and _military_strike(tok, sent, coder):
        etype, mode = "ASSAULT", "aerial"
    if etype == "COERCE" and actor_tok is not None and (
            weapon or (tok.lemma_.lower() == "raid" and actor_tok.lemma_.lower() in ARMED_CARRIERS)):
        etype, mode = "ASSAULT", None  # "airstrikes destroyed tanks", "warplanes carried out a raid"
    if t.types[etype].quad.startswith("material") and not decided and (
            _hypothetical(tok) or _unreal(tok)):
        mode = HYPOTHETICAL
    if actor is not None and not actor.get("country") and not actor.get("sector"):
        return None  # a name we know nothing of ("Chris has visited Haiti")
    if etype == "THREATEN" and actor is None:
        return None  # "the strikes would be intended to destroy ...": no one threatens
    if etype == "AID" and mode == "military" and tok.pos_ == "VERB" and _own_forces_sent(tok):
        # "a country sending its jets to join its own frigate at sea": its own
        # forces deployed, not arms given to anyone
        return _finish("MOBILIZE", "troops", tok, actor, None, t)
    if etype == "CONSULT" and actor is not None and actor.get("sector") in ("MED", "JRN"):
        return None  # "Arab journalists visiting Syria": reporters travel, no talks between parties
    if etype == "CONSULT" and mode == "visit" and actor is not None and (
            actor.get("sector") in ("CVL", "REF")
            or (actor_tok is not None and actor_tok.lemma_.lower() in _PRIVATE_PERSONS)):
        # "2,500 people had arrived in Jordan", "a Mexican man travelled to Hong Kong":
        # refugees, tourists and private people travel, they pay no visit
        return None
    armed = actor is not None and actor.get("sector") in ("MIL", "COP")
    if etype == "CONSULT" and mode == "visit" and actor is not None and not actor.get("sector"):
        # "1,243 Nigerians arrived in Nigeria", "a Mexican man travelled", a singer "arrived":
        # a journey of people who hold no office is no visit (officials, envoys, monitors,
        # forces and named leaders have a sector)
        return None
    if etype == "CONSULT" and mode == "visit" and armed:
        # "security forces arrived in the town with tanks": forces moved, no visit
        return _finish("MOBILIZE", "troops", tok, actor, None, t)
    if etype == "PROTEST" and mode == "obstruct" and (armed or (actor or {}).get("sector") == "GOV"):
        return None  # "police cars blocked the roads": no protest by the state's own forces
    passive = next((w for w in target_toks if w.dep_ == "nsubjpass"), None)
    material = t.types[etype].quad == "material conflict"
    if passive is not None and not _is_pronoun(passive) and passive.pos_ != "PROPN" \
            and _actor_head(passive, coder.index) is None \
            and not (material and _private_person(passive, tok, sent, coder)):
        return _finish(etype, mode, tok, actor, None, t)  # "the plan was supported by ..."
    if etype == "CONSULT":  # "held talks in Tunisia": the venue, not the counterpart
        target_toks = [w for w in target_toks if not (w.dep_ == "pobj" and w.head.lower_ in ("in", "at"))]
    if etype == "PROTEST":  # "marched through Ramallah": where the crowd went, not against whom
        target_toks = [w for w in target_toks if not _streets_of(w)]
    # forces sent or deployed, named by no country or name of their own ("sent his troops into
    # Misrata", "ruled out sending ground troops"): the actor's own, never the target
    target_toks = [w for w in target_toks if not _own_forces(w)]
    if etype in _CLAUSE_TARGET_TYPES and tok.pos_ in ("VERB", "AUX"):
        # "demanded that BP pay", "complained that BP was slow": whom a demand or a
        # complaint is about is the subject of its clause, after any object
        target_toks.extend(g for ch in tok.children if ch.dep_ == "ccomp"
                           for g in ch.children if g.dep_ == "nsubj")
    target = _pick_target(target_toks, coder, sent, tok, actor_tok, material)
    if actor and target and target.get("start") == actor.get("start"):
        target = None
    if actor is None and target is not None and target.get("unknown_name"):
        target = None  # "the BP well was killed": a name alone makes no one a target
    if (etype == "ASSAULT" and tok.lemma_.lower() in _CRITICISM_VERBS and actor is not None
            and actor.get("sector") in _UNARMED_SECTORS and (
                (target is not None and (target.get("unknown_name")
                                         or target.get("sector") in _CRITICISED_SECTORS))
                or any(ch.dep_ == "prep" and ch.lower_ == "for" for ch in tok.children)
                or _object_in(list(tok.children), _CRITICISED_THINGS))):
        # "Anadarko blasted BP", "Obama's attacks on BP", "slammed the firm for its delays":
        # words of a civilian body against a company or a person, or blame with its
        # reason, a criticism, not violence
        etype, mode = "ACCUSE", None
    if etype == "ASSAULT" and target is not None and target.get("sector") == "GOV" and _place_name(target, sent):
        target = {**target, "sector": None}  # "shelled Damascus": the city, not its government
    if target is None:
        clause = _clause_country(tok if tok.pos_ in ("VERB", "AUX") else (_carrier(tok) or tok),
                                 coder, actor, actor_tok, venue=etype)
        # whom a word or a deed of no named actor is for is no event of its own ("asked a
        # doctor in Misrata"); what a strike hit is ("an air attack destroyed the compound")
        target = (_plain_target(target_toks, tok, sent, coder, etype, clause, actor)
                  if actor is not None or etype in _HIT_TYPES else None)
        if target is not None and target["people"] and _named(clause, sent):
            # "met her counterparts ... and with Abdullah bin Zayed": people named by name
            # beat people named by their trade
            target = None
        picked = target is not None  # found by the grammar, not the clause's first country
        target = target or clause
    else:
        picked = True
    if (picked and actor is not None and target is not None and actor.get("unknown_name")
            and actor.get("country") and target.get("country") == actor.get("country")
            and target.get("start") is not None and _place_name(target, sent)
            and not any(w.pos_ == "NOUN" or w.dep_ == "poss"  # "the army", "Beijing's stance"
                        for w in sent if target["start"] <= w.idx < target["end"])
            and all(target["start"] <= m.start < target["end"]
                    for m in coder.index.within(sent.start_char, sent.end_char)
                    if m.alias.country == actor["country"])):
        # a name the tables do not know, given the sentence's one country, which is only
        # the place it meets or speaks of ("Saeed Jalili visited Syria", "Jean Ping
        # criticised Kenya"): a visitor or outsider, not a national of it (unlike "the
        # Kenyan government", whom its own opposition speaks of)
        if not actor.get("sector"):
            return None
        actor = {**actor, "country": None}
    if (actor is not None and target is not None and actor.get("country")
            and target.get("country") == actor.get("country")
            and actor.get("sector") in (None, "GOV") and target.get("sector") in (None, "GOV")
            and not t.types[etype].quad.startswith("material") and _place_name(target, sent)):
        # words of a state or its leaders about their own country or capital ("Mr Putin
        # said Russia would not back ...", "Russia opposes it, with Moscow insisting"):
        # the speaker's own side, never whom they address
        target = None
    if (etype == "CONSULT" and mode == "visit" and actor is not None and actor.get("unknown_name")
            and not actor.get("sector") and target is None):
        return None  # "al-Obeidy arrives in New York": a private person's journey, meeting no one
    if etype in _MATTER_TYPES and target is not None and _matter_place(target, coder):
        # "called for swift relief after the floods in Pakistan", "expressed concern
        # over the crisis in Syria": where the matter is, not whom the words are aimed at
        target = None
    return _finish(etype, mode, tok, actor, target, t)


#: Adjectives of capacity: what one "is able to" do is not done, nor threatened.
_ABILITY = frozenset({"able", "unable", "capable", "incapable"})


def _ability(tok: Token) -> bool:
    """Whether verb trigger ``tok`` is what its subject "is able to" or "is capable of" do
    ("the army is still able to strike back")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.dep_ in ("xcomp", "pcomp") and cur.head.lower_ in _ABILITY:
            return True
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.lower_ in _ABILITY:
            return True
        return False
    return False


def _descriptive(tok: Token) -> bool:
    """Whether trigger ``tok`` is a participle used as an adjective of a noun, with no
    argument of its own ("allied credibility", "the besieged city", "American and allied
    forces"): it describes, it reports no act."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return (tok.tag_ in ("VBN", "VBG", "JJ") and cur.dep_ == "amod"
            and not any(ch.dep_ in ("agent", "dobj", "prep", "npadvmod") for ch in tok.children))


def _own_forces(w: Token) -> bool:
    """Whether ``w`` is armed forces (:data:`FORCE_WORDS`) as the object of a verb that
    moves forces (:data:`FORCE_MOVES`), with no country, people or name in its phrase
    ("his troops", "ground troops"): the mover's own forces."""
    if w.dep_ != "dobj" or w.lemma_.lower() not in FORCE_WORDS or w.head.lemma_.lower() not in FORCE_MOVES:
        return False
    return not any(x.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or x.pos_ == "PROPN"
                   for x in w.subtree)


def _own_forces_sent(tok: Token) -> bool:
    """Whether verb ``tok`` sends armed carriers (:data:`ARMED_CARRIERS`: jets, tanks,
    warships) with no one to receive them: no indirect object and no "to"/"for" phrase
    ("sending jets to join a warship"; "shipped tanks to Lithuania" is aid, as PLOVER
    codes it)."""
    sent = [ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")]
    if not any(w.lemma_.lower() in ARMED_CARRIERS or w.lemma_.lower() in ("warship", "ship")
               for s in sent for w in (s, *s.children) if w.dep_ != "prep"):
        return False
    for ch in tok.children:
        if ch.dep_ == "dative":
            return False
        if ch.dep_ == "prep" and ch.lower_ in ("to", "for") and any(
                g.dep_ == "pobj" for g in ch.children):
            return False
    return True


def _place_name(actor: dict, sent: Span) -> bool:
    """Whether coded phrase ``actor`` is only a place name ("Damascus", "the
    suburbs of Damascus" coded by their city): every name token in it a GPE."""
    words = [w for w in sent if actor["start"] <= w.idx < actor["end"] and w.pos_ == "PROPN"]
    return bool(words) and all(w.ent_type_ == "GPE" for w in words)


#: Nouns of a town's public space whose "of" phrase names where a crowd gathers ("the
#: streets of Damascus", "the centre of Homs").
_STREET_WORDS = frozenset({"street", "square", "centre", "center", "downtown", "outskirt",
                           "suburb", "heart", "road", "avenue"})


def _streets_of(root: Token) -> bool:
    """Whether place name ``root`` says where a crowd went: the object of "across",
    "through", "around" or "throughout" ("marched through Ramallah"; a protest "outside
    the parliament" is aimed at it), or of "of" after a
    word of :data:`_STREET_WORDS` ("took to the streets of Damascus")."""
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in ("across", "through", "around", "throughout"):
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _STREET_WORDS


def _rally(tok: Token) -> bool:
    """Whether verb ``tok`` gathers people or a rally (:data:`RALLY_WORDS`, as its
    object or the object's "of" phrase: "mobilised its own demonstration",
    "mobilised thousands of supporters"), not armed forces."""
    for ch in tok.children:
        if ch.dep_ not in ("dobj", "nsubjpass"):
            continue
        words = [ch, *(g for p in ch.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj")]
        if any(w.lemma_.lower() in RALLY_WORDS or w.lower_ in RALLY_WORDS for w in words):
            return True
    return False


#: Auxiliaries of the future tense (not "would", which reports a pledge or a condition).
_FUTURE = frozenset({"will", "shall", "'ll"})


def _scheduled(tok: Token) -> bool:
    """Whether trigger ``tok`` is a meeting the news announces for later in its own
    main clause ("the Arab League will hold a summit on Tuesday"): a schedule, not
    an agreement, and not yet an event (a pledge reported from someone, "said they
    would meet", is an agreement)."""
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ == "dobj":
        tok = tok.head  # "will hold a summit"
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "be":  # "Cameron is to meet Obama"
        return True
    # a named party's meeting in the future tense in a relative clause of a trip
    # ("flew to Ghana and Togo, where the president will meet both heads of state"): the
    # itinerary. (A main or reported clause, "Jawara will visit Mauritania to mediate,
    # sources said", is coded AGREE, an intention, as the PLOVER gold has it.)
    subj = next((ch for ch in tok.children if ch.dep_ == "nsubj"), None)
    if (subj is not None and not _is_pronoun(subj) and tok.dep_ in ("relcl", "acl")
            and any(ch.dep_ == "aux" and ch.lower_ in _FUTURE for ch in tok.children)):
        return True
    return tok.dep_ == "ROOT" and any(
        ch.dep_ in ("aux", "auxpass") and ch.lower_ in MODALS for ch in tok.children)


def _planned(tok: Token) -> bool:
    """Whether trigger ``tok`` (or the verb carrying it) is the complement of a head of
    planning (:data:`PLANNING`): "is planning an international meeting", "plans to visit"."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i or cur.dep_ not in ("xcomp", "dobj", "pobj", "prep", "acomp"):
            return False
        cur = cur.head
        if cur.lemma_.lower() in PLANNING:
            return True
    return False


def _warning_type(tok: Token, etype: str, index: ActorIndex) -> str | None:
    """What a word of warning reports, given the type of its pattern ("warn", "caution",
    "warning", "threat": THREATEN; "warn of", "warn against": ACCUSE): THREATEN, ACCUSE or
    no event (None).

    News warns far more often of dangers (storms, diseases, leaks, wars to come) and
    advises the public ("warned travellers", "a travel warning") than it reports threats,
    so a warning is a threat only on the evidence of one:

    - a condition: "warned Gadhafi to pull back ... or face consequences", "warned of civil
      war if citizens sided with the protesters", "thousands will die if they attack";
    - a party told what to do or what will befall it: "warned Syria to end its occupation",
      "warned Turkey not to intervene", "issued a stark warning to Syria over the jet";
    - the warner's own act or a sanction to come: "warned that police would no longer
      tolerate rallies", "warned that it would launch an operation", "warned that they would
      be held accountable"; or a deterrent: "warned that any military action would turn
      Syria into another Afghanistan";
    - a party warned of harm or against an act: "warned the government of a nationwide
      strike", "warned Greece against militarising the islands".

    "Threat" as a noun is a threat made only when someone issues, makes or carries it out, or
    it is someone's threat to act ("Libya's threat to sink ships"); "poses a threat", "the
    threat from the forces diminished" and "the H1N1 threat" make no event. "Warn of" a
    danger makes no event, and "warn against" makes an accusation only of what a party does
    ("warned against crude interference"), not advice ("warned against travel to Mexico",
    "cautioned against taking his statements as fact")."""
    lemma = tok.lemma_.lower()
    if lemma == "threat":
        return "THREATEN" if _threat_issued(tok) else None
    told = _told_party(tok, index)
    if _conditional_warning(tok):
        return "THREATEN"
    if etype == "ACCUSE":
        # the preposition may hang on the party warned ("warned [the government of a strike]")
        heads = [tok, *(ch for ch in tok.children if ch.dep_ in ("dobj", "dative"))]
        prep = next((p for h in heads for p in h.children
                     if p.dep_ == "prep" and p.lower_ in ("of", "against")), None)
        what = next((w for w in prep.children if w.dep_ in ("pobj", "pcomp")), None) if prep else None
        if what is None:
            return None
        if prep is not None and prep.lower_ == "of":
            # "warned the government of a nationwide strike": harm held out to a party;
            # "warned of a looming massacre": a danger foretold
            return "THREATEN" if told and what.lemma_.lower() in _HARM else None
        if told:
            return "THREATEN"  # "warned Greece against militarising the islands"
        if what.lemma_.lower() in _ADVISED_ACTS or what.tag_ == "VBG":
            return None  # advice: "warned against travel to Mexico", "against taking ..."
        return "ACCUSE"  # "warned against crude interference"
    if told and any(ch.dep_ == "xcomp" or (ch.dep_ == "prep" and ch.lower_ in ("against", "over"))
                    for ch in tok.children):
        return "THREATEN"
    if tok.pos_ not in ("VERB", "AUX") and told and tok.head.lemma_.lower() in _ISSUING:
        return "THREATEN"
    for clause in (ch for ch in tok.children if ch.dep_ == "ccomp"):
        modal = any(g.dep_ in ("aux", "auxpass") and g.lower_ in MODALS for g in clause.children)
        if not modal:
            continue
        subj = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if any(w.i < clause.i and w.lemma_.lower() in _HARM and w.lemma_.lower() not in ("war", "fight")
               for w in clause.subtree):
            return "THREATEN"  # a deterrent: "warned that any military action would ..."
        if subj is not None and (subj.dep_ == "nsubjpass" and clause.lemma_.lower() in _PUNISHING
                or subj.lower_ in _OWN_PRONOUNS
                or (subj.lower_ == "it" and any(g.dep_ == "dobj" for g in clause.children))
                or subj.lemma_.lower() in FORCE_WORDS | _OWN_ARMS):
            return "THREATEN"
        if told:
            return "THREATEN"
    return None


def _told_party(tok: Token, index: ActorIndex) -> bool:
    """Whether a warning is addressed to a party (its object, indirect object, passive
    subject or "to" phrase, or a name in apposition to one) that the actor tables know, that
    the tagger calls an organisation, a place or a people, or that is an arm of a state
    ("the government", "troops"); never the public ("warned travellers", "warnings to
    civilians")."""
    addressees = [ch for ch in tok.children if ch.dep_ in ("dobj", "dative", "nsubjpass")]
    carriers = [tok] if tok.pos_ in ("VERB", "AUX") else [tok, tok.head]  # "issued a warning to"
    addressees += [w for v in carriers for p in v.children if p.dep_ == "prep" and p.lower_ == "to"
                   for w in p.children if w.dep_ == "pobj"]
    addressees += [w for a in addressees for w in a.children if w.dep_ in ("appos", "compound")]
    return any((_covered(a, index) or a.ent_type_ in ("ORG", "GPE", "NORP")
                or a.lemma_.lower() in _OWN_ARMS | FORCE_WORDS)
               and a.lemma_.lower() not in _ADVISED for a in addressees)


def _conditional_warning(tok: Token) -> bool:
    """Whether a warning holds out harm on a condition: after the trigger in its sentence,
    "or face" / "or risk" ("warned him to pull back or face consequences"), or "if"/"unless"
    with a word of harm between the trigger and it ("warned that thousands will die if they attack", "warnings of a civil
    war if the protests go on"), not a mere forecast ("warned that drilling will be
    suspended if a storm comes")."""
    sent = tok.sent
    after = [w for w in sent if w.i > tok.i]
    if any(w.lower_ == "or" and w.i + 1 < len(w.doc) and w.doc[w.i + 1].lemma_.lower() in ("face", "risk")
           for w in after):
        return True
    cond = next((w for w in after if w.lower_ in ("if", "unless")), None)
    return cond is not None and any(w.lemma_.lower() in _HARM for w in after if w.i < cond.i)


def _threat_issued(tok: Token) -> bool:
    """Whether the noun "threat" is a threat someone made: the object of a verb of issuing
    ("made threats", "carried out its threat"), someone's ("Libya's threat came hours
    after"), or a threat to act ("the threat to sink ships")."""
    if tok.dep_ in ("dobj", "conj") and tok.head.lemma_.lower() in _ISSUING | {"carry", "execute", "renew"}:
        return True
    if any(ch.dep_ == "poss" for ch in tok.children):
        return True
    return any(ch.dep_ in ("acl", "relcl") and ch.tag_ == "VB" and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in ch.children) for ch in tok.children)


#: Verbs of issuing a warning or a threat ("issued a warning to Syria").
_ISSUING = frozenset({"issue", "make", "send", "give", "deliver", "repeat", "voice", "sound"})
#: Whom a warning advises rather than threatens: the public and its parts.
_ADVISED = frozenset({
    "people", "public", "citizen", "civilian", "resident", "traveller", "traveler", "visitor",
    "tourist", "passenger", "parent", "colleague", "consumer", "investor", "user", "reader",
    "viewer", "family", "patient", "driver", "worker", "student", "doctor", "member"})
#: What the public is advised against ("warned against travel to Mexico").
_ADVISED_ACTS = frozenset({"travel", "trip", "journey", "visit", "complacency", "panic", "use",
                           "consumption"})
#: Words of the harm a conditional warning holds out ("or face consequences", "thousands
#: will die if ...").
_HARM = frozenset({"die", "kill", "war", "consequence", "repercussion", "measure", "action",
                   "force", "strike", "attack", "punish", "pay", "price", "accountable",
                   "retaliation", "retaliate", "response", "respond", "bloodbath", "massacre",
                   "destroy", "crush", "sanction", "hunt", "fight", "operation", "offensive",
                   "invasion", "invade", "intervention", "interference"})
#: Verbs of a punishment to come, in the passive ("warned that they would be held
#: accountable", "will be chased in their hiding places").
_PUNISHING = frozenset({"hold", "punish", "chase", "hunt", "prosecute", "target", "attack",
                        "crush", "expel", "sanction", "arrest", "try", "kill", "destroy"})
#: Pronouns by which a warner speaks of its own side ("warned that we will respond").
_OWN_PRONOUNS = frozenset({"we", "i", "he", "she", "they"})
#: Words of warning, which mostly report a danger or advice rather than a threat
#: (:func:`_warning_type`).
_WARNING_WORDS = frozenset({"warn", "caution", "warning", "threat"})


#: Arms of a state besides :data:`FORCE_WORDS` whose acts its leaders threaten.
_OWN_ARMS = frozenset({"police", "policeman", "security", "military", "government", "regime",
                       "authority", "air", "aircraft", "jet", "warplane"})


def _military_strike(tok: Token, sent: Span, coder: _Coder) -> bool:
    """Whether the noun "strike" is a military strike ("NATO strikes hit Gharyan",
    "ordered the strike" in an article about a war): no word of a labour strike in
    its sentence, and a word of war in the sentence or three in the document."""
    words = {t.lower_ for t in sent}
    if words & LABOUR_WORDS:
        return False
    return bool(words & MILITARY_WORDS) or coder.military_words() >= 3


def _sport(sent: Span) -> bool:
    """Whether ``sent`` reports sport: a score line, a word only sport uses, or two
    different words sport shares with other news ("club", "match", "goal"). A
    material conflict there ("beat", "attacked the defender") is no event unless a
    political actor or the police did it ("authorities jailed players of a banned
    movement", "police detained fans")."""
    words = {t.lower_ for t in sent}
    if words & SPORT_WORDS or len(words & SPORT_SHARED) >= 2:
        return True
    return bool(_SCORE.search(sent.text)) and bool(words & SPORT_SHARED | {"beat", "defeated", "beating"} & words)


def _ordinary_crime(ev: dict, sent: Span) -> bool:
    """Whether a material conflict event is a crime report far from politics: a word
    of ordinary crime in the sentence, and neither its actor nor its target a
    political actor (a state, an armed force, a party, an organisation...)."""
    if ev["type"] not in ("ASSAULT", "COERCE"):
        return False
    if not {t.lower_ for t in sent} & CRIME_WORDS:
        return False
    return all((a or {}).get("sector") in _UNPOLITICAL_SECTORS and (a or {}).get("country") not in ("IGO", "NGO")
               for a in (ev.get("actor"), ev.get("target")))


def _finish(etype: str, mode: str | None, tok: Token, actor: dict | None,
            target: dict | None, t: Tables) -> dict | None:
    """The event record, or None for people of no named country acting on no one."""
    info = t.types[etype]
    if actor is not None and actor.get("sector") == "BUS" and etype in _NO_BUSINESS_ACTS:
        # "BP has been burning oil", "Transocean blasted the report", "the company remained
        # on standby": a company's works and words, no force, coercion or mobilisation
        return None
    if (target is None and etype != "PROTEST" and actor is not None
            and actor.get("sector") == "CVL" and not actor.get("countries")):
        # "some parents calling for the student's removal", "people still clash over the
        # causes", "at least 10 people killed": ordinary people of no named country acting on
        # no one are rarely a political event (and often the victims, parsed as the actor);
        # "Greek farmers demanded ..." stays
        return None

    def public(a: dict | None) -> dict | None:
        if a is None:
            return None
        return {"text": a["text"], "country": a.get("country"), "sector": a.get("sector")}

    return {
        "type": etype,
        "mode": mode,
        "text": tok.text,
        "start": tok.idx,
        "end": tok.idx + len(tok.text),
        "actor": public(actor),
        "target": public(target),
        "quad": info.quad,
        "intensity": info.intensity,
    }


def _absorb(cands: list[Candidate]) -> None:
    """Attach each candidate to the nearest trigger above it, if any."""
    by_tok = {c.tok.i: c for c in cands}
    for c in cands:
        cur = c.tok
        prev = cur
        via_complement = False
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            if cur.dep_ in _NO_ABSORB:
                break
            prev, cur = cur, cur.head
            # A noun trigger in a circumstance ("in a meeting") stays an event.
            if (c.tok.pos_ == "NOUN" and prev.dep_ == "prep"
                    and prev.lower_ in CIRCUMSTANCE_PREPS and prev.head.i == cur.i):
                break
            if prev.dep_ in ("xcomp", "ccomp"):
                via_complement = True
            hit = by_tok.get(cur.i)
            if hit is not None:
                # a gerund after a preposition is a noun here ("proposals for his
                # stepping down": the proposal is the event)
                nounlike = c.tok.pos_ not in ("VERB", "AUX") or (
                    c.tok.tag_ == "VBG" and c.tok.dep_ in ("pcomp", "pobj"))
                if hit.tok.pos_ in ("VERB", "AUX") or nounlike:
                    c.absorber = hit
                    c.via_complement = via_complement
                    hit.absorbed.append(c)
                break


#: Place kinds more specific than a country: where an event happened, when named.
_SPECIFIC_KINDS = frozenset({"city", "local", "region", "admin1", "sea"})


#: "in"/"at" just before a place inside the actor's words: the actor names where it met
#: ("a summit in Tehran"), so that place is a location after all.
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)


#: A preposition of place just before a place name ("in Tehran", "near the Turkish
#: border", "in southern Idlib"): that place is where something happened.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?(?:[a-z]+\s+)?$")


def _named_actor(place: dict, coder: _Coder) -> bool:
    """Whether a place mention is the name of a person or an organisation that the
    actor tables know ("NATO", "U.N.", "Obama" read as namesake towns in the
    Philippines, India and Japan): an organisation alias covers exactly its words.
    (spaCy's PERSON and ORG labels are no guide: the small model gives them to
    "Jaffna" and "West Bank".)"""
    s, e = place.get("start"), place.get("end")
    if not isinstance(s, int) or not isinstance(e, int):
        return False
    return any(m.alias.kind == "org" and m.start <= s and e <= m.end
               for m in coder.index.within(s, e))


#: Words of a country's people and posts abroad besides the military role words: its
#: diplomats and missions ("the U.S. embassy", "the British envoy").
_ABROAD = frozenset({"embassy", "embassies", "consulate", "consulates", "envoy", "envoys",
                     "ambassador", "ambassadors", "diplomat", "diplomats", "marines"})
#: Place kinds whose people and posts are found abroad ("U.S. troops"), unlike a town's.
_NATIONS = frozenset({"country", "union", "continent"})


@functools.lru_cache(maxsize=1)
def _abroad_words() -> frozenset[str]:
    """The one-word military role nouns of ``actors_sectors.tsv`` ("troops", "navy"),
    lower case, and :data:`_ABROAD`: whom a country sends abroad. A government, court or
    lawmakers act at home ("the U.S. government criticised BP" happened in the US)."""
    return frozenset(r[0].strip().lower() for r in read_rows("actors_sectors.tsv")
                     if len(r) > 1 and r[1].strip() == "MIL" and " " not in r[0].strip()) | _ABROAD


def _nationality(place: dict, doc: Doc, coder: _Coder) -> bool:
    """Whether a place mention says whose forces or envoys are, not where something
    happened: a country, union or continent modifies a noun of :func:`_abroad_words`
    after it ("U.S. soldiers", "U.S. army investigators", "the U.S. embassy"), with no
    preposition before it, in a story that is not mostly about that country (the US
    military helping on the Gulf coast is at home). ``place`` carries offsets into
    ``doc``'s text."""
    s, e = place.get("start"), place.get("end")
    if (not isinstance(s, int) or not isinstance(e, int)
            or place.get("kind") not in _NATIONS):  # "Tripoli residents" are in Tripoli
        return False
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    if last.dep_ not in ("compound", "nmod", "amod") or last.head.i <= last.i:
        return False
    nouns = [last.head]
    while nouns[-1].dep_ in ("compound", "amod") and nouns[-1].head.i > nouns[-1].i:
        nouns.append(nouns[-1].head)   # "U.S. army investigators": army, investigators
    if not any(n.pos_ == "NOUN" and n.lower_ in _abroad_words() for n in nouns):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.dep_ == "prep":
        return False
    home = doc_memo(doc, "dateline.events.home",
                    lambda d: coder.index.dominant_country(len(coder.index.text)))
    return home is None or home != alpha3(place.get("country"))


#: Why the acceptance step (:func:`refusal`) turns a coded event away: each reason
#: names a pattern of the language in which a trigger word reports no act of its
#: type by its actor (filled by :func:`_refuses`, one entry per registered check).
REFUSALS: dict[str, str] = {}
#: A check of the acceptance step: (trigger, type, lemma, children) -> the act is refused.
RefusalCheck = Callable[["Token", str, str, list["Token"]], bool]
#: The checks in the order :func:`refusal` tries them, with the reason each gives.
_REFUSAL_CHECKS: list[tuple[str, RefusalCheck]] = []


def _refuses(name: str, description: str | None = None) -> Callable[[RefusalCheck], RefusalCheck]:
    """Register the decorated check under reason ``name`` (described once, by the first
    check of that name), after those registered before it."""
    def register(check: RefusalCheck) -> RefusalCheck:
        if description is not None:
            REFUSALS[name] = description
        _REFUSAL_CHECKS.append((name, check))
        return check
    return register


#: Verbal types whose target may be the subject of the trigger's clause ("demanded that BP
#: pay", "complained that the ministry was slow"); not a threat, whose clause tells of the
#: threatener's own act ("warned that police would no longer tolerate ...").
_CLAUSE_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE"})
#: What harsh words are aimed at when they are not aimed at someone ("slammed the decision").
_CRITICISED_THINGS = frozenset({
    "report", "decision", "plan", "proposal", "remark", "comment", "move", "policy", "ruling",
    "bill", "deal", "idea", "claim", "statement", "response", "handling", "approach",
    "strategy", "law", "verdict", "findings", "budget", "speech", "offer"})
#: Types a company never does in PLOVER's sense: force, coercion, mobilisation.
_NO_BUSINESS_ACTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
#: Verbs of attack that also mean harsh criticism ("slammed the decision").
_CRITICISM_VERBS = frozenset({"blast", "slam", "lash", "bash", "savage", "attack", "hit", "rip"})
#: Sectors that bear no arms: their "attacks" on a company or a person are words.
_UNARMED_SECTORS = frozenset({"GOV", "LEG", "JUD", "BUS", "NGO", "MED", "JRN", "PTY", "EDU",
                              "LAB"})
#: Targets that such words are aimed at: companies, legislators, parties.
_CRITICISED_SECTORS = frozenset({"BUS", "LEG", "PTY"})
#: Verbs of attack that English also uses figuratively ("fight the slick", "kill the
#: bill"); shelling, bombing or shooting a market or a well is no figure of speech.
_FIGURATIVE_VERBS = frozenset({"fight", "kill", "attack", "combat", "battle", "beat", "hit",
                               "tackle", "target", "slaughter", "crush", "destroy", "capture",
                               "seize"})
#: Objects that make a verb of attack a figure of speech: things, animals, ideas and ills.
_NOT_VICTIMS = frozenset({
    "slick", "spill", "leak", "oil", "well", "blaze", "flame", "disease", "virus",
    "epidemic", "crime", "corruption", "inflation", "poverty", "perception", "impression",
    "idea", "plan", "bill", "deal", "proposal", "measure", "legislation", "wildlife", "fish",
    "bird", "animal", "plant", "tree", "crop", "weed", "pest", "share", "market",
})

#: Happenings that are accidents or disasters, never attacks.
_MISHAPS = frozenset({
    "accident", "crash", "collision", "derailment", "storm", "hurricane", "typhoon", "cyclone",
    "tornado", "earthquake", "quake", "flood", "flooding", "tsunami", "landslide", "mudslide",
    "avalanche", "collapse", "spill", "leak", "outbreak", "epidemic", "disease", "virus",
    "drought", "heatwave", "wildfire", "eruption", "stampede", "flu", "influenza", "pandemic",
    "cholera", "malaria", "famine", "plague", "illness", "infection", "pneumonia", "fever",
    "measles", "ebola", "aftershock", "tremor",
})
#: Explosions and fires, accidents when one of :data:`_WORKS` names where they broke out.
_BLASTS = frozenset({"explosion", "blast", "fire", "blaze", "blowout"})
#: Works and industry: "the rig explosion", "a refinery blast", "a gas explosion".
_WORKS = frozenset({
    "rig", "refinery", "plant", "mine", "factory", "pipeline", "well", "boiler", "reactor",
    "platform", "tanker", "oil", "gas", "chemical", "industrial", "mining", "accidental",
})

#: People who are moved or gather but are no armed force.
_NOT_FORCES = frozenset({
    "diplomat", "ambassador", "envoy", "observer", "monitor", "refugee", "people", "civilian",
    "journalist", "reporter", "staff", "employee", "worker", "family", "student", "tourist",
    "migrant", "resident", "crowd", "protester", "supporter",
})
#: Companies: their withdrawals are business.
_COMPANIES = frozenset({"company", "firm", "corporation", "bank", "airline", "operator"})
#: Verbs of stopping: a gerund under them is an act ended ("stop fighting").
_STOPPING = frozenset({"stop", "cease", "quit", "halt", "end"})
#: Texts whose wording a relative clause may describe ("a resolution that condemned").
_TEXTS = frozenset({"resolution", "draft", "text", "document", "bill", "motion", "letter",
                    "declaration", "report"})
#: People one hosts as refugees or guests, not as a party to talks.
_HOSTED_PEOPLE = frozenset({"refugee", "people", "civilian", "migrant", "family", "child",
                            "student", "tourist", "worker", "defector", "evacuee", "displaced"})
def _crowd_number(w: Token) -> bool:
    """Whether ``w`` counts a crowd, not a delegation: a number of a hundred or more
    ("some 24,000 Syrians", "thousands of")."""
    if w.lower_ in ("hundreds", "thousands", "millions", "thousand", "million"):
        return True
    digits = w.text.replace(",", "")
    return w.like_num and digits.isdigit() and int(digits) >= 100


#: Places defended by arms ("defending their city").
_DEFENDED_PLACES = frozenset({"city", "town", "village", "home", "position", "base", "border",
                              "territory", "neighborhood", "neighbourhood", "district", "capital"})
#: Verbs of wishing: a noun event as their object is wanted, not done ("wants a ceasefire").
_WISHING = frozenset({"want", "wish", "hope", "need", "prefer", "like", "desire", "favour", "favor"})
#: Verbs of permission whose ", allowing X to ..." adjunct states a consequence.
_PERMITTING = frozenset({"allow", "permit", "let", "enable"})
#: Coercion of the news media's access ("restricts access to foreign media").
_ACCESS_VERBS = frozenset({"restrict", "ban", "bar", "block", "limit", "prevent", "deny", "forbid"})

#: Verbs whose failure PLOVER codes as a rejection ("failed to reach agreement",
#: "failed to comply"): a failure to agree or to honour something.
_FAILED_ACCORD = frozenset({
    "reach", "agree", "approve", "accept", "ratify", "adopt", "sign", "comply",
    "honour", "honor", "implement", "respect", "endorse", "back", "support", "pass",
    "attend", "cooperate", "abide", "meet", "heed", "recognize", "recognise", "allow",
})
#: Words that make a party to talks the news media (an interview, not a consultation).
_MEDIA_WORDS = frozenset({
    "cnn", "bbc", "reuters", "afp", "ap", "jazeera", "journalist", "reporter",
    "correspondent", "media", "press", "newspaper", "interviewer", "anchor", "editor",
})
#: What one "offers" or "gives" that is an opinion, not a thing offered to a party.
_OPINIONS = frozenset({"take", "view", "opinion", "thought", "perspective", "analysis",
                       "assessment", "verdict", "insight", "explanation", "account"})


def _media(tok: Token | None) -> bool:
    """Whether the phrase headed by ``tok`` names the news media or a reporter
    (:data:`_MEDIA_WORDS`, its head or a word before it: "CNN's Nic Robertson"; or the
    head of its apposition: "The Guardian, a British newspaper")."""
    if tok is None:
        return False
    heads = [tok, *(ch for ch in tok.children if ch.dep_ == "appos")]
    return any(w.lower_ in _MEDIA_WORDS or w.lemma_.lower() in _MEDIA_WORDS
               for h in heads for w in h.subtree if w.i <= h.i)


def _disaster_story(coder: _Coder) -> bool:
    """Whether the document tells of an accident or a disaster (an explosion in works, a
    spill, an earthquake ...: :func:`_works_blast_in`, :data:`_MISHAPS`) and has hardly a
    word of war (fewer than 3 of :data:`MILITARY_WORDS`), or names the disaster at least five
    times and twice as often as it uses words of war (troops sent to help after a quake)."""
    doc = coder.index.doc
    mishaps = doc_memo(doc, "dateline.events.mishaps",
                       lambda d: sum(1 for t in d if t.lemma_.lower() in _MISHAPS))
    if coder.military_words() < 3:
        return bool(mishaps) or _works_blast_in(doc)
    # an earthquake story with troops sent to help: the disaster outweighs the war words
    return mishaps >= 5 and mishaps >= 2 * coder.military_words()


def _mishap(noun: Token) -> bool:
    """Whether ``noun`` names an accident or a disaster (:data:`_MISHAPS`), or an
    explosion or fire that its modifiers place in works or industry ("the April 20 rig
    explosion", "an oil refinery blast"), or "the blast" of a document that names such
    an explosion (the same one, referred to again)."""
    lemma = noun.lemma_.lower()
    if lemma in _MISHAPS:
        return True
    if lemma in _BLASTS and any(d.dep_ == "det" and d.lower_ in ("the", "that", "this")
                                for d in noun.children) and _works_blast_in(noun.doc):
        return True
    return lemma in _BLASTS and _works_blast(noun)


def _works_blast_in(doc: Doc) -> bool:
    """Whether ``doc`` names an explosion or fire in works (see :func:`_works_blast`);
    made once per document."""
    found: bool = doc_memo(doc, "dateline.events.works_blast", lambda d: any(
        t.lemma_.lower() in _BLASTS and _works_blast(t) for t in d))
    return found


def _works_blast(noun: Token) -> bool:
    """Whether explosion or fire ``noun`` is placed in works or industry by a modifier
    ("the rig explosion") or a place after on/at/aboard/in ("the fire at the refinery")."""
    return (any(
        m.dep_ in ("compound", "amod", "nmod") and m.lemma_.lower() in _WORKS
        for m in noun.subtree if m.i < noun.i) or any(
        # "the explosion on the drilling rig", "a fire at the refinery"
        p.dep_ == "prep" and p.lower_ in ("on", "at", "aboard", "in") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _WORKS for g in p.children)
        for p in noun.children))


@_refuses('accident',
           "a killing or injury whose cause is an accident or a disaster ('the rig "
           "explosion killed 11 workers', 'were killed in the accident', 'the storm killed "
           "four', 'the blast' of a story that names the rig explosion): no one's attack")
def _refuse_accident(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "ASSAULT" and (
            (tok.pos_ not in ("VERB", "AUX") and _mishap(tok))
            or any(ch.dep_ == "nsubj" and _mishap(ch) for ch in children)
            # "the rig explosion that killed 11 workers": the noun the clause is about
            or (tok.dep_ == "relcl" and _mishap(tok.head) and any(
                ch.dep_ == "nsubj" and ch.lower_ in ("that", "which") for ch in children))
            or any(ch.dep_ in ("agent", "prep") and ch.lower_ in ("by", "in") and any(
                g.dep_ == "pobj" and _mishap(g) for g in ch.children) for ch in children))


@_refuses('figurative',
           "a verb of attack whose object is a thing or a view, no one's body or forces "
           "('fighting the slick', 'fight the perception', 'kill the bill', 'killing "
           "wildlife'): a figure of speech")
def _refuse_figurative(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return (etype in ("ASSAULT", "COERCE", "THREATEN") and lemma in _FIGURATIVE_VERBS
            and tok.pos_ in ("VERB", "AUX") and any(
                ch.dep_ == "dobj" and _thing(ch) for ch in children))


def _thing(obj: Token) -> bool:
    """Whether object ``obj`` is a thing, an animal or an ill (:data:`_NOT_VICTIMS`), also
    through a partitive "of" ("any of the oil", "some of the slick")."""
    if obj.lemma_.lower() in _NOT_VICTIMS:
        return True
    return obj.pos_ in ("PRON", "DET", "NUM", "ADJ") and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _NOT_VICTIMS for g in p.children)
        for p in obj.children)


@_refuses('naming',
           "'call' that names or describes ('what it called a lifeline', 'called the "
           "fighting the most violent'), not a call for anything; 'called on X to stop' "
           "is a call, whatever the parse hangs on it")
def _refuse_naming(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "REQUEST" and lemma == "call" and any(
            ch.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
            or (ch.dep_ == "dobj" and ch.lower_ in ("what", "which")) for ch in children) and not any(
            ch.dep_ == "prep" and ch.lower_ in ("on", "upon") and ch.i == tok.i + 1 for ch in children)


@_refuses('failure',
           "'fail to' with a complement that is no agreement or compliance ('failed to "
           "materialize', 'failed to halt the crackdown'): a failure, not a refusal")
def _refuse_failure(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "REJECT" and lemma == "fail" and not any(
            ch.dep_ == "xcomp" and ch.lemma_.lower() in _FAILED_ACCORD for ch in children)


@_refuses('aim',
           "'seek' as an aim: 'seek to do', or a participle adjunct ('entered Libya "
           "seeking work', 'seeking rapprochement, he ...')")
def _refuse_aim(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "REQUEST" and lemma == "seek" and (
            any(ch.dep_ == "xcomp" for ch in children)
            or tok.dep_ == "relcl"  # "the goals we sought": what was aimed at, named
            or (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp")
                and not any(ch.dep_ in ("aux", "nsubj") for ch in children)))


@_refuses('to-blame', "'X are to blame': who is responsible, not an accusation made by X")
def _refuse_to_blame(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "ACCUSE" and lemma == "blame" and tok.head.lemma_ == "be" and any(
            ch.dep_ == "aux" and ch.lower_ == "to" for ch in children)


@_refuses('interview',
           "a meeting or talk with the news media, or by a reporter ('talked with CNN's "
           "correspondent', 'the BBC's reporter meets a family'), or a newspaper asking "
           "someone ('when The Guardian asked her ...')")
def _refuse_interview(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype == "CONSULT" and tok.pos_ in ("VERB", "AUX"):
        parties = [ch for ch in children if ch.dep_ in ("nsubj", "dobj")]
        parties += [g for ch in children if ch.dep_ == "prep" and ch.lower_ in ("with", "to")
                    for g in ch.children if g.dep_ == "pobj"]
        if any(_media(p) for p in parties):
            return True
    return False


@_refuses('interview')
def _refuse_interview_2(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    # "When The Guardian asked her what she made of ..."
    return lemma == "ask" and any(ch.dep_ == "nsubj" and _media(ch) for ch in children)


@_refuses('instruction',
           "an imperative to the reader opening the sentence ('Ask regime economists ...')")
def _refuse_instruction(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return tok.tag_ == "VB" and tok.i == tok.sent.start and not any(
            ch.dep_ in ("nsubj", "aux") for ch in children)


@_refuses('question',
           "'ask' after a question, with its subject after it ('But how solid is this "
           "evidence, asks our correspondent')")
def _refuse_question(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma == "ask" and (
            any(ch.dep_ == "nsubj" and ch.i > tok.i for ch in children)
            # the parser may take the asker for the object: a clause before "ask" and
            # no subject before it ("how solid is this evidence, asks our reporter")
            or (any(ch.dep_ == "ccomp" and ch.i < tok.i for ch in children)
                and not any(ch.dep_ in ("nsubj", "nsubjpass") and ch.i < tok.i
                            for ch in children)))


def _object_in(children: list[Token], words: frozenset[str]) -> bool:
    """Whether one of ``children`` is a direct object whose lemma is one of ``words``."""
    return any(ch.dep_ == "dobj" and ch.lemma_.lower() in words for ch in children)


@_refuses('opinion', "'offer' or 'give' an opinion, a view or one's take: no offer to "
                     "anyone; and an agreement to offer, give, provide or pay words, a "
                     "reason or tribute ('will pay tribute', 'offered no explanation'): "
                     "words, no agreement")
def _refuse_opinion(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return (lemma in ("offer", "give") and _object_in(children, _OPINIONS)) or (
        etype == "AGREE" and lemma in ("offer", "give", "provide", "pay")
        and (_object_in(children, _WORDS_OFFERED)
             # "the justifications offered by the administration"
             or (tok.dep_ == "acl" and tok.head.lemma_.lower() in _WORDS_OFFERED)))


#: Medical care a health service offers people ("parents were offered antiviral medication").
_TREATMENTS = frozenset({
    "medication", "medicine", "drug", "antiviral", "tamiflu", "treatment", "vaccine",
    "vaccination", "jab", "test", "consultation", "care", "therapy", "antibiotic", "tablet",
    "pill", "ecstasy"})


@_refuses("treatment-offer", "care offered to people ('contacts are offered antivirals', "
                             "'the medication offered by the agency'), to no country or "
                             "organisation: a health service, no political agreement")
def _refuse_treatment_offer(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype != "AGREE" or lemma not in ("offer", "give", "provide"):
        return False
    treated = _object_in(children, _TREATMENTS) or (
        tok.dep_ == "acl" and tok.head.lemma_.lower() in _TREATMENTS)
    recipients = [ch for ch in children if ch.dep_ in ("dative", "nsubjpass")] + [
        g for ch in children if ch.dep_ == "prep" and ch.lower_ == "to" for g in ch.children]
    return treated and not any(r.ent_type_ in ("GPE", "NORP", "ORG") for r in recipients)


@_refuses('asked',
           "'ask' in the passive with no one named who asked ('X was asked if he backed "
           "...', 'when asked about ...'), or asking a question ('asked whether ...'): an "
           "interviewer's question, no request")
def _refuse_asked(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma == "ask" and etype == "REQUEST" and (
            (tok.tag_ == "VBN" and not any(ch.dep_ == "agent" for ch in children)
             and (any(ch.dep_ == "auxpass" for ch in children)
                  or not any(ch.dep_ == "aux" for ch in children)))  # "X, when asked, ..."
            or any(ch.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ in ("if", "whether")
                                               for g in ch.children) for ch in children))


@_refuses('claim',
           "'suggest' or 'insist' with a clause of fact ('suggested that the government is "
           "ready for dialogue', 'insisted that the rebels were losing'): a claim, not a "
           "proposal or demand (one with 'should' or 'must' is kept)")
def _refuse_claim(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "REQUEST" and lemma in ("suggest", "insist") and any(
            ch.dep_ == "ccomp" and not _obligation(ch) for ch in children)


@_refuses('consequence',
           "'allowing'/'permitting' as a participle adjunct with no subject of its own "
           "('waited too long, allowing the army to regroup'): a result, not a concession")
def _refuse_consequence(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma in _PERMITTING and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") \
            and not any(ch.dep_ in ("nsubj", "aux", "nsubjpass") for ch in children)


@_refuses('writer',
           "the writer's own 'I' as the subject ('I was permitted to spend a night in "
           "...'): the reporter's experience, not a political event")
def _refuse_writer(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return any(ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ == "i" for ch in children)


@_refuses('wish',
           "a noun event wanted, wished or hoped for ('wants a ceasefire'): a wish, not an "
           'agreement')
def _refuse_wish(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return tok.pos_ not in ("VERB", "AUX") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _WISHING


@_refuses('draft',
           "what a draft text says ('the draft resolution condemns ...'), or a text "
           "described in a relative clause ('stopped a Security Council resolution that "
           "condemned Ethiopia's leaders'): a text's wording, no act of its sponsors")
def _refuse_draft(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    # (a draft "supported by 13 members" is their act: kept)
    return any(ch.dep_ == "nsubj" and any(w.lemma_.lower() == "draft" for w in ch.subtree)
           for ch in children)


@_refuses('draft')
def _refuse_draft_2(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return tok.dep_ == "relcl" and tok.head.lemma_.lower() in _TEXTS and any(
            ch.dep_ == "nsubj" and ch.lower_ in ("that", "which") for ch in children)


@_refuses('impersonal',
           "'it is alleged/claimed/said that ...' with no one named who says it: hearsay, "
           'no accusation by anyone')
def _refuse_impersonal(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "ACCUSE" and any(ch.dep_ in ("nsubjpass", "expl") and ch.lower_ == "it" for ch in children) \
            and not any(ch.dep_ == "agent" for ch in children)


@_refuses('seated',
           "'sit down' with no one to sit down with: no 'with' phrase and no two parties "
           "as its subject ('the minister sat down on a chair')")
def _refuse_seated(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma == "sit" and etype == "CONSULT" and not (
            any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in children)
            or any(ch.dep_ == "nsubj" and (any(g.dep_ == "conj" for g in ch.children)
                                            or any(g.dep_ == "amod" and any(h.dep_ == "conj" for h in g.children)
                                                   for g in ch.children))
                   for ch in children))


@_refuses('vote-for',
           "'vote for' something ('voted for tough restrictions against the regime'): a "
           "vote in favour, no rejection (the 'against' is in what was voted)")
def _refuse_vote_for(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "REJECT" and lemma == "vote" and any(ch.dep_ == "prep" and ch.lower_ == "for"
                                                      for ch in children)


@_refuses('not-forces',
           "a verb moving forces whose moved or moving people are no armed force ('a "
           "diplomat stationed in China', 'refugees have amassed', 'two UN observers are "
           "stationed there'), or what it moves is gear ('deployed booms')")
def _refuse_not_forces(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype == "MOBILIZE" and tok.pos_ == "VERB":
        moved = [ch for ch in children if ch.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if tok.dep_ == "acl":
            moved.append(tok.head)
        moved += [g for m in list(moved) for g in _members(m, COLLECTIVES)]  # "thousands of refugees"
        if any(m.lemma_.lower() in _NOT_FORCES | _GEAR for m in moved) and not any(
                m.lemma_.lower() in FORCE_WORDS for m in moved):
            return True
    return False


#: Heads of a phrase naming a private person or persons ("a Mexican man", "the boy").
_PRIVATE_PERSONS = frozenset({
    "man", "woman", "boy", "girl", "child", "baby", "toddler", "teenager", "tourist",
    "passenger", "traveller", "traveler", "patient", "family", "student", "couple", "person",
    "resident", "citizen", "holidaymaker", "pupil", "mother", "father", "son", "daughter",
    "wife", "husband", "brother", "sister", "fan", "worker", "volunteer", "survivor"})


@_refuses('billing',
           "'charge' with a sum of money in its objects ('charged the army $875m to supply "
           "fuel'): a price asked, no accusation")
def _refuse_billing(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "ACCUSE" and lemma == "charge" and any(
        w.ent_type_ == "MONEY" for ch in children if ch.dep_ in ("dobj", "dative")
        for w in ch.subtree)


@_refuses('tasked',
           "a body 'charged with' a duty or an act told by a gerund ('the agency charged "
           "with responding to the spill', 'a panel charged with the task of ...'): a task "
           "given, no accusation ('a man charged with murdering', 'charged Azerbaijan with "
           "shelling' stay)")
def _refuse_tasked(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype != "ACCUSE" or lemma != "charge" or any(ch.dep_ == "dobj" for ch in children):
        return False
    # (with no object, "the agency charged with ..." is a reduced passive, whatever the
    # parse made of the agency)
    charged = next((ch for ch in children if ch.dep_ in ("nsubjpass", "nsubj")),
                   tok.head if tok.dep_ in ("acl", "relcl") else None)
    if charged is None or not (charged.lemma_.lower() in _BODIES or charged.ent_type_ == "ORG"):
        return False
    return any(ch.dep_ == "prep" and ch.lower_ == "with" and any(
        g.dep_ == "pcomp" and g.tag_ == "VBG" or g.lemma_.lower() in _DUTIES for g in ch.children)
        for ch in children)


#: Nouns of a duty one is charged with ("charged with the task of ...").
_DUTIES = frozenset({"task", "responsibility", "duty", "job", "mission", "oversight"})
#: Bodies that are given tasks ("the agency charged with ...").
_BODIES = frozenset({"agency", "body", "commission", "committee", "panel", "department",
                     "office", "team", "unit", "force", "authority", "board",
                     "council", "ministry", "service"})


@_refuses('soaring',
           "'rocket' as a verb with no target, or with a distance or an amount ('water "
           "rocketing 200 feet into the air', 'prices rocketed'): a rise, no rocket attack")
def _refuse_soaring(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "ASSAULT" and lemma == "rocket" and tok.pos_ == "VERB" and not any(
        ch.dep_ in ("dobj", "nsubjpass") and not any(g.like_num for g in ch.subtree)
        for ch in children)


@_refuses('rescue',
           "private people or bodies pulled out, or freed from rubble, not one's own ('the "
           "team pulled out five people', 'freeing a man from the rubble'): a rescue, no "
           "retreat ('freed 300 people who had been arrested' stays a release)")
def _refuse_rescue(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "RETREAT" and any(
        ch.dep_ == "dobj" and ch.lemma_.lower() in _RESCUED
        and not any(g.dep_ == "poss" for g in ch.children)
        for ch in children) and (lemma == "pull" or any(
            ch.dep_ in ("prep", "prt") and any(g.lemma_.lower() in _WRECKAGE for g in ch.subtree)
            for ch in children))


#: People a rescue brings out ("pulled out five people", "two survivors", "the bodies").
_RESCUED = _PRIVATE_PERSONS | {"people", "survivor", "body", "victim"}
#: What a rescue frees people from.
_WRECKAGE = frozenset({"rubble", "debris", "wreckage", "ruin", "ruins", "collapse", "mud"})


@_refuses('pressing-on',
          "'press ahead' / 'press on' with something: to go on with it, no demand ('BP is "
          "pressing ahead with operations')")
def _refuse_pressing_on(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma == "press" and any(ch.lower_ in ("ahead", "on", "forward") and ch.dep_ in (
        "advmod", "prt") for ch in children)


@_refuses('dismissal',
           "'fire' with a person or a post-holder for object and nothing fired at ('fired "
           "his finance minister', 'would have fired me'): a dismissal, no shooting")
def _refuse_dismissal(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype not in ("ASSAULT", "THREATEN") or lemma != "fire":
        return False
    if any(ch.dep_ == "prep" and ch.lower_ in ("at", "on", "upon", "into", "toward", "towards")
           and not any(g.ent_type_ in ("DATE", "TIME") for g in ch.children) for ch in children):
        return False  # "fired at a military vehicle", "fired on the protesters"
    return any(ch.dep_ == "dobj" and (
        (_is_pronoun(ch) and ch.lower_ not in ("it", "this", "that", "what", "which"))
        or ch.ent_type_ == "PERSON" or ch.lemma_.lower() in _STAFF) for ch in children)


#: Holders of posts who are fired from them ("fired his finance minister").
_STAFF = frozenset({
    "minister", "manager", "chief", "official", "coach", "director", "head", "employee",
    "staff", "aide", "adviser", "advisor", "secretary", "executive", "commander", "general",
    "governor", "ambassador", "editor", "worker", "spokesman", "spokeswoman", "president",
    "prosecutor", "judge", "officer", "cabinet", "boss"})


@_refuses('unarmed-mobilisation',
           "a mobilisation, deployment, exercise or alert in a sentence naming no armed force "
           "or arms ('the UN is mobilising an emergency response team', 'the WHO raised its "
           "pandemic alert', 'an exercise in risk assessment'): no forces were moved")
def _refuse_unarmed_mobilisation(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "MOBILIZE" and lemma not in _MOBILISATION_NOUNS and not any(
        w.lemma_.lower() in _ARMED_WORDS or w.lower_ in _ARMED_WORDS for w in tok.sent)


#: Nouns that name a military mobilisation by themselves ("a general mobilisation was
#: declared").
_MOBILISATION_NOUNS = frozenset({"mobilisation", "mobilization", "conscription", "conscript"})


#: Words of armed forces and their arms, one of which a sentence reporting a mobilisation
#: names ("sent 3,500 soldiers", "deployed tanks", "the navy's exercises").
_ARMED_WORDS = FORCE_WORDS | frozenset({
    "tank", "jet", "warplane", "aircraft", "helicopter", "drone", "missile", "rocket",
    "artillery", "weapon", "arm", "militia", "militiaman", "mercenary", "police", "policeman",
    "officer", "guard", "gendarme", "gendarmerie", "military", "militant", "insurgent", "rebel",
    "commando", "sniper", "frigate", "destroyer", "submarine", "bomber", "airman", "sailor",
    "naval", "armed", "armored", "armoured", "mujahideen", "jihadist", "war", "invasion",
    "nuclear", "corps", "legion", "squadron", "fleet", "carrier", "personnel", "marines",
    "troops", "forces", "arms", "warfare", "garrison", "armour", "armor", "combat", "enemy"})


#: Gear deployed against a disaster ("crews deployed booms", "skimmers were deployed"): no
#: forces mobilised.
_GEAR = frozenset({"boom", "skimmer", "equipment", "dispersant", "barrier", "berm", "sandbag",
                   "pump", "robot", "dome", "cap", "net", "resource", "sensor", "buoy"})


@_refuses('business',
           "a company withdrawing its own staff or business ('the company withdrew its "
           "employees from Libya'): no political retreat")
def _refuse_business(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "RETREAT" and any(ch.dep_ == "nsubj" and ch.lemma_.lower() in _COMPANIES for ch in children)


@_refuses('cessation',
           "an act under a verb of stopping ('telling them to stop fighting', 'ceased "
           "shelling', 'halted deportations'): its end, not the act")
def _refuse_cessation(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if (tok.pos_ == "NOUN" and tok.dep_ == "dobj" and etype in CONFLICT_MATERIAL | {"THREATEN"}
            and tok.head.lemma_.lower() in _STOPPING | {"suspend"}):
        return True  # "halted deportations", "suspended its air strikes": the act stopped
    return tok.dep_ == "xcomp" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in _STOPPING


@_refuses('hosting-people',
           "'host' with people as its object ('now hosts some 24,000 Syrians'): sheltering "
           'refugees, no talks hosted')
def _refuse_hosting_people(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma == "host" and etype == "CONSULT" and any(
            ch.dep_ == "dobj" and any(_crowd_number(w) or w.lemma_.lower() in _HOSTED_PEOPLE
                                      for w in ch.subtree)
            for ch in children)


@_refuses('armed-defence',
           "'defend' a place ('fighters defending their city against armor'): armed "
           'defence, no political support')
def _refuse_armed_defence(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma == "defend" and etype == "SUPPORT" and any(
            ch.dep_ == "dobj" and (ch.lemma_.lower() in _DEFENDED_PLACES or ch.ent_type_ in ("GPE", "LOC", "FAC"))
            for ch in children)


@_refuses('access-caveat',
           "a standing restriction on the news media told in the present ('Kenya restricts "
           "access to foreign journalists', 'foreign journalists are banned'): the "
           "reporter's caveat, not news of a coercive act")
def _refuse_access_caveat(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype == "COERCE" and lemma in _ACCESS_VERBS and (
            tok.tag_ in ("VBZ", "VBP")
            or any(ch.dep_ == "auxpass" and ch.lower_ in ("is", "are") for ch in children)):
        parties = [ch for ch in children if ch.dep_ in ("dobj", "nsubjpass")]
        parties += [g for p in list(parties) for pr in p.children if pr.dep_ == "prep"
                    for g in pr.children if g.dep_ == "pobj"]
        if any(_media(p) for p in parties):
            return True
    return False


@_refuses("paying", "'shell out' money ('BP has shelled out $8 billion'): paying, no shelling")
def _refuse_paying(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma == "shell" and any(ch.dep_ == "prt" and ch.lower_ == "out" for ch in children)


@_refuses("showing", "'demonstrate' with an object ('images that demonstrate the abuse', "
                     "'demonstrated its resolve'): showing something, no demonstration")
def _refuse_showing(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "PROTEST" and lemma == "demonstrate" and any(
        ch.dep_ in ("dobj", "ccomp") for ch in children)


#: What one agrees with when agreeing in opinion ("agreed with the findings").
_AGREED_VIEWS = _OPINIONS | frozenset({
    "finding", "report", "conclusion", "point", "idea", "premise", "sentiment", "argument",
    "claim", "characterization", "characterisation", "description", "estimate", "statement"})
#: Texts whose signing is an agreement; any other signed thing ("a letter", "autographs",
#: "the guest book") is not.
_ACCORDS = frozenset({
    "agreement", "accord", "deal", "treaty", "pact", "memorandum", "protocol", "declaration",
    "ceasefire", "cease-fire", "truce", "armistice", "law", "bill", "decree", "order",
    "resolution", "contract", "convention", "charter", "document", "communique", "plan",
    "roadmap", "settlement", "compact", "understanding", "legislation", "measure", "executive"})
#: Private gains an offer or an acceptance may be of, no political agreement ("offered him
#: a job", "accepted gifts").
_PERSONAL_GAINS = frozenset({
    "job", "gift", "bribe", "donation", "award", "prize", "scholarship", "fellowship",
    "position", "role", "ride", "seat", "drink", "meal", "discount", "refund", "tip"})


@_refuses("opinion-agreement",
          "'agree' in opinion: with a finding, view or report ('agreed with the report's "
          "findings'), or impersonal ('it is widely agreed that'): no agreement between parties")
def _refuse_opinion_agreement(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype != "AGREE" or lemma != "agree":
        return False
    if any(ch.dep_ in ("nsubjpass", "expl") and ch.lower_ == "it" for ch in children):
        return True
    return any(ch.dep_ == "prep" and ch.lower_ == "with" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _AGREED_VIEWS for g in ch.children)
        for ch in children)


@_refuses("signed-text", "'sign' a text that is no accord, law or resolution ('signed a "
                         "letter', 'signed the guest book'): no agreement")
def _refuse_signed_text(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "AGREE" and lemma == "sign" and any(
        ch.dep_ == "dobj" and ch.pos_ == "NOUN" and ch.lemma_.lower() not in _ACCORDS
        for ch in children)


@_refuses("private-gain", "an offer or acceptance of a private gain ('offered him a job', "
                          "'accepted gifts'): no political agreement")
def _refuse_private_gain(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "AGREE" and lemma in ("offer", "accept") and _object_in(children, _PERSONAL_GAINS)


#: What is offered, given or paid in words, no accord (see the "opinion" refusal): a view, an
#: account, a reason, tribute.
_WORDS_OFFERED = frozenset({
    "view", "opinion", "explanation", "assessment", "account", "perspective", "insight",
    "analysis", "thought", "reason", "excuse", "glimpse", "comment", "description", "picture",
    "version", "interpretation", "theory", "argument", "defence", "defense", "detail",
    "evidence", "testimony", "advice", "suggestion", "prayer", "tribute", "praise", "homage",
    "respect", "attention", "compliment", "lip", "reply", "answer", "reassurance", "preview",
    "sign", "estimate", "specific", "justification", "ground", "experiment", "clue", "hint",
    "indication", "overview", "update", "lesson", "example", "look"})


#: Verbs of a sale or purchase of assets ("agreed to sell four fields").
_TRADING = frozenset({"sell", "buy", "acquire", "purchase", "merge", "lease"})


@_refuses("sale", "a company agreeing to sell, buy or merge ('BP agreed to sell four fields to "
                  "Apache'): a commercial deal, no political agreement (a state's sale of arms "
                  "stays one)")
def _refuse_sale(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype != "AGREE" or lemma != "agree" or not any(
            ch.dep_ == "xcomp" and ch.lemma_.lower() in _TRADING for ch in children):
        return False
    subjects = [ch for ch in children if ch.dep_ == "nsubj"]
    if not subjects and tok.dep_ == "relcl":
        subjects = [tok.head]
    return any(s.ent_type_ == "ORG" or s.lemma_.lower() in _COMPANIES | COMPANY_NOUNS for s in subjects)


@_refuses("admission", "'concede', 'admit' or 'acknowledge' that something is so ('conceded "
                       "that the flow was higher', 'conceded there are few options'): an "
                       "admission of a fact, no concession to anyone")
def _refuse_admission(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "CONCEDE" and lemma in ("concede", "admit", "acknowledge") and any(
        ch.dep_ == "ccomp" for ch in children)


@_refuses("quantity-deal", "'a great deal', 'a good deal' of something: a quantity, no deal")
def _refuse_quantity_deal(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma == "deal" and tok.pos_ == "NOUN" and any(
        ch.dep_ == "amod" and ch.lower_ in ("great", "good", "fair") for ch in children)


@_refuses("extraction", "'pulled out' or 'pulled from' in the passive with someone other "
                        "than troops or envoys as its subject ('she was pulled out of the "
                        "rubble by rescue teams'): someone taken out, no withdrawal ('troops "
                        "were pulled out of the region' stays)")
def _refuse_extraction(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "RETREAT" and lemma == "pull" and any(
        ch.dep_ == "nsubjpass" and not {ch.lemma_.lower(), ch.lower_} & _abroad_words()
        for ch in children)


#: What one calls off that is one's own plan, no concession to anyone: trips, visits, events.
_OWN_PLANS = frozenset({"trip", "visit", "tour", "journey", "holiday", "appearance", "event",
                        "concert", "show", "party", "celebration", "flight", "speech"})


@_refuses("own-plan", "cancelling or postponing one's own trip, visit or event ('canceled a "
                      "tour of the region to handle the emergency'): no concession to anyone")
def _refuse_own_plan(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "CONCEDE" and lemma in ("cancel", "postpone", "call") and any(
        ch.dep_ == "dobj" and ch.lemma_.lower() in _OWN_PLANS for ch in children)


@_refuses("talk-show", "'talk(s)' right before 'show(s)' naming a kind of programme ('went "
                       "on the morning talk shows', 'talks shows', which the tagger may read "
                       "as a noun and a verb): no talks held")
def _refuse_talk_show(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (etype == "CONSULT" and lemma in ("talk", "talks") and nxt is not None
            and nxt.lower_ in ("show", "shows"))


#: What a medical or scientific inquiry looks at, no one's wrongdoing: cases, samples, patients.
_NON_CULPABLE = frozenset({"case", "illness", "symptom", "sample", "plume", "infection",
                           "patient", "virus", "strain", "outbreak", "disease"})


@_refuses("fact-finding", "investigating or testing cases, samples or a disease "
                          "('investigating suspected flu cases', 'cases are being "
                          "investigated'): a health inquiry, no "
                          "accusation (an inquiry into a spill or an explosion stays one)")
def _refuse_fact_finding(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype != "ACCUSE" or lemma not in ("investigate", "probe", "examine", "study", "test",
                                          "investigation", "inquiry"):
        return False
    objs = [ch for ch in children if ch.dep_ in ("dobj", "nsubjpass")] + [
        g for ch in children if ch.dep_ == "prep" and ch.lower_ in ("into", "of", "on")
        for g in ch.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in _NON_CULPABLE for o in objs)


#: What is "met" without meeting anyone: a demand satisfied, a fate or a response
#: encountered ("met the deadline", "met stiff resistance", "met his death").
_MET_THINGS = frozenset({
    "demand", "requirement", "criterion", "standard", "target", "goal", "deadline", "need",
    "expectation", "condition", "obligation", "resistance", "opposition", "fate", "death",
    "end", "challenge", "cost", "approval", "response", "reception", "criticism",
    "scepticism", "skepticism", "silence", "success", "failure", "threshold", "quota"})


@_refuses("met-thing", "'meet' a demand, a deadline, resistance or one's death: satisfied "
                       "or encountered, no meeting")
def _refuse_met_thing(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    if etype != "CONSULT" or lemma != "meet":
        return False
    objs = [ch for ch in children if ch.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "relcl":
        objs.append(tok.head)  # "the demands the regime has met"
    return any(o.lemma_.lower() in _MET_THINGS for o in objs)


@_refuses("talk-about", "'talk about' something with no one to talk to ('we are talking "
                        "about a calamity'): a topic, no consultation")
def _refuse_talk_about(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return (etype == "CONSULT" and lemma == "talk"
            and any(ch.dep_ == "prep" and ch.lower_ == "about" for ch in children)
            and not any(ch.dep_ in ("dobj", "dative") or (ch.dep_ == "prep" and ch.lower_ in (
                "with", "to")) for ch in children)
            # parties talking among themselves ("the two ministers talked about ...",
            # "Kenya and Uganda talked about ...") need no one else
            and not any(ch.dep_ == "nsubj" and (ch.tag_ == "NNS" or any(
                g.dep_ == "conj" for g in ch.children)) for ch in children))


#: What one "stands by" when keeping to one's own word, no support of anyone.
_KEPT_WORDS = _AGREED_VIEWS | frozenset({
    "account", "story", "remark", "comment", "decision", "position", "version", "figure",
    "number", "assertion", "word", "words", "reporting", "allegation"})


@_refuses("standing-by-words", "'stand by' one's findings, account, story or decision ('it "
                               "stood by its findings'): keeping to one's word, no support")
def _refuse_standing_by_words(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "SUPPORT" and lemma == "stand" and any(
        ch.dep_ == "prep" and ch.lower_ == "by" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _KEPT_WORDS for g in ch.children)
        for ch in children)


@_refuses("seize-on", "'seize on' something ('seized on the resignation as a sign'): "
                      "making use of it, no seizure")
def _refuse_seize_on(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return lemma in ("seize", "pounce") and any(
        ch.dep_ in ("prep", "prt") and ch.lower_ in ("on", "upon") and not any(
            g.ent_type_ in ("DATE", "TIME") for g in ch.subtree)  # "seized on Sunday"
        for ch in children)


#: What one fights or battles to do when the fight is an effort against a disaster, not
#: combat ("battled to save the beaches", "fought to contain the fire"); "fought to oust",
#: "to regain", "to hold" are combat.
_RESCUE_AIMS = frozenset({"save", "contain", "clean", "plug", "cap", "stop", "protect", "preserve",
                          "rescue", "restore", "repair", "stem", "seal", "curb", "limit", "control"})


@_refuses("effort", "'fight' or 'battle' to save, contain or clean something ('battled to save "
                    "the beaches', 'fought to contain the fire'): an effort, no combat")
def _refuse_effort(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return (etype == "ASSAULT" and lemma in ("fight", "battle", "struggle")
            and any(ch.dep_ in ("xcomp", "advcl") and ch.lemma_.lower() in _RESCUE_AIMS
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children)
                    for ch in children)
            and not any(ch.dep_ == "dobj" or (ch.dep_ == "prep" and ch.lower_ in ("against", "with"))
                        for ch in children))


#: Things, not people, that are "met by" a response ("the protests were met by rival
#: demonstrators", "the offer was met with silence"): no one meets anyone.
_RECEIVED_THINGS = frozenset({"protest", "demonstration", "rally", "march", "call", "demand",
                              "request", "proposal", "plan", "offer", "news", "announcement",
                              "decision", "move", "appeal", "speech", "claim", "suggestion"})


@_refuses("met-by-force", "'was met by' security forces or troops ('protesters were met by "
                          "police'), or a thing met by a response ('the protests were met by "
                          "rival demonstrators'): a confrontation or a reception, no meeting")
def _refuse_met_by_force(tok: Token, etype: str, lemma: str, children: list[Token]) -> bool:
    return etype == "CONSULT" and lemma == "meet" and (any(
        ch.dep_ == "agent" and any(g.dep_ == "pobj" and (g.lemma_.lower() in FORCE_WORDS | FORCE_MET
                                                         or g.lower_ in ("police", "security"))
                                   for g in ch.children)
        for ch in children) or any(ch.dep_ == "nsubjpass" and _met_thing(ch) for ch in children))


#: Words of a part of what their "of" phrase names ("some of the protests").
_PARTS = frozenset({"some", "many", "most", "all", "several", "one", "few"})


def _members(head: Token, heads: frozenset[str]) -> list[Token]:
    """The objects of the "of" phrase of ``head`` when its lemma is one of ``heads`` ("thousands
    of refugees", "some of the protests"): what the head stands for; else none."""
    if head.lemma_.lower() not in heads:
        return []
    return [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"]


def _met_thing(subj: Token) -> bool:
    """Whether a passive subject of "met" is one of :data:`_RECEIVED_THINGS`, or a part
    of them ("some of the protests")."""
    return subj.lemma_.lower() in _RECEIVED_THINGS or any(
        g.lemma_.lower() in _RECEIVED_THINGS for g in _members(subj, _PARTS))


def refusal(tok: Token, etype: str) -> str | None:
    """The acceptance step: the name of the pattern (a key of :data:`REFUSALS`) by
    which the event of type ``etype`` coded from trigger ``tok`` reports no act, or
    None when the event is accepted: the first registered check (:func:`_refuses`)
    that refuses it.

    It runs after coding, so it only ever removes an event; each check is a pattern
    of the language around the trigger, never a list of records.
    """
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    for name, check in _REFUSAL_CHECKS:
        if check(tok, etype, lemma, children):
            return name
    return None


#: Proposals, texts and charges one rejects: a country named in their own words ("a
#: resolution against Syria", "intervention in Libya") is what they are about, not whose
#: they are.
_REJECTED_THINGS = frozenset({
    "resolution", "draft", "text", "bill", "motion", "proposal", "plan", "request", "report",
    "claim", "allegation", "accusation", "complaint", "charge", "intervention", "sanction",
    "action", "offer", "demand", "call", "idea", "suggestion", "move", "measure", "interference",
    "involvement", "attack", "strike", "force"})


def _subject_of_thing(tok: Token, target: dict | None) -> bool:
    """Whether ``target`` lies in the words of a thing ``tok`` rejects (its object, or its
    passive subject, of :data:`_REJECTED_THINGS`) and not in the thing's owner ("Russia's
    proposal", "a French proposal" and "a proposal by the African Union" are theirs, "a
    resolution against Syria" is about Syria)."""
    if target is None or not target.get("text"):
        return False
    name = target["text"]
    for obj in tok.children:
        if obj.dep_ not in ("dobj", "nsubjpass") or obj.lemma_.lower() not in _REJECTED_THINGS:
            continue
        # "Uganda's proposal", "a French proposal", "a proposal by the African Union"
        owners = {w.i for ch in obj.children
                  if ch.dep_ in ("poss", "amod", "compound")
                  or (ch.dep_ == "prep" and ch.lower_ in ("of", "by", "from"))
                  for w in ch.subtree}
        # "the plan put forward by Qatar"
        owners.update(w.i for ch in obj.children if ch.dep_ == "acl" for g in ch.children
                      if g.dep_ == "agent" for w in g.subtree)
        words = [w for w in obj.subtree if w.i != obj.i and w.i not in owners]
        text = tok.doc.text
        for w in words:
            if text.startswith(name, w.idx):
                # the phrase of the thing itself, coded by its owner ("a UN resolution")
                return not (w.idx <= obj.idx < w.idx + len(name))
    return False


#: Verbs that address a request to someone ("told the allies they should").
_TELLING_TO = frozenset({"tell", "urge", "warn", "instruct", "order", "advise", "remind"})


def _self_request(ev: dict) -> bool:
    """Whether ``ev`` is a REQUEST whose actor and target are one phrase ("Mr Annan says
    it should hold annual meetings", "the League said this should lead to elections"):
    an obligation read back onto its speaker, not a request of anyone; under a verb of
    telling (:data:`_TELLING_TO`) a request whose addressee the parse lost."""
    actor, target = ev["actor"], ev["target"]
    return (ev["type"] == "REQUEST" and actor is not None and target is not None
            and actor["text"].lower() == target["text"].lower())


def _scheduled_meeting(ev: dict, tok: Token, published: str) -> bool:
    """Whether ``ev`` (triggered by ``tok``) is a meeting or visit its text dates after the
    article was published ("ministers will meet on Friday", "a meeting next Tuesday"): a
    schedule, not a consultation that happened (as :data:`PLANNING` heads make none). A verb
    in a past or progressive form ("met Pelosi ... and will travel on Monday", "is
    travelling") tells of one that happened, whatever else its sentence dates."""
    if tok.tag_ in ("VBD", "VBN", "VBG"):
        return False
    return (ev["type"] == "CONSULT" and ev["mode"] not in UNREAL_MODES | {INTENT_MODE}
            and ev["date_source"] == "text" and len(ev["date"]) == 10 and ev["date"] > published)


def _place_as_actor(ev: dict, trigger: Token, named: list[dict], doc: Doc) -> str | None:
    """The name of the place that the event's actor is, when the actor is only the name of
    a city, province or local place modifying the trigger noun ("the London bombings", "the
    Damascus battle", "the Berlin disco bombings"): it says where the act was, not who did
    it. None otherwise (a country so named is the actor: "a US attack"; a capital as
    subject stays the actor: "Damascus says it is fighting")."""
    actor = (ev.get("actor") or {}).get("text")
    if not actor or trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for p in named:
        if p.get("kind") not in _SPECIFIC_KINDS:
            continue   # "a US attack", "the US offensive": a country so named is who
        s, e = p.get("start"), p.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or doc.text[s:e] != actor:
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head, root = span.root.head, span.root
        while head.dep_ == "compound" and head.i != trigger.i and head.head.i > head.i:
            head = head.head   # "the Berlin disco bombings": Berlin -> disco -> bombings
        if root.dep_ in ("compound", "nmod", "amod") and head.i == trigger.i:
            return p.get("name")
    return None


#: Dependencies that hang a clause or a description on a noun ("Ms Okafor, who toured
#: Port-au-Prince", "a doctor from New Jersey", "the leader, a veteran of Iraq").
_NOUN_CLAUSES = frozenset({"relcl", "acl", "appos"})


#: Nouns of a place that an apposition names ("in Saddam Hussein's hometown, Tikrit"):
#: such an apposition says where, not something aside.
_PLACE_NOUNS = frozenset({"city", "town", "village", "hometown", "capital", "port", "province",
                          "region", "district", "area", "suburb", "neighbourhood", "neighborhood",
                          "stronghold", "base", "camp", "border", "island", "state", "country"})


#: Nouns of something said or published, whose participle dates or places the saying
#: ("in an address broadcast Monday", "a report released on Monday accused").
_UTTERANCES = frozenset({"address", "statement", "speech", "message", "report", "interview",
                         "letter", "broadcast", "video", "post", "posting", "communique",
                         "declaration", "announcement", "remark", "comment", "appearance",
                         "conference", "briefing", "tweet", "editorial", "article", "memo"})


def _argument(noun: Token, trigger: Token) -> bool:
    """Whether ``noun`` is the trigger's subject, object or agent ("the car bomb that ...
    killed", "killed prisoners who ...", "shot by gunmen who ...")."""
    head = noun.head
    if head.dep_ in ("prep", "agent") and head.head == trigger:
        return True
    return head == trigger and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


def _aside(mention: dict, doc: Doc, trigger: Token, material: bool = False) -> bool:
    """Whether a place or date mention (with offsets into ``doc``'s text) lies outside
    what the trigger's clause says: in a relative clause, participle or apposition hung on
    a noun that does not hold the trigger ("Ms Okafor, who toured Port-au-Prince on Sunday,
    added"; an apposition to a noun or a name of place, "his hometown, Tikrit", "RAF
    Lakenheath, England", is that place), after "from" on a noun (a person's origin: "a
    physician from New Jersey"), or, for a date,
    as a possessive on another noun than the trigger ("tomorrow's holiday"; the trigger's
    own dates it: "today's summit"; a place's possessive may well say where: "London's
    financial quarter was targeted", "Libya's air defence sites"). For an act of
    ``material`` conflict, a relative clause or participle on its subject, object or agent
    tells of the same happening ("The truck bomb that went off in Aleppo on Sunday killed
    two"): not aside; nor is a participle on a noun of something said or published ("in
    an address broadcast Monday, he urged", "a report released on Monday accused")."""
    s, e = mention.get("start"), mention.get("end")
    if not isinstance(s, int) or not isinstance(e, int):
        return False
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if (root.dep_ == "poss" or any(t.tag_ == "POS" for t in root.children)) \
            and "kind" not in mention and root.head != trigger:
        return True   # "tomorrow's holiday" (on the trigger itself it dates it: "today's summit")
    if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return True
    for anc in [root, *root.ancestors]:
        # an "acl" is a past participle on a noun ("Osman, arrested in Rome on Friday"); one on
        # a pronoun or a conjunct is a gapped clause ("shot and another wounded ... yesterday",
        # "shot and several others wounded in Basra"), and a present participle tells what
        # went on at the time ("children collecting litter yesterday")
        if material and anc.dep_ in ("relcl", "acl") and _argument(anc.head, trigger):
            return False   # "The truck bomb that went off in Aleppo on Sunday killed ...": one happening
        if anc.dep_ == "acl" and anc.head.lemma_.lower() in _UTTERANCES:
            return False   # "in an address broadcast Monday, he urged": the words are the act
        if anc.dep_ in _NOUN_CLAUSES and (anc.head.pos_ in ("NOUN", "PROPN") and anc.tag_ == "VBN"
                                          and anc.head.dep_ != "conj"
                                          if anc.dep_ == "acl" else anc.head.pos_ in ("NOUN", "PROPN", "PRON")) \
                and not (anc.dep_ == "appos" and (anc.head.lemma_.lower() in _PLACE_NOUNS
                                                  or anc.head.ent_type_ in ("GPE", "LOC", "FAC"))):
            return trigger != anc and trigger not in anc.subtree
    return False


#: Statements, pledges and measures: their place is where the words were said or the
#: measure taken, which a sentence names only on the act itself ("said in Cairo", "at a
#: news conference in Ankara"); another place in it is what they are about ("criticised
#: the response to the Gulf spill", "accused Khartoum of genocide in Darfur").
_SAID_PLACE_TYPES = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                               "THREATEN", "COOPERATE", "SANCTION"})
#: Nouns of an occasion or an utterance that a place after "in" or "at" locates, and the
#: act with it when the noun hangs on the act's verb ("told a news conference in Ankara",
#: "in a speech at the White House", "during a visit to Damascus").
_OCCASIONS = frozenset({"meeting", "conference", "summit", "talks", "session", "visit", "trip",
                        "tour", "speech", "address", "interview", "briefing", "rally", "ceremony",
                        "gathering", "forum", "hearing", "event", "statement", "appearance",
                        "reporters", "journalists", "crowd", "audience", "parliament"})
#: Participles of speaking or meeting that set the scene of what their clause tells
#: ("Speaking in Ohio, the president said", "the council, meeting in Luxembourg, tightened").
_SCENES = frozenset({"speak", "meet", "address", "visit", "talk", "appear", "tour", "attend",
                     "gather", "convene", "stand", "brief"})
#: Verbs that, like a verb of speech, make their clause's act the words said under them.
_ANNOUNCING = frozenset({"announce", "pledge", "vow", "promise", "declare", "tell"})
#: Verbs that make an accord or a text, which a place on their object locates ("signed the
#: agreement in Uganda").
_SEALING = frozenset({"sign", "reach", "strike", "conclude", "seal", "broker", "initial",
                      "adopt", "approve", "pass"})
#: Journeys, whose place is where they go, whatever type an intent gives them ("pledged
#: to visit Alabama").
_JOURNEYS = frozenset({"visit", "trip", "tour", "travel", "journey"})
#: Objects that name the act itself, which a place on them locates ("imposed sanctions
#: on North Korea in Tokyo", "issued a warning in Paris").
_MEASURES = frozenset({"sanction", "embargo", "pledge", "promise", "warning", "appeal",
                       "threat", "ultimatum", "demand", "request", "offer", "statement"})
#: Prepositions that place an occasion ("a visit to Damascus" was there).
_OCCASION_PREPS = {"in": ("in", "at", "near"), "visit": ("in", "at", "near", "to")}


def _said_there(root: Token, trigger: Token) -> bool:
    """Whether the place phrase headed by ``root`` hangs on the act itself: after "in",
    "at" or "near" on the trigger, on the verb a noun trigger belongs to ("made the
    pledge in Benghazi"), on a verb of speech whose clause holds the trigger ("said in
    Cairo that it would back ...", not "said she had asked": an earlier act), or on a
    participle of speaking or meeting that sets the scene for one of those ("Speaking in
    Ohio, he said", "the council, meeting in Luxembourg, tightened"); or so on a noun of
    an occasion or an utterance (:data:`_OCCASIONS`) that hangs on one of those verbs or
    on a verb of their clause that has no subject of its own ("urged Iran to free the
    sailors, speaking at a news conference in Ankara", "told reporters in Paris"; not
    "hours after the minister gave a news conference in Paris"). A place on whom an
    occasion or a participle of speaking is with or to is the occasion's ("a meeting with
    Jalil in Benghazi", "speaking to worshippers in Rome"), and one on an accord
    that the act seals, or on an object that names the act, is where it was done ("signed
    the agreement in Uganda", "imposed sanctions in Tokyo"). A place
    whose "where" clause holds the act is its place ("hearings in Washington, where
    senators criticised ..."); "the state of Alabama" stands for Alabama. The act's
    subject's place is where it acted ("a judge in Houston, too, ruled"), and a verb of
    speech parsed as the act's conjunct is its report ("Spain will send ships, the
    minister said in Madrid")."""
    v = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    verbs = {trigger.i, v.i}
    earlier = any(ch.dep_ == "aux" and ch.lower_ == "had" for ch in v.children)
    w = v
    for _ in range(3):   # "said in Cairo that it would back", "told reporters in X he wanted"
        if w.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or w.head.i == w.i:
            break
        w = w.head
        # "announced in New Orleans that it had launched an inquiry" is the launch's news;
        # "said she had asked" tells of an earlier act
        if w.lemma_.lower() in _ANNOUNCING or (w.lemma_.lower() in SPEECH_VERBS and not earlier):
            verbs.add(w.i)
    doc = trigger.doc
    # "Spain will offer bases ..., the minister said Friday in Madrid": the report's verb
    # parsed as a conjunct or an aside of the act's
    verbs.update(ch.i for ch in v.children if ch.dep_ in ("conj", "parataxis") and ch.i > trigger.i
                 and ch.lemma_.lower() in SPEECH_VERBS)
    for i in list(verbs):   # "Speaking in Ohio, he said", "the council, meeting in Luxembourg, ..."
        for ch in doc[i].children:
            scenes = [ch] if ch.dep_ == "advcl" else [g for g in ch.children if g.dep_ == "acl"] \
                if ch.dep_ in ("nsubj", "nsubjpass") else []
            verbs.update(g.i for g in scenes if g.lemma_.lower() in _SCENES and g.tag_ in ("VBG", "VBN"))
    clause = set(verbs)
    if v.dep_ == "acl" and v.head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
        # a text agreed by ministers and read out at a news conference: placed by the reading
        clause.add(v.head.head.i if v.head.dep_ != "pobj" else v.head.head.head.i)
    todo = list(verbs)
    while todo:   # the act's own clause: complements and participles without a subject
        for ch in doc[todo.pop()].children:
            if (ch.dep_ in ("xcomp", "advcl") and ch.i not in clause
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in ch.children)):
                clause.add(ch.i)
                todo.append(ch.i)

    def on_act(tok: Token, visit: bool = False) -> bool:
        if tok.dep_ != "pobj" or tok.head.lower_ not in _OCCASION_PREPS["visit" if visit else "in"]:
            return False
        holder = tok.head.head
        if (holder.dep_ == "pobj" and holder.head.lower_ in ("to", "with")
                and (holder.head.head.lemma_.lower() in _OCCASIONS | _SCENES)):
            holder = holder.head.head   # "a meeting with Jalil in Benghazi", "speaking to worshippers in"
        if holder.i in verbs:
            return True
        if (holder.pos_ == "PROPN" and holder.ent_type_ in ("GPE", "NORP", "ORG")
                and (holder.head.i in verbs or (holder.dep_ == "pobj" and holder.head.head.i in verbs))):
            # a name takes no "in" of its own: "imposed sanctions on North Korea in Tokyo"
            # hangs the place on the verb
            return True
        if holder.dep_ == "nsubj" and holder.head.i in verbs:
            return True   # "a judge in Houston, too, ruled": where the actor is
        if holder.dep_ == "dobj" and holder.head.i in verbs and (
                holder.lemma_.lower() in _MEASURES
                or (holder.lemma_.lower() in _ACCORDS and holder.head.lemma_.lower() in _SEALING)):
            return True   # "signed the agreement in Uganda", "imposed sanctions in Tokyo"
        if holder.lemma_.lower() in _OCCASIONS or holder.lower_ in _OCCASIONS:
            # the occasion hangs on the act: "at a news conference", "told reporters"
            verb = holder.head.head if holder.dep_ == "pobj" else holder.head
            return holder.dep_ in ("dobj", "dative", "nsubj", "pobj") and verb.i in clause
        return False

    if (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "pobj"
            and root.head.head.lemma_.lower() in _PLACE_NOUNS):
        root = root.head.head   # "a visit to the state of Alabama"
    if any(ch.dep_ == "relcl" and ch.i in verbs | {w.i for w in v.ancestors}
           and any(g.lower_ == "where" for g in ch.children) for ch in root.children):
        return True   # "hearings in Washington, where senators criticised ..."
    if on_act(root):
        return True
    holder = root.head.head if root.dep_ == "pobj" else None
    return (holder is not None and holder.lemma_.lower() in ("visit", "trip", "tour")
            and on_act(root, visit=True))


def _event_place(named: list[dict], ev: dict, text: str, sent_start: int,
                 doc: Doc | None = None, trigger: Token | None = None) -> str | None:
    """Where the event happened, from the sentence's places named as locations (an
    adjectival reference such as "Russian jets" is none), in ``text`` (the article,
    whose offsets the places carry) where the sentence starts at ``sent_start``.

    Of the places that are not part of the actor's words ("Ankara backs rebel
    factions" says who, not where; "a summit in Tehran" does say where), nor, but for an
    act of material conflict or a visit, of the target's ("urged Damascus"): the first
    after "in", "at" or "near" ("the next summit in Iran"), else the first city,
    province, sea or local place ("an agreement during a visit to Damascus"). Material
    conflict takes the city or province first, else the first place: what is struck
    is named without a preposition ("aircraft pounded southern Idlib, a day after
    a summit in Tehran", "jets bombed Libya"). Other acts take a country named without
    a preposition only when it is the actor's own (an act at home) or, for a visit, the
    host's ("visited Cuba"); another is a party or the subject matter ("a proposal to
    involve Iran, rejected by the US" did not happen in Iran). With ``doc`` (whose text
    is ``text``) and the ``trigger``, a place said aside (:func:`_aside`) is none, and a
    statement, pledge or measure (:data:`_SAID_PLACE_TYPES`) takes only a place that
    :func:`_said_there` ties to the act, one after "in" or "at" in its actor's words
    ("the appeals court in Louisiana"), or its actor's own country; any other place in
    its sentence is what it is about ("criticised the clean-up of the Alaska coast").
    """
    def words_of(role: str) -> tuple[int, int]:
        # where the actor's or the target's text stands in the sentence (-1 when it has none)
        words = (ev.get(role) or {}).get("text") or ""
        start = text.find(words, sent_start) if words else -1
        return start, start + len(words)

    actor_words, target_words = words_of("actor"), words_of("target")

    def inside(p: dict, words: tuple[int, int]) -> bool:
        # in those words and not after an "in" or "at" of theirs ("a summit in Tehran")
        lo, hi = words
        start = p.get("start")
        if lo < 0 or not isinstance(start, int) or not lo <= start < hi:
            return False
        return not _LOCATIVE.search(text, lo, start)

    def locative(p: dict) -> bool:
        start = p.get("start")
        return isinstance(start, int) and bool(
            _LOCATIVE_BEFORE.search(text, max(0, start - 40), start))

    def where_done(p: dict) -> bool:
        # "signed the agreement in Uganda": said where the act itself was done, by a
        # preposition on its verb (not "condemned the violence in Libya")
        if doc is None or trigger is None:
            return locative(p)
        span = doc.char_span(p["start"], p["end"], alignment_mode="expand")
        if span is None:
            return locative(p)
        root = _phrase_head(span.root)
        verbs = {trigger.i} | ({trigger.head.i} if trigger.pos_ not in ("VERB", "AUX") else set())
        return (root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near")
                and root.head.head.i in verbs)

    def is_target(p: dict) -> bool:
        # "urged Damascus to stop", "condemned the violence in Libya": whom a word is
        # said to or what it is about, not where; what is struck and whom a visit calls on
        # are places too ("shelled Homs", "visited Cuba"), and an accord or a meeting said
        # to be in a place was there ("signed the agreement in Uganda")
        return inside(p, target_words) and not (
            ev.get("quad") == "material conflict" or ev.get("mode") == "visit"
            or where_done(p) or (ev.get("type") not in _SAID_TO_TYPES and locative(p)))

    def said_there(p: dict) -> bool:
        # a statement's or a measure's place only where the act itself is placed, or
        # where its actor is said to be ("the appeals court in Louisiana denied")
        lo, hi = actor_words
        if doc is None or trigger is None or lo <= p.get("start", -1) < hi:
            return locative(p)
        span = doc.char_span(p["start"], p["end"], alignment_mode="expand")
        return span is not None and _said_there(_phrase_head(span.root), trigger)

    said = (ev.get("type") in _SAID_PLACE_TYPES and ev.get("mode") != "visit"
            and not (trigger is not None and trigger.lemma_.lower() in _JOURNEYS))
    material = ev.get("quad") == "material conflict" and not said
    left = [p for p in named if not inside(p, actor_words) and not is_target(p)
            and not (doc is not None and trigger is not None
                     and _aside(p, doc, trigger, ev.get("quad") == "material conflict"))]
    placed = [p for p in left if not said or said_there(p)]
    by_locative = next((p for p in placed if locative(p)), None)
    by_kind = next((p for p in placed if p.get("kind") in _SPECIFIC_KINDS), None)
    if material:   # "aircraft pounded southern Idlib"
        chosen = by_kind or by_locative
    else:
        chosen = by_locative or by_kind or next(iter(placed if said else []), None)
    if chosen is None and left:
        home = (ev.get("actor") or {}).get("country")
        visited = (ev.get("target") or {}).get("country") if ev.get("mode") == "visit" else None
        # "NATO jets bombed Libya": what is struck is where; "the American president
        # pledged that U.S. troops would help": an act at home ("Washington suspended
        # ties ... the United States": for a statement or a measure only the home
        # country, not a state or a coast of it, which is what the words are about);
        # "visited Cuba": the host
        chosen = next((p for p in left if material
                       or (alpha3(p.get("country")) in {home, visited} - {None}
                           and (not said or p.get("kind") == "country"))), None)
    return chosen.get("name") if chosen else None


@extractor(
    "events", requires=("sentences", "entities", "places", "dates"),
    columns=("type", "mode", "sentence", "text", "start", "end",
             "actor.text", "actor.country", "actor.sector",
             "target.text", "target.country", "target.sector",
             "place", "date", "date_source", "quad", "intensity"),
    types={"intensity": "REAL"}, code=("dateline.actors",),
    data=("actors_countries.tsv", "actors_orgs.tsv", "actors_sectors.tsv",
          "places_words.tsv",   # the actor tables' natural features ("Gulf of Mexico")
          "events_patterns.tsv", "events_types.tsv"))
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """PLOVER events of the document, one dict per event (see DESIGN.md).

    Each has type, mode, sentence, trigger text with start/end offsets, actor
    and target ({"text", "country", "sector"} or None), place (a place name
    from ``ctx.results["places"]``, see :func:`_event_place`, or None), date (a day,
    month or year that dates the event's own clause, see :func:`_event_date`; else the
    first full DATE of the sentence not said aside, see :func:`_aside`; else a year long
    past that the sentence writes out, see :func:`_past_year_date`; else the publication
    date), date_source ("text" when a date expression gave the date, "published" when it
    is the publication date fallen back on, "before" when that fallback only bounds an
    act told in the perfect, see :func:`_background`, or in a passage or an article that
    looks back, see :func:`_after_old_date` and :func:`_looks_back`), quad and
    intensity. An event that is not political news (:func:`_political`) is not returned.
    """
    t = tables()
    positions = _trigger_positions(doc, t)
    if not positions:
        return []
    last = doc[-1]
    same = len(ctx.text) == last.idx + len(last.text_with_ws)  # ctx.text is doc's text
    if same and _first_person(doc, ctx.text):
        return []
    coder = _Coder(doc, ctx.text if same else None)
    places = _by_sentence(ctx, "places")
    if same:
        coder.places = [(p["start"], p["end"], code) for ps in places.values() for p in ps
                        if isinstance(p.get("start"), int) and isinstance(p.get("end"), int)
                        and not p.get("adjectival") and (code := alpha3(p.get("country")))]
    dates = _by_sentence(ctx, "dates")
    retrospective = _looks_back(dates, ctx.published)
    out: list[dict] = []
    j = 0
    for k, sent in enumerate(doc.sents):
        sport = None
        cands = []
        while j < len(positions) and positions[j] < sent.end:
            tok = doc[positions[j]]
            j += 1
            p = _match(tok, t)
            if p is not None:
                cands.append(Candidate(tok, p))
        if not cands:
            continue
        if _run_on(sent) or _shouted(sent):
            continue
        _absorb(cands)
        s_index = ctx.sentence_of(cands[0].tok.idx) if ctx.sentence_starts else k
        named = [p for p in places.get(s_index, [])
                 if p.get("name") and not p.get("adjectival") and not _named_actor(p, coder)
                 and not (same and _nationality(p, doc, coder))]
        full_dates = [d for d in dates.get(s_index, [])
                      if d.get("type") in ("DATE", "TIME") and _FULL_DATE.match(str(d.get("value", ""))[:10])]
        found = []
        for c in cands:
            if (c.absorber is not None or _asked(c.tok, sent, coder.index.text)
                    or _quoted(c.tok, coder.index.text) or _reporting(c.tok)
                    or _before_dateline(c.tok, sent, coder.index.text)
                    or _claimed(c.tok)):
                continue
            material = t.types[c.pattern.type].quad == "material conflict"
            # the sentence's first full date, unless said aside ("Ms Okafor, who toured ... on Sunday, urged")
            sentence_date = next((str(d["value"])[:10] for d in full_dates
                                  if not (same and _aside(d, doc, c.tok, material))), None)
            date = sentence_date or ctx.published.isoformat()
            ev = _event_for(c, coder, sent, t)
            where = _place_as_actor(ev, c.tok, named, doc) if ev is not None and same else None
            if where is not None and ev is not None:
                ev["actor"] = None   # "the London bombings": where, not who
            if ev is None or (ev["actor"] is None and ev["target"] is None and where is None):
                continue  # no one did it to no one: nothing to code
            if refusal(c.tok, ev["type"]) is not None:
                continue  # the acceptance step: the words report no such act
            if ((ev["type"] == "ASSAULT" or (ev["type"], ev["mode"]) == ("COERCE", "destroy"))
                    and ev["actor"] is None and _disaster_story(coder)):
                # "Eleven workers were killed." in the story of a rig explosion or an
                # earthquake: a death, injury or destruction no one caused
                continue
            if (ev["type"] == "REQUEST" and (ev["target"] or {}).get("sector") == "CVL"
                    and (ev["actor"] or {}).get("sector") in (None, "GOV", "MED")
                    and any(ch.dep_ in ("xcomp", "ccomp") for ch in c.tok.children)
                    and _disaster_story(coder)):
                # "the authorities urged residents to stay indoors" in the story of an
                # epidemic or a storm: advice to the public to do something, no political
                # request ("called for respect of the people's rights" stays)
                continue
            if t.types[ev["type"]].quad == "material conflict":
                if sport is None:
                    sport = _sport(sent)
                political = (ev.get("actor") or {}).get("sector") not in _UNPOLITICAL_SECTORS - {"COP"}
                if (sport and not political) or _ordinary_crime(ev, sent):
                    continue
            ev.update(sentence=s_index,
                      date=_event_date(c.tok, dates.get(s_index, []), date) if same else date,
                      place=_event_place(named, ev, ctx.text, sent.start_char if same else 0,
                                         doc if same else None, c.tok))
            if where is not None:
                ev["place"] = where
            if same and not sentence_date and ev["date"] == date:
                ev["date"] = (_past_year_date(c.tok, dates.get(s_index, []), date)
                              or _past_week_date(c.tok, dates.get(s_index, []), date) or date)
            # "published": no date expression dated it (a clause's own date where the
            # sentence has no full one is a month or a year, never the fallback's value)
            ev["date_source"] = "text" if sentence_date or ev["date"] != date else "published"
            if ev["date_source"] == "published" and (_background(c.tok) or retrospective
                                                     or _after_old_date(dates, s_index, ctx.published)):
                ev["date_source"] = "before"
            if _scheduled_meeting(ev, c.tok, ctx.published.isoformat()):
                continue
            if ev["type"] == "REJECT" and _subject_of_thing(c.tok, ev["target"]):
                ev["target"] = None  # "vetoed a resolution against Syria": what it is about
            if _self_request(ev):
                teller = next((h for h in c.tok.ancestors if h.lemma_.lower() in _TELLING_TO), None)
                if teller is None:
                    continue
                # "told the allies they should": the one told, when the parse names one
                told = next((ch for ch in teller.children if ch.dep_ in ("dobj", "dative")), None)
                ev["target"] = coder.code(told, sent, c.tok) if told is not None else None
                if _self_request(ev):  # "told them": a pronoun read back to the teller
                    ev["target"] = None
            if not _political(ev, t):
                continue
            found.append((_depth(c.tok), c.tok.i, ev))
        found.sort(key=lambda x: (x[0], x[1]))
        for _, _, ev in found:
            out.append(ev)
    return [
        {k: ev[k] for k in ("type", "mode", "sentence", "text", "start", "end", "actor",
                            "target", "place", "date", "date_source", "quad",
                            "intensity")}
        for ev in out
    ]
