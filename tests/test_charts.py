"""The map colours wijken by value in a colour-blind-safe scale and says what the colours mean."""
import json

import pandas as pd

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
