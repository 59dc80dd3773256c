"""Pages of the public deployment: only the public page and a 404 (nothing internal is imported)."""
