"""User text is text: what someone typed is shown as the very characters typed, on every page.

A story's title, a verteller, a toelichting, a quote, a caption, a partij's or an afspraak's name,
a meeting's title, a besluit's reasons, a share link's label: Streamlit reads Markdown, and its own
directives (:red[...], :material/icon:, $formulas$), in st.markdown, st.caption, st.write, the
alerts, st.metric, headings, st.toast, and in the labels and help texts of widgets, tabs, expanders
and page links. So every piece of user text that goes into one of those goes through `escaped`
first: a backslash before every ASCII punctuation character, which CommonMark shows as the
character itself. No image (a tracking pixel), link, emphasis, heading, list, directive, icon or
formula comes out of user text. What Streamlit's frontend still does with plain text: a bare web
address (http://..., www....) becomes a clickable link to that same address (target _blank, rel
noopener noreferrer); it loads nothing until someone clicks it.

st.table reads Markdown in every cell and header too: `escaped_table` makes a frame's cells, index
and headers text. (st.dataframe, st.selectbox and st.multiselect show their values as text already.)

Text that should keep its line breaks goes to st.text, which shows text as is, or into a larger
Markdown body through `escaped_lines`. Only a story's body (verhaal.tekst) is Markdown, through
verhalen/safe_markdown.py into st.html. Slides and the deck's exports escape for HTML and XML
where they are made (ui/presentatie.py, vergadering/export.py).

Every element is a message to every viewer of a share link, so a card or an item of a list is one
Markdown body where it can be; `small` gives a line in it the look of an st.caption.
"""
from __future__ import annotations

import string

import pandas as pd

# CommonMark: any ASCII punctuation may be backslash-escaped. One translation table, not a loop per
# character: the Kompas escapes some sixty texts per run, for every viewer.
_MARKUP = str.maketrans({ch: "\\" + ch for ch in string.punctuation})


def escaped(text: object) -> str:
    """User text for a Markdown-reading place: every punctuation character taken literally."""
    return ("" if text is None else str(text)).translate(_MARKUP)


def escaped_lines(text: object) -> str:
    """User text whose line breaks count (a besluit's voorstel) for a Markdown body: each line escaped
    and stripped (an indented line would be a code block), each break kept as a hard break."""
    return "  \n".join(escaped(line.strip()) for line in ("" if text is None else str(text)).splitlines())


def small(markdown: str) -> str:
    """A line of a Markdown body in a caption's small grey, where an st.caption of its own would cost
    one more message for every viewer."""
    return f":small[:gray[{markdown}]]"


def escaped_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame for st.table: every cell, the index and the headers as escaped text."""
    shown = frame.astype(object).where(frame.notna(), "").map(escaped)
    shown.index = pd.Index([escaped("" if pd.isna(v) else v) for v in frame.index],
                           name=escaped(frame.index.name) if frame.index.name else None)
    shown.columns = [escaped(c) for c in frame.columns]
    return shown
