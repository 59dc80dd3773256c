"""Figures, their statistics and targets, the printed table and the JSON file."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """One measured quantity: every sample, and an optional target the median should not pass."""

    key: str  # stable machine name, e.g. "pagina.frio./indicadores"
    label: str  # what the table shows (Spanish)
    unit: str  # "s" or "MB"
    samples: list[float] = field(default_factory=list)
    target: float | None = None  # "objetivo": the median should be at most this
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def status(self) -> str:
        if self.target is None or not self.samples:
            return ""
        return "ok" if self.median <= self.target else "over"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "n": len(self.samples),
            "samples": [round(s, 4) for s in self.samples],
            "min": round(min(self.samples), 4),
            "median": round(self.median, 4),
            "max": round(max(self.samples), 4),
            "target": self.target,
            "status": self.status or None,
        }
        if self.note:
            data["note"] = self.note
        return data


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        return figure


def _number(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def table(figures: list[Figure]) -> str:
    """A plain-text table: medida | n | mín | mediana | máx | objetivo | estado."""
    header = ("medida", "n", "mín", "mediana", "máx", "objetivo", "estado")
    rows = []
    for fig in figures:
        if not fig.samples:
            continue
        unit = f" {fig.unit}"
        single = len(fig.samples) == 1
        rows.append(
            (
                fig.label,
                str(len(fig.samples)),
                "" if single else _number(min(fig.samples)),
                _number(fig.median) + unit,
                "" if single else _number(max(fig.samples)),
                f"≤ {_number(fig.target)}{unit}" if fig.target is not None else "",
                {"ok": "ok", "over": "EXCEDE"}.get(fig.status, ""),
            )
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {1, 2, 3, 4, 5}

    def line(cells) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def write_json(path: Path, results: Results, machine: dict[str, Any], started: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "started_at": started,
        "machine": machine,
        "figures": [f.as_json() for f in results.figures if f.samples],
        "details": results.details,
        "errors": results.errors,
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")
