"""What an import did (or would do): the `--json` report of the CLI and the page's summary."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard import formatting
from dashboard.ingest.problems import Problem

PREVIEW_COLUMNS = {"_line": "regel", "indicator": "indicator", "gebied": "gebied", "partij": "partij",
                   "periode": "periode", "status": "status", "oud": "oude waarde", "waarde": "nieuwe waarde"}
STATUS = {"new": "nieuw", "changed": "gewijzigd"}


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
    added: list[str] = field(default_factory=list)  # gebieden/partijen added by add_missing
    ignored_columns: list[str] = field(default_factory=list)  # cbs columns without an indicator
    sample: list[dict] = field(default_factory=list)  # a few new/changed rows, old -> new
    notes: list[str] = field(default_factory=list)  # how the file was read where it had a choice (a date as period)
    changes: pd.DataFrame | None = field(default=None, repr=False)  # every new/changed row (page preview)

    def as_dict(self) -> dict:
        return {
            "status": self.status, "kind": self.kind, "format": self.format,
            "dialect": self.dialect, "batch_id": self.batch_id, "rows_new": self.rows_new,
            "rows_changed": self.rows_changed, "rows_unchanged": self.rows_unchanged,
            "rows_skipped_empty": self.rows_skipped_empty,
            "errors": [p.as_dict() for p in self.errors],
            "added": self.added, "ignored_columns": self.ignored_columns, "sample": self.sample,
            "notes": self.notes,
        }

    @classmethod
    def rejected(cls, problems: list[Problem]) -> Report:
        return cls(status="rejected", errors=problems)


def preview(changes: pd.DataFrame, as_text: bool = True) -> pd.DataFrame:
    """The new and changed rows as a person reads them: Dutch headers and status, and (`as_text`)
    the values written the Dutch way (771,35 and 4.812) in their indicator's unit: at least its
    decimals, more where the file has them, the same for every value of that unit in both columns;
    a dash where there was no old value. Without `as_text` the values stay numbers (a download)."""
    shown = changes[[c for c in PREVIEW_COLUMNS if c in changes]].assign(
        status=changes["status"].astype(str).map(STATUS))
    if as_text:
        units = changes["eenheid"].tolist() if "eenheid" in changes else [None] * len(changes)
        both = formatting.column([*changes["oud"], *changes["waarde"]], units + units, exact=True)
        shown = shown.assign(oud=both[:len(changes)], waarde=both[len(changes):])
    return shown.rename(columns=PREVIEW_COLUMNS)
