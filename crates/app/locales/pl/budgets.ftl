# Odmowy przy dodawaniu zdjęcia, do projektu budżetu i do zgłoszenia problemu.
error-photo-not-allowed = Zdjęcia mogą dodawać osoba, która zaproponowała projekt (w czasie zbierania pomysłów), oraz urzędnicy.
error-photo-alt = Opisz zdjęcie w kilku słowach (do 300 znaków).
error-photo-format = Przyjmujemy tylko zdjęcia w formacie JPEG i PNG.
error-photo-damaged = Plik zdjęcia jest uszkodzony albo niekompletny.
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
error-photo-too-many = Ten projekt ma już tyle zdjęć, ile może pomieścić.
