#include <stdio.h>
#include <string.h>

/* 1 when some '/'-separated segment of path is "..". */
static int has_dotdot(const char *path)
{
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == 2 && p[0] == '.' && p[1] == '.')
            return 1;
        p += len;
    }
    return 0;
}

int map_url_path(const char *root, const char *url_path, char *out, size_t out_size)
{
    if (url_path[0] != '/' || has_dotdot(url_path))
        return -1;
    int n = snprintf(out, out_size, "%s%s", root, url_path);
    if (n < 0 || (size_t)n >= out_size)
        return -1;
    return 0;
}
