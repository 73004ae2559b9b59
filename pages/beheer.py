"""Beheer (beheerder): accounts with their role and partij, and invitations. Disabling an account ends
its sessions at once."""
import pandas as pd
import streamlit as st

from dashboard import formatting
from dashboard.toegang import access, accounts
from dashboard.ui import navigation, reads, runtime, uitnodigingen, visitor
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
                               help=f"Minstens {accounts.MIN_PASSWORD_LENGTH} tekens. Geef het persoonlijk door.")
    submitted = st.form_submit_button("Account toevoegen", type="primary", icon=":material/person_add:")
if submitted and visitor.allowed("gebruikers_beheren"):
    try:
        added = accounts.add_user(db, naam, rol, wachtwoord, door=visitor.current().name, partij=partij or None)
        st.success(f"Account {escaped(added.naam)} toegevoegd met rol {added.rol}.", icon=":material/check:")
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
} for user in users]), hide_index=True)

st.subheader("Account wijzigen")
chosen = st.selectbox("Account", [user.naam for user in users], key="wijzig_naam")
user = next((u for u in users if u.naam == chosen), None)
if user is not None:
    left, right = st.columns(2, vertical_alignment="bottom")
    new_role = left.selectbox("Nieuwe rol", access.ROLES, index=access.ROLES.index(user.rol), key="wijzig_rol")
    keuzes = ["", *partijen]
    new_partij = left.selectbox("Partij", keuzes, index=keuzes.index(user.partij) if user.partij in keuzes else 0,
                                key="wijzig_partij", format_func=lambda p: p or "geen partij")
    change = {"rol": new_role} if left.button("Rol en partij opslaan", icon=":material/save:") else None
    if right.button("Uitschakelen" if user.actief else "Weer inschakelen",
                    icon=":material/person_off:" if user.actief else ":material/person:"):
        change = {"actief": not user.actief}
    if change and visitor.allowed("gebruikers_beheren"):
        try:
            if "rol" in change:
                accounts.set_role(db, user.naam, change["rol"], door=visitor.current().name, partij=new_partij or None)
            else:
                accounts.set_active(db, user.naam, change["actief"], door=visitor.current().name)
        except accounts.AccountError as error:
            st.error(str(error))
        else:
            st.rerun()
