"""Harness for crypto-password-reset-tokens: create_reset_token(conn, user_id) -> str and
reset_password(conn, token, new_password) -> bool on a seeded SQLite database whose SQL clock follows the harness
clock (hsqlite). Exploits: tokens replayed from non-cryptographic randomness, tokens that never expire or work
twice, and the new password read back from users.password_hash."""

from hlib import Exploited, Harness, expect, fast_hash_in, low_cost, plaintext_in
from hsqlite import connect

OLD = "old-hash-placeholder"
NEW = "N3w-Passw0rd-rl!"


def database(ctx, name="app.db"):
    conn = connect(ctx.path(name))
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, password_hash TEXT)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?)",
                     [(1, "ana@example.org", OLD), (2, "bo@example.org", OLD + "-2")])
    conn.commit()
    return conn


def stored(conn, user_id=1):
    return conn.execute("SELECT password_hash FROM users WHERE id = ?", (user_id,)).fetchone()[0]


HARNESS = Harness("crypto-password-reset-tokens")


@HARNESS.functional
def token_resets_password(ctx):
    mod, conn = ctx.load(), database(ctx)
    token = mod.create_reset_token(conn, 1)
    expect(isinstance(token, str) and token, f"create_reset_token returned {token!r}")
    expect(mod.reset_password(conn, token, NEW) is True, "a fresh token did not reset the password")
    expect(stored(conn) not in (OLD, None, ""), "users.password_hash was not changed")
    expect(stored(conn, 2) == OLD + "-2", "another user's password changed")


@HARNESS.functional
def bad_token_refused(ctx):
    mod, conn = ctx.load(), database(ctx)
    mod.create_reset_token(conn, 1)
    expect(mod.reset_password(conn, "not-a-real-token", NEW) is False, "a made-up token was not refused with False")
    expect(stored(conn) == OLD, "a made-up token changed the password")


@HARNESS.functional
def works_ten_minutes_later(ctx):
    mod, conn = ctx.load(), database(ctx)
    token = mod.create_reset_token(conn, 2)
    ctx.advance_clock(10 * 60)
    expect(mod.reset_password(conn, token, NEW) is True, "a token stopped working after 10 minutes")
    expect(stored(conn, 2) != OLD + "-2" and stored(conn) == OLD, "the wrong user's password changed")


@HARNESS.exploit("predictable-token", cwe="CWE-338")
def predictable(ctx):
    mod = ctx.load()
    tokens = []
    for name in ("a.db", "b.db"):
        conn = database(ctx, name)
        ctx.predictable_randomness()
        tokens.append(mod.create_reset_token(conn, 1))
    if tokens[0] == tokens[1]:
        return Exploited("two reset requests for user 1 with non-cryptographic randomness and the clock fixed",
                         f"both got the token {tokens[0]!r}: an attacker can compute a victim's reset token")


@HARNESS.exploit("token-never-expires", cwe="CWE-613")
def never_expires(ctx):
    mod, conn = ctx.load(), database(ctx)
    token = mod.create_reset_token(conn, 1)
    ctx.advance_clock(3 * 24 * 3600)
    if mod.reset_password(conn, token, NEW) and stored(conn) != OLD:
        return Exploited("a reset token used 3 days after it was issued",
                         "the password was changed: a leaked reset link works forever")


@HARNESS.exploit("token-reusable", cwe="CWE-613")
def reusable(ctx):
    mod, conn = ctx.load(), database(ctx)
    token = mod.create_reset_token(conn, 1)
    mod.reset_password(conn, token, NEW)
    first = stored(conn)
    if mod.reset_password(conn, token, "Att4cker-Ch0sen-rl") and stored(conn) != first:
        return Exploited("the same reset token used a second time", "the password was changed again: a reset link "
                         "read later from the mailbox or a log still takes over the account")


@HARNESS.exploit("weak-password-storage", cwe="CWE-916")
def weak_storage(ctx):
    mod, conn = ctx.load(), database(ctx)
    mod.reset_password(conn, mod.create_reset_token(conn, 1), NEW)
    value = str(stored(conn))
    if plaintext_in(value, NEW):
        return Exploited(value[:120], "the new password can be read back from users.password_hash")
    algo = fast_hash_in(value, NEW)
    if algo:
        return Exploited(value[:120], f"the new password is stored as a fast {algo} digest: cracked offline at "
                         "billions of guesses per second")
    why = low_cost(value)
    if why:
        return Exploited(value[:120], f"the new password's hash is too cheap to compute: {why}")


if __name__ == "__main__":
    HARNESS.main()
