"""The dashboard in a real browser against a fresh server (logged in): tiles, a chart and the map, no errors."""
from playwright.sync_api import expect


def test_fresh_server_asks_for_the_first_beheerder(server, visit):
    page = visit(server, "/")
    expect(page.get_by_role("heading", name="Tellen & Vertellen instellen")).to_be_visible()
    expect(page.get_by_label("Gebruikersnaam")).to_be_visible()
    assert page.get_by_test_id("stMetric").count() == 0


def test_fresh_server_shows_dashboard_with_tiles_chart_and_map(server, logged_in, visit):
    logged_in(server)
    page = visit(server, "/dashboard")
    expect(page.get_by_role("heading", name="Volkshuisvestelijk dashboard")).to_be_visible()
    expect(page.get_by_test_id("stMetric").nth(3)).to_be_visible()  # tiles arrive one message at a time
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.get_by_test_id("stDeckGlJsonChart")).to_be_visible()
    expect(page.locator("#deckgl-overlay, canvas").first).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_test_id("stAlertContentError").count() == 0
    # the first visitor after a start gets the app's own navigation, not the pages/ folder listing
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text("Dashboard")).to_be_visible()
    expect(nav.get_by_text("kompas", exact=True)).to_have_count(0)


def test_view_is_kept_in_the_url(server, logged_in, visit):
    logged_in(server)
    page = visit(server, "/dashboard?gebied=WK990102&indicator=label_efg&groep=Kwaliteit+en+duurzaamheid")
    expect(page.get_by_role("heading", name="Havenkwartier", exact=False).first).to_be_visible()
    expect(page.get_by_role("heading", name="Woningen met energielabel E, F of G")).to_be_visible()
    page.get_by_test_id("stSidebar").get_by_text("Per kwartaal").click()
    page.wait_for_function("() => window.location.search.includes('soort=kwartaal')")
    assert "gebied=WK990102" in page.url
