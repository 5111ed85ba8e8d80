## Zgłoszenia problemów w okolicy

report-title = Zgłoszenia problemów w okolicy
report-intro = Zgłoś problem w swojej okolicy tym, którzy mogą go rozwiązać: dziura w jezdni, dzikie wysypisko, niedziałająca latarnia, hałas. Każde zgłoszenie trafia do odpowiedzialnej instytucji, która odpowiada na nie tutaj, publicznie.
report-new = Zgłoś problem
report-new-intro = Napisz, na czym polega problem i gdzie jest. Twoje zgłoszenie i odpowiedzi na nie są publiczne; twój adres e-mail nigdy nie jest pokazywany.
report-filters = Filtruj zgłoszenia
report-filter-status = Status
report-empty = Nie ma jeszcze żadnych zgłoszeń.
report-older = Starsze zgłoszenia
report-send = Wyślij zgłoszenie
notice-report-sent = Dziękujemy! Twoje zgłoszenie zostało wysłane. Gdy ktoś na nie odpowie, dostaniesz e-mail.
report-where = Gdzie
report-where-hint = Adres albo opis miejsca, a jeśli je znasz, także współrzędne (np. z aplikacji z mapą).
report-by = autor zgłoszenia: { $name }
report-sent-to = Wysłano do:
report-unrouted = Na tym obszarze żadna organizacja nie zajmuje się jeszcze takimi problemami; administratorzy strony zostali o tym powiadomieni.
report-duplicate-of = Ten problem został już zgłoszony:
report-original = zobacz pierwsze zgłoszenie
report-on-map = na mapie
report-photo-alt = Zdjęcie problemu: { $title }
report-affected-count = { $count ->
    [one] Jeszcze jedna osoba zaznaczyła, że jej to też dotyczy.
    [few] Jeszcze { $count } osoby zaznaczyły, że ich to też dotyczy.
   *[many] Jeszcze { $count } osób zaznaczyło, że ich to też dotyczy.
}
report-affects-me = Mnie też to dotyczy
report-follow = Obserwuj
report-unfollow = Przestań obserwować
report-following = Obserwujesz to zgłoszenie: dostaniesz wiadomość o każdej zmianie.
report-affected = Dotyczy (osób)
report-unfollowed = Nie obserwujesz już tego zgłoszenia.
report-updates = Aktualizacje
report-no-updates = Na razie nie ma aktualizacji.
report-moved-to = status: { $status }
report-answer = Odpowiedz publicznie
report-comment = Dodaj komentarz
report-publish = Opublikuj
notice-report-updated = Twoja aktualizacja została opublikowana, a obserwujący dostali powiadomienie.
report-sign-in = Zaloguj się, aby obserwować to zgłoszenie albo zaznaczyć, że ciebie też dotyczy.
report-received = Otrzymano

report-status-open = Otwarte
report-status-acknowledged = Przyjęte
report-status-in-progress = W realizacji
report-status-fixed = Naprawione
report-status-closed = Zamknięte
report-status-duplicate = Duplikat

