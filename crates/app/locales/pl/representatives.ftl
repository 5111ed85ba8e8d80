## Radni, pytania i moderacja

representatives-title = Twoi radni
representatives-intro = Osoby wybrane w każdym obszarze. Zadaj im pytanie publicznie: ich odpowiedzi i pytania, które wciąż czekają, są tu widoczne dla wszystkich.
representatives-empty = Nie dodano jeszcze żadnych radnych.
representatives-table = Radni i to, jak odpowiadają
representatives-name = Radny
representatives-asked = Pytania
representatives-unanswered = Bez odpowiedzi
representatives-rate = Z odpowiedzią
representatives-add = Dodaj radnego
notice-representative-added = Dodano do listy radnych.
representatives-record-asked = { $count ->
    [one] Zadano jedno pytanie.
    [few] Zadano { $count } pytania.
   *[many] Zadano { $count } pytań.
}
representatives-record-unanswered = { $count ->
    [0] Żadne nie czeka na odpowiedź.
    [one] Jedno czeka na odpowiedź.
    [few] { $count } czekają na odpowiedź.
   *[many] { $count } czeka na odpowiedź.
}
representatives-record-rate = Odpowiedziano na { $rate }% pytań.
field-representative-email = Adres e-mail konta tej osoby
field-representative-email-hint = Aby odpowiadać, ta osoba musi mieć konto na tej stronie.
field-representative-email-unknown = Nie ma konta z tym adresem e-mail.
field-representative-already = Ta osoba już reprezentuje ten obszar.
field-representative-area = Obszar
field-representative-role = Funkcja
field-representative-role-hint = Na przykład „Radna dzielnicy Śródmieście”.
field-representative-party = Partia lub komitet (opcjonalnie)
questions-title = Pytania i odpowiedzi
questions-empty = Nie ma jeszcze pytań.
question-ask = Zadaj pytanie
question-send = Zadaj pytanie publicznie
notice-question-asked = Twoje pytanie zostało opublikowane; odpowiedź pojawi się tutaj.
question-sign-in = Zaloguj się, aby zadać pytanie.
question-waiting = Czeka na odpowiedź.
question-answer-by = Odpowiada { $name }
question-answer = Opublikuj odpowiedź
notice-question-answered = Twoja odpowiedź została opublikowana.
field-question = Twoje pytanie
field-question-hint = Każdy może je przeczytać; będzie podpisane twoim imieniem.
field-answer = Twoja odpowiedź
error-representatives-admins-only = Tylko administratorzy strony mogą dodawać radnych.
error-question-not-yours = Odpowiedzieć może tylko radny, do którego skierowano pytanie.
error-answer-length = Odpowiedź może mieć najwyżej 6000 znaków.

flag-summary = Powiadom moderatora
field-flag-reason = Co jest nie tak?
flag-send = Wyślij do moderatora
notice-flag-received = Dziękujemy, moderator to sprawdzi.
error-flag-reason = Napisz, co jest nie tak (najwyżej 1000 znaków).
moderation-title = Moderacja
moderation-intro = Treści oznaczone przez użytkowników, od najdłużej czekających. Ukryj treść, podając powód, który zobaczy jej autor, albo odrzuć oznaczenia.
moderation-empty = Nic nie zostało oznaczone.
moderation-kind-report = Zgłoszenie
moderation-kind-story = Historia
moderation-kind-question = Pytanie
moderation-hide = Ukryj
moderation-dismiss = Odrzuć oznaczenia
notice-moderation-hidden = Ukryto; autor widzi powód.
notice-moderation-dismissed = Oznaczenia zostały odrzucone.
moderation-hidden-item = Ukryte przez moderatora
field-hide-reason = Powód (zobaczy go autor)
field-hide-reason-hint = Na przykład „Podano nazwisko pracownika urzędu”.
error-hide-reason = Podaj powód, który zobaczy autor (najwyżej 1000 znaków).
error-moderators-only = Tylko moderatorzy mogą to zrobić.
# Wymagane pola radnego i pytania.
field-role-missing = Wpisz funkcję.
field-question-missing = Napisz swoje pytanie.
