"""Run untrusted (model-written) programs: namespace, container or (explicitly) no sandbox.

Model output is never imported by redline's own process; it runs in a worker started inside the sandbox.
"""

from redline.sandbox.kinds import KINDS, Availability, choose, probe
from redline.sandbox.limits import Limits, scrubbed_env
from redline.sandbox.session import SandboxConfig, SandboxPool, SandboxSession, SandboxUnavailable

__all__ = ["KINDS", "Availability", "Limits", "SandboxConfig", "SandboxPool", "SandboxSession",
           "SandboxUnavailable", "choose", "probe", "scrubbed_env"]
