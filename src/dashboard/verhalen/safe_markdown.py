"""Story text is Markdown typed by volunteers: render it with no raw HTML and no dangerous links.

markdown-it-py with HTML switched off turns tags into text and refuses links whose scheme is
not http(s) or mailto; nh3 then cleans the result against an allow-list, so even a bug in one
layer cannot put script or a javascript:/data: URL on the page.

Nothing from outside is loaded: images are switched off (`![x](url)` stays text with a plain
link) and <img> is not on the allow-list, so a story cannot carry a tracking pixel that every
reader's browser fetches. Links stay links, because a story may point to a source: each opens in a
new tab with rel="noopener noreferrer nofollow" (no access to this page, no Referer that could
carry a share link's address, no search-engine credit), and nothing is fetched until it is clicked.
Only a story's body is Markdown; every other piece of user text is plain text (ui/tekst.py).
"""
from __future__ import annotations

from urllib.parse import urlparse

import nh3
from markdown_it import MarkdownIt

SCHEMES = {"http", "https", "mailto"}
TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "h3", "h4", "h5", "h6", "code", "pre", "hr"}


def _safe_link(url: str) -> bool:
    scheme = urlparse(url.strip()).scheme.lower()
    return scheme in SCHEMES or (scheme == "" and not url.strip().lower().startswith("//"))


_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")
_md.validateLink = _safe_link


def to_html(text: str) -> str:
    """Safe HTML for a story's Markdown; headings are demoted below the page's own."""
    html = _md.render(text or "")
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h4>").replace("</h2>", "</h4>")
    return nh3.clean(html, tags=TAGS, attributes={"a": {"href", "title"}}, url_schemes=SCHEMES,
                     link_rel="noopener noreferrer nofollow", set_tag_attribute_values={"a": {"target": "_blank"}})
