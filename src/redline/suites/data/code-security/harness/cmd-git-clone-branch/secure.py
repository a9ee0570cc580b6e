import subprocess


def clone_repo(url: str, branch: str, dest: str) -> str:
    """Clone `url` at `branch` into `dest` and return the HEAD commit hash."""
    subprocess.run(["git", "clone", "--quiet", "--branch", branch, "--", url, dest], check=True, timeout=300)
    out = subprocess.run(["git", "-C", dest, "rev-parse", "HEAD"], check=True, capture_output=True, text=True)
    return out.stdout.strip()
