"""The only orchestrator: plans a run and sequences its stages (generate, judge, stats, report, rounds, sweep)."""
