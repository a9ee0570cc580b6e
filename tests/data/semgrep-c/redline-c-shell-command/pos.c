#include <stdio.h>
#include <stdlib.h>

int compress_file(const char *path)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "gzip %s", path);
    return system(cmd) == 0 ? 0 : -1;
}

FILE *ping(const char *cmd)
{
    return popen(cmd, "r");
}
