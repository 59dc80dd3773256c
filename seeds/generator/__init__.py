"""Deterministic generator of the synthetic demo exports in seeds/demo (reproduces the 2024 deck).

Tooling, not runtime: it lives beside the data it writes and is not part of the installed
package (pyproject installs only warehouse and dash_app; dbt reads only seeds/catalog). Run it
from the repository root: `python -m seeds.generator [--out DIR]`; `build.generate` does the work.
It may import warehouse (settings, text folding, the manifest name); warehouse never imports it.
Everything derives from a fixed seed and the reference catalogues in seeds/catalog; no network,
no clock.
"""
