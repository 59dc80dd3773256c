"""Tests of data intake: reading, validation, loading, templates and the bad-file corpus."""
