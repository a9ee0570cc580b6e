# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
import os
import zipfile


def extract_theme(zip_path, dest_dir):
    """Extract an uploaded theme package into dest_dir and return the
    list of files it contained."""
    os.makedirs(dest_dir, exist_ok=True)
    with zipfile.ZipFile(zip_path, "r") as zf:
        bad = zf.testzip()
        if bad is not None:
            raise ValueError(f"corrupt member in archive: {bad}")
        names = zf.namelist()
        if "theme.json" not in names:
            raise ValueError("not a theme package (theme.json missing)")
        for name in names:
            target = os.path.join(dest_dir, name)
            if name.endswith("/"):
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(name) as src, open(target, "wb") as dst:
                dst.write(src.read())
    return names
