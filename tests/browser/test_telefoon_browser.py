"""Every page (but the deck, which fits its own slides) as the owner walks it through the menu, on a
390x844 phone and a 1280x800 laptop: no heading wider than its box, no chart title wider than its
chart, the menu closed after a tap, a table's values beside its first column, no chart toolbar on a
phone, the dashboard's tiles in reading order (abreast on a laptop, one under another on a phone).
Screenshots are kept under test-results/telefoon/ to look at."""
from pathlib import Path

from playwright.sync_api import expect

from harness import menu, open_through_menu, wait_ready

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-results" / "telefoon"
SIZES = ((390, 844), (1280, 800))
# Headings, link labels and paragraphs (of the page, not the closed menu) whose text is wider than their box: broken mid-word, cut off, or overflowing.
OVERFLOWING = """() => [...document.querySelectorAll(
        ['[data-testid="stHeading"] h1', '[data-testid="stHeading"] h2', '[data-testid="stHeading"] h3',
         '[data-testid="stPageLink"] p', '[data-testid="stMarkdownContainer"] p']
        .map(s => '[data-testid="stMain"] ' + s).join(', '))]
    .filter(el => el.offsetParent && el.scrollWidth > el.clientWidth + 1).map(el => el.innerText.slice(0, 60))"""
# Metric labels (an inline paragraph, so not in OVERFLOWING) whose words run past their tile or under their "?".
LABELS_OVER = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stMetricLabel"]')].filter(l => {
    const range = document.createRange(); range.selectNodeContents(l.querySelector('[data-testid="stMarkdownContainer"]'));
    const text = range.getBoundingClientRect(), box = l.closest('[data-testid="stMetric"]').getBoundingClientRect();
    const icon = l.querySelector('[data-testid="stTooltipIcon"]');
    return l.offsetParent && (text.right > box.right + 1 || (icon && text.right > icon.getBoundingClientRect().left + 1));
}).map(l => l.innerText.slice(0, 60))"""
# A heading line that ends inside a word: the text's lines, read back per rendered line box.
BROKEN_WORDS = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stHeading"] h1')].filter(h => {
    const range = document.createRange(), walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    let t, top = null, before = ' ', broken = false;
    while ((t = walker.nextNode())) for (let i = 0; i < t.length; i++) {
        range.setStart(t, i); range.setEnd(t, i + 1); const r = range.getBoundingClientRect();
        if (r.width && top !== null && Math.round(r.top) > top && /\\S/.test(before)) broken = true;
        if (r.width) top = Math.round(r.top);
        before = t.data[i]; }
    return broken;
}).map(h => h.innerText)"""
# Chart and axis titles (plotly draws each in one line, whatever the width) that reach past their chart's edges.
CHART_TITLES = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetParent).flatMap(p => {
    const chart = p.getBoundingClientRect();
    return [...p.querySelectorAll('.gtitle, .xtitle, .ytitle')].filter(t => {
        const r = t.getBoundingClientRect(); return r.left < chart.left - 1 || r.right > chart.right + 1;
    }).map(t => t.textContent.slice(0, 60)); })"""
MODEBARS = """() => [...document.querySelectorAll('.modebar-container')].filter(m => m.offsetParent).length"""
# The dashboard's tiles, in the order a screen reader and the Tab key meet them: where each stands.
TILES = """() => [...document.querySelectorAll('.st-key-raster_tegels > div')].map(t => {
    const r = t.getBoundingClientRect(); return [Math.round(r.top), Math.round(r.left), Math.round(r.width)]; })"""
HEADERS = """el => [...el.querySelectorAll('table thead th, [role=columnheader]')].map(th => th.innerText.trim())"""


def test_every_page_fits_a_phone_and_a_laptop(server, logged_in):
    page = logged_in(server)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    names = [name for name in menu(page) if name != "Presentatie"]
    assert {"Kompas", "Dashboard", "Afspraken", "Beheer"} <= set(names) and names[0] == "Kompas"
    names = names[1:] + names[:1]  # from the Kompas, where the login lands, through all and back: each tap a new page
    for width, height in SIZES:
        phone = width < 768
        page.set_viewport_size({"width": width, "height": height})
        wait_ready(page)
        for name in names:
            open_through_menu(page, name)
            where = f"{name} op {width}x{height}"
            if phone:
                expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true", timeout=5_000)
                assert page.evaluate(MODEBARS) == 0, f"grafiekknoppen over de titel: {where}"
            page.screenshot(path=str(ARTEFACTS / f"{name.lower()}-{width}x{height}.png"))
            assert page.evaluate(OVERFLOWING) == [], f"tekst breder dan zijn vak: {where}"
            assert page.evaluate(LABELS_OVER) == [], f"naam van een cijfer over zijn vak of zijn vraagteken: {where}"
            if page.locator(".js-plotly-plot").count():
                page.locator(".js-plotly-plot .gtitle").first.wait_for(state="attached")
            assert page.evaluate(CHART_TITLES) == [], f"grafiektitel breder dan de grafiek: {where}"
            assert page.evaluate(BROKEN_WORDS) == [], f"kop midden in een woord afgebroken: {where}"
            assert page.get_by_test_id("stException").count() == 0, where
            if name == "Dashboard":
                tiles = page.evaluate(TILES)
                assert len(tiles) >= 4 and tiles == sorted(tiles), f"tegels niet in leesvolgorde: {where}"
                if phone:  # one under the other, the width of the screen
                    assert {left for _, left, _ in tiles} == {tiles[0][1]} and min(w for *_, w in tiles) > 300, where
                else:  # abreast: the first row holds three or more
                    assert sum(top == tiles[0][0] for top, *_ in tiles) >= 3, where
                table = page.get_by_test_id("stDataFrame").last
                table.scroll_into_view_if_needed()
                box = table.bounding_box()
                assert box["x"] + box["width"] <= width + 1, f"tabel breder dan het scherm: {where}"
                expect(table.locator("table thead th, [role=columnheader]").first).to_be_attached()  # drawn late
                assert table.evaluate(HEADERS)[:2] == ["Indicator", "Waarde"], where
                page.screenshot(path=str(ARTEFACTS / f"{name.lower()}-tabel-{width}x{height}.png"))
