"""Time is stored in UTC and read in Dutch time; 'today' is the day in Amsterdam."""
from datetime import date, datetime, timezone

import pytest

from dashboard import clock


@pytest.mark.parametrize("utc, day", [
    (datetime(2026, 1, 31, 23, 30, tzinfo=timezone.utc), date(2026, 2, 1)),  # 00:30 in Amsterdam (+01:00)
    (datetime(2026, 6, 30, 22, 30, tzinfo=timezone.utc), date(2026, 7, 1)),  # 00:30 in summer (+02:00)
    (datetime(2026, 6, 30, 21, 30, tzinfo=timezone.utc), date(2026, 6, 30)),  # 23:30, still the same day
])
def test_today_is_the_day_in_amsterdam(monkeypatch, utc, day):
    monkeypatch.setattr(clock, "now", lambda: utc)
    assert clock.today() == day


def test_a_naive_stored_moment_is_utc():
    assert clock.local(datetime(2026, 12, 12, 5, 59)).isoformat() == "2026-12-12T06:59:00+01:00"
    assert clock.iso(datetime(2026, 7, 1, 6, 59, tzinfo=clock.ZONE)) == "2026-07-01T04:59:00+00:00"
    assert clock.iso(None) is None
