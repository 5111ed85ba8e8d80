## Reports of local problems

report-title = Reports of local problems
report-intro = Tell the organisations that can fix it about a problem in your area: a pothole, fly-tipping, a broken street light, noise. Each report goes to the body responsible, which answers here in public.
report-new = Report a problem
report-new-intro = Say what the problem is and where. Your report and the answers to it are public; your email address is never shown.
report-filters = Filter reports
report-filter-status = Status
report-empty = No reports yet.
report-older = Older reports
report-send = Send the report
notice-report-sent = Thank you: your report has been sent. You will hear by email when it is answered.
report-where = Where
report-where-hint = An address or a description of the place, and if you know them the coordinates (for example from a map app).
report-by = reported by { $name }
report-sent-to = Sent to
report-unrouted = No organisation looks after this kind of problem here yet; the site's administrators have been told.
report-duplicate-of = This problem was already reported:
report-original = see the first report
report-on-map = on the map
report-photo-alt = A photo of the problem: { $title }
report-affected-count = { $count ->
    [one] One more person says this affects them too.
   *[other] { $count } more people say this affects them too.
}
report-affects-me = This affects me too
report-follow = Follow
report-unfollow = Stop following
report-following = You are following this report: you will hear about every update.
report-affected = Affected
report-unfollowed = You no longer follow this report.
report-updates = Updates
report-no-updates = No updates yet.
report-moved-to = status: { $status }
report-answer = Answer in public
report-comment = Add a comment
report-publish = Publish
notice-report-updated = Your update is published and followers have been told.
report-sign-in = Sign in to follow this report or say it affects you too.
report-received = Received

report-status-open = Open
report-status-acknowledged = Acknowledged
report-status-in-progress = In progress
report-status-fixed = Fixed
report-status-closed = Closed
report-status-duplicate = Duplicate

field-report-category = Category
field-report-category-invalid = Choose a category.
field-report-area = Area
field-report-area-hint = The neighbourhood where the problem is.
field-report-title = What is the problem?
field-report-title-hint = A few words, for example "Pothole outside number 12".
field-report-description = Details
field-report-description-hint = What you saw, since when, and anything that helps find and fix it.
field-report-address = Address or place
field-report-latitude = Latitude
field-report-longitude = Longitude
field-report-coordinates-hint = Decimal degrees, for example 51.5072 and -0.1276. Leave both empty if you do not know them.
field-report-coordinate-invalid = Write the coordinate as decimal degrees, for example 51.5072.
field-report-coordinates-pair = Give both the latitude and the longitude, or neither.
field-report-photos = Photos (optional)
field-report-photos-hint = Up to 3 JPEG or PNG photos, together within the upload limit. Camera details and GPS positions are removed before they are stored.
field-report-too-many-photos = Add at most 3 photos.
field-report-status = Status
field-report-status-hint = Residents and followers see every change of status.
field-report-status-invalid = Choose a status.
field-report-duplicate-of = Duplicate of
field-report-duplicate-of-hint = When marking it a duplicate: the address of the first report.
field-report-duplicate-invalid = Give the address of another report that exists.
field-report-reply = Public reply
field-report-reply-hint = Everyone can read it.
field-report-update-empty = Write a reply or change the status.
field-report-organisation = Organisation
field-report-organisation-invalid = Choose an organisation.
field-report-category-new = New category
field-report-category-name = Give the category a name with letters or digits.
field-report-category-taken = There is already a category with this name.

report-new-subject = New report: { $title }
report-new-body = A resident has reported a problem that your organisation looks after: { $title }.

    Read it and answer in public: { $link }
report-update-subject = Update on "{ $title }"
report-update-status = { $who } changed the status of "{ $title }" to: { $status }.
report-update-reply = { $who } replied to "{ $title }".
report-update-link = Read the update: { $link }

report-inbox-title = Reports for { $name }
report-inbox-waiting = { $count ->
    [one] One report waiting
   *[other] { $count } reports waiting
}
report-inbox-empty = Nothing is waiting.
report-inbox-finished = Finished
report-stats-link = Our public record

report-stats-title = How { $name } answers reports
report-stats-received = Reports received
report-stats-response = Median time to a first public answer
report-stats-fix = Median time to fix
report-stats-of = { $count ->
    [one] of 1 report
   *[other] of { $count } reports
}
report-stats-none = none yet
report-stats-chart = Reports by status
report-stats-table = Reports by status, in numbers
report-stats-count = Reports
report-wait-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
report-wait-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
report-wait-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}

report-admin-title = Categories and routing
report-categories = Categories
report-no-categories = No categories yet: add the kinds of problem residents can report.
report-category-add = Add the category
notice-report-category-added = The category has been added.
report-routes = Who fixes what, where
report-routes-intro = Reports in a category from an area, or from any area inside it, go to the organisation chosen here; the rule for the nearest area wins.
report-no-routes = No rules yet: reports will wait without an organisation.
report-route-add = Add the rule
notice-report-route-set = The rule has been saved.
report-route-delete = Delete
notice-report-route-deleted = The rule has been deleted.

