"""A data officer uploads a Dutch Excel CSV through the real page and sees the figure on the dashboard;
a refused file's problems are readable on a laptop and on a phone."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

DUTCH_EXCEL = ("indicator;gebied;partij;periode;waarde\r\n"
               "woningvoorraad_totaal;GM9901;;2025;12.345\r\n"
               "verhuringen;GM9901;Woonstichting Eén;2025;1.234,5\r\n").encode("cp1252")


def test_upload_dutch_excel_csv_then_see_it_on_the_dashboard(server, logged_in, visit, tmp_path):
    path = tmp_path / "cijfers uit Excel.csv"
    path.write_bytes(DUTCH_EXCEL)
    logged_in(server, "gegevens", "tabellen-wachtwoord", role="gegevensbeheerder")
    page = visit(server, "/gegevens")
    expect(page.get_by_role("heading", name="Gegevens")).to_be_visible()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    expect(page.get_by_text("Windows-1252", exact=False)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("onbekende partij 'Woonstichting Eén'", exact=False).first).to_be_attached()
    page.get_by_text("Nieuwe partij 'Woonstichting Eén' toevoegen (soort overig)").click()
    page.get_by_role("button", name="Keuzes toepassen en opnieuw controleren").click()
    expect(page.get_by_text("Wordt toegevoegd: partij Woonstichting Eén")).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_text("Vastgelegd als import", exact=False)).to_be_visible(timeout=60_000)
    assert page.get_by_test_id("stException").count() == 0

    page = visit(server, "/dashboard")
    tile = page.get_by_test_id("stMetric").filter(has_text="Totale woningvoorraad")
    expect(tile.get_by_test_id("stMetricValue")).to_have_text("12.345")
    listed = server.cli("imports", "list")
    assert "cijfers uit Excel.csv" in listed.stdout


REFUSED = ("indicator;gebied;partij;periode;waarde\r\n"
           + "".join(f"nieuwbouw_opgeleverd;GM9901;;31-12-20{n};{n}\r\n" for n in range(26, 31))
           + "verhuringen;GM9901;Woonstichting Denkbeeld Wonén;2025;1.234\r\n").encode("cp1252")


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)])
def test_a_refused_files_problems_wrap_and_can_be_read(server, logged_in, visit, tmp_path, width, height):
    path = tmp_path / "geweigerd.csv"
    path.write_bytes(REFUSED)
    logged_in(server, "gegevens", "tabellen-wachtwoord", role="gegevensbeheerder")
    page = visit(server, "/gegevens")
    page.set_viewport_size({"width": width, "height": height})
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    expect(page.get_by_text("6 problemen", exact=False)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Bedoelt u", exact=False).first).to_be_visible()
    table = page.get_by_test_id("stTable")
    expect(table).to_be_visible()
    shots = Path(os.environ.get("DASHBOARD_SCREENSHOTS", tmp_path))  # to look at: set DASHBOARD_SCREENSHOTS
    shots.mkdir(parents=True, exist_ok=True)
    page.get_by_text("6 problemen", exact=False).scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"importproblemen-{width}x{height}-boven.png"))
    page.get_by_role("button", name="Keuzes toepassen en opnieuw controleren").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"importproblemen-{width}x{height}-namen.png"))
    table.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"importproblemen-{width}x{height}-tabel.png"))
    # Every reason is there in full: no cell cut off, nothing beyond the window's right edge.
    cells = table.locator("td")
    assert cells.count() >= 24
    cut = cells.evaluate_all("cells => cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText)")
    assert cut == []
    right = table.evaluate("t => t.getBoundingClientRect().right")
    assert right <= width
    reason = table.get_by_text("bedoelt u het jaar 2026 of kwartaal 2026-K4?", exact=False)
    expect(reason).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0
