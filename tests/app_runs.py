"""The app as a new browser tab opens it under AppTest, and what its titles say (a plain module:
test files must not import conftest)."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


def fresh_app() -> AppTest:
    """A new tab: no session state, no login yet."""
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def titles(at: AppTest) -> list[str]:
    return [title.value for title in at.title]