report-api-keys = Open311 API keys
report-api-keys-intro = Other systems (a council's case system, a reporting app) can post reports through the Open311 GeoReport v2 API at /api/open311/v2/ with a key made here. Reading needs no key.
report-key-made = Here is the new key. Copy it now: it is not stored and will not be shown again.
report-key-make = Make a key
report-key-revoke = Revoke
notice-report-key-revoked = The key has been revoked.
report-key-revoked-tag = revoked
field-report-key-name = Which system is it for?
field-report-key-name-hint = For example "Council case system". Shown only to administrators.

error-report-officials-only = Only the officials of the organisation this report was sent to can change its status.
error-report-admins-only = Only site administrators can change categories and routing.
error-report-follow-invalid = That is not a way to follow a report.

notifications-title = Notifications
notifications-empty = Nothing new.
notifications-new = new
# A new API key's required name.
field-key_name-missing = Give the key a name.
report-inbox-more-waiting = More waiting reports

# Closing the loop (issue 28): targets, overdue reports, "has this been fixed?"
report-targets = Target times to fix
report-targets-intro = A category may have a target time to fix, in days. Reports still open after it are flagged as overdue in the inbox, on the report and on the organisation's public record.
field-report-target-days = Target (days)
field-report-target-days-hint = From 1 to 366; leave empty to remove the target.
field-report-target-days-invalid = Give a whole number of days from 1 to 366, or leave it empty.
report-target-save = Save the target
notice-report-target-set = The target has been saved.
report-target-days = { $count ->
    [one] target: one day
   *[other] target: { $count } days
}
report-overdue = Overdue
report-overdue-by-target = { $count ->
    [one] Still open after the target of one day for this category.
   *[other] Still open after the target of { $count } days for this category.
}
report-inbox-overdue = { $count ->
    [one] One waiting report is past its category's target.
   *[other] { $count } waiting reports are past their category's target.
}
report-stats-overdue = Open reports past their target now
report-stats-confirmed = Confirmed fixed by the people who reported them
report-stats-not-fixed = Said not fixed by the people who reported them
report-ask-subject = Has this been fixed? "{ $title }"
report-ask-body-fixed = Four weeks ago your report "{ $title }" was marked fixed. Has it really been fixed?
    
    Yes, it is fixed: { $yes }
    No, it is not fixed: { $no }
    
    If it is not, the report will be opened again and the organisation told. The report: { $link }

report-ask-body-waiting = Your report "{ $title }" has waited four weeks without an answer. Has it been fixed?
    
    Yes, it is fixed: { $yes }
    No, it is not fixed: { $no }
    
    If it is not, the organisation will be told again. The report: { $link }

report-ask-title = Has this been fixed?
report-ask-intro = You reported "{ $title }".
report-ask-see = See the report
report-ask-question = Has the problem been fixed?
report-ask-yes = Yes, it is fixed
report-ask-no = No, it is not fixed
field-report-ask-comment = Anything to add? (optional, shown on the report)
field-report-ask-comment-hint = For example what is still wrong.
report-ask-send = Send my answer
field-report-answer-missing = Choose yes or no.
error-report-answered = This question has been answered already. Thank you.
notice-report-reopened = Thank you. The report is open again and the organisation has been told.
notice-report-confirmed-fixed = Thank you. The report is now marked fixed.
notice-report-answer-thanks = Thank you for your answer.
report-not-fixed-notice = The person who reported "{ $title }" says it is not fixed.
report-not-fixed-subject = Not fixed: "{ $title }"
report-not-fixed-body = The person who reported "{ $title }" says it has not been fixed.
    
    { $comment }
    
    The report: { $link }

# Open311 out and back (issue 28)
field-report-send-to = Where the reports go
field-report-send-to-hint = An outside system is another council's or contractor's Open311 GeoReport v2 service: the report is posted to it, and its status and notes are fetched back as the organisation's answers.
report-send-to-inbox = The organisation's inbox here
report-send-to-open311 = An outside Open311 system instead
report-send-to-both = The inbox here and an outside Open311 system
field-report-send-to-invalid = Choose where the reports go.
field-report-open311-url = The Open311 service's address
field-report-open311-url-hint = Its base address, ending before "requests.json", for example https://council.example/open311/v2
field-report-open311-url-invalid = Give the service's address, starting with https:// (or http://).
field-report-open311-key = Its API key
field-report-open311-service-code = Its service code for this category
field-report-open311-service-code-missing = Give the service code the outside system uses for this category.
field-report-open311-jurisdiction = Its jurisdiction (if it asks for one)
field-report-open311-jurisdiction-hint = Sent as jurisdiction_id; leave empty if the system has one.
report-sending = Reports sent to outside systems
report-sending-fine = Every report sent to an outside system has been taken, or is about to be sent.
report-sending-intro = These reports have not been taken by the outside system yet. Each is tried again later, waiting longer each time; after eight attempts the site gives up.
report-sending-attempts = Attempts
report-sending-error = Last error
report-sending-gave-up = Gave up
report-sending-more = More reports not taken
