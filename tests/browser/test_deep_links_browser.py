"""Links that were sent out survive a restart: the very first request of a fresh server may be a deep link."""
from playwright.sync_api import expect

from dashboard import accounts, tokens
from dashboard.db import open_database

from harness import wait_ready


def test_a_deep_share_link_is_the_first_request_of_a_fresh_server(server, page):
    created = server.cli("share", "create", "--label", "raad", "--json")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip().splitlines()[-1].split("deel=")[1]
    page.goto(f"{server.url}/dashboard?deel={token}&gebied=WK990102")
    wait_ready(page)
    expect(page.get_by_role("heading", name="Volkshuisvestelijk dashboard")).to_be_visible()
    expect(page.get_by_text("Havenkwartier").first).to_be_visible()
    assert page.get_by_text("Page not found").count() == 0
    assert page.get_by_test_id("stMetric").count() >= 4


def test_a_bookmarked_afspraak_opens_with_the_login_cookie_after_a_restart(server, browser):
    added = server.cli("users", "add", "wethouder", "--role", "lezer", "--password-stdin",
                       stdin="een-lang-wachtwoord\n")
    assert added.returncode == 0, added.stderr
    database = open_database(server.env["DASHBOARD_DATABASE_URL"])
    try:
        cookie = tokens.sign(tokens.SESSION, accounts.start_session(database, "wethouder"),
                             server.env["DASHBOARD_SECRET_KEY"])
    finally:
        database.engine.dispose()
    context = browser.new_context()
    context.add_cookies([{"name": tokens.SESSION, "value": cookie, "url": server.url}])
    page = context.new_page()
    page.goto(f"{server.url}/afspraken?afspraak=4")
    wait_ready(page)
    expect(page.get_by_role("heading", name="Tellen", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    assert page.get_by_text("Page not found").count() == 0
    assert "afspraak=4" in page.url
    context.close()
