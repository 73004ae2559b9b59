"""`python -m dashboard import / imports / export`: exit codes, the --json report, Dutch refusals."""
from __future__ import annotations

import json
import re

import pytest

from dashboard.cli import main
from dashboard.db import open_database

from ingest_helpers import snapshot, value

HEADER = "indicator;gebied;partij;periode;waarde\n"
JSON_KEYS = {"status", "batch_id", "rows_new", "rows_changed", "rows_unchanged", "rows_skipped_empty", "errors"}


@pytest.fixture
def cli_db(monkeypatch, demo_db_path):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{demo_db_path}")
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "1")
    return open_database(f"sqlite:///{demo_db_path}")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_dry_run_then_commit_with_json(cli_db, tmp_path, capsys):
    path = tmp_path / "cijfers.csv"
    path.write_bytes((HEADER + "sloop;GM9901;;2040;7\nsloop;GM9901;;2041;.\n").encode("cp1252"))
    code, out, _ = run(capsys, "import", path, "--dry-run", "--json")
    report = json.loads(out)
    assert code == 0 and JSON_KEYS <= report.keys()
    assert (report["status"], report["rows_new"], report["rows_skipped_empty"]) == ("valid", 1, 1)
    assert value(cli_db, "sloop", "GM9901", "2040") is None
    code, out, _ = run(capsys, "import", path, "--json")
    report = json.loads(out)
    assert (code, report["status"], report["errors"]) == (0, "committed", [])
    assert isinstance(report["batch_id"], int)
    assert value(cli_db, "sloop", "GM9901", "2040") == 7
    code, out, _ = run(capsys, "import", path, "--json")
    assert (code, json.loads(out)["status"]) == (0, "unchanged")


def test_rejected_file_exits_1_with_every_error_in_json(cli_db, tmp_path, capsys):
    path = tmp_path / "fout.csv"
    path.write_text(HEADER + "slop;GM9901;;2040;7\nsloop;GM9901;;2040-13;7\n")
    before = snapshot(cli_db)
    code, out, err = run(capsys, "import", path, "--json")
    report = json.loads(out)
    assert code == 1 and report["status"] == "rejected"
    assert [(e["line"], e["column"], e["value"]) for e in report["errors"]] == [
        (2, "indicator", "slop"), (3, "periode", "2040-13")]
    assert "Bedoelt u 'sloop'?" in err and "Traceback" not in err
    assert snapshot(cli_db) == before


def test_add_missing_flag(cli_db, tmp_path, capsys):
    path = tmp_path / "nieuw.csv"
    path.write_text(HEADER + "sloop;GM9901;Woonstichting Eén;2040;7\n", encoding="utf-8")
    assert run(capsys, "import", path)[0] == 1
    code, out, _ = run(capsys, "import", path, "--add-missing")
    assert code == 0 and "Toegevoegd: partij Woonstichting Eén" in out


def test_forced_kind_and_format(cli_db, tmp_path, capsys):
    path = tmp_path / "breed.txt"
    path.write_text("gebied;periode;sloop\nGM9901;2040;3\n")
    code, out, _ = run(capsys, "import", path, "--kind", "observaties", "--format", "breed", "--json")
    assert (code, json.loads(out)["format"]) == (0, "breed")
    code, _, err = run(capsys, "import", path, "--format", "cbs")
    assert code == 1 and "regios, perioden ontbreken" in err


@pytest.mark.parametrize("content, code", [
    (b"", 1),
    (HEADER.encode(), 1),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8, 2),
    ((HEADER + "sloop;GM9901;;2040;" + "1" * 1_000_000 + "\n").encode(), 1),
    (b"indicator;gebied;partij;periode;waarde\nsloop;GM9901;\xc3\xa9;2040;1\nsloop;GM9901;\xe9;2041;1\n", 1),
])
def test_hostile_files_get_a_clear_refusal(cli_db, tmp_path, capsys, content, code):
    path = tmp_path / "vijandig.csv"
    path.write_bytes(content)
    before = snapshot(cli_db)
    result, out, err = run(capsys, "import", path)
    assert result == code
    assert err.startswith("Fout:") and "Traceback" not in err
    assert snapshot(cli_db) == before


def test_the_cli_has_no_size_cap_unless_asked(cli_db, tmp_path, capsys):
    path = tmp_path / "groot.csv"  # 1.7 MB, over the page's DASHBOARD_MAX_UPLOAD_MB of 1 set above
    counts = ("sloop", "verkoop", "transformatie", "plancapaciteit", "ontruimingen", "nieuwbouw_sociaal")
    keys = [(k, g, f"{2000 + m // 12}-{m % 12 + 1:02d}") for k in counts
            for g in ["GM9901", *(f"WK9901{w:02d}" for w in range(1, 9))] for m in range(1200)]
    path.write_bytes((HEADER + "".join(f"{k};{g};;{p};1\n" for k, g, p in keys[:60_000])).encode())
    before = snapshot(cli_db)
    code, _, err = run(capsys, "import", path, "--max-mb", "1")
    assert code == 2 and "de grens is 1 MB" in err
    assert snapshot(cli_db) == before
    code, out, _ = run(capsys, "import", path, "--json")
    assert (code, json.loads(out)["rows_new"]) == (0, 60_000)


def test_missing_file_and_bad_usage_exit_2(cli_db, tmp_path, capsys):
    assert run(capsys, "import", tmp_path / "bestaat-niet.csv")[0] == 2
    with pytest.raises(SystemExit) as usage:
        main(["import", "x.csv", "--kind", "onzin"])
    assert usage.value.code == 2


def test_imports_list_and_undo(cli_db, tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_text(HEADER + "aandeel_sociale_huur;GM9901;;2024;44\n")
    old = value(cli_db, "aandeel_sociale_huur", "GM9901", "2024")
    batch = json.loads(run(capsys, "import", path, "--json")[1])["batch_id"]
    code, out, _ = run(capsys, "imports", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and listed[0]["batch_id"] == batch and listed[0]["bestandsnaam"] == "a.csv"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", listed[0]["tijdstip"])  # UTC, as all --json
    assert "a.csv" in run(capsys, "imports", "list")[1]
    code, out, _ = run(capsys, "imports", "undo", batch)
    assert code == 0 and "ongedaan" in out
    assert value(cli_db, "aandeel_sociale_huur", "GM9901", "2024") == old
    code, _, err = run(capsys, "imports", "undo", batch)
    assert code == 1 and "al ongedaan" in err
    assert run(capsys, "imports", "undo", 9999)[0] == 1


def test_export_filters_and_reads_back_unchanged(cli_db, tmp_path, capsys):
    out_file = tmp_path / "export.csv"
    code, _, _ = run(capsys, "export", "--indicator", "aandeel_sociale_huur", "--gebied", "GM9901",
                     "--van", "2020", "--tot", "2022", "--out", out_file)
    assert code == 0
    data = out_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfindicator;gebied;partij;periode;waarde\r\n")
    lines = data.decode("utf-8-sig").splitlines()[1:]
    assert lines and all(line.startswith("aandeel_sociale_huur;GM9901;") for line in lines)
    assert {line.split(";")[3][:4] for line in lines} <= {"2020", "2021", "2022"}
    assert any("," in line.split(";")[4] for line in lines)  # decimal comma
    code, out, _ = run(capsys, "import", out_file, "--json")
    assert (code, json.loads(out)["status"]) == (0, "unchanged")
