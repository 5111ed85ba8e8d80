game-title = Gra w umiejętności
game-intro = Podczas spotkania każdy stolik przegląda karty z umiejętnościami i przy każdej mówi: umiemy to, umie ktoś znajomy albo nikt, kogo znamy. Wyniki pokazują, co osiedle może zrobić wspólnie i czego mu brakuje.
game-empty = Nie ma jeszcze żadnych rozgrywek.
game-new = Zorganizuj rozgrywkę gry w umiejętności
game-create = Utwórz rozgrywkę
game-finished = zakończona
game-pooled = Wszystkie stoliki razem
game-coverage-sentence = { $cards ->
    [one] Razem umiecie zrobić { $we } z { $cards } karty, a z pomocą znajomych { $friends }.
    [few] Razem umiecie zrobić { $we } z { $cards } kart, a z pomocą znajomych { $friends }.
   *[many] Razem umiecie zrobić { $we } z { $cards } kart, a z pomocą znajomych { $friends }.
}
game-tables = Stoliki
game-comparison = Porównanie odpowiedzi poszczególnych stolików
game-table = Stolik
game-answered = Karty z odpowiedzią
game-we-can = Umiemy
game-with-friends = Ze znajomymi
game-gaps-count = Nikt, kogo znamy
game-link = Link dla stolika
game-play-at = Graj przy stoliku: { $table }
game-links-hint = Otwórz link stolika na telefonie lub tablecie przy tym stoliku. Każdy, kto ma link, może zapisywać odpowiedzi, więc udostępnij go tylko osobom przy tym stoliku.
game-all-tables = Wszystkie stoliki
game-gaps = Luki
game-gaps-intro = Przy żadnym stoliku nikt nie znał osoby, która to umie. Każda z tych umiejętności może stać się prośbą o pomoc.
game-no-gaps = Nie ma luk: każdą kartę pokrył któryś stolik.
game-make-ask = Poproś o pomoc w tej sprawie
game-close = Zakończ rozgrywkę
game-progress = Karta { $position } z { $cards }
game-so-far = Na razie odpowiedzi: { $answered }. Umiemy: { $we }, umie ktoś znajomy: { $friend }, nikt, kogo znamy: { $nobody }.
game-table-done = Wszystkie karty mają odpowiedź
game-see-results = Zobacz wyniki wszystkich stolików
game-change-answer = Zmień odpowiedź
game-closed = Ta rozgrywka się zakończyła.
game-answer-we = Umiemy to
game-answer-friend = Umie ktoś znajomy
game-answer-nobody = Nikt, kogo znamy
notice-game-created = Rozgrywka jest gotowa. Przekaż każdemu stolikowi jego link.
notice-game-closed = Rozgrywka została zakończona.
error-game-closed = Ta rozgrywka się zakończyła, więc odpowiedzi nie można już zmieniać.
error-game-answer = Nie udało się odczytać odpowiedzi. Wróć i dotknij jednego z trzech przycisków.
field-game-title = Tytuł
field-held-on = Data
field-place = Miejsce
field-tables = Stoliki
field-tables-hint = Jedna nazwa w wierszu, najwyżej 30.
field-tables-invalid = Podaj od 1 do 30 stolików, po jednym w wierszu.
