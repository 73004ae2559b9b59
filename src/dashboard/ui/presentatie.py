"""The stuurgroep deck on a projector: one slide at a time, large type, no sidebar, no Streamlit chrome, no footer.

Text goes through html.escape (or safe_markdown for Markdown) into st.html, so the layout can be
set exactly; the page's own CSS carries no user text. Sizes follow the viewport's height with a
floor (body text at least 28 px, headings at least 48 px, nothing under 22 px), so a 1280 x 720
and a 1920 x 1080 screen show the same slide; a phone (at most 640 px wide) gets smaller type that
wraps at words and icon-only controls in one row (their names stay for screen readers). The slide
number lives in the URL (`dia`), so a reload or a shared link opens the same slide; the buttons
carry the keys a presenter's clicker sends (Right/Left, PageDown/PageUp) and Home/End. The meeting
is written into the URL too: a page link to this page ("Presenteren") runs it with `?vergadering=`
but leaves the browser's address without it, and the next click would then send the bare address
and land on the list of meetings.
"""
from __future__ import annotations

import html
import time
from pathlib import Path

import streamlit as st

from dashboard.afspraken import STATUS_LABELS
from dashboard.ui import navigation
from dashboard.vergadering import deck as decks
from dashboard.vergadering.besluiten import UITKOMST_LABELS
from dashboard.vergadering.deck import Deck, Dia
from dashboard.verhalen import media

PARAM = "dia"
MEETING = "vergadering"
_SHOWN_AT = "_tv_kiosk_shown_at"

CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"], footer,
.st-key-dia_pageup, .st-key-dia_pagedown, .st-key-tv_voet { display: none !important; }
:root { --tv-body: max(28px, 3.9vh); --tv-head: max(48px, 6.6vh); --tv-small: max(22px, 3vh); }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 2vh 3.5vw 12vh 3.5vw !important; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 1.2vh; }
.tv-dia { color: #111; font-size: var(--tv-body); line-height: 1.3; }
.tv-dia h1 { font-size: var(--tv-head); line-height: 1.12; margin: 0; padding: 0; font-weight: 700; color: #111; }
.tv-dia p, .tv-dia li { font-size: var(--tv-body); margin: 0 0 0.3em 0; }
.tv-dia .tv-onder, .tv-dia .tv-bron { font-size: var(--tv-small); color: #333; }
.tv-dia h2 { font-size: calc(var(--tv-body) * 1.2); margin: 0.3em 0 0.2em 0; color: #0b5394; }
.tv-dia .tv-cijfer { font-size: calc(var(--tv-body) * 1.6); font-weight: 700; line-height: 1.1; margin: 0; }
.tv-dia .tv-label { font-weight: 700; }
.tv-dia blockquote { margin: 0; padding: 0 0 0 0.6em; border-left: 0.25em solid #0072B2; font-style: italic; }
.tv-dia .tv-vraag { border-top: 3px solid #0072B2; padding-top: 0.3em; margin: 0; }
.tv-dia .tv-alleen-voorlezen { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.st-key-tv_foto img { max-height: 28vh; width: auto !important; max-width: 100%; object-fit: contain; }
.st-key-tv_knoppen { position: fixed; left: 3.5vw; right: 3.5vw; bottom: 1.5vh; background: #fff; z-index: 10; }
.st-key-tv_knoppen button, .st-key-tv_knoppen button *, .st-key-tv_knoppen a *, .st-key-tv_knoppen p {
  font-size: var(--tv-small) !important; }
.st-key-tv_knoppen p { margin: 0; white-space: nowrap; }
@media (max-width: 640px) {  /* a phone: the slide in smaller type that wraps at words, icon-only controls in one row */
  :root { --tv-body: 18px; --tv-head: 26px; --tv-small: 15px; }
  [data-testid="stMainBlockContainer"] { padding: 1vh 4vw 9vh 4vw !important; }
  .tv-dia, .tv-dia h1 { overflow-wrap: break-word; }
  .st-key-tv_knoppen { left: 2vw; right: 2vw; bottom: 0.5vh; gap: 0.3rem !important; flex-wrap: nowrap !important; }
  .st-key-tv_knoppen button, .st-key-tv_knoppen a { min-height: 2.4rem; padding: 0 0.5rem !important; }
  .st-key-tv_knoppen button p, .st-key-tv_knoppen a p, .st-key-tv_knoppen kbd {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .st-key-tv_knoppen p { font-size: 15px !important; }
}
</style>"""


def e(text: str) -> str:
    return html.escape(text or "", quote=True)


def index(total: int) -> int:
    """The slide asked for in the URL (1-based there), kept within the deck."""
    asked = str(st.query_params.get(PARAM, "1"))[:6]
    return min(max(int(asked) - 1, 0), total - 1) if asked.isdigit() else 0


def _go(target: int) -> None:
    st.query_params[PARAM] = str(target + 1)


def _keep_meeting(deck: Deck) -> None:
    """The meeting in the browser's address, so every next click, key, reload and back stays in it.

    Set on every run, also when the script already reads it: only setting it tells the browser."""
    st.query_params[MEETING] = str(deck.vergadering_id)


def _label(key: str) -> str:
    word = (STATUS_LABELS | UITKOMST_LABELS).get(key)
    return f'<span class="tv-label" style="color:{decks.LABEL_COLOURS[key]}">{e(word)}</span> · ' if word else ""


def _paragraphs(regels) -> str:
    return "".join(f"<h2>{e(r.tekst)}</h2>" if r.kop else f"<p>{_label(r.label)}{e(r.tekst)}</p>" for r in regels)


def _html(body: str) -> None:
    st.html(f'<div class="tv-dia">{body}</div>')


def _heading(dia: Dia) -> None:
    onder = f'<p class="tv-onder">{e(dia.ondertitel)}</p>' if dia.ondertitel else ""
    _html(f"<h1>{e(dia.titel)}</h1>{onder}")


def _key_figure(dia: Dia) -> None:
    figuur = dia.kerncijfer
    status = ""
    if dia.status:
        both = f"Partijen: {_label(dia.status)}Cijfers: {_label(dia.cijfers)}" if dia.cijfers else _label(dia.status)
        status = both.removesuffix(" · ") + (" · dilemma voor het bestuur" if dia.dilemma else "")
    _html((f"<p>{status}</p>" if status else "")
          + f'<p class="tv-cijfer">{e(figuur.tekst)}</p>'
          + (f"<p>{e(figuur.toelichting)}</p>" if figuur.toelichting else "")
          + _paragraphs(figuur.activiteiten))
    fig = decks.figure(figuur, decks.chart_height(dia))
    if fig is not None:
        st.plotly_chart(fig, config={"displayModeBar": False, "staticPlot": True, "locale": "nl"},
                        key="dia_grafiek")
        rows = "".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td><td>{e(c)}</td></tr>" for a, b, c in decks.chart_table(figuur))
        _html(f'<div class="tv-alleen-voorlezen"><table><caption>{e(figuur.grafiek_titel)}</caption>'
              f"<tr><th>Jaar</th><th>Gerealiseerd</th><th>Streefwaarde</th></tr>{rows}</table></div>")


def _photo_and_quote(dia: Dia, media_dir: Path) -> None:
    found = media.path(dia.foto.bestand, media_dir) if dia.foto else None
    if found:
        with st.container(key="tv_foto"):
            st.image(str(found), alt=dia.foto.alt, width="stretch")
        if dia.foto.onderschrift:
            _html(f'<p class="tv-bron">{e(dia.foto.onderschrift)}</p>')
    if dia.citaat:
        by = f'<p class="tv-bron">— {e(dia.citaat_van)}</p>' if dia.citaat_van else ""
        _html(f"<blockquote><p>“{e(dia.citaat)}”</p></blockquote>{by}")


def slide(dia: Dia, media_dir: Path) -> None:
    """One slide: its heading, then text, or the key figure beside the photo and quote; the ask at the foot."""
    _heading(dia)
    if dia.kerncijfer is not None and dia.soort == "agendapunt":
        left, right = st.columns([11, 9], gap="large")
        with left:
            _key_figure(dia)
        with right:
            _photo_and_quote(dia, media_dir)
    elif dia.kerncijfer is not None:
        _key_figure(dia)
    else:
        _html(_paragraphs(dia.regels))
    if dia.gevraagd:
        _html(f'<p class="tv-vraag"><strong>Gevraagd:</strong> {e(dia.gevraagd)}</p>')


def _controls(at: int, total: int) -> None:
    last = total - 1
    with st.container(key="tv_knoppen", horizontal=True, vertical_alignment="center", gap="medium"):
        st.button("Eerste", key="dia_home", shortcut="Home", on_click=_go, args=(0,), disabled=at == 0,
                  icon=":material/first_page:")
        st.button("Vorige", key="dia_left", shortcut="Left", on_click=_go, args=(max(at - 1, 0),), disabled=at == 0,
                  icon=":material/chevron_left:")
        st.markdown(f"Dia {at + 1} van {total}", width="content")
        st.button("Volgende", key="dia_right", shortcut="Right", on_click=_go, args=(min(at + 1, last),),
                  disabled=at == last, icon=":material/chevron_right:", icon_position="right")
        st.button("Laatste", key="dia_end", shortcut="End", on_click=_go, args=(last,), disabled=at == last,
                  icon=":material/last_page:", icon_position="right")
        navigation.link("pages/presentatie.py", label="Terug naar de app", icon=":material/logout:")
    # the keys a presentation clicker sends; these two buttons are hidden (CSS above), their keys work
    st.button("Volgende dia", key="dia_pagedown", shortcut="PageDown", on_click=_go, args=(min(at + 1, last),))
    st.button("Vorige dia", key="dia_pageup", shortcut="PageUp", on_click=_go, args=(max(at - 1, 0),))


def present(deck: Deck, media_dir: Path) -> None:
    """The presenter's view: the slide from the URL, the buttons and keys, the counter, the way back."""
    st.html(CSS)
    _keep_meeting(deck)
    at = index(len(deck.dias))
    slide(deck.dias[at], media_dir)
    _controls(at, len(deck.dias))


def kiosk_next(at: int, total: int, shown_at: float | None, now: float, seconds: float) -> int:
    """A town hall screen: after `seconds` the next slide, and after the last one the first again."""
    if shown_at is None or now - shown_at < seconds * 0.9:
        return at
    return (at + 1) % total


def kiosk(deck: Deck, media_dir: Path, seconds: int) -> None:
    """Advances by itself every `seconds` (st.fragment's timer reruns only the slide) and loops."""
    st.html(CSS)
    _keep_meeting(deck)

    @st.fragment(run_every=seconds)
    def show() -> None:
        total = len(deck.dias)
        at = index(total)
        now = time.monotonic()
        moved = kiosk_next(at, total, st.session_state.get(_SHOWN_AT), now, seconds)
        if moved != at or _SHOWN_AT not in st.session_state:
            st.session_state[_SHOWN_AT] = now
            _go(moved)
        slide(deck.dias[moved], media_dir)
        with st.container(key="tv_knoppen", horizontal=True, vertical_alignment="center", gap="medium"):
            st.markdown(f"Dia {moved + 1} van {total}", width="content")
            navigation.link("pages/presentatie.py", label="Terug naar de app", icon=":material/logout:")

    show()
