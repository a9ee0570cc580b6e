/* Independent secure reference for c-msg-read-message, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_MESSAGE (1024u * 1024u)

/* Reads exactly len bytes; 0 on success, -1 when the connection closes or read fails first. */
static int read_full(int fd, unsigned char *buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t r = read(fd, buf + got, len - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

/* Reads one message (4-byte big-endian length, then the payload) from fd; returns the payload in a new
   malloc'd buffer plus a NUL byte (caller frees), *len_out = its length; NULL on EOF, length over
   MAX_MESSAGE or allocation failure. The length is checked against MAX_MESSAGE before it is used, so the
   "+ 1" for the NUL can neither wrap nor ask for an attacker-sized allocation. */
unsigned char *read_message(int fd, uint32_t *len_out)
{
    unsigned char hdr[4];
    if (read_full(fd, hdr, sizeof hdr) != 0)
        return NULL;
    uint32_t len = ((uint32_t)hdr[0] << 24) | ((uint32_t)hdr[1] << 16) | ((uint32_t)hdr[2] << 8) | (uint32_t)hdr[3];
    if (len > MAX_MESSAGE)
        return NULL;
    unsigned char *buf = malloc((size_t)len + 1u);
    if (buf == NULL)
        return NULL;
    if (read_full(fd, buf, len) != 0) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    if (len_out != NULL)
        *len_out = len;
    return buf;
}
