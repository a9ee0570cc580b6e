"""Run directories: plain append-only files that survive crashes and can be re-read by any stage."""
