# redline-label: {"label": "secure", "cwes": ["CWE-611", "CWE-776"], "task": null, "category": "deserialization", "style": "fastapi-app"}
"""Receives shipment notices (ASN) from suppliers as XML."""
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from fastapi import FastAPI, HTTPException, Request

app = FastAPI()

NS = {"asn": "urn:example:asn:1.0"}
MAX_BODY = 2 * 1024 * 1024


@app.post("/suppliers/asn")
async def receive_asn(request: Request):
    body = await request.body()
    if len(body) > MAX_BODY:
        raise HTTPException(413, "document too large")
    try:
        # defusedxml refuses DTDs with entity declarations and external references
        root = fromstring(body)
    except (ParseError, DefusedXmlException) as exc:
        raise HTTPException(400, f"rejected XML: {exc.__class__.__name__}")

    shipment_id = root.findtext("asn:ShipmentId", namespaces=NS)
    if not shipment_id:
        raise HTTPException(422, "ShipmentId missing")
    lines = [
        {"sku": ln.findtext("asn:Sku", namespaces=NS), "qty": int(ln.findtext("asn:Quantity", "0", namespaces=NS))}
        for ln in root.iterfind("asn:Line", namespaces=NS)
    ]
    return {"shipment": shipment_id, "lines": lines}
