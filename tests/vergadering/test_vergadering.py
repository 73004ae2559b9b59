"""The stuurgroep's agenda and besluiten by consent, on a small town of its own (SQLite and PostgreSQL)."""
from datetime import date

import pytest
from sqlalchemy import func, select

from dashboard import afspraken
from dashboard.afspraken import Invalid
from dashboard.ingest import import_file
from dashboard.models import AuditLog, Afspraak
from dashboard.toegang import access
from dashboard.vergadering import agenda, besluiten

REDACTEUR = access.Visitor(name="redactie", role="redacteur")
GEM, CORP, HUUR, ZORG = "Gemeente Proefstad", "Corporatie Proefhuis", "Huurders Proefstad", "Zorg Proefstad"


def town(db) -> dict[str, int]:
    """Five afspraken whose latest voortgang says: op koers, aandacht, achter, aandacht with a dilemma,
    and achter after an earlier dilemma (only the latest update counts)."""
    import_file(db, f"naam;soort\n{GEM};gemeente\n{CORP};corporatie\n{HUUR};huurdersorganisatie\n{ZORG};zorg\n".encode(),
                filename="partijen.csv", kind="partijen", user="test")
    ids = {}
    with db.session() as session:
        opgave = afspraken.save_opgave(session, REDACTEUR, afspraken.OpgaveInvoer(naam="Samen wonen"))
        updates = {"1.1": [("op_koers", False)], "1.2": [("aandacht", False)], "1.3": [("achter", False)],
                   "1.4": [("aandacht", True)], "1.5": [("achter", True), ("achter", False)]}
        for nummer, statuses in updates.items():
            ids[nummer] = afspraken.save_afspraak(session, REDACTEUR, afspraken.AfspraakInvoer(
                nummer=nummer, titel=f"Afspraak {nummer}", opgave_id=opgave, van_jaar=2024, tot_jaar=2027, trekker=CORP,
                partners=[(ZORG, "partner", "")] if nummer == "1.3" else []))
            for day, (status, dilemma) in enumerate(statuses, start=1):
                afspraken.add_voortgang(session, REDACTEUR, afspraken.VoortgangInvoer(
                    afspraak_id=ids[nummer], status=status, toelichting="Wat er speelt.", dilemma=dilemma,
                    datum=date(2025, 10, day)))
    return ids


def vergadering_with(db, ids, nummer: str) -> int:
    with db.session() as session:
        vergadering = agenda.create_vergadering(session, REDACTEUR, agenda.VergaderingInvoer(date(2025, 11, 20), "Stuurgroep"),
                                            [agenda.PuntInvoer(afspraak_id=ids[nummer], vraag="Kies.")])
        return agenda.detail(session, vergadering).punten[0].id


def positions(bezwaar: dict | None = None, zonder: str | None = None, extra: tuple[str, ...] = ()) -> list[besluiten.Positie]:
    """Consent from everyone at the table, except the objection given."""
    bezwaar = bezwaar or {}
    return [besluiten.Positie(partij=naam, bezwaar=naam == bezwaar.get("partij"), reden=bezwaar.get("reden", ""),
                              verwerking=bezwaar.get("verwerking", ""), verwerking_tekst=bezwaar.get("tekst", ""))
            for naam in (GEM, CORP, HUUR, *extra) if naam != zonder]


def decide(db, punt: int, posities, besluit_id: int | None = None, **change) -> int:
    with db.session() as session:
        return besluiten.record(session, REDACTEUR, besluiten.BesluitInvoer(
            agendapunt_id=punt, voorstel="Eén jaar langer, met steun in de grondprijs.", posities=posities,
            datum=date(2025, 11, 20), evaluatie=date(2026, 6, 1), **change), besluit_id)


def tot_jaar(db, afspraak_id: int) -> int:
    with db.make_session() as session:
        return session.get(Afspraak, afspraak_id).tot_jaar


def test_default_agenda_is_what_needs_the_board_dilemmas_first(db):
    ids = town(db)
    with db.make_session() as session:
        voorstel = agenda.default_items(session)
    nummers = {v: k for k, v in ids.items()}
    # dilemma; then achter, the newest update first (1.5's earlier dilemma no longer counts); then aandacht
    assert [nummers[p.afspraak_id] for p in voorstel] == ["1.4", "1.5", "1.3", "1.2"]
    assert voorstel[0].vraag == agenda.DEFAULT_VRAGEN["dilemma"] and voorstel[1].vraag == agenda.DEFAULT_VRAGEN["achter"]


