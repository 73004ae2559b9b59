"""A partial delivery, the way it arrives: one corporation uploads its 2026 stock and new homes on
Gegevens. The dashboard's tile keeps 2025's total of all three and says what 2026 lacks, the trend
marks 2026, the plain-language panel agrees, and afspraak 2.1 keeps 302 of 450 on its page and in
the deck's PowerPoint, each saying "1 van 3"."""
import io
import re
from pathlib import Path

from harness import wait_ready
from playwright.sync_api import expect
from pptx import Presentation

ONE_CORPORATION = ("indicator;gebied;partij;periode;waarde\r\n"
                   "woningvoorraad_corporatie;GM9901;Woonstichting Denkbeeld Wonen;2026;4.812\r\n"
                   "nieuwbouw_sociaal;GM9901;Woonstichting Denkbeeld Wonen;2026;12\r\n").encode("cp1252")
PARTIAL = "1 van 3 corporaties geleverd"
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
    tiles = page.locator(".st-key-raster_tegels > div")  # one bordered tile each
    tile = tiles.filter(has_text="Huurwoningen in bezit van corporaties")
    others = tiles
    expect(tile.get_by_test_id("stMetricValue")).to_have_text("14.581")  # 2025, all three corporations
    expect(tile).to_contain_text("Nog niet compleet: 2026: 1 van 3 corporaties geleverd")
    expect(tile.get_by_test_id("stMetricValue")).not_to_have_text("4.812")
    expect(others.filter(has_text="Nog niet compleet")).to_have_count(2)  # only the two figures the file held
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

    # the trend of the same figure: 2026 is in the table, marked, not a collapse
    choice = page.get_by_test_id("stSelectbox").filter(has_text="Indicator voor de grafieken").locator("input")
    choice.click()
    choice.press_sequentially("Huurwoningen in bezit")
    choice.press("Enter")
    wait_ready(page)
    page.get_by_role("tab", name="Tabel").first.click()
    expect(page.get_by_test_id("stTable").first.locator("tr").filter(has_text="2026")).to_contain_text(PARTIAL)

    # afspraak 2.1, reached from the list: the total since 2024 without the partial year, and 2026 marked
    page.get_by_test_id("stSidebarNav").get_by_text("Afspraken").click()
    wait_ready(page)
    page.get_by_role("link", name=re.compile(r"^2\.1 ")).first.click()
    wait_ready(page)
    expect(page.get_by_test_id("stMetricValue")).to_have_text("302 van 450 woningen")
    expect(page.get_by_text("Volgens de cijfers: Op koers", exact=False)).to_be_visible()
    page.get_by_role("tab", name="Tabel").first.click()
    rows = page.get_by_test_id("stTable").first.locator("tr")
    expect(rows.filter(has_text="2026")).to_contain_text(PARTIAL)
    expect(rows.filter(has_text="2027")).not_to_contain_text("compleet")  # no figure yet: neither
    page.screenshot(path=str(ARTEFACTS / "afspraak-2.1-1280x800.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_test_id("stMetricValue")).to_have_text("302 van 450 woningen")
    page.get_by_test_id("stMetricValue").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTEFACTS / "afspraak-2.1-390x844.png"))
    page.set_viewport_size({"width": 1280, "height": 800})

    # the deck the stuurgroep takes home says the same
    page.get_by_test_id("stSidebarNav").get_by_text("Presentatie").click()
    wait_ready(page)
    meeting = page.get_by_test_id("stVerticalBlock").filter(has_text="Stuurgroep najaar 2025").filter(
        has=page.get_by_role("button", name="Download PowerPoint")).last
    with page.expect_download(timeout=120_000) as download:
        meeting.get_by_role("button", name="Download PowerPoint").click()
    slides = Presentation(io.BytesIO(Path(download.value.path()).read_bytes())).slides
    slide = next(s for s in slides if s.shapes.title is not None and s.shapes.title.text.startswith("2.1 "))
    text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert "302 van 450 woningen" in text and "(2024–2025 opgeteld)" in text
    chart = next(shape for shape in slide.shapes if shape.shape_type == 13 and "Lijngrafiek" in
                 shape._element.nvPicPr.cNvPr.get("descr", ""))
    assert PARTIAL in chart._element.nvPicPr.cNvPr.get("descr")
