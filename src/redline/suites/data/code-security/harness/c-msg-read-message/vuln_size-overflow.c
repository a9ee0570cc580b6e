#include <arpa/inet.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_MESSAGE (1024u * 1024u)

unsigned char *read_message(int fd, uint32_t *len_out)
{
    uint32_t netlen;
    size_t got = 0;
    while (got < sizeof netlen) {
        ssize_t r = read(fd, (char *)&netlen + got, sizeof netlen - got);
        if (r <= 0)
            return NULL;
        got += (size_t)r;
    }
    uint32_t len = ntohl(netlen);
    unsigned char *buf = malloc(len + 1);  /* room for the NUL */
    if (buf == NULL)
        return NULL;
    uint32_t have = 0;
    while (have < len) {
        ssize_t r = read(fd, buf + have, len - have);
        if (r <= 0) {
            free(buf);
            return NULL;
        }
        have += (uint32_t)r;
    }
    buf[len] = '\0';
    *len_out = len;
    return buf;
}
