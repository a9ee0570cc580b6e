import os
import zipfile


def import_theme(zip_path: str, themes_dir: str) -> str:
    """Unpack the uploaded theme ZIP into its own folder under `themes_dir` and return the folder."""
    name = os.path.splitext(os.path.basename(zip_path))[0]
    dest = os.path.realpath(os.path.join(themes_dir, name))
    os.makedirs(dest, exist_ok=True)
    with zipfile.ZipFile(zip_path) as zf:
        for member in zf.infolist():
            target = os.path.realpath(os.path.join(dest, member.filename))
            if os.path.commonpath([dest, target]) != dest:
                raise ValueError(f"unsafe path in theme archive: {member.filename}")
        zf.extractall(dest)
    return dest
