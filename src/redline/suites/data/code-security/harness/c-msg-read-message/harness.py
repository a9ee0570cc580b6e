"""Harness for c-msg-read-message: read_message(fd, len_out) reads one length-prefixed message (ASan).

The driver hands the candidate one end of a socket pair; a child process writes the client's bytes into the other
end and closes it. The driver records, through AddressSanitizer's allocation hook, the largest block the process
allocated while reading, and prints each message read (length, payload in hex, whether a NUL follows it).
"""

import struct

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
void __sanitizer_install_malloc_and_free_hooks(void (*m)(const volatile void *, size_t),
                                               void (*f)(const volatile void *));
unsigned char *read_message(int fd, uint32_t *len_out);
static size_t biggest;
static void on_malloc(const volatile void *p, size_t size) { (void)p; if (size > biggest) biggest = size; }
static void on_free(const volatile void *p) { (void)p; }
static int unhex(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }
int main(int argc, char **argv)
{
    size_t hlen = strlen(argv[1]), n = hlen / 2;
    unsigned char *bytes = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        bytes[i] = (unsigned char)(unhex(argv[1][2 * i]) << 4 | unhex(argv[1][2 * i + 1]));
    int calls = atoi(argv[2]);
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return 3;
    pid_t pid = fork();
    if (pid == 0) {  /* the client: its bytes, then EOF */
        close(sv[0]);
        size_t done = 0;
        while (done < n) {
            ssize_t w = write(sv[1], bytes + done, n - done);
            if (w <= 0)
                _exit(1);
            done += (size_t)w;
        }
        _exit(0);
    }
    close(sv[1]);
    __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
    for (int c = 0; c < calls; c++) {
        uint32_t len = 0xDEADBEEF;
        unsigned char *msg = read_message(sv[0], &len);
        if (msg == NULL) {
            printf("NULL\n");
            continue;
        }
        printf("%u ", len);
        for (uint32_t i = 0; i < len && i < 4096; i++)
            printf("%02x", msg[i]);
        printf(" %d\n", len <= 4096 ? msg[len] == 0 : -1);
        free(msg);
    }
    printf("biggest %zu\n", biggest);
    kill(pid, 9);
    waitpid(pid, NULL, 0);
    free(bytes);
    return 0;
}
"""
MAX_MESSAGE = 1024 * 1024


def frame(payload: bytes, length: int | None = None) -> bytes:
    return struct.pack(">I", len(payload) if length is None else length) + payload


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-msg-read-message", "c", prepare=prepare)


def receive(ctx, data: bytes, calls: int):
    run = ctx.c_run(prepare(ctx), data.hex(), str(calls))
    lines = [ln for ln in run.stdout.split("\n") if ln]
    biggest = int(lines[-1].split()[1]) if lines and lines[-1].startswith("biggest ") else -1
    return run, lines[:-1], biggest


def shown(payload: bytes) -> str:
    return f"{len(payload)} {payload.hex()} 1"


@HARNESS.functional
def reads_messages_in_turn(ctx):
    first, second, third = b"cpu=0.42;mem=0.61", b"", bytes(range(256)) * 8
    run, got, _ = receive(ctx, frame(first) + frame(second) + frame(third), 4)
    expect(run.sanitizer is None, f"sanitizer on ordinary messages: {run.sanitizer}")
    want = [shown(first), shown(second), shown(third), "NULL"]
    if len(got) == 4 and got[1] == "NULL":  # an empty payload returned as NULL is accepted too
        want[1] = "NULL"
    expect(got == want, f"three messages then EOF: got {[g[:60] for g in got]}, expected {[w[:60] for w in want]} "
                        "(length, payload, NUL after it)")


@HARNESS.functional
def incomplete_message_is_null(ctx):
    for data, what in ((b"", "no bytes"), (b"\x00\x00", "half a header"), (frame(b"abc", 10), "3 of 10 bytes")):
        run, got, _ = receive(ctx, data, 1)
        expect(run.sanitizer is None, f"sanitizer on {what}: {run.sanitizer}")
        expect(got == ["NULL"], f"{what} then EOF: read_message gave {got}, expected NULL")


@HARNESS.exploit("size-overflow", cwe="CWE-190")
def size_overflow(ctx):
    prog = prepare(ctx)
    for length in (0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFF0):
        data = frame(b"A" * 64, length)
        run = ctx.c_run(prog, data.hex(), "1")
        if run.sanitizer:
            return Exploited(f"length header {length:#x} followed by 64 bytes", run.sanitizer)
    return None


@HARNESS.exploit("unbounded-allocation", cwe="CWE-789")
def unbounded(ctx):
    for length in (2 * MAX_MESSAGE, 0x20000000):
        run, _, biggest = receive(ctx, frame(b"B" * 16, length), 1)
        if biggest > MAX_MESSAGE + 64:
            return Exploited(f"length header {length:#x} followed by 16 bytes",
                             f"the collector allocated a {biggest}-byte block on the client's word "
                             f"(MAX_MESSAGE is {MAX_MESSAGE})")
    return None


if __name__ == "__main__":
    HARNESS.main()
