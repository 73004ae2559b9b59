"""Checks over the whole file, for every format the importer reads (CSV of each kind, GeoJSON):
a NUL byte anywhere, files that are no regular file, the size cap counted while reading and a quote
that is never closed are refused with a Dutch reason, and nothing is stored (issue 19, item 7)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard.ingest import ImportRejected, import_file
from dashboard.ingest.importer import inspect
from dashboard.ingest.problems import UnreadableFile

from ingest_helpers import snapshot

ROOT = Path(__file__).resolve().parents[2]
HEADER = b"indicator;gebied;partij;periode;waarde\n"
ROW = b"sloop;GM0505;;2024;1\n"
GEBIEDEN = b"code;naam;niveau;ouder\nGM0505;Dordrecht;gemeente;\n"


def _refused(db, data, **options) -> ImportRejected:
    before = snapshot(db)
    with pytest.raises(ImportRejected) as caught:
        import_file(db, data, **options)
    assert snapshot(db) == before
    return caught.value


def _middle(head: bytes, row: bytes, bad: bytes, rows: int = 20_000) -> tuple[bytes, int]:
    """A file whose bad row lies more than 64 KB from either end; and that row's line."""
    return head + row * rows + bad + row * rows, rows + 2


@pytest.mark.parametrize("kind", ["observaties", "gebieden", "partijen", "indicatoren"])
def test_a_nul_byte_in_the_middle_of_a_csv_is_refused_naming_its_line(db, kind):
    import_file(db, GEBIEDEN)
    head, row = {
        "observaties": (HEADER, ROW),
        "gebieden": (b"code;naam;niveau;ouder\n", b"GM0505;Dordrecht;gemeente;\n"),
        "partijen": (b"naam;soort\n", b"Stichting Een;welzijn\n"),
        "indicatoren": (b"sleutel;naam;eenheid;richting;aggregatie\n", b"sloop;Sloop;woningen;neutraal;som\n"),
    }[kind]
    data, line = _middle(head, row, row.replace(b";", b";\x00", 1))
    refused = _refused(db, data)
    assert isinstance(refused, UnreadableFile)
    assert [(p.line, "NUL-teken" in p.message) for p in refused.problems] == [(line, True)]


def test_a_nul_byte_in_a_geojson_file_is_refused_and_so_is_an_escaped_one(db):
    feature = {"type": "Feature", "properties": {"statcode": "GM0505", "statnaam": "Dordrecht"},
               "geometry": {"type": "Polygon", "coordinates": [[[4.6, 51.8], [4.7, 51.8], [4.6, 51.9]]]}}
    text = json.dumps({"type": "FeatureCollection", "features": [feature] * 2000}, indent=1).encode()
    at = len(text) // 2
    refused = _refused(db, text[:at] + b"\x00" + text[at:])
    assert "NUL-teken" in refused.problems[0].message and refused.problems[0].line == text[:at].count(b"\n") + 1
    feature["properties"]["statnaam"] = "Dord\u0000recht"
    escaped = json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()
    assert b"\\u0000" in escaped
    assert "NUL-teken" in _refused(db, escaped).problems[0].message


@pytest.mark.parametrize("data, line", [
    (HEADER + ROW + b'sloop;GM0505;;2025;"2\n', 3),  # on the last line, with its line end
    (HEADER + ROW + b'sloop;GM0505;;2025;"2', 3),  # on the last line, without one
    (HEADER + b'sloop;GM0505;;"2025;2\n' + ROW * 5, 2),  # early on: the rest of the file would be one cell
    (b'indicator;gebied;partij;periode;"waarde\n' + ROW, 1),  # in the header
    (b'naam;soort\n"Stichting Een;welzijn\n', 2),
])
def test_a_quote_that_is_never_closed_is_refused_naming_its_line(db, data, line):
    import_file(db, GEBIEDEN)
    refused = _refused(db, data)
    assert [(p.line, "aanhalingsteken" in p.message) for p in refused.problems] == [(line, True)]


