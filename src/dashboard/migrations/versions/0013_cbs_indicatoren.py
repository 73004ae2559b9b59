"""The indicators CBS tables feed, in a catalogue that was loaded before they were shipped

A new database loads data/indicatoren.csv whole; one that already had a catalogue kept it, and so
lacked the four indicators issue 20 added (huurwoningen van overige verhuurders, koopwoningen,
gemiddelde WOZ-waarde, gemiddelde verkoopprijs) and the CBS source of the five that CBS tables
feed. This adds the four where their key is missing and writes the source where it is still the
one first shipped (a source a user changed stays). A snapshot of the rows, as a migration must be.

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

INDICATOREN = sa.table(
    "indicatoren", sa.column("sleutel", sa.String), sa.column("naam", sa.String), sa.column("eenheid", sa.String),
    sa.column("richting", sa.String), sa.column("aggregatie", sa.String), sa.column("categorie", sa.String),
    sa.column("omschrijving", sa.Text), sa.column("bron", sa.String), sa.column("min_waarde", sa.Float),
    sa.column("max_waarde", sa.Float), sa.column("gewicht", sa.String))
NIEUW = [
    {
        "sleutel": "woningvoorraad_overige_verhuur",
        "naam": "Huurwoningen van overige verhuurders",
        "eenheid": "woningen",
        "richting": "neutraal",
        "aggregatie": "laatste",
        "categorie": "Beschikbaarheid",
        "omschrijving": "Het aantal huurwoningen dat geen corporatie in bezit heeft (beleggers, particuliere verhuurders) aan het eind van het jaar.",
        "bron": "CBS 82900NED: Eigendom overige verhuurders · OData EigendomOverigeVerhuurders_5",
        "min_waarde": 0.0,
        "max_waarde": None,
        "gewicht": None
    },
    {
        "sleutel": "woningvoorraad_koop",
        "naam": "Koopwoningen",
        "eenheid": "woningen",
        "richting": "neutraal",
        "aggregatie": "laatste",
        "categorie": "Beschikbaarheid",
        "omschrijving": "Het aantal woningen dat de eigenaar zelf bewoont of kan bewonen, aan het eind van het jaar.",
        "bron": "CBS 82900NED: Koopwoningen · OData Koopwoningen_2",
        "min_waarde": 0.0,
        "max_waarde": None,
        "gewicht": None
    },
    {
        "sleutel": "woz_waarde",
        "naam": "Gemiddelde WOZ-waarde",
        "eenheid": "EUR",
        "richting": "neutraal",
        "aggregatie": "gemiddelde",
        "categorie": "Betaalbaarheid",
        "omschrijving": "De gemiddelde WOZ-waarde van de woningen, getaxeerd naar de waarde op 1 januari van het jaar ervoor.",
        "bron": "CBS 85036NED: Gemiddelde WOZ-waarde van woningen · OData GemiddeldeWOZWaardeVanWoningen_1, eigendom Totaal (T001132), wijken uit Kerncijfers wijken en buurten",
        "min_waarde": 0.0,
        "max_waarde": None,
        "gewicht": "woningvoorraad_totaal"
    },
    {
        "sleutel": "verkoopprijs",
        "naam": "Gemiddelde verkoopprijs bestaande koopwoning",
        "eenheid": "EUR",
        "richting": "neutraal",
        "aggregatie": "gemiddelde",
        "categorie": "Betaalbaarheid",
        "omschrijving": "Wat particulieren gemiddeld betaalden voor een bestaande koopwoning (Kadaster-transacties).",
        "bron": "CBS 83625NED: Gemiddelde verkoopprijs · OData GemiddeldeVerkoopprijs_1, tabel Bestaande koopwoningen, gemiddelde verkoopprijzen, regio",
        "min_waarde": 0.0,
        "max_waarde": None,
        "gewicht": "woningvoorraad_koop"
    }
]
# sleutel: (the source first shipped, the CBS source, the description that says what CBS counts)
BRONNEN = {
    "woningvoorraad_totaal": (
        "CBS 82900NED",
        "CBS 82900NED: Totale woningvoorraad · OData TotaleWoningvoorraad_1",
        "Het aantal woningen in het gebied aan het eind van het jaar."
    ),
    "woningvoorraad_corporatie": (
        "Corporatie",
        "CBS 82900NED: Eigendom woningcorporatie · OData EigendomWoningcorporatie_4, per corporatie leveren de corporaties",
        "Het aantal huurwoningen dat de corporaties aan het eind van het jaar in bezit hebben."
    ),
    "nieuwbouw_opgeleverd": (
        "CBS 81955NED",
        "CBS 81955NED: Nieuwbouw · OData Nieuwbouw_2, gebruiksfunctie Woning, vanaf 2025 tabel 86098NED (NieuwbouwTotaal_6), per corporatie leveren de corporaties",
        "Het aantal nieuw gebouwde woningen in de periode: CBS telt alle woningen in het gebied, per corporatie telt wat zij opleverde."
    ),
    "sloop": (
        "Corporatie",
        "CBS 81955NED: Sloop · gebruiksfunctie Woning, OData-kolom niet nagekeken, vanaf 2025 tabel 86098NED, per corporatie leveren de corporaties",
        "Het aantal gesloopte woningen: CBS telt alle woningen in het gebied, per corporatie telt wat zij sloopte."
    )
}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.execute(sa.select(sa.func.count()).select_from(INDICATOREN)).scalar() == 0:
        return  # a new database: startup loads the whole catalogue
    bestaand = {s for (s,) in bind.execute(sa.select(INDICATOREN.c.sleutel))}
    ontbrekend = [rij for rij in NIEUW if rij["sleutel"] not in bestaand]
    if ontbrekend and bind.dialect.name == "postgresql":  # rows given their id by hand left the sequence behind
        bind.execute(sa.text("SELECT setval(pg_get_serial_sequence('indicatoren', 'id'), "
                             "(SELECT max(id) FROM indicatoren))"))
    if ontbrekend:
        bind.execute(INDICATOREN.insert(), ontbrekend)
    for sleutel, (eerste, bron, omschrijving) in BRONNEN.items():
        bind.execute(INDICATOREN.update().where(INDICATOREN.c.sleutel == sleutel, INDICATOREN.c.bron == eerste)
                     .values(bron=bron, omschrijving=omschrijving))


def downgrade() -> None:
    bind = op.get_bind()
    for sleutel, (eerste, bron, _) in BRONNEN.items():
        bind.execute(INDICATOREN.update().where(INDICATOREN.c.sleutel == sleutel, INDICATOREN.c.bron == bron)
                     .values(bron=eerste))
    # the four indicators stay: figures may hang on them by now
