## Budżet obywatelski: edycje, propozycje, weryfikacja, głosowanie, wyniki, realizacja.

pb-title = Budżety obywatelskie
pb-intro = Mieszkańcy wspólnie decydują, na co wydać część budżetu: zgłaszają projekty, urzędnicy sprawdzają je i wyceniają, a wszyscy uprawnieni wybierają w głosowaniu, które z nich dostaną pieniądze. Głosy liczy się metodą równych udziałów, chyba że zasady danego budżetu mówią inaczej. Dzięki temu każda grupa głosujących dostaje sprawiedliwą część budżetu.
pb-empty = Nie ma jeszcze żadnych budżetów obywatelskich.
pb-new = Utwórz budżet obywatelski
pb-new-title = Nowy budżet obywatelski
pb-create = Utwórz budżet
pb-manage = Zarządzaj tym budżetem
pb-manage-title = Zarządzanie: { $title }
pb-budget = Budżet
pb-timetable = Harmonogram
pb-sub-budgets = Pule budżetu (opcjonalnie)
pb-split-into = Podział budżetu na pule
pb-one-part-note = Każdy głosujący wybiera projekty tylko z jednej puli.
pb-who-can-vote = Kto może głosować
pb-min-age = Głosować mogą osoby, które mają co najmniej { $age ->
    [one] { $age } rok
    [few] { $age } lata
   *[many] { $age } lat
}.
pb-ballot = Karta do głosowania
pb-phase = Etap
pb-phase-ideas = Zgłaszanie pomysłów
pb-phase-review = Weryfikacja
pb-phase-voting = Głosowanie
pb-phase-results = Wyniki
pb-phase-implementation = Realizacja
pb-format-approval = Zaznaczanie: zaznacz wybrane projekty, w granicach ustalonej najmniejszej i największej liczby
pb-format-knapsack = Limit budżetu: wybierz projekty, które razem mieszczą się w budżecie
pb-format-cumulative = Punkty: rozdziel punkty między projekty
pb-format-ranking = Ranking: ułóż ulubione projekty w kolejności
pb-eligibility-verified = Mieszkańcy obszaru zweryfikowani przez urzędnika.
pb-eligibility-residents = Każdy, kto deklaruje, że mieszka na tym obszarze.
pb-eligibility-codes = Osoby z kodem zaproszenia (z listu lub z papierowej karty do głosowania).
pb-rule-mes-add1 = metoda równych udziałów (z podnoszeniem budżetu, aż pieniądze się wyczerpią, a potem według liczby głosów)
pb-rule-mes = metoda równych udziałów
pb-rule-greedy = zwykłe liczenie głosów (od projektów z największą liczbą głosów, z pominięciem tych, które nie mieszczą się w budżecie)
pb-rule-greedy-no-skip = zwykłe liczenie głosów (aż do pierwszego projektu, który nie mieści się w budżecie)
pb-rule-mes-add1-nofill = metoda równych udziałów (z podnoszeniem budżetu, aż pieniądze się wyczerpią)
pb-rule-phragmen = sekwencyjna metoda Phragména
pb-rule-mes-add1-comparison = metoda równych udziałów tak, jak liczyła Wieliczka (budżety w pełnych jednostkach waluty podnoszone, dopóki starcza pieniędzy, a potem porównanie ze zwykłym liczeniem głosów)
pb-rule-greedy-custom = liczenie głosów tak jak w Poznaniu (projekt, który nie mieści się w budżecie, dostaje pieniądze z rezerwy, jeśli zostało co najmniej 80% jego kosztu)
pb-status = Status
pb-status-proposed = Zgłoszony
pb-status-feasible = Na karcie do głosowania
pb-status-rejected = Oceniony negatywnie
pb-implementation-not-started = Nie rozpoczęto
pb-implementation-in-progress = W trakcie realizacji
pb-implementation-done = Zrealizowano
pb-implementation-cancelled = Anulowano
pb-ideas-open = Teraz możesz zgłaszać pomysły.
pb-propose = Zgłoś projekt
pb-propose-intro = Opisz, co według ciebie warto zrobić, gdzie i ile mniej więcej może to kosztować. Przed głosowaniem urzędnicy sprawdzą, czy da się to zrealizować, i ustalą koszt.
pb-propose-submit = Wyślij propozycję
pb-voting-open = Głosowanie trwa.
pb-vote-now = Zagłosuj
pb-check-receipt = Sprawdź swój głos kodem potwierdzenia
pb-see-results = Zobacz wyniki
pb-see-results-progress = Zobacz wyniki i postępy w realizacji projektów
pb-review-under-way = Urzędnicy sprawdzają i wyceniają zgłoszone propozycje.
pb-projects = Projekty
pb-no-projects = Nie ma jeszcze projektów.
pb-supports = Poparcia
pb-supports-count = { $count ->
    [one] { $count } poparcie
    [few] { $count } poparcia
   *[many] { $count } poparć
}
pb-below-threshold = poniżej progu: aby przejść dalej, projekt potrzebuje { $count ->
    [one] { $count } poparcia
   *[many] { $count } poparć
}
pb-below = poniżej progu
pb-support = Poprzyj ten projekt
pb-withdraw-support = Wycofaj poparcie
pb-sign-in-to-support = Zaloguj się, aby poprzeć ten projekt
pb-rough-estimate = szacunkowo
pb-proposed-by = autor propozycji: { $name }
pb-review = Weryfikacja
pb-review-note = Wynik weryfikacji
pb-review-submit = Zapisz weryfikację
pb-progress = Postępy realizacji
pb-no-updates = Nie ma jeszcze informacji o postępach.
pb-add-update = Opublikuj informację
pb-comments = Komentarze
pb-no-comments = Nie ma jeszcze komentarzy.
pb-comment-submit = Dodaj komentarz
pb-cost = Koszt
pb-advance = Przejdź do etapu: { $phase }
pb-advance-voting-hint = Zamknięcie głosowania od razu uruchamia liczenie głosów; potem nikt już nie może zagłosować.
pb-counting = Trwa liczenie głosów. Ta strona sama się odświeży.
pb-waiting-review = { $count ->
    [one] Na weryfikację czeka { $count } propozycja.
    [few] Na weryfikację czekają { $count } propozycje.
   *[many] Na weryfikację czeka { $count } propozycji.
}
pb-turnout = Frekwencja
pb-turnout-summary = { $voters ->
    [one] Przez internet zagłosowała { $voters } osoba
    [few] Przez internet zagłosowały { $voters } osoby
   *[many] Przez internet zagłosowało { $voters } osób
}; łącznie zapisano { $ballots ->
    [one] { $ballots } kartę do głosowania (przez internet i na papierze).
    [few] { $ballots } karty do głosowania (przez internet i na papierze).
   *[many] { $ballots } kart do głosowania (przez internet i na papierze).
}
pb-codes = Kody zaproszenia
pb-codes-summary = Utworzono { $made ->
    [one] { $made } kod
    [few] { $made } kody
   *[many] { $made } kodów
}, wykorzystano { $used }.
pb-codes-once = Wydrukuj te kody teraz: są pokazywane tylko raz, a w systemie zostaje wyłącznie cyfrowy odcisk każdego z nich.
pb-make-codes = Utwórz kody
pb-paper = Papierowe karty do głosowania
pb-paper-intro = Każdą paczkę papierowych kart wpisuje się dwa razy, a robią to dwaj różni urzędnicy: jedna karta w wierszu, numery projektów oddzielone przecinkami (przy punktach: numer:punkty). Paczka jest liczona dopiero wtedy, gdy oba wpisy są zgodne.
pb-paper-batches = Paczki
pb-paper-mismatches = Wiersze, w których oba wpisy się różnią
pb-paper-status-accepted = Oba wpisy są zgodne; karty zostały policzone
pb-paper-status-differs = Wpisy się różnią; sprawdź papierowe karty i wpisz paczkę jeszcze raz
pb-paper-status-waiting = Czeka na drugi wpis
pb-paper-discard = Odrzuć tę paczkę
pb-paper-submit = Zapisz ten wpis
pb-line = Wiersz
pb-first-typing = Pierwszy wpis
pb-second-typing = Drugi wpis
pb-ballot-title = Twoja karta do głosowania: { $title }
pb-changing-ballot = Zmieniasz swój głos. Kod potwierdzenia pozostaje ten sam. Zmienić głos może tylko osoba, która go oddała: sam kod potwierdzenia nie wystarczy.
pb-rules-approval = Zaznacz projekty, które według ciebie powinny dostać pieniądze: co najmniej { $min }, najwyżej { $max }.
pb-rules-knapsack = Wyobraź sobie, że cały budżet ({ $budget }) jest w twoich rękach. Wybierz projekty, na które warto go wydać: ich łączny koszt nie może przekroczyć tej kwoty.
pb-rules-cumulative = Masz do rozdzielenia { $points ->
    [one] { $points } punkt
    [few] { $points } punkty
   *[many] { $points } punktów
}. Daj więcej punktów projektom, na których najbardziej ci zależy.
pb-rules-ranking = Ułóż w kolejności maksymalnie { $count ->
    [one] { $count } projekt
    [few] { $count } projekty
   *[many] { $count } projektów
}, zaczynając od ulubionego.
pb-your-choices = Projekty
pb-your-points = Twoje punkty
pb-your-ranking = Twój ranking
pb-rank = Miejsce { $rank }
pb-rank-none = (brak)
pb-read-more = Czytaj więcej
pb-spent = Koszt twoich projektów
pb-left = Zostało z budżetu
pb-points-left = Pozostałe punkty: { $points }
pb-secret = Głosowanie jest tajne: twoja karta jest zapisywana bez imienia i nazwiska, a urzędnicy widzą tylko, że twój głos został oddany.
pb-check-choices = Sprawdź moje wybory
pb-cast = Oddaj głos
pb-cast-changed = Zapisz zmieniony głos
pb-ballot-empty = Wybierz co najmniej jeden projekt.
pb-ballot-invalid = Coś na tej karcie jest nie tak: wybieraj tylko projekty z listy, każdy jeden raz.
pb-ballot-too-few = Wybierz co najmniej { $count ->
    [one] { $count } projekt
    [few] { $count } projekty
   *[many] { $count } projektów
}.
pb-ballot-too-many = Wybierz najwyżej { $count ->
    [one] { $count } projekt
    [few] { $count } projekty
   *[many] { $count } projektów
}.
pb-ballot-over-budget = Wybrane projekty kosztują { $total }, czyli więcej niż budżet ({ $budget }). Odznacz jeden lub kilka z nich.
pb-ballot-too-many-points = Rozdzielasz { $given ->
    [one] { $given } punkt
    [few] { $given } punkty
   *[many] { $given } punktów
}, a masz tylko { $allowed }.
pb-ballot-rank-gap = Miejsce { $rank } jest puste, a któreś z dalszych miejsc jest wypełnione.
pb-ballot-several-parts = Wybierz projekty tylko z jednej puli budżetu.
pb-rules-split = Budżet jest podzielony na { $count ->
    [one] { $count } pulę
    [few] { $count } pule
   *[many] { $count } pul
}, a każda ma własne projekty: limity dotyczą każdej puli osobno i możesz głosować w każdej z nich.
pb-rules-split-one = Budżet jest podzielony na { $count ->
    [one] { $count } pulę
    [few] { $count } pule
   *[many] { $count } pul
}, a każda ma własne projekty: wybierz projekty tylko z jednej puli.
pb-ballot-age-missing = Potwierdź, że masz co najmniej { $age ->
    [one] { $age } rok
    [few] { $age } lata
   *[many] { $age } lat
}.
pb-already-voted = Twój głos jest już oddany
pb-already-voted-text = Każdy głosuje tylko raz. Jeśli zasady na to pozwalają, możesz zmienić swój głos za pomocą kodu potwierdzenia, gdy jesteś zalogowany na swoim koncie (albo z kodem zaproszenia, którym głosowałeś).
pb-receipt-title = Twoje potwierdzenie
pb-ballot-cast = Dziękujemy! Twój głos został oddany
pb-ballot-changed = Twój głos został zmieniony
pb-your-receipt = Twój kod potwierdzenia:
pb-receipt-keep = Zapisz go i zachowaj dla siebie; nie rób mu zdjęć i nikomu go nie pokazuj. Dzięki niemu sprawdzisz, czy twój głos został policzony, i znajdziesz swoją kartę na opublikowanej liście kart. Nikt inny nie może powiązać go z tobą. Aby zmienić głos, potrzebujesz kodu potwierdzenia i swojego konta (albo kodu zaproszenia, którym głosowałeś).
pb-you-chose = Twoje wybory
pb-points = { $points ->
    [one] { $points } punkt
    [few] { $points } punkty
   *[many] { $points } punktów
}
pb-back-to-process = Wróć do budżetu
pb-check-intro = Wpisz kod potwierdzenia otrzymany podczas głosowania, aby zobaczyć swoją kartę dokładnie tak, jak została zapisana i policzona.
pb-check = Sprawdź
pb-ballot-found = Twoja karta do głosowania
pb-ballot-public-id = Na opublikowanej liście kart jest to głosujący nr { $id }.
pb-change-ballot = Zmień mój głos
pb-results-title = Wyniki: { $title }
pb-results-summary = { $voters ->
    [one] Zagłosowała { $voters } osoba.
    [few] Zagłosowały { $voters } osoby.
   *[many] Zagłosowało { $voters } osób.
} { $funded ->
    [few] Pieniądze dostają
   *[many] Pieniądze dostaje
} { $funded } z { $projects ->
    [one] { $projects } projektu
   *[many] { $projects } projektów
}; wydano { $spent } z budżetu { $budget }.
pb-counted-with = Metoda liczenia: { $rule }.
pb-chart-title = Koszt każdego projektu; projekty, które dostały pieniądze, są w kolorze, pozostałe na szaro (te same liczby są w tabeli poniżej)
pb-chart-hint = Każdy słupek to jeden projekt, w tej samej kolejności co w tabeli poniżej.
pb-results-table = Wszystkie projekty i wyjaśnienie, dlaczego dostały lub nie dostały pieniędzy
pb-votes = Głosy
pb-outcome = Wynik
pb-why = Dlaczego
pb-funded = Sfinansowany
pb-not-funded = Niesfinansowany
pb-why-free = Sfinansowany w pierwszej kolejności: nic nie kosztuje, a ludzie go chcą.
pb-why-shares = Sfinansowany w rundzie { $round }: { $payers ->
    [one] { $payers } popierająca go osoba zapłaciła { $share } ze swojej równej części budżetu.
    [few] { $payers } popierające go osoby zapłaciły po { $share } ze swojej równej części budżetu.
   *[many] { $payers } popierających go osób zapłaciło po { $share } ze swojej równej części budżetu.
}
pb-why-paid-all = { $count ->
    [one] Jeszcze { $count } osoba oddała wszystko, co jej zostało.
    [few] Jeszcze { $count } osoby oddały wszystko, co im zostało.
   *[many] Jeszcze { $count } osób oddało wszystko, co im zostało.
}
pb-why-fill = Sfinansowany po rundach równych udziałów, z pieniędzy, które zostały (miejsce { $position }).
pb-why-load = Sfinansowany jako { $position }. z kolei: każda popierająca go osoba poniosła obciążenie { $load }.
pb-why-ranked = Sfinansowany: { $position }. miejsce w rankingu według liczby głosów.
pb-why-reserve = Sfinansowany z rezerwy ({ $position }. miejsce): nie zmieścił się w kwocie, która została, ale pokrywała ona co najmniej 80% jego kosztu.
pb-comparison-shares-won = Krok porównania: { $shares ->
    [one] jedna osoba woli
    [few] { $shares } osoby wolą
   *[many] { $shares } osób woli
} ten wynik, a { $votes ->
    [one] jedna osoba woli
    [few] { $votes } osoby wolą
   *[many] { $votes } osób woli
} zwykłe liczenie głosów, więc ten wynik zostaje.
pb-comparison-votes-won = Krok porównania: { $votes ->
    [one] jedna osoba woli
    [few] { $votes } osoby wolą
   *[many] { $votes } osób woli
} zwykłe liczenie głosów, a { $shares ->
    [one] jedna osoba woli
    [few] { $shares } osoby wolą
   *[many] { $shares } osób woli
} metodę równych udziałów, więc obowiązuje wynik zwykłego liczenia głosów.
pb-why-would-win-at = Niesfinansowany: dostałby pieniądze, gdyby kosztował { $cost } lub mniej.
pb-why-never = Niesfinansowany i nie dostałby pieniędzy przy żadnym koszcie: jego zwolennicy przeznaczyli swoje udziały na projekty, które woleli.
pb-compare-heading = Porównanie ze zwykłym liczeniem głosów
pb-compare-greedy = Przy zwykłym liczeniu głosów (najpierw projekty z największą liczbą głosów) wydano by { $spent }.
pb-compare-same = Pieniądze dostałyby te same projekty.
pb-compare-only-here = Sfinansowane tutaj, ale nie przy zwykłym liczeniu głosów:
pb-compare-only-greedy = Sfinansowane przy zwykłym liczeniu głosów, ale nie tutaj:
pb-download-ballots = Pobierz anonimowe karty do głosowania (plik Pabulib)
pb-counted-subject = Głosy policzone: { $title }
pb-counted-body = Głosy w budżecie „{ $title }” zostały policzone. Wyniki: { $link }
pb-review-email-subject = Twoja propozycja została zweryfikowana: { $title }
pb-review-email-feasible = Dobra wiadomość: twoja propozycja „{ $title }” zgłoszona do budżetu „{ $process }” przeszła weryfikację i trafi na kartę do głosowania. { $note } Zobacz ją tutaj: { $link }
pb-review-email-rejected = Twoja propozycja „{ $title }” zgłoszona do budżetu „{ $process }” nie może trafić na kartę do głosowania. Powód: { $note } Zobacz ją tutaj: { $link }

