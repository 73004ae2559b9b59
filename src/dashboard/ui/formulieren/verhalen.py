"""The story forms. The story form is for volunteers: what they type is kept in session_state as a
draft (also when they leave the page), and nothing is lost when one field is wrong."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import clock
from dashboard.db import Database
from dashboard.models.afspraken import VERTELLERS
from dashboard.toegang import access
from dashboard.ui import runtime, toestemmingen, visitor as bezoeker
from dashboard.ui.formulieren.basis import GEEN, done, error, problems, run
from dashboard.ui.tekst import escaped
from dashboard.verhalen import verhalen


# ---------------------------------------------------------------- verhaal (volunteers)

FORM = "vh"
FIELDS = {"titel": "", "tekst": "", "rol": "huurder", "verteller": "", "gebied": GEEN, "afspraken": [],
          "citaat": "", "citaat_van": "", "alt": "", "bijschrift": "", "credit": "", "geen_personen": False,
          "persoon": "", "gegeven_door": "persoon", "ouder_voogd": "", "toestemming_datum": None,
          "reikwijdte": "intern", "toestemming_notitie": "", "url": ""}


def _restore() -> None:
    """Widgets forget their value when the page is left; the draft does not."""
    draft = st.session_state.get("_concept_vh", {})
    for name, default in FIELDS.items():
        key = f"vh_{name}"
        if key not in st.session_state:
            st.session_state[key] = draft.get(name, default)


def _keep() -> None:
    st.session_state["_concept_vh"] = {name: st.session_state.get(f"vh_{name}", d) for name, d in FIELDS.items()}


def verhaal(db: Database, visitor: access.Visitor, namen: pd.Series, afspraken_lijst: pd.DataFrame,
            media_dir: Path, max_bytes: int, mag_media: bool) -> None:
    """Tell a story, with a photo and a video if you have them. Only title, story and storyteller are required."""
    _restore()
    done(FORM)
    error(FORM, "_")
    if problems(FORM):
        st.warning("Niet alles is goed ingevuld; kijk bij de rode meldingen. Wat u typte, is bewaard.",
                   icon=":material/edit_note:")
    st.text_input("Titel van het verhaal", key="vh_titel")
    error(FORM, "titel")
    st.text_area("Het verhaal", key="vh_tekst", height=180,
                 help="U mag **vet** en *schuin* gebruiken, en lijstjes met een streepje (-).")
    error(FORM, "tekst")
    left, right = st.columns(2)
    with left:
        st.selectbox("Wie vertelt het?", VERTELLERS, format_func=verhalen.ROL_LABELS.get, key="vh_rol")
        error(FORM, "verteller_rol")
    right.text_input("Naam of omschrijving van de verteller", key="vh_verteller", placeholder="bijvoorbeeld Ria, huurder")
    st.selectbox("In welke wijk?", [GEEN] + namen.index.tolist(), key="vh_gebied",
                 format_func=lambda c: namen.get(c, "geen wijk / de hele stad"))
    error(FORM, "gebied")
    if visitor.party_scoped:  # a partner tells stories for the afspraken its own partij takes part in
        afspraken_lijst = afspraken_lijst[[visitor.partij in p for p in afspraken_lijst["partijen"]]]
    titels = afspraken_lijst.set_index("id")
    st.session_state["vh_afspraken"] = [i for i in st.session_state["vh_afspraken"] if i in titels.index]
    st.multiselect("Bij welke afspraken hoort het?" + (f" (afspraken van {escaped(visitor.partij)})" if visitor.party_scoped else ""),
                   titels.index.tolist(), key="vh_afspraken", placeholder="Kies een of meer afspraken",
                   format_func=lambda i: f"{titels.at[i, 'nummer']} {titels.at[i, 'titel']}")
    error(FORM, "afspraken")
    st.text_area("Een citaat (optioneel)", key="vh_citaat", height=80)
    st.text_input("Van wie is het citaat?", key="vh_citaat_van")
    n = st.session_state.setdefault("_vh_n", 0)
    if mag_media:
        st.markdown("**Foto (optioneel)**")
        st.file_uploader("Kies een foto (JPEG, PNG of WebP)", type=["jpg", "jpeg", "png", "webp"], key=f"vh_foto_{n}")
        error(FORM, "foto")
        st.text_input("Wat is er op de foto te zien? (verplicht bij een foto, voor wie hem niet kan zien)", key="vh_alt")
        error(FORM, "alt_tekst")
        st.text_input("Bijschrift", key="vh_bijschrift")
        st.text_input("Wie maakte de foto?", key="vh_credit")
        st.markdown("**Video (optioneel)**")
        st.file_uploader(f"Een videobestand (MP4 of WebM, hoogstens {max_bytes // 1_000_000} MB)",
                         type=["mp4", "webm"], key=f"vh_video_{n}")
        error(FORM, "video")
        st.text_input("Of plak een link naar YouTube of Vimeo", key="vh_url")
        error(FORM, "url")
        toestemmingen.persoon_velden(FORM, n)
    st.button("Verhaal opslaan", type="primary", on_click=_save_verhaal, args=(db, media_dir, max_bytes, mag_media))
    _keep()


@runtime.guarded
def _save_verhaal(db: Database, media_dir: Path, max_bytes: int, mag_media: bool) -> None:
    s = st.session_state
    n = s.get("_vh_n", 0)
    invoer = verhalen.VerhaalInvoer(
        titel=s["vh_titel"], tekst=s["vh_tekst"], verteller_rol=s["vh_rol"], verteller=s["vh_verteller"],
        gebied=s["vh_gebied"] or None, afspraken=list(s["vh_afspraken"]), citaat=s["vh_citaat"],
        citaat_van=s["vh_citaat_van"], datum=clock.today())
    items = []
    foto, video = s.get(f"vh_foto_{n}"), s.get(f"vh_video_{n}")
    register = toestemmingen.register_invoer(FORM, n)
    if mag_media and foto is not None:
        items.append(verhalen.MediaInvoer(soort="foto", data=foto.getvalue(), alt_tekst=s["vh_alt"],
                                          bijschrift=s["vh_bijschrift"], credit=s["vh_credit"], register=register))
    if mag_media and video is not None:
        items.append(verhalen.MediaInvoer(soort="video", data=video.getvalue(), bijschrift=s["vh_titel"],
                                          credit=s["vh_credit"], register=register))
    if mag_media and s["vh_url"].strip():
        items.append(verhalen.MediaInvoer(soort="videolink", url=s["vh_url"], bijschrift=s["vh_titel"],
                                          register=register))
    if run(FORM, db, lambda session: verhalen.add_verhaal(session, bezoeker.afresh(), invoer, items, media_dir, max_bytes),
            f"Dank u wel! Het verhaal '{escaped(invoer.titel.strip())}' staat in de verhalen."):
        for name in FIELDS:
            s.pop(f"vh_{name}", None)
        s.pop("_concept_vh", None)
        s["_vh_n"] = n + 1


def verhaal_aanpassen(db: Database, visitor: access.Visitor, dit_verhaal: verhalen.VerhaalInfo) -> None:
    """Change the words of a story: a partner only a story its own partij told. Not allowed: nothing shown."""
    if not access.may_on(visitor, "verhaal_bewerken", {dit_verhaal.partij_id}):
        return
    form = f"vhw{dit_verhaal.id}"
    with st.expander("Verhaal aanpassen", icon=":material/edit:"):
        done(form)
        error(form, "_")
        with st.form(form, border=True):
            st.text_input("Titel van het verhaal", value=dit_verhaal.titel, key=f"{form}_titel")
            error(form, "titel")
            st.text_area("Het verhaal", value=dit_verhaal.tekst, height=180, key=f"{form}_tekst")
            error(form, "tekst")
            st.text_input("Naam of omschrijving van de verteller", value=dit_verhaal.verteller, key=f"{form}_verteller")
            st.text_area("Een citaat (optioneel)", value=dit_verhaal.citaat, height=80, key=f"{form}_citaat")
            st.text_input("Van wie is het citaat?", value=dit_verhaal.citaat_van, key=f"{form}_citaat_van")
            st.form_submit_button("Wijziging opslaan", on_click=_save_aanpassing_verhaal, args=(form, db, dit_verhaal))


@runtime.guarded
def _save_aanpassing_verhaal(form: str, db: Database, dit_verhaal: verhalen.VerhaalInfo) -> None:
    s = st.session_state
    invoer = verhalen.VerhaalInvoer(
        titel=s[f"{form}_titel"], tekst=s[f"{form}_tekst"], verteller_rol=dit_verhaal.verteller_rol, datum=dit_verhaal.datum,
        verteller=s[f"{form}_verteller"], gebied=dit_verhaal.gebied or None, lat=dit_verhaal.lat, lon=dit_verhaal.lon,
        citaat=s[f"{form}_citaat"], citaat_van=s[f"{form}_citaat_van"], afspraken=[a.id for a in dit_verhaal.afspraken])
    run(form, db, lambda session: verhalen.save_verhaal(session, bezoeker.afresh(), invoer, dit_verhaal.id),
         f"Het verhaal «{escaped(invoer.titel.strip())}» is aangepast.")
