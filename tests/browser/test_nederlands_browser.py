"""Dutch everywhere a visitor can see or hear: no English chrome word in the text or the aria-labels,
titles and placeholders of the pages that show each kind of Streamlit chrome (images, tables,
charts, maps, the uploader, forms), for a beheerder, a partner and a share-link visitor.

The same visitors then walk every page of their menu, and the browser may contact no host but the
app's own (a video link's player only after its button); every page's footer links to the
toegankelijkheidsverklaring, which also opens for someone who has not signed in."""
import re

from playwright.sync_api import expect

from dashboard.db import open_database
from dashboard.toegang import accounts, share_links

from conftest import log_in
from harness import OtherHosts, wait_ready

ENGLISH = re.compile(r"\b(Upload|Select all|Skip to|Download (?:plot|as)|Search|Help for|Collapse|Expand sidebar|"
                     r"Show/hide|Zoom|Reset|Browse files|Drag and drop|Clear|No results|Press Enter|per file|"
                     r"Fullscreen|Choose an? option|Sort (?:a|de)scending|Show password|Main menu)\b")
PARTNER, PASSWORD = "ria", "partner-browser-wachtwoord"

# Everything on the page a visitor reads or a screen reader speaks, plotly's modebar titles included.
SPOKEN = """() => [document.body.innerText, ...[...document.querySelectorAll(
  '[aria-label],[title],[placeholder],[data-title],[alt]')].flatMap(e =>
  ['aria-label', 'title', 'placeholder', 'data-title', 'alt'].map(a => e.getAttribute(a) || ''))].join('\\n')"""


def english_on(page, server, paths: list[str], hosts: OtherHosts) -> dict[str, list[str]]:
    """Per path: the English words found, after the toolbars that appear on hover have appeared and a
    multiselect's list has opened."""
    found = {}
    for path in paths:
        hosts.page = path
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


STATEMENT = "Toegankelijkheidsverklaring"
FOOTER_LINK = f'a[href$="toegankelijkheid"]:has-text("{STATEMENT}")'


def walk(page, hosts: OtherHosts) -> list[str]:
    """Each page of the visitor's menu through the sidebar, then the statement through the footer
    link; the pages whose footer has no link to the statement."""
    menu = page.locator('[data-testid="stSidebarNav"] a')
    without = []
    for number in range(menu.count()):
        link = menu.nth(number)
        hosts.page = link.get_attribute("href")
        link.click()
        wait_ready(page)
        if not page.locator(FOOTER_LINK).count():
            without.append(hosts.page)
    hosts.page = STATEMENT
    page.locator(FOOTER_LINK).click()
    wait_ready(page)
    expect(page.get_by_role("heading", name=STATEMENT, level=1)).to_be_visible()
    return without


def test_no_english_chrome_and_no_other_host_for_a_beheerder_a_partner_and_a_share_link(server, page, logged_in,
                                                                                        browser):
    hosts = OtherHosts(page.context, server.url)
    logged_in(server)  # the first visit loads the demo data, with its partijen
    database = open_database(server.env["DASHBOARD_DATABASE_URL"])
    try:
        accounts.add_user(database, PARTNER, "partner", PASSWORD, door="test", partij="Huurdersvereniging Samen Sterk")
        _, token = share_links.create(database, "gemeenteraad", door="test",
                                      pages=["kompas", "dashboard", "verkennen", "afspraken", "verhalen"])
    finally:
        database.engine.dispose()

    # Each kind of Streamlit chrome the app shows: images, tables, charts, maps, the uploader, forms.
    assert english_on(page, server, ["/", "/dashboard", "/verkennen", "/gegevens", "/beheer"], hosts) == {}
    assert walk(page, hosts) == []
    # a story's YouTube link: a button and a link; the player (YouTube's frame) only after the click
    hosts.page = "verhaal met een videolink"
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Verhalen").click()
    wait_ready(page)
    card = page.locator('[data-testid="stVerticalBlock"]', has_text="Wonen naast de Denkbeeldhof").last
    card.get_by_role("link", name="Lees het verhaal").click()
    wait_ready(page)
    expect(page.get_by_role("link", name="Bekijk de video op YouTube")).to_be_visible()
    assert hosts.found == [] and page.locator("iframe[src*='youtube']").count() == 0
    page.get_by_role("button", name="Video van YouTube hier laden").click()
    expect(page.locator("iframe[src*='youtube.com']")).to_be_attached()

    context = browser.new_context()
    partner, hosts = context.new_page(), OtherHosts(context, server.url)
    log_in(partner, server, PARTNER, PASSWORD)
    assert english_on(partner, server, ["/verhalen"], hosts) == {}
    assert walk(partner, hosts) == [] and hosts.found == []
    context.close()

    context = browser.new_context()
    visitor, hosts = context.new_page(), OtherHosts(context, server.url)
    visitor.goto(share_links.url(server.url, token))
    wait_ready(visitor)
    assert english_on(visitor, server, ["/dashboard"], hosts) == {}
    assert walk(visitor, hosts) == [] and hosts.found == []
    context.close()

    context = browser.new_context()  # not signed in: the login screen's footer opens the statement
    stranger, hosts = context.new_page(), OtherHosts(context, server.url)
    stranger.goto(server.url)
    wait_ready(stranger)
    expect(stranger.get_by_role("button", name="Inloggen")).to_be_visible()
    hosts.page = STATEMENT
    stranger.locator(FOOTER_LINK).click()
    wait_ready(stranger)
    expect(stranger.get_by_role("heading", name=STATEMENT, level=1)).to_be_visible()
    expect(stranger.get_by_text("voldoet gedeeltelijk aan de eisen van WCAG 2.1 niveau AA")).to_be_visible()
    expect(stranger.get_by_label("Wachtwoord")).to_have_count(0)
    assert hosts.found == []
    context.close()
