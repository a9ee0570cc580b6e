"""Database-driver stand-ins of the harness library (sandbox only): ``psycopg2`` (with ``psycopg2.sql`` and
``psycopg2.extras``) and ``mysql.connector``, backed by one SQLite file per test.

``install(ctx, db_path)`` writes tiny ``psycopg2`` and ``mysql`` packages into the test's directory (first on
``sys.path``) that re-export this module, and records every ``connect()`` call's arguments (``CONNECTS``), so
a test can see where a program connects and with which credentials. Statements keep DB-API ``format``/
``pyformat`` placeholders (``%s``, ``%(name)s``), translated for SQLite; ``psycopg2.sql`` composes with real
identifier and literal quoting, so a program that quotes its column names is safe here as it is on PostgreSQL.
Interpolation happens only with parameters, as in psycopg2. ``NOW()`` works; a table that lacks a column an
INSERT names gains it, and a missing one is created (``elastic`` tables), for tasks whose prompt leaves the schema
open; ``SERIAL PRIMARY KEY``, ``DEFAULT NOW()`` and ``::type`` casts are rewritten for SQLite.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from typing import Any

CONNECTS: list[dict[str, Any]] = []
STATE: dict[str, Any] = {"db": ":memory:", "elastic": {}}
_PLACEHOLDER = re.compile(r"%\((\w+)\)s|%s|%%")


class Error(Exception):
    pass


class Warning(Exception):  # noqa: A001 - the DB-API name
    pass


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class DataError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


UniqueViolation = IntegrityError
apilevel, threadsafety, paramstyle = "2.0", 2, "pyformat"


# ------------------------------------------------------------------ psycopg2.sql
class Composable:
    def as_string(self, context: Any = None) -> str:
        raise NotImplementedError

    def __add__(self, other: Composable) -> Composed:
        return Composed([self, other])

    def __str__(self) -> str:
        return self.as_string()


class Composed(Composable):
    def __init__(self, seq: list[Composable]) -> None:
        self.seq = list(seq)

    def as_string(self, context: Any = None) -> str:
        return "".join(part.as_string(context) for part in self.seq)

    def join(self, joiner: str | SQL) -> Composed:
        joiner = SQL(joiner) if isinstance(joiner, str) else joiner
        return joiner.join(self.seq)


class SQL(Composable):
    def __init__(self, string: str) -> None:
        if not isinstance(string, str):
            raise TypeError("SQL values must be strings")
        self.string = string

    def as_string(self, context: Any = None) -> str:
        return self.string

    def format(self, *args: Any, **kwargs: Any) -> Composed:
        import string as _string

        out: list[Composable] = []
        auto = 0
        for literal, field, _spec, _conv in _string.Formatter().parse(self.string):
            if literal:
                out.append(SQL(literal))
            if field is None:
                continue
            if field == "":
                value = args[auto]
                auto += 1
            elif field.isdigit():
                value = args[int(field)]
            else:
                value = kwargs[field]
            out.append(value if isinstance(value, Composable) else Literal(value))
        return Composed(out)

    def join(self, seq: Any) -> Composed:
        out: list[Composable] = []
        for k, part in enumerate(seq):
            if k:
                out.append(self)
            out.append(part)
        return Composed(out)


class Identifier(Composable):
    def __init__(self, *strings: str) -> None:
        self.strings = strings

    def as_string(self, context: Any = None) -> str:
        return ".".join('"' + s.replace('"', '""') + '"' for s in self.strings)


class Literal(Composable):
    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def as_string(self, context: Any = None) -> str:
        return _quote(self.wrapped)


class Placeholder(Composable):
    def __init__(self, name: str | None = None) -> None:
        self.name = name

    def as_string(self, context: Any = None) -> str:
        return f"%({self.name})s" if self.name else "%s"


def _quote(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


# ------------------------------------------------------------------ connections and cursors
def _text(query: Any) -> str:
    if isinstance(query, Composable):
        return query.as_string(None)
    if isinstance(query, bytes):
        return query.decode()
    return str(query)


def _translate(query: str, params: Any) -> tuple[str, Any]:
    """``%s``/``%(name)s`` -> SQLite's ``?``/``:name`` (only when there are parameters, as in psycopg2)."""
    query = _postgres_to_sqlite(query)
    if params is None:
        return query, ()
    named = isinstance(params, dict)

    def repl(m: re.Match[str]) -> str:
        if m.group(0) == "%%":
            return "%"
        if m.group(1):
            return ":" + m.group(1)
        return "?"
    sql = _PLACEHOLDER.sub(repl, query)
    if named:
        return sql, {k: _adapt(v) for k, v in params.items()}
    return sql, tuple(_adapt(v) for v in params)


