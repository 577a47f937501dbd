"""Whose troops: the force, how it was found, and the mission, sentence by sentence.

Each row is a short text written for this test; the comment names the rule it guards.
"""

import pytest

#: (text, figure as written, force, force_source, mission)
ROWS = [
    # phrase: a nationality or country in the figure's own phrase
    ("Germany will send 300 Dutch troops to Lithuania.", "300", "Netherlands", "phrase", None),
    # phrase: a national contingent of a mission is its country's; the mission is kept
    ("About 400 Ghanaian peacekeepers serve with UNMISS in Juba.", "About 400", "Ghana", "phrase", None),
    # clause: a mission counts for its parent organisation
    ("The UNIFIL strength stands at 10,000 troops.", "10,000", "United Nations", "clause", "UNIFIL"),
    # clause: the subject of the clause
    ("Canada has about 2,000 soldiers in Latvia.", "about 2,000", "Canada", "clause", None),
    # clause: a service counts for its state
    ("The Bundeswehr keeps 1,500 soldiers in Lithuania.", "1,500", "Germany", "clause", None),
    # clause: a state its clause names, over the state a service's own name stands for
    ("The UK sent 300 Marines to Norway for the winter exercise.", "300", "United Kingdom", "clause", None),
    ("Brunei keeps 900 Gurkhas.", "900", "Brunei", "clause", None),  # the model tags "Gurkhas" a noun here
    # phrase: a service's acronym that is also another state's code is the service's ("CAF": Canada's)
    ("Ottawa said 800 CAF members would deploy to Poland.", "800", "Canada", "phrase", None),
    ("Some 500 MNDF personnel were sent to Addu.", "Some 500", "Maldives", "phrase", None),
    # ...but a host names no owner, nor one that receives or lets them in: the service's state stays
    ("Australia will host 2,500 Marines in Darwin this year.", "2,500", "United States", "phrase", None),
    ("Kuwait received 2,000 Marines on Sunday.", "2,000", "United States", "phrase", None),
    ("Spain agreed to let 1,000 Marines use the Moron base.", "1,000", "United States", "phrase", None),
    # clause: a place is never the force
    ("There are 1,100 soldiers stationed in Lebanon, the ministry said.", "1,100", None, None, None),
    # clause: a host or payer is never the force
    ("Seoul pays for hosting 28,500 American troops.", "28,500", "United States", "phrase", None),
    ("Qatar will pay to host 10,000 troops at Al Udeid.", "10,000", None, None, None),
    # clause: "leaves X with N": X's troops
    ("The drawdown leaves KFOR with about 4,000 troops.", "about 4,000", "NATO", "clause", "KFOR"),
    # a place left is never the force, in a verb's phrase or a noun's
    ("The withdrawal of 2,000 troops from Iraq began in March.", "2,000", None, None, None),
    ("Under the plan, 9,500 troops will be moved out of Germany.", "9,500", None, None, None),
    ("Washington announced a 2,000 troop withdrawal from Iraq on Monday.", "2,000", "United States", "clause", None),
    # clause: an object directed to act does it, however the parser hangs the infinitive
    ("Tokyo plans to press the United States to transfer 5,000 marines out of Okinawa.", "5,000",
     "United States", "clause", None),
    # shared: two forces named together own no figure alone; the mission they serve does
    ("Moscow said 1,500 Russian and Kazakh troops would join the drills.", "1,500", None, None, None),
    ("The US and France each have over 1,000 troops in the country.", "over 1,000", None, None, None),
    ("Kenya and Uganda said they will send 2,000 troops.", "2,000", None, None, None),
    # ...also where a headline hangs the first name on the verb beside the second, whatever the tagger calls it
    ("Ghana, Togo begin pulling back 300 troops from the border", "300", None, None, None),
    ("Chad, Niger send 1,500 more troops to Mali", "1,500", None, None, None),
    # a total its own breakdown gives to two forces
    ("Up to 9,000 servicemen (about 6,000 from Russia, some 3,000 from Kazakhstan), up to 40 aircraft and up to "
     "300 tanks take part in the exercise.", "Up to 9,000", None, None, None),
    # ...whose first part is the country its "from" names, though the parse hangs that on the total's noun
    ("Up to 12,900 servicemen (about 7,400 from Belarus, some 5,500 from Russia), up to 70 aircraft and helicopters "
     "take part in the drills.", "about 7,400", "Belarus", "clause", None),
    ("Uganda has also agreed to send 2,000 soldiers, Kenya and Rwanda 500, Burundi 300 and Ghana 40, the spokesman "
     "added.", "500", None, None, None),
    ("Kenya and Uganda said they will send 2,000 troops to the African Union mission.", "2,000",
     "African Union", "clause", None),
    # phrase: the leader or backer of a force is not its owner
    ("A French-led force of 3,000 soldiers will patrol the border.", "3,000", None, None, None),
    # phrase: international troops are no single country's
    ("Some 9,000 international troops serve in Kosovo under Italian command.", "Some 9,000", None, None, None),
    # an elided figure with a subject of its own is that subject's, however the parse hangs it
    ("The United States has 330,000 troops in Europe and the Soviet Union has 570,000.", "570,000",
     "Soviet Union", "clause", None),
    ("The US has 2,500 troops in Iraq and about 900 in Syria.", "about 900", "United States", "phrase", None),
    ("The cuts would be deep; the U.S. has 300,000 troops in Europe and the Soviet Union has 560,000.", "560,000",
     "Soviet Union", "clause", None),
    # ...the second of two clauses a semicolon joins too, which the parse makes the sentence's root
    ("Kenya has 3,600 troops in Somalia; Ethiopia has 3,000.", "3,000", "Ethiopia", "clause", None),
    # ...but not a host's, by its verb or as the clause before it has the troops it counts
    ("Germany hosts 35,000 US troops; Japan hosts 54,000.", "54,000", "United States", "phrase", None),
    ("Germany has 35,000 US troops and Japan has 54,000.", "54,000", "United States", "phrase", None),
    # an abbreviation with its stops, run into the service's name, still names the state
    ("About 3,000 U.S. Marines arrived in Norway on Monday.", "About 3,000", "United States", "phrase", None),
    # a nationality's people ("Poles", "Danes") name it as its adjective does; so does its federal police
    ("The Poles have 800 soldiers in Latvia.", "800", "Poland", "clause", None),
    ("Canberra will send 50 Australian Federal Police officers to Honiara.", "50", "Australia", "phrase", None),
    # respectively: counts held by "with" after coordinated contributors, each its own
    ("India and Rwanda are the largest contributors, with 2,400 and 2,600 soldiers respectively.", "2,600",
     "Rwanda", "clause", None),
    # coordinated forces a relative clause is about own no figure alone
    ("Denmark and Estonia, which have 750 troops in Helmand, will stay.", "750", None, None, None),
    # a pooled total of a plural subject ("together", "combined") is no one force's, not even the alliance's
    ("Taken together, the European members of NATO have about 1.9 million active personnel.", "about 1.9 million",
     None, None, None),
    # "it" that an institution says is the institution, though a nationality names it
    ("The British government says it has sent 300 more personnel to Cyprus.", "300", "United Kingdom", "clause",
     None),
    # ...and "they" that a speaker says are the speaker, not the troops named before
    ("Russia moved 5,000 troops to the border. Belarusian officials said they had sent 3,000 soldiers to the "
     "drills.", "3,000", "Belarus", "clause", None),
    # "the junta's army": the junta named before with its state
    ("Niger's ruling junta expelled the French. The junta's army numbers some 25,000.", "some 25,000", "Niger",
     "clause", None),
    # ...but "the mission's" is the mission named last, not a headline's "Cyprus mission"
    ("Cyprus mission extended\n\nUNFICYP has 800 troops.\n\nArgentina provides about 250 of the mission's "
     "soldiers.", "about 250", "Argentina", "clause", None),
    # one force's units pooled are still that force's
    ("NATO's eight battlegroups together count about 10,000 troops.", "about 10,000", "NATO", "clause", None),
    # "Russian troop numbers": the size noun's phrase names whose troops its compound counts
    ("Lithuania says Russian troop numbers in Kaliningrad have risen to about 18,000.", "about 18,000", "Russia",
     "phrase", None),
    # "the ministry" that reports "our" army is the ministry named before with its state
    ("Niger's defence ministry said foreign troops would leave. \"Our own army of 30,000 is ready,\" the ministry "
     "said.", "30,000", "Niger", "clause", None),
    # "his country" is the state of the person who reports the clause
    ("ECOWAS readies force\n\nAfter the summit, Julius Maada Bio, the president of Sierra Leone, said the bloc would "
     "act soon and said his country would provide a battalion of 700 soldiers.", "700", "Sierra Leone", "clause",
     None),
    # the subject the parser hangs on the auxiliary, past an adverbial, is still the clause's
    ("Added to this, Zambia has also in the last week sent 300 troops to help the effort.", "300", "Zambia",
     "clause", None),
    # a predicate noun's participle is its subject's: the contributor, not the mission it contributes to
    ("Ghana is UNIFIL's third-largest contributor supplying 870 soldiers, followed by Ireland.", "870", "Ghana",
     "clause", "UNIFIL"),
    # coordinated counts with as many coordinated forces: each its own, in order (conventions)
    ("Ghana and Senegal, supplying 820 and 640 soldiers respectively, form the backbone of the force.", "640",
     "Senegal", "clause", None),
    ("Britain and France will send 500 and 700 soldiers to Estonia.", "700", "France", "clause", None),
    # ...also in a relative clause about the forces, its numbers coordinated or side by side on their noun
    ("Ghana and Senegal, which supply 820 and 640 soldiers respectively, form the backbone of the force.", "640",
     "Senegal", "clause", None),
    ("Chile and Peru, which contributed 2,100 and 1,300 troops respectively, have offered to stay.", "1,300", "Peru",
     "clause", None),
    # ...but counts of different things, with no "respectively", are both forces' together
    ("Uganda and Kenya have 6,000 troops and 4,000 police in Somalia.", "6,000", None, None, None),
    # a part of a total whose clause says where its personnel come from is that country's
    ("Of the 12,000 peacekeepers in the mission, 2,400 are from Nepal.", "2,400", "Nepal", "clause", None),
    # ...or says they are of a nationality; not a complement that only says more ("the largest in UNIFIL")
    ("Coalition forces numbered about 800,000, of which 500,000 were American.", "500,000", "United States",
     "clause", None),
    ("Spain's contingent of 600 in Lebanon is the largest in UNIFIL.", "600", "Spain", "phrase", "UNIFIL"),
    # ...or a part's own adjective, however the parse hangs it
    ("Canada leads the NATO battlegroup in Latvia, which numbers around 1,800 troops, roughly 1,200 of them Canadian.",
     "roughly 1,200", "Canada", "clause", None),
    ("Spain leads the NATO battlegroup in Slovakia, which numbers around 1,600 troops, roughly 900 of them Spanish.",
     "roughly 900", "Spain", "clause", None),
    ("Britain leads the NATO battlegroup in Estonia, which numbers around 1,700 troops, roughly 900 of them British.",
     "roughly 900", "United Kingdom", "clause", None),
    # the force an "of" phrase sizes names whose they are, a group a military word makes a force included
    ("A Dutch task group of 900 sailors will sail to the Gulf.", "900", "Netherlands", "phrase", None),
    # the personnel a change adds are the force's they bring to a size, however deep the clause that says so
    ("NATO says 350 more soldiers will arrive on Friday to reinforce the battlegroup, bringing the Danish contingent "
     "to about 1,200.", "350", "Denmark", "clause", None),
    ("The minister asked parliament to approve sending 600 more soldiers, which would take Chile's contribution in "
     "Haiti to more than 1,200.", "600", "Chile", "clause", None),
    # "with N troops" are the holder's: a state that owns it, not an organisation that fields it
    ("Italy's mission, with about 250 soldiers, trains the Nigerien army.", "about 250", "Italy", "clause", None),
    # a possessor that names no state stands for one: "whose" its clause's noun, "the country" the last named
    ("Belarus, whose army numbers 45,000, says the drills are defensive.", "45,000", "Belarus", "clause", None),
    ("The last French soldiers left Niger on Friday. The country's army of 33,000 will now fight alone.", "33,000",
     "Niger", "clause", None),
    # ...but troops who came from a place left it
    ("About 3,000 troops came from Iraq last year.", "About 3,000", None, None, None),
    # an organisation's name the model runs into words the tables do not know still names it
    ("Spain handed over to the peacekeeping force of the United Nations Transitional Authority, which had been "
     "authorised at up to 7,000 troops.", "up to 7,000", "United Nations", "clause", None),
    # the figure in apposition to a force is that force's
    ("The Russian contingent, some 1,500 troops from airborne units, forms its backbone.", "some 1,500", "Russia",
     "phrase", None),
    # a verb the parser takes for a noun ("numbers") still has its subject: "the force" is the mission named before
    ("KFOR has begun a new rotation. Serbia protested. According to the command, the collective force numbers more "
     "than 4,000 servicemen and about 300 units of military equipment.", "more than 4,000", "NATO", "context", "KFOR"),
    # a headline's label before a colon is no actor: the name after it does what follows
    ("Somalia: Ethiopia to keep 3,000 troops", "3,000", "Ethiopia", "clause", None),
    # a bystander verb with a particle is another verb: a call-up mobilises one's own
    ("Israel called up 300,000 reservists on Saturday.", "300,000", "Israel", "clause", None),
    # ...and so does a call of reservists, its capital named for the state; a call for troops is still a request
    ("Kyiv called 20,000 reservists to duty on Monday.", "20,000", "Ukraine", "clause", None),
    ("Beirut called for 2,000 more troops on Monday.", "2,000", None, None, None),
    # the subject of a relative clause whose object the figure is contributes it, more than a mission's name
    ("The group joins the 800 blue helmets that Nepal contributes to the mission.", "800", "Nepal", "clause", None),
    # an inline list's item is its own label's, whatever qualifier or spacing its number has
    ("Troops came from Italy (about 1,000), Spain (600), Portugal (approx. 300) and Greece (1 200).",
     "approx. 300", "Portugal", "phrase", None),
    ("Troops came from Italy (about 1,000), Spain (600), Portugal (approx. 300) and Greece (1 200).",
     "1 200", "Greece", "phrase", None),
    # the leader of a force named as the clause's subject does not own it
    ("The French-led task force has 900 soldiers in the region.", "900", None, None, None),
    # a person acts for the state the article introduces them with, the surname alone later too ...
    ("Estonia's army numbers 7,000. Britain's defence secretary, Ben Wallace, visited Tapa on Monday. Wallace "
     "promised to send 800 more soldiers.", "800", "United Kingdom", "clause", None),
    # ... by an office of the tables that is no service word ("envoy")
    ("Kenya has 3,500 troops in Somalia. Uganda's envoy, Grace Nakato, met Somali leaders in Mogadishu on Monday. "
     "Nakato promised to send 600 more soldiers.", "600", "Uganda", "clause", None),
    # ... and "he" in the clause they report, or a surname the model leaves untagged
    ("Iraq's army has 250,000 soldiers. Iraq's prime minister met US Defence Secretary Lloyd Austin in Baghdad on "
     "Tuesday. Austin said he would keep 2,500 troops in the country.", "2,500", "United States", "clause", None),
    ("Kenya has 3,500 troops in Somalia. Ethiopia's prime minister, Abiy Ahmed, met Somali leaders in Mogadishu. "
     "Abiy pledged 2,000 more troops, a spokesman said.", "2,000", "Ethiopia", "clause", None),
    # ... or the tables know them to act for, as news names them alone
    ("Obama announced on Tuesday night that he would deploy 30,000 more troops to Afghanistan.", "30,000",
     "United States", "clause", None),
    # ... by the name the entity component gives them, a title the model tags with the name left off
    ("Kosovo is calm. Dr Merkel said she would send 2,000 more troops there.", "2,000", "Germany", "clause", None),
    # ... or by the surname the tables know, where the article spells the full name otherwise
    ("Belarus is worried. Vladimir V. Putin spoke in Moscow on Monday. Putin said he would send 1,000 more troops "
     "to Minsk.", "1,000", "Russia", "clause", None),
    # ... also where the model tags the surname as an organisation
    ("Estonia welcomed the plan. Speaking in Tallinn, Sunak said: \"We will double our 900 troops in Estonia.\"",
     "900", "United Kingdom", "clause", None),
    # ... but a state's analyst or journalist does not act for it, as its officials do
    ("Ukrainian analyst Oleh Petrenko spoke on Monday.\n\nNATO has asked its allies for help. Petrenko expects "
     "5,000 more troops in Poland by May.", "5,000", "NATO", "context", None),
    # ... nor does an armed group's leader act for a state's force
    ("Egypt has 20,000 troops in Sinai. Hamas leader Omar Haddad met Qatari mediators in Doha on Monday. Haddad "
     "promised to send 800 more soldiers.", "800", "Egypt", "context", None),
    # ... and a person's own name says not whom they serve, even a place's name ("The ambassador, Kenya Miller")
    ("NATO has asked its allies for help. The ambassador, Kenya Miller, spoke on Monday. Miller promised to send "
     "5,000 more troops to Poland.", "5,000", "NATO", "article", None),
    # whoever requests or demands troops does not own them
    ("MONUSCO has 16,000 troops in Congo. Kinshasa's demand that the 12,000 peacekeepers in the east leave by "
     "December was rejected.", "12,000", "United Nations", "context", None),
    # "we" and "our" in a reported clause are the speaker's state
    ("\"We have about 900 personnel in Estonia,\" the British defence secretary said.", "about 900",
     "United Kingdom", "clause", None),
    ("\"Our 600 troops in Mali will come home,\" the Swedish defence minister said.", "600", "Sweden", "clause", None),
    # ...and in a record of what was said, a speaker's turn: the actor its label names, else the state whose
    # parliament the record names; the turn runs on to the next label
    ("Ukraine: Military Support\nDebated on Monday 17 January 2022\n\nThe Secretary of State for Defence (Mr Ben "
     "Wallace): We have 900 personnel in Estonia and they will stay there.", "900", "United Kingdom", "clause", None),
    ("Overseas Missions\nDáil Éireann debate - Wednesday, 8 Nov 2023\n\nMinister for Defence (Micheál Martin): At "
     "present, we have 338 personnel deployed with UNIFIL in Lebanon.", "338", "Ireland", "clause", None),
    ("LOK SABHA\nUNSTARRED QUESTION NO. 2145\n\nTHE MINISTER OF STATE IN THE MINISTRY OF DEFENCE (SHRI A. KUMAR): "
     "Peacekeeping remains a priority.\n\nAt present, we have 5,900 personnel in UN missions.", "5,900", "India",
     "clause", None),
    ("Hearing of the Senate Armed Services Committee, 4 March 2021\n\nGENERAL MILLER: We have about 2,500 troops in "
     "Afghanistan today.", "about 2,500", "United States", "clause", None),
    # a release's footer names no one the article is about, and its numbers are no figures
    ("Press release\nTroops placed on standby\n\nAround 1,000 troops have been placed on high readiness to respond "
     "to the crisis, officials said on Monday.\n\nMedia enquiries\nPress Office, Brussels, Belgium", "Around 1,000",
     None, None, None),
    ("Press release\nTroops placed on standby\n\nAround 1,000 British troops have been placed on high readiness, "
     "officials said on Monday.\n\nAbout the Ministry of Defence\nThe Ministry of Defence has 150,000 personnel in "
     "the Armed Forces.", "150,000", "absent", None, None),
    ("Kenya National Assembly Hansard, 14 June 2023\n\nThe Cabinet Secretary for Defence (Hon. J. Kamau): We have "
     "3,500 troops in Somalia under ATMIS.", "3,500", "Kenya", "clause", None),
    # ...and outside a labelled turn, in a record whose headline or lede names its parliament
    ("Ukraine\nJ. Smith\nThe Minister for the Armed Forces\n\nWe have some 100 personnel training Ukrainian forces in "
     "the United Kingdom this month.", "some 100", "United Kingdom", "clause", None),
    ("CONGRESSIONAL RECORD - SENATE\n\nMr. SMITH. Mr. President, we have 2,500 troops in Iraq, and we should keep "
     "them there for now.", "2,500", "United States", "clause", None),
    ("Baltic Deployments\nLords Chamber\n\nMy Lords, we will keep some 850 personnel in Estonia through the winter, "
     "and the Government will review that in the spring.", "some 850", "United Kingdom", "clause", None),
    # the answer to a question on personnel counts whose the question asks about
    ("Press conference, Nairobi\n\nQ: How many KDF troops are still in Somalia?\n\nSpokesperson: About 3,500.",
     "About 3,500", "Kenya", "phrase", None),
    # a seat of government speaks for its state, as the Kremlin does
    ("Aso Rock said 1,000 troops would be deployed to Benin.", "1,000", "Nigeria", "article", None),
    # a state's institution that the text names with another state is that state's, not the tables' own
    ("Malaysia's Ministry of Defence said its 830 soldiers would stay.", "830", "Malaysia", "context", None),
    ("The Ministry of Defence of Kenya said its 3,500 soldiers would stay.", "3,500", "Kenya", "context", None),
    ("The Ministry of Defence said its 900 personnel in Estonia would stay.", "900", "United Kingdom", "context", None),
    # an official release's dateline ("Brussels, 12 March 2024 -") is no second subject beside the actor
    ("Brussels, 4 June 2025 - The European Union will deploy 2,000 troops as part of its rapid deployment "
     "capacity, the Council said.", "2,000", "European Union", "clause", None),
    # militants are not a force's troops
    ("Islamic State still has up to 10,000 fighters in Syria.", "up to 10,000", "absent", None, None),
    # phrase: a base named with a hyphen is where the force is, not whose, beside another name
    ("About 35,000 Germany-based US soldiers could be moved to Poland.", "About 35,000", "United States", "phrase",
     None),
    ("Kuwait-stationed British troops, some 1,200, will rotate home.", "some 1,200", "United Kingdom", "phrase", None),
    # a gapped clause after a semicolon: its name owns its figure, and is no second subject of the first
    ("Germany has 1,100 soldiers in Mali; France, 5,100.", "5,100", "France", "clause", None),
    ("The US keeps 2,500 troops in Iraq; Britain, about 400.", "2,500", "United States", "clause", None),
    ("Germany has 1,100 soldiers in Mali; France, 5,100.", "1,100", "Germany", "clause", None),
    # ...and after a conjunction, where a figure before begins the series
    ("Norway, which leads the drill, has 700 soldiers there, and Finland, 450.", "450", "Finland", "clause", None),
    # ...and a name after "and" owns its number, not with the place that ends the clause before
    ("Nepal sends 900 troops to UNIFIL and Ghana 650.", "650", "Ghana", "phrase", None),
    # ...and a name right before the "with" that holds a bare number, however the parse hangs the "with"
    ("Nepal has 4,000 peacekeepers in UNIFIL, the largest contingent, followed by Ghana with 870.", "870", "Ghana",
     "clause", None),
    # ...or the phrase before the "at" that holds it
    ("Analysts estimate Serbia's army at 25,000 and Croatia's army at 15,000.", "15,000", "Croatia", "clause", None),
    # an elided figure in a "where" clause with its own subject is that subject's
    ("About 2,000 Burundian troops serve in Somalia, where Djibouti also has 1,500.", "1,500", "Djibouti", "clause",
     None),
    # phrase: a state that possesses another state's troops hosts them; their own nationality says whose
    ("Kuwait's 13,000 US troops guard the northern border.", "13,000", "United States", "phrase", None),
    ("Belarus's 9,000 Russian soldiers took part in the drills.", "9,000", "Russia", "phrase", None),
    # "the country" is the state whose officials the sentence before has speak, not the one its figure was about
    ("NAIROBI - Germany will send 500 soldiers to Kenya this year, the ministry in Berlin said.\n\nKenyan officials "
     "welcomed the decision. The country's own army numbers about 23,000 soldiers.", "about 23,000", "Kenya",
     "clause", None),
    # an elided figure in a relative clause on "the mission" is the mission's, not the contingent's before it
    ("A Hungarian general took command of the NATO-led Kosovo Force on Friday. Hungary has about 400 soldiers in the "
     "mission, which numbers about 4,500.", "about 4,500", "NATO", "clause", None),
    # "their own" army in a clause its speakers report is the speakers' state's
    ("MOGADISHU - Ethiopia contributes around 3,000 troops to the mission. The Somali government said its own 20,000 "
     "soldiers were not ready to take over.", "20,000", "Somalia", "clause", None),
    # a relative clause with a verb of saying in it is still about the noun it describes
    ("Western governments say the instructors belong to the Wagner Group, which they estimate has about 1,000 "
     "personnel in Mali.", "about 1,000", "Wagner Group", "clause", None),
    # phrase: "of the country" is "the country's", the state named last
    ("The ministry of defence of Chad said that 1,000 soldiers of the country will be deployed to Mali.", "1,000",
     "Chad", "clause", None),
    # a wire's dateline "CITY, Country -" is no part of the subject it runs into
    ("Turkey adds troops\n\nDOHA, Qatar - Turkey has deployed about 3,000 soldiers to its base in Qatar.",
     "about 3,000", "Turkey", "clause", None),
    # a bare number set against another figure is its possessor's, not the compared figure's force
    ("Iran has about 610,000 active troops, compared with Iraq's 190,000.", "190,000", "Iraq", "clause", None),
    ("Morocco keeps 200,000 soldiers under arms, against Algeria's 130,000.", "130,000", "Algeria", "clause", None),
]

