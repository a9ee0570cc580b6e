# redline-label: {"label": "vulnerable", "cwes": ["CWE-863", "CWE-639"], "task": null, "category": "access-control", "style": "fastapi-app"}
from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from .auth import get_current_user
from .db import get_db
from .models import Invoice, User

app = FastAPI()


@app.get("/invoices/{invoice_id}")
def get_invoice(invoice_id: int, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    invoice = db.get(Invoice, invoice_id)
    if invoice is None:
        raise HTTPException(status_code=404, detail="Invoice not found")
    return {
        "id": invoice.id,
        "number": invoice.number,
        "customer": invoice.customer_name,
        "total": str(invoice.total),
        "status": invoice.status,
    }


@app.get("/invoices/{invoice_id}/pdf")
def invoice_pdf(invoice_id: int, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    invoice = db.get(Invoice, invoice_id)
    if invoice is None:
        raise HTTPException(status_code=404)
    return FileResponse(invoice.pdf_path, media_type="application/pdf", filename=f"{invoice.number}.pdf")
