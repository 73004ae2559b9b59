"""Afspraken: the list grouped by opgave or wettelijk veld with filters, and per afspraak
(?afspraak=ID) the tellen side beside the vertellen side, with the editing forms for redacteuren."""
import streamlit as st

from dashboard import access, afspraken, config, queries, verhalen
from dashboard.afspraken import STATUS_LABELS
from dashboard.models.afspraken import STATUSSEN
from dashboard.ui import afspraken as show
from dashboard.ui import chrome, formulieren, navigation, runtime, visitor

navigation.entered_through_app()
db = runtime.database()
media_dir = config.load().media_dir
wie = visitor.current()
mag_bewerken, mag_voortgang = access.may(wie, "afspraak_bewerken"), access.may(wie, "voortgang_toevoegen")
gevraagd = str(st.query_params.get("afspraak", ""))[:12]

with db.sessions() as session:
    keuzes = afspraken.choices(session)
    demo, last_update = queries.demo_loaded(session), queries.last_update(session)
    info = afspraken.detail(session, int(gevraagd)) if gevraagd.isdigit() else None
    if info:
        trend = afspraken.indicator_trend(session, info)
        afgeleid = (afspraken.derived_status(trend, info["indicator"]["richting"], info["van_jaar"], info["tot_jaar"],
                                             info["streefwaarde"]) if info["indicator"] else None)
        bij_verhalen = verhalen.for_afspraak(session, info["id"], scope=visitor.current().share_gebied)

if demo:
    chrome.fictional_notice()
if gevraagd and info is None:
    st.warning("Deze afspraak bestaat niet (meer). Kies er een uit de lijst hieronder.", icon=":material/link_off:")
if info:
    st.query_params["afspraak"] = str(info["id"])  # keep the link shareable after in-app navigation
    navigation.link("pages/afspraken.py", label="Terug naar alle afspraken", icon=":material/arrow_back:")
    show.detail(info, trend, afgeleid, bij_verhalen, media_dir)
    partijen = keuzes["partijen"]["naam"].tolist()
    if mag_voortgang:
        with st.expander("Voortgang toevoegen", icon=":material/add_comment:"):
            formulieren.voortgang(db, wie, info, partijen)
    if mag_bewerken:
        with st.expander("Jaarschijf: activiteit toevoegen of status bijwerken", icon=":material/event_note:"):
            formulieren.activiteit(db, wie, info, partijen)
        with st.expander("Afspraak bewerken", icon=":material/edit:"):
            formulieren.afspraak(db, wie, keuzes, info)
    chrome.footer(last_update)
    st.stop()

st.title("Afspraken")
st.caption("Meerjarige afspraken als kompas, met elk jaar een jaarschijf. De status is wat de partijen "
           "zelf meldden; open een afspraak voor de cijfers en de verhalen erachter.")
with st.sidebar:
    st.header("Filters")
    lens = st.segmented_control("Groepeer per", afspraken.LENZEN, default="opgave", required=True, key="lens",
                                bind="query-params", format_func={"opgave": "Opgave", "veld": "Wettelijk veld"}.get)
    status = st.selectbox("Status", STATUSSEN, index=None, placeholder="Alle statussen", key="status",
                          bind="query-params", format_func=STATUS_LABELS.get)
    partij = st.selectbox("Partij", keuzes["partijen"]["naam"].tolist(), index=None, placeholder="Alle partijen",
                          key="partij", bind="query-params")
    jaar = st.selectbox("Loopt in jaar", keuzes["jaren"], index=None, placeholder="Alle jaren", key="jaar",
                        bind="query-params")
with db.sessions() as session:
    rows = afspraken.overview(session, lens=lens, status=status, partij=partij, jaar=jaar)
show.overview(rows)
if mag_bewerken:
    with st.expander("Nieuwe afspraak", icon=":material/add:"):
        formulieren.afspraak(db, wie, keuzes)
chrome.footer(last_update)
