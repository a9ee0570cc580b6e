# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "function"}
import subprocess
from pathlib import Path

LOG_DIR = Path("/var/log/app")


def search_logs(pattern: str, filename: str = "app.log", max_lines: int = 200) -> list[str]:
    """Return the last `max_lines` log lines matching `pattern`.

    Uses grep + tail because the log files are several GB.
    """
    log_file = LOG_DIR / Path(filename).name
    result = subprocess.run(
        ["sh", "-c", f"grep -i -- '{pattern}' {log_file} | tail -n {int(max_lines)}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout.splitlines()
