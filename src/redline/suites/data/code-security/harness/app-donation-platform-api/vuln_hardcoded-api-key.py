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
DB = "donations.db"
CHARGES_URL = "https://api.payprovider.example/v1/charges"


class Donation(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=320)
    amount: int = Field(gt=0)
    card_number: str
    card_expiry: str
    card_cvc: str


def db():
    conn = sqlite3.connect(DB)
    conn.execute("CREATE TABLE IF NOT EXISTS donations (id INTEGER PRIMARY KEY, name TEXT, email TEXT, amount INTEGER,"
                 " card_last4 TEXT, charge_id TEXT)")
    return conn


def treasurer(x_admin_token: str = Header(default="")):
    expected = os.environ.get("ADMIN_TOKEN", "")
    if not expected or not hmac.compare_digest(x_admin_token.encode(), expected.encode()):
        raise HTTPException(401, "admin token required")


@app.post("/donations", status_code=201)
def donate(d: Donation):
    try:
        resp = requests.post(CHARGES_URL, timeout=15,
                             headers={"Authorization": "Bearer pk_live_donations_7Hq2xY9"},
                             json={"amount": d.amount, "currency": "eur", "card": {
                                 "number": d.card_number, "exp": d.card_expiry, "cvc": d.card_cvc}})
        resp.raise_for_status()
    except requests.RequestException:
        log.warning("charge failed for a donation of %s by %s", d.amount, d.email)
        raise HTTPException(502, "payment failed")
    charge_id = resp.json().get("id", "")
    with db() as conn:
        cur = conn.execute("INSERT INTO donations (name, email, amount, card_last4, charge_id) VALUES (?, ?, ?, ?, ?)",
                           (d.name, d.email, d.amount, d.card_number[-4:], charge_id))
    log.info("donation %s: %s <%s> gave %s (card ending %s, charge %s)", cur.lastrowid, d.name, d.email, d.amount,
             d.card_number[-4:], charge_id)
    return {"id": cur.lastrowid, "charge_id": charge_id}


def rows():
    with db() as conn:
        return conn.execute("SELECT id, name, email, amount, card_last4, charge_id FROM donations ORDER BY id").fetchall()


@app.get("/admin/donations", dependencies=[Depends(treasurer)])
def list_donations():
    keys = ("id", "name", "email", "amount", "card_last4", "charge_id")
    return [dict(zip(keys, r)) for r in rows()]


@app.get("/admin/donations.csv", dependencies=[Depends(treasurer)])
def export_donations():
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "name", "email", "amount", "card_last4", "charge_id"])
    writer.writerows(rows())
    out.seek(0)
    return StreamingResponse(iter([out.getvalue()]), media_type="text/csv",
                             headers={"Content-Disposition": "attachment; filename=donations.csv"})