notice-pb-created = Budżet został utworzony. Można już zgłaszać pomysły.
notice-pb-proposed = Dziękujemy! Twoja propozycja została dodana.
notice-pb-supported = Popierasz ten projekt.
notice-pb-unsupported = Nie popierasz już tego projektu.
notice-pb-reviewed = Weryfikacja została zapisana, a autor propozycji dostał powiadomienie.
notice-pb-phase-advanced = Budżet przeszedł do następnego etapu.
notice-pb-paper-first = Pierwszy wpis został zapisany. Teraz tę samą paczkę wpisuje inny urzędnik.
notice-pb-paper-accepted = Oba wpisy są zgodne: karty z tej paczki zostały policzone.
notice-pb-paper-differs = Wpisy się różnią. Niezgodne wiersze są pokazane poniżej.
notice-pb-paper-discarded = Paczka została odrzucona.
notice-pb-update-added = Informacja o postępach została opublikowana.

error-pb-already-voted = Twój głos w tym budżecie jest już oddany. Każdy głosuje tylko raz.
error-pb-no-changes = W tym budżecie nie można zmieniać oddanych głosów.
error-pb-not-ideas = Teraz nie można zgłaszać pomysłów ani ich popierać.
error-pb-not-review = Propozycje można weryfikować tylko na etapie weryfikacji.
error-pb-not-voting = Głosowanie nie jest otwarte.
error-pb-not-implementation = Postępy realizacji można zgłaszać dopiero po ogłoszeniu wyników.
error-pb-not-resident = Głosować mogą tylko osoby mieszkające na tym obszarze. Wskaż, gdzie mieszkasz, na stronie swojego konta.
error-pb-not-verified = Głosować mogą tylko zweryfikowani mieszkańcy tego obszaru. Może cię zweryfikować urzędnik; możesz też użyć kodu z listu z urzędu.
error-pb-nothing-feasible = Na karcie do głosowania nie ma jeszcze żadnej propozycji: oznacz co najmniej jedną jako możliwą do realizacji.
error-pb-phase-moved = Ktoś już przeniósł ten budżet do następnego etapu.
error-pb-review-unfinished = Niektóre propozycje nie zostały jeszcze zweryfikowane.

