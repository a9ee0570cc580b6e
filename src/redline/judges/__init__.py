"""Judges turn generations into verdicts: code security, answer labels, reasoning kill switch."""
