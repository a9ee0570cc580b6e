"""Adoption analytics: Hugging Face Hub download shares by developer country, from snapshots or the live Hub."""
