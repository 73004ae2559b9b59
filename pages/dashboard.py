"""Volkshuisvestelijk dashboard: the regular figures per gebied and partij, with trends and targets."""
import streamlit as st

from dashboard import hierarchy
from dashboard.ui import chrome, downloads, filters, navigation, reads, tables, tiles, visitor
from dashboard.ui.tekst import escaped
from dashboard.ui import charts as show

navigation.entered_through_app()
st.title("Volkshuisvestelijk dashboard")
options = reads.queries.options()
if options is None:
    st.info("Er zijn nog geen cijfers. Een gegevensbeheerder kan ze importeren op de pagina Gegevens.")
    st.stop()
scope = visitor.current().share_gebied  # a share link's gebied: nothing outside it (toegang/scope.py)
options = filters.scoped(options)
view = filters.sidebar(options)
gebied = options.namen[view.gebied]
wie = view.partij or "alle partijen samen"
if reads.queries.demo_loaded():
    chrome.fictional_notice()
st.subheader(f"{escaped(gebied)} · {escaped(wie)} · {view.van}–{view.tot}")  # names are text (ui/tekst.py)

figures = reads.queries.group_figures(view, scope=scope)
tiles.show(figures.tiles)
tiles.in_gewone_taal(figures.tiles, view.soort)


@st.fragment
def charts_of(view):
    """The chosen indicator's trend, comparisons and map: choosing another one reruns only this."""
    view = filters.indicator(options, view)
    indicator = options.per_sleutel.loc[view.indicator]
    st.header(escaped(indicator["naam"]))
    trend = figures.trend(view.indicator)
    show.trend_or_values(trend, indicator["naam"], indicator["eenheid"], key="trend",
                         alt=f"Lijngrafiek van {indicator['naam']} in {gebied} per {view.soort}, met de streefwaarde gestippeld.")

    naast = reads.queries.beside(view.gebied, scope=scope)
    soort = hierarchy.PLURAL.get(naast["niveau"].iloc[0], "gebieden") if not naast.empty else "wijken"
    left, right = st.columns(2)
    with left:
        per_partij = reads.queries.compare_partijen(view)
        if per_partij.empty:
            st.info(f"Voor {escaped(indicator['naam'])} zijn geen cijfers per partij in {escaped(gebied)}.")
        else:
            show.figure(show.bars(per_partij, "partij", "Vergelijking van partijen", indicator["eenheid"]),
                        per_partij, key="partijen", eenheid=indicator["eenheid"],
                        alt="Staafdiagram: laatste waarde per partij.")
    with right:
        per_gebied = reads.queries.compare_beside(view, scope=scope)
        if per_gebied.empty:
            st.info(f"Voor {escaped(indicator['naam'])} zijn geen cijfers van de {soort}.")
        else:
            show.figure(show.bars(per_gebied, "naam", f"Vergelijking van {soort}", indicator["eenheid"]),
                        per_gebied, key="wijken", eenheid=indicator["eenheid"],
                        alt=f"Staafdiagram: laatste waarde per gebied ({soort}).")

    st.header(f"Kaart van de {soort}")
    shapes = reads.queries.geometries(naast["code"].tolist())
    if shapes["geometrie"].notna().any():
        deck, legend = show.wijk_map(shapes, per_gebied, indicator["naam"], indicator["eenheid"])
        show.deck(deck, legend, per_gebied, key="kaart", eenheid=indicator["eenheid"],
                  alt=f"Kaart: {soort} gekleurd naar {indicator['naam']}, donker is laag en geel is hoog.")
    else:
        st.info(f"Er zijn nog geen grenzen van de {soort}. Importeer een GeoJSON-bestand van CBS/PDOK op de "
                "pagina Gegevens.")


charts_of(view)

st.header("Tabel")
shown = figures.table
tables.show(shown, options.namen)
downloads.table(shown, f"dashboard-{view.gebied}-{view.van}-{view.tot}")
chrome.footer(reads.queries.last_update())
