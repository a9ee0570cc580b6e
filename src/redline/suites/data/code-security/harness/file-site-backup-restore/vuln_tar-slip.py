import os
import tarfile


def restore_site(archive_path: str, site_dir: str) -> list[str]:
    with tarfile.open(archive_path, "r:gz") as tar:
        members = tar.getmembers()
        tar.extractall(site_dir)
    return [os.path.normpath(m.name) for m in members if m.isfile()]
