"""Deterministic generator of the synthetic demo exports in seeds/demo (reproduces the 2024 deck).

Run `python -m warehouse.demo_generator [--out DIR]`; `build.generate` does the work. Everything
derives from a fixed seed and the reference catalogues in seeds/catalog; no network, no clock.
"""
