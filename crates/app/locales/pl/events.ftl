event-title = Wydarzenia
event-intro = Spotkania w okolicy: rozmowy sąsiedzkie, open space, spacery z rozmową, zebrania mieszkańców i gry w umiejętności. Daj znać, że przyjdziesz, żeby organizator wiedział, ilu osób się spodziewać.
event-new = Zorganizuj wydarzenie
event-edit = Zmień wydarzenie
event-filters = Filtruj wydarzenia
event-show-past = Pokaż minione wydarzenia
event-empty = Nie ma tu jeszcze żadnych wydarzeń.
event-cancelled-tag = Odwołane
event-area-calendar = Wydarzenia: { $area }
event-area-calendar-link = Subskrybuj wydarzenia z obszaru { $area } w swoim kalendarzu (iCalendar)
event-places-left = { $count ->
    [0] Brak wolnych miejsc
    [one] Zostało 1 miejsce
    [few] Zostały { $count } miejsca
   *[many] Zostało { $count } miejsc
}
event-going-count = { $count ->
    [one] Przyjdzie 1 osoba
    [few] Przyjdą { $count } osoby
   *[many] Przyjdzie { $count } osób
}
event-waiting-count = { $count ->
    [one] 1 osoba na liście oczekujących
    [few] { $count } osoby na liście oczekujących
   *[many] { $count } osób na liście oczekujących
}
event-kind-conversation = Rozmowa sąsiedzka
event-kind-open-space = Open space
event-kind-walk-and-talk = Spacer z rozmową
event-kind-assembly = Zebranie mieszkańców
event-kind-skills-game = Gra w umiejętności
event-kind-other = Inne spotkanie
field-event-kind = Rodzaj wydarzenia
field-event-kind-invalid = Wybierz rodzaj wydarzenia.
field-event-title = Tytuł
field-event-description = Co się będzie działo
field-event-place = Miejsce
field-event-place-hint = Adres albo nazwa miejsca, którą ludzie znają.
field-event-accessibility = Dostępność
field-event-accessibility-hint = Wejście bez schodów, pętla indukcyjna, toalety, ciche pomieszczenie, co mogą robić dzieci: wszystko, co ludzie powinni wiedzieć, zanim przyjdą.
field-event-starts = Początek
field-event-ends = Koniec
field-event-time-hint = Czas lokalny.
field-event-time-invalid = Wpisz datę i godzinę.
field-event-ends-before-start = Koniec musi być później niż początek.
field-event-in-the-past = Początek jest w przeszłości.
field-event-capacity = Liczba miejsc
field-event-capacity-hint = Zostaw puste, jeśli nie ma limitu. Gdy zabraknie miejsc, można zapisać się na listę oczekujących.
field-event-capacity-invalid = Wpisz liczbę miejsc jako liczbę całkowitą od 1 wzwyż albo zostaw pole puste.
field-event-capacity-below-going = Zapisało się już więcej osób.
field-event-method = Metoda z biblioteki
field-event-no-method = Brak
field-event-method-invalid = Wybierz metodę z biblioteki.
event-create = Opublikuj wydarzenie
event-save = Zapisz zmiany
notice-event-created = Twoje wydarzenie zostało opublikowane.
notice-event-changed = Wydarzenie zostało zmienione. Jeśli zmienił się termin, wszyscy zapisani dostaną nowe przypomnienie.
notice-event-cancelled = Wydarzenie zostało odwołane, a wszyscy, którzy się zgłosili, dostali wiadomość.
event-is-cancelled = To wydarzenie zostało odwołane.
event-when = Kiedy
event-organiser = Organizator
event-places = Miejsca
event-add-to-calendar = Dodaj do swojego kalendarza (iCalendar)
event-rsvp = Przyjdziesz?
event-you-are-going = Jesteś na liście uczestników. Dzień wcześniej wyślemy ci przypomnienie e-mailem.
event-you-are-waiting = { $count ->
    [one] Jesteś pierwszą osobą na liście oczekujących. Jeśli zwolni się miejsce, będzie twoje, a my wyślemy ci e-mail.
   *[many] Jesteś { $count }. osobą na liście oczekujących. Jeśli zwolni się dla ciebie miejsce, wyślemy ci e-mail.
}
event-i-am-going = Przyjdę
event-join-waiting-list = Zapisz się na listę oczekujących
event-withdraw = Jednak nie mogę przyjść
notice-event-going = Jesteś na liście uczestników.
notice-event-waiting = Nie ma już wolnych miejsc, więc jesteś na liście oczekujących.
notice-event-withdrawn = Wypisano cię z wydarzenia.
event-sign-in = Zaloguj się, aby dać znać, że przyjdziesz
event-closed = To wydarzenie już się odbyło albo zostało odwołane.
error-event-closed = To wydarzenie już się odbyło albo zostało odwołane, więc nie można już zmieniać zapisów.
error-needs-event-organiser = Może to zrobić tylko organizator albo łącznik, urzędnik lub administrator tego obszaru.
error-needs-session-member = Podsumowanie sesji mogą napisać tylko jej gospodarz i osoby, które do niej dołączyły.
event-open-space = Sesje open space
event-open-space-intro = Każdy może zaproponować sesję na temat, który jest dla niego ważny. Dołącz do grupy, w której chcesz być; przejdź do innej, gdy przestajesz się czegoś uczyć albo coś wnosić. Każda grupa pisze krótkie podsumowanie.
event-no-sessions = Nikt jeszcze nie zaproponował sesji.
event-session-host = prowadzi: { $name }
event-session-members = { $count ->
    [one] 1 osoba
    [few] { $count } osoby
   *[many] { $count } osób
}
event-session-you-joined = Jesteś w tej grupie.
event-session-join = Dołącz do sesji „{ $topic }”
notice-event-session-pitched = Twoja sesja jest już na tablicy.
notice-event-session-joined = Jesteś teraz w tej sesji.
notice-event-session-reported = Podsumowanie zostało zapisane.
event-report-back = Podsumowanie
event-report-next = Co dalej:
event-as-conversation = rozpocznij rozmowę
field-event-report = O czym rozmawiała grupa i co będzie dalej
event-report-save = Zapisz podsumowanie
event-pitch = Zaproponuj sesję
field-event-topic = Temat
field-event-spot = Gdzie w sali
field-event-spot-hint = Np. „przy oknie” albo „sala 2”.
event-pitch-send = Zaproponuj
event-tell-method-use = Opowiedz innym, jak metoda sprawdziła się na tym wydarzeniu
event-organise = Dla organizatora
event-cancel = Odwołaj wydarzenie
event-attendees = Kto się zgłosił
event-attendee-name = Imię i nazwisko
event-attendee-status = Odpowiedź
event-status-going = Przyjdzie
event-status-waiting = Lista oczekujących
event-email-place = Miejsce: { $place }
event-email-access = Dostępność: { $access }
event-reminder-subject = Przypomnienie: { $title }
event-reminder-body = Przypominamy o wydarzeniu „{ $title }” (termin: { $when }). Jesteś na liście uczestników.
event-reminder-cannot-come = Jeśli jednak nie możesz przyjść, daj znać na stronie wydarzenia, żeby ktoś z listy oczekujących mógł zająć twoje miejsce.
event-promoted-subject = Zwolniło się miejsce: { $title }
event-promoted-body = Zwolniło się miejsce na wydarzeniu „{ $title }” (termin: { $when }) i jest ono twoje.
event-cancelled-subject = Odwołane: { $title }
event-cancelled-body = Wydarzenie „{ $title }” (termin: { $when }) zostało odwołane. Przepraszamy.
event-games = Gra w umiejętności rozegrana na tym wydarzeniu:
event-start-game = Przygotuj grę w umiejętności na to wydarzenie
# Wymagane pola wydarzenia, sesji i jej sprawozdania.
field-place-missing = Podaj, gdzie to się odbędzie.
field-topic-missing = Wpisz temat.
field-report-missing = Opisz, o czym rozmawiała grupa.
event-more = Więcej wydarzeń
