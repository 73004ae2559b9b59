"""The presentatie page under AppTest: the deck per role and per share link, navigation and its counter,
a meeting that does not exist, the agenda editor, and the besluiten on the afspraak page and the Kompas."""
from pathlib import Path

import pytest
import reader
from streamlit.testing.v1 import AppTest

from dashboard import afspraken
from dashboard.toegang import share_links
from dashboard.ui import presentatie
from dashboard.vergadering import agenda, besluiten

PAGE = "pages/presentatie.py"
ROOT = Path(__file__).resolve().parents[2]


def ids(database) -> dict[str, int]:
    with database.make_session() as session:
        return {m.titel: m.id for m in agenda.list_vergaderingen(session)}


def counter(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("Dia "))


def open_deck(at, vergadering: int, **params) -> AppTest:
    at.query_params.update({"vergadering": str(vergadering), **params})
    return at.switch_page(PAGE).run()


def test_lezer_sees_the_vergaderingen_and_no_editor(app_as):
    at = app_as("lezer").switch_page(PAGE).run()
    assert not at.exception and [t.value for t in at.title] == ["Presentatie"]
    shown = " ".join(m.value for m in at.markdown)
    assert "Stuurgroep najaar 2025" in shown and "Stuurgroep Denkbeeldstad" in shown
    assert not at.get("form")


@pytest.mark.parametrize("role", ["redacteur", "beheerder"])
def test_redacteur_and_beheerder_prepare_a_vergadering_with_the_default_agenda(app_as, database, role):
    at = app_as(role).switch_page(PAGE).run()
    assert not at.exception and at.get("form")
    at.text_input(key="nieuwe_vergadering_titel").input("Extra stuurgroep")
    at.button(key="FormSubmitter:nieuwe_vergadering-Vergadering aanmaken").click().run()
    assert not at.exception
    assert any("De vergadering staat klaar" in s.value for s in at.toast)
    with database.make_session() as session:
        made = agenda.detail(session, ids(database)["Extra stuurgroep"])
        default = [p.afspraak_id for p in agenda.default_items(session)]
    assert [p.afspraak_id for p in made.punten] == default


def test_the_deck_walks_forward_back_and_to_the_ends(app_as, database):
    at = open_deck(app_as("lezer"), ids(database)["Stuurgroep najaar 2025"])
    assert not at.exception
    total = int(counter(at).split()[-1])
    assert counter(at) == f"Dia 1 van {total}" and total >= 10
    at.button(key="dia_right").click().run()
    assert counter(at) == f"Dia 2 van {total}" and at.query_params["dia"] in ("2", ["2"])
    at.button(key="dia_pagedown").click().run()
    assert counter(at) == f"Dia 3 van {total}"
    at.button(key="dia_pageup").click().run()
    at.button(key="dia_left").click().run()
    assert counter(at) == f"Dia 1 van {total}"
    at.button(key="dia_end").click().run()
    assert counter(at) == f"Dia {total} van {total}" and at.button(key="dia_right").disabled
    at.button(key="dia_home").click().run()
    assert counter(at) == f"Dia 1 van {total}"
    assert not at.get("form") and not at.sidebar.get("selectbox")


def test_kiosk_mode_loops_and_shows_no_buttons(app_as, database):
    at = open_deck(app_as("lezer"), ids(database)["Stuurgroep Denkbeeldstad"], kiosk="1", sec="15")
    assert not at.exception and counter(at).startswith("Dia 1 van ")
    assert not [b for b in at.button if b.key and b.key.startswith("dia_")]
    assert presentatie.kiosk_next(0, 5, shown_at=100.0, now=116.0, seconds=15) == 1
    assert presentatie.kiosk_next(4, 5, shown_at=100.0, now=116.0, seconds=15) == 0  # after the last, the first
    assert presentatie.kiosk_next(2, 5, shown_at=100.0, now=105.0, seconds=15) == 2


def test_a_vergadering_that_does_not_exist_says_so_and_lists_the_vergaderingen(app_as):
    at = open_deck(app_as("lezer"), 999)
    assert not at.exception
    assert "Vergadering 999 bestaat niet" in at.warning[0].value
    assert any("Stuurgroep najaar 2025" in m.value for m in at.markdown)


def share_app(database, pages, **link) -> AppTest:
    _, token = share_links.create(database, "raad", door="test", pages=pages, **link)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["deel"] = token
    return at.run()


def test_a_share_link_with_presentatie_may_watch_the_deck(app_env, database):
    at = open_deck(share_app(database, ["kompas", "presentatie"]), ids(database)["Stuurgroep najaar 2025"])
    assert not at.exception and counter(at).startswith("Dia 1 van ")


