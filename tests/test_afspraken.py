"""Afspraken: derived progress from the linked indicator, the lists the pages show, and guarded writes."""
import pandas as pd
import pytest
from sqlalchemy import func, select

from dashboard import access, afspraken
from dashboard.models import AuditLog, Voortgang

BEHEERDER = access.Visitor("redactie", "redacteur")
LEZER = access.Visitor("raadslid", "lezer")


def trend(values: dict[int, float], targets: dict[int, float] | None = None) -> pd.DataFrame:
    targets = targets or {}
    return pd.DataFrame({"jaar": list(values), "label": [str(j) for j in values], "waarde": list(values.values()),
                         "streefwaarde": [targets.get(j) for j in values]})


@pytest.mark.parametrize("waarde, richting, verwacht", [
    (125, "hoger", "op_koers"),   # above a "higher is better" target
    (112, "hoger", "aandacht"),   # 8 short of 120: within 10%
    (84, "hoger", "achter"),      # 36 short
    (2, "lager", "op_koers"),     # below a "lower is better" target of 3
    (20, "lager", "achter"),
])
def test_derived_status_compares_the_latest_value_with_that_years_target(waarde, richting, verwacht):
    data = trend({2023: 100, 2024: 110, 2025: waarde}, {2024: 120, 2025: 120 if richting == "hoger" else 3})
    afgeleid = afspraken.derived_status(data, richting, 2024, 2027)
    assert (afgeleid.status, afgeleid.jaar, afgeleid.waarde) == (verwacht, 2025, waarde)


def test_derived_status_without_catalogue_target_follows_a_straight_line_to_the_end_target():
    # 1000 homes in 2023, end target 600 in 2027: 900 is due in 2024, 800 in 2025
    data = trend({2023: 1000, 2024: 900, 2025: 850})
    afgeleid = afspraken.derived_status(data, "lager", 2024, 2027, eind_streefwaarde=600)
    assert afgeleid.streefwaarde == pytest.approx(800)
    assert afgeleid.status == "aandacht"


def test_derived_status_is_silent_when_the_figures_cannot_judge():
    assert afspraken.derived_status(trend({2025: 5}), "neutraal", 2024, 2027, 3) is None
    assert afspraken.derived_status(trend({2025: 5}), "hoger", 2024, 2027) is None
    assert afspraken.derived_status(None, "hoger", 2024, 2027) is None


def test_demo_afspraak_shows_reported_and_derived_status_side_by_side(demo_db):
    with demo_db.sessions() as session:
        nieuwbouw = afspraken.overview(session).set_index("nummer").loc["2.1"]
        info = afspraken.detail(session, int(nieuwbouw["id"]))
        data = afspraken.indicator_trend(session, info)
    assert info["status"] == "achter"  # what the parties reported
    afgeleid = afspraken.derived_status(data, info["indicator"]["richting"], info["van_jaar"], info["tot_jaar"])
    assert afgeleid is not None and afgeleid.status in afspraken.STATUS_LABELS
    assert set(data.columns) >= {"jaar", "waarde", "streefwaarde"}


def test_veld_lens_regroups_the_same_afspraken(demo_db):
    with demo_db.sessions() as session:
        per_opgave = afspraken.overview(session)
        per_veld = afspraken.overview(session, lens="veld")
    assert set(per_veld["id"]) == set(per_opgave["id"])
    assert set(per_veld["groep"]) <= set(afspraken.VELD_LABELS.values())
    counts = afspraken.status_counts(per_opgave)
    assert counts.to_numpy().sum() == len(per_opgave)


def test_filters_on_status_partij_and_jaar(demo_db):
    with demo_db.sessions() as session:
        achter = afspraken.overview(session, status="achter")
        politie = afspraken.overview(session, partij="Politie basisteam Denkbeeldstad")
        in_2030 = afspraken.overview(session, jaar=2030)
    assert not achter.empty and set(achter["status"]) == {"achter"}
    assert not politie.empty and all("Politie basisteam Denkbeeldstad" in p for p in politie["partijen"])
    assert in_2030.empty


def test_board_attention_puts_dilemmas_first(demo_db):
    with demo_db.sessions() as session:
        rows = afspraken.attention(session)
    assert rows["dilemma"].tolist()[:2] == [True, True]
    assert set(rows["status"]) <= {"achter", "aandacht"}


def test_a_lezer_cannot_add_voortgang_and_nothing_is_written(demo_db):
    with demo_db.sessions() as session:
        before = session.scalar(select(func.count(Voortgang.id)))
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        afspraken.add_voortgang(session, LEZER, afspraken.VoortgangInvoer(afspraak_id=1, status="op_koers"))
    with demo_db.sessions() as session:
        assert session.scalar(select(func.count(Voortgang.id))) == before


def test_achter_needs_an_explanation_and_a_saved_update_is_audited(demo_db):
    with pytest.raises(afspraken.Invalid) as invalid, demo_db.session() as session:
        afspraken.add_voortgang(session, BEHEERDER, afspraken.VoortgangInvoer(afspraak_id=1, status="achter"))
    assert list(invalid.value.problems) == ["toelichting"]
    with demo_db.session() as session:
        afspraken.add_voortgang(session, BEHEERDER, afspraken.VoortgangInvoer(
            afspraak_id=1, status="achter", toelichting="Twee ontruimingen in één maand.", dilemma=True))
    with demo_db.sessions() as session:
        laatste = session.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert afspraken.detail(session, 1)["status"] == "achter"
    assert (laatste.gebruiker, laatste.actie, laatste.object) == ("redactie", "voortgang_toegevoegd", "afspraak 1")


def test_save_afspraak_reports_every_wrong_field(demo_db):
    with pytest.raises(afspraken.Invalid) as invalid, demo_db.session() as session:
        afspraken.save_afspraak(session, BEHEERDER, afspraken.AfspraakInvoer(
            nummer="1.1", titel=" ", opgave_id=999, van_jaar=2027, tot_jaar=2024, trekker="Niemand"))
    assert set(invalid.value.problems) == {"nummer", "titel", "opgave", "looptijd", "trekker"}
    assert "bestaat al" in invalid.value.problems["nummer"]
