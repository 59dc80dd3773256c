"""The problem report as people read it: a Spanish table on the console, in CSV or in XLSX."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from warehouse.intake.problems import Problem

HEADERS = ("Fila", "Columna", "Valor", "Tipo", "Problema", "Cómo corregirlo")
NUMBER = re.compile(r"^-?[\d.,]+$")


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _inert(text: str) -> str:
    """Values from the entity's file never become formulas in the report (CSV/XLSX injection),
    nor carry control characters (a worksheet cannot hold them)."""
    text = CONTROL.sub("�", text)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not NUMBER.match(text):
        return "'" + text
    return text


def report_rows(problems: list[Problem]) -> list[list[str]]:
    """One row per problem, errors first, then by file row."""
    ordered = sorted(problems, key=lambda p: (not p.is_error, p.row or 0))
    return [
        [
            str(p.row) if p.row else "—",
            _inert(p.column or "—"),
            "" if p.value is None else _inert(str(p.value)),
            "Error" if p.is_error else "Aviso",
            p.problem,
            p.fix,
        ]
        for p in ordered
    ]


def print_report(problems: list[Problem], console: Console | None = None, title: str = "") -> None:
    console = console or Console()
    if not console.is_terminal:  # piped or captured: one plain line per problem, never wrapped
        if title:
            console.print(title, soft_wrap=True, markup=False)
        console.print(" | ".join(HEADERS), soft_wrap=True, markup=False)
        for row in report_rows(problems):
            console.print(" | ".join(row), soft_wrap=True, markup=False, highlight=False)
        return
    table = RichTable(title=title or None, show_lines=False, expand=True)
    for header in HEADERS:
        table.add_column(header, overflow="fold")
    for row in report_rows(problems):
        table.add_row(*(escape(cell) for cell in row))  # values are data, never rich markup
    console.print(table)


def write_report(problems: list[Problem], path: Path, file_name: str = "") -> Path:
    """Write the report as .csv (UTF-8 with BOM, `;`, opens in Excel) or .xlsx."""
    rows = report_rows(problems)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(HEADERS)
            writer.writerows(rows)
        return path
    if suffix == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "problemas"
        if file_name:
            sheet.append([f"Revisión del archivo {file_name}"])
            sheet["A1"].font = Font(bold=True)
        sheet.append(list(HEADERS))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column, width in zip("ABCDEF", (7, 18, 24, 8, 60, 70), strict=True):
            sheet.column_dimensions[column].width = width
        workbook.save(path)
        return path
    raise ValueError(f"Formato de reporte no admitido «{suffix}»: use .csv o .xlsx.")
