"""Where the personnel are, or go; for a withdrawal, where they leave. One row per rule."""

import pytest

#: (text, figure as written, location)
ROWS = [
    # the figure's own phrase
    ("The United States keeps about 900 troops in Syria.", "about 900", "Syria"),
    ("There are 320 Irish peacekeepers serving in Liberia, and 200 in Kosovo.", "200", "Kosovo"),
    ("Kenya has 3,000 troops in Somalia and 1,000 more in South Sudan.", "1,000", "South Sudan"),
    # what describes the figure's noun places it before the clause does ("soldiers due in Lithuania")
    ("Berlin is stepping up its presence on the eastern flank, with 4,000 soldiers due in Lithuania by 2027.",
     "4,000", "Lithuania"),
    # the clause: a deployment's destination
    ("Britain will deploy 250 troops to Mali next year.", "250", "Mali"),
    # "to" parsed as a dative ("send a frigate and 250 sailors to Libya") is still where they go
    ("Rome will send a frigate and 250 more sailors to Libya, officials said, after a drone fell in Tunisia.",
     "250", "Libya"),
    # a place right after a figure the parse leaves bare is where it goes ("and 200 to Papua New Guinea")
    ("The Pentagon will deploy 300 Marines to Australia's Northern Territory and 200 to Papua New Guinea.", "200",
     "Papua New Guinea"),
    # the clause: a withdrawal is located where the troops leave
    ("Washington will withdraw 2,000 troops from Syria by April.", "2,000", "Syria"),
    ("The Pentagon plans to relocate 1,000 troops from northeastern Syria to Iraq.", "1,000", "Syria"),
    ("Seoul said Washington plans to redeploy about 4,500 troops from South Korea to Guam.", "about 4,500",
     "South Korea"),
    ("Canada relocated 300 soldiers from Kuwait to Jordan last week.", "300", "Kuwait"),
    # "out of the country" refers back as "from the country" does, before the theatre of the operation they left
    ("The army moved into Kidal last month. France pulled its 2,400 Barkhane troops out of the country in 2022.",
     "2,400", "Mali"),
    # a town or province a state sends its own troops to is where they go; only the state itself is home
    ("Venezuela has moved some 5,600 troops toward the border with Guyana. Brazil sent 200 soldiers to Roraima "
     "state, which borders both countries.", "200", "Brazil"),
    # so is a level its own verb relocates from a place to another
    ("Washington said 2,000 Marines will redeploy to Guam from Okinawa.", "2,000", "Japan"),
    # a "-based" word places the figure's noun, unless its verb sends it on elsewhere
    ("The talks covered Syria. Some 1,500 Germany-based US soldiers will deploy for exercises next month.",
     "Some 1,500", "Germany"),
    ("The talks covered Syria. Some 1,500 Germany-based US soldiers will deploy to Poland next month.",
     "Some 1,500", "Poland"),
    # ... or the unit it is of, whatever the model tags the town
    ("The talks covered Syria. The Gao-based battalion of 650 Egyptian troops will stay.", "650", "Mali"),
    # troops on their way somewhere go there
    ("Troops head to the Middle East\n\nAbout 750 paratroopers were en route to Kuwait on Wednesday.",
     "About 750", "Kuwait"),
    ("Troops head to the Middle East\n\nAbout 750 paratroopers were on their way to Kuwait on Wednesday.",
     "About 750", "Kuwait"),
    # a departure with a destination is a deployment there
    ("Two hundred Kenyan police officers left Nairobi on Monday for Haiti.", "Two hundred", "Haiti"),
    # troops "at home" are in their own country, not the article's
    ("Kenya has 400 police officers in Haiti.\n\nBack home, Kenya has deployed 5,000 officers to the north.",
     "5,000", "Kenya"),
    ("South African troops in Mozambique\n\nThe army said 25,000 soldiers are still deployed at home after the "
     "riots.", "25,000", "South Africa"),
    # a state's whole army is in that state, not the article's theatre; an army's troops somewhere are not its size
    ("Troops for Niger\n\nChad will send 1,000 soldiers to Niger. Chad's army, estimated at 30,000 soldiers, is "
     "stretched thin.", "30,000", "Chad"),
    ("Russia's army has 150,000 troops on the border, officials said.", "150,000", None),
    # ... and is no theatre of the article's ("army numbers" as the parse reads it)
    ("Chad's army stretched\n\nChad's army numbers about 30,000 soldiers. Officials said 500 more Chadian troops had "
     "been sent to Niger.\n\nA further 300 Chadian soldiers will follow next week.", "about 30,000", "Chad"),
    ("Chad's army stretched\n\nChad's army numbers about 30,000 soldiers. Officials said 500 more Chadian troops had "
     "been sent to Niger.\n\nA further 300 Chadian soldiers will follow next week.", "300", "Niger"),
    ("Japan to send troops to Iraq\n\nJapan approved a plan to send up to 600 ground troops to southern Iraq. Japan's "
     "Self-Defense Forces, which number about 240,000, have never deployed to a combat zone.", "about 240,000",
     "Japan"),
    # ... as its size does ("the army's strength"), and its one-word name ("the Bundeswehr")
    ("Ireland will keep 340 soldiers in Lebanon. The Irish army's strength stands at 6,500 soldiers.", "6,500",
     "Ireland"),
    ("Germany will keep 4,800 soldiers in Lithuania.\n\nThe Bundeswehr, which has about 181,000 active personnel, "
     "needs recruits.", "about 181,000", "Germany"),
    # so do the reservists it calls up
    ("Drills in Belarus\n\nRussia has sent troops to Belarus for the drills. Israel called up 300,000 reservists on "
     "Saturday.", "300,000", "Israel"),
    # ... where the parse takes "number" for a noun, and not where a conference the speaker addressed was
    ("Ukraine's armed forces now number 250,000, Zelensky told the conference in Munich.", "250,000", "Ukraine"),
    # a clause's subject that hosts the troops, or places the force that has them, says where they are
    ("NATO's eastern flank\n\nGermany leads a battlegroup in Lithuania. Poland hosts the largest allied presence, "
     "with some 10,000 US troops on rotation.", "some 10,000", "Poland"),
    ("NATO's eastern flank\n\nIn Lithuania, Germany leads a battlegroup of about 1,600 soldiers. The UK-led "
     "battlegroup in Estonia has around 1,400.", "around 1,400", "Estonia"),
    ("Where Russia keeps its troops abroad\n\nRussia maintains bases in former Soviet states. The 201st base in "
     "Tajikistan hosts about 7,000 servicemen (the largest Russian force abroad). The 102nd base in Armenia has "
     "around 3,000 soldiers.", "about 7,000", "Tajikistan"),
    ("The Wagner Group in Africa\n\nWagner's presence in Mali peaked at about 1,500 fighters.", "about 1,500",
     "Mali"),
    # ... even where the model tags the host as a person: no person hosts troops
    ("Okinawa now hosts about 19,000 US Marines, officials say.", "about 19,000", "Japan"),
    # ... or not at all
    ("Agadez hosts some 800 American personnel who fly drones over the desert.", "some 800", "Niger"),
    # a town that has or holds troops is where they are, in their own country too; a state that has them owns them
    ("Gao now holds 1,200 peacekeepers after the Dutch handover.", "1,200", "Mali"),
    ("Kaliningrad has some 30,000 Russian troops, analysts estimate.", "some 30,000", "Russia"),
    ("Britain has some 900 troops on standby, the ministry said.", "some 900", None),
    # ... as is one that is otherwise their clause's subject: no town owns troops
    ("Bunia was reinforced with 500 Bangladeshi peacekeepers.", "500", "Democratic Republic of Congo"),
    # a place a passive says the troops guard is where they are, a town in their own country too
    ("Kismayo is guarded by 1,500 Kenyan troops.", "1,500", "Somalia"),
    ("Moscow has sent more jets to Syria. Kaliningrad is garrisoned by 9,000 Russian troops.", "9,000", "Russia"),
    # and so is a place "home to" them
    ("Goma is now home to 3,000 Congolese troops.", "3,000", "Democratic Republic of Congo"),
    # a "where" clause describes its place, whatever the model tags it
    ("Agadez, where the US has 800 troops, is a drone hub.", "800", "Niger"),
    # a town that names a facility places it, whatever the model tags the town
    ("Some 450 German soldiers remain at the Kidal camp.", "Some 450", "Mali"),
    ("The Mopti sector has 1,100 peacekeepers.", "1,100", "Mali"),
    ("Moscow has sent more jets to Syria. The Gyumri base holds about 3,000 Russian servicemen.", "about 3,000",
     "Armenia"),
    # what the verb goes on to say the troops do places them before a misparsed object
    ("Ministry of Defence news\n\nOver 1,000 British troops have begun arriving in Norway for Exercise Cold "
     "Response, the largest NATO exercise in the High North this year. They will be joined by 800 Royal Marines "
     "already in the country.", "Over 1,000", "Norway"),
    # a total broken down into parts in several places is in none of them
    ("Senate Armed Services Committee hearing\n\nGeneral Kurilla testified that the United States has about 40,000 "
     "troops across the CENTCOM area of responsibility, including roughly 2,500 in Iraq and 900 in Syria.",
     "about 40,000", None),
    # a name that says whose the troops are is no theatre, a dateline is nearer; a contributor's "from" neither
    ("WARSAW — About 4,000 U.S. soldiers arrived last week, the defence ministry said.", "About 4,000", "Poland"),
    # a relocation that describes the troops places them where they leave, if the text names it
    ("The first 120 Marines transferred to Guam from Okinawa arrived in January.", "120", "Japan"),
    ("The first 120 Marines transferred to Guam arrived in January.", "120", "United States"),
    # a hard-wrapped line that ends in a preposition goes on in the next: its place is the figure's
    ("The Minister told the House that France keeps about 1,600 troops in\nDjibouti, its largest base abroad.",
     "about 1,600", "Djibouti"),
    ("Our estimate is that we have around 800 personnel deployed in Estonia, and a further 140 in\nPoland.",
     "140", "Poland"),
    # a nationality that names the border's side beats a neighbour named elsewhere in the sentence
    ("Russia has massed roughly 90,000 soldiers along the Ukrainian border, and a further 20,000 in Belarus.",
     "roughly 90,000", "Ukraine border"),
    # an exercise's name that holds a place's is a name, not where the troops taking part are; a war's is
    ("Some 12,000 US troops will take part in Defender Europe 25 next month.", "Some 12,000", None),
    ("Nearly 3,000 US sailors are taking part in Pacific Vanguard off Guam.", "Nearly 3,000", "United States"),
    ("Some 3,500 personnel took part in Exercise Pacific Partnership over the summer.", "Some 3,500", None),
    ("Around 40,000 British troops took part in the Iraq War.", "Around 40,000", "Iraq"),
    # an organisation's seat is where its news is written, not where the troops it counts are
    ("BRUSSELS (Reuters) - NATO will raise the number of troops on high readiness to 300,000, its "
     "secretary-general said on Monday.", "300,000", None),
    ("ADDIS ABABA, May 2 (Reuters) - The African Union will cut its force by 2,000 soldiers by June.", "2,000",
     None),
    ("The UN force will grow. It will include 4,000 soldiers from Ethiopia.", "4,000", None),
    # places in a country, regions and a country's own soil
    ("About 19,000 Marines are stationed on Okinawa.", "About 19,000", "Japan"),
    ("NATO has 40,000 troops on its eastern flank.", "40,000", "Eastern Europe"),
    ("Japan pays to host the 54,000 American troops stationed on its soil.", "54,000", "Japan"),
    # places of several countries listed together are the smallest region that holds them all, if one does
    ("France keeps roughly 3,000 soldiers in Burkina Faso, Niger and Chad.", "roughly 3,000", "Sahel"),
    ("Some 4,000 allied soldiers are based in Estonia, Latvia and Lithuania.", "Some 4,000", "Baltic states"),
    # ... and where none does, three or more are no one place; of two, the first is where
    ("A further 4,000 US personnel will be based in Croatia, Hungary and Italy to support them.", "4,000", None),
    ("Some 2,000 US troops remain in Kuwait and southern Iraq.", "Some 2,000", "Kuwait"),
    # a region listed with countries stands for its own
    ("NATO will station 4,000 more troops in the Baltic states and Poland.", "4,000", "Eastern Europe"),
    # a border is a region named by its countries: troops on it are in neither
    ("Moscow has massed about 90,000 troops near the Ukrainian frontier, officials said.", "about 90,000",
     "Ukraine border"),
    ("Russia has deployed about 190,000 troops around Ukraine, US officials said.", "about 190,000",
     "Ukraine border"),
    ("Some 40,000 Belarusian soldiers were deployed to the border with Poland.", "Some 40,000", "Poland border"),
    ("About 250,000 soldiers face each other along the Armenian-Azerbaijani border.", "About 250,000",
     "Armenia-Azerbaijan border"),
    # a border the troops hold is where they are, its other side however the parse hangs it
    ("About 400 Polish soldiers guard the frontier with Belarus.", "About 400", "Belarus border"),
    # ... or on the verb its phrase hangs on
    ("Ethiopian troops in Sudan\n\nSome 300 Kenyan soldiers are deployed along the frontier with Somalia.",
     "Some 300", "Somalia border"),
    # borders "with" two countries are a third's, not theirs: the article's place stands
    ("US forces in Syria\n\nSome 300 soldiers are stationed near the borders with Jordan and Iraq.", "Some 300",
     "Syria"),
    # a place troops hold, garrison or patrol is where they are
    ("Talks in Amman\n\nAbout 200 US troops hold the al-Tanf base, officials said.", "About 200", "Syria"),
    # a force's own border is named by the other side, however the text writes it
    ("About 5,200 U.S. troops have been deployed to the US-Mexico border, officials said.", "About 5,200",
     "Mexico border"),
    ("China has massed 60,000 troops on the India-China border, Indian officials said.", "60,000", "India border"),
    ("Finland will keep 3,000 soldiers near its frontier with Russia.", "3,000", "Russia border"),
    # so is the land along it with its other side named, but not a border region inside one country
    ("Sudan deployed 6,000 soldiers to the border region with Ethiopia.", "6,000", "Ethiopia border"),
    ("Russia has 10,000 soldiers in the Belgorod border region.", "10,000", "Russia"),
    # a force's own ground it moves troops to, as the text owns it ("its Gomel region"), is where they go
    ("Belarus has moved 5,000 troops to its Gomel region near Ukraine.", "5,000", "Belarus"),
    # ... unless the sentence, else its line, names one neighbour: that is the other side
    ("Thailand has moved 4,000 soldiers along the frontier after shelling from Cambodian positions.", "4,000",
     "Cambodia border"),
    ("Kenya's defence ministry said 3,000 troops had been sent to its border following raids from Somalia.",
     "3,000", "Somalia border"),
    ("Poland sent 2,000 troops to its border. Germany and Ukraine were told in advance.", "2,000", "Poland"),
    # a force's own border with no other side named is in its own country
    ("Guatemala began the operation in March. Poland has stationed 5,000 soldiers along its eastern border since "
     "2021.", "5,000", "Poland"),
    # a place that a sector faces is not where the sector is
    ("The Army will move 8,000 soldiers to the northern sector facing Pakistan by the end of the year.", "8,000",
     None),
    # a level that a withdrawal verb governs is where the troops are
    ("India will not withdraw about 200,000 soldiers from the Line of Control, the minister said.",
     "about 200,000", "Kashmir"),
    # a place that owns the figure is where it is, however the parse hangs the possessive
    ("NATO figures show that Poland's battlegroup is the largest with 1,300 troops, ahead of Lithuania's 1,100 "
     "and Latvia's 1,050.", "1,100", "Lithuania"),
    ("Figures from the alliance show that of the battlegroups in Hungary, Romania, Slovakia and Bulgaria, "
     "Romania's is the biggest with a strength of 1,150 troops, ahead of Bulgaria's 950 and Hungary's 900.",
     "900", "Hungary"),
    # a nationality is whose, never where
    ("The ministry announced a German brigade of about 4,800 troops.", "about 4,800", None),
    # a force named in no place's role is not where it sends troops to a place no gazetteer knows
    ("Germany will send 500 soldiers to the mission, the ministry said.", "500", None),
    # nor where a name no gazetteer knows places or enlists its troops
    ("Britain has 250 troops on Operation Zephyr, the ministry said.", "250", None),
    ("Denmark has 120 soldiers in the MFO.", "120", None),
    # nor where troops it sends or pledges go, where no place is named
    ("Kenya will send 1,000 police officers, the president said.", "1,000", None),
    ("Uganda has pledged 4,500 soldiers.", "4,500", None),
    ("France will deploy 400 more soldiers to Zorbania, a small state.", "400", None),
    ("The United States has about 1,000 troops at the outpost.", "about 1,000", None),
    # a country's military district or command is in that country: its owner's, else the force's own district
    ("About 2,000 Belarusian soldiers trained in Russia's Western Military District.", "About 2,000", "Russia"),
    ("Russia moved 10,000 troops into the Southern Military District for drills.", "10,000", "Russia"),
    ("Beijing sent 5,000 soldiers to China's Western Theater Command.", "5,000", "China"),
    # but it places the drills, war or capital it names
    ("Moscow said 2,000 of its soldiers would take part in the Kyrgyz drills next week.", "2,000", "Kyrgyzstan"),
    ("About 300 Turkish troops remain in the Afghan capital.", "About 300", "Afghanistan"),
    # a place counts for a preposition only where it heads its object, not where it modifies something else
    ("Kenyan police head for Haiti\n\nRoughly 450 Kenyan police officers arrived on a chartered flight from "
     "Nairobi on Tuesday.", "Roughly 450", "Haiti"),
    ("Washington will add 5,000 troops to the 40,000 U.S. troops in the Gulf.", "5,000", "Persian Gulf"),
    ("Italy adds troops in Afghanistan\n\nSome 90,000 troops serve in two international forces, a NATO force "
     "and a US-led one.", "Some 90,000", "Afghanistan"),
    ("Moscow said 1,200 troops will take part in drills that begin at a firing range in Kazakhstan.", "1,200",
     "Kazakhstan"),
    # a place object is the place it heads, not one in a phrase about it
    ("Peacekeepers leave the Golan\n\nAbout 80 Austrian soldiers reached the Israeli side of the demilitarised "
     "zone between Israel and Syria.", "About 80", "Golan Heights"),
    # the governing verb's object says where the troops are
    ("The Pentagon's top commander in the Middle East said Washington will cut the number of troops in Syria "
     "from 900 to 400.", "400", "Syria"),
    # a place hung on a noun of the sentence is not the figure's ("the war in Gaza"); the nearest verb's is
    ("Israel keeps 20,000 soldiers in the Golan Heights. With the war in Gaza still ongoing, the ministry has "
     "mobilised 40,000 more soldiers.", "40,000", "Golan Heights"),
    # a phrase a verb governs places the troops even inside another ("operate from a base in Agadez")
    ("Some 80 US soldiers operate from a base in Agadez.", "Some 80", "Niger"),
    ("Paris keeps about 3,000 soldiers in an operation that spans four Sahel countries.", "about 3,000", "Sahel"),
    # a nationality's ground is its country's, the force's own included
    ("Ankara keeps about 2,000 soldiers on Syrian soil, a Turkish official said.", "about 2,000", "Syria"),
    ("The Pentagon keeps 900 troops on Iraqi territory under the agreement.", "900", "Iraq"),
    ("About 1,000 National Guard troops are on American soil for border duty.", "About 1,000", "United States"),
    # a de facto state's ground is its country's
    ("Around 3,000 Turkish soldiers are in the TRNC, Ankara says.", "Around 3,000", "Cyprus"),
    # a town the model tags as a nationality, an event or a date is still a place where a place belongs
    ("Talks in Paris\n\nAbout 1,000 Spanish troops are stationed in Gilgit.", "About 1,000", "Pakistan"),
    ("The Dutch government sent 1,400 troops to Uruzgan province in 2006.", "1,400", "Afghanistan"),
    ("Some 500 soldiers of the Chadian contingent are based in Kidal.", "Some 500", "Mali"),
    # a region the model tags as a product, and a place named through its parts ("parts of the Kherson region")
    ("North Korea sent about 11,000 soldiers to the Kursk region, Seoul's spy agency said.", "about 11,000",
     "Russia"),
    ("Russia has about 50,000 troops in occupied parts of the Zaporizhzhia region.", "about 50,000", "Ukraine"),
    # places that name the regions they modify ("the Donetsk and Luhansk regions")
    ("About 25,000 soldiers were moved into the Donetsk and Luhansk regions last week.", "About 25,000", "Ukraine"),
    # prepositions joined share their object ("in and around Kuwait")
    ("Britain sent 45,000 personnel to the Gulf. Iraq kept more than 500,000 soldiers in and around Kuwait.",
     "more than 500,000", "Kuwait"),
    # the force or unit the figure's noun belongs to places it ("members of the Defence Forces in Somalia")
    ("Germany sent 500 troops to Lithuania. About 1,000 members of the Kenya Defence Forces in Somalia will stay "
     "until June.", "About 1,000", "Somalia"),
    # a place phrase hung on the adverb that completes the verb ("pull back from")
    ("Russia said it would pull 10,000 troops back from the Belarusian border.", "10,000", "Belarus border"),
    # beside a country is on its border, not in it; beside a town is in its country
    ("Moscow keeps some 40,000 soldiers near Ukraine, Kyiv says.", "some 40,000", "Ukraine border"),
    ("Belarus has massed 20,000 troops close to Lithuania, officials in Vilnius said.", "20,000",
     "Lithuania border"),
    # a place the model ran into words that name nothing still stands ("the Sahel under Operation Barkhane")
    ("France has about 5,100 troops in the Sahel under Operation Barkhane.", "about 5,100", "Sahel"),
    ("Rwanda has sent 1,000 soldiers to Mozambique's Cabo Delgado province.", "1,000", "Mozambique"),
    # a nationality's part of a wider region is its country's
    ("Britain is sending 350 Royal Marines to the Norwegian Arctic.", "350", "Norway"),
    # where troops are sent beats where the phrase says they are; not where they go home to
    ("Some 300 British troops based in Cyprus will be sent to Jordan.", "Some 300", "Jordan"),
    ("About 800 Marines stationed in Okinawa will be deployed to the Philippines next month.", "About 800",
     "Philippines"),
    ("The 2,000 Italian soldiers who had been in Lebanon since 2006 are coming home to Italy.", "2,000", "Lebanon"),
    # a mission's theatre when the text names no place
    ("UNIFIL has 10,000 peacekeepers drawn from 46 countries.", "10,000", "Lebanon"),
    ("Britain has 250 troops on Operation Tosca, the ministry said.", "250", "Cyprus"),
    ("Canada sent 650 troops under Operation Mobile.", "650", "Libya"),
    # a "where" clause is placed in the place it describes, not in the article's
    ("Britain will expand its training mission in Iraq. The minister also visited Kosovo, where about 600 British "
     "soldiers serve with the peacekeeping force.", "about 600", "Kosovo"),
    # the theatre of a mission the figure's noun or verb names in a phrase, not the force's own country
    ("France maintains a total of 4,500 troops in the framework of Operation Barkhane, the ministry said.",
     "4,500", "Sahel"),
    ("Germany has 1,100 soldiers under Resolute Support.", "1,100", "Afghanistan"),
    # the theatre of a mission the figure's sentence names, where the article's place is named in no place's role
    ("UNMISS troop contributors include India (2,400), Rwanda (2,700) and Nepal (1,700).", "2,700", "South Sudan"),
    # ... the mission named nearest the figure, where the sentence names two
    ("Indonesia leads UNIFIL's contributors, while UNMISS troop contributors include India (2,400) and Rwanda "
     "(2,700).", "2,700", "South Sudan"),
    # a list's contributors are whose the figures are, not the article's place: the mission's theatre is, if any
    ("UNIFIL troop contributors as of March:\nItaly – 1,050\nSpain – 650\nIndia – 900", "650", "Lebanon"),
    ("Contributing nations (troops):\nItaly – 1,050\nSpain – 650\nIndia – 900", "650", None),
    # a figure serving "overseas" is in no mission's theatre, whatever mission its breakdown names
    ("Asked about deployments, the minister said 2,400 personnel were serving overseas, including 650 on Operation "
     "Shader and 300 in Estonia.", "2,400", None),
    # a mission the model tags as a place is still the mission
    ("About 1,100 German soldiers serve in MINUSMA.", "About 1,100", "Mali"),
    ("About 250 Czech soldiers serve with the NATO battlegroup.", "About 250", "Eastern Europe"),
    # ... the one the figure's verb serves with, not another its sentence names nearer
    ("Ireland pulled out of UNDOF in 2013, and 400 Irish soldiers now serve with UNIFIL.", "400", "Lebanon"),
    # but a place in that theatre that the sentence names is nearer
    ("Norway will bring 80 soldiers home from Lithuania in May, leaving about 100 with the NATO battlegroup, "
     "officials said.", "about 100", "Lithuania"),
    # ... but several such places are the theatre itself
    ("Norway keeps about 100 soldiers with the NATO battlegroups in Estonia and Latvia.", "about 100",
     "Eastern Europe"),
]

