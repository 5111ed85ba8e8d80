## Panele obywatelskie: tworzenie, zapisy ochotników, losowanie i publikacja wyników.

juries-title = Panele obywatelskie
juries-intro = Panel obywatelski to grupa mieszkańców wylosowanych spośród ochotników tak, aby skład panelu odzwierciedlał mieszkańców okolicy. Jej członkowie spotykają się, żeby poznać jakąś sprawę i wypracować rekomendacje.
juries-have-code = Mam kod z listu z zaproszeniem
juries-empty = Nie ma jeszcze żadnych paneli.
jury-new = Utwórz panel
jury-new-title = Utwórz panel obywatelski
jury-create = Utwórz panel
jury-manage = Zarządzaj panelem
jury-manage-title = Zarządzanie panelem: { $title }
jury-status-open = Trwają zapisy
jury-status-closed = Zapisy zamknięte
jury-status-selected = Skład wylosowany
jury-status-published = Skład opublikowany
volunteer-status-volunteer = Ochotnik
volunteer-status-selected = W składzie panelu
volunteer-status-dropped-out = Rezygnacja
jury-panel-size = Liczebność panelu
jury-closes-on = Koniec zapisów
jury-meets-on = Spotkanie panelu
jury-how-to-volunteer = Ochotnicy zapisują się przez otrzymany link albo list.
jury-published-heading = Kto jest w składzie panelu i jak uczciwe było losowanie
jury-published-summary = { $volunteers ->
        [one] Zgłosiła się { $volunteers } osoba
        [few] Zgłosiły się { $volunteers } osoby
       *[many] Zgłosiło się { $volunteers } osób
    }; spośród nich wylosowano do panelu { $size ->
        [one] { $size } osobę
        [few] { $size } osoby
       *[many] { $size } osób
    } z zachowaniem poniższych kwot. Nie publikujemy imion ani danych kontaktowych.

field-jury-title = Tytuł
field-title-missing = Wpisz tytuł.
field-jury-area = Obszar
field-jury-area-hint = Obszary, w których jesteś urzędnikiem lub administratorem.
field-jury-area-invalid = Wybierz jeden z obszarów, w których możesz prowadzić panele.
field-jury-purpose = Pytanie, którym zajmie się panel
field-jury-purpose-hint = Pokazywane ochotnikom w formularzu zapisu i na publicznej stronie panelu.
field-panel-size = Ile osób zasiada w panelu
field-panel-size-hint = Od 2 do 1000; panele zwykle liczą od 12 do 50 osób, a zgromadzenia obywatelskie do 150.
field-panel-size-invalid = Wpisz liczbę całkowitą od 2 do 1000.
field-closes-on = Zapisy kończą się
field-meets-on = Pierwsze spotkanie panelu (opcjonalnie)
field-date-hint = Na przykład 2026-12-31.
field-date-invalid = Wpisz datę w formacie rok-miesiąc-dzień, na przykład 2026-12-31.
field-one-per-household = Najwyżej jedna osoba z gospodarstwa domowego
field-one-per-household-hint = Ochotnicy, którzy podają ten sam adres i kod pocztowy, są liczeni jako jedno gospodarstwo domowe.
field-quotas = Kwoty
field-quotas-hint = Jeden wiersz na każdą wartość: cecha,wartość,minimum,maksimum. Pierwszy wiersz to nagłówek, zawsze po angielsku: feature,value,min,max. Na przykład: wiek,16-29,3,5.
field-quotas-unreadable = Nie udało się odczytać kwot: { $error }
field-quotas-too-many = Podaj najwyżej 10 cech, każdą z najwyżej 30 wartościami.
field-quotas-cannot-add-up = Kwot dla cechy „{ $feature }” nie da się spełnić w panelu liczącym { $size ->
        [one] { $size } osobę
        [few] { $size } osoby
       *[many] { $size } osób
    }: minima sumują się do { $mins }, a maksima do { $maxes }.

