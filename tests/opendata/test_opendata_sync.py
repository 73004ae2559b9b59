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
        "CBS 85036NED, opgehaald 5-12-2026 (CC BY 4.0)", "PDOK CBS wijken en buurten, opgehaald 5-12-2026 (CC BY 4.0)",
        "CBS 84799NED, opgehaald 5-12-2026 (CC BY 4.0)", "CBS 85984NED, opgehaald 5-12-2026 (CC BY 4.0)"]
    assert value(db, "woningvoorraad_totaal", "GM0363", "2023") == 460000  # second OData page
    assert value(db, "woningvoorraad_totaal", "GM0363", "2014") is None  # before --van
    assert value(db, "woningvoorraad_corporatie", "GM0363", "2021") is None  # CBS left it empty
    assert value(db, "nieuwbouw_opgeleverd", "GM0363", "2022") == 6100
    assert value(db, "woz_waarde", "GM0363", "2023") == 528000  # StatLine counts in 1 000 euro
    assert value(db, "sloop", "GM0363", "2022") == 300  # 81955NED's Sloop_4
    assert report.niet_gekoppeld == []
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


def without_column(tmp_path, tabel: str, key: str):
    """The recorded answers, but table `tabel` lost its column `key`: a sync there must fail; writes nothing."""
    folder = tmp_path / "responses"
    shutil.copytree(RESPONSES, folder)
    properties = folder / "odata" / tabel / "DataProperties.json"
    document = json.loads(properties.read_text())
    document["value"] = [p for p in document["value"] if p["Key"] != key]
    properties.write_text(json.dumps(document))
    return folder


