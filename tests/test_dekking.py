"""A partial delivery never heads a figure: one corporation's early upload, one wijk of eight, one
quarter of four. The tile keeps the last complete period and says what the newer one lacks; the
trend marks it; sentences, an afspraak's status and a slide read the same mark."""
import pandas as pd
import pytest

from dashboard import charts, queries
from dashboard.gewone_taal import zinnen
from dashboard.ingest import import_file
from dashboard.queries import View
from dashboard.vergadering import deck

GEBIEDEN = ("code;naam;niveau;ouder\nGM0001;Proefstad;gemeente;\n"
            + "".join(f"WK0001{i:02d};Wijk {i};wijk;GM0001\n" for i in range(1, 5)))
PARTIJEN = ("naam;soort\nWoonstichting A;corporatie\nWoonstichting B;corporatie\nWoonstichting C;corporatie\n"
            "Huurdersvereniging D;huurdersorganisatie\n")
HEADER = "indicator;gebied;partij;periode;waarde\n"


@pytest.fixture
def stad(db):
    import_file(db, GEBIEDEN.encode(), filename="gebieden.csv")
    import_file(db, PARTIJEN.encode(), filename="partijen.csv")
    return db


def load(db, *rows: str):
    import_file(db, (HEADER + "\n".join(rows)).encode(), filename="waarden.csv")


def tile(db, key="woningvoorraad_corporatie", gebied="GM0001", soort="jaar", tot=2026) -> dict:
    view = View(gebied=gebied, indicator=key, soort=soort, van=2020, tot=tot)
    with db.make_session() as session:
        tiles = queries.tile_values(session, view)
    return tiles[tiles["sleutel"] == key].iloc[0].to_dict()


def trend(db, key="woningvoorraad_corporatie", gebied="GM0001") -> pd.DataFrame:
    with db.make_session() as session:
        return queries.trend(session, View(gebied=gebied, indicator=key, van=2020, tot=2026))


def three_corporations(db):
    load(db, *(f"woningvoorraad_corporatie;GM0001;Woonstichting {c};{jaar};{stock}"
               for jaar in (2024, 2025) for c, stock in zip("ABC", (4800, 6200, 3600))))


def test_one_corporations_upload_does_not_become_the_total(stad):
    three_corporations(stad)
    load(stad, "woningvoorraad_corporatie;GM0001;Woonstichting A;2026;4812")
    headline = tile(stad)
    assert (headline["periode"], headline["waarde"]) == ("2025", 14600)  # the last complete year, all three
    assert headline["verschil"] == 0  # against 2024, not a fall of 9,788
    assert headline["deels"] == "2026: 1 van 3 corporaties geleverd"
    marked = trend(stad).set_index("label")["deels"]
    assert marked["2026"] == "1 van 3 corporaties geleverd" and marked[["2024", "2025"]].isna().all()
    assert queries.known(trend(stad))["label"].tolist() == ["2024", "2025"]


def test_when_every_party_delivered_again_the_new_year_heads_the_figure(stad):
    three_corporations(stad)
    load(stad, *(f"woningvoorraad_corporatie;GM0001;Woonstichting {c};2026;{s}" for c, s in zip("ABC", (4812, 6190, 3650))))
    headline = tile(stad)
    assert (headline["periode"], headline["waarde"], headline["deels"]) == ("2026", 14652, None)


def test_a_stored_total_is_whole_by_itself(stad):
    three_corporations(stad)
    load(stad, "woningvoorraad_corporatie;GM0001;;2026;14700")
    assert (tile(stad)["periode"], tile(stad)["waarde"], tile(stad)["deels"]) == ("2026", 14700, None)


def test_a_party_swapped_for_another_is_partial_too(stad):
    """Counting is not enough: A and B, then A and a newcomer, lacks B."""
    load(stad, "nieuwbouw_opgeleverd;GM0001;Woonstichting A;2025;40", "nieuwbouw_opgeleverd;GM0001;Woonstichting B;2025;30",
         "nieuwbouw_opgeleverd;GM0001;Woonstichting A;2026;35", "nieuwbouw_opgeleverd;GM0001;Huurdersvereniging D;2026;1")
    assert tile(stad, "nieuwbouw_opgeleverd")["deels"] == "2026: 1 van 2 corporaties geleverd"


def test_a_year_of_one_quarter_so_far_is_partial(stad):
    load(stad, *(f"verhuringen;GM0001;;2025-K{q};{v}" for q, v in zip(range(1, 5), (30, 40, 35, 45))),
         "verhuringen;GM0001;;2026-K1;38")
    headline = tile(stad, "verhuringen")
    assert (headline["periode"], headline["waarde"]) == ("2025", 150)
    assert headline["deels"] == "2026: 1 van 4 kwartalen geleverd"
    assert tile(stad, "verhuringen", soort="kwartaal")["periode"] == "K1 2026"  # a quarter itself is whole


