"""Editing forms for afspraken, jaarschijf, voortgang and stories, and the samenwerkingsmonitor's questionnaire.

Each form saves in a button callback, so the core's Dutch message for a field can be shown right
under that field on the next run. A callback writes as the visitor asked of the database at that
moment (`visitor.afresh`), not as the one the form was drawn for, and the core asks
`access.require` again, with the afspraak's parties read from the database, before it writes;
pages only show a form when `access.may`/`may_on` says yes. The story form is for volunteers: what they type
is kept in session_state as a draft (also when they leave the page), and nothing is lost when
one field is wrong.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import afspraken
from dashboard.afspraken import SOORT_LABELS, STATUS_LABELS
from dashboard.db import Database
from dashboard.models.afspraken import SOORTEN, STATUSSEN, VERTELLERS
from dashboard.samenwerking import antwoorden, vragenlijst
from dashboard.toegang import access
from dashboard.ui import visitor as bezoeker
from dashboard.verhalen import verhalen

GEEN = ""


def _problems(form: str) -> dict[str, str]:
    return st.session_state.get(f"_fouten_{form}", {})


def _error(form: str, field: str) -> None:
    message = _problems(form).get(field)
    if message:
        st.error(message, icon=":material/error:")


def _done(form: str) -> None:
    message = st.session_state.pop(f"_gelukt_{form}", None)
    if message:
        st.success(message, icon=":material/check_circle:")


def _run(form: str, db: Database, write, success: str) -> bool:
    """Call write(session) in one transaction; keep the problems per field, or the success message."""
    try:
        with db.session() as session:
            write(session)
    except afspraken.Invalid as invalid:
        st.session_state[f"_fouten_{form}"] = invalid.problems
        return False
    except access.NotAllowed as refused:  # also said at the top: the form may be gone on the next run
        st.session_state[f"_fouten_{form}"] = {"_": str(refused)}
        st.error(str(refused), icon=":material/block:")
        return False
    st.session_state[f"_fouten_{form}"] = {}
    st.session_state[f"_gelukt_{form}"] = success
    return True


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


# ---------------------------------------------------------------- afspraak

def afspraak(db: Database, visitor: access.Visitor, choices: dict, info: dict | None = None) -> None:
    """Create an afspraak (info None) or change the one shown."""
    form = f"af{info['id'] if info else 'nieuw'}"
    _done(form)
    _error(form, "_")
    opgaven = choices["opgaven"].set_index("id")["naam"]
    partijen = choices["partijen"]["naam"].tolist()
    indicatoren = choices["indicatoren"].set_index("sleutel")["naam"]
    gebieden = choices["gebieden"].set_index("code")["naam"]
    huidig = info["partijen"] if info else pd.DataFrame(columns=["partij", "rol", "taak"])
    trekker = huidig[huidig["rol"] == "trekker"]["partij"].tolist()
    with st.form(form, border=True):
        st.text_input("Nummer", value=info["nummer"] if info else "", key=f"{form}_nummer", placeholder="bijvoorbeeld 1.4.1")
        _error(form, "nummer")
        st.text_input("Titel", value=info["titel"] if info else "", key=f"{form}_titel")
        _error(form, "titel")
        st.text_area("Ambitie (het kompas, in gewone taal)", value=info["ambitie"] if info else "", key=f"{form}_ambitie")
        st.selectbox("Soort afspraak", SOORTEN, index=SOORTEN.index(info["soort"]) if info else 1,
                     format_func=SOORT_LABELS.get, key=f"{form}_soort")
        ids = opgaven.index.tolist()
        st.selectbox("Opgave", ids, index=ids.index(info["opgave_id"]) if info else 0,
                     format_func=lambda i: opgaven[i], key=f"{form}_opgave")
        _error(form, "opgave")
        left, right = st.columns(2)
        left.number_input("Van jaar", 2000, 2100, value=info["van_jaar"] if info else date.today().year, key=f"{form}_van")
        right.number_input("Tot en met jaar", 2000, 2100, value=info["tot_jaar"] if info else date.today().year + 3,
                           key=f"{form}_tot")
        _error(form, "looptijd")
        st.selectbox("Trekker", partijen, index=partijen.index(trekker[0]) if trekker else 0, key=f"{form}_trekker")
        _error(form, "trekker")
        st.multiselect("Partners (ook zorg, welzijn, politie)", partijen,
                       default=[p for p in huidig["partij"] if p not in trekker], key=f"{form}_partners")
        _error(form, "partners")
        keys = [GEEN] + indicatoren.index.tolist()
        current = info["indicator"]["sleutel"] if info and info["indicator"] else GEEN
        st.selectbox("Indicator om de voortgang te tellen (optioneel)", keys, index=keys.index(current),
                     format_func=lambda k: indicatoren.get(k, "geen indicator"), key=f"{form}_indicator")
        _error(form, "indicator")
        codes = [GEEN] + gebieden.index.tolist()
        current = info["gebied"]["code"] if info and info["gebied"] else GEEN
        st.selectbox("Gebied van de indicator", codes, index=codes.index(current),
                     format_func=lambda c: gebieden.get(c, "de hele gemeente"), key=f"{form}_gebied")
        st.number_input("Eigen streefwaarde voor de hele looptijd (optioneel)",
                        value=_number(info["streefwaarde"]) if info else None, key=f"{form}_streefwaarde",
                        help="Bij een cijfer dat optelt, zoals nieuwbouw: het totaal over alle jaren samen "
                             "(bijvoorbeeld 450). Bij een stand of percentage, zoals woningen met label E, F of G: "
                             "de waarde aan het eind. Zonder eigen streefwaarde tellen die van de cijfers per jaar.")
        st.form_submit_button("Afspraak opslaan", type="primary", on_click=_save_afspraak,
                              args=(form, db, info, huidig))


def _save_afspraak(form: str, db: Database, info: dict | None, huidig: pd.DataFrame) -> None:
    s = st.session_state
    rollen = {r["partij"]: (r["rol"], r["taak"]) for r in huidig.to_dict("records") if r["rol"] != "trekker"}
    invoer = afspraken.AfspraakInvoer(
        nummer=s[f"{form}_nummer"], titel=s[f"{form}_titel"], ambitie=s[f"{form}_ambitie"], soort=s[f"{form}_soort"],
        opgave_id=s[f"{form}_opgave"], van_jaar=int(s[f"{form}_van"]), tot_jaar=int(s[f"{form}_tot"]),
        trekker=s[f"{form}_trekker"],
        partners=[(p, *rollen.get(p, ("partner", ""))) for p in s[f"{form}_partners"]],
        indicator=s[f"{form}_indicator"] or None, gebied=s[f"{form}_gebied"] or None,
        streefwaarde=s[f"{form}_streefwaarde"],
        taak_trekker=huidig[huidig["rol"] == "trekker"]["taak"].iloc[0] if (huidig["rol"] == "trekker").any() else "")
    nieuw = {}

    def write(session):
        nieuw["id"] = afspraken.save_afspraak(session, bezoeker.afresh(), invoer, info["id"] if info else None)

    if _run(form, db, write, f"Afspraak {invoer.nummer.strip()} is opgeslagen.") and info is None:
        st.query_params["afspraak"] = str(nieuw["id"])


# ---------------------------------------------------------------- jaarschijf and voortgang

def activiteit(db: Database, visitor: access.Visitor, info: dict, partijen: list[str]) -> None:
    """Add a SMART activity to a year's slice, or change the status of one."""
    form = f"act{info['id']}"
    _done(form)
    _error(form, "_")
    jaren = list(range(info["van_jaar"], info["tot_jaar"] + 1))
    with st.form(form, border=True):
        st.selectbox("Jaar", jaren, index=min(1, len(jaren) - 1), key=f"{form}_jaar")
        _error(form, "jaar")
        st.text_area("Wat gebeurt er? (SMART: wat, wie, hoeveel, wanneer)", key=f"{form}_omschrijving")
        _error(form, "omschrijving")
        st.selectbox("Trekker", partijen, key=f"{form}_trekker")
        st.selectbox("Status", STATUSSEN, format_func=STATUS_LABELS.get, index=STATUSSEN.index("niet_gestart"),
                     key=f"{form}_status")
        st.form_submit_button("Activiteit toevoegen", on_click=_save_activiteit, args=(form, db, info["id"]))
    bestaande = info["activiteiten"]
    if bestaande.empty:
        return
    form2 = f"actstatus{info['id']}"
    _done(form2)
    _error(form2, "_")
    rows = bestaande.set_index("id")
    with st.form(form2, border=True):
        st.selectbox("Activiteit", rows.index.tolist(), key=f"{form2}_id",
                     format_func=lambda i: f"{rows.at[i, 'jaar']}: {rows.at[i, 'omschrijving'][:80]}")
        st.selectbox("Nieuwe status", STATUSSEN, format_func=STATUS_LABELS.get, key=f"{form2}_status")
        st.form_submit_button("Status bijwerken", on_click=_save_status, args=(form2, db, info["id"], rows))


