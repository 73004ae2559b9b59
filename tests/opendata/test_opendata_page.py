"""The Gegevens page's open-data section as beheerder, and the synced figures saying where they came from."""
from __future__ import annotations

from opendata_server import serving


def test_beheerder_syncs_a_gemeente_and_the_dashboard_names_the_source(empty_app, monkeypatch):
    at = empty_app.switch_page("pages/gegevens.py").run()
    monkeypatch.setenv("DASHBOARD_CBS_ODATA_URL", "http://127.0.0.1:9/odata")  # refused: no connection
    at.text_input(key="opendata_gemeente").set_value("GM0363")
    at.button(key="opendata_sync").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "CBS-tabel 82900NED is niet bereikbaar (http://127.0.0.1:9/odata/82900NED/DataProperties): is er een "
        "internetverbinding? Er is niets geschreven."]
    with serving() as base:
        monkeypatch.setenv("DASHBOARD_CBS_ODATA_URL", f"{base}/odata")
        monkeypatch.setenv("DASHBOARD_PDOK_URL", f"{base}/pdok")
        at.button(key="opendata_sync").click().run()
    assert not at.exception and not at.error
    done = at.success[0].value
    assert done.startswith("Opgehaald voor GM0363:") and "- CBS 82900NED, opgehaald " in done
    assert "- CBS 85984NED, opgehaald " in done  # Kerncijfers wijken en buurten 2024
    assert any("geen indicator voor dit aandeel (%): Koopwoningen" in info.value for info in at.info)

    at.switch_page("pages/dashboard.py").run()
    assert not at.exception
    shown = [m.proto.help.replace("\\", "") for m in at.get("metric") if m.proto.help]  # markdown escapes: as read on hover
    tile = next(text for text in shown if "Totale woningvoorraad" in text)
    assert "Bron: CBS-tabel 82900NED, Totale woningvoorraad. Dit cijfer: CBS 82900NED, opgehaald " in tile
    assert tile.endswith("(CC BY 4.0).")
    table = at.dataframe[0].value
    sources = set(table.loc[table["Indicator"] == "Totale woningvoorraad", "Bron"])
    assert len(sources) == 1 and sources.pop().startswith("CBS 82900NED, opgehaald ")
