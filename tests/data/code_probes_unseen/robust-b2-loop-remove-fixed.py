# probe: {"label": "secure", "cwes": ["CWE-1095"]}
def drop_expired(sessions, now):
    sessions[:] = [s for s in sessions if s["expires"] >= now]
    return sessions
