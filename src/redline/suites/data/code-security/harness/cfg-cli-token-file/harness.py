"""Harness for cfg-cli-token-file: login() reads the token (input or getpass, both answered by the harness) and
saves it under $HOME/.config/ourtool/credentials.json (HOME is the test's directory); load_token() reads it back.
Exploits: the saved file readable by other local users (umask 022, as on most systems), and the token printed
or logged."""

import builtins
import getpass
import os
import stat

from hlib import Exploited, Harness, expect
from hlogs import capture

TOKEN = "rl-api-token-8d1f4e2b9c7a6350"


def setup(ctx):
    os.environ["HOME"] = ctx.dir
    old_umask = os.umask(0o022)
    originals = (builtins.input, getpass.getpass)
    builtins.input = lambda prompt="": TOKEN
    getpass.getpass = lambda prompt="Password: ", stream=None: TOKEN

    def restore():
        builtins.input, getpass.getpass = originals
        os.umask(old_umask)

    ctx.cleanups.append(restore)


HARNESS = Harness("cfg-cli-token-file", setup)
CREDENTIALS = (".config", "ourtool", "credentials.json")


def logged_in(ctx):
    mod = ctx.load()
    logs = capture(ctx)
    with logs.calls():
        mod.login()
    return mod, logs


@HARNESS.functional
def saves_and_loads(ctx):
    mod, logs = logged_in(ctx)
    path = ctx.path(*CREDENTIALS)
    expect(os.path.isfile(path), f"no file at {path}")
    expect(mod.load_token() == TOKEN, "load_token() did not return the saved token")
    expect(logs.text().strip(), "login() printed no confirmation")


@HARNESS.exploit("credentials-readable-by-others", cwe="CWE-732")
def readable(ctx):
    logged_in(ctx)
    path = ctx.path(*CREDENTIALS)
    if not os.path.isfile(path):
        return None
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        return Exploited(f"mode {oct(mode)} on {'/'.join(CREDENTIALS)}", "other local users can read (or write) "
                         "the saved API token")


@HARNESS.exploit("token-printed", cwe="CWE-532")
def printed(ctx):
    mod, logs = logged_in(ctx)
    with logs.calls():
        try:
            mod.load_token()
        except Exception:  # noqa: BLE001
            pass
    text = logs.text()
    if TOKEN in text:
        return Exploited("login() with the token " + TOKEN, "the API token was printed or logged")


if __name__ == "__main__":
    HARNESS.main()
