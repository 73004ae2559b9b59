"""The stuurgroep deck on a projector: every slide of the demo meetings, entered as a presenter enters it
(Kompas, the sidebar's Presentatie, "Presenteren") and walked with the buttons and the keys at 1280x720 and
1920x1080, stays in its meeting through reload and the back button, and fits without a vertical scroll, in
type that reads from the back of the room. Screenshots of every slide are kept beside the test's other files
(tmp_path/artefacten)."""
import json
import re

import pytest
from playwright.sync_api import expect

from harness import wait_ready

VIEWPORTS = [(1280, 720), (1920, 1080)]
MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const doc = document.scrollingElement;
  const sizes = {all: [], h1: [], body: []};
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement, box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (box.width < 2 || box.height < 2 || style.visibility === 'hidden') continue;  // screen-reader-only text
    const px = parseFloat(style.fontSize);
    sizes.all.push([px, node.textContent.trim().slice(0, 40)]);
    if (el.closest('.tv-dia h1')) sizes.h1.push(px);
    if (el.closest('.tv-dia p') && !el.closest('.tv-bron, .tv-onder')) sizes.body.push(px);
  }
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  return {scroll: [doc.scrollHeight, doc.clientHeight, main.scrollHeight, main.clientHeight], sizes,
          sidebar: !!sidebar && sidebar.getBoundingClientRect().width > 0,
          header: !!document.querySelector('[data-testid="stHeader"]') &&
                  document.querySelector('[data-testid="stHeader"]').getBoundingClientRect().height > 0};
}"""

PHONE = """() => {
  const cut = [...document.querySelectorAll('.tv-dia *')].filter(el => el.scrollWidth > el.clientWidth + 1)
    .map(el => el.textContent.slice(0, 40));
  return {wide: document.scrollingElement.scrollWidth, cut,
          controls: document.querySelector('.st-key-tv_knoppen').getBoundingClientRect().height,
          right: Math.max(...[...document.querySelectorAll('.st-key-tv_knoppen button, .st-key-tv_knoppen a')]
                              .map(el => el.getBoundingClientRect().right))};
}"""


def counter(page):
    return page.locator(".st-key-tv_knoppen").get_by_text(re.compile(r"^Dia \d+ van \d+$"))


def settle(page, expected: str) -> None:
    expect(counter(page)).to_have_text(expected)
    wait_ready(page)
    if page.get_by_test_id("stPlotlyChart").count():
        page.locator(".js-plotly-plot .scatterlayer .trace").first.wait_for()


def check_slide(page, where: str) -> None:
    seen = page.evaluate(MEASURE)
    doc_height, doc_view, main_height, main_view = seen["scroll"]
    assert doc_height <= doc_view + 1 and main_height <= main_view + 1, (where, seen["scroll"])
    assert not seen["sidebar"] and not seen["header"], where
    small = [(px, text) for px, text in seen["sizes"]["all"] if px < 20]
    assert not small, (where, small)
    assert seen["sizes"]["h1"] and min(seen["sizes"]["h1"]) >= 48, (where, seen["sizes"]["h1"])
    assert seen["sizes"]["body"] and min(seen["sizes"]["body"]) >= 28, (where, seen["sizes"]["body"])
    assert page.get_by_test_id("stException").count() == 0, where


@pytest.mark.parametrize("width,height", VIEWPORTS)
def test_every_demo_slide_fits_the_screen_in_large_type(server, logged_in, visit, tmp_path, width, height):
    artefacts = tmp_path / "artefacten"
    artefacts.mkdir()
    page = logged_in(server, "wethouder", "raadszaal-wachtwoord", role="lezer")  # the first run loads the demo
    listed = server.cli("vergaderingen", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    vergaderingen = json.loads(listed.stdout)
    assert len(vergaderingen) == 2
    page.set_viewport_size({"width": width, "height": height})
    for nummer, vergadering in enumerate(vergaderingen):
        in_meeting = re.compile(rf"[?&]vergadering={vergadering['id']}(&|$)")
        visit(server, "/")  # the Kompas, then as a presenter goes: the sidebar, then "Presenteren"
        page.get_by_test_id("stSidebarNav").get_by_text("Presentatie").click()
        wait_ready(page)
        page.get_by_test_id("stPageLink-NavLink").filter(has_text="Presenteren").nth(nummer).click()
        expect(counter(page)).to_have_text(re.compile(r"^Dia 1 van \d+$"))
        expect(page).to_have_url(in_meeting)
        expect(page.locator(".tv-dia h1").first).to_have_text(vergadering["titel"])
        total = int(counter(page).inner_text().split()[-1])
        for n in range(1, total + 1):
            settle(page, f"Dia {n} van {total}")
            where = f"{width}x{height} vergadering {vergadering['id']} dia {n}"
            page.screenshot(path=str(artefacts / f"{width}x{height}-vergadering{vergadering['id']}-dia{n:02d}.png"))
            check_slide(page, where)
            if n == 1:
                page.get_by_role("button", name="Volgende").click()
            elif n < total:
                page.keyboard.press("PageDown" if n == 2 else "ArrowRight")  # a clicker sends PageDown
        expect(page).to_have_url(in_meeting)
        page.keyboard.press("PageUp")
        settle(page, f"Dia {total - 1} van {total}")
        page.get_by_role("button", name="Eerste").click()
        settle(page, f"Dia 1 van {total}")
        page.get_by_role("button", name="Laatste").click()
        settle(page, f"Dia {total} van {total}")
        page.get_by_role("button", name="Vorige").click()
        settle(page, f"Dia {total - 1} van {total}")
        page.keyboard.press("Home")
        settle(page, f"Dia 1 van {total}")
        page.keyboard.press("End")
        settle(page, f"Dia {total} van {total}")
        page.keyboard.press("ArrowLeft")
        settle(page, f"Dia {total - 1} van {total}")
        page.reload()
        settle(page, f"Dia {total - 1} van {total}")
        expect(page).to_have_url(in_meeting)
        page.go_back()
        expect(counter(page)).to_have_text(re.compile(rf"^Dia \d+ van {total}$"))
        expect(page).to_have_url(in_meeting)
    if width == VIEWPORTS[0][0]:  # a councillor's phone: the slide fits its width, the controls one slim row
        page.set_viewport_size({"width": 390, "height": 844})
        page.get_by_role("button", name="Eerste").click()
        settle(page, f"Dia 1 van {total}")
        page.screenshot(path=str(artefacts / "390x844-dia01.png"))
        seen = page.evaluate(PHONE)
        assert seen["wide"] <= 390 and not seen["cut"], seen
        assert seen["controls"] < 844 * 0.12 and seen["right"] <= 390, seen
    page.get_by_test_id("stPageLink-NavLink").filter(has_text="Terug naar de app").click()
    wait_ready(page)
    expect(page.get_by_role("heading", name="Presentatie")).to_be_visible()
    assert len(list(artefacts.glob("*.png"))) >= 20
