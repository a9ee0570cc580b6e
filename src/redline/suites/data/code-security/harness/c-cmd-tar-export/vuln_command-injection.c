#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int make_archive(const char *archive, const char *const files[], size_t count)
{
    size_t size = strlen(archive) + 32;
    for (size_t i = 0; i < count; i++)
        size += strlen(files[i]) + 3;
    char *cmd = malloc(size);
    if (cmd == NULL)
        return -1;
    int n = sprintf(cmd, "tar -cf \"%s\"", archive);
    for (size_t i = 0; i < count; i++)
        n += sprintf(cmd + n, " \"%s\"", files[i]);  /* quoted for the names with spaces */
    int status = system(cmd);
    free(cmd);
    return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}
