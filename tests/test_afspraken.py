"""Afspraken: derived progress from the linked indicator, the lists the pages show, and guarded writes."""
import pandas as pd
import pytest
from sqlalchemy import func, select

from dashboard import afspraken
from dashboard.models import AuditLog, Voortgang
from dashboard.toegang import access

BEHEERDER = access.Visitor("redactie", "redacteur")
LEZER = access.Visitor("raadslid", "lezer")


def trend(values: dict[int, float], targets: dict[int, float] | None = None) -> pd.DataFrame:
    targets = targets or {}
    return pd.DataFrame({"jaar": list(values), "label": [str(j) for j in values], "waarde": list(values.values()),
                         "streefwaarde": [targets.get(j) for j in values], "deels": [None] * len(values)})


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
    with demo_db.make_session() as session:
        nieuwbouw = afspraken.overview(session).set_index("nummer").loc["2.1"]
        info = afspraken.detail(session, int(nieuwbouw["id"]))
        data = afspraken.indicator_trend(session, info)
    assert info.status == "achter"  # what the parties reported
    afgeleid = afspraken.derived_status(data, info.indicator.richting, info.van_jaar, info.tot_jaar)
    assert afgeleid is not None and afgeleid.status in afspraken.STATUS_LABELS
    assert set(data.columns) >= {"jaar", "waarde", "streefwaarde"}


def test_veld_lens_regroups_the_same_afspraken(demo_db):
    with demo_db.make_session() as session:
        per_opgave = afspraken.overview(session)
        per_veld = afspraken.overview(session, lens="veld")
    assert set(per_veld["id"]) == set(per_opgave["id"])
    assert set(per_veld["groep"]) <= set(afspraken.VELD_LABELS.values())
    counts = afspraken.status_counts(per_opgave)
    assert counts.to_numpy().sum() == len(per_opgave)


def test_filters_on_status_partij_and_jaar(demo_db):
    with demo_db.make_session() as session:
        achter = afspraken.overview(session, status="achter")
        politie = afspraken.overview(session, partij="Politie basisteam Denkbeeldstad")
        in_2030 = afspraken.overview(session, jaar=2030)
    assert not achter.empty and set(achter["status"]) == {"achter"}
    assert not politie.empty and all("Politie basisteam Denkbeeldstad" in p for p in politie["partijen"])
    assert in_2030.empty


def test_board_attention_puts_dilemmas_first(demo_db):
    with demo_db.make_session() as session:
        rows = afspraken.attention(session)
    assert rows["dilemma"].tolist()[:2] == [True, True]
    assert set(rows["status"]) <= {"achter", "aandacht"}


def test_a_lezer_cannot_add_voortgang_and_nothing_is_written(demo_db):
    with demo_db.make_session() as session:
        before = session.scalar(select(func.count(Voortgang.id)))
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        afspraken.add_voortgang(session, LEZER, afspraken.VoortgangInvoer(afspraak_id=1, status="op_koers"))
    with demo_db.make_session() as session:
        assert session.scalar(select(func.count(Voortgang.id))) == before


def test_achter_needs_an_explanation_and_a_saved_update_is_audited(demo_db):
    with pytest.raises(afspraken.Invalid) as invalid, demo_db.session() as session:
        afspraken.add_voortgang(session, BEHEERDER, afspraken.VoortgangInvoer(afspraak_id=1, status="achter"))
    assert list(invalid.value.problems) == ["toelichting"]
    with demo_db.session() as session:
        afspraken.add_voortgang(session, BEHEERDER, afspraken.VoortgangInvoer(
            afspraak_id=1, status="achter", toelichting="Twee ontruimingen in één maand.", dilemma=True))
    with demo_db.make_session() as session:
        laatste = session.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert afspraken.detail(session, 1).status == "achter"
    assert (laatste.gebruiker, laatste.actie, laatste.object) == ("redactie", "voortgang_toegevoegd", "afspraak 1")


