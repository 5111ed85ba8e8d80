### Dwanaście przepisów, od których zaczyna się każda biblioteka metod (methods/seed.rs), po
### jednej wiadomości na pole; pokazywane zamiast zapisanego tekstu, dopóki metoda jest
### przepisem startowym. Napisane dla Square Mile, na licencji CC BY-SA 4.0. Kroki: każdy
### w osobnej linii.

# Podpis dwunastu przepisów (method-by: „Autor: …”).
seed-author = społeczność Square Mile

## Gra w umiejętności

seed-skills-game-title = Gra w umiejętności
seed-skills-game-summary = Sąsiedzi przy stolikach przechodzą przez talię kart z umiejętnościami i sprawdzają, ile ich ulica już potrafi.
seed-skills-game-purpose = Żeby grupa zobaczyła, ile umiejętności już ma i których nie ma nikt w okolicy. Wtedy prośby i oferty pomocy zaczynają się od mocnych stron, a nie od braków.
seed-skills-game-when-to-use = Na początku projektu, na festynie sąsiedzkim albo zebraniu mieszkańców: zawsze, gdy ktoś mówi, że „tu nic nie ma”.
seed-skills-game-group-size = Od 4 do 8 osób przy stoliku; stolików może być dowolnie dużo
seed-skills-game-duration = 45–60 minut
seed-skills-game-materials = Talia kart z umiejętnościami dla każdego stolika (albo telefon lub tablet z grą w umiejętności w Square Mile), długopisy, arkusz na wyniki
seed-skills-game-steps =
    Posadź ludzi przy stolikach po cztery do ośmiu osób; wymieszaj tych, którzy się nie znają.
    Przeczytaj zasady: przy każdej karcie stolik mówi „umiemy to”, „umie ktoś znajomy” albo „nikt, kogo znamy”.
    Rozdaj karty według grup; jedna osoba czyta każdą kartę na głos i zapisuje odpowiedź.
    Pilnuj tempa: karta to kilka sekund, a nie dyskusja.
    Kiedy talia się skończy, policz, ile kart umie każdy stolik, i ogłoś to na głos.
    Zbierz wyniki wszystkich stolików i przeczytaj, czego brakuje: karty, których nie umie nikt.
    Poproś każdy stolik, żeby jeden z tych braków zamienił w prośbę o pomoc.
seed-skills-game-tips = Niech przy każdym stoliku będzie gospodarz, który pilnuje tempa. Głośno ciesz się z zaskakujących umiejętności: właśnie to ludzie zapamiętają.
seed-skills-game-variations = Zagrajcie z organizacjami zamiast z osobami; zagrajcie dwa razy w odstępie roku i zobaczcie, jak przybywa umiejętności.
seed-skills-game-tags = zasoby, umiejętności, rozgrzewka, gry

## Ankieta do mapowania sieci

seed-network-mapping-questionnaire-title = Ankieta do mapowania sieci
seed-network-mapping-questionnaire-summary = Krótka ankieta o tym, do kogo ludzie zwracają się i w jakich sprawach. Z odpowiedzi powstaje mapa więzi w okolicy.
seed-network-mapping-questionnaire-purpose = Żeby zobaczyć, kto łączy ludzi ze sobą, które grupy są odcięte i kogo warto z kim poznać.
seed-network-mapping-questionnaire-when-to-use = Przed projektem i po nim, żeby sprawdzić, czy sąsiedzi są ze sobą lepiej powiązani.
seed-network-mapping-questionnaire-group-size = Od 20 do 500 osób
seed-network-mapping-questionnaire-duration = 10 minut na osobę; 90 minut warsztatów, żeby odczytać mapę
seed-network-mapping-questionnaire-materials = Mapowanie sieci w Square Mile albo ankiety na papierze, które potem się przepisuje
seed-network-mapping-questionnaire-steps =
    Ustal pytania: do kogo idziesz po radę, po pomoc, kiedy trzeba coś załatwić?
    Zapytaj ludzi, czy zgadzają się, żeby ich imię i nazwisko było widać na mapie; pozostali pojawią się pod pseudonimem.
    Roześlij link albo rozdaj ankiety na papierze i dwa razy przypomnij o nich.
    Zamknij rundę i obejrzyjcie mapę razem: kto jest węzłem, kto łącznikiem, a kto zostaje na uboczu.
    Wybierz kilka znajomości, które warto zawiązać, i przedstaw tych ludzi sobie.
    Po roku zrób drugą rundę i porównaj wyniki.
