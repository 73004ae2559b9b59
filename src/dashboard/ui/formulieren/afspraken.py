"""Editing forms for afspraken, jaarschijf and voortgang (how a form saves: see basis)."""
from __future__ import annotations

import textwrap

import pandas as pd
import streamlit as st

from dashboard import afspraken, clock, formatting
from dashboard.afspraken import SOORT_LABELS, STATUS_LABELS
from dashboard.db import Database
from dashboard.models.afspraken import SOORTEN, STATUSSEN
from dashboard.toegang import access
from dashboard.ui import runtime, visitor as bezoeker
from dashboard.ui.formulieren.basis import GEEN, done, error, run
from dashboard.ui.tekst import escaped


def _kort(text: str) -> str:
    """An activity as a confirmation names it: its first words."""
    return textwrap.shorten(text, 60, placeholder=" …")


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


# ---------------------------------------------------------------- afspraak

def afspraak(db: Database, visitor: access.Visitor, choices: afspraken.Keuzes,
             info: afspraken.AfspraakInfo | None = None) -> None:
    """Create an afspraak (info None) or change the one shown."""
    form = f"af{info.id if info else 'nieuw'}"
    done(form)
    error(form, "_")
    opgaven = choices.opgaven.set_index("id")["naam"]
    partijen = choices.partijen["naam"].tolist()
    indicatoren = choices.indicatoren.set_index("sleutel")["naam"]
    gebieden = choices.gebieden.set_index("code")["naam"]
    huidig = info.partijen if info else pd.DataFrame(columns=["partij", "rol", "taak"])
    trekker = huidig[huidig["rol"] == "trekker"]["partij"].tolist()
    with st.form(form, border=True):
        st.text_input("Nummer", value=info.nummer if info else "", key=f"{form}_nummer", placeholder="bijvoorbeeld 1.4.1")
        error(form, "nummer")
        st.text_input("Titel", value=info.titel if info else "", key=f"{form}_titel")
        error(form, "titel")
        st.text_area("Ambitie (het kompas, in gewone taal)", value=info.ambitie if info else "", key=f"{form}_ambitie")
        st.selectbox("Soort afspraak", SOORTEN, index=SOORTEN.index(info.soort) if info else 1,
                     format_func=SOORT_LABELS.get, key=f"{form}_soort")
        ids = opgaven.index.tolist()
        st.selectbox("Opgave", ids, index=ids.index(info.opgave_id) if info else 0,
                     format_func=lambda i: opgaven[i], key=f"{form}_opgave")
        error(form, "opgave")
        left, right = st.columns(2)
        left.number_input("Van jaar", 2000, 2100, value=info.van_jaar if info else clock.today().year, key=f"{form}_van")
        right.number_input("Tot en met jaar", 2000, 2100, value=info.tot_jaar if info else clock.today().year + 3,
                           key=f"{form}_tot")
        error(form, "looptijd")
        st.selectbox("Trekker", partijen, index=partijen.index(trekker[0]) if trekker else 0, key=f"{form}_trekker")
        error(form, "trekker")
        st.multiselect("Partners (ook zorg, welzijn, politie)", partijen,
                       default=[p for p in huidig["partij"] if p not in trekker], key=f"{form}_partners")
        error(form, "partners")
        keys = [GEEN] + indicatoren.index.tolist()
        current = info.indicator.sleutel if info and info.indicator else GEEN
        st.selectbox("Indicator om de voortgang te tellen (optioneel)", keys, index=keys.index(current),
                     format_func=lambda k: indicatoren.get(k, "geen indicator"), key=f"{form}_indicator")
        error(form, "indicator")
        codes = [GEEN] + gebieden.index.tolist()
        current = info.gebied.code if info and info.gebied else GEEN
        st.selectbox("Gebied van de indicator", codes, index=codes.index(current),
                     format_func=lambda c: gebieden.get(c, "de hele gemeente"), key=f"{form}_gebied")
        left, right = st.columns(2)
        left.number_input("Eigen streefwaarde (optioneel)", value=_number(info.streefwaarde) if info else None,
                          key=f"{form}_streefwaarde",
                          help="Zonder eigen streefwaarde tellen die van de cijfers per jaar.")
        soorten = [GEEN, *afspraken.STREEF_SOORT_LABELS]
        right.selectbox("De streefwaarde geldt", soorten,
                        index=soorten.index(info.streef_soort) if info and info.streef_soort else 0,
                        format_func=lambda k: afspraken.STREEF_SOORT_LABELS.get(k, "zoals de indicator telt"),
                        key=f"{form}_streef_soort",
                        help="Samen over de hele looptijd: een totaal, zoals 450 nieuwe woningen in 2024–2027. Elk jaar: "
                             "zoals 120 opleveringen per jaar. Aan het eind: een stand, zoals 0 woningen met label "
                             "E, F of G eind 2027.")
        error(form, "streef_soort")
        doelen = dict(zip(choices.doelen["code"], choices.doelen["naam"] + " (" + choices.doelen["niveau"] + ")"))
        codes = [GEEN, *doelen]
        st.selectbox("Dient het doel (optioneel)", codes, index=codes.index(info.doel[0]) if info and info.doel else 0,
                     format_func=lambda c: doelen.get(c, "geen doel gekozen"), key=f"{form}_doel",
                     help="Het landelijke, regionale of eigen doel waaraan deze afspraak bijdraagt. Het Kompas "
                          "groepeert de afspraken per doel.")
        error(form, "doel")
        st.form_submit_button("Afspraak opslaan", type="primary", on_click=_save_afspraak,
                              args=(form, db, info, huidig))


