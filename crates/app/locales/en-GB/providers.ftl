## Micro-providers and their accreditation

nav-providers = Local providers
admin-provider-bodies = Accrediting bodies
work-providers = Local providers
work-providers-waiting = { $count ->
    [one] application waiting for assessment
   *[other] applications waiting for assessment
}
work-providers-mine = Your applications as a provider

provider-directory-title = Accredited local providers
provider-directory-intro = Local people and small organisations offering care and support for a modest fee, each checked by a body people trust. Only providers whose accreditation is in force are listed.
provider-directory-filters = Find a provider
provider-directory-filter = Show providers
provider-directory-empty = No accredited provider matches these choices.
provider-directory-csv = Download this list (CSV)
provider-any-area = Any area
provider-any-kind = Any kind of service
provider-any-time = Any time
provider-more = More
provider-choose = Choose…

provider-kind-care = Care
provider-kind-home-help = Help at home
provider-kind-handyman = Handyman
provider-kind-childminding = Childminding
provider-kind-gardening = Gardening
provider-kind-companionship = Companionship
provider-kind-transport = Transport
provider-kind-other = Other

provider-available-weekdays = Weekdays
provider-available-evenings = Evenings
provider-available-weekends = Weekends

provider-col-provider = Provider
provider-col-service = Service
provider-col-area = Where
provider-col-for = For whom
provider-col-price = Price
provider-col-when = When
provider-col-accredited = Accreditation
provider-col-body = Accrediting body
provider-col-status = Status
provider-col-check = Check
provider-col-evidence = Evidence needed
provider-col-valid = Stays valid for
provider-col-valid-until = Valid until
provider-col-reason = What more is needed
provider-col-note = Provider's note
provider-col-actions = Actions

provider-accredited-by-until = Accredited by { $body } until { $date }
provider-not-in-force = This provider's accreditation is not in force.
provider-services = Services
provider-what-was-checked = What was checked
provider-nothing-checked = Nothing is checked at the moment.
provider-check-valid-until = { $check }, valid until { $date }
provider-evidence-private = The evidence itself is private: only the provider and the body's assessors see it.
provider-tell-story = Tell a story about this service
provider-organisation-page = The organisation's page
provider-your-application = Your application
provider-public-page = The public page
provider-contact-title = Write to { $name }
provider-contact-hint = Your message goes through this site. Neither your address nor theirs is shown; when they answer, you get their answer and their address by email.
provider-field-message = Your message
provider-contact-send = Send the message
provider-sign-in-to-contact = Sign in to write to this provider
provider-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}

provider-bodies-title = Accrediting bodies
provider-bodies-intro = Organisations that check local providers against a written standard: insurance, criminal-record checks, training, references, a visit.
provider-bodies-empty = No accrediting body is set up yet.
provider-body-lead = Accredits local providers in { $area }.
provider-mark-title = Mark an organisation as an accrediting body
provider-mark-hint = The organisation's administrators then write its standard, and its administrators and officials assess applications.
provider-field-organisation = Organisation
provider-field-body-area = Area it accredits for
provider-mark-submit = Mark as accrediting body
provider-standard = The standard
provider-standard-empty = The body has not written its standard yet.
provider-check-edit = Change “{ $name }”
provider-check-save = Save the check
provider-check-add = Add a check
provider-field-check-name = Check
provider-field-check-name-hint = For example: public liability insurance.
provider-field-check-evidence = Evidence needed
provider-field-check-evidence-hint = What the provider must send, for example a copy of the certificate.
provider-field-check-months = Months it stays valid

provider-apply-title = Apply for accreditation
provider-apply-intro = Tell the body what you offer, then send the evidence each check of its standard asks for. Your evidence is seen only by you and the body's assessors.
provider-apply-as-myself = Myself, as a self-employed provider
provider-field-body = Accrediting body
provider-field-applicant = Applying as
provider-field-applicant-hint = Yourself, or a micro-provider organisation you run.
provider-field-name = Name people will see
provider-field-name-hint = Your name or your business's name.
provider-field-about = About the provider
provider-field-about-hint = A few plain sentences about your experience and how you work.
provider-first-service = Your first service
provider-field-kind = Kind of service
provider-field-what = What you offer
provider-field-what-hint = For example: help with washing and dressing in the morning.
provider-field-area = Where
provider-field-for = For whom
provider-field-for-hint = For example: older people living at home.
provider-field-price = Price or price range
provider-field-price-hint = For example: £15 an hour, or £10 to £20 a visit.
provider-filter-available = When
provider-field-available = When you work
provider-field-hours = Hours (optional)
provider-field-hours-hint = For example: mornings 8 to 11.
provider-apply-submit = Send the application

provider-mine-title = Your applications as a provider
provider-mine-empty = You have not applied for accreditation.
provider-status-waiting = Waiting for a decision
provider-status-granted = Accredited until { $date }
provider-status-lapsed = Lapsed on { $date }
provider-status-refused = Refused
provider-applied-to = Application to { $body }.

