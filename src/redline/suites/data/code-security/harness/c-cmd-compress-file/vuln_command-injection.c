#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int compress_file(const char *path)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "gzip -f \"%s\"", path);
    int status = system(cmd);
    return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}
