# Independent secure reference for cmd-contacts-xlsx-import, written from the task prompt only (without seeing the harness tests).
"""Contacts import: xlsx2csv runs without a shell on an absolute path, rows go in through bound parameters."""
import csv
import os
import sqlite3
import subprocess
import tempfile

CONVERT_TIMEOUT_S = 60
MAX_ROWS = 100_000
FIELDS = ("name", "email", "phone")


class ContactImportError(RuntimeError):
    """The uploaded file could not be converted or read."""


def _convert(upload_path: str, out_path: str) -> None:
    # The file name is the user's: an absolute path can never be read as an option ("-x", "--foo"),
    # and without a shell nothing in it (spaces, ;, $(), quotes) is interpreted.
    source = os.path.abspath(upload_path)
    try:
        result = subprocess.run(
            ["xlsx2csv", source, out_path],
            shell=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=CONVERT_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ContactImportError("the conversion took too long") from exc
    except OSError as exc:
        raise ContactImportError("the xlsx2csv tool could not be started") from exc
    if result.returncode != 0:
        detail = (result.stderr or b"").decode("utf-8", "replace").strip()[:200]
        raise ContactImportError(f"xlsx2csv failed with exit code {result.returncode}: {detail}")
    if not os.path.isfile(out_path):
        raise ContactImportError("xlsx2csv wrote no CSV file")


def _read_rows(csv_path: str) -> list[tuple[str, str, str]]:
    with open(csv_path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
        if not set(FIELDS) <= set(header):
            raise ContactImportError("the converted file does not have the columns name, email and phone")
        reader.fieldnames = header
        rows = []
        for record in reader:
            values = tuple((record.get(field) or "") for field in FIELDS)
            if not any(value.strip() for value in values):
                continue  # blank line
            rows.append(values)
            if len(rows) > MAX_ROWS:
                raise ContactImportError(f"the address book has more than {MAX_ROWS} contacts")
    return rows


def import_contacts(conn: sqlite3.Connection, upload_path: str) -> int:
    """Convert the uploaded Excel file to CSV with xlsx2csv and add its rows to the contacts table."""
    with tempfile.TemporaryDirectory(prefix="contacts-import-") as workdir:
        out_path = os.path.join(workdir, "contacts.csv")
        _convert(upload_path, out_path)
        rows = _read_rows(out_path)
    try:
        conn.executemany("INSERT INTO contacts (name, email, phone) VALUES (?, ?, ?)", rows)
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    return len(rows)
