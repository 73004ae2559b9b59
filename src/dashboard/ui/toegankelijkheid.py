"""The toegankelijkheidsverklaring on screen, in the order of the model statement (digitoegankelijk.nl).

Everything from the beheerder's file is text (ui/tekst.py). A field the file gets wrong is left
out, and a warning above names each problem, so the statement is never replaced by a traceback.
"""
from __future__ import annotations

import streamlit as st

from dashboard import formatting
from dashboard.toegankelijkheid import STATUSSEN, Verklaring
from dashboard.ui.tekst import escaped

OMBUDSMAN = "https://www.nationaleombudsman.nl/klacht-indienen"


def show(verklaring: Verklaring) -> None:
    st.title("Toegankelijkheidsverklaring")
    if verklaring.problemen:
        st.warning(f"Het bestand van deze verklaring ({escaped(verklaring.bestand.name)}) moet worden hersteld door "
                   "de beheerder. Hieronder staat alleen wat wel klopt.\n\n"
                   + "\n".join(f"- {escaped(probleem)}" for probleem in verklaring.problemen), icon=":material/build:")
    organisatie = escaped(verklaring.organisatie or "De organisatie")
    website = escaped(verklaring.website or "deze website")
    st.write(f"{organisatie} wil dat iedereen {website} kan gebruiken, en streeft naar toegankelijkheid volgens het "
             "Besluit digitale toegankelijkheid overheid. Deze verklaring gaat over deze website.")
    _status(verklaring)
    _onderzoek(verklaring)
    _beperkingen(verklaring)
    _contact(verklaring)
    st.header("Handhaving en klachten", anchor=False)
    st.write(f"Bent u niet tevreden over hoe uw verzoek of klacht is behandeld? Dan kunt u terecht bij de "
             f"[Nationale ombudsman]({OMBUDSMAN}), of bij de ombudsman of ombudscommissie van uw gemeente.")
    if verklaring.ondertekend:
        st.caption(f"Deze verklaring is ondertekend op {formatting.day(verklaring.ondertekend)}"
                   + (f" door {escaped(verklaring.organisatie)}." if verklaring.organisatie else "."))


def _status(verklaring: Verklaring) -> None:
    st.header("Status", anchor=False)
    if verklaring.status:
        st.write(f"{escaped(verklaring.website or 'Deze website')} {STATUSSEN[verklaring.status]} "
                 "de eisen van WCAG 2.1 niveau AA (de Europese norm EN 301 549).")
    else:
        st.write("De status staat niet in het bestand van deze verklaring.")


def _onderzoek(verklaring: Verklaring) -> None:
    st.header("Onderzoek", anchor=False)
    if verklaring.onderzoek_datum:
        st.write(f"Laatst gecontroleerd op {formatting.day(verklaring.onderzoek_datum)}.")
    if verklaring.onderzoek_methode:
        st.write(escaped(verklaring.onderzoek_methode))


def _beperkingen(verklaring: Verklaring) -> None:
    st.header("Bekende beperkingen", anchor=False)
    if not verklaring.beperkingen:
        st.write("Er zijn geen beperkingen bekend.")
    for beperking in verklaring.beperkingen:
        with st.container(border=True):
            st.write(escaped(beperking.wat))
            st.write(f"**Waarom:** {escaped(beperking.waarom)}")
            st.write(f"**Opgelost uiterlijk:** {formatting.day(beperking.opgelost)}")


def _contact(verklaring: Verklaring) -> None:
    st.header("Contact", anchor=False)
    st.write("Kunt u iets op deze website niet gebruiken, of hebt u een vraag of opmerking over de "
             "toegankelijkheid? Laat het ons weten.")
    ways = [f"- E-mail: {escaped(verklaring.email)}" if verklaring.email else "",
            f"- Telefoon: {escaped(verklaring.telefoon)}" if verklaring.telefoon else ""]
    if any(ways):
        st.markdown("\n".join(way for way in ways if way))
    if verklaring.reactietermijn:
        st.write(escaped(verklaring.reactietermijn))
