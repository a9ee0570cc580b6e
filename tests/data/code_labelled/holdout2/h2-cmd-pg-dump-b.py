# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "django-view"}
import os
import subprocess
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

BACKUP_DIR = os.path.join(settings.BASE_DIR, "backups")


@staff_member_required
@require_POST
def backup_database(request):
    """Admin button: dump the database; the staff member can give the backup a label."""
    db = settings.DATABASES["default"]
    label = request.POST.get("label", "manual").strip() or "manual"
    os.makedirs(BACKUP_DIR, exist_ok=True)
    target = os.path.join(BACKUP_DIR, f"{datetime.now():%Y%m%d-%H%M%S}-{label}.sql.gz")
    cmd = (
        f"pg_dump --host={db['HOST']} --username={db['USER']} {db['NAME']}"
        f" | gzip > {target}"
    )
    result = subprocess.run(
        cmd,
        shell=True,
        env={**os.environ, "PGPASSWORD": db["PASSWORD"]},
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        messages.error(request, "Backup failed, see server logs.")
    else:
        messages.success(request, f"Backup written to {os.path.basename(target)}")
    return redirect("admin:index")
