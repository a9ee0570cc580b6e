import tempfile
def scratch():
    return open(tempfile.mktemp(), "w")