field-report-category = Kategoria
field-report-category-invalid = Wybierz kategorię.
field-report-area = Obszar
field-report-area-hint = Osiedle, na którym jest problem.
field-report-title = Na czym polega problem?
field-report-title-hint = Kilka słów, np. „Dziura w jezdni przed numerem 12”.
field-report-description = Szczegóły
field-report-description-hint = Co widzisz, od kiedy, i wszystko, co pomoże znaleźć i naprawić problem.
field-report-address = Adres lub miejsce
field-report-latitude = Szerokość geograficzna
field-report-longitude = Długość geograficzna
field-report-coordinates-hint = W stopniach dziesiętnych, z kropką, np. 52.2297 i 21.0122. Jeśli ich nie znasz, zostaw oba pola puste.
field-report-coordinate-invalid = Wpisz współrzędną w stopniach dziesiętnych, np. 52.2297.
field-report-coordinates-pair = Podaj obie współrzędne (szerokość i długość) albo żadnej.
field-report-photos = Zdjęcia (opcjonalnie)
field-report-photos-hint = Do 3 zdjęć JPEG lub PNG, razem w granicach limitu przesyłania. Dane aparatu i położenie GPS są usuwane przed zapisaniem.
field-report-too-many-photos = Dodaj najwyżej 3 zdjęcia.
field-report-status = Status
field-report-status-hint = Mieszkańcy i obserwujący widzą każdą zmianę statusu.
field-report-status-invalid = Wybierz status.
field-report-duplicate-of = Duplikat zgłoszenia
field-report-duplicate-of-hint = Jeśli oznaczasz zgłoszenie jako duplikat: adres pierwszego zgłoszenia.
field-report-duplicate-invalid = Podaj adres innego, istniejącego zgłoszenia.
field-report-reply = Odpowiedź publiczna
field-report-reply-hint = Każdy może ją przeczytać.
field-report-update-empty = Napisz odpowiedź albo zmień status.
field-report-organisation = Organizacja
field-report-organisation-invalid = Wybierz organizację.
field-report-category-new = Nowa kategoria
field-report-category-name = Nadaj kategorii nazwę złożoną z liter lub cyfr.
field-report-category-taken = Kategoria o tej nazwie już istnieje.

report-new-subject = Nowe zgłoszenie: { $title }
report-new-body = Nowe zgłoszenie problemu, którym zajmuje się twoja organizacja: { $title }.

    Przeczytaj je i odpowiedz publicznie: { $link }
report-update-subject = Aktualizacja zgłoszenia „{ $title }”
report-update-status = Nowy status zgłoszenia „{ $title }”: { $status } (autor zmiany: { $who }).
report-update-reply = Nowa odpowiedź w zgłoszeniu „{ $title }” (autor odpowiedzi: { $who }).
report-update-link = Zobacz aktualizację: { $link }

report-inbox-title = Zgłoszenia do organizacji: { $name }
report-inbox-waiting = { $count ->
    [one] Czeka jedno zgłoszenie
    [few] Czekają { $count } zgłoszenia
   *[many] Czeka { $count } zgłoszeń
}
report-inbox-empty = Nic nie czeka na odpowiedź.
report-inbox-finished = Zakończone
report-stats-link = Nasze publiczne statystyki

report-stats-title = Jak { $name } odpowiada na zgłoszenia
report-stats-received = Otrzymane zgłoszenia
report-stats-response = Typowy czas do pierwszej publicznej odpowiedzi (mediana)
report-stats-fix = Typowy czas do naprawy (mediana)
report-stats-of = { $count ->
    [one] na podstawie 1 zgłoszenia
    [few] na podstawie { $count } zgłoszeń
   *[many] na podstawie { $count } zgłoszeń
}
report-stats-none = jeszcze brak
report-stats-chart = Zgłoszenia według statusu
report-stats-table = Zgłoszenia według statusu – liczby
report-stats-count = Zgłoszenia
report-wait-minutes = { $count ->
    [one] 1 minuta
    [few] { $count } minuty
   *[many] { $count } minut
}
report-wait-hours = { $count ->
    [one] 1 godzina
    [few] { $count } godziny
   *[many] { $count } godzin
}
report-wait-days = { $count ->
    [one] 1 dzień
    [few] { $count } dni
   *[many] { $count } dni
}

report-admin-title = Kategorie i przekazywanie zgłoszeń
report-categories = Kategorie
report-no-categories = Nie ma jeszcze kategorii: dodaj rodzaje problemów, które mieszkańcy mogą zgłaszać.
report-category-add = Dodaj kategorię
notice-report-category-added = Kategoria została dodana.
report-routes = Kto co naprawia i gdzie
report-routes-intro = Zgłoszenia z danej kategorii z obszaru (albo z dowolnego obszaru w jego granicach) trafiają do wybranej tu organizacji; pierwszeństwo ma reguła dla obszaru położonego najbliżej.
report-no-routes = Nie ma jeszcze reguł: zgłoszenia będą czekać bez przypisanej organizacji.
report-route-add = Dodaj regułę
notice-report-route-set = Reguła została zapisana.
report-route-delete = Usuń
notice-report-route-deleted = Reguła została usunięta.

