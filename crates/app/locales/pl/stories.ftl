## Historie o usługach

story-title = Historie o usługach
story-intro = Jak poszło ci z jakąś usługą: na oddziale szpitala, w przychodni, w bibliotece, na linii autobusowej? Opowiedz swoją historię, a ci, którzy prowadzą tę usługę, odpowiedzą publicznie.
story-new = Opowiedz historię
story-new-intro = Zanim twoja historia zostanie opublikowana, przeczyta ją moderator. Potem może na nią odpowiedzieć organizacja, która prowadzi usługę. Twoje imię będzie widoczne, adres e-mail nigdy.
story-filters = Filtruj historie
story-empty = Nie ma jeszcze żadnych historii.
story-send = Wyślij historię
notice-story-sent = Dziękujemy! Moderator przeczyta twoją historię przed publikacją.
story-by = opowiada { $name }
story-has-response = z odpowiedzią
story-response-from = Odpowiada { $name }
story-no-response = Nie ma jeszcze odpowiedzi.
story-about-provider = O akredytowanym usługodawcy
story-title-provider = Historie o: { $name }
story-all = Wszystkie historie
story-more = Starsze historie
story-provider-intro = Historie osób, które korzystały z usług: { $name } (akredytowany lokalny usługodawca), wraz z odpowiedziami.
story-new-provider-intro = Twoją historię przed publikacją przeczyta moderator. Potem { $name } może odpowiedzieć publicznie, podobnie jak instytucja, która udzieliła akredytacji. Twoje imię i nazwisko będą widoczne, adres e-mail nigdy.
story-respond = Odpowiedz publicznie
story-respond-submit = Opublikuj odpowiedź
notice-story-responded = Twoja odpowiedź została opublikowana.
story-status-pending = Czeka na moderatora
story-status-published = Opublikowana
story-status-rejected = Nieopublikowana
story-change-none = Nie zapowiedziano zmian
story-change-planned = Zmiana jest planowana
story-change-made = Zmiana została wprowadzona
story-moderate-title = Historie do moderacji
story-moderate-empty = Żadna historia nie czeka na moderację.
story-publish = Opublikuj
story-reject = Nie publikuj
notice-story-published = Historia została opublikowana.
notice-story-rejected = Historia nie zostanie opublikowana. Autor zobaczy, dlaczego.
story-widget-title = Historie o usługach: { $name }
story-embed = Pokaż historie na swojej stronie internetowej
story-embed-intro = Wklej ten kod na swoją stronę internetową, aby pokazać najnowsze historie o waszych usługach (zmień pagesize, aby pokazać ich więcej). Te same dane są dostępne w formacie JSON: wystarczy dodać format=json.

field-story-organisation = Która organizacja prowadzi tę usługę?
field-story-organisation-invalid = Wybierz organizację.
field-story-service = Jaka to usługa?
field-story-service-hint = Na przykład „Oddział 4”, „wtorkowa poradnia dla niemowląt” albo „autobus linii 12”.
field-story-title = Tytuł twojej historii
field-story-body = Twoja historia
field-story-body-hint = Co się wydarzyło? Opisz to własnymi słowami.
field-story-good = Co było dobre?
field-story-better = Co mogłoby być lepsze?
field-story-response = Odpowiedź
field-story-response-hint = Każdy może ją przeczytać. Imię autora historii nie pojawi się w odpowiedzi, chyba że je wpiszesz.
field-story-change = W efekcie tej historii
field-story-change-invalid = Wybierz, co się zmienia.
field-story-note = Dlaczego nie (wymagane, jeśli nie publikujesz)
field-story-note-hint = Autor zobaczy ten powód.

error-story-moderators-only = Tylko moderatorzy mogą publikować historie.
error-story-providers-only = Odpowiadać mogą tylko pracownicy organizacji, której dotyczy historia.
error-story-reason-needed = Jeśli nie publikujesz historii, podaj autorowi powód.
error-story-decision-invalid = Wybierz, czy opublikować historię.
error-story-already-moderated = Inny moderator już podjął decyzję w sprawie tej historii.
# Odpowiedź organizacji nie może być pusta.
field-response-missing = Napisz odpowiedź.