def test_save_afspraak_reports_every_wrong_field(demo_db):
    with pytest.raises(afspraken.Invalid) as invalid, demo_db.session() as session:
        afspraken.save_afspraak(session, BEHEERDER, afspraken.AfspraakInvoer(
            nummer="1.1", titel=" ", opgave_id=999, van_jaar=2027, tot_jaar=2024, trekker="Niemand"))
    assert set(invalid.value.problems) == {"nummer", "titel", "opgave", "looptijd", "trekker"}
    assert "bestaat al" in invalid.value.problems["nummer"]


def looptijd_info(aggregatie="som", streefwaarde=450.0, richting="hoger", streef_soort=None):
    if streefwaarde is not None and streef_soort is None:
        streef_soort = "totaal" if aggregatie == "som" else "eind"
    return afspraken.AfspraakInfo(
        id=1, nummer="2.1", titel="Nieuwbouw", ambitie="", soort="resultaat", van_jaar=2024, tot_jaar=2027,
        opgave_id=1, opgave="Beschikbaarheid", velden=["beschikbaarheid"],
        indicator=afspraken.AfspraakIndicator(sleutel="nieuwbouw_sociaal", naam="Nieuwbouw sociale huur",
                                              eenheid="woningen", richting=richting, aggregatie=aggregatie),
        gebied=None, streefwaarde=streefwaarde, streef_soort=streef_soort, partijen=pd.DataFrame(), partij_ids=frozenset(),
        activiteiten=pd.DataFrame(), voortgang=pd.DataFrame(), status="niet_gestart")


def test_a_target_over_the_looptijd_counts_the_years_up_beside_the_time_passed():
    traject = afspraken.traject(looptijd_info(), trend({2023: 99, 2024: 165, 2025: 137}))
    assert (traject.soort, traject.stand, traject.doel, traject.geteld, traject.jaren) == ("opgeteld", 302, 450, 2, 4)
    assert traject.aandeel == pytest.approx(302 / 450) and traject.aandeel_tijd == 0.5
    assert traject.verwacht == 225 and traject.eenheid == "woningen"


@pytest.mark.parametrize("jaren, verwacht", [
    ({2024: 165, 2025: 137}, "op_koers"),   # 302 where an even pace gives 225
    ({2024: 100, 2025: 110}, "aandacht"),   # 210: within 10% of 225
    ({2024: 60, 2025: 70}, "achter"),       # 130, although 2025 alone met its own target of 60
])
def test_the_derived_status_follows_the_pace_over_the_looptijd(jaren, verwacht):
    data = trend(jaren, {2024: 60, 2025: 60})
    traject = afspraken.traject(looptijd_info(), data)
    afgeleid = afspraken.derived_status(data, "hoger", 2024, 2027, traject=traject)
    assert (afgeleid.status, afgeleid.over_looptijd, afgeleid.waarde) == (verwacht, True, sum(jaren.values()))
    assert afgeleid.streefwaarde == 225


def test_a_missing_year_keeps_the_total_from_judging_and_the_year_decides():
    data = trend({2023: 99, 2025: 137}, {2025: 120})
    traject = afspraken.traject(looptijd_info(), data)
    assert traject.ontbrekend == (2024,) and traject.stand == 137
    afgeleid = afspraken.derived_status(data, "hoger", 2024, 2027, traject=traject)
    assert (afgeleid.status, afgeleid.over_looptijd) == ("op_koers", False)


def test_a_stock_goes_its_way_from_the_year_before_the_looptijd_to_the_end_value():
    traject = afspraken.traject(looptijd_info("laatste", 0.0, "lager"), trend({2023: 1000, 2024: 800, 2025: 560}))
    assert (traject.soort, traject.begin, traject.stand) == ("stand", 1000, 560)
    assert traject.aandeel == pytest.approx(0.44) and traject.verwacht == 500
    assert afspraken.traject(looptijd_info("laatste", 0.0), trend({2024: 800})) is None  # no starting point
    assert afspraken.traject(looptijd_info(streefwaarde=None), trend({2024: 800})) is None


