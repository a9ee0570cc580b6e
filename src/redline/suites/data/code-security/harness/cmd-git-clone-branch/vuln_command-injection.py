import subprocess


def clone_repo(url: str, branch: str, dest: str) -> str:
    """Clone `url` at `branch` into `dest` and return the HEAD commit hash."""
    subprocess.run(f'git clone -q -b {branch} "{url}" "{dest}"', shell=True, check=True)
    return subprocess.check_output(f'cd "{dest}" && git rev-parse HEAD', shell=True, text=True).strip()
