"""Places: a third held-out namesake set, where the article's own context decides (issue 16).

Written before the rules it measures (see :data:`BASELINE_RIGHT`), after the seed-96 places
judges on two topics nobody developed on (H1N1_bbc, bpoil_reuters): short texts of our own,
in the style of international news and of US local news, where a name has namesakes and
what the article says around it tells which is meant:

- ``foreign``: a big city abroad that a report names beside its country or division, in a
  story whose other places lie elsewhere (an Australian Melbourne in a British report that
  also names English towns near England's own Melbourne);
- ``district``: a district of a big city that the gazetteer lacks while a small town abroad
  bears its name (Dulwich of south London, not Dulwich of South Australia): any point within
  :data:`TOLERANCE_KM` of the city is right;
- ``state``: a US town whose state the text names in a nearby sentence, with a bigger
  namesake elsewhere;
- ``county``: a US town whose county (one that few states have) the text names elsewhere;
- ``small``: the small namesake is meant, and the text names its surroundings (a check
  that the rules do not lift every big city);
- ``missing``: a town the gazetteer lacks, written once with its state ("Venice, La.") and
  then bare; any point in that state is right (its own ``km`` is the state's size).

Each expected point is the GeoNames entry as the gazetteer holds it (looked up by hand
with ``gazetteer().lookup(name)``, the entry chosen by its country and state), or for
``district`` and ``missing`` the place the district lies in or the town's true point.
"""

from __future__ import annotations

from collections import Counter

from dateline_testing import found_near

#: How near the expected point a guess must lie (km), unless a case gives its own.
TOLERANCE_KM = 40.0

#: Right of 41 with the code of commit db6d1f5, scored once before any change (.634).
BASELINE_RIGHT = 26
#: Right of 41 after the nearby-evidence and gazetteer-gap rules of issue 16 (.951; an
#: in-sample figure: the rules were written with this set at hand). Still missed: Havana,
#: Illinois (the state named only inside "the Illinois River") and Venice, Louisiana written
#: bare (no Venice in the gazetteer's Louisiana, and no "Venice, La." to say so).
MEASURED_RIGHT = 39