seed-network-mapping-questionnaire-tips = Ankieta nie powinna mieć więcej niż pięć pytań. Nie publikuj mapy z nazwiskami osób, które się na to nie zgodziły.
seed-network-mapping-questionnaire-variations = Zmapuj organizacje zamiast osób; zmapuj tylko jedną ulicę, na dużym arkuszu papieru.
seed-network-mapping-questionnaire-tags = sieci, mapowanie, ewaluacja

## Spacer po zasobach

seed-asset-walk-title = Spacer po zasobach
seed-asset-walk-summary = Powolny spacer po okolicy, na którym spisujecie, co już w niej jest: miejsca, grupy, ludzi, miejsca spotkań.
seed-asset-walk-purpose = Żeby spojrzeć na okolicę świeżym okiem i zapisać zasoby, na których można oprzeć plan.
seed-asset-walk-when-to-use = Kiedy grupa dopiero zaczyna działać albo kiedy dołączają do niej nowe osoby.
seed-asset-walk-group-size = Od 6 do 15 osób na jeden spacer
seed-asset-walk-duration = 1–2 godziny
seed-asset-walk-materials = Mapa trasy, podkładki do pisania albo telefony, aparat, wygodne buty
seed-asset-walk-steps =
    Zaplanuj trasę długości około dwóch kilometrów, która prowadzi i przez ruchliwe, i przez zapomniane miejsca.
    Daj każdej osobie coś do wypatrywania: miejsca spotkań, zieleń, sklepy, ogłoszenia, ludzi.
    Idźcie powoli i często się zatrzymujcie; rozmawiajcie z ludźmi, których spotkacie.
    Zapisujcie każdy zasób: gdzie jest i kto o niego dba.
    Zakończcie gdzieś przy herbacie i zbierzcie wszystkie notatki na jednej mapie.
    Dodaj te zasoby do mapy zasobów okolicy.
seed-asset-walk-tips = Sprawdź, czy trasa jest dostępna dla wszystkich, którzy przyjdą. Zanim zrobisz komuś zdjęcie, zapytaj o zgodę.
seed-asset-walk-variations = Spacer po zmroku, żeby sprawdzić oświetlenie i to, czy jest bezpiecznie; spacer, który prowadzą dzieci.
seed-asset-walk-tags = zasoby, spacery, miejsca

## Rozmowa sąsiedzka

seed-community-conversation-title = Rozmowa sąsiedzka
seed-community-conversation-summary = Rozmowa w małych grupach, z osobą prowadzącą, o sprawie ważnej dla okolicy. Kończy się tym, kto co zrobi dalej.
seed-community-conversation-purpose = Żeby w jednej sprawie usłyszeć wiele głosów i znaleźć to, co wspólne, oraz ludzi chętnych do działania.
seed-community-conversation-when-to-use = Kiedy decyzja albo problem dotyczy wielu osób, a nikt jeszcze nie zapytał ich o zdanie.
seed-community-conversation-group-size = Od 10 do 100 osób, w grupach po 5–8
seed-community-conversation-duration = 2 godziny
seed-community-conversation-materials = Stoliki, osoba prowadząca przy każdym z nich, jasno zapisane pytanie na każdym stoliku, karteczki na notatki, poczęstunek
seed-community-conversation-steps =
    Wybierz jedno otwarte pytanie, na przykład „Co sprawiłoby, że w naszym parku czulibyśmy się bezpiecznie?”.
    Przywitaj ludzi i wyjaśnij, co się stanie z tym, co powiedzą.
    W małych grupach każdy najpierw mówi raz i nikt mu nie przerywa, a potem grupa rozmawia swobodnie.
    Każda grupa zapisuje na kartkach trzy najważniejsze myśli.
    Pokaż kartki wszystkim i razem ułóżcie je w grupy.
    Zapytaj, kto zajmie się którą sprawą, i zapisz imiona.
    Opublikuj, co zostało powiedziane, i wróć do tematu w ciągu miesiąca.
