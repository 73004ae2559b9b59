"""Reading the two public services page by page: CBS OData (`odata.nextLink`) and PDOK OGC API
Features (`links` with rel=next). Any failure becomes one Dutch sentence: SyncFailed."""
from __future__ import annotations

import httpx

TIMEOUT = 30.0  # seconds per request; StatLine answers a gemeente's rows in well under that
MAX_PAGES = 200  # a loop of next links ends here instead of running forever


class SyncFailed(Exception):
    """The sync stopped before writing anything; the message says why, in Dutch."""


def get_json(client: httpx.Client, url: str, params: dict | None, bron: str, *, ontbreken_mag: bool = False
             ) -> dict | None:
    """The JSON answer; None for a 404 when `ontbreken_mag` (a table CBS does not have is then reported)."""
    try:
        response = client.get(url, params=params)
        if ontbreken_mag and response.status_code == 404:
            return None
        response.raise_for_status()
        return response.json()
    except httpx.TimeoutException as error:
        seconds = f"{client.timeout.read:g}".replace(".", ",")
        raise SyncFailed(f"{bron} antwoordde niet binnen {seconds} seconden ({url}). "
                         "Probeer het later opnieuw; er is niets geschreven.") from error
    except httpx.HTTPStatusError as error:
        raise SyncFailed(f"{bron} gaf foutcode {error.response.status_code} op {url}. Bestaat de tabel "
                         "nog onder deze naam? Er is niets geschreven.") from error
    except httpx.HTTPError as error:
        raise SyncFailed(f"{bron} is niet bereikbaar ({url}): is er een internetverbinding? "
                         "Er is niets geschreven.") from error
    except ValueError as error:
        raise SyncFailed(f"{bron} gaf geen leesbare JSON op {url}. Er is niets geschreven.") from error


def odata_rows(client: httpx.Client, url: str, params: dict | None, bron: str) -> list[dict]:
    """Every row of an OData v3 answer, following `odata.nextLink` (StatLine pages per 10.000 rows)."""
    rows: list[dict] = []
    for _ in range(MAX_PAGES):
        page = get_json(client, url, params, bron)
        rows.extend(page.get("value", []))
        url, params = page.get("odata.nextLink"), None
        if not url:
            return rows
    raise SyncFailed(f"{bron} bleef naar een volgende pagina verwijzen; er is niets geschreven.")


def features(client: httpx.Client, url: str, params: dict | None, bron: str) -> list[dict]:
    """Every feature of an OGC API Features collection, following the `next` link."""
    found: list[dict] = []
    for _ in range(MAX_PAGES):
        page = get_json(client, url, params, bron)
        found.extend(page.get("features", []))
        url = next((link["href"] for link in page.get("links", []) if link.get("rel") == "next"), None)
        params = None
        if not url:
            return found
    raise SyncFailed(f"{bron} bleef naar een volgende pagina verwijzen; er is niets geschreven.")
