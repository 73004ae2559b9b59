"""What an import did (or would do): the `--json` report of the CLI and the page's summary."""
from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.ingest.problems import Problem


@dataclass
class Report:
    status: str  # committed, unchanged, valid (clean dry run), rejected
    kind: str = ""
    format: str = ""
    dialect: str = ""
    batch_id: int | None = None
    rows_new: int = 0
    rows_changed: int = 0
    rows_unchanged: int = 0
    rows_skipped_empty: int = 0
    errors: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "status": self.status, "kind": self.kind, "format": self.format,
            "dialect": self.dialect, "batch_id": self.batch_id, "rows_new": self.rows_new,
            "rows_changed": self.rows_changed, "rows_unchanged": self.rows_unchanged,
            "rows_skipped_empty": self.rows_skipped_empty,
            "errors": [p.as_dict() for p in self.errors],
        }