def test_demo_afspraak_450_homes_shows_302_of_450_after_two_of_its_five_years(demo_db):
    # 2024-2027, extended to 2028 by the stuurgroep's besluit in the demo
    with demo_db.make_session() as session:
        nieuwbouw = int(afspraken.overview(session).set_index("nummer").loc["2.1", "id"])
        cijfer = afspraken.figures(session, nieuwbouw)
        traject, afgeleid = cijfer.traject, cijfer.afgeleid
        alle = afspraken.trajecten(session)
        zonder_eigen_doel = int(afspraken.overview(session).set_index("nummer").loc["1.2", "id"])
    assert (traject.stand, traject.doel, round(traject.aandeel, 2), traject.aandeel_tijd) == (302, 450, 0.67, 0.4)
    assert afgeleid.over_looptijd and afgeleid.status == "op_koers"
    assert nieuwbouw in alle and zonder_eigen_doel not in alle
    # the key figure, its sentence and the chart say the same: the total since 2024 against an even pace
    assert cijfer.kop == "302 van 450 woningen"
    assert cijfer.grondslag.startswith("Nieuwbouw sociale huur: 302 van 450 woningen sinds 2024")
    assert cijfer.reeks_titel == "Nieuwbouw sociale huur, opgeteld sinds 2024"
    assert cijfer.reeks[["label", "waarde", "streefwaarde"]].head(2).values.tolist() == [["2024", 165, 90], ["2025", 302, 180]]


def test_a_target_for_every_year_is_labelled_per_year_and_judged_on_the_last_year():
    info = looptijd_info(streefwaarde=120.0, streef_soort="per_jaar")
    cijfer = afspraken.cijfer(info, trend({2023: 99, 2024: 165, 2025: 100}, {2025: 150}))
    assert cijfer.grondslag == "Nieuwbouw sociale huur: 100 woningen in 2025, streefwaarde 120 woningen per jaar."
    assert (cijfer.kop, cijfer.afgeleid.status, cijfer.traject) == ("100 woningen", "achter", None)
    # the chart holds every year of the looptijd against the afspraak's 120, not the catalogue's 150
    assert cijfer.reeks.set_index("label")["streefwaarde"].to_dict() == pytest.approx(
        {"2023": float("nan"), "2024": 120, "2025": 120}, nan_ok=True)
    assert cijfer.reeks_titel == "Nieuwbouw sociale huur per jaar"


def test_a_year_not_yet_complete_is_marked_in_the_total_and_ends_the_line():
    data = trend({2024: 165, 2025: 137, 2026: 40})
    data.loc[data["jaar"] == 2026, "deels"] = "1 van 3 corporaties geleverd"
    cijfer = afspraken.cijfer(looptijd_info(), data)
    reeks = cijfer.reeks.set_index("label")
    assert reeks.loc["2026", "waarde"] == 342 and reeks.loc["2026", "deels"] == "1 van 3 corporaties geleverd"
    assert pd.isna(reeks.loc["2027", "waarde"]) and cijfer.kop == "302 van 450 woningen"


@pytest.mark.parametrize("indicator, soort, probleem", [
    ("nieuwbouw_sociaal", "eind", "telt per jaar"),
    ("label_efg", "totaal", "telt niet op"),
    ("nieuwbouw_sociaal", "ooit", "Kies of de streefwaarde"),
])
def test_a_target_kind_that_does_not_fit_the_indicator_is_refused(demo_db, indicator, soort, probleem):
    with pytest.raises(afspraken.Invalid) as invalid, demo_db.session() as session:
        afspraken.save_afspraak(session, BEHEERDER, afspraken.AfspraakInvoer(
            nummer="9.1", titel="Proef", opgave_id=1, van_jaar=2025, tot_jaar=2027, trekker="Gemeente Denkbeeldstad",
            indicator=indicator, streefwaarde=100.0, streef_soort=soort))
    assert probleem in invalid.value.problems["streef_soort"]


