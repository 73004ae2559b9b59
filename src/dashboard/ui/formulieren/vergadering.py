"""The stuurgroep's forms for redacteuren and beheerders: a new meeting, the agenda editor and the besluit form.

Forms save in button callbacks through the core (which asks `access.require` and writes the audit
line); a callback asks `visitor.allowed` afresh first. User text is shown with st.text or escaped (ui/tekst.py).
"""
from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from dashboard import clock, formatting
from dashboard.afspraken import STATUS_LABELS
from dashboard.db import Database
from dashboard.toegang import access
from dashboard.ui import runtime, visitor
from dashboard.ui.formulieren.basis import done, error, run
from dashboard.ui.tekst import escaped
from dashboard.vergadering import agenda, besluiten
from dashboard.vergadering.agenda import ACTIE
from dashboard.vergadering.besluiten import UITKOMST_LABELS, VERWERKING_LABELS, WIJZIGING_LABELS


# ---------------------------------------------------------------- the agenda editor

def new_vergadering(db: Database, wie: access.Visitor) -> None:
    form = "nieuwe_vergadering"
    done(form)
    error(form, "_")
    with st.form(form, border=True):
        st.subheader("Nieuwe vergadering", anchor=False)
        st.date_input("Datum", value=clock.today() + timedelta(days=14), format="DD-MM-YYYY", key=f"{form}_datum")
        error(form, "datum")
        st.text_input("Titel", placeholder="Bijvoorbeeld: Stuurgroep voorjaar", max_chars=200, key=f"{form}_titel")
        error(form, "titel")
        st.checkbox("Met een overzichtsdia per opgave", value=True, key=f"{form}_overzicht")
        st.caption("De agenda begint met het voorstel: elke afspraak met een dilemma, of die volgens de laatste "
                   "voortgang achterloopt of aandacht vraagt (dilemma's eerst). Daarna kunt u punten toevoegen, "
                   "schuiven of weghalen.")
        st.form_submit_button("Vergadering aanmaken", type="primary", icon=":material/event:",
                              on_click=_create, args=(form, db, wie))


@runtime.guarded
def _create(form: str, db: Database, wie: access.Visitor) -> None:
    if not visitor.allowed(ACTIE):
        return
    s = st.session_state
    invoer = agenda.VergaderingInvoer(datum=s[f"{form}_datum"], titel=s[f"{form}_titel"], overzicht=s[f"{form}_overzicht"])
    if run(form, db, lambda session: agenda.create_vergadering(session, wie, invoer), "De vergadering staat klaar, "
            "met de voorgestelde agenda."):
        s[f"{form}_titel"] = ""


@runtime.guarded
def _act(db: Database, wie: access.Visitor, write, form: str = "agenda") -> None:
    if visitor.allowed(ACTIE):
        run(form, db, write, "De agenda is bijgewerkt.")


# The agenda's move and remove buttons show their icon only; their names are there for a screen reader
# (an empty label made Streamlit name them "arrow_upward icon").
_ICON_BUTTONS = """<style>
[class*="st-key-op_"] button p, [class*="st-key-neer_"] button p, [class*="st-key-weg_"] button p {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>"""


