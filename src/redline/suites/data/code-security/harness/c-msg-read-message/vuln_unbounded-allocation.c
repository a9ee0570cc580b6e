#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_MESSAGE (1024u * 1024u)

static int read_exact(int fd, void *p, size_t n)
{
    unsigned char *b = p;
    while (n > 0) {
        ssize_t r = read(fd, b, n);
        if (r <= 0)
            return -1;
        b += r;
        n -= (size_t)r;
    }
    return 0;
}

unsigned char *read_message(int fd, uint32_t *len_out)
{
    unsigned char h[4];
    if (read_exact(fd, h, 4) != 0)
        return NULL;
    size_t len = (size_t)h[0] << 24 | (size_t)h[1] << 16 | (size_t)h[2] << 8 | (size_t)h[3];
    unsigned char *buf = malloc(len + 1);
    if (buf == NULL)
        return NULL;
    if (read_exact(fd, buf, len) != 0) {
        free(buf);
        return NULL;
    }
    buf[len] = 0;
    *len_out = (uint32_t)len;
    return buf;
}
