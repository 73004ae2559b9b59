"""Volkshuisvestelijk dashboard: the regular figures per gebied and partij, with trends and targets."""
import streamlit as st

from dashboard import charts, queries
from dashboard.ui import chrome, downloads, filters, navigation, runtime, tables, tiles
from dashboard.ui import charts as show

navigation.entered_through_app()
db = runtime.database()
st.title("Volkshuisvestelijk dashboard")
with db.sessions() as session:
    options = queries.options(session)
    if options is None:
        st.info("Er zijn nog geen cijfers. Een gegevensbeheerder kan ze importeren op de pagina Gegevens.")
        st.stop()
    options = filters.scoped(options)
    view = filters.sidebar(options)
    indicator = options.indicatoren.set_index("sleutel").loc[view.indicator]
    gebied = options.gebieden.set_index("code").loc[view.gebied, "naam"]
    wie = view.partij or "alle partijen samen"
    if queries.demo_loaded(session):
        chrome.fictional_notice()
    st.subheader(f"{gebied} · {wie} · {view.van}–{view.tot}")

    tiles.show(queries.tile_values(session, view, options.indicatoren))

    st.header(indicator["naam"])
    trend = queries.trend(session, view)
    show.figure(charts.trend(trend, indicator["naam"], indicator["eenheid"]),
                trend[["label", "waarde", "streefwaarde"]], key="trend",
                alt=f"Lijngrafiek van {indicator['naam']} in {gebied} per {view.soort}, met de streefwaarde gestippeld.")

    left, right = st.columns(2)
    with left:
        per_partij = queries.compare_partijen(session, view)
        if per_partij.empty:
            st.info(f"Voor {indicator['naam']} zijn geen cijfers per partij in {gebied}.")
        else:
            show.figure(charts.bars(per_partij, "partij", "Vergelijking van partijen", indicator["eenheid"]),
                        per_partij, key="partijen", alt="Staafdiagram: laatste waarde per partij.")
    with right:
        per_wijk = queries.compare_wijken(session, view, options.gebieden)
        if per_wijk.empty:
            st.info(f"Voor {indicator['naam']} zijn geen cijfers per wijk.")
        else:
            show.figure(charts.bars(per_wijk, "naam", "Vergelijking van wijken", indicator["eenheid"]),
                        per_wijk, key="wijken", alt="Staafdiagram: laatste waarde per wijk.")

    st.header("Kaart van de wijken")
    shapes = queries.geometries(session, queries.wijken_of(options.gebieden, view.gebied)["code"].tolist())
    if shapes["geometrie"].notna().any():
        deck, legend = charts.wijk_map(shapes, per_wijk, indicator["naam"], indicator["eenheid"])
        show.deck(deck, legend, per_wijk, key="kaart",
                  alt=f"Kaart: wijken gekleurd naar {indicator['naam']}, donker is laag en geel is hoog.")
    else:
        st.info("Er zijn nog geen wijkgrenzen. Importeer een GeoJSON-bestand van CBS/PDOK op de pagina Gegevens.")

    st.header("Tabel")
    shown = queries.table(session, view, options.indicatoren)
    tables.show(shown)
    downloads.table(shown, f"dashboard-{view.gebied}-{view.van}-{view.tot}")
    chrome.footer(queries.last_update(session))
