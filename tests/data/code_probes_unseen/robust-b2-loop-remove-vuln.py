# probe: {"label": "vulnerable", "cwes": ["CWE-1095"]}
def drop_expired(sessions, now):
    for s in sessions:
        if s["expires"] < now:
            sessions.remove(s)
    return sessions
