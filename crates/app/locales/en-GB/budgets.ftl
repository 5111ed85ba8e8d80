## Participatory budgeting: processes, proposals, review, voting, results, implementation.

pb-title = Participatory budgets
pb-intro = Residents decide together how part of the budget is spent: they propose projects, officials check and cost them, and everyone who may vote chooses which are funded. The count uses the Method of Equal Shares unless the process says otherwise, so every group of voters gets its fair share of the budget.
pb-empty = No participatory budgets yet.
pb-new = Set up a participatory budget
pb-new-title = Set up a participatory budget
pb-create = Set up the process
pb-manage = Run this process
pb-manage-title = Run { $title }
pb-budget = Budget
pb-timetable = Timetable
pb-sub-budgets = Sub-budgets (optional)
pb-split-into = The budget is split into
pb-one-part-note = Each voter chooses projects in one part only.
pb-who-can-vote = Who can vote
pb-min-age = Voters must be at least { $age ->
    [one] { $age } year old
   *[other] { $age } years old
}.
pb-ballot = Ballot
pb-phase = Phase
pb-phase-ideas = Ideas
pb-phase-review = Review
pb-phase-voting = Voting
pb-phase-results = Results
pb-phase-implementation = Implementation
pb-format-approval = Approval: tick the projects you want, within a minimum and maximum number
pb-format-knapsack = Knapsack: choose projects that fit within the budget
pb-format-cumulative = Cumulative: share out points among the projects
pb-format-ranking = Ranking: put your favourite projects in order
pb-eligibility-verified = Residents of the area whom an official has verified.
pb-eligibility-residents = Anyone who says they live in the area.
pb-eligibility-codes = Holders of an invitation code (on a letter or a paper ballot).
pb-rule-mes-add1 = the Method of Equal Shares (budgets raised until the money is used, then by votes)
pb-rule-mes = the Method of Equal Shares
pb-rule-greedy = counting by votes (most votes first, skipping what does not fit)
pb-rule-greedy-no-skip = counting by votes (stopping at the first project that does not fit)
pb-rule-mes-add1-nofill = the Method of Equal Shares (budgets raised until the money is used)
pb-rule-phragmen = sequential Phragmén
pb-rule-mes-add1-comparison = the Method of Equal Shares as Wieliczka counted (whole budgets raised until the money runs out, then compared with counting by votes)
pb-rule-greedy-custom = counting by votes as Poznań does (a project that does not fit is funded from reserve funds if 80% of its cost is left)
pb-status = Status
pb-status-proposed = Proposed
pb-status-feasible = On the ballot
pb-status-rejected = Not feasible
pb-implementation-not-started = Not started
pb-implementation-in-progress = In progress
pb-implementation-done = Done
pb-implementation-cancelled = Cancelled
pb-ideas-open = Ideas are welcome now.
pb-propose = Propose a project
pb-propose-intro = Describe what you would like to see done, where, and roughly what it would cost. Officials will check that it can be done and set its cost before the vote.
pb-propose-submit = Send my proposal
pb-voting-open = Voting is open.
pb-vote-now = Vote now
pb-check-receipt = Check your ballot with your receipt
pb-see-results = See the results
pb-see-results-progress = See the results and how the projects are going
pb-review-under-way = Officials are checking and costing the proposals.
pb-projects = Projects
pb-no-projects = No projects yet.
pb-supports = Supports
pb-supports-count = { $count ->
    [one] { $count } supporter
   *[other] { $count } supporters
}
pb-below-threshold = below the { $count ->
    [one] { $count } supporter
   *[other] { $count } supporters
} needed to go forward
pb-below = below the threshold
pb-support = Support this project
pb-withdraw-support = Withdraw my support
pb-sign-in-to-support = Sign in to support this project
pb-rough-estimate = rough estimate
pb-proposed-by = proposed by { $name }
pb-review = Review
pb-review-note = What the review said
pb-review-submit = Save the review
pb-progress = Progress
pb-no-updates = No progress updates yet.
pb-add-update = Post the update
pb-comments = Comments
pb-no-comments = No comments yet.
pb-comment-submit = Post the comment
pb-cost = Cost
pb-advance = Move on to: { $phase }
pb-advance-voting-hint = Closing the vote counts the ballots straight away; nobody can vote after that.
pb-counting = The ballots are being counted. This page will refresh itself.
pb-waiting-review = { $count ->
    [one] { $count } proposal is waiting for review.
   *[other] { $count } proposals are waiting for review.
}
pb-turnout = Turnout
pb-turnout-summary = { $voters ->
    [one] { $voters } person has voted online
   *[other] { $voters } people have voted online
}; { $ballots ->
    [one] { $ballots } ballot is stored (online and paper).
   *[other] { $ballots } ballots are stored (online and paper).
}
pb-codes = Invitation codes
pb-codes-summary = { $made ->
    [one] { $made } code made
   *[other] { $made } codes made
}, { $used } used.
pb-codes-once = Print these codes now: they are shown only once, and only a fingerprint of each is kept.
pb-make-codes = Make codes
pb-paper = Paper ballots
pb-paper-intro = Type each batch of paper ballots twice, by two different officials: one ballot per line, project numbers separated by commas (for points, number:points). A batch counts only when both typings agree.
pb-paper-batches = Batches
pb-paper-mismatches = Lines where the two typings differ
pb-paper-status-accepted = Both typings agree; the ballots are counted
pb-paper-status-differs = The typings differ; check the paper ballots and type the batch again
pb-paper-status-waiting = Waiting for the second typing
pb-paper-discard = Discard this batch
pb-paper-submit = Save this typing
pb-line = Line
pb-first-typing = First typing
pb-second-typing = Second typing
pb-ballot-title = Your ballot: { $title }
pb-changing-ballot = You are changing your ballot. Your receipt stays the same. Only the person who cast the ballot can change it: the receipt alone is not enough.
pb-rules-approval = Tick between { $min } and { $max ->
    [one] { $max } project
   *[other] { $max } projects
} you would like to see funded.
pb-rules-knapsack = Choose the projects you would fund if you had the whole budget of { $budget }: their costs must add up to no more than that.
pb-rules-cumulative = You have { $points ->
    [one] { $points } point
   *[other] { $points } points
}. Give more points to the projects that matter most to you.
pb-rules-ranking = Put up to { $count ->
    [one] { $count } project
   *[other] { $count } projects
} in order, your favourite first.
pb-your-choices = Projects
pb-your-points = Your points
pb-your-ranking = Your ranking
pb-rank = Choice { $rank }
pb-rank-none = (none)
pb-read-more = Read more
pb-spent = Your projects cost
pb-left = left of the budget
pb-points-left = Points left: { $points }
pb-secret = Your ballot is secret: it is stored without your name, and officials can see only that you voted.
pb-check-choices = Check my choices
pb-cast = Cast my ballot
pb-cast-changed = Save my changed ballot
pb-ballot-empty = Choose at least one project.
pb-ballot-invalid = Something on this ballot is not right: choose from the projects listed, each once.
pb-ballot-too-few = Choose at least { $count ->
    [one] { $count } project
   *[other] { $count } projects
}.
pb-ballot-too-many = Choose at most { $count ->
    [one] { $count } project
   *[other] { $count } projects
}.
pb-ballot-over-budget = The projects you chose cost { $total }, more than the budget of { $budget }. Untick one or more.
pb-ballot-too-many-points = You gave { $given ->
    [one] { $given } point
   *[other] { $given } points
}, but you have only { $allowed }.
pb-ballot-rank-gap = Choice { $rank } is empty but a later choice is filled in.
pb-ballot-several-parts = Choose projects in one part of the budget only.
pb-rules-split = The budget is split into { $count ->
    [one] { $count } part
   *[other] { $count } parts
}, each with its own projects: the limits apply to each part on its own, and you may vote in any of them.
pb-rules-split-one = The budget is split into { $count ->
    [one] { $count } part
   *[other] { $count } parts
}, each with its own projects: choose projects in one part only.
pb-ballot-age-missing = Confirm that you are at least { $age ->
    [one] { $age } year old
   *[other] { $age } years old
}.
pb-already-voted = You have already voted
pb-already-voted-text = Each person votes once. If the process allows it, you can change your ballot with your receipt while signed in as yourself (or with the invitation code you voted with).
pb-receipt-title = Your receipt
pb-ballot-cast = Thank you: your ballot is cast
pb-ballot-changed = Your ballot has been changed
pb-your-receipt = Your receipt code:
pb-receipt-keep = Write it down and keep it to yourself; do not photograph it or share it. With it you can check that your ballot is counted, and find it in the published list of ballots. Nobody else can link it to you. To change your ballot you need the receipt and your own account (or the invitation code you used).
pb-you-chose = You chose
pb-points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
pb-back-to-process = Back to the process
pb-check-intro = Type the receipt code you were given when you voted to see your ballot as it is stored and counted.
pb-check = Check
pb-ballot-found = Your ballot
pb-ballot-public-id = In the published list of ballots it is voter { $id }.
pb-change-ballot = Change my ballot
pb-results-title = Results: { $title }
pb-results-summary = { $voters ->
    [one] { $voters } person voted.
   *[other] { $voters } people voted.
} { $funded } of { $projects ->
    [one] { $projects } project is
   *[other] { $projects } projects are
} funded, using { $spent } of the { $budget } budget.
pb-counted-with = Counted with { $rule }.
pb-chart-title = Cost of each project; funded projects in colour, others in grey (the table below has the same figures)
pb-chart-hint = Each bar is a project, in the order of the table below.
pb-results-table = Every project and why it was or was not funded
pb-votes = Votes
pb-outcome = Outcome
pb-why = Why
pb-funded = Funded
pb-not-funded = Not funded
pb-why-free = Funded first: it costs nothing and people want it.
pb-why-shares = Funded in round { $round }: { $payers ->
    [one] { $payers } supporter paid { $share } from their equal share of the budget.
   *[other] { $payers } supporters paid { $share } each from their equal share of the budget.
}
pb-why-paid-all = { $count } more gave all they had left.
pb-why-fill = Funded after the equal-shares rounds, with the money left over (place { $position }).
pb-why-load = Funded in place { $position }: its supporters carried a load of { $load } each.
pb-why-ranked = Funded in place { $position } of the ranking by votes.
pb-why-reserve = Funded in place { $position }, from reserve funds: it did not fit in what was left, but what was left covered at least 80% of its cost.
pb-comparison-shares-won = Comparison step: { $shares ->
    [one] one voter prefers
   *[other] { $shares } voters prefer
} this outcome and { $votes ->
    [one] one prefers
   *[other] { $votes } prefer
} counting by votes alone, so this outcome stands.
pb-comparison-votes-won = Comparison step: { $votes ->
    [one] one voter prefers
   *[other] { $votes } voters prefer
} counting by votes alone and { $shares ->
    [one] one prefers
   *[other] { $shares } prefer
} equal shares, so the outcome of counting by votes stands.
pb-why-would-win-at = Not funded: it would have been funded at a cost of { $cost } or less.
pb-why-never = Not funded, and it could not have been at any cost: its supporters' shares went to projects they preferred.
pb-compare-heading = Compared with counting by votes alone
pb-compare-greedy = Counting by votes alone (most votes first) would have spent { $spent }.
pb-compare-same = It would have funded the same projects.
pb-compare-only-here = Funded here, but not by votes alone:
pb-compare-only-greedy = Funded by votes alone, but not here:
pb-download-ballots = Download the anonymous ballots (Pabulib file)
pb-counted-subject = Counted: { $title }
pb-counted-body = The ballots of { $title } have been counted. The results: { $link }
pb-review-email-subject = Your proposal has been reviewed: { $title }
pb-review-email-feasible = Good news: your proposal "{ $title }" for { $process } has been checked and will be on the ballot. { $note } See it here: { $link }
pb-review-email-rejected = Your proposal "{ $title }" for { $process } cannot go on the ballot. The reason: { $note } See it here: { $link }

