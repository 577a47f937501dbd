"""What a number counts, and what it is not: one row per rule."""

import pytest

#: (text, figure as written, the end of its unit; None for a noun left out)
FIGURES = [
    ("The UNIFIL strength has been expanded from 2,000 to 7,000.", "2,000", "strength"),
    ("Over 120 members of the Defence Forces left for Beirut.", "Over 120", "members"),
    ("An advance party of 31 left last week.", "31", "party"),
    ("It comprised 1,227 troops, 35 civilian police and 139 civilian staff.", "35", "police"),
    ("The mission has 12,000 personnel, including 900 civilian police.", "12,000", "personnel"),
    ("The ceiling includes 480 military observers.", "480", "observers"),
    ("The cut leaves the mission with about 1,000 personnel. Another 300 will leave in May.", "300", None),
    ("The force from about 5,200 to 3,000 troops in September.", "about 5,200", "troops"),
    # hosting is a size unless the text says it is a capacity; a breakaway place is only a place
    ("Japan hosts 54,000 U.S. troops.", "54,000", "troops"),
    ("Russia keeps 1,500 troops in the breakaway region.", "1,500", "troops"),
    # a "from" the parse hangs on a noun in between still sizes the change further up
    ("Ghana has increased the number of its troops supporting the national army against insurgents "
     "from 300 to 1,100 in recent weeks.", "300", "troops"),
    # people of any kind, in a clause that speaks of a force
    ("Some 4,000 Belarusians are stationed along the frontier.", "Some 4,000", "Belarusians"),
    ("Troops on the ground now include 310 Ghanaians and 150 Kenyans.", "150", "Kenyans"),
    ("Up to 900 people deployed to the islands last month.", "Up to 900", "people"),
    ("Officials counted some 2,000 people deployed to the border.", "some 2,000", "people"),
    ("The rapid reaction force of 5,000 people is ready.", "5,000", "people"),
    # a force's size in men: "N men strong", what a force comprises
    ("The garrison in the province is 24,000 men strong.", "24,000", "men"),
    ("Two regiments, comprising about 4,500 men, were moved north.", "about 4,500", "men"),
    ("According to the television station, NTV, the three regiments, comprising about 7,000 men, were created for "
     "the war.", "about 7,000", "men"),
    # a size set off after its noun: "in number", an appositive, a relative clause's "which numbered"
    ("The capital is held by government forces, roughly 30,000 in number.", "roughly 30,000", "forces"),
    ("The Nepalese troops, which numbered about 40, stayed behind.", "about 40", "troops"),
    # a noun two numbers share; police observers
    ("The council approved a mission of up to 7,000 troops, 350 military and 260 police observers.", "350",
     "observers"),
    ("The council approved a mission of up to 7,000 troops, 350 military and 260 police observers.", "260",
     "observers"),
    ("Among them were some 3,000 Royal Navy and Royal Fleet Auxiliary sailors and 2,000 Royal Marines.",
     "some 3,000", "sailors"),
    # a pronoun whose personnel the sentence before names
    ("The force had 32,000 soldiers in 1999. By early 2001, they had been reduced to 19,000.", "19,000", "soldiers"),
    ("The Irish soldiers, some 130, returned to base on Friday.", "some 130", "soldiers"),
    ("On Friday the first Turkish advisers, about 80, reached the base.", "about 80", "advisers"),
    ("On May 2, the first Chinese advisers, around a hundred, arrived in the capital.", "around a hundred", "advisers"),
    # "forces" counted by a number of people
    ("Allies have offered around 5,000 forces for the mission.", "around 5,000", "forces"),
    # the size of one force is its people
    ("The size of the Dutch contingent will rise to 1,900 by the end of the year.", "1,900", "contingent"),
    # a number the parse hangs on a modifier of its noun
    ("The island hosts 8,000 army troops and 3,500 navy and marine personnel.", "3,500", "personnel"),
    # a definite elided figure that says the people are there
    ("The plan cuts the garrison to 20,000, against the 28,000 currently there.", "28,000", None),
    ("The army called up 40,000 more reservists, adding to the 200,000 who were already there.", "200,000", None),
    ("Pyongyang has sent 2,000 soldiers to the front in addition to the 10,000 already deployed.", "10,000", None),
    # a hyphenated modifier says what kind of soldiers, not that they are trainees
    ("Chad pledged 1,500 desert-trained soldiers to the mission.", "1,500", "soldiers"),
    # personnel words of reporting
    ("About 900 combat engineers will also be sent.", "About 900", "engineers"),
    ("The contingent will join the 450 blue helmets already in the country.", "450", "helmets"),
    ("Some 4,000 GIs left the base on Monday.", "Some 4,000", "GIs"),
    ("Georgia fielded some 30,000 regulars in the war.", "some 30,000", "regulars"),
    # level verbs that set a size: "lifted ... to", "pushed ... to", "put ... at"
    ("The new arrivals lifted the strength of the Romanian contingent to 11,500.", "11,500", "contingent"),
    ("The arrivals pushed the number of British troops to 1,400.", "1,400", "troops"),
    ("Officials put the number of Russian troops near the border at about 90,000.", "about 90,000", "troops"),
    ("The plan would lift troop numbers in Lithuania above 5,000.", "above 5,000", "troop"),
    ("The cut would bring the garrison below 2,000.", "below 2,000", "garrison"),
    ("Six hundred Gurkhas arrived in Brunei.", "Six hundred", "Gurkhas"),
    # a number the parse coordinates with the next number's noun
    ("Kenya and Burundi, contributing 1,410 and 1,020 troops, lead the mission.", "1,410", "troops"),
    # a level verb the parse misreads: a plural noun before a qualified number, or the date after it as counted
    ("The Kenyan force in Somalia totals about 3,600.", "about 3,600", "force"),
    ("Nigeria, whose army numbers about 230,000, leads the bloc.", "about 230,000", "army"),
    ("The British army's numbers reached 73,000 last year.", "73,000", "numbers"),
    ("Its armed forces now number 250,000, the minister said.", "250,000", "forces"),
    ("The UN peacekeepers number about 10,000.", "about 10,000", "peacekeepers"),
    # a size noun that refers back sizes the figure just reported
    ("Officials long said about 700 Danish troops were in Iraq. Last week they admitted that the real number "
     "was roughly 1,100.", "roughly 1,100", "troops"),
    ("The law bars more than 300 soldiers and 200 contractors. (The caps were first 250 and 150.)", "150",
     "contractors"),
    ("Officials said 1,500 soldiers would stay. Their number will fall to 1,000 next year.", "1,000", "soldiers"),
    # a size noun a force owns: a force noun, "whose" after a force, a pronoun after one
    ("The mission's ceiling, set by the council in 2009, is 9,000.", "9,000", "ceiling"),
    ("The Estonian contingent's strength will rise to 1,200.", "1,200", "strength"),
    ("The Kenyan force, whose numbers have grown to 4,000, patrols the south.", "4,000", "numbers"),
    ("Allies doubled the battlegroups to eight and lifted their combined strength to around 11,500.",
     "around 11,500", "strength"),
    # police and officers a personnel total lists, a force's component, a nationality; men a force has
    ("The mission has about 9,000 uniformed personnel in all, including 1,100 police.", "1,100", "police"),
    ("Its police component of some 1,300 officers will shrink.", "some 1,300", "officers"),
    ("The advisers will join about 60 Turkish officers already at the base.", "about 60", "officers"),
    ("Chad has the largest contingent, with some 1,400 men.", "some 1,400", "men"),
    ("The mission's strength: 9,800 troops, 1,300 police, 160 military observers.", "1,300", "police"),
    # a number the parse sets beside a noun before it, when a personnel noun follows it
    ("The alliance's battlegroups in the Baltic states: ~4.5K troops.", "~4.5K", "troops"),
    # a unit's name before its personnel noun: the number counts them
    ("The 150 Quick Reaction Force troops arrived on Monday.", "150", "troops"),
    # "strong" set off by commas after the force it sizes
    ("The contingent, about 750 strong, reached Juba on Friday.", "about 750", "contingent"),
    # after a named unit, a number in a table of strengths counts
    ("3rd Brigade 3000 soldiers, 1st Battalion 800 soldiers.", "3000", "soldiers"),
    ("The Third Brigade 3000 soldiers arrived.", "3000", "soldiers"),
    # guarding prisoners makes no one a captive
    ("Some 500 soldiers guard 2,000 prisoners at the camp.", "Some 500", "soldiers"),
    # a deployment since a month, or a build-up since a year, is a size, not a total over a period
    ("Britain has sent 900 troops to Estonia since January.", "900", "troops"),
    ("Mexico has deployed more than 25,000 troops along its border since 2019.", "more than 25,000", "troops"),
    ("In 2010, 100,000 US troops served in Afghanistan.", "100,000", "troops"),
    # a gapped figure before its date
    ("About 4,000 soldiers will leave Germany this year, 2,500 next year and the last 1,500 in 2027.", "2,500", None),
    # a personnel noun compounded into a force or its change, hyphenated or not
    ("The ministry announced a 2,400 troop cut in the north.", "2,400", "troop"),
    ("A 3,000-man force crossed the river.", "3,000", "man"),
    ("Britain will send a 1,000-man battle group to Estonia.", "1,000", "man"),  # a group a military word makes a force
    # men that a word or the force they belong to makes a force's
    ("Some 1,900 British service men remain on the island.", "Some 1,900", "service men"),
    ("The 6,500 men of KFOR patrolled the boundary.", "6,500", "men"),
    ("The 9,000 men of the garrison held the city.", "9,000", "men"),
    ("The brigade's 3,000 men were stretched thin.", "3,000", "men"),
    # a "grouping" of forces; people a force numbers; men a level verb puts it at
    ("Moscow moved a grouping of about 40,000 to the frontier.", "about 40,000", "grouping"),
    # a group that a military word makes a force
    ("An artillery group of about 1,100 men moved north.", "about 1,100", "men"),
    ("The navy sent a carrier group of 5,000 to the gulf.", "5,000", "group"),
    ("The Chadian contingent, numbering about 350 people, reached Gao.", "about 350", "people"),
    ("The garrison stood at about 2,600 men in March.", "about 2,600", "men"),
    ("The Libyan army was estimated at about 70,000 men.", "about 70,000", "men"),
    # an estimate of a force's size; what is "N strong" is the subject
    ("The size of the Libyan army was estimated at about 70,000.", "about 70,000", "army"),
    ("The battalion near the border is ~4K strong, officials said.", "~4K", "battalion"),
    # a change noun's numbers size what it changes
    ("The ministry announced a reduction in the garrison from about 4,800 to 2,900.", "about 4,800", "garrison"),
    ("The ministry announced a reduction in the garrison from about 4,800 to 2,900.", "2,900", "garrison"),
    # "in total" with no personnel named before: the verb sizes it
    ("Norway could send up to 900 in total, the minister said.", "up to 900", None),
    ("Italy could deploy up to 3,000 in total, the minister said.", "up to 3,000", None),
    ("The president ordered an additional 20,000 to Iraq.", "20,000", None),
    # a "-men" plural the tagger takes for a singular; conscripts and seamen are personnel
    ("Germany deployed 650 servicemen to Lithuania.", "650", "servicemen"),
    ("The army drafted 10,000 conscripts.", "10,000", "conscripts"),
    ("The navy sent 300 seamen to the port.", "300", "seamen"),
    # "N strong" set off after its force sizes that force, not a noun after it; "was N strong" sizes the subject
    ("The brigade, some 4,000 strong, will move to Poland in April.", "some 4,000", "brigade"),
    ("The contingent, about 750 strong, reached the capital on Friday.", "about 750", "contingent"),
    ("The alliance's battlegroup in Estonia, 1,200 strong, is led by Britain.", "1,200", "battlegroup"),
    ("The mission was 12,000 strong at its peak.", "12,000", "mission"),
    # a definite bare number that repeats a figure refers back to it
    ("Some 4,000 U.S. troops are in Syria. Half of the 4,000 are in the north-east.", "4,000", "troops"),
    # a bare size set off after a force noun sizes it
    ("The Dutch contingent, now 450, trains Iraqi units at the base.", "450", "contingent"),
    # a bare number given to a mission or a force, or massed on a border
    ("Ireland will contribute 600 to the new mission.", "600", None),
    ("Chad will commit 1,200 to the regional force, its defence minister said.", "1,200", None),
    ("Moscow has massed 100,000 on the border.", "100,000", None),
    # a bare "Numbers" refers back; a date the parse hangs the number on
    ("The U.S. had 100,000 troops in Afghanistan in 2011. Numbers have since fallen to 8,600.", "8,600", "troops"),
    ("About 900 U.S. troops are in Syria. The number could rise to 1,500 next year.", "1,500", "troops"),
    # "that" refers back to the figure just reported; a named mission's size; a verb the parse takes a number for
    ("About 2,500 U.S. troops remain in Iraq. Washington plans to cut that to 2,000.", "2,000", "troops"),
    ("KFOR peaked at 50,000 in 1999.", "50,000", "KFOR"),
    ("The Dutch garrison, believed to number 2,000, left the island.", "2,000", "garrison"),
    # "figure" names a size as "number" does
    ("The official figure for troops in Iraq is 2,500.", "2,500", "troops"),
    # a group in a sequence is sized in the figures just reported
    ("Britain sent 500 troops to Estonia in March. A second wave of 400 followed in May.", "400", "troops"),
    ("The first 250 peacekeepers left Dhaka on Sunday. The last batch of 300 will leave next week.", "300",
     "peacekeepers"),
    # ... into the paragraph before, where the number says it goes on from them
    ("Britain has 900 troops in Estonia.\n\nA further 150 will arrive in May.", "150", "troops"),
    ("Britain has 900 troops in Estonia.\n\nThe remaining 300 will leave by June.", "300", "troops"),
    ("Kenya has 400 police officers in Haiti.\n\nOf these, 200 are in the capital.", "200", "police officers"),
    # a size set off by dashes after its noun; a header's personnel before a colon
    ("The government has deployed troops \u2014 around 2,000 \u2014 to the capital.", "around 2,000", "troops"),
    ("Chinese peacekeepers: 1,050 in South Sudan, 420 in Lebanon.", "1,050", "peacekeepers"),
    ("Chinese peacekeepers: 1,050 in South Sudan, 420 in Lebanon.", "420", "peacekeepers"),
    # a change noun sizes a change to a force
    ("The Pentagon announced a drawdown of 3,400 in Iraq.", "3,400", None),
    ("South Korea has 330 troops in Lebanon. The cut of 80 reflects a smaller area.", "80", None),
    # men a clause deploys, as its object or its subject
    ("Italy sent 400 men to Afghanistan for the elections.", "400", "men"),
    ("About 600 men were stationed at the base.", "About 600", "men"),
    # a qualified noun the article has already qualified: "officers" after "police officers"
    ("Kenya sent 200 police officers to Haiti in June. A total of 1,000 officers will serve there.", "1,000",
     "officers"),
    # a size noun's "of" measures the force that has or owns it
    ("The Irish contingent has a strength of 340.", "340", "contingent"),
    # members the force that has them vouches for
    ("The Royal Thai Army has about 130,000 members.", "about 130,000", "members"),
    ("The navy, with some 9,000 members, guards the coast.", "some 9,000", "members"),
    ("Britain had 4,000 men in Basra by then.", "4,000", "men"),
    # the military is a force; the parse that misreads "numbers" may take it for an adjective
    ("Bahrain's military will shrink to 6,000 by 2030.", "6,000", "military"),
    ("Oman's own military numbers about 40,000.", "about 40,000", "military"),
    # an element or a rotation of a force is one too
    ("An advance element of 150 landed in Niamey.", "150", "element"),
    ("A forward command element of some 30 officers is based in Tallinn.", "some 30", "officers"),
    ("The rotation of 450 will arrive in May.", "450", "rotation"),
    # a number with a scale letter hangs on the letter where a word comes between it and its noun
    ("Poland will send 2.5K more soldiers to the border.", "2.5K", "soldiers"),
    # personnel words of other armies and services
    ("Over 300 jawans of the CRPF were moved to the valley.", "Over 300", "jawans"),
    ("About 200 legionnaires are based in Djibouti.", "About 200", "legionnaires"),
    ("Italy sent 150 carabinieri to train the police.", "150", "carabinieri"),
    # the answer to a question on personnel just asked
    ("Q: How many peacekeepers will stay? A: Around 400.", "Around 400", None),
    # ...in its own paragraph, under a label the parse takes for the number's noun
    ("Q: How many troops will stay in the country?\n\nA: About 900.", "About 900", None),
    ("Q: How many troops will stay in the country?\n\nPRESS SECRETARY: We have about 900 there.", "about 900", None),
    ("Asked how many soldiers were at the base, the officer said: \"About 1,200.\"", "About 1,200", None),
    # a list under a header whose personnel noun is no plural ("Personnel by country")
    ("Military Personnel by Country: Chile 300; Peru 250.", "250", None),
    # an explainer's line that gives its number first, what it counts after a colon
    ("In figures\n2,500: US troops in Iraq\n14: bases", "2,500", "troops"),
    # a relative partitive after its number: "1,000 of whom"
    ("Chad keeps 1,400 soldiers in the north, 600 of whom will leave in June.", "600", None),
    # a contribution is a force; a copula's number the parse reads as an adjective sizes its subject
    ("The Swedish contribution of 550 arrived in Latvia.", "550", "contribution"),
    ("The Belgian contingent will be roughly 250, the ministry said.", "roughly 250", "contingent"),
    ("The mission's authorised strength of 860 was kept.", "860", "strength"),
    # personnel words of services and trades: troopers, SEALs, Green Berets, crews, infantry, military specialists
    ("Chad deployed 2,000 troopers to northern Mali.", "2,000", "troopers"),
    ("A group of 300 SEALs and Rangers was flown to the region.", "300", "Rangers"),
    ("A team of 120 Green Berets is training Ukrainian units in Germany.", "120", "Berets"),
    ("The frigate has a crew of 150.", "150", "crew"),
    ("The ship carries 250 crewmen.", "250", "crewmen"),
    ("About 900 infantry were flown to the islands.", "About 900", "infantry"),
    ("Russia has sent 300 military specialists to the Central African Republic.", "300", "specialists"),
    ("A detachment of 45 military doctors arrived in Bangui.", "45", "doctors"),
    # anyone compounded into a force is its people, the parse hanging the compound past a name or not
    ("The 500-member Bangladeshi battalion arrived in Juba on Tuesday.", "500", "member"),
    ("A 800-person task force will guard the summit.", "800", "person"),
    # members a force or its personnel vouch for; "officers and men" name every rank
    ("Roughly 500 members of the Royal Marines will deploy aboard HMS Albion.", "Roughly 500", "members"),
    ("The Defence Forces confirmed that 130 members of the 122nd Infantry Battalion departed for Lebanon today.",
     "130", "members"),
    ("Beijing keeps about 1,000 officers and men at its base in Djibouti.", "about 1,000", "officers and men"),
    # the whole a partitive sets before its clause is a size, whatever befell a part
    ("Of the 500 troops sent, 12 were wounded.", "500", "troops"),
    # a participle's noun is the subject of the verb it controls
    ("The ECOWAS standby force, expected to number 5,000, has yet to deploy.", "5,000", "force"),
    # "N strong" set off after a mission's name
    ("MINUSMA, 11,000 strong at its height, left Mali at the end of 2023.", "11,000", "MINUSMA"),
    ("KFOR, some 4,500 strong, patrols the north.", "some 4,500", "KFOR"),
    # a headline's verb the parse reads as the noun counted
    ("2,200 Marines land in Darwin for annual rotation", "2,200", "Marines"),
    ("500 Paratroopers Arrive In Latvia", "500", "Paratroopers"),
    ("3k more Marines ordered to the Gulf", "3k", "Marines"),
    # level verbs: staying at a size, taking a number to one
    ("Indonesia's UNIFIL troops to stay at 2,000, says minister", "2,000", "troops"),
    ("The withdrawal will take the number of French troops in Niger to 1,500.", "1,500", "troops"),
    # estimates of a force that range or vary from one number to another
    ("Estimates of Russian troops in Belarus range from 10,000 to 30,000.", "30,000", "troops"),
    ("Estimates of the Wagner presence in Libya range from 1,000 to 8,000.", "1,000", "presence"),
    # a size set off with its "at" after what it sizes; a platoon, a ship's complement
    ("Troop levels, now at 2,500, will not change, the Pentagon said.", "2,500", "Troop"),
    ("The Turkish contingent, at 1,100, leads the patrols in the north.", "1,100", "contingent"),
    ("An Irish platoon of 150 relieved the Polish unit.", "150", "platoon"),
    ("The ship carries a complement of 1,200.", "1,200", "complement"),
    # a ship's crew counted as people
    ("The Royal Navy frigate will carry 250 crew and a detachment of Royal Marines.", "250", "crew"),
    # a bare number a deployment verb's passive places, after personnel named in the sentence before
    ("Belarus said it had moved troops to its border with Ukraine. Ukrainian officials estimated that some 20,000 "
     "were now stationed in the Gomel region.", "some 20,000", None),
    # a gapped clause's subject is what its "at" sizes, not the first clause's
    ("The rebel army is estimated at 20,000, the government army at some 50,000.", "some 50,000", "army"),
    # members of the force "its" stands for, named as the subject before
    ("The outgoing battalion completed more than 70 patrols and was awarded a UN medal in October. Its 700 members "
     "have returned home in batches.", "700", "members"),
    ("The outgoing battalion, which arrived in December, was awarded a UN medal in October. Its 700 members have "
     "returned home.", "700", "members"),
    # men a government commits are a force's, as men it sends are
    ("The cabinet has authorised 600 men for the mission in Lebanon, the minister said.", "600", "men"),
    # a round number a size passes, of what the clause or the mark's phrase names
    ("US troop numbers in Afghanistan passed the 100,000 mark in 2010.", "100,000", "troop"),
    ("Diplomats expect the new pledges to take the brigade past the 3,000-figure by March.", "3,000", "brigade"),
    # what a force has is its personnel, also where the noun alone might be anyone's
    ("The mission has 900 police in the capital.", "900", "police"),
    # members of a state's service named by its acronym
    ("Some 2,500 SANDF members are in Mozambique.", "Some 2,500", "members"),
    # ...an acronym that is also another state's code ("CAF", Central Africa's), which the model tags a noun
    ("Ottawa said 800 CAF members would deploy to Poland.", "800", "members"),
    # a nationality a personnel total lists as its part
    ("UNMISS has 12,000 troops, among them 800 Chinese.", "800", "Chinese"),
    ("Some 3,000 NATO troops, including 1,200 Americans, are in Kosovo.", "1,200", "Americans"),
    # "of which" after personnel refers back as "of whom" does
    ("Chad has 1,400 soldiers in the north, 600 of which will leave in June.", "600", None),
    # men or people "in uniform" are a force's, however the parse hangs the phrase
    ("Some 3,000 men in uniform patrol the streets.", "Some 3,000", "men"),
    ("Some 4,000 men and women in uniform guard the games.", "Some 4,000", "men"),
    ("The US has about 4,000 people in uniform in the region.", "about 4,000", "people"),
]

