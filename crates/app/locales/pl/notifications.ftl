notifications-settings-title = Wybierz, o czym chcesz wiedzieć
notifications-settings-intro = Dla każdego rodzaju wiadomości wybierz, jak dostajesz o nich e-maile: od razu, zebrane w jeden e-mail dziennie lub tygodniowo, albo wcale; oraz czy serwis pokazuje je w Powiadomieniach.
notifications-kind-replies = Odpowiedzi do mnie
notifications-kind-replies-hint = Wiadomości od osób, z którymi połączono Cię, by pomagać lub dostać pomoc.
notifications-kind-following = Zmiany w tym, co obserwuję
notifications-kind-following-hint = Odpowiedzi i zmiany w obserwowanych zgłoszeniach i rozmowach.
notifications-kind-area = Wieści z mojej okolicy
notifications-kind-area-hint = Zestawienia alertów, które subskrybujesz.
notifications-kind-work = Moje kolejki pracy
notifications-kind-work-hint = Zgłoszenia skierowane do Twojej organizacji, mieszkańcy czekający na potwierdzenie, zgłoszenia, które według zgłaszających nie zostały naprawione.
notifications-email-now = E-mail od razu
notifications-email-daily = Jeden e-mail dziennie
notifications-email-weekly = Jeden e-mail tygodniowo
notifications-email-never = Bez e-maili
notifications-site = Pokazuj w serwisie w Powiadomieniach
notifications-save = Zapisz wybór
notice-notifications-saved = Twój wybór został zapisany.
field-notifications-invalid = Wybierz sposób otrzymywania e-maili dla każdego rodzaju wiadomości.
notifications-alerts = Alerty
notifications-alerts-intro = Alerty informują o nowościach w danym miejscu lub temacie, każdy tak często, jak dla niego wybrano.
notifications-alerts-link = Twoje alerty
notifications-settings-link = Wybierz, o czym chcesz wiedzieć
account-notifications = Wybierz, jakie e-maile i powiadomienia dostajesz
notifications-footer = Wybierz, jakie e-maile dostajesz: { $link }
notifications-summary-daily = { $count ->
    [one] Twoje dzienne zestawienie: jedna wiadomość
    [few] Twoje dzienne zestawienie: { $count } wiadomości
   *[many] Twoje dzienne zestawienie: { $count } wiadomości
}
notifications-summary-weekly = { $count ->
    [one] Twoje tygodniowe zestawienie: jedna wiadomość
    [few] Twoje tygodniowe zestawienie: { $count } wiadomości
   *[many] Twoje tygodniowe zestawienie: { $count } wiadomości
}
notifications-older = Starsze powiadomienia
