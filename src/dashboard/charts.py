"""Figure builders (plotly, pydeck) with a colour-blind-safe palette; plain data in, figures out."""
from __future__ import annotations

import json
import math
import textwrap
from urllib.parse import quote

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from dashboard import formatting

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# Viridis in five steps for the map: ordered in lightness, safe for colour-blind readers and in grey.
SCALE = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
NO_DATA = (200, 200, 200)
# A base map without tiles, inlined as a data: URL: nothing is fetched from the internet.
OFFLINE_STYLE = "data:application/json;charset=utf-8," + quote(json.dumps({
    "version": 8, "sources": {}, "layers": [
        {"id": "achtergrond", "type": "background", "paint": {"background-color": "#f2f2f0"}}]}))


_GRID = {"gridcolor": "#e6e6e6", "zerolinecolor": "#bdbdbd", "tickformat": ",~f"}  # 14.000, not 14k
_AXIS = {"automargin": True, "linecolor": "white", "ticks": "", "title": {"standoff": 15}, "zerolinewidth": 2}
# What plotly's default template ('plotly') gives our 2D charts, without the rest of it: its colour
# scales for maps, 3D and polar plots made up 6 of a figure's 8 KB of JSON, which st.plotly_chart
# copies and writes again on every run, for every viewer of a share link.
_TEMPLATE = {
    "layout": {"annotationdefaults": {"arrowcolor": "#2a3f5f", "arrowhead": 0, "arrowwidth": 1},
               "autotypenumbers": "strict", "font": {"color": "#2a3f5f"}, "hoverlabel": {"align": "left"},
               "shapedefaults": {"line": {"color": "#2a3f5f"}}, "title": {"x": 0.05},
               "xaxis": _AXIS, "yaxis": _AXIS},
    "data": {"bar": [{"marker": {"line": {"color": "#E5ECF6", "width": 0.5}}}]},
}


# Characters of a title line: plotly never wraps a title, and a 390-pixel phone shows about 45 of a
# chart's bold title; a longer one is cut off at the chart's edge.
TITLE_LINE = 42
_TITLE_LINE_PX = 22  # the room a second title line takes above the chart


def _layout(title: str, y_title: str = "", **extra) -> dict:
    """A light layout set directly: plotly's named templates cost ~30 ms per figure. A long title is
    broken between words into lines that fit a phone, with room above the chart for each."""
    lines = textwrap.wrap(title, TITLE_LINE, break_long_words=False) or [title]
    return {
        "template": _TEMPLATE, "title": {"text": "<br>".join(lines)}, "colorway": PALETTE, "font": {"size": 15},
        "paper_bgcolor": "white", "plot_bgcolor": "white", "separators": ",.",
        "margin": {"l": 10, "r": 10, "t": 50 + _TITLE_LINE_PX * (len(lines) - 1), "b": 10},
        "legend": {"orientation": "h", "y": -0.15},
        "hovermode": "x unified", "xaxis": dict(_GRID), "yaxis": {**_GRID, "title": {"text": y_title}},
        **extra,
    }


def starts_at_zero(values, eenheid: str) -> bool:
    """Whether an axis of these values starts at 0: counts and shares (a whole unit or %) that are
    not negative. 32,0 and 32,2 % on an axis from 30 look like a leap; on one from 0 they look like
    what they are. Other units (a rapportcijfer, months) may zoom, with a visible mark (`zoom_mark`)."""
    shown = [float(v) for v in values if pd.notna(v)]
    return bool(shown) and min(shown) >= 0 and (formatting.whole(eenheid) or eenheid == "%")


def zoom_mark(values, eenheid: str) -> list[dict]:
    """The note on a zoomed value axis (one that leaves 0 out), so no one reads its slope as from 0."""
    shown = [float(v) for v in values if pd.notna(v)]
    if not shown or starts_at_zero(shown, eenheid) or min(shown) <= 0:
        return []
    return [{"text": "De as begint niet bij 0", "xref": "paper", "yref": "paper", "x": 0, "y": 1,
             "xanchor": "left", "yanchor": "bottom", "showarrow": False, "font": {"size": 13, "color": "#555555"}}]


