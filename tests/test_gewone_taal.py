"""In gewone taal: sentences from the figures, per kind of indicator and direction, honest about gaps
and estimates, and within the readability bound (15 words, no unexplained policy terms)."""
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from dashboard import afspraken, queries
from dashboard.demo import stad
from dashboard.gewone_taal import leesbaarheid, zinnen
from dashboard.gewone_taal.onderwerpen import ONDERWERPEN

VANDAAG = date(2026, 6, 1)
CATALOGUS = {  # sleutel: (naam, eenheid, richting, aggregatie), as in data/indicatoren.csv
    "nieuwbouw_sociaal": ("Nieuwbouw sociale huur", "woningen", "hoger", "som"),
    "ontruimingen": ("Ontruimingen wegens huurachterstand", "aantal", "lager", "som"),
    "verhuringen": ("Verhuringen / toewijzingen", "aantal", "neutraal", "som"),
    "label_efg": ("Woningen met energielabel E, F of G", "woningen", "lager", "laatste"),
    "passend_toewijzen": ("Passend toegewezen (norm >= 95%)", "%", "hoger", "gemiddelde"),
    "betaalrisico": ("Huishoudens met betaalrisico", "%", "lager", "gemiddelde"),
    "gemiddelde_huur": ("Gemiddelde netto huur", "EUR/maand", "neutraal", "gemiddelde"),
    "huursomstijging": ("Huursomstijging", "%", "neutraal", "gemiddelde"),
}


def tile(sleutel, waarde, vorige=None, streefwaarde=None, periode="2025", beter=None):
    naam, eenheid, richting, aggregatie = CATALOGUS[sleutel]
    return {"sleutel": sleutel, "naam": naam, "eenheid": eenheid, "richting": richting, "aggregatie": aggregatie,
            "periode": periode, "waarde": waarde, "vorige": vorige, "streefwaarde": streefwaarde, "beter": beter}


def said(t, soort="jaar") -> str:
    return " ".join(zinnen.tegel(t, soort, VANDAAG))


@pytest.mark.parametrize("t, expected", [
    # a count that should go up, against its target
    (tile("nieuwbouw_sociaal", 137, 165, 120, beter=False),
     "In 2025 kwamen er 137 sociale huurwoningen bij. Dat zijn er 17 meer dan afgesproken. "
     "Dat zijn er 28 minder dan het jaar ervoor. Dat is de verkeerde kant op."),
    (tile("nieuwbouw_sociaal", 100, None, 120),
     "In 2025 kwamen er 100 sociale huurwoningen bij. Dat zijn er 20 minder dan afgesproken. "
     "Van het jaar ervoor is er geen cijfer om mee te vergelijken."),
    # a count that should stay low: a fall is good news, the target is a ceiling
    (tile("ontruimingen", 3, 7, 3, beter=True),
     "In 2025 werden 3 huishoudens uit huis gezet om huurschuld. De afspraak is: niet meer dan 3. "
     "Dat is binnen de afspraak. Dat zijn er 4 minder dan het jaar ervoor. Dat is goed nieuws."),
    (tile("ontruimingen", 1, 1, 0),
     "In 2025 werd 1 huishouden uit huis gezet om huurschuld. De afspraak is: niet meer dan 0. "
     "Dat is er 1 te veel. Dat is evenveel als het jaar ervoor."),
    # neutral: no verdict on the change
    (tile("verhuringen", 846, 869),
     "In 2025 kregen 846 huishoudens een huurwoning van een corporatie. Dat zijn er 23 minder dan het jaar ervoor."),
    # a stock counted at the end of the year
    (tile("label_efg", 654, 883, 650, beter=True),
     "Eind 2025 hadden 654 woningen een slecht energielabel (E, F of G). De afspraak is: niet meer dan 650. "
     "Dat zijn er 4 te veel. Dat zijn er 229 minder dan het jaar ervoor. Dat is goed nieuws."),
    # rates: the target is a floor or a ceiling, the change is said as the value before
    (tile("passend_toewijzen", 96.7, 96.8, 95, beter=False),
     "In 2025 kreeg 96,7% van de huurders met huurtoeslag een betaalbare huur. De afspraak is: minstens 95,0%. "
     "Dat is gehaald. Het jaar ervoor was dat 96,8%. Dat is de verkeerde kant op."),
    (tile("betaalrisico", 8.4, 8.6, 8.0, beter=True),
     "In 2025 kwam 8,4% van de huishoudens niet rond. De afspraak is: hoogstens 8,0%. "
     "Dat is nog niet gehaald. Het jaar ervoor was dat 8,6%. Dat is goed nieuws."),
    (tile("gemiddelde_huur", 721, 687),
     "In 2025 was de gemiddelde kale huur € 721 per maand. Het jaar ervoor was dat € 687 per maand."),
    (tile("huursomstijging", -0.5, 2.0),
     "In 2025 daalde de huur van zittende huurders gemiddeld 0,5%. Het jaar ervoor was dat 2,0%."),
])
def test_a_tile_in_plain_sentences_per_kind_and_direction(t, expected):
    assert said(t) == expected


