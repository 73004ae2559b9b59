"""What a page shows, made once for every session: a chart, a table written the Dutch way, sentences.

Making them from the figures is pure work (plotly builds and validates a figure; every number is
formatted in Python), and twenty councillors opening one share link would each repeat it: in one
server process their runs take turns, so it adds up. `once(make)` keeps make's answer in
st.cache_resource, keyed by its arguments' content: a digest of each one's pickle (a tenth of a
millisecond for a tile frame; Streamlit's own hashing of a frame with text columns takes 5-9 ms).
Equal bytes unpickle to equal arguments, so a hit is never wrong; at worst equal frames pickled
differently make the same thing twice. Each argument is pickled on its own: a pickle of several
refers back to objects they share, so it would depend on which ones happen to be shared. Before
all that, the very objects of a recent call (a held read hands every run the same frame), with
equal plain values (a name, a unit), find their answer without even a pickle.

The rule of `reads.held` holds here too: every caller gets the SAME object, so none may change it.
st.plotly_chart, st.table and st.dataframe only read what they are given. A maker that depends on
more than its arguments (today's date) takes that as an argument too.

Drawing such an object is work too, again for every session: st.plotly_chart turns the figure into
JSON, st.dataframe the frame into Arrow, st.pydeck_chart the map into JSON. `drawn(draw, *inputs)`
draws once for objects made here and replays what was drawn for every other session (Streamlit's
own replay of elements drawn inside a cached function); for any other object it simply draws.
"""
from __future__ import annotations

import hashlib
import pickle
import threading
import uuid
import weakref
from collections import OrderedDict
from datetime import date
from typing import Callable, TypeVar

import streamlit as st

T = TypeVar("T")
_MAKERS: dict[str, Callable] = {}
_RECENT = 64  # per maker: the arguments of the last calls, kept alive so their ids stay theirs


_MARKS: dict[int, str] = {}  # id -> a mark of its own, for each living answer of a maker


def _mark(answer) -> None:
    """Mark an answer (and the parts of a tuple) as made here: one object for every session. The
    mark goes when the object does, so a later object at the same address is not taken for it."""
    for thing in answer if type(answer) is tuple else (answer,):
        if id(thing) not in _MARKS:
            try:
                weakref.finalize(thing, _MARKS.pop, id(thing), None)
            except TypeError:  # a list, a str: never drawn from a mark
                continue
            _MARKS[id(thing)] = uuid.uuid4().hex


def _make(name: str, digest: str, _args: tuple, _kwargs: tuple):
    """Streamlit hashes name and digest only: arguments named with a leading _ are not hashed."""
    return _MAKERS[name](*_args, **dict(_kwargs))


# Small objects (a figure of a few dozen points, a table of a few hundred cells): many entries.
_made = st.cache_resource(show_spinner=False, max_entries=512, ttl=6 * 3600)(_make)


# compared by value: a name read anew each run is equal, not the same (today's date too: clock.today())
_PLAIN = (str, int, float, bool, type(None), date)


def _token(value) -> object:
    """A recent call's key part: a plain value itself, any other object by its identity."""
    return (type(value), value) if type(value) in _PLAIN else id(value)  # the type: True is not 1


def digest(inputs: tuple, names: tuple[str, ...] = ()) -> str:
    """A cache key for these values (and keyword names): exact, and cheaper than Streamlit's hashing."""
    whole = hashlib.blake2b(repr(names).encode(), digest_size=20)
    for value in inputs:  # each on its own: pickling them together depends on shared objects
        whole.update(hashlib.blake2b(pickle.dumps(value, protocol=5), digest_size=20).digest())
    return whole.hexdigest()


class Recent:
    """The last `size` answers by key, for every thread: a lookup before Streamlit's cache, whose
    key-making (the function's signature, each argument hashed) costs more than most answers."""

    def __init__(self, size: int = _RECENT):
        self.size, self._answers, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        """The answer kept under key, or None."""
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
            return found

    def keep(self, key, answer) -> None:
        with self._lock:
            self._answers[key] = answer
            if len(self._answers) > self.size:
                self._answers.popitem(last=False)


def once(make: Callable[..., T]) -> Callable[..., T]:
    """`make(*args)`, made once per distinct arguments and shared by every session."""
    name = f"{make.__module__}.{make.__qualname__}"
    _MAKERS[name] = make
    recent = Recent()

    def made(*args, **kwargs) -> T:
        named = tuple(sorted(kwargs.items()))
        inputs = (*args, *(value for _, value in named))
        ids = (tuple(map(_token, inputs)), tuple(key for key, _ in named))
        seen = recent.get(ids)
        if seen is not None and all(a is b or type(a) in _PLAIN for a, b in zip(seen[0], inputs)):
            return seen[1]
        answer = _made(name, digest(inputs, ids[1]), args, named)
        _mark(answer)
        recent.keep(ids, (inputs, answer))
        return answer

    made.__doc__ = make.__doc__
    return made


def _draw(key: str, _draw: Callable[[], object]) -> None:
    """Streamlit records the elements `_draw` puts on the page and, for the same key, replays them."""
    _draw()


# A chart's JSON, a table's Arrow: tens of kilobytes each.
_drawn = st.cache_resource(show_spinner=False, max_entries=256, ttl=6 * 3600)(_draw)


def drawn(draw: Callable[[], object], *inputs) -> None:
    """`draw()`, recorded once and replayed for every session, when its objects were made here (by
    their mark) and its other inputs are plain values (an element's key, its alt text): `draw` must
    depend on nothing else. Elements only, no widgets: Streamlit does not replay those."""
    marks = [repr((type(value).__name__, value)) if type(value) in _PLAIN else _MARKS.get(id(value))
             for value in inputs]
    if None in marks:
        draw()
    else:
        _drawn(":".join(marks), draw)
