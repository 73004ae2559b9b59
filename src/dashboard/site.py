"""The pages of the app: path, title, icon and script. Navigation is built from this list."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    key: str
    path: str  # URL path; "" is the home page
    title: str
    icon: str
    script: str


PAGES = (
    Page("kompas", "", "Kompas", ":material/explore:", "pages/kompas.py"),
    Page("dashboard", "dashboard", "Dashboard", ":material/monitoring:", "pages/dashboard.py"),
)


def pages_for_visitor() -> tuple[Page, ...]:
    """Every visitor sees every page until accounts and share links exist (the access issue)."""
    return PAGES
