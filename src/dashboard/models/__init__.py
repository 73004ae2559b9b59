"""The ORM: one module per part of the domain, one metadata for migrations."""
from dashboard.models.audit import AuditRegel
from dashboard.models.base import Base
from dashboard.models.gegevens import (
    Gebied,
    ImportBatch,
    Indicator,
    Observatie,
    Partij,
    Streefwaarde,
)
from dashboard.models.toegang import DeelLink, Gebruiker, LoginSessie, MisluktLogin

__all__ = ["AuditRegel", "Base", "DeelLink", "Gebied", "Gebruiker", "ImportBatch", "Indicator",
           "LoginSessie", "MisluktLogin", "Observatie", "Partij", "Streefwaarde"]
