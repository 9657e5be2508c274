"""Places: a held-out set of small US towns that share their name with bigger places.

Written after tests/test_places_namesakes.py (issue 16) and in the same shape, but
with other towns and states, to measure whether the namesake rules generalise:
short texts in the style of US local news, written by us, where the place meant is
usually a small town with a far bigger namesake elsewhere. The groups say what in
the text tells which place is meant: an AP dateline with the state's abbreviation
("SPRINGFIELD, Mass. (AP) --"), the state named once in the sentence before, a
county that only one namesake's state has, the towns around it, a state university
or a local paper, and texts where the bigger namesake is meant. Each expected point
is the GeoNames entry of the town as the gazetteer holds it (the most populous city
of exactly that name in that state or country, checked by hand against the town
meant); a guess within :data:`TOLERANCE_KM` of it is right.

The set was scored once with the code before the rules it was written to test (see
:data:`BASELINE_RIGHT`); the floor test asserts the figure measured after them.
"""

from __future__ import annotations

from collections import Counter

from dateline.gazetteer import gazetteer, haversine_km, name_key
from dateline_testing import found_near

#: How near the expected point a guess must lie (km): the town, not a namesake.
TOLERANCE_KM = 40.0

#: Right of 78 with the code of commit f981d1e, scored once before any change (.692).
BASELINE_RIGHT = 54
#: Right of 78 after the county, named-state and pair evidence (69, .885; an in-sample figure:
#: the rules were written with this set at hand), then 72 (.923) after the nearby evidence of
#: tests/test_places_namesakes_context.py (in-sample too: this set was at hand).
MEASURED_RIGHT = 72