seed-community-conversation-tips = Osoba prowadząca ma robić miejsce innym, a nie mówić. Jeśli możesz, zapewnij tłumaczy i opiekę nad dziećmi.
seed-community-conversation-variations = Zróbcie ją online; zróbcie ją tego samego wieczoru w kilku miejscach i połączcie wyniki.
seed-community-conversation-tags = rozmowa, zaangażowanie, deliberacja

## Open space

seed-open-space-title = Open space
seed-open-space-summary = Spotkanie bez ustalonego programu: uczestnicy sami proponują sesje, a każdy idzie tam, gdzie może się najwięcej nauczyć albo najwięcej dać od siebie.
seed-open-space-purpose = Żeby duża grupa sama zorganizowała się wokół tego, na czym jej najbardziej zależy.
seed-open-space-when-to-use = Kiedy temat jest złożony, ludziom na nim zależy, a nikt nie zna odpowiedzi.
seed-open-space-group-size = Od 20 do 500 osób
seed-open-space-duration = Od pół dnia do trzech dni
seed-open-space-materials = Duża pusta ściana z rozpisanym planem sesji, karteczki samoprzylepne, markery, sale albo kąty na sesje
seed-open-space-steps =
    Posadź wszystkich w kręgu i powiedz, jaki jest temat spotkania.
    Wyjaśnij zasady: ktokolwiek przyjdzie, to właściwe osoby, a kiedy coś się kończy, to się kończy.
    Każdy, komu na czymś zależy, zapisuje to na kartce, mówi o tym na głos i przypina kartkę do planu.
    Ludzie zapisują się na sesje, które ich interesują, i swobodnie przechodzą między nimi.
    Gospodarz każdej sesji pisze krótkie podsumowanie.
    Zakończcie w kręgu: czego się nauczyliśmy i co dalej?
seed-open-space-tips = Nie ulegaj pokusie, żeby wypełnić program z góry. Prawo dwóch stóp (idź tam, gdzie się przydasz) dotyczy też organizatorów.
seed-open-space-variations = Zróbcie krótki, 90-minutowy open space na koniec większego wydarzenia.
seed-open-space-tags = open space, samoorganizacja, wydarzenia

## World café

seed-world-cafe-title = World café
seed-world-cafe-summary = Rundy rozmów przy kawiarnianych stolikach: ludzie przechodzą od stolika do stolika, a pomysły wędrują razem z nimi.
seed-world-cafe-purpose = Żeby połączyć pomysły całej dużej grupy i odkryć, co wszyscy myślą.
seed-world-cafe-when-to-use = Kiedy chcesz, żeby wiele osób wspólnie zastanowiło się nad kilkoma pytaniami, zamiast słuchać prelegentów.
seed-world-cafe-group-size = Od 12 do 200 osób, po cztery albo pięć przy stoliku
seed-world-cafe-duration = Od 90 minut do 3 godzin
seed-world-cafe-materials = Małe stoliki nakryte papierowymi obrusami, markery, gospodarz przy każdym stoliku, trzy przygotowane pytania
seed-world-cafe-steps =
    Urządź salę jak kawiarnię, z czterema lub pięcioma krzesłami przy każdym stoliku.
    Zadaj pierwsze pytanie; przy stolikach rozmawiacie przez 20 minut i rysujecie na obrusach.
    Wszyscy oprócz gospodarza przesiadają się do innego stolika.
    Gospodarz opowiada, o czym rozmawiano wcześniej, a nowa grupa rozwija te myśli.
    Powtórz to samo z drugim i trzecim pytaniem.
    Na koniec podsumujcie: każdy stolik mówi całej sali, co było dla niego najważniejsze.
