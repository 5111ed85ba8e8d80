## Strona główna i strony obszarów, menu w grupach, „Twoja praca” i ustawienia serwisu.

nav-my-neighbourhood = Moja okolica
nav-work = Twoja praca
nav-menu = Menu
nav-group-neighbourhood = W okolicy
nav-group-decide = Decydujmy razem
nav-group-map = Co mamy
nav-group-you = Ty
nav-projects = Projekty społeczne
nav-skills-game = Gra w umiejętności
nav-admin = Ustawienia serwisu
nav-verify = Użyj kodu zaproszenia

front-your-neighbourhood = Co dzieje się teraz tam, gdzie mieszkasz.
front-area-page = Wszystko o obszarze { $area }
front-see-all-areas = Wszystkie obszary
front-area-links = Gdzie szukać: { $area }
front-link-reports = Zgłoszone problemy
front-link-help = Oferty i prośby
front-link-budgets = Budżety
front-link-assets = Mapa zasobów
front-link-conversations = Rozmowy
front-see-all-representatives = Wszyscy przedstawiciele
front-votes = Głosowania i budżety
front-votes-none = Żaden budżet nie przyjmuje tu teraz głosów ani pomysłów.
front-vote-open = głosowanie trwa
front-ideas-open = zbieramy pomysły
front-see-all-budgets = Wszystkie budżety
front-events = Nadchodzące wydarzenia
front-events-none = Nie zaplanowano tu jeszcze wydarzeń.
front-see-all-events = Wszystkie wydarzenia
front-reports = Najnowsze zgłoszenia
front-reports-none = Nikt nie zgłosił tu jeszcze problemu.
front-see-all-reports = Wszystkie zgłoszenia
front-asks = Sąsiedzi proszą o pomoc
front-asks-none = Nikt nie prosi tu teraz o pomoc.
front-see-all-asks = Wszystkie otwarte prośby
front-conversations = Rozmowy
front-conversations-none = Nie ma tu jeszcze rozmów.
front-replies = { $count ->
    [one] { $count } odpowiedź
    [few] { $count } odpowiedzi
    [many] { $count } odpowiedzi
   *[other] { $count } odpowiedzi
}
front-see-all-conversations = Wszystkie rozmowy
front-juries = Panele obywatelskie szukają ochotników
front-juries-none = Żaden panel nie szuka tu teraz ochotników.
front-jury-closes = zgłoszenia do { $date }
front-see-all-juries = Wszystkie panele
front-do = Co możesz zrobić
front-do-report = Zgłoś problem
front-do-ask = Poproś o pomoc
front-do-offer = Zaoferuj pomoc
front-do-conversation = Zacznij rozmowę
front-do-story = Opowiedz o usłudze
front-do-representative = Zapytaj przedstawiciela
front-do-event = Zorganizuj wydarzenie
front-do-asset = Dodaj coś do mapy zasobów
front-do-alerts = Otrzymuj powiadomienia

work-title = Twoja praca
work-intro = Wszystko, co na ciebie czeka, z drogą do każdej kolejki.
work-no-roles = Nie masz jeszcze roli, z którą wiąże się praca. Tu swoje kolejki widzą urzędnicy, łącznicy i administratorzy obszarów oraz urzędnicy organizacji.
work-moderation = Moderacja
work-flags = { $count ->
    [one] oznaczony wpis do przejrzenia
    [few] oznaczone wpisy do przejrzenia
    [many] oznaczonych wpisów do przejrzenia
   *[other] oznaczonego wpisu do przejrzenia
}
work-stories-to-moderate = { $count ->
    [one] historia czeka na publikację
    [few] historie czekają na publikację
    [many] historii czeka na publikację
   *[other] historii czeka na publikację
}
work-organisations = Twoje organizacje
work-reports-waiting = { $count ->
    [one] zgłoszenie czeka na odpowiedź
    [few] zgłoszenia czekają na odpowiedź
    [many] zgłoszeń czeka na odpowiedź
   *[other] zgłoszenia czeka na odpowiedź
}
work-stories-to-answer = { $count ->
    [one] opublikowana historia bez twojej odpowiedzi
    [few] opublikowane historie bez twojej odpowiedzi
    [many] opublikowanych historii bez twojej odpowiedzi
   *[other] opublikowanej historii bez twojej odpowiedzi
}
work-residents = Mieszkańcy czekający na weryfikację
work-residents-none = Nikt nie czeka na weryfikację.
work-proposals = Propozycje budżetowe do oceny
work-proposals-none = Żadna propozycja nie czeka na ocenę.
work-juries = Panele do losowania
work-juries-none = Żaden panel nie czeka na losowanie.
work-exercises = Trwające mapowanie sieci
work-exercises-none = Żadne mapowanie nie jest otwarte.
work-resident-waiting-notice = Mieszkaniec obszaru { $area } czeka na weryfikację.
work-report-arrived-notice = Nowe zgłoszenie dla twojej organizacji: { $title }

admin-title = Ustawienia serwisu
admin-intro = Wszystko, co ustawia administrator, w jednym miejscu.
admin-public-url = Adres serwisu
admin-public-url-now = Linki w e-mailach, kanałach, polach udostępniania i widżecie prowadzą do { $url }
admin-public-url-warning = Publiczny adres serwisu (public_url) nie jest adresem https, więc linki, które dostają ludzie, mogą nie działać lub nie być prywatne.
admin-public-url-how = Ustaw public_url w squaremile.toml lub SQUAREMILE_PUBLIC_URL na adres https, którego używają ludzie, i uruchom serwis ponownie.
admin-public-url-ok = Adres jest adresem https.
admin-places = Miejsca i ludzie
admin-areas = Obszary i ich role
admin-area-new = Dodaj obszar
admin-organisations = Organizacje
admin-representatives = Przedstawiciele
admin-reports = Zgłoszenia
admin-categories = Kategorie i kierowanie zgłoszeń
admin-api-keys = Klucze API Open311
admin-library = Biblioteki
admin-skills = Karty umiejętności
admin-methods = Metody
admin-budget-import = Import budżetu (Pabulib)
admin-moderation = Moderacja
admin-flags = Oznaczone wpisy
admin-stories = Historie do publikacji
