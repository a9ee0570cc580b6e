#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

FILE *open_spool(char *path_out, size_t path_size)
{
    char tmpl[] = "/tmp/spool-XXXXXX";
    if (path_size < sizeof tmpl)
        return NULL;
    int fd = mkstemp(tmpl);  /* unique name, created with O_EXCL and mode 0600 */
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