def _save_activiteit(form: str, db: Database, afspraak_id: int) -> None:
    s = st.session_state
    invoer = afspraken.ActiviteitInvoer(afspraak_id=afspraak_id, jaar=s[f"{form}_jaar"],
                                        omschrijving=s[f"{form}_omschrijving"], trekker=s[f"{form}_trekker"],
                                        status=s[f"{form}_status"])
    if _run(form, db, lambda session: afspraken.save_activiteit(session, bezoeker.afresh(), invoer),
            "De activiteit is toegevoegd."):
        s[f"{form}_omschrijving"] = ""


def _save_status(form: str, db: Database, afspraak_id: int, rows: pd.DataFrame) -> None:
    s = st.session_state
    row = rows.loc[s[f"{form}_id"]]
    invoer = afspraken.ActiviteitInvoer(afspraak_id=afspraak_id, jaar=int(row["jaar"]), omschrijving=row["omschrijving"],
                                        trekker=row["trekker"], status=s[f"{form}_status"],
                                        indicator=row["indicator"] or None, streefwaarde=_number(row["streefwaarde"]))
    _run(form, db, lambda session: afspraken.save_activiteit(session, bezoeker.afresh(), invoer, int(s[f"{form}_id"])),
         "De status van de activiteit is bijgewerkt.")


