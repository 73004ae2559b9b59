"""Delen (beheerder): read-only links for councillors and others without an account."""
import streamlit as st

from dashboard import formatting, site
from dashboard.toegang import share_links
from dashboard.ui import adres, navigation, reads, runtime, visitor
from dashboard.ui.formulieren.basis import confirm
from dashboard.ui.tekst import escaped

navigation.entered_through_app()
db = runtime.database()
st.title("Deellinks")
if not visitor.allowed("delen_beheren"):
    st.stop()
st.write("Een deellink opent het dashboard **alleen lezend**, zonder account: geen uploads, geen "
         "bewerkformulieren, geen beheerpagina's. Het adres wordt één keer getoond; bewaar het meteen.")
TITLES = {page.key: page.title for page in site.PAGES}
options = reads.queries.options()
gebieden = {} if options is None else dict(zip(options.gebieden["code"], options.gebieden["naam"]))

with st.form("nieuwe_deellink", clear_on_submit=True):
    st.subheader("Nieuwe deellink")
    label = st.text_input("Label", placeholder="Bijvoorbeeld: Gemeenteraad, voorjaar 2025", max_chars=200)
    days = st.number_input("Geldig (dagen)", min_value=1, max_value=share_links.MAX_DAYS,
                           value=share_links.DEFAULT_DAYS, step=1)
    pages = st.multiselect("Pagina's", share_links.SHAREABLE_PAGES, default=share_links.DEFAULT_PAGES,
                           format_func=lambda key: TITLES.get(key, key.capitalize()))
    gebied = st.selectbox("Alleen dit gebied (met de wijken erin)", [None, *gebieden],
                          format_func=lambda code: "Alle gebieden" if code is None else f"{gebieden[code]} ({code})")
    downloads = st.checkbox("Downloads toestaan (CSV en Excel)", value=True)
    komend = st.checkbox("Ook de presentatie van komende vergaderingen (nog een concept)", value=False,
                         help="Zonder dit vinkje toont Presentatie alleen vergaderingen die al geweest zijn.")
    submitted = st.form_submit_button("Deellink maken", type="primary", icon=":material/add_link:")
if submitted and visitor.allowed("delen_beheren"):
    try:
        link, token = share_links.create(db, label, door=visitor.current().name, days=int(days), pages=pages,
                                         gebied=gebied, downloads=downloads, komende_vergaderingen=komend)
    except share_links.ShareError as error:
        st.error(str(error))
    else:
        confirm(f"Deellink «{escaped(link.label)}» gemaakt, geldig tot {formatting.moment(link.expires, zone=True)}. "
                "Kopieer het adres nu: het wordt niet nog eens getoond.")
        adres.show_link(share_links.url, token)


@runtime.guarded
def revoke(link_id: int) -> None:
    if visitor.allowed("delen_beheren"):
        revoked = share_links.revoke(db, link_id, door=visitor.current().name)
        st.toast(f"Deellink «{escaped(revoked.label)}» is ingetrokken.", icon=":material/link_off:")


st.subheader("Alle deellinks")
links = share_links.list_links(db)
if not links:
    st.info("Er zijn nog geen deellinks.")
for link in links:
    state = "ingetrokken" if link.revoked else ("actief" if link.active else "verlopen")
    with st.container(border=True):
        text, action = st.columns([4, 1], vertical_alignment="center")
        text.markdown(f"**{escaped(link.label)}** · {state}")
        text.caption(
            f"Gemaakt {formatting.moment(link.created)} door {escaped(link.created_by)} · verloopt "
            f"{formatting.moment(link.expires)} · laatst gebruikt "
            f"{formatting.moment(link.last_used) if link.last_used else 'nog niet'} · pagina's: "
            f"{', '.join(TITLES.get(p, p) for p in link.pages)} · gebied: {link.gebied or 'alle'} · "
            f"downloads: {'ja' if link.downloads else 'nee'}"
            + (" · ook komende vergaderingen" if link.komende_vergaderingen else ""))
        if link.revoked is None:
            action.button("Intrekken", key=f"intrekken_{link.id}", icon=":material/link_off:",
                          on_click=revoke, args=(link.id,), help=f"Deellink {link.id} direct intrekken")
