"""The consent register on the pages: the beheerder's overview in Beheer, the story form that asks who is
on a photo, the owner's notice on the Kompas and the register below the owner's own story."""
from __future__ import annotations

import io

from PIL import Image
from sqlalchemy import select

from dashboard.models import Gebruiker, Media, Toestemming, Verhaal

KEUKENTAFEL = "Op tijd aan de keukentafel"  # the demo's photo whose consent expires within 30 days


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (200, 120, 40)).save(out, format="PNG")
    return out.getvalue()



def test_the_overview_lists_the_demo_photo_whose_consent_expires_soon(app):
    at = app.switch_page("pages/beheer.py").run()
    assert not at.exception
    assert "Toestemmingen" in [h.value for h in at.subheader]
    groepen = [f.value for f in at.dataframe if "Getoond" in f.value.columns and "Staat" not in f.value.columns]
    assert [list(groep["Verhaal"]) for groep in groepen] == [[KEUKENTAFEL]]  # only "verloopt binnen 30 dagen" has items
    alle = next(f.value for f in at.dataframe if "Getoond" in f.value.columns and len(f.value) > 10)
    assert "Geen herkenbare personen" in set(alle["Staat"]) and "intern" in set(alle["Getoond"])


def test_the_story_form_asks_who_is_on_the_photo_in_dutch_and_records_a_guardian(app, database):
    at = app.switch_page("pages/verhalen.py").run()
    at.text_input(key="vh_titel").input("Kinderen planten bollen")
    at.text_area(key="vh_tekst").input("De kinderen van de Akkers plantten tulpen.")
    at.file_uploader(key="vh_foto_0").set_value(("bollen.png", png(), "image/png"))
    at.text_input(key="vh_alt").input("Kinderen met schepjes bij een plantenbak.")
    next(b for b in at.button if b.label == "Verhaal opslaan").click().run()
    assert not at.exception
    assert any("noem wie herkenbaar is en wie daarvoor toestemming gaf" in e.value for e in at.error)
    at.text_input(key="vh_persoon").input("meisje met de gieter")
    at.radio(key="vh_gegeven_door").set_value("ouder_voogd")
    next(b for b in at.button if b.label == "Verhaal opslaan").click().run()
    assert any("Noem de ouder of voogd" in e.value for e in at.error)
    at.text_input(key="vh_ouder_voogd").input("haar vader")
    at.selectbox(key="vh_reikwijdte").set_value("deellinks")
    next(b for b in at.button if b.label == "Verhaal opslaan").click().run()
    assert not at.exception and not at.error
    with database.make_session() as session:
        regel = session.scalars(select(Toestemming).join(Media).join(Verhaal)
                                .where(Verhaal.titel == "Kinderen planten bollen")).one()
    assert (regel.persoon, regel.ouder_voogd, regel.reikwijdte) == ("meisje met de gieter", "haar vader", "deellinks")
    assert regel.verloopt == regel.datum.replace(year=regel.datum.year + 2)


def test_the_owner_reads_the_notice_on_the_kompas_and_withdraws_below_the_story(app_as, database):
    with database.make_session() as session:
        verhaal = session.scalars(select(Verhaal).where(Verhaal.titel == KEUKENTAFEL)).one()
        eigenaar = session.get(Gebruiker, verhaal.gebruiker_id)
    at = app_as(eigenaar.rol, eigenaar.naam)
    assert not at.exception
    assert any(KEUKENTAFEL in w.value and "verleng of vervang hem" in w.value for w in at.warning)
    at.query_params["verhaal"] = str(verhaal.id)
    at.switch_page("pages/verhalen.py").run()
    assert at.image
    form = next(b.key for b in at.button if b.key and b.key.endswith("_intrek_knop"))
    at.button(key=form).click().run()
    assert not at.exception
    assert not at.image  # withdrawn: at once out of sight, also for its owner
    assert not any(KEUKENTAFEL in w.value for w in at.switch_page("pages/kompas.py").run().warning)
