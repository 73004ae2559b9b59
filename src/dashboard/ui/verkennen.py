"""The explorer on screen: the choice (kept in the URL), the scatter whose selection filters the
ranking and lights up the map, and a gebied beside others of its size."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, formatting
from dashboard.queries import Options
from dashboard.ui import downloads, filters, nederlands
from dashboard.ui.tekst import escaped
from dashboard.verkennen import keuze as keuzes
from dashboard.verkennen import lijn, punten
from dashboard.verkennen.keuze import GEMEENTEN, WIJKEN, Keuze

KEYS = {"binnen": "v_binnen", "x": "v_x", "y": "v_y", "grootte": "v_grootte", "jaar": "v_jaar"}
MAX_VORMEN = 200  # beyond this many gebieden the map shows dots, not outlines (the page stays quick)
_MEERVOUD = {"gemeente": "gemeenten", "wijk": "wijken"}


def _aantal(n: int, niveau: str) -> str:
    return formatting.count(n, niveau, _MEERVOUD[niveau])


def _start(options: Options, scope: str | None) -> None:
    """Fill the widgets from the query string once; unusable values get a notice."""
    if KEYS["x"] in st.session_state:
        return
    keuze, notices = keuzes.from_params(st.query_params.to_dict(), options, scope)
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    st.session_state.update({key: getattr(keuze, name) for name, key in KEYS.items()})


def choice(options: Options, scope: str | None) -> Keuze:
    """The sidebar: which gebieden, which two (or three) figures, which year. The URL follows."""
    _start(options, scope)
    namen = dict(zip(options.indicatoren["sleutel"], options.indicatoren["naam"]))
    gemeenten = options.gebieden[options.gebieden["niveau"] == "gemeente"]
    gebieden = dict(zip(gemeenten["code"].to_numpy(), gemeenten["naam"].to_numpy()))
    sleutels = list(namen)
    label = {GEMEENTEN: "Alle gemeenten", WIJKEN: "Alle wijken"}
    with st.sidebar:
        st.header("Wat wilt u zien?")
        binnen = st.selectbox("Punten in de grafiek", keuzes.binnen_keuzes(options), key=KEYS["binnen"],
                              format_func=lambda b: label.get(b) or f"Wijken van {gebieden.get(b, b)}")
        x = st.selectbox("Eerste cijfer (horizontaal)", sleutels, key=KEYS["x"], format_func=namen.get)
        y = st.selectbox("Tweede cijfer (verticaal)", sleutels, key=KEYS["y"], format_func=namen.get)
        grootte = st.selectbox("Derde cijfer als grootte van de punten", sleutels, index=None, key=KEYS["grootte"],
                               placeholder="Geen (alle punten even groot)", format_func=namen.get)
        jaar = st.selectbox("Jaar", list(reversed(options.jaren)), key=KEYS["jaar"])
    keuze = Keuze(x=x, y=y, jaar=jaar, binnen=binnen, grootte=grootte, scope=scope)
    filters.follow(keuzes.to_params(keuze, options))
    return keuze


def picks(verkenning: punten.Verkenning) -> tuple[list[str], str | None]:
    """Keyboard-friendly choices beside the chart's own selection: gebieden to mark, one to compare."""
    namen = dict(zip(verkenning.punten["code"].to_numpy(), verkenning.punten["naam"].to_numpy()))
    with st.sidebar:
        st.header("Gebieden kiezen")
        gemarkeerd = st.multiselect("Markeren in grafiek, tabel en kaart", list(namen), key="v_markeer",
                                    format_func=namen.get, placeholder="Kies gebieden",
                                    help="U kunt ook punten in de grafiek aanwijzen of er een kader omheen trekken.")
        vergelijk = st.selectbox("Vergelijken met gebieden van dezelfde grootte", list(namen), index=None,
                                 key="v_vergelijk", format_func=namen.get, placeholder="Kies een gebied")
    return gemarkeerd, vergelijk


def missing(verkenning: punten.Verkenning, namen: dict[str, str]) -> None:
    """Say what was left out and why ('12 wijken zonder cijfer voor Leegstand'), and whose figure is voorlopig."""
    for key, count in verkenning.ontbrekend.items():
        st.caption(f":material/info: {_aantal(count, verkenning.niveau)} zonder cijfer voor {escaped(namen.get(key, key))} "
                   f"in {verkenning.keuze.jaar}: niet in de grafiek, de tabel en de kaart.")
    for key, count in verkenning.voorlopig.items():
        st.caption(f":material/info: {_aantal(count, verkenning.niveau)} met een voorlopig cijfer "
                   f"({verkenning.keuze.jaar}*) voor {escaped(namen.get(key, key))}: CBS kan het nog herzien. "
                   "In de tabel, de kaart en bij de punten staat er '(voorlopig)' achter.")
    for key, count in verkenning.onvolledig.items():
        st.caption(f":material/info: {_aantal(count, verkenning.niveau)} met een nog niet compleet {verkenning.keuze.jaar} "
                   f"voor {escaped(namen.get(key, key))} (niet alle partijen geleverd): niet in de grafiek, de tabel en de kaart.")


def _axis(options: Options, key: str | None) -> tuple[str, str] | None:
    if not key:
        return None
    row = options.per_sleutel.loc[key]
    return row["naam"], row["eenheid"]