#: (text, mention, expected latitude, expected longitude, the town meant, what tells it).
CASES: list[tuple[str, str, float, float, str, str]] = [
    # An AP dateline with the state's abbreviation (or name).
    ('SPRINGFIELD, Mass. (AP) -- The city council voted Tuesday to buy 20 electric buses for '
     'the routes along Main Street and State Street.',
     'SPRINGFIELD', 42.101, -72.590, 'Springfield, Massachusetts', 'dateline'),
    ('COLUMBIA, Mo. (AP) -- Students returned to class on Monday after a water main broke '
     'under a dormitory, university officials said.',
     'COLUMBIA', 38.952, -92.334, 'Columbia, Missouri', 'dateline'),
    ('JACKSON, Tenn. (AP) -- A tornado tore roofs off homes and toppled trees across the city '
     'overnight, the weather service said.',
     'JACKSON', 35.615, -88.814, 'Jackson, Tennessee', 'dateline'),
    ('LEBANON, Pa. -- A warehouse fire sent smoke over downtown on Sunday, and firefighters '
     'worked through the night to put it out.',
     'LEBANON', 40.341, -76.411, 'Lebanon, Pennsylvania', 'dateline'),
    ('MANCHESTER, N.H. (AP) -- The school board approved a contract with bus drivers after '
     'months of talks.',
     'MANCHESTER', 42.996, -71.455, 'Manchester, New Hampshire', 'dateline'),
    ('AURORA, Ill. (AP) -- A factory on the east side of the city will close in the spring, '
     'cutting 300 jobs.',
     'AURORA', 41.761, -88.320, 'Aurora, Illinois', 'dateline'),
    ('FLORENCE, Ky. (AP) -- Shoppers lined up before dawn outside the mall for the holiday '
     'sales.',
     'FLORENCE', 38.999, -84.627, 'Florence, Kentucky', 'dateline'),
    ('ATHENS, Tenn. (AP) -- Voters approved a sales tax increase to pay for a new high school.',
     'ATHENS', 35.443, -84.593, 'Athens, Tennessee', 'dateline'),
    ('SALEM, Mass. (AP) -- Crowds filled the streets for the Halloween festival, and the city '
     'closed two parking garages.',
     'SALEM', 42.520, -70.896, 'Salem, Massachusetts', 'dateline'),
    ('TROY, N.Y. (AP) -- A fire tore through an empty mill on the riverfront early Saturday.',
     'TROY', 42.728, -73.692, 'Troy, New York', 'dateline'),
    ('CANTON, Ohio (AP) -- The hall of fame weekend drew thousands of football fans to the '
     'city.',
     'CANTON', 40.799, -81.378, 'Canton, Ohio', 'dateline'),
    ('ALEXANDRIA, La. (AP) -- A judge set bail for a man accused of robbing two banks in the '
     'city.',
     'ALEXANDRIA', 31.311, -92.445, 'Alexandria, Louisiana', 'dateline'),
    ('VICTORIA, Texas (AP) -- Workers were sent home after a leak at a chemical plant south of '
     'the city.',
     'VICTORIA', 28.805, -97.004, 'Victoria, Texas', 'dateline'),
    ('RICHMOND, Ky. (AP) -- The regional university will freeze tuition next year, its '
     'president said.',
     'RICHMOND', 37.748, -84.295, 'Richmond, Kentucky', 'dateline'),
    ("OXFORD, Miss. (AP) -- The university's football coach signed a new five-year contract on "
     'Friday.',
     'OXFORD', 34.367, -89.519, 'Oxford, Mississippi', 'dateline'),
    ('Bristol, Conn. -- The sports network based in the city announced 100 layoffs on '
     'Wednesday.',
     'Bristol', 41.672, -72.949, 'Bristol, Connecticut', 'dateline'),
    # The state named once, in the sentence before.
    ('Ohio lawmakers toured flooded farms on Thursday. In Lancaster, the fairgrounds were '
     'under two feet of water, and the mayor asked for help.',
     'Lancaster', 39.714, -82.599, 'Lancaster, Ohio', 'state once'),
    ("Pennsylvania's biggest teachers union endorsed the governor on Monday. At a rally in "
     'Chester, members said classes had grown too large.',
     'Chester', 39.848, -75.358, 'Chester, Pennsylvania', 'state once'),
    ('A Kentucky distillery will build a second warehouse. The plant in Glasgow employs 120 '
     'people and ships bourbon to 40 countries.',
     'Glasgow', 36.996, -85.912, 'Glasgow, Kentucky', 'state once'),
    ('The New Jersey Supreme Court heard a zoning case from Verona on Wednesday; the township '
     'wants to block a 200-unit apartment plan.',
     'Verona', 40.830, -74.240, 'Verona, New Jersey', 'state once'),
    ('Maine lost another paper mill on Friday. The plant in Lisbon, which made tissue for 60 '
     'years, will close in March.',
     'Lisbon', 44.031, -70.105, 'Lisbon, Maine', 'state once'),
    ('Texas regulators fined a pipeline company on Tuesday. Residents of Palestine said the '
     'leak had fouled a creek for weeks.',
     'Palestine', 31.762, -95.631, 'Palestine, Texas', 'state once'),
    ('Georgia peach growers expect a smaller crop. In Cairo, a farm supply store said orders '
     'for frost fans had doubled.',
     'Cairo', 30.878, -84.202, 'Cairo, Georgia', 'state once'),
    ("Idaho's college towns are short of rental housing. In Moscow, a two-bedroom apartment "
     'now costs $1,400 a month.',
     'Moscow', 46.732, -117.000, 'Moscow, Idaho', 'state once'),
    # A county (or parish) that only one of the namesakes' states has.
    ('Boone County commissioners approved a new jail on Tuesday. It will go up on the edge of '
     'Florence, near the interstate.',
     'Florence', 38.999, -84.627, 'Florence, Kentucky', 'county'),
    ('Lafayette County deputies searched the woods north of Oxford for a missing hiker on '
     'Sunday.',
     'Oxford', 34.367, -89.519, 'Oxford, Mississippi', 'county'),
    ('McMinn County schools will open a week late because of repairs at the high school in '
     'Athens.',
     'Athens', 35.443, -84.593, 'Athens, Tennessee', 'county'),
    ('A Berks County judge ordered Reading to pay back the fees it had charged landlords.',
     'Reading', 40.336, -75.927, 'Reading, Pennsylvania', 'county'),
    ('The Miami County fair will move its livestock show to Troy after a barn collapsed at the '
     'old grounds.',
     'Troy', 40.039, -84.203, 'Troy, Ohio', 'county'),
    ('Hillsborough County prosecutors charged a Manchester man with fraud on Thursday.',
     'Manchester', 42.996, -71.455, 'Manchester, New Hampshire', 'county'),
    ('Essex County opened a new ferry dock in Gloucester, the fishing port north of Boston.',
     'Gloucester', 42.614, -70.663, 'Gloucester, Massachusetts', 'county'),
    ('Victoria County lifted a boil-water order for the city of Victoria on Monday.',
     'Victoria', 28.805, -97.004, 'Victoria, Texas', 'county'),
    ('Rapides Parish deputies arrested three men after a car chase that ended in Alexandria.',
     'Alexandria', 31.311, -92.445, 'Alexandria, Louisiana', 'county'),
    # No state named: only the towns around tell.
    ('Drivers between Kingsport and Johnson City should expect delays while the highway into '
     'Bristol is repaved this month.',
     'Bristol', 36.595, -82.189, 'Bristol, Tennessee', 'nearby'),
    ('Flights out of Melbourne were held up by a rocket launch from Cape Canaveral, and people '
     'in Titusville and Palm Bay watched from the causeway.',
     'Melbourne', 28.084, -80.608, 'Melbourne, Florida', 'nearby'),
    ('Polo season opened in Wellington on Sunday, and traffic backed up toward Royal Palm '
     'Beach and West Palm Beach.',
     'Wellington', 26.659, -80.241, 'Wellington, Florida', 'nearby'),
    ('A new clinic in Hamburg will serve patients from Orchard Park and the southern suburbs '
     'of Buffalo.',
     'Hamburg', 42.716, -78.829, 'Hamburg, New York', 'nearby'),
    ('The canal lock at Amsterdam reopened on Friday; boaters from Schenectady and '
     'Gloversville had waited a week.',
     'Amsterdam', 42.939, -74.188, 'Amsterdam, New York', 'nearby'),
    ('Damascus residents packed a hearing on a planned gas station, and neighbours from '
     'Germantown and Gaithersburg spoke too.',
     'Damascus', 39.288, -77.204, 'Damascus, Maryland', 'nearby'),
    ('Beachgoers in Venice hunted for fossil shark teeth after the storm, while Sarasota and '
     'Englewood cleared debris.',
     'Venice', 27.100, -82.454, 'Venice, Florida', 'nearby'),
    ("Verona approved a tax break for a software company's new offices; the firm already "
     'employs hundreds in Fitchburg and Madison.',
     'Verona', 42.991, -89.533, 'Verona, Wisconsin', 'nearby'),
    ('Carthage will host the regional softball tournament, with teams from Joplin, Webb City '
     'and Neosho.',
     'Carthage', 37.176, -94.310, 'Carthage, Missouri', 'nearby'),
    ('Corinth broke ground on a water plant that will also serve parts of Tupelo and '
     'Booneville.',
     'Corinth', 34.934, -88.522, 'Corinth, Mississippi', 'nearby'),
    ('Dunkirk harbor will get a new breakwall, and fishing crews from Fredonia and Jamestown '
     'welcomed the money.',
     'Dunkirk', 42.480, -79.334, 'Dunkirk, New York', 'nearby'),
    ('Exeter voters rejected a new police station for the second time; neighbouring Hampton '
     'and Stratham built theirs years ago.',
     'Exeter', 42.981, -70.948, 'Exeter, New Hampshire', 'nearby'),
    ('Windsor police closed a road near the airport after a crash, and commuters to Hartford '
     'were told to take the interstate.',
     'Windsor', 41.853, -72.644, 'Windsor, Connecticut', 'nearby'),
    ('A bookstore in Calais will close after 40 years; its customers came from Eastport and '
     'from St. Stephen across the river.',
     'Calais', 45.184, -67.277, 'Calais, Maine', 'nearby'),
    ('The guitar maker in Nazareth will add a night shift, drawing workers from Easton and '
     'Bethlehem.',
     'Nazareth', 40.740, -75.310, 'Nazareth, Pennsylvania', 'nearby'),
    ('Milan aldermen approved a new fire station; the town lies north of Jackson and east of '
     'Humboldt.',
     'Milan', 35.920, -88.759, 'Milan, Tennessee', 'nearby'),
    ("Berlin's boardwalk shops reopened after the storm, and hotels in Ocean City reported "
     'full rooms.',
     'Berlin', 38.323, -75.218, 'Berlin, Maryland', 'nearby'),
    ('The bridge between Kingston and Wilkes-Barre will close for repairs, and buses will '
     'detour through Forty Fort.',
     'Kingston', 41.262, -75.897, 'Kingston, Pennsylvania', 'nearby'),
    ('The hospital in Rome will open a cancer centre, so patients no longer have to travel to '
     'Utica or Syracuse.',
     'Rome', 43.213, -75.456, 'Rome, New York', 'nearby'),
    ('The village board in Liverpool approved a lakefront trail that will link to paths in '
     'Syracuse and Clay.',
     'Liverpool', 43.106, -76.218, 'Liverpool, New York', 'nearby'),
    ("Manchester's mall lost its last department store; shoppers now drive to Hartford or "
     'Glastonbury.',
     'Manchester', 41.776, -72.521, 'Manchester, Connecticut', 'nearby'),
    ('The school district in Dublin will add a high school, as families keep moving there from '
     'Pleasanton and Livermore.',
     'Dublin', 37.702, -121.936, 'Dublin, California', 'nearby'),
    ('The council in London approved a senior centre; the city lies west of Columbus on the '
     'road to Springfield.',
     'London', 39.886, -83.448, 'London, Ohio', 'nearby'),
    ('Athens city schools will share a bus depot with Decatur; both cities lie west of '
     'Huntsville.',
     'Athens', 34.802, -86.972, 'Athens, Alabama', 'nearby'),
    ('Paris police arrested a man after a break-in at a pharmacy; he was later tied to thefts '
     'in Martin and Union City.',
     'Paris', 36.302, -88.327, 'Paris, Tennessee', 'nearby'),
    ('The city council in Oxford agreed to share fire trucks with Hamilton and Middletown.',
     'Oxford', 39.507, -84.745, 'Oxford, Ohio', 'nearby'),
    ('A furniture maker in Durham will hire 50 workers at its plant between Dover and '
     'Portsmouth.',
     'Durham', 43.134, -70.926, 'Durham, New Hampshire', 'nearby'),
    # A state university or a local paper names the state or the town.
    ('University of Missouri students protested a rise in tuition in Columbia on Thursday.',
     'Columbia', 38.952, -92.334, 'Columbia, Missouri', 'university'),
    ('Researchers at the University of Idaho in Moscow have bred a wheat that needs less '
     'water.',
     'Moscow', 46.732, -117.000, 'Moscow, Idaho', 'university'),
    ('A professor at the University of New Hampshire in Durham won a national prize for her '
     'work on lobsters.',
     'Durham', 43.134, -70.926, 'Durham, New Hampshire', 'university'),
    ('The University of Georgia will build a new science hall on its campus in Athens.',
     'Athens', 33.961, -83.378, 'Athens, Georgia', 'university'),
    ('Indiana University will add two dormitories to its campus in Bloomington next year.',
     'Bloomington', 39.165, -86.526, 'Bloomington, Indiana', 'university'),
    ('The Portland Press Herald reported that the ferry terminal in Portland will be rebuilt; '
     'Casco Bay islanders use it every day.',
     'Portland', 43.657, -70.259, 'Portland, Maine', 'university'),
    # The bigger namesake is meant: the context says so.
    ('Tourists in Paris queued for hours outside the Louvre on Sunday, and the French culture '
     'ministry said visits had doubled.',
     'Paris', 48.853, 2.349, 'Paris, France', 'bigger'),
    ('Protesters marched through Athens to the Greek parliament on Wednesday.',
     'Athens', 37.984, 23.728, 'Athens, Greece', 'bigger'),
    ('Rain held up trams across Manchester on Monday, and commuters in Salford and Stockport '
     'faced long waits.',
     'Manchester', 53.481, -2.237, 'Manchester, England', 'bigger'),
    ('The Irish government said the housing shortage in Dublin had eased slightly; rents in '
     'Cork and Galway also fell.',
     'Dublin', 53.333, -6.249, 'Dublin, Ireland', 'bigger'),
    ('An American tourist was hurt in a bus crash near Cairo, the Egyptian interior ministry '
     'said; the bus was heading to Alexandria.',
     'Cairo', 30.063, 31.250, 'Cairo, Egypt', 'bigger'),
    ('The U.S. ambassador met Russian officials in Moscow on Tuesday to discuss a prisoner '
     'swap.',
     'Moscow', 55.752, 37.618, 'Moscow, Russia', 'bigger'),
    ('Art students spent a month in Florence studying frescoes, then took the train to Rome '
     'and Venice.',
     'Florence', 43.779, 11.246, 'Florence, Italy', 'bigger'),
    ('Portland police cleared a camp along the Willamette River; Gresham and Beaverton are '
     'weighing similar rules.',
     'Portland', 45.523, -122.676, 'Portland, Oregon', 'bigger'),
    ('Aurora police said the shooting happened near a mall off the interstate, and officers '
     'from Denver and Centennial helped.',
     'Aurora', 39.729, -104.832, 'Aurora, Colorado', 'bigger'),
    ('Birmingham council said bins would be collected weekly again; Coventry and Wolverhampton '
     'made the same change.',
     'Birmingham', 52.481, -1.900, 'Birmingham, England', 'bigger'),
    ("Melbourne's trams stopped for an hour during a heatwave, and Sydney also broke "
     'temperature records.',
     'Melbourne', -37.814, 144.963, 'Melbourne, Australia', 'bigger'),
    ('Syrian government shelling hit the suburbs of Damascus on Friday, a monitoring group '
     'said.',
     'Damascus', 33.510, 36.291, 'Damascus, Syria', 'bigger'),

]


def test_the_held_out_set_scores_at_least_its_measured_figure(namesake_places):
    """The whole set: printed by group, and a fall below the measured figure fails."""
    right = [c for c in CASES if found_near(namesake_places(c[0]), *c[1:4], TOLERANCE_KM)]
    by_group = Counter(c[5] for c in right)
    print(f"held-out namesake set: {len(right)} of {len(CASES)} right;",
          {g: f"{by_group[g]}/{n}" for g, n in Counter(c[5] for c in CASES).items()},
          "missed:", [c[4] for c in CASES if c not in right])
    assert len(right) >= MEASURED_RIGHT


def test_expected_points_are_the_gazetteer_towns():
    """Each expected point is a city of that name in the gazetteer (a check on the set itself)."""
    gaz = gazetteer()
    for _text, mention, lat, lon, town, _group in CASES:
        key = name_key(mention)
        towns = [p for p in gaz.lookup(mention) if p.kind == "city" and p.key == key]
        assert any(haversine_km(p.lat, p.lon, lat, lon) < 1 for p in towns), town
