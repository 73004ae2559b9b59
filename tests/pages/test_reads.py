"""The shared read path: no connection held while a page renders, answers shared between sessions,
and never stale: an import, an undo and an edit show on the next run, also when another process made them."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool
from streamlit.delta_generator import DeltaGenerator

from dashboard import afspraken
from dashboard.ingest import import_file
from dashboard.ingest.undo import undo
from dashboard.toegang import access

ROOT = Path(__file__).resolve().parents[2]
SHARE = ("indicator;gebied;partij;periode;waarde\n"
         "aandeel_sociale_huur;GM9901;;2025;44,4\n")


def dashboard(app):
    return app.switch_page("pages/dashboard.py").run()


def share_tile(page) -> str:
    return next(m.value for m in page.metric if m.label == "Aandeel sociale huur in voorraad")


def test_no_element_is_rendered_while_a_connection_is_held(app, monkeypatch):
    out = {"now": 0, "while_rendering": []}

    def checkout(*_):
        out["now"] += 1

    def checkin(*_):
        out["now"] -= 1

    enqueue = DeltaGenerator._enqueue

    def watched(self, *args, **kwargs):
        out["while_rendering"].append(out["now"])
        return enqueue(self, *args, **kwargs)

    event.listen(Pool, "checkout", checkout)
    event.listen(Pool, "checkin", checkin)
    monkeypatch.setattr(DeltaGenerator, "_enqueue", watched)
    try:
        for script in ("pages/dashboard.py", "pages/kompas.py", "pages/afspraken.py", "pages/verhalen.py"):
            page = app.switch_page(script).run()
            assert not page.exception
    finally:
        event.remove(Pool, "checkout", checkout)
        event.remove(Pool, "checkin", checkin)
    assert len(out["while_rendering"]) > 100
    assert max(out["while_rendering"]) == 0


def test_a_second_session_reads_the_figures_from_the_shared_cache(app_as):
    second = app_as("lezer", "tweede")  # both accounts first: adding one is an audited change
    dashboard(app_as("lezer", "eerste"))
    statements = []

    def seen(_conn, _cursor, statement, *_):
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        page = dashboard(second)
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    assert not page.exception and len(page.metric) >= 4
    assert statements, "the session and the data version are still asked every run"
    assert not [s for s in statements if "observaties" in s or "streefwaarden" in s]


def test_an_import_and_its_undo_show_on_the_next_run(app, database):
    page = dashboard(app)
    before = share_tile(page)
    report = import_file(database, SHARE.encode())
    assert share_tile(page.run()) == "44,4%"
    undo(database, report.batch_id)
    assert share_tile(page.run()) == before


def test_an_import_by_another_process_shows_on_the_next_run(app, app_env, tmp_path):
    page = dashboard(app)
    assert share_tile(page) != "44,4%"
    (tmp_path / "nieuw.csv").write_text(SHARE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "dashboard", "import", str(tmp_path / "nieuw.csv")], cwd=ROOT,
                          env={**os.environ, "DASHBOARD_DATABASE_URL": f"sqlite:///{app_env}"},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert share_tile(page.run()) == "44,4%"


def test_an_edit_shows_on_the_next_run(app, database):
    page = app.switch_page("pages/afspraken.py")
    page.query_params["afspraak"] = "1"
    page = page.run()
    assert not [m for m in page.markdown if "Nieuw bericht uit de wijk" in m.value]
    with database.session() as session:
        afspraken.add_voortgang(session, access.Visitor("redactie", "redacteur"), afspraken.VoortgangInvoer(
            afspraak_id=1, status="achter", toelichting="Nieuw bericht uit de wijk."))
    page = page.run()
    assert [t for t in page.text if "Nieuw bericht uit de wijk" in t.value]


def _counting(monkeypatch, tally: dict, name: str, owner, attribute: str) -> None:
    """Count the calls of owner.attribute in tally[name]; each still does what it did."""
    original, tally[name] = getattr(owner, attribute), 0

    def counted(*args, **kwargs):
        tally[name] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, attribute, counted)


def test_a_second_session_makes_no_chart_and_formats_no_number_anew(app_as, monkeypatch):
    """Twenty viewers of one link take turns in one server process: the charts, tiles, tables and
    sentences of a view are made once (ui/made.py), not once per viewer, and the map's JSON too."""
    import plotly.graph_objects as go
    from pydeck.bindings import json_tools

    from dashboard import formatting

    second = app_as("lezer", "tweede")
    first = dashboard(app_as("lezer", "eerste"))
    assert not first.exception
    made = {}
    _counting(monkeypatch, made, "figures", go.Figure, "__init__")
    _counting(monkeypatch, made, "numbers", formatting, "number")
    _counting(monkeypatch, made, "map JSON", json_tools, "serialize")
    page = dashboard(second)
    assert not page.exception and len(page.metric) >= 4
    assert [m.value for m in page.metric] == [m.value for m in first.metric]
    assert [m.proto.json for m in page.get("deck_gl_json_chart")] == [m.proto.json for m in first.get("deck_gl_json_chart")]
    assert len(page.get("deck_gl_json_chart")) == 1
    assert made == {"figures": 0, "numbers": 0, "map JSON": 0}


def test_a_second_session_turns_no_chart_or_table_into_json_or_arrow_and_a_new_view_is_drawn_afresh(app_as, monkeypatch):
    """Drawing a chart (JSON), the map (JSON) and the table (Arrow) is work per session too: what the
    first viewer's run drew is replayed for the next (made.drawn), and another indicator shows its own."""
    import plotly.io
    from streamlit import dataframe_util

    first = dashboard(app_as("lezer", "eerste"))
    second = app_as("lezer", "tweede")
    drawn = {}
    _counting(monkeypatch, drawn, "chart JSON", plotly.io, "to_json")
    _counting(monkeypatch, drawn, "table Arrow", dataframe_util, "convert_pandas_df_to_arrow_bytes")
    page = dashboard(second)
    assert not page.exception and drawn == {"chart JSON": 0, "table Arrow": 0}
    assert [c.proto.spec for c in page.get("plotly_chart")] == [c.proto.spec for c in first.get("plotly_chart")]
    assert [t.value.to_dict() for t in page.dataframe] == [t.value.to_dict() for t in first.dataframe]

    box = page.selectbox(key="f_indicator")
    other = box.options[1]  # Huurwoningen in bezit van corporaties: a trend of its own
    page = box.select_index(1).run()
    assert not page.exception  # another indicator: its own trend, never the one replayed before
    trend, before = page.get("plotly_chart")[0].proto.spec, first.get("plotly_chart")[0].proto.spec
    assert trend != before and other in trend and page.header[0].value == other