field-pb-title = Nazwa
field-pb-area = Obszar
field-pb-area-hint = Obszary, w których jesteś urzędnikiem lub administratorem.
field-pb-area-invalid = Wybierz jeden z obszarów, w których możesz prowadzić budżety obywatelskie.
field-pb-description = Na co jest ten budżet?
field-budget = Budżet
field-budget-hint = W pełnych jednostkach waluty (bez groszy czy centów), np. 250000.
field-budget-invalid = Wpisz budżet jako liczbę całkowitą większą od 0.
field-currency = Waluta
field-currency-invalid = Wpisz kod waluty, np. PLN lub EUR.
field-ideas-until = Zgłaszanie pomysłów do
field-review-until = Weryfikacja do
field-voting-from = Głosowanie od
field-voting-until = Głosowanie do
field-pb-dates-hint = Daty są pokazywane jako harmonogram; do kolejnych etapów budżet przenoszą urzędnicy.
field-pb-dates-order = Daty muszą iść po kolei: pomysły, weryfikacja, głosowanie.
field-ballot-format = Karta do głosowania
field-ballot-format-hint = Karta z limitem budżetu skłania do porównywania kosztów; zaznaczanie jest najszybsze.
field-ballot-format-invalid = Wybierz rodzaj karty do głosowania.
field-min-choices = Najmniejsza liczba projektów (zaznaczanie)
field-min-choices-hint = Dla kart z zaznaczaniem.
field-min-choices-invalid = Wpisz liczbę całkowitą od 1 do 100.
field-max-choices = Największa liczba projektów (zaznaczanie i ranking)
field-max-choices-hint = Dla kart z zaznaczaniem, a przy rankingu: ile projektów można w nim ułożyć.
field-max-choices-invalid = Wpisz liczbę całkowitą od 1 do 100, nie mniejszą niż najmniejsza liczba projektów.
field-points = Punkty dla każdego głosującego (karta punktowa)
field-points-hint = Dla kart punktowych.
field-points-invalid = Wpisz liczbę całkowitą od 1 do 1000.
field-rule = Metoda liczenia głosów
field-rule-hint = Metoda równych udziałów daje każdej grupie głosujących sprawiedliwą część budżetu.
field-rule-invalid = Wybierz metodę liczenia głosów.
field-rule-phragmen-approval = Metodą Phragména można liczyć tylko karty z zaznaczaniem i z limitem budżetu.
field-rule-approval-only = Tą metodą można liczyć tylko karty z zaznaczaniem i z limitem budżetu.
field-sub-budgets = Podział budżetu na pule
field-sub-budgets-hint = Aby podzielić budżet według dzielnic lub tematów, wpisz każdą pulę w osobnym wierszu: nazwę, średnik, a potem kwotę (np. „Śródmieście; 40 000”). Każda pula ma własne projekty i jest liczona osobno; pule muszą razem dawać cały budżet. Zostaw puste, jeśli budżet ma być jeden.
field-one-sub-budget = Każdy głosujący wybiera projekty tylko z jednej puli (np. ze swojej dzielnicy)
field-sub-budgets-no-separator = Wiersz { $line }: wpisz nazwę, średnik, a potem kwotę.
field-sub-budgets-no-name = Wiersz { $line }: brakuje nazwy.
field-sub-budgets-bad-amount = Wiersz { $line }: kwota musi być liczbą całkowitą większą od zera.
field-sub-budgets-repeated = Wiersz { $line }: ta nazwa jest już użyta we wcześniejszym wierszu.
field-sub-budgets-only-one = Podziel budżet na co najmniej dwie pule albo zostaw to pole puste.
field-sub-budgets-sum = Pule dają razem { $total }, a budżet wynosi { $budget }.
field-sub-budgets-ranking = Kart rankingowych nie można dzielić na pule; wybierz kartę z zaznaczaniem, z limitem budżetu albo punktową.
field-eligibility = Kto może głosować
field-eligibility-invalid = Wybierz, kto może głosować.
field-min-age = Minimalny wiek
field-min-age-hint = Głosujący potwierdzają swój wiek na karcie; 0 oznacza brak limitu.
field-min-age-invalid = Wpisz wiek od 0 do 120.
field-allow-changes = Głosujący mogą zmienić swój głos za pomocą kodu potwierdzenia i swojego konta lub kodu zaproszenia aż do zamknięcia głosowania
field-support-threshold = Liczba poparć potrzebna, by przejść dalej
field-support-threshold-hint = Propozycje z mniejszą liczbą poparć zostaną oznaczone do weryfikacji; 0 oznacza brak progu.
field-support-threshold-invalid = Wpisz liczbę całkowitą (0 oznacza brak progu).
field-project-title = Projekt
field-project-description = Co trzeba zrobić i dlaczego
field-project-description-hint = Komu to pomoże? Gdzie dokładnie?
field-description-missing = Opisz projekt.
field-project-category = Kategoria
field-project-category-hint = Na przykład: zieleń, ulice, młodzież.
field-project-location = Miejsce
field-project-location-hint = Adres, ulica albo miejsce, które ludzie znają.
field-rough-cost = Szacunkowy koszt
field-rough-cost-hint = Twoje najlepsze oszacowanie w pełnych jednostkach waluty; rzeczywisty koszt ustalą urzędnicy.
field-pb-sub-budget = Pula budżetu
field-pb-sub-budget-hint = Dzielnica lub temat: z tej puli zostałby sfinansowany projekt.
field-pb-sub-budget-invalid = Wybierz pulę budżetu, do której należy ten projekt.
field-rough-cost-invalid = Wpisz liczbę całkowitą nie większą niż budżet.
field-review-status = Decyzja
field-review-status-invalid = Zdecyduj, czy projekt może trafić na kartę do głosowania.
field-official-cost = Koszt ustalony przez urząd
field-official-cost-hint = Ile projekt naprawdę będzie kosztował, w pełnych jednostkach waluty.
field-cost-invalid = Wpisz koszt jako liczbę całkowitą nie większą niż budżet.
field-review-note = Uzasadnienie (publiczne)
field-review-note-hint = Wymagane, gdy projekt nie może trafić na kartę do głosowania: napisz dlaczego.
field-review-reason-missing = Napisz, dlaczego projekt nie może trafić na kartę do głosowania.
field-comment = Twój komentarz
field-body-missing = Najpierw coś napisz.
field-implementation = Status
field-implementation-invalid = Wybierz status.
field-update-body = Co się wydarzyło
field-pb-code = Twój kod zaproszenia
field-pb-code-hint = Jest wydrukowany na twoim liście lub na papierowej karcie do głosowania.
field-pb-code-invalid = Ten kod jest nieznany albo został już wykorzystany.
field-pb-code-count-hint = Każdy kod pozwala jednej osobie zagłosować jeden raz.
field-pb-code-count-invalid = Wpisz liczbę całkowitą od 1 do 20 000.
field-pb-age = Mam co najmniej { $age ->
    [one] { $age } rok
    [few] { $age } lata
   *[many] { $age } lat
}
field-pb-receipt = Kod potwierdzenia
field-pb-receipt-unknown = Żadna karta nie ma takiego kodu potwierdzenia. Sprawdź go i spróbuj ponownie.
field-paper-batch = Paczka
field-paper-new-batch = Nowa paczka (pierwszy wpis)
field-paper-second-of = Drugi wpis – paczka { $label }
field-paper-label = Oznaczenie paczki
field-paper-label-hint = Tak jak na kopercie paczki; tylko dla nowej paczki.
field-label-missing = Nadaj paczce oznaczenie.
field-paper-label-taken = Paczka z tym oznaczeniem już istnieje.
field-paper-ballots = Karty do głosowania
field-paper-ballots-hint = Jedna karta w wierszu, np.: 3, 7, 12
field-paper-ballots-count = Wpisz od 1 do 2000 kart.
field-paper-ballots-line = Wiersz { $line }: { $error }
field-paper-second-typist = Drugi wpis musi wykonać inny urzędnik.

