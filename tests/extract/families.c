/* SPDX-License-Identifier: MIT */
/*
 * tests/extract/families.c — one sentence (or two) per trigger family and
 * per role rule, written for this test, with the events a reader would list:
 * their type, actors and, where the family decides it, status and counts.
 * Each row names what it guards; breaking the rule (a trigger row removed
 * from data/triggers.tsv, a role rule in frames.c) fails its row.
 */
#include "extract_util.h"

typedef struct {
	const char *what;      /* the family or rule */
	const char *text;
	const char *published;
	size_t n;              /* events expected */
	const char *type;      /* of every event */
	const char *codes;     /* space-separated: aid "PRV>RCP", deployment
				* actor, exercise participants ("A+B") */
	const char *status;    /* of the first event, or NULL */
	long long personnel;   /* of the first event, -1: not checked, -2: none */
} fam_case;

static const fam_case CASES[] = {
	/* arrive, land, reach, leave for: the mover is the subject */
	{"arrive", "About 300 Romanian troops arrived in Moldova on Monday for a rotation.",
	 "2023-04-05", 1, "deployment", "ROU", "completed", 300},
	{"arrive: forces from a list",
	 "Soldiers from Ghana, Nepal and Fiji have arrived in Lebanon to join the UN force.",
	 "2023-04-05", 3, "deployment", "GHA NPL FJI", "completed", -1},
	{"forces from each of two states, each with its count", "Two hundred troops from Spain and "
	 "70 officers from Guatemala were stationed in the capital on Monday.", "2023-04-05", 2,
	 "deployment", "ESP GTM", NULL, 200},
	{"the state and a place in it are one move", "Troops from Spain arrived in Haiti on Monday. "
	 "Spanish officials said so. The Spanish troops are stationed in the capital, "
	 "Port-au-Prince.", "2023-04-05", 1, "deployment", "ESP", NULL, -1},
	{"descend on", "About 500 Uzbek paratroopers descended on an airfield in Tajikistan on "
	 "Monday.", "2023-04-05", 1, "deployment", "UZB", "completed", 500},
	{"go to", "Some 400 Irish soldiers will go to Lebanon next month.", "2023-04-05", 1,
	 "deployment", "IRL", "committed", 400},
	{"go to needs forces", "The money will go to a pension fund for army veterans.",
	 "2023-04-05", 0, NULL, "", NULL, -1},
	{"the rest of the forces counted before", "Bangladesh will send 2,250 troops to UN "
	 "missions in Africa. Of them, 850 personnel will go to South Sudan and the rest will be "
	 "deployed in Mali.", "2023-04-05", 3, "deployment", "BGD", "committed", 2250},
	{"an N-member unit counts its people", "Nepal sent the 150-member \"Himal\" unit of "
	 "soldiers to Lebanon on Monday.", "2023-04-05", 1, "deployment", "NPL", "completed", 150},
	{"the adjective of a body is not the deployment's", "Kenyan troops are withdrawing from the "
	 "region. Recently the Malian government accepted the deployment of an additional "
	 "4,000-strong African force to the country.", "2016-09-05", 0, NULL, "", NULL, -1},
	{"land", "Two Italian fighter jets landed at an air base in Estonia on Tuesday.",
	 "2023-04-05", 1, "deployment", "ITA", "completed", -1},
	{"leave for", "A company of 120 Kenyan soldiers left for Haiti on Sunday.", "2023-04-05",
	 1, "deployment", "KEN", "completed", 120},
	{"arrive: unnamed unit takes the last deployment's actor",
	 "Japan dispatched two destroyers to the Gulf of Aden. The warships arrived in "
	 "Djibouti on Friday.",
	 "2023-04-05", 1, "deployment", "JPN", NULL, -1},
	{"join a mission", "About 30 Azeri soldiers will join a Turkish battalion in the NATO-led "
	 "mission in Kosovo.", "2023-04-05", 1, "deployment", "AZE", "committed", 30},
	{"joined by forces", "The Italian company will be joined next month by 200 Slovenian "
	 "soldiers.", "2023-04-05", 1, "deployment", "SVN", "committed", 200},
	{"joined by reporters is no move", "The Italian battalion will be joined next month by "
	 "reporters from Slovenia.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"join an alliance is no move", "Sweden joined NATO on Thursday.", "2024-03-10", 0, NULL,
	 "", NULL, -1},
	{"coordinated subjects send forces", "India and Pakistan are dispatching anti-terrorism "
	 "squads to Russia for a major exercise.", "2023-04-05", 2, "deployment", "IND PAK", NULL,
	 -1},
	{"a planned move and one done are two", "Britain will deploy two more fighter jets to "
	 "Romania in May. British officials said so. Britain has already deployed RAF personnel "
	 "and jets to Romania for air policing.", "2023-04-05", 2, "deployment", "GBR", NULL, -1},
	/* send / dispatch of units or weapons: a deployment, not aid */
	{"send units", "Turkey sent a convoy of commando units and tanks to its border province.",
	 "2023-04-05", 1, "deployment", "TUR", "completed", -1},
	{"offered to send", "Pakistan has offered to send 1,000 troops to the UN force in Sudan.",
	 "2023-04-05", 1, "deployment", "PAK", NULL, 1000},
	{"send a formation", "Germany will send a brigade to Lithuania next year.", "2023-04-05", 1,
	 "deployment", "DEU", "committed", -1},
	{"deploying to, with no object", "About 400 Dutch soldiers are deploying to Lithuania this "
	 "month.", "2023-04-05", 1, "deployment", "NLD", NULL, 400},
	{"strengthen its own forces somewhere", "China strengthened its naval forces in the South "
	 "China Sea.", "2023-04-05", 1, "deployment", "CHN", "completed", -1},
	{"strengthen another state's forces is aid", "The United States will strengthen the "
	 "Ukrainian armed forces with new tanks.", "2023-04-05", 1, "aid", "USA>UKR", NULL, -1},
	{"troops stationed after their count", "The United States has 2,500 troops stationed in "
	 "Iraq.", "2023-04-05", 1, "deployment", "USA", NULL, 2500},
	{"cross into", "Turkish troops crossed into Syria on Sunday.", "2023-04-05", 1,
	 "deployment", "TUR", "completed", -1},
	{"pour into", "Russian troops poured into the region on Monday.", "2023-04-05", 1,
	 "deployment", "RUS", "completed", -1},
	{"deploying along, with no object", "About 3,000 Russian soldiers are deploying along the "
	 "border this week.", "2023-04-05", 1, "deployment", "RUS", NULL, 3000},
	{"no one talked of deploying", "Ukraine asked for help, Ukrainian officials said. Ukraine "
	 "waited. The government has a habit of military intervention, so after Russia invaded "
	 "Crimea, it was a relief that no one talked about sending troops or deploying bombers.",
	 "2023-04-05", 0, NULL, "", NULL, -1},
	{"send causative", "The storms sent hundreds of soldiers from the garrison fleeing.",
	 "2023-04-05", 0, NULL, "", NULL, -1},
	/* offer or commit troops */
	{"offer troops", "Rwanda has offered 800 troops for the African Union mission.",
	 "2023-04-05", 1, "deployment", "RWA", NULL, 800},
	{"more forces expected from a list", "Kenya has offered 1,000 troops for the mission, while "
	 "smaller contingents are expected from Chad and Benin.", "2023-04-05", 3, "deployment",
	 "KEN TCD BEN", NULL, -1},
	{"a decision expected from a state is no contributor", "Kenya has offered 1,000 troops for the "
	 "mission, while a decision is expected from Germany.", "2023-04-05", 1, "deployment", "KEN",
	 NULL, 1000},
	/* mobilize, push into, beef up */
	{"mobilize", "Armenia mobilized 20,000 reservists after the border clashes.", "2023-04-05",
	 1, "deployment", "ARM", "completed", 20000},
	{"the Army of the article's state",
	 "Indian officials confirmed the move on Friday. India and China have held talks. The "
	 "Army has pushed two brigades into Ladakh from Punjab, Indian officials said.",
	 "2023-04-05", 1, "deployment", "IND", "completed", -1},
	{"ordered by the Army: the article's state, not the last mover",
	 "India and China held talks in Delhi on Monday, Indian officials said. Chinese troops "
	 "arrived near the border on Sunday. The movement of troops to Ladakh has been ordered by "
	 "the Army, Indian officials said.",
	 "2023-04-05", 2, "deployment", "CHN IND", NULL, -1},
	{"a word for forces as the mover takes the last deployment's actor",
	 "Russia stationed its first air defence battalion in Crimea in January 2017. The other "
	 "two battalions arrived there this year.",
	 "2018-11-29", 2, "deployment", "RUS", "completed", -1},
	{"a clause after the place is no part of it", "Britain sent 300 troops to Estonia as "
	 "tensions grew with Russia. British officials said so. The British army also sent 300 "
	 "troops to Latvia as tensions grew with Russia.",
	 "2023-04-05", 2, "deployment", "GBR", NULL, -1},
	{"a month narrows 'this year'", "Russia deployed a missile battalion in Crimea in October. "
	 "A second battalion arrived there this year, in February.",
	 "2018-11-29", 2, "deployment", "RUS", "completed", -1},
	{"a leading phrase's date is its own verb's", "Having joined the regional bloc in "
	 "September last year, Ghana is dispatching 400 soldiers to Mali. Ghanaian soldiers have "
	 "already arrived in Mali.", "2023-04-05", 1, "deployment", "GHA", NULL, 400},
	{"a relative clause inside the subject", "India moved two brigades to Ladakh on Monday. "
	 "Indian officials said so. The howitzers which were bought last year have also been "
	 "stationed in Kashmir.", "2023-04-05", 2, "deployment", "IND", NULL, -1},
	{"where forces came from is no place of the move", "Britain moved two battalions into "
	 "Estonia from bases in Germany on Monday. British officials said so. The British air "
	 "force also stationed fighter jets in Germany.",
	 "2023-04-05", 2, "deployment", "GBR", NULL, -1},
	/* acts, not documents: a continuation of another stage, other
	 * materiel or another year is an act of its own with the same parties */
	{"continuation: a further batch promised",
	 "The United States handed over three military trucks to Fiji on Monday. The remaining four "
	 "trucks will be delivered next year.",
	 "2023-04-05", 2, "aid", "USA>FJI", "completed", -1},
	{"continuation: other materiel on another date",
	 "Japan donated two patrol boats to the Vanuatu navy in March. In 2019 it had also given six "
	 "trucks to the army.",
	 "2023-04-05", 2, "aid", "JPN>VUT", NULL, -1},
	{"continuation: the same items re-mentioned",
	 "China delivered two Mi-8 helicopters to Laos on Friday. The two helicopters were "
	 "flown to Vientiane.",
	 "2023-04-05", 1, "aid", "CHN>LAO", "completed", -1},
	{"the country named before", "Sri Lanka hosted the Indian Navy chief on Monday. India "
	 "handed over training simulators worth $2 million to the island nation's navy.",
	 "2023-04-05", 1, "aid", "IND>LKA", "completed", -1},
	{"the nation's waters are no recipient", "The corvette, given to Peru by the navy of "
	 "Korea, was commissioned in 1983 and retired in 2011 from protecting the nation's "
	 "waters.", "2023-04-05", 1, "aid", "KOR>PER", NULL, -1},
	/* exercises: names in the noun phrase, subjects that order drills, hosts */
	{"exercise: A-B joint exercise", "The 5th India-Japan joint military exercise opened "
	 "in Rajasthan on Monday.", "2023-04-05", 1, "exercise", "IND+JPN", NULL, -1},
	{"exercise: an organisation's exercise", "The first ASEAN naval exercise ended on Friday.",
	 "2023-04-05", 1, "exercise", "ASEAN", NULL, -1},
	{"exercise: ordered snap check", "Russia on Tuesday ordered a snap check of the combat "
	 "readiness of its Pacific Fleet.", "2023-04-05", 1, "exercise", "RUS", NULL, -1},
	{"exercise: hosted by", "Hosted by Ghana, the naval exercise brought together ships from "
	 "the region.", "2023-04-05", 1, "exercise", "GHA", NULL, -1},
	{"two named exercises are two", "The Pakistan Army and Saudi land forces completed the "
	 "\"Kaseh 1\" exercise on Thursday. Earlier in October, Saudi and French special forces "
	 "units had kicked off the al-Rieck 2 exercise.", "2017-10-15", 2, "exercise", "PAK+SAU "
	 "FRA+SAU", NULL, -1},
	{"the same parties in two named exercises", "Indian and Japanese troops held the Dharma "
	 "Guardian exercise in March. India and Japan also held the Shinyuu Maitri exercise in "
	 "March.", "2023-04-05", 2, "exercise", "IND+JPN", NULL, -1},
	/* giving verbs with particles and their recipients */
	{"turn over", "Japan turned over five coastal radar systems to the Philippine Navy on "
	 "Monday.", "2023-04-05", 1, "aid", "JPN>PHL", "completed", -1},
	{"extend", "Japan plans to extend military equipment to Indonesia and Mongolia.",
	 "2023-04-05", 2, "aid", "JPN>IDN JPN>MNG", "intent", -1},
	{"forces without a state are military context",
	 "Britain donated 40 vehicles to Ghana and Togo to strengthen their militaries.",
	 "2023-04-05", 2, "aid", "GBR>GHA GBR>TGO", "completed", -1},
	{"an earlier delivery after a comma", "China donated two patrol boats to the Bolivian "
	 "army in 2009, after its previous delivery of 34 trucks and five buses in 2007.",
	 "2010-03-30", 2, "aid", "CHN>BOL", "completed", -1},
	{"continuation: another kind of aid", "Japan handed over five coastal radars to the "
	 "Philippine Navy on Monday. The construction of a naval base for the radars will "
	 "also be funded.", "2023-04-05", 2, "aid", "JPN>PHL", "completed", -1},
	{"continuation: training after materiel", "Russia handed a batch of rifles and "
	 "ammunition to the army of Mali on Monday. It also sent 20 instructors to train the "
	 "country's soldiers.", "2023-04-05", 2, "aid", "RUS>MLI", "completed", -1},
	{"a named joint exercise in capitals", "The Indian Army contingent of 120 personnel "
	 "departed today for the 6th India-Japan Joint Military Exercise.", "2025-02-20", 2,
	 "exercise", "IND+JPN", NULL, -1},
	{"forces sent to a state's own border", "A convoy of military trucks and armored vehicles "
	 "set off for Brazil's northern border on Friday, amid tension between Venezuela and "
	 "Guyana, Venezuela said.", "2023-12-10", 1, "deployment", "BRA", NULL, -1},
	{"a noun's to-phrase of forces and their owner", "On July 30, the handover of a border "
	 "post repaired by the US Government to the border troops of the State Committee for "
	 "National Security of Tajikistan took place.", "2023-08-02", 1, "aid", "USA>TJK", NULL,
	 -1},
	{"forces without a nation in a story of one state's troops", "US troops and US Army "
	 "units train in Europe. Poland and Germany host them. About 87 tanks and 18 howitzers "
	 "have arrived in Poland, officials said.", "2023-04-05", 1, "deployment", "USA", NULL,
	 -1},
	/* commission what was received; funding decisions */
	{"commission a received ship", "Japan handed over a patrol vessel to the Sri Lanka Navy "
	 "on Monday. The vessel was commissioned into the navy on Friday, and a second ship "
	 "will be commissioned in 2025.", "2023-04-05", 2, "aid", "JPN>LKA", "completed", -1},
	{"approve funds", "The US Congress approved $300 million in military aid for Ukraine.",
	 "2023-04-05", 1, "aid", "USA>UKR", "committed", -1},
	{"line of credit", "India extended a $100 million line of credit to Vietnam for the "
	 "purchase of patrol boats for its navy.", "2023-04-05", 1, "aid", "IND>VNM", NULL, -1},
	{"a past edition of the drills", "India and Oman held joint naval drills off Muscat this "
	 "week. The previous edition of the exercise was held in 2019 in the Arabian Sea.", "2023-04-05", 2,
	 "exercise", "IND+OMN", NULL, -1},
	/* lists of recipients */
	{"receivers listed before the verb", "The armed forces of Belize, Guatemala and Panama "
	 "received trucks and aircraft from the United States in October.", "2023-04-05", 3,
	 "aid", "USA>BLZ USA>GTM USA>PAN", "completed", -1},
	{"a comma list ending in something else", "The EU adopted measures to support the armed "
	 "forces of Georgia, Lebanon, Mauritania and the training mission in Mali.",
	 "2023-04-05", 3, "aid", "EU>GEO EU>LBN EU>MRT", NULL, -1},
	/* deployment nouns */
	{"deployment noun with an adjective", "The British deployment of 300 troops to Estonia "
	 "began on Monday.", "2023-04-05", 1, "deployment", "GBR", NULL, 300},
	{"deployment noun of a state's forces", "NATO is watching the largest deployment of "
	 "Soviet submarines in the Atlantic since 1985.", "1987-04-05", 1, "deployment", "RUS",
	 NULL, -1},
	{"station after a modal", "Germany will permanently station a brigade of 4,800 soldiers in "
	 "Lithuania.", "2023-04-05", 1, "deployment", "DEU", "committed", 4800},
	/* rotations: the arriving unit is deployed */
	{"rotation by a named force", "The British brigade will be replaced in May by a Polish "
	 "division.", "2023-04-05", 1, "deployment", "POL", "committed", -1},
	{"rotation by a unit of one state", "The 3rd Armored Brigade will be replaced in June by "
	 "the 10th Mountain Division.", "2023-04-05", 1, "deployment", "USA", "committed", -1},
	{"a service of one state arrives", "A company of Royal Marines arrived in Cyprus on "
	 "Monday.", "2023-04-05", 1, "deployment", "GBR", "completed", -1},
	{"a unit's name with a state is that state's", "The battalion will be replaced in May by "
	 "troops of the National Guard of Venezuela.", "2023-04-05", 1, "deployment", "VEN",
	 NULL, -1},
	{"two rotations are two deployments", "The 1st Armored Division will be replaced by the "
	 "1st Cavalry Division. The 25th Infantry Division will be replaced by the 82nd Airborne "
	 "Division.", "2023-04-05", 2, "deployment", "USA", "committed", -1},
	{"relief in place: a unit takes over a mission", "The 2nd Battalion of the Ohio National "
	 "Guard conducted a relief in place with a battalion from Texas at the base in Kuwait on "
	 "Monday.", "2023-04-05", 1, "deployment", "USA", "completed", -1},
	{"replace is no rotation for hardware", "India plans to replace its ageing helicopters with "
	 "new attack aircraft.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"a convoy to the country's own border", "Brazil moved troops to the north on Monday. "
	 "Brazilian officials said more. A convoy of military trucks set off for Brazil's "
	 "northern border on Friday.", "2023-04-05", 1, "deployment", "BRA", NULL, -1},
	{"moves to two places are two deployments", "Britain moved two battalions to Estonia on "
	 "Monday. British officials said so. The British air force also stationed fighter jets "
	 "in Poland.", "2023-04-05", 2, "deployment", "GBR", NULL, -1},
	{"weapons stationed by the article's state", "India and China held talks in Delhi. "
	 "Indian officials said more talks would follow. Howitzers have been stationed at "
	 "forward posts in Ladakh.", "2023-04-05", 1, "deployment", "IND", NULL, -1},
	{"enter a country", "About 1,000 Saudi soldiers entered Bahrain on Monday.", "2023-04-05",
	 1, "deployment", "SAU", "completed", 1000},
	{"enter service is no move", "The helicopter, built for the Italian navy, is due to "
	 "enter service in 2026.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"sent is no move without forces", "The bank's exit sent shivers down the spines of "
	 "market participants in London.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"troops contributed", "Ghana's contribution to the UN mission in Mali now stands at "
	 "850 troops.", "2023-04-05", 1, "deployment", "GHA", NULL, 850},
	{"troops contributed with their hospital", "Norway's contribution to the UN mission in "
	 "Mali is now 200 troops, with engineers and a field hospital in Gao.", "2023-04-05", 1,
	 "deployment", "NOR", NULL, 200},
	{"a subordinate clause has its own roles", "The Italian donation of rifles to Lebanon "
	 "comes a week after the United States delivered a shipment of weapons.", "2023-04-05",
	 2, "aid", "ITA>LBN USA>LBN", NULL, -1},
	{"exercise participants: names around an acronym", "The CSTO Collective Rapid Reaction "
	 "Force (CRRF) joint exercise ended in Tajikistan.", "2023-04-05", 1, "exercise", "CSTO",
	 NULL, -1},
	{"exercise participants: drills of an organisation", "The army parade followed the "
	 "Unbreakable Brotherhood-2019 drills of the CSTO member states.", "2023-04-05", 1,
	 "exercise", "CSTO", NULL, -1},
	{"a batch of officers", "The second batch of 300 Korean soldiers left for Tacloban "
	 "on Monday.", "2023-04-05", 1, "deployment", "KOR", NULL, 300},
	{"a noun's from-phrase is near it", "Saudi Arabia announced military aid worth $5 "
	 "billion to the army of Sudan, shortly after the kingdom's cut of military aid "
	 "from Lebanon.", "2016-02-29", 1, "aid", "SAU>SDN", NULL, -1},
	/* what is not military aid or a deployment */
	{"aid arriving is no deployment", "Russia handed over military aid to the army of "
	 "Kyrgyzstan on Tuesday. The Russian consignment, which arrived by rail, includes 20 "
	 "armoured personnel carriers.", "2014-05-20", 1, "aid", "RUS>KGZ", NULL, -1},
	{"a trigger word inside an item's name", "Aircraft carried five thousand hand grenades "
	 "from Pardubice airport to the Baghdad airport this week.", "2023-04-05", 0, NULL, "",
	 NULL, -1},
	{"weapons arriving in another state", "The first Korean K2 tanks and K9 howitzers arrived "
	 "in Poland on Tuesday.", "2023-04-05", 0, "deployment", "", NULL, -1},
	{"joining a march", "Police officers and soldiers joined schoolchildren in a march "
	 "through the capital.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"a training activity between forces", "The largest training activity between the "
	 "Australian army and US Marines began in Darwin.", "2023-04-05", 0, "aid", "", NULL, -1},
	{"a name in an aside", "Following a cut in military aid to Lebanon last week, Qatar "
	 "pledged $50 million to the Jordanian army.", "2023-04-05", 1, "aid", "QAT>JOR",
	 "committed", -1},
	{"aid cut off", "Last week the kingdom cut off $4 billion in military aid to the Lebanese "
	 "army.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"commit that", "\"We commit that these military trucks will serve only the army,\" "
	 "the Cambodian minister told China.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"joint training is drills", "Indian and US armies began their annual joint training "
	 "in Rajasthan.", "2023-04-05", 0, "aid", "", NULL, -1},
	{"ships in drills", "All ten members took part in the naval exercise, with Brunei and "
	 "Malaysia deploying warships.", "2023-04-05", 1, "exercise", "BRN+MYS", NULL, -1},
	{"designed for", "Britain is expected to offer the submarine, built by a shipyard and "
	 "designed mainly for NATO navies.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"relief supplies", "India sent a navy ship with relief supplies to Sri Lanka after the "
	 "floods.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"support is no sending", "The guards must support the armed forces, the leader said.",
	 "2023-04-05", 0, NULL, "", NULL, -1},
	{"station as a noun", "The navy received a contract to supply test stations for "
	 "submarines.", "2023-04-05", 0, NULL, "", NULL, -1},
	/* a coordinated verb giving another kind of aid is another act */
	{"handed and sent instructors", "Belarus delivered rifles and mortar rounds to the army of "
	 "Mali and sent 40 instructors to train its gunners.", "2023-04-05", 3, "aid",
	 "BLR>MLI", NULL, -1},
	/* "a training centre" names a place; it gives nothing */
	{"training as a place name", "The Greek Navy and the Cypriot Navy have long kept close "
	 "ties and several training facilities of the Greek Navy are used by the Cypriot Navy.",
	 "2023-04-05", 0, NULL, "", NULL, -1},
	{"in order to is no sale", "Egypt has given 40 army trucks to Sudan in order to "
	 "strengthen ties.", "2023-04-05", 1, "aid", "EGY>SDN", NULL, -1},
	/* participants attending; observers are none */
	{"attend, observers apart", "Spain and Portugal began the Sea Shield naval exercise "
	 "on Monday. Italy, Greece and Malta are attending the exercise, with Tunisia "
	 "attending as an observer.", "2023-04-05", 1, "exercise", "ESP+PRT+ITA+GRC+MLT", NULL,
	 -1},
	{"planned drills' dates lie ahead", "Laos and Vietnam will resume their joint military "
	 "drills in March. The joint military drills will take place from March 20 to April 8, "
	 "after a two-year pause.",
	 "2023-02-26", 1, "exercise", "LAO+VNM", "committed", -1},
	{"not the first time is no negation", "The South Korean navy will transfer a patrol "
	 "vessel to Ecuador on Thursday. This is not the first time Seoul has given a warship to "
	 "Ecuador.",
	 "2024-04-25", 2, "aid", "KOR>ECU", NULL, -1},
	{"an adjective of the things given is no recipient",
	 "France will deliver rifles bought with a $300 million Qatari grant to the Lebanese "
	 "army next month.",
	 "2023-04-05", 1, "aid", "FRA>LBN", NULL, -1},
	{"a name after against fills no role", "Sweden will send helmets to help the country "
	 "in its battle against invading Russian forces.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"anticipated is a plan", "Mongolia is anticipated to be provided with military radars "
	 "by Japan.", "2023-04-05", 1, "aid", "JPN>MNG", "intent", -1},
	{"sending things promised is aid", "Denmark is sending previously promised F-16 "
	 "fighter jets to Romania.", "2023-04-05", 1, "aid", "DNK>ROU", NULL, -1},
	{"a building for the things given is another act", "Fiji is expected to receive four "
	 "patrol boats for its navy from Japan next year. Japan will also fund the construction "
	 "of a pier for these boats.", "2023-04-05", 2, "aid", "JPN>FJI", NULL, -1},
	{"the maker's adjective in a batch names the giver", "A second tranche of Belarusian "
	 "arms reached Mali on Monday.", "2023-04-05", 1, "aid", "BLR>MLI", NULL, -1},
	{"to the country", "Mali's army chief met the Belarusian envoy on Monday. Two cargo "
	 "planes brought a second batch of Belarusian arms to the country last week.",
	 "2023-04-05", 1, "aid", "BLR>MLI", NULL, -1},
	{"units that also take part", "Russia will hold the Ocean Shield naval exercise next "
	 "month. Chinese and Mongolian units will also take part.", "2023-04-05", 1, "exercise",
	 "RUS+CHN+MNG", NULL, -1},
	{"states neighbouring X: a place", "The committee approved $50 million for states "
	 "neighbouring Russia and $20 million in military assistance for Moldova.", "2023-04-05",
	 0, NULL, "", NULL, -1},
	{"participle with givers after by", "The army of Chad, trained and armed by France and "
	 "Belgium, scored a victory over the rebels.", "2023-04-05", 2, "aid", "FRA>TCD BEL>TCD",
	 NULL, -1},
	{"a running total since a year is no act", "Since 1990 Norway has given Jordan $2 billion "
	 "in military aid, the minister said.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"drills with troops from a list", "Exercise Desert Shield began in Jordan on Tuesday with "
	 "troops from Egypt, Morocco and Bahrain.", "2023-04-05", 1, "exercise", "EGY+MAR+BHR",
	 NULL, -1},
	{"troops from a list take part", "Troops from Kazakhstan, Kyrgyzstan and Tajikistan will "
	 "take part in the Rubezh-2023 drills.", "2023-04-05", 1, "exercise", "KAZ+KGZ+TJK", NULL,
	 -1},
	{"surprise inspection", "Russian President Vladimir Putin ordered a surprise inspection "
	 "of the Baltic Fleet on Monday.", "2023-04-05", 1, "exercise", "RUS", NULL, -1},
	{"commissioned into a navy", "The corvette, donated by South Korea, was commissioned into "
	 "the Philippine Navy on Friday.", "2023-04-05", 1, "aid", "KOR>PHL", NULL, -1},
	{"a passive receive", "Fifty army trucks were received by the Kenyan army from Japan on "
	 "Friday.", "2023-04-05", 1, "aid", "JPN>KEN", NULL, -1},
	{"courtesy of", "The Ghanaian military received two patrol boats courtesy of the US "
	 "government on Friday.", "2023-04-05", 1, "aid", "USA>GHA", NULL, -1},
	{"a gift from in an aside", "The trucks, a gift from the people of Korea, were handed "
	 "over to the Mongolian army on Monday.", "2023-04-05", 1, "aid", "KOR>MNG", NULL, -1},
	{"what a donation includes, and for whom",
	 "The donation by Norway includes 40 army trucks and a dozen field ambulances for the "
	 "Jordanian Armed Forces.",
	 "2023-04-05", 1, "aid", "NOR>JOR", NULL, -1},
	{"thanked for a delivery", "Speaking in Kyiv, Ukraine's defence minister thanked Norway "
	 "for the delivery of 12 howitzers.", "2023-04-05", 1, "aid", "NOR>UKR", NULL, -1},
	{"a donation from X to Y", "The donation of 10 patrol boats from the Netherlands to the "
	 "Benin Navy was completed on Friday.", "2023-04-05", 1, "aid", "NLD>BEN", NULL, -1},
	{"the forces of A and B held drills", "The air forces of Pakistan and China held the "
	 "Shaheen air exercise in September.", "2023-10-05", 1, "exercise", "PAK+CHN", NULL, -1},
	{"drills of its fleet", "Russia held snap military drills of its Northern Fleet in the "
	 "Barents Sea.", "2023-10-05", 1, "exercise", "RUS", NULL, -1},
	{"a previous edition in an earlier year", "Indian and French troops will hold the Shakti "
	 "exercise next week. The two armies held the previous edition in 2021 in France.",
	 "2023-10-05", 2, "exercise", "IND+FRA", NULL, -1},
	{"a past edition far into the article", "Indian and Japanese troops began the Dharma "
	 "Guardian military exercise on Monday. The drills focus on urban warfare. Officials "
	 "praised the ties. The weather was mild. Visitors came from Tokyo. Local media covered "
	 "it. The last edition of this exercise was held in Rajasthan in 2021.",
	 "2023-10-05", 2, "exercise", "IND+JPN", NULL, -1},
	{"a relative clause's subject, and the main clause's own act", "Slovakia, which has "
	 "given Ukraine 13 fighter jets, will also supply artillery shells, the minister said.",
	 "2023-04-05", 2, "aid", "SVK>UKR", NULL, -1},
	{"the same recipient's story goes on", "The UAE has given Chad 30 armoured vehicles. Chad "
	 "has also received drones from Turkey, according to the report.", "2023-04-05", 2, "aid",
	 "ARE>TCD TUR>TCD", NULL, -1},
	{"another giver also sent, to the same receiver", "Germany delivered 14 Leopard tanks to "
	 "Ukraine on Monday. The Netherlands also sent 20 armoured vehicles, officials said.",
	 "2023-04-05", 2, "aid", "DEU>UKR NLD>UKR", NULL, -1},
	{"airdrop", "The US airdropped ammunition to Iraqi army units near Mosul.",
	 "2023-04-05", 1, "aid", "USA>IRQ", NULL, -1},
	{"rebels of a state are not the state", "The United States airdropped ammunition to "
	 "Syrian rebel fighters.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"fighters named by a demonym are a group", "The United States delivered ammunition to "
	 "Syrian Arab fighters.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"the enemy of a battle is no recipient", "The United States airdropped ammunition to "
	 "the fighters battling Islamic State.", "2023-04-05", 0, NULL, "", NULL, -1},
	{"another exercise of the same parties", "Russian and Chinese warships held joint naval "
	 "drills in the Sea of Japan in July. In September, the two navies held another military "
	 "exercise in the East China Sea.", "2023-10-05", 2, "exercise", "RUS+CHN", NULL, -1},
	{"a separate exercise with a name of its own", "US and Philippine troops began the "
	 "Balikatan military exercise on Monday. The two allies will also hold a naval exercise, "
	 "Sama Sama, in October.", "2023-10-05", 2, "exercise", "USA+PHL", NULL, -1},
	{"a training area named for manoeuvres is a place", "Indian and Japanese troops began "
	 "the Dharma Guardian military exercise on Monday. The drills are held in the East Fuji "
	 "Maneuver Training Area of Japan.", "2023-10-05", 1, "exercise", "IND+JPN", NULL, -1},
	{"the two countries will hold", "Indian and US troops concluded the Yudh Abhyas military "
	 "exercise on Friday. Next month, the two countries will hold the Cope India air "
	 "exercise.", "2023-10-05", 2, "exercise", "IND+USA", NULL, -1},
	{"received from a list of givers", "Ukraine received anti-tank weapons from the US, "
	 "Britain and France.", "2023-04-05", 3, "aid", "USA>UKR GBR>UKR FRA>UKR", NULL, -1},
	{"got from", "The Ugandan army got 20 military trucks from China on Monday.", "2023-04-05",
	 1, "aid", "CHN>UGA", NULL, -1},
	{"a consignment arrives", "A consignment of military equipment from Russia arrived in "
	 "Mali on Tuesday.", "2023-04-05", 1, "aid", "RUS>MLI", NULL, -1},
	{"a delivery welcomed by its receiver", "Mali welcomed a new delivery of Russian military "
	 "helicopters on Tuesday.", "2023-04-05", 1, "aid", "RUS>MLI", NULL, -1},
	{"the trainees of a training noun do not give", "The militants lost ground thanks to the "
	 "lead Britain has shown and its training of 70,000 Iraqi soldiers.", "2023-04-05", 1,
	 "aid", "GBR>IRQ", NULL, -1},
	{"the remaining batch is another act", "Spain handed over 20 armoured vehicles to "
	 "Mauritania on Monday. The remaining equipment will be delivered next year.", "2023-04-05",
	 2, "aid", "ESP>MRT", NULL, -1},
	{"one act a year", "Japan gave Vietnam six patrol vessels in 2020 and four more in "
	 "2022.", "2024-03-13", 2, "aid", "JPN>VNM", NULL, -1},
	{"one act a month", "France delivered six Caesar howitzers to Ukraine in May and another "
	 "six in June.", "2023-10-05", 2, "aid", "FRA>UKR", NULL, -1},
	{"it: the state the sentence before began with", "Australia has close ties with Fiji. "
	 "Last week, it handed over a patrol boat to the Fijian navy.", "2024-03-13", 1, "aid",
	 "AUS>FJI", NULL, -1},
	{"drills listed by name, each its own", "In September the Turkish air force held the "
	 "Anatolian Star drills with Qatar. Turkey has taken part in several military exercises "
	 "in the past two years, among them Red Flag and Iniochos.", "2023-10-05", 3, "exercise",
	 "TUR", NULL, -1},
	{"drills listed by name instead of the noun", "Turkey has taken part in several military "
	 "exercises in the past two years, among them Red Flag and Iniochos.", "2023-10-05", 2,
	 "exercise", "TUR", NULL, -1},
	{"the speaker receives", "Mali's junta said it had received four attack helicopters "
	 "from Russia.", "2024-03-13", 1, "aid", "RUS>MLI", NULL, -1},
	{"a verb after 'and' shares the subject, and more of the aid is aid", "The UK gifted "
	 "Ukraine 14 Challenger 2 tanks and will send more armoured vehicles, the ministry "
	 "said.", "2024-03-13", 2, "aid", "GBR>UKR", NULL, -1},
	{"security vehicles and armored vehicles may be one lot", "The UAE has provided military "
	 "equipment and security vehicles to Chad. Chad's defence ministry confirmed that it "
	 "received armored vehicles from the UAE.", "2024-03-13", 1, "aid", "ARE>TCD", NULL, -1},
	{"move to", "Indian troops are expected to move to the border area next week.",
	 "2024-03-13", 1, "deployment", "IND", NULL, -1},
	{"based in", "British troops will be based in Estonia permanently, the minister said.",
	 "2024-03-13", 1, "deployment", "GBR", NULL, -1},
	{"a standing base is no move", "The British training unit has been based in Nanyuki "
	 "for decades and trains Kenyan infantry battalions every year.", "2024-03-13", 1, "aid",
	 "GBR>KEN", NULL, -1},
	{"a single warplane or warship moves", "A Russian strategic bomber landed at an airfield in "
	 "Venezuela on Monday.", "2024-03-13", 1, "deployment", "RUS", NULL, -1},
	{"military police are forces", "Russia has sent military police units to the town of "
	 "Manbij under a deal with Turkey.", "2024-03-13", 1, "deployment", "RUS", NULL, -1},
	{"a move is no move", "Spain offered its decommissioned corvette to Peru in a move to "
	 "boost military ties, navy officials said.", "2024-03-13", 1, "aid", "ESP>PER", NULL,
	 -1},
	{"proxies backed by a state are not that state", "Azerbaijan delivered military "
	 "equipment to the Turkish-backed forces in northern Syria.", "2024-03-13", 0, NULL, "",
	 NULL, -1},
	{"a handover by X to Y", "The handover of 20 army trucks by the US Embassy to the "
	 "Nigerian Army took place in Abuja.", "2024-03-13", 1, "aid", "USA>NGA", NULL, -1},
	{"a similar check is other drills", "Russian troops began a snap check on Monday. Later "
	 "in the week, the defence ministry ordered a similar check of the Baltic Fleet.",
	 "2024-03-13", 2, "exercise", "RUS", NULL, -1},
	{"one move a month", "Two Russian battalions arrived in Crimea in January and two more "
	 "in September.", "2018-11-30", 2, "deployment", "RUS", NULL, -1},
	{"other forces by their count", "The US deployed 3,000 troops to Poland in February. In "
	 "March, another 2,000 soldiers arrived.", "2023-10-05", 2, "deployment", "USA", NULL,
	 -1},
	{"a training course conducted by", "Somali soldiers completed a six-month training "
	 "course conducted by Turkish instructors in Mogadishu.", "2024-03-13", 1, "aid",
	 "TUR>SOM", NULL, -1},
	{"a name before the things given is no recipient", "Japan will provide military helmets and other "
	 "SDF equipment to Ukraine.", "2024-03-13", 1, "aid", "JPN>UKR", NULL, -1},
	{"a name in quotes after codenamed", "Egyptian and Sudanese troops began the Nile Eagle "
	 "military exercise on Monday. Egypt and Sudan will also hold a naval exercise, codenamed "
	 "\u201cRed Shield\u201d.", "2024-03-13", 2, "exercise", "EGY+SDN", NULL, -1},
	{"dubbed a few words after the noun", "Morocco began a joint military exercise with the "
	 "US military dubbed Desert Lion on Monday. A Moroccan-American naval exercise, "
	 "codenamed Sea Handshake, is also planned.", "2024-03-13", 2, "exercise", "MAR+USA",
	 NULL, -1},
	{"a name without its apostrophe", "The Peoples Republic of China promised to donate 30 army "
	 "trucks to Laos.", "2023-04-05", 1, "aid", "CHN>LAO", NULL, -1},
	/* drills whose parties the clause names, in a military article, need no
	 * military word of their own */
	{"named drills of two states in a military article", "The navy and the army of Peru "
	 "were on alert, the defence ministry said. Chile and Argentina wrapped up the Viking "
	 "joint exercise on Friday.", "2024-03-13", 1, "exercise", "CHL+ARG", NULL, -1},
	{"drills without a military word need a military article", "Chile and Argentina wrapped "
	 "up the Viking joint exercise on Friday. The navy said so.", "2024-03-13", 0, NULL, "",
	 NULL, -1},
	{"aircraft a state deploys are its forces'", "The air force was on alert, the army said. "
	 "Greece has deployed two helicopters to the island of Crete.", "2024-03-13", 1,
	 "deployment", "GRC", "completed", -1},
	{"reinforcements are forces", "The Iraqi army sent reinforcements to Mosul on Sunday.",
	 "2024-03-13", 1, "deployment", "IRQ", "completed", -1},
	{"a formation contributed to a mission", "Ghana will contribute a mechanised battalion "
	 "to the UN mission in Lebanon.", "2024-03-13", 1, "deployment", "GHA", "committed", -1},
	{"a formation contributed to no place is history", "Ghana contributed a mechanised "
	 "battalion.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"its forces strengthened in a place", "Finland is strengthening its forces along the "
	 "eastern border.", "2024-03-13", 1, "deployment", "FIN", NULL, -1},
	{"intelligence provided", "Canada is providing intelligence to Latvia on enemy "
	 "troop movements.", "2024-03-13", 1, "aid", "CAN>LVA", NULL, -1},
	{"intelligence shared with forces", "Australia has been sharing intelligence with "
	 "Philippine troops fighting insurgents.", "2024-03-13", 1, "aid", "AUS>PHL", NULL, -1},
	{"a line of credit for defence purchases", "India extended a $100 million line of credit "
	 "to Mongolia for defence purchases.", "2024-03-13", 1, "aid", "IND>MNG", NULL, -1},
	{"an acronym of a programme is not the state before it", "Spain will give radars to "
	 "Senegal under its Maritime Security Assistance (MSA). MSA also funded two patrol boats "
	 "for the Gambian navy in 2023.", "2024-03-13", 2, "aid", "ESP>SEN ESP>GMB", NULL, -1},
	{"a participle after aid given shares the main subject", "The Dutch government "
	 "supported Ukraine with armoured vehicles in 2023, alongside assistance provided to "
	 "Moldova and Georgia.", "2024-03-13", 3, "aid", "NLD>UKR NLD>MDA NLD>GEO", NULL, -1},
	{"a further batch named by the head noun alone", "Sweden has delivered two IRIS-T air "
	 "defence systems to Ukraine. A third system will be delivered next year.",
	 "2024-03-13", 2, "aid", "SWE>UKR SWE>UKR", "completed", -1},
	{"a plural demonym is its people", "About 200 Danes took part in the exercise alongside "
	 "Polish soldiers near Gdansk.", "2024-03-13", 1, "exercise", "DNK+POL", NULL, -1},
	{"the Defense Department is the US", "The Defense Department announced a $300 million "
	 "package of artillery shells for the Ukrainian army on Friday.", "2024-03-13", 1, "aid",
	 "USA>UKR", NULL, -1},
	{"a year listed after another is a date of its own", "Spain donated army trucks to "
	 "the Mauritanian army in 2016 and 2019.", "2024-03-13", 2, "aid", "ESP>MRT ESP>MRT",
	 "completed", -1},
	{"a count after and with its own place is another move", "Canada will send 120 troops "
	 "to Latvia and 40 to Lithuania next month.", "2024-03-13", 2, "deployment", "CAN CAN",
	 "committed", 120},
	{"each count after a comma or and has its own place", "The Pentagon will deploy 2,000 "
	 "troops to Poland, 1,000 to Romania and 500 to Lithuania.", "2024-03-13", 3,
	 "deployment", "USA USA USA", "committed", 2000},
	{"the state in an of-phrase after units moves", "A squadron of Italian fighter jets "
	 "arrived at an air base in Romania on Monday.", "2024-03-13", 1, "deployment", "ITA",
	 "completed", -1},
	{"ordered to a place", "The French navy has ordered the frigate Provence to the Red Sea, "
	 "officials said.", "2024-03-13", 1, "deployment", "FRA", NULL, -1},
	{"ordered from a seller is a purchase", "The Polish army ordered 250 tanks to the value "
	 "of $5 billion from the United States.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"ordered to do something is no move", "The French army ordered its troops to withdraw "
	 "from the border.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"ordered under a contract is a purchase", "India ordered 26 Rafale jets to Indian "
	 "specifications under a contract with France.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"ordered to a state's specifications is no move", "India ordered 26 Rafale jets to "
	 "Indian specifications.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"forces from a list of states take part", "Marines from the United States and Brazil "
	 "conducted jungle drills in the Amazon.", "2024-03-13", 1, "exercise", "BRA+USA", NULL,
	 -1},
	{"a pronoun subject after and opens a clause of its own", "Spain has been training "
	 "Mauritanian soldiers since 2019, and it delivered 20 armoured vehicles to the army in "
	 "2023.", "2024-03-13", 2, "aid", "ESP>MRT ESP>MRT", "underway", -1},
	{"the foe fought is no recipient", "The United States delivered 20 armoured vehicles to "
	 "Somalia. The vehicles will help the army fight al-Shabaab.", "2024-03-13", 1, "aid",
	 "USA>SOM", "completed", -1},
	{"a further count with its own date", "Germany deployed 200 soldiers to Lithuania in April "
	 "and a further 300 in September.", "2024-10-13", 2, "deployment", "DEU DEU", "completed",
	 200},
	{"a shipment after the delivery is another act", "Qatar has delivered 40 armoured "
	 "vehicles to the Somali army. The delivery follows a shipment of ambulances and trucks "
	 "in January.", "2024-03-13", 2, "aid", "QAT>SOM QAT>SOM", "completed", -1},
	{"shipments after the delivery are another act", "Qatar has delivered 40 armoured "
	 "vehicles to the Somali army. The delivery follows shipments of ambulances and trucks "
	 "in January.", "2024-03-13", 2, "aid", "QAT>SOM QAT>SOM", "completed", -1},
	{"a shipment is no definite noun", "Qatar has delivered 40 armoured vehicles to the "
	 "Somali army. The army said a shipment of ambulances and trucks came in January.",
	 "2024-03-13", 2, "aid", "QAT>SOM QAT>SOM", "completed", -1},
	{"the headline's word for the things compares with nothing", "Qatar sends vehicles to "
	 "Somalia\n\nQatar has delivered 40 armoured vehicles to the Somali army. The delivery "
	 "follows a shipment of ambulances and trucks in January.", "2024-03-13", 2, "aid",
	 "QAT>SOM QAT>SOM", "completed", -1},
	{"the subject's own deployment extended", "Canada extended its troop deployment in Latvia "
	 "until 2028.", "2024-03-13", 1, "deployment", "CAN", NULL, -1},
	{"a presence doubled is a move", "Sweden will double its military presence on Gotland "
	 "to 1,200 soldiers.", "2024-03-13", 1, "deployment", "SWE", NULL, 1200},
	{"a presence alone is no move", "Greece objects to the presence of Turkish troops in "
	 "northern Cyprus.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"troop numbers increased", "Italy is increasing its troop numbers in Kosovo by 150.",
	 "2024-03-13", 1, "deployment", "ITA", NULL, -1},
	{"rotate forces in", "Ghana rotated a new battalion of 800 troops into Lebanon.",
	 "2024-03-13", 1, "deployment", "GHA", "completed", 800},
	{"rotated back home is no move", "The army said the Marines would be rotated back to the "
	 "United States by April.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"a flotilla is forces", "An Indian naval flotilla arrived in Mombasa on Monday.",
	 "2024-03-13", 1, "deployment", "IND", "completed", -1},
	{"paying for another's purchase is aid", "Denmark will finance the purchase of drones "
	 "for the Ukrainian army.", "2024-03-13", 1, "aid", "DNK>UKR", "committed", -1},
	{"another edition of drills named before", "Egyptian and Saudi troops began the Morgan 17 "
	 "joint exercise on Monday. Morgan 16 was held in 2016 near Cairo.", "2024-03-13", 2,
	 "exercise", "EGY+SAU EGY+SAU", NULL, -1},
	{"another edition of a name with its article", "Egyptian and Saudi troops began the "
	 "el-Morgan 17 joint exercise on Monday. El-Morgan 16 was held in 2016.", "2024-03-13", 2,
	 "exercise", "EGY+SAU EGY+SAU", NULL, -1},
	{"an edition of a name in apposition", "Egyptian and Saudi troops began a joint exercise "
	 "(Morgan 17) on Monday. Morgan 16 was held in 2016.", "2024-03-13", 2, "exercise",
	 "EGY+SAU EGY+SAU", NULL, -1},
	{"the state forces moved to hosts joint drills", "The army said 19 Turkish jets were "
	 "sent to an air base in Azerbaijan to take part in a joint exercise.", "2024-03-13", 1,
	 "exercise", "TUR+AZE", NULL, -1},
	{"the one acted for gives", "On behalf of the Korean government, Ambassador Lee handed "
	 "over two patrol boats to the Ghana Navy.", "2024-03-13", 1, "aid", "KOR>GHA",
	 "completed", -1},
	{"a state sends its own aircraft", "The Turkish Air Force sent 12 of its aircraft to "
	 "Azerbaijan on Monday.", "2024-03-13", 1, "deployment", "TUR", "completed", -1},
	{"aircraft sent without their owner may be a gift", "Turkey sent 12 aircraft to the "
	 "Azerbaijani army on Monday.", "2024-03-13", 1, "aid", "TUR>AZE", "completed", -1},
	{"a separate shipment is another act", "The Pentagon has approved $95 million to support "
	 "the Lebanese army. A separate shipment of guided bombs for its aircraft arrived in "
	 "Beirut last week.", "2024-03-13", 2, "aid", "USA>LBN USA>LBN", "committed", -1},
	{"the first batch after the second is another act", "Germany has delivered a second "
	 "batch of 20 Marder vehicles to the Ukrainian army. The first batch of 20 vehicles "
	 "arrived in March.", "2024-06-13", 2, "aid", "DEU>UKR DEU>UKR", "completed", -1},
	{"a separate shipment with only its date is another act", "The Pentagon has approved $95 "
	 "million to support the Lebanese army. A separate shipment arrived in Beirut last week.",
	 "2024-03-13", 2, "aid", "USA>LBN USA>LBN", "committed", -1},
	{"states after troops from also taking part", "Australian and US troops began the "
	 "Southern Shield joint exercise on Friday. Troops from Japan, Canada and Germany are "
	 "also participating.", "2024-03-13", 1, "exercise", "AUS+USA+JPN+CAN+DEU", NULL, -1},
	{"around a number is no place", "Philippine and American troops began the annual "
	 "Balikatan exercise on Monday, with around 16,000 personnel taking part, including "
	 "Australian and French contingents.", "2024-03-13", 1, "exercise", "PHL+USA+AUS+FRA",
	 NULL, -1},
	{"the forces that moved take part in joint drills", "A contingent of 45 Indian soldiers "
	 "arrived in Ulaanbaatar on Sunday for Steppe Eagle, a joint military exercise with "
	 "Mongolia.", "2024-03-13", 2, "exercise", "IND+MNG", NULL, -1},
	{"the to-phrase of another noun names no recipient", "Britain will train about 400 "
	 "Kenyan soldiers before their deployment to Somalia.", "2024-03-13", 1, "aid", "GBR>KEN",
	 "committed", -1},
	{"past a name of the giver itself", "The EU approved 40 million euros under the European "
	 "Peace Facility for the armed forces of Georgia and Moldova.", "2024-03-13", 2, "aid",
	 "EU>GEO EU>MDA", NULL, -1},
	{"a package announced is promised", "The Pentagon on Wednesday announced a new $200 "
	 "million security assistance package for Ukraine.", "2024-01-12", 1, "aid", "USA>UKR",
	 "committed", -1},
	{"a few forces are bodies, not people", "Russia deployed troops to Syria to deepen "
	 "cooperation between the two armed forces.", "2024-03-13", 1, "deployment", "RUS",
	 "completed", -2},
	{"a count in the next sentence is the move's", "Britain deployed a battalion to Estonia "
	 "on Monday. The unit numbers some 800 soldiers.", "2024-03-13", 1, "deployment", "GBR",
	 "completed", 800},
	{"the dead of a fight are no one's personnel", "Britain deployed a battalion to Estonia "
	 "on Monday. In a separate attack, 20 soldiers were killed.", "2024-03-13", 1,
	 "deployment", "GBR", "completed", -2},
	{"drills ended were held", "Colombian and US troops ended two weeks of combined jungle "
	 "drills on Friday.", "2024-03-13", 1, "exercise", "COL+USA", "completed", -1},
	{"the clause of if is hypothetical", "If Germany were to send more troops to Lithuania, "
	 "the balance would change.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"the first of forces from a list", "Instructors from Sweden, Norway and Denmark are "
	 "training Latvian soldiers.", "2024-03-13", 3, "aid", "SWE>LVA NOR>LVA DNK>LVA", NULL,
	 -1},
	{"moving forces", "Germany is moving about 200 soldiers to Lithuania.", "2024-03-13", 1,
	 "deployment", "DEU", NULL, 200},
	{"flown in", "About 4,000 US soldiers were flown in for the drills in Thailand, the army "
	 "said.", "2024-03-13", 2, "deployment", "USA", "completed", 4000},
	{"a participle after the drills is what they do", "China's military launched two days "
	 "of drills around Taiwan on Thursday, sending warships and fighter jets to practise "
	 "strikes.", "2024-05-24", 1, "exercise", "CHN", NULL, -1},
	{"the two-week drills are the drills just reported", "NATO navies began the annual "
	 "BALTOPS exercise in the Baltic Sea on Sunday. Vessels from the United States, Germany "
	 "and Poland are taking part in the two-week drills.", "2024-06-05", 1, "exercise",
	 "NATO+USA+DEU+POL", NULL, -1},
	{"forces training with no one to train", "Japan will provide radars to the Philippine "
	 "Navy. The pact will allow each side's forces to train on the other's territory.",
	 "2024-07-09", 1, "aid", "JPN>PHL", "committed", -1},
	{"a count after a verb of giving, its noun left out", "Kenya will contribute about 1,000 "
	 "soldiers to the UN mission, while Ghana committed some 800.", "2024-03-13", 2,
	 "deployment", "KEN GHA", "committed", 1000},
	{"the maker of the things is no mover", "Germany gave Ukraine an IRIS-T air defence "
	 "system last year. The German-made system has shot down dozens of missiles since the "
	 "first unit arrived in October.", "2024-03-13", 1, "aid", "DEU>UKR", NULL, -1},
	{"the forces a readiness check is of", "Russia's Northern Fleet was placed on high alert "
	 "on Monday for a snap combat readiness inspection ordered by the president.",
	 "2024-03-13", 1, "exercise", "RUS", NULL, -1},
	{"a headline lists with commas alone", "Ghana, Togo send troops to UN mission in Mali\n\n"
	 "The two armies said the soldiers would leave next week.", "2024-03-13", 2,
	 "deployment", "GHA TGO", NULL, -1},
	{"weapons deployed: the adjective of the aircraft moves", "Four Spanish Eurofighters "
	 "were deployed to Lithuania on Monday to guard the Baltic skies.", "2024-03-13", 1,
	 "deployment", "ESP", "completed", -1},
	{"a demonym between a count and its item", "Two Dutch F-35s were stationed in Bulgaria "
	 "last month. The rest of the squadron stayed home.", "2024-03-13", 1, "deployment",
	 "NLD", NULL, -1},
	{"the drills (plural) need no adjective", "Soldiers from Zambia and Malawi took part in "
	 "the drills alongside their Botswanan hosts.", "2024-03-13", 1, "exercise",
	 "ZMB+MWI+BWA", "completed", -1},
	{"along with ships from a list", "Colombia's navy will join the annual naval exercise "
	 "along with ships from Ecuador and Panama.", "2024-03-13", 1, "exercise",
	 "COL+ECU+PAN", "committed", -1},
	{"an aid noun with an aside before what it includes", "The gift, made by the Korean "
	 "embassy, includes 20 trucks and radios for the Mongolian army.", "2024-03-13", 1, "aid",
	 "KOR>MNG", "completed", -1},
	{"paid for by", "The radars, paid for by Canada, include two mobile units for the Latvian "
	 "armed forces.", "2024-03-13", 1, "aid", "CAN>LVA", NULL, -1},
	{"paid for by on another's gift is that act's", "Italy will provide the Tunisian army with "
	 "$20 million worth of vehicles paid for by Qatar.", "2024-03-13", 1, "aid", "ITA>TUN",
	 "committed", -1},
	{"a naval task force is sent", "Seoul dispatched a naval task force to the Strait of "
	 "Hormuz on Tuesday.", "2024-03-13", 1, "deployment", "KOR", "completed", -1},
	{"a task force not of arms is no deployment", "The governor dispatched a task force on "
	 "school meals to the northern districts.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"handed the receiver the things", "Australia handed the Fijian navy three patrol boats "
	 "on Friday.", "2024-03-13", 1, "aid", "AUS>FJI", "completed", -1},
	{"handed a receiver no things", "The minister handed the Fijian navy commander a letter "
	 "on Friday.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"a unit of one state stands for it", "The Royal Navy held a joint exercise with the "
	 "Omani navy off Duqm last week.", "2024-03-13", 1, "exercise", "GBR+OMN", "completed",
	 -1},
	{"a unit with a state of its own is that state's", "Venezuela's Bolivarian National Guard "
	 "held drills with Cuban troops near Caracas.", "2024-03-13", 1, "exercise", "VEN+CUB",
	 NULL, -1},
	{"redeploying to no place is going home", "The 10th Mountain Division will redeploy in "
	 "June, after nine months in the region.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"redeploying to a place", "The 10th Mountain Division will redeploy to Kuwait in June.",
	 "2024-03-13", 1, "deployment", "USA", "committed", -1},
	{"an appeal to another is no act", "The Malian president urged France to provide more "
	 "helicopters for the Malian army.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"calling on another to send troops is no act", "The African Union called on Nigeria "
	 "and Ghana to send troops to the mission in Somalia.", "2024-03-13", 0, NULL, "", NULL,
	 -1},
	{"a bare wider word joins the act (vehicles)", "Egypt donated 12 armoured vehicles to the "
	 "Sudanese army on Monday. The vehicles were handed over in Port Sudan.", "2024-03-13",
	 1, "aid", "EGY>SDN", "completed", -1},
	{"a hyphenated combat-readiness check", "Russia's Central Military District began a "
	 "combat-readiness check of its airborne units on Monday.", "2024-03-13", 1, "exercise",
	 "RUS", NULL, -1},
	{"drills that bring together forces from a list", "The drills will bring together "
	 "soldiers from Senegal, Gambia and Cape Verde.", "2024-03-13", 1, "exercise",
	 "SEN+GMB+CPV", NULL, -1},
	{"drills that involve navies from a list", "The exercise involves navies from Oman and "
	 "Pakistan.", "2024-03-13", 1, "exercise", "OMN+PAK", NULL, -1},
	{"two verbs of one subject, each with its own things and date", "Norway sent 20 trucks to "
	 "the Ukrainian army in March and delivered two radars in July.", "2024-03-13", 2, "aid",
	 "NOR>UKR", NULL, -1},
	{"two verbs of one act with no dates of their own", "Norway trained and equipped "
	 "Ukrainian soldiers in March.", "2024-03-13", 1, "aid", "NOR>UKR", NULL, -1},
	{"N more after a second verb counts the things before", "Canada delivered eight armoured "
	 "vehicles to Ukraine and pledged 40 more.", "2024-03-13", 2, "aid", "CAN>UKR",
	 "completed", -1},
	{"a second batch in a clause of its own is another act", "Spain delivered two helicopters "
	 "to the Peruvian army in March, and a second consignment of 300 helmets arrived in Lima "
	 "on Friday.", "2024-05-13", 2, "aid", "ESP>PER", "completed", -1},
	{"a second contingent is another move", "Benin has deployed 500 soldiers to Haiti, and a "
	 "second contingent of 200 arrived in Port-au-Prince on Friday.", "2024-03-13", 2,
	 "deployment", "BEN", "completed", 500},
	{"a subordinate clause has its own subject", "The system has shot down many Russian "
	 "Kh-101 missiles since the first battery arrived in May.", "2024-06-13", 0, NULL, "",
	 NULL, -1},
	{"an appeal to no one named is no act either", "Kenyan leader seeks more aid\n\nNAIROBI - "
	 "Kenya's president on Tuesday urged foreign partners to provide more helicopters and "
	 "drones for the Kenyan army as it battles al-Shabaab in the north.", "2025-03-12", 0,
	 NULL, "", NULL, -1},
	{"things given arriving are no deployment", "NIAMEY (Reuters) - Four MiG-29 fighters "
	 "donated by Belarus landed at an air base near Niamey on Wednesday.", "2024-03-13", 1,
	 "aid", "BLR>NER", NULL, -1},
	{"to be delivered is a commitment", "Russia agreed to supply the Kyrgyz army with "
	 "helicopters. The deal covers helicopters, armoured vehicles and small arms to be "
	 "delivered over several years.", "2024-03-13", 1, "aid", "RUS>KGZ", "committed", -1},
	{"the neighbour across a border receives nothing", "Vietnam reinforced its troops along the "
	 "border with Laos on Monday, sending tanks and artillery to the northern provinces.",
	 "2024-03-13", 1, "deployment", "VNM", NULL, -1},
	{"a relative clause's subject is its name in any phrase", "The ceasefire was brokered by "
	 "Angola, which has deployed 400 troops to the border.", "2024-03-13", 1, "deployment",
	 "AGO", "completed", 400},
	{"a force that will include forces from a list", "Chadian troops landed in Bangui on "
	 "Thursday, the first part of a regional force. The contingent will also include soldiers "
	 "from Gabon and Cameroon.", "2024-03-13", 3, "deployment", "TCD GAB CMR", "completed", -1},
	{"a delegation that includes officers is no force", "Chadian troops landed in Bangui on "
	 "Thursday. The delegation includes officers from Gabon.", "2024-03-13", 1, "deployment",
	 "TCD", "completed", -1},
	{"drills whose verb comes after a relative clause and a place", "The drills, which open "
	 "on Saturday at the Tavan Tolgoi range, will bring together troops from Mongolia, India "
	 "and Japan.", "2024-03-13", 1, "exercise", "MNG+IND+JPN", "committed", -1},
	{"forces that arrive for drills take part in them", "About 150 Fijian soldiers landed in "
	 "Port Moresby on Tuesday for the Puk Puk exercise.", "2024-03-13", 2, "exercise",
	 "FJI+PNG", NULL, -1},
	{"a count after a dateline", "SUVA (Reuters) - Around 150 Fijian soldiers landed in Port "
	 "Moresby on Tuesday.", "2024-03-13", 1, "deployment", "FJI", "completed", 150},
	{"Kiwi soldiers", "A team of 40 Kiwi soldiers arrived in Fiji on Monday.", "2024-03-13", 1,
	 "deployment", "NZL", "completed", 40},
	{"jets sent to another state's air force are given", "Norway has sent six F-16 fighter "
	 "jets to the Ukrainian air force.", "2024-03-13", 1, "aid", "NOR>UKR", "completed", -1},
	{"ships sent to another state's naval base move", "Canada sent two frigates to the "
	 "Japanese navy base at Yokosuka.", "2024-03-13", 1, "deployment", "CAN", "completed", -1},
	{"a subordinate clause that opens the sentence ends at its comma", "After France decided to "
	 "send Caesar howitzers, Denmark handed 19 howitzers to Ukraine.", "2024-03-13", 1, "aid",
	 "DNK>UKR", "completed", -1},
	{"weapons sent to no place are no move", "Germany decided on Friday to send Leopard "
	 "tanks, the chancellor said.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"up to a count of forces", "Austria will send up to 150 soldiers to Chad.",
	 "2024-03-13", 1, "deployment", "AUT", "committed", 150},
	{"a contingent sent", "Senegal will send a contingent to Gambia next month.",
	 "2024-03-13", 1, "deployment", "SEN", "committed", -1},
	{"flew to", "Thirty Tongan soldiers flew to Port Vila on Monday.", "2024-03-13", 1,
	 "deployment", "TON", "completed", 30},
	{"a second verb after and keeps the subject", "Egypt will train the Sudanese navy and will "
	 "deploy two frigates to Sudanese waters.", "2024-03-13", 2, "deployment", "EGY", NULL,
	 -1},
	{"supplies that move are no forces", "About 200 US soldiers arrived in Iraq on Monday. "
	 "Ammunition was flown into Erbil on Tuesday and then driven west.", "2024-03-13", 1,
	 "deployment", "USA", "completed", 200},
	{"a passive's agent is not what moves", "The equipment was flown to Nairobi on Monday by "
	 "Kenyan military aircraft.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"the Africa Corps is Russia's", "The Africa Corps sent 100 soldiers to Bamako on Friday.",
	 "2024-03-13", 1, "deployment", "RUS", "completed", 100},
	{"helping to defend is the purpose of a move", "The United States will deploy Patriot "
	 "batteries to Qatar to help defend it.", "2024-03-13", 1, "deployment", "USA",
	 "committed", -1},
	{"the sum of the noun a purpose infinitive follows", "The EU adopted a 30 million euro "
	 "measure to strengthen the Nigerien armed forces.", "2024-03-13", 1, "aid", "EU>NER",
	 "committed", -1},
	{"round counts a tenth apart are one move", "Over 1,000 Dutch troops head to Lithuania\n\n"
	 "About 1,080 Dutch soldiers are arriving in Lithuania this week, the ministry said.",
	 "2024-03-13", 1, "deployment", "NLD", NULL, -1},
	{"its own ship sent to no place named", "Chile will field two frigates, while Peru is "
	 "sending its patrol vessel BAP Rio Pativilca.", "2024-03-13", 1, "deployment", "PER",
	 NULL, -1},
	{"a verb before another verb's -ing is no act of its own", "Romania's parliament approved "
	 "sending up to 150 soldiers to Kosovo.", "2024-03-13", 1, "deployment", "ROU",
	 "committed", 150},
	{"the subject of a chain of verbs", "Egypt will help Sudan build and train its navy and "
	 "will deploy Egyptian frigates to protect its waters.", "2024-03-13", 2, "deployment",
	 "EGY", NULL, -1},
	{"a maritime cooperative activity", "The navies of Australia, India and the Philippines "
	 "will hold a joint maritime cooperative activity on Sunday.", "2024-03-13", 1,
	 "exercise", "AUS+IND+PHL", "committed", -1},
	{"the provision of things", "Korea signed an agreement on the provision of patrol boats to "
	 "the Peruvian navy.", "2024-03-13", 1, "aid", "KOR>PER", "committed", -1},
	{"an organisation's drills take part with the states named", "Soldiers from Zambia, Malawi "
	 "and Botswana held a SADC standby force exercise near Lusaka.", "2024-03-13", 1,
	 "exercise", "SADC+ZMB+MWI+BWA", NULL, -1},
	{"allies as givers are no one named", "Latvia will give the Ukrainian army a radar. The NATO "
	 "chief said allies have provided Ukraine with 30 billion euros in military aid this year.",
	 "2024-03-13", 1, "aid", "LVA>UKR", "committed", -1},
	{"Western shipments have no giver named", "Moscow has warned that Western arms shipments "
	 "to Kyiv make the NATO states parties to the conflict.", "2024-03-13", 0, NULL, "", NULL,
	 -1},
	{"the country's forces receive", "Bangladesh has long sought help. The country's navy "
	 "received two frigates from China on Tuesday.", "2024-03-13", 1, "aid", "CHN>BGD",
	 "completed", -1},
	{"thanked for the things delivered", "Moldova's defence minister thanked Romania for the 12 "
	 "armoured vehicles delivered this month.", "2024-03-13", 1, "aid", "ROU>MDA", "completed",
	 -1},
	{"what another funds is built by the receiver", "Canada funded four border posts built by "
	 "the Jordanian army.", "2024-03-13", 1, "aid", "CAN>JOR", "completed", -1},
	{"built with support from a giver", "The Malian army has built three border posts with "
	 "support from the EU.", "2024-03-13", 1, "aid", "EU>MLI", "completed", -1},
	{"another in a headline is the body's move", "Nepal to send another battalion to "
	 "Lebanon\n\nKATHMANDU - Nepal will send a battalion of 850 soldiers to Lebanon next month "
	 "to join the UN force, the army said.", "2024-03-13", 1, "deployment", "NPL",
	 "committed", 850},
	{"pre-positioned", "The US Army has pre-positioned 250 tanks in Powidz, Poland.",
	 "2024-03-13", 1, "deployment", "USA", "completed", -1},
	{"closed the drills", "Indonesia and the United States closed the Garuda Shield military "
	 "exercise on Friday.", "2024-03-13", 1, "exercise", "IDN+USA", "completed", -1},
	{"returning after drills is going home", "The US bombers returned to Guam after the "
	 "drill with Japanese fighter jets.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"drills called off after their own phrase", "The annual military exercise between Japan "
	 "and India was called off because of the storm.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"the owner of the forces with a long name", "The EU adopted five assistance measures under "
	 "the European Peace Facility to support the armed forces of Bosnia and Herzegovina.",
	 "2024-03-13", 1, "aid", "EU>BIH", NULL, -1},
	{"a list ending in the deployment of a state's forces", "The EU adopted assistance measures "
	 "to support the armed forces of Georgia, Moldova, Lebanon and the deployment of the "
	 "Rwanda Defence Force in Mozambique.", "2024-03-13", 5, "aid", "EU>GEO EU>MDA EU>LBN EU>RWA",
	 NULL, -1},
	{"a verb before a training noun is the act", "Qatar builds training centre for Somali "
	 "army\n\nThe centre will open next year.", "2024-03-13", 1, "aid", "QAT>SOM", NULL, -1},
	{"the drills forces were flown in for are those reported", "About 8,000 troops from "
	 "Morocco, Tunisia and the United States began the African Lion exercise on Monday. "
	 "Around 4,000 US soldiers were flown in for the drills, which run until May 31.",
	 "2024-05-21", 2, "exercise", "MAR+TUN+USA", NULL, -1},
	{"taking part, including a list", "The Pacific Vanguard naval exercise began on Thursday off "
	 "Guam with US and French ships. Ships from 20 nations are taking part, including Australia, "
	 "Canada and Japan.", "2024-03-13", 1, "exercise", "USA+FRA+AUS+CAN+JPN", NULL, -1},
	{"the things just given, based somewhere, are no move", "Honduran navy gets six U.S. "
	 "interceptor boats\n\nPUERTO CORTES, Honduras - The United States donated six "
	 "interceptor boats to the Honduran Naval Force on Wednesday.\n\nThe boats will be based "
	 "in Puerto Cortes and on the island of Guanaja.\n\nLast month the Honduran army sent "
	 "1,000 soldiers to the Mosquitia region.", "2022-11-24", 2, "aid", "USA>HND", "completed",
	 -1},
	{"forces that land during drills take part in them", "Fijian and Tongan troops landed at "
	 "Lautoka during the Cartwheel exercise.", "2024-03-13", 3, "exercise", "FJI+TON",
	 "completed", -1},
	{"troops that train together train themselves", "Kazakh and Kyrgyz troops train together "
	 "near Osh, Russian officers observe.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"the things given used to train are no act", "Japan donated 20 trucks to the Ghanaian "
	 "army. The equipment will be used to train Ghanaian troops in logistics.", "2024-03-13",
	 1, "aid", "JPN>GHA", "completed", -1},
	{"aircraft sent for drills move", "The US Air Force sent 100 aircraft to Germany for the Air "
	 "Defender exercise.", "2024-03-13", 1, "deployment", "USA", "completed", -1},
	{"a facility handed over", "The United States handed over two border posts to the Tajik "
	 "border guards on Monday.", "2024-03-13", 1, "aid", "USA>TJK", "completed", -1},
	{"the partner of an aid agreement receives", "Russia signed a military aid protocol with "
	 "Laos worth $20 million on Tuesday.", "2024-03-13", 1, "aid", "RUS>LAO", "committed", -1},
	{"a region's adjective is no state", "Central American troops ended a border exercise on "
	 "Friday.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"the deployment of its troops in a place is the subject's", "Italy extended the "
	 "deployment of its troops in Latvia until 2026.", "2024-03-13", 1, "deployment", "ITA",
	 NULL, -1},
	{"a second delivery planned for a month", "Germany has delivered two IRIS-T air defence "
	 "systems to Ukraine. A second delivery is planned for December.", "2024-03-13", 2, "aid",
	 "DEU>UKR", NULL, -1},
	{"released money", "The US will release $1.3 billion in Foreign Military Financing for "
	 "Jordan.", "2024-03-13", 1, "aid", "USA>JOR", "committed", -1},
	{"released prisoners are no aid", "Russia released 50 Ukrainian soldiers in a prisoner "
	 "swap.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"a report released by a body is no aid", "According to a report released by the US "
	 "Congressional Research Service, Kenya has received $400 million in military "
	 "equipment.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"aid held back is no act", "The US will hold back $130 million in military aid to Egypt.",
	 "2024-03-13", 0, NULL, "", NULL, -1},
	{"things for another state's forces arriving are no move", "U.S. military equipment for "
	 "Ecuador's army arrived in Guayaquil on Monday.", "2024-03-13", 0, NULL, "", NULL, -1},
	{"a mood word inside a drill's name is no mood", "Jordan and the US began the Eager Lion "
	 "military exercise on Sunday, the army said.", "2024-05-21", 1, "exercise", "JOR+USA",
	 "underway", -1},
	{"drills that kicked off are under way", "Jordan and the US kicked off the annual joint "
	 "military exercise on Sunday.", "2024-05-21", 1, "exercise", "JOR+USA", "underway", -1},
	{"a drill name and its edition are one drills", "Egypt, Greece start Sea Medusa drills\n\n"
	 "Warships of Egypt and Greece began the Sea Medusa-12 joint naval exercise off Crete on "
	 "Tuesday, the Egyptian navy said.", "2023-11-15", 1, "exercise", "EGY+GRC", NULL, -1},
	{"two editions of a drill are two drills", "Egypt and Greece held the Medusa-11 naval "
	 "exercise in 2021. Egypt and Greece held the Medusa-12 naval exercise in 2022.",
	 "2023-11-15", 2, "exercise", "EGY+GRC", NULL, -1},
	{"forces kept in a state", "Italy will keep its 250 troops in Latvia for another year.",
	 "2024-03-13", 1, "deployment", "ITA", "committed", 250},
	{"forces maintained in a state", "The US maintains about 2,500 troops in Iraq.",
	 "2024-03-13", 1, "deployment", "USA", "underway", 2500},
	{"keeping the peace is no move", "The UN force will keep the peace in Lebanon.",
	 "2024-03-13", 0, NULL, "", NULL, -1},
	{"soldiers kept on alert are no move", "Poland will keep 300 troops on high alert.",
	 "2024-03-13", 0, NULL, "", NULL, -1},
};

