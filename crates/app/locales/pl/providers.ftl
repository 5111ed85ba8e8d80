## Mikrousługodawcy i ich akredytacja

nav-providers = Lokalni usługodawcy
admin-provider-bodies = Instytucje akredytujące
work-providers = Lokalni usługodawcy
work-providers-waiting = { $count ->
    [one] wniosek czeka na ocenę
    [few] wnioski czekają na ocenę
    [many] wniosków czeka na ocenę
   *[other] wniosku czeka na ocenę
}
work-providers-mine = Twoje wnioski jako usługodawcy

provider-directory-title = Akredytowani lokalni usługodawcy
provider-directory-intro = Sąsiedzi i małe organizacje, którzy za niewielką opłatą oferują opiekę i wsparcie, sprawdzeni przez instytucję, której ludzie ufają. Widać tu tylko usługodawców z ważną akredytacją.
provider-directory-filters = Znajdź usługodawcę
provider-directory-filter = Pokaż usługodawców
provider-directory-empty = Żaden akredytowany usługodawca nie pasuje do tych wyborów.
provider-directory-csv = Pobierz tę listę (CSV)
provider-any-area = Dowolny obszar
provider-any-kind = Dowolny rodzaj usługi
provider-any-time = Dowolna pora
provider-more = Więcej
provider-choose = Wybierz…

provider-kind-care = Opieka
provider-kind-home-help = Pomoc w domu
provider-kind-handyman = Złota rączka
provider-kind-childminding = Opieka nad dziećmi
provider-kind-gardening = Ogrodnictwo
provider-kind-companionship = Towarzystwo
provider-kind-transport = Transport
provider-kind-other = Inne

provider-available-weekdays = W dni powszednie
provider-available-evenings = Wieczorami
provider-available-weekends = W weekendy

provider-col-provider = Usługodawca
provider-col-service = Usługa
provider-col-area = Gdzie
provider-col-for = Dla kogo
provider-col-price = Cena
provider-col-when = Kiedy
provider-col-accredited = Akredytacja
provider-col-body = Instytucja akredytująca
provider-col-status = Stan
provider-col-check = Wymóg
provider-col-evidence = Potrzebne dowody
provider-col-valid = Ważność
provider-col-valid-until = Ważne do
provider-col-reason = Czego jeszcze potrzeba
provider-col-note = Notatka usługodawcy
provider-col-actions = Działania

provider-accredited-by-until = Akredytacja: { $body }, ważna do { $date }
provider-not-in-force = Akredytacja tego usługodawcy nie jest ważna.
provider-services = Usługi
provider-what-was-checked = Co sprawdzono
provider-nothing-checked = Obecnie nic nie jest sprawdzone.
provider-check-valid-until = { $check }, ważne do { $date }
provider-evidence-private = Same dowody są poufne: widzą je tylko usługodawca i oceniający z instytucji.
provider-tell-story = Opowiedz o tej usłudze
provider-organisation-page = Strona organizacji
provider-your-application = Twój wniosek
provider-public-page = Strona publiczna
provider-contact-title = Napisz do: { $name }
provider-contact-hint = Wiadomość wyślemy przez serwis. Żadna ze stron nie zobaczy adresu drugiej; gdy usługodawca odpowie, dostaniesz e-mailem odpowiedź i jego adres.
provider-field-message = Twoja wiadomość
provider-contact-send = Wyślij wiadomość
provider-sign-in-to-contact = Zaloguj się, aby napisać do tego usługodawcy
provider-months = { $count ->
    [one] { $count } miesiąc
    [few] { $count } miesiące
    [many] { $count } miesięcy
   *[other] { $count } miesiąca
}

