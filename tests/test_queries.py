"""The dashboard's numbers: aggregation by the indicator's rule, periods, gaps and direction."""
import pandas as pd
import pytest

from dashboard import queries
from dashboard.ingest import import_file
from dashboard.queries import View

GEBIEDEN = "code;naam;niveau;ouder\nGM0001;Proefstad;gemeente;\nWK000101;Noord;wijk;GM0001\nWK000102;Zuid;wijk;GM0001\n"
PARTIJEN = "naam;soort\nCorporatie A;corporatie\nCorporatie B;corporatie\n"


@pytest.fixture
def stad(db):
    import_file(db, GEBIEDEN.encode(), filename="gebieden.csv")
    import_file(db, PARTIJEN.encode(), filename="partijen.csv")
    return db


def load(db, rows: str, kind_header="indicator;gebied;partij;periode;waarde"):
    import_file(db, (kind_header + "\n" + rows).encode(), filename="waarden.csv")


def values(db, view, keys, codes=("GM0001",)):
    with db.make_session() as session:
        data = queries.series(session, view, list(keys), list(codes))
    return {(r.indicator, r.periode): r.waarde for r in data.itertuples()}


def view(**changes):
    return View(**{"gebied": "GM0001", "indicator": "verhuringen", "van": 2020, "tot": 2025, **changes})


def test_a_year_is_made_from_its_quarters_by_each_indicators_rule(stad):
    load(stad, "\n".join(
        f"{key};GM0001;;2024-K{q};{value}"
        for key, values_ in {"verhuringen": (10, 20, 30, 40),       # som: add up
                             "huurachterstand": (5, 6, 7, 8),        # laatste: the last quarter
                             "gemiddelde_huur": (600, 610, 620, 630)  # gemiddelde: the mean
                             }.items()
        for q, value in zip(range(1, 5), values_)))
    got = values(stad, view(), ["verhuringen", "huurachterstand", "gemiddelde_huur"])
    assert got == {("verhuringen", "2024"): 100, ("huurachterstand", "2024"): 8,
                   ("gemiddelde_huur", "2024"): 615}


def test_a_stored_year_wins_over_one_made_from_quarters(stad):
    load(stad, "verhuringen;GM0001;;2024-K1;10\nverhuringen;GM0001;;2024-K2;20\nverhuringen;GM0001;;2024;95")
    assert values(stad, view(), ["verhuringen"]) == {("verhuringen", "2024"): 95}


def test_quarter_view_shows_quarters_and_skips_years(stad):
    load(stad, "verhuringen;GM0001;;2024-K1;10\nverhuringen;GM0001;;2024-K2;20\nverhuringen;GM0001;;2023;95")
    assert values(stad, view(soort="kwartaal"), ["verhuringen"]) == {
        ("verhuringen", "2024-K1"): 10, ("verhuringen", "2024-K2"): 20}


def test_parties_add_up_or_average_by_rule_and_a_stored_total_wins(stad):
    load(stad, "\n".join([
        "verhuringen;GM0001;Corporatie A;2024;100", "verhuringen;GM0001;Corporatie B;2024;50",
        "gemiddelde_huur;GM0001;Corporatie A;2024;600", "gemiddelde_huur;GM0001;Corporatie B;2024;700",
        "sloop;GM0001;Corporatie A;2024;4", "sloop;GM0001;Corporatie B;2024;6", "sloop;GM0001;;2024;12",
    ]))
    got = values(stad, view(), ["verhuringen", "gemiddelde_huur", "sloop"])
    assert got == {("verhuringen", "2024"): 150, ("gemiddelde_huur", "2024"): 650, ("sloop", "2024"): 12}
    one = values(stad, view(partij="Corporatie B"), ["verhuringen", "gemiddelde_huur", "sloop"])
    assert one == {("verhuringen", "2024"): 50, ("gemiddelde_huur", "2024"): 700, ("sloop", "2024"): 6}


def tiles(db, **changes):
    with db.make_session() as session:
        table = queries.tile_values(session, view(categorie=None, **changes))
    return table.set_index("sleutel")


