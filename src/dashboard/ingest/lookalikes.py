"""Names that are nearly the same: 'Woonstichting Eén' and 'Woonstichting Een', 'Groningen
(gemeente)' and 'Groningen', 'Stichting  Nergenshuis' and 'Stichting Nergenshuis'.

Two names look alike when they are the same after `comparable` (accents, case, spaces and
punctuation, a CBS qualifier in brackets, a leading 'gemeente' or 'provincie' left out), or
when they are a small edit distance apart: one letter in a name of five to eleven letters, two
from twelve on (a name of four letters or less must match exactly, 'WSW' is not 'WSV'). Adding a
missing partij or gebied never creates one that looks like one already there; the import
proposes that one instead ("Bedoelt u 'Woonstichting Een'?").
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_QUALIFIER = re.compile(r"\([^)]*\)")  # CBS: 'Groningen (gemeente)', 'Groningen (PV)'
_NOT_A_WORD = re.compile(r"[\W_]+")
_GENERIC_START = ("gemeente ", "provincie ")  # 'Gemeente Groningen' is the partij of gebied 'Groningen'
FUZZY_AT_MOST = 2000  # known names searched by edit distance; beyond that only comparable ones match


def comparable(name: str) -> str:
    """The name as it is compared: 'Woonstichting  Eén (corporatie)' -> 'woonstichting een'."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = " ".join(_NOT_A_WORD.sub(" ", _QUALIFIER.sub(" ", text)).split())
    for start in _GENERIC_START:
        if text.startswith(start) and len(text) > len(start):
            text = text[len(start):]
    return text


def allowed(text: str) -> int:
    """How many edits a comparable name of this length may be from another and still look alike."""
    return 0 if len(text) <= 4 else (1 if len(text) < 12 else 2)


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or limit + 1 as soon as it is sure to be more than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class Lookalikes:
    """Known names, ready to be asked which of them a new name nearly duplicates."""

    def __init__(self, known: Iterable[str] = ()):
        self.by_form: dict[str, list[str]] = {}
        for name in known:
            self.add(name)

    def add(self, name: str) -> None:
        self.by_form.setdefault(comparable(name), []).append(name)

    def of(self, name: str, fuzzy: bool = True) -> list[str]:
        """The known names `name` nearly duplicates, closest first (itself too, if known); [] when none.
        Without `fuzzy`, only names that are the same after `comparable`."""
        form = comparable(name)
        if not form:
            return []
        found = list(self.by_form.get(form, []))
        limit = allowed(form)
        if fuzzy and limit and len(self.by_form) <= FUZZY_AT_MOST:
            near = sorted((distance(form, other, limit), other) for other in self.by_form
                          if other != form and abs(len(other) - len(form)) <= limit)
            found += [n for d, other in near if d <= min(limit, allowed(other)) for n in self.by_form[other]]
        return found


def lookalikes(name: str, known: Iterable[str]) -> list[str]:
    """The names in `known` that `name` nearly duplicates, closest first."""
    return Lookalikes(known).of(name)
