# Słowa, które mapa sieci pisze sama. Zostaw %nazwy% bez zmian: mapa je wypełnia.
mapping-svg-colour = Kolor
mapping-svg-size = Rozmiar
mapping-svg-other-groups = inne grupy
mapping-svg-description = Sieć %nodes% węzłów i %ties% powiązań w %groups% grupach według: %group_title%. Wielkość węzła pokazuje: %size_title%; największe: %largest%.
mapping-reason-both-know = oboje znają { $names }
mapping-reason-common-contacts = mają { $count } wspólnych znajomych
mapping-reason-both-care = oboje interesują się: { $items }
mapping-reason-can-help = jedno może pomóc drugiemu w: { $items }
mapping-reason-bridges = połączyłoby to dwie grupy
mapping-reason = { $a } i { $b }: { $parts }.
mapping-list-and = { $rest } i { $last }
# Kto jest podpisany na mapie, a kto występuje pod pseudonimem.
mapping-answer-intro = To zajmie kilka minut. Powiedz nam, kim jesteś, z kim współpracujesz i czym możesz się podzielić. Nazwy osób oraz grup niezarejestrowanych w tym serwisie, które nie zgodzą się na pokazanie na mapie, widzą tylko organizatorzy.
field-mapping-consent-hint = Jeśli nie, wszyscy poza organizatorami zobaczą Cię jako „Person” (albo „Organisation”) z numerem. Organizacje zarejestrowane w tym serwisie są zawsze podpisane nazwą.
mapping-exports-hint = GEXF otwiera się w Gephi, GraphML w większości narzędzi do analizy sieci, a pliki CSV w Kumu i arkuszach kalkulacyjnych. Osoby, które nie zgodziły się na podanie nazwiska, występują w każdym pliku jako „Person” z numerem, a organizacje niezarejestrowane w tym serwisie, które się nie zgodziły, jako „Organisation” z numerem.
mapping-organiser-names = Widzisz wszystkie nazwy, bo organizujesz to badanie. Pozostali widzą osoby, które nie zgodziły się na podanie nazwiska, jako „Person” z numerem, a organizacje niezarejestrowane w tym serwisie, które się nie zgodziły, jako „Organisation” z numerem.
