import csv, os, shlex, sqlite3, subprocess, tempfile


def import_contacts(conn, upload_path):
    fd, out = tempfile.mkstemp(suffix=".csv")
    os.close(fd)
    try:
        r = subprocess.run("xlsx2csv %s %s" % (shlex.quote(upload_path), shlex.quote(out)), shell=True)
        if r.returncode:
            raise RuntimeError("xlsx2csv failed")
        with open(out, newline="") as fh:
            reader = csv.reader(fh)
            next(reader)
            n = 0
            for name, email, phone in reader:
                conn.execute("INSERT INTO contacts(name, email, phone) VALUES (:n, :e, :p)", {"n": name, "e": email, "p": phone or None})
                n += 1
        conn.commit()
        return n
    finally:
        os.remove(out)
