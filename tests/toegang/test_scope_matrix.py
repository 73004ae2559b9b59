"""A share link's scope everywhere (toegang/scope.py): every page, slide, download and export against
every kind of link: all pages or a few, the whole gemeente or one wijk, downloads or not.

The core first: the functions that make a page's stories, a deck's slides, its PPTX and PDF, the
dashboard's comparisons and the explorer's points, given the link's gebied. Then the pages under
AppTest, opened through real share links: a link for wijk A never shows a verhaal, quote, photo,
video or figure of wijk B, however it is reached.
"""
from __future__ import annotations

import hashlib
import html
import io
import re
from pathlib import Path

import pytest
import reader
from pptx import Presentation
from pypdf import PdfReader
from sqlalchemy import select, update
from streamlit.runtime.memory_media_file_storage import _calculate_file_id
from streamlit.testing.v1 import AppTest

from dashboard import afspraken, queries, site
from dashboard.models import Afspraak, Gebied
from dashboard.toegang import access, scope, share_links
from dashboard.ui import reads
from dashboard.vergadering import agenda, deck, export
from dashboard.verhalen import verhalen
from dashboard.verkennen import punten
from dashboard.verkennen.keuze import WIJKEN, Keuze

ROOT = Path(__file__).resolve().parents[2]
GEMEENTE, WIJK, ANDERE_WIJK = "GM9901", "WK990102", "WK990104"  # Denkbeeldstad, Havenkwartier, Molenkamp
GEBIEDEN = [None, GEMEENTE, WIJK]


def inside(gebied: str | None, code: str) -> bool:
    """The rule, written out for the demo's two levels: everything, every wijk of the gemeente, or that wijk."""
    return gebied is None or (bool(code) and (gebied == GEMEENTE or code == gebied))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


# ---------------------------------------------------------------- the rule itself

TREE = {"NL01": None, "PV26": "NL01", "GM0344": "PV26", "WK034401": "GM0344", "BU03440101": "WK034401",
        "WK034402": "GM0344", "GM0345": "PV26"}


@pytest.mark.parametrize("gebied, shown", [
    (None, set(TREE) | {"", "XX"}),
    ("NL01", set(TREE)),
    ("PV26", set(TREE) - {"NL01"}),
    ("GM0344", {"GM0344", "WK034401", "BU03440101", "WK034402"}),
    ("WK034401", {"WK034401", "BU03440101"}),
])
def test_the_rule_walks_up_the_tree_at_every_level(gebied, shown):
    limit = scope.of(TREE, gebied)
    assert {code for code in set(TREE) | {"", "XX"} if limit.shows(code)} == shown


def test_an_afspraak_figure_may_be_of_the_whole_the_gebied_lies_in_but_never_of_one_beside_it():
    limit = scope.of(TREE, "WK034401")
    assert limit.shows_figure("GM0344") and limit.shows_figure("NL01") and limit.shows_figure("BU03440101")
    assert not limit.shows_figure("WK034402") and not limit.shows_figure("GM0345") and not limit.shows_figure(None)
    assert scope.of({"A": "B", "B": "A"}, "C").shows("A") is False  # a broken tree ends, and shows nothing


# ---------------------------------------------------------------- the core, per gebied

@pytest.fixture
def alle(demo_db) -> list[verhalen.VerhaalInfo]:
    with demo_db.make_session() as session:
        return verhalen.gallery(session)


def test_the_demo_has_stories_inside_and_outside_the_wijk(alle):
    assert {s.gebied for s in alle} > {WIJK} and [s for s in alle if s.gebied == WIJK]


@pytest.mark.parametrize("gebied", GEBIEDEN)
def test_stories_their_map_and_the_wijk_filter_keep_to_the_gebied(demo_db, alle, gebied):
    expected = {s.id for s in alle if inside(gebied, s.gebied)}
    with demo_db.make_session() as session:
        assert {s.id for s in verhalen.gallery(session, scope=gebied)} == expected
        assert {s.id for s in verhalen.newest(session, 100, scope=gebied)} == expected
        assert {s.id for s in alle if verhalen.detail(session, s.id, scope=gebied)} == expected
        told = {s.id for a in afspraken.overview(session)["id"].unique().tolist()
                for s in verhalen.for_afspraak(session, int(a), scope=gebied)}
        assert told == {s.id for s in alle if s.afspraken and s.id in expected}
        points = verhalen.map_points(session, verhalen.gallery(session, scope=gebied))
        assert set(points["id"]) <= expected
        wijken = verhalen.wijken(session, scope=gebied)
    assert set(wijken.index) == ({WIJK} if gebied == WIJK else {f"WK99010{n}" for n in range(1, 9)})