def _namens(visitor: access.Visitor, partijen: list[str]) -> tuple[list[str], int]:
    """The parties a visitor may write for (a partner: only its own) and the one chosen first."""
    if visitor.party_scoped:
        return [visitor.partij], 0
    return partijen, partijen.index(visitor.partij) if visitor.partij in partijen else 0


def voortgang(db: Database, visitor: access.Visitor, info: dict, partijen: list[str]) -> None:
    """A progress update: status, explanation, what was learned, and a dilemma for the board."""
    form = f"vg{info['id']}"
    _done(form)
    _error(form, "_")
    namens, eerste = _namens(visitor, partijen)
    with st.form(form, border=True):
        st.selectbox("Status", STATUSSEN, format_func=STATUS_LABELS.get, key=f"{form}_status")
        st.text_area("Toelichting: wat speelt er?", key=f"{form}_toelichting")
        _error(form, "toelichting")
        st.text_area("Wat we leerden", key=f"{form}_geleerd")
        st.checkbox("Dit is een dilemma voor het bestuur", key=f"{form}_dilemma")
        st.selectbox("Namens", namens, index=eerste, key=f"{form}_auteur")
        st.date_input("Datum", value=date.today(), format="DD-MM-YYYY", key=f"{form}_datum")
        st.form_submit_button("Voortgang toevoegen", type="primary", on_click=_save_voortgang,
                              args=(form, db, info["id"]))


def _voortgang_invoer(form: str, afspraak_id: int) -> afspraken.VoortgangInvoer:
    s = st.session_state
    return afspraken.VoortgangInvoer(afspraak_id=afspraak_id, status=s[f"{form}_status"],
                                     toelichting=s[f"{form}_toelichting"], geleerd=s[f"{form}_geleerd"],
                                     dilemma=s[f"{form}_dilemma"], auteur=s[f"{form}_auteur"], datum=s[f"{form}_datum"])