@runtime.guarded
def _save_afspraak(form: str, db: Database, info: afspraken.AfspraakInfo | None, huidig: pd.DataFrame) -> None:
    s = st.session_state
    rollen = {r["partij"]: (r["rol"], r["taak"]) for r in huidig.to_dict("records") if r["rol"] != "trekker"}
    invoer = afspraken.AfspraakInvoer(
        nummer=s[f"{form}_nummer"], titel=s[f"{form}_titel"], ambitie=s[f"{form}_ambitie"], soort=s[f"{form}_soort"],
        opgave_id=s[f"{form}_opgave"], van_jaar=int(s[f"{form}_van"]), tot_jaar=int(s[f"{form}_tot"]),
        trekker=s[f"{form}_trekker"],
        partners=[(p, *rollen.get(p, ("partner", ""))) for p in s[f"{form}_partners"]],
        indicator=s[f"{form}_indicator"] or None, gebied=s[f"{form}_gebied"] or None,
        streefwaarde=s[f"{form}_streefwaarde"], streef_soort=s[f"{form}_streef_soort"] or None,
        doel=s[f"{form}_doel"] or None,
        taak_trekker=huidig[huidig["rol"] == "trekker"]["taak"].iloc[0] if (huidig["rol"] == "trekker").any() else "")
    nieuw = {}

    def write(session):
        nieuw["id"] = afspraken.save_afspraak(session, bezoeker.afresh(), invoer, info.id if info else None)

    if run(form, db, write, f"Afspraak {invoer.nummer.strip()} is opgeslagen.") and info is None:
        st.query_params["afspraak"] = str(nieuw["id"])


# ---------------------------------------------------------------- jaarschijf and voortgang

