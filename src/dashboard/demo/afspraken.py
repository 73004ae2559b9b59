"""Demo content for the told side: opgaven, afspraken with jaarschijven, voortgang and stories.

`python -m dashboard.demo.afspraken` writes data/demo/afspraken.json, verhalen.json, vergaderingen.json, the
samenwerkingsmonitor's samenwerking.json and the illustrations and short videos in data/demo/media/
(commit the result). Each story and update is written in the name of a demo account of its partij,
so the growing circle of who took part shows in the demo too. Photos are drawn with
Pillow (no real people); videos are encoded with imageio-ffmpeg (development only) in bitexact
mode. `load(db)` reads those files back through the same write functions the forms use.
"""
from __future__ import annotations

import json
import math
import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

from sqlalchemy import select

from dashboard import afspraken, clock, config
from dashboard.config import DATA_DIR
from dashboard.demo import samenwerking
from dashboard.models import Partij
from dashboard.toegang import access
from dashboard.verhalen import ondertitels, toestemming, verhalen

FOLDER = DATA_DIR / "demo"
MEDIA = FOLDER / "media"
AFSPRAKEN_FILE, VERHALEN_FILE = FOLDER / "afspraken.json", FOLDER / "verhalen.json"
VERGADERINGEN_FILE = FOLDER / "vergaderingen.json"
DEMO = access.Visitor(name="demo", role="beheerder")
EXTRA_PARTIJEN = b"naam;soort;code\nPolitie basisteam Denkbeeldstad;politie;PB9901\n"
# The targets of the library (data/doelen.csv) that afspraken serve: the Kompas groups them by these.
DOELEN = {"2.1": "wet_regie_sociale_huur", "5.1": "npa2022_efg", "5.3": "npa2022_slechte_staat"}
# Captions (WebVTT) and transcript of a demo video; the other video stays without, as editors will meet it.
ONDERTITELS = {"zon": ("WEBVTT\n\n00:00.000 --> 00:02.000\n[Animatie zonder geluid] De zon komt op boven de daken met "
                       "zonnepanelen.\n",
                       "Animatie zonder geluid: de zon komt op boven de daken van de Vogelzang en de zonnepanelen "
                       "glanzen.")}

GEM, DW, TB, NH = "Gemeente Denkbeeldstad", "Woonstichting Denkbeeld Wonen", "Wooncorporatie Thuisbaak", "Stichting Nergenshuis"
HV, ZG, WZ, POL = "Huurdersvereniging Samen Sterk", "Zorggroep De Denkbeeldhof", "Stichting Welzijn Denkbeeldstad", "Politie basisteam Denkbeeldstad"

OPGAVEN = [
    ("Draagkracht en draaglast in balans", "Wijken waar kwetsbare bewoners wonen kunnen meer dragen als we samen optrekken: "
     "vroeg erbij bij schulden, zorg dichtbij, en niet alle zware vragen in dezelfde straat.",
     ["leefbaarheid", "bijzondere_doelgroepen", "betaalbaarheid"]),
    ("Doorstroming woningmarkt", "Meer betaalbare woningen erbij, en de woningen die er zijn beter benut: "
     "ouderen die willen verhuizen helpen, starters en statushouders een kans geven.",
     ["beschikbaarheid", "betaalbaarheid", "bijzondere_doelgroepen"]),
    ("'Gaten vullen' in wonen en zorg", "Wie zorg of begeleiding nodig heeft, woont zo gewoon mogelijk in de wijk. "
     "Daarvoor moeten wonen, zorg en welzijn op elkaar aansluiten.",
     ["bijzondere_doelgroepen", "beschikbaarheid", "leefbaarheid"]),
    ("De klant(vraag) voorop", "We beginnen bij wat huurders en bewoners zelf nodig hebben, niet bij onze eigen organisaties.",
     ["dienstverlening", "leefbaarheid"]),
    ("Samen verduurzamen", "Warme, droge en zuinige huizen met lage energielasten, en huurders die meebeslissen over hoe.",
     ["kwaliteit_duurzaamheid", "betaalbaarheid"]),
]

