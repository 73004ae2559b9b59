"""Every write that names a related object checks, in the database, that the object belongs to what the
writer may touch: an activiteit to the voortgang's own afspraak, an activiteit to the afspraak it is
changed on, a story's afspraken to the partner's own partij, a besluit to its own agendapunt. A crafted
request gets a Dutch refusal and nothing is written."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from dashboard import afspraken
from dashboard.models import Activiteit, AuditLog, Besluit, Verhaal, Voortgang
from dashboard.toegang import access, accounts
from dashboard.vergadering import agenda, besluiten
from dashboard.verhalen import verhalen

HV = "Huurdersvereniging Samen Sterk"
REDACTEUR = access.Visitor("redactie", "redacteur")


@pytest.fixture
def ria(demo_db) -> access.Visitor:
    """A partner of the huurdersvereniging, as her login session sees her."""
    accounts.add_user(demo_db, "ria", "partner", "een-lang-wachtwoord", door="test", partij=HV)
    return accounts.session_visitor(demo_db, accounts.login(demo_db, "ria", "een-lang-wachtwoord").token)


@pytest.fixture
def nummers(demo_db) -> dict[str, int]:
    with demo_db.make_session() as session:
        return {n: int(i) for n, i in afspraken.overview(session).drop_duplicates("id")[["nummer", "id"]].itertuples(index=False)}


def activiteit_van(db, afspraak_id: int) -> int:
    with db.make_session() as session:
        return session.scalar(select(Activiteit.id).where(Activiteit.afspraak_id == afspraak_id).limit(1))


def written(db) -> tuple[int, ...]:
    with db.make_session() as session:
        return tuple(session.scalar(select(func.count(m.id))) for m in (Voortgang, Activiteit, Verhaal, Besluit, AuditLog))


def update(afspraak_id: int, **changes) -> afspraken.VoortgangInvoer:
    return afspraken.VoortgangInvoer(**{"afspraak_id": afspraak_id, "status": "op_koers",
                                        "toelichting": "Werksessie gehouden.", **changes})


@pytest.mark.parametrize("who", ["partner", "redacteur"])
def test_voortgang_is_tied_only_to_an_activiteit_of_its_own_afspraak(demo_db, ria, nummers, who):
    visitor = ria if who == "partner" else REDACTEUR
    eigen, ander = nummers["4.2"], nummers["3.1"]  # the huurdersvereniging leads 4.2 and is no part of 3.1
    before = written(demo_db)
    with pytest.raises(afspraken.Invalid) as refused, demo_db.session() as session:
        afspraken.add_voortgang(session, visitor, update(eigen, activiteit_id=activiteit_van(demo_db, ander)))
    assert refused.value.problems == {"activiteit": "Deze activiteit hoort niet bij deze afspraak. Kies een activiteit "
                                                    "uit de jaarschijf van de afspraak zelf."}
    with pytest.raises(afspraken.Invalid), demo_db.session() as session:  # nor one that does not exist
        afspraken.add_voortgang(session, visitor, update(eigen, activiteit_id=99999))
    assert written(demo_db) == before
    with demo_db.session() as session:
        new = afspraken.add_voortgang(session, visitor, update(eigen, activiteit_id=activiteit_van(demo_db, eigen)))
    with demo_db.make_session() as session:
        assert session.get(Voortgang, new).activiteit_id == activiteit_van(demo_db, eigen)


def test_a_changed_voortgang_keeps_to_the_activiteiten_of_the_afspraak_it_is_on(demo_db, ria, nummers):
    eigen, ander = nummers["4.2"], nummers["3.1"]
    with demo_db.session() as session:
        own = afspraken.add_voortgang(session, ria, update(eigen))
    before = written(demo_db)
    # the afspraak in the request does not count: the voortgang stays on its own, and so must its activiteit
    for afspraak_in_request in (eigen, ander):
        with pytest.raises(afspraken.Invalid) as refused, demo_db.session() as session:
            afspraken.edit_voortgang(session, ria, own, update(afspraak_in_request, activiteit_id=activiteit_van(demo_db, ander)))
        assert list(refused.value.problems) == ["activiteit"]
    assert written(demo_db) == before
    with demo_db.session() as session:
        afspraken.edit_voortgang(session, ria, own, update(eigen, activiteit_id=activiteit_van(demo_db, eigen)))
        afspraken.edit_voortgang(session, ria, own, update(eigen, toelichting="Zonder activiteit gevraagd."))
    with demo_db.make_session() as session:
        row = session.get(Voortgang, own)
    assert (row.activiteit_id, row.afspraak_id) == (activiteit_van(demo_db, eigen), eigen)  # None keeps the link


def test_an_activiteit_is_never_moved_to_another_afspraak(demo_db, nummers):
    ander = activiteit_van(demo_db, nummers["3.1"])
    before = written(demo_db)
    invoer = afspraken.ActiviteitInvoer(afspraak_id=nummers["4.2"], jaar=2025, omschrijving="Verplaatst")
    for crafted in (ander, 99999):
        with pytest.raises(afspraken.Invalid) as refused, demo_db.session() as session:
            afspraken.save_activiteit(session, REDACTEUR, invoer, crafted)
        assert "bestaat niet (meer) bij deze afspraak" in refused.value.problems["_"]
    assert written(demo_db) == before
    with demo_db.make_session() as session:
        assert session.get(Activiteit, ander).afspraak_id == nummers["3.1"]


def test_a_partner_links_her_story_only_to_her_own_partys_afspraken(demo_db, ria, nummers, tmp_path):
    invoer = verhalen.VerhaalInvoer(titel="Koffie voor het bod", tekst="Zestig huurders praatten mee.",
                                    verteller_rol="huurder", datum=date(2025, 5, 1), afspraken=[nummers["4.2"]])
    with demo_db.session() as session:
        own = verhalen.add_verhaal(session, ria, invoer, [], tmp_path, 10_000_000)
    before = written(demo_db)
    for crafted in ([nummers["4.2"], nummers["3.1"]], [nummers["3.1"]], [99999]):
        invoer.afspraken = crafted
        with pytest.raises(access.NotAllowed), demo_db.session() as session:
            verhalen.save_verhaal(session, ria, invoer, own)
        with pytest.raises(access.NotAllowed), demo_db.session() as session:
            verhalen.add_verhaal(session, ria, invoer, [], tmp_path, 10_000_000)
    assert written(demo_db) == before
    with demo_db.make_session() as session:
        assert [a.id for a in verhalen.detail(session, own).afspraken] == [nummers["4.2"]]
    invoer.afspraken = [99999]  # a redacteur may link any afspraak, but only one that exists
    with pytest.raises(afspraken.Invalid) as refused, demo_db.session() as session:
        verhalen.add_verhaal(session, REDACTEUR, invoer, [], tmp_path, 10_000_000)
    assert list(refused.value.problems) == ["afspraken"]


def test_stuurgroep_writes_name_only_what_exists_and_a_besluit_keeps_its_agendapunt(demo_db):
    with demo_db.make_session() as session:
        vergadering = agenda.detail(session, agenda.list_vergaderingen(session)[0].id)
        aangehouden = next(b for b in besluiten.list_besluiten(session) if b.uitkomst == "aangehouden")
    other = next(p.id for p in vergadering.punten if p.id != aangehouden.agendapunt_id)
    before = written(demo_db)
    with pytest.raises(afspraken.Invalid), demo_db.session() as session:
        agenda.add_item(session, REDACTEUR, vergadering.id, agenda.PuntInvoer(afspraak_id=99999))
    with pytest.raises(afspraken.Invalid), demo_db.session() as session:
        agenda.add_item(session, REDACTEUR, 99999, agenda.PuntInvoer(afspraak_id=vergadering.punten[0].afspraak_id))
    with pytest.raises(afspraken.Invalid), demo_db.session() as session:
        besluiten.record(session, REDACTEUR, besluiten.BesluitInvoer(agendapunt_id=99999, voorstel="x", posities=[],
                                                                      evaluatie=date(2026, 1, 1)))
    assert written(demo_db) == before
    with demo_db.session() as session:  # taking up an aangehouden besluit: the agendapunt in the request does not count
        tafel = besluiten.tafel(session, aangehouden.afspraak_id)
        besluiten.record(session, REDACTEUR, besluiten.BesluitInvoer(
            agendapunt_id=other, voorstel=aangehouden.voorstel, evaluatie=date(2099, 6, 1),
            posities=[besluiten.Positie(partij=p) for p in tafel]), aangehouden.id)
    with demo_db.make_session() as session:
        assert session.get(Besluit, aangehouden.id).agendapunt_id == aangehouden.agendapunt_id
