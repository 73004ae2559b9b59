"""Story text is Markdown typed by volunteers: render it with no raw HTML and no dangerous links.

markdown-it-py with HTML switched off turns tags into text and refuses links whose scheme is
not http(s) or mailto; nh3 then cleans the result against an allow-list, so even a bug in one
layer cannot put script or a javascript:/data: URL on the page.
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
                     link_rel="noopener noreferrer nofollow")
