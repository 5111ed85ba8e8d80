## Accounts: first administrator, registration, sign-in, password reset and the account page.

setup-title = Set up Square Mile
setup-intro = Nobody has an account on this site yet. Create the first one: it will be the site administrator, who can add areas and give others roles.
setup-submit = Create the administrator account

register-title = Create an account
register-intro = It takes a minute. Your email address is never shown to anyone.
register-submit = Create account
register-have-account = Already have an account?

field-display-name = Your name
field-display-name-hint = How neighbours will see you, e.g. Ann or Ann Okafor.
field-display_name-missing = Enter your name.
field-email = Email address
field-email-hint = We use it to sign you in and to send a link if you forget your password.
field-email-taken = An account with this email address already exists. Sign in, or reset your password.
field-password = Password
field-password-hint = At least 10 characters. A few words together are easy to remember and hard to guess.
field-password-confirm = Type the password again
field-password-too-short = Your password must be at least 10 characters long.
field-password-is-email = Your password cannot be your email address.
field-password-mismatch = The two passwords do not match.
field-new-password = New password
field-current-password = Your current password
field-current-password-wrong = That is not your current password.
field-home-area = Your neighbourhood
field-home-area-hint = Optional. An official can then verify that you live there.
field-home-area-none = I'd rather not say
field-home-area-invalid = Choose a neighbourhood from the list.
field-bio = About you
field-bio-hint = Optional. What you care about, what you can help with.
field-language = Language

login-title = Sign in
login-submit = Sign in
login-failed = The email address or password is not right.
login-forgot = Forgotten your password?
login-no-account = New here?

forgot-title = Reset your password
forgot-intro = Enter the email address of your account. We will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent = If { $email } has an account, a link to reset its password is on its way. It works for one hour.

reset-title = Choose a new password
reset-submit = Save the new password
reset-invalid = This link has expired or has already been used.
reset-ask-again = Ask for a new link
reset-email-subject = Reset your Square Mile password
reset-email-body =
    Hello { $name },

    Someone asked to reset the password of your Square Mile account. If it was you, open this link within one hour to choose a new password:

    { $link }

    If it was not you, ignore this email: your password stays as it is.

account-title = Your account
account-signed-in-as = Signed in as { $email }.
account-profile = Profile
account-save = Save profile
account-roles = Your roles
account-no-roles = You have no roles yet. Say which neighbourhood you live in to get started.
account-use-code = Have an invitation code from your council? Use it here.
account-security = Password and data
account-change-password = Change your password
account-export = Download all your data (JSON)
account-delete = Delete your account

password-title = Change your password
password-submit = Change password

delete-title = Delete your account
delete-explain = Your profile, roles and memberships will be deleted and you will be signed out. Things you created for the community stay, without your name. This cannot be undone.
delete-submit = Delete my account
delete-last-admin = You are the only site administrator. Make someone else an administrator before deleting your account.

notice-welcome-admin = Your administrator account is ready. Start by adding your city.
notice-registered = Welcome! Your account is ready.
notice-password-reset = Your password has been changed. Sign in with the new one.
notice-password-changed = Your password has been changed and other devices have been signed out.
notice-profile-saved = Your profile has been saved.
notice-account-deleted = Your account has been deleted.

register-sent-title = Check your email
register-sent = We have sent a message to the address you gave. Open the link in it to finish creating your account; it works for 24 hours.
register-sent-nothing = Nothing there after a few minutes? Look in your spam folder. If you already have an account with that address, the message says how to sign in instead.
register-sent-demo = This is a demonstration site: its emails are not sent but written to the server's log, where you will find the link.
register-again = Register again
register-confirm-title = Finish creating your account
register-confirm-intro = Welcome, { $name }. One click and your account is ready.
register-confirm-submit = Create my account
register-link-gone = This link has expired or has already been used. If you created your account with it, sign in; if not, register again.
register-link-taken = An account with this email address already exists. Sign in, or reset your password.
register-confirm-email-subject = Finish creating your Square Mile account
register-confirm-email-body =
    Hello { $name },

    To finish creating your Square Mile account, open this link within 24 hours:

    { $link }

    If you did not ask for an account, ignore this email: nothing is created without the link.
register-exists-email-subject = You already have a Square Mile account
register-exists-email-body =
    Hello { $name },

    Someone, perhaps you, tried to create a Square Mile account with this email address. It already has one, so nothing was changed.

    Sign in: { $login }
    Forgotten your password? Ask for a new one: { $forgot }

    If it was not you, ignore this email.