provider-bodies-title = Instytucje akredytujące
provider-bodies-intro = Organizacje, które sprawdzają lokalnych usługodawców według spisanego standardu: ubezpieczenie, zaświadczenie o niekaralności, szkolenia, referencje, wizyta.
provider-bodies-empty = Nie ma jeszcze żadnej instytucji akredytującej.
provider-body-lead = Akredytuje lokalnych usługodawców na obszarze: { $area }.
provider-mark-title = Oznacz organizację jako instytucję akredytującą
provider-mark-hint = Administratorzy organizacji spisują potem jej standard, a jej administratorzy i urzędnicy oceniają wnioski.
provider-field-organisation = Organizacja
provider-field-body-area = Obszar, dla którego akredytuje
provider-mark-submit = Oznacz jako instytucję akredytującą
provider-standard = Standard
provider-standard-empty = Instytucja nie spisała jeszcze swojego standardu.
provider-check-edit = Zmień „{ $name }”
provider-check-save = Zapisz wymóg
provider-check-add = Dodaj wymóg
provider-field-check-name = Wymóg
provider-field-check-name-hint = Na przykład: ubezpieczenie OC.
provider-field-check-evidence = Potrzebne dowody
provider-field-check-evidence-hint = Co usługodawca musi przysłać, na przykład kopię zaświadczenia.
provider-field-check-months = Ważność (w miesiącach)

provider-apply-title = Złóż wniosek o akredytację
provider-apply-intro = Opisz instytucji, co oferujesz, a potem prześlij dowody, których wymaga każdy punkt jej standardu. Dowody są widoczne tylko dla Ciebie i oceniających z instytucji.
provider-apply-as-myself = Ja (działam na własny rachunek)
provider-field-body = Instytucja akredytująca
provider-field-applicant = Wniosek składa
provider-field-applicant-hint = Ty albo mikroorganizacja usługowa, którą prowadzisz.
provider-field-name = Nazwa widoczna dla ludzi
provider-field-name-hint = Twoje imię i nazwisko albo nazwa Twojej działalności.
provider-field-about = O usługodawcy
provider-field-about-hint = Kilka prostych zdań o Twoim doświadczeniu i sposobie pracy.
provider-first-service = Twoja pierwsza usługa
provider-field-kind = Rodzaj usługi
provider-field-what = Co oferujesz
provider-field-what-hint = Na przykład: pomoc przy porannym myciu i ubieraniu.
provider-field-area = Gdzie
provider-field-for = Dla kogo
provider-field-for-hint = Na przykład: osoby starsze mieszkające w domu.
provider-field-price = Cena lub przedział cen
provider-field-price-hint = Na przykład: 60 zł za godzinę albo 40–80 zł za wizytę.
provider-filter-available = Kiedy
provider-field-available = Kiedy pracujesz
provider-field-hours = Godziny (nieobowiązkowe)
provider-field-hours-hint = Na przykład: rano od 8 do 11.
provider-apply-submit = Wyślij wniosek

provider-mine-title = Twoje wnioski jako usługodawcy
provider-mine-empty = Nie masz jeszcze żadnego wniosku o akredytację.
provider-status-waiting = Czeka na decyzję
provider-status-granted = Akredytacja ważna do { $date }
provider-status-lapsed = Akredytacja wygasła { $date }
provider-status-refused = Odrzucony
provider-applied-to = Wniosek do: { $body }.

provider-assess-title = Wnioski do oceny
provider-assess-intro = Wnioski do instytucji, dla których oceniasz, od najdłużej czekających, oraz akredytacje wygasające w ciągu miesiąca.
provider-assess-none = Nie oceniasz wniosków dla żadnej instytucji akredytującej.
provider-assess-waiting = Czekają na decyzję
provider-assess-waiting-none = Żaden wniosek nie czeka.
provider-assess-lapsing = Wygasają w ciągu miesiąca
provider-assess-lapsing-none = Żadna akredytacja nie wygasa w ciągu miesiąca.
provider-changed-on = ostatnia zmiana { $date }

