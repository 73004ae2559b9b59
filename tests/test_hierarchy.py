"""Up the hierarchy: Nederland and a provincie get figures computed from the level below, by the indicator's rule."""
import pytest
from sqlalchemy import update

from dashboard import queries
from dashboard.ingest import import_file
from dashboard.models import Gebied, Indicator
from dashboard.queries import View

GEMEENTEN = {"GM0001": "PV20", "GM0002": "PV20", "GM0003": "PV21"}


@pytest.fixture
def land(db):
    """Nederland > two provincies > three gemeenten, one with two wijken; figures stored at gemeente and wijk."""
    with db.session() as session:
        nl = Gebied(code="NL01", naam="Nederland", niveau="land")
        provincies = {code: Gebied(code=code, naam=naam, niveau="provincie", ouder=nl)
                      for code, naam in (("PV20", "Groningen"), ("PV21", "Friesland"))}
        gemeenten = {code: Gebied(code=code, naam=f"Gemeente {code[-1]}", niveau="gemeente", ouder=provincies[pv])
                     for code, pv in GEMEENTEN.items()}
        session.add_all([nl, *provincies.values(), *gemeenten.values()])
        session.add_all([Gebied(code=code, naam=naam, niveau="wijk", ouder=gemeenten["GM0003"])
                         for code, naam in (("WK000301", "Noord"), ("WK000302", "Zuid"))])
    import_file(db, b"naam;soort\nCorporatie A;corporatie\nCorporatie B;corporatie\n", filename="partijen.csv")
    return db


def load(db, rows: str) -> None:
    import_file(db, ("indicator;gebied;partij;periode;waarde\n" + rows).encode(), filename="waarden.csv")


def figures(db, code: str, key: str, **view) -> dict[str, tuple[float, str | None]]:
    with db.make_session() as session:
        data = queries.series(session, View(gebied=code, indicator=key, van=2020, tot=2025, **view), [key], [code])
    return {row.periode: (round(row.waarde, 6), row.berekend) for row in data.itertuples()}


def weigh(db, key: str, by: str | None) -> None:
    with db.session() as session:
        session.execute(update(Indicator).where(Indicator.sleutel == key).values(gewicht=by))


def test_counts_add_up_to_the_provincie_and_to_nederland(land):
    load(land, "verhuringen;GM0001;;2024;100\nverhuringen;GM0002;;2024;50\nverhuringen;GM0003;;2024;30")
    assert figures(land, "PV20", "verhuringen") == {"2024": (150, "berekend: opgeteld uit 2 gemeenten")}
    assert figures(land, "NL01", "verhuringen") == {"2024": (180, "berekend: opgeteld uit 3 gemeenten")}


def test_a_share_is_weighted_by_the_catalogues_weight_or_said_to_be_unweighted(land):
    load(land, "aandeel_sociale_huur;GM0001;;2024;40\naandeel_sociale_huur;GM0002;;2024;20\n"
               "woningvoorraad_totaal;GM0001;;2024;1000\nwoningvoorraad_totaal;GM0002;;2024;3000")
    weigh(land, "aandeel_sociale_huur", None)
    assert figures(land, "PV20", "aandeel_sociale_huur") == {"2024": (30, "berekend: gemiddelde van 2 gemeenten, niet gewogen")}
    weigh(land, "aandeel_sociale_huur", "woningvoorraad_totaal")
    assert figures(land, "PV20", "aandeel_sociale_huur") == {
        "2024": (25, "berekend: gemiddelde van 2 gemeenten, gewogen naar totale woningvoorraad")}


def test_a_stored_figure_wins_and_a_gemeente_without_one_is_made_from_its_wijken(land):
    load(land, "verhuringen;GM0001;;2024;100\nverhuringen;GM0002;;2024;50\nverhuringen;PV20;;2024;175\n"
               "verhuringen;WK000301;;2024;12\nverhuringen;WK000302;;2024;8")
    assert figures(land, "PV20", "verhuringen") == {"2024": (175, None)}
    assert figures(land, "GM0003", "verhuringen") == {"2024": (20, "berekend: opgeteld uit 2 wijken")}
    assert figures(land, "PV21", "verhuringen") == {"2024": (20, "berekend: opgeteld uit 2 wijken")}


def test_one_party_and_a_year_from_quarters_also_go_up(land):
    load(land, "verhuringen;GM0001;Corporatie A;2024-K1;10\nverhuringen;GM0001;Corporatie A;2024-K2;20\n"
               "verhuringen;GM0002;Corporatie A;2024-K1;5\nverhuringen;GM0002;Corporatie B;2024-K1;7")
    assert figures(land, "PV20", "verhuringen", partij="Corporatie A") == {
        "2024": (35, "berekend: opgeteld uit 2 gemeenten")}
    assert figures(land, "PV20", "verhuringen") == {"2024": (42, "berekend: opgeteld uit 2 gemeenten")}


def test_a_figure_from_some_of_the_level_below_says_how_many_it_counts(land):
    load(land, "verhuringen;GM0001;;2024;100")
    assert figures(land, "PV20", "verhuringen") == {"2024": (100, "berekend: opgeteld uit 1 van de 2 gemeenten")}


def test_the_tile_says_the_figure_was_computed_and_an_empty_tile_says_where_figures_are(land):
    load(land, "verhuringen;GM0001;;2024;100\nverhuringen;GM0002;;2024;50\nsloop;GM0003;;2021;4")
    with land.make_session() as session:
        tiles = queries.tile_values(session, View(gebied="PV20", indicator="verhuringen", van=2023, tot=2025,
                                                  categorie=None)).set_index("sleutel")
    assert tiles.loc["verhuringen", "waarde"] == 150
    assert tiles.loc["verhuringen", "berekend"] == "berekend: opgeteld uit 2 gemeenten"
    assert tiles.loc["sloop", "elders"] == "Wel cijfers elders, het laatst in 2021 (bijvoorbeeld Gemeente 3)."
    assert tiles.loc["leegstand", "elders"] == "Nog nergens cijfers voor."


def test_the_first_view_is_the_highest_gebied_and_a_group_with_figures_in_the_latest_year(land):
    load(land, "label_efg;WK000301;;2025;40\nverhuringen;GM0001;;2023;100")
    with land.make_session() as session:
        first = queries.options(session).default_view()
    assert (first.gebied, first.categorie, first.indicator, first.tot) == (
        "NL01", "Kwaliteit en duurzaamheid", "label_efg", 2025)


def test_without_a_land_the_first_view_is_the_gemeente_that_has_figures(db):
    import_file(db, b"code;naam;niveau;ouder\nGM0001;Aadorp;gemeente;\nGM0002;Beekdorp;gemeente;\n", filename="g.csv")
    load(db, "verhuringen;GM0002;;2025;10\nverhuringen;GM0001;;2024;12")
    with db.make_session() as session:
        first = queries.options(session).default_view()
    assert (first.gebied, first.indicator) == ("GM0002", "verhuringen")
