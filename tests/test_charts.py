"""The map colours wijken by value in a colour-blind-safe scale and says what the colours mean."""
import json
import math

import pandas as pd
import pytest

from dashboard import charts

SQUARE = json.dumps({"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.1], [5.0, 52.0]]]})


def test_map_colours_low_dark_high_light_and_grey_without_data():
    shapes = pd.DataFrame({"code": ["WK1", "WK2", "WK3"], "naam": ["Laag", "Hoog", "Leeg"],
                           "lat": [52.05] * 3, "lon": [5.05] * 3, "geometrie": [SQUARE] * 3})
    values = pd.DataFrame({"gebied": ["WK1", "WK2"], "waarde": [10.0, 30.0]})
    deck, legend = charts.wijk_map(shapes, values, "Leegstand", "%")
    features = json.loads(deck.to_json())["layers"][0]["data"]["features"]
    colours = {f["properties"]["naam"]: tuple(f["properties"]["kleur"]) for f in features}
    assert colours == {"Laag": charts.SCALE[0], "Hoog": charts.SCALE[-1], "Leeg": charts.NO_DATA}
    assert [f["properties"]["waarde"] for f in features] == ["10,0%", "30,0%", "geen gegevens"]
    assert legend["van"].iloc[0] == "10,0%" and legend["tot en met"].iloc[-1] == "30,0%"


def test_the_map_needs_no_internet():
    deck, _ = charts.wijk_map(pd.DataFrame(columns=["code", "naam", "lat", "lon", "geometrie"]),
                              pd.DataFrame(columns=["gebied", "waarde"]), "x", "aantal")
    assert json.loads(deck.to_json())["mapStyle"].startswith("data:application/json")


def test_trend_draws_the_target_dashed_beside_the_values():
    data = pd.DataFrame({"label": ["2024", "2025"], "waarde": [5.0, 4.0], "streefwaarde": [3.0, 3.0]})
    fig = charts.trend(data, "Ontruimingen", "aantal")
    assert [t.name for t in fig.data] == ["Gerealiseerd", "Streefwaarde"]
    assert fig.data[1].line.dash == "dash"
    assert fig.layout.separators == ",."


def test_a_chart_carries_only_the_styling_it_uses():
    """Every viewer's run writes each chart's JSON anew: plotly's default template (colour scales for
    maps, 3D and polar plots) made up most of it. The axes still make room for their labels."""
    data = pd.DataFrame({"label": ["2022", "2023", "2024", "2025"], "waarde": [5.0, 4.0, 6.0, 7.0],
                         "streefwaarde": [3.0, 3.0, 3.0, 3.0]})
    fig = charts.trend(data, "Ontruimingen", "aantal")
    spec = fig.to_json()
    assert "colorscale" not in spec and len(spec) < 3000
    assert fig.layout.template.layout.xaxis.automargin and fig.layout.template.layout.yaxis.automargin


def _ticks(axis, low: float, high: float) -> list[float]:
    """The ticks plotly draws for a linear axis with tick0 and dtick between low and high."""
    assert axis.dtick is not None, "plotly would choose the steps itself (0,2 on a small range)"
    first = axis.tick0 + math.ceil((low - axis.tick0) / axis.dtick) * axis.dtick
    return [first + i * axis.dtick for i in range(int((high - first) // axis.dtick) + 1)]


def test_a_count_axis_has_whole_ticks_on_a_small_range():
    jaren = pd.DataFrame({"jaar": [2024, 2025], "partijen": [1, 2], "nieuwe_partijen": [["A"], []]})
    fig = charts.circle(jaren)
    assert all(tick == int(tick) for tick in _ticks(fig.layout.yaxis, 0, 2))
    assert fig.layout.yaxis.rangemode == "tozero"
    assert list(fig.data[0].customdata) == ["0 partijen", "2 partijen"]  # hover: '1 partij', never '1 partijen'
    assert list(fig.data[1].customdata) == ["1 partij", "0 partijen"]


@pytest.mark.parametrize("maker", ["trend", "bars"])
def test_woningen_get_whole_ticks_and_percentages_keep_plotlys_own(maker):
    data = pd.DataFrame({"label": ["2024", "2025"], "partij": ["A", "B"], "waarde": [3.0, 4.0],
                         "streefwaarde": [float("nan")] * 2})
    make = (lambda e: charts.trend(data, "x", e)) if maker == "trend" else (lambda e: charts.bars(data, "partij", "x", e))
    fig = make("woningen")
    axis = fig.layout.yaxis if maker == "trend" else fig.layout.xaxis
    assert all(tick == int(tick) for tick in _ticks(axis, 0, 4))
    assert "woningen" in fig.data[0].hovertemplate and ".0f" in fig.data[0].hovertemplate
    percent = make("%")
    assert (percent.layout.yaxis if maker == "trend" else percent.layout.xaxis).dtick is None


def test_a_wide_count_range_keeps_plotlys_whole_steps():
    assert charts.value_axis([0, 474866], "woningen") == {"rangemode": "tozero"}


@pytest.mark.parametrize("values, as_values", [([474866.0], True), ([468520.0, 474866.0], True),
                                               ([None, 468520.0, 474866.0], True), ([1.0, 2.0, 3.0], False)])
def test_one_or_two_measured_years_are_values_not_a_line(values, as_values):
    data = pd.DataFrame({"label": [str(2022 + i) for i in range(len(values))], "waarde": values,
                         "streefwaarde": [float("nan")] * len(values)})
    assert charts.as_values(data) is as_values


def _trend(values: list[float], eenheid: str):
    data = pd.DataFrame({"label": [str(2022 + i) for i in range(len(values))], "waarde": values,
                         "streefwaarde": [float("nan")] * len(values)})
    return charts.trend(data, "Indicator", eenheid)


@pytest.mark.parametrize("values, eenheid", [([32.0, 32.1, 32.2], "%"), ([474865.0, 474866.0, 474866.0], "woningen")])
def test_a_line_of_shares_or_counts_starts_at_zero_so_a_small_change_looks_small(values, eenheid):
    fig = _trend(values, eenheid)
    assert fig.layout.yaxis.rangemode == "tozero" and fig.layout.yaxis.range is None
    assert not fig.layout.annotations


def test_a_zoomed_axis_says_it_does_not_start_at_zero():
    fig = _trend([7.1, 7.2, 7.4], "cijfer")
    assert fig.layout.yaxis.rangemode is None
    assert [note.text for note in fig.layout.annotations] == ["De as begint niet bij 0"]


@pytest.mark.parametrize("eenheid, step, value", [("EUR", 1, -474866.0), ("cijfer", 0.1, 7.2)])
def test_one_value_alone_gets_a_range_in_its_own_steps(eenheid, step, value):
    axis = charts.value_axis([value], eenheid)
    low, high = axis["range"]
    assert axis["dtick"] == pytest.approx(step) and (high - low) / axis["dtick"] == pytest.approx(4)


def _points(n: int) -> pd.DataFrame:
    return pd.DataFrame({"code": [f"WK{i:02d}" for i in range(n)], "naam": [f"Wijk {i}" for i in range(n)],
                         "x": [float(i) for i in range(n)], "y": [float((i * 7) % n) for i in range(n)]})


def test_the_scatter_names_its_highest_and_lowest_gebieden_without_a_hover():
    punten = _points(10)
    fig = charts.scatter(punten, None, ("x", "aantal"), ("y", "aantal"))
    named = [trace for trace in fig.data if trace.mode == "text"]
    by_y = punten.sort_values("y")["naam"].tolist()
    assert len(named) == 1 and set(named[0].text) == set(by_y[:3] + by_y[-3:])


def test_a_long_scatter_title_is_broken_between_words_to_fit_a_phone_and_names_read_inwards():
    fig = charts.scatter(_points(10), None, ("Huishoudens met betaalrisico", "%"), ("Aandeel sociale huur in voorraad", "%"))
    lines = fig.layout.title.text.split("<br>")
    assert " ".join(lines) == "Aandeel sociale huur in voorraad tegen Huishoudens met betaalrisico"
    assert len(lines) == 2 and all(len(line) <= charts.TITLE_LINE for line in lines)
    assert fig.layout.margin.t > charts.trend(pd.DataFrame({"label": ["2024"], "waarde": [1.0], "streefwaarde": [None]}),
                                              "Sloop", "aantal").layout.margin.t  # room for the second line
    [named] = [trace for trace in fig.data if trace.mode == "text"]
    sides = dict(zip(named.x, named.textposition))  # x runs from 0 to 9: a name on the right half reads leftwards
    assert sides == {x: "top left" if x > 4.5 else "top right" for x in named.x} and len(set(sides.values())) == 2


def test_the_wijk_map_names_its_highest_and_lowest_wijken_without_a_hover():
    square = '{"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.01, 52.0], [5.01, 52.01], [5.0, 52.0]]]}'
    shapes = pd.DataFrame({"code": [f"WK{i:02d}" for i in range(10)], "naam": [f"Wijk {i}" for i in range(10)],
                           "geometrie": [square] * 10})
    values = pd.DataFrame({"gebied": shapes["code"], "waarde": [float(i) for i in range(10)]})
    deck, _ = charts.wijk_map(shapes, values, "Woningen", "woningen")
    names = next(layer for layer in deck.layers if layer.type == "TextLayer")
    assert sorted(label["tekst"] for label in names.data) == sorted(
        ["Wijk 0", "Wijk 1", "Wijk 2", "Wijk 7", "Wijk 8", "Wijk 9"])


def test_the_verkennen_map_is_coloured_by_value_before_anything_is_chosen():
    punten = _points(10).assign(lat=52.0, lon=[5.0 + i / 100 for i in range(10)], x_tekst="", y_tekst="")
    shapes = pd.DataFrame({"code": [], "naam": [], "geometrie": []})
    deck = charts.gebieden_map(punten, shapes, set(), ("x", "aantal"), ("y", "aantal"))
    fills = [tuple(row["kleur"]) for row in deck.layers[0].data]
    assert len(set(fills)) == len(charts.SCALE)
    lowest, highest = punten["y"].idxmin(), punten["y"].idxmax()
    assert fills[lowest] == charts.SCALE[0] and fills[highest] == charts.SCALE[-1]
