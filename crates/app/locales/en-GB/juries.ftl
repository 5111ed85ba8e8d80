## Citizens' juries: setting up, volunteering, the draw and its publication.

juries-title = Citizens' juries
juries-intro = A citizens' jury is a group of residents, picked at random from volunteers so that it looks like the area, who meet to learn about a question and make recommendations.
juries-have-code = I have a code from an invitation letter
juries-empty = No juries yet.
jury-new = Set up a jury
jury-new-title = Set up a citizens' jury
jury-create = Set up the jury
jury-manage = Run this jury
jury-manage-title = Run { $title }
jury-status-open = Volunteers can register
jury-status-closed = Registration closed
jury-status-selected = Panel drawn
jury-status-published = Panel published
volunteer-status-volunteer = Volunteer
volunteer-status-selected = On the panel
volunteer-status-dropped-out = Dropped out
jury-panel-size = Panel size
jury-closes-on = Registration closes
jury-meets-on = The jury meets
jury-how-to-volunteer = Volunteers register through the link or the letter they were sent.
jury-published-heading = Who is on the panel, and how fair the draw was
jury-published-summary = { $volunteers ->
        [one] { $volunteers } person volunteered
       *[other] { $volunteers } people volunteered
    }; a panel of { $size } was drawn from them at random, within the quotas below. No names or contact details are published.

field-jury-title = Title
field-title-missing = Enter a title.
field-jury-area = Area
field-jury-area-hint = Areas where you are an official or an administrator.
field-jury-area-invalid = Choose one of the areas where you can run juries.
field-jury-purpose = The question the jury will consider
field-jury-purpose-hint = Shown to volunteers on the registration form and on the jury's public page.
field-panel-size = How many people sit on the jury
field-panel-size-hint = Between 2 and 1000; juries usually have 12 to 50 members, assemblies up to 150.
field-panel-size-invalid = Enter a whole number between 2 and 1000.
field-closes-on = Registration closes on
field-meets-on = The jury first meets on (optional)
field-date-hint = For example 2026-12-31.
field-date-invalid = Enter a date as year-month-day, for example 2026-12-31.
field-one-per-household = At most one person per household
field-one-per-household-hint = Volunteers who give the same address and postcode count as one household.
field-quotas = Quotas
field-quotas-hint = One line per value: feature,value,min,max. The first line is the header feature,value,min,max. For example: age,16-29,3,5.
field-quotas-unreadable = The quotas could not be read: { $error }
field-quotas-too-many = Use at most 10 features with at most 30 values each.
field-quotas-cannot-add-up = The quotas for { $feature } cannot be met by a panel of { $size }: the minimums add up to { $mins } and the maximums to { $maxes }.

jury-invite-heading = Inviting volunteers
jury-invite-link = Share this link with the people you invite (by email, a newsletter or a QR code). Anyone with it can volunteer.
jury-codes-summary = Letter codes made: { $made }; used: { $used }.
field-code-count = How many letter codes to make
field-code-count-hint = One code per invitation letter; each code registers one volunteer.
field-code-count-invalid = Enter a whole number between 1 and 5000.
jury-make-codes = Make letter codes
jury-see-codes = See the letter codes
jury-close = Close registration
jury-registration-closed = Registration has closed.
jury-codes-title = Letter codes for { $title }
jury-codes-intro = Print one code on each invitation letter, with the address { $page }.
jury-code-used = Used
yes = Yes
no = No

jury-volunteers-heading = Volunteers ({ $count })
jury-volunteers = Volunteers and their answers
jury-contact = Contact
jury-volunteer-status = Status
jury-actions = Actions
jury-chance = Chance in the draw
jury-download-people = Download the volunteers (CSV, with contact details: keep it safe)
jury-download-quotas = Download the quotas (CSV)
jury-same-household = Same household as another volunteer
jury-shared-households = { $count ->
        [one] { $count } volunteer shares
       *[other] { $count } volunteers share
    } a household with another volunteer.
jury-shared-households-rule = At most one of each household can be drawn.
jury-mark-dropout = { $name } has dropped out
jury-quota = Quota
jury-on-panel = On the panel
jury-in-pool = Volunteered
jury-outside-quota = outside the quota
jury-chart-title = The panel by { $feature }, against the quota
jury-chart-key = In each chart the pale band is the quota (from the minimum to the maximum) and the dark bar is the number on the panel.

jury-draw-heading = The draw
jury-on-panel-count = On the panel now: { $count }
field-method = Method
field-method-hint = The fair method gives every volunteer the highest chance of selection it can, within the quotas. The greedy method is the older way, shown for comparison.
jury-method-leximin = Fair (leximin)
jury-method-legacy = Greedy (legacy)
field-seed = Random seed (optional)
field-seed-hint = Leave empty for a fresh random seed. The seed is published, so the draw can be replayed.
field-seed-invalid = Enter a whole number below 9007199254740992, or leave the seed empty.
jury-draw-submit = Draw the panel
jury-replace-intro = { $count ->
        [one] { $count } place is
       *[other] { $count } places are
    } empty. Replacements are drawn from the volunteers not yet chosen, so that the panel meets every quota again.