#: (text, figure, force, force_source): figures whose force only the discourse gives
DISCOURSE = [
    # the headline names the actor, the lede never repeats it
    ("Ankara sends commandos to Libya\n\nANKARA - The 1,500 commandos will train local forces, "
     "officials said on Monday, in a deployment approved by parliament.", "1,500", "Turkey", "article"),
    # "the contingent" after a sentence that named its country
    ("Ireland's contingent returned home from Lebanon on Monday. The contingent numbered 340 "
     "and served for six months.", "340", "Ireland", "context"),
    # "the mission" that a relative clause gives its troops is the mission named before, not the article's country
    ("Uganda's army chief visited ATMIS troops in Mogadishu. Uganda has 4,500 soldiers in Somalia.\n\nThe mission, "
     "which will shrink to 11,000 troops by June, faces a funding gap.", "11,000", "African Union", "context"),
    # ...and, with no mission named, the organisation that fields missions, not a company named since
    ("Britain will withdraw its 300 soldiers from the UN mission in Mali. Western officials say about 1,000 Wagner "
     "mercenaries are now in Mali.\n\nThe mission has about 12,000 troops in all.", "about 12,000", "United Nations",
     "context"),
    # ...but "the operation" never stands for a state, even one the tagger took for an organisation
    ("France completes withdrawal from Mali\n\nBAMAKO - The last French soldiers left Mali on Monday, ending a "
     "nine-year deployment.\n\nAt its height the operation, known as Barkhane, had about 5,100 troops across the "
     "Sahel.", "about 5,100", "France", "article"),
    # the subject of the sentence before says whose by its own words, not by where it is directed
    ("UK statement on Estonia\n\nWe will send an additional 900 personnel to Estonia.\n\nOur commitment to the "
     "Alliance is unwavering. The reinforcements will include a battlegroup of around 800 soldiers.", "around 800",
     "United Kingdom", "article"),
    # the same figure reported again: the definite mention takes the first one's force
    ("Spain will withdraw 200 Spanish soldiers from Iraq this year. The 200 soldiers will return by "
     "December.", "200", "Spain", "context"),
    # "we" in a release that quotes no one is the author its headline names
    ("Statement by the Ministry of Defence of Georgia\n\nWe have 870 servicemen in Afghanistan, where U.S. Marines "
     "lead. The United States has about 68,000 troops in the country.", "870", "Georgia", "clause"),
    # ...nor "a further" one
    ("Solomons deployment\n\nFiji said 50 Fijian soldiers would arrive on Friday.\n\nThe Australian Defence Force "
     "will deploy 150 personnel to Honiara. We will send a further 50 personnel next week.", "50", "Australia",
     "context"),
    # ...but "another" group is never a figure of the same size reported elsewhere
    ("France leaves Mali\n\nBAMAKO - The last French soldiers left Mali on Monday.\n\nAt its height the "
     "operation had about 5,100 troops across the Sahel. About 2,400 of them were in Mali. Another 1,000 are "
     "in Chad.\n\nDiplomats estimate about 1,000 Wagner Group fighters are "
     "now in Mali.", "1,000", "France", "article"),
    # a host is not the force of troops on its soil when the article names another force
    ("Marines to leave Okinawa\n\nTOKYO - Japan and the United States agreed on the move on Tuesday. "
     "About 4,000 marines will be moved out of Okinawa by 2028, officials said.", "About 4,000",
     "United States", "article"),
    # ...but with no other force named, the country's own troops are its own
    ("Pakistan moves troops to the frontier\n\nISLAMABAD - Pakistan said on Monday that tension was "
     "rising. Some 50,000 troops were moved to the frontier in Punjab, officials said.", "Some 50,000",
     "Pakistan", "context"),
    # ...and in an article that names no force at all, troops in a country are its own
    ("Troop levels stay high in Chechnya\n\nSome 22,000 Interior Ministry troops are deployed in Chechnya, a "
     "commander told a press conference on Monday.", "Some 22,000", "Russia", "article"),
    ("Debate on the firefighters strike\n\nMr. Smith (Reigate): Some 19,000 soldiers will be kept on stand-by "
     "in Scotland to cover for striking firemen.", "Some 19,000", "United Kingdom", "article"),
    # a mission's personnel are never their host's, however its clause holds them: the organisation named's
    ("Talks resume in Nicosia\n\nNICOSIA - The UN envoy met the island's leaders on Monday. Cyprus has some 800 "
     "peacekeepers along the buffer zone.", "some 800", "United Nations", "article"),
    # ...and not the state of the town they are in where the article names no one
    ("Camp attacked\n\nAbout 1,400 peacekeepers are based in Gao, officials said.", "About 1,400", None, None),
    # ...where organisations' missions serve: a contributor's own are its own ("India has 5,900 peacekeepers")
    ("Peacekeeping in numbers\n\nIndia has about 5,900 peacekeepers, the Lok Sabha was told.", "about 5,900",
     "India", "clause"),
    # ...but foreign troops from many countries are still no one's
    ("Parade held\n\nAbout 1,000 foreign troops from 17 countries marched in the parade in Beijing on Thursday.",
     "About 1,000", None, None),
    # international troops take the article's organisation, not its country
    ("NATO marks anniversary\n\nBRUSSELS - Serbia's president met NATO leaders on Monday. About 60,000 "
     "international troops entered Bosnia in 1995, Serbian officials recalled.", "About 60,000", "NATO", "article"),
    # ...or, where the headline and lede name none, the organisation the article names; the paragraph follows
    ("Russia pulls out of the Balkans\n\nRussia is preparing to withdraw its troops from the Balkans.\n\nNATO "
     "officials say Moscow has confirmed the plan.\n\nIn 1995, about 60,000 international troops entered Bosnia "
     "after the war; that number has dwindled to 17,000.", "17,000", "NATO", "context"),
    # ...and so are the troops a multinational force has, whoever leads it
    ("Latvia's NATO brigade grows\n\nRIGA - Canada has sent another 300 soldiers to Latvia, the Canadian defence "
     "ministry said.\n\nThe multinational brigade now has about 3,500 troops.", "about 3,500", "NATO", "article"),
    # a figure two countries share, in an article about one mission, is that mission's
    ("Kenya, Uganda to send troops\n\nNAIROBI - Kenya and Uganda will send 2,000 more troops to Somalia, "
     "officials said on Monday, as AMISOM prepares an offensive.", "2,000", "African Union", "article"),
    # ...and so is one whose headline lists the countries as appositions
    ("Ghana, Nigeria to send 1,500 more troops to Mali\n\nThe two countries will reinforce MINUSMA in the spring, "
     "officials said.", "1,500", "United Nations", "article"),
    # ...but not a state's operation: three states' joint force is not Russia's because Africa Corps is named
    ("Sahel juntas form joint force\n\nNIAMEY - Mali, Burkina Faso and Niger will field a joint force of 5,000 "
     "soldiers, officials said on Sunday.\n\nRussia's Africa Corps has about 2,000 personnel in Mali, analysts say.",
     "5,000", None, None),
    # ...or, with no one mission named, in an article about an organisation's force, that organisation's
    ("African Union force grows in Darfur\n\nThe African Union said on Monday that its force in Darfur is growing. An "
     "additional 80 military observers, from Egypt, Ghana and Kenya, were to arrive by Friday.", "80",
     "African Union", "article"),
    # ...but a line of a breakdown by country that names two is no one's, as the lines around it are no total
    ("African Union force grows in Darfur\n\nThe African Union is boosting its force in Darfur. Nigeria has agreed "
     "to send 600 soldiers, Kenya and Rwanda 150 and Chad 40, a spokesman said.", "150", None, None),
    # a country in the clause of an international force does not own it
    ("NATO hands over command\n\nKABUL - A Turkish general took command of the 5,000-strong international "
     "force on Monday, NATO said.", "5,000", "NATO", "article"),
    # "each" gives the figure to each of several forces: no one's, not the paragraph's, not the mission's
    ("ECOWAS readies force\n\nABUJA - ECOWAS leaders met on Monday. Nigeria and Ghana have backed the plan, and "
     "each has over 500 troops in the country.", "over 500", None, None),
    ("Kenya and Uganda will send more troops to AMISOM, officials said on Monday. Each country has pledged a "
     "further 2,000 troops.", "2,000", None, None),
    ("India and China agree to pull back\n\nNEW DELHI - But the roughly 50,000 soldiers each side has massed in Ladakh "
     "will stay for now, officials said.", "roughly 50,000", None, None),
    # the subject of a verb that reports the figure's clause is a speaker, not the force
    ("Russia masses forces near Ukraine\n\nRussia has moved tanks and artillery close to the border this week. "
     "But a Polish estimate, cited by Reuters, says there are 30,000 ground troops near the border.", "30,000",
     "Russia", "context"),
    # a name coordinated with another force's is neither's: the participle's noun is left to the article
    ("US Marines start leaving Okinawa\n\nThe transfer of US Marines has begun as agreed between the US and Japan, "
     "with the first batch involving 120 logistics personnel, a news agency reported.", "120", "United States",
     "article"),
    # the article's force is not the one its forces move against
    ("A Russian offensive against Ukraine and Ukrainian cities could begin soon, analysts say. Up to 175,000 troops "
     "could be massed in Belarus by January.", "Up to 175,000", "Russia", "article"),
    # the article's force is whose troops its headline and lede speak of, figures or not
    ("Niger: French troops to leave\n\nNIAMEY - Niger and France agreed on Friday that French soldiers would go."
     "\n\nAbout 1,500 troops will leave by December, officials said.\n\nNiger's army has 33,000 soldiers.",
     "About 1,500", "France", "article"),
    # a dateline's city is where the reporter was, not whose troops
    ("Troops arrive\n\nKABUL - About 3,000 troops arrived on Monday, the U.S. Army said.", "About 3,000",
     "United States", "article"),
    # a line's label is where its troops are, not the clause's subject
    ("America's wars wind down\n\nSyria: Roughly 900 troops remain, mostly in the north-east.", "Roughly 900",
     "United States", "article"),
    # a name "non-" negates owns neither the figure nor the article
    ("Some 12,000 non-US troops serve with NATO in Afghanistan.", "Some 12,000", "NATO", "article"),
    # a pooled total that a relative clause gives its plural noun is no one's, not the article's force
    ("Force for Ukraine\n\nLONDON - Britain is drawing up plans for a force. Critics say European armies, which "
     "together have about 1.5 million troops, lack equipment.", "about 1.5 million", None, None),
    # an elided figure of a multinational force a relative clause describes is not its antecedent's country's
    ("Force arrives in Haiti\n\nPORT-AU-PRINCE - The first 400 Kenyan police officers arrived on Tuesday, the "
     "vanguard of a multinational force that is expected to number 2,500.", "2,500", None, None),
    # "the two allies" count their figure as several: no one's, where the article is about no mission
    ("US, Britain send troops to Jordan\n\nAMMAN - The United States has deployed about 3,000 troops to Jordan, and "
     "Britain has sent 400. The two allies now have more than 3,400 personnel in the kingdom.", "more than 3,400",
     None, None),
    # ...but many countries that provide a figure are their organisation's members: its own, not the article's
    ("NATO weighs Iraq role\n\nNATO's members want to boost the alliance's mission in Iraq, officials said.\n\nThe "
     "U.S.-led coalition was formed in 2014 and includes 34 countries that provide roughly 11,000 personnel across "
     "Iraq, Syria and Kuwait.", "roughly 11,000", "coalition", "clause"),
    # a force of a region's states is no one state's
    ("Europe weighs force\n\nPARIS - France said on Tuesday that a European force for Ukraine would need at least "
     "25,000 troops.", "at least 25,000", None, None),
    # the participants of a joint exercise are no one state's
    ("Russia holds drills\n\nMOSCOW - Russia said on Friday that the joint exercise involved about 13,000 troops.",
     "about 13,000", None, None),
    # ...however its participants are counted: "would be involved in total"
    ("Drills begin\n\nDUSHANBE - Russia said on Monday that its troops had begun joint drills in Tajikistan. More "
     "than 2,500 troops would be involved in total, it said.", "More than 2,500", None, None),
    # ...where figures of two forces take part in it, though no word calls it joint
    ("Drills end\n\nSEOUL - About 12,000 US troops and 8,000 South Korean soldiers took part in the exercise this "
     "year, officials said. Last year 15,000 troops joined the annual exercise.", "15,000", None, None),
    # ...and a headline figure that its lede reports as no one's is no one's too
    ("Drills open with 9,000 troops\n\nBANGKOK - The exercise opened on Monday, with some 9,000 Thai and American "
     "troops taking part.\n\nThe United States sent 4,500 soldiers.", "9,000", None, None),
    # ...and troops from many countries are no one state's
    ("Exercise ends\n\nOSLO - Norway said on Friday that about 20,000 soldiers from 14 countries took part in the "
     "exercise.", "about 20,000", None, None),
    # a place a "where" clause describes is no topic force
    ("Pentagon weighs options\n\nWASHINGTON - Officials discussed Afghanistan, where 9,600 troops serve. Afghan "
     "forces number 350,000, the Pentagon says.", "9,600", "United States", "article"),
]


