"""Up the gebied hierarchy: a figure not stored for a gebied is computed from the level below.

Land from its provincies, a provincie from its gemeenten, a gemeente from its wijken, each by the
indicator's own rule and in SQL, so a national data set never travels into Python whole:
`som` and `laatste` add up (the homes of a provincie are its gemeenten's homes together);
`gemiddelde` is weighted by the catalogue's weight indicator where it names one (a share of
social housing weighted by the number of homes), else a plain mean; and the figure says how it
was made, so a tile can tell the reader.
"""
from __future__ import annotations

from sqlalchemy import and_, case, func, literal_column, select
from sqlalchemy.orm import Session, aliased

from dashboard import formatting
from dashboard.models import Gebied, Indicator, Observatie, Partij

LEVELS = ("land", "provincie", "gemeente", "wijk", "buurt")
PLURAL = {"provincie": "provincies", "gemeente": "gemeenten", "wijk": "wijken", "buurt": "buurten"}
MAX_DEPTH = len(LEVELS) - 1
# The queries' aliases, made once: an alias of a table with foreign keys copies each column and
# registers an event per key (1.5-2.5 ms for observaties), which every new view paid again.
_CHILD, _WEIGHT_OF = aliased(Gebied, name="kind"), aliased(Indicator, name="gewicht")
_WEIGHT = aliased(Observatie, name="weging")
_UP = [aliased(Gebied, name=f"boven{i}") for i in range(MAX_DEPTH)]  # one per level above the children
_COUNT = [aliased(Gebied, name=f"tel{i}") for i in range(MAX_DEPTH + 1)]


def level_below(niveau: str) -> str | None:
    at = LEVELS.index(niveau)
    return LEVELS[at + 1] if at + 1 < len(LEVELS) else None


def _note(aggregatie: str, children: int, weighted: int, niveau: str, weight_name: str | None, of: int) -> str:
    what = formatting.count(children, niveau, PLURAL.get(niveau, niveau))
    if of > children:  # honest about what is missing: the others have no figure
        what = f"{children} van de {of} {PLURAL.get(niveau, niveau)}"
    if aggregatie != "gemiddelde":
        return f"berekend: opgeteld uit {what}"
    if weighted:
        return f"berekend: gemiddelde van {what}, gewogen naar {weight_name.lower()}"
    return f"berekend: gemiddelde van {what}, niet gewogen"


def voorlopig(model):
    """1 where any value of the group carries CBS's voorlopig mark; targets never do."""
    return func.max(case((model.voorlopig.is_(True), 1), else_=0)) if model is Observatie else literal_column("0")


def aggregate(session: Session, model, keys: list[str], codes: list[str], partij: str | None, soorten,
              van: int, tot: int, depth: int) -> list[tuple]:
    """Values for `codes` computed from the gebieden exactly `depth` levels below them.

    One row per indicator x gebied x periode: (sleutel, aggregatie, code, periode, jaar, soort,
    volgnummer, waarde, note, children, niveau, voorlopig): how many children gave a value, and their
    level (dekking.py judges whether that is all of them); voorlopig when any child's value is. Each child first gets its own value the way a stored one is read
    (a stored total wins over the parties added up); those are then combined by the rule. For
    all parties together the stored totals are read first, through the key index; the parties'
    own rows only where some child has no total.
    """
    if partij is None:
        rows = _aggregate(session, model, keys, codes, None, soorten, van, tot, depth, totals_only=True)
        if rows and all(row[9] == row[11] for row in rows):
            return [(*row[:11], row[12]) for row in rows]
    return [(*row[:11], row[12]) for row in _aggregate(session, model, keys, codes, partij, soorten, van, tot, depth)]


