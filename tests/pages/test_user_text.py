"""User text is text (ui/tekst.py): a story's title, its verteller and quote, a voortgang's toelichting,
an afspraak's title, a partij's and a meeting's name reach every page as the characters typed. No
Markdown image (a tracking pixel), link, raw HTML or Streamlit directive in them is interpreted; only
a story's body is Markdown, made safe HTML without images (verhalen/safe_markdown.py)."""
from __future__ import annotations

import re

import hostile
import pytest
import reader
from streamlit.testing.v1 import AppTest

from dashboard import data_version
from dashboard.db import open_database
from dashboard.models import Verhaal
from dashboard.verhalen import verhalen

# what Streamlit would read as an image, a link, raw HTML or a directive of the planted texts: not escaped
INTERPRETED = re.compile(r"(?<!\\)!(?<!\\)\[|(?<!\\)\]\((?:http|/)|(?<!\\)<(?:img|b>)|(?<!\\):red(?<!\\)\[rood"
                         r"|(?<!\\):material(?<!\\)/home")


@pytest.fixture
def planted(app_env) -> hostile.Planted:
    db = open_database(f"sqlite:///{app_env}")
    yield hostile.plant(db)
    db.engine.dispose()


def bodies(at: AppTest) -> list[str]:
    """Every Markdown body and label of the screen: what Streamlit reads as Markdown."""
    found = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success",
                                  "error") for e in getattr(at, kind)]
    found += [e.proto.label for e in at.get("page_link")] + [e.label for e in at.expander]
    found += [img.caption for element in at.image for img in element.proto.imgs]
    found += [text for e in at.get("metric") for text in (e.proto.label, e.proto.help, e.proto.delta_description) if text]
    found += [e.proto.help for e in at.markdown if e.proto.help]
    return found


def assert_text_only(at: AppTest, *expected: str) -> None:
    assert not at.exception
    shown = bodies(at)
    assert not [body for body in shown if INTERPRETED.search(body)]
    assert not [h.value for h in at.html if "<img" in h.value.lower()]  # st.html: escaped, or safe Markdown
    words = "\n".join(reader.text(body) for body in shown) + "\n".join(t.value for t in at.text)
    for text in expected:  # the very characters typed
        assert " ".join(text.split()) in " ".join(words.split()), text


def test_the_kompas_shows_toelichting_title_and_partij_as_typed(app, planted):
    at = app.run()
    assert_text_only(at, hostile.TOELICHTING, hostile.TITEL, hostile.PARTIJ)
    assert not [i for e in at.image for i in e.proto.imgs if hostile.HOST in i.url]


def test_a_story_shows_its_title_verteller_and_quote_as_typed_and_its_body_without_images(app, planted):
    app.query_params["verhaal"] = str(planted.verhaal_id)
    at = app.switch_page("pages/verhalen.py").run()
    assert_text_only(at, hostile.TITEL, hostile.VERTELLER, hostile.CITAAT)
    body = next(h.value for h in at.html if "Een verhaal met" in h.value)
    assert "&lt;img" in body and 'rel="noopener noreferrer nofollow"' in body  # a link at most, never a picture
    at.query_params.clear()
    at.switch_page("pages/verhalen.py").run()
    assert_text_only(at, hostile.TITEL)


def test_an_afspraak_shows_its_title_toelichting_and_story_as_typed(app, planted):
    app.query_params["afspraak"] = str(planted.afspraak_id)
    at = app.switch_page("pages/afspraken.py").run()
    assert_text_only(at, hostile.AFSPRAAK, hostile.TOELICHTING, hostile.TITEL, hostile.PARTIJ)
    at.query_params.clear()
    at.switch_page("pages/afspraken.py").run()
    assert_text_only(at, hostile.AFSPRAAK)


def test_the_presentatie_list_and_every_slide_show_user_text_as_typed(app, planted, database):
    with database.session() as session:  # whichever story the deck picks for the afspraak quotes the hostile text
        for verhaal in verhalen.for_afspraak(session, planted.afspraak_id):
            session.get(Verhaal, verhaal.id).citaat = hostile.CITAAT
        data_version.bump(session)
    at = app.switch_page("pages/presentatie.py").run()
    assert_text_only(at, hostile.VERGADERING)
    at.query_params["vergadering"] = str(planted.vergadering_id)
    at.switch_page("pages/presentatie.py").run()
    total = int(next(m.value for m in at.markdown if m.value.startswith("Dia ")).split()[-1])
    slides = []
    for dia in range(1, total + 1):
        at.query_params["dia"] = str(dia)
        at.run()
        assert_text_only(at)
        slides += [h.value for h in at.html]
    # slides are HTML made by the app: the texts arrive escaped, tags and all
    assert any("![x](http://evil.invalid/titel.png)" not in s and "Kijk ![c]" in s.replace("&#x27;", "'") for s in slides)


def test_a_meeting_asked_for_by_a_crafted_address_is_named_as_text(app):
    app.query_params["vergadering"] = "![](//e.nl)"
    at = app.switch_page("pages/presentatie.py").run()
    assert_text_only(at, "Vergadering ![](//e.nl) bestaat niet")
