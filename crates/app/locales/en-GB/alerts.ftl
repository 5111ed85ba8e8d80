alert-title = Alerts
alert-intro = Get an email with what is new where you live: problems reported, stories, conversations, asks and offers of help, events, budget phases and methods. Choose what, where and how often.
alert-none = You have no alerts yet.
alert-remove = Stop this alert
alert-new = A new alert
alert-everywhere = Everywhere
alert-subscribe = Start the alert
alert-frequency-daily = Every day
alert-frequency-weekly = Every week
field-alert-kinds = What to hear about
field-alert-kinds-missing = Choose at least one kind of news.
field-alert-topic = Conversation topic
field-alert-topic-hint = Narrows conversations only.
field-alert-keyword = Words
field-alert-keyword-hint = Only items with all these words, for example "bench" or "tree planting". Leave empty for everything.
field-alert-frequency = How often
field-alert-frequency-missing = Choose how often.
field-alert-too-many = You have the most alerts one person can have; stop one first.
notice-alert-subscribed = Your alert is set. The first digest comes when its period is over, if there is news.
notice-alert-removed = The alert is stopped.
alert-digest-daily-subject = { $count ->
    [one] Your daily alert: 1 new item
   *[other] Your daily alert: { $count } new items
}
alert-digest-weekly-subject = { $count ->
    [one] Your weekly alert: 1 new item
   *[other] Your weekly alert: { $count } new items
}
alert-digest-manage = Change or stop your alerts:
alert-digest-unsubscribe = Stop this alert with one click:
alert-unsubscribe-title = Stop an alert
alert-unsubscribe-what = Stop the alert for { $alert }?
alert-unsubscribe-button = Stop this alert
alert-unsubscribed = The alert is stopped. You will get no more of its emails.
alert-unsubscribe-gone = This alert is already stopped.
