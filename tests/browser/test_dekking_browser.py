"""A partial delivery, the way it arrives: one corporation uploads its 2026 stock on Gegevens, and the
dashboard keeps 2025's total of all three, says what 2026 lacks, and its plain-language panel agrees."""
from pathlib import Path

from harness import wait_ready
from playwright.sync_api import expect

ONE_CORPORATION = ("indicator;gebied;partij;periode;waarde\r\n"
                   "woningvoorraad_corporatie;GM9901;Woonstichting Denkbeeld Wonen;2026;4.812\r\n").encode("cp1252")
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-results" / "dekking"


def test_one_corporations_2026_upload_leaves_the_total_at_2025_and_says_so(server, logged_in, tmp_path, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    path = tmp_path / "bezit 2026.csv"
    path.write_bytes(ONE_CORPORATION)
    logged_in(server, "gegevens", "tabellen-wachtwoord", role="gegevensbeheerder")
    page.get_by_test_id("stSidebarNav").get_by_text("Gegevens").click()  # from the Kompas, as a person goes
    wait_ready(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_text("Vastgelegd als import", exact=False)).to_be_visible(timeout=60_000)

    page.get_by_test_id("stSidebarNav").get_by_text("Dashboard").click()  # as a person goes there
    wait_ready(page)
    tile = page.get_by_test_id("stColumn").filter(has_text="Huurwoningen in bezit van corporaties").filter(
        has=page.get_by_test_id("stMetric")).last
    others = page.get_by_test_id("stColumn").filter(has=page.get_by_test_id("stMetric"))
    expect(tile.get_by_test_id("stMetricValue")).to_have_text("14.581")  # 2025, all three corporations
    expect(tile).to_contain_text("Nog niet compleet: 2026: 1 van 3 corporaties geleverd")
    expect(tile.get_by_test_id("stMetricValue")).not_to_have_text("4.812")
    expect(others.filter(has_text="Nog niet compleet")).to_have_count(1)  # only the tile with a partial year
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "dashboard-1280x800.png"))

    page.set_viewport_size({"width": 390, "height": 844})  # the councillor's phone: the same words
    expect(tile).to_contain_text("1 van 3 corporaties geleverd")
    tile.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTEFACTS / "dashboard-390x844.png"))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_text("In gewone taal", exact=False).first.click()
    expect(page.get_by_text("1 van 3 corporaties geleverd", exact=False).first).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0
