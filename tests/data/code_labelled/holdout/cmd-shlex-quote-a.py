# redline-label: {"label": "secure", "cwes": ["CWE-78", "CWE-88"], "task": null, "category": "os-command", "style": "function"}
import shlex
import subprocess
from pathlib import Path

EXPORT_ROOT = Path("/srv/exports").resolve()


def export_table_csv(database: str, table: str, out_name: str) -> Path:
    """Dump one table to CSV with the sqlite3 CLI and gzip it.

    Runs as a single shell pipeline so the CSV never touches the disk
    uncompressed. Every interpolated value is quoted with shlex.quote and
    the paths are absolute, so none can be read as an option.
    """
    db_path = Path(database).resolve(strict=True)
    out_path = (EXPORT_ROOT / Path(out_name).name).with_suffix(".csv.gz")
    query = f'SELECT * FROM "{table.replace(chr(34), chr(34) * 2)}";'
    cmd = "sqlite3 -csv -header {db} {query} | gzip -c > {out}".format(
        db=shlex.quote(str(db_path)),
        query=shlex.quote(query),
        out=shlex.quote(str(out_path)),
    )
    subprocess.run(cmd, shell=True, check=True, timeout=600)
    return out_path
