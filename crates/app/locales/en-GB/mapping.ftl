## Network mapping: exercises, the questionnaire, the map, insights, rounds and exports.

mapping-title = Network maps
mapping-intro = A network map shows who works with whom in an area: the people and groups that make things happen, the connectors between them, and who is left out. It starts with a short questionnaire.
mapping-empty = No mapping exercises yet.
mapping-new = Start a mapping exercise
mapping-new-title = Start a network mapping exercise
mapping-new-round = Run this exercise again (a new round, to compare with this one)
mapping-new-round-of = A new round of { $slug }: the results will be compared with the earlier rounds.
mapping-create = Start the exercise
mapping-open = Taking answers
mapping-not-open = Not taking answers
mapping-invited = Who is invited:
mapping-counts = { $respondents } answered; { $named ->
        [one] { $named } person or organisation is
       *[other] { $named } people and organisations are
    } on the map.
mapping-visibility-public = The map is public.
mapping-visibility-respondents = The map is shown to the people who answered.
mapping-visibility-organisers = The map is shown to the organisers only.
mapping-see-map = See the map
mapping-see-insights = What the map shows, in plain words
mapping-see-compare = Compare the rounds
mapping-organise = Organise
mapping-invite-link = Share this link with the people and organisations you invite. Anyone with it can answer.
mapping-exports = Download the network:
mapping-export-nodes = people and organisations (CSV)
mapping-export-ties = ties (CSV)
mapping-exports-hint = GEXF opens in Gephi, GraphML in most network tools, the CSV files in Kumu and spreadsheets. People who did not agree to be named are shown as "Person" and a number in every download, and so are organisations that are not registered on this site and did not agree, as "Organisation" and a number. Downloads are the same whatever language you read this site in, so these names, the kinds and the skill cards are in English in them.
mapping-close = Stop taking answers
mapping-default-relationships =
    We work together
    We share information
    We fund or support them
field-mapping-title = Title
field-mapping-area = Area
field-mapping-area-hint = Areas where you are a connector, an official or an administrator.
field-mapping-area-invalid = Choose one of the areas where you can organise network mapping.
field-mapping-purpose = Why you are mapping the network
field-mapping-invited = Who is invited
field-mapping-invited-hint = For example: everyone who runs a group, club or service in Riverside.
field-opens-on = Answers open on
field-answers-close-on = Answers close on
field-closes-before-opens = The closing date must be on or after the opening date.
field-relationship-types = The relationships you ask about
field-relationship-types-hint = One per line, up to 12.
field-relationship-types-invalid = Give between 1 and 12 relationships, one per line, each up to 60 characters.
field-visibility = Who sees the map
field-visibility-invalid = Choose who sees the map.

mapping-answer-intro = This takes a few minutes. Tell us who you are, who you work with, and what you could share. Only organisers see the names of people, and of groups not registered on this site, who do not agree to appear on the map.
mapping-about-you = About you
field-mapping-kind = Person or organisation
field-mapping-kind-invalid = Choose person or organisation.
mapping-kind-person = A person
mapping-kind-organisation = An organisation or group
field-mapping-name = Your name, or your organisation's
field-mapping-name-hint = As others would know it.
field-mapping-email-hint = Optional. Only the organisers see it, to follow up introductions.
field-mapping-your-area = Where you live or work
field-mapping-no-area = Not in the list
field-mapping-consent = My name may appear on the map
field-mapping-consent-hint = If not, you are shown as "Person" (or "Organisation") and a number to everyone but the organisers. Organisations registered on this site are always named.
field-mapping-already-answered = Someone has already answered under this name. If it was not you, add something to tell you apart (for example your street).
mapping-who = Who you work with
mapping-who-hint = Up to six people or organisations. Start typing to pick a name already on the map, so one person is not counted twice. Leave rows you do not need empty.
mapping-tie-heading = Connection { $number }
field-tie-name = Name
field-tie-kind = They are
field-tie-relationship = How you are connected
field-tie-often = How often
field-tie-about = On what (optional)
field-tie-is-new = "{ $name }" is someone new, not one of the names suggested
field-tie-incomplete = Complete the row for { $name }: choose how you are connected and how often.
field-tie-did-you-mean = Did you mean { $names }? Type the name as shown to choose it, or tick the box if "{ $typed }" is someone new.
mapping-often-weekly = Every week
mapping-often-monthly = Every month
mapping-often-yearly = A few times a year
mapping-share = What you could share, and what you need
field-mapping-cards = Which of these could you share?
field-mapping-cards-hint = Open a group to see its skill cards, and tick as many as you like.
field-mapping-skills-other = Other skills and resources you could share
field-mapping-needs = Help you are looking for
field-mapping-interests = What you care about
field-list-hint = Separate items with commas, for example: cooking, grant forms, a van.
mapping-answer-submit = Send my answers
mapping-thanks-title = Thank you
mapping-thanks-body = Your answers to { $title } are on the map.

