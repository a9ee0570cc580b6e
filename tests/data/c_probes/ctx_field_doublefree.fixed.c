#include <stdlib.h>
#include <string.h>

struct parser {
    char *buf;
    size_t cap;
    int state;
};

int parser_reset(struct parser *ps, size_t cap)
{
    int rc = -1;

    free(ps->buf);
    ps->buf = NULL;
    if (cap == 0 || cap > 65536)
        goto out;
    ps->buf = malloc(cap);
    if (ps->buf == NULL)
        goto out;
    memset(ps->buf, 0, cap);
    ps->cap = cap;
    ps->state = 0;
    return 0;
out:
    free(ps->buf);
    ps->buf = NULL;
    ps->cap = 0;
    return rc;
}