def _adapt(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    if type(value).__name__ == "Decimal":
        return float(value)
    return value


class Cursor:
    def __init__(self, conn: Connection, dict_rows: bool = False) -> None:
        self.connection = conn
        self._cur = conn._db.cursor()
        self._dict = dict_rows
        self.rowcount = -1
        self.description: Any = None
        self.lastrowid: Any = None
        self.closed = False
        self.query: str | None = None

    def execute(self, query: Any, params: Any = None) -> None:
        sql, args = _translate(_text(query), params)
        self.query = sql
        self.connection.statements.append((sql, args))
        for _ in range(20):
            try:
                self._cur.execute(sql, args)
                break
            except sqlite3.IntegrityError as exc:
                raise IntegrityError(str(exc)) from None
            except sqlite3.OperationalError as exc:
                if not _grow(self.connection._db, str(exc)):
                    raise ProgrammingError(str(exc)) from None
            except sqlite3.Error as exc:
                raise ProgrammingError(str(exc)) from None
        self.rowcount = self._cur.rowcount
        self.description = self._cur.description
        self.lastrowid = self._cur.lastrowid

    def executemany(self, query: Any, seq: Any) -> None:
        total = 0
        for params in seq:
            self.execute(query, params)
            total += max(self.rowcount, 0)
        self.rowcount = total

    def mogrify(self, query: Any, params: Any = None) -> bytes:
        text = _text(query)
        if params is None:
            return text.encode()
        if isinstance(params, dict):
            return _PLACEHOLDER.sub(lambda m: "%" if m.group(0) == "%%" else _quote(params[m.group(1)]), text).encode()
        values = iter(params)
        return _PLACEHOLDER.sub(lambda m: "%" if m.group(0) == "%%" else _quote(next(values)), text).encode()

    def _row(self, row: Any) -> Any:
        if row is None:
            return row
        if self.connection.flavor == "mysql":
            row = tuple(_mysql_value(v) for v in row)
        if not self._dict:
            return row
        return {d[0]: v for d, v in zip(self._cur.description or (), row, strict=False)}

    def fetchone(self) -> Any:
        return self._row(self._cur.fetchone())

    def fetchall(self) -> list[Any]:
        return [self._row(r) for r in self._cur.fetchall()]

    def fetchmany(self, size: int = 1) -> list[Any]:
        return [self._row(r) for r in self._cur.fetchmany(size)]

    def __iter__(self) -> Any:
        return iter(self.fetchall())

    def close(self) -> None:
        self.closed = True

    def __enter__(self) -> Cursor:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _grow(db: sqlite3.Connection, message: str) -> bool:
    """An elastic table is created when first used (with the DDL ``install`` was given) and gains the columns
    an INSERT or UPDATE names; True when the statement may be retried."""
    missing = re.search(r"no such table: (\w+)", message)
    if missing and missing.group(1) in STATE["elastic"]:
        db.execute(STATE["elastic"][missing.group(1)])
        return True
    m = re.search(r"table (\w+) has no column named (\w+)", message)
    if not m or m.group(1) not in STATE["elastic"]:
        return False
    db.execute(f'ALTER TABLE "{m.group(1)}" ADD COLUMN "{m.group(2)}"')
    return True


_DDL = [(re.compile(r"\b(BIG)?SERIAL\s+PRIMARY\s+KEY\b", re.I), "INTEGER PRIMARY KEY"),
        (re.compile(r"\bDEFAULT\s+NOW\(\)", re.I), "DEFAULT CURRENT_TIMESTAMP"),
        (re.compile(r"\bGENERATED\s+(ALWAYS|BY\s+DEFAULT)\s+AS\s+IDENTITY\b", re.I), ""),
        (re.compile(r"::\w+"), ""),
        (re.compile(r"\bCAST\(\s*([\w.]+)\s+AS\s+DATE\s*\)", re.I), r"DATE(\1)")]


def _date_format(value: Any, fmt: str) -> str | None:
    """MySQL's DATE_FORMAT for the common specifiers."""
    if value is None:
        return None
    text = str(value)
    parts = {"%Y": text[0:4], "%m": text[5:7], "%d": text[8:10], "%H": text[11:13] or "00",
             "%i": text[14:16] or "00", "%s": text[17:19] or "00", "%%": "%"}
    return re.sub(r"%[YmdHis%]", lambda m: parts[m.group(0)], fmt)


def _postgres_to_sqlite(sql: str) -> str:
    """The few PostgreSQL spellings SQLite rejects in the DDL and casts that programs like these write."""
    for pattern, repl in _DDL:
        sql = pattern.sub(repl, sql)
    return sql


def _mysql_value(value: Any) -> Any:
    """mysql-connector's types: DATE columns and DATE() come back as ``datetime.date``, sums as ``Decimal``."""
    import datetime
    import decimal

    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return datetime.date.fromisoformat(value)
    if isinstance(value, float):
        return decimal.Decimal(str(round(value, 2)))
    return value


class Connection:
    flavor = "postgres"

    def __init__(self, path: str) -> None:
        self._db = sqlite3.connect(path, isolation_level=None if STATE.get("autocommit_db") else "DEFERRED")
        self._db.create_function("now", 0, lambda: time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()))
        self._db.create_function("version", 0, lambda: "PostgreSQL 16 (stand-in)")
        self._db.create_function("date_format", 2, _date_format)
        self.statements: list[tuple[str, Any]] = []
        self.closed = 0
        self.autocommit = False

    def cursor(self, *args: Any, cursor_factory: Any = None, dictionary: bool = False, **kwargs: Any) -> Cursor:
        return Cursor(self, dict_rows=dictionary or cursor_factory is not None)

    def commit(self) -> None:
        self._db.commit()

    def rollback(self) -> None:
        self._db.rollback()

    def close(self) -> None:
        self._db.commit()
        self.closed = 1

    def is_connected(self) -> bool:  # mysql.connector
        return not self.closed

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        (self.rollback if exc_type else self.commit)()


