"""Presentatie: the stuurgroep's deck from the data (?vergadering=ID, ?kiosk=1&sec=N), the list of
meetings with their downloads, and for redacteuren and beheerders the agenda and the besluiten."""

import streamlit as st

from dashboard import clock, config
from dashboard.toegang import access
from dashboard.ui import chrome, navigation, reads, runtime, visitor
from dashboard.ui import presentatie as slides
from dashboard.ui import vergadering as show
from dashboard.ui.formulieren import vergadering as vergadering_formulieren
from dashboard.verhalen import toestemming

navigation.entered_through_app()
media_dir = config.load().media_dir
wie = visitor.current()
gevraagd = str(st.query_params.get("vergadering", ""))[:12]
kiosk = st.query_params.get("kiosk") == "1"

vergadering_id = int(gevraagd) if gevraagd.isdigit() else None
if vergadering_id is None and kiosk and not gevraagd:
    vergadering_id = reads.agenda.default_vergadering(clock.today())
deck = reads.deck.build(vergadering_id, scope=wie.share_gebied, zicht=toestemming.zicht(wie)) if vergadering_id is not None else None
if deck is not None and not access.may_see_vergadering(wie, deck.datum):  # a coming meeting's draft
    deck = None
if deck is not None and deck.dias:
    if kiosk:
        sec = str(st.query_params.get("sec", ""))[:4]
        slides.kiosk(deck, media_dir, seconds=max(5, min(int(sec), 600)) if sec.isdigit() else show.KIOSK_SECONDS)
    else:
        slides.present(deck, media_dir)
    st.stop()

st.title("Presentatie")
if gevraagd:
    show.not_found(gevraagd)
if reads.queries.demo_loaded():
    chrome.fictional_notice()
st.write("De stuurgroep leest de monitor samen: per vergadering een presentatie die uit de cijfers en verhalen "
         "van nu wordt opgebouwd, met de besluiten erbij. Presenteer met de pijltjestoetsen of een clicker.")
rows = [r for r in reads.agenda.list_vergaderingen() if access.may_see_vergadering(wie, r.datum)]
may_download = access.may(wie, "downloaden")
# the downloads leave the app: only the photos whose consent reaches openbaar
downloads = {r.id: reads.deck.build(r.id, scope=wie.share_gebied, zicht=toestemming.openbaar())
             for r in rows} if may_download else {}
show.vergaderingen(rows, downloads, media_dir, may_download)

if access.may(wie, "vergadering_bewerken"):
    db = runtime.database()
    st.header("Vergadering voorbereiden", anchor=False)
    vergadering_formulieren.new_vergadering(db, wie)
    if rows:
        namen = {r.id: f"{r.titel} ({r.datum:%d-%m-%Y})" for r in rows}
        gekozen = st.selectbox("Vergadering", list(namen), format_func=namen.get, key="bewerk_vergadering")
        deze_vergadering = reads.agenda.detail(gekozen)
        keuzes = reads.afspraken.choices()
        agenda_tab, besluit_tab = st.tabs(["Agenda", "Besluit vastleggen"])
        with agenda_tab:
            vergadering_formulieren.agenda_editor(db, wie, deze_vergadering,
                                                  reads.afspraken.overview()[["id", "nummer", "titel"]].drop_duplicates("id"),
                                                  keuzes.indicatoren)
        with besluit_tab:
            vergadering_formulieren.besluit_form(db, wie, deze_vergadering, reads.besluiten.list_besluiten(vergadering_id=gekozen),
                                                 reads.besluiten.tafel, keuzes.partijen["naam"].tolist())
chrome.footer(reads.queries.last_update())
