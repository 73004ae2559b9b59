"""Cards and tiles in a grid of equal columns, in reading order, on any width.

One container holds them all: a row of st.columns per three or four cards cost a message for the
row and one per column, for every viewer of a share link (benchmarks/concurrent_viewers.py). A CSS
grid keyed on the container's own class (st-key-<key>) gives every card the same width, as many
abreast as fit (three at 1280 px, one on a phone). Without the rule (a Streamlit that names its
classes otherwise) the cards still wrap, at the width each is given.
"""
from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

CARD = 240  # px: a card's width without the rule, and about the narrowest it becomes with it


def grid(key: str) -> DeltaGenerator:
    """A container for cards (each a `st.container(border=True, width=raster.CARD)`, or an element
    of that width); `key` names it on the page."""
    st.html(f"<style>.st-key-{key} {{ display: grid !important; "
            f"grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }}\n"
            f".st-key-{key} > div {{ width: auto !important; }}</style>")
    return st.container(horizontal=True, key=key)