seed-world-cafe-tips = Pytania zaczynające się od „co” i „jak” działają lepiej niż takie, na które odpowiada się „tak” albo „nie”.
seed-world-cafe-variations = Zadawaj jedno pytanie we wszystkich rundach, żeby pójść w głąb, a nie wszerz.
seed-world-cafe-tags = rozmowa, deliberacja, wydarzenia

## Panel obywatelski

seed-citizens-jury-title = Panel obywatelski
seed-citizens-jury-summary = Mała grupa, wylosowana tak, żeby przypominała mieszkańców okolicy, wysłuchuje ekspertów, naradza się i przygotowuje rekomendacje.
seed-citizens-jury-purpose = Żeby w trudnej sprawie wypracować uczciwą, przemyślaną rekomendację, na którą odpowiedzą wybrane władze.
seed-citizens-jury-when-to-use = Kiedy decyzja budzi spory, trzeba coś za coś wybrać, a jest czas, żeby zrobić to porządnie.
seed-citizens-jury-group-size = Od 12 do 50 panelistów
seed-citizens-jury-duration = Kilka dni rozłożonych na kilka tygodni
seed-citizens-jury-materials = List z zaproszeniem, losowanie warstwowe (moduł paneli obywatelskich w Square Mile), sala, eksperci, moderatorzy, wynagrodzenie dla panelistów
seed-citizens-jury-steps =
    Ustal pytanie i zdobądź od osób, które decydują, obietnicę, że odpowiedzą na rekomendacje.
    Roześlij zaproszenia losowo; zbierz zgłoszenia ochotników razem z odpowiedziami o wiek, okolicę i inne cechy.
    Wylosuj panel z kwotami, żeby przypominał mieszkańców okolicy, i opublikuj, jak przebiegło losowanie.
    Zorganizuj spotkania z ekspertami dobranymi tak, żeby przedstawili wszystkie strony.
    Naradzajcie się w małych grupach z doświadczonymi moderatorami.
    Zapiszcie rekomendacje słowami panelistów i zagłosujcie nad każdą z nich.
    Opublikuj raport i odpowiedź osób, które decydują.
seed-citizens-jury-tips = Zapłać panelistom i pokryj koszty opieki nad bliskimi i dojazdu, bo inaczej wziąć udział będą mogli tylko niektórzy.
seed-citizens-jury-variations = Zgromadzenie obywatelskie, w którym bierze udział od 50 do 150 osób; jednodniowy mini-panel.
seed-citizens-jury-tags = losowanie, deliberacja, decyzje

## Budżet obywatelski

seed-participatory-budgeting-title = Budżet obywatelski
seed-participatory-budgeting-summary = Mieszkańcy zgłaszają projekty i głosują, na co wydać część budżetu.
seed-participatory-budgeting-purpose = Żeby oddać prawdziwe decyzje o wydatkach ludziom, których one dotyczą, i budować zaufanie do publicznych pieniędzy.
seed-participatory-budgeting-when-to-use = Kiedy gmina, fundacja albo spółdzielnia mieszkaniowa ma pieniądze i chce, żeby to mieszkańcy zdecydowali, na co je wydać.
seed-participatory-budgeting-group-size = Od jednej ulicy po całe miasto
seed-participatory-budgeting-duration = Od trzech do dziewięciu miesięcy na pełną edycję
seed-participatory-budgeting-materials = Budżet, jasne zasady, głosowanie online (moduł budżetów obywatelskich w Square Mile) i karty do głosowania na papierze, punkty do głosowania
seed-participatory-budgeting-steps =
    Ustal kwotę, obszar, kto może głosować i jak będą liczone głosy.
    Przez kilka tygodni zbieraj pomysły od wszystkich, w internecie i na papierze.
    Niech urzędnicy sprawdzą, czy każdy pomysł da się zrealizować i ile będzie kosztować; każde odrzucenie muszą publicznie uzasadnić.
    Przeprowadź głosowanie na karcie, z której jasno wynikają zasady.
    Policz głosy według uczciwej reguły i opublikuj wyniki z wyjaśnieniem dla każdego projektu.
    Zrealizuj projekty, które dostały pieniądze, i publicznie informuj, jak idą prace.
