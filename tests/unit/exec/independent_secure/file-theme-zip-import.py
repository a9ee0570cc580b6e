# Independent secure reference for file-theme-zip-import.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import os
import re
import shutil
import stat
import zipfile

MAX_FILES = 5000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
_THEME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$")


def import_theme(zip_path: str, themes_dir: str) -> str:
    """Unpack the uploaded theme ZIP into its own folder under `themes_dir` and return the folder.

    Every entry is checked before anything is written: no absolute paths, no '..', no symbolic links, nothing
    that would land outside the theme's folder, and limits on the number of files and the unpacked size.
    """
    base = os.path.basename(zip_path)
    name = base[:-4] if base.lower().endswith(".zip") else base
    if not _THEME_NAME.match(name) or name in (".", "..") or ".." in name:
        raise ValueError(f"invalid theme name {name!r}")
    root = os.path.realpath(themes_dir)
    dest = os.path.join(root, name)
    with zipfile.ZipFile(zip_path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_FILES:
            raise ValueError("too many files in the theme")
        if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise ValueError("the theme is too large once unpacked")
        plan = []
        for info in infos:
            entry = info.filename.replace("\\", "/")
            if entry.startswith("/") or re.match(r"^[A-Za-z]:", entry) or "\0" in entry:
                raise ValueError(f"unsafe path in theme: {info.filename!r}")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ValueError(f"symbolic links are not allowed: {info.filename!r}")
            target = os.path.realpath(os.path.join(dest, *[p for p in entry.split("/") if p]))
            if target != dest and not target.startswith(dest + os.sep):
                raise ValueError(f"unsafe path in theme: {info.filename!r}")
            plan.append((info, target))
        os.makedirs(dest, exist_ok=True)
        written = 0
        for info, target in plan:
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                while True:
                    chunk = src.read(1024 * 1024)
                    if not chunk:
                        break
                    written += len(chunk)
                    if written > MAX_TOTAL_BYTES:  # sizes in the header can lie
                        out.close()
                        shutil.rmtree(dest, ignore_errors=True)
                        raise ValueError("the theme is too large once unpacked")
                    out.write(chunk)
    return dest
