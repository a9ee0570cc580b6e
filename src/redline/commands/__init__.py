"""CLI commands, one module per command (imported lazily by ``redline.cli``)."""