#: (text, number as written): numbers that are no troop figure
NOT_FIGURES = [
    ("Sweden will lend two to the mission, the air force said of its transports.", "two"),
    ("Japan pledged 600 to the relief fund.", "600"),
    ("The army lost 300 tanks. Kyiv hopes to cut that to 100.", "100"),
    ("Casualties: US 4,400; UK 179; Italy 33.", "179"),
    ("The company employs 3,000 men at the plant.", "3,000"),
    ("Russia reported a reduction of 15 in the number of battalions.", "15"),
    ("Casualties among soldiers: 40 killed, 120 wounded.", "40"),
    ("Britain has 900 troops in Estonia.\n\nThe ministry said 150 would attend the ceremony.", "150"),
    ("An attack left 24 soldiers dead and five missing.", "24"),
    ("The Pentagon sent 24 F-16 fighters to Saudi Arabia.", "24"),
    ("We will bring every last one of our soldiers home.", "one"),
    ("Britain has 800 troops in Estonia; No. 10 said 200 more would go.", "10"),  # a designator after "No."
    ("Islamic State has some 10,000 fighters in prison camps.", "some 10,000"),
    ("The mission evacuated 360 out of 927 civilian personnel.", "360"),
    ("The number of Russia's battalion tactical groups rose from 60 to 83.", "60"),
    ("The mission has 43 corrections officers.", "43"),
    # capacities, flows and visits, shortfalls, separatist armies (conventions)
    ("The new base is capable of hosting up to 12,000 troops.", "up to 12,000"),
    ("The barracks can accommodate 4,000 soldiers.", "4,000"),
    ("The airfield has room for 3,000 troops.", "3,000"),
    ("About 20,000 troops rotate through the base every year.", "About 20,000"),
    ("That excludes some 7,000 sailors expected to visit the port each year.", "some 7,000"),
    ("The surge falls at least 6,500 troops short of what the generals asked for.", "at least 6,500"),
    ("The army faces a shortfall of 2,000 soldiers.", "2,000"),
    ("The separatist army numbers 20,000 soldiers.", "20,000"),
    ("The breakaway republic's army of 15,000 men guards the line.", "15,000"),
    # a capacity read through "up to" or a participle of building; a shortfall a verb names
    ("The camp can hold up to 6,000 troops.", "up to 6,000"),
    ("The barracks were built to house 8,000 soldiers.", "8,000"),
    ("The mission lacks some 2,000 peacekeepers.", "some 2,000"),
    # captives, taken, held or freed
    ("Some 300 soldiers have been taken prisoner.", "Some 300"),
    ("The gunmen still hold 45 soldiers hostage.", "45"),
    ("Kyiv says 1,200 of its soldiers are held as prisoners of war.", "1,200"),
    ("The militia released 60 peacekeepers on Friday.", "60"),
    # armed groups themselves hold the fighters
    ("The rebels have 3,000 fighters.", "3,000"),
    ("The warlord's militia is believed to have about 8,000 armed men.", "about 8,000"),
    # a count of the harmed: its subject is a toll or losses; lives lost
    ("The death toll reached 2,000 soldiers.", "2,000"),
    ("Russia's losses reached 300,000 soldiers, Kyiv said.", "300,000"),
    ("The war has cost the lives of 6,000 soldiers.", "6,000"),
    ("About 400 soldiers were hospitalised after the attack.", "About 400"),
    ("About 300 soldiers fell ill with cholera.", "About 300"),
    ("Around 45 soldiers surrendered to the rebels.", "Around 45"),
    # a total over a period since a year, or over the years
    ("The UN has sent more than 50,000 peacekeepers since 1990.", "more than 50,000"),
    ("More than 80,000 Irish soldiers have served with the mission over the years.", "More than 80,000"),
    ("Some 620,000 Soviet soldiers served in Afghanistan between 1979 and 1989.", "Some 620,000"),
    ("The country is a large contributor, with 6,000 troops and police deployed in ten missions, and more than 1.8 "
     "lakh of its peacekeepers have served in 55 missions since 1988.", "more than 1.8 lakh"),
    # an armed group is the subject of both verbs of a coordination
    ("A force of 2 000 troops will deploy to the province, where rebels have killed 1 200 people and driven "
     "300 000 from their homes.", "300 000"),
    # a number naming what a capitalised designator is
    ("Unit 8200 soldiers monitored the calls.", "8200"),
    ("Task Force 145 soldiers raided the compound.", "145"),
    # ... or before a capitalised unit's name in the singular
    ("About 300 Royal Marines of 42 Commando are deploying to Norway.", "42"),
    # people of any kind, where nothing says they are a force's
    ("Some 40,000 Syrians fled across the border.", "Some 40,000"),
    ("About 3,000 Americans live in the city.", "About 3,000"),
    ("The government will send 300 people to help with the harvest.", "300"),
    ("There are 500 people in the camp.", "500"),
    # forces counted, not people; "one" standing for a noun; nations of a force
    ("Troops arrived in two international forces, a NATO force and a UN one.", "two"),
    ("Troops arrived in two international forces, a NATO force and a UN one.", "one"),
    ("The 12-nation peacekeeping force guards the capital.", "12"),
    # the dead; a mixed civilian-plus-uniformed total (conventions); engineers with no military word
    ("Local radio said 12 Kenyan soldiers are dead.", "12"),
    ("The mission will grow to some 2,600 personnel, including observers, troops and civilians.", "some 2,600"),
    ("The company hired 400 engineers for the bridge.", "400"),
    # an inline list whose plural noun counts something else
    ("Coalition troops destroyed tanks in Iraq (120) and Syria (45) last year.", "120"),
    ("The minister met 40 Danish and 30 Swedish officials.", "40"),
    ("France and Italy sent 300 and 250 tanks to the exercise.", "300"),
    # a personnel noun compounded into a vehicle; men of no force; a grouping of countries; a cost estimated
    ("The company ordered 500 troop carriers.", "500"),
    ("The airmen fly two fighter squadrons from the base.", "two"),
    ("Some 300 men of the village fled the fighting.", "Some 300"),
    ("A grouping of 12 countries met in Brussels.", "12"),
    ("A group of 40 men blocked the road.", "40"),
    ("A group of 40 gathered at the gate.", "40"),
    ("A reduction in costs from 4,800 to 2,900 is planned.", "4,800"),
    # a flattened table's next cell is not what a number counts
    ("Tanks: 40 | Troops: 1,100 | Aircraft: 12", "40"),
    ("| Jets | 12 | Soldiers | 300 |", "12"),
    ("The cost of the mission was estimated at about 70,000.", "about 70,000"),
    ("The convoy, 40 strong, left the base at dawn.", "40"),
    # ... not where something else counted is named in between
    ("About 900 troops are in Syria. Attacks on their bases rose, and the number climbed to 40 in May.", "40"),
    ("About 900 troops are in Syria. Twelve soldiers were wounded, and the number rose to 20 on Friday.", "20"),
    ("The economy, whose size has grown to 4,000, is small.", "4,000"),
    ("The city has 40,000 residents, including 900 police.", "900"),
    ("The judge ordered 40 to the courtroom.", "40"),
    ("Some 30 German customs officers checked the trucks.", "Some 30"),
    ("The village with 300 men was shelled.", "300"),
    ("Allies doubled the battlegroups to eight and lifted their combined strength to around 11,500.", "eight"),
    ("The army has a total of 40 in service.", "40"),
    ("The drill involved 20 ships, 150 aircraft and 9,000 troops.", "150"),
    ("The ruling party has 300,000 members.", "300,000"),
    ("The village had 300 men of fighting age.", "300"),
    ("How many soldiers died? 14, officials said.", "14"),
    ("In figures\n40: soldiers killed\n120: civilians wounded", "40"),
    ("We plan to send 200 people, of whom 40 are doctors.", "40"),
    ("Hundreds attended the funeral of the 11 soldiers in Kyiv.", "11"),
    ("The town mourned 23 soldiers on Sunday.", "23"),
    ("The French have 40 in service.", "40"),
    # a team sized by the people its "of" names; a person's years; a ratio; soldiers' families; soldiers before a court
    ("A 12-member team of inspectors arrived.", "12"),
    ("The soldier, 24, was from Ohio.", "24"),
    ("About 2,000 soldiers aged between 18 and 25 took part in the drill.", "between 18 and 25"),
    ("Only 1 in 10 soldiers passed the test.", "10"),
    ("One in five British soldiers is unfit.", "five"),
    ("About 700 family members of the troops live on the base.", "About 700"),
    ("The 12 soldiers accused of the massacre were acquitted.", "12"),
    ("Estimates of casualties among the soldiers range from 300 to 500.", "300"),
    ("The town, at 4,000, is small.", "4,000"),
    ("Soldiers guarded the prison. About 200 were kept in custody.", "About 200"),
    ("Rescuers said 50 were sent to hospital.", "50"),
    ("The alliance met in Vilnius. Its 32 members agreed to spend more.", "32"),
    ("The government approved 500 people for the census.", "500"),
    ("Russia's losses passed the 100,000 mark, Kyiv said.", "100,000"),
    ("The company has 300 staff in Riga.", "300"),
    ("The 27 EU members agreed on sanctions.", "27"),
    ("Some 40 U.S. members of Congress visited the base.", "Some 40"),
    ("Twelve Ghana members of the panel signed the report.", "Twelve"),
    ("A contingent of 200 US troops supports operations against militants, whose armed strength the military puts "
     "at fewer than 100.", "fewer than 100"),
    ("The battalion was awarded a UN medal. Its 700 members have returned home. China is one of the five permanent "
     "members of the Security Council.", "five"),
    ("About 30 Pentagon staff flew in on Monday.", "About 30"),
    ("Three soldiers and two civilians were killed in the blast.", "Three"),
    ("A dozen soldiers were treated for heatstroke.", "A dozen"),
    ("The city has 40,000 residents, including 900 Americans.", "900"),
    ("Some 2,000 troops are spread over 12 bases, 3 of which are in Syria.", "3"),
]