jury-invite-heading = Zapraszanie ochotników
jury-invite-link = Udostępnij ten link osobom, które zapraszasz (e-mailem, w newsletterze albo jako kod QR). Każdy, kto go ma, może się zgłosić.
jury-codes-summary = Kody do listów – utworzone: { $made }, wykorzystane: { $used }.
field-code-count = Ile kodów do listów utworzyć
field-code-count-hint = Jeden kod na każdy list z zaproszeniem; każdy kod pozwala zapisać się jednemu ochotnikowi.
field-code-count-invalid = Wpisz liczbę całkowitą od 1 do 5000.
jury-make-codes = Utwórz kody do listów
jury-see-codes = Zobacz kody do listów
jury-close = Zamknij zapisy
jury-registration-closed = Zapisy zostały zamknięte.
jury-codes-title = Kody do listów: { $title }
jury-codes-intro = Wydrukuj jeden kod na każdym liście z zaproszeniem, razem z adresem strony: { $page }
jury-code-used = Wykorzystany
yes = Tak
no = Nie

jury-volunteers-heading = Ochotnicy ({ $count })
jury-volunteers = Ochotnicy i ich odpowiedzi
jury-contact = Kontakt
jury-volunteer-status = Status
jury-actions = Działania
jury-chance = Szansa w losowaniu
jury-download-people = Pobierz listę ochotników (CSV z danymi kontaktowymi – przechowuj ją bezpiecznie)
jury-download-quotas = Pobierz kwoty (CSV)
jury-same-household = To samo gospodarstwo domowe co inny ochotnik
jury-shared-households = { $count ->
        [one] Wśród ochotników { $count } osoba mieszka
        [few] Wśród ochotników { $count } osoby mieszkają
       *[many] Wśród ochotników { $count } osób mieszka
    } w jednym gospodarstwie domowym z innym ochotnikiem.
jury-shared-households-rule = Z każdego gospodarstwa domowego można wylosować najwyżej jedną osobę.
jury-mark-dropout = Oznacz rezygnację: { $name }
jury-quota = Kwota
jury-on-panel = W składzie panelu
jury-in-pool = Wśród ochotników
jury-outside-quota = poza kwotą
jury-chart-title = Skład panelu według cechy „{ $feature }” na tle kwot
jury-chart-key = Na każdym wykresie jasny pas to kwota (od minimum do maksimum), a ciemny słupek to liczba osób w składzie panelu.

jury-draw-heading = Losowanie
jury-on-panel-count = Obecnie w składzie panelu: { $count }
field-method = Metoda
field-method-hint = Metoda sprawiedliwa daje każdemu ochotnikowi możliwie największą szansę na wylosowanie w ramach kwot. Metoda zachłanna to starszy sposób, pokazany dla porównania.
jury-method-leximin = Sprawiedliwa (leximin)
jury-method-legacy = Zachłanna (dawna)
field-seed = Ziarno losowania (opcjonalnie)
field-seed-hint = Zostaw puste, aby użyć nowego, losowego ziarna. Ziarno jest publikowane, więc losowanie można powtórzyć i sprawdzić.
field-seed-invalid = Wpisz liczbę całkowitą mniejszą niż 9007199254740992 albo zostaw ziarno puste.
jury-draw-submit = Wylosuj skład panelu
jury-replace-intro = { $count ->
        [one] { $count } miejsce jest puste
        [few] { $count } miejsca są puste
       *[many] { $count } miejsc jest pustych
    }. Zastępców losujemy spośród ochotników, których jeszcze nie wybrano, tak aby panel znów spełniał wszystkie kwoty.