jury-replace-submit = Draw replacements
jury-draw-running = The draw is running. This page refreshes by itself.
jury-draw-infeasible = No panel can meet these quotas with these volunteers.
jury-infeasible-heading = Why no panel can be drawn
jury-relax-min = { $feature } = { $value }: lower the minimum from { $from } to { $to } ({ $in_pool } volunteered)
jury-relax-max = { $feature } = { $value }: raise the maximum from { $from } to { $to } ({ $in_pool } volunteered)
jury-publish-intro = Publishing shows the panel's make-up against the quotas, the method, the seed and each draw's fairness on the jury's public page. No personal data is published.
jury-publish = Publish the panel
jury-draws = Draws
jury-draw-kind = Draw
jury-draw-kind-panel = The panel
jury-draw-kind-replacement = Replacements
jury-draw-method = Method
jury-draw-seed = Seed
jury-draw-places = Places
jury-draw-candidates = Candidates
jury-draw-min = Lowest chance
jury-draw-below = Below half the average chance
jury-draw-status = Result
jury-draw-status-running = Running
jury-draw-status-done = Done
jury-draw-status-failed = Failed
jury-estimated = estimated
jury-draws-explained = The lowest chance is the smallest probability of selection any candidate had; the fair method makes it as high as the quotas allow. The last column is the share of candidates whose chance was below half the average. A replacement can only be someone who fits the empty places' quotas, so in a replacement draw many candidates have no chance at all.

jury-join-title = Volunteer for { $title }
jury-join-intro = If you volunteer, you may be picked at random to sit on the jury. We ask a few questions so that the jury looks like the area. Only the officials running the jury see your answers and contact details.
jury-join-about-you = About you
field-volunteer-name = Your name
field-volunteer-email-hint = We write to you here if you are selected.
field-phone = Phone
field-optional = Optional.
field-address = Address
field-address-hint = Your house number and street. People at the same address count as one household.
field-address-missing = Enter your address.
field-postcode = Postcode
field-postcode-missing = Enter your postcode.
jury-join-questions = A few questions
jury-join-questions-hint = Your answers are used only to make the jury look like the area.
field-answer-missing = Choose an answer for { $question }.
field-consent = I agree that the officials running this jury keep my details and answers until the jury ends, and contact me if I am selected.
field-consent-missing = Tick the box to agree, or you cannot volunteer.
field-volunteer-already = Someone has already volunteered for this jury with this email address.
jury-join-submit = Volunteer
jury-joined-title = Thank you for volunteering
jury-joined-body = You are on the list of volunteers for { $title }. If you are selected, we will email you.
jury-code-title = Volunteer with a letter code
jury-code-intro = If you received an invitation letter, type the code printed on it.
field-letter-code = Code
field-letter-code-hint = Ten letters and numbers, for example ABCD 2345 EF.
field-letter-code-invalid = This code is unknown or has been used already. Check it against your letter.
continue = Continue

jury-selected-email-subject = You have been selected for { $title }
jury-selected-email-body =
    Dear { $name },

    Thank you for volunteering. You have been selected at random to sit on { $title }.
    The jury first meets on: { $meets }.

    The officials running the jury will be in touch with the details. If you can no longer take part, please tell them as soon as you can, so that someone else can take your place.

    { $link }

notice-jury-created = The jury has been set up. Share the link or make letter codes to invite volunteers.
notice-jury-closed = Registration has closed.
notice-jury-draw-queued = The draw has started.
notice-jury-dropped-out = The panel member has been marked as dropped out. Draw a replacement when you are ready.
notice-jury-published = The panel has been published.

error-jury-closed = Registration for this jury has closed.
error-jury-invitation = This invitation link or code is not valid for this jury, or has been used already.
error-jury-not-open = Registration for this jury is not open.
error-jury-draw-not-now = A draw cannot be made now: another draw is running, or the jury's stage has changed. Reload the page.
error-jury-not-on-panel = This person is not on the panel.
error-jury-not-ready = The panel cannot be published yet: every place must be filled and no draw running.

## A lottery anyone can check

