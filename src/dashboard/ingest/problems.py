"""What a user got wrong in a file: each problem names the line, the column, the value and why."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    line: int  # line in the file, the header being line 1
    column: str
    value: str
    message: str
    missing: str = ""  # "gebied" or "partij" when adding the missing one, or choosing an existing one, would fix it
    lookalikes: tuple[str, ...] = ()  # existing partij names or gebied codes it nearly duplicates

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "value": self.value, "message": self.message}

    def __str__(self) -> str:
        where = f"Regel {self.line}" + (f", kolom {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class ImportRejected(Exception):
    """The file was refused as a whole; nothing was written. Carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:5]))


class UnreadableFile(ImportRejected):
    """Not a text table at all (binary, over the size cap): the CLI exits 2 instead of 1."""