pb-photos = Zdjęcia
pb-add-photo = Dodaj zdjęcie
field-photo = Zdjęcie
field-photo-hint = Plik JPEG lub PNG do 2 MB. Zanim zdjęcie zostanie zapisane, usuwamy z niego informacje o tym, gdzie i kiedy zostało zrobione.
field-photo-alt = Opisz zdjęcie dla osób, które go nie widzą
notice-pb-photo-added = Zdjęcie zostało dodane.
error-photo-not-allowed = Zdjęcia mogą dodawać tylko autor propozycji (w czasie zgłaszania pomysłów) i urzędnicy.
error-photo-alt = Opisz zdjęcie w kilku słowach (do 300 znaków).
error-photo-format = Przyjmujemy tylko zdjęcia w formacie JPEG i PNG.
error-photo-damaged = Plik zdjęcia jest uszkodzony lub niekompletny.
error-photo-too-large = To zdjęcie jest za duże. Zdjęcie może mieć najwyżej { $side } { $side ->
        [one] piksel
        [few] piksele
        [many] pikseli
       *[other] piksela
    } szerokości i tyle samo wysokości, a łącznie najwyżej { $megapixels } { $megapixels ->
        [one] megapiksel
        [few] megapiksele
        [many] megapikseli
       *[other] megapiksela
    }. Zmniejsz je i spróbuj ponownie.
