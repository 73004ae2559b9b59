"""Dutch everywhere a visitor can see or hear: no English chrome word in the text or the aria-labels,
titles and placeholders of every page a beheerder, a partner and a share-link visitor find in
their menu (images, tables, charts, maps, the uploader, forms), each page entered through the
sidebar."""
import re

from dashboard.db import open_database
from dashboard.toegang import accounts, share_links

from conftest import log_in
from harness import menu, open_through_menu, wait_ready

ENGLISH = re.compile(r"\b(View (?:\d+ )?(?:more|less)|Upload|Select all|Skip to|Download (?:plot|as)|Search|Help for|Collapse|Expand sidebar|"
                     r"Show/hide|Zoom|Reset|Browse files|Drag and drop|Clear|No results|Press Enter|per file|"
                     r"Fullscreen|Choose an? option|Sort (?:a|de)scending|Show password|Main menu|Sidebar|Link to heading|"
                     r"file upload|Choose date|(?:start|end) date|(?:day|month|year), |Toggle attribution|Map|Remove|"
                     r"(?:options?|results?) available|[a-z_]+ icon)\b")
PARTNER, PASSWORD = "ria", "partner-browser-wachtwoord"

# Everything on the page a visitor reads or a screen reader speaks, plotly's modebar titles included.
SPOKEN = """() => [document.body.innerText, ...[...document.querySelectorAll(
  '[aria-label],[title],[placeholder],[data-title],[alt]')].flatMap(e =>
  ['aria-label', 'title', 'placeholder', 'data-title', 'alt'].map(a => e.getAttribute(a) || ''))].join('\\n')"""


def english_on_every_page(page) -> dict[str, list[str]]:
    """Per page the sidebar offers, entered through the sidebar as a person does: the English words
    found, after the toolbars that appear on hover have appeared and a multiselect's list has opened."""
    names = menu(page)
    names = names[1:] + names[:1]  # from the page it landed on, through all and back: each tap a new page
    found = {}
    for name in names:
        open_through_menu(page, name)
        for element in ("stDataFrame", "stPlotlyChart"):
            shown = page.locator(f'[data-testid="{element}"]:visible')
            if shown.count():
                shown.first.hover(force=True)
        choices = page.locator('[data-testid="stMultiSelect"] input:visible')
        if choices.count():
            choices.first.click()
            page.wait_for_timeout(300)
        page.wait_for_timeout(200)  # the translation follows the page by one animation frame at most
        words = sorted(set(ENGLISH.findall(page.evaluate(SPOKEN))))
        if words:
            found[name] = words
        page.keyboard.press("Escape")
    assert len(names) >= 3, names  # the walk saw a menu
    return found


def test_no_english_chrome_on_any_page_for_a_beheerder_a_partner_and_a_share_link(server, logged_in, browser):
    page = logged_in(server)  # the first visit loads the demo data, with its partijen
    database = open_database(server.env["DASHBOARD_DATABASE_URL"])
    try:
        accounts.add_user(database, PARTNER, "partner", PASSWORD, door="test", partij="Huurdersvereniging Samen Sterk")
        _, token = share_links.create(database, "gemeenteraad", door="test",
                                      pages=["kompas", "dashboard", "verkennen", "afspraken", "verhalen"])
    finally:
        database.engine.dispose()

    # Every page of each menu, with each kind of Streamlit chrome: images, tables, charts, maps, the
    # uploader, forms.
    assert english_on_every_page(page) == {}

    context = browser.new_context()
    partner = context.new_page()
    log_in(partner, server, PARTNER, PASSWORD)
    assert english_on_every_page(partner) == {}
    context.close()

    context = browser.new_context()
    visitor = context.new_page()
    visitor.goto(share_links.url(server.url, token))
    wait_ready(visitor)
    assert english_on_every_page(visitor) == {}
    context.close()