notice-pb-created = The process has been set up. It is taking ideas now.
notice-pb-proposed = Thank you: your proposal has been added.
notice-pb-supported = You support this project.
notice-pb-unsupported = You no longer support this project.
notice-pb-reviewed = The review has been saved and the author told.
notice-pb-phase-advanced = The process has moved on to its next phase.
notice-pb-paper-first = The first typing is saved. Another official now types the same batch.
notice-pb-paper-accepted = Both typings agree: the batch's ballots are counted.
notice-pb-paper-differs = The two typings differ. The lines are shown below.
notice-pb-paper-discarded = The batch has been discarded.
notice-pb-update-added = The progress update has been posted.

error-pb-already-voted = You have already voted in this process. Each person votes once.
error-pb-no-changes = Ballots cannot be changed in this process.
error-pb-not-ideas = This process is not taking ideas or supports now.
error-pb-not-review = Proposals can be reviewed only in the review phase.
error-pb-not-voting = Voting is not open.
error-pb-not-implementation = Progress can be reported once the results are out.
error-pb-not-resident = Only people who live in this area can vote. Say where you live on your account page.
error-pb-not-verified = Only verified residents of this area can vote. An official can verify you, or use the code from your council letter.
error-pb-nothing-feasible = No proposal is on the ballot yet: mark at least one as feasible.
error-pb-phase-moved = Someone has already moved this process on.
error-pb-review-unfinished = Some proposals have not been reviewed yet.

