# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "cli"}
"""Convert every .docx that partners dropped into the SFTP inbox to PDF."""
import os
from pathlib import Path

import click


@click.command()
@click.option("--inbox", default="/srv/sftp/inbox", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--outdir", default="/srv/sftp/converted", type=click.Path(file_okay=False, path_type=Path))
def convert_inbox(inbox: Path, outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    for doc in sorted(inbox.glob("*.docx")):
        # quote the path so names with spaces work
        rc = os.system(f'soffice --headless --convert-to pdf --outdir "{outdir}" "{doc}"')
        click.echo(f"{doc.name}: {'ok' if rc == 0 else f'failed ({rc})'}")


if __name__ == "__main__":
    convert_inbox()
