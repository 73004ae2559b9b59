"""A data officer uploads a Dutch Excel CSV through the real page and sees the figure on the dashboard."""
from playwright.sync_api import expect

DUTCH_EXCEL = ("indicator;gebied;partij;periode;waarde\r\n"
               "woningvoorraad_totaal;GM9901;;2025;12.345\r\n"
               "verhuringen;GM9901;Woonstichting Eén;2025;1.234,5\r\n").encode("cp1252")


def test_upload_dutch_excel_csv_then_see_it_on_the_dashboard(server, logged_in, visit, tmp_path):
    path = tmp_path / "cijfers uit Excel.csv"
    path.write_bytes(DUTCH_EXCEL)
    logged_in(server, "gegevens", "gegevens-wachtwoord", role="gegevensbeheerder")
    page = visit(server, "/gegevens")
    expect(page.get_by_role("heading", name="Gegevens")).to_be_visible()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    expect(page.get_by_text("Windows-1252", exact=False)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("onbekende partij 'Woonstichting Eén'", exact=False).first).to_be_attached()
    page.get_by_role("button", name="Ontbrekende gebieden en partijen toevoegen").click()
    expect(page.get_by_text("Wordt toegevoegd: partij Woonstichting Eén")).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_text("Vastgelegd als import", exact=False)).to_be_visible(timeout=60_000)
    assert page.get_by_test_id("stException").count() == 0

    page = visit(server, "/dashboard")
    tile = page.get_by_test_id("stMetric").filter(has_text="Totale woningvoorraad")
    expect(tile.get_by_test_id("stMetricValue")).to_have_text("12.345")
    listed = server.cli("imports", "list")
    assert "cijfers uit Excel.csv" in listed.stdout
