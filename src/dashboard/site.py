"""The pages of the app: path, title, icon and script. Navigation is built from this list."""
from __future__ import annotations

from dataclasses import dataclass

from dashboard.toegang import access


@dataclass(frozen=True)
class Page:
    key: str
    path: str  # URL path; "" is the home page
    title: str
    icon: str
    script: str


PAGES = (
    Page("kompas", "", "Kompas", ":material/explore:", "pages/kompas.py"),
    Page("afspraken", "afspraken", "Afspraken", ":material/handshake:", "pages/afspraken.py"),
    Page("verhalen", "verhalen", "Verhalen", ":material/auto_stories:", "pages/verhalen.py"),
    Page("presentatie", "presentatie", "Presentatie", ":material/co_present:", "pages/presentatie.py"),
    Page("cyclus", "cyclus", "Cyclus", ":material/event_repeat:", "pages/cyclus.py"),
    Page("dashboard", "dashboard", "Dashboard", ":material/monitoring:", "pages/dashboard.py"),
    Page("verkennen", "verkennen", "Verkennen", ":material/scatter_plot:", "pages/verkennen.py"),
    Page("samenwerking", "samenwerking", "Samenwerking", ":material/diversity_3:", "pages/samenwerking.py"),
    Page("gegevens", "gegevens", "Gegevens", ":material/upload_file:", "pages/gegevens.py"),
    Page("delen", "delen", "Delen", ":material/share:", "pages/delen.py"),
    Page("beheer", "beheer", "Beheer", ":material/admin_panel_settings:", "pages/beheer.py"),
)

# Not in the menu: every page's footer links to it (ui/chrome.py), and everyone may open it, also
# before signing in (access.PUBLIC_PAGES).
TOEGANKELIJKHEID = Page("toegankelijkheid", "toegankelijkheid", "Toegankelijkheid", ":material/accessibility_new:",
                        "pages/toegankelijkheid.py")


def pages_for(visitor: access.Visitor) -> tuple[Page, ...]:
    """The pages in this visitor's menu, in order; nothing else is reachable but the statement."""
    return tuple(page for page in PAGES if access.may_open(visitor, page.key))


def _list(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " en " + titles[-1]


def refusal(visitor: access.Visitor, page: Page) -> str:
    """Why this visitor cannot open `page`, and which pages they can open, in Dutch."""
    open_pages = _list([p.title for p in pages_for(visitor)])
    if visitor.share_pages is not None:
        return f"Deze deellink opent de pagina {page.title} niet. De link opent: {open_pages}."
    return f"De pagina {page.title} hoort niet bij uw rol ({visitor.role}). U kunt wel: {open_pages}."
