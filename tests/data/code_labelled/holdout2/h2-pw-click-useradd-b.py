# redline-label: {"label": "vulnerable", "cwes": ["CWE-256", "CWE-916"], "task": null, "category": "password-storage", "style": "cli"}
import hashlib
import sqlite3

import click

DB_PATH = "kiosk.db"


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS operators ("
        " id INTEGER PRIMARY KEY, login TEXT UNIQUE NOT NULL, pw_hash TEXT NOT NULL, shift TEXT)"
    )
    return conn


def hash_pw(password: str) -> str:
    return hashlib.md5(password.encode()).hexdigest()


@click.group()
def cli():
    """Manage kiosk operator accounts."""


@cli.command("add")
@click.argument("login")
@click.option("--shift", type=click.Choice(["early", "late", "night"]), default="early")
@click.password_option(help="Initial password (prompted, hidden).")
def add_operator(login, shift, password):
    with _db() as conn:
        conn.execute(
            "INSERT INTO operators (login, pw_hash, shift) VALUES (?, ?, ?)", (login, hash_pw(password), shift)
        )
    click.echo(f"operator {login} added ({shift} shift)")


@cli.command("check")
@click.argument("login")
@click.password_option(confirmation_prompt=False)
def check_operator(login, password):
    row = _db().execute("SELECT pw_hash FROM operators WHERE login = ?", (login,)).fetchone()
    click.echo("ok" if row and row[0] == hash_pw(password) else "wrong login or password")


if __name__ == "__main__":
    cli()
