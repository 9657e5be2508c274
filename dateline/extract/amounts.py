"""Amounts: counts of people and things, money and percentages, with what they count.

Starts from spaCy's CARDINAL, MONEY, QUANTITY and PERCENT entities (plus vague
plurals such as "hundreds of" the tagger left out), reads the value from digits
and number words, the qualifier written before it ("more than", "an
estimated"), the unit from the noun the number modifies (or the currency, or
"percent"), and, for counts of people, whether they were killed, injured,
displaced or arrested from the verb that governs the counted noun.

Vague amounts take the smallest value they imply ("hundreds" 200, "tens of
thousands" 20000, "several thousand" 3000) with the qualifier "at least". Years, ages, times, ordinals,
identifiers written after a noun ("Article 5"), "one" used as a pronoun and "one" or
"two" in set phrases ("at one point", "one thing", "split in two": the ``idiom`` nouns
of the lexicon) are not amounts. Words come from ``data/amounts_lexicon.tsv``.

Nor are list-item numbers ("... civilians 3. Release", "1)", "(2)"), ranks and
codes ("a top 10 investor", "0370 60 60 900"), clock times and days ("12.22 GMT",
"11 Jun"), years of an era ("562 BC"), a number hyphened to a word into a modifier ("a six-point plan"), or a
bare "one" that is an indefinite ("one woman told the BBC"; kept with a qualifier
or when the one was killed, hurt, displaced or arrested).

A range ("15 to 20 kilometres", "between 300 and 400 families", "10-15 fighters",
"$20 billion to $70 billion", "20 to 70 billion dollars", "ranged from 2,000 to 5,000", "eight or nine million" (8e6 to 9e6),
"20 or 30", but not "800,000 gallons or 3 million litres" nor "grew from 2,000 to 5,000") is one amount whose
``low`` and ``high`` are its ends and whose ``value`` is the low end; the ends are
never added up. A falling "57 % to 35 %" without "from" is two amounts.

The unit is the counted noun with a measure adjective ("cubic feet", "nautical
miles"), the currency (a sign written apart, "$ 39.79"; "#" is BBC text's pound
sign; a scale or currency after the number, "137m euros"), "percent", or
"magnitude". A bare number takes the unit its sentence leaves out: the noun after
"of" ("13 of the 15 members"), "deaths" after a death toll, the unit of the nearest
earlier count in the sentence ("eight people were killed and 30 were wounded"), or
"people" for a count of the dead, hurt, displaced or arrested ("more than 7,000
have died"). When the sentence does not say what a number counts, the number is not
stored (a number without what it counts is no fact an analyst can use: "File on 4",
"at 24", "the other 10 are rotated"); the unit is never guessed. A noun named before the number
gives its unit where the number is its new size ("increase its observers to 300", "the
number of refugees rose to 9,000"); "a population of 800,000" counts people; "three
others" takes the unit of an earlier count, or people for the dead and hurt; "the
population, which numbers 6,000" counts people (a ``size_verb`` whose subject is a
count noun); "12 hours out of 24" gives 24 the unit of the figure before "out of". Two
numbers joined by "and" ("90 and 72 passengers") are two amounts with the one unit.
Cents and pence are money in their currency, scaled ("82 cents" is USD 0.82; "a 38-cent
hike" USD 0.38). "in their thousands" is an idiom of size, no amount. A tally named
earlier in the number's clause gives its unit ("the number of deaths, reported in the
hundreds": deaths; "the number of refugees boomed by 1,000": refugees), and so does a
count of the dead, hurt, displaced or arrested with no noun ("tens of thousands arrested",
"nine dead", "44 of those killed": people), as an analyst reads them.

Nor are amounts: a percentage of conviction ("100 % sure", "100 percent certain": the
``certainty`` adjectives of the lexicon), a number inside a name ("the 13 Colonies", "the
Group of 20": a capitalised noun that is no people after "the" and the number, or "of" after
a capitalised noun), and a small number word that refers back to things named before
("the other two arrived", "the two had met"; kept when they were killed, hurt, displaced
or arrested). "at least six or seven aftershocks" is a range with its qualifier.

A number hyphened to a word is a modifier, no amount ("a 200-page report", "a
six-point plan": they describe the thing, not how many there are), except where the
word gives the size of a group or a measure (``hyphen_unit``: "a four-man team" 4
people, "a 4,000-strong force" 4000 people, "a 15-member council" 15 members, "a
12-mile zone" 12 miles); "man", "woman" or "person" count people only before a
noun of a group (``group_noun``: "a four-man crew"; "a 10-person tent" is a capacity,
no amount). A bare "one" is a count when "new", "additional", "extra"
or "further" follows it or its noun is a rate ("one new case every day").

Fractions divide ("two-thirds" 0.667, "one half" 0.5, "a quarter of a million" 250000);
vague plurals joined by "of" multiply ("hundreds of billions of dollars" 2e11 at least);
a country's pound or dinar is its own currency ("Syrian pounds" SYP), a bare "pounds" only
money when tagged so; a unit abbreviation written onto the number is the unit ("12in",
"50ft"); a number followed by "dead", "injured"... counts people ("left 25 dead"); "N
others" with no earlier count are people; one side of a score is no amount ("defeated
123-295"); a range cut at its dash by the tagger is joined ("60-70 deserters"), and a low
end spoken without the high end's zeros takes them ("3 to 4,000", "5-600 refugees").

One amount written in two units across a slash is two amounts ("504,000 gallons/1.9
million liters"; a decimal point the tokenizer set apart, "1 .9", is read); a second figure
after a word of something else or after "and" is never added to the first ("18,000 foot
depth below 5000 foot" 18000, "840,000 and 1.7 million" 840000; "two hundred and fifty" is
250); a measure between the number and its noun is the unit ("a 1.5 litre bottle": litres;
"22 member states" still states); "# 1 Oil" numbers an item, no pounds; "half a world away",
"half measures", "half way", "fifty-fifty" are set phrases. "N more <noun>" counts the noun
("28 more people"). Nor are amounts: a number inside a proper name, after a proper noun and
before a singular noun ("a Mig 21 fighter", "the al-Mezze 86 district", "the STOXX Europe 600
Oil and Gas index"), "2" and "4" of text speak ("went 2 vote"), "1600 local time" and the
clock time opening a live page's entry ("2144 Veteran anchor ..."), nor a number before a
singular common noun that is no group or measure ("residents of 86 district", "a two star
general", "a 3,500 boost": a count names a plural); "nine million population" counts people,
"a 7.0 earthquake" is a magnitude. A tally put at a number gives its unit ("put the number
of civilian dead at 9,183": people killed; "a number of" is no tally). "from X to Y" after a
verb of change is the old size and the new one, two amounts with the changed noun ("reduce
the observers from 500 to 40", "grew from 2,000 to 5,000"), not a range ("ranged from").
"about" the parser reads as a preposition after a noun or adjective is no hedge
("interviewed witnesses about two bombings"; "a bullet about nine feet long" keeps it);
"half a leg", "half the country" count the noun. "N or so" is hedged "about"; "multi-million"
is millions, at least two. A name (organisation, person, title) after the number is not its
unit: the noun after the name is ("Four New York Times journalists", "Seventeen United Nations
staff"), else the unit is unstated and the number not stored ("kill 40 Associated Press :",
"28 Earls Court Rd").
One number before plural nouns joined by "and"/"or" counts them all ("nine towns and cities",
"dozens of men, women and children"; not "five planes and two helicopters"). Of two hedges
the one next to the number is kept ("only about two feet": about; "just over 1,000": more
than); "30 of whom" takes the unit of the count "whom" stands for. The parts of scientific
notation ("1.96 * 10 ** 22 Joules", "^ 2") and "two peas" (in a pod) count nothing.

A proportion written "<n> in <m>" ("one in five asylum seekers", "nearly 1 in every 4",
"one out of every five homes") is one amount, not a count of the m: ``value`` n/m (0.2),
``unit`` "proportion", with its hedge; "one in 100 years" (a rate) is none. Neither are
"the two of you", "the three of us" (a reference, as "the other two"; kept when killed,
hurt, displaced or arrested), the number of a military unit or a street ("16 Squadron",
"116 Provost Company", "29 Ferris Road": capitalised words ending in a ``numbered_name`` of
the lexicon), a number after a ``numbered_noun`` ("resolution 687", "paragraph 4": it
names one thing), an age after a person's name ("Sergeant Paul Jones , 33 -"), opening a
sentence ("At 22 , ...") or after "aged" with a hedge or "as young as", or "half" before a
preposition ("only half in jest"). A plural name after a count is its unit ("Six Royal Military Policemen"). "up to"
is the value reached, no hedge, after a verb of change ("went up to 9 %", "pushed the price
... up to $ 4"), after "the way", or after a ``level_noun`` that "with" introduces ("with
the official rate up to 11 %"); "can carry up to 50 people" keeps it. "a family of five",
"an audience of 50 million" count people, "a mother of six" children (``count_noun``s).
A bare number takes the plural noun after adjectives the parser left loose ("several dozen
armed and masked fighters"), the plural subject of "total" or "number" ("deaths ...
totalled 895"), or "times" after it ("10 times higher": a factor). "about" before a vague
plural is a preposition ("read about scores of Iraqis"). An entity tagged as money with no
currency sign or word is a count ("a toll of 40,000 to 60,000"); "A$", "C$" are
Australian and Canadian dollars. A bare "tens" not followed by "of" is elliptical, no
amount; "the stranded" are displaced. The injured, displaced or arrested after a death toll
are people, not deaths.

A fraction of a whole is a share: "a third of the dead", "half the country", "nearly one-fifth
of the province" have ``unit`` "proportion" (as "one in five" has) and no casualty kind; a
fraction of a measure keeps it ("half a mile", "half a megaton"), and a fraction before its
scale is one number ("more than half a million gallons", "a quarter of a million", "a million
and a half"). Nor are amounts: a day before a month written in capitals ("19 JANUARY"), a "#"
that numbers an item or a comment ("Roundup # 31", "Re # 25", "# 24 : ..."), a number before a
``size_noun`` ("a 100 bed hospital", "two storey buildings"; "39 rig blowouts" counts the
blowouts), a bare zero ("start from below zero"), a person's age after "be" or "turn" ("when he
was nine"). A range the tagger cut is joined ("8 million" "to 9 million gallons", "only 10 to"
"15 percent"), and one tagged as a quantity with no measure in it is a count ("the death toll
was thought to lie between 20,000 and 30,000": deaths). "17 of its staff" counts staff; "boost
troop numbers by 2,000" troops; "a town of 1,500" people (``settlement``); "from 1,000 to 5,000
barrels" gives both barrels; a decimal below ten is a quake's magnitude ("the quake measured
7.0", "aftershocks of 5.9 and 5.5"); "N pounds of" a thing that is no money is a weight; "17
degrees below zero" is -17 degrees; "per cent" left out of the entity is percent.

Nor are amounts: a step of a graded scale (a ``scale_noun`` of the lexicon: "raised the alert
level to six", "the threat level was lowered to three", "moved to phase five out of a possible
six", "a category 4 storm"; "raised the number of troops to 300" stays a count), and a number
the tagger cut at "to" before a duration ("an estimated four to" "six months"), a time span
as "2 to 3 weeks" is.

Hedges written around the number are its qualifier: "a little over", "slightly more than",
"larger than" (more than), "a maximum of" (up to), "a minimum of" (at least), "just shy of"
(nearly), "in the region of", "perhaps", "maybe", "possibly" (about; a vague plural keeps "at
least"), "140 characters or less" (up to), and a number a verb of passing goes beyond ("the
toll topped 1,000", "could exceed $ 500m", "cases passed 300": more than; "passed two laws"
counts the laws); "handing over 100,000 tablets" is a verb's particle, no hedge. "more than
the 40 percent who ..." compares with a figure: no hedge. A
figure falling "from 176 to 101" is an old value and a new one, two amounts, as after a verb of
change ("updated its estimate from 1,000 to 5,000 barrels": both barrels); a range is written
low to high. Nor are amounts: "cents" rendering a list bullet ("cases pass 200 cents Schools
shut": 200, no money), a step named after a scale noun ("to phase five from four", "the highest
level , six ,"), a school year group ("year 9 pupils"), "a word or two", "hitting four
figures", and a live page's time stamp opening a sentence ("2043 :"). "23m barrels" is 23
million once (the tokenised "4.9 m barrels" rule only where the "m" is outside the number);
"sq miles" is square miles.

A rate names the time it is counted over in ``per`` ("80,000 barrels a day" per "day",
"$ 3.5 million per week", "40 % a year"; not "a year ago", "a day later", "a day or two"). A
money range glued at its dash keeps both ends and its scale ("$ 400-600m", "£2bn-£3bn",
"$ 15-23 billion"); a glued "m" before a plural noun, perhaps after one adjective, is millions
("50m people", "2m secret emails"; "200m high", "a 50m pipe" are metres). A bare count before
"who" counts what an earlier count of its sentence counts, else people ("the 22,000 who took
part"). A bare number after a person's noun and "of", with no noun or adjective after it, is
an age ("a girl of 16 who"; "children of 17 different nationalities" count). "within" is
up to ("within one metre"), a "+" after a number at least ("100 + tanks"), and a vague number
word keeps its "at least" over "only" ("only a few hundred cases").

A bare count is people where its verb says so (the ``human_verb`` rows of the lexicon): the
subject of a verb whose doer is people ("more than 18,000 crossed the border", "thousands
spent the night outside", "millions turned out", "300 are missing"), the subject of a passive
or the object of a verb whose patient is people ("600 were infected", "the plant employs
2,000", "deported a dozen"), or such a participle's subject ("hundreds living in tents"); an
earlier count of its sentence still gives its unit first, as before "who". A count done "to
death" is of the killed ("hundreds were crushed to death"; not "sentenced to death"), one "left
homeless" of the displaced, "a mob of 500" people. A unit abbreviation the parser left loose is
the unit ("1,500 ft", "about 1 per cent", "300m high", "50m by 200m"; a bracketed "m" is metres
after feet, miles after km: "15km (10m)"). The plural subject of a passing verb or of "stand
at" gives the unit ("as cases pass 300", "confirmed infections stand at 4,100"), and a toll
whose cause names a number still gives deaths ("the toll of the 6.1-magnitude tremor rose
to 900").

Record: text, start, end, sentence, value, unit (always stated), qualifier, kind; low and
high for ranges; per for rates.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from dateline.data import read_rows
from dateline.extract import Context, doc_text, extractor

LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
_NUM = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_NUM_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(m|bn|b|k|tn)$", re.I)
_NOT_COUNT = re.compile(r"\d[:/]\d|\d-\d")
_PERCENT_WORDS = {"percent", "per cent", "%", "pct", "percentage"}


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    """The amounts lexicon as ``{kind: {word: value}}`` (see the data file header)."""
    out: dict[str, dict[str, str]] = {}
    for kind, word, value in read_rows("amounts_lexicon.tsv"):
        out.setdefault(kind, {})[word] = value
    return out


@functools.lru_cache(maxsize=1)
def _qualifier_re() -> re.Pattern[str]:
    """Qualifiers, longest first, anchored at the end of the text before an amount
    (a currency sign may stand between: "below $ 3")."""
    words = sorted(lexicon()["qualifier"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\s+(?:[$\u00a3\u20ac#]\s*)?$", re.I)


@functools.lru_cache(maxsize=1)
def _qualifier_start_re() -> re.Pattern[str]:
    """Qualifiers at the start of an entity's text ("More than 3 million")."""
    words = sorted(lexicon()["qualifier"], key=len, reverse=True)
    return re.compile(r"^(" + "|".join(re.escape(w) for w in words) + r")\s+", re.I)