def test_a_fall_in_evictions_is_good_news_and_a_fall_in_success_rate_is_not(stad):
    load(stad, "ontruimingen;GM0001;;2024;9\nontruimingen;GM0001;;2025;5\n"
               "slaagkans;GM0001;;2024;12,5\nslaagkans;GM0001;;2025;10\n"
               "verhuringen;GM0001;;2024;800\nverhuringen;GM0001;;2025;700")
    table = tiles(stad)
    assert table.loc["ontruimingen", "verschil"] == -4 and table.loc["ontruimingen", "beter"] is True
    assert table.loc["slaagkans", "beter"] is False
    assert table.loc["verhuringen", "beter"] is None  # neutral: no judgement


def test_distance_to_target_and_whether_it_is_met(stad):
    load(stad, "ontruimingen;GM0001;;2025;5\nnieuwbouw_sociaal;GM0001;;2025;130")
    load(stad, "ontruimingen;GM0001;;2025;3\nnieuwbouw_sociaal;GM0001;;2025;120",
         "indicator;gebied;partij;periode;streefwaarde")
    table = tiles(stad)
    assert table.loc["ontruimingen", "tot_doel"] == 2 and table.loc["ontruimingen", "op_koers"] is False
    assert table.loc["nieuwbouw_sociaal", "tot_doel"] == 10 and table.loc["nieuwbouw_sociaal", "op_koers"] is True


def test_missing_data_gives_no_value_and_a_gap_gives_no_change(stad):
    load(stad, "sloop;GM0001;;2022;4\nsloop;GM0001;;2025;6")
    table = tiles(stad)
    assert table.loc["sloop", "waarde"] == 6 and pd.isna(table.loc["sloop", "vorige"])
    assert table.loc["sloop", "periode"] == "2025"
    assert pd.isna(table.loc["leegstand", "waarde"]) and pd.isna(table.loc["leegstand", "periode"])


def test_previous_period_of_a_first_quarter_is_the_last_quarter_before(stad):
    load(stad, "verhuringen;GM0001;;2024-K4;210\nverhuringen;GM0001;;2025-K1;190")
    table = tiles(stad, soort="kwartaal")
    assert table.loc["verhuringen", "periode"] == "K1 2025"
    assert table.loc["verhuringen", "verschil"] == -20


def test_wijken_and_parties_are_compared_at_their_latest_period(stad):
    load(stad, "\n".join([
        "verhuringen;WK000101;;2024;30", "verhuringen;WK000102;;2024;70", "verhuringen;WK000101;;2023;10",
        "verhuringen;GM0001;Corporatie A;2025;60", "verhuringen;GM0001;Corporatie B;2025;40",
    ]))
    with stad.make_session() as session:
        wijken = queries.compare_beside(session, view())
        partijen = queries.compare_partijen(session, view())
    assert wijken[["naam", "waarde"]].values.tolist() == [["Zuid", 70], ["Noord", 30]]
    assert partijen[["partij", "waarde"]].values.tolist() == [["Corporatie A", 60], ["Corporatie B", 40]]


def test_a_gemeentes_own_monitor_opens_on_the_gemeente_not_on_the_land_its_import_added(db):
    """Amsterdam alone brings Noord-Holland and Nederland along (the CBS gebiedsindeling); their
    figures are Amsterdam's, so the first view is Amsterdam. With a second provincie it is Nederland."""
    import_file(db, b"code;naam;niveau;ouder\nGM0363;Amsterdam;gemeente;\n", filename="gebieden.csv")
    load(db, "woningvoorraad_totaal;GM0363;;2024;474866")
    with db.make_session() as session:
        assert queries.options(session).default_view().gebied == "GM0363"
    import_file(db, b"code;naam;niveau;ouder\nGM0344;Utrecht;gemeente;\n", filename="gebieden.csv")
    load(db, "woningvoorraad_totaal;GM0344;;2024;160000")
    with db.make_session() as session:
        assert queries.options(session).default_view().gebied == "NL01"