def test_missing_figures_are_said_not_hidden():
    assert said(tile("label_efg", None, periode=None)) == (
        "Over woningen met een slecht energielabel is er in deze periode nog geen cijfer.")
    assert "geen cijfer om mee te vergelijken" in said(tile("betaalrisico", 8.4))


def test_a_figure_for_a_period_not_yet_over_is_called_provisional():
    assert said(tile("verhuringen", 400, 380, periode="2026")).endswith("Dit cijfer is voorlopig: het jaar is nog niet voorbij.")
    assert said(tile("verhuringen", 190, 241, periode="K2 2026"), "kwartaal").endswith(
        "Dit cijfer is voorlopig: het kwartaal is nog niet voorbij.")
    assert "voorlopig" not in said(tile("verhuringen", 190, 241, periode="K1 2026"), "kwartaal")


def test_a_quarters_count_is_not_held_against_a_yearly_target():
    text = said(tile("nieuwbouw_sociaal", 27, 69, 120, periode="K4 2025"), "kwartaal")
    assert text.startswith("In kwartaal 4 van 2025 kwamen er 27 sociale huurwoningen bij.")
    assert "afgesproken" not in text and "het kwartaal ervoor" in text


def traject_info(sleutel="nieuwbouw_sociaal", streefwaarde=450):
    naam, eenheid, richting, aggregatie = CATALOGUS[sleutel]
    return afspraken.AfspraakInfo(
        id=1, nummer="2.1", titel="Nieuwbouw", ambitie="", soort="resultaat", van_jaar=2024, tot_jaar=2027,
        opgave_id=1, opgave="Beschikbaarheid", velden=["beschikbaarheid"],
        indicator=afspraken.AfspraakIndicator(sleutel=sleutel, naam=naam, eenheid=eenheid, richting=richting,
                                              aggregatie=aggregatie),
        gebied=None, streefwaarde=streefwaarde, partijen=pd.DataFrame(), partij_ids=frozenset(),
        streef_soort=None if streefwaarde is None else ("totaal" if aggregatie == "som" else "eind"),
        activiteiten=pd.DataFrame(), voortgang=pd.DataFrame(), status="niet_gestart")


def trend(values: dict[int, float], targets: dict[int, float] | None = None) -> pd.DataFrame:
    targets = targets or {}
    return pd.DataFrame({"jaar": list(values), "label": [str(j) for j in values], "waarde": list(values.values()),
                         "streefwaarde": [targets.get(j) for j in values], "deels": [None] * len(values)})


def afspraak_zinnen(info, data):
    return zinnen.afspraak(info, afspraken.cijfer(info, data), VANDAAG)


def test_an_afspraak_over_its_looptijd_counts_the_total_against_the_time_passed():
    assert afspraak_zinnen(traject_info(), trend({2023: 99, 2024: 165, 2025: 137})) == [
        "Het doel is 450 sociale huurwoningen in 2024 tot en met 2027.", "Na 2 van de 4 jaar zijn het er 302.",
        "Dat is 67% van het doel, na 50% van de tijd.", "Dat ligt op schema."]


