## Mapy na stronach serwisu

map-cluster = { $count ->
    [one] Jedno miejsce tutaj
    [few] { $count } miejsca tutaj: otwórz, aby je zobaczyć
    [many] { $count } miejsc tutaj: otwórz, aby je zobaczyć
   *[other] { $count } miejsca tutaj: otwórz, aby je zobaczyć
}
map-hint = Te same miejsca są wymienione pod mapą.
map-picker-hint = Kliknij mapę, aby wstawić pinezkę, albo wpisz poniżej adres lub współrzędne.
map-use-my-location = Użyj mojej lokalizacji
map-zoom-in = Przybliż
map-zoom-out = Oddal
map-pin = Wybrane miejsce
map-location-failed = Urządzenie nie podało lokalizacji. Kliknij mapę albo wpisz adres.

report-map-title = Mapa zgłoszeń
report-map-description = { $count ->
    [one] Na mapie jest jedno zgłoszenie z miejscem. Wszystkie zgłoszenia są na liście poniżej.
    [few] Na mapie są { $count } zgłoszenia z miejscem; liczba oznacza kilka położonych blisko siebie. Wszystkie zgłoszenia są na liście poniżej.
    [many] Na mapie jest { $count } zgłoszeń z miejscem; liczba oznacza kilka położonych blisko siebie. Wszystkie zgłoszenia są na liście poniżej.
   *[other] Na mapie jest { $count } zgłoszenia z miejscem; liczba oznacza kilka położonych blisko siebie. Wszystkie zgłoszenia są na liście poniżej.
}
report-map-showing-box = Pokazuję zgłoszenia z jednej części mapy.
report-map-whole-list = Pokaż wszystkie zgłoszenia
report-map-one-title = Gdzie jest „{ $title }”
report-map-one-description = Miejsce zgłoszenia zaznaczone na mapie okolicznych ulic. { $place }

assets-places-heading = Gdzie są
assets-places-map-title = Miejsca, grupy i zasoby: { $area }
assets-places-map-description = Każdy znacznik to publiczne miejsce, grupa lub zasób z położeniem; liczba oznacza kilka położonych blisko siebie. Umiejętności ludzi nigdy nie trafiają na mapę. Poniższa lista zawiera wszystko.

events-map-title = Gdzie odbędą się najbliższe wydarzenia
events-map-description = Każdy znacznik to nadchodzące wydarzenie z miejscem; liczba oznacza kilka położonych blisko siebie. Poniższa lista zawiera wszystkie wydarzenia, z miejscem i bez.

pb-projects-map-title = Gdzie są projekty: { $title }
pb-projects-map-description = Każdy znacznik to projekt z miejscem; liczba oznacza kilka położonych blisko siebie. Poniższa lista zawiera wszystkie projekty, z miejscem i bez.

report-map-chosen = Wybrane miejsce
report-map-pick-title = Mapa miasta do wskazania, gdzie jest problem
report-map-pick-description = Miasto i jego dzielnice. Z JavaScriptem kliknięcie mapy ustawia miejsce; bez niego użyj „znajdź adres” albo wpisz współrzędne poniżej.

map-legend = Na mapie
area-map-title = Mapa: { $area }
area-map-description = Granica obszaru, obszary w jego wnętrzu (każdy to link do jego strony) i to, co ma tu swoje miejsce: zgłoszenia, miejsca i grupy, nadchodzące wydarzenia oraz projekty budżetu. Liczba oznacza kilka położonych blisko siebie. Listy na tej stronie i strony, do których prowadzą, zawierają to samo w formie tekstu.
area-map-legend-reports = zgłoszenia
area-map-legend-assets = miejsca, grupy i zasoby
area-map-legend-events = nadchodzące wydarzenia
area-map-legend-projects = projekty budżetu