provider-service-add = Dodaj usługę
provider-service-remove = Usuń
provider-checks = Wymogi
provider-check-missing = Brak dowodów
provider-check-waiting = Czeka na ocenę
provider-check-accepted = Przyjęty
provider-check-expired = Wygasł: prześlij nowe dowody
provider-check-more-needed = Do uzupełnienia
provider-field-note = Notatka do dowodów
provider-field-note-hint = Na przykład: numer polisy i kto ją wystawił.
provider-field-file = Plik
provider-field-file-hint = PDF, zdjęcie (JPEG lub PNG), zwykły tekst albo dokument biurowy.
provider-evidence-send = Wyślij dowody: „{ $check }”
provider-review-legend = Twoja ocena: „{ $check }”
provider-review-accept = Przyjmij do daty poniżej
provider-review-more = Poproś o więcej (napisz, czego brakuje)
provider-field-expires = Przyjęte do
provider-field-expires-hint = { $count ->
    [one] Najwyżej { $count } miesiąc od dziś.
    [few] Najwyżej { $count } miesiące od dziś.
    [many] Najwyżej { $count } miesięcy od dziś.
   *[other] Najwyżej { $count } miesiąca od dziś.
}
provider-field-reason = Czego jeszcze potrzeba
provider-field-reason-hint = Usługodawca to zobaczy.
provider-review-submit = Zapisz ocenę
provider-decision = Decyzja
provider-decision-not-ready = Akredytację można przyznać dopiero, gdy każdy wymóg jest przyjęty i żaden nie wygasł.
provider-decision-grant = Przyznaj akredytację
provider-decision-refuse = Odrzuć
provider-field-decision-reason = Uzasadnienie
provider-field-decision-reason-hint = Usługodawca je zobaczy; zostaje zapisane razem z decyzją.
provider-decision-submit = Zapisz decyzję
provider-decisions = Decyzje
provider-decision-granted-by = Przyznana przez: { $name }, { $date }
provider-decision-refused-by = Odrzucony przez: { $name }, { $date }
provider-messages = Wiadomości od mieszkańców
provider-messages-empty = Nie ma jeszcze wiadomości.
provider-message-from = Od: { $name }
provider-your-answer = Twoja odpowiedź:
provider-message-address = Po Twojej odpowiedzi widać adres nadawcy: { $email }
provider-field-answer = Twoja odpowiedź
provider-field-answer-hint = Odpowiedź pójdzie do nadawcy e-mailem razem z Twoim adresem.
provider-answer-send = Wyślij odpowiedź

notice-provider-body-marked = Organizacja jest teraz instytucją akredytującą.
notice-provider-check-added = Wymóg dodano do standardu.
notice-provider-check-saved = Wymóg zapisano.
notice-provider-applied = Wniosek wysłany. Teraz prześlij dowody dla każdego wymogu.
notice-provider-service-added = Usługę dodano.
notice-provider-service-removed = Usługę usunięto.
notice-provider-evidence-added = Dowody przekazano do oceny.
notice-provider-check-reviewed = Ocenę zapisano.
notice-provider-granted = Akredytację przyznano.
notice-provider-refused = Wniosek odrzucono.
notice-provider-message-sent = Wiadomość wysłana. Odpowiedź dostaniesz e-mailem.
notice-provider-answer-sent = Odpowiedź wysłana.

