"""The stored files of a photo or video, and their removal once the change that drops them is committed.

A media item can own several files: the photo or video itself, a video's poster and captions,
and the signed consent forms of its register (in their own folder). Every path that deletes an
item or replaces one of its files asks `paden` where they are and hands them to `na_commit`, so
none is left in the media folder. The files go only when the transaction commits: a delete that
is rolled back keeps the files its rows still name.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from dashboard.models import Media
from dashboard.verhalen import media


def bestanden(item: Media) -> list[str]:
    """Every stored file name of this item: file, poster, captions and signed consent forms."""
    namen = [item.bestand, item.poster, item.ondertitels] + [t.formulier for t in item.toestemmingen]
    return [naam for naam in namen if naam]


def paden(item: Media, media_dir: Path, formulieren: bool = True) -> list[Path]:
    """Where this item's files are: its own in media_dir, its signed forms (unless `formulieren` is
    False: a purge keeps them as proof) in their folder. Only names the store could have made."""
    found = [media.path(naam, media_dir) for naam in (item.bestand, item.poster, item.ondertitels)]
    if formulieren:
        found += [media.form_path(t.formulier, media_dir) for t in item.toestemmingen]
    return [pad for pad in found if pad is not None]


def na_commit(session: Session, paths: list[Path]) -> None:
    """Remove these stored files when the session's transaction commits."""
    if not paths:
        return

    @event.listens_for(session, "after_commit", once=True)
    def remove(_session: Session) -> None:
        for path in paths:
            path.unlink(missing_ok=True)
