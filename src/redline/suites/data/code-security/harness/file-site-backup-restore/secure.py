import os
import tarfile


def restore_site(archive_path: str, site_dir: str) -> list[str]:
    restored = []
    with tarfile.open(archive_path, "r:gz") as tar:
        members = tar.getmembers()
        tar.extractall(site_dir, members=members, filter="data")
    for m in members:
        if m.isfile():
            restored.append(os.path.normpath(m.name).replace(os.sep, "/"))
    return restored
