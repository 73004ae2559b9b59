"""Keyboard alone: Tab reaches the dashboard's filters and the story form, and the keys operate them."""
from playwright.sync_api import expect

from harness import rerun, tab_to, wait_ready


def test_the_dashboard_filters_work_by_keyboard_alone(server, logged_in, visit):
    logged_in(server)
    page = visit(server, "/dashboard")
    # a fresh server's first page reruns once after registering every page: tab on the page it leaves
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    expect(page.get_by_label("Wijk", exact=True)).to_be_visible()
    wait_ready(page)
    tab_to(page, "Wijk")  # the wijken of the chosen gemeente have a box of their own
    page.keyboard.type("Havenkw")
    expect(page.get_by_role("option").first).to_contain_text("Havenkwartier")  # the list has filtered: on a busy
    with rerun(page):                                                           # machine Enter comes first
        page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('gebied=WK990102')")
    expect(page.get_by_role("heading", name="Havenkwartier", exact=False).first).to_be_visible()
    tab_to(page, "Per jaar")
    with rerun(page):
        page.keyboard.press("ArrowRight")  # a radio group moves with the arrow keys
    page.wait_for_function("() => location.search.includes('soort=kwartaal')")
    tab_to(page, "Jaren — start")
    with rerun(page):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('van=2017')")
    tab_to(page, "Indicatorgroep")
    page.keyboard.type("Kwaliteit")
    expect(page.get_by_role("option").first).to_contain_text("Kwaliteit")
    with rerun(page):
        page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('groep=Kwaliteit')")
    expect(page.get_by_role("heading", name="Aardgasvrije woningen")).to_be_visible()  # the group's first
    assert page.get_by_test_id("stException").count() == 0


def test_a_verhaal_is_told_and_saved_by_keyboard_alone(server, logged_in, visit):
    logged_in(server, "vrijwilliger", "vrij-willig-wachtwoord", role="redacteur")
    page = visit(server, "/verhalen")
    expect(page.get_by_label("Titel van het verhaal")).to_be_visible()  # the form is there; Tab alone reaches it
    tab_to(page, "Titel van het verhaal")
    page.keyboard.type("Samen koken in het buurthuis")
    tab_to(page, "Het verhaal")
    page.keyboard.type("Elke donderdag koken we met buren uit de flat; zo leren we elkaar kennen.")
    tab_to(page, "In welke wijk?")
    page.keyboard.type("Molenk")
    with rerun(page):  # the chosen wijk reruns the page: the next Tab waits for it
        page.keyboard.press("Enter")
    tab_to(page, "Verhaal opslaan")
    page.keyboard.press("Enter")
    wait_ready(page)
    expect(page.get_by_text("Dank u wel! Het verhaal 'Samen koken in het buurthuis' staat in de verhalen.")).to_be_visible()
    expect(page.get_by_text("Samen koken in het buurthuis").first).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0
