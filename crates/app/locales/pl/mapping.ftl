## Mapowanie sieci: mapowania, ankieta, mapa, wnioski, rundy i pobieranie danych.

mapping-title = Mapy sieci
mapping-intro = Mapa sieci pokazuje, kto z kim współpracuje w okolicy: osoby i grupy, dzięki którym coś się dzieje, łączników między nimi i tych, którzy zostają na uboczu. Zaczyna się od krótkiej ankiety.
mapping-empty = Nie ma jeszcze żadnych mapowań.
mapping-new = Rozpocznij mapowanie
mapping-new-title = Rozpocznij mapowanie sieci
mapping-new-round = Powtórz to mapowanie (nowa runda, do porównania z tą)
mapping-new-round-of = Nowa runda mapowania { $slug }: wyniki zostaną porównane z wcześniejszymi rundami.
mapping-create = Rozpocznij mapowanie
mapping-open = Zbieramy odpowiedzi
mapping-not-open = Nie zbieramy odpowiedzi
mapping-invited = Kogo zapraszamy:
mapping-counts = Zebrano { $respondents ->
        [one] { $respondents } odpowiedź
        [few] { $respondents } odpowiedzi
       *[many] { $respondents } odpowiedzi
    }; na mapie { $named ->
        [one] jest { $named } osoba lub organizacja
        [few] są { $named } osoby i organizacje
       *[many] jest { $named } osób i organizacji
    }.
mapping-visibility-public = Mapa jest publiczna.
mapping-visibility-respondents = Mapę widzą osoby, które odpowiedziały.
mapping-visibility-organisers = Mapę widzą tylko organizatorzy.
mapping-see-map = Zobacz mapę
mapping-see-insights = Co pokazuje mapa – w prostych słowach
mapping-see-compare = Porównaj rundy
mapping-organise = Dla organizatorów
mapping-invite-link = Udostępnij ten link osobom i organizacjom, które zapraszasz. Każdy, kto go ma, może odpowiedzieć.
mapping-exports = Pobierz dane sieci:
mapping-export-nodes = osoby i organizacje (CSV)
mapping-export-ties = powiązania (CSV)
mapping-close = Zakończ zbieranie odpowiedzi
mapping-default-relationships =
    Współpracujemy
    Wymieniamy się informacjami
    Finansujemy ich lub wspieramy
field-mapping-title = Tytuł
field-mapping-area = Obszar
field-mapping-area-hint = Obszary, w których jesteś łącznikiem, urzędnikiem lub administratorem.
field-mapping-area-invalid = Wybierz jeden z obszarów, w których możesz prowadzić mapowanie sieci.
field-mapping-purpose = Po co mapujesz sieć
field-mapping-invited = Kogo zapraszasz
field-mapping-invited-hint = Na przykład: wszystkich, którzy prowadzą grupę, klub lub jakąś działalność na Zatorzu.
field-opens-on = Odpowiedzi zbieramy od
field-answers-close-on = Odpowiedzi zbieramy do
field-closes-before-opens = Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.
field-relationship-types = Relacje, o które pytasz
field-relationship-types-hint = Każda w osobnym wierszu, najwyżej 12.
field-relationship-types-invalid = Podaj od 1 do 12 relacji, każdą w osobnym wierszu i nie dłuższą niż 60 znaków.
field-visibility = Kto widzi mapę
field-visibility-invalid = Wybierz, kto widzi mapę.

