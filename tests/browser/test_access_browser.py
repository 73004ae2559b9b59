"""Access in a real browser: a login survives a reload until logout; a share link is read-only."""
import json

from playwright.sync_api import expect

from harness import wait_ready


def test_login_survives_reload_until_logout(server, logged_in):
    page = logged_in(server)
    expect(page.get_by_role("heading", name="Tellen & Vertellen")).to_be_visible()
    page.goto(server.url + "/dashboard")
    wait_ready(page)
    expect(page.get_by_role("heading", name="Volkshuisvestelijk dashboard")).to_be_visible()
    page.reload()
    wait_ready(page)
    expect(page.get_by_role("heading", name="Volkshuisvestelijk dashboard")).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()
    wait_ready(page)
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
    expect(page.get_by_text("U bent uitgelogd.")).to_be_visible()
    page.reload()
    wait_ready(page)
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
    assert page.get_by_test_id("stMetric").count() == 0


def _share_url(server) -> tuple[int, str]:
    created = server.cli("share", "create", "--label", "raad", "--json")
    assert created.returncode == 0, created.stderr
    lines = created.stdout.strip().splitlines()
    return json.loads(lines[0])["id"], lines[-1]


def test_share_link_is_read_only_survives_navigation_and_reload_and_can_be_revoked(server, browser):
    link_id, url = _share_url(server)
    context = browser.new_context()  # a fresh browser: no login, only the URL
    page = context.new_page()
    page.goto(url)
    wait_ready(page)
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text("Dashboard")).to_be_visible()
    nav.get_by_text("Dashboard").click()
    wait_ready(page)
    expect(page.get_by_role("heading", name="Volkshuisvestelijk dashboard")).to_be_visible()
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    page.reload()
    wait_ready(page)
    expect(page.get_by_role("heading", name="Volkshuisvestelijk dashboard")).to_be_visible()
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    assert page.get_by_test_id("stFileUploader").count() == 0
    assert page.get_by_test_id("stForm").count() == 0
    for path, heading in (("gegevens", "Gegevens"), ("delen", "Deellinks"), ("beheer", "Beheer")):
        page.goto(f"{server.url}/{path}")
        wait_ready(page)
        expect(page.get_by_role("heading", name=heading, exact=True)).to_have_count(0)
        # in Dutch, naming the pages the link does open; not Streamlit's English "Page not found"
        expect(page.get_by_text(f"Deze deellink opent de pagina {path.capitalize()} niet. De link opent: "
                                "Kompas, Afspraken, Verhalen en Dashboard.")).to_be_visible()
        assert page.get_by_text("Page not found").count() == 0
        assert page.get_by_test_id("stFileUploader").count() == 0
        assert page.get_by_test_id("stForm").count() == 0
    assert server.cli("share", "revoke", str(link_id)).returncode == 0
    page.goto(server.url + "/dashboard")
    wait_ready(page)
    expect(page.get_by_text("Deze deellink is ingetrokken")).to_be_visible()
    assert page.get_by_test_id("stMetric").count() == 0
    assert page.locator(".js-plotly-plot").count() == 0
    context.close()

