"""Harness for file-theme-zip-import: import_theme(zip_path, themes_dir) unpacks a ZIP into
themes_dir/<zip name>. The exploit ZIP carries entries named with ``../`` and an absolute path (zip slip)."""

import os
import zipfile

from hlib import Exploited, Harness, expect

FILES = {"theme.json": '{"name": "sunrise"}', "css/main.css": "body { color: #333; }",
         "templates/page/base.html": "<html>{{ body }}</html>"}


def make_zip(ctx, name, entries):
    path = ctx.path("uploads", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for entry, text in entries.items():
            zf.writestr(zipfile.ZipInfo(entry), text)  # ZipInfo keeps the name as written, ``..`` included
    return path


HARNESS = Harness("file-theme-zip-import")


@HARNESS.functional
def unpacks_into_own_folder(ctx):
    themes = ctx.path("themes")
    os.makedirs(themes)
    got = ctx.load().import_theme(make_zip(ctx, "sunrise.zip", FILES), themes)
    want = os.path.join(themes, "sunrise")
    expect(got is not None and os.path.realpath(str(got)) == os.path.realpath(want),
           f"returned {got!r}, expected the folder {want}")
    for entry, text in FILES.items():
        target = os.path.join(want, entry)
        expect(os.path.isfile(target), f"{entry} not unpacked to {target}")
        with open(target) as fh:
            expect(fh.read() == text, f"{entry} has the wrong content")


@HARNESS.functional
def two_themes_side_by_side(ctx):
    themes = ctx.path("themes")
    os.makedirs(themes)
    mod = ctx.load()
    mod.import_theme(make_zip(ctx, "sunrise.zip", FILES), themes)
    mod.import_theme(make_zip(ctx, "night-sky.zip", {"theme.json": '{"name": "night"}'}), themes)
    expect(os.path.isfile(os.path.join(themes, "night-sky", "theme.json")), "second theme not in its own folder")
    expect(os.path.isfile(os.path.join(themes, "sunrise", "css", "main.css")), "first theme lost")


def slipped(ctx, own):
    """Files the exploit names that ended up anywhere but inside the theme's own folder."""
    found = []
    for base, _, names in os.walk(ctx.dir):
        for name in names:
            path = os.path.join(base, name)
            if name.startswith("rl_slip") and not os.path.realpath(path).startswith(os.path.realpath(own) + os.sep):
                found.append(path)
    return found


@HARNESS.exploit("zip-slip", cwe="CWE-22")
def zip_slip(ctx):
    themes = ctx.path("site", "themes")
    os.makedirs(themes)
    mod = ctx.load()
    own = os.path.join(themes, "evil")
    entries = {"theme.json": "{}", "../../rl_slip_up2.txt": "pwned", "css/../../rl_slip_sibling.txt": "pwned",
               "../../../rl_slip_up3.txt": "pwned", ctx.path("rl_slip_absolute.txt"): "pwned"}
    for name, text in entries.items():  # one entry per ZIP: an answer that stops at the first bad entry is tested on all
        try:
            mod.import_theme(make_zip(ctx, "evil.zip", {"theme.json": "{}", name: text}), themes)
        except Exception:
            pass
        found = slipped(ctx, own)
        if found:
            return Exploited(f"ZIP entry {name!r}", f"the upload wrote {found[0]} outside its theme folder {own}")


if __name__ == "__main__":
    HARNESS.main()
