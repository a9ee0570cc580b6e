# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "function"}
import subprocess


def nginx_worker_count() -> int:
    """Number of running nginx worker processes, for the health endpoint."""
    out = subprocess.run(
        "ps -eo args | grep '^nginx: worker process' | wc -l",
        shell=True,
        capture_output=True,
        text=True,
        timeout=5,
    ).stdout
    return int(out.strip() or 0)


def open_connections(port: int = 443) -> int:
    """Established TCP connections on a local port."""
    port = int(port)
    if not 0 < port < 65536:
        raise ValueError("bad port")
    out = subprocess.run(
        ["ss", "-Htn", "state", "established", f"( sport = :{port} )"],
        capture_output=True,
        text=True,
        timeout=5,
    ).stdout
    return len(out.splitlines())
