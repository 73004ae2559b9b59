"""A share link opened at a page's address, on a real server at the protocol level (the URL's path is
what a browser sends; AppTest switches pages by script and never asks by address).

Streamlit serves its default page at the root and no longer at its own path: a link without the
Kompas made its first page unreachable at its address, and /verhalen?verhaal=12 ended in the English
"Page not found". Every page of the link answers at its own address, the root moves on to the first
of them, and a page outside the link says in Dutch what the link does open (ui/navigation.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
import reader

from dashboard import site
from dashboard.db import open_database
from dashboard.testing.live_server import Server, copy_state, demo_folder
from dashboard.testing.protocol import open_one
from dashboard.toegang import access, share_links
from dashboard.verhalen import verhalen


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return demo_folder(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def server(demo, tmp_path):
    copy_state(demo, tmp_path / "server")
    started = Server(tmp_path / "server")
    yield started
    started.stop()


def _link(server: Server, *pages: str) -> tuple[str, access.Visitor]:
    database = open_database(f"sqlite:///{server.folder / 'dashboard.db'}")
    try:
        _, token = share_links.create(database, "raad", door="test", pages=list(pages))
        with database.make_session() as session:
            story = verhalen.gallery(session)[0]
    finally:
        database.engine.dispose()
    return token, story


def _words(seen) -> str:
    return "\n".join(reader.text(text) for text in seen.texts)


def test_a_link_without_the_kompas_opens_a_story_at_its_address_and_lands_on_its_first_page(server):
    token, story = _link(server, "verhalen", "presentatie")
    seen = open_one(server.url, "/verhalen", {"deel": token, "verhaal": str(story.id)})
    assert seen.failures == [] and seen.page_not_found == []
    assert seen.page == "verhalen" and story.titel in _words(seen)
    landed = open_one(server.url, "/", {"deel": token})  # the address the link itself has
    assert landed.failures == [] and landed.page_not_found == [] and landed.page == "verhalen"
    assert "Verhalen" in landed.headings
    presented = open_one(server.url, "/presentatie", {"deel": token})
    assert presented.failures == [] and presented.page == "presentatie" and "Presentatie" in presented.headings


@pytest.mark.parametrize("pages, asked", [
    (("kompas", "dashboard"), "verhalen"),  # the link has the Kompas, not this page
    (("dashboard", "presentatie"), "verhalen"),  # the link has neither
    (("verhalen",), "kompas"),  # the Kompas's own address, when the link leaves it out
])
def test_a_page_outside_the_link_says_so_in_dutch_with_the_pages_it_does_open(server, pages, asked):
    token, story = _link(server, *pages)
    path = "/kompas" if asked == "kompas" else f"/{asked}"
    seen = open_one(server.url, path, {"deel": token, "verhaal": str(story.id)})
    who = access.Visitor("raad", "lezer", share_pages=frozenset(pages))
    refused = next(page for page in site.PAGES if page.key == asked)
    assert seen.page_not_found == [] and seen.exceptions == [] and seen.status == "FINISHED_SUCCESSFULLY"
    assert site.refusal(who, refused) in seen.texts
    assert f"Deze deellink opent de pagina {refused.title} niet" in seen.texts[0]
    assert story.titel not in _words(seen)