@functools.lru_cache(maxsize=1)
def _vague_re() -> re.Pattern[str]:
    """Vague amounts ("tens of thousands", "hundreds") as whole words."""
    words = sorted(lexicon()["vague"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def parse_value(words: list[str]) -> float | None:
    """The number written by ``words`` ("3", "million" -> 3e6; "a", "dozen" -> 12;
    "twenty-five" -> 25; "2.5bn" -> 2.5e9); ``None`` if they write no number."""
    lex = lexicon()
    numbers, scales = lex["number"], lex["scale"]
    fractions = lex.get("fraction", {})
    total = 0.0
    current: float | None = None
    seen = False
    after_digits = False
    after_number = False   # the word before was a number's own word ("two" in "two thirds")
    after_article = False   # the word before was "a" or "an" ("a quarter")
    other_word = False   # a word that is no part of a number came after a figure
    after_big_scale = False   # the word before was "thousand", "million"...
    prev_w = ""
    and_after_scale = 0.0   # "a million and": the scale a fraction after it takes a part of ("a million and a half")
    for raw in words:
        w = raw.lower().strip(",")
        if w.endswith(".") and w[:-1].isalpha():
            w = w[:-1]   # "m." closing a sentence
        if w == "-" and after_number:
            continue   # "three - quarters": a hyphen written apart
        if w in fractions and and_after_scale and not after_number:
            total += and_after_scale / float(fractions[w])   # "a million and a half": 1.5 million, not a million and 0.5
            and_after_scale = 0.0
            continue
        if w in fractions and after_number and current is not None:
            current /= float(fractions[w])   # "one half", "three quarters": a fraction, not a sum
            after_number = after_digits = False
            continue
        if w in fractions and w not in numbers and after_article:
            current = (current or 0) + 1 / float(fractions[w])   # "a quarter of a million"
            seen, after_number, after_digits, after_article = True, False, False, False
            continue
        after_article = w in ("a", "an")
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in numbers and parts[1] in fractions and parts[0] not in ("a", "an"):
            current = (current or 0) + float(numbers[parts[0]]) / float(fractions[parts[1]])   # "two-thirds"
            seen, after_number, after_digits = True, False, False
            continue
        after_number = bool(_NUM.match(w)) or (w in numbers and w not in ("a", "an", "half"))
        if w == "and" and (after_digits or after_big_scale):
            other_word = True   # "840,000 and 1.7 million", "3.2 million and 6.4 million": two figures, never one sum
        if w == "and" and after_big_scale:
            and_after_scale = float(scales[prev_w])
        elif w not in ("a", "an"):
            and_after_scale = 0.0
        after_big_scale = w in scales and len(w) > 2 and float(scales[w]) >= 1000
        prev_w = w
        if not w or w in ("and", "of"):
            continue
        if seen and w in ("or", "to", "nor"):
            break   # "10 billion or 100 billion": alternatives, never one number's parts
        if after_digits and (w in numbers or "-" in w) and w not in ("a", "an"):
            break   # "300 eight-person tents": a figure then another number's word
        m = _NUM_SUFFIX.match(w)
        if after_digits and w in ("m", "bn", "mn", "tn") and current is not None:
            total += current * float(scales[w])   # "371" "m": a tokenised "371m"
            current, after_digits = None, False
            continue
        if after_digits and re.fullmatch(r"\.\d+", w) and current is not None:
            current += float(w)   # "1 .9 million": a decimal point the tokenizer set apart
            continue
        after_digits = _NUM.match(w) is not None
        if after_digits and other_word:
            break   # "18,000 foot depth below 5000 foot": a second figure, not a part of the first
        if _NUM.match(w):
            current = (current or 0) + float(w.replace(",", ""))
            seen = True
        elif m:
            current = (current or 0) + float(m.group(1)) * float(scales.get(m.group(2).lower(), "1000"))
            seen = True
        elif "-" in w and all(p in numbers for p in w.split("-")):
            current = (current or 0) + sum(float(numbers[p]) for p in w.split("-"))
            seen = True
        elif w == "dozen":
            current = (current if current is not None else 1) * 12
            seen = True
        elif w in numbers and w not in ("a", "an"):
            current = (current or 0) + float(numbers[w])
            seen = True
        elif w in ("a", "an"):
            pass   # "a dozen", "a million": the scale word counts one; "a full 60" is 60
        elif w in scales and len(w) > 2:
            scale = float(scales[w])
            current = (current if current is not None else 1) * scale
            if scale >= 1000:
                total += current
                current = None
            seen = True
        elif seen:
            other_word = True
    if not seen:
        return None
    return total + (current or 0)


@functools.lru_cache(maxsize=1)
def _plural_scale() -> dict[str, float]:
    """Vague plurals as the scales they multiply ("hundreds" of "billions"): the
    lexicon's one-word ``vague`` rows, whose value is the smallest the plural implies,
    twice its scale ("hundreds" 200: a scale of 100). The lexicon is the one source."""
    return {w: float(v) / 2 for w, v in lexicon()["vague"].items() if " " not in w}


@functools.lru_cache(maxsize=1)
def _vague_chain_re() -> re.Pattern[str]:
    """Two or more vague plurals joined by "of" ("hundreds of billions")."""
    words = "|".join(sorted(_plural_scale(), key=len, reverse=True))
    return re.compile(r"^(?:(?:" + words + r")\s+of\s+)+(?:" + words + r")\b", re.I)


def _vague_chain(text: str) -> tuple[float, int] | None:
    """The smallest value of vague plurals joined by "of" at the start of ``text``
    ("hundreds of billions" 2e11, "tens of millions" 2e7: twice the product of their
    scales, as "hundreds" is 200) and where the chain ends; ``None`` for fewer than two."""
    m = _vague_chain_re().match(text)
    if m is None:
        return None
    scales = _plural_scale()
    words = [w for w in m.group(0).lower().split() if w in scales]
    value = 2.0
    for w in words:
        value *= scales[w]
    return value, m.end()


#: What joins the two ends of a range: "to", a dash between digits, "and" after "between".
_RANGE_TO = re.compile(r"\s+to\s+|(?:(?<=\d)|(?<=\dm)|(?<=\dbn)|(?<=\dmn))\s*[-\u2013\u2014]\s*(?=[$\u20ac\u00a3#]?\s?\d)", re.I)
_RANGE_AND = re.compile(r"\s+and\s+", re.I)
_RANGE_OPEN = re.compile(r"^(between|from)\s+", re.I)
_RANGE_BEFORE = re.compile(r"\b(between|from)\s+$", re.I)
#: Text between two number entities that makes them one range ("15 to 20 kilometres").
_RANGE_GAP = re.compile(r"^\s*(?:to|[-\u2013\u2014])\s*$", re.I)


def _side_words(side: str) -> list[str]:
    """The words of one end of a range, currency signs and punctuation dropped."""
    return [w.strip(",.") for w in re.findall(r"[\w.,-]+", side) if w.strip(",.")]


def _scale_of(words: list[str]) -> float | None:
    """The largest scale word in ``words`` ("billion", "2.5bn"), if any."""
    scales = lexicon()["scale"]
    found = [float(scales[w.lower()]) for w in words if len(w) > 2 and w.lower() in scales]
    for w in words:
        m = _NUM_SUFFIX.match(w)
        if m:
            found.append(float(scales.get(m.group(2).lower(), "1000")))
    return max(found) if found else None


def _range(body: str, before: str) -> tuple[float, float] | None:
    """The low and high ends of a range written as ``body`` ("15 to 20 kilometres",
    "$20 billion to $70 billion", "20 to 70 billion dollars", "10-15", "between 300
    and 400", with ``before`` the text just before it, where "between" or "from" may
    stand); ``None`` when ``body`` is not a range.

    A scale written only on the high end applies to the low end when the low end
    then stays at most the high end ("20 to 70 billion": 2e10 and 7e10; "500 to
    2 million": 500 and 2e6). "from 5,000 to 2,000" (a fall) gives (2000, 5000).
    """
    b = body.strip()
    m = _RANGE_OPEN.match(b)
    opener = m.group(1).lower() if m else None
    if m:
        b = b[m.end():]
    else:
        mb = _RANGE_BEFORE.search(before)
        opener = mb.group(1).lower() if mb else None
    joins = list(_RANGE_TO.finditer(b)) + [j for j in re.finditer(r"\s+or\s+", b)
                                           if _or_range(b[:j.start()], b[j.end():])]
    if opener == "between":
        joins += list(_RANGE_AND.finditer(b))
    for j in joins:
        low_w, high_w = _side_words(b[:j.start()]), _side_words(b[j.end():])
        low, high = parse_value(low_w), parse_value(high_w)
        if low is None or high is None:
            continue
        scale = _scale_of(high_w)
        if scale is not None and _scale_of(low_w) is None and low * scale <= high:
            low *= scale
        elif scale is None and low < high:
            low = _shared_zeros(low_w, high_w, low, high)
        return (min(low, high), max(low, high))
    return None


def _shared_zeros(low_w: list[str], high_w: list[str], low: float, high: float) -> float:
    """The low end of a range spoken with the high end's zeros left off ("5-600" is 500
    to 600, "3 to 4,000" 3,000 to 4,000): a one- or two-digit low end, a high end that
    ends in as many zeros as it has more digits, and ends then close (high below twice
    low); else ``low`` unchanged ("2 to 500" stays)."""
    if len(low_w) != 1 or len(high_w) < 1 or not low_w[0].isdigit() or len(low_w[0]) > 2:
        return low
    digits = high_w[0].replace(",", "")
    if not digits.isdigit():
        return low
    extra = len(digits) - len(low_w[0])
    if extra < 2 or not digits.endswith("0" * extra):
        return low
    scaled = low * 10 ** extra
    return scaled if scaled < high < 2 * scaled else low


def _number_root(ent: Span) -> Token:
    """The rightmost token of ``ent`` whose head lies outside it (the number's
    syntactic head; "an estimated 10,000" -> "10,000")."""
    outside = [t for t in ent if not (ent.start <= t.head.i < ent.end) or t.head == t]
    root = outside[-1] if outside else ent.root
    if root.pos_ in ("ADP", "ADV") and not _numberish(root):
        # "about scores of Iraqis" tagged as one entity, "about" a preposition: the number is its object
        nums = [t for t in ent if t.head == root and _numberish(t)] \
            or [t for t in ent if t.i > root.i and _numberish(t) and not _numberish(t.head)]
        if nums:
            return nums[-1]   # "up to 200 of its staff": "200" hangs on "to", not on "up"
    if root.pos_ in ("NOUN", "PROPN") and not _numberish(root):
        # "about 500 mortars" tagged as one entity: the number is the one on the noun
        nums = [t for t in ent if t.i < root.i and (t.head == root or t.head == root.head) and _numberish(t)]
        if nums:
            return nums[-1]
    return root


def _numberish(tok: Token) -> bool:
    """Whether ``tok`` writes (part of) a number: digits, a number word, a scale or a vague plural."""
    lex = lexicon()
    w = tok.lower_
    return tok.like_num or w in lex["number"] or w in lex["scale"] or w in lex["vague"] \
        or w in lex.get("fraction", {}) or w in ("dozen", "dozens")


def _hyphen_word(tok: Token) -> str:
    """The word ``tok`` is part of when the tokenizer cut it at hyphens written without
    spaces ("non-Libyans" from "non" or "Libyans"); number parts, in figures or words, are
    left out ("10-year-olds" gives "year-olds", "nine-feet" "feet"). Else the token's own text."""
    doc = tok.doc

    def joined(a: Token, b: Token) -> bool:
        return a.idx + len(a.text) == b.idx and not a.whitespace_

    lo = hi = tok.i
    while lo >= 2 and doc[lo - 1].text == "-" and joined(doc[lo - 2], doc[lo - 1]) \
            and joined(doc[lo - 1], doc[lo]) and doc[lo - 2].is_alpha and not doc[lo - 2].like_num:
        lo -= 2
    while hi + 2 < len(doc) and doc[hi + 1].text == "-" and joined(doc[hi], doc[hi + 1]) \
            and joined(doc[hi + 1], doc[hi + 2]) and doc[hi + 2].is_alpha and not doc[hi + 2].like_num:
        hi += 2
    return doc[lo:hi + 1].text if hi > lo else tok.text


def _unit_noun(root: Token) -> Token | None:
    """The noun a number counts: its head when it modifies a noun, or the object
    of "of" after a vague head ("thousands of clients")."""
    if root.lower_ in lexicon()["vague"] or root.lower_ in ("dozen", "dozens", "hundreds", "thousands", "millions"):
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is None:   # "scores of Iraqis being killed": the parser made "of" open a clause
                    clause = next((g for g in c.children if g.dep_ == "pcomp"), None)
                    obj = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass") and g.i < clause.i
                                and g.i == c.i + 1 + sum(1 for t in g.lefts)), None) if clause is not None else None
                if obj is not None and obj.lower_ in lexicon()["vague"] and obj != root:
                    return _unit_noun(obj)   # "many tens of thousands of refugees": what the thousands count
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
        for c in root.children:
            if c.dep_ == "conj" and c.lower_ == root.lower_:
                return _unit_noun(c)   # "millions and millions of gallons"
    if root.lower_ == "half" and root.dep_ == "predet" and root.head.pos_ == "NOUN" and root.head.i > root.i \
            and root.head.lower_ not in lexicon()["scale"]:
        return root.head   # "lost half a leg"
    doc = root.doc
    if root.lower_ in lexicon().get("fraction", {}) and root.i + 2 < len(doc) and doc[root.i + 1].lower_ in ("a", "an") \
            and doc[root.i + 2].pos_ == "NOUN" and doc[root.i + 2].lower_ not in lexicon()["scale"]:
        return doc[root.i + 2]   # "about half a mile", "half a megaton": what the fraction measures
    if root.dep_ == "quantmod" and root.head.like_num and root.head.i == root.i + 2 \
            and root.doc[root.i + 1].lower_ == "to":
        return _unit_noun(root.head)   # "from 30 to 250 members" cut in two: 30 members
    if root.i + 2 < len(doc) and doc[root.i + 1].lower_ == "more" and (
            doc[root.i + 2].tag_ in ("NNS", "NNPS") and doc[root.i + 2].pos_ == "NOUN" or doc[root.i + 2].lower_ in _STAFF):
        return doc[root.i + 2]   # "at least 28 more people", "two more digits", "dozens more staff"
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.i > root.i \
            and root.head.pos_ in ("NOUN", "PROPN") and not root.head.like_num \
            and not any(t.lower_ in _PLACE_PREPS and t.pos_ == "ADP" and doc[t.i - 1].text != "-"
                        for t in doc[root.i + 1:root.head.i]):
        # (not across a preposition: "9,830 across 40 countries" counts no countries)
        if root.head.pos_ == "PROPN" and root.head.ent_type_ in _NAME_TYPES and root.head.ent_iob_ != "B" \
                and root.doc[root.i + 1].ent_type_ == root.head.ent_type_:
            after = root.head.i + 1
            while after < len(root.doc) and root.doc[after].ent_iob_ == "I":
                after += 1
            noun = root.doc[after] if after < len(root.doc) else None
            if noun is not None and noun.pos_ == "NOUN" and (noun.tag_ == "NNS" or noun.lower_ in _COLLECTIVE):
                return noun   # "Four New York Times journalists", "Seventeen United Nations staff"
            if after == root.head.i + 1 and _plural_name(root.head):
                return root.head   # "Six Royal Military Policemen": the name of a kind of people, plural
            return None   # "clashes kill 40 Associated Press : ...": a name after the count, not what it counts
        return root.head
    if root.dep_ == "conj" and root.head.like_num and root.head != root:
        return _unit_noun(root.head)   # "90 and 72 passengers": 72 counts passengers too
    return None


def _plural_name(tok: Token) -> bool:
    """Whether a capitalised word the tagger took for a singular name is a plural
    ("Policemen", "Marines", "Rangers"): "-men", or "-s" after a letter other than "s", "u" or "i"."""
    w = tok.lower_
    return tok.tag_ in ("NNPS", "NNS") or w.endswith("men") or re.search(r"[^sui]s$", w) is not None


