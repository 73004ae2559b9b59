"""A dashboard view to and from the URL query string, so a view can be bookmarked and shared.

Query values are untrusted: anything unknown falls back to the default, with a Dutch notice
naming the filter (not echoing the raw value, which could be anything).
"""
from __future__ import annotations

from dataclasses import replace

from dashboard.queries import SOORTEN, Options, View
from dashboard.toegang import scope as scopes

ALLE_GROEPEN = "alle"
LABELS = {"gebied": "gebied", "indicator": "indicator", "partij": "partij", "soort": "periode",
          "van": "beginjaar", "tot": "eindjaar", "groep": "indicatorgroep"}


def _year(text: str, jaren: list[int]) -> int | None:
    return int(text) if text.isdigit() and len(text) == 4 and int(text) in jaren else None


def from_params(params: dict[str, str], options: Options) -> tuple[View, list[str]]:
    """The view the query string asks for, and a notice for each value that was not usable."""
    view = options.default_view()
    notices = []
    known = {
        "gebied": options.namen,
        "indicator": options.per_groep[None],
        "partij": set(options.partijen["naam"]),
        "soort": set(SOORTEN),
        "groep": set(options.categorieen) | {ALLE_GROEPEN},
    }
    changes = {}
    for name, value in params.items():
        if name not in LABELS:
            continue
        value = str(value)[:200]
        if name in ("van", "tot"):
            year = _year(value, options.jaren)
            if year is None:
                notices.append(f"De link bevat een onbruikbaar {LABELS[name]}; de standaard is gebruikt.")
            else:
                changes[name] = year
        elif name == "groep" and value in known[name]:
            changes["categorie"] = None if value == ALLE_GROEPEN else value
        elif value in known[name]:
            changes[name] = value
        else:
            notices.append(f"De link bevat een onbekend(e) {LABELS[name]}; de standaard is gebruikt.")
    view = replace(view, **changes)
    if view.van > view.tot:
        view = replace(view, van=view.tot)
        notices.append("Het beginjaar lag na het eindjaar; beide zijn gelijkgezet.")
    in_group = options.per_groep.get(view.categorie) if view.categorie else None
    if in_group and view.indicator not in in_group:
        view = replace(view, indicator=next(iter(in_group)))  # the group's first, in the catalogue's order
    return view, notices


def to_params(view: View, options: Options) -> dict[str, str]:
    """Only what differs from the default, so shared links stay short."""
    default = options.default_view()
    params = {"gebied": view.gebied, "indicator": view.indicator, "partij": view.partij or "",
              "soort": view.soort, "van": str(view.van), "tot": str(view.tot), "groep": view.categorie or ALLE_GROEPEN}
    defaults = {"gebied": default.gebied, "indicator": default.indicator, "partij": "", "soort": "jaar",
                "van": str(default.van), "tot": str(default.tot), "groep": default.categorie or ALLE_GROEPEN}
    return {k: v for k, v in params.items() if v != defaults[k]}


def within(options: Options, gebied: str | None) -> Options:
    """Options narrowed to one gebied and the areas inside it (a share link's limit, toegang/scope.py); None: all."""
    if not gebied:
        return options
    limit = scopes.of(options.ouders, gebied)
    frame = options.gebieden
    return replace(options, gebieden=frame[[limit.shows(code) for code in frame["code"].tolist()]].reset_index(drop=True))