seed-participatory-budgeting-tips = Pierwszą edycję zrób małą i dobrze poprowadzoną: zaufanie rośnie dzięki projektom, które naprawdę powstają.
seed-participatory-budgeting-variations = Podziel budżet na dzielnice; głosujcie punktami albo wybierajcie projekty, dopóki starczy pieniędzy.
seed-participatory-budgeting-tags = budżety, głosowanie, decyzje

## Spacer z rozmową

seed-walk-and-talk-title = Spacer z rozmową
seed-walk-and-talk-summary = Dwie albo trzy osoby rozmawiają, idąc wybraną trasą po okolicy.
seed-walk-and-talk-purpose = Żeby rozmawiało się łatwiej i bardziej na równi niż przy stole, i żeby mówić o miejscach, patrząc na nie.
seed-walk-and-talk-when-to-use = Do rozmów w cztery oczy, żeby poznać ludzi, którzy nie przychodzą na zebrania, i do trudnych tematów.
seed-walk-and-talk-group-size = 2–3 osoby na jeden spacer
seed-walk-and-talk-duration = 30–60 minut
seed-walk-and-talk-materials = Trasa, ubranie odpowiednie do pogody, notes na później
seed-walk-and-talk-steps =
    Ustalcie trasę, która pasuje do tempa i sprawności wszystkich.
    Zacznij od otwartego pytania o miejsce, przez które idziecie.
    Niech spacer nadaje rytm; cisza jest w porządku.
    Zatrzymajcie się tam, gdzie coś się pojawi, i przyjrzyjcie się temu razem.
    Na koniec ustalcie, co każdy zrobi dalej.
    Od razu zapisz swoje notatki.
seed-walk-and-talk-tips = Kiedy idzie się obok siebie, nieśmiałym osobom łatwiej jest mówić.
seed-walk-and-talk-variations = Spacer z rozmową mieszkanki albo mieszkańca z radną lub radnym; spacer w grupie z przewodnikiem.
seed-walk-and-talk-tags = spacery, rozmowa, rozmowy w cztery oczy

## Krąg opowieści

seed-story-circle-title = Krąg opowieści
seed-story-circle-summary = Ludzie siadają w kręgu i każdy opowiada krótką, prawdziwą historię na wspólny temat, a pozostali słuchają.
seed-story-circle-purpose = Żeby lepiej się rozumieć mimo różnic i wydobyć doświadczenia, których nie widać w liczbach.
seed-story-circle-when-to-use = Na początku projektu, kiedy brakuje zaufania albo kiedy chcesz zebrać doświadczenia ludzi z jakąś usługą.
seed-story-circle-group-size = Od 6 do 12 osób w kręgu
seed-story-circle-duration = 60–90 minut
seed-story-circle-materials = Krzesła ustawione w krąg, minutnik, przedmiot, który trzyma osoba mówiąca
seed-story-circle-steps =
    Ustalcie zasady: słuchamy bez przerywania, a to, co tu usłyszymy, zostaje w kręgu.
    Podaj temat, na przykład „Kiedy ktoś z sąsiedztwa ci pomógł”.
    Daj wszystkim minutę ciszy na wybranie historii.
    Idźcie po kolei w kręgu; każdy ma trzy minuty.
    Kiedy wszyscy skończą, zróbcie drugą rundę: każdy mówi jedną rzecz, którą usłyszał.
    Zapytaj opowiadających, które historie mogą za ich zgodą wyjść poza krąg.
