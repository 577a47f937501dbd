"""Which way and how sure: kind and status, one row per rule."""

import pytest

#: (text, figure as written, kind, status)
ROWS = [
    # "by X to Y": the change, then the size it leads to, however the parse joins them
    ("Troop levels fell by about 3,000 to 8,600.", "about 3,000", "decrease", "actual"),
    ("Troop levels fell by about 3,000 to 8,600.", "8,600", "level", "actual"),
    ("The garrison will shrink by 400 to 1,600 after the budget cuts.", "400", "decrease", "planned"),
    ("The withdrawal will reduce the force by 2,000, to 6,000.", "2,000", "decrease", "planned"),
    # a pronoun's noun in the sentence before is not the figure's clause
    ("The EU training mission has 700 personnel. It will grow by around 300 by the end of the year.", "around 300",
     "increase", "planned"),
    # partitive: the part is the change, the whole a level that exists
    ("The U.S. will pull out 2,200 of 5,200 troops from Iraq.", "2,200", "decrease", "planned"),
    ("The U.S. will pull out 2,200 of 5,200 troops from Iraq.", "5,200", "level", "actual"),
    # a relative clause after a whole, which the parse hangs on the part, says what the whole is
    ("Kenya flew 400 police officers to Haiti, the first of 1,000 officers it has pledged to the mission.", "1,000",
     "level", "planned"),
    ("The first 300 of the 2,000 troops Chad promised landed on Monday.", "300", "level", "actual"),
    ("The first 300 of the 2,000 troops Chad promised landed on Monday.", "2,000", "level", "planned"),
    ("Some 200 of the 1,000 soldiers Seoul sent in 2004 remain there.", "1,000", "level", "actual"),
    # what an infinitive on the figure's noun says it is to do: leave, or be taken away
    ("The 1,500 troops to leave Niger are based in Niamey.", "1,500", "decrease", "planned"),
    ("The 1,500 troops to be withdrawn from Niger are based in Niamey.", "1,500", "decrease", "planned"),
    ("The 1,500 troops to deploy to Niger are based in Chad.", "1,500", "level", "planned"),
    # a part that is the subject of a verb of leaving is what leaves, as "2,200 of" is what is pulled out
    ("Some 500 of the 2,000 soldiers in Kosovo will leave this year.", "Some 500", "decrease", "planned"),
    ("Some 500 of the 2,000 soldiers in Kosovo will leave this year.", "2,000", "level", "actual"),
    # a reporting verb before the figure is not its verb
    ("The minister said at least 1,000 of the 1,550 troops would be withdrawn.", "at least 1,000", "decrease",
     "planned"),
    # nominal changes; a proposal is a plan (the conventions: "proposed ... figures"), an order is not
    ("The ministry ordered the pull-out of 150 soldiers from the Golan.", "150", "decrease", "actual"),
    ("Officials proposed a reduction of 2,000 peacekeepers.", "2,000", "decrease", "planned"),
    ("The army completed the pull-out of 150 soldiers from the Golan.", "150", "decrease", "actual"),
    # a decision on a deployment noun makes its figure a plan
    ("Lawmakers approved the dispatch of 600 soldiers to Lebanon.", "600", "level", "planned"),
    ("The minister announced the deployment of 1,200 marines on Tuesday.", "1,200", "level", "planned"),
    ("Some 1,200 marines completed their deployment to Darwin.", "Some 1,200", "level", "actual"),
    ("The government announced the dispatching of 800 soldiers to the border.", "800", "level", "planned"),
    # an announced change is a plan until it is done; a rejected or vetoed one never was more
    ("The announced withdrawal of 4,500 soldiers from Bavaria drew criticism.", "4,500", "decrease", "planned"),
    ("The senate rejected the dispatch of 700 soldiers to the Gulf.", "700", "level", "planned"),
    ("The president vetoed the deployment of 700 soldiers to the Gulf.", "700", "level", "planned"),
    # a commitment is planned whatever its tense; a perfect infinitive reports what was done
    ("Uganda pledged 1,500 soldiers to the mission last week.", "1,500", "level", "planned"),
    ("Fiji volunteered 400 soldiers for the mission last week.", "400", "level", "planned"),
    ("The Pentagon is eyeing 400 more soldiers for the mission.", "400", "increase", "planned"),
    ("Seoul has committed 2,500 extra troops to the coalition.", "2,500", "increase", "planned"),
    ("The regime is believed to have sent 4,000 soldiers to the front.", "4,000", "level", "actual"),
    ("The regime is believed to send 4,000 soldiers to the front.", "4,000", "level", "planned"),
    # a modal that guesses at what was done ("may have sent") is no plan; "will have sent" by a date is one
    ("Pyongyang may have sent 8,000 soldiers to the front, analysts say.", "8,000", "level", "actual"),
    ("About 8,000 soldiers might have been sent to the front.", "About 8,000", "level", "actual"),
    ("Pyongyang will have sent 8,000 soldiers to the front by June.", "8,000", "level", "planned"),
    # ...and so does "may" with "be" or "have": a guess at what is, unless a time to come is named
    ("There may be as many as 3,000 Iranian advisers in Syria.", "as many as 3,000", "level", "actual"),
    ("Tehran might have 3,000 advisers in Syria, the report says.", "3,000", "level", "actual"),
    ("Tehran may have 3,000 advisers in Syria by the spring.", "3,000", "level", "planned"),
    # ...but a force it is believed or said to have or keep is an estimate of what is
    ("Russia is believed to have 30,000 troops in Belarus.", "30,000", "level", "actual"),
    ("Moscow is thought to maintain about 20,000 soldiers in the region.", "about 20,000", "level", "actual"),
    ("Russia is expected to keep 30,000 troops in Belarus.", "30,000", "level", "planned"),
    ("Britain will deploy 900 troops to Estonia and keep 600 in Cyprus.", "600", "level", "planned"),
    # a participle of consequence shares the modality of the event it follows, wherever the parse hangs it
    ("The unit will be reinforced by 40 medics, the army said, bringing its strength to about 300.", "about 300",
     "level", "planned"),
    ("Italy's 400-strong contingent will be reinforced by 60 trainers, the defence ministry said on Friday, "
     "bringing Italian personnel in Kuwait to about 460.", "about 460", "level", "planned"),
    ("A squadron of 90 engineers has arrived at the base to join the battlegroup, bringing the force to about "
     "1,200.", "about 1,200", "level", "actual"),
    ("Britain has 900 troops in Estonia and keeps 600 in Cyprus.", "600", "level", "actual"),
    # what goes on is there: "continues to" is no plan, unless it will continue
    ("The UN mission continues to deploy about 9,000 soldiers in the east.", "about 9,000", "level", "actual"),
    ("The UN mission will continue to deploy about 9,000 soldiers in the east.", "about 9,000", "level", "planned"),
    # ...and so does what has begun, in an infinitive as in a gerund ("has begun relocating")
    ("Paris began to withdraw 1,500 soldiers from Chad on Monday.", "1,500", "decrease", "actual"),
    ("Paris will begin to withdraw 1,500 soldiers from Chad.", "1,500", "decrease", "planned"),
    # "already" settles a figure; "were to" plans it; a planned total is a plan
    ("Another 90 observers will join 140 soldiers already in the field.", "140", "level", "actual"),
    ("The 90 marines will join 140 soldiers already in the field.", "90", "level", "planned"),
    ("Another 90 observers will join 140 soldiers in the field.", "140", "level", "planned"),
    ("Some 90 soldiers were to arrive by Friday.", "Some 90", "level", "planned"),
    ("The mission has 600 soldiers, out of a planned total of 1,800.", "1,800", "level", "planned"),
    # subjects that leave: through "due to", home-coming verbs with "home" or an origin
    ("The last 900 soldiers are due to leave the island in May.", "900", "decrease", "planned"),
    ("About 2,000 troops will return to Canada from Latvia.", "About 2,000", "decrease", "planned"),
    ("About 2,000 troops will return to Latvia next spring.", "About 2,000", "level", "planned"),
    # returning troops "from" a theatre, the origin on the object; to the force's own country (not back in)
    ("The Pentagon will try to return an average of 4,000 soldiers from the Gulf each week.", "an average of 4,000",
     "decrease", "planned"),
    ("About 4,000 American troops of the 1st Armored Division will be returned to the United States next year.",
     "About 4,000", "decrease", "planned"),
    ("Washington said about 4,000 of its soldiers would return to the United States by May.", "about 4,000",
     "decrease", "planned"),
    ("Some 300 British soldiers are due to return to Britain on Sunday.", "Some 300", "decrease", "planned"),
    ("About 4,000 US soldiers returned to Iraq last week.", "About 4,000", "level", "actual"),
    # a size noun whose clause is a change: the figure is the change's size, still to come
    ("A weekly magazine put the number of troops to be withdrawn at between 4,000 and 12,000 by the spring.",
     "between 4,000 and 12,000", "decrease", "planned"),
    ("The number of soldiers to be withdrawn is 3,000, the ministry said.", "3,000", "decrease", "planned"),
    ("Diplomats put the number of peacekeepers to be added at 1,500.", "1,500", "increase", "planned"),
    ("The newspaper put the number of soldiers in the country at about 3,000.", "about 3,000", "level", "actual"),
    # a first group of a change under way, whatever clause the parse hangs its "with" on
    ("The troop transfer began as agreed between the two allies, with the first batch involving 100 logistics "
     "personnel, the agency reported, citing a statement.", "100", "decrease", "actual"),
    ("The relocation to Guam began as agreed between Washington and Tokyo, with the first group comprising 120 "
     "marines, the newspaper reported.", "120", "decrease", "actual"),
    ("The transfer of the Marines has started, with the first batch involving 200 support personnel, the "
     "ministry said.", "200", "decrease", "actual"),
    ("The pullout began on Monday, with 2,500 troops remaining in the country, officials reported.", "2,500",
     "level", "actual"),
    # an appositive breaks down the figure it hangs on, or the subject of the verb the parse hangs it on
    ("According to the ministry, the 120 Danish soldiers will leave in two stages: the first group, about 40 "
     "soldiers guarding the airport, by June 1, and the rest by August.", "about 40", "decrease", "planned"),
    ("The army sent 3,000 extra troops and the 10,000 soldiers already there.", "10,000", "level", "actual"),
    # the size a change starts from, as the change's subject, is an actual level
    ("The 6,300 soldiers serving there will be cut to 4,000.", "6,300", "level", "actual"),
    ("The 6,300 soldiers serving there will be cut.", "6,300", "decrease", "planned"),
    # a call-up of reservists is an increase; massing troops is not
    ("Pakistan has mobilised 200,000 troops along the frontier.", "200,000", "level", "actual"),
    # a "call" with reservists or to the colours is a call-up without its "up": done once called
    ("In 1915 the king called 80,000 reservists to the colours.", "80,000", "increase", "actual"),
    ("About 40,000 reservists were called to arms in August.", "About 40,000", "increase", "actual"),
    # a promise is planned in any tense; a commitment or authorisation in the simple past is history
    ("Kenya promised 1,000 police officers to the mission.", "1,000", "level", "planned"),
    ("In 2009 the president authorized 3,000 troops for the surge.", "3,000", "level", "actual"),
    # ...but a force it authorises is a ceiling, in any tense
    ("The Security Council authorised a force of 9,000 in June.", "9,000", "level", "planned"),
    ("The council approved a 2,500-strong mission for Haiti in 2004.", "2,500", "level", "planned"),
    ("A total of 30,000 troops were committed to the campaign at its start.", "30,000", "level", "actual"),
    ("Some 2,000 paratroopers have been put on standby.", "Some 2,000", "level", "planned"),
    ("About 3,000 other paratroopers have reportedly been put on standby in case the talks fail.", "About 3,000",
     "level", "planned"),
    ("About 4,000 marines currently in Guam will stay.", "About 4,000", "level", "actual"),
    # a relative clause on the figure says what these troops do
    ("A thousand troops will leave, joining the 2,000 troops who left in May.", "2,000", "decrease", "actual"),
    ("Most of the 150 troops they plan to deploy are in Mali.", "150", "level", "planned"),
    ("The 20,000 troops each army has massed along the border will remain there.", "20,000", "level", "actual"),
    ("The 3,000 troops it has deployed will leave next month.", "3,000", "decrease", "planned"),
    # an object directed to go: the infinitive is its verb, and a plan
    ("The president ordered 9,500 troops to be removed from Germany.", "9,500", "decrease", "planned"),
    ("The minister wants 3,000 troops to leave by June.", "3,000", "decrease", "planned"),
    # what a plan verb expects its object to do is planned whatever the infinitive and the tense
    ("Washington said it expected 3,500 troops to arrive in the region.", "3,500", "level", "planned"),
    # ...and what a force is said or believed to do, its own tense deciding
    ("Some 3,000 troops are understood to be preparing to deploy.", "Some 3,000", "level", "planned"),
    ("Some 3,000 troops are believed to be stationed in the area.", "Some 3,000", "level", "actual"),
    ("The army helped 3,000 soldiers to reach the border.", "3,000", "level", "actual"),
    ("Another 4,000 soldiers are scheduled to depart next week.", "4,000", "decrease", "planned"),
    # a ceiling's target; a force that is there; a clause under a plan noun
    ("The new mandate raises the limit to 850 soldiers.", "850", "level", "planned"),
    ("Italy will add 400 troops to its contingent of 2,800 soldiers.", "2,800", "level", "actual"),
    ("Moscow will add 400 troops to its naval group of 2,800 sailors.", "2,800", "level", "actual"),
    ("The minister demanded the departure of a Russian task group of about 900 sailors.", "about 900", "level",
     "actual"),
    ("The council deferred a request that all 20,000 peacekeepers stay.", "20,000", "level", "planned"),
    # an infinitive of purpose is not the object's move
    ("He later authorized an additional 3,000 troops to give commanders flexibility.", "3,000", "increase",
     "actual"),
    # "currently" settles a level, not a part being moved; the whole of a part is there
    ("Officials say 4,000 soldiers of the 19,000 marines currently on the island will be moved.", "4,000",
     "decrease", "planned"),
    ("Officials say 4,000 soldiers of the 19,000 marines currently on the island will be moved.", "19,000",
     "level", "actual"),
    # a negated change leaves the figure where it is
    ("India will not withdraw about 300,000 soldiers from the frontier.", "about 300,000", "level", "actual"),
    # a refusal says what will not be done, as "not" does; what a refusal only keeps quiet about stays planned
    ("Seoul declined to send 3,000 troops to Iraq.", "3,000", "level", "actual"),
    ("Ankara refuses to withdraw its 35,000 troops from northern Cyprus.", "35,000", "level", "actual"),
    ("Ankara declined to say whether it would send 1,000 more troops.", "1,000", "increase", "planned"),
    # an X-strong force exists whatever its relative clause plans
    ("The 378-strong contingent, which is due to be pulled out, left its base.", "378", "level", "actual"),
    # "already" on the number itself when its noun is elided
    # phrasal verbs of change and call-ups
    ("The mission will scale down its numbers by a further 2,000 troops.", "2,000", "decrease", "planned"),
    ("The ministry called up 150,000 reservists on Friday.", "150,000", "increase", "actual"),
    ("The government said 80,000 reservists will be mobilised.", "80,000", "increase", "planned"),
    # "more" after a withdrawal is more of the withdrawal
    ("He will remove 10,000 troops this year, with 23,000 more to be withdrawn later.", "23,000", "decrease",
     "planned"),
    # "fewer"
    ("There will be 2,500 fewer soldiers in the Sahel by December.", "2,500", "decrease", "planned"),
    # relocation with an origin is a decrease; a build-up with only a destination is a level
    ("The Pentagon moved 1,000 troops out of Syria last month.", "1,000", "decrease", "actual"),
    ("Russia has moved 30,000 troops to its western border.", "30,000", "level", "actual"),
    # a departure with a destination is a deployment's size
    ("Two hundred police officers left Nairobi for Haiti on Monday.", "Two hundred", "level", "actual"),
    # "another" with a verb of being somewhere enumerates a further group
    ("Some 600 French airmen are based in Jordan, and another 300 are stationed in the Emirates.", "300",
     "level", "actual"),
    ("An additional 20 advisers will deploy next month.", "20", "increase", "planned"),
    # ceilings are planned
    ("The resolution keeps a troop ceiling of 17,000 troops.", "17,000", "level", "planned"),
    ("The force may grow to up to 4,000 troops.", "up to 4,000", "level", "planned"),
    # a subject with a bare article takes its clause's status; an X-strong unit exists
    ("The 150 Irish troops will form a unit with Finnish soldiers.", "150", "level", "planned"),
    ("The 800-strong British battlegroup will be joined by tanks.", "800", "level", "actual"),
    # ...but one that itself goes or gets ready is there when its clause says
    ("The 3,000-strong force will deploy to Haiti in May.", "3,000", "level", "planned"),
    ("The 5,000-strong brigade will be ready by 2027.", "5,000", "level", "planned"),
    ("The 3,000-strong force deployed to Haiti in May.", "3,000", "level", "actual"),
    # a change named by the clause's subject (or by the object a participle's head makes) moves the figure;
    # what a change leaves behind is a level
    ("The drawdown will involve 2,000 troops from the northern bases.", "2,000", "decrease", "planned"),
    ("The new surge calls for sending 9,000 troops to the capital.", "9,000", "increase", "planned"),
    ("Moscow launched a surge, sending in 3,000 paratroopers.", "3,000", "increase", "actual"),
    ('Tehran launched a "surge," sending in 1,800 guardsmen.', "1,800", "increase", "actual"),
    ("The pullout will leave 500 soldiers on the island.", "500", "level", "planned"),
    # a marker of change on the force the figure sizes
    ("An extra squadron of about 90 Royal Engineers has arrived at the base.", "about 90", "increase", "actual"),
    # a participle of decrease on the figure's noun; "drawn from" is no drawdown
    ("The plan was set to see 1,800 troops withdrawn by March.", "1,800", "decrease", "planned"),
    ("The 9,000 personnel drawn from five nations will stay.", "9,000", "level", "planned"),
    # a gapped clause repeats its figure's change
    ("About 4,000 soldiers will leave Germany this year, 2,500 next year and the last 1,500 in 2027.", "2,500",
     "decrease", "planned"),
    ("About 4,000 soldiers will leave Germany this year, 2,500 next year and the last 1,500 in 2027.", "1,500",
     "decrease", "planned"),
    # the whole of a part keeps its own marker of change; a reinforcement sent in part is not all there yet
    ("Burundi has deployed 800 of the 2,000 extra troops.", "2,000", "increase", "planned"),
    ("Some 800 of the 2,000 extra troops are stationed in the capital.", "2,000", "increase", "actual"),
    ("Pyongyang has sent 2,000 soldiers to the front in addition to the 10,000 already deployed.", "2,000",
     "increase", "actual"),
    ("In addition, 300 paratroopers are deploying to Lithuania for drills.", "300", "level", "planned"),
    ("The garrison will be cut to 20,000, against the 28,000 currently there.", "28,000", "level", "actual"),
    ("The Pentagon would keep 2,000 soldiers in Spain, against the 3,100 currently there.", "3,100", "level",
     "actual"),
    # "call up" is a call-up, not a call for one
    ("Since the war began, 250,000 reservists have been called up.", "250,000", "increase", "actual"),
    ("Kyiv will call 20,000 reservists to duty next month.", "20,000", "increase", "planned"),
    # "up to" in an indicative report of what is, is an estimate, not a ceiling
    ("Up to 9,000 servicemen take part in the exercise.", "Up to 9,000", "level", "actual"),
    ("In 2001 the group of forces in the region was up to 60,000 men strong.", "up to 60,000", "level", "actual"),
    ("The council authorizes up to 6,000 troops for the mission.", "up to 6,000", "level", "planned"),
    # the figure's own "not exceeding" is no negated clause; the "more" of "more than" is no marker of change
    ("The mandate allows a reserve force at levels set by the envoy but not exceeding 3 000 troops.",
     "not exceeding 3 000", "level", "planned"),
    ("The envoy asked parliament to approve sending 600 more soldiers, which would take the contingent to more "
     "than 1,500.", "more than 1,500", "level", "planned"),
    # "on standby" puts a force in readiness, as the verb's own phrase or a participle on the figure's noun;
    # "during an alert" does not
    ("About 4,000 paratroopers are on standby to fly to Cyprus.", "About 4,000", "level", "planned"),
    ("Ministry says 1,500 troops placed on high alert", "1,500", "level", "planned"),
    ("Officials compared the build-up with 60,000 troops, which were deployed during an alert last spring.",
     "60,000", "level", "actual"),
    # a sending verb, or one that changes a force, in the progressive announces a deployment or change under way;
    # arriving reports one, and so does a force that withdraws itself
    ("Clinton said he was dispatching some 1,700 ground troops to the region.", "some 1,700", "level", "planned"),
    ("Oslo is making a further deployment of 90 soldiers to Lithuania.", "90", "increase", "planned"),
    ("About 2,000 soldiers are being sent to Poland.", "About 2,000", "level", "planned"),  # ...and the passive
    ("Some 200 troops are arriving at the airport on a flight from Goma.", "Some 200", "level", "actual"),
    ("Britain has been sending 300 trainers a year to Kenya.", "300", "level", "actual"),
    # what a verb of increase reinforces a force with is the addition
    ("Britain will reinforce its contingent with 500 troops.", "500", "increase", "planned"),
    ("Kyiv has beefed up its garrison in the city with 1,000 soldiers.", "1,000", "increase", "actual"),
    ("The Pentagon plans to surge 4,000 troops into the province.", "4,000", "increase", "planned"),
    ("The battlegroups will be scaled up to brigade level, with 3,000 troops each.", "3,000", "level", "planned"),
    # a group "of" the figure that the clause moves; a size is no such group
    ("A first batch of 150 soldiers withdrew from the base on Tuesday.", "150", "decrease", "actual"),
    ("A convoy of 300 troops left the town at dawn.", "300", "decrease", "actual"),
    ("The final battalion, about 500 Kenyan soldiers, left Mogadishu on Monday.", "about 500", "decrease",
     "actual"),
    ("The US will cut the number of troops in Iraq from 5,200 to 3,000.", "5,200", "level", "actual"),
    # a relocation away from a place, or to no place named; one to a place is a build-up there
    ("The army will reposition 3,000 soldiers away from the border.", "3,000", "decrease", "planned"),
    ("The brigade will redeploy 3,000 troops this year.", "3,000", "decrease", "planned"),
    ("The army redeployed 2,000 soldiers near the frontier.", "2,000", "level", "actual"),
    ("Some 11,900 troops would be repositioned, with 6,400 returning home.", "Some 11,900", "decrease", "planned"),
    ("The government sent back 500 soldiers from the mission in May.", "500", "decrease", "actual"),
    # bringing troops back from a theatre, as object or as the subject of a phrasal verb of decrease
    ("The army will return 5,000 soldiers from the Gulf each week.", "5,000", "decrease", "planned"),
    ("The reduction will see 2,600 troops sent home.", "2,600", "decrease", "planned"),
    ("Washington plans to downsize its garrison by 4,500 troops.", "4,500", "decrease", "planned"),
    ("Paris will scale back its force by 1,700 soldiers.", "1,700", "decrease", "planned"),
    # a change a noun names: a call-up, a change set off beside the figure, reinforcements themselves
    ("The call-up of 25,000 reservists began on Monday.", "25,000", "increase", "actual"),
    ("The latest reinforcement, 600 marines, landed on Sunday.", "600", "increase", "actual"),
    ("The island received 400 reinforcements on Tuesday.", "400", "increase", "actual"),
    # leaving "for home" comes back; an origin on the figure's noun; troops ordered home
    ("A second batch of 200 soldiers left Juba for home on Monday.", "200", "decrease", "actual"),
    ("The Marines will relocate 4,000 personnel from Okinawa to Guam.", "4,000", "decrease", "planned"),
    ("Washington has ordered 2,000 troops home from Syria.", "2,000", "decrease", "actual"),
    # a further group kept where it is, the marker written after the number
    ("It is not in the public interest that 20,000 further servicemen be kept on standby.", "20,000", "level",
     "planned"),
    # a particle the parse hangs on the object; a present passive of deploying says where a further group is
    ("The Netherlands will bring a further 120 of its soldiers home from Lithuania.", "120", "decrease", "planned"),
    ("Some 600 French airmen are based in Jordan, and another 300 are deployed in the Emirates.", "300", "level",
     "actual"),
    ("Some 600 French airmen are based in Jordan, and another 300 were deployed to the Emirates last week.", "300",
     "increase", "actual"),
    # a marker of addition on the figure's group or its verb; a further group that is somewhere is a level
    ("Another batch of 200 soldiers arrived in Juba on Monday.", "200", "increase", "actual"),
    ("Some 350 Dutch troops already serve there, and a further 150 are due to arrive in May.", "150", "increase",
     "planned"),
    ("A further 300 troops are expected to stay at the base.", "300", "level", "planned"),
    ("Kenya deployed a fresh contingent of 400 officers to Haiti.", "400", "increase", "actual"),
    ("The army sent a fresh 300 troops to the front.", "300", "increase", "actual"),
    ("Another contingent of 300 soldiers is stationed in Gao.", "300", "level", "actual"),
    ("Japan will additionally deploy 300 troops to the region.", "300", "increase", "planned"),
    ("The army will top up the contingent with 200 soldiers.", "200", "increase", "planned"),
    ("The mission will phase out 1,000 soldiers this year.", "1,000", "decrease", "planned"),
    # a quoted change noun before "of" the figure, which the parse loses
    ("The so-called 'drawdown' of 5,000 troops began.", "5,000", "decrease", "actual"),
    # a size that rises or falls by the figure; what the figure's noun is set aside for; troops leaving
    ("Germany's contribution rises by 200 soldiers to 1,200.", "200", "increase", "actual"),
    ("Troop levels dropped by some 4,000 over the summer.", "some 4,000", "decrease", "actual"),
    ("The 2,000 soldiers earmarked for the pullout are in Kandahar.", "2,000", "decrease", "actual"),
    ("The reinforcements bring the total force to 8,000.", "8,000", "level", "actual"),
    ("The 900 troops leaving in May belong to the 3rd Brigade.", "900", "decrease", "actual"),
    ("The 900 troops leaving for Mali next week are paratroopers.", "900", "level", "actual"),
    # what a verb says the figure comes as; a "with" phrase on a change is part of it, not on what it leaves
    ("The army has 1,000 troops there, and a further 200 were flown in on Tuesday as reinforcements.", "200",
     "increase", "actual"),
    ("The troop withdrawal has started, with the first group involving 300 soldiers.", "300", "decrease", "actual"),
    ("The pullout began on Monday, with a first wave of 250 soldiers.", "250", "decrease", "actual"),
    ("The drawdown is under way, with 2,500 troops remaining in the country.", "2,500", "level", "actual"),
    ("The withdrawal has started, with the last base hosting 300 soldiers until June.", "300", "level", "actual"),
    ("The departure leaves the mission with about 9,600 troops.", "about 9,600", "level", "actual"),
    # what leaving leaves behind stays
    ("The drawdown ended in May, with 2,500 troops left behind.", "2,500", "level", "actual"),
    ("The United States is withdrawing 1,000 troops from northern Syria.", "1,000", "decrease", "planned"),
    ("Germany is reducing its contingent in Mali to 300 soldiers.", "300", "level", "planned"),
    ("The German contingent in Mali is being reduced to 300 soldiers.", "300", "level", "planned"),
    ("About 30,000 troops are withdrawing from the city.", "About 30,000", "decrease", "actual"),
    ("Russian forces, about 30,000 troops, are withdrawing from the city.", "about 30,000", "decrease", "actual"),
    # what is due is expected, whatever its noun's relative clause has done
    ("The commandos who landed at the base, the first of 240 due on the island in the coming days, were to "
     "move inland.", "240", "level", "planned"),
    # what is asked for, needed or announced is not there yet, in any tense; not who asks, nor a phrasal verb
    ("The ministry requested 2,000 additional troops from its allies.", "2,000", "increase", "planned"),
    ("General Ward asked for 40,000 more troops last autumn.", "40,000", "increase", "planned"),
    ("The African Union has appealed for 8,000 troops for the mission.", "8,000", "level", "planned"),
    ("The mission requires 15,000 troops to protect civilians.", "15,000", "level", "planned"),
    ("Moscow announced 2,000 peacekeepers for Karabakh on Tuesday.", "2,000", "level", "planned"),
    ("Officials confirmed 2,000 troops in the region.", "2,000", "level", "actual"),
    ("The 2,000 troops expect to be home by Christmas.", "2,000", "level", "actual"),
    ("About 3,000 soldiers need food after the floods.", "About 3,000", "level", "actual"),
    # a "with" absolute has its own predicate, however the parser hangs it
    ("The city has asked for help, with 40,000 troops defending its outskirts.", "40,000", "level", "actual"),
    ("Kyiv has asked its allies for help, with 40,000 troops defending the city.", "40,000", "level", "actual"),
    # a plan word on the figure's own noun outweighs its article; one on its head noun makes it a plan
    ("Of the 5,000 pledged troops, 3,000 are on the ground.", "5,000", "level", "planned"),
    ("So far only 2,000 of the 8,000 troops promised have arrived.", "8,000", "level", "planned"),
    ("So far only 2,000 of the 8,000 troops promised have arrived.", "2,000", "level", "actual"),
    ("The first of 900 extra advisers authorized by the president began arriving on Monday.", "900", "increase",
     "actual"),
    ("The possible deployment of 5,000 troops worries Beijing.", "5,000", "level", "planned"),
    ("The prospect of 10,000 more troops alarmed Moscow.", "10,000", "increase", "planned"),
    ("The announcement of 3,000 more troops for Poland was welcomed in Warsaw.", "3,000", "increase", "planned"),
    ("Putin signed a decree increasing the armed forces to 1.5 million servicemen.", "1.5 million", "level",
     "planned"),
    ("The cabinet agreed a plan under which 3,000 troops are based in Romania.", "3,000", "level", "planned"),
    ("The minister is in talks about sending 400 soldiers to Chad.", "400", "level", "planned"),
    # what a plan or commitment is about: a "that" clause or a gerund, in any tense
    ("The report recommends that NATO deploy 30,000 troops to the eastern flank.", "30,000", "level", "planned"),
    ("The cabinet approved sending 650 troops to Lithuania on Tuesday.", "650", "level", "planned"),
    ("Officials considered sending 2,000 troops but decided against it.", "2,000", "level", "planned"),
    ("Some analysts advocate deploying 20,000 troops to the border.", "20,000", "level", "planned"),
    # a condition is a hypothesis; "if" asking whether something happened is not
    ("If 3,000 troops are sent, the balance of forces will shift.", "3,000", "level", "planned"),
    ("Officials asked if 3,000 troops were in the town.", "3,000", "level", "actual"),
    # a word of planning with an infinitive, whatever its lemma; a ceiling verb's limit, not what it limits
    ("About 1,000 troops are slated to leave next month, the ministry said.", "About 1,000", "decrease", "planned"),
    ("The 900 troops in Syria are likely to stay.", "900", "level", "planned"),
    ("The law caps the number of troops in Colombia at 800.", "800", "level", "planned"),
    ("About 4,000 troops are limited to training roles.", "About 4,000", "level", "actual"),
    # an object directed to be sent or to prepare, as a clause of its own or the parser's advcl
    ("The government approved a bill allowing 600 troops to be sent abroad.", "600", "level", "planned"),
    ("Pentagon orders 1,500 troops to prepare for deployment to the Middle East", "1,500", "level", "planned"),
    ("The Pentagon ordered 1,500 troops to prepare for deployment.", "1,500", "level", "planned"),
    # ...and so is the subject of the order in the passive
    ("About 1,500 troops have been ordered to deploy to the Middle East.", "About 1,500", "level", "planned"),
    ("About 1,500 troops have been ordered to the Middle East.", "About 1,500", "level", "actual"),
    # on the way is not there yet; moving about or arriving is
    ("Some 2,000 more troops are headed to the region, officials said.", "Some 2,000", "increase", "planned"),
    ("Some 2,000 troops are heading to the region.", "Some 2,000", "level", "planned"),
    ("About 3,000 troops are on their way to Poland.", "About 3,000", "level", "planned"),
    ("The carrier, with a crew of about 3,000 sailors on board, is on its way to the gulf.", "about 3,000", "level",
     "planned"),
    ("The general, who commanded 3,000 troops in Iraq, is on his way to Kabul.", "3,000", "level", "actual"),
    ("The 8,600 Marines moving to Guam belong to the III Expeditionary Force.", "8,600", "level", "planned"),
    ("Some 2,000 troops are moving around the capital.", "Some 2,000", "level", "actual"),
    ("Fifty of the soldiers are returning home.", "Fifty", "decrease", "actual"),
    ("The 600 soldiers bringing the garrison to 4,000 arrived on Monday.", "600", "level", "actual"),
    # what a plan is, in any tense, and what it does until done; not what it merely follows
    ("The target is 300,000 troops at high readiness.", "300,000", "level", "planned"),
    ("The planned force level is 900 personnel.", "900", "level", "planned"),
    ("The plan involves 3,000 troops from five countries.", "3,000", "level", "planned"),
    ("The decision raises the number of Irish soldiers in Lebanon to 440.", "440", "level", "planned"),
    ("The 2007 plan brought 30,000 troops to Iraq.", "30,000", "level", "actual"),
    ("The plan follows the deployment of 3,000 troops last year.", "3,000", "level", "actual"),
    # ...and so of a plan a relative pronoun or a shared subject stands for; a strategy or mandate is a plan
    ("The new strategy was unveiled on Monday and features 20,000 more troops.", "20,000", "increase", "planned"),
    ("Ministers debated the strategy, which features 20,000 more troops.", "20,000", "increase", "planned"),
    ("The strategy, which brought 30,000 more troops to Baghdad in 2007, worked.", "30,000", "increase", "actual"),
    ("The mission, which has a mandate for 12,000 troops, currently has 9,000.", "12,000", "level", "planned"),
    # ...and so is the force a plan is, and a field a plan noun names
    ("The goal is a force of 20,000 soldiers by 2030.", "20,000", "level", "planned"),
    ("Target strength: 20,000 troops", "20,000", "level", "planned"),
    # "with" and an infinitive: what is still to follow
    ("Some 1,000 soldiers were sent to the border, with 500 more to follow.", "500", "increase", "planned"),
    # the number as its own phrase's head takes its plan adjective; "supposed to" plans like "slated to"
    ("Only 1,200 soldiers arrived instead of the planned 3,000.", "3,000", "level", "planned"),
    ("About 2,000 soldiers were supposed to leave by May.", "About 2,000", "decrease", "planned"),
    # a participle of composition sizes its noun, whose clause says how sure
    ("Infantry, armour and artillery units totalling 4,000 soldiers will move to Poland.", "4,000", "level",
     "planned"),
    ("A brigade numbering 4,000 soldiers arrived in Poland.", "4,000", "level", "actual"),
    # "have yet to", "have to": still to come, unless past ("had to be evacuated")
    ("About 1,000 soldiers have yet to arrive.", "About 1,000", "level", "planned"),
    ("The 3,000 troops had to be evacuated last year.", "3,000", "level", "actual"),
    # what "be" states of a subject yet to be is planned
    ("The number of soldiers to remain in Iraq is 2,500.", "2,500", "level", "planned"),
    ("The number of soldiers remaining in Iraq is 2,500.", "2,500", "level", "actual"),
    # a subject takes its clause's status, with an owner as with an article; an owned object is the force there
    ("Norway's 600 soldiers in Lithuania will remain there until 2027.", "600", "level", "planned"),
    ("Norway's 600 soldiers in Lithuania patrol the border.", "600", "level", "actual"),
    ("Oslo will send medics to support its 600 soldiers in Lithuania.", "600", "level", "actual"),
    # ...but what a force is kept at is what its clause says it will be, as a subject's
    ("Paris will maintain its 3,000 troops in the Sahel until the elections.", "3,000", "level", "planned"),
    ("Paris maintains its 3,000 troops in the Sahel.", "3,000", "level", "actual"),
    # the force a change starts from, its object with a target or an amount, is a level that exists; a date is no
    # amount, and a force with its own determiner after "to" receives the change
    ("Rome will cut its 3,500 soldiers in Lebanon to 2,000.", "3,500", "level", "actual"),
    ("Rome will cut its 3,500 soldiers in Lebanon to 2,000.", "2,000", "level", "planned"),
    # ...and so is a whole a verb makes smaller without taking it away; "cut" or "withdraw" takes the troops
    ("Rome will halve its 3,500 soldiers in Lebanon.", "3,500", "level", "actual"),
    ("The 3,500-strong contingent in Lebanon will be reduced.", "3,500", "level", "actual"),
    ("Rome will withdraw its 3,500 soldiers from Lebanon.", "3,500", "decrease", "planned"),
    ("The 3,500 soldiers will reduce their patrols next month.", "3,500", "level", "planned"),
    ("The plan would shrink the 2,400-strong contingent by 900 soldiers.", "2,400", "level", "actual"),
    ("Paris will scale down its 4,100 troops in Chad to 1,000.", "4,100", "level", "actual"),
    ("Seoul will withdraw 1,500 troops by 2027.", "1,500", "decrease", "planned"),
    ("Pentagon trims Asia force by 9,000", "9,000", "decrease", "actual"),  # the amount is the figure itself
    # a pronoun subject of a level verb names the personnel last: the object counts them
    ("Pentagon trims Asia force by 9,000\n\nThe Pentagon said it would reduce the number of troops in Japan by "
     "about 9,000.", "about 9,000", "decrease", "planned"),
    ("Rome will add 400 troops to the 2,800 soldiers already in Lebanon.", "400", "increase", "planned"),
    # "out of" a place with no destination leaves; "out of" it to somewhere goes there, and a bare "out" may leave
    # home as well as the theatre
    ("Some 1,400 soldiers flew out of Bagram on Monday.", "Some 1,400", "decrease", "actual"),
    ("Some 1,400 soldiers flew out of Bagram to Cyprus on Monday.", "Some 1,400", "level", "actual"),
    ("The first 60 soldiers will fly out in May to prepare the camp.", "60", "level", "planned"),
    # a verb conjoined to the subject's with no subject of its own moves it too; what remains stays a level
    ("The last 250 Dutch soldiers lowered the flag and left Uruzgan.", "250", "decrease", "actual"),
    ("About 3,000 soldiers remain and will leave by June.", "About 3,000", "level", "actual"),
    # a figure that reinforces a force or a place, as its verb's subject or sent to do so, is the addition; not one
    # sent to raise security
    ("Some 700 Marines will reinforce the garrison.", "Some 700", "increase", "planned"),
    ("About 1,200 soldiers will be sent to reinforce the garrison.", "About 1,200", "increase", "planned"),
    ("Moscow sent 2,000 troops to bolster its forces in Syria.", "2,000", "increase", "actual"),
    ("Around 900 troops were sent to bolster security before the vote.", "Around 900", "level", "actual"),
    # an uplift (the British official word) is an increase, and announcing one plans it
    ("The minister announced an uplift of 250 personnel for the task force.", "250", "increase", "planned"),
    # disbanding a unit takes its people out of the force
    ("The Army will inactivate a brigade of 3,500 soldiers.", "3,500", "decrease", "planned"),
    ("The ministry disbanded a 2,000-strong regiment last year.", "2,000", "decrease", "actual"),
    # a word of planning for a change, as the predicate of the figure, names the change and plans it
    ("About 600 soldiers are slated for withdrawal this year.", "About 600", "decrease", "planned"),
    ("Some 450 marines are scheduled for deployment in June.", "Some 450", "level", "planned"),
    # "a total of" only writes the number: the clause moves what it counts
    ("A total of 1,200 soldiers withdrew from the valley.", "1,200", "decrease", "actual"),
    ("A total of 40,000 reservists were called up on Monday.", "40,000", "increase", "actual"),
    ("The navy will add a total of 900 sailors to the fleet.", "900", "increase", "planned"),
    # a gerund subject shares its clause's modality
    ("Keeping 20,000 soldiers in Kuwait would cost $4 billion a year.", "20,000", "level", "planned"),
    ("Keeping 20,000 soldiers in Kuwait cost $4 billion last year.", "20,000", "level", "actual"),
    # the force a plan verb wants is still to come, in any tense
    ("The 2019 review envisaged a standing force of 6,000 troops in the north.", "6,000", "level", "planned"),
    # a promise is a plan noun, as a pledge is
    ("Chile's promise of 700 peacekeepers was welcomed in New York.", "700", "level", "planned"),
    # a participle dated before now reports what was done, whatever the sentence plans
    ("The 400 troops sent last month will be joined by 300 more.", "400", "level", "actual"),
    # readiness is the phrase's own: a group "with" its standby is ready, the force beside it is there
    ("Some 1,200 soldiers have been deployed, with 400 more on standby.", "400", "increase", "planned"),
    ("About 3,000 troops are in Estonia, with a further 2,000 on standby in Britain.", "About 3,000", "level",
     "actual"),
    # what was done under a plan or agreement is done
    ("The 2008 agreement, under which 5,000 troops withdrew, ended the war.", "5,000", "decrease", "actual"),
    # a change a plan or agreement provides for is planned while the plan stands; what it did is done
    ("The accord provides for the withdrawal of 1,800 foreign troops from the region.", "1,800", "decrease",
     "planned"),
    ("The roadmap includes the deployment of 1,500 peacekeepers.", "1,500", "level", "planned"),
    ("The 2015 plan involved the withdrawal of 9,000 troops from Germany.", "9,000", "decrease", "actual"),
    # a ceiling raised or set is planned, in the passive as in the active
    ("The mission's troop ceiling was raised to 15,000 in 2016.", "15,000", "level", "planned"),
    ("The mission's authorised strength was raised to 15,000 in 2016.", "15,000", "level", "planned"),
    ("The Council raised the mission's mandated troop level to 15,000.", "15,000", "level", "planned"),
    # "more" that "will follow" a change is more of that change
    ("About 5,000 troops have been withdrawn so far, and 2,000 more will follow.", "2,000", "decrease", "planned"),
    ("About 1,000 troops arrived on Monday, and 500 more will follow.", "500", "increase", "planned"),
    # a sentence whose verb the parse reads as a participle on the figure's noun still says they left
    ("The last 1,500 troops left at the end of the month.", "1,500", "decrease", "actual"),
    ("The 500 troops left in Iraq guard the embassy.", "500", "level", "actual"),
    # a force a figure sizes through "of" leaves as a batch does
    ("The CSTO force of about 2,000 began withdrawing on January 13.", "about 2,000", "decrease", "actual"),
    ("A force of 3,000 will withdraw from the border next month.", "3,000", "decrease", "planned"),
    ("A contingent of 450 Italian soldiers is based in Herat.", "450", "level", "actual"),
    # reservists released or discharged leave the force
    ("About 8,000 reservists were released from duty this week.", "About 8,000", "decrease", "actual"),
    # a clause of time on a future, or an open question, tells what is to come in the present tense
    ("Once the 1,200 troops arrive, the brigade will be complete.", "1,200", "level", "planned"),
    ("After the 1,200 troops arrived, the brigade was complete.", "1,200", "level", "actual"),
    ("When the last 500 soldiers leave in June, the base will close.", "500", "decrease", "planned"),
    ("Whether Seoul sends 500 troops depends on parliament.", "500", "level", "planned"),
    # an aim is a plan noun, as a goal is
    ("The aim: 3,000 more troops by the end of the year.", "3,000", "increase", "planned"),
    # a change put off or stopped is not done yet
    ("The court halted the deployment of 1,000 police officers to Haiti.", "1,000", "level", "planned"),
    ("The deployment of 2,000 troops to the border was postponed.", "2,000", "level", "planned"),
    ("The pullout of 1,200 peacekeepers from the south has been delayed.", "1,200", "decrease", "planned"),
    # a relocation the subject is due takes it away from where it is, as an active one does
    ("Some 3,000 Marines are to be relocated from Okinawa to Guam.", "Some 3,000", "decrease", "planned"),
    ("About 2,000 of the 9,000 soldiers in Niger are to be relocated to Chad.", "About 2,000", "decrease",
     "planned"),
    # a field's name reads as a clause would: a plan word plans its number, a change word names a change
    ("Operation Northern Gate\nTroop ceiling: 2,400\nAircraft: 6", "2,400", "level", "planned"),
    ("Operation Northern Gate\nPlanned strength (2026): 3,000\nAircraft: 6", "3,000", "level", "planned"),
    ("Operation Northern Gate\nAdditional troops pledged: 500\nAircraft: 6", "500", "increase", "planned"),
    ("Operation Northern Gate\nTroops withdrawn (2024): 700\nAircraft: 6", "700", "decrease", "actual"),
    ("Operation Northern Gate\nReduced strength (2024): 700\nAircraft: 6", "700", "level", "actual"),
    ("Reinforcements (since May): about 600", "about 600", "increase", "actual"),
    ("Drawdown (2025): 1,200 troops", "1,200", "decrease", "actual"),
    # a relative clause says what the force does, wherever the parse hangs it (here on the number)
    ("Commanders have talked about a force of 5,000 to 6,000 that would stay in the region into next year.",
     "5,000 to 6,000", "level", "planned"),
    # "up to" on what a force has or keeps, in the indicative, is an estimate of what is, not a ceiling
    ("Analysts say Russia has up to 90,000 troops massed near the border.", "up to 90,000", "level", "actual"),
    ("Turkey keeps up to 3,000 troops in northern Iraq.", "up to 3,000", "level", "actual"),
    ("Russia is estimated to have up to 1,500 soldiers in Mali.", "up to 1,500", "level", "actual"),
    ("Pyongyang may have sent up to 8,000 soldiers to the front.", "up to 8,000", "level", "actual"),
    ("Washington maintains up to 900 troops in Syria, according to the Pentagon.", "up to 900", "level", "actual"),
    ("Operation Serval (2013-2014) involved up to 4,000 French soldiers.", "up to 4,000", "level", "actual"),
    ("The operation comprised up to 3,500 troops at its peak.", "up to 3,500", "level", "actual"),
    # ...and so is what was sent or massed: done, unlike what is to be sent
    ("Moscow has deployed up to 4,000 soldiers to the border region.", "up to 4,000", "level", "actual"),
    ("Moscow sent up to 4,000 soldiers to the border region in March.", "up to 4,000", "level", "actual"),
    ("Moscow will deploy up to 4,000 soldiers to the border region.", "up to 4,000", "level", "planned"),
    ("The mandate includes up to 5,000 troops.", "up to 5,000", "level", "planned"),
    # ...but what a verb lets or orders is a ceiling, in any tense
    ("No more than 1,000 troops are allowed in the zone under the accord.", "No more than 1,000", "level",
     "planned"),
    ("Up to 600 soldiers are permitted on the island.", "Up to 600", "level", "planned"),
    # a negated "exceed" sets a ceiling, not a negation
    ("Under the accord the garrison shall not exceed 2,500 soldiers.", "2,500", "level", "planned"),
    ("The garrison did not exceed 2,500 soldiers in 2019.", "2,500", "level", "actual"),
    # a plan nearer the figure than the negation wins: what was not sent was promised
    ("Britain has not sent the 600 soldiers it promised.", "600", "level", "planned"),
    ("His promise of 10,000 more soldiers was never kept.", "10,000", "increase", "planned"),
    # a promised force that has since done something is there; one still to do something is not
    ("The 2,000 troops promised in May arrived in September.", "2,000", "level", "actual"),
    ("About 800 reservists scheduled to deploy in June received their orders.", "About 800", "level", "planned"),
    # ...whether the plan word comes before the number or after it, and in the perfect or the passive too;
    # not where the verb only approves the plan or says it never happened
    ("The pledged 800 peacekeepers landed in Mogadishu on Friday.", "800", "level", "actual"),
    ("The promised 1,000 troops have arrived in Tallinn.", "1,000", "level", "actual"),
    ("The planned 4,000 soldiers were deployed to Kuwait in March.", "4,000", "level", "actual"),
    ("The promised 1,000 troops never arrived in Tallinn.", "1,000", "level", "planned"),
    # ...and so has one a relative clause plans for later ("who will rotate out"), its main clause governing
    ("The 800 soldiers, who will rotate out in May, arrived in Tapa last year.", "800", "level", "actual"),
    ("The 800 soldiers that Berlin plans to deploy will be based in Tapa.", "800", "level", "planned"),
    ("The first rotation of 300 soldiers, which will replace the Dutch unit, landed in Vilnius.", "300", "level",
     "actual"),
    ("The pledged 800 peacekeepers were approved by the council.", "800", "level", "planned"),
    # a present that its clause dates to come is a plan; a state that lasts until then is now
    ("About 700 Dutch troops arrive in Lithuania next month.", "About 700", "level", "planned"),
    ("About 700 Dutch troops are leaving Lithuania in the coming weeks.", "About 700", "decrease", "planned"),
    ("About 700 Dutch troops are in Lithuania until next year.", "About 700", "level", "actual"),
    ("About 700 Dutch troops exercise in Lithuania until next month.", "About 700", "level", "actual"),
    ("About 700 Dutch troops arrive in Lithuania every spring.", "About 700", "level", "actual"),
    # ...and so is the size a change under way leads to
    ("The regular army is being reduced to 72,500.", "72,500", "level", "planned"),
    # a call-up under way is announced, not done, as "is sending" is
    ("Seoul is calling up 50,000 reservists for the drills.", "50,000", "increase", "planned"),
    ("Seoul is mobilising 50,000 reservists for the drills.", "50,000", "increase", "planned"),
    ("Seoul has called up 50,000 reservists for the drills.", "50,000", "increase", "actual"),
    # what is under consideration is still weighed, in any tense
    ("A deployment of 1,200 marines to the island is under consideration.", "1,200", "level", "planned"),
    ("Sending 300 more instructors was under discussion in Brussels.", "300", "increase", "planned"),
    # a particle makes a plan verb another verb: what was set up is there
    ("The battlegroup was set up in 2017 with 1,200 troops.", "1,200", "level", "actual"),
    # what a ship carries is as sure as the clause the ship is in
    ("It will be joined by another ship carrying 150 sailors next month.", "150", "level", "planned"),
    # an elided figure's borrowed noun does not make the total it leads to an addition
    ("The extra soldiers will join them, bringing the total to 1,200.", "1,200", "level", "planned"),
    # a clause in brackets is an aside, not what the plan it hangs on holds
    ("Estonia plans a division of about 10,000 troops by 2026 (it has 7,000 now).", "7,000", "level", "actual"),
    ("NATO expects that 4,000 troops (the alliance has 2,000 there now) will be needed.", "2,000", "level", "actual"),
]


