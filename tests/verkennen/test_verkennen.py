"""The explorer's core: two indicators joined per gebied, gaps left out and counted, the trend line,
size classes, the ranking, and the choice to and from a link."""
import math

import pytest

from dashboard import queries
from dashboard.ingest import import_file
from dashboard.verkennen import grootte, keuze, lijn, punten
from dashboard.verkennen.keuze import GEMEENTEN, WIJKEN, Keuze

GEBIEDEN = ("code;naam;niveau;ouder;lat;lon\n"
            "GM0001;Proefstad;gemeente;;52.0;5.0\nGM0002;Oefendorp;gemeente;;52.5;5.5\n"
            "WK000101;Noord;wijk;GM0001;52.01;5.01\nWK000102;Zuid;wijk;GM0001;51.99;4.99\n"
            "WK000103;Oost;wijk;GM0001;;\nWK000104;West;wijk;GM0001;;\n"
            "WK000201;Dorp;wijk;GM0002;;\nWK000202;Polder;wijk;GM0002;;\n")
PARTIJEN = "naam;soort\nCorporatie A;corporatie\nCorporatie B;corporatie\n"


@pytest.fixture
def stad(db):
    import_file(db, GEBIEDEN.encode(), filename="gebieden.csv")
    import_file(db, PARTIJEN.encode(), filename="partijen.csv")
    return db


def load(db, rows: list[str]) -> None:
    import_file(db, ("indicator;gebied;partij;periode;waarde\n" + "\n".join(rows)).encode(), filename="waarden.csv")


def verken(db, **choice):
    with db.make_session() as session:
        return punten.verken(session, Keuze(**{"x": "verhuringen", "y": "gemiddelde_huur", "jaar": 2024,
                                               "binnen": "GM0001", **choice}))


def test_two_indicators_are_joined_per_gebied_each_by_its_own_rule(stad):
    load(stad, [
        # verhuringen (som): the four quarters add up to the year, parties add up
        *(f"verhuringen;WK000101;Corporatie {c};2024-K{k};{v}" for c, values in (("A", (10, 20, 0, 0)), ("B", (5, 0, 0, 0)))
          for k, v in enumerate(values, start=1)),
        "verhuringen;WK000102;;2024;40",
        # gemiddelde_huur (gemiddelde): the parties average
        "gemiddelde_huur;WK000101;Corporatie A;2024;600", "gemiddelde_huur;WK000101;Corporatie B;2024;700",
        "gemiddelde_huur;WK000102;;2024;650",
        "gemiddelde_huur;WK000102;;2023;999",  # another year: not shown
    ])
    found = verken(stad).punten.set_index("code")
    assert found.loc["WK000101", ["naam", "x", "y"]].tolist() == ["Noord", 35, 650]
    assert found.loc["WK000102", ["naam", "x", "y"]].tolist() == ["Zuid", 40, 650]
    assert found.loc["WK000101", "gemeente"] == "Proefstad"


def test_gebieden_without_a_figure_are_left_out_and_counted_per_indicator(stad):
    load(stad, ["verhuringen;WK000101;;2024;30", "verhuringen;WK000102;;2024;40", "verhuringen;WK000103;;2024;50",
                "gemiddelde_huur;WK000101;;2024;600", "gemiddelde_huur;WK000104;;2024;610"])
    verkenning = verken(stad)
    assert verkenning.punten["code"].tolist() == ["WK000101"]
    assert verkenning.totaal == 4
    assert verkenning.ontbrekend == {"verhuringen": 1, "gemiddelde_huur": 2}
    assert verken(stad, grootte="sloop").ontbrekend["sloop"] == 4 and verken(stad, grootte="sloop").punten.empty


