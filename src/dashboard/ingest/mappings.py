"""Column mappings chosen on the page, remembered per header layout so the next export of the
same system imports without asking again."""
from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.models import Kolomkoppeling


def remembered(session: Session, layout: str) -> dict[str, str]:
    stored = session.scalar(select(Kolomkoppeling).where(Kolomkoppeling.indeling == layout))
    return json.loads(stored.koppeling) if stored else {}


def remember(session: Session, layout: str, mapping: dict[str, str]) -> None:
    stored = session.scalar(select(Kolomkoppeling).where(Kolomkoppeling.indeling == layout))
    if stored is None:
        session.add(Kolomkoppeling(indeling=layout, koppeling=json.dumps(mapping, sort_keys=True)))
    else:
        stored.koppeling = json.dumps(mapping, sort_keys=True)
