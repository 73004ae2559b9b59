"""Shared reads: each core question answered once per data version, for every session at once.

A page never holds a database connection while it renders: a read opens a short session, asks
the core, closes the session, and keeps the answer in st.cache_data. The key holds the database,
the question and its arguments, and the data version, which every import, undo and edit raises
in its own transaction (data_version.py): a change made in this process or in another one shows
on the next run, and twenty councillors opening one link compute the figures once.

Each read carries its core function's own name, grouped by the core module (`_cached`):
`reads.afspraken.detail(afspraak_id)` asks `afspraken.detail`, so a grep for a core function finds
its readers too.

Two kinds of read, both keyed the same way:
- `shared(question)`: the answer lives in st.cache_data and every read gets a pickled COPY of it,
  so a caller may do with it what it likes. The default.
- `held(question)`: the answer lives in st.cache_resource and every read gets the SAME object,
  shared by all sessions and threads: no copy, no unpickling on each run. For answers that every
  visitor of a page reads on every run (the filter options: 17,770 gebieden in a national set;
  the dashboard's figures of a view, which twenty viewers of one link read at once), and only
  where no caller ever changes what it got: derive new objects (pandas' methods, which return
  new frames, dataclasses.replace), never assign into a returned frame, list or dict.
"""
from __future__ import annotations

import threading
from dataclasses import replace
from types import ModuleType, SimpleNamespace
from typing import Callable

import streamlit as st
from sqlalchemy import event
from sqlalchemy.orm import Session
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from dashboard import afspraken as afspraken_core
from dashboard import config, data_version
from dashboard import deelname as deelname_core
from dashboard import queries as queries_core
from dashboard.cyclus import bod as bod_core
from dashboard.cyclus import dossier as dossier_core
from dashboard.cyclus import fasen as fasen_core
from dashboard.cyclus import publicatie as publicatie_core
from dashboard.doelen import stand as stand_core
from dashboard.samenwerking import antwoorden as antwoorden_core
from dashboard.samenwerking import uitslag as uitslag_core
from dashboard.vergadering import agenda as agenda_core
from dashboard.vergadering import besluiten as besluiten_core
from dashboard.vergadering import deck as deck_core
from dashboard.verhalen import ondertitels as ondertitels_core
from dashboard.verhalen import toestemming as toestemming_core
from dashboard.verhalen import verhalen as verhalen_core
from dashboard.verkennen import punten as punten_core
from dashboard.ui import made, runtime

_QUESTIONS: dict[str, Callable] = {}


_THIS_RUN = threading.local()  # the data version this thread's script run has read, and that run


@event.listens_for(Session, "after_commit")
def _forget_version(_session) -> None:
    """A write committed in this thread (a form in this run): the next read asks the version again."""
    _THIS_RUN.run = None


def version() -> int:
    """The data version now: one indexed row, asked once per script run (its first read), so every
    run sees every change committed before it started, in this process or another, and a page of
    eight reads does not check out eight connections to ask the same thing."""
    context = get_script_run_ctx(suppress_warning=True)
    run = context.cursors if context is not None else None  # a fresh dict at the start of every run
    if run is not None and getattr(_THIS_RUN, "run", None) is run:
        return _THIS_RUN.version
    with runtime.database().make_session() as session:
        versie = data_version.current(session)
    _THIS_RUN.run, _THIS_RUN.version = run, versie
    return versie


def _compute(question: str, database: str, versie: int, key: str, _args: tuple, _kwargs: tuple):
    """Streamlit hashes the question, database, version and the arguments' digest (made.digest):
    hashing a view dataclass its own way cost about half a millisecond per read."""
    with runtime.database().make_session() as session:
        return _QUESTIONS[question](session, *_args, **dict(_kwargs))


_answer = st.cache_data(show_spinner=False, max_entries=2000, ttl=6 * 3600)(_compute)
# One object for every session (see the module's docstring): the options of a national set are
# some megabytes, a view's figures some tens of kilobytes.
_held_answer = st.cache_resource(show_spinner=False, max_entries=256, ttl=6 * 3600)(_compute)


def _frozen(args: tuple) -> tuple:
    """A list among the arguments (the codes of a map's gebieden) as a tuple, for a memo's key."""
    return tuple(tuple(arg) if isinstance(arg, list) else arg for arg in args)


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:  # a dict or a set among the arguments: Streamlit's key only
        return False
    return True