field-pb-title = Title
field-pb-area = Area
field-pb-area-hint = Areas where you are an official or an administrator.
field-pb-area-invalid = Choose one of the areas where you can run participatory budgets.
field-pb-description = What is this budget for?
field-budget = Budget
field-budget-hint = In whole currency units, for example 250000.
field-budget-invalid = Enter the budget as a whole number greater than 0.
field-currency = Currency
field-currency-invalid = Enter a currency code such as GBP or EUR.
field-ideas-until = Ideas until
field-review-until = Review until
field-voting-from = Voting from
field-voting-until = Voting until
field-pb-dates-hint = Dates are shown as the timetable; officials move the process from one phase to the next.
field-pb-dates-order = The dates must be in order: ideas, review, then voting.
field-ballot-format = Ballot
field-ballot-format-hint = Knapsack ballots make voters weigh costs; approval ballots are the quickest.
field-ballot-format-invalid = Choose a ballot.
field-min-choices = Least number of projects (approval)
field-min-choices-hint = For approval ballots.
field-min-choices-invalid = Enter a whole number from 1 to 100.
field-max-choices = Most number of projects (approval and ranking)
field-max-choices-hint = For approval ballots, and how many projects a ranking holds.
field-max-choices-invalid = Enter a whole number from 1 to 100, no less than the least number.
field-points = Points per voter (cumulative)
field-points-hint = For cumulative ballots.
field-points-invalid = Enter a whole number from 1 to 1000.
field-rule = Counting rule
field-rule-hint = The Method of Equal Shares gives every group of voters a fair share of the budget.
field-rule-invalid = Choose a counting rule.
field-rule-phragmen-approval = Phragmén counts approval and knapsack ballots only.
field-rule-approval-only = This counting rule counts approval and knapsack ballots only.
field-sub-budgets = Split the budget
field-sub-budgets-hint = To split the budget by district or by topic, write one part per line: its name, a semicolon, then its amount (for example "Riverside; 40,000"). Each part has its own projects and is counted on its own; the parts must add up to the budget. Leave empty for one budget.
field-one-sub-budget = Each voter chooses projects in one part only (for example, their own district)
field-sub-budgets-no-separator = Line { $line }: write the name, a semicolon, then the amount.
field-sub-budgets-no-name = Line { $line }: the name is missing.
field-sub-budgets-bad-amount = Line { $line }: the amount must be a whole number above zero.
field-sub-budgets-repeated = Line { $line }: this name is already used on an earlier line.
field-sub-budgets-only-one = Split the budget into two parts or more, or leave this empty.
field-sub-budgets-sum = The parts add up to { $total }, but the budget is { $budget }.
field-sub-budgets-ranking = Ranking ballots cannot be split into sub-budgets; choose approval, knapsack or cumulative ballots.
field-eligibility = Who can vote
field-eligibility-invalid = Choose who can vote.
field-min-age = Minimum age
field-min-age-hint = Voters confirm their age on the ballot; 0 for no limit.
field-min-age-invalid = Enter an age from 0 to 120.
field-allow-changes = Voters can change their ballot with their receipt and their own account or invitation code until voting closes
field-support-threshold = Supporters needed to go forward
field-support-threshold-hint = Proposals with fewer supporters are marked for the review; 0 for none.
field-support-threshold-invalid = Enter a whole number (0 for none).
field-project-title = Project
field-project-description = What would be done, and why
field-project-description-hint = Who would it help? Where exactly?
field-description-missing = Describe the project.
field-project-category = Category
field-project-category-hint = For example: green spaces, streets, young people.
field-project-location = Where
field-project-location-hint = An address, a street or a place people know.
field-rough-cost = Rough cost
field-rough-cost-hint = Your best guess in whole currency units; officials will set the real cost.
field-pb-sub-budget = Part of the budget
field-pb-sub-budget-hint = The district or topic whose money would pay for it.
field-pb-sub-budget-invalid = Choose the part of the budget this project belongs to.
field-rough-cost-invalid = Enter a whole number no larger than the budget.
field-review-status = Decision
field-review-status-invalid = Choose whether the project can go on the ballot.
field-official-cost = Official cost
field-official-cost-hint = What it will really cost, in whole currency units.
field-cost-invalid = Enter the cost as a whole number no larger than the budget.
field-review-note = Public note
field-review-note-hint = Required when the project cannot go on the ballot: say why.
field-review-reason-missing = Say why the project cannot go on the ballot.
field-comment = Your comment
field-body-missing = Write something first.
field-implementation = Status
field-implementation-invalid = Choose a status.
field-update-body = What has happened
field-pb-code = Your invitation code
field-pb-code-hint = It is printed on your letter or your paper ballot.
field-pb-code-invalid = This code is not known or has already been used.
field-pb-code-count-hint = Each code lets one person vote once.
field-pb-code-count-invalid = Enter a whole number between 1 and 20000.
field-pb-age = I am at least { $age ->
    [one] { $age } year old
   *[other] { $age } years old
}
field-pb-receipt = Receipt code
field-pb-receipt-unknown = No ballot has this receipt code. Check it and try again.
field-paper-batch = Batch
field-paper-new-batch = A new batch (first typing)
field-paper-second-of = Second typing of { $label }
field-paper-label = Batch label
field-paper-label-hint = As written on the batch's envelope, for a new batch.
field-label-missing = Give the batch a label.
field-paper-label-taken = A batch with this label already exists.
field-paper-ballots = Ballots
field-paper-ballots-hint = One ballot per line, for example: 3, 7, 12
field-paper-ballots-count = Type between 1 and 2000 ballots.
field-paper-ballots-line = Line { $line }: { $error }
field-paper-second-typist = The second typing must be done by another official.

