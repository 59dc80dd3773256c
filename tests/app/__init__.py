"""Tests of the Dash app: pure functions and headless-browser checks against the marts."""
