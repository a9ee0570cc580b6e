# Independent secure reference for file-site-backup-restore, written from the task prompt only (without seeing the harness tests).
"""Site restore from an uploaded .tar.gz: every member is checked before anything is written, and only regular
files and folders are restored, all inside site_dir (no absolute paths, no "..", no links, no devices)."""
import os
import posixpath
import tarfile

MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 2 * 1024**3  # guards against archives that unpack to far more than was uploaded
_CHUNK = 1024 * 1024


class UnsafeArchiveError(ValueError):
    """The backup holds a member that would land outside the site folder or is not a plain file or folder."""


def _relative_parts(name: str) -> list[str]:
    """The member's path as parts under site_dir; UnsafeArchiveError for absolute or escaping paths."""
    if "\x00" in name or name.startswith("/") or "\\" in name:
        raise UnsafeArchiveError(f"unsafe member path: {name!r}")
    parts = [part for part in posixpath.normpath(name).split("/") if part not in ("", ".")]
    if any(part == ".." for part in parts):
        raise UnsafeArchiveError(f"member path leaves the site folder: {name!r}")
    return parts


def _inside(root: str, path: str) -> bool:
    return path == root or path.startswith(root + os.sep)


def _ensure_dir(root: str, parts: list[str]) -> str:
    """Create site_dir/parts one level at a time, refusing any existing symlink on the way."""
    current = root
    for part in parts:
        current = os.path.join(current, part)
        if os.path.islink(current):
            raise UnsafeArchiveError(f"{'/'.join(parts)!r} goes through a symbolic link in the site folder")
        if not os.path.isdir(current):
            os.mkdir(current, 0o755)
    if not _inside(root, os.path.realpath(current)):
        raise UnsafeArchiveError(f"{'/'.join(parts)!r} resolves outside the site folder")
    return current


def _write_file(tar: tarfile.TarFile, member: tarfile.TarInfo, root: str, parts: list[str]) -> None:
    parent = _ensure_dir(root, parts[:-1])
    target = os.path.join(parent, parts[-1])
    if os.path.islink(target):
        os.unlink(target)  # replace a link with the file; never write through it
    elif os.path.isdir(target):
        raise UnsafeArchiveError(f"{'/'.join(parts)!r} is a folder in the site")
    source = tar.extractfile(member)
    if source is None:
        raise UnsafeArchiveError(f"{member.name!r} has no data")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o644)
    with source, os.fdopen(fd, "wb") as out:
        while True:
            chunk = source.read(_CHUNK)
            if not chunk:
                break
            out.write(chunk)
    os.chmod(target, 0o644)  # no setuid/executable bits from the archive


def restore_site(archive_path: str, site_dir: str) -> list[str]:
    """Unpack the uploaded .tar.gz backup into site_dir and return the restored files' relative paths."""
    root = os.path.realpath(site_dir)
    if not os.path.isdir(root):
        raise NotADirectoryError(f"{site_dir!r} is not a folder")
    with tarfile.open(archive_path, "r:*") as tar:
        # First pass: check every member, so an unsafe backup is refused before anything is written.
        plan: list[tuple[tarfile.TarInfo, list[str]]] = []
        total = 0
        for count, member in enumerate(tar, start=1):
            if count > MAX_MEMBERS:
                raise UnsafeArchiveError("the backup has too many files")
            if not (member.isfile() or member.isdir()):
                raise UnsafeArchiveError(f"{member.name!r} is not a regular file or folder (links are refused)")
            parts = _relative_parts(member.name)
            if member.isfile():
                if not parts:
                    raise UnsafeArchiveError(f"unsafe member path: {member.name!r}")
                total += max(member.size, 0)
                if total > MAX_TOTAL_BYTES:
                    raise UnsafeArchiveError("the backup unpacks to more than the allowed size")
            plan.append((member, parts))
        # Second pass: write folders and regular files under site_dir.
        restored: list[str] = []
        seen: set[str] = set()
        for member, parts in plan:
            if member.isdir():
                _ensure_dir(root, parts)
                continue
            _write_file(tar, member, root, parts)
            rel = "/".join(parts)
            if rel not in seen:
                seen.add(rel)
                restored.append(rel)
    return restored
