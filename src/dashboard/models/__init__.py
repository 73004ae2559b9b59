"""The ORM: one module per part of the domain, one metadata for migrations."""
from dashboard.models.afspraken import (
    Activiteit,
    Afspraak,
    AfspraakPartij,
    Media,
    Opgave,
    OpgaveVeld,
    Toestemming,
    Verhaal,
    Voortgang,
)
from dashboard.models.audit import AuditLog
from dashboard.models.base import Base
from dashboard.models.cyclus import Bod, BodCijfer, Geschil, Ondertekening
from dashboard.models.doelen import Doel
from dashboard.models.gegevens import (
    DataVersie,
    Gebied,
    ImportBatch,
    Indicator,
    Observatie,
    Partij,
    Streefwaarde,
)
from dashboard.models.imports import ImportWijziging, Kolomkoppeling
from dashboard.models.samenwerking import Inzending, Score
from dashboard.models.toegang import DeelLink, Gebruiker, LoginSessie, MisluktLogin, Uitnodiging
from dashboard.models.vergadering import Agendapunt, Besluit, BesluitPositie, Vergadering

__all__ = ["Activiteit", "Afspraak", "AfspraakPartij", "Agendapunt", "AuditLog", "Base", "Besluit", "BesluitPositie",
           "Bod", "BodCijfer", "DataVersie", "DeelLink", "Doel", "Gebied", "Gebruiker", "Geschil", "ImportBatch",
           "ImportWijziging", "Indicator", "Inzending", "Kolomkoppeling", "LoginSessie", "Media", "MisluktLogin",
           "Observatie", "Ondertekening", "Opgave", "OpgaveVeld", "Partij", "Score", "Streefwaarde", "Toestemming",
           "Uitnodiging", "Vergadering", "Verhaal", "Voortgang"]
