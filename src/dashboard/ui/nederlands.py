"""Streamlit's and plotly's own words in Dutch, where Streamlit 1.67 offers no language setting.

Two real things instead: plotly is given a Dutch locale of its own (its modebar titles and its
number format) with every chart, and every page carries one static script of ours
(nederlands.js) that replaces a fixed list of Streamlit's English chrome words and aria-labels as
they appear. No user text goes through that script; it only reads the page. What stays English is
listed in the README ("Taal").
"""
from __future__ import annotations

from pathlib import Path

SCRIPT = f"<script>{(Path(__file__).with_name('nederlands.js')).read_text(encoding='utf-8')}</script>"

# Plotly's own dictionary for the strings its modebar and notifier show; Streamlit bundles only "en".
_PLOTLY_WOORDEN = {
    "Download plot as a PNG": "Grafiek downloaden als PNG", "Download plot": "Grafiek downloaden",
    "Preparing image - this may take a few seconds": "Afbeelding maken, een ogenblik",
    "Snapshot succeeded": "Afbeelding gemaakt", "Zoom": "Zoomen", "Pan": "Verschuiven",
    "Zoom in": "Inzoomen", "Zoom out": "Uitzoomen", "Autoscale": "Automatisch schalen",
    "Reset axes": "Assen herstellen", "Box Select": "Rechthoek selecteren", "Lasso Select": "Lasso selecteren",
    "Reset view": "Weergave herstellen", "Reset camera to default": "Camera herstellen",
    "Toggle Spike Lines": "Hulplijnen aan of uit", "Show closest data on hover": "Dichtstbijzijnde waarde tonen",
    "Compare data on hover": "Waarden vergelijken", "Double-click to zoom back out": "Dubbelklik om terug te zoomen",
    "Click to enter Colorscale title": "", "Click to enter Plot title": "", "Click to enter X axis title": "",
    "Click to enter Y axis title": "",
}
_MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december"]
_DAGEN = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"]

PLOTLY_CONFIG = {
    "displaylogo": False,
    "locale": "nl",
    "locales": {"nl": {
        "dictionary": _PLOTLY_WOORDEN,
        "format": {"decimal": ",", "thousands": ".", "months": _MAANDEN, "shortMonths": [m[:3] for m in _MAANDEN],
                   "days": _DAGEN, "shortDays": [d[:2] for d in _DAGEN], "date": "%d-%m-%Y"},
    }},
}

