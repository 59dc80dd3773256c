"""A problem found in a delivered file: where (row, column, value), what, and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

ERROR = "error"  # rejects the file
SHOWN_VALUE = 120  # characters of a value quoted in a report (a whole long cell helps nobody)
WARNING = "aviso"  # reported, the file still loads


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    value: str | None
    problem: str
    fix: str
    severity: str = ERROR

    def __post_init__(self) -> None:
        if self.value is not None and len(self.value) > SHOWN_VALUE:
            object.__setattr__(self, "value", self.value[:SHOWN_VALUE] + "…")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = f"fila {self.row}" if self.row else "archivo"
        col = f", columna «{self.column}»" if self.column else ""
        val = f", valor «{self.value}»" if self.value not in (None, "") else ""
        return f"{where}{col}{val}: {self.problem} {self.fix}".strip()


def file_problem(problem: str, fix: str) -> Problem:
    """A problem about the whole file (no row or column)."""
    return Problem(None, None, None, problem, fix)


def errors_of(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings_of(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]