field-provider_name-missing = Wpisz nazwę widoczną dla ludzi.
field-provider_about-missing = Napisz coś o sobie.
field-service_what-missing = Napisz, co oferujesz.
field-service_for-missing = Napisz, dla kogo jest usługa.
field-service_price-missing = Wpisz cenę lub przedział cen.
field-service-kind-invalid = Wybierz rodzaj usługi z listy.
field-service-area-invalid = Wybierz obszar z listy.
field-service-when-missing = Zaznacz, kiedy jesteś dostępny, albo wpisz godziny.
field-service-too-many = Usługodawca może podać najwyżej 30 usług.
field-provider-body-invalid = Wybierz instytucję akredytującą z listy.
field-provider-applicant-invalid = Wniosek możesz złożyć tylko za mikroorganizację usługową, którą administrujesz.
field-provider-already-applied = Ten usługodawca złożył już wniosek do tej instytucji.
field-provider-organisation-invalid = Wybierz organizację z listy.
field-provider-area-invalid = Wybierz obszar z listy.
field-provider-body-exists = Ta organizacja już jest instytucją akredytującą.
field-check_name-missing = Nazwij wymóg.
field-check_evidence-missing = Napisz, jakie dowody są potrzebne.
field-edit_name-missing = Podaj nazwę wymogu.
field-edit_evidence-missing = Napisz, jakie dowody są potrzebne.
field-end_reason-missing = Podaj powód: będzie widoczny przy każdym wycofanym wniosku.
field-check-months-invalid = Wpisz liczbę miesięcy od 1 do 120.
field-check-too-many = Standard może mieć najwyżej 50 wymogów.
field-evidence-file-type = Tego pliku nie przyjęto: wyślij PDF, zdjęcie JPEG lub PNG, zwykły tekst albo dokument biurowy, którego nazwa zgadza się z zawartością. Wpisany tekst został zachowany.
field-evidence-missing = Wybierz plik albo napisz notatkę (albo jedno i drugie).
field-evidence-too-many = Do jednego wymogu można dodać najwyżej 10 plików.
field-review-expires-invalid = Wpisz datę późniejszą niż dziś i mieszczącą się w ważności wymogu.
field-provider-reason-missing = Napisz, czego jeszcze potrzeba.
field-decision_reason-missing = Podaj uzasadnienie decyzji.
field-contact_message-missing = Najpierw napisz wiadomość.
field-answer_text-missing = Najpierw napisz odpowiedź.

error-provider-needs-site-admin = Tylko administratorzy serwisu mogą oznaczać instytucje akredytujące.
error-provider-not-body-admin = Tylko administratorzy instytucji mogą spisywać jej standard.
error-provider-not-provider = Tylko usługodawca może zmieniać wniosek.
error-provider-not-assessor = Wnioski oceniają tylko administratorzy i urzędnicy instytucji.
error-provider-own-application = Nie możesz oceniać wniosku, który złożyłeś albo w którego imieniu występujesz.
error-provider-checks-not-passed = Nie można przyznać akredytacji: każdy wymóg musi być przyjęty i nadal ważny. Niczego nie zmieniono.
error-provider-no-standard = Nie można przyznać akredytacji, zanim instytucja spisze swój standard.
error-provider-no-evidence = Dla tego wymogu nie ma jeszcze dowodów do oceny.
error-provider-review-outcome = Wybierz, co zrobić.

provider-mail-message-subject = Wiadomość dla: { $name }
provider-mail-message-body = { $sender } napisał(a) do: { $name } przez Square Mile. Adres nadawcy nie jest Ci pokazywany, a Twój nie jest pokazywany nadawcy.
provider-mail-message-answer = Aby odpowiedzieć, wejdź na:
provider-mail-answer-subject = Odpowiedź od: { $name }
provider-mail-answer-body = { $name } odpowiada na Twoją wiadomość:
provider-mail-answer-reply-to = Możesz pisać bezpośrednio do: { $name }, na adres { $email }.
provider-mail-granted-subject = Akredytacja przyznana przez: { $body }
provider-mail-granted = { $body } przyznaje Ci akredytację. Uzasadnienie:
provider-mail-refused-subject = Twój wniosek do: { $body }
provider-mail-refused = { $body } odrzuca Twój wniosek. Uzasadnienie:
provider-mail-lapse-subject = Akredytacja wkrótce wygaśnie: { $name }
provider-mail-lapse-provider = Twoja akredytacja od: { $body } wygaśnie { $date }, gdy minie ważność najwcześniej wygasającego z przyjętych wymogów. Prześlij wcześniej nowe dowody, aby zostać w katalogu.
provider-mail-lapse-body = Akredytacja usługodawcy { $name } od: { $body } wygaśnie { $date }, gdy minie ważność najwcześniej wygasającego z przyjętych wymogów.

## Where a provider works from, on the map

