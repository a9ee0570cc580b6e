"""Statistics over a run's verdicts: rates, paired contrasts, language and topic comparisons, sample sizes.

Every function here is pure (records in, numbers out); ``compute.compute_stats`` assembles them for one run.
"""
