"""One rule for every password that is set: the setup screen, Beheer, the command line, an invitation,
a reset link and a user's own change all call `check`.

A password is refused, with a Dutch message that says why, when it
- is shorter than MIN_LENGTH (10) characters;
- is the user name, or contains it (names of 3 characters or more; case does not matter);
- is easy to guess: zxcvbn, Dropbox's estimator, puts it under 10^8 guesses (its score 3). zxcvbn
  knows 30,000 leaked passwords, English words and names, keyboard rows, repeats, sequences,
  years and dates, l33t spelling and words written backwards; `wachtwoorden_nl.txt` beside this
  file adds Dutch passwords and the words they are made of (wachtwoord, welkom, voetbal, zomer,
  ...), and the user's name and the app's own words count as known words too.

zxcvbn is imported at the first check, not with this module: a command that sets no password does
not pay for its 30,000-word lists.
"""
from __future__ import annotations

import functools
import re
import threading
from pathlib import Path

MIN_LENGTH = 10
MIN_SCORE = 3  # zxcvbn: 3 = at least 10^8 guesses ("safely unguessable" online, behind the throttle)
MIN_NAME_INSIDE = 3  # a name this long or longer may not occur inside the password
MAX_LENGTH = 200  # longer is no stronger here; zxcvbn's work grows with the length
HELP = (f"Minstens {MIN_LENGTH} tekens, niet uw gebruikersnaam en geen veelgebruikt wachtwoord. "
        "Een zin van een paar woorden is goed te onthouden en moeilijk te raden.")
_APP_WORDS = ("tellen", "vertellen", "tellen & vertellen", "denkbeeldstad", "dashboard", "monitor")
_DUTCH = Path(__file__).with_name("wachtwoorden_nl.txt")
_LOCK = threading.Lock()  # zxcvbn keeps the user's words in a module-level dict during a call


class WeakPassword(ValueError):
    """Why a password is refused, in Dutch (an AccountError in accounts.py wraps it)."""


def dutch_words() -> list[str]:
    """The shipped Dutch list, most used first."""
    return [line.strip().lower() for line in _DUTCH.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


@functools.cache
def _estimator():
    from zxcvbn import matching, zxcvbn

    matching.add_frequency_lists({"nederlands": dutch_words()})
    return zxcvbn


def _name_parts(naam: str) -> list[str]:
    parts = [p for p in re.split(r"[^\w]+|_", naam.lower()) if p]
    return [naam.lower(), *parts]


_REASONS = {  # zxcvbn's kind of match -> what is wrong, as the end of "Dit wachtwoord ..."
    "repeat": "herhaalt steeds dezelfde tekens (zoals aaaaaaaaaa of abcabcabc)",
    "sequence": "is een reeks (zoals 1234567890 of abcdefghij)",
    "spatial": "volgt de toetsen van het toetsenbord (zoals qwertyuiop of 1qaz2wsx)",
    "passwords": "staat in de lijst van veelgebruikte wachtwoorden",
    "nederlands": "is gemaakt van een veelgebruikt Nederlands wachtwoord of woord",
    "user_inputs": "lijkt op uw gebruikersnaam of de naam van deze app",
    "words": "is gemaakt van gewone woorden of namen",
    "date": "leunt op een jaartal of datum",
    "bruteforce": "is te voorspelbaar",
}
_ORDER = ("user_inputs", "passwords", "nederlands", "repeat", "sequence", "spatial", "words", "date", "bruteforce")


def _reason(sequence: list[dict]) -> str:
    """The weakness to name: the matched parts of the password, most telling first."""
    kinds = set()
    for match in sequence:
        pattern = match.get("pattern")
        if pattern == "dictionary":
            name = match.get("dictionary_name")
            kinds.add(name if name in ("passwords", "nederlands", "user_inputs") else "words")
        elif pattern in ("date", "regex"):
            kinds.add("date")
        else:
            kinds.add(pattern)
    return _REASONS[next((kind for kind in _ORDER if kind in kinds), "bruteforce")]


def check(wachtwoord: str | None, naam: str | None = None) -> str:
    """The password when it may be used; WeakPassword with the Dutch reason otherwise."""
    wachtwoord = wachtwoord or ""
    if len(wachtwoord) < MIN_LENGTH:
        raise WeakPassword(f"Een wachtwoord heeft minstens {MIN_LENGTH} tekens. Een zin van een paar woorden is "
                           "goed te onthouden.")
    if len(wachtwoord) > MAX_LENGTH:
        raise WeakPassword(f"Een wachtwoord heeft hoogstens {MAX_LENGTH} tekens.")
    naam = (naam or "").strip().lower()
    lowered = wachtwoord.lower()
    if naam and (lowered == naam or (len(naam) >= MIN_NAME_INSIDE and naam in lowered)):
        raise WeakPassword("Dit wachtwoord bevat uw gebruikersnaam; dat raadt iemand die uw naam kent als eerste. "
                           "Kies een wachtwoord zonder uw gebruikersnaam.")
    estimate = _estimator()
    with _LOCK:
        result = estimate(wachtwoord[:72], user_inputs=[*(_name_parts(naam) if naam else []), *_APP_WORDS])
    if result["score"] < MIN_SCORE:
        raise WeakPassword(f"Dit wachtwoord is te makkelijk te raden: het {_reason(result['sequence'])}. Kies een "
                           "langer wachtwoord, bijvoorbeeld een zin van een paar gewone woorden die niet bij elkaar "
                           "horen.")
    return wachtwoord
