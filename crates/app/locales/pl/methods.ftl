## Biblioteka metod

method-title = Biblioteka metod
method-intro = Sposoby na łączenie ludzi, opisane jak przepisy, z których każdy może korzystać i je zmieniać: na otwartej licencji, z krokami, materiałami i wskazówkami od osób, które już je prowadziły.
method-new = Opublikuj metodę
method-search = Szukaj metod
method-tag = Tagi
method-empty = Żadna metoda nie pasuje.
method-is-adaptation = adaptacja
method-by = Autor: { $name }
method-licence = Licencja: { $licence }
# Dalej następuje link z nazwą metody i (autorem).
method-adapted-from = adaptacja metody
method-rating = { $count ->
    [one] Średnia ocena: { $rating } na 5. Oceniła { $count } osoba.
    [few] Średnia ocena: { $rating } na 5. Oceniły { $count } osoby.
   *[many] Średnia ocena: { $rating } na 5. Oceniło { $count } osób.
}
method-not-rated = Nikt jeszcze nie ocenił tej metody.
method-adapt = Stwórz własną wersję tej metody
method-adapt-intro = Twoja wersja zachowa link do oryginału i podpis jego autora:
method-adapted-title = { $title } (adaptacja)
method-adaptations = Adaptacje
method-publish = Opublikuj
notice-method-published = Metoda została opublikowana.
method-rate = Twoja ocena
method-rate-submit = Oceń
notice-method-rated = Dziękujemy za ocenę.
method-uses = Jak ją stosowano
method-no-uses = Nikt jeszcze nie opisał, jak z niej korzystał.
method-use-submit = Opisz, jak z niej korzystasz
notice-method-use-added = Dziękujemy, że dzielisz się doświadczeniem.
field-method-title = Nazwa metody
field-method-summary = W jednym zdaniu
field-method-purpose = Do czego służy
field-method-when = Kiedy jej używać
field-method-group-size = Wielkość grupy
field-method-duration = Czas trwania
field-method-materials = Materiały
field-method-steps = Kroki
field-method-steps-hint = Każdy krok w osobnej linii, po kolei.
field-method-tips = Wskazówki
field-method-variations = Warianty
field-method-tags = Tagi
field-method-tags-hint = Słowa oddzielone przecinkami, np. „rozmowa, wydarzenia”.
field-method-licence = Licencja
field-method-licence-hint = Creative Commons BY-SA, chyba że wybierzesz inną otwartą licencję; tworzenie własnych wersji jest zawsze dozwolone.
field-method-licence-invalid = Wybierz jedną z otwartych licencji.
field-method-occasion = Gdzie i kiedy
field-method-occasion-hint = Na przykład „Festyn na Zatorzu, lipiec 2026”.
field-method-story = Jak poszło?
error-method-stars = Wybierz od 1 do 5 gwiazdek.
method-materials-files = Materiały do pobrania
method-no-materials = Nie ma jeszcze plików.
method-material-remove = Usuń plik { $name }
field-method-file = Dodaj plik
field-method-file-hint = Karty do wydruku, karty pracy, slajdy: PDF, PNG, JPEG, tekst, CSV albo plik OpenDocument lub Office, do 2 MB. Ze zdjęć usuwamy dane o miejscu i aparacie. Plik będzie udostępniony na licencji metody.
method-material-upload = Prześlij plik
notice-method-material-added = Plik został dodany do materiałów.
notice-method-material-removed = Plik został usunięty.
error-material-empty = Wybierz plik do przesłania.
error-material-type = Tego rodzaju pliku nie można dodać do materiałów: użyj PDF, PNG, JPEG, tekstu, CSV albo pliku OpenDocument lub Office, z rozszerzeniem zgodnym z jego zawartością.
error-material-too-many = Metoda może mieć najwyżej 20 plików; najpierw usuń któryś z nich.
error-material-not-allowed = Materiały metody mogą zmieniać tylko jej autor i administratorzy strony.
# Wymagane pola przepisu i relacji z jego użycia.
field-summary-missing = Napisz krótkie podsumowanie.
field-steps-missing = Opisz kolejne kroki.
field-occasion-missing = Podaj, gdzie lub kiedy użyto tej metody.
field-story-missing = Opisz, jak poszło.