def _media(stories, others=()) -> tuple[set[str], set[str], set[str]]:
    """Files, alt texts and quotes of these stories (an alt text the `others` share is no sign)."""
    files = {m.bestand for s in stories for m in s.media if m.bestand}
    alts = {m.alt_tekst for s in stories for m in s.media if m.alt_tekst} - {m.alt_tekst for s in others for m in s.media}
    return files, alts, {flat(s.citaat) for s in stories if s.citaat}


def _slide_texts(built: deck.Deck) -> str:
    return " ".join(flat(" ".join([d.titel, d.ondertitel, d.citaat, d.citaat_van, d.notities, d.gevraagd,
                                   *(r.tekst for r in d.regels)])) for d in built.dias)


@pytest.mark.parametrize("gebied", GEBIEDEN)
def test_the_deck_its_pptx_and_its_pdf_carry_no_photo_or_quote_from_outside(demo_db, demo_db_path, alle, gebied):
    media_dir = demo_db_path.parent / "media"
    outside = [s for s in alle if not inside(gebied, s.gebied)]
    within = [s for s in alle if inside(gebied, s.gebied)]
    files, alts, quotes = _media(outside, within)
    digest = lambda f: hashlib.sha256((media_dir / f).read_bytes()).hexdigest()  # noqa: E731
    # the demo draws some stories with the same illustration: bytes an inside story has too are no sign
    outside_bytes = {digest(f) for f in files if f.endswith(".jpg")} - {digest(f) for f in _media(within)[0]}
    seen_photos = set()
    with demo_db.make_session() as session:
        vergaderingen = [v.id for v in agenda.list_vergaderingen(session)]
        decks = [deck.build(session, v, scope=gebied) for v in vergaderingen]
    assert vergaderingen
    for built in decks:
        photos = {d.foto.bestand for d in built.dias if d.foto}
        seen_photos |= photos
        assert not photos & files and not {d.foto.alt for d in built.dias if d.foto} & alts
        said = _slide_texts(built)
        assert not [q for q in quotes if q in said], gebied
        slides = Presentation(io.BytesIO(export.pptx_bytes(built, media_dir, images={}))).slides
        pictures = [shape for s in slides for shape in s.shapes if shape.shape_type == 13]
        assert not {hashlib.sha256(p.image.blob).hexdigest() for p in pictures} & outside_bytes
        assert not {p._element.nvPicPr.cNvPr.get("descr") for p in pictures} & alts
        pptx_text = flat(" ".join(shape.text_frame.text for s in slides for shape in s.shapes if shape.has_text_frame))
        pdf_text = flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(
            export.pdf_bytes(built, media_dir, images={}))).pages))
        for quote in quotes:
            assert quote[:60] not in pptx_text and quote[:60] not in flat(pdf_text), (gebied, quote)
    if gebied is None:  # the demo's decks do show other wijken's photos to everyone else: the test can fail
        assert seen_photos & {m.bestand for s in alle if s.gebied != WIJK for m in s.media if m.bestand}


def _tie(db, nummer: str, code: str) -> int:
    """Count afspraak `nummer` in gebied `code` (as a redacteur can), its id."""
    with db.session() as session:
        afspraak_id = session.scalar(select(Afspraak.id).where(Afspraak.nummer == nummer))
        gebied_id = session.scalar(select(Gebied.id).where(Gebied.code == code))
        session.execute(update(Afspraak).where(Afspraak.id == afspraak_id).values(gebied_id=gebied_id))
    return afspraak_id


@pytest.mark.parametrize("gebied, shown", [(None, True), (GEMEENTE, True), (ANDERE_WIJK, True), (WIJK, False)])
def test_an_afspraak_counted_in_another_wijk_shows_its_figures_to_no_link_of_this_one(demo_db, gebied, shown):
    afspraak_id = _tie(demo_db, "2.1", ANDERE_WIJK)  # Molenkamp has the demo's new homes per year
    with demo_db.make_session() as session:
        everyone = afspraken.figures(session, afspraak_id)
        cijfer = afspraken.figures(session, afspraak_id, scope=gebied)
        assert everyone is not None and not everyone.reeks.empty
        assert (cijfer is not None) is shown and (not shown or cijfer.kop == everyone.kop)
        assert (afspraak_id in afspraken.trajecten(session, scope=gebied)) is (shown and afspraak_id in afspraken.trajecten(session))
        punt = next(v for v in agenda.list_vergaderingen(session))
        built = deck.build(session, punt.id, scope=gebied)
    slide = next(d for d in built.dias if d.soort == "agendapunt" and d.titel.startswith("2.1"))
    assert bool(slide.kerncijfer.reeks) is shown


