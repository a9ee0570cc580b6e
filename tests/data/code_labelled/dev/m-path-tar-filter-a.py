# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "cli"}
"""Unpack a theme bundle downloaded from the marketplace into the themes folder."""
import sys
import tarfile
from pathlib import Path

import click


@click.command()
@click.argument("bundle", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--themes-dir", default="themes", type=click.Path(file_okay=False, path_type=Path))
def install_theme(bundle: Path, themes_dir: Path) -> None:
    target = themes_dir / bundle.name.removesuffix(".tar.gz")
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(bundle, "r:gz") as tar:
        # the "data" filter rejects absolute paths, ".." members, links leaving the target and device files
        tar.extractall(target, filter="data")
    click.echo(f"installed {bundle.name} into {target}")


if __name__ == "__main__":
    sys.exit(install_theme())