# nummer, titel, opgave (index), soort, trekker, partners [(partij, rol, taak)], indicator, streefwaarde (as its
# indicator counts: a total over the looptijd for a figure that adds up, such as new homes; the end value for a stock), ambitie,
# jaarschijf {jaar: [activiteit]}, voortgang 2024 (status, toelichting, geleerd), 2025 (status, toelichting, geleerd, dilemma)
AFSPRAKEN = [
    ("1.1", "Niemand uit huis om huurschuld", 0, "effect", DW,
     [(TB, "partner", "Vroegsignalering eigen huurders"), (NH, "partner", "Vroegsignalering eigen huurders"),
      (WZ, "uitvoerder", "Huisbezoek en schuldhulp binnen vijf werkdagen"), (GEM, "partner", "Schuldhulpverlening en bijzondere bijstand")],
     "ontruimingen", None,
     "Huurders met betalingsproblemen worden vroeg gezien en geholpen. Een ontruiming om huurschuld is het "
     "allerlaatste middel; we streven naar hoogstens drie per jaar in heel Denkbeeldstad.",
     {2024: ["Convenant vroegsignalering getekend door de drie corporaties en de gemeente (voor 1 april)",
             "Bij twee maanden achterstand binnen vijf werkdagen een huisbezoek door welzijn"],
      2025: ["Huisbezoek bij twee maanden achterstand in alle wijken; evaluatie met huurders in juni",
             "Tijdelijke huurbevriezing mogelijk zolang schuldhulp loopt"],
      2026: ["Signalen van energieleveranciers en zorgverzekeraars meenemen in vroegsignalering"]},
     ("op_koers", "Het convenant is getekend en de huisbezoeken lopen in Molenkamp en Oosterveld.",
      "Een huisbezoek werkt beter dan een brief: mensen doen vaker open dan we dachten."),
     ("op_koers", "Zeven ontruimingen in 2024, twee in 2025 tot en met oktober. Meer huurders melden zich zelf.",
      "De tijdelijke huurbevriezing geeft rust; schuldhulp kan dan echt beginnen.", False)),
    ("1.2", "Keukentafelteams in Molenkamp en Oosterveld", 0, "inspanning", WZ,
     [(DW, "partner", "Wijkconsulent in het team"), (TB, "partner", "Wijkconsulent in het team"),
      (ZG, "partner", "Wijkverpleging"), (POL, "partner", "Wijkagent sluit aan bij zorgen over veiligheid")],
     None, None,
     "In de twee wijken met de meeste zware vragen werken wijkconsulent, welzijnswerker, wijkverpleging en wijkagent "
     "als één team, met de huurder aan de keukentafel in plaats van aan vier loketten.",
     {2024: ["Team van vijf professionals in Molenkamp gestart (voor 1 juni)"],
      2025: ["Tweede team in Oosterveld", "Eén gezamenlijk plan per huishouden bij meervoudige vragen"],
      2026: ["Besluit over uitbreiding naar Havenkwartier na evaluatie"]},
     ("op_koers", "Het team in Molenkamp draait; 46 huishoudens geholpen.", "Vaste gezichten maken het verschil."),
     ("aandacht", "In Oosterveld is de wijkverpleging onderbezet; het team is pas in september gestart.",
      "Zonder zorg aan tafel valt een deel van de vragen weer terug naar losse loketten.", False)),
    ("1.3", "Huurverhoging onder de loonindex", 0, "resultaat", DW,
     [(TB, "partner", "Eigen huurbeleid"), (NH, "partner", "Eigen huurbeleid"), (HV, "adviseur", "Advies over het huurbeleid")],
     None, None,
     "De gemiddelde huurverhoging blijft onder de loonontwikkeling; woningen met label E, F of G krijgen geen "
     "huurverhoging tot ze verduurzaamd zijn.",
     {2024: ["Huurbeleid 2024 besproken met de huurdersvereniging voor 1 maart"],
      2025: ["Geen huurverhoging voor woningen met label E, F of G"],
      2026: ["Huurbeleid 2026 met inkomensafhankelijke korting voor lage inkomens"]},
     ("afgerond", "Huurverhoging 2024 gemiddeld 5,3%, onder de loonindex van 6,1%.", "Vroeg overleg voorkwam een conflict."),
     ("op_koers", "Voor 2025 ligt de verhoging op 4,5%. E-, F- en G-woningen zijn uitgezonderd.",
      "Huurders waarderen dat de uitzondering zichtbaar in de huurbrief staat.", False)),
    ("2.1", "450 sociale huurwoningen erbij in vier jaar", 1, "resultaat", DW,
     [(TB, "partner", "Bouwt 150 woningen"), (NH, "partner", "Bouwt 60 woningen"),
      (GEM, "partner", "Bouwgrond tegen sociale grondprijs en snelle vergunningen")],
     "nieuwbouw_sociaal", 450,
     "Er komen in 2024-2027 samen 450 sociale huurwoningen bij, vooral in Havenkwartier en De Akkers, "
     "met 120 opleveringen in de jaarschijf 2025.",
     {2024: ["Start bouw Havenkade (96 woningen)", "Bouwteam De Akkers-Noord opgericht"],
      2025: ["120 sociale huurwoningen opgeleverd", "Start bouw De Akkers-Noord (140 woningen)"],
      2026: ["Oplevering Havenkade", "Tweede fase De Akkers-Noord aanbesteed"]},
     ("op_koers", "De Havenkade is gestart; De Akkers-Noord is in voorbereiding.", "Samen aanbesteden scheelt tijd."),
     ("achter", "Tot nu toe ligt de bouw op schema: de Havenkade is bijna klaar. Maar de aanbesteding van De Akkers-Noord "
      "viel 18% duurder uit. Zonder extra steun schuift de bouw daar een jaar op en komen er in 2026 en 2027 samen "
      "naar verwachting 84 woningen bij in plaats van 240.",
      "De bouwkosten stijgen sneller dan de huren mogen stijgen.",
      True)),
    ("2.2", "25 senioren per jaar naar een passende woning", 1, "inspanning", TB,
     [(DW, "partner", "Seniorenmakelaar"), (HV, "adviseur", "Werft ambassadeurs onder oudere huurders"),
      (GEM, "partner", "Verhuisregeling en voorrang in de woonruimteverdeling")],
     None, None,
     "Ouderen die in een te grote of ongeschikte woning wonen, worden geholpen met verhuizen naar een passende woning "
     "in hun eigen buurt. Zo komen eengezinswoningen vrij voor gezinnen.",
     {2024: ["Seniorenmakelaar aangesteld", "Huurprijsgarantie bij verhuizing binnen Denkbeeldstad"],
      2025: ["25 verhuizingen van 65-plussers naar een passende woning"],
      2026: ["25 verhuizingen; evaluatie van de verhuisregeling"]},
     ("op_koers", "19 senioren verhuisd, vooral naar de nieuwe appartementen in Centrum.", "Verhuizen is vooral een emotioneel besluit."),
     ("aandacht", "Tot oktober 14 verhuizingen. Er zijn te weinig gelijkvloerse woningen in de eigen wijk.",
      "Senioren willen wel, maar niet weg uit hun buurt.", False)),
    ("2.3", "Statushouders huisvesten volgens de taakstelling", 1, "resultaat", GEM,
     [(DW, "partner", "Woningen beschikbaar stellen"), (TB, "partner", "Woningen beschikbaar stellen"),
      (WZ, "uitvoerder", "Begeleiding in de eerste maanden")],
     "statushouders_gehuisvest", None,
     "Denkbeeldstad huisvest elk halfjaar de taakstelling aan statushouders, met hoogstens een kwart van de vrijkomende "
     "woningen, gespreid over de wijken.",
     {2024: ["Taakstelling gehaald met maximaal 25% van de vrijkomende woningen"],
      2025: ["Taakstelling gehaald; tien flexwoningen aan de Molenweg"], 2026: ["Spreiding over alle wijken"]},
     ("op_koers", "De taakstelling 2024 is gehaald.", "Begeleiding in de eerste maanden voorkomt problemen."),
     ("aandacht", "Halverwege 2025 ligt Denkbeeldstad 18 personen achter op de taakstelling.",
      "De flexwoningen komen later dan gepland door bezwaren van omwonenden.", False)),
    ("3.1", "Dertig woningen voor ouderen rond De Denkbeeldhof", 2, "resultaat", NH,
     [(ZG, "partner", "Zorg op afroep en gebruik van de ontmoetingsruimte"), (WZ, "partner", "Activiteiten in de ontmoetingsruimte")],
     None, None,
     "Rond zorgcentrum De Denkbeeldhof in Vogelzang komen dertig geclusterde woningen voor ouderen, met een "
     "ontmoetingsruimte en zorg op afroep.",
     {2024: ["Ontwerp samen met toekomstige bewoners en de zorggroep"], 2025: ["Start bouw"], 2026: ["Oplevering en opening ontmoetingsruimte"]},
     ("op_koers", "Het ontwerp is klaar na drie bewonersavonden.", "Toekomstige bewoners wilden vooral een gezamenlijke tuin."),
     ("op_koers", "De bouw is in mei gestart.", "", False)),
    ("3.2", "Een gezamenlijke woonzorgvisie", 2, "inspanning", GEM,
     [(ZG, "partner", "Zorgvraag in beeld"), (WZ, "partner", "Welzijnsaanbod in beeld"), (DW, "partner", "Vastgoed in beeld"),
      (HV, "partner", "Huurdersperspectief")],
     None, None,
     "Gemeente, corporaties, zorg, welzijn en huurders schrijven samen een woonzorgvisie: hoeveel en welke woningen "
     "met zorg er nodig zijn, en waar.",
     {2024: ["Woonzorgvisie vastgesteld door de raad voor 31 december"], 2025: ["Uitvoeringsagenda per wijk"], 2026: []},
     ("afgerond", "De raad stelde de woonzorgvisie in december vast.", "Vijf partijen aan één tekst kost tijd, maar geeft draagvlak."),
     ("afgerond", "De uitvoeringsagenda is per wijk besproken.", "", False)),
    ("3.3", "Vijftien woningen per jaar voor uitstroom uit beschermd wonen", 2, "resultaat", TB,
     [(ZG, "uitvoerder", "Ambulante begeleiding"), (WZ, "partner", "Buurtcontact en maatjes"), (DW, "partner", "Vijf woningen per jaar")],
     None, None,
     "Mensen die klaar zijn om uit beschermd wonen te vertrekken, krijgen een gewone woning in de wijk met begeleiding "
     "zolang het nodig is.",
     {2024: ["15 woningen met begeleidingsafspraak"], 2025: ["15 woningen; buurtmaatjes in elke wijk"], 2026: ["15 woningen"]},
     ("aandacht", "In 2024 elf woningen; vier kandidaten wachten op begeleiding.", "De begeleiding is de knelpunt, niet de woning."),
     ("achter", "Tot oktober zes woningen. De zorggroep heeft een wachtlijst voor ambulante begeleiding.",
      "Bewoners van Molenkamp vragen om spreiding: er wonen al veel mensen met begeleiding in hun straat.", True)),
    ("4.1", "Huurders geven hun corporatie minstens een 7,5", 3, "effect", DW,
     [(TB, "partner", "Eigen dienstverlening"), (NH, "partner", "Eigen dienstverlening"), (HV, "partner", "Klantpanels")],
     "huurdersoordeel", None,
     "Huurders zijn tevreden over hoe hun corporatie hen helpt: een reparatie in één keer goed, een vast aanspreekpunt.",
     {2024: ["Klantpanel per corporatie"], 2025: ["Reparaties in één keer goed in 85% van de gevallen"], 2026: ["Huurdersoordeel gemiddeld 7,5"]},
     ("op_koers", "De klantpanels zijn gestart.", "Huurders willen vooral weten wanneer de monteur komt."),
     ("op_koers", "Het gemiddelde oordeel blijft 7,5, precies de afspraak.", "", False)),
    ("4.2", "Huurders aan tafel vóór het bod", 3, "inspanning", HV,
     [(DW, "partner", "Deelt conceptbod in april"), (TB, "partner", "Deelt conceptbod in april"), (GEM, "partner", "Deelt woonvisie")],
     None, None,
     "De huurdersvereniging praat mee voordat de corporaties hun bod uitbrengen, niet pas erna.",
     {2024: ["Drie werksessies met huurders voor 1 juli"], 2025: ["Werksessies ook in de wijken"], 2026: ["Idem"]},
     ("op_koers", "Drie werksessies gehouden.", "Een gewone tafel en koffie werken beter dan een vergaderzaal."),
     ("op_koers", "Werksessies in vier wijken, met 60 huurders.", "", False)),
    ("4.3", "Een wijkagenda voor elke wijk", 3, "inspanning", GEM,
     [(WZ, "partner", "Bewonersavonden"), (POL, "partner", "Veiligheidsbeeld per wijk"), (DW, "partner", "Wijkbeheer"), (HV, "partner", "Bewonerscommissies")],
     None, None,
     "Per wijk maken bewoners en professionals samen een agenda: wat gaat goed, wat moet beter, wie doet wat.",
     {2024: ["Wijkagenda's voor Molenkamp en Oosterveld"], 2025: ["Wijkagenda's voor alle acht wijken"], 2026: ["Eerste evaluatie met bewoners"]},
     ("op_koers", "Twee wijkagenda's klaar.", "Bewoners noemen veiligheid en groen het vaakst."),
     ("aandacht", "Vijf van de acht wijkagenda's zijn klaar; in Het Broek en Nieuw-Denkbeeld komen weinig bewoners.",
      "Een wijkagenda vraagt andere vormen in wijken met veel koopwoningen.", False)),
    ("5.1", "Geen woningen meer met label E, F of G", 4, "resultaat", DW,
     [(TB, "partner", "Eigen voorraad"), (NH, "partner", "Eigen voorraad"), (HV, "adviseur", "Instemming per complex (70%)")],
     "label_efg", 0,
     "Eind 2027 heeft geen corporatiewoning in Denkbeeldstad nog label E, F of G. Per jaar gaan er ruim 250 naar label B "
     "of beter.",
     {2024: ["Ruim 150 woningen van E/F/G naar B of beter"], 2025: ["Ruim 200 woningen; renovatie Molenkamp-Zuid (120 woningen)"],
      2026: ["Ruim 300 woningen"]},
     ("op_koers", "170 woningen verbeterd.", "Een modelwoning overtuigt meer dan een folder."),
     ("op_koers", "Molenkamp-Zuid gestart na 85% instemming.", "Kleine bijeenkomsten per portiek gaven de doorslag.", False)),
    ("5.2", "Energiecoaches aan huis", 4, "inspanning", WZ,
     [(GEM, "partner", "Financiering"), (HV, "partner", "Werft vrijwillige coaches"), (DW, "partner", "Doorverwijzing")],
     None, None,
     "Vrijwillige energiecoaches bezoeken huurders thuis met tips en kleine maatregelen, zodat de energierekening omlaag gaat.",
     {2024: ["250 huisbezoeken"], 2025: ["250 huisbezoeken, met voorrang voor huishoudens met betaalrisico"], 2026: ["250 huisbezoeken"]},
     ("op_koers", "268 huisbezoeken.", "Een radiatorfolie en een douchekop maken het gesprek concreet."),
     ("op_koers", "201 huisbezoeken tot oktober.", "", False)),
    ("5.3", "Geen woningen meer in slechte staat, en een aanpak van vocht en schimmel", 4, "resultaat", TB,
     [(DW, "partner", "Eigen voorraad"), (NH, "partner", "Eigen voorraad"), (GEM, "adviseur", "Bouw- en woningtoezicht")],
     "conditie_slecht", 0,
     "Uiterlijk eind 2027 staat geen huurwoning meer in onderhoudsconditie 5 of 6. Meldingen van vocht en schimmel worden "
     "binnen twee weken bekeken.",
     {2024: ["Schimmelteam bij Thuisbaak; inspectie van alle meldingen binnen twee weken"],
      2025: ["Alle woningen in conditie 5-6 in uitvoering"], 2026: ["Geen woningen in conditie 5-6"]},
     ("aandacht", "Het schimmelteam is gestart; de wachttijd voor inspectie is nog vier weken.", "Ventilatie uitleggen helpt maar is geen oplossing."),
     ("aandacht", "Nog 19 woningen in conditie 5-6, waarvan 12 bij Stichting Nergenshuis zonder planning.",
      "Vocht zit vaak in de bouw zelf: alleen renovatie helpt.", False)),
]

