"""redline: audit language models for politically triggered behaviour."""

__version__ = "0.1.0"
