"""Warm before the first visitor: what a fresh server's first run would otherwise pay.

The first visitor after a start (a deploy, a restart, a new replica) used to wait for Python to
import pandas, SQLAlchemy, plotly and pydeck, for the database to be opened and for the first
view's figures to be read: 7.3 s to a drawn dashboard on the national set, where a later visitor
waits about 3 s (benchmarks/dashboard_national.py). A server started as `streamlit run app.py`
or `streamlit run deploy/serve.py` (both st.App) runs `warm` in its lifespan, before it answers
its health check, so nginx and a deploy script send nobody to it before it is ready (3.3 s
then). It fills the same caches the pages read (ui/reads.py, ui/made.py): the options, the
default view's figures and comparisons, its trend chart. A warm-up that fails only says so in
the log; the server starts anyway and the first visitor pays as before (and sees the Dutch
message of an unavailable database, if that is what failed).
"""
from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import time

from dashboard.ui import runtime

log = logging.getLogger(__name__)

# What every page's first run imports, besides what this module already did: the pages' own modules.
_MODULES = ("dashboard.ui.chrome", "dashboard.ui.downloads", "dashboard.ui.filters", "dashboard.ui.navigation",
            "dashboard.ui.tiles", "dashboard.ui.afspraken", "dashboard.ui.verhalen")


def warm() -> str:
    """Import, open and read what the first visitor of the dashboard needs; says what it did."""
    # Imported here, in the lifespan, once Streamlit's runtime exists: st.cache_data looks for
    # it when reads.py declares its caches.
    from dashboard import views
    from dashboard.ui import charts, reads

    for name in _MODULES:
        importlib.import_module(name)
    runtime.ready()
    options = reads.queries.options()
    if options is None:
        return "nog geen cijfers"
    # The reads and the trend chart of pages/dashboard.py's first view (the first figure also loads
    # plotly's validators); should the page read more, the warm-up just does less.
    view, _ = views.from_params({}, options)
    figures = reads.queries.group_figures(view)
    indicator = options.per_sleutel.loc[view.indicator]
    charts.trend(figures.trend(view.indicator), indicator["naam"], indicator["eenheid"])
    reads.queries.compare_partijen(view)
    reads.queries.compare_beside(view, scope=None)  # as the page asks them: for a visitor without a gebied limit
    reads.queries.geometries(reads.queries.beside(view.gebied, scope=None)["code"].tolist())
    reads.queries.last_update()
    reads.queries.demo_loaded()
    return f"{view.gebied}, {len(figures.tiles)} tegels"


@contextlib.asynccontextmanager
async def lifespan(_app):
    """st.App's lifespan: warm (in a thread, the event loop stays free), then serve."""
    runtime.configure_logging()
    started = time.perf_counter()
    try:
        said = await asyncio.to_thread(warm)
        log.info("Opgewarmd in %.1f s (%s).", time.perf_counter() - started, said)
    except Exception as error:  # noqa: BLE001 - a warm-up never keeps the server from starting
        log.warning("Opwarmen niet gelukt (%s: %s); de eerste bezoeker wacht wat langer.",
                    type(error).__name__, error)
    runtime.settle()
    yield
