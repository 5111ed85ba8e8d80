## The layout, error pages and pieces shared by every form.

skip-to-content = Skip to main content
nav-label = Main menu
nav-areas = Areas
nav-organisations = Organisations
nav-assets = What we have
nav-help = Give and get help
nav-reports = Report a problem
nav-stories = Stories
nav-representatives = Representatives
nav-conversations = Conversations
nav-events = Events
nav-alerts = Alerts
nav-methods = Methods
nav-notifications = Notifications
nav-budgets = Budgets
nav-juries = Juries
nav-mapping = Network maps
nav-account = Your account
nav-sign-in = Sign in
nav-register = Create an account
nav-sign-out = Sign out
language-label = Language
footer-tagline = Square Mile: see what your neighbourhood has, connect, and decide together.
breadcrumbs = You are here
save = Save
filter = Filter

# Read out by screen readers before a field's error message.
error-message-prefix = Error:
error-summary-title = There is a problem
error-go-home = Go to the home page
error-status = Error code { $status }
error-400-title = Something in the request was wrong
error-400-message = The page could not understand what was sent. Go back, check the form and try again.
error-401-title = Please sign in
error-401-message = You need to sign in to do that.
error-403-title = You cannot do that
error-403-message = Your account does not have permission for this page.
error-404-title = Page not found
error-404-message = If you typed the address, check it is correct. The page may also have moved or been removed.
error-409-title = That cannot be done now
error-409-message = The change conflicts with the current state of the site. Reload the page and try again.
error-413-title = That was too large
error-413-message = What you sent is larger than the site accepts. Try a smaller file or shorter text.
error-429-title = Too many attempts
error-429-message = There have been too many attempts from your connection.
error-500-title = Sorry, something went wrong
error-500-message = The problem has been logged and nothing you sent was half-saved. Please try again later.
error-503-title = The site is busy
error-503-message = The site took too long to answer. Please try again in a moment.
error-stale-form = This form has expired or did not come from this site. Go back, reload the page and send it again.
error-setup-done = The site already has an administrator.
error-needs-site-admin = Only site administrators can do this.
error-needs-area-admin = Only administrators of this area can do this.
error-needs-official = Only officials and administrators of this area can do this.
error-needs-connector = Only connectors, officials and administrators of this area can do this.
error-needs-org-admin = Only administrators of this organisation can do this.
error-verify-self = You cannot verify yourself; another official must do it.
error-verify-nothing = That person has not said they live here, or is already verified.
error-area-too-deep = Neighbourhoods cannot contain other areas.
error-join-neighbourhood-only = You can only say you live in a neighbourhood, not a whole district or city.
error-last-org-admin = An organisation needs at least one administrator. Make someone else an administrator first.

field-too-long = This is too long.
field-name-missing = Enter a name.
field-email-missing = Enter your email address.
field-email-invalid = Enter an email address in the right format, like name@example.org.
field-choose = Choose one
field-slug = Web address
field-slug-hint = Used in links, e.g. canal-quarter. Leave empty to make one from the name.
field-slug-invalid = Enter a web address using letters and numbers.
field-slug-taken = That web address is already used. Choose another.
field-role-invalid = Choose a role from the list.
field-email-unknown = Nobody has an account with this email address. Ask them to create one first.

role-resident = Resident
role-connector = Connector
role-official = Official
role-representative = Representative
role-moderator = Moderator
role-admin = Administrator
resident-verified = verified
resident-unverified = not yet verified

notice-signed-out = You have signed out.
error-api-limit = The limit must be a whole number from 1 to 200.
error-api-cursor = The cursor is not one this API gave: pass back a page's "next" value unchanged.

# Limits and throttles (429): what was refused, and when to try again.
error-retry-after = You can try again in { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}.
error-code-throttled = Too many wrong codes have been tried from your account or your connection, so no code is being checked for now.
error-sign-in-throttled = Too many wrong passwords have been tried for this email address, so signing in with it is paused. If you have forgotten your password, ask for a new one from the sign-in page.
error-posting-limit = You have posted a lot in the last hour. Please wait a little before posting again.
error-registration-throttled = This email address has been sent several registration emails in the last few minutes. Look for them in its inbox, or try again later.
