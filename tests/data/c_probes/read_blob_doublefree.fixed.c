#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

struct blob {
    uint8_t *data;
    size_t len;
};

static int read_all(int fd, uint8_t *buf, size_t n)
{
    size_t got = 0;

    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

int blob_load(int fd, struct blob *out, size_t n)
{
    uint8_t *buf = NULL;

    if (n == 0 || n > (1u << 24))
        goto fail;
    buf = malloc(n);
    if (buf == NULL)
        goto fail;
    if (read_all(fd, buf, n) < 0) {
        free(buf);
        buf = NULL;
        goto fail;
    }
    out->data = buf;
    out->len = n;
    return 0;
fail:
    free(buf);
    out->data = NULL;
    out->len = 0;
    return -1;
}
