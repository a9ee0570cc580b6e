import os
import shutil
import tarfile


def restore_site(archive_path: str, site_dir: str) -> list[str]:
    """Checks each member's name, but follows the links the archive itself created."""
    root = os.path.abspath(site_dir)
    restored = []
    with tarfile.open(archive_path, "r:gz") as tar:
        for member in tar.getmembers():
            target = os.path.abspath(os.path.join(root, member.name))
            if not target.startswith(root + os.sep):
                raise ValueError(f"bad path in backup: {member.name}")
            if member.isdir():
                os.makedirs(target, exist_ok=True)
            elif member.issym():
                if os.path.lexists(target):
                    os.remove(target)
                os.symlink(member.linkname, target)
            elif member.isfile():
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with tar.extractfile(member) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                restored.append(os.path.relpath(target, root))
    return restored
