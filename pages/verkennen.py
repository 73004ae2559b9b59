"""Verkennen: two figures side by side for every gemeente or wijk; pick points to see them in the
ranking and on the map, and compare a gebied with others of its size. The choice is in the URL."""
import streamlit as st

from dashboard.ui import chrome, filters, navigation, reads, visitor
from dashboard.ui import verkennen as show
from dashboard.verkennen import keuze as keuzes
from dashboard.verkennen import punten

navigation.entered_through_app()
st.title("Verkennen")
st.caption("Zet twee cijfers naast elkaar voor alle gemeenten of alle wijken. Kies punten in de grafiek "
           "om ze in de tabel en op de kaart terug te zien.")
options = reads.queries.options()
if options is None:
    st.info("Er zijn nog geen cijfers. Een gegevensbeheerder kan ze importeren op de pagina Gegevens.")
    st.stop()
options = filters.scoped(options)
if not keuzes.binnen_keuzes(options):
    st.info("Hier is maar één gebied te zien. Verkennen vraagt meerdere gemeenten of wijken.")
    st.stop()
if reads.queries.demo_loaded():
    chrome.fictional_notice()
keuze = show.choice(options, visitor.current().share_gebied)
verkenning = reads.punten.verken(keuze)
namen = dict(zip(options.indicatoren["sleutel"], options.indicatoren["naam"]))
gemarkeerd, vergelijk = show.picks(verkenning)
show.missing(verkenning, namen)
if verkenning.punten.empty:
    st.info(f"Voor deze keuze zijn er in {keuze.jaar} geen gebieden met beide cijfers. Kies een ander jaar of "
            "andere cijfers.")
    st.stop()
gekozen = list(dict.fromkeys(show.scatter(verkenning, options, gemarkeerd, vergelijk) + gemarkeerd))

st.header("Rangorde", anchor=False)
show.ranking(verkenning, options, gekozen)
st.header("Kaart", anchor=False)
codes = verkenning.punten["code"].tolist()
shapes = reads.queries.geometries(codes) if len(codes) <= show.MAX_VORMEN else verkenning.punten.assign(geometrie=None)
show.kaart(verkenning, shapes, gekozen, options)
if vergelijk:
    st.header("Vergelijken met gebieden van dezelfde grootte", anchor=False)
    show.compare(punten.vergelijking(verkenning, vergelijk), verkenning, options)
chrome.footer(reads.queries.last_update())
