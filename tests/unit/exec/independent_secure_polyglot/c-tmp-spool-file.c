/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *open_spool(char *path_out, size_t path_size)
{
    char tmpl[] = "/tmp/spool-XXXXXX";
    if (path_out == NULL || path_size < sizeof tmpl)
        return NULL;
    mode_t old = umask(077);
    int fd = mkstemp(tmpl); /* unique name, created with O_EXCL, mode 0600 */
    umask(old);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "w");
    if (f == NULL) {
        close(fd);
        unlink(tmpl);
        return NULL;
    }
    memcpy(path_out, tmpl, sizeof tmpl);
    return f;
}
