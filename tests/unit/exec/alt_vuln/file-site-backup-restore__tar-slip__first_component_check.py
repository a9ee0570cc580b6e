import os
import tarfile


def restore_site(archive_path, site_dir):
    """Rejects only a leading .. component: css/../../x and absolute names get through."""
    out = []
    with tarfile.open(archive_path) as tar:
        for m in tar.getmembers():
            if ".." in m.name.split("/")[:1]:
                raise ValueError("bad member")
        tar.extractall(site_dir)
        out = [m.name for m in tar.getmembers() if m.isfile()]
    return out
