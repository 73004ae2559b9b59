"""A real gemeente's first view while it is still sparse: only CBS's woningvoorraad and WOZ-waarde
are in. No tile value is cut off on a laptop or a phone, the indicators without figures are named
in one place, and two years of one figure read as numbers."""
from pathlib import Path

from playwright.sync_api import expect

GEBIEDEN = "code;naam;niveau;ouder\nGM0363;Amsterdam;gemeente;\n"
VOORRAAD = ("indicator;gebied;partij;periode;waarde\n"
            "woningvoorraad_totaal;GM0363;;2023;468520\n"
            "woningvoorraad_totaal;GM0363;;2024;474866\n"
            "woz_waarde;GM0363;;2024;1234567\n")  # wider than a narrow tile at full size
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-results" / "eerste-blik"
# Per metric value: is its text wider than the box it is shown in (an ellipsis or a hidden overflow)?
CLIPPED = """els => els.filter(el => el.scrollWidth > el.clientWidth + 1
                                 || [...el.querySelectorAll('*')].some(c => c.scrollWidth > c.clientWidth + 1))
                       .map(el => el.innerText)"""
OPENED = """() => { const d = [...document.querySelectorAll('[data-testid=stExpander] details')]
                        .find(e => e.innerText.includes('Nog geen cijfers voor'));
                    const last = d && d.querySelector('li:last-child');
                    return last && last.getBoundingClientRect().bottom <= d.getBoundingClientRect().bottom; }"""


def test_a_sparse_gemeente_shows_whole_values_and_names_what_is_missing(server_factory, logged_in, visit, tmp_path):
    server = server_factory(DASHBOARD_DEMO="0")
    for name, text in (("gebieden.csv", GEBIEDEN), ("voorraad.csv", VOORRAAD)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        done = server.cli("import", str(tmp_path / name))
        assert done.returncode == 0, done.stdout + done.stderr
    page = logged_in(server)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 800), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page = visit(server, "/dashboard")
        values = page.get_by_test_id("stMetricValue")
        expect(values.first).to_have_text("474.866")
        assert values.evaluate_all(CLIPPED) == [], f"afgekapt op {width}x{height}"
        assert page.get_by_test_id("stMetric").filter(has_text="geen ge").count() == 0
        page.get_by_text("Nog geen cijfers voor", exact=False).click()
        expect(page.get_by_text("Uit CBS-tabel 81955NED", exact=False)).to_be_visible()
        page.wait_for_function(OPENED)  # the expander grows in an animation: the last line shown whole
        expect(page.get_by_text("te weinig voor een lijn", exact=False)).to_be_visible()
        assert page.get_by_test_id("stException").count() == 0
        page.screenshot(path=str(ARTEFACTS / f"dashboard-{width}x{height}.png"))

        page = visit(server, "/dashboard?groep=Betaalbaarheid")
        expect(values.first).to_have_text("€ 1.234.567")
        assert values.evaluate_all(CLIPPED) == [], f"afgekapt op {width}x{height}"
        page.screenshot(path=str(ARTEFACTS / f"betaalbaarheid-{width}x{height}.png"))
