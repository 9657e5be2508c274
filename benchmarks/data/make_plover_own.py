"""Writes ``plover_own.json`` (next to this file) from the hand-written rows below.

Our own sentences, one per PLOVER type and pattern, written from the PLOVER
definitions (docs/evaluation.md says how they were made); gold read from each
sentence. Rows: type|mode|text|actor text|actor code|actor sector|target text|target
code|target sector. Run ``python benchmarks/data/make_plover_own.py`` after editing.
"""

import json
from pathlib import Path

# type, mode, text, actor text, actor code, actor sector, target text, target code, target sector
ROWS = """
AGREE||Kenya and Ethiopia agreed on Tuesday to reopen their shared border crossing at Moyale.|Kenya|KEN||Ethiopia|ETH|
AGREE||Brazil's foreign minister signed a fisheries accord with his Argentine counterpart in Brasilia.|Brazil's foreign minister|BRA|GOV|Argentine counterpart|ARG|GOV
AGREE||A peace deal between the Colombian government and a rebel faction was reached after months of talks.|Colombian government|COL|GOV|rebel faction||REB
AGREE||Japan pledged to work with Indonesia on tsunami warning systems.|Japan|JPN||Indonesia|IDN|
AGREE||The Pakistani army accepted an offer of mediation from Qatar.|Pakistani army|PAK|MIL|Qatar|QAT|
AGREE||Under an agreement announced on Friday, Poland and Lithuania will share the cost of a new rail link.|Poland|POL||Lithuania|LTU|
AGREE||Nigeria's president promised striking doctors that their unpaid salaries would be settled.|Nigeria's president|NGA|GOV|striking doctors||
AGREE||South Korea and Vietnam concluded a trade agreement covering electronics and rice.|South Korea|KOR||Vietnam|VNM|
AGREE||Turkish and Greek officials agreed to resume talks over airspace disputes in the Aegean.|Turkish|TUR|GOV|Greek|GRC|GOV
AGREE||The Mexican government consented to a joint inquiry with the United States into the border shooting.|Mexican government|MEX|GOV|United States|USA|
CONSULT|visit|The Chinese premier visited Canberra for talks with Australian ministers.|Chinese premier|CHN|GOV|Australian ministers|AUS|GOV
CONSULT|phone|The Indian prime minister spoke by telephone with the Egyptian president about grain supplies.|Indian prime minister|IND|GOV|Egyptian president|EGY|GOV
CONSULT|host|Chile hosted a delegation of Peruvian lawmakers in Santiago.|Chile|CHL||Peruvian lawmakers|PER|LEG
CONSULT|third-party|Envoys from Sudan and South Sudan met in Addis Ababa to discuss oil transit fees.|Sudan|SDN|GOV|South Sudan|SSD|GOV
CONSULT||Talks between French and German finance officials were held in Strasbourg on Monday.|French|FRA|GOV|German finance officials|DEU|GOV
CONSULT||The Ukrainian foreign minister held consultations with his Polish counterpart in Warsaw.|Ukrainian foreign minister|UKR|GOV|Polish counterpart|POL|GOV
CONSULT||Iranian and Iraqi officials discussed water sharing during a meeting in Baghdad.|Iranian|IRN|GOV|Iraqi officials|IRQ|GOV
CONSULT|visit|A Norwegian envoy travelled to Colombo for discussions with Sri Lankan officials.|Norwegian envoy|NOR|GOV|Sri Lankan officials|LKA|GOV
CONSULT|phone|The Philippine president telephoned the Japanese prime minister after the earthquake.|Philippine president|PHL|GOV|Japanese prime minister|JPN|GOV
CONSULT|third-party|Representatives of the Venezuelan government and the opposition negotiated in Oslo under Norwegian mediation.|Venezuelan government|VEN|GOV|opposition|VEN|OPP
SUPPORT||Germany praised Ghana for holding peaceful elections.|Germany|DEU||Ghana|GHA|
SUPPORT||The Canadian government voiced strong support for Ukraine's bid to join the European Union.|Canadian government|CAN|GOV|Ukraine|UKR|
SUPPORT||Italy's prime minister defended Tunisia's handling of the migrant crisis.|Italy's prime minister|ITA|GOV|Tunisia|TUN|
SUPPORT||Argentina formally recognized the new government of Bolivia.|Argentina|ARG||new government of Bolivia|BOL|GOV
SUPPORT||Saudi Arabia welcomed Jordan's decision to hold early elections.|Saudi Arabia|SAU||Jordan|JOR|
SUPPORT||The Kenyan president's reforms were applauded by British officials.|British officials|GBR|GOV|Kenyan president|KEN|GOV
SUPPORT||South Africa endorsed Nigeria's candidate for the presidency of the African Development Bank.|South Africa|ZAF||Nigeria|NGA|
SUPPORT||Indonesian leaders expressed solidarity with Malaysia after the floods.|Indonesian leaders|IDN|GOV|Malaysia|MYS|
SUPPORT||Spain's backing for Morocco's autonomy plan was announced by its foreign ministry.|Spain|ESP||Morocco|MAR|
SUPPORT||Russia's foreign minister commended Serbia for refusing to join sanctions.|Russia's foreign minister|RUS|GOV|Serbia|SRB|
CONCEDE||The Thai government lifted the ban on political gatherings ahead of the vote.|Thai government|THA|GOV|||
CONCEDE||Bowing to weeks of protests, the Peruvian Congress agreed to bring forward the general election.|Peruvian Congress|PER|LEG|||
CONCEDE||Curfew restrictions in the coastal city were eased by the Kenyan police.|Kenyan police|KEN|COP|||
CONCEDE||Sri Lanka's president gave in to union demands and reversed the fuel price rise.|Sri Lanka's president|LKA|GOV|union||LAB
CONCEDE||Algeria scrapped restrictions on foreign journalists entering the country.|Algeria|DZA||foreign journalists||MED
CONCEDE||The Zimbabwean authorities relaxed emergency rules in the capital.|Zimbabwean authorities|ZWE|GOV|||
CONCEDE||Bangladesh's government conceded to student demands to abolish the job quota system.|Bangladesh's government|BGD|GOV|students||EDU
CONCEDE||The Serbian government withdrew the contested mining law after weeks of protests.|Serbian government|SRB|GOV|||
CONCEDE||In a concession to the opposition, Georgia's parliament dropped the foreign agents bill.|Georgia's parliament|GEO|LEG|opposition|GEO|OPP
CONCEDE||The Egyptian authorities allowed opposition parties to register for the local elections again.|Egyptian authorities|EGY|GOV|opposition parties||OPP
COOPERATE||French and Malian troops carried out a joint patrol near the border with Niger.|French|FRA|MIL|Malian troops|MLI|MIL
COOPERATE||Spain extradited a suspected drug trafficker to the United States.|Spain|ESP||United States|USA|
COOPERATE||Intelligence on the smuggling network was shared by Dutch police with their Belgian colleagues.|Dutch police|NLD|COP|Belgian colleagues|BEL|COP
COOPERATE||Kazakhstan and Uzbekistan began joint construction of a hydropower plant on their border.|Kazakhstan|KAZ||Uzbekistan|UZB|
COOPERATE||The Japanese and Philippine coast guards conducted a joint search for the missing fishermen.|Japanese|JPN|MIL|Philippine coast guards|PHL|MIL
COOPERATE||German prosecutors worked with Austrian investigators to dismantle a fraud ring.|German prosecutors|DEU|JUD|Austrian investigators|AUT|COP
COOPERATE||Ghana and Togo pooled their customs data to fight cross-border smuggling.|Ghana|GHA||Togo|TGO|
COOPERATE||Cooperation between Israeli and Jordanian water authorities on a desalination plant has begun.|Israeli|ISR|GOV|Jordanian water authorities|JOR|GOV
COOPERATE||Tanzania handed over two murder suspects to Ugandan police.|Tanzania|TZA||Ugandan police|UGA|COP
COOPERATE||The South African and Mozambican armies coordinated operations against insurgents in Cabo Delgado.|South African|ZAF|MIL|Mozambican armies|MOZ|MIL
AID|humanitarian|Japan provided $50 million in emergency food aid to Somalia.|Japan|JPN||Somalia|SOM|
AID|military|The United Kingdom sent air defence missiles to Ukraine.|United Kingdom|GBR||Ukraine|UKR|
AID|economic|A loan of $2 billion was granted to Pakistan by Saudi Arabia.|Saudi Arabia|SAU||Pakistan|PAK|
AID|humanitarian|Turkish rescue teams delivered tents and blankets to earthquake survivors in Morocco.|Turkish rescue teams|TUR||earthquake survivors|MAR|CVL
AID|humanitarian|Norway donated medical supplies to hospitals in Yemen.|Norway|NOR||hospitals|YEM|
AID||Brazil granted asylum to a former Bolivian minister.|Brazil|BRA||former Bolivian minister|BOL|GOV
AID|economic|China financed a new port in Sri Lanka with a concessional loan.|China|CHN||Sri Lanka|LKA|
AID|humanitarian|India airlifted drinking water and medicine to the Maldives after the storm.|India|IND||Maldives|MDV|
AID|military|The United States supplied armoured vehicles to the Lebanese army.|United States|USA||Lebanese army|LBN|MIL
AID|humanitarian|Humanitarian assistance from Qatar reached flood victims in Pakistan on Sunday.|Qatar|QAT||flood victims|PAK|CVL
RETREAT||Russian forces withdrew from the village after three days of fighting.|Russian forces|RUS|MIL|||
RETREAT||Eritrea pulled its troops out of Ethiopia's Tigray region.|Eritrea|ERI|MIL|Ethiopia|ETH|
RETREAT||A ceasefire was declared by Azerbaijan and Armenia on Thursday.|Azerbaijan|AZE||Armenia|ARM|
RETREAT||Rebels in the Central African Republic began handing in their weapons under a demobilization programme.|Rebels|CAF|REB|||
RETREAT||Israel withdrew its tanks from the outskirts of the Lebanese town.|Israel|ISR|MIL|Lebanese town|LBN|
RETREAT||The Indian army pulled back from two positions along the Chinese border.|Indian army|IND|MIL|Chinese|CHN|
RETREAT||Myanmar's military junta allowed United Nations inspectors into Rakhine state.|Myanmar's military junta|MMR|MIL|United Nations inspectors|IGO|IGO
RETREAT||The retreat of Sudanese army units from the city of Wad Madani was confirmed on Monday.|Sudanese army units|SDN|MIL|||
RETREAT||Fighters of the PKK laid down their arms at a ceremony in northern Iraq.|PKK|TUR|REB|||
RETREAT||Nigerian troops abandoned their base in Borno State after repeated attacks.|Nigerian troops|NGA|MIL|||
REQUEST||Pakistan urged India to resume talks over Kashmir.|Pakistan|PAK||India|IND|
REQUEST||The Brazilian president called on Venezuela to free detained opposition leaders.|Brazilian president|BRA|GOV|Venezuela|VEN|
REQUEST||An appeal for food aid was issued by the Malawian government to donors.|Malawian government|MWI|GOV|donors||
REQUEST||Egypt demanded that Ethiopia halt the filling of the dam reservoir.|Egypt|EGY||Ethiopia|ETH|
REQUEST||Lebanese officials asked France for help rebuilding the port.|Lebanese officials|LBN|GOV|France|FRA|
REQUEST||Chilean protesters demanded the resignation of the interior minister.|Chilean protesters|CHL|CVL|interior minister||GOV
REQUEST||The Philippines requested an emergency meeting of the United Nations Security Council.|Philippines|PHL||United Nations Security Council|IGO|IGO
REQUEST||Poland pressed Germany to pay war reparations.|Poland|POL||Germany|DEU|
REQUEST||South Korea's request for the extradition of the fraud suspect was sent to Montenegro.|South Korea|KOR||Montenegro|MNE|
REQUEST||Australian ministers urged China to lift tariffs on wine.|Australian ministers|AUS|GOV|China|CHN|
ACCUSE||Ukraine accused Belarus of allowing Russian troops to mass on its territory.|Ukraine|UKR||Belarus|BLR|
ACCUSE||The Dutch government condemned Iran's execution of a protester.|Dutch government|NLD|GOV|Iran|IRN|
ACCUSE|investigate|South African prosecutors opened an investigation into corruption at the state power company.|South African prosecutors|ZAF|JUD|state power company||BUS
ACCUSE||Israel was criticised by Irish lawmakers over the bombing of a school.|Irish lawmakers|IRL|LEG|Israel|ISR|
ACCUSE||Venezuela blamed Colombia for an attack on a military outpost.|Venezuela|VEN||Colombia|COL|
ACCUSE||A lawsuit against the Mexican state oil firm was filed by an American investment fund.|American investment fund|USA|BUS|Mexican state oil firm|MEX|BUS
ACCUSE||Turkish officials denounced Sweden for allowing a Koran burning.|Turkish officials|TUR|GOV|Sweden|SWE|
ACCUSE||Kenyan human rights groups alleged that police had tortured detainees.|Kenyan human rights groups|KEN|NGO|police||COP
ACCUSE||A Japanese court found a Chinese national guilty of spying on naval bases.|Japanese court|JPN|JUD|Chinese national|CHN|
ACCUSE||The German foreign ministry summoned the Russian ambassador to protest the jailing of a journalist.|German foreign ministry|DEU|GOV|Russian ambassador|RUS|GOV
REJECT||Hungary vetoed the European Union's aid package for Ukraine.|Hungary|HUN||European Union|IGO|IGO
REJECT||Iran rejected a proposal by France to inspect its nuclear sites.|Iran|IRN||France|FRA|
REJECT||The Kenyan parliament voted down the finance bill.|Kenyan parliament|KEN|LEG|||
REJECT||China refused to join negotiations on nuclear arms control with the United States.|China|CHN||United States|USA|
REJECT||Demands for a recount were dismissed by the Zambian electoral commission.|Zambian electoral commission|ZMB|GOV|||
REJECT||Serbia turned down Croatia's offer to resume border talks.|Serbia|SRB||Croatia|HRV|
REJECT||The Ethiopian government declined to extend the mandate of the human rights monitors.|Ethiopian government|ETH|GOV|human rights monitors||
REJECT||North Korea ignored Japan's calls to return abducted citizens.|North Korea|PRK||Japan|JPN|
REJECT||Indonesia's refusal to accept Australian mediation surprised diplomats.|Indonesia|IDN||Australian|AUS|
REJECT||The Argentine president rejected the IMF's demand for deeper spending cuts.|Argentine president|ARG|GOV|IMF|IGO|IGO
THREATEN||North Korea threatened to strike American bases in Guam.|North Korea|PRK||American bases|USA|MIL
THREATEN||Turkey warned that it would launch a new military operation in Syria if attacks continue.|Turkey|TUR||Syria|SYR|
THREATEN||China threatened to impose tariffs on Australian beef.|China|CHN||Australian beef|AUS|
THREATEN||The Nigerian labour union threatened a nationwide strike over fuel prices.|Nigerian labour union|NGA|LAB|||
THREATEN||Azerbaijan issued an ultimatum to Armenian forces to leave the region within 24 hours.|Azerbaijan|AZE||Armenian forces|ARM|MIL
THREATEN||Russia threatened to cut gas supplies to Moldova.|Russia|RUS||Moldova|MDA|
THREATEN||Sanctions against Iran were threatened by the British foreign secretary.|British foreign secretary|GBR|GOV|Iran|IRN|
THREATEN||Pakistan's army chief vowed retaliation against India for any incursion.|Pakistan's army chief|PAK|MIL|India|IND|
THREATEN||The Israeli defence minister threatened Hezbollah with a devastating response.|Israeli defence minister|ISR|GOV|Hezbollah|LBN|REB
THREATEN||Venezuela threatened to expel Spanish diplomats over the prime minister's remarks.|Venezuela|VEN||Spanish diplomats|ESP|GOV
PROTEST|obstruct|Thousands of French farmers blocked motorways around Paris with their tractors.|French farmers|FRA|AGR|||
PROTEST|strike|Teachers in Argentina went on strike for higher wages.|Teachers|ARG|EDU|||
PROTEST|demo|Kenyan students marched through Nairobi against tuition increases.|Kenyan students|KEN|EDU|||
PROTEST|strike-hun|A hunger strike was started by Bahraini prisoners to protest their conditions.|Bahraini prisoners|BHR||||
PROTEST|riot|Rioters set fire to cars in the Senegalese capital after the opposition leader's arrest.|Rioters|SEN||||
PROTEST|demo|Israelis rallied in Tel Aviv against the government's judicial overhaul.|Israelis|ISR|CVL|government|ISR|GOV
PROTEST|strike|Dockworkers in Belgium walked off the job over pension reform.|Dockworkers|BEL|LAB|||
PROTEST|demo|Demonstrations by Panamanian environmental groups against the mining project drew large crowds.|Panamanian environmental groups|PAN|NGO|||
PROTEST|demo|Indian farmers staged a sit-in outside parliament in New Delhi.|Indian farmers|IND|AGR|parliament|IND|LEG
PROTEST|obstruct|Protesters in Tbilisi blockaded the parliament building.|Protesters|GEO||||
SANCTION||Canada imposed sanctions on three Iranian officials.|Canada|CAN||Iranian officials|IRN|GOV
SANCTION||Algeria severed diplomatic ties with Morocco.|Algeria|DZA||Morocco|MAR|
SANCTION||Sweden suspended development aid to Mali after the coup.|Sweden|SWE||Mali|MLI|
SANCTION||Two Russian diplomats were expelled by the Czech government.|Czech government|CZE|GOV|Russian diplomats|RUS|GOV
SANCTION||The United States halted military assistance to Niger.|United States|USA||Niger|NER|
SANCTION||Kuwait recalled its ambassador from Lebanon.|Kuwait|KWT||Lebanon|LBN|
SANCTION||Japan froze the assets of two Russian banks.|Japan|JPN||Russian banks|RUS|BUS
SANCTION||China cancelled a planned round of trade talks with Lithuania.|China|CHN||Lithuania|LTU|
SANCTION||The suspension of Burkina Faso's membership was announced by ECOWAS.|ECOWAS|IGO|IGO|Burkina Faso|BFA|
SANCTION||Nicaragua expelled the Colombian ambassador and closed its embassy in Bogota.|Nicaragua|NIC||Colombian ambassador|COL|GOV
MOBILIZE|troops|Taiwan put its armed forces on high alert after Chinese warships approached.|Taiwan|TWN|MIL|||
MOBILIZE|troops|India deployed an extra 10,000 soldiers to the border with China.|India|IND|MIL|China|CHN|
MOBILIZE|troops|Russia called up 300,000 reservists.|Russia|RUS|MIL|||
MOBILIZE|weapons-test|North Korea test-fired two ballistic missiles into the sea.|North Korea|PRK|MIL|||
MOBILIZE|troops|Troops were massed along the Venezuelan border by the Guyanese government.|Guyanese government|GUY|GOV|Venezuelan|VEN|
MOBILIZE|exercise|Polish and Lithuanian forces held large-scale military exercises near the Belarusian frontier.|Polish|POL|MIL|||
MOBILIZE||The Kenyan police mobilised extra officers in Nairobi ahead of the planned demonstrations.|Kenyan police|KEN|COP|||
MOBILIZE|troops|The deployment of Iranian naval vessels to the Red Sea was announced on Sunday.|Iranian naval vessels|IRN|MIL|||
MOBILIZE|troops|Pakistan reinforced its garrisons in Balochistan after the raids.|Pakistan|PAK|MIL|||
MOBILIZE|troops|South Korean marines were placed on combat readiness on Yeonpyeong island.|South Korean marines|KOR|MIL|||
COERCE|detain|Turkish police detained 40 people suspected of links to the Islamic State.|Turkish police|TUR|COP|||
COERCE|deport|Thousands of Afghan refugees were deported by Pakistan last month.|Pakistan|PAK||Afghan refugees|AFG|REF
COERCE|ban|The Russian authorities banned the country's largest independent newspaper.|Russian authorities|RUS|GOV|newspaper|RUS|MED
COERCE|curfew|A curfew was imposed on the Nigerian city of Jos by the state governor.|state governor|NGA|GOV|||
COERCE|martial-law|Ecuador's military declared a state of emergency in Guayaquil.|Ecuador's military|ECU|MIL|||
COERCE|seize|Iranian forces seized a Greek oil tanker in the Gulf.|Iranian forces|IRN|MIL|Greek oil tanker|GRC|BUS
COERCE|censor|Chinese authorities blocked access to foreign news websites.|Chinese authorities|CHN|GOV|foreign news websites||MED
COERCE|destroy|The Israeli army demolished the homes of two Palestinian families in the West Bank.|Israeli army|ISR|MIL|Palestinian families|PSE|CVL
COERCE|detain|The arrest of an opposition mayor by Venezuelan intelligence agents sparked outrage.|Venezuelan intelligence agents|VEN|SPY|opposition mayor||OPP
COERCE|blockade|Azerbaijan blockaded the road linking Armenia to the disputed region.|Azerbaijan|AZE||Armenia|ARM|
ASSAULT|firearms|Gunmen killed twelve villagers in northern Burkina Faso.|Gunmen|||villagers|BFA|CVL
ASSAULT||Russian missiles struck an apartment block in the Ukrainian city of Dnipro.|Russian|RUS|MIL|apartment block|UKR|CVL
ASSAULT|abduct|A Somali journalist was abducted by al-Shabaab fighters near Mogadishu.|al-Shabaab|SOM|REB|Somali journalist|SOM|MED
ASSAULT|aerial|Israeli aircraft bombed targets in southern Lebanon overnight.|Israeli aircraft|ISR|MIL|targets|LBN|
ASSAULT|explosives|A car bomb exploded outside a police station in Quetta, Pakistan, killing six officers.||||officers|PAK|COP
ASSAULT|firearms|Mexican cartel members shot dead a local candidate in Guerrero.|Mexican cartel members|MEX|CRM|local candidate|MEX|
ASSAULT|aerial|Saudi-led coalition air strikes hit a market in Yemen's Saada province.|Saudi-led coalition|SAU|MIL|market|YEM|CVL
ASSAULT|assassinate|The assassination of a Haitian opposition figure in Port-au-Prince shocked the country.||||Haitian opposition figure|HTI|OPP
ASSAULT|heavy-weapons|Indian and Pakistani troops exchanged artillery fire across the Line of Control.|Indian|IND|MIL|Pakistani troops|PAK|MIL
ASSAULT||Boko Haram militants attacked a military base in northeastern Nigeria.|Boko Haram|NGA|REB|military base|NGA|MIL
"""