def test_points_can_be_every_gemeente_every_wijk_or_a_share_links_gebied_only(stad):
    load(stad, [f"{key};{code};;2024;{value}" for key in ("verhuringen", "gemiddelde_huur")
                for code, value in (("GM0001", 100), ("GM0002", 200), ("WK000101", 1), ("WK000201", 2))])
    assert verken(stad, binnen=GEMEENTEN).punten["code"].tolist() == ["GM0002", "GM0001"]
    assert set(verken(stad, binnen=WIJKEN).punten["code"]) == {"WK000101", "WK000201"}
    assert verken(stad, binnen=WIJKEN).totaal == 6
    assert verken(stad, binnen=WIJKEN, scope="GM0002").punten["code"].tolist() == ["WK000201"]
    assert verken(stad, binnen=GEMEENTEN, scope="GM0002").punten["code"].tolist() == ["GM0002"]


def test_the_trend_line_is_the_least_squares_line():
    fitted = lijn.trendlijn([1, 2, 3, 4], [3, 5, 7, 9])
    assert (fitted.helling, fitted.snijpunt, fitted.n) == (pytest.approx(2), pytest.approx(1), 4)
    assert fitted.r == pytest.approx(1)
    noisy = lijn.trendlijn([0, 1, 2, 3], [1, 0, 3, 2])
    assert noisy.helling == pytest.approx(0.6) and noisy.r == pytest.approx(0.6)
    assert lijn.trendlijn([1, 2], [1, 2]) is None  # two points say nothing
    assert lijn.trendlijn([5, 5, 5], [1, 2, 3]) is None  # no spread to draw a line over
    assert lijn.sterkte(0.1) == "geen duidelijk verband" and "tegen elkaar in" in lijn.sterkte(-0.7)


def test_size_classes_by_woningvoorraad_per_level():
    assert grootte.klasse(4_999, "gemeente") == "minder dan 5.000 woningen"
    assert grootte.klasse(12_000, "gemeente") == "10.000 tot 25.000 woningen"
    assert grootte.klasse(250_000, "gemeente") == "100.000 woningen of meer"
    assert grootte.klasse(2_600, "wijk") == "2.500 tot 5.000 woningen"
    assert grootte.klasse(math.nan, "wijk") == grootte.ONBEKEND


def test_a_gebied_is_compared_with_the_gebieden_of_its_size(stad):
    load(stad, [f"{key};{code};;2024;{value}" for code, homes, x, y in (
        ("WK000101", 3_000, 10, 600), ("WK000102", 4_000, 20, 700), ("WK000103", 8_000, 30, 800),
        ("WK000104", 4_500, 40, 650))
        for key, value in (("woningvoorraad_totaal", homes), ("verhuringen", x), ("gemiddelde_huur", y))])
    verkenning = verken(stad)
    vergelijking = punten.vergelijking(verkenning, "WK000102")
    assert vergelijking.klasse == "2.500 tot 5.000 woningen"
    assert vergelijking.groep["naam"].tolist() == ["Zuid", "West", "Noord"]  # itself first, then by y
    assert (vergelijking.eigen["rang_y"], vergelijking.eigen["rang_x"]) == (1, 2)
    assert vergelijking.mediaan_y == 650
    assert "WK000103" not in set(vergelijking.groep["code"])


def test_the_ranking_shows_only_what_was_chosen_with_names_as_headers(stad):
    load(stad, [f"{key};{code};;2024;{value}" for code, x, y in (("WK000101", 10, 600), ("WK000102", 20, 700))
                for key, value in (("verhuringen", x), ("gemiddelde_huur", y))])
    verkenning = verken(stad)
    namen = {"verhuringen": "Verhuringen", "gemiddelde_huur": "Gemiddelde huur"}
    alles = punten.tabel(verkenning, namen)
    assert alles[["Rang", "Naam", "Verhuringen", "Gemiddelde huur"]].values.tolist() == [
        [1, "Zuid", 20, 700], [2, "Noord", 10, 600]]
    assert punten.tabel(verkenning, namen, ["WK000101"])["Naam"].tolist() == ["Noord"]
    twice = verken(stad, y="verhuringen")
    assert list(punten.tabel(twice, namen).columns[2:5]) == ["Gemeente", "Verhuringen (horizontaal)",
                                                              "Verhuringen (verticaal)"]


