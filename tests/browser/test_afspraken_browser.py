"""Tellen beside vertellen in a real browser: an afspraak with its chart, photo and video; a volunteer's story
and the captions of a video."""
import io
import re

from PIL import Image
from playwright.sync_api import expect

from harness import wait_ready


def test_afspraak_detail_shows_chart_photo_and_video_together(server, logged_in, visit):
    logged_in(server, "lezer", "lees-mee-wachtwoord", role="lezer")
    page = visit(server, "/afspraken")
    page.get_by_role("link", name="5.1 Geen woningen meer met label E, F of G").click()
    page.wait_for_url(re.compile(r"afspraak=\d+"))  # the click's rerun may start after a first settled state
    wait_ready(page)
    expect(page.get_by_role("heading", name="5.1 Geen woningen meer met label E, F of G")).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    photo = page.locator('[data-testid="stImage"] img[alt]').first
    expect(photo).to_be_visible()
    assert photo.get_attribute("alt").startswith("Illustratie:")
    expect(page.locator("video").first).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0


def test_volunteer_adds_a_verhaal_with_a_photo_and_captions_to_a_video(server, logged_in, visit, tmp_path, browser):
    photo = tmp_path / "binnentuin.png"
    image = Image.new("RGB", (640, 400), (90, 160, 90))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    photo.write_bytes(buffer.getvalue())

    logged_in(server, "vrijwilliger", "vrij-willig-wachtwoord", role="redacteur")
    page = visit(server, "/verhalen")
    page.get_by_role("textbox", name="Titel van het verhaal", exact=True).fill("Samen de binnentuin opknappen")
    page.get_by_role("textbox", name="Het verhaal", exact=True).fill("Met zes buren en de wijkconsulent hebben we de binnentuin opgeknapt.")
    page.get_by_label("Wat is er op de foto te zien?").fill("Binnentuin met nieuwe plantenbakken.")
    page.keyboard.press("Tab")  # commit the text now: a rerun during the upload would drop the file
    wait_ready(page)
    page.get_by_test_id("stFileUploader").first.locator('input[type="file"]').set_input_files(str(photo))
    expect(page.get_by_text("binnentuin.png")).to_be_visible()
    page.get_by_label("Naam of omschrijving van wie herkenbaar is").fill("Ria, de buurvrouw")  # consent: intern
    page.keyboard.press("Tab")
    wait_ready(page)
    page.get_by_role("button", name="Verhaal opslaan").click()
    wait_ready(page)
    expect(page.get_by_text("Dank u wel! Het verhaal 'Samen de binnentuin opknappen' staat in de verhalen.")).to_be_visible()
    expect(page.get_by_text("Samen de binnentuin opknappen").first).to_be_visible()
    expect(page.locator('img[alt="Binnentuin met nieuwe plantenbakken."]')).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0

    # Ria consented to signed-in readers only: through a share link the story is there, her photo is not
    created = server.cli("share", "create", "--label", "raad", "--json")
    assert created.returncode == 0, created.stderr
    context = browser.new_context()
    gast = context.new_page()
    gast.goto(created.stdout.strip().splitlines()[-1])
    wait_ready(gast)
    expect(gast.get_by_text("Samen de binnentuin opknappen").first).to_be_visible()
    gast.get_by_role("link", name="Lees het verhaal").first.click()
    wait_ready(gast)
    expect(gast.get_by_role("heading", name="Samen de binnentuin opknappen")).to_be_visible()
    expect(gast.locator('[data-testid="stImage"]')).to_have_count(0)
    assert gast.get_by_test_id("stException").count() == 0
    context.close()

    # A video of the demo still lacks captions: the volunteer follows the notice and adds them
    captions = tmp_path / "modelwoning.srt"
    captions.write_text("1\n00:00:00,000 --> 00:00:02,000\nDit is de modelwoning.\n", encoding="cp1252")
    notice = page.get_by_test_id("stVerticalBlock").filter(has_text=re.compile(r"video('s)? zonder ondertitels")).last
    notice.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"verhaal=\d+"))
    wait_ready(page)
    page.get_by_text("Ondertitels toevoegen").first.click()
    page.get_by_test_id("stFileUploader").filter(has_text="Ondertitelbestand").locator('input[type="file"]').set_input_files(
        str(captions))
    expect(page.get_by_text("modelwoning.srt")).to_be_visible()
    page.get_by_label("Transcript").fill("Ria loopt door de modelwoning: nieuwe ramen, nieuwe ventilatie.")
    page.get_by_role("button", name="Ondertitels en transcript opslaan").click()
    wait_ready(page)
    track = page.locator('video track[kind="captions"]')
    expect(track).to_have_attribute("label", "Nederlands")
    assert "Dit is de modelwoning." in page.request.get(track.get_attribute("src")).text()
    page.get_by_text("Transcript van de video").click()
    expect(page.get_by_test_id("stText").filter(has_text="Ria loopt door de modelwoning: nieuwe ramen")).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0
