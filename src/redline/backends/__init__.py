"""Backends: where generations come from (embedded model, OpenAI-compatible HTTP, scripted for tests)."""