provider-assess-title = Applications to assess
provider-assess-intro = Applications to the bodies you assess for, longest waiting first, and accreditations that lapse within a month.
provider-assess-none = You do not assess for any accrediting body.
provider-assess-waiting = Waiting for a decision
provider-assess-waiting-none = No application is waiting.
provider-assess-lapsing = Lapsing within a month
provider-assess-lapsing-none = No accreditation lapses within a month.
provider-changed-on = last changed { $date }

provider-service-add = Add a service
provider-service-remove = Remove
provider-checks = Checks
provider-check-missing = No evidence yet
provider-check-waiting = Waiting for review
provider-check-accepted = Accepted
provider-check-expired = Expired: send new evidence
provider-check-more-needed = More is needed
provider-field-note = A note about the evidence
provider-field-note-hint = For example: the policy number and who issued it.
provider-field-file = A file
provider-field-file-hint = PDF, a photo (JPEG or PNG), plain text or an office document.
provider-evidence-send = Send evidence for “{ $check }”
provider-review-legend = Your review of “{ $check }”
provider-review-accept = Accept until the date below
provider-review-more = Ask for more (say what below)
provider-field-expires = Accepted until
provider-field-expires-hint = { $count ->
    [one] At most { $count } month from today.
   *[other] At most { $count } months from today.
}
provider-field-reason = What more is needed
provider-field-reason-hint = The provider sees this.
provider-review-submit = Save the review
provider-decision = Decision
provider-decision-not-ready = Accreditation can be granted only when every check is accepted and none has expired.
provider-decision-grant = Grant accreditation
provider-decision-refuse = Refuse
provider-field-decision-reason = Reason
provider-field-decision-reason-hint = The provider sees this, and it is kept with the decision.
provider-decision-submit = Record the decision
provider-decisions = Decisions
provider-decision-granted-by = Granted by { $name } on { $date }
provider-decision-refused-by = Refused by { $name } on { $date }
provider-messages = Messages from residents
provider-messages-empty = No messages yet.
provider-message-from = From { $name }
provider-your-answer = Your answer:
provider-message-address = Their address, now that you answered: { $email }
provider-field-answer = Your answer
provider-field-answer-hint = Your answer is emailed to them with your address.
provider-answer-send = Send the answer

notice-provider-body-marked = The organisation is now an accrediting body.
notice-provider-check-added = The check is added to the standard.
notice-provider-check-saved = The check is saved.
notice-provider-applied = Your application is sent. Now send the evidence for each check.
notice-provider-service-added = The service is added.
notice-provider-service-removed = The service is removed.
notice-provider-evidence-added = The evidence is sent for review.
notice-provider-check-reviewed = The review is saved.
notice-provider-granted = Accreditation is granted.
notice-provider-refused = The application is refused.
notice-provider-message-sent = Your message is sent. You will get the answer by email.
notice-provider-answer-sent = Your answer is sent.

field-provider_name-missing = Enter the name people will see.
field-provider_about-missing = Say something about yourself.
field-service_what-missing = Say what you offer.
field-service_for-missing = Say who the service is for.
field-service_price-missing = Enter a price or a price range.
field-service-kind-invalid = Choose a kind of service from the list.
field-service-area-invalid = Choose an area from the list.
field-service-when-missing = Choose when you are available, or write your hours.
field-service-too-many = A provider can list at most 30 services.
field-provider-body-invalid = Choose an accrediting body from the list.
field-provider-applicant-invalid = You can apply only for micro-provider organisations you administer.
field-provider-already-applied = This provider has already applied to this body.
field-provider-organisation-invalid = Choose an organisation from the list.
field-provider-area-invalid = Choose an area from the list.
field-provider-body-exists = This organisation is already an accrediting body.
field-check_name-missing = Name the check.
field-check_evidence-missing = Say what evidence is needed.
field-edit_name-missing = Name the check.
field-edit_evidence-missing = Say what evidence is needed.
field-end_reason-missing = Give the reason: it is shown on each application withdrawn.
field-check-months-invalid = Enter a whole number of months from 1 to 120.
field-check-too-many = A standard can have at most 50 checks.
field-evidence-file-type = This file was not accepted: send a PDF, a JPEG or PNG photo, plain text or an office document whose name matches what is inside. What you typed is kept.
field-evidence-missing = Choose a file or write a note (or both).
field-evidence-too-many = A check can have at most 10 files.
field-review-expires-invalid = Enter a date after today and within the check's validity.
field-provider-reason-missing = Say what more is needed.
field-decision_reason-missing = Give a reason for the decision.
field-contact_message-missing = Write your message first.
field-answer_text-missing = Write your answer first.