def _save_voortgang(form: str, db: Database, afspraak_id: int) -> None:
    s, invoer = st.session_state, _voortgang_invoer(form, afspraak_id)
    if _run(form, db, lambda session: afspraken.add_voortgang(session, bezoeker.afresh(), invoer),
            "De voortgang is toegevoegd."):
        s[f"{form}_toelichting"] = s[f"{form}_geleerd"] = ""
        s[f"{form}_dilemma"] = False


def voortgang_aanpassen(db: Database, visitor: access.Visitor, info: dict, partijen: list[str]) -> None:
    """Change an earlier update: a partner only those its own partij wrote. Nothing to change: nothing shown."""
    rows = info["voortgang"]
    if rows.empty:
        return
    rows = rows[[access.may_on(visitor, "voortgang_bewerken", {a}) for a in rows["auteur_id"]]].set_index("id")
    if rows.empty:
        return
    form = f"vgw{info['id']}"
    with st.expander("Voortgang aanpassen", icon=":material/edit_note:"):
        _done(form)
        _error(form, "_")
        gekozen = st.selectbox("Welke voortgang?", rows.index.tolist(), key=f"{form}_id", format_func=lambda i: (
            f"{rows.at[i, 'datum']:%d-%m-%Y} · {rows.at[i, 'auteur'] or 'onbekend'} · {rows.at[i, 'toelichting'][:60]}"))
        row = rows.loc[gekozen]
        namens, _ = _namens(visitor, partijen)
        with st.form(form, border=True):
            st.selectbox("Status", STATUSSEN, index=STATUSSEN.index(row["status"]), format_func=STATUS_LABELS.get,
                         key=f"{form}_status")
            st.text_area("Toelichting: wat speelt er?", value=row["toelichting"], key=f"{form}_toelichting")
            _error(form, "toelichting")
            st.text_area("Wat we leerden", value=row["geleerd"], key=f"{form}_geleerd")
            st.checkbox("Dit is een dilemma voor het bestuur", value=bool(row["dilemma"]), key=f"{form}_dilemma")
            st.selectbox("Namens", namens, index=namens.index(row["auteur"]) if row["auteur"] in namens else 0,
                         key=f"{form}_auteur")
            st.date_input("Datum", value=row["datum"], format="DD-MM-YYYY", key=f"{form}_datum")
            st.form_submit_button("Wijziging opslaan", on_click=_save_aanpassing, args=(form, db, info["id"], int(gekozen)))


def _save_aanpassing(form: str, db: Database, afspraak_id: int, voortgang_id: int) -> None:
    invoer = _voortgang_invoer(form, afspraak_id)
    _run(form, db, lambda session: afspraken.edit_voortgang(session, bezoeker.afresh(), voortgang_id, invoer),
         "De voortgang is aangepast.")


# ---------------------------------------------------------------- verhaal (volunteers)

