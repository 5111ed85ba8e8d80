## Rozmowy mieszkańców

conversation-title = Rozmowy
conversation-intro = Porozmawiaj z sąsiadami o tym, co ważne w twojej okolicy. Oznacz odpowiedź jako pomysł na rozwiązanie: pomysł może stać się prośbą o pomoc albo projektem do budżetu obywatelskiego.
conversation-new = Rozpocznij rozmowę
conversation-start = Rozpocznij
notice-conversation-started = Rozmowa się zaczęła. Damy ci znać o nowych odpowiedziach.
conversation-filters = Filtruj rozmowy
conversation-with-ideas = Tylko rozmowy z pomysłami na rozwiązanie
conversation-empty = Nie ma jeszcze żadnych rozmów.
conversation-replies = { $count ->
    [one] { $count } odpowiedź
    [few] { $count } odpowiedzi
   *[many] { $count } odpowiedzi
}
conversation-ideas = { $count ->
    [one] { $count } pomysł
    [few] { $count } pomysły
   *[many] { $count } pomysłów
}
conversation-agreements = { $count ->
    [0] Nikt jeszcze się nie zgodził.
    [one] { $count } osoba się zgadza.
    [few] { $count } osoby się zgadzają.
   *[many] { $count } osób się zgadza.
}
conversation-agree = Zgadzam się
conversation-from-report = Ta rozmowa zaczyna się od zgłoszenia problemu.
conversation-the-report = zgłoszenie
conversation-idea-tag = Pomysł na rozwiązanie
conversation-idea-next = Rozwiń ten pomysł:
conversation-as-ask = poproś o pomoc
conversation-as-proposal = zgłoś jako projekt: { $budget }
conversation-reply = Odpowiedz
conversation-reply-send = Wyślij odpowiedź
notice-conversation-replied = Twoja odpowiedź została opublikowana.
notice-conversation-following = Obserwujesz tę rozmowę.
notice-conversation-unfollowed = Nie obserwujesz już tej rozmowy.
conversation-sign-in = Zaloguj się, aby odpowiedzieć.
conversation-start-from-report = Rozpocznij rozmowę na ten temat
conversation-reply-subject = Nowa odpowiedź w rozmowie „{ $title }”
conversation-reply-notice = { $who } odpowiada w rozmowie „{ $title }”.
conversation-topic-streets = Ulice i transport
conversation-topic-green-spaces = Parki i zieleń
conversation-topic-housing = Mieszkania
conversation-topic-health = Zdrowie i opieka
conversation-topic-young-people = Młodzież
conversation-topic-older-people = Seniorzy
conversation-topic-safety = Bezpieczeństwo
conversation-topic-culture = Kultura i wydarzenia
conversation-topic-other = Coś innego
field-conversation-title = Czego dotyczy rozmowa?
field-conversation-topic = Temat
field-conversation-topic-invalid = Wybierz temat.
field-conversation-body = Napisz więcej
field-conversation-body-hint = Co się dzieje i co według ciebie powinno się zmienić.
field-conversation-reply = Twoja odpowiedź
field-conversation-idea = To jest pomysł na rozwiązanie
moderation-kind-post = Wpis w rozmowie
conversation-more = Starsze rozmowy
