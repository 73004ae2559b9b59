"""The data version: one number that every committed import, undo and edit raises.

Read results that many sessions share are cached under this number (ui/reads.py). It is raised
inside the writing transaction, so it becomes visible together with the change it stands for,
in this process and in every other app process on the same database.
"""
from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dashboard.models import DataVersie


def current(session: Session) -> int:
    return session.scalar(select(DataVersie.versie).where(DataVersie.id == 1)) or 0


def bump(session: Session) -> None:
    """Call inside the transaction that changes what readers see."""
    session.execute(update(DataVersie).where(DataVersie.id == 1).values(versie=DataVersie.versie + 1))
