import tempfile
def scratch():
    return tempfile.NamedTemporaryFile("w", delete=False)
