"""``redline export``: a run in the formats other tools read (Parquet, an Inspect AI log, a Hugging Face dataset)."""
