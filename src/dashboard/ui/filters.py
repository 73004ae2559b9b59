"""The dashboard's sidebar filters, mirrored in the URL so a view can be bookmarked and shared."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard import views
from dashboard.ui import made, visitor
from dashboard.queries import Options, View

ALLE_PARTIJEN = "Alle partijen samen"
ALLE_GROEPEN = "Alle groepen"
HELE_GEBIED = ""  # the wijk box's "the whole gemeente"


def _start(options: Options) -> None:
    """Fill the widgets from the query string once per session; unusable values get a notice."""
    if "f_gebied" in st.session_state:
        return
    view, notices = views.from_params(st.query_params.to_dict(), options)
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    top, wijk = _split(options, view.gebied)
    st.session_state.update({
        "f_gebied": top, "f_wijk": wijk, "f_partij": view.partij or ALLE_PARTIJEN, "f_soort": view.soort,
        "f_jaren": (view.van, view.tot), "f_groep": view.categorie or ALLE_GROEPEN,
        "f_indicator": view.indicator,
    })


_within_once = made.once(views.within)  # the held options and a link's gebied: narrowed once, not every run


def scoped(options: Options) -> Options:
    """The options this visitor may see: a share link limited to a gebied offers only that gebied
    and the gebieden inside it (toegang/scope.py). Shared by every run: read it, never change it."""
    gebied = visitor.current().share_gebied
    return _within_once(options, gebied) if gebied else options


def _tops(options: Options) -> list[str]:
    """Nederland, provincies and gemeenten (a national set has 14,000 buurten: they are not in a list);
    a share link limited to one wijk offers just that wijk."""
    return options.boven_wijk or list(options.niveaus)


def _split(options: Options, code: str) -> tuple[str, str]:
    """The two boxes for a gebied: a wijk is its gemeente in the first box and itself in the second."""
    tops = _tops(options)
    if code in tops:
        return code, HELE_GEBIED
    ouder = options.ouders[code]
    return (ouder, code) if ouder in tops else (code, HELE_GEBIED)


def sidebar(options: Options) -> View:
    """Render the filters and return the chosen view; the URL follows every change."""
    _start(options)
    namen, niveaus = options.namen, options.niveaus
    with st.sidebar:
        st.header("Filters")
        gebied = st.selectbox("Gebied", _tops(options), key="f_gebied",
                              format_func=lambda c: f"{namen[c]} ({niveaus[c]})")
        wijken = options.wijken.get(gebied, [])
        if wijken:
            if st.session_state.get("f_wijk") not in [HELE_GEBIED, *wijken]:
                st.session_state["f_wijk"] = HELE_GEBIED
            wijk = st.selectbox("Wijk", [HELE_GEBIED, *wijken], key="f_wijk",
                                format_func=lambda c: namen[c] if c else "De hele gemeente")
            gebied = wijk or gebied
        partij = st.selectbox("Partij", [ALLE_PARTIJEN] + options.partijen["naam"].tolist(), key="f_partij")
        soort = st.radio("Periode", ["jaar", "kwartaal"], key="f_soort", horizontal=True,
                         format_func=lambda s: {"jaar": "Per jaar", "kwartaal": "Per kwartaal"}[s])
        if len(options.jaren) > 1:
            van, tot = st.slider("Jaren", options.jaren[0], options.jaren[-1], key="f_jaren")
        else:
            van = tot = options.jaren[0]
        groep = st.selectbox("Indicatorgroep", [ALLE_GROEPEN] + options.categorieen, key="f_groep")
    view = View(gebied=gebied, indicator="", partij=None if partij == ALLE_PARTIJEN else partij,
                soort=soort, van=van, tot=tot, categorie=None if groep == ALLE_GROEPEN else groep)
    in_group = _in_group(options, view)
    if st.session_state["f_indicator"] not in in_group:
        st.session_state["f_indicator"] = next(iter(in_group))
    view = replace(view, indicator=st.session_state["f_indicator"])
    follow(views.to_params(view, options))
    return view


def follow(params: dict[str, str]) -> None:
    """The URL follows what is shown; unchanged, it is left alone (each change is a message to the
    browser, on every run of every viewer)."""
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def _in_group(options: Options, view: View) -> dict[str, str]:
    """key -> name of the indicators of the view's group, in the catalogue's order."""
    return options.per_groep.get(view.categorie or None, {})


def indicator(options: Options, view: View) -> View:
    """The box for the charts' indicator, above the charts; the view with the one chosen (and the
    URL with it). The page calls it inside an st.fragment: choosing another indicator reruns the
    charts, not the whole page (the tiles and the table show the whole group anyway)."""
    names = _in_group(options, view)
    chosen = st.selectbox("Indicator voor de grafieken", list(names), key="f_indicator",
                          format_func=names.__getitem__)
    view = replace(view, indicator=chosen)
    follow(views.to_params(view, options))
    return view

