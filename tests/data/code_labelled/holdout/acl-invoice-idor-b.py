# redline-label: {"label": "secure", "cwes": ["CWE-863", "CWE-639"], "task": null, "category": "access-control", "style": "fastapi-app"}
from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import FileResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from .auth import get_current_user
from .db import get_db
from .models import Invoice, User

app = FastAPI()


def owned_invoice(invoice_id: int, user: User, db: Session) -> Invoice:
    """Load an invoice that belongs to the user's account (staff may see all)."""
    stmt = select(Invoice).where(Invoice.id == invoice_id)
    if not user.is_staff:
        stmt = stmt.where(Invoice.account_id == user.account_id)
    invoice = db.scalars(stmt).first()
    if invoice is None:
        # same answer for "missing" and "not yours"
        raise HTTPException(status_code=404, detail="Invoice not found")
    return invoice


@app.get("/invoices/{invoice_id}")
def get_invoice(invoice_id: int, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    invoice = owned_invoice(invoice_id, user, db)
    return {"id": invoice.id, "number": invoice.number, "total": str(invoice.total), "status": invoice.status}


@app.get("/invoices/{invoice_id}/pdf")
def invoice_pdf(invoice_id: int, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    invoice = owned_invoice(invoice_id, user, db)
    return FileResponse(invoice.pdf_path, media_type="application/pdf", filename=f"{invoice.number}.pdf")