#: (text, figure, location): the paragraph or the article decides
DISCOURSE = [
    # a release's footer is the issuer's boilerplate: the city its press office sits in is no figure's place
    ("Media release\nDeployment update\n\nAbout 80 personnel will deploy next month to support the humanitarian "
     "effort, the Department said on Tuesday.\n\nMedia contact: Defence Media, Canberra ACT 2600, Australia",
     "About 80", None),
    # a figure that names no place takes the place of the paragraph's last figure of the same force, not another's
    ("Britain has 900 soldiers in Estonia. Germany keeps 1,200 troops in Lithuania. Britain's contingent will grow "
     "to 1,100 next year.", "1,100", "Estonia"),
    ("Spain has 600 troops in Lebanon. Italy keeps 1,100 soldiers in Kosovo. The Spanish contingent will shrink "
     "to 500.", "500", "Lebanon"),
    # where the speaker says it is no place of the troops': the paragraph's place stands
    ("Britain keeps 900 soldiers in Estonia. About 300 more will arrive in the spring, the minister told reporters "
     "in Warsaw.", "About 300", "Estonia"),
    ("Britain keeps 900 soldiers in Estonia. Some 300 more soldiers are coming, a minister said in Warsaw on "
     "Monday.", "Some 300", "Estonia"),
    ("Britain keeps 900 soldiers in Estonia. Speaking in Brussels on Thursday, the defence secretary said 300 more "
     "soldiers would arrive in the spring.", "300", "Estonia"),
    ("Britain keeps 900 soldiers in Estonia. In Warsaw, the minister said 300 more soldiers would arrive in the "
     "spring.", "300", "Estonia"),
    # ... but a country set before who reports is what the report is about
    ("Britain keeps 900 soldiers in Estonia.\n\nIn Syria, analysts estimate 5,000 Turkish troops operate in the "
     "north.", "5,000", "Syria"),
    # "there" points back to the place its sentence names before it, whoever's, not the force's own state
    ("France will keep 400 troops in Gabon. Senegal has asked the 350 French soldiers there to leave.", "350",
     "Senegal"),
    # a host a relative clause describes: "which" stands for it
    ("France will keep 400 troops in Gabon. Chad, which hosted 1,000, ended its defence pact.", "1,000", "Chad"),
    # whom a place sides with is no place: "pro-Moscow" names none
    ("Russia expands bases in pro-Moscow Tajikistan\n\nThe garrison, with some 900 servicemen, will grow next year.",
     "some 900", "Tajikistan"),
    # "it" in what a state says of itself is that state: a host
    ("Washington keeps 2,500 troops in Iraq. Poland says it will host 1,000 more US troops next year.", "1,000",
     "Poland"),
    # a part of "the country" where only the force's own state was named is its own
    ("Burkina Faso has lost control of much of its territory. Some 2,000 soldiers were sent to the north of the "
     "country last week.", "Some 2,000", "Burkina Faso"),
    # nor is its own country where a withdrawal leaves a place no gazetteer knows
    ("Burundi withdrew 1,000 soldiers from the mission in 2023.", "1,000", None),
    # nor is a state that gives troops, for another's figure: they go elsewhere
    ("Kenya will send 1,000 police officers. Jamaica has pledged 200 soldiers and the Bahamas 150.", "200", None),
    # nor is where someone speaks or meets a theatre, for the figure or the article
    ("At a press conference in Brussels, the minister said 300 more soldiers would be sent.", "300", None),
    ("In an interview in London, the general said 1,000 more troops were needed.", "1,000", None),
    # "the region" refers back to the region named last as a place, "the country" to the country
    ("Britain keeps troops in the Sahel region. Its engineers arrived in Mali on Monday, and 100 more personnel "
     "will serve in the same region.", "100", "Sahel"),
    ("Germany sent a brigade to Lithuania last year. Some 1,000 German soldiers are already deployed in the "
     "country.", "Some 1,000", "Lithuania"),
    # so do "the kingdom", "the Caribbean nation", "the island", and "the country" in "the south of the country"
    ("Drills near Japan\n\nThe minister visited Taiwan. About 500 US military personnel are stationed on the "
     "island.", "About 500", "Taiwan"),
    # "the peninsula", "the island" are the state named last before a region named as a place
    ("Naval drills in the Arabian Sea\n\nThe dispute is over what Seoul pays for the 28,500 US troops based on the "
     "peninsula.", "28,500", "South Korea"),
    # where no place was named as one, the state named last, not the force's own
    ("US ties with Riyadh\n\nWashington has sent some 3,000 more troops to the kingdom since May.", "some 3,000",
     "Saudi Arabia"),
    ("Kenya's president met Haiti's prime minister. Kenya will send 1,000 police officers to the Caribbean nation.",
     "1,000", "Haiti"),
    ("Talks in Paris\n\nThe envoy visited Mali. Some 900 Chadian troops are deployed in the north of the country.",
     "Some 900", "Mali"),
    # nor one that only speaks of it
    ("Taiwan hosts US trainers\n\nChina says about 500 US military personnel are on the island.", "about 500",
     "Taiwan"),
    # so does a capital that speaks for its state, where no other country was named as a place
    ("Mali's new partners\n\nBamako has turned to Moscow for help. About 1,000 Russian instructors are now in the "
     "country, according to the French.", "About 1,000", "Mali"),
    # but not where the country is likely the force's own
    ("Nigeria's president met Chad's leader on Monday. Nigeria has 10,000 troops deployed across the country.",
     "10,000", "Nigeria"),
    # "the region" is a region named before in whatever role, where none was named in a place's role
    ("Analysis: The Sahel after France\n\nFrance once had 5,100 soldiers in the region. Russia's Africa Corps now "
     "fields about 2,000 men across Mali, Burkina Faso and Niger.", "5,100", "Sahel"),
    # "the country" is the one named most as a place before it, not one just mentioned in passing
    ("Some 2,500 American troops are deployed in Iraq. The coalition opened a new base in Iraq in May, and some 900 "
     "US troops are in neighbouring Syria. Italy has about 650 soldiers in the country.", "about 650", "Iraq"),
    # the article's place is where its lede puts troops, however deep in the phrase ("the invasion of Iraq")
    ("Operation Telic\n\nBritish troops took part in the 2003 invasion of Iraq after deploying to the Gulf. A total "
     "of 45,000 personnel were committed to the operation.", "45,000", "Iraq"),
    # a mission the headline names is the article's theatre, not the place one later figure is in
    ("Ministers agree to expand NATO Mission Iraq\n\nThe ministers met on Thursday. Denmark, which commands the "
     "mission, will contribute up to 285 personnel. Ministers also discussed Afghanistan, where some 9,600 troops "
     "serve in the Resolute Support Mission.", "up to 285", "Iraq"),
    # a mission named only far below the lede, as in a fact sheet's footnote, is not the article's theatre
    ("Peacekeeping in numbers\n\nAbout 90,000 uniformed personnel served in peace operations at the end of the "
     "year, the fact sheet says. " + "Budgets, fatalities and civilian staff are counted apart. " * 12
     + "\n\nFigures for UNAMA, a political mission, are published separately.", "About 90,000", None),
    # a flattened table's row that lost its label cell is placed nowhere, not in the article's theatre
    ("NATO keeps multinational battlegroups in Estonia, Latvia, Lithuania and Poland.\nCountry | Leading nation | "
     "Troops (approx.) |\n---|---|---|\n1,200 | |||\n1,500 | |||\n900 |", "1,500", None),
    # a dateline's place counts only where no other place is named; a byline's is no headline place
    ("BRUSSELS - Germany said the threat was growing and its army would add 20,000 soldiers by 2030.", "20,000",
     "Germany"),
    ("By John Smith in Berlin\nThe Bundeswehr will send 800 more soldiers, the ministry said. The soldiers will "
     "join the brigade in Lithuania.", "800", "Lithuania"),
    # a place that labels its paragraph ("Syria: ...") places the paragraph's figures, and is "the region" there;
    # a country the model tags as a nationality labels it too
    ("Where the troops are\n\nIraq: About 2,500 soldiers advise local forces.\n\nSyria: Roughly 900 soldiers "
     "remain, mostly with Kurdish partners.", "Roughly 900", "Syria"),
    ("Russia's garrisons\n\nArmenia: Russia keeps about 3,000 troops at its base in Gyumri.\n\nMoldova: About "
     "1,500 troops remain in the breakaway region.", "About 1,500", "Moldova"),
    ("Russia's garrisons\n\nArmenia: Russia keeps about 3,000 troops at its base in Gyumri.\n\nTajikistan: Some "
     "7,000 soldiers serve at the 201st base, Russia's largest abroad.", "Some 7,000", "Tajikistan"),
    # a label that names a line's own force lists who contributes, not where: an infobox's strength by country
    ("Stabilisation Force Solomon\nPart of the 2003 regional intervention\nLocation Solomon Islands\nStrength\n"
     "2,200 (peak)\nFiji: 350\nTonga: 120\nPapua New Guinea: 80\n\nThe force landed in Honiara in July 2003.", "120",
     "Solomon Islands"),
    # "the region" in a labelled paragraph is its label
    ("Where US forces are\n\nThe US has about 900 troops in Syria.\n\nKuwait: Around 13,500 troops are based "
     "here, the largest presence in the region.", "Around 13,500", "Kuwait"),
    # troops "deployed overseas" are in no one place, whatever their neighbours' place
    ("The Irish army has 130 personnel on the Golan Heights. In all, about 500 Irish troops are deployed "
     "overseas.", "about 500", None),
    # so are troops "around the world" and troops counted out to several places ("to 12 missions")
    ("The Defence Forces have 130 personnel on the Golan Heights. In all, Ireland contributes 560 personnel to 12 "
     "missions.", "560", None),
    ("India withdraws troops from the Maldives\n\nIndia has about 5,800 troops and police deployed in eight "
     "missions, the ministry said.", "about 5,800", None),
    ("Danish frigate sails for the Baltic\n\nThe navy has about 1,200 sailors deployed around the world, officials "
     "said.", "about 1,200", None),
    ("Nepal hosts UN chief\n\nNepal has some 5,000 peacekeepers serving in several countries, the army said.",
     "some 5,000", None),
    ("Nepal hosts UN chief\n\nNepal has some 5,000 peacekeepers with UN missions, the army said.", "some 5,000",
     None),
    # countries listed that no region holds: the first named (real reporting's annotators), not the headline's
    ("US troops stay in Jordan\n\nThe United States keeps about 2,500 troops in Iraq and Syria, officials said.",
     "about 2,500", "Iraq"),
    ("Germany has 1,000 soldiers stationed in Lithuania and Italy, the ministry said.", "1,000", "Lithuania"),
    # the mission the figure's noun serves with, not the paragraph's last place
    ("The Defence Forces have 130 personnel on the Golan Heights. Ireland also has about 340 soldiers serving "
     "with UNIFIL.", "about 340", "Lebanon"),
    # the force's own country is where its troops go home, never where they serve
    ("The United States keeps 28,000 troops in South Korea. This year about 5,000 U.S. troops will be returned "
     "to the United States.", "about 5,000", "South Korea"),
    ("Some 2,000 soldiers will return to Britain from Germany in January. The UK currently has about 20,000 "
     "troops in the country.", "about 20,000", "Germany"),
    # nor where troops coming or sent home were
    ("Spain ends its mission\n\nThe last 300 Spanish soldiers returned home on Sunday.", "300", None),
    ("The Netherlands brought 1,400 troops home from Uruzgan.", "1,400", None),
    # a headline that names troops by their own country or their force's leader says whose, not where
    ("Ghana troops head out\n\nThe army said 800 soldiers would leave on Monday.", "800", None),
    ("Nigeria-led force to deploy\n\nThe regional bloc approved the deployment of 5,000 troops.", "5,000", None),
    # but another country's force named so is where troops go
    ("Estonia force to get British reinforcements\n\nBritain will send 900 more soldiers next spring.", "900",
     "Estonia"),
    # ... before the state the headline says acts
    ("Britain doubles Estonia force\n\nThe UK will send a second battlegroup of 1,000 soldiers, the prime minister "
     "said.", "1,000", "Estonia"),
    # the article's theatre is where troops are or go, not where a flight comes from
    ("Rotation flight from Entebbe\n\nUganda is rotating its contingent in South Sudan. About 200 soldiers are on "
     "leave, the army said.", "About 200", "South Sudan"),
    ("Irish peacekeepers arrive in Lebanon\n\nDUBLIN - A contingent of 340 Irish soldiers flew out on Monday "
     "after six months of training, the Defence Forces said in a statement.", "340", "Lebanon"),
]


