import os


def make_thumbnail(input_path: str, output_path: str, width: int) -> None:
    status = os.system(f'convert "{input_path}" -resize {width} "{output_path}"')
    if status != 0:
        raise RuntimeError("convert failed")
