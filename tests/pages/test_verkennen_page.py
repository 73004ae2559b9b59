"""Verkennen under AppTest: every role and a share link, the choice in the URL, marking and comparing."""
from pathlib import Path

import pytest
import reader
from streamlit.testing.v1 import AppTest

from dashboard.db import open_database
from dashboard.toegang import access, share_links
from dashboard.ui import visitor

ROOT = Path(__file__).resolve().parents[2]


def open_verkennen(app: AppTest, **params) -> AppTest:
    for name, value in params.items():
        app.query_params[name] = value
    return app.switch_page("pages/verkennen.py").run()


def texts(at: AppTest) -> str:
    return "\n".join(reader.text(e.value) for kind in ("title", "header", "markdown", "caption", "info", "warning")
                     for e in getattr(at, kind))


def ranking(at: AppTest) -> list[str]:
    return at.dataframe[0].value["Naam"].tolist()


@pytest.mark.parametrize("role", access.ROLES)
def test_every_role_sees_the_scatter_the_ranking_and_the_map(app_as, role):
    at = open_verkennen(app_as(role))
    assert not at.exception and not at.error
    assert [t.value for t in at.title] == ["Verkennen"]
    assert len(at.get("plotly_chart")) == 1 and len(at.get("deck_gl_json_chart")) == 1
    assert len(ranking(at)) == 8  # the eight wijken of Denkbeeldstad
    assert "trendlijn" in texts(at)
    assert [b.proto.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]


def test_the_choice_is_read_from_and_written_to_the_url(app):
    at = open_verkennen(app, x="label_efg", y="leegstand", jaar="2020", grootte="woningvoorraad_totaal")
    assert (at.selectbox(key="v_x").value, at.selectbox(key="v_y").value) == ("label_efg", "leegstand")
    assert at.selectbox(key="v_jaar").value == 2020 and not at.warning
    assert "Leegstand" in at.dataframe[0].value.columns
    at.selectbox(key="v_y").set_value("huurdersoordeel").run()
    assert (at.query_params["y"], at.query_params["x"]) == ("huurdersoordeel", "label_efg")


def test_an_unusable_link_value_falls_back_with_a_notice(app):
    at = open_verkennen(app, x="<img src=x onerror=alert(1)>", jaar="1850")
    assert not at.exception
    assert at.selectbox(key="v_x").value == "aandeel_sociale_huur"
    assert len(at.warning) == 2 and "onbruikbaar" in at.warning[0].value


def test_marking_gebieden_filters_the_ranking_and_names_them_on_the_map(app):
    at = open_verkennen(app)
    at.multiselect(key="v_markeer").select("WK990101").select("WK990104").run()
    assert not at.exception
    assert sorted(ranking(at)) == ["Centrum", "Molenkamp"]
    assert "2 wijken gekozen" in texts(at)
    assert "Oranjerood op de kaart: Centrum, Molenkamp." in texts(at)


def test_a_wijk_is_compared_with_wijken_of_its_size(app):
    at = open_verkennen(app)
    at.selectbox(key="v_vergelijk").set_value("WK990104").run()
    shown = texts(at)
    assert "Vergelijken met gebieden van dezelfde grootte" in shown
    assert "**Molenkamp** hoort bij de" in shown and "5.000 tot 10.000 woningen" in shown
    assert "nummer 1 van" in shown
    assert at.dataframe[-1].value["Naam"].iloc[0] == "Molenkamp"


def test_wijken_without_a_figure_are_counted_in_words(app):
    at = open_verkennen(app, y="betaalrisico", jaar="2018")  # Het Broek skipped the survey in 2018
    assert "1 wijk zonder cijfer voor Huishoudens met betaalrisico in 2018" in texts(at)
    assert "Het Broek" not in ranking(at) and len(ranking(at)) == 7


def share_app(app_env, **link) -> AppTest:
    database = open_database(f"sqlite:///{app_env}")
    _, token = share_links.create(database, "raad", door="test", **link)
    database.engine.dispose()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["deel"] = token
    return at.run()


def test_a_share_link_may_include_verkennen_read_only(app_env):
    at = share_app(app_env, pages=["kompas", "verkennen"], downloads=False)
    at = open_verkennen(at)
    assert not at.exception and len(ranking(at)) == 8
    assert not at.get("download_button") and not at.get("form")


def test_a_share_link_for_one_wijk_has_nothing_to_set_side_by_side(app_env):
    at = open_verkennen(share_app(app_env, pages=["verkennen"], gebied="WK990102"))
    assert not at.exception and not at.get("plotly_chart")
    assert "maar één gebied" in at.info[0].value


def test_verkennen_is_not_in_a_share_link_that_leaves_it_out(app_env):
    at = share_app(app_env, pages=["kompas"])
    with pytest.raises(ValueError):
        at.switch_page("pages/verkennen.py")
    assert visitor.SHARE_KEY in at.session_state


def test_an_empty_database_explains_what_to_do(empty_app):
    at = empty_app.switch_page("pages/verkennen.py").run()
    assert not at.exception and "nog geen cijfers" in at.info[0].value
