"""Volkshuisvestelijk dashboard: the regular figures per gebied and partij, with trends and targets."""
import streamlit as st

from dashboard import charts
from dashboard.ui import chrome, downloads, filters, navigation, reads, tables, tiles
from dashboard.ui import charts as show

navigation.entered_through_app()
st.title("Volkshuisvestelijk dashboard")
options = reads.options()
if options is None:
    st.info("Er zijn nog geen cijfers. Een gegevensbeheerder kan ze importeren op de pagina Gegevens.")
    st.stop()
options = filters.scoped(options)
view = filters.sidebar(options)
indicator = options.indicatoren.set_index("sleutel").loc[view.indicator]
gebied = options.gebieden.set_index("code").loc[view.gebied, "naam"]
wie = view.partij or "alle partijen samen"
if reads.demo_loaded():
    chrome.fictional_notice()
st.subheader(f"{gebied} · {wie} · {view.van}–{view.tot}")

tegels = reads.tile_values(view)
tiles.show(tegels)
tiles.in_gewone_taal(tegels, view.soort)

st.header(indicator["naam"])
trend = reads.trend(view)
show.figure(charts.trend(trend, indicator["naam"], indicator["eenheid"]),
            trend[["label", "waarde", "streefwaarde"]], key="trend",
            alt=f"Lijngrafiek van {indicator['naam']} in {gebied} per {view.soort}, met de streefwaarde gestippeld.")

left, right = st.columns(2)
with left:
    per_partij = reads.compare_partijen(view)
    if per_partij.empty:
        st.info(f"Voor {indicator['naam']} zijn geen cijfers per partij in {gebied}.")
    else:
        show.figure(charts.bars(per_partij, "partij", "Vergelijking van partijen", indicator["eenheid"]),
                    per_partij, key="partijen", alt="Staafdiagram: laatste waarde per partij.")
with right:
    per_wijk = reads.compare_wijken(view)
    if per_wijk.empty:
        st.info(f"Voor {indicator['naam']} zijn geen cijfers per wijk.")
    else:
        show.figure(charts.bars(per_wijk, "naam", "Vergelijking van wijken", indicator["eenheid"]),
                    per_wijk, key="wijken", alt="Staafdiagram: laatste waarde per wijk.")

st.header("Kaart van de wijken")
shapes = reads.geometries(reads.wijken(view.gebied)["code"].tolist())
if shapes["geometrie"].notna().any():
    deck, legend = charts.wijk_map(shapes, per_wijk, indicator["naam"], indicator["eenheid"])
    show.deck(deck, legend, per_wijk, key="kaart",
              alt=f"Kaart: wijken gekleurd naar {indicator['naam']}, donker is laag en geel is hoog.")
else:
    st.info("Er zijn nog geen wijkgrenzen. Importeer een GeoJSON-bestand van CBS/PDOK op de pagina Gegevens.")

st.header("Tabel")
shown = reads.table(view)
tables.show(shown, options.gebieden)
downloads.table(shown, f"dashboard-{view.gebied}-{view.van}-{view.tot}")
chrome.footer(reads.last_update())
