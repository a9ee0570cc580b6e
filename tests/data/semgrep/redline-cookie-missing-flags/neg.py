def remember(resp, sid):
    resp.set_cookie("session_id", sid, secure=True, httponly=True, samesite="Lax")
    return resp
