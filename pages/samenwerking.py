"""Samenwerkingsmonitor: once a year the parties' people say how the cooperation itself goes; the results
per party side by side and over the years, the gaps to talk about, and the questionnaire for accounts of a partij."""
import streamlit as st

from dashboard import clock
from dashboard.toegang import access
from dashboard.ui import chrome, navigation, reads, runtime, visitor
from dashboard.ui import samenwerking as show
from dashboard.ui.formulieren import samenwerking as samenwerking_formulieren

navigation.entered_through_app()
db = runtime.database()
wie = visitor.current()
st.title("Samenwerkingsmonitor")
st.caption("Eén keer per jaar evalueren de partijen niet de afspraken, maar de samenwerking zelf: vertrouwen, "
           "wederkerigheid, informatie delen, huurders als volwaardige partner, energie, samen leren. "
           "Niemand ziet de antwoorden van een ander; per partij verschijnt de uitkomst vanaf drie mensen.")
if reads.queries.demo_loaded():
    chrome.fictional_notice()

dit_jaar = clock.now().year
if access.may(wie, "samenwerking_invullen"):
    eigen = reads.antwoorden.own(wie.gebruiker_id, dit_jaar)
    with st.expander(f"Uw antwoord voor {dit_jaar}" + (" (al ingevuld, u kunt het aanpassen)" if eigen else ""),
                     icon=":material/edit_note:", expanded=eigen is None):
        samenwerking_formulieren.samenwerking(db, wie, dit_jaar, eigen)

jaren = reads.uitslag.years()
if not jaren:
    st.info("Er zijn nog geen antwoorden. Iedereen met een account van een partij kan de vragenlijst invullen.")
    chrome.footer(reads.queries.last_update())
    st.stop()
jaar = st.selectbox("Jaar", jaren, key="jaar", bind="query-params")
uitslag = reads.uitslag.results(jaar)
verloop = reads.uitslag.over_the_years()
partijen = sorted(set(verloop["partij"]) | set(uitslag["scores"]["partij"]))
show.respondents(uitslag)
show.gaps(uitslag)
show.side_by_side(uitslag, partijen)
grootste = uitslag["verschillen"][0]["stelling"] if uitslag["verschillen"] else None
show.over_the_years(verloop, grootste, reads.uitslag.statement_over_the_years(grootste) if grootste else verloop.iloc[0:0],
                    partijen)
show.remarks(uitslag)
chrome.footer(reads.queries.last_update())