static int has_code(json_t *e, const char *type, const char *want)
{
	char got[64] = "";
	if (!strcmp(type, "aid")) {
		snprintf(got, sizeof(got), "%s>%s", str_at(e, "provider", "code"),
			 str_at(e, "recipient", "code"));
		return !strcmp(got, want);
	}
	if (!strcmp(type, "deployment"))
		return str_at(e, "actor", "code") && !strcmp(str_at(e, "actor", "code"), want);
	/* exercise: "A+B" must all be participants */
	char buf[64];
	snprintf(buf, sizeof(buf), "%s", want);
	for (char *save = NULL, *tok = strtok_r(buf, "+", &save); tok;
	     tok = strtok_r(NULL, "+", &save)) {
		int found = 0;
		size_t i;
		json_t *p;
		json_array_foreach (json_object_get(e, "participants"), i, p)
			found |= !strcmp(str_at(p, "code", NULL), tok);
		if (!found)
			return 0;
	}
	return 1;
}

static void families(void **state)
{
	(void)state;
	int bad = 0;
	for (size_t c = 0; c < sizeof(CASES) / sizeof(CASES[0]); c++) {
		const fam_case *k = &CASES[c];
		json_t *arr = extract(k->text, k->published);
		int ok = json_array_size(arr) == k->n;
		char codes[128];
		snprintf(codes, sizeof(codes), "%s", k->codes);
		size_t i = 0;
		for (char *save = NULL, *w = strtok_r(codes, " ", &save); ok && w;
		     w = strtok_r(NULL, " ", &save), i++) {
			int found = 0;
			size_t j;
			json_t *e;
			json_array_foreach (arr, j, e)
				found |= !strcmp(str_at(e, "type", NULL), k->type) &&
					 has_code(e, k->type, w);
			ok = found;
		}
		json_t *e0 = json_array_get(arr, 0);
		if (ok && k->status)
			ok = !strcmp(str_at(e0, "status", NULL), k->status);
		if (ok && k->personnel >= 0)
			ok = json_integer_value(json_object_get(e0, "personnel")) == k->personnel;
		if (ok && k->personnel == -2)
			ok = json_is_null(json_object_get(e0, "personnel"));
		if (!ok) {
			char *dump = json_dumps(arr, JSON_COMPACT);
			fprintf(stderr, "FAIL [%s] %s\n  got: %s\n", k->what, k->text, dump);
			free(dump);
			bad++;
		}
		json_decref(arr);
	}
	assert_int_equal(bad, 0);
}

