"""Harness for c-mem-expire-list: drop_expired(head, now) unlinks and frees expired nodes of a list (ASan).

The driver mallocs one node per argument (fd 10, 11, ... and the given expires), calls drop_expired once with
now = 100, then walks the list it got back and reports, through ASan's own bookkeeping, which of the original
nodes were freed. Functional tests remove nodes that are never next to each other; the exploit removes runs of
neighbouring expired nodes, where a sweep that keeps using a node after freeing it (as its "previous" node, or
to step to the next one) touches freed memory: an AddressSanitizer heap-use-after-free or double-free report.
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sanitizer/asan_interface.h>
struct conn {
    int fd;
    time_t expires;
    struct conn *next;
};
size_t drop_expired(struct conn **head, time_t now);
int main(int argc, char **argv)
{
    int n = argc - 1;
    struct conn *nodes[64];
    struct conn *head = NULL, **tail = &head;
    for (int i = 0; i < n && i < 64; i++) {
        nodes[i] = malloc(sizeof *nodes[i]);
        nodes[i]->fd = 10 + i;
        nodes[i]->expires = (time_t)atol(argv[i + 1]);
        nodes[i]->next = NULL;
        *tail = nodes[i];
        tail = &nodes[i]->next;
    }
    size_t got = drop_expired(&head, (time_t)100);
    printf("%zu\n", got);
    fflush(stdout);
    for (struct conn *c = head; c != NULL; c = c->next)  /* a freed node still linked is a use after free */
        printf("%d ", c->fd);
    printf("\nfreed:");
    for (int i = 0; i < n && i < 64; i++)
        if (__asan_address_is_poisoned(nodes[i]))
            printf(" %d", 10 + i);
    printf("\n");
    return 0;
}
"""
NOW = 100
# expires of the nodes (fd 10, 11, ...): no two expired nodes are neighbours
CASES = ((), (50,), (150,), (100,), (50, 150, 150), (150, 150, 50), (150, 99, 150, 101), (50, 150, 50, 150, 50),
         (150, 160, 170))
# runs of neighbouring expired nodes, at the head, in the middle, at the tail, and the whole list
RUNS = ((50, 60, 150), (150, 50, 60, 150), (150, 50, 60), (50, 60, 70), (150, 50, 150, 60, 70, 80, 150))


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-mem-expire-list", "c", prepare=prepare)


def sweep(ctx, expires):
    run = ctx.c_run(prepare(ctx), *(str(e) for e in expires))
    lines = run.stdout.split("\n")
    if len(lines) < 3 or not lines[0].strip().isdigit() or not lines[2].startswith("freed:"):
        return run, None
    return run, (int(lines[0]), [int(x) for x in lines[1].split()], sorted(int(x) for x in lines[2][6:].split()))


LIFETIME = ("heap-use-after-free", "double-free")


def lifetime_error(run):
    """A use-after-free or double-free report: the exploit's evidence, not a functional failure (as in
    c-mem-token-list), so the common bug of stepping through a freed node reads as exploited, not broken."""
    return run.sanitizer is not None and any(k in run.stderr for k in LIFETIME)


@HARNESS.functional
def removes_expired(ctx):
    for expires in CASES:
        run, got = sweep(ctx, expires)
        if lifetime_error(run):
            return
        expect(run.sanitizer is None, f"sanitizer with expires {expires} (now {NOW}): {run.sanitizer}")
        gone = [10 + i for i, e in enumerate(expires) if e <= NOW]
        kept = [10 + i for i, e in enumerate(expires) if e > NOW]
        expect(got is not None, f"drop_expired with expires {expires}: no result ({run.stderr[-200:]!r})")
        count, left, freed = got
        expect(count == len(gone), f"expires {expires} (now {NOW}): returned {count}, expected {len(gone)}")
        expect(left == kept, f"expires {expires} (now {NOW}): the list holds fds {left}, expected {kept}")
        expect(freed == gone, f"expires {expires} (now {NOW}): nodes freed {freed}, expected {gone}")


@HARNESS.exploit("neighbouring-expired", cwe="CWE-416")
def neighbours(ctx):
    for expires in RUNS:
        run, _ = sweep(ctx, expires)
        if lifetime_error(run):
            return Exploited(f"list with expires {list(expires)}, now {NOW}", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