@pytest.mark.parametrize("gebied", [None, GEMEENTE, WIJK])
def test_an_afspraak_counted_for_the_gemeente_shows_its_figures_to_every_link(demo_db, gebied):
    """The gemeente's figure is the whole a wijk lies in, not another wijk's (toegang/scope.py)."""
    with demo_db.make_session() as session:
        afspraak_id = int(afspraken.overview(session).set_index("nummer").loc["2.1", "id"])
        cijfer = afspraken.figures(session, afspraak_id, scope=gebied)
    assert cijfer is not None and not cijfer.reeks.empty and cijfer.afgeleid is not None


@pytest.mark.parametrize("gebied", GEBIEDEN)
def test_dashboard_comparisons_maps_and_empty_tiles_keep_to_the_gebied(demo_db, gebied):
    with demo_db.make_session() as session:
        options = queries.options(session)
        view = queries.View(gebied=WIJK, indicator="aandeel_sociale_huur", van=options.jaren[0], tot=options.jaren[-1])
        naast = queries.beside(session, WIJK, scope=gebied)
        vergeleken = queries.compare_beside(session, view, scope=gebied)
        # an empty tile says where figures are: only a gebied within the link's may be named
        names = {code: naam for code, naam in session.execute(select(Gebied.code, Gebied.naam))}
        lines = queries.where_figures(session, ["aandeel_sociale_huur"], queries.View(
            gebied="WK000000", indicator="aandeel_sociale_huur", van=1990, tot=1991), scope=gebied)
    assert set(naast["code"]) == {c for c in names if c.startswith("WK") and inside(gebied, c)}
    assert not vergeleken.empty and set(vergeleken["gebied"]) <= set(naast["code"])
    named = [naam for code, naam in names.items() if naam in " ".join(lines)]
    assert named and all(inside(gebied, code) for code, naam in names.items() if naam in named)


@pytest.mark.parametrize("gebied", GEBIEDEN)
def test_the_explorer_sets_side_by_side_only_the_gebieden_within(demo_db, gebied):
    with demo_db.make_session() as session:
        options = queries.options(session)
        verkenning = punten.verken(session, Keuze(x="aandeel_sociale_huur", y="betaalrisico", jaar=options.jaren[-1],
                                                  binnen=WIJKEN, scope=gebied))
    assert not verkenning.punten.empty and all(inside(gebied, c) for c in verkenning.punten["code"])


# ---------------------------------------------------------------- every page, through a real share link

PAGES = {page.key: page for page in site.PAGES}
FEW = ("verhalen", "presentatie")  # a link without the Kompas: it lands on Verhalen
DOWNLOADS_ON = ("dashboard", "verkennen", "presentatie")  # the pages that offer downloads


def _outside(database, media_dir: Path, gebied: str | None) -> dict[str, set[str]]:
    """What no page may show to a link of `gebied`: titles, quotes, alt texts and captions, media ids."""
    with database.make_session() as session:
        alle = verhalen.gallery(session)
    buiten = [s for s in alle if not inside(gebied, s.gebied)]
    binnen = [s for s in alle if inside(gebied, s.gebied)]

    def ids(stories) -> set[str]:  # Streamlit's media id of each file, as a photo or as a video
        return {_calculate_file_id((media_dir / m.bestand).read_bytes(), kind) for s in stories for m in s.media
                if m.bestand for kind in ("image/jpeg", "video/mp4", "video/webm")}

    files, alts, quotes = _media(buiten, binnen)
    return {"titels": {flat(s.titel) for s in buiten}, "citaten": quotes, "alt": alts, "media": ids(buiten) - ids(binnen),
            "bijschriften": {flat(m.bijschrift) for s in buiten for m in s.media if len(m.bijschrift) > 25}}


def _shown(at: AppTest) -> tuple[str, set[str], set[str]]:
    """Every word on the screen (Markdown unescaped, HTML unescaped), the alt texts, the media ids."""
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "html", "info", "warning",
                 "success", "error"):
        texts += [html.unescape(reader.text(e.value)) for e in getattr(at, kind)]
    texts += [reader.text(e.proto.label) for e in at.get("page_link")]
    texts += [str(frame.value.to_dict()) for frame in at.dataframe]
    images = [img for element in at.image for img in element.proto.imgs]
    texts += [img.caption for img in images]
    urls = [img.url for img in images] + [v.proto.url for v in at.get("video")]
    ids = {url.rsplit("/", 1)[-1].split(".")[0] for url in urls}
    return flat(" ".join(texts)), {img.alt for img in images}, ids