def value_axis(values, eenheid: str, from_zero: bool = False) -> dict:
    """The value axis of a chart in `eenheid`, never with ticks finer than its figures are written
    with: a count or euros in whole steps (plotly would step a small range by 0,2 or 0,5: "0,5
    woningen", or 474.865,5 on a line of nearly equal years), a percentage with one decimal in steps
    of 0,1 at the finest. A bar's axis starts at 0 (`from_zero`), and so does a line of counts or
    shares; another line's axis spans its values (marked by `zoom_mark`); one value alone gets two
    steps either side."""
    shown = [float(v) for v in values if pd.notna(v)]
    if not shown:
        return {}
    from_zero = from_zero or starts_at_zero(shown, eenheid)
    step = 10.0 ** -formatting.decimals(eenheid)
    low, high = (min(0.0, min(shown)), max(0.0, max(shown))) if from_zero else (min(shown), max(shown))
    axis = {"rangemode": "tozero"} if from_zero and low >= 0 else {}
    steps = (high - low) / step
    if steps <= 5 or (steps <= 10 and formatting.whole(eenheid)):
        axis.update(tick0=0, dtick=step * (1 if steps <= 5 else 2))
    if steps == 0:
        axis["range"] = [max(low - 2 * step, 0.0) if low >= 0 else low - 2 * step, high + 2 * step]
    return axis


FEWEST_FOR_A_LINE = 3


def as_values(data: pd.DataFrame) -> bool:
    """Whether a trend has too few measured periods for a line: one or two values read better as
    numbers than as a slope drawn on an axis zoomed in on them."""
    return int(data["waarde"].notna().sum()) < FEWEST_FOR_A_LINE


def trend(data: pd.DataFrame, naam: str, eenheid: str, titel: str | None = None) -> go.Figure:
    """Values over time as a line, the target as a dashed line in another colour and shape. A period
    that is only partly delivered (`deels`) is no part of the line: an open marker of its own, whose
    hover says what it lacks, so one party's early upload does not draw a collapse."""
    deels = data["deels"].notna() if "deels" in data else pd.Series(False, index=data.index)
    traces = [go.Scatter(x=data["label"], y=data["waarde"].where(~deels), name="Gerealiseerd", mode="lines+markers",
                         line={"color": PALETTE[0], "width": 3}, marker={"size": 8},
                         hovertemplate=formatting.d3("y", eenheid) + "<extra>Gerealiseerd</extra>")]
    if deels.any():
        traces.append(go.Scatter(x=data["label"][deels], y=data["waarde"][deels], name="Nog niet compleet",
                                 mode="markers", customdata=data["deels"][deels],
                                 marker={"symbol": "circle-open", "size": 11, "color": PALETTE[0], "line": {"width": 2}},
                                 hovertemplate=formatting.d3("y", eenheid) + " · %{customdata}<extra>Nog niet compleet</extra>"))
    if data["streefwaarde"].notna().any():
        traces.append(go.Scatter(x=data["label"], y=data["streefwaarde"], name="Streefwaarde",
                                 mode="lines+markers", line={"color": PALETTE[5], "width": 2, "dash": "dash"},
                                 marker={"symbol": "diamond", "size": 8}, connectgaps=True,
                                 hovertemplate=formatting.d3("y", eenheid) + "<extra>Streefwaarde</extra>"))
    layout = _layout(titel or f"{naam}: verloop", eenheid)
    layout["xaxis"] = {**layout["xaxis"], "type": "category"}
    values = [*data["waarde"], *data["streefwaarde"]]
    layout["yaxis"] = {**layout["yaxis"], **value_axis(values, eenheid)}
    layout["annotations"] = zoom_mark(values, eenheid)
    return go.Figure(traces, layout=layout)


def bars(data: pd.DataFrame, label: str, title: str, eenheid: str) -> go.Figure:
    """Horizontal bars, largest on top, each labelled with its Dutch-formatted value."""
    ordered = data.sort_values("waarde")
    bar = go.Bar(x=ordered["waarde"], y=ordered[label], orientation="h", marker_color=PALETTE[0],
                 text=[formatting.value(v, eenheid) for v in ordered["waarde"]], textposition="auto",
                 hovertemplate="%{y}: " + formatting.d3("x", eenheid) + "<extra></extra>")
    layout = _layout(title, hovermode="closest", height=max(260, 60 + 38 * len(ordered)))
    layout["xaxis"] = {**layout["xaxis"], **value_axis(ordered["waarde"], eenheid, from_zero=True)}
    return go.Figure([bar], layout=layout)


def classes(values: list[float]) -> list[float]:
    """Five equal-width class bounds over the values shown (six numbers, low to high)."""
    low, high = float(min(values)), float(max(values))
    if high == low:
        high = low + 1
    step = (high - low) / len(SCALE)
    return [low + step * i for i in range(len(SCALE) + 1)]


