import subprocess


def make_thumbnail(input_path: str, output_path: str, width: int) -> None:
    subprocess.run(f"convert '{input_path}' -thumbnail {int(width)}x '{output_path}'", shell=True, check=True)
