"""Delen (beheerder): share links read in Dutch time."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import update

from dashboard.db import open_database
from dashboard.models import DeelLink
from dashboard.toegang import share_links


@pytest.fixture
def database(app_env):
    db = open_database(f"sqlite:///{app_env}")
    yield db
    db.engine.dispose()


def captions(at) -> str:
    return "\n".join(caption.value for caption in at.caption)


def test_a_share_link_reads_in_dutch_time(app, database):
    info, _ = share_links.create(database, "Gemeenteraad", door="test")
    with database.session() as session:  # stored in UTC: 04:59 in summer, 05:59 in winter
        session.execute(update(DeelLink).where(DeelLink.id == info.id).values(
            aangemaakt=datetime(2026, 7, 1, 4, 59, tzinfo=timezone.utc),
            verloopt=datetime(2026, 12, 12, 5, 59, tzinfo=timezone.utc)))
    at = app.switch_page("pages/delen.py").run()
    assert not at.exception
    assert "Gemaakt 1 juli 2026 06:59 door test · verloopt 12 december 2026 06:59" in captions(at)