def colour(value: float | None, bounds: list[float]) -> tuple[int, int, int]:
    if value is None or pd.isna(value):
        return NO_DATA
    for index, upper in enumerate(bounds[1:]):
        if value <= upper:
            return SCALE[index]
    return SCALE[-1]


def legend(bounds: list[float], eenheid: str) -> pd.DataFrame:
    """The map's legend as a table: colour class, from, to (formatted)."""
    return pd.DataFrame({
        "kleur": ["#%02x%02x%02x" % rgb for rgb in SCALE],
        "van": [formatting.value(b, eenheid) for b in bounds[:-1]],
        "tot en met": [formatting.value(b, eenheid) for b in bounds[1:]],
    })


def _outer_points(geometry: dict) -> list[list[float]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [point[:2] for polygon in polygons for point in polygon[0]]


def _fit(points: list[list[float]]) -> pdk.ViewState:
    """Centre and zoom so that every point is in view (the whole Netherlands when there are none)."""
    if not points:
        return pdk.ViewState(latitude=52.2, longitude=5.3, zoom=6.5)
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    span = max(max(lons) - min(lons), (max(lats) - min(lats)) * 1.6, 1e-4)
    return pdk.ViewState(latitude=(min(lats) + max(lats)) / 2, longitude=(min(lons) + max(lons)) / 2,
                         zoom=min(16.0, math.log2(360 / span) - 0.6))


def wijk_map(shapes: pd.DataFrame, values: pd.DataFrame, naam: str, eenheid: str) -> tuple[pdk.Deck, pd.DataFrame]:
    """Wijken coloured by value (GeoJsonLayer, no base map) and the legend that goes with it."""
    by_code = dict(zip(values["gebied"], values["waarde"]))
    shown = [v for v in by_code.values() if pd.notna(v)]
    bounds = classes(shown) if shown else [0, 1, 2, 3, 4, 5]
    features = []
    for code, name, geometry in zip(shapes["code"], shapes["naam"], shapes["geometrie"]):
        if not geometry:
            continue
        amount = by_code.get(code)
        features.append({"type": "Feature", "geometry": json.loads(geometry), "properties": {
            "naam": name, "code": code,
            "waarde": formatting.value(amount, eenheid) if amount is not None else "geen gegevens",
            "kleur": list(colour(amount, bounds)),
        }})
    layer = pdk.Layer(
        "GeoJsonLayer", id="wijken", data={"type": "FeatureCollection", "features": features},
        pickable=True, stroked=True, filled=True, get_fill_color="properties.kleur",
        get_line_color=[255, 255, 255], line_width_min_pixels=2, opacity=0.85,
    )
    points = [point for feature in features for point in _outer_points(feature["geometry"])]
    view = _fit(points)
    deck = pdk.Deck(layers=[layer, _names(features, values)], initial_view_state=view, map_style=OFFLINE_STYLE,
                    tooltip={"text": "{naam}\n" + naam + ": {waarde}"})
    return deck, legend(bounds, eenheid)


def _names(features: list[dict], values: pd.DataFrame) -> pdk.Layer:
    """The highest and lowest gebieden's names at their centres, readable without a hover."""
    named = set(named_extremes(values.rename(columns={"gebied": "code"}), "waarde")["code"])
    labels = []
    for feature in features:
        if feature["properties"]["code"] in named:
            outline = _outer_points(feature["geometry"])
            labels.append({"positie": [sum(p[0] for p in outline) / len(outline), sum(p[1] for p in outline) / len(outline)],
                           "tekst": feature["properties"]["naam"]})
    return pdk.Layer("TextLayer", id="namen", data=labels, get_position="positie", get_text="tekst", get_size=13,
                     get_color=[17, 17, 17], background=True, get_background_color=[255, 255, 255, 210],
                     character_set="auto", pickable=False)


ROL_KLEUREN = {"Huurder": PALETTE[0], "Professional": PALETTE[1], "Bestuurder": PALETTE[3], "Bewoner": PALETTE[2]}


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]