def activiteit(db: Database, visitor: access.Visitor, info: afspraken.AfspraakInfo, partijen: list[str]) -> None:
    """Add a SMART activity to a year's slice, or change the status of one."""
    form = f"act{info.id}"
    done(form)
    error(form, "_")
    jaren = list(range(info.van_jaar, info.tot_jaar + 1))
    with st.form(form, border=True):
        st.selectbox("Jaar", jaren, index=min(1, len(jaren) - 1), key=f"{form}_jaar")
        error(form, "jaar")
        st.text_area("Wat gebeurt er? (SMART: wat, wie, hoeveel, wanneer)", key=f"{form}_omschrijving")
        error(form, "omschrijving")
        st.selectbox("Trekker", partijen, key=f"{form}_trekker")
        st.selectbox("Status", STATUSSEN, format_func=STATUS_LABELS.get, index=STATUSSEN.index("niet_gestart"),
                     key=f"{form}_status")
        st.form_submit_button("Activiteit toevoegen", on_click=_save_activiteit, args=(form, db, info.id))
    bestaande = info.activiteiten
    if bestaande.empty:
        return
    form2 = f"actstatus{info.id}"
    done(form2)
    error(form2, "_")
    rows = bestaande.set_index("id")
    with st.form(form2, border=True):
        st.selectbox("Activiteit", rows.index.tolist(), key=f"{form2}_id",
                     format_func=lambda i: f"{rows.at[i, 'jaar']}: {rows.at[i, 'omschrijving'][:80]}")
        st.selectbox("Nieuwe status", STATUSSEN, format_func=STATUS_LABELS.get, key=f"{form2}_status")
        st.form_submit_button("Status bijwerken", on_click=_save_status, args=(form2, db, info.id, rows))


@runtime.guarded
def _save_activiteit(form: str, db: Database, afspraak_id: int) -> None:
    s = st.session_state
    invoer = afspraken.ActiviteitInvoer(afspraak_id=afspraak_id, jaar=s[f"{form}_jaar"],
                                        omschrijving=s[f"{form}_omschrijving"], trekker=s[f"{form}_trekker"],
                                        status=s[f"{form}_status"])
    if run(form, db, lambda session: afspraken.save_activiteit(session, bezoeker.afresh(), invoer),
            f"De activiteit «{escaped(_kort(invoer.omschrijving))}» is toegevoegd."):
        s[f"{form}_omschrijving"] = ""


@runtime.guarded
def _save_status(form: str, db: Database, afspraak_id: int, rows: pd.DataFrame) -> None:
    s = st.session_state
    row = rows.loc[s[f"{form}_id"]]
    invoer = afspraken.ActiviteitInvoer(afspraak_id=afspraak_id, jaar=int(row["jaar"]), omschrijving=row["omschrijving"],
                                        trekker=row["trekker"], status=s[f"{form}_status"],
                                        indicator=row["indicator"] or None, streefwaarde=_number(row["streefwaarde"]))
    run(form, db, lambda session: afspraken.save_activiteit(session, bezoeker.afresh(), invoer, int(s[f"{form}_id"])),
         f"De status van de activiteit «{escaped(_kort(invoer.omschrijving))}» is bijgewerkt: "
         f"{STATUS_LABELS.get(invoer.status, invoer.status).lower()}.")


def _namens(visitor: access.Visitor, partijen: list[str]) -> tuple[list[str], int]:
    """The parties a visitor may write for (a partner: only its own) and the one chosen first."""
    if visitor.party_scoped:
        return [visitor.partij], 0
    return partijen, partijen.index(visitor.partij) if visitor.partij in partijen else 0


def voortgang(db: Database, visitor: access.Visitor, info: afspraken.AfspraakInfo, partijen: list[str]) -> None:
    """A progress update: status, explanation, what was learned, and a dilemma for the board."""
    form = f"vg{info.id}"
    done(form)
    error(form, "_")
    namens, eerste = _namens(visitor, partijen)
    with st.form(form, border=True):
        st.selectbox("Status", STATUSSEN, format_func=STATUS_LABELS.get, key=f"{form}_status")
        st.text_area("Toelichting: wat speelt er?", key=f"{form}_toelichting")
        error(form, "toelichting")
        st.text_area("Wat we leerden", key=f"{form}_geleerd")
        st.checkbox("Dit is een dilemma voor het bestuur", key=f"{form}_dilemma")
        st.selectbox("Namens", namens, index=eerste, key=f"{form}_auteur")
        st.date_input("Datum", value=clock.today(), format="DD-MM-YYYY", key=f"{form}_datum")
        st.form_submit_button("Voortgang toevoegen", type="primary", on_click=_save_voortgang,
                              args=(form, db, info.id))


