# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
import os
import zipfile


class UnsafeArchiveError(Exception):
    pass


def extract_theme(zip_path, dest_dir, max_total_bytes=50 * 1024 * 1024):
    """Extract an uploaded theme package into dest_dir.

    Every member is checked to stay inside dest_dir, and the total
    uncompressed size is capped to avoid zip bombs.
    """
    dest_dir = os.path.realpath(dest_dir)
    os.makedirs(dest_dir, exist_ok=True)
    with zipfile.ZipFile(zip_path) as zf:
        total = 0
        for info in zf.infolist():
            target = os.path.realpath(os.path.join(dest_dir, info.filename))
            if os.path.commonpath([dest_dir, target]) != dest_dir:
                raise UnsafeArchiveError(f"member escapes destination: {info.filename}")
            total += info.file_size
            if total > max_total_bytes:
                raise UnsafeArchiveError("archive too large when extracted")
        for info in zf.infolist():
            zf.extract(info, dest_dir)
    return dest_dir