def verhaal_map(points: pd.DataFrame, shapes: pd.DataFrame) -> pdk.Deck:
    """Stories as dots coloured by storyteller role over the wijk outlines; no base map."""
    features = [{"type": "Feature", "geometry": json.loads(g), "properties": {"naam": n}}
                for n, g in zip(shapes["naam"], shapes["geometrie"]) if g]
    data = points.assign(kleur=[_rgb(ROL_KLEUREN.get(r, PALETTE[7])) for r in points["rol"]])
    layers = [
        pdk.Layer("GeoJsonLayer", id="wijkgrenzen", data={"type": "FeatureCollection", "features": features},
                  stroked=True, filled=True, get_fill_color=[255, 255, 255], get_line_color=[120, 120, 120],
                  line_width_min_pixels=1, pickable=False),
        pdk.Layer("ScatterplotLayer", id="verhalen", data=data, get_position=["lon", "lat"], get_fill_color="kleur",
                  get_line_color=[0, 0, 0], stroked=True, line_width_min_pixels=1, radius_min_pixels=8,
                  get_radius=60, pickable=True),
    ]
    outline = [p for f in features for p in _outer_points(f["geometry"])] or data[["lon", "lat"]].values.tolist()
    return pdk.Deck(layers=layers, initial_view_state=_fit(outline), map_style=OFFLINE_STYLE,
                    tooltip={"text": "{titel}\n{rol} · {wijk}"})


def for_slide(fig: go.Figure, height: int = 260) -> go.Figure:
    """The same figure for a room: labels of 22 px, few gridlines, no title (the slide says it), no hover;
    the margins grow to hold the axes' labels (automargin), so no year or value is cut off."""
    fig.update_layout(title=None, height=height, font={"size": 22}, hovermode=False,
                      margin={"l": 10, "r": 10, "t": 40, "b": 10},
                      legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "font": {"size": 22}})
    fig.update_xaxes(showgrid=False, tickfont={"size": 22}, automargin=True)
    fig.update_yaxes(nticks=4, tickfont={"size": 22}, title=None, automargin=True)
    return fig


_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon"]


def _party_styles(partijen: list[str]) -> dict[str, tuple[str, str]]:
    """One colour and one marker shape per party, the same in every chart that gets the same list."""
    return {p: (PALETTE[i % len(PALETTE)], _SYMBOLS[i % len(_SYMBOLS)]) for i, p in enumerate(sorted(partijen))}


def scores_per_party(scores: pd.DataFrame, title: str, partijen: list[str]) -> go.Figure:
    """The samenwerkingsmonitor: per statement a dot per party on the 1-5 scale, each party its own
    colour and shape (readable without colour), so a gap between parties shows as distance."""
    order, styles = list(dict.fromkeys(scores["kort"])), _party_styles(partijen)
    traces = [go.Scatter(x=group["gemiddelde"], y=group["kort"], mode="markers", name=partij,
                         marker={"size": 13, "color": styles[partij][0], "symbol": styles[partij][1],
                                 "line": {"width": 1, "color": "white"}},
                         hovertemplate="%{y}: %{x:,.1f}<extra>" + partij + "</extra>")
              for partij, group in scores.groupby("partij", sort=True)]
    layout = _layout(title, hovermode="closest", height=max(320, 90 + 42 * len(order)))
    layout["xaxis"] = {**layout["xaxis"], "range": [0.8, 5.2], "dtick": 1, "title": {"text": "1 = helemaal oneens,<br>5 = helemaal eens"}}
    layout["yaxis"] = {**layout["yaxis"], "categoryorder": "array", "categoryarray": order[::-1], "title": {"text": ""}}
    return go.Figure(traces, layout=layout)


def scores_over_years(frame: pd.DataFrame, title: str, partijen: list[str]) -> go.Figure:
    """A line per party over the years on the 1-5 scale."""
    styles = _party_styles(partijen)
    traces = [go.Scatter(x=group["jaar"].astype(str), y=group["gemiddelde"], mode="lines+markers", name=partij,
                         line={"color": styles[partij][0], "width": 3}, marker={"size": 9, "symbol": styles[partij][1]},
                         hovertemplate="%{x}: %{y:,.1f}<extra>" + partij + "</extra>")
              for partij, group in frame.groupby("partij", sort=True)]
    layout = _layout(title, "gemiddelde score (1-5)")
    layout["xaxis"] = {**layout["xaxis"], "type": "category"}
    layout["yaxis"] = {**layout["yaxis"], "range": [0.8, 5.2], "dtick": 1}
    return go.Figure(traces, layout=layout)


