"""Static-analysis helpers the checks share: the parsed program, data flow, scopes, ownership, authorisation
and word lists. Nothing here is a check itself."""
