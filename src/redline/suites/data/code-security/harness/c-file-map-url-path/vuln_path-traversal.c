#include <stdio.h>
#include <string.h>

int map_url_path(const char *root, const char *url_path, char *out, size_t out_size)
{
    if (url_path[0] != '/')
        return -1;
    int n = snprintf(out, out_size, "%s%s", root, url_path);
    if (n < 0 || (size_t)n >= out_size)
        return -1;
    return 0;
}
