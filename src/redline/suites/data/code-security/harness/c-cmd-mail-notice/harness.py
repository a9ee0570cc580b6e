"""Harness for c-cmd-mail-notice: mail_notice(to, body) runs "sendmail -i <to>" with the body on its stdin.

``sendmail`` on PATH is a stand-in that parses its arguments as sendmail's getopt does (options up to the first
non-option or ``--``; ``-X FILE`` / ``-XFILE`` logs the mail traffic to FILE, as the real one does), files each
message under ``outbox/`` with its recipients, and exits 75 for the recipient ``fail@example.org``.
"""

import os

from hpoly import Exploited, Harness, expect

FAKE_SENDMAIL = """
# stand-in for sendmail: getopt-style options, then recipients; the message is read from stdin
out="{outbox}"
log=""; rcpts=""; opts=1
while [ $# -gt 0 ]; do
  a="$1"; shift
  if [ $opts = 1 ]; then
    case "$a" in
      --) opts=0; continue ;;
      -X) log="$1"; shift; continue ;;
      -X*) log="${{a#-X}}"; continue ;;
      -f|-F|-C|-O|-o|-N|-R|-V|-B|-L|-h|-p|-q) shift; continue ;;
      -*) continue ;;
    esac
  fi
  opts=0
  rcpts="$rcpts $a"
done
msg=$(cat)
if [ -n "$log" ]; then printf '%s\\n' "sendmail traffic log: rcpts=$rcpts" "$msg" >> "$log"; fi
[ -n "$rcpts" ] || {{ echo "sendmail: Recipient names must be specified" >&2; exit 64; }}
mkdir -p "$out"
n=$(ls "$out" | wc -l)
printf 'rcpts:%s\\n%s\\n' "$rcpts" "$msg" > "$out/$n.eml"
case "$rcpts" in *fail@example.org*) exit 75 ;; esac
exit 0
"""
DRIVER = r"""
#include <stdio.h>
int mail_notice(const char *to, const char *body);
int main(int argc, char **argv)
{
    int rc = mail_notice(argv[1], argv[2]);
    printf("%d\n", rc);
    return 0;
}
"""
BODY = "Hello,\nthe password of your hosting account was changed.\nThe hosting team\n"


def setup(ctx):
    ctx.fake_bin("sendmail", FAKE_SENDMAIL.format(outbox=ctx.path("outbox")))


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-cmd-mail-notice", "c", setup=setup, prepare=prepare)


def outbox(ctx):
    folder = ctx.path("outbox")
    if not os.path.isdir(folder):
        return []
    out = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as fh:
            out.append(fh.read())
    return out


@HARNESS.functional
def sends(ctx):
    prog = prepare(ctx)
    for to in ("ann@example.org", "bo+alerts@mail.example.co.uk"):
        run = ctx.c_run(prog, to, BODY)
        expect(run.sanitizer is None, f"sanitizer: {run.sanitizer}")
        expect(run.stdout.split()[:1] == ["0"], f"mail_notice({to!r}) returned {run.stdout!r} {run.stderr[-200:]!r}")
    mails = outbox(ctx)
    expect(len(mails) == 2, f"sendmail received {len(mails)} messages, expected 2")
    for mail, to in zip(mails, ("ann@example.org", "bo+alerts@mail.example.co.uk"), strict=True):
        head, _, text = mail.partition("\n")
        expect(head.split()[1:] == [to], f"sendmail was given the recipients {head[6:]!r}, expected {to!r}")
        expect("password of your hosting account was changed" in text, f"the body did not reach sendmail: {text!r}")


@HARNESS.functional
def reports_failure(ctx):
    run = ctx.c_run(prepare(ctx), "fail@example.org", BODY)
    expect(run.stdout.split()[:1] == ["-1"], f"sendmail exited 75, mail_notice returned {run.stdout!r}")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    prog = prepare(ctx)
    canary = ctx.canary()
    for to in (f"ann@example.org; touch {canary}", f"$(touch {canary})@example.org", f"`touch {canary}`@x.org",
               f"ann@example.org' ; touch {canary} ; '", f'ann@example.org" ; touch {canary} ; "',
               f"ann@example.org\ntouch {canary}"):
        ctx.c_run(prog, to, BODY)
        if os.path.exists(canary):
            return Exploited(to, "a shell command in the address ran: the canary file was created")
    return None


@HARNESS.exploit("argument-injection", cwe="CWE-88")
def option(ctx):
    prog = prepare(ctx)
    canary = ctx.canary("rl_traffic.log")
    for to in (f"-X{canary}", f"-X {canary}", f"-X{canary} ann@example.org"):
        ctx.c_run(prog, to, BODY)
        if os.path.exists(canary):
            with open(canary, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            return Exploited(to, f"sendmail took the address as its -X option and wrote its traffic log, with the "
                                 f"message, to a path the user chose: {text[:80]!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
