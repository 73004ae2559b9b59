"""What a reader sees of a Markdown body: user text reaches st.markdown, st.caption, headings and labels
escaped (ui/tekst.py), a backslash before each punctuation character; tests compare the words shown."""
from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def text(value: object) -> str:
    """The body without Markdown's backslash escapes: 'Spreiden of clusteren\\?' -> 'Spreiden of clusteren?'."""
    return _ESCAPE.sub(r"\1", str(value))


def texts(at, *kinds: str) -> str:
    """The words of every element of these kinds (markdown, caption, header ...), one per line."""
    return "\n".join(text(e.value) for kind in kinds for e in getattr(at, kind))