mapping-about-you = O tobie
field-mapping-kind = Osoba czy organizacja
field-mapping-kind-invalid = Wybierz: osoba czy organizacja.
mapping-kind-person = Osoba
mapping-kind-organisation = Organizacja lub grupa
field-mapping-name = Twoje imię i nazwisko albo nazwa organizacji
field-mapping-name-hint = Tak, jak znają cię inni.
field-mapping-email-hint = Opcjonalnie. Widzą go tylko organizatorzy, żeby móc potem poznać cię z innymi.
field-mapping-your-area = Gdzie mieszkasz lub działasz
field-mapping-no-area = Nie ma na liście
field-mapping-consent = Moje imię może być widoczne na mapie
field-mapping-already-answered = Ktoś już odpowiedział pod tym imieniem. Jeśli to nie ty, dopisz coś, co was odróżni (na przykład swoją ulicę).
mapping-who = Z kim współpracujesz
mapping-who-hint = Najwyżej sześć osób lub organizacji. Zacznij pisać, aby wybrać imię lub nazwę, która już jest na mapie – wtedy nikt nie zostanie policzony dwa razy. Niepotrzebne wiersze zostaw puste.
mapping-tie-heading = Kontakt { $number }
field-tie-name = Imię lub nazwa
field-tie-kind = Kto to jest
field-tie-relationship = Co was łączy
field-tie-often = Jak często
field-tie-about = W jakiej sprawie (opcjonalnie)
field-tie-is-new = „{ $name }” to ktoś nowy, a nie jedna z podpowiedzi
field-tie-incomplete = Uzupełnij wiersz „{ $name }”: wybierz, co was łączy i jak często.
field-tie-did-you-mean = Czy chodziło ci o: { $names }? Aby wybrać, wpisz nazwę dokładnie tak, jak jest pokazana, albo zaznacz pole, jeśli „{ $typed }” to ktoś nowy.
mapping-often-weekly = Co tydzień
mapping-often-monthly = Co miesiąc
mapping-often-yearly = Kilka razy w roku
mapping-share = Czym możesz się podzielić i czego potrzebujesz
field-mapping-cards = Czym z poniższych możesz się podzielić?
field-mapping-cards-hint = Otwórz grupę, aby zobaczyć jej karty umiejętności, i zaznacz, ile chcesz.
field-mapping-skills-other = Inne umiejętności i zasoby, którymi możesz się podzielić
field-mapping-needs = Pomoc, której szukasz
field-mapping-interests = Na czym ci zależy
field-list-hint = Oddziel pozycje przecinkami, na przykład: gotowanie, wnioski o dotacje, samochód dostawczy.
mapping-answer-submit = Wyślij odpowiedzi
mapping-thanks-title = Dziękujemy
mapping-thanks-body = Twoje odpowiedzi w ankiecie „{ $title }” są już na mapie.

mapping-map-title = Mapa: { $title }
mapping-filter-kind = Pokaż
mapping-everyone = Wszyscy
mapping-filter-area = Obszar
mapping-all-areas = Wszystkie obszary
mapping-filter-tie = Relacja
mapping-all-ties = Wszystkie relacje
mapping-colour-by = Kolor według
mapping-colour-cluster = Skupisko
mapping-colour-kind = Osoba czy organizacja
mapping-colour-area = Obszar
mapping-size-by = Rozmiar według
mapping-size-ties = Liczba powiązań
mapping-size-betweenness = Rola łącznika (pośrednictwo)
mapping-size-eigenvector = Dobrze połączone kontakty (wektor własny)
mapping-show = Pokaż
mapping-skip-to-table = Przejdź do tabeli z tymi samymi danymi
mapping-map-hint = Wskaż kółko, aby zobaczyć, kto to jest. Z włączonym JavaScriptem przewijaj, aby przybliżyć, i przeciągaj, aby przesunąć mapę.
# Przyciski powiększenia mapy (dodaje je skrypt), dla czytników ekranu.
mapping-zoom-in = Przybliż
mapping-zoom-out = Oddal
mapping-zoom-reset = Przywróć cały widok
# Nazwy dla tych, którzy nie zgodzili się na podanie nazwy, numerowane w kolejności dołączenia do mapy.
mapping-pseudonym-person = Osoba { $number }
mapping-pseudonym-organisation = Organizacja { $number }
mapping-table-caption = Wszyscy na mapie, od najlepiej połączonych
mapping-name = Imię lub nazwa
mapping-cluster = Skupisko

