alert-title = Powiadomienia e-mail
alert-intro = Dostawaj e-mailem nowości z miejsca, w którym mieszkasz: zgłoszone problemy, historie, rozmowy, prośby i oferty pomocy, wydarzenia, etapy budżetu obywatelskiego i metody. Wybierz, o czym, skąd i jak często.
alert-none = Nie masz jeszcze żadnych powiadomień.
alert-remove = Wyłącz to powiadomienie
alert-new = Nowe powiadomienie
alert-everywhere = Wszędzie
alert-subscribe = Włącz powiadomienie
alert-frequency-daily = Codziennie
alert-frequency-weekly = Co tydzień
field-alert-kinds = O czym chcesz wiedzieć
field-alert-kinds-missing = Wybierz co najmniej jeden rodzaj nowości.
field-alert-topic = Temat rozmowy
field-alert-topic-hint = Dotyczy tylko rozmów.
field-alert-keyword = Słowa
field-alert-keyword-hint = Tylko wpisy zawierające wszystkie te słowa, np. „ławka” albo „sadzenie drzew”. Zostaw puste, aby dostawać wszystko.
field-alert-frequency = Jak często
field-alert-frequency-missing = Wybierz, jak często.
field-alert-too-many = Masz już tyle powiadomień, ile może mieć jedna osoba. Najpierw wyłącz któreś z nich.
notice-alert-subscribed = Powiadomienie jest ustawione. Pierwsze podsumowanie przyjdzie po upływie dnia lub tygodnia, jeśli pojawi się coś nowego.
notice-alert-removed = Powiadomienie zostało wyłączone.
alert-digest-daily-subject = { $count ->
    [one] Twoje codzienne podsumowanie: { $count } nowy wpis
    [few] Twoje codzienne podsumowanie: { $count } nowe wpisy
   *[many] Twoje codzienne podsumowanie: { $count } nowych wpisów
}
alert-digest-weekly-subject = { $count ->
    [one] Twoje cotygodniowe podsumowanie: { $count } nowy wpis
    [few] Twoje cotygodniowe podsumowanie: { $count } nowe wpisy
   *[many] Twoje cotygodniowe podsumowanie: { $count } nowych wpisów
}
alert-digest-manage = Zmień lub wyłącz swoje powiadomienia:
alert-digest-unsubscribe = Wyłącz to powiadomienie jednym kliknięciem:
alert-unsubscribe-title = Wyłącz powiadomienie
alert-unsubscribe-what = Wyłączyć powiadomienie: { $alert }?
alert-unsubscribe-button = Wyłącz to powiadomienie
alert-unsubscribed = Powiadomienie zostało wyłączone. Nie dostaniesz już z niego żadnych e-maili.
alert-unsubscribe-gone = To powiadomienie jest już wyłączone.
