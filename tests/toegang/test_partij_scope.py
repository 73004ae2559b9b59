"""A partner writes for its own partij only: on the afspraken its partij takes part in, and changes
only what its partij wrote. Every refusal is decided on the server, from the database, with nothing written."""
from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import func, select

from dashboard import afspraken
from dashboard.models import AuditLog, Media, Partij, Verhaal, Voortgang
from dashboard.toegang import access, accounts
from dashboard.verhalen import toestemming, verhalen

HV = "Huurdersvereniging Samen Sterk"
PASSWORD = "een-lang-wachtwoord"


def ids(db) -> dict:
    """Afspraken the tenants' association takes part in (4.2 trekker, 2.2 adviseur) and one it does not (3.1)."""
    with db.make_session() as session:
        overzicht = afspraken.overview(session).drop_duplicates("id").set_index("nummer")
        partij = session.scalar(select(Partij.id).where(Partij.naam == HV))
    return {"eigen": int(overzicht.loc["4.2", "id"]), "adviseur": int(overzicht.loc["2.2", "id"]),
            "ander": int(overzicht.loc["3.1", "id"]), "partij": partij}


@pytest.fixture
def ria(demo_db) -> access.Visitor:
    """A tenant volunteer: partner of the huurdersvereniging, as the login session sees her."""
    accounts.add_user(demo_db, "ria", "partner", PASSWORD, door="test", partij=HV)
    return accounts.session_visitor(demo_db, accounts.login(demo_db, "ria", PASSWORD).token)


def counts(db) -> tuple[int, int, int, int]:
    with db.make_session() as session:
        return tuple(session.scalar(select(func.count(model.id))) for model in (Voortgang, Verhaal, Media, AuditLog))


def update(**changes) -> afspraken.VoortgangInvoer:
    return afspraken.VoortgangInvoer(**{"afspraak_id": 0, "status": "op_koers", "toelichting": "Werksessie gehouden.",
                                        **changes})


def test_the_session_visitor_knows_the_account_and_its_partij(demo_db, ria):
    assert (ria.role, ria.partij, ria.party_scoped) == ("partner", HV, True)
    assert ria.partij_id == ids(demo_db)["partij"] and ria.gebruiker_id


@pytest.mark.parametrize("which", ["eigen", "adviseur"])
def test_a_partner_adds_voortgang_on_its_partys_afspraak_recorded_with_party_and_account(demo_db, ria, which):
    afspraak = ids(demo_db)[which]
    with demo_db.session() as session:
        new = afspraken.add_voortgang(session, ria, update(afspraak_id=afspraak))
    with demo_db.make_session() as session:
        row = session.get(Voortgang, new)
        history = afspraken.detail(session, afspraak).voortgang
    assert (row.auteur_id, row.gebruiker_id, row.gebruiker) == (ria.partij_id, ria.gebruiker_id, "ria")
    assert (history.iloc[0]["auteur"], history.iloc[0]["gebruiker"]) == (HV, "ria")


def test_a_partner_is_refused_on_another_partys_afspraak_and_nothing_is_written(demo_db, ria):
    before = counts(demo_db)
    with pytest.raises(access.NotAllowed, match="niet bij betrokken"), demo_db.session() as session:
        afspraken.add_voortgang(session, ria, update(afspraak_id=ids(demo_db)["ander"]))
    with pytest.raises(access.NotAllowed), demo_db.session() as session:  # an afspraak id that does not exist
        afspraken.add_voortgang(session, ria, update(afspraak_id=99999))
    assert counts(demo_db) == before


def test_a_forged_party_in_the_request_is_refused(demo_db, ria):
    before = counts(demo_db)
    with pytest.raises(access.NotAllowed), demo_db.session() as session:  # writing "namens" the gemeente
        afspraken.add_voortgang(session, ria, update(afspraak_id=ids(demo_db)["eigen"], auteur="Gemeente Denkbeeldstad"))
    assert counts(demo_db) == before


