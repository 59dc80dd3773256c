"""Command line: `python -m seeds.generator [--out DIR]` rewrites the demo exports."""

from __future__ import annotations

import argparse
from pathlib import Path

from seeds.generator.build import generate
from warehouse.settings import get_settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Regenera las exportaciones de demostración.")
    parser.add_argument("--out", type=Path, default=None, help="carpeta (por defecto seeds/demo)")
    args = parser.parse_args(argv)
    out = args.out or get_settings().demo_dir
    files = generate(out)
    print(f"{len(files)} archivos de demostración escritos en {out}")


if __name__ == "__main__":
    main()