def _voortgang_invoer(form: str, afspraak_id: int) -> afspraken.VoortgangInvoer:
    s = st.session_state
    return afspraken.VoortgangInvoer(afspraak_id=afspraak_id, status=s[f"{form}_status"],
                                     toelichting=s[f"{form}_toelichting"], geleerd=s[f"{form}_geleerd"],
                                     dilemma=s[f"{form}_dilemma"], auteur=s[f"{form}_auteur"], datum=s[f"{form}_datum"])


@runtime.guarded
def _save_voortgang(form: str, db: Database, afspraak_id: int) -> None:
    s, invoer = st.session_state, _voortgang_invoer(form, afspraak_id)
    if run(form, db, lambda session: afspraken.add_voortgang(session, bezoeker.afresh(), invoer),
            f"De voortgang ({STATUS_LABELS[invoer.status].lower()}, {formatting.day(invoer.datum)}) is toegevoegd."):
        s[f"{form}_toelichting"] = s[f"{form}_geleerd"] = ""
        s[f"{form}_dilemma"] = False


def voortgang_aanpassen(db: Database, visitor: access.Visitor, info: afspraken.AfspraakInfo,
                        partijen: list[str]) -> None:
    """Change an earlier update: a partner only those its own partij wrote. Nothing to change: nothing shown."""
    rows = info.voortgang
    if rows.empty:
        return
    rows = rows[[access.may_on(visitor, "voortgang_bewerken", {a}) for a in rows["auteur_id"]]].set_index("id")
    if rows.empty:
        return
    form = f"vgw{info.id}"
    with st.expander("Voortgang aanpassen", icon=":material/edit_note:"):
        done(form)
        error(form, "_")
        gekozen = st.selectbox("Welke voortgang?", rows.index.tolist(), key=f"{form}_id", format_func=lambda i: (
            f"{rows.at[i, 'datum']:%d-%m-%Y} · {rows.at[i, 'auteur'] or 'onbekend'} · {rows.at[i, 'toelichting'][:60]}"))
        row = rows.loc[gekozen]
        namens, _ = _namens(visitor, partijen)
        with st.form(form, border=True):
            st.selectbox("Status", STATUSSEN, index=STATUSSEN.index(row["status"]), format_func=STATUS_LABELS.get,
                         key=f"{form}_status")
            st.text_area("Toelichting: wat speelt er?", value=row["toelichting"], key=f"{form}_toelichting")
            error(form, "toelichting")
            st.text_area("Wat we leerden", value=row["geleerd"], key=f"{form}_geleerd")
            st.checkbox("Dit is een dilemma voor het bestuur", value=bool(row["dilemma"]), key=f"{form}_dilemma")
            st.selectbox("Namens", namens, index=namens.index(row["auteur"]) if row["auteur"] in namens else 0,
                         key=f"{form}_auteur")
            st.date_input("Datum", value=row["datum"], format="DD-MM-YYYY", key=f"{form}_datum")
            st.form_submit_button("Wijziging opslaan", on_click=_save_aanpassing, args=(form, db, info.id, int(gekozen)))


@runtime.guarded
def _save_aanpassing(form: str, db: Database, afspraak_id: int, voortgang_id: int) -> None:
    invoer = _voortgang_invoer(form, afspraak_id)
    run(form, db, lambda session: afspraken.edit_voortgang(session, bezoeker.afresh(), voortgang_id, invoer),
         f"De voortgang ({STATUS_LABELS[invoer.status].lower()}, {formatting.day(invoer.datum)}) is aangepast.")
