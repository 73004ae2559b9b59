"""The open-data sync against a local server answering as CBS OData and PDOK do: what arrives,
where it says it came from, and that a failure writes nothing."""
from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from dashboard.ingest.undo import history, undo
from dashboard.opendata.fetch import SyncFailed
from dashboard.opendata.sync import sync

from ingest_helpers import snapshot, value
from opendata_server import RESPONSES, serving

DAY = date(2026, 12, 5)


def run(db, base, gemeente="GM0363", van=2015, pdok=None):
    return sync(db, gemeente, van, odata_url=f"{base}/odata", pdok_url=pdok or f"{base}/pdok", opgehaald=DAY,
                user="test")


def test_sync_imports_each_source_as_a_batch_named_for_it(db):
    with serving() as base:
        report = run(db, base)
    assert [naam for naam, _ in report.batches] == [
        "CBS 82900NED, opgehaald 5-12-2026 (CC BY 4.0)", "CBS 81955NED, opgehaald 5-12-2026 (CC BY 4.0)",
        "CBS 85036NED, opgehaald 5-12-2026 (CC BY 4.0)", "PDOK CBS wijken en buurten, opgehaald 5-12-2026 (CC BY 4.0)"]
    assert value(db, "woningvoorraad_totaal", "GM0363", "2023") == 460000  # second OData page
    assert value(db, "woningvoorraad_totaal", "GM0363", "2014") is None  # before --van
    assert value(db, "woningvoorraad_corporatie", "GM0363", "2021") is None  # CBS left it empty
    assert value(db, "nieuwbouw_opgeleverd", "GM0363", "2022") == 6100
    assert value(db, "woz_waarde", "GM0363", "2023") == 528000  # StatLine counts in 1 000 euro
    assert report.niet_gekoppeld == ["sloop"]  # the catalogue names no OData column for it
    names = set(history(db)["bestandsnaam"])
    assert "CBS 85036NED, opgehaald 5-12-2026 (CC BY 4.0)" in names
    with db.make_session() as session:
        from dashboard.models import Gebied
        from sqlalchemy import select
        codes = set(session.scalars(select(Gebied.code).where(Gebied.code.like("%0363%"))))
    assert {"GM0363", "WK036300", "WK036302", "BU03630000"} <= codes  # the next page of wijken too

    with serving() as base:
        again = run(db, base)
    assert {batch.status for _, batch in again.batches} == {"unchanged"}
    undo(db, report.batches[0][1].batch_id)
    assert value(db, "woningvoorraad_totaal", "GM0363", "2023") is None


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # refused before any write: one backend says it
def test_changed_table_writes_nothing(db, tmp_path):
    folder = tmp_path / "responses"
    shutil.copytree(RESPONSES, folder)
    properties = folder / "odata/85036NED/DataProperties.json"
    document = json.loads(properties.read_text())
    document["value"] = [p for p in document["value"] if p["Key"] != "GemiddeldeWOZWaardeVanWoningen_1"]
    properties.write_text(json.dumps(document))
    before = snapshot(db)
    with serving(folder) as base, pytest.raises(SyncFailed) as failed:
        run(db, base)
    assert "CBS-tabel 85036NED is veranderd: de kolom GemiddeldeWOZWaardeVanWoningen_1" in str(failed.value)
    assert "woz_waarde" in str(failed.value) and "niets geschreven" in str(failed.value)
    assert snapshot(db) == before


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_slow_service_is_a_timeout_that_writes_nothing(db, monkeypatch):
    monkeypatch.setattr("dashboard.opendata.sync.TIMEOUT", 0.2)
    before = snapshot(db)
    with serving(delay=1) as base, pytest.raises(SyncFailed) as failed:
        run(db, base)
    assert str(failed.value).startswith("CBS-tabel 82900NED antwoordde niet binnen 0,2 seconden")
    assert snapshot(db) == before