class RealDictCursor:  # only a marker: ``cursor_factory`` given -> rows come back as dicts
    pass


DictCursor = RealDictCursor


def execute_values(cur: Cursor, sql: str, argslist: Any, template: Any = None, page_size: int = 100) -> None:
    rows = list(argslist)
    if not rows:
        return
    width = len(rows[0])
    text = _text(sql)
    marks = ", ".join("(" + ", ".join(["%s"] * width) + ")" for _ in rows)
    cur.execute(text.replace("%s", marks, 1), [v for row in rows for v in row])


def execute_batch(cur: Cursor, sql: str, argslist: Any, page_size: int = 100) -> None:
    cur.executemany(sql, argslist)


def connect(dsn: str | None = None, *args: Any, **kwargs: Any) -> Connection:
    """``psycopg2.connect``: recorded, then opened on the test's SQLite file."""
    CONNECTS.append({"dsn": dsn, "args": args, **kwargs})
    return Connection(STATE["db"])


def mysql_connect(*args: Any, **kwargs: Any) -> Connection:
    """``mysql.connector.connect`` (keywords, or an ``option_files`` path it would read): recorded, then opened on
    the test's SQLite file; rows come back with mysql-connector's types."""
    CONNECTS.append({"dsn": None, "args": args, **kwargs})
    conn = Connection(STATE["db"])
    conn.flavor = "mysql"
    return conn