def test_a_year_without_a_figure_makes_the_afspraak_say_it_cannot_judge_the_pace():
    text = afspraak_zinnen(traject_info(), trend({2023: 99, 2025: 137}))
    assert "Voor 2024 is er geen cijfer." in text and "Daarom is niet te zeggen of het op schema ligt." in text
    assert not any(z.startswith("Dat ligt") for z in text)


def test_an_estimated_yearly_target_is_called_an_estimate():
    text = afspraak_zinnen(traject_info("label_efg", 0), trend({2023: 1000, 2024: 800, 2025: 560}))
    assert text[:3] == ["Het doel voor eind 2027 is 0 woningen met een slecht energielabel.",
                        "Eind 2025 hadden 560 woningen een slecht energielabel (E, F of G).",
                        "Dat is 44% van de weg, na 50% van de tijd."]
    assert "Het doel voor 2025 is geschat: een gelijk tempo naar het einddoel." in text
    assert text[-1] == "Dat ligt net niet op schema."  # 560 against 500 due


def test_an_afspraak_without_figures_or_target_says_so():
    assert afspraak_zinnen(traject_info(streefwaarde=None), trend({})) == [
        "Er zijn nog geen cijfers over nieuwe sociale huurwoningen."]
    assert afspraak_zinnen(traject_info(streefwaarde=None), trend({2025: 137}))[-1] == (
        "Er is geen doel om dit cijfer mee te vergelijken.")
    assert zinnen.afspraak(replace(traject_info(), indicator=None), None) == []


def test_a_target_for_every_year_is_told_as_one():
    info = replace(traject_info(streefwaarde=120), streef_soort="per_jaar")
    assert afspraak_zinnen(info, trend({2024: 165, 2025: 137})) == [
        "In 2025 kwamen er 137 sociale huurwoningen bij.", "De afspraak is minstens 120 per jaar.",
        "Dat zijn er 17 meer dan afgesproken.", "Dat ligt op schema."]


def all_demo_sentences(demo_db) -> list[str]:
    found = []
    with demo_db.make_session() as session:
        for soort in ("jaar", "kwartaal"):
            for gebied in ("GM9901", "WK990106"):
                view = queries.View(gebied=gebied, indicator="sloop", soort=soort, van=2016, tot=2025)
                found += [z for zz in zinnen.tegels(queries.tile_values(session, view), soort, VANDAAG) for z in zz]
        for afspraak_id in afspraken.overview(session)["id"]:
            info = afspraken.detail(session, afspraak_id)
            found += zinnen.afspraak(info, afspraken.figures(session, afspraak_id), VANDAAG)
    return found


def test_every_demo_sentence_keeps_the_readability_bound(demo_db):
    sentences = all_demo_sentences(demo_db)
    assert len(sentences) > 100
    assert {z: leesbaarheid.problemen(z) for z in sentences if leesbaarheid.problemen(z)} == {}
    assert all(z.endswith(".") and z[0].isupper() for z in sentences)


@pytest.mark.parametrize("sleutel", sorted(ONDERWERPEN))
def test_every_indicator_has_a_readable_sentence_even_at_its_longest(sleutel):
    o, eenheid = ONDERWERPEN[sleutel], stad.lees_catalogus()[sleutel]["eenheid"]
    for waarde in (1, 123_456.7):
        text = zinnen._zin(o.zin, waarde, eenheid, "K4 2025", o.eind)
        assert "{" not in text and not leesbaarheid.problemen(text), text
    assert not leesbaarheid.problemen(f"Over {o.wat} is er in deze periode nog geen cijfer.")


def test_the_readability_check_catches_long_sentences_and_policy_terms():
    assert leesbaarheid.problemen("De realisatie van de prestatieafspraken ligt op koers.") == [
        "vakterm 'realisatie' zonder uitleg", "vakterm 'prestatieafspra' zonder uitleg"]
    assert leesbaarheid.problemen("Statushouders (vluchtelingen met een verblijfsvergunning) kregen een huis.") == []
    assert leesbaarheid.problemen(" ".join(["woord"] * 16) + ".") == ["16 woorden (hoogstens 15)"]
