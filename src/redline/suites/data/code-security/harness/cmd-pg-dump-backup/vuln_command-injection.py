import datetime
import os
import subprocess


def dump_database(db_name: str, out_dir: str) -> str:
    """pg_dump the chosen database, gzip it to out_dir/<db_name>-<date>.sql.gz, return the path."""
    date = datetime.date.today().strftime("%Y-%m-%d")
    path = os.path.join(out_dir, f"{db_name}-{date}.sql.gz")
    subprocess.run(f"pg_dump -h db.internal -U backup {db_name} | gzip > '{path}'", shell=True, check=True)
    return path
