#include <stddef.h>
#include <string.h>

int join_path(char *out, size_t out_size, const char *dir, const char *file)
{
    if (strlen(dir) >= out_size)
        return -1;
    strcpy(out, dir);
    if (out[strlen(out) - 1] != '/')
        strcat(out, "/");
    strcat(out, file);
    return 0;
}
