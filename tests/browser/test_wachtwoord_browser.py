"""Sign-in security in a real browser (issue #19): a user changes her password in the sidebar and her
other browser is logged out; the audit log names the client's address, taken from X-Forwarded-For
only because the peer is the loopback proxy; a forged header from elsewhere cannot pick it."""
from playwright.sync_api import expect
from sqlalchemy import select

from conftest import ADMIN, ADMIN_PASSWORD, log_in
from dashboard.db import open_database
from dashboard.models import AuditLog
from harness import wait_ready

NEW = "drie-fietsen-op-het-dak"


def test_a_user_changes_her_password_and_her_other_browser_is_logged_out(server, logged_in, browser):
    page = logged_in(server)
    other = browser.new_context().new_page()  # her laptop at home, logged in as well
    log_in(other, server)
    page.get_by_test_id("stExpander").filter(has_text="Wachtwoord wijzigen").locator("summary").click()
    page.get_by_label("Huidig wachtwoord").fill(ADMIN_PASSWORD)
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(NEW)
    page.get_by_label("Nieuw wachtwoord herhalen").fill(NEW)
    page.get_by_test_id("stBaseButton-secondaryFormSubmit").filter(has_text="Wachtwoord wijzigen").click()
    expect(page.get_by_text("Uw wachtwoord is gewijzigd")).to_be_visible(timeout=60_000)
    wait_ready(page)
    page.reload()  # this browser goes on: its cookie holds the new session
    wait_ready(page)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    other.reload()
    wait_ready(other)
    expect(other.get_by_role("button", name="Inloggen")).to_be_visible()
    log_in(other, server, ADMIN, NEW)


def test_the_audit_log_names_the_forwarded_client_address(server, logged_in, browser):
    logged_in(server)  # makes the account (and logs in from 127.0.0.1)
    behind_proxy = browser.new_context(extra_http_headers={"X-Forwarded-For": "203.0.113.9"}).new_page()
    log_in(behind_proxy, server)
    database = open_database(server.env["DASHBOARD_DATABASE_URL"])
    with database.make_session() as session:
        addresses = session.scalars(select(AuditLog.adres).where(AuditLog.actie == "ingelogd")
                                    .order_by(AuditLog.id)).all()
    database.engine.dispose()
    # the first login came straight from this machine; the second through a "proxy" on loopback, which
    # Streamlit's server and the app both trust by default, so the forwarded address counts
    assert addresses == ["127.0.0.1", "203.0.113.9"]