def _aggregate(session: Session, model, keys: list[str], codes: list[str], partij: str | None, soorten,
               van: int, tot: int, depth: int, totals_only: bool = False) -> list[tuple]:
    stored_total = func.max(case((model.partij_id.is_(None), model.waarde)))
    party_sum = func.sum(case((model.partij_id.is_not(None), model.waarde)))
    party_avg = func.avg(case((model.partij_id.is_not(None), model.waarde)))
    across = case((Indicator.aggregatie == "gemiddelde", party_avg), else_=party_sum)
    children = below(session, codes, depth)
    if not children:
        return []
    per_child = (
        select(model.indicator_id, model.gebied_id, model.periode, model.jaar, model.periode_soort,
               model.volgnummer, func.coalesce(stored_total, across).label("waarde"), voorlopig(model).label("voorlopig"))
        .join(Indicator, model.indicator_id == Indicator.id)
        .where(Indicator.sleutel.in_(keys), model.gebied_id.in_(children),  # the key index's prefix
               model.periode_soort.in_(soorten), model.jaar.between(van, tot))
    )
    if totals_only:  # the index's own expression, literally, so SQLite reads only the totals
        zero = literal_column("0")
        per_child = per_child.where(func.coalesce(model.partij_id, zero) == zero)
    if partij:
        per_child = per_child.join(Partij, model.partij_id == Partij.id).where(Partij.naam == partij)
    per_child = per_child.group_by(model.indicator_id, Indicator.aggregatie, model.gebied_id, model.periode, model.jaar,
                                   model.periode_soort, model.volgnummer).subquery()

    child, chain, weight_of, weight = _CHILD, _UP[:depth], _WEIGHT_OF, _WEIGHT  # chain[-1]: the gebied asked for
    value, w = per_child.c.waarde, weight.waarde
    weighted_sum = func.sum(case((w.is_not(None), value * w)))
    weight_sum = func.sum(case((and_(w.is_not(None), value.is_not(None)), w)))
    combined = case(
        (Indicator.aggregatie != "gemiddelde", func.sum(value)),
        (func.count(w) > 0, weighted_sum / weight_sum),
        else_=func.avg(value))
    query = (
        select(Indicator.sleutel, Indicator.aggregatie, chain[-1].code, per_child.c.periode, per_child.c.jaar,
               per_child.c.periode_soort, per_child.c.volgnummer, combined, func.count(value), func.count(w),
               func.min(child.niveau), func.min(weight_of.naam), func.max(per_child.c.voorlopig))
        .select_from(per_child)
        .join(Indicator, per_child.c.indicator_id == Indicator.id)
        .join(child, per_child.c.gebied_id == child.id)
        .outerjoin(weight_of, weight_of.sleutel == Indicator.gewicht)
        .outerjoin(weight, and_(weight.indicator_id == weight_of.id, weight.gebied_id == per_child.c.gebied_id,
                                weight.jaar == per_child.c.jaar, weight.periode_soort == "jaar",
                                weight.partij_id.is_(None)))
    )
    lower = child
    for upper in chain:
        query = query.join(upper, lower.ouder_id == upper.id)
        lower = upper
    query = query.group_by(Indicator.sleutel, Indicator.aggregatie, chain[-1].code, per_child.c.periode,
                           per_child.c.jaar, per_child.c.periode_soort, per_child.c.volgnummer)
    rows = [row for row in session.execute(query) if row[7] is not None]
    sizes = _sizes(session, sorted({row[2] for row in rows}), depth)
    return [(*row[:7], row[7], _note(row[1], row[8], row[9], row[10], row[11], sizes.get(row[2], 0)),
             row[8], row[10], sizes.get(row[2], 0), bool(row[12])) for row in rows]


def below(session: Session, codes: list[str], depth: int) -> list[int]:
    """The ids of the gebieden exactly `depth` levels below `codes`, a level at a time (each query
    follows the parent index), so the value query can use the key index's (indicator, gebied) prefix."""
    ids = list(session.scalars(select(Gebied.id).where(Gebied.code.in_(codes))))
    for _ in range(depth):
        if not ids:
            break
        ids = list(session.scalars(select(Gebied.id).where(Gebied.ouder_id.in_(ids))))
    return ids


def _sizes(session: Session, codes: list[str], depth: int) -> dict[str, int]:
    """How many gebieden lie exactly `depth` levels below each of `codes`."""
    if not codes:
        return {}
    chain = _COUNT[:depth + 1]
    query = select(chain[-1].code, func.count(chain[0].id)).select_from(chain[0])
    for lower, upper in zip(chain, chain[1:]):
        query = query.join(upper, lower.ouder_id == upper.id)
    return dict(session.execute(query.where(chain[-1].code.in_(codes)).group_by(chain[-1].code)).all())