def test_a_partner_edits_its_own_partys_voortgang_but_not_another_partys(demo_db, ria):
    eigen = ids(demo_db)["eigen"]
    with demo_db.session() as session:
        own = afspraken.add_voortgang(session, ria, update(afspraak_id=eigen))
        others = session.scalar(select(Voortgang.id).where(  # on an afspraak Ria's party takes part in, by Thuisbaak
            Voortgang.afspraak_id == ids(demo_db)["adviseur"], Voortgang.auteur_id != ria.partij_id))
        gemeente = session.scalar(select(Voortgang.id).where(Voortgang.afspraak_id == ids(demo_db)["ander"]))
    with demo_db.session() as session:
        afspraken.edit_voortgang(session, ria, own, update(status="aandacht", toelichting="Minder huurders dan gehoopt."))
    before = counts(demo_db)
    assert others and gemeente
    for crafted in (others, gemeente, 99999):  # ids another party wrote, or none at all, sent in a crafted request
        with pytest.raises(access.NotAllowed), demo_db.session() as session:
            afspraken.edit_voortgang(session, ria, crafted, update(toelichting="Overschreven door een ander."))
    with demo_db.make_session() as session:
        assert session.get(Voortgang, own).toelichting == "Minder huurders dan gehoopt."
        assert "Overschreven" not in " ".join(session.scalars(select(Voortgang.toelichting)))
    assert counts(demo_db) == before


def test_a_redacteur_without_a_party_scope_still_writes_on_every_afspraak(demo_db):
    redacteur = access.Visitor("redactie", "redacteur")
    with demo_db.session() as session:
        afspraken.add_voortgang(session, redacteur, update(afspraak_id=ids(demo_db)["ander"], auteur=HV))


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (200, 120), (90, 160, 90)).save(out, format="JPEG")
    return out.getvalue()


def verhaal(afspraak_ids: list[int], **changes) -> verhalen.VerhaalInvoer:
    return verhalen.VerhaalInvoer(**{"titel": "Koffie voor het bod", "tekst": "Zestig huurders praatten mee.",
                                     "verteller_rol": "huurder", "datum": date(2025, 5, 1), "afspraken": afspraak_ids,
                                     **changes})


def photo() -> verhalen.MediaInvoer:
    return verhalen.MediaInvoer(soort="foto", data=jpeg(), alt_tekst="Huurders aan een lange tafel.",
                                register=toestemming.Register(geen_herkenbare_personen=True))


def test_a_partner_tells_a_verhaal_with_a_photo_on_its_own_afspraak(demo_db, ria, tmp_path):
    with demo_db.session() as session:
        new = verhalen.add_verhaal(session, ria, verhaal([ids(demo_db)["eigen"]]), [photo()], tmp_path, 10_000_000)
    with demo_db.make_session() as session:
        shown = verhalen.detail(session, new)
        row = session.get(Verhaal, new)
    assert (shown.partij, row.gebruiker_id) == (HV, ria.gebruiker_id) and shown.media[0].soort == "foto"


def test_a_partner_verhaal_on_another_partys_afspraak_is_refused_whole(demo_db, ria, tmp_path):
    before = counts(demo_db)
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        verhalen.add_verhaal(session, ria, verhaal([ids(demo_db)["eigen"], ids(demo_db)["ander"]]), [photo()], tmp_path / "m",
                           10_000_000)
    with pytest.raises(afspraken.Invalid) as invalid, demo_db.session() as session:
        verhalen.add_verhaal(session, ria, verhaal([]), [], tmp_path / "m", 10_000_000)
    assert list(invalid.value.problems) == ["afspraken"]
    assert counts(demo_db) == before and not (tmp_path / "m").exists()


def test_a_partner_changes_and_adds_media_only_to_its_own_partys_verhalen(demo_db, ria, tmp_path):
    with demo_db.session() as session:
        own = verhalen.add_verhaal(session, ria, verhaal([ids(demo_db)["eigen"]]), [], tmp_path, 10_000_000)
        someone_elses = session.scalar(select(Verhaal.id).where(Verhaal.id != own))
    with demo_db.session() as session:
        verhalen.save_verhaal(session, ria, verhaal([ids(demo_db)["eigen"]], titel="Koffie en koek voor het bod"), own)
        verhalen.add_media(session, ria, own, photo(), tmp_path, 10_000_000)
    before = counts(demo_db)
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        verhalen.save_verhaal(session, ria, verhaal([ids(demo_db)["eigen"]], titel="Gekaapt"), someone_elses)
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        verhalen.add_media(session, ria, someone_elses, photo(), tmp_path, 10_000_000)
    assert counts(demo_db) == before
    with demo_db.make_session() as session:
        assert session.get(Verhaal, own).titel == "Koffie en koek voor het bod"
        assert session.get(Verhaal, someone_elses).titel != "Gekaapt"


def test_a_partner_cannot_touch_afspraken_imports_shares_or_accounts(ria):
    for action in ("afspraak_bewerken", "importeren", "import_ongedaan_maken", "catalogus_bewerken", "delen_beheren",
                   "gebruikers_beheren"):
        with pytest.raises(access.NotAllowed):
            access.require(ria, action)