NEGATIVES = """
Subscribe to our newsletter for the latest headlines.
Click here to read more stories from our Africa desk.
Photo: Reuters / file image.
Sign up to receive breaking news alerts on your phone.
Will the Brazilian central bank cut interest rates again this year?
Could a trade war between Washington and Beijing have been avoided?
If the talks collapse, analysts say oil prices could rise sharply.
Should the rains fail again, millions of Ethiopians would face hunger.
The finance ministry plans to publish its budget forecast in October.
Officials hope to finish the new airport terminal in Lagos by 2027.
Spain's population grew by half a million people last year.
The Danube flows through ten countries before reaching the Black Sea.
Temperatures in southern Italy reached 44 degrees on Wednesday.
The Canadian dollar rose slightly against the euro in morning trading.
Tickets for the concert in Manila sold out within an hour.
Mexico's national football team will play Japan in a friendly match next week.
A new species of frog has been discovered in the Peruvian Amazon.
Analysts are asking whether the Chilean peso can recover its losses.
The Kenyan economy expanded by five percent in the second quarter.
Nobody knows yet whether the Thai prime minister will run for a second term.
The museum in Krakow will reopen after renovation work in May.
Indonesia is the world's largest archipelago, with more than 17,000 islands.
Copyright 2024. All rights reserved.
The report runs to more than 300 pages and includes dozens of charts.
Would a ceasefire hold if both armies remained in place?
Unless the weather improves, the Norwegian ferry service will stay suspended.
Share this article on social media.
Some economists believe Egypt might need another loan in the future.
The Australian Open begins in Melbourne on Monday.
Farmers in Vietnam expect a record coffee harvest this season.
Advertisement
Shares of the South Korean carmaker fell three percent after the earnings report.
"""


