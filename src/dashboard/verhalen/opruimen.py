"""The stored files of a photo or video, and their removal once the change that drops them is committed.

A media item can own several files: the photo or video itself, a video's poster and captions,
and the signed consent forms of its register. Every path that deletes an item or replaces one of
its files asks `bestanden` what there is and hands the names to `na_commit`, so none is left in
the media folder. The files go only when the transaction commits: a delete that is rolled back
keeps the files its rows still name.
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


def na_commit(session: Session, namen: list[str], media_dir: Path) -> None:
    """Remove these stored files from media_dir when the session's transaction commits."""
    if not namen:
        return

    @event.listens_for(session, "after_commit", once=True)
    def remove(_session: Session) -> None:
        for naam in namen:
            media.remove(naam, media_dir)
