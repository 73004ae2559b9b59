"""Every page under AppTest: it runs without an exception and shows what its users come for."""
import re
from pathlib import Path

import reader
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def open_dashboard(app: AppTest, **params) -> AppTest:
    for name, value in params.items():
        app.query_params[name] = value
    return app.switch_page("pages/dashboard.py").run()


def test_home_page_says_what_this_is_and_that_the_demo_is_fictional(app):
    assert not app.exception
    assert app.title[0].value == "Tellen & Vertellen"
    assert any("fictief" in c.value for c in app.caption)


def test_dashboard_shows_tiles_charts_map_and_table(app):
    page = open_dashboard(app)
    assert not page.exception and not page.error
    assert len(page.metric) >= 4
    assert page.metric[0].label == "Aandeel sociale huur in voorraad"
    assert page.metric[0].value.endswith("%") and "," in page.metric[0].value
    assert len(page.get("plotly_chart")) >= 2
    assert len(page.get("deck_gl_json_chart")) == 1
    assert [b.proto.label for b in page.get("download_button")] == ["Download CSV", "Download Excel"]


def test_the_kompas_sends_the_apps_rules_as_one_stylesheet_and_its_scripts_as_one_element(app):
    """Each <style> or <script> element is one more message to every viewer of a share link (the
    Kompas sent four stylesheets and two scripts); the grids' rule is in the one sheet. (The home
    page is the run through app.py; AppTest's switch_page runs a page's script on its own.)"""
    bodies = [h.proto.body for h in app.get("html")]
    sheets = [body for body in bodies if "<style" in body]
    assert len(sheets) == 1 and len([body for body in bodies if "<script" in body]) == 1, bodies
    assert '[class*="st-key-raster_"]' in sheets[0] and "st-key-raster_tegels" in sheets[0]


def test_choosing_a_wijk_updates_the_view_and_the_url(app):
    page = open_dashboard(app)
    page.selectbox(key="f_wijk").set_value("WK990102").run()
    assert "Havenkwartier" in page.subheader[0].value
    assert page.query_params["gebied"] == "WK990102"


def test_a_bookmarked_view_opens_as_it_was_shared(app):
    page = open_dashboard(app, gebied="WK990104", indicator="label_efg", groep="Kwaliteit en duurzaamheid")
    assert "Molenkamp" in page.subheader[0].value
    assert reader.text(page.header[0].value) == "Woningen met energielabel E, F of G"
    assert not page.warning


def test_a_malicious_query_value_falls_back_with_a_notice(app):
    page = open_dashboard(app, gebied="<img src=x onerror=alert(1)>")
    assert not page.exception
    assert "Denkbeeldstad" in page.subheader[0].value
    assert any("onbekend(e) gebied" in w.value for w in page.warning)


def test_an_empty_database_without_demo_explains_what_to_do(empty_app):
    page = empty_app.switch_page("pages/dashboard.py").run()
    assert not page.exception
    assert "nog geen cijfers" in page.info[0].value


def test_a_damaged_database_gives_a_dutch_message_not_a_traceback(monkeypatch, tmp_path):
    damaged = tmp_path / "kapot.db"
    damaged.write_bytes(b"geen database" * 100)
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{damaged}")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert app.error[0].value.startswith("**Het databasebestand is beschadigd of geen SQLite-database.**")
    assert str(damaged) not in app.error[0].value  # nobody is known yet: the file is named in the log only
    assert damaged.read_bytes() == b"geen database" * 100


def test_dashboard_table_shows_names_and_no_none_where_there_is_no_target(app):
    page = open_dashboard(app)
    table = page.dataframe[-1].value
    assert "aandeel_sociale_huur" not in table.to_string() and "GM9901" not in table.to_string()
    assert set(table["Indicator"]) >= {"Aandeel sociale huur in voorraad"}
    assert set(table["Gebied"]) == {"Denkbeeldstad (fictief)"}
    without_target = table[table["Periode"] == "2016"]
    assert not without_target.empty and set(without_target["Streefwaarde"]) == {""}


def test_tile_names_are_shown_whole_and_no_change_has_no_arrow(app):
    page = open_dashboard(app)
    huur = next(m for m in page.metric if m.label == "Huurwoningen in bezit van corporaties")
    # the tile's own label, shown (wrapped, never cut off: test_telefoon_browser), with its source under "?"
    assert huur.proto.label_visibility.value == huur.proto.label_visibility.VISIBLE and "Bron" in huur.proto.help
    sloop = next(m for m in page.metric if m.label == "Sloop")  # 25 in 2024 and in 2025
    assert sloop.proto.delta == "±0 woningen" and sloop.proto.direction == sloop.proto.MetricDirection.NONE
    rising = next(m for m in page.metric if m.label == "Totale woningvoorraad")
    assert rising.proto.direction == rising.proto.MetricDirection.UP


def test_tiles_in_gewone_taal_closed_for_staff(app):
    page = open_dashboard(app, groep="Beschikbaarheid")
    panel = next(e for e in page.expander if e.label == "In gewone taal")
    assert not panel.proto.expanded
    assert "In 2025 kwamen er 137 sociale huurwoningen bij. Dat zijn er 17 meer dan afgesproken." in \
        " ".join(reader.text(m.value) for m in panel.markdown)


def test_the_chart_indicator_is_chosen_above_the_charts_and_kept_in_the_url(app):
    page = open_dashboard(app)
    box = page.selectbox(key="f_indicator")
    assert "f_indicator" not in [b.key for b in page.sidebar.selectbox]  # its own fragment, beside the charts
    second = box.options[1]
    page = box.select_index(1).run()
    assert not page.exception
    assert page.header[0].value == second
    assert page.query_params["indicator"] == page.selectbox(key="f_indicator").value


def test_another_indicator_group_gives_the_charts_its_first_indicator(app):
    page = open_dashboard(app)
    page = page.selectbox(key="f_groep").set_value("Kwaliteit en duurzaamheid").run()
    assert not page.exception
    assert page.header[0].value == "Aardgasvrije woningen"


def test_the_map_legend_lists_its_five_classes_dark_to_light_in_dutch_numbers(app):
    page = open_dashboard(app)
    legend = next(h.proto.body for h in page.get("html") if "Legenda" in h.proto.body)
    assert all(f"klasse {n} van 5" in legend for n in range(1, 6))  # what a screen reader hears per swatch
    assert legend.index("#440154") < legend.index("#fde725")  # viridis, dark (low) to light (high) as on the map
    bounds = re.findall(r">(\d+,\d%)<", legend)  # van and t/m of each class, written the Dutch way
    assert len(bounds) == 10 and bounds[1] == bounds[2]  # the first class ends where the second begins
