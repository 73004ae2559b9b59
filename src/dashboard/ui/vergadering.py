"""The stuurgroep's side of the app: the list of meetings with their decks and downloads, the agenda
editor and the besluit form for redacteuren and beheerders, and the besluiten beside an afspraak
and on the Kompas.

Forms save in button callbacks through the core (which asks `access.require` and writes the audit
line); a callback asks `visitor.allowed` afresh first. User text is shown with st.text or escaped.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import formatting
from dashboard.afspraken import STATUS_LABELS
from dashboard.db import Database
from dashboard.toegang import access
from dashboard.ui import navigation, visitor
from dashboard.ui.formulieren import _done, _error, _run
from dashboard.vergadering import agenda, besluiten, export
from dashboard.vergadering.agenda import ACTIE
from dashboard.vergadering.besluiten import UITKOMST_LABELS, VERWERKING_LABELS, WIJZIGING_LABELS
from dashboard.vergadering.deck import Deck

PAGE = "pages/presentatie.py"
BADGE = {"aangenomen": ":green-badge[:material/check_circle: Aangenomen]",
         "aangehouden": ":orange-badge[:material/pause_circle: Aangehouden]"}
KIOSK_SECONDS = 20


def _escaped(text: str) -> str:
    """User text inside st.markdown: every Markdown and Streamlit directive character taken literally."""
    return "".join("\\" + ch if ch in "\\`*_{}[]()#+-.!|~<>$:=" else ch for ch in text or "")


# ---------------------------------------------------------------- meetings and their decks

def meetings(rows: list[dict], decks: dict[int, Deck], media_dir: Path, may_download: bool) -> None:
    """Every meeting with a link to present it, a kiosk link and (where allowed) PPTX and PDF downloads."""
    if not rows:
        st.info("Er is nog geen vergadering. Een redacteur of beheerder kan er hieronder een voorbereiden.",
                icon=":material/event:")
        return
    lacking = export.missing() if may_download else None
    for row in rows:
        with st.container(border=True):
            soon = " · komt eraan" if row["datum"] >= date.today() else ""
            st.markdown(f"**{_escaped(row['titel'])}** · {formatting.day(row['datum'])}{soon}")
            st.caption(f"{row['punten']} agendapunten · {row['besluiten']} besluiten")
            links = st.columns(4, vertical_alignment="center")
            with links[0]:
                navigation.link(PAGE, label="Presenteren", icon=":material/slideshow:",
                                query_params={"vergadering": str(row["id"])})
            with links[1]:
                navigation.link(PAGE, label="Kiosk (loopt vanzelf)", icon=":material/autoplay:",
                                query_params={"vergadering": str(row["id"]), "kiosk": "1", "sec": str(KIOSK_SECONDS)})
            if not may_download:
                continue
            if lacking:
                links[2].caption(f":material/info: {lacking}")
                continue
            deck = decks[row["id"]]
            name = f"stuurgroep-{row['datum'].isoformat()}"
            links[2].download_button("Download PowerPoint", lambda d=deck: export.pptx_bytes(d, media_dir),
                                     file_name=f"{name}.pptx", icon=":material/download:", on_click="ignore",
                                     mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                     key=f"pptx_{row['id']}")
            links[3].download_button("Download PDF", lambda d=deck: export.pdf_bytes(d, media_dir),
                                     file_name=f"{name}.pdf", mime="application/pdf", icon=":material/download:",
                                     on_click="ignore", key=f"pdf_{row['id']}")


def not_found(asked: str) -> None:
    st.warning(f"Vergadering {asked[:12]} bestaat niet (meer). Kies hieronder een vergadering.",
               icon=":material/event_busy:")


# ---------------------------------------------------------------- the agenda editor

def new_meeting(db: Database, wie: access.Visitor) -> None:
    form = "nieuwe_vergadering"
    _done(form)
    _error(form, "_")
    with st.form(form, border=True):
        st.subheader("Nieuwe vergadering", anchor=False)
        st.date_input("Datum", value=date.today() + timedelta(days=14), format="DD-MM-YYYY", key=f"{form}_datum")
        _error(form, "datum")
        st.text_input("Titel", placeholder="Bijvoorbeeld: Stuurgroep voorjaar", max_chars=200, key=f"{form}_titel")
        _error(form, "titel")
        st.checkbox("Met een overzichtsdia per opgave", value=True, key=f"{form}_overzicht")
        st.caption("De agenda begint met het voorstel: elke afspraak met een dilemma, of die volgens de laatste "
                   "voortgang achterloopt of aandacht vraagt (dilemma's eerst). Daarna kunt u punten toevoegen, "
                   "schuiven of weghalen.")
        st.form_submit_button("Vergadering aanmaken", type="primary", icon=":material/event:",
                              on_click=_create, args=(form, db, wie))


def _create(form: str, db: Database, wie: access.Visitor) -> None:
    if not visitor.allowed(ACTIE):
        return
    s = st.session_state
    invoer = agenda.VergaderingInvoer(datum=s[f"{form}_datum"], titel=s[f"{form}_titel"], overzicht=s[f"{form}_overzicht"])
    if _run(form, db, lambda session: agenda.create_meeting(session, wie, invoer), "De vergadering staat klaar, "
            "met de voorgestelde agenda."):
        s[f"{form}_titel"] = ""


def _act(db: Database, wie: access.Visitor, write, form: str = "agenda") -> None:
    if visitor.allowed(ACTIE):
        _run(form, db, write, "De agenda is bijgewerkt.")


def agenda_editor(db: Database, wie: access.Visitor, meeting: dict, afspraken_lijst: pd.DataFrame,
                  indicatoren: pd.DataFrame) -> None:
    """The items in order, each movable and removable; add an afspraak or a KPI slide; edit the question."""
    _done("agenda")
    _error("agenda", "_")
    _error("agenda", "agendapunt")
    punten = meeting["punten"]
    for n, punt in enumerate(punten):
        with st.container(border=True):
            text, up, down, away = st.columns([8, 1, 1, 1], vertical_alignment="center")
            soort = "KPI-dia" if punt["soort"] == "kpi" else STATUS_LABELS.get(punt["status"], "")
            text.markdown(f"**{n + 1}. {_escaped(punt['naam'])}** · {soort}"
                          + (" · :violet-badge[dilemma]" if punt["dilemma"] else ""))
            if punt["vervallen"]:
                text.caption(":material/link_off: Deze afspraak is verwijderd; het punt blijft zichtbaar.")
            if punt["vraag"]:
                text.caption(f"Gevraagd: {_escaped(punt['vraag'])}")
            up.button("", key=f"op_{punt['id']}", icon=":material/arrow_upward:", help="Eén plaats omhoog",
                      disabled=n == 0, on_click=_act,
                      args=(db, wie, lambda s, i=punt["id"]: agenda.move_item(s, wie, i, -1)))
            down.button("", key=f"neer_{punt['id']}", icon=":material/arrow_downward:", help="Eén plaats omlaag",
                        disabled=n == len(punten) - 1, on_click=_act,
                        args=(db, wie, lambda s, i=punt["id"]: agenda.move_item(s, wie, i, 1)))
            away.button("", key=f"weg_{punt['id']}", icon=":material/delete:", help="Van de agenda halen",
                        on_click=_act, args=(db, wie, lambda s, i=punt["id"]: agenda.remove_item(s, wie, i)))
    form = f"punt{meeting['id']}"
    _done(form)
    _error(form, "_")
    with st.form(form, border=True):
        st.subheader("Punt toevoegen", anchor=False)
        keuzes = {f"a{r['id']}": f"{r['nummer']} {r['titel']}" for r in afspraken_lijst.to_dict("records")}
        keuzes |= {f"k{r['sleutel']}": f"KPI-dia: {r['naam']}" for r in indicatoren.to_dict("records")}
        st.selectbox("Afspraak of indicator", list(keuzes), format_func=keuzes.get, key=f"{form}_keuze")
        st.text_input("Wat vraagt u van het bestuur? (één regel)", max_chars=agenda.VRAAG_MAX, key=f"{form}_vraag")
        _error(form, "vraag")
        st.form_submit_button("Op de agenda zetten", icon=":material/playlist_add:", on_click=_add,
                              args=(form, db, wie, meeting["id"]))
    if punten:
        vform = f"vraag{meeting['id']}"
        _done(vform)
        _error(vform, "_")
        with st.form(vform, border=True):
            st.subheader("Vraag aan het bestuur wijzigen", anchor=False)
            namen = {p["id"]: p["naam"] for p in punten}
            st.selectbox("Agendapunt", list(namen), format_func=namen.get, key=f"{vform}_punt")
            st.text_input("Wat vraagt u van het bestuur? (één regel)", max_chars=agenda.VRAAG_MAX, key=f"{vform}_vraag")
            _error(vform, "vraag")
            st.form_submit_button("Vraag opslaan", icon=":material/save:", on_click=_question, args=(vform, db, wie))


def _add(form: str, db: Database, wie: access.Visitor, vergadering_id: int) -> None:
    if not visitor.allowed(ACTIE):
        return
    s = st.session_state
    keuze = s[f"{form}_keuze"]
    invoer = agenda.PuntInvoer(soort="afspraak", afspraak_id=int(keuze[1:]), vraag=s[f"{form}_vraag"]) \
        if keuze.startswith("a") else agenda.PuntInvoer(soort="kpi", indicator=keuze[1:], vraag=s[f"{form}_vraag"])
    if _run(form, db, lambda session: agenda.add_item(session, wie, vergadering_id, invoer), "Het punt staat op de agenda."):
        s[f"{form}_vraag"] = ""


def _question(form: str, db: Database, wie: access.Visitor) -> None:
    if visitor.allowed(ACTIE):
        s = st.session_state
        _run(form, db, lambda session: agenda.set_question(session, wie, s[f"{form}_punt"], s[f"{form}_vraag"]),
             "De vraag is opgeslagen.")


# ---------------------------------------------------------------- a besluit by consent

def besluit_form(db: Database, wie: access.Visitor, meeting: dict, genomen: list[dict], tafel_van, partijen: list[str]) -> None:
    """Record a decision on an agenda item: the proposal, each party's position, how objections were
    handled, the change it makes; the outcome follows from the positions. An aangehouden decision can
    be taken up again."""
    punten = {p["id"]: p for p in meeting["punten"]}
    if not punten:
        st.caption("Zet eerst een punt op de agenda.")
        return
    punt_id = st.selectbox("Agendapunt", list(punten), format_func=lambda i: punten[i]["naam"], key="besluit_punt")
    punt = punten[punt_id]
    open_besluiten = {b["id"]: b for b in genomen if b["agendapunt_id"] == punt_id and b["uitkomst"] == "aangehouden"}
    besluit_id = st.selectbox("Besluit", [None, *open_besluiten], key=f"besluit_keuze_{punt_id}",
                              format_func=lambda i: "Nieuw besluit" if i is None else
                              f"Aangehouden besluit van {formatting.day(open_besluiten[i]['datum'])} opnieuw nemen")
    eerder = open_besluiten.get(besluit_id)
    form = f"besluit{punt_id}_{besluit_id or 'nieuw'}"
    _done(form)
    _error(form, "_")
    _error(form, "besluit")
    posities = {p["partij"]: p for p in (eerder["posities"] if eerder else [])}
    with st.form(form, border=True):
        st.text_area("Voorstel", value=eerder["voorstel"] if eerder else "", key=f"{form}_voorstel")
        _error(form, "voorstel")
        st.markdown("**Posities** (consent: aangenomen zodra er geen bezwaar meer staat)")
        _error(form, "posities")
        for n, naam in enumerate(tafel_van(punt["afspraak_id"])):
            p = posities.get(naam, {})
            left, right = st.columns([2, 5])
            left.radio(naam, ["instemming", "bezwaar"], index=1 if p.get("positie") == "bezwaar" else 0,
                       format_func={"instemming": "Instemming", "bezwaar": "Bezwaar"}.get, key=f"{form}_pos{n}")
            right.text_input(f"Reden van het bezwaar van {naam}", value=p.get("reden", ""), key=f"{form}_reden{n}")
            _error(form, f"reden:{naam}")
            right.selectbox(f"Hoe is het bezwaar van {naam} verwerkt?", ["", *VERWERKING_LABELS],
                            format_func=lambda v: VERWERKING_LABELS.get(v, "Nog niet: het bezwaar staat"),
                            key=f"{form}_verwerking{n}")
            right.text_input(f"Toelichting bij de verwerking ({naam})", key=f"{form}_vtekst{n}")
            _error(form, f"verwerking:{naam}")
        st.selectbox("Wijzigt het besluit de afspraak?", ["", *WIJZIGING_LABELS], key=f"{form}_wijziging",
                     format_func=lambda v: {"": "Nee", "streefwaarde": "Ja: de streefwaarde", "tot_jaar": "Ja: het eindjaar",
                                            "trekker": "Ja: de trekker"}[v])
        _error(form, "wijziging")
        st.text_input("Nieuwe waarde (getal, jaartal of de naam van de nieuwe trekker)", key=f"{form}_waarde",
                      help="Trekker: " + ", ".join(partijen))
        _error(form, "nieuwe_waarde")
        st.text_area("Volgende stap als er nog een bezwaar staat", value=eerder["vervolgstap"] if eerder else "",
                     key=f"{form}_vervolgstap")
        _error(form, "vervolgstap")
        left, right = st.columns(2)
        left.date_input("Datum van het besluit", value=max(meeting["datum"], eerder["datum"]) if eerder else meeting["datum"],
                        format="DD-MM-YYYY", key=f"{form}_datum")
        right.date_input("Opnieuw bekijken op", value=meeting["datum"] + timedelta(days=182), format="DD-MM-YYYY",
                         key=f"{form}_evaluatie", help="Goed genoeg voor nu, veilig genoeg om te proberen.")
        _error(form, "evaluatie")
        st.form_submit_button("Besluit vastleggen", type="primary", icon=":material/gavel:", on_click=_decide,
                              args=(form, db, wie, punt_id, besluit_id, tafel_van(punt["afspraak_id"])))


def _decide(form: str, db: Database, wie: access.Visitor, punt_id: int, besluit_id: int | None, namen: list[str]) -> None:
    if not visitor.allowed(ACTIE):
        return
    s = st.session_state
    posities = [besluiten.Positie(partij=naam, bezwaar=s[f"{form}_pos{n}"] == "bezwaar", reden=s[f"{form}_reden{n}"],
                                  verwerking=s[f"{form}_verwerking{n}"], verwerking_tekst=s[f"{form}_vtekst{n}"])
                for n, naam in enumerate(namen)]
    invoer = besluiten.BesluitInvoer(agendapunt_id=punt_id, voorstel=s[f"{form}_voorstel"], posities=posities,
                                     evaluatie=s[f"{form}_evaluatie"], datum=s[f"{form}_datum"],
                                     vervolgstap=s[f"{form}_vervolgstap"], wijziging=s[f"{form}_wijziging"],
                                     nieuwe_waarde=s[f"{form}_waarde"])
    uitkomst = besluiten.uitkomst(posities)
    _run(form, db, lambda session: besluiten.record(session, wie, invoer, besluit_id),
         f"Het besluit is vastgelegd: {UITKOMST_LABELS[uitkomst].lower()}."
         + (" De wijziging staat nu in de afspraak." if uitkomst == "aangenomen" and invoer.wijziging else ""))


# ---------------------------------------------------------------- besluiten elsewhere in the app

def _besluit(besluit: dict, with_afspraak: bool) -> None:
    with st.container(border=True):
        wie = f"{_escaped(besluit['afspraak'] or '')} {_escaped(besluit['afspraak_titel'])} · " if with_afspraak else ""
        st.markdown(f"{BADGE[besluit['uitkomst']]} {wie}{formatting.day(besluit['datum'])} · "
                    f"{_escaped(besluit['vergadering'])}")
        st.text(besluit["voorstel"])
        for bezwaar in besluit["bezwaren"]:
            st.caption(f"Bezwaar van {_escaped(bezwaar['partij'])}: {_escaped(bezwaar['reden'])} · "
                       f"{_escaped(bezwaar['verwerking'] or 'het bezwaar staat nog')}")
        if besluiten.change_text(besluit):
            st.caption(f":material/edit_note: Wijziging: {_escaped(besluiten.change_text(besluit))}")
        if besluit["vervolgstap"]:
            st.caption(f"Volgende stap: {_escaped(besluit['vervolgstap'])}")
        st.caption(f"Opnieuw bekijken op {formatting.day(besluit['evaluatie'])}")
        if with_afspraak and besluit["afspraak_id"]:
            navigation.link("pages/afspraken.py", label="Naar de afspraak", icon=":material/arrow_forward:",
                            query_params={"afspraak": str(besluit["afspraak_id"])})


def for_afspraak(rows: list[dict], history: list[dict]) -> None:
    """On the afspraak page: what the stuurgroep decided about it, and what those decisions changed."""
    st.subheader("Besluiten van de stuurgroep", anchor=False)
    if not rows:
        st.caption("De stuurgroep heeft over deze afspraak nog niets besloten.")
    for besluit in rows:
        _besluit(besluit, with_afspraak=False)
    if history:
        st.markdown("**Gewijzigd door besluiten**")
        for line in history:
            st.caption(f"{formatting.day(line['datum'])} · besluit {line['besluit']} ({_escaped(line['vergadering'])}): "
                       f"{_escaped(line['wijziging'])}")


def latest(rows: list[dict]) -> None:
    """On the Kompas: the newest decisions, with the way to their afspraak and to the meetings."""
    st.header("Laatste besluiten van de stuurgroep", anchor=False)
    if not rows:
        st.caption("Nog geen besluiten.")
    for besluit in rows:
        _besluit(besluit, with_afspraak=True)
    navigation.link(PAGE, label="Vergaderingen en presentatie", icon=":material/co_present:")
