#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct conn {
    int fd;
    char *rbuf;
    unsigned long served;
};

static void conn_destroy(struct conn *c)
{
    close(c->fd);
    free(c->rbuf);
    free(c);
}

void on_hangup(struct conn *c, int verbose)
{
    conn_destroy(c);
    if (verbose)
        fprintf(stderr, "fd %d closed after %lu requests\n", c->fd, c->served);
}