def agenda_editor(db: Database, wie: access.Visitor, deze_vergadering: agenda.VergaderingInfo, afspraken_lijst: pd.DataFrame,
                  indicatoren: pd.DataFrame) -> None:
    """The items in order, each movable and removable; add an afspraak or a KPI slide; edit the question."""
    done("agenda")
    error("agenda", "_")
    error("agenda", "agendapunt")
    punten = deze_vergadering.punten
    st.html(_ICON_BUTTONS)
    for n, punt in enumerate(punten):
        with st.container(border=True):
            text, up, down, away = st.columns([8, 1, 1, 1], vertical_alignment="center")
            soort = "KPI-dia" if punt.soort == "kpi" else STATUS_LABELS.get(punt.status, "")
            text.markdown(f"**{n + 1}. {escaped(punt.naam)}** · {soort}"
                          + (" · :violet-badge[dilemma]" if punt.dilemma else ""))
            if punt.vervallen:
                text.caption(":material/link_off: Deze afspraak is verwijderd; het punt blijft zichtbaar.")
            if punt.vraag:
                text.caption(f"Gevraagd: {escaped(punt.vraag)}")
            up.button("Eén plaats omhoog", key=f"op_{punt.id}", icon=":material/arrow_upward:", help="Eén plaats omhoog",
                      disabled=n == 0, on_click=_act,
                      args=(db, wie, lambda s, i=punt.id: agenda.move_item(s, wie, i, -1)))
            down.button("Eén plaats omlaag", key=f"neer_{punt.id}", icon=":material/arrow_downward:", help="Eén plaats omlaag",
                        disabled=n == len(punten) - 1, on_click=_act,
                        args=(db, wie, lambda s, i=punt.id: agenda.move_item(s, wie, i, 1)))
            away.button("Van de agenda halen", key=f"weg_{punt.id}", icon=":material/delete:", help="Van de agenda halen",
                        on_click=_act, args=(db, wie, lambda s, i=punt.id: agenda.remove_item(s, wie, i)))
    form = f"punt{deze_vergadering.id}"
    done(form)
    error(form, "_")
    with st.form(form, border=True):
        st.subheader("Punt toevoegen", anchor=False)
        keuzes = {f"a{r['id']}": f"{r['nummer']} {r['titel']}" for r in afspraken_lijst.to_dict("records")}
        keuzes |= {f"k{r['sleutel']}": f"KPI-dia: {r['naam']}" for r in indicatoren.to_dict("records")}
        st.selectbox("Afspraak of indicator", list(keuzes), format_func=keuzes.get, key=f"{form}_keuze")
        st.text_input("Wat vraagt u van het bestuur? (één regel)", max_chars=agenda.VRAAG_MAX, key=f"{form}_vraag")
        error(form, "vraag")
        st.form_submit_button("Op de agenda zetten", icon=":material/playlist_add:", on_click=_add,
                              args=(form, db, wie, deze_vergadering.id))
    if punten:
        vform = f"vraag{deze_vergadering.id}"
        done(vform)
        error(vform, "_")
        with st.form(vform, border=True):
            st.subheader("Vraag aan het bestuur wijzigen", anchor=False)
            namen = {p.id: p.naam for p in punten}
            st.selectbox("Agendapunt", list(namen), format_func=namen.get, key=f"{vform}_punt")
            st.text_input("Wat vraagt u van het bestuur? (één regel)", max_chars=agenda.VRAAG_MAX, key=f"{vform}_vraag")
            error(vform, "vraag")
            st.form_submit_button("Vraag opslaan", icon=":material/save:", on_click=_question, args=(vform, db, wie))


@runtime.guarded
def _add(form: str, db: Database, wie: access.Visitor, vergadering_id: int) -> None:
    if not visitor.allowed(ACTIE):
        return
    s = st.session_state
    keuze = s[f"{form}_keuze"]
    invoer = agenda.PuntInvoer(soort="afspraak", afspraak_id=int(keuze[1:]), vraag=s[f"{form}_vraag"]) \
        if keuze.startswith("a") else agenda.PuntInvoer(soort="kpi", indicator=keuze[1:], vraag=s[f"{form}_vraag"])
    if run(form, db, lambda session: agenda.add_item(session, wie, vergadering_id, invoer), "Het punt staat op de agenda."):
        s[f"{form}_vraag"] = ""


@runtime.guarded
def _question(form: str, db: Database, wie: access.Visitor) -> None:
    if visitor.allowed(ACTIE):
        s = st.session_state
        run(form, db, lambda session: agenda.set_question(session, wie, s[f"{form}_punt"], s[f"{form}_vraag"]),
             "De vraag is opgeslagen.")


# ---------------------------------------------------------------- a besluit by consent

