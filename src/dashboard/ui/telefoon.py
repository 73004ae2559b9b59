"""The app on a phone (390 px wide): what Streamlit's own layout leaves to us, in one place.

- The sidebar. Streamlit closes it after a tap on a menu item only when the browser's user agent
  says "mobile" (1.67, SidebarNav); a narrow window that does not say so (a tablet, a small browser
  window, the phone emulation people test with) kept the menu open over the page. No setting
  exists, so a small script collapses it, after a tap on a menu item, on a narrow screen only, and
  only when it is still open (so it never reopens what Streamlit closed itself).
- Headings wrap between words, never inside one ("Samenwerkingsm/onitor"): on a phone the titles
  (also a heading inside a Markdown body, such as an opgave card's name) get a size at which the
  longest Dutch word of a title fits the width.
- Plotly's toolbar, drawn over a chart's title, is left out on a phone (a finger does not hover).
- Links (an afspraak in the list) and their labels wrap instead of being cut off with "…".
The deck (ui/presentatie.py) fits its own slides. The rules and the script go out with the app's
own (ui/chrome.py `dress`).
"""
from __future__ import annotations

PHONE = "(max-width: 767.98px)"  # Streamlit's own breakpoint: below it the sidebar lies over the page

# Headings of st.title/st.header/st.subheader and those inside a Markdown body (a card's name) alike.
_H = {n: f'[data-testid="stHeading"] h{n}, [data-testid="stMarkdownContainer"] h{n}' for n in (1, 2, 3)}
CSS = f"""{_H[1]}, {_H[2]}, {_H[3]} {{
  overflow-wrap: normal; word-break: normal; }}
[data-testid="stPageLink"] p, [data-testid="stPageLink"] span {{
  white-space: normal; overflow: visible; text-overflow: clip; }}
@media {PHONE} {{
  {_H[1]} {{ font-size: 1.75rem; }}
  {_H[2]} {{ font-size: 1.4rem; }}
  {_H[3]} {{ font-size: 1.2rem; }}
  .modebar-container {{ display: none !important; }}
}}
"""

SCRIPT = f"""<script>
(() => {{
  if (window.tvSidebarSluit) return;
  window.tvSidebarSluit = true;
  document.addEventListener("click", event => {{
    if (!window.matchMedia("{PHONE}").matches) return;
    if (!event.target.closest('[data-testid="stSidebarNav"] a')) return;
    setTimeout(() => {{
      const open = document.querySelector('[data-testid="stSidebar"][data-collapsed="false"]');
      const knop = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (open && knop) knop.click();
    }}, 300);
  }}, true);
}})();
</script>"""

