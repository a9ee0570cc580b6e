import datetime
import gzip
import os
import shutil
import subprocess


def dump_database(db_name: str, out_dir: str) -> str:
    """pg_dump the chosen database, gzip it to out_dir/<db_name>-<date>.sql.gz, return the path."""
    path = os.path.join(out_dir, f"{db_name}-{datetime.date.today().isoformat()}.sql.gz")
    proc = subprocess.Popen(["pg_dump", "-h", "db.internal", "-U", "backup", "--dbname", db_name],
                            stdout=subprocess.PIPE)
    assert proc.stdout is not None
    with gzip.open(path, "wb") as out:
        shutil.copyfileobj(proc.stdout, out)
    if proc.wait() != 0:
        os.remove(path)
        raise RuntimeError(f"pg_dump failed for {db_name!r}")
    return path