# titel, wijk (index 0-7), rol, verteller, datum, afspraken, citaat, citaat_van, tekst, media [(soort, scène/naam, bijschrift, alt)]
VERHALEN = [
    ("Een modelwoning overtuigde de portiek", 3, "huurder", "Ria, huurder in Molenkamp-Zuid", "2025-04-14", ["5.1"],
     "Ik dacht eerst: weer een verbouwing over mijn hoofd heen. Maar toen ik de modelwoning zag, wist ik het.", "Ria, huurder",
     "In Molenkamp-Zuid moesten 120 portiekwoningen van label F naar label B. Wettelijk is 70% instemming nodig. "
     "Denkbeeld Wonen richtte een woning in als **modelwoning** en hield kleine bijeenkomsten per portiek, met koffie "
     "en de aannemer erbij.\n\nUiteindelijk stemde **85%** van de huurders in. De vragen gingen vooral over de tijd "
     "zonder keuken en over de huur na de renovatie.",
     [("foto", "woningen", "De portiekflats van Molenkamp-Zuid voor de renovatie.", "Illustratie: rij portiekflats met rode daken en steigers aan de rechterkant."),
      ("video", "renovatie", "Twee seconden renovatie: de steiger schuift langs de gevel (animatie).", "")]),
    ("Op tijd aan de keukentafel", 6, "professional", "Samira, welzijnswerker in Oosterveld", "2025-02-20", ["1.1", "1.2"],
     "Bij twee maanden achterstand schaamt iemand zich nog. Bij zes maanden is de brievenbus dichtgeplakt.", "Samira, welzijnswerker",
     "Een alleenstaande vader in Oosterveld had twee maanden huurachterstand toen de corporatie het signaal doorgaf. "
     "Samira ging langs, samen met de wijkconsulent.\n\n- schuldhulp binnen een week gestart\n- de huur tijdelijk "
     "bevroren\n- een betalingsregeling die past bij zijn inkomen\n\nEen half jaar later is de achterstand weg.",
     [("foto", "keukentafel", "Aan de keukentafel: huisbezoek bij een huurder met een achterstand.", "Illustratie: keukentafel met twee koffiekopjes, een map met papieren en een raam.")]),
    ("Wonen naast de Denkbeeldhof", 4, "bestuurder", "Directeur-bestuurder Stichting Nergenshuis", "2025-06-03", ["3.1"],
     "We bouwen niet voor ouderen, we bouwen met ze.", "Directeur-bestuurder Nergenshuis",
     "Rond zorgcentrum De Denkbeeldhof bouwen we dertig woningen voor ouderen. Toekomstige bewoners tekenden mee: "
     "ze wilden een **gezamenlijke tuin** en een ontmoetingsruimte waar de zorggroep ook spreekuur houdt.\n\n"
     "De zorg blijft op afroep; wie geen zorg nodig heeft, woont gewoon zelfstandig.",
     [("foto", "bouwplaats", "Bouwplaats naast De Denkbeeldhof in Vogelzang.", "Illustratie: bouwplaats met een gele kraan, een half gebouwd blok en een hek."),
      ("videolink", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "Voorbeeld van een videolink (Big Buck Bunny, Blender Foundation, CC BY). Hier komt de film van de eerste paal.", "")]),
    ("De bewonerscommissie gaf formeel advies", 3, "huurder", "Henk, voorzitter bewonerscommissie Molenkamp", "2024-11-08", ["5.1", "4.2"],
     "We hebben niet alleen ja gezegd, we hebben drie dingen veranderd.", "Henk, bewonerscommissie",
     "De bewonerscommissie bracht een formeel advies uit over het renovatieplan. Drie punten zijn overgenomen: een "
     "logeerwoning tijdens de werkzaamheden, een vaste uitvoerder als aanspreekpunt, en geen huurverhoging voor wie "
     "al boven de 75 is.",
     [("foto", "vergadering", "De bewonerscommissie bespreekt het renovatieplan in het buurthuis.", "Illustratie: tafel met zes stoelen, papieren en een flip-over in een buurthuis.")]),
    ("Van beschermd wonen naar een eigen voordeur", 5, "huurder", "Jeroen, huurder in Het Broek", "2025-03-12", ["3.3"],
     "Mijn eigen sleutel. Dat klinkt klein, maar het is alles.", "Jeroen, huurder",
     "Jeroen woonde vier jaar in een beschermde woonvorm. Sinds januari huurt hij een appartement in Het Broek. "
     "Zijn begeleider komt nog twee keer per week, een buurtmaatje drinkt op zaterdag koffie met hem.",
     [("foto", "voordeur", "Een eigen voordeur in Het Broek.", "Illustratie: blauwe voordeur met huisnummer, een plant en een deurmat.")]),
    ("Spreiden of clusteren?", 3, "professional", "Wijkconsulent Thuisbaak", "2025-09-30", ["3.3", "1.2"],
     "Iedereen wil dat mensen gewoon in de wijk wonen. Maar niet allemaal in dezelfde straat.", "Wijkconsulent Thuisbaak",
     "In Molenkamp wonen al veel mensen met begeleiding. Bewoners vragen om spreiding; de zorggroep wil juist clusteren, "
     "omdat begeleiders dan minder reistijd hebben. Dit dilemma ligt nu bij het bestuurlijk overleg.",
     [("foto", "straat", "Een straat in Molenkamp met portiekwoningen en een speelplek.", "Illustratie: straat met portiekwoningen, bomen en een speeltoestel.")]),
    ("De seniorenmakelaar aan huis", 0, "huurder", "Mevrouw De Vries, 81 jaar", "2024-10-02", ["2.2"],
     "Ik woonde er 52 jaar. Nu heb ik een lift en zie ik de markt vanuit mijn raam.", "Mevrouw De Vries",
     "Mevrouw De Vries woonde alleen in een eengezinswoning in Vogelzang. De seniorenmakelaar van Thuisbaak hielp met "
     "zoeken, met de verhuizing en met het uitzoeken van spullen. Haar oude huis is nu van een gezin met drie kinderen.",
     [("foto", "appartement", "Nieuwe appartementen in het Centrum met lift.", "Illustratie: appartementengebouw van vier lagen met balkons en een lift.")]),
    ("Energiecoach Ahmed", 1, "bewoner", "Ahmed, vrijwillig energiecoach", "2025-01-22", ["5.2"],
     "Een radiatorfolie kost bijna niets. Maar het gesprek erna is wat telt.", "Ahmed, energiecoach",
     "Ahmed is vrijwillig energiecoach in het Havenkwartier. Hij brengt een tas mee met tochtstrips, radiatorfolie en "
     "een zuinige douchekop. Veel bezoeken eindigen met een doorverwijzing naar schuldhulp of de wijkconsulent.",
     [("foto", "zonnepanelen", "Daken met zonnepanelen in het Havenkwartier.", "Illustratie: rij daken met blauwe zonnepanelen onder een zon."),
      ("video", "zon", "De zon komt op boven de zonnepanelen (animatie).", "")]),
    ("Schimmel in de slaapkamer", 7, "huurder", "Fatima, huurder in Nieuw-Denkbeeld", "2025-05-19", ["5.3"],
     "Ze kwamen binnen twee weken kijken. Dat had ik niet verwacht.", "Fatima, huurder",
     "Fatima meldde schimmel in de kinderkamer. Het schimmelteam kwam binnen twee weken, plaatste mechanische "
     "ventilatie en repareerde een lekkende dakgoot. Haar zoon heeft minder last van zijn astma.",
     [("foto", "raam", "Een nieuw ventilatierooster boven het slaapkamerraam.", "Illustratie: raam met een ventilatierooster erboven en een gordijn.")]),
    ("Bouwen aan de Havenkade", 1, "bestuurder", "Wethouder Wonen, gemeente Denkbeeldstad", "2025-07-01", ["2.1"],
     "We willen 450 woningen. Het dilemma is: minder woningen, of duurder bouwen.", "Wethouder Wonen",
     "Aan de Havenkade bouwen Denkbeeld Wonen en de gemeente 96 sociale huurwoningen. De aanbesteding van het volgende "
     "project viel veel duurder uit. Het bestuurlijk overleg moet kiezen: schuiven met het aantal, of de gemeente "
     "draagt bij in de grondprijs.",
     [("foto", "bouwplaats", "De Havenkade in aanbouw.", "Illustratie: bouwplaats met een gele kraan, een half gebouwd blok en een hek.")]),
    ("Wijkagenda De Akkers", 2, "bewoner", "Bewoner en lid van het wijkplatform", "2025-03-27", ["4.3"],
     "Eindelijk vroeg iemand wat wíj belangrijk vinden.", "Lid wijkplatform De Akkers",
     "Veertig bewoners van De Akkers bespraken op een avond in de school wat beter moet. Bovenaan: verlichting op "
     "het fietspad, een plek voor jongeren en minder zwerfafval. De wijkagent zegde een vast spreekuur toe.",
     [("foto", "vergadering", "Bewonersavond over de wijkagenda in De Akkers.", "Illustratie: tafel met zes stoelen, papieren en een flip-over in een buurthuis.")]),
    ("Statushouders welkom in Centrum", 0, "professional", "Begeleider statushouders, Welzijn Denkbeeldstad", "2024-12-10", ["2.3"],
     "Een huis is het begin. De buren maken het thuis.", "Begeleider statushouders",
     "Een gezin uit Eritrea kreeg een woning in het Centrum. De eerste maanden hielp een taalmaatje met brieven en "
     "de school. De buren organiseerden een welkomstkoffie.",
     [("foto", "woningen", "Woningen in het Centrum.", "Illustratie: rij portiekflats met rode daken en steigers aan de rechterkant.")]),
    ("Geen huurverhoging voor label F", 7, "huurder", "Kees, huurder in Nieuw-Denkbeeld", "2025-07-15", ["1.3", "5.1"],
     "Het stond gewoon in de brief: uw woning heeft label F, dus geen verhoging.", "Kees, huurder",
     "Kees woont in een van de laatste woningen met label F. Dit jaar geen huurverhoging; volgend jaar wordt zijn "
     "complex geïsoleerd. Hij zit in het klantpanel en denkt mee over de planning.",
     [("foto", "woningen", "Een complex in Nieuw-Denkbeeld dat volgend jaar wordt geïsoleerd.", "Illustratie: rij portiekflats met rode daken en steigers aan de rechterkant.")]),
]


