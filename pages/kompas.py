"""Kompas (home): the shared story, the opgaven with their afspraken by status, what the Woningwet's
cycle asks now, what needs the board, the figures against the national targets, and the newest
stories. A switch regroups the same afspraken by wettelijk veld or by the goal they serve."""
import streamlit as st

from dashboard import afspraken, clock, config
from dashboard.cyclus import termijnen
from dashboard.ui import afspraken as show
from dashboard.ui import chrome, cyclus, deelname, doelen, navigation, reads, toestemmingen, vergadering, visitor
from dashboard.ui import verhalen as verhalen_ui
from dashboard.verhalen import toestemming

navigation.entered_through_app()
media_dir = config.load().media_dir
st.title("Tellen & Vertellen")
if reads.queries.demo_loaded():
    chrome.fictional_notice()
st.markdown(afspraken.SHARED_STORY[reads.queries.demo_loaded()])
wie = visitor.current()
toestemmingen.meldingen(reads.toestemming.meldingen(wie.gebruiker_id, clock.today()))
lens = st.segmented_control("Bekijk de afspraken per", afspraken.LENZEN, default="opgave", required=True,
                            key="lens", bind="query-params",
                            format_func=afspraken.LENS_LABELS.get)
overzicht = reads.afspraken.overview(lens=lens)
if overzicht.empty:
    st.info("Er zijn nog geen afspraken. Een redacteur kan ze toevoegen op de pagina Afspraken.")
else:
    st.header(afspraken.LENS_KOPPEN[lens], anchor=False)
    show.cards(show.status_counts(overzicht), show.card_descriptions(reads.afspraken.opgaven(), lens))
    navigation.link("pages/afspraken.py", label="Alle afspraken", icon=":material/handshake:",
                 query_params={"lens": lens} if lens != "opgave" else None)
try:
    cyclus.te_doen(reads.fasen.te_doen(termijnen.load(), clock.today()))
except termijnen.TermijnFout as fout:
    st.error(f"Een termijn van de cyclus in de instellingen klopt niet: {fout}", icon=":material/settings:")
st.header("Vraagt nu bestuurlijke aandacht", anchor=False)
show.attention(reads.afspraken.attention())
vergadering.latest(reads.besluiten.latest(3))
doelen.overzicht(reads.stand.voor_monitor(clock.today()))
deelname.kring(None, key="kring")
st.header("Nieuwste verhalen", anchor=False)
nieuwste = reads.verhalen.newest(3, scope=wie.share_gebied, zicht=toestemming.zicht(wie))
if nieuwste:
    verhalen_ui.grid(nieuwste, media_dir, key="kompas")
    navigation.link("pages/verhalen.py", label="Alle verhalen en de kaart", icon=":material/auto_stories:")
else:
    st.caption("Nog geen verhalen.")
navigation.link("pages/dashboard.py", label="Naar het volkshuisvestelijk dashboard", icon=":material/monitoring:")
chrome.footer(reads.queries.last_update())
