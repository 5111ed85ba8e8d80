# Komunikaty dodane przy poprawkach z wątku 25.
field-pb-change-not-yours = Ta karta nie została oddana z twojego konta, więc nie możesz jej zmienić. Kod potwierdzenia pozwala sprawdzić kartę; zmienić ją może tylko osoba, która głosowała.
field-pb-change-wrong-code = To nie jest kod zaproszenia, którym oddano tę kartę. Wpisz kod, którym głosowałeś.
upload-size-megabytes = { $size } MB
upload-size-kilobytes = { $size } kB
upload-too-large = Ten plik jest za duży: formularz może wysłać najwyżej { $size }. Wybierz mniejszy plik (zdjęcie można zapisać w mniejszym rozmiarze) i wyślij formularz ponownie; wszystko, co wpisałeś, zostało zachowane.
field-too-long-limit = To jest za długie: najwyżej { $max ->
    [one] { $max } znak
    [few] { $max } znaki
   *[many] { $max } znaków
}, a tu jest { $length }.
game-no-answers-yet = Nie ma jeszcze odpowiedzi: braki pojawią się tutaj, gdy stoliki posortują karty.
game-no-gaps-yet = Na razie nie ma braków, ale { $count ->
    [one] { $count } karta nie ma
    [few] { $count } karty nie mają
   *[many] { $count } kart nie ma
} jeszcze odpowiedzi.
pb-status-voted-on = Poddany pod głosowanie: zobacz wyniki
pb-eligibility-title = Nie możesz jeszcze głosować
pb-eligibility-verify-how = Potwierdzenie zajmie chwilę, jeśli masz kod z listu z urzędu; w przeciwnym razie potwierdzić cię może urzędnik twojej okolicy.
pb-eligibility-verify = Potwierdź, że tu mieszkasz
pb-eligibility-home = Podaj, gdzie mieszkasz