#: Symmetric events whose sentence names both parties as the subject ("A and B met").
COMPOUND = {"OWN-AGREE-01", "OWN-AGREE-03", "OWN-AGREE-06", "OWN-AGREE-08", "OWN-AGREE-09",
            "OWN-CONSULT-04", "OWN-CONSULT-05", "OWN-CONSULT-07", "OWN-CONSULT-10",
            "OWN-COOPERATE-01", "OWN-COOPERATE-04", "OWN-COOPERATE-05", "OWN-COOPERATE-07",
            "OWN-COOPERATE-08", "OWN-COOPERATE-10", "OWN-RETREAT-03", "OWN-ASSAULT-09"}


def actor(text: str, code: str, sector: str) -> list[dict] | str:
    if not text and not code:
        return ""
    a = {"actorText": text}
    if code:
        a["code"] = code
    if sector:
        a["sector"] = sector
    return [a]



def build(rows: str, negatives: str, prefix: str, date: str, per_type: int | dict[str, int],
          compound: set[str] = frozenset()) -> list[dict]:
    """The gold records of ``rows`` (``per_type`` for each of the 16 types, or the
    count it maps each type to) and
    ``negatives`` (type NONE), with ids ``<prefix>-<TYPE>-<NN>``. A row whose id is in
    ``compound``, or whose type is written ``*TYPE``, has both parties as the source."""
    out: list[dict] = []
    counts: dict[str, int] = {}
    for line in rows.strip().splitlines():
        f = line.split("|")
        assert len(f) == 9, line
        ty, mode, text, at, ac, asec, tt, tc, tsec = f
        both = ty.startswith("*")
        ty = ty.lstrip("*")
        counts[ty] = counts.get(ty, 0) + 1
        rid = f"{prefix}-{ty}-{counts[ty]:02d}"
        if both or rid in compound:
            # "A and B agreed ...": both are the source, as in the PLOVER gold records.
            src, tgt = actor(at, ac, asec) + actor(tt, tc, tsec), ""
        else:
            src, tgt = actor(at, ac, asec), actor(tt, tc, tsec)
        rec = {"id": rid, "date": date, "source": src, "target": tgt, "event": ty}
        if mode:
            rec["mode"] = mode
        rec["text"] = text
        out.append(rec)
    for i, text in enumerate(negatives.strip().splitlines(), 1):
        out.append({"id": f"{prefix}-NONE-{i:02d}", "date": date, "source": "",
                    "target": "", "event": "NONE", "text": text})
    want = per_type if isinstance(per_type, dict) else dict.fromkeys(counts, per_type)
    assert counts == want and len(counts) == 16, counts
    return out


def write(records: list[dict], name: str) -> None:
    """Write ``records`` as JSON to ``name`` beside this file."""
    with open(Path(__file__).with_name(name), "w", encoding="utf-8") as fh:
        json.dump(records, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print(len(records), "records written to", name)


if __name__ == "__main__":
    write(build(ROWS, NEGATIVES, "OWN", "2024-06-03", 10, COMPOUND), "plover_own.json")
