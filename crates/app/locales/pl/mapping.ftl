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
