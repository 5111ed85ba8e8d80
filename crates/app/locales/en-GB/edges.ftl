# Messages added for the rough edges of issue 25.
field-pb-change-not-yours = This ballot was not cast from your account, so you cannot change it. The receipt lets you check a ballot; only its voter can change it.
field-pb-change-wrong-code = This is not the invitation code this ballot was cast with. Type the code you voted with.
upload-size-megabytes = { $size } MB
upload-size-kilobytes = { $size } kB
upload-too-large = This file is too large: the most a form can send is { $size }. Choose a smaller file (a photo can be saved smaller) and send the form again; everything else you typed is kept.
field-too-long-limit = This is too long: at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}, and this has { $length }.
game-no-answers-yet = No answers yet: the gaps show here once the tables sort their cards.
game-no-gaps-yet = No gaps so far, but { $count ->
    [one] { $count } card is
   *[other] { $count } cards are
} not answered yet.
pb-status-voted-on = Voted on: see the results
pb-eligibility-title = You cannot vote yet
pb-eligibility-verify-how = Verifying takes a minute if you have the code from your council letter; otherwise an official of your area can verify you.
pb-eligibility-verify = Verify that you live here
pb-eligibility-home = Say where you live