def circle(jaren: pd.DataFrame) -> go.Figure:
    """The growing circle: per year the parties that took part, those that were there before and the new ones."""
    x = jaren["jaar"].astype(str)
    nieuw = jaren["nieuwe_partijen"].map(len)
    eerder = jaren["partijen"] - nieuw
    traces = [go.Bar(x=x, y=eerder, name="Deed al eerder mee", marker_color=PALETTE[0],
                     customdata=[formatting.count(n, "partij", "partijen") for n in eerder],
                     hovertemplate="%{x}: %{customdata}<extra>al eerder</extra>"),
              go.Bar(x=x, y=nieuw, name="Nieuw erbij", marker_color=PALETTE[1], marker_pattern_shape="/",
                     customdata=[formatting.count(n, "partij", "partijen") for n in nieuw],
                     hovertemplate="%{x}: %{customdata}<extra>nieuw</extra>")]
    layout = _layout("Partijen die voortgang of een verhaal schreven", "partijen", barmode="stack", hovermode="closest")
    layout["xaxis"] = {**layout["xaxis"], "type": "category"}
    layout["yaxis"] = {**layout["yaxis"], **value_axis(jaren["partijen"], "partijen", from_zero=True)}
    return go.Figure(traces, layout=layout)
GEKOZEN = _rgb(PALETTE[5])  # vermilion for what is chosen; the rest in the scale of their figure
_MANY = 1000  # from here on points are drawn with WebGL (Scattergl)


def _labelled(naam: str, eenheid: str) -> str:
    """An axis title with its unit: 'Leegstand (%)', 'Gemiddelde netto huur (€ per maand)'."""
    word = ("€ " + formatting.unit_word(eenheid)).strip() if eenheid.startswith("EUR") else eenheid
    return f"{naam} ({word})" if word else naam


NAMED = 3  # the highest and the lowest gebieden named on a chart or map, so it says something before a hover


def named_extremes(punten: pd.DataFrame, column: str) -> pd.DataFrame:
    """The NAMED gebieden with the highest and the NAMED with the lowest value in `column` (all, when few)."""
    measured = punten.dropna(subset=[column]).sort_values(column)
    if len(measured) <= 2 * NAMED:
        return measured
    return pd.concat([measured.head(NAMED), measured.tail(NAMED)])


def scatter(punten: pd.DataFrame, lijn, x: tuple[str, str], y: tuple[str, str], grootte: tuple[str, str] | None = None,
            gemarkeerd: tuple[str, ...] = (), uitgelicht: str | None = None) -> go.Figure:
    """One point per gebied (x and y as (naam, eenheid)), the trend line, marked and highlighted gebieden.

    customdata is (code, naam): a selection names the gebieden by code; the hover shows the Dutch
    name and the figures in the shape formatting.value gives them, written by the browser.
    """
    columns = ["code", "naam"]
    hover = (f"<b>%{{customdata[1]}}</b><br>{x[0]}: {formatting.d3('x', x[1])}<br>{y[0]}: {formatting.d3('y', y[1])}"
             + "<extra></extra>")
    size_hover = f"<br>{grootte[0]}: {formatting.d3('marker.size', grootte[1])}" if grootte else ""
    marker = {"color": PALETTE[0], "size": 11, "opacity": 0.75, "line": {"color": "white", "width": 1}}
    if grootte and len(punten):
        sizes = punten["grootte"].clip(lower=0).astype(float)
        marker.update(size=sizes, sizemode="area", sizemin=5, sizeref=2 * max(float(sizes.max()), 1e-9) / 34 ** 2)
    kind = go.Scattergl if len(punten) > _MANY else go.Scatter
    traces = [kind(x=punten["x"], y=punten["y"], mode="markers", name="Gebieden", marker=marker,
                   customdata=punten[columns].to_numpy(dtype=str), hovertemplate=hover.replace("<extra>", size_hover + "<extra>"))]
    if lijn is not None and len(punten):
        ends = [float(punten["x"].min()), float(punten["x"].max())]
        traces.append(go.Scatter(x=ends, y=[lijn.y(v) for v in ends], mode="lines", name="Trendlijn",
                                 line={"color": PALETTE[7], "width": 2, "dash": "dash"}, hoverinfo="skip"))
    for codes, name, style in ((set(gemarkeerd), "Gemarkeerd", {"symbol": "circle-open", "size": 18, "color": PALETTE[5],
                                                                "line": {"width": 3}}),
                               ({uitgelicht} if uitgelicht else set(), "Vergeleken gebied",
                                {"symbol": "star", "size": 20, "color": PALETTE[7]})):
        chosen = punten[punten["code"].isin(codes)]
        if not chosen.empty:
            traces.append(go.Scatter(x=chosen["x"], y=chosen["y"], mode="markers", name=name, marker=style,
                                     customdata=chosen[columns].to_numpy(dtype=str), hovertemplate=hover))
    named = named_extremes(punten, "y")
    if not named.empty:
        middle = (float(punten["x"].min()) + float(punten["x"].max())) / 2  # a name reads inwards: none cut at an edge
        traces.append(go.Scatter(x=named["x"], y=named["y"], mode="text", text=named["naam"],
                                 textposition=["top left" if v > middle else "top right" for v in named["x"]],
                                 textfont={"size": 12, "color": "#333333"}, hoverinfo="skip", showlegend=False))
    layout = _layout(f"{y[0]} tegen {x[0]}", _labelled(*y), hovermode="closest", dragmode="select", height=520)
    ticks = {axis: {k: v for k, v in value_axis(punten[axis], unit).items() if k != "rangemode"}  # the trend line may dip
             for axis, unit in (("x", x[1]), ("y", y[1]))}
    layout["xaxis"] = {**layout["xaxis"], "title": {"text": _labelled(*x)}, **ticks["x"]}
    layout["yaxis"] = {**layout["yaxis"], **ticks["y"]}
    return go.Figure(traces, layout=layout)