# The stuurgroep: a past meeting with its decisions by consent, and the coming one with the default agenda
# (dated two weeks after the demo is loaded, so it is always still to come).
VERGADERINGEN = [
    {"titel": "Stuurgroep najaar 2025", "datum": "2025-11-20", "punten": [
        ("2.1", "Weeg het dilemma: minder woningen, of langer bouwen met steun in de grondprijs?"),
        ("3.3", "Kies tussen spreiden en clusteren van wonen met begeleiding."),
        ("1.2", "Geef richting: hoe krijgen we de wijkverpleging aan tafel in Oosterveld?"),
     ], "besluiten": [
        {"punt": "2.1", "datum": "2025-11-20", "evaluatie": "2026-06-11", "wijziging": "tot_jaar", "nieuwe_waarde": "2028",
         "voorstel": "De looptijd van afspraak 2.1 wordt met een jaar verlengd tot en met 2028, zodat de 450 woningen "
                     "er komen ondanks de hogere bouwkosten. De gemeente verlaagt de grondprijs voor De Akkers-Noord, "
                     "zodat de bouw daar in 2026 start.",
         "bezwaren": [{"partij": HV, "reden": "Alleen verlengen betekent dat huurders een jaar langer wachten. Zonder "
                                             "bijdrage in de grondprijs schuift het probleem alleen maar door.",
                       "verwerking": "voorstel_aangepast",
                       "verwerking_tekst": "De lagere grondprijs van de gemeente en de start van De Akkers-Noord in "
                                           "2026 staan nu in het voorstel."}]},
        {"punt": "3.3", "datum": "2025-11-20", "evaluatie": "2026-03-12",
         "voorstel": "Nieuwe bewoners uit beschermd wonen krijgen de komende twee jaar geen woning meer in Molenkamp; "
                     "de vijftien woningen per jaar komen uit de andere wijken.",
         "bezwaren": [{"partij": TB, "reden": "Thuisbaak heeft buiten Molenkamp bijna geen kleine woningen. Met dit "
                                             "voorstel halen we de vijftien woningen per jaar niet.",
                       "verwerking": "", "verwerking_tekst": ""}],
         "vervolgstap": "Thuisbaak en Denkbeeld Wonen zoeken samen kleine woningen in de andere wijken; de zorggroep "
                        "meldt hoeveel begeleiding er vrijkomt. Terug in de stuurgroep van maart 2026."},
     ]},
    {"titel": "Stuurgroep Denkbeeldstad", "over_dagen": 14},
]

