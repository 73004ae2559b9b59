"""Every page of the menu, walked through the sidebar by a beheerder, a partner and a share-link visitor:
- Dutch everywhere a visitor can see or hear: no English chrome word in the text or the aria-labels,
  titles and placeholders (images, tables, charts, maps, the uploader, forms);
- no request to any host but the app's own (a video link's player only after its button);
- a footer that links to the toegankelijkheidsverklaring, which also opens for someone who has not
  signed in."""
import re

from playwright.sync_api import expect

from dashboard.db import open_database
from dashboard.toegang import accounts, share_links

from conftest import log_in
from harness import OtherHosts, menu, open_through_menu, wait_ready

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


def english_here(page) -> list[str]:
    """The English words on the page as it is now, after the toolbars that appear on hover have
    appeared and a multiselect's list has opened."""
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
    page.keyboard.press("Escape")
    return words


STATEMENT = "Toegankelijkheidsverklaring"
FOOTER_LINK = f'a[href$="toegankelijkheid"]:has-text("{STATEMENT}")'
TITLE_NOW = """() => (document.querySelector('[data-testid="stMain"] h1') || {}).innerText"""


def follow(page, link) -> None:
    """Click a link to another page, as a person does, and wait until that page has run (another title)."""
    before = page.evaluate(TITLE_NOW)
    link.click()
    page.wait_for_function(f"before => ({TITLE_NOW})() !== before", arg=before, timeout=60_000)
    wait_ready(page)


def walk(page, hosts: OtherHosts) -> dict[str, list[str]]:
    """Each page of the visitor's menu through the sidebar, from the page it landed on through all and
    back (each tap a new page), then the statement through the footer link. Per page what is wrong:
    English words, or a footer without the link to the statement."""
    names = menu(page)
    assert len(names) >= 3, names  # the walk saw a menu
    found = {}
    for name in names[1:] + names[:1]:
        hosts.page = name
        open_through_menu(page, name)
        wrong = english_here(page) + ([] if page.locator(FOOTER_LINK).count() else [f"geen link naar de {STATEMENT}"])
        if wrong:
            found[name] = wrong
    hosts.page = STATEMENT
    follow(page, page.locator(FOOTER_LINK))
    expect(page.get_by_role("heading", name=STATEMENT, level=1)).to_be_visible()
    return found


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

    # Every page, with each kind of Streamlit chrome the app shows: images, tables, charts, maps, the uploader, forms.
    assert walk(page, hosts) == {}
    # a story's YouTube link: a button and a link; the player (YouTube's frame) only after the click
    hosts.page = "verhaal met een videolink"
    follow(page, page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Verhalen"))
    card = page.locator('[data-testid="stVerticalBlock"]', has_text="Wonen naast de Denkbeeldhof").last
    follow(page, card.get_by_role("link", name="Lees het verhaal"))
    expect(page.get_by_role("link", name="Bekijk de video op YouTube")).to_be_visible()
    assert hosts.found == [] and page.locator("iframe[src*='youtube']").count() == 0
    with page.expect_request(lambda request: request.url.startswith("https://www.youtube.com/")):
        page.get_by_role("button", name="Video van YouTube hier laden").click()
    assert hosts.found[0].startswith("verhaal met een videolink: https://www.youtube.com/")  # what is recorded

    context = browser.new_context()
    partner, hosts = context.new_page(), OtherHosts(context, server.url)
    log_in(partner, server, PARTNER, PASSWORD)
    assert walk(partner, hosts) == {} and hosts.found == []
    context.close()

    context = browser.new_context()
    visitor, hosts = context.new_page(), OtherHosts(context, server.url)
    visitor.goto(share_links.url(server.url, token))
    wait_ready(visitor)
    assert walk(visitor, hosts) == {} and hosts.found == []
    context.close()

    context = browser.new_context()  # not signed in: the login screen's footer opens the statement
    stranger, hosts = context.new_page(), OtherHosts(context, server.url)
    stranger.goto(server.url)
    wait_ready(stranger)
    expect(stranger.get_by_role("button", name="Inloggen")).to_be_visible()
    hosts.page = STATEMENT
    follow(stranger, stranger.locator(FOOTER_LINK))
    expect(stranger.get_by_role("heading", name=STATEMENT, level=1)).to_be_visible()
    expect(stranger.get_by_text("voldoet gedeeltelijk aan de eisen van WCAG 2.1 niveau AA")).to_be_visible()
    expect(stranger.get_by_label("Wachtwoord")).to_have_count(0)
    assert hosts.found == []
    context.close()