#: (text, figure as written, force): a nationality in the plural is its country's personnel
NATIONALS = [
    ("Some 4,000 Belarusians are stationed along the frontier.", "Some 4,000", "Belarus"),
    ("Troops on the ground now include 310 Ghanaians and 150 Kenyans.", "310", "Ghana"),
    ("Troops on the ground now include 310 Ghanaians and 150 Kenyans.", "150", "Kenya"),
    ("Some 600 Togolese are stationed in Mali.", "Some 600", "Togo"),
    # sized nationalities sharing one noun, a qualifier on the second breaking the parse's coordination
    ("About 400 Norwegian and some 250 Danish troops are in the unit.", "About 400", "Norway"),
    ("About 400 Norwegian and some 250 Danish troops are in the unit.", "some 250", "Denmark"),
    ("The battalion has about 500 Dutch, 300 Belgian and 200 Luxembourg soldiers.", "about 500", "Netherlands"),
    # a nationality as the subject holds its state's force where it has a bare number
    ("The Danes have about 600 in the Baltic states.", "about 600", "Denmark"),
    ("The Spaniards are thought to have 300 on the island.", "300", "Spain"),
]

#: (text, figure as written, force): a contributors' ranking gives a bare number to its subject
RANKED = [
    ("Some 9,000 UN troops serve in Lebanon. Indonesia leads with 1,200. Italy follows with 1,050.", "1,050",
     "Italy"),
    ("Some 10,000 UN troops are in Mali. Chad is second with 1,400.", "1,400", "Chad"),
    ("Some 8,000 UN troops serve in Lebanon. Ghana provides the largest share at 870.", "870", "Ghana"),
]