def test_closed_quotes_over_several_lines_are_still_read(db):
    import_file(db, GEBIEDEN)
    data = b'naam;soort;code\n"Stichting\nEen";welzijn;"x""y"\n"Twee";corporatie;\n'
    assert import_file(db, data).rows_new == 2


@pytest.mark.parametrize("what", ["map", "fifo"])
def test_a_folder_or_fifo_is_refused_before_reading(db, tmp_path, what):
    path = tmp_path / what
    path.mkdir() if what == "map" else os.mkfifo(path)  # a FIFO without a writer: opening it plainly would wait
    for call in (import_file, inspect):
        with pytest.raises(UnreadableFile, match="geen gewoon bestand"):
            call(db, path)


def test_a_device_is_refused_by_the_command_line_at_once(tmp_path):
    """`import /dev/zero --max-mb 5` read zeros for ever; now it is refused before the first byte."""
    env = {**os.environ, "DASHBOARD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
           "PYTHONPATH": str(ROOT / "src")}
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "dashboard", "import", "/dev/zero", "--max-mb", "5"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert time.monotonic() - start < 60
    assert result.returncode == 2
    assert "/dev/zero is een apparaat, geen gewoon bestand" in result.stderr


def test_the_size_cap_is_counted_while_reading_not_taken_from_stat(db):
    """/proc files say they are empty (size 0) and still hold text: the cap counts what is read."""
    status = Path("/proc/self/status")
    if not status.exists() or status.stat().st_size:
        pytest.skip("needs a file whose size stat gives as 0")
    for call in (import_file, inspect):
        with pytest.raises(UnreadableFile, match="de grens is"):
            call(db, status, max_bytes=100)


def test_a_file_over_the_cap_stops_reading_with_a_message(db, tmp_path):
    path = tmp_path / "groot.csv"
    path.write_bytes(HEADER + ROW * 200_000)  # 4.4 MB
    with pytest.raises(UnreadableFile, match="de grens is 1 MB"):
        import_file(db, path, max_bytes=1_048_576)
    geojson = tmp_path / "groot.geojson"
    geojson.write_bytes(b'{"type": "FeatureCollection", "features": []' + b" " * 2_000_000 + b"}")
    with pytest.raises(UnreadableFile, match="de grens is 1 MB"):
        import_file(db, geojson, max_bytes=1_048_576)


def test_a_file_that_grows_after_the_first_pass_is_refused(db, tmp_path, monkeypatch):
    """The rows read are those of the bytes the first pass hashed and counted, no more."""
    from dashboard.ingest import reader

    import_file(db, GEBIEDEN)
    path = tmp_path / "groeit.csv"
    path.write_bytes(HEADER + ROW)
    table_init = reader.Table.__init__

    def grow_after_first_pass(self, *args, **kwargs):
        original = reader._Shape.finish

        def finish(shape):
            with path.open("ab") as more:
                more.write(b"sloop;GM0505;;2025;2\n")
            return original(shape)

        monkeypatch.setattr(reader._Shape, "finish", finish)
        try:
            table_init(self, *args, **kwargs)
        finally:
            monkeypatch.setattr(reader._Shape, "finish", original)

    monkeypatch.setattr(reader.Table, "__init__", grow_after_first_pass)
    with pytest.raises(UnreadableFile, match="veranderde terwijl het werd gelezen"):
        import_file(db, path)


@pytest.mark.parametrize("data, column", [
    ("naam;soort\n" + "x" * 201 + ";welzijn\n", "naam"),  # PostgreSQL refused it with a traceback
    ("naam;soort;code\nStichting Een;welzijn;S1\nStichting Twee;welzijn;S1\n", "code"),  # one code, two partijen
    ("code;naam;niveau;ouder\nGM0505;" + "x" * 201 + ";gemeente;\n", "naam"),
    ("sleutel;naam;eenheid;richting;aggregatie\n" + "x" * 61 + ";Lang;stuks;neutraal;som\n", "sleutel"),
])
def test_reference_text_that_does_not_fit_is_refused_in_dutch(db, data, column):
    refused = _refused(db, data.encode())
    assert [(p.line, p.column) for p in refused.problems][:1] == [(data.count("\n") if column == "code" else 2, column)]
