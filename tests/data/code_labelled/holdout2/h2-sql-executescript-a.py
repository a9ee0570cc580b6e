# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
import re
import sqlite3

SCHEMA_TEMPLATE = """
CREATE TABLE IF NOT EXISTS {prefix}_projects (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created TEXT);
CREATE TABLE IF NOT EXISTS {prefix}_tasks (
    id INTEGER PRIMARY KEY,
    project_id INTEGER REFERENCES {prefix}_projects(id),
    title TEXT NOT NULL,
    done INTEGER DEFAULT 0
);
INSERT INTO tenants (slug, display_name) VALUES ('{prefix}', '{display_name}');
"""


def provision_tenant(conn: sqlite3.Connection, slug: str, display_name: str) -> None:
    """Create the per-tenant tables when a new organisation signs up."""
    if not re.fullmatch(r"[a-z][a-z0-9_]{2,30}", slug):
        raise ValueError("slug must be lowercase letters, digits and underscores")
    conn.executescript(SCHEMA_TEMPLATE.format(prefix=slug, display_name=display_name))
