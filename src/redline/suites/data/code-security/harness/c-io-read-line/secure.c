#include <errno.h>
#include <stddef.h>
#include <unistd.h>

long read_line(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    int got_any = 0;
    for (;;) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (!got_any)
                return -1;
            break;
        }
        got_any = 1;
        if (c == '\n')
            break;
        if (n + 1 < cap)
            buf[n++] = c;
    }
    if (cap > 0)
        buf[n] = '\0';
    return (long)n;
}
