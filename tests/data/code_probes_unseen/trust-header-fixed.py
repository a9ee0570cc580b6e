# probe: {"label": "secure", "cwes": ["CWE-501"]}
from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"k"
TENANTS = {"acme", "globex", "initech"}


@app.before_request
def remember_tenant():
    tenant = request.headers.get("X-Tenant")
    if tenant and tenant.lower() in TENANTS:
        session["tenant"] = tenant.lower()