error-photo-too-many = Ten projekt ma już maksymalną liczbę zdjęć.
pb-import = Importuj plik Pabulib
pb-import-title = Import budżetu obywatelskiego z pliku Pabulib
pb-import-intro = Prawdziwe głosowanie zapisane w formacie Pabulib (z pabulib.org albo opublikowane przez inny budżet w tym serwisie) staje się zakończonym budżetem na twoim obszarze: z projektami, anonimowymi kartami do głosowania i wynikiem liczenia, wyjaśnionym projekt po projekcie. Pliki do 2 MB; większe zaimportuj z wiersza poleceń (squaremile budget import).
pb-import-submit = Importuj i policz
notice-pb-imported = Plik został zaimportowany. Wynik liczenia pojawi się tu za chwilę.
field-pabulib-file = Plik Pabulib (.pb)
field-pabulib-file-hint = Karty z zaznaczaniem, z wyborem jednego projektu, punktowe i rankingowe; koszty w pełnych jednostkach waluty.
field-pabulib-missing = Wybierz plik Pabulib.
field-pabulib-not-text = To nie jest plik tekstowy.
field-pabulib-unreadable = Nie można zaimportować pliku: { $error }
field-pabulib-strict = Odrzuć plik, jeśli karta wymienia projekt dwa razy albo liczby w META nie zgadzają się z zawartością pliku
field-pabulib-strict-hint = W przeciwnym razie taki plik zostanie odczytany tak, jak odczytuje go pabutools (powtórzony projekt liczy się raz, na miejscu, na którym pojawił się po raz pierwszy, z ostatnio przyznanymi punktami), a każde ostrzeżenie zostanie ci pokazane.
field-pabulib-strict-refused = Nie zaimportowano: wybrano odrzucanie plików z ostrzeżeniami, a ten ma { $count ->
    [one] jedno ostrzeżenie
    [few] { $count } ostrzeżenia
   *[many] { $count } ostrzeżeń
}. Pierwsze: { $warning }
pb-import-warnings-title = { $count ->
    [one] Zaimportowano, z jednym ostrzeżeniem
    [few] Zaimportowano, z { $count } ostrzeżeniami
   *[many] Zaimportowano, z { $count } ostrzeżeniami
}
pb-import-warnings-intro = Plik odczytano tak, jak odczytuje go pabutools. Sprawdź, czy o to chodziło jego autorom:
pb-import-warnings-more = { $count ->
    [one] …i jeszcze jedno ostrzeżenie.
    [few] …i jeszcze { $count } ostrzeżenia.
   *[many] …i jeszcze { $count } ostrzeżeń.
}
pb-import-see-results = Zobacz wynik liczenia
pb-warning-repeated-once = Wiersz { $line }: głosujący { $voter } wymienia projekt { $project } więcej niż raz; projekt liczy się raz.
pb-warning-repeated-first-place = Wiersz { $line }: głosujący { $voter } umieszcza projekt { $project } w rankingu więcej niż raz; projekt zachowuje miejsce, na którym pojawił się po raz pierwszy.
pb-warning-repeated-last-points = Wiersz { $line }: głosujący { $voter } przyznaje punkty projektowi { $project } więcej niż raz; liczą się ostatnio przyznane punkty ({ $points }).
pb-warning-budget-below-cheapest = Wiersz { $line }: budżet ({ $budget }) jest mniejszy niż koszt najtańszego projektu (projekt { $project }, { $cost }), więc żaden projekt nie może zostać sfinansowany.
pb-warning-meta-projects = Wiersz { $line }: num_projects w META podaje { $stated }, ale plik zawiera { $found ->
    [one] jeden projekt
    [few] { $found } projekty
   *[many] { $found } projektów
}; liczone są projekty z pliku.
pb-warning-meta-votes = Wiersz { $line }: num_votes w META podaje { $stated }, ale plik zawiera { $found ->
    [one] jeden głos
    [few] { $found } głosy
   *[many] { $found } głosów
}; liczone są głosy z pliku.
field-import-title-hint = Zostaw puste, aby użyć opisu zapisanego w pliku.
error-upload-unreadable = Nie udało się odczytać przesłanego pliku. Spróbuj ponownie.
pb-list-for-area = Budżety dotyczące obszaru { $area }: jego własne, obszarów w jego granicach i obszarów, których jest częścią.
pb-list-all = Wszystkie budżety
