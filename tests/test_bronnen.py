"""Where figures come from: the catalogue names a CBS table and onderwerp per indicator a StatLine table
fills, so an import can map onderwerpen to indicators and the dashboard can say who fills a gap."""
import pandas as pd

from dashboard import bronnen
from dashboard.demo import stad
from dashboard.ingest import templates


def _catalogue() -> pd.DataFrame:
    return pd.DataFrame(stad.lees_catalogus().values())


def test_a_cbs_source_is_read_as_table_onderwerp_and_note():
    assert bronnen.cbs("CBS 82900NED: Eigendom woningcorporatie · OData EigendomWoningcorporatie_4") == \
        bronnen.CbsBron("82900NED", "Eigendom woningcorporatie", "OData EigendomWoningcorporatie_4")
    assert bronnen.cbs("CBS 82900NED") == bronnen.CbsBron("82900NED", None)
    assert bronnen.cbs("Corporatie") is None and bronnen.cbs("") is None


def test_a_reader_is_told_the_table_and_onderwerp_without_the_importers_note():
    assert bronnen.tekst("CBS 82900NED: Eigendom woningcorporatie · OData EigendomWoningcorporatie_4") == \
        "CBS-tabel 82900NED, Eigendom woningcorporatie"
    assert bronnen.tekst("CBS 82900NED") == "CBS-tabel 82900NED"
    assert bronnen.tekst("Corporatie") == "Corporatie"


def test_the_catalogue_maps_the_standard_cbs_onderwerpen_to_indicators():
    mapped = bronnen.cbs_onderwerpen(_catalogue())
    assert mapped == {
        ("82900NED", "Totale woningvoorraad"): "woningvoorraad_totaal",
        ("82900NED", "Eigendom woningcorporatie"): "woningvoorraad_corporatie",
        ("82900NED", "Eigendom overige verhuurders"): "woningvoorraad_overige_verhuur",
        ("82900NED", "Koopwoningen"): "woningvoorraad_koop",
        ("81955NED", "Nieuwbouw"): "nieuwbouw_opgeleverd",
        ("81955NED", "Sloop"): "sloop",
        ("85036NED", "Gemiddelde WOZ-waarde van woningen"): "woz_waarde",
        ("83625NED", "Gemiddelde verkoopprijs"): "verkoopprijs",
    }


def test_missing_figures_are_named_per_origin_with_who_fills_them():
    catalogue = _catalogue().set_index("sleutel")
    tiles = pd.DataFrame([
        {"naam": catalogue.loc[key, "naam"], "bron": catalogue.loc[key, "bron"], "waarde": value, "elders": elders}
        for key, value, elders in [
            ("woningvoorraad_totaal", 474866.0, None),
            ("sloop", None, "Nog nergens cijfers voor."),
            ("woz_waarde", None, "Nog nergens cijfers voor."),
            ("plancapaciteit", None, "Nog nergens cijfers voor."),
            ("verhuringen", None, "Hier het laatst gemeten in 2022: kies dat jaar."),
            ("nieuwbouw_sociaal", None, "Nog nergens cijfers voor."),
        ]])
    assert bronnen.nog_zonder_cijfers(tiles) == [
        "**In een ander jaar gemeten**, kies dat jaar: Verhuringen / toewijzingen (2022).",
        "**Uit CBS-tabel 81955NED** (StatLine, importeren op de pagina Gegevens): Sloop.",
        "**Uit CBS-tabel 85036NED** (StatLine, importeren op de pagina Gegevens): Gemiddelde WOZ-waarde.",
        "**Aan te leveren door de gemeente** met het sjabloon ‘observaties (lang)’ van de pagina Gegevens: "
        "Plancapaciteit.",
        "**Aan te leveren door de corporaties** met het sjabloon ‘observaties (lang)’ van de pagina Gegevens: "
        "Nieuwbouw sociale huur.",
    ]
    assert bronnen.SJABLOON in templates.EXAMPLES
