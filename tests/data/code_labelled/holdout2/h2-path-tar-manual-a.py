# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
import os
import tarfile


def import_site_backup(tar_path: str, site_root: str) -> int:
    """Restore a customer's uploaded site backup (.tar.gz) into their web root.

    Only regular files are restored; symlinks and device files in the archive are skipped, which is
    what makes `extractall` risky.
    """
    count = 0
    with tarfile.open(tar_path, "r:*") as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            target = os.path.join(site_root, member.name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            src = tar.extractfile(member)
            if src is None:
                continue
            with src, open(target, "wb") as out:
                out.write(src.read())
            count += 1
    return count
