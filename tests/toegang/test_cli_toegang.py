"""`users` and `share` on the command line: exit codes, JSON, Dutch errors, the URL on the last line."""
from __future__ import annotations

import io
from datetime import datetime, timezone
import json

import pytest

from dashboard import cli, clock


@pytest.fixture
def run(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("DASHBOARD_SECRET_KEY", "cli-test")
    monkeypatch.setenv("DASHBOARD_BASE_URL", "https://monitor.example.nl/")

    def go(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:
            code = exit_.code
        out, err = capsys.readouterr()
        return code, out, err

    return go


def test_users_add_list_disable(run):
    assert run("users", "add", "anna", "--role", "beheerder", "--password-stdin", stdin="een-goed-wachtwoord\n")[0] == 0
    assert run("users", "add", "bert", "--role", "lezer", "--password-stdin", stdin="nog-een-wachtwoord\n")[0] == 0
    code, out, _ = run("users", "list", "--json")
    assert code == 0 and [(u["naam"], u["rol"], u["actief"]) for u in json.loads(out)] == [
        ("anna", "beheerder", True), ("bert", "lezer", True)]
    assert run("users", "disable", "bert")[0] == 0
    assert [u["actief"] for u in json.loads(run("users", "list", "--json")[1])] == [True, False]
    assert "wachtwoord" not in run("users", "list")[1]


def test_users_errors_are_dutch_without_traceback(run):
    run("users", "add", "anna", "--role", "beheerder", "--password-stdin", stdin="een-goed-wachtwoord\n")
    code, _, err = run("users", "add", "anna", "--role", "lezer", "--password-stdin", stdin="een-goed-wachtwoord\n")
    assert code == 1 and "bestaat al" in err and "Traceback" not in err
    code, _, err = run("users", "add", "kees", "--role", "lezer", "--password-stdin", stdin="kort\n")
    assert code == 1 and "minstens" in err
    assert run("users", "add", "kees", "--role", "baas", "--password-stdin")[0] == 2
    code, _, err = run("users", "disable", "niemand")
    assert code == 1 and "geen gebruiker" in err


def test_share_create_list_revoke(run):
    code, out, _ = run("share", "create", "--label", "raad", "--days", "7", "--json")
    lines = out.strip().splitlines()
    link = json.loads(lines[0])
    assert code == 0 and lines[-1].startswith("https://monitor.example.nl/?deel=") and link["url"] == lines[-1]
    code, out, _ = run("share", "create", "--label", "pers")
    assert code == 0 and out.strip().splitlines()[-1].startswith("https://monitor.example.nl/?deel=")
    listed = json.loads(run("share", "list", "--json")[1])
    assert [(x["id"], x["label"], x["revoked"]) for x in listed] == [(2, "pers", False), (1, "raad", False)]
    assert all("expires" in x and "url" not in x and "token" not in json.dumps(x) for x in listed)
    assert run("share", "revoke", str(link["id"]))[0] == 0
    assert [x["revoked"] for x in json.loads(run("share", "list", "--json")[1])] == [False, True]
    code, _, err = run("share", "revoke", "99")
    assert code == 1 and "geen deellink" in err
    assert run("share", "create", "--label", "x", "--days", "0")[0] == 1
    assert run("share", "create")[0] == 2


def test_users_invite_prints_the_link_last_and_lists_and_withdraws(run):
    run("init")
    run("import", "data/demo/partijen.csv", "--kind", "partijen")
    code, out, _ = run("users", "invite", "ria", "--role", "partner", "--partij", "Huurdersvereniging Samen Sterk",
                       "--days", "3")
    assert code == 0 and out.strip().splitlines()[-1].startswith("https://monitor.example.nl/?uitnodiging=")
    listed = json.loads(run("users", "invitations", "--json")[1])
    assert [(x["naam"], x["rol"], x["partij"], x["status"]) for x in listed] == [
        ("ria", "partner", "Huurdersvereniging Samen Sterk", "open")]
    assert "uitnodiging=" not in json.dumps(listed)
    assert run("users", "withdraw", str(listed[0]["id"]))[0] == 0
    assert json.loads(run("users", "invitations", "--json")[1])[0]["status"] == "ingetrokken"
    code, _, err = run("users", "invite", "kees", "--role", "partner", "--partij", "Bestaat Niet")
    assert code == 1 and "geen partij" in err and "Traceback" not in err
    assert run("users", "invite", "kees", "--role", "partner")[0] == 2  # --partij is required


def test_times_are_printed_in_dutch_time_and_json_keeps_utc(run, monkeypatch):
    run("init")
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 12, 5, 59, tzinfo=timezone.utc))
    code, out, _ = run("share", "create", "--label", "raad", "--days", "30")
    assert code == 0 and "geldig tot 2026-12-12 06:59 (Nederlandse tijd)" in out and "UTC" not in out
    assert "verloopt 2026-12-12 06:59" in run("share", "list")[1]
    listed = json.loads(run("share", "list", "--json")[1])
    assert listed[0]["expires"] == "2026-12-12T05:59:00+00:00"  # machine-readable: UTC with its offset

    run("import", "data/demo/partijen.csv", "--kind", "partijen")
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 6, 24, 22, 30, tzinfo=timezone.utc))
    code, out, _ = run("users", "invite", "ria", "--role", "partner", "--partij", "Huurdersvereniging Samen Sterk")
    assert code == 0 and "geldig tot 2026-07-02 00:30 (Nederlandse tijd)" in out  # past midnight in Amsterdam
    assert "verloopt 2026-07-02 00:30" in run("users", "invitations")[1]


def test_without_base_url_the_link_assumes_localhost_and_says_so(run, monkeypatch):
    run("init")
    monkeypatch.delenv("DASHBOARD_BASE_URL")
    code, out, err = run("share", "create", "--label", "raad")
    assert code == 0 and out.strip().splitlines()[-1].startswith("http://localhost:8501/?deel=")
    assert "Let op: DASHBOARD_BASE_URL is niet gezet; de link gaat uit van http://localhost:8501." in err
    run("import", "data/demo/partijen.csv", "--kind", "partijen")
    code, out, err = run("users", "invite", "ria", "--role", "partner", "--partij", "Huurdersvereniging Samen Sterk")
    assert code == 0 and out.strip().splitlines()[-1].startswith("http://localhost:8501/?uitnodiging=")
    assert "DASHBOARD_BASE_URL is niet gezet" in err
    monkeypatch.setenv("DASHBOARD_BASE_URL", "https://monitor.example.nl")
    assert "DASHBOARD_BASE_URL" not in run("share", "create", "--label", "pers")[2]
