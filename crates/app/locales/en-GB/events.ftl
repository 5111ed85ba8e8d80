event-title = Events
event-intro = Gatherings in the neighbourhood: community conversations, open space, walk-and-talks, assemblies and skills games. Say you are coming so the organiser knows how many to expect.
event-new = Organise an event
event-edit = Change the event
event-filters = Filter events
event-show-past = Show past events
event-empty = No events here yet.
event-cancelled-tag = Cancelled
event-area-calendar = Events in { $area }
event-area-calendar-link = Subscribe to events in { $area } in your calendar app (iCalendar)
event-places-left = { $count ->
    [0] No places left
    [one] 1 place left
   *[other] { $count } places left
}
event-going-count = { $count ->
    [one] 1 person going
   *[other] { $count } people going
}
event-waiting-count = { $count ->
    [one] 1 person waiting
   *[other] { $count } people waiting
}
event-kind-conversation = Community conversation
event-kind-open-space = Open space
event-kind-walk-and-talk = Walk-and-talk
event-kind-assembly = Assembly
event-kind-skills-game = Skills game
event-kind-other = Other gathering
field-event-kind = Kind of event
field-event-kind-invalid = Choose a kind of event.
field-event-title = Title
field-event-description = What will happen
field-event-place = Place
field-event-place-hint = The address or the name of the place people know.
field-event-accessibility = Access
field-event-accessibility-hint = Step-free entrance, hearing loop, toilets, quiet room, what children can do: what people need to know before they come.
field-event-starts = Starts
field-event-ends = Ends
field-event-time-hint = Local time.
field-event-time-invalid = Enter a date and time.
field-event-ends-before-start = The end must be after the start.
field-event-in-the-past = The start is in the past.
field-event-capacity = Places
field-event-capacity-hint = Leave empty for no limit. When it is full, people can join a waiting list.
field-event-capacity-invalid = Enter a whole number of places from 1, or leave it empty.
field-event-capacity-below-going = More people are already going than that.
field-event-method = Method from the library
field-event-no-method = None
field-event-method-invalid = Choose a method from the library.
event-create = Publish the event
event-save = Save the changes
notice-event-created = Your event is published.
notice-event-changed = The event is changed. If the time moved, everyone going will be reminded again.
notice-event-cancelled = The event is cancelled and everyone who answered has been told.
event-is-cancelled = This event is cancelled.
event-when = When
event-organiser = Organiser
event-places = Places
event-add-to-calendar = Add to your calendar (iCalendar)
event-rsvp = Are you coming?
event-you-are-going = You are going. We will remind you by email the day before.
event-you-are-waiting = { $count ->
    [one] You are first on the waiting list. If a place comes free, it is yours and we will email you.
   *[other] You are number { $count } on the waiting list. If a place comes free for you, we will email you.
}
event-i-am-going = I am going
event-join-waiting-list = Join the waiting list
event-withdraw = I can no longer come
notice-event-going = You are going.
notice-event-waiting = The event is full, so you are on the waiting list.
notice-event-withdrawn = Your answer is withdrawn.
event-sign-in = Sign in to say you are coming
event-closed = This event is over or cancelled.
error-event-closed = This event is over or cancelled, so it takes no more answers.
error-needs-event-organiser = Only the organiser, or a connector, official or administrator of the area, can do this.
error-needs-session-member = Only the host and the people who joined the session can write its report-back.
event-open-space = Open space sessions
event-open-space-intro = Anyone can pitch a session on something they care about. Join the group you want to be in; move when you are no longer learning or contributing. Each group writes a short report-back.
event-no-sessions = No sessions pitched yet.
event-session-host = hosted by { $name }
event-session-members = { $count ->
    [one] 1 person
   *[other] { $count } people
}
event-session-you-joined = You are in this group.
event-session-join = Join “{ $topic }”
notice-event-session-pitched = Your session is on the board.
notice-event-session-joined = You joined the session.
notice-event-session-reported = The report-back is saved.
event-report-back = Report-back
event-report-next = Take it further:
event-as-conversation = start a conversation
field-event-report = What the group talked about and what happens next
event-report-save = Save the report-back
event-pitch = Pitch a session
field-event-topic = Topic
field-event-spot = Where in the room
field-event-spot-hint = For example "by the window" or "room 2".
event-pitch-send = Pitch it
event-tell-method-use = Tell others how the method went at this event
event-organise = For the organiser
event-cancel = Cancel the event
event-attendees = Who answered
event-attendee-name = Name
event-attendee-status = Answer
event-status-going = Going
event-status-waiting = Waiting list
event-email-place = Place: { $place }
event-email-access = Access: { $access }
event-reminder-subject = Reminder: { $title }
event-reminder-body = A reminder that you are going to “{ $title }”, { $when }.
event-reminder-cannot-come = If you can no longer come, say so on the event's page so someone on the waiting list can have your place.
event-promoted-subject = A place came free: { $title }
event-promoted-body = A place came free at “{ $title }”, { $when }, and it is yours.
event-cancelled-subject = Cancelled: { $title }
event-cancelled-body = “{ $title }”, { $when }, is cancelled. We are sorry.
event-games = The skills game played here:
event-start-game = Set up the skills game for this event
# Required fields of an event, a session and its report.
field-place-missing = Say where it happens.
field-topic-missing = Enter a topic.
field-report-missing = Write what the group talked about.
event-more = More events
