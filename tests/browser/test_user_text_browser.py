"""A partner's text on the Kompas, read through a share link: what she typed as a Markdown image (a
tracking pixel) or a link stays text, and no request leaves the reader's browser for another host."""
from __future__ import annotations

from urllib.parse import urlsplit

import hostile
from harness import wait_ready
from playwright.sync_api import expect

from dashboard.db import open_database


def test_the_kompas_through_a_share_link_loads_nothing_from_outside(server, browser, visit):
    visit(server, "/")  # the first visit of a fresh server loads the demo
    db = open_database(f"sqlite:///{server.folder / 'dashboard.db'}")
    try:
        hostile.plant(db)
    finally:
        db.engine.dispose()
    created = server.cli("share", "create", "--label", "raad", "--json")
    assert created.returncode == 0, created.stderr
    url = created.stdout.strip().splitlines()[-1]
    context = browser.new_context(viewport={"width": 1280, "height": 4000})  # everything in view: nothing lazy
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(url)
    wait_ready(page)
    expect(page.get_by_role("heading", name="Vraagt nu bestuurlijke aandacht")).to_be_visible()
    # the texts as typed, on the page
    expect(page.get_by_text(hostile.TOELICHTING).first).to_be_visible()
    expect(page.get_by_text(hostile.TITEL).first).to_be_visible()
    page.wait_for_timeout(1_000)  # a picture the page did ask for would have been requested by now
    own = urlsplit(server.url).netloc
    assert page.locator(f"img[src*='{hostile.HOST}']").count() == 0
    # The Markdown links stayed text; what Streamlit still does with any text is make a bare address a
    # link to that very address, shown as it is, opened in a new tab without access to this one (ui/tekst.py)
    for link in page.locator(f"a[href*='{hostile.HOST}']").all():
        assert link.text_content() == link.get_attribute("href") and "noopener" in link.get_attribute("rel")  # folded too
    assert [u for u in asked if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != own] == []
    context.close()