FORM = "vh"
FIELDS = {"titel": "", "tekst": "", "rol": "huurder", "verteller": "", "gebied": GEEN, "afspraken": [],
          "citaat": "", "citaat_van": "", "alt": "", "bijschrift": "", "credit": "", "toestemming": False,
          "toestemming_notitie": "", "url": ""}


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
    _done(FORM)
    _error(FORM, "_")
    if _problems(FORM):
        st.warning("Niet alles is goed ingevuld; kijk bij de rode meldingen. Wat u typte, is bewaard.",
                   icon=":material/edit_note:")
    st.text_input("Titel van het verhaal", key="vh_titel")
    _error(FORM, "titel")
    st.text_area("Het verhaal", key="vh_tekst", height=180,
                 help="U mag **vet** en *schuin* gebruiken, en lijstjes met een streepje (-).")
    _error(FORM, "tekst")
    left, right = st.columns(2)
    with left:
        st.selectbox("Wie vertelt het?", VERTELLERS, format_func=verhalen.ROL_LABELS.get, key="vh_rol")
        _error(FORM, "verteller_rol")
    right.text_input("Naam of omschrijving van de verteller", key="vh_verteller", placeholder="bijvoorbeeld Ria, huurder")
    st.selectbox("In welke wijk?", [GEEN] + namen.index.tolist(), key="vh_gebied",
                 format_func=lambda c: namen.get(c, "geen wijk / de hele stad"))
    _error(FORM, "gebied")
    if visitor.party_scoped:  # a partner tells stories for the afspraken its own partij takes part in
        afspraken_lijst = afspraken_lijst[[visitor.partij in p for p in afspraken_lijst["partijen"]]]
    titels = afspraken_lijst.set_index("id")
    st.session_state["vh_afspraken"] = [i for i in st.session_state["vh_afspraken"] if i in titels.index]
    st.multiselect("Bij welke afspraken hoort het?" + (f" (afspraken van {visitor.partij})" if visitor.party_scoped else ""),
                   titels.index.tolist(), key="vh_afspraken", placeholder="Kies een of meer afspraken",
                   format_func=lambda i: f"{titels.at[i, 'nummer']} {titels.at[i, 'titel']}")
    _error(FORM, "afspraken")
    st.text_area("Een citaat (optioneel)", key="vh_citaat", height=80)
    st.text_input("Van wie is het citaat?", key="vh_citaat_van")
    n = st.session_state.setdefault("_vh_n", 0)
    if mag_media:
        st.markdown("**Foto (optioneel)**")
        st.file_uploader("Kies een foto (JPEG, PNG of WebP)", type=["jpg", "jpeg", "png", "webp"], key=f"vh_foto_{n}")
        _error(FORM, "foto")
        st.text_input("Wat is er op de foto te zien? (verplicht bij een foto, voor wie hem niet kan zien)", key="vh_alt")
        _error(FORM, "alt_tekst")
        st.text_input("Bijschrift", key="vh_bijschrift")
        st.text_input("Wie maakte de foto?", key="vh_credit")
        st.checkbox("Wie herkenbaar op de foto staat, gaf toestemming (of er staat niemand herkenbaar op)",
                    key="vh_toestemming")
        _error(FORM, "toestemming")
        st.text_input("Notitie over de toestemming (optioneel)", key="vh_toestemming_notitie")
        st.markdown("**Video (optioneel)**")
        st.file_uploader(f"Een videobestand (MP4 of WebM, hoogstens {max_bytes // 1_000_000} MB)",
                         type=["mp4", "webm"], key=f"vh_video_{n}")
        _error(FORM, "video")
        st.text_input("Of plak een link naar YouTube of Vimeo", key="vh_url")
        _error(FORM, "url")
    st.button("Verhaal opslaan", type="primary", on_click=_save_verhaal, args=(db, media_dir, max_bytes, mag_media))
    _keep()


def _save_verhaal(db: Database, media_dir: Path, max_bytes: int, mag_media: bool) -> None:
    s = st.session_state
    n = s.get("_vh_n", 0)
    invoer = verhalen.VerhaalInvoer(
        titel=s["vh_titel"], tekst=s["vh_tekst"], verteller_rol=s["vh_rol"], verteller=s["vh_verteller"],
        gebied=s["vh_gebied"] or None, afspraken=list(s["vh_afspraken"]), citaat=s["vh_citaat"],
        citaat_van=s["vh_citaat_van"], datum=date.today())
    items = []
    foto, video = s.get(f"vh_foto_{n}"), s.get(f"vh_video_{n}")
    if mag_media and foto is not None:
        items.append(verhalen.MediaInvoer(soort="foto", data=foto.getvalue(), alt_tekst=s["vh_alt"],
                                          bijschrift=s["vh_bijschrift"], credit=s["vh_credit"],
                                          toestemming=s["vh_toestemming"],
                                          toestemming_notitie=s["vh_toestemming_notitie"]))
    if mag_media and video is not None:
        items.append(verhalen.MediaInvoer(soort="video", data=video.getvalue(), bijschrift=s["vh_titel"],
                                          credit=s["vh_credit"], toestemming=s["vh_toestemming"]))
    if mag_media and s["vh_url"].strip():
        items.append(verhalen.MediaInvoer(soort="videolink", url=s["vh_url"], bijschrift=s["vh_titel"]))
    if _run(FORM, db, lambda session: verhalen.add_story(session, bezoeker.afresh(), invoer, items, media_dir, max_bytes),
            f"Dank u wel! Het verhaal '{invoer.titel.strip()}' staat in de verhalen."):
        for name in FIELDS:
            s.pop(f"vh_{name}", None)
        s.pop("_concept_vh", None)
        s["_vh_n"] = n + 1


