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
"""
from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from datetime import date
from typing import Callable, TypeVar

import streamlit as st

T = TypeVar("T")
_MAKERS: dict[str, Callable] = {}
_RECENT = 64  # per maker: the arguments of the last calls, kept alive so their ids stay theirs


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
        recent.keep(ids, (inputs, answer))
        return answer

    made.__doc__ = make.__doc__
    return made
