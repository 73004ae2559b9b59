"""What a visitor may see: the one rule for a share link's scope, asked by every page, slide,
download and export.

A share link narrows three things, each decided in one place:
- pages: `access.may_open` (the menu, and `site.pages_for`). Every page stays registered; one the
  link does not open says so in Dutch and links to the pages it does (ui/navigation.py).
- downloads: `access.may(visitor, "downloaden")`: the dashboard's CSV and Excel, the deck's PPTX
  and PDF. A link without downloads gets no download button anywhere.
- gebied: `Scope`, below. The core's reads take the link's gebied (`scope=visitor.share_gebied`,
  None for everybody else) and ask it; pages never filter by gebied themselves.

The gebied rule. A link for gebied G shows what belongs to G or to a gebied inside it (a
gemeente's wijken and their buurten, a provincie's gemeenten ...), found by walking up the gebied
tree, so it holds at every level and not only for codes that name their parent:
- a story (its text, quote, photos, videos, its point on the map, its photo and quote on a slide)
  only when its wijk lies within G. A story without a wijk belongs to no gebied: only a link
  without a gebied shows it;
- figures per gebied (the dashboard's tiles, table, comparisons and map, the explorer's points)
  only of gebieden within G;
- an afspraak's own figures (its indicator, counted in the afspraak's gebied or, without one, in
  the gemeente) when that gebied lies within G, or G lies within it: the gemeente's figure is the
  whole that G is part of, not another wijk's. An afspraak counted in a gebied beside G (another
  wijk) shows no figures to this link, on its page and on the slides.
The afspraken themselves, their voortgang, the besluiten and the samenwerkingsmonitor belong to no
gebied: every link that opens their page sees them.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from dashboard.models import Gebied


@dataclass(frozen=True)
class Scope:
    """A visitor's gebied limit: `gebied` None sees everything; `ouders` maps code -> parent code."""

    gebied: str | None = None
    ouders: Mapping[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def limited(self) -> bool:
        return bool(self.gebied)

    def _up(self, code: str) -> Iterator[str]:
        """`code`, its parent, its parent's parent ... (a broken tree cannot loop)."""
        seen = set()
        while code and code not in seen:
            yield code
            seen.add(code)
            code = self.ouders.get(code)

    def shows(self, code: str | None) -> bool:
        """Whether data of this gebied (a story's wijk, a figure's gebied) lies within the limit."""
        if not self.limited:
            return True
        return bool(code) and self.gebied in self._up(code)

    def shows_figure(self, code: str | None) -> bool:
        """Whether an afspraak's figure counted in this gebied may be shown: within the limit, or a
        gebied the limit lies in (the whole it is part of)."""
        if not self.limited:
            return True
        return bool(code) and (self.shows(code) or code in self._up(self.gebied))


EVERYTHING = Scope()


def of(ouders: Mapping[str, str | None], gebied: str | None) -> Scope:
    """The scope of a link's gebied over a tree the caller already has (the filters' options)."""
    return Scope(gebied, ouders) if gebied else EVERYTHING


def read(session: Session, gebied: str | None) -> Scope:
    """The scope of a link's gebied, with the gebied tree read from the database (only when limited,
    and once per session: a deck asks it for every agenda item)."""
    if not gebied:
        return EVERYTHING
    known = session.info.setdefault("tv_scopes", {})
    if gebied not in known:
        ouder = aliased(Gebied)
        rows = session.execute(select(Gebied.code, ouder.code).outerjoin(ouder, Gebied.ouder_id == ouder.id)).all()
        known[gebied] = Scope(gebied, {code: parent for code, parent in rows})
    return known[gebied]