@pytest.mark.parametrize("text, figure, force, source, mission", ROWS, ids=lambda v: str(v)[:40])
def test_whose(troop_figures, text, figure, force, source, mission):
    figures = troop_figures(text)
    if force == "absent":
        assert figure not in figures
        return
    assert figure in figures, sorted(figures)
    got = figures[figure]
    assert (got.force, got.force_source) == (force, source)
    if mission is not None:
        assert got.mission == mission


@pytest.mark.parametrize("text, figure, force, source", DISCOURSE, ids=lambda v: str(v)[:40])
def test_discourse(nlp, text, figure, force, source):
    figures = [t for t in nlp(text)._.natoiraq.troops if t.text == figure]
    assert figures, "figure not found"
    assert (figures[-1].force, figures[-1].force_source) == (force, source)


def test_a_contingent_serves_with_the_mission_its_article_names(troop_figures):
    text = ("Irish troops rotate in Lebanon\n\nDUBLIN - Ireland's contingent with UNIFIL returned from Lebanon "
            "on Monday after six months. The contingent numbered 340 and was replaced by a battalion of 335 "
            "soldiers.")
    figures = troop_figures(text)
    assert {k: (t.force, t.mission) for k, t in figures.items()} == {
        "340": ("Ireland", "UNIFIL"), "335": ("Ireland", "UNIFIL")}


def test_a_name_run_on_from_a_capital_is_no_state(troop_figures):
    """ "Moscow Times Staff": the model's organisation starts with a capital, but no state is named."""
    assert troop_figures("Moscow Times Staff said 3,000 troops arrived in Minsk on Monday.")["3,000"].force != "Russia"

