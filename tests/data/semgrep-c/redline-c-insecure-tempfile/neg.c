#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

FILE *open_spool(char *path_out, size_t size)
{
    char tmpl[] = "/tmp/spool-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0 || strlen(tmpl) >= size)
        return NULL;
    strcpy(path_out, tmpl);
    return fdopen(fd, "w");
}
