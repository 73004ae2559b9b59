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

__all__ = ["Base", "Gebied", "ImportBatch", "Indicator", "Observatie", "Partij", "Streefwaarde"]
