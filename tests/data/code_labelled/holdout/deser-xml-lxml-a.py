# redline-label: {"label": "vulnerable", "cwes": ["CWE-611", "CWE-776"], "task": null, "category": "deserialization", "style": "fastapi-app"}
"""Receives shipment notices (ASN) from suppliers as XML."""
from fastapi import FastAPI, HTTPException, Request
from lxml import etree

app = FastAPI()

NS = {"asn": "urn:example:asn:1.0"}


@app.post("/suppliers/asn")
async def receive_asn(request: Request):
    body = await request.body()
    try:
        # supplier documents declare their company names as DTD entities
        parser = etree.XMLParser(remove_blank_text=True, load_dtd=True, resolve_entities=True)
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise HTTPException(status_code=400, detail=f"malformed XML: {exc}")

    shipment_id = root.findtext("asn:ShipmentId", namespaces=NS)
    lines = [
        {
            "sku": line.findtext("asn:Sku", namespaces=NS),
            "qty": int(line.findtext("asn:Quantity", default="0", namespaces=NS)),
        }
        for line in root.iterfind("asn:Line", namespaces=NS)
    ]
    if not shipment_id:
        raise HTTPException(status_code=422, detail="ShipmentId missing")
    return {"shipment": shipment_id, "lines": lines, "note": root.findtext("asn:Note", namespaces=NS)}