@pytest.mark.parametrize("text, figure, kind, status", ROWS, ids=lambda v: str(v)[:40])
def test_kind_and_status(troop_figures, text, figure, kind, status):
    figures = troop_figures(text)
    assert figure in figures, sorted(figures)
    assert (figures[figure].kind, figures[figure].status) == (kind, status)


def test_items_of_a_planned_figures_list_are_planned(nlp):
    text = ("The council set an authorised ceiling of 11,650 military personnel, including 480 military "
            "observers and 2,080 police personnel.")
    figures = {t.text: t.status for t in nlp(text)._.natoiraq.troops}
    assert figures == {"11,650": "planned", "480": "planned", "2,080": "planned"}


def test_a_headline_figure_takes_its_ledes_kind_and_status(nlp):
    text = ("300 more troops for Estonia\n\nA further 300 British troops will be sent to Estonia next "
            "month.")
    figures = [(t.text, t.kind, t.status, t.location) for t in nlp(text)._.natoiraq.troops]
    assert figures[0] == ("300", "increase", "planned", "Estonia")


def test_a_headline_figure_takes_its_ledes_status_where_the_lede_names_no_force(nlp):
    text = "1,000 more Marines to Darwin\n\nThe Marine rotation in Darwin will grow by 1,000 next year, officials said."
    figures = [(t.text, t.kind, t.status) for t in nlp(text)._.natoiraq.troops]
    assert figures[0] == ("1,000", "increase", "planned")


def test_up_to_governs_every_item_of_its_list(nlp):
    text = ("The mandate runs until June, with up to 12,000 military personnel, 500 military observers and "
            "900 police personnel. It will add up to 1,000 troops and 70 vehicles to the 8,000 troops there.")
    figures = {t.text: (t.qualifier, t.status) for t in nlp(text)._.natoiraq.troops}
    assert figures["500"] == figures["900"] == ("up_to", "planned")
    assert figures["8,000"][0] == "exact"


def test_already_on_an_elided_figure_settles_it(nlp):
    text = "Kenya has 2,500 police officers in Haiti. The force will grow to boost the 2,500 already deployed."
    figures = [(t.kind, t.status) for t in nlp(text)._.natoiraq.troops]
    assert figures[-1] == ("level", "actual")
