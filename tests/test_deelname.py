"""The growing circle: per year the parties and people that wrote voortgang or stories, new parties marked,
for one afspraak and for the whole set; on the Kompas and the afspraak page."""
from __future__ import annotations

from datetime import date

from dashboard import afspraken, deelname
from dashboard.db import open_database
from dashboard.toegang import access


def test_the_demo_circle_grows_with_the_police_and_the_care_group_in_2025(demo_db):
    with demo_db.make_session() as session:
        kring = deelname.per_jaar(session)
    jaren = kring["jaren"].set_index("jaar")
    assert list(jaren.index) == [2024, 2025]
    assert sorted(jaren.at[2025, "nieuwe_partijen"]) == ["Politie basisteam Denkbeeldstad", "Zorggroep De Denkbeeldhof"]
    assert jaren.at[2025, "partijen"] > jaren.at[2024, "partijen"] and jaren.at[2024, "schrijvers"] >= 5
    nieuw_2024 = kring["partijen"][kring["partijen"]["jaar"] == 2024]["nieuw"]
    assert nieuw_2024.all()  # the first year: everyone is new


def test_one_afspraak_counts_its_own_contributions_and_marks_a_party_new_there(demo_db):
    with demo_db.make_session() as session:
        afspraak = int(afspraken.overview(session).set_index("nummer").loc["1.3", "id"])  # no police there yet
        before = deelname.per_jaar(session, afspraak)
    assert before["jaren"]["jaar"].tolist() == [2024, 2025]
    politie = access.Visitor("wijkagent", "redacteur", partij_id=None)
    with demo_db.session() as session:
        afspraken.add_voortgang(session, politie, afspraken.VoortgangInvoer(
            afspraak_id=afspraak, status="op_koers", toelichting="Spreekuur in De Akkers gestart.",
            auteur="Politie basisteam Denkbeeldstad", datum=date(2026, 2, 1)))
    with demo_db.make_session() as session:
        after = deelname.per_jaar(session, afspraak)
    row = after["jaren"].set_index("jaar").loc[2026]
    assert (row["partijen"], row["nieuwe_partijen"], row["schrijvers"], row["bijdragen"]) == (
        1, ["Politie basisteam Denkbeeldstad"], 1, 1)


def test_nothing_written_yet_gives_empty_tables(db):
    with db.make_session() as session:
        kring = deelname.per_jaar(session)
    assert kring["jaren"].empty and kring["partijen"].empty


def test_kompas_and_afspraak_page_show_who_took_part(app, app_env):
    shown = "\n".join(str(e.value) for kind in ("header", "subheader", "markdown") for e in getattr(app, kind))
    assert "De groeiende kring: wie deed mee" in shown
    assert "Politie basisteam Denkbeeldstad :orange-badge[nieuw]" in shown
    with open_database(f"sqlite:///{app_env}").make_session() as session:
        afspraak = int(afspraken.overview(session).set_index("nummer").loc["3.3", "id"])
    app.query_params["afspraak"] = str(afspraak)
    at = app.switch_page("pages/afspraken.py").run()
    assert not at.exception
    shown = "\n".join(str(e.value) for kind in ("subheader", "markdown") for e in getattr(at, kind))
    assert "Wie deed mee" in shown and "Zorggroep De Denkbeeldhof :orange-badge[nieuw]" in shown
    assert "kring_afspraak" in [c.key for c in at.get("plotly_chart")]
