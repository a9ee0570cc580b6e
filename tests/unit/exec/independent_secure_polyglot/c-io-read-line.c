/* Independent secure reference for c-io-read-line, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stddef.h>
#include <unistd.h>

/* Reads one line from fd byte by byte into buf (cap bytes), without the '\n', NUL-terminated; a longer line
   keeps its first cap-1 bytes. Returns the number of bytes stored, or -1 on EOF/error before any byte.
   At most cap-1 bytes are stored so the terminator always fits inside buf. */
long read_line(int fd, char *buf, size_t cap)
{
    if (buf == NULL || cap == 0)
        return -1;
    size_t n = 0;
    int got_any = 0;
    for (;;) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            if (!got_any)
                return -1;
            break; /* an error mid-line ends the line like a close */
        }
        if (r == 0) {
            if (!got_any)
                return -1;
            break;
        }
        got_any = 1;
        if (c == '\n')
            break;
        if (n < cap - 1)
            buf[n++] = c; /* bytes past cap-1 are read and dropped */
    }
    buf[n] = '\0';
    return (long)n;
}
