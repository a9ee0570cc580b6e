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

    if (rc < 0)
        ctx_release(c);
    ctx_release(c);
    return rc;
}