def scatter(verkenning: punten.Verkenning, options: Options, gemarkeerd: list[str], vergelijk: str | None) -> list[str]:
    """The scatter; returns the codes of the points selected in it (click, box or lasso)."""
    keuze = verkenning.keuze
    x, y, grootte = _axis(options, keuze.x), _axis(options, keuze.y), _axis(options, keuze.grootte)
    figure = charts.scatter(verkenning.punten, verkenning.lijn, x, y, grootte, tuple(gemarkeerd), vergelijk)
    event = st.plotly_chart(figure, key="v_punten", on_select="rerun", selection_mode=("points", "box", "lasso"),
                            config=nederlands.PLOTLY_CONFIG,
                            alt=f"Spreidingsdiagram: {y[0]} tegen {x[0]}, één punt per {verkenning.niveau}.")
    if verkenning.lijn is None:
        relatie = f"Te weinig punten voor een trendlijn (minstens {lijn.MINIMUM})."
    else:
        relatie = (f"Gestippeld: de trendlijn. Over {_aantal(verkenning.lijn.n, verkenning.niveau)} is er "
                   f"{lijn.sterkte(verkenning.lijn.r)} (r = {formatting.number(verkenning.lijn.r, 2)}).")
    st.caption(f"{relatie} Trek een kader om punten om ze te kiezen; dubbelklik om te wissen. "
               "Dezelfde cijfers staan in de tabel hieronder.")
    selection = getattr(event, "selection", None) or {}
    return list(dict.fromkeys(p["customdata"][0] for p in selection.get("points", []) if p.get("customdata")))


def ranking(verkenning: punten.Verkenning, options: Options, gekozen: list[str]) -> None:
    """The ranking table (all gebieden, or the chosen ones) with its downloads."""
    namen = dict(zip(options.indicatoren["sleutel"], options.indicatoren["naam"]))
    if gekozen:
        st.markdown(f"**{_aantal(len(set(gekozen) & set(verkenning.punten['code'])), verkenning.niveau)} gekozen** "
                    f"van de {formatting.number(len(verkenning.punten))}. Wis de keuze om alle gebieden te zien.")
    _table(punten.tabel(verkenning, namen, gekozen, tekst=True))
    keuze = verkenning.keuze
    downloads.table(punten.tabel(verkenning, namen, gekozen), f"verkennen-{keuze.binnen}-{keuze.x}-{keuze.y}-{keuze.jaar}")


def _table(shown: pd.DataFrame) -> None:
    """The figures as the core wrote them (Dutch), right-aligned; a Styler would take seconds on 3,000 rows."""
    figures = [c for c in shown.columns if c not in ("Rang", "Naam", "Gemeente", "Grootte", "Code")]
    st.dataframe(shown, hide_index=True,
                 column_config={c: st.column_config.TextColumn(alignment="right") for c in figures})


def kaart(verkenning: punten.Verkenning, shapes: pd.DataFrame, gekozen: list[str], options: Options) -> None:
    """The gebieden on the map, the chosen ones in vermilion; the ranking above has the same figures."""
    deck = charts.gebieden_map(verkenning.punten, shapes, set(gekozen), _axis(options, verkenning.keuze.x),
                               _axis(options, verkenning.keuze.y))
    if deck is None:
        if len(verkenning.punten) > charts.MAX_OP_KAART and verkenning.punten[["lat", "lon"]].notna().all(axis=1).any():
            st.caption(f"Bij meer dan {formatting.number(charts.MAX_OP_KAART)} gebieden toont de kaart alleen de "
                       "gekozen gebieden. Kies punten in de grafiek of in de zijbalk.")
        else:
            st.caption("Geen kaart: van deze gebieden zijn geen grenzen of middelpunten bekend.")
        return
    st.pydeck_chart(deck, key="v_kaart", height=420,
                    alt=f"Kaart van de {_MEERVOUD[verkenning.niveau]}; gekozen gebieden zijn oranjerood.")
    st.caption(f"Kleur: {escaped(_axis(options, verkenning.keuze.y)[0])}, van donkerpaars (laag) tot geel (hoog); grijs: geen cijfer.")
    namen = verkenning.punten.set_index("code")["naam"]
    chosen = [namen[c] for c in gekozen if c in namen.index]
    if chosen:
        rest = f" en nog {len(chosen) - 10}" if len(chosen) > 10 else ""
        st.caption(f"Oranjerood op de kaart: {escaped(', '.join(chosen[:10]))}{rest}.")
    else:
        st.caption("Kies punten in de grafiek of in de zijbalk; ze worden hier oranjerood.")


def compare(vergelijking: punten.Vergelijking | None, verkenning: punten.Verkenning, options: Options) -> None:
    """One gebied beside the others of its size class: its rank and the middle of the group."""
    if vergelijking is None:
        st.info("Van dit gebied is de woningvoorraad niet bekend, dus er is geen groep om mee te vergelijken.")
        return
    x, y = _axis(options, verkenning.keuze.x), _axis(options, verkenning.keuze.y)
    eigen, n = vergelijking.eigen, len(vergelijking.groep)
    st.markdown(f"**{escaped(vergelijking.naam)}** hoort bij de {_aantal(n, verkenning.niveau)} van dezelfde grootte: "
                f"{vergelijking.klasse}.")
    for (naam, eenheid), rang, waarde, midden in ((x, eigen["rang_x"], eigen["x"], vergelijking.mediaan_x),
                                                   (y, eigen["rang_y"], eigen["y"], vergelijking.mediaan_y)):
        st.markdown(f"- {escaped(naam)}: {formatting.value(waarde, eenheid)}, nummer {rang} van {n} "
                    f"(het midden van de groep: {formatting.value(midden, eenheid)}).")
    namen = dict(zip(options.indicatoren["sleutel"], options.indicatoren["naam"]))
    groep = punten.Verkenning(verkenning.keuze, verkenning.niveau, vergelijking.groep, n)
    _table(punten.tabel(groep, namen, tekst=True))
