"""The ORM: one module per part of the domain, one metadata for migrations."""
from dashboard.models.base import Base
from dashboard.models.gegevens import (
    Gebied,
    ImportBatch,
    Indicator,
    Observatie,
    Partij,
    Streefwaarde,
)
from dashboard.models.imports import ImportWijziging, Kolomkoppeling

__all__ = ["Base", "Gebied", "ImportBatch", "ImportWijziging", "Indicator", "Kolomkoppeling", "Observatie",
           "Partij", "Streefwaarde"]