report-api-keys = Klucze API Open311
report-api-keys-intro = Inne systemy (np. system obsługi spraw w urzędzie albo aplikacja do zgłoszeń) mogą przesyłać zgłoszenia przez API Open311 GeoReport v2 pod adresem /api/open311/v2/, używając utworzonego tutaj klucza. Do odczytu klucz nie jest potrzebny.
report-key-made = Oto nowy klucz. Skopiuj go teraz: nie jest nigdzie zapisywany i nie zostanie pokazany ponownie.
report-key-make = Utwórz klucz
report-key-revoke = Unieważnij
notice-report-key-revoked = Klucz został unieważniony.
report-key-revoked-tag = unieważniony
field-report-key-name = Dla jakiego systemu jest ten klucz?
field-report-key-name-hint = Np. „System obsługi spraw urzędu miasta”. Widzą to tylko administratorzy.

error-report-officials-only = Status zgłoszenia mogą zmieniać tylko urzędnicy organizacji, do której zostało wysłane.
error-report-admins-only = Kategorie i przekazywanie zgłoszeń mogą zmieniać tylko administratorzy strony.
error-report-follow-invalid = Nie można w ten sposób obserwować zgłoszenia.

notifications-title = Powiadomienia
notifications-empty = Nic nowego.
notifications-new = nowe
# Wymagana nazwa nowego klucza API.
field-key_name-missing = Nadaj kluczowi nazwę.
report-inbox-more-waiting = Kolejne oczekujące zgłoszenia

# Domykanie spraw (issue 28): terminy, zgłoszenia po terminie, „czy to naprawiono?”
report-targets = Docelowe terminy naprawy
report-targets-intro = Kategoria może mieć docelowy termin naprawy w dniach. Zgłoszenia wciąż otwarte po tym czasie są oznaczane jako przeterminowane w skrzynce, przy zgłoszeniu i w publicznych wynikach organizacji.
field-report-target-days = Termin (dni)
field-report-target-days-hint = Od 1 do 366; zostaw puste, aby usunąć termin.
field-report-target-days-invalid = Podaj liczbę całkowitą dni od 1 do 366 albo zostaw puste.
report-target-save = Zapisz termin
notice-report-target-set = Termin został zapisany.
report-target-days = { $count ->
    [one] termin: jeden dzień
   *[other] termin: { $count } dni
}
report-overdue = Po terminie
report-overdue-by-target = { $count ->
    [one] Wciąż otwarte po terminie jednego dnia dla tej kategorii.
   *[other] Wciąż otwarte po terminie { $count } dni dla tej kategorii.
}
report-inbox-overdue = { $count ->
    [one] Jedno czekające zgłoszenie jest po terminie swojej kategorii.
    [few] { $count } czekające zgłoszenia są po terminie swojej kategorii.
   *[many] { $count } czekających zgłoszeń jest po terminie swojej kategorii.
}
report-stats-overdue = Otwarte zgłoszenia po terminie
report-stats-confirmed = Naprawę potwierdzili zgłaszający
report-stats-not-fixed = Zgłaszający twierdzą, że nie naprawiono
report-ask-subject = Czy to naprawiono? „{ $title }”
report-ask-body-fixed = Cztery tygodnie temu Twoje zgłoszenie „{ $title }” oznaczono jako naprawione. Czy naprawdę je naprawiono?
    
    Tak, naprawiono: { $yes }
    Nie, nie naprawiono: { $no }
    
    Jeśli nie, zgłoszenie zostanie otwarte ponownie, a organizacja powiadomiona. Zgłoszenie: { $link }

