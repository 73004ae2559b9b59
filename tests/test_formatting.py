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
    assert lines[2] == "'+31;-3"  # a whole number is written whole, negative or not
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
def test_a_column_never_mixes_whole_and_decimal_numbers():
    assert formatting.column([32, 32.1, None]) == ["32,0", "32,1", "–"]
    assert formatting.column([4812.0, 12.0]) == ["4.812", "12"]
    assert formatting.column([62.0, 62.44], "maanden") == ["62,0", "62,4"]  # the unit decides: one decimal
    assert formatting.column([474866.0, 12.4], "woningen") == ["474.866", "12"]


def test_a_column_of_several_units_gives_each_unit_its_own_decimals():
    assert formatting.column([28.4, 28.0, 1234.0], ["%", "%", "woningen"]) == ["28,4", "28,0", "1.234"]


def test_an_exact_column_rounds_nothing_away_but_keeps_one_width():
    assert formatting.column([771.35, 652.0], "EUR/maand", exact=True) == ["771,35", "652,00"]
    assert formatting.column([4812.0, 12.0], "aantal", exact=True) == ["4.812", "12"]


def test_the_unit_decides_the_decimals_everywhere():
    assert formatting.decimals("maanden") == 1
    assert formatting.value(62.0, "maanden") == "62,0 maanden"
    assert formatting.decimals("woningen") == 0 and formatting.whole("woningen") and not formatting.whole("%")


@pytest.mark.parametrize("n, text", [(1, "1 bijdrage"), (2, "2 bijdragen"), (0, "0 bijdragen"),
                                     (1234, "1.234 bijdragen")])
def test_counts_take_the_singular_for_one(n, text):
    assert formatting.count(n, "bijdrage", "bijdragen") == text


def test_a_single_unit_reads_singular():
    assert formatting.value(1, "woningen") == "1 woning"
    assert formatting.value(2, "woningen") == "2 woningen"


def test_screen_tables_keep_one_width_per_column():
    from dashboard.ui import tables

    trend = pd.DataFrame({"label": ["2023", "2024"], "waarde": [32.0, 32.1], "streefwaarde": [30.0, None]})
    assert tables._plain(trend)["Waarde"].tolist() == ["32,0", "32,1"]
    assert tables._plain(trend, "woningen")["Waarde"].tolist() == ["32", "32"]
    several = pd.DataFrame({"indicator": ["a", "a", "b"], "periode": ["2023", "2024", "2024"],
                            "waarde": [32.0, 32.1, 1200.0], "eenheid": ["maanden", "maanden", "woningen"]})
    shown, _ = tables._on_screen(several, None)
    assert shown["Waarde"].tolist() == ["32,0", "32,1", "1.200"]


# A number in braces (not a CONSTANT, which is never 1) right before a plural noun.
_PLURAL_AFTER_A_NUMBER = r"\{(?![A-Z_]+\})[^{}]+\} (bijdragen|partijen|verhalen|afspraken|agendapunten|besluiten|" \
                         r"schrijvers|waarden|problemen|dagen)\b"


def test_no_text_puts_a_plural_noun_after_a_bare_number():
    """'1 bijdragen' came from f"{n} bijdragen"; such texts go through formatting.count."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    found = [f"{path.relative_to(root)}:{number}: {line.strip()}"
             for path in [*(root / "src").rglob("*.py"), *(root / "pages").glob("*.py")]
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(_PLURAL_AFTER_A_NUMBER, line)]
    assert found == []


def test_a_figure_computed_from_one_gemeente_says_so_in_the_singular():
    from dashboard import hierarchy

    assert hierarchy._note("som", 1, 0, "gemeente", None, 1) == "berekend: opgeteld uit 1 gemeente"
