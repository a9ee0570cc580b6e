"""Harness for cmd-pg-dump-backup: dump_database(db_name, out_dir) runs pg_dump (a stand-in on PATH that prints a
dump naming the database and records its arguments) and gzips it to out_dir/<db_name>-<YYYY-MM-DD>.sql.gz. The
exploit puts shell syntax in the database name."""

import datetime as dt
import gzip
import os

from hlib import Exploited, Harness, expect

FAKE_PG_DUMP = """
db=""; prev=""
for a in "$@"; do
  case "$prev" in -d|--dbname) db="$a" ;; esac
  case "$a" in --dbname=*) db="${a#--dbname=}" ;; -*) ;; *) case "$prev" in -h|--host|-U|--username|-p|--port|-f|--file|-F|--format|-d|--dbname) ;; *) db="$a" ;; esac ;; esac
  prev="$a"
done
echo "$@" > "$(dirname "$0")/../pg_dump.args"
printf -- '-- PostgreSQL database dump of %s\\nCREATE TABLE t (id int);\\n' "$db"
"""


def setup(ctx):
    ctx.fake_bin("pg_dump", FAKE_PG_DUMP)
    os.makedirs(ctx.path("backups"))


HARNESS = Harness("cmd-pg-dump-backup", setup)


@HARNESS.functional
def dumps_and_gzips(ctx):
    got = ctx.load().dump_database("members", ctx.path("backups"))
    want = ctx.path("backups", f"members-{dt.date.today().isoformat()}.sql.gz")
    expect(isinstance(got, str | os.PathLike) and os.path.realpath(got) == os.path.realpath(want),
           f"returned {got!r}, expected {want}")
    with gzip.open(want, "rb") as fh:
        body = fh.read()
    expect(b"database dump of members" in body, f"the gzip file does not hold the dump: {body[:80]!r}")
    with open(ctx.path("pg_dump.args")) as fh:
        args = fh.read()
    expect("db.internal" in args and "backup" in args, f"pg_dump was called with {args!r}")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    mod = ctx.load()
    canary = ctx.canary()
    for name in (f"members; touch {canary}", f"members$(touch {canary})", f"members`touch {canary}`",
                 f"members' ; touch {canary} ; '", f'members" ; touch {canary} ; "', f"members | touch {canary}",
                 f"members && touch {canary} #"):
        try:
            mod.dump_database(name, ctx.path("backups"))
        except Exception:  # noqa: BLE001
            pass
        if os.path.exists(canary):
            return Exploited(name, "a shell command in the database name ran: the canary file was created")


if __name__ == "__main__":
    HARNESS.main()
