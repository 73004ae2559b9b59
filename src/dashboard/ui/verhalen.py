"""Stories on screen: cards for the gallery, the full story with its media, and the story map.

Only the story's body is Markdown (safe_markdown, into st.html); its title, verteller, quote,
captions and credits are text: escaped or st.text (ui/tekst.py)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import charts, formatting
from dashboard.ui import navigation, raster
from dashboard.ui.tekst import escaped, small
from dashboard.verhalen import media
from dashboard.verhalen.verhalen import ROL_LABELS, VerhaalInfo, VerhaalMedia

_LOADED_VIDEOS = "_tv_videos_geladen"  # session state: the video links this visitor chose to load here


def _quoted(verhaal: VerhaalInfo) -> str:
    """The quote as a Markdown block quote, its words (and whose they are) as typed; empty without one."""
    if not verhaal.citaat:
        return ""
    by = f"\n>\n> — {escaped(' '.join(verhaal.citaat_van.split()))}" if verhaal.citaat_van.strip() else ""
    return "> " + escaped(" ".join(verhaal.citaat.split())) + by


def quote(verhaal: VerhaalInfo) -> None:
    if verhaal.citaat:
        st.markdown(_quoted(verhaal))


def show_media(item: VerhaalMedia, media_dir: Path) -> None:
    """A photo with its alt text and caption, a video file with its Dutch captions and transcript, or a
    YouTube/Vimeo link, each credited."""
    caption = escaped(" · ".join(x for x in (item.bijschrift, item.credit and f"Beeld: {item.credit}") if x))
    if item.soort == "videolink":
        _video_link(item)
        st.caption(caption)
        return
    found = media.path(item.bestand, media_dir)
    if found is None:
        st.caption(f":material/broken_image: Het bestand van deze {item.soort} ontbreekt. {caption}")
    elif item.soort == "foto":
        st.image(str(found), caption=caption, alt=item.alt_tekst, width="stretch")
    else:
        captions = media.path(item.ondertitels, media_dir)
        st.video(str(found), format="video/webm" if found.suffix == ".webm" else "video/mp4",
                 alt=item.bijschrift or "Video", subtitles={"Nederlands": captions} if captions else None)
        st.caption(caption)
        if item.transcript:
            with st.expander("Transcript van de video", icon=":material/subtitles:"):
                st.text(item.transcript)


def _load_video(url: str) -> None:
    st.session_state.setdefault(_LOADED_VIDEOS, set()).add(url)


def _video_link(item: VerhaalMedia) -> None:
    """A YouTube or Vimeo video plays here only after a click: until then the page loads nothing from
    that service, so it does not learn who reads the story. Or it opens on the service's own site."""
    if item.url in st.session_state.get(_LOADED_VIDEOS, set()):
        st.video(item.url, alt=item.bijschrift or "Video")
        return
    dienst = "Vimeo" if item.url.startswith("https://vimeo.com/") else "YouTube"
    with st.container(border=True):
        st.markdown(f":material/smart_display: Deze video staat op {dienst}. Als u hem hier afspeelt, ziet {dienst} "
                    "dat u deze pagina bekijkt.")
        st.button(f"Video van {dienst} hier laden", icon=":material/play_circle:", on_click=_load_video,
                  args=(item.url,), key="video_" + hashlib.sha1(f"{item.url} {item.bijschrift}".encode()).hexdigest()[:12])
        st.markdown(f"[Bekijk de video op {dienst}]({item.url})")


def card(verhaal: VerhaalInfo, media_dir: Path) -> None:
    """Gallery card: first photo, then title, who and where and the quote in one markdown, a link to
    the whole story."""
    with st.container(border=True, width=raster.CARD):
        photo = next((m for m in verhaal.media if m.soort == "foto"), None)
        poster = next((m for m in verhaal.media if m.soort == "video" and m.poster), None)
        if photo and (found := media.path(photo.bestand, media_dir)):
            st.image(str(found), alt=photo.alt_tekst, width="stretch")
        elif poster and (found := media.path(poster.poster, media_dir)):  # st.video takes no poster: the card does
            st.image(str(found), alt=f"Beeld uit de video: {poster.bijschrift or verhaal.titel}", width="stretch")
        wie = (f"{ROL_LABELS[verhaal.verteller_rol]} · {escaped(verhaal.wijk or 'Denkbeeldstad')} · "
               f"{formatting.day(verhaal.datum)}")
        kop = f"**{escaped(verhaal.titel)}**  \n" + small(wie)
        st.markdown("\n\n".join(deel for deel in (kop, _quoted(verhaal)) if deel))
        navigation.link("pages/verhalen.py", label="Lees het verhaal", icon=":material/auto_stories:",
                     query_params={"verhaal": str(verhaal.id)})


def grid(verhaallijst: list[VerhaalInfo], media_dir: Path, key: str = "g") -> None:
    with raster.grid(f"verhalen_{key}"):
        for verhaal in verhaallijst:
            card(verhaal, media_dir)


def full(verhaal: VerhaalInfo, media_dir: Path) -> None:
    """The story itself: text (safe Markdown), quote, all media, and the afspraken it belongs to."""
    st.header(escaped(verhaal.titel))
    st.caption(f"{ROL_LABELS[verhaal.verteller_rol]}{': ' + escaped(verhaal.verteller) if verhaal.verteller else ''} · "
               f"{escaped(verhaal.wijk or 'Denkbeeldstad')} · {formatting.day(verhaal.datum)}")
    left, right = st.columns([3, 2])
    with left:
        st.html(verhaal.tekst_html)
        quote(verhaal)
        if verhaal.afspraken:
            st.markdown("**Hoort bij de afspraken**")
            for afspraak in verhaal.afspraken:
                navigation.link("pages/afspraken.py", label=escaped(f"{afspraak.nummer} {afspraak.titel}"),
                             icon=":material/handshake:", query_params={"afspraak": str(afspraak.id)})
    with right:
        for item in verhaal.media:
            show_media(item, media_dir)


def verhaal_map(points: pd.DataFrame, shapes: pd.DataFrame, key: str) -> None:
    """The map of stories with a table of the same points beside it."""
    kaart, tabel = st.tabs(["Kaart", "Tabel"])
    with kaart:
        event = st.pydeck_chart(charts.verhaal_map(points, shapes), key=key, height=420, on_select="rerun",
                                selection_mode="single-object",
                                alt="Kaart van Denkbeeldstad met een stip per verhaal, gekleurd naar wie het vertelt.")
        gekozen = (event.selection.get("objects") or {}).get("verhalen") if event and event.selection else None
        if gekozen:
            navigation.link("pages/verhalen.py", label=f"Lees '{escaped(gekozen[0]['titel'])}'", icon=":material/auto_stories:",
                         query_params={"verhaal": str(gekozen[0]["id"])})
        st.caption("Kleur per verteller: blauw huurder · oranje professional · roze bestuurder · groen bewoner. "
                   "Dezelfde verhalen staan in de tab Tabel.")
    with tabel:
        st.dataframe(points[["titel", "rol", "wijk"]], hide_index=True)
