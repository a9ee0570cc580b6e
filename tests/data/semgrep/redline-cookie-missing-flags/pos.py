def remember(resp, sid):
    resp.set_cookie("session_id", sid)
    return resp
