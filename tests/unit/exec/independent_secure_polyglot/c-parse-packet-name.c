/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#define NAME_MAX_LEN 64

static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += w;
        len -= (size_t)w;
    }
    return 0;
}

void greet_client(int fd)
{
    char name[NAME_MAX_LEN + 1];
    size_t len = 0;
    /* Read one byte at a time up to the newline so we never read past the line or the buffer. */
    while (len < NAME_MAX_LEN) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0 || c == '\n')
            break;
        name[len++] = c;
    }
    while (len > 0 && name[len - 1] == '\r')
        len--;
    name[len] = '\0';
    /* Keep only printable characters so the reply cannot carry control sequences. */
    size_t j = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c >= 0x20 && c != 0x7f)
            name[j++] = (char)c;
    }
    name[j] = '\0';
    char reply[NAME_MAX_LEN + 16];
    int n = snprintf(reply, sizeof reply, "Hello, %s!\n", name);
    if (n < 0)
        return;
    size_t out_len = (size_t)n < sizeof reply ? (size_t)n : sizeof reply - 1;
    (void)write_all(fd, reply, out_len);
}
