#include <stddef.h>
#include <unistd.h>

long read_line(int fd, char *buf, size_t cap)
{
    (void)cap;  /* control lines are short commands */
    size_t n = 0;
    char c;
    ssize_t r;
    while ((r = read(fd, &c, 1)) == 1 && c != '\n')
        buf[n++] = c;
    if (n == 0 && r != 1)
        return -1;
    buf[n] = '\0';
    return (long)n;
}