mapping-insights-title = Co pokazuje mapa: { $title }
mapping-headline =
    Na mapie { $nodes ->
        [one] jest { $nodes } osoba lub organizacja
        [few] są { $nodes } osoby i organizacje
       *[many] jest { $nodes } osób i organizacji
    }, { $ties ->
        [one] { $ties } powiązanie
        [few] { $ties } powiązania
       *[many] { $ties } powiązań
    } między nimi i { $clusters ->
        [one] { $clusters } skupisko
        [few] { $clusters } skupiska
       *[many] { $clusters } skupisk
    }; { $isolated ->
        [0] każdy ma już co najmniej jedno powiązanie
        [one] { $isolated } z nich nie ma jeszcze żadnego powiązania
        [few] { $isolated } z nich nie mają jeszcze żadnego powiązania
       *[many] { $isolated } z nich nie ma jeszcze żadnego powiązania
    }. Średnia liczba kroków między dwiema połączonymi osobami: { $distance }.
mapping-connectors = Łącznicy
mapping-connectors-hint = Osoby i grupy, które leżą na największej liczbie ścieżek między innymi (najwyższe pośrednictwo). To one spajają sieć: wspieraj je, ale nie przeciążaj.
mapping-brokers = Pośrednicy
mapping-brokers-hint = Ci, których kontakty nie znają się nawzajem (najmniejsze ograniczenie): łączą ludzi, którzy inaczej nigdy by się nie spotkali.
mapping-clusters = Skupiska
mapping-in-common = Co ich łączy:
mapping-isolated = Jeszcze bez powiązań
mapping-isolated-hint = Są na mapie, bo ktoś ich wymienił albo sami odpowiedzieli, ale nie mają powiązań z nikim innym na mapie.
mapping-no-isolated = Każdy na mapie ma co najmniej jedno powiązanie.
mapping-fragile = Słabe ogniwa
mapping-fragile-hint = Gdyby jedna z tych osób się wycofała albo zerwało się jedno z tych powiązań, część sieci zostałaby odcięta.
mapping-fragile-people = Osoby, które jako jedyne łączą części sieci:
mapping-no-fragile = Żadna pojedyncza osoba ani żadne pojedyncze powiązanie nie jest jedynym łącznikiem części sieci.
mapping-introductions = Kogo warto ze sobą poznać
mapping-introductions-hint = Pary, które nie są jeszcze połączone, a powinny się poznać – wraz z powodem.
mapping-and = i
mapping-introduced = Już się poznali
mapping-mark-introduced = Oznacz, że już się poznali
mapping-none-yet = Na razie brak.

mapping-compare-title = Rundy mapowania: { $title }
mapping-compare-intro = W każdej rundzie ankieta jest powtarzana. Jeśli budowanie sieci działa, jej gęstość rośnie, osób bez powiązań jest coraz mniej, a ludzi dzieli coraz mniej kroków.
mapping-density-chart = Gęstość sieci w kolejnych rundach
mapping-rounds = Rundy
mapping-round = Runda
mapping-dates = Daty
mapping-nodes = Osoby i organizacje
mapping-ties = Powiązania
mapping-density = Gęstość
mapping-average-distance = Średnia liczba kroków

notice-mapping-created = Mapowanie się rozpoczęło. Udostępnij link, aby zaprosić ludzi do odpowiedzi.
notice-mapping-closed = Mapowanie nie przyjmuje już odpowiedzi.
notice-mapping-introduced = Zapisano, że ta para już się poznała.
error-mapping-invitation = Ten link do ankiety jest nieprawidłowy. Poproś organizatora o właściwy link.
error-mapping-closed = Ta ankieta nie przyjmuje teraz odpowiedzi.
error-mapping-map-hidden = Tę mapę widzą tylko osoby, które odpowiedziały, albo tylko jej organizatorzy.

mapping-invite-by-email = Zaproś e-mailem
mapping-invite-title = Zaproś do ankiety: { $title }
field-invite-emails = Adresy e-mail
field-invite-emails-hint = Każdy w osobnym wierszu albo rozdzielone przecinkami; najwyżej 500. Każda osoba dostanie link do ankiety; adresów nie zapisujemy.
field-invite-email-invalid = „{ $address }” to nie jest adres e-mail. Nic nie zostało wysłane.
field-invite-emails-missing = Wpisz co najmniej jeden adres e-mail.
field-invite-too-many = Naraz możesz wysłać najwyżej 500 zaproszeń.
mapping-invite-send = Wyślij zaproszenia
notice-mapping-invited = Zaproszenia są w drodze.
mapping-invite-email-subject = Z kim współpracujesz? { $title }
mapping-invite-email-body =
    Dzień dobry!

    Zapraszamy do wypełnienia krótkiej ankiety: { $title }.
    { $purpose }

    Zajmie to kilka minut. Odpowiedzi zbieramy do { $closes }:
    { $link }

    Dziękujemy!