area-map-legend-providers = akredytowani usługodawcy
provider-place-title = Skąd działasz
provider-place-hint = Nieobowiązkowe. Miejsce, które ludzie rozpoznają, na przykład dom kultury lub główna ulica, widoczne na mapie, dopóki Twoja akredytacja obowiązuje. Nigdy nie podawaj tu swojego domu. Wyczyść oba pola, aby zdjąć je z mapy.
provider-place-save = Zapisz miejsce
provider-place-map-title = Skąd działasz
provider-place-map-description = Mapa obszaru instytucji akredytującej. Kliknięcie w nią wypełnia szerokość i długość geograficzną poniżej; pola można też wpisać ręcznie.
notice-provider-place-saved = Miejsce zostało zapisane.
provider-map-heading = Na mapie
provider-map-title = Akredytowani usługodawcy: { $area }
provider-map-title-all = Akredytowani usługodawcy na mapie
provider-map-description = Każdy znacznik to akredytowany usługodawca, którego akredytacja obowiązuje i który podał, skąd działa; liczba oznacza kilku położonych blisko siebie. Poniższa lista zawiera wszystkich, z miejscem lub bez.

## Publiczna strona usługodawcy: miejsce, historie

provider-public-place-heading = Skąd działa
provider-public-place-title = Skąd działa { $name }
provider-public-place-description = Miejsce, które usługodawca podał jako miejsce swojej działalności: znane ludziom, nigdy adres domowy.
provider-stories = Historie o tej usłudze
provider-stories-empty = Nie ma jeszcze historii. Korzystasz z tej usługi? Opowiedz innym, jak było.
provider-stories-all = Wszystkie historie o: { $name }

## Akredytowani usługodawcy na mapie zasobów obszaru

provider-asset-map-heading = Akredytowani lokalni usługodawcy
provider-asset-map-none = Żaden akredytowany usługodawca nie oferuje jeszcze usług na obszarze { $area }.
provider-asset-map-all = { $count ->
    [0] Znajdź akredytowanych usługodawców z innych miejsc w katalogu
   *[other] Akredytowani usługodawcy na obszarze { $area } ({ $count }), z usługami i cenami
}
provider-accredited-by = akredytacja: { $body }

## Wycofanie wniosku; instytucja, która przestaje akredytować

provider-status-withdrawn = Wycofany
provider-decision-withdrawn-by = Wycofany przez: { $name }, { $date }
provider-decision-reopened-by = Przesłany ponownie do oceny przez: { $name }, { $date }
provider-withdraw-title = Wycofaj ten wniosek
provider-withdraw-hint = Wniosek znika z kolejki oceniających, a jeśli masz akredytację, od razu znikasz z katalogu i z mapy. Twoje dowody i ich oceny zostają zachowane; możesz później ponownie przesłać wniosek do oceny.
provider-field-withdraw-reason = Dlaczego (nieobowiązkowe, zobaczą to oceniający)
provider-withdraw-submit = Wycofaj wniosek
notice-provider-withdrawn = Wniosek został wycofany.
provider-reopen-title = Prześlij ponownie do oceny
provider-reopen-hint = Wniosek wróci do kolejki oceniających, z każdym wymogiem w stanie, w jakim go zostawiono.
provider-reopen-submit = Prześlij ponownie
notice-provider-reopened = Wniosek znów czeka na ocenę.
error-provider-withdrawn = Ten wniosek został wycofany: nic nie można w nim rozstrzygnąć, dopóki usługodawca nie prześle go ponownie.
error-provider-not-reopened = Tego wniosku nie można przesłać ponownie: nie jest wycofany albo jego instytucja już nie akredytuje usługodawców.
provider-body-ended = już nie akredytuje
provider-body-ended-on = Ta organizacja przestała akredytować usługodawców { $date }.
provider-body-end-title = Zakończ akredytowanie
provider-body-end-hint = Dla administratora serwisu: instytucja nie przyjmuje nowych wniosków, a każdy złożony do niej wniosek zostaje wycofany z podanym niżej powodem, więc jej usługodawcy znikają z katalogu i z mapy. Ponowne oznaczenie organizacji zaczyna wszystko od nowa.
provider-field-end-reason = Powód, widoczny przy każdym wniosku
provider-body-end-submit = Zakończ akredytowanie
notice-provider-body-ended = Instytucja już nie akredytuje usługodawców; jej wnioski zostały wycofane.
error-provider-body-ended = Ta instytucja już wcześniej przestała akredytować usługodawców.
