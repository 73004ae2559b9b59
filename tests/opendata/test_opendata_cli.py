"""`python -m dashboard opendata sync` against the local CBS and PDOK server."""
from __future__ import annotations

from dashboard.cli import main
from dashboard.db import open_database

from ingest_helpers import snapshot, value
from opendata_server import serving


def test_sync_from_the_command_line(monkeypatch, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    with serving() as base:
        monkeypatch.setenv("DASHBOARD_CBS_ODATA_URL", f"{base}/odata")
        monkeypatch.setenv("DASHBOARD_PDOK_URL", f"{base}/pdok")
        code = main(["opendata", "sync", "--gemeente", "gm0363", "--van", "2022"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "CBS 82900NED, opgehaald " in out and "(CC BY 4.0): import " in out
    assert "CBS 85984NED, opgehaald " in out  # Kerncijfers wijken en buurten 2024
    assert ("Niet overgenomen uit Kerncijfers wijken en buurten, want de catalogus heeft geen indicator voor dit "
            "aandeel (%): Koopwoningen, Huurwoningen totaal, In bezit woningcorporatie, In bezit overige "
            "verhuurders.") in out
    assert "CBS had deze tabellen van Kerncijfers wijken en buurten niet" in out and "86165NED (2025)" in out
    db = open_database(url)
    assert value(db, "woningvoorraad_koop", "GM0363", "2023") == 142600
    assert value(db, "woningvoorraad_totaal", "GM0363", "2021") is None  # before --van 2022
    assert value(db, "woningvoorraad_totaal", "WK036301", "2024") == 3950
    assert value(db, "woningvoorraad_totaal", "WK036301", "2020") is None  # 84799NED is before --van 2022
    db.engine.dispose()


def test_sync_without_a_connection_says_so_and_writes_nothing(monkeypatch, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_CBS_ODATA_URL", "http://127.0.0.1:9/odata")  # the discard port: refused
    main(["init"])
    db = open_database(url)
    before = snapshot(db)
    capsys.readouterr()
    assert main(["opendata", "sync", "--gemeente", "GM0363"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fout: CBS-tabel 82900NED is niet bereikbaar") and "niets geschreven" in err
    assert "Traceback" not in err
    assert snapshot(db) == before
    db.engine.dispose()
    assert main(["opendata", "sync", "--gemeente", "Amsterdam"]) == 1
    assert "'AMSTERDAM' is geen gemeentecode" in capsys.readouterr().err