def test_a_new_vergadering_gets_the_default_agenda_in_that_order(db):
    town(db)
    with db.session() as session:
        vergadering = agenda.create_vergadering(session, REDACTEUR, agenda.VergaderingInvoer(date(2026, 3, 12), "Voorjaar"))
    with db.make_session() as session:
        punten = agenda.detail(session, vergadering).punten
        assert [p.nummer for p in punten] == ["1.4", "1.5", "1.3", "1.2"]
        assert agenda.list_vergaderingen(session)[0].punten == 4


def test_items_move_and_an_item_with_a_besluit_stays(db):
    town(db)
    with db.session() as session:
        vergadering = agenda.create_vergadering(session, REDACTEUR, agenda.VergaderingInvoer(date(2026, 3, 12), "Voorjaar"))
        punten = agenda.detail(session, vergadering).punten
        agenda.move_item(session, REDACTEUR, punten[2].id, -1)
        agenda.move_item(session, REDACTEUR, punten[0].id, -1)  # the first stays first
    with db.make_session() as session:
        assert [p.nummer for p in agenda.detail(session, vergadering).punten] == ["1.4", "1.3", "1.5", "1.2"]
    decide(db, punten[0].id, positions())
    with pytest.raises(Invalid, match="al besloten"), db.session() as session:
        agenda.remove_item(session, REDACTEUR, punten[0].id)


def test_a_standing_objection_keeps_the_besluit_aangehouden_and_the_afspraak_unchanged(db):
    ids = town(db)
    punt = vergadering_with(db, ids, "1.1")
    bezwaar = {"partij": HUUR, "reden": "Huurders wachten dan langer."}
    with pytest.raises(Invalid) as missing_step:
        decide(db, punt, positions(bezwaar), wijziging="tot_jaar", nieuwe_waarde="2028")
    assert set(missing_step.value.problems) == {"vervolgstap"}
    besluit_id = decide(db, punt, positions(bezwaar), vervolgstap="Terug in maart.", wijziging="tot_jaar", nieuwe_waarde="2028")
    with db.make_session() as session:
        [besluit] = besluiten.list_besluiten(session)
        assert besluiten.history(session, ids["1.1"]) == []
    assert besluit.id == besluit_id and besluit.uitkomst == "aangehouden"
    assert besluit.bezwaren == [besluiten.BezwaarInfo(partij=HUUR, reden="Huurders wachten dan langer.", verwerking=None)]
    assert tot_jaar(db, ids["1.1"]) == 2027


def test_an_aangenomen_change_updates_the_afspraak_once_with_its_history(db):
    ids = town(db)
    punt = vergadering_with(db, ids, "1.1")
    bezwaar = {"partij": HUUR, "reden": "Huurders wachten dan langer.", "verwerking": "voorstel_aangepast",
               "tekst": "De grondprijs gaat omlaag."}
    besluit_id = decide(db, punt, positions(bezwaar), wijziging="tot_jaar", nieuwe_waarde="2028")
    assert tot_jaar(db, ids["1.1"]) == 2028
    with pytest.raises(Invalid, match="al aangenomen"):
        decide(db, punt, positions(), besluit_id, wijziging="tot_jaar", nieuwe_waarde="2030")
    assert tot_jaar(db, ids["1.1"]) == 2028
    with db.make_session() as session:
        [besluit] = besluiten.list_besluiten(session, afspraak_id=ids["1.1"])
        history = besluiten.history(session, ids["1.1"])
        applied = session.scalar(select(func.count(AuditLog.id)).where(AuditLog.actie == "afspraak_gewijzigd_door_besluit"))
    assert besluit.uitkomst == "aangenomen"
    assert besluit.bezwaren[0].verwerking == "Voorstel aangepast: De grondprijs gaat omlaag."
    assert [h.wijziging for h in history] == ["eindjaar van 2027 naar 2028"] and history[0].besluit == besluit_id
    assert applied == 1


def test_an_aangehouden_besluit_taken_up_again_applies_its_change_once(db):
    ids = town(db)
    punt = vergadering_with(db, ids, "1.1")
    bezwaar = {"partij": GEM, "reden": "Eerst de begroting."}
    besluit_id = decide(db, punt, positions(bezwaar), vervolgstap="Na de begroting.", wijziging="streefwaarde",
                        nieuwe_waarde="7,5")
    with db.make_session() as session:
        assert session.get(Afspraak, ids["1.1"]).streefwaarde is None
    decide(db, punt, positions({**bezwaar, "verwerking": "ingetrokken", "tekst": "De begroting is rond."}), besluit_id,
           wijziging="streefwaarde", nieuwe_waarde="7,5")
    with db.make_session() as session:
        assert session.get(Afspraak, ids["1.1"]).streefwaarde == 7.5
        assert [h.wijziging for h in besluiten.history(session, ids["1.1"])] == ["streefwaarde van geen naar 7,5"]
        assert len(besluiten.list_besluiten(session)) == 1