def test_the_choice_travels_in_a_link_and_unknown_values_fall_back_with_a_notice(stad):
    load(stad, ["verhuringen;WK000101;;2023;1", "verhuringen;WK000101;;2024;1"])
    with stad.make_session() as session:
        options = queries.options(session)
    assert keuze.binnen_keuzes(options) == [GEMEENTEN, WIJKEN, "GM0002", "GM0001"]  # gemeenten by name
    chosen = Keuze(x="leegstand", y="slaagkans", jaar=2023, binnen="GM0002", grootte="sloop")
    params = keuze.to_params(chosen, options)
    assert params == {"binnen": "GM0002", "x": "leegstand", "y": "slaagkans", "grootte": "sloop", "jaar": "2023"}
    assert keuze.from_params(params, options) == (chosen, [])
    assert keuze.to_params(keuze.from_params({}, options)[0], options) == {}
    fallback, notices = keuze.from_params({"x": "<script>", "jaar": "1999", "binnen": "GM9999"}, options)
    assert fallback == keuze.from_params({}, options)[0]
    assert len(notices) == 3 and not any("<script>" in n for n in notices)


def test_a_gebied_whose_year_is_not_complete_is_left_out_and_said(stad):
    """Two corporations delivered 2023; in 2024 only one did in Noord: Noord's 2024 is no point."""
    load(stad, [f"verhuringen;{wijk};Corporatie {c};2023;10" for wijk in ("WK000101", "WK000102") for c in "AB"]
         + ["verhuringen;WK000101;Corporatie A;2024;12"]
         + [f"verhuringen;WK000102;Corporatie {c};2024;11" for c in "AB"]
         + [f"gemiddelde_huur;{wijk};;2024;650" for wijk in ("WK000101", "WK000102")])
    verkenning = verken(stad)
    assert verkenning.punten["code"].tolist() == ["WK000102"]
    assert verkenning.onvolledig == {"verhuringen": 1}
    assert verkenning.ontbrekend == {"verhuringen": 2, "gemiddelde_huur": 2}  # Oost and West: no figure at all


def test_a_voorlopig_figure_says_so_in_the_points_the_table_and_the_download(stad):
    """Noord's 2024 is added up from quarters, the last of which CBS called voorlopig."""
    from sqlalchemy import update

    from dashboard.models import Observatie
    load(stad, [f"verhuringen;WK000101;;2024-K{k};10" for k in (1, 2, 3, 4)] + ["verhuringen;WK000102;;2024;40"]
         + [f"gemiddelde_huur;{wijk};;2024;650" for wijk in ("WK000101", "WK000102")])
    with stad.make_session() as session, session.begin():
        session.execute(update(Observatie).where(Observatie.periode == "2024-K4").values(voorlopig=True))
    verkenning = verken(stad)
    assert verkenning.voorlopig == {"verhuringen": 1}
    found = verkenning.punten.set_index("code")
    assert found.loc["WK000101", ["x_tekst", "y_tekst"]].tolist() == ["40 (voorlopig)", "€ 650 per maand"]  # hover and map
    assert found.loc["WK000102", "x_tekst"] == "40"
    namen = {"verhuringen": "Verhuringen", "gemiddelde_huur": "Gemiddelde huur"}
    scherm = punten.tabel(verkenning, namen, tekst=True).set_index("Naam")
    assert scherm.loc["Noord", "Verhuringen"] == "40 (voorlopig)" and "Voorlopig" not in scherm.columns
    download = punten.tabel(verkenning, namen).set_index("Naam")
    assert download.loc[["Noord", "Zuid"], "Voorlopig"].tolist() == ["ja", ""]