/* One entry per distinct item: "two patrol vessels" ... "the vessels" is
 * one item with its count, and "five coastal radars" ... "radar" too. */
/* "... amounting to JPY 600 million": the next sentence's value */
static void value_in_the_next_sentence(void **state)
{
	(void)state;
	json_t *arr = extract("Japan handed over five coastal radars to the Philippine Navy on "
			      "Monday. The navy will be the end user of the radars, amounting to "
			      "JPY 600 million.",
			      "2023-04-05");
	assert_int_equal(json_array_size(arr), 1);
	json_t *v = json_object_get(json_array_get(arr, 0), "value");
	assert_non_null(v);
	assert_string_equal(str_at(v, "currency", NULL), "JPY");
	assert_true(json_real_value(json_object_get(v, "amount")) +
			    (double)json_integer_value(json_object_get(v, "amount")) ==
		    600e6);
	json_decref(arr);
}

/* "Chad 10 million euro, to Georgia 20 million euro": each sum after a
 * state is the value of the aid to it; "spent $X on the project" the next
 * sentence's value */
static void values_by_recipient_and_spent(void **state)
{
	(void)state;
	json_t *arr = extract("The EU will fund the armed forces of Chad, Niger and Benin under its "
			      "peace facility. The sums are: Chad 10 million euro, Niger 20 "
			      "million euro and Benin 6 million euro.",
			      "2023-04-05");
	assert_int_equal(json_array_size(arr), 3);
	static const char *const REC[] = {"TCD", "NER", "BEN"};
	static const double AMT[] = {10e6, 20e6, 6e6};
	for (size_t r = 0; r < 3; r++) {
		int found = 0;
		for (size_t i = 0; i < 3; i++) {
			json_t *e = json_array_get(arr, i);
			if (strcmp(str_at(e, "recipient", "code"), REC[r]))
				continue;
			json_t *v = json_object_get(e, "value");
			assert_non_null(v);
			assert_true(json_number_value(json_object_get(v, "amount")) == AMT[r]);
			found = 1;
		}
		assert_true(found);
	}
	json_decref(arr);
	arr = extract("The US handed over 20 trucks to the Tajik army. The US government "
		      "spent $570,000 on the project.",
		      "2023-04-05");
	assert_int_equal(json_array_size(arr), 1);
	assert_non_null(json_object_get(json_array_get(arr, 0), "value"));
	assert_true(json_number_value(json_object_get(
			    json_object_get(json_array_get(arr, 0), "value"), "amount")) == 570000);
	json_decref(arr);
}

