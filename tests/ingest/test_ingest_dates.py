"""A period written as a date (31-12-2026, as Dutch Excel writes a peildatum) is the period of the
indicator's kind that it falls in, said in the report; when the kind is not clear it is refused
with what the date could mean."""
from __future__ import annotations

from datetime import date

import pytest

from dashboard import periods
from dashboard.ingest import ImportRejected, import_file

from ingest_helpers import value

HEADER = "indicator;gebied;partij;periode;waarde\n"


@pytest.mark.parametrize("text, soort, code", [
    ("31-12-2026", "jaar", "2026"), ("31-12-2026", "kwartaal", "2026-K4"), ("31-12-2026", "maand", "2026-12"),
    ("1-4-2026", "kwartaal", "2026-K2"), ("15/02/2026", "maand", "2026-02"), ("2026-06-30", "kwartaal", "2026-K2"),
])
def test_a_date_is_the_period_of_the_given_kind_it_falls_in(text, soort, code):
    assert periods.parse(text, soort).code == code


def test_a_date_without_a_kind_says_what_it_could_mean():
    with pytest.raises(periods.DateWithoutKind, match="het jaar 2026, kwartaal 2026-K4 of maand 2026-12") as error:
        periods.parse("31-12-2026")
    assert error.value.day == date(2026, 12, 31)


@pytest.mark.parametrize("text, reason", [("31-02-2026", "geen bestaande datum"), ("1-1-2201", "buiten 1900-2100")])
def test_a_date_that_does_not_exist_is_refused(text, reason):
    with pytest.raises(periods.InvalidPeriod, match=reason):
        periods.parse(text, "jaar")


def test_a_date_reads_as_the_year_of_a_yearly_indicator_and_the_report_says_so(demo_db):
    data = HEADER + "".join(f"woningvoorraad_totaal;WK9901{n:02d};;31-12-2030;{4812 + n}\n" for n in range(1, 9))
    data += "woningvoorraad_totaal;GM9901;;31-12-2030;4812\n"  # nine dates, as seen
    report = import_file(demo_db, data.encode())
    assert report.rows_new == 9
    assert report.notes == ["31-12-2030 gelezen als 2030 (peildatum; woningvoorraad_totaal staat per jaar)"]
    assert value(demo_db, "woningvoorraad_totaal", "WK990101", "2030") == 4813


def test_the_files_own_periods_decide_the_kind(demo_db):
    data = HEADER + "verhuringen;GM9901;;2031-K1;10\nverhuringen;GM9901;;30-6-2031;12\n"
    report = import_file(demo_db, data.encode())
    assert report.notes == ["30-6-2031 gelezen als K2 2031 (peildatum; verhuringen staat per kwartaal)"]
    assert value(demo_db, "verhuringen", "GM9901", "2031-K2") == 12


def test_an_indicator_with_years_and_quarters_gets_a_hint_not_a_guess(demo_db):
    with pytest.raises(ImportRejected) as refused:
        import_file(demo_db, (HEADER + "nieuwbouw_opgeleverd;GM9901;;31-12-2031;10\n").encode())
    [problem] = refused.value.problems
    assert (problem.line, problem.column, problem.value) == (2, "periode", "31-12-2031")
    assert "bedoelt u het jaar 2031 of kwartaal 2031-K4?" in problem.message


def test_a_date_for_an_indicator_without_periods_is_refused_with_its_options(db):
    with pytest.raises(ImportRejected) as refused:
        import_file(db, (HEADER + "sloop;NL01;;31-12-2026;4\n").encode(), add_missing=True)
    messages = [p.message for p in refused.value.problems]
    assert any("het jaar 2026, kwartaal 2026-K4 of maand 2026-12" in m and "Schrijf de periode zelf" in m
               for m in messages)