def _reader(question: Callable, cache: Callable) -> Callable:
    name = f"{question.__module__}.{question.__qualname__}"
    _QUESTIONS[name] = question
    # A held answer is one object for everyone, so the same arguments (a view is a frozen dataclass,
    # equal by value) at the same version find it here first: twenty viewers of one link each made
    # eight keys the Streamlit way, its signature and hashing (a tenth of their run).
    recent = made.Recent() if cache is _held_answer else None

    def read(*args, **kwargs):
        named = tuple(sorted(kwargs.items()))
        url, versie = config.load().database_url, version()
        memo = (url, versie, _frozen(args), named) if recent is not None else None
        memo = memo if memo is not None and _hashable(memo) else None
        answer = recent.get(memo) if memo is not None else None
        if answer is None:
            key = made.digest((*args, *(value for _, value in named)), tuple(k for k, _ in named))
            answer = cache(name, url, versie, key, args, named)
            if memo is not None:
                recent.keep(memo, answer)
        return answer

    read.__doc__ = question.__doc__
    return read


def shared(question: Callable) -> Callable:
    """`question(session, *args)` as `read(*args)`, computed once per data version and arguments;
    each read gets its own copy."""
    return _reader(question, _answer)


def held(question: Callable) -> Callable:
    """As `shared`, but every read gets the one cached object itself: callers must never change it."""
    return _reader(question, _held_answer)


def _cached(module: ModuleType, *, held: tuple[str, ...] = (), shared: tuple[str, ...] = (),
            **own: Callable) -> SimpleNamespace:
    """The reads of one core module, each under the core function's own name (`reads.afspraken.detail`
    reads `afspraken.detail`): the `held` ones as `held`, the `shared` ones as `shared`, and any
    reads of this module's `own` as they are."""
    return SimpleNamespace(**{name: _reader(getattr(module, name), _held_answer) for name in held},
                           **{name: _reader(getattr(module, name), _answer) for name in shared}, **own)


# The dashboard (Tellen)
_group_figures = held(queries_core.group_figures)


def _group_figures_without_indicator(view: queries_core.View, scope: str | None = None) -> queries_core.Figures:
    """The tiles, table and trends of a view; keyed without the chart indicator, which they all hold
    (and without a scope unless a share link has one: everyone else shares the warmed answer)."""
    view = replace(view, indicator="")
    return _group_figures(view, scope=scope) if scope else _group_figures(view)


queries = _cached(
    queries_core,
    # read-only, all of these six (with group_figures): filters and the dashboard page derive, never assign;
    # geometries: the same frame each run, so the map is then made without a digest; a moment and a
    # yes/no cannot be changed by anyone
    held=("options", "compare_partijen", "compare_beside", "beside", "geometries", "last_update", "demo_loaded"),
    group_figures=_group_figures_without_indicator,
)

# Afspraken and verhalen (Vertellen). What the Kompas reads is held (one object for every viewer of a
# link, who all land on it); the pages only derive from those answers, they never change them.
afspraken = _cached(afspraken_core, held=("overview", "opgaven", "attention"),
                    shared=("choices", "detail", "figures", "trajecten"))
verhalen = _cached(verhalen_core, held=("newest",), shared=("gallery", "detail", "for_afspraak", "map_points", "wijken"))
ondertitels = _cached(ondertitels_core, shared=("zonder_ondertitels",))
# The consent register of photos and videos, keyed on the day too: an expiry shows at midnight
toestemming = _cached(toestemming_core, held=("meldingen",), shared=("register",))

# De stuurgroep: meetings, the deck built from the data, besluiten
agenda = _cached(agenda_core, shared=("list_vergaderingen", "detail", "default_vergadering"))
deck = _cached(deck_core, shared=("build",))
besluiten = _cached(besluiten_core, held=("latest",), shared=("list_besluiten", "history", "tafel"))

# Who took part (the growing circle)
deelname = _cached(deelname_core, held=("per_jaar",))

# Samenwerkingsmonitor: results per party only; an account reads back its own answer alone
uitslag = _cached(uitslag_core, shared=("years", "results", "over_the_years", "statement_over_the_years"))
antwoorden = _cached(antwoorden_core, shared=("own",))

# Verkennen (two figures across gebieden)
punten = _cached(punten_core, shared=("verken",))

# The targets the gemeente's figures are set against (the library of doelen)
stand = _cached(stand_core, held=("voor_monitor",))

# The Woningwet's yearly cycle
fasen = _cached(fasen_core, held=("te_doen",), shared=("jaar",))
bod = _cached(bod_core, shared=("naast",))
dossier = _cached(dossier_core, shared=("samenstellen",))
publicatie = _cached(publicatie_core, shared=("samenstellen",))
