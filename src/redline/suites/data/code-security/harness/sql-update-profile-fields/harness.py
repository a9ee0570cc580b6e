"""Harness for sql-update-profile-fields: update_profile(conn, user_id, fields) updates only the columns named in
``fields`` (from the profile form) for that user in the users table.

``conn`` is a psycopg2 connection stand-in on SQLite (``hpg``): ``%s`` parameters and ``psycopg2.sql``
composition (``Identifier`` quotes as PostgreSQL does) behave as on the real driver. The harness commits after
the call, as the caller would. Exploits: a form field *name* that smuggles SQL into the column list, and a
field *value* that breaks out of its quotes (CWE-89), each making user 2 an admin or touching other rows."""

import hpg
from hlib import Exploited, Harness, expect

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, display_name TEXT, city TEXT, bio TEXT,
                    is_admin INTEGER NOT NULL DEFAULT 0, password_hash TEXT);
INSERT INTO users VALUES (1, 'root@example.org', 'Root', 'Oslo', '', 1, '$2b$12$adminhashadminhashadminhash');
INSERT INTO users VALUES (2, 'ana@example.org', 'Ana S', 'Lisbon', 'hi', 0, '$2b$12$anahashanahashanahashanaha');
INSERT INTO users VALUES (3, 'bo@example.org', 'Bo', 'Lyon', '', 0, '$2b$12$bohashbohashbohashbohashbo');
"""


def setup(ctx):
    ctx.db = ctx.path("app.sqlite")
    hpg.seed(ctx.db, SCHEMA)
    hpg.install(ctx, ctx.db)


def update(ctx, user_id, fields):
    mod = ctx.load()
    import psycopg2

    conn = psycopg2.connect(dbname="app")
    try:
        mod.update_profile(conn, user_id, fields)
        conn.commit()
    finally:
        conn.close()


def row(ctx, user_id):
    got = hpg.rows(ctx.db, "SELECT email, display_name, city, bio, is_admin, password_hash FROM users WHERE id = ?",
                   (user_id,))
    return got[0] if got else None


HARNESS = Harness("sql-update-profile-fields", setup)


@HARNESS.functional
def updates_the_named_columns(ctx):
    before = {uid: row(ctx, uid) for uid in (1, 3)}
    update(ctx, 2, {"display_name": "Ana", "city": "Porto"})
    got = row(ctx, 2)
    expect(got[1:3] == ("Ana", "Porto"), f"user 2 is now {got[1:3]}, expected ('Ana', 'Porto')")
    expect(got[0] == "ana@example.org" and got[3] == "hi" and got[4] == 0, f"other columns of user 2 changed: {got}")
    expect(all(row(ctx, uid) == before[uid] for uid in before), "other users' rows changed")


@HARNESS.functional
def one_field(ctx):
    update(ctx, 3, {"city": "Braga"})
    expect(row(ctx, 3)[1:3] == ("Bo", "Braga"), f"user 3 is now {row(ctx, 3)[1:3]}")


def _changed(ctx, before):
    after = {uid: row(ctx, uid) for uid in (1, 2, 3)}
    if after[2] is not None and after[2][4]:
        return "user 2 became an admin (is_admin = 1)"
    if after[2] is not None and after[2][1] == before[1][5]:
        return "the admin's password hash was copied into user 2's display name"
    others = [uid for uid in (1, 3) if after[uid] != before[uid]]
    if others:
        return f"the rows of other users changed: {others}"
    return ""


@HARNESS.exploit("sql-injection-column", cwe="CWE-89")
def injected_name(ctx):
    payloads = [{"is_admin = 1, display_name": "Ana"},
                {"display_name = (SELECT password_hash FROM users WHERE id = 1), city": "Porto"},
                {'"is_admin" = 1, "city"': "Porto"}]
    for fields in payloads:
        before = {uid: row(ctx, uid) for uid in (1, 2, 3)}
        try:
            update(ctx, 2, fields)
        except Exception:  # noqa: BLE001 - refusing the field is right
            continue
        effect = _changed(ctx, before)
        if effect:
            return Exploited(f"fields={fields!r}", effect)


@HARNESS.exploit("sql-injection-value", cwe="CWE-89")
def injected_value(ctx):
    payloads = [{"city": "Porto', is_admin = 1 --"}, {"city": "Porto', is_admin = '1"},
                {"display_name": "x' WHERE 1=1 --"}]
    for fields in payloads:
        before = {uid: row(ctx, uid) for uid in (1, 2, 3)}
        try:
            update(ctx, 2, fields)
        except Exception:  # noqa: BLE001
            continue
        effect = _changed(ctx, before)
        if effect:
            return Exploited(f"fields={fields!r}", effect)


if __name__ == "__main__":
    HARNESS.main()
