"""Writes ``plover_own_heldout.json`` (next to this file): a held-out set of our own sentences.

Six sentences per PLOVER type, written in our own words from the PLOVER type
definitions, with wordings (verbs, nominal forms, passives) that ``plover_own.json``
does not use, and eight sentences without an event. It was written and scored once
before the trigger lexicon was widened (issue 16), so that a change tuned on
``plover_own.json`` and the PLOVER dev records can be measured on sentences nobody
tuned on. Gold read from each sentence, never from the extractor's output.

Rows as in ``make_plover_own.py``: type|mode|text|actor text|actor code|actor
sector|target text|target code|target sector; a type written ``*TYPE`` marks a
symmetric event whose subject names both parties ("A and B met"), both of which are
then the source. Run ``python benchmarks/data/make_plover_own_heldout.py`` after
editing.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_plover_own import build, write  # noqa: E402

ROWS = """
*AGREE||The governments of Ghana and Ivory Coast reached a settlement on their maritime boundary.|Ghana|GHA|GOV|Ivory Coast|CIV|GOV
AGREE||Uruguay's foreign minister assured Paraguay that the cost of dredging the river would be shared.|Uruguay's foreign minister|URY|GOV|Paraguay|PRY|
*AGREE||A memorandum of understanding on energy was initialled by Finland and Estonia on Wednesday.|Finland|FIN||Estonia|EST|
AGREE||The Malian junta committed itself to handing power to civilians by March.|Malian junta|MLI|MIL|||
*AGREE||Slovakia and Hungary struck a bargain over gas pipeline tariffs.|Slovakia|SVK||Hungary|HUN|
AGREE||Bolivia's president gave his word to Chilean negotiators that the water would keep flowing.|Bolivia's president|BOL|GOV|Chilean negotiators|CHL|GOV
CONSULT|visit|The Spanish king paid a state visit to Mexico.|Spanish king|ESP|GOV|Mexico|MEX|
CONSULT|host|Serbia played host to the Hungarian prime minister on Tuesday.|Serbia|SRB||Hungarian prime minister|HUN|GOV
CONSULT|phone|The Emirati president held a phone call with the Turkish president on regional security.|Emirati president|ARE|GOV|Turkish president|TUR|GOV
CONSULT|third-party|Algeria mediated between the Malian government and Tuareg rebels.|Algeria|DZA||Malian government|MLI|GOV
*CONSULT||Japanese and South Korean defence officials sat down in Tokyo to review their intelligence pact.|Japanese|JPN|GOV|South Korean defence officials|KOR|GOV
*CONSULT||Negotiations between Armenia and Azerbaijan resumed in Washington.|Armenia|ARM||Azerbaijan|AZE|
SUPPORT||The Swiss government hailed Colombia's new peace law as a model for the region.|Swiss government|CHE|GOV|Colombia|COL|
SUPPORT||Portugal threw its weight behind Brazil's bid for a permanent Security Council seat.|Portugal|PRT||Brazil|BRA|
SUPPORT||Senegal's handling of the election was lauded by observers from the African Union.|observers from the African Union|IGO|IGO|Senegal|SEN|
SUPPORT||Mongolia congratulated South Korea's new president on his victory.|Mongolia|MNG||South Korea's new president|KOR|GOV
SUPPORT||The Latvian president extended condolences to Finland after the ferry disaster.|Latvian president|LVA|GOV|Finland|FIN|
SUPPORT||Algeria sided with Tunisia in its dispute with the lenders.|Algeria|DZA||Tunisia|TUN|
CONCEDE||The Cuban government freed dozens of political prisoners after talks with the Vatican.|Cuban government|CUB|GOV|political prisoners||
CONCEDE||Malaysia's prime minister apologised to Singapore for the airspace violation.|Malaysia's prime minister|MYS|GOV|Singapore|SGP|
CONCEDE||The Ecuadorian government rolled back the fuel subsidy cuts after days of unrest.|Ecuadorian government|ECU|GOV|||
CONCEDE||Quarantine rules for arriving travellers were loosened by the Hong Kong authorities.|Hong Kong authorities|HKG|GOV|||
CONCEDE||Kyrgyzstan returned the nationalised gold mine to its Canadian owners.|Kyrgyzstan|KGZ||Canadian owners|CAN|BUS
CONCEDE||The Tunisian president admitted that the security forces had made mistakes during the protests.|Tunisian president|TUN|GOV|||
*COOPERATE||Estonian and Finnish border guards ran a combined operation against people smugglers.|Estonian|EST|COP|Finnish border guards|FIN|COP
COOPERATE||Serbia transferred a suspected war criminal to the International Criminal Court.|Serbia|SRB||International Criminal Court|IGO|IGO
*COOPERATE||Morocco and Spain stepped up cooperation on migration control.|Morocco|MAR||Spain|ESP|
COOPERATE||Colombian investigators teamed up with Ecuadorian police to track the kidnappers.|Colombian investigators|COL|COP|Ecuadorian police|ECU|COP
*COOPERATE||The Qatari and Omani navies carried out a joint mine-clearing operation in the Gulf.|Qatari|QAT|MIL|Omani navies|OMN|MIL
COOPERATE||Singapore restored full diplomatic relations with Myanmar.|Singapore|SGP||Myanmar|MMR|
AID|humanitarian|Emergency shelters and water purification kits were flown to Libya by the Egyptian air force.|Egyptian air force|EGY|MIL|Libya|LBY|
AID|economic|The World Bank approved a $300 million credit for Zambia.|World Bank|IGO|IGO|Zambia|ZMB|
AID|military|Germany shipped tanks and ammunition to Lithuania.|Germany|DEU||Lithuania|LTU|
AID||Kuwait funded the rebuilding of schools in Gaza.|Kuwait|KWT||schools|PSE|
AID||Sweden gave refuge to a dissident Belarusian journalist.|Sweden|SWE||dissident Belarusian journalist|BLR|MED
AID|humanitarian|Vaccines for the outbreak in Congo were provided by the Indian government.|Indian government|IND|GOV|Congo|COD|
RETREAT||Ugandan units evacuated their positions around the Congolese town of Bunia.|Ugandan units|UGA|MIL|Congolese town|COD|
RETREAT||The withdrawal of French troops from Niger was completed in December.|French troops|FRA|MIL|Niger|NER|
RETREAT||Houthi rebels announced a truce with the Saudi-led coalition.|Houthi rebels|YEM|REB|Saudi-led coalition|SAU|MIL
RETREAT||Armed groups in eastern Congo surrendered their weapons to United Nations peacekeepers.|Armed groups|COD|REB|United Nations peacekeepers|IGO|IGO
RETREAT||Israel eased its naval blockade of Gaza.|Israel|ISR|MIL|Gaza|PSE|
RETREAT||Iran granted IAEA inspectors access to the Fordow site.|Iran|IRN||IAEA inspectors|IGO|IGO
REQUEST||Greece appealed to Turkey to stop the military overflights.|Greece|GRC||Turkey|TUR|
REQUEST||The Nepalese government sought international help after the landslides.|Nepalese government|NPL|GOV|||
REQUEST||Iraq was asked by the United States to expel the militias.|United States|USA||Iraq|IRQ|
REQUEST||Jordan's king implored donors to fund the refugee camps.|Jordan's king|JOR|GOV|donors||
REQUEST||Mexico lodged a request with Guatemala for information on the missing migrants.|Mexico|MEX||Guatemala|GTM|
REQUEST||Zambian miners petitioned the government for safer working conditions.|Zambian miners|ZMB|LAB|government|ZMB|GOV
ACCUSE||Armenia charged Azerbaijan with shelling a border village.|Armenia|ARM||Azerbaijan|AZE|
ACCUSE||Lithuania's parliament censured Belarus over the migrant crisis.|Lithuania's parliament|LTU|LEG|Belarus|BLR|
ACCUSE|investigate|Brazilian federal police launched an inquiry into illegal logging by a timber company.|Brazilian federal police|BRA|COP|timber company||BUS
ACCUSE||Ethiopia held Eritrea responsible for the attack on a refugee camp.|Ethiopia|ETH||Eritrea|ERI|
ACCUSE||Morocco's complaint against Algeria over the border closure reached the African Union.|Morocco|MAR||Algeria|DZA|
ACCUSE||Chile sued Bolivia at the International Court of Justice over the river.|Chile|CHL||Bolivia|BOL|
REJECT||Colombia spurned Venezuela's invitation to a regional summit.|Colombia|COL||Venezuela|VEN|
REJECT||The Peruvian Congress threw out the president's reform bill.|Peruvian Congress|PER|LEG|president|PER|GOV
REJECT||A ceasefire proposal from Egypt was rebuffed by Hamas.|Hamas|PSE|REB|Egypt|EGY|
REJECT||Sri Lanka denied entry to a Chinese research vessel.|Sri Lanka|LKA||Chinese research vessel|CHN|
REJECT||Austria opposed Romania's entry into the Schengen zone.|Austria|AUT||Romania|ROU|
REJECT||Mali's junta resisted pressure from ECOWAS to hold elections.|Mali's junta|MLI|MIL|ECOWAS|IGO|IGO
THREATEN||Iran warned Israel of a crushing response if its nuclear sites were attacked.|Iran|IRN||Israel|ISR|
THREATEN||China's defence ministry said it would not hesitate to use force against Taiwan.|China's defence ministry|CHN|GOV|Taiwan|TWN|
THREATEN||Kenyan doctors gave the government seven days to meet their demands or face a strike.|Kenyan doctors|KEN||government|KEN|GOV
THREATEN||Poland was warned by Belarus against moving troops to the frontier.|Belarus|BLR||Poland|POL|
THREATEN||Russia's threat to block grain exports alarmed importers in North Africa.|Russia|RUS||||
THREATEN||The United States cautioned Georgia that aid could be cut if the law passed.|United States|USA||Georgia|GEO|
PROTEST|demo|Hundreds of Moroccan teachers demonstrated in Rabat over pay.|Moroccan teachers|MAR|EDU|||
PROTEST|strike|Nurses in New Zealand stopped work for 24 hours.|Nurses|NZL||||
PROTEST|obstruct|Bolivian truck drivers barricaded the main highway into La Paz.|Bolivian truck drivers|BOL|LAB|||
PROTEST|riot|Youths rioted in the suburbs of Stockholm for a second night.|Youths|SWE||||
PROTEST|demo|A protest march by Georgian opposition supporters filled the capital's main avenue.|Georgian opposition supporters|GEO|OPP|||
PROTEST|strike-hun|A jailed Egyptian activist has been refusing food for a month.|jailed Egyptian activist|EGY||||
SANCTION||Australia slapped travel bans on four Myanmar generals.|Australia|AUS||Myanmar generals|MMR|MIL
SANCTION||Bahrain broke off relations with Qatar.|Bahrain|BHR||Qatar|QAT|
SANCTION||Exports of advanced chips to China were restricted by the Dutch government.|Dutch government|NLD|GOV|China|CHN|
SANCTION||The European Union's embargo on Belarusian potash took effect on Monday.|European Union|IGO|IGO|Belarusian potash|BLR|
SANCTION||Ukraine ordered the closure of the Russian consulate in Odesa.|Ukraine|UKR||Russian consulate|RUS|GOV
SANCTION||Benin withdrew its ambassador from Niger.|Benin|BEN||Niger|NER|
MOBILIZE|troops|Armenia sent additional troops to its border with Azerbaijan.|Armenia|ARM|MIL|Azerbaijan|AZE|
MOBILIZE|exercise|Chinese warships conducted live-fire drills around Taiwan.|Chinese warships|CHN|MIL|Taiwan|TWN|
MOBILIZE|weapons-test|Pakistan carried out a test of a nuclear-capable cruise missile.|Pakistan|PAK|MIL|||
MOBILIZE|troops|Reserve units were called to active duty by the Israeli military.|Israeli military|ISR|MIL|||
MOBILIZE|troops|A build-up of Russian armour near the Finnish border was reported on Friday.|Russian armour|RUS|MIL|Finnish|FIN|
MOBILIZE|troops|The Ethiopian army stationed heavy weapons on the Sudanese frontier.|Ethiopian army|ETH|MIL|Sudanese|SDN|
COERCE|detain|Belarusian security forces rounded up dozens of opposition activists.|Belarusian security forces|BLR|COP|opposition activists||OPP
COERCE|deport|Hundreds of Haitian migrants were expelled by the Dominican Republic.|Dominican Republic|DOM||Haitian migrants|HTI|REF
COERCE|censor|The Turkish government shut down access to social media platforms.|Turkish government|TUR|GOV|social media platforms||MED
COERCE|seize|Argentine customs officials confiscated a cargo plane owned by a Venezuelan airline.|Argentine customs officials|ARG|GOV|cargo plane|VEN|BUS
COERCE|martial-law|Martial law was declared in the Philippine province of Sulu by the president.|president|PHL|GOV|||
COERCE|detain|The detention of a British aid worker by Iranian authorities was confirmed on Sunday.|Iranian authorities|IRN|GOV|British aid worker|GBR|NGO
ASSAULT|firearms|Militants opened fire on a bus carrying pilgrims near Srinagar.|Militants|||pilgrims|IND|CVL
ASSAULT|aerial|Turkish drones struck Kurdish positions in northern Iraq.|Turkish drones|TUR|MIL|Kurdish positions|IRQ|
ASSAULT||A senior Hamas commander was killed in Beirut in a targeted strike.||||senior Hamas commander|PSE|REB
ASSAULT|explosives|A roadside bombing in Somalia's Lower Shabelle region killed four soldiers.||||soldiers|SOM|MIL
ASSAULT||Sudanese paramilitaries raided a village in Darfur, killing dozens.|Sudanese paramilitaries|SDN|MIL|village|SDN|CVL
ASSAULT|abduct|Gunmen kidnapped twenty schoolchildren in Nigeria's Zamfara state.|Gunmen|||schoolchildren|NGA|CVL
"""

NEGATIVES = """
Read our live coverage of the election results here.
The Egyptian pound is expected to weaken further next year, economists say.
Could Poland's new coalition survive a budget dispute?
The Mongolian steppe covers more than a million square kilometres.
If the ceasefire holds, aid convoys might reach the city by Friday.
Heavy snow closed schools across northern Japan on Thursday.
Nigeria's film industry produces about 2,500 films a year.
The Argentine government is due to publish inflation figures on Tuesday.
"""



if __name__ == "__main__":
    write(build(ROWS, NEGATIVES, "HELD", "2024-09-16", 6), "plover_own_heldout.json")
