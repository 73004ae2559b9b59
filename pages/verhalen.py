"""Verhalen: the gallery of practice stories with filters, a map, one story (?verhaal=ID) with its
photos, videos and afspraken, and the form to tell a new one."""
import streamlit as st

from dashboard import clock, config, formatting
from dashboard.models.afspraken import VERTELLERS
from dashboard.toegang import access
from dashboard.ui import chrome, navigation, reads, runtime, toestemmingen, visitor
from dashboard.ui import verhalen as show
from dashboard.ui.formulieren import ondertitels, verwijderen
from dashboard.ui.formulieren import verhalen as verhalen_formulieren
from dashboard.verhalen import toestemming, verhalen

navigation.entered_through_app()
db = runtime.database()
settings = config.load()
wie = visitor.current()
gevraagd = str(st.query_params.get("verhaal", ""))[:12]

last_update = reads.queries.last_update()
dit_verhaal = reads.verhalen.detail(int(gevraagd), scope=wie.share_gebied, zicht=toestemming.zicht(wie)) if gevraagd.isdigit() else None
opgaven = reads.afspraken.opgaven().set_index("id")["naam"]
if reads.queries.demo_loaded():
    chrome.fictional_notice()
if gevraagd and dit_verhaal is None:
    st.warning("Dit verhaal bestaat niet (meer). Kies er een uit de verhalen hieronder.", icon=":material/link_off:")
if dit_verhaal:
    st.query_params["verhaal"] = str(dit_verhaal.id)  # keep the link shareable after in-app navigation
    navigation.link("pages/verhalen.py", label="Terug naar alle verhalen", icon=":material/arrow_back:")
    show.full(dit_verhaal, settings.media_dir)
    verhalen_formulieren.verhaal_aanpassen(db, wie, dit_verhaal)
    if access.may_keep_register(wie, dit_verhaal.gebruiker_id):
        toestemmingen.verhaal_register(db, wie, reads.toestemming.register(clock.today(), dit_verhaal.id),
                                       settings.media_dir)
    ondertitels.ondertitels_aanpassen(db, wie, dit_verhaal, settings.media_dir)
    verwijderen.verwijderen(db, wie, dit_verhaal, settings.media_dir)
    chrome.footer(last_update)
    st.stop()

st.title("Verhalen")
st.caption("De praktijk achter de cijfers, verteld door huurders, professionals, bestuurders en bewoners.")
if access.may(wie, "verhaal_bewerken"):
    ondertitels.ontbrekend(reads.ondertitels.zonder_ondertitels(wie))
namen = reads.verhalen.wijken(scope=wie.share_gebied)
with st.sidebar:
    st.header("Filters")
    opgave = st.selectbox("Opgave", opgaven.index.tolist(), index=None, placeholder="Alle opgaven", key="opgave",
                          bind="query-params", format_func=lambda i: opgaven[i])
    wijk = st.selectbox("Wijk", list(namen.index), index=None, placeholder="Alle wijken",
                        key="wijk", bind="query-params", format_func=lambda c: namen[c])
    rol = st.selectbox("Verteller", VERTELLERS, index=None, placeholder="Iedereen", key="rol", bind="query-params",
                       format_func=verhalen.ROL_LABELS.get)
gekozen = reads.verhalen.gallery(opgave_id=opgave, gebied=wijk, rol=rol, scope=wie.share_gebied,
                                  zicht=toestemming.zicht(wie))

if not gekozen:
    st.info("Geen verhalen met deze filters. Maak een filter leeg om meer te zien.")
else:
    st.caption(formatting.count(len(gekozen), "verhaal", "verhalen"))
    show.grid(gekozen, settings.media_dir, key="galerij")
    st.header("Kaart van de verhalen", anchor=False)
    punten = reads.verhalen.map_points(gekozen)
    if not punten.empty:
        show.verhaal_map(punten, reads.queries.geometries(list(namen.index)), key="verhalenkaart")
if access.may(wie, "verhaal_bewerken"):
    st.header("Vertel een verhaal", anchor=False)
    lijst = reads.afspraken.overview()[["id", "nummer", "titel", "partijen"]].drop_duplicates("id")
    verhalen_formulieren.verhaal(db, wie, namen, lijst, settings.media_dir,
                                 settings.max_upload_mb * 1_000_000, access.may(wie, "media_uploaden"))
chrome.footer(last_update)
