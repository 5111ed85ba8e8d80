## Strona główna.

home-title = Twoja okolica, razem
home-intro = Square Mile pomaga sąsiadom zobaczyć, co już jest w ich okolicy, poznać się nawzajem, zgłaszać problemy tym, którzy mogą je rozwiązać, i wspólnie decydować o wydatkach.
home-find-label = Znajdź swoje osiedle
home-neighbourhoods = Osiedla
home-join-title = Dołącz
home-join-text = Załóż konto, aby wskazać, gdzie mieszkasz, dołączać do grup i brać udział.
