"""Links that were sent out survive a restart: the very first request of a fresh server may be a deep link."""
from playwright.sync_api import expect

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
    # the first run of a fresh server registers the pages and reruns: the tiles come with that rerun
    expect(page.get_by_test_id("stMetric").nth(3)).to_be_visible(timeout=30_000)
    assert "/dashboard" in page.url and "gebied=WK990102" in page.url and "deel=" not in page.url
