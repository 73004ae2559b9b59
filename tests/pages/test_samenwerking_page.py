"""The samenwerkingsmonitor page under AppTest: results for every reader, the questionnaire only for an
account of a partij (answering twice updates), and a share link that shows the results read-only."""
from __future__ import annotations

from pathlib import Path

import reader
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from dashboard import clock
from dashboard.db import open_database
from dashboard.models import Gebruiker, Inzending
from dashboard.toegang import share_links

ROOT = Path(__file__).resolve().parents[2]


def texts(at) -> str:
    kinds = ("title", "header", "subheader", "markdown", "caption", "text", "warning", "info", "success")
    return "\n".join(reader.text(e.value) for kind in kinds for e in getattr(at, kind))


def test_results_show_parties_side_by_side_the_gap_and_the_remarks(app):
    at = app.switch_page("pages/samenwerking.py").run()
    assert not at.exception
    assert at.selectbox(key="jaar").value == 2025 and at.selectbox(key="jaar").options == ["2025", "2024", "2023"]
    shown = texts(at)
    assert "Vertrouwen: Huurdersvereniging Samen Sterk scoort gemiddeld" in shown and "lager dan Gemeente Denkbeeldstad" in shown
    assert "Van Zorggroep De Denkbeeldhof antwoordden 2 mensen" in shown and "vanaf 3 mensen" in shown
    assert "De keukentafelteams laten zien wat samenwerken oplevert." in shown
    assert len(at.get("plotly_chart")) == 3 and not at.table  # each table is written when its tab opens
    for key in ("samenwerking_partijen", "samenwerking_jaren", "samenwerking_stelling"):
        at.session_state[f"{key}_tabs"] = "Tabel"
    at.run()
    assert len(at.get("plotly_chart")) == 3 and len(at.table) == 3  # each chart with its table
    assert not at.get("form")  # a beheerder without a partij does not answer
    at.selectbox(key="jaar").set_value(2023).run()
    assert not at.exception and "2023" in texts(at)


def test_an_account_of_a_partij_answers_once_a_year_and_answering_again_updates(app_as, app_env):
    at = app_as("partner", "ria").switch_page("pages/samenwerking.py").run()
    form = f"sw{clock.now().year}"
    assert [f for f in at.get("form")] and "Huurdersvereniging Samen Sterk" in texts(at)
    at.radio(key=f"{form}_vertrouwen").set_value(2)
    at.radio(key=f"{form}_huurders").set_value(3)
    at.text_area(key=f"{form}_opmerking").input("We worden nog te laat gevraagd.")
    at.button(key=f"FormSubmitter:{form}-Antwoord opslaan").click().run()
    assert not at.exception and any("is opgeslagen" in s.value for s in at.toast)
    assert at.radio(key=f"{form}_vertrouwen").value == 2 and "al ingevuld" in at.expander[0].label
    at.radio(key=f"{form}_vertrouwen").set_value(4)
    at.button(key=f"FormSubmitter:{form}-Antwoord opslaan").click().run()
    with open_database(f"sqlite:///{app_env}").make_session() as session:
        ria = session.scalar(select(Gebruiker.id).where(Gebruiker.naam == "ria"))
        assert session.scalar(select(func.count(Inzending.id)).where(Inzending.gebruiker_id == ria)) == 1
    assert at.radio(key=f"{form}_vertrouwen").value == 4
    at.selectbox(key="jaar").set_value(clock.now().year).run()
    assert "Van Huurdersvereniging Samen Sterk antwoordde 1 persoon" in texts(at)  # below three: no figure
    assert [c.key for c in at.get("plotly_chart")] == ["samenwerking_jaren"]  # no figure for that year, only the history


def test_a_share_link_shows_the_results_read_only(app_env):
    database = open_database(f"sqlite:///{app_env}")
    _, token = share_links.create(database, "raad", door="test", pages=["kompas", "samenwerking"])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["deel"] = token
    at.run().switch_page("pages/samenwerking.py").run()
    assert not at.exception and "Vertrouwen: Huurdersvereniging Samen Sterk" in texts(at)
    assert not at.get("form") and not at.expander
