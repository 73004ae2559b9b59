"""Which address a link starts with (src/dashboard/ui/adres.py): DASHBOARD_BASE_URL when set, else
the address this browser uses, else http://localhost:8501, with a warning where a link may not work."""
from __future__ import annotations

import pytest

from dashboard.ui import adres


def test_a_set_base_url_wins_over_the_browser():
    chosen = adres.choose("https://monitor.example.nl", "http://127.0.0.1:8600/delen", {"Host": "127.0.0.1:8600"})
    assert chosen.base == "https://monitor.example.nl"
    assert chosen.browser == "http://127.0.0.1:8600"
    assert "DASHBOARD_BASE_URL" in chosen.warning()
    assert "https://monitor.example.nl" in chosen.warning() and "http://127.0.0.1:8600" in chosen.warning()


@pytest.mark.parametrize("configured, url", [
    ("https://monitor.example.nl", "https://monitor.example.nl/delen"),
    ("https://Monitor.example.nl:443/", "https://monitor.example.nl/beheer"),  # same scheme, host and port
    ("http://192.0.2.7:8501/tellen", "http://192.0.2.7:8501/tellen/delen"),
])
def test_no_warning_when_the_set_address_is_the_browsers(configured, url):
    assert adres.choose(configured, url, {}).warning() is None


def test_without_a_setting_the_link_is_the_browsers_address_without_the_page():
    assert adres.choose(None, "https://monitor.example.nl/delen", {}).base == "https://monitor.example.nl"
    assert adres.choose(None, "http://192.0.2.7:8600/", {}).base == "http://192.0.2.7:8600"
    assert adres.choose(None, "http://192.0.2.7:8600/tellen/beheer", {}).base == "http://192.0.2.7:8600/tellen"
    assert adres.choose(None, "https://monitor.example.nl/delen", {}).warning() is None


@pytest.mark.parametrize("headers, base", [
    ({"Host": "192.0.2.7:8600"}, "http://192.0.2.7:8600"),
    ({"Host": "192.0.2.7:8600", "X-Forwarded-Proto": "https"}, "https://192.0.2.7:8600"),  # nginx (deploy/)
    ({"Host": "app:8501", "X-Forwarded-Host": "monitor.example.nl", "X-Forwarded-Proto": "https, http"},
     "https://monitor.example.nl"),
])
def test_without_the_url_the_forwarded_headers_tell_the_address(headers, base):
    assert adres.choose(None, None, headers).base == base


def test_without_a_setting_or_a_browser_the_link_falls_back_and_says_so():
    chosen = adres.choose(None, None, {})
    assert chosen.base == "http://localhost:8501" and chosen.browser is None
    assert "DASHBOARD_BASE_URL" in chosen.warning() and "http://localhost:8501" in chosen.warning()


@pytest.mark.parametrize("url", ["http://localhost:8501/delen", "http://127.0.0.1:8600/", "http://[::1]:8501/"])
def test_a_link_on_this_computer_only_is_pointed_out(url):
    chosen = adres.choose(None, url, {})
    assert chosen.warning() is None and "alleen op deze computer" in chosen.local_only()
    assert adres.choose(None, "https://monitor.example.nl/", {}).local_only() is None
