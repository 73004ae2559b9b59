"""Status shown as icon + word + colour, never colour alone (blue/orange is safe for colour-blind readers)."""
from __future__ import annotations

import streamlit as st

from dashboard.afspraken import STATUS_LABELS

STYLE = {  # status -> (badge colour, icon)
    "op_koers": ("blue", ":material/check_circle:"),
    "aandacht": ("orange", ":material/warning:"),
    "achter": ("red", ":material/trending_down:"),
    "afgerond": ("green", ":material/task_alt:"),
    "niet_gestart": ("gray", ":material/schedule:"),
}


def text(status: str, count: int | None = None) -> str:
    """Markdown badge, e.g. ':blue-badge[:material/check_circle: 3 op koers]'."""
    colour, icon = STYLE[status]
    label = STATUS_LABELS[status] if count is None else f"{count} × {STATUS_LABELS[status].lower()}"
    return f":{colour}-badge[{icon} {label}]"


def badge(status: str, prefix: str = "") -> None:
    colour, icon = STYLE[status]
    st.badge(f"{prefix}{STATUS_LABELS[status]}", icon=icon, color=colour)


def counts(row: dict) -> str:
    """All non-zero status counts of a group as one line of badges."""
    parts = [text(status, int(n)) for status, n in row.items() if n]
    return " ".join(parts) or "Nog geen afspraken"