jury-replace-submit = Wylosuj zastępców
jury-draw-running = Trwa losowanie. Ta strona odświeży się sama.
jury-draw-infeasible = Przy tych ochotnikach żaden skład panelu nie spełni tych kwot.
jury-infeasible-heading = Dlaczego nie da się wylosować składu panelu
jury-relax-min = { $feature } = { $value }: obniż minimum z { $from } do { $to } (wśród ochotników: { $in_pool })
jury-relax-max = { $feature } = { $value }: podnieś maksimum z { $from } do { $to } (wśród ochotników: { $in_pool })
jury-publish-intro = Po publikacji na publicznej stronie panelu pojawi się jego skład na tle kwot, metoda, ziarno i to, jak sprawiedliwe było każde losowanie. Żadne dane osobowe nie są publikowane.
jury-publish = Opublikuj skład panelu
jury-draws = Losowania
jury-draw-kind = Losowanie
jury-draw-kind-panel = Skład panelu
jury-draw-kind-replacement = Zastępcy
jury-draw-method = Metoda
jury-draw-seed = Ziarno
jury-draw-places = Miejsca
jury-draw-candidates = Kandydaci
jury-draw-min = Najniższa szansa
jury-draw-below = Poniżej połowy średniej szansy
jury-draw-status = Wynik
jury-draw-status-running = W toku
jury-draw-status-done = Zakończone
jury-draw-status-failed = Nieudane
jury-estimated = szacunkowo
jury-draws-explained = Najniższa szansa to najmniejsze prawdopodobieństwo wylosowania, jakie miał którykolwiek kandydat; metoda sprawiedliwa podnosi je tak wysoko, jak pozwalają kwoty. Ostatnia kolumna to odsetek kandydatów, których szansa była mniejsza niż połowa średniej. Zastępcą może zostać tylko ktoś, kto pasuje do kwot pustych miejsc, więc w losowaniu zastępców wielu kandydatów nie ma żadnej szansy.

jury-join-title = Zgłoś się do panelu: { $title }
jury-join-intro = Jeśli się zgłosisz, możemy cię wylosować do składu panelu. Zadajemy kilka pytań, aby skład panelu odzwierciedlał mieszkańców okolicy. Twoje odpowiedzi i dane kontaktowe widzą tylko urzędnicy prowadzący panel.
jury-join-about-you = O tobie
field-volunteer-name = Imię i nazwisko
field-volunteer-email-hint = Napiszemy na ten adres, jeśli los padnie na ciebie.
field-phone = Telefon
field-optional = Opcjonalnie.
field-address = Adres
field-address-hint = Ulica, numer domu i numer mieszkania. Osoby pod tym samym adresem liczą się jako jedno gospodarstwo domowe.
field-address-missing = Wpisz swój adres.
field-postcode = Kod pocztowy
field-postcode-missing = Wpisz kod pocztowy.
jury-join-questions = Kilka pytań
jury-join-questions-hint = Twoje odpowiedzi służą tylko do tego, aby skład panelu odzwierciedlał mieszkańców okolicy.
field-answer-missing = Odpowiedz na pytanie: { $question }.
field-consent = Zgadzam się, aby urzędnicy prowadzący ten panel przechowywali moje dane i odpowiedzi do zakończenia panelu i skontaktowali się ze mną, jeśli los padnie na mnie.
field-consent-missing = Zaznacz pole zgody – bez tego nie możesz się zgłosić.
field-volunteer-already = Ktoś już zgłosił się do tego panelu z tym adresem e-mail.
jury-join-submit = Zgłaszam się
jury-joined-title = Dziękujemy za chęć udziału
jury-joined-body = Jesteś na liście ochotników do panelu „{ $title }”. Jeśli los padnie na ciebie, napiszemy do ciebie e-mail.
jury-code-title = Zgłoś się z kodem z listu
jury-code-intro = Jeśli masz list z zaproszeniem, wpisz kod, który jest na nim wydrukowany.
field-letter-code = Kod
field-letter-code-hint = Dziesięć liter i cyfr, na przykład ABCD 2345 EF.
field-letter-code-invalid = Ten kod jest nieznany albo został już wykorzystany. Porównaj go z kodem w liście.
continue = Dalej

jury-selected-email-subject = Wylosowano cię do panelu „{ $title }”
jury-selected-email-body =
    Dzień dobry, { $name }!

    Dziękujemy za zgłoszenie się. W losowaniu wybraliśmy cię do udziału w panelu „{ $title }”.
    Pierwsze spotkanie panelu: { $meets }.

    Urzędnicy prowadzący panel skontaktują się z tobą i przekażą szczegóły. Jeśli nie możesz już wziąć udziału, daj im znać jak najszybciej, żeby ktoś inny mógł zająć twoje miejsce.

    { $link }

notice-jury-created = Panel został utworzony. Udostępnij link albo utwórz kody do listów, aby zaprosić ochotników.
notice-jury-closed = Zapisy zostały zamknięte.
notice-jury-draw-queued = Losowanie się rozpoczęło.
notice-jury-dropped-out = Zapisano rezygnację członka panelu. Gdy wszystko będzie gotowe, wylosuj zastępcę.
notice-jury-published = Skład panelu został opublikowany.

