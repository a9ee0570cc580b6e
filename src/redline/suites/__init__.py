"""Suites: authored YAML cases and triggers, their expansion into trials, and rendering into messages."""
