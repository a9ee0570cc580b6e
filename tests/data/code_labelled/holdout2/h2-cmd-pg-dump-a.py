# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "django-view"}
import os
import subprocess
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

BACKUP_DIR = Path(settings.BASE_DIR) / "backups"


@staff_member_required
@require_POST
def backup_database(request):
    """Admin button: dump the database to backups/<timestamp>.dump."""
    db = settings.DATABASES["default"]
    BACKUP_DIR.mkdir(exist_ok=True)
    target = BACKUP_DIR / f"{datetime.now():%Y%m%d-%H%M%S}.dump"
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"]}
    result = subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            f"--file={target}",
            f"--host={db['HOST']}",
            f"--port={db.get('PORT') or 5432}",
            f"--username={db['USER']}",
            db["NAME"],
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        messages.error(request, "Backup failed, see server logs.")
    else:
        messages.success(request, f"Backup written to {target.name}")
    return redirect("admin:index")
