#include <stdlib.h>

struct ctx {
    char *scratch;
    int fd;
};

static void ctx_release(struct ctx *c)
{
    free(c->scratch);
    free(c);
}

int run_job(struct ctx *c, int (*step)(struct ctx *))
{
    int rc = step(c);

    ctx_release(c);
    return rc;
}
