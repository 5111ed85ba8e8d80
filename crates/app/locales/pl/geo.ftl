# Miejsca: granice, położenia, miejsca w API.

area-boundary = Granica na mapie
boundary-title = Granica: { $area }
boundary-has = Ten obszar ma granicę.
boundary-none = Ten obszar nie ma jeszcze granicy, więc serwis nie wie, które miejsca do niego należą.
boundary-children = { $total ->
    [one] Granicę ma { $with } z { $total } obszaru w jego środku.
    [few] Granicę ma { $with } z { $total } obszarów w jego środku.
    [many] Granicę ma { $with } z { $total } obszarów w jego środku.
   *[other] Granicę ma { $with } z { $total } obszaru w jego środku.
}
boundary-view = Zobacz granicę (GeoJSON)
boundary-download = Pobierz granicę
boundary-upload-heading = Wgraj granicę
boundary-upload-intro = GeoJSON w długości i szerokości geograficznej WGS84: Polygon lub MultiPolygon ustawia ten obszar; FeatureCollection może naraz ustawić ten obszar i obszary w jego środku, a każdy obiekt dopasowuje się do obszaru po właściwości, np. nazwie lub kodzie. Jeśli coś jest nie tak, nic się nie zmienia.
boundary-upload-submit = Sprawdź i zapisz
boundary-remove = Usuń tę granicę
boundary-remove-hint = Dopóki nie zostanie wgrana nowa granica, strona nie będzie przypisywać do tego obszaru zgłoszeń, wydarzeń ani miejsc na podstawie ich położenia. Obszary wewnątrz zachowują swoje granice.
notice-boundary-removed = Granica usunięta.
notice-boundary-saved = Granica zapisana.
field-boundary-file = Plik GeoJSON
field-boundary-file-hint = Plik .geojson lub .json. Plik ma pierwszeństwo przed wklejonym tekstem.
field-boundary-text = Albo wklej GeoJSON
field-boundary-text-hint = Cały tekst obiektu GeoJSON.
field-boundary-match = Dopasuj obiekty po właściwości
field-boundary-match-hint = Na przykład name albo WARD_CODE. Puste: slug, code, potem name. Wartości porównujemy z adresami i nazwami obszarów.
field-boundary-missing = Wybierz plik GeoJSON albo wklej jego tekst.
field-boundary-not-text = To nie jest plik tekstowy. Wybierz plik GeoJSON.
field-boundary-too-big = Granica ma więcej niż 20 MB. Najpierw ją uprość.
boundary-error-not-json = To nie jest JSON: { $detail }
boundary-error-not-geojson = To nie jest GeoJSON: potrzebne jest pole "type" równe Feature, FeatureCollection, Polygon albo MultiPolygon.
boundary-error-empty = Plik nie zawiera obiektów.
boundary-error-projected-crs = Plik używa układu współrzędnych { $crs }. Granice muszą być w długości i szerokości geograficznej WGS84 (EPSG:4326); najpierw go przelicz.
boundary-error-no-match = Obiekt { $feature } nie pasuje do żadnego obszaru tutaj: wpisz nazwę obszaru we właściwości używanej do dopasowania albo wgraj go ze strony właściwego obszaru.
boundary-error-twice = Obiekt { $feature } ustawia obszar { $area }, który ustawia też inny obiekt w pliku.
boundary-fault-no-geometry = Obiekt { $feature } nie ma geometrii.
boundary-fault-unsupported = Obiekt { $feature } to { $kind }; granica musi być typu Polygon albo MultiPolygon.
boundary-fault-malformed = Obiekt { $feature }: współrzędne nie są tablicami [długość, szerokość].
boundary-fault-not-a-number = Obiekt { $feature }: jedna ze współrzędnych nie jest liczbą.
boundary-fault-too-few = Obiekt { $feature }: pierścień { $ring } wielokąta { $polygon } ma mniej niż cztery punkty.
boundary-fault-not-closed = Obiekt { $feature }: pierścień { $ring } wielokąta { $polygon } nie jest zamknięty (ostatni punkt musi powtarzać pierwszy).
boundary-fault-out-of-range = Obiekt { $feature }: długość { $lon }, szerokość { $lat } jest poza zakresem.
boundary-fault-projected = Obiekt { $feature }: współrzędne takie jak { $lon }, { $lat } wyglądają na układ odwzorowania w metrach, a nie długość i szerokość WGS84.
boundary-fault-self-intersecting = Obiekt { $feature }: wielokąt { $polygon } przecina sam siebie.
boundary-fault-rings-cross = Obiekt { $feature }: pierścienie wielokąta { $polygon } się przecinają albo otwór leży poza nim.
boundary-fault-overlap = Obiekt { $feature }: jego wielokąty nachodzą na siebie.
boundary-fault-outside-parent = Obiekt { $feature }: { $percent }% jego powierzchni leży poza obszarem { $parent }, więcej niż dozwolone 2%.