/* "with Tunisia attending as an observer": observers take no part; "Participating
 * nations include ..." names the drills' participants */
static void observers_are_no_participants(void **state)
{
	(void)state;
	json_t *arr = extract("Spain and Portugal began the Sea Shield naval exercise on Monday. "
			      "Italy, Greece and Malta are attending the exercise, with Tunisia "
			      "attending as an observer.",
			      "2023-04-05");
	assert_int_equal(json_array_size(arr), 1);
	assert_int_equal(json_array_size(json_object_get(json_array_get(arr, 0), "participants")),
			 5);
	json_decref(arr);
	/* a list of participants of its own, after the drills */
	arr = extract("Spain began the Sea Shield naval exercise on Monday. Participating nations "
		      "include Italy, Greece, Malta and Cyprus, with Tunisia joining as an observer.",
		      "2023-04-05");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_int_equal(json_array_size(json_object_get(e, "participants")), 5);
	assert_true(has_code(e, "exercise", "ESP+ITA+GRC+MLT+CYP"));
	json_decref(arr);
}

/* "the two countries will hold the Cope India air exercise": the parties of
 * the drills just reported take part in the next ones */
static void the_two_named_before(void **state)
{
	(void)state;
	json_t *arr = extract("Indian and US troops concluded the Yudh Abhyas military exercise on "
			      "Friday. Next month, the two countries will hold the Cope India air "
			      "exercise.",
			      "2023-10-05");
	assert_int_equal(json_array_size(arr), 2);
	for (size_t i = 0; i < 2; i++)
		assert_true(has_code(json_array_get(arr, i), "exercise", "IND+USA"));
	json_decref(arr);
}

