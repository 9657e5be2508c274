"""Places: small US towns that share their name with a bigger place elsewhere.

A second check set for disambiguation (issue 16), beside GeoWebNews: short texts
in the style of US local news, written by us, where the place meant is a small
town and a far bigger namesake exists (Paris, France and Paris, Texas). The
article's own context must decide: an explicit state after the name ("Lebanon,
Tenn."), the towns, counties and state it names nearby. Each expected point is the
GeoNames entry of the town as the gazetteer holds it (looked up by hand with
``gazetteer().lookup(name)`` and checked against the town's state); a guess
within :data:`TOLERANCE_KM` of it is right (every namesake lies much farther).
"""

from __future__ import annotations

import pytest

from dateline.gazetteer import gazetteer, haversine_km
from dateline_testing import found_near

#: How near the expected point a guess must lie (km): the town, not a namesake.
TOLERANCE_KM = 40.0

#: Cases the extractor still gets wrong, and why (each is expected to fail until fixed).
#: (Cairo, Illinois; Lebanon, New Hampshire; and Dover, Delaware were missed until the
#: pair evidence of issue 16: towns of the other names lying close vouch for each other.)
KNOWN_MISSES: dict[str, str] = {}

#: (text, mention, expected latitude, expected longitude, the town meant).
CASES: list[tuple[str, str, float, float, str]] = [
    ("Crews from Tyler and Sulphur Springs helped firefighters in Paris on Tuesday after a grain "
     "elevator caught fire near the Lamar County line, officials in Dallas said.",
     "Paris", 33.661, -95.556, "Paris, Texas"),
    ("The school board in Athens voted to delay the bond measure. Board members said voters in "
     "Nelsonville and Logan had questions, and Ohio University offered to host a forum.",
     "Athens", 39.329, -82.101, "Athens, Ohio"),
    ("Moscow police arrested two men after a break-in at a pharmacy on Main Street. The suspects "
     "were taken to the jail in Latah County; one lives in Pullman and the other in Lewiston, Idaho.",
     "Moscow", 46.732, -117.0, "Moscow, Idaho"),
    ("A new bypass around Lebanon, Tenn., will open next month, the state transportation "
     "department said, easing traffic between Nashville and Murfreesboro.",
     "Lebanon", 36.208, -86.291, "Lebanon, Tennessee"),
    ("The paper mill in Berlin will cut 40 jobs, the company said. Workers from Gorham and "
     "Milan, New Hampshire, fill most shifts at the plant on the Androscoggin River.",
     "Berlin", 44.469, -71.185, "Berlin, New Hampshire"),
    ("Dublin city council approved a new library branch on Wednesday. The suburb northwest of "
     "Columbus has grown faster than Westerville or Hilliard, Ohio, in the last decade.",
     "Dublin", 40.099, -83.114, "Dublin, Ohio"),
    ("Flood waters rose near Cairo on Sunday where the Ohio River meets the Mississippi. "
     "Sandbagging crews came from Carbondale and Paducah, and the governor of Illinois toured the levee.",
     "Cairo", 37.005, -89.176, "Cairo, Illinois"),
    ("Commuters in Vienna should expect lane closures on Route 123 this weekend, Fairfax County "
     "said. Drivers heading to Tysons or Arlington, Virginia, are told to use the Beltway.",
     "Vienna", 38.901, -77.265, "Vienna, Virginia"),
    ("A storm knocked out power to 9,000 homes in Rome and Cartersville, Georgia Power said. "
     "Floyd County schools will open two hours late.",
     "Rome", 34.257, -85.165, "Rome, Georgia"),
    ("The hospital in Florence will add 30 beds. Patients from Muscle Shoals, Sheffield and "
     "Tuscumbia, Alabama, now drive to Huntsville for some surgery.",
     "Florence", 34.8, -87.677, "Florence, Alabama"),
    ("Warsaw police said a truck overturned on U.S. 30 east of town. Kosciusko County deputies "
     "closed the road to Fort Wayne, Indiana, for three hours.",
     "Warsaw", 41.238, -85.853, "Warsaw, Indiana"),
    ("A fire destroyed a barn outside London on Friday. Laurel County firefighters and a crew "
     "from Corbin, Kentucky, kept it from spreading to the house.",
     "London", 37.129, -84.083, "London, Kentucky"),
    ("The county fair in Delhi opens Thursday. Organisers expect visitors from Oneonta, Walton "
     "and the rest of Delaware County, New York.",
     "Delhi", 42.278, -74.916, "Delhi, New York"),
    ("Peru, Ind., will repave six streets this summer. The city, north of Kokomo, won a state "
     "grant for the work.",
     "Peru", 40.754, -86.069, "Peru, Indiana"),
    ("Students at two high schools in Odessa walked out on Monday. Teachers in Midland and Big "
     "Spring, Texas, said they would join the protest.",
     "Odessa", 31.846, -102.368, "Odessa, Texas"),
    ("Lima police closed Elm Street after a gas leak. Allen County crews from Findlay and "
     "Wapakoneta, Ohio, helped repair the line.",
     "Lima", 40.743, -84.105, "Lima, Ohio"),
    ("The harbor in Belfast was busy this weekend as boats came in from Camden and Rockland, "
     "Maine, for the annual regatta.",
     "Belfast", 44.426, -69.006, "Belfast, Maine"),
    ("Aberdeen, S.D., will host the state wrestling meet. Teams from Watertown, Mitchell and "
     "Huron are expected.",
     "Aberdeen", 45.465, -98.486, "Aberdeen, South Dakota"),
    ("Dartmouth students in Hanover rallied on the green. Residents of Lebanon and White River "
     "Junction, Vermont, joined the march.",
     "Hanover", 43.702, -72.29, "Hanover, New Hampshire"),
    ("A new ferry will link Norwich with New London, Connecticut, the port authority said. "
     "Mystic and Groton business owners welcomed the plan.",
     "Norwich", 41.524, -72.076, "Norwich, Connecticut"),
    ("Beach parking fees in Naples will rise in March. Visitors from Fort Myers and Marco "
     "Island, Florida, pay the most.",
     "Naples", 26.142, -81.796, "Naples, Florida"),
    ("Wine makers around Geneva expect a small harvest. Vineyards near Seneca Falls and "
     "Canandaigua, New York, lost grapes to a late frost.",
     "Geneva", 42.869, -76.978, "Geneva, New York"),
    ("Horse farms near Versailles opened their barns to visitors. Many came from Lexington and "
     "Frankfort, Kentucky.",
     "Versailles", 38.053, -84.73, "Versailles, Kentucky"),
    ("Mexico, Mo., will build a new water tower. The town, east of Columbia, Missouri, has "
     "outgrown the old one.",
     "Mexico", 39.17, -91.883, "Mexico, Missouri"),
    ("Tourists filled the waterfront at Plymouth on Thanksgiving. Traffic backed up from "
     "Kingston and Duxbury, Massachusetts.",
     "Plymouth", 41.958, -70.667, "Plymouth, Massachusetts"),
    ("A new bridge over the Hudson at Kingston is planned. Commuters from Rhinebeck and "
     "Poughkeepsie, New York, welcomed it.",
     "Kingston", 41.927, -73.997, "Kingston, New York"),
    ("Bethlehem will close its Christmas market early this year, the mayor said. Stores in "
     "Allentown and Easton, Pennsylvania, expect more visitors.",
     "Bethlehem", 40.626, -75.37, "Bethlehem, Pennsylvania"),
    ("Springfield, Ill., aldermen voted to raise water rates. The capital's utility also "
     "serves Chatham and Sherman.",
     "Springfield", 39.802, -89.644, "Springfield, Illinois"),
    # No state named: only the towns around tell.
    ("Firefighters from Hanover and Enfield helped Lebanon crews put out a blaze at an "
     "apartment block on Friday night.",
     "Lebanon", 43.642, -72.252, "Lebanon, New Hampshire"),
    ("The council in Florence approved a new sports complex. Families from Darlington and "
     "Hartsville already drive there for weekend tournaments.",
     "Florence", 34.195, -79.763, "Florence, South Carolina"),
    ("Traffic on the road between Paris and Georgetown will shift to one lane while crews "
     "widen the bridge, and drivers going on to Lexington should allow extra time.",
     "Paris", 38.21, -84.253, "Paris, Kentucky"),
    ("Two men were hurt in a crash on the bridge between Columbus and Phenix City on "
     "Saturday, police said.",
     "Columbus", 32.461, -84.988, "Columbus, Georgia"),
    ("Aurora police are looking for a driver who hit a cyclist near the Naperville border; "
     "the rider was taken to a hospital in Joliet.",
     "Aurora", 41.761, -88.32, "Aurora, Illinois"),
    ("Springfield will repave Glenstone Avenue this summer. Crews from Branson and Joplin are "
     "bidding for the work.",
     "Springfield", 37.215, -93.298, "Springfield, Missouri"),
    ("Dover schools will start an hour later next year. Parents in Smyrna and Milford asked "
     "their districts to do the same.",
     "Dover", 39.158, -75.524, "Dover, Delaware"),
    ("A new clinic opened in Athens this week, the third in the area after those in "
     "Watkinsville and Winder.",
     "Athens", 33.961, -83.378, "Athens, Georgia"),
    ("Portland ferry riders face higher fares. Commuters from South Portland and Bangor said "
     "the rise was too steep.",
     "Portland", 43.657, -70.259, "Portland, Maine"),
    ("Rents in Cambridge rose eight per cent last year, faster than in Somerville or "
     "Boston.",
     "Cambridge", 42.375, -71.106, "Cambridge, Massachusetts"),
]


