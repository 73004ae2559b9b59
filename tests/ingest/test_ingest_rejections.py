"""Every kind of mistake in a file: reported with file line and column, and nothing written."""
from __future__ import annotations

import pytest

from dashboard.ingest import ImportRejected, import_file
from dashboard.ingest.problems import UnreadableFile

from ingest_helpers import snapshot, value

HEADER = "indicator;gebied;partij;periode;waarde\n"


def rejected(db, data: bytes, **options) -> list[tuple[int, str, str]]:
    """Import, expect a refusal, check the database did not change; (line, column, message) per problem."""
    before = snapshot(db)
    with pytest.raises(ImportRejected) as refusal:
        import_file(db, data, filename="fout.csv", **options)
    assert snapshot(db) == before
    return [(p.line, p.column, p.message) for p in refusal.value.problems]


@pytest.mark.parametrize("row, column, words", [
    ("aandeel_socale_huur;GM9901;;2024;3", "indicator", "Bedoelt u 'aandeel_sociale_huur'?"),
    ("sloop;GM0001;;2024;3", "gebied", "onbekend gebied 'GM0001'"),
    ("sloop;Nergens;;2024;3", "gebied", "geen CBS-gebiedscode"),
    ("sloop;GM9901;Woonstichting Nergens;2024;3", "partij", "onbekende partij"),
    ("sloop;GM9901;;2024;drie", "waarde", "'drie' is geen getal"),
    ("sloop;GM9901;;2024-13;3", "periode", "geen geldige maand"),
    ("sloop;GM9901;;2024-K5;3", "periode", "geen geldig kwartaal"),
    ("sloop;GM9901;;24;3", "periode", "geen periode"),
    ("aandeel_sociale_huur;GM9901;;2024;140", "waarde", "buiten het bereik"),
    ("sloop;GM9901;;2024;-5", "waarde", "buiten het bereik"),
])
def test_each_mistake_names_line_and_column(demo_db, row, column, words):
    data = (HEADER + "sloop;GM9901;;2030;1\n" + row + "\n").encode()
    [(line, where, message)] = rejected(demo_db, data)
    assert (line, where) == (3, column)
    assert words in message


def test_same_key_twice_with_different_values(demo_db):
    data = (HEADER + "sloop;GM9901;;2030;1\nsloop;WK990101;;2030;1\nsloop;GM9901;;2030;2\n").encode()
    [(line, column, message)] = rejected(demo_db, data)
    assert (line, column) == (4, "waarde")
    assert "ook op regel 2" in message


def test_same_key_twice_with_the_same_value_is_fine(demo_db):
    report = import_file(demo_db, (HEADER + "sloop;GM9901;;2030;1\nsloop;GM9901;;2030;1\n").encode())
    assert report.rows_new == 1


def test_every_problem_is_reported_at_once(demo_db):
    data = (HEADER + "onbekend;GM9901;;2024;1\nsloop;GM0001;;2024;1\nsloop;GM9901;;2024;x\n"
                     "sloop;GM9901;;2024-13;1\n").encode()
    assert [(line, column) for line, column, _ in rejected(demo_db, data)] == [
        (2, "indicator"), (3, "gebied"), (4, "waarde"), (5, "periode")]


def test_breed_reports_the_indicator_column_of_a_bad_value(demo_db):
    data = b"gebied;periode;sloop;aandeel_sociale_huur\nGM9901;2030;1;20\nGM9901;2031;2;120\n"
    [(line, column, message)] = rejected(demo_db, data)
    assert (line, column) == (3, "aandeel_sociale_huur")


def test_breed_unknown_header_suggests_the_nearest_key(demo_db):
    [(line, column, message)] = rejected(demo_db, b"gebied;periode;slop\nGM9901;2030;1\n")
    assert (line, column) == (1, "slop")
    assert "Bedoelt u 'sloop'?" in message


def test_add_missing_adds_partij_and_gebied_deliberately(demo_db):
    data = (HEADER + "sloop;WK990199;Woonstichting Eén;2030;4\n").encode()
    problems = rejected(demo_db, data)
    assert [(line, column) for line, column, _ in problems] == [(2, "gebied"), (2, "partij")]
    report = import_file(demo_db, data, add_missing=True)
    assert report.added == ["gebied WK990199", "partij Woonstichting Eén"]
    assert value(demo_db, "sloop", "WK990199", "2030", "Woonstichting Eén") == 4


def test_add_missing_never_invents_a_gebied_from_a_bad_code(demo_db):
    problems = rejected(demo_db, (HEADER + "sloop;Nergens;;2030;4\n").encode(), add_missing=True)
    assert [(line, column) for line, column, _ in problems] == [(2, "gebied")]


@pytest.mark.parametrize("data, words", [
    (b"", "leeg"),
    (b"\n\n", "leeg"),
    (HEADER.encode(), "geen gegevens"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "geen tekstbestand"),
    ((HEADER + "sloop;GM9901;;2030;" + "9" * 1_048_576 + "\n").encode(), "tekens lang"),
    ("indicator;gebied;partij;periode;waarde\nsloop;GM9901;Eén;2030;1\n".encode()
     + "sloop;GM9901;Eén;2031;1\n".encode("cp1252"), "mengt tekensets"),
    (b"naam,leeftijd\nPiet,4\n", "onbekende kopregel"),
])
def test_hostile_files_are_refused_with_a_reason(demo_db, data, words):
    problems = rejected(demo_db, data)
    assert words in problems[0][2]


def test_file_over_the_cap_is_refused_before_reading(demo_db, tmp_path):
    path = tmp_path / "groot.csv"
    path.write_bytes((HEADER + "sloop;GM9901;;2030;1\n" * 60_000).encode())
    before = snapshot(demo_db)
    with pytest.raises(UnreadableFile) as refusal:
        import_file(demo_db, path, max_bytes=1_048_576)
    assert "de grens is 1 MB" in refusal.value.problems[0].message
    assert snapshot(demo_db) == before
