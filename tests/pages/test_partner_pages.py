"""A partner in the app: edit controls only on its own partij's afspraken, writing only for its partij,
and every callback asks the database afresh who is writing."""
from __future__ import annotations

import pytest
import reader

from dashboard import afspraken
from dashboard.db import open_database
from dashboard.models import Voortgang
from dashboard.toegang import accounts

HV = "Huurdersvereniging Samen Sterk"


def ids(path) -> dict[str, int]:
    with open_database(f"sqlite:///{path}").make_session() as session:
        return afspraken.overview(session).drop_duplicates("id").set_index("nummer")["id"].astype(int).to_dict()


@pytest.fixture
def partner(app_as):
    return app_as("partner", "ria")


def open_afspraak(at, afspraak_id: int):
    at.query_params["afspraak"] = str(afspraak_id)
    return at.switch_page("pages/afspraken.py").run()


def test_edit_controls_only_on_an_afspraak_of_its_own_partij(partner, app_env):
    nummers = ids(app_env)
    at = open_afspraak(partner, nummers["4.2"])  # the huurdersvereniging leads 4.2 and wrote its updates
    assert not at.exception and [e.label for e in at.expander] == ["Voortgang toevoegen", "Voortgang aanpassen"]
    assert at.selectbox(key=f"vg{nummers['4.2']}_auteur").options == [HV]
    at = open_afspraak(at, nummers["3.1"])  # the tenants' association is not part of 3.1
    assert not at.exception and "3.1 Dertig woningen voor ouderen rond De Denkbeeldhof" in [reader.text(t.value) for t in at.title]
    assert not at.expander and not at.get("form")


def test_a_partner_adds_voortgang_and_then_may_change_it(partner, app_env):
    afspraak = ids(app_env)["2.2"]  # the huurdersvereniging advises on 2.2, Thuisbaak leads it
    at = open_afspraak(partner, afspraak)
    assert [e.label for e in at.expander] == ["Voortgang toevoegen"]  # Thuisbaak's updates are not Ria's to change
    form = f"vg{afspraak}"
    at.text_area(key=f"{form}_toelichting").input("Vier ambassadeurs gaan langs bij oudere huurders.")
    at.button(key=f"FormSubmitter:{form}-Voortgang toevoegen").click().run()
    assert not at.exception and any("is toegevoegd" in s.value for s in at.toast)
    assert [e.label for e in at.expander] == ["Voortgang toevoegen", "Voortgang aanpassen"]
    edit = f"vgw{afspraak}"
    at.text_area(key=f"{edit}_toelichting").input("Vijf ambassadeurs gaan langs bij oudere huurders.")
    at.button(key=f"FormSubmitter:{edit}-Wijziging opslaan").click().run()
    assert not at.exception and any("is aangepast" in s.value for s in at.toast)
    shown = " ".join(str(t.value) for t in at.text)
    assert "Vijf ambassadeurs" in shown and "Vier ambassadeurs" not in shown
    assert any(f"Door {HV} · ria" == c.value for c in at.caption)


def test_a_callback_writes_as_the_account_is_now_not_as_it_was_when_drawn(partner, app_env):
    afspraak = ids(app_env)["4.2"]
    database = open_database(f"sqlite:///{app_env}")
    at = open_afspraak(partner, afspraak)
    accounts.set_role(database, "ria", "lezer", door="beheerder")  # meanwhile a beheerder takes the right away
    with database.make_session() as session:
        before = session.query(Voortgang).count()
    at.text_area(key=f"vg{afspraak}_toelichting").input("Dit mag niet meer worden opgeslagen.")
    at.button(key=f"FormSubmitter:vg{afspraak}-Voortgang toevoegen").click().run()
    assert not at.exception
    assert any("geen rechten" in e.value for e in at.error)
    with database.make_session() as session:
        assert session.query(Voortgang).count() == before


def test_verhaal_form_offers_only_the_afspraken_of_its_partij(partner, app_env):
    at = partner.switch_page("pages/verhalen.py").run()
    assert not at.exception
    with open_database(f"sqlite:///{app_env}").make_session() as session:
        eigen = {int(r["id"]) for r in afspraken.overview(session).to_dict("records") if HV in r["partijen"]}
    assert set(at.multiselect(key="vh_afspraken").options) and all(
        any(o.startswith(n + " ") for n in ("1.3", "2.2", "3.2", "4.1", "4.2", "4.3", "5.1", "5.2"))
        for o in at.multiselect(key="vh_afspraken").options)
    assert len(at.multiselect(key="vh_afspraken").options) == len(eigen)


def test_a_partner_changes_a_verhaal_its_partij_told_and_no_other(partner, app_env):
    with open_database(f"sqlite:///{app_env}").make_session() as session:
        from dashboard.verhalen import verhalen

        verhaallijst = verhalen.gallery(session)
    eigen = next(s for s in verhaallijst if s.partij == HV)
    ander = next(s for s in verhaallijst if s.partij != HV)
    partner.query_params["verhaal"] = str(ander.id)
    at = partner.switch_page("pages/verhalen.py").run()
    assert not at.exception and ander.titel in [reader.text(h.value) for h in at.header] and not at.expander
    at.query_params["verhaal"] = str(eigen.id)
    at.run()
    assert [e.label for e in at.expander] == ["Verhaal aanpassen", "Verwijderen"]
    form = f"vhw{eigen.id}"
    at.text_input(key=f"{form}_titel").input("Een nieuwe titel van de huurders")
    at.button(key=f"FormSubmitter:{form}-Wijziging opslaan").click().run()
    assert not at.exception and any(s.value.startswith("Het verhaal «") for s in at.toast)
    assert "Een nieuwe titel van de huurders" in [reader.text(h.value) for h in at.header]