def test_a_new_trekker_takes_over_and_the_old_one_stays_as_partner(db):
    ids = town(db)
    punt = vergadering_with(db, ids, "1.3")
    decide(db, punt, positions(extra=(ZORG,)), wijziging="trekker", nieuwe_waarde=ZORG)
    with db.make_session() as session:
        rollen = dict(zip(*afspraken.detail(session, ids["1.3"]).partijen[["partij", "rol"]].to_dict("list").values()))
    assert rollen == {ZORG: "trekker", CORP: "partner"}


def test_consent_needs_every_party_at_the_table_and_a_reason_for_an_objection(db):
    ids = town(db)
    punt = vergadering_with(db, ids, "1.3")  # the zorg partner of 1.3 is at the table too
    with pytest.raises(Invalid) as invalid:
        decide(db, punt, positions({"partij": CORP, "reden": ""}))
    assert "Zorg Proefstad" in invalid.value.problems["posities"] and f"reden:{CORP}" in invalid.value.problems
    with pytest.raises(Invalid) as handled_without_text:
        decide(db, punt, positions({"partij": CORP, "reden": "Te duur.", "verwerking": "ingetrokken"}, extra=(ZORG,)))
    assert f"verwerking:{CORP}" in handled_without_text.value.problems
    with pytest.raises(Invalid) as bad_year:
        decide(db, punt, positions(extra=(ZORG,)), wijziging="tot_jaar", nieuwe_waarde="twintig")
    assert set(bad_year.value.problems) == {"nieuwe_waarde"}
    with db.make_session() as session:
        assert besluiten.list_besluiten(session) == []


def test_a_lezer_can_neither_plan_nor_decide(db):
    ids = town(db)
    punt = vergadering_with(db, ids, "1.1")
    lezer = access.Visitor(name="raadslid", role="lezer")
    with pytest.raises(access.NotAllowed), db.session() as session:
        agenda.create_vergadering(session, lezer, agenda.VergaderingInvoer(date(2026, 1, 1), "Mag niet"))
    with pytest.raises(access.NotAllowed), db.session() as session:
        besluiten.record(session, lezer, besluiten.BesluitInvoer(punt, "Voorstel", positions(), date(2026, 1, 1)))


def test_a_vergadering_without_date_or_title_says_which(db):
    with pytest.raises(Invalid) as invalid, db.session() as session:
        agenda.create_vergadering(session, REDACTEUR, agenda.VergaderingInvoer(None, "  "), [])
    assert set(invalid.value.problems) == {"datum", "titel"}


def test_the_default_vergadering_is_the_next_one_else_the_latest(db):
    with db.session() as session:
        old = agenda.create_vergadering(session, REDACTEUR, agenda.VergaderingInvoer(date(2025, 1, 1), "Oud"), [])
        assert agenda.default_vergadering(session, date(2026, 1, 1)) == old
        new = agenda.create_vergadering(session, REDACTEUR, agenda.VergaderingInvoer(date(2026, 2, 1), "Nieuw"), [])
        assert agenda.default_vergadering(session, date(2026, 1, 1)) == new


def test_migration_0007_matches_the_models(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from dashboard.models import Base

    ours = {"vergaderingen", "agendapunten", "besluiten", "besluit_posities"}
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)

    def table(diff):
        item = diff[0] if isinstance(diff, list) else diff
        obj = item[1] if len(item) > 1 else None
        return getattr(obj, "name", None) if hasattr(obj, "columns") else getattr(getattr(obj, "table", None), "name",
                                                                                  item[2] if len(item) > 2 else None)

    assert [d for d in differences if table(d) in ours] == []


def test_a_new_end_year_moves_the_looptijd_the_title_and_ambitie_name(db):
    """2.1 said 'in vier jaar' after the stuurgroep gave it a fifth: the besluit now moves the words too."""
    ids = town(db)
    with db.session() as session:
        afspraak = session.get(Afspraak, ids["1.1"])
        afspraak.titel, afspraak.ambitie = "450 woningen erbij in vier jaar", "Er komen in 2024-2027 samen 450 bij."
    decide(db, vergadering_with(db, ids, "1.1"), positions(), wijziging="tot_jaar", nieuwe_waarde="2028")
    with db.make_session() as session:
        info = afspraken.detail(session, ids["1.1"])
        details = session.scalar(select(AuditLog.details).where(AuditLog.actie == "afspraak_gewijzigd_door_besluit"))
    assert (info.titel, info.ambitie) == ("450 woningen erbij in vijf jaar", "Er komen in 2024-2028 samen 450 bij.")
    assert afspraken.titel_en_looptijd(info.titel, info.van_jaar, info.tot_jaar, info.ambitie) is None
    assert "450 woningen erbij in vier jaar -> 450 woningen erbij in vijf jaar" in details
