"""Intake of entity exports: read, validate, archive and land them in the raw schema."""
