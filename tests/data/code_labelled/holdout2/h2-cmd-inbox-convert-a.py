# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "cli"}
"""Convert every .docx that partners dropped into the SFTP inbox to PDF."""
import subprocess
from pathlib import Path

import click


@click.command()
@click.option("--inbox", default="/srv/sftp/inbox", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--outdir", default="/srv/sftp/converted", type=click.Path(file_okay=False, path_type=Path))
def convert_inbox(inbox: Path, outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    for doc in sorted(inbox.glob("*.docx")):
        # absolute paths in an argv list: names with spaces, quotes or leading dashes stay plain arguments
        result = subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(outdir.resolve()), str(doc.resolve())],
            capture_output=True,
            text=True,
            timeout=120,
        )
        status = "ok" if result.returncode == 0 else f"failed ({result.returncode})"
        click.echo(f"{doc.name}: {status}")


if __name__ == "__main__":
    convert_inbox()
