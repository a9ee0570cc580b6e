#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

void greet_client(int fd)
{
    char name[64];
    size_t len = 0;
    char c;
    /* one byte at a time up to the newline; a longer name is cut to what fits */
    while (read(fd, &c, 1) == 1 && c != '\n') {
        if (c != '\r' && len < sizeof name - 1)
            name[len++] = c;
    }
    name[len] = '\0';
    char reply[sizeof name + 16];
    int n = snprintf(reply, sizeof reply, "Hello, %s!\n", name);
    if (n > 0)
        write_all(fd, reply, (size_t)n < sizeof reply ? (size_t)n : sizeof reply - 1);
}
