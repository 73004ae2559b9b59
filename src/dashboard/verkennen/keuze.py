"""What the explorer can show: which gebieden become points, and the choice itself."""
from __future__ import annotations

from dataclasses import dataclass

from dashboard.queries import Options

GEMEENTEN, WIJKEN = "gemeenten", "wijken"
# The pair the explorer opens with when the catalogue has them: does more social housing go with
# more households at risk of not making ends meet?
VOORKEUR = ("aandeel_sociale_huur", "betaalrisico")


@dataclass(frozen=True)
class Keuze:
    """Two indicators (and optionally a third for the point size) for one year.

    `binnen` is GEMEENTEN (every gemeente), WIJKEN (every wijk) or a gemeente's code (its wijken);
    `scope` is a share link's gebied: nothing outside it is shown.
    """

    x: str
    y: str
    jaar: int
    binnen: str = GEMEENTEN
    grootte: str | None = None
    scope: str | None = None


def binnen_keuzes(options: Options) -> list[str]:
    """All gemeenten and all wijken (where there are several), then each gemeente that has wijken."""
    niveau, codes, ouders = (options.gebieden[c].to_numpy() for c in ("niveau", "code", "ouder"))
    gemeenten = codes[niveau == "gemeente"].tolist()
    met_wijken = set(ouders[niveau == "wijk"].tolist())  # numpy: iterating a pandas string column is slow
    keuzes = []
    if len(gemeenten) > 1:
        keuzes.append(GEMEENTEN)
    if len(met_wijken) > 1:
        keuzes.append(WIJKEN)
    return keuzes + [code for code in gemeenten if code in met_wijken]


def standaard_indicatoren(options: Options) -> tuple[str, str]:
    """The pair to start with: VOORKEUR where the catalogue has it, else its first two indicators."""
    sleutels = options.indicatoren["sleutel"].tolist()
    if all(key in sleutels for key in VOORKEUR):
        return VOORKEUR
    return sleutels[0], sleutels[min(1, len(sleutels) - 1)]


PARAMS = {"binnen": "gebieden", "x": "eerste cijfer", "y": "tweede cijfer", "grootte": "cijfer voor de grootte",
          "jaar": "jaar"}


def from_params(params: dict[str, str], options: Options, scope: str | None = None) -> tuple[Keuze, list[str]]:
    """The choice a link asks for, and a Dutch notice for each value that was not usable.

    Query values are untrusted: anything unknown falls back to the default and is not echoed.
    """
    sleutels = set(options.indicatoren["sleutel"])
    x, y = standaard_indicatoren(options)
    binnen = binnen_keuzes(options)
    keuze = {"x": x, "y": y, "jaar": options.jaren[-1], "binnen": binnen[0] if binnen else GEMEENTEN,
             "grootte": None}
    notices = []
    for name, label in PARAMS.items():
        if name not in params:
            continue
        value = str(params[name])[:200]
        if name in ("x", "y", "grootte") and value in sleutels:
            keuze[name] = value
        elif name == "jaar" and value.isdigit() and int(value) in options.jaren:
            keuze[name] = int(value)
        elif name == "binnen" and value in binnen:
            keuze[name] = value
        elif not (name == "grootte" and value == ""):
            notices.append(f"De link bevat een onbruikbaar {label}; de standaard is gebruikt.")
    return Keuze(scope=scope, **keuze), notices


def to_params(keuze: Keuze, options: Options) -> dict[str, str]:
    """The choice as query parameters; only what differs from the default, so links stay short."""
    standaard, _ = from_params({}, options, keuze.scope)
    params = {"binnen": keuze.binnen, "x": keuze.x, "y": keuze.y, "grootte": keuze.grootte or "",
              "jaar": str(keuze.jaar)}
    defaults = {"binnen": standaard.binnen, "x": standaard.x, "y": standaard.y, "grootte": "",
                "jaar": str(standaard.jaar)}
    return {name: value for name, value in params.items() if value != defaults[name]}