report-ask-body-waiting = Twoje zgłoszenie „{ $title }” czeka cztery tygodnie bez odpowiedzi. Czy je naprawiono?
    
    Tak, naprawiono: { $yes }
    Nie, nie naprawiono: { $no }
    
    Jeśli nie, organizacja zostanie powiadomiona ponownie. Zgłoszenie: { $link }

report-ask-title = Czy to naprawiono?
report-ask-intro = Zgłoszono przez Ciebie: „{ $title }”.
report-ask-see = Zobacz zgłoszenie
report-ask-question = Czy problem został naprawiony?
report-ask-yes = Tak, naprawiono
report-ask-no = Nie, nie naprawiono
field-report-ask-comment = Coś do dodania? (nieobowiązkowe, widoczne przy zgłoszeniu)
field-report-ask-comment-hint = Na przykład co wciąż jest nie tak.
report-ask-send = Wyślij odpowiedź
field-report-answer-missing = Wybierz tak albo nie.
error-report-answered = Na to pytanie już odpowiedziano. Dziękujemy.
notice-report-reopened = Dziękujemy. Zgłoszenie jest znów otwarte, a organizacja została powiadomiona.
notice-report-confirmed-fixed = Dziękujemy. Zgłoszenie jest teraz oznaczone jako naprawione.
notice-report-answer-thanks = Dziękujemy za odpowiedź.
report-not-fixed-notice = Osoba, która zgłosiła „{ $title }”, twierdzi, że nie naprawiono.
report-not-fixed-subject = Nie naprawiono: „{ $title }”
report-not-fixed-body = Osoba, która zgłosiła „{ $title }”, twierdzi, że problemu nie naprawiono.
    
    { $comment }
    
    Zgłoszenie: { $link }

# Open311 na zewnątrz i z powrotem (issue 28)
field-report-send-to = Dokąd trafiają zgłoszenia
field-report-send-to-hint = System zewnętrzny to usługa Open311 GeoReport v2 innego urzędu lub wykonawcy: zgłoszenie zostaje do niej wysłane, a jej stan i notatki wracają jako odpowiedzi organizacji.
report-send-to-inbox = Skrzynka organizacji w serwisie
report-send-to-open311 = Zamiast tego zewnętrzny system Open311
report-send-to-both = Skrzynka w serwisie i zewnętrzny system Open311
field-report-send-to-invalid = Wybierz, dokąd trafiają zgłoszenia.
field-report-open311-url = Adres usługi Open311
field-report-open311-url-hint = Adres bazowy, kończący się przed „requests.json”, na przykład https://urzad.example/open311/v2
field-report-open311-url-invalid = Podaj adres usługi zaczynający się od https:// (lub http://).
field-report-open311-key = Jej klucz API
field-report-open311-service-code = Jej kod usługi dla tej kategorii
field-report-open311-service-code-missing = Podaj kod usługi, którego system zewnętrzny używa dla tej kategorii.
field-report-open311-jurisdiction = Jej jurysdykcja (jeśli jej wymaga)
field-report-open311-jurisdiction-hint = Wysyłana jako jurisdiction_id; zostaw puste, jeśli system ma tylko jedną.
report-sending = Zgłoszenia wysłane do systemów zewnętrznych
report-sending-fine = Każde zgłoszenie wysłane do systemu zewnętrznego zostało przyjęte albo zaraz zostanie wysłane.
report-sending-intro = Tych zgłoszeń system zewnętrzny jeszcze nie przyjął. Każde jest ponawiane później, za każdym razem po dłuższej przerwie; po ośmiu próbach serwis rezygnuje.
report-sending-attempts = Próby
report-sending-error = Ostatni błąd
report-sending-gave-up = Zrezygnowano
report-sending-more = Więcej nieprzyjętych zgłoszeń
