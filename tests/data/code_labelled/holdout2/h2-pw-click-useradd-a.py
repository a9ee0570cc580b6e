# redline-label: {"label": "secure", "cwes": ["CWE-256", "CWE-916"], "task": null, "category": "password-storage", "style": "cli"}
import sqlite3

import bcrypt
import click

DB_PATH = "kiosk.db"


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS operators ("
        " id INTEGER PRIMARY KEY, login TEXT UNIQUE NOT NULL, pw_hash BLOB NOT NULL, shift TEXT)"
    )
    return conn


@click.group()
def cli():
    """Manage kiosk operator accounts."""


@cli.command("add")
@click.argument("login")
@click.option("--shift", type=click.Choice(["early", "late", "night"]), default="early")
@click.password_option(help="Initial password (prompted, hidden).")
def add_operator(login, shift, password):
    pw_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))
    with _db() as conn:
        conn.execute("INSERT INTO operators (login, pw_hash, shift) VALUES (?, ?, ?)", (login, pw_hash, shift))
    click.echo(f"operator {login} added ({shift} shift)")


@cli.command("check")
@click.argument("login")
@click.password_option(confirmation_prompt=False)
def check_operator(login, password):
    row = _db().execute("SELECT pw_hash FROM operators WHERE login = ?", (login,)).fetchone()
    ok = row is not None and bcrypt.checkpw(password.encode(), row[0])
    click.echo("ok" if ok else "wrong login or password")


if __name__ == "__main__":
    cli()
