"""Cyclus: the Woningwet's yearly cycle of one year (?cyclusjaar=), its five phases with their deadlines,
the bods beside the afspraken, who signed, the geschillen; and for redacteuren and beheerders the
forms to record them."""
import streamlit as st

from dashboard import clock, config
from dashboard.cyclus import publicatie, termijnen
from dashboard.toegang import access
from dashboard.ui import chrome, navigation, reads, runtime, visitor
from dashboard.ui import cyclus as show
from dashboard.ui.formulieren import cyclus as cyclus_formulieren

navigation.entered_through_app()
settings = config.load()
wie = visitor.current()
st.title("Cyclus")
st.caption("De jaarlijkse cyclus van de Woningwet: de corporaties brengen een bod uit, de partijen overleggen en "
           "tekenen de afspraken, voeren ze uit en kijken terug. Wie tekende, wat er nog ontbreekt en welke termijn "
           "verstreek, staat hier per jaar.")
if reads.queries.demo_loaded():
    chrome.fictional_notice()
try:
    termijn = termijnen.load()
except termijnen.TermijnFout as fout:
    st.error(f"Een termijn in de instellingen klopt niet: {fout} Vraag de beheerder dit aan te passen.",
             icon=":material/settings:")
    st.stop()
vandaag = clock.today()
jaren = list(range(vandaag.year + 1, vandaag.year - 5, -1))
jaar = st.selectbox("Afspraken voor het jaar", jaren, key="cyclusjaar", bind="query-params",
                    help="Het jaar waarvoor de afspraken gelden. Het bod en de ondertekening vallen in het jaar "
                         "ervoor.")
cyclus = reads.fasen.jaar(jaar, termijn, vandaag)
show.fasen(cyclus)
show.bods(cyclus, reads.bod.naast(jaar), settings.media_dir, access.may(wie, "downloaden"))
show.handtekeningen(cyclus)
show.geschillen(cyclus)
if access.may(wie, "cyclus_bewerken"):
    try:
        licentie = publicatie.licentie()
    except publicatie.LicentieFout as fout:
        st.error(f"{fout} Vraag de beheerder dit aan te passen.", icon=":material/settings:")
        st.stop()
    show.documenten(cyclus, reads.dossier.samenstellen(jaar, termijn, vandaag) if cyclus.geschillen else None,
                    lambda: reads.publicatie.samenstellen(jaar, termijn, vandaag, licentie).zip())
    db = runtime.database()
    afspraken = {int(i): f"{n} {t}" for i, n, t in reads.afspraken.overview()[["id", "nummer", "titel"]].itertuples(
        index=False)}
    with st.expander("Bod vastleggen", icon=":material/inbox:"):
        cyclus_formulieren.bod_form(db, cyclus, afspraken, settings.media_dir, settings.max_upload_mb * 1_000_000)
    with st.expander("Ondertekening vastleggen", icon=":material/draw:"):
        cyclus_formulieren.teken_form(db, cyclus)
    with st.expander("Geschil vastleggen", icon=":material/balance:"):
        cyclus_formulieren.geschil_form(db, cyclus, afspraken)
chrome.footer(reads.queries.last_update())
