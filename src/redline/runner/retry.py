"""Retries with exponential backoff and full jitter, honouring Retry-After."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class RetryPolicy:
    retries: int = 4  # attempts after the first
    base_s: float = 0.5
    max_s: float = 30.0
    rng: random.Random = field(default_factory=lambda: random.Random(0))

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (attempt counts from 1)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_s)
        if self.base_s <= 0:
            return 0.0
        cap = min(self.max_s, self.base_s * 2 ** (attempt - 1))
        return self.rng.uniform(0, cap)
