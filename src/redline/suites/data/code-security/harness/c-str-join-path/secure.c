#include <stddef.h>
#include <stdio.h>
#include <string.h>

int join_path(char *out, size_t out_size, const char *dir, const char *file)
{
    size_t dlen = strlen(dir);
    const char *sep = (dlen > 0 && dir[dlen - 1] == '/') ? "" : "/";
    int n = snprintf(out, out_size, "%s%s%s", dir, sep, file);
    if (n < 0 || (size_t)n >= out_size)
        return -1;
    return 0;
}