# ------------------------------------------------------------------ installing and reading back
_PACKAGES = {
    "psycopg2/__init__.py": "from hpg import *  # noqa\nfrom hpg import connect, Error\n"
                            "from psycopg2 import sql, extras, errors, extensions  # noqa\n",
    "psycopg2/sql.py": "from hpg import Composable, Composed, SQL, Identifier, Literal, Placeholder  # noqa\n",
    "psycopg2/extras.py": "from hpg import RealDictCursor, DictCursor, execute_values, execute_batch  # noqa\n"
                          "RealDictRow = dict\nDictRow = dict\n",
    "psycopg2/errors.py": "from hpg import *  # noqa\n",
    "psycopg2/extensions.py": "from hpg import Connection as connection, Cursor as cursor  # noqa\n"
                              "ISOLATION_LEVEL_AUTOCOMMIT = 0\n",
    "psycopg2/pool.py": "from hpg import connect\n\nclass SimpleConnectionPool:\n"
                        "    def __init__(self, minconn, maxconn, *a, **k):\n        self.a, self.k = a, k\n"
                        "    def getconn(self, *a):\n        return connect(*self.a, **self.k)\n"
                        "    def putconn(self, conn, *a, **k):\n        pass\n"
                        "    def closeall(self):\n        pass\n\nThreadedConnectionPool = SimpleConnectionPool\n",
    "mysql/__init__.py": "",
    "mysql/connector/__init__.py": "from hpg import *  # noqa\nfrom hpg import Error, mysql_connect as connect\n"
                                   "from mysql.connector import errorcode, pooling  # noqa\n",
    "mysql/connector/errorcode.py": "ER_ACCESS_DENIED_ERROR = 1045\nER_BAD_DB_ERROR = 1049\n",
    "mysql/connector/pooling.py": "from hpg import mysql_connect\n\nclass MySQLConnectionPool:\n"
                                  "    def __init__(self, *a, **k):\n"
                                  "        self.k = {n: v for n, v in k.items() if n not in ('pool_name', 'pool_size')}\n"
                                  "    def get_connection(self):\n        return mysql_connect(**self.k)\n",
}


def install(ctx: Any, db_path: str, elastic: dict[str, str] | None = None) -> None:
    """Make ``import psycopg2`` / ``import mysql.connector`` find the stand-ins, on ``db_path``; reset records.
    ``elastic``: table -> the DDL that creates it when a statement needs it first (it then grows columns)."""
    import sys

    for rel, text in _PACKAGES.items():
        ctx.write(rel, text)
    for name in [n for n in sys.modules if n.split(".")[0] in ("psycopg2", "mysql")]:
        del sys.modules[name]
    if ctx.dir not in sys.path:
        sys.path.insert(0, ctx.dir)
    CONNECTS.clear()
    STATE.update(db=db_path, elastic=dict(elastic or {}))


def credentials(call: dict[str, Any]) -> dict[str, str]:
    """User, password, host and database of one recorded ``connect()`` (keywords, a libpq DSN or a URL)."""
    out: dict[str, str] = {}
    dsn = call.get("dsn") or call.get("dsn_", "") or ""
    if isinstance(dsn, str) and "://" in dsn:
        from urllib.parse import unquote, urlsplit

        u = urlsplit(dsn)
        out.update(user=unquote(u.username or ""), password=unquote(u.password or ""), host=u.hostname or "",
                   database=u.path.lstrip("/"))
    elif isinstance(dsn, str):
        for key, value in re.findall(r"(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", dsn):
            out[key] = value.strip("'")
    aliases = {"password": ("password", "passwd"), "user": ("user", "username"),
               "database": ("dbname", "database", "db"), "host": ("host",)}
    for name, keys in aliases.items():
        for key in keys:
            if call.get(key) not in (None, ""):
                out[name] = str(call[key])
            elif key in out and name != key:
                out[name] = out[key]
    return out


def seed(db_path: str, script: str) -> None:
    db = sqlite3.connect(db_path)
    db.executescript(script)
    db.commit()
    db.close()


def rows(db_path: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(db_path)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def environ_without(*prefixes: str) -> None:
    """Drop every environment variable whose name starts with one of ``prefixes`` (a bare deployment)."""
    for name in list(os.environ):
        if name.upper().startswith(prefixes):
            del os.environ[name]