@pytest.mark.parametrize("text, figure, force", RANKED, ids=lambda v: str(v)[:40])
def test_a_ranking_gives_its_subject_the_number(troop_figures, text, figure, force):
    assert troop_figures(text)[figure].force == force

#: (text, figure as written, force): an inline list's items borrow the personnel noun before them; a label
#: names the force where it says who sends them, and is where the noun's force is where it says where
INLINE_ITEMS = [
    ("The biggest troop contributors are Ghana (870) and Nepal (860).", "870", "Ghana"),
    ("The biggest troop contributors are Ghana (870) and Nepal (860).", "860", "Nepal"),
    ("Contributions of troops to the force: Malawi= 840, Zambia= 620.", "840", "Malawi"),
    ("Contributions of troops to the force: Malawi= 840, Zambia= 620.", "620", "Zambia"),
    ("The battalion has soldiers from Chile (300), Peru (200) and Uruguay (150).", "300", "Chile"),
    ("US troops are stationed in Japan (54,000), Germany (35,000) and South Korea (28,500).", "54,000",
     "United States"),
    ("US troops are stationed in Japan (54,000), Germany (35,000) and South Korea (28,500).", "35,000",
     "United States"),
    ("The battalion has soldiers from Chile (300), South Korea (200) and Peru (150).", "200", "South Korea"),
    # after a header's colon, with or without a mark; a size header; a state's header over other states' names
    ("Troop numbers: US 2,500; UK 900; France 650.", "900", "United Kingdom"),
    ("Troops by nation: Italy: 1,200, Spain: 650.", "1,200", "Italy"),
    ("Troops by nation: Chile – 300; Peru – 250.", "250", "Peru"),
    ("Troop numbers (as of May): Fiji 450; Tonga 120.", "450", "Fiji"),
    ("Coalition strength: United States: 150,000, Australia: 2,000", "2,000", "Australia"),
    ("US troops abroad: Japan: 54,000; Germany: 35,000.", "54,000", "United States"),
    ("US troops abroad: Japan: 54,000; Germany: 35,000.", "35,000", "United States"),
]