/* "The UK gifted Ukraine 14 tanks and will send more armoured vehicles": a
 * delivery and a pledge of other materiel, both aid from the UK */
static void gifted_and_will_send_more(void **state)
{
	(void)state;
	json_t *arr = extract("The UK gifted Ukraine 14 Challenger 2 tanks and will send more "
			      "armoured vehicles, the ministry said.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 2);
	for (size_t i = 0; i < 2; i++)
		assert_true(has_code(json_array_get(arr, i), "aid", "GBR>UKR"));
	assert_string_not_equal(str_at(json_array_get(arr, 0), "status", NULL),
				str_at(json_array_get(arr, 1), "status", NULL));
	json_decref(arr);
}

/* "The exercise was also held last year": past drills, even in a report
 * with no date to count years from */
static void past_drills_without_a_report_date(void **state)
{
	(void)state;
	json_t *arr = extract("Russian troops began a snap check of the Pacific Fleet on Monday. "
			      "The exercise was also held last year.",
			      NULL);
	assert_int_equal(json_array_size(arr), 2);
	json_decref(arr);
}

/* "The three countries were selected as recipients of grant aid worth 2
 * billion yen": a lump sum for several recipients goes on none of them */
static void a_lump_sum_goes_on_none(void **state)
{
	(void)state;
	json_t *arr = extract("Japan plans to give military patrol boats to Fiji, Tonga and Samoa. "
			      "The three countries were selected as recipients of grant aid worth 2 "
			      "billion yen.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 3);
	for (size_t i = 0; i < 3; i++)
		assert_true(json_is_null(json_object_get(json_array_get(arr, i), "value")));
	json_decref(arr);
}

/* "40 mln dlrs": the newswire's dollars */
static void newswire_dollars(void **state)
{
	(void)state;
	json_t *arr = extract("Congress approved 40 mln dlrs in military aid for Honduras, the "
			      "committee said.",
			      "2023-04-05");
	assert_int_equal(json_array_size(arr), 1);
	json_t *v = json_object_get(json_array_get(arr, 0), "value");
	assert_non_null(v);
	assert_string_equal(str_at(v, "currency", NULL), "USD");
	json_decref(arr);
}

static void rementions_are_one_item(void **state)
{
	(void)state;
	json_t *arr = extract("Japan handed over two large patrol vessels and five coastal radars "
			      "to the Fiji navy on Monday. The package includes radars, patrol "
			      "vessels and training.",
			      "2023-04-05");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_int_equal(json_array_size(json_object_get(e, "items")), 2);
	assert_true(has_item(e, "ship", 2));
	assert_true(has_item(e, "radar", 5));
	json_decref(arr);
}

/* "The aircraft", "the vehicles": a wider word for the things just given is
 * the same act and the same item. */
static void wider_rementions_are_one_item(void **state)
{
	(void)state;
	json_t *arr = extract("Pakistan gifted two Mi-17 helicopters to the Sri Lankan air force "
			      "on Monday. The aircraft were received by the air force commander in "
			      "Colombo.",
			      "2023-04-05");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_int_equal(json_array_size(json_object_get(e, "items")), 1);
	assert_true(has_item(e, "helicopter", 2));
	json_decref(arr);
	arr = extract("Egypt donated 12 armoured vehicles to the Sudanese army on Monday. The "
		      "vehicles were handed over at a ceremony in Port Sudan.",
		      "2023-04-05");
	assert_int_equal(json_array_size(arr), 1);
	e = json_array_get(arr, 0);
	assert_int_equal(json_array_size(json_object_get(e, "items")), 1);
	assert_true(has_item(e, "armored_vehicle", 12));
	json_decref(arr);
}

/* "sent 20 trucks ... in March and delivered two radars in July": each verb
 * its own things and date (the clause of the first ends at "and"). */
static void coordinated_verbs__own_items_and_dates(void **state)
{
	(void)state;
	json_t *arr = extract("Norway sent 20 trucks to the Ukrainian army in March and delivered "
			      "two radars in July.",
			      "2024-09-13");
	assert_int_equal(json_array_size(arr), 2);
	json_t *a = json_array_get(arr, 0), *b = json_array_get(arr, 1);
	assert_int_equal(json_array_size(json_object_get(a, "items")), 1);
	assert_int_equal(json_array_size(json_object_get(b, "items")), 1);
	assert_true(has_item(a, "vehicle", 20));
	assert_true(has_item(b, "radar", 2));
	assert_string_equal(str_at(a, "when", "start"), "2024-03");
	assert_string_equal(str_at(b, "when", "start"), "2024-07");
	json_decref(arr);
	/* ", and a second consignment of helmets arrived": a clause of its own */
	arr = extract("Spain delivered two helicopters to the Peruvian army in March, and a "
		      "second consignment of 300 night-vision goggles arrived in Lima on Friday.",
		      "2024-05-13");
	assert_int_equal(json_array_size(arr), 2);
	a = json_array_get(arr, 0);
	b = json_array_get(arr, 1);
	assert_int_equal(json_array_size(json_object_get(a, "items")), 1);
	assert_true(has_item(a, "helicopter", 2));
	assert_true(has_item(b, "equipment", 300));
	json_decref(arr);
	/* "will train the navy and will deploy two frigates": the ships are
	 * the deployment's, not the training's */
	arr = extract("Egypt will train the Sudanese navy and will deploy two frigates to Sudanese "
		      "waters.",
		      "2024-05-13");
	assert_int_equal(json_array_size(arr), 2);
	size_t i;
	json_t *e;
	json_array_foreach (arr, i, e)
		if (!strcmp(str_at(e, "type", NULL), "aid"))
			assert_int_equal(json_array_size(json_object_get(e, "items")), 0);
	json_decref(arr);
}

/* "thanked Romania for the 12 armoured vehicles delivered this month": the
 * thanked gives, the one who thanks receives, the things before the verb. */
static void thanked_for_things_delivered(void **state)
{
	(void)state;
	json_t *arr = extract("Moldova's defence minister thanked Romania for the 12 armoured "
			      "vehicles delivered this month.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_true(has_code(e, "aid", "ROU>MDA"));
	assert_true(has_item(e, "armored_vehicle", 12));
	json_decref(arr);
}

/* Forces that arrive for drills: the drills are to come; forces that landed
 * during them: the drills were held at the move's stage. */
static void drills_forces_move_for_or_during(void **state)
{
	(void)state;
	const char *texts[2] = {"About 150 Fijian soldiers landed in Port Moresby on Tuesday for the "
				"Puk Puk exercise.",
				"Fijian and Tongan troops landed at Lautoka during the Cartwheel "
				"exercise."};
	const char *want[2] = {"committed", "completed"};
	for (int k = 0; k < 2; k++) {
		json_t *arr = extract(texts[k], "2024-03-13");
		int seen = 0;
		size_t i;
		json_t *e;
		json_array_foreach (arr, i, e)
			if (!strcmp(str_at(e, "type", NULL), "exercise")) {
				assert_string_equal(str_at(e, "status", NULL), want[k]);
				seen = 1;
			}
		assert_true(seen);
		json_decref(arr);
	}
}

/* A headline's "to hold drills in January" is the coming January. */
static void headline_to__the_coming_month(void **state)
{
	(void)state;
	json_t *arr = extract("Egypt, Saudi Arabia to hold naval drills in January\n\nThe navies of "
			      "the two countries will hold the drills in the Red Sea.",
			      "2024-12-30");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_string_equal(str_at(e, "status", NULL), "committed");
	assert_string_equal(str_at(e, "when", "start"), "2025-01");
	json_decref(arr);
}

/* "TALLINN (Wire) - Some 9,000 soldiers ... began the exercise": the city
 * of the dateline is where the report was filed, no party. */
static void dateline_is_no_party(void **state)
{
	(void)state;
	json_t *arr = extract("TALLINN (Wire) - Some 9,000 soldiers from eight countries began the "
			      "Northern Coast exercise on Monday. Troops from Finland, Sweden and "
			      "Latvia are taking part in the drills.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_int_equal(json_array_size(json_object_get(e, "participants")), 3);
	assert_true(has_code(e, "exercise", "FIN+SWE+LVA"));
	json_decref(arr);
}

/* A report with no date of its own: "/2003/07/" in its address dates "in
 * September" (2003) and a planned "in March" (the next March, 2004). */
static void address_dates_the_report(void **state)
{
	(void)state;
	json_t *arr = extract_url("The 1st Armored Division will be replaced in September by the "
				  "1st Cavalry Division. The 25th Infantry Division will be "
				  "replaced in March by the 82nd Airborne Division.",
				  NULL, "https://news.example/2003/07/rotations.html");
	assert_int_equal(json_array_size(arr), 2);
	const char *w0 = str_at(json_array_get(arr, 0), "when", "start");
	const char *w1 = str_at(json_array_get(arr, 1), "when", "start");
	assert_non_null(w0);
	assert_non_null(w1);
	assert_string_equal(w0, "2003-09");
	assert_string_equal(w1, "2004-03");
	json_decref(arr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(families),
		cmocka_unit_test(rementions_are_one_item),
		cmocka_unit_test(wider_rementions_are_one_item),
		cmocka_unit_test(coordinated_verbs__own_items_and_dates),
		cmocka_unit_test(dateline_is_no_party),
		cmocka_unit_test(headline_to__the_coming_month),
		cmocka_unit_test(drills_forces_move_for_or_during),
		cmocka_unit_test(thanked_for_things_delivered),
		cmocka_unit_test(observers_are_no_participants),
		cmocka_unit_test(newswire_dollars),
		cmocka_unit_test(the_two_named_before),
		cmocka_unit_test(gifted_and_will_send_more),
		cmocka_unit_test(past_drills_without_a_report_date),
		cmocka_unit_test(a_lump_sum_goes_on_none),
		cmocka_unit_test(value_in_the_next_sentence),
		cmocka_unit_test(values_by_recipient_and_spent),
		cmocka_unit_test(address_dates_the_report),
	};
	return cmocka_run_group_tests(tests, ctx_setup, ctx_teardown);
}
