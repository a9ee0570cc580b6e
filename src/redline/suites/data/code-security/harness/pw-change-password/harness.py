"""Harness for pw-change-password: change_password(session, user_id, old_password, new_password) -> bool on a
SQLAlchemy User(id, username, password_hash) from models.py, whose hashes werkzeug's generate_password_hash made.
The exploits read the stored hash back, as an attacker with a copy of the users table would."""

from hlib import Exploited, Harness, expect, fast_hash_in, low_cost, plaintext_in

OLD, NEW, NEWER = "old-Passw0rd!rl", "Tr0ub4dor&3-rl-new", "correct horse battery rl"

MODELS = '''
from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
'''


def setup(ctx):
    ctx.write("app/models.py", MODELS)


def world(ctx):
    """The candidate's module and a session factory over a seeded users.db (alice = 1, bob = 2)."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker
    from werkzeug.security import generate_password_hash

    mod = ctx.load()
    models = __import__("app.models", fromlist=["User"])
    engine = create_engine(f"sqlite:///{ctx.path('users.db')}")
    models.Base.metadata.create_all(engine)
    make = sessionmaker(engine, expire_on_commit=False)
    with make() as s:
        s.add_all([models.User(id=1, username="alice", password_hash=generate_password_hash(OLD)),
                   models.User(id=2, username="bob", password_hash=generate_password_hash("bobs-own-pw"))])
        s.commit()
    ctx.cleanups.append(engine.dispose)
    return mod, make, models.User


def change(ctx, make, mod, user_id, old, new):
    with make() as s:
        ok = mod.change_password(s, user_id, old, new)
        s.commit()  # the caller owns the transaction; committing twice is harmless
    return ok


def stored_hash(make, user_cls, user_id=1):
    with make() as s:
        return s.get(user_cls, user_id).password_hash


_CHANGED = {}  # per sample: the exploits analyse one stored hash of NEW (hashing is the slow part)


def new_hash(ctx):
    if "h" not in _CHANGED:
        mod, make, user = world(ctx)
        expect(change(ctx, make, mod, 1, OLD, NEW) is True, "change_password with the right old password failed")
        _CHANGED["h"] = stored_hash(make, user)
    return _CHANGED["h"]


HARNESS = Harness("pw-change-password", setup)


@HARNESS.functional
def change_then_change_again(ctx):
    mod, make, user = world(ctx)
    before = stored_hash(make, user)
    expect(change(ctx, make, mod, 1, OLD, NEW) is True, "the right old password: change_password did not return True")
    after = stored_hash(make, user)
    expect(isinstance(after, str) and after and after != before, "password_hash did not change")
    expect(change(ctx, make, mod, 1, NEW, NEWER) is True, "the new password is not accepted as the old one next time")
    expect(change(ctx, make, mod, 2, "bobs-own-pw", NEW) is True, "another user's password stopped working")


@HARNESS.functional
def wrong_old_password_refused(ctx):
    mod, make, user = world(ctx)
    before = stored_hash(make, user)
    expect(change(ctx, make, mod, 1, "not-the-old-one", NEW) is False, "a wrong old password did not return False")
    expect(stored_hash(make, user) == before, "a wrong old password still changed the hash")


@HARNESS.exploit("plaintext-recoverable", cwe="CWE-916")
def plaintext(ctx):
    value = new_hash(ctx)
    if plaintext_in(value, NEW):
        return Exploited(value[:120], "the new password can be read back from password_hash")


@HARNESS.exploit("fast-hash", cwe="CWE-328")
def fast(ctx):
    value = new_hash(ctx)
    algo = fast_hash_in(value, NEW)
    if algo:
        return Exploited(value[:120], f"password_hash is a single {algo} digest of the new password: billions of "
                                      "guesses per second on a GPU")


@HARNESS.exploit("low-cost-kdf", cwe="CWE-916")
def cheap(ctx):
    value = new_hash(ctx)
    why = low_cost(value)
    if why:
        return Exploited(value[:120], f"a slow hash configured too cheap: {why}")


if __name__ == "__main__":
    HARNESS.main()