seed-story-circle-tips = Osoba prowadząca też opowiada swoją historię. Nigdy nikogo nie zmuszaj do mówienia.
seed-story-circle-variations = Nagrywajcie historie, za zgodą opowiadających, do opowieści o jakiejś usłudze albo na wystawę.
seed-story-circle-tags = historie, słuchanie, zaufanie

## Rozmowy jeden na jeden

seed-one-to-one-conversations-title = Rozmowy jeden na jeden
seed-one-to-one-conversations-summary = Spotkania, od których zaczyna się organizowanie społeczności: półgodzinne rozmowy, w których odkrywasz, na czym komuś zależy i co mógłby zrobić.
seed-one-to-one-conversations-purpose = Żeby budować relacje, znajdować liderów i wspólne sprawy, po jednej osobie naraz.
seed-one-to-one-conversations-when-to-use = Cały czas, a szczególnie wtedy, gdy zaczynasz organizować ludzi w nowym miejscu.
seed-one-to-one-conversations-group-size = 2 osoby
seed-one-to-one-conversations-duration = 30–45 minut
seed-one-to-one-conversations-materials = Spokojne miejsce, kubek herbaty, notes na później
seed-one-to-one-conversations-steps =
    Poproś o rozmowę i powiedz, po co: chcesz poznać tę osobę i to, co jest dla niej ważne.
    Zadawaj otwarte pytania o jej historię, zmartwienia i nadzieje związane z okolicą.
    Wsłuchuj się w to, co ją osobiście porusza: co sprawiłoby, że zacznie działać?
    Opowiedz też trochę o sobie.
    Zapytaj, z kim jeszcze warto porozmawiać.
    Ustalcie następny krok, nawet mały, i dopilnuj, żeby się wydarzył.
seed-one-to-one-conversations-tips = To rozmowa, a nie ankieta ani sprzedaż. Postaraj się odbyć 20 takich rozmów w miesiącu.
seed-one-to-one-conversations-variations = Na zebraniu połącz ludzi w pary na dziesięciominutowe rozmowy.
seed-one-to-one-conversations-tags = organizowanie, relacje, rozmowy w cztery oczy, przywództwo

## Żywe laboratorium

seed-living-lab-title = Żywe laboratorium
seed-living-lab-summary = Mieszkańcy, instytucje i badacze wypróbowują zmianę w prawdziwej okolicy, uczą się na niej i ją poprawiają.
seed-living-lab-purpose = Żeby przetestować rozwiązania z ludźmi, którzy będą z nich korzystać, zanim wyda się na nie duże pieniądze.
seed-living-lab-when-to-use = Kiedy jest pomysł wart wypróbowania i grupa, która chce go testować przez kilka miesięcy.
seed-living-lab-group-size = Od 10 do 50 osób w całym okresie
seed-living-lab-duration = Od trzech do dwunastu miesięcy
seed-living-lab-materials = Niewielki budżet na prototypy, miejsce do spotkań, proste sposoby na mierzenie zmian
seed-living-lab-steps =
    Razem z mieszkańcami ustalcie, jaki jest problem i co uznacie za sukces.
    Wspólnie zaprojektujcie małą, tanią próbę.
    Przeprowadźcie ją w prawdziwej okolicy przez kilka tygodni.
    Zbierzcie, co się wydarzyło: liczby, historie i zdjęcia.
    Spotkajcie się i zdecydujcie: przerwać, zmienić czy rozwinąć.
    Zacznijcie kolejny cykl i opublikujcie, czego się nauczyliście, także porażki.
seed-living-lab-tips = Zacznij od czegoś mniejszego, niż ci się wydaje. Pozwól mieszkańcom zmieniać projekt między cyklami.
seed-living-lab-variations = Laboratorium uliczne, które w niedziele zamyka ulicę, żeby dzieci mogły się na niej bawić; laboratorium w bibliotece.
seed-living-lab-tags = eksperymenty, projektowanie, ewaluacja
