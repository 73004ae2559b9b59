"""Afspraken: the list grouped by opgave or wettelijk veld with filters, and per afspraak
(?afspraak=ID) the tellen side beside the vertellen side, with the editing forms for redacteuren."""
import streamlit as st

from dashboard import afspraken, config
from dashboard.afspraken import STATUS_LABELS
from dashboard.models.afspraken import STATUSSEN
from dashboard.toegang import access
from dashboard.ui import afspraken as show
from dashboard.ui import chrome, deelname, navigation, reads, runtime, vergadering, visitor
from dashboard.ui.formulieren import afspraken as afspraken_formulieren
from dashboard.ui.tekst import escaped
from dashboard.verhalen import toestemming

navigation.entered_through_app()
db = runtime.database()
media_dir = config.load().media_dir
wie = visitor.current()
mag_bewerken = access.may(wie, "afspraak_bewerken")
gevraagd = str(st.query_params.get("afspraak", ""))[:12]

keuzes = reads.afspraken.choices()
last_update = reads.queries.last_update()
info = reads.afspraken.detail(int(gevraagd)) if gevraagd.isdigit() else None

if reads.queries.demo_loaded():
    chrome.fictional_notice()
if gevraagd and info is None:
    st.warning("Deze afspraak bestaat niet (meer). Kies er een uit de lijst hieronder.", icon=":material/link_off:")
if info:
    st.query_params["afspraak"] = str(info.id)  # keep the link shareable after in-app navigation
    navigation.link("pages/afspraken.py", label="Terug naar alle afspraken", icon=":material/arrow_back:")
    if mag_bewerken and (titel_note := afspraken.titel_en_looptijd(info.titel, info.van_jaar, info.tot_jaar, info.ambitie)):
        st.warning(escaped(titel_note), icon=":material/edit_note:")  # e.g. after a besluit changed the looptijd; it quotes the title
    show.detail(info, reads.afspraken.figures(info.id, scope=wie.share_gebied),
                reads.verhalen.for_afspraak(info.id, scope=wie.share_gebied, zicht=toestemming.zicht(wie)), media_dir)
    vergadering.for_afspraak(reads.besluiten.list_besluiten(afspraak_id=info.id), reads.besluiten.history(info.id))
    deelname.kring(info.id, key="kring_afspraak")
    partijen = keuzes.partijen["naam"].tolist()
    if access.may_on(wie, "voortgang_toevoegen", info.partij_ids):  # a partner: only with its partij on board
        with st.expander("Voortgang toevoegen", icon=":material/add_comment:"):
            afspraken_formulieren.voortgang(db, wie, info, partijen)
    afspraken_formulieren.voortgang_aanpassen(db, wie, info, partijen)
    if mag_bewerken:
        with st.expander("Jaarschijf: activiteit toevoegen of status bijwerken", icon=":material/event_note:"):
            afspraken_formulieren.activiteit(db, wie, info, partijen)
        with st.expander("Afspraak bewerken", icon=":material/edit:"):
            afspraken_formulieren.afspraak(db, wie, keuzes, info)
    chrome.footer(last_update)
    st.stop()

st.title("Afspraken")
st.caption("Meerjarige afspraken als kompas, met elk jaar een jaarschijf. De status is wat de partijen "
           "zelf meldden; open een afspraak voor de cijfers en de verhalen erachter.")
with st.sidebar:
    st.header("Filters")
    lens = st.segmented_control("Groepeer per", afspraken.LENZEN, default="opgave", required=True, key="lens",
                                bind="query-params", format_func=afspraken.LENS_LABELS.get)
    status = st.selectbox("Status", STATUSSEN, index=None, placeholder="Alle statussen", key="status",
                          bind="query-params", format_func=STATUS_LABELS.get)
    partij = st.selectbox("Partij", keuzes.partijen["naam"].tolist(), index=None, placeholder="Alle partijen",
                          key="partij", bind="query-params")
    jaar = st.selectbox("Loopt in jaar", keuzes.jaren, index=None, placeholder="Alle jaren", key="jaar",
                        bind="query-params")
show.overview(reads.afspraken.overview(lens=lens, status=status, partij=partij, jaar=jaar), reads.afspraken.trajecten(scope=wie.share_gebied))
if mag_bewerken:
    with st.expander("Nieuwe afspraak", icon=":material/add:"):
        afspraken_formulieren.afspraak(db, wie, keuzes)
chrome.footer(last_update)
