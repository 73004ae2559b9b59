"""A share link made on Delen works as shown: with no DASHBOARD_BASE_URL it starts with the address
this browser uses (the server's own port), and a set address that differs is warned about."""
from playwright.sync_api import expect

from harness import wait_ready

MISMATCH = "maar deze browser gebruikt"


def make_share_link(page, server) -> str:
    page.goto(server.url + "/delen")
    wait_ready(page)
    page.get_by_label("Label").fill("Gemeenteraad")
    page.get_by_role("button", name="Deellink maken").click()
    wait_ready(page)
    code = page.get_by_test_id("stCode").locator("code")
    expect(code).to_contain_text("?deel=")
    return code.inner_text().strip()


def test_without_base_url_the_link_is_this_servers_address_and_opens(server_factory, logged_in, browser):
    server = server_factory(DASHBOARD_BASE_URL=None)  # the app runs on a free port, not on 8501
    assert "DASHBOARD_BASE_URL" not in server.env
    link = make_share_link(logged_in(server), server)
    assert link.startswith(server.url + "/?deel="), link
    context = browser.new_context()  # a fresh browser: no login, only the link
    visitor = context.new_page()
    visitor.goto(link)
    wait_ready(visitor)
    expect(visitor.get_by_text("Alleen lezen via de deellink «Gemeenteraad».")).to_be_visible()
    expect(visitor.get_by_role("heading", name="Tellen & Vertellen")).to_be_visible()
    assert visitor.get_by_test_id("stForm").count() == 0  # no login form, nothing to write
    context.close()


def test_a_base_url_on_another_port_is_warned_about(server_factory, logged_in):
    elsewhere = "http://127.0.0.1:9"  # a port nothing answers on
    server = server_factory(DASHBOARD_BASE_URL=elsewhere)
    page = logged_in(server)
    link = make_share_link(page, server)
    assert link.startswith(elsewhere + "/?deel=")
    warning = page.get_by_test_id("stAlertContentWarning")
    expect(warning).to_contain_text(elsewhere)
    expect(warning).to_contain_text(MISMATCH)
    expect(warning).to_contain_text(server.url)