mapping-map-title = Map: { $title }
mapping-filter-kind = Show
mapping-everyone = Everyone
mapping-filter-area = Area
mapping-all-areas = All areas
mapping-filter-tie = Relationship
mapping-all-ties = All relationships
mapping-colour-by = Colour by
mapping-colour-cluster = Cluster
mapping-colour-kind = Person or organisation
mapping-colour-area = Area
mapping-size-by = Size by
mapping-size-ties = Ties
mapping-size-betweenness = Connecting role (betweenness)
mapping-size-eigenvector = Well-connected contacts (eigenvector)
mapping-show = Show
mapping-skip-to-table = Skip to the table of the same data
mapping-map-hint = Point at a circle to see who it is. With JavaScript, scroll to zoom and drag to move.
# The map's zoom buttons (added by its script), for screen readers.
mapping-zoom-in = Zoom in
mapping-zoom-out = Zoom out
mapping-zoom-reset = Reset the view
# Names for those who did not agree to be named, numbered in the order they joined the map.
mapping-pseudonym-person = Person { $number }
mapping-pseudonym-organisation = Organisation { $number }
mapping-table-caption = Everyone on the map, most connected first
mapping-name = Name
mapping-cluster = Cluster
mapping-organiser-names = You see everyone's name because you organise this exercise. Everyone else sees people who did not agree to be named as "Person" and a number, and organisations not registered on this site that did not agree as "Organisation" and a number.

mapping-insights-title = What the map shows: { $title }
mapping-headline = { $nodes ->
        [one] { $nodes } person or organisation
       *[other] { $nodes } people and organisations
    } with { $ties ->
        [one] { $ties } tie
       *[other] { $ties } ties
    } between them, in { $clusters ->
        [one] { $clusters } cluster
       *[other] { $clusters } clusters
    }; { $isolated ->
        [one] { $isolated } has
       *[other] { $isolated } have
    } no tie yet; on average two connected people are { $distance } steps apart.
mapping-connectors = Connectors
mapping-connectors-hint = The people and groups who sit on the most paths between others (highest betweenness). They hold the network together; support them, and do not overload them.
mapping-brokers = Brokers
mapping-brokers-hint = Those whose contacts do not know each other (lowest constraint): they bring together people who would otherwise never meet.
mapping-clusters = Clusters
mapping-in-common = What they have in common:
mapping-isolated = Not yet connected
mapping-isolated-hint = Named or answering, but with no tie to anyone else on the map.
mapping-no-isolated = Everyone on the map has at least one tie.
mapping-fragile = Fragile links
mapping-fragile-hint = If one of these people stepped back, or one of these ties broke, part of the network would be cut off.
mapping-fragile-people = People who alone connect parts of the network:
mapping-no-fragile = No single person or tie holds parts of the network together.
mapping-introductions = Introductions to make
mapping-introductions-hint = Pairs who are not yet connected but should meet, with the reason.
mapping-and = and
mapping-introduced = Introduced
mapping-mark-introduced = Mark as introduced
mapping-none-yet = None yet.

mapping-compare-title = Rounds of { $title }
mapping-compare-intro = Each round repeats the questionnaire. If weaving works, density rises, the number of isolated people falls, and people are fewer steps apart.
mapping-density-chart = Density of the network in each round
mapping-rounds = The rounds
mapping-round = Round
mapping-dates = Dates
mapping-nodes = People and organisations
mapping-ties = Ties
mapping-density = Density
mapping-average-distance = Average steps apart

notice-mapping-created = The exercise has started. Share the link to invite people to answer.
notice-mapping-closed = The exercise no longer takes answers.
notice-mapping-introduced = The introduction has been marked as made.
error-mapping-invitation = This questionnaire link is not valid. Ask the organiser for the link.
error-mapping-closed = This questionnaire is not taking answers.
error-mapping-map-hidden = This map is shown only to the people who answered, or only to its organisers.

mapping-invite-by-email = Invite people by email
mapping-invite-title = Invite people to answer: { $title }
field-invite-emails = Email addresses
field-invite-emails-hint = One per line, or separated by commas; up to 500. Each gets the questionnaire link; the addresses are not kept.
field-invite-email-invalid = "{ $address }" is not an email address. Nothing was sent.
field-invite-emails-missing = Enter at least one email address.
field-invite-too-many = Send at most 500 invitations at once.
mapping-invite-send = Send the invitations
notice-mapping-invited = The invitations are on their way.
mapping-invite-email-subject = Who do you work with? { $title }
mapping-invite-email-body =
    Hello,

    You are invited to answer a short questionnaire: { $title }.
    { $purpose }

    It takes a few minutes, and answers are taken until { $closes }:
    { $link }

    Thank you.
# Words the drawn map writes itself. Keep the %names% as they are: the map fills them in.
mapping-svg-colour = Colour
mapping-svg-size = Size
# The legend's last line: the groups beyond its eight colours, counted.
mapping-svg-other-groups = { $count ->
        [one] { $count } other group
       *[other] { $count } other groups
    }
# The legend's names of the two kinds, when the map is coloured by kind.
mapping-svg-kind-person = People
mapping-svg-kind-organisation = Organisations and groups
mapping-svg-description = A network of { $nodes ->
        [one] { $nodes } node
       *[other] { $nodes } nodes
    } and { $ties ->
        [one] { $ties } tie
       *[other] { $ties } ties
    } in { $groups ->
        [one] { $groups } group
       *[other] { $groups } groups
    } by %group_title%. Node size shows %size_title%; the largest: %largest%.
# Why two people should meet, in parts joined by "; ".
mapping-reason-both-know = both know { $names }
mapping-reason-common-contacts = they have { $count ->
        [one] { $count } contact
       *[other] { $count } contacts
    } in common
mapping-reason-both-care = both care about { $items }
mapping-reason-can-help = one can help the other with { $items }
mapping-reason-bridges = it would link two clusters
mapping-reason-welcome = the first has no ties on this map yet; the second is tied to { $count ->
        [one] { $count } person
       *[other] { $count } people
    } and can introduce them around
mapping-reason = { $parts }.
mapping-list-and = { $rest } and { $last }
