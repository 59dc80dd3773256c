"""Warehouse layer: settings, the PostgreSQL connection, raw loading and CLI plumbing."""
