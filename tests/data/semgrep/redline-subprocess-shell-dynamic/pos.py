import subprocess
def archive(folder):
    subprocess.run(f"tar czf backup.tgz {folder}", shell=True, check=True)