field-location-pair = Podaj szerokość i długość geograficzną albo żadnej.
field-location-not-number = Wpisz liczbę w stopniach dziesiętnych, np. 50.0614.
field-latitude-out-of-range = Szerokość geograficzna musi być między -90 a 90.
field-longitude-out-of-range = Długość geograficzna musi być między -180 a 180.
field-latitude = Szerokość geograficzna (nieobowiązkowo)
field-longitude = Długość geograficzna (nieobowiązkowo)
field-location-hint = Stopnie dziesiętne, np. 50.0614 i 19.9372. Widoczne na publicznych mapach, więc podaj miejsce, nigdy czyjś dom.

error-api-latitude = Podaj lat jako liczbę stopni od -90 do 90.
error-api-longitude = Podaj lon jako liczbę stopni od -180 do 180.
error-api-format = Odpowiadamy tu tylko w formacie format=json.
error-api-bbox = Podaj bbox jako cztery liczby: minlon,minlat,maxlon,maxlat, w stopniach.
error-api-geo-limit = Limit musi być liczbą całkowitą od 1 do 1000.
field-location = Miejsce na mapie
field-location-asset-hint = Dla przestrzeni, miejsca spotkań grupy lub zasobu: gdzie można je znaleźć. Nigdy dla umiejętności i nigdy czyjś dom.
field-location-skill = Umiejętności nigdy nie trafiają na mapę; zostaw szerokość i długość geograficzną puste.

report-where-public = Miejsce problemu będzie publiczne, na mapie i w zgłoszeniu, jak w FixMyStreet. Podaj miejsce problemu, nigdy swój dom.
field-report-find = Znajdź adres lub miejsce
field-report-find-hint = Ulica, miejsce albo nazwa obszaru. Wybranie wyniku wypełnia miejsce poniżej; nic jeszcze nie zostaje wysłane. Wybrane zdjęcie trzeba będzie wybrać ponownie.
report-find-submit = Znajdź
report-find-none = Nic nie znaleziono pod tą nazwą. Spróbuj innej pisowni albo wpisz miejsce i jego współrzędne samodzielnie.
report-find-choose = Wybierz miejsce, o które chodzi:
field-report-area-from-point = Z podanego miejsca
field-report-area-point-hint = Osiedle, na którym jest problem. Gdy podasz szerokość i długość geograficzną, zostaw to pole, a obszar zostanie ustalony z punktu.
field-report-outside-areas = Ten punkt leży poza wszystkimi obszarami serwisu. Sprawdź współrzędne albo wyślij zgłoszenie do miasta, wybranego poniżej.
report-nearby-heading = Czy chodzi o jedno z tych?
report-nearby-intro = Te otwarte zgłoszenia tego samego rodzaju są blisko podanego miejsca. Jeśli twoje jest jednym z nich, zaznacz, że dotyczy też ciebie, albo je obserwuj zamiast wysyłać kolejne.
report-nearby-affected = To dotyczy też mnie
report-nearby-follow = Obserwuj
report-nearby-different = Jeśli twój problem jest inny, wyślij go przyciskiem na końcu formularza (zdjęcie wybierz ponownie).
report-nearby-metres = { $count ->
    [one] { $count } metr stąd
    [few] { $count } metry stąd
    [many] { $count } metrów stąd
   *[other] { $count } metra stąd
}

field-alert-place = Blisko miejsca (nieobowiązkowo)
field-alert-place-hint = Tylko nowe rzeczy z miejscem (zgłoszenia i wydarzenia) blisko punktu albo w granicach obszaru. Zostaw puste, by dostawać powiadomienia tylko według obszaru.
field-alert-near-metres = W promieniu (metry)
field-alert-near-metres-hint = Od 50 do 20000; 500, jeśli zostawisz puste.
field-alert-near-metres-invalid = Podaj odległość jako liczbę całkowitą metrów od 50 do 20000.
field-alert-place-area = Albo w granicach obszaru
field-alert-place-area-none = Bez granicy
field-alert-place-area-hint = Obszar, który ma granicę na mapie.
field-alert-place-both = Wybierz punkt albo granicę obszaru, nie oba.
field-alert-place-no-boundary = Ten obszar nie ma jeszcze granicy; wybierz inny albo podaj punkt.
alert-place-near = w promieniu { $metres } m od { $lat }, { $lon }
alert-place-inside = w granicach obszaru { $area }

streets-title = Wgraj listę ulic
streets-intro = Bez zewnętrznego geokodera „znajdź adres” w formularzu zgłoszenia przeszukuje te ulice, ulice wcześniejszych zgłoszeń i nazwy obszarów. Ulica, która już jest na liście, zachowuje swoje miejsce.
field-streets-file = Lista ulic (CSV)
field-streets-file-hint = Jedna ulica w wierszu: nazwa, szerokość, długość geograficzna (np. Mill Lane,53.4791,-2.0712). Wiersz nagłówka jest dozwolony.
streets-submit = Wgraj
notice-streets-imported = Ulice wgrane.
field-streets-not-text = To nie jest plik tekstowy. Wybierz plik CSV.
field-streets-empty = Plik nie zawiera żadnych ulic.
field-streets-bad-line = Wiersz { $line } nie ma postaci „nazwa, szerokość, długość” z liczbami w zakresie. Nic nie zostało wgrane.
