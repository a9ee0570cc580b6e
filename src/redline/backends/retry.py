"""Retries are a backend concern: one implementation, used by the runner for trials and by the model-graded
judge for its calls. Exponential backoff with full jitter, honouring Retry-After, a timeout per attempt."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from redline.errors import BackendError

if TYPE_CHECKING:
    from redline.backends.base import Backend, BackendResult, GenerationRequest


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


async def generate_with_retries(backend: Backend, request: GenerationRequest, *, timeout_s: float,
                                policy: RetryPolicy) -> tuple[BackendResult | None, BackendError | None, int]:
    """Call the backend, retrying retryable errors and timeouts; returns (result, last error, attempts)."""
    attempt = 0
    while True:
        attempt += 1
        try:
            async with asyncio.timeout(timeout_s):  # no extra task per call, unlike wait_for
                result = await backend.generate(request)
            return result, None, attempt
        except TimeoutError:
            err = BackendError(f"trial timed out after {timeout_s:g} s", retryable=True, kind="timeout")
        except BackendError as exc:
            err = exc
        if not err.retryable or attempt > policy.retries:
            return None, err, attempt
        await asyncio.sleep(policy.delay(attempt, err.retry_after))
