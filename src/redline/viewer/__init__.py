"""``redline view``: a local web app over run directories (DuckDB-backed, localhost only, no JavaScript)."""