def refused(db, folder) -> str:
    before = snapshot(db)
    with serving(folder) as base, pytest.raises(SyncFailed) as failed:
        run(db, base)
    assert snapshot(db) == before
    return str(failed.value)


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # refused before any write: one backend says it
def test_changed_table_writes_nothing(db, tmp_path):
    message = refused(db, without_column(tmp_path, "85036NED", "GemiddeldeWOZWaardeVanWoningen_1"))
    assert "CBS-tabel 85036NED is veranderd: de kolom GemiddeldeWOZWaardeVanWoningen_1" in message
    assert "woz_waarde" in message and "niets geschreven" in message


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_slow_service_is_a_timeout_that_writes_nothing(db, monkeypatch):
    monkeypatch.setattr("dashboard.opendata.sync.TIMEOUT", 0.2)
    before = snapshot(db)
    with serving(delay=1) as base, pytest.raises(SyncFailed) as failed:
        run(db, base)
    assert str(failed.value).startswith("CBS-tabel 82900NED antwoordde niet binnen 0,2 seconden")
    assert snapshot(db) == before


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_kerncijfers_fill_the_wijken_and_buurten_year_by_year(db):
    asked = []
    with serving(asked=asked) as base:
        report = run(db, base)
    wijken = next(a for a in asked if a.startswith("/odata/85984NED/TypedDataSet?"))  # only the gemeente's
    assert "$filter=startswith(WijkenEnBuurten,'WK0363') or startswith(WijkenEnBuurten,'BU0363')" in wijken
    # each year its own table, its columns renumbered: matched by name without the suffix
    assert value(db, "woningvoorraad_totaal", "WK036300", "2020") == 5200  # Woningvoorraad_34 in 84799NED
    assert value(db, "woningvoorraad_totaal", "WK036300", "2024") == 5300  # Woningvoorraad_38 in 85984NED
    assert value(db, "woz_waarde", "WK036302", "2024") == 610000  # x 1 000 euro
    assert value(db, "woz_waarde", "WK036302", "2020") is None  # CBS left it empty
    assert value(db, "woningvoorraad_totaal", "BU03630001", "2024") == 80  # from the second OData page
    assert value(db, "woningvoorraad_totaal", "GM0363", "2020") != 5200  # the gemeente's own figure is not overwritten
    with db.make_session() as session:
        from dashboard import queries
        from dashboard.models import Gebied
        from sqlalchemy import select
        parent = session.scalar(select(Gebied).where(Gebied.code == "BU03630001")).ouder
        table = queries.group_figures(session, queries.View(gebied="WK036300", indicator="woningvoorraad_totaal",
                                                            van=2020, tot=2024)).table
    assert parent.code == "WK036300"  # a buurt PDOK does not know hangs under its wijk
    bron = dict(zip(table.loc[table["indicator"] == "woningvoorraad_totaal", "periode"],
                    table.loc[table["indicator"] == "woningvoorraad_totaal", "bron"]))
    assert bron == {"2020": "CBS 84799NED, opgehaald 5-12-2026 (CC BY 4.0)",
                    "2024": "CBS 85984NED, opgehaald 5-12-2026 (CC BY 4.0)"}
    assert report.aandelen == ["Koopwoningen", "Huurwoningen totaal", "In bezit woningcorporatie",
                               "In bezit overige verhuurders"]  # shares: the catalogue has none to put them in
    assert report.niet_bij_cbs == ["83765NED (2017)", "84286NED (2018)", "84583NED (2019)", "85039NED (2021)",
                                   "85318NED (2022)", "85618NED (2023)", "86165NED (2025)"]  # not recorded here


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_kerncijfers_table_without_its_column_writes_nothing(db, tmp_path):
    assert refused(db, without_column(tmp_path, "85984NED", "Woningvoorraad_38")) == (
        "CBS-tabel 85984NED (Kerncijfers wijken en buurten 2024) is veranderd: de kolom Woningvoorraad die de "
        "indicator woningvoorraad_totaal vult, bestaat niet meer. Er is niets geschreven.")


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_sloop_found_by_its_title_when_the_catalogue_names_no_column(db, tmp_path):
    """A catalogue loaded before the column was checked names only the onderwerp ("Sloop"): the
    column is read from the table's DataProperties, wherever CBS numbered it."""
    from dashboard.models import Indicator
    from sqlalchemy import update
    with db.make_session() as session, session.begin():
        session.execute(update(Indicator).where(Indicator.sleutel == "sloop").values(
            bron="CBS 81955NED: Sloop · gebruiksfunctie Woning, OData-kolom niet nagekeken"))
    folder = tmp_path / "responses"
    shutil.copytree(RESPONSES, folder)
    for name in ("DataProperties.json", "TypedDataSet.json"):  # CBS renumbers the column
        path = folder / "odata/81955NED" / name
        path.write_text(path.read_text().replace("Sloop_4", "Sloop_9"))
    with serving(folder) as base:
        report = run(db, base)
    assert value(db, "sloop", "GM0363", "2023") == 300
    assert report.niet_gekoppeld == []

    properties = folder / "odata/81955NED/DataProperties.json"
    properties.write_text(properties.read_text().replace('"Title": "Sloop"', '"Title": "Gesloopt"'))
    with serving(folder) as base:
        report = run(db, base)
    assert report.niet_gekoppeld == ["sloop"]  # said, not dropped silently


def test_a_year_cbs_still_calls_voorlopig_arrives_marked_and_loses_the_mark_when_cbs_settles_it(db, tmp_path):
    from dashboard import queries

    with serving() as base:
        run(db, base)
    with db.make_session() as session:
        trend = queries.trend(session, queries.View("GM0363", "nieuwbouw_opgeleverd", van=2021, tot=2023))
    assert dict(zip(trend["label"], trend["voorlopig"])) == {"2021": False, "2022": False, "2023*": True}
    folder = tmp_path / "responses"  # CBS has made 2023 definitief since: the next sync clears the star
    shutil.copytree(RESPONSES, folder)
    perioden = folder / "odata" / "81955NED" / "Perioden.json"
    perioden.write_text(perioden.read_text().replace('"Voorlopig"', '"Definitief"').replace('"2023*"', '"2023"'))
    with serving(folder) as base:
        run(db, base)
    with db.make_session() as session:
        trend = queries.trend(session, queries.View("GM0363", "nieuwbouw_opgeleverd", van=2021, tot=2023))
    assert not trend["voorlopig"].any()
