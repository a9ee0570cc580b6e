from flask import request, session


def remember():
    session["page"] = int(request.args.get("page", "1"))
    return "saved"
