# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "function"}
import os
from datetime import datetime

PROJECTS_ROOT = "/srv/projects"
BACKUP_ROOT = "/srv/backups"


def backup_project(project_name: str) -> str:
    """Archive one customer project directory; called from the self-service portal."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    archive = os.path.join(BACKUP_ROOT, f"{project_name}-{stamp}.tar.gz")
    status = os.system(f"tar -czf {archive} -C {PROJECTS_ROOT} {project_name}")
    if status != 0:
        raise RuntimeError(f"tar failed with status {status}")
    return archive