def besluit_form(db: Database, wie: access.Visitor, deze_vergadering: agenda.VergaderingInfo,
                 genomen: list[besluiten.BesluitInfo], tafel_van, partijen: list[str]) -> None:
    """Record a decision on an agenda item: the proposal, each party's position, how objections were
    handled, the change it makes; the outcome follows from the positions. An aangehouden decision can
    be taken up again.

    Consent is the rule, so a party consents unless its objection is switched on; only then are the
    reason and its handling asked. That needs a rerun per switch, so this is a bordered container with
    a button, not an st.form (whose widgets do not rerun)."""
    punten = {p.id: p for p in deze_vergadering.punten}
    if not punten:
        st.caption("Zet eerst een punt op de agenda.")
        return
    punt_id = st.selectbox("Agendapunt", list(punten), format_func=lambda i: punten[i].naam, key="besluit_punt")
    punt = punten[punt_id]
    open_besluiten = {b.id: b for b in genomen if b.agendapunt_id == punt_id and b.uitkomst == "aangehouden"}
    besluit_id = st.selectbox("Besluit", [None, *open_besluiten], key=f"besluit_keuze_{punt_id}",
                              format_func=lambda i: "Nieuw besluit" if i is None else
                              f"Aangehouden besluit van {formatting.day(open_besluiten[i].datum)} opnieuw nemen")
    eerder = open_besluiten.get(besluit_id)
    form = f"besluit{punt_id}_{besluit_id or 'nieuw'}"
    done(form)
    error(form, "_")
    error(form, "besluit")
    posities = {p.partij: p for p in (eerder.posities if eerder else [])}
    with st.container(border=True, key=form):
        st.text_area("Voorstel", value=eerder.voorstel if eerder else "", key=f"{form}_voorstel")
        error(form, "voorstel")
        st.markdown("**Posities** (consent: aangenomen zodra er geen bezwaar meer staat; elke partij stemt in, "
                    "tenzij u haar bezwaar aanzet)")
        error(form, "posities")
        for n, naam in enumerate(tafel_van(punt.afspraak_id)):
            p = posities.get(naam)
            if not st.toggle(f"{escaped(naam)} maakt bezwaar", value=bool(p and p.positie == "bezwaar"), key=f"{form}_pos{n}"):
                continue
            with st.container(border=True):
                st.text_input(f"Reden van het bezwaar van {escaped(naam)}", value=p.reden if p else "", key=f"{form}_reden{n}")
                error(form, f"reden:{naam}")
                st.selectbox(f"Hoe is het bezwaar van {escaped(naam)} verwerkt?", ["", *VERWERKING_LABELS],
                             format_func=lambda v: VERWERKING_LABELS.get(v, "Nog niet: het bezwaar staat"),
                             key=f"{form}_verwerking{n}")
                st.text_input(f"Toelichting bij de verwerking ({escaped(naam)})", key=f"{form}_vtekst{n}")
                error(form, f"verwerking:{naam}")
        st.selectbox("Wijzigt het besluit de afspraak?", ["", *WIJZIGING_LABELS], key=f"{form}_wijziging",
                     format_func=lambda v: {"": "Nee", "streefwaarde": "Ja: de streefwaarde", "tot_jaar": "Ja: het eindjaar",
                                            "trekker": "Ja: de trekker"}[v])
        error(form, "wijziging")
        st.text_input("Nieuwe waarde (getal, jaartal of de naam van de nieuwe trekker)", key=f"{form}_waarde",
                      help="Trekker: " + escaped(", ".join(partijen)))
        error(form, "nieuwe_waarde")
        st.text_area("Volgende stap als er nog een bezwaar staat", value=eerder.vervolgstap if eerder else "",
                     key=f"{form}_vervolgstap")
        error(form, "vervolgstap")
        left, right = st.columns(2)
        left.date_input("Datum van het besluit", value=max(deze_vergadering.datum, eerder.datum) if eerder else deze_vergadering.datum,
                        format="DD-MM-YYYY", key=f"{form}_datum")
        right.date_input("Opnieuw bekijken op", value=deze_vergadering.datum + timedelta(days=182), format="DD-MM-YYYY",
                         key=f"{form}_evaluatie", help="Goed genoeg voor nu, veilig genoeg om te proberen.")
        error(form, "evaluatie")
        st.button("Besluit vastleggen", type="primary", icon=":material/gavel:", key=f"{form}_vastleggen",
                  on_click=_decide, args=(form, db, wie, punt_id, besluit_id, tafel_van(punt.afspraak_id)))


@runtime.guarded
def _decide(form: str, db: Database, wie: access.Visitor, punt_id: int, besluit_id: int | None, namen: list[str]) -> None:
    if not visitor.allowed(ACTIE):
        return
    s = st.session_state
    posities = [besluiten.Positie(partij=naam, bezwaar=True, reden=s[f"{form}_reden{n}"],
                                  verwerking=s[f"{form}_verwerking{n}"], verwerking_tekst=s[f"{form}_vtekst{n}"])
                if s.get(f"{form}_pos{n}") else besluiten.Positie(partij=naam, bezwaar=False)
                for n, naam in enumerate(namen)]
    invoer = besluiten.BesluitInvoer(agendapunt_id=punt_id, voorstel=s[f"{form}_voorstel"], posities=posities,
                                     evaluatie=s[f"{form}_evaluatie"], datum=s[f"{form}_datum"],
                                     vervolgstap=s[f"{form}_vervolgstap"], wijziging=s[f"{form}_wijziging"],
                                     nieuwe_waarde=s[f"{form}_waarde"])
    uitkomst = besluiten.uitkomst(posities)
    run(form, db, lambda session: besluiten.record(session, wie, invoer, besluit_id),
         f"Het besluit is vastgelegd: {UITKOMST_LABELS[uitkomst].lower()}."
         + (" De wijziging staat nu in de afspraak." if uitkomst == "aangenomen" and invoer.wijziging else ""))