#: (text, figure, location, place): every city, base, province or region named is placed in its country
PLACES = [
    ("About 2,500 US Marines are stationed near Darwin this year.", "About 2,500", "Australia", "Darwin"),
    ("Some 2,000 American troops are stationed at a base near Erbil.", "Some 2,000", "Iraq", "Erbil"),
    ("The 150 Australian police officers flew to Honiara on Friday.", "150", "Solomon Islands", "Honiara"),
    ("Three frigates with 600 sailors will patrol the Gulf of Aden.", "600", "Gulf of Aden", "Gulf of Aden"),
    ("The African Union kept 7,000 peacekeepers in Darfur.", "7,000", "Sudan", "Darfur"),
    ("Moscow sent 1,960 peacekeepers to Nagorno-Karabakh.", "1,960", "Azerbaijan", "Nagorno-Karabakh"),
    ("Berlin keeps 1,100 soldiers in Mazar-i-Sharif.", "1,100", "Afghanistan", "Mazar-e Sharif"),
    ("The Pentagon sent 1,000 troops to Camp Lemonnier.", "1,000", "Djibouti", "Camp Lemonnier"),
    # a country has one name, whatever the text or the packages call it ("Timor-Leste", Dili's "TL")
    ("Some 300 New Zealand soldiers flew to Dili.", "Some 300", "East Timor", "Dili"),
    ("Some 300 New Zealand soldiers serve in Timor-Leste.", "Some 300", "East Timor", "East Timor"),
    ("Some 300 Czech soldiers serve in Czechia.", "Some 300", "Czech Republic", "Czechia"),
    # and its other names, current or past, are its own ("Congo-Brazzaville", "Ceylon")
    ("About 200 French soldiers were sent to Congo-Brazzaville.", "About 200", "Congo", "Congo-Brazzaville"),
    ("About 200 British soldiers were sent to Ceylon.", "About 200", "Sri Lanka", "Ceylon"),
    ("About 1,000 Soviet troops remained in Kampuchea.", "About 1,000", "Cambodia", "Kampuchea"),
    ("Some 800 South African soldiers patrolled South West Africa.", "Some 800", "Namibia", "South West Africa"),
    # seas and straits are regions; a strait inside one country's waters is that country
    ("About 2,000 sailors from NATO allies were in the Norwegian Sea for the drills.", "About 2,000", "Norwegian Sea",
     "Norwegian Sea"),
    ("Two Russian landing ships with 600 marines sailed through the Bosphorus.", "600", "Turkey", "Bosphorus"),
    # a base the packages place in another country by a like name ("Changi" is not China's Changyi)
    ("About 300 Royal Navy sailors are at Changi.", "About 300", "Singapore", "Changi"),
    # a place named by its kind after it: a department, an oblast
    ("Togo sent 600 soldiers to the Alibori department.", "600", "Benin", "Alibori"),
    ("Russia moved 5,000 troops to the Belgorod oblast.", "5,000", "Russia", "Belgorod"),
    # places the packages lack or take for a namesake far away (a "Kola'a" of the Solomon Islands), from the table
    ("Russia has some 3,000 troops on the Kola Peninsula.", "some 3,000", "Russia", "Kola Peninsula"),
    ("Some 500 Turkish soldiers are based in Nakhchivan.", "Some 500", "Azerbaijan", "Nakhchivan"),
    # a town the text puts in a state or region other than the one of the packages' town of that name is its own
    ("Britain keeps about 1,200 personnel at Mount Pleasant in the Falklands.", "about 1,200", "Falkland Islands",
     "Mount Pleasant"),
    ("Rwanda has 2,500 troops near Palma, Mozambique, to guard the gas site.", "2,500", "Mozambique", "Palma"),
    # a town that names the airport or port troops go to is where they go
    ("Around 1,000 more soldiers have been flown into Kabul airport.", "Around 1,000", "Afghanistan", "Kabul"),
    ("Britain will deploy 250 troops to Mali next year.", "250", "Mali", "Mali"),
    # a base after the unit the troops come from is the unit's, not where the troops go; after a country, theirs
    ("Relief for Haiti\n\nAnother 900 Marines from the 24th Expeditionary Unit at Camp Lejeune, N.C., may "
     "arrive on Monday.", "900", "Haiti", "Haiti"),
    ("There are 300 soldiers from Denmark in Estonia.", "300", "Estonia", "Estonia"),
    # a withdrawal is placed where the troops leave
    ("The Marine Corps will withdraw 4,000 Marines from Okinawa.", "4,000", "Japan", "Okinawa"),
    # of one country's names in a phrase, the most specific
    ("The Pentagon will deploy 300 Marines to Australia's Northern Territory.", "300", "Australia",
     "Northern Territory"),
    # a dateline is not the figure's place when the figure's own words name one
    ("RIGA, March 14 - More than 1,500 Canadian troops serve in Adazi, the army said.", "More than 1,500",
     "Latvia", "Adazi"),
    # a surname is no town: "Austin" here is Lloyd Austin, not Texas
    ("Lloyd Austin spoke on Monday. According to Austin, 300 more troops will deploy.", "300", None, None),
]


@pytest.mark.parametrize("text, figure, location, place", PLACES, ids=lambda v: str(v)[:40])
def test_place(troop_figures, text, figure, location, place):
    figures = troop_figures(text)
    assert figure in figures, sorted(figures)
    assert (figures[figure].location, figures[figure].place) == (location, place)


def test_a_place_has_its_coordinates(troop_figures):
    darwin = troop_figures("About 2,500 US Marines are stationed near Darwin this year.")["About 2,500"]
    assert (round(darwin.lat), round(darwin.lon)) == (-12, 131)
    mali = troop_figures("Britain will deploy 250 troops to Mali next year.")["250"]
    assert (mali.place, mali.lat, mali.lon) == ("Mali", None, None)  # no centre for a country


@pytest.mark.parametrize("text, figure, location", ROWS + DISCOURSE, ids=lambda v: str(v)[:40])
def test_location(troop_figures, text, figure, location):
    figures = troop_figures(text)
    assert figure in figures, sorted(figures)
    assert figures[figure].location == location
