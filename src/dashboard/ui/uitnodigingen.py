"""Invitations on the page Beheer: make one (the link is shown once), see them all, withdraw one."""
from __future__ import annotations

import streamlit as st

from dashboard import formatting
from dashboard.db import Database
from dashboard.toegang import access, accounts, uitnodigingen
from dashboard.ui import adres, runtime, visitor
from dashboard.ui.tekst import escaped

GEEN = ""


def section(db: Database, partijen: list[str]) -> None:
    st.subheader("Iemand uitnodigen")
    st.caption("Zonder e-mail of IT: maak een uitnodiging voor één persoon, met een rol en een partij, en geef de link "
               "persoonlijk door (bijvoorbeeld via de app van uw telefoon). Wie de link opent, kiest zelf een "
               "wachtwoord en is meteen ingelogd. De link werkt één keer en wordt maar één keer getoond.")
    with st.form("nieuwe_uitnodiging", clear_on_submit=True):
        naam = st.text_input("Gebruikersnaam voor de nieuwe persoon", key="uit_naam", placeholder="bijvoorbeeld ria.devries")
        rol = st.selectbox("Rol", access.ROLES, index=access.ROLES.index("partner"), key="uit_rol",
                           help="Een partner schrijft voortgang en verhalen bij de afspraken van de eigen partij.")
        partij = st.selectbox("Partij", [GEEN, *partijen], key="uit_partij",
                              format_func=lambda p: p or "geen partij (niet voor een partner)")
        dagen = st.number_input("Geldig (dagen)", min_value=1, max_value=uitnodigingen.MAX_DAYS,
                                value=uitnodigingen.DEFAULT_DAYS, step=1, key="uit_dagen")
        submitted = st.form_submit_button("Uitnodiging maken", type="primary", icon=":material/person_add:")
    if submitted and visitor.allowed("gebruikers_beheren"):
        try:
            info, token = uitnodigingen.create(db, naam, rol, partij or None, door=visitor.current().name, days=int(dagen),
                                               adres=visitor.client_address())
        except accounts.AccountError as error:
            st.error(str(error))
        else:
            st.success(f"Uitnodiging voor {escaped(info.naam)} gemaakt, geldig tot {formatting.moment(info.expires, zone=True)}. Kopieer de "
                       "link nu: hij wordt niet nog eens getoond.", icon=":material/check:")
            adres.show_link(uitnodigingen.url, token)
    _listing(db)


@runtime.guarded
def _withdraw(db: Database, uitnodiging_id: int) -> None:
    if visitor.allowed("gebruikers_beheren"):
        info = uitnodigingen.withdraw(db, uitnodiging_id, door=visitor.afresh().name, adres=visitor.client_address())
        soort = "herstellink" if info.soort == "herstel" else "uitnodiging"
        st.toast(f"De {soort} voor {escaped(info.naam)} is ingetrokken.", icon=":material/link_off:")


def _listing(db: Database) -> None:
    lijst = uitnodigingen.list_uitnodigingen(db)
    if not lijst:
        st.caption("Nog geen uitnodigingen.")
        return
    st.markdown("**Uitnodigingen en herstellinks**")
    for info in lijst:
        text, action = st.columns([4, 1], vertical_alignment="center")
        if info.soort == "herstel":
            text.markdown(f"{escaped(info.naam)} · nieuw wachtwoord kiezen (herstellink) · **{info.state}**")
        else:
            text.markdown(f"{escaped(info.naam)} · {info.rol}{' · ' + escaped(info.partij) if info.partij else ''} · **{info.state}**")
        text.caption(f"Gemaakt {formatting.moment(info.created)} door {escaped(info.created_by)} · verloopt "
                     f"{formatting.moment(info.expires)}"
                     + (f" · gebruikt {formatting.moment(info.used)}" if info.used else ""))
        if info.state == "open":
            action.button("Intrekken", key=f"uitnodiging_intrekken_{info.id}", icon=":material/link_off:",
                          on_click=_withdraw, args=(db, info.id),
                          help=f"{'Herstellink' if info.soort == 'herstel' else 'Uitnodiging'} {info.id} direct intrekken")
