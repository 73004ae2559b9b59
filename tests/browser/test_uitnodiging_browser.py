"""A tenant volunteer invited without e-mail: opens the link, chooses a password, tells a story with a
photo on an afspraak of her own association, and finds no edit control on an afspraak it is not part of."""
import io

from PIL import Image
from playwright.sync_api import expect

from harness import wait_ready

HV = "Huurdersvereniging Samen Sterk"
OWN = "4.2 Huurders aan tafel vóór het bod"
OTHER = "3.1 Dertig woningen voor ouderen rond De Denkbeeldhof"


def test_invited_volunteer_sets_a_password_tells_a_verhaal_and_stays_within_her_partij(server, visit, browser, tmp_path):
    visit(server, "/")  # the first visit prepares the database with the demo town
    uitgenodigd = server.cli("users", "invite", "ria", "--role", "partner", "--partij", HV, "--days", "7")
    assert uitgenodigd.returncode == 0, uitgenodigd.stderr
    link = uitgenodigd.stdout.strip().splitlines()[-1]
    assert link.startswith(server.url + "/?uitnodiging=")
    photo = tmp_path / "koffietafel.png"
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (200, 150, 60)).save(buffer, format="PNG")
    photo.write_bytes(buffer.getvalue())

    page = browser.new_context().new_page()  # her own phone: nothing but the link
    page.goto(link)
    wait_ready(page)
    expect(page.get_by_role("heading", name="Welkom bij Tellen & Vertellen")).to_be_visible()
    page.get_by_role("textbox", name="Kies een wachtwoord").fill("koffie met de buren")
    page.get_by_role("textbox", name="Wachtwoord herhalen").fill("koffie met de buren")
    page.get_by_role("button", name="Account maken en inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible(timeout=60_000)
    wait_ready(page)
    expect(page.get_by_text(f"ria · partner · {HV}")).to_be_visible()

    page.goto(server.url + "/verhalen")
    wait_ready(page)
    page.get_by_role("textbox", name="Titel van het verhaal", exact=True).fill("Koffie voor het bod")
    page.get_by_role("textbox", name="Het verhaal", exact=True).fill("Zestig huurders praatten mee in vier wijken.")
    page.get_by_label("Wat is er op de foto te zien?").fill("Huurders aan een lange tafel met koffie.")
    page.keyboard.press("Tab")  # commit the text now: a rerun during the upload would drop the file
    wait_ready(page)
    chooser = page.get_by_test_id("stMultiSelect").filter(has_text="Bij welke afspraken").locator("input")
    chooser.fill("3.1")  # another party's afspraak is not on offer
    expect(page.get_by_text(OTHER, exact=True)).to_have_count(0)
    chooser.fill("4.2")
    expect(page.get_by_text(OWN, exact=True)).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_ready(page)
    page.get_by_test_id("stFileUploader").first.locator('input[type="file"]').set_input_files(str(photo))
    expect(page.get_by_text("koffietafel.png")).to_be_visible()
    page.get_by_text("Er staat niemand herkenbaar op de foto of video").click()
    wait_ready(page)
    page.get_by_role("button", name="Verhaal opslaan").click()
    wait_ready(page)
    expect(page.get_by_text("Dank u wel! Het verhaal 'Koffie voor het bod' staat in de verhalen.")).to_be_visible()
    expect(page.locator('img[alt="Huurders aan een lange tafel met koffie."]')).to_be_visible()

    page.goto(server.url + "/afspraken")
    wait_ready(page)
    page.get_by_role("link", name=OWN).click()
    wait_ready(page)
    expect(page.get_by_text("Voortgang toevoegen").first).to_be_visible()  # her own afspraak: she may report
    expect(page.get_by_text("Koffie voor het bod").first).to_be_visible()
    page.goto(server.url + "/afspraken")
    wait_ready(page)
    page.get_by_role("link", name=OTHER).click()
    wait_ready(page)
    expect(page.get_by_role("heading", name=OTHER)).to_be_visible()
    for control in ("Voortgang toevoegen", "Voortgang aanpassen", "Afspraak bewerken", "Jaarschijf: activiteit toevoegen"):
        expect(page.get_by_text(control)).to_have_count(0)
    main = page.get_by_test_id("stMain")  # the sidebar has her own password form
    assert main.get_by_test_id("stForm").count() == 0 and page.get_by_test_id("stFileUploader").count() == 0
    assert page.get_by_test_id("stException").count() == 0