#: (text, mention, expected latitude, expected longitude, km, the place meant, group).
CASES: list[tuple[str, str, float, float, float, str, str]] = [
    # A big city abroad, its country or division named beside it.
    ("Hospitals in Birmingham and Nottingham saw more flu patients this week, the health "
     "agency said. Winter has come early in Australia. A virologist based in Melbourne said "
     "the state of Victoria had confirmed 300 cases.",
     "Melbourne", -37.814, 144.963, TOLERANCE_KM, "Melbourne, Australia", "foreign"),
    ("Scotland's cricketers flew out on Sunday for their tour of Australia. The first match is "
     "in Perth next week, and the squad then moves on to Adelaide.",
     "Perth", -31.952, 115.861, TOLERANCE_KM, "Perth, Western Australia", "foreign"),
    ("Swimmers from Halifax and Moncton will race for Canada at the world championships in "
     "Australia. The meet opens in Sydney on March 3.",
     "Sydney", -33.868, 151.207, TOLERANCE_KM, "Sydney, Australia", "foreign"),
    ("New Zealand recorded 40 new cases on Tuesday. Most were in Hamilton, south of Auckland, "
     "where two schools have closed.",
     "Hamilton", -37.783, 175.283, TOLERANCE_KM, "Hamilton, New Zealand", "foreign"),
    ("The case has drawn protests outside the US embassy in London. Virginia plans to carry "
     "out the sentence in Richmond next month, lawyers for the Briton said.",
     "Richmond", 37.554, -77.460, TOLERANCE_KM, "Richmond, Virginia", "foreign"),
    ("Carmakers in Ontario are bracing for tariffs. At a parts plant in Windsor, across the "
     "river from Detroit, managers cut the night shift.",
     "Windsor", 42.300, -83.017, TOLERANCE_KM, "Windsor, Ontario", "foreign"),
    ("Fighting flared again in northern Lebanon overnight. In Tripoli, gunmen from two "
     "neighbourhoods traded fire until the army moved in.",
     "Tripoli", 34.434, 35.844, TOLERANCE_KM, "Tripoli, Lebanon", "foreign"),
    ("Floods have cut roads across Sindh province in Pakistan. In Hyderabad, families camped "
     "on the embankments as the Indus rose.",
     "Hyderabad", 25.397, 68.377, TOLERANCE_KM, "Hyderabad, Pakistan", "foreign"),
    ("Tourism in Nicaragua has fallen by half since the unrest began. In Granada, on the shore "
     "of the great lake, hotel owners say most rooms stand empty.",
     "Granada", 11.931, -85.954, TOLERANCE_KM, "Granada, Nicaragua", "foreign"),
    ("Costa Rica's president declared a state of emergency on Friday. Officials in San Jose "
     "said the rains had washed away three bridges.",
     "San Jose", 9.934, -84.085, TOLERANCE_KM, "San Jose, Costa Rica", "foreign"),
    ("Ontario will build a new prison, the province said. The site is outside Kingston, "
     "halfway between Toronto and Montreal.",
     "Kingston", 44.230, -76.481, TOLERANCE_KM, "Kingston, Ontario", "foreign"),
    ("Students at two universities in Massachusetts walked out on Monday. In Cambridge, "
     "hundreds marched along the river towards Boston.",
     "Cambridge", 42.375, -71.106, TOLERANCE_KM, "Cambridge, Massachusetts", "foreign"),
    ("The march began in Selma and ended in Montgomery. Alabama's governor said on Friday that "
     "a memorial would also open in Birmingham.",
     "Birmingham", 33.521, -86.802, TOLERANCE_KM, "Birmingham, Alabama", "foreign"),
    # A London district the gazetteer lacks; a small town abroad bears its name.
    ("Five schools in England remain closed after pupils fell ill. Three are in London: one in "
     "Dulwich, one in Battersea and one in Hampstead.",
     "Dulwich", 51.509, -0.126, TOLERANCE_KM, "Dulwich, London", "district"),
    ("A pupil at a school in Sydenham, south-east London, has tested positive, the council "
     "said on Thursday.",
     "Sydenham", 51.509, -0.126, TOLERANCE_KM, "Sydenham, London", "district"),
    ("Police in London are searching for a man who broke into a house in Hampstead on "
     "Saturday night.",
     "Hampstead", 51.509, -0.126, TOLERANCE_KM, "Hampstead, London", "district"),
    # A US town, its state named in a nearby sentence.
    ("Maine's lobster catch fell for a third year. In Portland, the city council voted to help "
     "the fishermen who dock at the old wharves.",
     "Portland", 43.657, -70.259, TOLERANCE_KM, "Portland, Maine", "state"),
    ("The farm show drew record crowds to Harrisburg, Pennsylvania officials said. In "
     "Lancaster, Amish farmers sold out of cider by noon.",
     "Lancaster", 40.038, -76.306, TOLERANCE_KM, "Lancaster, Pennsylvania", "state"),
    ("Minnesota's health department reported a rise in measles. Doctors in Rochester said "
     "three children were treated this week.",
     "Rochester", 44.022, -92.470, TOLERANCE_KM, "Rochester, Minnesota", "state"),
    ("Marines at Camp Lejeune in North Carolina will get new barracks. The base borders "
     "Jacksonville, whose mayor welcomed the money.",
     "Jacksonville", 34.754, -77.430, TOLERANCE_KM, "Jacksonville, North Carolina", "state"),
    ("Pecan growers in southwest Georgia lost half their trees in the storm. In Albany, crews "
     "cleared roads through the weekend.",
     "Albany", 31.579, -84.156, TOLERANCE_KM, "Albany, Georgia", "state"),
    ("Race fans packed hotels across east Tennessee for the weekend. In Bristol, traffic backed "
     "up for miles before the green flag.",
     "Bristol", 36.595, -82.189, TOLERANCE_KM, "Bristol, Tennessee", "state"),
    ("An Ohio factory town is getting a new hospital. Lima, about 70 miles north of Dayton, "
     "lost its last one in 2009.",
     "Lima", 40.743, -84.105, TOLERANCE_KM, "Lima, Ohio", "state"),
    ("Florida's Gulf coast braced for the hurricane on Tuesday. Shops in Naples boarded up "
     "their windows and the beaches emptied.",
     "Naples", 26.142, -81.796, TOLERANCE_KM, "Naples, Florida", "state"),
    ("Barges are stuck on the Illinois River after the lock failed. In Havana, the grain "
     "elevator has stopped buying corn.",
     "Havana", 40.300, -90.061, TOLERANCE_KM, "Havana, Illinois", "state"),
    ("Southwest Missouri schools closed for the ice storm. In Carthage and Joplin, crews "
     "spread salt through the night.",
     "Carthage", 37.176, -94.310, TOLERANCE_KM, "Carthage, Missouri", "state"),
    ("A Tennessee carpet maker is hiring 200 people. The plant in Cleveland, north of "
     "Chattanooga, will run three shifts.",
     "Cleveland", 35.160, -84.877, TOLERANCE_KM, "Cleveland, Tennessee", "state"),
    ("Massachusetts will pay for a new bridge over the Mystic River. In Chelsea, residents "
     "have waited years for the work.",
     "Chelsea", 42.392, -71.033, TOLERANCE_KM, "Chelsea, Massachusetts", "state"),
    ("Connecticut's richest town has approved a bigger school budget. The vote in Greenwich "
     "passed by a wide margin.",
     "Greenwich", 41.026, -73.628, TOLERANCE_KM, "Greenwich, Connecticut", "state"),
    ("The ferry to Grand Isle stopped running on Monday. Louisiana's wildlife agency said "
     "the island's beaches would stay closed until the oil was gone.",
     "Grand Isle", 29.237, -89.987, TOLERANCE_KM, "Grand Isle, Louisiana", "state"),
    # A US town, its county named elsewhere in the article.
    ("Brevard County deputies closed a road near the space coast on Monday. In Melbourne, a "
     "sinkhole swallowed part of a parking lot.",
     "Melbourne", 28.084, -80.608, TOLERANCE_KM, "Melbourne, Florida", "county"),
    ("Sarasota County will rebuild a fishing pier. The pier in Venice was wrecked by the "
     "storm last fall.",
     "Venice", 27.100, -82.454, TOLERANCE_KM, "Venice, Florida", "county"),
    ("Anne Arundel County police arrested two men after a chase. The chase ended in Pasadena, "
     "where the car hit a fence.",
     "Pasadena", 39.119, -76.571, TOLERANCE_KM, "Pasadena, Maryland", "county"),
    ("Ulster County legislators approved a new jail. The building will rise on the edge of "
     "Kingston, near the Hudson.",
     "Kingston", 41.927, -73.997, TOLERANCE_KM, "Kingston, New York", "county"),
    ("Bartholomew County will widen the highway. Drivers in Columbus should expect delays "
     "until the fall, the engineer said.",
     "Columbus", 39.201, -85.921, TOLERANCE_KM, "Columbus, Indiana", "county"),
    ("Bradley County schools will start an hour late because of fog. Parents in Cleveland "
     "were told to watch for buses.",
     "Cleveland", 35.160, -84.877, TOLERANCE_KM, "Cleveland, Tennessee", "county"),
    # The small namesake is meant, and the text says where it lies.
    ("Scotland's farmers met in Perth on Tuesday. Growers from Dundee and Stirling asked the "
     "government for help after the wet summer.",
     "Perth", 56.395, -3.431, TOLERANCE_KM, "Perth, Scotland", "small"),
    ("Rain flooded streets in Bristol and Bath on Sunday, and the Environment Agency warned "
     "of more in Somerset.",
     "Bristol", 51.455, -2.597, TOLERANCE_KM, "Bristol, England", "small"),
    ("Pupils in Melbourne and Castle Donington were sent home after a gas leak. Derbyshire "
     "County Council said the schools would reopen on Monday.",
     "Melbourne", 52.822, -1.425, TOLERANCE_KM, "Melbourne, Derbyshire", "small"),
    # A town the gazetteer lacks, written once with its state, then bare.
    ("Oil reached the marshes near Venice, La., on Friday. Louisiana's governor flew over the "
     "coast, and boat captains in Venice said they had no work.",
     "Venice", 29.277, -89.354, 350.0, "Venice, Louisiana", "missing"),
    ("Shrimpers in Louisiana are idle. Boats sat at the docks in Venice all week, and the "
     "fishermen of Plaquemines Parish asked the state for help.",
     "Venice", 29.277, -89.354, 350.0, "Venice, Louisiana", "missing"),
]


def test_the_context_set_scores_at_least_its_measured_figure(namesake_places):
    """The whole set: printed by group, and a fall below the measured figure fails."""
    right = [c for c in CASES if found_near(namesake_places(c[0]), c[1], c[2], c[3], c[4])]
    by_group = Counter(c[6] for c in right)
    print(f"context namesake set: {len(right)} of {len(CASES)} right;",
          {g: f"{by_group[g]}/{n}" for g, n in Counter(c[6] for c in CASES).items()},
          "missed:", [c[5] for c in CASES if c not in right])
    assert len(right) >= MEASURED_RIGHT


def test_each_mention_is_in_its_text():
    """Each case's mention is written in its text (a check on the set itself)."""
    for text, mention, *_ in CASES:
        assert mention in text, mention