# Which party told each story (the growing circle: the police and the care group join in 2025).
VERTELD_DOOR = {
    "Een modelwoning overtuigde de portiek": DW, "Op tijd aan de keukentafel": WZ, "Wonen naast de Denkbeeldhof": NH,
    "De bewonerscommissie gaf formeel advies": HV, "Van beschermd wonen naar een eigen voordeur": ZG,
    "Spreiden of clusteren?": TB, "De seniorenmakelaar aan huis": TB, "Energiecoach Ahmed": WZ,
    "Schimmel in de slaapkamer": HV, "Bouwen aan de Havenkade": GEM, "Wijkagenda De Akkers": POL,
    "Statushouders welkom in Centrum": WZ, "Geen huurverhoging voor label F": HV,
}


# ---------------------------------------------------------------- illustrations (no real people)

SKY, GROUND = (205, 229, 246), (186, 214, 160)


def _houses(d: ImageDraw.ImageDraw, r: random.Random, w: int, h: int) -> None:
    for i in range(4):
        x = 40 + i * 185
        d.rectangle([x, 170, x + 160, h - 60], fill=(214, 190, 160), outline=(120, 90, 60), width=3)
        d.polygon([(x - 10, 170), (x + 80, 110), (x + 170, 170)], fill=(176, 62, 40))
        for row in range(3):
            for col in range(3):
                d.rectangle([x + 15 + col * 50, 190 + row * 60, x + 45 + col * 50, 230 + row * 60], fill=(120, 160, 200))
    for k in range(8):
        d.line([(620, 160 + k * 30), (780, 160 + k * 30)], fill=(90, 90, 90), width=3)
    d.line([(640, 150), (640, h - 60)], fill=(90, 90, 90), width=4)
    d.line([(760, 150), (760, h - 60)], fill=(90, 90, 90), width=4)


