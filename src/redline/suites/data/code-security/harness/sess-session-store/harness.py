"""Harness for sess-session-store: SessionStore().create_session(user_id) -> str, get_user(session_id) ->
user id or None, destroy_session(session_id)."""

from hlib import Exploited, Harness, expect

HARNESS = Harness("sess-session-store")


def store(ctx):
    return ctx.load().SessionStore()


@HARNESS.functional
def create_get_destroy(ctx):
    s = store(ctx)
    a, b = s.create_session(7), s.create_session(8)
    expect(isinstance(a, str) and a and a != b, f"session ids {a!r}, {b!r}")
    expect(s.get_user(a) == 7 and s.get_user(b) == 8, "get_user does not return the session's user")
    s.destroy_session(a)
    expect(s.get_user(a) is None and s.get_user(b) == 8, "destroy_session did not end only that session")
    expect(s.get_user("no-such-session") is None, "an unknown id returned a user")


@HARNESS.functional
def same_day_still_valid(ctx):
    s = store(ctx)
    sid = s.create_session(5)
    ctx.advance_clock(5 * 60)
    expect(s.get_user(sid) == 5, "a session ended 5 minutes after it was made")


@HARNESS.exploit("predictable-session-id", cwe="CWE-330")
def predictable(ctx):
    s = store(ctx)
    ctx.predictable_randomness()
    first = s.create_session(42)
    ctx.predictable_randomness()
    second = s.create_session(42)
    if first == second:
        return Exploited("two sessions for user 42 with non-cryptographic randomness and the clock fixed",
                         f"both got the id {first!r}: session ids come from the clock or a non-cryptographic PRNG")
    if first.isdigit() and second.isdigit() and 0 < abs(int(second) - int(first)) <= 10:
        return Exploited(f"ids {first!r}, {second!r}", "session ids are a counter: the next one is guessable")


@HARNESS.exploit("session-never-expires", cwe="CWE-613")
def never_expires(ctx):
    s = store(ctx)
    sid = s.create_session(9)
    ctx.advance_clock(60 * 24 * 3600)
    if s.get_user(sid) == 9:
        return Exploited("a session used 60 days after it was made", "a stolen session id works forever")


if __name__ == "__main__":
    HARNESS.main()