error-jury-closed = Zapisy do tego panelu zostały zamknięte.
error-jury-invitation = Ten link lub kod zaproszenia nie jest ważny dla tego panelu albo został już wykorzystany.
error-jury-not-open = Zapisy do tego panelu nie są otwarte.
error-jury-draw-not-now = Nie można teraz przeprowadzić losowania: trwa inne losowanie albo panel jest już na innym etapie. Odśwież stronę.
error-jury-not-on-panel = Ta osoba nie jest w składzie panelu.
error-jury-not-ready = Nie można jeszcze opublikować składu panelu: wszystkie miejsca muszą być zajęte i nie może trwać żadne losowanie.

## Losowanie, które każdy może sprawdzić

jury-method-lottery = Sprawiedliwa, jako loteria do sprawdzenia przez każdego
jury-lottery-options = Dla loterii do sprawdzenia przez każdego
field-lottery-panels = Ile składów ma loteria
field-lottery-panels-hint = Od 10 do 5000. Szansa każdej osoby różni się od sprawiedliwej najwyżej o jeden przez tę liczbę; przy 1000 najwyżej o 0,1 punktu procentowego.
field-lottery-panels-invalid = Podaj liczbę całkowitą składów od 10 do 5000.
field-lottery-reserves = Wylosuj z każdym składem listę rezerwową na wypadek rezygnacji
jury-lottery-email-subject = Loteria dla: { $title } jest gotowa do opublikowania
jury-lottery-email-body = Sprawiedliwe losowanie dla: { $title } zaokrąglono do loterii { $m } składów. Opublikuj ją przed losowaniem: jej skrót to { $digest }, a strona panelu pokazuje go razem ze składami (tylko identyfikatory). Potem ustal publiczne ziarno (na przykład liczby wylosowane na otwartym spotkaniu) i wpisz je na stronie zarządzania panelem: to ono wybierze skład.
jury-lottery-heading = Losowanie, które każdy może sprawdzić
jury-lottery-intro = Sprawiedliwy rozkład składów zaokrąglono do loterii równie prawdopodobnych składów i opublikowano przed losowaniem, tylko jako identyfikatory ochotników. Jeden z nich wybiera ziarno ustalone potem publicznie, więc nikt nie mógł wybrać składu.
jury-lottery-panels = Składy w loterii
jury-lottery-digest = Skrót składów (SHA-256)
jury-lottery-published-on = Opublikowano
jury-lottery-seed = Publiczne ziarno
jury-lottery-drawn = Wylosowany skład
jury-lottery-drawn-of = skład { $number } z { $m }
jury-lottery-download = Składy loterii i szanse (JSON, tylko identyfikatory)
jury-lottery-download-draw = Losowanie (JSON)
jury-lottery-check = Każdy może przeliczyć losowanie z tych dwóch plików za pomocą wiersza poleceń Square Mile:
jury-lottery-waiting = Skład nie został jeszcze wylosowany: ziarno zostanie ustalone publicznie po tej publikacji.
jury-lottery-seed-heading = Wylosuj skład z opublikowanej loterii
jury-lottery-seed-intro = Loteria została opublikowana ze skrótem { $digest }. Gdy będzie już publicznie znana, ustal ziarno publicznie (na przykład liczby wylosowane na spotkaniu) i wpisz je dokładnie.
jury-lottery-public-page = Loteria na publicznej stronie panelu
field-public-seed = Publiczne ziarno
field-public-seed-hint = Dowolny tekst, dokładnie taki, jak ustalono publicznie; spacje na początku i na końcu się nie liczą.
field-public_seed-missing = Wpisz publiczne ziarno.
jury-lottery-draw-submit = Wylosuj skład tym ziarnem
notice-jury-lottery-drawn = Ziarno wybrało skład; wylosowane osoby dostaną wiadomość e-mail.
error-jury-lottery-not-waiting = Nie ma opublikowanej loterii czekającej na ziarno.
jury-lottery-reserves-called = Osoby z listy rezerwowej, które weszły do składu, w kolejności
notice-jury-reserves-stepped-in = Wolne miejsca zajęły osoby z listy rezerwowej wylosowanej razem ze składem; dostaną wiadomość e-mail.

