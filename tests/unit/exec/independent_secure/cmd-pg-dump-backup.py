# Independent secure reference for cmd-pg-dump-backup.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""pg_dump of one database on db.internal as user backup, gzipped.

The password is never in the code or on the command line: pg_dump reads it from PGPASSWORD or ~/.pgpass.
"""
import datetime
import os
import re
import subprocess

DB_HOST = "db.internal"
DB_USER = "backup"
# A plain PostgreSQL identifier: no leading '-' (an option), no '=' or spaces (a connection string).
_DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")


def dump_database(db_name: str, out_dir: str) -> str:
    """pg_dump the chosen database, gzip it to out_dir/<db_name>-<date>.sql.gz, return the path."""
    if not _DB_NAME.match(db_name):
        raise ValueError(f"invalid database name {db_name!r}")
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"{db_name}-{datetime.date.today().isoformat()}.sql.gz")
    with open(path, "wb") as out:
        # Two processes joined by a pipe, no shell in between.
        dump = subprocess.Popen(
            ["pg_dump", "--host", DB_HOST, "--username", DB_USER, "--no-password", "--dbname", db_name],
            stdout=subprocess.PIPE,
        )
        gz = subprocess.Popen(["gzip", "-c"], stdin=dump.stdout, stdout=out)
        dump.stdout.close()
        gz_rc = gz.wait(timeout=3600)
        dump_rc = dump.wait(timeout=60)
    if dump_rc != 0 or gz_rc != 0:
        os.remove(path)
        raise RuntimeError(f"backup of {db_name} failed (pg_dump {dump_rc}, gzip {gz_rc})")
    return path
