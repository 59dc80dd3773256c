"""Plain functions behind the pages: FilterState in, Dash components out (tested directly)."""
