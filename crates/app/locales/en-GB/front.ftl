## The front door (home and area pages), the grouped menu, "Your work" and the admin home.

nav-my-neighbourhood = My neighbourhood
nav-work = Your work
nav-menu = Menu
nav-group-neighbourhood = Around here
nav-group-decide = Decide together
nav-group-map = What we have
nav-group-you = You
nav-projects = Community projects
nav-skills-game = Skills game
nav-admin = Site settings
nav-verify = Use an invitation code

front-your-neighbourhood = What is happening where you live now.
front-area-page = Everything about { $area }
front-see-all-areas = All areas
front-area-links = Find your way in { $area }
front-link-reports = Reported problems
front-link-help = Offers and asks
front-link-budgets = Budgets
front-link-assets = Asset map
front-link-conversations = Conversations
front-see-all-representatives = All representatives
front-votes = Votes and budgets
front-votes-none = No budget is open for votes or ideas here now.
front-vote-open = voting is open
front-ideas-open = taking ideas
front-see-all-budgets = All budgets
front-events = Coming events
front-events-none = No events are planned here yet.
front-see-all-events = All events
front-reports = Newest reports
front-reports-none = Nobody has reported a problem here yet.
front-see-all-reports = All reports
front-asks = Neighbours asking for help
front-asks-none = Nobody is asking for help here now.
front-see-all-asks = All open asks
front-conversations = Conversations
front-conversations-none = No conversations here yet.
front-replies = { $count ->
    [one] { $count } reply
   *[other] { $count } replies
}
front-see-all-conversations = All conversations
front-juries = Juries looking for volunteers
front-juries-none = No jury is looking for volunteers here now.
front-jury-closes = volunteer by { $date }
front-see-all-juries = All juries
front-do = What you can do
front-do-report = Report a problem
front-do-ask = Ask for help
front-do-offer = Offer help
front-do-conversation = Start a conversation
front-do-story = Tell a story about a service
front-do-representative = Ask a representative
front-do-event = Hold an event
front-do-asset = Add to the asset map
front-do-alerts = Get alerts

work-title = Your work
work-intro = Everything waiting for you, with a way to each queue.
work-no-roles = You have no role with work waiting yet. Officials, connectors and admins of an area, and officials of an organisation, see their queues here.
work-moderation = Moderation
work-flags = { $count ->
    [one] flagged item to look at
   *[other] flagged items to look at
}
work-stories-to-moderate = { $count ->
    [one] story waiting to be published
   *[other] stories waiting to be published
}
work-organisations = Your organisations
work-reports-waiting = { $count ->
    [one] report waiting for an answer
   *[other] reports waiting for an answer
}
work-stories-to-answer = { $count ->
    [one] published story without your answer
   *[other] published stories without your answer
}
work-residents = Residents waiting to be verified
work-residents-none = Nobody is waiting to be verified.
work-proposals = Budget proposals to review
work-proposals-none = No proposal is waiting for a review.
work-juries = Juries to draw
work-juries-none = No jury is waiting for its draw.
work-exercises = Network mapping under way
work-exercises-none = No mapping exercise is open.
work-resident-waiting-notice = A resident of { $area } is waiting to be verified.
work-report-arrived-notice = A new report for your organisation: { $title }

admin-title = Site settings
admin-intro = Everything an administrator sets up, in one place.
admin-public-url = The site's address
admin-public-url-now = Links in emails, feeds, share boxes and the widget use { $url }
admin-public-url-warning = The site's public address (public_url) is not an https address, so links people receive may not work or may not be private.
admin-public-url-how = Set public_url in squaremile.toml or SQUAREMILE_PUBLIC_URL to the https address people use, then restart.
admin-public-url-ok = The address is an https address.
admin-places = Places and people
admin-areas = Areas and their roles
admin-area-new = Add an area
admin-organisations = Organisations
admin-representatives = Representatives
admin-reports = Reports
admin-categories = Categories and routing
admin-api-keys = Open311 API keys
admin-library = Libraries
admin-skills = Skill cards
admin-methods = Methods
admin-budget-import = Import a budget (Pabulib)
admin-moderation = Moderation
admin-flags = Flagged items
admin-stories = Stories to publish