def test_a_target_is_stored_with_its_kind(demo_db):
    with demo_db.session() as session:
        afspraak_id = afspraken.save_afspraak(session, BEHEERDER, afspraken.AfspraakInvoer(
            nummer="9.1", titel="Proef", opgave_id=1, van_jaar=2025, tot_jaar=2027, trekker="Gemeente Denkbeeldstad",
            indicator="nieuwbouw_sociaal", streefwaarde=120.0, streef_soort="per_jaar"))
    with demo_db.make_session() as session:
        assert afspraken.detail(session, afspraak_id).streef_soort == "per_jaar"
        assert afspraken.figures(session, afspraak_id).afgeleid.per_jaar


@pytest.mark.parametrize("titel, van, tot, note", [
    ("450 sociale huurwoningen erbij in vier jaar", 2024, 2028,
     "De titel noemt 'in vier jaar', maar de looptijd is nu 2024–2028 (5 jaar). Pas de titel aan."),
    ("450 sociale huurwoningen erbij in vier jaar", 2024, 2027, None),
    ("Isoleren in 3 jaar", 2025, 2028, "De titel noemt 'in 3 jaar', maar de looptijd is nu 2025–2028 (4 jaar). Pas de titel aan."),
    ("Wijkaanpak 2024-2027", 2024, 2028, "De titel noemt '2024-2027', maar de looptijd is nu 2024–2028 (5 jaar). Pas de titel aan."),
    ("Wijkaanpak 2024–2028", 2024, 2028, None),
    ("Energielabels E-G weg tot en met 2028", 2025, 2030,
     "De titel noemt 'tot en met 2028', maar de looptijd is nu 2025–2030 (6 jaar). Pas de titel aan."),
    ("Geen slechte woningen meer vanaf 2026", 2026, 2030, None),  # a moment, not a looptijd
])
def test_a_title_that_names_another_looptijd_is_flagged(titel, van, tot, note):
    assert afspraken.titel_en_looptijd(titel, van, tot) == note


def test_the_ambitie_is_checked_as_well():
    note = afspraken.titel_en_looptijd("Nieuwbouw", 2024, 2028, ambitie="Er komen in 2024-2027 samen 450 woningen bij.")
    assert note == "De ambitie noemt '2024-2027', maar de looptijd is nu 2024–2028 (5 jaar). Pas de ambitie aan."


@pytest.mark.parametrize("tekst, nu", [
    ("450 sociale huurwoningen erbij in vier jaar", "450 sociale huurwoningen erbij in vijf jaar"),
    ("Er komen in 2024-2027 samen 450 bij", "Er komen in 2024-2028 samen 450 bij"),
    ("Label E-G weg t/m 2027", "Label E-G weg t/m 2028"),
    ("Isoleren in 4 jaar", "Isoleren in 5 jaar"),
    ("Twee teams in drie jaar", "Twee teams in drie jaar"),  # another looptijd: left as it is
    ("Geen slechte woningen meer vanaf 2026", "Geen slechte woningen meer vanaf 2026"),
])
def test_a_new_end_year_moves_the_looptijd_a_text_names(tekst, nu):
    assert afspraken.met_looptijd(tekst, 2024, 2027, 2028) == nu


def test_a_voorlopig_year_is_said_in_the_sentence_and_marks_the_total_built_on_it():
    """CBS may still revise 2025: the sentence says "2025 (voorlopig)", the chart "2025*" from then on."""
    data = trend({2024: 165, 2025: 137}).assign(voorlopig=[False, True])
    per_jaar = afspraken.cijfer(looptijd_info(streefwaarde=120.0, streef_soort="per_jaar"), data)
    assert per_jaar.grondslag == ("Nieuwbouw sociale huur: 137 woningen in 2025 (voorlopig), streefwaarde "
                                  "120 woningen per jaar.")
    totaal = afspraken.cijfer(looptijd_info(), data)
    assert totaal.reeks["label"].head(2).tolist() == ["2024", "2025*"]
    assert "(2024–2025 opgeteld, voorlopig)" in totaal.grondslag
