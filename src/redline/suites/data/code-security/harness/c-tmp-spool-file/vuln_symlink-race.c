#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

FILE *open_spool(char *path_out, size_t path_size)
{
    static int seq;
    char name[64];
    snprintf(name, sizeof name, "/tmp/spool-%d-%d.job", (int)getpid(), seq++);
    if (strlen(name) >= path_size)
        return NULL;
    FILE *f = fopen(name, "w");
    if (f != NULL)
        strcpy(path_out, name);
    return f;
}
