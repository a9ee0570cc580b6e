import os
import tarfile


def restore_site(archive_path, site_dir):
    base = os.path.realpath(site_dir)
    out = []
    with tarfile.open(archive_path) as tar:
        for m in tar.getmembers():
            if not (m.isfile() or m.isdir()):
                continue
            dest = os.path.realpath(os.path.join(base, m.name))
            if os.path.commonpath([base, dest]) != base:
                raise ValueError("unsafe member " + m.name)
        for m in tar.getmembers():
            if m.isfile() or m.isdir():
                tar.extract(m, base)
                if m.isfile():
                    out.append(os.path.join(base, m.name))
    return out
