"""The consent register on screen: the person fields of a media form, one item's register with its
actions (the story page, for its owner and the beheerder), the beheerder's overview in Beheer, and
the owner's notices on the Kompas. The rules live in verhalen/toestemming.py."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import clock, config, formatting
from dashboard.db import Database
from dashboard.models.afspraken import GEGEVEN_DOOR, REIKWIJDTES
from dashboard.toegang import access
from dashboard.ui import runtime, visitor as bezoeker
from dashboard.ui.formulieren.basis import done, error, run
from dashboard.ui.tekst import escaped
from dashboard.verhalen import media, toestemming

STATUS_LABELS = {"geldig": "geldig", "verloopt_binnenkort": "verloopt binnenkort", "verlopen": "verlopen",
                 "ingetrokken": "ingetrokken"}
SOORT_LABELS = {"foto": "Foto", "video": "Video", "videolink": "Videolink"}
_VELDEN = {"geen_personen": False, "persoon": "", "gegeven_door": "persoon", "ouder_voogd": "",
           "toestemming_datum": None, "reikwijdte": "intern", "toestemming_notitie": ""}


def persoon_velden(form: str, n: int, met_geen: bool = True) -> None:
    """Who is recognisable and who consented, for how far; or (`met_geen`) that nobody is recognisable."""
    for naam, standaard in _VELDEN.items():
        st.session_state.setdefault(f"{form}_{naam}", standaard)
    if st.session_state[f"{form}_toestemming_datum"] is None:  # a date picker shows no English 'yyyy'
        st.session_state[f"{form}_toestemming_datum"] = clock.today()
    st.markdown("**Wie staat er herkenbaar op?**")
    if met_geen:
        st.caption("Voor een foto, video of videolink: vink aan dat niemand herkenbaar is, of noem wie herkenbaar is "
                   "en wie toestemming gaf. Meer personen voegt u toe bij het verhaal zelf.")
        st.checkbox("Er staat niemand herkenbaar op de foto of video", key=f"{form}_geen_personen")
        error(form, "toestemming")
    st.text_input("Naam of omschrijving van wie herkenbaar is", key=f"{form}_persoon",
                  placeholder="bijvoorbeeld Ria de Vries, of 'meisje in rode jas'")
    error(form, "persoon")
    left, right = st.columns(2)
    left.radio("Wie gaf toestemming?", GEGEVEN_DOOR, key=f"{form}_gegeven_door",
               format_func=toestemming.GEGEVEN_DOOR_LABELS.get)
    right.text_input("Naam van de ouder of voogd (bij een kind onder 16)", key=f"{form}_ouder_voogd")
    with right:
        error(form, "ouder_voogd")
    left, right = st.columns(2)
    left.date_input("Getekend op", key=f"{form}_toestemming_datum", format="DD-MM-YYYY",
                    help=f"De toestemming verloopt {config.load().toestemming_jaren} jaar later.")
    with left:
        error(form, "datum")
        error(form, "verloopt")
    right.selectbox("Waar mag het getoond worden?", REIKWIJDTES, key=f"{form}_reikwijdte",
                    format_func=toestemming.REIKWIJDTE_LABELS.get)
    st.file_uploader("Het getekende formulier (PDF, JPEG of PNG, optioneel)", type=["pdf", "jpg", "jpeg", "png"],
                     key=f"{form}_formulier_{n}")
    error(form, "formulier")
    st.text_input("Notitie over de toestemming (optioneel)", key=f"{form}_toestemming_notitie")


def _persoon(form: str, n: int) -> toestemming.ToestemmingInvoer:
    s = st.session_state
    formulier = s.get(f"{form}_formulier_{n}")
    return toestemming.ToestemmingInvoer(
        persoon=s[f"{form}_persoon"], gegeven_door=s[f"{form}_gegeven_door"], ouder_voogd=s[f"{form}_ouder_voogd"],
        datum=s[f"{form}_toestemming_datum"], reikwijdte=s[f"{form}_reikwijdte"],
        notitie=s[f"{form}_toestemming_notitie"], formulier=formulier.getvalue() if formulier is not None else None)


def register_invoer(form: str, n: int) -> toestemming.Register:
    """What `persoon_velden` says: nobody recognisable, one person (when anything of them is filled), or nothing."""
    s = st.session_state
    if s[f"{form}_geen_personen"]:
        return toestemming.Register(geen_herkenbare_personen=True)
    persoon = _persoon(form, n)
    filled = persoon.persoon.strip() or persoon.ouder_voogd.strip() or persoon.formulier or persoon.notitie.strip()
    return toestemming.Register(personen=[persoon] if filled else [])


# ---------------------------------------------------------------- one item's register

def _regels_tabel(item: toestemming.ItemInfo) -> None:
    if not item.regels:
        st.caption("Nog niemand vastgelegd." if not item.geen_herkenbare_personen else "Niemand herkenbaar.")
        return
    st.dataframe(pd.DataFrame([{  # st.dataframe reads no Markdown: the names as typed
        "Persoon": r.persoon,
        "Toestemming van": r.ouder_voogd if r.gegeven_door == "ouder_voogd" else "de persoon zelf",
        "Reikwijdte": r.reikwijdte,
        "Getekend": formatting.day(r.datum),
        "Verloopt": formatting.day(r.verloopt),
        "Status": STATUS_LABELS[r.status] + (f" op {formatting.day(r.ingetrokken_op)}" if r.ingetrokken_op else ""),
        "Formulier": "ja" if r.formulier else "nee",
    } for r in item.regels]), hide_index=True, key=f"regels_{item.media_id}")


def _waar(item: toestemming.ItemInfo) -> str:
    if not item.reikwijdte:
        return "nergens getoond"
    return {"intern": "getoond aan wie inlogt en in de vergadering", "deellinks": "ook via deellinks getoond",
            "openbaar": "ook in exports en downloads"}[item.reikwijdte]


def item_register(db: Database, wie: access.Visitor, item: toestemming.ItemInfo, media_dir: Path) -> None:
    """One photo or video's register and, for its story's owner and the beheerder, what can be done to it."""
    st.markdown(f"**{SOORT_LABELS[item.soort]}: {escaped(item.omschrijving[:80])}** · "
                f"{toestemming.STATEN[item.staat].lower()} · {_waar(item)}")
    _regels_tabel(item)
    for regel in item.regels:
        if (pad := media.form_path(regel.formulier, media_dir)):
            st.download_button(f"Getekend formulier van {escaped(regel.persoon)}", pad.read_bytes(),
                               file_name=pad.name, key=f"tf_{regel.id}", on_click="ignore",
                               icon=":material/download:")
    if item.opgeruimd or not access.may_keep_register(wie, item.eigenaar_id):
        return
    form = f"tr{item.media_id}"
    done(form)
    error(form, "_")
    levend = {r.id: r for r in item.regels if r.status != "ingetrokken"}
    st.checkbox("Er staat niemand herkenbaar op", value=item.geen_herkenbare_personen, key=f"{form}_geen",
                on_change=_markeer, args=(db, form, item.media_id))
    intrekken, verlengen, toevoegen = st.tabs(["Intrekken", "Opnieuw getekend", "Persoon toevoegen"])
    with intrekken:
        if not levend:
            st.caption("Er is geen toestemming om in te trekken.")
        else:
            st.selectbox("Wie trekt de toestemming in?", list(levend), key=f"{form}_intrek",
                         format_func=lambda i: levend[i].persoon)
            st.date_input("Ingetrokken op", value=clock.today(), key=f"{form}_intrek_datum", format="DD-MM-YYYY")
            error(form, "ingetrokken_op")
            st.button("Toestemming intrekken", key=f"{form}_intrek_knop", icon=":material/block:",
                      on_click=_intrekken, args=(db, form))
            st.caption("De foto of video is dan meteen nergens meer te zien; na de bewaartermijn van "
                       f"{formatting.count(config.load().toestemming_gratie_dagen, 'dag', 'dagen')} gaat het bestand weg.")
    with verlengen:
        if levend:
            st.selectbox("Wiens toestemming is opnieuw getekend?", list(levend), key=f"{form}_verleng",
                         format_func=lambda i: f"{levend[i].persoon} (verloopt {formatting.day(levend[i].verloopt)})")
            gekozen = levend.get(st.session_state.get(f"{form}_verleng"), next(iter(levend.values())))
            left, right = st.columns(2)
            left.date_input("Opnieuw getekend op", value=clock.today(), key=f"{form}_verleng_datum", format="DD-MM-YYYY")
            with left:
                error(form, "datum")
                error(form, "verloopt")
            right.selectbox("Waar mag het nu getoond worden?", REIKWIJDTES, index=REIKWIJDTES.index(gekozen.reikwijdte),
                            key=f"{form}_verleng_reikwijdte", format_func=toestemming.REIKWIJDTE_LABELS.get)
            st.button("Nieuwe toestemming vastleggen", key=f"{form}_verleng_knop", icon=":material/update:",
                      on_click=_verlengen, args=(db, form))
        else:
            st.caption("Er is geen toestemming om te vernieuwen.")
    with toevoegen:
        n = st.session_state.setdefault(f"_{form}_n", 0)
        persoon_velden(form, n, met_geen=False)
        st.button("Persoon toevoegen", key=f"{form}_toevoegen", icon=":material/person_add:",
                  on_click=_toevoegen, args=(db, form, item.media_id, media_dir))


@runtime.guarded
def _intrekken(db: Database, form: str) -> None:
    s = st.session_state
    run(form, db, lambda session: toestemming.intrekken(session, bezoeker.afresh(), s[f"{form}_intrek"],
                                                        s[f"{form}_intrek_datum"]),
        "De toestemming is ingetrokken: de foto of video is nergens meer te zien.")


@runtime.guarded
def _verlengen(db: Database, form: str) -> None:
    s = st.session_state
    run(form, db, lambda session: toestemming.verlengen(session, bezoeker.afresh(), s[f"{form}_verleng"],
                                                        s[f"{form}_verleng_datum"], None,
                                                        config.load().toestemming_jaren, s[f"{form}_verleng_reikwijdte"]),
        "De nieuwe toestemming is vastgelegd.")


@runtime.guarded
def _markeer(db: Database, form: str, media_id: int) -> None:
    waarde = st.session_state[f"{form}_geen"]
    run(form, db, lambda session: toestemming.markeer(session, bezoeker.afresh(), media_id, waarde),
        "Vastgelegd dat er niemand herkenbaar op staat." if waarde else "Er staat wel iemand herkenbaar op.")


@runtime.guarded
def _toevoegen(db: Database, form: str, media_id: int, media_dir: Path) -> None:
    s = st.session_state
    n = s.get(f"_{form}_n", 0)
    invoer = _persoon(form, n)
    if run(form, db, lambda session: toestemming.vastleggen(session, bezoeker.afresh(), media_id, invoer, media_dir,
                                                            config.load().toestemming_jaren),
           f"De toestemming van {escaped(invoer.persoon.strip())} is vastgelegd."):
        for naam in _VELDEN:
            s.pop(f"{form}_{naam}", None)
        s[f"_{form}_n"] = n + 1


def verhaal_register(db: Database, wie: access.Visitor, items: list[toestemming.ItemInfo], media_dir: Path) -> None:
    """Below a story, for its owner and the beheerder: the register of each of its photos and videos."""
    if not items or not any(access.may_keep_register(wie, i.eigenaar_id) for i in items):
        return
    with st.expander("Toestemmingen van de foto's en video's", icon=":material/verified_user:"):
        for item in items:
            with st.container(border=True):
                item_register(db, wie, item, media_dir)


# ---------------------------------------------------------------- the beheerder's overview

def overzicht(db: Database, wie: access.Visitor, items: list[toestemming.ItemInfo], media_dir: Path) -> None:
    """What needs the beheerder: expiring soon, lacking consent, awaiting removal; then every item with its scope."""
    st.subheader("Toestemmingen")
    st.caption("Wie herkenbaar op een foto of video staat, geeft toestemming voor een doel en een termijn, en kan die "
               "intrekken. Een foto of video is alleen te zien waar ieders toestemming reikt.")
    groepen = [("verloopt_binnenkort", "Verloopt binnen 30 dagen"), ("ontbreekt", "Toestemming ontbreekt"),
               ("te_verwijderen", "Ingetrokken of verlopen, wacht op verwijderen")]
    for staat, kop in groepen:
        gevonden = [i for i in items if i.staat == staat]
        st.markdown(f"**{kop}** ({len(gevonden)})")
        if gevonden:
            st.dataframe(_tabel(gevonden).drop(columns="Staat"), hide_index=True, key=f"toestemmingen_{staat}")
    st.markdown("**Alle foto's en video's**")
    st.dataframe(_tabel(items), hide_index=True, key="toestemmingen_alle")
    eerst = [staat for staat, _ in groepen]  # what needs the beheerder comes first in the choice
    keuzes = {i.media_id: i for i in sorted(items, key=lambda i: eerst.index(i.staat) if i.staat in eerst else 3)}
    if keuzes:
        gekozen = st.selectbox("Register van", list(keuzes), key="toestemming_item",
                               format_func=lambda m: f"{keuzes[m].verhaal} · {SOORT_LABELS[keuzes[m].soort]} "
                                                     f"({toestemming.STATEN[keuzes[m].staat].lower()})")
        with st.container(border=True):
            item_register(db, wie, keuzes[gekozen], media_dir)


def _tabel(items: list[toestemming.ItemInfo]) -> pd.DataFrame:
    def verloopt(item):
        levend = [r.verloopt for r in item.regels if r.status in ("geldig", "verloopt_binnenkort")]
        return formatting.day(min(levend)) if levend else ""

    return pd.DataFrame([{
        "Verhaal": i.verhaal, "Staat": toestemming.STATEN[i.staat],
        "Getoond": {"": "nergens", "intern": "intern", "deellinks": "ook deellinks", "openbaar": "ook exports"}[i.reikwijdte],
        "Verloopt": verloopt(i), "Soort": SOORT_LABELS[i.soort], "Personen": len(i.regels),
    } for i in items])  # the columns a phone shows without scrolling first


def meldingen(regels: list[str]) -> None:
    """The Kompas: the notices for this visitor's own stories."""
    for regel in regels:
        st.warning(escaped(regel), icon=":material/event_busy:")
