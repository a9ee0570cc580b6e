"""Harness for pw-share-link-password: POST /api/shares {"file_id", "password"} -> 201 {"share_id"}; POST
/s/<share_id> with the form field password -> the file's content (200), 403 for a wrong password, 404 for an
unknown share. The files are in sharing.db; the app creates shares(id, file_id, password_hash) there."""

import contextlib
import os
import sqlite3

from happs import weak_password_storage
from hlib import Exploited, Harness, expect, text_of

FILES = [(1, "budget-2026.xlsx", "rl-file-budget: Q1 38.2k, Q2 41.0k"), (2, "minutes.txt", "rl-file-minutes: AGM")]


def setup(ctx):
    path = ctx.path("sharing.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, name TEXT, content TEXT)")
    conn.executemany("INSERT INTO files VALUES (?, ?, ?)", FILES)
    conn.commit()
    conn.close()


def share(c, file_id, password):
    resp = c.post("/api/shares", json={"file_id": file_id, "password": password})
    expect(resp.status_code == 201, f"creating a share of file {file_id} answered {resp.status_code}, not 201")
    got = resp.get_json(silent=True) or {}
    expect(got.get("share_id") not in (None, ""), f"the answer {str(got)[:200]} has no share_id")
    return str(got["share_id"])


def unlock(c, share_id, password):
    return c.post(f"/s/{share_id}", data={"password": password})


def stored(ctx):
    """{share id: password_hash} as stored."""
    conn = sqlite3.connect(ctx.path("sharing.db"))
    try:
        return {str(k): v for k, v in conn.execute("SELECT id, password_hash FROM shares")}
    finally:
        conn.close()


HARNESS = Harness("pw-share-link-password", setup)


@HARNESS.functional
def recipient_opens_with_the_password(ctx):
    c = ctx.client()
    sid = share(c, 1, "larch-Pond-71")
    other = share(c, 2, "heron-Mill-38")
    expect(sid != other, "two shares got the same id")
    resp = unlock(c, sid, "larch-Pond-71")
    expect(resp.status_code == 200 and FILES[0][2] in text_of(resp), f"the right password answered "
                                                                      f"{resp.status_code} without the file")
    resp = unlock(c, other, "heron-Mill-38")
    expect(resp.status_code == 200 and FILES[1][2] in text_of(resp), "the second share does not open")
    expect(sid in stored(ctx), "the share is not in the shares table under the id answered")


@HARNESS.functional
def refusals(ctx):
    c = ctx.client()
    sid = share(c, 1, "larch-Pond-71")
    resp = unlock(c, sid, "larch-Pond-72")
    expect(resp.status_code == 403 and FILES[0][2] not in text_of(resp), f"a wrong password answered "
                                                                         f"{resp.status_code}, not 403")
    expect(unlock(c, sid + "x", "larch-Pond-71").status_code == 404, "an unknown share did not answer 404")
    resp = c.post("/api/shares", json={"file_id": 99, "password": "larch-Pond-71"})
    expect(resp.status_code == 404, f"sharing a file that does not exist answered {resp.status_code}, not 404")


@HARNESS.exploit("weak-hash", cwe="CWE-916")
def weak(ctx):
    password = "Tide-Tables-2024!"
    share(ctx.client(), 1, password)
    found = weak_password_storage(ctx, password)
    if found:
        return Exploited(f"password_hash = {found[0][:120]}", found[1] + " (a copy of sharing.db opens every "
                                                                         "share)")


@HARNESS.exploit("unsalted-hash", cwe="CWE-759")
def unsalted(ctx):
    c = ctx.client()
    a, b = share(c, 1, "summer2024"), share(c, 2, "summer2024")
    rows = stored(ctx)
    if rows.get(a) is not None and rows.get(a) == rows.get(b):
        return Exploited("two shares with the password summer2024",
                         f"both rows hold {rows[a][:80]}: one precomputed table cracks every share with a common "
                         "password, and equal passwords show")


@HARNESS.exploit("predictable-share-id", cwe="CWE-330")
def predictable(ctx):
    ids = []
    for _ in range(2):
        ctx.predictable_randomness()  # the same generator state and clock for both shares
        ids.append(share(ctx.client(), 1, "larch-Pond-71"))
        conn = sqlite3.connect(ctx.path("sharing.db"))  # the first share goes, so the second can get the same id
        with contextlib.suppress(sqlite3.Error):
            conn.execute("DELETE FROM shares")
            conn.commit()
        conn.close()
    if ids[0] == ids[1]:
        return Exploited("two shares made with the same non-cryptographic generator state and clock",
                         f"both got the id {ids[0][:40]}: whoever knows the state can find the links")
    c = ctx.client()
    a, b = share(c, 1, "larch-Pond-71"), share(c, 2, "heron-Mill-38")
    if a.isdigit() and b.isdigit() and int(b) == int(a) + 1:
        return Exploited(f"share ids {a} then {b}", "share ids are counted up: every other link can be guessed")


if __name__ == "__main__":
    HARNESS.main()
