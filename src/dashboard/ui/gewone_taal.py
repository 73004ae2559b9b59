"""The panel "In gewone taal": the figures in short sentences, open by default for share-link visitors
(councillors), folded away for staff who read the tiles themselves."""
from __future__ import annotations

import streamlit as st

from dashboard.ui import visitor
from dashboard.ui.tekst import escaped


def panel(paragraphs: list[list[str]], key: str) -> None:
    """One paragraph per list of sentences (made by dashboard.gewone_taal)."""
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return
    with st.expander("In gewone taal", expanded=visitor.current().share_pages is not None,
                     icon=":material/record_voice_over:", key=key):
        # one element, its paragraphs apart: every element is a message of its own to the browser
        # the sentences name indicators, gebieden and afspraken: text, not Markdown
        st.markdown("\n\n".join(escaped(" ".join(sentences)) for sentences in paragraphs))