def _assert_nothing_outside(at: AppTest, outside: dict[str, set[str]], where: str) -> None:
    assert not at.exception, where
    text, alts, ids = _shown(at)
    for kind in ("titels", "citaten", "bijschriften"):
        leaked = [t for t in outside[kind] if t and t[:60] in text]
        assert not leaked, (where, kind, leaked)
    assert not alts & outside["alt"], where
    assert not ids & outside["media"], where


def _link_app(database, **link) -> AppTest:
    _, token = share_links.create(database, "raad", door="test", **link)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["deel"] = token
    return at.run()


def _downloads(at: AppTest) -> list:
    return list(at.get("download_button"))


@pytest.mark.parametrize("downloads", [True, False], ids=["downloads", "geen-downloads"])
@pytest.mark.parametrize("gebied", GEBIEDEN, ids=["alles", "gemeente", "wijk"])
@pytest.mark.parametrize("paginas", ["alle", "enkele"])
def test_every_page_of_every_kind_of_link_keeps_to_its_scope(database, app_env, monkeypatch, paginas, gebied, downloads):
    decks = []  # the deck every presentation and every PPTX/PDF download is made from: built for the link's gebied
    build = reads.deck.build
    monkeypatch.setattr(reads.deck, "build", lambda *a, **k: decks.append(k.get("scope", "ontbreekt")) or build(*a, **k))
    pages = share_links.SHAREABLE_PAGES if paginas == "alle" else FEW
    outside = _outside(database, app_env.parent / "media", gebied)
    at = _link_app(database, pages=list(pages), gebied=gebied, downloads=downloads)
    who = access.Visitor("raad", "lezer", share_pages=frozenset(pages), share_gebied=gebied, share_downloads=downloads)
    assert [t.value for t in at.title][:1] == ["Tellen & Vertellen" if "kompas" in pages else "Verhalen"]
    for key in share_links.SHAREABLE_PAGES:
        page = PAGES[key]
        if key not in pages:  # its address shows the refusal (by URL: test_refused_pages_server.py)
            assert not access.may_open(who, key)
            try:
                at.switch_page(page.script)
            except ValueError:  # AppTest reaches a page by its script, and this one is only a refusal
                continue
            at.run()
            _assert_nothing_outside(at, outside, key)
            assert not at.title and not at.dataframe and not at.image, key
            continue
        at.switch_page(page.script).run()
        _assert_nothing_outside(at, outside, key)
        shows_a_download = key == "presentatie" or (key in DOWNLOADS_ON and at.dataframe)  # a table, or the decks
        if not downloads:
            assert not _downloads(at), key
        elif shows_a_download and export.missing() is None:
            assert _downloads(at), key
    if "presentatie" in pages and downloads:
        assert decks and set(decks) == {gebied}


def test_every_slide_of_every_deck_keeps_to_a_wijk_link(database, app_env):
    """Three of the demo's slides show another wijk's quote and photo to everyone else; not to this link."""
    outside = _outside(database, app_env.parent / "media", WIJK)
    with database.make_session() as session:
        totals = {v.id: len(deck.build(session, v.id, scope=WIJK).dias) for v in agenda.list_vergaderingen(session)}
    at = _link_app(database, pages=["presentatie"], gebied=WIJK)
    for vergadering, total in totals.items():
        for dia in range(1, total + 1):
            at.query_params.update({"vergadering": str(vergadering), "dia": str(dia)})
            at.switch_page("pages/presentatie.py").run()
            _assert_nothing_outside(at, outside, f"vergadering {vergadering} dia {dia}")


def test_a_story_of_another_wijk_asked_by_its_address_is_not_there(database, app_env):
    with database.make_session() as session:
        buiten = next(s for s in verhalen.gallery(session) if s.gebied != WIJK and s.media)
    outside = _outside(database, app_env.parent / "media", WIJK)
    at = _link_app(database, pages=list(share_links.SHAREABLE_PAGES), gebied=WIJK)
    at.query_params["verhaal"] = str(buiten.id)
    at.switch_page("pages/verhalen.py").run()
    _assert_nothing_outside(at, outside, "verhaal")
    assert "bestaat niet" in at.warning[0].value
