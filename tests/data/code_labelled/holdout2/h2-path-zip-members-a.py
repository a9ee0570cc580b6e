# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
import os
import shutil
import zipfile

MAX_TOTAL = 200 * 1024 * 1024


def unpack_submission(zip_path: str, dest_dir: str) -> list[str]:
    """Unpack a student's assignment archive for the grader; returns the extracted relative paths."""
    dest_root = os.path.realpath(dest_dir)
    extracted: list[str] = []
    total = 0
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            target = os.path.realpath(os.path.join(dest_root, info.filename))
            if os.path.commonpath([dest_root, target]) != dest_root:
                raise ValueError(f"archive member escapes the destination: {info.filename!r}")
            total += info.file_size
            if total > MAX_TOTAL:
                raise ValueError("archive too large when unpacked")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            extracted.append(os.path.relpath(target, dest_root))
    return extracted
