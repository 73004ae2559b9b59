"""Beheer (beheerder): accounts with their role and partij, invitations, reset links, the consent register of
photos and videos, and the audit log.
Disabling an account, or a new password through a reset link, ends its sessions at once."""
import pandas as pd
import streamlit as st

from dashboard import clock, config, formatting
from dashboard.toegang import access, accounts, herstel
from dashboard.ui import adres, auditlog, navigation, reads, runtime, toestemmingen, uitnodigingen, visitor
from dashboard.ui.formulieren.basis import confirm
from dashboard.ui.tekst import escaped

navigation.entered_through_app()
db = runtime.database()
st.title("Beheer")
if not visitor.allowed("gebruikers_beheren"):
    st.stop()
partijen = reads.afspraken.choices().partijen["naam"].tolist()

with st.form("nieuw_account", clear_on_submit=True):
    st.subheader("Account toevoegen")
    naam = st.text_input("Gebruikersnaam", key="nieuw_naam")
    rol = st.selectbox("Rol", access.ROLES, index=access.ROLES.index("lezer"), key="nieuw_rol")
    partij = st.selectbox("Partij", ["", *partijen], key="nieuw_partij", format_func=lambda p: p or "geen partij")
    wachtwoord = st.text_input("Eerste wachtwoord", type="password", autocomplete="new-password",
                               help=accounts.PASSWORD_HELP + " Geef het persoonlijk door.")
    submitted = st.form_submit_button("Account toevoegen", type="primary", icon=":material/person_add:")
if submitted and visitor.allowed("gebruikers_beheren"):
    try:
        added = accounts.add_user(db, naam, rol, wachtwoord, door=visitor.current().name, partij=partij or None,
                                  adres=visitor.client_address())
        confirm(f"Account {escaped(added.naam)} toegevoegd met rol {added.rol}.")
    except accounts.AccountError as error:
        st.error(str(error))

uitnodigingen.section(db, partijen)

st.subheader("Accounts")
users = accounts.list_users(db)
st.dataframe(pd.DataFrame([{
    "Gebruikersnaam": user.naam, "Rol": user.rol, "Partij": user.partij or "", "Actief": "ja" if user.actief else "nee",
    "Inloggen": "ja" if user.kan_inloggen else "nee (demo, geen wachtwoord)",
    "Aangemaakt": formatting.moment(user.aangemaakt) if user.aangemaakt else "",
    "Laatst ingelogd": formatting.moment(user.laatst_ingelogd) if user.laatst_ingelogd else "nog niet",
} for user in users]), hide_index=True, column_config={  # a moment in words is wider than Streamlit guesses
    column: st.column_config.TextColumn(width="medium") for column in ("Aangemaakt", "Laatst ingelogd")})

st.subheader("Account wijzigen")
chosen = st.selectbox("Account", [user.naam for user in users], key="wijzig_naam")
user = next((u for u in users if u.naam == chosen), None)
if user is not None:
    left, middle, right = st.columns(3, vertical_alignment="bottom")
    new_role = left.selectbox("Nieuwe rol", access.ROLES, index=access.ROLES.index(user.rol), key="wijzig_rol")
    keuzes = ["", *partijen]
    new_partij = left.selectbox("Partij", keuzes, index=keuzes.index(user.partij) if user.partij in keuzes else 0,
                                key="wijzig_partij", format_func=lambda p: p or "geen partij")
    change = {"rol": new_role} if left.button("Rol en partij opslaan", icon=":material/save:") else None
    if middle.button("Uitschakelen" if user.actief else "Weer inschakelen",
                     icon=":material/person_off:" if user.actief else ":material/person:"):
        change = {"actief": not user.actief}
    reset = right.button("Link voor nieuw wachtwoord", icon=":material/lock_reset:", key="herstel_maken",
                         disabled=not (user.actief and user.kan_inloggen),
                         help=f"Een eenmalige link waarmee {user.naam} zelf een nieuw wachtwoord kiest, "
                              f"{formatting.count(herstel.DEFAULT_DAYS, 'dag', 'dagen')} geldig. Gebruikt, dan eindigen alle sessies van "
                              f"{user.naam}; een nieuwe link vervangt een open link.")
    if change and visitor.allowed("gebruikers_beheren"):
        try:
            if "rol" in change:
                accounts.set_role(db, user.naam, change["rol"], door=visitor.current().name, partij=new_partij or None)
            else:
                accounts.set_active(db, user.naam, change["actief"], door=visitor.current().name,
                                    adres=visitor.client_address())
        except accounts.AccountError as error:
            st.error(str(error))
        else:
            st.rerun()
    if reset and visitor.allowed("gebruikers_beheren"):
        try:
            info, token = herstel.create(db, user.naam, door=visitor.current().name, adres=visitor.client_address())
        except accounts.AccountError as error:
            st.error(str(error))
        else:
            st.success(f"Link voor {info.naam} gemaakt, geldig tot {formatting.moment(info.expires, zone=True)}. "
                       "Kopieer hem nu en geef hem persoonlijk door: hij wordt niet nog eens getoond en werkt één keer.",
                       icon=":material/check:")
            adres.show_link(herstel.url, token)

toestemmingen.overzicht(db, visitor.current(), reads.toestemming.register(clock.today()), config.load().media_dir)
auditlog.section(db)