def test_a_share_link_offers_no_draft_deck_of_a_coming_meeting_unless_it_allows_it(app_env, database):
    coming, past = ids(database)["Stuurgroep Denkbeeldstad"], ids(database)["Stuurgroep najaar 2025"]
    at = share_app(database, ["kompas", "presentatie"]).switch_page(PAGE).run()
    listed = " ".join(m.value for m in at.markdown)
    assert "Stuurgroep najaar 2025" in listed and "Stuurgroep Denkbeeldstad" not in listed
    at = open_deck(share_app(database, ["kompas", "presentatie"]), coming)
    assert not at.exception and not [m for m in at.markdown if m.value.startswith("Dia ")]
    assert counter(open_deck(share_app(database, ["kompas", "presentatie"]), past)).startswith("Dia 1 van ")
    allowed = open_deck(share_app(database, ["kompas", "presentatie"], komende_vergaderingen=True), coming)
    assert counter(allowed).startswith("Dia 1 van ")


def open_besluit_form(app_as, database):
    """A redacteur on the presentatie page opens the besluit form of last autumn's item 1.2."""
    past = ids(database)["Stuurgroep najaar 2025"]
    with database.make_session() as session:
        punt = next(p for p in agenda.detail(session, past).punten if p.nummer == "1.2")
    at = app_as("redacteur").switch_page(PAGE).run()
    at.selectbox(key="bewerk_vergadering").set_value(past).run()
    at.selectbox(key="besluit_punt").set_value(punt.id).run()
    return at, punt, f"besluit{punt.id}_nieuw"


def test_the_besluit_form_asks_objection_details_only_of_a_party_that_objects(app_as, database):
    at, _, form = open_besluit_form(app_as, database)
    reasons = lambda: [t.label for t in at.text_input if t.key.startswith(f"{form}_reden")]  # noqa: E731
    parties = [t.label for t in at.toggle if t.key.startswith(f"{form}_pos")]
    assert len(parties) >= 2 and reasons() == []
    at.toggle(key=f"{form}_pos1").set_value(True).run()
    assert reasons() == [f"Reden van het bezwaar van {parties[1].removesuffix(' maakt bezwaar')}"]
    at.text_area(key=f"{form}_voorstel").input("Iedereen stemt in.")
    at.toggle(key=f"{form}_pos1").set_value(False).run()
    at.button(key=f"{form}_vastleggen").click().run()
    assert not at.exception and any("aangenomen" in t.value for t in at.toast)


def test_a_share_link_without_presentatie_is_refused(app_env, database):
    at = share_app(database, ["kompas"])
    try:
        at.switch_page(PAGE).run()
    except ValueError:  # not in this visitor's navigation at all
        return
    assert not [m for m in at.markdown if m.value.startswith("Dia ")]
    assert "niet bij uw toegang" in at.error[0].value


def test_the_afspraak_shows_its_besluiten_and_what_they_changed(app_as, database):
    with database.make_session() as session:
        nieuwbouw = int(afspraken.overview(session).set_index("nummer").loc["2.1", "id"])
    at = app_as("lezer")
    at.query_params["afspraak"] = str(nieuwbouw)
    at.switch_page("pages/afspraken.py").run()
    assert not at.exception
    assert "Besluiten van de stuurgroep" in [s.value for s in at.subheader]
    besluit = " ".join(reader.text(m.value) for m in at.markdown if "Aangenomen" in m.value)
    assert "Bezwaar van Huurdersvereniging Samen Sterk" in besluit and "Wijziging: eindjaar van 2027 naar 2028" in besluit
    assert "eindjaar van 2027 naar 2028" in " ".join(c.value for c in at.caption)  # under 'Gewijzigd door besluiten'


def test_the_kompas_shows_the_latest_besluiten(app_as):
    at = app_as("lezer")
    assert not at.exception
    assert "Laatste besluiten van de stuurgroep" in [h.value for h in at.header]
    assert any("Aangehouden" in m.value for m in at.markdown) and any("Aangenomen" in m.value for m in at.markdown)


def test_redacteur_records_a_besluit_by_consent_on_the_page(app_as, database):
    at, punt, form = open_besluit_form(app_as, database)
    at.text_area(key=f"{form}_voorstel").input("De zorggroep schuift aan in Oosterveld.")
    at.toggle(key=f"{form}_pos0").set_value(True).run()
    at.button(key=f"{form}_vastleggen").click().run()
    assert not at.exception
    assert any("reden" in e.value for e in at.error) and any("volgende stap" in e.value for e in at.error)
    at.text_input(key=f"{form}_reden0").input("Eerst de financiering rond.")
    at.text_area(key=f"{form}_vervolgstap").input("Terug in maart.")
    at.button(key=f"{form}_vastleggen").click().run()
    assert any("aangehouden" in s.value for s in at.toast)
    with database.make_session() as session:
        [besluit] = besluiten.list_besluiten(session, afspraak_id=punt.afspraak_id)
    assert besluit.uitkomst == "aangehouden" and besluit.bezwaren[0].reden == "Eerst de financiering rond."