def test_a_gemeente_added_up_from_fewer_wijken_than_before_is_partial(stad):
    load(stad, *(f"woningvoorraad_totaal;WK0001{w:02d};;{jaar};{1000 + w}" for jaar in (2024, 2025) for w in range(1, 5)),
         "woningvoorraad_totaal;WK000101;;2026;1001", "woningvoorraad_totaal;WK000102;;2026;1002")
    headline = tile(stad, "woningvoorraad_totaal")
    assert (headline["periode"], headline["waarde"]) == ("2025", 4010)
    assert headline["deels"] == "2026: 2 van 4 wijken geleverd"


def test_sentences_status_and_slide_read_the_same_mark(stad):
    three_corporations(stad)
    load(stad, "woningvoorraad_corporatie;GM0001;Woonstichting A;2026;4812")
    load(stad, "woningvoorraad_totaal;GM0001;;2025;40000")
    sentences = " ".join(zinnen.tegel(tile(stad), "jaar"))
    whole = " ".join(zinnen.tegel(tile(stad, "woningvoorraad_totaal"), "jaar"))
    assert "compleet" not in whole  # a tile without a partial period says nothing of the kind
    assert "2025" in sentences and "4.812" not in sentences and "1 van 3 corporaties geleverd" in sentences
    figure = deck._kpi_figure(trend(stad), "Huurwoningen corporaties", "woningen")
    assert figure.tekst.startswith("14.600") and "2025" in figure.toelichting
    rows = {label: gerealiseerd for label, gerealiseerd, _ in deck.chart_table(figure)}
    assert rows["2026"].endswith("(nog niet compleet: 1 van 3 corporaties geleverd)") and rows["2025"] == "14.600 woningen"


def test_the_trend_chart_draws_a_partial_period_apart_from_the_line(stad):
    three_corporations(stad)
    load(stad, "woningvoorraad_corporatie;GM0001;Woonstichting A;2026;4812")
    figure = charts.trend(trend(stad), "Huurwoningen corporaties", "woningen")
    line, apart = figure.data[0], figure.data[-1]
    assert list(line.y)[-1] is None or pd.isna(list(line.y)[-1])  # the line stops at 2025
    assert apart.name == "Nog niet compleet" and list(apart.x) == ["2026"] and list(apart.y) == [4812]
    assert apart.marker.symbol == "circle-open" and "1 van 3 corporaties" in apart.customdata[0]


def test_after_a_stored_total_with_its_parties_one_partys_upload_is_partial(stad):
    """The demo's way: each year a total and each corporation's own figure; then one corporation's 2026."""
    load(stad, *(f"woningvoorraad_corporatie;GM0001;{p};{jaar};{v}" for jaar in (2024, 2025)
                 for p, v in (("", 14600), ("Woonstichting A", 4800), ("Woonstichting B", 6200),
                              ("Woonstichting C", 3600))),
         "woningvoorraad_corporatie;GM0001;Woonstichting A;2026;4812")
    headline = tile(stad)
    assert (headline["periode"], headline["waarde"], headline["deels"]) == ("2025", 14600, "2026: 1 van 3 corporaties geleverd")


def test_a_view_of_the_partial_year_alone_still_knows_it_is_partial(stad):
    """The year before is read for the judgement even when the view starts at the partial year."""
    three_corporations(stad)
    load(stad, "woningvoorraad_corporatie;GM0001;Woonstichting A;2026;4812")
    with stad.make_session() as session:
        alone = queries.series(session, View(gebied="GM0001", indicator="woningvoorraad_corporatie", van=2026, tot=2026),
                               ["woningvoorraad_corporatie"], ["GM0001"])
    assert alone[["periode", "deels"]].values.tolist() == [["2026", "1 van 3 corporaties geleverd"]]


def test_the_comparison_of_wijken_shows_the_last_complete_year_not_one_wijks_partial_one(stad):
    load(stad, *(f"woningvoorraad_corporatie;WK0001{w:02d};Woonstichting {c};2025;{100 * w}"
                 for w in range(1, 5) for c in "AB"),
         "woningvoorraad_corporatie;WK000101;Woonstichting A;2026;90")
    with stad.make_session() as session:
        shown = queries.compare_beside(session, View(gebied="GM0001", indicator="woningvoorraad_corporatie",
                                                     van=2020, tot=2026))
    assert shown["periode"].unique().tolist() == ["2025"] and len(shown) == 4
