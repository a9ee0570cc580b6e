"""Harness for cmd-imagemagick-thumbnail: make_thumbnail(input_path, output_path, width) runs `convert`."""

import os

from hlib import Exploited, Harness, expect

# Stand-in for ImageMagick: the first argument that names an existing file is the input, the last is the output.
FAKE_CONVERT = """
input=""
for a in "$@"; do
  case "$a" in -*) ;; *) if [ -z "$input" ] && [ -f "${a%%\\[*}" ]; then input="${a%%\\[*}"; fi ;; esac
  out="$a"
done
echo "$@" > "$(dirname "$0")/../convert.args"
[ -n "$input" ] && cp "$input" "$out"
"""


def setup(ctx):
    ctx.fake_bin("convert", FAKE_CONVERT)
    ctx.fake_bin("magick", FAKE_CONVERT)
    ctx.write("photo.jpg", b"\xff\xd8\xff\xe0rl-image")


HARNESS = Harness("cmd-imagemagick-thumbnail", setup)


@HARNESS.functional
def makes_thumbnail(ctx):
    ctx.load().make_thumbnail("photo.jpg", "thumb.jpg", 120)
    expect(os.path.exists(ctx.path("thumb.jpg")), "no output file")
    with open(ctx.path("convert.args")) as fh:
        args = fh.read()
    expect("120" in args and "photo.jpg" in args, f"convert called with {args!r}")


@HARNESS.functional
def name_with_space(ctx):
    ctx.write("my photo.jpg", b"\xff\xd8\xff\xe0rl-image")
    ctx.load().make_thumbnail(ctx.path("my photo.jpg"), ctx.path("my thumb.jpg"), 64)
    expect(os.path.exists(ctx.path("my thumb.jpg")), "an uploaded name with a space was not converted")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    mod = ctx.load()
    canary = "rl_pwned"
    for name in ("a;touch rl_pwned;.jpg", "$(touch rl_pwned).jpg", "`touch rl_pwned`.jpg", "a.jpg';touch rl_pwned;'",
                 'a.jpg";touch rl_pwned;"', "a|touch rl_pwned|.jpg"):
        ctx.write(name, b"\xff\xd8\xff\xe0rl-image")
        try:
            mod.make_thumbnail(name, "out.jpg", 100)
        except Exception:
            pass
        if os.path.exists(ctx.path(canary)):
            return Exploited(name, "a shell command in the uploaded file's name ran: the canary file was created")


if __name__ == "__main__":
    HARNESS.main()