MAX_OP_KAART = 1_000  # beyond this many gebieden the map shows the chosen ones only (a blob of dots says little)


def gebieden_map(punten: pd.DataFrame, shapes: pd.DataFrame, gekozen: set[str], x: tuple[str, str],
                 y: tuple[str, str]) -> pdk.Deck | None:
    """The explorer's gebieden on a map without a base map, coloured by their y figure (the wijk map's
    scale, grey without one) from the start, the chosen ones in vermilion.

    Outlines where the gebieden have a geometry, else a dot at the centre; None when neither is known
    (or, beyond MAX_OP_KAART gebieden, when none is chosen).
    """
    tooltip = {"text": "{naam}\n" + x[0] + ": {x_tekst}\n" + y[0] + ": {y_tekst}"}
    fields = ["naam", "x_tekst", "y_tekst"]
    measured = punten["y"].dropna().tolist()
    bounds = classes(measured) if measured else [0, 1, 2, 3, 4, 5]
    punten = punten.assign(kleur=[GEKOZEN if c in gekozen else list(colour(v, bounds))
                                  for c, v in zip(punten["code"], punten["y"])])
    with_shape = shapes[shapes["geometrie"].notna()]
    if not with_shape.empty:
        info = punten.set_index("code")[[*fields, "kleur"]].to_dict("index")
        features = [{"type": "Feature", "geometry": json.loads(g), "properties": {
            **info.get(c, {"naam": n, "x_tekst": "geen cijfer", "y_tekst": "geen cijfer",
                           "kleur": GEKOZEN if c in gekozen else list(NO_DATA)})}}
            for c, n, g in zip(with_shape["code"], with_shape["naam"], with_shape["geometrie"])]
        layer = pdk.Layer("GeoJsonLayer", id="gebieden", data={"type": "FeatureCollection", "features": features},
                          pickable=True, stroked=True, filled=True, get_fill_color="properties.kleur",
                          get_line_color=[255, 255, 255], line_width_min_pixels=1, opacity=0.85)
        outline = [p for f in features for p in _outer_points(f["geometry"])]
        return pdk.Deck(layers=[layer], initial_view_state=_fit(outline), map_style=OFFLINE_STYLE, tooltip=tooltip)
    located = punten.dropna(subset=["lat", "lon"])
    chosen = located[located["code"].isin(gekozen)]
    shown = [(located, "gebieden", "kleur")] if len(located) <= MAX_OP_KAART else []
    shown += [(chosen, "gekozen", GEKOZEN)] if not chosen.empty else []
    if not shown:
        return None
    layers = [pdk.Layer("ScatterplotLayer", id=name, data=rows[["lon", "lat", *fields, "kleur"]].round({"lon": 5, "lat": 5}),
                        get_position=["lon", "lat"], get_fill_color=fill, get_line_color=[0, 0, 0], stroked=True,
                        line_width_min_pixels=1, radius_min_pixels=5 if name == "gebieden" else 7, get_radius=400,
                        pickable=True) for rows, name, fill in shown]
    every = located if len(located) <= MAX_OP_KAART else chosen
    return pdk.Deck(layers=layers, initial_view_state=_fit(every[["lon", "lat"]].values.tolist()),
                    map_style=OFFLINE_STYLE, tooltip=tooltip)
