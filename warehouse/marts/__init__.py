"""Query layer: the only code that reads the warehouse (marts only, bound parameters)."""
