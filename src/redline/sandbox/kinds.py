"""Which sandboxes exist on this machine, and the command line that starts a worker inside each.

``namespace``: ``unshare`` user/net/PID/mount namespaces; inside, loopback is brought up, every mount is made
read-only except the private work directory, and ``/srv`` gets a private tmpfs (tasks keep data there). A worker's
work directory is a private tmpfs too: the samples' SQLite commits and fsyncs then cost no disk writes.
``docker``/``podman``: the image built from the Dockerfile next to this file, no network, read-only root.
``none``: no isolation at all; only with an explicit opt-in, and it says so.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

KINDS = ("auto", "namespace", "docker", "podman", "none")
STRENGTH = ("docker", "podman", "namespace")  # auto tries these in order
PACKAGE_DIR = Path(__file__).resolve().parent
WORKER = PACKAGE_DIR / "worker.py"
DOCKERFILE = PACKAGE_DIR / "Dockerfile"
CONTAINER_PKG = "/opt/redline-sandbox"
CONTAINER_WORK = "/work"
SCRATCH = ("/srv",)  # private, writable, empty in every sandbox
WORK_TMPFS_SIZE = "512m"  # a worker's work directory (``namespace_command``), emptied after every job

# Runs as root of the new user namespace, before the worker starts. $1 is the work directory; $2 is "tmpfs" to
# mount an empty private tmpfs on it, "bind" to keep what is there.
NAMESPACE_SETUP = r"""
set -e
W="$1"; T="$2"; shift 2
ip link set lo up 2>/dev/null || true
if [ "$T" = tmpfs ]; then mount -t tmpfs -o size=__WORK_SIZE__,mode=0700 tmpfs "$W"; else mount --bind "$W" "$W"; fi
for s in __SCRATCH__; do
  if [ -d "$s" ]; then mount -t tmpfs -o size=256m,mode=0777 tmpfs "$s"; fi
done
awk '{print $5}' /proc/self/mountinfo | sort -r | while read -r m; do
  case "$m" in "$W"|/proc|/proc/*|__SCRATCH_CASE__) continue;; esac
  mount -o remount,bind,ro "$m" 2>/dev/null || true
done
touch /.redline-ro-probe 2>/dev/null && { echo "root still writable" >&2; exit 97; }
cd "$W"
exec "$@"
"""


@dataclass(frozen=True)
class Availability:
    kind: str
    available: bool
    reason: str = ""


def _run_ok(cmd: list[str], timeout: float = 10.0) -> tuple[bool, str]:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return proc.returncode == 0, (proc.stderr or proc.stdout).strip()[-300:]


@cache
def probe(kind: str) -> Availability:
    """Whether a sandbox kind works here (cached per process): a real start, not a guess."""
    if kind == "none":
        return Availability("none", True, "no isolation")
    if kind == "namespace":
        for tool in ("unshare", "mount", "awk"):
            if shutil.which(tool) is None:
                return Availability(kind, False, f"`{tool}` is not installed")
        ok, err = _run_ok([*namespace_prefix(), "sh", "-c", "true"])
        return Availability(kind, ok, "" if ok else f"unshare failed: {err or 'user namespaces disabled?'}")
    if kind in ("docker", "podman"):
        if shutil.which(kind) is None:
            return Availability(kind, False, f"`{kind}` is not installed")
        ok, err = _run_ok([kind, "info"], timeout=8.0)
        return Availability(kind, ok, "" if ok else f"{kind} daemon not reachable: {err[:160]}")
    return Availability(kind, False, f"unknown sandbox kind {kind!r}")


def choose(requested: str, *, allow_none: bool = False) -> Availability:
    """Resolve ``auto`` to the strongest kind available; ``none`` only with ``allow_none``."""
    if requested not in KINDS:
        return Availability(requested, False, f"unknown sandbox kind {requested!r}; one of {', '.join(KINDS)}")
    if requested == "none":
        return probe("none") if allow_none else Availability(
            "none", False, "sandbox 'none' runs model code unisolated; pass the explicit opt-in to allow it")
    if requested != "auto":
        return probe(requested)
    reasons = []
    for kind in STRENGTH:
        got = probe(kind)
        if got.available:
            return got
        reasons.append(f"{kind}: {got.reason}")
    return Availability("auto", False, "no sandbox available (" + "; ".join(reasons) + ")")


def namespace_prefix() -> list[str]:
    return ["unshare", "--user", "--map-root-user", "--net", "--pid", "--fork", "--mount-proc", "--kill-child"]


def namespace_wrap(workdir: str, argv: list[str], *, fresh_tmpfs: bool = False) -> list[str]:
    """``argv`` run in fresh namespaces, with ``workdir`` its only writable place (besides the scratch tmpfs).
    ``fresh_tmpfs``: ``workdir`` is an empty private tmpfs inside (what the host wrote there is not seen)."""
    setup = NAMESPACE_SETUP.replace("__SCRATCH__", " ".join(SCRATCH)).replace(
        "__SCRATCH_CASE__", "|".join(SCRATCH)).replace("__WORK_SIZE__", WORK_TMPFS_SIZE)
    return [*namespace_prefix(), "sh", "-c", setup, "sh", workdir, "tmpfs" if fresh_tmpfs else "bind", *argv]


def namespace_command(workdir: str, preload: str, preload_path: str = "") -> list[str]:
    return namespace_wrap(workdir, [sys.executable, "-I", str(WORKER), workdir, preload, preload_path],
                          fresh_tmpfs=True)


def image_tag() -> str:
    digest = hashlib.sha256(DOCKERFILE.read_bytes() + WORKER.read_bytes()).hexdigest()[:12]
    return f"redline-sandbox:{digest}"


def ensure_image(engine: str) -> str:
    """Build the sandbox image once (offline builds need the base image present locally)."""
    tag = image_tag()
    ok, _ = _run_ok([engine, "image", "inspect", tag])
    if not ok:
        ok, err = _run_ok([engine, "build", "-t", tag, "-f", str(DOCKERFILE), str(PACKAGE_DIR)], timeout=900.0)
        if not ok:
            raise RuntimeError(f"building {tag} failed: {err}")
    return tag


def container_command(engine: str, mounts: dict[str, str], preload: str, *, memory_mb: int,
                      processes: int, preload_path: str = "") -> list[str]:
    """``mounts`` maps host folders to read-only container paths (the harness library, the harnesses)."""
    cmd = [engine, "run", "-i", "--rm", "--network", "none", "--read-only", "--cap-drop", "ALL",
           "--security-opt", "no-new-privileges", "--pids-limit", str(processes * 2),
           "--memory", f"{memory_mb}m", "--tmpfs", f"{CONTAINER_WORK}:rw,size=256m,exec",
           "-v", f"{PACKAGE_DIR}:{CONTAINER_PKG}:ro"]
    for scratch in SCRATCH:
        cmd += ["--tmpfs", f"{scratch}:rw,size=256m"]
    for host, inside in mounts.items():
        cmd += ["-v", f"{host}:{inside}:ro"]
    return [*cmd, ensure_image(engine), "python", "-I", f"{CONTAINER_PKG}/worker.py", CONTAINER_WORK, preload,
            preload_path]