def verhaal_aanpassen(db: Database, visitor: access.Visitor, story: dict) -> None:
    """Change the words of a story: a partner only a story its own partij told. Not allowed: nothing shown."""
    if not access.may_on(visitor, "verhaal_bewerken", {story["partij_id"]}):
        return
    form = f"vhw{story['id']}"
    with st.expander("Verhaal aanpassen", icon=":material/edit:"):
        _done(form)
        _error(form, "_")
        with st.form(form, border=True):
            st.text_input("Titel van het verhaal", value=story["titel"], key=f"{form}_titel")
            _error(form, "titel")
            st.text_area("Het verhaal", value=story["tekst"], height=180, key=f"{form}_tekst")
            _error(form, "tekst")
            st.text_input("Naam of omschrijving van de verteller", value=story["verteller"], key=f"{form}_verteller")
            st.text_area("Een citaat (optioneel)", value=story["citaat"], height=80, key=f"{form}_citaat")
            st.text_input("Van wie is het citaat?", value=story["citaat_van"], key=f"{form}_citaat_van")
            st.form_submit_button("Wijziging opslaan", on_click=_save_aanpassing_verhaal, args=(form, db, story))


def _save_aanpassing_verhaal(form: str, db: Database, story: dict) -> None:
    s = st.session_state
    invoer = verhalen.VerhaalInvoer(
        titel=s[f"{form}_titel"], tekst=s[f"{form}_tekst"], verteller_rol=story["verteller_rol"], datum=story["datum"],
        verteller=s[f"{form}_verteller"], gebied=story["gebied"] or None, lat=story["lat"], lon=story["lon"],
        citaat=s[f"{form}_citaat"], citaat_van=s[f"{form}_citaat_van"], afspraken=[a["id"] for a in story["afspraken"]])
    _run(form, db, lambda session: verhalen.save_verhaal(session, bezoeker.afresh(), invoer, story["id"]),
         "Het verhaal is aangepast.")


# ---------------------------------------------------------------- samenwerkingsmonitor

def samenwerking(db: Database, visitor: access.Visitor, jaar: int, eigen: antwoorden.Antwoord | None) -> None:
    """The yearly questionnaire for an account of a partij; an earlier answer this year is shown back to change."""
    form = f"sw{jaar}"
    _done(form)
    _error(form, "_")
    scores = eigen.scores if eigen else {}
    keuzes = [1, 2, 3, 4, 5, None]
    with st.form(form, border=True):
        st.caption(f"U antwoordt namens **{visitor.partij}**. Niemand ziet uw eigen antwoorden; de uitkomst per partij "
                   f"verschijnt pas als minstens drie mensen van die partij hebben geantwoord."
                   + (" U vulde de vragenlijst dit jaar al in: wat u nu opslaat, vervangt uw eerdere antwoord." if eigen else ""))
        for stelling in vragenlijst.STELLINGEN:
            st.radio(stelling.tekst, keuzes, index=keuzes.index(scores.get(stelling.key)), horizontal=True,
                     key=f"{form}_{stelling.key}",
                     format_func=lambda k: f"{k} {vragenlijst.SCHAAL[k]}" if k else "weet ik niet")
            _error(form, stelling.key)
        st.text_area("Wat wilt u nog kwijt over de samenwerking? (wordt zonder naam getoond)",
                     value=eigen.opmerking if eigen else "", key=f"{form}_opmerking", max_chars=antwoorden.MAX_OPMERKING)
        _error(form, "opmerking")
        st.form_submit_button("Antwoord opslaan", type="primary", on_click=_save_samenwerking, args=(form, db, jaar))


def _save_samenwerking(form: str, db: Database, jaar: int) -> None:
    s = st.session_state
    antwoord = antwoorden.Antwoord(jaar=jaar, scores={st_.key: s[f"{form}_{st_.key}"] for st_ in vragenlijst.STELLINGEN},
                                   opmerking=s[f"{form}_opmerking"])
    _run(form, db, lambda session: antwoorden.save(session, bezoeker.afresh(), antwoord),
         f"Dank u wel! Uw antwoord voor {jaar} is opgeslagen.")
