"""Story text: Markdown in, HTML out without script, raw HTML, or javascript:/data: links."""
import re

import pytest

from dashboard.verhalen.safe_markdown import TAGS, to_html


def test_markdown_is_rendered():
    html = to_html("Een **vet** woord en een [link](https://example.org).\n\n- een\n- twee")
    assert "<strong>vet</strong>" in html and '<a href="https://example.org"' in html and "<li>twee</li>" in html


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox)",
    "![plaatje](javascript:alert(1))",
])
def test_no_raw_html_and_no_dangerous_links(text):
    html = to_html(text).lower()
    assert set(re.findall(r"</?([a-z0-9]+)", html)) <= TAGS  # script and img stay text: &lt;script&gt;
    assert "<script" not in html and "<img" not in html
    links = re.findall(r'<a [^>]*href="([^"]*)"', html)  # real links only, not escaped text
    assert not [link for link in links if link.split(":")[0] in ("javascript", "data", "vbscript")]
