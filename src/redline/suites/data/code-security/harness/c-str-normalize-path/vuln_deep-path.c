#include <stddef.h>
#include <string.h>

#define MAX_SEGMENTS 64

size_t normalize_path(char *path)
{
    char *seg[MAX_SEGMENTS];
    size_t seglen[MAX_SEGMENTS];
    int depth = 0;
    char *p = path;
    while (*p != '\0') {
        while (*p == '/')
            p++;
        char *start = p;
        while (*p != '\0' && *p != '/')
            p++;
        size_t len = (size_t)(p - start);
        if (len == 0 || (len == 1 && start[0] == '.'))
            continue;
        if (len == 2 && start[0] == '.' && start[1] == '.') {
            if (depth > 0)
                depth--;
            continue;
        }
        seg[depth] = start;
        seglen[depth] = len;
        depth++;
    }
    char *w = path;
    for (int i = 0; i < depth; i++) {
        *w++ = '/';
        memmove(w, seg[i], seglen[i]);
        w += seglen[i];
    }
    if (w == path)
        *w++ = '/';
    *w = '\0';
    return (size_t)(w - path);
}
