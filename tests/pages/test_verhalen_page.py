"""The story page for an editor: a wrong captions file is named by its line, and deleting the story takes its files."""
from __future__ import annotations

import reader

from dashboard.db import open_database
from dashboard.models import Verhaal
from dashboard.verhalen import opruimen, verhalen


def test_an_editor_learns_which_caption_line_is_wrong_and_deletes_the_story_with_its_files(app_as, app_env):
    with open_database(f"sqlite:///{app_env}").make_session() as session:
        verhaal = next(v for v in verhalen.gallery(session) if any(m.soort == "video" for m in v.media))
        files = [naam for item in session.get(Verhaal, verhaal.id).media for naam in opruimen.bestanden(item)]
    media_dir = app_env.parent / "media"
    assert files and all((media_dir / naam).exists() for naam in files)
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
    assert [naam for naam in files if (media_dir / naam).exists()] == []
