notifications-settings-title = Choose what you are told
notifications-settings-intro = For each kind of news, choose how you get email about it: at once, gathered into one email a day or a week, or never; and whether the site shows it under Notifications.
notifications-kind-replies = Replies to me
notifications-kind-replies-hint = Messages from people you are matched with to help or be helped.
notifications-kind-following = Updates on what I follow
notifications-kind-following-hint = Answers and changes on reports and conversations you follow.
notifications-kind-area = My area's news
notifications-kind-area-hint = The digests of the alerts you subscribed to.
notifications-kind-work = My work queues
notifications-kind-work-hint = Reports sent to your organisation, residents waiting to be verified, reports their reporters say are not fixed.
notifications-email-now = Email at once
notifications-email-daily = One email a day
notifications-email-weekly = One email a week
notifications-email-never = No email
notifications-site = Show on the site under Notifications
notifications-save = Save my choices
notice-notifications-saved = Your choices have been saved.
field-notifications-invalid = Choose how you get email for every kind of news.
notifications-alerts = Alerts
notifications-alerts-intro = Alerts tell you of new things in a place or on a topic, each as often as you chose for it.
notifications-alerts-link = Your alerts
notifications-settings-link = Choose what you are told
account-notifications = Choose which emails and notifications you get
notifications-footer = Choose which emails you get: { $link }
notifications-summary-daily = { $count ->
    [one] Your daily summary: one message
   *[other] Your daily summary: { $count } messages
}
notifications-summary-weekly = { $count ->
    [one] Your weekly summary: one message
   *[other] Your weekly summary: { $count } messages
}
notifications-older = Older notifications