@pytest.mark.parametrize("text, mention, lat, lon, town",
                         [c for c in CASES if c[4] not in KNOWN_MISSES],
                         ids=[c[4] for c in CASES if c[4] not in KNOWN_MISSES])
def test_small_town_over_its_far_namesake(namesake_places, text, mention, lat, lon, town):
    found = [p for p in namesake_places(text) if p["text"] == mention]
    assert found, f"{mention!r} not found in {town} text"
    p = found[0]
    assert haversine_km(p["lat"], p["lon"], lat, lon) < TOLERANCE_KM, (
        f"{town}: got {p['name']} ({p['country']}, {p['admin1']})")


def test_the_whole_set_scores_at_least_its_measured_figure(namesake_places):
    """All 38 texts, the known misses included: 35 resolved right when first measured,
    38 after the county and pair evidence of issue 16 (December 2026); printed, and a
    fall below the known misses fails."""
    right = [c[4] for c in CASES if found_near(namesake_places(c[0]), *c[1:4], TOLERANCE_KM)]
    print(f"namesake set: {len(right)} of {len(CASES)} right; missed:",
          sorted({c[4] for c in CASES} - set(right)))
    assert len(right) >= len(CASES) - len(KNOWN_MISSES)


def test_expected_points_are_the_gazetteer_towns():
    """Each expected point is a town of that name in the gazetteer (a check on the set itself)."""
    gaz = gazetteer()
    for _text, mention, lat, lon, town in CASES:
        towns = [p for p in gaz.lookup(mention) if p.kind == "city" and p.country == "US"]
        assert any(haversine_km(p.lat, p.lon, lat, lon) < 1 for p in towns), town