## Listy pod losowo wybrane adresy

jury-addresses-heading = Listy pod losowo wybrane adresy
jury-addresses-intro = Pierwszy etap panelu: z listy adresów, każdy z obszarem, wylosuj adresy, pod które pójdą listy z zaproszeniem, proporcjonalnie do liczby gospodarstw domowych na każdym obszarze albo z nadreprezentacją wybranych obszarów. Każdy list ma własny kod; osoby, które odpowiedzą, rejestrują się nim, a tabela niżej liczy odpowiedzi na każdym obszarze.
jury-responses-caption = Odpowiedzi według obszarów
jury-responses-area = Obszar
jury-responses-rate = Zarejestrowani wśród adresatów listów
jury-response-rate = { $registered } z { $sent } ({ $rate }%)
jury-letters-print = Wydrukuj listy
field-addresses = Adresy (plik CSV)
field-addresses-hint = Dowolny nagłówek: jeden wiersz na gospodarstwo domowe, z kolumną adresu i kolumną obszaru. Przecinki albo średniki.
field-address-column = Kolumna adresu
field-address-column-hint = Jej nazwa w nagłówku, tak jak tam zapisano („address”, jeśli puste).
field-area-column = Kolumna obszaru
field-area-column-hint = Jej nazwa w nagłówku („area”, jeśli puste).
field-letters = Ile listów
field-oversample = Obszary z nadreprezentacją (nieobowiązkowe)
field-oversample-hint = Po jednym w wierszu: obszar i jego waga po przecinku, np. „Eastfield, 2”, aby wysłać tam dwa razy więcej listów niż wynika z udziału. Pozostałe obszary mają wagę 1.
jury-addresses-submit = Wylosuj adresy i przygotuj listy
field-letters-invalid = Podaj liczbę listów: liczbę całkowitą większą od 0.
field-letters-too-many = Więcej listów niż adresów: zamówione { $asked }, w pliku { $listed }.
field-oversample-invalid = Wiersz { $line } („{ $text }”) nie jest obszarem z wagą większą od 0 po przecinku.
field-oversample-unknown-area = W pliku nie ma obszaru { $area }.
field-oversample-weight = Waga obszaru { $area } musi być liczbą większą od 0.
field-addresses-file-invalid = Nie udało się odczytać pliku: { $error }. Niczego nie wylosowano; po poprawieniu wybierz plik ponownie.
field-addresses-missing = Wybierz plik z adresami.
field-addresses-not-text = To nie jest plik tekstowy: zapisz go z arkusza jako CSV (UTF-8).
notice-jury-letters-drawn = Adresy są wylosowane, a każdy list ma swój kod. Wydrukuj je poniżej.
jury-letters-title = Listy z zaproszeniem: { $title }
jury-letters-intro = Po wydrukowaniu jeden list na kartce, w kolejności obszarów i adresów, po sto na stronie. Każdy kod rejestruje jedną osobę.
jury-letters-empty = Nie ma jeszcze listów: wylosuj adresy na stronie zarządzania panelem.
jury-letters-next = Następne sto listów
jury-letter-to = Do gospodarstwa domowego pod adresem
jury-letter-heading = Zaproszenie: { $title }
jury-letter-body = Twój adres został wylosowany spośród wszystkich gospodarstw domowych na tym obszarze. Zbieramy grupę mieszkańców, dobraną tak, by odzwierciedlała obszar, która zastanowi się nad tym pytaniem i przygotuje rekomendacje:
jury-letter-how = Aby się zgłosić, wejdź na { $page } i wpisz poniższy kod albo poproś nas o formularz papierowy. Może odpowiedzieć każda osoba w wieku co najmniej 16 lat mieszkająca pod tym adresem.
jury-letter-closes = Prosimy o odpowiedź do { $date }.
jury-letter-qr-label = Kod QR formularza zgłoszenia z wpisanym twoim kodem
jury-letter-scan = Możesz też zeskanować ten kod telefonem: otworzy formularz z już wpisanym twoim kodem.
