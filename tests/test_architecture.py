"""The codebase's shape, kept by tests: one-way layers (import-linter), metrics only in dbt,
small modules and functions, no SQL or aggregation in the app."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from warehouse.settings import PROJECT_ROOT

PACKAGES = ("dash_app", "warehouse")
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
# A longer function says why on the line above its `def` (or decorators): "# long: <reason>".
LONG_REASON = re.compile(r"#\s*long:\s*\S")


def _modules() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (PROJECT_ROOT / pkg).rglob("*.py"))


def test_import_linter_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_warehouse_never_imports_dash_app():
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}"
        for path in (PROJECT_ROOT / "warehouse").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"\s*(from|import)\s+dash_app\b", line)
    ]
    assert offenders == []


def test_no_module_over_the_size_limit():
    too_long = {
        str(path.relative_to(PROJECT_ROOT)): n
        for path in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}


def test_long_functions_say_why():
    offenders = []
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            length = node.end_lineno - node.lineno + 1
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            above = lines[first - 2] if first >= 2 else ""
            if length > MAX_FUNCTION_LINES and not LONG_REASON.search(above):
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}::{node.name} ({length})")
    assert offenders == []


AGGREGATION = re.compile(
    r"\bgroup\s+by\b|\b(sum|count|avg)\s*\(|\.(sum|mean|rank|agg|size|cumsum|pivot_table)\(",
    re.IGNORECASE,
)


def test_the_app_and_the_read_api_do_not_aggregate_metrics():
    """Python selects and formats; every sum, count, ratio or rank is a dbt model (the read
    API in warehouse/marts runs plain filtered SELECTs on marts)."""
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}"
        for folder in ("dash_app", "warehouse/marts")
        for path in (PROJECT_ROOT / folder).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if AGGREGATION.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []


def test_no_reference_to_knowledge_outside_the_repository():
    """Comments and docs point at docs/dominio.md, not at files the repository does not hold."""
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}"
        for pattern in ("**/*.py", "**/*.sql", "**/*.yml", "**/*.md")
        for path in PROJECT_ROOT.glob(pattern)
        if ".venv" not in path.parts
        and "target" not in path.parts
        and path.resolve() != Path(__file__).resolve()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "DOMAIN.md" in line
    ]
    assert offenders == []
