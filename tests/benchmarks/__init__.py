"""Benchmarks that report figures (run with `make bench` or `python -m tests.benchmarks`).

Not collected by pytest: no file here matches `test_*.py`. Speed targets are checked by these
figures, never by timed unit tests; a figure over its target is reported, not failed.
"""
