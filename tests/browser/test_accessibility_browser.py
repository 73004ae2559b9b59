"""WCAG 2.1 AA as axe-core sees it: no violation on any page, for a beheerder and for a share-link
visitor, on a desktop screen and on a 390x844 phone."""
from playwright.sync_api import expect

from dashboard import afspraken
from dashboard.db import open_database
from dashboard.toegang import share_links

from harness import axe_violations, wait_ready

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "telefoon": {"width": 390, "height": 844}}
READ_PAGES = ["/", "/dashboard", "/verkennen", "/afspraken", "/verhalen", "/verhalen?verhaal=1", "/toegankelijkheid"]


def audit(page, server, paths: list[str]) -> dict[str, list[str]]:
    """Every path at every viewport: what axe finds (nothing, when all is well)."""
    found = {}
    for name, size in VIEWPORTS.items():
        page.set_viewport_size(size)
        for path in paths:
            page.goto(server.url + path)
            wait_ready(page)
            expect(page.get_by_test_id("stException")).to_have_count(0)
            violations = axe_violations(page)
            if violations:
                found[f"{path} ({name})"] = violations
    return found


def afspraak_path(server) -> str:
    database = open_database(server.env["DASHBOARD_DATABASE_URL"])
    try:
        with database.make_session() as session:
            return f"/afspraken?afspraak={int(afspraken.overview(session).set_index('nummer').loc['2.1', 'id'])}"
    finally:
        database.engine.dispose()


def test_every_page_passes_axe_for_a_beheerder_on_desktop_and_phone(server, logged_in):
    page = logged_in(server)
    paths = READ_PAGES + [afspraak_path(server), "/cyclus?cyclusjaar=2027", "/gegevens", "/delen", "/beheer"]
    assert audit(page, server, paths) == {}


def test_every_page_passes_axe_for_a_share_link_visitor_on_desktop_and_phone(server, browser):
    database = open_database(server.env["DASHBOARD_DATABASE_URL"])
    try:
        _, token = share_links.create(database, "gemeenteraad", door="test",
                                      pages=["kompas", "dashboard", "verkennen", "afspraken", "verhalen"])
    finally:
        database.engine.dispose()
    context = browser.new_context()
    page = context.new_page()
    page.goto(share_links.url(server.url, token))
    wait_ready(page)
    expect(page.get_by_text("Alleen lezen via de deellink", exact=False)).to_be_visible()
    # the plain-language panel is open for this visitor, so axe reads it too; and a page outside the link
    paths = READ_PAGES + [afspraak_path(server), "/gegevens"]
    assert audit(page, server, paths) == {}
    context.close()