def _kitchen(d, r, w, h):
    d.rectangle([0, 0, w, h], fill=(240, 228, 205))
    d.rectangle([520, 60, 740, 240], fill=SKY, outline=(255, 255, 255), width=8)
    d.ellipse([120, 250, 680, 440], fill=(160, 110, 70))
    for x in (280, 470):
        d.rectangle([x, 290, x + 40, 330], fill=(255, 255, 255), outline=(80, 80, 80), width=2)
        d.arc([x + 35, 295, x + 55, 320], -90, 90, fill=(80, 80, 80), width=3)
    d.rectangle([340, 300, 440, 370], fill=(230, 230, 90), outline=(90, 90, 40), width=2)


def _crane(d, r, w, h):
    d.rectangle([120, 220, 460, h - 60], fill=(190, 190, 190), outline=(110, 110, 110), width=3)
    for row in range(3):
        for col in range(5):
            d.rectangle([140 + col * 62, 240 + row * 55, 180 + col * 62, 275 + row * 55], fill=(80, 100, 120))
    d.line([(600, h - 60), (600, 60)], fill=(240, 190, 20), width=14)
    d.line([(380, 70), (760, 70)], fill=(240, 190, 20), width=10)
    d.line([(440, 70), (440, 200)], fill=(60, 60, 60), width=2)
    d.rectangle([420, 200, 460, 220], fill=(120, 120, 120))
    for x in range(20, w, 40):
        d.line([(x, h - 100), (x, h - 60)], fill=(230, 120, 40), width=4)
    d.line([(0, h - 95), (w, h - 95)], fill=(230, 120, 40), width=3)


def _vergadering(d, r, w, h):
    d.rectangle([0, 0, w, h], fill=(232, 236, 240))
    d.rectangle([200, 260, 600, 330], fill=(150, 105, 65))
    for i in range(3):
        d.rectangle([220 + i * 130, 220, 280 + i * 130, 255], fill=(0, 114, 178))
        d.rectangle([220 + i * 130, 340, 280 + i * 130, 375], fill=(0, 114, 178))
    d.rectangle([640, 80, 760, 260], fill=(255, 255, 255), outline=(60, 60, 60), width=3)
    for k in range(4):
        d.line([(655, 110 + k * 35), (745, 110 + k * 35)], fill=(213, 94, 0), width=4)
    for k in range(3):
        d.rectangle([260 + k * 100, 275, 320 + k * 100, 300], fill=(250, 250, 250))


def _door(d, r, w, h):
    d.rectangle([0, 0, w, h], fill=(200, 120, 90))
    for y in range(0, h, 30):
        d.line([(0, y), (w, y)], fill=(170, 100, 75), width=2)
    d.rectangle([300, 80, 500, h - 40], fill=(0, 90, 160), outline=(40, 40, 40), width=6)
    d.ellipse([460, 280, 480, 300], fill=(220, 190, 60))
    d.rectangle([370, 120, 430, 160], fill=(255, 255, 255))
    d.text((385, 128), "12", fill=(0, 0, 0))
    d.rectangle([280, h - 40, 520, h - 20], fill=(90, 70, 50))
    d.ellipse([540, h - 160, 640, h - 40], fill=(60, 140, 70))
    d.rectangle([565, h - 60, 615, h - 20], fill=(150, 80, 50))


def _street(d, r, w, h):
    _houses(d, r, w, h)
    for x in (100, 420, 700):
        d.rectangle([x, h - 130, x + 12, h - 60], fill=(110, 80, 50))
        d.ellipse([x - 40, h - 210, x + 52, h - 120], fill=(70, 150, 80))
    d.arc([300, h - 110, 380, h - 40], 180, 360, fill=(213, 94, 0), width=6)


def _apartment(d, r, w, h):
    d.rectangle([220, 60, 580, h - 60], fill=(225, 215, 200), outline=(100, 100, 100), width=3)
    for row in range(4):
        for col in range(4):
            x, y = 240 + col * 85, 80 + row * 85
            d.rectangle([x, y, x + 55, y + 50], fill=(120, 160, 200))
            d.rectangle([x - 5, y + 50, x + 60, y + 60], fill=(90, 90, 90))
    d.rectangle([600, 120, 660, h - 60], fill=(180, 180, 190), outline=(100, 100, 100), width=2)


def _solar(d, r, w, h, sun_y: int = 70):
    d.ellipse([620, sun_y, 700, sun_y + 80], fill=(240, 200, 40))
    for i in range(4):
        x = 30 + i * 190
        d.polygon([(x, 330), (x + 85, 190), (x + 170, 330)], fill=(150, 60, 45))
        for k in range(3):
            d.polygon([(x + 30 + k * 40, 310), (x + 55 + k * 35, 250), (x + 85 + k * 35, 250), (x + 60 + k * 40, 310)],
                      fill=(30, 60, 130), outline=(200, 200, 220))
        d.rectangle([x + 10, 330, x + 160, h - 60], fill=(214, 190, 160))


def _window(d, r, w, h):
    d.rectangle([0, 0, w, h], fill=(245, 240, 230))
    d.rectangle([230, 150, 570, 420], fill=SKY, outline=(255, 255, 255), width=12)
    d.line([(400, 150), (400, 420)], fill=(255, 255, 255), width=8)
    d.rectangle([230, 90, 570, 125], fill=(200, 200, 200), outline=(120, 120, 120), width=2)
    for x in range(240, 565, 14):
        d.line([(x, 95), (x, 120)], fill=(120, 120, 120), width=3)
    d.rectangle([160, 130, 220, 440], fill=(0, 158, 115))
    d.rectangle([580, 130, 640, 440], fill=(0, 158, 115))


