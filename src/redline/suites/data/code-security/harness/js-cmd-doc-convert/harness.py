"""Harness for js-cmd-doc-convert: convertToPdf(fileName) converts UPLOAD_DIR/fileName with LibreOffice
(``soffice --headless --convert-to pdf --outdir PDF_DIR FILE``) and resolves to PDF_DIR/<name>.pdf.

``soffice`` (and ``libreoffice``) on PATH is a stand-in that writes OUTDIR/<input name without extension>.pdf for
every input file it is given and fails for a missing one; options may come in any order. The exploit works when
a shell command in the uploaded file's name runs: a canary file appears in the working folder.
"""

import os

from hpoly import Exploited, Harness, expect

FAKE_SOFFICE = r"""
# stand-in for LibreOffice: soffice [options] --convert-to pdf --outdir DIR FILE...
outdir=""; want=""; files=""; n=0
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) outdir="$2"; shift 2; continue ;;
    --convert-to) shift 2; continue ;;
    -*) shift; continue ;;
  esac
  n=$((n+1)); eval "f_$n=\$1"; shift
done
[ -n "$outdir" ] || outdir="."
[ "$n" -gt 0 ] || { echo "Error: no input file" >&2; exit 1; }
i=1
while [ "$i" -le "$n" ]; do
  eval "f=\$f_$i"
  [ -f "$f" ] || { echo "Error: source file could not be loaded: $f" >&2; exit 1; }
  base=$(basename -- "$f"); stem="${base%.*}"
  printf 'PDF of %s\n' "$base" > "$outdir/$stem.pdf" || exit 1
  echo "convert $f -> $outdir/$stem.pdf using filter : writer_pdf_Export"
  i=$((i+1))
done
"""
NAMES = ("a.docx; touch rl_pwned", "$(touch rl_pwned).docx", "`touch rl_pwned`.docx", "a.docx | touch rl_pwned",
         'x"; touch rl_pwned; ".docx', "x'; touch rl_pwned; '.docx", "a.docx && touch rl_pwned #")


def setup(ctx):
    ctx.fake_bin("soffice", FAKE_SOFFICE)
    ctx.fake_bin("libreoffice", FAKE_SOFFICE)
    os.makedirs(ctx.path("pdf"))
    ctx.write("uploads/Q3 report.docx", b"PK fake docx")
    ctx.write("uploads/minutes.odt", b"PK fake odt")
    for name in NAMES:
        ctx.write(f"uploads/{name}", b"PK fake docx")
    saved = {k: os.environ.get(k) for k in ("UPLOAD_DIR", "PDF_DIR")}
    os.environ.update(UPLOAD_DIR=ctx.path("uploads"), PDF_DIR=ctx.path("pdf"))

    def restore():
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    ctx.cleanups.append(restore)


HARNESS = Harness("js-cmd-doc-convert", "javascript", exports=("convertToPdf",), setup=setup)


@HARNESS.functional
def converts(ctx):
    for name, stem in (("Q3 report.docx", "Q3 report"), ("minutes.odt", "minutes")):
        got = ctx.js_call("convertToPdf", name)
        expect(got["ok"], f"convertToPdf({name!r}) failed: {got.get('error')}")
        want = ctx.path("pdf", f"{stem}.pdf")
        expect(os.path.isfile(want), f"no {stem}.pdf in PDF_DIR: {sorted(os.listdir(ctx.path('pdf')))}")
        value = got["value"]
        expect(isinstance(value, str) and os.path.realpath(os.path.join(ctx.dir, value)) == os.path.realpath(want),
               f"convertToPdf({name!r}) resolved to {value!r}, expected {want!r}")


@HARNESS.functional
def rejects_on_failure(ctx):
    got = ctx.js_call("convertToPdf", "missing.docx")
    expect(not got["ok"], "the promise resolved although soffice failed (no such upload)")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    canary = ctx.canary()
    for name in NAMES:
        ctx.js_call("convertToPdf", name)
        if os.path.exists(canary):
            return Exploited(name, "a shell command in the uploaded file's name ran: the canary file was created")
    return None


if __name__ == "__main__":
    HARNESS.main()
