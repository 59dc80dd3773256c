"""Reusable Dash components: navbar, filters, KPI cards."""
