"""Dutch everywhere a visitor can see or hear: no English chrome word in the text or the aria-labels,
titles and placeholders of the pages that show each kind of Streamlit chrome (images, tables,
charts, maps, the uploader, forms), for a beheerder, a partner and a share-link visitor."""
import re

from dashboard.db import open_database
from dashboard.toegang import accounts, share_links

from conftest import log_in
from harness import wait_ready

ENGLISH = re.compile(r"\b(Upload|Select all|Skip to|Download (?:plot|as)|Search|Help for|Collapse|Expand sidebar|"
                     r"Show/hide|Zoom|Reset|Browse files|Drag and drop|Clear|No results|Press Enter|per file|"
                     r"Fullscreen|Choose an? option|Sort (?:a|de)scending|Show password|Main menu)\b")
PARTNER, PASSWORD = "ria", "partner-browser-wachtwoord"

# Everything on the page a visitor reads or a screen reader speaks, plotly's modebar titles included.
SPOKEN = """() => [document.body.innerText, ...[...document.querySelectorAll(
  '[aria-label],[title],[placeholder],[data-title],[alt]')].flatMap(e =>
  ['aria-label', 'title', 'placeholder', 'data-title', 'alt'].map(a => e.getAttribute(a) || ''))].join('\\n')"""


def english_on(page, server, paths: list[str]) -> dict[str, list[str]]:
    """Per path: the English words found, after the toolbars that appear on hover have appeared and a
    multiselect's list has opened."""
    found = {}
    for path in paths:
        page.goto(server.url + path)
        wait_ready(page)
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
            found[path] = words
        page.keyboard.press("Escape")
    return found


def test_no_english_chrome_for_a_beheerder_a_partner_and_a_share_link(server, logged_in, browser):
    page = logged_in(server)  # the first visit loads the demo data, with its partijen
    database = open_database(server.env["DASHBOARD_DATABASE_URL"])
    try:
        accounts.add_user(database, PARTNER, "partner", PASSWORD, door="test", partij="Huurdersvereniging Samen Sterk")
        _, token = share_links.create(database, "gemeenteraad", door="test",
                                      pages=["kompas", "dashboard", "verkennen", "afspraken", "verhalen"])
    finally:
        database.engine.dispose()

    # Each kind of Streamlit chrome the app shows: images, tables, charts, maps, the uploader, forms.
    assert english_on(page, server, ["/", "/dashboard", "/verkennen", "/gegevens", "/beheer"]) == {}

    context = browser.new_context()
    partner = context.new_page()
    log_in(partner, server, PARTNER, PASSWORD)
    assert english_on(partner, server, ["/verhalen"]) == {}
    context.close()

    context = browser.new_context()
    visitor = context.new_page()
    visitor.goto(share_links.url(server.url, token))
    wait_ready(visitor)
    assert english_on(visitor, server, ["/dashboard"]) == {}
    context.close()
