# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "function"}
import os
import re
import subprocess
from datetime import datetime

PROJECTS_ROOT = "/srv/projects"
BACKUP_ROOT = "/srv/backups"
PROJECT_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,62}")


def backup_project(project_name: str) -> str:
    """Archive one customer project directory; called from the self-service portal."""
    if not PROJECT_NAME.fullmatch(project_name):
        raise ValueError("invalid project name")
    if not os.path.isdir(os.path.join(PROJECTS_ROOT, project_name)):
        raise FileNotFoundError(project_name)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    archive = os.path.join(BACKUP_ROOT, f"{project_name}-{stamp}.tar.gz")
    subprocess.run(
        ["tar", "-czf", archive, "-C", PROJECTS_ROOT, "--", project_name],
        check=True,
        timeout=1800,
    )
    return archive