jury-method-lottery = Fair, as a lottery anyone can check
jury-lottery-options = For a lottery anyone can check
field-lottery-panels = How many panels the lottery has
field-lottery-panels-hint = From 10 to 5,000. Everyone's chance stays within one in this many of the fair one; 1,000 keeps it within 0.1 percentage points.
field-lottery-panels-invalid = Give a whole number of panels from 10 to 5,000.
field-lottery-reserves = Draw a reserve list with each panel, to step in for anyone who drops out
jury-lottery-email-subject = The lottery for { $title } is ready to publish
jury-lottery-email-body = The fair draw for { $title } was rounded to a lottery of { $m } panels. Publish it before the draw: its digest is { $digest }, and the jury's page shows it with the panels (ids only). Then fix the public seed (numbers drawn at a public meeting, for instance) and enter it on the jury's management page: it picks the panel.
jury-lottery-heading = The draw anyone can check
jury-lottery-intro = The fair distribution of panels was rounded to a lottery of equally likely panels and published before the draw, as volunteer ids only. A seed fixed in public afterwards picks one, so nobody could choose the panel.
jury-lottery-panels = Panels in the lottery
jury-lottery-digest = Digest of the panels (SHA-256)
jury-lottery-published-on = Published on
jury-lottery-seed = Public seed
jury-lottery-drawn = Panel drawn
jury-lottery-drawn-of = panel { $number } of { $m }
jury-lottery-download = The lottery's panels and chances (JSON, ids only)
jury-lottery-download-draw = The draw (JSON)
jury-lottery-check = Anyone can recompute the draw from the two files with Square Mile's command line:
jury-lottery-waiting = The panel has not been drawn yet: the seed is fixed in public after this publication.
jury-lottery-seed-heading = Draw the published lottery
jury-lottery-seed-intro = The lottery is published with the digest { $digest }. Once that is public, fix the seed in public (numbers drawn at a meeting, say) and enter it exactly.
jury-lottery-public-page = The lottery on the jury's public page
field-public-seed = The public seed
field-public-seed-hint = Any text, as it was fixed in public; spaces at either end do not count.
field-public_seed-missing = Enter the public seed.
jury-lottery-draw-submit = Draw the panel with this seed
notice-jury-lottery-drawn = The seed drew the panel; the people chosen are told by email.
error-jury-lottery-not-waiting = There is no published lottery waiting for its seed.
jury-lottery-reserves-called = Reserves who stepped in, in order
notice-jury-reserves-stepped-in = The places were filled from the reserve list drawn with the panel; the people who stepped in are told by email.

## Letters to addresses drawn at random

jury-addresses-heading = Letters to addresses drawn at random
jury-addresses-intro = The first stage of an assembly: from a list of addresses, each with its area, draw the addresses to send invitation letters to, in proportion to the households of each area or with some areas over-sampled. Each letter gets its own code; people who answer register with it, and the table below counts the answers per area.
jury-responses-caption = Answers per area
jury-responses-area = Area
jury-responses-rate = Registered of letters sent
jury-response-rate = { $registered } of { $sent } ({ $rate }%)
jury-letters-print = Print the letters
field-addresses = The addresses (a CSV file)
field-addresses-hint = Any header: one row per household, with a column for the address and a column for its area. Commas or semicolons.
field-address-column = The address column
field-address-column-hint = Its name in the header, as written there ("address" if left empty).
field-area-column = The area column
field-area-column-hint = Its name in the header ("area" if left empty).
field-letters = How many letters
field-oversample = Areas to over-sample (optional)
field-oversample-hint = One a line, the area and its weight after a comma, e.g. "Eastfield, 2" to send twice Eastfield's share. Other areas weigh 1.
jury-addresses-submit = Draw the addresses and make the letters
field-letters-invalid = Give the number of letters, a whole number above 0.
field-letters-too-many = More letters than addresses: { $asked } asked for, { $listed } in the file.
field-oversample-invalid = Line { $line } ("{ $text }") is not an area and a weight above 0 after a comma.
field-oversample-unknown-area = { $area } is not an area of the file.
field-oversample-weight = The weight of { $area } must be a number above 0.
field-addresses-file-invalid = The file could not be read: { $error }. Nothing was drawn; choose the file again once it is corrected.
field-addresses-missing = Choose the file of addresses.
field-addresses-not-text = The file is not text: save it from the spreadsheet as CSV (UTF-8).
notice-jury-letters-drawn = The addresses are drawn and each letter has its code. Print them below.
jury-letters-title = Invitation letters: { $title }
jury-letters-intro = One letter to a sheet when printed, in area and address order, a hundred to a page. Each code registers one person.
jury-letters-empty = No letters yet: draw the addresses on the jury's management page.
jury-letters-next = The next hundred letters
jury-letter-to = To the household at
jury-letter-heading = You are invited: { $title }
jury-letter-body = Your address was drawn at random from every household in the area. We are bringing together a group of local people, chosen to reflect the area, to think about this question and make recommendations:
jury-letter-how = To put your name forward, go to { $page } and enter the code below, or ask us for a paper form. Anyone aged 16 or over who lives at this address can answer.
jury-letter-closes = Please answer by { $date }.
jury-letter-qr-label = QR code of the form to volunteer, with your code filled in
jury-letter-scan = Or scan this code with a phone: it opens the form with your code already filled in.