def _coordinated(noun: Token) -> str | None:
    """The counted nouns joined to ``noun`` that the one number counts too ("towns and
    cities", "men , women and children"), as the text writes them; ``None`` when no plural
    noun without a number of its own is joined to it ("planes and two helicopters")."""
    conj = [c for c in noun.conjuncts if c.i > noun.i]
    if not conj or noun.tag_ not in ("NNS", "NNPS") and noun.lower_ not in _COLLECTIVE:
        return None
    last = max(conj, key=lambda c: c.i)
    if last.i - noun.i > 5:
        return None
    first = noun.i - 2 if noun.i >= 2 and noun.doc[noun.i - 1].text == "-" else noun.i   # "take-offs"
    between = noun.doc[first:last.i + 1]
    joined = [t for t in between if t.i >= noun.i]
    if not all(t.pos_ in ("NOUN", "ADJ", "CCONJ", "PUNCT") and t.text not in ("(", ")", ";", ":") for t in joined):
        return None
    if not all((c.tag_ in ("NNS", "NNPS") or c.lower_ in _COLLECTIVE) and c.lemma_.lower() not in lexicon()["casualty"]
               and all(ch.dep_ in ("cc", "punct", "conj") for ch in c.children) for c in conj):
        return None   # "planes and two helicopters", "people and injuries", "ministers and several senators"
    if any(t.lower_ not in ("and", "or", ",") for t in joined if t.pos_ in ("CCONJ", "PUNCT")):
        return None   # "bodies , plus twisted tanks"
    return re.sub(r"\s+,", ",", between.text)


def _bullet(tok: Token) -> bool:
    """Whether ``tok`` is "cents" rendering a list bullet (the text's "•"): a capitalised
    word follows it, or it opens the sentence ("cases pass 200 cents Schools shut")."""
    return tok.lower_ == "cents" and (tok.i == tok.sent.start or tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text[:1].isupper())


def _noun_before(root: Token) -> Token | None:
    """The plural noun a bare number gives the new size of ("raise its monitors to
    300", "the number of refugees rose to 300", "the number of refugees reached 300");
    ``None`` when the sentence does not name one there."""
    head = root.head
    if root.dep_ == "quantmod" and head.like_num and head.i > root.i:
        return _noun_before(head)   # "from 500 to 40": the old size has the noun of the new
    if root.dep_ == "pobj" and head.lower_ in ("to", "from", "by") and head.head.lemma_.lower() in lexicon()["change_verb"]:
        verb = head.head
        objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)] + \
            [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i < head.i]
        # "boost troop numbers by 2,000 , and police numbers by 1,500": the object nearest before the number;
        # "raised to 35 the number of villagers hurt": the object after it
        before = sorted((o for o in objects if o.i < head.i), key=lambda o: -o.i)
        cands = (before[:1] or objects[:1]) + [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not _bullet(c)]
    elif root.dep_ == "dobj" and head.lemma_.lower() == "reach":
        cands = [c for c in head.children if c.dep_ == "nsubj"]   # only "the number of X reached"
    elif root.dep_ == "dobj" and head.lemma_.lower() in _PASS_VERBS:
        cands = [c for c in head.children if c.dep_ == "nsubj"]   # "as UK cases pass 200", "deaths topped 1,000"
    else:
        return None
    for noun in cands[:1]:
        if noun.lemma_.lower() in ("number", "total", "count", "tally"):
            # "the number of refugees rose to 300"; "boost troop numbers by 2,000": the noun on the tally
            return _partitive(noun) or next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1
                                             and c.pos_ == "NOUN" and c.tag_ in ("NN", "NNS")), None)
        if noun.tag_ in ("NNS", "NNPS") and noun.pos_ == "NOUN" and head.lemma_.lower() != "reach" and head.lower_ != "by":
            return noun   # "incomes fell by about 1 per cent": "by" gives the change of a tally only
    return None


def _partitive(root: Token) -> Token | None:
    """The plural noun a bare number takes a part of ("13 of the 15 members",
    "2,000 of its forces", "20 out of 50 villages"); ``None`` for a pronoun ("one of them") or no "of"."""
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "out":   # "20 out of 50 villages"
            c = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"), c)
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in lexicon()["vague"]:
                return _partitive(obj)   # "12,000 of the tens of thousands of nationals"
            if obj is not None and (obj.tag_ in ("NNS", "NNPS") or obj.ent_type_ == "NORP" or _dead_or_hurt(obj)
                                    or obj.lower_ in _STAFF):
                return obj   # "17 of its staff": a group counted by its members
    return None


def _fraction_of(root: Token) -> Token | None:
    """The common noun a fraction takes a part of ("one-fifth of the country", "two-thirds
    of the total"); ``None`` for a pronoun or a name ("half of them", "half of Aleppo")."""
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "NOUN":
                return obj
    return None


def _size_of(root: Token) -> str | None:
    """The unit of a bare number that is the object of a verb giving the size of a
    count noun its subject ("the population numbers 6,000", "a population which
    totals 4,500", "the population of the island, which numbers 6,000", "the crowd stood at 2,000"), from the count noun's value; else ``None``."""
    lex = lexicon()
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "at":
        verb = verb.head   # "stands at 6,000"
    elif root.dep_ not in ("dobj", "attr"):
        return None
    if verb.lemma_.lower() not in lex.get("size_verb", {}):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
        subj = verb.head   # "the population, which numbers ..."
    if subj is None:
        return None
    if subj.dep_ == "pobj" and subj.head.lower_ == "of" and subj.lemma_.lower() not in lex["count_noun"]:
        subj = subj.head.head   # "the population of the island, which numbers ..."
    if subj.tag_ == "NNS" and subj.pos_ == "NOUN" and verb.lemma_.lower() in ("number", "total", "stand"):
        return _hyphen_word(subj)   # "deaths among the police totalled 895", "confirmed cases stand at 4,300"
    return lex["count_noun"].get(subj.lemma_.lower())


def _noun_past_adjectives(span: Span) -> Token | None:
    """The plural noun a bare number counts across adjectives the parser did not hang on
    it ("several dozen armed and masked fighters"): up to five adjectives or participles
    and "and", "or" or commas between them, at least one adjective, then a plural common
    noun with no number of its own; else ``None``."""
    doc = span.doc

    def adjective(t: Token) -> bool:   # "armed", "masked" (a past tense only after "and" or "or": not "died")
        return t.pos_ in ("ADJ", "VERB") and (t.tag_ in ("JJ", "VBN") or t.tag_ == "VBD" and t.i > span.end
                                              and doc[t.i - 1].lower_ in ("and", "or"))

    i, adjectives = span.end, 0
    while i < len(doc) and i - span.end < 6 and (adjective(doc[i]) or adjectives
                                                  and doc[i].lower_ in ("and", "or", ",")):
        adjectives += adjective(doc[i])
        i += 1
    if not adjectives or i >= len(doc) or not adjective(doc[i - 1]):
        return None
    noun = doc[i]
    if noun.tag_ != "NNS" or noun.pos_ != "NOUN" or any(c.like_num for c in noun.children):
        return None
    return noun


def _out_of(root: Token) -> Token | None:
    """The counted noun of the figure a bare number is the whole of ("12 hours out of
    24": hours); ``None`` unless "N <noun> out of" stands just before the number."""
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.head.lower_ != "out" or of.head.i < 1:
        return None
    noun = root.doc[of.head.i - 1]
    if noun.tag_ in ("NNS", "NNPS") and any(c.like_num for c in noun.children):
        return noun
    return None


#: Nouns of an earthquake, whose size a decimal number below ten gives ("a 7.0 earthquake").
_QUAKE_NOUNS = {"quake", "earthquake", "tremor", "aftershock", "temblor"}


def _quake_magnitude(root: Token, value: float, after: str) -> bool:
    """Whether a number written with one decimal below ten ("7.0", "5.9") is the magnitude of
    an earthquake: the object or complement of a verb whose subject is a quake ("the quake
    measured 7.0", "Tuesday 's earthquake was 7.0"), after "of" on a quake noun ("two strong
    aftershocks of 5.9 and 5.5"), or before "on the scale" ("reached 7.0 on the scale")."""
    if not (value < 10 and re.fullmatch(r"\d\.\d", root.text)):
        return False
    if re.match(r"\s+on the scale\b", after, re.I):
        return True
    node = root.head if root.dep_ == "conj" and root.head.like_num else root   # "5.9 and 5.5"
    head = node.head
    if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _QUAKE_NOUNS:
        return True
    return node.dep_ in ("dobj", "attr", "oprd", "npadvmod") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _QUAKE_NOUNS for c in head.children)


#: Nouns whose "of" names what a bare number elsewhere in the clause counts ("the number of deaths").
_TALLY_NOUNS = {"number", "numbers", "total", "count", "tally"}


def _number_of(root: Token) -> Token | None:
    """The plural noun of "the number of <noun>" that a bare number further on gives
    the size of, through the clause that holds both: the number's verb takes the tally
    as subject ("the number of refugees boomed by 1,000") or hangs from it ("the number
    of deaths, reported in the hundreds"); ``None`` when no such tally governs it."""
    node = root
    for _ in range(6):
        if node.head == node:
            return None
        node = node.head
        if node.like_num:
            return None
        put = node.lemma_.lower() in _PUT_VERBS   # "put the number of civilian dead at 9,183"
        tally = node if node.lower_ in _TALLY_NOUNS else next(
            (c for c in node.children if (c.dep_ in ("nsubj", "nsubjpass") or put and c.dep_ == "dobj")
             and c.lower_ in _TALLY_NOUNS and c.i < root.i), None)
        if tally is not None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tally.children):
            return None   # "a number of recent disasters": a quantifier, no tally
        if tally is not None:
            noun = _partitive(tally)
            return noun if noun is not None and (noun.pos_ == "NOUN" or _dead_or_hurt(noun)) else None
    return None


#: Verbs that give a tally its size with "at" ("put the number of X at 9,000").
_PUT_VERBS = {"put", "place", "estimate", "set"}


def _dead_or_hurt(tok: Token) -> bool:
    """Whether ``tok`` is an adjective or participle standing for people who were killed,
    hurt, displaced or arrested ("the number of civilian dead", "of the wounded")."""
    return tok.tag_ in ("JJ", "VBN") and tok.lemma_.lower() in lexicon()["casualty"]


#: What stands between a percentage and the adjective that makes it a degree of conviction.
_CERTAINTY_GAP = re.compile(r"^\s*(?:''|\"|'|\u201d|\u2019)?\s*([a-z]+)", re.I)


def _certainty(text: str, end: int) -> bool:
    """Whether the percentage ending at ``end`` qualifies an adjective of conviction
    ("100 % sure", "100 percent '' certain", "100 per cent behind"): a degree, no quantity."""
    m = _CERTAINTY_GAP.match(text[end:end + 20])
    return m is not None and m.group(1).lower() in lexicon().get("certainty", {})


#: Words before a bare number word that make it a reference to things named before.
_ANAPHOR_BEFORE = re.compile(r"\b(?:the|the other|these|those|the last|the first)\s+$", re.I)


def _anaphor(span: Span) -> bool:
    """Whether a bare small number word is a reference to people or things named before
    ("the other two arrived", "the two had met", "the two of you", "the three of us"),
    not a count: "the" (or "the other", "these") before it and no noun after it, or only
    "of" and a personal pronoun."""
    t = span.text.strip().lower()
    if t not in lexicon()["number"] or float(lexicon()["number"][t]) > 10:
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    pronoun = nxt is not None and nxt.lower_ == "of" and span.end + 1 < len(doc) \
        and doc[span.end + 1].lower_ in ("us", "you", "them")
    if nxt is not None and not pronoun and (nxt.lower_ == "of" or nxt.pos_ in ("NOUN", "PROPN", "ADJ")):
        return False
    return _ANAPHOR_BEFORE.search(doc_text(doc)[max(0, span.start_char - 12):span.start_char]
                                  ) is not None


