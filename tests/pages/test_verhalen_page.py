"""The story page for an editor: a wrong captions file is named by its line, and deleting the story takes its files."""
from __future__ import annotations

from datetime import date

import reader

from dashboard.db import open_database
from dashboard.models import Verhaal
from dashboard.verhalen import opruimen, toestemming, verhalen


def test_an_editor_learns_which_caption_line_is_wrong_and_deletes_the_story_with_its_files(app_as, app_env):
    with open_database(f"sqlite:///{app_env}").make_session() as session:
        intern = toestemming.Zicht("intern", date.today())  # a video without captions: signed-in pages only
        verhaal = next(v for v in verhalen.gallery(session, zicht=intern) if any(m.soort == "video" for m in v.media))
        files = [pad for item in session.get(Verhaal, verhaal.id).media
                 for pad in opruimen.paden(item, app_env.parent / "media")]
    assert files and all(pad.exists() for pad in files)
    at = app_as("redacteur")
    at.query_params["verhaal"] = str(verhaal.id)
    at = at.switch_page("pages/verhalen.py").run()

    form = f"ot{next(m.id for m in verhaal.media if m.soort == 'video')}"
    at.file_uploader(key=f"{form}_bestand_0").set_value(("fout.srt", b"1\n00:00:00,000 -> 00:00:01,000\nHoi\n", "text/plain"))
    at.button(key=f"FormSubmitter:{form}-Ondertitels en transcript opslaan").click().run()
    assert not at.exception
    assert any(reader.text(e.value).startswith("Regel 2 van het ondertitelbestand: hier hoort een tijd") for e in at.error)

    at.checkbox(key=f"vw{verhaal.id}_zeker").check().run()
    at.button(key=f"vw{verhaal.id}_verhaal").click().run()
    assert not at.exception and any(reader.text(t.value) == f"Het verhaal «{verhaal.titel}» is verwijderd." for t in at.toast)
    assert [reader.text(t.value) for t in at.title] == ["Verhalen"]
    assert [pad for pad in files if pad.exists()] == []