# Słowa, które mapa sieci pisze sama. Zostaw %nazwy% bez zmian: mapa je wypełnia.
mapping-svg-colour = Kolor
mapping-svg-size = Rozmiar
# Ostatni wiersz legendy: grupy, dla których zabrakło ośmiu kolorów, z liczbą.
mapping-svg-other-groups = { $count ->
        [one] { $count } inna grupa
        [few] { $count } inne grupy
        [many] { $count } innych grup
       *[other] { $count } innej grupy
    }
# Nazwy dwóch rodzajów w legendzie, gdy mapa jest pokolorowana według rodzaju.
mapping-svg-kind-person = Osoby
mapping-svg-kind-organisation = Organizacje i grupy
mapping-svg-description = Sieć: { $nodes ->
        [one] { $nodes } węzeł
        [few] { $nodes } węzły
       *[many] { $nodes } węzłów
    }, { $ties ->
        [one] { $ties } powiązanie
        [few] { $ties } powiązania
       *[many] { $ties } powiązań
    }, { $groups ->
        [one] { $groups } grupa
        [few] { $groups } grupy
       *[many] { $groups } grup
    } według: %group_title%. Wielkość węzła pokazuje: %size_title%; największe: %largest%.
# Dlaczego dwie osoby powinny się poznać; części są łączone znakami "; ".
mapping-reason-both-know = oboje znają { $names }
mapping-reason-common-contacts = mają { $count ->
        [one] { $count } wspólnego znajomego
        [few] { $count } wspólnych znajomych
       *[many] { $count } wspólnych znajomych
    }
mapping-reason-both-care = oboje interesują się: { $items }
mapping-reason-can-help = jedno może pomóc drugiemu w: { $items }
mapping-reason-bridges = połączyłoby to dwa skupiska
mapping-reason-welcome = pierwsza osoba nie ma jeszcze na tej mapie żadnych powiązań; druga jest powiązana z { $count ->
        [one] { $count } osobą
       *[other] { $count } osobami
    } i może ją przedstawić innym
mapping-reason = { $parts }.
mapping-list-and = { $rest } i { $last }
# Kto jest podpisany na mapie, a kto występuje pod pseudonimem.
mapping-answer-intro = To zajmie kilka minut. Powiedz nam, kim jesteś, z kim współpracujesz i czym możesz się podzielić. Nazwy osób oraz grup niezarejestrowanych w tym serwisie, które nie zgodzą się na pokazanie na mapie, widzą tylko organizatorzy.
field-mapping-consent-hint = Jeśli nie, wszyscy poza organizatorami zobaczą Cię jako „Osoba” (albo „Organizacja”) z numerem. Organizacje zarejestrowane w tym serwisie są zawsze podpisane nazwą.
mapping-exports-hint = GEXF otwiera się w Gephi, GraphML w większości narzędzi do analizy sieci, a pliki CSV w Kumu i arkuszach kalkulacyjnych. Osoby, które nie zgodziły się na podanie nazwiska, występują w każdym pliku jako „Person” z numerem, a organizacje niezarejestrowane w tym serwisie, które się nie zgodziły, jako „Organisation” z numerem: pliki są takie same bez względu na język serwisu, więc te nazwy, rodzaje i karty umiejętności są w nich po angielsku.
mapping-organiser-names = Widzisz wszystkie nazwy, bo organizujesz to badanie. Pozostali widzą osoby, które nie zgodziły się na podanie nazwiska, jako „Osoba” z numerem, a organizacje niezarejestrowane w tym serwisie, które się nie zgodziły, jako „Organizacja” z numerem.