@pytest.mark.parametrize("text, figure, force", INLINE_ITEMS, ids=lambda v: str(v)[:40])
def test_inline_list_items(troop_figures, text, figure, force):
    assert troop_figures(text)[figure].force == force


#: (text, figure as written, location): a label that says where places its own item, not the list's first
INLINE_PLACES = [
    ("US troops are stationed in Japan (54,000), Germany (35,000) and South Korea (28,500).", "54,000", "Japan"),
    ("US troops are stationed in Japan (54,000), Germany (35,000) and South Korea (28,500).", "35,000", "Germany"),
    ("US troops are stationed in Japan (54,000), Germany (35,000) and South Korea (28,500).", "28,500",
     "South Korea"),
    ("French soldiers serve in Chad (1,000), Niger (1,500) and Mali (2,400).", "1,500", "Niger"),
    ("Troops from Canada (1,000), South Korea (600) and Italy (450) serve in Latvia.", "600", "Latvia"),
]


@pytest.mark.parametrize("text, figure, location", INLINE_PLACES, ids=lambda v: str(v)[:40])
def test_inline_list_items_placed_by_their_labels(troop_figures, text, figure, location):
    assert troop_figures(text)[figure].location == location


#: (text, figure as written, force, location): a bare "Norway 200" the parser joins to the clause's place
#: mirrors the clause's subject: its own force, the clause's place
GAPPED_SUBJECTS = [
    ("The Netherlands has 270 troops in Lithuania, Norway 200 and Belgium 150.", "200", "Norway", "Lithuania"),
    ("The Netherlands has 270 troops in Lithuania, Norway 200 and Belgium 150.", "150", "Belgium", "Lithuania"),
    ("Canada keeps 2,000 soldiers in Latvia, Spain 600 and Italy 250.", "600", "Spain", "Latvia"),
]


@pytest.mark.parametrize("text, figure, force, location", GAPPED_SUBJECTS, ids=lambda v: str(v)[:40])
def test_a_gapped_subject_is_no_place(troop_figures, text, figure, force, location):
    found = troop_figures(text)[figure]
    assert (found.force, found.location) == (force, location)


@pytest.mark.parametrize("text, figure, unit", FIGURES, ids=lambda v: str(v)[:40])
def test_counted(troop_figures, text, figure, unit):
    figures = troop_figures(text)
    assert figure in figures, sorted(figures)
    assert (figures[figure].unit or "").endswith(unit or "")


@pytest.mark.parametrize("text, number", NOT_FIGURES, ids=lambda v: str(v)[:40])
def test_not_counted(troop_figures, text, number):
    assert number not in troop_figures(text)


@pytest.mark.parametrize("text, figure, force", NATIONALS, ids=lambda v: str(v)[:40])
def test_nationals_are_their_countrys(troop_figures, text, figure, force):
    assert troop_figures(text)[figure].force == force
