"""Numbers, dates and periods read the Dutch way, and exports open safely in Dutch Excel."""
from datetime import date, datetime, timezone

import pandas as pd
import pytest

from dashboard import export, formatting, periods


@pytest.mark.parametrize("amount, eenheid, text", [
    (1234.5, "woningen", "1.235 woningen"),
    (28.44, "%", "28,4%"),
    (652.3, "EUR/maand", "€ 652 per maand"),
    (7.46, "cijfer", "7,5"),
    (1234567, "aantal", "1.234.567"),
    (None, "woningen", "–"),
    (float("nan"), "%", "–"),
])
def test_values_with_units(amount, eenheid, text):
    assert formatting.value(amount, eenheid) == text


def test_changes_are_signed_and_percentages_change_in_points():
    assert formatting.change(-1.26, "%") == "-1,3 procentpunt"
    assert formatting.change(12, "woningen") == "+12 woningen"
    assert formatting.change(0, "aantal") == "±0"
    assert formatting.change(None, "aantal") is None


def test_dates_in_dutch():
    assert formatting.day(date(2025, 3, 7)) == "7 maart 2025"


@pytest.mark.parametrize("text, code", [
    ("2024", "2024"), ("2024JJ00", "2024"), ("2024KW01", "2024-K1"), ("2024Q3", "2024-K3"),
    ("2024-K4", "2024-K4"), ("2024-03", "2024-03"), ("2024MM12", "2024-12"),
])
def test_every_accepted_period_spelling(text, code):
    assert periods.parse(text).code == code


@pytest.mark.parametrize("text, reason", [("2024-13", "geen geldige maand"), ("2024-K5", "geen geldig kwartaal"),
                                          ("twintig", "geen periode")])
def test_impossible_periods_say_why(text, reason):
    with pytest.raises(periods.InvalidPeriod, match=reason):
        periods.parse(text)


def test_csv_export_opens_in_dutch_excel_and_cannot_run_formulas():
    frame = pd.DataFrame({"naam": ["=HYPERLINK(\"x\")", "+31", "@som", "Gewoon"], "waarde": [1234.5, -3.0, 0.5, 2.0]})
    data = export.csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "naam;waarde"
    assert lines[1] == "'=HYPERLINK(\"\"x\"\");1234,5" or lines[1].startswith("\"'=HYPERLINK")
    assert lines[2] == "'+31;-3,0"
    assert lines[3].startswith("'@som;")


# Moments are stored in UTC and read in Dutch time: +01:00 in winter, +02:00 in summer.
WINTER = datetime(2026, 12, 12, 5, 59, tzinfo=timezone.utc)
SUMMER = datetime(2026, 7, 1, 4, 59, tzinfo=timezone.utc)


@pytest.mark.parametrize("when, text", [
    (WINTER, "12 december 2026 06:59"),
    (SUMMER, "1 juli 2026 06:59"),
    (WINTER.replace(tzinfo=None), "12 december 2026 06:59"),  # SQLite hands UTC back without its zone
])
def test_a_stored_moment_reads_in_dutch_time(when, text):
    assert formatting.moment(when) == text


def test_a_moment_can_name_its_zone_and_be_written_for_columns():
    assert formatting.moment(SUMMER, zone=True) == "1 juli 2026 06:59 (Nederlandse tijd)"
    assert formatting.stamp(WINTER) == "2026-12-12 06:59"
    assert formatting.stamp(SUMMER, zone=True) == "2026-07-01 06:59 (Nederlandse tijd)"


@pytest.mark.parametrize("when, text", [
    (datetime(2026, 1, 31, 23, 30, tzinfo=timezone.utc), "1 februari 2026"),  # 00:30 in Amsterdam
    (datetime(2026, 6, 30, 22, 30, tzinfo=timezone.utc), "1 juli 2026"),  # 00:30 summer time
    (datetime(2026, 6, 30, 21, 30, tzinfo=timezone.utc), "30 juni 2026"),  # 23:30 summer time
])
def test_the_day_of_a_moment_is_the_day_in_amsterdam(when, text):
    assert formatting.day(when) == text
    assert formatting.day(when.replace(tzinfo=None)) == text


def test_a_date_stays_the_date_it_is():
    assert formatting.day(date(2026, 2, 1)) == "1 februari 2026"
