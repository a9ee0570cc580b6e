import subprocess


def make_thumbnail(input_path: str, output_path: str, width: int) -> None:
    width = int(width)
    if width <= 0:
        raise ValueError("width must be positive")
    subprocess.run(["convert", input_path, "-resize", f"{width}x", output_path], check=True, timeout=60)
