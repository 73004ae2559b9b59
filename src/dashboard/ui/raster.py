"""Cards and tiles in a grid of equal columns, in reading order, on any width.

One container holds them all: a row of st.columns per three or four cards cost a message for the
row and one per column, for every viewer of a share link (benchmarks/concurrent_viewers.py). A CSS
grid on the container's own class (st-key-raster_<key>) gives every card the same width, as many
abreast as fit (three at 1280 px, one on a phone). The rule is part of the app's one stylesheet
(ui/chrome.py), not a <style> per grid. Without it (a Streamlit that names its classes otherwise)
the cards still wrap, at the width each is given.
"""
from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

CARD = 240  # px: a card's width without the rule, and about the narrowest it becomes with it
PREFIX = "raster_"  # a grid's key starts with it: its class st-key-raster_<key> is what the rule finds
CSS = (f'[class*="st-key-{PREFIX}"] {{ display: grid !important; '
       f'grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }}\n'
       f'[class*="st-key-{PREFIX}"] > div {{ width: auto !important; }}\n')


def grid(key: str) -> DeltaGenerator:
    """A container for cards (each a `st.container(border=True, width=raster.CARD)`, or an element
    of that width); `key` names it on the page, as st-key-raster_<key>."""
    return st.container(horizontal=True, key=PREFIX + key)
