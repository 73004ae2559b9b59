"""Verkennen in a real browser: drag a box over the scatter; the ranking and the map follow."""
from playwright.sync_api import expect

from harness import wait_ready


def test_selecting_points_in_the_scatter_filters_the_ranking_and_lights_up_the_map(server, logged_in, visit):
    logged_in(server, "beleid", "plannen-maken-wachtwoord", role="lezer")
    page = visit(server, "/verkennen?x=aandeel_sociale_huur&y=betaalrisico&jaar=2025")
    expect(page.get_by_role("heading", name="Verkennen")).to_be_visible()
    expect(page.get_by_text("Kies punten in de grafiek of in de zijbalk")).to_be_visible()
    # the three wijken with the most social housing lie right of 40% on the x axis
    area = page.locator(".js-plotly-plot .nsewdrag").first
    box = area.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] - 2, steps=12)
    page.mouse.up()
    expect(page.get_by_text("3 wijken gekozen", exact=False)).to_be_visible()
    wait_ready(page)
    caption = page.get_by_text("Oranjerood op de kaart:", exact=False)
    expect(caption).to_be_visible()
    assert {"Molenkamp", "Oosterveld", "Havenkwartier"} == {
        name.strip(" .") for name in caption.inner_text().split(":", 1)[1].split(",")}
    expect(page.get_by_text("van de 8. Wis de keuze om alle gebieden te zien.", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stDeckGlJsonChart")).to_be_visible()
    assert "x=aandeel_sociale_huur" not in page.url  # defaults are left out of the link
    assert page.get_by_test_id("stException").count() == 0