SCENES = {"woningen": _houses, "keukentafel": _kitchen, "bouwplaats": _crane, "vergadering": _vergadering,
          "voordeur": _door, "straat": _street, "appartement": _apartment, "zonnepanelen": _solar, "raam": _window}


def illustration(scene: str, size: tuple[int, int] = (800, 500)) -> Image.Image:
    w, h = size
    image = Image.new("RGB", size, SKY)
    d = ImageDraw.Draw(image)
    d.rectangle([0, h - 60, w, h], fill=GROUND)
    SCENES[scene](d, random.Random(scene), w, h)
    return image


def _frames(scene: str, count: int, size: tuple[int, int]):
    for i in range(count):
        t = i / (count - 1)
        if scene == "zon":
            image = Image.new("RGB", (800, 500), SKY)
            d = ImageDraw.Draw(image)
            d.rectangle([0, 440, 800, 500], fill=GROUND)
            _solar(d, None, 800, 500, sun_y=int(300 - 240 * math.sin(t * math.pi / 2)))
        else:
            image = illustration("woningen")
            d = ImageDraw.Draw(image)
            x = int(40 + 560 * t)
            d.rectangle([x, 150, x + 40, 440], outline=(213, 94, 0), width=5)
        yield image.resize(size, Image.Resampling.BILINEAR)


def write_video(scene: str, target: Path, seconds: float = 2.5, fps: int = 12, size: tuple[int, int] = (320, 200)) -> None:
    """A small VP9 WebM from drawn frames, encoded bitexact so regeneration gives the same bytes."""
    import subprocess

    import imageio_ffmpeg

    raw = b"".join(f.tobytes() for f in _frames(scene, int(seconds * fps), size))
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24",
                    "-s", f"{size[0]}x{size[1]}", "-r", str(fps), "-i", "-", "-c:v", "libvpx-vp9", "-b:v", "150k",
                    "-pix_fmt", "yuv420p", "-threads", "1", "-row-mt", "0", "-fflags", "+bitexact",
                    "-flags:v", "+bitexact", "-map_metadata", "-1", str(target)], input=raw, check=True)


# ---------------------------------------------------------------- files

