## Konta: pierwszy administrator, rejestracja, logowanie, reset hasła i strona konta.

setup-title = Konfiguracja Square Mile
setup-intro = Na tej stronie nie ma jeszcze żadnego konta. Utwórz pierwsze: będzie to konto administratora strony, który może dodawać obszary i nadawać role innym.
setup-submit = Utwórz konto administratora

register-title = Załóż konto
register-intro = To zajmie minutę. Twój adres e-mail nie jest nikomu pokazywany.
register-submit = Załóż konto
register-have-account = Masz już konto?

field-display-name = Imię i nazwisko
field-display-name-hint = Tak zobaczą cię sąsiedzi, np. Anna albo Anna Nowak.
field-display_name-missing = Wpisz swoje imię.
field-email = Adres e-mail
field-email-hint = Służy do logowania i do wysłania linku, jeśli zapomnisz hasła.
field-email-taken = Konto z tym adresem e-mail już istnieje. Zaloguj się albo zresetuj hasło.
field-password = Hasło
field-password-hint = Co najmniej 10 znaków. Kilka słów razem łatwo zapamiętać, a trudno odgadnąć.
field-password-confirm = Wpisz hasło ponownie
field-password-too-short = Hasło musi mieć co najmniej 10 znaków.
field-password-is-email = Hasło nie może być twoim adresem e-mail.
field-password-mismatch = Hasła nie są takie same.
field-new-password = Nowe hasło
field-current-password = Obecne hasło
field-current-password-wrong = To nie jest twoje obecne hasło.
field-home-area = Twoje osiedle
field-home-area-hint = Opcjonalnie. Urzędnik może potem potwierdzić, że tam mieszkasz.
field-home-area-none = Wolę nie podawać
field-home-area-invalid = Wybierz osiedle z listy.
field-bio = O tobie
field-bio-hint = Opcjonalnie. Na czym ci zależy, w czym możesz pomóc.
field-language = Język

login-title = Logowanie
login-submit = Zaloguj się
login-failed = Adres e-mail lub hasło są nieprawidłowe.
login-forgot = Nie pamiętasz hasła?
login-no-account = Jesteś tu nowy?

forgot-title = Zresetuj hasło
forgot-intro = Wpisz adres e-mail swojego konta. Wyślemy link do ustawienia nowego hasła.
forgot-submit = Wyślij link
forgot-sent = Jeśli { $email } ma konto, link do zresetowania hasła jest w drodze. Działa przez godzinę.

reset-title = Ustaw nowe hasło
reset-submit = Zapisz nowe hasło
reset-invalid = Ten link wygasł albo został już użyty.
reset-ask-again = Poproś o nowy link
reset-email-subject = Reset hasła w Square Mile
reset-email-body =
    Dzień dobry, { $name }!

    Ktoś poprosił o zresetowanie hasła do twojego konta w Square Mile. Jeśli to ty, otwórz ten link w ciągu godziny, aby ustawić nowe hasło:

    { $link }

    Jeśli to nie ty, zignoruj tę wiadomość: twoje hasło się nie zmieni.

account-title = Twoje konto
account-signed-in-as = Zalogowano jako { $email }.
account-profile = Profil
account-save = Zapisz profil
account-roles = Twoje role
account-no-roles = Nie masz jeszcze żadnych ról. Na początek wskaż osiedle, na którym mieszkasz.
account-use-code = Masz kod zaproszenia od urzędu? Użyj go tutaj.
account-security = Hasło i dane
account-change-password = Zmień hasło
account-export = Pobierz wszystkie swoje dane (JSON)
account-delete = Usuń konto

password-title = Zmień hasło
password-submit = Zmień hasło

delete-title = Usuń konto
delete-explain = Twój profil, role i członkostwa zostaną usunięte, a ty zostaniesz wylogowany. To, co stworzyłeś dla społeczności, zostanie, ale bez twojego imienia. Tego nie można cofnąć.
delete-submit = Usuń moje konto
delete-last-admin = Jesteś jedynym administratorem strony. Zanim usuniesz konto, nadaj tę rolę komuś innemu.

notice-welcome-admin = Konto administratora jest gotowe. Zacznij od dodania swojego miasta.
notice-registered = Witamy! Twoje konto jest gotowe.
notice-password-reset = Hasło zostało zmienione. Zaloguj się nowym hasłem.
notice-password-changed = Hasło zostało zmienione, a inne urządzenia wylogowane.
notice-profile-saved = Profil został zapisany.
notice-account-deleted = Konto zostało usunięte.

register-sent-title = Sprawdź skrzynkę e-mail
register-sent = Wysłaliśmy wiadomość na podany adres. Otwórz zawarty w niej link, aby dokończyć zakładanie konta; działa przez 24 godziny.
register-sent-nothing = Po kilku minutach nadal nic nie ma? Zajrzyj do folderu ze spamem. Jeśli masz już konto z tym adresem, wiadomość podpowie, jak się zalogować.
register-sent-demo = To strona demonstracyjna: jej wiadomości nie są wysyłane, tylko zapisywane w dzienniku serwera, gdzie znajdziesz link.
register-again = Zarejestruj się ponownie
register-confirm-title = Dokończ zakładanie konta
register-confirm-intro = Witaj, { $name }. Jedno kliknięcie i konto będzie gotowe.
register-confirm-submit = Załóż moje konto
register-link-gone = Ten link wygasł albo został już użyty. Jeśli konto zostało nim założone, zaloguj się; jeśli nie, zarejestruj się ponownie.
register-link-taken = Konto z tym adresem e-mail już istnieje. Zaloguj się albo zresetuj hasło.
register-confirm-email-subject = Dokończ zakładanie konta w Square Mile
register-confirm-email-body =
    Witaj, { $name },

    aby dokończyć zakładanie konta w Square Mile, otwórz ten link w ciągu 24 godzin:

    { $link }

    Jeśli nie zakładasz konta, zignoruj tę wiadomość: bez linku nic nie zostanie utworzone.
register-exists-email-subject = Masz już konto w Square Mile
register-exists-email-body =
    Witaj, { $name },

    ktoś, być może ty, próbował założyć konto w Square Mile z tym adresem e-mail. Ten adres ma już konto, więc niczego nie zmieniono.

    Zaloguj się: { $login }
    Nie pamiętasz hasła? Poproś o nowe: { $forgot }

    Jeśli to nie ty, zignoruj tę wiadomość.
