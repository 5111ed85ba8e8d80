## Representatives, questions and moderation

representatives-title = Your representatives
representatives-intro = The people elected for each area. Ask them a question in public; their answers, and the questions still waiting, are here for everyone to see.
representatives-empty = No representatives have been added yet.
representatives-table = Representatives and how they answer
representatives-name = Representative
representatives-asked = Questions
representatives-unanswered = Waiting for an answer
representatives-rate = Answered
representatives-add = Add a representative
notice-representative-added = The representative has been added.
representatives-record-asked = { $count ->
    [one] One question asked.
   *[other] { $count } questions asked.
}
representatives-record-unanswered = { $count ->
    [0] None waiting for an answer.
    [one] One waiting for an answer.
   *[other] { $count } waiting for an answer.
}
representatives-record-rate = { $rate }% answered.
field-representative-email = Their account's email address
field-representative-email-hint = They need an account on this site to answer.
field-representative-email-unknown = No account has this email address.
field-representative-already = This person already represents this area.
field-representative-area = Area
field-representative-role = Role
field-representative-role-hint = For example "Councillor for Riverside ward".
field-representative-party = Party (optional)
questions-title = Questions and answers
questions-empty = No questions yet.
question-ask = Ask a question
question-send = Ask in public
notice-question-asked = Your question is published; you will see the answer here.
question-sign-in = Sign in to ask a question.
question-waiting = Waiting for an answer.
question-answer-by = Answer from { $name }
question-answer = Publish the answer
notice-question-answered = Your answer is published.
field-question = Your question
field-question-hint = Everyone can read it, with your name.
field-answer = Your answer
error-representatives-admins-only = Only site administrators can add representatives.
error-question-not-yours = Only the representative the question was put to can answer it.
error-answer-length = Write an answer of at most 6,000 characters.

flag-summary = Flag this to a moderator
field-flag-reason = What is wrong with it?
flag-send = Send to a moderator
notice-flag-received = Thank you: a moderator will look at it.
error-flag-reason = Say what is wrong, in at most 1,000 characters.
moderation-title = Moderation
moderation-intro = Items people have flagged, the longest waiting first. Hide an item with a reason its author will see, or dismiss the flags.
moderation-empty = Nothing is flagged.
moderation-kind-report = A report
moderation-kind-story = A story
moderation-kind-question = A question
moderation-hide = Hide it
moderation-dismiss = Dismiss the flags
notice-moderation-hidden = Hidden; its author sees why.
notice-moderation-dismissed = The flags have been dismissed.
moderation-hidden-item = Hidden by a moderator
field-hide-reason = Reason (its author sees it)
field-hide-reason-hint = For example "It names a member of staff".
error-hide-reason = Give the reason its author will see, in at most 1,000 characters.
error-moderators-only = Only moderators can do this.
# Required fields of a representative and of a question.
field-role-missing = Enter the role.
field-question-missing = Write your question.