error-provider-needs-site-admin = Only site administrators can mark accrediting bodies.
error-provider-not-body-admin = Only the body's administrators can write its standard.
error-provider-not-provider = Only the provider can change an application.
error-provider-not-assessor = Only the body's administrators and officials assess applications.
error-provider-own-application = You cannot assess an application you made or speak for.
error-provider-checks-not-passed = Accreditation cannot be granted: every check must be accepted and none may have expired. Nothing was changed.
error-provider-no-standard = Accreditation cannot be granted before the body writes its standard.
error-provider-no-evidence = There is no evidence to review for this check yet.
error-provider-review-outcome = Choose what to do.

provider-mail-message-subject = A message for { $name }
provider-mail-message-body = { $sender } wrote to { $name } through Square Mile. Their address is not shown to you, and yours is not shown to them.
provider-mail-message-answer = To answer, go to:
provider-mail-answer-subject = An answer from { $name }
provider-mail-answer-body = { $name } answered your message:
provider-mail-answer-reply-to = You can write to { $name } directly at { $email }.
provider-mail-granted-subject = Accreditation granted by { $body }
provider-mail-granted = { $body } granted your accreditation. Their reason:
provider-mail-refused-subject = Your application to { $body }
provider-mail-refused = { $body } refused your application. Their reason:
provider-mail-lapse-subject = An accreditation lapses soon: { $name }
provider-mail-lapse-provider = Your accreditation by { $body } lapses on { $date }, when the earliest of your accepted checks expires. Send new evidence before then to stay in the directory.
provider-mail-lapse-body = The accreditation of { $name } by { $body } lapses on { $date }, when the earliest of its accepted checks expires.

## Where a provider works from, on the map

area-map-legend-providers = accredited providers
provider-place-title = Where you work from
provider-place-hint = Optional. A place people will recognise, such as a community centre or a high street, shown on the map while your accreditation is in force. Never put your home here. Empty both fields to take it off the map.
provider-place-save = Save the place
provider-place-map-title = Where you work from
provider-place-map-description = The map of the body's area. Clicking it fills in the latitude and longitude below; the fields can be typed as well.
notice-provider-place-saved = The place is saved.
provider-map-heading = On the map
provider-map-title = Accredited providers in { $area }
provider-map-title-all = Accredited providers on the map
provider-map-description = Each mark is an accredited provider whose accreditation is in force and who has said where they work from; a number stands for several close together. The list below has everyone, with or without a place.

## A provider's public page: their place, stories about them

provider-public-place-heading = Where they work from
provider-public-place-title = Where { $name } works from
provider-public-place-description = The place the provider gave as where they work from: a place people know, never a home address.
provider-stories = Stories about this service
provider-stories-empty = No stories yet. Have you used this service? Tell others how it went.
provider-stories-all = All stories about { $name }

## Accredited providers on an area's asset map

provider-asset-map-heading = Accredited local providers
provider-asset-map-none = No accredited provider offers a service in { $area } yet.
provider-asset-map-all = { $count ->
    [0] Find accredited providers elsewhere in the directory
    [one] The directory's entry for { $area }, with its services and prices
   *[other] All { $count } accredited providers in { $area }, with their services and prices
}
provider-accredited-by = accredited by { $body }

## Withdrawing an application; a body that stops accrediting

provider-status-withdrawn = Withdrawn
provider-decision-withdrawn-by = Withdrawn by { $name } on { $date }
provider-decision-reopened-by = Sent back for assessment by { $name } on { $date }
provider-withdraw-title = Withdraw this application
provider-withdraw-hint = Your application leaves the assessors' queue, and if you are accredited you leave the directory and the map at once. Your evidence and its reviews are kept, and you can send it back for assessment later.
provider-field-withdraw-reason = Why (optional, the body's assessors see it)
provider-withdraw-submit = Withdraw the application
notice-provider-withdrawn = The application is withdrawn.
provider-reopen-title = Send it back for assessment
provider-reopen-hint = The application goes back to the body's assessors, with every check as it was left.
provider-reopen-submit = Send it back
notice-provider-reopened = The application waits for assessment again.
error-provider-withdrawn = This application was withdrawn: nothing can be decided on it until the provider sends it back.
error-provider-not-reopened = This application cannot be sent back: it is not withdrawn, or its body no longer accredits providers.
provider-body-ended = no longer accredits
provider-body-ended-on = This organisation stopped accrediting providers on { $date }.
provider-body-end-title = Stop accrediting
provider-body-end-hint = For a site admin: the body takes no new applications, and every application to it is withdrawn, each with the reason below, so its providers leave the directory and the map. Marking the organisation again later starts afresh.
provider-field-end-reason = The reason, shown on each application
provider-body-end-submit = Stop accrediting
notice-provider-body-ended = The body no longer accredits providers; its applications are withdrawn.
error-provider-body-ended = This body had already stopped accrediting providers.
