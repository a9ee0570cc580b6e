"""Executing trials against a backend and judges against generations, writing to the run directory."""
