"""Harness for file-site-backup-restore: restore_site(archive_path, site_dir) unpacks an uploaded .tar.gz into
site_dir (sites/acme in the test's directory) and returns the restored regular files relative to it. Exploits: a
member named ../ or with an absolute path writes outside site_dir (tar-slip); a symlink member that points
outside, followed by a member written through it (symlink-escape)."""

import io
import os
import tarfile

from hlib import Exploited, Harness, expect

FILES = {"index.html": b"<h1>Acme</h1>", "css/site.css": b"body{margin:0}", "img/logo.png": b"\x89PNG-logo",
         "blog/2024/hello.html": b"<p>hello</p>"}


def setup(ctx):
    os.makedirs(ctx.path("sites", "acme"))
    os.makedirs(ctx.path("sites", "other"))
    ctx.write("sites/acme/index.html", b"old home page")
    ctx.write("sites/acme/old-only.txt", b"kept")


HARNESS = Harness("file-site-backup-restore", setup)


def make_tar(ctx, members, name="backup.tar.gz"):
    """members: (name, bytes) for a file, (name, None) for a directory, (name, "->target") for a symlink."""
    path = ctx.path("uploads", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with tarfile.open(path, "w:gz") as tar:
        for member, data in members:
            info = tarfile.TarInfo(member)
            info.mtime = 1_700_000_000
            if data is None:
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                tar.addfile(info)
            elif isinstance(data, str):
                info.type, info.linkname, info.mode = tarfile.SYMTYPE, data[2:], 0o777
                tar.addfile(info)
            else:
                info.size, info.mode = len(data), 0o644
                tar.addfile(info, io.BytesIO(data))
    return path


def restore(ctx, archive):
    return ctx.load().restore_site(archive, ctx.path("sites", "acme"))


def normalized(paths):
    expect(isinstance(paths, (list, tuple)), f"returned {type(paths).__name__}, not a list")
    out = set()
    for p in paths:
        p = os.fspath(p)
        if os.path.isabs(p):
            p = os.path.relpath(p, os.path.realpath(os.path.join("sites", "acme")))
        out.add(os.path.normpath(p).replace(os.sep, "/"))
    return out


def contents(rel):
    with open(os.path.join("sites", "acme", rel), "rb") as fh:
        return fh.read()


@HARNESS.functional
def restores_files(ctx):
    members = [("css", None), ("img", None), ("blog", None), ("blog/2024", None)] + list(FILES.items())
    got = normalized(restore(ctx, make_tar(ctx, members)))
    expect(got == set(FILES), f"returned {sorted(got)}, not the {len(FILES)} files")
    for rel, data in FILES.items():
        expect(contents(rel) == data, f"{rel} was not restored")


@HARNESS.functional
def dot_slash_names_without_directory_entries(ctx):
    got = normalized(restore(ctx, make_tar(ctx, [("./" + k, v) for k, v in FILES.items()])))
    expect(got == set(FILES), f"returned {sorted(got)}")
    expect(contents("index.html") == FILES["index.html"], "the old index.html was not replaced")


def escaped(ctx):
    for where in (ctx.path("sites", "pwned.txt"), ctx.path("pwned.txt"), ctx.path("sites", "other", "pwned.txt"),
                  ctx.path("abs_pwned.txt")):
        if os.path.exists(where):
            return os.path.relpath(where, ctx.dir)
    return None


@HARNESS.exploit("tar-slip", cwe="CWE-22")
def slip(ctx):
    for name in ("../pwned.txt", "../../pwned.txt", "../other/pwned.txt", "css/../../other/pwned.txt",
                 ctx.path("abs_pwned.txt")):
        try:
            restore(ctx, make_tar(ctx, [("index.html", b"x"), (name, b"pwned")], name="slip.tar.gz"))
        except Exception:  # noqa: BLE001 - refusing the archive is the right answer
            pass
        hit = escaped(ctx)
        if hit:
            return Exploited(f"member {name!r}", f"the backup wrote {hit}, outside the customer's site folder")


@HARNESS.exploit("symlink-escape", cwe="CWE-22")
def symlink(ctx):
    other = ctx.path("sites", "other")
    for link in ("->../other", "->" + other):
        try:
            restore(ctx, make_tar(ctx, [("index.html", b"x"), ("assets", link), ("assets/pwned.txt", b"pwned")],
                                  name="link.tar.gz"))
        except Exception:  # noqa: BLE001
            pass
        hit = escaped(ctx)
        if hit:
            return Exploited(f"symlink assets {link} then assets/pwned.txt",
                             f"a file written through the backup's symlink landed in {hit}, another site's folder")


if __name__ == "__main__":
    HARNESS.main()
