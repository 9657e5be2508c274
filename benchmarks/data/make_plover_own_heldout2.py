"""Writes ``plover_own_heldout2.json`` (next to this file): a second held-out set of our own.

Written for issue 16 after ``plover_own_heldout.json`` had been used, in our own words
from the PLOVER type definitions and modes: twelve sentences for each type, twenty for
each of the five types weakest on unseen gold (CONCEDE, SANCTION, MOBILIZE, RETREAT,
COERCE), in varied news phrasing (passives, nominalisations, phrasal verbs, capital
cities standing for governments, demonyms and possessives naming the country), and
twenty sentences without an event. It was scored once with the code as it stood before
the work it measures; the gold is read from each sentence, never from the extractor's
output. Types follow the PLOVER manual's text: a release of captives or a return of
seized property is RETREAT, a pardon, amnesty, apology or eased restriction CONCEDE, new
or resumed diplomatic ties SUPPORT, an expulsion of diplomats SANCTION, of migrants
COERCE. (The first scoring coded four releases as CONCEDE, two resumed diplomatic ties
as COOPERATE and one tear-gas dispersal as COERCE; they were re-typed by the manual,
four CONCEDE, two COOPERATE and one COERCE sentence written in their place, and the set
scored again with the same unchanged code.)

Rows as in ``make_plover_own.py``: type|mode|text|actor text|actor code|actor
sector|target text|target code|target sector; a type written ``*TYPE`` marks a
symmetric event whose subject names both parties. Run
``python benchmarks/data/make_plover_own_heldout2.py`` after editing.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_plover_own import build, write  # noqa: E402

ROWS = """
*AGREE||Egypt and Ethiopia signed a deal on filling the dam's reservoir.|Egypt|EGY||Ethiopia|ETH|
AGREE||Iraq's prime minister pledged to hold early elections.|Iraq's prime minister|IRQ|GOV|||
*AGREE||A trade pact was concluded between Australia and India.|Australia|AUS||India|IND|
AGREE||Vietnam vowed to cooperate with the Philippines on maritime security.|Vietnam|VNM||Philippines|PHL|
AGREE||The Sudanese army accepted a proposal from Saudi Arabia for new talks.|Sudanese army|SDN|MIL|Saudi Arabia|SAU|
*AGREE||Britain and France reached an agreement on returning migrants across the Channel.|Britain|GBR||France|FRA|
AGREE||Chile's president promised farmers compensation for the drought.|Chile's president|CHL|GOV|farmers||
AGREE||Ghana committed to reducing its budget deficit under the IMF programme.|Ghana|GHA||IMF|IGO|IGO
AGREE||Serbia's president gave assurances to Kosovo's Serbs that their pensions would be paid.|Serbia's president|SRB|GOV|Kosovo's Serbs||
*AGREE||An accord on fishing rights was struck by Norway and Russia.|Norway|NOR||Russia|RUS|
AGREE||Japan offered to host the next round of negotiations between the two Koreas.|Japan|JPN||||
AGREE||Kenya's opposition leader accepted the outcome of the presidential election.|Kenya's opposition leader|KEN|OPP|||
CONSULT|visit|The German chancellor travelled to Beijing for talks with Chinese leaders.|German chancellor|DEU|GOV|Chinese leaders|CHN|GOV
CONSULT|host|Egypt hosted talks between Israeli and Hamas negotiators.|Egypt|EGY||Israeli|ISR|
CONSULT|phone|The French president spoke by phone with his Ukrainian counterpart.|French president|FRA|GOV|Ukrainian counterpart|UKR|GOV
CONSULT|visit|Brazil's foreign minister arrived in Caracas for a two-day visit.|Brazil's foreign minister|BRA|GOV|Caracas|VEN|
*CONSULT||Indian and Chinese commanders held a new round of talks on the border.|Indian|IND|MIL|Chinese commanders|CHN|MIL
CONSULT||The Turkish president met the Swedish prime minister on the sidelines of the summit.|Turkish president|TUR|GOV|Swedish prime minister|SWE|GOV
CONSULT||Ankara held discussions with Baghdad over water releases from the Tigris.|Ankara|TUR|GOV|Baghdad|IRQ|GOV
CONSULT|visit|A delegation from the Taliban government visited Moscow.|delegation from the Taliban government|AFG|GOV|Moscow|RUS|
*CONSULT||Moroccan and Spanish officials conferred on the border crossings at Ceuta.|Moroccan|MAR|GOV|Spanish officials|ESP|GOV
CONSULT|phone|Japan's prime minister telephoned the American president after the missile launch.|Japan's prime minister|JPN|GOV|American president|USA|GOV
CONSULT|host|Qatar received the Iranian foreign minister in Doha.|Qatar|QAT||Iranian foreign minister|IRN|GOV
CONSULT||Nigeria's president held a meeting with the leaders of Niger's junta.|Nigeria's president|NGA|GOV|leaders of Niger's junta|NER|MIL
SUPPORT||The Kenyan president praised Ethiopia for its role in the peace talks.|Kenyan president|KEN|GOV|Ethiopia|ETH|
SUPPORT||Beijing voiced support for Pakistan's territorial integrity.|Beijing|CHN|GOV|Pakistan|PAK|
SUPPORT||The French government endorsed Germany's candidate for the NATO post.|French government|FRA|GOV|Germany|DEU|
SUPPORT||Brazil's president welcomed Argentina's new trade policy.|Brazil's president|BRA|GOV|Argentina|ARG|
SUPPORT||Italy was commended by the European Commission for its budget reforms.|European Commission|IGO|IGO|Italy|ITA|
SUPPORT||Cuba expressed solidarity with Venezuela in the face of American pressure.|Cuba|CUB||Venezuela|VEN|
SUPPORT||Poland's president backed Ukraine's application to join NATO.|Poland's president|POL|GOV|Ukraine|UKR|
SUPPORT||The Moroccan king congratulated the new Senegalese president on his election.|Moroccan king|MAR|GOV|Senegalese president|SEN|GOV
SUPPORT||Turkey stood by Azerbaijan throughout the conflict.|Turkey|TUR||Azerbaijan|AZE|
SUPPORT||The Egyptian president offered condolences to Morocco after the earthquake.|Egyptian president|EGY|GOV|Morocco|MAR|
SUPPORT||Norway's foreign minister applauded Colombia's peace efforts.|Norway's foreign minister|NOR|GOV|Colombia|COL|
SUPPORT||Canberra defended the Philippines' right to fish in the disputed waters.|Canberra|AUS|GOV|Philippines|PHL|
SUPPORT||Israel normalised relations with Morocco.|Israel|ISR||Morocco|MAR|
SUPPORT||Chile resumed diplomatic relations with Venezuela.|Chile|CHL||Venezuela|VEN|
CONCEDE||The Georgian government lifted the curfew in Tbilisi after a week of calm.|Georgian government|GEO|GOV|||
CONCEDE||The Indonesian president apologised to Australia for the remarks made by his minister.|Indonesian president|IDN|GOV|Australia|AUS|
CONCEDE||Peru's ruling party conceded defeat in the regional elections.|Peru's ruling party|PER||||
CONCEDE||Restrictions on public gatherings were eased by the Moroccan interior ministry.|Moroccan interior ministry|MAR|GOV|||
CONCEDE||Jordan's government backed down on the planned income tax increase after mass protests.|Jordan's government|JOR|GOV|||
CONCEDE||Facing a general strike, the Bolivian government abandoned its plan to raise fuel prices.|Bolivian government|BOL|GOV|||
CONCEDE||Ethiopia restored internet access in the Tigray region.|Ethiopia|ETH||||
CONCEDE||The Hungarian government yielded to union demands and withdrew the labour law.|Hungarian government|HUN|GOV|union||LAB
CONCEDE||Chile's president acknowledged that the police had used excessive force against protesters.|Chile's president|CHL|GOV|||
CONCEDE||Sri Lanka lifted the state of emergency it had declared in March.|Sri Lanka|LKA||||
CONCEDE||The Pakistani government gave in to the opposition's demand for an early vote.|Pakistani government|PAK|GOV|opposition||OPP
CONCEDE||Venezuela pardoned dozens of jailed opposition activists.|Venezuela|VEN||opposition activists||OPP
CONCEDE||Ukraine's defence minister admitted responsibility for the failed operation.|Ukraine's defence minister|UKR|GOV|||
CONCEDE||Russia relaxed its ban on Georgian wine imports.|Russia|RUS||Georgian wine imports|GEO|
CONCEDE||Egyptian authorities lifted a travel ban on a prominent rights lawyer.|Egyptian authorities|EGY|GOV|rights lawyer||
CONCEDE||Iran's supreme leader pardoned a jailed French tourist.|Iran's supreme leader|IRN|GOV|French tourist|FRA|CVL
CONCEDE||Striking Kenyan teachers called off their walkout on Friday.|Kenyan teachers|KEN|EDU|||
CONCEDE||The Malaysian government granted an amnesty to thousands of undocumented workers.|Malaysian government|MYS|GOV|undocumented workers||
CONCEDE||Belgium's prime minister expressed regret for the abuses committed in the colonial era.|Belgium's prime minister|BEL|GOV|||
CONCEDE||Kuwait's emir restored the citizenship of dozens of opposition figures.|Kuwait's emir|KWT|GOV|opposition figures||OPP
*COOPERATE||Greek and Turkish coast guards carried out a joint rescue in the Aegean.|Greek|GRC|COP|Turkish coast guards|TUR|COP
COOPERATE||Argentina extradited a suspected mafia boss to Italy.|Argentina|ARG||Italy|ITA|
COOPERATE||Kenyan police worked alongside Ugandan investigators to trace the bombers.|Kenyan police|KEN|COP|Ugandan investigators|UGA|COP
*COOPERATE||Brazil and Paraguay shared intelligence on drug gangs.|Brazil|BRA||Paraguay|PRY|
COOPERATE||Mexico handed a wanted cartel leader over to American prosecutors.|Mexico|MEX||American prosecutors|USA|JUD
*COOPERATE||India and Nepal jointly opened a cross-border railway.|India|IND||Nepal|NPL|
COOPERATE||A suspected people smuggler was handed over to Belgium by French authorities.|French authorities|FRA|GOV|Belgium|BEL|
COOPERATE||South Africa's police partnered with Interpol to dismantle a rhino horn trafficking ring.|South Africa's police|ZAF|COP|Interpol|IGO|IGO
*COOPERATE||Ecuador and Peru coordinated patrols along their common border.|Ecuador|ECU||Peru|PER|
*COOPERATE||Indonesian and Malaysian troops mounted a joint operation against pirates.|Indonesian|IDN|MIL|Malaysian troops|MYS|MIL
COOPERATE||Spain's intelligence agency shared information with Moroccan counterparts about the cell.|Spain's intelligence agency|ESP||Moroccan counterparts|MAR|
*COOPERATE||Jordan and Iraq linked their electricity grids under a new exchange scheme.|Jordan|JOR||Iraq|IRQ|
AID|humanitarian|Turkey sent rescue teams to Syria after the earthquake.|Turkey|TUR||Syria|SYR|
AID|economic|The IMF disbursed a $1 billion loan to Pakistan.|IMF|IGO|IGO|Pakistan|PAK|
AID|military|Washington supplied air defence systems to Kyiv.|Washington|USA|GOV|Kyiv|UKR|GOV
AID|humanitarian|Food parcels were dropped over Gaza by the Jordanian air force.|Jordanian air force|JOR|MIL|Gaza|PSE|
AID|economic|China granted Sri Lanka a $500 million credit line.|China|CHN||Sri Lanka|LKA|
AID|military|Britain delivered armoured vehicles to the Ukrainian army.|Britain|GBR||Ukrainian army|UKR|MIL
AID|humanitarian|Japan donated $10 million to flood victims in Pakistan.|Japan|JPN||flood victims|PAK|CVL
AID||Canada granted asylum to a Saudi woman who had fled her family.|Canada|CAN||Saudi woman|SAU|CVL
AID|humanitarian|Medical supplies were sent to Libya by the United Arab Emirates.|United Arab Emirates|ARE||Libya|LBY|
AID|economic|The World Bank lent Egypt $700 million for social programmes.|World Bank|IGO|IGO|Egypt|EGY|
AID|military|Iran provided drones to Russia.|Iran|IRN||Russia|RUS|
AID|humanitarian|The Saudi government airlifted tents and blankets to Afghan earthquake survivors.|Saudi government|SAU|GOV|Afghan earthquake survivors|AFG|CVL
RETREAT||Russia pulled its troops out of the city of Kherson.|Russia|RUS|MIL|||
RETREAT||The withdrawal of troops by Ethiopia from the border town was confirmed by observers.|Ethiopia|ETH|MIL|||
*RETREAT||A ceasefire between Azerbaijan and Armenia took effect at midnight.|Azerbaijan|AZE||Armenia|ARM|
RETREAT||Colombian guerrillas laid down their arms under the peace accord.|Colombian guerrillas|COL|REB|||
RETREAT||Hundreds of Ukrainian soldiers surrendered to Russian forces at the steelworks.|Ukrainian soldiers|UKR|MIL|Russian forces|RUS|MIL
RETREAT||Saudi Arabia lifted its blockade of Qatar.|Saudi Arabia|SAU||Qatar|QAT|
RETREAT||The United Nations peacekeeping mission pulled out of Mali in December.|United Nations peacekeeping mission|IGO|IGO|Mali|MLI|
RETREAT||French troops withdrew from their last base in Burkina Faso.|French troops|FRA|MIL|Burkina Faso|BFA|
RETREAT||Syria handed over its chemical weapons stockpile to international inspectors.|Syria|SYR||international inspectors||
RETREAT||Sudan's army declared a unilateral truce for the Eid holiday.|Sudan's army|SDN|MIL|||
RETREAT||Armenian forces vacated four villages along the new boundary.|Armenian forces|ARM|MIL|||
RETREAT||Israel's military scaled back its operations in southern Gaza.|Israel's military|ISR|MIL|southern Gaza|PSE|
RETREAT||The demobilisation of former rebel fighters in the Central African Republic began on Monday.|former rebel fighters|CAF|REB|||
RETREAT||Turkey ended its military operation in northern Syria.|Turkey|TUR|MIL|northern Syria|SYR|
*RETREAT||Chinese and Indian troops disengaged from a flashpoint in the Himalayas.|Chinese|CHN|MIL|Indian troops|IND|MIL
RETREAT||Kenya's troops were pulled out of Somalia's Gedo region.|Kenya's troops|KEN|MIL|Somalia|SOM|
RETREAT||Tigrayan fighters handed in their heavy weapons to the Ethiopian army.|Tigrayan fighters|ETH|REB|Ethiopian army|ETH|MIL
RETREAT||Russia's navy ended the blockade of Ukraine's Black Sea ports.|Russia's navy|RUS|MIL|Ukraine|UKR|
RETREAT||Belarus withdrew its troops from the Ukrainian border.|Belarus|BLR|MIL|Ukrainian border|UKR|
*RETREAT||A truce was declared by the Houthis and the Yemeni government.|Houthis|YEM|REB|Yemeni government|YEM|GOV
RETREAT||Nicaragua freed 135 political prisoners and flew them to Guatemala.|Nicaragua|NIC||political prisoners||
RETREAT||The Vietnamese authorities released a detained Australian journalist on humanitarian grounds.|Vietnamese authorities|VNM|GOV|Australian journalist|AUS|MED
RETREAT||The release of two Canadian citizens by China was announced on Saturday.|China|CHN||Canadian citizens|CAN|CVL
RETREAT||The Turkish authorities handed the seized newspaper back to its owners.|Turkish authorities|TUR|GOV|owners||BUS
REQUEST||Ukraine asked Germany for more tanks.|Ukraine|UKR||Germany|DEU|
REQUEST||Lebanon's prime minister appealed for international aid after the blast.|Lebanon's prime minister|LBN|GOV|||
REQUEST||The Philippines urged China to stop harassing its fishermen.|Philippines|PHL||China|CHN|
REQUEST||Pakistan called on India to resume talks over Kashmir.|Pakistan|PAK||India|IND|
REQUEST||Somalia demanded that Kenya stop interfering in its affairs.|Somalia|SOM||Kenya|KEN|
REQUEST||Greek farmers demanded compensation from the government for the floods.|Greek farmers|GRC||government|GRC|GOV
REQUEST||Tehran requested the release of its seized tanker from Britain.|Tehran|IRN|GOV|Britain|GBR|
REQUEST||Serbia's president pleaded with the European Union to speed up membership talks.|Serbia's president|SRB|GOV|European Union|IGO|IGO
REQUEST||Peru formally requested the extradition of its former president from the United States.|Peru|PER||United States|USA|
REQUEST||Haiti's government sought foreign troops to restore order.|Haiti's government|HTI|GOV|||
REQUEST||The Nigerian government urged striking doctors to return to work.|Nigerian government|NGA|GOV|striking doctors||
REQUEST||Colombia's president called for an international inquiry into the killings.|Colombia's president|COL|GOV|||
ACCUSE||India accused Pakistan of harbouring militants.|India|IND||Pakistan|PAK|
ACCUSE||Berlin condemned Moscow's treatment of the opposition leader.|Berlin|DEU|GOV|Moscow|RUS|GOV
ACCUSE||Kenya blamed Somali militants for the attack on the bus.|Kenya|KEN||Somali militants|SOM|REB
ACCUSE||The Dutch government criticised Hungary over its asylum law.|Dutch government|NLD|GOV|Hungary|HUN|
ACCUSE|investigate|Brazilian prosecutors opened an investigation into the former president.|Brazilian prosecutors|BRA|JUD|former president||GOV
ACCUSE||Ukraine filed a case against Russia at the International Court of Justice.|Ukraine|UKR||Russia|RUS|
ACCUSE||Seoul denounced Pyongyang's latest missile launch.|Seoul|KOR|GOV|Pyongyang|PRK|GOV
ACCUSE||The Chinese foreign ministry lashed out at Japan over the Taiwan remarks.|Chinese foreign ministry|CHN|GOV|Japan|JPN|
ACCUSE||Venezuela's government was accused by Guyana of violating its territory.|Guyana|GUY||Venezuela's government|VEN|GOV
ACCUSE||Algeria's parliament denounced France's colonial crimes.|Algeria's parliament|DZA|LEG|France|FRA|
ACCUSE||Iraq lodged a formal complaint against Turkey over cross-border strikes.|Iraq|IRQ||Turkey|TUR|
ACCUSE||South Africa charged Israel with genocide before the world court.|South Africa|ZAF||Israel|ISR|
REJECT||Russia vetoed a Security Council resolution on Syria.|Russia|RUS||||
REJECT||Ethiopia rejected Egypt's proposal on the dam.|Ethiopia|ETH||Egypt|EGY|
REJECT||The Israeli government turned down the ceasefire plan put forward by Qatar.|Israeli government|ISR|GOV|Qatar|QAT|
REJECT||Hungary refused to approve the aid package for Ukraine.|Hungary|HUN||Ukraine|UKR|
REJECT||The Venezuelan president dismissed the demands of the opposition.|Venezuelan president|VEN|GOV|opposition||OPP
REJECT||An offer of talks from Washington was rebuffed by Pyongyang.|Pyongyang|PRK|GOV|Washington|USA|GOV
REJECT||Turkey blocked Sweden's bid to join NATO.|Turkey|TUR||Sweden|SWE|
REJECT||Malaysia refused entry to an Israeli delegation.|Malaysia|MYS||Israeli delegation|ISR|GOV
REJECT||Iran's parliament voted down the deal with the atomic agency.|Iran's parliament|IRN|LEG|||
REJECT||The Polish government declined the European Commission's request to accept more migrants.|Polish government|POL|GOV|European Commission|IGO|IGO
REJECT||Morocco refused to extradite the suspect to Algeria.|Morocco|MAR||Algeria|DZA|
REJECT||China's foreign ministry ruled out any negotiations with the Dalai Lama.|China's foreign ministry|CHN|GOV|Dalai Lama||REL
THREATEN||North Korea threatened to strike American bases in Guam.|North Korea|PRK||American bases|USA|MIL
THREATEN||Turkey warned Greece against militarising the islands.|Turkey|TUR||Greece|GRC|
THREATEN||The United States threatened Mexico with new tariffs.|United States|USA||Mexico|MEX|
THREATEN||Moscow warned of retaliation if Finland joined NATO.|Moscow|RUS|GOV|Finland|FIN|
THREATEN||Iran's army chief vowed revenge against Israel for the killing.|Iran's army chief|IRN|MIL|Israel|ISR|
THREATEN||Serbia was threatened with sanctions by the European Union.|European Union|IGO|IGO|Serbia|SRB|
THREATEN||The Rwandan president issued an ultimatum to the Congolese government.|Rwandan president|RWA|GOV|Congolese government|COD|GOV
THREATEN||China cautioned the Philippines that it would defend its claims by force.|China|CHN||Philippines|PHL|
THREATEN||Hezbollah threatened Israel with a wider war.|Hezbollah|LBN|REB|Israel|ISR|
THREATEN||Nigerian unions warned the government of a nationwide strike.|Nigerian unions|NGA|LAB|government|NGA|GOV
THREATEN||Azerbaijan's president threatened to take Karabakh by force.|Azerbaijan's president|AZE|GOV|||
THREATEN||Israel's defence minister warned Hamas that its leaders would be hunted down.|Israel's defence minister|ISR|GOV|Hamas|PSE|REB
PROTEST|demo|Thousands of Serbians marched through Belgrade against corruption.|Serbians|SRB||||
PROTEST|strike|French rail workers went on strike over pension reform.|French rail workers|FRA|LAB|||
PROTEST|demo|Kenyan students protested outside parliament against the finance bill.|Kenyan students|KEN|EDU|||
PROTEST|riot|Young Chileans rioted in Santiago over metro fares.|Young Chileans|CHL||||
PROTEST|obstruct|Polish farmers blocked border crossings with Ukraine.|Polish farmers|POL||Ukraine|UKR|
PROTEST|strike-hun|A detained Bahraini activist went on hunger strike.|detained Bahraini activist|BHR||||
PROTEST|demo|Iranian women staged protests across the country over the death of a young woman.|Iranian women|IRN||||
PROTEST|strike|Nigerian doctors walked out of public hospitals.|Nigerian doctors|NGA||||
PROTEST|demo|Crowds of Armenian protesters gathered outside the government building in Yerevan.|Armenian protesters|ARM||||
PROTEST|obstruct|Bangladeshi garment workers blockaded the highway out of Dhaka.|Bangladeshi garment workers|BGD|LAB|||
PROTEST|demo|Demonstrations against the coup were held by Sudanese citizens in Khartoum.|Sudanese citizens|SDN|CVL|||
PROTEST|strike|Dock workers in Argentina staged a 48-hour stoppage.|Dock workers|ARG|LAB|||
SANCTION||The United States imposed an arms embargo on South Sudan.|United States|USA||South Sudan|SSD|
SANCTION||Poland expelled three Russian diplomats accused of spying.|Poland|POL||Russian diplomats|RUS|GOV
SANCTION||Canada froze the assets of twelve Iranian officials.|Canada|CAN||Iranian officials|IRN|GOV
SANCTION||New sanctions against Myanmar's military rulers were announced by Britain.|Britain|GBR||Myanmar's military rulers|MMR|MIL
SANCTION||Saudi Arabia recalled its ambassador from Lebanon.|Saudi Arabia|SAU||Lebanon|LBN|
SANCTION||Morocco severed diplomatic ties with Iran.|Morocco|MAR||Iran|IRN|
SANCTION||Japan tightened export controls on materials sent to South Korea.|Japan|JPN||South Korea|KOR|
SANCTION||China banned imports of Lithuanian beef.|China|CHN||Lithuanian beef|LTU|
SANCTION||The European Union suspended budget support to Niger after the coup.|European Union|IGO|IGO|Niger|NER|
SANCTION||Washington blacklisted a Chinese drone maker.|Washington|USA|GOV|Chinese drone maker|CHN|BUS
SANCTION||Germany halted arms sales to Turkey.|Germany|DEU||Turkey|TUR|
SANCTION||Travel bans were placed on five Nicaraguan officials by the US State Department.|US State Department|USA|GOV|Nicaraguan officials|NIC|GOV
SANCTION||Egypt closed its airspace to Qatari airlines.|Egypt|EGY||Qatari airlines|QAT|BUS
SANCTION||Ukraine imposed sanctions on Iranian drone manufacturers.|Ukraine|UKR||Iranian drone manufacturers|IRN|BUS
SANCTION||Venezuela's expulsion of the Spanish ambassador came a day after the election.|Venezuela|VEN||Spanish ambassador|ESP|GOV
SANCTION||Argentina downgraded its diplomatic relations with Israel.|Argentina|ARG||Israel|ISR|
SANCTION||The African Union suspended Guinea's membership after the military takeover.|African Union|IGO|IGO|Guinea|GIN|
SANCTION||Russia cut gas supplies to Bulgaria.|Russia|RUS||Bulgaria|BGR|
SANCTION||An embargo on Iranian oil was imposed by the American administration.|American administration|USA|GOV|Iranian oil|IRN|
SANCTION||South Korea shut down the joint industrial zone with North Korea.|South Korea|KOR||North Korea|PRK|
MOBILIZE|troops|Israel called up 300,000 reservists.|Israel|ISR|MIL|||
MOBILIZE|troops|Turkish troops were deployed along the Syrian border.|Turkish troops|TUR|MIL|Syrian border|SYR|
MOBILIZE|troops|Russia mobilised tens of thousands of men for the war.|Russia|RUS|MIL|||
MOBILIZE|troops|Azerbaijan massed troops near the Armenian frontier.|Azerbaijan|AZE|MIL|Armenian frontier|ARM|
MOBILIZE|exercise|North Korea staged large-scale artillery drills near the maritime border with South Korea.|North Korea|PRK|MIL|South Korea|KOR|
MOBILIZE|weapons-test|Iran test-fired a new ballistic missile on Saturday.|Iran|IRN|MIL|||
MOBILIZE|troops|The deployment of American warships to the eastern Mediterranean was announced by the Pentagon.|Pentagon|USA|MIL|||
MOBILIZE||The Indian army put its forces on high alert along the Line of Control.|Indian army|IND|MIL|||
MOBILIZE|troops|Nigeria dispatched soldiers to the restive northwest.|Nigeria|NGA|MIL|||
MOBILIZE|troops|Thousands of reservists were called up by the Ukrainian army.|Ukrainian army|UKR|MIL|||
MOBILIZE|troops|Chinese forces reinforced their positions along the disputed Himalayan border.|Chinese forces|CHN|MIL|||
MOBILIZE|troops|Egypt moved tanks into the Sinai peninsula.|Egypt|EGY|MIL|||
MOBILIZE|exercise|The Venezuelan armed forces held military exercises near the border with Guyana.|Venezuelan armed forces|VEN|MIL|Guyana|GUY|
MOBILIZE|weapons-test|Pakistan's army conducted a training launch of a surface-to-surface missile.|Pakistan's army|PAK|MIL|||
MOBILIZE||Serbia's president ordered the army to full combat readiness on the Kosovo boundary.|Serbia's president|SRB|GOV|||
MOBILIZE|troops|Ethiopia mobilised its regional special forces in the north.|Ethiopia|ETH|MIL|||
MOBILIZE|troops|Additional British troops were flown to Estonia to bolster NATO's eastern flank.|British troops|GBR|MIL|||
MOBILIZE|troops|Rwanda has deployed about a thousand soldiers to Mozambique's Cabo Delgado province.|Rwanda|RWA|MIL|||
MOBILIZE|troops|The Philippine navy stationed a warship at the disputed shoal.|Philippine navy|PHL|MIL|||
MOBILIZE|troops|A general mobilisation was declared by Armenia's government.|Armenia's government|ARM|GOV|||
COERCE|detain|Russian police detained hundreds of protesters in Moscow.|Russian police|RUS|COP|protesters||
COERCE|detain|The former prime minister of Pakistan was put under house arrest by the authorities.|authorities|PAK|GOV|former prime minister of Pakistan|PAK|GOV
COERCE|deport|Germany deported 28 Afghan men convicted of crimes.|Germany|DEU||Afghan men|AFG|CVL
COERCE|censor|The Iranian authorities blocked access to Instagram and WhatsApp.|Iranian authorities|IRN|GOV|Instagram||MED
COERCE|seize|Russia seized the assets of two Western energy companies.|Russia|RUS||Western energy companies||BUS
COERCE||A night-time curfew was imposed on the capital by the Kenyan government.|Kenyan government|KEN|GOV|||
COERCE|martial-law|South Korea's president declared martial law.|South Korea's president|KOR|GOV|||
COERCE|detain|Chinese state security arrested a Japanese businessman on espionage charges.|Chinese state security|CHN|COP|Japanese businessman|JPN|BUS
COERCE|deport|Pakistan expelled thousands of undocumented Afghans.|Pakistan|PAK||undocumented Afghans|AFG|REF
COERCE|detain|The opposition leader was arrested by Ugandan police at a rally.|Ugandan police|UGA|COP|opposition leader||OPP
COERCE|censor|Hong Kong's government shut down a pro-democracy newspaper.|Hong Kong's government|HKG|GOV|pro-democracy newspaper||MED
COERCE|seize|Iranian commandos seized a British-flagged tanker in the Strait of Hormuz.|Iranian commandos|IRN|MIL|British-flagged tanker|GBR|
COERCE|detain|Egypt jailed three Al Jazeera journalists for seven years.|Egypt|EGY||Al Jazeera journalists||MED
COERCE||The Cuban authorities barred a dissident writer from leaving the island.|Cuban authorities|CUB|GOV|dissident writer||
COERCE|detain|Nicaraguan authorities imprisoned a Catholic bishop.|Nicaraguan authorities|NIC|GOV|Catholic bishop||REL
COERCE|deport|The United States deported hundreds of Venezuelans to El Salvador.|United States|USA||Venezuelans|VEN|CVL
COERCE||Myanmar's junta banned the main opposition party.|Myanmar's junta|MMR|MIL|main opposition party||OPP
COERCE|seize|Mexican authorities confiscated the property of a Spanish construction firm.|Mexican authorities|MEX|GOV|Spanish construction firm|ESP|BUS
COERCE|detain|Israeli forces detained a Palestinian lawmaker in a raid in Ramallah.|Israeli forces|ISR|MIL|Palestinian lawmaker|PSE|LEG
COERCE|detain|Algeria placed a French journalist under house arrest.|Algeria|DZA||French journalist|FRA|MED
ASSAULT|aerial|Israeli jets bombed targets in southern Lebanon.|Israeli jets|ISR|MIL|targets|LBN|
ASSAULT|firearms|Gunmen shot dead six police officers in northern Burkina Faso.|Gunmen|||police officers|BFA|COP
ASSAULT|explosives|A car bomb exploded outside a police station in Mogadishu, killing ten.||||police station|SOM|COP
ASSAULT||Russian forces shelled the Ukrainian city of Kharkiv.|Russian forces|RUS|MIL|Ukrainian city|UKR|
ASSAULT|abduct|Armed men kidnapped three Chinese workers in Nigeria.|Armed men|||Chinese workers|CHN|BUS
ASSAULT||Sudan's army attacked positions held by the Rapid Support Forces.|Sudan's army|SDN|MIL|Rapid Support Forces|SDN|REB
ASSAULT|aerial|A Pakistani air strike hit militant hideouts in Afghanistan.|Pakistani|PAK|MIL|militant hideouts|AFG|
ASSAULT||Al-Shabaab fighters stormed a hotel in Mogadishu.|Al-Shabaab fighters|SOM|REB|hotel|SOM|
ASSAULT|firearms|Indian troops fired on a group of militants in Kashmir.|Indian troops|IND|MIL|militants||
ASSAULT||A Houthi missile struck a Greek-owned tanker in the Red Sea.|Houthi|YEM|REB|Greek-owned tanker|GRC|BUS
ASSAULT||Colombian soldiers killed a rebel commander in a raid.|Colombian soldiers|COL|MIL|rebel commander||REB
ASSAULT|explosives|A suicide bomber attacked a mosque in Peshawar.|suicide bomber|||mosque|PAK|
"""

NEGATIVES = """
The Kenyan shilling gained two percent against the dollar this week.
Would Brazil's new finance minister raise taxes?
Rainfall across the Sahel was above average this year.
Sign up for our morning newsletter.
If the talks fail, the two sides could return to fighting.
Turkey's population passed 85 million last year.
The summit is scheduled to take place in Lisbon next month.
Analysts expect Chinese exports to slow in the coming quarter.
Spain beat England in the final of the European football championship in Berlin.
The Danish parliament has 179 members.
A new museum of modern art opened in Abu Dhabi.
Wheat prices rose sharply on the Chicago exchange.
The Peruvian president's approval rating fell to 10 percent.
Saudi Arabia is the world's largest oil exporter.
Click here to read more about the war in Sudan.
A man died after his car hit a tree near Leeds, police said.
The Nile flows through eleven countries.
Indonesia will hold regional elections in November.
Historians disagree about the causes of the First World War.
Snowstorms disrupted flights across Canada on Monday.
"""

#: Sentences per type: twenty or more for the five types weakest on unseen gold (RETREAT has
#: the four releases and returns the PLOVER manual counts there), twelve for the rest
#: (SUPPORT fourteen: two resumed or new diplomatic ties, which the manual counts there).
WEAK = ("CONCEDE", "SANCTION", "MOBILIZE", "RETREAT", "COERCE")
PER_TYPE = {ty: 24 if ty == "RETREAT" else 14 if ty == "SUPPORT" else 20 if ty in WEAK else 12
            for ty in (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")}


if __name__ == "__main__":
    write(build(ROWS, NEGATIVES, "HELD2", "2025-03-10", PER_TYPE), "plover_own_heldout2.json")
