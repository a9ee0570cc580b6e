import os
import zipfile


def import_theme(zip_path: str, themes_dir: str) -> str:
    """Unpack the uploaded theme ZIP into its own folder under `themes_dir` and return the folder."""
    folder = os.path.join(themes_dir, os.path.basename(zip_path)[:-4])
    os.makedirs(folder, exist_ok=True)
    with zipfile.ZipFile(zip_path) as zf:
        for name in zf.namelist():
            if name.endswith("/"):
                continue
            target = os.path.join(folder, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(zf.read(name))
    return folder