pb-photos = Photos
pb-add-photo = Add the photo
field-photo = Photo
field-photo-hint = A JPEG or PNG up to 2 MB. Where and when it was taken is removed before it is stored.
field-photo-alt = Describe the photo for people who cannot see it
notice-pb-photo-added = The photo has been added.
error-photo-not-allowed = Only the person who proposed the project (while ideas are taken) and officials can add photos.
error-photo-alt = Describe the photo in a few words (up to 300 characters).
error-photo-format = Only JPEG and PNG photos are accepted.
error-photo-damaged = The photo's file is damaged or incomplete.
error-photo-too-large = This photo is too large. A photo can be at most { $side } pixels wide and { $side } pixels high, and { $megapixels } megapixels in all: make it smaller and try again.
error-photo-too-many = This project has as many photos as it can hold.
pb-import = Import a Pabulib file
pb-import-title = Import a participatory budget from a Pabulib file
pb-import-intro = A real vote recorded in the Pabulib format (from pabulib.org, or published by another process here) becomes a finished process in your area: its projects, its anonymous ballots and the count, explained project by project. Files up to 2 MB; larger ones with the command line (squaremile budget import).
pb-import-submit = Import and count
notice-pb-imported = The file has been imported. The count appears here in a moment.
field-pabulib-file = Pabulib file (.pb)
field-pabulib-file-hint = Approval, choose-1, cumulative and ordinal ballots; costs in whole currency units.
field-pabulib-missing = Choose a Pabulib file.
field-pabulib-not-text = This is not a text file.
field-pabulib-unreadable = The file cannot be imported: { $error }
field-pabulib-strict = Refuse the file if a ballot names a project twice or META's counts disagree with the file
field-pabulib-strict-hint = Otherwise such a file is read as pabutools reads it (a repeated project counts once, at the place where it was first named, with the last points given) and every warning is shown to you.
field-pabulib-strict-refused = Not imported: you asked to refuse files with warnings, and this one has { $count ->
    [one] one warning
   *[other] { $count } warnings
}. The first: { $warning }
pb-import-warnings-title = { $count ->
    [one] Imported, with one warning
   *[other] Imported, with { $count } warnings
}
pb-import-warnings-intro = The file was read as pabutools reads it. Check that this is what its authors meant:
pb-import-warnings-more = { $count ->
    [one] …and one more warning.
   *[other] …and { $count } more warnings.
}
pb-import-see-results = See the count
pb-warning-repeated-once = Line { $line }: voter { $voter } names project { $project } more than once; it counts once.
pb-warning-repeated-first-place = Line { $line }: voter { $voter } ranks project { $project } more than once; it keeps the place where it was first named.
pb-warning-repeated-last-points = Line { $line }: voter { $voter } gives points to project { $project } more than once; the last points given ({ $points }) count.
pb-warning-budget-below-cheapest = Line { $line }: the budget ({ $budget }) is less than the cheapest project costs (project { $project }, { $cost }), so no project can be funded.
pb-warning-meta-projects = Line { $line }: META num_projects says { $stated }, but the file lists { $found ->
    [one] one project
   *[other] { $found } projects
}; the projects listed are counted.
pb-warning-meta-votes = Line { $line }: META num_votes says { $stated }, but the file holds { $found ->
    [one] one vote
   *[other] { $found } votes
}; the votes in the file are counted.
field-import-title-hint = Leave empty to use the file's own description.
error-upload-unreadable = The upload could not be read. Try again.
pb-list-for-area = Budgets that concern { $area }: its own, those of the areas inside it, and those of the areas it is part of.
pb-list-all = All budgets
