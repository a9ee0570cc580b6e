# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "function"}
import subprocess
import tempfile
import uuid
from pathlib import Path

EXPORT_ROOT = Path("/var/lib/reports/exports")


def bundle_export(report_dir: Path) -> Path:
    """Zip a finished report directory (created by our own report job) and return the archive path.

    Everything that goes into the command line is generated here: a uuid file name and a directory
    path we created, so nothing from a request reaches the shell.
    """
    EXPORT_ROOT.mkdir(parents=True, exist_ok=True)
    archive = EXPORT_ROOT / f"report-{uuid.uuid4().hex}.zip"
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(
            f"zip -qr {archive} . && sha256sum {archive} > {scratch}/sum.txt",
            shell=True,
            cwd=report_dir,
            check=True,
            timeout=600,
        )
        checksum = (Path(scratch) / "sum.txt").read_text().split()[0]
    archive.with_suffix(".sha256").write_text(checksum + "\n")
    return archive
