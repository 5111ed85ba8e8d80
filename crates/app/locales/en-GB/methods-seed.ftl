### The twelve recipes every methods library starts with (methods/seed.rs), one message per
### field, shown instead of the stored text while a method is still its seed. Written for
### Square Mile and published under CC BY-SA 4.0. Steps: one per line.

# The attribution of the twelve recipes (method-by: "By …").
seed-author = Square Mile contributors

## The skills game

seed-skills-game-title = The skills game
seed-skills-game-summary = Tables of neighbours go through a deck of skill cards and find out how much their street can already do.
seed-skills-game-purpose = To show a group how many skills it already holds, and which ones nobody nearby has, so that asks and offers start from strengths.
seed-skills-game-when-to-use = At the start of a project, at a street party or a community meeting, whenever people say "there is nothing here".
seed-skills-game-group-size = 4 to 8 people per table; any number of tables
seed-skills-game-duration = 45 to 60 minutes
seed-skills-game-materials = A deck of skill cards for each table (or one phone or tablet per table with Square Mile's skills game), pens, a results sheet
seed-skills-game-steps =
    Seat people in tables of four to eight, mixing people who do not know each other.
    Read out the rules: for each card, the table says "we can do it", "a friend can" or "nobody we know".
    Deal the cards in their groups; one person reads each card aloud and records the answer.
    Keep it quick: a card takes seconds, not a discussion.
    When the deck is done, count each table's coverage and share it aloud.
    Pool the tables and read out the gaps: the cards nobody covers.
    Ask each table to turn one gap into an ask for help.
seed-skills-game-tips = Have a host per table who keeps the pace. Celebrate the surprising skills out loud; that is what people remember.
seed-skills-game-variations = Play with organisations instead of people; play twice a year apart to see how coverage grows.
seed-skills-game-tags = assets, skills, icebreaker, games

## Network mapping questionnaire

seed-network-mapping-questionnaire-title = Network mapping questionnaire
seed-network-mapping-questionnaire-summary = A short questionnaire on who people go to, and for what, drawn as a map of the community's ties.
seed-network-mapping-questionnaire-purpose = To see who connects whom, which groups are cut off, and whom to introduce to whom.
seed-network-mapping-questionnaire-when-to-use = Before and after a project, to see whether a neighbourhood has become better woven.
seed-network-mapping-questionnaire-group-size = 20 to 500 people
seed-network-mapping-questionnaire-duration = 10 minutes per person; a workshop of 90 minutes to read the map
seed-network-mapping-questionnaire-materials = Square Mile's network mapping exercise, or paper questionnaires typed in afterwards
seed-network-mapping-questionnaire-steps =
    Agree the questions: who do you go to for advice, for help, to get things done?
    Ask people's consent to be named on the map; everyone else appears under a pseudonym.
    Share the link or hand out the paper, and remind people twice.
    Close the round and look at the map together: the hubs, the bridges and the isolated.
    Choose a few introductions worth making, and make them.
    Run a second round a year later and compare.
seed-network-mapping-questionnaire-tips = Keep the questionnaire to five questions. Do not publish a map that names people who did not agree to it.
seed-network-mapping-questionnaire-variations = Map organisations instead of people; map one street only, on a big sheet of paper.
seed-network-mapping-questionnaire-tags = networks, mapping, evaluation

## Asset walk

seed-asset-walk-title = Asset walk
seed-asset-walk-summary = A slow walk around the neighbourhood noting what is already there: spaces, groups, people, places to meet.
seed-asset-walk-purpose = To see the area with fresh eyes and record the assets a plan can build on.
seed-asset-walk-when-to-use = When a group starts out, or when newcomers join an existing group.
seed-asset-walk-group-size = 6 to 15 people per walk
seed-asset-walk-duration = 1 to 2 hours
seed-asset-walk-materials = A map of the route, clipboards or phones, a camera, comfortable shoes
seed-asset-walk-steps =
    Plan a route of about two kilometres that passes both busy and forgotten places.
    Give each walker something to look for: places to meet, green spaces, shops, notices, people.
    Walk slowly and stop often; talk to the people you meet.
    Note every asset with where it is and who looks after it.
    End somewhere with tea and put the notes on one map.
    Add the assets to the area's asset map.
seed-asset-walk-tips = Check the route is accessible for everyone coming. Ask permission before photographing people.
seed-asset-walk-variations = A night walk to check lighting and safety; a walk led by children.
seed-asset-walk-tags = assets, walking, places

## Community conversation

seed-community-conversation-title = Community conversation
seed-community-conversation-summary = A hosted conversation in small groups about a question that matters locally, ending in what people will do next.
seed-community-conversation-purpose = To hear many voices on one question and find shared ground and willing hands.
seed-community-conversation-when-to-use = When a decision or a problem affects many people and nobody has asked them yet.
seed-community-conversation-group-size = 10 to 100 people, in groups of 5 to 8
seed-community-conversation-duration = 2 hours
seed-community-conversation-materials = Tables, a host per table, a clear question on each table, cards for notes, refreshments
seed-community-conversation-steps =
    Choose one open question, for example "what would make our park feel safe?".
    Welcome people and explain how their words will be used.
    In small groups, each person speaks once without interruption, then the group talks freely.
    Each group writes its three strongest points on cards.
    Share the cards with everyone and group them together.
    Ask who will do something about each one, and write the names down.
    Publish what was said, and follow up within a month.
seed-community-conversation-tips = A host's job is to make space, not to speak. Offer interpreters and childcare if you can.
seed-community-conversation-variations = Hold it online; hold it in several places on the same evening and combine the results.
seed-community-conversation-tags = conversation, engagement, deliberation

## Open space

seed-open-space-title = Open space
seed-open-space-summary = A meeting with no set agenda: participants propose the sessions, and everyone goes where they can learn or give the most.
seed-open-space-purpose = To let a large group organise itself around what it cares about most.
seed-open-space-when-to-use = When a topic is complex, people care, and nobody knows the answer.
seed-open-space-group-size = 20 to 500 people
seed-open-space-duration = Half a day to three days
seed-open-space-materials = A big empty wall with a timetable grid, sticky notes, markers, rooms or corners for sessions
seed-open-space-steps =
    Sit everyone in a circle and state the theme.
    Explain the principles: whoever comes are the right people, and when it is over it is over.
    Anyone who cares about something writes it on a sheet, says it aloud and puts it on the timetable.
    People sign up for the sessions they want and move freely between them.
    Each session's host writes a short report-back.
    Close in the circle: what did we learn, what happens next?
seed-open-space-tips = Resist the urge to fill the agenda in advance. The law of two feet applies to organisers too.
seed-open-space-variations = Run a short open space in 90 minutes at the end of a larger event.
seed-open-space-tags = open space, self-organising, events

## World café

seed-world-cafe-title = World café
seed-world-cafe-summary = Rounds of conversation at café tables, where people move between tables and ideas travel with them.
seed-world-cafe-purpose = To connect ideas across a large group and discover what everyone is thinking.
seed-world-cafe-when-to-use = When you want many people to explore a few questions together rather than hear speakers.
seed-world-cafe-group-size = 12 to 200 people, four or five at a table
seed-world-cafe-duration = 90 minutes to 3 hours
seed-world-cafe-materials = Small tables with paper tablecloths, markers, a host per table, three prepared questions
seed-world-cafe-steps =
    Set up the room like a café, with four or five chairs per table.
    Pose the first question; tables talk for 20 minutes and draw on the tablecloths.
    Everyone except the host moves to a new table.
    The host sums up what was said before; the new group builds on it.
    Repeat with the second and third questions.
    Finish with a harvest: each table shares its main insight with the room.
seed-world-cafe-tips = Questions that begin with "what" and "how" work better than yes-or-no questions.
seed-world-cafe-variations = Use one question for all rounds to go deeper rather than wider.
seed-world-cafe-tags = conversation, deliberation, events

## Citizens' jury

seed-citizens-jury-title = Citizens' jury
seed-citizens-jury-summary = A small group chosen by lot to look like the area hears evidence, deliberates and recommends.
seed-citizens-jury-purpose = To reach a fair, informed recommendation on a hard question that elected bodies will answer.
seed-citizens-jury-when-to-use = When a decision is contested, trade-offs are real, and there is time to do it properly.
seed-citizens-jury-group-size = 12 to 50 jurors
seed-citizens-jury-duration = Several days over a few weeks
seed-citizens-jury-materials = An invitation letter, a selection by stratified lottery (Square Mile's jury module), a venue, expert witnesses, facilitators, payment for jurors
seed-citizens-jury-steps =
    Agree the question and a commitment from the decision-maker to respond.
    Send invitations at random; collect volunteers with their answers on age, area and other features.
    Draw the jury with quotas so it looks like the area, and publish how the draw was made.
    Hold learning sessions with witnesses chosen to cover all sides.
    Deliberate in small groups with skilled facilitators.
    Write recommendations in the jurors' own words and vote on each.
    Publish the report and the decision-maker's response.
seed-citizens-jury-tips = Pay jurors and cover care and travel costs, or only some people will be able to take part.
seed-citizens-jury-variations = A citizens' assembly of 50 to 150 people; a one-day mini-public.
seed-citizens-jury-tags = sortition, deliberation, decisions

## Participatory budgeting

seed-participatory-budgeting-title = Participatory budgeting
seed-participatory-budgeting-summary = Residents propose projects and vote on how part of a budget is spent.
seed-participatory-budgeting-purpose = To hand real spending decisions to the people affected and build trust in public money.
seed-participatory-budgeting-when-to-use = When a council, a fund or a housing association has money it is willing to let residents decide.
seed-participatory-budgeting-group-size = From a street to a city
seed-participatory-budgeting-duration = Three to nine months for a full cycle
seed-participatory-budgeting-materials = A budget, clear rules, an online ballot (Square Mile's budgets module) and paper ballots, places to vote
seed-participatory-budgeting-steps =
    Agree the budget, the area, who may vote and how votes will be counted.
    Invite ideas from everyone, online and on paper, for several weeks.
    Have officials check each idea's feasibility and cost, giving public reasons for any rejection.
    Hold the vote, with a ballot that makes the rules clear.
    Count with a fair rule and publish the results with explanations for every project.
    Carry out the funded projects and report progress in public.
seed-participatory-budgeting-tips = Keep the first cycle small and well run; trust grows from projects that actually happen.
seed-participatory-budgeting-variations = Split the budget by district; use cumulative points or knapsack ballots.
seed-participatory-budgeting-tags = budgets, voting, decisions

## Walk and talk

seed-walk-and-talk-title = Walk and talk
seed-walk-and-talk-summary = Two or three people talk while they walk a route in the neighbourhood.
seed-walk-and-talk-purpose = To have an easier, more equal conversation than across a table, and to talk about places while seeing them.
seed-walk-and-talk-when-to-use = For one-to-one conversations, for meeting people who do not come to meetings, for sensitive topics.
seed-walk-and-talk-group-size = 2 to 3 people per walk
seed-walk-and-talk-duration = 30 to 60 minutes
seed-walk-and-talk-materials = A route, weather-appropriate clothing, a notebook for afterwards
seed-walk-and-talk-steps =
    Agree a route that suits everyone's pace and mobility.
    Start with an open question about the place you are walking through.
    Let the walk set the rhythm; silence is fine.
    Stop where something comes up and look at it together.
    At the end, agree what each person will do next.
    Write your notes down straight away.
seed-walk-and-talk-tips = Walking side by side makes it easier for shy people to talk.
seed-walk-and-talk-variations = A walk-and-talk between a resident and a councillor; a group walk with a guide.
seed-walk-and-talk-tags = walking, conversation, one-to-one

## Story circle

seed-story-circle-title = Story circle
seed-story-circle-summary = People sit in a circle and each tells a short true story on a shared theme while the others listen.
seed-story-circle-purpose = To build understanding across differences and surface experiences that numbers miss.
seed-story-circle-when-to-use = At the start of a project, when trust is low, or to gather experiences of a service.
seed-story-circle-group-size = 6 to 12 people per circle
seed-story-circle-duration = 60 to 90 minutes
seed-story-circle-materials = Chairs in a circle, a timer, a talking object
seed-story-circle-steps =
    Agree the ground rules: listen without interrupting, what is said here stays here.
    Give the theme, for example "a time someone in this neighbourhood helped you".
    Give everyone a minute of silence to choose a story.
    Go around the circle; each person has three minutes.
    After everyone has spoken, go around again with one thing each person heard.
    Ask, with consent, which stories may be shared beyond the circle.
seed-story-circle-tips = The facilitator tells a story too. Never push anyone to share.
seed-story-circle-variations = Record stories, with consent, for a story about a service or an exhibition.
seed-story-circle-tags = stories, listening, trust

## One-to-one conversations

seed-one-to-one-conversations-title = One-to-one conversations
seed-one-to-one-conversations-summary = Community organisers' relational meetings: half-hour conversations that discover what a person cares about and what they might do.
seed-one-to-one-conversations-purpose = To build relationships and find leaders and shared interests, one person at a time.
seed-one-to-one-conversations-when-to-use = All the time; especially when starting to organise in a new place.
seed-one-to-one-conversations-group-size = 2 people
seed-one-to-one-conversations-duration = 30 to 45 minutes
seed-one-to-one-conversations-materials = A quiet place, a cup of tea, a notebook for afterwards
seed-one-to-one-conversations-steps =
    Ask for a conversation and say why: you want to get to know them and what matters to them.
    Ask open questions about their story, their worries, their hopes for the area.
    Listen for self-interest: what would make them act?
    Share a little of your own story too.
    Ask whom else you should talk to.
    Agree a next step, even a small one, and follow it up.
seed-one-to-one-conversations-tips = It is a conversation, not a survey or a sales pitch. Aim for 20 a month.
seed-one-to-one-conversations-variations = Pair people up at a meeting for ten-minute versions.
seed-one-to-one-conversations-tags = organising, relationships, one-to-one, leadership

## Living lab

seed-living-lab-title = Living lab
seed-living-lab-summary = Residents, services and researchers try out a change in the real neighbourhood, learn from it and adapt it.
seed-living-lab-purpose = To test solutions with the people who will use them, before spending at scale.
seed-living-lab-when-to-use = When there is an idea worth trying and a group willing to try it for a few months.
seed-living-lab-group-size = 10 to 50 people over time
seed-living-lab-duration = Three to twelve months
seed-living-lab-materials = A small budget for prototypes, a place to meet, simple ways to measure change
seed-living-lab-steps =
    Agree the problem and what would count as success, with residents.
    Design a small, cheap trial together.
    Run it in the real neighbourhood for a few weeks.
    Collect what happened: numbers, stories and photos.
    Meet to decide: stop, change or grow.
    Run the next cycle, and publish what you learned, including failures.
seed-living-lab-tips = Start smaller than you think. Let residents change the design between cycles.
seed-living-lab-variations = A street lab that closes a road for play on Sundays; a lab inside a library.
seed-living-lab-tags = experiments, design, evaluation
