## Układ strony, strony błędów i elementy wspólne dla formularzy.

skip-to-content = Przejdź do treści
nav-label = Menu główne
nav-areas = Obszary
nav-organisations = Organizacje
nav-assets = Co mamy
nav-help = Pomoc sąsiedzka
nav-reports = Zgłoś problem
nav-stories = Historie
nav-representatives = Radni
nav-conversations = Rozmowy
nav-events = Wydarzenia
nav-alerts = Powiadomienia e-mail
nav-methods = Metody
nav-notifications = Powiadomienia
nav-budgets = Budżety
nav-juries = Panele obywatelskie
nav-mapping = Mapy sieci
nav-account = Twoje konto
nav-sign-in = Zaloguj się
nav-register = Załóż konto
nav-sign-out = Wyloguj się
language-label = Język
footer-tagline = Square Mile: zobacz, co ma twoja okolica, nawiąż kontakty i decyduj razem z sąsiadami.
breadcrumbs = Jesteś tutaj
save = Zapisz
filter = Filtruj

# Czytniki ekranu odczytują to przed komunikatem o błędzie w polu formularza.
error-message-prefix = Błąd:
error-summary-title = Wystąpił problem
error-go-home = Przejdź na stronę główną
error-status = Kod błędu { $status }
error-400-title = Coś w żądaniu było nie tak
error-400-message = Strona nie zrozumiała przesłanych danych. Wróć, sprawdź formularz i spróbuj ponownie.
error-401-title = Zaloguj się
error-401-message = Musisz się zalogować, aby to zrobić.
error-403-title = Nie możesz tego zrobić
error-403-message = Twoje konto nie ma uprawnień do tej strony.
error-404-title = Nie znaleziono strony
error-404-message = Jeśli adres był wpisany ręcznie, sprawdź, czy jest poprawny. Strona mogła też zostać przeniesiona lub usunięta.
error-409-title = Teraz nie można tego zrobić
error-409-message = Zmiana koliduje z obecnym stanem strony. Odśwież stronę i spróbuj ponownie.
error-413-title = To jest za duże
error-413-message = Przesłane dane są większe, niż strona przyjmuje. Spróbuj mniejszego pliku lub krótszego tekstu.
error-429-title = Zbyt wiele prób
error-429-message = Z twojego połączenia było zbyt wiele prób.
error-500-title = Przepraszamy, coś poszło nie tak
error-500-message = Problem został zapisany w dzienniku, a przesłane dane nie zostały zapisane częściowo. Spróbuj ponownie później.
error-503-title = Strona jest zajęta
error-503-message = Odpowiedź trwała zbyt długo. Spróbuj ponownie za chwilę.
error-stale-form = Ten formularz wygasł albo nie pochodzi z tej strony. Wróć, odśwież stronę i wyślij go ponownie.
error-setup-done = Strona ma już administratora.
error-needs-site-admin = Tylko administratorzy strony mogą to zrobić.
error-needs-area-admin = Tylko administratorzy tego obszaru mogą to zrobić.
error-needs-official = Tylko urzędnicy i administratorzy tego obszaru mogą to zrobić.
error-needs-connector = Tylko łącznicy, urzędnicy i administratorzy tego obszaru mogą to zrobić.
error-needs-org-admin = Tylko administratorzy tej organizacji mogą to zrobić.
error-verify-self = Nie możesz zweryfikować samego siebie; musi to zrobić inny urzędnik.
error-verify-nothing = Ta osoba nie zgłosiła, że tu mieszka, albo jest już zweryfikowana.
error-area-too-deep = Osiedla nie mogą zawierać innych obszarów.
error-join-neighbourhood-only = Możesz wskazać tylko osiedle, a nie całą dzielnicę czy miasto.
error-last-org-admin = Organizacja potrzebuje co najmniej jednego administratora. Najpierw nadaj tę rolę komuś innemu.

field-too-long = Ten tekst jest za długi.
field-name-missing = Wpisz nazwę.
field-email-missing = Wpisz swój adres e-mail.
field-email-invalid = Wpisz adres e-mail w poprawnym formacie, np. imie@example.org.
field-choose = Wybierz
field-slug = Adres internetowy
field-slug-hint = Używany w linkach, np. stare-miasto. Zostaw puste, aby utworzyć go z nazwy.
field-slug-invalid = Wpisz adres złożony z liter i cyfr.
field-slug-taken = Ten adres jest już zajęty. Wybierz inny.
field-role-invalid = Wybierz rolę z listy.
field-email-unknown = Nikt nie ma konta z tym adresem e-mail. Poproś tę osobę, aby najpierw je założyła.

role-resident = Mieszkaniec
role-connector = Łącznik
role-official = Urzędnik
role-representative = Radny
role-moderator = Moderator
role-admin = Administrator
resident-verified = zweryfikowany
resident-unverified = jeszcze niezweryfikowany

notice-signed-out = Wylogowano.
error-api-limit = Limit musi być liczbą całkowitą od 1 do 200.
error-api-cursor = Ten kursor nie pochodzi z tego API: przekaż bez zmian wartość „next” z poprzedniej strony.

# Limity i blokady (429): co odrzucono i kiedy spróbować ponownie.
error-retry-after = Możesz spróbować ponownie za { $count ->
    [one] 1 minutę
    [few] { $count } minuty
    [many] { $count } minut
   *[other] { $count } minuty
}.
error-code-throttled = Z twojego konta lub połączenia wpisano zbyt wiele błędnych kodów, więc na razie żaden kod nie jest sprawdzany.
error-sign-in-throttled = Dla tego adresu e-mail wpisano zbyt wiele błędnych haseł, więc logowanie nim jest wstrzymane. Jeśli nie pamiętasz hasła, poproś o nowe na stronie logowania.
error-posting-limit = W ciągu ostatniej godziny opublikowano z twojego konta bardzo wiele wpisów. Odczekaj chwilę, zanim opublikujesz kolejny.
error-registration-throttled = Na ten adres e-mail wysłano w ostatnich minutach kilka wiadomości rejestracyjnych. Poszukaj ich w skrzynce albo spróbuj ponownie później.
