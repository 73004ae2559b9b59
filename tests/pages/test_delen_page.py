"""Delen (beheerder): share links read in Dutch time."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import update

from dashboard.models import DeelLink
from dashboard.toegang import share_links


def captions(at) -> str:
    return "\n".join(caption.value for caption in at.caption)


def test_a_share_link_reads_in_dutch_time(app, database):
    info, _ = share_links.create(database, "Gemeenteraad", door="test")
    with database.session() as session:  # stored in UTC: 04:59 in summer, 05:59 in winter
        session.execute(update(DeelLink).where(DeelLink.id == info.id).values(
            aangemaakt=datetime(2026, 7, 1, 4, 59, tzinfo=timezone.utc),
            verloopt=datetime(2026, 12, 12, 5, 59, tzinfo=timezone.utc)))
    at = app.switch_page("pages/delen.py").run()
    assert not at.exception
    assert "Gemaakt 1 juli 2026 06:59 door test · verloopt 12 december 2026 06:59" in captions(at)


def make_link(at):
    at.text_input[0].input("Gemeenteraad")
    at.button(key="FormSubmitter:nieuwe_deellink-Deellink maken").click().run()
    assert not at.exception
    return at.code[0].value


def test_the_link_starts_with_the_address_this_browser_uses(app, monkeypatch):
    monkeypatch.delenv("DASHBOARD_BASE_URL", raising=False)
    app.context["url"] = "https://monitor.example.nl/delen"
    at = app.switch_page("pages/delen.py").run()
    assert make_link(at).startswith("https://monitor.example.nl/?deel=")
    assert not at.warning


def test_a_set_base_url_that_is_not_this_browsers_address_is_warned_about(app, monkeypatch):
    monkeypatch.setenv("DASHBOARD_BASE_URL", "http://monitor.example.nl:8501")
    app.context["url"] = "https://monitor.example.nl/delen"
    at = app.switch_page("pages/delen.py").run()
    assert make_link(at).startswith("http://monitor.example.nl:8501/?deel=")
    warning = at.warning[0].value
    assert "http://monitor.example.nl:8501" in warning and "https://monitor.example.nl" in warning


def test_without_a_browser_address_the_link_falls_back_and_warns(app, monkeypatch):
    monkeypatch.delenv("DASHBOARD_BASE_URL", raising=False)
    at = app.switch_page("pages/delen.py").run()
    assert make_link(at).startswith("http://localhost:8501/?deel=")
    assert "DASHBOARD_BASE_URL" in at.warning[0].value


def test_a_new_link_is_confirmed_in_view_by_its_label(app):
    at = app.switch_page("pages/delen.py").run()
    make_link(at)
    assert [t.value for t in at.toast][0].startswith("Deellink «Gemeenteraad» gemaakt, geldig tot ")
