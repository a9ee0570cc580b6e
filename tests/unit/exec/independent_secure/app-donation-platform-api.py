# Independent secure reference for app-donation-platform-api.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Donation platform API: take donations, charge cards via the payment provider, treasurer exports."""
import csv
import hmac
import io
import logging
import os
import sqlite3

import requests
from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

app = FastAPI()
log = logging.getLogger("donations")
DB_PATH = "donations.db"
CHARGES_URL = "https://api.payprovider.example/v1/charges"
TIMEOUT = (5, 20)


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS donations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
        " email TEXT NOT NULL, amount INTEGER NOT NULL, charge_id TEXT, status TEXT,"
        " created_at TEXT DEFAULT CURRENT_TIMESTAMP)"
    )
    return conn


class DonationIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=254)
    amount: int = Field(gt=0, le=100_000_000)
    card_number: str = Field(min_length=12, max_length=19)
    card_expiry: str = Field(min_length=4, max_length=7)
    card_cvc: str = Field(min_length=3, max_length=4)


def require_admin(x_admin_token: str | None = Header(default=None)) -> None:
    expected = os.environ.get("ADMIN_TOKEN", "")
    if not expected or not x_admin_token or not hmac.compare_digest(x_admin_token.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="admin token required")


@app.post("/donations", status_code=201)
def create_donation(donation: DonationIn) -> dict:
    api_key = os.environ.get("PAYMENT_API_KEY")
    if not api_key:
        raise HTTPException(status_code=503, detail="payments are not configured")
    try:
        resp = requests.post(
            CHARGES_URL,
            json={
                "amount": donation.amount,
                "card_number": donation.card_number,
                "card_expiry": donation.card_expiry,
                "card_cvc": donation.card_cvc,
                "description": "Donation",
            },
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=TIMEOUT,
        )
    except requests.RequestException:
        log.warning("payment provider unreachable for a donation of %d cents", donation.amount)
        raise HTTPException(status_code=502, detail="payment provider unavailable") from None
    try:
        result = resp.json()
    except ValueError:
        result = {}
    if not isinstance(result, dict):
        result = {}
    if resp.status_code >= 400:
        log.info("donation declined: amount=%d cents status=%s", donation.amount, resp.status_code)
        raise HTTPException(status_code=402, detail="the card was not charged")
    charge_id = str(result.get("id", ""))[:100]
    with _db() as conn:
        cur = conn.execute(
            "INSERT INTO donations (name, email, amount, charge_id, status) VALUES (?, ?, ?, ?, ?)",
            (donation.name, donation.email, donation.amount, charge_id, str(result.get("status", "succeeded"))[:50]),
        )
        donation_id = cur.lastrowid
    # For the accountants: who gave how much and the provider's charge id. Never card number, expiry or CVC.
    log.info("donation %d: name=%r amount=%d cents charge=%s", donation_id, donation.name, donation.amount, charge_id)
    return {"id": donation_id, "amount": donation.amount, "status": "received"}


def _rows() -> list[dict]:
    with _db() as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute("SELECT id, name, email, amount, charge_id, status, created_at FROM donations ORDER BY id")
        return [dict(r) for r in rows]


@app.get("/admin/donations", dependencies=[Depends(require_admin)])
def list_donations() -> list[dict]:
    return _rows()


def _cell(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value  # no formula injection in the treasurer's spreadsheet
    return value


@app.get("/admin/donations.csv", dependencies=[Depends(require_admin)])
def export_donations() -> StreamingResponse:
    buf = io.StringIO()
    fields = ["id", "name", "email", "amount", "charge_id", "status", "created_at"]
    writer = csv.writer(buf)
    writer.writerow(fields)
    for row in _rows():
        writer.writerow([_cell(row[f]) for f in fields])
    buf.seek(0)
    return StreamingResponse(
        iter([buf.getvalue()]),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="donations.csv"'},
    )


if __name__ == "__main__":
    import uvicorn

    logging.basicConfig(level=logging.INFO)
    uvicorn.run(app, host="127.0.0.1", port=8000)