def _in_name(root: Token, ent: Span) -> bool:
    """Whether the number is part of a proper name: "the 13 Colonies" (a capitalised
    noun after "the" and the number, not a people's name) or "the Group of 20" (the
    object of "of" after a capitalised noun inside the sentence)."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i < head.i \
            and head.head.text[:1].isupper() and head.head.pos_ in ("NOUN", "PROPN") \
            and head.head.i > root.sent.start:
        return True   # "the Group of 20"
    doc = root.doc
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].text[:1].isupper() \
            and doc[ent.start - 2].pos_ in ("NOUN", "PROPN") and doc[ent.start - 2].i > root.sent.start \
            and doc[ent.start - 2].ent_type_ not in ("GPE", "LOC", "NORP") and ent.text[:1].isdigit():
        return True   # "the Group of 8 foreign ministers": the name before its noun
    noun = _unit_noun(root)
    if noun is None or noun.i < ent.end or ent.start == 0 or doc[ent.start - 1].lower_ != "the":
        return False
    between = doc[ent.end:noun.i + 1]
    return all(t.text[:1].isupper() and not t.text.isupper() for t in between) \
        and noun.ent_type_ != "NORP" and not any(t.ent_type_ == "NORP" for t in between)


#: Prepositions whose object is where or in what something happened, not who; between a
#: number and a noun they end what the number counts ("9,830 across 40 countries").
_PLACE_PREPS = {"in", "at", "on", "near", "inside", "outside", "across", "into", "within"}


#: Verbs whose "to death" is a penalty or a manner of speaking, no death ("sentenced to death").
_NOT_DEATH = {"sentence", "condemn", "threaten", "scare", "bore", "frighten", "sue", "vote"}


def _to_death(verb: Token) -> bool:
    """Whether ``verb`` is done "to death" ("crushed to death", "burned to death"), and so kills."""
    return verb.lemma_.lower() not in _NOT_DEATH and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.lower_ == "death" for g in c.children)
        for c in verb.children)


def _casualty(noun: Token) -> str | None:
    """Whether the counted ``noun`` (or the number itself) was killed, injured,
    displaced or arrested, read from the verb governing it or a participle on it."""
    cas = lexicon()["casualty"]
    intransitive = lexicon().get("casualty_intransitive", {})
    for c in noun.children:
        if c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in cas:
            return cas[c.lemma_.lower()]
        if c.dep_ == "acl" and _to_death(c):
            return "killed"   # "the 800,000 hacked to death"
        if c.dep_ == "acl":   # "with thousands left homeless": the participle's complement
            for g in c.children:
                w = g.lemma_.lower()
                if g.dep_ in ("oprd", "acomp") and w in cas and (w in intransitive or g.tag_ == "VBN"):
                    return cas[w]
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ == "nsubj" and lemma in cas and lemma not in intransitive \
            and any(c.dep_ == "dobj" for c in head.children):
        return None   # "two blasts killed 28 people": the subject did the killing
    if noun.dep_ in ("nsubjpass", "dobj", "nsubj", "attr", "conj") and lemma in cas:
        if noun.dep_ == "conj":
            return _casualty(head) if head != noun else None
        return cas[lemma]
    if noun.dep_ in ("nsubj", "nsubjpass") and _to_death(head):
        return "killed"   # "hundreds were crushed to death", "two froze to death"
    if noun.dep_ in ("nsubj", "nsubjpass"):
        # "one rebel was dead", "dozens were reported killed"
        for c in head.children:
            w = c.lemma_.lower()
            if c.dep_ in ("acomp", "oprd", "xcomp") and w in cas and (w in intransitive or c.tag_ == "VBN"):
                return cas[w]
    if noun.dep_ == "nummod" and head.i == noun.i + 1 and head.pos_ in ("ADJ", "VERB") and lemma in cas:
        return cas[lemma]   # "at least nine dead, 30 wounded": a headline's count of the dead
    if noun.dep_ == "pobj" and head.head.lemma_.lower() in cas and head.lower_ not in _PLACE_PREPS:
        # "the deaths of 30 people", "killed, including 20"; not where ("killed in one house")
        return cas[head.head.lemma_.lower()]
    return None


def _verb_keys(verb: Token) -> set[str]:
    """The ways the lexicon may name ``verb``: its lemma and word, and its lemma with a
    particle ("turn out"), a complement ("fall ill", "take part", "report missing") or a
    preposition and its noun ("take to street", "admit to hospital")."""
    lemma = verb.lemma_.lower()
    keys = {lemma, verb.lower_}
    for c in verb.children:
        if c.dep_ in ("prt", "acomp", "oprd", "xcomp", "dobj", "advmod"):
            keys.add(f"{lemma} {c.lower_}")
        elif c.dep_ == "prep":
            keys.update(f"{lemma} {c.lower_} {g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj")
    return keys


def _human_subject(root: Token) -> bool:
    """Whether the bare number ``root`` counts people because of the verb it depends on (the
    lexicon's ``human_verb`` rows): the subject of a verb whose doer is people ("more than
    18,000 crossed into Tunisia", "thousands spent the night outside", "millions turned out",
    "300 are missing"), the subject of a passive or the object of an active verb whose
    patient is people ("600 were infected", "the plant employs 2,000"), or the subject of
    such a participle ("with hundreds sleeping in the street")."""
    verbs = lexicon().get("human_verb", {})
    verb: Token | None
    if root.dep_ in ("nsubj", "nsubjpass"):
        verb = root.head
        patient = root.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children)
    elif root.dep_ == "dobj":
        verb, patient = root.head, True
    else:
        verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")), None)
        if verb is None:
            return False
        patient = verb.tag_ == "VBN"
    roles = ("patient", "both") if patient else ("agent", "both")
    return any(verbs.get(k) in roles for k in _verb_keys(verb))


def _casualty_of_those(root: Token) -> str | None:
    """The casualty kind of "<number> of those killed" (or "of them" after a casualty
    verb): the number counts the dead, hurt, displaced or arrested it takes a part of."""
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > root.i:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in ("those", "them"):
                return _casualty(obj)
    return None


def _counted_range(t: str, root: Token) -> bool:
    """Whether ``t`` with a dash between digits is a range of something counted
    ("10-15 fighters": low below high and a counted noun), not a score or a time."""
    if re.search(r"\d[:/]\d", t) or _unit_noun(root) is None:
        return False
    bounds = _range(t, "")
    return bounds is not None and bounds[0] < bounds[1] and re.search(r"\d\s*-\s*\d", t) is not None


def _skip(ent: Span, root: Token, text: str) -> bool:
    """Whether a CARDINAL is not a count: year, age, time, score, identifier, pronoun "one"."""
    t = ent.text.strip()
    if _NOT_COUNT.search(t) and not _counted_range(t, root):
        return True
    if (re.match(r"-\d", text[ent.end_char:ent.end_char + 2]) or re.search(r"\d-$", text[max(0, ent.start_char - 2):ent.start_char])) \
            and _unit_noun(root) is None:
        return True   # "defeated 123-295": one side of a score or a vote, the tagger cut at the dash
    if _YEAR.match(t) and ent.label_ == "CARDINAL":
        return True
    after = text[ent.end_char:ent.end_char + 14].lower()
    before = text[max(0, ent.start_char - 22):ent.start_char].lower()
    if re.match(r"[\s-]*years?[\s-]*old|-year-old|\s*,?\s*years of age", after) \
            or re.search(r"\bage[ds]?\s+(?:(?:over|under|about|around|between|from|only|just|nearly|almost|"
                         r"more than|less than)\s+)?$|\bage[ds]?$|\bas\s+(?:young|old)\s+as\s+$", before):
        return True   # "aged over three", "as young as eight"
    if root.dep_ in ("nummod", "appos", "npadvmod", "compound") and root.head.i < root.i \
            and root.head.pos_ in ("NOUN", "PROPN"):
        return True
    if t.lower() == "one" and root.dep_ != "nummod":
        return True
    if _age_of_person(root, ent):
        return True   # "when he was nine", "he turned three in the week of the flood"
    if t.lower() == "tens" and not re.match(r"\s+of\b", text[ent.end_char:ent.end_char + 4]):
        return True   # "tens, even hundreds of thousands": "tens" of what the text says after
    if t.lower().split()[-1:] in (["one"], ["two"]) and root.dep_ == "nummod" \
            and root.head.lemma_.lower() in lexicon().get("idiom", {}):
        return True   # "at one point", "one thing is clear", "on more than one occasion"
    if t.lower() in ("two", "half") and root.dep_ == "pobj" and root.head.lower_ == "in":
        return True   # "split in two", "torn in half"
    if re.search(r"(?:\*\*|\^)\s*$", text[max(0, ent.start_char - 4):ent.start_char]) \
            or re.match(r"\s*(?:\*\*|\^|[*x]\s*10\s*(?:\*\*|\^))", text[ent.end_char:ent.end_char + 10]):
        return True   # "1.96 * 10 ** 22 Joules": scientific notation, its parts count nothing
    if _SET_PHRASE.match(text[ent.start_char:ent.start_char + 24]):
        return True   # "half a world away", "half measures", "fifty-fifty"
    if ent.label_ == "CARDINAL" and any(ch in t for ch in "#№"):
        return True
    if _in_name(root, ent):
        return True   # "the 13 Colonies", "the Group of 20"
    if _unit_number(ent):
        return True   # "16 Squadron", "116 Provost Company", "29 Ferris Road": part of a name
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > root.sent.start else None
    if prev is not None and prev.lower_ in lexicon().get("numbered_noun", {}) and prev.tag_ == "NN" \
            and (re.fullmatch(r"\d+", t) or t.lower() in lexicon()["number"] and t.lower() not in ("a", "an")) \
            and not _YEAR.match(t):
        return True   # "resolution 687", "paragraph 4", "mark 77", "number one priority": a number naming one thing
    if re.fullmatch(r"number\s+(?:\d+|[a-z]+)", t.lower()) and (t.split()[-1].isdigit() or t.split()[-1].lower() in lexicon()["number"]):
        return True   # "number one" tagged as one entity: a rank
    if prev is not None and prev.lower_ == "at" and prev.i == root.sent.start and re.fullmatch(r"\d{1,2}|[a-z-]+", t.lower()) \
            and ent.end < len(doc) and doc[ent.end].text == ",":
        return True   # "At 22 , fresh out of university, he ...": an age
    if prev is not None and prev.text == "," and prev.i > root.sent.start and doc[prev.i - 1].ent_type_ == "PERSON" \
            and re.fullmatch(r"\d{1,3}", t) and int(t) < 120 \
            and (ent.end == len(doc) or doc[ent.end].text in (",", "-", ".", ";", ")", "-RRB-", "and")):
        return True   # "Sergeant Paul Jones , 33 - ...": a person's age
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if prev is not None and prev.tag_ == "NNP" and prev.ent_type_ != "NORP" and re.fullmatch(r"\d+", t) \
            and nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ not in ("NNS", "NNPS") \
            and not any(c.lower_ == "'s" for c in prev.children) and nxt.lower_ not in lexicon()["hyphen_unit"] \
            and nxt.lower_ not in lexicon().get("unit_abbrev", {}) and nxt.lower_ not in _PERCENT_WORDS:
        return True   # "a Mig 21 fighter", "the al-Mezze 86 district", "the STOXX Europe 600 Oil and Gas index"
    if t in ("2", "4") and nxt is not None and (nxt.tag_ == "VB" or prev is not None and prev.pos_ == "VERB"
                                                  and nxt.tag_ == "NN" and nxt.lower_ not in _PERCENT_WORDS
                                                  and nxt.lower_ not in lexicon()["hyphen_unit"]):
        return True   # "went 2 vote", "4 drop off": "to" and "for" in text speak
    if ent.start == root.sent.start and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", t) and nxt is not None \
            and nxt.text[:1].isupper():
        return True   # "2144 Veteran NBC anchor ...": the clock time of a live page's entry
    if _CLOCK_OR_DATE.match(text[ent.end_char:ent.end_char + 12]):
        return True   # "12.22 GMT", "11 Jun"
    if _scale_position(root, ent, text):
        return True   # "raised the alert level to six", "out of a possible six": a step of a scale
    if prev is not None and prev.lower_ == "year" and _small_number(t, 13) and not (
            prev.i > 0 and doc[prev.i - 1].lower_ in _YEAR_DETERMINERS):
        return True   # "year 9 pupils", "year seven students": a school year group, no count
    if t.lower() in ("two", "three") and re.search(r"\b(?:a|an)\s+[a-z]+\s+or\s+$", text[max(0, ent.start_char - 24):ent.start_char], re.I):
        return True   # "a word or two", "a day or two": a set phrase of vagueness, no count
    if nxt is not None and nxt.lower_ == "figures" and t.lower() in lexicon()["number"] and _small_number(t, 10) \
            and nxt.dep_ in ("dobj", "pobj", "attr"):
        return True   # "hitting four figures": a number of digits, an idiom of size
    return _compound_modifier(ent, text) or _list_number(ent, root, text) or _rank_or_code(ent)


#: Words before "year" that make it a time ("each year 9 people", "last year 12 ships"), not a school year group.
_YEAR_DETERMINERS = {"each", "every", "last", "this", "next", "per", "a", "an", "one", "that", "same", "previous",
                     "following", "whole", "entire", "first", "fiscal", "financial", "calendar", "academic", "school"}


def _small_number(t: str, top: int) -> bool:
    """Whether ``t`` is a whole number from 1 to ``top``, in digits or a number word."""
    w = t.lower()
    v = float(w) if w.isdigit() else float(lexicon()["number"][w]) if w in lexicon()["number"] and w.isalpha() \
        and w not in ("a", "an", "dozen", "couple", "several", "few", "half") else None
    return v is not None and 1 <= v <= top


def _scale_position(root: Token, ent: Span, text: str) -> bool:
    """Whether a bare number names a step of a graded scale (a ``scale_noun`` of the
    lexicon), not an amount: the object of "to", "at" or "from" whose verb has a scale
    noun for object or subject ("raised the alert level to six", "the threat level was
    lowered to three") or whose noun is one ("the alert level at five"), a number right
    after a scale noun ("to phase five", "a category 4 storm"), or the top of a scale
    "out of a possible six". A number with a noun of its own ("raised the
    level to 300 troops") stays an amount."""
    if _unit_noun(root) is not None:
        return False
    scales = lexicon().get("scale_noun", {})
    if re.search(r"\bout\s+of\s+a\s+possible\s+$", text[max(0, ent.start_char - 24):ent.start_char], re.I):
        return True
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in scales:
        return True   # "to phase five" (the parser may read "phase" as a verb), "category 4"
    words = "|".join(re.escape(w) for w in scales)
    before = text[max(0, ent.start_char - 40):ent.start_char]
    if re.search(r"\b(?:" + words + r")\s+(?:\d+|[a-z]+)\s+from\s+$", before, re.I):
        return True   # "to phase four from three": the step it was at before
    if re.search(r"\b(?:" + words + r")\s*,\s*$", before, re.I) and re.match(r"\s*(?:,|\.|;|--|$)", text[ent.end_char:ent.end_char + 3]):
        return True   # "the highest level , six , ...": the step named again, in apposition
    if root.dep_ != "pobj" or root.head.lower_ not in ("to", "at", "from"):
        return False
    head = root.head.head
    if head.pos_ == "NOUN":
        return head.lemma_.lower() in scales
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if re.match(r"\s*-?\s*(?:fold|times)\b", text[ent.end_char:ent.end_char + 10], re.I):
        return False   # "levels jumped 2 to 3 fold": a factor
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.tag_ == "NN" and c.lemma_.lower() in scales
               for c in head.children)


#: Nouns of persons whose "of" and a bare number give an age ("a girl of 16").
_AGED = {"girl", "boy", "man", "woman", "child", "teenager", "son", "daughter", "baby", "pupil", "student",
         "patient"}


def _age_of_person(root: Token, ent: Span) -> bool:
    """Whether a bare number (a word or up to two digits) is a person's age: after a person's
    noun and "of" with no noun after it ("a girl of 16"; "a mother of three" counts children),
    or the complement of "be" or "turn" whose subject is "he", "she", "I" or a person's name,
    with no noun after it ("when he was nine", "he turned three in the week of the flood";
    not "he was 40 minutes late")."""
    t = ent.text.strip().lower()
    if (re.fullmatch(r"\d{1,2}", t) or t in lexicon()["number"]) and ent.start >= 2 \
            and ent.doc[ent.start - 1].lower_ == "of" and ent.doc[ent.start - 2].lemma_.lower() in _AGED \
            and (ent.end >= len(ent.doc) or ent.doc[ent.end].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
        return True   # "a girl of 16 who flew home", "a man of 45": an age
    if root.dep_ not in ("attr", "dobj", "acomp", "oprd") or root.head.lemma_.lower() not in ("be", "turn") \
            or not (re.fullmatch(r"\d{1,2}", t) or t in lexicon()["number"]):
        return False
    if not any(c.dep_ == "nsubj" and (c.lower_ in ("he", "she", "i") or c.ent_type_ == "PERSON") for c in root.head.children):
        return False
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is None or nxt.pos_ in ("PUNCT", "ADP", "CCONJ", "SCONJ", "ADV") and nxt.lower_ != "of"


#: Brackets the text may hold between a unit's number and its name ("33 (EOD) Engineer Regiment").
_NAME_BRACKETS = {"(": ")", "-LRB-": "-RRB-"}


def _unit_number(ent: Span) -> bool:
    """Whether a number in figures opens a name, of a military or other unit or of a
    street: capitalised words after it (an acronym in brackets may stand between) that
    end in a ``numbered_name`` noun of the lexicon ("16 Squadron", "116 Provost Company",
    "33 (EOD) Engineer Regiment", "29 Ferris Road"); "40 Royal Marines" stays a count."""
    if not re.fullmatch(r"\d{1,4}", ent.text.strip()):
        return False
    doc = ent.doc
    i = ent.end
    if i < len(doc) and doc[i].text in _NAME_BRACKETS:
        close = next((j for j in range(i + 1, min(len(doc), i + 5)) if doc[j].text == _NAME_BRACKETS[doc[i].text]), None)
        if close is None:
            return False
        i = close + 1
    last = None
    while i < len(doc) and i - ent.end < 8 and doc[i].is_alpha and doc[i].text[:1].isupper() \
            and not _numberish(doc[i]):
        last = doc[i]
        i += 1
    return last is not None and last.lower_ in lexicon().get("numbered_name", {})


#: Set phrases that open with a number word and count nothing.
_SET_PHRASE = re.compile(r"(?:half\s+(?:a\s+world|way|measures?|hearted|the\s+battle|the\s+time)|fifty\s*-\s*fifty)\b",
                         re.I)


#: What follows a number that is a clock time or a day of a month.
_CLOCK_OR_DATE = re.compile(r"\s*(?:local\s+time\b|B\.?C\.?E?\b|A\.?D\.?\b|GMT|BST|UTC|CET|[ECMP][SD]?T|[ap]\.?m\b\.?|(?:January|February|March|April|"
                            r"May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|"
                            r"Aug|Sept?|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|"
                            r"OCTOBER|NOVEMBER|DECEMBER)\b)")


def _compound_modifier(ent: Span, text: str) -> bool:
    """Whether the number is joined by a hyphen to a word into a modifier ("a six-point
    plan", "a three-piece band", "a 10-year census"): it describes, it counts nothing."""
    numbers = lexicon()["number"]
    joined = _hyphened(ent, text)
    if joined in ("man", "woman", "person"):
        return not _group_after(ent, joined)   # "a 10-person tent": a capacity
    return joined is not None and joined not in numbers and joined not in lexicon()["hyphen_unit"] \
        and not (joined in lexicon()["scale"] and len(joined) > 2) \
        and not re.match(r"(third|fourth|fifth|quarter|half|halve)s?$|\w+ths$", joined)


def _group_after(ent: Span, joined: str) -> bool:
    """Whether the word ``joined`` hyphened to the number ("man", "person") modifies a
    noun of a group of people ("a four-man crew", "a 20-person reconnaissance team"),
    so that the number counts them."""
    doc = ent.doc
    tok = next((t for t in doc[ent.start:min(len(doc), ent.end + 3)] if t.lower_ == joined), None)
    if tok is None:
        return False
    noun = tok.head
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun.i > tok.i and noun.lemma_.lower() in lexicon().get("group_noun", {})


def _hyphened(ent: Span, text: str) -> str | None:
    """The word hyphened to the end of the number ("six-point" -> "point"), if any."""
    joined = re.search(r"-([a-z]+)$", ent.text) or re.match(r"-([a-z]+)\b", text[ent.end_char:ent.end_char + 20])
    return joined.group(1) if joined else None


def _list_number(ent: Span, root: Token, text: str) -> bool:
    """Whether a bare small number closing a sentence after a word is the number of the
    next item of a list ("... protect civilians 3. Release the detainees"; "1) Impose")."""
    t = ent.text.strip()
    if not t.isdigit() or int(t) > 50 or _unit_noun(root) is not None:
        return False
    if ent.start == 0:
        return False
    if re.match(r"\)", text[ent.end_char:ent.end_char + 1]):
        return True   # "1) Impose a no-fly zone", "(2) the average age"
    if not re.match(r"\s*\.(\s|$)", text[ent.end_char:ent.end_char + 3]):
        return False
    prev = ent.doc[ent.start - 1]
    return prev.pos_ in ("NOUN", "PROPN", "ADJ") or prev.text in (")", "]", "\"", "”")


def _rank_or_code(ent: Span) -> bool:
    """Whether the number is a rank ("a top 10 investor") or one group of a phone
    number or code ("0370 60 60 900")."""
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if prev is not None and prev.lower_ == "top" or re.match(r"0\d", ent.text.strip()):
        return True   # a rank, or a code written with a leading zero ("01", "0370")
    return any(t is not None and t.text.isdigit() and t.ent_type_ != "DATE" for t in (prev, nxt))


def _record(doc: Doc, ctx: Context, start: int, end: int, label: str) -> dict | None:
    """One amount record for the number phrase at ``[start, end)`` (an entity span)."""
    text = ctx.text
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if len(span) == 4 and span[0].like_num and span[1].like_num and span[2].text in ("-", "‐") \
            and span[3].dep_ == "compound" and span[3].head.i >= span.end and span[3].head.pos_ == "NOUN":
        # "30 nine-feet posts": 30 counts the posts; "nine-feet" is their size
        return _record(doc, ctx, span[0].idx, span[0].idx + len(span[0].text), "CARDINAL")
    if label == "RATIO":
        return _ratio_record(ctx, start, end)
    if re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", span.text) and span.start == span[0].sent.start \
            and (span.end >= span[0].sent.end or doc[span.end].text in (":", "-", "--")):
        return None   # "2043 : ...", "1905 :" alone: the clock time of a live page's entry
    if len(span) > 1 and span[-1].is_punct and span[-1].text not in ("%", ")", "-RRB-"):
        end, span = span[-2].idx + len(span[-2].text), span[:-1]   # "200,000 ''": the tagger took the closing quote
    if label == "MONEY" and not _currency_in([t.text for t in span], text, start) \
            and not any(ch in span.text for ch in "$£€¥#") and not re.search(r"\d\s*-\s*\d", span.text):
        label = "CARDINAL"   # "a toll of 40,000 to 60,000" tagged as money: no currency, a count
    if label == "QUANTITY" and re.search(r"\b(?:between|and|to|or)\b", span.text, re.I) \
            and not re.search(r"[^\W\d_]", re.sub(r"\b(?:between|and|to|from|or)\b", "", span.text, flags=re.I)):
        label = "CARDINAL"   # "between 100,000 and 200,000" tagged as a quantity: no measure named, a count
    root = _number_root(span)
    if label == "CARDINAL" and _skip(span, root, text):
        return None
    lex = lexicon()
    qualifier = None
    # "a dozen", "a million" : the article is part of the number.
    if span[0].lower_ in ("dozen", "hundred", "thousand", "million", "billion") and span[0].i > 0 \
            and doc[span[0].i - 1].lower_ in ("a", "an"):
        start = doc[span[0].i - 1].idx
    q_start = start
    m = _qualifier_start_re().match(text[start:end])
    body_start = start
    if m:
        qualifier = lex["qualifier"][m.group(1).lower()]
        body_start = start + m.end()
        inner = _qualifier_start_re().match(text[body_start:end])
        if inner:   # "only about two feet": the hedge next to the number
            qualifier, body_start = lex["qualifier"][inner.group(1).lower()], body_start + inner.end()
    else:
        m2 = _qualifier_re().search(text[max(0, start - 20):start])
        if m2:
            qualifier = lex["qualifier"][m2.group(1).lower()]
            q_start = max(0, start - 20) + m2.start()
    if qualifier is not None and _preposition_at(doc, q_start) \
            and not re.match(r"\s*(?:long|wide|high|deep|tall|away|thick|across)\b", text[end:end + 9]):
        qualifier, start, q_start = None, body_start, body_start   # "witnesses about two bombings": a preposition
    over = doc.char_span(q_start, q_start + 4) if re.match(r"over\b", text[q_start:q_start + 5], re.I) else None
    if qualifier is not None and over is not None and over.start > 0 and (
            over[0].dep_ == "prt" or doc[over.start - 1].lemma_.lower() in _OVER_VERBS):
        qualifier, start, q_start = None, body_start, body_start   # "handing over 100,000 tablets": a verb's particle
    if qualifier is not None and re.match(r"the\s", text[body_start:end], re.I):
        qualifier, q_start = None, body_start   # "slightly more than the 40 percent who ...": a comparison with that figure
    if qualifier == "up to" and _reached(doc, q_start):
        qualifier, start, q_start = None, body_start, body_start   # "inflation went up to 11 %": the value reached
    if qualifier == "about" and re.match(r"(?:about|around)\s", text[q_start:q_start + 7], re.I) \
            and re.match(r"(?:tens|dozens|scores|hundreds|thousands|millions|billions)\b", text[body_start:end], re.I):
        qualifier, start, q_start = None, body_start, body_start   # "read about scores of Iraqis": a preposition
    soft = qualifier == "about" and re.match(r"(?:perhaps|maybe|possibly)\b", text[q_start:q_start + 9], re.I) is not None
    body = text[body_start:end]
    # a token that starts before the body gives only its part inside ("gallons/3" "3 .34 million")
    words = [t.text[max(0, body_start - t.idx):] for t in doc.char_span(body_start, end, alignment_mode="expand") or []]
    vague = _vague_re().search(body)
    if vague and re.search(r"\bin\s+(?:their|its|his|her|our|your)\s+$", text[max(0, body_start - 12):body_start], re.I):
        return None   # "they came in their thousands": an idiom of size, no count
    value: float | None
    bounds = _range(body, text[max(0, body_start - 9):body_start])
    chain = _vague_chain(text[body_start:end + 40]) if vague else None
    if chain is not None and bounds is None:
        value, end = chain[0], max(end, body_start + chain[1])   # "hundreds of billions of dollars"
        qualifier = "at least" if soft else qualifier or "at least"
        body = text[body_start:end]
    elif bounds is not None:
        value = bounds[0]
    elif vague and parse_value([w for w in words if w.lower() not in lex["vague"]]) is None:
        value = float(lex["vague"][vague.group(1).lower()])
        qualifier = "at least" if soft else qualifier or "at least"   # "perhaps hundreds": the smallest value still
    else:
        value = parse_value(words)
        if any(w.lower() in lex.get("vague_number", {}) for w in words):
            if not any(w.lower() in lex["scale"] or w.lower() == "dozen" for w in words):
                return None   # "a few kilometres", "several miles": no number
            # "several thousand": 3000 at least; "only a few hundred": the vagueness is the hedge
            qualifier = "at least" if qualifier in (None, "only") else qualifier
    if value is None or label == "MONEY" and _numbered_item(doc, text, start, end):
        return None
    multi = re.search(r"\bmulti[-\s]?(million|billion|trillion)", body, re.I)
    if multi:   # "a multi-million-dollar fund": millions, at least two
        value, qualifier = 2 * float(lex["scale"][multi.group(1).lower()]), qualifier or "at least"
    if qualifier is None and (re.match(r"\s+or\s+so\b", text[end:end + 8], re.I)
                              or re.match(r"[^\s]*\d[^\s]*\s+or\s+so\b", text[body_start:end + 4], re.I)):
        qualifier = "about"   # "500,000 or so inhabitants"; "for 50 or so residents", tagged whole
    if qualifier is None and re.match(r"\s?\+(?!\s*[\d+])", text[end:end + 5]):
        qualifier = "at least"   # "100+ tanks", "100 + tanks" (as "or more")
    if qualifier is None and _OR_MORE.search(text[body_start:end + 16]):
        qualifier = "at least"   # "eight or more children", "60 and above", "200 or over"
    if qualifier is None and _passed(span, doc):
        qualifier = "more than"   # "the toll topped 1,000", "could exceed $ 500m", "cases passed 300"
    low = body.lower()
    unit: str | None = None
    unit_tok: Token | None = None
    if label in ("PERCENT", "MONEY") and _unit_noun(root) is not None \
            and not any(p in low for p in _PERCENT_WORDS) and not _currency_in(words, text, start):
        label = "QUANTITY"   # "as much as 60,000 barrels" tagged as money or a percentage
    if label == "PERCENT" or any(p in low for p in _PERCENT_WORDS):
        if _certainty(text, end):
            return None   # "100 % sure": a degree of conviction, no quantity
        unit = "percent"
    elif label == "MONEY":
        cur = lex["currency"]
        for w in [w.lower().rsplit("-", 1)[-1] for w in words]:   # "45-cent"
            sub = lex.get("subunit", {}).get(w if w in lex.get("subunit", {}) else w.rstrip("s"))
            if sub is not None:   # "82 cents": USD 0.82
                unit, factor = sub.split()
                value = round(value * float(factor), 6)
                if bounds is not None:
                    bounds = (round(bounds[0] * float(factor), 6), round(bounds[1] * float(factor), 6))
                break
        pairs = [f"{a} {b}".lower() for a, b in zip(words, words[1:])]   # "Syrian pounds": SYP, not GBP
        for w in ([] if unit else pairs + [w.lower() for w in words] + [text[:start].rstrip()[-1:].lower()]):
            key = w if w in cur else w.rstrip("s")
            if key in cur:
                unit = cur[key]
                break
        if unit is None:
            last = re.split(r"\\?/(?=\d)", span[-1].text)[0]
            # "2.5 million gallons" tagged as money: the measure it names, else money of no stated currency
            unit = last if last.isalpha() and last.islower() and not _numberish(span[-1]) \
                and last not in _PERCENT_WORDS else "money"
        if unit == "GBP" and not re.search(r"[#\u00a3]", text[max(0, start - 2):end]) and _scale_of(words) is None \
                and _POUNDS_OF.match(text, _pounds_end(text, start, end)):
            unit = "pounds"   # "40 pounds of oil", "thousands of pounds of gas": a weight, no money
    else:
        unit_tok = _unit_noun(root)
        if unit_tok is not None and _bullet(unit_tok):
            unit_tok = None   # "cases pass 200 cents Schools shut": "cents" renders a list bullet
        if span.end < len(doc) and doc[span.end].lower_ == "times" and label != "QUANTITY":
            unit_tok = doc[span.end]   # "10 times higher", "one million times the normal level": a factor
        noun = unit_tok if unit_tok is not None else span[-1] if label == "QUANTITY" and not span[-1].like_num else next(
            (t for t in span if t.pos_ == "NOUN" and not _numberish(t)), None) if label == "QUANTITY" else None
        if label == "QUANTITY" and re.search(r"\bbelow\s+zero$", body, re.I):
            value = -value   # "17 degrees below zero": -17 degrees
        if noun is not None:
            mods = [c.text for c in noun.children if c.i < noun.i
                    and c.lower_ in lex.get("unit_modifier", {})]
            if not mods and noun.i > 0 and doc[noun.i - 1].lower_ in ("sq", "sq.") and noun.i - 1 > root.i:
                mods = ["sq"]   # "2,000 sq miles" where the parser hangs "sq" on the number
            mods = ["square" if m.lower() in ("sq", "sq.") else m for m in mods]   # "5,200 sq km": square km
            unit = " ".join(mods + [re.split(r"\\?/(?=\d)", _hyphen_word(noun))[0]])   # "gallons\/3": a token glued at a slash
            if label == "CARDINAL" and noun == unit_tok:
                unit = _coordinated(noun) or unit   # "nine towns and cities", "dozens of men, women and children"
            if noun.lower_ == "cent" and noun.i > 0 and noun.doc[noun.i - 1].lower_ == "per":
                unit = "percent"   # "Fifty-eight per cent" tagged without its "per cent"
            cur_key = noun.lower_ if noun.lower_ in lex["currency"] else noun.lower_.rstrip("s")
            pair = f"{noun.doc[noun.i - 1].lower_} {cur_key}" if noun.i > 0 else ""
            if pair in lex["currency"]:
                unit = lex["currency"][pair]   # "200,000 Libyan dinars": LYD
            elif not mods and cur_key in lex["currency"] and cur_key != "pound":   # "500 pounds" may weigh
                unit = lex["currency"][cur_key]   # "tens of billions of euros": EUR
        last_num = next((t for t in reversed(span) if t.like_num), None)
        m_tok = doc[last_num.i + 1] if last_num is not None and last_num.i + 2 < len(doc) else None
        after_m = doc[m_tok.i + 1] if m_tok is not None else None
        if after_m is not None and after_m.pos_ == "ADJ" and after_m.i + 1 < len(doc) \
                and doc[after_m.i + 1].tag_ == "NNS":
            after_m = doc[after_m.i + 1]   # "2m secret emails"
        if (m_tok is not None and after_m is not None and m_tok.lower_ == "m" and m_tok.i >= span.end
                and (after_m.tag_ == "NNS" or after_m.lower_ in ("people", "children")) and after_m.is_alpha
                and unit in ("m", after_m.text, None)):
            # "4.9 m barrels", "2.4 m treatments", "50m people" (a tokenised "4.9m"): millions of
            # what follows, not metres, which no plural noun follows ("200m high", "a 50m pipe")
            value, unit_tok, unit = value * 1_000_000, after_m, after_m.text
        hyphened = _hyphened(span, text) if label in ("CARDINAL", "QUANTITY") else None
        if hyphened in lex["hyphen_unit"]:
            unit, unit_tok = lex["hyphen_unit"][hyphened], None   # "a four-man team": 4 people
        if re.search(r"\bmagnitude\s+(?:of\s+)?$", text[max(0, start - 14):start], re.I) \
                or re.match(r"\s*-?\s*magnitude\b|\s+(?:(?:and|or|to)\s+\d+(?:\.\d+)?\s+)?on the richter",
                            text[end:end + 40], re.I) \
                or label == "CARDINAL" and _quake_magnitude(root, value, text[end:end + 20]):
            unit, unit_tok = "magnitude", None
        measure = doc[root.i + 1] if root.i + 1 < len(doc) else None
        if unit_tok is not None and measure is not None and measure.dep_ == "compound" and measure.head == unit_tok \
                and measure.lower_ in lex["hyphen_unit"] and measure.text.islower() \
                and lex["hyphen_unit"][measure.lower_] not in ("people", "members", "seats"):
            unit, unit_tok = lex["hyphen_unit"][measure.lower_], None   # "a 1.5 litre bottle": 1.5 litres
        before_slash = re.search(r"([a-z]+)$", text[start:end]) if re.match(r"\\?/\d", text[end:end + 3]) else None
        if before_slash and before_slash.group(1) not in lex["scale"]:
            unit, unit_tok = before_slash.group(1), None   # "50,400 gallons/190,000 liters": gallons
        glued = _GLUED_UNIT.match(text[end:end + 5]) if label in ("CARDINAL", "QUANTITY") else None
        if glued and glued.group(1).lower() in lex.get("unit_abbrev", {}):
            unit, unit_tok = lex["unit_abbrev"][glued.group(1).lower()], None   # "a 30cm (12in) pipe": 12 inches
            label, end = "QUANTITY", end + glued.end()
        spaced = _SPACED_UNIT.match(text, end) if unit is None and label in ("CARDINAL", "QUANTITY") else None
        word = spaced.group(spaced.lastindex or 1) if spaced else None
        if spaced and word == "m" and re.match(r"\s*(?:\)|-RRB-)", text[spaced.end(2):]):
            # a bracketed "m" converts the measure before it: metres after feet, miles after km ("15km (10m)")
            converted = _CONVERTED_FROM.search(text[max(0, start - 30):start])
            word = None if converted is None else "miles" if converted.group(1).lower().startswith("k") else "m"
        if spaced and word:   # "1,500 ft (457m) below", "300m high", "(1.8 m)": the abbreviation the parser left loose
            unit, unit_tok = "percent" if word.startswith("per") else lex["unit_abbrev"].get(word, word), None
            label, end = "QUANTITY", spaced.end(spaced.lastindex or 1)
    if label == "CARDINAL" and unit_tok is not None and unit_tok.tag_ == "NN" and unit_tok.i > root.i:
        count_noun = lex["count_noun"].get(unit_tok.lemma_.lower())
        if count_noun is not None:
            unit, unit_tok = count_noun, None   # "Haiti 's nine million population": people
        elif unit_tok.lower_ in ("quake", "earthquake", "tremor", "aftershock") and value < 10 and "." in root.text:
            unit, unit_tok = "magnitude", None   # "a 7.0 earthquake"
        elif unit_tok.dep_ == "compound" and unit_tok.head.i == unit_tok.i + 1 and unit_tok.head.tag_ == "NNS" \
                and unit_tok.head.pos_ == "NOUN" and unit_tok.head.text.islower() and unit_tok.lower_ not in lex["hyphen_unit"] \
                and unit_tok.lower_ not in lex.get("size_noun", {}):
            unit_tok = unit_tok.head   # "the 39 rig blowouts": the plural noun the compound is part of
            unit = unit_tok.text
        elif value > 1 and unit == unit_tok.text and unit.isalpha() and unit.islower() \
                and (len(unit) >= 4 or len(unit) == 3 and unit_tok.dep_ == "compound" and unit_tok.head.i > unit_tok.i
                     and unit_tok.head.pos_ == "NOUN" or unit in lex.get("size_noun", {})) \
                and unit not in _COLLECTIVE and unit not in _MEASURE_SG and unit not in lex["hyphen_unit"] \
                and unit not in lex["currency"] and not re.search(r"(?:men|fish|people|meter|metre)$", unit):
            return None   # "residents of 86 district", "a 100 bed hospital", "two star general": no count of a singular noun
    fraction = 0 < value < 1 and label == "CARDINAL" and bounds is None
    if fraction and unit is None and root.dep_ == "advmod" and root.head.pos_ in ("ADJ", "ADV", "VERB", "ADP"):
        return None   # "half asleep", "half as far", "only half in jest": a degree, no quantity
    if unit is None and label == "CARDINAL" and bounds is not None and span.end < len(doc) \
            and doc[span.end].tag_ == "NNS" and doc[span.end].pos_ == "NOUN":
        unit_tok = doc[span.end]   # "Between 15,000 and 17,000 people" where the parse hung the ends apart
        unit = _hyphen_word(unit_tok)
    rec_partitive = unit is None and label == "CARDINAL"
    if rec_partitive:
        unit_tok = _partitive(root)
        if unit_tok is None and fraction:
            unit_tok = _fraction_of(root)   # "one-fifth of the country": a part of the country
        unit = _hyphen_word(unit_tok) if unit_tok is not None else None
    if unit is None and label == "CARDINAL":
        before_tok = _noun_before(root)
        if before_tok is not None:
            unit_tok, unit = before_tok, _hyphen_word(before_tok)
            if before_tok.tag_ == "NN" and before_tok.dep_ == "compound" and unit.isalpha() and unit not in _COLLECTIVE:
                unit += "s"   # "troop numbers by 2,000": troops
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _of_counts():
            unit = _of_counts()[root.head.head.lemma_.lower()]   # "a population of 800,000", "a town of 1,500"
        elif _size_of(root) is not None:
            unit = _size_of(root)   # "the population, which numbers less than 6,000"
        elif _out_of(root) is not None:
            unit_tok = _out_of(root)   # "12 hours out of 24"
            unit = _hyphen_word(unit_tok) if unit_tok is not None else None
        elif _number_of(root) is not None:
            unit_tok = _number_of(root)   # "the number of deaths, reported in the hundreds"
            unit = _hyphen_word(unit_tok) if unit_tok is not None else None
        elif _noun_past_adjectives(span) is not None:
            unit_tok = _noun_past_adjectives(span)   # "several dozen armed and masked fighters"
            unit = _hyphen_word(unit_tok) if unit_tok is not None else None
    if unit_tok is not None and _dead_or_hurt(unit_tok) and label == "CARDINAL":
        unit, kind_of_noun = "people", lex["casualty"][unit_tok.lemma_.lower()]   # "13 of the dead": people
    else:
        kind_of_noun = None
    share = label == "CARDINAL" and _fraction_words(words) and (0 < value < 1 if bounds is None else bounds[1] < 1) \
        and not (unit_tok is not None and (_measure_noun(unit_tok) or any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in unit_tok.children)))   # "half a megaton" measures
    share_of = unit_tok if share else None
    if share:
        unit, unit_tok = None, None   # "a third of the dead", "half the country": a share, no count (below)
    if label == "CARDINAL" and value == 0 and unit is None and not re.search(r"\d[\w ]*\s+to\s+$", text[max(0, start - 20):start]):
        return None   # "start from zero", "below zero": a bare zero counts nothing ("10 votes to zero" does)
    others = unit_tok is not None and unit_tok.lower_ == "others"
    kind = None
    if unit not in ("percent",) and label != "MONEY" and not share:
        kind = kind_of_noun or _casualty(unit_tok if unit_tok is not None else root)
        if kind is None and rec_partitive:
            kind = _casualty(root)   # "36 of its staff were killed"
        if kind is None and unit is None:
            kind = _casualty_of_those(root)   # "44 of those killed"
        if kind is None and unit is None and label == "CARDINAL":
            kind = _casualty_after(span)   # "the clashes left 25 dead and 150 injured"
    if label == "CARDINAL" and body.strip().lower() == "one" and qualifier is None and kind is None \
            and not _one_counts(span, unit_tok):
        return None   # "one woman told the BBC": an indefinite, not a count
    if label == "CARDINAL" and unit is None and kind is None and _anaphor(span):
        return None   # "the other two arrived": a reference to things named before, no count
    if share:
        unit, unit_tok = "proportion", share_of   # the share keeps its noun in its text ("half the oil")
    out_start, out_end = min(q_start, start), end
    if unit_tok is not None and unit_tok.idx >= end and not rec_partitive:
        gap = text[end:unit_tok.idx]
        if len(gap) < 30 and not re.search(r"[\"“”,;:()]", gap) \
                and not any(t.like_num for t in doc[span.end:unit_tok.i]):
            out_end = unit_tok.idx + len(unit_tok.text)
            whole = re.match(r"(?:[-‐][A-Za-z][\w'’]*)+", text[out_end:out_end + 40])
            if whole:
                out_end += whole.end()   # "20 co-workers": the whole word, not "20 co"
    hyphen = re.match(r"-[a-z]+\b", text[end:end + 20]) if label in ("CARDINAL", "QUANTITY") else None
    if hyphen and hyphen.group(0)[1:] in lex["hyphen_unit"]:
        out_end = end + hyphen.end()   # "four-man"
    rec: dict = {
        "text": text[out_start:out_end], "start": out_start, "end": out_end,
        "sentence": ctx.sentence_of(out_start), "value": _tidy(value), "unit": unit,
        "qualifier": qualifier, "kind": kind,
    }
    if qualifier is None and _OR_LESS.match(text, out_end):
        rec["qualifier"] = "up to"   # "140 characters or less": at most
    if others:   # "three others were killed": the unit of an earlier count, or people
        rec["unit"], rec["_bare"], rec["_others"] = None, True, True
    elif unit is None and label == "CARDINAL" and _after_toll(root, span.start):
        rec["unit"], rec["kind"], rec["_plural"] = "deaths", "killed", True
    elif unit is None and label == "CARDINAL" and (re.match(r"\s+who\b", text[out_end:out_end + 6])
                                                   or _human_subject(root)):
        # "the 22,000 who took part", "more than 18,000 crossed the border": an earlier count's unit, else people
        rec["_bare"] = rec["_others"] = True
    elif unit is None and label == "CARDINAL" and not any(
            c.lower_ == "of" and c.i > root.i
            and not any(g.like_num or g.lower_ in lex["vague"] or g.lower_ in ("those", "them", "whom", "which") for g in c.children)
            for c in root.children):
        rec["_bare"] = True   # "162,752 of oil": a measure of a mass, no count to borrow
    if unit_tok is not None and (unit_tok.tag_ in ("NNS", "NNPS") or unit_tok.lower_ in _STAFF) and not others \
            and label != "QUANTITY" and not share:
        rec["_plural"] = True   # a count of things a later bare count may share; a measure ("155 miles") is none
    if bounds is not None:
        rec["low"], rec["high"] = _tidy(bounds[0]), _tidy(bounds[1])
    per = _PER.match(text, out_end) or _OF_WHAT_PER.match(text, out_end)   # "1,000 barrels of oil a day"
    if per and label != "DATE" and (unit is not None or rec.get("_bare")):
        rec["per"] = per.group(1).lower()
    return rec


def _ratio_record(ctx: Context, start: int, end: int) -> dict | None:
    """The record of a proportion "<n> in <m>" at ``[start, end)``: ``value`` n/m (a
    fraction of one), ``unit`` "proportion", the hedge written before it ("nearly one in
    four": nearly). What it is a proportion of stays in the text after it."""
    text = ctx.text
    m = _ratio_re().fullmatch(text[start:end])
    if m is None:
        return None
    num, den = parse_value([m.group(1)]), parse_value([m.group(2)])
    if num is None or not den or num >= den:
        return None
    q = _qualifier_re().search(text[max(0, start - 20):start])
    qualifier = lexicon()["qualifier"][q.group(1).lower()] if q else None
    q_start = max(0, start - 20) + q.start() if q else start
    return {"text": text[q_start:end], "start": q_start, "end": end, "sentence": ctx.sentence_of(q_start),
            "value": _tidy(round(num / den, 6)), "unit": "proportion", "qualifier": qualifier, "kind": None}


#: "pounds of" a thing that is no money: a weight ("40 pounds of oil"; not "pounds of taxpayers' money").
_POUNDS_OF = re.compile(r"\s+of\s+(?!(?:the\s+|public\s+|taxpayers?\W*\s+|[A-Z][a-z]+\s+)?(?:money|cash|funds?|funding|"
                        r"investment|aid|savings|revenue|income|debt|tax|taxpayers?|assets?|damage|spending|"
                        r"compensation|loans?|shares|bonds|sales|contracts?)\b)(?:[a-z-]+\s+){0,2}[a-z]+", re.I)


def _pounds_end(text: str, start: int, end: int) -> int:
    """Where the word "pound(s)" of the money phrase at ``[start, end)`` ends (it may stand just
    after the entity, "thousands" "of pounds"); ``end`` when there is none."""
    m = re.search(r"\bpounds?\b", text[start:end + 12], re.I)
    return start + m.end() if m else end


#: A unit abbreviation written onto the number ("12in", "50ft"): the tokenizer splits it off.
_GLUED_UNIT = re.compile(r"([a-z]{2,3})\b", re.I)
#: The unit of a measure a bracketed "m" converts: metres after feet, yards or inches, miles after km.
_CONVERTED_FROM = re.compile(r"(?<![a-z])(ft|feet|foot|yards?|inches|km|kilometres|kilometers)\s*(?:\(|-LRB-)\s*$", re.I)
#: A unit abbreviation or "per cent" after a number, apart from it ("1,500 ft", "fell by about 1 per
#: cent"; not "in", a preposition), or "m" before a word of extent or a closing bracket ("300m
#: high", "(457m)", "50m by 200m"): metres there, where a plural noun after it would make it
#: millions ("50m people").
_SPACED_UNIT = re.compile(r"\s+(ft|km|kg|cm|mm|mph|lbs?|per\s?cent)\b(?!-)|\s?(m)(?=\s*(?:\)|-RRB-)|\s+(?:high|long|wide|deep|"
                          r"tall|thick|away|across|below|above|beneath|under|from|by\s+\d|in\s+(?:diameter|length|"
                          r"height|depth|width))\b)")


def _preposition_at(doc: Doc, at: int) -> bool:
    """Whether the word at ``at`` is "about" used as a preposition after a noun or an
    adjective, or "over" after a noun of a concern or dispute (:data:`_OVER_TOPICS`), not a
    hedge ("interviewed witnesses about two bombings", "concerned about one person",
    "concerns over three areas"), as the parser reads it (a hedge is an adverb or a number's modifier: "about 40
    vehicles"; after a verb, "number about 6,000", the parser's preposition is often a hedge)."""
    span = doc.char_span(at, at + 5, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span[0]
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if tok.lower_ == "over" and prev is not None and prev.lemma_.lower() in _OVER_TOPICS:
        return True   # "concerns over three areas": what the concern is about ("children over 12" keeps it)
    return tok.lower_ == "about" and tok.dep_ == "prep" and tok.tag_ == "IN" and prev is not None \
        and prev.pos_ in ("NOUN", "PROPN", "ADJ")


#: Nouns after which "over" names a topic, not a hedge ("concerns over three areas").
_OVER_TOPICS = frozenset({"concern", "fear", "worry", "dispute", "row", "talk", "tension", "anger",
                          "protest", "question", "doubt", "debate", "clash", "standoff", "outrage",
                          "controversy", "disagreement", "negotiation", "criticism"})


def _reached(doc: Doc, at: int) -> bool:
    """Whether "up to" at ``at`` gives the value something reached, not a hedge: after
    a verb of change ("went up to 9 %", "pushed the price up to $ 4"), after "the way"
    ("all the way up to 9,000 feet"), or after a noun of a level that "with" introduces
    ("with the official rate up to 11 %"); not "can carry up to 50 people"."""
    span = doc.char_span(at, at + 2, alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].lower_ != "up" or span[0].i == 0:
        return False
    up = span[0]
    prev = doc[up.i - 1]
    lex = lexicon()
    if prev.lower_ == "way" or prev.lemma_.lower() in lex["change_verb"]:
        return True
    if prev.pos_ == "NOUN" and prev.lemma_.lower() in lex.get("level_noun", {}):
        for t in reversed(doc[max(0, prev.i - 5):prev.i]):
            if t.lower_ == "with":
                return True   # "with the official rate up to 11 %"
            if t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
                break
    verb = next((t for t in doc[up.i:min(len(doc), up.i + 8)] if t.head.i < up.i and t.head.pos_ == "VERB"), None)
    return verb is not None and verb.head.lemma_.lower() in lex["change_verb"] \
        and any(c.dep_ == "dobj" and c.i < up.i for c in verb.head.children)   # "pushed the price ... up to $ 4"


def _numbered_item(doc: Doc, text: str, start: int, end: int) -> bool:
    """Whether a "#" before a number numbers an item, not pounds ("# 1 Oil spill ; # 2
    Wildlife"): a one-digit number with a capitalised word next; or a whole number of up to
    three digits with no scale after a capitalised noun that is no organisation's name ("Roundup
    # 31", "Option # 8", "Re # 25"; "Weidenfeld & Nicolson # 20" is a price) or opening its line, then a capitalised word or a colon, dash or full stop ("# 24 : Please
    expand", a reader's comment answering another)."""
    m = re.search(r"#\s*$", text[max(0, start - 3):start])
    body = text[start:end]
    if m is None and not body.startswith("#"):
        return False
    if re.match(r"#?\s*\d(?:\s+[A-Z][a-z]+)", body) is not None \
            or re.match(r"\s+[A-Z][a-z]+", text[end:end + 12]) is not None and re.fullmatch(r"#?\s*\d", body) is not None:
        return True
    if not re.fullmatch(r"#?\s*\d{1,3}", body):
        return False
    sign = text.rfind("#", 0, start + 1)
    span = doc.char_span(sign, sign + 1, alignment_mode="expand")
    prev = doc[span[0].i - 1] if span is not None and span[0].i > 0 else None
    if prev is not None and (prev.pos_ in ("NOUN", "PROPN") or prev.text == "Re") and prev.ent_type_ != "ORG" \
            and re.fullmatch(r"[A-Z][a-z]+", prev.text) and text[prev.idx + len(prev.text):sign].strip() == "":
        return True   # "Roundup # 31", "Option # 8", "Re # 25"; a price after a seller stays ("Verso # 20")
    line = text[text.rfind("\n", 0, sign) + 1:sign].strip()
    return (line == "" or line.endswith(":")) and re.match(r"\s*(?:[A-Z]|[:.-](?:\s|$))", text[end:end + 4]) is not None


def _casualty_after(span: Span) -> str | None:
    """The casualty kind of a bare number followed at once by a word of the dead, hurt,
    displaced or arrested ("left 25 dead", "more than 150 injured"), if any."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or nxt.tag_ not in ("JJ", "VBN"):
        return None
    return lexicon()["casualty"].get(nxt.lemma_.lower())


#: Singular nouns that name a group counted by its members ("2,000 police", "two aircraft").
_COLLECTIVE = {"police", "staff", "personnel", "military", "crew", "infantry", "artillery", "aircraft",
               "livestock", "cattle", "clergy", "youth", "militia", "cavalry", "offspring", "fish", "sheep",
               "deer", "spacecraft", "equipment", "ammunition", "food", "water", "oil", "gas", "money",
               "cash", "aid", "debt", "revenue", "land", "territory", "housing", "security", "manpower",
               "workforce", "gear", "furniture", "luggage", "baggage", "mail", "hardware", "software",
               "machinery", "weaponry", "infrastructure", "data", "footage", "media", "press", "public"}


#: Singular nouns of a body of people counted by its members ("800 staff , 90 of which", "17 of its staff").
_STAFF = {"police", "staff", "personnel", "crew", "militia", "clergy", "military", "workforce", "infantry"}


#: Entity types of names that a count never counts (people's names, organisations, titles).
_NAME_TYPES = {"ORG", "PERSON", "WORK_OF_ART", "FAC", "EVENT", "LAW", "PRODUCT"}


#: Singular measure nouns a number may stand before ("4.9 million barrel", "a 9 mm").
_MEASURE_SG = {"barrel", "gallon", "acre", "hectare", "yard", "kilo", "gram", "ounce", "degree", "volt",
               "watt", "megawatt", "hertz", "knot", "calorie", "magnitude", "percent", "cent", "point",
               "bpd", "cfpd", "mph", "kph"}


def _of_counts() -> dict[str, str]:
    """Nouns whose "of N" counts a unit: the ``count_noun`` rows ("a population of 800,000"), the
    ``settlement`` rows ("a town of 1,500": people; "one city" is no count of people) and the
    ``group_noun`` rows, groups of people ("in groups of 20 or 30", "a team of 12": people)."""
    groups = dict.fromkeys(lexicon().get("group_noun", {}), "people")
    return {**groups, **lexicon().get("settlement", {}), **lexicon()["count_noun"]}


#: Nouns of a time, which a fraction measures ("half an hour", "a quarter of a century").
_TIME_NOUNS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "millennium"}


def _fraction_words(words: list[str]) -> bool:
    """Whether ``words`` write a fraction with a word ("a third", "two-thirds", "half")."""
    fractions = lexicon().get("fraction", {})
    return any(p in fractions for w in words for p in w.lower().split("-"))


def _measure_noun(tok: Token) -> bool:
    """Whether ``tok`` names a unit of measure or of time ("half a mile", "a quarter of an hour"),
    which a fraction measures, rather than a whole it takes a share of."""
    lemma = tok.lemma_.lower()
    return lemma in lexicon()["hyphen_unit"] and lexicon()["hyphen_unit"][lemma] not in ("people", "members", "seats") \
        or lemma in _MEASURE_SG or lemma in _TIME_NOUNS or lemma in lexicon().get("unit_abbrev", {})


#: The time a rate is counted over, after an amount ("80,000 barrels a day", "$3.5 million per
#: day", "40 % a year"); not a time before or after ("a year ago", "a day later", "a day or two").
_PER = re.compile(r"\s+(?:a|an|per|every|each)\s+(second|minute|hour|day|night|week|month|year)\b"
                  r"(?!\s+(?:ago|earlier|later|before|after|since|or|from|until|till|and a half"
                  r"|to (?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|several|a few))\b)"
                  r"(?![-‐])", re.I)


#: What a measure or sum is of, between it and its rate ("1,000 barrels of oil a day",
#: "$ 2 million of aid every month"): "of" and up to three words, then the rate.
_OF_WHAT_PER = re.compile(r"\s+of\s+(?:[A-Za-z][\w'’-]*\s+){0,2}?[A-Za-z][\w'’-]*" + _PER.pattern, re.I)


def _one_counts(span: Span, unit_tok: Token | None) -> bool:
    """Whether a bare "one" before a noun is a count, not an indefinite: a word such as
    "new" or "further" follows it ("one new case", "one further soldier") or its noun is
    counted over a time ("one death a week")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in lexicon().get("one_count", {}):
        return True
    return unit_tok is not None and _PER.match(doc_text(doc),
                                                unit_tok.idx + len(unit_tok.text)) is not None


def _after_toll(root: Token, first: int | None = None) -> bool:
    """Whether a bare number gives a death toll written just before it in its
    sentence, with no other number between ("the death toll could be as high as 800",
    "put the toll at 5,000"), or just after the verb whose subject the toll is ("the
    toll from the clashes in the city stands at 90"); ``first``, the first token of the
    number's phrase, lets a range look back from its low end ("ranged from 1,000 to 2,000")."""
    sent_start = root.sent.start
    first = root.i if first is None else min(first, root.i)
    for t in reversed(root.doc[max(sent_start, first - 8):first]):
        if t.like_num and t.i != root.i:
            break   # "the toll of the 6.1-magnitude tremor rose to 900": the verb's subject, below
        if t.lower_ == "toll":
            return True
    for t in root.doc[sent_start:root.i]:
        verb = t.head
        if t.lower_ == "toll" and t.dep_ in ("nsubj", "nsubjpass") and verb.i < root.i <= verb.i + 4 \
                and not any(u.like_num for u in root.doc[verb.i:root.i]):
            return True   # "the death toll from ... in the city stands at 90"
    return False


def _currency_in(words: list[str], text: str, start: int) -> bool:
    """Whether a currency word or sign, or a cent or penny, is among ``words`` or just before ``start``."""
    cur = {**lexicon()["currency"], **lexicon().get("subunit", {})}
    signs = [w.lower() for w in words] + [text[:start].rstrip()[-1:].lower()]
    return any(w in cur or w.rstrip("s") in cur for w in signs)


def _tidy(value: float) -> float | int:
    """``value`` as an int when it is a whole number."""
    return int(value) if value == int(value) else round(value, 6)


def _or_range(low_text: str, high_text: str) -> bool:
    """Whether "<low_text> or <high_text>" is an estimate between two close values
    ("20 or 30", "500 or 600 children", "eight or nine million", whose scale both
    share), not a choice ("10 billion or 100 billion")."""
    if not all(w.lower() in lexicon()["number"] or _NUM.match(w) for w in _side_words(low_text)):
        return False   # "800,000 gallons or 3 million litres": the same amount in two units
    low, high = parse_value(_side_words(low_text)), parse_value(_side_words(high_text))
    scale = _scale_of(_side_words(high_text))
    if low is not None and high is not None and scale is not None and _scale_of(_side_words(low_text)) is None \
            and low * scale <= high:
        low *= scale   # "eight or nine million": the scale is shared
    return low is not None and high is not None and 0 < low < high <= 5 * low


def _descending(s: int, e: int, text: str) -> int | None:
    """Where "X to Y" in ``text[s:e]`` joins a higher X to a lower Y ("by a 57 % to 35 %
    margin", "revised the toll from 176 to 101": two figures, an old one and a new one,
    not a range, whose low end comes first): where the " to " starts, relative to ``s``;
    else ``None``. "between 50 and 20" is left to the range rules."""
    body = text[s:e]
    if re.match(r"between\s", body, re.I) or re.search(r"\bbetween\s+$", text[max(0, s - 9):s], re.I) \
            or _CLOCK_OR_DATE.match(text[e:e + 12]):
        return None   # "from 604 to 562 BC": years of an era, no amount
    m = re.search(r"\s+to\s+", body, re.I)
    if m is None:
        return None
    low, high = parse_value(_side_words(body[:m.start()])), parse_value(_side_words(body[m.end():]))
    return m.start() if low is not None and high is not None and low > high else None


#: Two numbers joined by "and" in one entity ("90 and 72 passengers").
_COORDINATED = re.compile(r"^([\d.,]+|[a-z]+(?:-[a-z]+)?)\s+and\s+([\d.,]+|[a-z]+(?:-[a-z]+)?)\b", re.I)
#: Two figures with their one unit written twice ("42 miles and 162 miles").
_COORDINATED_UNIT = re.compile(r"^([\d.,]+\s+[a-z]+)\s+and\s+([\d.,]+\s+[a-z]+)\b", re.I)
#: A scale written as letters onto a number ("137m", "2bn", "1.5tn").
_SCALE_LETTERS = r"(?:m|bn|mn|tn)"
_SCALE_AFTER = re.compile(rf"\s?{_SCALE_LETTERS}\b(?:\s+(?:euros?|dollars?|pounds?))?|\s+(?:euros?|dollars?|pounds?)\b", re.I)
#: A range whose low end carries its scale letters and whose high end the tagger cut before
#: them ("20m-30" "m shares").
_GLUED_RANGE_SCALE = re.compile(rf"\d({_SCALE_LETTERS})[-\u2013][\d,.]*\d$", re.I)
#: The high end of a money range after its dash, with its scale letters ("$ 400" "-600m").
_MONEY_DASH = re.compile(rf"-[$£€#]?\d[\d,]*(?:\.\d+)?{_SCALE_LETTERS}?\b", re.I)


#: The high end of a range after "to" that the tagger left out of the number's entity ("8 million" "to 9 million").
_RANGE_TAIL = re.compile(r"\s+to\s+\d[\d,]*(?:\.\d+)?(?:\s+(?:hundred|thousand|million|billion|trillion)\b)?(?![\d:/.-])"
                         r"(?:\s*(?:%|percent\b|per\s+cent\b))?(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)")


#: An open upper end written after a number ("eight or more children", "60 and above"; not
#: "and more importantly").
_OR_MORE = re.compile(r"^[^\s]*\d[^\s]*\s+(?:or|and)\s+(?:more|above|over|upwards)\b(?!\s+\w+ly\b)|"
                      r"^(?:an?\s+)?[a-z-]+(?:\s+(?:hundred|thousand|million|billion))?\s+(?:or|and)\s+(?:more|above|over|upwards)\b"
                      r"(?!\s+\w+ly\b)", re.I)
#: An open lower end written after a number and its noun ("140 characters or less"): at most.
_OR_LESS = re.compile(r"\s+or\s+(?:less|fewer|under|below)\b(?!\s+than\b)", re.I)
#: Verbs whose object number is passed, not reached ("topped 1,000", "could exceed $ 500m").
_PASS_VERBS = {"exceed", "top", "surpass", "pass", "outstrip"}


#: Verbs whose particle "over" is no hedge of the number after it ("hand over 100,000 doses").
_OVER_VERBS = {"hand", "turn", "fork", "sign", "hold", "cede"}


def _passed(span: Span, doc: Doc) -> bool:
    """Whether the number phrase ``span`` is what a verb of passing ("exceed", "top",
    "surpass", "pass") goes beyond, written right after the verb ("deaths topped 1,000",
    "could exceed $ 500m"), or that a verb of motion goes past ("rose past 90 percent",
    "climbed beyond 5,000"; not "the past 10 years"): the amount is a lower bound, "more
    than". "pass" only with a
    bare number ("cases passed 300"; "passed two laws" counts the laws); a figure named
    with "the" ("exceed the $ 75 million limit") is no hedge, and never reaches here."""
    i = span.start
    if doc[i].lower_ in ("past", "beyond") and i + 1 < span.end:
        i += 1   # the tagger took the preposition into the number phrase
    while i > 0 and doc[i - 1].text in ("$", "#", "£", "€", "US$"):
        i -= 1
    if i == 0:
        return False
    if (doc[i - 1].lower_ in ("past", "beyond") and doc[i - 1].pos_ == "ADP" and i >= 2
            and doc[i - 2].pos_ == "VERB"):
        return True   # "rose past 90 percent", "climbed beyond 5,000": motion beyond the figure
    verb = doc[i - 1]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _PASS_VERBS:
        return False
    if verb.lemma_.lower() == "pass":
        return span.end >= len(doc) or doc[span.end].pos_ not in ("NOUN", "PROPN", "ADJ")
    return True


#: The high end of a duration after a number cut at "to": a number and a plural time noun (" six months").
_DURATION = re.compile(r"\s+(?:\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)\s+(?:seconds|minutes|hours|days|weeks|months|years|decades)\b",
                       re.I)


def _to_at(body: str) -> int | None:
    """Where " to " starts in ``body``, if it holds one."""
    m = re.search(r"\s+to\s+", body, re.I)
    return m.start() if m else None


#: "from" or "by" of a verb of change just before a number, maybe with a hedge between
#: ("cut by just six to 94").
_CHANGE_PREP = re.compile(r"\b(?:from|by)\s+(?:(?:just|only|about|some|nearly|almost|around|roughly)\s+)?$",
                          re.I)


def _change_from(doc: Doc, s: int, text: str, end: int | None = None) -> bool:
    """Whether the number phrase at ``s`` (to ``end``) follows a "from" or "by" of a verb of
    change ("cut the observers from 500 to 40", "expand the force from 30 to 250 members":
    the old size, then the new one; "cut by just six to 94", "rose by 5 % to 300": the
    change, then the new size): two amounts and no range ("ranged from 1,000 to 2,000" is
    one). After "by", ends less than three times apart are a range of the change ("reduce
    the value by $16 billion to 24 billion")."""
    lo = max(0, s - 24)
    m = _CHANGE_PREP.search(text[lo:s])
    if m is None:
        return False
    word = m.group().split()[0]
    if word.lower() == "by" and end is not None:
        bounds = _range(text[s:end], "")
        if bounds is not None and 0 < bounds[0] and bounds[1] < 3 * bounds[0]:
            return False
    span = doc.char_span(lo + m.start(), lo + m.start() + len(word))
    if span is None:
        return False
    node = span[0]
    for _ in range(2):
        node = node.head
        if node.lemma_.lower() in lexicon()["change_verb"]:
            return True
    return False


def _hedged_number(doc: Doc, i: int, end: int, label: str) -> tuple[int, str]:
    """The end and label of a hedge the tagger took for the whole number ("as high as"
    tagged, "100,000 barrels" after it not): the hedge's entity, ending at ``end``, runs on
    over the number written from token ``i`` (its currency sign, digits and scale words)
    that no entity of its own holds; with none there, it stays as it is."""
    j = i
    money = False
    while j < len(doc) and not doc[j].ent_type_ and (
            doc[j].like_num or doc[j].text in ("$", "\u00a3", "\u20ac")
            or (j > i and doc[j].lower_ in lexicon()["scale"] and (money or len(doc[j]) > 2))):
        money = money or not doc[j].like_num and doc[j].text in ("$", "\u00a3", "\u20ac")
        j += 1   # "200m high" is metres: a one- or two-letter scale only after a currency sign
    if j == i or not any(t.like_num for t in doc[i:j]):
        return end, label   # nothing after it, or a number the tagger found on its own
    return doc[j - 1].idx + len(doc[j - 1].text), "MONEY" if money else label


#: A range of two numbers the tagger may take for a date ("Between 15 and 20").
_BARE_RANGE = re.compile(r"^(?:between\s+|from\s+)?(\d[\d,]*)\s+(?:and|to)\s+(\d[\d,]*)$", re.I)


def _counted_date(ent: Span) -> bool:
    """Whether a DATE entity is a range of small numbers that counts the plural noun after
    it ("Between 15 and 20 protesters were hurt", tagged DATE at a sentence's start), not
    a stretch of time ("between 15 and 20 years", "between 1998 and 2003")."""
    m = _BARE_RANGE.match(ent.text)
    if ent.label_ != "DATE" or m is None or ent.end >= len(ent.doc):
        return False
    if any(1000 <= int(g.replace(",", "")) <= 2100 and "," not in g for g in m.groups()):
        return False   # years
    after = ent.doc[ent.end]
    return after.tag_ == "NNS" and after.lemma_.lower() not in _TIME_NOUNS | {"night"}


def _number_spans(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the number entities, two entities joined into one
    when they are the ends of a range ("15" "to" "20 kilometres"; "between 40"
    "and" "50"; "20 or 30"); the joined span takes the label of its high end, which
    carries the unit. A descending "57 % to 35 %" without "from" is two spans. A
    scale or currency written after the entity ("137m euros", "# 371 m") joins it,
    and a number after a currency sign is money."""
    spans = []
    ent_spans = [(ent.start_char, ent.end_char) for ent in doc.ents]
    for ent in doc.ents:
        if ent.label_ not in LABELS and not _counted_date(ent):
            continue
        s, e, label = ent.start_char, ent.end_char, ent.label_ if ent.label_ in LABELS else "CARDINAL"
        if text[s:e].lower() in lexicon()["qualifier"]:
            e, label = _hedged_number(doc, ent.end, e, label)
        if len(ent) > 1 and ent[0].pos_ == "VERB" and not _numberish(ent[0]):
            s = ent[1].idx   # "threatens hundreds" tagged as one entity: the verb is no part of the number
        bullet = re.search(r"\s+cents$", text[s:e]) if re.match(r"\s+[A-Z]", text[e:e + 2]) else None
        if bullet and not re.search(r"[$£€]", text[max(0, s - 3):e]):
            e, label = s + bullet.start(), "CARDINAL"   # "cases pass 200 cents Schools shut ...": a list bullet the text renders "cents"
        signed = text[:s].rstrip()[-1:] in ("$", "£", "€", "#")
        m = _SCALE_AFTER.match(text[e:])
        if m and (signed or label == "MONEY" or re.search(r"[a-z]$", m.group(0), re.I)
                  and re.search(r"euro|dollar|pound", m.group(0), re.I)):
            e, label = e + m.end(), "MONEY"
        glued = _GLUED_RANGE_SCALE.search(text[s:e])
        if glued and text[e:e + len(glued.group(1)) + 1].lower().startswith(glued.group(1).lower()) \
                and not text[e + len(glued.group(1)):][:1].isalnum():
            e += len(glued.group(1))   # "20m-30" "m shares": the high end's scale, cut off by the tagger
        if signed and label == "CARDINAL" and text[:s].rstrip()[-1:] != "#":
            label = "MONEY"
        scaled = re.match(r"\s+(?:of\s+)?an?\s+(?:hundred|thousand|million|billion|trillion)\b", text[e:e + 24], re.I)
        if scaled and _fraction_words(text[s:e].split()):
            e += scaled.end()   # "more than half" "a million gallons": the tagger left the scale out
        cut_to = re.search(r"\s+to$", text[s:e], re.I)   # "3 million to" "4 million gallons": cut after "to"
        tail = _RANGE_TAIL.match(text, e - len(cut_to.group(0)) if cut_to else e)
        if tail and label == "CARDINAL" and not any(a < tail.end() and e < b for a, b in ent_spans) \
                and _descending(s, tail.end(), text) is None and _range(text[s:tail.end()], "") is not None:
            e = tail.end()   # "8 million to 9 million gallons": the tagger left the high end out
        if cut_to and label == "CARDINAL" and _DURATION.match(text, e):
            continue   # "an estimated four to" "six months": a duration, as "2 to 3 weeks" is (a time expression, no amount)
        dash = re.match(r"-\d[\d,]*(?:\.\d+)?(?:\b|(?=([a-z]{2,3})\b))", text[e:e + 12], re.I)
        if dash and dash.group(1) and dash.group(1).lower() not in lexicon().get("unit_abbrev", {}):
            dash = None
        if not dash and (label == "MONEY" or signed):
            dash = _MONEY_DASH.match(text[e:e + 16])
        if dash and (label == "CARDINAL" or label == "MONEY" or signed) and re.fullmatch(r"[\d,.]+", text[s:e]):
            e += dash.end()   # "60-70 army deserters", "4-5ft", "$ 400-600m": the tagger cut the range at its dash
            scale_word = re.match(r"\s+(?:hundred|thousand|million|billion|trillion)\b", text[e:e + 12], re.I)
            if scale_word:
                e += scale_word.end()   # "$ 15-23 billion": both ends in billions
        slash = re.search(r"(?<=[a-z])\s*\\?/\s*(?=[\d$#])", text[s:e], re.I)
        # "798,000 gallons/3 million liters": one amount in two units, two amounts
        pieces = [(s, s + slash.start()), (s + slash.end(), e)] if slash else [(s, e)]
        for s, e in pieces:
            both = _COORDINATED.match(text[s:e]) or _COORDINATED_UNIT.match(text[s:e])
            if both and not _RANGE_BEFORE.search(text[max(0, s - 9):s]) and both.group(1).lower() != both.group(2).lower() \
                    and both.group(1).split()[-1].lower() not in lexicon()["scale"]:
                # "90 and 72 passengers": two amounts ("two hundred and fifty" is one)
                spans += [(s, s + both.end(1), label), (s + both.start(2), e, label)]
                continue
            cut = _descending(s, e, text)
            if cut is None and _change_from(doc, s, text, e):
                cut = _to_at(text[s:e])   # "reduce the number of observers from 500 to 40": two sizes, no range
            if cut is not None:
                head = text[s:e]
                low_end = s + len(head[:cut].rstrip())
                high_start = s + cut + len(head[cut:]) - len(re.sub(r"^\s+to\s+", "", head[cut:], flags=re.I))
                low_label = "CARDINAL" if label == "QUANTITY" and not re.search(r"[^\W\d_]", text[s:low_end]) else label
                spans += [(s, low_end, low_label), (high_start, e, label)]   # "from 1,000" is a bare count, as its high end's
                continue
            spans.append((s, e, label))
    out: list[tuple[int, int, str]] = []
    for s, e, label in spans:
        if out and s < out[-1][1]:
            continue   # inside the span before, which took in its scale ("a quarter of a million")
        if out:
            ps, pe, plabel = out[-1]
            gap = text[pe:s]
            between = (re.match(r"^\s+and\s+(?:[$#\u00a3\u20ac]\s*)?$", gap, re.I) is not None   # "between $ 2bn and $ 4bn"
                       and (_RANGE_OPEN.match(text[ps:pe]) is not None
                            or _RANGE_BEFORE.search(text[max(0, ps - 9):ps]) is not None))
            either = re.match(r"^\s+or\s+$", gap, re.I) is not None and _or_range(
                _qualifier_start_re().sub("", text[ps:pe]), text[s:e])   # "at least six or seven"
            falls = _RANGE_GAP.match(gap) is not None and (_descending(ps, e, text) is not None
                                                           or _change_from(doc, ps, text, e))
            part_of = re.match(r"^\s+of\s+(?:an?\s+)?$", gap, re.I) is not None and _fraction_words(text[ps:pe].split()) \
                and text[s:e].strip().lower() in lexicon()["scale"]   # "a quarter" "of a" "million": one number
            if (_RANGE_GAP.match(gap) and not falls) or between or either or part_of:
                out[-1] = (ps, e, label if label != "CARDINAL" else plabel)
                continue
        out.append((s, e, label))
    ratios = [m.span() for m in _ratio_re().finditer(text) if not _YEAR.match(m.group(2))
              and not _RATIO_TIME.match(text, m.end())
              and (parse_value([m.group(1)]) or 0) < (parse_value([m.group(2)]) or 0)
              and (not _PLAIN_OUT_OF.search(m.group()) or parse_value([m.group(2)]) in _ROUND_WHOLES)]
    if ratios:   # "one in five": a proportion, no count of the five
        out = [sp for sp in out if not any(a < sp[1] and sp[0] < b for a, b in ratios)]
        out = sorted(out + [(a, b, "RATIO") for a, b in ratios])
    return out


@functools.lru_cache(maxsize=1)
def _ratio_re() -> re.Pattern[str]:
    """A proportion written as "<n> in <m>" or "<n> out of (every) <m>" ("one in five",
    "1 in 10", "two in every three", "nine out of 10"), its two numbers as groups 1 and 2."""
    words = [w for w, v in lexicon()["number"].items() if w.isalpha() and float(v) >= 1 and w not in (
        "a", "an", "dozen", "couple", "several", "few")]
    num = r"(\d+|" + "|".join(sorted(words, key=len, reverse=True)) + r")"
    return re.compile(r"(?<![\d,.])\b" + num + r"\s+(?:in(?:\s+every)?|out\s+of(?:\s+every)?)\s+" + num
                      + r"\b(?![,.]\d)", re.I)


#: "out of" without "every": a proportion only out of a round whole ("nine out of 10
#: parents"); "20 out of 50 villages" counts villages.
_PLAIN_OUT_OF = re.compile(r"\bout\s+of\s+(?!every\b)", re.I)
_ROUND_WHOLES = frozenset({2, 3, 4, 5, 10, 20, 100, 1000})
#: A time after a proportion's second number makes it a rate ("one in 100 years"), not a proportion.
_RATIO_TIME = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b", re.I)


@extractor(
    "amounts", requires=("sentences",),
    columns=("text", "start", "end", "sentence", "value", "unit", "qualifier"),
    types={"value": ""}, data=("amounts_lexicon.tsv",))
def extract(doc: Doc, ctx: Context) -> list[dict]:
    """Amounts of the article in text order (see the module doc)."""
    out: list[dict] = []
    covered: list[tuple[int, int]] = []
    for start, end, label in _number_spans(doc, ctx.text):
        covered.append((start, end))
        rec = _record(doc, ctx, start, end, label)
        if rec is not None:
            out.append(rec)
    # A number joined by "and" to a number entity that the tagger left out ("120 and 85 migrants").
    for t in doc:
        if t.dep_ == "conj" and t.head.like_num and t.like_num and t.head.ent_type_ == "CARDINAL" \
                and not t.ent_type_ and _NUM.match(t.text) and t.head.i < t.i:
            covered.append((t.idx, t.idx + len(t.text)))
            rec = _record(doc, ctx, t.idx, t.idx + len(t.text), "CARDINAL")
            if rec is not None:
                out.append(rec)
    # Vague plurals the tagger did not mark ("hundreds of protesters").
    for m in _vague_re().finditer(ctx.text):
        s, e = m.span()
        if any(a < e and s < b for a, b in covered):
            continue
        nxt = ctx.text[e:e + 4].lower()
        if not nxt.startswith(" of"):
            continue
        rec = _record(doc, ctx, s, e, "CARDINAL")
        if rec is not None:
            out.append(rec)
            covered.append((rec["start"], rec["end"]))   # "hundreds of billions": one amount
    out.sort(key=lambda r: r["start"])
    _low_end_units(out, ctx.text)
    _bracketed_conversions(out, ctx.text)
    _elided_units(out)
    _bracket_hedges(out, ctx.text)
    # A number whose sentence never says what it counts is no fact an analyst can use
    # ("File on 4", "at 24", "Two left Iraq ...", "the total is 67"): not stored.
    return [rec for rec in out if rec["unit"] is not None]


_BRACKET_GAP = re.compile(r"^\s*(?:\(|-LRB-|\[)\s*[#$£€]?\s*$")


def _bracketed_conversions(amounts: list[dict], text: str) -> None:
    """A bare number in brackets right after an amount with a unit and before a short
    unit word the tagger left out ("six feet (1.8 m)", "30ft (9m)") gives that amount
    again in another unit: it takes no unit from the counts before it, which would make it
    1.8 feet ("88 deaths (20 confirmed)" still counts deaths)."""
    for a, b in zip(amounts, amounts[1:]):
        if b.get("_bare") and a["unit"] is not None and _BRACKET_GAP.match(text[a["end"]:b["start"]]) \
                and re.match(r"\s*[^\W\d_]{1,3}\b", text[b["end"]:b["end"] + 5]):
            b.pop("_bare")


def _low_end_units(amounts: list[dict], text: str) -> None:
    """A bare count just before "to" and a count with a unit, kept apart as an old size and a
    new one ("raised the estimate from 2,000 to 8,000 barrels a day"), takes that unit."""
    for a, b in zip(amounts, amounts[1:]):
        if a.get("_bare") and a["unit"] is None and b["unit"] is not None and b["sentence"] == a["sentence"] \
                and re.fullmatch(r"\s+to\s+", text[a["end"]:b["start"]], re.I):
            a["unit"], a["kind"] = b["unit"], a["kind"] or b["kind"]
            a.pop("_bare")


def _bracket_hedges(amounts: list[dict], text: str) -> None:
    """A measure or sum given again in brackets in another unit ("about 80 kilometers
    (50 miles)", "nearly $2bn (#1.3bn)") takes the hedge of the one it converts."""
    for a, b in zip(amounts, amounts[1:]):
        if b["qualifier"] is None and a["qualifier"] is not None and a["unit"] and b["unit"] \
                and a["unit"] != b["unit"] and a.get("low") is None and b.get("low") is None \
                and _BRACKET_GAP.match(text[a["end"]:b["start"]]):
            b["qualifier"] = a["qualifier"]


def _elided_units(amounts: list[dict]) -> None:
    """Give a bare count the unit its sentence leaves out: that of the nearest
    earlier count of things in the same sentence ("eight people were killed and
    30 were wounded", "39 died, 26 of them in Homs"), else "people" for the dead,
    hurt, displaced or arrested ("more than 7,000 have died"). A bare count whose
    sentence says nothing of what it counts keeps ``unit`` None, and ``extract`` then
    leaves it out."""
    plural = [rec.pop("_plural", False) for rec in amounts]
    for rec in amounts:
        if not rec.get("_bare"):
            rec.pop("_others", None)
    last_any: dict[int, str] = {}    # sentence -> unit of its latest count of things so far
    last_kind: dict[int, str] = {}   # sentence -> unit of its latest count of the dead, hurt... so far
    for i, rec in enumerate(amounts):
        sent = rec["sentence"]
        if rec.pop("_bare", False):
            earlier = last_any.get(sent) if rec["kind"] is None else last_kind.get(sent)
            if earlier == "deaths" and rec["kind"] not in (None, "killed"):
                earlier = None   # "a toll of 50,000, with millions more injured": the injured are people
            if earlier is not None:
                rec["unit"] = earlier
            elif rec["kind"] is not None or rec.get("_others"):
                rec["unit"] = "people"   # "evacuated along with 800 others", "the 22,000 who took part": people
            rec.pop("_others", None)
            plural[i] = rec["unit"] is not None
        if plural[i]:   # one pass, linear in the amounts (issue 15)
            last_any[sent] = rec["unit"]
            if rec["kind"] is not None:
                last_kind[sent] = rec["unit"]