def write_demo_files(folder: Path = FOLDER) -> list[Path]:
    """Write the JSON files and media into `folder` (default data/demo); returns what was written."""
    media_folder, afspraken_file, verhalen_file = folder / "media", folder / AFSPRAKEN_FILE.name, folder / VERHALEN_FILE.name
    media_folder.mkdir(parents=True, exist_ok=True)
    written = []
    afspraken_data = {
        "opgaven": [{"naam": n, "omschrijving": o, "velden": v} for n, o, v in OPGAVEN],
        "afspraken": [{
            "nummer": a[0], "titel": a[1], "opgave": OPGAVEN[a[2]][0], "soort": a[3], "trekker": a[4],
            "partners": [list(p) for p in a[5]], "indicator": a[6], "streefwaarde": a[7], "ambitie": a[8],
            "van_jaar": 2024, "tot_jaar": 2027, "doel": DOELEN.get(a[0]),
            "jaarschijf": [{"jaar": j, "omschrijving": o, "trekker": a[4],
                            "status": "afgerond" if j == 2024 else (a[10][0] if j == 2025 else "niet_gestart")}
                           for j, items in a[9].items() for o in items],
        } for a in AFSPRAKEN],
    }
    for entry, a in zip(afspraken_data["afspraken"], AFSPRAKEN):
        v24, v25 = a[10], a[11]
        entry["voortgang"] = [
            {"datum": "2024-11-15", "status": v24[0], "toelichting": v24[1], "geleerd": v24[2], "dilemma": False, "auteur": a[4]},
            {"datum": "2025-10-31", "status": v25[0], "toelichting": v25[1], "geleerd": v25[2], "dilemma": v25[3], "auteur": a[4]},
        ]
    afspraken_file.write_text(json.dumps(afspraken_data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(afspraken_file)
    verhaallijst, wijken = [], [f"WK9901{i:02d}" for i in range(1, 9)]
    for titel, wijk, rol, verteller, datum, nummers, citaat, citaat_van, tekst, items in VERHALEN:
        entry_media = []
        for soort, bron, bijschrift, alt in items:
            item = {"soort": soort, "bijschrift": bijschrift, "alt_tekst": alt,
                    "credit": "tekening Tellen & Vertellen (fictief)"}  # the register: _register
            if soort == "videolink":
                item.update(url=bron, credit="Blender Foundation (CC BY)")
            else:
                name = f"{bron}.{'jpg' if soort == 'foto' else 'webm'}"
                item["bestand"] = name
                target = media_folder / name
                if target not in written:
                    if soort == "foto":
                        illustration(bron).save(target, format="JPEG", quality=85)
                    else:
                        write_video(bron, target)
                    written.append(target)
                if bron in ONDERTITELS:  # the demo shows a video with captions and one still without
                    captions = media_folder / f"{bron}.vtt"
                    captions.write_text(ONDERTITELS[bron][0], encoding="utf-8")
                    item.update(ondertitels=captions.name, transcript=ONDERTITELS[bron][1])
                    written.append(captions)
            entry_media.append(item)
        verhaallijst.append({"titel": titel, "gebied": wijken[wijk], "verteller_rol": rol, "verteller": verteller,
                        "datum": datum, "afspraken": nummers, "citaat": citaat, "citaat_van": citaat_van,
                        "tekst": tekst, "media": entry_media, "partij": VERTELD_DOOR[titel]})
    verhalen_file.write_text(json.dumps({"verhalen": verhaallijst}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(verhalen_file)
    vergaderingen_file = folder / VERGADERINGEN_FILE.name
    vergaderingen_file.write_text(json.dumps({"vergaderingen": VERGADERINGEN}, ensure_ascii=False, indent=1) + "\n",
                                  encoding="utf-8")
    written.append(vergaderingen_file)
    written.append(samenwerking.write(folder))
    return written


def _writer(session, writers: dict[str, access.Visitor], partij: str | None) -> access.Visitor:
    """The demo writes as itself (it may do everything), in the name of the party's demo account."""
    if partij in writers:
        account = writers[partij]
        return replace(DEMO, name=account.name, partij_id=account.partij_id, partij=partij, gebruiker_id=account.gebruiker_id)
    return replace(DEMO, partij_id=session.scalar(select(Partij.id).where(Partij.naam == partij)), partij=partij)


# The demo's consent register (issue 22), dated from today so it reads the same whenever the demo loads:
# one photo's consent expires within 30 days, one shows nobody recognisable, the committee's meeting
# is for signed-in eyes only, a tenant's bedroom also for share links, the rest also for exports.
VERLOOPT_BINNENKORT = "Op tijd aan de keukentafel"
GEEN_PERSONEN = "Spreiden of clusteren?"
REIKWIJDTE = {"De bewonerscommissie gaf formeel advies": "intern", "Schimmel in de slaapkamer": "deellinks"}
KIND = "Statushouders welkom in Centrum"  # a child on the photo: a parent signed


def _register(verhaal: dict, item: dict) -> toestemming.Register:
    if verhaal["titel"] == GEEN_PERSONEN or item["soort"] == "videolink":  # the link: an animated film
        return toestemming.Register(geen_herkenbare_personen=True)
    vandaag = clock.today()
    verloopt = vandaag + timedelta(days=20 if verhaal["titel"] == VERLOOPT_BINNENKORT else 540)
    persoon = toestemming.ToestemmingInvoer(
        persoon=verhaal["verteller"] or "de verteller", datum=toestemming.years_on(verloopt, -2), verloopt=verloopt,
        reikwijdte=REIKWIJDTE.get(verhaal["titel"], "openbaar"), notitie="Demo: een fictieve toestemming.")
    if verhaal["titel"] == KIND:
        persoon.persoon, persoon.gegeven_door, persoon.ouder_voogd = "jongen van 9 op de voorgrond", "ouder_voogd", "zijn moeder"
    return toestemming.Register(personen=[persoon])


def load(db, media_dir: Path | None = None) -> None:
    """Load the committed files through the write functions the forms use (as the demo user)."""
    from dashboard.ingest import import_file

    settings = config.load()
    media_dir = media_dir or settings.media_dir
    import_file(db, EXTRA_PARTIJEN, filename="partijen-netwerk.csv", kind="partijen", user="demo")
    data = json.loads(AFSPRAKEN_FILE.read_text(encoding="utf-8"))
    verhaallijst = json.loads(VERHALEN_FILE.read_text(encoding="utf-8"))["verhalen"]
    with db.session() as session:
        writers = samenwerking.load(session, FOLDER)
        opgave_ids = {o["naam"]: afspraken.save_opgave(session, DEMO, afspraken.OpgaveInvoer(
            naam=o["naam"], omschrijving=o["omschrijving"], velden=o["velden"], volgorde=i))
            for i, o in enumerate(data["opgaven"])}
        nummers = {}
        for a in data["afspraken"]:
            afspraak_id = afspraken.save_afspraak(session, DEMO, afspraken.AfspraakInvoer(
                nummer=a["nummer"], titel=a["titel"], opgave_id=opgave_ids[a["opgave"]], van_jaar=a["van_jaar"],
                tot_jaar=a["tot_jaar"], trekker=a["trekker"], ambitie=a["ambitie"], soort=a["soort"],
                partners=[tuple(p) for p in a["partners"]], indicator=a["indicator"], streefwaarde=a["streefwaarde"],
                doel=a["doel"]))
            nummers[a["nummer"]] = afspraak_id
            for act in a["jaarschijf"]:
                afspraken.save_activiteit(session, DEMO, afspraken.ActiviteitInvoer(
                    afspraak_id=afspraak_id, jaar=act["jaar"], omschrijving=act["omschrijving"],
                    trekker=act["trekker"], status=act["status"]))
            for v in a["voortgang"]:
                afspraken.add_voortgang(session, _writer(session, writers, v["auteur"]), afspraken.VoortgangInvoer(
                    afspraak_id=afspraak_id, status=v["status"], toelichting=v["toelichting"], geleerd=v["geleerd"],
                    dilemma=v["dilemma"], auteur=v["auteur"], datum=date.fromisoformat(v["datum"])))
        for s in verhaallijst:
            verhaal_id = verhalen.save_verhaal(session, _writer(session, writers, s["partij"]), verhalen.VerhaalInvoer(
                titel=s["titel"], tekst=s["tekst"], verteller_rol=s["verteller_rol"], datum=date.fromisoformat(s["datum"]),
                verteller=s["verteller"], gebied=s["gebied"], citaat=s["citaat"], citaat_van=s["citaat_van"],
                afspraken=[nummers[n] for n in s["afspraken"]]))
            for m in s["media"]:
                media_id = verhalen.add_media(session, DEMO, verhaal_id, verhalen.MediaInvoer(
                    soort=m["soort"], data=(MEDIA / m["bestand"]).read_bytes() if m.get("bestand") else None,
                    url=m.get("url", ""), bijschrift=m["bijschrift"], alt_tekst=m["alt_tekst"], credit=m["credit"],
                    register=_register(s, m)), media_dir, settings.max_upload_mb * 1_000_000)
                if m.get("ondertitels"):
                    ondertitels.save(session, DEMO, media_id, (MEDIA / m["ondertitels"]).read_bytes(), m["transcript"],
                                     media_dir)
        _load_vergaderingen(session, nummers)


def _load_vergaderingen(session, nummers: dict[str, int]) -> None:
    """The stuurgroep's meetings and decisions, through the functions the agenda and besluit forms use."""
    from dashboard.vergadering import agenda, besluiten

    for v in json.loads(VERGADERINGEN_FILE.read_text(encoding="utf-8"))["vergaderingen"]:
        datum = date.fromisoformat(v["datum"]) if "datum" in v else clock.today() + timedelta(days=v["over_dagen"])
        items = [agenda.PuntInvoer(afspraak_id=nummers[n], vraag=vraag) for n, vraag in v["punten"]] if "punten" in v else None
        vergadering_id = agenda.create_vergadering(session, DEMO, agenda.VergaderingInvoer(datum=datum, titel=v["titel"]), items)
        punten = {p.naam.split(" ", 1)[0]: p for p in agenda.detail(session, vergadering_id).punten}
        for b in v.get("besluiten", []):
            punt = punten[b["punt"]]
            bezwaren = {x["partij"]: x for x in b["bezwaren"]}
            posities = [besluiten.Positie(partij=naam, bezwaar=naam in bezwaren,
                                          reden=bezwaren.get(naam, {}).get("reden", ""),
                                          verwerking=bezwaren.get(naam, {}).get("verwerking", ""),
                                          verwerking_tekst=bezwaren.get(naam, {}).get("verwerking_tekst", ""))
                        for naam in besluiten.tafel(session, punt.afspraak_id)]
            besluiten.record(session, DEMO, besluiten.BesluitInvoer(
                agendapunt_id=punt.id, voorstel=b["voorstel"], posities=posities,
                datum=date.fromisoformat(b["datum"]), evaluatie=date.fromisoformat(b["evaluatie"]),
                vervolgstap=b.get("vervolgstap", ""), wijziging=b.get("wijziging", ""),
                nieuwe_waarde=b.get("nieuwe_waarde", "")))


def main() -> None:
    for path in write_demo_files():
        print(path)


if __name__ == "__main__":
    main()
