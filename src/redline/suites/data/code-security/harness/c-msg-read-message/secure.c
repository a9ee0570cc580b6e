#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_MESSAGE (1024u * 1024u)

static int read_full(int fd, unsigned char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

unsigned char *read_message(int fd, uint32_t *len_out)
{
    unsigned char hdr[4];
    if (read_full(fd, hdr, sizeof hdr) != 0)
        return NULL;
    uint32_t len = (uint32_t)hdr[0] << 24 | (uint32_t)hdr[1] << 16 | (uint32_t)hdr[2] << 8 | hdr[3];
    if (len > MAX_MESSAGE)
        return NULL;
    unsigned char *buf = malloc((size_t)len + 1);
    if (buf == NULL)
        return NULL;
    if (read_full(fd, buf, len) != 0) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    *len_out = len;
    return buf;
}
